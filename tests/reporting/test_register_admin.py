"""The false-information register in the admin: who may do what, the form's rules, what the
listing shows (and never shows as a link), overdue incidents, and the history.

Requests are made as the real editorial accounts (``editorial_team``) plus a translator and
a site administrator, against the real views and database. Texts are compared with what
the Vietnamese admin shows (``vi``), which is the English message until the catalogue
has a translation, so the tests hold before and after the translations are merged.
"""

from __future__ import annotations

import datetime
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from cms.core.roles import SITE_ADMIN, TRANSLATOR
from cms.reporting.models import Incident, IncidentSeverity, IncidentStatus
from cms.reporting.signal_handlers import INCIDENT_CHANGE
from tests.factories import ArticlePageFactory, CustomImageFactory, editorial_team

pytestmark = pytest.mark.django_db

ADDRESS = "https://facebook.com/groups/tin-xuan-truong/posts/123456789"
SUMMARY = "Bài đăng sai sự thật về việc thu hồi đất làm khu công nghiệp ở thôn Hành Thiện."
NOT_PUBLISHED = (
    "This article is not published yet. Keep the status at “Verifying” until the rebuttal "
    "is published."
)
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def vi(message: str) -> str:
    """What the Vietnamese admin shows for ``message``."""
    with translation.override("vi"):
        return gettext(message)


def url(name: str, *args) -> str:
    return reverse(f"incidents:{name}", args=args)


def make_user(role, username):
    user = get_user_model().objects.create_user(username=username, password="x" * 16)
    user.groups.add(Group.objects.get(name=role.group_name))
    return user


@pytest.fixture
def team():
    writer, reviewer, spokesperson = editorial_team()
    return {
        "writer": writer,
        "reviewer": reviewer,
        "spokesperson": spokesperson,
        "translator": make_user(TRANSLATOR, "bien-dich"),
        "siteadmin": make_user(SITE_ADMIN, "quan-tri"),
    }


def make_incident(**values) -> Incident:
    fields = {
        "seen_at": timezone.now() - datetime.timedelta(hours=1),
        "platform": "facebook",
        "address": ADDRESS,
        "summary": SUMMARY,
        "category": "local_administration",
        "severity": "high",
    }
    fields.update(values)
    return Incident.objects.create(**fields)


def form_data(**changes) -> dict:
    data = {
        "seen_at": "02/09/2025 08:30",
        "platform": "facebook",
        "address": ADDRESS,
        "summary": SUMMARY,
        "category": "local_administration",
        "severity": "high",
        "unit": "vhxh",
        "status": "new",
        "rebuttal_page": "",
        "screenshot": "",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(response) -> str:
    return soup(response).get_text(" ", strip=True)


def rows(response) -> list:
    """The listing's rows."""
    return soup(response).select("table.listing tbody tr")


def row_link(row):
    """The row's link: its summary, to the edit view (the inspect view for readers)."""
    return row.select_one("td.title .title-wrapper a")


def links_to_address(page: BeautifulSoup) -> list:
    return [a for a in page.find_all("a") if "facebook.com" in (a.get("href") or "")]


def refused(response) -> bool:
    """Wagtail answers a user without the permission with 403, or sends them to the
    dashboard with a message; either way not to the screen asked for."""
    if response.status_code == HTTPStatus.FORBIDDEN:
        return True
    return response.status_code == HTTPStatus.FOUND and "/incidents/" not in response["Location"]


# ------------------------------------------------------------------ permissions


@pytest.mark.parametrize(
    ("role", "may_view"),
    [
        ("reviewer", True),
        ("writer", True),
        ("spokesperson", True),
        ("translator", False),
        ("siteadmin", False),
    ],
)
def test_who_sees_the_register_and_its_menu_item(client, team, role, may_view):
    make_incident()
    client.force_login(team[role])

    listing = client.get(url("index"))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    if may_view:
        assert listing.status_code == HTTPStatus.OK
        assert SUMMARY[:40] in listing.content.decode()
        assert url("index") in dashboard  # the menu item
    else:
        assert refused(listing)
        assert url("index") not in dashboard


@pytest.mark.parametrize("role", ["writer", "spokesperson"])
def test_readers_have_no_add_edit_or_delete_buttons_and_open_the_inspect_view(client, team, role):
    incident = make_incident()
    client.force_login(team[role])

    page = soup(client.get(url("index")))

    hrefs = {a.get("href") for a in page.find_all("a")}
    assert url("add") not in hrefs
    assert url("edit", incident.pk) not in hrefs
    assert url("delete", incident.pk) not in hrefs
    assert url("inspect", incident.pk) in hrefs
    inspect = client.get(url("inspect", incident.pk))
    assert inspect.status_code == HTTPStatus.OK
    assert SUMMARY in inspect.content.decode()


@pytest.mark.parametrize("role", ["writer", "spokesperson", "translator", "siteadmin"])
def test_only_reviewers_may_add_a_crafted_post_creates_nothing(client, team, role):
    client.force_login(team[role])

    assert refused(client.get(url("add")))
    assert refused(client.post(url("add"), form_data()))
    assert not Incident.objects.exists()


@pytest.mark.parametrize("role", ["writer", "spokesperson", "translator", "siteadmin"])
def test_only_reviewers_may_edit_a_crafted_post_changes_nothing(client, team, role):
    incident = make_incident()
    client.force_login(team[role])

    assert refused(client.get(url("edit", incident.pk)))
    response = client.post(url("edit", incident.pk), form_data(status="closed", summary="Đã xử lý"))

    assert refused(response)
    incident.refresh_from_db()
    assert (incident.status, incident.summary) == (IncidentStatus.NEW, SUMMARY)


@pytest.mark.parametrize("role", ["reviewer", "writer", "spokesperson", "translator", "siteadmin"])
def test_nobody_but_a_superuser_deletes(client, team, role):
    incident = make_incident()
    client.force_login(team[role])

    assert refused(client.get(url("delete", incident.pk)))
    assert refused(client.post(url("delete", incident.pk)))
    assert Incident.objects.filter(pk=incident.pk).exists()


def test_a_superuser_may_delete_and_the_deletion_is_logged(admin_client):
    incident = make_incident()

    response = admin_client.post(url("delete", incident.pk))

    assert response.status_code == HTTPStatus.FOUND
    assert not Incident.objects.filter(pk=incident.pk).exists()
    entry = ModelLogEntry.objects.get(
        action=INCIDENT_CHANGE, object_id=str(incident.pk), deleted=True
    )
    assert entry.data["before"]["address"] == ADDRESS
    assert entry.data["after"] is None


# ------------------------------------------------------------------ the form


def test_a_reviewer_records_an_incident_and_is_its_author(client, team):
    reviewer = team["reviewer"]
    client.force_login(reviewer)

    form = client.get(url("add"))
    response = client.post(url("add"), form_data())

    assert form.status_code == HTTPStatus.OK
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    assert response["Location"] == url("index")
    incident = Incident.objects.get()
    assert incident.created_by == reviewer
    assert incident.address == ADDRESS
    assert incident.status == IncidentStatus.NEW
    local = timezone.localtime(incident.seen_at)
    assert (local.date(), local.hour, local.minute) == (datetime.date(2025, 9, 2), 8, 30)
    logged = ModelLogEntry.objects.get(action=INCIDENT_CHANGE, object_id=str(incident.pk))
    assert logged.user == reviewer
    assert logged.data["before"] is None
    assert logged.data["after"]["summary"] == SUMMARY
    # Readers see the time in the commune's time zone and who recorded it.
    client.force_login(team["writer"])
    details = text(client.get(url("inspect", incident.pk)))
    assert "02/09/2025 08:30" in details
    assert reviewer.get_full_name() in details


def test_a_screenshot_needs_the_redaction_confirmed(client, team):
    client.force_login(team["reviewer"])
    screenshot = CustomImageFactory()

    refused_form = client.post(url("add"), form_data(screenshot=str(screenshot.pk)))
    accepted = client.post(
        url("add"), form_data(screenshot=str(screenshot.pk), screenshot_redacted="on")
    )

    assert refused_form.status_code == HTTPStatus.OK
    error = vi("Confirm that names, faces and avatars are hidden before attaching a screenshot.")
    assert error in text(refused_form)
    assert accepted.status_code == HTTPStatus.FOUND
    incident = Incident.objects.get()  # only the confirmed one was saved
    assert (incident.screenshot, incident.screenshot_redacted) == (screenshot, True)


def test_rebutted_needs_a_published_article(client, team, home_page):
    client.force_login(team["reviewer"])
    incident = make_incident(status=IncidentStatus.VERIFYING)
    draft = ArticlePageFactory(publish=False)
    rebuttal = ArticlePageFactory(title="Thông tin thu hồi đất ở thôn Hành Thiện là sai sự thật")
    edit = url("edit", incident.pk)

    without_page = client.post(edit, form_data(status="rebutted"))
    with_draft = client.post(edit, form_data(status="rebutted", rebuttal_page=str(draft.pk)))
    not_an_article = client.post(
        edit, form_data(status="rebutted", rebuttal_page=str(home_page.pk))
    )

    for response in (without_page, with_draft, not_an_article):
        assert response.status_code == HTTPStatus.OK
    assert vi("Choose the published page that rebuts this item.") in text(without_page)
    assert vi(NOT_PUBLISHED) in text(with_draft)
    assert vi("Choose one of the commune's articles.") in text(not_an_article)
    incident.refresh_from_db()
    assert (incident.status, incident.rebuttal_page) == (IncidentStatus.VERIFYING, None)

    done = client.post(edit, form_data(status="rebutted", rebuttal_page=str(rebuttal.pk)))

    assert done.status_code == HTTPStatus.FOUND
    incident.refresh_from_db()
    assert incident.status == IncidentStatus.REBUTTED
    assert incident.rebuttal_page.specific == rebuttal
    assert incident.responded_at is not None
    (row,) = rows(client.get(url("index")))
    assert rebuttal.title in row.get_text()


def test_a_crafted_future_time_is_refused_with_a_message(client, team):
    client.force_login(team["reviewer"])
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)

    response = client.post(url("add"), form_data(seen_at=tomorrow.strftime("%d/%m/%Y %H:%M")))

    assert response.status_code == HTTPStatus.OK
    assert vi("The time seen cannot be in the future.") in text(response)
    assert not Incident.objects.exists()


# ------------------------------------------------------------------ what is shown


def test_the_address_is_text_never_a_link(client, team):
    incident = make_incident()
    client.force_login(team["reviewer"])
    client.post(url("edit", incident.pk), form_data(status="verifying"))

    screens = {
        "listing": client.get(url("index"), {"q": "tin-xuan-truong"}),
        "edit": client.get(url("edit", incident.pk)),
        "inspect": client.get(url("inspect", incident.pk)),
        "history": client.get(url("history", incident.pk)),
        "dashboard": client.get(reverse("wagtailadmin_home")),
    }

    for name, response in screens.items():
        assert response.status_code == HTTPStatus.OK, name
        assert links_to_address(soup(response)) == [], name
    # Found by its address, listed by its summary; the address itself is not in the listing.
    assert SUMMARY[:40] in screens["listing"].content.decode()
    assert ADDRESS not in screens["listing"].content.decode()
    assert soup(screens["edit"]).find("input", attrs={"name": "address"})["value"] == ADDRESS
    assert ADDRESS in soup(screens["inspect"]).get_text()
    assert ADDRESS in soup(screens["history"]).get_text()


def test_a_script_in_the_summary_is_shown_as_text(client, team):
    incident = make_incident(summary=XSS)
    client.force_login(team["reviewer"])

    for response in (
        client.get(url("index")),
        client.get(url("edit", incident.pk)),
        client.get(url("inspect", incident.pk)),
        client.get(reverse("wagtailadmin_home")),
    ):
        html = response.content.decode()
        assert '<script>alert("x")' not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;" in html


def test_search_and_filters(client, team):
    facebook = make_incident(summary="Tin đồn trên Facebook về giá đất")
    zalo = make_incident(
        platform="zalo",
        address="Nhóm Zalo Thôn Đông",
        summary="Tin nhắn Zalo xuyên tạc về chủ quyền biển đảo",
        category="sovereignty",
        status=IncidentStatus.VERIFYING,
        seen_at=timezone.now() - datetime.timedelta(days=10),
    )
    client.force_login(team["writer"])

    def listed(**query):
        links = {row_link(row)["href"] for row in rows(client.get(url("index"), query))}
        return {
            incident.pk for incident in (facebook, zalo) if url("inspect", incident.pk) in links
        }

    assert listed() == {facebook.pk, zalo.pk}
    assert listed(q="Thôn Đông") == {zalo.pk}
    assert listed(platform="zalo") == {zalo.pk}
    assert listed(category="local_administration") == {facebook.pk}
    assert listed(status=["new"]) == {facebook.pk}
    day = timezone.localdate() - datetime.timedelta(days=10)
    assert listed(seen_at_from=day.isoformat(), seen_at_to=day.isoformat()) == {zalo.pk}


def test_newest_first(client, team):
    older = make_incident(summary="Tin cũ", seen_at=timezone.now() - datetime.timedelta(days=3))
    newer = make_incident(summary="Tin mới", seen_at=timezone.now() - datetime.timedelta(hours=2))
    client.force_login(team["reviewer"])

    listed = [row_link(row)["href"] for row in rows(client.get(url("index")))]

    assert listed == [url("edit", newer.pk), url("edit", older.pk)]


def overdue_rows(client) -> dict[str, bool]:
    """Summary → whether the row says "Overdue"."""
    label = vi("Overdue")
    return {
        row_link(row).get_text(strip=True): label in row.get_text()
        for row in rows(client.get(url("index")))
    }


def test_overdue_open_incidents_are_labelled_after_the_configured_hours(client, team):
    make_incident(summary="Mới ba giờ", seen_at=timezone.now() - datetime.timedelta(hours=3))
    make_incident(
        summary="Đã phản bác từ lâu",
        status=IncidentStatus.CLOSED,
        seen_at=timezone.now() - datetime.timedelta(days=5),
    )
    client.force_login(team["reviewer"])

    with override_settings(INCIDENT_OVERDUE_HOURS=2):
        assert overdue_rows(client) == {"Mới ba giờ": True, "Đã phản bác từ lâu": False}
    with override_settings(INCIDENT_OVERDUE_HOURS=5):
        assert overdue_rows(client) == {"Mới ba giờ": False, "Đã phản bác từ lâu": False}


def test_the_history_shows_the_values_before_and_after(client, team):
    incident = make_incident(seen_at=timezone.make_aware(datetime.datetime(2025, 9, 2, 8, 30)))
    client.force_login(team["reviewer"])

    client.post(url("edit", incident.pk), form_data(status="verifying", severity="medium"))
    history = soup(client.get(url("history", incident.pk))).get_text(" ", strip=True)

    entry = ModelLogEntry.objects.filter(action=INCIDENT_CHANGE, object_id=str(incident.pk)).latest(
        "pk"
    )
    assert entry.data["changed"] == ["severity", "status"]
    assert vi("Change the false-information register") in history
    for label in (
        IncidentStatus.NEW.label,
        IncidentStatus.VERIFYING.label,
        IncidentSeverity.HIGH.label,
        IncidentSeverity.MEDIUM.label,
    ):
        assert vi(label) in history
