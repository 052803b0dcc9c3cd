"""Demo 건강반 from ``data/groups.json``: recruiting groups with weekly schedules, sessions for the coming
weeks, neighbours who joined (some groups full, with a waiting list), one approval group, and four weeks of
past sessions with attendance. Idempotent: groups are found by slug, members by e-mail."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from catalog.models import Need, Provider
from groups import services
from groups.models import Attendance, GroupSchedule, GroupSession, HealthGroup, Membership
from majubom import pagecache
from majubom.models import User

from .loader import load

NEIGHBOUR_EMAIL = "group-neighbour-{:03d}@example.kr"
FAMILY = "김이박최정강조윤장임한오서신권황안송"
GIVEN = ["순자", "영수", "말순", "정호", "미숙", "상훈", "옥희", "기철", "경자", "재석", "명숙", "동현"]
PAST_WEEKS = 4


def _neighbours(count: int) -> list[User]:
    rng = random.Random(20261201)
    unusable = make_password(None)
    users = []
    for i in range(count):
        user, _new = User.objects.get_or_create(
            email=NEIGHBOUR_EMAIL.format(i),
            defaults={
                "name": rng.choice(FAMILY) + rng.choice(GIVEN),
                "phone": f"010-{rng.randint(2000, 9999)}-{rng.randint(1000, 9999)}",
                "district": rng.choice(["dong", "jung", "seo", "yuseong", "daedeok"]),
                "birth_year": rng.randint(1940, 1995),
                "password": unusable,
            },
        )
        users.append(user)
    return users


def seed_groups(*, staff: User, resident: User | None = None, now=None) -> dict[str, int]:
    now = now or timezone.now()
    specs = load().groups
    created = {"groups": 0, "sessions": 0, "members": 0, "attendance": 0}
    neighbours = _neighbours(max((spec.members for spec in specs), default=0))
    needs = {need.slug: need for need in Need.objects.all()}
    providers = {p.slug: p for p in Provider.objects.filter(slug__in={spec.provider for spec in specs})}
    today = timezone.localdate(now)
    for index, spec in enumerate(specs):
        if HealthGroup.objects.filter(slug=spec.slug).exists():
            continue
        with transaction.atomic():
            group = HealthGroup.objects.create(
                provider=providers[spec.provider],
                slug=spec.slug,
                status=HealthGroup.Status.RECRUITING,
                published_at=now - dt.timedelta(days=30 + index),
                **spec.model_fields(),
            )
            group.needs.set([needs[slug] for slug in spec.needs if slug in needs])
            schedule = GroupSchedule.objects.create(
                group=group,
                weekdays=list(spec.weekdays),
                start_time=dt.time.fromisoformat(spec.start),
                duration_minutes=spec.minutes,
                first_date=today - dt.timedelta(weeks=PAST_WEEKS),
                skip_holidays=True,
            )
        created["groups"] += 1
        # Past weeks first (the members were there), then the coming twelve weeks.
        past = [
            (starts, ends)
            for starts, ends in services.rules.occurrences(services.rule_of(schedule), until=today)
            if starts < now - dt.timedelta(hours=2)
        ]
        for starts, ends in past:
            GroupSession.objects.create(
                group=group,
                schedule=schedule,
                starts_at=starts,
                ends_at=ends,
                place_name=group.place_name,
                place_address=group.place_address,
            )
        created["sessions"] += (
            len(past) + services.sessions_materialise(schedule=schedule, now=now)["created"]
        )
        joiners = neighbours[: spec.members]
        if resident is not None and spec.slug in ("hanbat-chair-exercise", "masil-neighbor-tea"):
            joiners = [resident, *joiners]  # waits in one full group, joins the other
        for user in joiners:
            # The real path: seats and the line are decided as for any resident (no mails for demo data).
            result = services.membership_join(
                group=group, user=user, now=now - dt.timedelta(days=29), tell=False
            )
            created["members"] += 1
            if (
                spec.join_policy == HealthGroup.JoinPolicy.APPROVAL
                and len(joiners) > 1
                and user != joiners[-1]
            ):
                services.membership_approve(membership=result.membership, by=staff, tell=False)
        created["attendance"] += _attendance(group, past, staff)
    if created["groups"]:
        pagecache.changed(pagecache.SITE)
    return created


def _attendance(group: HealthGroup, past, staff: User) -> int:
    rng = random.Random(group.slug)
    members = list(group.memberships.filter(status=Membership.Status.ACTIVE))
    marks = []
    sessions = {s.starts_at: s for s in group.sessions.filter(starts_at__in=[s for s, _e in past])}
    for starts, _ends in past:
        for membership in members:
            roll = rng.random()
            status = "present" if roll < 0.78 else "late" if roll < 0.88 else "absent"
            marks.append(
                Attendance(session=sessions[starts], membership=membership, status=status, marked_by=staff)
            )
    Attendance.objects.bulk_create(marks, ignore_conflicts=True)
    return len(marks)


def seed_benchmark_groups(*, groups: int, batch: int = 2000, now=None) -> dict[str, int]:
    """Bulk-insert ``groups`` recruiting groups (``bench-g`` slugs) on the benchmark enterprises, each with a
    weekly rule, its next eight sessions and members from the benchmark residents (about one in five full,
    with a line). Reuses what exists."""
    from catalog.models import Provider

    now = now or timezone.now()
    rng = random.Random(20261202)
    specs = load().groups
    providers = list(
        Provider.objects.filter(slug__startswith="bench-").order_by("slug").values_list("pk", flat=True)
    )
    residents = list(User.objects.filter(email__startswith="bench-user-").values_list("pk", flat=True))
    if not providers or not specs:
        return {"groups": 0, "sessions": 0, "members": 0}
    existing = set(HealthGroup.objects.filter(slug__startswith="bench-g").values_list("slug", flat=True))
    fresh = []
    for i in range(groups):
        slug = f"bench-g{i:05d}"
        if slug in existing:
            continue
        spec = specs[i % len(specs)]
        fields = spec.model_fields()
        fields["title"] = f"{spec.title} ({i // len(specs) + 1})"
        fresh.append(
            HealthGroup(
                provider_id=providers[i % len(providers)],
                slug=slug,
                status=HealthGroup.Status.RECRUITING,
                published_at=now - dt.timedelta(minutes=i),
                **fields,
            )
        )
    HealthGroup.objects.bulk_create(fresh, batch_size=batch)
    made = list(HealthGroup.objects.filter(slug__in=[g.slug for g in fresh]).order_by("slug"))
    needs = {need.slug: need.pk for need in Need.objects.all()}
    through = HealthGroup.needs.through
    links, schedules, sessions, members = [], [], [], []
    today = timezone.localdate(now)
    for index, group in enumerate(made):
        spec = specs[int(group.slug[7:]) % len(specs)]
        links += [through(healthgroup_id=group.pk, need_id=needs[s]) for s in spec.needs if s in needs]
        start = dt.time.fromisoformat(spec.start)
        schedules.append(
            GroupSchedule(
                group=group,
                weekdays=list(spec.weekdays),
                start_time=start,
                duration_minutes=spec.minutes,
                first_date=today,
                skip_holidays=True,
            )
        )
        rule = services.rules.Rule(
            weekdays=spec.weekdays,
            start_time=start,
            duration_minutes=spec.minutes,
            first_date=today + dt.timedelta(days=1),
            session_count=8,
        )
        sessions += [
            GroupSession(
                group=group,
                starts_at=s,
                ends_at=e,
                place_name=group.place_name,
                place_address=group.place_address,
            )
            for s, e in services.rules.occurrences(rule)
        ]
        if residents:
            wanted = (
                group.capacity + rng.randint(1, 6) if index % 5 == 0 else rng.randint(0, group.capacity - 1)
            )
            chosen = rng.sample(residents, k=min(wanted, len(residents)))
            for place, user_pk in enumerate(chosen):
                joined = now - dt.timedelta(days=30, minutes=-place)
                if place < group.capacity:
                    members.append(
                        Membership(
                            group=group, user_id=user_pk, status=Membership.Status.ACTIVE, joined_at=joined
                        )
                    )
                else:
                    members.append(
                        Membership(
                            group=group,
                            user_id=user_pk,
                            status=Membership.Status.WAITLISTED,
                            waitlisted_at=joined,
                        )
                    )
    through.objects.bulk_create(links, batch_size=batch * 5, ignore_conflicts=True)
    GroupSchedule.objects.bulk_create(schedules, batch_size=batch)
    GroupSession.objects.bulk_create(sessions, batch_size=batch * 5, ignore_conflicts=True)
    Membership.objects.bulk_create(members, batch_size=batch * 5, ignore_conflicts=True)
    pagecache.changed(pagecache.SITE)
    return {"groups": len(fresh), "sessions": len(sessions), "members": len(members)}
