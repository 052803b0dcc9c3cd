from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import selectors, services


@receiver(user_logged_in)
def adopt_cart_on_login(sender, request, user, **kwargs) -> None:
    """An anonymous cart joins the account's cart when the resident logs in."""
    if request is None or not hasattr(request, "session"):
        return
    cart = services.cart_adopt_on_login(session=request.session, user=user)
    selectors.cart_count_remember(request, cart)
