"""The session's demo data is restored for each test that asks for it, and what one test changes reaches
neither the next test with demo data nor a test without it (in a rolled-back and in a transactional test)."""

import pytest

from catalog.models import Provider, Service
from demo.loader import load
from majubom.models import User
from orders.models import Order

pytestmark = pytest.mark.django_db


def seeded_counts():
    return (Provider.objects.count(), Service.objects.count(), User.objects.count(), Order.objects.count())


def expected_counts():
    data = load()
    neighbours = max((group.members for group in data.groups), default=0)  # the groups' members
    return (len(data.providers), len(data.services), len(data.accounts) + neighbours, len(data.orders))


@pytest.mark.parametrize("attempt", [1, 2])
def test_a_test_may_change_the_demo_data(demo_data, attempt):
    assert seeded_counts() == expected_counts()
    Order.objects.all().delete()
    Service.objects.filter(provider__slug="hanbat-rehab").delete()
    User.objects.create_user(email=f"leak-{attempt}@example.kr", password=None)
    # New rows get fresh ids after a restore (PostgreSQL's sequences were moved past the restored ones).
    Provider.objects.create(
        slug=f"new-{attempt}", name="새 기업", kind="general", district="jung", address="대전"
    )


@pytest.mark.parametrize("attempt", [1, 2])
@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_may_change_the_demo_data(demo_data, attempt):
    assert seeded_counts() == expected_counts()
    assert not User.objects.filter(email__startswith="leak-").exists()
    Provider.objects.filter(slug="hanbat-rehab").update(name="바뀐 이름")
    Order.objects.all().delete()
    User.objects.create_user(email=f"leak-t{attempt}@example.kr", password=None)
    Provider.objects.create(
        slug=f"new-t{attempt}", name="새 기업", kind="general", district="jung", address="대전"
    )


def test_a_test_without_demo_data_sees_none_of_it():
    assert not Provider.objects.exists() and not Service.objects.exists() and not Order.objects.exists()
    assert not User.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_without_demo_data_sees_none_of_it():
    assert not Provider.objects.exists() and not Order.objects.exists() and not User.objects.exists()


def test_the_demo_data_is_whole_again(demo_data):
    assert seeded_counts() == expected_counts()
    assert Provider.objects.get(slug="hanbat-rehab").name == "한밭방문재활 사회적협동조합"
    assert not User.objects.filter(email__startswith="leak-").exists()
    assert not Provider.objects.filter(slug__startswith="new-").exists()
