"""Translated text of plain rows (``values()``), as model instances would show it.

Pages that name many activities (the calendar, the iCal feed, the ledger's first
page as ``ActivityCard`` rows) read plain rows rather than building a model
instance each; these helpers give such a row the text modeltranslation would
give an instance. ``shown_attr`` does the same for an instance's own columns,
for code that names a hundred texts per page (each read through
modeltranslation's descriptor asks for the active language anew).
"""

from __future__ import annotations

from collections import namedtuple

from django.conf import settings
from django.db.models import F, Q, QuerySet, Value
from django.utils import translation

from partners.models import Partner
from portal.compiled import CompiledQuery, one_of
from portal.publishing import Status, translated_sort_key

from .models import CARD_FIELDS, Activity, Photo, Project


def translated_columns(*fields: str) -> list[str]:
    """``title_ru``, ``title_en``... : every language's column of each field."""
    return [f"{field}_{code}" for field in fields for code, _ in settings.LANGUAGES]


def related_columns(alias: str, lookup: str) -> dict[str, F]:
    """``{alias}_{code}`` annotations of a related translated column, per language."""
    return {f"{alias}_{code}": F(f"{lookup}_{code}") for code, _ in settings.LANGUAGES}


def shown_attr(obj, field: str, language: str) -> tuple[str, str]:
    """``shown_in`` for a model instance's translated columns."""
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


def _partner_names(relation: str, *, owned, side: str, user):
    """The partners ``user`` may see among the ``relation`` (e.g.
    ``activities_provided``) of the owners ``owned`` lets through, A to Z as the
    page's language sorts them.

    Read from the partners, so that their visibility is a condition on the row
    joined anyway: ``partner_id IN (visible partners)`` on the through table
    doubled the planning of the card names' query (0.6 ms on the bench).
    """
    # rewrite(False): plain rows, every language's column named; annotations
    # rather than the fields, whose names the through parts' columns already use.
    return (
        Partner.objects.visible_to(user)
        .rewrite(False)
        .filter(owned)
        .order_by()
        .annotate(
            owner=F(relation),
            side=Value(side),
            item_slug=F("slug"),
            **related_columns("item_name", "name"),
            rank_a=Value(0),
            rank_b=translated_sort_key("name"),
            rank_c=F("pk"),
        )
        .values_list(
            "owner",
            "side",
            "item_slug",
            *translated_columns("item_name"),
            "rank_a",
            "rank_b",
            "rank_c",
        )
    )


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
            _partner_names(relation, owned=one_of(relation, ids), side=side, user=user)
            for relation, side in (
                ("activities_provided", "shown_providers"),
                ("activities_received", "shown_beneficiaries"),
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
            "projects", owned=Q(projects=project), side="partners", user=user
        ),
        _theme_names(
            Activity.themes.through,
            owner="activity_id",
            owned=one_of("activity_id", ids),
            side="listed_themes",
        ),
    ]
    return regions.union(*parts, all=True).order_by("rank_a", "rank_b", "rank_c")


def _project_themes(*, ids) -> QuerySet:
    """The themes of the projects ``ids``."""
    return _theme_names(
        Project.themes.through,
        owner="project_id",
        owned=one_of("project_id", ids),
        side="listed_themes",
    ).order_by("rank_a", "rank_b", "rank_c")


# Partners' visibility depends on staff or not only (PublishableQuerySet.visible_to).
CARD_NAMES = CompiledQuery(_card_names, params=("ids",))
PROJECT_NAMES = CompiledQuery(_project_names, params=("project", "ids"))
PROJECT_THEMES = CompiledQuery(_project_themes, params=("ids",))


# A theme, region or partner as a card or a detail page names it: its slug and
# every language's name (``shown_attr`` picks the one shown). A tuple, not an
# object with a dict: a page of cards names a hundred-odd.
NameRow = namedtuple("NameRow", NAME_COLUMNS[2:])


def _name_rows(rows) -> list[tuple[int, str, NameRow]]:
    width = len(NameRow._fields)
    return [(row[0], row[1], NameRow._make(row[2 : 2 + width])) for row in rows]


def attach_project_themes(projects: list) -> None:
    """Give each project its themes (``listed_themes``) in their order: light
    rows of slug and names, from ONE query, where prefetching them built a
    queryset per project and a model per theme."""
    for project in projects:
        project.listed_themes = []
    by_id = {project.pk: project for project in projects}
    if not by_id:
        return
    for owner, _side, row in _name_rows(PROJECT_THEMES.rows(None, ids=list(by_id))):
        by_id[owner].listed_themes.append(row)


# --- Ledger cards from plain rows -------------------------------------------------------

# What ``programme_tags.activity_card`` reads of an activity (``CARD_FIELDS``) as
# columns of a row; the host country's names follow, annotated (``country_ru``...).
CARD_COLUMNS = (
    "pk",
    *(field for field in CARD_FIELDS if not field.startswith("host_country__")),
    "host_country_id",
)
COUNTRY_COLUMNS = tuple(translated_columns("country"))

# A host country as a card names it (``shown_attr(country, "name", ...)``).
CountryName = namedtuple("CountryName", translated_columns("name"))


class ActivityCard:
    """An activity as a ledger card shows it, built from a plain row.

    Twenty ``Activity`` instances (with their host countries) took 0.3 ms to
    build, for a card that reads a dozen columns: these carry the same
    attributes and the model's own rules for the badges (``complete_languages``,
    ``is_published``, ``get_status_display``) and ``title`` as the card shows
    it. A card row, not a model: nothing else of an activity, no save.
    """

    __slots__ = (
        *CARD_COLUMNS,
        "host_country",
        "listed_themes",
        "shown_providers",
        "shown_beneficiaries",
    )
    required_translated_fields = Activity.required_translated_fields
    complete_languages = Activity.complete_languages
    is_published = Activity.is_published

    def __init__(self, row):
        for name, value in zip(CARD_COLUMNS, row, strict=False):
            setattr(self, name, value)
        country = row[len(CARD_COLUMNS) :]
        self.host_country = (
            CountryName(*country) if self.host_country_id is not None else None
        )

    def get_status_display(self) -> str:
        return _STATUS_LABELS.get(self.status, self.status)

    @property
    def title(self) -> str:
        """The title the card shows: the active language's, else the other one."""
        language = translation.get_language() or settings.LANGUAGE_CODE
        return shown_attr(self, "title", language)[0]


_STATUS_LABELS = dict(Status.choices)


def card_rows(queryset) -> QuerySet:
    """``queryset``'s activities as rows of ``ActivityCard``: ``CARD_COLUMNS``,
    then the host country's names."""
    # rewrite(False): plain rows, every language's column named.
    return (
        queryset.rewrite(False)
        .annotate(**related_columns("country", "host_country__name"))
        .values_list(*CARD_COLUMNS, *COUNTRY_COLUMNS)
    )


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


# --- Photo archive from plain rows -----------------------------------------------------

# What ``programme_tags.photo_figure`` reads of a photo, as columns of a row; the
# slug and titles of its activity follow, annotated (``activity_title_ru``...).
PHOTO_COLUMNS = (
    "image",
    "width",
    "height",
    *translated_columns("caption", "credit"),
    "taken_on",
    "activity_id",
)
PHOTO_ACTIVITY_COLUMNS = ("activity_slug", *translated_columns("activity_title"))


class ActivityLink(namedtuple("ActivityLink", ("slug", *translated_columns("title")))):
    """The activity a photo links to: its slug and every language's title."""

    __slots__ = ()

    @property
    def title(self) -> str:
        language = translation.get_language() or settings.LANGUAGE_CODE
        return shown_attr(self, "title", language)[0]


class StoredImage:
    """A stored image's name, and its ``url`` as ``FieldFile.url`` gives it."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    @property
    def url(self) -> str:
        return Photo._meta.get_field("image").storage.url(self.name)


class PhotoCard:
    """A photo as the archive shows it, built from a plain row (``photo_rows``).

    Twenty-four ``Photo`` instances and their activities cost modeltranslation's
    hooks and descriptors for a figure that reads a few columns: these carry the
    same attributes ``photo_figure`` reads, with the same fallback from one
    language to the other (``caption``, ``credit``, the activity's ``title``).
    A figure's row, not a model: nothing else of a photo, no save.
    """

    __slots__ = (*PHOTO_COLUMNS, "activity")

    def __init__(self, row):
        for name, value in zip(PHOTO_COLUMNS, row, strict=False):
            setattr(self, name, value)
        self.image = StoredImage(self.image)
        link = row[len(PHOTO_COLUMNS) :]
        self.activity = ActivityLink(*link) if self.activity_id is not None else None

    @property
    def caption(self) -> str:
        language = translation.get_language() or settings.LANGUAGE_CODE
        return shown_attr(self, "caption", language)[0]

    @property
    def credit(self) -> str:
        language = translation.get_language() or settings.LANGUAGE_CODE
        return shown_attr(self, "credit", language)[0]


def photo_rows(queryset) -> QuerySet:
    """``queryset``'s photos as rows of ``PhotoCard``: ``PHOTO_COLUMNS``, then
    the slug and titles of their activity (NULL for an archive photo)."""
    # rewrite(False): plain rows, every language's column named.
    return (
        queryset.rewrite(False)
        .annotate(
            activity_slug=F("activity__slug"),
            **related_columns("activity_title", "activity__title"),
        )
        .values_list(*PHOTO_COLUMNS, *PHOTO_ACTIVITY_COLUMNS)
    )
