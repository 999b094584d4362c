"""Migration operations that only some databases can run.

Each stays in the migration state on every database, so models and migrations
agree; only PostgreSQL runs it (SQLite cannot index ``DESC NULLS LAST`` nor has
the tables PostgreSQL's triggers fill, and the demo database is small enough not
to need the indexes).
"""

from django.db import migrations


class _OnPostgreSQL:
    """Runs the operation on PostgreSQL, and nowhere else."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class AddIndexOnPostgreSQL(_OnPostgreSQL, migrations.AddIndex):
    """AddIndex that SQLite skips."""


class RemoveIndexOnPostgreSQL(_OnPostgreSQL, migrations.RemoveIndex):
    """RemoveIndex of an index ``AddIndexOnPostgreSQL`` made."""


class CreateModelOnPostgreSQL(_OnPostgreSQL, migrations.CreateModel):
    """CreateModel that SQLite skips: a table only PostgreSQL's triggers fill."""
