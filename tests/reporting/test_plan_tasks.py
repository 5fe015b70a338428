"""The plan's tasks in the admin (*Cài đặt → Nhiệm vụ kế hoạch*) and in the page editor.

Site administrators keep the list; the editorial groups read it; nobody but a superuser
deletes, and never a task content is counted under. The editor offers the active tasks,
plus a page's own task once it is inactive.
"""

from __future__ import annotations

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.models import ArticlePage
from cms.core.roles import REVIEWER, SITE_ADMIN, SPOKESPERSON, TRANSLATOR, WRITER
from cms.reporting.models import PlanTask
from tests.factories import ArticlePageFactory
from tests.workflows.gate_helpers import ALL_ROLES, article_data, messages_of, person_for, vi

pytestmark = pytest.mark.django_db

INDEX = "plan_tasks:index"
ADD = "plan_tasks:add"


task = PlanTask.objects.by_code


def url(name: str, *args) -> str:
    return reverse(f"plan_tasks:{name}", args=args)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def task_form(**changes) -> dict:
    data = {
        "section": "IV",
        "number": "6",
        "title": "Hội Nông dân xã: tuyên truyền cho hội viên",
        "description": "",
        "lead_unit": "vhxh",
        "active": "on",
    }
    data.update(changes)
    return data


def test_the_groups_hold_the_rights_the_migration_grants():
    def codenames(role):
        group = Group.objects.get(name=role.group_name)
        return set(
            group.permissions.filter(content_type__model="plantask").values_list(
                "codename", flat=True
            )
        )

    assert codenames(SITE_ADMIN) == {"add_plantask", "change_plantask", "view_plantask"}
    for role in (WRITER, REVIEWER, SPOKESPERSON):
        assert codenames(role) == {"view_plantask"}, role.key
    assert codenames(TRANSLATOR) == set()


@pytest.mark.parametrize("key", ALL_ROLES)
def test_who_sees_the_list_and_its_menu_item(client, key):
    client.force_login(person_for(key))

    response = client.get(reverse(INDEX))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    if key == "translator":
        assert response.status_code == HTTPStatus.FOUND
        assert reverse(INDEX) not in dashboard
    else:
        assert response.status_code == HTTPStatus.OK
        listing = soup(response).select_one("#listing-results").get_text(" ", strip=True)
        assert "II.5" in listing
        assert task("II.5").title in listing
        assert reverse(INDEX) in dashboard


@pytest.mark.parametrize(
    ("key", "may_change"),
    [
        ("siteadmin", True),
        ("superuser", True),
        ("writer", False),
        ("reviewer", False),
        ("spokesperson", False),
        ("translator", False),
    ],
)
def test_only_site_administrators_add_and_change_tasks(client, key, may_change):
    client.force_login(person_for(key))
    sovereignty = task("II.5")

    edited = client.post(
        url("edit", sovereignty.pk),
        task_form(section="II", number="5", title="Tuyên truyền chủ quyền biển, đảo"),
    )
    added = client.post(reverse(ADD), task_form())

    sovereignty.refresh_from_db()
    if may_change:
        assert edited.status_code == HTTPStatus.FOUND
        assert sovereignty.title == "Tuyên truyền chủ quyền biển, đảo"
        assert added.status_code == HTTPStatus.FOUND
        assert task("IV.6").title == "Hội Nông dân xã: tuyên truyền cho hội viên"
    else:
        assert edited.status_code == HTTPStatus.FOUND
        assert edited["Location"] == reverse("wagtailadmin_home")
        assert sovereignty.title != "Tuyên truyền chủ quyền biển, đảo"
        assert not PlanTask.objects.filter(section="IV", number=6).exists()


def test_a_second_task_with_the_same_code_is_refused_and_nothing_is_lost(client):
    client.force_login(person_for("siteadmin"))
    before = PlanTask.objects.count()

    response = client.post(reverse(ADD), task_form(section="II", number="5"))

    assert response.status_code == HTTPStatus.OK  # the form again, with what was typed
    form = response.context["form"]
    assert form.errors
    assert soup(response).select_one("[name=title]")["value"] == task_form()["title"]
    assert PlanTask.objects.count() == before


def test_site_administrators_cannot_delete(client):
    client.force_login(person_for("siteadmin"))
    unused = task("IV.2")

    response = client.post(url("delete", unused.pk))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_home")
    assert PlanTask.objects.filter(pk=unused.pk).exists()


def test_a_superuser_deletes_a_task_nothing_refers_to(client):
    client.force_login(person_for("superuser"))
    unused = task("IV.2")

    response = client.post(url("delete", unused.pk))

    assert response.status_code == HTTPStatus.FOUND
    assert not PlanTask.objects.filter(pk=unused.pk).exists()


def protected_message(plan_task) -> str:
    return vi(
        "The plan task “%(task)s” cannot be deleted: articles, features or campaigns are "
        "counted under it. Mark it as inactive instead: it then stays in the reports but "
        "cannot be chosen for new content."
    ) % {"task": plan_task}


def test_deleting_a_task_an_article_is_counted_under_is_refused_with_a_message(client, home_page):
    sovereignty = task("II.5")
    ArticlePageFactory(plan_task=sovereignty)
    client.force_login(person_for("superuser"))

    confirm = client.get(url("delete", sovereignty.pk))
    response = client.post(url("delete", sovereignty.pk))

    assert confirm.status_code == HTTPStatus.OK
    # Wagtail's confirmation says references prevent it, and offers no delete button.
    assert soup(confirm).select(f'form[action="{url("delete", sovereignty.pk)}"]') == []
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == url("edit", sovereignty.pk)
    assert protected_message(sovereignty) in messages_of(response)
    assert PlanTask.objects.filter(pk=sovereignty.pk).exists()


def test_the_database_refusal_is_a_message_too(client, home_page):
    """A reference the admin's reference index does not know of (written by a script)."""
    sovereignty = task("II.5")
    page = ArticlePageFactory()
    ArticlePage.objects.filter(pk=page.pk).update(plan_task=sovereignty)
    client.force_login(person_for("superuser"))

    response = client.post(url("delete", sovereignty.pk))

    assert response.status_code == HTTPStatus.FOUND
    assert protected_message(sovereignty) in messages_of(response)
    assert PlanTask.objects.filter(pk=sovereignty.pk).exists()


# ------------------------------------------------------------------ the page editor


def offered(response) -> dict[str, bool]:
    """The plan-task options of the editor: value → selected."""
    select = soup(response).select_one("select[name=plan_task]")
    assert select is not None
    return {
        option["value"]: option.has_attr("selected")
        for option in select.find_all("option")
        if option["value"]
    }


def test_a_new_article_is_offered_the_active_tasks_only(client, home_page):
    PlanTask.objects.filter(section="IV", number=5).update(active=False)
    index = ArticlePageFactory().get_parent()
    client.force_login(person_for("writer"))

    response = client.get(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", index.pk])
    )

    assert response.status_code == HTTPStatus.OK
    choices = offered(response)
    assert str(task("II.5").pk) in choices
    assert str(task("IV.5").pk) not in choices
    assert set(choices) == {
        str(pk) for pk in PlanTask.objects.filter(active=True).values_list("pk", flat=True)
    }


def test_an_article_keeps_its_task_once_the_task_is_inactive(client, home_page):
    retired = task("IV.5")
    page = ArticlePageFactory(plan_task=retired)
    PlanTask.objects.filter(pk=retired.pk).update(active=False)
    writer = person_for("writer")
    client.force_login(writer)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])

    choices = offered(client.get(edit))
    response = client.post(edit, article_data(page, title=page.title, plan_task=str(retired.pk)))

    assert choices[str(retired.pk)] is True  # still there, and chosen
    assert response.status_code == HTTPStatus.FOUND
    draft = ArticlePage.objects.get(pk=page.pk).get_latest_revision()
    assert draft.user == writer
    assert draft.content["plan_task"] == retired.pk
