"""Accessibility (axe-core) and HTML validity (the Nu HTML Checker) of the public pages.

The tools come from npm, pinned in tests/browser/package-lock.json and installed
by ``make install`` into tests/browser/node_modules: axe-core's ``axe.min.js`` is
injected into each page in Chromium, and the Nu HTML Checker's ``vnu.jar`` runs
with the machine's Java on the HTML the server sent.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

NODE_MODULES = Path(__file__).resolve().parent / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

#: WCAG 2.0 and 2.1, levels A and AA: the rules the site must pass.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

AXE_RUN = """
async (tags) => {
    const results = await axe.run(document, {
        runOnly: {type: "tag", values: tags},
        resultTypes: ["violations"],
    });
    return results.violations.map((rule) => ({
        id: rule.id,
        impact: rule.impact,
        help: rule.help,
        targets: rule.nodes.map((node) => node.target.join(" ")),
        summaries: rule.nodes.map((node) => node.failureSummary || ""),
    }));
}
"""


@dataclass(frozen=True)
class CheckedPage:
    """One address to check, what it shows, and the status it must answer with."""

    label: str
    path: str
    status: int = 200


def tools_unavailable_reason() -> str | None:
    """Why the checks cannot run here, with how to fix it; None when they can."""
    if not AXE_JS.exists() or not VNU_JAR.exists():
        return (
            f"axe-core or vnu-jar is not installed in {NODE_MODULES}: run `make install` "
            "(needs npm: apt-get install -y npm)"
        )
    if shutil.which("java") is None:
        return "Java is needed for the Nu HTML Checker: apt-get install -y default-jre-headless"
    return None


def axe_violations(page) -> list[dict]:
    """Runs axe-core with the WCAG 2.1 AA rules on the document open in ``page``."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Run through the browser's debugging protocol: the site's Content-Security-Policy
        # blocks the inline <script> that add_script_tag would insert.
        page.evaluate("() => {\n" + AXE_JS.read_text(encoding="utf-8") + "\n}")
    return page.evaluate(AXE_RUN, WCAG_TAGS)


def format_axe(found: dict[str, list[dict]]) -> str:
    """A readable list of ``{url: violations}``."""
    lines = []
    for url, violations in found.items():
        for rule in violations:
            lines.append(f"{url}: {rule['id']} ({rule['impact']}): {rule['help']}")
            for target, summary in zip(rule["targets"], rule["summaries"], strict=True):
                detail = " ".join(summary.split())
                lines.append(f"    {target}  — {detail[:300]}")
    return "\n".join(lines)


def vnu_errors(documents: dict[str, str]) -> list[dict]:
    """Validates ``{url: html}`` with the Nu HTML Checker in one Java run.

    Returns the checker's error messages, each with the page's ``url`` instead
    of the temporary file's.
    """
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        files = {}
        for number, (url, html) in enumerate(documents.items(), start=1):
            path = Path(folder) / f"page-{number:02}.html"
            path.write_text(html, encoding="utf-8")
            files[path.name] = url
        completed = subprocess.run(  # noqa: S603 - a fixed program on files the test wrote
            [
                shutil.which("java") or "java",
                "-jar",
                str(VNU_JAR),
                "--errors-only",
                "--format",
                "json",
                *sorted(str(Path(folder) / name) for name in files),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    output = completed.stderr.strip() or completed.stdout.strip()
    try:
        messages = json.loads(output)["messages"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(
            f"The Nu HTML Checker gave no JSON report (exit {completed.returncode}): "
            f"{output[:2000]}"
        ) from error
    errors = []
    for message in messages:
        if message.get("type") not in {"error", "non-document-error"}:
            continue
        name = Path(unquote(urlsplit(message.get("url", "")).path)).name
        errors.append({**message, "url": files.get(name, message.get("url", ""))})
    return errors


def format_vnu(errors: list[dict]) -> str:
    lines = []
    for error in errors:
        where = f"{error['url']}:{error.get('lastLine', '?')}"
        lines.append(f"{where}: {error.get('message', '')}")
        extract = " ".join(error.get("extract", "").split())
        if extract:
            lines.append(f"    {extract[:200]}")
    return "\n".join(lines)


def pages_to_check() -> tuple[list[CheckedPage], list[str]]:
    """Every public page type in Vietnamese and English, found in the database.

    The first live page of each type and locale (in its own language, not an alias
    of the Vietnamese page), the English "not translated yet" notice, the search
    results and the 404 page. Also returns the reasons for entries left out.
    """
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation
    from wagtail.models import Locale

    from articles.models import (
        ArticleIndexPage,
        ArticleKind,
        ArticlePage,
        SovereigntyFeaturePage,
        SovereigntyIndexPage,
    )
    from campaigns.models import CampaignIndexPage, CampaignPage
    from home.models import ContentPage, HomePage, InvestorPage, SpokespersonPage
    from home.untranslated import in_own_language_q, live_translation, notice_url

    kinds = [
        ("home", HomePage.objects.all()),
        ("article index", ArticleIndexPage.objects.all()),
        ("news article", ArticlePage.objects.filter(kind=ArticleKind.NEWS)),
        ("press release", ArticlePage.objects.filter(kind=ArticleKind.PRESS_RELEASE)),
        ("rebuttal", ArticlePage.objects.filter(kind=ArticleKind.REBUTTAL)),
        ("sovereignty index", SovereigntyIndexPage.objects.all()),
        ("sovereignty feature", SovereigntyFeaturePage.objects.all()),
        ("campaign calendar", CampaignIndexPage.objects.all()),
        ("campaign", CampaignPage.objects.all()),
        ("content page", ContentPage.objects.all()),
        ("spokesperson page", SpokespersonPage.objects.all()),
        ("investor page", InvestorPage.objects.all()),
    ]
    missing = {"vi": "khong-ton-tai", "en": "does-not-exist"}
    english = Locale.objects.get(language_code="en")
    checked: list[CheckedPage] = []
    left_out: list[str] = []
    for language in ("vi", "en"):
        for label, queryset in kinds:
            found = (
                queryset.live()
                .public()
                .filter(locale__language_code=language)
                .filter(in_own_language_q())
                .order_by("path")
                .first()
            )
            if found is None:
                left_out.append(f"{label} ({language}): the demo has none")
                continue
            checked.append(CheckedPage(f"{label} ({language})", found.url))
        with translation.override(language):
            try:
                search = reverse("sitesearch:search")
            except NoReverseMatch:
                left_out.append(
                    f"search results ({language}): the URL sitesearch:search does not "
                    "exist yet, so its page is not checked"
                )
            else:
                checked.append(CheckedPage(f"search results ({language})", f"{search}?q=xa"))
        checked.append(
            CheckedPage(f"page not found ({language})", f"/{language}/{missing[language]}/", 404)
        )
    untranslated = next(
        (
            page
            for page in ArticlePage.objects.live()
            .public()
            .filter(locale__language_code="vi")
            .order_by("path")
            if live_translation(page, english.pk) is None
        ),
        None,
    )
    if untranslated is None:
        raise AssertionError("The demo has no Vietnamese article without an English version")
    checked.append(
        CheckedPage("not yet translated notice (en)", notice_url(untranslated, "en"), 404)
    )
    return checked, left_out


#: What YouTube's oEmbed answers (its iframe markup), stored so no request is made.
VIDEO_URL = "https://www.youtube.com/watch?v=xuantruong01"
VIDEO_HTML = (
    '<iframe width="200" height="113" src="https://www.youtube.com/embed/xuantruong01?'
    'feature=oembed" frameborder="0" allow="accelerometer; autoplay; clipboard-write; '
    'encrypted-media; gyroscope; picture-in-picture; web-share" '
    'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen '
    'title="Lễ hội chùa Keo mùa thu"></iframe>'
)


def add_every_block(page) -> None:
    """Publishes a new version of ``page`` (a sovereignty feature) whose body holds the
    block types and rich-text features the demo does not use, a small photo and a map.

    The embedded video is stored in Wagtail's embed table, as a fetch would have left
    it, so that the page renders offline.
    """
    from wagtail.documents import get_document_model
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    from tests.factories import publish_page
    from tests.factories.core import CustomImageFactory

    Embed.objects.update_or_create(
        hash=get_embed_hash(VIDEO_URL),
        defaults={
            "url": VIDEO_URL,
            "type": "video",
            "html": VIDEO_HTML,
            "title": "Lễ hội chùa Keo mùa thu",
            "provider_name": "YouTube",
            "width": 200,
            "height": 113,
        },
    )
    # Narrower than the widest rendition the templates ask for (Wagtail never enlarges).
    photo = CustomImageFactory(file__width=640, file__height=360)
    map_image = CustomImageFactory(
        title="Bản đồ hành chính Việt Nam",
        description="Bản đồ hành chính nước Cộng hòa xã hội chủ nghĩa Việt Nam.",
        file__width=1000,
        file__height=1400,
    )
    document = get_document_model().objects.order_by("pk").first()
    body = list(page.body.raw_data)
    body += [
        {
            "type": "paragraph",
            "value": (
                '<p>Xem <a href="https://chinhphu.vn/">Cổng Thông tin điện tử Chính phủ</a> '
                "và các văn bản:</p><ul><li>Luật Biển Việt Nam 2012;</li>"
                "<li>Công ước Liên hợp quốc về Luật Biển 1982.</li></ul>"
                "<ol><li><b>Một</b></li><li><i>Hai</i> <sup>1</sup></li></ol>"
            ),
        },
        {"type": "heading", "value": {"text": "Tư liệu", "level": "h3"}},
        {
            "type": "table",
            "value": {
                "caption": "Các đảo chính",
                "table": {
                    "data": [
                        ["Quần đảo", "Tỉnh, thành phố"],
                        ["Hoàng Sa", "Đà Nẵng"],
                        ["Trường Sa", "Khánh Hòa"],
                    ],
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "table_caption": "",
                },
            },
        },
        {"type": "document", "value": {"document": document.pk, "title": ""}},
        {
            "type": "embed",
            "value": {"embed": VIDEO_URL, "caption": "Phóng sự về lễ hội chùa Keo"},
        },
        {"type": "image", "value": {"image": photo.pk, "caption": "", "credit": ""}},
    ]
    page.body = body
    page.maps = [
        {
            "type": "map",
            "value": {
                "image": map_image.pk,
                "caption": "Bản đồ hành chính Việt Nam",
                "source": "Cục Đo đạc, Bản đồ và Thông tin địa lý Việt Nam",
            },
        }
    ]
    publish_page(page)
