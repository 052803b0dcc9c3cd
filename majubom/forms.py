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
