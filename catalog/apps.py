from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = _("서비스 카탈로그")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from . import lookups
        from .cache import catalog_changed_now_and_on_commit as catalog_changed
        from .models import Need, Provider, Service, ServiceImage, Slot

        lookups.register()
        # Saves run inside transactions (the admin's): the version changes again once they commit.
        for model in (Provider, Service, ServiceImage, Slot, Need):
            post_save.connect(
                catalog_changed, sender=model, dispatch_uid=f"catalog-changed-save-{model.__name__}"
            )
            post_delete.connect(
                catalog_changed, sender=model, dispatch_uid=f"catalog-changed-del-{model.__name__}"
            )
        m2m_changed.connect(
            catalog_changed, sender=Service.needs.through, dispatch_uid="catalog-changed-needs"
        )
