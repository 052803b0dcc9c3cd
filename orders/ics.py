"""Calendar files (.ics, RFC 5545) for booked times, so a resident can put a booking in their phone."""

from __future__ import annotations

from django.utils import timezone

from majubom.ics import calendar, escape, utc

from .models import OrderLine


def booking_ics(line: OrderLine) -> str:
    slot = line.slot
    provider = line.provider
    event = [
        f"UID:orderline-{line.pk}@majubom.kr",
        f"DTSTAMP:{utc(timezone.now())}",
        f"DTSTART:{utc(slot.starts_at)}",
        f"DTEND:{utc(slot.ends_at)}",
        f"SUMMARY:{escape(line.title)}",
        f"LOCATION:{escape(provider.address)}",
        f"DESCRIPTION:{escape(f'{provider.name} · 주문 {line.order.number} · 문의 {provider.phone}')}",
        "BEGIN:VALARM",
        "TRIGGER:-PT2H",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape(line.title)}",
        "END:VALARM",
    ]
    return calendar([event])
