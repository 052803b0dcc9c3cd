import uuid

from allauth.account.adapter import DefaultAccountAdapter

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
