"""Without PostgreSQL (the SQLite demo) search falls back to a substring match."""

import pytest
from django.db import connection

from resources.models import Access
from tests import factories


@pytest.fixture
def sqlite_like(db, monkeypatch):
    """The fallback's code path, on whatever database runs the tests."""
    monkeypatch.setattr(connection, "vendor", "sqlite")


@pytest.fixture
def items(db):
    factories.ResourceFactory(
        title_ru="Пособие по финансированию", title_en="Financing handbook"
    )
    factories.ResourceFactory(
        title_en="Financing briefing for missions", access=Access.MISSIONS
    )
    factories.ResourceFactory(title_en="Financing staff memo", access=Access.STAFF)
    factories.PartnerFactory(name_en="Financing watchdog")


def test_substring_search_with_access(client, items, sqlite_like):
    response = client.get("/en/search/", {"q": "financ"})
    outcome = response.context["outcome"]
    assert outcome.fallback
    titles = {hit.title for hit in outcome.page.object_list}
    assert titles == {
        "Financing handbook",
        "Financing briefing for missions",
        "Financing watchdog",
    }
    assert "Simple search" in response.content.decode()


def test_fallback_in_russian_and_by_type(client, items, sqlite_like):
    response = client.get("/ru/search/", {"q": "пособие", "type": "resource"})
    titles = [hit.title for hit in response.context["outcome"].page.object_list]
    assert titles == ["Пособие по финансированию"]


def test_fallback_suggestions(client, items, sqlite_like):
    found = client.get("/en/search/suggest/", {"q": "watch"}).json()["suggestions"]
    assert [s["title"] for s in found] == ["Financing watchdog"]


def test_nothing_is_indexed_without_postgresql(items, sqlite_like):
    from portal.search.indexing import entries_rebuild

    assert entries_rebuild() == {}
