"""찜: keeping a service or a 건강반 to come back to, logged in or not, and what others never see."""

import datetime as dt
import re

import pytest
from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from catalog.models import ServiceImage
from groups.models import GroupSchedule
from tests.factories import (
    TEST_PASSWORD,
    GroupSessionFactory,
    HealthGroupFactory,
    ProviderFactory,
    ServiceFactory,
    SlotFactory,
    UserFactory,
)
from web import saved
from web.models import SavedItem

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def save_url(kind: str, pk: int) -> str:
    return f"/my/saved/{kind}/{pk}/"


def press(client, kind, pk, action="save", **extra):
    return client.post(save_url(kind, pk), {"action": action, **extra.pop("data", {})}, **extra)


def button(html: str, kind: str, pk: int) -> str:
    """The 찜 button's box for one target on a page ("" when there is none)."""
    match = re.search(rf'<div class="save-toggle" id="save-{kind}-{pk}">.*?</div>', html, re.S)
    return match.group(0) if match else ""


def pressed(html: str, kind: str, pk: int) -> bool | None:
    box = button(html, kind, pk)
    if not box:
        return None
    return 'aria-pressed="true"' in box and "찜했어요" in box


@pytest.fixture
def walk():
    service = ServiceFactory(title="숲길 걷기 교실")
    SlotFactory(service=service)
    return service


@pytest.fixture
def yoga():
    group = HealthGroupFactory(title="의자 요가 모임")
    GroupSessionFactory(group=group)
    return group


@pytest.fixture
def resident():
    user = UserFactory(name="김순자")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


# --- the button and the page, logged out -----------------------------------------------------------------


def test_a_visitor_saves_a_service_without_logging_in_and_finds_it_on_the_page(client, walk):
    page = client.get(walk.get_absolute_url()).content.decode()
    assert pressed(page, "service", walk.pk) is False
    assert "찜하기" in button(page, "service", walk.pk)

    response = press(client, "service", walk.pk, data={"next": walk.get_absolute_url()})
    assert response.status_code == 302 and response.url == walk.get_absolute_url()
    page = client.get(response.url).content.decode()
    assert pressed(page, "service", walk.pk) is True
    assert "찜한 것에 담았어요" in page  # the message, when the page reloads without JavaScript

    listing = client.get("/my/saved/").content.decode()
    assert "숲길 걷기 교실" in listing and walk.provider.name in listing
    assert "신청하기" in listing  # a time is open: the next step is to apply
    assert SavedItem.objects.count() == 0  # a visitor's 찜 live in their session only


def test_a_visitor_unsaves_and_the_page_says_so(client, walk, yoga):
    press(client, "service", walk.pk)
    press(client, "group", yoga.pk)
    response = press(client, "service", walk.pk, "unsave", data={"next": "/my/saved/"}, follow=True)
    html = response.content.decode()
    assert "찜한 것에서 뺐어요" in html
    assert "숲길 걷기 교실" not in html and "의자 요가 모임" in html


def test_the_htmx_answer_is_the_button_alone_in_its_new_state(client, walk):
    response = press(client, "service", walk.pk, data={"next": walk.get_absolute_url()}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "site-header" not in html
    assert pressed(html, "service", walk.pk) is True
    assert "찜한 것에 담았어요" in html and 'href="/my/saved/"' in html  # feedback at the button
    assert '<svg class="save-heart"' in html and 'aria-hidden="true"' in html
    assert f'value="{walk.get_absolute_url()}"' in html  # the next press still comes back to the page

    html = press(client, "service", walk.pk, "unsave", **HTMX).content.decode()
    assert pressed(html, "service", walk.pk) is False and "찜한 것에서 뺐어요" in html


def test_the_button_is_a_real_form_that_says_what_a_press_means(client, walk):
    box = button(client.get(walk.get_absolute_url()).content.decode(), "service", walk.pk)
    assert f'<form method="post" action="{save_url("service", walk.pk)}"' in box
    assert 'name="csrfmiddlewaretoken"' in box
    assert 'name="action" value="save"' in box
    assert 'hx-swap="outerHTML"' in box


def test_the_empty_page_suggests_where_to_start(client):
    html = client.get("/my/saved/").content.decode()
    assert "아직 찜한 것이 없어요" in html
    assert 'href="/services/"' in html and "건강 서비스 둘러보기" in html
    assert 'href="/healthcheck/"' in html and "건강 테스트" in html


def test_the_header_links_to_the_saved_page(client):
    assert 'href="/my/saved/"' in client.get("/").content.decode()


# --- logged in ---------------------------------------------------------------------------------------------


def test_a_resident_saves_and_unsaves_a_service_and_a_group(client, resident, walk, yoga):
    client.force_login(resident)
    press(client, "service", walk.pk)
    press(client, "group", yoga.pk)
    assert {item.key for item in SavedItem.objects.filter(user=resident)} == {
        f"service:{walk.pk}",
        f"group:{yoga.pk}",
    }
    html = client.get("/my/saved/").content.decode()
    assert html.index("의자 요가 모임") < html.index("숲길 걷기 교실")  # the newest first
    assert pressed(client.get(yoga.get_absolute_url()).content.decode(), "group", yoga.pk) is True

    press(client, "group", yoga.pk, "unsave")
    assert [item.key for item in SavedItem.objects.filter(user=resident)] == [f"service:{walk.pk}"]
    assert pressed(client.get(yoga.get_absolute_url()).content.decode(), "group", yoga.pk) is False


@pytest.mark.parametrize("logged_in", [True, False])
def test_a_double_submit_saves_once(client, resident, walk, logged_in):
    if logged_in:
        client.force_login(resident)
    for _ in range(3):
        assert press(client, "service", walk.pk).status_code == 302
    html = client.get("/my/saved/").content.decode()
    assert html.count("숲길 걷기 교실") == 1
    if logged_in:
        assert SavedItem.objects.filter(user=resident).count() == 1
    else:
        assert client.session[saved.SESSION_KEY] == [f"service:{walk.pk}"]
    # and a double "unsave" is as harmless
    press(client, "service", walk.pk, "unsave")
    press(client, "service", walk.pk, "unsave")
    assert "숲길 걷기 교실" not in client.get("/my/saved/").content.decode()


def test_one_row_holds_exactly_one_target_once(resident, walk, yoga):
    with pytest.raises(IntegrityError), transaction.atomic():
        SavedItem.objects.create(user=resident, service=walk, group=yoga)
    with pytest.raises(IntegrityError), transaction.atomic():
        SavedItem.objects.create(user=resident)
    SavedItem.objects.create(user=resident, service=walk)
    with pytest.raises(IntegrityError), transaction.atomic():
        SavedItem.objects.create(user=resident, service=walk)


# --- merging at login --------------------------------------------------------------------------------------


def test_what_a_visitor_saved_joins_the_account_at_login_without_duplicates(client, resident, walk, yoga):
    SavedItem.objects.create(user=resident, service=walk)  # kept on another day, from another phone
    press(client, "service", walk.pk)
    press(client, "group", yoga.pk)

    response = client.post("/accounts/login/", {"login": resident.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert sorted(item.key for item in SavedItem.objects.filter(user=resident)) == sorted(
        [f"service:{walk.pk}", f"group:{yoga.pk}"]
    )
    assert saved.SESSION_KEY not in client.session
    html = client.get("/my/saved/").content.decode()
    assert html.count("숲길 걷기 교실") == 1 and "의자 요가 모임" in html
    assert "이 기기에서만" not in html  # the logged-out note is gone

    client.post("/accounts/logout/")
    assert "아직 찜한 것이 없어요" in client.get("/my/saved/").content.decode()  # logged out: a new list


def test_a_merge_skips_what_can_no_longer_be_seen_and_keeps_the_order(resident, walk, yoga):
    hidden = ServiceFactory(status="archived")
    session = {
        saved.SESSION_KEY: [
            f"group:{yoga.pk}",
            f"service:{hidden.pk}",
            "service:999999",
            "x:1",
            f"service:{walk.pk}",
        ]
    }
    assert saved.items_merge_session(session=session, user=resident) == 2
    assert [item.key for item in SavedItem.objects.filter(user=resident)] == [
        f"group:{yoga.pk}",
        f"service:{walk.pk}",
    ]
    assert session == {}


def test_a_signup_keeps_what_the_visitor_saved(client, walk, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "optional"  # the new account is logged in at once
    press(client, "service", walk.pk)
    signup = {
        "email": "new.resident@example.kr",
        "name": "이영희",
        "agree_age": "on",
        "agree_terms": "on",
        "agree_privacy": "on",
    }
    response = client.post(
        "/accounts/signup/",
        {**signup, "password1": "daejeon-spring-2026", "password2": "daejeon-spring-2026"},
    )
    assert response.status_code == 302 and "_auth_user_id" in client.session
    assert [item.key for item in SavedItem.objects.filter(user__email="new.resident@example.kr")] == [
        f"service:{walk.pk}"
    ]


# --- tampering and what others see --------------------------------------------------------------------------


def hidden_targets():
    draft = ServiceFactory(status="draft")
    unpublished_provider = ServiceFactory(provider=ProviderFactory(is_published=False))
    draft_group = HealthGroupFactory(status="draft")
    hidden_host = HealthGroupFactory(provider=ProviderFactory(is_published=False))
    return [
        ("service", draft.pk),
        ("service", unpublished_provider.pk),
        ("service", 999999),
        ("group", draft_group.pk),
        ("group", hidden_host.pk),
        ("group", 999999),
    ]


@pytest.mark.parametrize("logged_in", [True, False])
def test_a_tampered_or_hidden_id_changes_nothing_and_says_why(client, resident, logged_in):
    if logged_in:
        client.force_login(resident)
    for kind, pk in hidden_targets():
        response = press(client, kind, pk, follow=True)
        assert "볼 수 없어서 찜할 수 없어요" in response.content.decode()
        html = press(client, kind, pk, **HTMX).content.decode()
        assert "볼 수 없어서 찜할 수 없어요" in html and pressed(html, kind, pk) is False
    assert SavedItem.objects.count() == 0
    assert not client.session.get(saved.SESSION_KEY)
    assert "아직 찜한 것이 없어요" in client.get("/my/saved/").content.decode()


def test_malformed_requests_change_nothing(client, resident, walk):
    client.force_login(resident)
    assert client.post("/my/saved/provider/1/", {"action": "save"}).status_code == 404
    assert client.post("/my/saved/service/abc/", {"action": "save"}).status_code == 404
    assert client.get(save_url("service", walk.pk)).status_code == 405
    response = press(client, "service", walk.pk, "toggle", follow=True)
    assert "다시 한 번 눌러 주세요" in response.content.decode()
    # a "next" pointing elsewhere is not followed
    response = press(client, "service", walk.pk, data={"next": "https://evil.example/"})
    assert response.url == "/my/saved/"
    assert SavedItem.objects.filter(user=resident).count() == 1


def test_a_session_list_that_was_tampered_with_is_read_safely(client, walk):
    session = client.session
    session[saved.SESSION_KEY] = ["service:abc", "<script>", f"service:{walk.pk}", 7, f"service:0{walk.pk}"]
    session.save()
    html = client.get("/my/saved/").content.decode()
    assert html.count("숲길 걷기 교실") == 1 and "<script>" not in html.split("<main", 1)[1]


def test_another_residents_saved_items_are_never_visible_or_touched(client, resident, walk, yoga):
    SavedItem.objects.create(user=resident, service=walk)
    SavedItem.objects.create(user=resident, group=yoga)
    neighbour = UserFactory()
    client.force_login(neighbour)
    html = client.get("/my/saved/").content.decode()
    assert "숲길 걷기 교실" not in html and "의자 요가 모임" not in html and "아직 찜한 것이 없어요" in html
    assert pressed(client.get(walk.get_absolute_url()).content.decode(), "service", walk.pk) is False
    press(client, "service", walk.pk, "unsave")
    press(client, "group", yoga.pk, "unsave")
    assert SavedItem.objects.filter(user=resident).count() == 2
    assert "숲길 걷기 교실" not in Client().get("/my/saved/").content.decode()


def test_a_saved_service_that_is_taken_down_leaves_the_page(client, resident, walk):
    client.force_login(resident)
    press(client, "service", walk.pk)
    walk.status = "archived"
    walk.save(update_fields=["status"])
    assert "숲길 걷기 교실" not in client.get("/my/saved/").content.decode()


def test_the_list_has_a_limit_with_a_clear_message(client, resident, walk, yoga, monkeypatch):
    monkeypatch.setattr(saved, "MAX_ITEMS", 1)
    client.force_login(resident)
    press(client, "service", walk.pk)
    response = press(client, "group", yoga.pk, follow=True)
    assert "찜은 1개까지 할 수 있어요" in response.content.decode()
    assert SavedItem.objects.filter(user=resident).count() == 1


# --- cached pages and query budgets ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["service", "group"])
def test_a_cached_page_shows_each_visitor_their_own_button(resident, walk, yoga, kind):
    target = walk if kind == "service" else yoga
    keeper, other, visitor = Client(), Client(), Client()
    keeper.force_login(resident)
    other.force_login(UserFactory())
    press(keeper, kind, target.pk)
    press(visitor, kind, target.pk)  # a logged-out visitor who saved it too
    url = target.get_absolute_url()
    # The keeper warms the shared cache; the others are served from it, then the keeper again.
    assert pressed(keeper.get(url).content.decode(), kind, target.pk) is True
    assert pressed(other.get(url).content.decode(), kind, target.pk) is False
    assert pressed(Client().get(url).content.decode(), kind, target.pk) is False
    assert pressed(visitor.get(url).content.decode(), kind, target.pk) is True
    assert pressed(keeper.get(url).content.decode(), kind, target.pk) is True
    # … and in the other order: a cold page first warmed by someone who has not saved it
    press(keeper, kind, target.pk, "unsave")
    press(other, kind, target.pk)
    assert pressed(keeper.get(url).content.decode(), kind, target.pk) is False
    assert pressed(other.get(url).content.decode(), kind, target.pk) is True


def test_the_button_costs_one_query_on_a_warm_page_and_none_for_a_new_visitor(
    client, resident, walk, yoga, django_assert_max_num_queries
):
    for url in (walk.get_absolute_url(), yoga.get_absolute_url()):
        client.get(url)
        with django_assert_max_num_queries(0):  # a first-time visitor on a warm page: no queries at all
            assert "찜하기" in client.get(url).content.decode()
    client.force_login(resident)
    for url in (walk.get_absolute_url(), yoga.get_absolute_url()):
        client.get(url)
    with django_assert_max_num_queries(3) as captured:  # the session, the user, and the 찜 state
        client.get(walk.get_absolute_url())
    assert sum("web_saveditem" in q["sql"] for q in captured.captured_queries) == 1


@pytest.fixture
def many_saved():
    """Twelve services (with pictures and times) and twelve groups (with schedules), in a fixed order."""
    services, groups = [], []
    for i in range(12):
        service = ServiceFactory(title=f"방문 운동 {i}", stock=None if i % 2 else 3, delivery="home_visit")
        SlotFactory(service=service)
        ServiceImage.objects.create(service=service, image=f"services/{i}.jpg", alt_text="사진", position=0)
        services.append(service)
        group = HealthGroupFactory(title=f"걷기 모임 {i}")
        GroupSchedule.objects.create(
            group=group,
            weekdays=[1],
            start_time=dt.time(10),
            duration_minutes=60,
            first_date=timezone.localdate(),
            skip_holidays=False,
        )
        GroupSessionFactory(group=group)
        groups.append(group)
    return services, groups


@pytest.mark.parametrize(
    ("logged_in", "budget"),
    # session, (user, 찜 rows,) services, their pictures, groups, their schedules
    [(True, 7), (False, 5)],
)
def test_the_saved_page_costs_the_same_few_queries_whatever_its_length(
    client, resident, many_saved, django_assert_max_num_queries, logged_in, budget
):
    services, groups = many_saved
    if logged_in:
        client.force_login(resident)
    press(client, "service", services[0].pk)
    press(client, "group", groups[0].pk)
    with django_assert_max_num_queries(budget):
        html = client.get("/my/saved/").content.decode()
    assert "방문 운동 0" in html and "걷기 모임 0" in html
    for service, group in zip(services, groups, strict=True):
        press(client, "service", service.pk)
        press(client, "group", group.pk)
    with django_assert_max_num_queries(budget):
        html = client.get("/my/saved/").content.decode()
    assert all(f"방문 운동 {i}<" in html and f"걷기 모임 {i}<" in html for i in range(12))
    assert html.count("찜했어요") == 24
    assert "매주 화 오전 10시" in html
