"""Staff edit the need rules and see aggregate counts only — never anyone's answers (no Assessment admin)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import stats
from .models import NeedRule
from .questionnaires import all_scales, localized


def scale_choices():
    return [(scale.id, f"{scale.id} — {localized(scale.title)}") for scale in all_scales().values()]


class NeedRuleForm(forms.ModelForm):
    scale = forms.ChoiceField(label=_("척도"), choices=scale_choices)

    class Meta:
        model = NeedRule
        fields = ["scale", "band", "need", "weight", "explanation", "explanation_en", "is_active"]
        help_texts = {"band": _("척도의 구간 코드. 예: who5 → poor, phq9 → moderate")}


class NeedRuleRowForm(forms.ModelForm):
    """A row of the list's quick edit (가중치, 사용): each box named after its rule, since the column
    heading does not name it for a screen reader."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rule = self.instance
        row = f"{stats.scale_label(rule.scale)} · {stats.band_label(rule.scale, rule.band)} → {rule.need}"
        for field in self.fields.values():
            field.widget.attrs["aria-label"] = f"{row}: {field.label}"


class ScaleFilter(admin.SimpleListFilter):
    """The scales by their titles (the column holds ids such as ``gad2``)."""

    title = _("척도")
    parameter_name = "scale"

    def lookups(self, request, model_admin):
        return [(scale.id, localized(scale.title)) for scale in all_scales().values()]

    def queryset(self, request, queryset):
        return queryset.filter(scale=self.value()) if self.value() else queryset


@admin.register(NeedRule)
class NeedRuleAdmin(admin.ModelAdmin):
    form = NeedRuleForm
    list_display = ["scale_title", "band_title", "need", "weight", "is_active", "explanation"]
    list_display_links = ["scale_title"]
    list_filter = [ScaleFilter, "is_active", "need"]
    list_editable = ["weight", "is_active"]
    list_select_related = ["need"]
    search_fields = ["explanation", "need__name"]
    change_list_template = "admin/healthcheck/needrule/change_list.html"

    @admin.display(description=_("척도"), ordering="scale")
    def scale_title(self, obj):
        return stats.scale_label(obj.scale)

    @admin.display(description=_("구간"), ordering="band")
    def band_title(self, obj):
        return stats.band_label(obj.scale, obj.band)

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("form", NeedRuleRowForm)
        return super().get_changelist_form(request, **kwargs)

    def get_urls(self):
        return [
            path("stats/", self.admin_site.admin_view(self.stats_view), name="healthcheck_needrule_stats"),
            *super().get_urls(),
        ]

    def stats_view(self, request):
        """How many tests were taken and how the bands fall: counts only, no person's answers."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("건강 테스트 통계"),
            **stats.assessment_counts(),
        }
        return TemplateResponse(request, "admin/healthcheck/needrule/stats.html", context)
