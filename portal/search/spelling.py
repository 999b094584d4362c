"""Typo tolerance: misspelt words corrected against the vocabulary of titles and
summaries, by trigram similarity (pg_trgm's ``%`` operator, index-served).

Two uses: a query that finds nothing is run again with its unknown words
corrected (``corrected``); a query that finds only a few items gets a "did you
mean" when another spelling of its words finds clearly more (``alternative``):
a typo that made it into a title is a known word, yet "terorism" should still
lead to the thousand items about terrorism.
"""

from __future__ import annotations

import re

from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import TrigramSimilarity

from .models import SearchEntry, SearchWord, text_query

WORD = re.compile(r"[^\W\d_]+")
# Shorter words have too few trigrams to be corrected reliably.
MIN_LENGTH = 4
MAX_WORDS = 6

SearchWord._meta.get_field("word").register_lookup(TrigramSimilar)


# "Did you mean" only for a spelling this close (pg_trgm's own threshold is 0.3),
# that finds this many times as many entries, counted up to COUNT_LIMIT.
ALTERNATIVE_SIMILARITY = 0.5
MORE = 3
COUNT_LIMIT = 50
MAX_ALTERNATIVES = 3


def closest_word(
    word: str, *, other: bool = False, at_least: float = 0.0
) -> str | None:
    """The known word most like ``word`` (similarity above pg_trgm's threshold,
    and ``at_least``); ``other``: never ``word`` itself."""
    words = SearchWord.objects.filter(word__trigram_similar=word).annotate(
        similarity=TrigramSimilarity("word", word)
    )
    if other:
        words = words.exclude(word=word)
    if at_least:
        words = words.filter(similarity__gte=at_least)
    return words.order_by("-similarity", "word").values_list("word", flat=True).first()


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


def _matches(word: str, reader: str) -> int:
    """How many entries the reader may find by ``word``, counted up to
    ``COUNT_LIMIT`` (a bounded count: a common word stops early)."""
    entries = SearchEntry.objects.readable_bodies(reader).filter(
        vector=text_query(word)
    )
    return entries.order_by().values("id")[:COUNT_LIMIT].count()


def alternative(text: str, reader: str) -> str | None:
    """``text`` with its rare words replaced by a close, clearly more common known
    word; None if there is none. For a query that found a few items: "terorism",
    a typo in one title, becomes "terrorism". A word is replaced only when the
    other spelling finds at least ``MORE`` times as many entries (and at least
    ``COUNT_LIMIT // 10``), so a rare but right word ("hawala") stays.

    At most ``MAX_ALTERNATIVES`` words are tried: three queries each, all small.
    """
    words = [w for w in WORD.findall(text.lower()) if len(w) >= MIN_LENGTH]
    replacements = {}
    for word in list(dict.fromkeys(words))[:MAX_ALTERNATIVES]:
        closest = closest_word(word, other=True, at_least=ALTERNATIVE_SIMILARITY)
        if not closest:
            continue
        found = _matches(word, reader)
        better = _matches(closest, reader)
        if better >= max(MORE * found, COUNT_LIMIT // 10):
            replacements[word] = closest
    if not replacements:
        return None
    return WORD.sub(lambda m: replacements.get(m.group(0).lower(), m.group(0)), text)
