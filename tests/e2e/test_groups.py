"""건강반 on a phone: a resident finds a group, joins, sees the place in line, says "이번에는 못 가요"; the
host marks attendance on a phone. axe-core finds nothing serious on the group pages."""

import datetime as dt

import pytest
from django.utils import timezone

from groups import services
from groups.models import Attendance, GroupSession, HealthGroup, Membership
from majubom.models import User

from .conftest import serious_violations
from .test_checkout import log_in

pytestmark = pytest.mark.browser


def test_join_a_full_group_then_a_free_one_and_send_an_absence(page, live_server, demo_data):
    base = live_server.url
    page.goto(base + "/groups/?district=seo")
    assert serious_violations(page) == []
    full = HealthGroup.objects.get(slug="hanbat-chair-exercise")  # 10 seats, a line already
    line_before = full.memberships.filter(status="waitlisted").count()
    page.get_by_role("link", name=full.title).click()
    page.wait_for_url(f"**{full.get_absolute_url()}")
    assert serious_violations(page) == []
    page.get_by_role("button", name="대기 신청하기").click()
    page.wait_for_url("**/accounts/login/**")  # log in, and come back to the group
    page.get_by_label("이메일").fill("owner2@majubom.kr")
    from demo.accounts import DEMO_PASSWORD

    page.get_by_label("비밀번호").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(f"**{full.get_absolute_url()}")
    page.get_by_role("button", name="대기 신청하기").click()
    page.wait_for_url(f"**{full.get_absolute_url()}")
    assert f"대기 {line_before + 1}번째" in page.content()

    walk = HealthGroup.objects.get(slug="gapcheon-morning-walk")  # free, outdoors, seats left
    page.goto(base + walk.get_absolute_url())
    page.get_by_role("button", name="참여하기").click()
    page.wait_for_url(f"**{walk.get_absolute_url()}")
    assert "참여 중이에요" in page.content()
    page.get_by_role("link", name="내 건강반 보기").click()
    page.wait_for_url("**/my/groups/")
    assert serious_violations(page) == []
    page.get_by_role("button", name="이번에는 못 가요").first.click()
    page.wait_for_url("**/my/groups/")
    assert "못 간다고 알렸어요" in page.content()
    owner2 = User.objects.get(email="owner2@majubom.kr")
    assert Membership.objects.get(group=walk, user=owner2).absences.count() == 1


def test_the_host_marks_attendance_on_a_phone(page, live_server, demo_data):
    base = live_server.url
    group = HealthGroup.objects.get(slug="hanbat-chair-exercise")  # owner1's group
    session = GroupSession.objects.create(
        group=group,
        starts_at=timezone.now() - dt.timedelta(minutes=15),
        ends_at=timezone.now() + dt.timedelta(minutes=45),
        place_name=group.place_name,
    )
    member = group.memberships.filter(status="active").select_related("user").order_by("user__name").first()
    log_in(page, base, "owner1@majubom.kr")
    page.wait_for_url(base + "/")
    page.goto(f"{base}/admin/groups/groupsession/{session.pk}/attendance/")
    assert member.user.name in page.content()
    row = page.locator("#attendance-rows li").first
    row.get_by_role("button", name="출석").click()
    page.locator('#attendance-rows button[aria-pressed="true"]').first.wait_for()  # htmx swapped the rows
    mark = Attendance.objects.get(session=session, membership=member)
    assert mark.status == "present" and mark.marked_by.email == "owner1@majubom.kr"
    assert serious_violations(page) == []
    services.sessions_materialise(schedule=group.schedules.first())  # untouched by the marking
