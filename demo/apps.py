from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo and benchmark data, as data files, and the ``seed_demo`` command. It sits above every app: it
    may import any of them, and none imports it."""

    name = "demo"
    verbose_name = _("데모 데이터")
