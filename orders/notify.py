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


def _phone(order: Order, kind: str, **variables) -> dict:
    """The 알림톡/문자 arguments for the resident of ``order`` (their number from the order form)."""
    from majubom.templatetags.majubom import won

    lines = list(order.lines.all())
    title = lines[0].title if lines else order.number
    if len(lines) > 1:
        title = f"{title} 외 {len(lines) - 1}건"
    due = timezone.localtime(order.payment_due).strftime("%m월 %d일 %H:%M") if order.payment_due else ""
    return {
        "phone": order.phone,
        "kind": kind,
        "prefers": order.user.message_channel if order.user_id else "auto",
        "variables": {
            "이름": order.name,
            "제목": title,
            "금액": won(order.total),
            "기한": due,
            "링크": settings.SITE_URL.rstrip("/") + order.get_absolute_url(),
            **variables,
        },
    }


def order_placed(*, order_id: int) -> None:
    order = _order(order_id)
    notify(
        key=f"order:{order.number}:placed",
        to=order.email,
        template="notifications/order_placed",
        context=_context(order),
        **_phone(order, "order_placed"),
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
        **_phone(order, "payment_confirmed"),
    )


def order_cancelled(*, order_id: int, kind: str) -> None:
    order = _order(order_id)
    notify(
        key=f"order:{order.number}:{kind}",
        to=order.email,
        template=f"notifications/order_{kind}",
        context=_context(order),
        **_phone(order, "order_cancelled"),
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
            urgent=False,  # a reminder never lands at night: held until 08:00
            **_phone(
                line.order,
                "booking_reminder",
                제목=line.title,
                일시=timezone.localtime(line.slot.starts_at).strftime("%m월 %d일 %H:%M"),
                장소=line.provider.address or line.provider.name,
            ),
        )
        count += 1
    return count


DEADLINE_NEAR = dt.timedelta(hours=6)


def payment_deadlines_remind(*, now=None) -> int:
    """A bank transfer not yet paid whose deadline is within six hours: one reminder (its key), so that the
    booking is not cancelled by surprise. Run by beat every half hour; held at night like all reminders."""
    from django.utils.translation import gettext as _

    from majubom.notifications import notify_rendered

    now = now or timezone.now()
    orders = (
        Order.objects.filter(
            status=Order.Status.PENDING_PAYMENT,
            payment_method=Order.PaymentMethod.BANK_TRANSFER,
            payment_due__gt=now,
            payment_due__lte=now + DEADLINE_NEAR,
        )
        .select_related("user")
        .prefetch_related("lines")
    )
    count = 0
    for order in orders:
        phone = _phone(order, "payment_deadline")
        values = phone["variables"]
        text = "\n\n".join(
            [
                _("%(name)s님, 주문 %(number)s의 입금 기한이 %(due)s까지예요. 기한이 지나면 주문이 취소돼요.")
                % {"name": order.name, "number": order.number, "due": values["기한"]},
                _("입금 계좌: %(bank)s · %(total)s")
                % {"bank": settings.ORDER_BANK_ACCOUNT, "total": values["금액"]},
                _("주문 보기: %(url)s") % {"url": values["링크"]},
                _("마주봄 드림"),
            ]
        )
        notify_rendered(
            key=f"order:{order.number}:deadline",
            to=order.email,
            subject=_("[마주봄] 입금 기한이 얼마 남지 않았어요"),
            text=text,
            urgent=False,
            **phone,
        )
        count += 1
    return count
