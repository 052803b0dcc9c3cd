"""Text-message gateways behind one small interface: KakaoTalk 알림톡 and SMS/LMS.

``SolapiGateway`` speaks to SOLAPI (CoolSMS accounts work) through its maintained SDK, ``solapi``; another
gateway (NHN Cloud, Aligo) is one more class with the same three methods. Without credentials the phone
channels are off (``gateway()`` is None) and messages go by email — or, in development, to the console
(``ConsoleGateway``), so that a developer sees what a resident would get.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from dataclasses import dataclass

from django.conf import settings

logger = logging.getLogger(__name__)


class GatewayUnavailable(Exception):
    """A timeout, a refused connection or a 5xx: the message may be retried (nothing was accepted)."""


@dataclass(frozen=True)
class SendResult:
    accepted: bool  # the gateway took it (delivery is reported later)
    message_id: str = ""
    status: str = ""  # the gateway's own code, e.g. "2000" accepted, "3xxx" rejected
    error: str = ""


@dataclass(frozen=True)
class Report:
    """A delivery report: ``delivered`` True, False (failed) or None (still on its way)."""

    message_id: str
    delivered: bool | None
    status: str


def sms_bytes(text: str) -> int:
    """Length as Korean phones count it: EUC-KR bytes (Hangul 2, ASCII 1)."""
    return len(text.encode("euc-kr", errors="replace"))


SMS_LIMIT = 90  # bytes; longer is an LMS (up to 2,000 bytes)
LMS_LIMIT = 2000


class SolapiGateway:
    name = "solapi"

    def __init__(self, *, api_key: str, api_secret: str, sender: str, pf_id: str, base_url: str):
        from solapi import SolapiMessageService

        self.service = SolapiMessageService(api_key, api_secret)
        self.service.base_url = base_url.rstrip("/")
        self.sender = sender
        self.pf_id = pf_id

    def _send(self, message) -> SendResult:
        from solapi.error.MessageNotReceiveError import MessageNotReceivedError
        from solapi.model import SendRequestConfig

        try:
            # The message list in the answer carries each message's id, which the delivery reports name.
            response = self.service.send(message, SendRequestConfig(show_message_list=True))
        except MessageNotReceivedError as error:  # refused at registration (template, number …)
            failed = error.failed_messages[0] if getattr(error, "failed_messages", None) else None
            return SendResult(
                False,
                status=getattr(failed, "status_code", "") or "rejected",
                error=str(getattr(failed, "status_message", "") or error)[:300],
            )
        except Exception as error:  # the SDK raises plain Exceptions for HTTP errors
            text = " ".join(str(a) for a in error.args)[:300]
            if _is_transient(error):
                raise GatewayUnavailable(text or type(error).__name__) from error
            if type(error) is Exception and len(error.args) == 2:  # the SDK's 4xx: (errorCode, errorMessage)
                return SendResult(False, status=str(error.args[0])[:100], error=text)
            # Anything else (an answer the SDK could not read): the gateway may have taken the message, so
            # it is neither retried nor replaced by an SMS; the log keeps the line.
            logger.error("gateway answer not understood, the message may have gone: %s", error)
            return SendResult(True, status="unknown", error=f"{type(error).__name__}: {text}"[:300])
        item = (response.message_list or [None])[0]
        failed = (response.failed_message_list or [None])[0]
        if failed is not None:
            return SendResult(
                False, message_id=failed.message_id, status=failed.status_code, error=failed.status_message
            )
        return SendResult(
            True,
            message_id=item.message_id if item else response.group_info.group_id,
            status=item.status_code if item else response.group_info.status,
        )

    def send_alimtalk(self, *, to: str, template_id: str, variables: dict, text: str) -> SendResult:
        from solapi.model import KakaoOption, RequestMessage
        from solapi.model.message_type import MessageType

        message = RequestMessage(
            from_=self.sender,
            to=to,
            text=text,
            type=MessageType.ATA,
            # Our own fallback decides on SMS (only after a known failure): no automatic substitute here.
            kakao_options=KakaoOption(
                pf_id=self.pf_id, template_id=template_id, variables=variables, disable_sms=True
            ),
        )
        return self._send(message)

    def send_sms(self, *, to: str, text: str, subject: str = "") -> SendResult:
        from solapi.model import RequestMessage
        from solapi.model.message_type import MessageType

        long = sms_bytes(text) > SMS_LIMIT
        message = RequestMessage(
            from_=self.sender,
            to=to,
            text=text,
            type=MessageType.LMS if long else MessageType.SMS,
            subject=(subject[:20] or None) if long else None,
            auto_type_detect=False,
        )
        return self._send(message)


def _is_transient(error: Exception) -> bool:
    import httpx

    if isinstance(error, httpx.TransportError | TimeoutError | ConnectionError):
        return True
    cause = error.__cause__ or error.__context__
    if isinstance(cause, httpx.TransportError):
        return True
    return bool(error.args) and error.args[0] == "UnknownError"  # the SDK's word for a 5xx


class ConsoleGateway:
    """Development: the message is printed where the developer runs the server, and counts as sent."""

    name = "console"

    def send_alimtalk(self, *, to: str, template_id: str, variables: dict, text: str) -> SendResult:
        logger.warning("[알림톡 → %s] %s", to, text)
        return SendResult(True, message_id=f"console-{time.time_ns()}", status="console")

    def send_sms(self, *, to: str, text: str, subject: str = "") -> SendResult:
        logger.warning("[문자 → %s] %s", to, text)
        return SendResult(True, message_id=f"console-{time.time_ns()}", status="console")


def gateway():
    """The configured gateway, the console in development, or None (phone channels off)."""
    if settings.SOLAPI_API_KEY and settings.SOLAPI_API_SECRET and settings.SOLAPI_SENDER:
        return SolapiGateway(
            api_key=settings.SOLAPI_API_KEY,
            api_secret=settings.SOLAPI_API_SECRET,
            sender=settings.SOLAPI_SENDER,
            pf_id=settings.SOLAPI_PF_ID,
            base_url=settings.SOLAPI_BASE_URL,
        )
    if settings.DEBUG and settings.MESSAGES_TO_CONSOLE:
        return ConsoleGateway()
    return None


def alimtalk_ready() -> bool:
    return bool(settings.SOLAPI_API_KEY and settings.SOLAPI_PF_ID) or (
        settings.DEBUG and settings.MESSAGES_TO_CONSOLE and not settings.SOLAPI_API_KEY
    )


# --- delivery reports (the gateway's webhook) -----------------------------------------------------------

REPORT_TOLERANCE_S = 300


def verify_report(
    *, body: bytes, event_id: str, timestamp: str, signature: str, now: float | None = None
) -> bool:
    """The report is signed with the webhook secret shared with the gateway: HMAC-SHA256 over
    ``"{event id}.{timestamp}.{raw body}"`` in hex, sent within five minutes."""
    secret = settings.SOLAPI_WEBHOOK_SECRET
    if not (secret and event_id and timestamp and signature):
        return False
    try:
        sent = int(timestamp)
    except ValueError:
        return False
    if abs((now or time.time()) - sent) > REPORT_TOLERANCE_S:
        return False
    expected = hmac.new(
        secret.encode(), f"{event_id}.{timestamp}.".encode() + body, hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(expected, signature.strip().lower())


def parse_reports(body: bytes) -> list[Report]:
    """SOLAPI's report: a list (or one) of message results with ``messageId`` and ``statusCode`` (4000
    delivered; 3xxx failed; 2xxx on its way)."""
    data = json.loads(body.decode("utf-8"))
    items = data if isinstance(data, list) else data.get("messages") or [data]
    reports = []
    for item in items:
        message_id = str(item.get("messageId") or "")
        status = str(item.get("statusCode") or "")
        if not message_id:
            continue
        if status == "4000":
            delivered = True
        elif status.startswith("3"):
            delivered = False
        else:
            delivered = None
        reports.append(Report(message_id, delivered, status))
    return reports
