"""Reads that the 건강반 pages share: each carries its own prefetches, so a page costs the same few queries
whatever the number of groups, members and sessions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from catalog.models import Need

from .models import AbsenceNotice, GroupSchedule, GroupSession, HealthGroup, Membership

TIMES_OF_DAY = {"morning": (0, 12), "afternoon": (12, 17), "evening": (17, 24)}


@dataclass(frozen=True)
class GroupFilters:
    q: str = ""
    domain: str = ""
    district: str = ""
    weekday: int | None = None  # 0 = Monday … 6 = Sunday
    time_of_day: str = ""
    free: bool = False
    seats: bool = False
    need: str = ""

    def as_query(self) -> QueryDict:
        query = QueryDict(mutable=True)
        for name, value in [
            ("q", self.q),
            ("domain", self.domain),
            ("district", self.district),
            ("weekday", "" if self.weekday is None else str(self.weekday)),
            ("time", self.time_of_day),
            ("free", "1" if self.free else ""),
            ("seats", "1" if self.seats else ""),
            ("need", self.need),
        ]:
            if value:
                query[name] = value
        return query


def _upcoming(now) -> QuerySet:
    return GroupSession.objects.filter(
        group=OuterRef("pk"), status=GroupSession.Status.SCHEDULED, starts_at__gt=now
    )


def group_cards(queryset: QuerySet, *, now=None) -> QuerySet:
    """What a group card shows: host, schedules (for "매주 화·목 오전 10시"), seats taken, the line, the
    next session."""
    now = now or timezone.now()
    return (
        queryset.select_related("provider")
        .prefetch_related(Prefetch("schedules", queryset=GroupSchedule.objects.order_by("pk")))
        .annotate(
            active_count=Count(
                "memberships", filter=Q(memberships__status=Membership.Status.ACTIVE), distinct=True
            ),
            waiting_count=Count(
                "memberships", filter=Q(memberships__status=Membership.Status.WAITLISTED), distinct=True
            ),
            next_session_at=Subquery(_upcoming(now).order_by("starts_at").values("starts_at")[:1]),
        )
    )


def group_list(*, filters: GroupFilters, now=None) -> QuerySet:
    now = now or timezone.now()
    qs = HealthGroup.objects.filter(status=HealthGroup.Status.RECRUITING, provider__is_published=True)
    if filters.domain:
        qs = qs.filter(domain=filters.domain)
    if filters.district:
        qs = qs.filter(district=filters.district)
    if filters.need:
        qs = qs.filter(
            Exists(
                HealthGroup.needs.through.objects.filter(healthgroup=OuterRef("pk"), need__slug=filters.need)
            )
        )
    if filters.free:
        qs = qs.filter(fee=0)
    if filters.q:
        q = filters.q
        qs = qs.filter(
            Q(title__icontains=q)
            | Q(summary__icontains=q)
            | Q(provider__name__icontains=q)
            | Q(place_name__icontains=q)
        )
    sessions = _upcoming(now)
    if filters.weekday is not None:
        sessions = sessions.filter(starts_at__week_day=(filters.weekday + 1) % 7 + 1)
    if filters.time_of_day in TIMES_OF_DAY:
        start, end = TIMES_OF_DAY[filters.time_of_day]
        sessions = sessions.filter(starts_at__hour__gte=start, starts_at__hour__lt=end)
    if filters.weekday is not None or filters.time_of_day:
        qs = qs.filter(Exists(sessions))
    qs = group_cards(qs.order_by("-published_at", "-pk"), now=now)
    if filters.seats:
        qs = qs.filter(active_count__lt=F("capacity"))
    return qs


def group_detail(*, slug: str) -> HealthGroup:
    return get_object_or_404(
        group_cards(
            HealthGroup.objects.filter(provider__is_published=True).exclude(
                status__in=[HealthGroup.Status.DRAFT, HealthGroup.Status.PENDING_REVIEW]
            )
        ),
        slug=slug,
    )


def next_sessions(group: HealthGroup, *, limit: int = 6, now=None) -> list[GroupSession]:
    now = now or timezone.now()
    return list(group.sessions.filter(starts_at__gt=now).order_by("starts_at")[:limit])


def group_needs(group: HealthGroup) -> list[Need]:
    return list(Need.objects.filter(groups=group).order_by("name"))


def membership_of(*, group_id: int, user) -> Membership | None:
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(group_id=group_id, user=user)
        .order_by(
            # the live one first, then the latest ended one (removed / rejected / left)
            "-created_at"
        )
        .first()
    )


def my_memberships(*, user, now=None) -> list[Membership]:
    """A resident's groups (live ones), each with its place in line and next sessions, in few queries."""
    now = now or timezone.now()
    memberships = list(
        Membership.objects.filter(user=user, status__in=Membership.LIVE)
        .select_related("group", "group__provider")
        .prefetch_related(Prefetch("group__schedules", queryset=GroupSchedule.objects.order_by("pk")))
        .order_by("group__title")
    )
    waiting = [m for m in memberships if m.status == Membership.Status.WAITLISTED]
    if waiting:
        lines: dict[int, list[tuple]] = {}
        for group_id, waited, pk in Membership.objects.filter(
            group_id__in={m.group_id for m in waiting}, status=Membership.Status.WAITLISTED
        ).values_list("group_id", "waitlisted_at", "pk"):
            lines.setdefault(group_id, []).append((waited, pk))
        for m in waiting:
            m.place = sorted(lines[m.group_id]).index((m.waitlisted_at, m.pk)) + 1
    active = [m for m in memberships if m.status == Membership.Status.ACTIVE]
    sessions = list(
        GroupSession.objects.filter(
            group_id__in={m.group_id for m in active},
            starts_at__gt=now,
            starts_at__lte=now + dt.timedelta(weeks=4),
        ).order_by("starts_at")
    )
    notices = set(
        AbsenceNotice.objects.filter(membership__in=active, session__in=sessions).values_list(
            "membership_id", "session_id"
        )
    )
    for m in memberships:
        m.upcoming = [
            (session, (m.pk, session.pk) in notices) for session in sessions if session.group_id == m.group_id
        ][:4]
    return memberships


# --- words -------------------------------------------------------------------------------------------------

WEEKDAY_NAMES = ["월", "화", "수", "목", "금", "토", "일"]


def weekday_name(day: int) -> str:
    return pgettext("weekday", WEEKDAY_NAMES[day])


def time_in_words(value: dt.time) -> str:
    """10:00 → "오전 10시", 19:30 → "오후 7시 30분"."""
    hour = value.hour % 12 or 12
    part = pgettext("clock", "오전") if value.hour < 12 else pgettext("clock", "오후")
    if value.minute:
        return _("%(part)s %(hour)d시 %(minute)d분") % {"part": part, "hour": hour, "minute": value.minute}
    return _("%(part)s %(hour)d시") % {"part": part, "hour": hour}


def schedule_in_words(schedules) -> str:
    """ "매주 화·목 오전 10시" for each weekly rule, joined."""
    parts = []
    for rule in schedules:
        days = "·".join(weekday_name(d) for d in sorted(rule.weekdays))
        parts.append(_("매주 %(days)s %(time)s") % {"days": days, "time": time_in_words(rule.start_time)})
    return ", ".join(parts)


def map_links(address: str) -> dict[str, str]:
    if not address:
        return {}
    return {
        "kakao": f"https://map.kakao.com/?q={quote(address)}",
        "naver": f"https://map.naver.com/p/search/{quote(address)}",
    }


def groups_near(*, district: str = "", limit: int = 3) -> list[HealthGroup]:
    """Groups recruiting now for the home page: the resident's district first, then the newest."""
    qs = HealthGroup.objects.filter(status=HealthGroup.Status.RECRUITING, provider__is_published=True)
    order = ["-published_at", "-pk"]
    if district:
        from django.db.models import Case, IntegerField, Value, When

        qs = qs.annotate(
            _near=Case(When(district=district, then=Value(0)), default=Value(1), output_field=IntegerField())
        )
        order = ["_near", *order]
    return list(group_cards(qs.order_by(*order))[:limit])


def recruiting_by_provider(provider_ids, limit: int = 2) -> dict[int, list[HealthGroup]]:
    """Each enterprise's groups recruiting now, newest first (for the fair's follow-up)."""
    found: dict[int, list[HealthGroup]] = {}
    for group in HealthGroup.objects.filter(
        provider_id__in=provider_ids, status=HealthGroup.Status.RECRUITING, provider__is_published=True
    ).order_by("-published_at", "-pk"):
        mine = found.setdefault(group.provider_id, [])
        if len(mine) < limit:
            mine.append(group)
    return found
