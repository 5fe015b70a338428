"""Admin forms of the project that Wagtail lets a setting replace."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's login form, with a translatable label for the password field.

    Wagtail leaves the field unlabelled, so Django shows its name, "Password", in
    English on the first screen every official sees (``WAGTAILADMIN_USER_LOGIN_FORM``).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
