"""건강상점: the cooperative's one-day experience fair — booths, their programs, visitors' registrations
with QR tickets, door check-ins, booth stamps. Names follow DESIGN.md §5 and the 건강상점 issue."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalog.models import ProviderKind

# A short code read out at the door: no 0/O, 1/I/L, easy to say and to type on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
MAX_PARTY = 6


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_secret() -> str:
    return secrets.token_urlsafe(24)


class Fair(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("준비 중")
        PUBLISHED = "published", _("공개")
        CLOSED = "closed", _("끝남")

    title = models.CharField(_("행사 이름"), max_length=120)
    slug = models.SlugField(_("주소용 이름"), max_length=80, unique=True)
    summary = models.CharField(_("한 줄 소개"), max_length=200, blank=True)
    description = models.TextField(_("소개"), blank=True)
    starts_at = models.DateTimeField(_("시작"))
    ends_at = models.DateTimeField(_("끝"))
    venue = models.CharField(_("장소"), max_length=120)
    address = models.CharField(_("주소"), max_length=200)
    transport = models.TextField(_("오시는 길"), blank=True)
    what_to_bring = models.TextField(_("준비물"), blank=True)
    parking = models.TextField(_("주차"), blank=True)
    accessibility = models.TextField(_("이동이 불편한 분께"), blank=True)
    registration_opens = models.DateTimeField(_("사전 등록 시작"))
    registration_closes = models.DateTimeField(_("사전 등록 마감"))
    visitor_capacity = models.PositiveIntegerField(
        _("방문 정원(명)"),
        validators=[MinValueValidator(1), MaxValueValidator(100_000)],
        help_text=_("등록 건수가 아니라 사람 수예요."),
    )
    booth_call_opens = models.DateTimeField(_("부스 모집 시작"), null=True, blank=True)
    booth_call_closes = models.DateTimeField(_("부스 모집 마감"), null=True, blank=True)
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    stamp_goal = models.PositiveSmallIntegerField(
        _("스탬프 완주 기준(개)"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    prize_message = models.CharField(
        _("완주 선물 안내"),
        max_length=200,
        blank=True,
        help_text=_("예: 안내 데스크에서 건강 꾸러미를 받아 가세요."),
    )
    followup_sent_at = models.DateTimeField(_("후속 안내 보낸 때"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("만든 때"), auto_now_add=True)
    updated_at = models.DateTimeField(_("고친 때"), auto_now=True)

    class Meta:
        verbose_name = _("건강상점")
        verbose_name_plural = _("건강상점")
        ordering = ["-starts_at"]
        permissions = [("check_in", _("건강상점 입장 확인(문 데스크)"))]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="fair_ends_after_start"),
            models.CheckConstraint(
                condition=Q(registration_closes__gt=F("registration_opens")), name="fair_registration_window"
            ),
            models.CheckConstraint(condition=Q(visitor_capacity__gte=1), name="fair_capacity_positive"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:fair", kwargs={"slug": self.slug})


class Booth(models.Model):
    class Status(models.TextChoices):
        APPLIED = "applied", _("신청")
        APPROVED = "approved", _("승인")
        REJECTED = "rejected", _("거절")
        WITHDRAWN = "withdrawn", _("철회")

    LIVE = (Status.APPLIED, Status.APPROVED)

    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="booths", verbose_name=_("행사"))
    provider = models.ForeignKey(
        "catalog.Provider",
        on_delete=models.CASCADE,
        related_name="booths",
        null=True,
        blank=True,
        verbose_name=_("기업"),
        help_text=_("아직 마주봄에 없는 기업의 신청은 승인할 때 기업이 만들어져요."),
    )
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.APPLIED)
    number = models.PositiveSmallIntegerField(_("부스 번호"), null=True, blank=True)
    zone = models.CharField(_("구역"), max_length=40, blank=True)
    offering = models.TextField(_("방문객이 해 볼 수 있는 것"))
    needs = models.ManyToManyField(
        "catalog.Need", related_name="booths", blank=True, verbose_name=_("건강 필요")
    )
    staff_note = models.TextField(_("조합 메모"), blank=True)
    # A company not yet on the platform applies through the public form ("일반 기업도 참여할 수 있도록").
    company_name = models.CharField(_("기업 이름"), max_length=100, blank=True)
    company_kind = models.CharField(_("기업 유형"), max_length=30, choices=ProviderKind.choices, blank=True)
    contact_name = models.CharField(_("담당자"), max_length=50, blank=True)
    contact_phone = models.CharField(_("담당자 연락처"), max_length=20, blank=True)
    contact_email = models.EmailField(_("담당자 이메일"), blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("신청한 사람"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("결정한 사람"),
    )
    decided_at = models.DateTimeField(_("결정한 때"), null=True, blank=True)
    decision_message = models.TextField(_("결정 안내"), blank=True)
    created_at = models.DateTimeField(_("신청한 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("부스")
        verbose_name_plural = _("부스")
        ordering = ["fair", "number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["fair", "provider"],
                condition=Q(status__in=["applied", "approved"]) & Q(provider__isnull=False),
                name="booth_one_live_per_provider",
            ),
            models.UniqueConstraint(
                fields=["fair", "number"], condition=Q(number__isnull=False), name="booth_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(provider__isnull=False) | ~Q(company_name=""), name="booth_has_a_company"
            ),
        ]

    def __str__(self) -> str:
        name = self.provider.name if self.provider_id else self.company_name
        return f"{self.number}. {name}" if self.number else name

    @property
    def name(self) -> str:
        return self.provider.name if self.provider_id else self.company_name


class Program(models.Model):
    """A timed experience at a booth, e.g. "체성분 측정 10:30 (8명)"."""

    booth = models.ForeignKey(
        Booth, on_delete=models.CASCADE, related_name="programs", verbose_name=_("부스")
    )
    title = models.CharField(_("프로그램 이름"), max_length=120)
    description = models.CharField(_("설명"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("시작"))
    ends_at = models.DateTimeField(_("끝"))
    capacity = models.PositiveSmallIntegerField(
        _("자리(명)"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    price = models.PositiveIntegerField(_("참가비(원)"), default=0)
    needs = models.ManyToManyField(
        "catalog.Need", related_name="programs", blank=True, verbose_name=_("건강 필요")
    )

    class Meta:
        verbose_name = _("부스 프로그램")
        verbose_name_plural = _("부스 프로그램")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="program_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="program_capacity_positive"),
        ]

    def __str__(self) -> str:
        return self.title


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("등록 확정")
        WAITLISTED = "waitlisted", _("대기")
        CANCELLED = "cancelled", _("취소")

    class Source(models.TextChoices):
        WEB = "web", _("누리집 사전 등록")
        DOOR = "door", _("현장 등록")

    LIVE = (Status.CONFIRMED, Status.WAITLISTED)

    fair = models.ForeignKey(
        Fair, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("행사")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fair_registrations",
        verbose_name=_("회원"),
    )
    name = models.CharField(_("이름"), max_length=50)
    phone = models.CharField(_("휴대전화"), max_length=13, help_text=_("010-1234-5678 꼴로 저장해요."))
    email = models.EmailField(_("이메일"), blank=True)
    party_size = models.PositiveSmallIntegerField(
        _("인원"), validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTY)]
    )
    status = models.CharField(_("상태"), max_length=12, choices=Status.choices)
    waitlisted_at = models.DateTimeField(_("대기 시작"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("확정한 때"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("취소한 때"), null=True, blank=True)
    code = models.CharField(_("입장 코드"), max_length=8)
    secret = models.CharField(
        _("티켓 비밀값"), max_length=64, unique=True, default=new_secret, editable=False
    )
    source = models.CharField(_("등록 경로"), max_length=4, choices=Source.choices, default=Source.WEB)
    agreed_privacy_at = models.DateTimeField(_("개인정보 동의한 때"))
    agree_followup = models.BooleanField(_("행사 뒤 안내 받기"), default=False)
    checked_in_at = models.DateTimeField(_("입장한 때"), null=True, blank=True)
    checked_in_door = models.CharField(_("입장한 문"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("등록한 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("방문 등록")
        verbose_name_plural = _("방문 등록")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["fair", "phone"], condition=~Q(status="cancelled"), name="registration_one_per_phone"
            ),
            models.UniqueConstraint(
                fields=["fair", "user"],
                condition=~Q(status="cancelled") & Q(user__isnull=False),
                name="registration_one_per_user",
            ),
            models.UniqueConstraint(fields=["fair", "code"], name="registration_code_unique"),
            models.CheckConstraint(
                condition=Q(party_size__gte=1, party_size__lte=MAX_PARTY), name="registration_party_size"
            ),
        ]
        indexes = [models.Index(fields=["fair", "status", "waitlisted_at"], name="registration_line")]

    def __str__(self) -> str:
        return f"{self.name} · {self.code}"

    def get_absolute_url(self) -> str:
        return reverse("events:ticket", kwargs={"slug": self.fair.slug, "secret": self.secret})

    @property
    def phone_last4(self) -> str:
        return self.phone[-4:]


class ProgramBooking(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("예약")
        CANCELLED = "cancelled", _("취소")

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="bookings", verbose_name=_("프로그램")
    )
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="bookings", verbose_name=_("방문 등록")
    )
    seats = models.PositiveSmallIntegerField(
        _("자리"), validators=[MinValueValidator(1), MaxValueValidator(MAX_PARTY)]
    )
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.BOOKED)
    created_at = models.DateTimeField(_("예약한 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("프로그램 예약")
        verbose_name_plural = _("프로그램 예약")
        constraints = [
            models.UniqueConstraint(
                fields=["program", "registration"],
                condition=Q(status="booked"),
                name="booking_once_per_program",
            ),
            models.CheckConstraint(condition=Q(seats__gte=1), name="booking_seats_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.program} · {self.registration.name} · {self.seats}"


class CheckIn(models.Model):
    """Every scan at the door, failed ones too; the nonce the desk page sends makes a retry answer the
    same."""

    class Result(models.TextChoices):
        OK = "ok", _("입장 확인")
        ALREADY = "already", _("이미 입장")
        CANCELLED = "cancelled", _("취소된 등록")
        WAITLISTED = "waitlisted", _("대기 중인 등록")
        UNKNOWN = "unknown", _("모르는 코드")
        WRONG_FAIR = "wrong_fair", _("다른 행사")

    fair = models.ForeignKey(Fair, on_delete=models.CASCADE, related_name="checkins", verbose_name=_("행사"))
    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="checkins",
        verbose_name=_("방문 등록"),
    )
    nonce = models.CharField(_("스캔 번호"), max_length=64)
    scanned = models.CharField(
        _("읽은 값"), max_length=12, blank=True, help_text=_("코드, 또는 QR 값의 앞부분")
    )
    result = models.CharField(_("결과"), max_length=12, choices=Result.choices)
    door = models.CharField(_("문"), max_length=20, blank=True)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("확인한 사람"),
    )
    created_at = models.DateTimeField(_("스캔한 때"), auto_now_add=True)
    undone_at = models.DateTimeField(_("취소한 때"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("입장 취소한 사람"),
    )
    undo_reason = models.CharField(_("입장 취소 까닭"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("입장 스캔")
        verbose_name_plural = _("입장 스캔")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["fair", "nonce"], name="checkin_nonce_once")]

    def __str__(self) -> str:
        return f"{self.get_result_display()} · {self.scanned}"


class Stamp(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="stamps", verbose_name=_("방문 등록")
    )
    booth = models.ForeignKey(Booth, on_delete=models.CASCADE, related_name="stamps", verbose_name=_("부스"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("찍은 사람"),
    )
    nonce = models.CharField(_("스캔 번호"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("찍은 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("스탬프")
        verbose_name_plural = _("스탬프")
        constraints = [models.UniqueConstraint(fields=["registration", "booth"], name="stamp_once_per_booth")]

    def __str__(self) -> str:
        return f"{self.booth} · {self.registration.name}"
