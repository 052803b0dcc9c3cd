import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from majubom.choices import District, HealthDomain

from .images import image_open_checked, picture_process
from .models import Delivery, Provider, ProviderKind, ServiceImage
from .selectors import ServiceFilters, ServiceSort

WEEKDAYS = [
    (0, pgettext_lazy("weekday", "월")),
    (1, pgettext_lazy("weekday", "화")),
    (2, pgettext_lazy("weekday", "수")),
    (3, pgettext_lazy("weekday", "목")),
    (4, pgettext_lazy("weekday", "금")),
    (5, pgettext_lazy("weekday", "토")),
    (6, pgettext_lazy("weekday", "일")),
]
PRICE_CHOICES = [
    ("", _("가격 상관없음")),
    ("0", _("무료")),
    ("10000", _("1만 원 이하")),
    ("30000", _("3만 원 이하")),
    ("50000", _("5만 원 이하")),
    ("100000", _("10만 원 이하")),
]


class ServiceFilterForm(forms.Form):
    """The filters of ``/services/``, read from the query string. Invalid values are simply ignored."""

    q = forms.CharField(
        label=_("검색어"),
        required=False,
        max_length=50,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("예: 요가, 상담, 돌봄")}),
    )
    domain = forms.ChoiceField(
        label=_("건강 영역"), required=False, choices=[("", _("모든 영역")), *list(HealthDomain.choices)]
    )
    need = forms.ChoiceField(label=_("건강 필요"), required=False, choices=[("", _("모든 필요"))])
    district = forms.ChoiceField(
        label=_("지역"), required=False, choices=[("", _("대전 전체")), *list(District.choices)]
    )
    delivery = forms.ChoiceField(
        label=_("이용 방법"), required=False, choices=[("", _("모든 방법")), *list(Delivery.choices)]
    )
    price_max = forms.TypedChoiceField(
        label=_("가격"), required=False, choices=PRICE_CHOICES, coerce=int, empty_value=None
    )
    experience = forms.BooleanField(label=_("체험 상품만"), required=False)
    available = forms.BooleanField(label=_("지금 신청할 수 있는 것만"), required=False)
    sort = forms.ChoiceField(
        label=_("정렬"),
        required=False,
        choices=[
            (ServiceSort.RECOMMENDED, _("추천순")),
            (ServiceSort.NEWEST, _("최신순")),
            (ServiceSort.PRICE, _("낮은 가격순")),
        ],
    )

    def __init__(self, data=None, *, needs=list, **kwargs):
        """``needs`` is a callable: the choices are read only when the form needs them (validating a
        ``need`` value or rendering), so a cached page with no need filter costs no query."""
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, **kwargs)
        self.fields["need"].choices = lambda: [("", _("모든 필요")), *((n.slug, n.name) for n in needs())]

    def to_filters(self) -> ServiceFilters:
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        price_max = data.get("price_max")
        return ServiceFilters(
            q=(data.get("q") or "").strip(),
            domain=data.get("domain") or "",
            need=data.get("need") or "",
            district=data.get("district") or "",
            delivery=data.get("delivery") or "",
            price_max=price_max if isinstance(price_max, int) else None,
            experience=bool(data.get("experience")),
            available=bool(data.get("available")),
            sort=data.get("sort") or ServiceSort.RECOMMENDED,
        )


class ProviderFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("기업 유형"), required=False, choices=[("", _("모든 유형")), *list(ProviderKind.choices)]
    )
    district = forms.ChoiceField(
        label=_("지역"), required=False, choices=[("", _("대전 전체")), *list(District.choices)]
    )
    domain = forms.ChoiceField(
        label=_("건강 영역"), required=False, choices=[("", _("모든 영역")), *list(HealthDomain.choices)]
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def values(self) -> dict:
        self.is_valid()
        return {name: value or "" for name, value in self.cleaned_data.items() if name not in self.errors}


class CheckedImageField(forms.FileField):
    """An uploaded picture under the house rules (JPEG, PNG, WebP; 10MB; 40 megapixels), re-encoded without
    EXIF and renamed: what is stored is never the file as uploaded."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", _("JPEG, PNG, WebP · 10MB 이하 · 4천만 화소 이하"))
        kwargs.setdefault(
            "widget", forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and upload is not initial and hasattr(upload, "read"):
            return picture_process(upload)
        return upload


class ProviderAdminForm(forms.ModelForm):
    logo = CheckedImageField(label=_("로고"), required=False)

    class Meta:
        model = Provider
        fields = [
            "name",
            "slug",
            "kind",
            "district",
            "is_published",
            "address",
            "phone",
            "email",
            "website",
            "description",
            "logo",
        ]


class ServiceImageForm(forms.ModelForm):
    """Admin form for a service picture: the file is opened with Pillow and re-encoded on save."""

    # A plain file field: the checks below (Pillow, size, pixels) give clearer messages than ImageField's.
    image = forms.FileField(
        label=_("사진"),
        help_text=_("JPEG, PNG, WebP · 10MB 이하 · 4천만 화소 이하"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = ServiceImage
        fields = ["image", "alt_text", "position"]

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload and "image" in self.changed_data:
            image_open_checked(upload)
        return upload

    def save(self, commit=True):
        from .services import service_image_prepare

        instance = super().save(commit=False)
        upload = self.cleaned_data.get("image")
        if upload and "image" in self.changed_data:
            service_image_prepare(image=instance, upload=upload)
        if commit:
            instance.save()
        return instance


class SlotRepeatForm(forms.Form):
    """'Repeat weekly' in the admin: e.g. every Tuesday and Thursday 10:00–11:00 for 8 weeks, 10 seats."""

    weekdays = forms.TypedMultipleChoiceField(
        label=_("요일"), choices=WEEKDAYS, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    start_time = forms.TimeField(label=_("시작 시간"), widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label=_("끝나는 시간"), widget=forms.TimeInput(attrs={"type": "time"}))
    first_date = forms.DateField(label=_("시작하는 날"), widget=forms.DateInput(attrs={"type": "date"}))
    weeks = forms.IntegerField(label=_("몇 주 동안"), min_value=1, max_value=52, initial=8)
    capacity = forms.IntegerField(label=_("정원(명)"), min_value=1, max_value=1000, initial=10)

    def clean_first_date(self):
        first = self.cleaned_data["first_date"]
        if first < timezone.localdate():
            raise forms.ValidationError(_("오늘이나 그 뒤의 날짜를 골라 주세요."))
        if first > timezone.localdate() + dt.timedelta(days=366):
            raise forms.ValidationError(_("1년 안의 날짜를 골라 주세요."))
        return first

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("끝나는 시간은 시작 시간보다 늦어야 해요."))
        return cleaned


class PartnerApplicationForm(forms.Form):
    """입점 신청 (``/partners/join/``)."""

    name = forms.CharField(label=_("기업 이름"), max_length=100)
    kind = forms.ChoiceField(label=_("기업 유형"), choices=ProviderKind.choices)
    business_number = forms.CharField(
        label=_("사업자등록번호"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "123-45-67890"}),
    )
    certification_number = forms.CharField(
        label=_("인증·지정 번호"),
        max_length=40,
        required=False,
        help_text=_("인증 사회적기업, 예비사회적기업, 사회적협동조합, 마을기업, 자활기업은 꼭 적어 주세요."),
    )
    district = forms.ChoiceField(label=_("구"), choices=District.choices)
    address = forms.CharField(label=_("주소"), max_length=200)
    contact_name = forms.CharField(label=_("담당자 이름"), max_length=50)
    phone = forms.CharField(
        label=_("담당자 휴대전화"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("담당자 이메일"), help_text=_("승인되면 이 주소로 관리 화면 초대를 보내요.")
    )
    domains = forms.MultipleChoiceField(
        label=_("건강 영역"), choices=HealthDomain.choices, widget=forms.CheckboxSelectMultiple
    )
    description = forms.CharField(
        label=_("마주봄에서 하고 싶은 일"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("예: 어르신 댁으로 찾아가는 재활 운동, 첫 상담 체험"),
    )
    agree_privacy = forms.BooleanField(
        label=_("입점 신청을 위한 개인정보 수집·이용에 동의해요 (필수)"),
        help_text=_(
            "담당자 이름·휴대전화·이메일을 신청 검토와 연락에만 쓰고, 승인되지 않으면 결정하고 1년 뒤 지워요."
        ),
        error_messages={"required": _("개인정보 수집·이용에 동의해야 신청할 수 있어요.")},
    )
    website = forms.CharField(required=False, label=_("비워 두세요"))  # a honeypot: people never fill it

    def clean_business_number(self) -> str:
        from .partners import business_number_digits, business_number_format, business_number_valid

        value = self.cleaned_data["business_number"]
        if len(business_number_digits(value)) != 10:
            raise forms.ValidationError(_("사업자등록번호는 숫자 10자리예요 (예: 123-45-67890)."))
        if not business_number_valid(value):
            raise forms.ValidationError(
                _("사업자등록번호가 맞지 않아요. 사업자등록증의 번호를 다시 확인해 주세요.")
            )
        return business_number_format(value)

    def clean_phone(self) -> str:
        from majubom.phone import normalise_mobile

        return normalise_mobile(self.cleaned_data["phone"])

    def clean(self):
        from .partners import NUMBERED_KINDS

        cleaned = super().clean()
        if cleaned.get("kind") in NUMBERED_KINDS and not (cleaned.get("certification_number") or "").strip():
            self.add_error(
                "certification_number",
                _("%(kind)s은 인증·지정 번호가 있어요. 번호를 적어 주세요.")
                % {"kind": ProviderKind(cleaned["kind"]).label},
            )
        return cleaned
