import pytest

from tests import factories


@pytest.fixture
def themes(db):
    return [
        factories.ThemeFactory(slug="borders", name_en="Borders", name_ru="Границы"),
        factories.ThemeFactory(slug="victims", name_en="Victims", name_ru="Жертвы"),
    ]


@pytest.fixture
def regions(db):
    return [
        factories.RegionFactory(slug="africa", name_en="Africa", name_ru="Африка"),
        factories.RegionFactory(slug="asia", name_en="Asia", name_ru="Азия"),
    ]


@pytest.fixture
def request_subscription(themes, regions, django_capture_on_commit_callbacks):
    """Ask for a subscription as a visitor would, with sensible defaults.

    The on-commit hooks (the queued confirmation mail) run as a commit would run them.
    """
    from portal.notifications.subscriptions import subscription_request

    def ask(email="reader@example.org", ip="192.0.2.1", **overrides):
        preferences = {
            "language": "en",
            "themes": [themes[0]],
            "regions": [],
            "kinds": ["resource"],
            "frequency": "immediate",
        }
        preferences.update(overrides)
        with django_capture_on_commit_callbacks(execute=True):
            subscription_request(email=email, ip=ip, **preferences)

    return ask
