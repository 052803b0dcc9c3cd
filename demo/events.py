"""Demo 건강상점 from ``data/fairs.json``: the coming fair (about four weeks after the day of seeding, full,
with a short waiting list, program bookings and one company's application waiting for approval) and a
past fair that was held (check-ins at the door, failed scans too, booth stamps, the follow-up marked sent).

Registrations, the line, program bookings, door scans and stamps go through ``events.services`` (with
``now=`` inside the fair's windows, and ``tell=False``), so the demo shows what the real rules make of it.
Booths are approved with the ORM (``booth_approve`` would mail every demo enterprise) and the timestamps
the models fill themselves (``created_at``) are set afterwards to the moments used. A past fair is
registered while published and closed at the end. Idempotent: a fair is found by its slug and, if it
exists, left as it is."""

from __future__ import annotations

import datetime as dt
import math
import random
import secrets
from collections import Counter
from contextlib import contextmanager

from django.contrib.auth.models import Permission
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from catalog.models import Need, Provider
from events import services
from events.models import Booth, CheckIn, Fair, Program, ProgramBooking, Registration, Stamp, new_code
from majubom import pagecache
from majubom.models import User

from .loader import FairSpec, load

# (hangul, romanised) for names that look Korean and e-mail addresses that match them.
FAMILY = [
    ("김", "kim"),
    ("이", "lee"),
    ("박", "park"),
    ("최", "choi"),
    ("정", "jung"),
    ("강", "kang"),
    ("조", "cho"),
    ("윤", "yoon"),
    ("장", "jang"),
    ("임", "lim"),
    ("한", "han"),
    ("오", "oh"),
    ("서", "seo"),
    ("신", "shin"),
    ("권", "kwon"),
    ("황", "hwang"),
    ("안", "ahn"),
    ("송", "song"),
    ("류", "ryu"),
    ("홍", "hong"),
]
GIVEN = [
    ("순자", "sunja"),
    ("영수", "youngsu"),
    ("말순", "malsun"),
    ("정호", "jeongho"),
    ("미숙", "misuk"),
    ("상훈", "sanghun"),
    ("옥희", "okhee"),
    ("기철", "gicheol"),
    ("경자", "gyeongja"),
    ("재석", "jaeseok"),
    ("명숙", "myeongsuk"),
    ("동현", "donghyun"),
    ("영희", "younghee"),
    ("철수", "cheolsu"),
    ("정숙", "jeongsuk"),
    ("민준", "minjun"),
    ("서연", "seoyeon"),
    ("미경", "mikyung"),
    ("상철", "sangcheol"),
    ("옥순", "oksun"),
    ("종민", "jongmin"),
    ("은주", "eunju"),
    ("현우", "hyunwoo"),
    ("지은", "jieun"),
    ("수빈", "subin"),
    ("하은", "haeun"),
    ("도윤", "doyun"),
    ("지훈", "jihun"),
    ("예린", "yerin"),
    ("성민", "seongmin"),
]
PARTY_SIZES = (1, 2, 3, 4)
PARTY_WEIGHTS = (34, 40, 16, 10)
MEAN_PARTY = sum(s * w for s, w in zip(PARTY_SIZES, PARTY_WEIGHTS, strict=True)) / sum(PARTY_WEIGHTS)
FAILED_SCANS = ("already", "unknown", "already", "cancelled", "unknown")


def desk_permission_ensure(staff: User) -> None:
    """The cooperative's demo staff account runs the door desk (``events.check_in``)."""
    staff.user_permissions.add(Permission.objects.get(content_type__app_label="events", codename="check_in"))


def seed_fairs(*, staff: User, users: dict[str, User], now=None) -> dict[str, int]:
    """Every fair of ``data/fairs.json`` that does not exist yet (past ones first). ``users`` are the demo
    accounts by key (enterprise owners and the residents who registered with their account)."""
    now = now or timezone.now()
    desk_permission_ensure(staff)
    created: Counter[str] = Counter()
    today = timezone.localdate(now)
    with _quick_commits():
        for spec in sorted(load().fairs, key=lambda spec: spec.day(today)):
            if Fair.objects.filter(slug=spec.slug).exists():
                continue
            _seed_fair(spec, staff=staff, users=users, now=now, created=created)
    if created["fairs"]:
        pagecache.changed(pagecache.SITE)
    keys = ("fairs", "booths", "programs", "registrations", "waitlisted", "bookings", "checkins", "stamps")
    return {key: created[key] for key in keys}


@contextmanager
def _quick_commits():
    """On SQLite, commits without waiting for the disk while the fairs are seeded: the services commit
    each registration, scan and booking in its own durable transaction (some 450 of them), and the local
    demo database can always be seeded again. Other databases are left as they are."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        (before,) = cursor.fetchone()
        cursor.execute("PRAGMA synchronous = OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA synchronous = {int(before)}")


def _seed_fair(spec: FairSpec, *, staff: User, users: dict[str, User], now, created: Counter) -> None:
    today = timezone.localdate(now)
    day = spec.day(today)
    past = spec.status == Fair.Status.CLOSED

    def moment(m):
        return m.on(fair_day=day, today=today) if m is not None else None

    call_opens, call_closes = moment(spec.booth_call_opens), moment(spec.booth_call_closes)
    with transaction.atomic():
        # Published while it is seeded (the services register only then); a past fair is closed at the end.
        fair = Fair.objects.create(
            slug=spec.slug,
            status=Fair.Status.PUBLISHED,
            starts_at=spec.at(spec.start, today=today),
            ends_at=spec.at(spec.end, today=today),
            registration_opens=moment(spec.registration_opens),
            registration_closes=moment(spec.registration_closes),
            booth_call_opens=call_opens,
            booth_call_closes=call_closes,
            **spec.model_fields(),
        )
        booths = _booths(fair, spec, staff=staff, users=users, now=now, today=today, created=created)
    created["fairs"] += 1
    try:
        _fill(fair, spec, booths, staff=staff, users=users, now=now, past=past, created=created)
    except BaseException:
        # The services commit as they go (durable transactions): a half-seeded fair is removed, so that the
        # next ``seed_demo`` makes it again instead of skipping it.
        Fair.objects.filter(pk=fair.pk).delete()
        raise


def _fill(fair: Fair, spec: FairSpec, booths, *, staff, users, now, past: bool, created: Counter) -> None:
    call_closes, day = fair.booth_call_closes, timezone.localdate(fair.starts_at)
    for application in spec.applications:
        applied = (call_closes if past else now) - dt.timedelta(days=application.days_ago)
        booth = services.booth_apply_public(
            fair=fair,
            company_name=application.company_name,
            company_kind=application.company_kind,
            contact_name=application.contact_name,
            contact_phone=application.contact_phone,
            contact_email=application.contact_email,
            offering=application.offering,
            now=applied,
        )
        Booth.objects.filter(pk=booth.pk).update(created_at=applied)
        created["booths"] += 1
    rng = random.Random(spec.visitors.seed)
    until = fair.registration_closes
    if not past:  # the coming fair: registered up to a few minutes ago
        until = max(
            min(now - dt.timedelta(minutes=10), until), fair.registration_opens + dt.timedelta(minutes=1)
        )
    registrations = _register(fair, spec, users=users, rng=rng, until=until, created=created)
    _book(fair, registrations, spec, rng=rng, created=created)
    if past and spec.day_of is not None:
        _day_of(fair, spec, booths, registrations, staff=staff, users=users, rng=rng, created=created)
    # The models stamp ``created_at`` with the time of seeding: the moment each visitor registered instead.
    Registration.objects.filter(fair=fair).update(created_at=F("agreed_privacy_at"))
    if past:
        fair.status = Fair.Status.CLOSED
        if spec.day_of is not None and spec.day_of.followup_sent:
            # Marked sent, not sent: no demo mail goes out for a fair of 2020 (and followups_send skips it).
            fair.followup_sent_at = timezone.make_aware(
                dt.datetime.combine(day + dt.timedelta(days=1), dt.time(9)), fair.starts_at.tzinfo
            )
        fair.save(update_fields=["status", "followup_sent_at", "updated_at"])


def _booths(fair: Fair, spec: FairSpec, *, staff, users, now, today, created: Counter) -> list[Booth]:
    providers = {p.slug: p for p in Provider.objects.filter(slug__in=[b.provider for b in spec.booths])}
    owners = {p.slug: users.get(p.owner) for p in load().providers if p.owner}
    needs = {need.slug: need for need in Need.objects.all()}
    opens = fair.booth_call_opens or fair.registration_opens - dt.timedelta(days=30)
    closes = fair.booth_call_closes or fair.registration_opens
    last = min(closes, now)
    step = (last - opens) / (len(spec.booths) + 1)
    booths = []
    for index, b in enumerate(spec.booths):
        applied = opens + step * (index + 1)
        booth = Booth.objects.create(
            fair=fair,
            provider=providers[b.provider],
            status=Booth.Status.APPROVED,
            number=b.number,
            zone=b.zone,
            offering=b.offering,
            applied_by=owners.get(b.provider),
            decided_by=staff,
            decided_at=min(applied + dt.timedelta(days=2), last),
        )
        Booth.objects.filter(pk=booth.pk).update(created_at=applied)
        booth.needs.set([needs[slug] for slug in b.needs if slug in needs])
        for p in b.programs:
            starts = spec.at(p.start, today=today)
            program = Program.objects.create(
                booth=booth,
                title=p.title,
                description=p.description,
                starts_at=starts,
                ends_at=starts + dt.timedelta(minutes=p.minutes),
                capacity=p.capacity,
                price=p.price,
            )
            program.needs.set([needs[slug] for slug in p.needs if slug in needs])
            created["programs"] += 1
        booths.append(booth)
    created["booths"] += len(booths)
    return booths


# --- visitors -------------------------------------------------------------------------------------------

AWAKE = (dt.time(7), dt.time(23))  # when the demo visitors register, on the Seoul clock


def _awake(start: dt.datetime, end: dt.datetime, share: float) -> dt.datetime:
    """The moment ``share`` (0–1) of the way through the waking hours between ``start`` and ``end``
    (to the second); the plain share of the span when there are no waking hours in it."""
    zone = timezone.get_current_timezone()
    spans = []
    day = timezone.localtime(start, zone).date()
    while True:
        wake, sleep = (timezone.make_aware(dt.datetime.combine(day, t), zone) for t in AWAKE)
        if wake >= end:
            break
        if sleep > start:
            spans.append((max(wake, start), min(sleep, end)))
        day += dt.timedelta(days=1)
    total = sum((b - a for a, b in spans), dt.timedelta())
    if not total:
        return (start + (end - start) * share).replace(microsecond=0)
    left = total * share
    for a, b in spans:
        if left <= b - a:
            return (a + left).replace(microsecond=0)
        left -= b - a
    return spans[-1][1].replace(microsecond=0)


def _plan(spec: FairSpec, rng: random.Random) -> list[tuple[int, str]]:
    """(party size, what becomes of it) in the order they register: ``confirmed`` parties (to the capacity
    exactly when the fair is filled), a few ``cancelled`` ones early on, then the line (``waitlisted``)."""
    visitors = spec.visitors

    def size() -> int:
        return rng.choices(PARTY_SIZES, weights=PARTY_WEIGHTS)[0]

    plan = []
    if visitors.parties is None:
        total = 0
        while total < spec.visitor_capacity:
            party = min(size(), spec.visitor_capacity - total)
            plan.append((party, "confirmed"))
            total += party
    else:
        plan = [(size(), "confirmed") for _ in range(visitors.parties)]
    for _ in range(visitors.cancelled):
        plan.insert(rng.randrange(1, max(len(plan) // 2, 2)), (size(), "cancelled"))
    plan += [(size(), "waitlisted") for _ in range(visitors.waitlisted)]
    return plan


def _people(rng: random.Random, taken: set[str]):
    """Endless (name, phone, e-mail) of made-up neighbours; phones unique among ``taken``."""
    serial = 0
    while True:
        (family, family_en), (given, given_en) = rng.choice(FAMILY), rng.choice(GIVEN)
        phone = f"010-{rng.randint(2000, 9999)}-{rng.randint(0, 9999):04d}"
        if phone in taken:
            continue
        taken.add(phone)
        serial += 1
        yield family + given, phone, f"{given_en}.{family_en}{serial:03d}@example.kr"


def _register(
    fair: Fair, spec: FairSpec, *, users, rng: random.Random, until, created: Counter
) -> list[Registration]:
    visitors = spec.visitors
    plan = _plan(spec, rng)
    residents = [users[key] for key in visitors.residents if key in users]
    confirmed_at = [index for index, (_size, fate) in enumerate(plan) if fate == "confirmed"]
    # The demo residents registered early (so their tickets are confirmed), among the others.
    early = confirmed_at[: max(len(confirmed_at) // 2, len(residents))]
    linked = dict(zip(sorted(rng.sample(early, len(residents))), residents, strict=True))
    people = _people(rng, {user.phone for user in residents})
    registrations = []
    for index, (party, fate) in enumerate(plan):
        # More register in the first days than later (an increasing curve), and nobody at night.
        at = _awake(fair.registration_opens, until, ((index + rng.random()) / len(plan)) ** 1.4)
        user = linked.get(index)
        if user is not None:
            name, phone, email = user.name, user.phone, user.email
        else:
            name, phone, email = next(people)
            email = email if rng.random() < visitors.email_share else ""
        result = services.registration_create(
            fair=fair,
            name=name,
            phone=phone,
            party_size=party,
            email=email,
            user=user,
            agree_followup=rng.random() < visitors.followup_share,
            now=at,
            tell=False,
        )
        registration = result.registration
        created["registrations"] += 1
        if fate == "cancelled":
            later = _awake(fair.registration_opens, until, ((index + 1) / len(plan)) ** 1.4)
            services.registration_cancel(registration=registration, now=max(at, at + (later - at) / 2))
            registration.refresh_from_db()
        elif registration.status == Registration.Status.WAITLISTED:
            created["waitlisted"] += 1
        registrations.append(registration)
    return registrations


def _book(fair: Fair, registrations: list[Registration], spec: FairSpec, *, rng, created: Counter) -> None:
    """Program bookings from the confirmed tickets: the ``fill`` programs to the last seat, the others
    part-way; at most two programs a ticket, never two at once."""
    confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    residents = [r for r in confirmed if r.user_id]
    fills = {(b.number, p.start) for b in spec.booths for p in b.programs if p.fill}
    programs = list(
        Program.objects.filter(booth__fair=fair).select_related("booth").order_by("starts_at", "pk")
    )
    taken: dict[int, list[Program]] = {}
    moments = []

    def free(registration: Registration, program: Program) -> bool:
        mine = taken.get(registration.pk, [])
        return len(mine) < 2 and all(
            p.ends_at <= program.starts_at or program.ends_at <= p.starts_at for p in mine
        )

    for program in programs:
        local = timezone.localtime(program.starts_at).strftime("%H:%M")
        fill = (program.booth.number, local) in fills
        target = (
            program.capacity
            if fill
            else min(
                program.capacity - 1,
                math.ceil(program.capacity * spec.visitors.booking_share * rng.uniform(0.5, 1.4)),
            )
        )
        order = rng.sample(confirmed, len(confirmed))
        if fill:
            order = residents + [r for r in order if not r.user_id]
        seats_taken = 0
        for registration in order:
            if seats_taken >= target:
                break
            if not free(registration, program):
                continue
            seats = min(registration.party_size, target - seats_taken)
            at = registration.agreed_privacy_at + dt.timedelta(minutes=rng.randint(1, 9))
            booking = services.program_book(
                registration=registration, program_id=program.pk, seats=seats, now=at
            )
            moments.append((booking.pk, at))
            taken.setdefault(registration.pk, []).append(program)
            seats_taken += seats
            created["bookings"] += 1
    with transaction.atomic():
        for pk, at in moments:
            ProgramBooking.objects.filter(pk=pk).update(created_at=at)


# --- the day of a past fair -----------------------------------------------------------------------------


def _day_of(
    fair: Fair, spec: FairSpec, booths, registrations, *, staff, users, rng, created: Counter
) -> None:
    day_of = spec.day_of
    doors = day_of.doors
    starts = fair.starts_at
    scanned: list[tuple[int, dt.datetime]] = []

    def at_door(minutes_from: int, minutes_to: int) -> dt.datetime:
        return starts + dt.timedelta(
            minutes=rng.randint(minutes_from, minutes_to), seconds=rng.randint(0, 59)
        )

    def scan(value: str, when: dt.datetime) -> services.ScanAnswer:
        answer = services.scan(
            fair=fair,
            value=value,
            nonce=secrets.token_urlsafe(12),
            staff=staff,
            door=rng.choice(doors),
            now=when,
        )
        scanned.append((answer.checkin.pk, when))
        created["checkins"] += 1
        return answer

    came = []
    people = _people(rng, set(Registration.objects.filter(fair=fair).values_list("phone", flat=True)))
    for _ in range(day_of.walk_ins):
        name, phone, _email = next(people)
        when = at_door(0, 240)
        try:
            walk_in = services.registration_create(
                fair=fair,
                name=name,
                phone=phone,
                party_size=rng.choices(PARTY_SIZES, weights=PARTY_WEIGHTS)[0],
                source=Registration.Source.DOOR,
                now=when,
                tell=False,
            )
        except services.Full:
            break
        created["registrations"] += 1
        came.append(scan(walk_in.registration.secret, when + dt.timedelta(minutes=1)).registration)
    confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    for registration in confirmed:
        if registration.user_id or rng.random() < day_of.checked_in_share:
            answer = scan(registration.secret if rng.random() < 0.8 else registration.code, at_door(-10, 270))
            came.append(answer.registration)
    # The scans that let nobody in: a ticket shown twice, a mistyped code, a cancelled ticket.
    cancelled = [r for r in registrations if r.status == Registration.Status.CANCELLED]
    codes = set(Registration.objects.filter(fair=fair).values_list("code", flat=True))
    for index in range(day_of.failed_scans):
        kind = FAILED_SCANS[index % len(FAILED_SCANS)]
        if kind == "cancelled" and cancelled:
            scan(cancelled[index % len(cancelled)].secret, at_door(0, 300))
        elif kind == "already" and came:
            again = came[rng.randrange(len(came))]
            scan(again.code, max(again.checked_in_at, starts) + dt.timedelta(minutes=rng.randint(5, 90)))
        else:
            code = new_code()
            while code in codes:
                code = new_code()
            scan(code, at_door(0, 300))
    _stamps(fair, spec, booths, came, users=users, staff=staff, rng=rng, created=created)
    with transaction.atomic():
        for pk, when in scanned:
            CheckIn.objects.filter(pk=pk).update(created_at=when)


def _stamps(fair: Fair, spec: FairSpec, booths, came, *, users, staff, rng, created: Counter) -> None:
    goal = min(fair.stamp_goal, len(booths))
    owners = {p.slug: users.get(p.owner) for p in load().providers if p.owner}
    moments = []
    with transaction.atomic():
        for registration in came:
            if registration.user_id or rng.random() < spec.day_of.complete_share:
                count = rng.randint(goal, min(goal + 4, len(booths)))
            else:
                count = rng.randint(0, goal - 1)
            when = registration.checked_in_at
            left = (fair.ends_at - when).total_seconds() / 60
            for booth in rng.sample(booths, count):
                when = when + dt.timedelta(minutes=rng.randint(3, max(4, int(left / (count + 1)))))
                when = min(when, fair.ends_at - dt.timedelta(minutes=1))
                by = owners.get(booth.provider.slug) or staff
                answer = services.stamp_add(
                    booth=booth, registration=registration, by=by, nonce=secrets.token_urlsafe(12)
                )
                if answer.created:
                    moments.append((answer.stamp.pk, when))
                    created["stamps"] += 1
        for pk, when in moments:
            Stamp.objects.filter(pk=pk).update(created_at=when)
