"""Staff edit the need rules and see aggregate counts only — never anyone's answers (no Assessment admin)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from .models import Assessment, NeedRule
from .questionnaires import all_scales, localized


def scale_choices():
    return [(scale.id, f"{scale.id} — {localized(scale.title)}") for scale in all_scales().values()]


class NeedRuleForm(forms.ModelForm):
    scale = forms.ChoiceField(label=_("척도"), choices=scale_choices)

    class Meta:
        model = NeedRule
        fields = ["scale", "band", "need", "weight", "explanation", "explanation_en", "is_active"]
        help_texts = {"band": _("척도의 구간 코드. 예: who5 → poor, phq9 → moderate")}


@admin.register(NeedRule)
class NeedRuleAdmin(admin.ModelAdmin):
    form = NeedRuleForm
    list_display = ["scale", "band", "need", "weight", "is_active", "explanation"]
    list_filter = ["scale", "is_active", "need"]
    list_editable = ["weight", "is_active"]
    search_fields = ["explanation", "need__name"]
    change_list_template = "admin/healthcheck/needrule/change_list.html"

    def get_urls(self):
        return [
            path("stats/", self.admin_site.admin_view(self.stats_view), name="healthcheck_needrule_stats"),
            *super().get_urls(),
        ]

    def stats_view(self, request):
        """How many tests were taken and how the bands fall: counts only, no person's answers."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        by_kind = list(Assessment.objects.values("kind").annotate(n=Count("pk")).order_by("kind"))
        counts: dict[tuple[str, str], int] = {}
        for results in Assessment.objects.values_list("results", flat=True).iterator(chunk_size=2000):
            for scale_id, result in results.items():
                key = (scale_id, result.get("band", ""))
                counts[key] = counts.get(key, 0) + 1
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("건강 테스트 통계"),
            "by_kind": by_kind,
            "total": sum(row["n"] for row in by_kind),
            "saved": Assessment.objects.filter(user__isnull=False).count(),
            "bands": sorted((scale, band, n) for (scale, band), n in counts.items()),
        }
        return TemplateResponse(request, "admin/healthcheck/needrule/stats.html", context)
