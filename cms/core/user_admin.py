"""Accounts in the admin (*Cài đặt → Người dùng*): what a site administrator may not do.

Site administrators hold ``auth.add_user`` and ``auth.change_user`` (``migrations/0002``):
they create accounts and put people in the editorial groups. Wagtail's own forms would
also let them make an account a superuser, open a superuser's account (and set its
password or e-mail: take it over) and change their own groups (join the spokesperson's
group, and so approve publication). Only a superuser does those things:

* in a non-superuser's forms the superuser box is disabled, and a posted one is refused;
* a superuser's account is not opened, deactivated or given a role by a non-superuser;
* one's own groups are shown, not editable: the edit form refuses a change, and so does
  the bulk action "Assign role".

Wagtail's user viewset is replaced the way Wagtail documents it: ``UsersAppConfig``
(``users_app``) stands in ``INSTALLED_APPS`` for ``wagtail.users``.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

SUPERUSER_STATUS_REFUSAL = _("Only a superuser can make an account a superuser.")
SUPERUSER_ACCOUNT_REFUSAL = _("Only a superuser can change a superuser's account.")
OWN_GROUPS_REFUSAL = _(
    "You cannot change your own groups: another administrator changes them for you."
)
OWN_GROUPS_HELP = _("Your own groups are changed by another administrator.")


def _posted_superuser(form) -> bool:
    return forms.CheckboxInput().value_from_datadict(form.data, form.files, "is_superuser")


class LimitedUserFormMixin:
    """What a non-superuser (``acting_user``) may not set in an account."""

    def limit_to(self, acting_user, *, editing_self: bool) -> None:
        self.acting_user = acting_user
        self.editing_self = editing_self
        if acting_user is None or acting_user.is_superuser:
            return
        if "is_superuser" in self.fields:
            self.fields["is_superuser"].disabled = True
            self.fields["is_superuser"].help_text = SUPERUSER_STATUS_REFUSAL
        if editing_self and "groups" in self.fields:
            self.fields["groups"].disabled = True
            self.fields["groups"].help_text = OWN_GROUPS_HELP

    def clean(self):
        cleaned_data = super().clean()
        acting_user = self.acting_user
        if acting_user is None or acting_user.is_superuser:
            return cleaned_data
        if _posted_superuser(self):
            raise ValidationError(SUPERUSER_STATUS_REFUSAL)
        if self.editing_self and hasattr(self.data, "getlist") and "groups" in self.data:
            posted = set(self.data.getlist("groups"))
            current = {str(pk) for pk in self.instance.groups.values_list("pk", flat=True)}
            if posted != current:
                raise ValidationError(OWN_GROUPS_REFUSAL)
        return cleaned_data


class LimitedUserCreationForm(LimitedUserFormMixin, UserCreationForm):
    def __init__(self, *args, acting_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_to(acting_user, editing_self=False)


class LimitedUserEditForm(LimitedUserFormMixin, UserEditForm):
    def __init__(self, *args, acting_user=None, **kwargs):
        editing_self = kwargs.get("editing_self", False)
        super().__init__(*args, **kwargs)
        self.limit_to(acting_user, editing_self=editing_self)


class CreateView(users.CreateView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "acting_user": self.request.user}


class EditView(users.EditView):
    def dispatch(self, request, *args, **kwargs):
        may_change = request.user.has_perm(users.change_user_perm)
        if may_change and self.object.is_superuser and not request.user.is_superuser:
            messages.error(request, SUPERUSER_ACCOUNT_REFUSAL)
            return redirect(reverse(self.index_url_name))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "acting_user": self.request.user}


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return LimitedUserEditForm if for_update else LimitedUserCreationForm


def refuse_user_bulk_escalation(request, action_type, objects, action_class_instance):
    """``before_bulk_action``: a non-superuser's bulk action on accounts touches no
    superuser, and "Assign role" not their own account."""
    user_model = get_user_model()
    if user_model not in getattr(action_class_instance, "models", ()):
        return None
    if request.user.is_superuser:
        return None
    refusal = None
    if any(obj.is_superuser for obj in objects):
        refusal = SUPERUSER_ACCOUNT_REFUSAL
    elif action_type == "assign_role" and any(obj.pk == request.user.pk for obj in objects):
        refusal = OWN_GROUPS_REFUSAL
    if refusal is None:
        return None
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        return permission_denied(request)
    messages.error(request, refusal)
    return redirect("wagtailusers_users:index")
