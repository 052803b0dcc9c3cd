"""Reads for the results pages: who may see a result, which needs it points to, what to recommend."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Sum, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import Delivery, Need, Service, Slot
from catalog.selectors import service_cards
from majubom import pagecache
from majubom.choices import HEALTH_DOMAIN_DETAIL, Audience, HealthDomain

from .forms import ABOUT
from .models import Assessment, NeedRule
from .questionnaires import all_items, all_scales, localized
from .services import SESSION_KEY


def assessment_for_viewer(*, token, request) -> Assessment:
    """The result behind ``token`` if this browser or account owns it; otherwise 404, never a hint."""
    assessment = Assessment.objects.filter(token=token).first()
    if assessment is None:
        raise Http404
    if assessment.user_id is not None:
        if request.user.is_authenticated and assessment.user_id == request.user.pk:
            return assessment
        raise Http404
    if str(assessment.token) in request.session.get(SESSION_KEY, []):
        return assessment
    raise Http404


@dataclass
class NeedMatch:
    need: Need
    weight: int
    reasons: list[str] = field(default_factory=list)


def needs_for_results(results: dict) -> list[NeedMatch]:
    """The needs the active NeedRules give for these scale bands, strongest first (one query)."""
    condition = Q()
    for scale_id, result in results.items():
        condition |= Q(scale=scale_id, band=result["band"])
    if not condition:
        return []
    matches: dict[int, NeedMatch] = {}
    language_en = localized({"ko": "ko", "en": "en"}) == "en"
    for rule in (
        NeedRule.objects.filter(condition, is_active=True).select_related("need").order_by("-weight", "pk")
    ):
        match = matches.setdefault(rule.need_id, NeedMatch(rule.need, 0))
        match.weight += rule.weight
        reason = rule.explanation_en if language_en and rule.explanation_en else rule.explanation
        if reason not in match.reasons:
            match.reasons.append(reason)
    return sorted(matches.values(), key=lambda m: (-m.weight, m.need.name))


# --- who the person is: only what their own answers say --------------------------------------------------


def person_audiences(answers: dict) -> frozenset[str]:
    """The audiences (majubom.choices.Audience codes) the person's own answers put them in: the age band
    (19~39세 → 청년, 65세 이상 → 어르신) and the situations they ticked. Nothing is guessed: a person who
    ticked nothing is in none of them, so what is meant only for parents or mothers is not for them."""
    items = all_items()
    known = set(Audience.values)
    person = set()
    for link_id in ABOUT:
        value = answers.get(link_id)
        values = value if isinstance(value, list) else [value]
        for option in items[link_id].options:
            if option.value in values and option.code in known:
                person.add(option.code)
    # Results from before the age bands asked only "64세 이하 / 65세 이상" (platform.json ``about-age``).
    if answers.get("about-age") == 1:
        person.add(Audience.SENIORS)
    return frozenset(person)


def audience_condition(person: frozenset[str]) -> Q:
    """SQL for ``majubom.choices.audience_fits``: meant for everyone, or for an audience the person is in."""
    return Q(audience__in=["", Audience.ANYONE, *sorted(person)])


@dataclass
class Preferences:
    district: str = ""
    delivery: str = ""  # "home_visit", "venue", "online" or "" for any
    audiences: frozenset[str] = frozenset()  # person_audiences(): who the person told us they are


def preferences_for(answers: dict, results: dict) -> Preferences:
    items = all_items()
    codes = {}
    for link_id in ("pref-district", "pref-delivery"):
        if link_id in answers:
            codes[link_id] = items[link_id].option(answers[link_id]).code
    delivery = codes.get("pref-delivery", "")
    if delivery == "any":
        delivery = ""
    # Frail residents are shown home visits first, whatever else they said.
    if results.get("kfrail", {}).get("band") == "frail":
        delivery = Delivery.HOME_VISIT
    return Preferences(
        district=codes.get("pref-district", ""), delivery=delivery, audiences=person_audiences(answers)
    )


# --- why something is recommended: every need it names, each with its own explanation ------------------


@dataclass
class Reason:
    need: str  # the need's name, or "" for a reason that is not a need (전문 상담을 먼저 권해요)
    text: str


def reasons_for(matched: list[Need], by_need: dict[int, NeedMatch]) -> list[Reason]:
    """One line per need the item is recommended for, each with that need's strongest explanation."""
    return [Reason(need.label, next(iter(by_need[need.pk].reasons), "")) for need in matched]


# The crisis rule's counselling (one place): published services of the mental-health domain tagged with
# this need, for anyone or for the person's own audience. When the crisis block shows, they come first.
COUNSELLING_NEED = "counselling"
COUNSELLING_FIRST = 2


def counselling_reason() -> Reason:
    return Reason(
        "",
        _(
            "전문 상담을 먼저 권해요. 죽음이나 스스로를 해치는 생각이 든 적이 있다고 답하셨어요. "
            "상담 전문가와 이야기하면 혼자 견디지 않아도 돼요."
        ),
    )


@dataclass
class Recommendation:
    service: Service
    needs: list[Need]
    reasons: list[Reason]
    in_district: bool
    delivery_match: bool
    counselling_first: bool = False


def _service_order(qs, preferences: Preferences, now):
    bookable = Slot.objects.filter(service=OuterRef("pk"), starts_at__gt=now, booked__lt=F("capacity"))
    return qs.annotate(
        available=Case(When(Exists(bookable) | Q(stock__gt=0), then=Value(1)), default=Value(0)),
        in_district=Case(When(provider__district=preferences.district, then=Value(1)), default=Value(0))
        if preferences.district
        else Value(0),
        delivery_match=Case(When(delivery=preferences.delivery, then=Value(1)), default=Value(0))
        if preferences.delivery
        else Value(0),
    )


def recommend_services(
    *, needs: list[NeedMatch], preferences: Preferences, crisis: bool = False, limit: int = 6, now=None
) -> list[Recommendation]:
    """Published services ranked by weighted need overlap, then availability, district, delivery and price;
    never one whose audience the person's answers do not put them in. With ``crisis`` (a reported thought
    of self-harm) professional counselling (``COUNSELLING_NEED``) comes first, whatever the needs.

    One ranking query (the weights are a CASE over the need ids; one more for counselling in a crisis)
    plus the card prefetches, whatever the size of the catalogue. The order is deterministic (price, then
    id, break the last ties).
    """
    if not needs and not crisis:
        return []
    now = now or timezone.now()
    weights = {match.need.pk: match.weight for match in needs}
    fits = audience_condition(preferences.audiences)

    def rank() -> list[int]:
        first: list[int] = []
        if crisis:
            counselling = _service_order(
                Service.objects.published()
                .filter(fits, domain=HealthDomain.MENTAL, needs__slug=COUNSELLING_NEED)
                .distinct(),
                preferences,
                now,
            ).order_by("-available", "-in_district", "-delivery_match", "price", "pk")
            first = list(counselling.values_list("pk", flat=True)[:COUNSELLING_FIRST])
        if not weights:
            return first
        need_score = Sum(
            Case(*[When(needs__id=pk, then=Value(w)) for pk, w in weights.items()], default=Value(0)),
            output_field=IntegerField(),
        )
        ranked = (
            _service_order(
                Service.objects.published().filter(fits, needs__id__in=weights).exclude(pk__in=first),
                preferences,
                now,
            )
            .annotate(need_score=need_score)
            .order_by("-need_score", "-available", "-in_district", "-delivery_match", "price", "pk")
            .values_list("pk", flat=True)[: limit - len(first)]
        )
        return first + list(ranked)

    # Residents with the same needs, preferences and audiences get the same ranking: it is cached under the
    # listing's version, so a listing change, or a time filling up, shows at once.
    profile = (
        f"{sorted(weights.items())}|{preferences.district}|{preferences.delivery}|"
        f"{sorted(preferences.audiences)}|{crisis}|{limit}"
    )
    ranked_ids = pagecache.cached_value(
        "healthcheck-ranking-v2", scopes=[pagecache.LISTING], parts=profile, compute=rank
    )
    by_id = {
        service.pk: service
        for service in service_cards(Service.objects.filter(pk__in=ranked_ids), now=now, with_needs=True)
    }
    reasons_by_need = {match.need.pk: match for match in needs}
    recommendations = []
    for pk in ranked_ids:
        service = by_id.get(pk)
        if service is None:  # deleted since the ranking was cached
            continue
        matched = [need for need in service.needs.all() if need.pk in weights]
        matched.sort(key=lambda need: -weights[need.pk])
        counselling = crisis and any(need.slug == COUNSELLING_NEED for need in service.needs.all())
        reasons = reasons_for(matched, reasons_by_need)
        if counselling:
            reasons.insert(0, counselling_reason())
        recommendations.append(
            Recommendation(
                service=service,
                needs=matched,
                reasons=reasons,
                in_district=bool(preferences.district) and service.provider.district == preferences.district,
                delivery_match=bool(preferences.delivery) and service.delivery == preferences.delivery,
                counselling_first=counselling,
            )
        )
    return recommendations


@dataclass
class ScaleLine:
    id: str
    title: str
    score: int
    raw: int
    raw_min: int
    raw_max: int
    band_label: str
    meaning: str
    flag: bool
    higher_is_better: bool

    @property
    def percent(self) -> int:
        span = self.raw_max - self.raw_min
        return round((self.raw - self.raw_min) * 100 / span) if span else 0


# Scales where a higher score is the healthier one (for the chart's wording and colours).
HIGHER_IS_BETTER = {"who5", "lsns6", "activity"}


def scale_lines(results: dict) -> list[ScaleLine]:
    scales = all_scales()
    lines = []
    for scale_id, result in results.items():
        scale = scales.get(scale_id)
        if scale is None:
            continue
        band = next(b for b in scale.bands if b.code == result["band"])
        lines.append(
            ScaleLine(
                id=scale_id,
                title=localized(scale.title),
                score=result["score"],
                raw=result["raw"],
                raw_min=scale.raw_min,
                raw_max=scale.raw_max,
                band_label=localized(band.label),
                meaning=localized(band.meaning),
                flag=band.flag,
                higher_is_better=scale_id in HIGHER_IS_BETTER,
            )
        )
    return lines


@dataclass
class DomainSummary:
    domain: HealthDomain
    detail: str
    lines: list[ScaleLine]

    @property
    def flagged(self) -> bool:
        return any(line.flag for line in self.lines)


def domain_summaries(results: dict) -> list[DomainSummary]:
    by_domain: dict[str, list[ScaleLine]] = defaultdict(list)
    scales = all_scales()
    for line in scale_lines(results):
        by_domain[scales[line.id].domain].append(line)
    return [
        DomainSummary(domain, HEALTH_DOMAIN_DETAIL[domain], by_domain.get(domain.value, []))
        for domain in HealthDomain
    ]


def who5_trend_points(assessments: list[Assessment]) -> list[tuple[int, int]]:
    """SVG coordinates (640×240 box, 0–100 on the y axis from 200 to 20) of WHO-5 scores over time."""
    scores = [a.results["who5"]["score"] for a in assessments if "who5" in a.results]
    if len(scores) < 2:
        return []
    step = 580 / (len(scores) - 1)
    return [(round(40 + i * step), round(200 - score * 1.8)) for i, score in enumerate(scores)]


@dataclass
class GroupRecommendation:
    group: object
    needs: list[Need]
    reasons: list[Reason]
    in_district: bool


def recommend_groups(
    *, needs: list[NeedMatch], preferences: Preferences, limit: int = 3, now=None
) -> list[GroupRecommendation]:
    """건강반 recruiting now, ranked in one query by the weighted needs, then the resident's district, then
    the newest; never a group whose audience the person's answers do not put them in. The ranking is
    cached under the listing's version (residents with the same needs share it); the few cards are read
    by id."""
    from django.db.models import Prefetch

    from groups.models import HealthGroup
    from groups.selectors import group_cards

    if not needs:
        return []
    weights = {match.need.pk: match.weight for match in needs}
    reasons_by_need = {match.need.pk: match for match in needs}
    need_score = Sum(
        Case(*[When(needs__id=pk, then=Value(w)) for pk, w in weights.items()], default=Value(0)),
        output_field=IntegerField(),
    )

    def rank() -> list[int]:
        qs = (
            HealthGroup.objects.filter(
                audience_condition(preferences.audiences),
                status=HealthGroup.Status.RECRUITING,
                provider__is_published=True,
                needs__id__in=weights,
            )
            .annotate(
                need_score=need_score,
                in_district=Case(When(district=preferences.district, then=Value(1)), default=Value(0))
                if preferences.district
                else Value(0),
            )
            .order_by("-need_score", "-in_district", "-published_at", "pk")
        )
        return list(qs.values_list("pk", flat=True)[:limit])

    profile = f"{sorted(weights.items())}|{preferences.district}|{sorted(preferences.audiences)}|{limit}"
    ranked = pagecache.cached_value(
        "healthcheck-group-ranking-v2", scopes=[pagecache.LISTING], parts=profile, compute=rank
    )
    if not ranked:
        return []
    by_id = {
        group.pk: group
        for group in group_cards(HealthGroup.objects.filter(pk__in=ranked)).prefetch_related(
            Prefetch("needs", queryset=Need.objects.order_by("name"), to_attr="need_list")
        )
    }
    chosen = []
    for pk in ranked:
        group = by_id.get(pk)
        if group is None:
            continue
        matched = sorted((n for n in group.need_list if n.pk in weights), key=lambda n: -weights[n.pk])
        chosen.append(
            GroupRecommendation(
                group=group,
                needs=matched,
                reasons=reasons_for(matched, reasons_by_need),
                in_district=bool(preferences.district) and group.district == preferences.district,
            )
        )
    return chosen


@dataclass
class FairRecommendation:
    """The next 건강상점 and its programs that meet the resident's needs, while registration is open."""

    fair: dict  # title, url, starts_at, ends_at, venue
    programs: list[dict]  # title, starts_at, booth, seats_left, needs (names), reason


def recommend_fair_programs(*, needs: list[NeedMatch], limit: int = 3) -> FairRecommendation | None:
    """Cached under any fair's version by the needs' profile (residents with the same needs share it).

    Fair programs are for everyone: a Program links to its booth's provider, and neither says who it is
    for (only services and 건강반 carry an audience), so no program is left out for the person's audience."""
    from events import selectors as events_selectors

    if not needs:
        return None
    weights = {match.need.pk: match.weight for match in needs}
    by_need = {match.need.pk: match for match in needs}

    def compute():
        fair = events_selectors.next_fair_for_home()
        now = timezone.now()
        if fair is None or not (fair.registration_opens <= now < fair.registration_closes):
            return None
        programs = events_selectors.programs_for_needs(fair, weights, limit=limit * 3)
        rows = []
        for program in programs:
            matched = sorted(
                (n for n in program.needs.all() if n.pk in weights), key=lambda n: -weights[n.pk]
            )
            reasons = reasons_for(matched, by_need)
            rows.append(
                {
                    "id": program.pk,
                    "need_ids": [need.pk for need in matched],
                    "title": program.title,
                    "starts_at": program.starts_at,
                    "booth": program.booth.name,
                    "seats_left": program.seats_left,
                    "needs": [need.name for need in matched],
                    "reasons": [vars(reason) for reason in reasons],
                    "reason": reasons[0].text if reasons else "",  # the first one alone, as before
                    "score": sum(weights[n.pk] for n in matched),
                }
            )
        rows.sort(key=lambda row: (-row["score"], row["starts_at"]))
        if not rows:
            return None
        return FairRecommendation(
            fair={
                "title": fair.title,
                "url": fair.get_absolute_url(),
                "starts_at": fair.starts_at,
                "ends_at": fair.ends_at,
                "venue": fair.venue,
            },
            programs=rows[:limit],
        )

    profile = f"{sorted(weights.items())}|{limit}"
    return pagecache.cached_value(
        "healthcheck-fair-programs-v2", scopes=[pagecache.FAIRS], parts=profile, compute=compute
    )
