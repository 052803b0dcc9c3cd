"""The demo residents' past orders: the demo enterprises see them in the admin, the service pages show
their reviews, they follow the order rules, and seeding again adds nothing."""

import datetime as dt
import re
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from catalog.models import Service
from demo.loader import load
from demo.orders import demo_order_key
from majubom.models import User
from orders.models import Order, OrderLine, Payment, Review

SEOUL = ZoneInfo("Asia/Seoul")
NUMBER = re.compile(r"^MJB-(\d{8})-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}$")

pytestmark = pytest.mark.django_db


def demo_orders():
    return Order.objects.filter(idempotency_key__in=[demo_order_key(spec.key) for spec in load().orders])


@pytest.mark.parametrize(
    ("email", "provider"), [("owner1@majubom.kr", "hanbat-rehab"), ("owner2@majubom.kr", "yuseong-maeumsup")]
)
def test_a_demo_owner_sees_the_order_lines_of_their_enterprise_in_the_admin(
    demo_data, client, email, provider
):
    client.force_login(User.objects.get(email=email))
    response = client.get("/admin/orders/orderline/")
    assert response.status_code == 200
    html = response.content.decode()
    own = OrderLine.objects.filter(provider__slug=provider).select_related("order")
    others = OrderLine.objects.exclude(provider__slug=provider).select_related("order")
    assert own.count() >= 3
    assert f"{own.count()} 주문 항목" in html
    assert "0 주문 항목" not in html
    for line in own:
        assert line.order.number in html and line.order.name in html
    for line in others:
        assert line.order.number not in html
    # Completed, cancelled and refunded, as a real enterprise's list would show.
    assert {line.order.status for line in own} >= {Order.Status.COMPLETED}
    assert Order.Status.REFUNDED in {
        line.order.status for line in OrderLine.objects.filter(provider__slug="hanbat-rehab")
    }


def test_a_demo_owner_reads_the_reviews_of_their_services_in_the_admin(demo_data, client):
    client.force_login(User.objects.get(email="owner1@majubom.kr"))
    html = client.get("/admin/orders/review/").content.decode()
    reviews = Review.objects.filter(service__provider__slug="hanbat-rehab")
    assert reviews.count() >= 3
    assert f"{reviews.count()} 후기" in html


def test_published_demo_service_pages_show_the_residents_reviews(demo_data, client):
    reviewed = Service.objects.published().filter(reviews__isnull=False).distinct()
    assert reviewed.count() >= 10
    service = Service.objects.get(slug="hanbat-home-rehab")
    reviews = list(service.reviews.filter(is_hidden=False))
    assert len(reviews) >= 2
    html = client.get(service.get_absolute_url()).content.decode()
    assert "아직 후기가 없어요" not in html
    assert f"후기 {len(reviews)}개" in html
    for review in reviews:
        assert review.body in html
    for service in reviewed:
        html = client.get(service.get_absolute_url()).content.decode()
        assert "아직 후기가 없어요" not in html, service.slug


def test_the_history_follows_the_order_rules(demo_data):
    now = timezone.now()
    staff = User.objects.get(email="staff@majubom.kr")
    orders = list(demo_orders().prefetch_related("lines__slot", "payments", "lines__review"))
    assert len(orders) == len(load().orders)
    assert {order.status for order in orders} == {
        Order.Status.COMPLETED,
        Order.Status.CANCELLED,
        Order.Status.REFUNDED,
    }
    for order in orders:
        lines = list(order.lines.all())
        payments = sorted(order.payments.all(), key=lambda p: p.confirmed_at)
        assert not order.user.is_staff
        assert order.user.has_usable_password() == (order.user.email == "resident@majubom.kr")
        assert (order.name, order.phone, order.email) == (order.user.name, order.user.phone, order.user.email)
        match = NUMBER.match(order.number)
        assert match and match.group(1) == order.created_at.astimezone(SEOUL).strftime("%Y%m%d"), order.number
        assert order.created_at < now - dt.timedelta(days=9)
        assert order.total == sum(line.unit_price * line.quantity for line in lines) > 0
        for line in lines:
            assert line.provider_id == line.service.provider_id
            assert (line.title, line.unit_price) == (line.service.title, line.service.price)
            if line.slot:
                assert order.created_at < line.slot.starts_at < line.slot.ends_at < now, order.number
                assert line.slot.booked <= line.slot.capacity
            else:
                assert line.service.delivery == "shipped", order.number  # goods are not booked by time
        if order.payment_method == Order.PaymentMethod.ON_SITE:
            assert order.payment_due is None
            assert len({line.provider_id for line in lines}) == 1
        else:
            assert order.payment_due == order.created_at + dt.timedelta(hours=48)
        if order.status == Order.Status.COMPLETED:
            assert all(line.status == OrderLine.Status.FULFILLED for line in lines), order.number
            for line in lines:
                assert order.paid_at <= line.fulfilled_at < now
                if line.slot:
                    assert line.fulfilled_at == line.slot.ends_at
            assert [(p.kind, p.amount) for p in payments] == [(Payment.Kind.PAYMENT, order.total)]
        elif order.status == Order.Status.CANCELLED:
            assert payments == [] and order.paid_at is None
            assert order.created_at < order.cancelled_at < now and order.cancel_reason
            assert all(line.status == OrderLine.Status.CANCELLED for line in lines)
        else:
            assert order.refunded_amount == order.total and order.refund_reason
            assert [(p.kind, p.amount) for p in payments] == [
                (Payment.Kind.PAYMENT, order.total),
                (Payment.Kind.REFUND, order.total),
            ]
            assert all(line.status == OrderLine.Status.CANCELLED for line in lines)
        if order.paid_at:
            assert order.created_at < order.paid_at < now
            assert payments[0].confirmed_at == order.paid_at
        for payment in payments:
            assert payment.confirmed_by_id == staff.pk and payment.method == order.payment_method
            assert payment.confirmed_at < now
        for line in lines:
            review = getattr(line, "review", None)
            if review is not None:
                assert line.status == OrderLine.Status.FULFILLED
                assert review.service_id == line.service_id and 1 <= review.rating <= 5 and review.body
                assert line.fulfilled_at < review.created_at <= now


def test_the_seats_of_past_times_match_their_used_bookings(demo_data):
    lines = OrderLine.objects.filter(order__in=demo_orders(), slot__isnull=False).select_related("slot")
    assert lines.exists()
    for line in lines:
        used = OrderLine.objects.filter(slot=line.slot, status=OrderLine.Status.FULFILLED)
        assert line.slot.booked == sum(used.values_list("quantity", flat=True)), line.slot


def test_running_seed_demo_again_adds_nothing(demo_data):
    models = [
        model for model in apps.get_models() if model._meta.app_label in {"majubom", "catalog", "orders"}
    ]

    def counts():
        return {model.__name__: model.objects.count() for model in models}

    before = counts()
    assert before["Order"] == len(load().orders)
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert counts() == before
    assert "데모 주민의 이용 내역 0건, 후기 0" in out.getvalue()
    assert "데모 주민의 이용 내역 0건" not in demo_data.output


def test_a_missing_demo_order_is_added_back_alone(demo_data):
    gone = demo_orders().get(idempotency_key=demo_order_key("mikyung-rehab-trial"))
    gone.delete()
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "데모 주민의 이용 내역 1건, 후기 0" in out.getvalue()
    assert demo_orders().count() == len(load().orders)
