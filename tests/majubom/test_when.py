"""The fast ``when`` filter writes exactly what Django's date formatter writes, in Korean and English."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from hypothesis import given, settings
from hypothesis import strategies as st

from majubom.templatetags.majubom import FORMATS, _compiled, when

SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")


@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    language=st.sampled_from(["ko", "en"]),
    kind=st.sampled_from(["datetime", "date", "time"]),
)
def test_when_matches_djangos_formatter(moment, language, kind):
    aware = moment.replace(tzinfo=dt.UTC)
    with translation.override(language), timezone.override(SEOUL):
        local = timezone.localtime(aware)
        assert when(aware, kind) == date_format(local, FORMATS[language][kind])


def test_when_reads_as_people_say_it():
    moment = dt.datetime(2026, 12, 2, 1, 0, tzinfo=dt.UTC)  # 10:00 in Daejeon
    with timezone.override(SEOUL):
        with translation.override("ko"):
            assert when(moment) == "12월 2일 (수) 오전 10:00"
            assert when(moment.replace(hour=5, minute=5), "time") == "오후 2:05"
        with translation.override("en"):
            assert when(moment) == "Wed 2 Dec, 10:00"
    assert when(None) == ""


@pytest.mark.parametrize("fmt", ["Y-m-d", r"\D j", "N j"])
def test_other_formats_fall_back_to_django(fmt):
    assert _compiled(fmt) is None
