"""The shared vocabulary of DESIGN.md §4."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HealthDomain(models.TextChoices):
    PHYSICAL = "physical", _("신체건강")
    MENTAL = "mental", _("마음건강")
    SOCIAL = "social", _("사회적 관계")
    EDUCATION = "education", _("교육")
    ECONOMIC = "economic", _("경제활동")


HEALTH_DOMAIN_DETAIL = {
    HealthDomain.PHYSICAL: _("보건·의료·운동"),
    HealthDomain.MENTAL: _("심리·정서"),
    HealthDomain.SOCIAL: _("이웃·모임·돌봄"),
    HealthDomain.EDUCATION: _("배움·디지털"),
    HealthDomain.ECONOMIC: _("일자리·살림"),
}


class District(models.TextChoices):
    DONG = "dong", _("동구")
    JUNG = "jung", _("중구")
    SEO = "seo", _("서구")
    YUSEONG = "yuseong", _("유성구")
    DAEDEOK = "daedeok", _("대덕구")


class Audience(models.TextChoices):
    """Who a service or a group is for; recommendations never show what a person's answers exclude."""

    ANYONE = "anyone", _("누구나")
    SENIORS = "seniors", _("어르신 (65세 이상)")
    PARENTS = "parents", _("부모·양육자")
    PREGNANT = "pregnant", _("임산부·산모")
    YOUTH = "youth", _("청년")
    DISABLED = "disabled", _("장애인")
    SINGLE_HOUSEHOLD = "single_household", _("1인 가구")


def audience_fits(audience: str, person: set[str]) -> bool:
    """Whether something meant for ``audience`` fits a person who told us ``person`` (their audiences).

    A service and a 건강반 each have one ``audience`` code (not a list of audiences). "누구나" fits everyone;
    any other audience fits only a person whose own answers put them in it — nothing is guessed, so the
    quick test without a 양육 중 answer never gets what is meant for parents."""
    return audience in ("", Audience.ANYONE) or audience in person
