"""입점 신청: the business number's check digit, one open application per number, spam held back, the
cooperative's decision (an unpublished enterprise, its owner invited by a one-time link that expires), and
the new owner's checklist read from the data."""

import datetime as dt
import re
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from catalog import partners
from catalog.models import PartnerApplication, Provider, Service, Slot
from tests.factories import ProviderFactory, ProviderMemberFactory, UserFactory

pytestmark = pytest.mark.django_db

FORM = {
    "name": "한밭건강나눔 협동조합",
    "kind": "cooperative",
    "business_number": "116-82-00276",
    "certification_number": "",
    "district": "seo",
    "address": "대전광역시 서구 둔산로 100",
    "contact_name": "이담당",
    "phone": "010 5555 6666",
    "email": "Owner@HanbatHealth.kr",
    "domains": ["physical", "social"],
    "description": "어르신 댁으로 찾아가는 걷기 코칭, 첫 체험 30분",
    "agree_privacy": "on",
}


@pytest.mark.parametrize(
    "number, valid",
    [
        ("116-82-00276", True),
        ("1168200276", True),
        ("116-82-00277", False),  # the check digit is wrong
        ("116-82-0027", False),  # nine digits
        ("116-82-002761", False),  # eleven digits
        ("", False),
    ],
)
def test_the_business_number_check_digit(number, valid):
    assert partners.business_number_valid(number) is valid


def apply(client, address="127.0.0.1", **fields):
    return client.post("/partners/join/", {**FORM, **fields}, REMOTE_ADDR=address)


def a_valid_number(prefix: str) -> str:
    """A business number with a correct check digit, for tests that need several."""
    for last in "0123456789":
        if partners.business_number_valid(prefix + last):
            return prefix + last
    raise AssertionError(prefix)


def test_an_enterprise_applies(client):
    assert client.get("/partners/join/").status_code == 200
    response = apply(client)
    assert response.status_code == 302 and response.url == "/partners/join/thanks/"
    application = PartnerApplication.objects.get()
    assert (application.business_number, application.phone, application.email) == (
        "116-82-00276",
        "010-5555-6666",
        "owner@hanbathealth.kr",
    )
    assert application.domains == ["physical", "social"] and application.agreed_privacy_at
    assert application.ip_hash and "127.0.0.1" not in application.ip_hash


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"business_number": "116-82-00277"}, "사업자등록번호가 맞지 않아요"),
        ({"business_number": "116-82-0027"}, "숫자 10자리"),
        ({"kind": "social_enterprise"}, "인증·지정 번호가 있어요"),
        ({"agree_privacy": ""}, "동의해야 신청할 수 있어요"),
        ({"phone": "02-123-4567"}, "휴대전화 번호를"),
    ],
)
def test_bad_applications_are_refused_in_korean_and_keep_nothing(client, fields, message):
    response = apply(client, **fields)
    assert response.status_code == 400 and message in response.content.decode()
    assert not PartnerApplication.objects.exists()


def test_the_same_business_number_cannot_apply_twice_while_open_or_once_on_the_platform(client):
    apply(client)
    again = apply(client.__class__(), address="10.0.0.2")
    assert again.status_code == 400 and "살펴보고 있어요" in again.content.decode()
    PartnerApplication.objects.update(status="rejected")
    assert apply(client.__class__(), address="10.0.0.3").status_code == 302  # after a rejection, again
    PartnerApplication.objects.update(status="rejected")
    ProviderFactory(business_number="116-82-00276")
    exists = apply(client.__class__(), address="10.0.0.4")
    assert exists.status_code == 400 and "이미 마주봄에 있는 기업" in exists.content.decode()
    assert PartnerApplication.objects.count() == 2


def test_spam_is_held_back_by_a_honeypot_and_a_limit_per_address(client):
    assert apply(client, website="http://spam.example").status_code == 302
    assert not PartnerApplication.objects.exists()
    numbers = [a_valid_number(f"22081625{n}") for n in range(4)]
    answers = [apply(client.__class__(), business_number=n).status_code for n in numbers]
    assert answers[:3] == [302, 302, 302] and answers[3] == 429
    assert PartnerApplication.objects.count() == 3


@pytest.fixture
def staff():
    return UserFactory(email="staff@majubom.kr", is_staff=True, is_superuser=True)


def invite_link() -> str:
    (message,) = [m for m in mail.outbox if "초대" in m.subject]
    return re.search(r"http\S+/accounts/password/reset/key/\S+", message.body).group(0).split("8000", 1)[1]


def test_approval_creates_the_enterprise_and_its_owner_sets_a_password_once(
    client, staff, django_capture_on_commit_callbacks
):
    apply(client)
    application = PartnerApplication.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        provider = partners.application_approve(application=application, by=staff)
    application.refresh_from_db()
    assert (
        application.status == "approved"
        and application.decided_by == staff
        and application.provider == provider
    )
    assert not provider.is_published and provider.business_number == "116-82-00276"
    assert (provider.kind, provider.district, provider.address) == ("cooperative", "seo", FORM["address"])
    owner = provider.members.get(role="owner").user
    assert owner.email == "owner@hanbathealth.kr" and owner.is_staff and not owner.has_usable_password()

    link = invite_link()
    page = client.get(link, follow=True)
    assert page.status_code == 200 and "password1" in page.content.decode()
    set_url = page.redirect_chain[-1][0] if page.redirect_chain else link
    done = client.post(
        set_url, {"password1": "hanbat-walk-2027!", "password2": "hanbat-walk-2027!"}, follow=True
    )
    assert done.status_code == 200
    owner.refresh_from_db()
    assert owner.check_password("hanbat-walk-2027!")
    reused = client.__class__().get(link, follow=True).content.decode()
    assert "password1" not in reused  # the link is spent once a password is set
    with pytest.raises(partners.Refused, match="이미 결정한"):
        partners.application_approve(application=application, by=staff)


def test_an_invite_link_expires(client, staff, settings, django_capture_on_commit_callbacks):
    apply(client)
    with django_capture_on_commit_callbacks(execute=True):
        partners.application_approve(application=PartnerApplication.objects.get(), by=staff)
    link = invite_link()
    later = dt.datetime.now() + dt.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    with mock.patch("django.contrib.auth.tokens.PasswordResetTokenGenerator._now", return_value=later):
        page = client.get(link, follow=True).content.decode()
    assert "password1" not in page


def test_a_rejection_sends_its_reason_and_records_who(client, staff, django_capture_on_commit_callbacks):
    apply(client)
    application = PartnerApplication.objects.get()
    with pytest.raises(partners.Refused, match="까닭"):
        partners.application_reject(application=application, by=staff, message="  ")
    with django_capture_on_commit_callbacks(execute=True):
        partners.application_reject(
            application=application, by=staff, message="대전 밖의 기업은 아직 함께하기 어려워요."
        )
    application.refresh_from_db()
    assert application.status == "rejected" and application.decided_by == staff
    (message,) = [m for m in mail.outbox if m.to == ["owner@hanbathealth.kr"]]
    assert "대전 밖의 기업은" in message.body
    assert not Provider.objects.filter(business_number="116-82-00276").exists()


def test_only_the_cooperative_sees_and_decides_applications(client, staff):
    apply(client)
    member = ProviderMemberFactory(user=UserFactory(is_staff=True)).user
    client.force_login(member)
    assert client.get("/admin/catalog/partnerapplication/").status_code == 403
    with pytest.raises(partners.Refused):
        partners.application_approve(application=PartnerApplication.objects.get(), by=member)
    client.force_login(staff)
    page = client.get("/admin/catalog/partnerapplication/").content.decode()
    assert "한밭건강나눔 협동조합" in page


def test_the_new_owners_checklist_follows_the_data(client, staff, django_capture_on_commit_callbacks):
    apply(client)
    with django_capture_on_commit_callbacks(execute=True):
        provider = partners.application_approve(application=PartnerApplication.objects.get(), by=staff)
    owner = provider.members.get().user
    client.force_login(owner)
    home = client.get("/admin/").content.decode()
    assert "한밭건강나눔 협동조합 시작하기" in home and "0/5" in home  # the logo is still missing
    done = lambda: {s.key: s.done for s in partners.onboarding(Provider.objects.get(pk=provider.pk))}  # noqa: E731
    assert done() == {"profile": False, "service": False, "times": False, "review": False, "published": False}
    service = Service.objects.create(
        provider=provider,
        title="걷기 코칭 첫 체험",
        slug="walk-first",
        summary="30분",
        domain="physical",
        delivery="home_visit",
        price=5000,
        is_experience=True,
    )
    assert done()["service"] and not done()["times"]
    Slot.objects.create(
        service=service,
        starts_at=timezone.now() + dt.timedelta(days=3),
        ends_at=timezone.now() + dt.timedelta(days=3, minutes=30),
        capacity=2,
    )
    Service.objects.filter(pk=service.pk).update(status="pending_review")
    assert done()["times"] and done()["review"] and not done()["published"]


def test_the_cooperatives_admin_home_leads_to_the_market_dashboard_and_applications(client, staff):
    client.force_login(staff)
    home = client.get("/admin/").content.decode()
    assert "/staff/market/" in home and "/admin/catalog/partnerapplication/" in home
    member = ProviderMemberFactory(user=UserFactory(is_staff=True)).user
    client.force_login(member)
    assert "/staff/market/" not in client.get("/admin/").content.decode()
