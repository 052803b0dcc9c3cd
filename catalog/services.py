"""Every change to the catalogue goes through these functions (admin, commands and tests alike). Those that
staff or an enterprise call take ``by`` and record it (``majubom.audit``); each announces which cached
pages it made stale (``majubom.pagecache``)."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from majubom import audit, pagecache
from majubom.errors import MajubomError

from .images import image_process
from .models import Provider, Service, ServiceChange, ServiceImage, Slot
from .selectors import user_is_cooperative_staff, user_provider_ids


class NotAllowed(MajubomError):
    pass


class InvalidTransition(MajubomError):
    pass


# --- what changed, for the page cache ------------------------------------------------------------------


def service_announce(*, service: Service) -> None:
    """A listing changed (text, price, pictures, times, state): its page, its provider's cards and the
    lists that show it are stale."""
    pagecache.changed(
        pagecache.service(service.pk), pagecache.provider(service.provider_id), pagecache.LISTING
    )


def provider_announce(*, provider_id: int) -> None:
    """An enterprise changed: its page, every page of its services and the lists are stale."""
    pagecache.changed(pagecache.provider(provider_id), pagecache.LISTING)


def seats_changed(*, service_ids, provider_ids=(), availability_changed: bool = False) -> None:
    """Bookings took or gave back seats or stock of these services (called by the app that booked them).

    Only those services' pages show seat counts, so only they go stale; their providers' cards and the
    lists show just whether and when something is open, so they go stale only when a time or a stock
    went from open to full or back (``availability_changed``)."""
    scopes = [pagecache.service(pk) for pk in sorted(set(service_ids))]
    if availability_changed:
        scopes += [pagecache.provider(pk) for pk in sorted(set(provider_ids))]
        scopes.append(pagecache.LISTING)
    pagecache.changed(*scopes)


# --- listings ------------------------------------------------------------------------------------------

SERVICE_FIELD_NAMES = {
    "provider",
    "title",
    "slug",
    "summary",
    "description",
    "domain",
    "delivery",
    "price",
    "unit",
    "duration_minutes",
    "is_experience",
    "stock",
}


def _changed_label(service: Service, names) -> str:
    labels = [str(service._meta.get_field(name).verbose_name) for name in names]
    return ", ".join(labels)


def service_create(*, service: Service, by, needs=None) -> Service:
    """Save a new listing (built by a form or a command). It always starts as 작성 중: only the moderation
    actions change its state. An enterprise member creates listings only for their own enterprise (with
    one enterprise, it is filled in); a missing slug is generated."""
    if service.pk is not None:
        raise InvalidTransition(_("이미 있는 서비스예요."))
    if not user_is_cooperative_staff(by):
        own = user_provider_ids(by)
        if service.provider_id is None and len(own) == 1:
            service.provider_id = next(iter(own))
        if service.provider_id not in own:
            raise NotAllowed(_("내 기업의 서비스만 만들 수 있어요."))
    if service.provider_id is None:
        raise MajubomError(_("기업을 골라 주세요."))
    service.status = Service.Status.DRAFT
    service.published_at = None
    if not service.slug:
        service.slug = service_slug_generate(provider=service.provider)
    with transaction.atomic():
        service.save()
        if needs is not None:
            service.needs.set(needs)
        audit.record(obj=service, by=by, message=_("서비스 만듦 (작성 중)"), action=audit.ADDITION)
    service_announce(service=service)
    return service


def service_update(
    *, service: Service, by, changed: list[str] | tuple[str, ...] = (), needs=None
) -> ServiceChange | None:
    """Save the edits a form made to ``service`` (``changed`` names the edited fields; ``needs`` the chosen
    needs, or None to leave them). The state and the publication date are not edited here, and an
    enterprise member cannot move a listing to another enterprise.

    On a published listing, an enterprise's edits to what residents rely on (title, texts, price, unit,
    domain, needs) wait for the cooperative as a pending change, and the published version stays live;
    everything else (times, stock, duration …) changes at once. Returns the pending change, if any."""
    if service.pk is None:
        raise InvalidTransition(_("아직 만들지 않은 서비스예요."))
    stored = Service.objects.get(pk=service.pk)
    staff = user_is_cooperative_staff(by)
    if not staff and stored.provider_id not in user_provider_ids(by):
        raise NotAllowed(_("이 서비스를 고칠 수 없어요."))
    if not staff and service.provider_id != stored.provider_id:
        raise NotAllowed(_("서비스를 다른 기업으로 옮길 수 없어요."))
    service.status, service.published_at = stored.status, stored.published_at
    if not service.slug:
        service.slug = service_slug_generate(provider=service.provider)
    reviewed: dict = {}
    if stored.status == Service.Status.PUBLISHED and not staff and by is not None:
        for name in ServiceChange.REVIEWED_FIELDS:
            if getattr(service, name) != getattr(stored, name):
                reviewed[name] = getattr(service, name)
                setattr(service, name, getattr(stored, name))  # the published version stays live
        if needs is not None:
            wanted = sorted(need.pk for need in needs)
            if wanted != sorted(stored.needs.values_list("pk", flat=True)):
                reviewed["needs"] = wanted
                needs = None
    immediate = [n for n in changed if (n in SERVICE_FIELD_NAMES or n == "needs") and n not in reviewed]
    change = None
    with transaction.atomic():
        service.save()
        if needs is not None:
            service.needs.set(needs)
        if immediate:
            audit.record(
                obj=service,
                by=by,
                message=_("수정: %(fields)s") % {"fields": _changed_label(service, immediate)},
            )
        if reviewed:
            change = _change_request(service=service, by=by, data=reviewed)
    service_announce(service=service)
    if service.provider_id != stored.provider_id:
        # The page was cached under the old enterprise's scope as well.
        pagecache.changed(pagecache.SITE)
    return change


def _change_request(*, service: Service, by, data: dict) -> ServiceChange:
    """Add ``data`` to the listing's pending change (one per listing), made if there is none."""
    change = (
        ServiceChange.objects.select_for_update()
        .filter(service=service, status=ServiceChange.Status.PENDING)
        .first()
    )
    if change is None:
        change = ServiceChange.objects.create(service=service, data=data, submitted_by=by)
    else:
        change.data = {**change.data, **data}
        change.submitted_by = by
        change.save(update_fields=["data", "submitted_by", "updated_at"])
    names = [name for name in data if name != "new_pictures"]
    labels = ", ".join(
        [str(service._meta.get_field(name).verbose_name) for name in names]
        + ([str(_("새 사진"))] if "new_pictures" in data else [])
    )
    audit.record(
        obj=service, by=by, message=_("변경 요청 (조합 검토 후 반영): %(fields)s") % {"fields": labels}
    )
    return change


def service_change_approve(*, change: ServiceChange, by) -> Service:
    """The cooperative applies a pending change to the published listing."""
    if not user_is_cooperative_staff(by):
        raise NotAllowed(_("변경 반영은 마주봄 협동조합만 할 수 있어요."))
    with transaction.atomic():
        decided = ServiceChange.objects.filter(pk=change.pk, status=ServiceChange.Status.PENDING).update(
            status=ServiceChange.Status.APPROVED, decided_by=by, decided_at=timezone.now()
        )
        if not decided:
            raise InvalidTransition(_("이미 결정한 변경 요청이에요."))
        service = Service.objects.select_for_update().get(pk=change.service_id)
        data = dict(change.data)
        needs = data.pop("needs", None)
        data.pop("new_pictures", None)
        for name, value in data.items():
            if name in ServiceChange.REVIEWED_FIELDS:
                setattr(service, name, value)
        service.save()
        if needs is not None:
            service.needs.set(needs)
        ServiceImage.objects.filter(service=service, is_pending=True).update(is_pending=False)
        audit.record(obj=service, by=by, message=_("변경 요청 반영"))
    service_announce(service=service)
    return service


def service_change_reject(*, change: ServiceChange, by, note: str = "") -> ServiceChange:
    """The cooperative declines a pending change: the published listing stays as it is, new pictures go."""
    if not user_is_cooperative_staff(by):
        raise NotAllowed(_("변경 반려는 마주봄 협동조합만 할 수 있어요."))
    with transaction.atomic():
        decided = ServiceChange.objects.filter(pk=change.pk, status=ServiceChange.Status.PENDING).update(
            status=ServiceChange.Status.REJECTED, decided_by=by, decided_at=timezone.now(), note=note[:200]
        )
        if not decided:
            raise InvalidTransition(_("이미 결정한 변경 요청이에요."))
        for image in ServiceImage.objects.filter(service_id=change.service_id, is_pending=True):
            image.delete()
        audit.record(obj=change.service, by=by, message=_("변경 요청 반려: %(note)s") % {"note": note[:200]})
    change.refresh_from_db()
    return change


def provider_update(*, provider: Provider, by, changed: list[str] | tuple[str, ...] = ()) -> Provider:
    """Save the edits a form made to an enterprise. Its publication is changed only by
    ``provider_set_published``; a member edits only their own enterprise."""
    staff = user_is_cooperative_staff(by)
    if provider.pk is None:
        if not staff:
            raise NotAllowed(_("새 기업은 마주봄 협동조합이 등록해요."))
    elif not staff and provider.pk not in user_provider_ids(by):
        raise NotAllowed(_("이 기업을 고칠 수 없어요."))
    creating = provider.pk is None
    if creating:
        provider.is_published = False
    else:
        provider.is_published = Provider.objects.values_list("is_published", flat=True).get(pk=provider.pk)
    with transaction.atomic():
        provider.save()
        if creating:
            audit.record(obj=provider, by=by, message=_("기업 등록 (비공개)"), action=audit.ADDITION)
        elif changed:
            labels = ", ".join(str(provider._meta.get_field(name).verbose_name) for name in changed)
            audit.record(obj=provider, by=by, message=_("수정: %(fields)s") % {"fields": labels})
    provider_announce(provider_id=provider.pk)
    return provider


def service_part_save(*, part: ServiceImage | Slot, by) -> ServiceImage | Slot:
    """Save a picture or a time of a listing (the admin's inlines and the time list). A new picture an
    enterprise adds to a published listing is shown once the cooperative approves it."""
    _check_may_edit(service_id=part.service_id, by=by)
    creating = part.pk is None
    reviewed = (
        creating
        and isinstance(part, ServiceImage)
        and by is not None
        and not user_is_cooperative_staff(by)
        and part.service.status == Service.Status.PUBLISHED
    )
    with transaction.atomic():
        if reviewed:
            part.is_pending = True
        part.save()
        if reviewed:
            pending = ServiceImage.objects.filter(service_id=part.service_id, is_pending=True).count()
            _change_request(service=part.service, by=by, data={"new_pictures": pending})
            return part
        label = part._meta.verbose_name
        message = _("%(part)s 추가: %(name)s") if creating else _("%(part)s 수정: %(name)s")
        audit.record(obj=part.service, by=by, message=message % {"part": label, "name": part})
    return part


def service_part_delete(*, part: ServiceImage | Slot, by) -> None:
    _check_may_edit(service_id=part.service_id, by=by)
    service, label, name = part.service, part._meta.verbose_name, str(part)
    with transaction.atomic():
        part.delete()
        audit.record(obj=service, by=by, message=_("%(part)s 삭제: %(name)s") % {"part": label, "name": name})


def _check_may_edit(*, service_id: int, by) -> None:
    if user_is_cooperative_staff(by):
        return
    provider_id = Service.objects.filter(pk=service_id).values_list("provider_id", flat=True).first()
    if provider_id is None or provider_id not in user_provider_ids(by):
        raise NotAllowed(_("이 서비스를 고칠 수 없어요."))


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
    audit.record(obj=service, by=by, message=_("검토 요청"))
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
    audit.record(obj=service, by=by, message=_("공개"))
    service_announce(service=service)
    service.refresh_from_db(fields=["status", "published_at", "updated_at"])
    return service


def service_archive(*, service: Service, by) -> Service:
    """Take a listing off the market (any state → 보관); it stays in the admin for the record."""
    # by=None is the system itself (a command); people may archive only what they manage.
    if by is not None and not (user_is_cooperative_staff(by) or service.provider_id in user_provider_ids(by)):
        raise NotAllowed(_("이 서비스를 보관할 수 없어요."))
    updated = (
        Service.objects.filter(pk=service.pk)
        .exclude(status=Service.Status.ARCHIVED)
        .update(status=Service.Status.ARCHIVED, updated_at=timezone.now())
    )
    if not updated:
        raise InvalidTransition(_("이미 보관한 서비스예요."))
    audit.record(obj=service, by=by, message=_("보관"))
    service_announce(service=service)
    service.refresh_from_db(fields=["status", "updated_at"])
    return service


def provider_set_published(*, provider: Provider, by, published: bool) -> Provider:
    if not user_is_cooperative_staff(by):
        raise NotAllowed(_("기업 공개 승인은 마주봄 협동조합만 할 수 있어요."))
    Provider.objects.filter(pk=provider.pk).update(is_published=published, updated_at=timezone.now())
    audit.record(obj=provider, by=by, message=_("공개 승인") if published else _("비공개로"))
    provider_announce(provider_id=provider.pk)
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
    by=None,
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
        if created:
            audit.record(
                obj=service,
                by=by,
                message=_("매주 반복 일정으로 예약 시간 %(n)d개 만듦") % {"n": len(created)},
            )
        service_announce(service=service)
        return created


def provider_create_with_owner(
    *, name: str, kind: str, owner_email: str, owner_name: str, phone: str = "", by
) -> tuple[Provider, object]:
    """A company new to 마주봄 (a fair booth, later 입점 신청): its unpublished Provider, its contact as the
    owner (an admin account without a password), and a callable that sends the invitation. Call it after
    the transaction commits (``transaction.on_commit(invite)``)."""
    from allauth.account.models import EmailAddress

    from majubom.models import User

    from .models import ProviderMember

    provider = Provider.objects.create(
        name=name.strip(),
        slug=f"p-{uuid.uuid4().hex[:10]}",
        kind=kind,
        district="",
        phone=phone,
        email=owner_email,
        is_published=False,
    )
    user = User.objects.filter(email__iexact=owner_email).first()
    if user is None:
        user = User.objects.create_user(email=owner_email, password=None, name=owner_name)
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    # The invitation goes to this address: following its link proves it.
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    ProviderMember.objects.get_or_create(provider=provider, user=user, defaults={"role": "owner"})
    audit.record(obj=provider, by=by, message="기업 등록 · 담당자 초대")
    provider_id, user_id = provider.pk, user.pk
    return provider, lambda: provider_invite_owner(provider_id=provider_id, user_id=user_id)


def provider_invite_owner(*, provider_id: int, user_id: int) -> None:
    """Email the owner a one-time link to set a password (valid for PASSWORD_RESET_TIMEOUT, void once a
    password is set), then the admin where their enterprise waits."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str
    from django.conf import settings
    from django.urls import reverse

    from majubom.models import User
    from majubom.notifications import notify_rendered

    user = User.objects.get(pk=user_id)
    provider = Provider.objects.get(pk=provider_id)
    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    days = max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)
    text = "\n\n".join(
        [
            _("%(name)s님, 마주봄에 %(provider)s의 자리를 만들었어요.")
            % {"name": user.get_short_name(), "provider": provider.name},
            _(
                "아래 링크에서 비밀번호를 정하면 관리 화면에서 기업 정보와 서비스를 올릴 수 있어요. "
                "링크는 %(days)d일 동안, 한 번만 쓸 수 있어요."
            )
            % {"days": days},
            settings.SITE_URL.rstrip("/") + path,
            _("관리 화면: %(url)s") % {"url": settings.SITE_URL.rstrip("/") + "/admin/"},
            _("마주봄 협동조합 드림"),
        ]
    )
    notify_rendered(
        key=f"provider:{provider_id}:invite:{user_id}",
        to=user.email,
        subject=_("[마주봄] %(provider)s 담당자로 초대했어요") % {"provider": provider.name},
        text=text,
    )
