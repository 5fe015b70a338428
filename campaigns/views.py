"""Admin view: "Tạo chiến dịch" on an occasion (see ``campaigns.services``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import Occasion
from .services import NoCampaignIndex, create_campaign


@require_POST
def create_campaign_from_occasion(request, pk):
    occasion = get_object_or_404(Occasion, pk=pk)
    listing = reverse("wagtailsnippets_campaigns_occasion:list")
    try:
        result = create_campaign(occasion, request.user)
    except NoCampaignIndex:
        messages.error(
            request,
            _(
                "There is no campaign index in %(language)s: create the campaign index page"
                " first, then try again."
            )
            % {"language": occasion.locale.get_display_name()},
        )
        return redirect(listing)
    except PermissionDenied:
        messages.error(request, _("You do not have permission to create campaigns."))
        return redirect(listing)
    edit_url = reverse("wagtailadmin_pages:edit", args=[result.page.pk])
    if result.created:
        messages.success(
            request,
            _("Draft campaign “%(title)s” created: complete it and submit it for review.")
            % {"title": result.page.title},
        )
    else:
        messages.info(
            request,
            _("A campaign for this occasion on %(day)s already exists: “%(title)s”.")
            % {"day": result.occurrence.start.strftime("%d/%m/%Y"), "title": result.page.title},
        )
    return redirect(edit_url)
