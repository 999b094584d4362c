"""The figures, read through each app's querysets: the home page's headline
numbers and every chart of the figures page."""

from __future__ import annotations

from django.db.models import Count
from django.utils import translation
from django.utils.translation import gettext as _

from partners.models import Partner
from portal import facet_counts, figure_counts, request_memo
from portal.compiled import CompiledSQL
from portal.taxonomy.choices import region_choices, theme_choices
from programme.models import Activity, ActivityKind
from resources.models import Resource

from .formatting import Percent, format_number, format_percent
from .shapes import Chart, Figures, Series, Table

UNSPECIFIED = figure_counts.UNSPECIFIED
# Colour indexes (see ``portal.charts.PALETTE``) of the two participation series.
WOMEN_COLOUR, OTHERS_COLOUR = 1, 5


# The home page's figures from the stored counts in one round trip: the public
# totals of the lists, the countries of the directory and the participants.
_STORED_KEY_FIGURES = """
SELECT listing, count FROM portal_facetcount
 WHERE listing = ANY(%s) AND audience = %s AND given = ''
   AND key = %s
UNION ALL
SELECT 'countries', count(*) FROM portal_facetcount
 WHERE listing = 'partners' AND audience = %s AND given = ''
   AND key LIKE 'country:%%' AND count > 0
UNION ALL
SELECT 'participants', coalesce(sum(people), 0)::bigint FROM portal_figurecount
 WHERE part = 'y'
"""


KEY_FIGURES = CompiledSQL(
    _STORED_KEY_FIGURES,
    [
        list(facet_counts.LISTINGS),
        facet_counts.PUBLIC,
        facet_counts.TOTAL,
        facet_counts.PUBLIC,
    ],
)


def key_figures() -> dict[str, int]:
    """The headline numbers on the home page.

    On PostgreSQL they come from the stored facet counts (the totals of the
    lists, the countries of the directory) and ``figure_counts``, in one query;
    on SQLite they are counted live.
    """
    if facet_counts.is_supported() and figure_counts.is_stored():
        stored = dict(KEY_FIGURES.rows())
        partners, countries = stored.get("partners", 0), stored["countries"]
        activities, resources = stored.get("activities", 0), stored.get("resources", 0)
        participants = stored["participants"]
    else:
        counted = Partner.objects.published().aggregate(
            count=Count("pk"), countries=Count("country", distinct=True)
        )
        partners, countries = counted["count"], counted["countries"]
        activities = Activity.objects.published().count()
        resources = Resource.objects.published().exclude(access="staff").count()
        participants = figure_counts.participants()
    return {
        "partners": partners,
        "countries": countries,
        "activities": activities,
        "participants": participants,
        "resources": resources,
    }


def _share(women: int | None, reported: int | None) -> Percent | None:
    if not reported:
        return None
    return Percent(round(100 * (women or 0) / reported, 1))


def _listing(pairs) -> str:
    """``label: value`` pairs, for the text alternative (<desc>) of a chart."""
    return "; ".join(f"{label}: {value}" for label, value in pairs)


# --- Charts ----------------------------------------------------------------------


def _regions(used: set[str]) -> list[tuple[str, str, int]]:
    """(slug, name, colour) of the regions in programme order, plus "not specified"
    when it is used; colours follow the region so every chart agrees."""
    regions = [
        (slug, name, index) for index, (slug, name) in enumerate(region_choices())
    ]
    if UNSPECIFIED in used:
        regions.append((UNSPECIFIED, _("Region not specified"), -1))
    return regions


def _chart_by_year(per_year_kind: list[dict], years: list[int]) -> Chart:
    """Stacked bars: ``data = {"bars": [{"label", "values", "total"}]}``."""
    counts: dict[tuple[int, str], int] = {
        (row["year"], row["kind"]): row["exchanges"] for row in per_year_kind
    }
    used = {kind for _year, kind in counts}
    series = [
        Series(key=value, label=str(label), colour=index)
        for index, (value, label) in enumerate(ActivityKind.choices)
        if value in used
    ]
    # A kind no longer offered still counts, under its stored value.
    known = {s.key for s in series}
    series += [
        Series(key=kind, label=kind, colour=len(ActivityKind.choices) + index)
        for index, kind in enumerate(sorted(used - known))
    ]
    bars, rows = [], []
    for year in years:
        values = [counts.get((year, s.key), 0) for s in series]
        bars.append({"label": str(year), "values": values, "total": sum(values)})
        rows.append([str(year), *values, sum(values)])
    return Chart(
        slug="exchanges-by-year",
        kind="stacked",
        title=_("Exchanges per year, by kind"),
        summary=_("Number of exchanges each year, by kind of activity. %(values)s.")
        % {"values": _listing((bar["label"], bar["total"]) for bar in bars)},
        note=_(
            "Each exchange counts in the year it starts; planned exchanges that are "
            "already announced are included."
        ),
        series=series,
        data={"bars": bars},
        table=Table(
            caption=_("Exchanges per year, by kind"),
            columns=[_("Year"), *(s.label for s in series), _("Total")],
            rows=rows,
        ),
    )


def _chart_by_region(per_region: dict[str, int]) -> Chart:
    """Bars: ``data = {"bars": [{"label", "value", "colour"}]}``."""
    regions = _regions(set(per_region))
    bars = [
        {"label": name, "value": per_region.get(slug, 0), "colour": colour}
        for slug, name, colour in regions
    ]
    if not any(bar["value"] for bar in bars):
        bars = []
    return Chart(
        slug="exchanges-by-region",
        kind="bars",
        title=_("Exchanges by region of the host country"),
        summary=_("Number of exchanges by region of the host country: %(values)s.")
        % {"values": _listing((bar["label"], bar["value"]) for bar in bars)},
        note=_(
            "Online exchanges and exchanges without a host country are counted as "
            "“region not specified”."
        ),
        series=[
            Series(key=slug, label=name, colour=colour)
            for slug, name, colour in regions
        ]
        if bars
        else [],
        data={"bars": bars},
        table=Table(
            caption=_("Exchanges by region of the host country"),
            columns=[_("Region"), _("Exchanges")],
            rows=[[bar["label"], bar["value"]] for bar in bars],
        ),
    )


def _chart_by_theme(per_theme: dict[str, int]) -> Chart:
    """Bars, most frequent theme first: ``data`` as for the regions."""
    order = {slug: index for index, (slug, _name) in enumerate(theme_choices())}
    names = dict(theme_choices())
    ranked = sorted(
        per_theme.items(), key=lambda item: (-item[1], order.get(item[0], 0))
    )
    bars = [
        {"label": names.get(slug, slug), "value": count, "colour": 0}
        for slug, count in ranked
    ]
    return Chart(
        slug="exchanges-by-theme",
        kind="bars",
        title=_("Exchanges by theme"),
        summary=_("Number of exchanges by theme: %(values)s.")
        % {"values": _listing((bar["label"], bar["value"]) for bar in bars)},
        note=_("An exchange on several themes counts once for each of them."),
        series=[Series(key="exchanges", label=_("Exchanges"), colour=0)]
        if bars
        else [],
        data={"bars": bars},
        table=Table(
            caption=_("Exchanges by theme"),
            columns=[_("Theme"), _("Exchanges")],
            rows=[[bar["label"], bar["value"]] for bar in bars],
        ),
    )


def _chart_participants(per_year_kind: list[dict], years: list[int]) -> Chart:
    """Bars with the women's part: ``data = {"bars": [{"label", "total", "women",
    "share"}]}``; ``share`` is the women's share where it was reported."""
    totals: dict[int, dict[str, int]] = {}
    for row in per_year_kind:
        year = totals.setdefault(row["year"], {"people": 0, "women": 0, "reported": 0})
        for key in year:
            year[key] += row[key] or 0
    bars, rows = [], []
    for year in years:
        numbers = totals.get(year, {"people": 0, "women": 0, "reported": 0})
        share = _share(numbers["women"], numbers["reported"])
        bars.append(
            {
                "label": str(year),
                "total": numbers["people"],
                "women": numbers["women"],
                "share": share,
            }
        )
        rows.append([str(year), numbers["people"], numbers["women"], share])
    if not any(bar["total"] for bar in bars):
        bars, rows = [], []
    return Chart(
        slug="participants",
        kind="participation",
        title=_("Participants per year and the share of women"),
        summary=_(
            "Participants each year, with the number of women and their share: "
            "%(values)s."
        )
        % {
            "values": _listing(
                (
                    bar["label"],
                    f"{format_number(bar['total'])} ({format_percent(bar['share'])})",
                )
                for bar in bars
            )
        },
        note=_(
            "Each bar shows all participants of the year, the women first. The "
            "figure in brackets is the share of women among the participants of "
            "the exchanges that reported it."
        ),
        series=[
            Series(key="women", label=_("Women"), colour=WOMEN_COLOUR),
            Series(key="others", label=_("Other participants"), colour=OTHERS_COLOUR),
        ]
        if bars
        else [],
        data={"bars": bars},
        table=Table(
            caption=_("Participants per year and the share of women"),
            columns=[_("Year"), _("Participants"), _("Women"), _("Share of women")],
            rows=rows,
        ),
    )


def _chart_flows(flows: dict[tuple[str, str], int]) -> Chart:
    """Provider regions to beneficiary regions: ``data = {"sources": [...],
    "targets": [...], "links": [(source index, target index, exchanges)]}``."""
    used = {source for source, _target in flows} | {t for _s, t in flows}
    regions = _regions(used)
    sources = [r for r in regions if any(r[0] == s for s, _t in flows)]
    targets = [r for r in regions if any(r[0] == t for _s, t in flows)]
    links = [
        (i, j, flows[(source[0], target[0])])
        for i, source in enumerate(sources)
        for j, target in enumerate(targets)
        if (source[0], target[0]) in flows
    ]
    rows = [
        [source[1], *(flows.get((source[0], target[0]), 0) for target in targets)]
        for source in sources
    ]
    return Chart(
        slug="flows",
        kind="flow",
        title=_("From provider regions to beneficiary regions"),
        summary=_(
            "Number of exchanges from the regions of the partners who shared their "
            "expertise to the regions of the partners who received it: %(values)s."
        )
        % {
            "values": _listing(
                (f"{sources[i][1]} → {targets[j][1]}", value) for i, j, value in links
            )
        },
        note=_(
            "Left: regions of the partners who shared their expertise; right: regions "
            "of the partners who received it. The wider a band, the more exchanges. "
            "An exchange with partners in several regions counts once for each pair "
            "of regions."
        ),
        series=[
            Series(key=slug, label=name, colour=colour)
            for slug, name, colour in regions
            if slug in used
        ],
        data={
            "sources": [{"label": r[1], "colour": r[2]} for r in sources],
            "targets": [{"label": r[1], "colour": r[2]} for r in targets],
            "links": links,
            "source_heading": _("Shared by"),
            "target_heading": _("Received by"),
        },
        table=Table(
            caption=_(
                "Exchanges from provider regions (rows) to beneficiary regions "
                "(columns)"
            ),
            columns=[_("Provider region"), *(target[1] for target in targets)],
            rows=rows,
        ),
    )


def compute_figures() -> Figures:
    """Every chart of the figures page, in the active language."""
    counts = figure_counts.counts()
    per_year_kind = counts.per_year_kind
    known_years = sorted({row["year"] for row in per_year_kind})
    years = list(range(known_years[0], known_years[-1] + 1)) if known_years else []
    charts = [
        _chart_by_year(per_year_kind, years),
        _chart_by_region(counts.per_region),
        _chart_by_theme(counts.per_theme),
        _chart_participants(per_year_kind, years),
        _chart_flows(counts.flows),
    ]
    return Figures(
        total=sum(row["exchanges"] for row in per_year_kind),
        first_year=years[0] if years else None,
        last_year=years[-1] if years else None,
        participants=sum(row["people"] or 0 for row in per_year_kind),
        charts={chart.slug: chart for chart in charts},
    )


def programme_figures() -> Figures:
    """``compute_figures()`` once per request (the page and its CSV read it)."""
    language = translation.get_language()
    return request_memo.memoised(f"portal:figures:{language}", compute_figures)
