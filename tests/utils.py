"""Helpers for reading rendered pages the way a visitor (or a crawler) sees them."""

from http import HTTPStatus

from bs4 import BeautifulSoup


def get_soup(client, url: str, expected_status: int = HTTPStatus.OK, **extra) -> BeautifulSoup:
    response = client.get(url, **extra)
    assert response.status_code == expected_status, (
        f"GET {url} returned {response.status_code}, expected {expected_status}"
    )
    return BeautifulSoup(response.content, "html.parser")


def h1_texts(soup: BeautifulSoup) -> list[str]:
    return [h1.get_text(" ", strip=True) for h1 in soup.find_all("h1")]


def assert_page_renders(
    client, page, language_code: str, *, title_in_head: bool = True
) -> BeautifulSoup:
    """The page answers 200 at its URL, in the right language, with its title as the one <h1>.

    ``title_in_head``: the page title also appears in the document's <title>
    (the home page uses the portal's name there instead).
    """
    url = page.url
    assert url.startswith(f"/{language_code}/"), f"{page!r} is served at {url}"
    soup = get_soup(client, url)
    assert soup.html.get("lang") == language_code
    assert h1_texts(soup) == [page.title]
    assert soup.title.get_text(strip=True)
    if title_in_head:
        assert page.title in soup.title.get_text()
    return soup


def switcher_links(soup: BeautifulSoup) -> dict[str, str]:
    """hreflang → href of the links in the language switcher."""
    switcher = soup.select_one(".language-switcher")
    if switcher is None:
        return {}
    return {link["hreflang"]: link["href"] for link in switcher.select("a[hreflang]")}


def alternate_links(soup: BeautifulSoup) -> dict[str, str]:
    """hreflang → href of the ``<link rel="alternate">`` elements in <head>."""
    return {
        link["hreflang"]: link["href"]
        for link in soup.head.select('link[rel="alternate"][hreflang]')
    }
