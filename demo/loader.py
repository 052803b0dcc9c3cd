"""The demo data as data files: ``demo/data/<kind>.json`` (a list of records) and ``demo/data/<kind>/*.json``
(one record per file), checked at load against the models' choices and against each other.

Each kind of data is registered once with ``@register("<kind>", check=...)``: a function that turns one
JSON record into a frozen dataclass (checking its shape and values), and optionally a function that checks
the references between kinds once everything is parsed. ``load()`` reads every registered kind and raises
``DemoDataError`` naming the file and the path inside it (``providers/hanbat-rehab.json: services[1].
schedule.weekdays[2]: …``). ``demo/data/README.md`` describes the files.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import models

from catalog.models import Delivery, PriceUnit, Provider, ProviderKind, Service
from catalog.vocabulary import NEEDS
from majubom.choices import District, HealthDomain
from majubom.models import User
from orders.models import Order, Review

DATA_DIR = Path(__file__).resolve().parent / "data"


class DemoDataError(ValueError):
    """A data file that does not fit: the message names the file and the path of the bad value."""


# --- reading JSON with the place of every value ---------------------------------------------------------


class Node:
    """A JSON value with where it came from, so that every complaint names the file and the path."""

    def __init__(self, value, *, file: str, path: str = ""):
        self.value = value
        self.file = file
        self.path = path

    def error(self, message: str) -> DemoDataError:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return DemoDataError(f"{where}: {message}")

    def child(self, key: str | int) -> Node:
        return Node(self.value[key], file=self.file, path=self._path_to(key))

    def _path_to(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    # shapes

    def fields(self, *, required: set[str], optional: frozenset[str] | set[str] = frozenset()) -> Node:
        """An object with exactly these keys (the optional ones may be left out)."""
        if not isinstance(self.value, dict):
            raise self.error(f"expected an object, got {_kind_of(self.value)}")
        missing = sorted(required - self.value.keys())
        if missing:
            raise self.error(f"missing {', '.join(missing)}")
        unknown = sorted(self.value.keys() - required - set(optional))
        if unknown:
            raise self.error(
                f"unknown key {', '.join(unknown)} (allowed: {', '.join(sorted(required | set(optional)))})"
            )
        return self

    def has(self, key: str) -> bool:
        return key in self.value and self.value[key] is not None

    def __getitem__(self, key: str) -> Node:
        if key not in self.value:
            return Node(None, file=self.file, path=self._path_to(key))
        return self.child(key)

    def items(self, *, min_length: int = 0, max_length: int | None = None) -> Iterator[Node]:
        if not isinstance(self.value, list):
            raise self.error(f"expected a list, got {_kind_of(self.value)}")
        if len(self.value) < min_length:
            raise self.error(f"needs at least {min_length} entr{'y' if min_length == 1 else 'ies'}")
        if max_length is not None and len(self.value) > max_length:
            raise self.error(f"has {len(self.value)} entries, at most {max_length}")
        return (self.child(index) for index in range(len(self.value)))

    # scalars

    def text(
        self, *, field: models.Field | None = None, blank: bool = False, max_length: int | None = None
    ) -> str:
        """A string; with ``field``, as that model field accepts it (blank and max_length)."""
        if not isinstance(self.value, str):
            raise self.error(f"expected text, got {_kind_of(self.value)}")
        if field is not None:
            blank = field.blank
            max_length = field.max_length
        if not blank and not self.value.strip():
            raise self.error("must not be empty")
        if max_length is not None and len(self.value) > max_length:
            raise self.error(f"is {len(self.value)} characters long, at most {max_length}")
        return self.value

    def integer(self, *, min: int | None = None, max: int | None = None) -> int:
        if not isinstance(self.value, int) or isinstance(self.value, bool):
            raise self.error(f"expected a whole number, got {_kind_of(self.value)}")
        if min is not None and self.value < min:
            raise self.error(f"{self.value} is below {min}")
        if max is not None and self.value > max:
            raise self.error(f"{self.value} is above {max}")
        return self.value

    def boolean(self) -> bool:
        if not isinstance(self.value, bool):
            raise self.error(f"expected true or false, got {_kind_of(self.value)}")
        return self.value

    def choice(self, choices: type[models.Choices] | list[str], *, allowed: set[str] | None = None) -> str:
        """One of a model's choices (``allowed`` narrows them)."""
        values = list(choices.values) if isinstance(choices, type) else list(choices)
        if allowed is not None:
            values = [value for value in values if value in allowed]
        if self.value not in values:
            raise self.error(f"{self.value!r} is not one of {', '.join(map(str, values))}")
        return self.value

    def clock(self) -> str:
        """A local wall-clock time written HH:MM."""
        text = self.text()
        try:
            valid = len(text) == 5 and text[2] == ":" and dt.time.fromisoformat(text) is not None
        except ValueError:
            valid = False
        if not valid:
            raise self.error(f"{text!r} is not a time written HH:MM (00:00–23:59)")
        return text

    def validated(self, validator: Callable[[str], None]) -> str:
        text = self.text()
        try:
            validator(text)
        except ValidationError as exc:
            raise self.error(f"{text!r}: {' '.join(str(m) for m in exc.messages)}") from exc
        return text

    def optional(self, read: Callable[[Node], object]):
        """``None`` for null (or a missing optional key), else ``read(self)``."""
        return None if self.value is None else read(self)


def _kind_of(value) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}.get(
        type(value), type(value).__name__
    )


def _field(model: type[models.Model], name: str) -> models.Field:
    return model._meta.get_field(name)


# --- the registry of kinds ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    name: str
    parse: Callable[[Node], object]
    check: Callable[[Data], None] | None = None


KINDS: dict[str, Kind] = {}


def register(name: str, *, check: Callable[[Data], None] | None = None):
    """Register the parser of one record of ``data/<name>.json`` / ``data/<name>/*.json``."""

    def decorate(parse: Callable[[Node], object]):
        KINDS[name] = Kind(name, parse, check)
        return parse

    return decorate


class Data:
    """Everything loaded, by kind: ``data.providers``, ``data.accounts``, … (tuples, in file order)."""

    def __init__(self, records: dict[str, tuple], sources: dict[str, tuple[Node, ...]]):
        self._records = records
        self._sources = sources

    def __getattr__(self, name: str) -> tuple:
        try:
            return self._records[name]
        except KeyError:
            raise AttributeError(name) from None

    def source(self, kind: str, index: int) -> Node:
        """The JSON a record came from (for error messages of the cross checks)."""
        return self._sources[kind][index]

    def kinds(self) -> dict[str, tuple]:
        return dict(self._records)

    # shortcuts the seeders share

    @property
    def services(self) -> tuple[ServiceSpec, ...]:
        return tuple(service for provider in self.providers for service in provider.services)


def _read(path: Path, data_dir: Path) -> Node:
    name = path.relative_to(data_dir).as_posix()
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DemoDataError(f"{name}: not valid JSON ({exc})") from exc
    return Node(value, file=name)


def records_of(kind: str, data_dir: Path = DATA_DIR) -> list[Node]:
    """The raw records of one kind: the list in ``<kind>.json``, then one per file in ``<kind>/``."""
    nodes = []
    single = data_dir / f"{kind}.json"
    if single.exists():
        nodes.extend(_read(single, data_dir).items())
    folder = data_dir / kind
    if folder.is_dir():
        nodes.extend(_read(path, data_dir) for path in sorted(folder.glob("*.json")))
    return nodes


def load_from(data_dir: Path) -> Data:
    """Read and check every registered kind under ``data_dir``."""
    known = set(KINDS)
    for path in sorted(data_dir.iterdir()):
        stem = path.stem if path.suffix == ".json" else path.name
        if (path.suffix == ".json" or path.is_dir()) and stem not in known:
            raise DemoDataError(
                f"{path.name}: no kind {stem!r} is registered in demo/loader.py "
                f"(known: {', '.join(sorted(known))})"
            )
    records, sources = {}, {}
    for name, kind in KINDS.items():
        nodes = records_of(name, data_dir)
        records[name] = tuple(kind.parse(node) for node in nodes)
        sources[name] = tuple(nodes)
    data = Data(records, sources)
    for kind in KINDS.values():
        if kind.check is not None:
            kind.check(data)
    return data


@cache
def load() -> Data:
    """The demo data of ``demo/data``, checked once per process."""
    return load_from(DATA_DIR)


def _unique(data: Data, kind: str, values: list, what: str) -> None:
    seen = set()
    for index, value in enumerate(values):
        if value in seen:
            raise data.source(kind, index).error(f"{what} {value!r} is used more than once")
        seen.add(value)


# --- accounts --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Account:
    key: str
    email: str
    name: str
    phone: str
    district: str
    birth_year: int | None
    role: str
    is_staff: bool
    is_superuser: bool
    login: bool  # signs in with the demo password; otherwise the account has no usable password

    def user_fields(self) -> dict:
        return {
            "name": self.name,
            "phone": self.phone,
            "district": self.district,
            "birth_year": self.birth_year,
            "is_staff": self.is_staff,
            "is_superuser": self.is_superuser,
        }


def _check_accounts(data: Data) -> None:
    _unique(data, "accounts", [a.key for a in data.accounts], "key")
    _unique(data, "accounts", [a.email.lower() for a in data.accounts], "email")
    if not any(a.is_superuser and a.login for a in data.accounts):
        raise DemoDataError("accounts.json: needs one cooperative staff account (is_superuser, login)")


@register("accounts", check=_check_accounts)
def parse_account(node: Node) -> Account:
    node.fields(
        required={"key", "email", "name", "phone", "district", "login"},
        optional={"birth_year", "role", "is_staff", "is_superuser"},
    )
    account = Account(
        key=node["key"].text(max_length=40),
        email=node["email"].validated(EmailValidator()),
        name=node["name"].text(field=_field(User, "name")),
        phone=node["phone"].text(field=_field(User, "phone")),
        district=node["district"].choice(District),
        birth_year=node["birth_year"].optional(lambda n: n.integer(min=1900, max=dt.date.today().year)),
        role=node["role"].optional(lambda n: n.text()) or "",
        is_staff=node["is_staff"].optional(Node.boolean) or False,
        is_superuser=node["is_superuser"].optional(Node.boolean) or False,
        login=node["login"].boolean(),
    )
    if account.is_superuser and not account.is_staff:
        raise node.error("is_superuser needs is_staff")
    if account.login and not account.role:
        raise node["role"].error("an account that signs in needs a role (shown by seed_demo)")
    return account


# --- providers and their services -----------------------------------------------------------------------


@dataclass(frozen=True)
class Schedule:
    weekdays: tuple[int, ...]  # 0 = Monday … 6 = Sunday
    start: str  # HH:MM, Asia/Seoul
    minutes: int
    capacity: int

    @property
    def start_time(self) -> dt.time:
        return dt.time.fromisoformat(self.start)

    @property
    def end_time(self) -> dt.time:
        start = dt.datetime.combine(dt.date(2000, 1, 1), self.start_time)
        return (start + dt.timedelta(minutes=self.minutes)).time()


@dataclass(frozen=True)
class ServiceSpec:
    slug: str
    title: str
    summary: str
    description: str
    domain: str
    needs: tuple[str, ...]
    delivery: str
    price: int
    unit: str
    duration_minutes: int | None
    is_experience: bool
    stock: int | None
    schedule: Schedule | None
    status: str

    def model_fields(self) -> dict:
        return {
            "title": self.title,
            "summary": self.summary,
            "description": self.description,
            "domain": self.domain,
            "delivery": self.delivery,
            "price": self.price,
            "unit": self.unit,
            "duration_minutes": self.duration_minutes,
            "is_experience": self.is_experience,
            "stock": self.stock,
        }


@dataclass(frozen=True)
class ProviderSpec:
    slug: str
    name: str
    kind: str
    district: str
    address: str
    phone: str
    email: str
    website: str
    description: str
    owner: str | None  # an account key
    is_published: bool
    services: tuple[ServiceSpec, ...]

    def model_fields(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "district": self.district,
            "address": self.address,
            "phone": self.phone,
            "email": self.email,
            "website": self.website,
            "description": self.description,
            "is_published": self.is_published,
        }


NEED_SLUGS = [need["slug"] for need in NEEDS]


def parse_schedule(node: Node) -> Schedule:
    node.fields(required={"weekdays", "start", "minutes", "capacity"})
    weekdays = []
    for day in node["weekdays"].items(min_length=1, max_length=7):
        if not isinstance(day.value, int) or isinstance(day.value, bool) or not 0 <= day.value <= 6:
            raise day.error(f"{day.value!r} is not a weekday (0 = Monday … 6 = Sunday)")
        weekdays.append(day.value)
    if len(set(weekdays)) != len(weekdays):
        raise node["weekdays"].error("lists a weekday twice")
    schedule = Schedule(
        weekdays=tuple(weekdays),
        start=node["start"].clock(),
        minutes=node["minutes"].integer(min=1),
        capacity=node["capacity"].integer(min=1),
    )
    start = dt.datetime.combine(dt.date(2000, 1, 1), schedule.start_time)
    if (start + dt.timedelta(minutes=schedule.minutes)).date() != start.date():
        raise node["minutes"].error(f"{schedule.start} + {schedule.minutes} minutes ends after midnight")
    return schedule


def parse_service(node: Node) -> ServiceSpec:
    node.fields(
        required={
            "slug",
            "title",
            "summary",
            "description",
            "domain",
            "needs",
            "delivery",
            "price",
            "unit",
            "duration_minutes",
            "is_experience",
            "stock",
            "schedule",
            "status",
        }
    )
    needs = tuple(need.choice(NEED_SLUGS) for need in node["needs"].items(min_length=1, max_length=3))
    if len(set(needs)) != len(needs):
        raise node["needs"].error("lists a need twice")
    service = ServiceSpec(
        slug=node["slug"].text(field=_field(Service, "slug")),
        title=node["title"].text(field=_field(Service, "title")),
        summary=node["summary"].text(field=_field(Service, "summary")),
        description=node["description"].text(),
        domain=node["domain"].choice(HealthDomain),
        needs=needs,
        delivery=node["delivery"].choice(Delivery),
        price=node["price"].integer(min=0),
        unit=node["unit"].choice(PriceUnit),
        duration_minutes=node["duration_minutes"].optional(lambda n: n.integer(min=1, max=32767)),
        is_experience=node["is_experience"].boolean(),
        stock=node["stock"].optional(lambda n: n.integer(min=0)),
        schedule=node["schedule"].optional(parse_schedule),
        status=node["status"].choice(
            Service.Status, allowed={Service.Status.PUBLISHED, Service.Status.PENDING_REVIEW}
        ),
    )
    _slug_shape(node["slug"])
    shipped = service.delivery == Delivery.SHIPPED
    # Goods are shipped from stock; everything else is booked by time (a schedule) and takes some minutes.
    for key, present in (
        ("stock", service.stock is not None),
        ("schedule", service.schedule is not None),
        ("duration_minutes", service.duration_minutes is not None),
    ):
        if present != (shipped if key == "stock" else not shipped):
            raise node[key].error(
                f"shipped goods have a stock and no schedule or duration; other services the opposite "
                f"(delivery is {service.delivery!r})"
            )
    return service


def _slug_shape(node: Node) -> None:
    slug = node.value
    if not all(c.isascii() and (c.islower() or c.isdigit() or c == "-") for c in slug):
        raise node.error(f"{slug!r}: a slug is lower-case letters, digits and hyphens")


def _check_providers(data: Data) -> None:
    _unique(data, "providers", [p.slug for p in data.providers], "provider slug")
    accounts = {a.key: a for a in data.accounts}
    seen: dict[str, str] = {}
    for index, provider in enumerate(data.providers):
        node = data.source("providers", index)
        if node.path == "" and Path(node.file).stem != provider.slug:
            raise node.error(f"the file of provider {provider.slug!r} is providers/{provider.slug}.json")
        if provider.owner is not None:
            owner = accounts.get(provider.owner)
            if owner is None:
                raise node["owner"].error(f"no account with key {provider.owner!r} in accounts.json")
            if not (owner.login and owner.is_staff):
                raise node["owner"].error(
                    f"account {provider.owner!r} must sign in and be staff to use the admin"
                )
        for s_index, service in enumerate(provider.services):
            if service.slug in seen:
                raise (
                    node.child("services")
                    .child(s_index)["slug"]
                    .error(
                        f"service slug {service.slug!r} is already used by provider {seen[service.slug]!r}"
                    )
                )
            seen[service.slug] = provider.slug


@register("providers", check=_check_providers)
def parse_provider(node: Node) -> ProviderSpec:
    node.fields(
        required={
            "slug",
            "name",
            "kind",
            "district",
            "address",
            "phone",
            "email",
            "website",
            "description",
            "owner",
            "is_published",
            "services",
        }
    )
    _slug_shape(node["slug"])
    email = node["email"].text(blank=True)
    if email:
        node["email"].validated(EmailValidator())
    website = node["website"].text(blank=True)
    if website:
        node["website"].validated(URLValidator(schemes=["https", "http"]))
    provider = ProviderSpec(
        slug=node["slug"].text(field=_field(Provider, "slug")),
        name=node["name"].text(field=_field(Provider, "name")),
        kind=node["kind"].choice(ProviderKind),
        district=node["district"].choice(District),
        address=node["address"].text(field=_field(Provider, "address")),
        phone=node["phone"].text(field=_field(Provider, "phone")),
        email=email,
        website=website,
        description=node["description"].text(),
        owner=node["owner"].optional(lambda n: n.text()),
        is_published=node["is_published"].boolean(),
        services=tuple(parse_service(service) for service in node["services"].items(min_length=1)),
    )
    return provider


# --- the demo residents' past orders --------------------------------------------------------------------

PAST_STATUSES = {Order.Status.COMPLETED, Order.Status.CANCELLED, Order.Status.REFUNDED}
PAST_METHODS = {Order.PaymentMethod.BANK_TRANSFER, Order.PaymentMethod.ON_SITE}


@dataclass(frozen=True)
class ReviewSpec:
    rating: int
    body: str


@dataclass(frozen=True)
class LineSpec:
    service: str  # a service slug
    quantity: int
    review: ReviewSpec | None


@dataclass(frozen=True)
class OrderSpec:
    key: str  # stable name: a second seed finds the order by it
    resident: str  # an account key
    days_ago: int
    time: str  # HH:MM, when it was placed (Asia/Seoul)
    status: str
    payment_method: str
    lines: tuple[LineSpec, ...]
    cancel_reason: str
    refund_reason: str


def parse_review(node: Node) -> ReviewSpec:
    node.fields(required={"rating", "body"})
    return ReviewSpec(
        rating=node["rating"].integer(min=1, max=5),
        body=node["body"].text(blank=True, max_length=_field(Review, "body").max_length),
    )


def parse_line(node: Node) -> LineSpec:
    node.fields(required={"service", "quantity"}, optional={"review"})
    return LineSpec(
        service=node["service"].text(),
        quantity=node["quantity"].integer(min=1, max=10),
        review=node["review"].optional(parse_review),
    )


def _check_orders(data: Data) -> None:
    _unique(data, "orders", [o.key for o in data.orders], "order key")
    accounts = {a.key: a for a in data.accounts}
    providers = {s.slug: p for p in data.providers for s in p.services}
    services = {s.slug: s for s in data.services}
    for index, order in enumerate(data.orders):
        node = data.source("orders", index)
        resident = accounts.get(order.resident)
        if resident is None:
            raise node["resident"].error(f"no account with key {order.resident!r} in accounts.json")
        if resident.is_staff:
            raise node["resident"].error(f"{order.resident!r} is a staff account, not a resident")
        for l_index, line in enumerate(order.lines):
            line_node = node.child("lines").child(l_index)
            service = services.get(line.service)
            if service is None:
                raise line_node["service"].error(f"no service with slug {line.service!r} in providers/")
            if service.price == 0:
                raise line_node["service"].error(
                    f"{line.service!r} is free: past orders are of paid services"
                )
            if service.schedule and line.quantity > service.schedule.capacity:
                raise line_node["quantity"].error(
                    f"{line.quantity} places, but a time of {line.service!r} has {service.schedule.capacity}"
                )
        on_site = order.payment_method == Order.PaymentMethod.ON_SITE
        if on_site and len({providers[line.service].slug for line in order.lines}) > 1:
            raise node["payment_method"].error("on-site payment is for orders from one enterprise only")


@register("orders", check=_check_orders)
def parse_order(node: Node) -> OrderSpec:
    node.fields(
        required={"key", "resident", "days_ago", "time", "status", "payment_method", "lines"},
        optional={"cancel_reason", "refund_reason"},
    )
    order = OrderSpec(
        key=node["key"].text(max_length=60),
        resident=node["resident"].text(),
        # Far enough back that the times booked after it have passed too.
        days_ago=node["days_ago"].integer(min=10, max=365),
        time=node["time"].clock(),
        status=node["status"].choice(Order.Status, allowed=PAST_STATUSES),
        payment_method=node["payment_method"].choice(Order.PaymentMethod, allowed=PAST_METHODS),
        lines=tuple(parse_line(line) for line in node["lines"].items(min_length=1)),
        cancel_reason=node["cancel_reason"].optional(lambda n: n.text(field=_field(Order, "cancel_reason")))
        or "",
        refund_reason=node["refund_reason"].optional(lambda n: n.text(field=_field(Order, "refund_reason")))
        or "",
    )
    if (order.status == Order.Status.CANCELLED) != bool(order.cancel_reason):
        raise node.error("a cancelled order, and only a cancelled one, has a cancel_reason")
    if (order.status == Order.Status.REFUNDED) != bool(order.refund_reason):
        raise node.error("a refunded order, and only a refunded one, has a refund_reason")
    for index, line in enumerate(order.lines):
        if line.review is not None and order.status != Order.Status.COMPLETED:
            raise (
                node.child("lines")
                .child(index)["review"]
                .error("only the lines of a completed order have a review")
            )
    return order


# --- 건강반 (groups) -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupSpec:
    slug: str
    provider: str  # a provider slug
    title: str
    summary: str
    description: str
    domain: str
    needs: tuple[str, ...]
    district: str
    delivery: str
    place_name: str
    place_address: str
    capacity: int
    fee: int
    fee_unit: str
    fee_note: str
    join_policy: str
    audience: str
    weekdays: tuple[int, ...]
    start: str
    minutes: int
    members: int  # how many neighbours have joined (more than the capacity: a waiting list)

    def model_fields(self) -> dict:
        return {
            name: getattr(self, name)
            for name in (
                "title",
                "summary",
                "description",
                "domain",
                "district",
                "delivery",
                "place_name",
                "place_address",
                "capacity",
                "fee",
                "fee_unit",
                "fee_note",
                "join_policy",
                "audience",
            )
        }


def _check_groups(data: Data) -> None:
    providers = {provider.slug for provider in data.providers}
    _unique(data, "groups", [group.slug for group in data.groups], "slug")
    for index, group in enumerate(data.groups):
        if group.provider not in providers:
            raise data.source("groups", index)["provider"].error(
                f"no provider {group.provider!r} in providers/"
            )


@register("groups", check=_check_groups)
def parse_group(node: Node) -> GroupSpec:
    from groups.models import HealthGroup
    from majubom.choices import Audience

    node.fields(
        required={
            "slug",
            "provider",
            "title",
            "summary",
            "description",
            "domain",
            "needs",
            "district",
            "delivery",
            "place_name",
            "place_address",
            "capacity",
            "fee",
            "fee_unit",
            "fee_note",
            "join_policy",
            "audience",
            "schedule",
            "members",
        }
    )
    _slug_shape(node["slug"])
    schedule = node["schedule"].fields(required={"weekdays", "start", "minutes"})
    weekdays = []
    for day in schedule["weekdays"].items(min_length=1, max_length=7):
        if not isinstance(day.value, int) or isinstance(day.value, bool) or not 0 <= day.value <= 6:
            raise day.error(f"{day.value!r} is not a weekday (0 = Monday … 6 = Sunday)")
        weekdays.append(day.value)
    return GroupSpec(
        slug=node["slug"].text(field=_field(HealthGroup, "slug")),
        provider=node["provider"].text(),
        title=node["title"].text(field=_field(HealthGroup, "title")),
        summary=node["summary"].text(field=_field(HealthGroup, "summary")),
        description=node["description"].text(),
        domain=node["domain"].choice(HealthDomain),
        needs=tuple(need.choice(NEED_SLUGS) for need in node["needs"].items(min_length=1, max_length=3)),
        district=node["district"].choice(District),
        delivery=node["delivery"].choice(HealthGroup.Delivery),
        place_name=node["place_name"].text(field=_field(HealthGroup, "place_name")),
        place_address=node["place_address"].text(field=_field(HealthGroup, "place_address")),
        capacity=node["capacity"].integer(min=1, max=1000),
        fee=node["fee"].integer(min=0),
        fee_unit=node["fee_unit"].choice(HealthGroup.FeeUnit),
        fee_note=node["fee_note"].text(field=_field(HealthGroup, "fee_note")),
        join_policy=node["join_policy"].choice(HealthGroup.JoinPolicy),
        audience=node["audience"].choice(Audience),
        weekdays=tuple(weekdays),
        start=schedule["start"].clock(),
        minutes=schedule["minutes"].integer(min=10, max=600),
        members=node["members"].integer(min=0, max=200),
    )
