"""Scoring is pure: checked against the published rules and with property tests."""

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from healthcheck.questionnaires import Item, Option, all_items, all_scales
from healthcheck.scoring import needs_crisis_support, score_answers, score_scale, suggests_detailed_test

from .conftest import LOW_AND_LONELY, WELL

SCALES = all_scales()
ITEMS = all_items()


def test_who5_raw_and_percentage():
    result = score_scale(SCALES["who5"], {f"who5-{n}": 5 for n in range(1, 6)})
    assert (result.raw, result.score, result.band) == (25, 100, "good")
    result = score_scale(SCALES["who5"], {"who5-1": 3, "who5-2": 3, "who5-3": 2, "who5-4": 2, "who5-5": 2})
    assert (result.raw, result.score, result.band, result.flag) == (12, 48, "poor", True)


def test_phq9_total_and_phq2_from_the_same_answers():
    answers = {f"phq9-{n}": 1 for n in range(1, 10)}
    results = score_answers(answers)
    assert (results["phq9"].raw, results["phq9"].band) == (9, "mild")
    assert (results["phq2"].raw, results["phq2"].band) == (2, "positive")


def test_activity_is_days_times_minutes():
    result = score_scale(SCALES["activity"], {"activity-1": 5, "activity-2": 30})
    assert (result.raw, result.band) == (150, "meets")
    result = score_scale(SCALES["activity"], {"activity-1": 2, "activity-2": 60})
    assert (result.raw, result.band, result.flag) == (120, "below", True)


def test_unanswered_scale_is_not_scored():
    assert score_scale(SCALES["phq9"], {"phq9-1": 1, "phq9-2": 1}) is None
    results = score_answers(WELL)
    assert set(results) == {"who5", "phq2", "gad2", "ucla3", "activity"}


def test_flags_suggest_the_detailed_test():
    assert not suggests_detailed_test(score_answers(WELL))
    assert suggests_detailed_test(score_answers(LOW_AND_LONELY))
    assert suggests_detailed_test(score_answers({**WELL, "gad7-1": 2, "gad7-2": 1}))  # GAD-2 = 3


def test_crisis_support_only_when_item_9_above_zero():
    assert needs_crisis_support({"phq9-9": 1})
    assert needs_crisis_support({"phq9-9": 3})
    assert not needs_crisis_support({"phq9-9": 0})
    assert not needs_crisis_support(WELL)


def answers_for(scale_id):
    scale = SCALES[scale_id]
    return st.fixed_dictionaries({link: st.sampled_from(sorted(ITEMS[link].values)) for link in scale.items})


@settings(max_examples=60, deadline=None)
@given(data=st.data(), scale_id=st.sampled_from(sorted(SCALES)))
def test_totals_stay_in_range_and_always_have_a_band(data, scale_id):
    scale = SCALES[scale_id]
    answers = data.draw(answers_for(scale_id))
    result = score_scale(scale, answers)
    assert scale.raw_min <= result.raw <= scale.raw_max
    assert result.score == result.raw * scale.multiplier
    assert result.band in {b.code for b in scale.bands}


@settings(max_examples=60, deadline=None)
@given(data=st.data(), scale_id=st.sampled_from(sorted(SCALES)))
def test_bands_are_monotone(data, scale_id):
    """Raising one answer never moves the result to an earlier band."""
    scale = SCALES[scale_id]
    answers = data.draw(answers_for(scale_id))
    link = data.draw(st.sampled_from(scale.items))
    higher = [v for v in ITEMS[link].values if v > answers[link]]
    if not higher:
        return
    raised = {**answers, link: data.draw(st.sampled_from(sorted(higher)))}
    order = [b.code for b in scale.bands]
    before, after = score_scale(scale, answers), score_scale(scale, raised)
    assert after.raw >= before.raw
    assert order.index(after.band) >= order.index(before.band)


@given(st.lists(st.integers(min_value=0, max_value=4), min_size=3, max_size=3))
def test_reverse_scoring_mirrors_within_the_item_range(values):
    """A scale with a reverse-scored item: the item counts as (min + max − answer)."""
    options = tuple(Option(v, {"ko": str(v), "en": str(v)}) for v in range(0, 5))
    items = {f"x-{n}": Item(f"x-{n}", {"ko": "q", "en": "q"}, options, "x") for n in (1, 2, 3)}
    template = SCALES["auditc"]
    scale = dataclasses.replace(
        template, id="x", items=("x-1", "x-2", "x-3"), reverse=frozenset({"x-2"}), raw_min=0, raw_max=12
    )
    answers = {"x-1": values[0], "x-2": values[1], "x-3": values[2]}
    result = score_scale(scale, answers, items)
    assert result.raw == values[0] + (4 - values[1]) + values[2]
    flipped = score_scale(scale, {**answers, "x-2": 4 - values[1]}, items)
    assert flipped.raw == values[0] + values[1] + values[2]
