"""The demo and benchmark catalogues, built from ``demo/data/providers/*.json`` (fictional Daejeon
enterprises).

``seed_catalog`` is idempotent: rows are found by slug, images and slots are only added where a service
has none. ``seed_benchmark`` bulk-inserts a large catalogue (``bench-`` slugs) for query and load tests.
"""

from __future__ import annotations

import datetime as dt
import io
import random

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from catalog.models import Need, Provider, ProviderMember, Service, ServiceImage, Slot
from catalog.services import service_image_store, slots_repeat_weekly
from catalog.vocabulary import needs_ensure
from majubom import pagecache

from .loader import ServiceSpec, load

DOMAIN_COLOURS = {
    "physical": ((15, 122, 105), (223, 243, 234)),
    "mental": ((82, 70, 170), (232, 230, 248)),
    "social": ((196, 98, 45), (253, 233, 220)),
    "education": ((40, 104, 170), (225, 238, 251)),
    "economic": ((170, 128, 10), (251, 241, 207)),
}


def demo_picture(*, seed: str, domain: str) -> ContentFile:
    """A soft abstract picture in the domain's colours (no downloads, no fonts needed)."""
    rng = random.Random(seed)
    strong, light = DOMAIN_COLOURS.get(domain, DOMAIN_COLOURS["physical"])
    image = Image.new("RGB", (800, 600), light)
    draw = ImageDraw.Draw(image)
    for _ in range(7):
        radius = rng.randint(80, 260)
        x, y = rng.randint(-80, 880), rng.randint(-80, 680)
        mix = rng.uniform(0.25, 0.7)
        colour = tuple(int(light[i] * (1 - mix) + strong[i] * mix) for i in range(3))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name=f"{seed}.jpg")


def seed_catalog(*, owners: dict[str, object], now=None) -> dict[str, int]:
    """Create the demo catalogue; ``owners`` maps account keys ("owner1", "owner2") to users. Returns what
    was created."""
    now = now or timezone.now()
    data = load()
    created = {"providers": 0, "services": 0, "slots": 0, "images": 0}
    with transaction.atomic():
        needs_ensure()
        needs = {need.slug: need for need in Need.objects.all()}
        for spec in data.providers:
            provider, new = Provider.objects.get_or_create(slug=spec.slug, defaults=spec.model_fields())
            created["providers"] += new
            owner = owners.get(spec.owner or "")
            if owner is not None:
                ProviderMember.objects.get_or_create(
                    provider=provider, user=owner, defaults={"role": ProviderMember.Role.OWNER}
                )
            for index, s_spec in enumerate(spec.services):
                created["services"] += _seed_service(provider, s_spec, index, needs, now)
    # Pictures and slots after the rows exist; both are skipped where they already exist.
    for service in Service.objects.filter(provider__slug__in=[p.slug for p in data.providers]):
        if not service.images.exists():
            picture = demo_picture(seed=service.slug, domain=service.domain)
            service_image_store(
                image=ServiceImage(service=service, alt_text=f"{service.title} 안내 그림", position=0),
                upload=picture,
            )
            created["images"] += 1
    for s_spec in data.services:
        created["slots"] += _seed_slots(s_spec, now)
    pagecache.changed(pagecache.SITE)
    return created


def _seed_service(provider: Provider, spec: ServiceSpec, index: int, needs: dict, now) -> bool:
    published = spec.status == Service.Status.PUBLISHED
    fields = {
        **spec.model_fields(),
        "provider": provider,
        "status": spec.status,
        "published_at": now - dt.timedelta(days=index * 3 + len(spec.slug) % 17) if published else None,
    }
    service, new = Service.objects.get_or_create(slug=spec.slug, defaults=fields)
    if new:
        service.needs.set([needs[slug] for slug in spec.needs if slug in needs])
    return new


def _seed_slots(spec: ServiceSpec, now) -> int:
    schedule = spec.schedule
    if schedule is None:
        return 0
    service = Service.objects.get(slug=spec.slug)
    if service.slots.filter(starts_at__gt=now).exists():
        return 0
    slots = slots_repeat_weekly(
        service=service,
        weekdays=list(schedule.weekdays),
        start_time=schedule.start_time,
        end_time=schedule.end_time,
        first_date=timezone.localdate(now),
        weeks=4,
        capacity=schedule.capacity,
    )
    # Some seats are already taken, and the odd time is full, as on a real market.
    rng = random.Random(spec.slug)
    for slot in slots:
        roll = rng.random()
        slot.booked = slot.capacity if roll < 0.1 else int(slot.capacity * rng.uniform(0, 0.7))
    Slot.objects.bulk_update(slots, ["booked"])
    return len(slots)


# --- benchmark data ---------------------------------------------------------------------------------------


def seed_benchmark(
    *, services: int, slots_per_service: int = 7, batch: int = 2000, now=None
) -> dict[str, int]:
    """Bulk-insert a large catalogue: ``services`` published services over services/20 providers.

    Titles, summaries and needs are recombined from the demo data so Korean search behaves as on real
    listings. Reuses what exists: only the missing ``bench-`` rows are added.
    """
    now = now or timezone.now()
    rng = random.Random(20261125)
    provider_count = max(services // 20, 1)
    needs_ensure()
    needs = {need.slug: need for need in Need.objects.all()}
    bases = load().providers
    templates = list(load().services)

    existing_providers = set(
        Provider.objects.filter(slug__startswith="bench-").values_list("slug", flat=True)
    )
    new_providers = []
    for i in range(provider_count):
        slug = f"bench-p{i:05d}"
        if slug in existing_providers:
            continue
        base = bases[i % len(bases)]
        new_providers.append(
            Provider(
                name=f"{base.name} {i // len(bases) + 1}호점",
                slug=slug,
                kind=base.kind,
                district=base.district,
                address=base.address,
                phone=base.phone,
                email=base.email,
                description=base.description,
                is_published=True,
            )
        )
    Provider.objects.bulk_create(new_providers, batch_size=batch)
    providers = list(Provider.objects.filter(slug__startswith="bench-").order_by("slug"))

    existing_services = set(Service.objects.filter(slug__startswith="bench-").values_list("slug", flat=True))
    new_services = []
    for i in range(services):
        slug = f"bench-s{i:06d}"
        if slug in existing_services:
            continue
        spec = templates[i % len(templates)]
        new_services.append(
            Service(
                **{**spec.model_fields(), "title": f"{spec.title} ({i // len(templates) + 1})"},
                provider=providers[i % len(providers)],
                slug=slug,
                status=Service.Status.PUBLISHED,
                published_at=now - dt.timedelta(minutes=i),
            )
        )
    Service.objects.bulk_create(new_services, batch_size=batch)
    created_slugs = {s.slug for s in new_services}
    fresh = list(Service.objects.filter(slug__in=created_slugs).values_list("pk", "slug"))
    spec_by_index = {f"bench-s{i:06d}": templates[i % len(templates)] for i in range(services)}

    through = Service.needs.through
    links, slots = [], []
    tz = timezone.get_current_timezone()
    today = timezone.localdate(now)
    for pk, slug in fresh:
        spec = spec_by_index[slug]
        for need_slug in spec.needs:
            if need_slug in needs:
                links.append(through(service_id=pk, need_id=needs[need_slug].pk))
        schedule = spec.schedule
        if schedule is None:
            continue
        for n in range(slots_per_service):
            day = today + dt.timedelta(days=1 + n * 3 + rng.randint(0, 2))
            starts = dt.datetime.combine(day, schedule.start_time, tzinfo=tz)
            slots.append(
                Slot(
                    service_id=pk,
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(minutes=schedule.minutes),
                    capacity=schedule.capacity,
                    booked=rng.randint(0, schedule.capacity),
                )
            )
    through.objects.bulk_create(links, batch_size=batch * 5, ignore_conflicts=True)
    Slot.objects.bulk_create(slots, batch_size=batch * 5, ignore_conflicts=True)
    # Each listing shows the picture of the demo listing it copies (the same stored files, no new uploads).
    pictures = {}
    demo_pictures = ServiceImage.objects.filter(service__slug__in={spec.slug for spec in templates})
    for image in demo_pictures.select_related("service").order_by("-position", "-pk"):
        pictures[image.service.slug] = image
    ServiceImage.objects.bulk_create(
        [
            ServiceImage(
                service_id=pk,
                image=picture.image.name,
                card=picture.card.name,
                detail=picture.detail.name,
                alt_text=picture.alt_text,
                position=0,
            )
            for pk, slug in fresh
            if (picture := pictures.get(spec_by_index[slug].slug))
        ],
        batch_size=batch,
    )
    pagecache.changed(pagecache.SITE)
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum would soon have them: the planner needs them after a bulk load.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"providers": len(new_providers), "services": len(new_services), "slots": len(slots)}
