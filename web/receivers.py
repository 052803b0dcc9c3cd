from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import saved


@receiver(user_logged_in)
def adopt_saved_on_login(sender, request, user, **kwargs) -> None:
    """What a visitor kept (찜) while logged out joins their account when they log in (or sign up)."""
    if request is None or not hasattr(request, "session"):
        return
    saved.items_merge_session(session=request.session, user=user)
