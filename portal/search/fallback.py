"""Search without PostgreSQL (the SQLite demo): a plain substring match.

Titles and summaries in both languages, through each model's own ``visible_to``,
so access is the same as the lists'. No ranking, stemming or snippets: enough
for ``make run`` to find things.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import translation

from .indexing import SOURCES
from .models import Kind
from .ranking import Criteria
from .results import Hit, entry_url, highlighted

PER_KIND = 100


def fallback_hits(criteria: Criteria, user) -> list[Hit]:
    language = translation.get_language() or "ru"
    other = "en" if language == "ru" else "ru"
    text = criteria.q.strip()
    hits: list[Hit] = []
    for kind, source in SOURCES.items():
        if criteria.kind and kind not in criteria.kind:
            continue
        condition = Q()
        for code in ("ru", "en"):
            # SQLite folds the case of ASCII letters only: "пособие" would miss
            # "Пособие" unless its capitalised forms are looked for too.
            for form in {text, text.lower(), text.capitalize(), text.upper()}:
                condition |= Q(**{f"{source.title}_{code}__icontains": form})
                condition |= Q(**{f"{source.summary}_{code}__icontains": form})
        model = source.get_model()
        items = model.objects.visible_to(user).filter(condition).order_by("pk")
        for item in items[:PER_KIND]:
            title_lang = (
                language if getattr(item, f"{source.title}_{language}") else other
            )
            summary_lang = (
                language if getattr(item, f"{source.summary}_{language}") else other
            )
            access = getattr(item, "access", "public")
            hits.append(
                Hit(
                    kind=kind,
                    slug=item.slug,
                    title=getattr(item, f"{source.title}_{title_lang}") or item.slug,
                    title_lang="" if title_lang == language else title_lang,
                    url=entry_url(kind, item.slug),
                    date=None,
                    languages=[],
                    locked=access == "missions",
                    staff_only=access == "staff" or not item.is_published,
                    snippet=highlighted(
                        (getattr(item, f"{source.summary}_{summary_lang}") or "")[:300]
                    ),
                    snippet_lang="" if summary_lang == language else summary_lang,
                )
            )
    return hits


def fallback_kind_counts(hits: list[Hit]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for hit in hits:
        counts[hit.kind] = counts.get(hit.kind, 0) + 1
    return counts


__all__ = ["Kind", "fallback_hits", "fallback_kind_counts"]
