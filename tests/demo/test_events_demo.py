"""The demo 건강상점 of ``data/fairs.json``: the coming fair (full, with a short line, booths in zones,
programs, a company's application waiting) and the fair of 2020-08-29 (check-ins, failed scans, stamps),
made through the events services; a broken fairs file names the place; a second seed changes nothing."""

import datetime as dt
import json
import shutil
from collections import Counter
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from catalog.vocabulary import NEEDS
from demo.loader import DATA_DIR, DemoDataError, load, load_from
from events import selectors, services
from events.models import Booth, CheckIn, Fair, Program, ProgramBooking, Registration, Stamp
from majubom.models import User

NEXT, PAST = "majubom-5", "majubom-1"
ZONES = {"A 신체건강", "B 마음건강", "C 관계·배움·일"}


def local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value)


# --- the data file ----------------------------------------------------------------------------------------


def test_the_fairs_file_has_the_coming_fair_and_the_first_one():
    fairs = {fair.slug: fair for fair in load().fairs}
    assert set(fairs) == {NEXT, PAST}
    coming, first = fairs[NEXT], fairs[PAST]
    assert coming.title == "제5회 마주봄 건강상점" and coming.status == "published" and coming.weeks_ahead
    assert first.title == "제1회 마주봄 건강상점" and first.date == dt.date(2020, 8, 29)
    assert (coming.start, coming.end) == (first.start, first.end) == ("10:00", "16:00")
    assert len(coming.booths) == 25 and len(first.booths) == 20
    assert sum(len(booth.programs) for booth in coming.booths) == 30
    assert {booth.zone for booth in coming.booths} == ZONES
    assert sorted(booth.number for booth in coming.booths) == list(range(1, 26))
    programs = [program for booth in coming.booths for program in booth.programs]
    assert all(4 <= p.capacity <= 12 and p.price == 0 for p in programs)
    assert sum(p.fill for p in programs) == 2
    need_slugs = {need["slug"] for need in NEEDS}
    assert all(set(b.needs) <= need_slugs and b.offering for b in coming.booths)
    owner1 = next(p.slug for p in load().providers if p.owner == "owner1")
    assert owner1 in {booth.provider for booth in coming.booths}
    assert [(a.company_name, a.company_kind) for a in coming.applications] == [
        ("(주)한밭헬스케어", "general")
    ]


@pytest.fixture
def data_dir(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def edit_fairs(data_dir, change):
    path = data_dir / "fairs.json"
    value = json.loads(path.read_text(encoding="utf-8"))
    change(value)
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


def booth(fairs, index=0, fair=0):
    return fairs[fair]["booths"][index]


BROKEN_FAIRS = [
    (
        lambda f: booth(f).update(provider="nobody"),
        "fairs.json: [0].booths[0].provider: no provider 'nobody'",
    ),
    (lambda f: booth(f).update(provider="kkaekkeut-dungji"), "'kkaekkeut-dungji' waits for approval"),
    (
        lambda f: booth(f, 1).update(provider=booth(f)["provider"]),
        "[0].booths[1].provider: 'hanbat-rehab' has two",
    ),
    (lambda f: booth(f, 1).update(number=1), "[0].booths[1].number: booth number 1 is used twice"),
    (lambda f: booth(f).update(zone="D 기타"), "[0].booths[0].zone: 'D 기타' is not one of the fair's zones"),
    (lambda f: booth(f).update(needs=["flying"]), "[0].booths[0].needs[0]: 'flying' is not one of"),
    (
        lambda f: booth(f)["programs"][0].update(start="09:00"),
        "programs[0].start: 09:00 is outside the fair's",
    ),
    (lambda f: booth(f)["programs"][0].update(start="15:50"), "programs[0].minutes: 15:50 + 30 minutes ends"),
    (lambda f: booth(f)["programs"][0].update(capacity=0), "programs[0].capacity: 0 is below 1"),
    (lambda f: f[0].update(date="2027-03-06"), "[0]: give either date (YYYY-MM-DD) or weeks_ahead"),
    (lambda f: f[1].update(date="29.08.2020"), "[1].date: '29.08.2020' is not a date"),
    (lambda f: f[1].update(status="published"), "[1].status: a fair on a date that has passed is closed"),
    (lambda f: f[0].update(status="draft"), "[0].status: 'draft' is not one of"),
    (lambda f: f[0].pop("venue"), "fairs.json: [0]: missing venue"),
    (lambda f: f[0]["hours"].update(end="09:00"), "[0].hours.end: the fair ends (09:00) before it starts"),
    (lambda f: f[0]["registration"]["opens"].update(days_ago=None), "[0].registration.opens: give either"),
    (lambda f: f[0]["registration"]["opens"].update(days_ago=0, time="23:59"), "[0].registration: a coming"),
    (lambda f: f[1]["registration"]["closes"].update(days_before=40), "[1].registration: opens, then closes"),
    (lambda f: f[0]["visitors"].update(parties=100), "[0].visitors.waitlisted: a waiting list needs a full"),
    (lambda f: f[0]["visitors"].update(residents=["nobody"]), "[0].visitors.residents[0]: no account"),
    (lambda f: f[0]["visitors"].update(email_share=1.5), "[0].visitors.email_share: 1.5 is not a share"),
    (lambda f: f[0]["applications"][0].update(contact_phone="042-123-4567"), "contact_phone: '042-123-4567'"),
    (lambda f: f[0]["applications"][0].update(company_kind="chaebol"), "company_kind: 'chaebol' is not one"),
    (lambda f: f[0].update(day_of=f[1]["day_of"]), "[0]: day_of (walk-ins, scans, stamps) is for a fair"),
    (lambda f: f[1].update(slug=f[0]["slug"]), "fairs.json: [1]: slug 'majubom-5' is used more than once"),
]


@pytest.mark.parametrize(("change", "message"), BROKEN_FAIRS)
def test_a_broken_fairs_file_names_the_place(data_dir, change, message):
    edit_fairs(data_dir, change)
    with pytest.raises(DemoDataError) as caught:
        load_from(data_dir)
    assert message in str(caught.value)


# --- the seeded coming fair -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_coming_fair_is_open_on_a_saturday_a_month_ahead(demo_data):
    fair = Fair.objects.get(slug=NEXT)
    assert fair.status == Fair.Status.PUBLISHED and selectors.next_fair_for_home() == fair
    assert services.fair_current() == fair
    starts, ends = local(fair.starts_at), local(fair.ends_at)
    assert starts.weekday() == 5 and (starts.hour, ends.hour) == (10, 16) and starts.date() == ends.date()
    assert 21 <= (starts.date() - timezone.localdate()).days <= 35
    assert str(starts.tzinfo) == "Asia/Seoul"
    assert services.registration_open(fair)
    assert local(fair.registration_closes) == starts.replace(hour=18) - dt.timedelta(days=1)
    assert fair.registration_opens < timezone.now() - dt.timedelta(days=6)
    assert services.booth_call_open(fair)  # the company's application came in while it was open
    assert fair.venue.startswith("대전시민대학") and fair.address.startswith("대전광역시")
    assert fair.what_to_bring and fair.parking and fair.accessibility and fair.transport
    assert fair.stamp_goal == 5 and fair.prize_message


@pytest.mark.django_db
def test_the_coming_fair_has_25_approved_booths_in_three_zones_and_30_programs(demo_data):
    fair = Fair.objects.get(slug=NEXT)
    booths = selectors.fair_booths(fair)
    assert len(booths) == 25
    assert sorted(b.number for b in booths) == list(range(1, 26))
    assert {b.zone for b in booths} == ZONES
    assert all(b.offering and b.provider.is_published and b.needs.exists() for b in booths)
    assert all(b.decided_by and b.decided_by.email == "staff@majubom.kr" for b in booths)
    owner1 = User.objects.get(email="owner1@majubom.kr")
    mine = [b for b in booths if services.may_run_booth(owner1, b)]
    assert [(b.provider.slug, b.applied_by) for b in mine] == [("hanbat-rehab", owner1)]
    programs = selectors.fair_programs(fair)
    assert len(programs) == 30
    assert all(4 <= p.capacity <= 12 and p.price == 0 and fair.starts_at <= p.starts_at for p in programs)
    assert all(p.ends_at <= fair.ends_at and p.needs.exists() for p in programs)
    full = [p for p in programs if not p.seats_left]
    assert {p.title for p in full} == {"체성분 측정", "손 마사지 체험"} and len(full) == 2
    assert all(p.seats_taken <= p.capacity for p in programs)


@pytest.mark.django_db
def test_the_coming_fair_is_full_with_a_short_line_in_order(demo_data):
    fair = Fair.objects.get(slug=NEXT)
    counts = selectors.fair_counts(fair)
    assert counts.confirmed_people == services.confirmed_people(fair) == fair.visitor_capacity
    assert 190 <= counts.confirmed_people <= 300 and counts.confirmed >= 80
    assert 5 <= counts.waiting_parties <= 8
    line = list(
        fair.registrations.filter(status=Registration.Status.WAITLISTED).order_by("waitlisted_at", "pk")
    )
    assert [services.place_in_line(r) for r in line] == list(range(1, len(line) + 1))
    assert services.head_of_line(fair) == line[0] and services.head_blocked(fair) is None
    confirmed = fair.registrations.filter(status=Registration.Status.CONFIRMED)
    # Everyone in line registered after the last confirmed party: the line is strict.
    assert max(r.confirmed_at for r in confirmed) < line[0].waitlisted_at
    assert fair.registrations.filter(status=Registration.Status.CANCELLED).exists()
    everyone = list(fair.registrations.all())
    assert all(1 <= r.party_size <= 4 for r in everyone)
    phones = [r.phone for r in everyone]
    assert len(set(phones)) == len(phones)
    assert all(len(p) == 13 and p.startswith("010-") and p[3] == p[8] == "-" for p in phones)
    assert all(len(r.name) in (3, 4) and "가" <= r.name[0] <= "힣" for r in everyone)
    with_email = sum(bool(r.email) for r in everyone)
    assert 0.2 * len(everyone) < with_email < 0.8 * len(everyone)
    assert all(fair.registration_opens <= r.created_at <= timezone.now() for r in everyone)
    resident = User.objects.get(email="resident@majubom.kr")
    ticket = fair.registrations.get(user=resident)
    assert ticket.status == Registration.Status.CONFIRMED and ticket.phone == resident.phone
    assert ticket.bookings.filter(status=ProgramBooking.Status.BOOKED).exists()
    assert fair.registrations.filter(user__isnull=False).count() >= 4
    assert not fair.checkins.exists() and not Stamp.objects.filter(booth__fair=fair).exists()


@pytest.mark.django_db
def test_the_coming_fair_has_a_company_application_waiting(demo_data):
    fair = Fair.objects.get(slug=NEXT)
    waiting = Booth.objects.get(fair=fair, status=Booth.Status.APPLIED)
    assert waiting.provider is None and waiting.number is None
    assert (waiting.company_name, waiting.company_kind) == ("(주)한밭헬스케어", "general")
    assert waiting.contact_name and waiting.contact_phone.startswith("010-") and waiting.contact_email
    assert waiting.offering and waiting.created_at < timezone.now()


@pytest.mark.django_db
def test_the_program_bookings_follow_the_rules(demo_data):
    for booking in ProgramBooking.objects.select_related("registration", "program__booth"):
        assert booking.registration.status == Registration.Status.CONFIRMED
        assert booking.program.booth.fair_id == booking.registration.fair_id
        assert booking.seats <= booking.registration.party_size
        assert booking.created_at < booking.program.starts_at
    per_ticket = Counter(ProgramBooking.objects.values_list("registration", flat=True))
    assert max(per_ticket.values()) <= 2


# --- the fair of 2020 -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_first_fair_was_held_on_2020_08_29_with_check_ins_and_stamps(demo_data):
    fair = Fair.objects.get(slug=PAST)
    assert fair.status == Fair.Status.CLOSED
    assert local(fair.starts_at) == dt.datetime(2020, 8, 29, 10, tzinfo=local(fair.starts_at).tzinfo)
    assert local(fair.ends_at).hour == 16
    assert local(fair.followup_sent_at).date() == dt.date(2020, 8, 30)
    assert Booth.objects.filter(fair=fair, status=Booth.Status.APPROVED).count() == 20
    registrations = fair.registrations.exclude(status=Registration.Status.CANCELLED)
    assert 100 <= registrations.count() <= 140
    assert registrations.filter(source=Registration.Source.DOOR).exists()  # walk-ins
    came = registrations.filter(checked_in_at__isnull=False)
    assert came.count() >= 0.8 * registrations.count()
    assert all(fair.starts_at - services.DOOR_OPENS_BEFORE <= r.checked_in_at < fair.ends_at for r in came)
    assert all(r.created_at.year == 2020 for r in fair.registrations.all())
    results = Counter(fair.checkins.values_list("result", flat=True))
    assert results[CheckIn.Result.OK] == came.count()
    assert (
        results[CheckIn.Result.ALREADY]
        and results[CheckIn.Result.UNKNOWN]
        and results[CheckIn.Result.CANCELLED]
    )
    assert all(local(c.created_at).date() == dt.date(2020, 8, 29) for c in fair.checkins.all())
    stamps = Stamp.objects.filter(booth__fair=fair)
    assert stamps.exists() and not stamps.filter(registration__checked_in_at__isnull=True).exists()
    assert all(local(s.created_at).date() == dt.date(2020, 8, 29) for s in stamps)
    per_visitor = Counter(stamps.values_list("registration", flat=True))
    complete = [pk for pk, n in per_visitor.items() if n >= fair.stamp_goal]
    assert 10 <= len(complete) < came.count()
    resident = User.objects.get(email="resident@majubom.kr")
    assert per_visitor[fair.registrations.get(user=resident).pk] >= fair.stamp_goal
    # The follow-up is marked, not sent: no demo mail waits in the outbox for it.
    assert services.followups_send() == 0


@pytest.mark.django_db
def test_the_demo_staff_runs_the_door_desk(demo_data):
    staff = User.objects.get(email="staff@majubom.kr")
    assert staff.user_permissions.filter(content_type__app_label="events", codename="check_in").exists()
    assert staff.has_perm("events.check_in")
    assert not User.objects.get(email="owner1@majubom.kr").has_perm("events.check_in")


@pytest.mark.django_db
def test_seeding_again_changes_nothing(demo_data):
    models = [model for model in apps.get_models() if model._meta.app_label == "events"]

    def rows():
        return {model.__name__: sorted(map(repr, model.objects.values_list())) for model in models} | {
            "perms": sorted(User.objects.get(email="staff@majubom.kr").user_permissions.values_list("pk"))
        }

    before = rows()
    assert len(before["Fair"]) == 2
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert rows() == before
    assert "건강상점 0, 부스 0, 프로그램 0, 방문 등록 0(대기 0)" in out.getvalue()
    assert "건강상점 2, 부스 46, 프로그램 38" in demo_data.output
    assert Program.objects.count() == 38


def fair_shape(slug: str) -> dict:
    fair = Fair.objects.get(slug=slug)
    return {
        "booths": Booth.objects.filter(fair=fair).count(),
        "programs": Program.objects.filter(booth__fair=fair).count(),
        "parties": sorted(fair.registrations.values_list("party_size", "status", "name", "phone")),
        "checkins": Counter(fair.checkins.values_list("result", flat=True)),
        "stamps": Stamp.objects.filter(booth__fair=fair).count(),
        "status": fair.status,
    }


@pytest.mark.django_db(transaction=True)  # the events services commit in durable transactions
def test_a_fair_that_fails_half_way_is_removed_and_made_again_alike(demo_data, monkeypatch):
    import demo.events
    from demo.events import seed_fairs

    users = {account.key: User.objects.get(email=account.email) for account in load().accounts}
    before = fair_shape(PAST)
    Fair.objects.filter(slug=PAST).delete()

    def boom(*args, **kwargs):
        raise RuntimeError("the stamps broke")

    monkeypatch.setattr(demo.events, "_stamps", boom)
    with pytest.raises(RuntimeError):
        seed_fairs(staff=users["staff"], users=users)
    assert not Fair.objects.filter(slug=PAST).exists()  # not left half-made, to be skipped next time
    monkeypatch.undo()
    assert seed_fairs(staff=users["staff"], users=users)["fairs"] == 1
    assert fair_shape(PAST) == before  # the same visitors, scans and stamps: the data is seeded, not random
