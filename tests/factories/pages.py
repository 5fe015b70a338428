"""Page factories.

Pages are created with Wagtail's tree API (``parent.add_child``) and, unless
``publish=False`` is passed, published exactly as the admin does: submitted by a
writer, approved by a reviewer and the spokesperson, through the publication
gate (``tests.factories.workflows.publish_page``).
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText

from articles.models import (
    ArticleIndexPage,
    ArticleKind,
    ArticlePage,
    SovereigntyFeaturePage,
    SovereigntyIndexPage,
    SovereigntySubject,
)
from campaigns.models import CampaignIndexPage, CampaignPage
from home.models import ContentPage, HomePage

from .core import TopicFactory, get_locale, vi_slugify
from .workflows import SpokespersonEntryFactory, editorial_team, publish_page


def get_home_page(language_code: str = "vi") -> HomePage:
    """The home page of a language. The Vietnamese one is created by home/migrations/0002."""
    return HomePage.objects.get(locale__language_code=language_code)


def translate_page(page, language_code: str = "en", *, publish: bool = True, **changes):
    """Translate ``page`` (and any untranslated ancestor) and publish the translation.

    Missing ancestors are created as aliases by Wagtail; ``changes`` (an English
    title, summary...) are applied to the page itself before it is published.
    ``publish=False`` leaves the translation as a draft: a revision by the team's
    writer.
    """
    translated = page.specific.copy_for_translation(
        get_locale(language_code), copy_parents=True
    ).specific
    for name, value in changes.items():
        setattr(translated, name, value)
    if not publish:
        translated.save_revision(user=editorial_team()[0])
        return translated
    return publish_page(translated)


def national_day_anniversary(day: datetime.date) -> int:
    """Which anniversary of National Day (2/9/1945) falls in the year of ``day``."""
    return day.year - 1945


def paragraphs(*texts: str) -> list:
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


class BasePageFactory(wagtail_factories.PageFactory):
    """Creates the page, then publishes it (``publish=False`` leaves a draft)."""

    slug = factory.LazyAttribute(lambda page: vi_slugify(page.title))

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        publish = kwargs.pop("publish", True)
        kwargs["live"] = False  # a draft until the workflow publishes it
        kwargs["has_unpublished_changes"] = True
        page = super()._create(model_class, *args, **kwargs)
        if publish:
            publish_page(page)
        else:
            page.save_revision(user=editorial_team()[0])
        return page


class ContentPageFactory(BasePageFactory):
    parent = factory.LazyFunction(get_home_page)
    title = factory.Sequence(lambda n: f"Giới thiệu chung về xã {n}")
    intro = "Xã Xuân Trường nằm ở phía nam tỉnh Ninh Bình."
    body = factory.LazyFunction(
        lambda: paragraphs("Diện tích tự nhiên khoảng 18 km², dân số hơn 30.000 người.")
    )

    class Meta:
        model = ContentPage


class ArticleIndexPageFactory(BasePageFactory):
    parent = factory.LazyFunction(get_home_page)
    title = factory.Sequence(lambda n: f"Tin tức – Sự kiện {n}")
    intro = "Tin tức hoạt động của Ủy ban nhân dân xã."

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(BasePageFactory):
    parent = factory.SubFactory(ArticleIndexPageFactory)
    title = factory.Sequence(lambda n: f"UBND xã tổ chức hội nghị sơ kết công tác quý – tin số {n}")
    kind = ArticleKind.NEWS
    summary = "Sáng nay, UBND xã tổ chức hội nghị sơ kết công tác tại hội trường xã."
    body = factory.LazyFunction(
        lambda: paragraphs("Tham dự hội nghị có đại diện lãnh đạo Đảng ủy, HĐND, UBND xã.")
    )
    topic = factory.SubFactory(TopicFactory)
    author_name = "Văn Minh"
    publication_date = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = ArticlePage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        tags = kwargs.pop("tags", ())
        if not tags:
            return super()._create(model_class, *args, **kwargs)
        publish = kwargs.pop("publish", True)
        page = super()._create(model_class, *args, publish=False, **kwargs)
        page.tags.add(*tags)
        if publish:
            publish_page(page)
        else:
            page.save_revision(user=editorial_team()[0])
        return page


class PressReleaseFactory(ArticlePageFactory):
    """A press release of the Chairman, with the published phone and e-mail (SPK-01).

    The spokesperson it names must be in the register on the release's date
    (SPK-02): unless ``register=False``, the factory adds the register entry
    when nobody of that name is registered on that day.
    """

    kind = ArticleKind.PRESS_RELEASE
    spokesperson_name = "Nguyễn Văn An"
    spokesperson_position = "chairman"
    spokesperson_authorisation = "Quyết định số 15/QĐ-UBND ngày 01/7/2025"
    summary = (
        "Người phát ngôn: ông Nguyễn Văn An, Chủ tịch UBND xã; ĐT 0229 3777 555; "
        "thư điện tử phatngon@xuantruong.ninhbinh.gov.vn."
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.pop("register", True):
            register_spokesperson(
                kwargs["spokesperson_name"],
                position=kwargs["spokesperson_position"],
                authorisation=kwargs["spokesperson_authorisation"],
                on=kwargs["publication_date"],
            )
        return super()._create(model_class, *args, **kwargs)


def register_spokesperson(name: str, *, position: str, authorisation: str, on: datetime.date):
    """A register entry for ``name`` valid on ``on``, unless one exists (phone and e-mail as
    in the press release factory's summary)."""
    from cms.workflows.services import current_entries

    if any(entry.full_name == name for entry in current_entries(at=on)):
        return None
    return SpokespersonEntryFactory(
        full_name=name,
        position=position,
        authorisation=authorisation,
        valid_from=min(on, datetime.date(2025, 7, 1)),
    )


class SovereigntyIndexPageFactory(BasePageFactory):
    parent = factory.LazyFunction(get_home_page)
    title = factory.Sequence(lambda n: f"Chủ quyền biển đảo {n}")
    intro = "Tư liệu về chủ quyền biển, đảo và biên giới quốc gia."

    class Meta:
        model = SovereigntyIndexPage


class SovereigntyFeaturePageFactory(BasePageFactory):
    parent = factory.SubFactory(SovereigntyIndexPageFactory)
    title = factory.Sequence(lambda n: f"Hoàng Sa, Trường Sa là của Việt Nam – kỳ {n}")
    subject = SovereigntySubject.HOANG_SA
    summary = "Những bằng chứng lịch sử và pháp lý khẳng định chủ quyền của Việt Nam."
    body = factory.LazyFunction(
        lambda: paragraphs("Nhà nước Việt Nam đã chiếm hữu và thực thi chủ quyền liên tục.")
    )
    topic = factory.SubFactory(TopicFactory)
    publication_date = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = SovereigntyFeaturePage


class CampaignIndexPageFactory(BasePageFactory):
    parent = factory.LazyFunction(get_home_page)
    title = factory.Sequence(lambda n: f"Chiến dịch tuyên truyền {n}")
    intro = "Các đợt tuyên truyền kỷ niệm ngày lễ lớn của đất nước."

    class Meta:
        model = CampaignIndexPage


class CampaignPageFactory(BasePageFactory):
    parent = factory.SubFactory(CampaignIndexPageFactory)
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))
    # The anniversary is counted in the campaign's year (HOL-01 blocks a wrong count).
    title = factory.LazyAttributeSequence(
        lambda page, n: (
            f"Tuyên truyền kỷ niệm {national_day_anniversary(page.start_date)} năm Quốc khánh"
            f" – đợt {n}"
        )
    )
    slogan = factory.LazyAttribute(
        lambda page: (
            f"Nhiệt liệt chào mừng {national_day_anniversary(page.start_date)} năm Quốc khánh "
            "nước Cộng hòa xã hội chủ nghĩa Việt Nam"
        )
    )
    summary = "Đợt tuyên truyền cao điểm trên địa bàn xã."
    occasion = factory.SubFactory("tests.factories.campaigns.OccasionFactory")
    body = factory.LazyFunction(
        lambda: paragraphs("Treo cờ Tổ quốc tại trụ sở và các hộ gia đình.")
    )

    class Meta:
        model = CampaignPage
