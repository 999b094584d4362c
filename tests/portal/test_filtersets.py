"""Filter sets and their forms copy filters and fields shallowly
(``portal.filtersets``): what one page changes stays on that page."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from portal.filtersets import CopiedFields
from programme.filters import ActivityFilterSet
from resources.filters import ResourceFilterSet
from resources.models import Resource
from tests import factories


@pytest.mark.django_db
def test_each_form_has_its_own_fields_widgets_and_errors():
    first = ActivityFilterSet(data={"kind": ["no-such-kind"]}).form
    second = ActivityFilterSet(data={"kind": ["training"]}).form
    assert isinstance(type(first).base_fields, CopiedFields)

    first.fields["kind"].choices = [("only-here", "Only here")]
    first.fields["kind"].widget.attrs["data-mark"] = "first"
    first.fields["kind"].error_messages["invalid_choice"] = "changed"

    kind = second.fields["kind"]
    assert kind is not first.fields["kind"]
    assert "only-here" not in [value for value, _label in kind.choices]
    assert "training" in [value for value, _label in kind.choices]
    assert "data-mark" not in kind.widget.attrs
    assert kind.error_messages["invalid_choice"] != "changed"
    assert second.is_valid(), second.errors
    assert not first.is_valid()


@pytest.mark.django_db
def test_the_access_levels_one_reader_is_offered_stay_with_that_reader():
    """The library's filter set chooses its ``access`` choices per reader on its
    copy of the filter: staff's ``staff`` level never reaches a visitor's form."""
    request = RequestFactory().get("/")
    request.user = factories.UserFactory(is_staff=True)
    staff = ResourceFilterSet(
        data={"access": ["staff"]}, queryset=Resource.objects.all(), request=request
    )
    assert staff.is_valid(), staff.form.errors

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    visitor = ResourceFilterSet(
        data={"access": ["staff"]}, queryset=Resource.objects.all(), request=request
    )
    assert not visitor.is_valid()
    assert "access" in visitor.form.errors
    base_choices = ResourceFilterSet.base_filters["access"].extra["choices"]
    assert "staff" in [value for value, _label in base_choices]
