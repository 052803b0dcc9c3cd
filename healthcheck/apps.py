from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HealthcheckConfig(AppConfig):
    name = "healthcheck"
    verbose_name = _("건강 테스트")
