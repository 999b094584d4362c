"""Helpers for the search tests: run a search through the page, read its hits."""

import pytest

from tests import factories


@pytest.fixture(autouse=True)
def _index_at_once(settings):
    """Entries rebuilt inside the test's transaction (which never commits); the
    deferred path has its own tests (test_upkeep.py), which turn this off."""
    settings.SEARCH_INDEX_SYNC = True


@pytest.fixture
def search(client, postgres):
    """GET the search page; return (response, titles of the hits on it)."""

    def run(q: str, lang: str = "en", who=None, **params):
        if who is not None:
            client.force_login(who)
        response = client.get(f"/{lang}/search/", {"q": q, **params})
        assert response.status_code == 200
        outcome = response.context["outcome"]
        titles = [hit.title for hit in outcome.page.object_list] if outcome else []
        return response, titles

    return run


@pytest.fixture
def resource():
    return factories.ResourceFactory
