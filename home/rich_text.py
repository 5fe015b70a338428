"""Rich-text page links that follow the reader's language (see ``home.untranslated``)."""

from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail.rich_text.pages import PageLinkHandler

from .untranslated import in_own_language_q, is_default_language, locale_id_for, notice_url


class LocalizedPageLinkHandler(PageLinkHandler):
    """Internal page links in rich text, for the language of the page being read.

    Wagtail's handler links to ``page.localized``, which is the Vietnamese page when
    there is no translation: an English reader lands on Vietnamese text without a
    word of warning. This one links to the translation in the active language when
    it is live; otherwise to the page's address in that language, where the reader
    finds the notice with a link to the Vietnamese page. At most three queries for
    all the links of a text.
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        pages = cls.get_many(attrs_list)
        language_code = translation.get_language()
        active_id = locale_id_for(language_code)
        foreign = {
            page.translation_key
            for page in pages
            if page is not None and active_id is not None and page.locale_id != active_id
        }
        translations = {}
        if foreign:
            for translated in (
                Page.objects.live()
                .filter(translation_key__in=foreign, locale_id=active_id)
                .filter(in_own_language_q())
            ):
                translations[translated.translation_key] = translated
        codes = {}
        if foreign and len(translations) < len(foreign):
            codes = dict(Locale.objects.values_list("id", "language_code"))
        tags = []
        for page in pages:
            if page is None:
                tags.append("<a>")
                continue
            url = page.url
            if page.translation_key in foreign:
                translated = translations.get(page.translation_key)
                if translated is not None:
                    url = translated.url
                elif not is_default_language(language_code):
                    # The Vietnamese text links to an English-only page as Wagtail does.
                    url = notice_url(page, language_code, codes.get(page.locale_id)) or url
            tags.append(f'<a href="{escape(url or "")}">')
        return tags
