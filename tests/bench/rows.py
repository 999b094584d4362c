"""Row builders of the synthetic data set: rows as dicts of attnames, and link pairs.

Every builder draws from one seeded random generator, so a data set is the same
from run to run. Primary keys are assigned here (contiguous ranges after the
highest existing id) so that links can be built without reading rows back.
Rows are plain dicts (``Model(**row)`` makes an instance of one): building
100,000 model instances costs more than writing them. Nothing here touches the
database except ``Reference.load`` and the first free ids.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.utils.text import slugify

from partners.models import Contact, Partner, PartnerKind
from portal.publishing import Status
from portal.taxonomy.models import Country, Region, Theme
from programme.models import Activity, ActivityFormat, ActivityKind, Photo, Project
from resources.models import Access, Resource, ResourceKind

from . import words
from .words import Pair

Links = dict[str, list[tuple[int, int]]]

FIRST_YEAR, LAST_YEAR = 2015, 2026
# How often each value occurs; a value added to a model later gets a small share.
PARTNER_KINDS = {
    "member_state": 40,
    "regional_org": 10,
    "international_org": 10,
    "un_entity": 5,
    "academia": 20,
    "civil_society": 15,
}
ACTIVITY_KINDS = {
    "training": 25,
    "workshop": 25,
    "study_visit": 12,
    "expert_exchange": 13,
    "conference": 10,
    "webinar": 12,
    "in_kind": 3,
}
FORMATS = {"in_person": 65, "online": 20, "hybrid": 15}
RESOURCE_KINDS = {
    "publication": 30,
    "toolkit": 12,
    "good_practice": 15,
    "training": 15,
    "legal": 10,
    "video": 8,
    "link": 10,
}
ACCESS = {"public": 85, "missions": 12, "staff": 3}
STATUSES = [
    s.value for s in (Status.PUBLISHED, Status.DRAFT, Status.REVIEW, Status.ARCHIVED)
]
STATUS_WEIGHTS = [95, 2, 1, 2]
# Shipped once by the bench (see dataset.py); rows point at a few real files.
DOCUMENT_FILES = 4
PHOTO_FILES = 6
PHOTO_SIZE = (960, 640)


@dataclass(frozen=True)
class Sizes:
    partners: int = 1_000
    projects: int = 300
    activities: int = 10_000
    photos: int = 3_000
    resources: int = 100_000

    def scaled(self, factor: float) -> Sizes:
        return Sizes(
            **{
                name: max(1, round(value * factor))
                for name, value in vars(self).items()
            }
        )


@dataclass
class Reference:
    """Ids of the reference data that content points at."""

    regions: list[int]
    countries: list[tuple[int, int, Pair]]  # id, region id, (name_ru, name_en)
    themes: list[int]

    @classmethod
    def load(cls) -> Reference:
        countries = [
            (pk, region, (ru or "", en or ""))
            for pk, region, ru, en in Country.objects.order_by("pk").values_list(
                "pk", "region_id", "name_ru", "name_en"
            )
        ]
        reference = cls(
            regions=list(Region.objects.order_by("pk").values_list("pk", flat=True)),
            countries=countries,
            themes=list(Theme.objects.order_by("pk").values_list("pk", flat=True)),
        )
        if not (reference.regions and reference.countries and reference.themes):
            raise RuntimeError("Load the reference data first (load_reference_data).")
        return reference


@dataclass
class Chunk:
    """Rows of one model, the M2M links that start from them, and dependent rows."""

    rows: list[dict]
    links: Links = field(default_factory=dict)
    extra: dict[type, list[dict]] = field(default_factory=dict)


def _first_ids() -> dict[type, int]:
    from django.db.models import Max

    return {
        model: (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        for model in (Partner, Contact, Project, Activity, Photo, Resource)
    }


def _weighted(choices: type, shares: dict[str, int]) -> tuple[list[str], list[int]]:
    values = list(choices.values)
    return values, [shares.get(value, 2) for value in values]


class Builder:
    def __init__(self, reference: Reference, sizes: Sizes, seed: int = 2026):
        self.ref = reference
        self.sizes = sizes
        self.rng = random.Random(seed)
        first = _first_ids()
        self.first = first
        self.partner_ids = range(first[Partner], first[Partner] + sizes.partners)
        self.project_ids = range(first[Project], first[Project] + sizes.projects)
        self.activity_ids = range(first[Activity], first[Activity] + sizes.activities)
        # A few partners and projects carry most exchanges, as in life (Zipf-like).
        self._partner_weights = _zipf_cumulative(sizes.partners)
        self._project_weights = _zipf_cumulative(sizes.projects)
        self._partner_names: dict[int, Pair] = {}

    # -- shared pieces ---------------------------------------------------------

    def _publishable(self, *, pk: int, slug_text: str) -> dict:
        rng = self.rng
        created = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC) + timedelta(
            days=rng.randrange(365 * (LAST_YEAR - FIRST_YEAR)),
            seconds=rng.randrange(86400),
        )
        status = rng.choices(STATUSES, STATUS_WEIGHTS)[0]
        published = created + timedelta(days=rng.randrange(30))
        return {
            "id": pk,
            "slug": f"{slugify(slug_text)[:100].strip('-')}-{pk}",
            "status": status,
            "published_at": None
            if status in (Status.DRAFT, Status.REVIEW)
            else published,
            "created_at": created,
            "updated_at": published + timedelta(days=rng.randrange(400)),
        }

    def _sample(self, population, low: int, high: int) -> list:
        return self.rng.sample(population, self.rng.randint(low, high))

    def _skewed(self, ids: range, weights: list[float], count: int) -> list[int]:
        """``count`` distinct ids, popular ones more often."""
        chosen: set[int] = set()
        while len(chosen) < min(count, len(ids)):
            chosen.add(ids[self.rng.choices(range(len(ids)), cum_weights=weights)[0]])
        return list(chosen)

    def _text(self, sentences: int, topic: Pair, *, html: bool = False) -> Pair:
        return words.text(
            self.rng, sentences, topic, partner=self._any_partner_name, html=html
        )

    def _any_partner_name(self) -> Pair:
        pk = self.rng.choice(self.partner_ids)
        return self._partner_names.get(pk, ("УНЦКТ", "UNCCT"))

    def _languages(self, *, en_only_share: float = 0.02) -> tuple[bool, bool]:
        """Which translations exist: mostly both, some Russian only, a few English only."""
        roll = self.rng.random()
        if roll < en_only_share:
            return False, True
        if roll < en_only_share + 0.06:
            return True, False
        return True, True

    def _translated(self, name: str, pair: Pair, keep: tuple[bool, bool]) -> dict:
        ru, en = pair
        return {
            name: ru if keep[0] else en,
            f"{name}_ru": ru if keep[0] else "",
            f"{name}_en": en if keep[1] else "",
        }

    # -- the models ------------------------------------------------------------

    def partners(self) -> Iterator[Chunk]:
        rng = self.rng
        kinds = _weighted(PartnerKind, PARTNER_KINDS)
        contact_pk = self.first[Contact]
        objects, contacts, links = [], [], {"offers": [], "seeks": []}
        for pk in self.partner_ids:
            kind = rng.choices(*kinds)[0]
            country_id, region_id, country = rng.choice(self.ref.countries)
            base = rng.choice(
                words.PARTNER_NAMES.get(kind, words.PARTNER_NAMES["academia"])
            )
            name = (f"{base[0]} ({country[0]})", f"{base[1]}, {country[1]}")
            self._partner_names[pk] = name
            acronym = "".join(w[0] for w in base[1].split() if w[0].isupper())[:6]
            keep = self._languages(en_only_share=0)
            topic = rng.choice(words.TOPICS)
            objects.append(
                dict(
                    **self._publishable(pk=pk, slug_text=name[1]),
                    kind=kind,
                    **self._translated("name", name, keep),
                    **self._translated("acronym", (acronym, acronym), keep),
                    **self._translated("summary", self._text(2, topic), keep),
                    **self._translated(
                        "description", self._text(5, topic, html=True), keep
                    ),
                    country_id=country_id,
                    region_id=region_id,
                    website=f"https://partner-{pk}.example.org/",
                    since=rng.randint(2008, LAST_YEAR),
                )
            )
            links["offers"] += [(pk, t) for t in self._sample(self.ref.themes, 1, 4)]
            links["seeks"] += [(pk, t) for t in self._sample(self.ref.themes, 1, 3)]
            for number in range(rng.randint(1, 3)):
                contacts.append(
                    {
                        "id": contact_pk,
                        "partner_id": pk,
                        "name": f"Focal Point {pk}-{number}",
                        "position": "Координатор" if number else "Руководитель",
                        "position_ru": "Координатор" if number else "Руководитель",
                        "position_en": "Coordinator" if number else "Head",
                        "email": f"focal-{pk}-{number}@example.org",
                        "phone": f"+1 555 {pk:04d} {number}",
                        "is_primary": number == 0,
                    }
                )
                contact_pk += 1
        yield Chunk(rows=objects, links=links, extra={Contact: contacts})

    def projects(self) -> Iterator[Chunk]:
        rng = self.rng
        objects, links = [], {"themes": [], "regions": [], "partners": []}
        for pk in self.project_ids:
            topic = rng.choice(words.TOPICS)
            lead = rng.choice(words.PROJECT_TITLES)
            title = (f"{lead[0]} {topic[0]} — {pk}", f"{lead[1]} {topic[1]} — {pk}")
            start = date(rng.randint(FIRST_YEAR - 1, LAST_YEAR - 1), 1, 1) + timedelta(
                days=rng.randrange(365)
            )
            keep = self._languages()
            objects.append(
                dict(
                    **self._publishable(pk=pk, slug_text=title[1]),
                    **self._translated("title", title, keep),
                    **self._translated("summary", self._text(2, topic), keep),
                    **self._translated("body", self._text(6, topic, html=True), keep),
                    start_date=start,
                    end_date=start + timedelta(days=rng.randint(365, 4 * 365)),
                )
            )
            links["themes"] += [(pk, t) for t in self._sample(self.ref.themes, 1, 3)]
            links["regions"] += [(pk, r) for r in self._sample(self.ref.regions, 1, 2)]
            links["partners"] += [
                (pk, p)
                for p in self._skewed(self.partner_ids, self._partner_weights, 4)
            ]
        yield Chunk(rows=objects, links=links)

    def activities(self, chunk_size: int = 2_000) -> Iterator[Chunk]:
        rng = self.rng
        kinds = _weighted(ActivityKind, ACTIVITY_KINDS)
        formats = _weighted(ActivityFormat, FORMATS)
        days = (date(LAST_YEAR, 12, 31) - date(FIRST_YEAR, 1, 1)).days
        for offset in range(0, len(self.activity_ids), chunk_size):
            objects = []
            links: Links = {"providers": [], "beneficiaries": [], "themes": []}
            for pk in self.activity_ids[offset : offset + chunk_size]:
                kind = rng.choices(*kinds)[0]
                topic, city = rng.choice(words.TOPICS), rng.choice(words.CITIES)
                lead = words.ACTIVITY_TITLES.get(
                    kind, words.ACTIVITY_TITLES["workshop"]
                )
                start = date(FIRST_YEAR, 1, 1) + timedelta(days=rng.randrange(days))
                title = (
                    f"{lead[0]} {topic[0]} ({city[0]}, {start.year})",
                    f"{lead[1]} {topic[1]} ({city[1]}, {start.year})",
                )
                participants = None if kind == "in_kind" else rng.randint(8, 150)
                women = (
                    None
                    if participants is None
                    else int(participants * rng.uniform(0.1, 0.6))
                )
                keep = self._languages()
                country_id = rng.choice(self.ref.countries)[0]
                objects.append(
                    dict(
                        **self._publishable(pk=pk, slug_text=title[1]),
                        kind=kind,
                        **self._translated("title", title, keep),
                        **self._translated("summary", self._text(2, topic), keep),
                        **self._translated(
                            "body", self._text(5, topic, html=True), keep
                        ),
                        **self._translated(
                            "outcomes", self._text(2, topic, html=True), keep
                        ),
                        **self._translated("city", city, keep),
                        project_id=(
                            self._skewed(self.project_ids, self._project_weights, 1)[0]
                            if rng.random() < 0.7
                            else None
                        ),
                        start_date=start,
                        end_date=start + timedelta(days=rng.randint(0, 9)),
                        format=rng.choices(*formats)[0],
                        host_country_id=country_id,
                        participants=participants,
                        women_participants=women,
                    )
                )
                partners = self._skewed(
                    self.partner_ids, self._partner_weights, rng.randint(2, 6)
                )
                split = max(1, min(3, len(partners) // 2))
                links["providers"] += [(pk, p) for p in partners[:split]]
                links["beneficiaries"] += [(pk, p) for p in partners[split:]]
                links["themes"] += [
                    (pk, t) for t in self._sample(self.ref.themes, 1, 3)
                ]
            yield Chunk(rows=objects, links=links)

    def photos(self) -> Iterator[Chunk]:
        rng = self.rng
        objects = []
        for number in range(self.sizes.photos):
            caption = rng.choice(words.PHOTO_CAPTIONS)
            city = rng.choice(words.CITIES)
            objects.append(
                {
                    "id": self.first[Photo] + number,
                    "activity_id": rng.choice(self.activity_ids)
                    if rng.random() < 0.8
                    else None,
                    "image": f"photos/bench/photo-{number % PHOTO_FILES}.jpg",
                    "width": PHOTO_SIZE[0],
                    "height": PHOTO_SIZE[1],
                    "caption": f"{caption[0]}, {city[0]}",
                    "caption_ru": f"{caption[0]}, {city[0]}",
                    "caption_en": f"{caption[1]}, {city[1]}",
                    "credit": "Фото: УНЦКТ",
                    "credit_ru": "Фото: УНЦКТ",
                    "credit_en": "Photo: UNCCT",
                    "taken_on": date(rng.randint(FIRST_YEAR, LAST_YEAR), 1, 1)
                    + timedelta(days=rng.randrange(365)),
                }
            )
        yield Chunk(rows=objects)

    def resources(self, chunk_size: int = 5_000) -> Iterator[Chunk]:
        rng = self.rng
        kinds = _weighted(ResourceKind, RESOURCE_KINDS)
        access = _weighted(Access, ACCESS)
        first = self.first[Resource]
        for offset in range(0, self.sizes.resources, chunk_size):
            objects = []
            links: Links = {
                "themes": [],
                "regions": [],
                "countries": [],
                "activities": [],
            }
            for pk in range(
                first + offset, first + min(offset + chunk_size, self.sizes.resources)
            ):
                kind = rng.choices(*kinds)[0]
                topic = rng.choice(words.TOPICS)
                title = words.resource_title(self.rng, topic)
                keep = self._languages()
                year = rng.randint(FIRST_YEAR, LAST_YEAR)
                objects.append(
                    dict(
                        **self._publishable(pk=pk, slug_text=title[1]),
                        kind=kind,
                        **self._translated("title", title, keep),
                        **self._translated("summary", self._text(2, topic), keep),
                        **self._translated(
                            "body", self._text(4, topic, html=True), keep
                        ),
                        **self._translated(
                            "publisher", rng.choice(words.PUBLISHERS), keep
                        ),
                        **self._files(kind, pk),
                        published_on=date(year, 1, 1)
                        + timedelta(days=rng.randrange(365)),
                        access=rng.choices(*access)[0],
                        downloads=rng.randrange(500),
                    )
                )
                links["themes"] += [
                    (pk, t) for t in self._sample(self.ref.themes, 1, 3)
                ]
                links["regions"] += [
                    (pk, r) for r in self._sample(self.ref.regions, 0, 2)
                ]
                links["countries"] += [
                    (pk, c[0]) for c in self._sample(self.ref.countries, 0, 2)
                ]
                links["activities"] += [
                    (pk, a) for a in self._sample(self.activity_ids, 0, 2)
                ]
            yield Chunk(rows=objects, links=links)

    def _files(self, kind: str, pk: int) -> dict:
        """Links for videos and links; documents in one or both languages otherwise."""
        if kind in (ResourceKind.VIDEO, ResourceKind.LINK):
            url = f"https://media.example.org/{kind}/{pk}"
            return {"url": url, "url_ru": f"{url}?hl=ru", "url_en": f"{url}?hl=en"}
        roll = self.rng.random()
        has = (roll < 0.85, roll < 0.60 or 0.85 <= roll < 0.97)
        names = [
            f"resources/bench/{lang}-{pk % DOCUMENT_FILES}.pdf" if present else ""
            for lang, present in zip(("ru", "en"), has, strict=True)
        ]
        return {
            "document": names[0] or names[1],
            "document_ru": names[0],
            "document_en": names[1],
        }


def _zipf_cumulative(count: int, exponent: float = 0.8) -> list[float]:
    total, cumulative = 0.0, []
    for rank in range(1, count + 1):
        total += 1 / rank**exponent
        cumulative.append(total)
    return cumulative
