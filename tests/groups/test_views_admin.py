"""건강반 pages (query budgets, the button a resident sees) and the admin (only one's own groups)."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from groups import services
from groups.models import Attendance, GroupSchedule, GroupSession, Membership
from tests.factories import (
    GroupSessionFactory,
    HealthGroupFactory,
    ProviderFactory,
    ProviderMemberFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_groups():
    groups = []
    for i in range(30):
        group = HealthGroupFactory(
            capacity=5, district=["seo", "dong", "jung"][i % 3], fee=0 if i % 2 else 3000
        )
        GroupSchedule.objects.create(
            group=group,
            weekdays=[1, 3],
            start_time=dt.time(10),
            duration_minutes=60,
            first_date=timezone.localdate(),
            skip_holidays=False,
        )
        GroupSessionFactory(group=group)
        for _ in range(i % 7):
            services.membership_join(group=group, user=UserFactory())
        groups.append(group)
    return groups


def test_the_group_list_query_budget_and_what_a_card_says(client, many_groups, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get("/groups/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "매주 화·목 오전 10시" in html and "자리 남음" in html and "대기 1명" in html
    with django_assert_max_num_queries(8):
        assert client.get("/groups/?district=seo&free=1&weekday=1&time=morning&seats=1").status_code == 200


def test_filters_narrow_the_list(client, many_groups):
    free = client.get("/groups/?free=1").content.decode()
    assert "무료" in free and "3,000원" not in free
    nothing = client.get("/groups/?weekday=6").content.decode()
    assert "조건에 맞는 건강반이 아직 없어요" in nothing


def test_the_group_page_query_budget_and_its_one_button(client, many_groups, django_assert_max_num_queries):
    group = many_groups[3]
    resident = UserFactory()
    client.force_login(resident)
    with django_assert_max_num_queries(10):
        html = client.get(group.get_absolute_url()).content.decode()
    assert "참여하기" in html and "카카오맵" in html and "매주 화·목 오전 10시" in html
    full = many_groups[6]  # 6 joined a group of 5: one waits
    assert "대기 신청하기" in client.get(full.get_absolute_url()).content.decode()
    response = client.post(f"{full.get_absolute_url()}join/", follow=True)
    assert "대기 2번째" in response.content.decode()
    assert "대기 2번째" in client.get("/my/groups/").content.decode()


def test_a_warm_group_page_costs_no_group_queries_and_a_join_shows_at_once(
    client, many_groups, django_assert_max_num_queries
):
    group = many_groups[2]  # capacity 5, 2 joined
    assert "3자리 남음" in client.get(group.get_absolute_url()).content.decode()
    with django_assert_max_num_queries(0):  # a visitor: the shared page and the card from the cache
        assert client.get(group.get_absolute_url()).status_code == 200
    client.force_login(UserFactory())
    response = client.post(f"{group.get_absolute_url()}join/", follow=True)
    html = response.content.decode()
    assert "참여 중이에요" in html and "2자리 남음" in html
    # another visitor sees the seat taken too, and the button the card would show at once
    assert "2자리 남음" in Client().get(group.get_absolute_url()).content.decode()


def test_joining_needs_a_login_and_comes_back_to_the_group(client, many_groups):
    group = many_groups[0]
    response = client.post(f"{group.get_absolute_url()}join/")
    assert response.status_code == 302 and f"next={group.get_absolute_url()}" in response.url.replace(
        "%2F", "/"
    )


def test_my_groups_query_budget_and_the_absence_toggle(client, many_groups, django_assert_max_num_queries):
    resident = UserFactory()
    for group in many_groups[:8]:
        services.membership_join(group=group, user=resident)
    client.force_login(resident)
    with django_assert_max_num_queries(10):
        html = client.get("/my/groups/").content.decode()
    assert "이번에는 못 가요" in html
    session = GroupSession.objects.filter(group=many_groups[0]).first()
    client.post(f"/my/groups/sessions/{session.pk}/absence/")
    assert "다시 갈게요" in client.get("/my/groups/").content.decode()
    other = GroupSessionFactory()  # a session of a group I am not in
    response = client.post(f"/my/groups/sessions/{other.pk}/absence/", follow=True)
    assert "내가 참여 중인 건강반의 모임이 아니에요" in response.content.decode()
    assert client.post("/my/groups/sessions/999999/absence/").status_code == 404


# --- the admin: isolation and attendance -------------------------------------------------------------------


@pytest.fixture
def two_hosts():
    a, b = ProviderFactory(slug="garam"), ProviderFactory(slug="nuri")
    host_a = ProviderMemberFactory(provider=a, user=UserFactory(is_staff=True)).user
    group_a = HealthGroupFactory(provider=a, title="가람 의자 요가")
    group_b = HealthGroupFactory(provider=b, title="은하 마음 모임")
    member_b = services.membership_join(group=group_b, user=UserFactory(name="박비밀", phone="010-9999-0000"))
    session_b = GroupSessionFactory(group=group_b, starts_at=timezone.now() - dt.timedelta(hours=1))
    return {
        "host_a": host_a,
        "group_a": group_a,
        "group_b": group_b,
        "session_b": session_b,
        "member_b": member_b.membership,
    }


@pytest.mark.parametrize(
    "url",
    [
        "/admin/groups/healthgroup/{group_b}/change/",
        "/admin/groups/healthgroup/{group_b}/history/",
        "/admin/groups/healthgroup/{group_b}/delete/",
        "/admin/groups/membership/{member_b}/change/",
        "/admin/groups/groupsession/{session_b}/change/",
        "/admin/groups/groupsession/{session_b}/attendance/",
    ],
)
def test_another_enterprises_group_pages_are_404(client, two_hosts, url):
    client.force_login(two_hosts["host_a"])
    ids = {k: two_hosts[k].pk for k in ("group_b", "member_b", "session_b")}
    assert client.get(url.format(**ids)).status_code == 404
    assert (
        client.post(url.format(**ids), {"status": "present", "membership": ids["member_b"]}).status_code
        == 404
    )
    assert not Attendance.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/groups/healthgroup/",
        "/admin/groups/membership/",
        "/admin/groups/groupsession/",
        "/admin/groups/membership/?q=박",
    ],
)
def test_lists_show_only_ones_own_groups(client, two_hosts, url):
    client.force_login(two_hosts["host_a"])
    html = client.get(url).content.decode()
    assert "은하 마음 모임" not in html and "박비밀" not in html and "010-9999-0000" not in html


def test_forged_actions_on_another_enterprises_rows_do_nothing(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    client.post(
        "/admin/groups/membership/", {"action": "remove", "_selected_action": [two_hosts["member_b"].pk]}
    )
    client.post(
        "/admin/groups/groupsession/", {"action": "cancel", "_selected_action": [two_hosts["session_b"].pk]}
    )
    assert Membership.objects.get(pk=two_hosts["member_b"].pk).status == "active"
    assert GroupSession.objects.get(pk=two_hosts["session_b"].pk).status == "scheduled"


def test_the_host_marks_attendance_in_the_window_and_who_marked_is_kept(client):
    group = HealthGroupFactory()
    host = ProviderMemberFactory(provider=group.provider, user=UserFactory(is_staff=True, name="이나눔")).user
    member = services.membership_join(group=group, user=UserFactory(name="최주민")).membership
    started = GroupSessionFactory(group=group, starts_at=timezone.now() - dt.timedelta(minutes=10))
    client.force_login(host)
    url = f"/admin/groups/groupsession/{started.pk}/attendance/"
    assert "최주민" in client.get(url).content.decode()
    client.post(url, {"membership": member.pk, "status": "present"})
    mark = Attendance.objects.get()
    assert (mark.status, mark.marked_by) == ("present", host)
    fragment = client.post(url, {"membership": member.pk, "status": "late"}, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200 and "지각" in fragment.content.decode()
    assert Attendance.objects.get().status == "late"
    future = GroupSessionFactory(group=group, starts_at=timezone.now() + dt.timedelta(days=1))
    response = client.post(
        f"/admin/groups/groupsession/{future.pk}/attendance/",
        {"membership": member.pk, "status": "present"},
        follow=True,
    )
    assert "7일 안에" in response.content.decode()
    assert not Attendance.objects.filter(session=future).exists()
    stranger = services.membership_join(group=HealthGroupFactory(), user=UserFactory()).membership
    client.post(url, {"membership": stranger.pk, "status": "absent"})
    assert not Attendance.objects.filter(membership=stranger).exists()


def test_only_the_cooperative_opens_recruiting(client):
    group = HealthGroupFactory(status="draft")
    host = ProviderMemberFactory(provider=group.provider, user=UserFactory(is_staff=True)).user
    with pytest.raises(services.NotAllowed):
        services.group_publish(group=group, by=host)
    services.group_submit_for_review(group=group, by=host)
    staff = UserFactory(is_staff=True, is_superuser=True)
    assert services.group_publish(group=group, by=staff).status == "recruiting"


def test_the_private_calendar_feed_lists_my_sessions_and_can_be_renewed(client):
    group = HealthGroupFactory(title="갑천 아침 걷기")
    resident = UserFactory()
    services.membership_join(group=group, user=resident, tell=False)
    session = GroupSessionFactory(group=group)
    client.force_login(resident)
    html = client.get("/my/groups/").content.decode()
    token = services.calendar_feed_for(user=resident).token
    assert f"/calendar/groups/{token}.ics" in html and "webcal://" in html
    feed = Client().get(f"/calendar/groups/{token}.ics")  # a phone's calendar, not logged in
    body = feed.content.decode()
    assert feed["Content-Type"].startswith("text/calendar")
    assert f"UID:groupsession-{session.pk}@majubom.kr" in body and "갑천 아침 걷기" in body
    client.post("/my/groups/calendar/new/")
    assert Client().get(f"/calendar/groups/{token}.ics").status_code == 404  # the old address stops
    assert Client().get("/calendar/groups/made-up.ics").status_code == 404


def test_a_forged_provider_on_the_add_form_never_creates_a_group_for_another_enterprise(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    other = two_hosts["group_b"].provider
    data = {
        "provider": other.pk,
        "title": "가짜 모임",
        "slug": "fake-group",
        "summary": "x",
        "domain": "physical",
        "district": "seo",
        "delivery": "venue",
        "capacity": "5",
        "fee": "0",
        "fee_unit": "session",
        "join_policy": "open",
        "audience": "anyone",
        "schedules-TOTAL_FORMS": "0",
        "schedules-INITIAL_FORMS": "0",
    }
    response = client.post("/admin/groups/healthgroup/add/", data)
    assert response.status_code == 200  # the form again: that enterprise is not a choice
    from groups.models import HealthGroup

    assert not HealthGroup.objects.filter(slug="fake-group").exists()


def test_the_members_csv_of_another_enterprises_group_is_empty(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    response = client.post(
        "/admin/groups/healthgroup/", {"action": "members_csv", "_selected_action": [two_hosts["group_b"].pk]}
    )
    assert "박비밀" not in response.content.decode("utf-8", "replace")


def test_the_needs_autocomplete_offers_no_other_enterprises_groups(client, two_hosts):
    client.force_login(two_hosts["host_a"])
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "groups", "model_name": "healthgroup", "field_name": "needs", "term": ""},
    )
    assert response.status_code in (200, 403)
    assert "은하 마음 모임" not in response.content.decode()
