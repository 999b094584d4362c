"""Queries the ORM builds once per process and shape, then runs with new values.

On the busiest pages, building and compiling a queryset (filters, joins,
annotations, UNION parts; modeltranslation's rewriting) costs more Python than
PostgreSQL takes to run it, and from one request to the next only its values
change: a partner's id, a slug, a date. A ``CompiledQuery`` builds its queryset
with ``Param`` placeholders for those values, keeps the SQL Django made of it and
runs that SQL with each request's values. That is code, not data: every request
reads the database anew, so a change shows at once.

``one_of`` matches a list with ``= ANY(%s)``: one parameter, so the same SQL
serves a list of any length (an ``IN`` list is a new statement per length).

PostgreSQL gets the statement with only the ``Param`` values bound on the server
(the ORM's other values, a status or a kind, are written into the SQL as the
client-side binding would write them), and psycopg prepares it from its second
run on a connection (``prepare_threshold`` in ``tune_for_web``). A prepared
statement's plan is then kept once PostgreSQL finds a plan for any value no
dearer than the ones it made for each: planning took 0.3-1.2 ms of a busy
page's statements. The constants must be in the SQL for that: a partial index
(``WHERE status = 'published'``) serves ``status = 'published'``, never
``status = $1``.

Only on PostgreSQL. Elsewhere (the SQLite demo) the queryset is built with the
values themselves and run by the ORM, as if nothing were kept.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.db.backends.postgresql.base import CursorDebugWrapper, ServerBindingCursor
from django.db.backends.utils import CursorWrapper
from django.db.models import BooleanField, Expression, F, Field, Model, Q, QuerySet
from django.db.models.query import FlatValuesListIterable, get_related_populators
from django.utils import translation
from django.utils.functional import cached_property
from modeltranslation.manager import FallbackFlatValuesListIterable
from psycopg.sql import Literal

# Statements kept per CompiledQuery (each holds its SQL and compiler).
MAX_STATEMENTS = 128

# What ``build`` may return: one queryset, or sliced parts read as one UNION ALL
# on PostgreSQL, ``(… LIMIT n) UNION ALL (… LIMIT m)``; SQLite (the demo) refuses
# LIMIT inside a compound statement, so there each part is read on its own.
Built = QuerySet | list[QuerySet]


class Param(Expression):
    """A value given when the query runs; its name says which argument."""

    def __init__(self, name: str):
        super().__init__(output_field=Field())
        self.name = name

    def as_sql(self, compiler, connection):
        # The placeholder object itself stands among the parameters until run.
        return "%s", [self]


class _AnyOf(Expression):
    """``column = ANY(%s)``: the column's value is one of an array's."""

    output_field = BooleanField()

    def __init__(self, column, values: Param):
        super().__init__()
        self.column, self.values = column, values

    def get_source_expressions(self):
        return [self.column, self.values]

    def set_source_expressions(self, exprs):
        self.column, self.values = exprs

    def as_sql(self, compiler, connection):
        column_sql, column_params = compiler.compile(self.column)
        values_sql, values_params = compiler.compile(self.values)
        return f"{column_sql} = ANY({values_sql})", [*column_params, *values_params]


def one_of(field: str, values) -> Q | _AnyOf:
    """``field`` is one of ``values``: a list (the ORM's ``IN``) or a ``Param``."""
    if isinstance(values, Param):
        return _AnyOf(F(field), values)
    return Q(**{f"{field}__in": values})


def _row_order(queryset: QuerySet) -> tuple[int, ...] | None:
    """Where each value the ORM would give sits in the SQL's row; None: in place.

    modeltranslation's ``values_list`` selects its columns in the order of a set
    and puts them back in order in Python, after the query; so do we. It also
    fills a translated field from the other language there, which raw rows
    cannot: such a queryset must name its columns (``title_ru``, ``title_en``).
    """
    fields = getattr(queryset, "original_fields", None)
    if fields is None:
        return None
    if queryset.translation_fields:
        raise ImproperlyConfigured(
            "A compiled values_list must name translated columns "
            f"({', '.join(sorted(queryset.translation_fields))}), not the field."
        )
    query = queryset.query
    names = list(query.selected or ())
    wanted = [
        *fields,
        *(name for name in query.annotation_select if name not in fields),
    ]
    order = tuple(names.index(name) for name in wanted)
    return None if order == tuple(range(len(names))) else order


def _combined(built: Built, order_by: tuple[str, ...]) -> QuerySet:
    if isinstance(built, QuerySet):
        return built
    first, *others = built
    combined = first.union(*others, all=True) if others else first
    return combined.order_by(*order_by) if order_by else combined


_PLACEHOLDER = re.compile(r"%%|%s|%\((\w+)\)s")


def _with_constants(sql: str, params, connection) -> tuple[str, tuple[str, ...]]:
    """The SQL with its constants written in, and the names of its ``Param``
    placeholders (left as ``%s``) in order. ``params``: a sequence for ``%s``
    placeholders, or a mapping for ``%(name)s`` ones."""
    connection.ensure_connection()
    named = isinstance(params, Mapping)
    values, names = iter(() if named else params), []

    def written(match: re.Match) -> str:
        if match.group() == "%%":
            return "%%"
        if named != (match.group(1) is not None):
            raise ImproperlyConfigured(f"Mixed or unexpected placeholders: {sql}")
        value = params[match.group(1)] if named else next(values)
        if isinstance(value, Param):
            names.append(value.name)
            return "%s"
        return Literal(value).as_string(connection.connection).replace("%", "%%")

    written_sql = _PLACEHOLDER.sub(written, sql)
    if next(values, written) is not written:
        raise ImproperlyConfigured(f"More parameters than placeholders: {sql}")
    return written_sql, tuple(names)


def _server_binding_cursor(connection):
    """A cursor of ``connection`` that binds its parameters on the server, so
    that psycopg can prepare the statement; wrapped as ``connection.cursor()``
    wraps its own (queries counted and logged, errors as Django's)."""
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    connection.validate_thread_sharing()
    cursor = ServerBindingCursor(connection.connection)
    if connection.queries_logged:
        return _LoggedCursor(cursor, connection)
    return connection.make_cursor(cursor)


class _LoggedCursor(CursorDebugWrapper):
    """Django's debug cursor, logging the statement with its values written in:
    psycopg keeps no text of a prepared statement's run to log."""

    def execute(self, sql, params=None):
        with self.debug_sql(self.db.ops.compose_sql(sql, params)):
            return CursorWrapper.execute(self, sql, params)


def _fetch_all(connection, sql: str, values: list) -> list[tuple]:
    with _server_binding_cursor(connection) as cursor:
        cursor.execute(sql, values)
        return cursor.fetchall()


class CompiledSQL:
    """Hand-written SQL run as a compiled query's, for what the ORM cannot say
    (see ``partners.matching``).

    ``params`` holds its values (a sequence for ``%s``, a mapping for
    ``%(name)s``), ``Param`` placeholders among them for what each run gives; on
    PostgreSQL the others are written into the SQL and the statement is
    prepared. A prepared statement names its columns: a migration that changes
    one's type needs the web processes restarted, as every deploy does.
    """

    def __init__(self, sql: str, params=(), *, using: str = "default"):
        if not isinstance(params, Mapping):
            params = tuple(params)
        self.sql, self.params, self.using = sql, params, using
        self._written: tuple[str, tuple[str, ...]] | None = None

    def rows(self, **arguments: Any) -> list[tuple]:
        connection = connections[self.using]
        if connection.vendor != "postgresql":

            def given(value):
                return arguments[value.name] if isinstance(value, Param) else value

            if isinstance(self.params, Mapping):
                values = {name: given(value) for name, value in self.params.items()}
            else:
                values = [given(value) for value in self.params]
            with connection.cursor() as cursor:
                cursor.execute(self.sql, values)
                return cursor.fetchall()
        if self._written is None:
            self._written = _with_constants(self.sql, self.params, connection)
        sql, names = self._written
        return _fetch_all(connection, sql, [arguments[name] for name in names])


class _Statement:
    """One compiled statement, and how its rows become model instances."""

    def __init__(self, queryset: QuerySet, first_part: QuerySet, connection):
        self.db = connection.alias
        self.order = _row_order(first_part)
        self.flat = issubclass(
            first_part._iterable_class,
            (FlatValuesListIterable, FallbackFlatValuesListIterable),
        )
        self.compiler = queryset.query.get_compiler(connection=connection)
        sql, params = self.compiler.as_sql()  # also sets select, klass_info
        self.sql, self.names = _with_constants(sql, params, connection)

    def _bound(self, arguments: dict[str, Any]) -> list:
        return [arguments[name] for name in self.names]

    def execute(self, connection, arguments: dict[str, Any]) -> list[tuple]:
        return _fetch_all(connection, self.sql, self._bound(arguments))

    def values(self, rows: list[tuple]) -> list:
        """The rows as the queryset's ``values_list`` gives them."""
        if self.order is not None:
            rows = [tuple(row[index] for index in self.order) for row in rows]
        if self.flat:
            return [row[0] for row in rows]
        return rows

    def count(self, connection, arguments: dict[str, Any]) -> int:
        # Only SQL that Django compiled is wrapped; the values stay parameters.
        sql = f"SELECT COUNT(*) FROM ({self.sql}) AS counted"  # noqa: S608
        with _server_binding_cursor(connection) as cursor:
            cursor.execute(sql, self._bound(arguments))
            return cursor.fetchone()[0]

    @cached_property
    def _instances(self) -> tuple:
        """How rows become instances: the model, its columns, select_related's
        populators, the annotations' positions (as the ORM's ModelIterable)."""
        compiler = self.compiler
        info = compiler.klass_info
        start, end = info["select_fields"][0], info["select_fields"][-1] + 1
        init_list = [column[0].target.attname for column in compiler.select[start:end]]
        populators = get_related_populators(info, compiler.select, self.db)
        annotations = tuple(compiler.annotation_col_map.items())
        return info["model"], slice(start, end), init_list, populators, annotations

    def objects(self, rows: list[tuple]) -> list[Model]:
        model, fields, init_list, populators, annotations = self._instances
        objects = []
        for row in self.compiler.results_iter(results=[rows]):
            obj = model.from_db(self.db, init_list, row[fields])
            for populator in populators:
                populator.populate(row, obj)
            for name, position in annotations:
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects


class CompiledQuery:
    """The queryset ``build(**arguments)`` returns, compiled once per key.

    The arguments named in ``params`` become ``Param`` placeholders when the SQL
    is compiled; the others (a user, a flag) shape the SQL, and the ``key`` given
    when it runs must say everything they change in it (the active language is
    always added). ``build`` may return sliced parts, read as one UNION ALL in
    ``order_by``.
    """

    def __init__(
        self,
        build: Callable[..., Built],
        *,
        params: tuple[str, ...] = (),
        order_by: tuple[str, ...] = (),
        using: str = "default",
    ):
        self.build = build
        self.params = params
        self.order_by = order_by
        self.using = using
        self._statements: OrderedDict[Hashable, _Statement] = OrderedDict()

    def _statement(self, key: Hashable, arguments: dict, connection) -> _Statement:
        key = (key, translation.get_language())
        statement = self._statements.get(key)
        if statement is not None:
            self._statements.move_to_end(key)
            return statement
        placeholders = {name: Param(name) for name in self.params}
        built = self.build(**{**arguments, **placeholders})
        first_part = built if isinstance(built, QuerySet) else built[0]
        statement = self._statements[key] = _Statement(
            _combined(built, self.order_by), first_part, connection
        )
        # A key can follow a visitor's choices (the library's facets): the least
        # recently used statements go, so crawling every combination cannot
        # grow a worker without bound.
        if len(self._statements) > MAX_STATEMENTS:
            self._statements.popitem(last=False)
        return statement

    def _orm(self, arguments: dict) -> list:
        built = self.build(**arguments)
        if isinstance(built, QuerySet):
            return list(built)
        return [row for part in built for row in part]

    def rows(self, key: Hashable, /, **arguments: Any) -> list:
        """What a ``values_list`` queryset gives; its columns must need no
        conversion from what psycopg returns (text, numbers, dates, arrays)."""
        connection = connections[self.using]
        if connection.vendor != "postgresql":
            return self._orm(arguments)
        statement = self._statement(key, arguments, connection)
        return statement.values(statement.execute(connection, arguments))

    def objects(self, key: Hashable, /, **arguments: Any) -> list[Model]:
        """Model instances, as iterating the queryset gives them (without its
        ``prefetch_related``, which the caller does if it needs it)."""
        connection = connections[self.using]
        if connection.vendor != "postgresql":
            return self._orm(arguments)
        statement = self._statement(key, arguments, connection)
        rows = statement.execute(connection, arguments)
        return statement.objects(rows)


class CompiledCount(CompiledQuery):
    """How many rows the queryset ``build(**arguments)`` has (``.count()``)."""

    def __init__(self, build: Callable[..., QuerySet], **kwargs):
        # Counted from the keys alone, in no order.
        super().__init__(
            lambda **arguments: build(**arguments).order_by().values("pk"), **kwargs
        )

    def count(self, key: Hashable, /, **arguments: Any) -> int:
        connection = connections[self.using]
        if connection.vendor != "postgresql":
            return self.build(**arguments).count()
        statement = self._statement(key, arguments, connection)
        return statement.count(connection, arguments)


# Unevaluated querysets, built once per process and key (see ``kept``).
_KEPT: dict[Hashable, QuerySet] = {}


def kept(key: Hashable, build: Callable[[], QuerySet]) -> QuerySet:
    """A clone of the queryset ``build()`` returns, built once per ``key`` and
    active language (as Django's generic views clone their ``queryset``).

    Building a list's queryset through modeltranslation cost more than cloning
    it (the photo archive's: 0.8 ms against 10 microseconds). Never evaluated
    itself, it holds no rows. ``key`` must say all ``build`` depends on, as a
    ``CompiledQuery``'s: staff or not, say.
    """
    key = (key, translation.get_language())
    queryset = _KEPT.get(key)
    if queryset is None:
        queryset = _KEPT[key] = build()
    return queryset.all()
