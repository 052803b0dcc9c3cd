"""Korean search on PostgreSQL: pg_trgm must see Hangul (UTF-8 ctype), indexes exist, results are ranked."""

import pytest
from django.db import connection

from catalog.forms import ServiceFilterForm
from catalog.selectors import service_list
from tests.factories import ProviderFactory, ServiceFactory

pytestmark = pytest.mark.postgres


def search(q: str) -> list[str]:
    filters = ServiceFilterForm({"q": q}).to_filters()
    return [s.title for s in service_list(filters=filters)]


def test_pg_trgm_extracts_trigrams_from_hangul(postgres_db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT show_trgm('요가 교실')")
        (trigrams,) = cursor.fetchone()
    assert trigrams, "pg_trgm sees no Hangul: the database needs LC_CTYPE C.UTF-8 (DESIGN.md §8)"


def test_trigram_indexes_exist(postgres_db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%%gin_trgm_ops%%'")
        names = {row[0] for row in cursor.fetchall()}
    assert {"service_title_trgm", "service_summary_trgm", "provider_name_trgm", "need_name_trgm"} <= names


@pytest.mark.parametrize(
    "q,title", [("요가", "어르신 요가 교실"), ("상담", "마음 상담 1회 체험"), ("돌봄", "방문 돌봄 말벗")]
)
def test_two_syllable_korean_queries_find_matches(postgres_db, q, title):
    provider = ProviderFactory(name="대전 협동조합")
    for t in ["어르신 요가 교실", "마음 상담 1회 체험", "방문 돌봄 말벗", "협동조합 도시락"]:
        ServiceFactory(provider=provider, title=t, summary="동네에서 만나요.")
    assert search(q) == [title]


def test_results_are_ranked_by_similarity(postgres_db):
    provider = ProviderFactory(name="한밭 사회적협동조합")
    ServiceFactory(provider=provider, title="숲길 걷기 모임", summary="걷고 나서 요가 스트레칭도 해요.")
    ServiceFactory(provider=provider, title="요가", summary="초보를 위한 수업")
    ServiceFactory(provider=provider, title="어르신 의자 요가 교실", summary="의자에 앉아서 해요.")
    results = search("요가")
    assert results[0] == "요가"
    assert results[-1] == "숲길 걷기 모임"  # only the summary mentions it
    assert len(results) == 3


def test_near_match_still_finds_the_title(postgres_db):
    """PostgreSQL also finds near matches of a title (trigram word similarity), where a substring cannot."""
    ServiceFactory(title="어르신 디지털 교실 스마트폰 기초")
    ServiceFactory(title="협동조합 도시락")
    assert search("스마트폰 강좌") == ["어르신 디지털 교실 스마트폰 기초"]
