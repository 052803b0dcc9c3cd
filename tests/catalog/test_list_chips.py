"""/services/: how many were found and the chosen filters as chips, at the top of the results; each chip is a
link that takes its one filter away. Cards say 방문·내방 in plain words."""

import re
from html import unescape

import pytest

from tests.catalog.conftest import big_catalog  # noqa: F401
from tests.catalog.test_views import market  # noqa: F401

pytestmark = pytest.mark.django_db

CHIP = re.compile(r'<a class="chip" href="([^"]+)" aria-label="([^"]+)">([^<]+) <span class="chip-x"')


def chips(html: str) -> dict[str, tuple[str, str]]:
    """label shown → (link, accessible name)"""
    return {
        unescape(text).strip(): (unescape(href), unescape(name)) for href, name, text in CHIP.findall(html)
    }


def count(html: str) -> str:
    return re.search(r'<h2 id="results-title"[^>]*>\s*(.*?)\s*</h2>', html, re.S).group(1)


def test_the_count_and_one_chip_per_filter_open_the_results(client, market):  # noqa: F811
    html = client.get("/services/?domain=physical&district=seo").content.decode()
    assert count(html) == "서비스 1개"
    found = chips(html)
    assert set(found) == {"신체건강", "서구"}
    assert found["신체건강"] == ("/services/?district=seo#results", "신체건강 필터 빼기")
    assert found["서구"] == ("/services/?domain=physical#results", "서구 필터 빼기")
    assert '<a class="chip chip-clear" href="/services/#results">조건 모두 빼기</a>' in html
    # the count and the chips come before the first card
    assert html.index('id="results-title"') < html.index('class="filter-chips"') < html.index("service-card")


def test_following_a_chip_takes_exactly_that_filter_away(client, market):  # noqa: F811
    html = client.get("/services/?domain=physical&district=seo").content.decode()
    link = chips(html)["서구"][0]
    after = client.get(link.split("#")[0]).content.decode()
    assert set(chips(after)) == {"신체건강"}
    assert count(after) == "서비스 2개"  # 어르신 요가 교실, 협동조합 도시락
    link = chips(after)["신체건강"][0]
    assert link == "/services/#results"
    everything = client.get(link.split("#")[0]).content.decode()
    assert chips(everything) == {} and 'class="filter-chips"' not in everything
    assert count(everything) == "서비스 4개"


def test_every_kind_of_filter_has_its_words(client, market):  # noqa: F811
    query = "?q=요가&need=exercise&delivery=venue&price_max=30000&experience=1&available=1&sort=price"
    html = client.get("/services/" + query).content.decode()
    found = chips(html)
    assert set(found) == {
        "“요가”",
        "운동 부족",
        "내방",
        "3만 원 이하",
        "체험 상품만",
        "지금 신청할 수 있는 것만",
    }
    # sort is not a filter: it stays in every chip's link
    assert all("sort=price" in href for href, _name in found.values())
    assert "need=" not in found["운동 부족"][0] and "q=" not in found["“요가”"][0]
    assert found["3만 원 이하"][1] == "3만 원 이하 필터 빼기"


def test_a_free_price_filter_and_unknown_values(client, market):  # noqa: F811
    html = client.get("/services/?price_max=0&domain=nowhere&need=nothing").content.decode()
    assert set(chips(html)) == {"무료"}  # what was not understood is neither a filter nor a chip


def test_the_htmx_results_carry_the_count_and_chips(client, market):  # noqa: F811
    response = client.get("/services/?domain=mental", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and html.lstrip().startswith('<section id="results"')
    assert count(html) == "서비스 1개" and set(chips(html)) == {"마음건강"}


def test_the_filter_buttons_land_on_the_results_without_javascript(client, market):  # noqa: F811
    html = client.get("/services/").content.decode()
    assert 'action="/services/"' in html  # the form itself
    assert html.count('formaction="/services/#results"') == 2  # 찾기 and 이 조건으로 보기
    assert 'data-results-button data-label="{count} 보기">이 조건으로 보기</button>' in html
    assert 'role="status" data-results-status' in html


def test_cards_say_who_goes_where(client, market):  # noqa: F811
    html = client.get("/services/").content.decode()
    assert '기업의 장소로 와 주세요 <span class="muted">(내방)</span>' in html
    assert '집으로 찾아가요 <span class="muted">(방문)</span>' in html


def test_chips_cost_no_extra_query(client, big_catalog, django_assert_max_num_queries):  # noqa: F811
    # The need filter's choices are read once for the form, the chips and the check of the value.
    with django_assert_max_num_queries(4):
        html = client.get("/services/?need=n1&domain=mental").content.decode()
    assert set(chips(html)) == {"스트레스", "마음건강"}
    with django_assert_max_num_queries(1):  # warm: the needs of the filter form only, as before
        client.get("/services/?need=n1&domain=mental")
