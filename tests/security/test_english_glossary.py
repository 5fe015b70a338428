"""The glossary of official English terms, as the office uses it.

The office adds a wrong → right pair in the admin (Information security → Term lists);
the next scan of an English page reports the wrong term with the right one suggested,
Vietnamese pages are not affected, and the change is in the audit log. English pages are
scanned with the English rules: "South China Sea" blocks their publication.
"""

from http import HTTPStatus

import pytest
from wagtail.models import ModelLogEntry

from cms.core.roles import REVIEWER
from cms.reporting.models import PlanTask
from cms.security import services
from cms.security.models import TermEntry
from cms.security.scanner import Severity, Verdict
from cms.workflows.exceptions import WorkflowActionRefused
from tests.factories import ArticlePageFactory, paragraphs, publish_page, translate_page
from tests.security.test_admin import snippet_url
from tests.security.test_english_rules import INVESTOR_ARTICLE
from tests.security.test_services import make_user

pytestmark = pytest.mark.django_db

CHANGE = "security.rule_data_change"
WRONG = "Xuan Truong One-stop Desk"
RIGHT = "One-stop Service Desk of the People's Committee of Xuan Truong Commune"


@pytest.fixture
def reviewer_client(client):
    user = make_user(REVIEWER)
    client.force_login(user)
    client.user = user
    return client


def en01(page):
    return [f for f in services.scan_page(page).findings if f.rule == "EN-01"]


def english_and_vietnamese(text_en: str, text_vi: str):
    """A Vietnamese article and its English translation (drafts: what reviewers scan)."""
    source = ArticlePageFactory(
        title="Bộ phận một cửa tiếp nhận hồ sơ của nhà đầu tư",
        summary=text_vi,
        body=paragraphs("Nhà đầu tư nộp hồ sơ trực tuyến hoặc tại trụ sở UBND xã."),
    )
    english = translate_page(
        source,
        "en",
        title="Investors file their applications at one desk",
        summary=text_en,
        body=paragraphs("Investors file applications online or at the commune headquarters."),
        author_name="Van Minh",
        publish=False,
    )
    return source, english


def add_term(client, **fields):
    data = {"rule_id": "EN-01", "language": "en", "note": "", "replacement": ""}
    data.update(fields)
    return client.post(snippet_url(TermEntry, "add"), data)


def test_a_pair_added_in_the_admin_is_applied_to_the_next_scan_of_english_pages_only(
    reviewer_client, home_page
):
    source, english = english_and_vietnamese(
        f"Investors may apply at the {WRONG}.",
        f"Nhà đầu tư nộp hồ sơ tại “{WRONG}” (tên tiếng Anh trên biển hiệu).",
    )
    assert en01(english) == []  # not a built-in term

    response = add_term(
        reviewer_client,
        term=f"  {WRONG} ",
        replacement=f" {RIGHT}  ",
        note="Tên tiếng Anh của Bộ phận một cửa",
    )

    assert response.status_code == HTTPStatus.FOUND, response.content[:2000]
    entry = TermEntry.objects.get()
    assert (entry.term, entry.replacement) == (WRONG, RIGHT)
    [finding] = en01(english)
    assert finding.excerpt == WRONG
    assert finding.field == "summary"
    assert finding.severity is Severity.WARN
    assert finding.suggestion == RIGHT
    assert RIGHT in finding.message
    # The Vietnamese page quoting the same English words is not checked with it.
    assert en01(source) == []
    assert WRONG not in services.build_config("vi").term_replacements.get("EN-01", {})


def test_the_audit_log_records_the_replacement_and_its_change(reviewer_client, home_page):
    add_term(reviewer_client, term=WRONG, replacement="One-stop Desk of Xuan Truong")
    entry = TermEntry.objects.get()
    _source, english = english_and_vietnamese(f"Apply at the {WRONG}.", "Nộp hồ sơ tại xã.")
    assert en01(english)[0].suggestion == "One-stop Desk of Xuan Truong"

    response = reviewer_client.post(
        snippet_url(TermEntry, "edit", entry.pk),
        {"rule_id": "EN-01", "term": WRONG, "replacement": RIGHT, "language": "en", "note": ""},
    )

    assert response.status_code == HTTPStatus.FOUND, response.content[:2000]
    logs = ModelLogEntry.objects.filter(
        action=CHANGE, object_id=str(entry.pk), content_type__model="termentry"
    ).order_by("timestamp", "pk")
    added, edited = logs
    assert added.user == reviewer_client.user
    assert added.data["before"] is None
    assert added.data["after"]["replacement"] == "One-stop Desk of Xuan Truong"
    assert edited.data["before"]["replacement"] == "One-stop Desk of Xuan Truong"
    assert edited.data["after"]["replacement"] == RIGHT
    assert edited.data["changed"] == ["replacement"]
    # the edit applies at once, without a restart
    assert en01(english)[0].suggestion == RIGHT


def test_the_office_replacement_wins_over_the_built_in_glossary(reviewer_client, home_page):
    wrong = "Xuan Truong Commune People's Committee"
    _source, english = english_and_vietnamese(f"{wrong} welcomes investors.", "UBND xã.")
    [builtin] = en01(english)
    assert builtin.suggestion == "People's Committee of Xuan Truong Commune"

    add_term(reviewer_client, term=wrong, replacement="the People's Committee of Xuan Truong")

    [office] = en01(english)
    assert office.suggestion == "the People's Committee of Xuan Truong"

    TermEntry.objects.get().delete()  # deleting the entry brings the built-in one back
    assert en01(english)[0].suggestion == "People's Committee of Xuan Truong Commune"


def test_the_term_list_shows_replacements_and_refuses_pairs_that_cannot_work(reviewer_client):
    TermEntry.objects.create(rule_id="EN-01", term=WRONG, replacement=RIGHT, language="en")
    listing = reviewer_client.get(snippet_url(TermEntry, "list"))
    assert listing.status_code == HTTPStatus.OK
    assert RIGHT.replace("'", "&#x27;") in listing.content.decode()

    same = add_term(reviewer_client, term="Ninh Binh Province", replacement="Ninh Binh Province")
    vietnamese = add_term(reviewer_client, term="Xuan Truong CPC", replacement=RIGHT, language="vi")

    assert same.status_code == HTTPStatus.OK
    assert "replacement" in same.context["form"].errors
    assert vietnamese.status_code == HTTPStatus.OK
    assert "language" in vietnamese.context["form"].errors
    assert TermEntry.objects.count() == 1


def test_a_capitals_only_pair_from_the_office(reviewer_client, home_page):
    add_term(reviewer_client, term="Phu Nhai church", replacement="Phu Nhai Church")
    _source, english = english_and_vietnamese(
        "Phu Nhai church and Phu Nhai Church: one name.", "Nhà thờ Phú Nhai."
    )

    [finding] = en01(english)

    assert finding.excerpt == "Phu Nhai church"
    assert finding.suggestion == "Phu Nhai Church"


def test_an_english_page_with_south_china_sea_is_blocked_and_cannot_be_published(home_page):
    source = ArticlePageFactory(
        title="Ngư dân Ninh Bình vươn khơi",
        summary="Ngư dân bám biển trên Biển Đông.",
        body=paragraphs("Ngư dân yên tâm bám biển."),
    )
    english = translate_page(
        source,
        "en",
        title="Fishermen of Ninh Binh",
        summary="Fishermen from Ninh Binh sail to the South China Sea.",
        body=paragraphs("Fishermen keep working at sea."),
        author_name="Van Minh",
        publish=False,
    )

    result = services.scan_page(english)

    assert result.language == "en"
    [finding] = [f for f in result.findings if f.rule == "SOV-01"]
    assert finding.severity is Severity.BLOCK
    assert finding.field == "summary"
    assert finding.suggestion == "East Sea"
    assert result.verdict is Verdict.BLOCK
    with pytest.raises(WorkflowActionRefused, match="SOV-01"):
        publish_page(english)
    english.refresh_from_db()
    assert not english.live

    # With "East Sea" the same translation goes through the workflow.
    english.summary = "Fishermen from Ninh Binh sail to the East Sea."
    assert publish_page(english).live


def test_an_english_investor_page_written_with_the_official_names_has_no_finding(home_page):
    source = ArticlePageFactory(
        title="Đầu tư vào xã Xuân Trường",
        summary="Xã Xuân Trường chào đón các nhà đầu tư.",
        body=paragraphs("UBND xã đồng hành cùng nhà đầu tư."),
        plan_task=PlanTask.objects.by_code("II.4"),
    )
    title, *paras = INVESTOR_ARTICLE.strip().split("\n\n")
    english = translate_page(
        source,
        "en",
        title=title,
        summary=paras[0],
        body=paragraphs(*paras[1:]),
        author_name="Van Minh",
        publish=False,
    )

    result = services.scan_page(english)

    assert [(f.rule, f.excerpt) for f in result.findings] == []
