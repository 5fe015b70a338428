"""Factories for the spokesperson register (``cms.workflows``)."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from cms.core.roles import SPOKESPERSON
from cms.workflows.models import SpokespersonEntry, SpokespersonPosition


class SpokespersonUserFactory(DjangoModelFactory):
    """An active user in the spokesperson group."""

    username = factory.Sequence(lambda n: f"phatngon{n}")
    first_name = "Phạm Quang"
    last_name = "Hưng"
    email = factory.LazyAttribute(lambda user: f"{user.username}@xuantruong.ninhbinh.gov.vn")
    password = factory.django.Password("correct-horse-battery")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name=SPOKESPERSON.group_name))


class SpokespersonEntryFactory(DjangoModelFactory):
    """A current entry for the Chairman (from 1/7/2025, open-ended) unless told otherwise."""

    user = factory.SubFactory(SpokespersonUserFactory)
    full_name = "Phạm Quang Hưng"
    position = SpokespersonPosition.CHAIRMAN
    authorisation = "Quyết định số 15/QĐ-UBND ngày 01/7/2025"
    valid_from = datetime.date(2025, 7, 1)
    valid_until = None
    phone = "0229 3777 555"
    email = "phatngon@xuantruong.ninhbinh.gov.vn"

    class Meta:
        model = SpokespersonEntry
