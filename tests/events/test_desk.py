"""The door desk (staff with ``events.check_in``) and the booth pages (that booth's own members): who gets
in, what a scan answers (full page and htmx fragment), retries by nonce, undo, walk-ins, counts, search,
stamps, the poster, and the query budget of a scan."""

import datetime as dt
import json
import re
import uuid
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Permission
from django.urls import resolve, reverse
from django.utils import timezone

from events import services
from events.models import CheckIn, Fair, Registration, Stamp
from tests.factories import (
    BoothFactory,
    FairFactory,
    ProgramFactory,
    ProviderMemberFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def fair():
    """A fair on now: the door is open, 20 places."""
    now = timezone.now()
    return FairFactory(
        starts_at=now - dt.timedelta(hours=1),
        ends_at=now + dt.timedelta(hours=5),
        registration_opens=now - dt.timedelta(days=10),
        registration_closes=now - dt.timedelta(hours=2),
        visitor_capacity=20,
    )


@pytest.fixture
def staff():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="check_in"))
    return user


@pytest.fixture
def desk_client(client, staff):
    client.force_login(staff)
    return client


def url(name, fair, *args):
    return reverse(f"events:{name}", args=[fair.slug, *args])


def scan(client, fair, code, *, nonce=None, door="", htmx=False):
    data = {"code": code, "nonce": uuid.uuid4().hex if nonce is None else nonce, "door": door}
    return client.post(url("desk_scan", fair), data, **(HTMX if htmx else {}))


def text(response) -> str:
    """The page's words without tags and with spaces squeezed, for "입장 확인 · 3명"-style checks."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


# --- who gets in ------------------------------------------------------------------------------------------


def test_only_staff_with_the_check_in_permission_open_the_desk(client, fair, staff):
    desk = url("desk", fair)
    response = client.get(desk)
    assert response.status_code == 302 and urlsplit(response.url).path == reverse("account_login")
    assert "next=" in response.url and fair.slug in response.url
    scan_anonymous = scan(client, fair, "ABCDEF")
    assert scan_anonymous.status_code == 302 and scan_anonymous.url.endswith("next=" + desk)
    assert not CheckIn.objects.exists()

    client.force_login(UserFactory())  # a resident
    assert client.get(desk).status_code == 403
    assert scan(client, fair, "ABCDEF").status_code == 403

    client.force_login(
        ProviderMemberFactory().user
    )  # an enterprise's member (is_staff) without the permission
    for name in ("desk", "desk_search", "desk_counts"):
        assert client.get(url(name, fair)).status_code == 403
    for name in ("desk_scan", "desk_undo", "desk_walk_in"):
        assert client.post(url(name, fair), {"code": "ABCDEF", "nonce": "x"}).status_code == 403
    assert not CheckIn.objects.exists()

    client.force_login(staff)
    page = client.get(desk)
    assert page.status_code == 200
    html = page.content.decode()
    assert "입장 확인" in html and fair.title in html
    assert 'name="nonce"' in html and 'hx-post="' + url("desk_scan", fair) in html
    # no inline script (CSP): the scanner comes from its file, the fallback reader from static/vendor
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert "js/scan.js" in html and "vendor/jsqr/jsQR.js" in html
    assert "unsafe-inline" not in page.headers["Content-Security-Policy"]
    assert "css/site.css" in html  # its styles are the site's own (no inline style under the CSP)


def test_the_desk_of_a_fair_that_does_not_exist_is_a_404(client, desk_client):
    assert desk_client.get("/fairs/no-such-fair/desk/").status_code == 404
    client.force_login(UserFactory())
    assert client.get("/fairs/no-such-fair/desk/").status_code == 403  # the same as for a fair that exists


def test_the_desk_asks_what_has_perm_asks(fair):
    """The desk checks ``events.check_in`` in the fair's query: the same answer as ``user.has_perm``."""
    from django.contrib.auth.models import Group

    from events.desk import _check_in_granted
    from events.models import Fair

    check_in = Permission.objects.get(codename="check_in")
    door = Group.objects.create(name="문 데스크")
    door.permissions.add(check_in)
    others = Group.objects.create(name="다른 일")
    others.permissions.add(Permission.objects.get(codename="change_fair"))
    own, by_group, neither, both = (UserFactory(is_staff=True) for _ in range(4))
    own.user_permissions.add(check_in)
    by_group.groups.add(door)
    neither.groups.add(others)
    neither.user_permissions.add(Permission.objects.get(codename="view_fair"))
    both.user_permissions.add(check_in)
    both.groups.add(door, others)
    for user, expected in ((own, True), (by_group, True), (neither, False), (both, True)):
        asked = Fair.objects.annotate(may=_check_in_granted(user)).get(pk=fair.pk).may
        assert asked is user.has_perm("events.check_in") is expected


# --- scanning ---------------------------------------------------------------------------------------------


def test_a_scan_lets_the_party_in(desk_client, fair, staff):
    registration = RegistrationFactory(fair=fair, name="김영자", party_size=3)
    response = scan(desk_client, fair, registration.code.lower(), door="2")
    words = text(response)
    assert response.status_code == 200
    assert "입장 확인 · 3명" in words and "김영자" in words and registration.code in words
    registration.refresh_from_db()
    assert registration.checked_in_at is not None and registration.checked_in_door == "2"
    checkin = CheckIn.objects.get()
    assert (checkin.result, checkin.registration, checkin.door, checkin.staff) == (
        "ok",
        registration,
        "2",
        staff,
    )
    assert response.cookies["fair_desk_door"].value == "2"  # the door is remembered for the next page


def test_the_whole_ticket_link_or_its_secret_scans_too(desk_client, fair):
    first, second = RegistrationFactory(fair=fair), RegistrationFactory(fair=fair)
    link = "https://majubom.kr" + first.get_absolute_url()
    assert "입장 확인" in text(scan(desk_client, fair, link))
    assert "입장 확인" in text(scan(desk_client, fair, second.secret))
    assert CheckIn.objects.filter(result="ok").count() == 2


def test_already_in_says_when_and_at_which_door(desk_client, fair, staff):
    registration = RegistrationFactory(fair=fair)
    first = timezone.localtime().replace(hour=14, minute=2, second=0, microsecond=0)
    services.scan(fair=fair, value=registration.code, nonce="first", staff=staff, door="2", now=first)
    words = text(scan(desk_client, fair, registration.code, door="1"))
    assert "이미 입장 14:02 · 문 2" in words
    registration.refresh_from_db()
    assert registration.checked_in_door == "2"  # the second scan changed nothing
    assert list(CheckIn.objects.order_by("created_at").values_list("result", flat=True)) == ["ok", "already"]


@pytest.mark.parametrize(
    ("status", "message"), [("cancelled", "취소된 등록"), ("waitlisted", "대기 중인 등록이에요")]
)
def test_a_cancelled_or_waiting_registration_is_not_let_in(desk_client, fair, status, message):
    RegistrationFactory(fair=fair, party_size=6)
    Fair.objects.filter(pk=fair.pk).update(visitor_capacity=6)  # full: a waiting party stays waiting
    registration = RegistrationFactory(fair=fair, status=status)
    response = scan(desk_client, fair, registration.code)
    assert message in text(response) and "desk-result-error" in response.content.decode()
    registration.refresh_from_db()
    assert registration.checked_in_at is None
    assert CheckIn.objects.get().result == status


def test_a_waiting_party_that_fits_the_places_left_comes_in_at_the_door(desk_client, fair):
    registration = RegistrationFactory(fair=fair, status="waitlisted", party_size=2, confirmed_at=None)
    words = text(scan(desk_client, fair, registration.code))
    assert "입장 확인 · 2명" in words
    registration.refresh_from_db()
    assert registration.status == "confirmed" and registration.checked_in_at is not None


def test_an_unknown_code_and_another_fairs_ticket_are_refused_and_recorded(desk_client, fair):
    theirs = RegistrationFactory()  # another fair's visitor
    assert "모르는 코드예요" in text(scan(desk_client, fair, "ZZZZZZ"))
    assert "모르는 코드예요" in text(scan(desk_client, fair, "not a ticket at all"))
    assert "다른 행사 티켓이에요" in text(scan(desk_client, fair, theirs.secret))
    rows = CheckIn.objects.filter(fair=fair).order_by("created_at")
    assert [(r.result, r.registration_id) for r in rows] == [
        ("unknown", None),
        ("unknown", None),
        ("wrong_fair", None),
    ]
    assert rows[0].scanned == "ZZZZZZ"
    theirs.refresh_from_db()
    assert theirs.checked_in_at is None and theirs.name not in text(scan(desk_client, fair, theirs.secret))


def test_a_retried_scan_with_the_same_nonce_answers_the_same_and_adds_no_row(desk_client, fair):
    registration = RegistrationFactory(fair=fair, party_size=2)
    first = scan(desk_client, fair, registration.code, nonce="same-nonce")
    again = scan(desk_client, fair, registration.code, nonce="same-nonce")
    assert "입장 확인 · 2명" in text(first) and "입장 확인 · 2명" in text(again)
    assert "이미 입장" not in text(again) and "같은 스캔을 다시 받아서" in text(again)
    assert CheckIn.objects.count() == 1
    # a new nonce is a new scan
    assert "이미 입장" in text(scan(desk_client, fair, registration.code))
    assert CheckIn.objects.count() == 2


def test_a_scan_without_a_nonce_records_nothing(desk_client, fair):
    registration = RegistrationFactory(fair=fair)
    for htmx in (False, True):
        response = scan(desk_client, fair, registration.code, nonce="", htmx=htmx)
        assert "화면을 새로 고친 뒤 다시 스캔해 주세요" in text(response)
        assert response.status_code == (200 if htmx else 400)
    assert not CheckIn.objects.exists()
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_htmx_gets_the_answer_and_a_fresh_nonce_and_no_js_gets_the_whole_page(desk_client, fair):
    one, two = RegistrationFactory(fair=fair), RegistrationFactory(fair=fair)
    fragment = scan(desk_client, fair, one.code, htmx=True)
    html = fragment.content.decode()
    assert fragment.status_code == 200 and "<html" not in html and "<h1" not in html
    assert html.lstrip().startswith('<section id="desk-result"') and "입장 확인" in html
    nonce = re.search(
        r'<input type="hidden" name="nonce" id="scan-nonce" value="(\w+)" hx-swap-oob="true">', html
    )
    assert nonce and not CheckIn.objects.filter(nonce=nonce.group(1)).exists()
    assert "desk-counted" in json.loads(fragment["HX-Trigger"])  # the counts refresh at once
    assert f'name="registration" value="{one.pk}"' in html  # the undo form

    page = scan(desk_client, fair, two.code)
    html = page.content.decode()
    assert "<html" in html and "<h1" in html and "입장 확인" in text(page)
    assert "hx-swap-oob" not in html and "HX-Trigger" not in page.headers
    served = re.search(r'id="scan-nonce" value="(\w+)"', html).group(1)
    assert served and not CheckIn.objects.filter(nonce=served).exists()  # the next typed scan's nonce

    failed = scan(desk_client, fair, "ZZZZZZ", htmx=True)
    assert "모르는 코드예요" in text(failed) and "HX-Trigger" not in failed.headers


TRANSACTION = re.compile(r"^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b")


def statements(captured) -> list[str]:
    """The queries of a request, without the transaction's own BEGIN/COMMIT (SQLite logs them; PostgreSQL
    does not) or a test transaction's SAVEPOINT/RELEASE."""
    return [q["sql"] for q in captured.captured_queries if not TRANSACTION.match(q["sql"])]


def scan_costs(client, fair, django_assert_max_num_queries, budget: int) -> None:
    registrations = RegistrationFactory.create_batch(30, fair=fair)
    for registration in registrations[:10]:
        scan(client, fair, registration.code)
    for value, answer in (
        (registrations[20].code, "입장 확인"),
        (registrations[21].secret, "입장 확인"),
        (registrations[0].code, "이미 입장"),
        ("ZZZZZZ", "모르는 코드예요"),
    ):
        with django_assert_max_num_queries(budget + 2) as captured:
            assert answer in text(scan(client, fair, value, htmx=True))
        assert len(statements(captured)) <= budget, statements(captured)


def test_a_desk_scan_stays_within_its_query_budget(desk_client, fair, django_assert_max_num_queries):
    """The session, the user, the fair with the permission, and ``services.scan``'s own few."""
    scan_costs(desk_client, fair, django_assert_max_num_queries, budget=8)


# --- undo, walk-ins, counts, search -----------------------------------------------------------------------


def test_an_undo_needs_a_reason_and_takes_the_check_in_back(desk_client, fair, staff):
    registration = RegistrationFactory(fair=fair)
    scan(desk_client, fair, registration.code)
    undo = url("desk_undo", fair)

    refused = desk_client.post(undo, {"registration": registration.pk, "reason": "  "}, **HTMX)
    assert "입장 취소 까닭을 적어 주세요" in text(refused)
    registration.refresh_from_db()
    assert registration.checked_in_at is not None

    done = desk_client.post(
        undo, {"registration": registration.pk, "reason": "다른 분 티켓을 찍었어요"}, **HTMX
    )
    assert "입장 확인을 취소했어요" in text(done) and "desk-counted" in json.loads(done["HX-Trigger"])
    registration.refresh_from_db()
    assert registration.checked_in_at is None and registration.checked_in_door == ""
    checkin = CheckIn.objects.get(result="ok")
    assert checkin.undone_by == staff and checkin.undo_reason == "다른 분 티켓을 찍었어요"
    # the visitor can be let in again
    assert "입장 확인 · 1명" in text(scan(desk_client, fair, registration.code))


def test_an_undo_of_another_fairs_registration_is_a_404(desk_client, fair):
    theirs = RegistrationFactory(checked_in_at=timezone.now())
    undo = url("desk_undo", fair)
    assert desk_client.post(undo, {"registration": theirs.pk, "reason": "잘못"}).status_code == 404
    for bad in ("", "abc", "0", "-1", "9" * 30):
        assert desk_client.post(undo, {"registration": bad, "reason": "잘못"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.checked_in_at is not None


def walk_in(client, fair, *, htmx=False, nonce=None, **fields):
    data = {
        "name": "박순자",
        "phone": "010-7777-1234",
        "party_size": "2",
        "agree_privacy": "on",
        "door": "1",
        "nonce": uuid.uuid4().hex if nonce is None else nonce,
        **fields,
    }
    return client.post(url("desk_walk_in", fair), data, **(HTMX if htmx else {}))


def test_a_walk_in_is_registered_and_let_in_while_places_are_left(desk_client, fair):
    response = walk_in(desk_client, fair, htmx=True, nonce="walk-1")
    registration = Registration.objects.get()
    assert (registration.source, registration.status, registration.party_size) == ("door", "confirmed", 2)
    assert registration.phone == "010-7777-1234" and registration.checked_in_door == "1"
    assert registration.checked_in_at is not None
    words = text(response)
    assert "입장 확인 · 2명" in words and "박순자" in words and registration.code in words
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="walk-in"') and 'id="desk-result"' in html
    assert "desk-counted" in json.loads(response["HX-Trigger"])

    # the same form posted again (a retry): the same answer, no second registration
    again = walk_in(desk_client, fair, htmx=True, nonce="walk-1")
    assert "입장 확인 · 2명" in text(again) and Registration.objects.count() == 1
    assert CheckIn.objects.count() == 1


def test_a_walk_in_is_refused_when_the_fair_is_full(desk_client, fair):
    fair.visitor_capacity = 2
    fair.save()
    RegistrationFactory(fair=fair, party_size=2)
    page = desk_client.get(url("desk", fair))
    assert "남은 자리가 없어서 현장 등록을 받을 수 없어요" in text(page)
    response = walk_in(desk_client, fair, party_size="1")
    assert response.status_code == 400 and "현장 등록을 받을 수 없어요" in text(response)
    assert Registration.objects.count() == 1 and not CheckIn.objects.exists()


def test_a_walk_in_needs_the_visitors_consent_and_a_nonce(desk_client, fair):
    missing = walk_in(desk_client, fair, agree_privacy="")
    assert missing.status_code == 400 and "방문객의 동의를 받은 뒤 체크해 주세요" in text(missing)
    stale = walk_in(desk_client, fair, nonce="")
    assert stale.status_code == 400 and "화면을 새로 고친 뒤 다시 등록해 주세요" in text(stale)
    assert not Registration.objects.exists()


def test_the_counts_fragment(desk_client, fair):
    RegistrationFactory(fair=fair, party_size=3, checked_in_at=timezone.now())
    RegistrationFactory(fair=fair, party_size=2)
    RegistrationFactory(fair=fair, party_size=4, status="cancelled")
    response = desk_client.get(url("desk_counts", fair), **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="desk-counts"') and 'hx-trigger="every 10s' in html
    assert re.sub(r"\s+", " ", text(response)).strip() == "등록 5명 입장 3명 남은 자리 15명"
    assert desk_client.get(url("desk_counts", fair)).status_code == 302  # no htmx: the desk itself


def test_search_by_name_or_the_last_four_digits(desk_client, fair):
    came = RegistrationFactory(fair=fair, name="이순신", phone="010-1111-2468")
    services.scan(fair=fair, value=came.code, nonce="n1", staff=None, door="정문")
    waiting = RegistrationFactory(fair=fair, name="이영희", phone="010-2222-1357", status="waitlisted")
    gone = RegistrationFactory(fair=fair, name="이철수", phone="010-3333-1357", status="cancelled")
    RegistrationFactory(name="이몽룡", phone="010-4444-1357")  # another fair's

    found = desk_client.get(url("desk_search", fair), {"q": "이"}, **HTMX)
    words = text(found)
    assert found.content.decode().lstrip().startswith('<div id="search-results"')
    assert all(name in words for name in ("이순신", "이영희", "이철수")) and "이몽룡" not in words
    assert "등록 확정" in words and "대기" in words and "취소" in words
    came.refresh_from_db()
    assert f"{timezone.localtime(came.checked_in_at):%H:%M} 입장" in words and "문 정문" in words
    assert "010-2222-1357" not in words and "전화 끝 1357" in words  # only the last four digits
    assert "이영희 입장 확인" in words and "이철수 입장 확인" in words and "이순신 입장 확인" not in words

    by_phone = text(desk_client.get(url("desk_search", fair), {"q": "1357"}, **HTMX))
    assert "이영희" in by_phone and "이철수" in by_phone and "이순신" not in by_phone
    by_code = text(desk_client.get(url("desk_search", fair), {"q": waiting.code.lower()}, **HTMX))
    assert "이영희" in by_code and "이철수" not in by_code
    nobody = text(desk_client.get(url("desk_search", fair), {"q": "없는사람"}, **HTMX))
    assert "찾는 분이 없어요" in nobody

    # without JavaScript: the whole desk with the list; a check-in button from the list lets one in
    page = desk_client.get(url("desk_search", fair), {"q": "이영희"})
    assert "<h1" in page.content.decode() and "이영희" in text(page)
    assert gone.name not in text(page)


def test_a_check_in_button_from_the_search_list_lets_one_in(desk_client, fair):
    registration = RegistrationFactory(fair=fair, name="홍길동")
    html = desk_client.get(url("desk_search", fair), {"q": "홍길동"}, **HTMX).content.decode()
    form = re.search(r'name="code" value="(\w+)">\s*<input type="hidden" name="nonce" value="(\w+)">', html)
    assert form.group(1) == registration.code
    assert "입장 확인 · 1명" in text(scan(desk_client, fair, form.group(1), nonce=form.group(2), htmx=True))


# --- the booth --------------------------------------------------------------------------------------------


@pytest.fixture
def booth(fair):
    return BoothFactory(fair=fair, number=7)


@pytest.fixture
def booth_client(client, booth):
    client.force_login(ProviderMemberFactory(provider=booth.provider).user)
    return client


def booth_url(name, booth, *extra):
    return reverse(f"events:{name}", args=[booth.fair.slug, booth.pk, *extra])


def stamp(client, booth, code, *, htmx=False):
    data = {"code": code, "nonce": uuid.uuid4().hex}
    return client.post(booth_url("booth_stamp", booth), data, **(HTMX if htmx else {}))


def test_a_booth_page_is_only_for_that_booths_members(client, booth, staff):
    visitor = RegistrationFactory(fair=booth.fair, checked_in_at=timezone.now())
    other_booth = BoothFactory(fair=booth.fair)
    pages = [booth_url("booth", booth), booth_url("booth_poster", booth)]

    response = client.get(pages[0])
    assert response.status_code == 302 and urlsplit(response.url).path == reverse("account_login")

    for outsider in (
        ProviderMemberFactory(provider=other_booth.provider).user,  # another booth's member
        UserFactory(),  # a resident
        staff,  # door staff run the door, not the booths
    ):
        client.force_login(outsider)
        for page in pages:
            assert client.get(page).status_code == 404
        assert stamp(client, booth, visitor.code).status_code == 404
    assert not Stamp.objects.exists()

    client.force_login(ProviderMemberFactory(provider=booth.provider).user)
    for page in pages:
        assert client.get(page).status_code == 200
    # the booth's own member cannot reach it under another fair's address, nor a booth that does not exist
    other_fair = FairFactory()
    assert client.get(f"/fairs/{other_fair.slug}/booths/{booth.pk}/").status_code == 404
    assert client.get(f"/fairs/{booth.fair.slug}/booths/{other_booth.pk}/").status_code == 404
    assert client.get(f"/fairs/{booth.fair.slug}/booths/{'9' * 30}/").status_code == 404


def test_a_stamp_needs_a_checked_in_visitor_and_is_given_once(booth_client, booth):
    visitor = RegistrationFactory(fair=booth.fair, name="최민수")
    refused = stamp(booth_client, booth, visitor.code)
    assert "입장 확인을 먼저 받아야 스탬프를 찍을 수 있어요" in text(refused)
    assert not Stamp.objects.exists()

    services.scan(fair=booth.fair, value=visitor.code, nonce="in", staff=None)
    first = stamp(booth_client, booth, visitor.code.lower(), htmx=True)
    html = first.content.decode()
    assert "스탬프 찍었어요 · 최민수" in text(first) and "<html" not in html
    assert 'id="booth-stamps"' in html and "오늘 찍은 스탬프 1개" in text(first)
    assert 'id="stamp-nonce"' in html and 'hx-swap-oob="true"' in html
    again = stamp(booth_client, booth, "https://majubom.kr" + visitor.get_absolute_url())
    assert "이미 찍었어요" in text(again) and "<h1" in again.content.decode()
    assert Stamp.objects.get().booth == booth and Stamp.objects.count() == 1

    assert "모르는 티켓이에요" in text(stamp(booth_client, booth, "ZZZZZZ"))
    theirs = RegistrationFactory(checked_in_at=timezone.now())
    assert "다른 행사의 티켓이에요" in text(stamp(booth_client, booth, theirs.secret))
    assert Stamp.objects.count() == 1


def test_the_booth_page_shows_todays_stamps_and_its_program_bookings(booth_client, booth):
    program = ProgramFactory(booth=booth, title="체성분 측정")
    elsewhere = ProgramFactory(booth=BoothFactory(fair=booth.fair), title="족욕 체험")
    booked = RegistrationFactory(fair=booth.fair, name="정다운", phone="010-5555-0101", party_size=2)
    other = RegistrationFactory(fair=booth.fair, name="남의손님", phone="010-6666-0202")
    services.program_book(registration=booked, program_id=program.pk, seats=2, now=booth.fair.starts_at)
    services.program_book(registration=other, program_id=elsewhere.pk, seats=1, now=booth.fair.starts_at)
    Stamp.objects.create(registration=booked, booth=booth)
    yesterday = Stamp.objects.create(registration=other, booth=booth)
    Stamp.objects.filter(pk=yesterday.pk).update(created_at=timezone.now() - dt.timedelta(days=1))

    words = text(booth_client.get(booth_url("booth", booth)))
    assert "7번 부스" in words and booth.provider.name in words
    assert "오늘 찍은 스탬프 1개" in words
    assert "체성분 측정" in words and "정다운 · 2명" in words and "010-5555-0101" in words
    assert "족욕 체험" not in words and "남의손님" not in words and "010-6666-0202" not in words


def test_the_poster_carries_the_self_stamp_link_of_this_booth(booth_client, booth):
    response = booth_client.get(booth_url("booth_poster", booth))
    html = response.content.decode()
    assert "<svg" in html and 'aria-label="스탬프 QR 코드"' in html
    assert "7번 부스" in text(response) and booth.provider.name in text(response)
    link = urlsplit(response.context["url"])
    assert link.scheme in {"http", "https"} and link.netloc
    match = resolve(link.path)
    assert match.view_name == "events:poster_stamp" and match.kwargs["slug"] == booth.fair.slug
    assert services.booth_from_poster(match.kwargs["token"]) == booth
