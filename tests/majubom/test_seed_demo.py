from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from majubom.management.commands.seed_demo import DEMO_PASSWORD
from majubom.models import User


def snapshot() -> list[tuple]:
    return sorted(User.objects.values_list("email", "name", "is_staff", "is_superuser", "password"))


@pytest.mark.django_db
def test_seed_demo_creates_the_demo_accounts_once():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert DEMO_PASSWORD in out.getvalue()
    first = snapshot()
    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == first  # idempotent: nothing changed, passwords included

    emails = {row[0] for row in first}
    assert emails == {"staff@majubom.kr", "owner1@majubom.kr", "owner2@majubom.kr", "resident@majubom.kr"}
    staff = User.objects.get(email="staff@majubom.kr")
    assert staff.is_staff and staff.is_superuser
    resident = User.objects.get(email="resident@majubom.kr")
    assert not resident.is_staff and resident.check_password(DEMO_PASSWORD)
    assert EmailAddress.objects.filter(verified=True).count() == 4
