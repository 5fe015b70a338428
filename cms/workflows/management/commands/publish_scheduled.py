"""``publish_scheduled``: Wagtail's command, with every scheduled publication through the gate.

Run it every few minutes (cron, systemd timer), as with Wagtail. It overrides
Wagtail's command of the same name (``cms.workflows`` comes before ``wagtail``
in ``INSTALLED_APPS``) and takes the same option, ``--dryrun``, which prints the
same tables.

It does what Wagtail's does: unpublishes live objects whose expiry time has
passed, then publishes the revisions whose approved go-live time has passed.
The difference is that a page revision approved with a future go-live date is
published only if the publication gate (``cms.workflows.gate``) still lets it
through at that moment: the spokesperson's authorisation may have ended, or the
checker's data may now find a blocking item in it. Each revision is published
in its own transaction, so that:

* a revision the gate refuses is not published, its schedule is cancelled
  (``approved_go_live_at`` cleared, ``wagtail.schedule.cancel`` in the page's
  history), the refusal is in the audit log (``workflows.publication_refused``,
  door ``scheduled``) and it is reported on standard error in Vietnamese and
  English; the page's author submits it again once it has been fixed;
* a revision that fails for another reason (a database error...) keeps its
  schedule, so that the next run tries again, and is reported on standard error;
* neither stops the other revisions.

Output: one line per object unpublished or revision published, with a count
(``[3/120]``) so that a long run shows its progress, and a summary line.

Exit status: 0 when every due revision was published (or none was due);
1 when the gate refused at least one; 2 when at least one failed for another
reason (even if others were also refused). With ``call_command`` the last two
raise ``CommandError`` with that ``returncode``.
"""

from __future__ import annotations

from django.apps import apps
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone, translation
from wagtail.log_actions import log
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import DraftStateMixin, Page, Revision
from wagtail.utils.timestamps import ensure_utc

from cms.workflows import gate
from cms.workflows.exceptions import PublicationRefused

EXIT_REFUSED = 1
EXIT_FAILED = 2


class Command(WagtailCommand):
    help = (
        "Unpublish expired objects and publish the revisions whose scheduled time has come, "
        "each through the publication gate; a refused revision's schedule is cancelled. "
        "Exit status 1 if the gate refused any, 2 if any failed otherwise."
    )

    def handle(self, *args, **options):
        dryrun = bool(options.get("dryrun"))
        if dryrun:
            # Nothing is changed: Wagtail's listing of what would be done is exactly right.
            return super().handle(*args, **options)
        self.unpublish_expired()
        published, refused, failed = self.publish_due()
        self.stdout.write(
            f"Đã xuất bản {published}, bị từ chối {refused}, lỗi {failed}. / "
            f"Published {published}, refused {refused}, failed {failed}."
        )
        if failed:
            raise CommandError(
                f"{failed} scheduled revision(s) could not be published.", returncode=EXIT_FAILED
            )
        if refused:
            raise CommandError(
                f"The publication gate refused {refused} scheduled revision(s).",
                returncode=EXIT_REFUSED,
            )

    # ------------------------------------------------------------------ as Wagtail's

    def unpublish_expired(self) -> None:
        models = [Page] + [
            model
            for model in apps.get_models()
            if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
        ]
        now = timezone.now()
        expired = []
        for model in models:
            queryset = model.objects.filter(live=True, expire_at__lt=now).order_by("expire_at")
            expired += list(queryset)
        for index, obj in enumerate(expired, start=1):
            obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
            self.stdout.write(
                f"[{index}/{len(expired)}] Đã gỡ (hết hạn) / Unpublished (expired): {obj} "
                f"({type(obj).__name__} {obj.pk})"
            )

    # ------------------------------------------------------------------ through the gate

    def publish_due(self) -> tuple[int, int, int]:
        due = list(
            Revision.objects.filter(approved_go_live_at__lt=timezone.now())
            .order_by("approved_go_live_at", "pk")
            .values_list("pk", flat=True)
        )
        published = refused = failed = 0
        total = len(due)
        if total:
            self.stdout.write(
                f"{total} phiên bản đến giờ xuất bản. / {total} revision(s) due for publication."
            )
        for index, pk in enumerate(due, start=1):
            revision = Revision.objects.filter(pk=pk, approved_go_live_at__isnull=False).first()
            if revision is None:  # published or cancelled meanwhile (an earlier one in this run)
                continue
            label = self.describe(revision)
            try:
                with gate.door("scheduled"), translation.override("vi"), transaction.atomic():
                    revision.publish(log_action="wagtail.publish.scheduled")
            except PublicationRefused as error:
                refused += 1
                self.cancel_schedule(revision, error)
                self.stderr.write(
                    f"[{index}/{total}] Từ chối xuất bản / Publication refused: {label}\n"
                    f"  vi: {self.reasons(error, 'vi')}\n"
                    f"  en: {self.reasons(error, 'en')}\n"
                    "  Đã hủy lịch xuất bản; tác giả cần gửi duyệt lại. / "
                    "The schedule was cancelled; the author must submit it again."
                )
            except Exception as error:  # one failure must not stop the others
                failed += 1
                self.stderr.write(
                    f"[{index}/{total}] Lỗi khi xuất bản / Publication failed: {label}: "
                    f"{type(error).__name__}: {error}\n"
                    "  Lịch xuất bản được giữ để lần chạy sau thử lại. / "
                    "The schedule is kept; the next run tries again."
                )
            else:
                published += 1
                self.stdout.write(f"[{index}/{total}] Đã xuất bản / Published: {label}")
        return published, refused, failed

    @staticmethod
    def describe(revision) -> str:
        content = revision.content or {}
        title = content.get("title") or revision.object_str
        return (
            f"“{title}” (id {revision.object_id}, phiên bản / revision {revision.pk}, "
            f"{revision.approved_go_live_at:%d/%m/%Y %H:%M})"
        )

    @staticmethod
    def reasons(error: PublicationRefused, language: str) -> str:
        """The refusal's reasons in ``language`` (evaluated again in that language)."""
        codes = [reason.code for reason in error.reasons]
        if language == "vi" or error.revision is None or error.page is None:
            with translation.override(language):
                return error.message if language == "vi" else "; ".join(codes)
        with translation.override(language):
            _approval, reasons = gate.evaluate(error.page, error.revision)
            texts = [str(reason) for reason in reasons] or codes
            head = PublicationRefused([]).message
            return " ".join([head, *texts])

    def cancel_schedule(self, revision, error: PublicationRefused) -> None:
        """Not published: the schedule is cancelled, the refusal and the cancellation logged."""
        Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
        error.door = "scheduled"
        gate.log_refusal(error)
        obj = revision.content_object
        if isinstance(obj, Page):
            obj = obj.specific
        log(
            instance=obj,
            action="wagtail.schedule.cancel",
            revision=revision,
            data={
                "revision": {
                    "id": revision.pk,
                    "created": ensure_utc(revision.created_at),
                    "go_live_at": ensure_utc(revision.approved_go_live_at),
                    "has_live_version": bool(getattr(obj, "live", False)),
                },
                "reason": "publication_refused",
            },
        )
