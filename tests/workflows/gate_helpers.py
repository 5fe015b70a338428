"""Shared by the gate, step, notification, takedown and concurrency tests.

* ``people()``: one account per role (+ a superuser), each with an e-mail
  address and the admin in Vietnamese (new users default to ``vi``).
* ``LivePage``: an article published through the workflow (version 1), with a
  newer draft (version 2) by the writer waiting; ``assert_untouched`` proves
  that the live page is still version 1, in the database and on the public URL.
"""

from __future__ import annotations

import contextlib
import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.core.roles import REVIEWER, SITE_ADMIN, SPOKESPERSON, TRANSLATOR, WRITER
from cms.workflows.gate import REFUSED_ACTION
from cms.workflows.models import SpokespersonEntry, SpokespersonPosition
from tests.factories import ArticlePageFactory, editorial_team, paragraphs

PASSWORD = "correct-horse-battery"
ROLES = {
    "writer": WRITER,
    "reviewer": REVIEWER,
    "spokesperson": SPOKESPERSON,
    "translator": TRANSLATOR,
    "siteadmin": SITE_ADMIN,
    "superuser": None,
}
ALL_ROLES = list(ROLES)

V1_TITLE = "Xã Xuân Trường tổ chức Hội nghị triển khai nhiệm vụ năm 2026"
V1_TEXT = "Hội nghị diễn ra tại hội trường UBND xã với sự tham dự của các thôn."
V2_TITLE = "BẢN NHÁP CHƯA DUYỆT – không được lên trang"
V2_TEXT = "Nội dung chỉnh sửa chưa được kiểm duyệt và phê duyệt."


def make_person(key: str, username: str | None = None, *, first_name="", last_name=""):
    """An active account in the group of role ``key`` ("superuser": a superuser, no group)."""
    username = username or f"p-{key}"
    user = get_user_model().objects.create_user(
        username=username,
        password=PASSWORD,
        email=f"{username}@xuantruong.ninhbinh.gov.vn",
        first_name=first_name or username,
        last_name=last_name,
        is_superuser=key == "superuser",
        is_staff=key == "superuser",
    )
    role = ROLES[key]
    if role is not None:
        user.groups.add(Group.objects.get(name=role.group_name))
    return user


def register(user, *, position=SpokespersonPosition.CHAIRMAN, days_from=-30, days_until=None):
    """A register entry for ``user``, from ``days_from`` to ``days_until`` days from today."""
    today = datetime.date.today()
    return SpokespersonEntry.objects.create(
        user=user,
        full_name=user.get_full_name() or user.username,
        position=position,
        authorisation="Quyết định số 15/QĐ-UBND ngày 01/7/2025",
        valid_from=today + datetime.timedelta(days=days_from),
        valid_until=None if days_until is None else today + datetime.timedelta(days=days_until),
        phone=f"0229 3777 {550 + user.pk % 400:03d}",
        email=f"{user.username}@xuantruong.ninhbinh.gov.vn",
    )


def person_for(key: str):
    """The account that plays role ``key`` at a door; the spokesperson is registered."""
    user = make_person(key)
    if key == "spokesperson":
        register(user)
    return user


@dataclass
class LivePage:
    page: object
    v1: object  # the live revision
    v2: object  # the writer's newer draft
    url: str

    def fresh(self):
        return type(self.page).objects.get(pk=self.page.pk)


def live_page_with_draft(**fields) -> LivePage:
    """An article live at version 1 (through the workflow) and the writer's version 2 draft."""
    fields.setdefault("title", V1_TITLE)
    fields.setdefault("body", paragraphs(V1_TEXT))
    page = ArticlePageFactory(**fields)
    page.refresh_from_db()
    v1 = page.live_revision
    writer = editorial_team()[0]
    page.title = V2_TITLE
    page.body = paragraphs(V2_TEXT)
    v2 = page.save_revision(user=writer)
    page = type(page).objects.get(pk=page.pk)
    return LivePage(page=page, v1=v1, v2=v2, url=page.get_url())


def assert_untouched(live: LivePage, client=None) -> None:
    """The live page is still version 1: in the database and on the public site."""
    page = live.fresh()
    assert page.live
    assert page.live_revision_id == live.v1.pk
    assert page.title == V1_TITLE
    assert V1_TEXT in str(page.body)
    if client is not None:
        client.logout()
        response = client.get(live.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert V1_TITLE in html
        assert V2_TITLE not in html
        assert V2_TEXT not in html


def refusals(page, door: str | None = None):
    entries = PageLogEntry.objects.filter(page_id=page.pk, action=REFUSED_ACTION)
    if door is not None:
        entries = entries.filter(data__door=door)
    return entries


def vi(message: str) -> str:
    """``message`` as a Vietnamese-speaking user sees it (once the catalogue has it)."""
    with translation.override("vi"):
        return str(gettext(message))


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def article_data(page, *, title=V2_TITLE, text=V2_TEXT, **overrides) -> dict:
    """The article edit form as the admin posts it (by default with version 2's text)."""
    data = {
        "title": title,
        "slug": page.slug,
        "kind": page.kind,
        "summary": page.summary,
        "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
        "spokesperson_name": "",
        "spokesperson_position": "",
        "spokesperson_authorisation": "",
        "rebutted_claim": "",
        "topic": str(page.topic_id),
        "tags": "",
        "author_name": page.author_name,
        "unit": page.unit,
        "publication_date": page.publication_date.isoformat(),
        "related_campaign": "",
        "feed_image": "",
        "references": streamfield([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


GATE_HEAD = "Publication refused by the information-security gate."


@contextlib.contextmanager
def shared_state(django_db_blocker):
    """Data made once for a whole test module, undone at its end.

    The module's data is written inside a transaction kept open for the module;
    each test's own transaction (pytest-django's) is then a savepoint inside it, so
    every test starts from this data and leaves it as it was.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
