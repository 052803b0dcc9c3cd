"""건강상점 in the admin.

The cooperative sees and manages everything; the fair itself, the visitors' registrations and the door
scans are the cooperative's only. An enterprise member sees only its own booths, their programs, the
program bookings (with the booker's name and phone, to run the program) and the stamps (name only) —
scoped in one place by catalog's ``ProviderScopedMixin``, so lists, change pages, filters, autocomplete,
inlines, exports and actions all start from the member's own rows and another enterprise's id is a 404.

Every state change goes through ``events.services``, which records who did it (``majubom.audit``); plain
field edits (a booth's number, a program's time) are kept by Django's own admin log.
"""

from __future__ import annotations

import re

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from catalog.admin import ProviderScopedMixin
from catalog.selectors import user_is_cooperative_staff
from majubom import pagecache
from majubom.admin_actions import ActionFormMixin, csv_response, run_each, won
from majubom.admin_safety import SafeInputAdminMixin
from majubom.errors import MajubomError

from . import selectors, services
from .forms import MobileField
from .models import Booth, CheckIn, Fair, Program, ProgramBooking, Registration, Stamp


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _report_url(fair: Fair) -> str:
    """The fair report (a page of ``web``, linked by its URL name only)."""
    try:
        return reverse("fair_report", kwargs={"slug": fair.slug})
    except NoReverseMatch:
        return ""


def _changed_labels(form) -> str:
    return ", ".join(
        str(form.fields[name].label or name) for name in form.changed_data if name in form.fields
    )


# --- who sees what ----------------------------------------------------------------------------------------


class CooperativeOnlyMixin(SafeInputAdminMixin):
    """The cooperative's own records: an enterprise member gets no module and no page (403), and the
    rows are none of theirs either (an id is not found)."""

    def _coop(self, request) -> bool:
        return user_is_cooperative_staff(request.user)

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if self._coop(request) else qs.none()

    def has_module_permission(self, request):
        return self._coop(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._coop(request) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._coop(request) and super().has_change_permission(request, obj)

    def has_add_permission(self, request, *args):
        return self._coop(request) and super().has_add_permission(request, *args)

    def has_delete_permission(self, request, obj=None):
        return self._coop(request) and super().has_delete_permission(request, obj)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404(_("찾는 항목이 없어요."))


class EventsScopedMixin(ProviderScopedMixin):
    """``ProviderScopedMixin`` with the fair's own foreign keys scoped too: a member is offered only their
    own booths and programs, and only fairs still taking booths; registrations never."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if self._scoped(request):
            ids = self._provider_ids(request)
            model = db_field.related_model
            if model is Booth:
                kwargs["queryset"] = Booth.objects.filter(provider__in=ids)
            elif model is Program:
                kwargs["queryset"] = Program.objects.filter(booth__provider__in=ids)
            elif model is Registration:
                kwargs["queryset"] = Registration.objects.none()
            elif model is Fair:
                kwargs["queryset"] = Fair.objects.exclude(status=Fair.Status.CLOSED).filter(
                    booth_call_closes__gt=timezone.now()
                )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def booth_filter(path: str) -> type[admin.SimpleListFilter]:
    """A "부스" filter offering the booths of the rows this admin shows (so a member's only), read in one
    query with their enterprises."""

    class BoothFilter(admin.SimpleListFilter):
        title = _("부스")
        parameter_name = "booth"

        def lookups(self, request, model_admin):
            shown = model_admin.get_queryset(request).values(path)
            booths = (
                Booth.objects.filter(pk__in=shown).select_related("provider").order_by("fair", "number", "pk")
            )
            return [(str(booth.pk), str(booth)) for booth in booths]

        def queryset(self, request, queryset):
            value = self.value()
            if value and value.isdigit():
                return queryset.filter(**{path: value})
            return queryset

    return BoothFilter


class DecisionForm(forms.Form):
    message = forms.CharField(
        label=_("신청한 기업에 전할 말"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )


# --- the fair ---------------------------------------------------------------------------------------------


@admin.register(Fair)
class FairAdmin(CooperativeOnlyMixin, admin.ModelAdmin):
    list_display = ["title", "starts_at", "venue", "status", "visitor_capacity", "report_link"]
    list_filter = ["status"]
    search_fields = ["title", "slug", "venue"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "starts_at"
    change_form_template = "admin/events/fair/change_form.html"
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "summary", "description"]}),
        (_("때와 곳"), {"fields": ["starts_at", "ends_at", "venue", "address"]}),
        (
            _("오시는 분께 드리는 안내"),
            {"fields": ["transport", "what_to_bring", "parking", "accessibility"]},
        ),
        (
            _("사전 등록"),
            {"fields": ["registration_opens", "registration_closes", "visitor_capacity"]},
        ),
        (_("부스 모집"), {"fields": ["booth_call_opens", "booth_call_closes"]}),
        (_("스탬프 투어"), {"fields": ["stamp_goal", "prize_message"]}),
    ]

    @admin.display(description=_("결과 보고"))
    def report_link(self, obj):
        url = _report_url(obj)
        return format_html('<a href="{}">{}</a>', url, _("보고서 보기")) if url else "—"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        message = (
            gettext("수정: %(fields)s") % {"fields": _changed_labels(form)}
            if change
            else gettext("건강상점 만듦")
        )
        # ``fair_saved`` promotes the line in its own durable transaction: it runs once the admin's
        # save has committed (see ``changeform_view``).
        request._events_fair_saved = (obj, message)

    # ``fair_saved`` records who changed the fair; the admin's own entry would say it twice.
    def log_addition(self, request, obj, message):
        return None

    def log_change(self, request, obj, message):
        return None

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is not None and re.fullmatch(r"[0-9]{1,18}", str(object_id)):
            fair = self.get_queryset(request).filter(pk=object_id).first()
            if fair is not None:
                blocked = services.head_blocked(fair)
                extra_context = {
                    **(extra_context or {}),
                    "fair_counts": selectors.fair_counts(fair),
                    "head_blocked": {"party": blocked[0].party_size, "free": blocked[1]} if blocked else None,
                    "report_url": _report_url(fair),
                }
        response = super().changeform_view(request, object_id, form_url, extra_context)
        saved = request.__dict__.pop("_events_fair_saved", None)
        if saved is not None:
            fair, message = saved
            promoted_before = selectors.fair_counts(fair).confirmed
            services.fair_saved(fair=fair, by=request.user, message=message)
            promoted = selectors.fair_counts(fair).confirmed - promoted_before
            if promoted > 0:
                self.message_user(
                    request,
                    ngettext(
                        "자리가 늘어 대기하던 %(n)d팀의 등록이 확정됐어요.",
                        "자리가 늘어 대기하던 %(n)d팀의 등록이 확정됐어요.",
                        promoted,
                    )
                    % {"n": promoted},
                    messages.SUCCESS,
                )
        return response


# --- booths and their programs ----------------------------------------------------------------------------


class ProgramForm(forms.ModelForm):
    class Meta:
        model = Program
        fields = ["booth", "title", "description", "starts_at", "ends_at", "capacity", "price", "needs"]

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if self.instance.pk and capacity is not None:
            taken = services.program_seats_taken(self.instance)
            if capacity < taken:
                raise forms.ValidationError(
                    gettext("이미 %(n)d자리가 예약됐어요. 자리는 그보다 적게 줄일 수 없어요.") % {"n": taken}
                )
        return capacity


class ProgramInline(EventsScopedMixin, admin.TabularInline):
    model = Program
    form = ProgramForm
    provider_field = "booth__provider"
    extra = 0
    max_inline_rows = 50
    fields = ["title", "starts_at", "ends_at", "capacity", "price", "description"]
    verbose_name_plural = _("부스 프로그램 (시간을 정해 여는 체험)")


class BoothAddForm(forms.ModelForm):
    """Applying for a booth: the save goes through ``services.booth_apply``; when it refuses, the page
    is drawn again with its message as the form's error (``refusal``)."""

    refusal: str | None = None

    class Meta:
        model = Booth
        fields = ["fair", "provider", "offering", "needs"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "provider" in self.fields:
            self.fields["provider"].required = True
            self.fields["provider"].help_text = _("부스를 여는 기업이에요. 소속된 기업만 고를 수 있어요.")

    def clean(self):
        cleaned = super().clean()
        if self.refusal:
            raise forms.ValidationError(self.refusal)
        return cleaned


class BoothChangeForm(forms.ModelForm):
    class Meta:
        model = Booth
        fields = [
            "number",
            "zone",
            "offering",
            "needs",
            "staff_note",
            "company_name",
            "company_kind",
            "contact_name",
            "contact_phone",
            "contact_email",
        ]

    def clean_number(self):
        number = self.cleaned_data.get("number")
        if (
            number is not None
            and Booth.objects.filter(fair_id=self.instance.fair_id, number=number)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise forms.ValidationError(gettext("%(n)d번 부스는 이미 있어요.") % {"n": number})
        return number


class _Refused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ZoneFilter(admin.AllValuesFieldListFilter):
    """Booths by zone; booths with no zone yet get a word (an empty link had no text to read)."""

    def choices(self, changelist):
        for choice in super().choices(changelist):
            if choice["display"] == "":
                choice["display"] = _("구역 없음")
            yield choice


@admin.register(Booth)
class BoothAdmin(ActionFormMixin, EventsScopedMixin, admin.ModelAdmin):
    provider_field = "provider"
    list_display = [
        "__str__",
        "fair",
        "status",
        "number",
        "zone",
        "program_count",
        "stamp_count",
        "created_at",
    ]
    list_filter = ["status", ("fair", admin.RelatedOnlyFieldListFilter), ("zone", ZoneFilter)]
    search_fields = ["provider__name", "company_name", "contact_name", "offering"]
    list_select_related = ["fair", "provider"]
    inlines = [ProgramInline]
    actions = ["approve", "reject", "withdraw", "bookings_csv"]
    form = BoothChangeForm

    STAFF_READONLY = [
        "fair",
        "provider",
        "status",
        "applied_by",
        "decided_by",
        "decided_at",
        "decision_message",
    ]
    MEMBER_READONLY = [*STAFF_READONLY, "number", "zone", "staff_note"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_programs=Count("programs", distinct=True), _stamps=Count("stamps", distinct=True))
            .order_by("-fair__starts_at", "number", "pk")
        )

    @admin.display(description=_("프로그램"), ordering="_programs")
    def program_count(self, obj):
        return obj._programs

    @admin.display(description=_("스탬프"), ordering="_stamps")
    def stamp_count(self, obj):
        return obj._stamps

    @admin.display(description=_("결과 보고"))
    def report_link(self, obj):
        url = _report_url(obj.fair) if obj and obj.pk else ""
        return format_html('<a href="{}">{}</a>', url, _("우리 부스 결과 보기")) if url else "—"

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["fair", "provider", "offering", "needs"]})]
        main = ["fair", "provider", "status", "number", "zone", "offering", "needs", "report_link"]
        decision = ["applied_by", "decided_by", "decided_at", "decision_message", "staff_note"]
        fieldsets = [(None, {"fields": main}), (_("조합의 결정"), {"fields": decision})]
        if not self._scoped(request):
            fieldsets.append(
                (
                    _("마주봄에 아직 없는 기업의 신청"),
                    {
                        "fields": [
                            "company_name",
                            "company_kind",
                            "contact_name",
                            "contact_phone",
                            "contact_email",
                        ]
                    },
                )
            )
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return [*(self.MEMBER_READONLY if self._scoped(request) else self.STAFF_READONLY), "report_link"]

    def get_autocomplete_fields(self, request):
        return ["needs"] if self._scoped(request) else ["provider", "needs"]

    def get_inlines(self, request, obj):
        return [] if obj is None else self.inlines

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = BoothAddForm
        form = super().get_form(request, obj, change=change, **kwargs)
        refusal = request.__dict__.get("_events_booth_refusal")
        if obj is None and refusal:
            form = type(form.__name__, (form,), {"refusal": refusal})
        return form

    def has_delete_permission(self, request, obj=None):
        # An enterprise withdraws its application (an action); deleting is the cooperative's.
        return False if self._scoped(request) else super().has_delete_permission(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except _Refused as refused:
            # The admin's transaction was rolled back: nothing changed. Draw the form again with the
            # service's message as its error.
            request._events_booth_refusal = refused.message
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            try:
                booth = services.booth_apply(
                    fair=obj.fair, provider=obj.provider, by=request.user, offering=obj.offering
                )
            except MajubomError as error:
                raise _Refused(error.message) from error
            for field in Booth._meta.concrete_fields:
                setattr(obj, field.attname, getattr(booth, field.attname))
            obj._state.adding, obj._state.db = False, booth._state.db
            return
        super().save_model(request, obj, form, change)
        pagecache.changed(pagecache.fair(obj.fair_id))

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        pagecache.changed(pagecache.fair(form.instance.fair_id))

    def log_addition(self, request, obj, message):
        return None  # ``booth_apply`` records it

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if self._scoped(request):
            actions.pop("approve", None)
            actions.pop("reject", None)
        return actions

    @admin.action(description=_("선택한 부스 승인 (조합)"))
    def approve(self, request, queryset):
        run_each(
            self,
            request,
            queryset.order_by("pk"),
            lambda booth: services.booth_approve(booth=booth, by=request.user),
            label=lambda booth: booth.name,
            done=lambda n: (
                ngettext("%(n)d곳의 부스를 승인했어요.", "%(n)d곳의 부스를 승인했어요.", n) % {"n": n}
            ),
        )

    @admin.action(description=_("선택한 부스 거절 (조합, 까닭을 적어요)"))
    def reject(self, request, queryset):
        title = _("부스 거절")
        lead = _("적은 말은 신청한 기업에 그대로 전해져요. 따뜻하고 분명하게 적어 주세요.")
        if "apply" not in request.POST:
            return self._action_page(request, queryset, DecisionForm(), "reject", title, lead)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self._action_page(request, queryset, form, "reject", title, lead)
        run_each(
            self,
            request,
            queryset.order_by("pk"),
            lambda booth: services.booth_reject(
                booth=booth, by=request.user, message=form.cleaned_data["message"]
            ),
            label=lambda booth: booth.name,
            done=lambda n: (
                ngettext("%(n)d곳의 부스를 거절했어요.", "%(n)d곳의 부스를 거절했어요.", n) % {"n": n}
            ),
        )
        return None

    @admin.action(description=_("선택한 부스 신청 철회"))
    def withdraw(self, request, queryset):
        run_each(
            self,
            request,
            queryset.order_by("pk"),
            lambda booth: services.booth_withdraw(booth=booth, by=request.user),
            label=lambda booth: booth.name,
            done=lambda n: (
                ngettext("%(n)d곳의 신청을 철회했어요.", "%(n)d곳의 신청을 철회했어요.", n) % {"n": n}
            ),
        )

    @admin.action(description=_("프로그램 예약 명단과 스탬프 수 CSV"))
    def bookings_csv(self, request, queryset):
        booths = list(queryset.select_related("provider").order_by("fair", "number", "pk"))
        bookings = (
            ProgramBooking.objects.filter(
                program__booth__in=[b.pk for b in booths], status=ProgramBooking.Status.BOOKED
            )
            .select_related("program", "program__booth", "program__booth__provider", "registration")
            .order_by("program__booth__number", "program__booth_id", "program__starts_at", "program_id", "pk")
        )
        rows = [
            [
                b.program.booth.name,
                b.program.title,
                _local(b.program.starts_at),
                b.registration.name,
                b.registration.phone,
                b.seats,
            ]
            for b in bookings
        ]
        rows.append([])
        rows.append([gettext("부스"), gettext("스탬프 수")])
        rows += [[booth.name, booth._stamps] for booth in booths]
        header = [
            gettext("부스"),
            gettext("프로그램"),
            gettext("시간"),
            gettext("이름"),
            gettext("휴대전화"),
            gettext("자리"),
        ]
        return csv_response("majubom-fair-booth-bookings.csv", header, rows)


@admin.register(Program)
class ProgramAdmin(EventsScopedMixin, admin.ModelAdmin):
    provider_field = "booth__provider"
    form = ProgramForm
    list_display = ["title", "booth", "starts_at", "capacity", "seats_taken", "price_display"]
    list_filter = [
        ("booth__fair", admin.RelatedOnlyFieldListFilter),
        booth_filter("booth"),
    ]
    search_fields = ["title", "booth__provider__name", "booth__company_name"]
    list_select_related = ["booth", "booth__provider"]
    autocomplete_fields = ["booth", "needs"]
    date_hierarchy = "starts_at"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _taken=Coalesce(
                    Sum("bookings__seats", filter=Q(bookings__status=ProgramBooking.Status.BOOKED)), 0
                )
            )
            .order_by("starts_at", "pk")
        )

    @admin.display(description=_("참가비"), ordering="price")
    def price_display(self, obj):
        return won(obj.price)

    @admin.display(description=_("예약된 자리"), ordering="_taken")
    def seats_taken(self, obj):
        return f"{obj._taken} / {obj.capacity}"

    def get_readonly_fields(self, request, obj=None):
        # A program stays at its booth (its bookings were made there).
        return ["booth"] if obj is not None else []

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        pagecache.changed(pagecache.fair(obj.booth.fair_id))

    def delete_model(self, request, obj):
        fair_id = obj.booth.fair_id
        super().delete_model(request, obj)
        pagecache.changed(pagecache.fair(fair_id))

    def delete_queryset(self, request, queryset):
        fair_ids = set(queryset.values_list("booth__fair_id", flat=True))
        super().delete_queryset(request, queryset)
        pagecache.changed(*(pagecache.fair(pk) for pk in fair_ids))


@admin.register(ProgramBooking)
class ProgramBookingAdmin(EventsScopedMixin, admin.ModelAdmin):
    """Who booked the enterprise's own programs, with the phone to reach them (the booker's only)."""

    provider_field = "program__booth__provider"
    list_display = ["program", "program_time", "booth", "visitor_name", "visitor_phone", "seats", "status"]
    list_filter = ["status", booth_filter("program__booth"), ("program", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["registration__name", "registration__phone", "program__title"]
    list_select_related = ["program", "program__booth", "program__booth__provider", "registration"]
    fields = [
        "program",
        "program_time",
        "booth",
        "visitor_name",
        "visitor_phone",
        "seats",
        "status",
        "created_at",
    ]
    readonly_fields = fields

    @admin.display(description=_("시간"), ordering="program__starts_at")
    def program_time(self, obj):
        return _local(obj.program.starts_at)

    @admin.display(description=_("부스"))
    def booth(self, obj):
        return obj.program.booth.name

    @admin.display(description=_("이름"), ordering="registration__name")
    def visitor_name(self, obj):
        return obj.registration.name

    @admin.display(description=_("휴대전화"))
    def visitor_phone(self, obj):
        return obj.registration.phone

    def has_add_permission(self, request, *args):
        return False  # visitors book from their ticket

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Stamp)
class StampAdmin(EventsScopedMixin, admin.ModelAdmin):
    """The stamps of the enterprise's own booths: the visitor's name only, never their phone."""

    provider_field = "booth__provider"
    list_display = ["booth", "visitor_name", "created_at", "by"]
    list_filter = [booth_filter("booth")]
    search_fields = ["registration__name"]
    list_select_related = ["booth", "booth__provider", "registration", "by"]
    date_hierarchy = "created_at"
    fields = ["booth", "visitor_name", "created_at", "by"]
    readonly_fields = fields

    @admin.display(description=_("방문객"), ordering="registration__name")
    def visitor_name(self, obj):
        return obj.registration.name

    def has_add_permission(self, request, *args):
        return False  # stamps are scanned at the booth

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # A stamp given by mistake is taken back by the cooperative (the admin log keeps who).
        return False if self._scoped(request) else super().has_delete_permission(request, obj)


# --- visitors and the door (the cooperative only) ---------------------------------------------------------


class CheckedInFilter(admin.SimpleListFilter):
    title = _("입장")
    parameter_name = "checked_in"

    def lookups(self, request, model_admin):
        return [("yes", _("입장함")), ("no", _("아직 안 옴"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(checked_in_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(checked_in_at__isnull=True)
        return queryset


class BookingInline(admin.TabularInline):
    model = ProgramBooking
    extra = 0
    can_delete = False
    fields = ["program", "seats", "status", "created_at"]
    readonly_fields = fields
    verbose_name_plural = _("프로그램 예약")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("program")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StampInline(admin.TabularInline):
    model = Stamp
    extra = 0
    can_delete = False
    fields = ["booth", "created_at", "by"]
    readonly_fields = fields
    verbose_name_plural = _("스탬프")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("booth", "booth__provider", "by")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


_LAST4 = re.compile(r"[0-9]{4}")


class RegistrationAdminForm(forms.ModelForm):
    """Staff correct a visitor's name and contact; the phone stays one per live registration."""

    phone = MobileField(label=_("휴대전화"))

    class Meta:
        model = Registration
        fields = ["name", "phone", "email"]

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        registration = self.instance
        if (
            registration.pk
            and registration.status != Registration.Status.CANCELLED
            and Registration.objects.filter(fair_id=registration.fair_id, phone=phone)
            .exclude(status=Registration.Status.CANCELLED)
            .exclude(pk=registration.pk)
            .exists()
        ):
            raise forms.ValidationError(gettext("이 행사에 같은 휴대전화 번호로 등록한 분이 이미 있어요."))
        return phone


@admin.register(Registration)
class RegistrationAdmin(CooperativeOnlyMixin, admin.ModelAdmin):
    form = RegistrationAdminForm
    view_on_site = False  # the ticket is the visitor's own page
    list_display = [
        "name",
        "phone",
        "party_size",
        "status",
        "source",
        "code",
        "checked_in_at",
        "checked_in_door",
        "created_at",
    ]
    list_filter = [("fair", admin.RelatedOnlyFieldListFilter), "status", "source", CheckedInFilter]
    search_fields = ["name", "code", "phone"]
    search_help_text = _("이름, 휴대전화 끝 4자리, 입장 코드로 찾아요.")
    list_select_related = ["fair"]
    date_hierarchy = "created_at"
    actions = ["cancel_registrations", "export_csv"]
    inlines = [BookingInline, StampInline]
    fields = [
        "fair",
        "name",
        "phone",
        "email",
        "party_size",
        "status",
        "code",
        "source",
        "user",
        "waitlisted_at",
        "confirmed_at",
        "cancelled_at",
        "agreed_privacy_at",
        "agree_followup",
        "checked_in_at",
        "checked_in_door",
        "created_at",
    ]
    # Places and the line change only through the services (cancel below, the door desk).
    readonly_fields = [f for f in fields if f not in ("name", "phone", "email")]

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        compact = re.sub(r"[\s-]", "", term)
        found = Q(name__icontains=term) | Q(code__iexact=compact.upper())
        if _LAST4.fullmatch(compact):
            found |= Q(phone__endswith=compact)
        elif re.fullmatch(r"[0-9]{5,11}", compact):
            found |= Q(phone__icontains=term)
        return queryset.filter(found), False

    def has_add_permission(self, request, *args):
        return False  # registrations come from the site and the door desk

    def has_delete_permission(self, request, obj=None):
        return False  # cancel instead: the places go back to the line

    @admin.action(description=_("등록 취소 (자리는 대기하는 분께 돌아가요)"))
    def cancel_registrations(self, request, queryset):
        run_each(
            self,
            request,
            queryset.order_by("pk"),
            lambda registration: services.registration_cancel(registration=registration, by=request.user),
            label=lambda registration: f"{registration.name} ({registration.code})",
            done=lambda n: (
                ngettext("%(n)d건의 등록을 취소했어요.", "%(n)d건의 등록을 취소했어요.", n) % {"n": n}
            ),
        )

    @admin.action(description=_("CSV로 내보내기 (입장 시각과 문 포함)"))
    def export_csv(self, request, queryset):
        rows = (
            [
                r.fair.title,
                r.name,
                r.phone,
                r.email,
                r.party_size,
                r.get_status_display(),
                r.get_source_display(),
                r.code,
                _local(r.created_at),
                _local(r.checked_in_at),
                r.checked_in_door,
            ]
            for r in queryset.select_related("fair").order_by("fair", "created_at", "pk")
        )
        header = [
            gettext("행사"),
            gettext("이름"),
            gettext("휴대전화"),
            gettext("이메일"),
            gettext("인원"),
            gettext("상태"),
            gettext("등록 경로"),
            gettext("입장 코드"),
            gettext("등록한 때"),
            gettext("입장한 때"),
            gettext("입장한 문"),
        ]
        return csv_response("majubom-fair-registrations.csv", header, rows)


@admin.register(CheckIn)
class CheckInAdmin(CooperativeOnlyMixin, admin.ModelAdmin):
    """Every scan at the door, failed ones too: kept as they were (read only)."""

    list_display = ["created_at", "fair", "visitor", "result", "door", "staff", "undone_at", "undone_by"]
    list_filter = [("fair", admin.RelatedOnlyFieldListFilter), "result", "door"]
    search_fields = ["registration__name", "registration__code", "scanned"]
    list_select_related = ["fair", "registration", "staff", "undone_by"]
    date_hierarchy = "created_at"
    fields = [
        "fair",
        "visitor",
        "scanned",
        "result",
        "door",
        "staff",
        "created_at",
        "undone_at",
        "undone_by",
        "undo_reason",
        "nonce",
    ]
    readonly_fields = fields

    @admin.display(description=_("방문 등록"), ordering="registration__name")
    def visitor(self, obj):
        return str(obj.registration) if obj.registration_id else "—"

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
