"""Uploaded pictures: only real JPEG/PNG/WebP, ≤ 10 MB, ≤ 40 megapixels; re-encoded without EXIF."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from catalog.forms import ServiceImageForm
from catalog.images import MAX_BYTES, image_process
from catalog.models import ServiceImage
from tests.factories import ServiceFactory

from .conftest import jpeg_bytes


def upload(content: bytes, name="photo.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def form_for(service, file, alt_text="강사가 어르신과 스트레칭하는 모습"):
    return ServiceImageForm(
        data={"alt_text": alt_text, "position": 0},
        files={"image": file},
        instance=ServiceImage(service=service),
    )


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size: a decompression bomb's calling card."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.mark.django_db
def test_a_real_jpeg_is_stored_without_exif_with_renditions(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {2: (36.0, 21.0, 0.0)}  # GPS latitude: where the photo was taken
    exif[0x0112] = 6  # rotated: shown upright after re-encoding
    service = ServiceFactory()
    form = form_for(service, upload(jpeg_bytes(size=(400, 300), exif=exif.tobytes())))
    assert form.is_valid(), form.errors
    image = form.save()
    with Image.open(image.image.path) as stored:
        assert stored.format == "JPEG"
        assert not stored.getexif()  # no EXIF (no GPS, no maker)
        assert stored.size == (300, 400)  # orientation applied
    with Image.open(image.card.path) as card:
        assert card.format == "WEBP" and card.size == (640, 480)
    with Image.open(image.detail.path) as detail:
        assert detail.format == "WEBP" and max(detail.size) <= 1280


@pytest.mark.parametrize("fmt,name", [("PNG", "p.png"), ("WEBP", "p.webp")])
@pytest.mark.django_db
def test_png_and_webp_are_accepted(settings, tmp_path, fmt, name):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("RGBA", (50, 40), (0, 100, 50, 128)).save(buffer, fmt)
    form = form_for(
        ServiceFactory(), upload(buffer.getvalue(), name=name, content_type=f"image/{fmt.lower()}")
    )
    assert form.is_valid(), form.errors
    form.save()
    assert ServiceImage.objects.count() == 1


@pytest.mark.django_db
def test_text_renamed_to_jpg_is_refused_in_korean():
    form = form_for(ServiceFactory(), upload(b"This is not a picture, just text.\n" * 20))
    assert not form.is_valid()
    assert "사진" in " ".join(form.errors["image"])
    assert ServiceImage.objects.count() == 0


@pytest.mark.django_db
def test_gif_is_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, "GIF")
    form = form_for(ServiceFactory(), upload(buffer.getvalue(), name="a.gif", content_type="image/gif"))
    assert not form.is_valid()
    assert "JPEG, PNG, WebP" in " ".join(form.errors["image"])


@pytest.mark.django_db
def test_oversized_file_is_refused():
    content = jpeg_bytes() + b"\x00" * (MAX_BYTES + 1)
    form = form_for(ServiceFactory(), upload(content))
    assert not form.is_valid()
    assert "10MB" in " ".join(form.errors["image"])


@pytest.mark.django_db
def test_decompression_bomb_is_refused_before_decoding():
    form = form_for(
        ServiceFactory(), upload(png_header_only(30000, 30000), name="bomb.png", content_type="image/png")
    )
    assert not form.is_valid()
    assert "화소" in " ".join(form.errors["image"])


@pytest.mark.django_db
def test_just_over_40_megapixels_is_refused():
    buffer = io.BytesIO()
    Image.new("1", (8000, 5001)).save(buffer, "PNG")  # 40,008,000 pixels, a few kB on disk
    form = form_for(ServiceFactory(), upload(buffer.getvalue(), name="wide.png", content_type="image/png"))
    assert not form.is_valid()
    assert "화소" in " ".join(form.errors["image"])


@pytest.mark.django_db
def test_truncated_jpeg_is_refused():
    form = form_for(ServiceFactory(), upload(jpeg_bytes(size=(300, 300))[:200]))
    assert not form.is_valid()


@pytest.mark.django_db
def test_alt_text_is_required():
    form = form_for(ServiceFactory(), upload(jpeg_bytes()), alt_text="")
    assert not form.is_valid()
    assert "alt_text" in form.errors


def test_image_process_raises_validation_error_for_garbage():
    with pytest.raises(ValidationError):
        image_process(io.BytesIO(b"GIF89a nonsense"))


# --- the provider logo under the same rules (the audit: it skipped every one) ---------------------------


def logo_form(provider, file):
    from django.forms.models import model_to_dict

    from catalog.forms import ProviderAdminForm

    return ProviderAdminForm(
        data=model_to_dict(provider, exclude=["logo"]), files={"logo": file}, instance=provider
    )


def tiff_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (1, 2, 3)).save(buffer, "TIFF")
    return buffer.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content,message",
    [
        (png_header_only(13_000, 13_000), "화소"),
        (b"\x89PNG" + b"0" * (MAX_BYTES + 1), "10MB"),
        (tiff_bytes(), "JPEG, PNG, WebP"),
        (b"<script>alert(1)</script>", "사진 파일이 아니거나"),
    ],
)
def test_a_bad_logo_is_refused_in_korean(content, message):
    from tests.factories import ProviderFactory

    provider = ProviderFactory()
    form = logo_form(provider, upload(content, name="logo.jpg"))
    assert not form.is_valid()
    assert message in " ".join(form.errors["logo"])
    provider.refresh_from_db()
    assert not provider.logo


@pytest.mark.django_db
def test_a_logo_is_stored_re_encoded_without_exif_or_its_name_or_what_was_appended(settings, tmp_path):
    from tests.factories import ProviderFactory

    settings.MEDIA_ROOT = tmp_path
    exif = Image.Exif()
    exif[0x8825] = {2: (36.0, 21.0, 0.0)}  # GPS
    content = jpeg_bytes(size=(2000, 1000), exif=exif.tobytes()) + b"<script>alert(1)</script>"
    provider = ProviderFactory()
    form = logo_form(provider, upload(content, name="우리집-주소-대덕구.jpg"))
    assert form.is_valid(), form.errors
    saved = form.save()
    assert "우리집" not in saved.logo.name and saved.logo.name.endswith(".jpg")
    data = saved.logo.read()
    assert b"<script>" not in data
    with Image.open(saved.logo.path) as stored:
        assert not stored.getexif() and max(stored.size) <= 800
