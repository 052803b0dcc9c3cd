from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from catalog.models import Service
from events.models import Booth, Fair, Program
from groups.models import HealthGroup
from majubom.errors import MajubomError

from . import selectors, services, stats
from .forms import (
    AGE_65_PLUS,
    AGE_ITEM,
    TESTS,
    TOPICS,
    AssessmentForm,
    ConsentForm,
    initial_for_user,
    instrument_topics,
)
from .models import Assessment, RecommendationStat
from .scoring import needs_crisis_support, suggests_detailed_test
from .summary import needs_summary


@require_GET
def start(request):
    context = {
        "quick_count": len(TESTS["quick"]),
        "quick_topics": len(TOPICS["quick"]),
        "quick_instruments": instrument_topics("quick"),
        "detailed_instruments": instrument_topics("detailed"),
    }
    return render(request, "healthcheck/start.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def take_test(request, kind: str):
    form = AssessmentForm(request.POST or None, kind=kind, initial_answers=initial_for_user(request.user))
    if request.method == "POST" and form.is_valid():
        assessment = services.assessment_submit(
            kind=kind,
            answers=form.answers(),
            submission_id=form.cleaned_data["submission"],
            session=request.session,
            user=request.user,
        )
        return redirect("healthcheck:results", token=assessment.token)
    template = "healthcheck/test_quick.html" if kind == "quick" else "healthcheck/test_detailed.html"
    context = {
        "form": form,
        "kind": kind,
        "age_item": AGE_ITEM,
        "age_65_plus": AGE_65_PLUS,
        "instrument_topics": instrument_topics(kind),
    }
    return render(request, template, context, status=400 if form.errors else 200)


@never_cache
@require_GET
def results(request, token):
    assessment = selectors.assessment_for_viewer(token=token, request=request)
    needs = selectors.needs_for_results(assessment.results)
    preferences = selectors.preferences_for(assessment.answers, assessment.results)
    crisis = needs_crisis_support(assessment.answers)
    recommendations = selectors.recommend_services(needs=needs, preferences=preferences, crisis=crisis)
    group_recommendations = selectors.recommend_groups(needs=needs, preferences=preferences)
    fair_recommendation = selectors.recommend_fair_programs(needs=needs)
    context = {
        "assessment": assessment,
        "token": str(assessment.token),  # recommendation links carry it (?r=) to count what was opened
        "crisis": crisis,
        "plain_summary": needs_summary(needs),
        "suggest_detailed": assessment.kind == Assessment.Kind.QUICK
        and suggests_detailed_test(assessment.results),
        "phq2_flag": assessment.results.get("phq2", {}).get("flag", False),
        "summaries": selectors.domain_summaries(assessment.results),
        "lines": selectors.scale_lines(assessment.results),
        "needs": needs,
        "recommendations": recommendations,
        "group_recommendations": group_recommendations,
        "fair_recommendation": fair_recommendation,
        "preferences": preferences,
        "consent_form": ConsentForm(),
    }
    response = render(request, "healthcheck/results.html", context)
    # Counted once the page is there, once per result and browser session, with no one's data.
    stats.recommendations_shown_record(
        request=request,
        token=assessment.token,
        items=stats.shown_items(
            needs=needs, services=recommendations, groups=group_recommendations, fair=fair_recommendation
        ),
        district=preferences.district,
    )
    return response


def _go_target(kind: str, object_id: int):
    """The published item a recommendation link points to, or 404 (so no link can lead anywhere else)."""
    if kind == RecommendationStat.Kind.SERVICE:
        return get_object_or_404(Service.objects.published(), pk=object_id)
    if kind == RecommendationStat.Kind.GROUP:
        visible = HealthGroup.objects.filter(provider__is_published=True).exclude(
            status__in=[HealthGroup.Status.DRAFT, HealthGroup.Status.PENDING_REVIEW]
        )
        return get_object_or_404(visible, pk=object_id)
    if kind == RecommendationStat.Kind.PROGRAM:
        visible = Program.objects.filter(booth__status=Booth.Status.APPROVED).exclude(
            booth__fair__status=Fair.Status.DRAFT
        )
        return get_object_or_404(visible.select_related("booth__fair"), pk=object_id)
    raise Http404


@never_cache
@require_GET
def go(request, kind: str, object_id: int):
    """A recommendation opened from a result (``?r=`` its token): counted, then on to the item's page."""
    item = _go_target(kind, object_id)
    stats.recommendation_opened_record(request=request, token=request.GET.get("r", ""), kind=kind, item=item)
    if kind == RecommendationStat.Kind.PROGRAM:
        return redirect(item.booth.fair.get_absolute_url())
    return redirect(item.get_absolute_url())


@login_required
@require_POST
def save_result(request, token):
    assessment = selectors.assessment_for_viewer(token=token, request=request)
    form = ConsentForm(request.POST)
    try:
        if not form.is_valid():
            raise services.ConsentRequired(form.errors["consent"][0])
        services.assessment_save_to_account(
            assessment=assessment, user=request.user, consent=True, session=request.session
        )
    except MajubomError as error:
        messages.error(request, error.message)
        return redirect("healthcheck:results", token=assessment.token)
    messages.success(request, _("내 계정에 저장했어요. 건강 기록에서 언제든 보거나 지울 수 있어요."))
    return redirect("healthcheck:history")


@require_POST
def delete_result(request, token):
    assessment = selectors.assessment_for_viewer(token=token, request=request)
    services.assessment_delete(assessment=assessment, session=request.session)
    messages.success(request, _("결과를 지웠어요."))
    return redirect("healthcheck:history" if request.user.is_authenticated else "healthcheck:start")


@never_cache
@login_required
@require_GET
def history(request):
    assessments = list(Assessment.objects.filter(user=request.user).order_by("created_at"))
    trend = [a for a in assessments if "who5" in a.results]
    dots = selectors.who5_trend_points(trend)
    context = {
        "assessments": list(reversed(assessments)),
        "trend": trend,
        "trend_dots": dots,
        "trend_points": " ".join(f"{x},{y}" for x, y in dots),
    }
    return render(request, "healthcheck/history.html", context)


@login_required
@require_POST
def delete_all(request):
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("모두 지우려면 확인란에 표시해 주세요."))
        return redirect("healthcheck:history")
    services.assessment_delete_all(user=request.user)
    messages.success(request, _("저장한 건강 테스트 결과를 모두 지웠어요."))
    return redirect(reverse("healthcheck:history"))
