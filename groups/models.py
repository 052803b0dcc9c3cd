"""건강반: health-class groups that residents join, their weekly schedules, sessions, memberships and
attendance. Names follow DESIGN.md §5 and the 건강반 issue."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from majubom.choices import Audience, District, HealthDomain


class HealthGroup(models.Model):
    """A group an enterprise hosts: a walking club, a chair-yoga class, a mind-care circle …"""

    class Delivery(models.TextChoices):
        VENUE = "venue", _("모이는 장소에서")
        ONLINE = "online", _("온라인")
        OUTDOOR = "outdoor", _("야외")

    class FeeUnit(models.TextChoices):
        SESSION = "session", _("회당")
        MONTH = "month", _("월")
        TERM = "term", _("한 기수")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("바로 참여")
        APPROVAL = "approval", _("운영 기업이 확인한 뒤 참여")

    class Status(models.TextChoices):
        DRAFT = "draft", _("작성 중")
        PENDING_REVIEW = "pending_review", _("검토 요청")
        RECRUITING = "recruiting", _("모집 중")
        CLOSED = "closed", _("모집 마감")
        ARCHIVED = "archived", _("보관")

    provider = models.ForeignKey(
        "catalog.Provider", on_delete=models.CASCADE, related_name="groups", verbose_name=_("운영 기업")
    )
    title = models.CharField(_("건강반 이름"), max_length=120)
    slug = models.SlugField(_("주소용 이름"), max_length=100, unique=True)
    summary = models.CharField(_("한 줄 소개"), max_length=200)
    description = models.TextField(_("자세한 설명"), blank=True)
    domain = models.CharField(_("건강 영역"), max_length=20, choices=HealthDomain.choices)
    needs = models.ManyToManyField(
        "catalog.Need", related_name="groups", blank=True, verbose_name=_("건강 필요")
    )
    district = models.CharField(_("구"), max_length=10, choices=District.choices)
    delivery = models.CharField(
        _("모이는 방식"), max_length=10, choices=Delivery.choices, default=Delivery.VENUE
    )
    place_name = models.CharField(_("장소 이름"), max_length=100, blank=True)
    place_address = models.CharField(_("장소 주소"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(
        _("정원(명)"), validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    fee = models.PositiveIntegerField(_("참가비(원)"), default=0, help_text=_("무료면 0."))
    fee_unit = models.CharField(
        _("참가비 단위"), max_length=10, choices=FeeUnit.choices, default=FeeUnit.SESSION
    )
    fee_note = models.CharField(
        _("참가비 안내"), max_length=200, blank=True, help_text=_("예: 첫 모임에서 운영 기업에 직접 내요.")
    )
    join_policy = models.CharField(
        _("참여 방식"), max_length=10, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    audience = models.CharField(
        _("누구를 위한 모임"), max_length=20, choices=Audience.choices, default=Audience.ANYONE
    )
    status = models.CharField(_("상태"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("모집 시작일"), null=True, blank=True)
    created_at = models.DateTimeField(_("등록일"), auto_now_add=True)
    updated_at = models.DateTimeField(_("수정일"), auto_now=True)

    class Meta:
        verbose_name = _("건강반")
        verbose_name_plural = _("건강반")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="group_capacity_positive"),
        ]
        indexes = [models.Index(fields=["status", "district"], name="group_status_district")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("groups:detail", kwargs={"slug": self.slug})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.RECRUITING


class GroupSchedule(models.Model):
    """A weekly rule in local wall-clock time: e.g. every Tuesday and Thursday 10:00 for 60 minutes."""

    group = models.ForeignKey(
        HealthGroup, on_delete=models.CASCADE, related_name="schedules", verbose_name=_("건강반")
    )
    weekdays = models.JSONField(_("요일"), default=list, help_text=_("0 = 월요일 … 6 = 일요일"))
    start_time = models.TimeField(_("시작 시간"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("길이(분)"), validators=[MinValueValidator(10), MaxValueValidator(600)]
    )
    first_date = models.DateField(_("첫날"))
    last_date = models.DateField(_("마지막 날"), null=True, blank=True)
    session_count = models.PositiveSmallIntegerField(
        _("모두 몇 번"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(200)]
    )
    place_name = models.CharField(_("장소 이름 (건강반과 다를 때)"), max_length=100, blank=True)
    place_address = models.CharField(_("장소 주소 (건강반과 다를 때)"), max_length=200, blank=True)
    skip_holidays = models.BooleanField(_("공휴일은 쉬어요"), default=True)
    timezone = models.CharField(_("시간대"), max_length=40, default="Asia/Seoul", editable=False)

    class Meta:
        verbose_name = _("반복 일정")
        verbose_name_plural = _("반복 일정")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_date__isnull=True) | Q(last_date__gte=F("first_date")),
                name="groupschedule_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.group} · {self.start_time:%H:%M}"


class GroupSession(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("예정")
        CANCELLED = "cancelled", _("취소")

    group = models.ForeignKey(
        HealthGroup, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("건강반")
    )
    schedule = models.ForeignKey(
        GroupSchedule, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    starts_at = models.DateTimeField(_("시작"))
    ends_at = models.DateTimeField(_("끝"))
    place_name = models.CharField(_("장소 이름"), max_length=100, blank=True)
    place_address = models.CharField(_("장소 주소"), max_length=200, blank=True)
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    note = models.CharField(_("안내"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("모임")
        verbose_name_plural = _("모임")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["group", "starts_at"], name="groupsession_unique_start"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="groupsession_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["starts_at"], name="groupsession_start")]

    def __str__(self) -> str:
        from django.utils import timezone

        return f"{self.group} · {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"


class Membership(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("참여 신청 (확인 기다림)")
        ACTIVE = "active", _("참여 중")
        WAITLISTED = "waitlisted", _("대기")
        LEFT = "left", _("나감")
        REMOVED = "removed", _("운영 기업이 내보냄")
        REJECTED = "rejected", _("참여 거절")

    LIVE = (Status.PENDING, Status.ACTIVE, Status.WAITLISTED)

    group = models.ForeignKey(
        HealthGroup, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("건강반")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="group_memberships",
        verbose_name=_("주민"),
    )
    status = models.CharField(_("상태"), max_length=12, choices=Status.choices)
    joined_at = models.DateTimeField(_("참여한 때"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("대기 시작"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("결정한 사람"),
    )
    message = models.CharField(_("운영 기업의 말"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("신청한 때"), auto_now_add=True)
    ended_at = models.DateTimeField(_("끝난 때"), null=True, blank=True)

    class Meta:
        verbose_name = _("참여")
        verbose_name_plural = _("참여")
        ordering = ["group", "status", "waitlisted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "user"],
                condition=Q(status__in=["pending", "active", "waitlisted"]),
                name="membership_one_live_per_user",
            ),
            models.CheckConstraint(
                condition=~Q(status="waitlisted") | Q(waitlisted_at__isnull=False),
                name="membership_waitlisted_has_time",
            ),
        ]
        indexes = [models.Index(fields=["group", "status", "waitlisted_at"], name="membership_line")]

    def __str__(self) -> str:
        return f"{self.user} · {self.group} ({self.get_status_display()})"


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("출석")
        LATE = "late", _("지각")
        ABSENT = "absent", _("결석")
        EXCUSED = "excused", _("미리 알린 결석")

    session = models.ForeignKey(
        GroupSession, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("모임")
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("참여")
    )
    status = models.CharField(_("출석"), max_length=10, choices=Status.choices)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("표시한 사람"),
    )
    marked_at = models.DateTimeField(_("표시한 때"), auto_now=True)

    class Meta:
        verbose_name = _("출석")
        verbose_name_plural = _("출석")
        constraints = [models.UniqueConstraint(fields=["session", "membership"], name="attendance_unique")]

    def __str__(self) -> str:
        return f"{self.session} · {self.get_status_display()}"


class AbsenceNotice(models.Model):
    """A member's "이번에는 못 가요" for one session, given in advance; the host sees it."""

    session = models.ForeignKey(
        GroupSession, on_delete=models.CASCADE, related_name="absences", verbose_name=_("모임")
    )
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="absences", verbose_name=_("참여")
    )
    created_at = models.DateTimeField(_("알린 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("못 가요 알림")
        verbose_name_plural = _("못 가요 알림")
        constraints = [models.UniqueConstraint(fields=["session", "membership"], name="absence_unique")]

    def __str__(self) -> str:
        return f"{self.session} · {self.membership.user}"


class CalendarFeed(models.Model):
    """A resident's private calendar address for their 건강반 sessions (webcal/.ics), regenerable."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="group_calendar",
        verbose_name=_("주민"),
    )
    token = models.CharField(_("비밀 주소"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("만든 때"), auto_now=True)

    class Meta:
        verbose_name = _("건강반 달력 주소")
        verbose_name_plural = _("건강반 달력 주소")

    def __str__(self) -> str:
        return f"{self.user}"
