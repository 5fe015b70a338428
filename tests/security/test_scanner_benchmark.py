"""``manage.py infosec_benchmark`` and its generated article (the timing itself is not
tested: it depends on the machine)."""

import io

from django.core.management import call_command

from cms.security.management.commands.infosec_benchmark import build_article
from cms.security.scanner import Scanner


def test_the_article_is_reproducible_and_has_the_size_asked_for():
    article = build_article(10_000)
    assert article == build_article(10_000)
    assert 10_000 <= len(article.split()) < 10_100
    assert article != build_article(10_000, seed=1)


def test_the_article_mixes_clean_text_with_findings():
    findings = Scanner().scan(build_article(10_000))
    rules = {f.rule for f in findings}
    assert {"PII-02", "CITE-03", "SPK-03"} <= rules
    # most of it is ordinary news: far fewer findings than sentences
    assert len(findings) < 100


def test_the_command_reports_times_for_each_size_and_the_rules():
    out = io.StringIO()
    call_command(
        "infosec_benchmark",
        "--runs",
        "2",
        "--words",
        "300",
        "600",
        "--extra-terms",
        "40",
        stdout=out,
    )
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("   3") and "median" in lines[0] and "words/s" in lines[0]
    assert lines[1].startswith("   6") and "median" in lines[1]
    assert lines[2].startswith("With 40 more office keywords: median")
    assert "Findings per rule in the first article:" in lines
