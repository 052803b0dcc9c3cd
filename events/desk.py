"""The door desk and the booth pages of 건강상점, made for a phone held in one hand.

The desk (staff with ``events.check_in``): camera or typed code → ``services.scan``; search by name or the
phone's last four digits; undo a check-in with a reason; walk-ins while places are left; live counts. The
booth page (that booth's own members, everyone else a 404): stamp a checked-in visitor, the day's stamps,
the booth's program bookings, and a printable poster with the self-stamp QR.

Every form posts without JavaScript and answers a full page; with htmx the same view answers the fragment
(``desk.html#scan_reply`` …). A scan carries a nonce: a fresh one from ``static/js/scan.js`` for each camera
read, otherwise one the server put in the form, so a repeated post answers what the first one answered.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from functools import wraps
from urllib.parse import quote, unquote

import segno
from django.contrib.auth.models import Permission
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import trigger_client_event

from majubom.errors import MajubomError

from . import selectors, services
from .forms import WalkInForm
from .models import CODE_LENGTH, Booth, CheckIn, Fair, ProgramBooking, Registration, Stamp

DESK = "events/desk/desk.html"
BOOTH = "events/desk/booth.html"
POSTER = "events/desk/poster.html"
DOOR_COOKIE = "fair_desk_door"
DOOR_MAX = 20  # CheckIn.door, Registration.checked_in_door
SEARCH_LIMIT = 20
MAX_ID = 2**63 - 1  # a larger id in the URL or the form is a 404, never a database error
COUNTED = "desk-counted"  # the event that makes the counts (and the search list) refresh at once
# What the desk asks at the door: ``services.walk_in`` takes no email and no follow-up choice (yet).
WALK_IN_FIELDS = ("name", "phone", "party_size", "email", "agree_privacy", "agree_followup")


def _nonce() -> str:
    return uuid.uuid4().hex


def _as_id(value) -> int | None:
    text = str(value or "").strip()
    if not text.isascii() or not text.isdigit():
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


# --- who may come in --------------------------------------------------------------------------------------


def _login(request):
    """Anonymous: to the login page, back to the desk (a POST URL would answer 405 after login)."""
    target = request.get_full_path() if request.method == "GET" else request.path.rsplit("/", 2)[0] + "/"
    return redirect_to_login(target)


def _check_in_granted(user) -> Exists:
    """What ``user.has_perm("events.check_in")`` asks the project's backends (ModelBackend, and allauth's,
    which is one): the permission given to the user or to one of their groups, as a subquery. The desk
    asks it in the same query as the fair, so that a scan stays within its query budget (has_perm alone
    costs two queries on every scan); ``tests/events/test_desk.py`` holds the two answers equal."""
    granted = Permission.objects.filter(content_type__app_label="events", codename="check_in")
    return Exists(granted.filter(Q(user=user.pk) | Q(group__user=user.pk)))


def desk_view(view):
    """Staff with ``events.check_in``: anonymous → login, anyone else → 403 (whatever the fair). Passes
    the fair."""

    @wraps(view)
    def wrapped(request, slug: str, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return _login(request)
        if not user.is_active:
            raise PermissionDenied
        if user.is_superuser:
            fair = get_object_or_404(Fair, slug=slug)
        else:
            fair = Fair.objects.filter(slug=slug).annotate(may_check_in=_check_in_granted(user)).first()
            if fair is None and not user.has_perm("events.check_in"):
                raise PermissionDenied
            if fair is None:
                raise Http404
            if not fair.may_check_in:
                raise PermissionDenied
        return view(request, fair, *args, **kwargs)

    return never_cache(wrapped)


def booth_view(view):
    """That booth's own members (or cooperative staff): anyone else gets a 404 whether or not the booth
    exists, so no id reveals another booth. Passes the booth (with its fair and provider)."""

    @wraps(view)
    def wrapped(request, slug: str, booth_id: int, *args, **kwargs):
        if not request.user.is_authenticated:
            return _login(request)
        booth = None
        if 0 < booth_id <= MAX_ID:
            booth = (
                Booth.objects.select_related("fair", "provider").filter(pk=booth_id, fair__slug=slug).first()
            )
        if booth is None or not services.may_run_booth(request.user, booth):
            raise Http404
        return view(request, booth, *args, **kwargs)

    return never_cache(wrapped)


# --- what the desk answers --------------------------------------------------------------------------------


@dataclass
class Outcome:
    """One answer shown big at the top: ``tone`` ok (green), warn (amber), error (red), info."""

    tone: str
    title: str
    detail: str = ""
    registration: Registration | None = None
    can_undo: bool = False
    ticket_code: str = ""
    note: str = ""


def _clock(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M") if moment else ""


def _people(registration: Registration) -> str:
    return _("%(name)s · %(n)d명 · %(code)s") % {
        "name": registration.name,
        "n": registration.party_size,
        "code": registration.code,
    }


def _scan_outcome(answer: services.ScanAnswer) -> Outcome:
    result, registration = answer.checkin.result, answer.registration
    note = _("같은 스캔을 다시 받아서 처음 결과를 보여 드려요.") if answer.repeated else ""
    if result == CheckIn.Result.OK and registration is not None:
        return Outcome(
            "ok",
            _("입장 확인 · %(n)d명") % {"n": registration.party_size},
            _people(registration),
            registration=registration,
            can_undo=True,
            note=note,
        )
    if result == CheckIn.Result.ALREADY and registration is not None:
        if registration.checked_in_at and registration.checked_in_door:
            title = _("이미 입장 %(time)s · 문 %(door)s") % {
                "time": _clock(registration.checked_in_at),
                "door": registration.checked_in_door,
            }
        elif registration.checked_in_at:
            title = _("이미 입장 %(time)s") % {"time": _clock(registration.checked_in_at)}
        else:
            title = _("이미 입장한 티켓이었어요")
        return Outcome(
            "error",
            title,
            _people(registration),
            registration=registration,
            can_undo=bool(registration.checked_in_at),
            note=note,
        )
    if result == CheckIn.Result.CANCELLED:
        return Outcome("error", _("취소된 등록"), _people(registration) if registration else "", note=note)
    if result == CheckIn.Result.WAITLISTED:
        detail = _people(registration) if registration else ""
        return Outcome("error", _("대기 중인 등록이에요"), detail, note=note)
    if result == CheckIn.Result.WRONG_FAIR:
        return Outcome("error", _("다른 행사 티켓이에요"), note=note)
    return Outcome("error", _("모르는 코드예요"), _("코드를 다시 확인해 주세요."), note=note)


def _door(request) -> str:
    """The door this phone stands at: from the form, else the cookie the last scan left."""
    posted = request.POST.get("door") if request.method == "POST" else None
    if posted is not None:
        return posted.strip()[:DOOR_MAX]
    return unquote(request.COOKIES.get(DOOR_COOKIE, ""))[:DOOR_MAX]


def _remember_door(request, response: HttpResponse) -> HttpResponse:
    door = request.POST.get("door")
    if door is not None:
        response.set_cookie(
            DOOR_COOKIE,
            quote(door.strip()[:DOOR_MAX]),
            max_age=7 * 24 * 3600,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    return response


def _search(fair: Fair, q: str) -> list[Registration]:
    """By name, by the last four digits of the phone, or by the ticket code."""
    q = q.strip()
    if not q:
        return []
    condition = Q(name__icontains=q)
    digits = re.sub(r"\D", "", q)
    if len(digits) == 4 and len(digits) == len(re.sub(r"[\s-]", "", q)):
        condition |= Q(phone__endswith=digits)
    code = services.normalise_code(q)
    if len(code) == CODE_LENGTH:
        condition |= Q(code=code)
    found = list(
        Registration.objects.filter(fair=fair).filter(condition).order_by("name", "pk")[:SEARCH_LIMIT]
    )
    for registration in found:
        registration.row_nonce = _nonce()
    return found


def _desk_context(request, fair: Fair, **extra) -> dict:
    counts = selectors.fair_counts(fair)
    door_open = services.door_open(fair)
    context = {
        "fair": fair,
        "counts": counts,
        "door": _door(request),
        "nonce": _nonce(),
        "walk_in_nonce": _nonce(),
        "walk_in_form": WalkInForm(auto_id="walk-%s"),
        "door_open": door_open,
        "walk_in_open": door_open and counts.places_left > 0,
        "q": "",
        "results": None,
        "outcome": None,
    }
    context.update(extra)
    form = context["walk_in_form"]
    context["walk_in_fields"] = [form[name] for name in WALK_IN_FIELDS]
    return context


def _desk_answer(request, fair: Fair, outcome: Outcome, *, counted: bool, status: int = 200) -> HttpResponse:
    """htmx: the answer, a fresh nonce for the typed form (out of band) and, when something changed, the
    event that refreshes the counts. Without JavaScript: the whole desk with the answer on top."""
    if request.htmx:
        context = {"fair": fair, "outcome": outcome, "nonce": _nonce(), "oob": True, "door": _door(request)}
        response = render(request, f"{DESK}#scan_reply", context)
        if counted:
            trigger_client_event(response, COUNTED)
    else:
        response = render(request, DESK, _desk_context(request, fair, outcome=outcome), status=status)
    return _remember_door(request, response)


# --- the desk ---------------------------------------------------------------------------------------------


@desk_view
@require_GET
def desk(request, fair: Fair):
    return render(request, DESK, _desk_context(request, fair))


@desk_view
@require_POST
def desk_scan(request, fair: Fair):
    try:
        answer = services.scan(
            fair=fair,
            value=request.POST.get("code", "")[:200],
            nonce=request.POST.get("nonce", ""),
            staff=request.user,
            door=_door(request),
        )
    except MajubomError as error:  # no nonce (an old page or a tampered form): nothing is recorded
        return _desk_answer(request, fair, Outcome("error", error.message), counted=False, status=400)
    outcome = _scan_outcome(answer)
    return _desk_answer(request, fair, outcome, counted=answer.checkin.result == CheckIn.Result.OK)


@desk_view
@require_POST
def desk_undo(request, fair: Fair):
    pk = _as_id(request.POST.get("registration"))
    if pk is None:
        raise Http404
    registration = get_object_or_404(Registration, pk=pk, fair=fair)  # another fair's id: 404
    try:
        services.checkin_undo(
            registration=registration, by=request.user, reason=request.POST.get("reason", "")
        )
    except MajubomError as error:
        outcome = Outcome(
            "error",
            error.message,
            _people(registration),
            registration=registration,
            can_undo=bool(registration.checked_in_at),
        )
        return _desk_answer(request, fair, outcome, counted=False, status=400)
    outcome = Outcome("info", _("입장 확인을 취소했어요"), _people(registration))
    return _desk_answer(request, fair, outcome, counted=True)


@desk_view
@require_POST
def desk_walk_in(request, fair: Fair):
    """A visitor registered at the door and let in at once. A repeated post (the same nonce) answers what
    the first one did, without a second registration."""
    form = WalkInForm(request.POST, auto_id="walk-%s")
    nonce = request.POST.get("nonce", "").strip()[:64]
    outcome = None
    if not nonce:
        form.add_error(None, _("화면을 새로 고친 뒤 다시 등록해 주세요."))
    elif earlier := CheckIn.objects.filter(fair=fair, nonce=nonce).select_related("registration").first():
        outcome = _scan_outcome(services.ScanAnswer(earlier, earlier.registration, True))
    elif form.is_valid():
        data = form.cleaned_data
        try:
            answer = services.walk_in(
                fair=fair,
                name=data["name"],
                phone=data["phone"],
                party_size=data["party_size"],
                email=data["email"],
                agree_followup=data["agree_followup"],
                staff=request.user,
                door=_door(request),
                nonce=nonce,
            )
        except MajubomError as error:
            form.add_error(None, error.message)
        else:
            outcome = _scan_outcome(answer)
    if outcome is not None:
        if outcome.registration is not None:
            outcome.ticket_code = outcome.registration.code
        form = WalkInForm(auto_id="walk-%s")
    status = 400 if form.errors and not request.htmx else 200
    context = _desk_context(request, fair, outcome=outcome, walk_in_form=form, result_oob=bool(request.htmx))
    if request.htmx:
        response = render(request, f"{DESK}#walk_in_reply", context)
        if outcome is not None:
            trigger_client_event(response, COUNTED)
    else:
        response = render(request, DESK, context, status=status)
    return _remember_door(request, response)


@desk_view
@require_GET
def desk_search(request, fair: Fair):
    q = (request.GET.get("q") or "").strip()[:50]
    results = _search(fair, q) if q else None
    if request.htmx:
        return render(
            request, f"{DESK}#results", {"fair": fair, "q": q, "results": results, "door": _door(request)}
        )
    return render(request, DESK, _desk_context(request, fair, q=q, results=results))


@desk_view
@require_GET
def desk_counts(request, fair: Fair):
    if not request.htmx:
        return redirect("events:desk", slug=fair.slug)
    return render(request, f"{DESK}#counts", {"fair": fair, "counts": selectors.fair_counts(fair)})


# --- the booth --------------------------------------------------------------------------------------------


def _stamps_today(booth: Booth) -> int:
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return Stamp.objects.filter(
        booth=booth, created_at__gte=start, created_at__lt=start + dt.timedelta(days=1)
    ).count()


def _booth_context(booth: Booth, **extra) -> dict:
    bookings = list(
        ProgramBooking.objects.filter(program__booth=booth, status=ProgramBooking.Status.BOOKED)
        .select_related("program", "registration")
        .order_by("program__starts_at", "program_id", "registration__name", "pk")
    )
    context = {
        "booth": booth,
        "fair": booth.fair,
        "stamps_today": _stamps_today(booth),
        "bookings": bookings,
        "nonce": _nonce(),
        "outcome": None,
    }
    context.update(extra)
    return context


def _ticket_of(booth: Booth, value: str) -> Registration | None:
    """The visitor's ticket from what the booth typed or scanned: a code of this fair, or a QR's secret
    (another fair's is found too, and ``stamp_add`` says so)."""
    key = services.normalise_code(value)
    if len(key) == CODE_LENGTH:
        return Registration.objects.filter(fair_id=booth.fair_id, code=key).first()
    return services.find_registration(key)


@booth_view
@require_GET
def booth(request, booth: Booth):
    return render(request, BOOTH, _booth_context(booth))


@booth_view
@require_POST
def booth_stamp(request, booth: Booth):
    registration = _ticket_of(booth, request.POST.get("code", "")[:200])
    try:
        answer = services.stamp_add(
            booth=booth, registration=registration, by=request.user, nonce=request.POST.get("nonce", "")
        )
    except MajubomError as error:
        outcome = Outcome("error", error.message)
    else:
        name = registration.name if registration is not None else ""
        if answer.created:
            outcome = Outcome("ok", _("스탬프 찍었어요 · %(name)s") % {"name": name})
        else:
            outcome = Outcome("warn", _("이미 찍었어요"), name)
    if request.htmx:
        context = {
            "booth": booth,
            "fair": booth.fair,
            "outcome": outcome,
            "stamps_today": _stamps_today(booth),
            "nonce": _nonce(),
            "oob": True,
        }
        return render(request, f"{BOOTH}#stamp_reply", context)
    return render(request, BOOTH, _booth_context(booth, outcome=outcome))


def _poster_qr(url: str) -> str:
    qr = segno.make_qr(url, error="q")
    svg = qr.svg_inline(scale=1, border=4, dark="#111", light="#fff", omitsize=True)
    label = _("스탬프 QR 코드")
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))  # noqa: S308


@booth_view
@require_GET
def booth_poster(request, booth: Booth):
    token = services.booth_poster_token(booth)
    url = request.build_absolute_uri(
        reverse("events:poster_stamp", kwargs={"slug": booth.fair.slug, "token": token})
    )
    return render(request, POSTER, {"booth": booth, "fair": booth.fair, "qr": _poster_qr(url), "url": url})
