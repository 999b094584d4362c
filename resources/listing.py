"""A page of the library's list, read by statements compiled once per process.

Building the list's queryset through the ORM (visibility, the card's columns, a
filter per facet, the ordering; modeltranslation's rewriting) and compiling it
cost more Python than PostgreSQL takes to run it, on every request. The page's
rows are read by a ``CompiledQuery`` instead: the chosen options and the search
text are parameters; who reads (staff or not), the sort, the language filter and
which facets are chosen (one option or several) shape the SQL and make its key.

The first page, which most readers see, is a plain ``LIMIT``. Any other page
reads the keys of its rows first, then those rows, in one statement: ``slug =
ANY(ARRAY(SELECT slug ... ORDER BY ... LIMIT %s OFFSET %s))``. A deep page's
OFFSET then skips index entries (the ordering's index ends with the slug), not
rows, and LIMIT and OFFSET are parameters: one statement serves every page.
(PostgreSQL plans that form a quarter of a millisecond slower than the plain
one, hence the first page's own.)

Sorted by date, a page whose rows the year facet has counted starts reading at
its year (``published_on < %s``, the day after it, newest first): the OFFSET
then skips only the rows of its own year before it. Page 1000 of the library
skipped 19,980 index entries, 4,700 so: its statement took 5.7-7.4 ms, 1.5-3.6.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, fields

from django.db.models import BooleanField, Expression, F, QuerySet, Subquery

from portal.compiled import CompiledQuery
from portal.generic import is_staff

from .models import Resource
from .querysets import ResourceQuerySet, ResourceSelection, attach_listed_themes

# The sort keys of the list, and the ordering each gives.
SORTS = {
    "newest": ResourceQuerySet.newest_first,
    "oldest": ResourceQuerySet.oldest_first,
    "title": ResourceQuerySet.by_title,
}
DEFAULT_SORT = "newest"
# The facets whose options are a parameter (a list); the language filter shapes
# the SQL itself (one language, or every one).
LISTED_FACETS = tuple(
    field.name for field in fields(ResourceSelection) if field.name != "language"
)


class _OnPage(Expression):
    """The row's ``column`` is among those of a page of ``keys`` (a queryset of
    that column): its bounds are parameters, where the ORM writes a slice's into
    the SQL as numbers."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, column: str, keys: QuerySet, *, limit, offset):
        super().__init__()
        self.column, self.keys = F(column), Subquery(keys)
        self.limit, self.offset = limit, offset

    def get_source_expressions(self):
        return [self.column, self.keys]

    def set_source_expressions(self, exprs):
        self.column, self.keys = exprs

    def _parts(self, compiler):
        column_sql, column_params = compiler.compile(self.column)
        keys_sql, keys_params = compiler.compile(self.keys)  # "(SELECT ...)"
        # The bounds go inside the subquery's parentheses.
        page_sql = f"{keys_sql[:-1]} LIMIT %s OFFSET %s)"
        params = (*column_params, *keys_params, self.limit, self.offset)
        return column_sql, page_sql, params

    def as_sql(self, compiler, connection):
        column_sql, page_sql, params = self._parts(compiler)
        return f"{column_sql} IN {page_sql}", params

    def as_postgresql(self, compiler, connection):
        # An array: planned faster than IN (a semi-join), and the same rows.
        column_sql, page_sql, params = self._parts(compiler)
        return f"{column_sql} = ANY(ARRAY{page_sql})", params


def _sorted(queryset: ResourceQuerySet, sort: str) -> ResourceQuerySet:
    return SORTS[sort](queryset)


def _listed(*, user, sort, language, chosen, searching, text, **options):
    """What ``user`` may see, ``sort``-ed, with the facets named in ``chosen``
    (their options in ``options``) and the ``language`` filter.

    A facet with one option chosen is matched with ``IN (%s)``, which PostgreSQL
    reads as ``=``: an index on the column and the ordering (the kind's) then
    serves the page, which ``= ANY(%s)`` would not. Years are always a list.
    """
    listed = Resource.objects.visible_to(user)
    if searching:
        listed = listed.search(text)
    selection = ResourceSelection(
        language=language,
        **{
            name: [options[name]] if single and name != "year" else options[name]
            for name, single in chosen
        },
    )
    return _sorted(listed.selected(selection), sort)


def _first_page(*, limit, **arguments):
    return _listed(**arguments).for_cards().with_listed_themes()[:limit]


def _later_page(*, limit, offset, from_year, year_start, **arguments):
    keys = _listed(**arguments).values("slug")
    if from_year:
        # The rows dated from ``year_start`` on, in the sort's direction; the
        # undated rows, last in both, are not among them.
        if arguments["sort"] == "newest":
            keys = keys.filter(published_on__lt=year_start)
        else:
            keys = keys.filter(published_on__gte=year_start)
    on_page = _OnPage("slug", keys, limit=limit, offset=offset)
    rows = Resource.objects.for_cards().with_listed_themes().filter(on_page)
    return _sorted(rows, arguments["sort"])


# The first page's length shapes its SQL: its key holds it.
FIRST_PAGE = CompiledQuery(_first_page, params=("text", *LISTED_FACETS))
LATER_PAGE = CompiledQuery(
    _later_page, params=("text", "limit", "offset", "year_start", *LISTED_FACETS)
)
# The sorts by date, and whether years run down (newest first) or up.
DATED_SORTS = {"newest": True, "oldest": False}


@dataclass(frozen=True)
class LibraryRows:
    """The rows of a valid choice in the library, as its paginator reads them:
    a slice (a page) of the compiled statement, each row with its themes
    (``listed_themes``), and the ``count()`` the facets did not give (they
    normally do: ``FacetList.total``)."""

    user: object
    selection: ResourceSelection
    text: str = ""
    sort: str = DEFAULT_SORT
    # How many of these rows each year ("2024") holds, when the year facet has
    # counted them (without the chosen years' filter, as a facet counts).
    years: Mapping[str, int] | None = None
    # What Paginator and ListView ask of a queryset.
    model = Resource
    ordered = True

    def _arguments(self) -> tuple[tuple, dict]:
        """The statement's key (what shapes its SQL) and its arguments."""
        chosen = tuple(
            (name, len(values) == 1)
            for name in LISTED_FACETS
            if (values := getattr(self.selection, name))
        )
        text = self.text.strip()
        shape = {
            "staff": is_staff(self.user),
            "sort": self.sort,
            "language": self.selection.language,
            "chosen": chosen,
            "searching": bool(text),
        }
        options = {
            name: values[0] if single else list(values)
            for name, single in chosen
            if (values := getattr(self.selection, name))
        }
        if "year" in options:
            options["year"] = [int(year) for year in self.selection.year]
        key = tuple(shape.values())
        return key, {**shape, **options, "user": self.user, "text": text}

    def __getitem__(self, page: slice) -> list[Resource]:
        if not isinstance(page, slice) or page.step is not None:
            raise TypeError("LibraryRows reads pages: a slice without a step.")
        start = page.start or 0
        if page.stop is None:
            raise TypeError("LibraryRows reads pages: a slice with an end.")
        if page.stop <= start:
            return []
        key, arguments = self._arguments()
        # Every parameter has a value; an unchosen facet's is not in the SQL.
        arguments = dict.fromkeys(LISTED_FACETS) | arguments
        limit = page.stop - start
        if start == 0:
            rows = FIRST_PAGE.objects((*key, limit), **arguments, limit=limit)
        else:
            jump = self._year_start(start, page.stop)
            year_start, offset = jump or (None, start)
            rows = LATER_PAGE.objects(
                (*key, jump is not None),
                **arguments,
                limit=limit,
                offset=offset,
                from_year=jump is not None,
                year_start=year_start,
            )
        attach_listed_themes(rows)
        return rows

    def _year_start(self, start: int, stop: int) -> tuple[datetime.date, int] | None:
        """Where the page ``[start:stop]`` of a sort by date can start reading:
        the first day of its year (newest first: of the next year) and the page's
        offset from there; None without the years' counts, or for a page that
        reaches the undated rows (they come last, counted in no year)."""
        newest = DATED_SORTS.get(self.sort)
        if newest is None or not self.years:
            return None
        chosen = set(self.selection.year)
        years = sorted(
            (int(year), count)
            for year, count in self.years.items()
            if count and (not chosen or year in chosen)
        )
        if newest:
            years.reverse()
        if stop > sum(count for _year, count in years):
            return None
        before = 0
        for year, count in years:
            if start < before + count:
                if not newest:
                    return datetime.date(year, 1, 1), start - before
                if year < datetime.MAXYEAR:
                    return datetime.date(year + 1, 1, 1), start - before
                return None
            before += count
        return None

    def queryset(self) -> ResourceQuerySet:
        """The same rows through the ORM."""
        listed = Resource.objects.visible_to(self.user).search(self.text)
        return _sorted(listed.selected(self.selection), self.sort).for_cards()

    def count(self) -> int:
        return self.queryset().count()
