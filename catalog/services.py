"""Every change to the catalogue goes through these functions (admin, commands and tests alike)."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from majubom.errors import MajubomError

from .cache import catalog_changed_now_and_on_commit
from .images import image_process
from .models import Provider, Service, ServiceImage, Slot
from .selectors import user_is_cooperative_staff


class NotAllowed(MajubomError):
    pass


class InvalidTransition(MajubomError):
    pass


def service_slug_generate(*, provider: Provider) -> str:
    """Korean titles make no ASCII slug, so a new listing gets the provider's slug and a short code."""
    while True:
        slug = f"{provider.slug}-{uuid.uuid4().hex[:6]}"
        if not Service.objects.filter(slug=slug).exists():
            return slug


def service_submit_for_review(*, service: Service, by) -> Service:
    """A provider member asks the cooperative to publish a draft (작성 중 → 검토 요청)."""
    updated = Service.objects.filter(pk=service.pk, status=Service.Status.DRAFT).update(
        status=Service.Status.PENDING_REVIEW, updated_at=timezone.now()
    )
    if not updated:
        raise InvalidTransition(_("작성 중인 서비스만 검토를 요청할 수 있어요."))
    service.refresh_from_db(fields=["status", "updated_at"])
    return service


def service_publish(*, service: Service, by) -> Service:
    """The cooperative approves a listing (검토 요청 or 작성 중 → 공개)."""
    if not user_is_cooperative_staff(by):
        raise NotAllowed(_("서비스 공개는 마주봄 협동조합만 할 수 있어요."))
    now = timezone.now()
    updated = Service.objects.filter(
        pk=service.pk, status__in=[Service.Status.DRAFT, Service.Status.PENDING_REVIEW]
    ).update(status=Service.Status.PUBLISHED, published_at=now, updated_at=now)
    if not updated:
        raise InvalidTransition(_("이미 공개했거나 보관한 서비스예요."))
    catalog_changed_now_and_on_commit()
    service.refresh_from_db(fields=["status", "published_at", "updated_at"])
    return service


def service_archive(*, service: Service, by) -> Service:
    """Take a listing off the market (any state → 보관); it stays in the admin for the record."""
    Service.objects.filter(pk=service.pk).update(status=Service.Status.ARCHIVED, updated_at=timezone.now())
    catalog_changed_now_and_on_commit()
    service.refresh_from_db(fields=["status", "updated_at"])
    return service


def provider_set_published(*, provider: Provider, by, published: bool) -> Provider:
    if not user_is_cooperative_staff(by):
        raise NotAllowed(_("기업 공개 승인은 마주봄 협동조합만 할 수 있어요."))
    Provider.objects.filter(pk=provider.pk).update(is_published=published, updated_at=timezone.now())
    catalog_changed_now_and_on_commit()
    provider.refresh_from_db(fields=["is_published", "updated_at"])
    return provider


def service_image_prepare(*, image: ServiceImage, upload) -> ServiceImage:
    """Validate and re-encode ``upload`` into ``image``'s files (original without EXIF, card and detail
    renditions) without saving the row. Raises ValidationError with a Korean message for a bad file."""
    processed = image_process(upload)
    image.image.save(processed.original.name, processed.original, save=False)
    image.card.save(processed.card.name, processed.card, save=False)
    image.detail.save(processed.detail.name, processed.detail, save=False)
    return image


def service_image_store(*, image: ServiceImage, upload) -> ServiceImage:
    service_image_prepare(image=image, upload=upload)
    image.save()
    return image


def slots_repeat_weekly(
    *,
    service: Service,
    weekdays: list[int],
    start_time: dt.time,
    end_time: dt.time,
    first_date: dt.date,
    weeks: int,
    capacity: int,
) -> list[Slot]:
    """Create the slots of a weekly schedule, e.g. Tue and Thu 10:00–11:00 for 8 weeks.

    Times are Asia/Seoul wall-clock times. Slots that already exist at the same start are left as they
    are, so running the same schedule twice creates nothing new.
    """
    if end_time <= start_time:
        raise MajubomError(_("끝나는 시간은 시작 시간보다 늦어야 해요."))
    if not 1 <= weeks <= 52:
        raise MajubomError(_("반복 주 수는 1에서 52 사이로 정해 주세요."))
    if capacity < 1:
        raise MajubomError(_("정원은 1명 이상이어야 해요."))
    tz = timezone.get_current_timezone()
    now = timezone.now()
    wanted = []
    for day in range(weeks * 7):
        date = first_date + dt.timedelta(days=day)
        if date.weekday() in weekdays:
            starts = dt.datetime.combine(date, start_time, tzinfo=tz)
            if starts > now:
                wanted.append((starts, dt.datetime.combine(date, end_time, tzinfo=tz)))
    with transaction.atomic():
        existing = set(
            Slot.objects.filter(service=service, starts_at__in=[s for s, _e in wanted]).values_list(
                "starts_at", flat=True
            )
        )
        new = [
            Slot(service=service, starts_at=starts, ends_at=ends, capacity=capacity)
            for starts, ends in wanted
            if starts not in existing
        ]
        created = Slot.objects.bulk_create(new)
        catalog_changed_now_and_on_commit()
        return created
