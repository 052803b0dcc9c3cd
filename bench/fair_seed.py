"""The 건강상점 of the benchmark (run inside ``manage.py shell`` by bench/load.py: Django is set up).

Two published fairs on the benchmark database:

* ``bench-fair``, the registration rush: open for registration, booths of the benchmark enterprises with a
  few programs each. Before each rush its registrations are deleted and its visitor capacity set
  (``reset_rush``), so every run starts with the same empty fair and goes past its capacity.
* ``bench-fair-door``, the fair of the day for the door desk: confirmed tickets whose codes the desk
  scenario scans, and desk phones (staff sessions with ``events.check_in``). ``reset_door`` forgets the
  scans, so every run starts with nobody in.

Idempotent: the fairs are found by slug, the tickets and the desk staff reused."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Permission
from django.contrib.sessions.backends.db import SessionStore
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from catalog.models import Provider
from events.models import Booth, CheckIn, Fair, Program, Registration, new_code
from majubom import pagecache
from majubom.models import User

RUSH = "bench-fair"
DOOR = "bench-fair-door"
BOOTHS = 24
PROGRAMS_PER_BOOTH = 2
DOOR_TICKETS = 3000
DESK_PHONES = 8


def _fair(slug: str, *, title: str, starts_at, capacity: int) -> Fair:
    now = timezone.now()
    fields = {
        "title": title,
        "summary": "벤치마크용 건강상점",
        "starts_at": starts_at,
        "ends_at": starts_at + dt.timedelta(hours=6),
        "venue": "대전시민대학 1층 로비",
        "address": "대전광역시 중구 계백로 1700",
        "registration_opens": now - dt.timedelta(days=30),
        "registration_closes": max(starts_at - dt.timedelta(hours=12), now - dt.timedelta(days=1)),
        "visitor_capacity": capacity,
        "status": Fair.Status.PUBLISHED,
        "stamp_goal": 5,
    }
    fair, _created = Fair.objects.update_or_create(slug=slug, defaults=fields)
    return fair


def _booths(fair: Fair) -> int:
    if Booth.objects.filter(fair=fair).exists():
        return 0
    providers = list(Provider.objects.filter(slug__startswith="bench-").order_by("slug")[:BOOTHS])
    booths = [
        Booth(
            fair=fair,
            provider=provider,
            status=Booth.Status.APPROVED,
            number=n + 1,
            zone="AB"[n % 2],
            offering="체성분 측정과 1:1 건강 상담",
        )
        for n, provider in enumerate(providers)
    ]
    Booth.objects.bulk_create(booths)
    programs = []
    for n, booth in enumerate(Booth.objects.filter(fair=fair).order_by("number")):
        for k in range(PROGRAMS_PER_BOOTH):
            starts = fair.starts_at + dt.timedelta(minutes=30 + 60 * k + 5 * (n % 6))
            programs.append(
                Program(
                    booth=booth,
                    title=f"건강 체험 {n + 1}-{k + 1}",
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(minutes=40),
                    capacity=12,
                )
            )
    Program.objects.bulk_create(programs)
    return len(booths)


def _door_tickets(fair: Fair, count: int) -> list[str]:
    have = set(Registration.objects.filter(fair=fair).values_list("code", flat=True))
    now = timezone.now()
    fresh, codes = [], set(have)
    for n in range(len(have), count):
        code = new_code()
        while code in codes:
            code = new_code()
        codes.add(code)
        fresh.append(
            Registration(
                fair=fair,
                name=f"문앞 방문객{n}",
                phone=f"010-9{n // 10000:03d}-{n % 10000:04d}",
                party_size=1 + n % 3,
                status=Registration.Status.CONFIRMED,
                confirmed_at=now,
                code=code,
                agreed_privacy_at=now,
            )
        )
    Registration.objects.bulk_create(fresh, batch_size=1000)
    return list(
        Registration.objects.filter(fair=fair, status=Registration.Status.CONFIRMED)
        .order_by("pk")
        .values_list("code", flat=True)
    )


def _desk_sessions(count: int) -> list[str]:
    permission = Permission.objects.get(codename="check_in", content_type__app_label="events")
    sessions = []
    for n in range(count):
        user, _created = User.objects.get_or_create(
            email=f"bench-desk-{n}@example.kr", defaults={"name": f"입구 담당{n}", "is_staff": True}
        )
        user.user_permissions.add(permission)
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions.append(store.session_key)
    return sessions


def prepare(*, capacity: int = 1000) -> dict:
    """Both fairs, their booths and tickets, and desk sessions; what the harness needs, as JSON-ready data."""
    today = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    with transaction.atomic():
        rush = _fair(
            RUSH, title="벤치마크 건강상점", starts_at=today + dt.timedelta(days=14), capacity=capacity
        )
        booths = _booths(rush)
        door = _fair(
            DOOR,
            title="벤치마크 건강상점 (오늘)",
            starts_at=timezone.now() - dt.timedelta(hours=1),
            capacity=DOOR_TICKETS * 3,
        )
        codes = _door_tickets(door, DOOR_TICKETS)
    reset_rush(capacity=capacity)
    reset_door()
    return {
        "fair": {"slug": RUSH, "door_slug": DOOR, "codes": codes, "booths": booths},
        "desk_sessions": _desk_sessions(DESK_PHONES),
    }


def reset_rush(*, capacity: int) -> None:
    """An empty fair again, with this capacity (people)."""
    with transaction.atomic():
        fair = Fair.objects.select_for_update().get(slug=RUSH)
        Registration.objects.filter(fair=fair).delete()
        fair.visitor_capacity = capacity
        fair.save(update_fields=["visitor_capacity", "updated_at"])
    pagecache.changed(pagecache.fair(fair.pk))


def reset_door() -> None:
    """Nobody in yet: the scans forgotten."""
    fair = Fair.objects.get(slug=DOOR)
    with transaction.atomic():
        CheckIn.objects.filter(fair=fair).delete()
        Registration.objects.filter(fair=fair, checked_in_at__isnull=False).update(
            checked_in_at=None, checked_in_door=""
        )
    pagecache.changed(pagecache.fair(fair.pk))


def rush_counts() -> dict:
    """What the rush left: registrations, confirmed parties and people against the capacity, the line."""
    fair = Fair.objects.get(slug=RUSH)
    row = Registration.objects.filter(fair=fair).aggregate(
        registrations=Count("pk"),
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        confirmed_people=Coalesce(Sum("party_size", filter=Q(status=Registration.Status.CONFIRMED)), 0),
        waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
    )
    return {**row, "capacity": fair.visitor_capacity}


def door_counts() -> dict:
    fair = Fair.objects.get(slug=DOOR)
    by_result = dict(
        CheckIn.objects.filter(fair=fair).values_list("result").annotate(n=Count("pk")).order_by()
    )
    return {"scans": sum(by_result.values()), **by_result}
