"""Search respects access: staff-only and unpublished items never show; a
``missions`` resource shows its title and summary to visitors, never its body."""

import pytest

from portal.publishing import Status
from resources.models import Access
from tests import factories

pytestmark = pytest.mark.postgres


@pytest.fixture
def items(postgres):
    factories.ResourceFactory(
        title_en="Public handbook on hawala",
        summary_en="Informal transfers.",
        body_en="<p>Open text about hawala networks.</p>",
    )
    factories.ResourceFactory(
        title_en="Mission briefing on hawala",
        summary_en="For missions.",
        body_en="<p>Confidential zakat channels analysis.</p>",
        access=Access.MISSIONS,
    )
    factories.ResourceFactory(
        title_en="Staff memo on hawala",
        summary_en="Internal.",
        body_en="<p>Internal zakat notes.</p>",
        access=Access.STAFF,
    )
    factories.ResourceFactory(
        title_en="Draft study of hawala",
        status=Status.DRAFT,
        published_at=None,
    )
    factories.PartnerFactory(
        name_en="Hawala observatory (draft)", status=Status.REVIEW, published_at=None
    )


PUBLIC = {"Public handbook on hawala", "Mission briefing on hawala"}
EVERYTHING = PUBLIC | {
    "Staff memo on hawala",
    "Draft study of hawala",
    "Hawala observatory (draft)",
}


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", PUBLIC),
        ("plain", PUBLIC),
        ("member", PUBLIC),
        ("editor", EVERYTHING),
    ],
)
def test_who_finds_what(as_user, items, who, expected):
    client = as_user(who)
    response = client.get("/en/search/", {"q": "hawala"})
    outcome = response.context["outcome"]
    titles = {hit.title for hit in outcome.page.object_list}
    assert titles == expected
    assert outcome.total == len(expected)
    # Facet counts never count what the reader cannot see.
    type_facet = next(f for f in outcome.facets if f.name == "type")
    assert sum(option.count for option in type_facet.options) == len(expected)
    html = response.content.decode()
    for hidden in EVERYTHING - expected:
        assert hidden not in html


@pytest.mark.parametrize("who", ["anonymous", "plain"])
def test_visitors_never_match_or_quote_a_missions_body(as_user, items, who):
    client = as_user(who)
    response = client.get("/en/search/", {"q": "zakat"})
    assert response.context["outcome"].total == 0
    response = client.get("/en/search/", {"q": "hawala"})
    html = response.content.decode()
    assert "Confidential" not in html
    assert "zakat" not in html.lower()
    hit = next(
        h
        for h in response.context["outcome"].page.object_list
        if h.title == "Mission briefing on hawala"
    )
    assert hit.locked and "missions" in str(hit.snippet).lower()


def test_members_find_and_read_a_missions_body(as_user, items):
    client = as_user("member")
    response = client.get("/en/search/", {"q": "zakat"})
    hits = response.context["outcome"].page.object_list
    assert [h.title for h in hits] == ["Mission briefing on hawala"]
    assert "<mark>zakat</mark>" in str(hits[0].snippet)


def test_staff_find_staff_only_bodies(as_user, items):
    client = as_user("editor")
    response = client.get("/en/search/", {"q": "zakat"})
    titles = {h.title for h in response.context["outcome"].page.object_list}
    assert titles == {"Mission briefing on hawala", "Staff memo on hawala"}


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_suggestions_respect_access(as_user, items, who):
    client = as_user(who)
    found = client.get("/en/search/suggest/", {"q": "hawa"}).json()["suggestions"]
    assert {s["title"] for s in found} == PUBLIC


def test_unpublishing_removes_an_item_at_once(client, items):
    from resources.models import Resource

    resource = Resource.objects.get(title_en="Public handbook on hawala")
    resource.status = Status.ARCHIVED
    resource.save()
    response = client.get("/en/search/", {"q": "hawala"})
    assert {h.title for h in response.context["outcome"].page.object_list} == {
        "Mission briefing on hawala"
    }
