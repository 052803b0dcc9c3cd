import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from healthcheck.models import Assessment
from healthcheck.services import assessment_purge_expired
from tests.factories import UserFactory

from .conftest import LOW_AND_LONELY, WELL, detailed_answers, post_data

pytestmark = pytest.mark.django_db


def submit(client, answers, kind="quick", **kwargs):
    return client.post(f"/healthcheck/{kind}/", post_data(answers, **kwargs))


def result_url(response) -> str:
    assert response.status_code == 302, response.content.decode()[:2000]
    return response.url


def test_start_page_explains_both_tests(client):
    html = client.get("/healthcheck/").content.decode()
    assert 'href="/healthcheck/quick/"' in html and 'href="/healthcheck/detailed/"' in html
    assert "진단하지 않아요" in html


def test_quick_form_inputs_are_named_after_the_items(client):
    html = client.get("/healthcheck/quick/").content.decode()
    for name in ["who5-1", "who5-5", "phq9-1", "phq9-2", "gad7-1", "gad7-2", "ucla3-3", "activity-2"]:
        assert f'name="{name}"' in html
    assert 'name="phq9-9"' not in html
    assert html.count('type="radio"') > 50


def test_submit_stores_scores_and_shows_the_results(client):
    url = result_url(submit(client, LOW_AND_LONELY))
    assessment = Assessment.objects.get()
    assert assessment.user is None and assessment.kind == "quick"
    assert assessment.results["who5"]["band"] == "poor" and assessment.results["ucla3"]["band"] == "lonely"
    assert assessment.instrument_versions == {
        "who5": "1.0.0",
        "phq9": "1.0.0",
        "gad7": "1.0.0",
        "ucla3": "1.0.0",
        "activity": "1.0.0",
        "platform": "1.0.0",
        "about": "1.0.0",
    }
    html = client.get(url).content.decode()
    assert "선별 검사" in html and "진단" in html
    assert "자세한 테스트 하기" in html  # flagged quick results recommend the detailed test
    assert "<svg" in html and "척도별 점수" in html


@pytest.mark.parametrize(
    "change,expected",
    [
        ({"who5-3": None}, "질문에 답해 주세요"),  # missing answer
        ({"who5-3": "9"}, "보기 중에서 골라 주세요"),  # outside the item's options
        ({"ucla3-1": "0"}, "보기 중에서 골라 주세요"),  # UCLA answers are 1–3
        ({"activity-2": "abc"}, "보기 중에서 골라 주세요"),
    ],
)
def test_bad_answers_name_the_question_and_store_nothing(client, change, expected):
    data = post_data(WELL)
    for key, value in change.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    response = client.post("/healthcheck/quick/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert expected in html
    assert "나는 활발하고 활동적이었다" in html or "‘" in html  # the error names the question
    assert not Assessment.objects.exists()


def test_tampered_submission_id_is_refused(client):
    data = post_data(WELL, submission="not-a-uuid")
    assert client.post("/healthcheck/quick/", data).status_code == 400
    assert not Assessment.objects.exists()


def test_extra_fields_cannot_change_the_kind_or_inject_answers(client):
    data = {**post_data(WELL), "kind": "detailed", "phq9-9": "3", "instrument": "evil"}
    url = result_url(client.post("/healthcheck/quick/", data))
    assessment = Assessment.objects.get()
    assert assessment.kind == "quick" and "phq9-9" not in assessment.answers
    assert "자살예방상담전화 109" not in client.get(url).content.decode().split("crisis-footer")[0]


def test_double_submit_stores_one_result(client):
    first = result_url(submit(client, WELL))
    second = result_url(submit(client, WELL))
    assert first == second
    assert Assessment.objects.count() == 1


def test_results_are_private_to_the_session_that_took_them(client):
    url = result_url(submit(client, WELL))
    assert client.get(url).status_code == 200
    assert Client().get(url).status_code == 404  # another browser
    other = Client()
    other.force_login(UserFactory())
    assert other.get(url).status_code == 404  # another user
    assert (
        client.get(url.replace(url.split("/")[-2], "00000000-0000-4000-8000-000000000000")).status_code == 404
    )


def test_saving_to_the_account_needs_consent(client):
    user = UserFactory()
    client.force_login(user)
    url = result_url(submit(client, WELL))
    token = url.split("/")[-2]
    response = client.post(f"/healthcheck/results/{token}/save/", {})
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert assessment.user is None and not assessment.consent
    client.post(f"/healthcheck/results/{token}/save/", {"consent": "on"})
    assessment.refresh_from_db()
    assert assessment.user == user and assessment.consent and assessment.consented_at
    # Saved results follow the account, in any browser, and no one else.
    elsewhere = Client()
    elsewhere.force_login(user)
    assert elsewhere.get(url).status_code == 200
    assert "건강 테스트" in elsewhere.get("/healthcheck/history/").content.decode()
    stranger = Client()
    stranger.force_login(UserFactory())
    assert stranger.get(url).status_code == 404


def test_anonymous_visitor_cannot_save(client):
    url = result_url(submit(client, WELL))
    token = url.split("/")[-2]
    response = client.post(f"/healthcheck/results/{token}/save/", {"consent": "on"})
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert Assessment.objects.get().user is None


def test_delete_one_and_delete_all(client):
    user = UserFactory()
    client.force_login(user)
    tokens = []
    for n in range(3):
        url = result_url(submit(client, WELL, submission=f"7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4{n}"))
        token = url.split("/")[-2]
        client.post(f"/healthcheck/results/{token}/save/", {"consent": "on"})
        tokens.append(token)
    client.post(f"/healthcheck/results/{tokens[0]}/delete/")
    assert Assessment.objects.count() == 2
    client.post("/healthcheck/history/delete-all/", {})  # no confirmation: nothing happens
    assert Assessment.objects.count() == 2
    client.post("/healthcheck/history/delete-all/", {"confirm": "yes"})
    assert Assessment.objects.count() == 0


def test_someone_else_cannot_delete_a_result(client):
    url = result_url(submit(client, WELL))
    token = url.split("/")[-2]
    assert Client().post(f"/healthcheck/results/{token}/delete/").status_code == 404
    assert Assessment.objects.count() == 1


def test_purge_deletes_only_expired_anonymous_results():
    user = UserFactory()
    old = timezone.now() - dt.timedelta(days=31)
    expired = Assessment.objects.create(submission_id="00000000-0000-4000-8000-000000000001", kind="quick")
    fresh = Assessment.objects.create(submission_id="00000000-0000-4000-8000-000000000002", kind="quick")
    saved = Assessment.objects.create(
        submission_id="00000000-0000-4000-8000-000000000003", kind="quick", user=user, consent=True
    )
    Assessment.objects.filter(pk__in=[expired.pk, saved.pk]).update(created_at=old)
    assert assessment_purge_expired() == 1
    assert set(Assessment.objects.values_list("pk", flat=True)) == {fresh.pk, saved.pk}


# --- safety ---------------------------------------------------------------------------------------------


def test_self_harm_answer_opens_the_results_with_crisis_contacts(client):
    url = result_url(submit(client, detailed_answers(**{"phq9-9": 1}), kind="detailed"))
    html = client.get(url).content.decode()
    crisis = html.index('class="crisis"')
    assert crisis < html.index("<h1")  # before any score, title included
    block = html[crisis : html.index("</section>", crisis)]
    # each number its own button: 119 is dialled by its own, not folded into 112's
    numbers = ['href="tel:109"', 'href="tel:15770199"', 'href="tel:112"', 'href="tel:119"']
    for contact in [*numbers, "정신건강복지센터"]:
        assert contact in block
    assert "영역별로 보면" in html  # the rest stays reachable


def test_no_crisis_block_when_item_9_is_zero(client):
    url = result_url(submit(client, detailed_answers(**{"phq9-9": 0}), kind="detailed"))
    assert 'class="crisis"' not in client.get(url).content.decode()


def test_flagged_phq2_in_the_quick_test_shows_109_in_the_results_footer(client):
    url = result_url(submit(client, {**WELL, "phq9-1": 1, "phq9-2": 1}))
    html = client.get(url).content.decode()
    assert 'class="crisis"' not in html
    footer = html[html.index("crisis-footer") :]
    assert 'href="tel:109"' in footer


# --- detailed test: K-FRAIL only for 65+ ---------------------------------------------------------------


def test_frailty_questions_are_required_from_65(client):
    response = submit(client, detailed_answers(**{"about-1": 3}), kind="detailed")
    assert response.status_code == 400
    assert "질문에 답해 주세요" in response.content.decode()
    answers = detailed_answers(**{"about-1": 3, **{f"kfrail-{n}": 1 for n in range(1, 6)}})
    result_url(submit(client, answers, kind="detailed"))
    assert Assessment.objects.get().results["kfrail"]["band"] == "frail"


def test_frailty_answers_of_younger_residents_are_not_kept(client):
    answers = detailed_answers(**{"about-1": 2, "kfrail-1": 1})
    result_url(submit(client, answers, kind="detailed"))
    assessment = Assessment.objects.get()
    assert "kfrail-1" not in assessment.answers and "kfrail" not in assessment.results


def test_results_page_query_budget(client, django_assert_max_num_queries, recommendation_catalog):
    url = result_url(submit(client, LOW_AND_LONELY))
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["recommendations"]) == 6


def test_history_requires_login(client):
    response = client.get("/healthcheck/history/")
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_no_admin_page_shows_answers(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    submit(Client(), LOW_AND_LONELY)
    assert client.get("/admin/healthcheck/assessment/").status_code == 404
    stats = client.get("/admin/healthcheck/needrule/stats/")
    assert stats.status_code == 200
    html = stats.content.decode()
    # One resident's band is never shown as a count that points to them (issue 16: fewer than 5 → "5 미만").
    assert "마음 건강(웰빙) 지수" in html and re.search(r"<td>마음이 지친 상태</td><td>5 미만</td>", html)
    assert not re.search(r"<td>[1-4]</td>", html)
    assert "answers" not in html
    for n in range(5):
        submit(Client(), LOW_AND_LONELY, submission=f"7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3b0{n}")
    html = client.get("/admin/healthcheck/needrule/stats/").content.decode()
    assert re.search(r"<td>마음이 지친 상태</td><td>6</td>", html)


def test_another_browser_posting_someones_submission_id_gets_its_own_new_result(client):
    """The audit: a second browser that posted someone else's hidden ``submission`` id was redirected to
    that person's result (answers and crisis block included) and could save it into its own account."""
    page = client.get("/healthcheck/detailed/").content.decode()
    victim_id = re.search(r'name="submission" value="([^"]+)"', page).group(1)
    answers = detailed_answers(**{"phq9-9": 2})  # a reported thought of self-harm
    victim_url = result_url(client.post("/healthcheck/detailed/", post_data(answers, submission=victim_id)))
    victim = Assessment.objects.get()

    attacker = Client()
    attacker.force_login(UserFactory(email="attacker@example.kr"))
    landed = result_url(
        attacker.post("/healthcheck/detailed/", post_data(detailed_answers(), submission=victim_id))
    )
    assert landed != victim_url
    assert attacker.get(victim_url).status_code == 404
    assert attacker.post(f"{victim_url}save/", {"consent": "on"}).status_code == 404
    victim.refresh_from_db()
    assert victim.user_id is None
    assert Assessment.objects.count() == 2
    assert client.get(victim_url).status_code == 200  # the owner still has it


def test_saving_needs_a_result_this_browser_took():
    from healthcheck import services

    stranger = Assessment.objects.create(submission_id="00000000-0000-4000-8000-0000000000aa", kind="quick")
    with pytest.raises(services.MajubomError):
        services.assessment_save_to_account(assessment=stranger, user=UserFactory(), consent=True, session={})
    stranger.refresh_from_db()
    assert stranger.user_id is None


def test_the_user_delete_confirmation_only_counts_the_residents_health_tests(client):
    """The audit: staff's delete confirmation listed a resident's health tests by kind and date."""
    resident = UserFactory(email="grandma@example.kr")
    for n in range(3):
        Assessment.objects.create(
            submission_id=f"00000000-0000-4000-8000-00000000010{n}",
            kind="detailed",
            user=resident,
            consent=True,
        )
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    html = client.get(f"/admin/majubom/user/{resident.pk}/delete/").content.decode()
    assert "3건 (민감정보라 내용은 보여 드리지 않아요)" in html
    assert "자세한 테스트" not in html and "detailed" not in html
