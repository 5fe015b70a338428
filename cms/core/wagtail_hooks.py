from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Topic
from .user_admin import refuse_user_bulk_escalation


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


register_snippet(TopicViewSet)

# Accounts: no superuser touched, and no own role assigned, by a non-superuser (user_admin).
hooks.register("before_bulk_action", refuse_user_bulk_escalation)
