"""건강상점 rules, one by one, on the services (any database): the strict line by party, its promotions,
duplicates and the window, program bookings, door scans, stamps, tickets and the booth call."""

import datetime as dt
import itertools

import pytest
from django.core import mail

from events import services
from events.models import Booth, CheckIn, ProgramBooking, Registration, Stamp
from tests.factories import (
    BoothFactory,
    FairFactory,
    ProgramFactory,
    ProviderMemberFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

_phones = itertools.count(1)


def phone() -> str:
    n = next(_phones)
    return f"010-8{n // 10000 % 1000:03d}-{n % 10000:04d}"


def register(fair, party_size=1, **kwargs):
    kwargs.setdefault("phone", phone())
    kwargs.setdefault("name", "방문객")
    return services.registration_create(fair=fair, party_size=party_size, **kwargs)


def status_of(result) -> str:
    return Registration.objects.get(pk=result.registration.pk).status


def cooperative_staff():
    return UserFactory(is_staff=True, is_superuser=True)


def checked_in(registration):
    services.scan(fair=registration.fair, value=registration.code, nonce=f"in-{registration.pk}", staff=None)
    registration.refresh_from_db()
    return registration


# --- the line ---------------------------------------------------------------------------------------------


def test_places_are_people_and_a_newcomer_queues_behind_the_line_even_if_they_would_fit():
    fair = FairFactory(visitor_capacity=5)
    four = register(fair, 4)
    three = register(fair, 3)  # 1 place left: does not fit
    one = register(fair, 1)  # would fit the last place, but someone is waiting
    assert (four.registration.status, four.place_in_line) == ("confirmed", None)
    assert (three.registration.status, three.place_in_line) == ("waitlisted", 1)
    assert (one.registration.status, one.place_in_line) == ("waitlisted", 2)
    assert services.confirmed_people(fair) == 4


def test_the_line_is_strict_a_party_of_four_at_the_head_is_not_skipped_by_a_party_of_one():
    fair = FairFactory(visitor_capacity=4)
    first, second = register(fair, 2), register(fair, 2)
    head, behind = register(fair, 4), register(fair, 1)
    assert services.head_blocked(fair) is None  # no place free

    promoted = services.registration_cancel(registration=first.registration)
    assert promoted == []
    assert (status_of(head), status_of(behind)) == ("waitlisted", "waitlisted")
    blocked_head, free = services.head_blocked(fair)
    assert (blocked_head.pk, free) == (head.registration.pk, 2)

    promoted = services.registration_cancel(registration=second.registration)
    assert [r.pk for r in promoted] == [head.registration.pk]
    assert (status_of(head), status_of(behind)) == ("confirmed", "waitlisted")
    assert services.place_in_line(Registration.objects.get(pk=behind.registration.pk)) == 1
    assert services.confirmed_people(fair) == 4


def test_a_cancel_promotes_the_head_and_tells_them(django_capture_on_commit_callbacks):
    fair = FairFactory(visitor_capacity=2)
    going = register(fair, 2)
    waiting = register(fair, 1, email="waiting@example.kr")
    later = register(fair, 1, email="later@example.kr")
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.registration_cancel(registration=going.registration)
    assert [r.pk for r in promoted] == [waiting.registration.pk, later.registration.pk]
    assert (status_of(waiting), status_of(later)) == ("confirmed", "confirmed")
    assert Registration.objects.get(pk=waiting.registration.pk).confirmed_at is not None
    assert sorted(m.to[0] for m in mail.outbox if "자리가 났어요" in m.subject) == [
        "later@example.kr",
        "waiting@example.kr",
    ]


def test_a_cancelled_registration_cannot_be_cancelled_again():
    fair = FairFactory()
    result = register(fair)
    services.registration_cancel(registration=result.registration)
    with pytest.raises(services.Invalid, match="이미 취소"):
        services.registration_cancel(registration=result.registration)


def test_nobody_is_promoted_after_registration_closes():
    fair = FairFactory(visitor_capacity=1)
    going, waiting = register(fair), register(fair)
    after_close = fair.registration_closes + dt.timedelta(minutes=1)
    promoted = services.registration_cancel(registration=going.registration, now=after_close)
    assert promoted == []
    assert status_of(waiting) == "waitlisted"
    assert services.promote_line(fair=fair, now=after_close) == []
    assert status_of(waiting) == "waitlisted"


def test_raising_the_capacity_promotes_the_line_in_order_and_lowering_cancels_nobody():
    fair = FairFactory(visitor_capacity=2)
    staff = cooperative_staff()
    confirmed = register(fair, 2)
    head, small, last = register(fair, 3), register(fair, 1), register(fair, 2)

    promoted = services.fair_set_capacity(fair=fair, capacity=6, by=staff)  # 4 free: 3 + 1, then 2 waits
    assert [r.pk for r in promoted] == [head.registration.pk, small.registration.pk]
    assert status_of(last) == "waitlisted"
    assert services.confirmed_people(fair) == 6

    assert services.fair_set_capacity(fair=fair, capacity=3, by=staff) == []
    assert Registration.objects.filter(fair=fair, status="confirmed").count() == 3  # nobody cancelled
    assert status_of(confirmed) == "confirmed"
    with pytest.raises(services.Invalid):
        services.fair_set_capacity(fair=fair, capacity=0, by=staff)


# --- duplicates, sizes, the window ------------------------------------------------------------------------


def test_one_live_registration_per_phone_and_per_user_and_again_after_a_cancel():
    fair = FairFactory()
    user = UserFactory()
    first = register(fair, phone="010-1111-2222", user=user)
    with pytest.raises(services.Duplicate, match="휴대전화"):
        register(fair, phone="010-1111-2222")
    with pytest.raises(services.Duplicate, match="이미 이 행사"):
        register(fair, phone="010-3333-4444", user=user)
    assert Registration.objects.filter(fair=fair).count() == 1

    services.registration_cancel(registration=first.registration)
    again = register(fair, phone="010-1111-2222", user=user)
    assert again.registration.status == "confirmed"
    assert Registration.objects.filter(fair=fair, phone="010-1111-2222").count() == 2

    other_fair = FairFactory()  # another fair is another registration
    assert register(other_fair, phone="010-1111-2222", user=user).registration.status == "confirmed"


def test_the_same_phone_waiting_counts_as_a_duplicate_too():
    fair = FairFactory(visitor_capacity=1)
    register(fair)
    waiting = register(fair, phone="010-5555-6666")
    assert waiting.registration.status == "waitlisted"
    with pytest.raises(services.Duplicate):
        register(fair, phone="010-5555-6666")


@pytest.mark.parametrize("size", [0, 7, -1])
def test_a_party_of_zero_or_more_than_six_is_refused(size):
    fair = FairFactory()
    with pytest.raises(services.Invalid, match="1명부터 6명"):
        register(fair, size)
    assert not Registration.objects.filter(fair=fair).exists()


def test_registration_outside_its_window_or_for_an_unpublished_fair_is_refused():
    fair = FairFactory()
    with pytest.raises(services.NotOpen, match="아직 시작"):
        register(fair, now=fair.registration_opens - dt.timedelta(minutes=1))
    with pytest.raises(services.NotOpen, match="마감"):
        register(fair, now=fair.registration_closes)
    draft = FairFactory(status="draft")
    with pytest.raises(services.NotOpen):
        register(draft)
    assert not Registration.objects.exists()


def test_at_the_door_only_while_places_are_left():
    fair = FairFactory(visitor_capacity=3)
    on_the_day = fair.starts_at + dt.timedelta(minutes=5)
    with pytest.raises(services.NotOpen, match="현장 등록"):
        register(fair, source="door")  # not the fair's day yet
    register(fair, 2)
    with pytest.raises(services.Full, match="1명뿐"):
        register(fair, 2, source="door", now=on_the_day)
    walk_in = register(fair, 1, source="door", now=on_the_day)
    assert walk_in.registration.status == "confirmed"


# --- programs ---------------------------------------------------------------------------------------------


def test_a_program_of_another_fair_or_an_unapproved_booth_is_refused():
    registration = RegistrationFactory(party_size=2)
    elsewhere = ProgramFactory()  # its booth is at another fair
    with pytest.raises(services.Invalid, match="이 행사의 프로그램이 아니에요"):
        services.program_book(registration=registration, program_id=elsewhere.pk, seats=1)
    applied = ProgramFactory(booth=BoothFactory(fair=registration.fair, status="applied"))
    with pytest.raises(services.Invalid, match="이 행사의 프로그램이 아니에요"):
        services.program_book(registration=registration, program_id=applied.pk, seats=1)
    with pytest.raises(services.Invalid):
        services.program_book(registration=registration, program_id=999_999, seats=1)
    assert not ProgramBooking.objects.exists()


def test_seats_beyond_the_party_twice_or_beyond_the_program_are_refused():
    registration = RegistrationFactory(party_size=2)
    program = ProgramFactory(booth=BoothFactory(fair=registration.fair), capacity=3)
    with pytest.raises(services.Invalid, match="2명"):
        services.program_book(registration=registration, program_id=program.pk, seats=3)
    with pytest.raises(services.Invalid):
        services.program_book(registration=registration, program_id=program.pk, seats=0)
    services.program_book(registration=registration, program_id=program.pk, seats=2)
    with pytest.raises(services.Duplicate, match="이미 예약"):
        services.program_book(registration=registration, program_id=program.pk, seats=1)

    other = RegistrationFactory(fair=registration.fair, party_size=2)
    with pytest.raises(services.Full, match="남은 자리가 1명"):
        services.program_book(registration=other, program_id=program.pk, seats=2)
    services.program_book(registration=other, program_id=program.pk, seats=1)
    third = RegistrationFactory(fair=registration.fair)
    with pytest.raises(services.Full, match="자리가 다 찼어요"):
        services.program_book(registration=third, program_id=program.pk, seats=1)
    assert services.program_seats_taken(program) == 3


def test_only_a_confirmed_registration_books_and_a_cancel_gives_the_seats_back():
    fair = FairFactory(visitor_capacity=1)
    program = ProgramFactory(booth=BoothFactory(fair=fair), capacity=1)
    going = register(fair).registration
    waiting = register(fair).registration
    with pytest.raises(services.NotAllowed, match="확정"):
        services.program_book(registration=waiting, program_id=program.pk, seats=1)
    booking = services.program_book(registration=going, program_id=program.pk, seats=1)
    services.registration_cancel(registration=going)  # the booking goes with it; the head is promoted
    assert ProgramBooking.objects.get(pk=booking.pk).status == "cancelled"
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    services.program_book(registration=waiting, program_id=program.pk, seats=1)


def test_a_program_that_started_is_not_booked():
    registration = RegistrationFactory()
    program = ProgramFactory(booth=BoothFactory(fair=registration.fair))
    with pytest.raises(services.NotOpen, match="이미 시작"):
        services.program_book(
            registration=registration, program_id=program.pk, seats=1, now=program.starts_at
        )


# --- the door ---------------------------------------------------------------------------------------------


def test_a_scan_checks_in_once_and_the_same_nonce_answers_the_same():
    registration = RegistrationFactory()
    fair = registration.fair
    first = services.scan(fair=fair, value=registration.code.lower(), nonce="n1", staff=None, door="정문")
    assert (first.checkin.result, first.repeated) == ("ok", False)
    again = services.scan(fair=fair, value=registration.code, nonce="n1", staff=None)
    assert (again.checkin.pk, again.checkin.result, again.repeated) == (first.checkin.pk, "ok", True)
    second = services.scan(
        fair=fair, value=f"https://majubom.kr{registration.get_absolute_url()}", nonce="n2", staff=None
    )
    assert (second.checkin.result, second.registration.pk) == ("already", registration.pk)
    assert CheckIn.objects.filter(fair=fair).count() == 2
    registration.refresh_from_db()
    assert (registration.checked_in_door, registration.checked_in_at is not None) == ("정문", True)
    with pytest.raises(services.Invalid):
        services.scan(fair=fair, value=registration.code, nonce=" ", staff=None)


def test_a_scan_of_another_fairs_ticket_is_recorded_as_wrong_fair():
    here = FairFactory()
    theirs = RegistrationFactory()  # another fair
    answer = services.scan(fair=here, value=theirs.secret, nonce="x1", staff=None)
    assert answer.checkin.result == CheckIn.Result.WRONG_FAIR
    assert answer.registration.pk == theirs.pk
    row = CheckIn.objects.get(fair=here, nonce="x1")
    assert (row.result, row.registration_id) == ("wrong_fair", None)
    theirs.refresh_from_db()
    assert theirs.checked_in_at is None
    unknown = services.scan(fair=here, value=theirs.code, nonce="x2", staff=None)  # a code is per fair
    assert unknown.checkin.result == CheckIn.Result.UNKNOWN
    assert CheckIn.objects.filter(fair=here).count() == 2


def test_cancelled_and_waiting_tickets_are_not_let_in():
    fair = FairFactory(visitor_capacity=1)
    going, waiting = register(fair).registration, register(fair).registration
    services.registration_cancel(registration=going)  # promotes the waiting one
    third = register(fair).registration  # now waits
    assert services.scan(fair=fair, value=going.code, nonce="c", staff=None).checkin.result == "cancelled"
    assert services.scan(fair=fair, value=third.code, nonce="w", staff=None).checkin.result == "waitlisted"
    assert services.scan(fair=fair, value=waiting.code, nonce="o", staff=None).checkin.result == "ok"


def test_a_checked_in_registration_cannot_be_cancelled():
    registration = checked_in(RegistrationFactory())
    with pytest.raises(services.Invalid, match="입장한"):
        services.registration_cancel(registration=registration)


# --- stamps -----------------------------------------------------------------------------------------------


def test_a_stamp_needs_a_check_in_and_twice_is_one_row():
    registration = RegistrationFactory()
    booth = BoothFactory(fair=registration.fair)
    with pytest.raises(services.NotAllowed, match="입장 확인"):
        services.stamp_add(booth=booth, registration=registration)
    assert not Stamp.objects.exists()
    checked_in(registration)
    first = services.stamp_add(booth=booth, registration=registration, nonce="s1")
    second = services.stamp_add(booth=booth, registration=registration, nonce="s2")
    assert (first.created, second.created, second.stamp.pk) == (True, False, first.stamp.pk)
    assert Stamp.objects.filter(registration=registration).count() == 1


def test_a_stamp_of_another_fair_or_an_unapproved_booth_or_no_ticket_is_refused():
    registration = checked_in(RegistrationFactory())
    with pytest.raises(services.Invalid, match="다른 행사"):
        services.stamp_add(booth=BoothFactory(), registration=registration)
    with pytest.raises(services.NotAllowed, match="승인된 부스"):
        services.stamp_add(
            booth=BoothFactory(fair=registration.fair, status="applied"), registration=registration
        )
    with pytest.raises(services.Invalid, match="모르는 티켓"):
        services.stamp_add(booth=BoothFactory(fair=registration.fair), registration=None)
    assert not Stamp.objects.exists()


def test_the_poster_token_finds_its_booth_and_a_forged_one_nothing():
    booth = BoothFactory()
    token = services.booth_poster_token(booth)
    assert services.booth_from_poster(token).pk == booth.pk
    assert services.booth_from_poster(token[:-2] + "xx") is None


# --- tickets ----------------------------------------------------------------------------------------------


def test_a_tampered_ticket_secret_or_another_fairs_slug_is_a_404(client):
    registration = RegistrationFactory()
    url = registration.get_absolute_url()
    assert client.get(url).status_code == 200
    secret = registration.secret
    tampered = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    slug = registration.fair.slug
    assert client.get(f"/fairs/{slug}/tickets/{tampered}/").status_code == 404
    # the secret is the key: under another fair's address it leads to its own ticket (a renamed fair's
    # links keep working), never to the other fair's
    moved = client.get(f"/fairs/{FairFactory().slug}/tickets/{secret}/")
    assert (moved.status_code, moved.url) == (302, url)
    assert client.post(f"/fairs/{slug}/tickets/{tampered}/cancel/").status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"


# --- the booth call ---------------------------------------------------------------------------------------


def test_booth_apply_only_for_ones_own_provider_once_per_fair():
    fair = FairFactory()
    member = ProviderMemberFactory()
    stranger = ProviderMemberFactory()  # a member of another provider
    with pytest.raises(services.NotAllowed, match="소속된 기업"):
        services.booth_apply(fair=fair, provider=member.provider, by=stranger.user, offering="체험")
    assert not Booth.objects.filter(fair=fair).exists()

    booth = services.booth_apply(fair=fair, provider=member.provider, by=member.user, offering="체성분 측정")
    assert (booth.status, booth.applied_by_id) == ("applied", member.user.pk)
    with pytest.raises(services.Duplicate, match="이미 부스"):
        services.booth_apply(fair=fair, provider=member.provider, by=member.user, offering="또")


def test_booth_apply_outside_the_call_is_refused_for_members():
    fair = FairFactory(
        booth_call_opens=None,
        booth_call_closes=None,
    )
    member = ProviderMemberFactory()
    with pytest.raises(services.NotOpen, match="모집 기간"):
        services.booth_apply(fair=fair, provider=member.provider, by=member.user, offering="체험")
