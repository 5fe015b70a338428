"""The five reports in the Reports menu: shown to holders of ``reporting.view_reports`` only,
their results address (what the filters reload) refused to everyone else too."""

from __future__ import annotations

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.workflows.gate_helpers import make_person

from .reports_helpers import ALLOWED, NAMESPACE, REFUSED, REPORT_NAMES, login, soup_of, url

pytestmark = pytest.mark.django_db


def results_url(name: str) -> str:
    return reverse(f"{NAMESPACE}:{name}_results")


@pytest.mark.parametrize("key", ALLOWED + REFUSED)
def test_the_menu_lists_the_reports_to_those_who_may_read_them(client, key):
    login(client, key)

    menu = client.get(reverse("wagtailadmin_home")).content.decode()

    for name in REPORT_NAMES:
        assert (url(name) in menu) is (key in ALLOWED), name


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_every_report_and_its_results_open_for_a_reviewer(client, name):
    login(client, "reviewer")

    page = client.get(url(name))
    results = client.get(results_url(name))

    assert page.status_code == HTTPStatus.OK
    assert results.status_code == HTTPStatus.OK
    assert soup_of(page).select_one("[data-report-summary]") is not None
    assert soup_of(results).select_one("[data-report-summary]") is not None  # reloaded too
    assert "<html" not in results.content.decode()


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_the_results_address_is_refused_without_the_permission(client, name):
    login(client, "translator")

    response = client.get(results_url(name), headers={"x-requested-with": "XMLHttpRequest"})

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_the_permission_alone_opens_the_reports(client):
    """A writer (who may not read the reports) given ``reporting.view_reports``."""
    writer = make_person("writer", "phongvien-baocao")
    writer.user_permissions.add(
        Permission.objects.get(content_type__app_label="reporting", codename="view_reports")
    )
    client.force_login(writer)

    for name in REPORT_NAMES:
        assert client.get(url(name)).status_code == HTTPStatus.OK, name


def test_the_permission_is_offered_in_the_group_editor(client):
    login(client, "superuser")

    response = client.get(reverse("wagtailusers_groups:add"))

    permission = Permission.objects.get(
        content_type__app_label="reporting", codename="view_reports"
    )
    assert f'value="{permission.pk}"' in response.content.decode()
