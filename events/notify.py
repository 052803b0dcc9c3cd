"""건강상점 notifications, rendered at the moment and sent once per key (``majubom.notifications``).

A guest who gave only a phone number gets nothing by email; their ticket is the page they landed on (and,
with the messages issue, a text message)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from majubom.notifications import notify_rendered

from .models import Booth, Registration


def _url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _when(fair) -> str:
    start, end = timezone.localtime(fair.starts_at), timezone.localtime(fair.ends_at)
    return f"{date_format(start, 'Y년 n월 j일 (D) H:i')}–{end:%H:%M}"


def _registration(registration_id: int) -> Registration:
    return Registration.objects.select_related("fair", "user").get(pk=registration_id)


def _recipient(registration: Registration) -> str:
    return registration.email or (registration.user.email if registration.user_id else "")


def short_link(registration: Registration) -> str:
    """The ticket by a short address that fits a text message (the secret is the key; no login)."""
    return _url(reverse("events:ticket_short", kwargs={"secret": registration.secret}))


def variables(r: Registration) -> dict[str, str]:
    from .services import place_in_line

    return {
        "이름": r.name,
        "제목": r.fair.title,
        "일시": _when(r.fair),
        "장소": r.fair.venue,
        "코드": r.code,
        "인원": str(r.party_size),
        "순번": str(place_in_line(r) or ""),
        "링크": short_link(r),
    }


def _send(
    registration: Registration, *, event: str, subject: str, lines: list[str], kind: str, urgent: bool = True
) -> bool:
    """By email when one was given, and by 알림톡/문자 to the phone every registration has (a guest who
    gave only a phone number still gets the ticket)."""
    to = _recipient(registration)
    prefers = registration.user.message_channel if registration.user_id else "both"
    text = "\n\n".join([*lines, _("마주봄 협동조합 드림")])
    notify_rendered(
        key=f"fair:{registration.fair_id}:registration:{registration.pk}:{event}",
        to=to,
        subject=f"[마주봄] {subject}",
        text=text,
        phone=registration.phone,
        kind=kind,
        variables=variables(registration),
        prefers=prefers,
        urgent=urgent,
    )
    return True


def _ticket_lines(r: Registration) -> list[str]:
    return [
        _("일시: %(when)s") % {"when": _when(r.fair)},
        _("장소: %(venue)s (%(address)s)") % {"venue": r.fair.venue, "address": r.fair.address},
        _("입장 코드: %(code)s · %(n)d명") % {"code": r.code, "n": r.party_size},
        _("티켓 보기(입구에서 QR을 보여 주세요): %(url)s") % {"url": _url(r.get_absolute_url())},
    ]


def registered(*, registration_id: int) -> None:
    from .services import place_in_line

    r = _registration(registration_id)
    title = r.fair.title
    if r.status == Registration.Status.CONFIRMED:
        _send(
            r,
            event="confirmed",
            kind="fair_ticket",
            subject=_("%(title)s 사전 등록이 됐어요") % {"title": title},
            lines=[
                _("%(name)s님, %(title)s에서 만나요.") % {"name": r.name, "title": title},
                *_ticket_lines(r),
            ],
        )
    elif r.status == Registration.Status.WAITLISTED:
        _send(
            r,
            event="waitlisted",
            kind="fair_waitlisted",
            subject=_("%(title)s 대기 %(n)d번째예요") % {"title": title, "n": place_in_line(r)},
            lines=[
                _(
                    "%(name)s님, 지금은 자리가 다 찼어요. 대기 %(n)d번째로 적어 두었어요. "
                    "자리가 나면 순서대로 알려 드려요."
                )
                % {"name": r.name, "n": place_in_line(r)},
                _("등록 보기: %(url)s") % {"url": _url(r.get_absolute_url())},
            ],
        )


def promoted(*, registration_id: int) -> None:
    r = _registration(registration_id)
    _send(
        r,
        event="promoted",
        kind="fair_promoted",
        subject=_("%(title)s 자리가 났어요 · 등록 확정") % {"title": r.fair.title},
        lines=[
            _("%(name)s님, 기다려 주셔서 고마워요. 자리가 나서 등록이 확정됐어요.") % {"name": r.name},
            *_ticket_lines(r),
            _("못 오시게 되면 티켓 화면에서 취소해 주세요. 다음 분께 자리가 돌아가요."),
        ],
    )


def booth_decided(*, booth_id: int) -> None:
    booth = Booth.objects.select_related("fair", "provider", "applied_by").get(pk=booth_id)
    to = (
        booth.contact_email
        or (booth.applied_by.email if booth.applied_by_id else "")
        or (booth.provider.email if booth.provider_id else "")
    )
    if not to:
        return
    if booth.status == Booth.Status.APPROVED:
        subject = _("%(fair)s 부스 신청이 승인됐어요") % {"fair": booth.fair.title}
        lines = [
            _("%(name)s의 부스는 %(n)d번%(zone)s이에요.")
            % {"name": booth.name, "n": booth.number, "zone": f" ({booth.zone})" if booth.zone else ""},
            _("일시: %(when)s") % {"when": _when(booth.fair)},
            _("관리 화면에서 부스 프로그램을 올리고, 행사 날 스탬프와 예약을 볼 수 있어요: %(url)s")
            % {"url": _url("/admin/events/booth/")},
        ]
    else:
        subject = _("%(fair)s 부스 신청 결과를 알려 드려요") % {"fair": booth.fair.title}
        lines = [_("이번에는 부스를 함께하기 어렵게 됐어요."), booth.decision_message]
    if booth.status == Booth.Status.APPROVED and booth.decision_message:
        lines.append(booth.decision_message)
    notify_rendered(
        key=f"fair:{booth.fair_id}:booth:{booth.pk}:{booth.status}",
        to=to,
        subject=f"[마주봄] {subject}",
        text="\n\n".join([*lines, _("마주봄 협동조합 드림")]),
    )


def followup(*, registration_id: int) -> bool:
    """The morning after: thanks, the booths stamped with a link to each enterprise's services (experience
    products first) and its groups."""
    from .selectors import followup_picks

    r = _registration(registration_id)
    lines = [_("%(name)s님, 어제 %(title)s에 와 주셔서 고마워요.") % {"name": r.name, "title": r.fair.title}]
    picks = followup_picks(r)
    if picks:
        lines.append(_("들르신 부스의 서비스를 마주봄에서 이어서 만나 보세요."))
    for pick in picks:
        block = [f"■ {pick.provider.name}: {_url(pick.provider.get_absolute_url())}"]
        block += [f"  · {s.title} — {_url(s.get_absolute_url())}" for s in pick.services]
        block += [f"  · {_('건강반')} {g.title} — {_url(g.get_absolute_url())}" for g in pick.groups]
        lines.append("\n".join(block))
    lines.append(_("다른 건강 서비스 보기: %(url)s") % {"url": _url(reverse("catalog:service_list"))})
    # Sent because the visitor asked for it at registration (agree_followup); in the day only.
    return _send(
        r,
        event="followup",
        kind="fair_followup",
        urgent=False,
        subject=_("%(title)s에 와 주셔서 고마워요") % {"title": r.fair.title},
        lines=lines,
    )
