import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from catalog.models import Need, Provider, Service, ServiceImage, Slot
from catalog.services import service_image_store

DOMAINS = ["physical", "mental", "social", "education", "economic"]
DISTRICTS = ["dong", "jung", "seo", "yuseong", "daedeok"]
DELIVERIES = ["home_visit", "venue", "online", "shipped"]
TITLES = ["어르신 요가 교실", "마음 상담 1회 체험", "방문 돌봄 말벗", "디지털 교실", "협동조합 도시락"]


def jpeg_bytes(size=(64, 48), colour=(10, 120, 100), exif: bytes | None = None) -> bytes:
    buffer = io.BytesIO()
    kwargs = {"exif": exif} if exif else {}
    Image.new("RGB", size, colour).save(buffer, "JPEG", **kwargs)
    return buffer.getvalue()


@pytest.fixture
def big_catalog(db):
    """200+ published services over 20 providers, 5 slots each, needs and a picture on some."""
    now = timezone.now()
    needs = [
        Need.objects.create(slug=f"n{i}", name=name, domain=DOMAINS[i % 5])
        for i, name in enumerate(["운동 부족", "스트레스", "외로움", "배움", "일자리"])
    ]
    providers = Provider.objects.bulk_create(
        Provider(
            name=f"대전 사회적기업 {i}",
            slug=f"p{i}",
            kind="cooperative",
            district=DISTRICTS[i % 5],
            address="대전광역시 서구 둔산로 1",
            is_published=True,
        )
        for i in range(20)
    )
    services = Service.objects.bulk_create(
        Service(
            provider=providers[i % 20],
            title=f"{TITLES[i % 5]} {i}",
            slug=f"s{i}",
            summary="요약",
            domain=DOMAINS[i % 5],
            delivery=DELIVERIES[i % 4],
            price=1000 * (i % 50),
            unit="session",
            is_experience=i % 4 == 0,
            status="published",
            published_at=now - dt.timedelta(hours=i),
            stock=5 if DELIVERIES[i % 4] == "shipped" else None,
        )
        for i in range(220)
    )
    Service.needs.through.objects.bulk_create(
        Service.needs.through(service_id=s.pk, need_id=needs[i % 5].pk) for i, s in enumerate(services)
    )
    Slot.objects.bulk_create(
        Slot(
            service=s,
            starts_at=now + dt.timedelta(days=d + 1),
            ends_at=now + dt.timedelta(days=d + 1, hours=1),
            capacity=10,
            booked=(i + d) % 11,
        )
        for i, s in enumerate(services)
        for d in range(5)
    )
    for service in services[:12]:
        for position in range(2):
            service_image_store(
                image=ServiceImage(service=service, alt_text="사진", position=position),
                upload=ContentFile(jpeg_bytes(), name="p.jpg"),
            )
    return {"providers": providers, "services": services, "needs": needs}
