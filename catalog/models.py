"""The market itself: enterprises (providers), their members, the needs they serve, their services,
images and time slots. Names follow DESIGN.md §5."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from majubom.choices import Audience, District, HealthDomain


class ProviderKind(models.TextChoices):
    SOCIAL_ENTERPRISE = "social_enterprise", _("인증 사회적기업")
    PRE_SOCIAL_ENTERPRISE = "pre_social_enterprise", _("예비사회적기업")
    COOPERATIVE = "cooperative", _("협동조합")
    SOCIAL_COOPERATIVE = "social_cooperative", _("사회적협동조합")
    VILLAGE_ENTERPRISE = "village_enterprise", _("마을기업")
    SELF_SUFFICIENCY = "self_sufficiency", _("자활기업")
    GENERAL = "general", _("일반기업")


class Delivery(models.TextChoices):
    HOME_VISIT = "home_visit", _("방문")
    VENUE = "venue", _("내방")
    ONLINE = "online", _("온라인")
    SHIPPED = "shipped", _("배송")


DELIVERY_HELP = {
    Delivery.HOME_VISIT: _("집으로 찾아가요"),
    Delivery.VENUE: _("기업의 장소로 와 주세요"),
    Delivery.ONLINE: _("온라인으로 만나요"),
    Delivery.SHIPPED: _("집으로 보내 드려요"),
}


class PriceUnit(models.TextChoices):
    SESSION = "session", _("회")
    ITEM = "item", _("개")
    MONTH = "month", _("월")
    HOUR = "hour", _("시간")
    SET = "set", _("세트")


class Provider(models.Model):
    """A Daejeon social-economy enterprise that offers services on 마주봄."""

    name = models.CharField(_("기업 이름"), max_length=100)
    slug = models.SlugField(_("주소용 이름"), max_length=80, unique=True, allow_unicode=False)
    kind = models.CharField(_("기업 유형"), max_length=30, choices=ProviderKind.choices)
    district = models.CharField(_("구"), max_length=10, choices=District.choices)
    address = models.CharField(_("주소"), max_length=200)
    phone = models.CharField(_("전화번호"), max_length=20, blank=True)
    email = models.EmailField(_("이메일"), blank=True)
    website = models.URLField(_("누리집"), blank=True)
    business_number = models.CharField(_("사업자등록번호"), max_length=12, blank=True, db_index=True)
    description = models.TextField(_("소개"), blank=True)
    logo = models.ImageField(_("로고"), upload_to="providers/", blank=True)
    is_published = models.BooleanField(
        _("공개 승인"), default=False, help_text=_("조합이 승인하면 주민에게 보입니다.")
    )
    created_at = models.DateTimeField(_("등록일"), auto_now_add=True)
    updated_at = models.DateTimeField(_("수정일"), auto_now=True)

    class Meta:
        verbose_name = _("기업")
        verbose_name_plural = _("기업")
        ordering = ["name"]
        permissions = [("moderate_catalog", _("조합: 기업과 서비스를 승인할 수 있음"))]
        indexes = [
            models.Index(fields=["is_published", "district"], name="provider_pub_district"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("catalog:provider_detail", kwargs={"slug": self.slug})

    @property
    def is_certified(self) -> bool:
        return self.kind != ProviderKind.GENERAL


class ProviderMember(models.Model):
    """A user who manages one provider's listings in the admin, as owner or staff."""

    class Role(models.TextChoices):
        OWNER = "owner", _("대표")
        STAFF = "staff", _("직원")

    provider = models.ForeignKey(
        Provider, on_delete=models.CASCADE, related_name="members", verbose_name=_("기업")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="provider_memberships",
        verbose_name=_("사용자"),
    )
    role = models.CharField(_("역할"), max_length=10, choices=Role.choices, default=Role.STAFF)
    created_at = models.DateTimeField(_("등록일"), auto_now_add=True)

    class Meta:
        verbose_name = _("기업 회원")
        verbose_name_plural = _("기업 회원")
        constraints = [models.UniqueConstraint(fields=["provider", "user"], name="providermember_unique")]

    def __str__(self) -> str:
        return f"{self.user} · {self.provider} ({self.get_role_display()})"


class Need(models.Model):
    """A health need (건강 필요): the join between assessment results and what is recommended."""

    slug = models.SlugField(_("주소용 이름"), max_length=50, unique=True)
    name = models.CharField(_("이름"), max_length=50)
    domain = models.CharField(_("건강 영역"), max_length=20, choices=HealthDomain.choices)
    description = models.CharField(_("설명"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("건강 필요")
        verbose_name_plural = _("건강 필요")
        ordering = ["domain", "name"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the reader's language: the shared vocabulary (catalog.vocabulary) is translated in
        the .po files; a need the cooperative added later shows as written."""
        return gettext(self.name)

    @property
    def description_label(self) -> str:
        return gettext(self.description) if self.description else ""


class ServiceQuerySet(models.QuerySet):
    def published(self) -> "ServiceQuerySet":
        return self.filter(status=Service.Status.PUBLISHED, provider__is_published=True)


class Service(models.Model):
    """Something a provider offers: a service, an experience product (체험 상품) or goods."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("작성 중")
        PENDING_REVIEW = "pending_review", _("검토 요청")
        PUBLISHED = "published", _("공개")
        ARCHIVED = "archived", _("보관")

    provider = models.ForeignKey(
        Provider, on_delete=models.CASCADE, related_name="services", verbose_name=_("기업")
    )
    title = models.CharField(_("서비스 이름"), max_length=120)
    slug = models.SlugField(_("주소용 이름"), max_length=100, unique=True)
    summary = models.CharField(_("한 줄 소개"), max_length=200)
    description = models.TextField(_("자세한 설명"), blank=True)
    domain = models.CharField(_("건강 영역"), max_length=20, choices=HealthDomain.choices)
    needs = models.ManyToManyField(Need, related_name="services", blank=True, verbose_name=_("건강 필요"))
    delivery = models.CharField(_("이용 방법"), max_length=20, choices=Delivery.choices)
    audience = models.CharField(
        _("누구를 위한 서비스인가요"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.ANYONE,
        help_text=_(
            "건강 테스트는 이 대상에 맞는 분께만 이 서비스를 추천해요. 누구나 이용할 수 있으면 '누구나'."
        ),
    )
    price = models.PositiveIntegerField(_("가격(원)"), help_text=_("원 단위 정수. 무료면 0."))
    unit = models.CharField(
        _("가격 단위"), max_length=10, choices=PriceUnit.choices, default=PriceUnit.SESSION
    )
    duration_minutes = models.PositiveSmallIntegerField(_("소요 시간(분)"), null=True, blank=True)
    is_experience = models.BooleanField(
        _("체험 상품"), default=False, help_text=_("처음 해 보는 분을 위한 낮은 가격의 상품")
    )
    status = models.CharField(_("상태"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    stock = models.PositiveIntegerField(
        _("재고"),
        null=True,
        blank=True,
        help_text=_("물품의 남은 수량. 시간 예약이나 제한 없는 서비스는 비워 두세요."),
    )
    created_at = models.DateTimeField(_("등록일"), auto_now_add=True)
    updated_at = models.DateTimeField(_("수정일"), auto_now=True)
    published_at = models.DateTimeField(_("공개일"), null=True, blank=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("서비스")
        verbose_name_plural = _("서비스")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(price__gte=0), name="service_price_non_negative"),
            models.CheckConstraint(
                condition=Q(stock__isnull=True) | Q(stock__gte=0), name="service_stock_non_negative"
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__isnull=True) | Q(duration_minutes__gte=1),
                name="service_duration_positive",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "domain"], name="service_status_domain"),
            models.Index(fields=["status", "-published_at"], name="service_status_published"),
            models.Index(fields=["status", "price"], name="service_status_price"),
        ]
        # Trigram (pg_trgm) GIN indexes for Korean search are created by migration 0002 on PostgreSQL only.

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:service_detail", kwargs={"slug": self.slug})

    @property
    def is_goods(self) -> bool:
        return self.delivery == Delivery.SHIPPED

    @property
    def books_by_time(self) -> bool:
        """Booked by choosing a time: services without a stock that are not goods. Goods, and services
        sold by stock, are booked by quantity. The service page and the cart both follow this one rule."""
        return self.stock is None and not self.is_goods

    @property
    def delivery_help(self) -> str:
        return DELIVERY_HELP[Delivery(self.delivery)]


class ServiceImage(models.Model):
    """A photo of a service, re-encoded on upload (EXIF removed) with card and detail renditions."""

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="images", verbose_name=_("서비스")
    )
    image = models.ImageField(_("사진"), upload_to="services/original/")
    card = models.ImageField(_("목록용 사진"), upload_to="services/card/", blank=True, editable=False)
    detail = models.ImageField(_("상세용 사진"), upload_to="services/detail/", blank=True, editable=False)
    is_pending = models.BooleanField(
        _("검토 기다림"),
        default=False,
        editable=False,
        help_text=_("공개 중인 서비스에 기업이 새로 올린 사진은 조합이 확인한 뒤에 보여요."),
    )
    alt_text = models.CharField(
        _("사진 설명(대체 텍스트)"),
        max_length=200,
        help_text=_("사진을 볼 수 없는 분께 읽어 주는 글이에요. 예: 강사가 어르신과 스트레칭하는 모습"),
    )
    position = models.PositiveSmallIntegerField(_("순서"), default=0)

    class Meta:
        verbose_name = _("서비스 사진")
        verbose_name_plural = _("서비스 사진")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.alt_text


class SlotQuerySet(models.QuerySet):
    def upcoming(self, now=None) -> "SlotQuerySet":
        return self.filter(starts_at__gt=now or timezone.now())

    def with_seats(self) -> "SlotQuerySet":
        return self.filter(booked__lt=F("capacity"))


class Slot(models.Model):
    """A bookable time of a service. ``booked`` is kept by the orders services under a row lock."""

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="slots", verbose_name=_("서비스")
    )
    starts_at = models.DateTimeField(_("시작"))
    ends_at = models.DateTimeField(_("끝"))
    capacity = models.PositiveIntegerField(_("정원(명)"), validators=[MinValueValidator(1)])
    booked = models.PositiveIntegerField(_("예약된 자리"), default=0, editable=False)

    objects = SlotQuerySet.as_manager()

    class Meta:
        verbose_name = _("예약 시간")
        verbose_name_plural = _("예약 시간")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="slot_capacity_positive"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="slot_ends_after_start"),
            models.CheckConstraint(condition=Q(booked__lte=F("capacity")), name="slot_not_overbooked"),
            models.UniqueConstraint(fields=["service", "starts_at"], name="slot_unique_start"),
        ]
        indexes = [
            models.Index(fields=["service", "starts_at"], name="slot_service_start"),
            models.Index(fields=["starts_at"], name="slot_start"),
        ]

    def __str__(self) -> str:
        local = timezone.localtime(self.starts_at)
        return f"{self.service} · {local:%Y-%m-%d %H:%M}"

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.booked, 0)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("끝나는 시간은 시작 시간보다 늦어야 해요.")})
        if self.capacity is not None and self.booked > self.capacity:
            raise ValidationError({"capacity": _("이미 예약된 자리보다 정원을 적게 할 수 없어요.")})


class ServiceChange(models.Model):
    """Edits an enterprise made to a published listing, waiting for the cooperative: what residents rely
    on (title, texts, price, unit, domain, needs, new pictures) stays as published until it is approved."""

    class Status(models.TextChoices):
        PENDING = "pending", _("검토 기다림")
        APPROVED = "approved", _("반영함")
        REJECTED = "rejected", _("반려함")

    REVIEWED_FIELDS = ("title", "summary", "description", "price", "unit", "domain")

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="changes", verbose_name=_("서비스")
    )
    data = models.JSONField(_("바꾸려는 내용"), default=dict)
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.PENDING)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("요청한 사람"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("결정한 사람"),
    )
    note = models.CharField(_("반려 이유"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("요청한 때"), auto_now_add=True)
    updated_at = models.DateTimeField(_("고친 때"), auto_now=True)
    decided_at = models.DateTimeField(_("결정한 때"), null=True, blank=True)

    class Meta:
        verbose_name = _("공개 서비스 변경 요청")
        verbose_name_plural = _("공개 서비스 변경 요청")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["service"], condition=Q(status="pending"), name="servicechange_one_pending"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service} · {self.get_status_display()}"


class PartnerApplication(models.Model):
    """입점 신청: an enterprise asks to join 마주봄. Approval creates its (unpublished) Provider and invites
    the contact as its owner; a rejection sends the reason. Who decided is kept."""

    class Status(models.TextChoices):
        PENDING = "pending", _("검토 중")
        APPROVED = "approved", _("승인")
        REJECTED = "rejected", _("거절")

    name = models.CharField(_("기업 이름"), max_length=100)
    kind = models.CharField(_("기업 유형"), max_length=30, choices=ProviderKind.choices)
    business_number = models.CharField(
        _("사업자등록번호"), max_length=12, help_text=_("123-45-67890 꼴로 저장해요.")
    )
    certification_number = models.CharField(_("인증·지정 번호"), max_length=40, blank=True)
    district = models.CharField(_("구"), max_length=10, choices=District.choices)
    address = models.CharField(_("주소"), max_length=200)
    contact_name = models.CharField(_("담당자 이름"), max_length=50)
    phone = models.CharField(_("담당자 휴대전화"), max_length=13)
    email = models.EmailField(_("담당자 이메일"))
    domains = models.JSONField(_("건강 영역"), default=list)
    description = models.TextField(_("하려는 일"), max_length=2000)
    agreed_privacy_at = models.DateTimeField(_("개인정보 동의한 때"))
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices, default=Status.PENDING)
    provider = models.ForeignKey(
        Provider,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("만들어진 기업"),
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
    ip_hash = models.CharField(_("보낸 곳(해시)"), max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("신청한 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("입점 신청")
        verbose_name_plural = _("입점 신청")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["business_number"], condition=Q(status="pending"), name="partner_application_one_open"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"
