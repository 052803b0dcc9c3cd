"""입점 신청: an enterprise asks to join 마주봄, the cooperative decides, and a new owner is led step by step
to a first service sent for review. The checks and the decisions live here; the page is in views.py and
the decisions are admin actions."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from majubom import audit
from majubom.errors import MajubomError

from .models import PartnerApplication, Provider, ProviderKind, Service, Slot
from .selectors import user_is_cooperative_staff

WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)

# The kinds that come with a certification or designation number (인증·지정·인가·인정 번호).
NUMBERED_KINDS = {
    ProviderKind.SOCIAL_ENTERPRISE,
    ProviderKind.PRE_SOCIAL_ENTERPRISE,
    ProviderKind.SOCIAL_COOPERATIVE,
    ProviderKind.VILLAGE_ENTERPRISE,
    ProviderKind.SELF_SUFFICIENCY,
}

RATE_LIMIT = 3  # applications per address per hour
RATE_WINDOW_S = 3600


class Refused(MajubomError):
    pass


def business_number_digits(value: str) -> str:
    return re.sub(r"\D", "", value or "")


def business_number_valid(value: str) -> bool:
    """사업자등록번호 check digit: the first nine digits × 1,3,7,1,3,7,1,3,5 summed, plus the ninth digit
    × 5 ÷ 10 (integer part); the tenth digit is what brings the sum to a multiple of ten."""
    digits = business_number_digits(value)
    if len(digits) != 10:
        return False
    numbers = [int(d) for d in digits]
    total = sum(n * w for n, w in zip(numbers[:9], WEIGHTS, strict=True)) + (numbers[8] * 5) // 10
    return (10 - total % 10) % 10 == numbers[9]


def business_number_format(value: str) -> str:
    digits = business_number_digits(value)
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


def address_key(request) -> str:
    """A hash of the sender's address (the address itself is not kept)."""
    raw = request.META.get("REMOTE_ADDR", "") or "unknown"
    return hashlib.sha256(f"{settings.SECRET_KEY}:{raw}".encode()).hexdigest()


def rate_limited(key: str) -> bool:
    """True when this address already sent ``RATE_LIMIT`` applications in the last hour (counted in the
    cache; a cache that is down lets the application through rather than refusing a real enterprise)."""
    name = f"partners:apply:{key}"
    try:
        cache.add(name, 0, timeout=RATE_WINDOW_S)
        return cache.incr(name) > RATE_LIMIT
    except Exception:
        return False


def application_create(*, data: dict, ip_hash: str = "", now=None) -> PartnerApplication:
    """A new application (``data`` from the form, already valid). The same business number cannot apply
    twice while an application is open or a provider exists."""
    number = business_number_format(data["business_number"])
    if Provider.objects.filter(business_number=number).exists():
        raise Refused(_("이미 마주봄에 있는 기업의 사업자등록번호예요. 마주봄 협동조합에 문의해 주세요."))
    try:
        with transaction.atomic():
            if PartnerApplication.objects.filter(
                business_number=number, status=PartnerApplication.Status.PENDING
            ).exists():
                raise Refused(
                    _("이 사업자등록번호로 낸 신청을 살펴보고 있어요. 마주봄 협동조합에 문의해 주세요.")
                )
            return PartnerApplication.objects.create(
                name=data["name"].strip(),
                kind=data["kind"],
                business_number=number,
                certification_number=data.get("certification_number", "").strip(),
                district=data["district"],
                address=data["address"].strip(),
                contact_name=data["contact_name"].strip(),
                phone=data["phone"],
                email=data["email"].strip().lower(),
                domains=list(data.get("domains") or []),
                description=data["description"].strip(),
                agreed_privacy_at=now or timezone.now(),
                ip_hash=ip_hash,
            )
    except IntegrityError as error:  # the same number at the same moment
        raise Refused(
            _("이 사업자등록번호로 낸 신청을 살펴보고 있어요. 마주봄 협동조합에 문의해 주세요.")
        ) from error


def application_approve(*, application: PartnerApplication, by) -> Provider:
    """The cooperative approves: an unpublished Provider with the applicant's details, and the contact
    invited as its owner (a one-time link to set a password)."""
    from majubom.notifications import notify_rendered  # noqa: F401 (the invite goes through it)

    from .services import provider_create_with_owner

    if not user_is_cooperative_staff(by):
        raise Refused(_("입점 신청은 조합만 결정해요."))
    with transaction.atomic():
        current = PartnerApplication.objects.select_for_update().get(pk=application.pk)
        if current.status != PartnerApplication.Status.PENDING:
            raise Refused(_("이미 결정한 신청이에요."))
        provider, invite = provider_create_with_owner(
            name=current.name,
            kind=current.kind,
            owner_email=current.email,
            owner_name=current.contact_name,
            phone=current.phone,
            by=by,
        )
        Provider.objects.filter(pk=provider.pk).update(
            district=current.district,
            address=current.address,
            business_number=current.business_number,
            description=current.description,
        )
        current.status, current.provider = PartnerApplication.Status.APPROVED, provider
        current.decided_by, current.decided_at = by, timezone.now()
        current.save()
        audit.record(obj=current, by=by, message="입점 승인")
        transaction.on_commit(invite, robust=True)
    provider.refresh_from_db()
    return provider


def application_reject(*, application: PartnerApplication, by, message: str) -> PartnerApplication:
    from majubom.notifications import notify_rendered

    if not user_is_cooperative_staff(by):
        raise Refused(_("입점 신청은 조합만 결정해요."))
    message = (message or "").strip()
    if not message:
        raise Refused(_("거절하는 까닭을 적어 주세요. 신청한 기업에 그대로 전해져요."))
    with transaction.atomic():
        current = PartnerApplication.objects.select_for_update().get(pk=application.pk)
        if current.status != PartnerApplication.Status.PENDING:
            raise Refused(_("이미 결정한 신청이에요."))
        current.status, current.decision_message = PartnerApplication.Status.REJECTED, message
        current.decided_by, current.decided_at = by, timezone.now()
        current.save()
        audit.record(obj=current, by=by, message="입점 거절")
        notify_rendered(
            key=f"partner-application:{current.pk}:rejected",
            to=current.email,
            subject=_("[마주봄] 입점 신청 결과를 알려 드려요"),
            text="\n\n".join(
                [
                    _("%(name)s님, %(company)s의 입점 신청을 살펴봤어요.")
                    % {"name": current.contact_name, "company": current.name},
                    _("이번에는 함께하기 어렵게 됐어요. 조합이 남긴 말:"),
                    message,
                    _("궁금한 점은 마주봄 협동조합에 연락해 주세요."),
                    _("마주봄 협동조합 드림"),
                ]
            ),
        )
    return current


# --- onboarding -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    hint: str
    done: bool
    url: str


def onboarding(provider: Provider) -> list[Step]:
    """The new owner's checklist, read from the data (a step is done when the data says so): 기업 정보와
    사진 → 첫 서비스 (a 체험 상품 suggested) → 예약 시간 → 검토 요청 → 조합의 공개."""
    from django.urls import reverse

    services = Service.objects.filter(provider=provider)
    has_service = services.exists()
    has_times = (
        Slot.objects.filter(service__provider=provider).exists()
        or services.filter(stock__isnull=False).exists()
    )
    sent = services.filter(status__in=[Service.Status.PENDING_REVIEW, Service.Status.PUBLISHED]).exists()
    published = provider.is_published and services.filter(status=Service.Status.PUBLISHED).exists()
    profile = bool(provider.description and provider.address and provider.district and provider.logo)
    change = reverse("admin:catalog_provider_change", args=[provider.pk])
    add = reverse("admin:catalog_service_add")
    listing = reverse("admin:catalog_service_changelist")
    return [
        Step("profile", _("기업 정보와 사진"), _("소개, 주소, 구, 로고를 채워요."), profile, change),
        Step(
            "service",
            _("첫 서비스"),
            _("부담 없는 체험 상품(예: 첫 상담 30분 5,000원)으로 시작해 보세요."),
            has_service,
            add,
        ),
        Step(
            "times",
            _("예약 시간"),
            _("서비스 화면에서 예약 시간을 만들어요(매주 반복도 돼요)."),
            has_times,
            listing,
        ),
        Step("review", _("검토 요청"), _("서비스 목록에서 '검토 요청'을 눌러요."), sent, listing),
        Step("published", _("조합이 공개해요"), _("조합이 확인하면 주민에게 보여요."), published, ""),
    ]
