"""The catalogue's own pages: the service list with its filters, the enterprises and an enterprise's page.
(The service page shows reviews and the cart form too, so it is composed on the top floor, ``web/``.)"""

from django.core.paginator import Paginator
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from majubom import pagecache
from majubom.choices import District, HealthDomain

from . import selectors
from .forms import ProviderFilterForm, ServiceFilterForm
from .models import Delivery
from .selectors import ServiceFilters

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


def _once(compute):
    """``compute()`` read at most once per request, whoever asks first."""
    read: list = []

    def value():
        if not read:
            read.append(compute())
        return read[0]

    return value


def filter_chips(filters: ServiceFilters, query: QueryDict, needs) -> list[dict]:
    """The chosen filters as chips at the top of the results: each one's words and the address of the same
    list without it (the results' heading as its anchor, so the page opens at the results)."""
    fields = ServiceFilterForm.base_fields
    chosen = [
        ("q", f"“{filters.q}”" if filters.q else ""),
        ("domain", HealthDomain(filters.domain).label if filters.domain else ""),
        ("need", next((str(n) for n in needs() if n.slug == filters.need), "") if filters.need else ""),
        ("district", District(filters.district).label if filters.district else ""),
        ("delivery", Delivery(filters.delivery).label if filters.delivery else ""),
        ("price_max", dict(fields["price_max"].choices).get(str(filters.price_max), "")),
        ("experience", fields["experience"].label if filters.experience else ""),
        ("available", fields["available"].label if filters.available else ""),
    ]
    base = reverse("catalog:service_list")
    chips = []
    for name, label in chosen:
        if not label:
            continue
        rest = query.copy()
        rest.pop(name, None)
        chips.append(
            {
                "name": name,
                "label": label,
                "href": f"{base}?{rest.urlencode()}#results" if rest else f"{base}#results",
            }
        )
    return chips


@require_GET
@vary_on_headers("HX-Request")
def service_list(request):
    needs = _once(selectors.need_choices)  # the need filter's choices, read once whoever asks
    filters = ServiceFilterForm(request.GET, needs=needs).to_filters()
    query = filters.as_query()
    number = page_number(request.GET.get("page"))
    parts = f"{query.urlencode()}|{number}"

    def results_context() -> dict:
        queryset = selectors.service_list(filters=filters)
        page = Paginator(queryset, SERVICES_PER_PAGE).get_page(number)
        return {
            "filters": filters,
            "query": query,
            "page": page,
            "services": page.object_list,
            "chips": filter_chips(filters, query, needs),
        }

    def filters_context() -> dict:
        # Bound to the canonical filters, not to the raw query string: what is shown is what was understood.
        form = ServiceFilterForm(query, needs=needs)
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
