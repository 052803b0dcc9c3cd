"""allauth, the house way: its mails go through the notification task; a sign-up (by email or by
카카오·네이버) shows the consent boxes and saves the user and their consents in one transaction."""

import uuid

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.forms import SignupForm as AllauthSocialSignupForm
from django.db import transaction

from .notifications import notify_rendered


class AccountAdapter(DefaultAccountAdapter):
    """Send allauth's mails (verification, password reset) through the notification task."""

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        notify_rendered(
            key=f"account:{template_prefix.rsplit('/', 1)[-1]}:{uuid.uuid4()}",
            to=email,
            subject=message.subject,
            text=message.body,
            html=html,
        )


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """A first 카카오·네이버 login always goes through the sign-up form: that is where the consents are
    given, so it is never skipped, whatever SOCIALACCOUNT_AUTO_SIGNUP says."""

    def is_auto_signup_allowed(self, request, sociallogin) -> bool:
        return False


class SignupForm(AllauthSignupForm):
    """allauth's email sign-up (with the fields of ``majubom.forms.SignupForm``), saved atomically: the
    user, their email address and their consents all, or nothing."""

    def save(self, request):
        with transaction.atomic():
            return super().save(request)


class SocialSignupForm(AllauthSocialSignupForm):
    """The same for a sign-up by 카카오·네이버: the social account, the user and their consents together."""

    def save(self, request):
        with transaction.atomic():
            return super().save(request)
