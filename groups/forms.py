from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from majubom.choices import District, HealthDomain

from .selectors import GroupFilters

WEEKDAYS = [
    ("", _("요일 상관없음")),
    *[
        (str(i), pgettext_lazy("weekday", name))
        for i, name in enumerate(["월", "화", "수", "목", "금", "토", "일"])
    ],
]
TIMES = [("", _("시간 상관없음")), ("morning", _("오전")), ("afternoon", _("오후")), ("evening", _("저녁"))]


class GroupFilterForm(forms.Form):
    """The filters of ``/groups/``, read from the query string. Invalid values are simply ignored."""

    q = forms.CharField(
        label=_("검색어"),
        required=False,
        max_length=50,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("예: 걷기, 요가, 마음")}),
    )
    domain = forms.ChoiceField(
        label=_("건강 영역"), required=False, choices=[("", _("모든 영역")), *HealthDomain.choices]
    )
    district = forms.ChoiceField(
        label=_("지역"), required=False, choices=[("", _("대전 전체")), *District.choices]
    )
    weekday = forms.ChoiceField(label=_("요일"), required=False, choices=WEEKDAYS)
    time = forms.ChoiceField(label=_("시간"), required=False, choices=TIMES)
    need = forms.ChoiceField(label=_("건강 필요"), required=False, choices=[("", _("모든 필요"))])
    free = forms.BooleanField(label=_("무료만"), required=False)
    seats = forms.BooleanField(label=_("자리 있는 것만"), required=False)

    def __init__(self, data=None, *, needs=list, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)
        self.fields["need"].choices = lambda: [("", _("모든 필요")), *((n.slug, n.name) for n in needs())]

    def to_filters(self) -> GroupFilters:
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        weekday = data.get("weekday")
        return GroupFilters(
            q=(data.get("q") or "").strip(),
            domain=data.get("domain") or "",
            district=data.get("district") or "",
            weekday=int(weekday) if weekday not in (None, "") else None,
            time_of_day=data.get("time") or "",
            free=bool(data.get("free")),
            seats=bool(data.get("seats")),
            need=data.get("need") or "",
        )
