from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from catalog.models import ProviderKind
from majubom.phone import normalise_mobile

from .models import MAX_PARTY

# Read in the visitor's language when the form is drawn, not once at import.
_people = lazy(lambda n: gettext("%(n)d명") % {"n": n}, str)
_party_range = lazy(lambda: gettext("인원은 1명부터 %(n)d명까지 골라 주세요.") % {"n": MAX_PARTY}, str)


class MobileField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}))
        super().__init__(**kwargs)

    def clean(self, value):
        return normalise_mobile(super().clean(value))


class RegistrationForm(forms.Form):
    name = forms.CharField(
        label=_("이름"),
        max_length=50,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("이름을 적어 주세요.")},
    )
    phone = MobileField(
        label=_("휴대전화 번호"),
        help_text=_("입장 코드와 안내를 이 번호로 확인해요."),
        error_messages={"required": _("휴대전화 번호를 적어 주세요.")},
    )
    party_size = forms.TypedChoiceField(
        label=_("함께 오는 사람 수(본인 포함)"),
        choices=[(n, _people(n)) for n in range(1, MAX_PARTY + 1)],
        coerce=int,
        initial=1,
        error_messages={
            "invalid_choice": _party_range(),
            "required": _("인원을 골라 주세요."),
        },
    )
    email = forms.EmailField(
        label=_("이메일(선택)"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("적으면 티켓 링크를 메일로도 보내 드려요."),
        error_messages={"invalid": _("이메일 주소를 확인해 주세요.")},
    )
    agree_privacy = forms.BooleanField(
        label=_("개인정보 수집·이용에 동의해요 (필수)"),
        help_text=_("이름과 휴대전화 번호는 입장 확인과 행사 안내에만 쓰고, 행사가 끝나고 1년 뒤 지워요."),
        error_messages={"required": _("개인정보 수집·이용에 동의해야 등록할 수 있어요.")},
    )
    agree_followup = forms.BooleanField(
        label=_("행사가 끝난 뒤 들른 부스의 서비스 안내를 한 번 받을게요 (선택)"), required=False
    )


class WalkInForm(RegistrationForm):
    """At the door: the visitor agrees in person; the follow-up stays their choice."""

    agree_privacy = forms.BooleanField(
        label=_("방문객이 개인정보 수집·이용에 동의했어요"),
        error_messages={"required": _("방문객의 동의를 받은 뒤 체크해 주세요.")},
    )


class ProgramBookingForm(forms.Form):
    program = forms.IntegerField(min_value=1, error_messages={"invalid": _("프로그램을 다시 골라 주세요.")})
    seats = forms.IntegerField(
        min_value=1,
        max_value=MAX_PARTY,
        initial=1,
        error_messages={
            "invalid": _("인원을 숫자로 골라 주세요."),
            "min_value": _("1명 이상 골라 주세요."),
            "max_value": _("%(limit_value)s명까지 예약할 수 있어요."),
        },
    )


class BoothApplicationForm(forms.Form):
    """A company not yet on 마주봄 applies for a booth ("일반 기업도 참여할 수 있도록")."""

    company_name = forms.CharField(label=_("기업 이름"), max_length=100)
    company_kind = forms.ChoiceField(label=_("기업 유형"), choices=ProviderKind.choices)
    contact_name = forms.CharField(label=_("담당자 이름"), max_length=50)
    contact_phone = MobileField(label=_("담당자 휴대전화"))
    contact_email = forms.EmailField(
        max_length=254, label=_("담당자 이메일"), help_text=_("승인되면 이 주소로 관리 화면 초대를 보내요.")
    )
    offering = forms.CharField(
        label=_("방문객이 해 볼 수 있는 것"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("예: 체성분 측정과 1:1 운동 상담, 수제 건강차 시음"),
    )
    agree_privacy = forms.BooleanField(
        label=_("담당자 개인정보 수집·이용에 동의해요 (필수)"),
        help_text=_("연락과 부스 운영에만 쓰고, 행사가 끝나고 1년 뒤 지워요."),
        error_messages={"required": _("개인정보 수집·이용에 동의해야 신청할 수 있어요.")},
    )
    website = forms.CharField(required=False, label=_("비워 두세요"))  # a honeypot: people never fill it
