import pytest

from portal.notifications.models import Frequency
from tests import factories
from tests.notifications import backends


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "https://portal.example.org"
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    backends.refuse_with.clear()


@pytest.fixture
def refusing_smtp(settings):
    settings.EMAIL_BACKEND = "tests.notifications.backends.RefusingBackend"
    return backends.refuse_with


@pytest.fixture
def theme(db):
    return factories.ThemeFactory()


@pytest.fixture
def region(db):
    return factories.RegionFactory()


def subscribe(*, themes=(), regions=(), kinds=(), **fields):
    """A confirmed subscription with these choices (empty: everything)."""
    fields.setdefault("frequency", Frequency.IMMEDIATE)
    subscription = factories.SubscriptionFactory(kinds=list(kinds), **fields)
    subscription.themes.set(themes)
    subscription.regions.set(regions)
    return subscription
