"""찜: a resident keeps a service or a 건강반 to come back to.

An account's 찜 are ``SavedItem`` rows. A logged-out visitor's are a short list of keys in their session
("service:12", "group:3", newest first): no rows for anonymous visitors, so nothing to match by session key,
clean up or purge, and the list goes when the session does. At login the list joins the account
(``items_merge_session``, from ``web.receivers``), without duplicates.

Saving asks for the intent ("save" or "unsave"), never a toggle: a double-submitted form, or a button
pressed in two tabs, ends in the same state as one press.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog import selectors as catalog_selectors
from catalog.models import Service
from groups import selectors as groups_selectors
from groups.models import HealthGroup
from majubom.errors import MajubomError

from .models import SavedItem

SESSION_KEY = "saved"
KINDS = ("service", "group")
# Enough for anyone's shortlist; keeps the page and the session small.
MAX_ITEMS = 100


class NotSavable(MajubomError):
    """The thing to save is unknown or not shown to residents (a tampered or stale id)."""


class TooMany(MajubomError):
    pass


@dataclass(frozen=True)
class Target:
    kind: str  # "service" or "group"
    pk: int

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.pk}"

    @classmethod
    def from_key(cls, key) -> Target | None:
        kind, _sep, pk = str(key).partition(":")
        if kind not in KINDS or not pk.isdigit():
            return None
        return cls(kind, int(pk))


@dataclass(frozen=True)
class SavedEntry:
    """A row of the 찜한 것 page: the service or the group (as its card reads it) and when it was kept."""

    target: Target
    obj: Service | HealthGroup
    saved_at: dt.datetime | None

    @property
    def can_apply(self) -> bool:
        """Whether the next step is 신청하기 (a time or stock left, a group taking people) or 보러 가기."""
        obj = self.obj
        if self.target.kind == "group":
            return obj.status == HealthGroup.Status.RECRUITING
        if obj.books_by_time:
            return obj.next_slot_at is not None
        return obj.stock != 0


# --- what residents can see ----------------------------------------------------------------------------


def public_services():
    return Service.objects.published()


def public_groups():
    # The groups whose page residents can open (groups.selectors.group_detail): a published host, and
    # no draft or group still under review.
    return HealthGroup.objects.filter(provider__is_published=True).exclude(
        status__in=[HealthGroup.Status.DRAFT, HealthGroup.Status.PENDING_REVIEW]
    )


def _public(kind: str):
    return public_services() if kind == "service" else public_groups()


def target_check(*, kind: str, pk: int) -> Target:
    """The target when residents can see it; ``NotSavable`` (with a message) otherwise."""
    if kind not in KINDS:
        raise NotSavable(_("찜할 수 없는 항목이에요."))
    if not _public(kind).filter(pk=pk).exists():
        if kind == "service":
            raise NotSavable(_("이 서비스는 지금 볼 수 없어서 찜할 수 없어요."))
        raise NotSavable(_("이 건강반은 지금 볼 수 없어서 찜할 수 없어요."))
    return Target(kind, pk)


def _authenticated(user) -> bool:
    return user is not None and user.is_authenticated


def _session_keys(session) -> list[str]:
    keys = session.get(SESSION_KEY) if session is not None else None
    if not isinstance(keys, list):
        return []
    # Read defensively: each key once, in its plain spelling, nothing that is not a key.
    return list(dict.fromkeys(t.key for t in map(Target.from_key, keys) if t is not None))


def _row_fields(target: Target) -> dict[str, int]:
    return {"service_id": target.pk} if target.kind == "service" else {"group_id": target.pk}


def _row_filter(target: Target) -> Q:
    return Q(**_row_fields(target))


def _key(service_id: int | None, group_id: int | None) -> str:
    return f"service:{service_id}" if service_id else f"group:{group_id}"


# --- changes ---------------------------------------------------------------------------------------------


def item_save(*, user=None, session=None, kind: str, pk: int) -> bool:
    """Keep a service or a group for the account (or, logged out, the session). True when it is new; saving
    what is already kept changes nothing. An unknown or hidden target raises ``NotSavable``."""
    target = target_check(kind=kind, pk=pk)
    too_many = TooMany(_("찜은 %(n)d개까지 할 수 있어요. 안 보는 것을 먼저 빼 주세요.") % {"n": MAX_ITEMS})
    if not _authenticated(user):
        keys = _session_keys(session)
        if target.key in keys:
            return False
        if len(keys) >= MAX_ITEMS:
            raise too_many
        session[SESSION_KEY] = [target.key, *keys]
        return True
    with transaction.atomic():
        if SavedItem.objects.filter(_row_filter(target), user=user).exists():
            return False
        if SavedItem.objects.filter(user=user).count() >= MAX_ITEMS:
            raise too_many
        # Two presses at once: the unique constraint keeps one row and get_or_create returns it.
        _item, created = SavedItem.objects.get_or_create(user=user, **_row_fields(target))
    return created


def item_unsave(*, user=None, session=None, kind: str, pk: int) -> bool:
    """Let go of a kept service or group. True when something was removed; only the resident's own 찜 are
    ever touched."""
    target = Target(kind, pk)
    if kind not in KINDS:
        raise NotSavable(_("찜할 수 없는 항목이에요."))
    if _authenticated(user):
        with transaction.atomic():
            deleted, _details = SavedItem.objects.filter(_row_filter(target), user=user).delete()
        return bool(deleted)
    keys = _session_keys(session)
    if target.key not in keys:
        return False
    session[SESSION_KEY] = [key for key in keys if key != target.key]
    return True


def items_merge_session(*, session, user, now=None) -> int:
    """At login: what the visitor kept while logged out joins the account, in the same order, skipping what
    the account already has, what residents can no longer see, and what is over the limit. The session's
    list is emptied. Returns how many were added."""
    keys = _session_keys(session)
    session.pop(SESSION_KEY, None)
    targets = list(dict.fromkeys(t for t in map(Target.from_key, keys) if t is not None))
    if not targets or not _authenticated(user):
        return 0
    now = now or timezone.now()
    with transaction.atomic():
        visible = set()
        for kind in KINDS:
            ids = [t.pk for t in targets if t.kind == kind]
            if ids:
                visible |= {
                    Target(kind, pk) for pk in _public(kind).filter(pk__in=ids).values_list("pk", flat=True)
                }
        have = SavedItem.objects.filter(user=user)
        already = {_key(s, g) for s, g in have.values_list("service_id", "group_id")}
        room = max(MAX_ITEMS - len(already), 0)
        new = [t for t in targets if t in visible and t.key not in already][:room]
        # The session lists the newest first; the rows keep that order.
        rows = [
            SavedItem(user=user, created_at=now - dt.timedelta(microseconds=index), **_row_fields(t))
            for index, t in enumerate(new)
        ]
        # A second login racing this one may add the same rows: the unique constraints keep one of each.
        SavedItem.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


# --- reads ------------------------------------------------------------------------------------------------


def saved_keys(*, user=None, session=None, among: Iterable[Target] | None = None) -> set[str]:
    """Which targets (of ``among``, or all) the resident has kept: one query for an account, none for a
    session."""
    among = list(among) if among is not None else None
    if not _authenticated(user):
        keys = set(_session_keys(session))
        return keys if among is None else keys & {t.key for t in among}
    rows = SavedItem.objects.filter(user=user)
    if among is not None:
        if not among:
            return set()
        condition = Q()
        for kind, field in (("service", "service_id__in"), ("group", "group_id__in")):
            ids = [t.pk for t in among if t.kind == kind]
            if ids:
                condition |= Q(**{field: ids})
        rows = rows.filter(condition)
    return {_key(s, g) for s, g in rows.values_list("service_id", "group_id")}


def items_list(*, user=None, session=None, now=None) -> list[SavedEntry]:
    """The 찜한 것 page: what the resident kept and residents can still see, newest first, each as its card
    reads it. A fixed number of queries whatever the number of items."""
    if _authenticated(user):
        rows = list(SavedItem.objects.filter(user=user).values_list("service_id", "group_id", "created_at"))
        kept = [(Target("service", s) if s else Target("group", g), at) for s, g, at in rows]
    else:
        kept = [(Target.from_key(key), None) for key in _session_keys(session)]
    service_ids = [t.pk for t, _at in kept if t.kind == "service"]
    group_ids = [t.pk for t, _at in kept if t.kind == "group"]
    objects: dict[Target, Service | HealthGroup] = {}
    if service_ids:
        services = catalog_selectors.service_cards(public_services().filter(pk__in=service_ids), now=now)
        objects |= {Target("service", s.pk): s for s in services}
    if group_ids:
        groups = groups_selectors.group_cards(public_groups().filter(pk__in=group_ids), now=now)
        objects |= {Target("group", g.pk): g for g in groups}
    return [SavedEntry(target, objects[target], at) for target, at in kept if target in objects]
