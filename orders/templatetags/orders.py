from django import template
from django.db.models import Avg, Count, Window

register = template.Library()


@register.inclusion_tag("orders/_service_reviews.html")
def service_reviews(service, limit: int = 5) -> dict:
    """Average rating, count and the latest visible reviews of a service, in one query: the window
    functions see every visible review before the limit cuts the list."""
    reviews = list(
        service.reviews.filter(is_hidden=False)
        .annotate(all_average=Window(Avg("rating")), all_count=Window(Count("pk")))
        .order_by("-created_at", "-pk")[:limit]
    )
    summary = {
        "average": reviews[0].all_average if reviews else None,
        "count": reviews[0].all_count if reviews else 0,
    }
    return {"summary": summary, "reviews": reviews}
