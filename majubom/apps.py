from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MajubomConfig(AppConfig):
    name = "majubom"
    verbose_name = _("마주봄")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the signal receivers)
