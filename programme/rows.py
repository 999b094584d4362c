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
from django.db.models import F, Q, QuerySet, Value

from partners.models import Partner
from portal.compiled import CompiledQuery, one_of
from portal.publishing import translated_sort_key

from .models import Activity, Project


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


# Each name row: its owner (activity or project id), which list it goes to, the
# item's slug and names. Every part annotates the same names in the same order,
# so that UNION's columns stay in step.
NAME_COLUMNS = ("owner", "side", "slug", *translated_columns("name"))


def _names(through, *, owner: str, owned, side: str, item: str, rank_a, rank_b):
    """Rows of ``through`` (a many-to-many table) whose ``owner`` passes ``owned``."""
    return (
        through.objects.filter(owned)
        .annotate(
            owner=F(owner),
            side=Value(side),
            slug=F(f"{item}__slug"),
            **related_columns("name", f"{item}__name"),
            rank_a=rank_a,
            rank_b=rank_b,
            rank_c=F(f"{item}_id"),
        )
        .values_list(*NAME_COLUMNS, "rank_a", "rank_b", "rank_c")
    )


def _theme_names(through, *, owner: str, owned, side: str):
    """Themes in their order (``Theme.Meta.ordering``)."""
    return _names(
        through,
        owner=owner,
        owned=owned,
        side=side,
        item="theme",
        rank_a=F("theme__order"),
        rank_b=F("theme__slug"),
    )


def _partner_names(through, *, owner: str, owned, side: str, user):
    """The partners ``user`` may see, A to Z as the page's language sorts them."""
    visible = Partner.objects.visible_to(user).values("pk")
    return _names(
        through,
        owner=owner,
        owned=owned,
        side=side,
        item="partner",
        rank_a=Value(0),
        rank_b=translated_sort_key("partner__name"),
    ).filter(partner_id__in=visible)


def _card_names(*, user, partners: bool, ids) -> QuerySet:
    """The themes and, with ``partners``, the visible providers and
    beneficiaries of the activities ``ids``."""
    owned = one_of("activity_id", ids)
    themes = _theme_names(
        Activity.themes.through, owner="activity_id", owned=owned, side="listed_themes"
    )
    parts = []
    if partners:
        parts = [
            _partner_names(
                through, owner="activity_id", owned=owned, side=side, user=user
            )
            for through, side in (
                (Activity.providers.through, "shown_providers"),
                (Activity.beneficiaries.through, "shown_beneficiaries"),
            )
        ]
    return themes.union(*parts, all=True).order_by("rank_a", "rank_b", "rank_c")


def _project_names(*, user, project, ids) -> QuerySet:
    """The themes, regions and visible partners of ``project``, and the themes
    of its activities ``ids``."""
    owned = Q(project_id=project)
    regions = _names(
        Project.regions.through,
        owner="project_id",
        owned=owned,
        side="regions",
        item="region",
        rank_a=F("region__order"),
        rank_b=F("region__slug"),
    )
    parts = [
        _theme_names(
            Project.themes.through, owner="project_id", owned=owned, side="themes"
        ),
        _partner_names(
            Project.partners.through,
            owner="project_id",
            owned=owned,
            side="partners",
            user=user,
        ),
        _theme_names(
            Activity.themes.through,
            owner="activity_id",
            owned=one_of("activity_id", ids),
            side="listed_themes",
        ),
    ]
    return regions.union(*parts, all=True).order_by("rank_a", "rank_b", "rank_c")


# Partners' visibility depends on staff or not only (PublishableQuerySet.visible_to).
CARD_NAMES = CompiledQuery(_card_names, params=("ids",))
PROJECT_NAMES = CompiledQuery(_project_names, params=("project", "ids"))


def _name_rows(rows) -> list[tuple[int, str, SimpleNamespace]]:
    names = NAME_COLUMNS[2:]
    return [
        (
            owner,
            side,
            SimpleNamespace(**dict(zip(names, values[: len(names)], strict=True))),
        )
        for owner, side, *values in rows
    ]


def _staff(user) -> bool:
    return bool(user.is_authenticated and user.is_staff)


def attach_card_names(activities: list, *, user, partners: bool = True) -> None:
    """Give each activity its themes (``listed_themes``) and, with ``partners``,
    the providers and beneficiaries ``user`` may see (``shown_providers``,
    ``shown_beneficiaries``): light rows of slug and names, from ONE query.

    What a card shows of them; prefetched as model instances they cost three
    queries and a hundred instances on a page of twenty cards. Themes come in
    their order, partners by name as the page's language sorts them; a draft
    partner is never named to someone who may not see it.
    """
    for activity in activities:
        activity.listed_themes = []
        activity.shown_providers = []
        activity.shown_beneficiaries = []
    by_id = {activity.pk: activity for activity in activities}
    if not by_id:
        return
    rows = CARD_NAMES.rows(
        (partners, _staff(user)), user=user, partners=partners, ids=list(by_id)
    )
    for activity_id, side, row in _name_rows(rows):
        getattr(by_id[activity_id], side).append(row)


def project_names(project: Project, activities: list, *, user) -> dict[str, list]:
    """The ``themes``, ``regions`` and ``partners`` (those ``user`` may see, A to Z)
    of ``project`` as light rows of slug and names, and each of its
    ``activities``' themes (``listed_themes``), from ONE query."""
    for activity in activities:
        activity.listed_themes = []
    by_id = {activity.pk: activity for activity in activities}
    names: dict[str, list] = {"themes": [], "regions": [], "partners": []}
    rows = PROJECT_NAMES.rows(
        _staff(user), user=user, project=project.pk, ids=list(by_id)
    )
    for owner, side, row in _name_rows(rows):
        if side == "listed_themes":
            by_id[owner].listed_themes.append(row)
        else:
            names[side].append(row)
    return names
