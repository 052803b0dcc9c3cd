from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    name = "orders"
    verbose_name = _("주문")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (merges carts at login)
