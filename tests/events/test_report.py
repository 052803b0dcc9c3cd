"""The fair report (``web.fair_report``): a fair held ten days ago whose every figure is known — who
registered, came, was stamped where, and what they did on 마주봄 in the 30 days after (an order inside the
window and one outside it, a cancelled one, a 건강반 joined inside and one outside) — and who may see it."""

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import ProgramBooking, Stamp
from groups.models import Membership
from orders.models import Order, OrderLine
from tests.factories import (
    BoothFactory,
    FairFactory,
    HealthGroupFactory,
    ProgramFactory,
    ProviderFactory,
    ProviderMemberFactory,
    RegistrationFactory,
    ServiceFactory,
    UserFactory,
)
from web.fair_report import build_report

pytestmark = pytest.mark.django_db


def _order(*, user, provider, phone, created_at, status="paid"):
    order = Order.objects.create(
        number=f"M-{uuid.uuid4().hex[:10]}",
        user=user,
        name=user.name or "주문자",
        phone=phone,
        email=user.email,
        status=status,
        payment_method="bank_transfer",
        total=30000,
        idempotency_key=uuid.uuid4(),
    )
    service = ServiceFactory(provider=provider)
    OrderLine.objects.create(
        order=order, service=service, provider=provider, title=service.title, unit_price=30000, quantity=1
    )
    Order.objects.filter(pk=order.pk).update(created_at=created_at)
    return order


def _membership(*, user, provider, created_at):
    membership = Membership.objects.create(
        group=HealthGroupFactory(provider=provider), user=user, status="active", joined_at=created_at
    )
    Membership.objects.filter(pk=membership.pk).update(created_at=created_at)


@pytest.fixture
def held_fair():
    now = timezone.now()
    starts = now - dt.timedelta(days=10)
    fair = FairFactory(
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=6),
        registration_opens=starts - dt.timedelta(days=20),
        registration_closes=starts - dt.timedelta(hours=12),
        booth_call_opens=starts - dt.timedelta(days=40),
        booth_call_closes=starts - dt.timedelta(days=21),
        stamp_goal=2,
        status="closed",
    )
    end = fair.ends_at
    a, b, c = (ProviderFactory(name=name) for name in ("가람 협동조합", "누리 돌봄", "다솜 마을"))
    booth_a = BoothFactory(fair=fair, provider=a, number=1)
    booth_b = BoothFactory(fair=fair, provider=b, number=2)
    booth_c = BoothFactory(fair=fair, provider=c, number=3)
    BoothFactory(fair=fair, provider=ProviderFactory(name="철회한 곳"), status="withdrawn", number=None)
    came = {"checked_in_at": starts + dt.timedelta(hours=1)}

    resident1 = UserFactory(email="one@example.kr", date_joined=starts - dt.timedelta(days=100))
    r1 = RegistrationFactory(fair=fair, party_size=2, user=resident1, **came)
    r2 = RegistrationFactory(fair=fair, party_size=1, email="New@Example.kr", **came)
    newcomer = UserFactory(email="new@example.kr", date_joined=end + dt.timedelta(days=5))
    r3 = RegistrationFactory(fair=fair, party_size=3, phone="010-3333-4444", **came)
    RegistrationFactory(fair=fair, party_size=4)  # confirmed, never came
    RegistrationFactory(
        fair=fair,
        party_size=2,
        status="waitlisted",
        confirmed_at=None,
        waitlisted_at=starts - dt.timedelta(days=2),
    )
    RegistrationFactory(
        fair=fair, party_size=1, status="cancelled", cancelled_at=starts - dt.timedelta(days=1)
    )
    resident7 = UserFactory(email="seven@example.kr", date_joined=starts - dt.timedelta(days=300))
    RegistrationFactory(fair=fair, party_size=1, user=resident7, source="door", **came)

    for registration, booths in (
        (r1, [booth_a, booth_b]),
        (r2, [booth_b]),
        (r3, [booth_a, booth_b, booth_c]),
    ):
        for booth in booths:
            Stamp.objects.create(registration=registration, booth=booth)

    program_a = ProgramFactory(booth=booth_a, capacity=8, title="체성분 측정")
    program_b = ProgramFactory(booth=booth_b, capacity=4, title="마음 건강 검사")
    ProgramBooking.objects.create(program=program_a, registration=r1, seats=2)
    ProgramBooking.objects.create(program=program_a, registration=r3, seats=3)
    ProgramBooking.objects.create(program=program_b, registration=r3, seats=3)
    ProgramBooking.objects.create(program=program_b, registration=r2, seats=1)
    ProgramBooking.objects.create(program=program_b, registration=r1, seats=1, status="cancelled")

    # after the fair
    _order(user=resident1, provider=a, phone="010-1234-0001", created_at=end + dt.timedelta(days=10))  # in
    someone = UserFactory(email="someone@example.kr")
    _order(
        user=someone, provider=b, phone="010-3333-4444", created_at=end + dt.timedelta(days=40)
    )  # too late
    _order(user=someone, provider=b, phone="01033334444", created_at=starts - dt.timedelta(days=2))  # before
    _order(
        user=resident7,
        provider=c,
        phone="010-7777-0007",
        created_at=end + dt.timedelta(days=3),
        status="cancelled",
    )
    _membership(user=newcomer, provider=b, created_at=end + dt.timedelta(days=3))  # in
    _membership(user=resident1, provider=a, created_at=end + dt.timedelta(days=40))  # too late

    host_b = ProviderMemberFactory(provider=b, user=UserFactory(is_staff=True)).user
    return {
        "fair": fair,
        "booth_a": booth_a,
        "booth_b": booth_b,
        "booth_c": booth_c,
        "host_b": host_b,
        "b": b,
    }


def test_the_fairs_figures(held_fair):
    report = build_report(held_fair["fair"])
    assert report.ended
    assert report.totals == {
        "confirmed": 5,
        "confirmed_people": 11,
        "waiting": 1,
        "waiting_people": 2,
        "cancelled": 1,
        "checked_in": 4,
        "checked_in_people": 7,
        "walk_ins": 1,
        "no_shows": 1,
        "no_show_people": 4,
    }
    assert report.party_sizes == [(1, 2), (2, 1), (3, 1), (4, 1)]
    assert [(row.program.title, row.taken, row.capacity, row.share) for row in report.programs] == [
        ("체성분 측정", 5, 8, "62%"),
        ("마음 건강 검사", 4, 4, "100%"),
    ]
    assert report.stamp_goal == 2 and report.complete_tours == 2
    conversion = report.conversion
    assert (conversion.visitors, conversion.accounts, conversion.ordered, conversion.joined) == (4, 3, 1, 1)
    by_booth = {
        row.booth.pk: (
            row.stamps,
            row.conversion.visitors,
            row.conversion.accounts,
            row.conversion.ordered,
            row.conversion.joined,
        )
        for row in report.booths
    }
    assert by_booth == {
        held_fair["booth_a"].pk: (2, 2, 1, 1, 0),  # r1 ordered from 가람; r1's late 건강반 does not count
        held_fair["booth_b"].pk: (3, 3, 2, 0, 1),  # r2's new account joined 누리's 건강반
        held_fair["booth_c"].pk: (1, 1, 0, 0, 0),
    }


def test_an_enterprise_sees_only_its_own_booth(held_fair):
    report = build_report(held_fair["fair"], provider_ids=frozenset({held_fair["b"].pk}))
    assert report.totals is None and report.conversion is None
    assert [row.booth.pk for row in report.booths] == [held_fair["booth_b"].pk]
    assert [row.program.title for row in report.programs] == ["마음 건강 검사"]
    row = report.booths[0]
    assert (row.stamps, row.conversion.visitors, row.conversion.accounts, row.conversion.ordered) == (
        3,
        3,
        2,
        0,
    )
    assert row.conversion.joined == 1


def test_the_page_for_the_cooperative_and_for_a_booth(client, held_fair):
    fair = held_fair["fair"]
    url = f"/staff/fairs/{fair.slug}/report/"
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    html = client.get(url).content.decode()
    assert "결과 보고" in html and "5팀" in html and "11명" in html and "가람 협동조합" in html
    assert "철회한 곳" not in html
    client.force_login(held_fair["host_b"])
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "누리 돌봄" in html and "가람 협동조합" not in html and "다솜 마을" not in html
    assert "등록 확정" not in html and "행사 뒤 30일" not in html  # no fair totals for a booth


def test_who_may_not_see_the_report(client, held_fair):
    url = f"/staff/fairs/{held_fair['fair'].slug}/report/"
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response.url
    client.force_login(UserFactory())  # a resident
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(is_staff=True))  # staff of nothing
    assert client.get(url).status_code == 403
    elsewhere = ProviderMemberFactory(
        user=UserFactory(is_staff=True)
    ).user  # an enterprise with no booth here
    client.force_login(elsewhere)
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/staff/fairs/no-such-fair/report/").status_code == 404


def test_the_report_costs_the_same_queries_however_many_came(client, held_fair):
    fair = held_fair["fair"]
    url = f"/staff/fairs/{fair.slug}/report/"
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    for i in range(25):
        visitor = UserFactory(email=f"more{i}@example.kr")
        registration = RegistrationFactory(
            fair=fair, user=visitor, checked_in_at=fair.starts_at + dt.timedelta(hours=2)
        )
        Stamp.objects.create(registration=registration, booth=held_fair["booth_c"])
        _order(
            user=visitor,
            provider=held_fair["b"],
            phone="010-5555-0000",
            created_at=fair.ends_at + dt.timedelta(days=1),
        )
        BoothFactory(fair=fair, provider=ProviderFactory(), number=10 + i)
    with CaptureQueriesContext(connection) as after:
        assert client.get(url).status_code == 200
    assert len(after) == len(before) <= 16
