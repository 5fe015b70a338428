"""The "Embedded video" block takes only what the public policy frames: YouTube and
Facebook videos. Anything else is refused in the editor rather than shown as a blocked
frame to visitors."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.finders import get_finders

from cms.core.embed_finders import FacebookVideoFinder

FACEBOOK_VIDEOS = [
    "https://www.facebook.com/ubndxaxuantruong/videos/1234567890123456/",
    "https://www.facebook.com/ubndxaxuantruong/videos/le-chao-co/1234567890123456",
    "https://www.facebook.com/watch/?v=1234567890123456",
    "https://m.facebook.com/reel/1234567890123456",
    "https://fb.watch/aBc-12_3/",
]
REFUSED = [
    "https://vimeo.com/123456789",
    "https://www.dailymotion.com/video/x8abcd",
    "https://www.facebook.com/ubndxaxuantruong/posts/1234567890123456",
    "https://www.facebook.com/ubndxaxuantruong",
    "http://www.facebook.com/ubndxaxuantruong/videos/1234567890123456/",
    "https://www.facebook.com.example.org/x/videos/1234567890123456/",
    "https://example.org/?next=https://www.facebook.com/watch/?v=1",
]


def frame_origin(html: str) -> str:
    frame = BeautifulSoup(html, "html.parser").find("iframe")
    return "/".join(frame["src"].split("/")[:3])


@pytest.mark.parametrize("url", FACEBOOK_VIDEOS)
def test_a_facebook_video_becomes_facebooks_player_frame(db, url):
    embed = get_embed(url)

    frame = BeautifulSoup(embed.html, "html.parser").find("iframe")
    address = urlsplit(frame["src"])
    assert f"{address.scheme}://{address.netloc}{address.path}" == (
        "https://www.facebook.com/plugins/video.php"
    )
    assert parse_qs(address.query)["href"] == [url]
    assert embed.provider_name == "Facebook"
    assert (embed.width, embed.height) == (560, 315)
    assert "<script" not in embed.html


def test_every_frame_the_block_makes_is_one_the_public_policy_allows(db):
    facebook = FacebookVideoFinder().find_embed(FACEBOOK_VIDEOS[0])
    youtube_finders = [
        finder for finder in get_finders() if finder.accept("https://youtu.be/xuantruong03")
    ]

    assert frame_origin(facebook["html"]) in settings.EMBED_FRAME_HOSTS
    # YouTube answers through its own oEmbed endpoint only (www.youtube.com/embed/ frames).
    assert len(youtube_finders) == 1
    assert list(youtube_finders[0]._endpoints) == ["https://www.youtube.com/oembed"]
    frame_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]
    assert frame_src == settings.EMBED_FRAME_HOSTS


@pytest.mark.parametrize("url", REFUSED)
def test_any_other_address_is_refused_in_the_editor_with_a_message(db, url):
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        EmbedBlock().clean(EmbedBlock().value_from_form(url))

    assert refused.value.messages == ["Không tìm thấy nội dung nhúng cho URL này."]
    # Refused for its address, before any request to a provider could fail.
    assert not any(finder.accept(url) for finder in get_finders())
