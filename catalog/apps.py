from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = _("서비스 카탈로그")

    def ready(self) -> None:
        from . import lookups, receivers

        lookups.register()
        receivers.connect()
