"""Korean mobile numbers, as every form that asks for one stores them."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

MOBILE = re.compile(r"^01[016789]\d{7,8}$")


def normalise_mobile(value: str) -> str:
    """'010 1234 5678', '010.1234.5678', '+82 10-1234-5678' → '010-1234-5678'."""
    digits = re.sub(r"\D", "", value or "")
    if digits.startswith("82"):
        digits = "0" + digits[2:]
    if not MOBILE.match(digits):
        raise forms.ValidationError(_("휴대전화 번호를 010-1234-5678 처럼 적어 주세요."))
    return f"{digits[:3]}-{digits[3:-4]}-{digits[-4:]}"
