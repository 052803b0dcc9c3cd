"""Where the market closes: carts, orders, their lines (as bought), payments and reviews."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from catalog.models import Provider, Service, Slot


class Cart(models.Model):
    """A resident's cart: one per account; an anonymous one is remembered by the session and merged into
    the account's cart at login."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="cart"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("장바구니")
        verbose_name_plural = _("장바구니")

    def __str__(self) -> str:
        return f"cart {self.pk}"


class CartLine(models.Model):
    cart = models.ForeignKey(Cart, on_delete=models.CASCADE, related_name="lines")
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    quantity = models.PositiveIntegerField(default=1, validators=[MinValueValidator(1)])
    price_seen = models.PositiveIntegerField(help_text=_("담을 때의 가격: 바뀌면 알려 드려요."))
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name = _("장바구니 항목")
        verbose_name_plural = _("장바구니 항목")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="cartline_quantity_positive"),
            models.UniqueConstraint(
                fields=["cart", "service", "slot"],
                condition=Q(slot__isnull=False),
                name="cartline_unique_slot",
            ),
            models.UniqueConstraint(
                fields=["cart", "service"], condition=Q(slot__isnull=True), name="cartline_unique_service"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} × {self.quantity}"


class Order(models.Model):
    class Status(models.TextChoices):
        PENDING_PAYMENT = "pending_payment", _("입금 대기")
        PAID = "paid", _("결제 완료")
        COMPLETED = "completed", _("이용 완료")
        CANCELLED = "cancelled", pgettext_lazy("order status", "취소")
        REFUNDED = "refunded", pgettext_lazy("order status", "환불")

    class PaymentMethod(models.TextChoices):
        BANK_TRANSFER = "bank_transfer", _("계좌이체")
        ON_SITE = "on_site", _("현장 결제")
        FREE = "free", _("무료")

    number = models.CharField(_("주문 번호"), max_length=20, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="orders", verbose_name=_("주문한 분")
    )
    name = models.CharField(_("이름"), max_length=50)
    phone = models.CharField(_("전화번호"), max_length=20)
    email = models.EmailField(_("이메일"))
    status = models.CharField(
        _("상태"), max_length=20, choices=Status.choices, default=Status.PENDING_PAYMENT, db_index=True
    )
    payment_method = models.CharField(_("결제 방법"), max_length=20, choices=PaymentMethod.choices)
    total = models.PositiveIntegerField(_("합계(원)"))
    payment_due = models.DateTimeField(_("입금 기한"), null=True, blank=True, db_index=True)
    idempotency_key = models.UUIDField(_("중복 주문 방지 키"))
    created_at = models.DateTimeField(_("주문한 때"), auto_now_add=True, db_index=True)
    paid_at = models.DateTimeField(_("결제한 때"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("취소한 때"), null=True, blank=True)
    cancel_reason = models.CharField(_("취소 이유"), max_length=200, blank=True)
    refunded_amount = models.PositiveIntegerField(_("환불 금액"), null=True, blank=True)
    refund_reason = models.CharField(_("환불 이유"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("주문")
        verbose_name_plural = _("주문")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "idempotency_key"], name="order_idempotency_unique"),
            models.CheckConstraint(condition=Q(total__gte=0), name="order_total_non_negative"),
            models.CheckConstraint(
                condition=Q(refunded_amount__isnull=True) | Q(refunded_amount__lte=F("total")),
                name="order_refund_not_above_total",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("orders:detail", kwargs={"number": self.number})


class OrderLine(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("예약됨")
        FULFILLED = "fulfilled", _("이용 완료")
        CANCELLED = "cancelled", pgettext_lazy("order status", "취소")

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines", verbose_name=_("주문"))
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="order_lines", verbose_name=_("서비스")
    )
    slot = models.ForeignKey(
        Slot,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="order_lines",
        verbose_name=_("예약 시간"),
    )
    provider = models.ForeignKey(
        Provider, on_delete=models.PROTECT, related_name="order_lines", verbose_name=_("기업")
    )
    title = models.CharField(_("서비스 이름 (주문 당시)"), max_length=120)
    unit_price = models.PositiveIntegerField(_("단가 (주문 당시)"))
    quantity = models.PositiveIntegerField(_("수량"), validators=[MinValueValidator(1)])
    status = models.CharField(_("상태"), max_length=20, choices=Status.choices, default=Status.BOOKED)
    fulfilled_at = models.DateTimeField(_("이용 완료 처리한 때"), null=True, blank=True)

    class Meta:
        verbose_name = _("주문 항목")
        verbose_name_plural = _("주문 항목")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="orderline_quantity_positive")
        ]

    def __str__(self) -> str:
        return f"{self.order.number} · {self.title} × {self.quantity}"

    @property
    def line_total(self) -> int:
        return self.unit_price * self.quantity


class Payment(models.Model):
    class Kind(models.TextChoices):
        PAYMENT = "payment", _("입금")
        REFUND = "refund", _("환불")

    order = models.ForeignKey(
        Order, on_delete=models.CASCADE, related_name="payments", verbose_name=_("주문")
    )
    kind = models.CharField(_("종류"), max_length=10, choices=Kind.choices, default=Kind.PAYMENT)
    amount = models.PositiveIntegerField(_("금액(원)"))
    method = models.CharField(_("방법"), max_length=20, choices=Order.PaymentMethod.choices)
    reference = models.CharField(_("참고 (입금자명·거래 번호)"), max_length=100, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("확인한 사람")
    )
    confirmed_at = models.DateTimeField(_("확인한 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("결제 기록")
        verbose_name_plural = _("결제 기록")
        ordering = ["confirmed_at"]

    def __str__(self) -> str:
        return f"{self.order.number} {self.get_kind_display()} {self.amount:,}원"


class Review(models.Model):
    """One review per completed order line, by its buyer. Lives with orders (it needs the order line);
    the service page shows it through the orders template tags. DESIGN.md lists it under catalog."""

    order_line = models.OneToOneField(OrderLine, on_delete=models.CASCADE, related_name="review")
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("서비스")
    )
    rating = models.PositiveSmallIntegerField(
        _("별점"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    body = models.TextField(_("후기"), max_length=1000, blank=True)
    is_hidden = models.BooleanField(_("숨김"), default=False)
    created_at = models.DateTimeField(_("쓴 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("후기")
        verbose_name_plural = _("후기")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="review_rating_range")
        ]

    def __str__(self) -> str:
        return f"{self.service} ★{self.rating}"
