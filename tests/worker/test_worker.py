import datetime
import time

import pytest
from django.utils import timezone

from portal.publishing import Status
from portal.tasks import publish_due
from tests.factories import PageFactory


@pytest.mark.redis
def test_a_real_worker_publishes_scheduled_items(celery_worker):
    page = PageFactory(
        status=Status.REVIEW,
        published_at=None,
        publish_at=timezone.now() - datetime.timedelta(seconds=1),
    )
    publish_due.delay()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        page.refresh_from_db()
        if page.status == Status.PUBLISHED:
            break
        assert celery_worker.poll() is None, celery_worker.stdout.read()
        time.sleep(0.2)
    assert page.status == Status.PUBLISHED
