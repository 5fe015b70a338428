"""Factories for tests: ``from tests.factories import ArticlePageFactory``."""

from .campaigns import OccasionFactory
from .core import CustomImageFactory, TopicFactory, get_locale, vi_slugify
from .pages import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    ContentPageFactory,
    PressReleaseFactory,
    SovereigntyFeaturePageFactory,
    SovereigntyIndexPageFactory,
    get_home_page,
    national_day_anniversary,
    paragraphs,
    translate_page,
)
from .workflows import (
    SpokespersonEntryFactory,
    SpokespersonUserFactory,
    editorial_team,
    publish_page,
)

__all__ = [
    "ArticleIndexPageFactory",
    "ArticlePageFactory",
    "CampaignIndexPageFactory",
    "CampaignPageFactory",
    "ContentPageFactory",
    "CustomImageFactory",
    "OccasionFactory",
    "PressReleaseFactory",
    "SovereigntyFeaturePageFactory",
    "SovereigntyIndexPageFactory",
    "SpokespersonEntryFactory",
    "SpokespersonUserFactory",
    "TopicFactory",
    "editorial_team",
    "get_home_page",
    "get_locale",
    "national_day_anniversary",
    "paragraphs",
    "publish_page",
    "translate_page",
    "vi_slugify",
]
