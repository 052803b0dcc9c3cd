from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = _("서비스 카탈로그")

    def ready(self) -> None:
        from django.contrib import admin

        from . import admin_partners, lookups, receivers  # noqa: F401 (admin_partners registers its admin)

        lookups.register()
        receivers.connect()
        # The admin's first page leads a new enterprise through its checklist (templates/admin/catalog/).
        admin.site.index_template = "admin/catalog/index.html"
