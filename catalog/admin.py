"""The admin for the cooperative (everything) and for provider members (only their own enterprise).

Scoping lives in one place, ``ProviderScopedMixin``: every list, change, delete and history page, search,
filter, autocomplete, inline and action starts from ``get_queryset``, which a provider member only ever
gets filtered to their own providers. Foreign keys offered in forms are filtered the same way, so a
forged provider or service id is a form error. Another provider's object id is a 404.
"""

import datetime as dt
from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.db.models import Count, F, Q
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from majubom.admin_actions import run_each
from majubom.admin_safety import SafeInputAdminMixin
from majubom.errors import MajubomError

from . import dashboard, services
from .forms import ProviderAdminForm, ServiceImageForm, SlotRepeatForm
from .models import Need, Provider, ProviderMember, Service, ServiceChange, ServiceImage, Slot
from .selectors import user_is_cooperative_staff, user_provider_ids


class ProviderScopedMixin(SafeInputAdminMixin):
    """Limit an admin (or inline) to the rows of the providers the user is a member of.

    ``provider_field`` is the lookup from the model to its Provider ("provider", "service__provider",
    or "" for Provider itself). Cooperative staff keep Django's normal permissions and see everything.
    """

    provider_field = "provider"

    def _scoped(self, request) -> bool:
        return not user_is_cooperative_staff(request.user)

    def _provider_ids(self, request) -> frozenset[int]:
        return user_provider_ids(request.user)

    def _object_provider_id(self, obj) -> int | None:
        path = self.provider_field
        if isinstance(self, admin.options.InlineModelAdmin) and isinstance(obj, self.parent_model):
            # Django asks an inline's permissions with the parent object (here always a Service).
            path = "provider"
        if not path:
            return obj.pk
        value = obj
        for part in path.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value.pk

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if not self._scoped(request):
            return qs
        lookup = f"{self.provider_field}__in" if self.provider_field else "pk__in"
        return qs.filter(**{lookup: self._provider_ids(request)})

    def _member_may(self, request, obj=None) -> bool:
        ids = self._provider_ids(request)
        if not ids or not request.user.is_staff or not request.user.is_active:
            return False
        return obj is None or self._object_provider_id(obj) in ids

    def has_module_permission(self, request):
        if not self._scoped(request):
            return super().has_module_permission(request)
        return self._member_may(request)

    def has_view_permission(self, request, obj=None):
        if not self._scoped(request):
            return super().has_view_permission(request, obj)
        return self._member_may(request, obj)

    def has_change_permission(self, request, obj=None):
        if not self._scoped(request):
            return super().has_change_permission(request, obj)
        return self._member_may(request, obj)

    def has_add_permission(self, request, *args):
        if not self._scoped(request):
            return super().has_add_permission(request, *args)
        return self._member_may(request)

    def has_delete_permission(self, request, obj=None):
        if not self._scoped(request):
            return super().has_delete_permission(request, obj)
        return self._member_may(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if self._scoped(request):
            ids = self._provider_ids(request)
            if db_field.related_model is Provider:
                kwargs["queryset"] = Provider.objects.filter(pk__in=ids)
            elif db_field.related_model is Service:
                kwargs["queryset"] = Service.objects.filter(provider__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Django redirects to the admin index for a missing object; another provider's id is simply not found.
        raise Http404(_("찾는 항목이 없어요."))


# --- Provider ---------------------------------------------------------------------------------------------


class ProviderMemberInline(admin.TabularInline):
    model = ProviderMember
    extra = 0
    autocomplete_fields = ["user"]
    verbose_name = _("기업 회원")
    verbose_name_plural = _("기업 회원 (관리 화면에서 이 기업을 관리하는 사람)")


@admin.register(Provider)
class ProviderAdmin(ProviderScopedMixin, admin.ModelAdmin):
    provider_field = ""
    form = ProviderAdminForm
    list_display = ["name", "kind", "district", "is_published", "published_services", "updated_at"]
    list_filter = ["is_published", "kind", "district"]
    search_fields = ["name", "address", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "district", "is_published", "dashboard_link"]}),
        (_("연락처"), {"fields": ["address", "phone", "email", "website"]}),
        (_("소개"), {"fields": ["description", "logo"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_published=Count("services", filter=Q(services__status=Service.Status.PUBLISHED)))
            .order_by("name")
        )

    @admin.display(description=_("공개 서비스"), ordering="_published")
    def published_services(self, obj):
        return obj._published

    def get_readonly_fields(self, request, obj=None):
        # Publication changes only by the actions "공개 승인" / "비공개로", which record who did it.
        if self._scoped(request):
            return ["slug", "kind", "is_published", "dashboard_link"]
        return ["is_published", "dashboard_link"]

    @admin.display(description=_("최근 12주 숫자"))
    def dashboard_link(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        url = reverse("admin:catalog_provider_dashboard", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("추천·주문·후기·건강반·스탬프 한눈에 보기"))

    def get_urls(self):
        view = self.admin_site.admin_view(partial(dashboard.provider_dashboard_view, self))
        urls = [path("<path:object_id>/dashboard/", view, name="catalog_provider_dashboard")]
        return urls + super().get_urls()

    def get_prepopulated_fields(self, request, obj=None):
        return {} if self._scoped(request) else self.prepopulated_fields

    def get_inlines(self, request, obj):
        return [] if self._scoped(request) else [ProviderMemberInline]

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if self._scoped(request):
            actions.pop("publish", None)
            actions.pop("unpublish", None)
        return actions

    def has_add_permission(self, request, *args):
        # New enterprises join through the cooperative, not by a member adding one.
        return False if self._scoped(request) else super().has_add_permission(request, *args)

    def has_delete_permission(self, request, obj=None):
        return False if self._scoped(request) else super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        services.provider_update(provider=obj, by=request.user, changed=form.changed_data)

    # The service records who changed what (majubom.audit); the admin's own entry would say it twice.
    def log_addition(self, request, obj, message):
        return None

    def log_change(self, request, obj, message):
        return None

    @admin.action(description=_("선택한 기업을 공개 승인"))
    def publish(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda provider: services.provider_set_published(
                provider=provider, by=request.user, published=True
            ),
            done=lambda n: _("공개 승인했어요."),
        )

    @admin.action(description=_("선택한 기업을 비공개로"))
    def unpublish(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda provider: services.provider_set_published(
                provider=provider, by=request.user, published=False
            ),
            done=lambda n: _("비공개로 바꿨어요."),
        )


@admin.register(ProviderMember)
class ProviderMemberAdmin(admin.ModelAdmin):
    """Only the cooperative decides who manages an enterprise (Django permissions, not membership)."""

    list_display = ["user", "provider", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__name", "provider__name"]
    autocomplete_fields = ["user", "provider"]


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    """The shared vocabulary: provider members may read it (for tagging), only the cooperative edits it."""

    list_display = ["name", "slug", "domain"]
    list_filter = ["domain"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or bool(
            request.user.is_staff and user_provider_ids(request.user)
        )

    def has_module_permission(self, request):
        return super().has_module_permission(request) or bool(
            request.user.is_staff and user_provider_ids(request.user)
        )


# --- Service, images, slots --------------------------------------------------------------------------------


class ServiceImageInline(ProviderScopedMixin, admin.StackedInline):
    model = ServiceImage
    form = ServiceImageForm
    max_inline_rows = 20  # pictures of one service read from one post, at most
    provider_field = "service__provider"
    extra = 0
    fields = ["preview", "image", "alt_text", "position"]
    readonly_fields = ["preview"]

    @admin.display(description=_("미리보기"))
    def preview(self, obj):
        if obj and obj.card:
            return format_html('<img src="{}" alt="" width="160">', obj.card.url)
        return "—"


class SlotInline(ProviderScopedMixin, admin.TabularInline):
    model = Slot
    provider_field = "service__provider"
    extra = 0
    fields = ["starts_at", "ends_at", "capacity", "booked"]
    readonly_fields = ["booked"]
    verbose_name_plural = _("다가오는 예약 시간 (여러 주를 한꺼번에 만들려면 위의 '매주 반복 일정 만들기')")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(starts_at__gte=timezone.now() - dt.timedelta(days=1))


class ServiceAdminForm(forms.ModelForm):
    class Meta:
        model = Service
        fields = [
            "provider",
            "title",
            "slug",
            "summary",
            "description",
            "domain",
            "needs",
            "audience",
            "delivery",
            "price",
            "unit",
            "duration_minutes",
            "is_experience",
            "stock",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("비워 두면 자동으로 만들어요.")


@admin.register(Service)
class ServiceAdmin(ProviderScopedMixin, admin.ModelAdmin):
    form = ServiceAdminForm
    list_display = [
        "title",
        "provider",
        "domain",
        "delivery",
        "price_display",
        "is_experience",
        "status",
        "upcoming_slots",
    ]
    list_filter = [
        "status",
        "domain",
        "delivery",
        "is_experience",
        ("provider", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "summary", "provider__name"]
    autocomplete_fields = ["needs", "provider"]
    inlines = [ServiceImageInline, SlotInline]
    actions = ["submit_for_review", "publish", "archive"]
    list_select_related = ["provider"]
    change_form_template = "admin/catalog/service/change_form.html"

    def get_fieldsets(self, request, obj=None):
        main = ["provider", "title", "slug", "summary", "description", "domain", "needs", "audience"]
        if self._scoped(request) and len(self._provider_ids(request)) == 1:
            main.remove("provider")
        return [
            (None, {"fields": main}),
            (
                _("가격과 이용 방법"),
                {"fields": ["delivery", "price", "unit", "duration_minutes", "is_experience", "stock"]},
            ),
            (
                _("상태 (검토 요청·공개·보관은 목록의 작업으로 바꿔요)"),
                {"fields": ["status", "published_at"]},
            ),
        ]

    def get_readonly_fields(self, request, obj=None):
        # The state changes only through the moderation actions, for everyone (services record who).
        readonly = ["status", "published_at"]
        if self._scoped(request) and obj is not None:
            readonly.append("provider")
        return readonly

    def get_autocomplete_fields(self, request):
        return ["needs"] if self._scoped(request) else self.autocomplete_fields

    def get_queryset(self, request):
        now = timezone.now()
        return (
            super()
            .get_queryset(request)
            .annotate(
                _upcoming=Count(
                    "slots", filter=Q(slots__starts_at__gt=now, slots__booked__lt=F("slots__capacity"))
                )
            )
            .order_by("-updated_at", "-pk")
        )

    @admin.display(description=_("가격"), ordering="price")
    def price_display(self, obj):
        return f"{obj.price:,}원 / {obj.get_unit_display()}"

    @admin.display(description=_("열린 일정"), ordering="_upcoming")
    def upcoming_slots(self, obj):
        return obj._upcoming

    def save_model(self, request, obj, form, change):
        needs = form.cleaned_data.get("needs")
        if not change:
            services.service_create(service=obj, by=request.user, needs=needs)
            return
        pending = services.service_update(
            service=obj, by=request.user, changed=form.changed_data, needs=needs
        )
        if pending is not None:
            self.message_user(
                request,
                _(
                    "공개 중인 서비스라서 이름·설명·가격·영역·건강 필요는 "
                    "마주봄 협동조합이 확인한 뒤에 바뀌어요. 그때까지는 지금 공개된 내용이 보여요."
                ),
                messages.WARNING,
            )

    def save_related(self, request, form, formsets, change):
        # The needs were saved by the service (or wait for review); only the inlines are left.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            pending = ServiceChange.objects.filter(
                service_id=object_id if str(object_id).isdigit() else None,
                status=ServiceChange.Status.PENDING,
            ).first()
            if pending is not None and self.get_object(request, object_id) is not None:
                self.message_user(
                    request,
                    _("조합의 확인을 기다리는 변경이 있어요 (%(when)s). 확인되면 주민에게 보여요.")
                    % {"when": timezone.localtime(pending.updated_at).strftime("%Y-%m-%d %H:%M")},
                    messages.WARNING,
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def save_formset(self, request, form, formset, change):
        for part in formset.save(commit=False):
            services.service_part_save(part=part, by=request.user)
        for part in formset.deleted_objects:
            services.service_part_delete(part=part, by=request.user)
        formset.save_m2m()

    # The services record who changed what (majubom.audit); the admin's own entry would say it twice.
    def log_addition(self, request, obj, message):
        return None

    def log_change(self, request, obj, message):
        return None

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if self._scoped(request):
            actions.pop("publish", None)
        return actions

    @admin.action(description=_("선택한 서비스의 검토를 조합에 요청"))
    def submit_for_review(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda service: services.service_submit_for_review(service=service, by=request.user),
            label=lambda service: service.title,
            done=lambda n: (
                ngettext("%(n)d개 서비스의 검토를 요청했어요.", "%(n)d개 서비스의 검토를 요청했어요.", n)
                % {"n": n}
            ),
        )

    @admin.action(description=_("선택한 서비스를 공개 (조합)"))
    def publish(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda service: services.service_publish(service=service, by=request.user),
            label=lambda service: service.title,
            done=lambda n: (
                ngettext("%(n)d개 서비스를 공개했어요.", "%(n)d개 서비스를 공개했어요.", n) % {"n": n}
            ),
        )

    @admin.action(description=_("선택한 서비스를 보관 (목록에서 내리기)"))
    def archive(self, request, queryset):
        run_each(
            self,
            request,
            queryset,
            lambda service: services.service_archive(service=service, by=request.user),
            label=lambda service: service.title,
            done=lambda n: _("보관했어요. 주민에게 더는 보이지 않아요."),
        )

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/repeat-slots/",
                self.admin_site.admin_view(self.repeat_slots_view),
                name="catalog_service_repeat_slots",
            )
        ]
        return urls + super().get_urls()

    def repeat_slots_view(self, request, object_id):
        service = self.get_object(request, object_id)
        if service is None or not self.has_change_permission(request, service):
            raise Http404(_("찾는 항목이 없어요."))
        form = SlotRepeatForm(request.POST or None, initial={"first_date": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            try:
                created = services.slots_repeat_weekly(service=service, by=request.user, **form.cleaned_data)
            except MajubomError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(
                    request,
                    ngettext(
                        "예약 시간 %(n)d개를 만들었어요.", "예약 시간 %(n)d개를 만들었어요.", len(created)
                    )
                    % {"n": len(created)},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:catalog_service_change", args=[service.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": service,
            "title": _("매주 반복 일정 만들기"),
            "form": form,
            "has_view_permission": True,
        }
        return TemplateResponse(request, "admin/catalog/service/repeat_slots.html", context)


@admin.register(Slot)
class SlotAdmin(ProviderScopedMixin, admin.ModelAdmin):
    """All upcoming times of the enterprise's services in one list (the inline shows one service's)."""

    provider_field = "service__provider"
    list_display = ["service", "starts_at", "ends_at", "capacity", "booked"]
    list_filter = [("service", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["service__title"]
    autocomplete_fields = ["service"]
    date_hierarchy = "starts_at"
    readonly_fields = ["booked"]
    list_select_related = ["service"]

    def save_model(self, request, obj, form, change):
        services.service_part_save(part=obj, by=request.user)

    def delete_model(self, request, obj):
        services.service_part_delete(part=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for slot in queryset:
            services.service_part_delete(part=slot, by=request.user)


@admin.register(ServiceChange)
class ServiceChangeAdmin(ProviderScopedMixin, admin.ModelAdmin):
    """Edits to published listings waiting for the cooperative. Enterprises see their own; the cooperative
    approves or declines them."""

    provider_field = "service__provider"
    list_display = ["service", "changed_fields", "status", "submitted_by", "updated_at", "decided_by"]
    list_filter = ["status"]
    search_fields = ["service__title"]
    list_select_related = ["service", "submitted_by", "decided_by"]
    actions = ["approve", "reject"]
    fields = [
        "service",
        "changes",
        "status",
        "submitted_by",
        "created_at",
        "updated_at",
        "decided_by",
        "note",
    ]
    readonly_fields = fields

    @admin.display(description=_("바꾸려는 항목"))
    def changed_fields(self, obj):
        labels = []
        for name in obj.data:
            if name == "new_pictures":
                labels.append(str(_("새 사진")))
            else:
                labels.append(str(Service._meta.get_field(name).verbose_name))
        return ", ".join(labels)

    @admin.display(description=_("바꾸려는 내용"))
    def changes(self, obj):
        rows = []
        for name, value in obj.data.items():
            if name == "new_pictures":
                rows.append(format_html("<li>{}: {}</li>", _("새 사진"), value))
                continue
            field = Service._meta.get_field(name)
            if name == "needs":
                value = ", ".join(Need.objects.filter(pk__in=value).values_list("name", flat=True))
            elif field.choices:
                value = dict(field.choices).get(value, value)
            rows.append(format_html("<li>{} → {}</li>", field.verbose_name, value))
        return format_html("<ul>{}</ul>", format_html("".join(str(row) for row in rows)))

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if self._scoped(request):
            actions.pop("approve", None)
            actions.pop("reject", None)
        return actions

    @admin.action(description=_("선택한 변경을 반영 (조합)"))
    def approve(self, request, queryset):
        run_each(
            self,
            request,
            queryset.select_related("service"),
            lambda change: services.service_change_approve(change=change, by=request.user),
            label=lambda change: change.service.title,
            done=lambda n: ngettext("%(n)d건을 반영했어요.", "%(n)d건을 반영했어요.", n) % {"n": n},
        )

    @admin.action(description=_("선택한 변경을 반려 (조합)"))
    def reject(self, request, queryset):
        run_each(
            self,
            request,
            queryset.select_related("service"),
            lambda change: services.service_change_reject(change=change, by=request.user),
            label=lambda change: change.service.title,
            done=lambda n: ngettext("%(n)d건을 반려했어요.", "%(n)d건을 반려했어요.", n) % {"n": n},
        )
