from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import District
from .consents import MARKETING_SUMMARY, PRIVACY_SUMMARY

CONSENT_FIELDS = ("agree_age", "agree_terms", "agree_privacy", "agree_marketing")


class AgreeBox(forms.CheckboxInput):
    """A consent box: ticked only with the value a browser sends for a ticked box ("on"). Anything else
    a tampered form might send ("0", "false", "yes") is no agreement."""

    def value_from_datadict(self, data, files, name) -> bool:
        return data.get(name) == "on"


def _mobile_or_blank(value: str) -> str:
    from .phone import normalise_mobile

    return normalise_mobile(value) if (value or "").strip() else ""


class SignupForm(forms.Form):
    """Extra fields on allauth's signup forms — the email one and the social (카카오·네이버) one alike,
    since allauth builds both on this class: name, mobile number, district, and the consents.

    The mobile number is optional: the email is the login and every notice can go by email, and the law
    (개인정보 보호법 제16조) asks to collect no more than the service needs; those who give it get their
    notices by KakaoTalk/문자 instead. 이용약관 and 개인정보 수집·이용 must be ticked; marketing news is a
    separate, optional box. What was agreed is recorded (majubom.consents) in the sign-up's transaction."""

    field_order = ["email", "name", "phone", "district", "password1", "password2", *CONSENT_FIELDS]

    name = forms.CharField(
        label=_("이름"), max_length=50, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    phone = forms.CharField(
        label=_("휴대폰 번호 (선택)"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        help_text=_(
            "예: 010-1234-5678. 적으면 주문·예약 안내를 카카오톡(안 되면 문자)으로 보내 드려요. "
            "안 적으면 이메일로 보내요."
        ),
    )
    district = forms.ChoiceField(
        label=_("사는 곳(구)"),
        choices=[("", _("선택 안 함")), *District.choices],
        required=False,
        help_text=_("가까운 곳의 서비스를 먼저 보여 드려요."),
    )
    # 개인정보 보호법 제22조의2: a child under 14 needs a guardian's consent, which a web form cannot take.
    agree_age = forms.BooleanField(
        label=_("만 14세 이상이에요 (필수)"),
        widget=AgreeBox(attrs={"data-consent": "required"}),
        error_messages={
            "required": _(
                "만 14세 이상만 직접 가입할 수 있어요. 14세 미만이면 보호자와 함께 마주봄 협동조합에 "
                "연락해 주세요."
            )
        },
    )
    agree_terms = forms.BooleanField(
        label=_("이용약관에 동의해요 (필수)"),
        widget=AgreeBox(attrs={"data-consent": "required"}),
        error_messages={"required": _("이용약관에 동의해야 가입할 수 있어요. 네모 칸을 눌러 체크해 주세요.")},
    )
    agree_privacy = forms.BooleanField(
        label=_("개인정보 수집·이용에 동의해요 (필수)"),
        widget=AgreeBox(attrs={"data-consent": "required"}),
        # The heading of the rows shown beside the box (purpose, items, how long), which describe it.
        help_text=_("무엇을, 왜, 언제까지"),
        error_messages={
            "required": _("개인정보 수집·이용에 동의해야 가입할 수 있어요. 네모 칸을 눌러 체크해 주세요.")
        },
    )
    agree_marketing = forms.BooleanField(
        label=_("마케팅·행사 소식 받기 (선택)"),
        required=False,
        widget=AgreeBox(attrs={"data-consent": "optional"}),
        help_text=MARKETING_SUMMARY,
    )

    consent_fields = CONSENT_FIELDS
    privacy_summary = PRIVACY_SUMMARY

    def clean_phone(self) -> str:
        return _mobile_or_blank(self.cleaned_data.get("phone", ""))

    def signup(self, request, user) -> None:
        from .consents import consents_record_signup

        user.name = self.cleaned_data["name"].strip()
        user.phone = self.cleaned_data.get("phone", "")
        user.district = self.cleaned_data.get("district", "")
        user.save(update_fields=["name", "phone", "district"])
        sociallogin = getattr(self, "sociallogin", None)
        consents_record_signup(
            user=user,
            marketing=self.cleaned_data.get("agree_marketing") is True,
            source=f"social:{sociallogin.account.provider}" if sociallogin else "signup",
        )


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
        labels = {"phone": _("휴대폰 번호 (선택)")}
        help_texts = {
            "phone": _("휴대전화 번호가 있으면 안내를 카카오톡 알림톡(안 되면 문자)으로 보내 드려요.")
        }

    def clean_phone(self) -> str:
        return _mobile_or_blank(self.cleaned_data.get("phone", ""))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("message_channel") in ("phone", "both") and not cleaned.get("phone"):
            self.add_error("phone", _("카카오톡·문자로 받으려면 휴대전화 번호를 적어 주세요."))
        return cleaned


class MarketingConsentForm(forms.Form):
    """The marketing box on 내 정보, posted with the account form: ticked → news on, unticked → off."""

    agree_marketing = forms.BooleanField(
        label=_("마케팅·행사 소식 받기 (선택)"), required=False, widget=AgreeBox, help_text=MARKETING_SUMMARY
    )
