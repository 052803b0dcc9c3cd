"""Pages that compose several apps. The home page gathers the catalogue (and later groups and the fair);
the service page shows a listing with its reviews (orders) and the cart form (orders).

Both follow the one rendering rule of ``majubom.pagecache``: the shared part is rendered without the
request and cached under the scopes it shows; the visitor's own parts (CSRF token, cart count, user,
messages) are added outside it, by ``base.html`` and ``with_csrf``.
"""

from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from catalog import selectors as catalog_selectors
from events import selectors as events_selectors
from groups import selectors as groups_selectors
from majubom import pagecache
from majubom.choices import HEALTH_DOMAIN_DETAIL, HealthDomain

HOME_EXPERIENCE_LIMIT = 6
HOME_UPCOMING_LIMIT = 6
# The service page shows the first days' times at once (a phone's first screen) and the rest behind
# "다른 날짜 더 보기": at least this many open times, or this many days once one of them is open.
FIRST_OPEN_TIMES = 3
FIRST_DAYS = 3


@require_GET
def home(request):
    """The market's front door. The upcoming times show their seats left, so that part is keyed by the
    scopes of the services it shows as well as by the listing: a booking elsewhere leaves it warm."""

    read: dict[str, list] = {}

    def upcoming() -> list:  # read at most once per request, whichever cold entry asks first
        if "slots" not in read:
            read["slots"] = catalog_selectors.home_upcoming_slots(limit=HOME_UPCOMING_LIMIT)
        return read["slots"]

    # Which services the upcoming list shows changes only with the listing (a time opening or filling).
    shown = pagecache.cached_value(
        "home-upcoming-services",
        scopes=[pagecache.LISTING],
        compute=lambda: sorted({slot.service_id for slot in upcoming()}),
        timeout=lambda ids: pagecache.FRAGMENT_TIMEOUT,
    )
    market = pagecache.cached_render(
        "home-market",
        scopes=[pagecache.LISTING, *(pagecache.service(pk) for pk in shown)],
        template="web/home.html#market",
        context=lambda: {
            "experience_services": catalog_selectors.home_experience_services(limit=HOME_EXPERIENCE_LIMIT),
            "upcoming_slots": upcoming(),
        },
    )
    district = getattr(request.user, "district", "") if request.user.is_authenticated else ""
    groups = pagecache.cached_render(
        "home-groups",
        scopes=[pagecache.LISTING],
        parts=district or "",
        template="web/home.html#groups",
        context=lambda: {
            "groups": groups_selectors.groups_near(district=district, limit=3),
            "district": district,
        },
    )
    fair = pagecache.cached_value(
        "home-fair", scopes=[pagecache.FAIRS], compute=_home_fair, timeout=lambda part: part["expires"]
    )
    context = {
        "domains": [(domain, HEALTH_DOMAIN_DETAIL[domain]) for domain in HealthDomain],
        "market": market,
        "groups": groups,
        "fair": fair["html"],
    }
    return render(request, "web/home.html", context)


def _home_fair() -> dict:
    """The next 건강상점 while its registration is open (or about to open), with the places left."""
    fair = events_selectors.next_fair_for_home()
    if fair is None:
        return {"html": "", "expires": pagecache.page_timeout_cap()}
    context = {"fair": fair, "counts": events_selectors.fair_counts(fair)}
    return {
        "html": pagecache.render_fragment("web/home.html#fair", context),
        "expires": pagecache.seconds_until(
            m for m in [fair.registration_opens, fair.registration_closes] if m > timezone.now()
        ),
    }


@require_GET
def service_detail(request, slug: str):
    """Everything below the site header is the same for every visitor: one cache entry under the
    service's and its provider's scopes, no queries when warm."""
    loaded = {}

    def load_ids() -> tuple[int, int]:
        # A published listing or 404; what is read here is reused below when the page is cold too.
        loaded["page"] = catalog_selectors.service_page(slug=slug)
        return loaded["page"].service.pk, loaded["page"].service.provider_id

    service_id, provider_id = pagecache.cached_value(
        "service-ids", scopes=[], parts=slug, compute=load_ids, timeout=pagecache.PAGE_TIMEOUT
    )
    page = pagecache.cached_value(
        "service-page",
        scopes=[pagecache.service(service_id), pagecache.provider(provider_id)],
        parts=slug,
        compute=lambda: _service_page(slug, loaded.get("page")),
        timeout=lambda page: page["expires"],
    )
    context = {"page_title": page["title"], "content": pagecache.with_csrf(page["content"], request)}
    return render(request, "web/service_detail.html", context)


def _service_page(slug: str, page=None) -> dict:
    """The shared part of a service page and how many seconds it stays true: until the first time it lists
    (its own or a sibling card's) starts."""
    page = page or catalog_selectors.service_page(slug=slug)
    service, provider, slots = page.service, page.service.provider, page.slots
    cards = pagecache.cached_value(
        "provider-cards",
        scopes=[pagecache.provider(provider.pk)],
        compute=lambda: _provider_cards(provider),
        timeout=lambda cards: pagecache.seconds_until(next_at for _pk, _html, next_at in cards),
    )
    open_slots = [slot for slot in slots if slot.seats_left]
    days_first, days_more = split_slot_days(slot_days(slots))
    context = {
        "service": service,
        "provider": provider,
        "images": page.images,
        "needs": page.needs,
        "slots": slots,
        "open_slots": open_slots,
        "days_first": days_first,
        "days_more": days_more,
        "by_quantity": not service.books_by_time,
        "more_cards": [mark_safe(html) for pk, html, _next in cards if pk != service.pk][:3],  # noqa: S308
        "csrf_field": pagecache.CSRF_SLOT,
    }
    return {
        "title": f"{service.title} · {provider.name}",
        "content": pagecache.render_fragment("web/service_detail.html#content", context),
        "expires": pagecache.seconds_until(
            [*(slot.starts_at for slot in slots), *(n for _pk, _h, n in cards)]
        ),
    }


def slot_days(slots) -> list[dict]:
    """The times grouped by their local day, in order: [{"date", "starts_at", "slots"}, ...]."""
    days: list[dict] = []
    for slot in slots:
        day = timezone.localdate(slot.starts_at)
        if not days or days[-1]["date"] != day:
            days.append({"date": day, "starts_at": slot.starts_at, "slots": []})
        days[-1]["slots"].append(slot)
    return days


def split_slot_days(days: list[dict]) -> tuple[list[dict], list[dict]]:
    """The days shown at once and the days behind "다른 날짜 더 보기". The first part always holds the first
    open time (the one chosen for the visitor) and a few more when there are any."""
    open_total = sum(1 for day in days for slot in day["slots"] if slot.seats_left)
    first: list[dict] = []
    open_shown = 0
    for day in days:
        enough_days = len(first) >= FIRST_DAYS and open_shown >= min(2, open_total)
        if first and (open_shown >= FIRST_OPEN_TIMES or enough_days):
            break
        first.append(day)
        open_shown += sum(1 for slot in day["slots"] if slot.seats_left)
    return first, days[len(first) :]


def _provider_cards(provider) -> list[tuple[int, str, object]]:
    """A provider's first cards, shared by all its service pages: (service id, html, next time)."""
    services = catalog_selectors.services_of_provider(provider=provider, limit=4)
    return [
        (s.pk, pagecache.render_fragment("catalog/_service_card.html", {"service": s}), s.next_slot_at)
        for s in services
    ]
