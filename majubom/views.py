"""The core's own views: the health check, the guarded admin "view on site" redirect, 내 정보, and the
이용약관 and 개인정보 처리방침 pages."""

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
    """내 정보: name, mobile number, district, how notices reach me, and whether I get marketing news
    (with when I agreed or stopped); the agreements I gave at sign-up, read-only."""
    from django.contrib import messages
    from django.db import transaction
    from django.shortcuts import redirect, render
    from django.utils.translation import gettext as _

    from . import consents
    from .forms import AccountForm, MarketingConsentForm

    standing = consents.consents_standing(user=request.user)
    marketing = standing.get(consents.MARKETING.kind)
    form = AccountForm(request.POST or None, instance=request.user)
    marketing_form = MarketingConsentForm(
        request.POST or None, initial={"agree_marketing": marketing is not None}
    )
    if request.method == "POST":
        if form.is_valid() and marketing_form.is_valid():
            with transaction.atomic():
                form.save()
                agreed = marketing_form.cleaned_data["agree_marketing"]
                changed = consents.marketing_consent_set(user=request.user, agreed=agreed, source="account")
            messages.success(request, _("내 정보를 저장했어요."))
            if changed:
                messages.success(
                    request,
                    _("이제 마케팅·행사 소식을 보내 드려요.")
                    if agreed
                    else _("이제 마케팅·행사 소식을 보내지 않아요. 주문·예약 안내는 그대로 받아요."),
                )
            return redirect("account_settings")
        status = 400
    else:
        status = 200
    context = {
        "form": form,
        "marketing_form": marketing_form,
        "marketing": marketing,
        "marketing_withdrawn": None if marketing else consents.marketing_last_withdrawn(user=request.user),
        "marketing_summary": consents.MARKETING_SUMMARY,
        "terms_consent": standing.get(consents.TERMS.kind),
        "privacy_consent": standing.get(consents.PRIVACY.kind),
        "contact": consents.CONTACT,
    }
    return render(request, "majubom/account.html", context, status=status)


def _legal_page(request, template: str, document):
    from django.shortcuts import render

    from . import consents

    return render(
        request,
        template,
        {
            "document": document,
            "contact": consents.CONTACT,
            "privacy_summary": consents.PRIVACY_SUMMARY,
            "marketing_summary": consents.MARKETING_SUMMARY,
        },
    )


@require_GET
def terms(request):
    """이용약관: the current version, in plain words."""
    from . import consents

    return _legal_page(request, "majubom/terms.html", consents.TERMS)


@require_GET
def privacy(request):
    """개인정보 처리방침: what is collected, why, for how long, who else sees it, and whom to ask."""
    from . import consents

    return _legal_page(request, "majubom/privacy.html", consents.PRIVACY)
