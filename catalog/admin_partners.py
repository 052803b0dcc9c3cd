"""입점 신청 in the admin, for the cooperative only: read the application, approve (an unpublished
enterprise and its owner invited) or reject with a reason that is sent. Registered from CatalogConfig.ready
(kept apart from catalog/admin.py)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from majubom.admin_actions import ActionFormMixin, run_each

from . import partners
from .models import PartnerApplication
from .selectors import user_is_cooperative_staff


class RejectForm(forms.Form):
    message = forms.CharField(
        label=_("신청한 기업에 전할 말"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )


@admin.register(PartnerApplication)
class PartnerApplicationAdmin(ActionFormMixin, admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "business_number",
        "district",
        "contact_name",
        "status",
        "created_at",
        "decided_by",
    ]
    list_filter = ["status", "kind", "district"]
    search_fields = ["name", "business_number", "contact_name", "email"]
    readonly_fields = [f.name for f in PartnerApplication._meta.fields if f.name not in ("id", "ip_hash")]
    exclude = ["ip_hash"]
    actions = ["approve", "reject"]

    # The cooperative alone sees applications (a provider member never does).
    def has_module_permission(self, request):
        return user_is_cooperative_staff(request.user)

    def has_view_permission(self, request, obj=None):
        return user_is_cooperative_staff(request.user)

    def has_change_permission(self, request, obj=None):
        return False  # decisions are actions; an application is what the enterprise sent

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("선택한 신청 승인 (기업을 만들고 담당자를 초대해요)"))
    def approve(self, request, queryset):
        run_each(
            self,
            request,
            queryset.order_by("pk"),
            lambda application: partners.application_approve(application=application, by=request.user),
            label=lambda application: application.name,
            done=lambda n: (
                ngettext(
                    "%(n)d곳을 승인하고 담당자에게 초대를 보냈어요.",
                    "%(n)d곳을 승인하고 담당자에게 초대를 보냈어요.",
                    n,
                )
                % {"n": n}
            ),
        )

    @admin.action(description=_("선택한 신청 거절 (까닭을 적어요)"))
    def reject(self, request, queryset):
        title = _("입점 신청 거절")
        lead = _("적은 말은 신청한 기업에 그대로 전해져요. 따뜻하고 분명하게 적어 주세요.")
        if "apply" not in request.POST:
            return self._action_page(request, queryset, RejectForm(), "reject", title, lead)
        form = RejectForm(request.POST)
        if not form.is_valid():
            return self._action_page(request, queryset, form, "reject", title, lead)
        run_each(
            self,
            request,
            queryset.order_by("pk"),
            lambda application: partners.application_reject(
                application=application, by=request.user, message=form.cleaned_data["message"]
            ),
            label=lambda application: application.name,
            done=lambda n: (
                ngettext("%(n)d곳의 신청을 거절했어요.", "%(n)d곳의 신청을 거절했어요.", n) % {"n": n}
            ),
        )
        return None
