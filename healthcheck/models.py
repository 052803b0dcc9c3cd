"""Assessments (sensitive health data: 개인정보보호법 민감정보) and the staff-editable rules that turn scale
results into health needs."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog.models import Need


class Assessment(models.Model):
    """One completed test. Visible only to its owner: the account that saved it with consent, or else the
    browser session that took it (its token is kept in that session). Anonymous ones are purged after
    ``HEALTHCHECK_RETENTION``."""

    class Kind(models.TextChoices):
        QUICK = "quick", _("빠른 테스트")
        DETAILED = "detailed", _("자세한 테스트")

    token = models.UUIDField(_("결과 주소"), default=uuid.uuid4, unique=True, editable=False)
    submission_id = models.UUIDField(
        _("제출 번호"), unique=True, help_text=_("같은 제출이 두 번 저장되지 않게 해요.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("사용자"),
    )
    kind = models.CharField(_("종류"), max_length=10, choices=Kind.choices)
    instrument_versions = models.JSONField(_("검사 도구 버전"), default=dict)
    answers = models.JSONField(_("응답"), default=dict)
    results = models.JSONField(_("척도 결과"), default=dict)
    consent = models.BooleanField(_("민감정보 저장 동의"), default=False)
    consented_at = models.DateTimeField(_("동의한 때"), null=True, blank=True)
    created_at = models.DateTimeField(_("검사한 때"), auto_now_add=True, db_index=True)
    # The funnel (test → a recommendation opened → cart → order), without a log of what was opened: only
    # when the first recommendation of this result was opened.
    recommendation_opened_at = models.DateTimeField(_("추천을 처음 연 때"), null=True, blank=True)

    class Meta:
        verbose_name = _("건강 테스트 결과")
        verbose_name_plural = _("건강 테스트 결과")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=True) | models.Q(consent=True),
                name="assessment_saved_only_with_consent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.created_at:%Y-%m-%d}"


class NeedRule(models.Model):
    """A scale band that points to a health need, with the sentence shown to the resident."""

    scale = models.CharField(_("척도"), max_length=20)
    band = models.CharField(_("구간"), max_length=30)
    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="rules", verbose_name=_("건강 필요")
    )
    weight = models.PositiveSmallIntegerField(_("가중치"), default=3, help_text=_("1(약함) ~ 10(강함)"))
    explanation = models.CharField(
        _("주민에게 보이는 설명"),
        max_length=300,
        help_text=_("예: 최근 2주 기분이 가라앉은 날이 많았다고 답하셨어요 → 마음 상담"),
    )
    explanation_en = models.CharField(_("설명 (영어)"), max_length=300, blank=True)
    is_active = models.BooleanField(_("사용"), default=True)

    class Meta:
        verbose_name = _("필요 규칙")
        verbose_name_plural = _("필요 규칙")
        ordering = ["scale", "band", "-weight"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "band", "need"], name="needrule_unique"),
            models.CheckConstraint(
                condition=models.Q(weight__gte=1, weight__lte=10), name="needrule_weight_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scale}:{self.band} → {self.need}"

    def clean(self) -> None:
        from .questionnaires import all_scales

        scale = all_scales().get(self.scale)
        if scale is None:
            raise ValidationError({"scale": _("없는 척도예요.")})
        if self.band not in {band.code for band in scale.bands}:
            raise ValidationError({"band": _("이 척도에 없는 구간이에요.")})


class RecommendationStat(models.Model):
    """How often each recommendation was shown on a result and opened from it, per day — counted on the
    server, with nothing about who saw it (no person, no answers)."""

    class Kind(models.TextChoices):
        SERVICE = "service", _("건강 서비스")
        GROUP = "group", _("건강반")
        PROGRAM = "program", _("건강상점 프로그램")

    day = models.DateField(_("날"))
    kind = models.CharField(_("종류"), max_length=10, choices=Kind.choices)
    object_id = models.PositiveIntegerField(_("번호"))
    need = models.ForeignKey(
        "catalog.Need",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("건강 필요"),
    )
    district = models.CharField(_("구"), max_length=10, blank=True)
    shown = models.PositiveIntegerField(_("보인 횟수"), default=0)
    opened = models.PositiveIntegerField(_("연 횟수"), default=0)

    class Meta:
        verbose_name = _("추천 통계")
        verbose_name_plural = _("추천 통계")
        # One row per day, item, need and district; a row without a need is its own case (two partial
        # constraints rather than NULLS NOT DISTINCT, which SQLite cannot make).
        constraints = [
            models.UniqueConstraint(
                fields=["day", "kind", "object_id", "need", "district"],
                condition=models.Q(need__isnull=False),
                name="recommendation_stat_once",
            ),
            models.UniqueConstraint(
                fields=["day", "kind", "object_id", "district"],
                condition=models.Q(need__isnull=True),
                name="recommendation_stat_once_no_need",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.kind}:{self.object_id} {self.shown}/{self.opened}"
