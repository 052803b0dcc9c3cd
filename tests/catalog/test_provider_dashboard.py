"""The enterprise's 12-week dashboard in the admin: its own figures against a known fixture, never another
enterprise's (another's id is a 404 for a member), small recommendation counts hidden, a fixed number of
queries whatever the number of rows."""

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.dashboard import SEOUL, provider_dashboard
from events.models import Stamp
from groups.models import Membership
from healthcheck.models import RecommendationStat
from orders.models import Order, OrderLine, Review
from tests.factories import (
    BoothFactory,
    HealthGroupFactory,
    ProgramFactory,
    ProviderFactory,
    ProviderMemberFactory,
    RegistrationFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate(timezone=SEOUL)


def order(lines, *, status="paid", created_at=None):
    """An order of ``lines`` [(service, quantity, line status)]; returns its lines."""
    buyer = UserFactory()
    placed = Order.objects.create(
        number=f"M-{uuid.uuid4().hex[:10]}",
        user=buyer,
        name="주문자",
        phone="010-1111-2222",
        email=buyer.email,
        status=status,
        payment_method="bank_transfer",
        total=sum(service.price * quantity for service, quantity, _ in lines),
        idempotency_key=uuid.uuid4(),
    )
    made = [
        OrderLine.objects.create(
            order=placed,
            service=service,
            provider=service.provider,
            title=service.title,
            unit_price=service.price,
            quantity=quantity,
            status=line_status,
        )
        for service, quantity, line_status in lines
    ]
    if created_at:
        Order.objects.filter(pk=placed.pk).update(created_at=created_at)
    return made


def stat(kind, obj, *, shown, opened=0, days_ago=0, district="seo"):
    RecommendationStat.objects.create(
        day=today() - dt.timedelta(days=days_ago),
        kind=kind,
        object_id=obj.pk,
        district=district,
        shown=shown,
        opened=opened,
    )


def enterprise(name, price):
    provider = ProviderFactory(name=name)
    service = ServiceFactory(provider=provider, title=f"{name} 상담", price=price)
    group = HealthGroupFactory(provider=provider, title=f"{name} 걷기반")
    booth = BoothFactory(provider=provider)
    program = ProgramFactory(booth=booth, title=f"{name} 체험")
    return {"provider": provider, "service": service, "group": group, "booth": booth, "program": program}


@pytest.fixture
def market():
    a, b = enterprise("한밭나눔", 10000), enterprise("대덕돌봄", 7000)
    now = timezone.now()
    # Recommendations: this week, three weeks back, and one from before the 12 weeks.
    stat("service", a["service"], shown=7, opened=5)
    stat("service", a["service"], shown=3, opened=1, district="dong")
    stat("group", a["group"], shown=2, opened=1)
    stat("program", a["program"], shown=6)
    stat("service", a["service"], shown=4, days_ago=21)
    stat("service", a["service"], shown=100, opened=100, days_ago=7 * 13)
    stat("service", b["service"], shown=50, opened=40)
    # Same object ids of another kind must not leak into A's figures.
    RecommendationStat.objects.create(day=today(), kind="group", object_id=a["service"].pk + 10_000, shown=9)
    # Orders this week: 3 with A's lines, 30,000원 paid for A (a pending one and a cancelled line don't pay).
    paid = order([(a["service"], 2, "booked")])
    order([(a["service"], 1, "booked")], status="pending_payment")
    mixed = order(
        [(a["service"], 1, "fulfilled"), (b["service"], 1, "booked"), (a["service"], 4, "cancelled")]
    )
    order([(a["service"], 9, "booked")], created_at=now - dt.timedelta(weeks=20))  # too old
    b_paid = order([(b["service"], 3, "booked")])
    # Reviews: A 5 and 4 (and a hidden 1), B 1.
    Review.objects.create(order_line=paid[0], service=a["service"], rating=5)
    Review.objects.create(order_line=mixed[0], service=a["service"], rating=4)
    Review.objects.create(order_line=mixed[2], service=a["service"], rating=1, is_hidden=True)
    Review.objects.create(order_line=b_paid[0], service=b["service"], rating=1)
    # 건강반 members now.
    for status in ["active", "active", "waitlisted", "pending", "left"]:
        Membership.objects.create(
            group=a["group"],
            user=UserFactory(),
            status=status,
            waitlisted_at=now if status == "waitlisted" else None,
        )
    for _ in range(5):
        Membership.objects.create(group=b["group"], user=UserFactory(), status="active")
    # Stamps: 3 at A's booth, 4 at B's.
    for n in range(3):
        Stamp.objects.create(registration=RegistrationFactory(fair=a["booth"].fair), booth=a["booth"])
    for n in range(4):
        Stamp.objects.create(registration=RegistrationFactory(fair=b["booth"].fair), booth=b["booth"])
    member = ProviderMemberFactory(provider=a["provider"]).user
    return {"a": a, "b": b, "member": member}


def test_the_figures_are_the_providers_own(market):
    import healthcheck.stats  # noqa: F401  (registers the recommendations reader, as healthcheck's URLs do)

    a = market["a"]
    board = provider_dashboard(provider=a["provider"])
    assert len(board.weeks) == 12 and board.weeks[-1].start == today() - dt.timedelta(days=today().weekday())
    week = board.weeks[-1]
    assert (week.shown, week.opened) == (7 + 3 + 2 + 6, 5 + 1 + 1)
    assert (week.orders, week.paid) == (3, 20000 + 10000)
    assert (week.reviews, week.rating, week.stamps) == (2, 4.5, 3)
    assert board.weeks[-4].shown == 4 and sum(w.shown for w in board.weeks[:-4]) == 0
    total = board.total
    assert (total.shown, total.opened, total.orders, total.paid, total.reviews, total.stamps) == (
        22,
        7,
        3,
        30000,
        2,
        3,
    )
    assert [(i["title"], i["shown"], i["opened"]) for i in board.items] == [
        ("한밭나눔 상담", 14, 6),
        ("한밭나눔 체험", 6, 0),
        ("한밭나눔 걷기반", 2, 1),
    ]
    assert board.groups == [
        {"title": "한밭나눔 걷기반", "status": "recruiting", "active": 2, "waitlisted": 1, "pending": 1}
    ]


def test_a_member_sees_their_own_page_and_only_theirs(client, market):
    a, b = market["a"], market["b"]
    client.force_login(market["member"])
    response = client.get(f"/admin/catalog/provider/{a['provider'].pk}/dashboard/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "한밭나눔 상담" in html and "30,000원" in html and "4.5점" in html
    assert "<td>14</td>" in html and "<td>5 미만</td>" in html  # the group's 2 shows are hidden
    assert "대덕돌봄" not in html and "28,000원" not in html
    for path in (
        f"/admin/catalog/provider/{b['provider'].pk}/dashboard/",
        "/admin/catalog/provider/987654/dashboard/",
    ):
        assert client.get(path).status_code == 404


def test_the_change_page_links_to_it(client, market):
    a = market["a"]
    client.force_login(market["member"])
    html = client.get(f"/admin/catalog/provider/{a['provider'].pk}/change/").content.decode()
    assert f'href="/admin/catalog/provider/{a["provider"].pk}/dashboard/"' in html


def test_staff_see_any_and_strangers_none(client, market):
    b = market["b"]
    path = f"/admin/catalog/provider/{b['provider'].pk}/dashboard/"
    assert client.get(path).status_code == 302  # to the admin login
    client.force_login(UserFactory(is_staff=True))  # staff without an enterprise or permissions
    assert client.get(path).status_code == 404
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(path)
    assert response.status_code == 200 and "대덕돌봄 상담" in response.content.decode()
    assert "28,000원" in response.content.decode()


def test_a_fixed_number_of_queries(client, market, django_assert_max_num_queries):
    a = market["a"]
    client.force_login(market["member"])
    path = f"/admin/catalog/provider/{a['provider'].pk}/dashboard/"
    with django_assert_max_num_queries(16):
        client.get(path)
    with CaptureQueriesContext(connection) as before:
        client.get(path)
    # Many more rows of every kind.
    for n in range(8):
        service = ServiceFactory(provider=a["provider"], price=1000)
        group = HealthGroupFactory(provider=a["provider"])
        stat("service", service, shown=5, days_ago=n * 7)
        stat("group", group, shown=5, days_ago=n * 7)
        lines = order([(service, 1, "booked")], created_at=timezone.now() - dt.timedelta(weeks=n))
        Review.objects.create(order_line=lines[0], service=service, rating=3)
        Membership.objects.create(group=group, user=UserFactory(), status="active")
        Stamp.objects.create(registration=RegistrationFactory(fair=a["booth"].fair), booth=a["booth"])
    with CaptureQueriesContext(connection) as after:
        response = client.get(path)
    assert response.status_code == 200
    assert len(after) == len(before)
