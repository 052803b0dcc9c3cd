"""The catalogue's own pages: the service list with its filters, the enterprises and an enterprise's page.
(The service page shows reviews and the cart form too, so it is composed on the top floor, ``web/``.)"""

from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from majubom import pagecache

from . import selectors
from .forms import ProviderFilterForm, ServiceFilterForm

SERVICES_PER_PAGE = 12
PROVIDERS_PER_PAGE = 20
# Page numbers beyond this share one cache entry (the last page is shown for any of them).
MAX_CACHED_PAGE = 500


def page_number(raw) -> int:
    """The page asked for, as a number (junk is page 1): cache keys use it, never the raw value."""
    try:
        number = int(str(raw))
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_CACHED_PAGE)


@require_GET
@vary_on_headers("HX-Request")
def service_list(request):
    filters = ServiceFilterForm(request.GET, needs=selectors.need_choices).to_filters()
    query = filters.as_query()
    number = page_number(request.GET.get("page"))
    parts = f"{query.urlencode()}|{number}"

    def results_context() -> dict:
        queryset = selectors.service_list(filters=filters)
        page = Paginator(queryset, SERVICES_PER_PAGE).get_page(number)
        return {"filters": filters, "query": query, "page": page, "services": page.object_list}

    def filters_context() -> dict:
        # Bound to the canonical filters, not to the raw query string: what is shown is what was understood.
        form = ServiceFilterForm(query, needs=selectors.need_choices)
        form.is_valid()
        return {"form": form, "filters": filters, "active_filters": filters.active_count()}

    results = pagecache.cached_render(
        "services",
        scopes=[pagecache.LISTING],
        parts=parts,
        template="catalog/service_list.html#results",
        context=results_context,
    )
    if request.htmx:
        return HttpResponse(results)
    filters_form = pagecache.cached_render(
        "services-form",
        scopes=[pagecache.LISTING],
        parts=query.urlencode(),
        template="catalog/service_list.html#filters",
        context=filters_context,
    )
    return render(request, "catalog/service_list.html", {"filters_form": filters_form, "results": results})


@require_GET
def provider_list(request):
    form = ProviderFilterForm(request.GET)
    values = form.values()
    query = QueryDict(mutable=True)
    query.update({name: value for name, value in values.items() if value})
    page = Paginator(selectors.provider_list(**values), PROVIDERS_PER_PAGE).get_page(
        page_number(request.GET.get("page"))
    )
    return render(
        request,
        "catalog/provider_list.html",
        {"form": form, "page": page, "providers": page.object_list, "query": query},
    )


@require_GET
def provider_detail(request, slug: str):
    provider = selectors.provider_detail(slug=slug)
    services_html = pagecache.cached_render(
        "provider-services",
        scopes=[pagecache.provider(provider.pk)],
        template="catalog/provider_detail.html#services",
        context=lambda: {"services": selectors.services_of_provider(provider=provider)},
        timeout=pagecache.FRAGMENT_TIMEOUT,
    )
    return render(
        request, "catalog/provider_detail.html", {"provider": provider, "services_html": services_html}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def partner_join(request):
    """입점 신청: an enterprise asks to join. A honeypot and a limit per address hold spam back."""
    from django.contrib import messages
    from django.shortcuts import redirect
    from django.utils.translation import gettext as _

    from majubom.errors import MajubomError

    from . import partners
    from .forms import PartnerApplicationForm

    form = PartnerApplicationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        key = partners.address_key(request)
        if request.POST.get("website"):
            return redirect("catalog:partner_thanks")  # a bot filled the hidden field: nothing kept
        if partners.rate_limited(key):
            form.add_error(None, _("한 시간에 보낼 수 있는 신청을 넘었어요. 잠시 뒤에 다시 해 주세요."))
            status = 429
        elif form.is_valid():
            try:
                partners.application_create(data=form.cleaned_data, ip_hash=key)
            except MajubomError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("입점 신청을 받았어요. 조합이 살펴보고 이메일로 알려 드릴게요."))
                return redirect("catalog:partner_thanks")
        if form.errors and status == 200:
            status = 400
    return render(request, "catalog/partner_join.html", {"form": form}, status=status)


@require_GET
def partner_thanks(request):
    return render(request, "catalog/partner_thanks.html")
