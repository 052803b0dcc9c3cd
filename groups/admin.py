"""건강반 in the admin: an enterprise manages only its own groups, schedules, sessions, memberships and
attendance (``ProviderScopedMixin``, as for listings); the cooperative moderates them like services.
Every change goes through ``groups.services``."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from catalog.admin import ProviderScopedMixin
from majubom.admin_actions import csv_response, run_each
from majubom.errors import MajubomError

from . import services
from .models import AbsenceNotice, Attendance, GroupSchedule, GroupSession, HealthGroup, Membership


class GroupScheduleForm(forms.ModelForm):
    weekdays = forms.TypedMultipleChoiceField(
        label=_("요일"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        choices=[(i, name) for i, name in enumerate(["월", "화", "수", "목", "금", "토", "일"])],
    )

    class Meta:
        model = GroupSchedule
        fields = [
            "weekdays",
            "start_time",
            "duration_minutes",
            "first_date",
            "last_date",
            "session_count",
            "place_name",
            "place_address",
            "skip_holidays",
        ]

    def clean(self):
        cleaned = super().clean()
        probe = GroupSchedule(**{k: v for k, v in cleaned.items() if k in self.Meta.fields})
        try:
            if all(
                cleaned.get(k) is not None
                for k in ("weekdays", "start_time", "duration_minutes", "first_date")
            ):
                services.schedule_check(schedule=probe)
        except MajubomError as error:
            raise forms.ValidationError(error.message) from error
        return cleaned


class GroupScheduleInline(ProviderScopedMixin, admin.StackedInline):
    model = GroupSchedule
    form = GroupScheduleForm
    provider_field = "group__provider"
    extra = 0
    max_inline_rows = 10


@admin.register(HealthGroup)
class HealthGroupAdmin(ProviderScopedMixin, admin.ModelAdmin):
    list_display = ["title", "provider", "district", "capacity", "status", "published_at"]
    list_filter = ["status", "domain", "district", ("provider", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "summary", "provider__name"]
    autocomplete_fields = ["needs", "provider"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [GroupScheduleInline]
    readonly_fields = ["status", "published_at"]
    actions = ["submit_for_review", "publish", "close", "archive", "members_csv"]
    list_select_related = ["provider"]

    def get_autocomplete_fields(self, request):
        return ["needs"] if self._scoped(request) else self.autocomplete_fields

    def get_readonly_fields(self, request, obj=None):
        fields = ["status", "published_at"]
        if self._scoped(request) and obj is not None:
            fields.append("provider")
        return fields

    def save_model(self, request, obj, form, change):
        services.group_save(group=obj, by=request.user, changed=form.changed_data)
        over = services.active_over_capacity(obj)
        if over:
            self.message_user(
                request,
                _(
                    "정원보다 %(n)d명이 더 참여 중이에요. 아무도 내보내지 않고, "
                    "자리가 날 때까지 대기자를 올리지 않아요."
                )
                % {"n": over},
                messages.WARNING,
            )

    def save_formset(self, request, form, formset, change):
        for schedule in formset.save(commit=False):
            schedule.save()
            services.sessions_materialise(schedule=schedule)
        for schedule in formset.deleted_objects:
            schedule.delete()
        formset.save_m2m()

    def log_addition(self, request, obj, message):
        return None  # the service records it

    def log_change(self, request, obj, message):
        return None

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if self._scoped(request):
            actions.pop("publish", None)
        return actions

    def _run(self, request, queryset, action, done):
        run_each(
            self,
            request,
            queryset,
            lambda g: action(group=g, by=request.user),
            label=lambda g: g.title,
            done=lambda n: done,
        )

    @admin.action(description=_("선택한 건강반의 검토를 조합에 요청"))
    def submit_for_review(self, request, queryset):
        self._run(request, queryset, services.group_submit_for_review, _("검토를 요청했어요."))

    @admin.action(description=_("선택한 건강반의 모집 시작 (조합)"))
    def publish(self, request, queryset):
        self._run(request, queryset, services.group_publish, _("모집을 시작했어요."))

    @admin.action(description=_("선택한 건강반의 모집 마감"))
    def close(self, request, queryset):
        self._run(request, queryset, services.group_close, _("모집을 마감했어요."))

    @admin.action(description=_("선택한 건강반 보관"))
    def archive(self, request, queryset):
        self._run(request, queryset, services.group_archive, _("보관했어요."))

    @admin.action(description=_("참여자 명단과 출석 CSV"))
    def members_csv(self, request, queryset):
        rows = []
        for group in queryset:
            sessions = list(group.sessions.filter(starts_at__lte=timezone.now()).order_by("starts_at"))
            marks = {
                (a.membership_id, a.session_id): a.get_status_display()
                for a in Attendance.objects.filter(session__in=sessions)
            }
            for m in group.memberships.select_related("user").order_by("status", "waitlisted_at", "pk"):
                rows.append(
                    [
                        group.title,
                        m.user.name,
                        m.user.phone,
                        m.user.email,
                        m.get_status_display(),
                        services.place_in_line(m) or "",
                        *[marks.get((m.pk, s.pk), "") for s in sessions],
                    ]
                )
        header = ["건강반", "이름", "전화", "이메일", "상태", "대기 순번", "출석 →"]
        return csv_response("majubom-group-members.csv", header, rows)


@admin.register(Membership)
class MembershipAdmin(ProviderScopedMixin, admin.ModelAdmin):
    """Members and the waiting list of the enterprise's own groups, with the contact the host needs."""

    provider_field = "group__provider"
    list_display = ["name", "phone", "group", "status", "line", "created_at"]
    list_filter = ["status", ("group", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["user__name", "user__email", "group__title"]
    list_select_related = ["user", "group"]
    actions = ["approve", "reject", "remove"]
    fields = [
        "group",
        "name",
        "phone",
        "email",
        "status",
        "line",
        "joined_at",
        "waitlisted_at",
        "decided_by",
        "message",
    ]
    readonly_fields = fields

    @admin.display(description=_("이름"), ordering="user__name")
    def name(self, obj):
        return obj.user.name

    @admin.display(description=_("전화"))
    def phone(self, obj):
        return obj.user.phone

    @admin.display(description=_("이메일"))
    def email(self, obj):
        return obj.user.email

    @admin.display(description=_("대기 순번"))
    def line(self, obj):
        place = services.place_in_line(obj)
        return _("%(n)d번째") % {"n": place} if place else "—"

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def _run(self, request, queryset, action, done):
        run_each(
            self,
            request,
            queryset.select_related("group"),
            lambda m: action(membership=m, by=request.user),
            label=lambda m: m.user.name or m.user.email,
            done=lambda n: done,
        )

    @admin.action(description=_("참여 신청 승인"))
    def approve(self, request, queryset):
        self._run(request, queryset, services.membership_approve, _("승인했어요."))

    @admin.action(description=_("참여 신청 거절"))
    def reject(self, request, queryset):
        self._run(request, queryset, services.membership_reject, _("거절했어요."))

    @admin.action(description=_("건강반에서 내보내기"))
    def remove(self, request, queryset):
        self._run(
            request, queryset, services.membership_remove, _("내보냈어요. 자리는 대기자에게 돌아갔어요.")
        )


class AttendanceForm(forms.Form):
    status = forms.ChoiceField(choices=Attendance.Status.choices)
    membership = forms.IntegerField()


@admin.register(GroupSession)
class GroupSessionAdmin(ProviderScopedMixin, admin.ModelAdmin):
    provider_field = "group__provider"
    list_display = ["group", "starts_at", "status", "attendance_link"]
    list_filter = ["status", ("group", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["group__title"]
    date_hierarchy = "starts_at"
    list_select_related = ["group"]
    actions = ["cancel"]
    fields = ["group", "starts_at", "ends_at", "place_name", "place_address", "status", "note"]
    readonly_fields = ["group", "status"]

    def has_add_permission(self, request, *args):
        return False  # sessions come from the weekly rule

    @admin.display(description=_("출석"))
    def attendance_link(self, obj):
        url = reverse("admin:groups_groupsession_attendance", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("출석 표시"))

    @admin.action(description=_("선택한 모임 취소 (참여자에게 알려요)"))
    def cancel(self, request, queryset):
        run_each(
            self,
            request,
            queryset.select_related("group"),
            lambda s: services.session_cancel(session=s, by=request.user),
            label=str,
            done=lambda n: ngettext("%(n)d개 모임을 취소했어요.", "%(n)d개 모임을 취소했어요.", n) % {"n": n},
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/attendance/",
                self.admin_site.admin_view(self.attendance_view),
                name="groups_groupsession_attendance",
            ),
            *super().get_urls(),
        ]

    def attendance_view(self, request, object_id):
        """A phone-sized page: the members with their advance notices and big present/late/absent buttons,
        saved with htmx or a plain form post."""
        session = self.get_object(request, object_id)
        if session is None or not self.has_view_permission(request, session):
            raise Http404(_("찾는 항목이 없어요."))
        if request.method == "POST":
            form = AttendanceForm(request.POST)
            if form.is_valid():
                try:
                    services.attendance_mark(
                        session=session,
                        by=request.user,
                        **{
                            "membership_id": form.cleaned_data["membership"],
                            "status": form.cleaned_data["status"],
                        },
                    )
                except MajubomError as error:
                    self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(request, _("출석, 지각, 결석 가운데 골라 주세요."), messages.ERROR)
            if not request.htmx:
                return HttpResponseRedirect(request.path)
        members = list(
            session.group.memberships.filter(status=Membership.Status.ACTIVE)
            .select_related("user")
            .order_by("user__name")
        )
        marks = {
            a.membership_id: a for a in Attendance.objects.filter(session=session).select_related("marked_by")
        }
        notices = set(AbsenceNotice.objects.filter(session=session).values_list("membership_id", flat=True))
        rows = [(m, marks.get(m.pk), m.pk in notices) for m in members]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("출석 표시"),
            "session": session,
            "rows": rows,
            "statuses": [
                (v, label) for v, label in Attendance.Status.choices if v != Attendance.Status.EXCUSED
            ],
            "open": session.starts_at <= timezone.now() <= session.starts_at + services.ATTENDANCE_WINDOW,
        }
        template = "admin/groups/attendance.html"
        if request.htmx:
            template += "#rows"
        return TemplateResponse(request, template, context)
