"""Who did what: every change that staff or an enterprise makes through a service is recorded here, as a
Django admin ``LogEntry``, so it shows on the object's history page in the admin ("기록 보기") beside the
admin's own entries. Changes made by the system (a beat task, a resident's own checkout) pass ``by=None``
or a resident and are not recorded here; their rows carry their own timestamps."""

from __future__ import annotations

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry

__all__ = ["ADDITION", "CHANGE", "history", "record"]


def record(*, obj, by, message: str, action: int = CHANGE) -> None:
    """Record that ``by`` did ``message`` to ``obj`` (inside the caller's transaction)."""
    if by is None or not getattr(by, "is_authenticated", False) or not by.pk:
        return
    LogEntry.objects.log_actions(
        user_id=by.pk, queryset=[obj], action_flag=action, change_message=message, single_object=True
    )


def history(obj) -> list[LogEntry]:
    """The recorded changes of ``obj``, oldest first (tests and staff pages)."""
    from django.contrib.contenttypes.models import ContentType

    return list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        )
        .select_related("user")
        .order_by("action_time", "pk")
    )
