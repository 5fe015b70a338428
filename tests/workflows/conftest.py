import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from cms.security import services as security_services


@pytest.fixture(autouse=True)
def fresh_caches():
    """The public spokesperson is kept in Django's cache, which a test rollback does not undo."""
    cache.clear()
    security_services.clear_local_cache()
    yield
    cache.clear()
    security_services.clear_local_cache()


@pytest.fixture
def make_user(db):
    def make(role=None, username=None):
        username = username or (role.key if role else "someone")
        user = get_user_model().objects.create_user(
            username=username, password="correct-horse-battery", first_name=username.title()
        )
        if role is not None:
            user.groups.add(Group.objects.get(name=role.group_name))
        return user

    return make
