"""The admin is Vietnamese throughout, in a real browser, for every editorial role.

A writer, a reviewer, the spokesperson (with a current register entry) and a
translator, all new accounts made with ``create_user`` (the project's signal
gives them the admin in Vietnamese), log in through the login form from a
browser that asks for English (``Accept-Language: en-US``), and open the
screens they use every day. On each screen:

* ``<html lang="vi">``;
* the running text (``document.body.innerText``: main area, sidebar, header,
  footer, open menus and dialogs, screen-reader-only text), the window title,
  and the placeholders, ``aria-label``, ``title``, ``alt`` and tooltip texts and
  button values of every element contain none of the English strings of the
  catalogues (the deny-list below);
* no label, button, heading, tab or attribute is a one-word English msgid
  ("Password"), and no table cell or field shows a Python value ("True", "None").

The deny-list is built from the English msgids of the catalogues the admin is
translated with: the admin's (``cms/admin_locale/vi``: Wagtail, wagtail-localize,
django-taggit, Django's gaps; server side and JavaScript) and the project's own
(``cms/locale/vi``). Every msgid of two or more words is an entry; a msgid with
placeholders matches with anything in their place ("Page '%(page_title)s' has
been updated." matches "Page 'Tin bài' has been updated"). Strings whose
Vietnamese translation keeps the English (brand names, "Email", "URL") and
strings made only of function words ("in the") are left out, and what people
typed (titles, names, topics...) is taken out of the screen text first.

English that no catalogue can fix (written into Wagtail's templates or
wagtail-localize's JavaScript, or in the project's code) is listed in
``KNOWN_ENGLISH`` for the screens where it shows, with its source.

Set ``ADMIN_VI_SCREENSHOTS=1`` to save a full-page screenshot of every screen in
``test-artifacts/admin-vi/`` (to check by eye that the longer Vietnamese labels fit).
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import polib
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_factories import DocumentFactory

from articles.models import ArticlePage
from cms.core.models import Topic
from cms.core.roles import REVIEWER, SPOKESPERSON, TRANSLATOR, WRITER
from cms.security import services as security
from cms.workflows.approval import submit, take_step
from cms.workflows.models import SpokespersonEntry
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CustomImageFactory,
    SpokespersonEntryFactory,
    TopicFactory,
    paragraphs,
)

from .conftest import ACTION_TIMEOUT_MS, ARTIFACTS_DIR

pytestmark = [
    pytest.mark.browser,
    # The live server reads committed data; serialized rollback restores what the
    # migrations created (locales, home page, groups, the workflow) after each flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = (
    ROOT / "cms" / "admin_locale" / "vi" / "LC_MESSAGES" / "django.po",
    ROOT / "cms" / "admin_locale" / "vi" / "LC_MESSAGES" / "djangojs.po",
    ROOT / "cms" / "locale" / "vi" / "LC_MESSAGES" / "django.po",
    ROOT / "cms" / "locale" / "vi" / "LC_MESSAGES" / "djangojs.po",
)
PASSWORD = "correct-horse-battery"
BROWSER_LANGUAGE = "en-US"  # the admin must not follow the browser: the profile says vi
SCREENSHOTS = os.environ.get("ADMIN_VI_SCREENSHOTS", "").lower() in {"1", "true", "yes"}

PHONE = "0912 345 678"  # a personal mobile number: the checker reports it (PII-02)
INDEX_TITLE = "Tin tức – Sự kiện"
LIVE_TITLE = "Xã Xuân Trường tổng kết công tác thông tin đối ngoại quý III"
REVIEW_TITLE = "Hội nghị đối thoại với doanh nghiệp trên địa bàn xã"
APPROVAL_TITLE = "Xuân Trường ra quân làm sạch kênh mương nội đồng"
NEW_TITLE = "Xã Xuân Trường tổ chức Ngày hội Đại đoàn kết toàn dân tộc"
NEW_SUMMARY = "Các thôn đồng loạt tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025."
NEW_BODY = f"Mọi thông tin xin liên hệ anh Hùng, trưởng thôn: {PHONE}."

# English that no catalogue can fix: allowed only for the role and the screens named
# ("*": every role, every screen; a screen name also matches "<name>, ..."). Each is
# in the report of issue 5 with where it comes from and how to fix it. An entry that
# no longer shows up fails the test: delete it once the fix is in.
KNOWN_ENGLISH = {
    # wagtail/admin/templates/wagtailadmin/shared/headers/_actions.html: the header's
    # button bar is <nav aria-label="Actions">, a literal.
    ("*", "*"): {"Actions"},
    # wagtail/admin/templates/wagtailadmin/home.html: the dashboard search form's
    # screen-reader submit button is <input type="submit" value="Search">, a literal.
    ("*", "dashboard"): {"Search"},
    ("reviewer", "workflow action modal"): {"Search"},  # opened on the dashboard
    ("spokesperson", "workflow action modal"): {"Search"},
    ("reviewer", "information-security menu"): {"Search"},  # opened on the dashboard
    ("reviewer", "reports menu"): {"Search"},  # opened on the dashboard
    # wagtail/admin/forms/choosers.py: LocaleFilterMixin's "locale" field has no
    # label either: "Locale" in every snippet chooser (topics).
    ("writer", "topic chooser"): {"Locale"},
    # wagtail_localize/static/wagtail_localize/js/wagtail-localize.js: the
    # screen-reader label of the editor footer's dropdown toggle, a literal.
    ("translator", "translation editor"): {"More actions"},
    # cms/security/wagtail_hooks.py: RuleSettingViewSet.list_display shows the
    # "enabled" BooleanField as text; a BooleanColumn would show an icon.
    ("reviewer", "information-security list"): {"True"},
    # wagtail/admin/templates/wagtailadmin/tables/boolean_cell.html: the icon's
    # screen-reader text is the Python value (value|stringformat:'s').
    ("reviewer", "spokesperson register"): {"True"},
    ("spokesperson", "spokesperson register"): {"True"},
    # Wagtail's inspect view prints None for an empty field (an open-ended
    # register entry has no "valid until" date).
    ("spokesperson", "spokesperson register entry"): {"None"},
}
RAW_VALUES = ("True", "False", "None")  # Python values printed as they are


def vi(message: str, **values) -> str:
    """What the Vietnamese admin shows for ``message``."""
    with translation.override("vi"):
        text = gettext(message)
    return text % values if values else text


# ------------------------------------------------------------------ the deny-list

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|\{\w*\}")
TAG = re.compile(r"<[^>]*>")
EDGE = " \t\n.,:;!?…'\"“”‘’()[]-–"
# Words too common to tell English UI text from anything else on their own.
FUNCTION_WORDS = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in",
        "is", "it", "its", "no", "not", "of", "on", "or", "so", "than", "that", "the", "this",
        "to", "was", "were", "will", "with", "you", "your",
    }
)  # fmt: skip


@dataclass(frozen=True)
class EnglishString:
    msgid: str
    catalogue: str
    words: frozenset[str]  # every literal word, lower case (a quick pre-filter)
    pattern: re.Pattern


def english_pattern(text: str) -> re.Pattern:
    """``text`` (a msgid without HTML) as a regex: placeholders match any short run of text."""
    parts = PLACEHOLDER.split(text)
    pieces = []
    for index, part in enumerate(parts):
        if index:
            pieces.append(r"[^\n]{1,80}?")
        pieces.append(r"\s+".join(re.escape(chunk) for chunk in part.split()))
    body = "".join(pieces)
    # Spaces around a placeholder may collapse when its value is empty.
    body = body.replace(r"[^\n]{1,80}?\s+", r"[^\n]{0,80}?\s*")
    return re.compile(rf"(?<![A-Za-z]){body}(?![A-Za-z])", re.IGNORECASE)


def catalogue_entries():
    """(msgid text without HTML and edge placeholders, msgid, catalogue, its translations)."""
    for path in CATALOGUES:
        if not path.exists():
            continue
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgid:
                continue
            translations = [
                value for value in (entry.msgstr, *entry.msgstr_plural.values()) if value
            ]
            for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
                text = " ".join(html.unescape(TAG.sub(" ", msgid)).split())
                # Leading and trailing placeholders and punctuation say nothing about language.
                while True:
                    stripped = text.strip(EDGE)
                    stripped = re.sub(rf"^(?:{PLACEHOLDER.pattern})", "", stripped)
                    stripped = re.sub(rf"(?:{PLACEHOLDER.pattern})$", "", stripped)
                    if stripped == text:
                        break
                    text = stripped
                kept = any(text.lower() in value.lower() for value in translations)
                if text and not kept:  # kept: English on purpose ("Wagtail API v2", "Email")
                    yield text, msgid, str(path.relative_to(ROOT))


@cache
def english_strings() -> tuple[EnglishString, ...]:
    """The deny-list: every msgid of two or more words (not only function words)."""
    found: dict[str, EnglishString] = {}
    for text, msgid, catalogue in catalogue_entries():
        words = [word.lower() for word in WORD.findall(PLACEHOLDER.sub(" ", text))]
        if len(words) < 2 or set(words) <= FUNCTION_WORDS or text in found:
            continue
        found[text] = EnglishString(msgid, catalogue, frozenset(words), english_pattern(text))
    return tuple(found.values())


@cache
def english_words() -> dict[str, str]:
    """One-word msgids ("Password", "Actions"), lower case → msgid.

    Too short to look for in running text; a label, a button, a heading or an
    attribute that is nothing but one of them is English.
    """
    return {
        text.lower(): msgid
        for text, msgid, _catalogue in catalogue_entries()
        if WORD.fullmatch(text) and len(text) >= 3 and text.lower() not in FUNCTION_WORDS
    }


def english_in(text: str) -> list[tuple[str, str]]:
    """(what matched, which msgid of which catalogue) for every deny-list string in ``text``."""
    present = {word.lower() for word in WORD.findall(text)}
    hits = []
    for string in english_strings():
        if string.words <= present:
            match = string.pattern.search(text)
            if match:
                hits.append((match.group(0), f"msgid {string.msgid!r}, {string.catalogue}"))
    return hits


def user_content() -> list[str]:
    """Texts the people typed (titles, names, topics...), longest first: not the admin's words."""
    texts = set()
    for page in Page.objects.all():
        texts.update({page.title, page.draft_title, page.seo_title})
    texts.update(Topic.objects.values_list("name", flat=True))
    texts.update(get_document_model().objects.values_list("title", flat=True))
    texts.update(get_image_model().objects.values_list("title", flat=True))
    for user in get_user_model().objects.all():
        texts.update({user.get_full_name(), user.first_name, user.last_name, user.username})
    texts.update(SpokespersonEntry.objects.values_list("full_name", flat=True))
    return sorted((text for text in texts if text and len(text) >= 4), key=len, reverse=True)


# ------------------------------------------------------------------ the browser side

COLLECT = """(RAW_VALUES) => {
    const shown = (element) => element.checkVisibility();  // screen-reader-only text counts
    // Running text: everything rendered, the window title, and the attributes read out or
    // shown on hover. Whole texts: labels, buttons, headings, tabs and attribute values.
    const texts = [document.body.innerText, document.title];
    const whole = [];
    const attributes = ["placeholder", "aria-label", "title", "alt",
                        "data-w-tooltip-content-value", "aria-description"];
    for (const element of document.querySelectorAll("body *")) {
        for (const name of attributes) {
            const value = element.getAttribute(name);
            if (value && value.trim()) { texts.push(value); whole.push(value); }
        }
        if (element.tagName === "INPUT" && ["submit", "button"].includes(element.type)
            && element.value) { texts.push(element.value); whole.push(element.value); }
    }
    const labels = "label, button, th, legend, caption, summary, h1, h2, h3, h4, [role=tab], "
        + "[role=option], [role=menuitem], a.button";
    for (const element of document.querySelectorAll(labels)) {
        if (shown(element) && element.innerText.trim()) whole.push(element.innerText);
    }
    // Rendered text nodes that are a Python value and nothing else ("True" in a cell).
    const raw = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.textContent.trim();
        if (RAW_VALUES.includes(value) && shown(node.parentElement)
            && !node.parentElement.closest("script, style, template")) raw.push(value);
    }
    return {lang: document.documentElement.lang, texts, whole, raw};
}"""


# Wait until the short CSS transitions and animations (menus, dialogs fading in) have
# finished; long ones (the help menu's badge pings for 25 s) are decoration.
SETTLED = """() => document.getAnimations().every((animation) =>
    animation.playState !== "running"
    || animation.effect?.getComputedTiming().activeDuration > 1000)"""


@dataclass
class Screens:
    """The screens one person has seen so far, and what was wrong on them."""

    role: str
    problems: list[str] = field(default_factory=list)
    allowed_seen: set[tuple[str, str, str]] = field(default_factory=set)
    count: int = 0

    def check(self, tab, screen: str) -> None:
        tab.wait_for_load_state()
        tab.wait_for_function(SETTLED)
        found = tab.evaluate(COLLECT, list(RAW_VALUES))
        self.count += 1
        if SCREENSHOTS:
            folder = ARTIFACTS_DIR / "admin-vi"
            folder.mkdir(parents=True, exist_ok=True)
            name = re.sub(r"[^\w.-]+", "_", f"{self.role}-{self.count:02d}-{screen}")
            tab.screenshot(path=folder / f"{name}.png", full_page=True)
        where = f"{self.role}, {screen} ({tab.url})"
        if found["lang"] != "vi":
            self.problems.append(f"{where}: <html lang={found['lang']!r}>")

        content = user_content()
        running = "\n".join(" ".join(item.split()) for item in found["texts"])
        for typed in content:
            running = running.replace(typed, " ")
        hits = english_in(running)
        words = english_words()
        for item in found["whole"]:
            value = " ".join(item.split()).strip(" *:…")
            if value.lower() in words and value not in content:
                hits.append((value, f"msgid {words[value.lower()]!r}"))
        hits += [(value, "a Python value") for value in found["raw"]]

        for matched, why in dict(hits).items():  # each English text once per screen
            allowance = self.allowance(screen, matched)
            if allowance:
                self.allowed_seen.add(allowance)
            else:
                self.problems.append(f"{where}: {matched!r} [{why}]")

    def allowance(self, screen: str, matched: str) -> tuple[str, str, str] | None:
        for (role, name), texts in KNOWN_ENGLISH.items():
            if role not in ("*", self.role) or matched not in texts:
                continue
            if name == "*" or screen == name or screen.startswith(f"{name}, "):
                return (role, name, matched)
        return None

    def verdict(self) -> list[str]:
        """Everything wrong, including allowances of KNOWN_ENGLISH that no longer apply."""
        stale = [
            f"{self.role}, {screen}: {text!r} is no longer shown: remove it from KNOWN_ENGLISH"
            for (role, screen), texts in KNOWN_ENGLISH.items()
            if role in ("*", self.role)
            for text in texts
            if (role, screen, text) not in self.allowed_seen
        ]
        return self.problems + stale


@pytest.fixture
def session(browser, live_server, request):
    """Opens a browser context (own cookies) per person; screenshots of them all on failure."""
    contexts = []

    def open_tab(locale: str = BROWSER_LANGUAGE):
        context = browser.new_context(
            base_url=live_server.url, locale=locale, viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_tab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        for number, context in enumerate(contexts, start=1):
            for tab in context.pages:
                tab.screenshot(path=ARTIFACTS_DIR / f"{name}-{number}.png", full_page=True)
    for context in contexts:
        context.close()


def log_in(tab, user):
    tab.goto(reverse("wagtailadmin_login"))
    tab.fill('input[name="username"]', user.username)
    tab.fill('input[name="password"]', PASSWORD)
    with tab.expect_navigation():
        tab.locator('form button[type="submit"]').click()
    assert tab.url.endswith(reverse("wagtailadmin_home")), tab.url
    return tab


def sidebar_menu(tab, label: str):
    """Unfold a sub-menu of the sidebar (Reports, Information security)."""
    tab.locator("#wagtail-sidebar").get_by_role("button", name=label, exact=True).click()
    menu = tab.locator(".sidebar-sub-menu-panel:visible")
    menu.get_by_role("heading", name=label).wait_for()
    return menu


def open_dropdown(tab, locator):
    locator.click()
    tab.locator("[data-w-dropdown-target=content]:visible, .tippy-box:visible").first.wait_for()


# ------------------------------------------------------------------ the newsroom


@pytest.fixture
def newsroom(transactional_db):
    """Four new accounts, a topic, an image, a document and three articles in their states.

    * ``live``: published through the workflow, then edited (a newer draft by the
      writer): history with several versions to compare;
    * ``in_review``: the writer's article with a personal phone number (the
      checker reports it; the reviewer exempted it), waiting for the review;
    * ``for_approval``: reviewed, waiting for the spokesperson.
    """
    user_model = get_user_model()

    def account(role, username, first_name, last_name):
        user = user_model.objects.create_user(
            username=username,
            password=PASSWORD,
            first_name=first_name,
            last_name=last_name,
            email=f"{username}@xuantruong.ninhbinh.gov.vn",
        )
        user.groups.add(Group.objects.get(name=role.group_name))
        return user

    writer = account(WRITER, "bientap-vien", "Nguyễn Thu", "Trang")
    reviewer = account(REVIEWER, "kiemduyet-vien", "Trần Văn", "Lâm")
    spokesperson = account(SPOKESPERSON, "phatngon-vien", "Phạm Quang", "Hưng")
    translator = account(TRANSLATOR, "biendich-vien", "Lê Hải", "Yến")
    SpokespersonEntryFactory(user=spokesperson, full_name=spokesperson.get_full_name())

    topic = TopicFactory(name="Kinh tế – Đầu tư")
    index = ArticleIndexPageFactory(title=INDEX_TITLE)
    CustomImageFactory(title="Cánh đồng lúa Xuân Trường mùa gặt")
    DocumentFactory(title="Kế hoạch công tác thông tin đối ngoại năm 2025")

    live = ArticlePageFactory(parent=index, title=LIVE_TITLE, topic=topic, owner=writer)
    live = ArticlePage.objects.get(pk=live.pk)
    live.summary = "Sơ kết quý III: đã đăng 45 tin bài, 12 bản tin truyền thanh."
    live.save_revision(user=writer)

    in_review = ArticlePageFactory(
        parent=index, title=REVIEW_TITLE, topic=topic, owner=writer, publish=False
    )
    in_review.body = paragraphs(f"Đầu mối liên hệ của doanh nghiệp: anh Hùng, {PHONE}.")
    in_review.save_revision(user=writer)
    submit(in_review, writer)
    scan = security.scan_latest(in_review)
    phone = next(item.finding for item in scan.reported if item.finding.rule == "PII-02")
    security.record_exemption(
        user=reviewer,
        page=in_review,
        revision=scan.revision,
        finding=phone,
        reason="Số điện thoại công vụ của cán bộ đầu mối, đã đồng ý công khai.",
    )

    for_approval = ArticlePageFactory(
        parent=index, title=APPROVAL_TITLE, topic=topic, owner=writer, publish=False
    )
    for_approval.save_revision(user=writer)
    submit(for_approval, writer)
    take_step(for_approval, reviewer, "approve", comment="Nội dung chính xác.")

    return {
        "writer": writer,
        "reviewer": reviewer,
        "spokesperson": spokesperson,
        "translator": translator,
        "topic": topic,
        "index": index,
        "live": live,
        "in_review": in_review,
        "for_approval": for_approval,
    }


def test_deny_list_catches_english_and_leaves_vietnamese_alone():
    strings = english_strings()
    assert len(strings) > 1500
    english = "Page 'Kênh mương' has been updated. Save draft"
    assert {text for text, _why in english_in(english)} == {
        "Page 'Kênh mương' has been updated",
        "Save draft",
    }
    assert english_words()["password"] == "Password"
    assert english_in(vi("Page '%(page_title)s' has been updated.", page_title="Kênh")) == []
    assert english_in(f"{vi('Save draft')} · {vi('Submit for moderation')}") == []


# ------------------------------------------------------------------ the roles


def test_writer_works_in_vietnamese(session, newsroom, expect):
    screens = Screens("writer")
    # A new account: the admin in Vietnamese, whatever language the browser asks for.
    assert UserProfile.get_for_user(newsroom["writer"]).get_preferred_language() == "vi"
    index, live = newsroom["index"], newsroom["live"]
    tab = log_in(session(), newsroom["writer"])
    screens.check(tab, "dashboard")

    tab.goto(reverse("wagtailadmin_explore", args=[index.pk]))
    screens.check(tab, "page explorer")

    # A new article: every tab, the block menu, the topic chooser, the action menu.
    tab.goto(reverse("wagtailadmin_pages:add", args=["articles", "articlepage", index.pk]))
    screens.check(tab, "new article")
    form_tabs = tab.locator("main [role=tab]")
    for number in range(form_tabs.count()):
        form_tabs.nth(number).click()
        screens.check(tab, f"new article, tab {number + 1}")
    form_tabs.first.click()
    tab.fill("#id_title", NEW_TITLE)
    tab.fill("#id_summary", NEW_SUMMARY)
    tab.locator("#body-root .c-sf-add-button").first.click()
    block_menu = tab.get_by_role("option", name=vi("Paragraph"), exact=True)
    expect(block_menu).to_be_visible()
    screens.check(tab, "StreamField block menu")
    block_menu.click()
    tab.locator('#body-root [contenteditable="true"]').first.fill(NEW_BODY)
    tab.locator("#id_topic-chooser [data-chooser-action-choose]").click()
    chooser = tab.locator(".modal")
    expect(chooser.get_by_role("link", name=newsroom["topic"].name, exact=True)).to_be_visible()
    screens.check(tab, "topic chooser")
    chooser.get_by_role("link", name=newsroom["topic"].name, exact=True).click()
    expect(tab.locator("#id_topic-title")).to_have_text(newsroom["topic"].name)
    open_dropdown(tab, tab.locator("footer nav.actions [data-w-dropdown-target=toggle]").first)
    screens.check(tab, "new article, action menu")
    tab.locator("footer nav.actions button.action-save").click()
    # Saving creates the page, then redirects to its editor (which runs the checker).
    tab.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))

    # The saved draft: the findings panel reports the phone number; side panels; actions.
    article = ArticlePage.objects.get(title=NEW_TITLE)
    expect(tab).to_have_url(re.compile(rf"/admin/pages/{article.pk}/edit/$"))
    findings = tab.locator("main").get_by_text(PHONE).first
    expect(findings).to_be_visible()
    screens.check(tab, "article editor with findings")
    for name in ("status", "comments"):
        toggle = tab.locator(f'[data-side-panel-toggle="{name}"]')
        toggle.click()
        expect(tab.locator(f'[data-side-panel="{name}"]')).to_be_visible()
        screens.check(tab, f"article editor, {name} panel")
        toggle.click()
    open_dropdown(tab, tab.locator("footer nav.actions [data-w-dropdown-target=toggle]").first)
    screens.check(tab, "article editor, action menu")

    tab.goto(reverse("security:page_findings", args=[article.pk]))
    expect(tab.locator("main")).to_contain_text(PHONE)
    screens.check(tab, "findings page")

    # History and the comparison of two versions.
    tab.goto(reverse("wagtailadmin_pages:history", args=[live.pk]))
    screens.check(tab, "page history")
    revisions = list(live.revisions.order_by("created_at", "pk").values_list("pk", flat=True))
    tab.goto(
        reverse("wagtailadmin_pages:revisions_compare", args=[live.pk, revisions[0], revisions[-1]])
    )
    screens.check(tab, "revisions compared")

    for url, screen in (
        (reverse("wagtailimages:index"), "images"),
        (reverse("wagtailimages:add_multiple"), "image upload"),
        (reverse("wagtaildocs:index"), "documents"),
        (reverse("wagtaildocs:add_multiple"), "document upload"),
        (reverse("wagtailsnippets_core_topic:list"), "topics"),
    ):
        tab.goto(url)
        screens.check(tab, screen)

    sidebar_menu(tab, vi("Reports"))
    screens.check(tab, "reports menu")

    tab.goto(reverse("wagtailadmin_account"))
    screens.check(tab, "account")
    tab.locator("main [role=tab]").filter(has_text=vi("Notifications")).click()
    screens.check(tab, "account, notifications")

    assert screens.verdict() == [], "\n".join(screens.verdict())


def test_reviewer_works_in_vietnamese(session, newsroom, expect):
    screens = Screens("reviewer")
    # Before logging in the admin follows the browser: a Vietnamese one here.
    visitor = session("vi-VN")
    visitor.goto(reverse("wagtailadmin_login"))
    screens.check(visitor, "login form")

    in_review = newsroom["in_review"]
    tab = log_in(session(), newsroom["reviewer"])
    screens.check(tab, "dashboard")

    row = tab.locator("#awaiting-review-content tr").filter(
        has=tab.get_by_role("link", name=REVIEW_TITLE, exact=True)
    )
    open_dropdown(tab, row.locator("[data-w-dropdown-target=toggle]"))
    screens.check(tab, "dashboard, workflow actions")
    for action, label in (("approve", "Approve the review"), ("reject", "Request changes")):
        if not row.locator(f'button[data-workflow-action-url*="/{action}/"]').is_visible():
            open_dropdown(tab, row.locator("[data-w-dropdown-target=toggle]"))
        row.locator(f'button[data-workflow-action-url*="/{action}/"]').click()
        modal = tab.locator(".modal")
        expect(modal.locator(".w-header")).to_contain_text(vi(label))
        screens.check(tab, f"workflow action modal, {action}")
        modal.locator("button.close, [data-dismiss=modal], .modal-header button").first.click()
        expect(modal).to_be_hidden()

    tab.goto(reverse("wagtailadmin_pages:edit", args=[in_review.pk]))
    open_dropdown(tab, tab.locator("footer nav.actions [data-w-dropdown-target=toggle]").first)
    screens.check(tab, "article editor in review, action menu")

    tab.goto(reverse("security:page_findings", args=[in_review.pk]))
    screens.check(tab, "findings page with an exemption")

    tab.goto(reverse("wagtailsnippets_workflows_spokespersonentry:list"))
    screens.check(tab, "spokesperson register")

    tab.goto(reverse("wagtailadmin_home"))
    menu = sidebar_menu(tab, vi("Information security"))
    screens.check(tab, "information-security menu")
    with tab.expect_navigation():
        menu.get_by_role("link").first.click()
    screens.check(tab, "information-security list")

    tab.goto(reverse("wagtailadmin_home"))
    menu = sidebar_menu(tab, vi("Reports"))
    screens.check(tab, "reports menu")
    with tab.expect_navigation():
        menu.get_by_role("link", name=vi("Exempted security findings"), exact=True).click()
    expect(tab.locator("main")).to_contain_text(REVIEW_TITLE)
    screens.check(tab, "exempted security findings")
    for url, screen in (
        (reverse("wagtailadmin_reports:workflow"), "workflow report"),
        (reverse("wagtailadmin_reports:site_history"), "site history"),
        (reverse("wagtailadmin_pages:history", args=[in_review.pk]), "page history"),
    ):
        tab.goto(url)
        screens.check(tab, screen)

    assert screens.verdict() == [], "\n".join(screens.verdict())


def test_spokesperson_works_in_vietnamese(session, newsroom, expect):
    screens = Screens("spokesperson")
    tab = log_in(session(), newsroom["spokesperson"])
    screens.check(tab, "dashboard")

    row = tab.locator("#awaiting-review-content tr").filter(
        has=tab.get_by_role("link", name=APPROVAL_TITLE, exact=True)
    )
    open_dropdown(tab, row.locator("[data-w-dropdown-target=toggle]"))
    screens.check(tab, "dashboard, workflow actions")
    row.locator('button[data-workflow-action-url*="/approve/"]').click()
    modal = tab.locator(".modal")
    expect(modal.locator(".w-header")).to_contain_text(vi("Approve and publish"))
    screens.check(tab, "workflow action modal, approve and publish")
    modal.locator("button.close, [data-dismiss=modal], .modal-header button").first.click()

    tab.goto(reverse("wagtailadmin_pages:edit", args=[newsroom["for_approval"].pk]))
    open_dropdown(tab, tab.locator("footer nav.actions [data-w-dropdown-target=toggle]").first)
    screens.check(tab, "article editor awaiting approval, action menu")

    tab.goto(reverse("wagtailsnippets_workflows_spokespersonentry:list"))
    screens.check(tab, "spokesperson register")
    entry = SpokespersonEntry.objects.get(user=newsroom["spokesperson"])
    tab.goto(reverse("wagtailsnippets_workflows_spokespersonentry:inspect", args=[entry.pk]))
    screens.check(tab, "spokesperson register entry")

    assert screens.verdict() == [], "\n".join(screens.verdict())


def test_translator_works_in_vietnamese(session, newsroom, expect):
    screens = Screens("translator")
    live = newsroom["live"]
    tab = log_in(session(), newsroom["translator"])
    screens.check(tab, "dashboard")

    # "Translate this page" from the page's header menu, into English.
    tab.goto(reverse("wagtailadmin_explore", args=[live.pk]))
    open_dropdown(tab, tab.locator("#w-slim-header-buttons [data-w-dropdown-target=toggle]"))
    screens.check(tab, "page header menu")
    with tab.expect_navigation():
        tab.get_by_role("link", name=vi("Translate this page"), exact=True).click()
    screens.check(tab, "translate this page")
    tab.locator('main form input[name="locales"]').check()  # the only other language
    with tab.expect_navigation():
        tab.locator('main form input[type="submit"]').click()

    # wagtail-localize's editor, on the English draft.
    english = live.get_translation(Locale.objects.get(language_code="en"))
    expect(tab).to_have_url(re.compile(rf"/admin/pages/{english.pk}/edit/"))
    expect(tab.locator("main")).to_contain_text(LIVE_TITLE)
    screens.check(tab, "translation editor")
    editor_tabs = tab.locator("main [role=tab]")
    for number in range(editor_tabs.count()):
        editor_tabs.nth(number).click()
        screens.check(tab, f"translation editor, tab {number + 1}")
    open_dropdown(tab, tab.locator("footer [data-w-dropdown-target=toggle]").first)
    screens.check(tab, "translation editor, action menu")

    tab.goto(reverse("wagtail_localize:translations_report"))
    screens.check(tab, "translations report")

    assert screens.verdict() == [], "\n".join(screens.verdict())
