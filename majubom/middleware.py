from django.conf import settings
from django.http import HttpResponseNotFound, QueryDict
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _


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


class RefuseNulMiddleware:
    """A NUL character can be in no address of the site: PostgreSQL refuses it in text, so it would end
    as a server error wherever a view passes it to a query. An address with one is not found (404, with a
    plain Korean line, before any view runs); in the query string it is dropped, so a filter with one is
    read like any other malformed filter."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            return HttpResponseNotFound(_("찾는 페이지가 없어요."), content_type="text/plain; charset=utf-8")
        if "%00" in request.META.get("QUERY_STRING", "") or "\x00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
