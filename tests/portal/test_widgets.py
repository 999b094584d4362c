"""The panel widgets written in Python write what Django's templates write."""

import pytest
from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from portal.widgets import PanelHiddenInput, PanelSelect, PanelTextInput

CHOICES = [
    ("newest", gettext_lazy("Newest first")),
    ("a&b", 'Quotes " and <tags>'),
    ("safe", mark_safe("<em>kept</em>")),
    ("Group", [("x", "X"), ("y", "Y")]),
    ("", "---"),
    (3, "A number"),
]
ATTRS = [
    None,
    {"id": "id_f"},
    {"id": "id_f", "required": True, "disabled": False, "data-x": 'a"b<c'},
    {"aria-invalid": "true", "maxlength": 200},
]


@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize(
    "value", [None, "", "newest", "a&b", "y", "nope", 3, ["x", "y"]]
)
@pytest.mark.parametrize("multiple", [False, True])
def test_the_select_writes_what_the_template_writes(value, attrs, multiple):
    python, django = (
        (forms.SelectMultiple, type("M", (PanelSelect, forms.SelectMultiple), {}))[::-1]
        if multiple
        else (PanelSelect, forms.Select)
    )
    expected = django(choices=CHOICES).render("sort", value, attrs)
    assert python(choices=CHOICES).render("sort", value, attrs) == expected


@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize(
    "value", [None, "", "plain", "<b>\"x\"&'y'</b>", 0, mark_safe("<i>")]
)
@pytest.mark.parametrize(
    ("python", "django"),
    [(PanelTextInput, forms.TextInput), (PanelHiddenInput, forms.HiddenInput)],
)
def test_the_inputs_write_what_the_template_writes(python, django, value, attrs):
    assert python().render("q", value, attrs) == django().render("q", value, attrs)
