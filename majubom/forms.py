from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import District


class SignupForm(forms.Form):
    """Extra fields on allauth's signup form (email and password come from allauth)."""

    name = forms.CharField(
        label=_("이름"), max_length=50, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    district = forms.ChoiceField(
        label=_("사는 곳(구)"),
        choices=[("", _("선택 안 함")), *District.choices],
        required=False,
        help_text=_("가까운 곳의 서비스를 먼저 보여 드려요."),
    )

    def signup(self, request, user) -> None:
        user.name = self.cleaned_data["name"].strip()
        user.district = self.cleaned_data.get("district", "")
        user.save(update_fields=["name", "district"])


class AccountForm(forms.ModelForm):
    """What a resident keeps up to date themselves: name, mobile number, district, and how they get
    notices (KakaoTalk/문자 or email)."""

    class Meta:
        from .models import User

        model = User
        fields = ["name", "phone", "district", "message_channel"]
        widgets = {
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "message_channel": forms.RadioSelect,
        }
        help_texts = {
            "phone": _("휴대전화 번호가 있으면 안내를 카카오톡 알림톡(안 되면 문자)으로 보내 드려요.")
        }

    def clean_phone(self) -> str:
        from .phone import normalise_mobile

        value = self.cleaned_data.get("phone", "")
        return normalise_mobile(value) if value.strip() else ""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("message_channel") in ("phone", "both") and not cleaned.get("phone"):
            self.add_error("phone", _("카카오톡·문자로 받으려면 휴대전화 번호를 적어 주세요."))
        return cleaned
