"""Campaigns and occasions edited through the Wagtail admin."""

import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import CampaignPage, Occasion
from tests.factories import CampaignIndexPageFactory, OccasionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign_index(home_page):
    return CampaignIndexPageFactory(parent=home_page, title="Chiến dịch", slug="chien-dich")


def add_campaign_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=["campaigns", "campaignpage", parent.pk])


def campaign_post_data(**overrides) -> dict:
    data = {
        "title": "Tuyên truyền kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9",
        "slug": "ky-niem-80-nam-quoc-khanh",
        "occasion": "",
        "start_date": "2025-08-15",
        "end_date": "2025-09-05",
        "slogan": "Nhiệt liệt chào mừng 80 năm Quốc khánh",
        "summary": "Đợt tuyên truyền cao điểm trên địa bàn xã.",
        "banner": "",
        "key_messages": streamfield(
            [("message", {"message": "Tự hào 80 năm Cách mạng Tháng Tám"})]
        ),
        "body": streamfield([("paragraph", rich_text("<p>Treo cờ Tổ quốc.</p>"))]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_superuser_creates_a_campaign(admin_client, campaign_index):
    occasion = OccasionFactory(name="Quốc khánh")

    response = admin_client.post(
        add_campaign_url(campaign_index), campaign_post_data(occasion=str(occasion.pk))
    )

    assert response.status_code == HTTPStatus.FOUND
    campaign = CampaignPage.objects.get()
    assert campaign.get_parent().pk == campaign_index.pk
    assert campaign.occasion == occasion
    assert campaign.start_date == datetime.date(2025, 8, 15)
    assert campaign.end_date == datetime.date(2025, 9, 5)
    assert campaign.key_messages[0].value["message"] == "Tự hào 80 năm Cách mạng Tháng Tám"


@pytest.mark.parametrize("action", [{}, {"action-publish": "action-publish"}])
def test_campaign_ending_before_it_starts_is_refused(admin_client, campaign_index, action):
    data = campaign_post_data(start_date="2025-09-05", end_date="2025-08-15", **action)

    response = admin_client.post(add_campaign_url(campaign_index), data)

    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].errors
    assert list(errors) == ["end_date"]
    assert errors["end_date"][0] in response.content.decode()
    assert not CampaignPage.objects.exists()


def occasion_add_url() -> str:
    return reverse("wagtailsnippets_campaigns_occasion:add") + "?locale=vi"


def occasion_post_data(**overrides) -> dict:
    data = {
        "name": "Ngày Thương binh – Liệt sĩ",
        "calendar": "solar",
        "day": "27",
        "month": "7",
        "duration_days": "1",
        "founding_year": "1947",
        "description": "",
    }
    data.update(overrides)
    return data


def test_superuser_adds_an_occasion(admin_client):
    response = admin_client.post(occasion_add_url(), occasion_post_data())

    assert response.status_code == HTTPStatus.FOUND
    occasion = Occasion.objects.get()
    assert (occasion.day, occasion.month) == (27, 7)
    assert occasion.locale.language_code == "vi"


def test_occasion_on_31_february_is_refused(admin_client):
    response = admin_client.post(occasion_add_url(), occasion_post_data(day="31", month="2"))

    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].errors
    assert list(errors) == ["day"]
    assert "31/2" in errors["day"][0]
    assert not Occasion.objects.exists()
