"""Password rules with their messages in the admin's language.

Django's Vietnamese catalogue lacks the current wording of the minimum-length
error ("This password is too short…"), so a short password was refused in English;
this validator says the same thing through the project's catalogue.
"""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "This password is too short: it must contain at least %(min_length)d character.",
            "This password is too short: it must contain at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}
