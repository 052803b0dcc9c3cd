import datetime as dt

import pytest
from django.utils import timezone

from catalog.models import Service
from tests.factories import NeedFactory, ProviderFactory, ServiceFactory, SlotFactory

pytestmark = pytest.mark.django_db


def titles(response) -> set[str]:
    return {s.title for s in response.context["page"].paginator.object_list}


# --- query budgets (DESIGN §7: fixed per page whatever the data size) ----------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?domain=mental&district=seo",
        "?q=요가",
        "?need=n1&available=1&sort=price",
        "?experience=1&delivery=venue&price_max=30000&sort=newest",
        "?page=3",
    ],
)
def test_service_list_query_budget(client, big_catalog, django_assert_max_num_queries, query):
    with django_assert_max_num_queries(8):
        response = client.get("/services/" + query)
    assert response.status_code == 200


def test_service_list_query_budget_logged_in(client, big_catalog, django_assert_max_num_queries):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    with django_assert_max_num_queries(8):
        assert client.get("/services/?domain=physical").status_code == 200


def test_service_detail_query_budget(client, big_catalog, django_assert_max_num_queries):
    # A first visit: the service, its pictures, needs, times and reviews, and its provider's other cards.
    with django_assert_max_num_queries(7):
        response = client.get("/services/s0/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>어르신 요가 교실 0 · " in html and "<h1>어르신 요가 교실 0</h1>" in html


def test_home_query_budget(client, big_catalog, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = client.get("/")
    assert response.status_code == 200
    assert len(response.context["experience_services"]) == 6
    assert len(response.context["upcoming_slots"]) == 6


def test_provider_pages_query_budget(client, big_catalog, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        assert client.get("/providers/p1/").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/providers/?district=seo&domain=mental").status_code == 200


# --- filters return exactly the published matches ---------------------------------------------------------


@pytest.fixture
def market(db):
    now = timezone.now()
    walking = NeedFactory(slug="exercise", name="운동 부족", domain="physical")
    lonely = NeedFactory(slug="loneliness", name="외로움", domain="social")
    seo = ProviderFactory(name="서구 건강 협동조합", slug="seo-coop", district="seo")
    yuseong = ProviderFactory(
        name="유성 마음숲", slug="yuseong-mind", district="yuseong", kind="social_enterprise"
    )
    hidden = ProviderFactory(name="승인 대기 기업", slug="hidden", is_published=False)
    yoga = ServiceFactory(
        provider=seo,
        title="어르신 요가 교실",
        domain="physical",
        delivery="venue",
        price=10000,
        is_experience=True,
    )
    yoga.needs.add(walking)
    counsel = ServiceFactory(
        provider=yuseong,
        title="마음 상담 1회 체험",
        summary="전문 상담사와 50분 대화해요.",
        domain="mental",
        delivery="online",
        price=15000,
        is_experience=True,
    )
    care = ServiceFactory(
        provider=seo, title="방문 말벗 돌봄", domain="social", delivery="home_visit", price=40000
    )
    care.needs.add(lonely)
    lunch = ServiceFactory(
        provider=yuseong, title="협동조합 도시락", domain="physical", delivery="shipped", price=8000, stock=0
    )
    ServiceFactory(provider=seo, title="작성 중인 요가", status="draft")
    ServiceFactory(provider=seo, title="검토 중인 요가", status="pending_review")
    ServiceFactory(provider=seo, title="보관한 요가", status="archived")
    ServiceFactory(provider=hidden, title="비공개 기업의 요가", domain="physical")
    SlotFactory(service=yoga, starts_at=now + dt.timedelta(days=2), capacity=10)
    SlotFactory(service=care, starts_at=now + dt.timedelta(days=2), capacity=1, booked=1)  # full
    SlotFactory(service=counsel, starts_at=now - dt.timedelta(days=2), capacity=5)  # past
    return {"yoga": yoga, "counsel": counsel, "care": care, "lunch": lunch}


@pytest.mark.parametrize(
    "query,expected",
    [
        ("", {"어르신 요가 교실", "마음 상담 1회 체험", "방문 말벗 돌봄", "협동조합 도시락"}),
        ("?domain=mental", {"마음 상담 1회 체험"}),
        ("?domain=physical&district=seo", {"어르신 요가 교실"}),
        ("?need=loneliness", {"방문 말벗 돌봄"}),
        ("?delivery=shipped", {"협동조합 도시락"}),
        ("?experience=1", {"어르신 요가 교실", "마음 상담 1회 체험"}),
        ("?available=1", {"어르신 요가 교실"}),
        ("?price_max=10000", {"어르신 요가 교실", "협동조합 도시락"}),
        ("?q=요가", {"어르신 요가 교실"}),
        ("?q=상담", {"마음 상담 1회 체험"}),
        ("?q=돌봄", {"방문 말벗 돌봄"}),
        ("?q=외로움", {"방문 말벗 돌봄"}),  # by need name
        ("?q=마음숲", {"마음 상담 1회 체험", "협동조합 도시락"}),  # by provider name
        ("?q=전문 상담사", {"마음 상담 1회 체험"}),  # by summary
        ("?q=없는말", set()),
    ],
)
def test_filters_return_exactly_the_published_matches(client, market, query, expected):
    response = client.get("/services/" + query)
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize(
    "query",
    [
        "?domain=space",
        "?district=seoul",
        "?delivery=drone",
        "?price_max=abc",
        "?price_max=-5",
        "?sort=evil",
        "?need=unknown",
        "?experience=maybe",
        "?page=abc",
        "?page=-1",
        "?page=9999",
        "?q=" + "가" * 500,
        "?domain=mental&domain=physical",
        "?q=%00",
        "?q=' OR 1=1 --",
    ],
)
def test_malformed_filters_are_ignored_not_errors(client, market, query):
    response = client.get("/services/" + query)
    assert response.status_code == 200


def test_unknown_filter_value_is_ignored_but_valid_ones_apply(client, market):
    response = client.get("/services/?domain=space&district=seo")
    assert titles(response) == {"어르신 요가 교실", "방문 말벗 돌봄"}


def test_page_past_the_end_shows_the_last_page(client, big_catalog):
    response = client.get("/services/?page=999")
    assert response.status_code == 200
    page = response.context["page"]
    assert page.number == page.paginator.num_pages > 1


def test_sort_by_price(client, market):
    response = client.get("/services/?sort=price")
    prices = [s.price for s in response.context["services"]]
    assert prices == sorted(prices)


def test_recommended_puts_experience_products_first(client, market):
    response = client.get("/services/")
    flags = [s.is_experience for s in response.context["services"]]
    assert flags == sorted(flags, reverse=True)


def test_htmx_request_gets_only_the_results_fragment(client, market):
    response = client.get("/services/?domain=mental", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html and "<form" not in html
    assert "마음 상담 1회 체험" in html and "어르신 요가 교실" not in html
    assert "HX-Request" in response.headers["Vary"]


def test_full_page_has_the_form_and_the_same_results(client, market):
    response = client.get("/services/?domain=mental")
    html = response.content.decode()
    assert "<html" in html and 'id="results"' in html
    assert 'hx-get="/services/"' in html and 'action="/services/"' in html  # works with and without JS
    assert 'href="/services/{}/"'.format(market["counsel"].slug) in html


def test_service_detail_shows_what_a_resident_needs(client, market):
    yoga = market["yoga"]
    response = client.get(f"/services/{yoga.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "10,000원" in html and "/ 회" in html
    assert "내방" in html and "60분" in html
    assert "서구 건강 협동조합" in html and "협동조합" in html and "서구" in html
    assert "운동 부족" in html
    assert "10자리 남음" in html
    assert "https://map.kakao.com/link/search/" in html and "https://map.naver.com/p/search/" in html


@pytest.mark.parametrize("status", ["draft", "pending_review", "archived"])
def test_unpublished_service_is_404(client, status):
    service = ServiceFactory(status=status)
    assert client.get(f"/services/{service.slug}/").status_code == 404


def test_service_of_unpublished_provider_is_404(client):
    service = ServiceFactory(provider=ProviderFactory(is_published=False))
    assert client.get(f"/services/{service.slug}/").status_code == 404
    assert client.get(f"/providers/{service.provider.slug}/").status_code == 404


def test_provider_list_filters(client, market):
    response = client.get("/providers/?kind=social_enterprise")
    assert [p.name for p in response.context["providers"]] == ["유성 마음숲"]
    response = client.get("/providers/?domain=social")
    assert [p.name for p in response.context["providers"]] == ["서구 건강 협동조합"]
    response = client.get("/providers/?district=nowhere&kind=bad")
    assert response.status_code == 200 and len(response.context["providers"]) == 2


def test_provider_page_lists_only_published_services(client, market):
    response = client.get("/providers/seo-coop/")
    names = {s.title for s in response.context["services"]}
    assert names == {"어르신 요가 교실", "방문 말벗 돌봄"}


def test_home_links_domains_and_shows_experiences(client, market):
    html = client.get("/").content.decode()
    assert 'href="/services/?domain=mental"' in html
    assert "마음 상담 1회 체험" in html
    assert Service.objects.published().count() == 4


def test_when_every_time_is_full_the_page_still_shows_the_times_as_full(client):
    service = ServiceFactory(title="인기 요가 교실")
    starts = timezone.now() + dt.timedelta(days=2)
    SlotFactory(
        service=service, starts_at=starts, ends_at=starts + dt.timedelta(hours=1), capacity=3, booked=3
    )
    html = client.get(f"/services/{service.slug}/").content.decode()
    assert "지금은 신청할 수 있는 시간이 없어요" in html
    assert "option-full" in html and "마감" in html
    assert 'name="slot"' not in html and "날짜 고르고 신청하기" not in html


def test_sold_out_goods_offer_no_way_to_book(client):
    goods = ServiceFactory(title="협동조합 도시락", delivery="shipped", stock=0, duration_minutes=None)
    starts = timezone.now() + dt.timedelta(days=2)
    SlotFactory(service=goods, starts_at=starts, ends_at=starts + dt.timedelta(hours=1), capacity=5)
    html = client.get(f"/services/{goods.slug}/").content.decode()
    assert "지금은 품절이에요" in html
    assert "날짜 고르고 신청하기" not in html and "수량 고르고 담기" not in html
    assert 'action="/cart/add/' not in html
