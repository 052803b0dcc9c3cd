from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from . import selectors
from .forms import ProviderFilterForm, ServiceFilterForm

SERVICES_PER_PAGE = 12
PROVIDERS_PER_PAGE = 20


@require_GET
@vary_on_headers("HX-Request")
def service_list(request):
    needs = selectors.need_choices()
    form = ServiceFilterForm(request.GET, needs=needs)
    filters = form.to_filters()
    page = Paginator(selectors.service_list(filters=filters), SERVICES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "filters": filters,
        "active_filters": filters.active_count(),
        "page": page,
        "services": page.object_list,
    }
    template = "catalog/service_list.html#results" if request.htmx else "catalog/service_list.html"
    return render(request, template, context)


@require_GET
def service_detail(request, slug: str):
    service = selectors.service_detail(slug=slug)
    slots = selectors.service_upcoming_slots(service=service)
    context = {
        "service": service,
        "provider": service.provider,
        "slots": slots,
        "open_slots": [slot for slot in slots if slot.seats_left],
        # Services without stock are booked by time; goods by quantity.
        "slots_required": bool(slots) or (service.stock is None and not service.is_goods),
        "more_services": selectors.services_of_provider(provider=service.provider, exclude=service, limit=3),
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
    services = selectors.services_of_provider(provider=provider)
    return render(request, "catalog/provider_detail.html", {"provider": provider, "services": services})
