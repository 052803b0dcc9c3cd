"""The quick and detailed tests as forms built from the instrument files, asked one topic at a time.

Inputs are named after the items' linkIds (``who5-1``, ``phq9-9`` …) and carry the answer's weight. A test
is a list of topics: a plain-word title (요즘 기분, 몸 움직이기 …), a short intro and the linkIds it holds.
Several instruments may share a topic; an instrument is never split across two. The order of the topics is
only the order of the questions on the screen: scores depend on linkIds, never on where a question stands.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from itertools import groupby

from django import forms
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .questionnaires import Instrument, Item, all_items, load_instruments


def _ids(prefix: str, count: int) -> tuple[str, ...]:
    return tuple(f"{prefix}-{n}" for n in range(1, count + 1))


PREFERENCES = ("pref-district", "pref-delivery")
KFRAIL = _ids("kfrail", 5)
# "나이가 어떻게 되세요?" in both tests: 19세 미만 / 19~39세 / 40~64세 / 65세 이상 (about.json).
AGE_ITEM = "about-1"
AGE_65_PLUS = 3
SITUATIONS_ITEM = "about-2"
ABOUT = (AGE_ITEM, SITUATIONS_ITEM)


@dataclass(frozen=True)
class Topic:
    slug: str
    title: Promise
    intro: Promise
    link_ids: tuple[str, ...]
    # Asked only of residents of 65 or older (K-FRAIL): the step script skips it for younger residents,
    # the server ignores its answers for them and requires them from 65.
    only_65_plus: bool = False


ABOUT_YOU = Topic(
    "about",
    gettext_lazy("나에 대해"),
    gettext_lazy("나에게 맞는 서비스만 골라 드리려고 여쭤봐요."),
    ABOUT,
)
HOW = Topic(
    "how",
    gettext_lazy("이용 방법"),
    gettext_lazy("서비스를 어디서, 어떻게 이용하고 싶으신지 알려 주세요."),
    PREFERENCES,
)
MOVING = Topic(
    "moving",
    gettext_lazy("몸 움직이기"),
    gettext_lazy("요즘 한 주 동안 몸을 얼마나 움직이시는지 여쭤봐요."),
    _ids("activity", 2),
)
WORRY_INTRO = gettext_lazy("걱정이나 초조함을 얼마나 자주 느꼈는지 여쭤봐요.")
HEART_INTRO = gettext_lazy("기분이 가라앉거나 지친 날이 얼마나 있었는지 여쭤봐요.")

TOPICS: dict[str, tuple[Topic, ...]] = {
    # About 2 minutes: 16 short health questions, plus the age band and (if any) the situations.
    "quick": (
        ABOUT_YOU,
        Topic(
            "mood",
            gettext_lazy("요즘 기분"),
            gettext_lazy("요즘 하루하루 기분이 어땠는지 여쭤봐요."),
            _ids("who5", 5),
        ),
        Topic("heart", gettext_lazy("마음의 여유"), HEART_INTRO, ("phq9-1", "phq9-2")),
        Topic("worry", gettext_lazy("걱정과 긴장"), WORRY_INTRO, ("gad7-1", "gad7-2")),
        Topic(
            "people",
            gettext_lazy("사람들과의 관계"),
            gettext_lazy("곁에 함께하는 사람이 있다고 느끼시는지 여쭤봐요."),
            _ids("ucla3", 3),
        ),
        MOVING,
        HOW,
    ),
    # Gentle first (about you, moving, people), the mood questions (PHQ-9, GAD-7) later.
    "detailed": (
        ABOUT_YOU,
        MOVING,
        Topic(
            "strength",
            gettext_lazy("몸의 힘"),
            gettext_lazy("65세 이상이신 분께만 여쭤보는 질문이에요."),
            KFRAIL,
            only_65_plus=True,
        ),
        Topic(
            "people",
            gettext_lazy("사람들과의 관계"),
            gettext_lazy("가족, 친척, 친구와 얼마나 가깝게 지내시는지 여쭤봐요."),
            _ids("lsns6", 6),
        ),
        Topic(
            "drinking",
            gettext_lazy("술 마시기"),
            gettext_lazy("술을 얼마나 자주, 얼마나 드시는지 여쭤봐요."),
            _ids("auditc", 3),
        ),
        Topic(
            "learning-work",
            gettext_lazy("배움과 일"),
            gettext_lazy("배우고 싶은 것과 일, 생활비 걱정을 여쭤봐요."),
            ("edu-1", "econ-1", "econ-2"),
        ),
        Topic("heart", gettext_lazy("마음의 여유"), HEART_INTRO, _ids("phq9", 9)),
        Topic("worry", gettext_lazy("걱정과 긴장"), WORRY_INTRO, _ids("gad7", 7)),
        HOW,
    ),
}

TESTS: dict[str, tuple[str, ...]] = {
    kind: tuple(link_id for topic in topics for link_id in topic.link_ids) for kind, topics in TOPICS.items()
}


def test_items(kind: str) -> list[Item]:
    items = all_items()
    return [items[link_id] for link_id in TESTS[kind]]


def instrument_versions(kind: str) -> dict[str, str]:
    instruments = load_instruments()
    return {item.instrument_id: instruments[item.instrument_id].version for item in test_items(kind)}


@dataclass
class Block:
    """A run of one instrument's questions inside a step, under that instrument's own instructions."""

    instrument: Instrument
    fields: list


@dataclass
class Step:
    topic: Topic
    number: int
    total: int
    blocks: list[Block] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(bound.errors for block in self.blocks for bound in block.fields)


class AssessmentForm(forms.Form):
    submission = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, kind: str, initial_answers: dict | None = None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        initial = {"submission": uuid.uuid4(), **(initial_answers or {})}
        super().__init__(*args, initial=initial, **kwargs)
        self.kind = kind
        self.items = test_items(kind)
        for item in self.items:
            messages = {
                "required": _("‘%(question)s’ 질문에 답해 주세요.") % {"question": item.label},
                # Django formats this message with %(value)s, so a literal % in the question is doubled.
                "invalid_choice": _("‘%(question)s’ 질문의 보기 중에서 골라 주세요.")
                % {"question": item.label.replace("%", "%%")},
            }
            choices = [(str(option.value), option.label) for option in item.options]
            required = item.required and item.link_id not in KFRAIL
            if item.repeats:
                messages["invalid_list"] = messages["invalid_choice"]
                self.fields[item.link_id] = forms.TypedMultipleChoiceField(
                    label=item.label,
                    choices=choices,
                    coerce=int,
                    widget=forms.CheckboxSelectMultiple,
                    required=required,
                    error_messages=messages,
                )
            else:
                self.fields[item.link_id] = forms.TypedChoiceField(
                    label=item.label,
                    choices=choices,
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=required,
                    error_messages=messages,
                )

    @property
    def asks_frailty(self) -> bool:
        return KFRAIL[0] in self.fields and self.cleaned_data.get(AGE_ITEM) == AGE_65_PLUS

    def clean(self):
        cleaned = super().clean()
        if self.asks_frailty:
            for link_id in KFRAIL:
                if cleaned.get(link_id) in (None, ""):
                    self.add_error(link_id, self.fields[link_id].error_messages["required"])
        return cleaned

    def answers(self) -> dict[str, int | list[int]]:
        """Answers by linkId (a sorted list for a several-answer item, left out when nothing was ticked);
        K-FRAIL only for residents of 65 or older."""
        answers: dict[str, int | list[int]] = {}
        for item in self.items:
            value = self.cleaned_data.get(item.link_id)
            if value in (None, "", []) or (item.link_id in KFRAIL and not self.asks_frailty):
                continue
            answers[item.link_id] = sorted(set(value)) if item.repeats else value
        return answers

    def steps(self) -> list[Step]:
        """One step per topic, questions numbered across the whole test."""
        instruments = load_instruments()
        topics = TOPICS[self.kind]
        steps, number = [], 0
        for position, topic in enumerate(topics, start=1):
            step = Step(topic, position, len(topics))
            items = [all_items()[link_id] for link_id in topic.link_ids]
            for instrument_id, run in groupby(items, key=lambda item: item.instrument_id):
                block = Block(instruments[instrument_id], [])
                for item in run:
                    number += 1
                    bound = self[item.link_id]
                    bound.number = number
                    bound.repeats = item.repeats
                    # K-FRAIL is required once its step is shown (65+); the step script checks that too.
                    bound.required_here = bound.field.required or topic.only_65_plus
                    block.fields.append(bound)
                step.blocks.append(block)
            steps.append(step)
        return steps


def instrument_topics(kind: str) -> list[tuple[str, list[Instrument]]]:
    """For "이 테스트에 대해": each topic's plain title and the instruments its questions come from."""
    instruments = load_instruments()
    items = all_items()
    rows = []
    for topic in TOPICS[kind]:
        ids = dict.fromkeys(items[link_id].instrument_id for link_id in topic.link_ids)
        rows.append((str(topic.title), [instruments[i] for i in ids]))
    return rows


def age_band(birth_year: int, *, today=None) -> int:
    """The answer value of the age question for someone born in ``birth_year`` (age this year)."""
    age = (today or timezone.localdate()).year - birth_year
    if age < 19:
        return 0
    if age < 40:
        return 1
    if age < 65:
        return 2
    return AGE_65_PLUS


def initial_for_user(user) -> dict:
    """Prefill the practical questions from the profile (district, age band)."""
    if not user.is_authenticated:
        return {}
    initial = {}
    district_codes = {option.code: option.value for option in all_items()["pref-district"].options}
    if user.district in district_codes:
        initial["pref-district"] = district_codes[user.district]
    if user.birth_year:
        initial[AGE_ITEM] = age_band(user.birth_year)
    return initial


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_("민감정보(건강 정보) 수집·이용에 동의합니다"),
        error_messages={
            "required": _("내 계정에 저장하려면 동의가 필요해요. 동의하지 않아도 결과는 볼 수 있어요.")
        },
    )
