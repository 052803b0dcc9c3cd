"""The reviews block of a service page: average and count over every visible review, the latest few listed."""

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.utils import timezone

from orders import services
from orders.models import Review
from orders.templatetags.orders import service_reviews
from tests.factories import ServiceFactory, SlotFactory, UserFactory
from tests.orders.conftest import place

VISIBLE = [5, 5, 4, 4, 3, 2, 1]  # newest first: the latest five average 4.2, all seven 3.4 (24 / 7)
HIDDEN = [1, 1]  # with them, all nine would average 2.9


def staff():
    return UserFactory(is_staff=True, is_superuser=True)


def write_reviews(service, slot, ratings, *, hidden=False, newest=None):
    """One used order per rating, each reviewed through the real services; the first is the newest."""
    resident, admin = UserFactory(), staff()
    newest = newest or timezone.now() - dt.timedelta(hours=1)
    made, kind = [], "숨긴" if hidden else "보이는"
    for index, rating in enumerate(ratings):
        order = place(resident, [(service, slot, 1)])
        line = order.lines.get()
        services.line_fulfil(line=line, by=admin)
        line.refresh_from_db()
        review = services.review_create(
            line=line,
            user=resident,
            rating=rating,
            body=f"{kind} 후기 {index + 1}번",
        )
        Review.objects.filter(pk=review.pk).update(created_at=newest - dt.timedelta(days=index))
        if hidden:
            services.review_set_hidden(review=review, by=admin, hidden=True)
        made.append(review)
    return made


@pytest.fixture
def reviewed(shop):
    """The free trial with seven visible reviews and two hidden ones, the hidden ones the newest of all."""
    trial, slot = shop["trial"], shop["trial_slot"]
    now = timezone.now()
    write_reviews(trial, slot, VISIBLE, newest=now - dt.timedelta(days=1))
    write_reviews(trial, slot, HIDDEN, hidden=True, newest=now - dt.timedelta(hours=1))
    return trial


def listed_bodies(html: str) -> list[str]:
    return re.findall(r"<p>((?:보이는|숨긴) 후기 \d+번)</p>", html)


def test_service_page_counts_and_averages_every_visible_review(client, reviewed):
    assert reviewed.reviews.count() == 9
    response = client.get(reviewed.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "후기 7개" in html  # not 5 (the list's length) nor 9 (with the hidden ones)
    assert "후기 5개" not in html and "후기 9개" not in html
    assert "<strong>3.4</strong> / 5" in html  # 24 / 7, not the listed five (4.2) nor all nine (2.9)
    # The five newest visible reviews, newest first; hidden ones never.
    assert listed_bodies(html) == [f"보이는 후기 {n}번" for n in range(1, 6)]
    assert "숨긴 후기" not in html
    assert html.count('class="review-rating"') == 5


def test_tag_summary_and_list(reviewed):
    result = service_reviews(reviewed)
    assert result["summary"]["count"] == 7
    assert round(result["summary"]["average"], 4) == round(24 / 7, 4)
    assert [review.rating for review in result["reviews"]] == [5, 5, 4, 4, 3]
    assert [review.body for review in result["reviews"]] == [f"보이는 후기 {n}번" for n in range(1, 6)]
    assert not any(review.is_hidden for review in result["reviews"])

    more = service_reviews(reviewed, limit=10)
    assert [review.rating for review in more["reviews"]] == VISIBLE
    assert more["summary"]["count"] == 7


def test_tag_makes_one_query(reviewed, django_assert_num_queries):
    with django_assert_num_queries(1):
        result = service_reviews(reviewed)
        assert result["summary"]["count"] == 7
    template = Template("{% load orders %}{% service_reviews service %}")
    with django_assert_num_queries(1):
        html = template.render(Context({"service": reviewed}))
    assert "후기 7개" in html and "<strong>3.4</strong>" in html


def test_ties_on_the_same_moment_list_the_latest_written_first(shop):
    trial, slot = shop["trial"], shop["trial_slot"]
    made = write_reviews(trial, slot, [3, 4, 5])
    Review.objects.filter(service=trial).update(created_at=timezone.now() - dt.timedelta(hours=2))
    listed = service_reviews(trial)["reviews"]
    assert [review.pk for review in listed] == sorted((review.pk for review in made), reverse=True)


def test_service_without_reviews_invites_the_first_one(client, db):
    service = ServiceFactory(title="아무도 안 써 본 서비스")
    SlotFactory(service=service)
    assert service_reviews(service) == {"summary": {"average": None, "count": 0}, "reviews": []}
    html = client.get(service.get_absolute_url()).content.decode()
    assert "아직 후기가 없어요" in html
    assert "rating-summary" not in html


def test_a_service_whose_only_review_is_hidden_shows_no_average(client, shop):
    trial, slot = shop["trial"], shop["trial_slot"]
    write_reviews(trial, slot, [1], hidden=True)
    assert service_reviews(trial)["summary"] == {"average": None, "count": 0}
    html = client.get(trial.get_absolute_url()).content.decode()
    assert "rating-summary" not in html and "<strong>1.0</strong>" not in html
    assert "후기 1개" not in html and "숨긴 후기" not in html
    assert "아직 후기가 없어요" in html
