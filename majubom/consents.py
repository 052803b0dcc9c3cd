"""What a person agreed to, and when: 이용약관, 개인정보 수집·이용 (both needed to join) and 마케팅·행사 소식
(optional, switched on and off at /my/account/) — 개인정보 보호법 제15조·제22조.

The texts are pages of the site (templates/majubom/terms.html and privacy.html); their versions live here,
so a page shows the very version that a sign-up records. A new text means a new ``Document`` here."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Consent, User


@dataclass(frozen=True)
class Document:
    kind: str
    version: str
    effective: datetime.date


TERMS = Document(Consent.Kind.TERMS, "1.0", datetime.date(2026, 12, 1))
PRIVACY = Document(Consent.Kind.PRIVACY, "1.0", datetime.date(2026, 12, 1))
MARKETING = Document(Consent.Kind.MARKETING, "1.0", datetime.date(2026, 12, 1))
CURRENT = {document.kind: document for document in (TERMS, PRIVACY, MARKETING)}

# Whom to ask about the service, an order or one's personal data (both pages show it).
CONTACT = {
    "phone": "042-123-4567",
    "email": "help@majubom.kr",
    "privacy_email": "privacy@majubom.kr",
}

# The sign-up's privacy consent in plain words (purpose, items, how long): the form shows these rows beside
# the box and the privacy page repeats them, so the two never say different things.
PRIVACY_SUMMARY = [
    (_("왜 모으나요"), _("회원 확인, 주문·예약·건강반·건강상점 안내, 문의에 답하기")),
    (
        _("무엇을 모으나요"),
        _("꼭 필요한 것: 이메일, 비밀번호, 이름 · 적으면 쓰는 것: 휴대폰 번호, 사는 곳(구)"),
    ),
    (
        _("언제까지 두나요"),
        _("탈퇴하면 바로 지워요. 주문·결제 기록만 전자상거래법에 따라 5년 동안 따로 보관해요."),
    ),
]
MARKETING_SUMMARY = _(
    "새 건강반, 체험 상품, 건강상점 소식을 한 달에 두세 번 이메일이나 카카오톡·문자로 보내 드려요. "
    "받지 않아도 가입하고 모든 서비스를 똑같이 쓸 수 있고, 내 정보에서 언제든 끌 수 있어요."
)


def consents_record_signup(*, user: User, marketing: bool, source: str = "signup") -> list[Consent]:
    """The agreements given on the sign-up form: 이용약관 and 개인정보 수집·이용 always (the form requires
    them), marketing only when ticked. The versions are today's texts — never anything the form sent.
    Called inside the sign-up's transaction, so a user is never created without them."""
    now = timezone.now()
    documents = [TERMS, PRIVACY, *([MARKETING] if marketing else [])]
    with transaction.atomic():
        return Consent.objects.bulk_create(
            [
                Consent(user=user, kind=d.kind, version=d.version, agreed_at=now, source=source[:40])
                for d in documents
            ]
        )


def marketing_consent_set(*, user: User, agreed: bool, source: str = "account") -> bool:
    """Switch marketing news on or off for ``user``; True when something changed. Switching on records a
    new agreement with today's version; switching off keeps the old row and stamps ``withdrawn_at``, so the
    history of what was agreed and when stays readable."""
    with transaction.atomic():
        # One change at a time per person (two tabs saving at once must not make two standing rows).
        list(User.objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True))
        standing = Consent.objects.filter(
            user=user, kind=Consent.Kind.MARKETING, withdrawn_at__isnull=True
        ).first()
        if agreed and standing is None:
            Consent.objects.create(
                user=user,
                kind=MARKETING.kind,
                version=MARKETING.version,
                agreed_at=timezone.now(),
                source=source[:40],
            )
            return True
        if not agreed and standing is not None:
            changed = Consent.objects.filter(pk=standing.pk, withdrawn_at__isnull=True).update(
                withdrawn_at=timezone.now()
            )
            return changed == 1
        return False


def consents_standing(*, user: User) -> dict[str, Consent]:
    """Each kind's standing (not withdrawn) agreement of ``user``: {kind: Consent}; one query."""
    rows = Consent.objects.filter(user=user, withdrawn_at__isnull=True)
    return {row.kind: row for row in rows}


def marketing_last_withdrawn(*, user: User) -> Consent | None:
    """The last marketing agreement taken back, to say when news stopped."""
    return (
        Consent.objects.filter(user=user, kind=Consent.Kind.MARKETING, withdrawn_at__isnull=False)
        .order_by("-withdrawn_at")
        .first()
    )


def marketing_agreed(*, user: User) -> bool:
    """Whether ``user`` may be sent marketing news now."""
    return Consent.objects.filter(user=user, kind=Consent.Kind.MARKETING, withdrawn_at__isnull=True).exists()
