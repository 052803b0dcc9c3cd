"""Every change to 건강반: joining, leaving, the waiting list, the host's decisions, capacity and the
sessions of a weekly schedule.

Seats are decided inside one durable transaction that locks the group row (``select_for_update``) and
counts the active members there, so there are never more active members than the capacity, whatever the
concurrency. A freed seat goes to the head of the line (``waitlisted_at`` order) in the same transaction
that freed it; a newcomer joins the line behind anyone already waiting, so nobody can take a seat that
someone in line was owed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.selectors import user_is_cooperative_staff, user_provider_ids
from majubom import audit, pagecache
from majubom.db import retry_on_conflict
from majubom.errors import MajubomError

from . import schedule as rules
from .models import AbsenceNotice, Attendance, GroupSchedule, GroupSession, HealthGroup, Membership

SESSIONS_AHEAD = dt.timedelta(weeks=12)


class NotAllowed(MajubomError):
    pass


class InvalidTransition(MajubomError):
    pass


class NotOpen(MajubomError):
    pass


@dataclass(frozen=True)
class JoinResult:
    membership: Membership
    place_in_line: int | None  # 1 for the head of the line; None when not waiting


def _announce(group_id: int) -> None:
    pagecache.changed(pagecache.group(group_id), pagecache.LISTING)


def _may_host(user, group: HealthGroup) -> bool:
    return user_is_cooperative_staff(user) or group.provider_id in user_provider_ids(user)


def _locked(group_id: int) -> HealthGroup:
    return HealthGroup.objects.select_for_update(no_key=True).get(pk=group_id)


def _last_session_started(group: HealthGroup, now) -> bool:
    """True when the group has sessions and the last one has begun: no more seats are handed out."""
    last = group.sessions.filter(status=GroupSession.Status.SCHEDULED).order_by("-starts_at").first()
    return last is not None and last.starts_at <= now


def _promote(group: HealthGroup, *, now) -> list[Membership]:
    """Give free seats to the head of the line, in order (inside the caller's locked transaction)."""
    if group.status != HealthGroup.Status.RECRUITING or _last_session_started(group, now):
        return []
    active = group.memberships.filter(status=Membership.Status.ACTIVE).count()
    free = group.capacity - active
    if free <= 0:
        return []
    line = list(
        group.memberships.filter(status=Membership.Status.WAITLISTED).order_by("waitlisted_at", "pk")[:free]
    )
    for membership in line:
        Membership.objects.filter(pk=membership.pk, status=Membership.Status.WAITLISTED).update(
            status=Membership.Status.ACTIVE, joined_at=now
        )
        membership.status, membership.joined_at = Membership.Status.ACTIVE, now
    if line:
        from . import notify

        for membership in line:  # one hook each: a message that fails never stops the others
            transaction.on_commit(partial(notify.promoted, membership_id=membership.pk), robust=True)
    return line


def place_in_line(membership: Membership) -> int | None:
    """1 for the head of the line, 2 for the next …; None when the membership is not waiting."""
    if membership.status != Membership.Status.WAITLISTED:
        return None
    ahead = Membership.objects.filter(
        group_id=membership.group_id,
        status=Membership.Status.WAITLISTED,
        waitlisted_at__lt=membership.waitlisted_at,
    ).count()
    same_time = Membership.objects.filter(
        group_id=membership.group_id,
        status=Membership.Status.WAITLISTED,
        waitlisted_at=membership.waitlisted_at,
        pk__lt=membership.pk,
    ).count()
    return ahead + same_time + 1


def membership_join(*, group: HealthGroup, user, now=None, tell: bool = True) -> JoinResult:
    """A resident joins: a seat if one is free and nobody is waiting, else a place in line; in an approval
    group, a request the host decides. Joining twice, a closed group or a removed member is refused."""
    if not user.is_authenticated:
        raise NotAllowed(_("로그인한 뒤에 참여할 수 있어요."))

    def run() -> Membership:
        with transaction.atomic(durable=True):
            locked = _locked(group.pk)
            # The time is read once the lock is ours: the line's order is the order of the lock.
            moment = now or timezone.now()
            if locked.status != HealthGroup.Status.RECRUITING:
                raise NotOpen(_("지금은 참여 신청을 받지 않는 건강반이에요."))
            if _last_session_started(locked, moment):
                raise NotOpen(_("마지막 모임이 이미 시작돼서 참여할 수 없어요."))
            mine = Membership.objects.filter(group=locked, user=user)
            if mine.filter(status__in=Membership.LIVE).exists():
                raise InvalidTransition(_("이미 참여했거나 신청한 건강반이에요."))
            if mine.filter(status=Membership.Status.REMOVED).exists():
                raise NotAllowed(_("이 건강반에는 운영 기업을 통해서만 다시 참여할 수 있어요."))
            if locked.join_policy == HealthGroup.JoinPolicy.APPROVAL:
                membership = Membership.objects.create(
                    group=locked, user=user, status=Membership.Status.PENDING
                )
            else:
                active = locked.memberships.filter(status=Membership.Status.ACTIVE).count()
                waiting = locked.memberships.filter(status=Membership.Status.WAITLISTED).exists()
                if active < locked.capacity and not waiting:
                    membership = Membership.objects.create(
                        group=locked, user=user, status=Membership.Status.ACTIVE, joined_at=moment
                    )
                else:
                    membership = Membership.objects.create(
                        group=locked, user=user, status=Membership.Status.WAITLISTED, waitlisted_at=moment
                    )
            if tell:  # demo data and imports tell nobody
                from . import notify

                transaction.on_commit(lambda: notify.joined(membership_id=membership.pk), robust=True)
        return membership

    try:
        membership = retry_on_conflict(run, what="membership_join")
    except IntegrityError as error:  # the same resident's second click, at the same moment
        raise InvalidTransition(_("이미 참여했거나 신청한 건강반이에요.")) from error
    _announce(group.pk)
    return JoinResult(membership, place_in_line(membership))


def membership_leave(*, group: HealthGroup, user, now=None) -> Membership:
    """A resident leaves (or gives back a promised seat, or leaves the line); the seat goes to the line."""

    def run() -> Membership:
        moment = now or timezone.now()
        with transaction.atomic(durable=True):
            locked = _locked(group.pk)
            membership = (
                Membership.objects.select_for_update()
                .filter(group=locked, user=user, status__in=Membership.LIVE)
                .first()
            )
            if membership is None:
                raise InvalidTransition(_("참여하지 않은 건강반이에요."))
            Membership.objects.filter(pk=membership.pk).update(status=Membership.Status.LEFT, ended_at=moment)
            membership.status = Membership.Status.LEFT
            _promote(locked, now=moment)
        return membership

    membership = retry_on_conflict(run, what="membership_leave")
    _announce(group.pk)
    return membership


def _decide(*, membership: Membership, by, action) -> Membership:
    group = membership.group
    if not _may_host(by, group):
        raise NotAllowed(_("이 건강반을 운영하는 기업만 할 수 있어요."))

    def run() -> Membership:
        with transaction.atomic(durable=True):
            locked = _locked(group.pk)
            current = Membership.objects.select_for_update().get(pk=membership.pk)
            action(locked, current, timezone.now())
        current.refresh_from_db()
        return current

    result = retry_on_conflict(run, what="membership_decide")
    _announce(group.pk)
    return result


def membership_approve(*, membership: Membership, by, tell: bool = True) -> Membership:
    """The host accepts a request: a seat if one is free and nobody waits, else the line."""

    def approve(group, current, now):
        if current.status != Membership.Status.PENDING:
            raise InvalidTransition(_("확인을 기다리는 신청이 아니에요."))
        active = group.memberships.filter(status=Membership.Status.ACTIVE).count()
        waiting = group.memberships.filter(status=Membership.Status.WAITLISTED).exists()
        if active < group.capacity and not waiting and group.is_open:
            fields = {"status": Membership.Status.ACTIVE, "joined_at": now}
        else:
            fields = {"status": Membership.Status.WAITLISTED, "waitlisted_at": now}
        Membership.objects.filter(pk=current.pk).update(decided_by=by, **fields)
        audit.record(obj=current, by=by, message=_("참여 신청 승인"))
        if tell:
            from . import notify

            transaction.on_commit(lambda: notify.decided(membership_id=current.pk), robust=True)

    return _decide(membership=membership, by=by, action=approve)


def membership_reject(*, membership: Membership, by, message: str = "") -> Membership:
    def reject(group, current, now):
        if current.status != Membership.Status.PENDING:
            raise InvalidTransition(_("확인을 기다리는 신청이 아니에요."))
        Membership.objects.filter(pk=current.pk).update(
            status=Membership.Status.REJECTED, decided_by=by, ended_at=now, message=message.strip()[:200]
        )
        audit.record(obj=current, by=by, message=_("참여 신청 거절"))
        from . import notify

        transaction.on_commit(lambda: notify.decided(membership_id=current.pk), robust=True)

    return _decide(membership=membership, by=by, action=reject)


def membership_remove(*, membership: Membership, by, message: str = "") -> Membership:
    """The host removes a member (or a waiting resident); the freed seat goes to the line. The removed
    resident cannot rejoin without the host."""

    def remove(group, current, now):
        if current.status not in (Membership.Status.ACTIVE, Membership.Status.WAITLISTED):
            raise InvalidTransition(_("참여 중이거나 대기 중인 분만 내보낼 수 있어요."))
        Membership.objects.filter(pk=current.pk).update(
            status=Membership.Status.REMOVED, decided_by=by, ended_at=now, message=message.strip()[:200]
        )
        audit.record(obj=current, by=by, message=_("건강반에서 내보냄"))
        _promote(group, now=now)

    return _decide(membership=membership, by=by, action=remove)


def group_set_capacity(*, group: HealthGroup, capacity: int, by) -> tuple[HealthGroup, list[Membership]]:
    """Change the capacity. Raising it promotes the line; lowering it below the active count removes
    nobody (it only stops promotion until there is room). Returns the group and who was promoted."""
    if not _may_host(by, group):
        raise NotAllowed(_("이 건강반을 운영하는 기업만 할 수 있어요."))
    if not 1 <= capacity <= 1000:
        raise MajubomError(_("정원은 1명에서 1,000명 사이로 정해 주세요."))

    def run():
        with transaction.atomic(durable=True):
            locked = _locked(group.pk)
            old = locked.capacity
            HealthGroup.objects.filter(pk=locked.pk).update(capacity=capacity, updated_at=timezone.now())
            locked.capacity = capacity
            audit.record(
                obj=locked, by=by, message=_("정원 %(old)d명 → %(new)d명") % {"old": old, "new": capacity}
            )
            promoted = _promote(locked, now=timezone.now())
        return locked, promoted

    result = retry_on_conflict(run, what="group_set_capacity")
    _announce(group.pk)
    return result


def active_over_capacity(group: HealthGroup) -> int:
    """How many active members are above the capacity (after it was lowered): the admin says so."""
    return max(group.memberships.filter(status=Membership.Status.ACTIVE).count() - group.capacity, 0)


# --- sessions --------------------------------------------------------------------------------------------


def rule_of(schedule: GroupSchedule) -> rules.Rule:
    return rules.Rule(
        weekdays=tuple(sorted(schedule.weekdays)),
        start_time=schedule.start_time,
        duration_minutes=schedule.duration_minutes,
        first_date=schedule.first_date,
        last_date=schedule.last_date,
        session_count=schedule.session_count,
        skip_holidays=schedule.skip_holidays,
        timezone=schedule.timezone,
    )


def schedule_check(*, schedule: GroupSchedule) -> None:
    """The rule's own sense: weekdays 0–6, an end after the start, at most 200 sessions."""
    if not schedule.weekdays or any(not isinstance(d, int) or not 0 <= d <= 6 for d in schedule.weekdays):
        raise MajubomError(_("요일을 하나 이상 골라 주세요."))
    if schedule.last_date is not None and schedule.last_date < schedule.first_date:
        raise MajubomError(_("마지막 날은 첫날보다 늦어야 해요."))
    count = rules.count_sessions(rule_of(schedule))
    if count is not None and count > rules.MAX_SESSIONS:
        raise MajubomError(
            _("모임이 %(max)d번을 넘어요. 마지막 날이나 횟수를 줄여 주세요.") % {"max": rules.MAX_SESSIONS}
        )


def sessions_materialise(*, schedule: GroupSchedule, now=None) -> dict[str, int]:
    """Make the schedule's sessions for about 12 weeks ahead. Idempotent: running it twice makes nothing
    new. Future sessions the rule no longer has are removed when nobody has marked attendance or sent an
    absence notice for them; one that has them moves in place to the rule's time in the same week (its
    notices stay with it) and its members are told, or stays where it is for the host to decide."""
    from . import notify

    now = now or timezone.now()
    group = schedule.group
    horizon = timezone.localdate(now) + SESSIONS_AHEAD
    wanted = {
        starts: ends for starts, ends in rules.occurrences(rule_of(schedule), until=horizon) if starts > now
    }
    place_name = schedule.place_name or group.place_name
    place_address = schedule.place_address or group.place_address
    created = removed = moved = 0
    with transaction.atomic():
        existing = {s.starts_at: s for s in GroupSession.objects.filter(group=group, starts_at__gt=now)}
        stale = [s for starts, s in existing.items() if s.schedule_id == schedule.pk and starts not in wanted]
        for session in stale:
            touched = (
                Attendance.objects.filter(session=session).exists()
                or AbsenceNotice.objects.filter(session=session).exists()
            )
            if not touched:
                session.delete()
                removed += 1
                continue
            week = session.starts_at.isocalendar()[:2]
            target = next(
                (t for t in sorted(wanted) if t.isocalendar()[:2] == week and t not in existing), None
            )
            if target is None:
                continue
            del existing[session.starts_at]
            GroupSession.objects.filter(pk=session.pk).update(starts_at=target, ends_at=wanted[target])
            existing[target] = session
            moved += 1
            transaction.on_commit(lambda pk=session.pk: notify.session_moved(session_id=pk), robust=True)
        for starts, ends in wanted.items():
            if starts in existing:
                continue
            try:
                with transaction.atomic():
                    GroupSession.objects.create(
                        group=group,
                        schedule=schedule,
                        starts_at=starts,
                        ends_at=ends,
                        place_name=place_name,
                        place_address=place_address,
                    )
                created += 1
            except IntegrityError:
                continue  # made by a concurrent run
    if created or removed or moved:
        pagecache.changed(pagecache.group(group.pk))
    return {"created": created, "removed": removed, **({"moved": moved} if moved else {})}


def sessions_materialise_all(*, now=None) -> int:
    """The beat task: every open group's schedules, 12 weeks ahead."""
    created = 0
    for schedule in GroupSchedule.objects.filter(
        group__status__in=[HealthGroup.Status.RECRUITING, HealthGroup.Status.CLOSED]
    ).select_related("group"):
        created += sessions_materialise(schedule=schedule, now=now)["created"]
    return created


# --- absence notices ---------------------------------------------------------------------------------------


def _my_active_membership(*, session: GroupSession, user) -> Membership:
    membership = Membership.objects.filter(
        group_id=session.group_id, user=user, status=Membership.Status.ACTIVE
    ).first()
    if membership is None:
        raise NotAllowed(_("내가 참여 중인 건강반의 모임이 아니에요."))
    return membership


def absence_notify(*, session: GroupSession, user, now=None) -> AbsenceNotice:
    """A member's "이번에는 못 가요" for a future session of their own group (once per session)."""
    now = now or timezone.now()
    membership = _my_active_membership(session=session, user=user)
    if session.starts_at <= now:
        raise InvalidTransition(_("이미 시작했거나 지난 모임이에요."))
    if session.status != GroupSession.Status.SCHEDULED:
        raise InvalidTransition(_("취소된 모임이에요."))
    notice, _created = AbsenceNotice.objects.get_or_create(session=session, membership=membership)
    return notice


def absence_withdraw(*, session: GroupSession, user, now=None) -> None:
    now = now or timezone.now()
    membership = _my_active_membership(session=session, user=user)
    if session.starts_at <= now:
        raise InvalidTransition(_("이미 시작했거나 지난 모임이에요."))
    AbsenceNotice.objects.filter(session=session, membership=membership).delete()


# --- the group itself: created and edited by its enterprise, moderated by the cooperative ----------------


def group_save(*, group: HealthGroup, by, changed=()) -> HealthGroup:
    """Save a group from a form. A new group starts as 작성 중; the state changes only by the moderation
    functions below; an enterprise saves only its own groups."""
    staff = user_is_cooperative_staff(by)
    if not staff and group.provider_id not in user_provider_ids(by):
        raise NotAllowed(_("내 기업의 건강반만 만들거나 고칠 수 있어요."))
    creating = group.pk is None
    if creating:
        group.status, group.published_at = HealthGroup.Status.DRAFT, None
    else:
        stored = HealthGroup.objects.only("status", "published_at", "provider_id", "capacity").get(
            pk=group.pk
        )
        if not staff and stored.provider_id != group.provider_id:
            raise NotAllowed(_("건강반을 다른 기업으로 옮길 수 없어요."))
        group.status, group.published_at = stored.status, stored.published_at
        new_capacity, group.capacity = group.capacity, stored.capacity
    with transaction.atomic():
        group.save()
        if creating:
            audit.record(obj=group, by=by, message=_("건강반 만듦 (작성 중)"), action=audit.ADDITION)
        elif changed:
            labels = ", ".join(str(group._meta.get_field(n).verbose_name) for n in changed if n != "capacity")
            if labels:
                audit.record(obj=group, by=by, message=_("수정: %(fields)s") % {"fields": labels})
    if not creating and new_capacity != group.capacity:
        group, _promoted = group_set_capacity(group=group, capacity=new_capacity, by=by)
    _announce(group.pk)
    return group


def _transition(
    *, group: HealthGroup, by, source, target, message, staff_only=False, error=None
) -> HealthGroup:
    if staff_only and not user_is_cooperative_staff(by):
        raise NotAllowed(_("건강반 모집 시작은 마주봄 협동조합만 할 수 있어요."))
    if not _may_host(by, group):
        raise NotAllowed(_("이 건강반을 운영하는 기업만 할 수 있어요."))
    fields = {"status": target, "updated_at": timezone.now()}
    if target == HealthGroup.Status.RECRUITING:
        fields["published_at"] = group.published_at or timezone.now()
    with transaction.atomic():
        if not HealthGroup.objects.filter(pk=group.pk, status__in=source).update(**fields):
            raise InvalidTransition(error or _("지금 상태에서는 할 수 없어요."))
        audit.record(obj=group, by=by, message=message)
    group.refresh_from_db()
    _announce(group.pk)
    return group


def group_submit_for_review(*, group: HealthGroup, by) -> HealthGroup:
    return _transition(
        group=group,
        by=by,
        source=[HealthGroup.Status.DRAFT],
        target=HealthGroup.Status.PENDING_REVIEW,
        message=_("검토 요청"),
        error=_("작성 중인 건강반만 검토를 요청할 수 있어요."),
    )


def group_publish(*, group: HealthGroup, by) -> HealthGroup:
    return _transition(
        group=group,
        by=by,
        source=[HealthGroup.Status.DRAFT, HealthGroup.Status.PENDING_REVIEW, HealthGroup.Status.CLOSED],
        target=HealthGroup.Status.RECRUITING,
        message=_("모집 시작"),
        staff_only=True,
        error=_("이미 모집 중이거나 보관한 건강반이에요."),
    )


def group_close(*, group: HealthGroup, by) -> HealthGroup:
    return _transition(
        group=group,
        by=by,
        source=[HealthGroup.Status.RECRUITING],
        target=HealthGroup.Status.CLOSED,
        message=_("모집 마감"),
        error=_("모집 중인 건강반만 마감할 수 있어요."),
    )


def group_archive(*, group: HealthGroup, by) -> HealthGroup:
    return _transition(
        group=group,
        by=by,
        source=[s for s in HealthGroup.Status if s != HealthGroup.Status.ARCHIVED],
        target=HealthGroup.Status.ARCHIVED,
        message=_("보관"),
        error=_("이미 보관한 건강반이에요."),
    )


# --- sessions: cancelling and attendance -------------------------------------------------------------------

ATTENDANCE_WINDOW = dt.timedelta(days=7)


def session_cancel(*, session: GroupSession, by, note: str = "") -> GroupSession:
    """Cancel a session: members and waiting residents are told once; no reminder goes out for it."""
    if not _may_host(by, session.group):
        raise NotAllowed(_("이 건강반을 운영하는 기업만 할 수 있어요."))
    with transaction.atomic():
        if not GroupSession.objects.filter(pk=session.pk, status=GroupSession.Status.SCHEDULED).update(
            status=GroupSession.Status.CANCELLED, note=note.strip()[:200] or _("운영 기업 사정으로 쉬어요.")
        ):
            raise InvalidTransition(_("이미 취소한 모임이에요."))
        audit.record(obj=session.group, by=by, message=_("모임 취소: %(session)s") % {"session": session})
        from . import notify

        transaction.on_commit(lambda: notify.session_cancelled(session_id=session.pk), robust=True)
    session.refresh_from_db()
    pagecache.changed(pagecache.group(session.group_id))
    return session


def attendance_mark(*, session: GroupSession, membership_id: int, status: str, by, now=None) -> Attendance:
    """The host marks a member present, late or absent, from the session's start until 7 days after;
    every change records who marked it."""
    now = now or timezone.now()
    if not _may_host(by, session.group):
        raise NotAllowed(_("이 건강반을 운영하는 기업만 출석을 표시할 수 있어요."))
    if status not in Attendance.Status.values:
        raise MajubomError(_("출석, 지각, 결석 가운데 골라 주세요."))
    if session.status == GroupSession.Status.CANCELLED:
        raise InvalidTransition(_("취소된 모임이에요."))
    if not session.starts_at <= now <= session.starts_at + ATTENDANCE_WINDOW:
        raise InvalidTransition(_("출석은 모임이 시작한 때부터 7일 안에 표시할 수 있어요."))
    membership = Membership.objects.filter(pk=membership_id, group_id=session.group_id).first()
    if membership is None:
        raise NotAllowed(_("이 건강반의 참여자가 아니에요."))
    attendance, _created = Attendance.objects.update_or_create(
        session=session, membership=membership, defaults={"status": status, "marked_by": by}
    )
    return attendance


REMIND_AHEAD = dt.timedelta(hours=24)


def sessions_remind(*, now=None) -> int:
    """Remind active members of sessions in the next 24 hours, except those who sent an absence notice.
    Once per member and session (the notification key); a cancelled session sends none."""
    from . import notify

    now = now or timezone.now()
    sessions = GroupSession.objects.filter(
        status=GroupSession.Status.SCHEDULED, starts_at__gt=now, starts_at__lte=now + REMIND_AHEAD
    )
    sent = 0
    for session in sessions:
        absent = set(session.absences.values_list("membership_id", flat=True))
        for membership_id in Membership.objects.filter(
            group_id=session.group_id, status=Membership.Status.ACTIVE
        ).values_list("pk", flat=True):
            if membership_id not in absent:
                notify.session_reminder(session_id=session.pk, membership_id=membership_id)
                sent += 1
    return sent


# --- the resident's calendar feed ---------------------------------------------------------------------------


def calendar_feed_for(*, user, regenerate: bool = False):
    """The resident's private calendar address; ``regenerate`` makes a new one (the old stops working)."""
    import secrets

    from .models import CalendarFeed

    feed = CalendarFeed.objects.filter(user=user).first()
    if feed is None:
        try:
            return CalendarFeed.objects.create(user=user, token=secrets.token_urlsafe(32))
        except IntegrityError:  # the same resident's other tab made it a moment ago
            return CalendarFeed.objects.get(user=user)
    if regenerate:
        feed.token = secrets.token_urlsafe(32)
        feed.save(update_fields=["token", "created_at"])
    return feed


def calendar_ics(*, token: str, now=None) -> str | None:
    """The sessions of the resident's active groups, from four weeks ago to twelve weeks ahead, or None for
    an unknown token."""
    from majubom.ics import calendar, escape, utc

    from .models import CalendarFeed

    feed = CalendarFeed.objects.filter(token=token).select_related("user").first() if token else None
    if feed is None:
        return None
    now = now or timezone.now()
    sessions = (
        GroupSession.objects.filter(
            group__memberships__user=feed.user,
            group__memberships__status=Membership.Status.ACTIVE,
            starts_at__gte=now - dt.timedelta(weeks=4),
            starts_at__lte=now + SESSIONS_AHEAD,
        )
        .select_related("group", "group__provider")
        .order_by("starts_at")
    )
    events = []
    for session in sessions:
        cancelled = session.status == GroupSession.Status.CANCELLED
        events.append(
            [
                f"UID:groupsession-{session.pk}@majubom.kr",
                f"DTSTAMP:{utc(now)}",
                f"DTSTART:{utc(session.starts_at)}",
                f"DTEND:{utc(session.ends_at)}",
                f"SUMMARY:{escape(('[취소] ' if cancelled else '') + session.group.title)}",
                f"LOCATION:{escape(session.place_address or session.place_name or session.group.place_name)}",
                "DESCRIPTION:"
                + escape(" · ".join(filter(None, [session.group.provider.name, session.note]))),
                f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
            ]
        )
    return calendar(events, name="마주봄 건강반")
