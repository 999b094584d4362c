"""Queueing Celery tasks from a request: a dead broker never fails the request.

The work is not lost: the notification sweeper re-queues pending events and
deliveries, and ``rebuild_search_index`` redoes document texts.
"""

from __future__ import annotations

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def queue_task(task, *args, **kwargs) -> bool:
    """Queue a task now; False (and a log line) when the broker cannot take it."""
    try:
        task.delay(*args, **kwargs)
    except Exception:  # kombu and redis raise many kinds; none may reach the caller
        logger.exception("could not queue %s%r; it will be caught up", task.name, args)
        return False
    return True


def queue_on_commit(task, *args, **kwargs) -> None:
    """Queue a task once the current transaction has committed."""
    transaction.on_commit(lambda: queue_task(task, *args, **kwargs))
