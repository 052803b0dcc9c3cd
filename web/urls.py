"""The URL configuration: each app's own pages, and the pages composed here."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from catalog import urls as catalog_urls
from majubom import views as core_views

from . import fair_report, market, views

admin.site.site_header = _("마주봄 관리")
admin.site.site_title = _("마주봄 관리")
admin.site.index_title = _("관리 홈")
# The admin logs in through the site's own login (allauth), with its rate limits and lockout: the admin's
# login form had none (the audit's 30 wrong passwords in a row, then in).
admin.site.login = secure_admin_login(admin.site.login)

# The service page keeps its name in the catalogue's namespace ("catalog:service_detail").
catalog_patterns = [
    *catalog_urls.urlpatterns,
    path("services/<slug:slug>/", views.service_detail, name="service_detail"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("notifications/gateway/report/", core_views.gateway_report, name="gateway_report"),
    path("my/account/", core_views.account_settings, name="account_settings"),
    path("my/saved/", include("web.urls_saved")),
    path("terms/", core_views.terms, name="terms"),
    path("privacy/", core_views.privacy, name="privacy"),
    path("", include((catalog_patterns, catalog_urls.app_name))),
    path("healthcheck/", include("healthcheck.urls")),
    path("", include("groups.urls")),
    path("", include("events.urls")),
    path("", include("orders.urls")),
    path("staff/fairs/<slug:slug>/report/", fair_report.fair_report_view, name="fair_report"),
    path("staff/market/", market.market_view, name="market"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        # Every spelling of the ids ("+6", "%206", "6%20") reaches this guarded view, never Django's own
        # view-on-site redirect (which answers any staff user); the view accepts only plain digits.
        "admin/r/<str:content_type_id>/<path:object_id>/",
        admin.site.admin_view(core_views.admin_view_on_site),
        name="admin_view_on_site",
    ),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
