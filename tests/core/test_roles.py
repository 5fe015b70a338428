"""The editorial roles exist as Django groups, created by a data migration."""

import io
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission, Page, WorkflowPage

from cms.core.roles import REVIEWER, ROLES, SPOKESPERSON, TRANSLATOR, WRITER
from cms.workflows.models import ReviewTask, SpokespersonApprovalTask
from tests.factories import get_home_page

pytestmark = pytest.mark.django_db


def test_role_keys_group_names_and_demo_users_are_distinct():
    for attribute in ("key", "group_name", "demo_username"):
        values = [getattr(role, attribute) for role in ROLES]
        assert len(set(values)) == len(ROLES), f"duplicate {attribute}"


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.key)
def test_every_role_has_its_group(role):
    assert Group.objects.filter(name=role.group_name).exists(), (
        f"group {role.group_name!r} for role {role.key!r} is missing"
    )


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.key)
def test_every_role_group_may_use_the_admin(role):
    group = Group.objects.get(name=role.group_name)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert "access_admin" in codenames


def test_nobody_holds_the_right_to_publish_directly():
    """Decree 09/2017/ND-CP: publication is the spokesperson's decision, taken in the workflow.

    No group keeps Wagtail's publish right, the spokesperson's included: a page
    goes live only when the spokesperson approves the workflow's last step.
    """
    assert not GroupPagePermission.objects.filter(permission__codename="publish_page").exists()
    spokesperson = Group.objects.get(name=SPOKESPERSON.group_name)
    assert not spokesperson.permissions.filter(codename="publish_page").exists()


def test_every_page_is_under_the_two_step_workflow():
    """Assigned at the tree root: review by the reviewers, then the spokesperson's approval."""
    root = Page.get_first_root_node()
    workflow = WorkflowPage.objects.get(page=root).workflow

    assert workflow.active
    assert workflow.name == "Duyệt tin bài thông tin đối ngoại"
    tasks = [task.specific for task in workflow.tasks.order_by("workflow_tasks__sort_order")]
    assert [type(task) for task in tasks] == [ReviewTask, SpokespersonApprovalTask]
    assert [task.name for task in tasks] == ["Biên tập – kiểm duyệt", "Người phát ngôn phê duyệt"]
    assert [[group.name for group in task.groups.all()] for task in tasks] == [
        [REVIEWER.group_name],
        [SPOKESPERSON.group_name],
    ]
    assert all(task.active for task in tasks)
    assert get_home_page("vi").get_workflow() == workflow  # inherited by every page


def test_writers_may_draft_pages_everywhere():
    permissions = GroupPagePermission.objects.filter(group__name=WRITER.group_name)

    codenames = set(permissions.values_list("permission__codename", flat=True))
    assert {"add_page", "change_page"} <= codenames
    assert "publish_page" not in codenames
    assert {permission.page.depth for permission in permissions} == {1}  # the tree root


def _member_of(role, django_user_model):
    user = django_user_model.objects.create_user(
        username=f"{role.key}-tester", password="x-test-password-1234"
    )
    user.groups.add(Group.objects.get(name=role.group_name))
    return user


def test_a_writer_uploads_an_image_with_alt_text_and_credit(client, django_user_model):
    """Wagtail checks image rights per collection: writers need them on the root collection."""
    client.force_login(_member_of(WRITER, django_user_model))
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "JPEG")

    form = client.get(reverse("wagtailimages:add"))
    assert form.status_code == HTTPStatus.OK

    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Lễ chào cờ tại UBND xã",
            "file": SimpleUploadedFile("chao-co.jpg", buffer.getvalue(), "image/jpeg"),
            "description": "Cán bộ xã dự lễ chào cờ sáng thứ Hai",
            "credit": "Ảnh: Trung tâm VH-TT&TT xã",
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == HTTPStatus.FOUND, response.content[:500]
    image = get_image_model().objects.get(title="Lễ chào cờ tại UBND xã")
    assert image.credit == "Ảnh: Trung tâm VH-TT&TT xã"


@pytest.mark.parametrize("role", [SPOKESPERSON, TRANSLATOR], ids=lambda role: role.key)
def test_roles_that_do_not_write_cannot_upload_images(client, django_user_model, role):
    client.force_login(_member_of(role, django_user_model))

    response = client.get(reverse("wagtailimages:add"))

    assert response.status_code != HTTPStatus.OK
    assert not get_image_model().objects.exists()
