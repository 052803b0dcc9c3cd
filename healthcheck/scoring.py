"""Scoring: pure functions over the instrument files (no database, no request)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from math import prod

from .questionnaires import Item, Scale, all_items, all_scales


@dataclass(frozen=True)
class ScaleResult:
    scale: str
    raw: int
    score: int
    band: str
    flag: bool
    domain: str

    def as_dict(self) -> dict:
        return asdict(self)


def item_value(item: Item, value: int, *, reverse: bool) -> int:
    """An answer's contribution: its weight, or mirrored within the item's range when reverse-scored."""
    if reverse:
        return min(item.values) + max(item.values) - value
    return value


def score_scale(
    scale: Scale, answers: Mapping[str, int], items: Mapping[str, Item] | None = None
) -> ScaleResult | None:
    """Score one scale, or None when one of its items was not answered (e.g. not asked in this test)."""
    items = items if items is not None else all_items()
    if any(link_id not in answers for link_id in scale.items):
        return None
    values = [item_value(items[link], answers[link], reverse=link in scale.reverse) for link in scale.items]
    raw = sum(values) if scale.type == "sum" else prod(values)
    band = scale.band_for(raw)
    return ScaleResult(scale.id, raw, raw * scale.multiplier, band.code, band.flag, scale.domain)


def score_answers(answers: Mapping[str, int]) -> dict[str, ScaleResult]:
    """Every scale whose items were all answered, by scale id, in instrument-file order."""
    items = all_items()
    results = {}
    for scale in all_scales().values():
        result = score_scale(scale, answers, items)
        if result is not None:
            results[scale.id] = result
    return results


# Quick results that flag recommend the detailed test: WHO-5 raw < 13, PHQ-2 ≥ 2, GAD-2 ≥ 3, UCLA-3 ≥ 6.
DETAILED_TEST_TRIGGERS = ("who5", "phq2", "gad2", "ucla3")


def suggests_detailed_test(results: Mapping[str, ScaleResult | dict]) -> bool:
    def flagged(value) -> bool:
        return value.flag if isinstance(value, ScaleResult) else bool(value.get("flag"))

    return any(flagged(results[s]) for s in DETAILED_TEST_TRIGGERS if s in results)


SELF_HARM_ITEM = "phq9-9"


def needs_crisis_support(answers: Mapping[str, int]) -> bool:
    """PHQ-9 item 9 answered above 0: the results open with crisis contacts, before any score."""
    return answers.get(SELF_HARM_ITEM, 0) > 0
