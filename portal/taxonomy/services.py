"""Loading the reference data (regions, UN member states, themes) from portal/taxonomy/data.

The data files are the authority: a run creates what is missing and puts back any
field that was changed in the database, and touches nothing else. Rows that are not
in the files are left alone, because partners and content may point at them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from babel import Locale
from django.db import models, transaction

from .models import Country, Region, Theme

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("ru", "en")

Counts = dict[str, int]


def _read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file whose lines starting with '#' are comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return list(csv.DictReader(lines))


def _read_json(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def region_rows() -> list[dict[str, Any]]:
    return [
        {**row, "order": int(row["order"])}
        for row in _read_json(DATA_DIR / "regions.json")
    ]


def theme_rows() -> list[dict[str, Any]]:
    # The file's order is the order shown on the site.
    return [
        {**row, "order": position}
        for position, row in enumerate(_read_json(DATA_DIR / "themes.json"), start=1)
    ]


def country_rows() -> list[dict[str, Any]]:
    """Member states with names from Babel, overridden by country_names.csv."""
    territories = {lang: Locale(lang).territories for lang in LANGUAGES}
    overrides = {row["iso3"]: row for row in _read_csv(DATA_DIR / "country_names.csv")}
    rows = []
    for member in _read_csv(DATA_DIR / "un_member_states.csv"):
        override = overrides.pop(member["iso3"], {})
        names = {
            f"name_{lang}": override.get(f"name_{lang}")
            or territories[lang][member["iso2"]]
            for lang in LANGUAGES
        }
        rows.append({**member, **names})
    if overrides:
        # A typo in the override file would otherwise be silently ignored.
        raise ValueError(f"Name overrides for non-members: {sorted(overrides)}")
    return rows


def _sync(
    model: type[models.Model], key: str, rows: Iterable[dict[str, Any]]
) -> Counts:
    """Create or update rows of `model` keyed by `key`; save only what differs."""
    existing = model.objects.in_bulk(field_name=key)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    new = []
    for values in rows:
        obj = existing.get(values[key])
        if obj is None:
            new.append(model(**values))
            continue
        changed = [
            field for field, value in values.items() if getattr(obj, field) != value
        ]
        if changed:
            for field in changed:
                setattr(obj, field, values[field])
            obj.save(update_fields=changed)
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    model.objects.bulk_create(new)
    counts["created"] = len(new)
    return counts


def _country_values(regions: dict[str, Region]) -> Iterator[dict[str, Any]]:
    for row in country_rows():
        try:
            region = regions[row["region"]]
        except KeyError:
            raise ValueError(
                f"{row['iso3']}: unknown region {row['region']!r}"
            ) from None
        yield {
            "iso3": row["iso3"],
            "iso2": row["iso2"],
            "name_ru": row["name_ru"],
            "name_en": row["name_en"],
            # Compared by id: comparing instances would fetch each country's region.
            "region_id": region.pk,
            "un_member": True,
        }


@transaction.atomic
def reference_data_load() -> dict[str, Counts]:
    """Load regions, UN member states and themes; counts per model and outcome.

    Safe to run any number of times: a second run creates and updates nothing.
    """
    counts = {"regions": _sync(Region, "slug", region_rows())}
    regions = Region.objects.in_bulk(field_name="slug")
    counts["countries"] = _sync(Country, "iso3", _country_values(regions))
    counts["themes"] = _sync(Theme, "slug", theme_rows())
    return counts
