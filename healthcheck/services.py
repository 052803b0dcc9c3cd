"""Every change to assessments: taking a test, saving it with consent, deleting, purging."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from majubom.errors import MajubomError

from .forms import instrument_versions
from .models import Assessment
from .scoring import score_answers

SESSION_KEY = "healthcheck_tokens"


class ConsentRequired(MajubomError):
    pass


def _remember_in_session(session, assessment: Assessment) -> None:
    tokens = [t for t in session.get(SESSION_KEY, []) if t != str(assessment.token)]
    session[SESSION_KEY] = [str(assessment.token), *tokens][:50]


def _owned_by(assessment: Assessment, *, session, user=None) -> bool:
    if assessment.user_id is not None:
        return user is not None and user.is_authenticated and assessment.user_id == user.pk
    return str(assessment.token) in session.get(SESSION_KEY, [])


def assessment_submit(
    *, kind: str, answers: dict[str, int], submission_id: uuid.UUID, session, user=None
) -> Assessment:
    """Score and store a completed test for this browser session. A double submit (same submission id,
    same browser or account) returns the first result instead of storing a second one. A submission id
    that belongs to someone else's result never leads to it: the answers are stored as a new result."""
    results = {scale_id: result.as_dict() for scale_id, result in score_answers(answers).items()}

    def create(submission: uuid.UUID) -> Assessment:
        with transaction.atomic():
            return Assessment.objects.create(
                submission_id=submission,
                kind=kind,
                instrument_versions=instrument_versions(kind),
                answers=answers,
                results=results,
            )

    try:
        assessment = create(submission_id)
    except IntegrityError:
        assessment = Assessment.objects.get(submission_id=submission_id)
        if not _owned_by(assessment, session=session, user=user):
            assessment = create(uuid.uuid4())
    _remember_in_session(session, assessment)
    return assessment


def assessment_save_to_account(*, assessment: Assessment, user, consent: bool, session) -> Assessment:
    """Keep a result in the resident's account; only with explicit consent to 민감정보 processing, and only
    a result this browser took (or the account already holds)."""
    if not consent:
        raise ConsentRequired(_("내 계정에 저장하려면 동의가 필요해요."))
    if not _owned_by(assessment, session=session, user=user):
        raise MajubomError(_("다른 분의 결과는 저장할 수 없어요."))
    Assessment.objects.filter(pk=assessment.pk, user__isnull=True).update(
        user=user, consent=True, consented_at=timezone.now()
    )
    assessment.refresh_from_db()
    return assessment


def assessment_delete(*, assessment: Assessment, session) -> None:
    session[SESSION_KEY] = [t for t in session.get(SESSION_KEY, []) if t != str(assessment.token)]
    assessment.delete()


def assessment_delete_all(*, user) -> int:
    deleted, _details = Assessment.objects.filter(user=user).delete()
    return deleted


def assessment_purge_expired(*, now=None) -> int:
    """Delete anonymous (never saved to an account) results older than the retention period."""
    cutoff = (now or timezone.now()) - settings.HEALTHCHECK_RETENTION
    deleted, _details = Assessment.objects.filter(user__isnull=True, created_at__lt=cutoff).delete()
    return deleted
