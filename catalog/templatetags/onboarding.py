from django import template

register = template.Library()


@register.simple_tag
def onboarding_for(user) -> list[tuple]:
    """(provider, steps, done count) for each enterprise this member manages that is not yet all set up."""
    from ..models import Provider
    from ..partners import onboarding
    from ..selectors import user_provider_ids

    ids = user_provider_ids(user)
    if not ids:
        return []
    found = []
    for provider in Provider.objects.filter(pk__in=ids).order_by("name"):
        steps = onboarding(provider)
        done = sum(step.done for step in steps)
        if done < len(steps):
            found.append((provider, steps, done))
    return found
