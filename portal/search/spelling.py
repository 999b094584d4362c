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

from django.db import connection

from .models import SearchEntry, SearchWord, text_query

WORD = re.compile(r"[^\W\d_]+")
# Shorter words have too few trigrams to be corrected reliably.
MIN_LENGTH = 4
MAX_WORDS = 6

# "Did you mean" only for a spelling this close (pg_trgm's own threshold is 0.3),
# that finds this many times as many entries, counted up to COUNT_LIMIT.
ALTERNATIVE_SIMILARITY = 0.5
MORE = 3
COUNT_LIMIT = 50
MAX_ALTERNATIVES = 3

# Each typed word and the known word most like it: above pg_trgm's threshold
# (``%``) and a minimum similarity, the word itself first unless excluded.
# Parameters: the minimum, whether the word itself may be the answer, the words.
CLOSEST_SQL = f"""
SELECT typed.word, (
    SELECT known.word FROM {SearchWord._meta.db_table} AS known
    WHERE known.word %% typed.word AND similarity(known.word, typed.word) >= %s
        AND (%s OR known.word <> typed.word)
    ORDER BY known.word = typed.word DESC, similarity(known.word, typed.word) DESC,
        known.word
    LIMIT 1
)
FROM unnest(%s::text[]) AS typed(word)
"""  # noqa: S608 - only our own table name is formatted in
# ``%`` is cheap in the trigram index and dear row by row (it builds both words'
# trigrams), which the planner does not know: on a thousand words it reads them
# all (1.1 ms a word) rather than the index (0.05 ms). Off for this statement
# only, sent with it (one round trip, one transaction).
BY_INDEX = "SET LOCAL enable_seqscan = off; "


def closest_words(
    words: list[str], *, other: bool = False, at_least: float = 0.0
) -> dict[str, str]:
    """For each of ``words`` that has one, the known word most like it
    (similarity above pg_trgm's threshold, and ``at_least``): itself when it is
    known, unless ``other``. One query on the small vocabulary table."""
    if not words:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(BY_INDEX + CLOSEST_SQL, [at_least, not other, words])
        cursor.nextset()  # past the SET's empty result
        return {word: known for word, known in cursor.fetchall() if known}


def _words(text: str, limit: int) -> list[str]:
    words = [w for w in WORD.findall(text.lower()) if len(w) >= MIN_LENGTH]
    return list(dict.fromkeys(words))[:limit]


def _replaced(text: str, replacements: dict[str, str]) -> str | None:
    if not replacements:
        return None
    return WORD.sub(lambda m: replacements.get(m.group(0).lower(), m.group(0)), text)


def corrected(text: str) -> str | None:
    """``text`` with unknown words replaced by their closest known word; None if
    nothing changes. At most ``MAX_WORDS`` words are looked up."""
    closest = closest_words(_words(text, MAX_WORDS))
    return _replaced(
        text, {word: known for word, known in closest.items() if known != word}
    )


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

    At most ``MAX_ALTERNATIVES`` words are tried: one query for their closest
    words, then two small counts for each word that has one.
    """
    closest = closest_words(
        _words(text, MAX_ALTERNATIVES), other=True, at_least=ALTERNATIVE_SIMILARITY
    )
    replacements = {}
    for word, known in closest.items():
        found = _matches(word, reader)
        better = _matches(known, reader)
        if better >= max(MORE * found, COUNT_LIMIT // 10):
            replacements[word] = known
    return _replaced(text, replacements)
