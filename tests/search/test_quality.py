"""Search quality: broad queries rank title matches first, snippets come from
where the match is, and a few results with a better spelling get a "did you mean"."""

import datetime
from urllib.parse import quote

import pytest

from portal.search import ranking
from portal.search.indexing import UPDATE_VECTORS
from portal.search.models import SearchEntry
from tests import factories

pytestmark = pytest.mark.postgres


def bulk_entries(count: int, *, start: int = 1, **fields) -> None:
    """``count`` resource entries straight into the index (thousands in a second)."""
    SearchEntry.objects.bulk_create(
        SearchEntry(
            kind="resource",
            object_id=start + n,
            slug=f"bulk-{start + n}",
            audience=fields.get("audience", "public"),
            title_en=f"Annual report {start + n}",
            summary_en="Yearly figures.",
            body_en=fields.get("body_en", "Mentions terrorism in passing."),
            date=datetime.date(2026, 1, 1) - datetime.timedelta(days=n % 3000),
            year=2026,
            themes=fields.get("themes", []),
            languages=["en"],
        )
        for n in range(count)
    )
    SearchEntry.objects.filter(slug__startswith="bulk-").update(**UPDATE_VECTORS)


@pytest.fixture
def broad(postgres):
    """3,000 body matches, inserted first and all newer than the one title match."""
    bulk_entries(3000)
    factories.ResourceFactory(
        title_en="Terrorism: a handbook",
        summary_en="What it is.",
        published_on=datetime.date(1999, 1, 1),
    )
    factories.ResourceFactory(
        title_en="Prevention programmes",
        summary_en="Preventing terrorism through schools.",
        published_on=datetime.date(1998, 1, 1),
    )


def test_a_title_match_ranks_first_among_thousands(search, broad):
    response, titles = search("terrorism")
    assert titles[:2] == ["Terrorism: a handbook", "Prevention programmes"]
    outcome = response.context["outcome"]
    assert outcome.capped
    assert len(outcome.page.paginator.object_list) == ranking.POOL
    html = response.content.decode()
    assert "most relevant are listed" in html
    # The total is the planner's estimate ("About ...") or, when it cannot be
    # believed, the pool's size ("More than 500").
    assert ("About " in html and outcome.total > 2 * ranking.POOL) or (
        "More than 500 results" in html and outcome.total == 0
    )
    # The facet counts are among the ranked pool, as the page says.
    kinds = {f.name: {o.value: o.count for o in f.options} for f in outcome.facets}
    assert kinds["type"] == {"resource": ranking.POOL}


def test_the_pool_is_title_then_summary_then_body(broad):
    pool = ranking.pool_of(ranking.Criteria(q="terrorism"), "visitor")
    tiers = [row.tier for row in pool.rows]
    assert tiers[:2] == [ranking.TITLE, ranking.HEAD]
    assert set(tiers[2:]) == {ranking.BODY}
    assert pool.capped and len(pool.rows) == ranking.POOL + 1


def test_a_filter_on_a_broad_query_reads_its_own_pool(search, broad):
    factories.ThemeFactory(slug="victims")
    bulk_entries(30, start=10_000, themes=["victims"])
    response, titles = search("terrorism", theme="victims")
    outcome = response.context["outcome"]
    # All 30 themed entries, though the unfiltered pool may hold none of them.
    assert outcome.total == 30 and not outcome.capped
    assert all(title.startswith("Annual report 100") for title in titles)


def test_visitors_never_reach_staff_entries_through_a_broad_query(search, postgres):
    bulk_entries(600, audience="staff", body_en="Staff-only terrorism notes.")
    response, titles = search("terrorism")
    assert titles == [] and response.context["outcome"].total == 0


def test_broad_search_page_query_count(client, broad, django_assert_max_num_queries):
    client.get("/en/search/", {"q": "handbook"})  # taxonomy choices cached
    # The words parsed; the pool (one UNION ALL) with the estimate, in one round
    # trip; the page's snippets.
    with django_assert_max_num_queries(3):
        response = client.get("/en/search/", {"q": "terrorism"})
    assert response.status_code == 200


def test_the_snippet_comes_from_deep_in_a_long_text(search, postgres):
    filler = "Unrelated paragraph about procedures. " * 1500  # about 57,000 chars
    factories.ResourceFactory(
        title_en="Long manual",
        title_ru="Длинное пособие",
        body_en=f"<p>{filler}</p><p>The pangolin protocol is described here.</p>",
        body_ru=f"<p>{filler}</p><p>Раздел о санкционных перечнях.</p>",
    )
    response, titles = search("pangolin")
    hit = response.context["outcome"].page.object_list[0]
    assert titles == ["Long manual"]
    assert "<mark>pangolin</mark>" in str(hit.snippet)
    # Russian, another word form than the one in the text.
    response, titles = search("санкционные перечни", lang="ru")
    hit = response.context["outcome"].page.object_list[0]
    assert "<mark>санкционных</mark>" in str(hit.snippet)


def test_the_snippet_of_a_match_at_the_start_is_unchanged(search, postgres):
    factories.ResourceFactory(
        title_en="Short note", body_en="<p>Wombat census methods.</p>"
    )
    response, _titles = search("census")
    hit = response.context["outcome"].page.object_list[0]
    assert "<mark>census</mark>" in str(hit.snippet)


@pytest.fixture
def typo_in_a_title(postgres):
    for n in range(8):
        factories.ResourceFactory(title_en=f"Terrorism financing guide {n}")
        factories.ResourceFactory(title_ru=f"Экстремизм в сети {n}", title_en="")
    factories.ResourceFactory(title_en="Terorism handbook")
    factories.ResourceFactory(title_ru="Экстримизм: доклад", title_en="")
    factories.ResourceFactory(title_en="Hawala networks")
    for n in range(6):
        factories.ResourceFactory(title_en=f"Hawaii conference {n}")


@pytest.mark.parametrize(
    ("typed", "lang", "better"),
    [("terorism", "en", "terrorism"), ("экстримизм", "ru", "экстремизм")],
)
def test_did_you_mean_when_a_few_results_and_a_better_spelling(
    search, typo_in_a_title, typed, lang, better
):
    response, titles = search(typed, lang=lang)
    assert len(titles) == 1  # the typo in a title is found
    outcome = response.context["outcome"]
    assert outcome.suggestion == better and outcome.corrected == ""
    html = response.content.decode()
    assert 'class="notice search-page__suggestion"' in html
    assert f'href="/{lang}/search/?q={quote(better)}"' in html


def test_no_did_you_mean_for_a_rare_right_word(search, typo_in_a_title):
    response, titles = search("hawala")
    assert titles == ["Hawala networks"]
    assert response.context["outcome"].suggestion == ""


def test_no_did_you_mean_when_results_are_many(search, typo_in_a_title):
    response, _titles = search("terrorism")
    assert response.context["outcome"].suggestion == ""
