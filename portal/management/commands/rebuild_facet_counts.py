"""Count every list's facets, and the figures, again from the rows (PostgreSQL; a
no-op on SQLite)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from portal import facet_counts, figure_counts


class Command(BaseCommand):
    help = (
        "Rebuild the stored facet counts of every list, and the figures, from the rows."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--install",
            action="store_true",
            help="also (re)create the triggers first (after restoring a dump)",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            if options["install"]:
                facet_counts.install()
            done = facet_counts.rebuild()
            figures = figure_counts.rebuild_counts()
        if done:
            self.stdout.write(f"Facet counts rebuilt: {', '.join(done)}.")
        if figures:
            self.stdout.write("Figure counts rebuilt.")
        else:
            self.stdout.write("Nothing to rebuild: lists are counted live on SQLite.")
