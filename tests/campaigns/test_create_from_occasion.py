"""“Tạo chiến dịch”: a writer creates a draft campaign from an occasion in one step."""

import datetime
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from campaigns.models import CampaignPage
from cms.security.scanner import scan_text
from tests.factories import CampaignIndexPageFactory, OccasionFactory, get_locale, translate_page
from tests.factories.workflows import editorial_team

pytestmark = pytest.mark.django_db

D = datetime.date
LISTING = reverse("wagtailsnippets_campaigns_occasion:list")


@pytest.fixture(autouse=True)
def today(monkeypatch):
    real = timezone.localdate
    monkeypatch.setattr(
        timezone,
        "localdate",
        lambda value=None, tz=None: D(2026, 11, 10) if value is None else real(value, tz),
    )


@pytest.fixture
def campaign_index(home_page):
    return CampaignIndexPageFactory(parent=home_page, title="Chiến dịch tuyên truyền")


@pytest.fixture
def teachers_day(db):
    return OccasionFactory(name="Ngày Nhà giáo Việt Nam", day=20, month=11, founding_year=1982)


@pytest.fixture
def writer():
    return editorial_team()[0]


@pytest.fixture
def reviewer():
    return editorial_team()[1]


def create_url(occasion) -> str:
    return reverse("campaigns_create_from_occasion", args=[occasion.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_writer_creates_a_draft_campaign(client, writer, campaign_index, teachers_day):
    client.force_login(writer)

    response = client.post(create_url(teachers_day))

    campaign = CampaignPage.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[campaign.pk])
    assert messages_of(response) == [
        "Đã tạo bản nháp chiến dịch “Kỷ niệm 44 năm Ngày Nhà giáo Việt Nam (20/11/1982 – "
        "20/11/2026)”: hãy hoàn thiện nội dung rồi gửi duyệt."
    ]
    assert campaign.title == "Kỷ niệm 44 năm Ngày Nhà giáo Việt Nam (20/11/1982 – 20/11/2026)"
    assert campaign.get_parent().pk == campaign_index.pk
    assert campaign.occasion == teachers_day
    assert (campaign.start_date, campaign.end_date) == (D(2026, 11, 6), D(2026, 11, 21))
    assert "Ngày Nhà giáo Việt Nam, 20/11/2026" in campaign.summary
    assert campaign.anniversary == 44
    assert not campaign.live  # the workflow publishes it
    revision = campaign.latest_revision
    assert revision.user == writer
    assert campaign.owner == writer
    # the title passes the checker's anniversary rule
    assert [f.rule for f in scan_text(campaign.title)] == []
    # the editor opens on it
    assert client.get(response["Location"]).status_code == HTTPStatus.OK


def test_the_writer_sees_the_button_in_the_listing(client, writer, campaign_index, teachers_day):
    client.force_login(writer)

    soup = BeautifulSoup(client.get(LISTING).content, "html.parser")

    form = soup.select_one(f'form[action="{create_url(teachers_day)}"]')
    assert form["method"] == "post"
    assert form.select_one('input[name="csrfmiddlewaretoken"]')
    assert form.button.get_text(strip=True) == "Tạo chiến dịch"
    row = form.find_parent("tr").get_text(" ", strip=True)
    assert "20/11/2026 (44 năm)" in row  # when it comes next, and which anniversary


def test_a_reviewer_may_not_create_a_campaign(client, reviewer, campaign_index, teachers_day):
    client.force_login(reviewer)

    listing = client.get(LISTING)
    response = client.post(create_url(teachers_day))

    assert create_url(teachers_day).encode() not in listing.content
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == LISTING
    assert messages_of(response) == ["Bạn không có quyền tạo chiến dịch."]
    assert not CampaignPage.objects.exists()


def test_a_second_click_opens_the_campaign_instead_of_a_duplicate(
    client, writer, campaign_index, teachers_day
):
    client.force_login(writer)
    client.post(create_url(teachers_day))
    campaign = CampaignPage.objects.get()

    response = client.post(create_url(teachers_day))

    assert CampaignPage.objects.count() == 1
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[campaign.pk])
    assert messages_of(response)[-1] == (
        "Đã có chiến dịch cho ngày lễ này vào ngày 20/11/2026: “Kỷ niệm 44 năm Ngày Nhà giáo"
        " Việt Nam (20/11/1982 – 20/11/2026)”."
    )


def test_last_years_campaign_is_not_this_years(client, writer, campaign_index, teachers_day):
    client.force_login(writer)
    client.post(create_url(teachers_day))
    last_year = CampaignPage.objects.get()
    last_year.start_date, last_year.end_date = D(2025, 11, 6), D(2025, 11, 21)
    last_year.save()

    client.post(create_url(teachers_day))

    assert CampaignPage.objects.count() == 2


def test_without_a_campaign_index_nothing_is_created(client, writer, home_page, teachers_day):
    client.force_login(writer)

    response = client.post(create_url(teachers_day))

    assert response["Location"] == LISTING
    [message] = messages_of(response)
    assert message.startswith("Chưa có trang chuyên mục chiến dịch bằng")
    assert not CampaignPage.objects.exists()


def test_post_only_and_csrf_protected(writer, campaign_index, teachers_day):
    client = Client(enforce_csrf_checks=True)
    client.force_login(writer)

    assert client.get(create_url(teachers_day)).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert client.post(create_url(teachers_day)).status_code == HTTPStatus.FORBIDDEN
    assert not CampaignPage.objects.exists()


def test_an_english_occasion_gets_an_english_campaign(
    client, writer, campaign_index, teachers_day, en_home_page
):
    english_index = translate_page(campaign_index, "en", title="Campaigns", slug="campaigns")
    english = teachers_day.copy_for_translation(get_locale("en"))
    english.name = "Vietnamese Teachers' Day"
    english.save()
    client.force_login(writer)

    client.post(create_url(english))

    campaign = CampaignPage.objects.get()
    assert campaign.get_parent().pk == english_index.pk
    assert campaign.title == (
        "44th anniversary of Vietnamese Teachers' Day (20/11/1982 – 20/11/2026)"
    )
    assert [f.rule for f in scan_text(campaign.title, lang="en")] == []


def test_a_lunar_occasion_counts_in_lunar_years(client, writer, campaign_index):
    festival = OccasionFactory(
        name="Lễ hội làng Xuân Trường", calendar="lunar", day=10, month=1, founding_year=1990
    )
    client.force_login(writer)

    client.post(create_url(festival))

    campaign = CampaignPage.objects.get()
    # 10 tháng Giêng Đinh Mùi is 15/2/2027
    assert campaign.title == "Kỷ niệm 37 năm Lễ hội làng Xuân Trường (1990 – 2027)"
    assert (campaign.start_date, campaign.end_date) == (D(2027, 2, 1), D(2027, 2, 16))
    assert "(10/1 âm lịch)" in campaign.summary


def test_the_occasion_editor_has_the_button_for_those_who_may_use_it(
    admin_client, client, reviewer, campaign_index, teachers_day
):
    edit_url = reverse("wagtailsnippets_campaigns_occasion:edit", args=[teachers_day.pk])
    reviewer_page = client
    reviewer_page.force_login(reviewer)

    assert create_url(teachers_day).encode() in admin_client.get(edit_url).content
    assert create_url(teachers_day).encode() not in reviewer_page.get(edit_url).content
