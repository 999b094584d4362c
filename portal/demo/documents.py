"""Small, real PDF documents for the demo resources, in Russian or English.

fpdf2 embeds a subset of the DejaVu font shipped in ``fonts/``, so the Cyrillic
text renders and can be extracted on any machine. The creation date is fixed and
the content comes from the demo data only: the same input gives the same bytes.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field
from pathlib import Path

from babel.dates import format_date
from fpdf import FPDF

from .content import document_text as text

FONT_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR_FONT = FONT_DIR / "DejaVuSans-LatinCyrillic.ttf"
BOLD_FONT = FONT_DIR / "DejaVuSans-Bold-LatinCyrillic.ttf"

BLUE = (11, 95, 165)
LIGHT_BLUE = (0, 158, 219)
TEXT = (33, 33, 33)
GREY = (95, 99, 104)
# fontTools logs every subsetting step at INFO; the settings log INFO to the console.
logging.getLogger("fontTools").setLevel(logging.WARNING)
# Fixed metadata date: regenerating a document gives byte-identical output.
CREATION_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True)
class Document:
    """What goes into one PDF, already in its language."""

    language: str
    title: str
    kind_label: str
    publisher: str
    date: datetime.date | None
    sections: list[tuple[str, list[str]]] = field(default_factory=list)


def _pair(value: tuple[str, str], language: str) -> str:
    return value[0] if language == "ru" else value[1]


def _prose(value: tuple[list[str], list[str]], language: str) -> list[str]:
    return value[0] if language == "ru" else value[1]


def resource_document(
    item: dict, *, language: str, theme_names: dict[str, tuple[str, str]]
) -> Document:
    """The document of a demo resource (see ``content/resources.py``)."""
    kind = item["kind"]
    sections = [
        (
            _pair(text.HEADINGS["summary"], language),
            [_pair(item["summary"], language), *_prose(item["body"], language)],
        ),
        (
            _pair(text.HEADINGS["about"], language),
            _prose(text.KIND_INTRO[kind], language),
        ),
    ]
    for slug in item["themes"]:
        if slug in text.THEME_BACKGROUND and slug in theme_names:
            sections.append(
                (
                    _pair(theme_names[slug], language),
                    _prose(text.THEME_BACKGROUND[slug], language),
                )
            )
    sections.append(
        (
            _pair(text.HEADINGS["programme"], language),
            _prose(text.PROGRAMME_NOTE, language),
        )
    )
    return Document(
        language=language,
        title=_pair(item["title"], language),
        kind_label=_pair(text.KIND_LABELS[kind], language),
        publisher=_pair(item["publisher"], language),
        date=item.get("published_on"),
        sections=sections,
    )


def _date_label(day: datetime.date | None, language: str) -> str:
    if day is None:
        return ""
    pattern = "long" if language == "ru" else "d MMMM y"
    # CLDR puts a narrow no-break space before "г."; the font subset lacks it.
    return format_date(day, format=pattern, locale=language).replace("\u202f", " ")


class _PDF(FPDF):
    def __init__(self, document: Document):
        super().__init__(format="A4", unit="mm")
        self.document = document
        self.add_font("DejaVu", "", str(REGULAR_FONT))
        self.add_font("DejaVu", "B", str(BOLD_FONT))
        self.set_margins(22, 20, 22)
        self.set_auto_page_break(auto=True, margin=22)
        self.set_creation_date(CREATION_DATE)
        self.set_lang(document.language)
        self.set_title(document.title)
        self.set_author(document.publisher)
        self.set_subject(_pair(text.TITLE_PAGE["programme"], document.language))
        self.set_creator("South-South cooperation portal (demo content)")

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-14)
        self.set_font("DejaVu", "", 8)
        self.set_text_color(*GREY)
        label = _pair(text.TITLE_PAGE["page"], self.document.language)
        self.cell(0, 5, self.document.title[:90], align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"{label} {self.page_no()}", align="R")


def _title_page(pdf: _PDF, document: Document) -> None:
    language = document.language
    pdf.add_page()
    # A blue band across the top with the programme's name.
    pdf.set_fill_color(*BLUE)
    pdf.rect(0, 0, pdf.w, 46, style="F")
    pdf.set_fill_color(*LIGHT_BLUE)
    pdf.rect(0, 46, pdf.w, 3, style="F")
    pdf.set_xy(pdf.l_margin, 16)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("DejaVu", "B", 13)
    _lines(pdf, 7, _pair(text.TITLE_PAGE["programme"], language))

    pdf.set_y(78)
    pdf.set_text_color(*GREY)
    pdf.set_font("DejaVu", "", 11)
    pdf.cell(0, 6, document.kind_label.upper(), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_text_color(*TEXT)
    pdf.set_font("DejaVu", "B", 22)
    _lines(pdf, 10.5, document.title)
    pdf.ln(6)
    pdf.set_draw_color(*LIGHT_BLUE)
    pdf.set_line_width(0.8)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 40, pdf.get_y())
    pdf.ln(8)

    for label_key, value in (
        ("publisher", document.publisher),
        ("date", _date_label(document.date, language)),
    ):
        if not value:
            continue
        pdf.set_font("DejaVu", "", 10)
        pdf.set_text_color(*GREY)
        pdf.cell(0, 5, _pair(text.TITLE_PAGE[label_key], language), new_y="NEXT")
        pdf.set_x(pdf.l_margin)
        pdf.set_font("DejaVu", "", 12)
        pdf.set_text_color(*TEXT)
        _lines(pdf, 6, value)
        pdf.ln(3)

    pdf.set_y(-40)
    pdf.set_font("DejaVu", "", 8.5)
    pdf.set_text_color(*GREY)
    _lines(pdf, 4.5, _pair(text.TITLE_PAGE["notice"], language))


_WIDTHS: dict[tuple, float] = {}


def _word_width(pdf: FPDF, font: tuple, word: str) -> float:
    """Width of a word in the current font, remembered across documents."""
    key = (*font, word)
    if key not in _WIDTHS:
        _WIDTHS[key] = pdf.get_string_width(word)
    return _WIDTHS[key]


def _lines(pdf: FPDF, height: float, paragraph: str) -> None:
    for line in _wrap(pdf, paragraph):
        pdf.cell(0, height, line, new_x="LMARGIN", new_y="NEXT")


def _wrap(pdf: FPDF, paragraph: str) -> list[str]:
    """Break a paragraph into lines that fit the page, ragged right.

    fpdf2's multi_cell measures the line again for every character, which made it
    most of the generation time; words measured once each do the same job here
    (the demo text is plain: no hyphenation, no word wider than the page).
    Ragged right also reads better than justified Russian, whose long words open
    wide gaps.
    """
    font = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
    space = _word_width(pdf, font, " ")
    lines: list[str] = []
    words: list[str] = []
    width = 0.0
    for word in paragraph.split():
        word_width = _word_width(pdf, font, word)
        added = word_width + (space if words else 0)
        if words and width + added > pdf.epw:
            lines.append(" ".join(words))
            words, width = [word], word_width
        else:
            words.append(word)
            width += added
    if words:
        lines.append(" ".join(words))
    return lines


def render_pdf(document: Document) -> bytes:
    """A title page, then the sections as headings and paragraphs."""
    pdf = _PDF(document)
    _title_page(pdf, document)
    pdf.add_page()
    for heading, paragraphs in document.sections:
        # Keep a heading with the start of its first paragraph.
        if pdf.get_y() > pdf.h - pdf.b_margin - 30:
            pdf.add_page()
        pdf.set_font("DejaVu", "B", 13)
        pdf.set_text_color(*BLUE)
        _lines(pdf, 7, heading)
        pdf.ln(1.5)
        pdf.set_font("DejaVu", "", 10.5)
        pdf.set_text_color(*TEXT)
        for paragraph in paragraphs:
            _lines(pdf, 5.6, paragraph)
            pdf.ln(2.5)
        pdf.ln(3)
    return bytes(pdf.output())
