"""The instruments as data: loaded from ``healthcheck/instruments/*.json`` and checked against the schema.

The validated wording lives only in those versioned files (not in the database), so nobody can edit it
through the admin. ``load_instruments()`` checks every file once per process and raises
``InstrumentError`` naming the file and the problem.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from functools import cache
from math import prod
from pathlib import Path

from django.utils.translation import get_language

INSTRUMENTS_DIR = Path(__file__).resolve().parent / "instruments"
DOMAINS = {"physical", "mental", "social", "education", "economic"}
TRANSLATION_KINDS = {"official", "own", "original"}


class InstrumentError(ValueError):
    pass


def localized(text: dict) -> str:
    """Pick the active language from a {"ko": …, "en": …} text, Korean first."""
    language = (get_language() or "ko")[:2]
    return text.get(language) or text["ko"]


@dataclass(frozen=True)
class Option:
    value: int
    display: dict
    code: str = ""

    @property
    def label(self) -> str:
        return localized(self.display)


@dataclass(frozen=True)
class Item:
    link_id: str
    text: dict
    options: tuple[Option, ...]
    instrument_id: str
    # FHIR's ``repeats``: several options may be chosen (stored as a sorted list of values; never scored).
    repeats: bool = False
    # FHIR's ``required``, but true when absent: every item must be answered unless its file says otherwise.
    required: bool = True

    @property
    def label(self) -> str:
        return localized(self.text)

    @property
    def values(self) -> set[int]:
        return {option.value for option in self.options}

    def option(self, value: int) -> Option:
        return next(option for option in self.options if option.value == value)


@dataclass(frozen=True)
class Band:
    code: str
    min: int
    max: int
    flag: bool
    label: dict
    meaning: dict


@dataclass(frozen=True)
class Scale:
    id: str
    title: dict
    type: str
    items: tuple[str, ...]
    reverse: frozenset[str]
    multiplier: int
    bands: tuple[Band, ...]
    domain: str
    instrument_id: str
    raw_min: int
    raw_max: int

    def band_for(self, raw: int) -> Band:
        for band in self.bands:
            if band.min <= raw <= band.max:
                return band
        raise InstrumentError(f"{self.id}: no band for raw score {raw}")


@dataclass(frozen=True)
class Instrument:
    id: str
    version: str
    title: dict
    domain: str
    standardized: bool
    source: str
    license: str
    translation: dict
    instructions: dict
    items: tuple[Item, ...]
    scales: tuple[Scale, ...]
    path: Path = field(compare=False)

    @property
    def label(self) -> str:
        return localized(self.title)

    @property
    def instruction_text(self) -> str:
        return localized(self.instructions)


def _require(condition: bool, path: Path, message: str) -> None:
    if not condition:
        raise InstrumentError(f"{path.name}: {message}")


def _text(value, path: Path, where: str) -> dict:
    _require(
        isinstance(value, dict) and bool(value.get("ko")) and bool(value.get("en")),
        path,
        f"{where} needs Korean and English text",
    )
    return value


def _options(raw: list, path: Path, where: str) -> tuple[Option, ...]:
    _require(isinstance(raw, list) and len(raw) >= 2, path, f"{where}: at least two answer options")
    options = []
    for entry in raw:
        _require(
            isinstance(entry.get("value"), int) and not isinstance(entry.get("value"), bool),
            path,
            f"{where}: option values are integers",
        )
        _require(isinstance(entry.get("code", ""), str), path, f"{where}: option codes are text")
        options.append(
            Option(entry["value"], _text(entry.get("display"), path, where), entry.get("code", ""))
        )
    _require(len({o.value for o in options}) == len(options), path, f"{where}: duplicate option values")
    return tuple(options)


def parse_instrument(path: Path) -> Instrument:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InstrumentError(f"{path.name}: not valid JSON ({exc})") from exc
    _require(data.get("resourceType") == "Questionnaire", path, "resourceType must be Questionnaire")
    _require(data.get("id") == path.stem, path, "id must match the file name")
    _require(data.get("status") == "active", path, "status must be active")
    _require(isinstance(data.get("version"), str) and data["version"].count(".") == 2, path, "version x.y.z")
    _require(data.get("domain") in DOMAINS, path, "unknown domain")
    _require(isinstance(data.get("standardized"), bool), path, "standardized must be true or false")
    for key in ("source", "license"):
        _require(isinstance(data.get(key), str) and data[key].strip(), path, f"{key} is required")
    _require((data.get("translation") or {}).get("kind") in TRANSLATION_KINDS, path, "translation.kind")
    answer_sets = {
        name: _options(options, path, f"answerSet {name}")
        for name, options in data.get("answerSets", {}).items()
    }
    items = []
    for raw in data.get("items", []):
        link_id = raw.get("linkId", "")
        _require(bool(link_id), path, "every item needs a linkId")
        if "answerSet" in raw:
            _require(raw["answerSet"] in answer_sets, path, f"{link_id}: unknown answerSet")
            options = answer_sets[raw["answerSet"]]
        else:
            options = _options(raw.get("answerOption"), path, link_id)
        for flag in ("repeats", "required"):
            _require(isinstance(raw.get(flag, False), bool), path, f"{link_id}: {flag} must be true or false")
        items.append(
            Item(
                link_id,
                _text(raw.get("text"), path, link_id),
                options,
                data["id"],
                repeats=raw.get("repeats", False),
                required=raw.get("required", True),
            )
        )
    _require(bool(items), path, "no items")
    by_id = {item.link_id: item for item in items}
    _require(len(by_id) == len(items), path, "duplicate linkIds")
    scales = []
    for raw in data.get("scales", []):
        scale_id = raw.get("id", "")
        kind = raw.get("type", "sum")
        _require(kind in ("sum", "product"), path, f"{scale_id}: type is sum or product")
        members = tuple(raw.get("items", []))
        _require(bool(members) and all(m in by_id for m in members), path, f"{scale_id}: unknown items")
        _require(
            not any(by_id[m].repeats for m in members),
            path,
            f"{scale_id}: an item with several answers (repeats) cannot be scored",
        )
        reverse = frozenset(raw.get("reverse", []))
        _require(reverse <= set(members), path, f"{scale_id}: reverse items must be scale items")
        lows = [min(by_id[m].values) for m in members]
        highs = [max(by_id[m].values) for m in members]
        raw_min, raw_max = (sum(lows), sum(highs)) if kind == "sum" else (prod(lows), prod(highs))
        bands = tuple(
            Band(
                b["code"],
                b["min"],
                b["max"],
                bool(b.get("flag")),
                _text(b.get("label"), path, scale_id),
                _text(b.get("meaning"), path, scale_id),
            )
            for b in raw.get("bands", [])
        )
        _require(bool(bands), path, f"{scale_id}: no bands")
        _require(
            bands[0].min == raw_min and bands[-1].max == raw_max,
            path,
            f"{scale_id}: bands must cover {raw_min}..{raw_max}",
        )
        for before, after in itertools.pairwise(bands):
            _require(
                before.min <= before.max and after.min == before.max + 1,
                path,
                f"{scale_id}: bands must be contiguous and ordered",
            )
        multiplier = raw.get("multiplier", 1)
        _require(isinstance(multiplier, int) and multiplier >= 1, path, f"{scale_id}: multiplier")
        domain = raw.get("domain", data["domain"])
        _require(domain in DOMAINS, path, f"{scale_id}: unknown domain")
        scales.append(
            Scale(
                scale_id,
                _text(raw.get("title"), path, scale_id),
                kind,
                members,
                reverse,
                multiplier,
                bands,
                domain,
                data["id"],
                raw_min,
                raw_max,
            )
        )
    return Instrument(
        id=data["id"],
        version=data["version"],
        title=_text(data.get("title"), path, "title"),
        domain=data["domain"],
        standardized=data["standardized"],
        source=data["source"],
        license=data["license"],
        translation=data["translation"],
        instructions=_text(data.get("instructions"), path, "instructions"),
        items=tuple(items),
        scales=tuple(scales),
        path=path,
    )


@cache
def load_instruments() -> dict[str, Instrument]:
    instruments = {}
    for path in sorted(INSTRUMENTS_DIR.glob("*.json")):
        instrument = parse_instrument(path)
        instruments[instrument.id] = instrument
    link_ids = [item.link_id for instrument in instruments.values() for item in instrument.items]
    if len(link_ids) != len(set(link_ids)):
        raise InstrumentError("linkIds must be unique across instruments")
    scale_ids = [scale.id for instrument in instruments.values() for scale in instrument.scales]
    if len(scale_ids) != len(set(scale_ids)):
        raise InstrumentError("scale ids must be unique across instruments")
    return instruments


def all_items() -> dict[str, Item]:
    return {item.link_id: item for instrument in load_instruments().values() for item in instrument.items}


def all_scales() -> dict[str, Scale]:
    return {scale.id: scale for instrument in load_instruments().values() for scale in instrument.scales}
