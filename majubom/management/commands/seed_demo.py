"""Demo data for a newcomer: ``python manage.py seed_demo``. Running it twice changes nothing.

``--scale N`` adds a benchmark catalogue of N published services (N/20 providers, about 5 future slots each),
N/5 residents and 2N past orders with payments and reviews.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from catalog.demo import seed_benchmark, seed_catalog
from catalog.vocabulary import needs_ensure
from healthcheck.defaults import need_rules_ensure
from majubom.models import User
from orders.demo import seed_benchmark_orders

DEMO_PASSWORD = "majubom-demo-2026"

DEMO_USERS = [
    {
        "email": "staff@majubom.kr",
        "name": "김조합",
        "phone": "042-123-4567",
        "district": "jung",
        "role": "조합 스태프 (관리 화면 전체)",
        "is_staff": True,
        "is_superuser": True,
    },
    {
        "key": "owner1",
        "email": "owner1@majubom.kr",
        "name": "이나눔",
        "phone": "010-2345-6789",
        "district": "seo",
        "role": "기업 대표 1",
        "is_staff": True,
    },
    {
        "key": "owner2",
        "email": "owner2@majubom.kr",
        "name": "박햇살",
        "phone": "010-3456-7890",
        "district": "yuseong",
        "role": "기업 대표 2",
        "is_staff": True,
    },
    {
        "email": "resident@majubom.kr",
        "name": "최주민",
        "phone": "010-4567-8901",
        "district": "daedeok",
        "birth_year": 1957,
        "role": "주민",
    },
]


class Command(BaseCommand):
    help = "데모 데이터를 만듭니다 (여러 번 실행해도 같은 결과)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=0, help="벤치마크용 서비스 N개를 더 만듭니다 (예: --scale 10000)."
        )

    def handle(self, *args, scale: int = 0, **options) -> None:
        with transaction.atomic():
            users = [(spec, *self._user(spec)) for spec in DEMO_USERS]
        owners = {spec["key"]: user for spec, user, _new in users if "key" in spec}
        needs_ensure()
        need_rules_ensure()
        catalog = seed_catalog(owners=owners)
        self.stdout.write(self.style.SUCCESS("데모 데이터 준비 완료."))
        self.stdout.write(
            f"  새로 만든 것: 기업 {catalog['providers']}, 서비스 {catalog['services']}, "
            f"예약 시간 {catalog['slots']}, 사진 {catalog['images']}"
        )
        if scale:
            started = time.monotonic()
            bench = seed_benchmark(services=scale)
            staff = next(user for spec, user, _new in users if spec.get("is_superuser"))
            history = seed_benchmark_orders(residents=max(scale // 5, 1), orders=scale * 2, staff=staff)
            self.stdout.write(
                f"  벤치마크 데이터: 기업 {bench['providers']}, 서비스 {bench['services']}, "
                f"예약 시간 {bench['slots']}, 주민 {history['residents']}, 지난 주문 {history['orders']}, "
                f"후기 {history['reviews']} 추가 ({time.monotonic() - started:.1f}초)"
            )
        self.stdout.write(f"데모 계정 (비밀번호는 모두 {DEMO_PASSWORD}):")
        for spec, _user, was_created in users:
            note = "새로 만듦" if was_created else "이미 있음"
            self.stdout.write(f"  {spec['email']:<24} {spec['role']} ({note})")

    def _user(self, spec: dict) -> tuple[User, bool]:
        from allauth.account.models import EmailAddress

        fields = {k: v for k, v in spec.items() if k not in ("email", "role", "key")}
        user, created = User.objects.get_or_create(email=spec["email"], defaults=fields)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        return user, created
