from django import forms
from django.utils.translation import gettext_lazy as _

from majubom.phone import normalise_mobile

from .models import Order
from .services import MAX_QUANTITY


class QuantityField(forms.IntegerField):
    """How many: 인원 (people) for a service or an experience, 수량 only for goods — one word for one
    thing, the same on the service page, in the cart and in these messages."""

    def __init__(self, *, goods: bool = False, **kwargs):
        if goods:
            messages = {
                "invalid": _("수량은 숫자로 적어 주세요."),
                "min_value": _("수량은 1 이상이어야 해요."),
                "required": _("수량을 적어 주세요."),
            }
        else:
            messages = {
                "invalid": _("인원은 숫자로 적어 주세요."),
                "min_value": _("인원은 1 이상으로 적어 주세요."),
                "required": _("인원을 적어 주세요."),
            }
        messages["max_value"] = _("한 번에 %(limit_value)s개까지 담을 수 있어요.")
        kwargs.setdefault("label", _("수량") if goods else _("인원"))
        super().__init__(min_value=1, max_value=MAX_QUANTITY, error_messages=messages, **kwargs)


class AddToCartForm(forms.Form):
    slot = forms.IntegerField(
        required=False, min_value=1, error_messages={"invalid": _("시간을 다시 골라 주세요.")}
    )
    quantity = QuantityField(initial=1, required=False)

    def __init__(self, *args, goods: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quantity"] = QuantityField(initial=1, required=False, goods=goods)

    def clean_quantity(self):
        quantity = self.cleaned_data.get("quantity")
        return 1 if quantity is None else quantity  # the contract: quantity defaults to 1


class QuantityForm(forms.Form):
    quantity = QuantityField()

    def __init__(self, *args, goods: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quantity"] = QuantityField(goods=goods)


class CheckoutForm(forms.Form):
    name = forms.CharField(
        label=_("이름"), max_length=50, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    phone = forms.CharField(
        label=_("휴대전화"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        help_text=_("예약 확인 연락을 드려요."),
    )
    email = forms.EmailField(label=_("이메일"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    payment_method = forms.ChoiceField(
        label=_("결제 방법"), widget=forms.RadioSelect, choices=Order.PaymentMethod.choices
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    # The total the resident saw on this page: if the database says otherwise when the order is placed,
    # nothing is placed and the page shows the new total to confirm.
    total_seen = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, total: int, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.total = total
        self.fields["total_seen"].initial = total
        if total == 0:
            self.fields["payment_method"].choices = [
                (Order.PaymentMethod.FREE, Order.PaymentMethod.FREE.label)
            ]
            self.fields["payment_method"].initial = Order.PaymentMethod.FREE
        else:
            self.fields["payment_method"].choices = [
                (Order.PaymentMethod.BANK_TRANSFER, _("계좌이체 (48시간 안에 입금)")),
                (Order.PaymentMethod.ON_SITE, _("현장 결제 (이용하는 날 기업에 직접)")),
            ]
            self.fields["payment_method"].initial = Order.PaymentMethod.BANK_TRANSFER

    def clean_phone(self):
        return normalise_mobile(self.cleaned_data["phone"])

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("이름을 적어 주세요."))
        return name


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("별점"),
        choices=[(str(n), "★" * n) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("별점을 골라 주세요."),
            "invalid_choice": _("별점은 1에서 5 사이로 골라 주세요."),
        },
    )
    body = forms.CharField(
        label=_("후기"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 4})
    )
