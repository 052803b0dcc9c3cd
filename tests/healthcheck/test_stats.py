"""Recommendation counting: shown once per result and browser session, opened through
``/healthcheck/go/<kind>/<id>/?r=<token>`` (counted once, only for whoever may see the result), and the
redirect that never goes anywhere but the item's own page."""

import datetime as dt
import re
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.models import Need
from healthcheck import stats
from healthcheck.models import Assessment, RecommendationStat
from healthcheck.selectors import FairRecommendation, NeedMatch
from tests.factories import (
    FairFactory,
    HealthGroupFactory,
    ProgramFactory,
    ProviderFactory,
    ServiceFactory,
    SlotFactory,
    UserFactory,
)

from .conftest import LOW_AND_LONELY, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers():
    """Two services and a 건강반 for loneliness (the strongest need of LOW_AND_LONELY), one service for
    stress, a draft that is never recommended."""
    lonely, stress = Need.objects.get(slug="loneliness"), Need.objects.get(slug="stress")
    provider = ProviderFactory(district="seo")

    def service(title, need, **kwargs):
        s = ServiceFactory(title=title, provider=provider, domain="social", **kwargs)
        s.needs.add(need)
        SlotFactory(service=s)
        return s

    group = HealthGroupFactory(title="마실벗 찻집 모임", provider=provider, audience="anyone")
    group.needs.add(lonely)
    return {
        "lonely": lonely,
        "stress": stress,
        "circle": service("이웃 모임", lonely),
        "visit": service("방문 말벗", lonely, price=20000),
        "counsel": service("마음 상담", stress),
        "draft": service("준비 중인 모임", lonely, status="draft"),
        "group": group,
    }


def take_test(client, answers=LOW_AND_LONELY, **kwargs) -> tuple[str, str]:
    response = client.post("/healthcheck/quick/", post_data(answers, **kwargs))
    assert response.status_code == 302
    return response.url, response.url.rstrip("/").split("/")[-1]


def shown(kind, obj) -> int:
    return sum(RecommendationStat.objects.filter(kind=kind, object_id=obj.pk).values_list("shown", flat=True))


def opened(kind, obj) -> int:
    return sum(
        RecommendationStat.objects.filter(kind=kind, object_id=obj.pk).values_list("opened", flat=True)
    )


def seoul_today():
    return timezone.localdate(timezone=stats.SEOUL)


# --- shown -----------------------------------------------------------------------------------------------


def test_each_recommendation_shown_is_counted_once_per_result_and_session(client, offers):
    url, _token = take_test(client)
    page = client.get(url)
    assert page.status_code == 200
    recommended = [rec.service for rec in page.context["recommendations"]]
    assert offers["circle"] in recommended and offers["draft"] not in recommended
    assert shown("service", offers["circle"]) == 1 and shown("group", offers["group"]) == 1
    row = RecommendationStat.objects.get(kind="service", object_id=offers["circle"].pk)
    assert (
        row.day == seoul_today() and row.need == offers["lonely"] and row.district == "" and row.opened == 0
    )
    counsel = RecommendationStat.objects.get(kind="service", object_id=offers["counsel"].pk)
    assert counsel.need == offers["stress"]  # the first need it cites
    rows = RecommendationStat.objects.count()

    for _ in range(3):  # reloads do not inflate
        assert client.get(url).status_code == 200
    assert shown("service", offers["circle"]) == 1 and RecommendationStat.objects.count() == rows

    # Another resident (another session, same needs, same 구) adds to the same rows.
    other = Client()
    other_url, _ = take_test(other, submission="7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3b99")
    other.get(other_url)
    assert shown("service", offers["circle"]) == 2 and RecommendationStat.objects.count() == rows
    assert RecommendationStat.objects.get(kind="service", object_id=offers["circle"].pk).shown == 2


def test_the_district_asked_for_is_kept_and_nothing_about_the_person(client, offers):
    url, _ = take_test(client, {**LOW_AND_LONELY, "pref-district": 2})  # 중구
    client.get(url)
    row = RecommendationStat.objects.get(kind="service", object_id=offers["circle"].pk)
    assert row.district == "jung"
    fields = {f.name for f in RecommendationStat._meta.get_fields()}
    assert fields == {"id", "day", "kind", "object_id", "need", "district", "shown", "opened"}


def test_a_result_saved_to_the_account_counts_again_in_another_browser_but_once_there(client, offers):
    user = UserFactory()
    client.force_login(user)
    url, token = take_test(client)
    client.get(url)
    client.post(f"/healthcheck/results/{token}/save/", {"consent": "on"})
    elsewhere = Client()
    elsewhere.force_login(user)
    elsewhere.get(url)
    elsewhere.get(url)
    assert shown("service", offers["circle"]) == 2


def test_counting_costs_two_queries_and_a_reload_none(client, offers):
    url, _ = take_test(client)
    client.get(url)  # warms the rankings and makes today's rows
    other = Client()
    other_url, _ = take_test(other, submission="7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3b98")
    with CaptureQueriesContext(connection) as first:
        other.get(other_url)
    with CaptureQueriesContext(connection) as reload:
        other.get(other_url)
    assert len(first) == len(reload) + 2  # find today's rows, add one to them
    assert not any(q["sql"].startswith(("INSERT", "UPDATE")) for q in reload.captured_queries)


def test_a_counting_failure_never_breaks_the_page(client, offers):
    url, _ = take_test(client)
    with mock.patch.object(stats, "_bump", side_effect=RuntimeError("database went away")):
        assert client.get(url).status_code == 200
    assert not RecommendationStat.objects.exists()


def test_fair_programs_are_counted_when_the_ranking_carries_their_ids(offers):
    program = ProgramFactory(title="이웃과 차 한 잔")
    program.needs.add(offers["lonely"])
    needs = [NeedMatch(offers["lonely"], 9), NeedMatch(offers["stress"], 3)]
    fair = FairRecommendation(
        fair={},
        programs=[
            {"id": program.pk, "title": program.title, "needs": ["외로움"]},
            {"title": "옛 캐시의 줄", "needs": ["외로움"]},  # no id: skipped
        ],
    )
    items = stats.shown_items(needs=needs, fair=fair)
    assert items == [stats.Shown("program", program.pk, offers["lonely"].pk)]


def test_programs_on_the_results_page_link_through_go_and_count(client, offers):
    program = ProgramFactory(title="이웃과 차 한 잔")
    program.needs.add(offers["lonely"])
    fair = FairRecommendation(
        fair={
            "title": "건강상점",
            "url": "/fairs/x/",
            "starts_at": timezone.now(),
            "ends_at": timezone.now(),
            "venue": "로비",
        },
        programs=[
            {
                "id": program.pk,
                "title": program.title,
                "starts_at": program.starts_at,
                "booth": "부스",
                "seats_left": 3,
                "needs": [offers["lonely"].name],
                "reason": "",
            }
        ],
    )
    url, token = take_test(client)
    with mock.patch("healthcheck.selectors.recommend_fair_programs", return_value=fair):
        html = client.get(url).content.decode()
    assert f'href="/healthcheck/go/program/{program.pk}/?r={token}"' in html
    assert shown("program", program) == 1
    response = client.get(f"/healthcheck/go/program/{program.pk}/?r={token}")
    assert response.status_code == 302 and response.url == program.booth.fair.get_absolute_url()
    assert opened("program", program) == 1


# --- opened ----------------------------------------------------------------------------------------------


def test_results_page_links_go_through_the_counter(client, offers):
    url, token = take_test(client)
    html = client.get(url).content.decode()
    assert f'href="/healthcheck/go/service/{offers["circle"].pk}/?r={token}"' in html
    assert f'href="/healthcheck/go/group/{offers["group"].pk}/?r={token}"' in html


def test_opening_counts_once_and_notes_the_first_open_once(client, offers):
    url, token = take_test(client)
    client.get(url)
    circle, visit = offers["circle"], offers["visit"]
    first = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=first):
        response = client.get(f"/healthcheck/go/service/{circle.pk}/?r={token}")
    assert response.status_code == 302 and response.url == circle.get_absolute_url()
    row = RecommendationStat.objects.get(kind="service", object_id=circle.pk)
    assert (row.shown, row.opened, row.need, row.district) == (1, 1, offers["lonely"], "")
    assessment = Assessment.objects.get(token=token)
    assert assessment.recommendation_opened_at == first

    client.get(f"/healthcheck/go/service/{circle.pk}/?r={token}")  # the same link again
    with mock.patch("django.utils.timezone.now", return_value=first + dt.timedelta(hours=1)):
        client.get(f"/healthcheck/go/service/{visit.pk}/?r={token}")
    assert opened("service", circle) == 1 and opened("service", visit) == 1
    assessment.refresh_from_db()
    assert assessment.recommendation_opened_at == first  # only the first time

    response = client.get(f"/healthcheck/go/group/{offers['group'].pk}/?r={token}")
    assert response.url == offers["group"].get_absolute_url() and opened("group", offers["group"]) == 1


def test_opened_on_a_later_day_makes_that_days_row(client, offers):
    url, token = take_test(client)
    client.get(url)
    tomorrow = seoul_today() + dt.timedelta(days=1)
    with mock.patch.object(stats, "today", return_value=tomorrow):
        client.get(f"/healthcheck/go/service/{offers['circle'].pk}/?r={token}")
    row = RecommendationStat.objects.get(kind="service", object_id=offers["circle"].pk, day=tomorrow)
    assert (row.shown, row.opened, row.need) == (0, 1, offers["lonely"])


def test_someone_who_may_not_see_the_result_is_sent_on_but_not_counted(client, offers):
    url, token = take_test(client)
    client.get(url)
    circle = offers["circle"]
    response = Client().get(f"/healthcheck/go/service/{circle.pk}/?r={token}")  # another browser
    assert response.status_code == 302 and response.url == circle.get_absolute_url()
    logged_in = Client()
    logged_in.force_login(UserFactory())
    logged_in.get(f"/healthcheck/go/service/{circle.pk}/?r={token}")
    assert opened("service", circle) == 0
    assert Assessment.objects.get(token=token).recommendation_opened_at is None


def test_an_item_the_result_does_not_recommend_is_not_counted(client, offers):
    url, token = take_test(client)
    client.get(url)
    digital = ServiceFactory(title="스마트폰 교실")
    digital.needs.add(Need.objects.get(slug="digital"))
    response = client.get(f"/healthcheck/go/service/{digital.pk}/?r={token}")
    assert response.status_code == 302 and response.url == digital.get_absolute_url()
    assert not RecommendationStat.objects.filter(object_id=digital.pk, opened__gt=0).exists()
    assert Assessment.objects.get(token=token).recommendation_opened_at is None


@pytest.mark.parametrize(
    "path",
    [
        "/healthcheck/go/nothing/1/",
        "/healthcheck/go/order/1/",
        "/healthcheck/go/service/987654321/",
        "/healthcheck/go/group/987654321/",
        "/healthcheck/go/program/987654321/",
    ],
)
def test_unknown_kinds_and_ids_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_items_not_public_are_not_found(client, offers):
    url, token = take_test(client)
    client.get(url)
    assert client.get(f"/healthcheck/go/service/{offers['draft'].pk}/?r={token}").status_code == 404
    offers["group"].status = "draft"
    offers["group"].save()
    assert client.get(f"/healthcheck/go/group/{offers['group'].pk}/?r={token}").status_code == 404
    program = ProgramFactory(booth__fair=FairFactory(status="draft"))
    assert client.get(f"/healthcheck/go/program/{program.pk}/").status_code == 404
    assert not RecommendationStat.objects.filter(opened__gt=0).exists()


@pytest.mark.parametrize(
    "query",
    [
        "?r=https://evil.example/",
        "?r=//evil.example/&next=https://evil.example/",
        "?r=not-a-token",
        "?r=00000000-0000-4000-8000-000000000000",
        "",
    ],
)
def test_never_an_open_redirect(client, offers, query):
    circle = offers["circle"]
    response = client.get(f"/healthcheck/go/service/{circle.pk}/{query}")
    assert response.status_code == 302
    assert response.url == circle.get_absolute_url() and re.fullmatch(r"/[\w/-]+/", response.url)
    assert not RecommendationStat.objects.exists()


def test_a_counting_failure_never_breaks_the_redirect(client, offers):
    url, token = take_test(client)
    client.get(url)
    with mock.patch.object(stats, "_bump", side_effect=RuntimeError("database went away")):
        response = client.get(f"/healthcheck/go/service/{offers['circle'].pk}/?r={token}")
    assert response.status_code == 302 and response.url == offers["circle"].get_absolute_url()
    assert opened("service", offers["circle"]) == 0
    assert Assessment.objects.get(token=token).recommendation_opened_at is None  # rolled back together


def test_only_get(client, offers):
    assert client.post(f"/healthcheck/go/service/{offers['circle'].pk}/").status_code == 405


# --- the counter itself ----------------------------------------------------------------------------------


def test_bump_keeps_one_row_per_day_item_need_and_district(offers):
    day = seoul_today()
    lonely = offers["lonely"].pk
    items = [
        stats.Shown("service", 1, lonely),
        stats.Shown("service", 2, None),
        stats.Shown("group", 1, lonely),
    ]
    stats._bump("shown", day=day, district="seo", items=items)
    stats._bump("shown", day=day, district="seo", items=items[:2])
    stats._bump("opened", day=day, district="seo", items=[items[1]])
    stats._bump("shown", day=day, district="dong", items=items[:1])
    rows = {
        (r.kind, r.object_id, r.need_id, r.district): (r.shown, r.opened)
        for r in RecommendationStat.objects.all()
    }
    assert rows == {
        ("service", 1, lonely, "seo"): (2, 0),
        ("service", 2, None, "seo"): (2, 1),
        ("group", 1, lonely, "seo"): (1, 0),
        ("service", 1, lonely, "dong"): (1, 0),
    }


@pytest.mark.postgres
def test_pages_counting_the_same_new_rows_at_once_lose_nothing(postgres_db, transactional_db):
    """On PostgreSQL the unique constraint (a missing need included) makes insert-then-add exact: twelve
    pages counting the same two new rows at the same moment leave two rows of twelve."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    # created here: a transactional test before this one may have emptied the tables
    need, _ = Need.objects.get_or_create(slug="loneliness", defaults={"name": "외로움", "domain": "social"})
    items = [stats.Shown("service", 7, need.pk), stats.Shown("group", 7, None)]
    barrier = threading.Barrier(12)

    def count() -> None:
        try:
            barrier.wait(timeout=30)
            stats._bump("shown", day=seoul_today(), district="seo", items=items)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=12) as pool:
        for future in [pool.submit(count) for _ in range(12)]:
            future.result(timeout=60)
    assert sorted(RecommendationStat.objects.values_list("kind", "shown")) == [("group", 12), ("service", 12)]
