"""Reads for the 건강상점 pages: each carries its own prefetches, so a page costs the same few queries
whatever the number of booths, programs and registrations."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from catalog.models import Provider, Service
from majubom import offers

from .models import Booth, Fair, Program, ProgramBooking, Registration, Stamp


def map_links(address: str) -> dict[str, str]:
    if not address:
        return {}
    return {
        "kakao": f"https://map.kakao.com/?q={quote(address)}",
        "naver": f"https://map.naver.com/p/search/{quote(address)}",
    }


def public_fair(*, slug: str) -> Fair:
    return get_object_or_404(Fair.objects.exclude(status=Fair.Status.DRAFT), slug=slug)


def programs_with_seats(queryset) -> list[Program]:
    """Programs with ``seats_taken`` and ``seats_left``."""
    programs = list(
        queryset.select_related("booth", "booth__provider")
        .annotate(
            seats_taken=Coalesce(
                Sum("bookings__seats", filter=Q(bookings__status=ProgramBooking.Status.BOOKED)), 0
            )
        )
        .order_by("starts_at", "booth__number", "pk")
    )
    for program in programs:
        program.seats_left = max(program.capacity - program.seats_taken, 0)
    return programs


def fair_programs(fair: Fair) -> list[Program]:
    return programs_with_seats(Program.objects.filter(booth__fair=fair, booth__status=Booth.Status.APPROVED))


@dataclass
class FairCounts:
    confirmed_people: int
    confirmed: int
    waiting_parties: int
    waiting_people: int
    checked_in_people: int
    checked_in: int
    places_left: int


def fair_counts(fair: Fair) -> FairCounts:
    row = Registration.objects.filter(fair=fair).aggregate(
        confirmed_people=Coalesce(Sum("party_size", filter=Q(status=Registration.Status.CONFIRMED)), 0),
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        waiting_parties=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        waiting_people=Coalesce(Sum("party_size", filter=Q(status=Registration.Status.WAITLISTED)), 0),
        checked_in_people=Coalesce(
            Sum(
                "party_size",
                filter=Q(status=Registration.Status.CONFIRMED, checked_in_at__isnull=False),
            ),
            0,
        ),
        checked_in=Count("pk", filter=Q(status=Registration.Status.CONFIRMED, checked_in_at__isnull=False)),
    )
    return FairCounts(**row, places_left=max(fair.visitor_capacity - row["confirmed_people"], 0))


def fair_booths(fair: Fair) -> list[Booth]:
    return list(
        Booth.objects.filter(fair=fair, status=Booth.Status.APPROVED)
        .select_related("provider")
        .prefetch_related("needs")
        .order_by("zone", "number", "pk")
    )


@dataclass
class TicketPage:
    registration: Registration
    fair: Fair
    bookings: list[ProgramBooking]
    programs: list[Program]
    stamps: list[Stamp]
    booth_count: int
    place_in_line: int | None = None
    booked_ids: set[int] = field(default_factory=set)


def ticket(*, slug: str, secret: str) -> TicketPage:
    """A ticket by its secret (and its fair's slug: a secret with another fair's slug is a 404)."""
    registration = get_object_or_404(
        Registration.objects.select_related("fair"), secret=secret, fair__slug=slug
    )
    fair = registration.fair
    bookings = list(
        registration.bookings.filter(status=ProgramBooking.Status.BOOKED)
        .select_related("program", "program__booth", "program__booth__provider")
        .order_by("program__starts_at")
    )
    stamps = list(registration.stamps.select_related("booth", "booth__provider").order_by("created_at"))
    booth_count = Booth.objects.filter(fair=fair, status=Booth.Status.APPROVED).count()
    from .services import place_in_line

    page = TicketPage(
        registration=registration,
        fair=fair,
        bookings=bookings,
        programs=fair_programs(fair),
        stamps=stamps,
        booth_count=booth_count,
        place_in_line=place_in_line(registration),
    )
    page.booked_ids = {b.program_id for b in bookings}
    return page


def stamp_goal(fair: Fair, booth_count: int) -> int:
    return max(1, min(fair.stamp_goal, booth_count or fair.stamp_goal))


def registration_for_session(request, fair: Fair | int) -> Registration | None:
    """The ticket this visitor opened on this device (kept in the session), or the logged-in resident's."""
    fair_id = fair if isinstance(fair, int) else fair.pk
    if not request.user.is_authenticated and not request.session.session_key:
        return None  # a first visit: nothing to look up
    pk = (request.session.get("fair_tickets") or {}).get(str(fair_id))
    qs = Registration.objects.filter(fair_id=fair_id).exclude(status=Registration.Status.CANCELLED)
    if pk:
        found = qs.filter(pk=pk).first()
        if found:
            return found
    if request.user.is_authenticated:
        return qs.filter(user=request.user).first()
    return None


def next_fair_for_home(now=None) -> Fair | None:
    """The fair whose registration is open now (or opens soon), for the home page and the test results."""
    now = now or timezone.now()
    return (
        Fair.objects.filter(status=Fair.Status.PUBLISHED, registration_closes__gt=now, ends_at__gt=now)
        .order_by("starts_at")
        .first()
    )


def programs_for_needs(fair: Fair, need_ids, *, limit: int = 3) -> list[Program]:
    """The fair's programs (with seats left, not started) whose needs match the resident's."""
    if not need_ids:
        return []
    now = timezone.now()
    qs = Program.objects.filter(
        booth__fair=fair, booth__status=Booth.Status.APPROVED, needs__in=list(need_ids), starts_at__gt=now
    ).distinct()
    programs = [p for p in programs_with_seats(qs.prefetch_related("needs")) if p.seats_left]
    return programs[:limit]


@dataclass
class FollowupPick:
    provider: Provider
    services: list[Service]
    groups: list


def followup_picks(registration: Registration, *, per_provider: int = 3) -> list[FollowupPick]:
    """The enterprises of the booths a visitor stamped: their published services (experience products
    first) and their recruiting 건강반."""
    provider_ids = list(
        registration.stamps.filter(booth__provider__is_published=True)
        .order_by("created_at")
        .values_list("booth__provider_id", flat=True)
    )
    if not provider_ids:
        return []
    providers = {p.pk: p for p in Provider.objects.filter(pk__in=provider_ids)}
    services: dict[int, list[Service]] = {}
    for service in (
        Service.objects.published()
        .filter(provider_id__in=provider_ids)
        .order_by("-is_experience", "price", "pk")
    ):
        mine = services.setdefault(service.provider_id, [])
        if len(mine) < per_provider:
            mine.append(service)
    groups = offers.of_providers("groups", provider_ids)
    return [
        FollowupPick(providers[pk], services.get(pk, []), groups.get(pk, []))
        for pk in dict.fromkeys(provider_ids)
        if pk in providers
    ]
