"""Rebuild every search entry, and (unless --no-documents) every document's text;
then store the entries newest first (``--order-only``: only that)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import connection

from portal.search.documents import document_text_extract
from portal.search.indexing import entries_rebuild, entries_store_newest_first


class Command(BaseCommand):
    help = "Rebuild the search entries of all content (and re-extract document texts)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-documents",
            action="store_true",
            help="keep the extracted document texts; only rebuild the entries",
        )
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument(
            "--order-only",
            action="store_true",
            help="only store the entries newest first again (CLUSTER) and ANALYZE",
        )

    def handle(
        self,
        *args,
        no_documents: bool = False,
        batch_size: int = 1000,
        order_only: bool = False,
        **kw,
    ):
        if connection.vendor != "postgresql":
            self.stdout.write(
                "Not PostgreSQL: search uses a substring match, there is no index."
            )
        started = time.monotonic()
        if order_only:
            entries_store_newest_first()
            self.stdout.write(
                f"Stored newest first in {time.monotonic() - started:.1f} s."
            )
            return
        if not no_documents:
            self._extract_documents(batch_size)
        counts = entries_rebuild(batch_size=batch_size, progress=self._progress)
        for kind, count in counts.items():
            self.stdout.write(f"{kind}: {count} entries")
        entries_store_newest_first()
        self.stdout.write(f"Done in {time.monotonic() - started:.1f} s.")

    def _progress(self, kind: str, count: int) -> None:
        if count % 10_000 == 0:
            self.stdout.write(f"  {kind}: {count}…")

    def _extract_documents(self, batch_size: int) -> None:
        from django.db.models import Q

        from resources.models import Resource

        has_document = Q(document_ru__gt="") | Q(document_en__gt="")
        last, done = 0, 0
        while True:
            ids = list(
                Resource.objects.filter(has_document, pk__gt=last)
                .order_by("pk")
                .values_list("pk", flat=True)[:batch_size]
            )
            if not ids:
                break
            for pk in ids:
                for language in ("ru", "en"):
                    document_text_extract(resource_id=pk, language=language, force=True)
                done += 1
            last = ids[-1]
        self.stdout.write(f"documents: {done} resources read")
