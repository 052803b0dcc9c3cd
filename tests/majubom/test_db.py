"""A transaction that loses a deadlock is run again a few times, then answers "잠시 후 다시" (never a 500)."""

import pytest
from django.db import OperationalError

from majubom.db import Busy, retry_on_conflict


class Deadlock(Exception):
    sqlstate = "40P01"


def lost(times: int):
    calls = []

    def run():
        calls.append(1)
        if len(calls) <= times:
            raise OperationalError("deadlock detected") from Deadlock()
        return "done"

    return run, calls


@pytest.mark.django_db(transaction=True)
def test_a_lost_race_is_retried_until_it_wins():
    run, calls = lost(2)
    assert retry_on_conflict(run) == "done" and len(calls) == 3


@pytest.mark.django_db(transaction=True)
def test_a_race_lost_every_time_is_a_clear_message():
    run, calls = lost(10)
    with pytest.raises(Busy, match="잠시 후 다시"):
        retry_on_conflict(run, attempts=3)
    assert len(calls) == 3


@pytest.mark.django_db(transaction=True)
def test_other_database_errors_are_not_retried():
    calls = []

    def run():
        calls.append(1)
        raise OperationalError("disk full")

    with pytest.raises(OperationalError):
        retry_on_conflict(run)
    assert len(calls) == 1
