"""The radio bulletin screen in the admin: choose, preview, print, download.

Every view answers GET only and changes nothing; the choice travels in the query
string (``language``, ``date``, ``period``), so the print and download links repeat
exactly the bulletin on screen. Access: ``broadcast.view_bulletin``
(``migrations/0002``); Wagtail's admin URLs already send anonymous visitors to the login.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import BulletinForm
from .models import VIEW_BULLETIN
from .script import BulletinScript, build_bulletin

TITLE = gettext_lazy("Radio bulletin")
IN_LANGUAGE = {"vi": gettext_lazy("in Vietnamese"), "en": gettext_lazy("in English")}


def _check_permission(request) -> None:
    if not request.user.has_perm(VIEW_BULLETIN):
        raise PermissionDenied


def _form(request) -> BulletinForm:
    """The form bound to the query string; without one, today's bulletin in Vietnamese."""
    data = request.GET if request.GET else BulletinForm.default_data()
    return BulletinForm(data)


def _query(form: BulletinForm) -> str:
    data = form.cleaned_data
    return urlencode(
        {"language": data["language"], "date": data["date"].isoformat(), "period": data["period"]}
    )


def _bulletin(form: BulletinForm) -> BulletinScript | None:
    if not form.is_valid():
        return None
    data = form.cleaned_data
    return build_bulletin(data["language"], data["date"], data["period"])


def _back_to_screen(request):
    url = reverse("broadcast:bulletin")
    return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)


def empty_message(bulletin: BulletinScript) -> str:
    """What the screen says when nothing was published in the chosen language and period."""
    period = bulletin.period
    values = {
        "in_language": IN_LANGUAGE[bulletin.language_code],
        "start": period.start.strftime("%d/%m/%Y"),
        "end": period.end.strftime("%d/%m/%Y"),
    }
    if period.start == period.end:
        return _("No article or feature %(in_language)s was published on %(start)s.") % values
    return (
        _("No article or feature %(in_language)s was published from %(start)s to %(end)s.") % values
    )


class BulletinView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "broadcast/bulletin.html"
    page_title = TITLE
    header_icon = "media"
    http_method_names = ["get", "head"]

    def dispatch(self, request, *args, **kwargs):
        _check_permission(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": TITLE}]

    def get_context_data(self, **kwargs):
        form = _form(self.request)
        bulletin = _bulletin(form)
        context = super().get_context_data(form=form, bulletin=bulletin, **kwargs)
        if bulletin is not None:
            query = _query(form)
            context.update(
                empty_message=empty_message(bulletin),
                print_url=f"{reverse('broadcast:print')}?{query}&autoprint=1",
                download_url=f"{reverse('broadcast:download')}?{query}",
            )
        return context


@require_safe
def print_bulletin(request):
    """The script alone on a page, for the browser's print dialog (no admin menus)."""
    _check_permission(request)
    form = _form(request)
    bulletin = _bulletin(form)
    if bulletin is None or not bulletin.items:
        return _back_to_screen(request)
    back_url = f"{reverse('broadcast:bulletin')}?{_query(form)}"
    return render(
        request,
        "broadcast/bulletin_print.html",
        {"bulletin": bulletin, "back_url": back_url, "title": TITLE},
    )


@require_safe
def download_bulletin(request):
    """The script as a UTF-8 text file; an empty or invalid choice goes back to the screen."""
    _check_permission(request)
    bulletin = _bulletin(_form(request))
    if bulletin is None or not bulletin.items:
        return _back_to_screen(request)
    response = HttpResponse(bulletin.text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bulletin.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
