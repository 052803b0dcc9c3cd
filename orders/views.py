import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from catalog.models import Service
from majubom.errors import MajubomError

from . import selectors, services
from .forms import AddToCartForm, CheckoutForm, QuantityForm, ReviewForm
from .ics import booking_ics
from .models import Order, OrderLine

# The session remembers the order just placed, so that its page says "주문이 접수됐어요" once.
JUST_PLACED = "order_just_placed"


def _first_error(form) -> str:
    for errors in form.errors.values():
        return errors[0]
    return _("입력한 내용을 다시 확인해 주세요.")


@require_POST
def cart_add(request, slug: str):
    """Put a service in the cart. A plain form post goes on to the cart page; htmx gets the answer where
    the finger is: the booking form turns into "장바구니에 담았어요" with the two next steps (an error stays
    beside the button), and the header's count changes."""
    service = get_object_or_404(Service.objects.select_related("provider"), slug=slug)
    form = AddToCartForm(request.POST, goods=service.is_goods)
    error = None
    slot = None
    quantity = 1
    if not form.is_valid():
        error = _first_error(form)
    else:
        quantity = form.cleaned_data["quantity"]
        try:
            slot = services.slot_of(service=service, slot_id=form.cleaned_data.get("slot"))
            cart = services.cart_get_or_create(user=request.user, session=request.session)
            services.cart_add(cart=cart, service=service, slot=slot, quantity=quantity)
        except MajubomError as exc:
            error = exc.message
        else:
            selectors.cart_count_remember(request, cart)
    if request.htmx:
        if error:
            response = render(request, "orders/_cart_added.html#error", {"error": error})
            return reswap(retarget(response, "#book-error"), "innerHTML")
        context = {"service": service, "slot": slot, "quantity": quantity}
        return render(request, "orders/_cart_added.html", context)
    if error:
        messages.error(request, error)
        return redirect(service.get_absolute_url())
    messages.success(request, _("장바구니에 담았어요: %(title)s") % {"title": service.title})
    return redirect("orders:cart")


@never_cache
@require_GET
def cart(request):
    cart = selectors.cart_for_request(request)
    groups = selectors.cart_groups(cart)
    total = sum(group.total for group in groups)
    blocked = any(row.warnings for group in groups for row in group.rows)
    return render(request, "orders/cart.html", {"groups": groups, "total": total, "blocked": blocked})


@require_POST
def cart_line_update(request, line_id: int):
    cart = selectors.cart_for_request(request)
    line = cart.lines.select_related("service").filter(pk=line_id).first() if cart is not None else None
    goods = line is not None and line.service.is_goods
    form = QuantityForm(request.POST, goods=goods)
    if line is None:
        messages.error(request, _("장바구니에 없는 항목이에요."))
    elif not form.is_valid():
        messages.error(request, _first_error(form))
    else:
        try:
            services.cart_update_line(cart=cart, line_id=line_id, quantity=form.cleaned_data["quantity"])
            messages.success(request, _("수량을 바꿨어요.") if goods else _("인원을 바꿨어요."))
        except MajubomError as exc:
            messages.error(request, exc.message)
    selectors.cart_count_remember(request, cart)
    return redirect("orders:cart")


@require_POST
def cart_line_remove(request, line_id: int):
    cart = selectors.cart_for_request(request)
    try:
        if cart is None:
            raise services.CartError(_("장바구니에 없는 항목이에요."))
        services.cart_remove_line(cart=cart, line_id=line_id)
        messages.success(request, _("장바구니에서 뺐어요."))
    except MajubomError as exc:
        messages.error(request, exc.message)
    selectors.cart_count_remember(request, cart)
    return redirect("orders:cart")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def checkout(request):
    if request.method == "POST":
        # A double click or a resubmitted form: the first submission's order, not an empty-cart error.
        done = selectors.order_for_idempotency_key(
            user=request.user, key=request.POST.get("idempotency_key", "")
        )
        if done is not None:
            return redirect(done.get_absolute_url())
    cart = selectors.cart_for_request(request)
    groups = selectors.cart_groups(cart)
    if not groups:
        messages.error(request, _("장바구니가 비어 있어요. 먼저 서비스를 담아 주세요."))
        return redirect("orders:cart")
    total = sum(group.total for group in groups)
    initial = {
        "name": request.user.name,
        "phone": request.user.phone,
        "email": request.user.email,
        "idempotency_key": uuid.uuid4(),
    }
    form = CheckoutForm(request.POST or None, total=total, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            order = services.order_place(
                user=request.user,
                cart=cart,
                contact=services.Contact(name=data["name"], phone=data["phone"], email=data["email"]),
                payment_method=data["payment_method"],
                idempotency_key=data["idempotency_key"],
                expected_total=data.get("total_seen"),
            )
        except services.PriceChanged as exc:
            # Nothing was placed: the same page again, with today's prices and the new total to confirm.
            messages.error(request, exc.message)
            groups = selectors.cart_groups(cart)
            total = sum(group.total for group in groups)
            form = CheckoutForm(
                total=total, initial={**data, "total_seen": total, "idempotency_key": uuid.uuid4()}
            )
            context = {"form": form, "groups": groups, "total": total}
            return render(request, "orders/checkout.html", context, status=409)
        except MajubomError as exc:
            messages.error(request, exc.message)
            return redirect("orders:cart")
        selectors.cart_count_remember(request, cart)
        request.session[JUST_PLACED] = order.number  # the order page says "주문이 접수됐어요" once
        return redirect(order.get_absolute_url())
    status = 400 if form.errors else 200
    return render(
        request, "orders/checkout.html", {"form": form, "groups": groups, "total": total}, status=status
    )


@never_cache
@login_required
@require_GET
def order_list(request):
    return render(request, "orders/order_list.html", {"orders": selectors.orders_for_user(request.user)})


def order_state(order) -> str:
    """Which state the booking is in, as the order page tells it: waiting_transfer (held, confirmed once the
    transfer arrives), pay_on_site (held, paid on the day), confirmed, completed, cancelled, refunded."""
    if order.status == Order.Status.PENDING_PAYMENT:
        if order.payment_method == Order.PaymentMethod.ON_SITE:
            return "pay_on_site"
        return "waiting_transfer"
    return {
        Order.Status.PAID: "confirmed",
        Order.Status.COMPLETED: "completed",
        Order.Status.REFUNDED: "refunded",
    }.get(order.status, "cancelled")


@never_cache
@login_required
@require_GET
def order_detail(request, number: str):
    order = selectors.order_for_owner(number=number, user=request.user)
    can_cancel = True
    try:
        services.check_order_cancel(order=order, by=request.user)
    except MajubomError:
        can_cancel = False
    just_placed = JUST_PLACED in request.session and request.session[JUST_PLACED] == order.number
    if just_placed:
        del request.session[JUST_PLACED]
    return render(
        request,
        "orders/order_detail.html",
        {
            "order": order,
            "state": order_state(order),
            "just_placed": just_placed,
            "can_cancel": can_cancel,
            "review_form": ReviewForm(),
            "bank": settings.ORDER_BANK_ACCOUNT,
        },
    )


@login_required
@require_POST
def order_cancel(request, number: str):
    order = selectors.order_for_owner(number=number, user=request.user)
    try:
        services.order_cancel(order=order, by=request.user, reason=_("주문한 분이 취소했어요."))
        messages.success(request, _("주문을 취소했어요. 잡아 두었던 자리도 풀었어요."))
    except MajubomError as exc:
        messages.error(request, exc.message)
    return redirect(order.get_absolute_url())


@login_required
@require_GET
def order_line_ics(request, number: str, line_id: int):
    order = selectors.order_for_owner(number=number, user=request.user)
    line = get_object_or_404(
        OrderLine.objects.select_related("slot", "provider", "order"),
        order=order,
        pk=line_id,
        slot__isnull=False,
    )
    response = HttpResponse(booking_ics(line), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="majubom-{order.number}-{line.pk}.ics"'
    return response


@login_required
@require_POST
def review_create(request, number: str, line_id: int):
    order = selectors.order_for_owner(number=number, user=request.user)
    line = get_object_or_404(OrderLine, order=order, pk=line_id)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _first_error(form))
    else:
        try:
            services.review_create(
                line=line,
                user=request.user,
                rating=form.cleaned_data["rating"],
                body=form.cleaned_data["body"],
            )
            messages.success(request, _("후기를 남겨 주셔서 고마워요."))
        except MajubomError as exc:
            messages.error(request, exc.message)
    return redirect(order.get_absolute_url())
