from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from . import selectors, services
from .models import Cart


@receiver(user_logged_in)
def merge_cart_on_login(sender, request, user, **kwargs) -> None:
    """An anonymous cart joins the account's cart when the resident logs in."""
    if request is None or not hasattr(request, "session"):
        return
    cart_id = request.session.pop(selectors.SESSION_CART, None)
    source = Cart.objects.filter(pk=cart_id, user__isnull=True).first() if cart_id else None
    target = Cart.objects.filter(user=user).first()
    if source is not None:
        if target is None:
            Cart.objects.filter(pk=source.pk).update(user=user)
            target = source
        else:
            services.cart_merge(source=source, target=target)
    selectors.cart_count_remember(request, target)
