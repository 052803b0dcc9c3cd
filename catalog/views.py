from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from . import selectors
from .cache import cached_fragment, cached_value
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
    service = selectors.service_page(slug=slug)
    slots = selectors.service_upcoming_slots(service=service)
    shared = {"service": service, "provider": service.provider, "slots": slots}

    def render_main() -> str:  # pictures, facts, needs, reviews, description, times: the same for everyone
        return render_to_string("catalog/service_detail.html#main", shared, request=request)

    def render_provider_cards() -> list[tuple[int, str]]:  # shared by all the provider's service pages
        services = selectors.services_of_provider(provider=service.provider, limit=4)
        return [(s.pk, render_to_string("catalog/_service_card.html", {"service": s})) for s in services]

    cards = cached_value("provider-cards", str(service.provider_id), render_provider_cards)

    context = {
        **shared,
        "open_slots": [slot for slot in slots if slot.seats_left],
        # Services without stock are booked by time; goods by quantity.
        "slots_required": bool(slots) or (service.stock is None and not service.is_goods),
        "main": cached_fragment("service-main", str(service.pk), render_main),
        "more_cards": [mark_safe(html) for pk, html in cards if pk != service.pk][:3],  # noqa: S308
    }
    return render(request, "catalog/service_detail.html", context)


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
