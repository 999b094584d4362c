"""A request that queues work never fails because the broker is down."""

import logging

from kombu.exceptions import OperationalError

from portal.queueing import queue_on_commit, queue_task


class DeadBrokerTask:
    name = "tests.dead_broker"

    def __init__(self):
        self.calls = []

    def delay(self, *args, **kwargs):
        self.calls.append((args, kwargs))
        raise OperationalError(
            "Error 111 connecting to 127.0.0.1:1. Connection refused."
        )


def test_a_dead_broker_is_logged_not_raised(caplog):
    task = DeadBrokerTask()
    with caplog.at_level(logging.ERROR, logger="portal.queueing"):
        assert queue_task(task, 7, language="ru") is False
    assert task.calls == [((7,), {"language": "ru"})]
    assert "could not queue tests.dead_broker" in caplog.text


def test_queued_on_commit_runs_after_the_commit_and_survives_the_broker(
    db, django_capture_on_commit_callbacks
):
    task = DeadBrokerTask()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        queue_on_commit(task, 1)
        assert task.calls == []
    assert len(callbacks) == 1
    assert task.calls == [((1,), {})]
