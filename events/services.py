"""Every change to 건강상점: registrations and the waiting list by party, program bookings, door scans and
their undo, booth stamps, the booth call and its decisions.

Places are people, not registrations. Each registration locks the fair row (``select_for_update``) inside
one durable transaction and sums the confirmed parties there, so the confirmed people never exceed the
visitor capacity, whatever the concurrency. The line is strict: a newcomer queues behind anyone waiting,
and a freed place goes to the head of the line only when the whole party fits (a party of 4 at the head is
not skipped by a party of 1); nobody is promoted after registration closes.

A scan is idempotent by the nonce the desk page sends: the same nonce answers the same, and two phones
scanning one ticket at once serialise on the registration row (one "입장 확인", one "이미 입장"). Every
scan, failed ones too, is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import partial

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.selectors import user_is_cooperative_staff, user_provider_ids
from majubom import audit, pagecache
from majubom.db import retry_on_conflict
from majubom.errors import MajubomError

from .models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    MAX_PARTY,
    Booth,
    CheckIn,
    Fair,
    Program,
    ProgramBooking,
    Registration,
    Stamp,
    new_code,
)

# Walk-ins are taken at the door from an hour before the fair opens until it ends.
DOOR_OPENS_BEFORE = dt.timedelta(hours=1)
STAMP_SALT = "events.booth-stamp"


class NotOpen(MajubomError):
    pass


class Full(MajubomError):
    pass


class Duplicate(MajubomError):
    pass


class NotAllowed(MajubomError):
    pass


class Invalid(MajubomError):
    pass


def _announce(fair_id: int) -> None:
    pagecache.changed(pagecache.fair(fair_id), pagecache.FAIRS)


def _locked_fair(fair_id: int) -> Fair:
    return Fair.objects.select_for_update(no_key=True).get(pk=fair_id)


def confirmed_people(fair: Fair) -> int:
    return (
        Registration.objects.filter(fair=fair, status=Registration.Status.CONFIRMED).aggregate(
            n=Sum("party_size")
        )["n"]
        or 0
    )


def registration_open(fair: Fair, now=None) -> bool:
    now = now or timezone.now()
    return fair.status == Fair.Status.PUBLISHED and fair.registration_opens <= now < fair.registration_closes


def door_open(fair: Fair, now=None) -> bool:
    now = now or timezone.now()
    return fair.status == Fair.Status.PUBLISHED and fair.starts_at - DOOR_OPENS_BEFORE <= now < fair.ends_at


# --- registrations and the line ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistrationResult:
    registration: Registration
    place_in_line: int | None


def place_in_line(registration: Registration) -> int | None:
    """1 for the party at the head of the line …; None when the registration is not waiting."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    line = Registration.objects.filter(fair_id=registration.fair_id, status=Registration.Status.WAITLISTED)
    ahead = line.filter(waitlisted_at__lt=registration.waitlisted_at).count()
    same = line.filter(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk).count()
    return ahead + same + 1


def head_of_line(fair: Fair) -> Registration | None:
    return (
        Registration.objects.filter(fair=fair, status=Registration.Status.WAITLISTED)
        .order_by("waitlisted_at", "pk")
        .first()
    )


def head_blocked(fair: Fair) -> tuple[Registration, int] | None:
    """The party at the head of the line and the places free, when places are free but the head does not
    fit (strict order keeps the others waiting): the admin says so."""
    head = head_of_line(fair)
    if head is None:
        return None
    free = fair.visitor_capacity - confirmed_people(fair)
    if 0 < free < head.party_size:
        return head, free
    return None


def _promote(fair: Fair, *, now) -> list[Registration]:
    """Confirm parties from the head of the line while the whole party fits (inside the caller's locked
    transaction). Strict: the first party that does not fit stops the line."""
    if fair.status != Fair.Status.PUBLISHED or now >= fair.registration_closes:
        return []
    free = fair.visitor_capacity - confirmed_people(fair)
    promoted = []
    for registration in Registration.objects.filter(
        fair=fair, status=Registration.Status.WAITLISTED
    ).order_by("waitlisted_at", "pk"):
        if registration.party_size > free:
            break
        Registration.objects.filter(pk=registration.pk, status=Registration.Status.WAITLISTED).update(
            status=Registration.Status.CONFIRMED, confirmed_at=now
        )
        registration.status, registration.confirmed_at = Registration.Status.CONFIRMED, now
        free -= registration.party_size
        promoted.append(registration)
    if promoted:
        from . import notify

        for registration in promoted:  # one hook each: a message that fails never stops the others
            transaction.on_commit(partial(notify.promoted, registration_id=registration.pk), robust=True)
    return promoted


def _unique_code(fair: Fair) -> str:
    for _attempt in range(20):
        code = new_code()
        if not Registration.objects.filter(fair=fair, code=code).exists():
            return code
    raise AssertionError("no free ticket code")  # 31^6 codes: never in practice


def registration_create(
    *,
    fair: Fair,
    name: str,
    phone: str,
    party_size: int,
    email: str = "",
    user=None,
    agree_followup: bool = False,
    source: str = Registration.Source.WEB,
    now=None,
    tell: bool = True,
) -> RegistrationResult:
    """A visitor registers (``phone`` already normalised): a confirmed place when the party fits and nobody
    waits, else a place in line. At the door (``source`` door) only while places are left."""
    if not 1 <= party_size <= MAX_PARTY:
        raise Invalid(_("인원은 1명부터 %(n)d명까지 적어 주세요.") % {"n": MAX_PARTY})
    user = user if user is not None and user.is_authenticated else None

    def run() -> Registration:
        with transaction.atomic(durable=True):
            locked = _locked_fair(fair.pk)
            # The time is read once the lock is ours: the line's order is the order of the lock.
            moment = now or timezone.now()
            door = source == Registration.Source.DOOR
            if door and not door_open(locked, moment):
                raise NotOpen(_("현장 등록은 행사 날, 행사 시간에만 받아요."))
            if not door and not registration_open(locked, moment):
                if locked.status == Fair.Status.PUBLISHED and moment < locked.registration_opens:
                    raise NotOpen(_("사전 등록은 아직 시작하지 않았어요."))
                raise NotOpen(_("사전 등록이 마감됐어요."))
            live = Registration.objects.filter(fair=locked, status__in=Registration.LIVE)
            if live.filter(phone=phone).exists():
                raise Duplicate(_("이 휴대전화 번호로 이미 등록했어요. 받은 티켓 링크를 확인해 주세요."))
            if user is not None and live.filter(user=user).exists():
                raise Duplicate(_("이미 이 행사에 등록했어요. 내 티켓을 확인해 주세요."))
            free = locked.visitor_capacity - confirmed_people(locked)
            waiting = live.filter(status=Registration.Status.WAITLISTED).exists()
            fits = party_size <= free and not waiting
            if door and party_size > free:
                if free <= 0:
                    raise Full(_("남은 자리가 없어 현장 등록을 받을 수 없어요."))
                raise Full(_("남은 자리가 %(n)d명뿐이라 현장 등록을 받을 수 없어요.") % {"n": free})
            registration = Registration.objects.create(
                fair=locked,
                user=user,
                name=name.strip(),
                phone=phone,
                email=email.strip(),
                party_size=party_size,
                status=Registration.Status.CONFIRMED if fits or door else Registration.Status.WAITLISTED,
                confirmed_at=moment if fits or door else None,
                waitlisted_at=None if fits or door else moment,
                code=_unique_code(locked),
                source=source,
                agreed_privacy_at=moment,
                agree_followup=agree_followup,
            )
            if tell:
                from . import notify

                transaction.on_commit(lambda: notify.registered(registration_id=registration.pk), robust=True)
        return registration

    try:
        registration = retry_on_conflict(run, what="registration_create")
    except IntegrityError as error:  # the same phone's second tap at the same moment
        raise Duplicate(_("이 휴대전화 번호로 이미 등록했어요. 받은 티켓 링크를 확인해 주세요.")) from error
    _announce(fair.pk)
    return RegistrationResult(registration, place_in_line(registration))


def registration_cancel(*, registration: Registration, by=None, now=None) -> list[Registration]:
    """The visitor (from the ticket) or staff cancels; the places go to the head of the line. Returns the
    parties promoted."""

    def run() -> list[Registration]:
        moment = now or timezone.now()
        with transaction.atomic(durable=True):
            fair = _locked_fair(registration.fair_id)
            current = Registration.objects.select_for_update().get(pk=registration.pk)
            if current.status == Registration.Status.CANCELLED:
                raise Invalid(_("이미 취소된 등록이에요."))
            if current.checked_in_at:
                raise Invalid(_("이미 입장한 등록은 취소할 수 없어요."))
            current.status, current.cancelled_at = Registration.Status.CANCELLED, moment
            current.save(update_fields=["status", "cancelled_at"])
            ProgramBooking.objects.filter(registration=current, status=ProgramBooking.Status.BOOKED).update(
                status=ProgramBooking.Status.CANCELLED
            )
            if by is not None:
                audit.record(obj=current, by=by, message="등록 취소")
            return _promote(fair, now=moment)

    promoted = retry_on_conflict(run, what="registration_cancel")
    _announce(registration.fair_id)
    return promoted


def fair_set_capacity(*, fair: Fair, capacity: int, by, now=None) -> list[Registration]:
    """Raise or lower the visitor capacity; lowering cancels nobody, raising promotes the line."""
    if capacity < 1:
        raise Invalid(_("방문 정원은 1명 이상이어야 해요."))

    def run() -> list[Registration]:
        with transaction.atomic(durable=True):
            locked = _locked_fair(fair.pk)
            locked.visitor_capacity = capacity
            locked.save(update_fields=["visitor_capacity", "updated_at"])
            audit.record(obj=locked, by=by, message=f"방문 정원 {capacity}명")
            return _promote(locked, now=now or timezone.now())

    promoted = retry_on_conflict(run, what="fair_set_capacity")
    fair.visitor_capacity = capacity
    _announce(fair.pk)
    return promoted


def promote_line(*, fair: Fair, now=None) -> list[Registration]:
    """Promote whatever fits now (after an edit in the admin)."""

    def run():
        with transaction.atomic(durable=True):
            return _promote(_locked_fair(fair.pk), now=now or timezone.now())

    promoted = retry_on_conflict(run, what="promote_line")
    _announce(fair.pk)
    return promoted


# --- program bookings -------------------------------------------------------------------------------------


def program_seats_taken(program: Program) -> int:
    return (
        ProgramBooking.objects.filter(program=program, status=ProgramBooking.Status.BOOKED).aggregate(
            n=Sum("seats")
        )["n"]
        or 0
    )


def program_book(*, registration: Registration, program_id: int, seats: int, now=None) -> ProgramBooking:
    """Book seats of a program from the ticket: the program row is locked and its seats counted there."""
    try:
        seats = int(seats)
    except (TypeError, ValueError):
        raise Invalid(_("인원을 숫자로 골라 주세요.")) from None

    def run() -> ProgramBooking:
        moment = now or timezone.now()
        with transaction.atomic(durable=True):
            program = (
                Program.objects.select_for_update(of=("self",), no_key=True)
                .select_related("booth")
                .filter(pk=program_id)
                .first()
            )
            if program is None or program.booth.fair_id != registration.fair_id:
                raise Invalid(_("이 행사의 프로그램이 아니에요."))
            if program.booth.status != Booth.Status.APPROVED:
                raise Invalid(_("이 행사의 프로그램이 아니에요."))
            # Locked (after the program): a cancellation at the same moment waits, then sees this booking.
            current = Registration.objects.select_for_update().get(pk=registration.pk)
            if current.status != Registration.Status.CONFIRMED:
                raise NotAllowed(_("등록이 확정된 분만 프로그램을 예약할 수 있어요."))
            if not 1 <= seats <= current.party_size:
                raise Invalid(
                    _("프로그램은 등록한 인원(%(n)d명)까지 예약할 수 있어요.") % {"n": current.party_size}
                )
            if moment >= program.starts_at:
                raise NotOpen(_("이미 시작한 프로그램이에요."))
            if ProgramBooking.objects.filter(
                program=program, registration=current, status=ProgramBooking.Status.BOOKED
            ).exists():
                raise Duplicate(_("이미 예약한 프로그램이에요."))
            left = program.capacity - program_seats_taken(program)
            if seats > left:
                if left <= 0:
                    raise Full(_("자리가 다 찼어요."))
                raise Full(_("남은 자리가 %(n)d명이에요.") % {"n": left})
            return ProgramBooking.objects.create(program=program, registration=current, seats=seats)

    try:
        booking = retry_on_conflict(run, what="program_book")
    except IntegrityError as error:
        raise Duplicate(_("이미 예약한 프로그램이에요.")) from error
    _announce(registration.fair_id)
    return booking


def program_cancel(*, registration: Registration, booking_id: int) -> None:
    updated = ProgramBooking.objects.filter(
        pk=booking_id, registration=registration, status=ProgramBooking.Status.BOOKED
    ).update(status=ProgramBooking.Status.CANCELLED)
    if not updated:
        raise Invalid(_("취소할 예약이 없어요."))
    _announce(registration.fair_id)


# --- the door ---------------------------------------------------------------------------------------------

_SECRET_IN_URL = re.compile(r"/tickets/([A-Za-z0-9_-]{16,64})/?")


def normalise_code(value: str) -> str:
    """What the staff typed or the camera read: a ticket link, its secret, or the short code (spaces and
    dashes ignored, lower case accepted)."""
    value = (value or "").strip()
    found = _SECRET_IN_URL.search(value)
    if found:
        return found.group(1)
    compact = re.sub(r"[\s-]", "", value)
    if len(compact) == CODE_LENGTH and all(c in CODE_ALPHABET for c in compact.upper()):
        return compact.upper()
    return value[:64]


def find_registration(value: str) -> Registration | None:
    """By the QR's secret (any fair, so that another fair's ticket is recognised) or by the short code (a
    code is unique per fair only: the caller checks the fair)."""
    if len(value) == CODE_LENGTH:
        return None  # a code needs its fair: see ``scan``
    return Registration.objects.filter(secret=value).select_related("fair").first() if value else None


@dataclass(frozen=True)
class ScanAnswer:
    checkin: CheckIn
    registration: Registration | None
    repeated: bool  # the same nonce again: nothing new was recorded


def scan(*, fair: Fair, value: str, nonce: str, staff, door: str = "", now=None) -> ScanAnswer:
    """Check a ticket in at the door. Every scan is recorded once per nonce; a retry with the same nonce
    answers what the first one answered."""
    nonce = (nonce or "").strip()[:64]
    if not nonce:
        raise Invalid(_("화면을 새로 고친 뒤 다시 스캔해 주세요."))
    door = (door or "").strip()[:20]
    key = normalise_code(value)

    def existing() -> ScanAnswer | None:
        found = CheckIn.objects.filter(fair=fair, nonce=nonce).select_related("registration").first()
        return ScanAnswer(found, found.registration, True) if found else None

    def run() -> ScanAnswer:
        moment = now or timezone.now()
        with transaction.atomic(durable=True):
            # The ticket is found and locked in one query: two phones scanning it queue here.
            locked = Registration.objects.select_for_update(of=("self",))
            if len(key) == CODE_LENGTH:
                target = locked.filter(fair=fair, code=key).first()
            else:
                target = locked.filter(secret=key).first() if key else None
            registration = None
            if target is None:
                result = CheckIn.Result.UNKNOWN
            elif target.fair_id != fair.pk:
                result = CheckIn.Result.WRONG_FAIR
            else:
                # The same nonce from a retry that waited for this lock fails on the unique (fair, nonce)
                # below, which rolls this whole transaction back and answers the first scan's result.
                registration = target
                if registration.status == Registration.Status.CANCELLED:
                    result = CheckIn.Result.CANCELLED
                elif registration.status == Registration.Status.WAITLISTED:
                    # At the door a waiting party that fits the places left comes in (like a walk-in).
                    result = CheckIn.Result.WAITLISTED
                    locked_fair = _locked_fair(fair.pk)
                    free = locked_fair.visitor_capacity - confirmed_people(locked_fair)
                    if door_open(locked_fair, moment) and registration.party_size <= free:
                        result = CheckIn.Result.OK
                        registration.status, registration.confirmed_at = Registration.Status.CONFIRMED, moment
                        registration.checked_in_at, registration.checked_in_door = moment, door
                        registration.save(
                            update_fields=["status", "confirmed_at", "checked_in_at", "checked_in_door"]
                        )
                elif registration.checked_in_at:
                    result = CheckIn.Result.ALREADY
                else:
                    result = CheckIn.Result.OK
                    registration.checked_in_at, registration.checked_in_door = moment, door
                    registration.save(update_fields=["checked_in_at", "checked_in_door"])
            checkin = CheckIn.objects.create(
                fair=fair,
                registration=registration if registration is not None else None,
                nonce=nonce,
                scanned=key[:12],
                result=result,
                door=door,
                staff=staff if getattr(staff, "is_authenticated", False) else None,
            )
            return ScanAnswer(checkin, registration or target, False)

    again = existing()
    if again:
        return again
    try:
        answer = retry_on_conflict(run, what="scan")
    except IntegrityError:  # the same nonce at the same moment (a double tap): answer the first
        answer = existing()
        if answer is None:
            raise
    if answer.checkin.result == CheckIn.Result.OK:
        _announce(fair.pk)
    return answer


def checkin_undo(*, registration: Registration, by, reason: str) -> None:
    """Staff take back a check-in (the wrong ticket was scanned), with a reason; the scan rows stay."""
    reason = (reason or "").strip()
    if not reason:
        raise Invalid(_("입장 취소 까닭을 적어 주세요."))
    with transaction.atomic():
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if not current.checked_in_at:
            raise Invalid(_("입장하지 않은 등록이에요."))
        current.checked_in_at, current.checked_in_door = None, ""
        current.save(update_fields=["checked_in_at", "checked_in_door"])
        CheckIn.objects.filter(registration=current, result=CheckIn.Result.OK, undone_at__isnull=True).update(
            undone_at=timezone.now(), undone_by=by, undo_reason=reason[:200]
        )
        audit.record(obj=current, by=by, message=f"입장 취소: {reason[:200]}")
    _announce(registration.fair_id)


def walk_in(
    *,
    fair: Fair,
    name: str,
    phone: str,
    party_size: int,
    staff,
    nonce: str,
    door: str = "",
    email: str = "",
    agree_followup: bool = False,
) -> ScanAnswer:
    """A visitor registered at the door and let in at once. The nonce is checked first: a repeated post
    answers what the first one did and registers nobody twice."""
    nonce = (nonce or "").strip()[:64]
    if not nonce:
        raise Invalid(_("화면을 새로 고친 뒤 다시 등록해 주세요."))
    earlier = CheckIn.objects.filter(fair=fair, nonce=nonce).select_related("registration").first()
    if earlier:
        return ScanAnswer(earlier, earlier.registration, True)
    result = registration_create(
        fair=fair,
        name=name,
        phone=phone,
        party_size=party_size,
        email=email,
        agree_followup=agree_followup,
        source=Registration.Source.DOOR,
    )
    return scan(fair=fair, value=result.registration.secret, nonce=nonce, staff=staff, door=door)


# --- stamps -----------------------------------------------------------------------------------------------


def may_run_booth(user, booth: Booth) -> bool:
    return user_is_cooperative_staff(user) or (
        booth.provider_id is not None and booth.provider_id in user_provider_ids(user)
    )


@dataclass(frozen=True)
class StampAnswer:
    stamp: Stamp
    created: bool


def stamp_add(*, booth: Booth, registration: Registration | None, by=None, nonce: str = "") -> StampAnswer:
    """A stamp for a checked-in visitor at an approved booth of the same fair, once per booth."""
    if registration is None:
        raise Invalid(_("모르는 티켓이에요. 코드를 다시 확인해 주세요."))
    if registration.fair_id != booth.fair_id:
        raise Invalid(_("다른 행사의 티켓이에요."))
    if booth.status != Booth.Status.APPROVED:
        raise NotAllowed(_("승인된 부스만 스탬프를 찍을 수 있어요."))
    if registration.status != Registration.Status.CONFIRMED or not registration.checked_in_at:
        raise NotAllowed(_("입장 확인을 먼저 받아야 스탬프를 찍을 수 있어요."))
    try:
        with transaction.atomic():
            stamp, created = Stamp.objects.get_or_create(
                registration=registration,
                booth=booth,
                defaults={"by": by if getattr(by, "is_authenticated", False) else None, "nonce": nonce[:64]},
            )
    except IntegrityError:  # two scans of the same visitor at once
        stamp, created = Stamp.objects.get(registration=registration, booth=booth), False
    if created:
        _announce(booth.fair_id)
    return StampAnswer(stamp, created)


def booth_poster_token(booth: Booth) -> str:
    """The signed value in a booth's poster QR: a visitor scanning it stamps their own ticket."""
    return signing.dumps({"booth": booth.pk}, salt=STAMP_SALT, compress=True)


def booth_from_poster(token: str) -> Booth | None:
    try:
        data = signing.loads(token, salt=STAMP_SALT)
    except signing.BadSignature:
        return None
    return Booth.objects.filter(pk=data.get("booth")).select_related("fair", "provider").first()


# --- the booth call ---------------------------------------------------------------------------------------


def booth_call_open(fair: Fair, now=None) -> bool:
    now = now or timezone.now()
    return bool(
        fair.status != Fair.Status.CLOSED
        and fair.booth_call_opens
        and fair.booth_call_closes
        and fair.booth_call_opens <= now < fair.booth_call_closes
    )


def booth_apply(*, fair: Fair, provider, by, offering: str, now=None) -> Booth:
    """A provider member applies for a booth for their own provider, once per fair."""
    if not (user_is_cooperative_staff(by) or provider.pk in user_provider_ids(by)):
        raise NotAllowed(_("소속된 기업으로만 부스를 신청할 수 있어요."))
    if not user_is_cooperative_staff(by) and not booth_call_open(fair, now):
        raise NotOpen(_("부스 모집 기간이 아니에요."))
    if not (offering or "").strip():
        raise Invalid(_("방문객이 해 볼 수 있는 것을 적어 주세요."))
    try:
        with transaction.atomic():
            if Booth.objects.filter(fair=fair, provider=provider, status__in=Booth.LIVE).exists():
                raise Duplicate(_("이 행사에 이미 부스를 신청했어요."))
            booth = Booth.objects.create(
                fair=fair, provider=provider, offering=offering.strip(), applied_by=by
            )
    except IntegrityError as error:
        raise Duplicate(_("이 행사에 이미 부스를 신청했어요.")) from error
    audit.record(obj=booth, by=by, message="부스 신청")
    return booth


def booth_apply_public(
    *,
    fair: Fair,
    company_name: str,
    company_kind: str,
    contact_name: str,
    contact_phone: str,
    contact_email: str,
    offering: str,
    now=None,
) -> Booth:
    """A company not yet on 마주봄 applies through the public form."""
    if not booth_call_open(fair, now):
        raise NotOpen(_("부스 모집 기간이 아니에요."))
    if Booth.objects.filter(
        fair=fair, provider__isnull=True, contact_email__iexact=contact_email, status__in=Booth.LIVE
    ).exists():
        raise Duplicate(_("이 이메일로 이미 부스를 신청했어요. 조합이 곧 연락드릴게요."))
    return Booth.objects.create(
        fair=fair,
        company_name=company_name.strip(),
        company_kind=company_kind,
        contact_name=contact_name.strip(),
        contact_phone=contact_phone,
        contact_email=contact_email.strip(),
        offering=offering.strip(),
    )


def _next_number(fair: Fair) -> int:
    last = Booth.objects.filter(fair=fair, number__isnull=False).order_by("-number").first()
    return (last.number if last else 0) + 1


def booth_approve(
    *, booth: Booth, by, number: int | None = None, zone: str | None = None, message: str = ""
) -> Booth:
    """Cooperative staff approve a booth and give it a number; a company new to 마주봄 gets its (unpublished)
    Provider and its contact an invitation to own it."""
    if not user_is_cooperative_staff(by):
        raise NotAllowed(_("부스 승인은 조합만 할 수 있어요."))
    invite = None
    with transaction.atomic():
        Fair.objects.select_for_update(no_key=True).get(pk=booth.fair_id)  # numbers are given one at a time
        current = Booth.objects.select_for_update().get(pk=booth.pk)
        if current.status != Booth.Status.APPLIED:
            raise Invalid(_("신청 상태인 부스만 승인할 수 있어요."))
        if (
            number is not None
            and Booth.objects.filter(fair_id=current.fair_id, number=number).exclude(pk=current.pk).exists()
        ):
            raise Duplicate(_("%(n)d번 부스는 이미 있어요.") % {"n": number})
        if current.provider_id is None:
            from catalog.services import provider_create_with_owner

            provider, invite = provider_create_with_owner(
                name=current.company_name,
                kind=current.company_kind or "general",
                owner_email=current.contact_email,
                owner_name=current.contact_name,
                phone=current.contact_phone,
                by=by,
            )
            current.provider = provider
        current.status = Booth.Status.APPROVED
        current.number = number or current.number or _next_number(current.fair)
        if zone is not None:
            current.zone = zone
        current.decided_by, current.decided_at, current.decision_message = by, timezone.now(), message
        current.save()
        audit.record(obj=current, by=by, message=f"부스 승인 · {current.number}번")
        from . import notify

        booth_id = current.pk
        transaction.on_commit(lambda: notify.booth_decided(booth_id=booth_id), robust=True)
        if invite is not None:
            transaction.on_commit(invite, robust=True)
    _announce(booth.fair_id)
    return current


def _cancel_booth_bookings(booth: Booth) -> int:
    """A booth that will not be at the fair takes its programs' bookings with it (the seats, and the
    visitors' phone numbers the booth could see)."""
    return ProgramBooking.objects.filter(program__booth=booth, status=ProgramBooking.Status.BOOKED).update(
        status=ProgramBooking.Status.CANCELLED
    )


def booth_reject(*, booth: Booth, by, message: str) -> Booth:
    if not user_is_cooperative_staff(by):
        raise NotAllowed(_("부스 결정은 조합만 할 수 있어요."))
    message = (message or "").strip()
    if not message:
        raise Invalid(_("거절하는 까닭을 적어 주세요. 신청한 기업에 그대로 전해져요."))
    with transaction.atomic():
        current = Booth.objects.select_for_update().get(pk=booth.pk)
        if current.status not in Booth.LIVE:
            raise Invalid(_("신청 중이거나 승인된 부스만 거절할 수 있어요."))
        _cancel_booth_bookings(current)
        current.status, current.number = Booth.Status.REJECTED, None
        current.decided_by, current.decided_at, current.decision_message = by, timezone.now(), message
        current.save()
        audit.record(obj=current, by=by, message="부스 거절")
        from . import notify

        booth_id = current.pk
        transaction.on_commit(lambda: notify.booth_decided(booth_id=booth_id), robust=True)
    _announce(booth.fair_id)
    return current


def booth_withdraw(*, booth: Booth, by) -> Booth:
    if not may_run_booth(by, booth):
        raise NotAllowed(_("소속된 기업의 부스만 철회할 수 있어요."))
    with transaction.atomic():
        current = Booth.objects.select_for_update().get(pk=booth.pk)
        if current.status not in Booth.LIVE:
            raise Invalid(_("이미 끝난 신청이에요."))
        _cancel_booth_bookings(current)
        current.status, current.number = Booth.Status.WITHDRAWN, None
        current.save(update_fields=["status", "number"])
        audit.record(obj=current, by=by, message="부스 철회")
    _announce(booth.fair_id)
    return current


# --- after the fair ---------------------------------------------------------------------------------------


def followup_due(fair: Fair, now=None) -> bool:
    """The morning after the fair (09:00 local), for a week."""
    now = now or timezone.now()
    local_end = timezone.localtime(fair.ends_at)
    morning = timezone.make_aware(
        dt.datetime.combine(local_end.date() + dt.timedelta(days=1), dt.time(9)),
        timezone.get_current_timezone(),
    )
    return fair.followup_sent_at is None and morning <= now < morning + dt.timedelta(days=7)


def followups_send(*, now=None) -> int:
    """Queue one follow-up per consenting visitor who came, for each fair whose morning-after has come.
    Once only: the fair is marked, and each message has its own key in the outbox."""
    from . import notify

    now = now or timezone.now()
    sent = 0
    for fair in Fair.objects.filter(followup_sent_at__isnull=True, ends_at__lt=now):
        if not followup_due(fair, now):
            continue
        with transaction.atomic():
            locked = Fair.objects.select_for_update().get(pk=fair.pk)
            if locked.followup_sent_at is not None:
                continue
            ids = list(
                Registration.objects.filter(
                    fair=locked, agree_followup=True, checked_in_at__isnull=False
                ).values_list("pk", flat=True)
            )
            for pk in ids:
                notify.followup(registration_id=pk)
            locked.followup_sent_at = now
            locked.save(update_fields=["followup_sent_at"])
            sent += len(ids)
    return sent


# --- the fair ---------------------------------------------------------------------------------------------


def fair_current() -> Fair | None:
    """The fair on now or the next published one; else the latest that was held."""
    now = timezone.now()
    upcoming = (
        Fair.objects.filter(status=Fair.Status.PUBLISHED, ends_at__gt=now).order_by("starts_at").first()
    )
    if upcoming:
        return upcoming
    return Fair.objects.exclude(status=Fair.Status.DRAFT).order_by("-starts_at").first()


def fair_saved(*, fair: Fair, by, message: str = "수정") -> None:
    """After an admin edit: the record, the pages, and any places a raised capacity freed."""
    audit.record(obj=fair, by=by, message=message)
    promote_line(fair=fair)
