"""The fair report, for the cooperative (every figure) and for a booth's enterprise (its own booth only).

What it counts, for one fair:
- visitors: confirmed, waiting and cancelled parties (and people), who came in, who did not come (after the
  fair), parties by size;
- the booths: program fill (seats booked of seats offered), stamps per booth, complete stamp tours;
- what came after, from the fair's start to 30 days after its end, among the visitors who came in: who has
  an account on the site (the ticket's account, or an account with the same email or phone made in that
  time), who ordered a service (an order by that account or with the same phone, not cancelled), who
  applied to a 건강반 (not refused). Per booth the same among the visitors stamped there, counting only the
  orders and 건강반 of that booth's enterprise.

A fixed number of queries whatever the size of the fair: aggregates and one pass over the rows in Python.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Coalesce, Lower, Replace
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from catalog.selectors import user_is_cooperative_staff, user_provider_ids
from events import selectors as event_selectors
from events.models import Booth, Fair, Program, Registration, Stamp
from groups.models import Membership
from majubom.models import User
from orders.models import Order, OrderLine

AFTER_FAIR = dt.timedelta(days=30)


def _digits(field_name: str):
    return Replace(Replace(F(field_name), Value("-"), Value("")), Value(" "), Value(""))


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


@dataclass
class Conversion:
    visitors: int = 0
    accounts: int = 0
    ordered: int = 0
    joined: int = 0

    @property
    def accounts_share(self) -> str:
        return _share(self.accounts, self.visitors)

    @property
    def ordered_share(self) -> str:
        return _share(self.ordered, self.visitors)

    @property
    def joined_share(self) -> str:
        return _share(self.joined, self.visitors)


@dataclass
class BoothRow:
    booth: Booth
    stamps: int
    conversion: Conversion


@dataclass
class ProgramRow:
    program: Program
    taken: int
    capacity: int

    @property
    def share(self) -> str:
        return _share(self.taken, self.capacity)


@dataclass
class FairReport:
    fair: Fair
    ended: bool
    window_start: dt.datetime
    window_end: dt.datetime
    booths: list[BoothRow]
    programs: list[ProgramRow]
    totals: dict | None = None  # the cooperative's view only
    party_sizes: list[tuple[int, int]] = field(default_factory=list)
    stamp_goal: int = 0
    complete_tours: int = 0
    conversion: Conversion | None = None


def _visitor_links(visitors: list[dict], users: list[dict], start, end) -> dict[int, set[int]]:
    """Each visitor's accounts: the ticket's own, and those with the same email or phone made in the
    window."""
    by_email: dict[str, set[int]] = defaultdict(set)
    by_phone: dict[str, set[int]] = defaultdict(set)
    for user in users:
        if start <= user["date_joined"] < end:
            if user["email_l"]:
                by_email[user["email_l"]].add(user["pk"])
            if user["phone_d"]:
                by_phone[user["phone_d"]].add(user["pk"])
    links = {}
    for visitor in visitors:
        ids = {visitor["user_id"]} if visitor["user_id"] else set()
        if visitor["email_l"]:
            ids |= by_email.get(visitor["email_l"], set())
        if visitor["phone_d"]:
            ids |= by_phone.get(visitor["phone_d"], set())
        links[visitor["pk"]] = ids
    return links


def build_report(fair: Fair, *, provider_ids: frozenset[int] | None = None, now=None) -> FairReport:
    """The report; ``provider_ids`` limits it to those enterprises' booths (no fair totals)."""
    now = now or timezone.now()
    start, end = fair.starts_at, fair.ends_at + AFTER_FAIR
    whole = provider_ids is None

    booths_qs = Booth.objects.filter(fair=fair)
    if whole:
        booths_qs = booths_qs.filter(status=Booth.Status.APPROVED)
    else:
        booths_qs = booths_qs.filter(provider__in=provider_ids, status__in=Booth.LIVE)
    booths = list(
        booths_qs.select_related("provider").annotate(_stamps=Count("stamps")).order_by("number", "pk")
    )
    booth_ids = [b.pk for b in booths]

    programs = [
        ProgramRow(p, p.seats_taken, p.capacity)
        for p in event_selectors.programs_with_seats(Program.objects.filter(booth__in=booth_ids))
    ]

    came = Registration.objects.filter(
        fair=fair, status=Registration.Status.CONFIRMED, checked_in_at__isnull=False
    )
    if not whole:
        came = came.filter(pk__in=Stamp.objects.filter(booth__in=booth_ids).values("registration_id"))
    visitors = [
        {"pk": v["pk"], "user_id": v["user_id"], "email_l": v["email_l"] or "", "phone_d": v["phone_d"] or ""}
        for v in came.annotate(email_l=Lower("email"), phone_d=_digits("phone")).values(
            "pk", "user_id", "email_l", "phone_d"
        )
    ]
    stamped: dict[int, set[int]] = defaultdict(set)  # booth → visitors who came in and were stamped there
    for registration_id, booth_id in Stamp.objects.filter(
        booth__in=booth_ids, registration__in=came.values("pk")
    ).values_list("registration_id", "booth_id"):
        stamped[booth_id].add(registration_id)

    links: dict[int, set[int]] = {}
    ordered: dict[int, set[int]] = {}  # visitor → enterprises they ordered from
    joined: dict[int, set[int]] = {}  # visitor → enterprises whose 건강반 they applied to
    if visitors:
        in_window = Q(date_joined__gte=start, date_joined__lt=end)
        accounts = User.objects.annotate(email_l=Lower("email"), phone_d=_digits("phone")).filter(
            Q(pk__in=came.filter(user__isnull=False).values("user_id"))
            | (in_window & Q(email_l__in=came.exclude(email="").annotate(e=Lower("email")).values("e")))
            | (in_window & Q(phone_d__in=came.annotate(p=_digits("phone")).values("p")))
        )
        users = list(accounts.values("pk", "email_l", "phone_d", "date_joined"))
        links = _visitor_links(visitors, users, start, end)
        user_ids = accounts.values("pk")

        by_user: dict[int, set[int]] = defaultdict(set)
        by_phone: dict[str, set[int]] = defaultdict(set)
        lines = (
            OrderLine.objects.filter(order__created_at__gte=start, order__created_at__lt=end)
            .exclude(order__status=Order.Status.CANCELLED)
            .annotate(phone_d=_digits("order__phone"))
            .filter(
                Q(order__user__in=user_ids) | Q(phone_d__in=came.annotate(p=_digits("phone")).values("p"))
            )
            .values_list("order__user_id", "phone_d", "provider_id")
            .distinct()
        )
        for user_id, phone_d, provider_id in lines:
            by_user[user_id].add(provider_id)
            by_phone[phone_d].add(provider_id)

        memberships: dict[int, set[int]] = defaultdict(set)
        for user_id, provider_id in (
            Membership.objects.filter(user__in=user_ids, created_at__gte=start, created_at__lt=end)
            .exclude(status=Membership.Status.REJECTED)
            .values_list("user_id", "group__provider_id")
            .distinct()
        ):
            memberships[user_id].add(provider_id)

        for visitor in visitors:
            ids = links[visitor["pk"]]
            ordered[visitor["pk"]] = set().union(
                by_phone.get(visitor["phone_d"], set()), *(by_user[i] for i in ids)
            )
            joined[visitor["pk"]] = set().union(*(memberships[i] for i in ids))

    def conversion(visitor_ids, provider_id=None) -> Conversion:
        result = Conversion(visitors=len(visitor_ids))
        for pk in visitor_ids:
            result.accounts += bool(links.get(pk))
            bought, groups = ordered.get(pk, set()), joined.get(pk, set())
            result.ordered += bool(bought) if provider_id is None else provider_id in bought
            result.joined += bool(groups) if provider_id is None else provider_id in groups
        return result

    report = FairReport(
        fair=fair,
        ended=now >= fair.ends_at,
        window_start=start,
        window_end=end,
        booths=[BoothRow(b, b._stamps, conversion(stamped.get(b.pk, set()), b.provider_id)) for b in booths],
        programs=programs,
    )
    if not whole:
        return report

    confirmed = Q(status=Registration.Status.CONFIRMED)
    waiting = Q(status=Registration.Status.WAITLISTED)
    inside = confirmed & Q(checked_in_at__isnull=False)
    absent = confirmed & Q(checked_in_at__isnull=True)
    report.totals = Registration.objects.filter(fair=fair).aggregate(
        confirmed=Count("pk", filter=confirmed),
        confirmed_people=Coalesce(Sum("party_size", filter=confirmed), 0),
        waiting=Count("pk", filter=waiting),
        waiting_people=Coalesce(Sum("party_size", filter=waiting), 0),
        cancelled=Count("pk", filter=Q(status=Registration.Status.CANCELLED)),
        checked_in=Count("pk", filter=inside),
        checked_in_people=Coalesce(Sum("party_size", filter=inside), 0),
        walk_ins=Count("pk", filter=confirmed & Q(source=Registration.Source.DOOR)),
        no_shows=Count("pk", filter=absent),
        no_show_people=Coalesce(Sum("party_size", filter=absent), 0),
    )
    report.party_sizes = list(
        Registration.objects.filter(fair=fair, status=Registration.Status.CONFIRMED)
        .values("party_size")
        .annotate(n=Count("pk"))
        .order_by("party_size")
        .values_list("party_size", "n")
    )
    report.stamp_goal = event_selectors.stamp_goal(fair, len(booths))
    report.complete_tours = (
        Registration.objects.filter(fair=fair, status=Registration.Status.CONFIRMED)
        .annotate(n=Count("stamps", filter=Q(stamps__booth__in=booth_ids)))
        .filter(n__gte=report.stamp_goal)
        .count()
    )
    report.conversion = conversion([v["pk"] for v in visitors])
    return report


@login_required
@require_GET
def fair_report_view(request, slug: str):
    """The cooperative sees the whole fair; an enterprise member sees only its own booth at this fair;
    anyone else (residents, members with no booth here) is refused."""
    user = request.user
    if not user.is_staff or not user.is_active:
        raise PermissionDenied
    fair = get_object_or_404(Fair, slug=slug)
    if user_is_cooperative_staff(user):
        provider_ids = None
    else:
        provider_ids = user_provider_ids(user)
        if (
            not provider_ids
            or not Booth.objects.filter(fair=fair, provider__in=provider_ids, status__in=Booth.LIVE).exists()
        ):
            raise PermissionDenied
    report = build_report(fair, provider_ids=provider_ids)
    return render(
        request, "web/fair_report.html", {"report": report, "fair": fair, "whole": provider_ids is None}
    )
