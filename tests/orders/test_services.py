import datetime as dt
import uuid

import pytest
from django.core import mail
from django.utils import timezone

from orders import services
from orders.models import Cart, Order, OrderLine, Payment
from tests.factories import ServiceFactory, SlotFactory, UserFactory

from .conftest import place

pytestmark = pytest.mark.django_db


def test_placing_an_order_takes_seats_copies_prices_and_empties_the_cart(shop):
    resident, yoga, slot = shop["resident"], shop["yoga"], shop["yoga_slot"]
    order = place(resident, [(yoga, slot, 2)])
    assert order.status == "pending_payment" and order.total == 20000
    assert order.number.startswith("MJB-") and len(order.number) == len("MJB-20261125-7K3Q")
    line = order.lines.get()
    assert (line.title, line.unit_price, line.quantity, line.provider) == (
        "어르신 요가 교실",
        10000,
        2,
        shop["seo"],
    )
    slot.refresh_from_db()
    assert slot.booked == 2
    assert not Cart.objects.get(user=resident).lines.exists()
    # The payment deadline is 48 hours, never after the booked time starts.
    assert order.payment_due == slot.starts_at or order.payment_due <= order.created_at + dt.timedelta(
        hours=48
    )
    assert order.payment_due <= slot.starts_at


def test_price_comes_from_the_database_at_checkout(shop):
    resident, yoga, slot = shop["resident"], shop["yoga"], shop["yoga_slot"]
    cart = Cart.objects.create(user=resident)
    services.cart_add(cart=cart, service=yoga, slot=slot, quantity=1)
    yoga.price = 12000
    yoga.save()
    order = services.order_place(
        user=resident,
        cart=cart,
        contact=services.Contact("김", "010-1111-2222", "a@b.kr"),
        payment_method="bank_transfer",
        idempotency_key=uuid.uuid4(),
    )
    assert order.total == 12000 and order.lines.get().unit_price == 12000


def test_same_idempotency_key_returns_the_same_order(shop):
    key = uuid.uuid4()
    first = place(shop["resident"], [(shop["yoga"], shop["yoga_slot"], 1)], key=key)
    second = place(shop["resident"], [(shop["yoga"], shop["yoga_slot"], 1)], key=key)
    assert first.pk == second.pk
    assert Order.objects.count() == 1
    shop["yoga_slot"].refresh_from_db()
    assert shop["yoga_slot"].booked == 1


def test_full_slot_is_refused_with_a_clear_message_and_nothing_changes(shop):
    slot = shop["yoga_slot"]
    place(UserFactory(), [(shop["yoga"], slot, 5)])
    with pytest.raises(services.SoldOut, match="마감"):
        place(shop["resident"], [(shop["yoga"], slot, 1)])
    slot.refresh_from_db()
    assert slot.booked == 5 and Order.objects.count() == 1


def test_capacity_is_rechecked_at_checkout(shop):
    """Seats taken by someone else between adding to the cart and checking out."""
    resident, slot = shop["resident"], shop["yoga_slot"]
    cart = Cart.objects.create(user=resident)
    services.cart_add(cart=cart, service=shop["yoga"], slot=slot, quantity=3)
    place(UserFactory(), [(shop["yoga"], slot, 3)])
    with pytest.raises(services.SoldOut):
        services.order_place(
            user=resident,
            cart=cart,
            contact=services.Contact("김", "010-1111-2222", "a@b.kr"),
            payment_method="bank_transfer",
            idempotency_key=uuid.uuid4(),
        )
    slot.refresh_from_db()
    assert slot.booked == 3 and cart.lines.count() == 1


def test_stock_is_taken_and_refused_when_gone(shop):
    lunch = shop["lunch"]
    place(UserFactory(), [(lunch, None, 3)])
    lunch.refresh_from_db()
    assert lunch.stock == 0
    with pytest.raises(services.SoldOut, match="마감"):
        place(shop["resident"], [(lunch, None, 1)])


@pytest.mark.parametrize("quantity", [0, -1, 21])
def test_bad_quantities_are_refused(shop, quantity):
    cart = Cart.objects.create(user=shop["resident"])
    with pytest.raises(services.CartError):
        services.cart_add(cart=cart, service=shop["yoga"], slot=shop["yoga_slot"], quantity=quantity)
    assert not cart.lines.exists()


def test_slot_of_another_service_past_slot_and_archived_service_are_refused(shop):
    cart = Cart.objects.create(user=shop["resident"])
    with pytest.raises(services.CartError, match="이 서비스의 시간이 아니에요"):
        services.cart_add(cart=cart, service=shop["yoga"], slot=shop["trial_slot"])
    past = SlotFactory(service=shop["yoga"], starts_at=timezone.now() - dt.timedelta(hours=2))
    with pytest.raises(services.CartError, match="지난 시간"):
        services.cart_add(cart=cart, service=shop["yoga"], slot=past)
    archived = ServiceFactory(status="archived")
    with pytest.raises(services.CartError, match="신청할 수 없는"):
        services.cart_add(cart=cart, service=archived, slot=None)
    with pytest.raises(services.CartError, match="날짜와 시간"):
        services.cart_add(cart=cart, service=shop["yoga"], slot=None)
    assert not cart.lines.exists()


def test_empty_cart_cannot_check_out(shop):
    cart = Cart.objects.create(user=shop["resident"])
    with pytest.raises(services.CartError, match="비어"):
        services.order_place(
            user=shop["resident"],
            cart=cart,
            contact=services.Contact("김", "010-1111-2222", "a@b.kr"),
            payment_method="bank_transfer",
            idempotency_key=uuid.uuid4(),
        )


def test_free_only_when_the_total_is_zero(shop):
    order = place(shop["resident"], [(shop["trial"], shop["trial_slot"], 1)], method="bank_transfer")
    assert (order.payment_method, order.status, order.total) == ("free", "paid", 0)
    with pytest.raises(services.CartError, match="무료가 아닌"):
        place(UserFactory(), [(shop["yoga"], shop["yoga_slot"], 1)], method="free")


def test_on_site_payment_needs_a_single_provider(shop):
    with pytest.raises(services.CartError, match="현장 결제"):
        # 요가 (서구) and the paid lunch box (서구) would be fine; a 동구 service makes two providers.
        paid_trial = ServiceFactory(provider=shop["dong"], title="유료 상담", price=5000, delivery="online")
        paid_slot = SlotFactory(service=paid_trial)
        place(
            shop["resident"],
            [(shop["yoga"], shop["yoga_slot"], 1), (paid_trial, paid_slot, 1)],
            method="on_site",
        )
    order = place(
        UserFactory(), [(shop["yoga"], shop["yoga_slot"], 1), (shop["lunch"], None, 1)], method="on_site"
    )
    assert order.payment_method == "on_site" and order.payment_due is None


# --- lifecycle ---------------------------------------------------------------------------------------------


def staff():
    return UserFactory(is_staff=True, is_superuser=True)


def test_transition_table(shop):
    resident = shop["resident"]
    order = place(resident, [(shop["yoga"], shop["yoga_slot"], 1)])
    # pending → paid (staff, exact amount), paid → completed when every line is fulfilled
    with pytest.raises(services.NotAllowed):
        services.payment_confirm(order=order, by=resident, amount=order.total)
    with pytest.raises(Exception, match="달라요"):
        services.payment_confirm(order=order, by=staff(), amount=order.total - 1)
    admin = staff()
    services.payment_confirm(order=order, by=admin, amount=order.total, reference="김주민 입금")
    assert order.status == "paid" and Payment.objects.get(order=order).confirmed_by == admin
    with pytest.raises(services.InvalidTransition):
        services.payment_confirm(order=order, by=admin, amount=order.total)
    with pytest.raises(services.InvalidTransition):
        services.order_cancel(order=order, by=resident, reason="x")
    services.line_fulfil(line=order.lines.get(), by=admin)
    order.refresh_from_db()
    assert order.status == "completed"
    # completed → refunded (staff, amount within total, reason required)
    with pytest.raises(Exception, match="이유"):
        services.order_refund(order=order, by=admin, amount=1000, reason=" ")
    services.order_refund(order=order, by=admin, amount=5000, reason="일부 환불")
    assert (order.status, order.refunded_amount) == ("refunded", 5000)
    with pytest.raises(services.InvalidTransition):
        services.order_refund(order=order, by=admin, amount=1000, reason="또")


def test_resident_cancels_before_the_deadline_and_seats_come_back(shop, django_capture_on_commit_callbacks):
    resident, slot = shop["resident"], shop["yoga_slot"]
    order = place(resident, [(shop["yoga"], slot, 2)])
    with pytest.raises(services.NotAllowed):
        services.order_cancel(order=order, by=UserFactory(), reason="남의 주문")
    with django_capture_on_commit_callbacks(execute=True):
        services.order_cancel(order=order, by=resident, reason="일정 변경")
    slot.refresh_from_db()
    assert order.status == "cancelled" and slot.booked == 0
    assert set(order.lines.values_list("status", flat=True)) == {"cancelled"}
    assert any("취소" in m.subject for m in mail.outbox)


def test_expiry_releases_seats_once(shop):
    slot = shop["yoga_slot"]
    order = place(shop["resident"], [(shop["yoga"], slot, 2)])
    later = order.payment_due + dt.timedelta(minutes=1)
    assert services.orders_expire_unpaid(now=later) == 1
    assert services.orders_expire_unpaid(now=later) == 0
    slot.refresh_from_db()
    order.refresh_from_db()
    assert slot.booked == 0 and order.status == "cancelled"


def test_a_paid_order_never_expires(shop):
    order = place(shop["resident"], [(shop["yoga"], shop["yoga_slot"], 1)])
    services.payment_confirm(order=order, by=staff(), amount=order.total)
    assert services.orders_expire_unpaid(now=order.payment_due + dt.timedelta(days=1)) == 0


def test_refund_of_a_paid_order_releases_its_seats(shop):
    slot = shop["yoga_slot"]
    order = place(shop["resident"], [(shop["yoga"], slot, 2)])
    admin = staff()
    services.payment_confirm(order=order, by=admin, amount=order.total)
    services.order_refund(order=order, by=admin, amount=order.total, reason="기업 사정으로 취소")
    slot.refresh_from_db()
    assert slot.booked == 0


def test_reviews_only_after_fulfilment_and_once(shop):
    resident = shop["resident"]
    order = place(resident, [(shop["trial"], shop["trial_slot"], 1)])
    line = order.lines.get()
    with pytest.raises(services.InvalidTransition):
        services.review_create(line=line, user=resident, rating=5, body="좋아요")
    services.line_fulfil(line=line, by=staff())
    line.refresh_from_db()
    with pytest.raises(services.NotAllowed):
        services.review_create(line=line, user=UserFactory(), rating=5, body="남의 것")
    with pytest.raises(Exception, match="1에서 5"):
        services.review_create(line=line, user=resident, rating=6, body="")
    services.review_create(line=line, user=resident, rating=4, body="친절했어요")
    with pytest.raises(services.InvalidTransition, match="이미"):
        services.review_create(line=line, user=resident, rating=5, body="한 번 더")


def test_cart_merge_adds_quantities(shop):
    user = shop["resident"]
    anonymous = Cart.objects.create()
    mine = Cart.objects.create(user=user)
    services.cart_add(cart=anonymous, service=shop["yoga"], slot=shop["yoga_slot"], quantity=1)
    services.cart_add(cart=mine, service=shop["yoga"], slot=shop["yoga_slot"], quantity=2)
    services.cart_add(cart=anonymous, service=shop["lunch"], slot=None, quantity=1)
    services.cart_merge(source=anonymous, target=mine)
    assert sorted(mine.lines.values_list("quantity", flat=True)) == [1, 3]
    assert not Cart.objects.filter(pk=anonymous.pk).exists()


def test_reminder_goes_out_once_the_day_before_with_a_calendar_file(shop, django_capture_on_commit_callbacks):
    from orders.notify import bookings_remind

    slot = shop["trial_slot"]
    order = place(shop["resident"], [(shop["trial"], slot, 1)])  # free → paid
    day_before = slot.starts_at - dt.timedelta(days=1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert bookings_remind(now=day_before) == 1
    with django_capture_on_commit_callbacks(execute=True):
        bookings_remind(now=day_before + dt.timedelta(hours=1))  # the hourly scan runs again
    reminders = [m for m in mail.outbox if "내일 예약" in m.subject]
    assert len(reminders) == 1
    filename, content, mimetype = reminders[0].attachments[0]
    assert filename.endswith(".ics")
    assert mimetype == "text/calendar" and "BEGIN:VEVENT" in content and order.number in content
    assert OrderLine.objects.get(order=order).status == "booked"
