"""Database helpers shared by the apps' services."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable

from django.db import OperationalError, transaction
from django.utils.translation import gettext as _

from .errors import MajubomError

logger = logging.getLogger(__name__)

# PostgreSQL's "deadlock detected" and "could not serialize access": the transaction lost a race and was
# rolled back whole, so running it again is safe.
RETRYABLE_SQLSTATES = {"40P01", "40001"}


class Busy(MajubomError):
    pass


def lost_a_race(error: BaseException) -> bool:
    cause = error.__cause__ or error
    return getattr(cause, "sqlstate", None) in RETRYABLE_SQLSTATES


def retry_on_conflict[T](run: Callable[[], T], *, attempts: int = 4, what: str = "") -> T:
    """Run ``run`` (which opens its own transaction) again when it loses a deadlock or a serialization
    race, a few times with a short random pause; then answer "잠시 후 다시" rather than a server error.
    Inside an outer transaction nothing is retried (the outer one is already lost)."""
    if transaction.get_connection().in_atomic_block:
        return run()
    for attempt in range(1, attempts + 1):
        try:
            return run()
        except OperationalError as error:
            if not lost_a_race(error):
                raise
            logger.warning(
                "%s lost a database race (attempt %d/%d): %s", what or run, attempt, attempts, error
            )
            if attempt == attempts:
                raise Busy(_("지금 신청이 몰려 있어요. 잠시 후 다시 해 주세요.")) from error
            time.sleep(random.uniform(0.01, 0.05) * attempt)
    raise AssertionError("unreachable")
