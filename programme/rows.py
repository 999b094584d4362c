"""Translated text of plain rows (``values()``), as model instances would show it.

Pages that name many activities (the calendar, the iCal feed) read plain rows
rather than building a model instance each; these helpers give such a row the
text modeltranslation would give an instance. ``shown_attr`` does the same for
an instance's own columns, for code that names a hundred texts per page (each
read through modeltranslation's descriptor asks for the active language anew).
"""

from __future__ import annotations

from types import SimpleNamespace

from django.conf import settings
from django.db.models import F, Value

from partners.models import Partner
from portal.publishing import translated_sort_key

from .models import Activity


def translated_columns(*fields: str) -> list[str]:
    """``title_ru``, ``title_en``... : every language's column of each field."""
    return [f"{field}_{code}" for field in fields for code, _ in settings.LANGUAGES]


def related_columns(alias: str, lookup: str) -> dict[str, F]:
    """``{alias}_{code}`` annotations of a related translated column, per language."""
    return {f"{alias}_{code}": F(f"{lookup}_{code}") for code, _ in settings.LANGUAGES}


def shown(row: dict, field: str, language: str) -> tuple[str, str]:
    """The text shown for ``field`` and its language: the active language's,
    else the first filled one (modeltranslation's fallback)."""
    value = row.get(f"{field}_{language}")
    if value:
        return value, language
    for code, _name in settings.LANGUAGES:
        value = row.get(f"{field}_{code}")
        if value:
            return value, code
    return "", language


def shown_attr(obj, field: str, language: str) -> tuple[str, str]:
    """``shown`` for a model instance's translated columns."""
    value = getattr(obj, f"{field}_{language}", None)
    if value:
        return value, language
    for code, _name in settings.LANGUAGES:
        value = getattr(obj, f"{field}_{code}", None)
        if value:
            return value, code
    return "", language


def lang_attribute(code: str, language: str) -> str:
    """`` lang="xx"`` when a text is shown in another language than the page's."""
    return "" if code == language else f' lang="{code}"'


def attach_card_names(activities: list, *, user, partners: bool = True) -> None:
    """Give each activity its themes (``listed_themes``) and, with ``partners``,
    the providers and beneficiaries ``user`` may see (``shown_providers``,
    ``shown_beneficiaries``): light rows of slug and names, from ONE query.

    What a card shows of them; prefetched as model instances they cost three
    queries and a hundred instances on a page of twenty cards. Themes come in
    their order, partners by name as the page's language sorts them (as
    ``with_partners``); a draft partner is never named to someone who may not see it.
    """
    for activity in activities:
        activity.listed_themes = []
        activity.shown_providers = []
        activity.shown_beneficiaries = []
    by_id = {activity.pk: activity for activity in activities}
    if not by_id:
        return
    columns = ("activity_id", "side", "slug", *translated_columns("name"))

    def part(through, side: str, item: str, rank_a, rank_b):
        return (
            through.objects.filter(activity_id__in=by_id)
            .annotate(
                side=Value(side),
                slug=F(f"{item}__slug"),
                **related_columns("name", f"{item}__name"),
                rank_a=rank_a,
                rank_b=rank_b,
                rank_c=F(f"{item}_id"),
            )
            .values_list(*columns, "rank_a", "rank_b", "rank_c")
        )

    themes = part(
        Activity.themes.through,
        "listed_themes",
        "theme",
        F("theme__order"),
        F("theme__slug"),
    )
    parts = []
    if partners:
        visible = Partner.objects.visible_to(user).values("pk")
        key = translated_sort_key("partner__name")
        for through, side in (
            (Activity.providers.through, "shown_providers"),
            (Activity.beneficiaries.through, "shown_beneficiaries"),
        ):
            parts.append(
                part(through, side, "partner", Value(0), key).filter(
                    partner_id__in=visible
                )
            )
    rows = themes.union(*parts, all=True).order_by("rank_a", "rank_b", "rank_c")
    names = columns[2:]
    for activity_id, side, *values in rows:
        row = dict(zip(names, values[: len(names)], strict=True))
        getattr(by_id[activity_id], side).append(SimpleNamespace(**row))
