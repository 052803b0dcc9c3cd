"""Hostile input in the admin answers a form error or a plain "not valid" list, never a server error:
- an autocomplete field posted with something that is not an id (the widget would fail redrawing it);
- a date filter with a year, month or day far out of range (SQLite raises OverflowError);
- an inline posted with a huge ``TOTAL_FORMS`` (each inline caps how many rows it reads).
"""

from __future__ import annotations

import re

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.widgets import AutocompleteMixin
from django.http import HttpResponseRedirect

_DATE_PART = re.compile(r"__(year|month|day|week|week_day|quarter|iso_year)(__\w+)?$")
_SMALL_INT = re.compile(r"-?[0-9]{1,5}")


def _only_ids(values):
    return [value for value in values if re.fullmatch(r"[0-9]{1,18}", str(value))]


_safe_classes: dict[type, type] = {}


def _safe_autocomplete(widget_class: type) -> type:
    if widget_class not in _safe_classes:

        def optgroups(self, name, value, attr=None):
            return widget_class.optgroups(self, name, _only_ids(value), attr)

        _safe_classes[widget_class] = type(
            f"Safe{widget_class.__name__}", (widget_class,), {"optgroups": optgroups}
        )
    return _safe_classes[widget_class]


class SafeInputAdminMixin:
    """Mixed into every admin (and inline) of the project's apps."""

    max_inline_rows = 200

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(getattr(field, "widget", None), "widget", None)  # inside RelatedFieldWidgetWrapper
        if isinstance(widget, AutocompleteMixin):
            widget.__class__ = _safe_autocomplete(type(widget))
        return field

    def get_formset(self, request, obj=None, **kwargs):  # inlines only
        kwargs.setdefault("max_num", self.max_num or self.max_inline_rows)
        kwargs.setdefault("absolute_max", max(kwargs["max_num"], self.max_inline_rows))
        return super().get_formset(request, obj, **kwargs)

    def changelist_view(self, request, extra_context=None):
        for key, value in request.GET.items():
            if _DATE_PART.search(key) and not _SMALL_INT.fullmatch(value):
                return HttpResponseRedirect(request.path + "?e=1")
        try:
            return super().changelist_view(request, extra_context)
        except (OverflowError, IncorrectLookupParameters):
            return HttpResponseRedirect(request.path + "?e=1")
