"""Calendar files (.ics, RFC 5545) for booked times, so a resident can put a booking in their phone."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .models import OrderLine


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _utc(value) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    """Lines longer than 75 octets are folded (RFC 5545 §3.1)."""
    raw = line.encode()
    if len(raw) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > 74:
            parts.append(current.decode())
            current = b""
        current += encoded
    parts.append(current.decode())
    return "\r\n ".join(parts)


def booking_ics(line: OrderLine) -> str:
    slot = line.slot
    provider = line.provider
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Majubom//Local health platform//KO",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:orderline-{line.pk}@majubom.kr",
        f"DTSTAMP:{_utc(timezone.now())}",
        f"DTSTART:{_utc(slot.starts_at)}",
        f"DTEND:{_utc(slot.ends_at)}",
        f"SUMMARY:{_escape(line.title)}",
        f"LOCATION:{_escape(provider.address)}",
        f"DESCRIPTION:{_escape(f'{provider.name} · 주문 {line.order.number} · 문의 {provider.phone}')}",
        "BEGIN:VALARM",
        "TRIGGER:-PT2H",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_escape(line.title)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(_fold(item) for item in lines) + "\r\n"
