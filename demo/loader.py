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
from majubom.choices import Audience, District, HealthDomain
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
    audience: str = "anyone"

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
            "audience": self.audience,
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
        },
        optional={"audience"},
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
        audience=node["audience"].choice(Audience) if node.has("audience") else Audience.ANYONE,
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


# --- 건강상점 (fairs) ------------------------------------------------------------------------------------

FAIR_ZONE = "Asia/Seoul"


@dataclass(frozen=True)
class FairMoment:
    """A moment around a fair, on the Seoul clock: ``days_before`` the fair's day, or ``days_ago`` before the
    day of seeding (a fair that moves with today opens its registration a week ago, whatever the date)."""

    days_before: int | None
    days_ago: int | None
    time: str

    def on(self, *, fair_day: dt.date, today: dt.date) -> dt.datetime:
        from zoneinfo import ZoneInfo

        day = today - dt.timedelta(days=self.days_ago) if self.days_ago is not None else None
        if day is None:
            day = fair_day - dt.timedelta(days=self.days_before)
        return dt.datetime.combine(day, dt.time.fromisoformat(self.time), tzinfo=ZoneInfo(FAIR_ZONE))


@dataclass(frozen=True)
class ProgramSpec:
    title: str
    description: str
    start: str  # HH:MM on the fair's day
    minutes: int
    capacity: int
    price: int
    needs: tuple[str, ...]
    fill: bool  # booked to the last seat by the demo visitors


@dataclass(frozen=True)
class BoothSpec:
    provider: str  # a provider slug
    number: int
    zone: str
    offering: str
    needs: tuple[str, ...]
    programs: tuple[ProgramSpec, ...]


@dataclass(frozen=True)
class BoothApplicationSpec:
    """A company not on 마주봄 yet, applying through the public form and waiting for the cooperative."""

    company_name: str
    company_kind: str
    contact_name: str
    contact_phone: str
    contact_email: str
    offering: str
    days_ago: int


@dataclass(frozen=True)
class VisitorsSpec:
    seed: int  # of the names, phones and choices: the same visitors every time
    parties: int | None  # None: register parties until the visitor capacity is full
    waitlisted: int  # parties more, in line (only with ``parties`` None)
    cancelled: int
    email_share: float
    followup_share: float
    booking_share: float
    residents: tuple[str, ...]  # account keys: demo residents who registered with their account


@dataclass(frozen=True)
class DayOfSpec:
    """What happened on a past fair's day: walk-ins, the door scans, the stamps, the follow-up."""

    walk_ins: int
    checked_in_share: float
    failed_scans: int
    complete_share: float  # of the visitors who came, the share that completed the stamp tour
    doors: tuple[str, ...]
    followup_sent: bool


@dataclass(frozen=True)
class FairSpec:
    slug: str
    title: str
    summary: str
    description: str
    venue: str
    address: str
    transport: str
    what_to_bring: str
    parking: str
    accessibility: str
    date: dt.date | None
    weeks_ahead: int | None  # the first Saturday at least this many weeks after the day of seeding
    start: str
    end: str
    status: str
    visitor_capacity: int
    registration_opens: FairMoment
    registration_closes: FairMoment
    booth_call_opens: FairMoment | None
    booth_call_closes: FairMoment | None
    stamp_goal: int
    prize_message: str
    zones: tuple[str, ...]
    booths: tuple[BoothSpec, ...]
    applications: tuple[BoothApplicationSpec, ...]
    visitors: VisitorsSpec
    day_of: DayOfSpec | None

    def day(self, today: dt.date) -> dt.date:
        if self.date is not None:
            return self.date
        later = today + dt.timedelta(weeks=self.weeks_ahead)
        return later + dt.timedelta(days=(5 - later.weekday()) % 7)  # 5 = Saturday

    def at(self, clock: str, *, today: dt.date) -> dt.datetime:
        return FairMoment(days_before=0, days_ago=None, time=clock).on(fair_day=self.day(today), today=today)

    def model_fields(self) -> dict:
        return {
            name: getattr(self, name)
            for name in (
                "title",
                "summary",
                "description",
                "venue",
                "address",
                "transport",
                "what_to_bring",
                "parking",
                "accessibility",
                "visitor_capacity",
                "stamp_goal",
                "prize_message",
            )
        }


def _minutes(clock: str) -> int:
    return int(clock[:2]) * 60 + int(clock[3:])


def parse_fair_moment(node: Node) -> FairMoment:
    node.fields(required={"time"}, optional={"days_before", "days_ago"})
    if node.has("days_before") == node.has("days_ago"):
        raise node.error("give either days_before (the fair's day) or days_ago (the day of seeding)")
    return FairMoment(
        days_before=node["days_before"].optional(lambda n: n.integer(min=0, max=365)),
        days_ago=node["days_ago"].optional(lambda n: n.integer(min=0, max=365)),
        time=node["time"].clock(),
    )


def _needs(node: Node, *, min_length: int) -> tuple[str, ...]:
    needs = tuple(need.choice(NEED_SLUGS) for need in node.items(min_length=min_length, max_length=3))
    if len(set(needs)) != len(needs):
        raise node.error("lists a need twice")
    return needs


def parse_program(node: Node, *, start: str, end: str) -> ProgramSpec:
    from events.models import Program

    node.fields(
        required={"title", "description", "start", "minutes", "capacity", "needs"},
        optional={"price", "fill"},
    )
    program = ProgramSpec(
        title=node["title"].text(field=_field(Program, "title")),
        description=node["description"].text(field=_field(Program, "description")),
        start=node["start"].clock(),
        minutes=node["minutes"].integer(min=10, max=360),
        capacity=node["capacity"].integer(min=1, max=500),
        price=node["price"].optional(lambda n: n.integer(min=0)) or 0,
        needs=_needs(node["needs"], min_length=0),
        fill=node["fill"].optional(Node.boolean) or False,
    )
    if not _minutes(start) <= _minutes(program.start) < _minutes(end):
        raise node["start"].error(f"{program.start} is outside the fair's hours ({start}–{end})")
    if _minutes(program.start) + program.minutes > _minutes(end):
        raise node["minutes"].error(f"{program.start} + {program.minutes} minutes ends after {end}")
    return program


def parse_booth(node: Node, *, zones: tuple[str, ...], start: str, end: str) -> BoothSpec:
    from events.models import Booth

    node.fields(required={"provider", "number", "zone", "offering", "needs", "programs"})
    zone = node["zone"].text(field=_field(Booth, "zone"))
    if zones and zone not in zones:
        raise node["zone"].error(f"{zone!r} is not one of the fair's zones ({', '.join(zones)})")
    return BoothSpec(
        provider=node["provider"].text(),
        number=node["number"].integer(min=1, max=999),
        zone=zone,
        offering=node["offering"].text(),
        needs=_needs(node["needs"], min_length=1),
        programs=tuple(parse_program(p, start=start, end=end) for p in node["programs"].items()),
    )


def parse_booth_application(node: Node) -> BoothApplicationSpec:
    from events.models import Booth

    node.fields(
        required={
            "company_name",
            "company_kind",
            "contact_name",
            "contact_phone",
            "contact_email",
            "offering",
            "days_ago",
        }
    )
    phone = node["contact_phone"].text(field=_field(Booth, "contact_phone"))
    if not _is_mobile(phone):
        raise node["contact_phone"].error(f"{phone!r} is not a mobile number written 010-1234-5678")
    return BoothApplicationSpec(
        company_name=node["company_name"].text(max_length=_field(Booth, "company_name").max_length),
        company_kind=node["company_kind"].choice(ProviderKind),
        contact_name=node["contact_name"].text(max_length=_field(Booth, "contact_name").max_length),
        contact_phone=phone,
        contact_email=node["contact_email"].validated(EmailValidator()),
        offering=node["offering"].text(),
        days_ago=node["days_ago"].integer(min=0, max=365),
    )


def _is_mobile(phone: str) -> bool:
    parts = phone.split("-")
    return (
        len(parts) == 3
        and parts[0] == "010"
        and all(part.isascii() and part.isdigit() and len(part) == 4 for part in parts[1:])
    )


def _share(node: Node) -> float:
    value = node.value
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
        raise node.error(f"{value!r} is not a share between 0 and 1")
    return float(value)


def parse_visitors(node: Node) -> VisitorsSpec:
    node.fields(
        required={
            "seed",
            "parties",
            "waitlisted",
            "cancelled",
            "email_share",
            "followup_share",
            "booking_share",
            "residents",
        }
    )
    visitors = VisitorsSpec(
        seed=node["seed"].integer(min=0),
        parties=node["parties"].optional(lambda n: n.integer(min=0, max=5000)),
        waitlisted=node["waitlisted"].integer(min=0, max=100),
        cancelled=node["cancelled"].integer(min=0, max=100),
        email_share=_share(node["email_share"]),
        followup_share=_share(node["followup_share"]),
        booking_share=_share(node["booking_share"]),
        residents=tuple(key.text() for key in node["residents"].items()),
    )
    if visitors.waitlisted and visitors.parties is not None:
        raise node["waitlisted"].error("a waiting list needs a full fair: set parties to null (fill it)")
    return visitors


def parse_day_of(node: Node) -> DayOfSpec:
    node.fields(
        required={"walk_ins", "checked_in_share", "failed_scans", "complete_share", "doors", "followup_sent"}
    )
    return DayOfSpec(
        walk_ins=node["walk_ins"].integer(min=0, max=500),
        checked_in_share=_share(node["checked_in_share"]),
        failed_scans=node["failed_scans"].integer(min=0, max=500),
        complete_share=_share(node["complete_share"]),
        doors=tuple(door.text(max_length=20) for door in node["doors"].items(min_length=1)),
        followup_sent=node["followup_sent"].boolean(),
    )


def _check_fairs(data: Data) -> None:
    _unique(data, "fairs", [fair.slug for fair in data.fairs], "slug")
    providers = {provider.slug: provider for provider in data.providers}
    accounts = {account.key for account in data.accounts}
    for index, fair in enumerate(data.fairs):
        node = data.source("fairs", index)
        for b_index, booth in enumerate(fair.booths):
            where = node.child("booths").child(b_index)["provider"]
            provider = providers.get(booth.provider)
            if provider is None:
                raise where.error(f"no provider {booth.provider!r} in providers/")
            if not provider.is_published:
                raise where.error(f"provider {booth.provider!r} waits for approval: no booth yet")
        for r_index, key in enumerate(fair.visitors.residents):
            if key not in accounts:
                where = node.child("visitors").child("residents").child(r_index)
                raise where.error(f"no account with key {key!r} in accounts.json")


@register("fairs", check=_check_fairs)
def parse_fair(node: Node) -> FairSpec:
    from events.models import Booth, Fair

    node.fields(
        required={
            "slug",
            "title",
            "summary",
            "description",
            "venue",
            "address",
            "transport",
            "what_to_bring",
            "parking",
            "accessibility",
            "hours",
            "status",
            "visitor_capacity",
            "registration",
            "stamp_goal",
            "prize_message",
            "zones",
            "booths",
            "applications",
            "visitors",
        },
        optional={"date", "weeks_ahead", "booth_call", "day_of"},
    )
    _slug_shape(node["slug"])
    if node.has("date") == node.has("weeks_ahead"):
        raise node.error(
            "give either date (YYYY-MM-DD) or weeks_ahead (the next Saturday after so many weeks)"
        )
    date = None
    if node.has("date"):
        text = node["date"].text()
        try:
            date = dt.date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            date = None
        if date is None:
            raise node["date"].error(f"{text!r} is not a date written YYYY-MM-DD")
    hours = node["hours"].fields(required={"start", "end"})
    start, end = hours["start"].clock(), hours["end"].clock()
    if _minutes(end) <= _minutes(start):
        raise hours["end"].error(f"the fair ends ({end}) before it starts ({start})")
    registration = node["registration"].fields(required={"opens", "closes"})
    booth_call = node["booth_call"].optional(lambda n: n.fields(required={"opens", "closes"}))
    zones = tuple(zone.text(field=_field(Booth, "zone")) for zone in node["zones"].items(min_length=1))
    fair = FairSpec(
        slug=node["slug"].text(field=_field(Fair, "slug")),
        title=node["title"].text(field=_field(Fair, "title")),
        summary=node["summary"].text(field=_field(Fair, "summary")),
        description=node["description"].text(field=_field(Fair, "description")),
        venue=node["venue"].text(field=_field(Fair, "venue")),
        address=node["address"].text(field=_field(Fair, "address")),
        transport=node["transport"].text(field=_field(Fair, "transport")),
        what_to_bring=node["what_to_bring"].text(field=_field(Fair, "what_to_bring")),
        parking=node["parking"].text(field=_field(Fair, "parking")),
        accessibility=node["accessibility"].text(field=_field(Fair, "accessibility")),
        date=date,
        weeks_ahead=node["weeks_ahead"].optional(lambda n: n.integer(min=1, max=52)),
        start=start,
        end=end,
        status=node["status"].choice(Fair.Status, allowed={Fair.Status.PUBLISHED, Fair.Status.CLOSED}),
        visitor_capacity=node["visitor_capacity"].integer(min=1, max=100_000),
        registration_opens=parse_fair_moment(registration["opens"]),
        registration_closes=parse_fair_moment(registration["closes"]),
        booth_call_opens=booth_call and parse_fair_moment(booth_call["opens"]),
        booth_call_closes=booth_call and parse_fair_moment(booth_call["closes"]),
        stamp_goal=node["stamp_goal"].integer(min=1, max=100),
        prize_message=node["prize_message"].text(field=_field(Fair, "prize_message")),
        zones=zones,
        booths=tuple(parse_booth(b, zones=zones, start=start, end=end) for b in node["booths"].items()),
        applications=tuple(parse_booth_application(a) for a in node["applications"].items()),
        visitors=parse_visitors(node["visitors"]),
        day_of=node["day_of"].optional(parse_day_of),
    )
    _check_fair_shape(node, fair)
    return fair


def _check_fair_shape(node: Node, fair: FairSpec) -> None:
    """What seeding a fair through the events services needs: a past fair is closed and a coming one
    published, the windows are in order, booth numbers and providers are unique."""
    today = dt.date.today()
    past = fair.date is not None and fair.date < today
    if (fair.status == "closed") != past:
        raise node["status"].error("a fair on a date that has passed is closed; a coming one is published")
    if (fair.day_of is not None) != past:
        raise node.error(
            "day_of (walk-ins, scans, stamps) is for a fair that has been held, and only for one"
        )
    if past and (
        fair.registration_opens.days_ago is not None or fair.registration_closes.days_ago is not None
    ):
        raise node["registration"].error("the windows of a past fair are given in days_before its date")
    day = fair.day(today)
    starts = fair.at(fair.start, today=today)
    for name, opens, closes in (
        ("registration", fair.registration_opens, fair.registration_closes),
        ("booth_call", fair.booth_call_opens, fair.booth_call_closes),
    ):
        if opens is None:
            continue
        opened, closed = opens.on(fair_day=day, today=today), closes.on(fair_day=day, today=today)
        if not opened < closed <= starts:
            raise node[name].error("opens, then closes, no later than the fair starts")
        if not past and name == "registration" and not opened <= dt.datetime.now(opened.tzinfo) < closed:
            raise node[name].error("a coming fair's registration is open on the day of seeding")
    numbers = [booth.number for booth in fair.booths]
    for index, booth in enumerate(fair.booths):
        if numbers.index(booth.number) != index:
            raise (
                node.child("booths")
                .child(index)["number"]
                .error(f"booth number {booth.number} is used twice")
            )
        if [b.provider for b in fair.booths].index(booth.provider) != index:
            raise node.child("booths").child(index)["provider"].error(f"{booth.provider!r} has two booths")
    if fair.visitors.parties is None and past:
        raise node["visitors"]["parties"].error(
            "a past fair's registrations are counted (a number, not null)"
        )
