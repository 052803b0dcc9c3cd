"""Uploaded pictures: checked by opening them with Pillow, re-encoded without EXIF, with renditions.

A file is accepted only if Pillow reads it as JPEG, PNG or WebP, it is at most 10 MB and 40 megapixels
(decompression bombs are refused from the header, before any pixel is decoded).
"""

from __future__ import annotations

import io
import uuid
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
CARD_SIZE = (640, 480)
DETAIL_MAX = (1280, 1280)


@dataclass
class ProcessedImage:
    original: ContentFile
    card: ContentFile
    detail: ContentFile
    width: int
    height: int


def image_open_checked(upload) -> Image.Image:
    """Open ``upload`` as a trusted image or raise a ValidationError with a Korean message."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        raise ValidationError(_("사진 파일이 너무 커요. 10MB 이하로 올려 주세요."), code="too_large")
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(upload)
            if probe.format not in FORMATS:
                raise ValidationError(_("JPEG, PNG, WebP 사진만 올릴 수 있어요."), code="format")
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    _("사진의 화소 수가 너무 많아요. 4천만 화소 이하로 줄여서 올려 주세요."),
                    code="too_many_pixels",
                )
            probe.verify()
            upload.seek(0)
            image = Image.open(upload)
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            _("사진의 화소 수가 너무 많아요. 4천만 화소 이하로 줄여서 올려 주세요."), code="too_many_pixels"
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ValidationError(
            _("사진 파일이 아니거나 손상된 파일이에요. JPEG, PNG, WebP 사진을 올려 주세요."), code="invalid"
        ) from exc
    return image


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    elif fmt == "PNG":
        if image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA")
        image.save(buffer, "PNG", optimize=True)
    else:
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        image.save(buffer, "WEBP", quality=80, method=2)
    return buffer.getvalue()


def image_process(upload) -> ProcessedImage:
    """Validate ``upload`` and return the re-encoded original (no EXIF) plus card and detail renditions."""
    image = image_open_checked(upload)
    fmt = image.format
    image = ImageOps.exif_transpose(image)  # keep the orientation the phone meant, then drop EXIF
    image.info.pop("exif", None)
    name = uuid.uuid4().hex
    card = ImageOps.fit(image.convert("RGB"), CARD_SIZE, method=Image.Resampling.LANCZOS)
    detail = image.copy()
    detail.thumbnail(DETAIL_MAX, Image.Resampling.LANCZOS)
    return ProcessedImage(
        original=ContentFile(_encode(image, fmt), name=f"{name}.{FORMATS[fmt]}"),
        card=ContentFile(_encode(card, "WEBP"), name=f"{name}-card.webp"),
        detail=ContentFile(_encode(detail, "WEBP"), name=f"{name}-detail.webp"),
        width=image.width,
        height=image.height,
    )


LOGO_MAX = (800, 800)


def picture_process(upload, *, max_size: tuple[int, int] = LOGO_MAX) -> ContentFile:
    """One picture (an enterprise's logo; later group and booth pictures) under the same rules as service
    pictures: checked with Pillow, EXIF dropped, re-encoded at most ``max_size``, under a random name."""
    image = image_open_checked(upload)
    fmt = image.format
    image = ImageOps.exif_transpose(image)
    image.info.pop("exif", None)
    image.thumbnail(max_size, Image.Resampling.LANCZOS)
    return ContentFile(_encode(image, fmt), name=f"{uuid.uuid4().hex}.{FORMATS[fmt]}")
