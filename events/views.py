"""The fair's public pages: the fair, pre-registration, the ticket (QR, programs, stamps), the booth call for
companies new to 마주봄, and the poster stamp. The door desk and booth pages are in ``desk.py``."""

from __future__ import annotations

import uuid

import segno
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import escape, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from majubom import ics, pagecache
from majubom.errors import MajubomError

from . import selectors, services
from .forms import BoothApplicationForm, ProgramBookingForm, RegistrationForm
from .models import Fair, Registration


def _remember_ticket(request, registration: Registration) -> None:
    """This device opened this ticket: the poster stamp and the fair page find it again."""
    tickets = dict(request.session.get("fair_tickets") or {})
    if tickets.get(str(registration.fair_id)) != registration.pk:
        tickets[str(registration.fair_id)] = registration.pk
        request.session["fair_tickets"] = tickets


@require_GET
def fair_current(request):
    fair = services.fair_current()
    if fair is None:
        return render(request, "events/no_fair.html", status=404)
    return redirect(fair.get_absolute_url())


def _button(fair: Fair, counts, now) -> str:
    if fair.status == Fair.Status.CLOSED or now >= fair.ends_at:
        return "ended"
    if now < fair.registration_opens:
        return "soon"
    if now >= fair.registration_closes:
        return "closed"
    return "register" if counts.places_left and not counts.waiting_parties else "waitlist"


@require_GET
def fair_detail(request, slug: str):
    """The page is the same for every visitor but the registration card: one cache entry under the fair's
    scope (no queries when warm), kept until the registration opens or closes or the fair ends."""
    loaded = {}

    def load_id() -> int:
        loaded["fair"] = selectors.public_fair(slug=slug)  # a public fair or 404
        return loaded["fair"].pk

    fair_id = pagecache.cached_value(
        "fair-id", scopes=[], parts=slug, compute=load_id, timeout=pagecache.PAGE_TIMEOUT
    )
    page = pagecache.cached_value(
        "fair-page",
        scopes=[pagecache.fair(fair_id)],
        parts=slug,
        compute=lambda: _fair_page(slug, loaded.get("fair")),
        timeout=lambda page: page["expires"],
    )
    context = {
        "page_title": page["title"],
        "content": page["content"],
        "fair": page["facts"],
        "button": page["button"],
        "mine": selectors.registration_for_session(request, fair_id),
    }
    return render(request, "events/fair_detail.html", context)


def _fair_page(slug: str, fair: Fair | None = None) -> dict:
    fair = fair or selectors.public_fair(slug=slug)
    counts = selectors.fair_counts(fair)
    now = timezone.now()
    context = {
        "fair": fair,
        "counts": counts,
        "booths": selectors.fair_booths(fair),
        "programs": selectors.fair_programs(fair),
        "maps": selectors.map_links(fair.address),
        "booth_call": services.booth_call_open(fair, now),
        "button": _button(fair, counts, now),
    }
    moments = [
        fair.registration_opens,
        fair.registration_closes,
        fair.ends_at,
        fair.booth_call_opens,
        fair.booth_call_closes,
    ]
    return {
        "title": fair.title,
        "content": pagecache.render_fragment("events/fair_detail.html#main", context),
        "facts": {
            "pk": fair.pk,
            "slug": fair.slug,
            "title": fair.title,
            "registration_opens": fair.registration_opens,
        },
        "button": _button(fair, counts, now),
        "expires": pagecache.seconds_until(m for m in moments if m and m > now),
    }


@never_cache
@require_http_methods(["GET", "POST"])
def register(request, slug: str):
    fair = selectors.public_fair(slug=slug)
    mine = selectors.registration_for_session(request, fair)
    if mine is not None:
        messages.info(request, _("이미 등록했어요. 티켓을 보여 드릴게요."))
        return redirect(mine.get_absolute_url())
    user = request.user if request.user.is_authenticated else None
    initial = {"name": user.name, "phone": user.phone, "email": user.email} if user else {}
    form = RegistrationForm(request.POST or None, initial=initial)
    counts = selectors.fair_counts(fair)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result = services.registration_create(
                fair=fair,
                name=data["name"],
                phone=data["phone"],
                party_size=data["party_size"],
                email=data["email"],
                user=user,
                agree_followup=data["agree_followup"],
            )
        except MajubomError as error:
            form.add_error(None, error.message)
        else:
            _remember_ticket(request, result.registration)
            if result.place_in_line:
                messages.success(
                    request,
                    _("자리가 다 차서 대기 %(n)d번째로 적어 두었어요. 자리가 나면 알려 드려요.")
                    % {"n": result.place_in_line},
                )
            else:
                messages.success(request, _("사전 등록이 됐어요. 이 화면이 입장 티켓이에요."))
            return redirect(result.registration.get_absolute_url())
    context = {
        "fair": fair,
        "form": form,
        "counts": counts,
        "button": _button(fair, counts, timezone.now()),
    }
    return render(request, "events/register.html", context, status=400 if form.errors else 200)


def _qr_svg(url: str) -> str:
    qr = segno.make_qr(url, error="m")
    svg = qr.svg_inline(scale=6, border=2, dark="#111", light="#fff")
    label = escape(_("입장 QR 코드"))
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))  # noqa: S308


@never_cache
@require_GET
def ticket(request, slug: str, secret: str):
    moved = Registration.objects.filter(secret=secret).exclude(fair__slug=slug).select_related("fair").first()
    if moved is not None:  # the fair's address changed after the link was sent: the secret still opens it
        return redirect(moved.get_absolute_url())
    page = selectors.ticket(slug=slug, secret=secret)
    registration = page.registration
    _remember_ticket(request, registration)
    url = request.build_absolute_uri(registration.get_absolute_url())
    goal = selectors.stamp_goal(page.fair, page.booth_count)
    context = {
        "page": page,
        "fair": page.fair,
        "registration": registration,
        "qr": _qr_svg(url) if registration.status != Registration.Status.CANCELLED else "",
        "stamp_goal": goal,
        "tour_complete": len(page.stamps) >= goal,
        "booking_form": ProgramBookingForm(),
        "party_range": range(1, registration.party_size + 1),
        "can_book": registration.status == Registration.Status.CONFIRMED
        and timezone.now() < page.fair.ends_at,
        # After the fair the ticket is where the visitor continues: the stamped booths' services and groups.
        "picks": selectors.followup_picks(registration) if timezone.now() >= page.fair.ends_at else [],
    }
    return render(request, "events/ticket.html", context)


@require_GET
def ticket_short(request, secret: str):
    registration = Registration.objects.select_related("fair").filter(secret=secret).first()
    if registration is None:
        raise Http404
    return redirect(registration.get_absolute_url())


def _ticket_of(slug: str, secret: str) -> Registration:
    registration = Registration.objects.select_related("fair").filter(secret=secret, fair__slug=slug).first()
    if registration is None:
        raise Http404
    return registration


@require_POST
def ticket_cancel(request, slug: str, secret: str):
    registration = _ticket_of(slug, secret)
    try:
        services.registration_cancel(registration=registration)
    except MajubomError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("등록을 취소했어요. 자리는 기다리던 분께 돌아가요."))
    return redirect(registration.get_absolute_url())


@require_POST
def program_book(request, slug: str, secret: str):
    registration = _ticket_of(slug, secret)
    form = ProgramBookingForm(request.POST)
    if not form.is_valid():
        messages.error(request, next(iter(form.errors.values()))[0])
    else:
        try:
            services.program_book(
                registration=registration,
                program_id=form.cleaned_data["program"],
                seats=form.cleaned_data["seats"],
            )
        except MajubomError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("프로그램을 예약했어요. 시간에 맞춰 부스로 와 주세요."))
    return redirect(registration.get_absolute_url() + "#programs")


@require_POST
def program_unbook(request, slug: str, secret: str):
    registration = _ticket_of(slug, secret)
    try:
        booking_id = int(request.POST.get("booking", ""))
    except ValueError:
        booking_id = 0
    try:
        services.program_cancel(registration=registration, booking_id=booking_id)
    except MajubomError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("프로그램 예약을 취소했어요."))
    return redirect(registration.get_absolute_url() + "#programs")


@require_GET
def ticket_qr(request, slug: str, secret: str):
    """The ticket's QR as a picture to keep in the phone's gallery (the same link as on the page)."""
    import io

    registration = _ticket_of(slug, secret)
    if registration.status == Registration.Status.CANCELLED:
        raise Http404
    buffer = io.BytesIO()
    segno.make_qr(request.build_absolute_uri(registration.get_absolute_url()), error="m").save(
        buffer, kind="png", scale=8, border=4
    )
    response = HttpResponse(buffer.getvalue(), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="majubom-ticket-{registration.code}.png"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def ticket_ics(request, slug: str, secret: str):
    registration = _ticket_of(slug, secret)
    fair = registration.fair
    url = settings.SITE_URL.rstrip("/") + registration.get_absolute_url()
    description = _("입장 코드 %(code)s · 티켓 %(url)s") % {"code": registration.code, "url": url}
    event = [
        f"UID:fair-{fair.pk}-registration-{registration.pk}@majubom.kr",
        f"DTSTAMP:{ics.utc(timezone.now())}",
        f"DTSTART:{ics.utc(fair.starts_at)}",
        f"DTEND:{ics.utc(fair.ends_at)}",
        f"SUMMARY:{ics.escape(fair.title)}",
        f"LOCATION:{ics.escape(f'{fair.venue}, {fair.address}')}",
        f"DESCRIPTION:{ics.escape(description)}",
    ]
    response = HttpResponse(
        ics.calendar([event], name=fair.title), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="majubom-fair.ics"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def booth_apply_public(request, slug: str):
    fair = selectors.public_fair(slug=slug)
    form = BoothApplicationForm(request.POST or None)
    is_open = services.booth_call_open(fair)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["website"]:  # the honeypot: answer as if it went through, keep nothing
            return redirect(fair.get_absolute_url())
        try:
            services.booth_apply_public(
                fair=fair,
                company_name=data["company_name"],
                company_kind=data["company_kind"],
                contact_name=data["contact_name"],
                contact_phone=data["contact_phone"],
                contact_email=data["contact_email"],
                offering=data["offering"],
            )
        except MajubomError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("부스 신청을 받았어요. 조합이 살펴보고 이메일로 알려 드릴게요."))
            return redirect(fair.get_absolute_url())
    return render(
        request,
        "events/booth_apply.html",
        {"fair": fair, "form": form, "is_open": is_open},
        status=400 if form.errors else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def poster_stamp(request, slug: str, token: str):
    """A visitor scanned a booth's poster QR: with the ticket opened on this phone (or logged in), one tap
    stamps it."""
    booth = services.booth_from_poster(token)
    if booth is None or booth.fair.slug != slug:
        raise Http404
    registration = selectors.registration_for_session(request, booth.fair)
    if request.method == "POST":
        try:
            answer = services.stamp_add(
                booth=booth, registration=registration, nonce=request.POST.get("nonce", "")
            )
        except MajubomError as error:
            messages.error(request, error.message)
            return redirect(request.path)
        if answer.created:
            messages.success(request, _("%(booth)s 스탬프를 찍었어요!") % {"booth": booth.name})
        else:
            messages.info(request, _("이 부스 스탬프는 이미 있어요."))
        return redirect(registration.get_absolute_url() + "#stamps")
    context = {"booth": booth, "fair": booth.fair, "registration": registration, "nonce": uuid.uuid4().hex}
    return render(request, "events/poster_stamp.html", context)
