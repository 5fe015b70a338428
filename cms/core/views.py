from django.http import HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.views.decorators.http import require_safe


@require_safe
def root_redirect(request):
    """Send ``/`` to the visitor's language (Vietnamese unless the browser prefers English)."""
    language = translation.get_language_from_request(request, check_path=False)
    if language not in {"vi", "en"}:
        language = "vi"
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """Render the 500 page without context processors: the database may be what failed."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request": request}))
