"""Script-injection payloads and a reader of HTML that finds what they would inject.

Pages are parsed (Python's ``html.parser``, through BeautifulSoup) and searched for what
an injection would leave: an element or attribute that runs script, a script that says
``alert(``, a second ``<title>``, JSON data that no longer parses. Matching strings alone
would miss a payload that survives in another form.
"""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

#: Everything at once: a script element, an attribute breakout with an event handler,
#: a title breakout, template syntax, a JSON-LD breakout and a script address.
PAYLOAD = (
    "<script>alert(1)</script>"
    '"><img src=x onerror=alert(2)>'
    "</title><script>alert(3)</script>"
    "{{7*7}}"
    "</script><script>alert(4)</script>"
    " javascript:alert(5)"
    # An unclosed tag: left alone by tag stripping, it swallows what a page puts after it.
    " <img src=x onerror=alert(9)//"
)
#: For fields of 120 characters (topic names, the spokesperson's published name).
MEDIUM_PAYLOAD = '<script>alert(1)</script>"><img src=x onerror=alert(2)></title>{{7*7}}'
#: For fields that take 100 characters or fewer (tags, document symbols).
SHORT_PAYLOAD = '"><img src=x onerror=alert(6)><script>alert(7)</script>'
#: Cells a spreadsheet program would run as formulas.
FORMULAS = ('=HYPERLINK("https://example.invalid","bấm")', "+1+1", "-2+3", "@SUM(1+1)")

SCRIPT_ADDRESSES = ("javascript:", "vbscript:", "data:text/html")
JSON_TYPES = {"application/ld+json", "application/json"}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data")


def payload(field: str) -> str:
    """The payload, marked with the field it was typed in."""
    return f"XSS {field} {PAYLOAD}"


def medium_payload(field: str) -> str:
    return f"XSS {field} {MEDIUM_PAYLOAD}"


def short_payload(field: str) -> str:
    return f"{field} {SHORT_PAYLOAD}"


def inert_soup(html: str | bytes) -> BeautifulSoup:
    """The parsed page, after checking that nothing in it would run an injected script."""
    soup = BeautifulSoup(html, "html.parser")
    titles = [t for t in soup.find_all("title") if not t.find_parent("svg")]
    assert len(titles) <= 1, "a second <title>: the title broke out"
    for element in soup.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, f"event handler {handlers} on <{element.name}>"
        for name in URL_ATTRIBUTES:
            value = element.get(name)
            if isinstance(value, str):
                compact = "".join(value.split()).lower()
                assert not compact.startswith(SCRIPT_ADDRESSES), f"{name}={value!r}"
        if element.name == "img":
            assert element.get("src") != "x", "an injected <img>"
        if element.name == "script":
            text = element.string or ""
            if element.get("type") in JSON_TYPES:
                json.loads(text)  # a breakout would leave broken JSON
                assert "<" not in text, "unescaped < in a JSON script"
            else:
                assert "alert(" not in text, f"an injected script: {text[:80]!r}"
    return soup


def texts_of(soup, selector: str) -> list[str]:
    return [element.get_text() for element in soup.select(selector)]


def json_ld(soup) -> list:
    return [
        json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")
    ]


def meta(soup, key: str) -> str | None:
    element = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return element.get("content") if element else None
