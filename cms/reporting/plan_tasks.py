"""The plan's tasks in the admin (*Cài đặt → Nhiệm vụ kế hoạch*) and in the page editor.

Site administrators keep the list (add, change; migration ``0005``); the editorial groups
may read it, with each task's description, when choosing the task an item serves.
Nobody but a superuser may delete a task, and not one that content names: pages refer
to their task with ``on_delete=PROTECT``, because the reports count by it. Wagtail's
delete view already says so when its reference index knows of the pages; the view
below also catches the database's refusal, so a superuser reads why instead of getting
a server error.

In the page editor the *plan task* field (articles, features, campaigns) offers the
active tasks only, plus the one the page already has even if it has since been
deactivated: an old item keeps its task and can still be saved unchanged.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db import models
from django.db.models import ProtectedError
from django.forms.models import ModelChoiceIteratorValue
from django.shortcuts import redirect
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import PlanTask


def _protected_message(task) -> str:
    return _gettext(
        "The plan task “%(task)s” cannot be deleted: articles, features or campaigns are "
        "counted under it. Mark it as inactive instead: it then stays in the reports but "
        "cannot be chosen for new content."
    ) % {"task": task}


class PlanTaskDeleteView(generic.DeleteView):
    """Deleting a task that content names: a message and back to the task, never a 500."""

    def form_valid(self, form):
        if self.usage is not None and self.usage.is_protected:
            return self._refuse()
        try:
            return super().form_valid(form)
        except ProtectedError:
            return self._refuse()

    def _refuse(self):
        messages.error(self.request, _protected_message(self.object))
        return redirect(self.edit_url_name, self.object.pk)


class PlanTaskViewSet(ModelViewSet):
    model = PlanTask
    icon = "list-ol"
    menu_label = _("Plan tasks")
    menu_name = "plan-tasks"
    add_to_settings_menu = True
    delete_view_class = PlanTaskDeleteView
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["section", "number", "title", "description", "lead_unit", "active"]
    list_display = [
        Column("code", label=_("Code")),
        "title",
        "lead_unit",
        BooleanColumn("active", label=_("Active")),
    ]
    list_filter = ["section", "lead_unit", "active"]
    search_fields = ["title", "description"]
    search_backend_name = None  # plain database search: the list is short
    inspect_view_fields = ["section", "number", "title", "description", "lead_unit", "active"]


# ------------------------------------------------------------------ the page editor


class PlanTaskSelect(forms.Select):
    """The active tasks, and the task already chosen even when it is no longer active."""

    def optgroups(self, name, value, attrs=None):
        chosen = {str(item) for item in value if item not in (None, "")}
        every_choice = self.choices
        self.choices = [
            (option, label) for option, label in every_choice if _offered(option, chosen)
        ]
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = every_choice


def _offered(option, chosen: set[str]) -> bool:
    if not isinstance(option, ModelChoiceIteratorValue):
        return True  # the empty choice
    return option.instance.active or str(option.value) in chosen


register_form_field_override(models.ForeignKey, to=PlanTask, override={"widget": PlanTaskSelect})
