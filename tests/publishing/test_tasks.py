import datetime

import pytest
from django.utils import timezone

from portal.publishing import Status
from portal.tasks import publish_due
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db


def test_the_beat_task_publishes_what_is_due():
    page = PageFactory(
        status=Status.REVIEW,
        published_at=None,
        publish_at=timezone.now() - datetime.timedelta(seconds=5),
    )
    assert publish_due.delay().get() == 1
    page.refresh_from_db()
    assert page.status == Status.PUBLISHED
