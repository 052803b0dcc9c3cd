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

    class Channel(models.TextChoices):
        AUTO = "auto", _("휴대전화 번호가 있으면 카카오톡·문자, 없으면 이메일")
        PHONE = "phone", _("카카오톡·문자로 받기")
        EMAIL = "email", _("이메일로 받기")
        BOTH = "both", _("둘 다 받기")

    message_channel = models.CharField(
        _("안내 받는 방법"), max_length=10, choices=Channel.choices, default=Channel.AUTO
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
    """One row per notification dedupe key and channel: the proof that a message went out, so it never goes
    twice by the same channel."""

    class Status(models.TextChoices):
        PENDING = "pending", _("보내는 중")
        SENT = "sent", _("보냄")
        DELIVERED = "delivered", _("받음")
        FAILED = "failed", _("실패")

    class Channel(models.TextChoices):
        EMAIL = "email", _("이메일")
        ALIMTALK = "alimtalk", _("카카오 알림톡")
        SMS = "sms", _("문자")

    key = models.CharField(_("중복 방지 키"), max_length=200)
    channel = models.CharField(_("경로"), max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    # An email address, or a phone number masked as 010-****-5678 (the full number is in ``address`` only
    # until the message is handed over).
    recipient = models.CharField(_("받는 사람"), max_length=254)
    address = models.CharField(_("보낼 번호"), max_length=20, blank=True, editable=False)
    subject = models.CharField(_("제목"), max_length=200)
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("시도 횟수"), default=0)
    # The message itself, kept until it is sent (the outbox): written in the same transaction as the
    # change it tells about, so a broker that is down loses nothing — a beat task sends what is pending.
    text = models.TextField(_("본문"), blank=True, editable=False)
    html = models.TextField(_("HTML 본문"), blank=True, editable=False)
    attachments = models.JSONField(_("첨부"), default=list, blank=True, editable=False)
    kind = models.CharField(_("알림 종류"), max_length=40, blank=True)
    variables = models.JSONField(_("알림톡 변수"), default=dict, blank=True, editable=False)
    hold_until = models.DateTimeField(
        _("보낼 때"), null=True, blank=True, help_text=_("밤 9시~아침 8시에는 8시까지 기다려요.")
    )
    gateway_message_id = models.CharField(_("발송사 메시지 번호"), max_length=100, blank=True)
    gateway_status = models.CharField(_("발송사 상태"), max_length=100, blank=True)
    error = models.CharField(_("마지막 오류"), max_length=300, blank=True)
    fallback_for = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fallbacks",
        verbose_name=_("대신 보낸 알림톡"),
    )
    created_at = models.DateTimeField(_("만든 때"), auto_now_add=True)
    sent_at = models.DateTimeField(_("보낸 때"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("받은 때"), null=True, blank=True)

    class Meta:
        verbose_name = _("알림 기록")
        verbose_name_plural = _("알림 기록")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="notificationlog_pending"),
            models.Index(fields=["gateway_message_id"], name="notificationlog_gateway_id"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["key", "channel"], name="notificationlog_once_per_channel")
        ]

    def __str__(self) -> str:
        return f"{self.key} · {self.get_channel_display()} → {self.recipient} ({self.get_status_display()})"


class GatewayCallback(models.Model):
    """A delivery report already taken: the same report again (a replay) changes nothing."""

    event_id = models.CharField(_("보고 번호"), max_length=100, unique=True)
    received_at = models.DateTimeField(_("받은 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("발송 결과 보고")
        verbose_name_plural = _("발송 결과 보고")

    def __str__(self) -> str:
        return self.event_id


class Consent(models.Model):
    """One agreement a person gave: which text (kind and version) and when; withdrawn_at when they took it
    back. Written by ``majubom.consents`` only — at sign-up, and when marketing is switched on the account
    page. A person has at most one standing (not withdrawn) consent of each kind."""

    class Kind(models.TextChoices):
        TERMS = "terms", _("이용약관")
        PRIVACY = "privacy", _("개인정보 수집·이용")
        MARKETING = "marketing", _("마케팅·행사 소식 받기")

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="consents", verbose_name=_("사용자")
    )
    kind = models.CharField(_("동의한 내용"), max_length=20, choices=Kind.choices)
    version = models.CharField(_("약관 버전"), max_length=20)
    agreed_at = models.DateTimeField(_("동의한 때"))
    withdrawn_at = models.DateTimeField(_("철회한 때"), null=True, blank=True)
    source = models.CharField(
        _("동의한 곳"), max_length=40, blank=True, help_text=_("회원가입, 간편가입(카카오·네이버), 내 정보")
    )

    class Meta:
        verbose_name = _("동의 기록")
        verbose_name_plural = _("동의 기록")
        ordering = ["user", "kind", "-agreed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="consent_one_standing_per_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True)
                | models.Q(withdrawn_at__gte=models.F("agreed_at")),
                name="consent_withdrawn_after_agreed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.version}"

    @property
    def is_standing(self) -> bool:
        return self.withdrawn_at is None
