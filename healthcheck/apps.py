from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HealthcheckConfig(AppConfig):
    name = "healthcheck"
    verbose_name = _("건강 테스트")

    def ready(self) -> None:
        from majubom.privacy import register_private

        from .models import Assessment

        register_private(Assessment)  # 민감정보: staff pages say how many, never which

        from catalog import dashboard

        from .stats import provider_recommendations

        dashboard.register("recommendations", provider_recommendations)  # an enterprise's own figures
