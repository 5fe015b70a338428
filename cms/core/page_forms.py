"""The base form of every page type, set on ``BasePage`` when the app is ready (``apps``)."""

from django.utils.translation import gettext_lazy as _
from draftjs_exporter.error import ExporterException
from wagtail.admin.forms import WagtailAdminPageForm

#: What a widget raises on data the editor never sends: a StreamField's block count or
#: order that is no number, a block's key missing, rich text that is not the editor's JSON
#: or names a link that is not in it.
MALFORMED_DATA = (KeyError, ValueError, TypeError, AttributeError, IndexError, ExporterException)


class BasePageForm(WagtailAdminPageForm):
    """The form of every page type (``BasePage.base_form_class``).

    Django marks fields whose model default is a callable (an article's
    publication date defaults to today) with ``show_hidden_initial`` and then
    compares the submitted value with a hidden copy of the initial one, which
    Wagtail's editor does not render: the form would always look changed, and a
    reviewer who only approves from the editor would save a new revision — and
    become one of its authors. The comparison is made against the instance's
    own value instead.

    A field whose posted data its widget cannot read (Wagtail's StreamField and rich
    text widgets raise on a broken post) keeps the page's saved value and gets a form
    error, instead of a server error: nothing is saved.
    """

    def __init__(self, *args, **kwargs):
        self.malformed_fields: set[str] = set()
        super().__init__(*args, **kwargs)
        for form_field in self.fields.values():
            form_field.show_hidden_initial = False

    def _widget_data_value(self, widget, html_name):
        try:
            return super()._widget_data_value(widget, html_name)
        except MALFORMED_DATA:
            for name, field in self.fields.items():
                if self.add_prefix(name) == html_name:
                    self.malformed_fields.add(name)
                    return self.get_initial_for_field(field, name)
            raise

    def _clean_fields(self):
        super()._clean_fields()
        for name in sorted(self.malformed_fields):
            self._errors.pop(name, None)
            self.add_error(
                name,
                _(
                    "This field arrived damaged and was not changed. Reload the page and "
                    "make the change again."
                ),
            )
