from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Occasion


class OccasionViewSet(SnippetViewSet):
    model = Occasion
    icon = "date"
    menu_label = _("Occasions")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "date_label", "founding_year", "locale"]
    search_fields = ["name"]


register_snippet(OccasionViewSet)
