"""Order notifications: Korean mails to the resident and to each provider for its own lines.

Called after commit; each goes through ``majubom.notifications`` (a Celery task, retried, sent once per
dedupe key). Keys name the event, so a duplicated call never sends twice.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from majubom.notifications import notify

from .ics import booking_ics
from .models import Order, OrderLine


def _order(order_id: int) -> Order:
    return (
        Order.objects.select_related("user")
        .prefetch_related(Prefetch("lines", queryset=OrderLine.objects.select_related("slot", "provider")))
        .get(pk=order_id)
    )


def _context(order: Order, **extra) -> dict:
    return {
        "order": order,
        "lines": list(order.lines.all()),
        "bank": settings.ORDER_BANK_ACCOUNT,
        "site_url": settings.SITE_URL,
        **extra,
    }


def order_placed(*, order_id: int) -> None:
    order = _order(order_id)
    notify(
        key=f"order:{order.number}:placed",
        to=order.email,
        template="notifications/order_placed",
        context=_context(order),
    )
    by_provider: dict = {}
    for line in order.lines.all():
        by_provider.setdefault(line.provider, []).append(line)
    for provider, lines in by_provider.items():
        if provider.email:
            notify(
                key=f"order:{order.number}:placed:provider:{provider.pk}",
                to=provider.email,
                template="notifications/order_placed_provider",
                context={**_context(order), "provider": provider, "lines": lines},
            )


def payment_confirmed(*, order_id: int) -> None:
    order = _order(order_id)
    notify(
        key=f"order:{order.number}:paid",
        to=order.email,
        template="notifications/payment_confirmed",
        context=_context(order),
    )


def order_cancelled(*, order_id: int, kind: str) -> None:
    order = _order(order_id)
    notify(
        key=f"order:{order.number}:{kind}",
        to=order.email,
        template=f"notifications/order_{kind}",
        context=_context(order),
    )


def order_refunded(*, order_id: int) -> None:
    order = _order(order_id)
    notify(
        key=f"order:{order.number}:refunded",
        to=order.email,
        template="notifications/order_refunded",
        context=_context(order),
    )


def bookings_remind(*, now=None) -> int:
    """The day before a booked time, remind the resident with the calendar file. Run hourly by beat; the
    dedupe key makes every booking's reminder go out once however often the scan runs."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + dt.timedelta(days=1)
    lines = (
        OrderLine.objects.filter(
            status=OrderLine.Status.BOOKED,
            slot__starts_at__date=tomorrow,
            order__status__in=[Order.Status.PAID, Order.Status.PENDING_PAYMENT],
        )
        .exclude(
            order__payment_method=Order.PaymentMethod.BANK_TRANSFER,
            order__status=Order.Status.PENDING_PAYMENT,
        )
        .select_related("order", "slot", "provider")
    )
    count = 0
    for line in lines:
        notify(
            key=f"reminder:{line.pk}",
            to=line.order.email,
            template="notifications/booking_reminder",
            context={**_context(line.order), "line": line},
            attachments=[
                {"filename": "majubom-booking.ics", "content": booking_ics(line), "mimetype": "text/calendar"}
            ],
        )
        count += 1
    return count
