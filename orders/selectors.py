"""Reads for the cart and order pages."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F, Prefetch, Sum
from django.http import Http404
from django.utils import timezone

from catalog.models import Provider, Service

from .models import Cart, CartLine, Order, OrderLine

SESSION_CART = "cart_id"
SESSION_COUNT = "cart_count"


def cart_for_request(request) -> Cart | None:
    """The account's cart when logged in, otherwise the one this browser session remembers (or None).
    Carts are made by ``services.cart_get_or_create``."""
    if request.user.is_authenticated:
        return Cart.objects.filter(user=request.user).first()
    cart_id = request.session.get(SESSION_CART)
    return Cart.objects.filter(pk=cart_id, user__isnull=True).first() if cart_id else None


def cart_count_remember(request, cart: Cart | None) -> int:
    """Keep the header's cart count in the session, so pages show it without a query."""
    count = sum(CartLine.objects.filter(cart=cart).values_list("quantity", flat=True)) if cart else 0
    request.session[SESSION_COUNT] = count
    return count


@dataclass
class CartRow:
    line: CartLine
    warnings: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.line.service.price * self.line.quantity


@dataclass
class ProviderGroup:
    provider: Provider
    rows: list[CartRow]

    @property
    def total(self) -> int:
        return sum(row.total for row in self.rows)


def cart_groups(cart: Cart | None, now=None) -> list[ProviderGroup]:
    """Cart lines grouped by provider, each with what changed since it was added (one query)."""
    from django.utils.translation import gettext as _

    if cart is None:
        return []
    now = now or timezone.now()
    lines = CartLine.objects.filter(cart=cart).select_related("service__provider", "slot").order_by("pk")
    groups: dict[int, ProviderGroup] = {}
    for line in lines:
        row = CartRow(line)
        service, slot = line.service, line.slot
        if service.status != Service.Status.PUBLISHED or not service.provider.is_published:
            row.warnings.append(_("지금은 신청할 수 없는 서비스예요. 빼 주세요."))
        if service.price != line.price_seen:
            row.warnings.append(
                _("담은 뒤에 가격이 %(old)s원에서 %(new)s원으로 바뀌었어요.")
                % {"old": f"{line.price_seen:,}", "new": f"{service.price:,}"}
            )
        if slot is not None:
            if slot.starts_at <= now:
                row.warnings.append(_("이미 지난 시간이에요. 빼고 다른 시간을 골라 주세요."))
            elif slot.seats_left < line.quantity:
                row.warnings.append(
                    _("마감됐어요.")
                    if slot.seats_left == 0
                    else _("자리가 %(left)d개만 남았어요.") % {"left": slot.seats_left}
                )
        if service.stock is not None and service.stock < line.quantity:
            row.warnings.append(_("남은 수량이 %(left)d개예요.") % {"left": service.stock})
        groups.setdefault(service.provider_id, ProviderGroup(service.provider, [])).rows.append(row)
    return list(groups.values())


ORDER_NUMBER = re.compile(r"MJB-[0-9]{8}-[0-9A-Z]{4}")


def order_for_owner(*, number: str, user) -> Order:
    """The resident's own order, or 404 — also for anything that is not an order number (a NUL byte in
    the address would otherwise reach PostgreSQL and fail there)."""
    if not ORDER_NUMBER.fullmatch(number or ""):
        raise Http404
    order = (
        Order.objects.filter(number=number, user=user)
        .prefetch_related(
            Prefetch(
                "lines",
                queryset=OrderLine.objects.select_related("slot", "provider", "review").order_by("pk"),
            )
        )
        .first()
    )
    if order is None:
        raise Http404
    return order


def orders_for_user(user):
    return Order.objects.filter(user=user).prefetch_related("lines").order_by("-created_at")


def order_for_idempotency_key(*, user, key: str) -> Order | None:
    try:
        key = uuid.UUID(str(key))
    except ValueError:
        return None
    return Order.objects.filter(user=user, idempotency_key=key).first()


def settlement_rows(*, start: dt.date, end: dt.date) -> list[dict]:
    """Monthly settlement per provider: fulfilled lines of paid or completed orders in [start, end),
    their gross amount, the cooperative's fee (``MAJUBOM_FEE_RATE``) and what is paid out."""
    tz = timezone.get_current_timezone()
    lines = (
        OrderLine.objects.filter(
            status=OrderLine.Status.FULFILLED,
            order__status__in=[Order.Status.PAID, Order.Status.COMPLETED],
            fulfilled_at__gte=dt.datetime.combine(start, dt.time.min, tzinfo=tz),
            fulfilled_at__lt=dt.datetime.combine(end, dt.time.min, tzinfo=tz),
        )
        .values("provider_id", "provider__name")
        .annotate(lines=Count("pk"), gross=Sum(F("unit_price") * F("quantity")))
        .order_by("provider__name", "provider_id")
    )
    rate = settings.MAJUBOM_FEE_RATE
    rows = []
    for row in lines:
        fee = round(row["gross"] * rate)
        rows.append(
            {
                "provider": row["provider__name"],
                "lines": row["lines"],
                "gross": row["gross"],
                "rate": f"{rate:.1%}",
                "fee": fee,
                "net": row["gross"] - fee,
            }
        )
    return rows


def settlement_totals(rows: list[dict]) -> dict:
    return {k: sum(r[k] for r in rows) for k in ("lines", "gross", "fee", "net")}
