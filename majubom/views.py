"""The core's own views: the health check and the guarded admin "view on site" redirect."""

import re

from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.utils import unquote
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponseBadRequest, HttpResponseForbidden, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

HEALTHZ_CACHE_KEY = "healthz"


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


def admin_view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" redirect, limited to objects the user may view in the admin.

    Django's own shortcut only checks that the user is staff, so a provider member could probe another
    enterprise's ids and learn the slugs of its drafts.
    """
    if not re.fullmatch(r"[0-9]{1,18}", str(content_type_id)):
        raise Http404
    content_type = ContentType.objects.filter(pk=int(content_type_id)).first()
    model = content_type.model_class() if content_type else None
    try:
        model_admin = admin.site.get_model_admin(model) if model else None
    except NotRegistered:
        model_admin = None
    if model_admin is None:
        raise Http404
    obj = model_admin.get_object(request, unquote(object_id))
    if obj is None or not model_admin.has_view_permission(request, obj):
        raise Http404
    return shortcut(request, str(content_type.pk), str(obj.pk))


@csrf_exempt  # the gateway posts here; its signature, not a cookie, says who it is
@require_POST
def gateway_report(request):
    """Delivery reports from the text-message gateway: verified by signature, taken once per report id
    (a replay answers 200 and changes nothing), then applied to the notification log."""
    from django.db import IntegrityError, transaction

    from . import gateways, notifications
    from .models import GatewayCallback

    event_id = request.headers.get("X-Webhook-Id", "")
    if not gateways.verify_report(
        body=request.body,
        event_id=event_id,
        timestamp=request.headers.get("X-Webhook-Timestamp", ""),
        signature=request.headers.get("X-Webhook-Signature", ""),
    ):
        return HttpResponseForbidden("bad signature")
    try:
        reports = gateways.parse_reports(request.body)
    except (ValueError, AttributeError):
        return HttpResponseBadRequest("not a report")
    try:
        with transaction.atomic():
            GatewayCallback.objects.create(event_id=event_id[:100])
            changed = notifications.reports_apply(reports)
    except IntegrityError:
        return JsonResponse({"ok": True, "replayed": True})
    return JsonResponse({"ok": True, "changed": changed})


@never_cache
@login_required
def account_settings(request):
    """내 정보: name, mobile number, district and how notices reach me."""
    from django.contrib import messages
    from django.shortcuts import redirect, render
    from django.utils.translation import gettext as _

    from .forms import AccountForm

    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("내 정보를 저장했어요."))
            return redirect("account_settings")
        return render(request, "majubom/account.html", {"form": form}, status=400)
    return render(request, "majubom/account.html", {"form": form})
