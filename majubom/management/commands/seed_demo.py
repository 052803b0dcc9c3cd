"""Demo data for a newcomer: ``python manage.py seed_demo``. Running it twice changes nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from majubom.models import User

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
        "email": "owner1@majubom.kr",
        "name": "이나눔",
        "phone": "010-2345-6789",
        "district": "seo",
        "role": "기업 대표 1",
        "is_staff": True,
    },
    {
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

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            created = [self._user(spec) for spec in DEMO_USERS]
        self.stdout.write(self.style.SUCCESS("데모 데이터 준비 완료."))
        self.stdout.write(f"데모 계정 (비밀번호는 모두 {DEMO_PASSWORD}):")
        for spec, was_created in zip(DEMO_USERS, created, strict=True):
            note = "새로 만듦" if was_created else "이미 있음"
            self.stdout.write(f"  {spec['email']:<24} {spec['role']} ({note})")

    def _user(self, spec: dict) -> bool:
        from allauth.account.models import EmailAddress

        fields = {k: v for k, v in spec.items() if k not in ("email", "role")}
        user, created = User.objects.get_or_create(email=spec["email"], defaults=fields)
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        return created
