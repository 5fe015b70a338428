"""``python manage.py seed_demo``: fill a development database with a realistic demo site.

The command refuses to run against production. The rule:

- never when the settings module is a production one (its last component is
  ``production``, e.g. ``cms.settings.production``);
- otherwise only when ``DEBUG`` is on, or when running tests (a settings module
  whose last component starts with ``test``, or Django's test environment is set up).

It is idempotent: a second run creates nothing and changes nothing.
"""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager

from django.conf import settings
from django.core import mail
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from cms.core.demo.builder import Seeder, SeedError


def settings_module() -> str:
    return getattr(settings, "SETTINGS_MODULE", None) or os.environ.get(
        "DJANGO_SETTINGS_MODULE", ""
    )


def running_tests() -> bool:
    last = settings_module().rsplit(".", 1)[-1]
    # setup_test_environment() gives django.core.mail an outbox.
    return last.startswith("test") or hasattr(mail, "outbox")


def refusal_reason() -> str | None:
    module = settings_module()
    if module.rsplit(".", 1)[-1] == "production":
        return (
            f"Không chạy dữ liệu mẫu với cấu hình production ({module}). "
            f"(Refusing to seed demo data with production settings: {module}.)"
        )
    if not settings.DEBUG and not running_tests():
        return (
            f"Chỉ chạy dữ liệu mẫu khi DEBUG bật hoặc khi chạy kiểm thử; cấu hình hiện tại: "
            f"{module or 'không rõ'}, DEBUG=False. "
            f"(Demo data is only seeded with DEBUG on or under test settings; "
            f"current settings: {module or 'unknown'}, DEBUG=False.)"
        )
    return None


@contextmanager
def quiet_logging(verbosity: int):
    """Hide the INFO log lines of Wagtail and its tasks unless -v 2 or more is given.

    Also the gate's notice that a live page kept its published text when
    wagtail-localize wrote a new translation into it: the seed then publishes
    that text through the workflow.
    """
    if verbosity >= 2:
        yield
        return
    previous = logging.root.manager.disable
    gate_logger = logging.getLogger("cms.workflows.gate")
    gate_level = gate_logger.level
    logging.disable(logging.INFO)
    gate_logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logging.disable(previous)
        gate_logger.setLevel(gate_level)


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu mẫu cho cổng thông tin đối ngoại xã Xuân Trường (chỉ môi trường "
        "phát triển). Seeds a realistic demo site, idempotently; refuses to run in production."
    )

    def handle(self, *args, **options):
        reason = refusal_reason()
        if reason:
            raise CommandError(reason)

        verbosity = options["verbosity"]

        def write(text: str) -> None:
            if verbosity > 0:
                self.stdout.write(text)

        write(
            "Tạo dữ liệu mẫu cổng thông tin đối ngoại xã Xuân Trường "
            "(seeding the Xuan Truong demo site)…"
        )
        seeder = Seeder(write, self.style.MIGRATE_HEADING)
        try:
            # wagtail-localize creates each English page with the Vietnamese slug and
            # then renames it; Wagtail would record a redirect for every rename. The
            # workflow's e-mail notifications to the demo users are kept in memory.
            with (
                quiet_logging(verbosity),
                override_settings(
                    WAGTAILREDIRECTS_AUTO_CREATE=False,
                    EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
                ),
                transaction.atomic(),
            ):
                seeder.run()
        except SeedError as error:
            raise CommandError(str(error)) from error
        write(self.style.SUCCESS("Hoàn tất (done)."))
