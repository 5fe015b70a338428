"""The false-information register, end to end in the Wagtail admin, in headless Chromium.

A reviewer logs in through the admin's login form, opens the register from the menu,
records an item seen on Facebook, finds it in the listing and among the open incidents
on the dashboard, then marks it rebutted by the commune's published rebuttal article,
after which it leaves the open incidents.

Labels are looked up through gettext in Vietnamese (``vi``), so the test follows the
translation catalogue instead of repeating it.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext

from articles.models import ArticleKind
from cms.core.roles import REVIEWER
from cms.reporting.models import Incident, IncidentStatus
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory

pytestmark = [
    pytest.mark.browser,
    # The live server reads committed data; serialized rollback restores what the
    # migrations created (locales, home page, groups, the workflow) after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"
ADDRESS = "https://facebook.com/groups/cho-xuan-truong/posts/987654321"
SUMMARY = "Bài viết bịa đặt rằng xã thu hồi đất nông nghiệp thôn Hành Thiện không bồi thường."
REBUTTAL = "Thông tin xã thu hồi đất không bồi thường ở thôn Hành Thiện là sai sự thật"


def vi(message: str, **values) -> str:
    """What the Vietnamese admin shows for ``message``."""
    with translation.override("vi"):
        text = gettext(message)
    return text % values if values else text


def label(message: str) -> str:
    """A form label: the field's name as the admin capitalises it."""
    return capfirst(vi(message))


@pytest.fixture
def reviewer(transactional_db):
    user = get_user_model().objects.create_user(
        username="kiemduyet",
        password=PASSWORD,
        first_name="Trần Văn",
        last_name="Lâm",
        email="kiemduyet@xuantruong.ninhbinh.gov.vn",
    )
    user.groups.add(Group.objects.get(name=REVIEWER.group_name))
    return user


@pytest.fixture
def rebuttal(transactional_db):
    """The commune's published rebuttal article, published through the workflow."""
    index = ArticleIndexPageFactory(title="Tin tức – Sự kiện")
    return ArticlePageFactory(
        parent=index,
        title=REBUTTAL,
        kind=ArticleKind.REBUTTAL,
        rebutted_claim="Bài đăng trên mạng xã hội nói rằng xã thu hồi đất không bồi thường.",
    )


def log_in(tab, username):
    tab.goto("/admin/login/")
    tab.fill('input[name="username"]', username)
    tab.fill('input[name="password"]', PASSWORD)
    with tab.expect_navigation():
        tab.locator('form button[type="submit"]').click()
    return tab


def choose(tab, field: str, option: str):
    """Pick ``option`` in the form's drop-down list labelled with ``field``."""
    tab.get_by_role("combobox", name=label(field)).select_option(label=option)


def open_incidents_panel(tab):
    tab.goto("/admin/")
    return tab.get_by_role("region", name=vi("Open false-information incidents"))


def submit(tab, button: str, expect):
    """Submit the form with its button (Create on the add form, Save on the edit form)."""
    with tab.expect_navigation():
        tab.get_by_role("button", name=vi(button), exact=True).click()
    expect(tab.locator(".messages li.error")).to_have_count(0)
    expect(tab).to_have_url(re.compile(r"/admin/incidents/$"))


def choose_rebuttal_page(tab, expect):
    """Pick the rebuttal article in the page chooser (it offers articles only)."""
    tab.locator("#id_rebuttal_page-chooser [data-chooser-action-choose]").click()
    tab.locator(".modal").get_by_role("link", name=REBUTTAL).click()
    expect(tab.locator("#id_rebuttal_page-chooser")).to_contain_text(REBUTTAL)


def test_reviewer_records_an_incident_and_rebuts_it(page, reviewer, rebuttal, expect):
    tab = log_in(page, reviewer.username)

    tab.locator("#wagtail-sidebar").get_by_role(
        "link", name=vi("False-information register")
    ).click()
    expect(tab).to_have_url(re.compile(r"/admin/incidents/$"))
    add = capfirst(vi("Add %(model_name)s", model_name=vi("false-information incident")))
    tab.get_by_role("link", name=add).click()

    choose(tab, "platform", "Facebook")
    tab.get_by_role("textbox", name=label("address")).fill(ADDRESS)
    tab.get_by_role("textbox", name=label("content summary")).fill(SUMMARY)
    choose(tab, "category", vi("Local administration"))
    choose(tab, "severity", vi("High"))
    submit(tab, "Create", expect)

    incident = Incident.objects.get()
    assert (incident.address, incident.created_by) == (ADDRESS, reviewer)
    listed = tab.get_by_role("link", name=SUMMARY)
    expect(listed).to_be_visible()
    # The address is kept, never offered as a link.
    expect(tab.locator(f'a[href*="{ADDRESS}"]')).to_have_count(0)

    panel = open_incidents_panel(tab)
    expect(panel.get_by_role("link", name=SUMMARY)).to_be_visible()
    expect(panel.locator("dd[data-count=open]")).to_have_text("1")

    with tab.expect_navigation():
        panel.get_by_role("link", name=SUMMARY).click()
    choose(tab, "status", vi("Rebutted"))
    choose_rebuttal_page(tab, expect)
    submit(tab, "Save", expect)

    incident.refresh_from_db()
    assert incident.status == IncidentStatus.REBUTTED
    assert incident.rebuttal_page_id == rebuttal.pk
    panel = open_incidents_panel(tab)
    expect(panel.locator("dd[data-count=open]")).to_have_text("0")
    expect(panel.get_by_role("link", name=SUMMARY)).to_have_count(0)
    expect(panel).to_contain_text(vi("No open incidents."))
