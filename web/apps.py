from django.apps import AppConfig


class WebConfig(AppConfig):
    """The top floor: the URL configuration and the pages that compose several apps (the home page, the
    service page with its reviews and cart form, the 찜 a resident keeps of services and 건강반). It may
    import every domain app; none imports it."""

    name = "web"
    verbose_name = "web"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (the session's 찜 join the account at login)
