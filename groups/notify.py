"""건강반 notifications, rendered at the moment and sent once per key (``majubom.notifications``)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from majubom.notifications import notify_rendered

from .models import Membership


def _membership(membership_id: int) -> Membership:
    return Membership.objects.select_related("group", "group__provider", "user").get(pk=membership_id)


def _send(
    membership: Membership,
    *,
    event: str,
    subject: str,
    lines: list[str],
    kind: str = "",
    variables: dict | None = None,
    urgent: bool = True,
) -> None:
    """By email, and by 알림톡/문자 when the resident has a mobile number and chose it (``kind`` names the
    short texts in ``majubom.message_texts``)."""
    from .selectors import schedule_in_words

    group, user = membership.group, membership.user
    url = settings.SITE_URL.rstrip("/") + reverse("groups:detail", kwargs={"slug": group.slug})
    text = "\n\n".join([*lines, _("건강반 보기: %(url)s") % {"url": url}, _("마주봄 드림")])
    values = {
        "이름": user.get_short_name(),
        "제목": group.title,
        "일시": schedule_in_words(group.schedules.all()) or "",
        "장소": group.place_name or group.get_delivery_display(),
        "순번": "",
        "링크": url,
        **(variables or {}),
    }
    notify_rendered(
        key=f"group:{membership.group_id}:membership:{membership.pk}:{event}",
        to=user.email,
        subject=f"[마주봄] {subject}",
        text=text,
        phone=user.phone,
        kind=kind,
        variables=values,
        prefers=user.message_channel,
        urgent=urgent,
    )


def joined(*, membership_id: int) -> None:
    from .services import place_in_line

    m = _membership(membership_id)
    name, title = m.user.get_short_name(), m.group.title
    if m.status == Membership.Status.ACTIVE:
        _send(
            m,
            event="joined",
            kind="group_joined",
            subject=_("%(title)s에 참여했어요") % {"title": title},
            lines=[_("%(name)s님, %(title)s에 함께하게 됐어요.") % {"name": name, "title": title}],
        )
    elif m.status == Membership.Status.WAITLISTED:
        place = place_in_line(m)
        _send(
            m,
            event="waitlisted",
            kind="group_waitlisted",
            variables={"순번": str(place)},
            subject=_("%(title)s 대기 %(n)d번째예요") % {"title": title, "n": place},
            lines=[
                _(
                    "%(name)s님, 지금은 자리가 다 찼어요. 대기 %(n)d번째로 적어 두었어요. 자리가 나면 "
                    "순서대로 바로 알려 드려요."
                )
                % {"name": name, "n": place}
            ],
        )
    elif m.status == Membership.Status.PENDING:
        _send(
            m,
            event="requested",
            subject=_("%(title)s 참여 신청을 받았어요") % {"title": title},
            lines=[_("%(name)s님, 운영 기업이 확인한 뒤 알려 드려요.") % {"name": name}],
        )


def host_told(*, membership_id: int) -> None:
    """The host hears of a new member or a request to decide (once per membership)."""
    m = _membership(membership_id)
    provider = m.group.provider
    if not provider.email:
        return
    what = (
        _("참여 신청이 들어왔어요. 관리 화면의 '참여'에서 승인하거나 거절해 주세요.")
        if (m.status == Membership.Status.PENDING)
        else _("새로 %(status)s: %(name)s")
        % {"status": m.get_status_display(), "name": m.user.name or m.user.email}
    )
    notify_rendered(
        key=f"group:{m.group_id}:membership:{m.pk}:host",
        to=provider.email,
        subject=f"[마주봄] {m.group.title} · {m.get_status_display()}",
        text="\n\n".join([what, _("마주봄 드림")]),
    )


def promoted(*, membership_id: int) -> None:
    m = _membership(membership_id)
    _send(
        m,
        event="promoted",
        kind="group_promoted",
        subject=_("%(title)s에 자리가 났어요") % {"title": m.group.title},
        lines=[
            _(
                "%(name)s님, 기다리시던 %(title)s에 자리가 나서 참여하게 됐어요. 못 가시게 되면 건강반 "
                "화면에서 '나가기'를 눌러 자리를 돌려주세요."
            )
            % {"name": m.user.get_short_name(), "title": m.group.title}
        ],
    )


def decided(*, membership_id: int) -> None:
    m = _membership(membership_id)
    title = m.group.title
    if m.status == Membership.Status.REJECTED:
        lines = [_("%(title)s 운영 기업이 이번에는 함께하기 어렵다고 알려 왔어요.") % {"title": title}]
        if m.message:
            lines.append(m.message)
        _send(m, event="rejected", subject=_("%(title)s 참여 신청 결과") % {"title": title}, lines=lines)
    else:
        joined(membership_id=membership_id)


def session_cancelled(*, session_id: int) -> None:
    """Each active or waiting resident is told once (the key names the session and the membership)."""
    from django.utils import timezone

    from .models import GroupSession

    session = GroupSession.objects.select_related("group").get(pk=session_id)
    when = timezone.localtime(session.starts_at).strftime("%m월 %d일 %H:%M")
    for m in session.group.memberships.filter(
        status__in=[Membership.Status.ACTIVE, Membership.Status.WAITLISTED]
    ).select_related("user", "group"):
        _send(
            m,
            event=f"session:{session.pk}:cancelled",
            kind="group_session_cancelled",
            variables={"일시": when, "장소": session.note or ""},
            subject=_("%(title)s %(when)s 모임은 쉬어요") % {"title": session.group.title, "when": when},
            lines=[_("%(when)s 모임이 취소됐어요.") % {"when": when}, session.note],
        )


def session_reminder(*, session_id: int, membership_id: int) -> None:
    """The day before: when and where, from the session as it is now."""
    from django.utils import timezone

    from .models import GroupSession

    session = GroupSession.objects.select_related("group").get(pk=session_id)
    m = _membership(membership_id)
    when = timezone.localtime(session.starts_at).strftime("%m월 %d일 %H:%M")
    place = session.place_name or session.group.place_name
    _send(
        m,
        event=f"session:{session.pk}:reminder",
        kind="group_reminder",
        variables={"일시": when, "장소": place},
        urgent=False,  # a reminder never lands at night: held until 08:00
        subject=_("내일 %(title)s 모임이 있어요") % {"title": session.group.title},
        lines=[
            _("%(when)s · %(place)s") % {"when": when, "place": place},
            _("못 가시게 되면 '내 건강반'에서 '이번에는 못 가요'를 눌러 주세요."),
        ],
    )


def session_moved(*, session_id: int) -> None:
    """A session members had told the host about moved with the rule: each active member is told once
    per new time."""
    from django.utils import timezone

    from .models import GroupSession

    session = GroupSession.objects.select_related("group").get(pk=session_id)
    when = timezone.localtime(session.starts_at).strftime("%m월 %d일 %H:%M")
    for m in session.group.memberships.filter(status=Membership.Status.ACTIVE).select_related(
        "user", "group"
    ):
        _send(
            m,
            event=f"session:{session.pk}:moved:{session.starts_at:%Y%m%d%H%M}",
            subject=_("%(title)s 모임 시간이 바뀌었어요") % {"title": session.group.title},
            lines=[_("이번 주 모임은 %(when)s에 만나요.") % {"when": when}],
        )
