"""One shape for every admin action that runs a service on each selected row: each row is tried on its own,
a refusal (``MajubomError``) is reported beside the row's name and the others go on, and one line says how
many were done."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.contrib import admin, messages
from django.contrib.admin import ChoicesFieldListFilter
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .errors import MajubomError


def run_each(
    modeladmin,
    request,
    rows: Iterable,
    action: Callable[[object], object],
    *,
    label: Callable[[object], str] = str,
    done: Callable[[int], str] | None = None,
) -> int:
    """Call ``action(row)`` for each row; warn with ``label(row): message`` for each refusal and report
    ``done(count)`` when at least one row was done. Returns the count."""
    count = 0
    for row in rows:
        try:
            action(row)
        except MajubomError as error:
            modeladmin.message_user(request, f"{label(row)}: {error.message}", messages.WARNING)
        else:
            count += 1
    if count and done is not None:
        modeladmin.message_user(request, done(count), messages.SUCCESS)
    return count


def won(value) -> str:
    """Money in the admin, with thousands separators: '8,000원'. Zero is '0원' here (an amount, where the
    site's ``won`` filter says '무료' for an offer)."""
    return _("%(amount)s원") % {"amount": intcomma(int(value))}


def titled_filter(title, base=ChoicesFieldListFilter):
    """A list filter with its own heading, for two fields that share a verbose name (the line's 상태 and
    its order's 상태 would both read "상태(으)로")."""

    class TitledFilter(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.title = title

    return TitledFilter


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A cell Excel will not run: text that starts like a formula (a name typed as ``=HYPERLINK(…)``) is
    kept as text with a leading apostrophe. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_response(filename: str, header: list[str], rows):
    """A CSV download that Excel opens with Korean intact (UTF-8 with a BOM) and no cell run as a formula."""
    import csv

    from django.http import HttpResponse

    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([csv_cell(cell) for cell in header])
    writer.writerows([csv_cell(cell) for cell in row] for row in rows)
    return response


class ActionFormMixin:
    """An action that asks one more thing first (the reason for a refusal) on its own page."""

    def _action_page(self, request, queryset, form, action, title, lead=""):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "lead": lead,
            "queryset": queryset,
            "form": form,
            "action": action,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/action_form.html", context)
