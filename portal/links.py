"""Links to items by slug, for pages that list dozens of them."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from portal import request_memo

# Stands for the slug in a detail URL reversed once.
SLUG_MARK = "slug-mark"


def slug_url(viewname: str, slug: str, language: str | None = None) -> str:
    """``reverse(viewname, kwargs={"slug": slug})`` from one reverse() per request
    and language: lists link to dozens of items, and a slug needs no quoting.
    ``language``: the active one, when the caller has already read it."""
    language = language or translation.get_language() or ""

    def build() -> tuple[str, str]:
        path = reverse(viewname, kwargs={"slug": SLUG_MARK})
        before, _mark, after = path.rpartition(SLUG_MARK)
        return before, after

    before, after = request_memo.memoised(f"url:{viewname}:{language}", build)
    return f"{before}{slug}{after}"
