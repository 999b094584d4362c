"""Querysets of the partner pages, compiled to SQL once per process.

On these pages building and compiling a queryset cost more than running it
(about 1 to 3 ms of Python each). From one request to the next only values
change (the partner's id or slug), so each statement is compiled once per
process and variant, with stand-ins for those values, which are swapped in when
it runs. That is code, not data: the rows are read on every request.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators
from django.utils import translation

from portal.accounts.models import can_see_restricted

# Stand for the values while compiling: an id no row has (within the range of
# an integer column, which Django checks) and a slug no URL can hold.
PARTNER_ID = -1_000_000_007
PARTNER_SLUG = "\x01partner\x01"
THEME_ID = -1_000_000_009
THEME_SLUG = "\x01theme\x01"
REGION_SLUG = "\x01region\x01"
# For the ids of a page of partners (``PARTNER_IDS[:n]``).
PARTNER_IDS = tuple(range(-1_000_001_000, -1_000_000_900))
STAND_INS = frozenset(
    (PARTNER_ID, PARTNER_SLUG, THEME_ID, THEME_SLUG, REGION_SLUG, *PARTNER_IDS)
)


def audience(user) -> tuple[bool, bool]:
    """What the querysets' ``visible_to`` may tell apart: staff, and the readers
    of mission content (no queryset of these pages does yet)."""
    return (bool(user.is_authenticated and user.is_staff), can_see_restricted(user))


@dataclass(frozen=True)
class _Part:
    """One statement and how its rows become model instances (as ModelIterable)."""

    sql: str
    params: tuple
    db: str
    compiler: Any
    model: type[Model]
    fields: slice
    init_list: list[str]
    populators: list
    annotations: dict[str, int]

    @classmethod
    def of(cls, queryset: QuerySet) -> _Part:
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()  # also sets select and klass_info
        info = compiler.klass_info
        start, end = info["select_fields"][0], info["select_fields"][-1] + 1
        return cls(
            sql=sql,
            params=tuple(params),
            db=queryset.db,
            compiler=compiler,
            model=info["model"],
            fields=slice(start, end),
            init_list=[
                column[0].target.attname for column in compiler.select[start:end]
            ],
            populators=get_related_populators(info, compiler.select, queryset.db),
            annotations=dict(compiler.annotation_col_map),
        )

    def fetch(self, values: dict) -> list[Model]:
        with connections[self.db].cursor() as cursor:
            cursor.execute(self.sql, _bind(self.params, values))
            rows = cursor.fetchall()
        objects = []
        for row in self.compiler.results_iter(results=[rows]):
            obj = self.model.from_db(self.db, self.init_list, row[self.fields])
            for populator in self.populators:
                populator.populate(row, obj)
            for name, position in self.annotations.items():
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects


class CompiledQuery:
    """The statements of a queryset, or of limited parts read together (see
    ``portal.unions.limited_parts``: one UNION ALL where the database can)."""

    def __init__(self, parts: Sequence[QuerySet], order_by: tuple[str, ...] = ()):
        first, *others = parts
        if not others:
            self.parts = [_Part.of(first)]
        elif connections[first.db].features.supports_slicing_ordering_in_compound:
            combined = first.union(*others, all=True)
            self.parts = [
                _Part.of(combined.order_by(*order_by) if order_by else combined)
            ]
        else:
            self.parts = [_Part.of(part) for part in parts]

    def fetch(self, values: dict) -> list[Model]:
        """The rows, with ``values`` for the stand-ins: ``{PARTNER_ID: 7}``."""
        return [obj for part in self.parts for obj in part.fetch(values)]


class CompiledCount:
    """How many rows a queryset has (``QuerySet.count()``), compiled once."""

    def __init__(self, queryset: QuerySet):
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
        # Only SQL that Django compiled is wrapped here; values stay parameters.
        self.sql = f"SELECT COUNT(*) FROM ({sql}) AS counted"  # noqa: S608
        self.params = tuple(params)
        self.db = queryset.db

    def fetch(self, values: dict) -> int:
        with connections[self.db].cursor() as cursor:
            cursor.execute(self.sql, _bind(self.params, values))
            return cursor.fetchone()[0]


def _bind(params: tuple, values: dict) -> list:
    """``params`` with ``values`` for the stand-ins among them."""
    return [
        values[param] if type(param) in (int, str) and param in STAND_INS else param
        for param in params
    ]


_compiled: dict[tuple, CompiledQuery | CompiledCount] = {}


def compiled(
    key: tuple,
    build: Callable[[], Sequence[QuerySet]],
    order_by: tuple[str, ...] = (),
) -> CompiledQuery:
    """The statements ``build()`` returns, compiled once per process for ``key``.

    ``key`` names everything the querysets depend on besides the stand-ins: the
    audience, the shape chosen. The active language (modeltranslation rewrites
    translated fields to its columns) and the database's vendor (the demo runs on
    SQLite) are added.
    """
    full_key = (*key, translation.get_language(), connection.vendor)
    query = _compiled.get(full_key)
    if query is None:
        query = _compiled[full_key] = CompiledQuery(build(), order_by)
    return query


def compiled_count(key: tuple, build: Callable[[], QuerySet]) -> CompiledCount:
    """``compiled`` for the count of the queryset ``build()`` returns."""
    full_key = ("count", *key, translation.get_language(), connection.vendor)
    query = _compiled.get(full_key)
    if query is None:
        query = _compiled[full_key] = CompiledCount(build())
    return query
