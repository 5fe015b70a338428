"""RPT-01: an article, feature or campaign names the task of the plan it carries out.

The periodic report counts items by plan task (``plan_task``); an item without one is
left out of it, so the checker warns the writer (*Lưu ý*), in the editor's findings
panel, and tells them to choose the task. A warning never blocks publication.
"""

from __future__ import annotations

from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from cms.core.roles import WRITER
from cms.reporting.models import PlanTask
from cms.security import services
from cms.security.models import RuleSetting
from cms.security.scanner import RULES, Scanner, Severity
from tests.factories import (
    ArticlePageFactory,
    CampaignPageFactory,
    ContentPageFactory,
    SovereigntyFeaturePageFactory,
    translate_page,
)
from tests.security.test_services import make_user

pytestmark = pytest.mark.django_db

MESSAGE_VI = RULES["RPT-01"].message_vi
ADVICE_VI = RULES["RPT-01"].suggestion_vi


task = PlanTask.objects.by_code


def rpt01(page):
    return [f for f in services.scan_page(page).findings if f.rule == "RPT-01"]


# ------------------------------------------------------------------ the scanner


def test_an_item_without_a_plan_task_is_warned_and_told_what_to_choose():
    [finding] = Scanner().check_plan_reference("")

    assert finding.rule == "RPT-01"
    assert finding.severity is Severity.WARN
    assert finding.field == "plan_task"
    assert finding.message == MESSAGE_VI
    assert "Nhiệm vụ kế hoạch" in finding.suggestion  # the field to fill in, as the editor names it
    assert "chưa gắn với nhiệm vụ" in finding.message


def test_an_item_with_a_plan_task_passes():
    assert Scanner().check_plan_reference("II.5") == []
    assert Scanner().check_plan_reference("72/KH-UBND#3") == []


def test_the_english_message_for_english_pages():
    [finding] = Scanner().check_plan_reference("  ", lang="en")

    assert finding.message == RULES["RPT-01"].message_en
    assert "Plan task" in finding.suggestion


# ------------------------------------------------------------------ pages


@pytest.mark.parametrize(
    "factory",
    [ArticlePageFactory, SovereigntyFeaturePageFactory, CampaignPageFactory],
    ids=["article", "feature", "campaign"],
)
def test_articles_features_and_campaigns_without_a_task_are_flagged(home_page, factory):
    page = factory(publish=False)

    [finding] = rpt01(page)

    assert finding.severity is Severity.WARN
    assert finding.field == "plan_task"
    assert services.describe_field(page, finding.field) == str(
        type(page)._meta.get_field("plan_task").verbose_name
    )


@pytest.mark.parametrize(
    ("factory", "code"),
    [
        (ArticlePageFactory, "II.1"),
        (SovereigntyFeaturePageFactory, "II.5"),
        (CampaignPageFactory, "II.6"),
    ],
    ids=["article", "feature", "campaign"],
)
def test_articles_features_and_campaigns_with_a_task_pass(home_page, factory, code):
    page = factory(publish=False, plan_task=task(code))

    assert rpt01(page) == []


def test_pages_that_are_not_items_of_the_plan_are_not_flagged(home_page):
    assert rpt01(ContentPageFactory(publish=False)) == []
    assert rpt01(home_page) == []


def test_the_draft_being_checked_is_what_counts(home_page):
    """The writer picks the task in a new draft: the live version's lack no longer matters."""
    page = ArticlePageFactory(publish=False)
    writer = make_user(WRITER)
    assert [f.rule for f in services.scan_latest(page).findings].count("RPT-01") == 1

    page.plan_task = task("II.4")
    page.save_revision(user=writer)

    assert not [f for f in services.scan_latest(page).findings if f.rule == "RPT-01"]


def test_a_warning_does_not_stop_publication(home_page):
    page = ArticlePageFactory()  # published through the workflow and the gate

    page.refresh_from_db()
    assert page.live
    assert [f.rule for f in rpt01(page)] == ["RPT-01"]


def test_an_english_translation_carries_its_sources_task(home_page, en_home_page):
    page = ArticlePageFactory(plan_task=task("II.4"))

    english = translate_page(page, "en", title="Xuan Truong welcomes investors")

    assert english.plan_task_id == page.plan_task_id
    assert rpt01(english) == []


def test_the_office_can_switch_the_rule_off(home_page):
    page = ArticlePageFactory(publish=False)
    setting = RuleSetting.objects.get(rule_id="RPT-01")
    setting.enabled = False
    setting.save()

    assert rpt01(page) == []


def test_the_editor_panel_tells_the_writer_to_choose_the_task(client, home_page):
    writer = make_user(WRITER)
    page = ArticlePageFactory(publish=False, owner=writer)
    client.force_login(writer)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == HTTPStatus.OK
    panel = BeautifulSoup(response.content, "html.parser").select_one("[data-infosec-panel]")
    [item] = panel.select('li.infosec-finding[data-rule="RPT-01"]')
    text = item.get_text(" ", strip=True)
    assert MESSAGE_VI in text
    assert ADVICE_VI in text
