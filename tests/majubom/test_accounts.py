"""Signup → verification mail → login, through allauth, as a resident would do it."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from majubom.models import NotificationLog, User
from tests.factories import TEST_PASSWORD, UserFactory

SIGNUP = {
    "email": "Halmeoni.Kim@Example.kr",
    "name": "김순자",
    "district": "daedeok",
    "password1": "daejeon-spring-2026",
    "password2": "daejeon-spring-2026",
    # The two required consents (tests/majubom/test_consent.py covers signing up without them).
    "agree_age": "on",
    "agree_terms": "on",
    "agree_privacy": "on",
}


@pytest.fixture
def mandatory_verification(settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"


@pytest.mark.django_db
def test_signup_verify_then_login(client, mandatory_verification, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 302
    assert response.url == "/accounts/confirm-email/"

    user = User.objects.get()
    assert user.email == "halmeoni.kim@example.kr"
    assert (user.name, user.district) == ("김순자", "daedeok")

    # The verification mail went out through the notification task, in Korean.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["halmeoni.kim@example.kr"]
    assert "[마주봄]" in message.subject
    assert "이메일" in message.subject or "이메일" in message.body
    link = re.search(r"https?://testserver(/accounts/confirm-email/[^\s]+/)", message.body).group(1)
    assert NotificationLog.objects.filter(recipient=user.email, status="sent").count() == 1

    # Not verified yet: mandatory verification keeps the door closed.
    client.logout()
    response = client.post("/accounts/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert response.status_code == 302 and response.url == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

    # Following the link confirms the address (a POST from the page it shows).
    assert client.get(link).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    welcome = [m for m in mail.outbox if "반가워요" in m.subject]
    assert len(welcome) == 1 and welcome[0].alternatives  # Korean text + HTML

    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "halmeoni.kim@example.kr", "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db
def test_signup_with_mismatched_passwords_is_refused_in_korean(client):
    response = client.post("/accounts/signup/", {**SIGNUP, "password2": "something-else-2026"})
    assert response.status_code == 200
    assert "비밀번호" in response.content.decode()
    assert not User.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_signup_needs_a_name(client):
    response = client.post("/accounts/signup/", {**SIGNUP, "name": ""})
    assert response.status_code == 200
    assert "필수 항목입니다" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_with_an_existing_email_changes_nothing(client):
    UserFactory(email="halmeoni.kim@example.kr")
    response = client.post("/accounts/signup/", SIGNUP)
    assert response.status_code == 200
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_wrong_password_gets_a_korean_message(client):
    user = UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post("/accounts/login/", {"login": user.email, "password": "wrong-password"})
    assert response.status_code == 200
    assert "올바르지 않습니다" in response.content.decode()
    assert "_auth_user_id" not in client.session
    response = client.post("/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_password_reset_mail(client, django_capture_on_commit_callbacks):
    user = UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
    assert "비밀번호" in mail.outbox[0].subject


@pytest.mark.django_db
def test_the_admin_login_goes_through_the_sites_rate_limited_login(client, settings):
    """The audit: 30 wrong passwords for a staff account on /admin/login/, then the right one logged in."""
    from django.core.cache import cache

    from tests.factories import UserFactory

    del settings.ACCOUNT_RATE_LIMITS  # allauth's defaults, as outside the test suite
    cache.clear()
    staff = UserFactory(email="staff@majubom.kr", is_staff=True, is_superuser=True)
    staff.set_password("right-password-2026")
    staff.save()
    for _ in range(30):
        response = client.post("/admin/login/", {"username": staff.email, "password": "wrong"})
        assert response.status_code == 302 and response.url.startswith("/accounts/login/")
    response = client.post("/admin/login/", {"username": staff.email, "password": "right-password-2026"})
    assert "_auth_user_id" not in client.session  # the admin's own form no longer logs anyone in
    for _ in range(30):
        client.post("/accounts/login/", {"login": staff.email, "password": "wrong"})
    client.post("/accounts/login/", {"login": staff.email, "password": "right-password-2026"})
    assert "_auth_user_id" not in client.session  # locked out for a while, as allauth does
    assert client.get("/admin/").status_code == 302
