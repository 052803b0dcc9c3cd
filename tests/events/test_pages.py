"""The fair's public pages: registering as a guest, the ticket (its QR carries the secret), programs,
stamps, the booth call, and bad input that changes nothing."""

import datetime as dt
import io
import re

import pytest
import zxingcpp
from django.core import mail
from django.utils import timezone
from PIL import Image

from events import services
from events.models import Booth, ProgramBooking, Registration
from tests.factories import BoothFactory, FairFactory, ProgramFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


def register(client, fair, **fields):
    data = {"name": "김영자", "phone": "010 2345 6789", "party_size": "2", "agree_privacy": "on", **fields}
    return client.post(f"/fairs/{fair.slug}/register/", data)


@pytest.fixture
def fair():
    fair = FairFactory(visitor_capacity=10)
    for n in range(3):
        booth = BoothFactory(fair=fair)
        ProgramFactory(booth=booth, capacity=4 + n)
    return fair


def test_a_guest_registers_and_lands_on_the_ticket(client, fair):
    response = register(client, fair, email="youngja@example.kr", agree_followup="on")
    registration = Registration.objects.get()
    assert response.status_code == 302 and response.url == registration.get_absolute_url()
    assert registration.phone == "010-2345-6789" and registration.party_size == 2
    assert registration.status == "confirmed" and registration.agree_followup
    assert set(registration.code) <= set("ABCDEFGHJKMNPQRSTUVWXYZ23456789") and len(registration.code) == 6
    html = client.get(response.url).content.decode()
    assert registration.code in html and "<svg" in html and "2명" in html and "휴대폰 달력에 넣기" in html
    # the fair page now offers the ticket instead of a second registration
    assert "내 티켓 보기" in client.get(fair.get_absolute_url()).content.decode()


def test_the_ticket_link_is_sent_by_email_when_one_is_given(client, fair, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, fair, email="youngja@example.kr")
    (message,) = [m for m in mail.outbox if m.to == ["youngja@example.kr"]]
    registration = Registration.objects.get()
    assert registration.secret in message.body and registration.code in message.body


def test_the_qr_of_a_ticket_carries_its_secret(client, fair):
    register(client, fair)
    registration = Registration.objects.get()
    png = client.get(f"{registration.get_absolute_url()}qr.png")
    assert png.status_code == 200 and png["Content-Type"] == "image/png"
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.content)))
    assert len(decoded) == 1
    assert registration.secret in decoded[0].text and decoded[0].text.endswith(
        registration.get_absolute_url()
    )
    # and the desk reads that link as the ticket
    assert services.normalise_code(decoded[0].text) == registration.secret


def test_a_full_fair_puts_the_party_in_line(client, fair):
    RegistrationFactory(fair=fair, party_size=6)
    RegistrationFactory(fair=fair, party_size=3)  # 9 of 10
    assert "대기 등록하기" not in client.get(fair.get_absolute_url()).content.decode()
    response = register(client, fair, party_size="2")
    ticket = client.get(response.url).content.decode()
    assert "대기 1번째" in ticket and "<svg" not in ticket
    # another visitor is offered the line
    assert "대기 등록하기" in client.__class__().get(fair.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"party_size": "0"}, "인원은 1명부터 6명까지"),
        ({"party_size": "7"}, "인원은 1명부터 6명까지"),
        ({"phone": "02-123-4567"}, "휴대전화 번호를"),
        ({"agree_privacy": ""}, "개인정보 수집·이용에 동의해야"),
        ({"name": ""}, "이름을 적어 주세요"),
    ],
)
def test_bad_registrations_are_refused_in_korean_and_change_nothing(client, fair, fields, message):
    response = register(client, fair, **fields)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Registration.objects.exists()


def test_a_second_registration_with_the_same_phone_is_refused(client, fair):
    register(client, fair)
    other = client.__class__()
    response = register(other, fair, name="김영자 두번째")
    assert response.status_code == 400 and "이미 등록했어요" in response.content.decode()
    assert Registration.objects.count() == 1


def test_registration_outside_the_window_is_refused(client):
    fair = FairFactory(registration_opens=timezone.now() + dt.timedelta(days=1))
    response = register(client, fair)
    assert response.status_code == 400 and "아직 시작하지 않았어요" in response.content.decode()
    closed = FairFactory(
        registration_opens=timezone.now() - dt.timedelta(days=5),
        registration_closes=timezone.now() - dt.timedelta(hours=1),
    )
    assert "사전 등록이 마감" in register(client, closed).content.decode()
    assert not Registration.objects.exists()


def test_a_draft_fair_and_a_tampered_ticket_are_404(client, fair):
    draft = FairFactory(status="draft")
    assert client.get(draft.get_absolute_url()).status_code == 404
    registration = RegistrationFactory(fair=fair)
    assert client.get(f"/fairs/{fair.slug}/tickets/{registration.secret}x/").status_code == 404
    other = FairFactory()  # the secret under another fair's address leads to its own ticket
    assert (
        client.get(f"/fairs/{other.slug}/tickets/{registration.secret}/").url
        == registration.get_absolute_url()
    )
    assert client.post(f"/fairs/{fair.slug}/tickets/nope/cancel/").status_code == 404


def test_a_logged_in_resident_finds_the_form_prefilled(client, fair):
    resident = UserFactory(name="박순자", phone="010-3333-4444")
    client.force_login(resident)
    html = client.get(f"/fairs/{fair.slug}/register/").content.decode()
    assert 'value="박순자"' in html and 'value="010-3333-4444"' in html


def test_program_booking_from_the_ticket(client, fair):
    registration = RegistrationFactory(fair=fair, party_size=2)
    program = ProgramFactory(booth=BoothFactory(fair=fair), capacity=2)
    url = registration.get_absolute_url()
    client.post(f"{url}book/", {"program": program.pk, "seats": 3})
    assert not ProgramBooking.objects.exists()  # seats beyond the party
    client.post(f"{url}book/", {"program": program.pk, "seats": 2})
    assert ProgramBooking.objects.get().seats == 2
    response = client.post(f"{url}book/", {"program": program.pk, "seats": 1}, follow=True)
    assert "이미 예약한 프로그램" in response.content.decode()
    other_fair_program = ProgramFactory()
    response = client.post(f"{url}book/", {"program": other_fair_program.pk, "seats": 1}, follow=True)
    assert "이 행사의 프로그램이 아니에요" in response.content.decode()
    full = client.__class__()
    late = RegistrationFactory(fair=fair)
    response = full.post(f"{late.get_absolute_url()}book/", {"program": program.pk, "seats": 1}, follow=True)
    assert "자리가 다 찼어요" in response.content.decode()
    assert ProgramBooking.objects.count() == 1


def test_cancelling_gives_the_places_to_the_line(client, fair, django_capture_on_commit_callbacks):
    first = RegistrationFactory(fair=fair, party_size=6)
    RegistrationFactory(fair=fair, party_size=4)
    waiting = services.registration_create(
        fair=fair, name="대기", phone="010-9999-0000", party_size=3, email="w@example.kr"
    ).registration
    assert waiting.status == "waitlisted"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{first.get_absolute_url()}cancel/")
    waiting.refresh_from_db()
    first.refresh_from_db()
    assert first.status == "cancelled" and waiting.status == "confirmed"
    from majubom.models import NotificationLog

    assert NotificationLog.objects.filter(recipient="w@example.kr", key__endswith=":promoted").count() == 1


def test_the_stamp_tour_on_the_ticket(client, fair):
    registration = RegistrationFactory(fair=fair, checked_in_at=timezone.now())
    booths = list(Booth.objects.filter(fair=fair))
    for booth in booths:
        services.stamp_add(booth=booth, registration=registration)
    html = client.get(registration.get_absolute_url()).content.decode()
    assert "3/3" in html and "스탬프를 다 모았어요" in html


def test_a_visitor_stamps_by_the_booth_poster_with_the_ticket_opened_on_the_phone(client, fair):
    registration = RegistrationFactory(fair=fair)
    booth = Booth.objects.filter(fair=fair).first()
    poster = f"/fairs/{fair.slug}/stamp/{services.booth_poster_token(booth)}/"
    assert "내 티켓을 먼저 열어 주세요" in client.get(poster).content.decode()
    client.get(registration.get_absolute_url())  # the ticket opened on this phone
    response = client.post(poster, {"nonce": "n1"}, follow=True)
    assert "입장 확인을 먼저 받아야" in response.content.decode()
    Registration.objects.filter(pk=registration.pk).update(checked_in_at=timezone.now())
    client.post(poster, {"nonce": "n2"})
    client.post(poster, {"nonce": "n3"})
    assert registration.stamps.count() == 1
    assert client.get(f"/fairs/{fair.slug}/stamp/forged-token/").status_code == 404


def test_a_company_new_to_majubom_applies_for_a_booth_and_approval_invites_its_owner(
    client, fair, django_capture_on_commit_callbacks
):
    data = {
        "company_name": "(주)한밭헬스케어",
        "company_kind": "general",
        "contact_name": "이담당",
        "contact_phone": "010-5555-6666",
        "contact_email": "owner@hanbat-health.kr",
        "offering": "혈압·혈당 측정",
        "agree_privacy": "on",
    }
    assert client.post(f"/fairs/{fair.slug}/booths/apply/", {**data, "website": "spam"}).status_code == 302
    assert not Booth.objects.filter(provider__isnull=True).exists()  # the honeypot keeps nothing
    client.post(f"/fairs/{fair.slug}/booths/apply/", data)
    booth = Booth.objects.get(provider__isnull=True)
    staff = UserFactory(is_staff=True, is_superuser=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.booth_approve(booth=booth, by=staff)
    numbers = sorted(Booth.objects.filter(fair=fair).exclude(pk=booth.pk).values_list("number", flat=True))
    booth.refresh_from_db()
    assert booth.status == "approved" and booth.number == numbers[-1] + 1  # the next free number
    assert booth.provider.name == "(주)한밭헬스케어" and not booth.provider.is_published
    assert booth.provider.kind == "general"
    owner = booth.provider.members.get().user
    assert owner.email == "owner@hanbat-health.kr" and owner.is_staff and not owner.has_usable_password()
    (invite,) = [m for m in mail.outbox if m.to == ["owner@hanbat-health.kr"] and "초대" in m.subject]
    link = re.search(r"http\S+/accounts/password/reset/key/\S+", invite.body).group(0)
    path = link.split("127.0.0.1:8000", 1)[-1]
    page = client.get(path, follow=True)
    assert page.status_code == 200 and "password1" in page.content.decode()


def test_query_budgets_whatever_the_size(client, fair, django_assert_max_num_queries):
    for n in range(40):
        RegistrationFactory(fair=fair)
    for booth in Booth.objects.filter(fair=fair):
        for _ in range(3):
            ProgramFactory(booth=booth)
    registration = RegistrationFactory(fair=fair, party_size=3, checked_in_at=timezone.now())
    for booth in Booth.objects.filter(fair=fair)[:2]:
        services.stamp_add(booth=booth, registration=registration)
    with django_assert_max_num_queries(10):
        assert client.get(fair.get_absolute_url()).status_code == 200
    client.get(registration.get_absolute_url())
    with django_assert_max_num_queries(8):
        assert client.get(registration.get_absolute_url()).status_code == 200


def test_fair_redirects_to_the_next_fair(client):
    assert client.get("/fair/").status_code == 404
    past = FairFactory(
        starts_at=timezone.now() - dt.timedelta(days=30),
        ends_at=timezone.now() - dt.timedelta(days=30) + dt.timedelta(hours=6),
        registration_opens=timezone.now() - dt.timedelta(days=60),
        registration_closes=timezone.now() - dt.timedelta(days=31),
        status="closed",
    )
    assert client.get("/fair/").url == past.get_absolute_url()
    upcoming = FairFactory()
    assert client.get("/fair/").url == upcoming.get_absolute_url()


def test_home_and_test_results_point_to_the_next_fair_and_its_programs_for_my_needs(client, fair):
    from catalog.models import Need

    lonely, _ = Need.objects.get_or_create(slug="loneliness", defaults={"name": "외로움", "domain": "social"})
    program = ProgramFactory(booth=BoothFactory(fair=fair), title="이웃과 차 한잔 모임")
    program.needs.add(lonely)
    home = client.get("/").content.decode()
    assert fair.title in home and "사전 등록하기" in home
    from healthcheck.selectors import NeedMatch, recommend_fair_programs

    found = recommend_fair_programs(
        needs=[NeedMatch(need=lonely, weight=3, reasons=["혼자인 시간이 길다고 하셨어요."])]
    )
    assert found.fair["title"] == fair.title
    assert [(p["title"], p["needs"], p["reason"]) for p in found.programs] == [
        ("이웃과 차 한잔 모임", ["외로움"], "혼자인 시간이 길다고 하셨어요.")
    ]
    # registration closing takes the fair off the home page
    from events import services as event_services

    fair.registration_closes = timezone.now() - dt.timedelta(minutes=1)
    fair.save()
    event_services.promote_line(fair=fair)  # any change to a fair is announced
    assert fair.title not in client.get("/").content.decode()


def test_fair_program_reasons_are_kept_per_language(client, fair):
    """The programs' rows are cached with their words: an English reader never gets the Korean copy."""
    from django.utils import translation

    from catalog.models import Need
    from healthcheck.selectors import NeedMatch, recommend_fair_programs

    lonely, _ = Need.objects.get_or_create(slug="loneliness", defaults={"name": "외로움", "domain": "social"})
    ProgramFactory(booth=BoothFactory(fair=fair), title="이웃과 차 한잔 모임").needs.add(lonely)
    needs = [NeedMatch(need=lonely, weight=3, reasons=["혼자인 시간이 길다고 하셨어요."])]
    with translation.override("ko"):
        assert recommend_fair_programs(needs=needs).programs[0]["reasons"][0]["need"] == "외로움"
    with translation.override("en"):
        assert recommend_fair_programs(needs=needs).programs[0]["reasons"][0]["need"] == "Loneliness"


def test_a_message_that_cannot_be_written_never_fails_the_registration(
    client, fair, monkeypatch, django_capture_on_commit_callbacks
):
    from events import notify

    def broken(**kwargs):
        raise RuntimeError("the message could not be rendered")

    monkeypatch.setattr(notify, "registered", broken)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = register(client, fair)
    assert callbacks  # the message was attempted after commit, and failed
    assert response.status_code == 302  # the ticket, as if nothing happened
    assert Registration.objects.filter(fair=fair).count() == 1


def test_a_warm_fair_page_costs_no_queries_and_a_registration_shows_at_once(
    client, fair, django_assert_max_num_queries
):
    assert "10명 더 올 수 있어요" in client.get(fair.get_absolute_url()).content.decode()
    with django_assert_max_num_queries(0):  # a first-time visitor: the cached page and card
        assert client.get(fair.get_absolute_url()).status_code == 200
    register(client.__class__(), fair, party_size="3")
    assert "7명 더 올 수 있어요" in client.get(fair.get_absolute_url()).content.decode()


def test_an_overlong_email_is_a_clear_message_not_an_error(client, fair):
    response = register(client, fair, email="a" * 250 + "@example.kr")
    assert response.status_code == 400 and not Registration.objects.exists()


def test_a_booth_that_will_not_come_takes_its_bookings_with_it(fair):
    booth = Booth.objects.filter(fair=fair).first()
    program = ProgramFactory(booth=booth, capacity=4)
    registration = RegistrationFactory(fair=fair)
    services.program_book(registration=registration, program_id=program.pk, seats=1)
    staff = UserFactory(is_staff=True, is_superuser=True)
    services.booth_reject(booth=booth, by=staff, message="이번에는 구역이 모자라요.")
    assert not ProgramBooking.objects.filter(status="booked").exists()


def test_csv_cells_never_run_as_formulas():
    from majubom.admin_actions import csv_response

    body = csv_response("x.csv", ["이름"], [['=HYPERLINK("http://x.example","ok")'], ["김영자"], [3]]).content
    text = body.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "\n김영자" in text.replace("\r", "")
