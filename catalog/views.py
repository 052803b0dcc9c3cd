from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from . import selectors
from .cache import CSRF_SLOT, cached_fragment, cached_value, seconds_until, with_csrf
from .forms import ProviderFilterForm, ServiceFilterForm

SERVICES_PER_PAGE = 12
PROVIDERS_PER_PAGE = 20


@require_GET
@vary_on_headers("HX-Request")
def service_list(request):
    form = ServiceFilterForm(request.GET, needs=selectors.need_choices)
    filters = form.to_filters()

    def render_results() -> str:
        queryset = selectors.service_list(filters=filters)
        page = Paginator(queryset, SERVICES_PER_PAGE).get_page(request.GET.get("page"))
        context = {"filters": filters, "page": page, "services": page.object_list}
        return render_to_string("catalog/service_list.html#results", context, request=request)

    def render_filters() -> str:
        context = {"form": form, "filters": filters, "active_filters": filters.active_count()}
        return render_to_string("catalog/service_list.html#filters", context, request=request)

    # Form and results depend only on the query string (and the catalogue's version): shared by everyone.
    key = _query_key(request)
    results = cached_fragment("services", key, render_results)
    if request.htmx:
        return HttpResponse(results)
    context = {"filters_form": cached_fragment("services-form", key, render_filters), "results": results}
    return render(request, "catalog/service_list.html", context)


def _query_key(request) -> str:
    return "&".join(sorted(f"{k}={v}" for k, values in request.GET.lists() for v in values))


@require_GET
def service_detail(request, slug: str):
    # Everything below the site header is the same for every visitor: one cache entry, no queries when warm.
    page = cached_value(
        "service-page", slug, lambda: _service_page(slug), timeout=lambda page: page["expires"]
    )
    context = {"page_title": page["title"], "content": with_csrf(page["content"], request)}
    return render(request, "catalog/service_detail.html", context)


def _service_page(slug: str) -> dict:
    """The shared part of a service page, rendered without the request (no per-visitor value can slip in),
    and how many seconds it stays true: until the first time it lists (its own or a sibling card's) starts."""
    page = selectors.service_page(slug=slug)
    service, provider, slots = page.service, page.service.provider, page.slots
    cards = cached_value(
        "provider-cards",
        str(provider.pk),
        lambda: _provider_cards(provider),
        timeout=lambda cards: seconds_until(next_at for _pk, _html, next_at in cards),
    )
    open_slots = [slot for slot in slots if slot.seats_left]
    context = {
        "service": service,
        "provider": provider,
        "images": page.images,
        "needs": page.needs,
        "slots": slots,
        "open_slots": open_slots,
        # Services without stock are booked by time; goods, and services sold by stock, by quantity.
        "by_quantity": service.is_goods or not (slots or (service.stock is None and not service.is_goods)),
        "more_cards": [mark_safe(html) for pk, html, _next in cards if pk != service.pk][:3],  # noqa: S308
        "csrf_field": CSRF_SLOT,
    }
    return {
        "title": f"{service.title} · {provider.name}",
        "content": render_to_string("catalog/service_detail.html#content", context),
        "expires": seconds_until([*(slot.starts_at for slot in slots), *(n for _pk, _h, n in cards)]),
    }


def _provider_cards(provider) -> list[tuple[int, str, object]]:
    """A provider's first cards, shared by all its service pages: (service id, html, next time)."""
    services = selectors.services_of_provider(provider=provider, limit=4)
    return [
        (s.pk, render_to_string("catalog/_service_card.html", {"service": s}), s.next_slot_at)
        for s in services
    ]


@require_GET
def provider_list(request):
    form = ProviderFilterForm(request.GET)
    page = Paginator(selectors.provider_list(**form.values()), PROVIDERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request, "catalog/provider_list.html", {"form": form, "page": page, "providers": page.object_list}
    )


@require_GET
def provider_detail(request, slug: str):
    provider = selectors.provider_detail(slug=slug)

    def render_services() -> str:
        services = selectors.services_of_provider(provider=provider)
        return render_to_string(
            "catalog/provider_detail.html#services", {"services": services}, request=request
        )

    services_html = cached_fragment("provider-services", str(provider.pk), render_services)
    return render(
        request, "catalog/provider_detail.html", {"provider": provider, "services_html": services_html}
    )
