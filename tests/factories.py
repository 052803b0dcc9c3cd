import datetime as dt

import factory
from django.utils import timezone

from majubom.models import User

TEST_PASSWORD = "test-pass-2026!"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"resident{n}@example.kr")
    name = factory.Faker("name", locale="ko_KR")
    district = "seo"
    password = factory.django.Password(TEST_PASSWORD)


# --- catalog ---------------------------------------------------------------------------------------------


from catalog.models import Need, Provider, ProviderMember, Service, Slot  # noqa: E402


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider

    name = factory.Sequence(lambda n: f"한밭나눔 협동조합 {n}")
    slug = factory.Sequence(lambda n: f"provider-{n}")
    kind = "cooperative"
    district = "seo"
    address = "대전광역시 서구 둔산로 100"
    phone = "042-123-4567"
    is_published = True


class ProviderMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProviderMember

    provider = factory.SubFactory(ProviderFactory)
    user = factory.SubFactory(UserFactory, is_staff=True)
    role = "owner"


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"need-{n}")
    name = factory.Sequence(lambda n: f"필요 {n}")
    domain = "physical"


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    provider = factory.SubFactory(ProviderFactory)
    title = factory.Sequence(lambda n: f"방문 재활 운동 {n}")
    slug = factory.Sequence(lambda n: f"service-{n}")
    summary = "집으로 찾아가는 재활 운동이에요."
    description = "물리치료사가 댁으로 찾아가 60분 동안 운동을 도와드려요."
    domain = "physical"
    delivery = "home_visit"
    price = 30000
    unit = "session"
    duration_minutes = 60
    status = "published"
    published_at = factory.LazyFunction(timezone.now)


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slot

    service = factory.SubFactory(ServiceFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1))
    capacity = 10


class HealthGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "groups.HealthGroup"

    provider = factory.SubFactory(ProviderFactory)
    title = factory.Sequence(lambda n: f"둔산동 아침 걷기 모임 {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    summary = "한밭수목원을 함께 걸어요."
    domain = "physical"
    district = "seo"
    delivery = "outdoor"
    place_name = "한밭수목원 정문"
    place_address = "대전광역시 서구 둔산대로 169"
    capacity = 10
    status = "recruiting"


class GroupSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "groups.GroupSession"

    group = factory.SubFactory(HealthGroupFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1))


# --- 건강상점 ---------------------------------------------------------------------------------------------


class FairFactory(factory.django.DjangoModelFactory):
    """A published fair two weeks ahead, registration open now."""

    class Meta:
        model = "events.Fair"

    title = factory.Sequence(lambda n: f"제{n + 2}회 마주봄 건강상점")
    slug = factory.Sequence(lambda n: f"fair-{n}")
    starts_at = factory.LazyFunction(
        lambda: (
            timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0) + dt.timedelta(days=14)
        )
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=6))
    venue = "대전시민대학 1층 로비"
    address = "대전광역시 중구 계백로 1700"
    registration_opens = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    registration_closes = factory.LazyAttribute(lambda o: o.starts_at - dt.timedelta(hours=12))
    booth_call_opens = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=10))
    booth_call_closes = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=5))
    visitor_capacity = 100
    status = "published"
    stamp_goal = 3


class BoothFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Booth"

    fair = factory.SubFactory(FairFactory)
    provider = factory.SubFactory(ProviderFactory)
    status = "approved"
    number = factory.Sequence(lambda n: n + 1)
    zone = "A"
    offering = "체성분 측정과 1:1 운동 상담"


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Program"

    booth = factory.SubFactory(BoothFactory)
    title = factory.Sequence(lambda n: f"체성분 측정 {n}")
    starts_at = factory.LazyAttribute(lambda o: o.booth.fair.starts_at + dt.timedelta(minutes=30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(minutes=30))
    capacity = 8


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration (made directly: use ``events.services.registration_create`` to test the
    line)."""

    class Meta:
        model = "events.Registration"

    fair = factory.SubFactory(FairFactory)
    name = factory.Sequence(lambda n: f"방문객{n}")
    phone = factory.Sequence(lambda n: f"010-{2000 + n // 10000:04d}-{n % 10000:04d}")
    party_size = 1
    status = "confirmed"
    confirmed_at = factory.LazyFunction(timezone.now)
    code = factory.Sequence(
        lambda n: "".join("ABCDEFGHJKMNPQRSTUVWXYZ23456789"[(n // 31**i) % 31] for i in range(6))
    )
    agreed_privacy_at = factory.LazyFunction(timezone.now)
