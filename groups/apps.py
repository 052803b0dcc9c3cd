from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "groups"
    verbose_name = _("건강반")

    def ready(self) -> None:
        from majubom import offers

        from .selectors import recruiting_by_provider

        offers.register("groups", recruiting_by_provider)
