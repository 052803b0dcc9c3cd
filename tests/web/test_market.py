"""The market dashboard (``web.market``): a four-week period in March 2025 whose every figure is known —
who joined, took a test, ordered, paid, came back, registered for the fair and what followed within 30
days (a day-29 order counts, a day-31 one does not) — then privacy ("5 미만"), the period's errors, who
may see the page and its query budget.

The period is 2025-03-03 (Mon) to 2025-03-30 (Sun): weeks W1 = 3 Mar, W2 = 10 Mar, W3 = 17 Mar, W4 = 24 Mar.
"""

import datetime as dt
import re
import uuid
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from catalog.models import PartnerApplication
from events.models import Registration, Stamp
from groups.models import Membership
from healthcheck.models import Assessment, NeedRule, RecommendationStat
from orders.models import Cart, CartLine, Order, OrderLine, Payment
from tests.factories import (
    BoothFactory,
    FairFactory,
    GroupSessionFactory,
    HealthGroupFactory,
    NeedFactory,
    ProviderFactory,
    ProviderMemberFactory,
    RegistrationFactory,
    ServiceFactory,
    SlotFactory,
    UserFactory,
)
from web.market import Period, PeriodError, build_dashboard, guarded, parse_period, protect

pytestmark = pytest.mark.django_db

SEOUL = ZoneInfo("Asia/Seoul")
PERIOD = Period(dt.date(2025, 3, 3), dt.date(2025, 3, 30))
QUERY_BUDGET = 25


def at(month: int, day: int, hour: int = 10, year: int = 2025) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=SEOUL)


def _order(*, user, created_at, lines, status="paid", paid=None, refund=None, staff=None):
    """An order with ``lines`` [(service, quantity)], placed at ``created_at``; ``paid`` / ``refund`` are
    (amount, when) payments confirmed by ``staff``."""
    total = sum(service.price * quantity for service, quantity in lines)
    order = Order.objects.create(
        number=f"M-{uuid.uuid4().hex[:10]}",
        user=user,
        name="주문자",
        phone="010-1111-2222",
        email=user.email,
        status=status,
        payment_method="bank_transfer",
        total=total,
        idempotency_key=uuid.uuid4(),
    )
    for service, quantity in lines:
        OrderLine.objects.create(
            order=order,
            service=service,
            provider=service.provider,
            title=service.title,
            unit_price=service.price,
            quantity=quantity,
        )
    Order.objects.filter(pk=order.pk).update(created_at=created_at)
    for kind, payment in (("payment", paid), ("refund", refund)):
        if payment:
            amount, when = payment
            made = Payment.objects.create(
                order=order, kind=kind, amount=amount, method="bank_transfer", confirmed_by=staff
            )
            Payment.objects.filter(pk=made.pk).update(confirmed_at=when)
    return order


def _test(*, created_at, user=None, kind="quick", opened=True, results=None, answers=None):
    assessment = Assessment.objects.create(
        submission_id=uuid.uuid4(),
        user=user,
        consent=user is not None,
        kind=kind,
        results=results or {},
        answers=answers or {},
    )
    Assessment.objects.filter(pk=assessment.pk).update(
        created_at=created_at,
        recommendation_opened_at=created_at + dt.timedelta(minutes=5) if opened else None,
    )
    return assessment


def _cart_line(*, user, service, added_at):
    cart, _ = Cart.objects.get_or_create(user=user)
    line = CartLine.objects.create(cart=cart, service=service, quantity=1, price_seen=service.price)
    CartLine.objects.filter(pk=line.pk).update(added_at=added_at)


def _membership(*, user, group, created_at, status="left"):
    membership = Membership.objects.create(group=group, user=user, status=status)
    Membership.objects.filter(pk=membership.pk).update(created_at=created_at)


def _application(*, created_at, status="pending", decided_at=None, name="새싹 협동조합"):
    number = PartnerApplication.objects.count() + 10
    application = PartnerApplication.objects.create(
        name=name,
        kind="cooperative",
        business_number=f"123-45-{number:05d}",
        district="seo",
        address="대전광역시 서구 둔산로 1",
        contact_name="김담당",
        phone="010-1234-5678",
        email="apply@example.kr",
        description="마을 돌봄",
        agreed_privacy_at=created_at,
        status=status,
        decided_at=decided_at,
    )
    PartnerApplication.objects.filter(pk=application.pk).update(created_at=created_at)


@pytest.fixture
def staff():
    return UserFactory(email="coop@example.kr", is_staff=True, is_superuser=True)


@pytest.fixture
def market(staff):
    now = timezone.now()
    need_ex = NeedFactory(slug="mk-exercise", name="운동 부족")
    need_mood = NeedFactory(slug="mk-mood", name="우울감", domain="mental")
    seo = ProviderFactory(kind="cooperative", district="seo", name="서구 협동조합")
    dong = ProviderFactory(kind="village_enterprise", district="dong", name="동구 마을기업")
    hidden = ProviderFactory(kind="cooperative", district="seo", is_published=False)

    s1 = ServiceFactory(provider=seo, domain="physical", price=30000)
    s1.needs.add(need_ex)
    s2 = ServiceFactory(provider=dong, domain="mental", price=10000, is_experience=True)
    s2.needs.add(need_mood)
    draft = ServiceFactory(provider=seo, domain="physical", status="draft")
    ServiceFactory(provider=hidden, domain="physical")
    # seats in the next 4 weeks: 7 on s1; a later, a past and a draft's time do not count
    SlotFactory(service=s1, starts_at=now + dt.timedelta(days=3), capacity=10, booked=3)
    SlotFactory(service=s1, starts_at=now + dt.timedelta(days=40), capacity=10)
    SlotFactory(service=s1, starts_at=now - dt.timedelta(days=1), capacity=10)
    SlotFactory(service=draft, starts_at=now + dt.timedelta(days=3), capacity=10)

    g1 = HealthGroupFactory(provider=seo, domain="physical", district="seo", capacity=10)
    g1.needs.add(need_ex)
    for status in ("active", "active", "pending"):
        Membership.objects.create(group=g1, user=UserFactory(), status=status)
    Membership.objects.create(group=g1, user=UserFactory(), status="waitlisted", waitlisted_at=now)
    GroupSessionFactory(group=g1, starts_at=now + dt.timedelta(days=7))  # 8 seats in the next 4 weeks
    g2 = HealthGroupFactory(provider=dong, domain="mental", district="dong", capacity=2)
    g2.needs.add(need_mood)
    for _ in range(2):
        Membership.objects.create(group=g2, user=UserFactory(), status="active")  # full, no session
    closed = HealthGroupFactory(provider=seo, domain="social", status="closed")

    # 입점 신청: 4 received in the period (W1 2, W2 1, W3 1); approvals decided in it took 3, 5, 18 days
    _application(created_at=at(3, 3), status="approved", decided_at=at(3, 6))
    _application(created_at=at(3, 4), status="approved", decided_at=at(3, 9))
    _application(created_at=at(3, 11), status="rejected", decided_at=at(3, 12))
    _application(created_at=at(3, 17))
    _application(created_at=at(2, 20), status="approved", decided_at=at(3, 10))
    _application(created_at=at(4, 2))  # after

    # residents who joined: W1 2, W2 1, W4 1 (and a staff account, not counted)
    b1 = UserFactory(email="b1@example.kr", date_joined=at(3, 3))
    b2 = UserFactory(email="b2@example.kr", date_joined=at(3, 4))
    b3 = UserFactory(email="b3@example.kr", date_joined=at(3, 10))
    u = [UserFactory(email=f"u{n}@example.kr", date_joined=at(1, 5)) for n in range(9)]
    u[0].date_joined = at(3, 24)
    u[0].save(update_fields=["date_joined"])
    UserFactory(email="staff2@example.kr", is_staff=True, date_joined=at(3, 4))

    # health tests: 9 quick in W1 (u0–u8), 2 detailed anonymous in W2 (one opened its recommendation)
    test_time = at(3, 4)
    for n, user in enumerate(u):
        _test(created_at=test_time, user=user, opened=n != 8)
    _test(created_at=at(3, 11), kind="detailed", opened=True)
    _test(created_at=at(3, 12), kind="detailed", opened=False)
    _test(created_at=at(2, 20))  # before the period
    day = dt.timedelta(days=1)
    for user in u[:5]:  # ordered on day 29: cart and order count
        _order(user=user, created_at=test_time + 29 * day, lines=[(s1, 1)])
    _order(user=u[5], created_at=test_time + 31 * day, lines=[(s1, 1)])  # day 31: too late
    _cart_line(user=u[6], service=s1, added_at=test_time + 5 * day)  # cart only
    _cart_line(user=u[7], service=s2, added_at=test_time + 31 * day)  # too late
    u7_order = {"user": u[7], "created_at": at(3, 7), "lines": [(s1, 1)], "status": "cancelled"}
    _order(**u7_order)  # a cancelled order is no order
    # u8 never opened a recommendation: its order does not count in the funnel
    _order(user=u[8], created_at=at(3, 5), lines=[(s1, 1)], paid=(30000, at(3, 5)), staff=staff)

    # the market in the period (and one earlier order of b2)
    _order(user=b2, created_at=at(1, 10), lines=[(s1, 1)], status="completed")
    _order(
        user=b1, created_at=at(3, 3), lines=[(s2, 1)], status="completed", paid=(10000, at(3, 3)), staff=staff
    )
    _order(user=b1, created_at=at(3, 11), lines=[(s1, 2), (s2, 1)], paid=(70000, at(3, 11)), staff=staff)
    _order(user=b2, created_at=at(3, 12), lines=[(s1, 1), (s2, 1)], paid=(40000, at(3, 13)), staff=staff)
    _order(user=staff, created_at=at(3, 13), lines=[(s2, 1)], paid=(10000, at(3, 13)), staff=staff)
    _order(user=b3, created_at=at(3, 18), lines=[(s1, 1)], status="cancelled")
    _order(
        user=b3,
        created_at=at(3, 25),
        lines=[(s2, 1)],
        status="refunded",
        paid=(10000, at(3, 25)),
        refund=(10000, at(3, 27)),
        staff=staff,
    )
    # came back: u0–u4 applied to a 건강반 in another week than their test
    for user in u[:4]:
        _membership(user=user, group=closed, created_at=at(3, 12))
    _membership(user=u[4], group=closed, created_at=at(3, 19))

    # the fair of 15 March and what its visitors did within 30 days of its end (16:00)
    fair = FairFactory(
        starts_at=at(3, 15, 10),
        ends_at=at(3, 15, 16),
        registration_opens=at(2, 1),
        registration_closes=at(3, 14),
        booth_call_opens=at(1, 1),
        booth_call_closes=at(2, 1),
        status="closed",
    )
    booth = BoothFactory(fair=fair, provider=seo)
    end = fair.ends_at
    f = [UserFactory(email=f"f{n}@example.kr") for n in range(9)]
    came = {"checked_in_at": at(3, 15, 11)}
    registrations = {n: RegistrationFactory(fair=fair, user=f[n], **came) for n in (0, 1, 2, 3, 4, 5, 7, 8)}
    RegistrationFactory(fair=fair, user=f[6])  # never came
    guest = RegistrationFactory(fair=fair, **came)  # no account
    RegistrationFactory(fair=fair, status="waitlisted", confirmed_at=None, waitlisted_at=at(3, 14))
    RegistrationFactory(fair=fair, status="cancelled", cancelled_at=at(3, 14))
    for n in (0, 1, 2, 3, 4, 7, 8):
        Stamp.objects.create(registration=registrations[n], booth=booth)
    Stamp.objects.create(registration=guest, booth=booth)
    _order(user=f[0], created_at=end + 21 * day, lines=[(s1, 1)])
    _order(user=f[1], created_at=end + 16 * day, lines=[(s1, 1)])
    _order(user=f[2], created_at=end + 29 * day, lines=[(s1, 1)])  # day 29: counts
    _membership(user=f[3], group=g2, created_at=end + 22 * day, status="left")
    _membership(user=f[4], group=g2, created_at=end + 29 * day, status="left")  # day 29: counts
    _order(user=f[5], created_at=end + 16 * day, lines=[(s1, 1)])  # no stamp
    _order(user=f[7], created_at=end + 31 * day, lines=[(s1, 1)])  # day 31: too late
    _order(user=f[8], created_at=end + 17 * day, lines=[(s1, 1)], status="cancelled")
    _membership(user=f[8], group=g2, created_at=end + 18 * day, status="rejected")
    return {"need_ex": need_ex, "need_mood": need_mood, "s1": s1, "s2": s2, "g1": g1, "staff": staff}


def _values(series):
    return [cell.value for cell in series.cells]


# --- the figures -----------------------------------------------------------------------------------------


def test_supply(market):
    board = build_dashboard(PERIOD)
    s = board.supply
    assert s.providers.value == 2
    kinds = {label: cell.value for label, cell in s.by_kind}
    assert kinds["협동조합"] == 1 and kinds["마을기업"] == 1 and kinds["자활기업"] == 0
    districts = {label: cell.value for label, cell in s.by_district}
    assert districts == {"동구": 1, "중구": 0, "서구": 1, "유성구": 0, "대덕구": 0}
    rows = {row.key: row for row in s.by_domain}
    assert rows["physical"].services.value == 1 and rows["mental"].services.value == 1
    assert rows["physical"].groups.value == 1 and rows["mental"].groups.value == 1
    assert rows["social"].groups.value == 0  # closed
    assert rows["physical"].slot_seats.value == 7
    assert rows["physical"].group_seats.value == 8  # 10 − 2 active; pending and waiting hold no seat
    assert rows["mental"].group_seats.value == 0
    assert s.totals.seats.value == 15
    assert _values(s.applications) == [2, 1, 1, 0] and s.applications.total.value == 4
    assert s.approved.value == 3 and s.median_days == "5.0일"


def test_demand(market):
    d = build_dashboard(PERIOD).demand
    assert _values(d.residents) == [2, 1, 0, 1] and d.residents.total.value == 4
    assert _values(d.quick) == [9, None, None, None]  # 0 is fewer than 5 too
    assert _values(d.detailed) == [None, None, None, None]  # 2 in W2: "5 미만"
    # 11 tests, 2 of them detailed ("5 미만"): the 9 quick ones are covered, or 11 − 9 would give the 2 back
    assert d.tests.total.value == 11 and d.detailed.total.hidden and not d.detailed.total.covered
    assert d.quick.total.covered and str(d.quick.total) == "가림"
    # b1 (W1, W2), b3 (W3, W4), u0–u4 (test W1, 건강반 W2/W3); u8 and u7 only in W1, b2 only in W2
    assert d.returning.value == 7
    assert d.active.value == 12


def test_market(market):
    m = build_dashboard(PERIOD).market
    assert _values(m.orders) == [3, 3, 1, 1] and m.orders.total.value == 8
    assert _values(m.cancelled) == [1, 0, 1, 0] and m.cancelled_share == "25%"
    assert m.paid == [40000, 120000, 0, 10000] and m.paid_total == 170000
    assert m.refunded_total == 10000
    assert m.repeat.value == 1  # b1; b3's second order was cancelled, staff are not residents
    # first orders ever in the period: b1 (with the experience product), u8, u7 (cancelled), b3
    assert m.first_orders.value == 4 and m.first_experience.value == 1
    assert m.first_experience_share == "25%"
    domain = {row.label: row for row in m.by_domain}
    physical, mental = domain["신체건강"], domain["마음건강"]
    assert (physical.orders.value, physical.cancelled.value, physical.amount) == (5, 2, 120000)
    assert (physical.buyers.value, physical.repeat.value) == (5, 0)
    assert (mental.orders.value, mental.cancelled.value, mental.amount) == (5, 0, 40000)
    assert (mental.buyers.value, mental.repeat.value) == (3, 1)
    assert domain["교육"].orders.value == 0
    district = {row.label: row for row in m.by_district}
    assert (district["서구"].orders.value, district["서구"].amount) == (5, 120000)
    assert (district["동구"].orders.value, district["동구"].repeat.value) == (5, 1)


def test_the_health_test_funnel_and_its_30_days(market):
    steps = build_dashboard(PERIOD).test_funnel
    assert [step.cell.value for step in steps] == [11, 9, 6, 5]
    assert [step.of_first for step in steps] == ["100%", "82%", "55%", "45%"]
    assert [step.of_previous for step in steps] == ["—", "82%", "67%", "83%"]


def test_the_fair_funnel_and_its_30_days(market):
    steps = build_dashboard(PERIOD).fair_funnel
    # registered (not cancelled) 11 → came 9 → stamped 8 → ordered or joined within 30 days 5
    assert [step.cell.value for step in steps] == [11, 9, 8, 5]


def test_the_day_29_and_day_31_edges(market):
    """One day either side of the window moves a count by one (the steps stay at 5 or more)."""
    s1 = market["s1"]
    test_time = at(3, 4)
    late = Order.objects.get(user__email="u5@example.kr")
    Order.objects.filter(pk=late.pk).update(created_at=test_time + dt.timedelta(days=29, hours=23))
    assert [s.cell.value for s in build_dashboard(PERIOD).test_funnel] == [11, 9, 7, 6]
    Order.objects.filter(pk=late.pk).update(created_at=test_time + dt.timedelta(days=30, minutes=1))
    assert [s.cell.value for s in build_dashboard(PERIOD).test_funnel] == [11, 9, 6, 5]
    _order(user=UserFactory(email="f7@example.kr"), created_at=at(4, 13, 15), lines=[(s1, 1)])  # day 29
    assert [s.cell.value for s in build_dashboard(PERIOD).fair_funnel] == [11, 9, 8, 6]


def test_unmet_needs_from_recommendation_stats(client, market, staff):
    need_ex, need_mood = market["need_ex"], market["need_mood"]
    need_sleep = NeedFactory(slug="mk-sleep", name="수면")
    for day, need, district, shown in (
        (dt.date(2025, 3, 4), need_ex, "seo", 7),
        (dt.date(2025, 3, 20), need_ex, "seo", 5),
        (dt.date(2025, 3, 5), need_mood, "dong", 3),
        (dt.date(2025, 3, 6), need_sleep, "jung", 9),
        (dt.date(2025, 4, 6), need_sleep, "dong", 90),  # after the period
    ):
        RecommendationStat.objects.create(
            day=day, kind="service", object_id=1, need=need, district=district, shown=shown
        )
    RecommendationStat.objects.create(day=dt.date(2025, 3, 6), kind="service", object_id=2, shown=50)
    board = build_dashboard(PERIOD)
    assert board.unmet_source == "stats"
    rows = [(r.need, r.district, r.demand.value, r.services, r.groups) for r in board.unmet]
    assert rows == [
        ("수면", "중구", 9, 0, 0),  # 9 per (0 + 1)
        ("운동 부족", "서구", 12, 1, 1),  # 12 per 3
        ("우울감", "동구", None, 1, 0),  # 3 shown: "5 미만"; the full 건강반 is no offer
    ]
    assert board.unmet[2].per_offer == "—"
    client.force_login(staff)
    html = client.get(reverse("market"), {"start": "2025-03-03", "end": "2025-03-30"}).content.decode()
    unmet = html[html.index('id="unmet-title"') : html.index('id="definitions-title"')]
    assert unmet.index("수면") < unmet.index("운동 부족") < unmet.index("우울감")
    assert "<td>12</td>" in unmet and "<td>3</td>" not in unmet and "5 미만" in unmet


def test_unmet_needs_derived_from_results_when_no_stats(market):
    need_mood = market["need_mood"]
    NeedRule.objects.update(is_active=False)
    NeedRule.objects.create(scale="who5", band="low", need=need_mood, explanation="기분이 가라앉아요")
    period = Period(dt.date(2025, 6, 2), dt.date(2025, 6, 29))
    low = {"who5": {"band": "low", "score": 20, "raw": 5}}
    for _ in range(6):  # chose 동구 (answer 1)
        _test(created_at=at(6, 3), results=low, answers={"pref-district": 1})
    for n in range(2):  # no choice: the account's district
        _test(created_at=at(6, 4), user=UserFactory(email=f"seo{n}@example.kr", district="seo"), results=low)
    _test(created_at=at(6, 5), results=low)  # no district at all: not counted
    _test(created_at=at(6, 5), results={"who5": {"band": "good"}}, answers={"pref-district": 4})
    board = build_dashboard(period)
    assert board.unmet_source == "results"
    rows = [(r.need, r.district, r.demand.value, r.services, r.groups) for r in board.unmet]
    assert rows == [("우울감", "동구", 6, 1, 0), ("우울감", "서구", None, 0, 0)]


# --- privacy ---------------------------------------------------------------------------------------------


def test_small_health_figures_read_5_miman(client, market, staff):
    """A week with 2 tests and a funnel of fewer than 5 show "5 미만", never the number."""
    client.force_login(staff)
    response = client.get(reverse("market"), {"start": "2025-03-10", "end": "2025-03-16"})
    assert response.status_code == 200
    board = response.context["board"]
    assert board.demand.tests.total.hidden  # 2 detailed tests
    assert all(step.cell.hidden for step in board.test_funnel)
    assert all(step.of_first == "—" for step in board.test_funnel)
    html = response.content.decode()
    funnel = html[html.index('id="funnels-title"') : html.index('id="unmet-title"')]
    assert "5 미만" in funnel
    assert not re.search(r"<td>[1-4]</td>", funnel)  # no small number in the funnel tables
    tests = html[html.index('id="chart-tests-title"') : html.index('id="market-title"')]
    assert "5 미만" in tests and not re.search(r"<td>[0-4]</td>", tests)
    # the hidden weeks get no bar or point in the drawing, only the note
    assert board.charts["tests"].marks and len(board.charts["tests"].lines) == 0


def test_a_total_never_gives_back_a_hidden_cell():
    cells = [guarded(9), guarded(2), guarded(7), guarded(12)]
    protected = protect(cells, guarded(30))
    assert [str(cell) for cell in protected] == ["9", "5 미만", "가림", "12"]  # the smallest other one
    two_hidden = [guarded(9), guarded(2), guarded(3)]
    assert protect(two_hidden, guarded(14)) == two_hidden  # 14 − 9 gives only 2 + 3 together
    assert protect(cells, guarded(3)) == cells  # a hidden total gives nothing back


# --- the page --------------------------------------------------------------------------------------------


def test_the_page(client, market, staff):
    client.force_login(staff)
    response = client.get(reverse("market"), {"start": "2025-03-03", "end": "2025-03-30"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "170,000원" in html and "5.0일" in html
    # every chart: an image with its title and description, and its numbers as a table
    assert html.count('role="img"') == len(response.context["board"].charts)
    for chart_id in ("chart-orders", "chart-tests", "chart-test-funnel"):
        assert f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in html
        assert f'<title id="{chart_id}-title">' in html and f'<desc id="{chart_id}-desc">' in html
    assert '<th scope="col">' in html and '<th scope="row">' in html and "<caption" in html
    # the CSP allows no inline style
    assert " style=" not in html and "<script" not in html.split("</header>")[1]


def test_the_default_period_is_the_last_12_weeks(client, staff):
    client.force_login(staff)
    response = client.get(reverse("market"))
    assert response.status_code == 200
    board = response.context["board"]
    today = timezone.localdate()
    assert board.period.end == today and len(board.weeks) == 12
    assert board.period.start.weekday() == 0 and board.weeks[-1] <= today


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2025-03-30", "end": "2025-03-03"}, "끝나는 날이 시작하는 날보다 앞서요"),
        ({"start": "2023-01-01", "end": "2025-01-01"}, "2년까지"),
        ({"start": "2025-13-01"}, "날짜를 다시 골라"),
        ({"start": "3월 1일"}, "연-월-일"),
        ({"start": "9999-06-01", "end": "9999-12-31"}, "2100년"),
        ({"start": "2025-3-1"}, "연-월-일"),
        ({"end": "2" * 10_000}, "연-월-일"),
        ({"start": "2025-02-29"}, "없는 날짜"),
    ],
)
def test_a_bad_period_is_a_clear_400(client, market, staff, params, message):
    client.force_login(staff)
    response = client.get(reverse("market"), params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'role="alert"' in html
    assert "board" not in response.context and 'id="supply-title"' not in html and "170,000" not in html


def test_two_years_is_the_longest_period():
    today = dt.date(2026, 12, 2)
    assert parse_period({"start": "2024-01-01", "end": "2025-12-31"}, today=today).days == 731
    with pytest.raises(PeriodError):
        parse_period({"start": "2024-01-01", "end": "2026-01-01"}, today=today)
    assert parse_period({"end": "2025-03-30"}, today=today).start == dt.date(2025, 1, 6)


def test_who_may_see_the_dashboard(client, market):
    url = reverse("market")
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response.url
    client.force_login(UserFactory(email="resident@example.kr"))
    assert client.get(url).status_code == 403
    member = ProviderMemberFactory(provider=market["s1"].provider).user  # an enterprise's staff
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(email="nobody-staff@example.kr", is_staff=True))
    assert client.get(url).status_code == 403
    moderator = UserFactory(email="moderator@example.kr", is_staff=True)
    moderator.user_permissions.add(Permission.objects.get(codename="moderate_catalog"))
    client.force_login(moderator)
    assert client.get(url).status_code == 200


def test_the_dashboard_costs_the_same_queries_whatever_the_data(client, market, staff):
    """The dearest path: a moderator (their permissions are read), no recommendation statistics (needs
    derived from the results), the supply snapshot not cached."""
    moderator = UserFactory(email="moderator@example.kr", is_staff=True)
    moderator.user_permissions.add(Permission.objects.get(codename="moderate_catalog"))
    client.force_login(moderator)
    params = {"start": "2025-03-03", "end": "2025-03-30"}
    cache.clear()
    with CaptureQueriesContext(connection) as before:
        assert client.get(reverse("market"), params).status_code == 200
    with CaptureQueriesContext(connection) as warm:  # the supply snapshot is shared for a minute
        assert client.get(reverse("market"), params).status_code == 200
    s1, s2 = market["s1"], market["s2"]
    for n in range(15):  # more of everything
        user = UserFactory(email=f"more{n}@example.kr", date_joined=at(3, 5))
        _test(created_at=at(3, 6), user=user, results={"who5": {"band": "low"}}, answers={"pref-district": 2})
        _order(
            user=user,
            created_at=at(3, 6 + n % 20),
            lines=[(s1, 1), (s2, 1)],
            paid=(1, at(3, 7)),
            staff=staff,
        )
        _cart_line(user=user, service=s2, added_at=at(3, 8))
        _membership(user=user, group=market["g1"], created_at=at(3, 20), status="active")
        ServiceFactory(provider=s1.provider).needs.add(market["need_ex"])
        SlotFactory(service=s1, starts_at=timezone.now() + dt.timedelta(days=2, hours=n))
        RegistrationFactory(fair=Registration.objects.first().fair, user=user, checked_in_at=at(3, 15, 12))
    cache.clear()
    with CaptureQueriesContext(connection) as after:
        assert client.get(reverse("market"), params).status_code == 200
    assert len(after) == len(before) <= QUERY_BUDGET, [q["sql"][:120] for q in after.captured_queries]
    assert len(warm) == len(before) - 7
