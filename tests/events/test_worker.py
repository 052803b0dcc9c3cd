"""The morning after a fair, through a real Celery worker: one follow-up per consenting visitor who came,
naming the booths they stamped and those enterprises' services and groups; also when the task runs twice."""

import datetime as dt
import time

import pytest
from django.core import mail
from django.utils import timezone

from events import services
from events.tasks import followups_send_task
from tests.conftest import wait_for
from tests.factories import (
    BoothFactory,
    FairFactory,
    HealthGroupFactory,
    ProviderFactory,
    RegistrationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.redis


def test_the_follow_up_goes_once_to_each_consenting_visitor_who_came(celery_worker):
    yesterday = timezone.localtime() - dt.timedelta(days=1)
    start = yesterday.replace(hour=10, minute=0, second=0, microsecond=0)
    if timezone.localtime().hour < 9:  # before 09:00 the morning after is not here yet: the day before
        start -= dt.timedelta(days=1)
    fair = FairFactory(
        title="제4회 마주봄 건강상점",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=6),
        registration_opens=start - dt.timedelta(days=20),
        registration_closes=start - dt.timedelta(hours=12),
    )
    provider = ProviderFactory(name="한밭재활 협동조합", is_published=True, email="")
    trial = ServiceFactory(provider=provider, title="무릎 튼튼 체험 교실", is_experience=True, price=5000)
    HealthGroupFactory(provider=provider, title="무릎 튼튼 걷기반")
    booth = BoothFactory(fair=fair, provider=provider)
    came = [
        RegistrationFactory(
            fair=fair, email=f"visitor{i}@example.kr", agree_followup=True, checked_in_at=start
        )
        for i in range(3)
    ]
    services.stamp_add(booth=booth, registration=came[0])
    RegistrationFactory(fair=fair, email="no-consent@example.kr", agree_followup=False, checked_in_at=start)
    RegistrationFactory(fair=fair, email="no-show@example.kr", agree_followup=True)

    first, second = followups_send_task.delay(), followups_send_task.delay()
    assert wait_for(lambda: {first.id, second.id} <= {task_id for task_id, _ in celery_worker})
    assert wait_for(lambda: len([m for m in mail.outbox if "고마워요" in m.subject]) >= 3)
    time.sleep(1.5)  # anything sent twice would have arrived by now
    sent = sorted(m.to[0] for m in mail.outbox if "고마워요" in m.subject)
    assert sent == sorted(r.email for r in came)
    (stamped,) = [m for m in mail.outbox if m.to == [came[0].email]]
    assert "한밭재활 협동조합" in stamped.body and trial.get_absolute_url() in stamped.body
    assert "무릎 튼튼 걷기반" in stamped.body
    fair.refresh_from_db()
    assert fair.followup_sent_at is not None


def test_a_guest_with_only_a_phone_gets_one_alimtalk_with_the_ticket_link_that_opens_it(
    celery_worker, settings, client
):
    from events.models import Registration
    from tests.factories import FairFactory
    from tests.majubom.fake_gateway import FakeSolapi

    fake = FakeSolapi(api_key="k", api_secret="s")
    settings.SOLAPI_API_KEY, settings.SOLAPI_API_SECRET = "k", "s"
    settings.SOLAPI_SENDER, settings.SOLAPI_PF_ID = "042-000-0000", "KA01PF-majubom"
    settings.SOLAPI_TEMPLATES = "fair_ticket=KA01TP-fair-ticket"
    settings.SOLAPI_BASE_URL = fake.url
    try:
        fair = FairFactory(title="제5회 마주봄 건강상점")
        response = client.post(
            f"/fairs/{fair.slug}/register/",
            {"name": "정말순", "phone": "010-7777-1234", "party_size": "1", "agree_privacy": "on"},
        )
        assert response.status_code == 302
        registration = Registration.objects.get()
        assert wait_for(lambda: len(fake.accepted) >= 1)
        time.sleep(1.5)  # anything sent twice would have arrived by now
        (message,) = fake.accepted
        assert message["type"] == "ATA" and message["to"] == "01077771234"
        link = message["kakaoOptions"]["variables"]["#{링크}"]
        assert registration.code in message["text"] and link in message["text"]
        path = link.split("://", 1)[1].split("/", 1)[1]
        opened = client.get("/" + path, follow=True)
        assert opened.status_code == 200 and registration.code in opened.content.decode()
        assert mail.outbox == []  # no email was given
    finally:
        fake.close()
