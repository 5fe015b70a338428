"""Facebook videos in the "Embedded video" block, as Facebook's own video player.

Facebook's oEmbed API needs an application's credentials, and the markup it
answers loads Facebook's JavaScript SDK, which the site's Content-Security-Policy
forbids. Facebook also publishes its video player as a plain frame
(``https://www.facebook.com/plugins/video.php?href=<the video's address>``): this
finder builds that frame from the address alone, without asking Facebook, so the
only thing a page loads from Facebook is the frame its policy allows
(``settings.EMBED_FRAME_HOSTS``).
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.utils.html import format_html
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

#: Addresses of one public Facebook video: a page's or a person's video, a watch
#: link, a reel, the old video.php form, and the short fb.watch links.
VIDEO_URL = re.compile(
    r"^https://(?:(?:www|m|web)\.)?facebook\.com/"
    r"(?:[^/?#\s]+/videos/(?:[^/?#\s]+/)?\d+/?"
    r"|watch/?\?v=\d+"
    r"|reel/\d+/?"
    r"|video\.php\?v=\d+)"
    r"(?:[?&#][^\s]*)?$"
    r"|^https://fb\.watch/[\w-]+/?$"
)
PLAYER_URL = "https://www.facebook.com/plugins/video.php"
#: The player's size in pixels (16:9; the page scales it to the column).
WIDTH, HEIGHT = 560, 315


class FacebookVideoFinder(EmbedFinder):
    def __init__(self, **options):
        self.options = options

    def accept(self, url: str) -> bool:
        return bool(VIDEO_URL.match(url.strip()))

    def find_embed(self, url, max_width=None, max_height=None) -> dict:
        url = url.strip()
        if not self.accept(url):
            raise EmbedNotFoundException
        width = min(WIDTH, max_width) if max_width else WIDTH
        height = round(width * HEIGHT / WIDTH)
        src = f"{PLAYER_URL}?{urlencode({'href': url, 'show_text': 'false', 'width': width})}"
        html = format_html(
            '<iframe src="{}" width="{}" height="{}" allowfullscreen '
            'allow="autoplay; encrypted-media; picture-in-picture"></iframe>',
            src,
            width,
            height,
        )
        return {
            "title": "",
            "author_name": "",
            "provider_name": "Facebook",
            "type": "video",
            "thumbnail_url": None,
            "width": width,
            "height": height,
            "html": str(html),
        }
