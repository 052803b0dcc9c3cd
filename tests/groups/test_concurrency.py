"""The last seats of a 건강반 under real concurrency, through the live (threaded) server on PostgreSQL.
Run with ``pytest -s`` to see the figures."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from groups.models import Membership
from groups.services import place_in_line
from tests.factories import HealthGroupFactory, UserFactory
from tests.orders.test_concurrency import logged_in

pytestmark = [pytest.mark.postgres]
RESIDENTS = 50


@pytest.fixture
def server(postgres_db, live_server):
    live_server.thread.httpd.socket.listen(4 * RESIDENTS)  # a production-like backlog, as for checkout
    return live_server


def rush(calls) -> tuple[list[int], float]:
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait(timeout=60)
        try:
            return call().status
        except Exception:
            return 0

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        statuses = list(pool.map(run, calls))
    return statuses, time.monotonic() - started


def test_fifty_join_ten_seats_then_leaves_and_newcomers_at_once(server):
    group = HealthGroupFactory(capacity=10, slug="gapcheon-walk")
    users = [UserFactory() for _ in range(RESIDENTS)]
    browsers = [logged_in(server.url, user) for user in users]
    join = f"/groups/{group.slug}/join/"

    statuses, elapsed = rush([lambda b=b: b.post(join, {}) for b in browsers])
    errors = [s for s in statuses if s != 302]
    active = Membership.objects.filter(group=group, status="active")
    waiting = list(Membership.objects.filter(group=group, status="waitlisted"))
    places = sorted(place_in_line(m) for m in waiting)
    print(
        f"\n[group join] attempts={RESIDENTS} active={active.count()} waitlisted={len(waiting)} "
        f"errors={len(errors)} seconds={elapsed:.2f}"
    )
    assert errors == []
    assert active.count() == 10 and len(waiting) == 40
    assert places == list(range(1, 41))  # no gaps, no duplicates

    head_of_line = [m.user_id for m in sorted(waiting, key=lambda m: (m.waitlisted_at, m.pk))[:5]]
    leaving = [b for b, u in zip(browsers, users, strict=True) if active.filter(user=u).exists()][:5]
    newcomers = [logged_in(server.url, UserFactory()) for _ in range(5)]
    calls = [lambda b=b: b.post(f"/groups/{group.slug}/leave/", {}) for b in leaving]
    calls += [lambda b=b: b.post(join, {}) for b in newcomers]
    statuses, elapsed = rush(calls)
    print(
        f"[leave + join at once] requests={len(calls)} errors={sum(s != 302 for s in statuses)} "
        f"seconds={elapsed:.2f}"
    )
    assert all(s == 302 for s in statuses)
    now_active = set(
        Membership.objects.filter(group=group, status="active").values_list("user_id", flat=True)
    )
    assert len(now_active) == 10
    assert set(head_of_line) <= now_active  # the seats went to places 1–5 of the line
    line = sorted(
        Membership.objects.filter(group=group, status="waitlisted"), key=lambda m: (m.waitlisted_at, m.pk)
    )
    assert len(line) == 40 and [place_in_line(m) for m in line] == list(range(1, 41))
    newcomer_ids = set(
        Membership.objects.filter(group=group).order_by("-pk").values_list("user_id", flat=True)[:5]
    )
    assert {m.user_id for m in line[-5:]} == newcomer_ids  # the newcomers wait behind
