"""찜: the button that keeps a service or a 건강반, and the 찜한 것 page (logged in or not).

The service and group pages are cached for everyone, so the button is never inside the cached part: those
pages leave a slot (``<!--majubom:save:service:12-->``) where it goes, and ``base.html`` fills each slot
with the visitor's own button on the way out (``{% save_buttons %}`` in ``web/templatetags/saved.py``).
Visitors' text is always escaped ("<" becomes "&lt;"), so nothing they write can make a slot.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from majubom.errors import MajubomError

from . import saved

SLOT = re.compile(r"<!--majubom:save:(service|group):(\d{1,18})-->")
SLOT_PREFIX = "<!--majubom:save:"


def _user(request):
    return request.user if request.user.is_authenticated else None


def _next_url(request, fallback: str) -> str:
    url = request.POST.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return fallback


def render_save_button(
    request,
    *,
    target: saved.Target,
    is_saved: bool,
    next_url: str,
    in_list: bool = False,
    feedback: str = "",
    error: str = "",
    with_styles: bool = False,
) -> str:
    context = {
        "kind": target.kind,
        "pk": target.pk,
        "is_saved": is_saved,
        "next": next_url,
        "in_list": in_list,
        "feedback": feedback,
        "error": error,
        "styles": static("css/saved.css") if with_styles else "",
    }
    return render_to_string("web/_save_button.html", context, request=request)


def fill_save_slots(html: str, request) -> SafeString:
    """Each slot in a page becomes the visitor's own 찜 button: one query for an account's state, none for
    a session; the button's stylesheet comes with the first one."""
    if SLOT_PREFIX not in html:
        return mark_safe(html)  # noqa: S308 - our own rendered page
    targets = [saved.Target(kind, int(pk)) for kind, pk in SLOT.findall(html)]
    kept = saved.saved_keys(user=_user(request), session=request.session, among=targets)
    here = request.get_full_path()
    first = [True]

    def button(match: re.Match) -> str:
        target = saved.Target(match.group(1), int(match.group(2)))
        html = render_save_button(
            request, target=target, is_saved=target.key in kept, next_url=here, with_styles=first[0]
        )
        first[0] = False
        return html

    return mark_safe(SLOT.sub(button, html))  # noqa: S308 - our own rendered page and template


@never_cache
@require_GET
def saved_list(request):
    entries = saved.items_list(user=_user(request), session=request.session)
    return render(request, "web/saved.html", {"entries": entries})


@require_POST
def saved_change(request, kind: str, pk: int):
    """Save (``action=save``) or unsave (``action=unsave``) one service or group. With htmx the answer is
    the button alone, in its new state and with what happened beside it; without, a message and the page
    the button was on."""
    if kind not in saved.KINDS:
        raise Http404
    action = request.POST.get("action")
    target = saved.Target(kind, pk)
    user, session = _user(request), request.session
    feedback = error = ""
    try:
        if action == "save":
            saved.item_save(user=user, session=session, kind=kind, pk=pk)
            feedback = _("찜한 것에 담았어요.")
        elif action == "unsave":
            saved.item_unsave(user=user, session=session, kind=kind, pk=pk)
            feedback = _("찜한 것에서 뺐어요.")
        else:
            error = _("다시 한 번 눌러 주세요.")
    except MajubomError as exc:
        error = exc.message
    is_saved = target.key in saved.saved_keys(user=user, session=session, among=[target])
    next_url = _next_url(request, reverse("saved:list"))
    if request.htmx:
        html = render_save_button(
            request,
            target=target,
            is_saved=is_saved,
            next_url=next_url,
            in_list=request.POST.get("in_list") == "1",
            feedback=feedback,
            error=error,
        )
        return HttpResponse(html)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, feedback)
    return redirect(next_url)
