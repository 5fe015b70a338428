"""The base form of every page type, set on ``BasePage`` when the app is ready (``apps``)."""

from wagtail.admin.forms import WagtailAdminPageForm


class BasePageForm(WagtailAdminPageForm):
    """The form of every page type (``BasePage.base_form_class``).

    Django marks fields whose model default is a callable (an article's
    publication date defaults to today) with ``show_hidden_initial`` and then
    compares the submitted value with a hidden copy of the initial one, which
    Wagtail's editor does not render: the form would always look changed, and a
    reviewer who only approves from the editor would save a new revision — and
    become one of its authors. The comparison is made against the instance's
    own value instead.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form_field in self.fields.values():
            form_field.show_hidden_initial = False
