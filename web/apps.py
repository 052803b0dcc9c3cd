from django.apps import AppConfig


class WebConfig(AppConfig):
    """The top floor: the URL configuration and the pages that compose several apps (the home page, the
    service page with its reviews and cart form). It may import every domain app; none imports it."""

    name = "web"
    verbose_name = "web"
