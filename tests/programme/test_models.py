"""Invariants the database holds for projects and activities."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from tests.factories import ActivityFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_an_activity_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityFactory(
            start_date=datetime.date(2025, 5, 2), end_date=datetime.date(2025, 5, 1)
        )


def test_a_one_day_activity_is_allowed():
    activity = ActivityFactory(
        start_date=datetime.date(2025, 5, 2), end_date=datetime.date(2025, 5, 2)
    )
    assert activity.pk


@pytest.mark.parametrize(
    ("participants", "women"),
    [(10, 11), (None, 3)],
    ids=["more-women-than-participants", "women-without-a-total"],
)
def test_women_participants_never_outnumber_participants(participants, women):
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityFactory(participants=participants, women_participants=women)


@pytest.mark.parametrize(("participants", "women"), [(10, 10), (10, 0), (None, None)])
def test_consistent_participant_counts_are_accepted(participants, women):
    activity = ActivityFactory(participants=participants, women_participants=women)
    assert activity.pk


def test_full_clean_explains_the_date_rule_in_words():
    activity = ActivityFactory.build(
        start_date=datetime.date(2025, 5, 2), end_date=datetime.date(2025, 5, 1)
    )
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        activity.full_clean()
    assert "cannot end before it starts" in str(excinfo.value)
    with translation.override("ru"), pytest.raises(ValidationError) as excinfo:
        activity.full_clean()
    assert "не может предшествовать дате его начала" in str(excinfo.value)


def test_a_project_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(
            start_date=datetime.date(2025, 1, 2), end_date=datetime.date(2024, 1, 1)
        )


def test_slugs_are_unique():
    ActivityFactory(slug="same")
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityFactory(slug="same")


def test_a_published_item_must_have_a_publication_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityFactory(status="published", published_at=None)
