"""The results in plain words: one short sentence of the needs found, shown first on the results page.

"요즘 외로움을 느끼고, 몸을 움직이는 시간이 적은 편이에요." Each need has a joining form (…하고) and an
ending form (…편이에요); the strongest needs are joined in order. A need the cooperative added later, with
no wording here, still reads well ("‘이름’에 도움이 필요해요").
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

# slug → (joining form, ending form)
PHRASES = {
    "loneliness": (gettext_lazy("외로움을 느끼고"), gettext_lazy("외로움을 느끼는 편이에요")),
    "exercise": (
        gettext_lazy("몸을 움직이는 시간이 적고"),
        gettext_lazy("몸을 움직이는 시간이 적은 편이에요"),
    ),
    "stress": (gettext_lazy("마음이 지쳐 있고"), gettext_lazy("마음이 지쳐 있는 편이에요")),
    "depression": (
        gettext_lazy("기분이 가라앉은 날이 많고"),
        gettext_lazy("기분이 가라앉은 날이 많은 편이에요"),
    ),
    "anxiety": (gettext_lazy("걱정과 긴장이 많고"), gettext_lazy("걱정과 긴장이 많은 편이에요")),
    "sleep": (gettext_lazy("잠을 푹 자지 못하고"), gettext_lazy("잠을 푹 자지 못하는 편이에요")),
    "nutrition": (
        gettext_lazy("요리와 영양을 배우고 싶어 하시고"),
        gettext_lazy("요리와 영양을 배우고 싶어 하세요"),
    ),
    "frailty": (gettext_lazy("몸의 힘이 줄어들고 있고"), gettext_lazy("몸의 힘이 줄어드는 편이에요")),
    "chronic-care": (
        gettext_lazy("생활 습관을 살펴보면 좋겠고"),
        gettext_lazy("생활 습관을 살펴보면 좋겠어요"),
    ),
    "care": (gettext_lazy("일상에 도움이 필요하고"), gettext_lazy("일상에 도움이 필요한 편이에요")),
    "learning": (
        gettext_lazy("취미나 문화 활동을 배우고 싶어 하시고"),
        gettext_lazy("취미나 문화 활동을 배우고 싶어 하세요"),
    ),
    "digital": (
        gettext_lazy("스마트폰 같은 기기를 배우고 싶어 하시고"),
        gettext_lazy("스마트폰 같은 기기를 배우고 싶어 하세요"),
    ),
    "jobs": (gettext_lazy("일자리를 찾고 계시고"), gettext_lazy("일자리를 찾고 계세요")),
    "finances": (gettext_lazy("생활비 걱정이 있고"), gettext_lazy("생활비 걱정이 있는 편이에요")),
}
IN_ONE_SENTENCE = 3


def _forms(need) -> tuple[str, str]:
    if need.slug in PHRASES:
        joining, ending = PHRASES[need.slug]
        return str(joining), str(ending)
    return (
        _("‘%(need)s’에 도움이 필요하고") % {"need": need.label},
        _("‘%(need)s’에 도움이 필요해요") % {"need": need.label},
    )


def needs_summary(needs) -> str:
    """One or two short sentences for the needs (strongest first); "" when none was found."""
    if not needs:
        return ""
    named = [match.need for match in needs[:IN_ONE_SENTENCE]]
    parts = [_forms(need)[0] for need in named[:-1]] + [_forms(named[-1])[1]]
    # The last two parts meet with their own joiner (English puts an "and" there; Korean does not).
    joined = pgettext("joins the last two parts of the results summary", ", ").join(
        [", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts
    )
    sentence = _("요즘 %(parts)s.") % {"parts": joined}
    rest = [match.need.label for match in needs[IN_ONE_SENTENCE:]]
    if rest:
        sentence += " " + _("%(needs)s도 함께 살펴보면 좋아요.") % {"needs": ", ".join(rest)}
    return sentence
