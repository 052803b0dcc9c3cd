"""건강상점 under real concurrency on PostgreSQL: the registration rush through the live (threaded) server,
concurrent cancels and their promotions, two phones scanning one ticket at the door, and the last seats of
a booth program. Run with ``pytest -s`` to see the figures."""

from __future__ import annotations

import datetime as dt
import random
import re
import secrets
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone

from events import notify, services
from events.models import CheckIn, ProgramBooking, Registration
from tests.factories import BoothFactory, FairFactory, ProgramFactory, RegistrationFactory, UserFactory
from tests.orders.test_concurrency import Browser

pytestmark = [pytest.mark.postgres]

VISITORS = 300
CAPACITY = 100
# Requests inside the server at once, as a production server's workers would take them: the others wait in
# the listen backlog (PostgreSQL's 100 connections are shared with whatever else runs on the machine).
IN_SERVER = 40
TICKET = re.compile(r"^/fairs/(?P<slug>[\w-]+)/tickets/(?P<secret>[A-Za-z0-9_-]{16,64})/(?:#\w+)?$")
FULL = "자리가 다 찼어요"
BOOKED = "프로그램을 예약했어요"


@pytest.fixture
def server(postgres_db, live_server):
    """The live server with a production-like backlog and at most IN_SERVER requests handled at once."""
    httpd = live_server.thread.httpd
    httpd.socket.listen(2 * VISITORS)
    gate = threading.BoundedSemaphore(IN_SERVER)
    handle = httpd.process_request_thread

    def gated(request, client_address):
        with gate:
            handle(request, client_address)

    httpd.process_request_thread = gated
    yield live_server
    del httpd.process_request_thread  # the live server lives for the whole session


def browser(server) -> Browser:
    """A visitor's phone: no session yet, a CSRF cookie of its own."""
    return Browser(server.url, {"csrftoken": secrets.token_hex(16)})


def rush(calls, *, at: float | None = None):
    """Every call at the same moment (after a barrier, and not before ``at``, time.monotonic()); each
    answers a value or the exception it raised."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait(timeout=120)
        if at is not None:
            time.sleep(max(0.0, at - time.monotonic()))
        try:
            return call()
        except Exception as exc:
            return exc

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        answers = list(pool.map(run, calls))
    return answers, time.monotonic() - started


def the_line(fair) -> list[Registration]:
    return list(Registration.objects.filter(fair=fair, status="waitlisted").order_by("waitlisted_at", "pk"))


def fitting_prefix(line: list[Registration], free: int) -> list[Registration]:
    """The parties a strict line confirms with ``free`` places: from the head while the whole party fits."""
    taken = []
    for registration in line:
        if registration.party_size > free:
            break
        free -= registration.party_size
        taken.append(registration)
    return taken


def form(index: int, party_size: int) -> dict:
    return {
        "name": f"방문객{index}",
        "phone": f"010-4{index // 10000:03d}-{index % 10000:04d}",
        "party_size": party_size,
        "email": "",
        "agree_privacy": "on",
    }


def test_three_hundred_register_at_once_for_a_hundred_places_then_concurrent_cancels_promote_once(
    server, monkeypatch
):
    opens = timezone.now() + dt.timedelta(seconds=3)
    opens_at = time.monotonic() + 3
    fair = FairFactory(visitor_capacity=CAPACITY, registration_opens=opens, slug="spring-fair")
    register = f"/fairs/{fair.slug}/register/"
    rng = random.Random(20261205)
    sizes = [rng.randint(1, 4) for _ in range(VISITORS)]
    phones = [browser(server) for _ in range(VISITORS)]

    early = browser(server).post(register, form(VISITORS, 1))
    assert early.status == 400 and "아직 시작하지 않았어요" in early.body

    # --- the rush: everyone presses 등록 the moment registration opens ---------------------------------
    replies, elapsed = rush(
        [lambda p=p, i=i: p.post(register, form(i, sizes[i])) for i, p in enumerate(phones)],
        at=opens_at + 0.05,
    )
    errors = [
        r for r in replies if isinstance(r, Exception) or r.status != 302 or not TICKET.match(r.location)
    ]
    registrations = list(Registration.objects.filter(fair=fair).order_by("pk"))
    confirmed = [r for r in registrations if r.status == "confirmed"]
    people = sum(r.party_size for r in confirmed)
    line = the_line(fair)
    print(
        f"\n[fair registration rush] attempts={VISITORS} confirmed_parties={len(confirmed)} "
        f"confirmed_people={people}/{CAPACITY} waitlisted={len(line)} errors={len(errors)} "
        f"seconds={elapsed:.2f}"
    )
    assert errors == [], errors[:3]
    assert len(registrations) == VISITORS
    assert {r.secret for r in registrations} == {TICKET.match(r.location)["secret"] for r in replies}
    assert people <= CAPACITY
    assert len(confirmed) + len(line) == VISITORS
    # Strict order: the parties confirmed are the ones that came first (the fair's row lock lets one in at a
    # time: the primary keys are that order), up to the first that did not fit; from it on everybody waits,
    # in the order they came, and the head of the line does not fit the places left.
    first_waiting = min(r.pk for r in line)
    assert max(r.pk for r in confirmed) < first_waiting
    assert [r.pk for r in line] == sorted(r.pk for r in line), "the line is not the order they came in"
    assert line[0].party_size > CAPACITY - people
    assert [services.place_in_line(r) for r in line] == list(range(1, len(line) + 1))
    assert services.head_blocked(fair) in (None, (line[0], CAPACITY - people))

    # --- cancels at once (each ticket tapped twice) while newcomers register -------------------------------
    promoted_calls: list[int] = []
    lock = threading.Lock()

    def promoted(*, registration_id: int) -> None:
        with lock:
            promoted_calls.append(registration_id)

    monkeypatch.setattr(notify, "promoted", promoted)
    leaving = rng.sample(confirmed, 10)
    freed = sum(r.party_size for r in leaving)
    expected = fitting_prefix(line, CAPACITY - people + freed)
    by_secret = {r.secret: p for r, p in zip(registrations, phones, strict=True)}
    calls = [
        lambda r=r, p=p: p.post(f"/fairs/{fair.slug}/tickets/{r.secret}/cancel/", {})
        for r in leaving
        for p in (by_secret[r.secret], browser(server))
    ]
    newcomers = [browser(server) for _ in range(5)]
    calls += [lambda p=p, i=i: p.post(register, form(VISITORS + 1 + i, 1)) for i, p in enumerate(newcomers)]
    replies, elapsed = rush(calls)
    errors = [
        r for r in replies if isinstance(r, Exception) or r.status != 302 or not TICKET.match(r.location)
    ]
    now_confirmed = Registration.objects.filter(fair=fair, status="confirmed")
    promoted_now = set(now_confirmed.filter(pk__in=[r.pk for r in line]).values_list("pk", flat=True))
    people_now = sum(r.party_size for r in now_confirmed)
    print(
        f"[fair cancels + newcomers at once] requests={len(calls)} cancelled={len(leaving)} "
        f"freed_people={freed} promoted={len(promoted_now)} confirmed_people={people_now}/{CAPACITY} "
        f"errors={len(errors)} seconds={elapsed:.2f}"
    )
    assert errors == [], errors[:3]
    assert Registration.objects.filter(pk__in=[r.pk for r in leaving], status="cancelled").count() == len(
        leaving
    )
    assert promoted_now == {r.pk for r in expected}  # exactly the head of the line that fits
    assert sorted(promoted_calls) == sorted(r.pk for r in expected)  # each promoted once, told once
    assert people_now <= CAPACITY
    after = the_line(fair)
    assert after[0].party_size > CAPACITY - people_now  # the new head does not fit: nobody was skipped
    assert [r.pk for r in after[: len(line) - len(expected)]] == [r.pk for r in line[len(expected) :]]
    newcomer_rows = Registration.objects.filter(
        fair=fair, phone__in=[form(VISITORS + 1 + i, 1)["phone"] for i in range(5)]
    )
    assert {r.status for r in newcomer_rows} == {"waitlisted"} and newcomer_rows.count() == 5
    assert {r.pk for r in after[-5:]} == {r.pk for r in newcomer_rows}  # newcomers wait behind the line


# --- the door ---------------------------------------------------------------------------------------------


def in_threads(calls):
    """``rush``, each call on its own database connection, closed afterwards."""

    def own_connection(call):
        def run():
            try:
                return call()
            finally:
                connection.close()

        return run

    return rush([own_connection(call) for call in calls])


def desk_scan_path(slug: str) -> str | None:
    path = f"/fairs/{slug}/desk/scan/"
    try:
        resolve(path)
    except Resolver404:
        return None
    return path


@pytest.mark.django_db(transaction=True)
def test_two_phones_scan_one_ticket_forty_times_one_check_in(postgres_db):
    fair = FairFactory()
    registration = RegistrationFactory(fair=fair, party_size=3)
    staff = UserFactory(is_staff=True)
    nonces = [uuid.uuid4().hex for _ in range(40)]
    doors = ["정문 A" if i % 2 else "정문 B" for i in range(40)]
    calls = [
        lambda n=n, d=d: services.scan(fair=fair, value=registration.code, nonce=n, staff=staff, door=d)
        for n, d in zip(nonces, doors, strict=True)
    ]
    answers, elapsed = in_threads(calls)
    errors = [a for a in answers if isinstance(a, Exception)]
    results = Counter(a.checkin.result for a in answers if not isinstance(a, Exception))
    rows = CheckIn.objects.filter(fair=fair)
    print(
        f"\n[door: two phones, one ticket] scans={len(calls)} ok={results['ok']} "
        f"already={results['already']} rows={rows.count()} errors={len(errors)} seconds={elapsed:.2f}"
    )
    assert errors == [], errors[:3]
    assert results == {"ok": 1, "already": 39}
    assert rows.count() == 40 and set(rows.values_list("nonce", flat=True)) == set(nonces)
    assert not any(a.repeated for a in answers)
    ok = next(a for a in answers if a.checkin.result == "ok")
    registration.refresh_from_db()
    assert registration.checked_in_at is not None and registration.checked_in_door == ok.checkin.door

    # a phone retries a scan (its answer was lost): the same answer, nothing new recorded
    for answer in (ok, answers[-1] if answers[-1] is not ok else answers[0]):
        again = services.scan(fair=fair, value=registration.code, nonce=answer.checkin.nonce, staff=staff)
        assert (again.checkin.pk, again.checkin.result, again.repeated) == (
            answer.checkin.pk,
            answer.checkin.result,
            True,
        )
    assert rows.count() == 40

    # the same nonce from two threads at once (a double tap): one row, the same answer twice — for a ticket
    # not yet in (both race for "ok"), one already in, and another fair's ticket (no row lock to wait on)
    fresh = RegistrationFactory(fair=fair)
    theirs = RegistrationFactory()
    for value, expected in (
        (fresh.code, "ok"),
        (registration.code, "already"),
        (theirs.secret, "wrong_fair"),
    ):
        for _ in range(5):
            nonce = uuid.uuid4().hex
            pair, _elapsed = in_threads(
                [lambda v=value, n=nonce: services.scan(fair=fair, value=v, nonce=n, staff=staff)] * 2
            )
            assert not any(isinstance(a, Exception) for a in pair), pair
            assert {a.checkin.pk for a in pair} == {CheckIn.objects.get(fair=fair, nonce=nonce).pk}
            assert [a.checkin.result for a in pair] == [expected, expected]
            assert sorted(a.repeated for a in pair) == [False, True]
            expected = "already" if expected == "ok" else expected
    assert rows.count() == 40 + 15
    assert rows.filter(result="ok").count() == 2  # this ticket's and the fresh one's


def test_two_phones_scan_one_ticket_through_the_desk(server):
    fair = FairFactory()
    path = desk_scan_path(fair.slug)
    if path is None:
        pytest.skip("the door desk (events/desk.py, POST /fairs/<slug>/desk/scan/) is not there yet")
    registration = RegistrationFactory(fair=fair)
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="check_in", content_type__app_label="events"))
    client = Client()
    client.force_login(staff)
    phones = [
        Browser(
            server.url, {"sessionid": client.cookies["sessionid"].value, "csrftoken": secrets.token_hex(16)}
        )
        for _ in range(2)
    ]
    nonces = [uuid.uuid4().hex for _ in range(40)]
    calls = [
        lambda n=n, p=phones[i % 2]: p.post(path, {"code": registration.code, "nonce": n})
        for i, n in enumerate(nonces)
    ]
    replies, elapsed = rush(calls)
    errors = [r for r in replies if isinstance(r, Exception) or r.status >= 400]
    rows = CheckIn.objects.filter(fair=fair)
    results = Counter(rows.values_list("result", flat=True))
    print(
        f"\n[desk: two phones, one ticket] scans={len(calls)} ok={results['ok']} "
        f"already={results['already']} rows={rows.count()} errors={len(errors)} seconds={elapsed:.2f}"
    )
    assert errors == [], [(r.status, r.body[:200]) if not isinstance(r, Exception) else r for r in errors[:3]]
    assert results == {"ok": 1, "already": 39}
    assert set(rows.values_list("nonce", flat=True)) == set(nonces)
    retry = phones[0].post(path, {"code": registration.code, "nonce": nonces[0]})
    assert retry.status < 400 and rows.count() == 40
    pair, _elapsed = rush(
        [lambda p=p: p.post(path, {"code": registration.code, "nonce": "twice"}) for p in phones]
    )
    assert all(not isinstance(r, Exception) and r.status < 400 for r in pair)
    assert rows.filter(nonce="twice").count() == 1


# --- programs ---------------------------------------------------------------------------------------------


def test_thirty_book_the_eight_seats_of_a_program_at_once(server):
    fair = FairFactory()
    program = ProgramFactory(booth=BoothFactory(fair=fair), capacity=8)
    tickets = [RegistrationFactory(fair=fair, party_size=2) for _ in range(30)]
    phones = [browser(server) for _ in tickets]

    def book(phone: Browser, registration: Registration) -> str:
        reply = phone.post(
            f"/fairs/{fair.slug}/tickets/{registration.secret}/book/", {"program": program.pk, "seats": 1}
        )
        if reply.status != 302 or not TICKET.match(reply.location):
            return f"status {reply.status}"
        page = phone.get(reply.location.split("#")[0])  # the ticket, with the answer as a message
        if page.status != 200:
            return f"ticket {page.status}"
        return "booked" if BOOKED in page.body else "full" if FULL in page.body else "no answer"

    answers, elapsed = rush([lambda p=p, r=r: book(p, r) for p, r in zip(phones, tickets, strict=True)])
    tally = Counter(a if isinstance(a, str) else "exception" for a in answers)
    booked = ProgramBooking.objects.filter(program=program, status="booked")
    errors = sum(n for k, n in tally.items() if k not in ("booked", "full"))
    print(
        f"\n[program rush] attempts={len(tickets)} seats={program.capacity} booked={tally['booked']} "
        f"full={tally['full']} errors={errors} seconds={elapsed:.2f}"
    )
    assert tally == {"booked": 8, "full": 22}, tally
    assert booked.count() == 8 and services.program_seats_taken(program) == 8
    assert {b.registration_id for b in booked} == {
        r.pk for r, a in zip(tickets, answers, strict=True) if a == "booked"
    }
