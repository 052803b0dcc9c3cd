"""Every change to carts and orders. Capacity and money are decided inside one durable transaction that
locks the rows it takes (slots, then stock-keeping services, each in primary-key order) and re-reads
prices and availability from the database; state transitions are conditional updates."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import Service, Slot
from catalog.selectors import user_is_cooperative_staff, user_provider_ids
from catalog.services import seats_changed
from majubom import audit, pagecache
from majubom.db import retry_on_conflict
from majubom.errors import MajubomError

from . import notify
from .models import Cart, CartLine, Order, OrderLine, Payment, Review

MAX_QUANTITY = 20
NUMBER_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: easy to read out on the phone


class SoldOut(MajubomError):
    pass


class CartError(MajubomError):
    pass


class PriceChanged(MajubomError):
    """The total in the database is not the one the resident saw: nothing was placed."""

    def __init__(self, message: str, *, total: int):
        super().__init__(message)
        self.total = total


class NotAllowed(MajubomError):
    pass


class InvalidTransition(MajubomError):
    pass


# --- cart ------------------------------------------------------------------------------------------------


def _check_bookable(*, service: Service, slot: Slot | None, quantity: int, now) -> None:
    """Shape and availability checks shared by the cart and (after locking) by checkout."""
    if quantity < 1:
        raise CartError(_("수량은 1 이상이어야 해요."))
    if quantity > MAX_QUANTITY:
        raise CartError(_("한 번에 %(max)d개까지 담을 수 있어요.") % {"max": MAX_QUANTITY})
    if service.status != Service.Status.PUBLISHED or not service.provider.is_published:
        raise CartError(_("지금은 신청할 수 없는 서비스예요."))
    if slot is None and service.books_by_time:
        raise CartError(_("원하는 날짜와 시간을 골라 주세요."))
    if slot is not None:
        if slot.service_id != service.pk:
            raise CartError(_("이 서비스의 시간이 아니에요. 다시 골라 주세요."))
        if slot.starts_at <= now:
            raise CartError(_("이미 지난 시간이에요. 다른 시간을 골라 주세요."))
        if slot.booked + quantity > slot.capacity:
            left = max(slot.capacity - slot.booked, 0)
            if left == 0:
                raise SoldOut(_("마감됐어요. 이 시간은 자리가 모두 찼어요."))
            raise SoldOut(_("마감이 가까워요. 이 시간은 %(left)d자리만 남았어요.") % {"left": left})
    if service.stock is not None and quantity > service.stock:
        if service.stock == 0:
            raise SoldOut(_("마감됐어요. 남은 수량이 없어요."))
        raise SoldOut(_("남은 수량이 %(left)d개예요.") % {"left": service.stock})


def slot_of(*, service: Service, slot_id: int | None) -> Slot | None:
    """The time a form chose for ``service`` (None when none was chosen). A made-up id or a time of
    another service is refused here, the one place that checks it."""
    if not slot_id:
        return None
    slot = Slot.objects.filter(pk=slot_id).first()
    if slot is None or slot.service_id != service.pk:
        raise CartError(_("이 서비스의 시간이 아니에요. 다시 골라 주세요."))
    return slot


def cart_get_or_create(*, user=None, session=None) -> Cart:
    """The account's cart when logged in, otherwise the one this browser session remembers (made now if
    there is none yet; the session keeps its id)."""
    from .selectors import SESSION_CART

    if user is not None and user.is_authenticated:
        cart, _new = Cart.objects.get_or_create(user=user)
        return cart
    cart_id = session.get(SESSION_CART)
    cart = Cart.objects.filter(pk=cart_id, user__isnull=True).first() if cart_id else None
    if cart is None:
        cart = Cart.objects.create()
        session[SESSION_CART] = cart.pk
    return cart


def cart_adopt_on_login(*, session, user) -> Cart | None:
    """At login the browser's anonymous cart becomes (or joins) the account's cart."""
    from .selectors import SESSION_CART

    cart_id = session.pop(SESSION_CART, None)
    source = Cart.objects.filter(pk=cart_id, user__isnull=True).first() if cart_id else None
    target = Cart.objects.filter(user=user).first()
    if source is None:
        return target
    if target is None:
        Cart.objects.filter(pk=source.pk, user__isnull=True).update(user=user)
        source.user = user
        return source
    return cart_merge(source=source, target=target)


def cart_add(
    *,
    cart: Cart,
    service: Service,
    slot: Slot | None = None,
    slot_id: int | None = None,
    quantity: int = 1,
    now=None,
) -> CartLine:
    """Put ``quantity`` of ``service`` (at ``slot``, or the time with ``slot_id``) in the cart."""
    now = now or timezone.now()
    if slot is None and slot_id:
        slot = slot_of(service=service, slot_id=slot_id)
    return retry_on_conflict(
        lambda: _cart_add(cart=cart, service=service, slot=slot, quantity=quantity, now=now), what="cart_add"
    )


def _cart_add(*, cart: Cart, service: Service, slot: Slot | None, quantity: int, now) -> CartLine:
    with transaction.atomic():
        line = CartLine.objects.select_for_update().filter(cart=cart, service=service, slot=slot).first()
        total = quantity + (line.quantity if line else 0)
        _check_bookable(service=service, slot=slot, quantity=total, now=now)
        if line:
            line.quantity = total
            line.price_seen = service.price
            line.save(update_fields=["quantity", "price_seen"])
        else:
            line = CartLine.objects.create(
                cart=cart, service=service, slot=slot, quantity=quantity, price_seen=service.price
            )
        Cart.objects.filter(pk=cart.pk).update(updated_at=now)
    return line


def cart_update_line(*, cart: Cart, line_id: int, quantity: int, now=None) -> CartLine:
    line = CartLine.objects.select_related("service__provider", "slot").filter(cart=cart, pk=line_id).first()
    if line is None:
        raise CartError(_("장바구니에 없는 항목이에요."))
    _check_bookable(service=line.service, slot=line.slot, quantity=quantity, now=now or timezone.now())
    CartLine.objects.filter(pk=line.pk).update(quantity=quantity, price_seen=line.service.price)
    line.refresh_from_db()
    return line


def cart_remove_line(*, cart: Cart, line_id: int) -> None:
    deleted, _details = CartLine.objects.filter(cart=cart, pk=line_id).delete()
    if not deleted:
        raise CartError(_("장바구니에 없는 항목이에요."))


def cart_merge(*, source: Cart, target: Cart) -> Cart:
    """Move an anonymous cart's lines into the account's cart (quantities add up where both have one)."""
    if source.pk == target.pk:
        return target
    with transaction.atomic():
        for line in source.lines.all():
            existing = CartLine.objects.filter(
                cart=target, service_id=line.service_id, slot_id=line.slot_id
            ).first()
            if existing:
                CartLine.objects.filter(pk=existing.pk).update(
                    quantity=min(existing.quantity + line.quantity, MAX_QUANTITY)
                )
            else:
                CartLine.objects.filter(pk=line.pk).update(cart=target)
        source.delete()
    return target


# --- placing an order --------------------------------------------------------------------------------------


def order_number_generate(now=None) -> str:
    """MJB-20261125-7K3Q: the date a resident recognises, and four characters that are easy to read out."""
    day = timezone.localtime(now or timezone.now()).strftime("%Y%m%d")
    while True:
        number = f"MJB-{day}-{''.join(secrets.choice(NUMBER_ALPHABET) for _ in range(4))}"
        if not Order.objects.filter(number=number).exists():
            return number


def payment_due_for(*, now, first_start) -> dt.datetime:
    due = now + settings.ORDER_PAYMENT_WINDOW
    return min(due, first_start) if first_start else due


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    email: str


def order_place(
    *,
    user,
    cart: Cart,
    contact: Contact,
    payment_method: str,
    idempotency_key: uuid.UUID,
    expected_total: int | None = None,
    now=None,
) -> Order:
    """Turn the cart into an order, taking the seats and stock it books. The same idempotency key returns
    the same order. Raises SoldOut / CartError with a message a resident can read; then nothing changed."""
    existing = Order.objects.filter(user=user, idempotency_key=idempotency_key).first()
    if existing:
        return existing
    try:
        order, created, availability_changed = retry_on_conflict(
            lambda: _order_place(
                user=user,
                cart=cart,
                contact=contact,
                payment_method=payment_method,
                idempotency_key=idempotency_key,
                expected_total=expected_total,
                now=now or timezone.now(),
            ),
            what="checkout",
        )
    except IntegrityError:
        # The same key was placed concurrently (a double click): that order won, this one rolled back.
        existing = Order.objects.filter(user=user, idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return existing
    if created:
        lines = list(order.lines.values_list("service_id", "provider_id"))
        seats_changed(
            service_ids=[service_id for service_id, _p in lines],
            provider_ids=[provider_id for _s, provider_id in lines],
            availability_changed=availability_changed,
        )
        transaction.on_commit(lambda: notify.order_placed(order_id=order.pk), robust=True)
    return order


def _order_place(
    *, user, cart, contact, payment_method, idempotency_key, expected_total, now
) -> tuple[Order, bool, bool]:
    """(order, created, whether a time or a stock went from open to full)."""
    with transaction.atomic(durable=True):
        # One checkout per cart at a time: a double submit waits here for the first one, then finds its
        # order by the idempotency key instead of an emptied cart.
        Cart.objects.select_for_update(no_key=True).filter(pk=cart.pk).first()
        existing = Order.objects.filter(user=user, idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing, False, False
        lines = list(CartLine.objects.filter(cart=cart).order_by("pk"))
        if not lines:
            raise CartError(_("장바구니가 비어 있어요."))
        # Lock what capacity comes from, always in the same order so two checkouts cannot deadlock. The
        # locks are FOR NO KEY UPDATE (only seats and stock change): a cart line being added meanwhile
        # takes FOR KEY SHARE on the same rows for its foreign keys, and the two must not block each other.
        slot_ids = sorted({line.slot_id for line in lines if line.slot_id})
        slots = {
            slot.pk: slot
            for slot in Slot.objects.select_for_update(no_key=True).filter(pk__in=slot_ids).order_by("pk")
        }
        service_ids = sorted({line.service_id for line in lines})
        services = {
            s.pk: s
            for s in Service.objects.select_for_update(of=("self",), no_key=True)
            .select_related("provider")
            .filter(pk__in=service_ids)
            .order_by("pk")
        }
        wanted_per_slot: dict[int, int] = defaultdict(int)
        wanted_per_service: dict[int, int] = defaultdict(int)
        for line in lines:
            if line.slot_id:
                wanted_per_slot[line.slot_id] += line.quantity
            wanted_per_service[line.service_id] += line.quantity
        for line in lines:
            service = services[line.service_id]
            slot = slots.get(line.slot_id) if line.slot_id else None
            try:
                _check_bookable(service=service, slot=slot, quantity=line.quantity, now=now)
                if slot is not None:
                    _check_bookable(service=service, slot=slot, quantity=wanted_per_slot[slot.pk], now=now)
                if service.stock is not None:
                    _check_bookable(
                        service=service, slot=None, quantity=wanted_per_service[service.pk], now=now
                    )
            except MajubomError as error:
                raise type(error)(f"{service.title}: {error.message}") from error
        total = sum(services[line.service_id].price * line.quantity for line in lines)
        if expected_total is not None and total != expected_total:
            raise PriceChanged(
                _("가격이 바뀌었어요. 합계가 %(old)s원에서 %(new)s원이 됐어요. 확인하고 다시 주문해 주세요.")
                % {"old": f"{expected_total:,}", "new": f"{total:,}"},
                total=total,
            )
        if total == 0:
            payment_method = Order.PaymentMethod.FREE
        elif payment_method == Order.PaymentMethod.FREE:
            raise CartError(_("무료가 아닌 주문이에요. 결제 방법을 골라 주세요."))
        if (
            payment_method == Order.PaymentMethod.ON_SITE
            and len({s.provider_id for s in services.values()}) > 1
        ):
            raise CartError(_("현장 결제는 한 기업의 서비스만 담았을 때 고를 수 있어요."))
        starts = [slots[line.slot_id].starts_at for line in lines if line.slot_id]
        order = Order.objects.create(
            number=order_number_generate(now),
            user=user,
            name=contact.name,
            phone=contact.phone,
            email=contact.email,
            status=Order.Status.PAID
            if payment_method == Order.PaymentMethod.FREE
            else Order.Status.PENDING_PAYMENT,
            paid_at=now if payment_method == Order.PaymentMethod.FREE else None,
            payment_method=payment_method,
            total=total,
            payment_due=payment_due_for(now=now, first_start=min(starts) if starts else None)
            if payment_method == Order.PaymentMethod.BANK_TRANSFER
            else None,
            idempotency_key=idempotency_key,
        )
        OrderLine.objects.bulk_create(
            OrderLine(
                order=order,
                service_id=line.service_id,
                slot_id=line.slot_id,
                provider_id=services[line.service_id].provider_id,
                title=services[line.service_id].title,
                unit_price=services[line.service_id].price,
                quantity=line.quantity,
            )
            for line in lines
        )
        for slot_id, quantity in wanted_per_slot.items():
            Slot.objects.filter(pk=slot_id).update(booked=F("booked") + quantity)
        for service_id, quantity in wanted_per_service.items():
            if services[service_id].stock is not None:
                Service.objects.filter(pk=service_id).update(stock=F("stock") - quantity)
        CartLine.objects.filter(cart=cart).delete()
    filled = any(
        slots[pk].booked + quantity >= slots[pk].capacity for pk, quantity in wanted_per_slot.items()
    )
    stock_changed = any(services[pk].stock is not None for pk in wanted_per_service)
    return order, True, filled or stock_changed


# --- lifecycle -------------------------------------------------------------------------------------------


def _release(order: Order) -> None:
    """Give back the seats and stock of an order's booked lines (inside the caller's transaction)."""
    lines = list(order.lines.exclude(status=OrderLine.Status.CANCELLED).order_by("pk"))
    slot_ids = sorted({line.slot_id for line in lines if line.slot_id})
    locked = list(Slot.objects.select_for_update(no_key=True).filter(pk__in=slot_ids).order_by("pk"))
    reopened = any(slot.booked >= slot.capacity for slot in locked)
    stock_back = Service.objects.filter(
        pk__in={line.service_id for line in lines}, stock__isnull=False
    ).exists()
    for line in lines:
        if line.slot_id:
            Slot.objects.filter(pk=line.slot_id).update(booked=F("booked") - line.quantity)
        Service.objects.filter(pk=line.service_id, stock__isnull=False).update(
            stock=F("stock") + line.quantity
        )
    order.lines.exclude(status=OrderLine.Status.CANCELLED).update(status=OrderLine.Status.CANCELLED)
    seats_changed(
        service_ids=[line.service_id for line in lines],
        provider_ids=[line.provider_id for line in lines],
        availability_changed=reopened or stock_back,
    )


def check_order_cancel(*, order: Order, by, now=None) -> None:
    now = now or timezone.now()
    if order.status != Order.Status.PENDING_PAYMENT:
        raise InvalidTransition(
            _("입금 대기 중인 주문만 취소할 수 있어요. 환불은 마주봄 협동조합에 문의해 주세요.")
        )
    if by is not None and not user_is_cooperative_staff(by):
        if by.pk != order.user_id:
            raise NotAllowed(_("이 주문을 취소할 수 없어요."))
        if order.payment_due and now > order.payment_due:
            raise InvalidTransition(_("입금 기한이 지나 곧 자동으로 취소돼요."))


def order_cancel(*, order: Order, by, reason: str, now=None, expired: bool = False) -> Order:
    """Cancel a pending order (the resident before the deadline, staff, or expiry) and release its seats."""
    now = now or timezone.now()
    if not expired:
        check_order_cancel(order=order, by=by, now=now)
    with transaction.atomic():
        changed = Order.objects.filter(pk=order.pk, status=Order.Status.PENDING_PAYMENT).update(
            status=Order.Status.CANCELLED, cancelled_at=now, cancel_reason=reason[:200]
        )
        if not changed:
            raise InvalidTransition(_("이미 처리된 주문이에요."))
        _release(order)
        if by is not None and by.pk != order.user_id:
            audit.record(obj=order, by=by, message=_("주문 취소: %(reason)s") % {"reason": reason[:200]})
        kind = "expired" if expired else "cancelled"
        transaction.on_commit(lambda: notify.order_cancelled(order_id=order.pk, kind=kind), robust=True)
    order.refresh_from_db()
    return order


def orders_expire_unpaid(*, now=None) -> int:
    """Cancel bank-transfer orders whose payment deadline has passed; each exactly once."""
    now = now or timezone.now()
    expired = 0
    for order in Order.objects.filter(status=Order.Status.PENDING_PAYMENT, payment_due__lt=now).order_by(
        "pk"
    ):
        try:
            order_cancel(order=order, by=None, reason=_("입금 기한이 지났어요."), now=now, expired=True)
            expired += 1
        except InvalidTransition:
            continue  # paid or cancelled meanwhile
    return expired


def payment_confirm(*, order: Order, by, amount: int, reference: str = "", now=None) -> Order:
    """Staff confirm a bank transfer (or a provider/staff an on-site payment): pending_payment → paid."""
    now = now or timezone.now()
    if order.payment_method == Order.PaymentMethod.ON_SITE:
        own = set(order.lines.values_list("provider_id", flat=True)) <= user_provider_ids(by)
        if not (user_is_cooperative_staff(by) or own):
            raise NotAllowed(_("이 주문의 결제를 확인할 수 없어요."))
    elif not user_is_cooperative_staff(by):
        raise NotAllowed(_("계좌이체 입금 확인은 마주봄 협동조합만 할 수 있어요."))
    if amount != order.total:
        raise MajubomError(
            _("입금액(%(amount)s원)이 주문 합계(%(total)s원)와 달라요.")
            % {"amount": f"{amount:,}", "total": f"{order.total:,}"}
        )
    with transaction.atomic():
        changed = Order.objects.filter(pk=order.pk, status=Order.Status.PENDING_PAYMENT).update(
            status=Order.Status.PAID, paid_at=now
        )
        if not changed:
            raise InvalidTransition(_("입금 대기 중인 주문이 아니에요."))
        Payment.objects.create(
            order=order,
            amount=amount,
            method=order.payment_method,
            reference=reference[:100],
            confirmed_by=by,
        )
        audit.record(
            obj=order,
            by=by,
            message=_("입금 확인 %(amount)s원 %(reference)s")
            % {"amount": f"{amount:,}", "reference": reference[:100]},
        )
        _complete_if_done(order)  # an on-site order may have been delivered before it was marked paid
        transaction.on_commit(lambda: notify.payment_confirmed(order_id=order.pk), robust=True)
    order.refresh_from_db()
    return order


def line_fulfil(*, line: OrderLine, by, now=None) -> OrderLine:
    """The provider (or staff) marks a line as delivered; a paid order whose lines are all delivered is
    completed."""
    now = now or timezone.now()
    if not (user_is_cooperative_staff(by) or line.provider_id in user_provider_ids(by)):
        raise NotAllowed(_("이 항목을 처리할 수 없어요."))
    order = line.order
    if (
        order.payment_method == Order.PaymentMethod.BANK_TRANSFER
        and order.status == Order.Status.PENDING_PAYMENT
    ):
        raise InvalidTransition(_("입금이 확인된 뒤에 이용 완료로 바꿀 수 있어요."))
    with transaction.atomic():
        changed = OrderLine.objects.filter(
            pk=line.pk,
            status=OrderLine.Status.BOOKED,
            order__status__in=[Order.Status.PAID, Order.Status.PENDING_PAYMENT],
        ).update(status=OrderLine.Status.FULFILLED, fulfilled_at=now)
        if not changed:
            raise InvalidTransition(_("예약된 항목만 이용 완료로 바꿀 수 있어요."))
        audit.record(obj=line, by=by, message=_("이용 완료"))
        _complete_if_done(line.order)
    line.refresh_from_db()
    return line


def _complete_if_done(order: Order) -> None:
    """A paid order with nothing left to deliver (and something delivered) is completed."""
    lines = order.lines.all()
    if (
        not lines.filter(status=OrderLine.Status.BOOKED).exists()
        and lines.filter(status=OrderLine.Status.FULFILLED).exists()
    ):
        Order.objects.filter(pk=order.pk, status=Order.Status.PAID).update(status=Order.Status.COMPLETED)


def check_order_refund(*, order: Order, by, amount: int, reason: str) -> None:
    """The refund rules (the admin's form asks them before it calls ``order_refund``)."""
    if not user_is_cooperative_staff(by):
        raise NotAllowed(_("환불은 마주봄 협동조합만 할 수 있어요."))
    if not 0 < amount <= order.total:
        raise MajubomError(
            _("환불 금액은 1원에서 주문 합계(%(total)s원) 사이여야 해요.") % {"total": f"{order.total:,}"}
        )
    if not reason.strip():
        raise MajubomError(_("환불 이유를 적어 주세요."))


def order_refund(*, order: Order, by, amount: int, reason: str) -> Order:
    """Staff refund a paid (or completed) order, fully or in part, with a reason."""
    check_order_refund(order=order, by=by, amount=amount, reason=reason)
    with transaction.atomic():
        changed = Order.objects.filter(
            pk=order.pk, status__in=[Order.Status.PAID, Order.Status.COMPLETED]
        ).update(status=Order.Status.REFUNDED, refunded_amount=amount, refund_reason=reason[:200])
        if not changed:
            raise InvalidTransition(_("결제 완료된 주문만 환불할 수 있어요."))
        if order.status == Order.Status.PAID:
            _release(order)
        Payment.objects.create(
            order=order,
            kind=Payment.Kind.REFUND,
            amount=amount,
            method=order.payment_method,
            reference=reason[:100],
            confirmed_by=by,
        )
        audit.record(
            obj=order,
            by=by,
            message=_("환불 %(amount)s원: %(reason)s") % {"amount": f"{amount:,}", "reason": reason[:200]},
        )
        transaction.on_commit(lambda: notify.order_refunded(order_id=order.pk), robust=True)
    order.refresh_from_db()
    return order


def review_create(*, line: OrderLine, user, rating: int, body: str) -> Review:
    if line.order.user_id != user.pk:
        raise NotAllowed(_("내가 이용한 서비스에만 후기를 쓸 수 있어요."))
    if line.status != OrderLine.Status.FULFILLED:
        raise InvalidTransition(_("이용을 마친 뒤에 후기를 쓸 수 있어요."))
    if not 1 <= rating <= 5:
        raise MajubomError(_("별점은 1에서 5 사이로 골라 주세요."))
    try:
        with transaction.atomic():
            review = Review.objects.create(
                order_line=line, service_id=line.service_id, rating=rating, body=body.strip()[:1000]
            )
            pagecache.changed(pagecache.service(line.service_id))  # the service page shows reviews
            return review
    except IntegrityError as error:
        raise InvalidTransition(_("이미 후기를 쓰셨어요. 고마워요!")) from error


def review_set_hidden(*, review: Review, by, hidden: bool) -> Review:
    if not user_is_cooperative_staff(by):
        raise NotAllowed(_("후기 숨기기는 마주봄 협동조합만 할 수 있어요."))
    Review.objects.filter(pk=review.pk).update(is_hidden=hidden)
    audit.record(obj=review, by=by, message=_("후기 숨김") if hidden else _("후기 다시 보이기"))
    pagecache.changed(pagecache.service(review.service_id))
    review.refresh_from_db()
    return review
