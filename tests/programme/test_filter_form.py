"""The ledger's filter form class, built once, follows the language and the taxonomy."""

import pytest
from django.utils import translation

from portal.taxonomy.choices import forget_choices
from programme.filters import ActivityFilterSet
from tests import factories


@pytest.mark.django_db
def test_the_form_class_built_once_still_follows_language_and_taxonomy():
    """``KeptFormClassMixin`` keeps one form class: its labels are read
    in each page's language, its theme choices from the taxonomy as it is now."""
    with translation.override("en"):
        english = str(ActivityFilterSet(data=None).form["sort"])
    with translation.override("ru"):
        russian = str(ActivityFilterSet(data=None).form["sort"])
    assert "Newest first" in english
    assert "Newest first" not in russian

    assert not ActivityFilterSet(data={"theme": ["brand-new"]}).is_valid()
    factories.ThemeFactory(slug="brand-new")
    # The taxonomy's choices are memoised per request and cached: forget them.
    forget_choices()
    assert ActivityFilterSet(data={"theme": ["brand-new"]}).is_valid()
