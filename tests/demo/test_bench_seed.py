"""The benchmark history of ``seed_demo --scale N``: residents, a year of past orders with payments and
reviews, and bench listings that show the demo pictures, all added once.

``seed_demo --scale 40`` runs once per session (on top of the session's demo data) and each test gets its
rows restored from a snapshot (tests/demo_snapshot.py)."""

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db.models import Count, Q
from django.utils import timezone

from catalog.models import Provider, Service, ServiceImage, Slot
from demo.catalog import seed_benchmark
from demo.loader import load
from demo.orders import seed_benchmark_orders
from majubom.models import User
from orders.models import Order, OrderLine, Payment, Review
from tests.demo_snapshot import forget_cached_rows, seed_into_snapshot
from tests.factories import UserFactory

SCALE = 40
SEOUL = ZoneInfo("Asia/Seoul")
NUMBER = re.compile(r"^MJB-(\d{8})-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}$")

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    """The demo pictures go to a throwaway media folder."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture(scope="session")
def bench_snapshot(django_db_blocker, demo_snapshot, demo_media):
    """``seed_demo --scale SCALE`` once per session, as a snapshot."""
    with django_db_blocker.unblock():
        snapshot = seed_into_snapshot(
            "bench", media=demo_media, command_options={"scale": SCALE}, start=demo_snapshot
        )
    yield snapshot
    with django_db_blocker.unblock():
        snapshot.drop()


@pytest.fixture
def seeded(bench_snapshot, demo_media, settings):
    """The database after ``seed_demo --scale SCALE``; returns what the command printed."""
    settings.MEDIA_ROOT = str(demo_media)
    bench_snapshot.restore()
    yield bench_snapshot.output
    forget_cached_rows()


def bench_orders():
    return Order.objects.filter(user__email__startswith="bench-user-")


def test_scale_adds_residents_who_cannot_log_in_and_a_year_of_orders(seeded, settings):
    residents = list(User.objects.filter(email__startswith="bench-user-"))
    assert len(residents) == SCALE // 5
    assert not any(user.has_usable_password() for user in residents)
    assert all(user.name and user.phone for user in residents)

    orders = list(bench_orders())
    assert len(orders) == 2 * SCALE
    assert Provider.objects.filter(slug__startswith="bench-").count() == SCALE // 20
    assert Service.objects.filter(slug__startswith="bench-", status="published").count() == SCALE

    now = timezone.now()
    assert settings.TIME_ZONE == "Asia/Seoul"
    for order in orders:
        # In the past, within the last year: not stamped "today" by auto_now_add.
        assert now - dt.timedelta(days=366) < order.created_at < now - dt.timedelta(hours=23), order.number
        match = NUMBER.match(order.number)
        assert match, order.number
        # The number carries the date the resident placed it, in Seoul.
        assert match.group(1) == order.created_at.astimezone(SEOUL).strftime("%Y%m%d"), order.number
        if order.payment_method == Order.PaymentMethod.ON_SITE:
            assert order.payment_due is None  # as checkout leaves it: paid when the service is used
            assert len({line.provider_id for line in order.lines.all()}) == 1  # on-site: one enterprise
        else:
            assert order.payment_due == order.created_at + dt.timedelta(hours=48)
        if order.paid_at:
            assert order.created_at < order.paid_at <= now
            for line in order.lines.all():
                assert line.fulfilled_at is None or line.fulfilled_at >= order.paid_at
    # The orders spread over the year, and some were placed after 15:00 UTC, where the Seoul date differs
    # from the UTC one (so the check above tells the two apart).
    assert len({order.created_at.astimezone(SEOUL).date() for order in orders}) > 30
    assert any(
        order.created_at.astimezone(SEOUL).date() != order.created_at.astimezone(dt.UTC).date()
        for order in orders
    )
    assert "지난 주문 80" in seeded


def test_order_lines_and_payments_agree_with_each_order_status(seeded):
    now = timezone.now()
    staff = User.objects.get(email="staff@majubom.kr")
    orders = bench_orders().prefetch_related("lines", "payments")
    statuses = {order.status for order in orders}
    assert {Order.Status.COMPLETED, Order.Status.CANCELLED} <= statuses
    assert statuses <= {Order.Status.COMPLETED, Order.Status.CANCELLED, Order.Status.REFUNDED}

    for order in orders:
        lines = list(order.lines.all())
        payments = list(order.payments.all())
        assert lines, order.number
        assert order.total == sum(line.unit_price * line.quantity for line in lines) > 0
        for line in lines:
            assert line.service.slug.startswith("bench-")
            assert line.provider_id == line.service.provider_id
        if order.status == Order.Status.COMPLETED:
            assert all(line.status == OrderLine.Status.FULFILLED for line in lines), order.number
            for line in lines:
                assert order.created_at < line.fulfilled_at <= now, order.number
            assert order.created_at < order.paid_at < now
            assert [(p.kind, p.amount) for p in payments] == [(Payment.Kind.PAYMENT, order.total)]
        elif order.status == Order.Status.CANCELLED:
            assert payments == [], order.number
            assert order.paid_at is None and order.created_at < order.cancelled_at
            assert all(line.status == OrderLine.Status.CANCELLED for line in lines)
        else:  # refunded: paid, then paid back in full
            assert order.refunded_amount == order.total
            assert sorted((p.kind, p.amount) for p in payments) == [
                (Payment.Kind.PAYMENT, order.total),
                (Payment.Kind.REFUND, order.total),
            ]
            assert all(line.status == OrderLine.Status.CANCELLED for line in lines)
        for payment in payments:
            # Confirmed when the order was paid, by the cooperative's staff account: not "today".
            assert payment.confirmed_at == order.paid_at, order.number
            assert payment.confirmed_by_id == staff.pk
            assert payment.method == order.payment_method

    completed = bench_orders().filter(status=Order.Status.COMPLETED)
    paid_in = Payment.objects.filter(order__in=completed, kind=Payment.Kind.PAYMENT)
    assert sum(paid_in.values_list("amount", flat=True)) == sum(completed.values_list("total", flat=True))


def test_reviews_follow_fulfilled_lines_and_show_on_the_service_page(seeded, client):
    now = timezone.now()
    reviews = list(
        Review.objects.filter(order_line__order__user__email__startswith="bench-user-").select_related(
            "order_line"
        )
    )
    assert reviews
    assert len({review.order_line_id for review in reviews}) == len(reviews)
    for review in reviews:
        line = review.order_line
        assert line.status == OrderLine.Status.FULFILLED
        assert review.service_id == line.service_id
        assert 1 <= review.rating <= 5
        # Written when the service was used, not when the seed ran.
        assert review.created_at == line.fulfilled_at <= now
    # Cancelled and refunded orders have no reviews.
    assert not Review.objects.exclude(order_line__status=OrderLine.Status.FULFILLED).exists()

    service = (
        Service.objects.filter(slug__startswith="bench-")
        .annotate(visible=Count("reviews", filter=Q(reviews__is_hidden=False)))
        .order_by("-visible", "pk")
        .first()
    )
    assert service.visible >= 2
    ratings = list(service.reviews.filter(is_hidden=False).values_list("rating", flat=True))
    average = (Decimal(sum(ratings)) / len(ratings)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    response = client.get(service.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert f"후기 {service.visible}개" in html
    assert f"<strong>{average}</strong> / 5" in html


def test_bench_services_show_the_demo_pictures(seeded):
    bench = list(Service.objects.filter(slug__startswith="bench-").prefetch_related("images"))
    assert len(bench) == SCALE
    demo_files = set(
        ServiceImage.objects.exclude(service__slug__startswith="bench-").values_list("card", "detail")
    )
    for service in bench:
        images = list(service.images.all())
        assert len(images) == 1, service.slug
        image = images[0]
        assert image.card.name and image.detail.name and image.image.name and image.alt_text
        # The stored files of a demo listing, not new uploads; and they exist, so the page shows them.
        assert (image.card.name, image.detail.name) in demo_files
        assert default_storage.exists(image.card.name) and default_storage.exists(image.detail.name)


def test_running_seed_demo_again_adds_nothing(seeded):
    models = [User, Provider, Service, Slot, ServiceImage, Order, OrderLine, Payment, Review]

    def counts():
        return {model.__name__: model.objects.count() for model in models}

    before = counts()
    assert before["Order"] == 2 * SCALE + len(load().orders)  # the bench's and the demo residents'
    out = StringIO()
    call_command("seed_demo", scale=SCALE, stdout=out)
    assert counts() == before
    assert "지난 주문 0" in out.getvalue()


def test_seed_benchmark_orders_tops_up_to_the_asked_numbers(media):
    staff = UserFactory(is_staff=True, is_superuser=True)
    # Without the demo catalogue there are no pictures to copy: the bench listings simply have none.
    assert seed_benchmark(services=12)["services"] == 12
    assert not ServiceImage.objects.exists()

    first = seed_benchmark_orders(residents=3, orders=10, staff=staff)
    assert (first["residents"], first["orders"]) == (3, 10)
    more = seed_benchmark_orders(residents=3, orders=15, staff=staff)
    assert (more["residents"], more["orders"]) == (0, 5)
    again = seed_benchmark_orders(residents=5, orders=15, staff=staff)
    assert (again["residents"], again["orders"]) == (2, 0)

    assert User.objects.filter(email__startswith="bench-user-").count() == 5
    assert bench_orders().count() == 15
    assert Review.objects.count() == sum(r["reviews"] for r in (first, more, again))
    assert len(set(bench_orders().values_list("number", flat=True))) == 15


def test_seed_benchmark_orders_places_orders_before_the_given_time(media):
    now = dt.datetime(2025, 3, 1, 8, 30, tzinfo=SEOUL)
    seed_benchmark(services=5)
    seed_benchmark_orders(residents=2, orders=20, staff=UserFactory(is_staff=True), now=now)
    for order in bench_orders():
        assert now - dt.timedelta(days=365) <= order.created_at <= now - dt.timedelta(days=1)
        assert order.number[4:12] == order.created_at.astimezone(SEOUL).strftime("%Y%m%d")
    assert not OrderLine.objects.filter(fulfilled_at__gt=now).exists()
    assert not Review.objects.filter(created_at__gt=now).exists()


def test_seed_benchmark_orders_without_bench_services_only_adds_residents(db):
    result = seed_benchmark_orders(residents=4, orders=10, staff=UserFactory(is_staff=True))
    assert (result["residents"], result["orders"], result["reviews"]) == (4, 0, 0)
    assert not Order.objects.exists()
