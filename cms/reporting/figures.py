"""The figures of a reporting period: what was published, how it went through the workflow,
what the checker held back, how much is translated, and the false-information register.

Every public function takes ``(date_from, date_to)``, two dates, both included, and
returns plain dataclasses. The dashboard, the reports and the periodic Word report
(``docx_report``) read them from here, so that the same question gets the same number
everywhere. Counting happens in the database (``values().annotate(Count)``); where a
median or a JSON field is needed, one query fetches the few columns of the period's
rows and Python finishes, so the number of queries never grows with the content.

What counts, decided once here:

* **Published content** is a live page (``live=True``, not an alias) of the three
  content types: articles (news, press releases and rebuttals, ``ArticlePage.kind``),
  sovereignty features and campaigns. Each page counts once, in the language it is in:
  an English translation is a publication of its own (the language table splits them).
* **The period of an item** is its ``publication_date`` for articles and features, and
  its ``start_date`` for a campaign. A campaign that runs across two periods is counted
  once, in the period it began, as an article is counted once; the campaign coverage
  table lists every campaign whose dates overlap the period.
* **Topics, campaigns and occasions** are translatable: the English page may point at
  the English topic. They are grouped by ``translation_key`` and named in Vietnamese,
  the source language. Campaigns have no topic and no responsible unit, so the topic,
  unit and monthly tables count articles and features only.
* **Events** (submissions, decisions, takedowns, refusals, attestations, exemptions,
  incidents) count by the time they happened, in the site's time zone, from 00:00 on
  ``date_from`` to 24:00 on ``date_to``.
"""

from __future__ import annotations

import datetime
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.core.models import ResponsibleUnit, Topic

from .models import Incident, IncidentCategory, IncidentStatus, PlanTask, Platform

# ------------------------------------------------------------------ vocabulary

NEWS, PRESS_RELEASE, REBUTTAL = "news", "press_release", "rebuttal"
SOVEREIGNTY_FEATURE, CAMPAIGN = "sovereignty_feature", "campaign"
#: The page types of the report, in the order the tables show them.
PAGE_TYPES = (NEWS, PRESS_RELEASE, REBUTTAL, SOVEREIGNTY_FEATURE, CAMPAIGN)
PAGE_TYPE_LABELS = {
    NEWS: _("News"),
    PRESS_RELEASE: _("Press release"),
    REBUTTAL: _("Rebuttal of false information"),
    SOVEREIGNTY_FEATURE: _("Sovereignty feature"),
    CAMPAIGN: _("Campaign"),
}
LANGUAGES = ("vi", "en")
LANGUAGE_LABELS = {"vi": _("Vietnamese"), "en": _("English")}
#: The key of the row for items without a plan task, topic, unit or campaign.
NOT_ASSIGNED = ""
NOT_ASSIGNED_LABEL = _("Not assigned")

# Wagtail's and the project's audit-log actions read here.
SUBMIT_ACTIONS = ("wagtail.workflow.start", "wagtail.workflow.resume")
REFUSED_ACTION = "workflows.publication_refused"
RULE_ID_RE = re.compile(r"\b[A-Z]{2,5}-\d{2}\b")


# ------------------------------------------------------------------ results


@dataclass(frozen=True)
class Row:
    """One line of a table: a stable ``key`` (choice value, code, translation key; ``""``
    for "not assigned"), its ``label`` (lazily translated for choices) and a count."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Item:
    """A published page of the period, for the list of titles under each plan task."""

    page_id: int
    title: str
    page_type: str
    language: str
    date: datetime.date
    plan_task_id: int | None

    @property
    def page_type_label(self):
        return PAGE_TYPE_LABELS[self.page_type]


@dataclass(frozen=True)
class PlanTaskFigure:
    """What was published for one task of the plan (``task`` None: not assigned)."""

    task: PlanTask | None
    count: int
    by_type: dict[str, int]
    items: list[Item]

    @property
    def code(self) -> str:
        return self.task.code if self.task else NOT_ASSIGNED

    @property
    def title(self) -> str:
        return self.task.title if self.task else str(NOT_ASSIGNED_LABEL)


@dataclass(frozen=True)
class MonthlyTopics:
    """Articles and features per month (first day of each month of the period) per topic."""

    months: list[datetime.date]
    series: list[tuple[Row, list[int]]]  # (topic row with its total, count per month)


@dataclass(frozen=True)
class DurationRow:
    """A person's decisions in the period and the median time from submission to publication."""

    key: str
    label: str
    count: int
    median: datetime.timedelta | None


@dataclass(frozen=True)
class WorkflowFigures:
    """The workflow in the period.

    * ``submitted``: submissions and resubmissions after a request for changes
      (Wagtail's ``workflow.start`` and ``workflow.resume`` log entries);
    * ``reviewed``: review steps approved; ``approved``: spokesperson approvals
      (``PublicationApproval.approved_at``); ``published``: approvals used to publish
      (``used_at``);
    * ``changes_requested_*``: steps sent back to the author, per step;
    * ``taken_down``: ``Takedown`` rows; ``refused``: the gate's and the steps' refusals;
    * medians: from the first submission of the workflow (``WorkflowState.created_at``)
      to publication, over the pages published in the period, overall and by the
      reviewer and the spokesperson of each publication.
    """

    submitted: int
    reviewed: int
    approved: int
    published: int
    changes_requested_review: int
    changes_requested_spokesperson: int
    taken_down: int
    refused: int
    median_to_publication: datetime.timedelta | None
    per_reviewer: list[DurationRow]
    per_spokesperson: list[DurationRow]

    @property
    def changes_requested(self) -> int:
        return self.changes_requested_review + self.changes_requested_spokesperson


@dataclass(frozen=True)
class RuleOutcome:
    """What happened to one checker rule's findings in the period.

    Findings themselves are not stored (the checker runs on each revision); what is
    stored is what people did about them and what the gate refused:

    * ``held_back``: pages whose review or publication was refused in the period
      with this rule among the reasons (refusal log entries name the rules);
    * ``fixed``: of those pages, the ones published later in the period without an
      exemption of this rule on the published revision: the gate lets no blocking or
      unconfirmed finding through, so the finding was removed from the text;
    * ``exempted``: findings marked as false positives (``Exemption``);
    * ``attested``: findings a reviewer confirmed (``Attestation``).
    """

    rule_id: str
    held_back: int
    fixed: int
    exempted: int
    attested: int


@dataclass(frozen=True)
class CheckerFigures:
    rules: list[RuleOutcome]

    def total(self, outcome: str) -> int:
        return sum(getattr(rule, outcome) for rule in self.rules)


@dataclass(frozen=True)
class TranslationCoverage:
    """Vietnamese content published in the period, and how much of it has a live English
    translation that is current (not on the out-of-date translations report)."""

    vietnamese: int
    translated: int
    current: int

    @property
    def outdated(self) -> int:
        return self.translated - self.current

    @property
    def share(self) -> float | None:
        """The share (0–1) of Vietnamese items with a current English version."""
        return self.current / self.vietnamese if self.vietnamese else None


@dataclass(frozen=True)
class CampaignRow:
    page_id: int
    title: str
    start_date: datetime.date
    end_date: datetime.date
    occasion: str
    articles: int


@dataclass(frozen=True)
class CampaignCoverage:
    """Articles and features of the period per campaign and per occasion.

    ``campaigns``: every live Vietnamese campaign whose dates overlap the period, and
    any other a published item of the period names, with the items naming it.
    ``occasions``: the same items per occasion of the campaign. ``without_campaign``:
    items naming no campaign.
    """

    campaigns: list[CampaignRow]
    occasions: list[Row]
    without_campaign: int


@dataclass(frozen=True)
class IncidentFigures:
    """Incidents seen in the period; the median is from seen to responded (rebuttal)."""

    total: int
    by_status: list[Row]
    by_category: list[Row]
    by_platform: list[Row]
    responded: int
    median_response: datetime.timedelta | None


@dataclass(frozen=True)
class ReportFigures:
    """Everything the periodic report shows, for one period."""

    date_from: datetime.date
    date_to: datetime.date
    plan_tasks: list[PlanTaskFigure]
    page_types: list[Row]
    languages: list[Row]
    topics: list[Row]
    units: list[Row]
    monthly_topics: MonthlyTopics
    workflow: WorkflowFigures
    checker: CheckerFigures
    translations: TranslationCoverage
    campaigns: CampaignCoverage
    incidents: IncidentFigures
    total: int = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "total", sum(row.count for row in self.page_types))


# ------------------------------------------------------------------ the period


def check_period(date_from: datetime.date, date_to: datetime.date) -> None:
    """Raise ``ValueError`` unless ``date_from <= date_to`` (both ``datetime.date``)."""
    for value in (date_from, date_to):
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            raise TypeError("the period is given as two datetime.date values")
    if date_from > date_to:
        raise ValueError("the period ends before it starts")


def time_bounds(date_from, date_to) -> tuple[datetime.datetime, datetime.datetime]:
    """00:00 on ``date_from`` and 00:00 on the day after ``date_to``, in the site's time zone."""
    check_period(date_from, date_to)
    start = datetime.datetime.combine(date_from, datetime.time.min)
    end = datetime.datetime.combine(date_to + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(start), timezone.make_aware(end)


def _during(prefix: str, date_from, date_to) -> Q:
    start, end = time_bounds(date_from, date_to)
    return Q(**{f"{prefix}__gte": start, f"{prefix}__lt": end})


def _median(durations) -> datetime.timedelta | None:
    durations = list(durations)
    if not durations:
        return None
    return datetime.timedelta(seconds=statistics.median(d.total_seconds() for d in durations))


# ------------------------------------------------------------------ published content


def _models():
    from articles.models import ArticlePage, SovereigntyFeaturePage
    from campaigns.models import CampaignPage

    return ArticlePage, SovereigntyFeaturePage, CampaignPage


def _live(model):
    return model.objects.live().filter(alias_of__isnull=True)


def article_querysets(date_from, date_to):
    """Live articles and live sovereignty features published in the period."""
    check_period(date_from, date_to)
    article, feature, _campaign = _models()
    period = Q(publication_date__gte=date_from, publication_date__lte=date_to)
    return _live(article).filter(period), _live(feature).filter(period)


def campaign_queryset(date_from, date_to):
    """Live campaigns that began in the period."""
    check_period(date_from, date_to)
    _article, _feature, campaign = _models()
    return _live(campaign).filter(start_date__gte=date_from, start_date__lte=date_to)


def _content_querysets(date_from, date_to):
    """(page type or None for articles, queryset) of everything published in the period."""
    articles, features = article_querysets(date_from, date_to)
    return [
        (None, articles),
        (SOVEREIGNTY_FEATURE, features),
        (CAMPAIGN, campaign_queryset(date_from, date_to)),
    ]


def _counts(queryset, *fields) -> dict:
    """{value (or tuple of values): count} of ``queryset`` grouped by ``fields``."""
    rows = queryset.order_by().values(*fields).annotate(count=Count("pk"))
    if len(fields) == 1:
        return {row[fields[0]]: row["count"] for row in rows}
    return {tuple(row[name] for name in fields): row["count"] for row in rows}


def published_items(date_from, date_to) -> list[Item]:
    """Every published item of the period, by date then title (three queries)."""
    items = []
    for page_type, queryset in _content_querysets(date_from, date_to):
        date_field = "start_date" if page_type == CAMPAIGN else "publication_date"
        columns = ["pk", "title", "locale__language_code", date_field, "plan_task_id"]
        if page_type is None:
            columns.append("kind")
        for row in queryset.order_by().values(*columns):
            items.append(
                Item(
                    page_id=row["pk"],
                    title=row["title"],
                    page_type=row["kind"] if page_type is None else page_type,
                    language=row["locale__language_code"],
                    date=row[date_field],
                    plan_task_id=row["plan_task_id"],
                )
            )
    items.sort(key=lambda item: (item.date, item.title, item.page_id))
    return items


def by_page_type(date_from, date_to) -> list[Row]:
    """Published items per type: news, press release, rebuttal, sovereignty feature, campaign."""
    counts = Counter()
    for page_type, queryset in _content_querysets(date_from, date_to):
        if page_type is None:
            counts.update(_counts(queryset, "kind"))
        else:
            counts[page_type] += queryset.count()
    return [Row(key, PAGE_TYPE_LABELS[key], counts[key]) for key in PAGE_TYPES]


def by_language(date_from, date_to) -> list[Row]:
    """Published items per language (Vietnamese, English)."""
    counts = Counter()
    for _page_type, queryset in _content_querysets(date_from, date_to):
        counts.update(_counts(queryset, "locale__language_code"))
    return [Row(code, LANGUAGE_LABELS[code], counts[code]) for code in LANGUAGES]


def by_plan_task(date_from, date_to) -> list[PlanTaskFigure]:
    """Published items per plan task, every task of the plan in order (with zero when nothing
    was published for it), then "not assigned" when some item names no task."""
    items = published_items(date_from, date_to)
    grouped: dict[int | None, list[Item]] = defaultdict(list)
    for item in items:
        grouped[item.plan_task_id].append(item)
    figures = []
    tasks = list(PlanTask.objects.all())
    for task in [*tasks, None]:
        task_items = grouped.get(task.pk if task else None, [])
        if task is None and not task_items:
            continue
        by_type = Counter(item.page_type for item in task_items)
        figures.append(
            PlanTaskFigure(
                task=task,
                count=len(task_items),
                by_type={key: by_type[key] for key in PAGE_TYPES},
                items=task_items,
            )
        )
    return figures


def _topic_names(translation_keys) -> dict:
    """{topic translation key: name}, the Vietnamese name when there is one."""
    names = {}
    topics = Topic.objects.filter(translation_key__in=set(translation_keys) - {None})
    for key, name, language in topics.order_by().values_list(
        "translation_key", "name", "locale__language_code"
    ):
        if language == "vi" or key not in names:
            names[key] = name
    return names


def _sorted_rows(counts: dict, labels: dict) -> list[Row]:
    """Rows by count (largest first) then label, "not assigned" last."""
    rows = [
        Row(str(key), str(labels.get(key, key)), count)
        for key, count in counts.items()
        if key is not None and count
    ]
    rows.sort(key=lambda row: (-row.count, row.label))
    if counts.get(None):
        rows.append(Row(NOT_ASSIGNED, NOT_ASSIGNED_LABEL, counts[None]))
    return rows


def by_topic(date_from, date_to) -> list[Row]:
    """Articles and features per topic (campaigns have no topic), largest first."""
    counts = Counter()
    for queryset in article_querysets(date_from, date_to):
        counts.update(_counts(queryset, "topic__translation_key"))
    return _sorted_rows(counts, _topic_names(counts))


def by_unit(date_from, date_to) -> list[Row]:
    """Articles and features per responsible unit (campaigns have no unit), in the order of
    ``ResponsibleUnit``, units with nothing published included."""
    counts = Counter()
    for queryset in article_querysets(date_from, date_to):
        counts.update(_counts(queryset, "unit"))
    rows = [Row(unit.value, unit.label, counts[unit.value]) for unit in ResponsibleUnit]
    known = set(ResponsibleUnit.values)
    other = sum(count for unit, count in counts.items() if unit not in known)
    if other:
        rows.append(Row(NOT_ASSIGNED, NOT_ASSIGNED_LABEL, other))
    return rows


def _months(date_from, date_to) -> list[datetime.date]:
    months, month = [], date_from.replace(day=1)
    while month <= date_to:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def monthly_by_topic(date_from, date_to) -> MonthlyTopics:
    """Articles and features per month and topic, for a chart (topics by total, largest
    first; months with nothing published are zeros)."""
    months = _months(date_from, date_to)
    counts = Counter()
    for queryset in article_querysets(date_from, date_to):
        annotated = queryset.annotate(month=TruncMonth("publication_date"))
        counts.update(_counts(annotated, "topic__translation_key", "month"))
    per_topic: dict[str, list[int]] = defaultdict(lambda: [0] * len(months))
    totals = Counter()
    index = {month: position for position, month in enumerate(months)}
    for (topic, month), count in counts.items():
        month = month.date() if isinstance(month, datetime.datetime) else month
        per_topic[NOT_ASSIGNED if topic is None else str(topic)][index[month]] += count
        totals[topic] += count
    rows = _sorted_rows(totals, _topic_names(totals))
    series = [(row, per_topic[row.key]) for row in rows]
    return MonthlyTopics(months=months, series=series)


# ------------------------------------------------------------------ workflow


def _user_labels(user_ids) -> dict:
    user_ids = set(user_ids) - {None}
    users = get_user_model().objects.filter(pk__in=user_ids)
    return {user.pk: user.get_full_name() or user.get_username() for user in users}


def _duration_rows(pairs) -> list[DurationRow]:
    """``pairs``: (user id, duration) → one row per user, most decisions first."""
    grouped: dict = defaultdict(list)
    for user_id, duration in pairs:
        grouped[user_id].append(duration)
    labels = _user_labels(grouped)
    rows = [
        DurationRow(
            key=str(user_id or NOT_ASSIGNED),
            label=labels.get(user_id) or str(NOT_ASSIGNED_LABEL),
            count=len(durations),
            median=_median(durations),
        )
        for user_id, durations in grouped.items()
    ]
    rows.sort(key=lambda row: (-row.count, row.label))
    return rows


def workflow_figures(date_from, date_to) -> WorkflowFigures:
    """Submissions, decisions, takedowns and refusals in the period, and the median time
    from submission to publication (see ``WorkflowFigures``)."""
    from wagtail.models import PageLogEntry, TaskState

    from cms.workflows.models import (
        PublicationApproval,
        ReviewTask,
        SpokespersonApprovalTask,
        Takedown,
    )

    log_counts = PageLogEntry.objects.filter(_during("timestamp", date_from, date_to)).aggregate(
        submitted=Count("pk", filter=Q(action__in=SUBMIT_ACTIONS)),
        refused=Count("pk", filter=Q(action=REFUSED_ACTION)),
    )
    review = Q(task_id__in=ReviewTask.objects.values("pk"))
    spokesperson = Q(task_id__in=SpokespersonApprovalTask.objects.values("pk"))
    approved, rejected = TaskState.STATUS_APPROVED, TaskState.STATUS_REJECTED
    steps = TaskState.objects.filter(_during("finished_at", date_from, date_to)).aggregate(
        reviewed=Count("pk", filter=review & Q(status=approved)),
        review_rejected=Count("pk", filter=review & Q(status=rejected)),
        spokesperson_rejected=Count("pk", filter=spokesperson & Q(status=rejected)),
    )
    approvals = PublicationApproval.objects.filter(_during("approved_at", date_from, date_to))
    published = list(
        PublicationApproval.objects.filter(_during("used_at", date_from, date_to)).values_list(
            "reviewer_id", "spokesperson_id", "used_at", "workflow_state__created_at"
        )
    )
    timed = [
        (reviewer, spokesperson_id, used_at - submitted_at)
        for reviewer, spokesperson_id, used_at, submitted_at in published
        if submitted_at is not None
    ]
    return WorkflowFigures(
        submitted=log_counts["submitted"],
        reviewed=steps["reviewed"],
        approved=approvals.count(),
        published=len(published),
        changes_requested_review=steps["review_rejected"],
        changes_requested_spokesperson=steps["spokesperson_rejected"],
        taken_down=Takedown.objects.filter(_during("created_at", date_from, date_to)).count(),
        refused=log_counts["refused"],
        median_to_publication=_median(duration for _r, _s, duration in timed),
        per_reviewer=_duration_rows((reviewer, duration) for reviewer, _s, duration in timed),
        per_spokesperson=_duration_rows((person, duration) for _r, person, duration in timed),
    )


# ------------------------------------------------------------------ checker


def _rules_in(data) -> set[str]:
    """The checker rules a refusal log entry names in its reasons."""
    from cms.security.services import rule_catalogue

    rules = set()
    for reason in (data or {}).get("reasons") or []:
        rules.update(RULE_ID_RE.findall(str(reason.get("message", ""))))
    return rules & {rule.id for rule in rule_catalogue()}


def checker_figures(date_from, date_to) -> CheckerFigures:
    """Per checker rule: held back, fixed, exempted and attested in the period (see
    ``RuleOutcome``), every rule with at least one of them, in rule order."""
    from wagtail.models import PageLogEntry

    from cms.security.models import Attestation, Exemption
    from cms.workflows.models import PublicationApproval

    exempted = _counts(
        Exemption.objects.filter(_during("created_at", date_from, date_to)), "rule_id"
    )
    attested = _counts(
        Attestation.objects.filter(_during("created_at", date_from, date_to)), "rule_id"
    )

    # rule → {page id: time of its last refusal naming the rule}
    refused: dict[str, dict[int, datetime.datetime]] = defaultdict(dict)
    refusals = PageLogEntry.objects.filter(
        _during("timestamp", date_from, date_to), action=REFUSED_ACTION
    )
    for page_id, timestamp, data in refusals.values_list("page_id", "timestamp", "data"):
        for rule in _rules_in(data):
            pages = refused[rule]
            if page_id not in pages or timestamp > pages[page_id]:
                pages[page_id] = timestamp
    page_ids = {page_id for pages in refused.values() for page_id in pages}
    publications: dict[int, list] = defaultdict(list)
    for page_id, used_at, revision_id in PublicationApproval.objects.filter(
        _during("used_at", date_from, date_to), page_id__in=page_ids
    ).values_list("page_id", "used_at", "revision_id"):
        publications[page_id].append((used_at, revision_id))
    revisions = {revision for rows in publications.values() for _at, revision in rows}
    # A rule exempted or attested on the published version was let through, not fixed.
    let_through = set(
        Exemption.objects.filter(revision_id__in=revisions).values_list("revision_id", "rule_id")
    ) | set(
        Attestation.objects.filter(revision_id__in=revisions).values_list("revision_id", "rule_id")
    )

    def fixed(rule: str) -> int:
        return sum(
            1
            for page_id, refused_at in refused[rule].items()
            if any(
                used_at > refused_at and (revision, rule) not in let_through
                for used_at, revision in publications[page_id]
            )
        )

    rules = sorted(set(exempted) | set(attested) | {rule for rule in refused if refused[rule]})
    return CheckerFigures(
        rules=[
            RuleOutcome(
                rule_id=rule,
                held_back=len(refused[rule]),
                fixed=fixed(rule),
                exempted=exempted.get(rule, 0),
                attested=attested.get(rule, 0),
            )
            for rule in rules
        ]
    )


# ------------------------------------------------------------------ translations


def translation_coverage(date_from, date_to) -> TranslationCoverage:
    """Of the Vietnamese items published in the period, how many have a live English
    translation, and how many of those are current (``cms.translations.reports``)."""
    from wagtail.models import Page

    from cms.translations.reports import outdated_translations

    english = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale__language_code="en",
        live=True,
        alias_of__isnull=True,
    )
    rows = []
    for _page_type, queryset in _content_querysets(date_from, date_to):
        rows += (
            queryset.filter(locale__language_code="vi")
            .annotate(translated=Exists(english))
            .order_by()
            .values_list("pk", "translated")
        )
    translated = {pk for pk, has_english in rows if has_english}
    outdated = set(
        outdated_translations()
        .filter(target_locale__language_code="en")
        .values_list("source_page_id", flat=True)
    )
    return TranslationCoverage(
        vietnamese=len(rows), translated=len(translated), current=len(translated - outdated)
    )


# ------------------------------------------------------------------ campaigns


def campaign_coverage(date_from, date_to) -> CampaignCoverage:
    """Articles and features of the period per campaign and per occasion."""
    from campaigns.models import Occasion

    _article, _feature, campaign_model = _models()
    per_campaign = Counter()
    for queryset in article_querysets(date_from, date_to):
        per_campaign.update(_counts(queryset, "related_campaign__translation_key"))
    without_campaign = per_campaign.pop(None, 0)

    overlapping = Q(start_date__lte=date_to, end_date__gte=date_from)
    campaigns = (
        _live(campaign_model)
        .filter(locale__language_code="vi")
        .filter(overlapping | Q(translation_key__in=list(per_campaign)))
        .order_by("start_date", "pk")
        .values(
            "pk",
            "title",
            "start_date",
            "end_date",
            "translation_key",
            "occasion__translation_key",
        )
    )
    occasion_keys = {row["occasion__translation_key"] for row in campaigns} - {None}
    occasion_names = {}
    for key, name, language in Occasion.objects.filter(
        translation_key__in=occasion_keys
    ).values_list("translation_key", "name", "locale__language_code"):
        if language == "vi" or key not in occasion_names:
            occasion_names[key] = name

    rows, per_occasion, listed = [], Counter(), set()
    for row in campaigns:
        count = per_campaign.get(row["translation_key"], 0)
        occasion = row["occasion__translation_key"]
        listed.add(row["translation_key"])
        per_occasion[occasion] += count
        rows.append(
            CampaignRow(
                page_id=row["pk"],
                title=row["title"],
                start_date=row["start_date"],
                end_date=row["end_date"],
                occasion=occasion_names.get(occasion, ""),
                articles=count,
            )
        )
    # Items naming a campaign that is not live in Vietnamese any more count as "no occasion".
    per_occasion[None] += sum(n for key, n in per_campaign.items() if key not in listed)
    occasions = _sorted_rows(per_occasion, occasion_names)
    return CampaignCoverage(campaigns=rows, occasions=occasions, without_campaign=without_campaign)


# ------------------------------------------------------------------ incidents


def _choice_rows(counts: dict, choices) -> list[Row]:
    return [Row(choice.value, choice.label, counts.get(choice.value, 0)) for choice in choices]


def incident_figures(date_from, date_to) -> IncidentFigures:
    """Incidents seen in the period, by status, category and platform, and the median time
    from seen to responded over those that were answered."""
    incidents = Incident.objects.filter(_during("seen_at", date_from, date_to))
    responses = list(
        incidents.filter(responded_at__isnull=False).values_list("seen_at", "responded_at")
    )
    return IncidentFigures(
        total=incidents.count(),
        by_status=_choice_rows(_counts(incidents, "status"), IncidentStatus),
        by_category=_choice_rows(_counts(incidents, "category"), IncidentCategory),
        by_platform=_choice_rows(_counts(incidents, "platform"), Platform),
        responded=len(responses),
        median_response=_median(responded - seen for seen, responded in responses),
    )


# ------------------------------------------------------------------ all together


def report_figures(date_from, date_to) -> ReportFigures:
    """Every figure of the periodic report for the period."""
    return ReportFigures(
        date_from=date_from,
        date_to=date_to,
        plan_tasks=by_plan_task(date_from, date_to),
        page_types=by_page_type(date_from, date_to),
        languages=by_language(date_from, date_to),
        topics=by_topic(date_from, date_to),
        units=by_unit(date_from, date_to),
        monthly_topics=monthly_by_topic(date_from, date_to),
        workflow=workflow_figures(date_from, date_to),
        checker=checker_figures(date_from, date_to),
        translations=translation_coverage(date_from, date_to),
        campaigns=campaign_coverage(date_from, date_to),
        incidents=incident_figures(date_from, date_to),
    )
