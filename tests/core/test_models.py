"""Images, topics and the page base shared by every page type."""

import io
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.models import Collection

from cms.core.models import CustomImage, Topic
from tests.factories import (
    ArticlePageFactory,
    CustomImageFactory,
    TopicFactory,
    get_locale,
    translate_page,
)

pytestmark = pytest.mark.django_db


def png_upload(name: str = "le-thuong-co.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (80, 60), "#da251d").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


class TestCustomImage:
    def test_factory_makes_a_real_image(self):
        image = CustomImageFactory()

        assert (image.width, image.height) == (64, 48)
        with image.open_file() as handle:
            assert PILImage.open(handle).format == "PNG"

    def test_alt_text_is_the_description(self):
        image = CustomImageFactory.build(description="Lễ thượng cờ tại UBND xã")
        assert image.alt_text == "Lễ thượng cờ tại UBND xã"

    def test_renditions_are_generated(self):
        image = CustomImageFactory()

        rendition = image.get_rendition("fill-32x32")

        assert (rendition.width, rendition.height) == (32, 32)
        assert rendition.url.startswith("/media/images/")

    def test_admin_upload_with_alt_text_and_credit(self, admin_client):
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Lễ thượng cờ",
                "file": png_upload(),
                "collection": Collection.get_first_root_node().pk,
                "tags": "",
                "description": "Lễ thượng cờ kỷ niệm 80 năm Quốc khánh tại UBND xã",
                "credit": "Ảnh: Văn Minh",
            },
        )

        assert response.status_code == HTTPStatus.FOUND
        image = CustomImage.objects.get()
        assert image.credit == "Ảnh: Văn Minh"
        assert image.alt_text.startswith("Lễ thượng cờ")

    def test_admin_upload_without_alt_text_or_credit_is_refused(self, admin_client):
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Lễ thượng cờ",
                "file": png_upload(),
                "collection": Collection.get_first_root_node().pk,
                "tags": "",
                "description": "",
                "credit": "",
            },
        )

        assert response.status_code == HTTPStatus.OK
        assert {"description", "credit"} <= set(response.context["form"].errors)
        assert not CustomImage.objects.exists()


class TestTopic:
    def test_slug_is_unique_per_language(self):
        TopicFactory(name="Kinh tế", slug="kinh-te")
        TopicFactory(name="Economy", slug="kinh-te", locale=get_locale("en"))

        with pytest.raises(IntegrityError), transaction.atomic():
            TopicFactory(name="Kinh tế (trùng)", slug="kinh-te")

    def test_topics_are_listed_by_name(self):
        for name in ("Văn hóa", "Chủ quyền biển đảo", "Kinh tế"):
            TopicFactory(name=name)

        assert [str(topic) for topic in Topic.objects.all()] == [
            "Chủ quyền biển đảo",
            "Kinh tế",
            "Văn hóa",
        ]

    def test_admin_lists_topics_as_a_snippet(self, admin_client):
        TopicFactory(name="Chủ quyền biển đảo")

        response = admin_client.get(reverse("wagtailsnippets_core_topic:list"))

        assert response.status_code == HTTPStatus.OK
        assert "Chủ quyền biển đảo" in response.content.decode()


class TestLiveTranslations:
    def test_untranslated_page_has_only_itself(self, home_page):
        article = ArticlePageFactory()

        assert [p.locale.language_code for p in article.get_live_translations()] == ["vi"]

    def test_translated_page_lists_both_languages(self, en_home_page):
        article = ArticlePageFactory()
        english = translate_page(article, "en", title="Commune celebrates National Day")

        translations = list(article.get_live_translations())

        assert [p.locale.language_code for p in translations] == ["en", "vi"]
        assert [p.pk for p in translations] == [english.pk, article.pk]
        assert [p.pk for p in english.get_live_translations()] == [english.pk, article.pk]

    def test_unpublished_translation_is_left_out(self, en_home_page):
        article = ArticlePageFactory()
        english = translate_page(article, "en", title="Commune celebrates National Day")
        english.unpublish()

        assert [p.locale.language_code for p in article.get_live_translations()] == ["vi"]
