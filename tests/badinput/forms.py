"""Form data of the article editor, as Wagtail's admin posts it, for the bad-input tests."""

from __future__ import annotations

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.core.blocks import RICH_TEXT_FEATURES


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def paragraph(html: str) -> str:
    """The Draftail editor's JSON for ``html``, as the editor posts a paragraph block."""
    return rich_text(html, features=RICH_TEXT_FEATURES)


def article_form(page, **overrides) -> dict:
    """Everything the editor of ``page`` (an article) posts, with ``overrides`` applied;
    ``body`` and ``references`` are lists of (block type, value) pairs."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "summary": page.summary,
        "body": [("paragraph", paragraph("<p>Đoàn đã thăm mô hình sản xuất lúa hữu cơ.</p>"))],
        "spokesperson_name": "",
        "spokesperson_position": "",
        "spokesperson_authorisation": "",
        "rebutted_claim": "",
        "topic": str(page.topic_id),
        "plan_task": "",
        "tags": "",
        "author_name": page.author_name,
        "unit": page.unit,
        "publication_date": page.publication_date.isoformat(),
        "related_campaign": "",
        "feed_image": "",
        "references": [],
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    data["body"] = streamfield(data["body"])
    data["references"] = streamfield(data["references"])
    return nested_form_data(data)
