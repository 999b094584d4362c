"""The hits of one page of a search: titles and highlighted snippets, one query.

Which entries are on the page, and in what order, is ``ranking.py``'s work.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.db import connection
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Audience, Kind, Reader, SearchEntry, parsed_query
from .ranking import Criteria

START, STOP = "\x02", "\x03"  # never in indexed text (see indexing.CONTROL)
# ts_headline reads the whole text it is given: a window of the body, from a
# little (``HEADLINE_LEAD`` characters) before its first match.
HEADLINE_TEXT = 10_000
HEADLINE_LEAD = 300
HEADLINE_OPTIONS = (
    f"StartSel='{START}', StopSel='{STOP}', MaxWords=30, MinWords=12,"
    " MaxFragments=2, FragmentDelimiter=' … '"
)
CONFIGS = {"ru": "russian", "en": "english"}


@dataclass
class Hit:
    """One result as the page shows it."""

    kind: str
    slug: str
    title: str
    title_lang: str  # "" when in the page's language
    url: str
    date: object
    languages: list[str]
    locked: bool
    staff_only: bool
    snippet: SafeString = field(default_factory=lambda: mark_safe(""))  # noqa: S308
    snippet_lang: str = ""

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label


def entry_url(kind: str, slug: str) -> str:
    names = {
        Kind.PARTNER: "partners:detail",
        Kind.PROJECT: "programme:project_detail",
        Kind.ACTIVITY: "programme:activity_detail",
        Kind.RESOURCE: "resources:detail",
        Kind.PAGE: "pages:detail",
    }
    if kind == Kind.PAGE and slug == "about":
        return reverse("pages:about")
    try:
        return reverse(names[kind], kwargs={"slug": slug})
    except NoReverseMatch:
        return ""


def highlighted(text: str) -> SafeString:
    """ts_headline's output, escaped, with its markers turned into <mark>."""
    safe = escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(safe)  # noqa: S308 - escaped above; only our own tags added


def _body_window(alias: str, code: str) -> str:
    """The body of row ``alias``, or for a long one the ``HEADLINE_TEXT``
    characters from a little before where a word of the query first occurs
    (from the start if nowhere). Parameters: the configuration and the words.

    The query's lexemes (stems, lower case) are looked for as they are and
    capitalised: a stem is a prefix of the words it stands for ("терроризм" in
    "терроризма", "identif" in "identification"). ``strpos`` reads the text
    without building a vector, so a match 150,000 characters into a document
    costs about what one at the start does. A body short enough (its stored
    size says so without reading it) is taken whole, as before; a long one is
    read from TOAST once (the ``OFFSET 0`` sub-select), not once per lexeme.
    """
    body = f"{alias}.body_{code}"
    return f"""CASE WHEN octet_length({body}) <= {HEADLINE_TEXT} THEN {body} ELSE (
        SELECT substr(whole.text, CASE WHEN first.at <= {HEADLINE_TEXT - HEADLINE_LEAD}
            THEN 1 ELSE first.at - {HEADLINE_LEAD} END, {HEADLINE_TEXT})
        FROM (SELECT {body} || '' AS text OFFSET 0) AS whole,
        LATERAL (
            SELECT COALESCE(min(LEAST(NULLIF(strpos(whole.text, lexeme), 0),
                NULLIF(strpos(whole.text, initcap(lexeme)), 0))), 1) AS at
            FROM unnest(tsvector_to_array(to_tsvector(%s::regconfig, %s))) AS lexeme
        ) AS first
    ) END"""  # noqa: S608 - only our own alias, column and constants


def _headline(alias: str, code: str, reader: str, q: str) -> tuple[str, list]:
    """ts_headline of what a snippet of row ``alias`` may quote in language
    ``code``: the summary, then the body or the window of it where the words
    are; a visitor gets only the summary of a locked item."""
    summary = f"{alias}.summary_{code}"
    text = (
        f"COALESCE({summary}, '') || ' ' || COALESCE({_body_window(alias, code)}, '')"
    )
    if reader == Reader.VISITOR:
        locked = f"{alias}.audience = '{Audience.MISSIONS}'"
        text = f"CASE WHEN {locked} THEN {summary} ELSE {text} END"
    sql = f"ts_headline(%s::regconfig, {text}, %s::tsquery, %s)"
    config = CONFIGS[code]
    return sql, [config, config, q, parsed_query(q), HEADLINE_OPTIONS]


def _pick(own: str, alternative: str, language: str, other: str) -> tuple[str, str]:
    """The page's language, unless only the other language shows the words."""
    if (START not in own and START in alternative) or not own.strip():
        return alternative, other
    return own, language


COLUMNS = (
    "id",
    "kind",
    "slug",
    "audience",
    "title_ru",
    "title_en",
    "date",
    "languages",
)


def page_of_hits(criteria: Criteria, reader: str, language: str, ids: list[int]):
    """The hits of one page (``ids`` in rank order): titles and snippets, one query.

    The snippet in the other language is made only for the entries whose own
    snippet shows none of the words (``_pick`` would not use it otherwise): a
    headline parses all the text it is given, and this halves that work.
    """
    if not ids:
        return []
    other = "en" if language == "ru" else "ru"
    own_sql, own_params = _headline("entry", language, reader, criteria.q)
    other_sql, other_params = _headline("page", other, reader, criteria.q)
    # The sub-select is computed once (OFFSET 0 keeps the planner from copying
    # the own snippet's expression into both places the outer query reads it);
    # it passes the other language's text through unread.
    # Only our own table, column names and constants are formatted in; the
    # words and ids are parameters.
    sql = f"""
    SELECT {", ".join(f"page.{column}" for column in COLUMNS)}, page.own,
        CASE WHEN strpos(page.own, %s) > 0 THEN NULL ELSE {other_sql} END
    FROM (
        SELECT {", ".join(f"entry.{column}" for column in COLUMNS)},
            entry.summary_{other}, entry.body_{other}, {own_sql} AS own
        FROM {SearchEntry._meta.db_table} AS entry
        WHERE entry.id = ANY(%s)
        OFFSET 0
    ) AS page
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [START, *other_params, *own_params, ids])
        rows = {row[0]: row for row in cursor.fetchall()}
    hits = []
    for pk in ids:
        if pk not in rows:  # deleted since the pool was read
            continue
        _pk, kind, slug, audience, title_ru, title_en, date, languages, *snippets = (
            rows[pk]
        )
        titles = {"ru": title_ru, "en": title_en}
        title_lang = language if titles[language] else other
        own, alternative = (snippet or "" for snippet in snippets)
        snippet, snippet_lang = _pick(own, alternative, language, other)
        if isinstance(languages, str):
            languages = json.loads(languages)
        hits.append(
            Hit(
                kind=kind,
                slug=slug,
                title=titles[title_lang] or slug,
                title_lang="" if title_lang == language else title_lang,
                url=entry_url(kind, slug),
                date=date,
                languages=languages,
                locked=audience == Audience.MISSIONS,
                staff_only=audience == Audience.STAFF,
                snippet=highlighted(snippet),
                snippet_lang="" if snippet_lang == language else snippet_lang,
            )
        )
    return hits
