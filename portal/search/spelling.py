"""Typo tolerance: misspelt words corrected against the vocabulary of titles and
summaries, by trigram similarity (pg_trgm's ``%`` operator, index-served)."""

from __future__ import annotations

import re

from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import TrigramSimilarity

from .models import SearchWord

WORD = re.compile(r"[^\W\d_]+")
# Shorter words have too few trigrams to be corrected reliably.
MIN_LENGTH = 4
MAX_WORDS = 6

SearchWord._meta.get_field("word").register_lookup(TrigramSimilar)


def closest_word(word: str) -> str | None:
    """The known word most like ``word`` (similarity above pg_trgm's threshold)."""
    match = (
        SearchWord.objects.filter(word__trigram_similar=word)
        .annotate(similarity=TrigramSimilarity("word", word))
        .order_by("-similarity", "word")
        .values_list("word", flat=True)
        .first()
    )
    return match


def corrected(text: str) -> str | None:
    """``text`` with unknown words replaced by their closest known word; None if
    nothing changes. At most ``MAX_WORDS`` words are looked up (two queries or a
    few more, all on the small vocabulary table)."""
    words = [w for w in WORD.findall(text.lower()) if len(w) >= MIN_LENGTH]
    words = list(dict.fromkeys(words))[:MAX_WORDS]
    if not words:
        return None
    known = set(
        SearchWord.objects.filter(word__in=words).values_list("word", flat=True)
    )
    replacements = {}
    for word in words:
        if word in known:
            continue
        closest = closest_word(word)
        if closest and closest != word:
            replacements[word] = closest
    if not replacements:
        return None
    return WORD.sub(lambda m: replacements.get(m.group(0).lower(), m.group(0)), text)
