from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import District

phone_validator = RegexValidator(
    r"^0\d{1,2}-?\d{3,4}-?\d{4}$",
    _("전화번호를 010-1234-5678 처럼 적어 주세요."),
)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields) -> "User":
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person using 마주봄: resident, provider member or cooperative staff. Email is the login."""

    email = models.EmailField(_("이메일"), unique=True)
    name = models.CharField(_("이름"), max_length=50, blank=True)
    phone = models.CharField(_("전화번호"), max_length=20, blank=True, validators=[phone_validator])
    district = models.CharField(_("사는 곳(구)"), max_length=10, choices=District.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("태어난 해"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    is_staff = models.BooleanField(
        _("관리 화면 사용"), default=False, help_text=_("관리 화면(/admin/)에 들어갈 수 있습니다.")
    )
    is_active = models.BooleanField(_("사용 중"), default=True)
    date_joined = models.DateTimeField(_("가입일"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("사용자")
        verbose_name_plural = _("사용자")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(birth_year__isnull=True) | models.Q(birth_year__range=(1900, 2100)),
                name="user_birth_year_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        return self.name or self.email

    def get_short_name(self) -> str:
        return self.name or self.email.split("@")[0]


class NotificationLog(models.Model):
    """One row per notification dedupe key: the proof that a message went out, so it never goes twice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("보내는 중")
        SENT = "sent", _("보냄")

    key = models.CharField(_("중복 방지 키"), max_length=200, unique=True)
    recipient = models.EmailField(_("받는 사람"))
    subject = models.CharField(_("제목"), max_length=200)
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("시도 횟수"), default=0)
    # The message itself, kept until it is sent (the outbox): written in the same transaction as the
    # change it tells about, so a broker that is down loses nothing — a beat task sends what is pending.
    text = models.TextField(_("본문"), blank=True, editable=False)
    html = models.TextField(_("HTML 본문"), blank=True, editable=False)
    attachments = models.JSONField(_("첨부"), default=list, blank=True, editable=False)
    created_at = models.DateTimeField(_("만든 때"), auto_now_add=True)
    sent_at = models.DateTimeField(_("보낸 때"), null=True, blank=True)

    class Meta:
        verbose_name = _("알림 기록")
        verbose_name_plural = _("알림 기록")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="notificationlog_pending")]

    def __str__(self) -> str:
        return f"{self.key} → {self.recipient} ({self.get_status_display()})"
