"""The bench's own PostgreSQL database: created, migrated and filled once.

``prepare()`` creates the database if it is missing (or drops and recreates it on
``--rebuild``), migrates it, loads the reference data, and generates the large data
set unless a marker row says that a data set of the same version and sizes is
already there. Rows go in with COPY (bulk_create on another database, for the
smoke test), in chunks, inside one transaction: a run that stops half way leaves
nothing behind. VACUUM ANALYZE follows, so plans and visibility maps are those of
a settled database.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, connections, models, transaction

from partners.models import Contact, Partner
from portal import facet_counts, figure_counts
from programme.models import Activity, Photo, Project
from resources.models import Resource

from .rows import (
    DOCUMENT_FILES,
    PHOTO_FILES,
    PHOTO_SIZE,
    Builder,
    Chunk,
    Reference,
    Sizes,
)

# Bump when the generator changes in a way that matters: old data sets are rebuilt.
DATASET_VERSION = 1
MARKER_TABLE = "bench_dataset"
CONTENT_MODELS = (Partner, Contact, Project, Activity, Photo, Resource)

Say = Callable[[str], None]


class Writer:
    """Rows in bulk: COPY on PostgreSQL, bulk_create elsewhere."""

    def __init__(self) -> None:
        self.copy = connection.vendor == "postgresql"

    def rows(self, model: type[models.Model], rows: list[dict]) -> None:
        """Rows as dicts of attnames; a column a row leaves out gets its default."""
        if not rows:
            return
        if not self.copy:
            model.objects.bulk_create([model(**row) for row in rows], batch_size=500)
            return
        fields = model._meta.concrete_fields
        defaults = {field.attname: field.get_default() for field in fields}
        names = [field.attname for field in fields]
        self._copy(
            model._meta.db_table,
            [field.column for field in fields],
            ([row.get(name, defaults[name]) for name in names] for row in rows),
        )

    def links(self, model: type[models.Model], name: str, pairs: list) -> None:
        """Rows of the M2M table of ``model.name`` from (source id, target id) pairs."""
        if not pairs:
            return
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source, target = field.m2m_column_name(), field.m2m_reverse_name()
        if not self.copy:
            through.objects.bulk_create(
                [through(**{source: a, target: b}) for a, b in pairs],
                batch_size=1000,
                ignore_conflicts=True,
            )
            return
        self._copy(through._meta.db_table, [source, target], pairs)

    def _copy(self, table: str, columns: list[str], rows: Iterable) -> None:
        quote = connection.ops.quote_name
        statement = f"COPY {quote(table)} ({', '.join(map(quote, columns))}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)


def write_chunk(writer: Writer, model: type[models.Model], chunk: Chunk) -> None:
    writer.rows(model, chunk.rows)
    for extra_model, rows in chunk.extra.items():
        writer.rows(extra_model, rows)
    for name, pairs in chunk.links.items():
        writer.links(model, name, pairs)


def generate(sizes: Sizes, say: Say = print, seed: int = 2026) -> float:
    """Create the data set (in the current database, one transaction); its seconds."""
    started = time.perf_counter()
    with transaction.atomic(), facet_counts.triggers_paused():
        builder = Builder(Reference.load(), sizes, seed=seed)
        writer = Writer()
        steps = [
            (Partner, builder.partners, sizes.partners),
            (Project, builder.projects, sizes.projects),
            (Activity, builder.activities, sizes.activities),
            (Photo, builder.photos, sizes.photos),
            (Resource, builder.resources, sizes.resources),
        ]
        for model, build, count in steps:
            step = time.perf_counter()
            for chunk in build():
                write_chunk(writer, model, chunk)
            say(
                f"  {count:>7,} {model._meta.model_name} rows "
                f"in {time.perf_counter() - step:.1f} s"
            )
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(
                no_style(), CONTENT_MODELS
            ):
                cursor.execute(statement)
    # Counted once at the end: a trigger per copied row would triple the load time.
    step = time.perf_counter()
    with transaction.atomic():
        facet_counts.rebuild()
        figure_counts.rebuild_counts()
    say(f"  facet counts in {time.perf_counter() - step:.1f} s")
    return time.perf_counter() - started


# -- the bench database --------------------------------------------------------


def _maintenance_connection():
    import psycopg

    db = settings.DATABASES["default"]
    return psycopg.connect(
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
        connect_timeout=5,
    )


def ensure_database(*, rebuild: bool, say: Say = print) -> None:
    """Create the bench database if it is missing; drop it first on ``rebuild``."""
    from psycopg import sql

    name = settings.DATABASES["default"]["NAME"]
    if "bench" not in name:  # settings guarantee it; never drop anything else
        raise SystemExit(f"Refusing to use database {name!r}: its name lacks 'bench'.")
    connections.close_all()
    with _maintenance_connection() as maintenance:
        exists = maintenance.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and rebuild:
            say(f"Dropping database {name} (--rebuild)")
            maintenance.execute(
                sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name))
            )
            exists = None
        if not exists:
            say(f"Creating database {name}")
            maintenance.execute(
                sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            )


def marker() -> dict | None:
    """The data set this database holds, as recorded when it was generated."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [MARKER_TABLE])
        if cursor.fetchone()[0] is None:
            return None
        cursor.execute(
            f"SELECT version, sizes, seconds, created_at FROM {MARKER_TABLE} "  # noqa: S608 - a constant
            "ORDER BY created_at DESC LIMIT 1"
        )
        row = cursor.fetchone()
    if row is None:
        return None
    sizes = row[1] if isinstance(row[1], dict) else json.loads(row[1])
    return {"version": row[0], "sizes": sizes, "seconds": row[2], "created_at": row[3]}


def _write_marker(sizes: Sizes, seconds: float) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (version integer NOT NULL, "
            "sizes jsonb NOT NULL, seconds double precision NOT NULL, "
            "created_at timestamptz NOT NULL DEFAULT now())"
        )
        cursor.execute(
            f"INSERT INTO {MARKER_TABLE} (version, sizes, seconds) VALUES (%s, %s, %s)",  # noqa: S608 - a constant
            [DATASET_VERSION, json.dumps(vars(sizes)), seconds],
        )


def ship_files() -> None:
    """The few real files that the rows' photos and documents point at."""
    from fpdf import FPDF
    from PIL import Image

    photos = Path(settings.MEDIA_ROOT) / "photos" / "bench"
    photos.mkdir(parents=True, exist_ok=True)
    colours = ["#0b5fa5", "#009edb", "#4d4d4d", "#8c6d1f", "#2e7d32", "#6a1b9a"]
    for number in range(PHOTO_FILES):
        path = photos / f"photo-{number}.jpg"
        if not path.exists():
            Image.new("RGB", PHOTO_SIZE, colours[number % len(colours)]).save(path)
    documents = Path(settings.PRIVATE_MEDIA_ROOT) / "resources" / "bench"
    documents.mkdir(parents=True, exist_ok=True)
    for lang in ("ru", "en"):
        for number in range(DOCUMENT_FILES):
            path = documents / f"{lang}-{number}.pdf"
            if not path.exists():
                pdf = FPDF()
                pdf.add_page()
                pdf.set_font("helvetica", size=14)
                pdf.cell(text=f"Bench document {number} ({lang})")
                pdf.output(str(path))


def prepare(*, sizes: Sizes, rebuild: bool, say: Say = print) -> dict:
    """Database, schema, static files and data set, ready for the server."""
    ensure_database(rebuild=rebuild, say=say)
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_reference_data", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    ship_files()
    say(
        f"Schema, reference data and static files ready in {time.perf_counter() - started:.1f} s"
    )

    found = marker()
    wanted = {"version": DATASET_VERSION, "sizes": vars(sizes)}
    if found and {k: found[k] for k in wanted} == wanted:
        say(
            f"Data set present (generated {found['created_at']:%Y-%m-%d %H:%M} "
            f"in {found['seconds']:.0f} s): skipping generation"
        )
        return found
    if found or Resource.objects.exists() or Partner.objects.exists():
        say("The database holds another data set: rebuilding it")
        ensure_database(rebuild=True, say=say)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_reference_data", verbosity=0)

    say(
        f"Generating {sizes.partners:,} partners, {sizes.activities:,} activities, "
        f"{sizes.resources:,} resources (once)"
    )
    with transaction.atomic():
        seconds = generate(sizes, say=say)
        _write_marker(sizes, seconds)
    say(f"Generated in {seconds:.1f} s")
    step = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    say(f"VACUUM ANALYZE in {time.perf_counter() - step:.1f} s")
    return marker() or {}
