import factory

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
