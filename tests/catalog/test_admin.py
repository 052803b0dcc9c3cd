"""The admin isolation matrix: a member of provider A (is_staff, not superuser, no Django permissions)
against provider B's objects on every admin URL; what a member may and may not do; and what the
cooperative (superuser, or staff holding ``catalog.moderate_catalog``) may do."""

import datetime as dt
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from catalog.models import Need, Provider, Service, ServiceImage, Slot
from majubom import audit
from tests.factories import (
    NeedFactory,
    ProviderFactory,
    ProviderMemberFactory,
    ServiceFactory,
    SlotFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MISSING_ID = 987654321


# --- helpers ------------------------------------------------------------------------------------------------


class _FormFields(HTMLParser):
    """What a browser would submit from ``<form id=form_id>``: inputs, checked boxes, selects, textareas."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.found = False
        self.data: dict[str, list[str]] = {}
        self._select: dict | None = None
        self._textarea: list | None = None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            if a.get("id") == self.form_id:
                self.inside = self.found = True
            return
        if not self.inside:
            return
        if tag == "input":
            name, kind = a.get("name"), (a.get("type") or "text").lower()
            if not name or kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in a:
                    self._add(name, a.get("value") or "on")
                return
            self._add(name, a.get("value") or "")
        elif tag == "select" and a.get("name"):
            self._select = {"name": a["name"], "multiple": "multiple" in a, "first": None, "selected": []}
        elif tag == "option" and self._select is not None:
            value = a.get("value") or ""
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in a:
                self._select["selected"].append(value)
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select" and self._select is not None:
            s = self._select
            values = s["selected"] or ([] if s["multiple"] or s["first"] is None else [s["first"]])
            if not s["multiple"]:
                values = values[-1:]
            for value in values:
                self._add(s["name"], value)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, value = self._textarea
            self._add(name, value.removeprefix("\r\n").removeprefix("\n"))
            self._textarea = None


def form_data(response, form_id: str) -> dict[str, list[str]]:
    """POST data built from a GET response the way a browser submits the form (initial values)."""
    assert response.status_code == 200, response.status_code
    parser = _FormFields(form_id)
    parser.feed(response.content.decode())
    assert parser.found, f"no <form id={form_id}> on the page"
    return parser.data


def results(response) -> list:
    return list(response.context["cl"].result_list)


def autocomplete(client, model_name: str, field_name: str, term: str = ""):
    return client.get(
        "/admin/autocomplete/",
        {"app_label": "catalog", "model_name": model_name, "field_name": field_name, "term": term},
    )


def autocomplete_ids(response) -> set[int]:
    assert response.status_code == 200
    return {int(item["id"]) for item in response.json()["results"]}


def snapshot(obj) -> dict:
    obj.refresh_from_db()
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def member_of(*providers):
    user = ProviderMemberFactory(provider=providers[0]).user
    for provider in providers[1:]:
        ProviderMemberFactory(provider=provider, user=user)
    return user


def split_local(value: dt.datetime) -> tuple[str, str]:
    local = timezone.localtime(value)
    return local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")


def grant(user, *codenames: str) -> None:
    perms = Permission.objects.filter(content_type__app_label="catalog", codename__in=codenames)
    assert perms.count() == len(codenames)
    user.user_permissions.add(*perms)


@pytest.fixture
def world():
    a = ProviderFactory(name="가람 돌봄 협동조합", slug="garam", is_published=False)
    b = ProviderFactory(name="은하수 사회적기업", slug="nuri")
    a_service = ServiceFactory(
        provider=a, title="어르신 요가 교실", slug="garam-yoga", status="draft", published_at=None
    )
    b_service = ServiceFactory(
        provider=b, title="은하 상담 체험", slug="nuri-counsel", status="draft", published_at=None
    )
    a_slot = SlotFactory(service=a_service)
    b_slot = SlotFactory(service=b_service, capacity=7)
    return SimpleNamespace(
        a=a, b=b, a_service=a_service, b_service=b_service, a_slot=a_slot, b_slot=b_slot, member=member_of(a)
    )


@pytest.fixture
def member_client(client, world):
    client.force_login(world.member)
    return client


B_WORDS = ["은하수 사회적기업", "은하 상담 체험", "은하"]


def assert_no_b(response):
    html = response.content.decode()
    term = response.wsgi_request.GET.get("q")
    if term:  # the search box echoes what was typed; that is not a leak
        html = html.replace(f'value="{term}"', "")
    for word in B_WORDS:
        assert word not in html, f"{word!r} leaked into {response.request['PATH_INFO']}"


# --- 1. changelists -----------------------------------------------------------------------------------------


def test_service_changelist_shows_only_own_services(member_client, world):
    response = member_client.get("/admin/catalog/service/")
    assert response.status_code == 200
    assert results(response) == [world.a_service]
    assert "어르신 요가 교실" in response.content.decode()
    assert_no_b(response)


@pytest.mark.parametrize(
    "query",
    [
        "q=은하",
        "q=상담",
        "q=은하수",  # search_fields include provider__name
        "provider__id__exact={b}",
        "provider__id__exact={b}&q=상담",
        "status__exact=draft",
        "domain__exact=physical&delivery__exact=home_visit",
        "is_experience__exact=0",
    ],
)
def test_service_changelist_search_and_filters_never_show_other_provider(member_client, world, query):
    response = member_client.get("/admin/catalog/service/?" + query.format(b=world.b.pk))
    assert response.status_code == 200
    assert world.b_service not in results(response)
    assert all(s.provider_id == world.a.pk for s in results(response))
    assert_no_b(response)


def test_service_changelist_search_for_other_provider_is_empty(member_client, world):
    assert results(member_client.get("/admin/catalog/service/?q=상담")) == []
    assert results(member_client.get("/admin/catalog/service/?q=은하수")) == []


def filter_spec(response, field_path: str):
    specs = [f for f in response.context["cl"].filter_specs if getattr(f, "field_path", "") == field_path]
    return specs[0] if specs else None


def test_service_changelist_provider_filter_of_one_provider_member(member_client, world):
    response = member_client.get("/admin/catalog/service/")
    # One choice only: Django hides the filter (and ignores its parameter), so B cannot be picked either.
    spec = filter_spec(response, "provider")
    assert spec is None or spec.lookup_choices == [(world.a.pk, world.a.name)]
    assert_no_b(response)
    response = member_client.get(f"/admin/catalog/service/?provider__id__exact={world.b.pk}")
    assert world.b_service not in results(response)
    assert all(s.provider_id == world.a.pk for s in results(response))
    assert_no_b(response)


def test_service_changelist_provider_filter_sidebar_lists_only_own_providers(client, world):
    c = ProviderFactory(name="다온 마을기업", slug="daon")
    c_service = ServiceFactory(provider=c, title="다온 도시락", status="draft", published_at=None)
    client.force_login(member_of(world.a, c))
    response = client.get("/admin/catalog/service/")
    assert set(results(response)) == {world.a_service, c_service}
    spec = filter_spec(response, "provider")
    assert sorted(spec.lookup_choices) == sorted([(world.a.pk, world.a.name), (c.pk, c.name)])
    assert_no_b(response)

    response = client.get(f"/admin/catalog/service/?provider__id__exact={world.b.pk}")
    assert results(response) == []
    assert_no_b(response)
    response = client.get(f"/admin/catalog/service/?provider__id__exact={c.pk}")
    assert results(response) == [c_service]


def test_slot_changelist_shows_only_own_slots(member_client, world):
    response = member_client.get("/admin/catalog/slot/")
    assert response.status_code == 200
    assert results(response) == [world.a_slot]
    assert_no_b(response)


def test_slot_changelist_service_filter_sidebar_lists_only_own_services(member_client, world):
    other = ServiceFactory(provider=world.a, title="어르신 걷기 모임", status="draft", published_at=None)
    other_slot = SlotFactory(service=other, starts_at=timezone.now() + dt.timedelta(days=4))
    response = member_client.get("/admin/catalog/slot/")
    assert set(results(response)) == {world.a_slot, other_slot}
    spec = filter_spec(response, "service")
    assert sorted(spec.lookup_choices) == sorted(
        [(world.a_service.pk, world.a_service.title), (other.pk, other.title)]
    )
    assert_no_b(response)
    response = member_client.get(f"/admin/catalog/slot/?service__id__exact={world.b_service.pk}")
    assert results(response) == []
    assert_no_b(response)


@pytest.mark.parametrize(
    "query", ["q=은하", "q=상담 체험", "service__id__exact={bs}", "service__id__exact={bs}&q=은하"]
)
def test_slot_changelist_search_and_filters_never_show_other_provider(member_client, world, query):
    response = member_client.get("/admin/catalog/slot/?" + query.format(bs=world.b_service.pk))
    assert response.status_code == 200
    assert world.b_slot not in results(response)
    assert all(s.service.provider_id == world.a.pk for s in results(response))
    if "q=" in query:
        assert results(response) == []
    assert_no_b(response)


def test_slot_changelist_date_hierarchy_never_shows_other_provider(member_client, world):
    day = timezone.localtime(world.b_slot.starts_at)
    response = member_client.get(
        f"/admin/catalog/slot/?starts_at__year={day.year}&starts_at__month={day.month}&starts_at__day={day.day}"
    )
    assert response.status_code == 200
    assert world.b_slot not in results(response)
    assert_no_b(response)


def test_provider_changelist_shows_only_own_provider(member_client, world):
    response = member_client.get("/admin/catalog/provider/")
    assert response.status_code == 200
    assert results(response) == [world.a]
    assert_no_b(response)


@pytest.mark.parametrize(
    "query", ["q=은하수", "q=nuri", "is_published__exact=1", "kind__exact=cooperative&district__exact=seo"]
)
def test_provider_changelist_search_and_filters_never_show_other_provider(member_client, world, query):
    response = member_client.get("/admin/catalog/provider/?" + query)
    assert response.status_code == 200
    assert world.b not in results(response)
    assert all(p.pk == world.a.pk for p in results(response))
    assert_no_b(response)


# --- 2. change, delete and history pages --------------------------------------------------------------------

OBJECT_PAGES = [
    (model, page)
    for model in ["service", "slot", "provider"]
    for page in ["change", "delete", "history"]
    if (model, page) != ("provider", "delete")  # members never delete providers: see the test below
]
B_OBJECTS = {"service": "b_service", "slot": "b_slot", "provider": "b"}
A_OBJECTS = {"service": "a_service", "slot": "a_slot", "provider": "a"}
FORGED_POST = {
    "change": {"title": "해킹", "name": "해킹", "capacity": "1", "summary": "해킹", "address": "해킹"},
    "delete": {"post": "yes"},
    "history": {},
}


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("model", "page"), OBJECT_PAGES)
def test_other_providers_object_pages_are_404(member_client, world, model, page, method):
    obj = getattr(world, B_OBJECTS[model])
    before = snapshot(obj)
    url = f"/admin/catalog/{model}/{obj.pk}/{page}/"
    response = getattr(member_client, method)(url, FORGED_POST[page] if method == "post" else {})
    assert response.status_code == 404
    assert type(obj).objects.filter(pk=obj.pk).exists()
    assert snapshot(obj) == before


@pytest.mark.parametrize(("model", "page"), OBJECT_PAGES)
def test_other_providers_ids_answer_like_missing_ids(member_client, world, model, page):
    """No existence oracle: B's id and an id that does not exist get the same answer."""
    obj = getattr(world, B_OBJECTS[model])
    other = member_client.get(f"/admin/catalog/{model}/{obj.pk}/{page}/")
    missing = member_client.get(f"/admin/catalog/{model}/{MISSING_ID}/{page}/")
    assert other.status_code == missing.status_code == 404


@pytest.mark.parametrize(("model", "page"), OBJECT_PAGES)
def test_own_object_pages_are_200(member_client, world, model, page):
    obj = getattr(world, A_OBJECTS[model])
    response = member_client.get(f"/admin/catalog/{model}/{obj.pk}/{page}/")
    assert response.status_code == 200
    assert_no_b(response)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("which", ["a", "b", "missing"])
def test_members_cannot_delete_any_provider_and_learn_nothing(member_client, world, which, method):
    pk = {"a": world.a.pk, "b": world.b.pk, "missing": MISSING_ID}[which]
    url = f"/admin/catalog/provider/{pk}/delete/"
    response = getattr(member_client, method)(url, {"post": "yes"} if method == "post" else {})
    # ProviderAdmin.has_delete_permission is False for members, which Django checks before the lookup:
    # the same 403 for own, other and missing ids, so it tells nothing about B.
    assert response.status_code == 403
    assert Provider.objects.filter(pk__in=[world.a.pk, world.b.pk]).count() == 2


@pytest.mark.parametrize("method", ["get", "post"])
def test_repeat_slots_of_other_providers_service_is_404(member_client, world, method):
    url = f"/admin/catalog/service/{world.b_service.pk}/repeat-slots/"
    data = {
        "weekdays": ["1", "3"],
        "start_time": "10:00",
        "end_time": "11:00",
        "first_date": (timezone.localdate() + dt.timedelta(days=1)).isoformat(),
        "weeks": "8",
        "capacity": "10",
    }
    response = getattr(member_client, method)(url, data if method == "post" else {})
    assert response.status_code == 404
    assert list(Slot.objects.filter(service=world.b_service)) == [world.b_slot]
    assert member_client.get(f"/admin/catalog/service/{MISSING_ID}/repeat-slots/").status_code == 404


def test_repeat_slots_of_own_service_is_200(member_client, world):
    response = member_client.get(f"/admin/catalog/service/{world.a_service.pk}/repeat-slots/")
    assert response.status_code == 200
    assert "어르신 요가 교실" in response.content.decode()


def test_bare_object_url_of_other_provider_ends_in_404(member_client, world):
    response = member_client.get(f"/admin/catalog/service/{world.b_service.pk}/", follow=True)
    assert response.status_code == 404


def test_view_on_site_shortcut_of_other_providers_draft_service_is_404(member_client, world):
    ct = ContentType.objects.get_for_model(Service)
    missing = member_client.get(f"/admin/r/{ct.pk}/{MISSING_ID}/")
    response = member_client.get(f"/admin/r/{ct.pk}/{world.b_service.pk}/")
    assert world.b_service.slug not in response.get("Location", "")
    assert response.status_code == missing.status_code == 404


@pytest.mark.parametrize(
    "spelling", ["+{ct}/{pk}", "%20{ct}/{pk}", "{ct}%20/{pk}", "{ct}/+{pk}", "0{ct}/{pk}"]
)
def test_view_on_site_cannot_be_reached_by_another_spelling_of_the_ids(member_client, world, spelling):
    """The audit's bypass: "+6", "%206" or "6%20" fell through to Django's own unguarded redirect."""
    from orders.models import Order

    ct = ContentType.objects.get_for_model(Service)
    response = member_client.get("/admin/r/" + spelling.format(ct=ct.pk, pk=world.b_service.pk) + "/")
    assert response.status_code == 404
    assert world.b_service.slug not in response.get("Location", "")
    order_ct = ContentType.objects.get_for_model(Order)
    response = member_client.get("/admin/r/" + spelling.format(ct=order_ct.pk, pk=1) + "/")
    assert response.status_code == 404


def test_view_on_site_shortcut_of_own_service_redirects(member_client, world):
    ct = ContentType.objects.get_for_model(Service)
    response = member_client.get(f"/admin/r/{ct.pk}/{world.a_service.pk}/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/services/{world.a_service.slug}/")


def test_add_page_prefilled_with_other_providers_ids_shows_nothing_of_theirs(client, world):
    c = ProviderFactory(name="다온 마을기업", slug="daon")
    client.force_login(member_of(world.a, c))
    response = client.get(f"/admin/catalog/slot/add/?service={world.b_service.pk}")
    assert response.status_code == 200
    assert_no_b(response)
    response = client.get(f"/admin/catalog/service/add/?provider={world.b.pk}")
    assert response.status_code == 200
    assert_no_b(response)


# --- 3. autocomplete ----------------------------------------------------------------------------------------


def test_autocomplete_of_services_never_returns_other_providers(member_client, world):
    assert autocomplete_ids(autocomplete(member_client, "slot", "service", "은하")) == set()
    assert autocomplete_ids(autocomplete(member_client, "slot", "service", "상담")) == set()
    assert autocomplete_ids(autocomplete(member_client, "slot", "service", "요가")) == {world.a_service.pk}
    assert autocomplete_ids(autocomplete(member_client, "slot", "service", "")) == {world.a_service.pk}


def test_autocomplete_of_providers_never_returns_other_providers(member_client, world):
    # Members with one provider get no provider widget; the endpoint must stay scoped when called directly.
    for model_name in ["service", "providermember"]:
        assert autocomplete_ids(autocomplete(member_client, model_name, "provider", "은하수")) == set()
        assert autocomplete_ids(autocomplete(member_client, model_name, "provider", "")) == {world.a.pk}


def test_autocomplete_of_needs_works_for_members(member_client, world):
    # Needs are one shared vocabulary (the core needs come with the migrations): members see all of them.
    walking = NeedFactory(slug="walking", name="걷기 부족")
    response = autocomplete(member_client, "service", "needs", "")
    assert response.status_code == 200
    assert autocomplete_ids(response) == set(Need.objects.values_list("pk", flat=True))
    assert walking.pk in autocomplete_ids(response)
    assert autocomplete_ids(autocomplete(member_client, "service", "needs", "걷기")) == {walking.pk}


def test_autocomplete_of_users_is_forbidden_for_members(member_client, world):
    response = autocomplete(member_client, "providermember", "user", "example")
    assert response.status_code == 403


# --- 4. adding a service ------------------------------------------------------------------------------------


def service_add_data(response, **overrides) -> dict:
    data = form_data(response, "service_form")
    data.update(
        {
            "title": ["새 걷기 모임"],
            "summary": ["함께 걸어요."],
            "domain": ["physical"],
            "delivery": ["venue"],
            "price": ["5000"],
            "unit": ["session"],
        }
    )
    data.update({key: [value] if isinstance(value, str) else value for key, value in overrides.items()})
    return data


def test_add_page_has_image_and_slot_inlines_and_no_provider_field_for_one_provider(member_client, world):
    response = member_client.get("/admin/catalog/service/add/")
    assert response.status_code == 200
    prefixes = {f.formset.prefix for f in response.context["inline_admin_formsets"]}
    assert prefixes == {"images", "slots"}
    html = response.content.decode()
    assert 'name="images-TOTAL_FORMS"' in html and 'name="slots-TOTAL_FORMS"' in html
    form = response.context["adminform"].form
    assert "provider" not in form.fields
    assert "status" not in form.fields
    assert_no_b(response)


def test_member_adds_a_draft_service_of_own_provider_even_when_post_is_forged(member_client, world):
    page = member_client.get("/admin/catalog/service/add/")
    data = service_add_data(page, status="published", provider=str(world.b.pk), published_at="2026-01-01")
    response = member_client.post("/admin/catalog/service/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    service = Service.objects.get(title="새 걷기 모임")
    assert service.provider_id == world.a.pk
    assert service.status == Service.Status.DRAFT
    assert service.published_at is None
    assert service.slug.startswith("garam-")
    assert Service.objects.filter(provider=world.b).count() == 1


def test_member_adds_a_service_with_slots_in_the_inline(member_client, world):
    page = member_client.get("/admin/catalog/service/add/")
    date = (timezone.localdate() + dt.timedelta(days=5)).isoformat()
    data = service_add_data(page)
    data.update(
        {
            "slots-TOTAL_FORMS": ["1"],
            "slots-0-starts_at_0": [date],
            "slots-0-starts_at_1": ["10:00:00"],
            "slots-0-ends_at_0": [date],
            "slots-0-ends_at_1": ["11:00:00"],
            "slots-0-capacity": ["6"],
        }
    )
    response = member_client.post("/admin/catalog/service/add/", data)
    assert response.status_code == 302
    service = Service.objects.get(title="새 걷기 모임")
    assert service.provider_id == world.a.pk
    assert [s.capacity for s in service.slots.all()] == [6]


def test_member_of_two_providers_chooses_only_among_own_providers(client, world):
    c = ProviderFactory(name="다온 마을기업", slug="daon")
    user = member_of(world.a, c)
    client.force_login(user)
    page = client.get("/admin/catalog/service/add/")
    form = page.context["adminform"].form
    assert "provider" in form.fields
    assert set(form.fields["provider"].queryset) == {world.a, c}
    assert_no_b(page)

    before = Service.objects.count()
    response = client.post("/admin/catalog/service/add/", service_add_data(page, provider=str(world.b.pk)))
    assert response.status_code == 200
    assert "provider" in response.context["adminform"].form.errors
    assert Service.objects.count() == before

    response = client.post(
        "/admin/catalog/service/add/", service_add_data(page, provider=str(c.pk), status="published")
    )
    assert response.status_code == 302
    service = Service.objects.get(title="새 걷기 모임")
    assert (service.provider_id, service.status) == (c.pk, Service.Status.DRAFT)


def test_member_of_two_providers_cannot_move_a_service_to_the_other(client, world):
    c = ProviderFactory(name="다온 마을기업", slug="daon")
    client.force_login(member_of(world.a, c))
    url = f"/admin/catalog/service/{world.a_service.pk}/change/"
    page = client.get(url)
    assert "provider" not in page.context["adminform"].form.fields  # read-only once created
    data = form_data(page, "service_form")
    data["provider"] = [str(c.pk)]
    client.post(url, data)
    world.a_service.refresh_from_db()
    assert world.a_service.provider_id == world.a.pk


# --- 5. adding a slot ---------------------------------------------------------------------------------------


def slot_data(service, starts, capacity="5") -> dict:
    date, time = split_local(starts)
    end_date, end_time = split_local(starts + dt.timedelta(hours=1))
    return {
        "service": str(service.pk),
        "starts_at_0": date,
        "starts_at_1": time,
        "ends_at_0": end_date,
        "ends_at_1": end_time,
        "capacity": capacity,
    }


def test_member_cannot_add_a_slot_to_other_providers_service(member_client, world):
    page = member_client.get("/admin/catalog/slot/add/")
    assert set(page.context["adminform"].form.fields["service"].queryset) == {world.a_service}
    before = Slot.objects.count()
    starts = timezone.now() + dt.timedelta(days=10)
    response = member_client.post("/admin/catalog/slot/add/", slot_data(world.b_service, starts))
    assert response.status_code == 200
    assert "service" in response.context["adminform"].form.errors
    assert Slot.objects.count() == before

    response = member_client.post("/admin/catalog/slot/add/", slot_data(world.a_service, starts))
    assert response.status_code == 302
    assert Slot.objects.filter(service=world.a_service).count() == 2


def test_member_cannot_move_own_slot_to_other_providers_service(member_client, world):
    url = f"/admin/catalog/slot/{world.a_slot.pk}/change/"
    response = member_client.post(url, slot_data(world.b_service, world.a_slot.starts_at))
    assert response.status_code == 200
    assert "service" in response.context["adminform"].form.errors
    world.a_slot.refresh_from_db()
    assert world.a_slot.service_id == world.a_service.pk
    assert Slot.objects.filter(service=world.b_service).count() == 1


# --- 6. inlines ---------------------------------------------------------------------------------------------


def a_service_change_data(client, world) -> dict:
    return form_data(client.get(f"/admin/catalog/service/{world.a_service.pk}/change/"), "service_form")


def forged_slot_row(index: int, slot: Slot, service_pk: int) -> dict:
    starts = slot.starts_at + dt.timedelta(days=1)
    date, time = split_local(starts)
    end_date, end_time = split_local(starts + dt.timedelta(hours=2))
    p = f"slots-{index}-"
    return {
        p + "id": [str(slot.pk)],
        p + "service": [str(service_pk)],
        p + "starts_at_0": [date],
        p + "starts_at_1": [time],
        p + "ends_at_0": [end_date],
        p + "ends_at_1": [end_time],
        p + "capacity": ["99"],
    }


@pytest.mark.parametrize("as_initial_form", [True, False])
@pytest.mark.parametrize("fk", ["a_service", "b_service"])
def test_forged_slot_inline_row_cannot_touch_other_providers_slot(member_client, world, as_initial_form, fk):
    before = snapshot(world.b_slot)
    data = a_service_change_data(member_client, world)
    assert data["slots-INITIAL_FORMS"] == ["1"]
    data.update(forged_slot_row(1, world.b_slot, getattr(world, fk).pk))
    data["slots-TOTAL_FORMS"] = ["2"]
    data["slots-INITIAL_FORMS"] = ["2" if as_initial_form else "1"]
    member_client.post(f"/admin/catalog/service/{world.a_service.pk}/change/", data)
    assert snapshot(world.b_slot) == before
    assert list(Slot.objects.filter(service=world.b_service)) == [world.b_slot]


def test_forged_delete_of_other_providers_slot_in_inline_does_nothing(member_client, world):
    data = a_service_change_data(member_client, world)
    data.update(forged_slot_row(1, world.b_slot, world.a_service.pk))
    data["slots-1-DELETE"] = ["on"]
    data["slots-TOTAL_FORMS"] = ["2"]
    data["slots-INITIAL_FORMS"] = ["2"]
    member_client.post(f"/admin/catalog/service/{world.a_service.pk}/change/", data)
    assert Slot.objects.filter(pk=world.b_slot.pk, service=world.b_service).exists()


@pytest.mark.parametrize("delete", [True, False])
def test_forged_image_inline_row_cannot_touch_other_providers_image(member_client, world, delete):
    b_image = ServiceImage.objects.create(
        service=world.b_service, image="services/original/b.jpg", alt_text="은하 사진", position=3
    )
    before = snapshot(b_image)
    data = a_service_change_data(member_client, world)
    assert data["images-INITIAL_FORMS"] == ["0"]
    data.update(
        {
            "images-TOTAL_FORMS": ["1"],
            "images-INITIAL_FORMS": ["1"],
            "images-0-id": [str(b_image.pk)],
            "images-0-service": [str(world.a_service.pk)],
            "images-0-alt_text": ["바꿔치기"],
            "images-0-position": ["0"],
        }
    )
    if delete:
        data["images-0-DELETE"] = ["on"]
    member_client.post(f"/admin/catalog/service/{world.a_service.pk}/change/", data)
    assert snapshot(b_image) == before
    assert not world.a_service.images.exists()


def test_member_adds_a_slot_in_the_inline_of_own_service(member_client, world):
    data = a_service_change_data(member_client, world)
    starts = timezone.now() + dt.timedelta(days=9)
    date, time = split_local(starts)
    end_date, end_time = split_local(starts + dt.timedelta(hours=1))
    data.update(
        {
            "slots-TOTAL_FORMS": ["2"],
            "slots-1-service": [str(world.a_service.pk)],
            "slots-1-starts_at_0": [date],
            "slots-1-starts_at_1": [time],
            "slots-1-ends_at_0": [end_date],
            "slots-1-ends_at_1": [end_time],
            "slots-1-capacity": ["4"],
        }
    )
    response = member_client.post(f"/admin/catalog/service/{world.a_service.pk}/change/", data)
    assert response.status_code == 302
    assert sorted(s.capacity for s in world.a_service.slots.all()) == [4, 10]


def test_member_edits_own_slot_in_the_inline_of_own_service(member_client, world):
    data = a_service_change_data(member_client, world)
    date, time = split_local(world.a_slot.starts_at)
    end_date, end_time = split_local(world.a_slot.ends_at)
    data.update(
        {
            "slots-0-starts_at_0": [date],
            "slots-0-starts_at_1": [time],
            "slots-0-ends_at_0": [end_date],
            "slots-0-ends_at_1": [end_time],
            "slots-0-capacity": ["25"],
        }
    )
    response = member_client.post(f"/admin/catalog/service/{world.a_service.pk}/change/", data)
    assert response.status_code == 302
    world.a_slot.refresh_from_db()
    assert world.a_slot.capacity == 25


def test_member_deletes_own_slot_in_the_inline_of_own_service(member_client, world):
    data = a_service_change_data(member_client, world)
    data["slots-0-DELETE"] = ["on"]
    response = member_client.post(f"/admin/catalog/service/{world.a_service.pk}/change/", data)
    assert response.status_code == 302
    assert not Slot.objects.filter(pk=world.a_slot.pk).exists()


# --- 7. actions ---------------------------------------------------------------------------------------------


def run_action(client, action: str, *objects, url="/admin/catalog/service/", **extra):
    data = {"action": action, "_selected_action": [str(o.pk) for o in objects], "index": "0", **extra}
    return client.post(url, data)


def action_names(response) -> set[str]:
    form = response.context["action_form"]
    return {name for name, _label in form.fields["action"].choices if name} if form else set()


def test_publish_is_not_offered_to_members(member_client, world):
    names = action_names(member_client.get("/admin/catalog/service/"))
    assert "publish" not in names
    assert {"submit_for_review", "archive"} <= names


def test_member_cannot_publish_with_a_forged_action(member_client, world):
    world.a_service.status = Service.Status.PENDING_REVIEW
    world.a_service.save()
    world.b_service.status = Service.Status.PENDING_REVIEW
    world.b_service.save()
    run_action(member_client, "publish", world.a_service, world.b_service)
    for service in (world.a_service, world.b_service):
        service.refresh_from_db()
        assert service.status == Service.Status.PENDING_REVIEW
        assert service.published_at is None


def test_member_cannot_publish_from_the_change_form(member_client, world):
    """Django 6.1 change-form actions: publish must not be reachable there either."""
    world.a_service.status = Service.Status.PENDING_REVIEW
    world.a_service.save()
    data = a_service_change_data(member_client, world)
    data.update(
        {"CHANGE_FORM-action": ["publish"], "_selected_action": [str(world.a_service.pk)], "index": ["0"]}
    )
    member_client.post(f"/admin/catalog/service/{world.a_service.pk}/change/", data)
    world.a_service.refresh_from_db()
    assert world.a_service.status == Service.Status.PENDING_REVIEW
    assert world.a_service.published_at is None


def test_submit_for_review_only_touches_own_drafts(member_client, world):
    response = run_action(member_client, "submit_for_review", world.a_service, world.b_service)
    assert response.status_code == 302
    world.a_service.refresh_from_db()
    world.b_service.refresh_from_db()
    assert world.a_service.status == Service.Status.PENDING_REVIEW
    assert world.b_service.status == Service.Status.DRAFT


def test_archive_with_other_providers_id_leaves_it_alone(member_client, world):
    before = snapshot(world.b_service)
    run_action(member_client, "archive", world.b_service)
    assert snapshot(world.b_service) == before
    run_action(member_client, "archive", world.a_service, world.b_service)
    world.a_service.refresh_from_db()
    assert world.a_service.status == Service.Status.ARCHIVED
    assert snapshot(world.b_service) == before


def test_delete_selected_with_other_providers_ids_deletes_nothing_of_theirs(member_client, world):
    run_action(member_client, "delete_selected", world.b_service, post="yes")
    run_action(member_client, "delete_selected", world.b_slot, url="/admin/catalog/slot/", post="yes")
    assert Service.objects.filter(pk=world.b_service.pk).exists()
    assert Slot.objects.filter(pk=world.b_slot.pk).exists()
    run_action(member_client, "delete_selected", world.a_service, world.b_service, post="yes")
    assert not Service.objects.filter(pk=world.a_service.pk).exists()
    assert Service.objects.filter(pk=world.b_service.pk).exists()
    assert Slot.objects.filter(pk=world.b_slot.pk).exists()


def test_member_cannot_use_provider_publish_actions(member_client, world):
    names = action_names(member_client.get("/admin/catalog/provider/"))
    assert not names & {"publish", "unpublish"}
    run_action(member_client, "publish", world.a, world.b, url="/admin/catalog/provider/")
    run_action(member_client, "unpublish", world.a, world.b, url="/admin/catalog/provider/")
    world.a.refresh_from_db()
    world.b.refresh_from_db()
    assert (world.a.is_published, world.b.is_published) == (False, True)


# --- 8. what members may not change or reach ----------------------------------------------------------------


def test_member_edits_own_provider_but_not_publication_kind_or_slug(member_client, world):
    url = f"/admin/catalog/provider/{world.a.pk}/change/"
    page = member_client.get(url)
    assert not {"is_published", "kind", "slug"} & set(page.context["adminform"].form.fields)
    data = form_data(page, "provider_form")
    data.update(
        {
            "name": ["가람 돌봄 협동조합 (새 이름)"],
            "is_published": ["on"],
            "kind": ["general"],
            "slug": ["stolen"],
        }
    )
    response = member_client.post(url, data)
    assert response.status_code == 302
    world.a.refresh_from_db()
    assert world.a.name == "가람 돌봄 협동조합 (새 이름)"
    assert world.a.is_published is False
    assert world.a.kind == "cooperative"
    assert world.a.slug == "garam"


def test_member_cannot_change_service_status_in_the_change_form(member_client, world):
    url = f"/admin/catalog/service/{world.a_service.pk}/change/"
    data = a_service_change_data(member_client, world)
    data.update({"status": ["published"], "published_at_0": ["2026-01-01"], "published_at_1": ["10:00:00"]})
    response = member_client.post(url, data)
    assert response.status_code == 302
    world.a_service.refresh_from_db()
    assert world.a_service.status == Service.Status.DRAFT
    assert world.a_service.published_at is None


@pytest.mark.parametrize(
    "url",
    [
        "/admin/catalog/provider/add/",
        "/admin/catalog/providermember/",
        "/admin/catalog/providermember/add/",
        "/admin/majubom/user/",
        "/admin/majubom/user/add/",
    ],
)
def test_member_is_forbidden_outside_own_listings(member_client, world, url):
    assert member_client.get(url).status_code == 403


def test_member_cannot_add_a_provider_by_post(member_client, world):
    before = Provider.objects.count()
    response = member_client.post(
        "/admin/catalog/provider/add/",
        {"name": "가짜 기업", "slug": "fake", "kind": "general", "district": "seo", "address": "대전"},
    )
    assert response.status_code == 403
    assert Provider.objects.count() == before


def test_member_cannot_add_members(member_client, world):
    stranger = UserFactory(email="stranger@example.kr")
    response = member_client.post(
        "/admin/catalog/providermember/add/",
        {"user": str(stranger.pk), "provider": str(world.a.pk), "role": "staff"},
    )
    assert response.status_code == 403
    assert not stranger.provider_memberships.exists()


def test_member_admin_index_lists_only_what_an_enterprise_manages(member_client, world):
    response = member_client.get("/admin/")
    assert response.status_code == 200
    models = {m["object_name"] for app in response.context["app_list"] for m in app["models"]}
    # Its listings and their changes waiting for review, plus (from the orders app) the order lines and
    # reviews of its own services.
    # And its 건강반: groups, their sessions and members; and its 건강상점 booths, their programs, the
    # bookings of those programs and the stamps given (never the fair's registrations or scans).
    assert models == {
        "Booth",
        "Program",
        "ProgramBooking",
        "Stamp",
        "Provider",
        "Service",
        "Slot",
        "Need",
        "ServiceChange",
        "OrderLine",
        "Review",
        "HealthGroup",
        "GroupSession",
        "Membership",
    }
    assert not models & {
        "Order",
        "User",
        "ProviderMember",
        "NeedRule",
        "NotificationLog",
        "Payment",
        "Fair",
        "Registration",
        "CheckIn",
    }


# --- 9. cooperative staff -----------------------------------------------------------------------------------


@pytest.fixture
def superuser():
    return UserFactory(email="admin@majubom.kr", is_staff=True, is_superuser=True)


@pytest.fixture
def moderator():
    user = UserFactory(email="moderator@majubom.kr", is_staff=True)
    grant(
        user,
        "moderate_catalog",
        "view_service",
        "change_service",
        "view_slot",
        "change_slot",
        "view_provider",
        "change_provider",
    )
    return user


@pytest.mark.parametrize("who", ["superuser", "moderator"])
def test_cooperative_staff_see_every_provider(client, world, who, request):
    client.force_login(request.getfixturevalue(who))
    assert set(results(client.get("/admin/catalog/service/"))) == {world.a_service, world.b_service}
    assert set(results(client.get("/admin/catalog/slot/"))) == {world.a_slot, world.b_slot}
    assert set(results(client.get("/admin/catalog/provider/"))) == {world.a, world.b}
    assert client.get(f"/admin/catalog/service/{world.b_service.pk}/change/").status_code == 200
    spec = filter_spec(client.get("/admin/catalog/service/"), "provider")
    assert {pk for pk, _name in spec.lookup_choices} == {world.a.pk, world.b.pk}


@pytest.mark.parametrize("who", ["superuser", "moderator"])
def test_cooperative_staff_publish_pending_services(client, world, who, request):
    world.b_service.status = Service.Status.PENDING_REVIEW
    world.b_service.save()
    client.force_login(request.getfixturevalue(who))
    assert "publish" in action_names(client.get("/admin/catalog/service/"))
    before = timezone.now()
    response = run_action(client, "publish", world.b_service)
    assert response.status_code == 302
    world.b_service.refresh_from_db()
    assert world.b_service.status == Service.Status.PUBLISHED
    assert world.b_service.published_at is not None
    assert world.b_service.published_at >= before


def test_staff_without_moderation_permission_is_not_cooperative_staff(client, world):
    """Django's catalog permissions alone do not lift the provider scoping."""
    user = UserFactory(email="plain-staff@majubom.kr", is_staff=True)
    grant(user, "view_service", "change_service")
    client.force_login(user)
    response = client.get("/admin/catalog/service/")
    assert response.status_code == 403


# --- 10. repeat weekly --------------------------------------------------------------------------------------


def repeat_data(first_date: dt.date, **overrides) -> dict:
    return {
        "weekdays": ["1", "3"],
        "start_time": "10:00",
        "end_time": "11:00",
        "first_date": first_date.isoformat(),
        "weeks": "8",
        "capacity": "10",
        **overrides,
    }


def expected_starts(first_date: dt.date, weekdays, start: dt.time, weeks: int) -> list[dt.datetime]:
    tz = timezone.get_current_timezone()
    now = timezone.now()
    starts = []
    for day in range(weeks * 7):
        date = first_date + dt.timedelta(days=day)
        if date.weekday() in weekdays:
            moment = dt.datetime.combine(date, start, tzinfo=tz)
            if moment > now:
                starts.append(moment)
    return starts


def test_repeat_slots_creates_weekly_slots_once(member_client, world):
    url = f"/admin/catalog/service/{world.a_service.pk}/repeat-slots/"
    first = timezone.localdate() + dt.timedelta(days=1)
    wanted = expected_starts(first, {1, 3}, dt.time(10), 8)
    assert len(wanted) == 16

    response = member_client.post(url, repeat_data(first))
    assert response.status_code == 302
    assert response["Location"] == f"/admin/catalog/service/{world.a_service.pk}/change/"
    created = Slot.objects.filter(service=world.a_service).exclude(pk=world.a_slot.pk).order_by("starts_at")
    assert [s.starts_at for s in created] == wanted
    for slot in created:
        local_start, local_end = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
        assert local_start.weekday() in {1, 3}
        assert (local_start.time(), local_end.time()) == (dt.time(10), dt.time(11))
        assert local_end.date() == local_start.date()
        assert (slot.capacity, slot.booked) == (10, 0)

    response = member_client.post(url, repeat_data(first))
    assert response.status_code == 302
    assert Slot.objects.filter(service=world.a_service).count() == len(wanted) + 1
    assert list(Slot.objects.filter(service=world.b_service)) == [world.b_slot]


def test_repeat_slots_rejects_end_before_start_in_korean(member_client, world):
    url = f"/admin/catalog/service/{world.a_service.pk}/repeat-slots/"
    first = timezone.localdate() + dt.timedelta(days=1)
    response = member_client.post(url, repeat_data(first, start_time="11:00", end_time="10:00"))
    assert response.status_code == 200
    assert response.context["form"].errors["end_time"] == ["끝나는 시간은 시작 시간보다 늦어야 해요."]
    assert "끝나는 시간은 시작 시간보다 늦어야 해요." in response.content.decode()
    assert list(Slot.objects.filter(service=world.a_service)) == [world.a_slot]


def test_repeat_slots_rejects_a_past_first_date(member_client, world):
    url = f"/admin/catalog/service/{world.a_service.pk}/repeat-slots/"
    response = member_client.post(url, repeat_data(timezone.localdate() - dt.timedelta(days=1)))
    assert response.status_code == 200
    assert "first_date" in response.context["form"].errors
    assert list(Slot.objects.filter(service=world.a_service)) == [world.a_slot]


# --- 9. one write path -------------------------------------------------------------------------------------
# The admin's forms and actions go through the services, the state changes only by the moderation
# actions, and every change staff or an enterprise makes is on the object's history page.


@pytest.fixture
def staff_client(client):
    staff = UserFactory(email="staff@example.kr", name="김조합", is_staff=True, is_superuser=True)
    client.force_login(staff)
    client.staff = staff
    return client


def messages_of(obj) -> list[tuple[str, str]]:
    return [(entry.user.email, entry.change_message) for entry in audit.history(obj)]


def test_staff_cannot_publish_through_the_change_form(staff_client, world):
    page = staff_client.get(f"/admin/catalog/service/{world.a_service.pk}/change/")
    assert "status" not in page.context["adminform"].form.fields
    data = a_service_change_data(staff_client, world)
    data.update({"status": ["published"], "published_at": ["2026-01-01"], "title": ["이름을 바꾼 요가"]})
    response = staff_client.post(f"/admin/catalog/service/{world.a_service.pk}/change/", data)
    assert response.status_code == 302
    world.a_service.refresh_from_db()
    assert world.a_service.title == "이름을 바꾼 요가"
    assert world.a_service.status == Service.Status.DRAFT and world.a_service.published_at is None
    assert messages_of(world.a_service) == [("staff@example.kr", "수정: 서비스 이름")]


def test_publishing_by_the_action_sets_the_date_and_records_who(staff_client, world):
    run_action(staff_client, "publish", world.a_service)
    world.a_service.refresh_from_db()
    assert world.a_service.status == Service.Status.PUBLISHED and world.a_service.published_at is not None
    assert messages_of(world.a_service) == [("staff@example.kr", "공개")]
    history = staff_client.get(f"/admin/catalog/service/{world.a_service.pk}/history/")
    assert history.status_code == 200 and "공개" in history.content.decode()


def test_a_member_creates_submits_and_archives_with_their_name_on_each(member_client, world):
    page = member_client.get("/admin/catalog/service/add/")
    assert member_client.post("/admin/catalog/service/add/", service_add_data(page)).status_code == 302
    service = Service.objects.get(title="새 걷기 모임")
    run_action(member_client, "submit_for_review", service)
    run_action(member_client, "archive", service)
    email = world.member.email
    assert messages_of(service) == [
        (email, "서비스 만듦 (작성 중)"),
        (email, "검토 요청"),
        (email, "보관"),
    ]


def test_a_member_cannot_archive_another_enterprises_service_through_the_service(world):
    from catalog import services

    with pytest.raises(services.NotAllowed):
        services.service_archive(service=world.b_service, by=world.member)
    world.b_service.refresh_from_db()
    assert world.b_service.status == Service.Status.DRAFT


def test_weekly_times_record_who_made_them(member_client, world):
    import datetime as dt

    from django.utils import timezone

    day = timezone.localdate() + dt.timedelta(days=1)
    response = member_client.post(
        f"/admin/catalog/service/{world.a_service.pk}/repeat-slots/",
        {
            "weekdays": [str(day.weekday())],
            "start_time": "10:00",
            "end_time": "11:00",
            "first_date": day.isoformat(),
            "weeks": "2",
            "capacity": "6",
        },
    )
    assert response.status_code == 302
    assert messages_of(world.a_service) == [(world.member.email, "매주 반복 일정으로 예약 시간 2개 만듦")]


def test_one_rule_decides_booking_by_time():
    assert ServiceFactory.build(stock=None, delivery="venue").books_by_time
    assert not ServiceFactory.build(stock=None, delivery="shipped").books_by_time
    assert not ServiceFactory.build(stock=5, delivery="venue").books_by_time


# --- hostile input in the admin: a form error or a "not valid" list, never a 500 -------------------------


def test_a_non_integer_need_on_the_service_form_is_a_form_error(member_client, world):
    page = member_client.get("/admin/catalog/service/add/")
    data = service_add_data(page, needs=["abc", "1 OR 1=1"])
    response = member_client.post("/admin/catalog/service/add/", data)
    assert response.status_code == 200
    assert "needs" in response.context["adminform"].form.errors


def test_a_non_integer_service_on_the_slot_form_is_a_form_error(member_client, world):
    response = member_client.post("/admin/catalog/slot/add/", {"service": "x'", "capacity": "5"})
    assert response.status_code == 200
    assert "service" in response.context["adminform"].form.errors


@pytest.mark.parametrize("year", ["-2147483649", str(10**30), "abc"])
def test_an_out_of_range_date_filter_is_not_a_server_error(member_client, world, year):
    response = member_client.get("/admin/catalog/slot/", {"starts_at__year": year})
    assert response.status_code == 302 and response.url.endswith("?e=1")


def test_a_huge_inline_form_count_is_refused_at_once(member_client, world):
    import time

    data = a_service_change_data(member_client, world)
    data["images-TOTAL_FORMS"] = ["999999999"]
    started = time.monotonic()
    response = member_client.post(f"/admin/catalog/service/{world.a_service.pk}/change/", data)
    assert time.monotonic() - started < 3
    assert response.status_code == 200  # the form again, with the formset's error
    assert not ServiceImage.objects.filter(service=world.a_service).exists()


# --- edits to a published listing wait for the cooperative (issue 16, finding 7) ------------------------


def test_a_members_edit_of_a_published_service_waits_for_review_while_the_old_one_stays_live(
    member_client, world, superuser, client
):
    from django.test import Client

    from catalog import services
    from catalog.models import ServiceChange

    services.provider_set_published(provider=world.a, by=superuser, published=True)
    services.service_publish(service=world.a_service, by=superuser)
    price = world.a_service.price
    data = a_service_change_data(member_client, world)
    data.update({"title": ["가짜 만병통치 요가"], "price": ["990000"], "duration_minutes": ["45"]})
    response = member_client.post(f"/admin/catalog/service/{world.a_service.pk}/change/", data, follow=True)
    assert "확인한 뒤에 바뀌어요" in response.content.decode()

    world.a_service.refresh_from_db()
    assert world.a_service.status == Service.Status.PUBLISHED
    assert (world.a_service.title, world.a_service.price) == ("어르신 요가 교실", price)
    assert world.a_service.duration_minutes == 45  # not reviewed: at once
    public = Client().get(world.a_service.get_absolute_url()).content.decode()
    assert "어르신 요가 교실" in public and "가짜 만병통치" not in public and "990,000원" not in public
    change = ServiceChange.objects.get(service=world.a_service, status="pending")
    assert change.data == {"title": "가짜 만병통치 요가", "price": 990000}
    # The enterprise is told on its next visit to the listing, too.
    page = member_client.get(f"/admin/catalog/service/{world.a_service.pk}/change/").content.decode()
    assert "확인을 기다리는 변경" in page

    services.service_change_approve(change=change, by=superuser)
    world.a_service.refresh_from_db()
    assert (world.a_service.title, world.a_service.price) == ("가짜 만병통치 요가", 990000)
    assert "가짜 만병통치 요가" in Client().get(world.a_service.get_absolute_url()).content.decode()
    assert [e.change_message for e in audit.history(world.a_service)][-1] == "변경 요청 반영"


def test_a_members_new_picture_on_a_published_service_shows_only_once_approved(
    world, superuser, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from catalog import services
    from catalog.models import ServiceChange
    from tests.catalog.conftest import jpeg_bytes

    settings.MEDIA_ROOT = tmp_path
    services.provider_set_published(provider=world.a, by=superuser, published=True)
    services.service_publish(service=world.a_service, by=superuser)
    image = ServiceImage(service=world.a_service, alt_text="새 사진")
    services.service_image_prepare(image=image, upload=SimpleUploadedFile("p.jpg", jpeg_bytes()))
    services.service_part_save(part=image, by=world.member)
    assert image.is_pending
    assert image.card.url not in Client().get(world.a_service.get_absolute_url()).content.decode()
    change = ServiceChange.objects.get(service=world.a_service, status="pending")
    assert change.data == {"new_pictures": 1}
    services.service_change_reject(change=change, by=superuser, note="사진이 흐려요")
    assert not ServiceImage.objects.filter(pk=image.pk).exists()


def test_members_cannot_approve_their_own_changes(world, superuser):
    from catalog import services
    from catalog.models import ServiceChange

    services.service_publish(service=world.a_service, by=superuser)
    change = services.service_update(
        service=Service(**{**snapshot(world.a_service), "title": "새 이름"}),
        by=world.member,
        changed=["title"],
    )
    assert isinstance(change, ServiceChange)
    with pytest.raises(services.NotAllowed):
        services.service_change_approve(change=change, by=world.member)
    world.a_service.refresh_from_db()
    assert world.a_service.title == "어르신 요가 교실"
