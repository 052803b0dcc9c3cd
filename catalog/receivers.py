"""Saves and deletions of catalogue rows (the admin's forms and inlines, factories in tests) announce which
cached pages they made stale, as narrowly as the row allows. Changes made by queryset updates (state
transitions, bookings) are announced by the service that made them."""

from __future__ import annotations

from majubom import pagecache

from .models import Service
from .services import provider_announce


def service_saved(sender, instance, **kwargs) -> None:
    pagecache.changed(
        pagecache.service(instance.pk), pagecache.provider(instance.provider_id), pagecache.LISTING
    )


def provider_saved(sender, instance, **kwargs) -> None:
    provider_announce(provider_id=instance.pk)


def service_part_saved(sender, instance, **kwargs) -> None:
    """A picture or a time of a service: its page, its provider's cards and the lists."""
    provider_id = Service.objects.filter(pk=instance.service_id).values_list("provider_id", flat=True).first()
    scopes = [pagecache.service(instance.service_id), pagecache.LISTING]
    if provider_id is not None:
        scopes.append(pagecache.provider(provider_id))
    pagecache.changed(*scopes)


def needs_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, Service):
        service_saved(sender, instance)
    else:
        pagecache.changed(pagecache.SITE)


def need_saved(sender, instance, **kwargs) -> None:
    """A need's name shows on every page that shows needs: everything is stale (rare)."""
    pagecache.changed(pagecache.SITE)


def connect() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from .models import Need, Provider, ServiceImage, Slot

    handlers = [
        (Service, service_saved),
        (Provider, provider_saved),
        (ServiceImage, service_part_saved),
        (Slot, service_part_saved),
        (Need, need_saved),
    ]
    for model, handler in handlers:
        post_save.connect(handler, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}")
    m2m_changed.connect(needs_changed, sender=Service.needs.through, dispatch_uid="pagecache-service-needs")
