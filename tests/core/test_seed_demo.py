"""The ``seed_demo`` management command: a realistic demo site, safely repeatable."""

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
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from articles.models import ArticlePage, SovereigntyFeaturePage
from campaigns.models import CampaignPage, Occasion
from cms.core.models import Topic
from cms.core.roles import ROLES
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
