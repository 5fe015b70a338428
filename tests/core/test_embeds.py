"""Embedded content keeps the site's pages accessible and valid whatever the provider sends."""

from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from wagtail.embeds.models import Embed

PROVIDER_HTML = (
    '<iframe width="560" height="315" src="https://www.youtube.com/embed/abc" '
    'frameborder="0" scrolling="no" allowfullscreen></iframe>'
)


def render(embed):
    return BeautifulSoup(
        render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed}), "html.parser"
    )


def test_an_untitled_frame_is_named_after_the_embed():
    soup = render(Embed(html=PROVIDER_HTML, title='Lễ chào cờ "Tổ quốc"', width=560, height=315))

    frame = soup.find("iframe")
    assert frame["title"] == 'Lễ chào cờ "Tổ quốc"'
    assert "frameborder" not in frame.attrs and "scrolling" not in frame.attrs
    assert frame["src"] == "https://www.youtube.com/embed/abc"
    assert frame.has_attr("allowfullscreen")


def test_a_frame_without_any_title_gets_a_generic_one_in_the_visitors_language():
    soup = render(Embed(html=PROVIDER_HTML, title="", width=560, height=315))

    assert soup.find("iframe")["title"] == "Nội dung nhúng"


def test_a_providers_own_title_is_kept():
    html = '<iframe title="Bản đồ xã" src="https://example.org/map"></iframe>'

    soup = render(Embed(html=html, title="Khác", width=4, height=3))

    assert soup.find("iframe")["title"] == "Bản đồ xã"


def test_a_title_cannot_break_out_of_the_attribute():
    soup = render(Embed(html=PROVIDER_HTML, title='x" onload="alert(1)', width=4, height=3))

    frame = soup.find("iframe")
    assert "onload" not in frame.attrs
    assert frame["title"] == 'x" onload="alert(1)'
