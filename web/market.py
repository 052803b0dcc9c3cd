"""The cooperative's market dashboard (``/staff/market/``): supply, demand, the market itself, two funnels
and unmet needs, week by week over a period, for the cooperative's staff only.

What each figure counts (times are Asia/Seoul; a period runs from its first day 00:00 to the day after its
last day 00:00; weeks are ISO weeks, Monday first, named by their Monday):

Supply, as it is now (one snapshot shared by every period for up to a minute, see ``snapshot``)
- published enterprises (``Provider.is_published``) by kind and by district;
- published services (published, of a published enterprise) by health domain; 건강반 recruiting (of a
  published enterprise) by domain; open seats in the next 4 weeks by domain: the free places of the
  published services' times that start in the next 4 weeks, plus the free places (capacity − active
  members) of the recruiting 건강반 that meet in the next 4 weeks;
- 입점 신청 received per week in the period, and the median days from application to approval of those
  approved in the period.

Demand
- new residents per week: accounts that are not staff, by the day they joined;
- health tests taken per week, quick and detailed;
- residents who came back: residents with activity (a saved health test, an order, a 건강반 application)
  in two or more different weeks of the period.

The market
- orders placed per week (any status) and the cancelled among them; money received per week
  (``Payment`` of kind payment by the day it was confirmed, refunds apart);
- per domain (the service's) and per district (the enterprise's): orders with a line there, cancelled
  ones, the sum of the lines of paid or completed orders, repeat buyers (residents with two or more
  orders that were not cancelled in the period, there);
- first orders: a resident's first order ever, placed in the period, and the share that held an
  experience product (``Service.is_experience``).

Funnels (each step counts those that also passed the steps before it)
- health test taken in the period → a recommendation opened from its result → added to the cart within
  30 days after the test (a cart line of that account; an order also counts, as checkout empties the
  cart) → ordered within 30 days (an order that was not cancelled). Tests without an account count only
  to the second step;
- registered for a fair held in the period (not cancelled) → came in → at least one stamp → ordered (not
  cancelled) or applied to a 건강반 (not refused) from the fair's start to 30 days after its end, with the
  account the ticket was registered with.

Unmet needs: for each need × district, how often results in the period recommended it (the
``RecommendationStat`` rows with a need and a district, their ``shown`` summed; when the period has none,
the needs the active rules give for each test's results, in the district the resident chose, or else
their account's district) against what serves it there (published services of an enterprise in that
district tagged with the need, plus recruiting 건강반 there with the need and a free place). The biggest
gaps (demand per offer) first, 15 at most.

Privacy: figures about health (tests, both funnels, unmet-need demand) and the residents who came back are
totals only, and a cell of fewer than 5 reads "5 미만" — the number never reaches the template. Where a
shown total minus the other shown cells would give a hidden cell back, the smallest other cell is covered
too ("가림", see ``protect``). Differences between funnel steps are not shown as cells.

Speed: a fixed number of aggregate queries whatever the size of the tables (no query per row, no row per
resident sent to Python except the first/last week of each active resident): 12 for the period, plus 7 for
the supply snapshot when it is not cached (plus 2 when the period has no recommendation statistics).
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import (
    Case,
    Count,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce, ExtractIsoYear, ExtractWeek, TruncWeek
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from catalog.models import Need, PartnerApplication, Provider, ProviderKind, Service, Slot
from catalog.selectors import user_is_cooperative_staff
from events.models import Registration, Stamp
from groups.models import GroupSession, HealthGroup, Membership
from healthcheck.models import Assessment, NeedRule, RecommendationStat
from healthcheck.questionnaires import all_items
from majubom import pagecache
from majubom.choices import District, HealthDomain
from majubom.errors import MajubomError
from majubom.models import User
from majubom.templatetags.majubom import SMALL_COUNT
from orders.models import CartLine, Order, OrderLine, Payment

from . import charts

SEOUL = ZoneInfo("Asia/Seoul")
DEFAULT_WEEKS = 12
MAX_YEARS = 2
FUNNEL_WINDOW = dt.timedelta(days=30)
UPCOMING = dt.timedelta(weeks=4)
UNMET_LIMIT = 15
SNAPSHOT_SECONDS = 60
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


# --- the period ------------------------------------------------------------------------------------------


class PeriodError(MajubomError):
    pass


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # the last day, included

    @property
    def start_at(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time.min, SEOUL)

    @property
    def end_at(self) -> dt.datetime:
        """The first moment after the period."""
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, SEOUL)

    @property
    def weeks(self) -> list[dt.date]:
        first, last = monday(self.start), monday(self.end)
        return [first + dt.timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def within(self, name: str) -> Q:
        return Q(**{f"{name}__gte": self.start_at, f"{name}__lt": self.end_at})


def default_period(today: dt.date) -> Period:
    """The last 12 weeks to today: from the Monday 11 weeks before this week's to today."""
    return Period(monday(today) - dt.timedelta(weeks=DEFAULT_WEEKS - 1), today)


def _date(raw: str) -> dt.date:
    if not DATE_RE.match(raw):
        raise PeriodError(_("날짜는 2026-03-02처럼 연-월-일로 적어 주세요."))
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError as error:
        raise PeriodError(_("없는 날짜예요. 날짜를 다시 골라 주세요.")) from error
    if not FIRST_DAY <= day <= LAST_DAY:
        raise PeriodError(_("2000년부터 2100년 사이의 날짜로 골라 주세요."))
    return day


def parse_period(params, *, today: dt.date) -> Period:
    """``?start=YYYY-MM-DD&end=YYYY-MM-DD``; a missing end is today, a missing start 12 weeks before."""
    start_raw = (params.get("start") or "").strip()
    end_raw = (params.get("end") or "").strip()
    end = _date(end_raw) if end_raw else today
    start = _date(start_raw) if start_raw else default_period(end).start
    if end < start:
        raise PeriodError(_("끝나는 날이 시작하는 날보다 앞서요. 날짜를 다시 골라 주세요."))
    if end >= _add_years(start, MAX_YEARS):
        raise PeriodError(_("한 번에 2년까지 볼 수 있어요. 기간을 줄여 주세요."))
    return Period(start, end)


# --- cells -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """A figure as shown. ``value`` is None for a health figure of fewer than 5: it prints "5 미만" and
    the number itself is not kept."""

    value: int | None
    covered: bool = False  # hidden only so that a total cannot give back a small cell ("가림")

    @property
    def hidden(self) -> bool:
        return self.value is None

    def __str__(self) -> str:
        if self.value is None:
            return _("가림") if self.covered else _("5 미만")
        return f"{self.value:,}"


def protect(cells: list[Cell], total: Cell) -> list[Cell]:
    """Cells that add up to a shown total: when exactly one of them is hidden, the total minus the others
    would give it back, so the smallest other cell is covered too (secondary suppression)."""
    hidden = [cell for cell in cells if cell.hidden]
    if total.hidden or len(hidden) != 1:
        return cells
    visible = [(cell.value, i) for i, cell in enumerate(cells) if not cell.hidden]
    if not visible:
        return cells
    _value, index = min(visible)
    return [Cell(None, covered=True) if i == index else cell for i, cell in enumerate(cells)]


def plain(value: int | None) -> Cell:
    return Cell(int(value or 0))


def guarded(value: int | None) -> Cell:
    """A figure about residents' health: fewer than 5 (0 too) is not shown."""
    value = int(value or 0)
    return Cell(value if value >= SMALL_COUNT else None)


def share(part: Cell, whole: Cell) -> str:
    if part.hidden or whole.hidden or not whole.value:
        return "—"
    return f"{round(100 * part.value / whole.value)}%"


def money(value: int | None) -> str:
    return _("%(amount)s원") % {"amount": f"{int(value or 0):,}"}


@dataclass
class Series:
    name: str
    cells: list[Cell]
    total: Cell

    @property
    def values(self) -> list[int | None]:
        return [cell.value for cell in self.cells]


def _week_of(value) -> dt.date:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value, SEOUL).date() if timezone.is_aware(value) else value.date()
    return monday(value)


def _weekly(rows: Iterable[tuple], weeks: list[dt.date]) -> dict[dt.date, Counter]:
    """(week, key, n) rows → week → Counter(key → n), every week of the period present."""
    by_week: dict[dt.date, Counter] = {week: Counter() for week in weeks}
    for week, key, n in rows:
        by_week.setdefault(_week_of(week), Counter())[key] += n or 0
    return by_week


def _series(
    name: str, by_week: dict[dt.date, Counter], weeks: list[dt.date], key, cell: Callable[[int], Cell]
) -> Series:
    values = [by_week[week][key] for week in weeks]
    return Series(name, [cell(v) for v in values], cell(sum(values)))


# --- supply ----------------------------------------------------------------------------------------------


@dataclass
class SupplyRow:
    key: str
    label: str
    services: Cell = field(default_factory=lambda: plain(0))
    groups: Cell = field(default_factory=lambda: plain(0))
    slot_seats: Cell = field(default_factory=lambda: plain(0))
    group_seats: Cell = field(default_factory=lambda: plain(0))

    @property
    def seats(self) -> Cell:
        return plain(self.slot_seats.value + self.group_seats.value)


@dataclass
class Supply:
    providers: Cell
    by_kind: list[tuple[str, Cell]]
    by_district: list[tuple[str, Cell]]
    by_domain: list[SupplyRow]
    totals: SupplyRow
    applications: Series
    approved: Cell
    median_days: str


@dataclass(frozen=True)
class Snapshot:
    """What the market offers now, the same for every period: plain numbers, shared for a minute."""

    taken_at: dt.datetime
    kinds: dict[str, int]
    districts: dict[str, int]
    services: dict[str, int]  # domain → published services
    slot_seats: dict[str, int]  # domain → free places of times in the next 4 weeks
    groups: dict[str, int]  # domain → recruiting 건강반
    group_seats: dict[str, int]  # domain → free places of those meeting in the next 4 weeks
    service_offers: dict[tuple[int, str], int]  # (need, district) → published services
    group_offers: dict[tuple[int, str], int]  # (need, district) → recruiting 건강반 with a free place
    needs: dict[int, tuple[str, str]]  # need → (name, domain)


def _recruiting_groups(now: dt.datetime) -> list[tuple]:
    """Recruiting 건강반 of published enterprises: (pk, domain, district, capacity, active, meets soon)."""
    active = (
        Membership.objects.filter(group=OuterRef("pk"), status=Membership.Status.ACTIVE)
        .order_by()
        .values("group")
        .annotate(n=Count("pk"))
        .values("n")
    )
    soon = GroupSession.objects.filter(
        group=OuterRef("pk"),
        status=GroupSession.Status.SCHEDULED,
        starts_at__gt=now,
        starts_at__lt=now + UPCOMING,
    )
    return list(
        HealthGroup.objects.filter(status=HealthGroup.Status.RECRUITING, provider__is_published=True)
        .annotate(active=Coalesce(Subquery(active, output_field=IntegerField()), 0), soon=Exists(soon))
        .order_by()
        .values_list("pk", "domain", "district", "capacity", "active", "soon")
    )


def take_snapshot(now: dt.datetime | None = None) -> Snapshot:
    """The supply as it is now, in seven aggregate queries."""
    now = now or timezone.now()
    kinds: Counter = Counter()
    districts: Counter = Counter()
    for kind, district, n in (
        Provider.objects.filter(is_published=True)
        .order_by()
        .values_list("kind", "district")
        .annotate(n=Count("pk"))
    ):
        kinds[kind] += n
        districts[district] += n
    services = dict(Service.objects.published().order_by().values_list("domain").annotate(n=Count("pk")))
    slot_seats = dict(
        Slot.objects.filter(
            service__status=Service.Status.PUBLISHED,
            service__provider__is_published=True,
            starts_at__gt=now,
            starts_at__lt=now + UPCOMING,
        )
        .order_by()
        .values_list("service__domain")
        .annotate(seats=Sum(F("capacity") - F("booked")))
    )
    groups: Counter = Counter()
    group_seats: Counter = Counter()
    open_groups: dict[int, str] = {}
    for pk, domain, district, capacity, active, soon in _recruiting_groups(now):
        groups[domain] += 1
        if soon:
            group_seats[domain] += max(capacity - active, 0)
        if active < capacity:
            open_groups[pk] = district
    service_offers = {
        (need_id, district): n
        for need_id, district, n in Service.needs.through.objects.filter(
            service__status=Service.Status.PUBLISHED, service__provider__is_published=True
        )
        .order_by()
        .values_list("need_id", "service__provider__district")
        .annotate(n=Count("pk"))
    }
    group_offers: Counter = Counter()
    for group_id, need_id in HealthGroup.needs.through.objects.filter(
        healthgroup__status=HealthGroup.Status.RECRUITING, healthgroup__provider__is_published=True
    ).values_list("healthgroup_id", "need_id"):
        if group_id in open_groups:
            group_offers[(need_id, open_groups[group_id])] += 1
    return Snapshot(
        taken_at=now,
        kinds=dict(kinds),
        districts=dict(districts),
        services={k: int(v or 0) for k, v in services.items()},
        slot_seats={k: int(v or 0) for k, v in slot_seats.items()},
        groups=dict(groups),
        group_seats=dict(group_seats),
        service_offers=service_offers,
        group_offers=dict(group_offers),
        needs={pk: (name, domain) for pk, name, domain in Need.objects.values_list("pk", "name", "domain")},
    )


def snapshot() -> Snapshot:
    """The supply snapshot, shared by every period and every staff member for up to a minute (a listing
    change — a service published, a time filling up — makes it stale at once)."""
    return pagecache.cached_value(
        "market-supply", scopes=[pagecache.LISTING], compute=take_snapshot, timeout=SNAPSHOT_SECONDS
    )


def _supply(period: Period, weeks: list[dt.date], shot: Snapshot) -> Supply:
    rows = {
        domain.value: SupplyRow(
            domain.value,
            str(domain.label),
            services=plain(shot.services.get(domain.value)),
            groups=plain(shot.groups.get(domain.value)),
            slot_seats=plain(shot.slot_seats.get(domain.value)),
            group_seats=plain(shot.group_seats.get(domain.value)),
        )
        for domain in HealthDomain
    }
    by_domain = list(rows.values())
    totals = SupplyRow(
        "",
        _("합계"),
        services=plain(sum(r.services.value for r in by_domain)),
        groups=plain(sum(r.groups.value for r in by_domain)),
        slot_seats=plain(sum(r.slot_seats.value for r in by_domain)),
        group_seats=plain(sum(r.group_seats.value for r in by_domain)),
    )
    kinds, districts = shot.kinds, shot.districts

    received: list[tuple] = []
    waits: list[float] = []
    for created_at, status, decided_at in (
        PartnerApplication.objects.filter(
            period.within("created_at")
            | (Q(status=PartnerApplication.Status.APPROVED) & period.within("decided_at"))
        )
        .order_by()
        .values_list("created_at", "status", "decided_at")
    ):
        if period.start_at <= created_at < period.end_at:
            received.append((created_at, "", 1))
        if (
            status == PartnerApplication.Status.APPROVED
            and decided_at
            and period.start_at <= decided_at < period.end_at
        ):
            waits.append((decided_at - created_at).total_seconds() / 86400)
    applications = _series(_("입점 신청"), _weekly(received, weeks), weeks, "", plain)
    median = statistics.median(waits) if waits else None
    return Supply(
        providers=plain(sum(kinds.values())),
        by_kind=[(str(kind.label), plain(kinds.get(kind.value))) for kind in ProviderKind],
        by_district=[(str(d.label), plain(districts.get(d.value))) for d in District],
        by_domain=by_domain,
        totals=totals,
        applications=applications,
        approved=plain(len(waits)),
        median_days="—" if median is None else _("%(days)s일") % {"days": f"{median:.1f}"},
    )


# --- demand ----------------------------------------------------------------------------------------------


@dataclass
class Demand:
    residents: Series
    quick: Series
    detailed: Series
    tests: Series
    active: Cell
    returning: Cell


def _week_number(expression):
    """The ISO week of a moment as one increasing number (ISO year × 100 + week), counted in the database."""
    return ExtractIsoYear(expression, tzinfo=SEOUL) * 100 + ExtractWeek(expression, tzinfo=SEOUL)


def _active_span(queryset, field_name: str, period: Period):
    """Per resident active in the period: the weeks of their first and last activity of this kind in it."""
    return (
        queryset.filter(period.within(field_name), user__is_staff=False)
        .order_by()
        .values("user")
        .annotate(first=Min(field_name), last=Max(field_name))
        .annotate(first_week=_week_number("first"), last_week=_week_number("last"))
        .values_list("user", "first_week", "last_week")
    )


def _demand(period: Period, weeks: list[dt.date], test_rows: list[tuple]) -> Demand:
    joined = (
        User.objects.filter(period.within("date_joined"), is_staff=False)
        .annotate(week=TruncWeek("date_joined", tzinfo=SEOUL))
        .order_by()
        .values_list("week")
        .annotate(n=Count("pk"))
    )
    residents = _series(_("새 주민"), _weekly(((w, "", n) for w, n in joined), weeks), weeks, "", plain)

    tests = _weekly(((week, kind, taken) for week, kind, taken, *_steps in test_rows), weeks)
    for counter in tests.values():
        counter["all"] = counter[Assessment.Kind.QUICK] + counter[Assessment.Kind.DETAILED]

    # A resident came back when their activity spans two weeks or more: the weeks of the first and last
    # moment of each kind of activity, in one UNION, one row of three numbers per resident and kind.
    spans = (
        _active_span(Assessment.objects.filter(user__isnull=False), "created_at", period)
        .union(
            _active_span(Order.objects.all(), "created_at", period),
            _active_span(Membership.objects.all(), "created_at", period),
            all=True,
        )
        .order_by()
    )
    first_week: dict[int, int] = {}
    last_week: dict[int, int] = {}
    for user_id, first, last in spans:
        first_week[user_id] = min(first, first_week.get(user_id, first))
        last_week[user_id] = max(last, last_week.get(user_id, last))
    returning = sum(1 for user_id, first in first_week.items() if last_week[user_id] != first)
    quick = _series(_("빠른 테스트"), tests, weeks, Assessment.Kind.QUICK, guarded)
    detailed = _series(_("자세한 테스트"), tests, weeks, Assessment.Kind.DETAILED, guarded)
    everything = _series(_("모든 테스트"), tests, weeks, "all", guarded)
    # No hidden week may be worked out from its series' total, nor a hidden kind from the total of both.
    for series in (quick, detailed):
        series.cells = protect(series.cells, series.total)
    quick.total, detailed.total = protect([quick.total, detailed.total], everything.total)
    return Demand(
        residents=residents,
        quick=quick,
        detailed=detailed,
        tests=everything,
        active=guarded(len(first_week)),
        returning=guarded(returning),
    )


# --- the market ------------------------------------------------------------------------------------------


@dataclass
class MarketRow:
    label: str
    orders: Cell
    cancelled: Cell
    amount: int
    buyers: Cell
    repeat: Cell

    @property
    def amount_text(self) -> str:
        return money(self.amount)


@dataclass
class Market:
    orders: Series
    cancelled: Series
    paid: list[int]
    refunded: list[int]
    paid_total: int
    refunded_total: int
    repeat: Cell
    first_orders: Cell
    first_experience: Cell
    by_domain: list[MarketRow]
    by_district: list[MarketRow]

    @property
    def first_experience_share(self) -> str:
        return share(self.first_experience, self.first_orders)

    @property
    def cancelled_share(self) -> str:
        return share(self.cancelled.total, self.orders.total)


def _market(period: Period, weeks: list[dt.date]) -> Market:
    cancelled = Q(status=Order.Status.CANCELLED)
    weekly = _weekly(
        (
            (week, key, n)
            for week, *counts in Order.objects.filter(period.within("created_at"))
            .annotate(week=TruncWeek("created_at", tzinfo=SEOUL))
            .order_by()
            .values_list("week")
            .annotate(n=Count("pk"), cancelled=Count("pk", filter=cancelled))
            for key, n in zip(("orders", "cancelled"), counts, strict=True)
        ),
        weeks,
    )
    # First orders: a resident's first order ever is in the period when they had no order before it (one
    # anti-join, no query per order); it held an experience product when their first order in the period
    # with one is that same order.
    firsts = (
        Order.objects.filter(period.within("created_at"), user__is_staff=False)
        .exclude(user__in=Order.objects.filter(created_at__lt=period.start_at).values("user"))
        .order_by()
        .values("user")
        .annotate(
            first_at=Min("created_at"),
            first_exp_at=Min("created_at", filter=Q(lines__service__is_experience=True)),
        )
        .values_list("first_at", "first_exp_at")
    )
    first_orders = first_experience = 0
    for first_at, first_exp_at in firsts:
        first_orders += 1
        first_experience += first_exp_at == first_at
    money_weekly = _weekly(
        (
            (week, key, n)
            for week, *sums in Payment.objects.filter(period.within("confirmed_at"))
            .annotate(week=TruncWeek("confirmed_at", tzinfo=SEOUL))
            .order_by()
            .values_list("week")
            .annotate(
                paid=Sum("amount", filter=Q(kind=Payment.Kind.PAYMENT)),
                refunded=Sum("amount", filter=Q(kind=Payment.Kind.REFUND)),
            )
            for key, n in zip(("paid", "refunded"), sums, strict=True)
        ),
        weeks,
    )

    # Per domain and per district: the lines of the period's orders grouped by key and buyer, then summed
    # up per key in the same query (an order has one buyer, so a key's orders are the sum of its buyers'
    # orders there; a repeat buyer has two orders there that were not cancelled). No row per buyer leaves
    # the database.
    sums: dict[tuple[str, str], tuple[int, int, int, int, int]] = {}
    lines = OrderLine.objects.filter(period.within("order__created_at")).order_by()
    paid = Q(order__status__in=[Order.Status.PAID, Order.Status.COMPLETED])
    not_cancelled = ~Q(order__status=Order.Status.CANCELLED)
    for grouping, field_name, choices in (
        ("domain", "service__domain", HealthDomain.values),
        ("district", "provider__district", District.values),
    ):
        per_buyer = lines.values(
            key=F(field_name), buyer=F("order__user"), staff=F("order__user__is_staff")
        ).annotate(
            n=Count("order", distinct=True),
            c=Count("order", distinct=True, filter=Q(order__status=Order.Status.CANCELLED)),
            k=Count("order", distinct=True, filter=not_cancelled),
            a=Coalesce(Sum(F("unit_price") * F("quantity"), filter=paid), 0),
        )
        figures = {}
        for value in choices:
            here = Q(key=value)
            resident = here & Q(staff=False)
            figures[f"{value}__orders"] = Coalesce(Sum("n", filter=here), 0)
            figures[f"{value}__cancelled"] = Coalesce(Sum("c", filter=here), 0)
            figures[f"{value}__amount"] = Coalesce(Sum("a", filter=here), 0)
            figures[f"{value}__buyers"] = Count("buyer", filter=resident)
            figures[f"{value}__repeat"] = Count("buyer", filter=resident & Q(k__gte=2))
        result = per_buyer.aggregate(**figures)
        for value in choices:
            sums[(grouping, value)] = tuple(
                int(result[f"{value}__{name}"] or 0)
                for name in ("orders", "cancelled", "amount", "buyers", "repeat")
            )
    repeat_buyers = (
        Order.objects.filter(period.within("created_at"), user__is_staff=False)
        .exclude(cancelled)
        .order_by()
        .values("user")
        .annotate(n=Count("pk"))
        .aggregate(repeat=Count("user", filter=Q(n__gte=2)))["repeat"]
    )

    def rows(grouping: str, choices) -> list[MarketRow]:
        result = []
        for choice in choices:
            orders, cancelled_n, amount, buyers, repeat = sums.get((grouping, choice.value), (0, 0, 0, 0, 0))
            result.append(
                MarketRow(
                    label=str(choice.label),
                    orders=plain(orders),
                    cancelled=plain(cancelled_n),
                    amount=int(amount or 0),
                    buyers=plain(buyers),
                    repeat=plain(repeat),
                )
            )
        return result

    paid = [money_weekly[week]["paid"] for week in weeks]
    refunded = [money_weekly[week]["refunded"] for week in weeks]
    return Market(
        orders=_series(_("주문"), weekly, weeks, "orders", plain),
        cancelled=_series(_("취소"), weekly, weeks, "cancelled", plain),
        paid=paid,
        refunded=refunded,
        paid_total=sum(paid),
        refunded_total=sum(refunded),
        repeat=plain(repeat_buyers),
        first_orders=plain(first_orders),
        first_experience=plain(first_experience),
        by_domain=rows("domain", HealthDomain),
        by_district=rows("district", District),
    )


# --- funnels ---------------------------------------------------------------------------------------------


@dataclass
class Step:
    label: str
    cell: Cell
    of_first: str  # share of the first step
    of_previous: str  # share of the step before


def _steps(labels: list[str], counts: list[int]) -> list[Step]:
    cells = [guarded(n) for n in counts]
    return [
        Step(label, cell, share(cell, cells[0]), share(cell, cells[i - 1]) if i else "—")
        for i, (label, cell) in enumerate(zip(labels, cells, strict=True))
    ]


def _window_end(name: str) -> ExpressionWrapper:
    return ExpressionWrapper(OuterRef(name) + FUNNEL_WINDOW, output_field=DateTimeField())


def _test_rows(period: Period) -> list[tuple]:
    """The period's health tests per week and kind, with the funnel's steps: (week, kind, taken, opened,
    carted, ordered). One query serves the weekly figures and the funnel."""
    carted = CartLine.objects.filter(
        cart__user=OuterRef("user"),
        added_at__gte=OuterRef("created_at"),
        added_at__lt=_window_end("created_at"),
    )
    ordered = Order.objects.filter(
        user=OuterRef("user"),
        created_at__gte=OuterRef("created_at"),
        created_at__lt=_window_end("created_at"),
    ).exclude(status=Order.Status.CANCELLED)
    opened = Q(recommendation_opened_at__isnull=False)
    carted_q = opened & Q(user__isnull=False) & (Q(has_cart=True) | Q(has_order=True))
    return list(
        Assessment.objects.filter(period.within("created_at"))
        .annotate(
            week=TruncWeek("created_at", tzinfo=SEOUL), has_cart=Exists(carted), has_order=Exists(ordered)
        )
        .order_by()
        .values_list("week", "kind")
        .annotate(
            taken=Count("pk"),
            opened=Count("pk", filter=opened),
            carted=Count("pk", filter=carted_q),
            ordered=Count("pk", filter=carted_q & Q(has_order=True)),
        )
    )


def _test_funnel(test_rows: list[tuple]) -> list[Step]:
    totals = [sum(row[i] for row in test_rows) for i in range(2, 6)]
    return _steps(
        [_("건강 테스트를 함"), _("추천을 열어 봄"), _("30일 안에 장바구니에 담음"), _("30일 안에 주문함")],
        totals,
    )


def _fair_funnel(period: Period) -> list[Step]:
    window = {"created_at__gte": OuterRef("fair__starts_at"), "created_at__lt": _window_end("fair__ends_at")}
    ordered = Order.objects.filter(user=OuterRef("user"), **window).exclude(status=Order.Status.CANCELLED)
    joined = Membership.objects.filter(user=OuterRef("user"), **window).exclude(
        status=Membership.Status.REJECTED
    )
    came = Q(checked_in_at__isnull=False)
    stamped = came & Q(has_stamp=True)
    counts = (
        Registration.objects.filter(period.within("fair__starts_at"))
        .exclude(status=Registration.Status.CANCELLED)
        .annotate(
            has_stamp=Exists(Stamp.objects.filter(registration=OuterRef("pk"))),
            has_order=Exists(ordered),
            has_group=Exists(joined),
        )
        .aggregate(
            registered=Count("pk"),
            came=Count("pk", filter=came),
            stamped=Count("pk", filter=stamped),
            after=Count(
                "pk", filter=stamped & Q(user__isnull=False) & (Q(has_order=True) | Q(has_group=True))
            ),
        )
    )
    return _steps(
        [_("건강상점 방문 등록"), _("입장함"), _("스탬프를 1개 이상 받음"), _("30일 안에 주문·건강반 신청")],
        [counts["registered"], counts["came"], counts["stamped"], counts["after"]],
    )


# --- unmet needs -----------------------------------------------------------------------------------------


@dataclass
class UnmetRow:
    need: str
    domain: str
    district: str
    demand: Cell
    services: int
    groups: int
    score: float = 0.0

    @property
    def offers(self) -> int:
        return self.services + self.groups

    @property
    def per_offer(self) -> str:
        if self.demand.hidden:
            return "—"
        return f"{self.demand.value / max(self.offers, 1):,.1f}"


def _derived_demand(period: Period) -> Counter:
    """Needs per district from the period's tests themselves, counted in the database: a test counts once
    for each need one of the active rules gives for its scale bands, in the district the resident chose
    (or else their account's district). Two queries, whatever the number of tests."""
    rules: dict[int, Q] = {}
    for scale, band, need_id in NeedRule.objects.filter(is_active=True).values_list(
        "scale", "band", "need_id"
    ):
        rules[need_id] = rules.get(need_id, Q(pk__in=[])) | Q(**{f"results__{scale}__band": band})
    district_item = all_items().get("pref-district")
    chosen = [
        When(chosen=str(option.value), then=Value(option.code))
        for option in (district_item.options if district_item else ())
        if option.code
    ]
    counts = {f"need_{need_id}": Count("pk", filter=condition) for need_id, condition in rules.items()}
    demand: Counter = Counter()
    for row in (
        Assessment.objects.filter(period.within("created_at"))
        .annotate(chosen=KeyTextTransform("pref-district", "answers"))
        .annotate(district=Case(*chosen, default=Coalesce(F("user__district"), Value(""))))
        .exclude(district="")
        .order_by()
        .values("district")
        .annotate(tests=Count("pk"), **counts)
    ):
        for need_id in rules:
            if row[f"need_{need_id}"]:
                demand[(need_id, row["district"])] += row[f"need_{need_id}"]
    return demand


def _unmet(period: Period, shot: Snapshot) -> tuple[list[UnmetRow], str]:
    demand: Counter = Counter()
    for need_id, district, shown in (
        RecommendationStat.objects.filter(day__gte=period.start, day__lte=period.end, need__isnull=False)
        .exclude(district="")
        .order_by()
        .values_list("need_id", "district")
        .annotate(shown=Sum("shown"))
    ):
        demand[(need_id, district)] += shown or 0
    source = "stats"
    if not demand:
        demand = _derived_demand(period)
        source = "results"
    district_names = dict(District.choices)
    domain_names = dict(HealthDomain.choices)
    rows = []
    for (need_id, district), n in demand.items():
        if n <= 0 or need_id not in shot.needs:
            continue
        name, domain = shot.needs[need_id]
        row = UnmetRow(
            need=name,
            domain=str(domain_names.get(domain, "")),
            district=str(district_names.get(district, district)),
            demand=guarded(n),
            services=shot.service_offers.get((need_id, district), 0),
            groups=shot.group_offers.get((need_id, district), 0),
        )
        row.score = n / (row.offers + 1)
        rows.append((row, n))
    rows.sort(key=lambda pair: (-pair[0].score, -pair[1], pair[0].need, pair[0].district))
    return [row for row, _n in rows[:UNMET_LIMIT]], source


# --- the page --------------------------------------------------------------------------------------------


@dataclass
class Dashboard:
    period: Period
    weeks: list[dt.date]
    snapshot_at: dt.datetime
    supply: Supply
    demand: Demand
    market: Market
    test_funnel: list[Step]
    fair_funnel: list[Step]
    unmet: list[UnmetRow]
    unmet_source: str
    charts: dict[str, charts.Chart] = field(default_factory=dict)


def week_label(week: dt.date, *, with_year: bool = False) -> str:
    if with_year:
        return _("%(year)s년 %(month)s월 %(day)s일 주") % {
            "year": week.year,
            "month": week.month,
            "day": week.day,
        }
    return _("%(month)s월 %(day)s일 주") % {"month": week.month, "day": week.day}


def _charts(board: Dashboard) -> dict[str, charts.Chart]:
    weeks = board.weeks
    with_year = weeks[0].year != weeks[-1].year
    labels = [week_label(week, with_year=with_year) for week in weeks]
    short = [f"{week.month}/{week.day}" for week in weeks]
    d, m, s = board.demand, board.market, board.supply

    def weekly_desc(what: str, total: Cell) -> str:
        return _(
            "%(weeks)s주 동안 주마다 센 %(what)s. 기간 합계 %(total)s. 숫자는 그래프 아래 표에 있어요."
        ) % {
            "weeks": len(weeks),
            "what": what,
            "total": total,
        }

    def steps_chart(chart_id: str, title: str, steps: list[Step], short: list[str]) -> charts.Chart:
        return charts.bar_chart(
            chart_id=chart_id,
            title=title,
            desc=_("단계마다 남은 수를 막대로 그렸어요. 숫자와 비율은 아래 표에 있어요."),
            labels=[step.label for step in steps],
            axis_labels=short,
            series=[(_("수"), [step.cell.value for step in steps])],
        )

    return {
        "applications": charts.bar_chart(
            chart_id="chart-applications",
            title=_("주별 입점 신청"),
            desc=weekly_desc(_("입점 신청 수"), s.applications.total),
            labels=labels,
            axis_labels=short,
            series=[(_("입점 신청(건)"), s.applications.values)],
        ),
        "residents": charts.bar_chart(
            chart_id="chart-residents",
            title=_("주별 새 주민"),
            desc=weekly_desc(_("새로 가입한 주민 수"), d.residents.total),
            labels=labels,
            axis_labels=short,
            series=[(_("새 주민(명)"), d.residents.values)],
        ),
        "tests": charts.line_chart(
            chart_id="chart-tests",
            title=_("주별 건강 테스트"),
            desc=weekly_desc(_("빠른 테스트와 자세한 테스트 수"), d.tests.total),
            labels=labels,
            axis_labels=short,
            series=[(d.quick.name, d.quick.values), (d.detailed.name, d.detailed.values)],
            texts=[[str(cell) for cell in d.quick.cells], [str(cell) for cell in d.detailed.cells]],
        ),
        "orders": charts.line_chart(
            chart_id="chart-orders",
            title=_("주별 주문과 취소"),
            desc=weekly_desc(_("주문 수와 그 가운데 취소된 수"), m.orders.total),
            labels=labels,
            axis_labels=short,
            series=[(m.orders.name, m.orders.values), (m.cancelled.name, m.cancelled.values)],
        ),
        "paid": charts.bar_chart(
            chart_id="chart-paid",
            title=_("주별 입금액"),
            desc=_(
                "%(weeks)s주 동안 주마다 확인된 입금액. 기간 합계 %(total)s. 숫자는 그래프 아래 표에 있어요."
            )
            % {"weeks": len(weeks), "total": money(m.paid_total)},
            labels=labels,
            axis_labels=short,
            series=[(_("입금액"), m.paid)],
            shown=money,
            axis=lambda v: _("%(n)s만") % {"n": f"{v // 10000:,}"} if v >= 10000 else f"{v:,}",
        ),
        "districts": charts.bar_chart(
            chart_id="chart-districts",
            title=_("구별 공개 기업"),
            desc=_("구마다 공개된 기업 수. 모두 %(total)s곳. 숫자는 그래프 아래 표에 있어요.")
            % {"total": s.providers},
            labels=[label for label, _cell in s.by_district],
            series=[(_("기업(곳)"), [cell.value for _label, cell in s.by_district])],
        ),
        "test_funnel": steps_chart(
            "chart-test-funnel",
            _("건강 테스트에서 주문까지"),
            board.test_funnel,
            [_("테스트"), _("추천 열람"), _("장바구니"), _("주문")],
        ),
        "fair_funnel": steps_chart(
            "chart-fair-funnel",
            _("건강상점에서 주문·건강반까지"),
            board.fair_funnel,
            [_("등록"), _("입장"), _("스탬프"), _("주문·건강반")],
        ),
    }


def build_dashboard(period: Period, *, shot: Snapshot | None = None) -> Dashboard:
    shot = shot or snapshot()
    weeks = period.weeks
    unmet, source = _unmet(period, shot)
    test_rows = _test_rows(period)
    board = Dashboard(
        period=period,
        weeks=weeks,
        snapshot_at=shot.taken_at,
        supply=_supply(period, weeks, shot),
        demand=_demand(period, weeks, test_rows),
        market=_market(period, weeks),
        test_funnel=_test_funnel(test_rows),
        fair_funnel=_fair_funnel(period),
        unmet=unmet,
        unmet_source=source,
    )
    board.charts = _charts(board)
    return board


@never_cache
@login_required
@require_GET
def market_view(request):
    """The cooperative's staff only: an enterprise's member or a resident gets 403."""
    if not user_is_cooperative_staff(request.user):
        raise PermissionDenied
    today = timezone.localdate(timezone=SEOUL)
    context = {
        "start": request.GET.get("start", ""),
        "end": request.GET.get("end", ""),
        "default": default_period(today),
    }
    try:
        period = parse_period(request.GET, today=today)
    except PeriodError as error:
        return render(request, "web/market.html", {**context, "error": error.message}, status=400)
    board = build_dashboard(period)
    context.update(board=board, start=period.start.isoformat(), end=period.end.isoformat())
    return render(request, "web/market.html", context)
