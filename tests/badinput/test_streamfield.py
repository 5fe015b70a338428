"""The article body (a StreamField) posted through the real admin editor, with generated
data (hypothesis): whatever arrives — a broken block count, unknown block types, keys
missing, numbers that are no numbers, rich text that is not the editor's JSON, hostile
markup — the editor either saves valid blocks or refuses with a form error and keeps the
page as it was; never a server error. Saved rich text holds only what Wagtail's whitelist
for the body's features allows, and renders without anything a browser would run.
"""

from __future__ import annotations

import json
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.template import engines
from django.utils import translation
from django.utils.translation import gettext
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from wagtail.models import Revision

from articles.models import ArticlePage
from cms.core.blocks import BaseStreamBlock
from tests.factories import ArticlePageFactory, CustomImageFactory

from .forms import article_form, edit_url, paragraph

pytestmark = pytest.mark.django_db

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    database=None,
    # One article for all the examples of a test: each example checks what it changed.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "</title><script>alert(1)</script>",
    "{{ 7*7 }}",
    "</script><script>alert(1)</script>",
    "\x00",
]
BLOCK_TYPES = list(BaseStreamBlock().child_blocks)
#: What may stand where the editor puts a number (a block count, an order, an image id).
numberish = st.one_of(
    st.integers(-2, 5).map(str),
    st.sampled_from(["", "abc", "1e3", "1.5", "99999999999999999999", "\x00", "٣", "-0", "null"]),
)
texts = st.one_of(st.text(max_size=40), st.sampled_from(XSS))
urls = st.sampled_from(
    [
        "https://xuantruong.ninhbinh.gov.vn/",
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        '"><script>alert(1)</script>',
        "",
    ]
)
#: Draftail's JSON as a hostile client could send it: any block and entity types, styles,
#: offsets outside the text, links to script addresses, entity keys that do not exist.
contentstate = st.builds(
    lambda blocks, entities: json.dumps(
        {"blocks": blocks, "entityMap": {str(i): e for i, e in enumerate(entities)}}
    ),
    st.lists(
        st.fixed_dictionaries(
            {
                "key": st.one_of(st.text(max_size=8), st.sampled_from(XSS)),
                "type": st.sampled_from(
                    [
                        *("unstyled", "header-two", "ordered-list-item", "unordered-list-item"),
                        *("atomic", "code-block", "blockquote", "script", "<img>"),
                    ]
                ),
                "text": texts,
                "depth": st.integers(-1, 3),
                "inlineStyleRanges": st.lists(
                    st.fixed_dictionaries(
                        {
                            "offset": st.integers(-2, 50),
                            "length": st.integers(-2, 50),
                            "style": st.sampled_from(
                                ["BOLD", "ITALIC", "SUPERSCRIPT", "CODE", "<script>"]
                            ),
                        }
                    ),
                    max_size=3,
                ),
                "entityRanges": st.lists(
                    st.fixed_dictionaries(
                        {
                            "offset": st.integers(-2, 50),
                            "length": st.integers(-2, 50),
                            "key": st.integers(0, 4),
                        }
                    ),
                    max_size=3,
                ),
                "data": st.just({}),
            }
        ),
        max_size=3,
    ),
    st.lists(
        st.fixed_dictionaries(
            {
                "type": st.sampled_from(
                    ["LINK", "DOCUMENT", "IMAGE", "EMBED", "HORIZONTAL_RULE", "SCRIPT"]
                ),
                "mutability": st.just("MUTABLE"),
                "data": st.fixed_dictionaries(
                    {},
                    optional={
                        "url": urls,
                        "href": urls,
                        "src": urls,
                        "id": st.one_of(st.integers(-1, 3), texts),
                        "alt": texts,
                    },
                ),
            }
        ),
        max_size=4,
    ),
)
#: Markup an editor could paste (well-formed: the browser's editor builds its JSON from
#: the DOM, and the server reads the editor's JSON, never raw HTML).
pasted_html = st.lists(
    st.sampled_from(
        [
            "<p>đoạn văn</p>",
            "<b>đậm</b>",
            "<i>nghiêng</i>",
            '<a href="javascript:alert(1)">x</a>',
            '<a href=" JaVaScRiPt:alert(1)">x</a>',
            '<a href="https://xuantruong.ninhbinh.gov.vn/">liên kết</a>',
            "<script>alert(1)</script>",
            '<img src=x onerror="alert(1)">',
            '<p onclick="alert(1)" style="color:red">bấm</p>',
            "<iframe src='javascript:alert(1)'></iframe>",
            "<h1>tiêu đề</h1>",
            "<table><tr><td>ô</td></tr></table>",
            "<svg onload=alert(1)></svg>",
            "<ul><li>mục</li></ul>",
            "Xuân Trường",
            "&lt;script&gt;",
            "{{ 7*7 }}",
        ]
    ),
    max_size=12,
).map("".join)


class Pasted(str):
    """Markup to convert to the editor's JSON when posted (the converter draws random
    block keys, which a hypothesis strategy must not)."""


rich_text_values = st.one_of(
    pasted_html.map(Pasted),
    contentstate,
    texts,  # not JSON at all
)


def block_values(prefix: str, block_type: str):
    fields = {
        "paragraph": {prefix: rich_text_values},
        "heading": {
            f"{prefix}-text": texts,
            f"{prefix}-level": st.sampled_from(["h2", "h3", "h1", "script", ""]),
        },
        "image": {f"{prefix}-image": numberish, f"{prefix}-caption": texts},
        "quote": {f"{prefix}-text": texts, f"{prefix}-attribution": texts},
        "table": {
            f"{prefix}-caption": texts,
            f"{prefix}-table": st.one_of(
                texts,
                st.builds(
                    lambda cells: json.dumps({"data": [cells], "first_row_is_table_header": 1}),
                    st.lists(st.one_of(texts, st.none(), st.integers()), max_size=3),
                ),
            ),
        },
        "document": {f"{prefix}-document": numberish, f"{prefix}-title": texts},
        # No address of a known video host: the test never reaches the network.
        "embed": {f"{prefix}-embed": st.one_of(urls, texts), f"{prefix}-caption": texts},
    }.get(block_type, {f"{prefix}": texts})
    return st.fixed_dictionaries({}, optional=fields)


@st.composite
def body_posts(draw) -> dict:
    """The body's keys as Wagtail's StreamField widget posts them, with anything in them."""
    count = draw(st.integers(0, 4))
    data = {"body-count": draw(st.one_of(st.just(str(count)), numberish))}
    for i in range(count):
        prefix = f"body-{i}"
        block_type = draw(st.one_of(st.sampled_from(BLOCK_TYPES), st.sampled_from(["", "x"])))
        block = {
            f"{prefix}-type": block_type,
            f"{prefix}-deleted": draw(st.sampled_from(["", "", "1"])),
            f"{prefix}-order": draw(st.one_of(st.just(str(i)), numberish)),
            f"{prefix}-id": draw(st.one_of(st.uuids().map(str), texts)),
        }
        block.update(draw(block_values(f"{prefix}-value", block_type)))
        for key in draw(st.sets(st.sampled_from(sorted(block)), max_size=1)):
            if draw(st.integers(0, 3)) == 0:
                del block[key]  # now and then a key is missing
        data.update(block)
    return data


ALLOWED_TAGS = {"p", "b", "i", "a", "ol", "ul", "li", "sup", "br"}
ALLOWED_ATTRIBUTES = {"data-block-key", "href", "linktype", "id"}
#: What the rendered rich text may also hold: links expanded to pages and documents.
RENDERED_ATTRIBUTES = {"data-block-key", "href"}


DAMAGED = (
    "This field arrived damaged and was not changed. Reload the page and make the change again."
)


def block_errors(soup) -> list[str]:
    """The error messages the StreamField editor shows (Wagtail hands them to its script
    in the block's data attributes)."""
    messages = []
    for element in soup.select("[data-w-block-arguments-value]"):
        _value, errors = json.loads(element["data-w-block-arguments-value"])[:2]
        messages += (errors or {}).get("messages", [])
    return messages


def assert_harmless_markup(html: str, tags: set[str], attributes: set[str]) -> None:
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        assert element.name in tags, f"<{element.name}> in {html!r}"
        assert set(element.attrs) <= attributes, f"{element.attrs} in {html!r}"
        href = "".join(element.get("href", "").split()).lower()
        assert not href.startswith(("javascript:", "vbscript:", "data:")), html


@pytest.fixture
def article(home_page):
    return ArticlePageFactory(publish=False, title="Hội nghị sơ kết công tác quý III")


@pytest.fixture
def image():
    return CustomImageFactory()


def post_body(client, article, body: dict):
    data = article_form(article, body=[])
    data = {key: value for key, value in data.items() if not key.startswith("body-")}
    for key, value in body.items():
        data[key] = paragraph(value) if isinstance(value, Pasted) else value
    before = list(Revision.page_revisions.filter(object_id=str(article.pk)).values_list("pk"))
    response = client.post(edit_url(article), data)
    after = list(Revision.page_revisions.filter(object_id=str(article.pk)).values_list("pk"))
    return response, before, after


@SETTINGS
@given(body=body_posts())
def test_any_body_is_saved_as_valid_blocks_or_refused_with_a_form_error(
    admin_client, article, image, body
):
    response, before, after = post_body(admin_client, article, body)

    assert response.status_code in {HTTPStatus.OK, HTTPStatus.FOUND}
    event("refused" if response.status_code == HTTPStatus.OK else "saved")
    if response.status_code == HTTPStatus.OK:
        # Refused: the editor again, with the error shown, and no new version.
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select(".messages .error"), "refused without saying why"
        assert after == before
        return
    assert len(after) == len(before) + 1
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    for block in draft.body:
        assert block.block_type in BLOCK_TYPES
        if block.block_type == "paragraph":
            stored = block.value.source
            assert_harmless_markup(stored, ALLOWED_TAGS, ALLOWED_ATTRIBUTES)
            rendered = engines["django"].from_string("{% load wagtailcore_tags %}{{ v|richtext }}")
            assert_harmless_markup(
                rendered.render({"v": block.value}), ALLOWED_TAGS, RENDERED_ATTRIBUTES
            )


@pytest.mark.parametrize(
    ("broken", "why"),
    [
        ({"body-count": "mười"}, "a block count that is no number"),
        ({"body-0-order": "x"}, "an order that is no number"),
        ({"body-0-deleted": None}, "a block's key missing"),
        ({"body-0-value": "<p>not the editor's JSON</p>"}, "rich text that is not JSON"),
    ],
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_damaged_body_is_refused_in_the_users_language_and_kept(
    admin_client, admin_user, article, broken, why, language
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    data = article_form(
        article,
        title="Tiêu đề mới không được lưu",
        body=[("paragraph", paragraph("<p>Nội dung mới</p>"))],
    )
    for key, value in broken.items():
        if value is None:
            del data[key]
        else:
            data[key] = value
    revisions = article.revisions.count()

    response = admin_client.post(edit_url(article), data)

    assert response.status_code == HTTPStatus.OK, why
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    with translation.override(language):
        expected = gettext(DAMAGED)
    if language == "en":
        assert expected == DAMAGED
    assert expected in block_errors(soup), why
    assert soup.select(".messages .error")  # "The page could not be saved..."
    article.refresh_from_db()
    assert article.revisions.count() == revisions  # nothing saved, title included
    assert article.title == "Hội nghị sơ kết công tác quý III"
    assert "Nội dung mới" not in str(article.get_latest_revision_as_object().body)


@SETTINGS
@given(html=pasted_html)
def test_pasted_markup_keeps_only_the_whitelisted_elements(admin_client, article, html):
    """Markup pasted into the editor is converted with the body's features; the saved HTML
    holds only their elements, and no script address."""
    response, _before, _after = post_body(
        admin_client,
        article,
        {
            "body-count": "1",
            "body-0-type": "paragraph",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
            "body-0-value": paragraph(html),
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    stored = "".join(block.value.source for block in draft.body)
    assert_harmless_markup(stored, ALLOWED_TAGS, ALLOWED_ATTRIBUTES)
    for text in ("Xuân Trường", "đậm", "mục"):
        if text in html:
            assert text in stored  # the text itself is kept
