"""Recommendations fit the person: nothing their answers exclude (65+ gets no 육아 모임, the quick test
without situations no 산후 모임), counselling first after a reported thought of self-harm, and every need
a reason names is explained."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from catalog.models import Need
from healthcheck.selectors import COUNSELLING_NEED, person_audiences
from tests.factories import HealthGroupFactory, ProviderFactory, ServiceFactory, SlotFactory

from .conftest import LOW_AND_LONELY, detailed_answers, post_data

pytestmark = pytest.mark.django_db

EVERYONE = ("anyone", "")
AGED_65_PLUS = {"about-1": 3, **{f"kfrail-{n}": 0 for n in range(1, 6)}}  # the detailed test asks K-FRAIL


def counselling_need() -> Need:
    need, _created = Need.objects.get_or_create(
        slug=COUNSELLING_NEED, defaults={"name": "전문 상담", "domain": "mental"}
    )
    return need


@pytest.fixture
def offers():
    """For the same needs (외로움, 스트레스): a service and a 건강반 for everyone, for seniors, for parents,
    for pregnant women and new mothers; and two counselling services that match no flagged need."""
    needs = [Need.objects.get(slug="loneliness"), Need.objects.get(slug="stress")]
    provider = ProviderFactory(district="seo")
    soon = timezone.now() + dt.timedelta(days=3)
    made = {}
    for audience, title in [
        ("anyone", "이웃 사랑방 모임"),
        ("seniors", "어르신 말벗 교실"),
        ("parents", "육아 동아리 첫 모임 체험"),
        ("pregnant", "산후 우울 나눔 모임"),
    ]:
        service = ServiceFactory(
            title=title, provider=provider, domain="social", audience=audience, delivery="venue", price=5000
        )
        service.needs.add(*needs)
        SlotFactory(service=service, starts_at=soon)
        group = HealthGroupFactory(title=f"{title} (건강반)", provider=provider, audience=audience)
        group.needs.add(*needs)
        made[audience] = service
        made[f"{audience}-group"] = group
    counselling = counselling_need()
    for key, title, audience, price in [
        ("counselling", "개인 심리 상담 (50분)", "anyone", 60000),
        ("youth-counselling", "청년 마음 상담 첫 만남", "youth", 0),
    ]:
        service = ServiceFactory(
            title=title, provider=provider, domain="mental", audience=audience, price=price
        )
        service.needs.add(counselling)
        made[key] = service
    return made


def results_page(client, answers, kind="quick"):
    response = client.post(f"/healthcheck/{kind}/", post_data(answers))
    assert response.status_code == 302, response.content.decode()[:3000]
    return client.get(response.url)


def shown(response) -> list:
    context = response.context
    return [rec.service for rec in context["recommendations"]] + [
        rec.group for rec in context["group_recommendations"]
    ]


def test_the_answers_say_who_the_person_is_and_nothing_more():
    assert person_audiences({}) == set()
    assert person_audiences({"about-1": 3}) == {"seniors"}
    assert person_audiences({"about-1": 1}) == {"youth"}
    assert person_audiences({"about-1": 0}) == set() == person_audiences({"about-1": 2})
    assert person_audiences({"about-1": 2, "about-2": [1, 3]}) == {"parents", "single_household"}
    assert person_audiences({"about-1": 1, "about-2": [2, 4]}) == {"youth", "pregnant", "disabled"}
    assert person_audiences({"about-age": 1}) == {"seniors"}  # a result from before the age bands


def test_a_respondent_of_65_or_older_gets_nothing_meant_for_others(client, offers):
    response = results_page(client, {**LOW_AND_LONELY, "about-1": 3})
    items = shown(response)
    assert offers["anyone"] in items and offers["seniors"] in items and offers["seniors-group"] in items
    assert {item.audience for item in items} <= {*EVERYONE, "seniors"}
    html = response.content.decode()
    assert "육아 동아리 첫 모임 체험" not in html and "산후 우울 나눔 모임" not in html


@pytest.mark.parametrize("age", [0, 1, 2, 3])
def test_the_quick_test_without_situations_never_gets_parents_or_pregnant_only_items(client, offers, age):
    response = results_page(client, {**LOW_AND_LONELY, "about-1": age})
    items = shown(response)
    assert items and offers["anyone"] in items
    assert not {item.audience for item in items} & {"parents", "pregnant"}
    assert (offers["seniors"] in items) is (age == 3)


def test_a_parent_who_ticked_it_gets_the_parents_only_service(client, offers):
    response = results_page(client, {**LOW_AND_LONELY, "about-1": 2, "about-2": [1]})
    items = shown(response)
    assert offers["parents"] in items and offers["parents-group"] in items
    assert offers["pregnant"] not in items and offers["seniors"] not in items
    assert "육아 동아리 첫 모임 체험" in response.content.decode()


def test_a_new_mother_gets_the_postpartum_group(client, offers):
    items = shown(results_page(client, {**LOW_AND_LONELY, "about-1": 1, "about-2": [2]}))
    assert offers["pregnant"] in items and offers["parents"] not in items


def test_a_reported_thought_of_self_harm_puts_counselling_first(client, offers):
    # Otherwise calm answers: no flagged need at all, and still counselling comes first.
    response = results_page(client, detailed_answers(**{"phq9-9": 1, **AGED_65_PLUS}), kind="detailed")
    recommendations = response.context["recommendations"]
    first = recommendations[0]
    assert first.service == offers["counselling"] and first.counselling_first
    assert "전문 상담을 먼저 권해요" in first.reasons[0].text
    # The person's audience still applies: the 청년 counselling is not for a 65+ resident.
    assert offers["youth-counselling"] not in [rec.service for rec in recommendations]
    html = response.content.decode()
    assert html.index('class="crisis"') < html.index("개인 심리 상담 (50분)")
    first_card = html[html.index('class="recommendation counselling-first"') :]
    assert first_card.index("개인 심리 상담 (50분)") < first_card.index("전문 상담을 먼저 권해요")


def test_a_young_resident_in_crisis_gets_both_counselling_services_first(client, offers):
    response = results_page(client, detailed_answers(**{"phq9-9": 2, "about-1": 1}), kind="detailed")
    firsts = [rec.service for rec in response.context["recommendations"][:2]]
    assert set(firsts) == {offers["counselling"], offers["youth-counselling"]}


def test_without_the_self_harm_answer_counselling_is_not_pushed_first(client, offers):
    response = results_page(client, {**LOW_AND_LONELY, "about-1": 1})
    recommendations = response.context["recommendations"]
    assert not any(rec.counselling_first for rec in recommendations)
    assert offers["counselling"] not in [rec.service for rec in recommendations]


def test_every_reason_names_each_need_with_its_own_explanation(client, offers):
    response = results_page(client, {**LOW_AND_LONELY, "about-1": 3})
    recommendations = [*response.context["recommendations"], *response.context["group_recommendations"]]
    assert recommendations
    for rec in recommendations:
        assert len(rec.needs) == 2  # 외로움 and 스트레스: each one explained, not one sentence for both
        named = [reason.need for reason in rec.reasons if reason.need]
        assert named == [need.label for need in rec.needs]
        assert all(reason.text for reason in rec.reasons)
        assert len({reason.text for reason in rec.reasons}) == len(rec.reasons)
    html = response.content.decode()
    reasons = re.findall(r'<ul class="why-list">(.*?)</ul>', html, flags=re.S)
    assert len(reasons) == len(recommendations)
    for block in reasons:
        assert re.search(r"<strong>외로움</strong>: 함께할 사람이 없다고", block)
        assert re.search(r"<strong>스트레스</strong>: 최근 2주 동안 즐겁고 편안한 날이 적었다고", block)


def test_the_results_lead_with_plain_words_and_keep_the_scores_in_a_closed_details(client, offers):
    html = results_page(client, {**LOW_AND_LONELY, "about-1": 3}).content.decode()
    lead = re.search(r'<p class="results-lead">(.*?)</p>', html, flags=re.S).group(1)
    assert lead.startswith("요즘 ") and "외로움" in lead
    details = html.index('<details class="results-details"')
    assert '<details class="results-details" id="result-details">' in html  # closed: no "open"
    assert html.index("추천하는 우리 동네 서비스") < details
    assert html.index("척도별 점수") > details and html.index("영역별로 보면") > details


def test_results_page_query_budget_with_audiences_and_crisis(
    client, django_assert_max_num_queries, recommendation_catalog, offers
):
    response = client.post(
        "/healthcheck/detailed/", post_data(detailed_answers(**{"phq9-9": 1, **AGED_65_PLUS}))
    )
    url = response.url
    with django_assert_max_num_queries(15):  # one ranking query more than without the crisis
        response = client.get(url)
    assert response.context["recommendations"][0].counselling_first
    with django_assert_max_num_queries(10):  # the rankings are cached now
        assert client.get(url).status_code == 200
