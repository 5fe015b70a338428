"""The out-of-date translations report: English pages whose Vietnamese source was
published after the translation was last synced, with a link to update them."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from html import unescape
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail_localize.models import Translation

from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    TopicFactory,
    editorial_team,
    get_home_page,
    publish_page,
    translate_page,
)
from tests.workflows.gate_helpers import ALL_ROLES, person_for, shared_state, vi

from .conftest import english_page, localize

pytestmark = pytest.mark.django_db

REPORT = "translations:outdated_report"

UP_TO_DATE_VI = "Xã Xuân Trường đón đoàn doanh nghiệp Nhật Bản đến tìm hiểu đầu tư"
UP_TO_DATE_EN = "Xuan Truong welcomes a delegation of Japanese businesses"
OUTDATED_VI = "Cụm công nghiệp Xuân Trường mở rộng thêm 20 ha"
OUTDATED_VI_NEW = "Cụm công nghiệp Xuân Trường mở rộng thêm 25 ha"
OUTDATED_EN = "Xuan Truong industrial cluster expands by 20 ha"


@dataclass
class World:
    up_to_date: Translation
    outdated: Translation
    index: object


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """Two articles translated into English; the second one's Vietnamese page was then
    changed and published again through the workflow."""
    with shared_state(django_db_blocker):
        translate_page(
            get_home_page("vi"), "en", title="Xuan Truong Commune External Information Portal"
        )
        index = ArticleIndexPageFactory()
        up_to_date = localize(
            ArticlePageFactory(parent=index, title=UP_TO_DATE_VI),
            titles={UP_TO_DATE_VI: UP_TO_DATE_EN},
        )
        outdated_page = ArticlePageFactory(parent=index, title=OUTDATED_VI)
        outdated = localize(outdated_page, titles={OUTDATED_VI: OUTDATED_EN})
        outdated_page.title = OUTDATED_VI_NEW
        publish_page(outdated_page)
        yield World(up_to_date=up_to_date, outdated=outdated, index=index)


@pytest.fixture
def world(module_world, db):
    return module_world


def rows(response) -> str:
    """The report's results (the page around them names no page)."""
    html = response.content.decode()
    start = html.find('id="listing-results"')
    assert start != -1
    return html[start : html.find("</table>", start)]


def source_page(translation):
    return translation.source.get_source_instance()


def report_as(client, key):
    user = person_for(key)
    client.force_login(user)
    return client.get(reverse(REPORT))


def assert_refused(client, response):
    """Wagtail's answer to a user without the right: back to the dashboard with a message
    (403 to a script)."""
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_home")
    messages = [str(m).strip() for m in get_messages(response.wsgi_request)]
    assert vi("Sorry, you do not have permission to access this area.") in messages
    xhr = client.get(reverse(REPORT), headers={"x-requested-with": "XMLHttpRequest"})
    assert xhr.status_code == HTTPStatus.FORBIDDEN


def test_a_source_published_after_the_last_sync_is_listed_and_an_up_to_date_one_is_not(
    client, world
):
    response = report_as(client, "translator")

    assert response.status_code == HTTPStatus.OK
    table = rows(response)
    assert OUTDATED_EN in table
    assert OUTDATED_VI_NEW in table  # the source's current title
    en_page = english_page(world.outdated)
    vi_page = source_page(world.outdated)
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[en_page.pk])}"' in table
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[vi_page.pk])}"' in table
    assert UP_TO_DATE_EN not in table
    assert UP_TO_DATE_VI not in table
    [row] = response.context["object_list"]
    assert row.source_published_at == vi_page.last_published_at
    assert row.synced_at == world.outdated.source.last_updated_at
    assert row.synced_at < row.source_published_at


def test_a_newer_draft_of_the_source_does_not_count_until_it_is_published(client, world):
    """Syncing copies the source's published text: a draft has nothing to give yet."""
    page = source_page(world.up_to_date)
    page.title = "BẢN NHÁP: tiêu đề mới chưa được duyệt"
    page.save_revision(user=editorial_team()[0])

    response = report_as(client, "translator")

    assert UP_TO_DATE_EN not in rows(response)

    publish_page(page)
    response = client.get(reverse(REPORT))

    assert UP_TO_DATE_EN in rows(response)


def update_link(response, translation) -> str:
    table = unescape(rows(response))
    prefix = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    start = table.find(f'href="{prefix}')
    assert start != -1, "no update link for the translation"
    start += len('href="')
    return table[start : table.find('"', start)]


def test_after_updating_the_translation_it_leaves_the_report(client, world):
    report = report_as(client, "translator")
    link = update_link(report, world.outdated)
    assert parse_qs(urlsplit(link).query)["next"] == [reverse(REPORT)]

    form = client.get(link)
    response = client.post(link, {})

    assert form.status_code == HTTPStatus.OK
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse(REPORT)  # back to the report
    world.outdated.source.refresh_from_db()
    assert world.outdated.source.object_repr == OUTDATED_VI_NEW  # the new text was synced
    after = client.get(reverse(REPORT))
    assert OUTDATED_EN not in rows(after)
    assert after.context["object_list"] == []
    assert (
        vi(
            "No translation is out of date: every translation was synced after its "
            "source page was last published."
        )
        in after.content.decode()
    )


def test_the_update_label_is_the_one_users_click(client, world):
    response = report_as(client, "translator")

    assert vi("Update translation") in rows(response)


@pytest.mark.parametrize("key", ALL_ROLES)
def test_who_sees_the_report_and_its_menu_item(client, world, key):
    response = report_as(client, key)
    dashboard = client.get(reverse("wagtailadmin_home"))

    menu_has_it = reverse(REPORT) in dashboard.content.decode()
    if key == "writer":
        assert_refused(client, response)
        assert not menu_has_it
    else:  # translator, reviewer, spokesperson, site administrator, superuser
        assert response.status_code == HTTPStatus.OK
        assert OUTDATED_EN in rows(response)
        assert menu_has_it


def test_the_permission_is_what_opens_the_report(client, world):
    """A writer given the permission sees the report; the groups hold it, nothing else."""
    from django.contrib.auth.models import Permission

    writer = person_for("writer")
    client.force_login(writer)
    assert_refused(client, client.get(reverse(REPORT)))

    writer.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="translations", codename="view_outdated_report"
        )
    )
    writer = type(writer).objects.get(pk=writer.pk)
    client.force_login(writer)

    assert client.get(reverse(REPORT)).status_code == HTTPStatus.OK


@pytest.mark.parametrize(
    ("key", "edit", "update"),
    [
        ("translator", True, True),
        ("reviewer", True, False),  # may edit pages, may not sync translations
        ("siteadmin", False, False),  # sees the report, edits no page
        ("superuser", True, True),
    ],
)
def test_links_follow_the_users_rights(client, world, key, edit, update):
    response = report_as(client, key)

    table = rows(response)
    en_edit = reverse("wagtailadmin_pages:edit", args=[english_page(world.outdated).pk])
    sync = reverse("wagtail_localize:update_translations", args=[world.outdated.source_id])
    assert OUTDATED_EN in table
    assert (f'href="{en_edit}"' in table) is edit
    assert (sync in table) is update


def test_labels_are_in_vietnamese(client, world):
    response = report_as(client, "translator")

    html = response.content.decode()
    assert '<html lang="vi"' in html
    for msgid in (
        "Out-of-date translations",
        "Translated page",
        "Source page",
        "Source published at",
        "Last synced at",
        "Update translation",
    ):
        assert vi(msgid) in html, msgid
    assert vi("Actions") == "Thao tác"  # Wagtail's own strings come from our admin catalogue
    assert "Thao tác" in html


def test_export_lists_the_same_rows(client, world):
    client.force_login(person_for("translator"))

    response = client.get(reverse(REPORT), {"export": "csv"})

    assert response.status_code == HTTPStatus.OK
    content = b"".join(response.streaming_content).decode()
    [heading, row] = list(csv.reader(io.StringIO(content)))
    assert heading == [
        vi("Translated page"),
        vi("Language"),
        vi("Source page"),
        vi("Source published at"),
        vi("Last synced at"),
    ]
    assert row[0] == OUTDATED_EN
    assert row[2] == OUTDATED_VI_NEW
    xlsx = client.get(reverse(REPORT), {"export": "xlsx"})
    assert xlsx.status_code == HTTPStatus.OK
    assert xlsx["Content-Disposition"].startswith("attachment")


def test_a_stopped_translation_and_a_snippet_are_not_listed(client, world):
    """A disabled translation (stopped, or converted to an alias) is not waiting for an
    update, and snippets are not pages."""
    Translation.objects.filter(pk=world.outdated.pk).update(enabled=False)
    topic = TopicFactory()
    localize(topic, draft=False)  # published at once: topics have no drafts
    topic_source = Translation.objects.get(source__object_id=topic.translation_key).source
    topic_source.__class__.objects.filter(pk=topic_source.pk).update(
        last_updated_at=topic_source.last_updated_at.replace(year=2000)
    )

    response = report_as(client, "translator")

    assert response.status_code == HTTPStatus.OK
    assert response.context["object_list"] == []


def add_outdated_article(index, n):
    page = ArticlePageFactory(parent=index, title=f"Tin cần dịch lại số {n}")
    translation = localize(page, titles={page.title: f"Article to translate again {n}"})
    page.title = f"Tin cần dịch lại số {n} (đã sửa)"
    publish_page(page)
    return translation


def test_the_number_of_queries_does_not_grow_with_the_pages(
    client, world, django_assert_max_num_queries
):
    client.force_login(person_for("siteadmin"))  # no page rights: the costliest checks
    client.get(reverse(REPORT))  # warm the per-process caches (locales, content types)
    with CaptureQueriesContext(connection) as one_row:
        response = client.get(reverse(REPORT))
    assert len(response.context["object_list"]) == 1

    for n in range(4):
        add_outdated_article(world.index, n)

    with django_assert_max_num_queries(len(one_row)):
        response = client.get(reverse(REPORT))
    assert len(response.context["object_list"]) == 5
