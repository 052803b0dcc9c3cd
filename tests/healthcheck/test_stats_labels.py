"""The cooperative's 건강 테스트 통계 and 필요 규칙 pages speak Korean: scale titles and band labels from the
instrument files, test kinds by name — never the codes the results are stored under ("gad2 positive")."""

import re
import uuid

import pytest

from catalog.models import Need
from healthcheck import stats
from healthcheck.models import Assessment, NeedRule
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STATS_URL = "/admin/healthcheck/needrule/stats/"
RULES_URL = "/admin/healthcheck/needrule/"
CODES = ["gad2", "phq2", "who5", "positive", "negative", "poor", "quick", "detailed"]


def assessment(kind="quick", **bands):
    return Assessment.objects.create(
        submission_id=uuid.uuid4(),
        kind=kind,
        results={scale: {"band": band, "raw": 0} for scale, band in bands.items()},
    )


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def results():
    for _ in range(6):
        assessment(gad2="positive", phq2="negative")
    for _ in range(7):
        assessment("detailed", who5="poor", gad2="negative")


def cells(html: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    return [re.findall(r"<t[hd][^>]*>(?:<strong>)?([^<]*)", row) for row in rows]


def test_stats_show_scale_titles_band_labels_and_kinds(staff_client, results, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = staff_client.get(STATS_URL)
    html = response.content.decode()
    table = cells(html)
    assert ["빠른 테스트", "6"] in table and ["자세한 테스트", "7"] in table
    # Scales in the order of the instrument files, each band by its label, counts of 5 or more as they are.
    assert [row for row in table if len(row) == 3 and row[2].isdigit()] == [
        ["불안 간단 선별 (GAD-2)", "특별한 신호 없음", "7"],
        ["불안 간단 선별 (GAD-2)", "조금 더 살펴보면 좋아요", "6"],
        ["우울 간단 선별 (PHQ-2)", "특별한 신호 없음", "6"],
        ["마음 건강(웰빙) 지수", "마음이 지친 상태", "7"],
    ]
    body = html.split('id="content-main"', 1)[1]
    for code in CODES:
        assert not re.search(rf"\b{code}\b", body), code


def test_a_band_of_fewer_than_five_still_reads_5_미만(staff_client):
    for _ in range(2):
        assessment(who5="good")
    html = staff_client.get(STATS_URL).content.decode()
    assert '<th scope="row">마음 건강(웰빙) 지수</th><td>마음이 건강한 편</td><td>5 미만</td>' in html


def test_a_scale_no_instrument_knows_any_more_is_shown_by_its_code():
    assert stats.scale_label("oldscale") == "oldscale"
    assert stats.band_label("oldscale", "high") == "high"
    assert stats.band_label("gad2", "gone") == "gone"
    assert (
        stats.scale_label("ucla3") == "외로움" and stats.band_label("ucla3", "lonely") == "외로움을 느끼는 편"
    )


def test_stats_in_english_use_the_instruments_english(staff_client, results, settings):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = staff_client.get(STATS_URL).content.decode()
    assert '<th scope="row">GAD-2 anxiety screen</th><td>Positive screen</td><td>6</td>' in html
    assert "불안 간단 선별" not in html


def test_the_rule_list_names_scales_and_bands_and_labels_its_boxes(
    staff_client, django_assert_max_num_queries
):
    need = Need.objects.get(slug="loneliness")
    NeedRule.objects.update_or_create(
        scale="ucla3",
        band="lonely",
        need=need,
        defaults={"weight": 4, "explanation": "외로움을 느낀다고 하셨어요"},
    )
    with django_assert_max_num_queries(12):
        response = staff_client.get(RULES_URL, {"scale": "ucla3"})
    html = response.content.decode()
    assert "외로움을 느끼는 편" in html
    assert re.search(r'<a href="\?scale=ucla3"[^>]*>외로움</a>', html)  # the filter names the scale
    box = re.search(r'<input[^>]*name="form-0-weight"[^>]*>', html).group(0)
    assert 'aria-label="외로움 · 외로움을 느끼는 편 → 외로움: 가중치"' in box
    assert ">ucla3<" not in html and ">lonely<" not in html
