"""``{% save_buttons %}…{% endsave_buttons %}``: what is inside, with each 찜 slot filled by the visitor's own
button. ``base.html`` wraps the page's main block in it, so the pages cached for everyone (a service's, a
group's) get a per-visitor button that is never part of the cache (web/views_saved.py)."""

from django import template

from ..views_saved import fill_save_slots

register = template.Library()


class SaveButtonsNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context) -> str:
        html = self.nodelist.render(context)
        request = context.get("request")
        if request is None:
            return html
        return fill_save_slots(html, request)


@register.tag
def save_buttons(parser, token):
    nodelist = parser.parse(("endsave_buttons",))
    parser.delete_first_token()
    return SaveButtonsNode(nodelist)
