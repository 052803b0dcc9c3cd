import re
from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.urls import reverse


@pytest.mark.django_db
def test_home_is_korean_by_default_even_for_an_english_browser(client, django_assert_max_num_queries):
    # cold: the experience products, the upcoming times, the groups and the next fair (then cached)
    with django_assert_max_num_queries(4):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ko">' in html
    assert "우리 동네 건강" in html
    for domain in ["신체건강", "마음건강", "사회적 관계", "교육", "경제활동"]:
        assert domain in html


@pytest.mark.django_db
def test_language_switch_to_english_and_back(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Find health close to home" in html
    response = client.post(reverse("set_language"), {"language": "ko", "next": "/"}, follow=True)
    assert '<html lang="ko">' in response.content.decode()


@pytest.mark.django_db
def test_base_layout_landmarks_csp_and_no_inline_script(client):
    response = client.get("/")
    html = response.content.decode()
    assert 'class="skip-link" href="#main"' in html
    for landmark in ["<header", "<nav", '<main id="main"', "<footer"]:
        assert landmark in html
    assert html.count("<h1") == 1
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "default-src 'self'" in csp
    # Every script is a file served from this site: none inline, none from another host.
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts, "htmx should be loaded"
    for tag in scripts:
        assert 'src="/static/' in tag, tag
    assert not re.search(r"\son[a-z]+=", html), "no inline event handlers"
    assert "http://" not in re.sub(r"http://www\.w3\.org[^\"']*", "", html.split("<body", 1)[1])


@pytest.mark.django_db
def test_healthz_reports_database_and_cache(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_down(client):
    with mock.patch("majubom.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"


@pytest.mark.django_db
def test_healthz_is_503_when_the_cache_is_down(client):
    with mock.patch("majubom.views.cache.set", side_effect=ConnectionError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error"}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"])
def test_account_pages_use_the_site_layout_in_korean(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="skip-link"' in html and 'class="site-footer"' in html
    assert '<html lang="ko">' in html
    assert "비밀번호" in html or "이메일" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "method,url,status",
    [
        ("get", "/orders/%00/", 404),
        ("post", "/orders/%00/cancel/", 404),
        ("get", "/orders/MJB-%00/lines/1/calendar.ics", 404),
        ("post", "/orders/%00/lines/1/review/", 404),
        ("get", "/orders/not-a-number/", 404),
        ("get", "/services/?q=%00", 200),
        ("get", "/admin/orders/orderline/?q=%00", 200),
        ("get", "/admin/orders/order/?status=%00", 200),
    ],
)
def test_a_nul_character_or_a_made_up_order_number_is_not_a_server_error(client, method, url, status):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = getattr(client, method)(url)
    assert response.status_code == status


@pytest.mark.django_db
def test_each_language_is_offered_in_its_own_name(client):
    html = client.get("/").content.decode()
    assert 'lang="ko">한국어</option>' in html and 'lang="en">English</option>' in html
    assert ">영어<" not in html
