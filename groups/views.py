from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from catalog.selectors import need_choices
from catalog.views import page_number
from majubom import pagecache
from majubom.errors import MajubomError

from . import selectors, services
from .forms import GroupFilterForm
from .models import GroupSession, HealthGroup, Membership

GROUPS_PER_PAGE = 12


@require_GET
@vary_on_headers("HX-Request")
def group_list(request):
    filters = GroupFilterForm(request.GET, needs=need_choices).to_filters()
    query = filters.as_query()
    number = page_number(request.GET.get("page"))

    def results_context() -> dict:
        page = Paginator(selectors.group_list(filters=filters), GROUPS_PER_PAGE).get_page(number)
        return {"filters": filters, "query": query, "page": page, "groups": page.object_list}

    def form_context() -> dict:
        form = GroupFilterForm(query, needs=need_choices)
        form.is_valid()
        return {"form": form}

    results = pagecache.cached_render(
        "groups",
        scopes=[pagecache.LISTING],
        parts=f"{query.urlencode()}|{number}",
        template="groups/group_list.html#results",
        context=results_context,
    )
    if request.htmx:
        return HttpResponse(results)
    form = pagecache.cached_render(
        "groups-form",
        scopes=[pagecache.LISTING],
        parts=query.urlencode(),
        template="groups/group_list.html#filters",
        context=form_context,
    )
    return render(request, "groups/group_list.html", {"results": results, "filters_form": form})


@require_GET
def group_detail(request, slug: str):
    """The page is the same for every visitor but the action card: one cache entry under the group's and
    its host's scopes (no queries when warm); a logged-in resident's card costs their membership."""
    loaded = {}

    def load_ids() -> tuple[int, int]:
        # A public group or 404; what is read here is reused below when the page is cold too.
        loaded["group"] = selectors.group_detail(slug=slug)
        return loaded["group"].pk, loaded["group"].provider_id

    group_id, provider_id = pagecache.cached_value(
        "group-ids", scopes=[], parts=slug, compute=load_ids, timeout=pagecache.PAGE_TIMEOUT
    )
    page = pagecache.cached_value(
        "group-page",
        scopes=[pagecache.group(group_id), pagecache.provider(provider_id)],
        parts=slug,
        compute=lambda: _group_page(slug, loaded.get("group")),
        timeout=lambda page: page["expires"],
    )
    facts = page["facts"]
    membership = selectors.membership_of(group_id=facts["pk"], user=request.user)
    context = {
        "page_title": facts["title"],
        "content": page["content"],
        "group": facts,
        "membership": membership if membership and membership.status in Membership.LIVE else None,
        "ended": membership if membership and membership.status not in Membership.LIVE else None,
        "place": services.place_in_line(membership) if membership else None,
    }
    return render(request, "groups/group_detail.html", context)


def _group_page(slug: str, group: HealthGroup | None = None) -> dict:
    """The shared part of a group's page, the facts its action card needs, and how many seconds it stays
    true: until the first session it lists starts."""
    group = group or selectors.group_detail(slug=slug)
    sessions = selectors.next_sessions(group)
    context = {
        "group": group,
        "needs": selectors.group_needs(group),
        "sessions": sessions,
        "schedule_words": selectors.schedule_in_words(group.schedules.all()),
        "maps": selectors.map_links(group.place_address),
    }
    return {
        "content": pagecache.render_fragment("groups/group_detail.html#main", context),
        "facts": {
            "pk": group.pk,
            "slug": group.slug,
            "title": group.title,
            "status": group.status,
            "join_policy": group.join_policy,
            "seats_left": max(group.capacity - group.active_count, 0),
            "waiting_count": group.waiting_count,
            "provider_phone": group.provider.phone,
        },
        "expires": pagecache.seconds_until(session.starts_at for session in sessions),
    }


@require_POST
def group_join(request, slug: str):
    group = get_object_or_404(HealthGroup, slug=slug)
    if not request.user.is_authenticated:
        # After logging in, the resident lands back on the group's page, where the button is.
        return redirect_to_login(group.get_absolute_url())
    try:
        result = services.membership_join(group=group, user=request.user)
    except MajubomError as error:
        messages.error(request, error.message)
    else:
        status = result.membership.status
        if status == Membership.Status.ACTIVE:
            messages.success(request, _("참여했어요. 모임에서 만나요!"))
        elif status == Membership.Status.WAITLISTED:
            messages.success(
                request,
                _("자리가 다 차서 대기 %(n)d번째로 적어 두었어요. 자리가 나면 알려 드려요.")
                % {"n": result.place_in_line},
            )
        else:
            messages.success(request, _("참여 신청을 보냈어요. 운영 기업이 확인하면 알려 드려요."))
    return redirect(group.get_absolute_url())


@login_required
@require_POST
def group_leave(request, slug: str):
    group = get_object_or_404(HealthGroup, slug=slug)
    try:
        services.membership_leave(group=group, user=request.user)
    except MajubomError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("건강반에서 나왔어요. 자리는 기다리던 분께 돌아가요."))
    return redirect("groups:mine" if request.POST.get("next") == "my" else group.get_absolute_url())


@never_cache
@login_required
@require_GET
def my_groups(request):
    feed = services.calendar_feed_for(user=request.user)
    path = reverse("groups:calendar", kwargs={"token": feed.token})
    context = {
        "memberships": selectors.my_memberships(user=request.user),
        "calendar_url": request.build_absolute_uri(path),
        "webcal_url": "webcal://" + request.get_host() + path,
    }
    return render(request, "groups/my_groups.html", context)


@login_required
@require_POST
def calendar_regenerate(request):
    services.calendar_feed_for(user=request.user, regenerate=True)
    messages.success(request, _("새 달력 주소를 만들었어요. 예전 주소는 이제 쓸 수 없어요."))
    return redirect("groups:mine")


@never_cache
@require_GET
def calendar_feed(request, token: str):
    """The resident's sessions for a phone's calendar app; the secret address is the only key."""
    body = services.calendar_ics(token=token)
    if body is None:
        raise Http404
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="majubom-groups.ics"'
    return response


@login_required
@require_POST
def session_absence(request, session_id: int):
    """ "이번에는 못 가요" and its undo, for a session of one of my groups."""
    session = get_object_or_404(GroupSession, pk=session_id)
    try:
        if request.POST.get("undo"):
            services.absence_withdraw(session=session, user=request.user)
            messages.success(request, _("다시 가는 것으로 바꿨어요."))
        else:
            services.absence_notify(session=session, user=request.user)
            messages.success(request, _("운영 기업에 이번에는 못 간다고 알렸어요."))
    except MajubomError as error:
        messages.error(request, error.message)
    return redirect("groups:mine")
