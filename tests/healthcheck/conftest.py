import pytest

from healthcheck.forms import TESTS
from healthcheck.questionnaires import all_items

# A resident who is doing fine (40~64, no situation ticked).
WELL = {
    "about-1": 2,
    **{f"who5-{n}": 4 for n in range(1, 6)},
    "phq9-1": 0,
    "phq9-2": 0,
    "gad7-1": 0,
    "gad7-2": 0,
    "ucla3-1": 1,
    "ucla3-2": 1,
    "ucla3-3": 1,
    "activity-1": 5,
    "activity-2": 45,
    "pref-district": 0,
    "pref-delivery": 0,
}

# Low well-being and lonely (WHO-5 raw 5, UCLA-3 = 9), otherwise calm.
LOW_AND_LONELY = {**WELL, **{f"who5-{n}": 1 for n in range(1, 6)}, "ucla3-1": 3, "ucla3-2": 3, "ucla3-3": 3}


def detailed_answers(**overrides) -> dict:
    """The lowest answer everywhere, aged 40~64 (so no K-FRAIL), no situation ticked."""
    answers = {link_id: min(all_items()[link_id].values) for link_id in TESTS["detailed"]}
    answers["about-1"] = 2
    for link_id in ("about-2", *(f"kfrail-{n}" for n in range(1, 6))):
        answers.pop(link_id)
    answers.update(overrides)
    return answers


def post_data(answers: dict, submission="7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b") -> dict:
    """Form data; a list (several ticked options) is posted as one value per option."""
    return {
        "submission": submission,
        **{k: [str(x) for x in v] if isinstance(v, list) else str(v) for k, v in answers.items()},
    }


@pytest.fixture
def well():
    return dict(WELL)


@pytest.fixture
def recommendation_catalog(db):
    """1,000 published services tagged with needs, some with slots."""
    import datetime as dt

    from django.utils import timezone

    from catalog.models import Need, Provider, Service, Slot

    now = timezone.now()
    needs = list(Need.objects.all())
    providers = Provider.objects.bulk_create(
        Provider(
            name=f"기업 {i}",
            slug=f"rp{i}",
            kind="cooperative",
            district=["seo", "dong", "jung"][i % 3],
            address="대전",
            is_published=True,
        )
        for i in range(50)
    )
    services = Service.objects.bulk_create(
        Service(
            provider=providers[i % 50],
            title=f"서비스 {i}",
            slug=f"rs{i}",
            summary="요약",
            domain=needs[i % len(needs)].domain,
            delivery=["venue", "home_visit", "online"][i % 3],
            price=1000 * (i % 30),
            status="published",
            published_at=now,
        )
        for i in range(1000)
    )
    Service.needs.through.objects.bulk_create(
        Service.needs.through(service_id=s.pk, need_id=needs[i % len(needs)].pk)
        for i, s in enumerate(services)
    )
    Slot.objects.bulk_create(
        Slot(
            service=s,
            starts_at=now + dt.timedelta(days=2),
            ends_at=now + dt.timedelta(days=2, hours=1),
            capacity=5,
        )
        for s in services[::2]
    )
    return services
