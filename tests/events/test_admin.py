"""건강상점 in the admin: an enterprise member reaches only its own booths, programs, bookings and stamps
(another enterprise's rows are 404 or simply absent, forged posts change nothing, phones only of its own
program's bookers); the fair, the registrations and the door scans are the cooperative's; the cooperative's
decisions go through the services and record who made them."""

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import timezone

from catalog.models import Provider
from events.models import Booth, CheckIn, Fair, Program, ProgramBooking, Registration, Stamp
from majubom import audit
from tests.factories import (
    BoothFactory,
    FairFactory,
    ProgramFactory,
    ProviderFactory,
    ProviderMemberFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SECRET_NAME = "박비밀"
SECRET_PHONE = "010-9999-0000"


@pytest.fixture
def two_hosts():
    fair = FairFactory(title="제3회 마주봄 건강상점")
    a, b = ProviderFactory(slug="garam", name="가람 협동조합"), ProviderFactory(slug="nuri", name="누리 돌봄")
    host_a = ProviderMemberFactory(provider=a, user=UserFactory(is_staff=True, name="가람지기")).user
    host_b = ProviderMemberFactory(provider=b, user=UserFactory(is_staff=True, name="누리지기")).user
    booth_a = BoothFactory(fair=fair, provider=a, number=1, offering="가람 의자 요가 체험")
    booth_b = BoothFactory(fair=fair, provider=b, number=2, offering="누리 마음 상담")
    program_a = ProgramFactory(booth=booth_a, title="가람 체성분 측정")
    program_b = ProgramFactory(booth=booth_b, title="누리 스트레스 검사")
    now = timezone.now()
    secret = RegistrationFactory(fair=fair, name=SECRET_NAME, phone=SECRET_PHONE, checked_in_at=now)
    mine = RegistrationFactory(fair=fair, name="김가람손님", phone="010-1111-2222", checked_in_at=now)
    booking_b = ProgramBooking.objects.create(program=program_b, registration=secret, seats=1)
    booking_a = ProgramBooking.objects.create(program=program_a, registration=mine, seats=1)
    stamp_b = Stamp.objects.create(registration=secret, booth=booth_b)
    # The secret visitor was stamped at 가람's booth too, but booked none of its programs: 가람 sees the
    # name, never the phone.
    stamp_a = Stamp.objects.create(registration=secret, booth=booth_a)
    checkin = CheckIn.objects.create(
        fair=fair, registration=secret, nonce="n-1", scanned="ABCDEF", result="ok", door="정문"
    )
    staff = UserFactory(is_staff=True, is_superuser=True, name="조합활동가")
    return {
        "fair": fair,
        "a": a,
        "b": b,
        "host_a": host_a,
        "host_b": host_b,
        "booth_a": booth_a,
        "booth_b": booth_b,
        "program_a": program_a,
        "program_b": program_b,
        "secret": secret,
        "mine": mine,
        "booking_a": booking_a,
        "booking_b": booking_b,
        "stamp_a": stamp_a,
        "stamp_b": stamp_b,
        "checkin": checkin,
        "staff": staff,
    }


def _ids(w):
    return {
        "booth_b": w["booth_b"].pk,
        "program_b": w["program_b"].pk,
        "booking_b": w["booking_b"].pk,
        "stamp_b": w["stamp_b"].pk,
        "fair": w["fair"].pk,
        "secret": w["secret"].pk,
        "checkin": w["checkin"].pk,
    }


# --- another enterprise's rows ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/admin/events/booth/{booth_b}/change/",
        "/admin/events/booth/{booth_b}/history/",
        "/admin/events/booth/{booth_b}/delete/",
        "/admin/events/program/{program_b}/change/",
        "/admin/events/program/{program_b}/history/",
        "/admin/events/program/{program_b}/delete/",
        "/admin/events/programbooking/{booking_b}/change/",
        "/admin/events/programbooking/{booking_b}/history/",
        "/admin/events/programbooking/{booking_b}/delete/",
        "/admin/events/stamp/{stamp_b}/change/",
        "/admin/events/stamp/{stamp_b}/history/",
        "/admin/events/stamp/{stamp_b}/delete/",
    ],
)
def test_another_enterprises_rows_are_404(client, two_hosts, url):
    client.force_login(two_hosts["host_a"])
    url = url.format(**_ids(two_hosts))
    # Not found; a delete page a member may never use is refused the same for its own rows and others'.
    expected = (403, 404) if url.endswith("/delete/") else (404,)
    assert client.get(url).status_code in expected
    assert client.post(url, {"post": "yes", "offering": "가짜", "title": "가짜"}).status_code in expected
    assert Booth.objects.filter(pk=two_hosts["booth_b"].pk, offering="누리 마음 상담").exists()
    assert Program.objects.filter(pk=two_hosts["program_b"].pk, title="누리 스트레스 검사").exists()
    assert ProgramBooking.objects.filter(pk=two_hosts["booking_b"].pk).exists()
    assert Stamp.objects.filter(pk=two_hosts["stamp_b"].pk).exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/events/",
        "/admin/events/fair/",
        "/admin/events/fair/add/",
        "/admin/events/fair/{fair}/change/",
        "/admin/events/fair/{fair}/history/",
        "/admin/events/fair/{fair}/delete/",
        "/admin/events/registration/",
        "/admin/events/registration/?q=9999",
        "/admin/events/registration/{secret}/change/",
        "/admin/events/registration/{secret}/history/",
        "/admin/events/registration/{secret}/delete/",
        "/admin/events/checkin/",
        "/admin/events/checkin/{checkin}/change/",
        "/admin/events/checkin/{checkin}/history/",
    ],
)
def test_members_cannot_open_the_cooperatives_fair_registrations_and_door_scans(client, two_hosts, url):
    client.force_login(two_hosts["host_a"])
    url = url.format(**_ids(two_hosts))
    if url == "/admin/events/":
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200  # its own booths are here …
        assert "/admin/events/fair/" not in html and "/admin/events/registration/" not in html
        assert "/admin/events/checkin/" not in html and "/admin/events/booth/" in html
        return
    assert client.get(url).status_code in (403, 404)
    assert client.post(url, {"post": "yes", "name": "가짜", "title": "가짜"}).status_code in (403, 404)
    assert Fair.objects.filter(pk=two_hosts["fair"].pk).exists()
    assert Registration.objects.get(pk=two_hosts["secret"].pk).name == SECRET_NAME
    assert CheckIn.objects.filter(pk=two_hosts["checkin"].pk).exists()


def test_the_admin_index_offers_a_member_only_their_own_events_admins(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    html = client.get("/admin/").content.decode()
    assert "/admin/events/booth/" in html and "/admin/events/stamp/" in html
    assert "/admin/events/fair/" not in html and "/admin/events/registration/" not in html
    assert "/admin/events/checkin/" not in html


@pytest.mark.parametrize(
    "url",
    [
        "/admin/events/booth/",
        "/admin/events/booth/?q=누리",
        "/admin/events/booth/?fair__id__exact={fair}",
        "/admin/events/booth/{booth_a}/change/",
        "/admin/events/program/",
        "/admin/events/program/?q=누리",
        "/admin/events/program/add/",
        "/admin/events/programbooking/",
        "/admin/events/programbooking/?q=9999",
        "/admin/events/programbooking/?q=박",
        "/admin/events/stamp/",
        "/admin/events/stamp/?q=박",
        "/admin/events/stamp/{stamp_a}/change/",
    ],
)
def test_lists_and_pages_show_only_ones_own_booths_and_never_a_strangers_phone(client, two_hosts, url):
    client.force_login(two_hosts["host_a"])
    ids = {**_ids(two_hosts), "booth_a": two_hosts["booth_a"].pk, "stamp_a": two_hosts["stamp_a"].pk}
    response = client.get(url.format(**ids))
    html = response.content.decode()
    assert response.status_code == 200
    assert "누리 돌봄" not in html and "누리 스트레스 검사" not in html and "누리 마음 상담" not in html
    assert SECRET_PHONE not in html


def test_a_member_sees_the_name_and_phone_of_its_own_programs_bookers(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    html = client.get("/admin/events/programbooking/").content.decode()
    assert "김가람손님" in html and "010-1111-2222" in html and "가람 체성분 측정" in html
    stamps = client.get("/admin/events/stamp/").content.decode()
    assert SECRET_NAME in stamps and SECRET_PHONE not in stamps  # stamped here, booked nothing here


def test_filters_offer_no_other_enterprises_booths_or_programs(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    for url in ("/admin/events/program/", "/admin/events/programbooking/", "/admin/events/stamp/"):
        html = client.get(url).content.decode()
        assert "누리" not in html
    # A hand-made filter on the other's booth shows nothing of it.
    html = client.get(f"/admin/events/program/?booth__id__exact={two_hosts['booth_b'].pk}").content.decode()
    assert "누리 스트레스 검사" not in html


@pytest.mark.parametrize(
    ("model", "field", "expected"),
    [
        ("program", "booth", (200,)),
        ("booth", "provider", (200, 403)),
        ("booth", "needs", (200, 403)),
        ("stamp", "registration", (403,)),
        ("programbooking", "registration", (403,)),
        ("programbooking", "program", (200, 403)),
        ("checkin", "registration", (403,)),
        ("booth", "fair", (403,)),
    ],
)
def test_autocomplete_offers_nothing_of_another_enterprise_or_of_the_visitors(
    client, two_hosts, model, field, expected
):
    client.force_login(two_hosts["host_a"])
    response = client.get(
        "/admin/autocomplete/", {"app_label": "events", "model_name": model, "field_name": field, "term": ""}
    )
    body = response.content.decode("unicode_escape")
    assert response.status_code in expected
    assert "누리" not in body and SECRET_NAME not in body and SECRET_PHONE not in body


def test_the_booth_csv_of_another_enterprises_booth_is_empty(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    response = client.post(
        "/admin/events/booth/", {"action": "bookings_csv", "_selected_action": [two_hosts["booth_b"].pk]}
    )
    body = response.content.decode("utf-8", "replace")
    assert SECRET_NAME not in body and SECRET_PHONE not in body and "누리" not in body


def test_the_booth_csv_lists_its_own_bookings_and_stamps(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    response = client.post(
        "/admin/events/booth/",
        {"action": "bookings_csv", "_selected_action": [two_hosts["booth_a"].pk, two_hosts["booth_b"].pk]},
    )
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    assert "가람 체성분 측정" in body and "김가람손님" in body and "010-1111-2222" in body
    assert SECRET_PHONE not in body and "누리" not in body
    assert "가람 협동조합,1" in body  # one stamp at 가람's booth


def test_forged_actions_on_another_enterprises_rows_do_nothing(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    booth_b = two_hosts["booth_b"]
    client.post("/admin/events/booth/", {"action": "withdraw", "_selected_action": [booth_b.pk]})
    assert Booth.objects.get(pk=booth_b.pk).status == "approved"
    applied = BoothFactory(fair=FairFactory(), provider=two_hosts["a"], status="applied", number=None)
    for action in ("approve", "reject"):  # the cooperative's actions: not offered to a member
        client.post(
            "/admin/events/booth/",
            {"action": action, "_selected_action": [applied.pk], "apply": "1", "message": "x"},
        )
    assert Booth.objects.get(pk=applied.pk).status == "applied"
    client.post(
        "/admin/events/program/",
        {"action": "delete_selected", "_selected_action": [two_hosts["program_b"].pk], "post": "yes"},
    )
    assert Program.objects.filter(pk=two_hosts["program_b"].pk).exists()
    client.post(
        "/admin/events/stamp/",
        {"action": "delete_selected", "_selected_action": [two_hosts["stamp_b"].pk], "post": "yes"},
    )
    assert Stamp.objects.filter(pk=two_hosts["stamp_b"].pk).exists()
    client.post(
        "/admin/events/registration/",
        {"action": "cancel_registrations", "_selected_action": [two_hosts["secret"].pk]},
    )
    assert Registration.objects.get(pk=two_hosts["secret"].pk).status == "confirmed"


def test_a_forged_provider_on_the_booth_add_form_creates_nothing(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    fair = FairFactory()
    response = client.post(
        "/admin/events/booth/add/",
        {"fair": fair.pk, "provider": two_hosts["b"].pk, "offering": "남의 이름으로 신청"},
    )
    assert response.status_code == 200  # the form again: that enterprise is not a choice
    assert not Booth.objects.filter(fair=fair).exists()


def test_a_forged_booth_on_the_program_add_form_creates_nothing(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    start = timezone.localtime(two_hosts["fair"].starts_at)
    response = client.post(
        "/admin/events/program/add/",
        {
            "booth": two_hosts["booth_b"].pk,
            "title": "남의 부스 프로그램",
            "starts_at_0": start.strftime("%Y-%m-%d"),
            "starts_at_1": "11:00:00",
            "ends_at_0": start.strftime("%Y-%m-%d"),
            "ends_at_1": "11:30:00",
            "capacity": "5",
            "price": "0",
        },
    )
    assert response.status_code == 200
    assert not Program.objects.filter(title="남의 부스 프로그램").exists()


# --- what an enterprise does with its own booth -------------------------------------------------------------


def test_a_member_applies_for_its_own_booth_once_per_fair(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    fair = FairFactory(title="제4회 건강상점")
    page = client.get("/admin/events/booth/add/").content.decode()
    assert "가람 협동조합" in page and "누리 돌봄" not in page
    data = {"fair": fair.pk, "provider": two_hosts["a"].pk, "offering": "걷기 자세 바로잡기"}
    response = client.post("/admin/events/booth/add/", data)
    assert response.status_code == 302
    booth = Booth.objects.get(fair=fair)
    assert (booth.provider, booth.status, booth.applied_by) == (
        two_hosts["a"],
        "applied",
        two_hosts["host_a"],
    )
    assert [e.change_message for e in audit.history(booth)] == ["부스 신청"]
    again = client.post("/admin/events/booth/add/", {**data, "offering": "두 번째 신청"})
    assert again.status_code == 200
    assert "이 행사에 이미 부스를 신청했어요." in again.content.decode()
    assert Booth.objects.filter(fair=fair).count() == 1


def test_a_member_edits_what_it_offers_but_not_the_cooperatives_fields(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    booth = two_hosts["booth_a"]
    url = f"/admin/events/booth/{booth.pk}/change/"
    html = client.get(url).content.decode()
    assert f"/staff/fairs/{booth.fair.slug}/report/" in html  # its booth's figures
    response = client.post(
        url,
        {
            "offering": "새 체험 안내",
            "status": "rejected",
            "number": "77",
            "zone": "Z",
            "staff_note": "제가 쓴 메모",
            "decision_message": "승인",
            "provider": two_hosts["b"].pk,
            "programs-TOTAL_FORMS": "0",
            "programs-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    booth.refresh_from_db()
    assert booth.offering == "새 체험 안내"
    assert (booth.status, booth.number, booth.zone, booth.staff_note) == ("approved", 1, "A", "")
    assert booth.provider == two_hosts["a"] and booth.decision_message == ""
    entry = LogEntry.objects.filter(object_id=str(booth.pk)).latest("pk")
    assert entry.user == two_hosts["host_a"]


def test_a_member_withdraws_its_own_application(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    booth = two_hosts["booth_a"]
    client.post("/admin/events/booth/", {"action": "withdraw", "_selected_action": [booth.pk]})
    booth.refresh_from_db()
    assert booth.status == "withdrawn"
    assert audit.history(booth)[-1].user == two_hosts["host_a"]


def test_a_program_cannot_shrink_below_its_booked_seats(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    program = two_hosts["program_a"]
    ProgramBooking.objects.create(
        program=program, registration=RegistrationFactory(fair=two_hosts["fair"]), seats=2
    )
    start = timezone.localtime(program.starts_at)
    end = timezone.localtime(program.ends_at)
    response = client.post(
        f"/admin/events/program/{program.pk}/change/",
        {
            "title": program.title,
            "starts_at_0": start.strftime("%Y-%m-%d"),
            "starts_at_1": start.strftime("%H:%M:%S"),
            "ends_at_0": end.strftime("%Y-%m-%d"),
            "ends_at_1": end.strftime("%H:%M:%S"),
            "capacity": "2",
            "price": "0",
        },
    )
    assert response.status_code == 200
    assert "이미 3자리가 예약됐어요" in response.content.decode()
    program.refresh_from_db()
    assert program.capacity == 8


# --- the cooperative ----------------------------------------------------------------------------------------


def test_staff_approve_and_record_who(client, two_hosts):
    staff = two_hosts["staff"]
    client.force_login(staff)
    booth = BoothFactory(fair=two_hosts["fair"], provider=ProviderFactory(), status="applied", number=None)
    client.post("/admin/events/booth/", {"action": "approve", "_selected_action": [booth.pk]})
    booth.refresh_from_db()
    assert booth.status == "approved" and booth.number == 3 and booth.decided_by == staff
    assert audit.history(booth)[-1].user == staff
    assert audit.history(booth)[-1].change_message == "부스 승인 · 3번"


def test_approving_a_public_application_creates_the_enterprise(client, two_hosts):
    client.force_login(two_hosts["staff"])
    booth = Booth.objects.create(
        fair=two_hosts["fair"],
        company_name="새싹 건강 상회",
        company_kind="general",
        contact_name="정새싹",
        contact_phone="010-5555-6666",
        contact_email="saessak@example.kr",
        offering="발 건강 체크",
    )
    client.post("/admin/events/booth/", {"action": "approve", "_selected_action": [booth.pk]})
    booth.refresh_from_db()
    assert booth.status == "approved" and booth.provider.name == "새싹 건강 상회"
    assert (
        Provider.objects.get(pk=booth.provider_id).members.filter(user__email="saessak@example.kr").exists()
    )


def test_staff_reject_asks_for_a_message_and_records_who(client, two_hosts):
    staff = two_hosts["staff"]
    client.force_login(staff)
    booth = BoothFactory(fair=two_hosts["fair"], provider=ProviderFactory(), status="applied", number=None)
    page = client.post("/admin/events/booth/", {"action": "reject", "_selected_action": [booth.pk]})
    assert page.status_code == 200 and "신청한 기업에 전할 말" in page.content.decode()
    empty = client.post(
        "/admin/events/booth/",
        {"action": "reject", "_selected_action": [booth.pk], "apply": "1", "message": " "},
    )
    assert empty.status_code == 200
    assert Booth.objects.get(pk=booth.pk).status == "applied"
    client.post(
        "/admin/events/booth/",
        {
            "action": "reject",
            "_selected_action": [booth.pk],
            "apply": "1",
            "message": "이번에는 자리가 모자라요.",
        },
    )
    booth.refresh_from_db()
    assert (booth.status, booth.decided_by, booth.decision_message) == (
        "rejected",
        staff,
        "이번에는 자리가 모자라요.",
    )
    assert audit.history(booth)[-1].user == staff


def test_staff_set_the_number_and_zone_and_a_taken_number_is_a_form_error(client, two_hosts):
    client.force_login(two_hosts["staff"])
    booth = two_hosts["booth_a"]
    data = {
        "number": "2",
        "zone": "B",
        "offering": booth.offering,
        "staff_note": "",
        "company_name": "",
        "company_kind": "",
        "contact_name": "",
        "contact_phone": "",
        "contact_email": "",
        "programs-TOTAL_FORMS": "1",
        "programs-INITIAL_FORMS": "1",
        "programs-0-id": two_hosts["program_a"].pk,
        "programs-0-booth": booth.pk,
        "programs-0-title": two_hosts["program_a"].title,
        "programs-0-starts_at_0": timezone.localtime(two_hosts["program_a"].starts_at).strftime("%Y-%m-%d"),
        "programs-0-starts_at_1": timezone.localtime(two_hosts["program_a"].starts_at).strftime("%H:%M:%S"),
        "programs-0-ends_at_0": timezone.localtime(two_hosts["program_a"].ends_at).strftime("%Y-%m-%d"),
        "programs-0-ends_at_1": timezone.localtime(two_hosts["program_a"].ends_at).strftime("%H:%M:%S"),
        "programs-0-capacity": "8",
        "programs-0-price": "0",
    }
    taken = client.post(f"/admin/events/booth/{booth.pk}/change/", data)
    assert taken.status_code == 200 and "2번 부스는 이미 있어요." in taken.content.decode()
    response = client.post(f"/admin/events/booth/{booth.pk}/change/", {**data, "number": "7"})
    assert response.status_code == 302
    booth.refresh_from_db()
    assert (booth.number, booth.zone) == (7, "B")


def _fair_form(fair, **changes):
    def split(name, value):
        local = timezone.localtime(value)
        return {f"{name}_0": local.strftime("%Y-%m-%d"), f"{name}_1": local.strftime("%H:%M:%S")}

    data = {
        "title": fair.title,
        "slug": fair.slug,
        "status": fair.status,
        "summary": fair.summary,
        "description": fair.description,
        "venue": fair.venue,
        "address": fair.address,
        "transport": "",
        "what_to_bring": "",
        "parking": "",
        "accessibility": "",
        "visitor_capacity": str(fair.visitor_capacity),
        "stamp_goal": str(fair.stamp_goal),
        "prize_message": "",
    }
    for name in (
        "starts_at",
        "ends_at",
        "registration_opens",
        "registration_closes",
        "booth_call_opens",
        "booth_call_closes",
    ):
        data.update(split(name, getattr(fair, name)))
    data.update(changes)
    return data


def test_the_fair_page_shows_the_counts_and_a_blocked_head_of_the_line(client):
    fair = FairFactory(visitor_capacity=5)
    RegistrationFactory(fair=fair, party_size=3)
    RegistrationFactory(
        fair=fair, party_size=4, status="waitlisted", confirmed_at=None, waitlisted_at=timezone.now()
    )
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    html = client.get(f"/admin/events/fair/{fair.pk}/change/").content.decode()
    assert "1팀 (3명)" in html and "1팀 (4명)" in html and "2명" in html
    assert "대기 맨 앞 4명 일행이 남은 2자리보다 커서 기다리고 있어요" in html
    assert f"/staff/fairs/{fair.slug}/report/" in html


def test_raising_the_capacity_promotes_the_line_and_records_who(client):
    fair = FairFactory(visitor_capacity=5)
    RegistrationFactory(fair=fair, party_size=3)
    waiting = RegistrationFactory(
        fair=fair, party_size=4, status="waitlisted", confirmed_at=None, waitlisted_at=timezone.now()
    )
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    response = client.post(
        f"/admin/events/fair/{fair.pk}/change/", _fair_form(fair, visitor_capacity="8"), follow=True
    )
    assert response.status_code == 200
    assert "대기하던 1팀의 등록이 확정됐어요" in response.content.decode()
    fair.refresh_from_db()
    waiting.refresh_from_db()
    assert fair.visitor_capacity == 8 and waiting.status == "confirmed"
    history = audit.history(fair)
    assert [(e.user, e.change_message) for e in history] == [(staff, "수정: 방문 정원(명)")]


def test_staff_add_a_fair_and_it_is_recorded(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    model = FairFactory.build(slug="fair-new", title="제9회 건강상점")
    response = client.post("/admin/events/fair/add/", _fair_form(model))
    assert response.status_code == 302
    fair = Fair.objects.get(slug="fair-new")
    assert [(e.user, e.change_message) for e in audit.history(fair)] == [(staff, "건강상점 만듦")]


def test_staff_find_registrations_by_the_last_four_digits_and_the_code(client, two_hosts):
    client.force_login(two_hosts["staff"])
    other = RegistrationFactory(fair=two_hosts["fair"], name="이중간", phone="010-0000-9998")
    html = client.get("/admin/events/registration/?q=0000").content.decode()
    assert "이중간" not in html  # 0000 is 박비밀's last four, 이중간's middle four
    assert SECRET_NAME in html
    assert "이중간" in client.get(f"/admin/events/registration/?q={other.code.lower()}").content.decode()
    assert "이중간" in client.get("/admin/events/registration/?q=중간").content.decode()
    assert "이중간" not in client.get("/admin/events/registration/?checked_in=yes").content.decode()
    assert "이중간" in client.get("/admin/events/registration/?checked_in=no").content.decode()


def test_staff_cancel_a_registration_and_it_is_recorded(client, two_hosts):
    staff = two_hosts["staff"]
    client.force_login(staff)
    registration = RegistrationFactory(fair=two_hosts["fair"], name="취소할분")
    client.post(
        "/admin/events/registration/",
        {"action": "cancel_registrations", "_selected_action": [registration.pk]},
    )
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert [(e.user, e.change_message) for e in audit.history(registration)] == [(staff, "등록 취소")]
    # who already came in cannot be cancelled: a warning, nothing changes
    response = client.post(
        "/admin/events/registration/",
        {"action": "cancel_registrations", "_selected_action": [two_hosts["secret"].pk]},
        follow=True,
    )
    assert "이미 입장한 등록은 취소할 수 없어요." in response.content.decode()
    assert Registration.objects.get(pk=two_hosts["secret"].pk).status == "confirmed"


def test_the_registration_csv_starts_with_the_bom_and_has_the_check_in(client, two_hosts):
    client.force_login(two_hosts["staff"])
    response = client.post(
        "/admin/events/registration/",
        {"action": "export_csv", "_selected_action": [two_hosts["secret"].pk, two_hosts["mine"].pk]},
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    body = response.content.decode("utf-8-sig")
    assert body.splitlines()[0].startswith("행사,이름,휴대전화")
    checked_in = timezone.localtime(two_hosts["secret"].checked_in_at).strftime("%Y-%m-%d %H:%M")
    assert SECRET_NAME in body and checked_in in body


def test_check_ins_are_read_only_and_show_what_happened(client, two_hosts):
    client.force_login(two_hosts["staff"])
    checkin = two_hosts["checkin"]
    checkin.undone_at, checkin.undone_by, checkin.undo_reason = (
        timezone.now(),
        two_hosts["staff"],
        "다른 표를 찍음",
    )
    checkin.save()
    html = client.get(f"/admin/events/checkin/{checkin.pk}/change/").content.decode()
    assert "입장 확인" in html and "정문" in html and "다른 표를 찍음" in html and "조합활동가" in html
    client.post(f"/admin/events/checkin/{checkin.pk}/change/", {"result": "unknown", "door": "뒷문"})
    checkin.refresh_from_db()
    assert (checkin.result, checkin.door) == ("ok", "정문")
    assert client.get("/admin/events/checkin/add/").status_code == 403
    assert client.get(f"/admin/events/checkin/{checkin.pk}/delete/").status_code == 403


def test_admin_pages_keep_their_query_budget(client, two_hosts, django_assert_max_num_queries):
    fair = two_hosts["fair"]
    for i in range(15):
        booth = BoothFactory(fair=fair, provider=ProviderFactory(), number=10 + i)
        program = ProgramFactory(booth=booth)
        registration = RegistrationFactory(fair=fair, checked_in_at=timezone.now())
        ProgramBooking.objects.create(program=program, registration=registration, seats=1)
        Stamp.objects.create(registration=registration, booth=booth)
        Stamp.objects.create(registration=registration, booth=two_hosts["booth_a"])
    lists = ["booth", "program", "programbooking", "stamp"]
    pages = {
        "staff": [
            *lists,
            "registration",
            "checkin",
            f"fair/{fair.pk}/change",
            f"registration/{two_hosts['secret'].pk}/change",
            f"booth/{two_hosts['booth_a'].pk}/change",
        ],
        "host_a": [*lists, f"booth/{two_hosts['booth_a'].pk}/change"],
    }
    for who, urls in pages.items():
        client.force_login(two_hosts[who])
        for url in urls:
            with django_assert_max_num_queries(12):
                assert client.get(f"/admin/events/{url}/").status_code == 200
    # a booth's bookings CSV costs the same for one booth or for all of them
    client.force_login(two_hosts["staff"])
    with django_assert_max_num_queries(10):
        client.post(
            "/admin/events/booth/",
            {"action": "bookings_csv", "_selected_action": list(Booth.objects.values_list("pk", flat=True))},
        )


def test_staff_correct_a_visitors_contact_but_not_into_anothers_phone(client, two_hosts):
    staff = two_hosts["staff"]
    client.force_login(staff)
    registration = two_hosts["mine"]
    url = f"/admin/events/registration/{registration.pk}/change/"
    management = {
        f"{prefix}-{key}": "0"
        for prefix in ("bookings", "stamps")
        for key in ("TOTAL_FORMS", "INITIAL_FORMS")
    }
    taken = client.post(url, {"name": "김가람", "phone": "01099990000", "email": "", **management})
    assert taken.status_code == 200
    assert "같은 휴대전화 번호로 등록한 분이 이미 있어요" in taken.content.decode()
    done = client.post(
        url, {"name": "김가람", "phone": "010 2222 3333", "email": "", "party_size": "6", **management}
    )
    assert done.status_code == 302
    registration.refresh_from_db()
    assert (registration.name, registration.phone, registration.party_size) == ("김가람", "010-2222-3333", 1)
    assert LogEntry.objects.filter(object_id=str(registration.pk), user=staff).exists()


def test_a_member_adds_a_program_to_its_own_booth_and_it_is_recorded(client, two_hosts):
    host = two_hosts["host_a"]
    client.force_login(host)
    page = client.get("/admin/events/program/add/").content.decode()
    assert "누리" not in page
    start = timezone.localtime(two_hosts["fair"].starts_at)
    response = client.post(
        "/admin/events/program/add/",
        {
            "booth": two_hosts["booth_a"].pk,
            "title": "가람 걷기 자세 교실",
            "starts_at_0": start.strftime("%Y-%m-%d"),
            "starts_at_1": "13:00:00",
            "ends_at_0": start.strftime("%Y-%m-%d"),
            "ends_at_1": "13:30:00",
            "capacity": "10",
            "price": "0",
        },
    )
    assert response.status_code == 302
    program = Program.objects.get(title="가람 걷기 자세 교실")
    assert program.booth == two_hosts["booth_a"]
    assert LogEntry.objects.filter(object_id=str(program.pk), user=host).exists()
