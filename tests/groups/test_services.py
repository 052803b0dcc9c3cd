"""건강반 memberships: seats, the fair waiting list, the host's decisions, capacity — each rule tried."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from groups import services
from groups.models import GroupSession, HealthGroup, Membership
from tests.factories import GroupSessionFactory, HealthGroupFactory, ProviderMemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def join(group, user=None):
    return services.membership_join(group=group, user=user or UserFactory())


def statuses(group) -> list[str]:
    return list(group.memberships.order_by("pk").values_list("status", flat=True))


def test_seats_then_a_line_in_order(django_capture_on_commit_callbacks):
    group = HealthGroupFactory(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        first, second, third, fourth = (join(group) for _ in range(4))
    assert [r.membership.status for r in (first, second)] == ["active", "active"]
    assert (third.membership.status, third.place_in_line) == ("waitlisted", 1)
    assert (fourth.membership.status, fourth.place_in_line) == ("waitlisted", 2)
    subjects = [m.subject for m in mail.outbox]
    assert any("대기 1번째" in s for s in subjects) and any("참여했어요" in s for s in subjects)


def test_a_freed_seat_goes_to_the_head_of_the_line_not_to_a_newcomer(django_capture_on_commit_callbacks):
    group = HealthGroupFactory(capacity=1)
    member, waiting = UserFactory(), UserFactory()
    join(group, member)
    join(group, waiting)
    with django_capture_on_commit_callbacks(execute=True):
        services.membership_leave(group=group, user=member)
    assert Membership.objects.get(group=group, user=waiting).status == "active"
    newcomer = join(group)
    assert (newcomer.membership.status, newcomer.place_in_line) == ("waitlisted", 1)
    assert any("자리가 났어요" in m.subject for m in mail.outbox)


def test_joining_twice_and_leaving_a_group_one_is_not_in_are_refused():
    group = HealthGroupFactory()
    user = UserFactory()
    join(group, user)
    with pytest.raises(services.InvalidTransition, match="이미 참여"):
        join(group, user)
    with pytest.raises(services.InvalidTransition, match="참여하지 않은"):
        services.membership_leave(group=HealthGroupFactory(), user=user)
    assert group.memberships.count() == 1


def test_a_removed_member_cannot_rejoin_and_the_seat_goes_to_the_line():
    group = HealthGroupFactory(capacity=1)
    host = ProviderMemberFactory(provider=group.provider, user=UserFactory(is_staff=True)).user
    member, waiting = UserFactory(), UserFactory()
    removed = join(group, member).membership
    join(group, waiting)
    services.membership_remove(membership=removed, by=host, message="약속을 지켜 주세요")
    assert Membership.objects.get(group=group, user=waiting).status == "active"
    with pytest.raises(services.NotAllowed, match="운영 기업을 통해서만"):
        join(group, member)


def test_another_enterprise_cannot_decide_for_a_group():
    group = HealthGroupFactory(join_policy="approval")
    stranger = ProviderMemberFactory(user=UserFactory(is_staff=True)).user
    request = join(group).membership
    with pytest.raises(services.NotAllowed):
        services.membership_approve(membership=request, by=stranger)
    assert Membership.objects.get(pk=request.pk).status == "pending"


def test_approval_requests_are_not_seats_and_the_host_decides():
    group = HealthGroupFactory(capacity=1, join_policy="approval")
    host = ProviderMemberFactory(provider=group.provider, user=UserFactory(is_staff=True)).user
    one, two, three = (join(group).membership for _ in range(3))
    assert statuses(group) == ["pending", "pending", "pending"]
    assert services.membership_approve(membership=one, by=host).status == "active"
    assert services.membership_approve(membership=two, by=host).status == "waitlisted"
    rejected = services.membership_reject(membership=three, by=host, message="다음 기수에 만나요")
    assert rejected.status == "rejected" and rejected.decided_by == host
    with pytest.raises(services.InvalidTransition):
        services.membership_approve(membership=three, by=host)


def test_lowering_capacity_removes_nobody_and_raising_it_promotes_in_order():
    group = HealthGroupFactory(capacity=3)
    host = ProviderMemberFactory(provider=group.provider, user=UserFactory(is_staff=True)).user
    for _ in range(5):
        join(group)
    group, promoted = services.group_set_capacity(group=group, capacity=1, by=host)
    assert statuses(group).count("active") == 3 and promoted == []
    assert services.active_over_capacity(group) == 2
    services.membership_leave(group=group, user=group.memberships.filter(status="active").first().user)
    assert statuses(group).count("active") == 2  # still over: nobody promoted
    group, promoted = services.group_set_capacity(group=group, capacity=4, by=host)
    assert len(promoted) == 2 and statuses(group).count("active") == 4


@pytest.mark.parametrize("capacity", [0, -1, 1001])
def test_a_capacity_out_of_range_is_refused(capacity):
    group = HealthGroupFactory(capacity=5)
    host = ProviderMemberFactory(provider=group.provider, user=UserFactory(is_staff=True)).user
    with pytest.raises(services.MajubomError, match="정원은"):
        services.group_set_capacity(group=group, capacity=capacity, by=host)
    group.refresh_from_db()
    assert group.capacity == 5


def test_no_promotion_into_a_closed_group_or_after_the_last_session_started():
    group = HealthGroupFactory(capacity=1)
    member, waiting = UserFactory(), UserFactory()
    join(group, member)
    join(group, waiting)
    HealthGroup.objects.filter(pk=group.pk).update(status="closed")
    services.membership_leave(group=group, user=member)
    assert Membership.objects.get(group=group, user=waiting).status == "waitlisted"

    late = HealthGroupFactory(capacity=1)
    a, b = UserFactory(), UserFactory()
    join(late, a)
    join(late, b)
    GroupSessionFactory(group=late, starts_at=timezone.now() - dt.timedelta(minutes=5))
    services.membership_leave(group=late, user=a)
    assert Membership.objects.get(group=late, user=b).status == "waitlisted"
    with pytest.raises(services.NotOpen):
        join(late)


def test_joining_a_group_that_is_not_recruiting_is_refused():
    for status in ("draft", "pending_review", "closed", "archived"):
        with pytest.raises(services.NotOpen):
            join(HealthGroupFactory(status=status))


def test_an_absence_notice_only_for_a_future_session_of_my_own_group():
    group = HealthGroupFactory()
    user = UserFactory()
    join(group, user)
    session = GroupSessionFactory(group=group)
    notice = services.absence_notify(session=session, user=user)
    assert services.absence_notify(session=session, user=user).pk == notice.pk  # twice: one notice
    with pytest.raises(services.NotAllowed):
        services.absence_notify(session=GroupSessionFactory(), user=user)  # another group's
    past = GroupSessionFactory(group=group, starts_at=timezone.now() - dt.timedelta(days=1))
    with pytest.raises(services.InvalidTransition):
        services.absence_notify(session=past, user=user)
    cancelled = GroupSessionFactory(group=group, status=GroupSession.Status.CANCELLED)
    with pytest.raises(services.InvalidTransition):
        services.absence_notify(session=cancelled, user=user)
    services.absence_withdraw(session=session, user=user)
    assert not session.absences.exists()
