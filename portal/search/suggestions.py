"""Title suggestions as the visitor types: both languages, what they may see."""

from __future__ import annotations

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.utils import translation

from .fallback import fallback_hits
from .indexing import CONTROL
from .models import SearchEntry, reader_of
from .ranking import Criteria
from .results import entry_url

MIN_LENGTH = 2
MAX_LENGTH = 100
LIMIT = 8
# Matches read before ordering by similarity: "тер" matches half the library, and
# ordering all of it would cost more than a keystroke is worth.
POOL = 200


def suggestions(*, text: str, user) -> list[dict]:
    text = " ".join(CONTROL.sub(" ", text).split())[:MAX_LENGTH].lower()
    if len(text) < MIN_LENGTH:
        return []
    language = translation.get_language() or "ru"
    if connection.vendor != "postgresql":
        hits = fallback_hits(Criteria(q=text), user)[:LIMIT]
        return [
            {
                "title": hit.title,
                "url": hit.url,
                "kind": hit.kind_label,
                "lang": hit.title_lang or language,
            }
            for hit in hits
        ]
    reader = reader_of(user)
    pool = (
        SearchEntry.objects.for_reader(reader)
        .filter(titles__contains=text)
        .values("id")[:POOL]
    )
    rows = (
        SearchEntry.objects.filter(id__in=pool)
        .annotate(similarity=TrigramSimilarity("titles", text))
        .order_by("-similarity", "id")
        .values("kind", "slug", "title_ru", "title_en")[:LIMIT]
    )
    found = []
    for row in rows:
        # The title in the language the visitor typed, else the page's language.
        codes = [language, "en" if language == "ru" else "ru"]
        typed = [c for c in codes if text in (row[f"title_{c}"] or "").lower()]
        code = next(iter(typed), None) or next(c for c in codes if row[f"title_{c}"])
        found.append(
            {
                "title": row[f"title_{code}"],
                "url": entry_url(row["kind"], row["slug"]),
                "kind": str(
                    dict(SearchEntry._meta.get_field("kind").choices)[row["kind"]]
                ),
                "lang": code,
            }
        )
    return found
