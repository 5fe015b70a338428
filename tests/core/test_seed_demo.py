"""The ``seed_demo`` management command: a realistic demo site, safely repeatable."""

import datetime
import itertools
import re
import subprocess
import sys
from http import HTTPStatus
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from articles.models import ArticlePage, SovereigntyFeaturePage
from campaigns.models import CampaignPage, Occasion
from cms.core.models import Topic
from cms.core.roles import ROLES
from cms.reporting.models import OPEN_STATUSES, Incident, IncidentStatus, PlanTask
from cms.security.models import Attestation, Exemption
from cms.workflows.models import PublicationApproval
from home.models import ContentPage, HomePage
from tests.factories import get_locale
from tests.utils import get_soup

PROJECT_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed once for the module, inside a transaction rolled back at the end.

    Each test runs in its own savepoint inside it (pytest-django's ``db``), so
    tests see the seeded site and cannot disturb each other.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        output = StringIO()
        call_command("seed_demo", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


def snapshot() -> dict:
    """What a second run must leave untouched."""
    pages = Page.objects.order_by("pk")
    return {
        "pages": list(
            pages.values_list(
                "pk", "locale__language_code", "url_path", "live", "latest_revision_id"
            )
        ),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "renditions": get_image_model().get_rendition_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": list(get_user_model().objects.order_by("pk").values_list("username", "password")),
        "groups": Group.objects.count(),
        "topics": Topic.objects.count(),
        "occasions": Occasion.objects.count(),
        "tags": Tag.objects.count(),
        "translation_sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "incidents": list(
            Incident.objects.order_by("pk").values_list("pk", "status", "created_at")
        ),
        "history": sorted(PageLogEntry.objects.values_list("pk", "timestamp")),
        "approvals": list(
            PublicationApproval.objects.order_by("pk").values_list(
                "pk", "reviewed_at", "approved_at", "used_at"
            )
        ),
    }


@pytest.mark.django_db
class TestSeededSite:
    def test_every_page_type_is_published_in_vietnamese(self, seeded):
        for model in (
            HomePage,
            ContentPage,
            ArticlePage,
            SovereigntyFeaturePage,
            CampaignPage,
        ):
            assert model.objects.live().filter(locale__language_code="vi").exists(), model

    def test_english_home_and_articles_are_published(self, seeded):
        english_home = HomePage.objects.get(locale__language_code="en")

        assert english_home.live
        assert english_home.title != HomePage.objects.get(locale__language_code="vi").title
        assert ArticlePage.objects.live().filter(locale__language_code="en").exists()

    def test_some_articles_stay_vietnamese_only(self, seeded):
        """The language switcher must be able to show an untranslated article."""
        vietnamese = ArticlePage.objects.live().filter(locale__language_code="vi")
        english = get_locale("en")
        untranslated = [page for page in vietnamese if not page.has_translation(english)]
        assert untranslated

    def test_images_carry_alt_text_and_credit(self, seeded):
        images = get_image_model().objects.all()

        assert images.exists()
        for image in images:
            assert image.description.strip(), image.title
            assert image.credit.strip(), image.title

    def test_every_live_page_renders(self, seeded, client):
        pages = Page.objects.live().filter(depth__gt=1).specific()

        assert pages.count() > 10
        for page in pages:
            soup = get_soup(client, page.url)
            assert soup.html["lang"] == page.locale.language_code, page.url
            assert soup.find("h1") is not None, page.url

    def test_second_run_changes_nothing(self, seeded):
        before = snapshot()
        output = StringIO()

        call_command("seed_demo", stdout=output)

        assert snapshot() == before
        assert "(created): 0;" in output.getvalue()


PERIOD = (datetime.date(2025, 9, 1), datetime.date(2025, 12, 31))
ITEM_MODELS = (ArticlePage, SovereigntyFeaturePage, CampaignPage)


def local_day(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date()


def in_period(moment) -> bool:
    return moment is not None and PERIOD[0] <= local_day(moment) <= PERIOD[1]


def code_of(page) -> str:
    return page.plan_task.code if page.plan_task_id else ""


@pytest.mark.django_db
class TestPlanTasks:
    """The demo report for the plan's period counts every demo item under its task."""

    def test_every_article_feature_and_campaign_names_its_plan_task(self, seeded):
        items = [page for model in ITEM_MODELS for page in model.objects.all()]

        assert len(items) > 15  # Vietnamese and English
        assert [page.title for page in items if page.plan_task_id is None] == []

    def test_the_task_is_the_one_the_plan_gives_the_subject(self, seeded):
        vietnamese = {
            page.slug: code_of(page)
            for model in ITEM_MODELS
            for page in model.objects.filter(locale__language_code="vi").select_related("plan_task")
        }

        assert vietnamese["chu-quyen-cua-viet-nam-o-bien-dong"] == "II.5"  # sovereignty
        assert vietnamese["tuyen-truyen-quyen-con-nguoi-ngay-10-12"] == "II.3"  # human rights
        assert vietnamese["phan-bac-thong-tin-sai-su-that-thu-hoi-dat-nong-nghiep"] == "II.1"
        assert vietnamese["thong-cao-bao-chi-ke-hoach-thong-tin-doi-ngoai-2025"] == "II.1"
        investment = ArticlePage.objects.get(
            locale__language_code="vi", title__startswith="Gặp mặt doanh nghiệp"
        )
        assert code_of(investment) == "II.4"  # economy and investment
        campaigns = CampaignPage.objects.filter(locale__language_code="vi")
        assert {code_of(page) for page in campaigns} == {"II.6"}  # the holidays

    def test_english_items_carry_the_task_of_their_source(self, seeded):
        vi = get_locale("vi")
        for model in ITEM_MODELS:
            for page in model.objects.filter(locale__language_code="en"):
                source = page.get_translation(vi).specific
                assert page.plan_task_id == source.plan_task_id, page.title

    def test_the_tasks_are_the_plans_own(self, seeded):
        used = {
            page.plan_task_id for model in ITEM_MODELS for page in model.objects.only("plan_task")
        }
        assert used <= set(PlanTask.objects.filter(active=True).values_list("pk", flat=True))


@pytest.mark.django_db
class TestIncidents:
    def test_a_handful_of_varied_incidents_within_the_period(self, seeded):
        incidents = list(Incident.objects.all())

        assert 5 <= len(incidents) <= 7
        assert all(in_period(incident.seen_at) for incident in incidents)
        assert len({incident.platform for incident in incidents}) >= 4
        assert len({incident.category for incident in incidents}) >= 3
        assert len({incident.severity for incident in incidents}) == 3
        statuses = [incident.status for incident in incidents]
        assert statuses.count(IncidentStatus.REBUTTED) >= 2
        assert IncidentStatus.CLOSED in statuses
        assert len([status for status in statuses if status in OPEN_STATUSES]) == 1

    def test_a_rebutted_incident_was_answered_when_its_live_rebuttal_went_out(self, seeded):
        rebutted = Incident.objects.filter(status=IncidentStatus.REBUTTED)

        for incident in rebutted:
            page = incident.rebuttal_page.specific
            assert page.live, incident
            assert incident.responded_at == page.last_published_at
            assert incident.seen_at < incident.responded_at
            assert in_period(incident.responded_at)
        assert any(page.kind == "rebuttal" for page in (i.rebuttal_page.specific for i in rebutted))

    def test_incidents_are_recorded_after_they_were_seen_and_closed_in_order(self, seeded):
        for incident in Incident.objects.all():
            assert incident.seen_at < incident.created_at <= incident.updated_at
            assert in_period(incident.created_at) and in_period(incident.updated_at)
            if incident.status == IncidentStatus.CLOSED:
                assert incident.seen_at < incident.closed_at
            incident.full_clean()  # a valid register entry

    def test_addresses_are_obviously_made_up(self, seeded):
        for incident in Incident.objects.all():
            assert re.search(r"(?i)vi[-.]du", incident.address), incident.address  # "example"


@pytest.mark.django_db
class TestHistoryDates:
    """The workflow history is dated within September–December 2025 (the plan's period)."""

    def test_every_workflow_record_falls_within_the_period(self, seeded):
        moments = {
            "revision": Revision.objects.values_list("created_at", flat=True),
            "log": PageLogEntry.objects.values_list("timestamp", flat=True),
            "submission": WorkflowState.objects.values_list("created_at", flat=True),
            "step started": TaskState.objects.values_list("started_at", flat=True),
            "step finished": TaskState.objects.values_list("finished_at", flat=True),
            "reviewed": PublicationApproval.objects.values_list("reviewed_at", flat=True),
            "approved": PublicationApproval.objects.values_list("approved_at", flat=True),
            "published": PublicationApproval.objects.values_list("used_at", flat=True),
            "confirmed": Attestation.objects.values_list("created_at", flat=True),
            "exempted": Exemption.objects.values_list("created_at", flat=True),
        }
        pages = Page.objects.filter(depth__gt=1)
        moments["first published"] = pages.values_list("first_published_at", flat=True)
        moments["last published"] = pages.values_list("last_published_at", flat=True)
        moments["latest revision"] = pages.values_list("latest_revision_created_at", flat=True)

        assert PublicationApproval.objects.count() > 20
        for name, values in moments.items():
            outside = [value for value in values if value is not None and not in_period(value)]
            assert outside == [], name

    def test_an_article_is_submitted_the_day_before_reviewed_then_published_at_eight(self, seeded):
        for page in ArticlePage.objects.filter(locale__language_code="vi"):
            approval = PublicationApproval.objects.get(page=page)
            submitted = timezone.localtime(approval.workflow_state.created_at)
            reviewed = timezone.localtime(approval.reviewed_at)
            approved = timezone.localtime(approval.approved_at)

            assert submitted.date() == page.publication_date - datetime.timedelta(days=1)
            assert submitted < reviewed < approved <= approval.used_at
            assert (approved.date(), approved.hour, approved.minute) == (
                page.publication_date,
                8,
                0,
            ), page.title
            assert local_day(page.first_published_at) == page.publication_date
            assert local_day(page.last_published_at) == page.publication_date

    def test_every_record_keeps_its_order(self, seeded):
        for state in WorkflowState.objects.all():
            steps = list(state.task_states.order_by("started_at"))
            assert state.created_at <= steps[0].started_at
            for step, following in itertools.pairwise(steps):
                assert step.finished_at is not None and step.finished_at <= following.started_at
        for page in Page.objects.filter(depth__gt=1):
            revisions = list(page.revisions.order_by("pk").values_list("created_at", flat=True))
            assert revisions == sorted(revisions), page.title
            if page.live:
                assert page.first_published_at <= page.last_published_at

    def test_an_english_page_follows_its_source(self, seeded):
        vi = get_locale("vi")
        for page in ArticlePage.objects.filter(locale__language_code="en"):
            source = page.get_translation(vi)
            assert local_day(page.last_published_at) == local_day(
                source.last_published_at
            ) + datetime.timedelta(days=1)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.key)
def test_demo_user_logs_in_and_reaches_the_admin(seeded, client, role):
    user = get_user_model().objects.get(username=role.demo_username)

    assert client.login(username=role.demo_username, password=settings.DEMO_PASSWORD)
    response = client.get("/admin/")

    assert response.status_code == HTTPStatus.OK
    assert user.groups.filter(name=role.group_name).exists()
    assert not user.is_superuser, "demo users get their role's rights, not every right"
    assert user.get_full_name() in response.content.decode()


@pytest.mark.django_db
def test_wrong_password_is_refused(seeded, client):
    assert not client.login(username="writer", password=settings.DEMO_PASSWORD + "x")


@pytest.mark.django_db
def test_refuses_to_run_with_production_settings():
    before = snapshot()

    with (
        override_settings(SETTINGS_MODULE="cms.settings.production"),
        pytest.raises(CommandError, match="production"),
    ):
        call_command("seed_demo", stdout=StringIO())

    assert snapshot() == before


def test_refuses_to_run_in_a_production_deployment(tmp_path):
    database = tmp_path / "production.sqlite3"

    result = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"],
        cwd=PROJECT_DIR,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "production-like-secret-for-the-refusal-test-0123456789",
            "ALLOWED_HOSTS": "xuantruong.ninhbinh.gov.vn",
            "DATABASE_URL": f"sqlite:///{database}",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode != 0
    assert "production" in result.stderr
    assert not database.exists() or database.stat().st_size == 0


@pytest.mark.django_db
class TestDemoReport:
    """The periodic report of the plan's period, written from the demo site, counts what
    the demo published, as the database holds it."""

    PERIOD = (datetime.date(2025, 9, 1), datetime.date(2025, 12, 31))

    @pytest.fixture
    def report(self, seeded, tmp_path):
        from tests.reporting.docx_reading import read_report

        output = tmp_path / "bao-cao.docx"
        call_command(
            "ttdn_report",
            "--from",
            self.PERIOD[0].isoformat(),
            "--to",
            self.PERIOD[1].isoformat(),
            "--output",
            str(output),
            stdout=StringIO(),
        )
        return read_report(output)

    def published_with(self, task) -> int:
        start, end = self.PERIOD
        articles = sum(
            model.objects.live()
            .filter(plan_task=task, publication_date__range=(start, end))
            .count()
            for model in (ArticlePage, SovereigntyFeaturePage)
        )
        campaigns = (
            CampaignPage.objects.live()
            .filter(plan_task=task, start_date__range=(start, end))
            .count()
        )
        return articles + campaigns

    def test_every_plan_task_counts_the_demo_items_that_serve_it(self, report):
        *rows, total = report.table("Tin, bài theo nhiệm vụ của Kế hoạch")[1:]
        counts = {row[0].split(". ", 1)[0]: int(row[1]) for row in rows}

        expected = {task.code: self.published_with(task) for task in PlanTask.objects.all()}
        assert counts == expected  # every demo item names its task: no "not assigned" row
        assert total == ["Tổng cộng", str(sum(expected.values()))]
        assert sum(expected.values()) >= 10

    def test_the_incident_tables_count_the_demo_register(self, report):
        start, end = self.PERIOD
        seen = Incident.objects.filter(seen_at__date__range=(start, end))
        by_platform = report.counts("Thông tin xấu độc theo nền tảng")

        assert int(by_platform.pop("Tổng cộng")) == seen.count() == 7
        assert sum(map(int, by_platform.values())) == seen.count()
        open_now = seen.filter(status__in=OPEN_STATUSES).count()
        assert open_now == 1
