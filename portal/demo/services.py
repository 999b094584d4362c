"""Loading the demo content: partners, projects, activities, photos, resources,
pages and three demo accounts, from the data in ``portal/demo/content``.

Rows are keyed by slug (e-mail for users, English caption for photos). A row that
exists is left exactly as it is, even if it was edited in the admin since: a second
run creates nothing, saves nothing and generates no file. Pictures and documents
are generated only for the rows being created.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils.html import escape

from partners.models import Contact, Partner
from portal.accounts.models import User
from portal.pages.models import Page
from portal.publishing import Status
from portal.taxonomy.models import Country, Region, Theme
from portal.taxonomy.services import reference_data_load
from programme.models import Activity, Photo, Project
from resources.models import Resource

from . import documents, images
from .content.activities import ACTIVITIES
from .content.pages import PAGES
from .content.partners import PARTNERS
from .content.photos import PHOTOS
from .content.projects import PROJECTS
from .content.resources import RESOURCES
from .content.users import USERS

# Printed by `make run` for anyone to sign in with: a demo password, not a secret.


@dataclass
class Counts:
    created: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{self.created} created, {self.unchanged} unchanged"


@dataclass(frozen=True)
class _Reference:
    """Themes, regions and countries by slug and ISO code, looked up once."""

    themes: dict[str, Theme]
    regions: dict[str, Region]
    countries: dict[str, Country]

    @classmethod
    def load(cls) -> _Reference:
        iso3 = {
            code
            for item in (*PARTNERS, *ACTIVITIES, *RESOURCES, *USERS)
            for code in [
                item.get("country"),
                item.get("host"),
                *item.get("countries", []),
            ]
            if code
        }
        return cls(
            themes={theme.slug: theme for theme in Theme.objects.all()},
            regions={region.slug: region for region in Region.objects.all()},
            countries={
                country.iso3: country
                for country in Country.objects.select_related("region").filter(
                    iso3__in=iso3
                )
            },
        )

    def pick(self, table: str, keys: Iterable[str]) -> list:
        found = getattr(self, table)
        missing = [key for key in keys if key not in found]
        if missing:
            raise LookupError(
                f"Demo content refers to {table} missing from the reference data: "
                f"{', '.join(missing)}. Run load_reference_data."
            )
        return [found[key] for key in keys]

    def one(self, table: str, key: str | None):
        return self.pick(table, [key])[0] if key else None


def _at(day: datetime.date) -> datetime.datetime:
    """A fixed publication time on a given day, so every run agrees."""
    return datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=datetime.UTC)


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def _bullets(texts: list[str]) -> str:
    if not texts:
        return ""
    return "<ul>" + "".join(f"<li>{escape(text)}</li>" for text in texts) + "</ul>"


def _translated(name: str, pair: tuple[str, str]) -> dict[str, str]:
    return {f"{name}_ru": pair[0], f"{name}_en": pair[1]}


def _publishing(
    status: str, published_on: datetime.date, editor: User
) -> dict[str, object]:
    return {
        "status": status,
        "published_at": _at(published_on) if status == Status.PUBLISHED else None,
        "created_by": editor,
        "updated_by": editor,
    }


def _existing(model: type[models.Model], field: str, keys: list[str]) -> dict:
    return {
        getattr(obj, field): obj
        for obj in model.objects.filter(**{f"{field}__in": keys})
    }


def _create(obj: models.Model) -> models.Model:
    """Validate the fields like a form would, then insert.

    Unique fields and check constraints are left to the database, which enforces
    them anyway; validating them here would cost a query each.
    """
    obj.full_clean(validate_unique=False, validate_constraints=False)
    obj.save()
    return obj


def _load_users(password: str, ref: _Reference) -> tuple[dict[str, User], Counts]:
    counts = Counts()
    existing = _existing(User, "email", [item["email"] for item in USERS])
    users = {}
    # One hash for the three accounts: they share the password anyway, and each
    # hash costs a large fraction of a second on purpose.
    hashed = make_password(password) if len(existing) < len(USERS) else ""
    for item in USERS:
        user = existing.get(item["email"])
        if user is not None:
            counts.unchanged += 1
        else:
            user = _create(
                User(
                    email=item["email"],
                    password=hashed,
                    full_name=item["full_name"],
                    is_staff=item["is_staff"],
                    preferred_language=item["preferred_language"],
                    country=ref.one("countries", item["country"]),
                    organisation=item["organisation"],
                )
            )
            user.groups.add(Group.objects.get_or_create(name=item["group"])[0])
            counts.created += 1
        users[item["email"]] = user
    return users, counts


def _load_partners(
    ref: _Reference, editor: User
) -> tuple[dict[str, Partner], Counts, Counts]:
    counts, contact_counts = Counts(), Counts()
    existing = _existing(Partner, "slug", [item["slug"] for item in PARTNERS])
    for position, item in enumerate(PARTNERS):
        if item["slug"] in existing:
            counts.unchanged += 1
            contact_counts.unchanged += len(item["contacts"])
            continue
        country = ref.one("countries", item.get("country"))
        region = country.region if country else ref.one("regions", item["region"])
        partner = Partner(
            slug=item["slug"],
            kind=item["kind"],
            country=country,
            region=region,
            website=item["website"],
            since=item["since"],
            **_translated("name", item["name"]),
            **_translated("acronym", item["acronym"]),
            **_translated("summary", item["summary"]),
            **_translated(
                "description",
                (
                    _paragraphs(item["description"][0]),
                    _paragraphs(item["description"][1]),
                ),
            ),
            **_publishing(
                item.get("status", Status.PUBLISHED),
                datetime.date(2024, 1, 15) + datetime.timedelta(days=position),
                editor,
            ),
        )
        logo_text = item["acronym"][1] or item["name"][1]
        partner.logo.save(
            f"{item['slug']}.png",
            ContentFile(images.logo_png(text=logo_text, seed=item["slug"])),
            save=False,
        )
        _create(partner)
        partner.offers.set(ref.pick("themes", item["offers"]))
        partner.seeks.set(ref.pick("themes", item["seeks"]))
        for contact in item["contacts"]:
            _create(
                Contact(
                    partner=partner,
                    name=contact["name"],
                    email=contact["email"],
                    phone=contact["phone"],
                    is_primary=contact.get("primary", False),
                    **_translated("position", contact["position"]),
                )
            )
            contact_counts.created += 1
        existing[partner.slug] = partner
        counts.created += 1
    return existing, counts, contact_counts


def _load_projects(
    ref: _Reference, partners: dict[str, Partner], editor: User
) -> tuple[dict[str, Project], Counts]:
    counts = Counts()
    existing = _existing(Project, "slug", [item["slug"] for item in PROJECTS])
    for item in PROJECTS:
        if item["slug"] in existing:
            counts.unchanged += 1
            continue
        project = _create(
            Project(
                slug=item["slug"],
                start_date=item["start_date"],
                end_date=item["end_date"],
                **_translated("title", item["title"]),
                **_translated("summary", item["summary"]),
                **_translated("body", item["body"]),
                **_publishing(Status.PUBLISHED, item["start_date"], editor),
            )
        )
        project.themes.set(ref.pick("themes", item["themes"]))
        project.regions.set(ref.pick("regions", item["regions"]))
        project.partners.set([partners[slug] for slug in item["partners"]])
        existing[project.slug] = project
        counts.created += 1
    return existing, counts


def _activity_published_on(item: dict) -> datetime.date:
    """A report a week after a past activity; an announcement two months before one
    that has not taken place yet (it has no outcomes)."""
    if item["outcomes"][1]:
        return item["end"] + datetime.timedelta(days=7)
    return item["start"] - datetime.timedelta(days=60)


def _load_activities(
    ref: _Reference,
    partners: dict[str, Partner],
    projects: dict[str, Project],
    editor: User,
) -> tuple[dict[str, Activity], Counts]:
    counts = Counts()
    existing = _existing(Activity, "slug", [item["slug"] for item in ACTIVITIES])
    for item in ACTIVITIES:
        if item["slug"] in existing:
            counts.unchanged += 1
            continue
        activity = _create(
            Activity(
                slug=item["slug"],
                kind=item["kind"],
                format=item["format"],
                start_date=item["start"],
                end_date=item["end"],
                host_country=ref.one("countries", item["host"]),
                project=projects[item["project"]] if item["project"] else None,
                participants=item["participants"],
                women_participants=item["women"],
                **_translated("title", item["title"]),
                **_translated("summary", item["summary"]),
                **_translated(
                    "body",
                    (_paragraphs(item["body"][0]), _paragraphs(item["body"][1])),
                ),
                **_translated(
                    "outcomes",
                    (_bullets(item["outcomes"][0]), _bullets(item["outcomes"][1])),
                ),
                **_translated("city", item["city"]),
                **_publishing(
                    item.get("status", Status.PUBLISHED),
                    _activity_published_on(item),
                    editor,
                ),
            )
        )
        activity.providers.set([partners[slug] for slug in item["providers"]])
        activity.beneficiaries.set([partners[slug] for slug in item["beneficiaries"]])
        activity.themes.set(ref.pick("themes", item["themes"]))
        existing[activity.slug] = activity
        counts.created += 1
    return existing, counts


def _load_photos(activities: dict[str, Activity]) -> Counts:
    counts = Counts()
    existing = set(
        Photo.objects.filter(
            caption_en__in=[item["caption"][1] for item in PHOTOS]
        ).values_list("caption_en", flat=True)
    )
    for item in PHOTOS:
        if item["caption"][1] in existing:
            counts.unchanged += 1
            continue
        photo = Photo(
            activity=activities[item["activity"]] if item["activity"] else None,
            taken_on=item["taken_on"],
            **_translated("caption", item["caption"]),
            **_translated("credit", item["credit"]),
        )
        photo.image.save(
            f"demo-{item['key']}.jpg",
            ContentFile(images.photo_jpeg(seed=item["key"])),
            save=False,
        )
        _create(photo)
        counts.created += 1
    return counts


def _load_resources(
    ref: _Reference, activities: dict[str, Activity], editor: User
) -> tuple[Counts, Counts]:
    counts, document_counts = Counts(), Counts()
    existing = _existing(Resource, "slug", [item["slug"] for item in RESOURCES])
    theme_names = {
        slug: (theme.name_ru, theme.name_en) for slug, theme in ref.themes.items()
    }
    for item in RESOURCES:
        languages = item.get("documents", ())
        if item["slug"] in existing:
            counts.unchanged += 1
            document_counts.unchanged += len(languages)
            continue
        url = item.get("url", ("", ""))
        resource = Resource(
            slug=item["slug"],
            kind=item["kind"],
            access=item["access"],
            published_on=item["published_on"],
            **_translated("title", item["title"]),
            **_translated("summary", item["summary"]),
            **_translated(
                "body", (_paragraphs(item["body"][0]), _paragraphs(item["body"][1]))
            ),
            **_translated("publisher", item["publisher"]),
            **_translated("url", url),
            **_publishing(
                item.get("status", Status.PUBLISHED),
                item["published_on"] + datetime.timedelta(days=1),
                editor,
            ),
        )
        for language in languages:
            pdf = documents.render_pdf(
                documents.resource_document(
                    item, language=language, theme_names=theme_names
                )
            )
            # Through the field, so the file lands in the private storage.
            getattr(resource, f"document_{language}").save(
                f"{item['slug']}-{language}.pdf", ContentFile(pdf), save=False
            )
            document_counts.created += 1
        _create(resource)
        resource.themes.set(ref.pick("themes", item["themes"]))
        resource.regions.set(ref.pick("regions", item["regions"]))
        resource.countries.set(ref.pick("countries", item["countries"]))
        resource.activities.set([activities[slug] for slug in item["activities"]])
        counts.created += 1
    return counts, document_counts


def _load_pages(editor: User) -> Counts:
    counts = Counts()
    existing = _existing(Page, "slug", [item["slug"] for item in PAGES])
    for item in PAGES:
        if item["slug"] in existing:
            counts.unchanged += 1
            continue
        _create(
            Page(
                slug=item["slug"],
                menu_order=item["menu_order"],
                show_in_menu=True,
                **_translated("title", item["title"]),
                **_translated("summary", item["summary"]),
                **_translated("body", item["body"]),
                **_publishing(Status.PUBLISHED, datetime.date(2024, 1, 10), editor),
            )
        )
        counts.created += 1
    return counts


@transaction.atomic
def demo_content_load(*, password: str) -> dict[str, Counts]:
    """Create whatever demo content is missing; return what was created per kind.

    The reference data (themes, regions, countries) is loaded first: the demo
    content points at it. ``password`` is set on demo accounts being created only.
    """
    reference_data_load()
    ref = _Reference.load()
    counts: dict[str, Counts] = {}
    users, counts["users"] = _load_users(password, ref)
    editor = users["editor@example.org"]
    partners, counts["partners"], counts["contacts"] = _load_partners(ref, editor)
    projects, counts["projects"] = _load_projects(ref, partners, editor)
    activities, counts["activities"] = _load_activities(ref, partners, projects, editor)
    counts["photos"] = _load_photos(activities)
    counts["resources"], counts["documents"] = _load_resources(ref, activities, editor)
    counts["pages"] = _load_pages(editor)
    return counts
