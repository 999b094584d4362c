"""Migration operations of search that only PostgreSQL runs."""

from django.db import migrations


class RemoveIndexOnPostgreSQL(migrations.RemoveIndex):
    """RemoveIndex of an index that only PostgreSQL has (AddIndexOnPostgreSQL)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
