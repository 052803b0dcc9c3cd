import datetime as dt

import pytest
from django.utils import timezone

from catalog.models import Need
from healthcheck.scoring import score_answers
from healthcheck.selectors import Preferences, needs_for_results, preferences_for, recommend_services
from tests.factories import ProviderFactory, ServiceFactory, SlotFactory

from .conftest import LOW_AND_LONELY, WELL

pytestmark = pytest.mark.django_db


def results_of(answers):
    return {k: v.as_dict() for k, v in score_answers(answers).items()}


@pytest.fixture
def market():
    needs = {n.slug: n for n in Need.objects.all()}
    seo, dong = ProviderFactory(district="seo"), ProviderFactory(district="dong")

    def service(title, need, domain, provider=seo, delivery="venue", price=10000, slot=True):
        s = ServiceFactory(title=title, provider=provider, domain=domain, delivery=delivery, price=price)
        s.needs.add(needs[need])
        if slot:
            SlotFactory(service=s, starts_at=timezone.now() + dt.timedelta(days=3))
        return s

    return {
        "walk": service("걷기 모임", "exercise", "physical"),
        "counsel": service("마음 상담", "stress", "mental"),
        "circle": service("이웃 모임", "loneliness", "social"),
        "circle_dong": service("동구 이웃 모임", "loneliness", "social", provider=dong),
        "visit": service("방문 말벗", "loneliness", "social", delivery="home_visit", price=30000),
        "full": service("자리 없는 모임", "loneliness", "social", slot=False, price=0),
        "digital": service("스마트폰 교실", "digital", "education"),
    }


def titles(recommendations):
    return [r.service.title for r in recommendations]


def test_low_wellbeing_and_loneliness_rank_mental_and_social_services_first(market):
    results = results_of(LOW_AND_LONELY)
    needs = needs_for_results(results)
    assert [m.need.slug for m in needs][:2] == ["loneliness", "stress"]
    recs = recommend_services(needs=needs, preferences=Preferences())
    assert {r.service.domain for r in recs[:4]} <= {"mental", "social"}
    assert "스마트폰 교실" not in titles(recs)
    # each card says why
    circle = next(r for r in recs if r.service.title == "이웃 모임")
    assert [n.slug for n in circle.needs] == ["loneliness"]
    assert circle.reasons[0].need == "외로움" and "함께할 사람이 없다고" in circle.reasons[0].text


def test_available_services_come_before_full_ones(market):
    needs = needs_for_results(results_of(LOW_AND_LONELY))
    order = titles(recommend_services(needs=needs, preferences=Preferences(), limit=10))
    assert order.index("자리 없는 모임") > order.index("이웃 모임")


def test_district_preference_changes_the_order(market):
    needs = needs_for_results(results_of(LOW_AND_LONELY))
    in_seo = titles(recommend_services(needs=needs, preferences=Preferences(district="seo"), limit=10))
    in_dong = titles(recommend_services(needs=needs, preferences=Preferences(district="dong"), limit=10))
    assert in_seo.index("이웃 모임") < in_seo.index("동구 이웃 모임")
    assert in_dong.index("동구 이웃 모임") < in_dong.index("이웃 모임")


def test_home_visit_preference_puts_home_visits_first(market):
    needs = needs_for_results(results_of(LOW_AND_LONELY))
    plain = titles(recommend_services(needs=needs, preferences=Preferences(), limit=10))
    home = titles(recommend_services(needs=needs, preferences=Preferences(delivery="home_visit"), limit=10))
    assert plain.index("방문 말벗") > plain.index("이웃 모임")  # dearer, so later without a preference
    assert home.index("방문 말벗") < home.index("이웃 모임")


def test_frail_residents_get_home_visits_first_whatever_they_said():
    prefs = preferences_for({"pref-delivery": 2}, {"kfrail": {"band": "frail"}})
    assert prefs.delivery == "home_visit"
    prefs = preferences_for({"pref-delivery": 3, "pref-district": 3}, {})
    assert (prefs.delivery, prefs.district) == ("online", "seo")


def test_order_is_deterministic(market):
    needs = needs_for_results(results_of(LOW_AND_LONELY))
    runs = {
        tuple(titles(recommend_services(needs=needs, preferences=Preferences(), limit=10))) for _ in range(3)
    }
    assert len(runs) == 1


def test_nothing_flagged_means_no_recommendations(market):
    assert needs_for_results(results_of(WELL)) == []
    assert recommend_services(needs=[], preferences=Preferences()) == []


def test_inactive_rules_are_ignored(market):
    from healthcheck.models import NeedRule

    NeedRule.objects.filter(scale="ucla3").update(is_active=False)
    needs = needs_for_results(results_of(LOW_AND_LONELY))
    assert "loneliness" not in [m.need.slug for m in needs]


def test_default_rules_point_to_real_bands():
    from healthcheck.models import NeedRule

    rules = list(NeedRule.objects.all())
    assert len(rules) >= 20
    for rule in rules:
        rule.full_clean()


def test_lonely_residents_are_recommended_groups_that_fit_them_with_the_reason():
    from groups.models import HealthGroup
    from healthcheck.selectors import recommend_groups
    from tests.factories import HealthGroupFactory

    lonely = Need.objects.get(slug="loneliness")
    near = HealthGroupFactory(title="마실벗 이웃 찻집 모임", district="seo", audience="anyone")
    seniors = HealthGroupFactory(title="어르신 말벗 모임", district="dong", audience="seniors")
    closed = HealthGroupFactory(title="모집 끝난 모임", status=HealthGroup.Status.CLOSED)
    for group in (near, seniors, closed):
        group.needs.add(lonely)
    needs = needs_for_results(results_of(LOW_AND_LONELY))
    young = recommend_groups(needs=needs, preferences=preferences_for({"about-1": 2, "pref-district": 3}, {}))
    assert [r.group.title for r in young] == ["마실벗 이웃 찻집 모임"]  # 40~64: no seniors' group
    assert young[0].in_district and "외로움" in [n.name for n in young[0].needs] and young[0].reasons
    older = recommend_groups(needs=needs, preferences=preferences_for({"about-1": 3, "pref-district": 1}, {}))
    assert [r.group.title for r in older] == ["어르신 말벗 모임", "마실벗 이웃 찻집 모임"]
    # A result from before the age bands (about-age: 1 = 65 or older) still counts as 65+.
    legacy = recommend_groups(needs=needs, preferences=preferences_for({"about-age": 1}, {}))
    assert "어르신 말벗 모임" in [r.group.title for r in legacy]
