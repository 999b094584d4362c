"""The query string of the search page: what it accepts, and how it says no."""

from __future__ import annotations

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.taxonomy.choices import region_choices, theme_choices

from .models import BOTH_LANGUAGES, Kind
from .ranking import Criteria

MAX_QUERY = 200
FIRST_YEAR = 1945
# Control characters (NUL included) are dropped: PostgreSQL refuses NUL in text.
CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def year_choices() -> list[tuple[str, str]]:
    last = timezone.now().year + 2
    return [(str(year), str(year)) for year in range(last, FIRST_YEAR - 1, -1)]


def language_choices() -> list[tuple[str, str]]:
    return [
        ("ru", _("Russian")),
        ("en", _("English")),
        (BOTH_LANGUAGES, _("Russian and English")),
    ]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY,
        strip=True,
    )
    type = forms.MultipleChoiceField(
        label=_("Type"), required=False, choices=Kind.choices
    )
    theme = forms.MultipleChoiceField(
        label=_("Theme"), required=False, choices=theme_choices
    )
    region = forms.MultipleChoiceField(
        label=_("Region"), required=False, choices=region_choices
    )
    year = forms.MultipleChoiceField(
        label=_("Year"), required=False, choices=year_choices
    )
    language = forms.ChoiceField(
        label=_("Language available"),
        required=False,
        choices=[("", _("Any language")), *language_choices()],
    )

    def __init__(self, data=None, **kwargs):
        if data is not None:
            data = data.copy()
            # A query longer than the cap is cut, not refused: the page says so.
            raw = CONTROL.sub(" ", data.get("q", ""))
            self.truncated = len(raw.strip()) > MAX_QUERY
            data["q"] = raw.strip()[:MAX_QUERY]
        else:
            self.truncated = False
        super().__init__(data, **kwargs)

    def criteria(self) -> Criteria:
        data = self.cleaned_data
        return Criteria(
            q=data["q"],
            kind=tuple(data["type"]),
            theme=tuple(data["theme"]),
            region=tuple(data["region"]),
            year=tuple(data["year"]),
            language=data["language"],
        )
