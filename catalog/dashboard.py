"""An enterprise's figures for its last 12 weeks, on an admin page of its own (the admin URL is registered
by ``ProviderAdmin.get_urls``): recommendations shown and opened, orders and the paid amount of its order
lines, reviews, 건강반 members and fair stamps at its booths — never another enterprise's.

Each kind of figure comes from a reader ``reader(*, provider, start) -> dict``, registered under a key. The
catalog may not import the other apps (DESIGN.md §3), so the app that owns a figure registers its reader,
as ``majubom.offers`` does: healthcheck registers "recommendations". The readers for orders, reviews,
건강반 and stamps below are the catalog's own for now, read through the relations those apps point at the
catalog (order lines, booths and 건강반 belong to a provider); they belong in their apps, which can replace
them by registering the same key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.contrib.admin.utils import unquote
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncWeek
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Provider

SEOUL = ZoneInfo("Asia/Seoul")
WEEKS = 12

Reader = Callable[..., dict]
_READERS: dict[str, Reader] = {}


def register(key: str, reader: Reader) -> None:
    """``reader(*, provider, start)`` → {"weekly": {monday: {column: number}}, …}: figures since ``start``
    (a Monday, Asia/Seoul)."""
    _READERS[key] = reader


def _since(start: dt.date) -> dt.datetime:
    return dt.datetime.combine(start, dt.time.min, tzinfo=SEOUL)


def _week(value) -> dt.date:
    """A TruncWeek value (a date, or a datetime on some databases) as the Monday it starts."""
    if isinstance(value, dt.datetime):
        return (timezone.localtime(value, SEOUL) if timezone.is_aware(value) else value).date()
    return value


# --- the catalog's own readers, for now ---------------------------------------------------------------------


def _orders(*, provider: Provider, start: dt.date) -> dict:
    """Orders with a line of this provider, by the week they were placed, and what they paid for its lines
    (paid or completed orders, cancelled lines left out)."""
    lines = provider.order_lines.filter(order__created_at__gte=_since(start))
    paid = Q(order__status__in=["paid", "completed"]) & ~Q(status="cancelled")
    weekly = {}
    for row in (
        lines.annotate(week=TruncWeek("order__created_at", tzinfo=SEOUL))
        .values("week")
        .annotate(
            orders=Count("order", distinct=True), paid=Sum(F("unit_price") * F("quantity"), filter=paid)
        )
        .order_by()
    ):
        weekly[_week(row["week"])] = {"orders": row["orders"], "paid": row["paid"] or 0}
    return {"weekly": weekly}


def _reviews(*, provider: Provider, start: dt.date) -> dict:
    """Reviews of its order lines (hidden ones left out), by the week they were written."""
    weekly = {}
    for row in (
        provider.order_lines.filter(review__created_at__gte=_since(start), review__is_hidden=False)
        .annotate(week=TruncWeek("review__created_at", tzinfo=SEOUL))
        .values("week")
        .annotate(reviews=Count("review"), stars=Sum("review__rating"))
        .order_by()
    ):
        weekly[_week(row["week"])] = {"reviews": row["reviews"], "stars": row["stars"] or 0}
    return {"weekly": weekly}


def _stamps(*, provider: Provider, start: dt.date) -> dict:
    """Stamps visitors got at its booths, by week."""
    weekly = {}
    for row in (
        provider.booths.filter(stamps__created_at__gte=_since(start))
        .annotate(week=TruncWeek("stamps__created_at", tzinfo=SEOUL))
        .values("week")
        .annotate(stamps=Count("stamps"))
        .order_by()
    ):
        weekly[_week(row["week"])] = {"stamps": row["stamps"]}
    return {"weekly": weekly}


def _groups(*, provider: Provider, start: dt.date) -> dict:
    """Each 건강반 with its members now: taking part, on the waiting list, waiting for the host's answer."""

    def members(status: str) -> Count:
        return Count("memberships", filter=Q(memberships__status=status))

    rows = (
        provider.groups.exclude(status="archived")
        .annotate(active=members("active"), waitlisted=members("waitlisted"), pending=members("pending"))
        .order_by("title", "pk")
        .values("title", "status", "active", "waitlisted", "pending")
    )
    return {"groups": list(rows)}


register("orders", _orders)
register("reviews", _reviews)
register("stamps", _stamps)
register("groups", _groups)


# --- the page ---------------------------------------------------------------------------------------------


@dataclass
class WeekRow:
    start: dt.date
    shown: int = 0
    opened: int = 0
    orders: int = 0
    paid: int = 0
    reviews: int = 0
    stars: int = 0
    stamps: int = 0
    bar: int = 0  # the paid-amount bar: its height (0–100) and left edge in the SVG
    bar_x: int = 0

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)

    @property
    def bar_top(self) -> int:
        return 110 - self.bar

    @property
    def rating(self) -> float | None:
        return round(self.stars / self.reviews, 1) if self.reviews else None


@dataclass
class Dashboard:
    provider: Provider
    weeks: list[WeekRow]
    total: WeekRow
    items: list[dict] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)


def first_week(today: dt.date | None = None) -> dt.date:
    today = today or timezone.localdate(timezone=SEOUL)
    return today - dt.timedelta(days=today.weekday(), weeks=WEEKS - 1)


def provider_dashboard(*, provider: Provider, today: dt.date | None = None) -> Dashboard:
    """The figures of one provider: one or a few queries per reader, whatever the number of rows."""
    start = first_week(today)
    weeks = [WeekRow(start + dt.timedelta(weeks=n)) for n in range(WEEKS)]
    by_start = {week.start: week for week in weeks}
    found: dict[str, dict] = {key: reader(provider=provider, start=start) for key, reader in _READERS.items()}
    for figures in found.values():
        for monday, values in figures.get("weekly", {}).items():
            week = by_start.get(_week(monday))
            if week is None:
                continue
            for name, value in values.items():
                setattr(week, name, getattr(week, name) + (value or 0))
    total = WeekRow(start)
    for name in ("shown", "opened", "orders", "paid", "reviews", "stars", "stamps"):
        setattr(total, name, sum(getattr(week, name) for week in weeks))
    highest = max((week.paid for week in weeks), default=0)
    for n, week in enumerate(weeks):
        week.bar = round(week.paid * 100 / highest) if highest else 0
        week.bar_x = 5 + n * 40
    return Dashboard(
        provider=provider,
        weeks=weeks,
        total=total,
        items=found.get("recommendations", {}).get("items", []),
        groups=found.get("groups", {}).get("groups", []),
    )


def provider_dashboard_view(model_admin, request, object_id):
    """The admin page: a member sees only their own enterprise's (another's id is not found); staff any."""
    provider = model_admin.get_object(request, unquote(object_id))
    if provider is None or not model_admin.has_view_permission(request, provider):
        raise Http404(_("찾는 항목이 없어요."))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Provider._meta,
        "original": provider,
        "title": _("%(name)s 한눈에 보기 (최근 12주)") % {"name": provider.name},
        "dashboard": provider_dashboard(provider=provider),
        "has_view_permission": True,
    }
    return TemplateResponse(request, "admin/catalog/provider_dashboard.html", context)
