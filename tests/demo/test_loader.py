"""The demo data files: every value is one of the models' choices, every reference resolves, every record
fits its model, and a broken file gives an error that names the file and the place in it."""

import json
import shutil
from collections import Counter

import pytest

from catalog.models import Provider, Service
from catalog.vocabulary import NEEDS
from demo.loader import DATA_DIR, KINDS, DemoDataError, load, load_from
from majubom.models import User
from orders.models import Order, Review


def choices_of(model, name: str) -> set[str]:
    return {value for value, _label in model._meta.get_field(name).choices}


def test_every_data_file_belongs_to_a_registered_kind_and_loads():
    data = load()
    assert set(data.kinds()) == set(KINDS) >= {"accounts", "providers", "orders"}
    assert len(data.providers) == 30
    assert len(data.services) == 134
    assert len(data.orders) >= 15
    for path in DATA_DIR.iterdir():
        if path.suffix == ".json" or path.is_dir():
            assert (path.stem if path.is_file() else path.name) in KINDS, path


def test_every_value_is_one_of_the_models_choices():
    data = load()
    need_slugs = {need["slug"] for need in NEEDS}
    for provider in data.providers:
        assert provider.kind in choices_of(Provider, "kind"), provider.slug
        assert provider.district in choices_of(Provider, "district"), provider.slug
        for service in provider.services:
            assert service.domain in choices_of(Service, "domain"), service.slug
            assert service.delivery in choices_of(Service, "delivery"), service.slug
            assert service.unit in choices_of(Service, "unit"), service.slug
            assert service.status in choices_of(Service, "status"), service.slug
            assert set(service.needs) <= need_slugs, service.slug
            if service.schedule:
                assert set(service.schedule.weekdays) <= set(range(7)), service.slug
                assert service.schedule.minutes > 0 and service.schedule.capacity >= 1, service.slug
                assert service.schedule.end_time > service.schedule.start_time, service.slug
    for account in data.accounts:
        assert account.district in choices_of(User, "district"), account.key
    for order in data.orders:
        assert order.status in choices_of(Order, "status"), order.key
        assert order.payment_method in choices_of(Order, "payment_method"), order.key
        for line in order.lines:
            if line.review:
                assert line.review.rating in range(1, 6), order.key


def test_every_reference_resolves():
    data = load()
    accounts = {account.key: account for account in data.accounts}
    services = {service.slug: service for service in data.services}
    provider_of = {service.slug: provider for provider in data.providers for service in provider.services}
    assert len(accounts) == len(data.accounts)
    assert len({account.email for account in data.accounts}) == len(data.accounts)
    assert len({provider.slug for provider in data.providers}) == len(data.providers)
    assert len(services) == len(data.services)
    assert len({order.key for order in data.orders}) == len(data.orders)
    for provider in data.providers:
        if provider.owner:
            owner = accounts[provider.owner]
            assert owner.login and owner.is_staff, provider.slug
    for order in data.orders:
        assert not accounts[order.resident].is_staff, order.key
        for line in order.lines:
            assert services[line.service].price > 0, order.key
        if order.payment_method == Order.PaymentMethod.ON_SITE:
            assert len({provider_of[line.service].slug for line in order.lines}) == 1, order.key


@pytest.mark.django_db
def test_every_record_fits_its_model():
    """As the admin's forms would check them: lengths, e-mail and web addresses, choices, constraints."""
    data = load()
    for account in data.accounts:
        User(email=account.email, **account.user_fields()).full_clean(
            exclude=["password"], validate_unique=False
        )
    for spec in data.providers:
        provider = Provider(slug=spec.slug, **spec.model_fields())
        provider.full_clean(validate_unique=False)
        for s_spec in spec.services:
            Service(
                provider=provider, slug=s_spec.slug, status=s_spec.status, **s_spec.model_fields()
            ).full_clean(exclude=["provider"], validate_unique=False)
    for order in data.orders:
        for line in order.lines:
            if line.review:
                Review(rating=line.review.rating, body=line.review.body).full_clean(
                    exclude=["order_line", "service"], validate_unique=False
                )


def test_the_demo_catalogue_covers_the_market():
    """The rules the old Python literal checked under ``__main__``, now run with the tests."""
    data = load()
    services = data.services
    for provider in data.providers:
        assert 3 <= len(provider.services) <= 6, provider.slug
    for service in services:
        assert 1 <= len(service.needs) <= 3, service.slug
        assert service.is_experience == ("체험" in service.title), service.slug
        shipped = service.delivery == "shipped"
        assert (service.stock is not None) == shipped, service.slug
        assert (service.schedule is None) == shipped, service.slug
        assert (service.duration_minutes is None) == shipped, service.slug
    domains = Counter(service.domain for service in services)
    assert all(domains[domain] >= 15 for domain in choices_of(Service, "domain")), domains
    districts = Counter(provider.district for provider in data.providers)
    assert all(districts[district] >= 5 for district in choices_of(Provider, "district")), districts
    kinds = Counter(provider.kind for provider in data.providers)
    assert all(kinds[kind] >= 2 for kind in choices_of(Provider, "kind")), kinds
    owners = Counter(provider.owner for provider in data.providers if provider.owner)
    assert owners == {"owner1": 1, "owner2": 1}, owners
    # One enterprise waits for the cooperative's approval, and one of the first owner's listings too.
    assert [p.slug for p in data.providers if not p.is_published] == ["kkaekkeut-dungji"]
    assert [s.slug for s in services if s.status != "published"] == ["hanbat-fall-prevention"]


def test_the_demo_history_has_what_a_demo_needs():
    data = load()
    owner_of = {service.slug: provider.owner for provider in data.providers for service in provider.services}
    statuses = Counter(order.status for order in data.orders)
    assert statuses[Order.Status.COMPLETED] >= 10
    assert statuses[Order.Status.CANCELLED] >= 1 and statuses[Order.Status.REFUNDED] >= 1
    ordered_from = Counter(owner_of[line.service] for order in data.orders for line in order.lines)
    assert ordered_from["owner1"] >= 3 and ordered_from["owner2"] >= 3
    assert "resident" in {order.resident for order in data.orders}
    assert len({order.resident for order in data.orders}) >= 6
    reviews = [line.review for order in data.orders for line in order.lines if line.review]
    assert len(reviews) >= 10 and all(review.body for review in reviews)


# --- broken files ----------------------------------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path):
    """A copy of demo/data to break."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def edit(path, change):
    value = json.loads(path.read_text(encoding="utf-8"))
    change(value)
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


def service(value, index=0):
    return value["services"][index]


BROKEN_PROVIDER = [
    (lambda p: p.update(kind="charity"), "providers/hanbat-rehab.json: kind: 'charity' is not one of"),
    (
        lambda p: p.update(district="gangnam"),
        "providers/hanbat-rehab.json: district: 'gangnam' is not one of",
    ),
    (lambda p: service(p).update(domain="spiritual"), "services[0].domain: 'spiritual' is not one of"),
    (lambda p: service(p).update(delivery="drone"), "services[0].delivery: 'drone' is not one of"),
    (lambda p: service(p).update(unit="week"), "services[0].unit: 'week' is not one of"),
    (lambda p: service(p).update(status="archived"), "services[0].status: 'archived' is not one of"),
    (
        lambda p: service(p, 1).update(needs=["frailty", "flying"]),
        "services[1].needs[1]: 'flying' is not one",
    ),
    (
        lambda p: service(p, 1)["schedule"].update(weekdays=[1, 7]),
        "services[1].schedule.weekdays[1]: 7 is not",
    ),
    (
        lambda p: service(p)["schedule"].update(start="9:00"),
        "services[0].schedule.start: '9:00' is not a time",
    ),
    (lambda p: service(p)["schedule"].update(start="25:00"), "services[0].schedule.start: '25:00' is not"),
    (lambda p: service(p)["schedule"].update(minutes=0), "services[0].schedule.minutes: 0 is below 1"),
    (lambda p: service(p)["schedule"].update(capacity=0), "services[0].schedule.capacity: 0 is below 1"),
    (lambda p: service(p)["schedule"].update(start="23:30"), "services[0].schedule.minutes: 23:30 + 60"),
    (lambda p: service(p).update(price="50000"), "services[0].price: expected a whole number, got text"),
    (lambda p: service(p).update(price=-1), "services[0].price: -1 is below 0"),
    (lambda p: service(p).pop("summary"), "services[0]: missing summary"),
    (lambda p: service(p).update(sumary="x"), "services[0]: unknown key sumary"),
    (lambda p: service(p).update(title="가" * 121), "services[0].title: is 121 characters long, at most 120"),
    (lambda p: service(p).update(stock=5), "services[0].stock: shipped goods have a stock"),
    (lambda p: service(p).update(slug="Hanbat Rehab"), "services[0].slug: 'Hanbat Rehab': a slug is"),
    (lambda p: p.update(owner="owner9"), "providers/hanbat-rehab.json: owner: no account with key 'owner9'"),
    (lambda p: p.update(owner="resident"), "owner: account 'resident' must sign in and be staff"),
    (lambda p: p.update(slug="hanbat"), "the file of provider 'hanbat' is providers/hanbat.json"),
    (lambda p: p.update(email="not-an-email"), "providers/hanbat-rehab.json: email: 'not-an-email'"),
    (lambda p: service(p, 1).update(slug="hanbat-home-rehab"), "services[1].slug: service slug 'hanbat-home"),
]


@pytest.mark.parametrize(("change", "message"), BROKEN_PROVIDER)
def test_a_broken_provider_file_names_the_file_and_the_place(data_dir, change, message):
    edit(data_dir / "providers" / "hanbat-rehab.json", change)
    with pytest.raises(DemoDataError) as caught:
        load_from(data_dir)
    assert message in str(caught.value)


def test_a_service_slug_used_by_two_providers_is_refused(data_dir):
    edit(
        data_dir / "providers" / "yuseong-maeumsup.json",
        lambda p: service(p).update(slug="hanbat-home-rehab"),
    )
    with pytest.raises(DemoDataError, match="already used by provider 'hanbat-rehab'"):
        load_from(data_dir)


def order(value, index=0):
    return value[index]


BROKEN_ORDERS = [
    (
        lambda o: order(o)["lines"][0].update(service="no-such-service"),
        "orders.json: [0].lines[0].service: no",
    ),
    (lambda o: order(o).update(resident="nobody"), "orders.json: [0].resident: no account with key 'nobody'"),
    (lambda o: order(o).update(resident="owner1"), "[0].resident: 'owner1' is a staff account"),
    (lambda o: order(o).update(status="paid"), "orders.json: [0].status: 'paid' is not one of completed"),
    (lambda o: order(o).update(payment_method="free"), "[0].payment_method: 'free' is not one of"),
    (lambda o: order(o).update(days_ago=2), "orders.json: [0].days_ago: 2 is below 10"),
    (lambda o: order(o).update(time="half past nine"), "[0].time: 'half past nine' is not a time"),
    (lambda o: order(o).update(status="cancelled", cancel_reason="x"), "[0].lines[0].review: only the lines"),
    (lambda o: order(o).update(status="refunded"), "a refunded order, and only a refunded one"),
    (lambda o: order(o)["lines"][0]["review"].update(rating=6), "[0].lines[0].review.rating: 6 is above 5"),
    (lambda o: order(o)["lines"][0].update(quantity=0), "[0].lines[0].quantity: 0 is below 1"),
    (lambda o: order(o)["lines"][0].update(quantity=2), "[0].lines[0].quantity: 2 places, but a time of"),
    (lambda o: order(o)["lines"][0].update(service="dallim-trial"), "'dallim-trial' is free"),
    (lambda o: order(o).update(lines=[]), "orders.json: [0].lines: needs at least 1 entry"),
    (
        lambda o: o[1].update(key=o[0]["key"]),
        "orders.json: [1]: order key 'resident-rehab-trial' is used more",
    ),
    (
        lambda o: order(o).update(
            payment_method="on_site",
            lines=[*order(o)["lines"], {"service": "dallim-beginner", "quantity": 1}],
        ),
        "[0].payment_method: on-site payment is for orders from one enterprise only",
    ),
]


@pytest.mark.parametrize(("change", "message"), BROKEN_ORDERS)
def test_a_broken_order_names_the_file_and_the_place(data_dir, change, message):
    edit(data_dir / "orders.json", change)
    with pytest.raises(DemoDataError) as caught:
        load_from(data_dir)
    assert message in str(caught.value)


def test_broken_accounts_are_refused(data_dir):
    edit(data_dir / "accounts.json", lambda a: a[4].update(email=a[3]["email"]))
    with pytest.raises(
        DemoDataError, match=r"accounts.json: \[4\]: email 'resident@majubom.kr' is used more"
    ):
        load_from(data_dir)


def test_a_file_that_is_not_json_is_named(data_dir):
    (data_dir / "providers" / "hanbat-rehab.json").write_text('{"slug": "hanbat-rehab",', encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"^providers/hanbat-rehab.json: not valid JSON"):
        load_from(data_dir)


def test_a_data_file_of_an_unregistered_kind_is_refused(data_dir):
    (data_dir / "parties.json").write_text("[]", encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"parties\.json: no kind 'parties' is registered"):
        load_from(data_dir)


def test_a_new_provider_file_is_all_it_takes(data_dir):
    """Adding an enterprise is adding one file."""
    new = json.loads((data_dir / "providers" / "dosol-soap.json").read_text(encoding="utf-8"))
    new["slug"] = "dosol-soap-2"
    for spec in new["services"]:
        spec["slug"] += "-2"
    (data_dir / "providers" / "dosol-soap-2.json").write_text(
        json.dumps(new, ensure_ascii=False), encoding="utf-8"
    )
    data = load_from(data_dir)
    assert len(data.providers) == 31 and "dosol-soap-2" in {p.slug for p in data.providers}


def test_groups_name_a_provider_that_exists_and_use_the_models_choices(data_dir):
    groups = json.loads((data_dir / "groups.json").read_text(encoding="utf-8"))
    groups[0]["provider"] = "nobody"
    (data_dir / "groups.json").write_text(json.dumps(groups, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"groups\.json: \[0\]\.provider: no provider 'nobody'"):
        load_from(data_dir)
    groups[0]["provider"], groups[0]["audience"] = "hanbat-rehab", "everyone"
    (data_dir / "groups.json").write_text(json.dumps(groups, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"\[0\]\.audience: 'everyone' is not one of"):
        load_from(data_dir)


def test_the_demo_groups_cover_the_five_domains_and_districts():
    groups = load().groups
    assert {g.domain for g in groups} == {"physical", "mental", "social", "education", "economic"}
    assert {g.district for g in groups} == {"dong", "jung", "seo", "yuseong", "daedeok"}
    assert len(groups) >= 15
    assert any(g.members > g.capacity for g in groups)  # some full, with a waiting list
    assert any(g.join_policy == "approval" for g in groups)
    assert any(g.fee == 0 and g.delivery == "outdoor" and "걷기" in g.title for g in groups)
    assert any(g.provider == "hanbat-rehab" for g in groups)  # owner1 hosts one
