from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from catalog import selectors as catalog_selectors

from .choices import HEALTH_DOMAIN_DETAIL, HealthDomain

HEALTHZ_CACHE_KEY = "healthz"


@require_GET
def home(request):
    """The market's front door. It lives in the project package because it gathers several apps."""
    context = {
        "domains": [(domain, HEALTH_DOMAIN_DETAIL[domain]) for domain in HealthDomain],
        "experience_services": catalog_selectors.home_experience_services(limit=6),
        "upcoming_slots": catalog_selectors.home_upcoming_slots(limit=6),
    }
    return render(request, "majubom/home.html", context)


@never_cache
@require_GET
def healthz(request):
    """Liveness and readiness in one: the database answers and the cache round-trips. Kept minimal."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception:
        checks["database"] = "error"
    try:
        cache.set(HEALTHZ_CACHE_KEY, 1, timeout=10)
        checks["cache"] = "ok" if cache.get(HEALTHZ_CACHE_KEY) == 1 else "error"
    except Exception:
        checks["cache"] = "error"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)
