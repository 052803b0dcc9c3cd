from django.conf import settings


def site(request) -> dict:
    return {"social_login_providers": list(settings.SOCIALACCOUNT_PROVIDERS)}
