"""The short texts of each notification kind, for KakaoTalk 알림톡 and SMS/LMS.

An 알림톡 must match, word for word, a template registered with Kakao through the gateway's console: the
texts below are those templates (``#{변수}`` are the variables), kept here so that what is registered and
what is sent never drift apart. Register each one under the kind's name, then give its template id in the
environment (``SOLAPI_TEMPLATES="fair_ticket=KA01TP…,group_promoted=KA01TP…"``); a kind without an id goes
as SMS/LMS. The SMS texts are as short as a link allows (90 bytes is one SMS; longer is an LMS).

Links go to pages that work for the person without logging in where they may be a guest (a fair ticket by
its secret).
"""

from __future__ import annotations

import re

from django.conf import settings

# kind → (알림톡 template text, SMS text). Variables: 이름, 제목, 일시, 장소, 코드, 인원, 순번, 금액, 기한, 링크.
TEXTS: dict[str, tuple[str, str]] = {
    "fair_ticket": (
        "[마주봄] #{이름}님, #{제목} 사전 등록이 됐어요.\n\n■ 일시: #{일시}\n■ 장소: #{장소}\n■ 입장 코드: #{코드} (#{인원}명)"
        "\n\n입구에서 티켓의 QR을 보여 주세요.\n티켓 보기: #{링크}",
        "[마주봄] 건강상점 등록됐어요 코드 #{코드} #{링크}",
    ),
    "fair_waitlisted": (
        "[마주봄] #{이름}님, #{제목}은 지금 자리가 다 찼어요. 대기 #{순번}번째로 적어 두었어요.\n\n"
        "자리가 나면 순서대로 알려 드려요.\n등록 보기: #{링크}",
        "[마주봄] 건강상점 대기 #{순번}번째예요 #{링크}",
    ),
    "fair_promoted": (
        "[마주봄] #{이름}님, 기다려 주셔서 고마워요. #{제목} 자리가 나서 등록이 확정됐어요.\n\n"
        "■ 일시: #{일시}\n■ 입장 코드: #{코드}\n\n못 오시게 되면 티켓에서 취소해 주세요.\n티켓 보기: #{링크}",
        "[마주봄] 건강상점 자리가 났어요 코드 #{코드} #{링크}",
    ),
    "fair_followup": (
        "[마주봄] #{이름}님, #{제목}에 와 주셔서 고마워요.\n\n들르신 부스의 서비스를 마주봄에서 이어서 만나 보세요.\n#{링크}",
        "[마주봄] 건강상점에 와 주셔서 고마워요 #{링크}",
    ),
    "group_joined": (
        "[마주봄] #{이름}님, #{제목}에 함께하게 됐어요.\n\n■ 일정: #{일시}\n■ 장소: #{장소}\n\n건강반 보기: #{링크}",
        "[마주봄] #{제목} 참여됐어요 #{링크}",
    ),
    "group_waitlisted": (
        "[마주봄] #{이름}님, #{제목}은 지금 자리가 다 찼어요. 대기 #{순번}번째로 적어 두었어요.\n\n"
        "자리가 나면 순서대로 바로 알려 드려요.\n건강반 보기: #{링크}",
        "[마주봄] 건강반 대기 #{순번}번째예요 #{링크}",
    ),
    "group_promoted": (
        "[마주봄] #{이름}님, #{제목}에 자리가 나서 참여가 확정됐어요.\n\n"
        "못 가시게 되면 건강반 화면에서 자리를 돌려주세요.\n#{링크}",
        "[마주봄] 건강반 자리가 났어요 #{링크}",
    ),
    "group_session_cancelled": (
        "[마주봄] #{제목} #{일시} 모임은 쉬어요.\n\n#{장소}\n건강반 보기: #{링크}",
        "[마주봄] #{일시} 건강반 모임은 쉬어요 #{링크}",
    ),
    "group_reminder": (
        "[마주봄] #{이름}님, 내일 #{제목} 모임이 있어요.\n\n■ 일시: #{일시}\n■ 장소: #{장소}\n\n"
        "못 가시면 '이번에는 못 가요'를 눌러 주세요.\n#{링크}",
        "[마주봄] 내일 #{일시} 건강반 모임 #{링크}",
    ),
    "order_placed": (
        "[마주봄] #{이름}님, 주문이 접수됐어요.\n\n■ 주문: #{제목}\n■ 금액: #{금액}\n■ 입금 기한: #{기한}\n\n"
        "주문 보기: #{링크}",
        "[마주봄] 주문 접수 #{금액} 입금기한 #{기한} #{링크}",
    ),
    "payment_confirmed": (
        "[마주봄] #{이름}님, #{금액} 입금을 확인했어요. 예약이 확정됐어요.\n\n주문 보기: #{링크}",
        "[마주봄] 입금 확인, 예약 확정됐어요 #{링크}",
    ),
    "payment_deadline": (
        "[마주봄] #{이름}님, 주문 #{제목}의 입금 기한이 #{기한}까지예요.\n\n기한이 지나면 주문이 취소돼요.\n#{링크}",
        "[마주봄] 입금 기한 #{기한}까지예요 #{링크}",
    ),
    "booking_reminder": (
        "[마주봄] #{이름}님, 내일 #{제목} 예약이 있어요.\n\n■ 일시: #{일시}\n■ 장소: #{장소}\n\n#{링크}",
        "[마주봄] 내일 #{일시} 예약이 있어요 #{링크}",
    ),
    "order_cancelled": (
        "[마주봄] #{이름}님, 주문 #{제목}이 취소됐어요.\n\n주문 보기: #{링크}",
        "[마주봄] 주문이 취소됐어요 #{링크}",
    ),
}

_VARIABLE = re.compile(r"#\{([^}]+)\}")
_MOBILE = re.compile(r"^01[016789]\d{7,8}$")


def knows(kind: str) -> bool:
    return kind in TEXTS


def mobile(value: str) -> str:
    """A Korean mobile number as 010-1234-5678, or "" for anything else."""
    digits = re.sub(r"\D", "", value or "")
    if digits.startswith("82"):
        digits = "0" + digits[2:]
    if not _MOBILE.match(digits):
        return ""
    return f"{digits[:3]}-{digits[3:-4]}-{digits[-4:]}"


def mask(number: str) -> str:
    """010-1234-5678 → 010-****-5678."""
    return re.sub(r"^(\d{3})-(\d{3,4})-(\d{4})$", lambda m: f"{m[1]}-{'*' * len(m[2])}-{m[3]}", number)


def template_ids() -> dict[str, str]:
    ids = {}
    for pair in (settings.SOLAPI_TEMPLATES or "").split(","):
        kind, _, template_id = pair.partition("=")
        if kind.strip() and template_id.strip():
            ids[kind.strip()] = template_id.strip()
    return ids


def alimtalk_template_id(kind: str) -> str:
    """The registered template's id for ``kind``; in development without a gateway, a stand-in id."""
    if not knows(kind):
        return ""
    found = template_ids().get(kind, "")
    if found and settings.SOLAPI_PF_ID:
        return found
    if settings.DEBUG and settings.MESSAGES_TO_CONSOLE and not settings.SOLAPI_API_KEY:
        return f"console-{kind}"
    return ""


class MissingVariable(KeyError):
    pass


def _fill(template: str, variables: dict[str, str]) -> str:
    def one(match: re.Match) -> str:
        name = match.group(1)
        if name not in variables:
            raise MissingVariable(name)
        return variables[name]

    return _VARIABLE.sub(one, template)


def alimtalk_text(kind: str, variables: dict[str, str]) -> str:
    """The template with its variables: exactly what Kakao checks against the registered template."""
    return _fill(TEXTS[kind][0], variables)


def alimtalk_variables(variables: dict[str, str]) -> dict[str, str]:
    return {f"#{{{name}}}": value for name, value in variables.items()}


def sms_text(kind: str, variables: dict[str, str]) -> str:
    """The SMS version (one SMS when it fits 90 bytes; the gateway sends it as an LMS otherwise)."""
    return _fill(TEXTS[kind][1], variables)


def variables_needed(kind: str) -> set[str]:
    return set(_VARIABLE.findall(TEXTS[kind][0])) | set(_VARIABLE.findall(TEXTS[kind][1]))
