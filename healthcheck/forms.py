"""The quick and detailed tests as forms built from the instrument files.

Inputs are named after the items' linkIds (``who5-1``, ``phq9-9`` …) and carry the answer's weight.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _

from .questionnaires import Instrument, Item, all_items, load_instruments


def _ids(prefix: str, count: int) -> tuple[str, ...]:
    return tuple(f"{prefix}-{n}" for n in range(1, count + 1))


PREFERENCES = ("pref-district", "pref-delivery")
KFRAIL = _ids("kfrail", 5)
AGE_ITEM = "about-age"
AGE_65_PLUS = 1

TESTS: dict[str, tuple[str, ...]] = {
    # About 2 minutes: 16 short questions.
    "quick": (
        *_ids("who5", 5),
        "phq9-1",
        "phq9-2",
        "gad7-1",
        "gad7-2",
        *_ids("ucla3", 3),
        *_ids("activity", 2),
        *PREFERENCES,
    ),
    "detailed": (
        *_ids("phq9", 9),
        *_ids("gad7", 7),
        *_ids("lsns6", 6),
        *_ids("auditc", 3),
        *_ids("activity", 2),
        AGE_ITEM,
        *KFRAIL,
        "edu-1",
        "econ-1",
        "econ-2",
        *PREFERENCES,
    ),
}


@dataclass
class Section:
    instrument: Instrument
    fields: list


def test_items(kind: str) -> list[Item]:
    items = all_items()
    return [items[link_id] for link_id in TESTS[kind]]


def instrument_versions(kind: str) -> dict[str, str]:
    instruments = load_instruments()
    return {item.instrument_id: instruments[item.instrument_id].version for item in test_items(kind)}


class AssessmentForm(forms.Form):
    submission = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, kind: str, initial_answers: dict | None = None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        initial = {"submission": uuid.uuid4(), **(initial_answers or {})}
        super().__init__(*args, initial=initial, **kwargs)
        self.kind = kind
        self.items = test_items(kind)
        for item in self.items:
            self.fields[item.link_id] = forms.TypedChoiceField(
                label=item.label,
                choices=[(str(option.value), option.label) for option in item.options],
                coerce=int,
                widget=forms.RadioSelect,
                required=item.link_id not in KFRAIL,
                error_messages={
                    "required": _("‘%(question)s’ 질문에 답해 주세요.") % {"question": item.label},
                    # Django formats this message with %(value)s, so a literal % in the question is doubled.
                    "invalid_choice": _("‘%(question)s’ 질문의 보기 중에서 골라 주세요.")
                    % {"question": item.label.replace("%", "%%")},
                },
            )

    def clean(self):
        cleaned = super().clean()
        if self.kind == "detailed" and cleaned.get(AGE_ITEM) == AGE_65_PLUS:
            for link_id in KFRAIL:
                if cleaned.get(link_id) in (None, ""):
                    self.add_error(link_id, self.fields[link_id].error_messages["required"])
        return cleaned

    def answers(self) -> dict[str, int]:
        """Answers by linkId; K-FRAIL only for residents of 65 or older."""
        asks_frailty = self.cleaned_data.get(AGE_ITEM) == AGE_65_PLUS
        return {
            item.link_id: self.cleaned_data[item.link_id]
            for item in self.items
            if self.cleaned_data.get(item.link_id) not in (None, "")
            and (asks_frailty or item.link_id not in KFRAIL)
        }

    def sections(self) -> list[Section]:
        instruments = load_instruments()
        sections: list[Section] = []
        for number, item in enumerate(self.items, start=1):
            if not sections or sections[-1].instrument.id != item.instrument_id:
                sections.append(Section(instruments[item.instrument_id], []))
            bound = self[item.link_id]
            bound.number = number  # questions are numbered across sections
            sections[-1].fields.append(bound)
        return sections


def initial_for_user(user) -> dict:
    """Prefill the practical questions from the profile (district, age group)."""
    if not user.is_authenticated:
        return {}
    initial = {}
    district_codes = {option.code: option.value for option in all_items()["pref-district"].options}
    if user.district in district_codes:
        initial["pref-district"] = district_codes[user.district]
    if user.birth_year:
        initial[AGE_ITEM] = AGE_65_PLUS if timezone.localdate().year - user.birth_year >= 65 else 0
    return initial


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_("민감정보(건강 정보) 수집·이용에 동의합니다"),
        error_messages={
            "required": _("내 계정에 저장하려면 동의가 필요해요. 동의하지 않아도 결과는 볼 수 있어요.")
        },
    )
