"""A query compiled once per process gives what the ORM gives, with each run's values."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from partners.models import Partner
from portal.compiled import (
    CompiledCount,
    CompiledQuery,
    CompiledSQL,
    Param,
    kept,
    one_of,
)
from portal.publishing import Status
from tests import factories

pytestmark = pytest.mark.django_db


def _partners(*, country, kinds, published_only):
    queryset = Partner.objects.filter(country_id=country).filter(one_of("kind", kinds))
    if published_only:
        queryset = queryset.filter(status=Status.PUBLISHED)
    return queryset.order_by("slug")


PARTNER_ROWS = CompiledQuery(
    # Several columns: modeltranslation selects them in the order of a set.
    lambda **arguments: _partners(**arguments).values_list(
        "slug", "name_ru", "kind", "country_id", "name_en"
    ),
    params=("country", "kinds"),
)
PARTNER_OBJECTS = CompiledQuery(
    lambda **arguments: (
        _partners(**arguments)
        .select_related("country")
        .annotate(offered=Count("offers"))
    ),
    params=("country", "kinds"),
)
PARTNER_COUNT = CompiledCount(_partners, params=("country", "kinds"))


@pytest.fixture
def world():
    countries = factories.CountryFactory.create_batch(2)
    partners = [
        factories.PartnerFactory(country=country, kind=kind, **extra)
        for country in countries
        for kind in ("member_state", "academia")
        for extra in ({}, {"status": Status.DRAFT, "published_at": None})
    ]
    for partner in partners:
        partner.offers.set(factories.ThemeFactory.create_batch(partner.pk % 3))
    return countries, partners


def runs(country, kinds):
    """Each country and kind list twice, the second time from the kept SQL."""
    return [(c.pk, k) for c in country for k in kinds] * 2


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("published_only", [True, False])
def test_rows_objects_and_counts_are_the_orms(
    postgres, world, language, published_only
):
    countries, _partners_made = world
    kinds = [["member_state"], ["member_state", "academia"], []]
    with translation.override(language):
        for country, chosen in runs(countries, kinds):
            arguments = {"country": country, "kinds": chosen}
            expected = _partners(**arguments, published_only=published_only)
            key = published_only
            rows = PARTNER_ROWS.rows(key, **arguments, published_only=published_only)
            assert rows == list(
                expected.values_list("slug", "name_ru", "kind", "country_id", "name_en")
            )
            assert bool(rows) == bool(chosen)
            objects = PARTNER_OBJECTS.objects(
                key, **arguments, published_only=published_only
            )
            orm = list(
                expected.select_related("country").annotate(offered=Count("offers"))
            )
            assert [(o.pk, o.name, o.country.name, o.offered) for o in objects] == [
                (o.pk, o.name, o.country.name, o.offered) for o in orm
            ]
            count = PARTNER_COUNT.count(key, **arguments, published_only=published_only)
            assert count == expected.count()


def test_the_sql_is_kept_but_never_the_rows(postgres, world):
    countries, _partners_made = world
    arguments = {
        "country": countries[0].pk,
        "kinds": ["member_state"],
        "published_only": True,
    }
    before = [row[0] for row in PARTNER_ROWS.rows(True, **arguments)]
    factories.PartnerFactory(country=countries[0], slug="zz-new")
    after = [row[0] for row in PARTNER_ROWS.rows(True, **arguments)]
    assert after == [*before, "zz-new"]


BY_NAME = CompiledQuery(
    lambda *, country: Partner.objects.filter(country_id=country).order_by("name"),
    params=("country",),
)


def test_the_language_is_part_of_the_key(postgres):
    """modeltranslation orders by the page language's column."""
    country = factories.CountryFactory()
    factories.PartnerFactory(country=country, name_ru="Альфа", name_en="Zulu")
    factories.PartnerFactory(country=country, name_ru="Яблоко", name_en="Apple")
    order = {}
    for language in ("ru", "en"):
        with translation.override(language):
            order[language] = [
                p.name_en for p in BY_NAME.objects(0, country=country.pk)
            ]
    assert order == {"ru": ["Zulu", "Apple"], "en": ["Apple", "Zulu"]}


def test_a_translated_field_must_be_named_by_its_column(postgres, world):
    query = CompiledQuery(
        lambda *, country: Partner.objects.filter(country_id=country).values_list(
            "name"
        ),
        params=("country",),
    )
    with pytest.raises(ImproperlyConfigured, match="name"):
        query.rows(0, country=world[0][0].pk)


def test_flat_rows_are_values(postgres, world):
    query = CompiledQuery(
        lambda *, country: (
            Partner.objects.filter(country_id=country)
            .order_by("slug")
            .values_list("slug", flat=True)
        ),
        params=("country",),
    )
    country = world[0][0].pk
    assert query.rows(0, country=country) == list(query.build(country=country))
    assert all(isinstance(slug, str) for slug in query.rows(0, country=country))


def test_parts_are_read_together_in_the_given_order(postgres, world):
    countries, _partners_made = world

    def parts(*, first, second):
        visible = Partner.objects.published().order_by("slug")
        return [
            visible.filter(country_id=first).values_list("slug", flat=True)[:1],
            visible.filter(country_id=second).values_list("slug", flat=True)[:1],
        ]

    query = CompiledQuery(parts, params=("first", "second"), order_by=("slug",))
    first, second = (country.pk for country in countries)
    expected = sorted(row for part in parts(first=first, second=second) for row in part)
    assert query.rows("k", first=first, second=second) == expected


def test_a_param_compiles_to_one_placeholder():
    assert Param("x").as_sql(None, None)[0] == "%s"


def test_the_least_recently_used_statements_go_past_the_cap(
    postgres, world, monkeypatch
):
    """Keys may follow a visitor's choices: a worker keeps a bounded number."""
    monkeypatch.setattr("portal.compiled.MAX_STATEMENTS", 2)
    countries, _partners_made = world
    kept = CompiledQuery(
        lambda *, country, offset: (
            Partner.objects.filter(country_id=country)
            .order_by("slug")
            .values_list("slug", flat=True)[offset:]
        ),
        params=("country",),
    )
    expected = {
        offset: list(
            Partner.objects.filter(country_id=countries[0].pk)
            .order_by("slug")
            .values_list("slug", flat=True)[offset:]
        )
        for offset in range(4)
    }
    with translation.override("en"):
        for offset in (0, 1, 0, 2, 3, 0):
            rows = kept.rows(offset, country=countries[0].pk, offset=offset)
            assert rows == expected[offset]
    # 0 was used last, 3 just before it; 1 and 2 went.
    assert [key for key, _language in kept._statements] == [3, 0]


SEARCHED = CompiledQuery(
    lambda *, country, text: (
        Partner.objects.filter(country_id=country, name_en__contains=text)
        .order_by("slug")
        .values_list("slug", flat=True)
    ),
    params=("country",),
)


@pytest.mark.parametrize("text", ["50%", "O'Brien", "back\\slash", "%s", "ok"])
def test_constants_are_written_into_the_sql_exactly(postgres, text):
    """Values other than the params become literals; quotes, percent signs and
    placeholders in them are text, not SQL."""
    country = factories.CountryFactory()
    factories.PartnerFactory(country=country, slug="hit", name_en=f"x {text} y")
    factories.PartnerFactory(country=country, slug="miss", name_en="nothing here")
    with translation.override("en"):
        assert SEARCHED.rows(text, country=country.pk, text=text) == ["hit"]
        statement = next(iter(SEARCHED._statements.values()))
    assert statement.names == ("country",)
    assert statement.sql.count("%s") == 1


def _prepared_statements() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return {row[0] for row in cursor.fetchall()}


def test_a_statement_is_prepared_from_its_second_run(postgres, world):
    """Prepared with its constants in the SQL, so that a kept plan can use
    partial indexes (``WHERE status = 'published'``); each run's values are
    still bound anew."""
    countries, _partners_made = world
    query = CompiledQuery(
        lambda *, country: (
            Partner.objects.published()
            .filter(country_id=country)
            .order_by("slug")
            .values_list("slug", flat=True)
        ),
        params=("country",),
    )
    first, second = (country.pk for country in countries)
    assert query.rows(0, country=first) == list(query.build(country=first))
    statement = next(iter(query._statements.values()))
    assert "'published'" in statement.sql
    assert not any("'published'" in sql for sql in _prepared_statements())
    for country in (second, first, second):
        assert query.rows(0, country=country) == list(query.build(country=country))
    prepared = [sql for sql in _prepared_statements() if "partners_partner" in sql]
    assert len(prepared) == 1
    assert "'published'" in prepared[0]
    assert "$1" in prepared[0]


def test_compiled_statements_are_counted_and_logged_with_their_values(postgres, world):
    """Prepared or not: psycopg keeps no text of a prepared run, the log does."""
    countries, _partners_made = world
    for _run in range(3):
        with CaptureQueriesContext(connection) as queries:
            PARTNER_COUNT.count(
                True, country=countries[0].pk, kinds=["academia"], published_only=True
            )
        assert len(queries) == 1
        sql = queries[0]["sql"]
        assert "COUNT(*)" in sql
        assert f'"country_id" = ({countries[0].pk})' in sql
        assert "ANY('{academia}')" in sql


def test_hand_written_sql_runs_as_a_compiled_statement(postgres, world):
    countries, _partners_made = world
    statement = CompiledSQL(
        "SELECT slug FROM partners_partner WHERE country_id = %s AND status = %s"
        " AND slug LIKE %s ORDER BY slug",
        [Param("country"), Status.PUBLISHED, "%%"],
    )
    for country in countries * 2:
        expected = list(
            Partner.objects.published()
            .filter(country=country)
            .order_by("slug")
            .values_list("slug")
        )
        assert statement.rows(country=country.pk) == expected
    prepared = [sql for sql in _prepared_statements() if "slug LIKE" in sql]
    assert prepared == [
        "SELECT slug FROM partners_partner WHERE country_id = $1"
        " AND status = 'published' AND slug LIKE '%%' ORDER BY slug"
    ]


def test_a_kept_queryset_is_a_fresh_clone_per_key_and_language(postgres, world):
    built = []

    def build():
        built.append(1)
        return Partner.objects.published().order_by("slug")

    with translation.override("en"):
        first = kept(("test-kept", False), build)
        second = kept(("test-kept", False), build)
        assert first is not second
        assert list(first) == list(Partner.objects.published().order_by("slug"))
        kept(("test-kept", True), build)
    with translation.override("ru"):
        kept(("test-kept", False), build)
    assert len(built) == 3
    # A filter on one copy never reaches the next.
    assert not first.filter(pk=-1).exists()
    assert kept(("test-kept", False), build).count() == first.count()


def test_hand_written_sql_takes_named_placeholders(postgres, world):
    countries, _partners_made = world
    statement = CompiledSQL(
        "SELECT count(*) FROM partners_partner"
        " WHERE country_id = %(country)s AND status = %(status)s",
        {"country": Param("country"), "status": Status.PUBLISHED},
    )
    for country in countries:
        expected = Partner.objects.published().filter(country=country).count()
        assert statement.rows(country=country.pk) == [(expected,)]
    with pytest.raises(ImproperlyConfigured):
        CompiledSQL("SELECT %s, %(x)s", {"x": 1}).rows()
