from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MajubomConfig(AppConfig):
    name = "majubom"
    verbose_name = _("마주봄")

    def ready(self) -> None:
        from django.db.models import fields

        from . import receivers  # noqa: F401  (connects the signal receivers)

        # Django 6.1's empty choice "- Select an option -" has no Korean translation (admin actions, selects).
        fields.BLANK_CHOICE_LABEL = _("— 골라 주세요 —")
