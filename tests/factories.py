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
