from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class KoreanFirstLocaleMiddleware:
    """Korean unless the visitor chose otherwise with the language switch (the language cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language; 마주봄 serves Daejeon residents
    in Korean first, so only an explicit choice changes the language.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if language not in self.languages:
            language = settings.LANGUAGE_CODE
        # Scoped to this request: the thread goes back to the language it had (a worker thread serves
        # other visitors next, and tasks or tests running after it must not inherit a visitor's choice).
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
