"""``manage.py reset_two_factor USERNAME``: remove a user's second factor from the command line.

For the day the only administrator loses their phone and backup codes. The user
sets two-factor authentication up again at their next sign-in. Written to the
audit log like a reset made in the admin.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.accounts.two_factor import reset_second_factor


class Command(BaseCommand):
    help = "Remove the authenticator and backup codes of a user (they set them up again)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist as error:
            raise CommandError(f"No user named {username!r}.") from error
        if reset_second_factor(user, by=None):
            self.stdout.write(
                f"Two-factor authentication of {username} reset: they set it up at next sign-in."
            )
        else:
            self.stdout.write(f"{username} had no second factor.")
