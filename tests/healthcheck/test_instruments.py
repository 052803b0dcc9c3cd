"""The instrument files: schema, wording in both languages, and the published cut-offs."""

import json

import pytest

from healthcheck.forms import TESTS
from healthcheck.questionnaires import (
    InstrumentError,
    all_items,
    all_scales,
    load_instruments,
    parse_instrument,
)

EXPECTED = {"who5", "phq9", "gad7", "ucla3", "lsns6", "kfrail", "auditc", "activity", "platform", "about"}


def test_all_instruments_load_and_pass_the_schema():
    instruments = load_instruments()
    assert set(instruments) == EXPECTED
    for instrument in instruments.values():
        assert instrument.source and instrument.license
        assert instrument.translation["kind"] in {"official", "own", "original"}
        for item in instrument.items:
            assert item.text["ko"] and item.text["en"]
            assert all(o.display["ko"] and o.display["en"] for o in item.options)
    assert instruments["platform"].standardized is False
    assert instruments["about"].standardized is False


def band(scale_id: str, code: str):
    return next(b for b in all_scales()[scale_id].bands if b.code == code)


@pytest.mark.parametrize(
    "scale_id,code,low,high,flag",
    [
        ("who5", "poor", 0, 12, True),  # raw < 13 = poor well-being
        ("phq2", "positive", 2, 6, True),  # Korean general-population cut-off ≥ 2
        ("phq9", "mild", 5, 9, False),
        ("phq9", "moderate", 10, 14, True),
        ("phq9", "moderately_severe", 15, 19, True),
        ("phq9", "severe", 20, 27, True),
        ("gad2", "positive", 3, 6, True),
        ("gad7", "mild", 5, 9, False),
        ("gad7", "moderate", 10, 14, True),
        ("gad7", "severe", 15, 21, True),
        ("ucla3", "lonely", 6, 9, True),
        ("lsns6", "isolated", 0, 11, True),
        ("kfrail", "robust", 0, 0, False),
        ("kfrail", "prefrail", 1, 2, True),
        ("kfrail", "frail", 3, 5, True),
        ("auditc", "at_risk", 5, 12, True),
        ("activity", "below", 0, 149, True),
    ],
)
def test_published_cut_offs(scale_id, code, low, high, flag):
    b = band(scale_id, code)
    assert (b.min, b.max, b.flag) == (low, high, flag)


def test_who5_percentage_multiplier_and_item_counts():
    scales = all_scales()
    assert scales["who5"].multiplier == 4 and len(scales["who5"].items) == 5
    assert len(scales["phq9"].items) == 9 and scales["phq2"].items == ("phq9-1", "phq9-2")
    assert len(scales["gad7"].items) == 7 and scales["gad2"].items == ("gad7-1", "gad7-2")
    assert scales["activity"].type == "product"


def test_quick_test_is_short_and_has_no_self_harm_item():
    # 16 short health questions, plus the age band and the situations (which may be skipped).
    assert len([link for link in TESTS["quick"] if not link.startswith("about-")]) <= 16
    assert len(TESTS["quick"]) <= 18
    assert "phq9-9" not in TESTS["quick"]
    assert "phq9-9" in TESTS["detailed"]
    assert set(TESTS["quick"]) | set(TESTS["detailed"]) <= set(all_items())


def write(tmp_path, data) -> object:
    path = tmp_path / f"{data['id']}.json"
    path.write_text(json.dumps(data, ensure_ascii=False))
    return path


def base(**changes):
    data = json.loads((load_instruments()["ucla3"].path).read_text(encoding="utf-8"))
    data.update(changes)
    return data


def test_schema_rejects_bands_that_do_not_cover_the_range(tmp_path):
    data = base()
    data["scales"][0]["bands"][-1]["max"] = 8
    with pytest.raises(InstrumentError, match="bands must cover"):
        parse_instrument(write(tmp_path, data))


def test_schema_rejects_missing_english(tmp_path):
    data = base()
    data["items"][0]["text"] = {"ko": "질문"}
    with pytest.raises(InstrumentError, match="Korean and English"):
        parse_instrument(write(tmp_path, data))


def test_schema_rejects_unknown_scale_items(tmp_path):
    data = base()
    data["scales"][0]["items"].append("ucla3-99")
    with pytest.raises(InstrumentError, match="unknown items"):
        parse_instrument(write(tmp_path, data))


def test_schema_rejects_a_file_whose_id_does_not_match(tmp_path):
    data = base()
    path = tmp_path / "other.json"
    path.write_text(json.dumps(data, ensure_ascii=False))
    with pytest.raises(InstrumentError, match="id must match"):
        parse_instrument(path)


def test_schema_rejects_a_several_answer_item_in_a_scale(tmp_path):
    data = base()
    data["items"][0]["repeats"] = True
    with pytest.raises(InstrumentError, match=r"repeats.*cannot be scored"):
        parse_instrument(write(tmp_path, data))


@pytest.mark.parametrize("flag", ["repeats", "required"])
def test_schema_rejects_flags_that_are_not_true_or_false(tmp_path, flag):
    data = base()
    data["items"][0][flag] = "yes"
    with pytest.raises(InstrumentError, match=f"{flag} must be true or false"):
        parse_instrument(write(tmp_path, data))


def test_schema_rejects_option_codes_that_are_not_text(tmp_path):
    data = base()
    data["items"][0]["answerOption"] = [
        {"value": 0, "code": 1, "display": {"ko": "아니요", "en": "No"}},
        {"value": 1, "display": {"ko": "예", "en": "Yes"}},
    ]
    data["items"][0].pop("answerSet", None)
    with pytest.raises(InstrumentError, match="option codes are text"):
        parse_instrument(write(tmp_path, data))
