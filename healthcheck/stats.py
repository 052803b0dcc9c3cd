"""How often each recommendation is shown on a result and opened from it, per day (Asia/Seoul) — counted on
the server, with nothing about who: a ``RecommendationStat`` row is a day, an item, the need it was
recommended for and the 구 the resident asked for, and two counters.

A result counts once per browser session: shown the first time its page is shown there, opened the first
time each item is opened from it. The "already counted" marks are kept in the cache under a hash of the
session key and the result token (an atomic ``cache.add``), not in the session, so that counting costs the
results page no session write (why: ``count_marker``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from dataclasses import dataclass
from functools import reduce
from operator import or_
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncWeek
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import Service
from events.models import Program
from groups.models import HealthGroup

from . import selectors
from .models import Assessment, RecommendationStat
from .questionnaires import all_scales, localized

logger = logging.getLogger(__name__)

SEOUL = ZoneInfo("Asia/Seoul")
Kind = RecommendationStat.Kind


@dataclass(frozen=True)
class Shown:
    """One recommended item on one result: what it is and the first need it is recommended for."""

    kind: str
    object_id: int
    need_id: int | None


def today() -> dt.date:
    return timezone.localdate(timezone=SEOUL)


def first_need_id(item_need_ids, needs: list[selectors.NeedMatch]) -> int | None:
    """The strongest of the result's needs that the item carries (the results page names it first)."""
    ids = set(item_need_ids)
    return next((match.need.pk for match in needs if match.need.pk in ids), None)


def shown_items(*, needs, services=(), groups=(), fair=None) -> list[Shown]:
    """The items a results page shows, from its recommendations (no queries)."""
    items = [
        Shown(Kind.SERVICE, rec.service.pk, first_need_id((n.pk for n in rec.needs), needs))
        for rec in services
    ]
    items += [
        Shown(Kind.GROUP, rec.group.pk, first_need_id((n.pk for n in rec.needs), needs)) for rec in groups
    ]
    for program in fair.programs if fair else ():
        if program.get("id") is None:  # a ranking cached before programs carried their id
            continue
        names = set(program.get("needs", ()))
        need_ids = program.get("need_ids") or [m.need.pk for m in needs if m.need.name in names]
        items.append(Shown(Kind.PROGRAM, program["id"], first_need_id(need_ids, needs)))
    return list(dict.fromkeys(items))


def count_marker(request, token, *parts: str) -> str | None:
    """The cache key that says "this session already counted this". A session write on the first showing
    would cost the results page three more queries in the tests (savepoint, update, release) and push it
    over its budget; the cache costs none, and ``add`` is atomic, so two reloads at once count once too."""
    session_key = request.session.session_key
    if not session_key:
        return None
    digest = hashlib.sha256(":".join([session_key, str(token), *parts]).encode()).hexdigest()
    return f"healthcheck-counted:{digest}"


def _first_time(request, token, *parts: str) -> bool:
    key = count_marker(request, token, *parts)
    return key is not None and cache.add(key, 1, timeout=settings.SESSION_COOKIE_AGE)


def _same_row(item: Shown) -> Q:
    need = Q(need__isnull=True) if item.need_id is None else Q(need_id=item.need_id)
    return Q(kind=item.kind, object_id=item.object_id) & need


def _bump(field: str, *, day: dt.date, district: str, items: list[Shown]) -> None:
    """Add one to ``field`` of today's row of each item, creating the rows that are missing: two or three
    statements whatever the number of items."""
    if not items:
        return
    today_rows = RecommendationStat.objects.filter(day=day, district=district)
    which = reduce(or_, (_same_row(item) for item in items))
    # The unique constraints (one row per day, item, need and district; partial, so SQLite has them too):
    # insert what is missing with zero, then add one to every row. Exact even when two pages count the
    # same row at once.
    RecommendationStat.objects.bulk_create(
        [
            RecommendationStat(
                day=day, district=district, kind=i.kind, object_id=i.object_id, need_id=i.need_id
            )
            for i in items
        ],
        ignore_conflicts=True,
    )
    today_rows.filter(which).update(**{field: F(field) + 1})


def recommendations_shown_record(*, request, token, items: list[Shown], district: str, day=None) -> bool:
    """Count the items a result shows, the first time this session shows it. Never raises: a count that
    fails is lost, the page is not. The statements run outside a transaction (autocommit), so a failed one
    leaves nothing for the page to trip over. True when counted."""
    try:
        if not items or not _first_time(request, token, "shown"):
            return False
        _bump("shown", day=day or today(), district=district, items=items)
        return True
    except Exception:  # counting must never break the results page
        logger.exception("recommendation counting failed")
        return False


def recommendation_opened_record(*, request, token, kind: str, item, day=None, now=None) -> bool:
    """Count an item opened from the result ``token`` — only for a visitor who may see that result, only
    for an item carrying one of its needs, once per session — and note when the result's first
    recommendation was opened. Never raises. True when counted."""
    try:
        try:
            token = uuid.UUID(str(token))
        except ValueError:
            return False
        try:
            assessment = selectors.assessment_for_viewer(token=token, request=request)
        except Http404:
            return False
        needs = selectors.needs_for_results(assessment.results)
        need_id = first_need_id(item.needs.values_list("pk", flat=True), needs)
        if need_id is None or not _first_time(request, token, "opened", kind, str(item.pk)):
            return False
        district = selectors.preferences_for(assessment.answers, assessment.results).district
        with transaction.atomic():
            _bump("opened", day=day or today(), district=district, items=[Shown(kind, item.pk, need_id)])
            Assessment.objects.filter(pk=assessment.pk, recommendation_opened_at__isnull=True).update(
                recommendation_opened_at=now or timezone.now()
            )
        return True
    except Exception:  # counting must never break the redirect
        logger.exception("recommendation counting failed")
        return False


# --- the enterprise's dashboard (catalog.dashboard) --------------------------------------------------------


def provider_recommendations(*, provider, start: dt.date) -> dict:
    """Shown and opened of the provider's services, 건강반 and fair programs since ``start``: by week and by
    item. At most five queries (one by week, one by item, one for the titles of each kind present)."""
    owned = {
        Kind.SERVICE: Service.objects.filter(provider=provider),
        Kind.GROUP: HealthGroup.objects.filter(provider=provider),
        Kind.PROGRAM: Program.objects.filter(booth__provider=provider),
    }
    rows = RecommendationStat.objects.filter(
        reduce(or_, (Q(kind=kind, object_id__in=qs.values("pk")) for kind, qs in owned.items())),
        day__gte=start,
    )
    weekly = {
        row["week"]: {"shown": row["shown"], "opened": row["opened"]}
        for row in rows.annotate(week=TruncWeek("day"))
        .values("week")
        .annotate(shown=Sum("shown"), opened=Sum("opened"))
        .order_by()
    }
    by_item = list(
        rows.values("kind", "object_id").annotate(shown=Sum("shown"), opened=Sum("opened")).order_by()
    )
    titles = {}
    for kind in owned:
        ids = [row["object_id"] for row in by_item if row["kind"] == kind]
        if ids:
            titles[kind] = dict(owned[kind].filter(pk__in=ids).values_list("pk", "title"))
    labels = dict(Kind.choices)
    items = [
        {
            "kind": labels[row["kind"]],
            "title": titles.get(row["kind"], {}).get(row["object_id"], _("지워진 항목")),
            "shown": row["shown"],
            "opened": row["opened"],
        }
        for row in by_item
    ]
    items.sort(key=lambda item: (-item["shown"], -item["opened"], item["title"]))
    return {"weekly": weekly, "items": items}


# --- the cooperative's test statistics (the need rule admin's 통계 page) ----------------------------------


@dataclass(frozen=True)
class BandCount:
    """How many results fell in one band of one scale, named as the instrument files name them."""

    scale: str
    band: str
    count: int


def scale_label(scale_id: str) -> str:
    """The scale's title in the active language ("불안 간단 선별 (GAD-2)"); the id only for a scale no
    instrument file has any more."""
    scale = all_scales().get(scale_id)
    return localized(scale.title) if scale else scale_id


def band_label(scale_id: str, band_code: str) -> str:
    """The band's label in the active language ("조금 더 살펴보면 좋아요"); the code only when unknown."""
    scale = all_scales().get(scale_id)
    band = next((b for b in scale.bands if b.code == band_code), None) if scale else None
    return localized(band.label) if band else band_code


def assessment_counts() -> dict:
    """Tests taken by kind, how many were saved to an account, and how the scale bands fall — counts only,
    never anyone's answers. Scales in the order of the instrument files, bands from low to high. Three
    queries (the results are read in chunks)."""
    labels = dict(Assessment.Kind.choices)
    by_kind = [
        {"kind": labels.get(row["kind"], row["kind"]), "n": row["n"]}
        for row in Assessment.objects.values("kind").annotate(n=Count("pk")).order_by("kind")
    ]
    counts: dict[tuple[str, str], int] = {}
    for results in Assessment.objects.values_list("results", flat=True).iterator(chunk_size=2000):
        for scale_id, result in results.items():
            key = (scale_id, result.get("band", ""))
            counts[key] = counts.get(key, 0) + 1
    scales = all_scales()
    scale_order = {scale_id: position for position, scale_id in enumerate(scales)}

    def order(key: tuple[str, str]):
        scale_id, code = key
        scale = scales.get(scale_id)
        codes = [band.code for band in scale.bands] if scale else []
        return (
            scale_order.get(scale_id, len(scale_order)),
            scale_id,
            codes.index(code) if code in codes else len(codes),
            code,
        )

    bands = [
        BandCount(scale_label(scale_id), band_label(scale_id, code), counts[(scale_id, code)])
        for scale_id, code in sorted(counts, key=order)
    ]
    return {
        "by_kind": by_kind,
        "total": sum(row["n"] for row in by_kind),
        "saved": Assessment.objects.filter(user__isnull=False).count(),
        "bands": bands,
    }
