from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from demo.accounts import DEMO_PASSWORD
from demo.groups import NEIGHBOUR_EMAIL
from demo.loader import load
from majubom.models import User


def snapshot() -> list[tuple]:
    return sorted(User.objects.values_list("email", "name", "is_staff", "is_superuser", "password"))


@pytest.mark.django_db
def test_seed_demo_creates_the_demo_accounts_once(demo_data):
    # demo_data: the database after the session's first ``seed_demo`` (on an empty one), and what it printed.
    out = demo_data.output
    assert DEMO_PASSWORD in out
    assert out.count("(새로 만듦)") == 4
    first = snapshot()
    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first  # idempotent: nothing changed, passwords included

    # The four demo accounts sign in; the demo residents who left the past orders and reviews cannot.
    emails = {row[0] for row in first if User.objects.get(email=row[0]).has_usable_password()}
    assert emails == {"staff@majubom.kr", "owner1@majubom.kr", "owner2@majubom.kr", "resident@majubom.kr"}
    residents = list(User.objects.exclude(email__in=emails))
    neighbours = {NEIGHBOUR_EMAIL.format(i) for i in range(max(group.members for group in load().groups))}
    assert {user.email for user in residents} == {
        a.email for a in load().accounts if not a.login
    } | neighbours
    assert residents and not any(user.has_usable_password() or user.is_staff for user in residents)
    staff = User.objects.get(email="staff@majubom.kr")
    assert staff.is_staff and staff.is_superuser
    resident = User.objects.get(email="resident@majubom.kr")
    assert not resident.is_staff and resident.check_password(DEMO_PASSWORD)
    assert EmailAddress.objects.filter(verified=True).count() == 4


@pytest.mark.django_db
def test_the_demo_accounts_have_agreed_to_the_terms_as_on_sign_up(demo_data):
    from majubom import consents

    resident = User.objects.get(email="resident@majubom.kr")
    standing = consents.consents_standing(user=resident)
    assert set(standing) == {"terms", "privacy"}  # marketing is never assumed
    assert standing["terms"].version == consents.TERMS.version
    call_command("seed_demo", stdout=StringIO())
    assert resident.consents.count() == 2  # once, not on every seed
