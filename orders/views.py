import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from catalog.models import Service
from majubom.errors import MajubomError

from . import selectors, services
from .forms import AddToCartForm, CheckoutForm, QuantityForm, ReviewForm
from .ics import booking_ics
from .models import OrderLine


def _first_error(form) -> str:
    for errors in form.errors.values():
        return errors[0]
    return _("입력한 내용을 다시 확인해 주세요.")


@require_POST
def cart_add(request, slug: str):
    service = get_object_or_404(Service.objects.select_related("provider"), slug=slug)
    form = AddToCartForm(request.POST)
    error = None
    if not form.is_valid():
        error = _first_error(form)
    else:
        try:
            slot = services.slot_of(service=service, slot_id=form.cleaned_data.get("slot"))
            cart = services.cart_get_or_create(user=request.user, session=request.session)
            services.cart_add(cart=cart, service=service, slot=slot, quantity=form.cleaned_data["quantity"])
        except MajubomError as exc:
            error = exc.message
        else:
            selectors.cart_count_remember(request, cart)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("장바구니에 담았어요: %(title)s") % {"title": service.title})
    if request.htmx:
        response = render(request, "orders/_cart_added.html", {"error": error})
        return response
    return redirect("orders:cart" if not error else service.get_absolute_url())


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
    form = QuantityForm(request.POST)
    if cart is None:
        messages.error(request, _("장바구니에 없는 항목이에요."))
    elif not form.is_valid():
        messages.error(request, _first_error(form))
    else:
        try:
            services.cart_update_line(cart=cart, line_id=line_id, quantity=form.cleaned_data["quantity"])
            messages.success(request, _("수량을 바꿨어요."))
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
    return render(
        request,
        "orders/order_detail.html",
        {
            "order": order,
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
