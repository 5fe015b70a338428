import pytest


@pytest.fixture
def enforced(settings):
    """Two-factor authentication on, as in every settings module but the test one."""
    settings.TWO_FACTOR_ENFORCED = True
    return settings
