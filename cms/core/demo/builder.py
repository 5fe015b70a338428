"""Builds the demo site from the content modules.

Everything is looked up before it is created, so that running the seed again
creates nothing and changes nothing:

- users by username, groups by name;
- images and documents by title;
- topics by slug and locale, occasions by name and locale;
- pages by slug and locale (the home page by its locale);
- English translations by the source object's translation in the English locale.

- incidents of the false-information register by their (made-up) address.

Existing objects are never overwritten, except the Vietnamese home page's intro,
featured story and investment fields, which are set when they differ.

Everything is dated within the plan's period, September–December 2025: the pages'
publication dates come from the content modules, and once everything is published the
workflow history this run wrote is moved to those days (``history.date_history``), so
that the reports for the period have figures.
"""

from __future__ import annotations

import datetime
import io
from collections import Counter
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, ModelLogEntry, Page, Site

from cms.core.models import Topic
from cms.core.roles import ROLES

from . import campaigns, content, history, incidents, news
from .images import render
from .spec import (
    Doc,
    Heading,
    ImageRef,
    Img,
    KeyMessage,
    OccasionRef,
    PageRef,
    PageSpec,
    Para,
    PlanTaskRef,
    Quote,
    Ref,
    T,
    Table,
    TopicRef,
    vi,
)
from .translation import Dictionary, overrides_pending, paragraph_html, translate_object

PAGE_ORDER: tuple[PageSpec, ...] = (
    *content.STANDING_PAGES,
    *campaigns.CAMPAIGNS,
    *news.ARTICLES,
    *news.FEATURES,
)
ALL_PAGES: tuple[PageSpec, ...] = (content.HOME, *PAGE_ORDER)

SUMMARY_MODELS = (
    "home.HomePage",
    "home.ContentPage",
    "articles.ArticleIndexPage",
    "articles.ArticlePage",
    "articles.SovereigntyIndexPage",
    "articles.SovereigntyFeaturePage",
    "campaigns.CampaignIndexPage",
    "campaigns.CampaignPage",
    "home.SpokespersonPage",
    "home.InvestorPage",
)

DEMO_URLS = (
    "http://127.0.0.1:8000/vi/",
    "http://127.0.0.1:8000/en/",
    "http://127.0.0.1:8000/admin/",
)


class SeedError(Exception):
    """A condition that stops the seed with a readable message."""


class Seeder:
    def __init__(self, write: Callable[[str], None], success: Callable[[str], str] | None = None):
        self.write = write
        self.success = success or (lambda text: text)
        self.created: Counter[str] = Counter()
        self.existing: Counter[str] = Counter()
        self.missing: list[tuple[str, str]] = []
        self.users: dict[str, Any] = {}
        self.images: dict[str, Any] = {}
        self.documents: dict[str, Any] = {}
        self.topics: dict[str, Topic] = {}
        self.occasions: dict[str, Any] = {}
        self.pages: dict[str, Page] = {}

    # Helpers.

    def step(self, text: str) -> None:
        self.write(self.success(f"→ {text}"))

    def record(self, kind: str, created: bool, label: str) -> None:
        if created:
            self.created[kind] += 1
            self.write(f"   + {label}")
        else:
            self.existing[kind] += 1

    # Entry point.

    def run(self) -> None:
        started = timezone.now()  # what this run writes from here on is dated afterwards
        self.vi = self.get_locale("vi")
        self.en = self.get_locale("en")
        self.ensure_users()
        self.ensure_allowlist()
        self.ensure_spokesperson_register()
        self.ensure_images()
        self.ensure_documents()
        self.ensure_topics()
        self.ensure_occasions()
        self.ensure_pages()
        self.ensure_translations()
        self.date_history(started)
        self.ensure_incidents()
        self.report()

    def get_locale(self, code: str) -> Locale:
        try:
            return Locale.objects.get(language_code=code)
        except Locale.DoesNotExist:
            raise SeedError(
                f"Chưa có ngôn ngữ '{code}'; hãy chạy migrate trước "
                f"(locale '{code}' is missing; run migrate first)."
            ) from None

    # Users and groups.

    def ensure_users(self) -> None:
        self.step("Tài khoản demo theo vai trò (demo users, one per role)")
        password = getattr(settings, "DEMO_PASSWORD", "")
        if not password:
            raise SeedError("Thiếu thiết lập DEMO_PASSWORD (the DEMO_PASSWORD setting is empty).")
        user_model = get_user_model()
        specs = {spec.role_key: spec for spec in content.USERS}
        for role in ROLES:
            spec = specs[role.key]
            group = Group.objects.filter(name=role.group_name).first()
            if group is None:
                raise SeedError(
                    f"Chưa có nhóm {role.group_name}: hãy chạy manage.py migrate "
                    f"(group {role.group_name} is missing: run manage.py migrate)."
                )

            user = user_model.objects.filter(username=role.demo_username).first()
            created = user is None
            if created:
                user = user_model.objects.create_user(
                    username=role.demo_username,
                    email=f"{role.demo_username}@{content.USER_EMAIL_DOMAIN}",
                    password=password,
                    first_name=spec.first_name,
                    last_name=spec.last_name,
                )
            if not user.groups.filter(pk=group.pk).exists():
                user.groups.add(group)
            self.users[role.key] = user
            self.record("user", created, f"{user.username} – {user.get_full_name()}")

    # The official contacts the checker must let through (NĐ 09/2017/NĐ-CP publishes them).

    def ensure_allowlist(self) -> None:
        from cms.security.models import AllowlistEntry, normalise_allowlist_value

        self.step("Danh sách cho phép của bộ kiểm tra (checker allowlist: official contacts)")
        for kind, value, label in content.ALLOWLIST:
            entry, created = AllowlistEntry.objects.get_or_create(
                kind=kind,
                normalised=normalise_allowlist_value(kind, value),
                defaults={"value": value, "label": label},
            )
            self.record("allowlist", created, f"{entry.label}: {entry.value}")

    # The spokesperson register: who may approve publication, shown on the public site.

    def ensure_spokesperson_register(self) -> None:
        from cms.workflows.models import SpokespersonEntry

        self.step("Sổ đăng ký người phát ngôn (spokesperson register)")
        spec = content.SPOKESPERSON_ENTRY
        user = self.users["spokesperson"]
        entry = SpokespersonEntry.objects.filter(user=user, valid_from=spec["valid_from"]).first()
        created = entry is None
        if created:
            entry = SpokespersonEntry(user=user, **spec)
            entry.full_clean()
            entry.save()
        self.record("spokesperson", created, str(entry))

    # Images and documents.

    def ensure_images(self) -> None:
        self.step("Ảnh minh họa (illustrations)")
        image_model = get_image_model()
        for spec in content.IMAGES:
            image = image_model.objects.filter(title=spec.title).first()
            created = image is None
            if created:
                image = image_model(
                    title=spec.title,
                    description=spec.alt,
                    credit=content.IMAGE_CREDIT,
                    uploaded_by_user=self.users["writer"],
                )
                data = render(spec.motif, spec.palette)
                image.file = ImageFile(io.BytesIO(data), name=f"xuan-truong-{spec.key}.jpg")
                image._set_image_file_metadata()
                image.save()
                if spec.tags:
                    image.tags.add(*spec.tags)
            self.images[spec.key] = image
            self.record("image", created, spec.title)

    def ensure_documents(self) -> None:
        self.step("Tài liệu (documents)")
        document_model = get_document_model()
        for spec in content.DOCUMENTS:
            document = document_model.objects.filter(title=spec.title).first()
            created = document is None
            if created:
                document = document_model(title=spec.title, uploaded_by_user=self.users["writer"])
                document.file = ContentFile(spec.text.encode("utf-8"), name=spec.filename)
                document._set_document_file_metadata()
                document.save()
            self.documents[spec.key] = document
            self.record("document", created, spec.title)

    # Snippets.

    def ensure_topics(self) -> None:
        self.step("Chủ đề (topics)")
        for spec in content.TOPICS:
            slug = vi(spec.slug)
            topic = Topic.objects.filter(slug=slug, locale=self.vi).first()
            created = topic is None
            if created:
                topic = Topic(
                    slug=slug,
                    name=vi(spec.name),
                    description=vi(spec.description),
                    locale=self.vi,
                )
                topic.full_clean()
                topic.save()
            self.topics[slug] = topic
            self.record("topic", created, topic.name)

    def ensure_occasions(self) -> None:
        self.step("Ngày lễ, kỷ niệm (occasions)")
        occasion_model = apps.get_model("campaigns", "Occasion")
        for spec in content.OCCASIONS:
            name = vi(spec.name)
            occasion = occasion_model.objects.filter(name=name, locale=self.vi).first()
            created = occasion is None
            if created:
                occasion = occasion_model(
                    name=name,
                    calendar=spec.calendar,
                    day=spec.day,
                    month=spec.month,
                    founding_year=spec.founding_year,
                    duration_days=spec.duration_days,
                    description=vi(spec.description),
                    locale=self.vi,
                )
                occasion.full_clean()
                occasion.save()
            self.occasions[spec.key] = occasion
            self.record("occasion", created, f"{occasion.date_label} {name}")

    # Pages.

    def ensure_pages(self) -> None:
        home_model = apps.get_model("home", "HomePage")
        try:
            home = home_model.objects.get(locale=self.vi)
        except home_model.DoesNotExist:
            raise SeedError(
                "Không tìm thấy trang chủ tiếng Việt; hãy chạy migrate trước "
                "(the Vietnamese home page is missing; run migrate first)."
            ) from None
        self.pages["home"] = home

        self.step("Trang nội dung, chuyên mục, chiến dịch và tin bài (pages)")
        for spec in PAGE_ORDER:
            self.pages[spec.key] = self.ensure_page(spec)

        self.step("Trang chủ tiếng Việt (Vietnamese home page)")
        self.update_home(home)

    def ensure_page(self, spec: PageSpec) -> Page:
        model = apps.get_model(spec.model)
        slug = vi(spec.slug)
        page = model.objects.filter(slug=slug, locale=self.vi).first()
        if page is not None:
            self.record("page", False, page.title)
            return page

        parent = self.pages[spec.parent]
        page = model(
            title=vi(spec.title),
            slug=slug,
            locale=parent.locale,
            owner=self.users["writer"],
            live=False,  # a draft until the workflow publishes it
        )
        for name, value in spec.fields.items():
            setattr(page, name, self.resolve(value))
        # The home page's sections make up the main menu.
        page.show_in_menus = spec.parent == "home"
        publication_date = spec.fields.get("publication_date")
        if publication_date is not None:
            # Shown in the admin's listings; publish() keeps an existing value.
            page.first_published_at = timezone.make_aware(
                datetime.datetime.combine(publication_date, datetime.time(8, 0))
            )
        for tag in spec.tags:
            page.tags.add(tag)
        parent.add_child(instance=page)
        self.publish(page)
        self.record("page", True, f"{model._meta.verbose_name}: {page.title}")
        return page

    def publish(self, page: Page, author_role: str = "writer") -> None:
        """Publish ``page`` as the admin does: through the workflow and the publication gate.

        The author (the writer, or the translator for an English page) saves a
        revision and submits it; the reviewer confirms the attest items and
        approves; the spokesperson approves, which publishes.
        """
        from cms.workflows.approval import publish_through_workflow

        author = self.users[author_role]
        page.save_revision(user=author, log_action=True)
        try:
            publish_through_workflow(
                page,
                writer=author,
                reviewer=self.users["reviewer"],
                spokesperson=self.users["spokesperson"],
            )
        except Exception as error:  # the demo content must pass the gate: say which page failed
            raise SeedError(
                f"Trang “{page.title}” không qua được quy trình duyệt "
                f"(the page did not pass the workflow): {error}"
            ) from error

    def update_home(self, home) -> None:
        """Fill the home page's fields that are still empty or hold the migration's text.

        A value an editor has already chosen is kept.
        """
        changed = []
        for name, value in content.HOME.fields.items():
            resolved = self.resolve(value)
            field = home._meta.get_field(name)
            current = getattr(home, field.attname)
            wanted = resolved.pk if isinstance(resolved, Page) else resolved
            replaceable = current in (None, "") or current in content.HOME_PLACEHOLDERS.get(
                name, ()
            )
            if current != wanted and replaceable:
                setattr(home, name, resolved)
                changed.append(name)
        if changed:
            self.publish(home)
        self.record("home", bool(changed), f"{home.title}: {', '.join(changed)}")

    def plan_task(self, code: str):
        plan_task_model = apps.get_model("reporting", "PlanTask")
        section, number = code.split(".")
        try:
            return plan_task_model.objects.get(section=section, number=int(number))
        except plan_task_model.DoesNotExist:
            raise SeedError(
                f"Chưa có nhiệm vụ {code} của kế hoạch; hãy chạy migrate trước "
                f"(plan task {code} is missing; run migrate first)."
            ) from None

    # The false-information register (plan, section IV.1).

    def ensure_incidents(self) -> None:
        """The demo incidents; a rebutted one was answered when its rebuttal went live
        (the pages' history is dated by then)."""
        incident_model = apps.get_model("reporting", "Incident")
        self.step("Sổ theo dõi thông tin sai sự thật (false-information register)")
        for spec in incidents.INCIDENTS:
            incident = incident_model.objects.filter(address=spec.address).first()
            created = incident is None
            if created:
                incident = self.create_incident(incident_model, spec)
            self.record("incident", created, str(incident))

    def create_incident(self, incident_model, spec):
        seen_at = timezone.make_aware(spec.seen_at)
        rebuttal = (
            Page.objects.get(pk=self.pages[spec.rebuttal].pk).specific if spec.rebuttal else None
        )
        incident = incident_model(
            seen_at=seen_at,
            platform=spec.platform,
            address=spec.address,
            summary=spec.summary,
            category=spec.category,
            severity=spec.severity,
            status=spec.status,
            unit="vhxh",
            rebuttal_page=rebuttal,
            responded_at=rebuttal.last_published_at if rebuttal else None,
            closed_at=timezone.make_aware(spec.closed_at) if spec.closed_at else None,
            created_by=self.users["reviewer"],
        )
        incident.full_clean()
        incident.save()
        # Recorded by the reviewer soon after it was seen, last changed when answered.
        recorded = seen_at + datetime.timedelta(minutes=40)
        changed = max(filter(None, (recorded, incident.responded_at, incident.closed_at)))
        incident_model.objects.filter(pk=incident.pk).update(
            created_at=recorded, updated_at=changed
        )
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(incident_model),
            object_id=str(incident.pk),
        ).update(timestamp=recorded)
        return incident

    # The editorial history, dated within the plan's period.

    def date_history(self, started) -> None:
        self.step(
            "Lịch sử biên tập trong kỳ kế hoạch, tháng 9–12/2025 "
            "(workflow history dated within September–December 2025)"
        )
        from cms.sitesearch.indexing import index_page

        dated = history.date_history(started)
        # The public search shows a standing page's date from its first publication.
        for page in Page.objects.filter(pk__in=[page.pk for page in dated]).specific():
            index_page(page)
        self.write(f"   Trang (pages): {len(dated)}")

    # Values and StreamField blocks.

    def resolve(self, value: Any) -> Any:
        if isinstance(value, T | str):
            return vi(value)
        if isinstance(value, Para):  # a rich-text field (not a StreamField block)
            return paragraph_html(vi(value.text))
        if isinstance(value, TopicRef):
            return self.topics[value.slug]
        if isinstance(value, ImageRef):
            return self.images[value.key]
        if isinstance(value, PageRef):
            return self.pages[value.key].specific
        if isinstance(value, OccasionRef):
            return self.occasions[value.key]
        if isinstance(value, PlanTaskRef):
            return self.plan_task(value.code)
        if isinstance(value, list):
            return [self.block(item) for item in value]
        return value

    def block(self, item: Any) -> dict[str, Any]:
        if isinstance(item, Para):
            return {"type": "paragraph", "value": paragraph_html(vi(item.text))}
        if isinstance(item, Heading):
            return {"type": "heading", "value": {"text": vi(item.text), "level": item.level}}
        if isinstance(item, Img):
            value = {
                "image": self.images[item.image].pk,
                "caption": vi(item.caption),
                "credit": vi(item.credit),
            }
            return {"type": "image", "value": value}
        if isinstance(item, Quote):
            value = {"text": vi(item.text), "attribution": vi(item.attribution)}
            return {"type": "quote", "value": value}
        if isinstance(item, Table):
            value = {
                "caption": item.caption,
                "table": {
                    "data": [list(row) for row in item.rows],
                    "first_row_is_table_header": item.first_row_is_header,
                    "first_col_is_header": False,
                    "table_caption": "",
                },
            }
            return {"type": "table", "value": value}
        if isinstance(item, Doc):
            value = {"document": self.documents[item.document].pk, "title": vi(item.title)}
            return {"type": "document", "value": value}
        if isinstance(item, Ref):
            value = {
                "symbol": vi(item.symbol),
                "issued_on": item.issued_on.isoformat() if item.issued_on else None,
                "issuer": vi(item.issuer),
                "title": vi(item.title),
                "url": item.url,
            }
            return {"type": "reference", "value": value}
        if isinstance(item, KeyMessage):
            return {"type": "message", "value": {"message": vi(item.message)}}
        raise TypeError(f"Unknown block in demo content: {item!r}")

    # English translations.

    def ensure_translations(self) -> None:
        self.step("Bản dịch tiếng Anh qua wagtail-localize (English translations)")
        self.dictionary = Dictionary.from_content(ALL_PAGES, content.TOPICS, content.OCCASIONS)
        self.translator = self.users["translator"]

        for topic in self.topics.values():
            self.translate(topic, f"chủ đề (topic) {topic.name}")
        for spec in content.OCCASIONS:
            if spec.translate:
                occasion = self.occasions[spec.key]
                self.translate(occasion, f"ngày lễ (occasion) {occasion.name}")

        # Parents before children: the home page, then the pages below it.
        for spec in ALL_PAGES:
            if spec.translate:
                page = self.pages[spec.key].specific
                self.translate(page, f"trang (page) {page.title}")

        # The English home page features the English pages, through overrides of
        # its page-chooser fields (wagtail-localize copies them from the source).
        home_overrides = {}
        for name, value in content.HOME.fields.items():
            if isinstance(value, PageRef):
                english = self.pages[value.key].get_translation_or_none(self.en)
                if english is not None:
                    home_overrides[name] = english.pk
        self.translate(
            self.pages["home"].specific,
            "trang chủ tiếng Anh: tin nổi bật, trang đầu tư (English home: featured pages)",
            overrides=home_overrides,
        )

    def translate(self, instance, label: str, overrides: dict[str, Any] | None = None) -> None:
        existing = instance.get_translation_or_none(self.en)
        if existing is not None and not overrides_pending(instance, self.en, overrides or {}):
            self.record("translation", False, label)
            return
        result = translate_object(
            instance,
            self.en,
            self.dictionary,
            user=self.translator,
            overrides=overrides,
            publish=lambda page: self.publish(page, author_role="translator"),
        )
        for text in result.missing:
            self.missing.append((str(instance), text))
        self.record("translation", True, f"{label} → {result.target}")

    # Summary.

    def report(self) -> None:
        self.step("Tổng kết (summary)")
        created = sum(self.created.values())
        self.write(
            f"   Tạo mới (created): {created}; đã có, giữ nguyên (already there, unchanged): "
            f"{sum(self.existing.values())}"
        )
        if self.created:
            details = ", ".join(f"{kind} {count}" for kind, count in sorted(self.created.items()))
            self.write(f"   Chi tiết tạo mới (created by kind): {details}")

        self.write("   Trang đã xuất bản theo loại và ngôn ngữ (live pages by type and locale):")
        self.write(f"   {'':34} {'vi':>4} {'en':>4}")
        for label in SUMMARY_MODELS:
            model = apps.get_model(label)
            counts = [
                model.objects.live().filter(locale=locale).count() for locale in (self.vi, self.en)
            ]
            self.write(f"   {model.__name__:34} {counts[0]:>4} {counts[1]:>4}")

        occasion_model = apps.get_model("campaigns", "Occasion")
        for label, model in (("Chủ đề (topics)", Topic), ("Ngày lễ (occasions)", occasion_model)):
            self.write(
                f"   {label}: vi {model.objects.filter(locale=self.vi).count()}, "
                f"en {model.objects.filter(locale=self.en).count()}"
            )
        self.write(
            f"   Ảnh (images): {get_image_model().objects.count()}; "
            f"tài liệu (documents): {get_document_model().objects.count()}"
        )

        self.write("   Tài khoản demo (demo users; password = settings.DEMO_PASSWORD):")
        specs = {spec.role_key: spec for spec in content.USERS}
        for role in ROLES:
            user = self.users[role.key]
            self.write(
                f"     {user.username:13} {user.get_full_name():18} {role.group_name} "
                f"– {specs[role.key].job_title}"
            )

        if self.missing:
            self.write(
                f"   Chuỗi chưa có bản dịch, giữ nguyên tiếng Việt "
                f"(strings without a translation, left in Vietnamese): {len(self.missing)}"
            )
            for owner, text in self.missing:
                self.write(f"     [{owner}] {text[:90]}")

        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            self.write("   Chưa có Site mặc định (no default Site); không thay đổi (left as is).")
        else:
            self.write(
                f"   Site mặc định (default site, left as is): {site.hostname}:{site.port} "
                f"→ {site.root_page.title}"
            )
            if site.root_page_id != self.pages["home"].pk:
                self.write(
                    "   Lưu ý: gốc của Site không phải trang chủ tiếng Việt "
                    "(note: the site root is not the Vietnamese home page)."
                )

        self.write("   Địa chỉ (URLs):")
        for url in DEMO_URLS:
            self.write(f"     {url}")
