"""An editor who uploads, and a look at what reached the disk and the database."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from cms.core.roles import SITE_ADMIN, WRITER


def _member(django_user_model, username, role):
    user = django_user_model.objects.create_user(
        username=username,
        password="correct-horse-battery",
        first_name="Văn",
        last_name="Minh",
        email=f"{username}@xuantruong.ninhbinh.gov.vn",
    )
    user.groups.add(Group.objects.get(name=role.group_name))
    return user


@pytest.fixture
def writer(db, django_user_model):
    return _member(django_user_model, "pv-tailen", WRITER)


@pytest.fixture
def writer_client(client, writer):
    client.force_login(writer)
    return client


@pytest.fixture
def site_admin(db, django_user_model):
    return _member(django_user_model, "qt-tailen", SITE_ADMIN)


class Storage:
    """The uploads in the database and the files under MEDIA_ROOT, before and after."""

    def __init__(self):
        self.files_before = self.files()
        self.rows_before = self.rows()

    @staticmethod
    def files() -> set[Path]:
        root = Path(settings.MEDIA_ROOT)
        return {path for path in root.rglob("*") if path.is_file()}

    def new_files(self) -> set[Path]:
        return self.files() - self.files_before

    @staticmethod
    def rows() -> dict[str, int]:
        return {
            "images": get_image_model().objects.count(),
            "documents": get_document_model().objects.count(),
            "pending uploads": UploadedFile.objects.count(),
        }

    def assert_nothing_stored(self):
        assert self.rows() == self.rows_before
        assert not self.new_files()


@pytest.fixture
def storage(db):
    return Storage()
