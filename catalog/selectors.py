"""Reads that pages share. Each carries its own select_related/prefetch_related, so a page costs the same
few queries whatever the size of the catalogue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramSimilarity, TrigramWordSimilarity
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import Need, Provider, ProviderMember, Service, ServiceImage, Slot


class ServiceSort:
    RECOMMENDED = "recommended"
    NEWEST = "newest"
    PRICE = "price"
    CHOICES = (RECOMMENDED, NEWEST, PRICE)


@dataclass(frozen=True)
class ServiceFilters:
    domain: str = ""
    need: str = ""
    district: str = ""
    delivery: str = ""
    experience: bool = False
    available: bool = False
    price_max: int | None = None
    q: str = ""
    sort: str = ServiceSort.RECOMMENDED

    def as_query(self) -> QueryDict:
        """The filters as a canonical query string: only the values that were understood, in a fixed
        order. Cache keys and page links are built from it, so junk or tracking parameters in the address
        neither create new cache entries nor leak into the links."""
        query = QueryDict(mutable=True)
        values = [
            ("q", self.q),
            ("domain", self.domain),
            ("need", self.need),
            ("district", self.district),
            ("delivery", self.delivery),
            ("price_max", "" if self.price_max is None else str(self.price_max)),
            ("experience", "1" if self.experience else ""),
            ("available", "1" if self.available else ""),
            ("sort", "" if self.sort == ServiceSort.RECOMMENDED else self.sort),
        ]
        for name, value in values:
            if value:
                query[name] = value
        return query

    def active_count(self) -> int:
        """How many narrowing filters are set (search and sort are not counted)."""
        values = [self.domain, self.need, self.district, self.delivery, self.experience, self.available]
        return sum(bool(v) for v in values) + (self.price_max is not None)


# --- who sees what in the admin --------------------------------------------------------------------------


def user_is_cooperative_staff(user) -> bool:
    """마주봄 협동조합 staff: superusers and holders of ``catalog.moderate_catalog``."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and (user.is_superuser or user.has_perm("catalog.moderate_catalog"))
    )


def user_provider_ids(user) -> frozenset[int]:
    """The providers whose listings ``user`` manages as a member."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_provider_ids_cache", None)
    if cached is None:
        cached = frozenset(ProviderMember.objects.filter(user=user).values_list("provider_id", flat=True))
        user._provider_ids_cache = cached
    return cached


# --- public pages ----------------------------------------------------------------------------------------


def _bookable_slots(now) -> QuerySet:
    return Slot.objects.filter(service=OuterRef("pk"), starts_at__gt=now, booked__lt=F("capacity"))


def service_cards(queryset: QuerySet, *, now=None, with_needs: bool = False) -> QuerySet:
    """What a service card shows: provider, first pictures, the next time with seats left; and the needs
    when the caller explains a recommendation with them."""
    now = now or timezone.now()
    prefetch = [
        Prefetch("images", queryset=ServiceImage.objects.filter(is_pending=False).order_by("position", "pk"))
    ]
    if with_needs:
        prefetch.append(Prefetch("needs", queryset=Need.objects.order_by("name")))
    return (
        queryset.select_related("provider")
        .prefetch_related(*prefetch)
        .annotate(next_slot_at=Subquery(_bookable_slots(now).order_by("starts_at").values("starts_at")[:1]))
    )


def service_list(*, filters: ServiceFilters, now=None) -> QuerySet:
    """Published services of published providers, filtered, searched and sorted for ``/services/``."""
    now = now or timezone.now()
    qs = Service.objects.published()
    if filters.domain:
        qs = qs.filter(domain=filters.domain)
    if filters.need:
        qs = qs.filter(
            Exists(Need.services.through.objects.filter(service=OuterRef("pk"), need__slug=filters.need))
        )
    if filters.district:
        qs = qs.filter(provider__district=filters.district)
    if filters.delivery:
        qs = qs.filter(delivery=filters.delivery)
    if filters.experience:
        qs = qs.filter(is_experience=True)
    if filters.price_max is not None:
        qs = qs.filter(price__lte=filters.price_max)
    if filters.available:
        qs = qs.filter(Exists(_bookable_slots(now)) | Q(stock__gt=0))

    order: list = []
    if filters.q:
        qs, rank = _search(qs, filters.q)
        qs = qs.annotate(search_rank=rank)
        order.append(F("search_rank").desc())
    if filters.sort == ServiceSort.PRICE:
        order += ["price", "title", "pk"]
    elif filters.sort == ServiceSort.NEWEST:
        order += [F("published_at").desc(nulls_last=True), "-pk"]
    else:
        order += ["-is_experience", F("published_at").desc(nulls_last=True), "-pk"]
    return service_cards(qs.order_by(*order), now=now)


FUZZY_MIN_LENGTH = 3


def _search(qs: QuerySet, q: str):
    """Korean text search over title, summary, provider name and needs.

    Every engine finds plain substrings (so 요가, 상담, 돌봄 work everywhere) and ranks a title match
    above a summary match above the rest. On PostgreSQL the rank adds the trigram similarity of the
    title (a short exact title first), and when nothing contains the words, pg_trgm's word similarity on
    the indexed title finds near matches (a typo, different spacing) instead of an empty page.
    """
    need_match = Exists(Need.services.through.objects.filter(service=OuterRef("pk"), need__name__ilike=q))
    match = Q(title__ilike=q) | Q(summary__ilike=q) | Q(provider__name__ilike=q) | Q(need_match)
    rank = Case(
        When(title__ilike=q, then=Value(2.0)),
        When(summary__ilike=q, then=Value(1.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    if connection.vendor != "postgresql":
        return qs.filter(match), rank
    if len(q) >= FUZZY_MIN_LENGTH and not qs.filter(match).exists():
        return qs.filter(title__trigram_word_similar=q), TrigramWordSimilarity(q, "title")
    return qs.filter(match), rank + TrigramSimilarity("title", q)


@dataclass(frozen=True)
class ServicePage:
    service: Service  # with its provider
    images: list[ServiceImage]
    needs: list[Need]
    slots: list[Slot]  # the next upcoming times, full ones included


def service_page(*, slug: str, slot_limit: int = 12, now=None) -> ServicePage:
    """What a published service's page shows about it, or 404. Four plain queries: for a single row they
    cost less than prefetching."""
    service = get_object_or_404(Service.objects.published().select_related("provider"), slug=slug)
    return ServicePage(
        service=service,
        images=list(
            ServiceImage.objects.filter(service=service, is_pending=False).order_by("position", "pk")
        ),
        needs=list(Need.objects.filter(services=service).order_by("name")),
        slots=list(Slot.objects.filter(service=service).upcoming(now).order_by("starts_at")[:slot_limit]),
    )


def service_ids_for_slug(*, slug: str) -> tuple[int, int] | None:
    """(service id, provider id) of the listing at ``slug`` — what its cached page is keyed by."""
    return Service.objects.filter(slug=slug).values_list("pk", "provider_id").first()


def services_of_provider(*, provider: Provider, exclude: Service | None = None, limit: int | None = None):
    qs = service_cards(
        Service.objects.published().filter(provider=provider).order_by("-is_experience", "title")
    )
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return qs[:limit] if limit else qs


def home_experience_services(*, limit: int = 6, now=None) -> list[Service]:
    return list(
        service_cards(
            Service.objects.published().filter(is_experience=True).order_by("price", "-published_at"), now=now
        )[:limit]
    )


def home_upcoming_slots(*, limit: int = 6, now=None) -> list[Slot]:
    """The next times with free seats across the published catalogue, at most one per service.

    Reads the next few dozen slots in time order (an index range scan) and keeps each service's first;
    on a busy market that fills the list, on a quiet one it shows what there is.
    """
    now = now or timezone.now()
    candidates = (
        Slot.objects.filter(
            starts_at__gt=now,
            starts_at__lte=now + dt.timedelta(days=21),
            booked__lt=F("capacity"),
            service__status=Service.Status.PUBLISHED,
            service__provider__is_published=True,
        )
        .select_related("service", "service__provider")
        .order_by("starts_at")[: limit * 10]
    )
    chosen: dict[int, Slot] = {}
    for slot in candidates:
        chosen.setdefault(slot.service_id, slot)
        if len(chosen) == limit:
            break
    return list(chosen.values())


def need_choices() -> list[Need]:
    return list(Need.objects.order_by("domain", "name"))


def provider_list(*, kind: str = "", district: str = "", domain: str = "") -> QuerySet:
    published_services = Q(services__status=Service.Status.PUBLISHED)
    if domain:
        published_services &= Q(services__domain=domain)
    qs = Provider.objects.filter(is_published=True).annotate(
        service_count=Count("services", filter=published_services, distinct=True)
    )
    if kind:
        qs = qs.filter(kind=kind)
    if district:
        qs = qs.filter(district=district)
    if domain:
        qs = qs.filter(service_count__gt=0)
    return qs.order_by("name")


def provider_detail(*, slug: str) -> Provider:
    return get_object_or_404(Provider.objects.filter(is_published=True), slug=slug)
