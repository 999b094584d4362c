"""The Celery app takes its configuration from Django settings (CELERY_*)."""

from portal.celery import app


def test_tasks_and_results_travel_as_json_only():
    assert list(app.conf.accept_content) == ["json"]
    assert app.conf.task_serializer == "json"
    assert app.conf.result_serializer == "json"


def test_a_task_is_acknowledged_after_it_ran_and_requeued_if_its_worker_dies():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    # With late acks, prefetching more would hold tasks hostage behind a slow one.
    assert app.conf.worker_prefetch_multiplier == 1


def test_tasks_have_a_soft_limit_below_a_hard_limit():
    assert app.conf.task_time_limit
    assert 0 < app.conf.task_soft_time_limit < app.conf.task_time_limit


def test_redis_redelivers_only_tasks_that_outlived_the_hard_time_limit():
    visibility_timeout = app.conf.broker_transport_options["visibility_timeout"]
    assert visibility_timeout > app.conf.task_time_limit


def test_no_task_has_a_time_limit_beyond_the_visibility_timeout():
    app.loader.import_default_modules()
    visibility_timeout = app.conf.broker_transport_options["visibility_timeout"]
    own_tasks = [
        task for name, task in app.tasks.items() if not name.startswith("celery.")
    ]
    for task in own_tasks:
        assert (task.time_limit or 0) < visibility_timeout, task.name


def test_beat_schedules_only_registered_tasks():
    app.loader.import_default_modules()
    for entry in (app.conf.beat_schedule or {}).values():
        assert entry["task"] in app.tasks, entry["task"]
