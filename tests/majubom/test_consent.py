"""Sign-up asks for consent the Korean way (이용약관, 개인정보 수집·이용 required; marketing optional),
records what was agreed and when, and lets the resident switch marketing news off and on at /my/account/."""

import re
from pathlib import Path
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount, SocialLogin
from django.contrib.admin.sites import site as admin_site
from django.urls import reverse
from django.utils import timezone

from majubom import consents
from majubom.models import Consent, User
from tests.factories import UserFactory

SIGNUP = {
    "email": "Halmeoni.Kim@Example.kr",
    "name": "김순자",
    "district": "daedeok",
    "password1": "daejeon-spring-2026",
    "password2": "daejeon-spring-2026",
    "agree_age": "on",
    "agree_terms": "on",
    "agree_privacy": "on",
}
TERMS_REFUSED = "이용약관에 동의해야 가입할 수 있어요."
PRIVACY_REFUSED = "개인정보 수집·이용에 동의해야 가입할 수 있어요."
AGE_REFUSED = "만 14세 이상만 직접 가입할 수 있어요."
PHONE_REFUSED = "휴대전화 번호를 010-1234-5678 처럼 적어 주세요."


def without(data: dict, *keys: str) -> dict:
    return {key: value for key, value in data.items() if key not in keys}


def error_beside(html: str, field: str) -> str:
    """The error shown right next to a field's box (templates/account/_signup_fields.html)."""
    match = re.search(rf'<p class="errorlist" id="id_{field}_error">(.*?)</p>', html, re.S)
    return match.group(1) if match else ""


# --- the sign-up page ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_signup_page_shows_the_consents_with_what_they_mean(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get("/accounts/signup/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "이용약관에 동의해요 (필수)" in html
    assert "개인정보 수집·이용에 동의해요 (필수)" in html
    assert "마케팅·행사 소식 받기 (선택)" in html
    # The privacy box says, right there, why, what and how long.
    for term, description in consents.PRIVACY_SUMMARY:
        assert str(term) in html and str(description) in html
    assert 'href="/terms/"' in html and 'href="/privacy/"' in html
    # Nothing is ticked in advance, and "모두 동의" waits for JavaScript (hidden, and it sends no value).
    for name in ("agree_terms", "agree_privacy", "agree_marketing"):
        box = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert "checked" not in box
    assert re.search(r'<div class="consent-all" data-consent-all hidden>', html)
    assert re.search(r'<input type="checkbox" id="consent-all">', html)
    assert "휴대폰 번호 (선택)" in html


# --- refusing or tampering changes nothing ----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data,missing",
    [
        (without(SIGNUP, "agree_terms"), {"agree_terms"}),
        (without(SIGNUP, "agree_privacy"), {"agree_privacy"}),
        (without(SIGNUP, "agree_age"), {"agree_age"}),  # 만 14세 미만: a guardian's consent is needed
        (without(SIGNUP, "agree_terms", "agree_privacy"), {"agree_terms", "agree_privacy"}),
        # Tampered values: "false"/"0"/"" are no agreement, and a made-up "모두 동의" field agrees to nothing.
        ({**SIGNUP, "agree_terms": "false", "agree_privacy": "0"}, {"agree_terms", "agree_privacy"}),
        ({**SIGNUP, "agree_terms": ""}, {"agree_terms"}),
        ({**SIGNUP, "agree_privacy": "yes"}, {"agree_privacy"}),
        (
            {**without(SIGNUP, "agree_terms", "agree_privacy"), "agree_all": "on", "consent-all": "on"},
            {"agree_terms", "agree_privacy"},
        ),
    ],
)
def test_signup_without_the_required_consents_is_refused_in_korean_and_creates_nothing(client, data, missing):
    response = client.post("/accounts/signup/", data)
    html = response.content.decode()
    assert response.status_code == 200
    messages = {"agree_terms": TERMS_REFUSED, "agree_privacy": PRIVACY_REFUSED, "agree_age": AGE_REFUSED}
    for field, message in messages.items():
        if field in missing:
            assert message in error_beside(html, field)  # beside the box
            assert f'href="#id_{field}"' in html  # and in the summary at the top, linked to the box
            assert re.search(rf'<input[^>]*name="{field}"[^>]*aria-invalid="true"', html)
        else:
            assert error_beside(html, field) == ""
    assert not User.objects.exists()
    assert not Consent.objects.exists()
    assert not EmailAddress.objects.exists()


@pytest.mark.django_db
def test_a_refused_signup_keeps_what_was_typed_and_the_ticked_marketing_box(client):
    response = client.post("/accounts/signup/", {**without(SIGNUP, "agree_privacy"), "agree_marketing": "on"})
    html = response.content.decode()
    assert 'value="김순자"' in html
    assert re.search(r'<input[^>]*name="agree_terms"[^>]*checked', html)
    assert re.search(r'<input[^>]*name="agree_marketing"[^>]*checked', html)
    assert not User.objects.exists()


# --- agreeing records who agreed to which version, and when -----------------------------------------------


@pytest.mark.django_db
def test_signup_with_the_consents_creates_the_user_and_records_both(client):
    before = timezone.now()
    response = client.post("/accounts/signup/", SIGNUP)
    after = timezone.now()
    assert response.status_code == 302
    user = User.objects.get()
    rows = {row.kind: row for row in Consent.objects.filter(user=user)}
    assert set(rows) == {"terms", "privacy"}  # no marketing: it was not ticked
    assert rows["terms"].version == consents.TERMS.version
    assert rows["privacy"].version == consents.PRIVACY.version
    for row in rows.values():
        assert before <= row.agreed_at <= after
        assert row.withdrawn_at is None
        assert row.source == "signup"
    assert not consents.marketing_agreed(user=user)


@pytest.mark.django_db
def test_marketing_is_recorded_only_when_ticked(client):
    client.post("/accounts/signup/", {**SIGNUP, "agree_marketing": "on"})
    user = User.objects.get()
    assert set(Consent.objects.filter(user=user).values_list("kind", flat=True)) == {
        "terms",
        "privacy",
        "marketing",
    }
    assert Consent.objects.get(user=user, kind="marketing").version == consents.MARKETING.version
    assert consents.marketing_agreed(user=user)


@pytest.mark.django_db
def test_a_tampered_form_cannot_choose_the_version_or_the_date(client):
    client.post(
        "/accounts/signup/",
        {
            **SIGNUP,
            "version": "0.1",
            "terms_version": "0.1",
            "agreed_at": "2001-01-01T00:00:00Z",
            "agree_marketing": "false",
            "kind": "marketing",
        },
    )
    user = User.objects.get()
    rows = Consent.objects.filter(user=user)
    assert {row.kind for row in rows} == {"terms", "privacy"}
    assert {row.version for row in rows} == {consents.TERMS.version}
    assert all(row.agreed_at.year == timezone.now().year for row in rows)


@pytest.mark.django_db
def test_the_user_and_the_consents_are_saved_together_or_not_at_all(client):
    with (
        mock.patch.object(consents, "consents_record_signup", side_effect=RuntimeError("database hiccup")),
        pytest.raises(RuntimeError),
    ):
        client.post("/accounts/signup/", SIGNUP)
    assert not User.objects.exists()
    assert not EmailAddress.objects.exists()


# --- the mobile number ------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed,stored",
    [
        ("010 9876 5432", "010-9876-5432"),
        ("+82 10-9876-5432", "010-9876-5432"),
        ("01098765432", "010-9876-5432"),
    ],
)
def test_the_mobile_number_is_stored_normalised(client, typed, stored):
    response = client.post("/accounts/signup/", {**SIGNUP, "phone": typed})
    assert response.status_code == 302
    assert User.objects.get().phone == stored


@pytest.mark.django_db
def test_the_mobile_number_is_optional(client):
    assert client.post("/accounts/signup/", {**SIGNUP, "phone": "  "}).status_code == 302
    assert User.objects.get().phone == ""


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["02-123-4567", "1234", "010-12-345", "전화 없음"])
def test_a_wrong_mobile_number_is_refused_in_korean(client, typed):
    response = client.post("/accounts/signup/", {**SIGNUP, "phone": typed})
    assert response.status_code == 200
    assert PHONE_REFUSED in error_beside(response.content.decode(), "phone")
    assert not User.objects.exists()
    assert not Consent.objects.exists()


# --- 카카오·네이버 sign-up gets the same consent step ------------------------------------------------------


def fake_sociallogin(email: str = "kakao.grandma@example.kr", *, with_provider: bool = False) -> SocialLogin:
    """What allauth hands over after a first 카카오 login: an unsaved user, the account, a verified email
    (and the provider itself, once the ``kakao`` fixture has switched it on)."""
    from allauth.socialaccount.adapter import get_adapter

    user = User(email=email, name="")
    account = SocialAccount(provider="kakao", uid="4242", extra_data={"id": 4242})
    return SocialLogin(
        user=user,
        account=account,
        email_addresses=[EmailAddress(email=email, verified=True, primary=True)],
        provider=get_adapter().get_provider(None, "kakao") if with_provider else None,
    )


@pytest.fixture
def kakao(settings):
    """The Kakao provider, switched on for one test as a KAKAO_CLIENT_ID in the environment would."""
    from allauth.socialaccount import providers
    from allauth.socialaccount.providers.kakao.provider import KakaoProvider

    settings.SOCIALACCOUNT_PROVIDERS = {
        "kakao": {"APPS": [{"client_id": "test-id", "secret": "test-secret"}]}
    }
    had = providers.registry.provider_map.get("kakao")
    providers.registry.register(KakaoProvider)
    yield
    if had is None:
        providers.registry.provider_map.pop("kakao", None)


def social_request(rf):
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore

    request = rf.post("/accounts/3rdparty/signup/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    request.user = mock.Mock(is_authenticated=False)
    return request


def test_the_settings_never_let_a_social_login_skip_the_form(settings):
    from allauth.socialaccount.adapter import get_adapter
    from allauth.socialaccount.forms import SignupForm as AllauthSocialSignupForm

    from majubom.adapters import SocialSignupForm

    assert settings.SOCIALACCOUNT_AUTO_SIGNUP is False
    assert get_adapter().is_auto_signup_allowed(None, fake_sociallogin()) is False
    assert issubclass(SocialSignupForm, AllauthSocialSignupForm)
    assert settings.SOCIALACCOUNT_FORMS["signup"] == "majubom.adapters.SocialSignupForm"


@pytest.mark.django_db
def test_a_first_social_login_goes_to_the_consent_form_even_with_auto_signup_on(rf, settings, kakao):
    """Even if someone turns SOCIALACCOUNT_AUTO_SIGNUP back on, the adapter still sends a new 카카오 user
    (with a verified, unused email — exactly the case allauth would sign up silently) to the form."""
    from allauth.socialaccount.internal.flows.signup import process_signup

    settings.SOCIALACCOUNT_AUTO_SIGNUP = True
    request = social_request(rf)
    response = process_signup(request, fake_sociallogin(with_provider=True))
    assert response.status_code == 302
    assert response.url == reverse("socialaccount_signup")
    assert "socialaccount_sociallogin" in request.session
    assert not User.objects.exists()


@pytest.mark.django_db
def test_the_social_signup_form_requires_the_same_two_consents(rf):
    from majubom.adapters import SocialSignupForm

    form = SocialSignupForm(
        data={"email": "kakao.grandma@example.kr", "name": "박할머니"}, sociallogin=fake_sociallogin()
    )
    assert not form.is_valid()
    assert form.errors["agree_terms"] == [TERMS_REFUSED + " 네모 칸을 눌러 체크해 주세요."]
    assert form.errors["agree_privacy"] == [PRIVACY_REFUSED + " 네모 칸을 눌러 체크해 주세요."]
    assert "agree_marketing" in form.fields and not form.fields["agree_marketing"].required
    assert not User.objects.exists()


@pytest.mark.django_db
def test_the_social_signup_form_records_the_consents_with_the_provider(rf):
    from majubom.adapters import SocialSignupForm

    sociallogin = fake_sociallogin()
    form = SocialSignupForm(
        data={
            "email": "kakao.grandma@example.kr",
            "name": "박할머니",
            "phone": "010.5555.6666",
            "agree_age": "on",
            "agree_terms": "on",
            "agree_privacy": "on",
            "agree_marketing": "on",
        },
        sociallogin=sociallogin,
    )
    assert form.is_valid(), form.errors
    user, response = form.try_save(social_request(rf))
    assert response is None
    user = User.objects.get()
    assert (user.name, user.phone) == ("박할머니", "010-5555-6666")
    assert SocialAccount.objects.get().user == user
    rows = Consent.objects.filter(user=user)
    assert {row.kind for row in rows} == {"terms", "privacy", "marketing"}
    assert {row.source for row in rows} == {"social:kakao"}


@pytest.mark.django_db
def test_the_social_signup_page_through_the_browser_flow(client, kakao):
    session = client.session
    session["socialaccount_sociallogin"] = fake_sociallogin(with_provider=True).serialize()
    session.save()
    url = reverse("socialaccount_signup")

    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Kakao 계정으로 가입해요" in html
    assert "이용약관에 동의해요 (필수)" in html and "마케팅·행사 소식 받기 (선택)" in html

    refused = client.post(url, {"email": "kakao.grandma@example.kr", "name": "박할머니"})
    assert refused.status_code == 200
    assert TERMS_REFUSED in error_beside(refused.content.decode(), "agree_terms")
    assert not User.objects.exists() and not SocialAccount.objects.exists()

    done = client.post(
        url,
        {
            "email": "kakao.grandma@example.kr",
            "name": "박할머니",
            "agree_age": "on",
            "agree_terms": "on",
            "agree_privacy": "on",
        },
    )
    assert done.status_code == 302
    user = User.objects.get()
    assert SocialAccount.objects.get().user == user
    assert set(Consent.objects.filter(user=user).values_list("kind", flat=True)) == {"terms", "privacy"}


# --- 내 정보: marketing news on and off -------------------------------------------------------------------

ACCOUNT = {"name": "김순자", "phone": "", "district": "seo", "message_channel": "auto"}


@pytest.fixture
def resident(db):
    user = UserFactory(name="김순자")
    consents.consents_record_signup(user=user, marketing=True)
    return user


@pytest.mark.django_db
def test_the_account_page_shows_the_marketing_state_and_date(client, resident, django_assert_max_num_queries):
    client.force_login(resident)
    with django_assert_max_num_queries(8):
        response = client.get("/my/account/")
    html = response.content.decode()
    assert response.status_code == 200
    agreed = Consent.objects.get(user=resident, kind="marketing").agreed_at
    day = timezone.localtime(agreed)
    assert f"지금 받고 있어요 · {day.year}년 {day.month}월 {day.day}일에 동의했어요" in html
    assert re.search(r'<input[^>]*name="agree_marketing"[^>]*checked', html)
    # What was agreed at sign-up, with its version.
    assert f"버전 {consents.TERMS.version}" in html


@pytest.mark.django_db
def test_withdrawing_marketing_on_the_account_page_stamps_withdrawn_at(client, resident):
    client.force_login(resident)
    response = client.post("/my/account/", ACCOUNT)  # the box unticked
    assert response.status_code == 302
    row = Consent.objects.get(user=resident, kind="marketing")
    assert row.withdrawn_at is not None and row.withdrawn_at >= row.agreed_at
    assert not consents.marketing_agreed(user=resident)
    page = client.get("/my/account/").content.decode()
    assert "이제 마케팅·행사 소식을 보내지 않아요" in page
    assert "지금 받지 않아요" in page and "그만 받기로 했어요" in page
    assert not re.search(r'<input[^>]*name="agree_marketing"[^>]*checked', page)
    # The required consents are untouched.
    assert (
        Consent.objects.filter(user=resident, kind__in=["terms", "privacy"], withdrawn_at=None).count() == 2
    )

    # Agreeing again records a new agreement; the old one stays as history.
    client.post("/my/account/", {**ACCOUNT, "agree_marketing": "on"})
    rows = Consent.objects.filter(user=resident, kind="marketing").order_by("agreed_at")
    assert len(rows) == 2
    assert rows[0].withdrawn_at is not None and rows[1].withdrawn_at is None
    assert "이제 마케팅·행사 소식을 보내 드려요" in client.get("/my/account/").content.decode()


@pytest.mark.django_db
def test_saving_the_account_page_without_a_change_records_nothing(client, resident):
    client.force_login(resident)
    client.post("/my/account/", {**ACCOUNT, "agree_marketing": "on"})
    client.post("/my/account/", {**ACCOUNT, "agree_marketing": "on"})
    assert Consent.objects.filter(user=resident, kind="marketing").count() == 1
    assert consents.marketing_agreed(user=resident)


@pytest.mark.django_db
def test_a_bad_account_form_changes_no_consent(client, resident):
    client.force_login(resident)
    response = client.post("/my/account/", {**ACCOUNT, "phone": "02-123-4567"})  # marketing unticked, too
    assert response.status_code == 400
    assert PHONE_REFUSED in response.content.decode()
    assert consents.marketing_agreed(user=resident)
    assert Consent.objects.filter(user=resident, withdrawn_at__isnull=False).count() == 0


@pytest.mark.django_db
def test_an_older_account_without_records_can_agree_to_marketing(client):
    user = UserFactory()
    client.force_login(user)
    assert "지금 받지 않아요" in client.get("/my/account/").content.decode()
    client.post("/my/account/", {**ACCOUNT, "agree_marketing": "on"})
    assert consents.marketing_agreed(user=user)
    assert Consent.objects.get(user=user).source == "account"


@pytest.mark.django_db
def test_one_standing_marketing_consent_per_person(resident):
    """The database refuses a second standing agreement of one kind (two tabs saving at once)."""
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Consent.objects.create(user=resident, kind="marketing", version="1.0", agreed_at=timezone.now())
    assert consents.marketing_consent_set(user=resident, agreed=True) is False
    assert consents.marketing_consent_set(user=resident, agreed=False) is True
    assert consents.marketing_consent_set(user=resident, agreed=False) is False


# --- the pages: 이용약관 and 개인정보 처리방침 --------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url,title,document",
    [
        ("/terms/", "마주봄 이용약관", consents.TERMS),
        ("/privacy/", "마주봄 개인정보 처리방침", consents.PRIVACY),
    ],
)
def test_the_legal_pages_render_in_korean_with_their_version(
    client, url, title, document, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ko">' in html
    assert f"<h1>{title}</h1>" in html
    day = document.effective
    assert f"버전 {document.version} · {day.year}년 {day.month}월 {day.day}일부터 적용" in html
    assert "마주봄 협동조합" in html and consents.CONTACT["phone"] in html


@pytest.mark.django_db
def test_the_terms_say_who_does_what(client):
    html = client.get("/terms/").content.decode()
    assert "서비스를 직접 제공해요" in html  # the enterprise
    assert "계좌이체로 들어온 돈을 확인해 주문을 확정하고" in html  # the cooperative
    assert "입금하기 전에는 ‘내 주문’에서 언제든 직접 취소할 수 있어요." in html  # cancellation


@pytest.mark.django_db
def test_the_privacy_page_repeats_the_signup_summary(client):
    html = client.get("/privacy/").content.decode()
    for term, description in consents.PRIVACY_SUMMARY:
        assert str(term) in html and str(description) in html
    assert "개인정보 보호책임자" in html and "118" in html


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/terms/", "/privacy/"])
def test_the_legal_pages_follow_the_language_switch_to_english(client, url, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    # English dates and the site's English chrome around the text.
    day = consents.TERMS.effective
    assert day.strftime("%b") in html and str(day.year) in html
    assert ">Change</button>" in html


@pytest.mark.parametrize("name", ["terms.html", "privacy.html"])
def test_every_korean_sentence_of_the_legal_pages_goes_through_the_translation_system(name):
    """The English pages are the translation catalogue's job (locale/en): every Korean word in the
    templates sits inside {% translate %} or {% blocktranslate %}, so none is left out of it."""
    source = (Path(__file__).resolve().parents[2] / "templates" / "majubom" / name).read_text(
        encoding="utf-8"
    )
    outside = re.sub(r"{% comment %}.*?{% endcomment %}", "", source, flags=re.S)
    outside = re.sub(r"{% blocktranslate.*?{% endblocktranslate %}", "", outside, flags=re.S)
    outside = re.sub(r"{% translate .*?%}", "", outside)
    assert re.findall(r"[가-힣]+", outside) == []


@pytest.mark.django_db
def test_the_footer_links_both_pages(client):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert 'href="/terms/"' in footer and 'href="/privacy/"' in footer


# --- the admin shows consents, read-only ------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_see_a_users_consents_read_only_in_the_admin(client, resident):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    response = client.get(reverse("admin:majubom_user_change", args=[resident.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "동의 기록 (읽기 전용)" in html
    assert "이용약관" in html and "마케팅·행사 소식 받기" in html
    # Nothing to tick, type or delete: the inline's only inputs are hidden row ids.
    inputs = re.findall(r'<input[^>]*name="consents-[^"]*"[^>]*>', html)
    assert inputs and all('type="hidden"' in tag for tag in inputs)
    assert not re.search(r'name="consents-\d+-(?!id"|user")', html)
    inline = next(i for i in admin_site._registry[User].get_inline_instances(mock.Mock(user=staff), resident))
    request = mock.Mock(user=staff)
    assert not inline.has_add_permission(request, resident)
    assert not inline.has_change_permission(request, resident)
    assert not inline.has_delete_permission(request, resident)


@pytest.mark.django_db
def test_a_posted_admin_form_cannot_change_a_consent(client, resident):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    row = Consent.objects.get(user=resident, kind="terms")
    url = reverse("admin:majubom_user_change", args=[resident.pk])
    client.post(
        url,
        {
            "email": resident.email,
            "name": resident.name,
            "district": "seo",
            "message_channel": "auto",
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
            "consents-TOTAL_FORMS": "1",
            "consents-INITIAL_FORMS": "1",
            "consents-0-id": str(row.pk),
            "consents-0-user": str(resident.pk),
            "consents-0-version": "9.9",
            "consents-0-DELETE": "on",
        },
    )
    row.refresh_from_db()
    assert row.version == consents.TERMS.version
    assert Consent.objects.filter(user=resident).count() == 3
