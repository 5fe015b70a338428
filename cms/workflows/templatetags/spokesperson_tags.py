"""The current spokesperson on the public site (Decree No. 09/2017/ND-CP).

``{% current_spokesperson as spokesperson %}`` gives the data of
``cms.workflows.services.PublicSpokesperson`` (or ``None``);
``{% spokesperson_footer %}`` renders the footer block. Both read the request's
memo, then Django's cache, and query the database at most once per request
(``services.public_spokesperson``).
"""

from django import template

from cms.workflows.services import public_spokesperson

register = template.Library()


@register.simple_tag(takes_context=True)
def current_spokesperson(context):
    return public_spokesperson(context.get("request"))


@register.inclusion_tag("components/spokesperson_footer.html", takes_context=True)
def spokesperson_footer(context):
    return {"spokesperson": public_spokesperson(context.get("request"))}
