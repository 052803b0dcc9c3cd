"""The tests as topics in plain words, one step each; the age band and situations; the page without
JavaScript (every topic on one page, one form that posts as before)."""

import re

import pytest
from django.utils import timezone

from healthcheck.forms import AGE_65_PLUS, TESTS, TOPICS, age_band, initial_for_user
from healthcheck.models import Assessment
from healthcheck.questionnaires import all_items, load_instruments
from tests.factories import UserFactory

from .conftest import WELL, post_data

pytestmark = pytest.mark.django_db

INSTRUMENT_NAMES = re.compile(r"WHO|PHQ|GAD|UCLA|LSNS|FRAIL|AUDIT|\(")


@pytest.mark.parametrize("kind", ["quick", "detailed"])
def test_topics_hold_every_question_once_in_plain_words(kind):
    topics = TOPICS[kind]
    link_ids = [link_id for topic in topics for link_id in topic.link_ids]
    assert len(link_ids) == len(set(link_ids)) == len(TESTS[kind])
    items = all_items()
    for topic in topics:
        assert not INSTRUMENT_NAMES.search(str(topic.title)), topic.title
        assert str(topic.intro)
    # A validated instrument is never split over two topics (platform.json's unrelated practical
    # questions — learning, money, where and how — may sit in the topics they belong to).
    instruments = load_instruments()
    where = {}
    for topic in topics:
        for instrument_id in {items[link_id].instrument_id for link_id in topic.link_ids}:
            if instruments[instrument_id].standardized:
                assert where.setdefault(instrument_id, topic.slug) == topic.slug, instrument_id
    assert topics[0].link_ids == ("about-1", "about-2")  # the age band in both tests, first


def test_the_detailed_test_starts_gently_and_asks_about_mood_later():
    slugs = [topic.slug for topic in TOPICS["detailed"]]
    assert slugs[:2] == ["about", "moving"]
    phq9 = next(i for i, topic in enumerate(TOPICS["detailed"]) if "phq9-1" in topic.link_ids)
    assert phq9 > slugs.index("people") and phq9 > slugs.index("drinking")


def test_the_quick_page_without_javascript_shows_every_step_and_one_submit(client):
    html = client.get("/healthcheck/quick/").content.decode()
    total = len(TOPICS["quick"])
    for number, topic in enumerate(TOPICS["quick"], start=1):
        assert f'id="step-{topic.slug}"' in html
        assert str(topic.title) in html
        assert f"<span data-step-number>{number}</span> / <span data-step-total>{total}</span>" in html
    assert html.count('type="submit"') >= 1 and "결과 보기" in html
    # 다음 / 이전 are for the step script only: hidden until it runs.
    assert re.search(r"<button[^>]*data-step-next hidden>다음</button>", html)
    assert re.search(r"<button[^>]*data-step-prev hidden>이전</button>", html)
    assert 'src="/static/js/healthcheck-steps.js"' in html and "healthcheck.css" in html
    assert html.count('<form method="post" action="" class="assessment-form"') == 1
    # The instrument names are kept for whoever wants them, out of the titles.
    about = html[html.index('<details class="about-test">') :]
    assert "WHO-5" in about and "PHQ" in about
    assert 'name="about-1"' in html and 'type="checkbox" name="about-2"' in html
    assert "65세 이상" in html and "아이를 키우고 있어요" in html


def test_the_start_page_keeps_the_instrument_names_in_a_details(client):
    html = client.get("/healthcheck/").content.decode()
    about = html[html.index('<details class="about-test">') :]
    for name in ("WHO-5", "PHQ-9", "GAD-7", "K-FRAIL", "AUDIT-C"):
        assert name in about


def test_situations_are_optional_and_stored_as_the_values_ticked(client):
    response = client.post("/healthcheck/quick/", post_data({**WELL, "about-2": [3, 1]}))
    assert response.status_code == 302
    assert Assessment.objects.get().answers["about-2"] == [1, 3]
    Assessment.objects.all().delete()
    assert (
        client.post(
            "/healthcheck/quick/", post_data(WELL, "7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4c")
        ).status_code
        == 302
    )
    assert "about-2" not in Assessment.objects.get().answers


@pytest.mark.parametrize(
    "change,expected",
    [
        ({"about-2": ["9"]}, "보기 중에서 골라 주세요"),
        ({"about-2": ["1", "x"]}, "보기 중에서 골라 주세요"),
        ({"about-1": "7"}, "보기 중에서 골라 주세요"),
        ({"about-1": None}, "‘나이가 어떻게 되세요?’ 질문에 답해 주세요."),
    ],
)
def test_bad_about_answers_get_a_korean_message_and_store_nothing(client, change, expected):
    data = post_data(WELL)
    for key, value in change.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    response = client.post("/healthcheck/quick/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert expected in html
    assert re.search(r'<section class="card question-section step step-has-error" id="step-about"', html)
    assert not Assessment.objects.exists()


def test_scores_do_not_depend_on_the_about_questions(client):
    client.post("/healthcheck/quick/", post_data({**WELL, "about-1": 3, "about-2": [1, 2, 3, 4]}))
    first = Assessment.objects.get()
    Assessment.objects.all().delete()
    client.post(
        "/healthcheck/quick/", post_data({**WELL, "about-1": 0}, "7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4d")
    )
    assert Assessment.objects.get().results == first.results


@pytest.mark.parametrize("age,band", [(10, 0), (19, 1), (39, 1), (40, 2), (64, 2), (65, 3), (75, 3)])
def test_age_band_from_the_birth_year(age, band):
    year = timezone.localdate().year
    assert age_band(year - age) == band


def test_the_age_band_is_prefilled_from_the_profile(client):
    user = UserFactory(birth_year=timezone.localdate().year - 75)
    assert initial_for_user(user)["about-1"] == AGE_65_PLUS
    client.force_login(user)
    html = client.get("/healthcheck/detailed/").content.decode()
    assert re.search(r'<input type="radio" name="about-1" value="3"[^>]*checked', html)


def test_about_options_are_audience_codes():
    from majubom.choices import Audience

    about = load_instruments()["about"]
    codes = {option.code for item in about.items for option in item.options} - {""}
    assert codes <= set(Audience.values)
    assert {"seniors", "youth", "parents", "pregnant", "single_household", "disabled"} == codes
    assert about.scales == () and about.standardized is False
    situations = all_items()["about-2"]
    assert situations.repeats and not situations.required


@pytest.mark.parametrize("url", ["/healthcheck/", "/healthcheck/quick/", "/healthcheck/detailed/"])
def test_the_start_and_form_pages_cost_a_fixed_few_queries(client, django_assert_max_num_queries, url):
    client.force_login(UserFactory(birth_year=1950))
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200
