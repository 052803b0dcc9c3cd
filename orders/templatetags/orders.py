from django import template
from django.db.models import Avg, Count

register = template.Library()


@register.inclusion_tag("orders/_service_reviews.html")
def service_reviews(service, limit: int = 5) -> dict:
    """Average rating, count and the latest visible reviews of a service (two queries)."""
    visible = service.reviews.filter(is_hidden=False)
    summary = visible.aggregate(average=Avg("rating"), count=Count("pk"))
    return {
        "summary": summary,
        "reviews": list(visible.order_by("-created_at")[:limit]) if summary["count"] else [],
    }
