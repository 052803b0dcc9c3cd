from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from .notifications import notify


@receiver(email_confirmed)
def send_welcome_on_email_confirmed(sender, request, email_address, **kwargs) -> None:
    user = email_address.user
    notify(
        key=f"welcome:{user.pk}",
        to=email_address.email,
        template="notifications/welcome",
        context={"user": user, "site_url": request.build_absolute_uri("/") if request else "/"},
    )
