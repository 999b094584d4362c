"""Charts as inline SVG drawn on the server: no chart JavaScript, nothing to load.

Pure functions from a ``portal.figures.Chart`` to SVG markup. Every label goes
through ``html.escape``; the rest (coordinates, colours, sizes) are numbers and
constants made here. The markup is joined as plain strings and marked safe once
per chart: ``format_html`` per element cost more than the whole chart's data. A
viewBox lets each chart scale to its column. Values are written on or next to
the bars, so colour never carries a number alone; the colours are the Okabe–Ito
palette (safe for colour-blind readers), and a fill with less than 3:1 contrast
on white gets a dark outline.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from portal.figures import Chart, format_percent, number_formatter

# Okabe & Ito (2008), the fills with at least 3:1 contrast on white first.
PALETTE = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
)
UNSPECIFIED_COLOUR = "#6b7785"  # grey, 4.6:1 on white: "region not specified"
TEXT = "#1b1f24"
WHITE = "#ffffff"

# viewBox units. The charts scale to their column: drawn narrow, so that their text
# is still about 13 px on a phone; figures.css caps their width on a desktop.
WIDTH = 340
FLOW_WIDTH = 360
FONT = 15
SMALL = 13


# --- Colours -----------------------------------------------------------------------


def colour(index: int) -> str:
    if index < 0:
        return UNSPECIFIED_COLOUR
    return PALETTE[index % len(PALETTE)]


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill``."""
    return WHITE if contrast(fill, WHITE) >= contrast(fill, "#000000") else "#000000"


def outline(fill: str) -> str:
    """A white edge between neighbours; a dark one where white would not show."""
    return TEXT if contrast(fill, WHITE) < 3 else WHITE


# Worked out once for the fixed palette: hundreds of bars a page ask for them.
_FILLS = (*PALETTE, UNSPECIFIED_COLOUR)
_TEXT_ON = {fill: text_on(fill) for fill in _FILLS}
_OUTLINE = {fill: outline(fill) for fill in _FILLS}


def legend_items(chart: Chart) -> SafeString:
    """The legend's ``<li>`` entries: each series' swatch (its fill and outline)
    and label; nothing for a chart of one series."""
    items = []
    for series in chart.series:
        fill = colour(series.colour)
        items.append(
            '<li><svg class="chart__swatch" viewBox="0 0 14 14" width="14" height="14"'
            ' aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="13"'
            f' height="13" fill="{fill}" stroke="{_OUTLINE[fill]}"/></svg>'
            f"{escape(series.label)}</li>"
        )
    return mark_safe("".join(items))  # noqa: S308 - labels escaped above


def data_table(chart: Chart) -> SafeString:
    """The chart's data as an HTML table, its text alternative: a caption
    (``{slug}-caption``), the columns, and each row named by its first cell.

    Made here rather than in a template loop: the page's tables hold about two
    hundred cells, and a template spent a few microseconds on each.
    """
    table = chart.table
    head = "".join(f'<th scope="col">{escape(str(c))}</th>' for c in table.columns)
    rows = "".join(
        f'<tr><th scope="row">{escape(name)}</th>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in cells)
        + "</tr>"
        for name, cells in table.display_rows
    )
    caption = escape(str(table.caption))
    return mark_safe(  # noqa: S308 - every text escaped above
        f'<table>\n<caption id="{chart.slug}-caption">{caption}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>{rows}</tbody>\n</table>"
    )


# --- Drawing helpers ------------------------------------------------------------
# Each returns markup as a plain string: text already escaped, the rest made here.


def _n(value: float) -> str:
    """A coordinate: one decimal at most."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def text_width(text: str, size: float) -> float:
    """An estimate: the system sans-serif fonts average about 0.56 em a letter,
    Latin and Cyrillic alike."""
    return len(text) * size * 0.56


def wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy word wrap to lines of about ``width`` units."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


# Keeps a label readable where it crosses a band of the flow diagram.
HALO = ' stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke"'


def _text(
    x: float,
    y: float,
    markup: str,
    *,
    size: float = FONT,
    anchor: str = "start",
    weight: int | None = None,
    fill: str = TEXT,
    halo: bool = False,
) -> str:
    """A ``<text>``; ``markup`` is escaped text (or a ``<tspan>`` made here)."""
    extra = f' font-weight="{weight}"' if weight else ""
    if halo:
        extra += HALO
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{fill}"{extra}>{markup}</text>'
    )


def _rect(x: float, y: float, width: float, height: float, fill: str, tip: str):
    """A bar with its tooltip (``tip`` is plain text)."""
    return (
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}" '
        f'fill="{fill}" stroke="{_OUTLINE[fill]}" stroke-width="1">'
        f"<title>{escape(tip)}</title></rect>"
    )


def _svg(chart: Chart, height: float, body: list[str], width: int = WIDTH):
    title_id, desc_id = f"{chart.slug}-svg-title", f"{chart.slug}-svg-desc"
    return mark_safe(  # noqa: S308 - the labels escaped, the rest made here
        f'<svg class="chart__svg" viewBox="0 0 {width} {int(height + 0.999)}" '
        f'width="{width}" height="{int(height + 0.999)}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" focusable="false">'
        f'<title id="{title_id}">{escape(chart.title)}</title>'
        f'<desc id="{desc_id}">{escape(chart.summary)}</desc>{"".join(body)}</svg>'
    )


def _segment(
    x: float, y: float, width: float, bar: float, fill: str, name: str, label: str
) -> list[str]:
    """One piece of a stacked bar, with its value written inside when it fits."""
    parts = [_rect(x, y, width, bar, fill, _tip(name, label))]
    if width >= text_width(label, SMALL) + 6:
        parts.append(
            _text(
                x + width / 2,
                y + bar / 2 + 4.5,
                escape(label),
                size=SMALL,
                anchor="middle",
                fill=_TEXT_ON[fill],
            )
        )
    return parts


def _tip(label: str, value: str) -> str:
    return f"{label}: {value}"


# --- Chart types ---------------------------------------------------------------


def stacked_bars(chart: Chart) -> SafeString:
    """One bar per row (a year), one segment per series, the total at its end."""
    label_width, value_width, bar, pitch = 46, 40, 24, 32
    fmt = number_formatter()
    bars = chart.data["bars"]
    largest = max((row["total"] for row in bars), default=0) or 1
    span = WIDTH - label_width - value_width
    series = [(s.label, colour(s.colour)) for s in chart.series]
    parts, y = [], 4.0
    for row in bars:
        middle = y + bar / 2
        parts.append(_text(0, middle + 5, escape(row["label"]), weight=600))
        x = float(label_width)
        for (name, fill), value in zip(series, row["values"], strict=True):
            if not value:
                continue
            width = value / largest * span
            parts += _segment(x, y, width, bar, fill, name, fmt(value))
            x += width
        total = escape(fmt(row["total"]))
        parts.append(_text(x + 6, middle + 5, total, weight=700))
        y += pitch
    return _svg(chart, y, parts)


def horizontal_bars(chart: Chart) -> SafeString:
    """One bar per row, its name above it (names may be long), the value after."""
    value_width, bar, line = 44, 16, 18
    fmt = number_formatter()
    bars = chart.data["bars"]
    largest = max((row["value"] for row in bars), default=0) or 1
    span = WIDTH - value_width
    parts, y = [], 0.0
    for row in bars:
        for text in wrap(row["label"], WIDTH, FONT):
            y += line
            parts.append(_text(0, y, escape(text)))
        y += 5
        width = row["value"] / largest * span
        value = fmt(row["value"])
        if row["value"]:
            fill = colour(row["colour"])
            tip = _tip(row["label"], value)
            parts.append(_rect(0.5, y, max(width, 2), bar, fill, tip))
        parts.append(_text(width + 6, y + bar - 2, escape(value), weight=700))
        y += bar + 10
    return _svg(chart, y, parts)


def participation_bars(chart: Chart) -> SafeString:
    """Participants per row, women first; "total (share of women)" after the bar."""
    label_width, value_width, bar, pitch = 46, 100, 24, 32
    fmt = number_formatter()
    women_series, others_series = chart.series
    women_fill, others_fill = colour(women_series.colour), colour(others_series.colour)
    bars = chart.data["bars"]
    largest = max((row["total"] for row in bars), default=0) or 1
    span = WIDTH - label_width - value_width
    parts, y = [], 4.0
    for row in bars:
        middle = y + bar / 2
        parts.append(_text(0, middle + 5, escape(row["label"]), weight=600))
        x = float(label_width)
        segments = (
            (row["women"], women_fill, women_series.label),
            (row["total"] - row["women"], others_fill, others_series.label),
        )
        for value, fill, name in segments:
            if value <= 0:
                continue
            width = value / largest * span
            parts += _segment(x, y, width, bar, fill, name, fmt(value))
            x += width
        total = fmt(row["total"])
        if row["share"] is not None:
            total = f"{total} ({format_percent(row['share'], decimals=0)})"
        parts.append(_text(x + 6, middle + 5, escape(total), weight=700))
        y += pitch
    return _svg(chart, y, parts)


def _flow_column(nodes, totals, scale, *, right: bool):
    """Positions of one column of the flow diagram: the name above each node."""
    line, top = 17, 24.0
    fmt = number_formatter()
    node_width = 14
    x_text = FLOW_WIDTH if right else 0
    anchor = "end" if right else "start"
    parts, positions, y = [], [], top
    for node, total in zip(nodes, totals, strict=True):
        count = fmt(total)
        room = FLOW_WIDTH / 2 - 10 - text_width(f" {count}", FONT)
        lines = wrap(node["label"], room, FONT)
        for index, text in enumerate(lines):
            y += line
            markup = escape(text)
            if index == len(lines) - 1:
                markup += f' <tspan font-weight="700">{escape(count)}</tspan>'
            parts.append(_text(x_text, y, markup, anchor=anchor, halo=True))
        y += 6
        height = max(total * scale, 1)
        fill = colour(node["colour"])
        x = FLOW_WIDTH - node_width if right else 0
        tip = _tip(node["label"], count)
        parts.append(_rect(x, y, node_width, height, fill, tip))
        positions.append(y)
        y += height + 8
    return parts, positions, y


def flow_diagram(chart: Chart) -> SafeString:
    """A Sankey-like diagram: provider regions on the left, beneficiary regions on
    the right, one band per pair, as wide as the number of exchanges."""
    sources, targets = chart.data["sources"], chart.data["targets"]
    links = chart.data["links"]
    fmt = number_formatter()
    out = [0] * len(sources)
    into = [0] * len(targets)
    for i, j, value in links:
        out[i] += value
        into[j] += value
    total = sum(out) or 1
    scale = min(12.0, 260 / total)  # units per exchange: the bands stay readable
    left, left_y, left_end = _flow_column(sources, out, scale, right=False)
    right, right_y, right_end = _flow_column(targets, into, scale, right=True)

    # Each band leaves its source in the order of the targets, and arrives in
    # the order of the sources, so bands do not cross inside a node.
    source_offset = list(left_y)
    target_start: dict[tuple[int, int], float] = {}
    target_offset = list(right_y)
    for i, j, value in sorted(links, key=lambda link: (link[1], link[0])):
        target_start[(i, j)] = target_offset[j]
        target_offset[j] += value * scale
    x0, x1 = 14.0, FLOW_WIDTH - 14.0
    middle = (x0 + x1) / 2
    bands = []
    for i, j, value in sorted(links):
        thickness = value * scale
        ys, yt = source_offset[i], target_start[(i, j)]
        source_offset[i] += thickness
        path = (
            f"M{_n(x0)} {_n(ys)}C{_n(middle)} {_n(ys)} {_n(middle)} {_n(yt)} "
            f"{_n(x1)} {_n(yt)}L{_n(x1)} {_n(yt + thickness)}"
            f"C{_n(middle)} {_n(yt + thickness)} {_n(middle)} {_n(ys + thickness)} "
            f"{_n(x0)} {_n(ys + thickness)}Z"
        )
        tip = _tip(f"{sources[i]['label']} → {targets[j]['label']}", fmt(value))
        bands.append(
            f'<path d="{path}" fill="{colour(sources[i]["colour"])}" '
            f'fill-opacity="0.45"><title>{escape(tip)}</title></path>'
        )
    headings = [
        _text(0, 14, escape(chart.data["source_heading"]), weight=700),
        _text(
            FLOW_WIDTH,
            14,
            escape(chart.data["target_heading"]),
            anchor="end",
            weight=700,
        ),
    ]
    height = max(left_end, right_end)
    return _svg(chart, height, [*headings, *bands, *left, *right], width=FLOW_WIDTH)


RENDERERS = {
    "stacked": stacked_bars,
    "bars": horizontal_bars,
    "participation": participation_bars,
    "flow": flow_diagram,
}


def render(chart: Chart) -> SafeString:
    """The chart's SVG; nothing for a chart without data (the page says so)."""
    if chart.is_empty:
        return mark_safe("")  # noqa: S308 - a constant
    return RENDERERS[chart.kind](chart)
