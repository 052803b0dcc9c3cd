"""What the top floor keeps itself: a resident's 찜 (saved services and 건강반), which point into two apps.

Only accounts have rows. A logged-out visitor's 찜 live in their session (``web.saved``) and join the
account at login, so anonymous visitors leave nothing behind in the database to match or purge.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SavedItem(models.Model):
    """One thing a resident keeps to come back to: a service or a 건강반, never both."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_items")
    service = models.ForeignKey(
        "catalog.Service", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    group = models.ForeignKey(
        "groups.HealthGroup", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("찜")
        verbose_name_plural = _("찜")
        constraints = [
            models.CheckConstraint(
                condition=Q(service__isnull=False, group__isnull=True)
                | Q(service__isnull=True, group__isnull=False),
                name="saveditem_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["user", "service"], condition=Q(service__isnull=False), name="saveditem_user_service"
            ),
            models.UniqueConstraint(
                fields=["user", "group"], condition=Q(group__isnull=False), name="saveditem_user_group"
            ),
        ]
        indexes = [models.Index(fields=["user", "-created_at"], name="saveditem_user_recent")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.key}"

    @property
    def key(self) -> str:
        return f"service:{self.service_id}" if self.service_id else f"group:{self.group_id}"
