"""Orders in the admin.

The cooperative sees every order (confirm transfers, cancel, refund, export, monthly settlement).
A provider member sees only the order lines of their own services — never other providers' lines of the
same order, never whole orders — with the buyer's contact to deliver; they mark lines fulfilled and
on-site payments paid. Scoping comes from catalog's ``ProviderScopedMixin`` (provider_field="provider").
"""

import datetime as dt

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from catalog.admin import ProviderScopedMixin
from catalog.selectors import user_is_cooperative_staff
from majubom.admin_actions import csv_response, run_each, titled_filter, won
from majubom.admin_safety import SafeInputAdminMixin
from majubom.errors import MajubomError

from . import selectors, services
from .models import Order, OrderLine, Payment, Review


class OrderLineInline(admin.TabularInline):
    model = OrderLine
    extra = 0
    can_delete = False
    fields = ["title", "provider", "slot", "unit_price_display", "quantity", "status", "fulfilled_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("단가 (주문 당시)"))
    def unit_price_display(self, obj):
        return won(obj.unit_price)


class PaymentInline(admin.TabularInline):
    model = Payment
    extra = 0
    can_delete = False
    fields = ["kind", "amount_display", "method", "reference", "confirmed_by", "confirmed_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("금액"))
    def amount_display(self, obj):
        return won(obj.amount)


class PaymentReferenceForm(forms.Form):
    reference = forms.CharField(label=_("입금자명 / 거래 번호"), max_length=100, required=False)


class RefundForm(forms.Form):
    amount = forms.IntegerField(label=_("환불 금액(원)"), min_value=1)
    reason = forms.CharField(label=_("환불 이유"), max_length=200)


@admin.register(Order)
class OrderAdmin(SafeInputAdminMixin, admin.ModelAdmin):
    """Cooperative staff only (Django permissions); provider members use the order line admin."""

    list_display = [
        "number",
        "name",
        "phone",
        "status",
        "payment_method",
        "total_display",
        "payment_due",
        "created_at",
    ]
    list_filter = ["status", "payment_method", "created_at"]
    search_fields = ["number", "name", "phone", "email"]
    date_hierarchy = "created_at"
    inlines = [OrderLineInline, PaymentInline]
    actions = ["confirm_payment", "cancel_orders", "refund", "export_csv"]
    change_list_template = "admin/orders/order/change_list.html"
    readonly_fields = [
        "number",
        "user",
        "name",
        "phone",
        "email",
        "status",
        "payment_method",
        "total_display",
        "payment_due",
        "idempotency_key",
        "created_at",
        "paid_at",
        "cancelled_at",
        "cancel_reason",
        "refunded_display",
        "refund_reason",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # Changes go through the actions (which call the services), never through the form.
        return self.has_view_permission(request, obj) and user_is_cooperative_staff(request.user)

    def has_module_permission(self, request):
        return user_is_cooperative_staff(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return user_is_cooperative_staff(request.user) and super().has_view_permission(request, obj)

    @admin.display(description=_("합계"), ordering="total")
    def total_display(self, obj):
        return won(obj.total)

    @admin.display(description=_("환불 금액"))
    def refunded_display(self, obj):
        return None if obj.refunded_amount is None else won(obj.refunded_amount)  # None: the admin's "-"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Every field is read-only and every change is an action on the list: no save buttons to wonder at.
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description=_("입금 확인 (선택한 주문을 결제 완료로)"))
    def confirm_payment(self, request, queryset):
        if "apply" not in request.POST:
            return self._intermediate(
                request, queryset, PaymentReferenceForm(), "confirm_payment", _("입금 확인")
            )
        form = PaymentReferenceForm(request.POST)
        form.is_valid()
        reference = form.cleaned_data.get("reference", "")
        run_each(
            self,
            request,
            queryset,
            lambda order: services.payment_confirm(
                order=order, by=request.user, amount=order.total, reference=reference
            ),
            label=lambda order: order.number,
            done=lambda n: (
                ngettext("%(n)d건의 입금을 확인했어요.", "%(n)d건의 입금을 확인했어요.", n) % {"n": n}
            ),
        )
        return None

    @admin.action(description=_("주문 취소 (자리를 풀어요)"))
    def cancel_orders(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda order: services.order_cancel(
                order=order, by=request.user, reason=_("마주봄 협동조합이 취소했어요.")
            ),
            label=lambda order: order.number,
            done=lambda n: ngettext("%(n)d건을 취소했어요.", "%(n)d건을 취소했어요.", n) % {"n": n},
        )

    @admin.action(description=_("환불"))
    def refund(self, request, queryset):
        if "apply" not in request.POST:
            first = queryset.first()
            return self._intermediate(
                request,
                queryset,
                RefundForm(initial={"amount": first.total if first else 0}),
                "refund",
                _("환불"),
            )
        form = RefundForm(request.POST)
        if form.is_valid():
            # The service's own rules, asked first for every selected order: one refusal stops them all.
            for order in queryset:
                try:
                    services.check_order_refund(order=order, by=request.user, **form.cleaned_data)
                except MajubomError as error:
                    form.add_error("amount", f"{order.number}: {error.message}")
        if not form.is_valid():
            return self._intermediate(request, queryset, form, "refund", _("환불"))
        run_each(
            self,
            request,
            queryset,
            lambda order: services.order_refund(order=order, by=request.user, **form.cleaned_data),
            label=lambda order: order.number,
            done=lambda n: ngettext("%(n)d건을 환불했어요.", "%(n)d건을 환불했어요.", n) % {"n": n},
        )
        return None

    @admin.action(description=_("CSV로 내보내기"))
    def export_csv(self, request, queryset):
        rows = (
            [
                o.number,
                timezone.localtime(o.created_at).strftime("%Y-%m-%d %H:%M"),
                o.name,
                o.phone,
                o.email,
                o.get_status_display(),
                o.get_payment_method_display(),
                o.total,
            ]
            for o in queryset.order_by("created_at")
        )
        return csv_response(
            "majubom-orders.csv",
            ["주문 번호", "주문한 때", "이름", "전화", "이메일", "상태", "결제 방법", "합계"],
            rows,
        )

    def _intermediate(self, request, queryset, form, action, title):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "queryset": queryset,
            "form": form,
            "action": action,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/orders/order/action_form.html", context)

    def get_urls(self):
        return [
            path(
                "settlement/",
                self.admin_site.admin_view(self.settlement_view),
                name="orders_order_settlement",
            ),
            *super().get_urls(),
        ]

    def settlement_view(self, request):
        """Monthly settlement per provider: fulfilled lines of paid or completed orders, gross, fee, net."""
        if not user_is_cooperative_staff(request.user):
            raise PermissionDenied
        month = request.GET.get("month") or timezone.localdate().strftime("%Y-%m")
        try:
            start = dt.datetime.strptime(month, "%Y-%m").date().replace(day=1)
        except ValueError:
            start = timezone.localdate().replace(day=1)
            messages.error(request, _("달을 2026-11 처럼 적어 주세요."))
        end = (start + dt.timedelta(days=32)).replace(day=1)
        rows = selectors.settlement_rows(start=start, end=end)
        if request.GET.get("format") == "csv":
            return csv_response(
                f"majubom-settlement-{start:%Y-%m}.csv",
                ["기업", "이용 완료 항목", "매출(원)", "수수료율", "수수료(원)", "지급액(원)"],
                ([r["provider"], r["lines"], r["gross"], r["rate"], r["fee"], r["net"]] for r in rows),
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("월별 정산"),
            "rows": rows,
            "month": f"{start:%Y-%m}",
            "totals": selectors.settlement_totals(rows),
        }
        return TemplateResponse(request, "admin/orders/order/settlement.html", context)


@admin.register(OrderLine)
class OrderLineAdmin(ProviderScopedMixin, admin.ModelAdmin):
    """The lines of an enterprise's own services, with what is needed to deliver them."""

    provider_field = "provider"
    list_display = [
        "order_number",
        "title",
        "slot_time",
        "quantity",
        "line_total_display",
        "line_status",
        "buyer",
        "buyer_phone",
        "order_status",
        "payment_method",
    ]
    # The line's status and its order's status are both called 상태; the headings say which is which.
    list_filter = [
        ("status", titled_filter(_("항목 상태"))),
        ("order__status", titled_filter(_("주문 상태"))),
        ("provider", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["order__number", "title", "order__name", "order__phone"]
    list_select_related = ["order", "slot", "provider"]
    actions = ["mark_fulfilled", "mark_paid_on_site", "export_csv"]
    fields = [
        "order_number",
        "title",
        "provider",
        "slot_time",
        "unit_price_display",
        "quantity",
        "line_status",
        "fulfilled_at",
        "buyer",
        "buyer_phone",
        "buyer_email",
        "order_status",
        "payment_method",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, *args):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # Read-only form; changes are the actions below.
        return False

    @admin.display(description=_("주문 번호"), ordering="order__number")
    def order_number(self, obj):
        return obj.order.number

    @admin.display(description=_("예약 시간"), ordering="slot__starts_at")
    def slot_time(self, obj):
        return timezone.localtime(obj.slot.starts_at).strftime("%Y-%m-%d %H:%M") if obj.slot else "—"

    @admin.display(description=_("금액"))
    def line_total_display(self, obj):
        return won(obj.line_total)

    @admin.display(description=_("단가 (주문 당시)"))
    def unit_price_display(self, obj):
        return won(obj.unit_price)

    @admin.display(description=_("항목 상태"), ordering="status")
    def line_status(self, obj):
        return obj.get_status_display()

    @admin.display(description=_("주문한 분"))
    def buyer(self, obj):
        return obj.order.name

    @admin.display(description=_("전화"))
    def buyer_phone(self, obj):
        return obj.order.phone

    @admin.display(description=_("이메일"))
    def buyer_email(self, obj):
        return obj.order.email

    @admin.display(description=_("주문 상태"))
    def order_status(self, obj):
        return obj.order.get_status_display()

    @admin.display(description=_("결제 방법"))
    def payment_method(self, obj):
        return obj.order.get_payment_method_display()

    @admin.action(description=_("이용 완료로 표시"))
    def mark_fulfilled(self, request, queryset):
        run_each(
            self,
            request,
            queryset.select_related("order"),
            lambda line: services.line_fulfil(line=line, by=request.user),
            label=lambda line: f"{line.order.number} {line.title}",
            done=lambda n: (
                ngettext("%(n)d개 항목을 이용 완료로 바꿨어요.", "%(n)d개 항목을 이용 완료로 바꿨어요.", n)
                % {"n": n}
            ),
        )

    @admin.action(description=_("현장 결제 받음 (주문을 결제 완료로)"))
    def mark_paid_on_site(self, request, queryset):
        def confirm_on_site(order):
            if order.payment_method != Order.PaymentMethod.ON_SITE:
                raise MajubomError(_("현장 결제 주문이 아니에요."))
            services.payment_confirm(
                order=order, by=request.user, amount=order.total, reference=_("현장 결제")
            )

        orders = sorted({line.order for line in queryset.select_related("order")}, key=lambda order: order.pk)
        run_each(
            self,
            request,
            orders,
            confirm_on_site,
            label=lambda order: order.number,
            done=lambda n: (
                ngettext("%(n)d건을 결제 완료로 바꿨어요.", "%(n)d건을 결제 완료로 바꿨어요.", n) % {"n": n}
            ),
        )

    @admin.action(description=_("CSV로 내보내기"))
    def export_csv(self, request, queryset):
        rows = (
            [
                line.order.number,
                line.title,
                self.slot_time(line),
                line.quantity,
                line.line_total,
                line.get_status_display(),
                line.order.name,
                line.order.phone,
                line.order.get_status_display(),
            ]
            for line in queryset.select_related("order", "slot").order_by("pk")
        )
        return csv_response(
            "majubom-order-lines.csv",
            ["주문 번호", "서비스", "예약 시간", "수량", "금액", "상태", "주문한 분", "전화", "주문 상태"],
            rows,
        )


@admin.register(Review)
class ReviewAdmin(ProviderScopedMixin, admin.ModelAdmin):
    """Staff hide reviews; provider members read the reviews of their own services."""

    provider_field = "service__provider"
    list_display = ["service", "rating", "short_body", "is_hidden", "created_at"]
    list_filter = ["rating", "is_hidden"]
    search_fields = ["service__title", "body"]
    list_select_related = ["service"]
    actions = ["hide", "unhide"]
    fields = ["service", "rating", "body", "is_hidden", "created_at"]
    readonly_fields = fields

    @admin.display(description=_("후기"))
    def short_body(self, obj):
        return (obj.body[:60] + "…") if len(obj.body) > 60 else obj.body

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if not user_is_cooperative_staff(request.user):
            actions.pop("hide", None)
            actions.pop("unhide", None)
        return actions

    @admin.action(description=_("선택한 후기 숨기기"))
    def hide(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda review: services.review_set_hidden(review=review, by=request.user, hidden=True),
        )

    @admin.action(description=_("선택한 후기 다시 보이기"))
    def unhide(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda review: services.review_set_hidden(review=review, by=request.user, hidden=False),
        )
