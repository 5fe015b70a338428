"""Factories for the spokesperson register (``cms.workflows``)."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory
from wagtail.models import WorkflowState

from cms.core.roles import SPOKESPERSON
from cms.workflows.models import SpokespersonEntry, SpokespersonPosition


class SpokespersonUserFactory(DjangoModelFactory):
    """An active user in the spokesperson group."""

    username = factory.Sequence(lambda n: f"phatngon{n}")
    first_name = "Phạm Quang"
    last_name = "Hưng"
    email = factory.LazyAttribute(lambda user: f"{user.username}@xuantruong.ninhbinh.gov.vn")
    password = factory.django.Password("correct-horse-battery")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=SPOKESPERSON.group_name))


class SpokespersonEntryFactory(DjangoModelFactory):
    """A current entry for the Chairman (from 1/7/2025, open-ended) unless told otherwise."""

    user = factory.SubFactory(SpokespersonUserFactory)
    full_name = "Phạm Quang Hưng"
    position = SpokespersonPosition.CHAIRMAN
    authorisation = "Quyết định số 15/QĐ-UBND ngày 01/7/2025"
    valid_from = datetime.date(2025, 7, 1)
    valid_until = None
    phone = "0229 3777 555"
    email = "phatngon@xuantruong.ninhbinh.gov.vn"

    class Meta:
        model = SpokespersonEntry


# ------------------------------------------------------------------ the editorial team
#
# Test pages are published the way the admin publishes them: a writer submits,
# a reviewer approves, a registered spokesperson approves, and the gate lets
# the approved revision through. ``publish_page`` does that with a team of
# three accounts kept apart from the users a test creates itself.

TEAM_PASSWORD = "correct-horse-battery"


def _team_user(username, role, first_name, last_name):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@xuantruong.ninhbinh.gov.vn",
        },
    )
    if created:
        user.set_password(TEAM_PASSWORD)
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=role.group_name))
    return user


def editorial_team():
    """(writer, reviewer, spokesperson) accounts for publishing test pages."""
    from cms.core.roles import REVIEWER, WRITER

    return (
        _team_user("team-writer", WRITER, "Văn", "Minh"),
        _team_user("team-reviewer", REVIEWER, "Trần", "Lan"),
        _team_user("team-spokesperson", SPOKESPERSON, "Đỗ Văn", "Phúc"),
    )


def publish_page(page, *, writer=None):
    """Save ``page`` as it is in memory as the writer's revision and publish it through the
    workflow and the gate.

    The team's spokesperson holds a register entry (as a Vice Chairman) only
    for the moment of the approval, so that tests of the register and of the
    public spokesperson box see only the entries they create.
    """
    from cms.workflows.approval import publish_through_workflow, take_step

    team_writer, reviewer, spokesperson = editorial_team()
    writer = writer or team_writer
    entry = SpokespersonEntry.objects.filter(user=spokesperson).first()
    temporary = entry is None
    if temporary:
        entry = SpokespersonEntry.objects.create(
            user=spokesperson,
            full_name="Đỗ Văn Phúc",
            position=SpokespersonPosition.VICE_CHAIRMAN,
            authorisation="Quyết định số 21/QĐ-UBND ngày 01/7/2025",
            valid_from=datetime.date(2025, 7, 1),
            valid_until=None,
            phone="0229 3777 556",
            email="phatngon2@xuantruong.ninhbinh.gov.vn",
        )
    try:
        page.save_revision(user=writer)  # the page as it is in memory
        state = WorkflowState.objects.active().for_instance(page).first()
        if state is None:
            publish_through_workflow(
                page, writer=writer, reviewer=reviewer, spokesperson=spokesperson
            )
        else:
            # Already submitted (a step was refused, changes were requested): the writer
            # resubmits if asked to, and the steps are taken where the workflow stands.
            if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                state.resume(user=writer)
            take_step(page, reviewer, "approve", attest=True)
            take_step(page, spokesperson, "approve")
    finally:
        if temporary:
            entry.delete()
    page.refresh_from_db()
    return page
