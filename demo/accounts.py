"""The demo accounts of ``demo/data/accounts.json``: the four that sign in with ``DEMO_PASSWORD`` (staff, two
enterprise owners, a resident) and the demo residents who only appear in past orders and reviews."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction

from majubom.consents import consents_record_signup
from majubom.models import User

from .loader import Account, load

DEMO_PASSWORD = "majubom-demo-2026"


@transaction.atomic
def accounts_ensure() -> list[tuple[Account, User, bool]]:
    """Every demo account, created where missing: (account, user, created). An existing user is left as
    it is (its password too). Accounts that sign in get the demo password and a verified e-mail address;
    the others have no usable password. A new one has agreed to the terms and the privacy notice."""
    result = []
    for account in load().accounts:
        user, created = User.objects.get_or_create(email=account.email, defaults=account.user_fields())
        if created:
            user.password = make_password(DEMO_PASSWORD if account.login else None)
            user.save(update_fields=["password"])
            # Every resident agreed to the terms and the privacy notice when they joined, as on the site.
            consents_record_signup(user=user, marketing=False, source="demo")
        if account.login:
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )
        result.append((account, user, created))
    return result
