"""The hits of one page of a search: titles and highlighted snippets, one query.

Which entries are on the page, and in what order, is ``ranking.py``'s work.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline
from django.db import models
from django.db.models.expressions import RawSQL
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Audience, Kind, Reader, SearchEntry, text_query
from .ranking import Criteria

START, STOP = "\x02", "\x03"  # never in indexed text (see indexing.CONTROL)
# ts_headline reads the whole text it is given: a window of the body, from a
# little (``HEADLINE_LEAD`` characters) before its first match.
HEADLINE_TEXT = 10_000
HEADLINE_LEAD = 300
HEADLINE_OPTIONS = {
    "start_sel": START,
    "stop_sel": STOP,
    "max_words": 30,
    "min_words": 12,
    "max_fragments": 2,
    "fragment_delimiter": " … ",
}
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


def _body_window(code: str, q: str) -> RawSQL:
    """The body, or for a long one the ``HEADLINE_TEXT`` characters from a little
    before where a word of the query first occurs (from the start if nowhere).

    The query's lexemes (stems, lower case) are looked for as they are and
    capitalised: a stem is a prefix of the words it stands for ("терроризм" in
    "терроризма", "identif" in "identification"). ``strpos`` reads the text
    without building a vector, so a match 150,000 characters into a document
    costs about what one at the start does. A body short enough (its stored
    size says so without reading it) is taken whole, as before; a long one is
    read from TOAST once (the ``OFFSET 0`` sub-select), not once per lexeme.
    """
    body = f'"{SearchEntry._meta.db_table}"."body_{code}"'
    # Only our own table and column names and constants are formatted in; the
    # words are parameters.
    sql = f"""CASE WHEN octet_length({body}) <= {HEADLINE_TEXT} THEN {body} ELSE (
        SELECT substr(whole.text, CASE WHEN first.at <= {HEADLINE_TEXT - HEADLINE_LEAD}
            THEN 1 ELSE first.at - {HEADLINE_LEAD} END, {HEADLINE_TEXT})
        FROM (SELECT {body} || '' AS text OFFSET 0) AS whole,
        LATERAL (
            SELECT COALESCE(min(LEAST(NULLIF(strpos(whole.text, lexeme), 0),
                NULLIF(strpos(whole.text, initcap(lexeme)), 0))), 1) AS at
            FROM unnest(tsvector_to_array(to_tsvector(%s::regconfig, %s))) AS lexeme
        ) AS first
    ) END"""  # noqa: S608
    return RawSQL(sql, (CONFIGS[code], q), output_field=models.TextField())  # noqa: S611


def _headline_text(code: str, reader: str, q: str):
    """What a snippet may quote: the summary, then the body or the window of it
    where the words are; a visitor gets only the summary of a locked item."""
    summary = models.F(f"summary_{code}")
    full = models.functions.Concat(
        summary,
        models.Value(" "),
        _body_window(code, q),
        output_field=models.TextField(),
    )
    if reader != Reader.VISITOR:
        return full
    return models.Case(
        models.When(audience=Audience.MISSIONS, then=summary),
        default=full,
        output_field=models.TextField(),
    )


def _pick(snippets: dict[str, str], language: str, other: str) -> tuple[str, str]:
    """The page's language, unless only the other language shows the words."""
    own, alternative = snippets.get(language, ""), snippets.get(other, "")
    if (START not in own and START in alternative) or not own.strip():
        return alternative, other
    return own, language


def page_of_hits(criteria: Criteria, reader: str, language: str, ids: list[int]):
    """The hits of one page (``ids`` in rank order): titles and snippets, one query."""
    if not ids:
        return []
    query = text_query(criteria.q)
    annotations = {
        f"h_{code}": SearchHeadline(
            _headline_text(code, reader, criteria.q),
            query,
            config=config,
            **HEADLINE_OPTIONS,
        )
        for code, config in CONFIGS.items()
    }
    rows = {
        row["id"]: row
        for row in SearchEntry.objects.filter(pk__in=ids)
        .annotate(**annotations)
        .values(
            "id",
            "kind",
            "slug",
            "audience",
            "title_ru",
            "title_en",
            "date",
            "languages",
            *annotations,
        )
    }
    other = "en" if language == "ru" else "ru"
    hits = []
    for pk in ids:
        row = rows.get(pk)
        if row is None:  # deleted since the pool was read
            continue
        title_lang = language if row[f"title_{language}"] else other
        snippets = {code: row[f"h_{code}"] or "" for code in CONFIGS}
        snippet, snippet_lang = _pick(snippets, language, other)
        hits.append(
            Hit(
                kind=row["kind"],
                slug=row["slug"],
                title=row[f"title_{title_lang}"] or row["slug"],
                title_lang="" if title_lang == language else title_lang,
                url=entry_url(row["kind"], row["slug"]),
                date=row["date"],
                languages=row["languages"],
                locked=row["audience"] == Audience.MISSIONS,
                staff_only=row["audience"] == Audience.STAFF,
                snippet=highlighted(snippet),
                snippet_lang="" if snippet_lang == language else snippet_lang,
            )
        )
    return hits
