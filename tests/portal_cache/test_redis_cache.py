"""The Redis cache backend (portal.redis_cache) on a real Redis."""

import os

import pytest

from portal.redis_cache import RedisCache
from tests.conftest import need


@pytest.fixture
def redis_cache():
    import redis

    url = os.environ.get("REDIS_URL", "")
    try:
        answers = bool(url) and redis.Redis.from_url(url, socket_timeout=1).ping()
    except redis.RedisError:
        answers = False
    need(answers, "this test needs Redis (set REDIS_URL)")
    cache = RedisCache(url, {"KEY_PREFIX": "test-redis-cache"})
    yield cache
    cache.delete_many(["page", "counter"])


def test_every_operation_shares_one_client_and_reads_what_was_written(redis_cache):
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client

    redis_cache.set("page", {"body": "страница"}, 30)
    assert redis_cache.get("page") == {"body": "страница"}
    assert redis_cache.add("page", "other", 30) is False
    assert redis_cache.add("counter", 1, 30)
    assert redis_cache.incr("counter") == 2
    redis_cache.delete("page")
    assert redis_cache.get("page", "gone") == "gone"
    assert redis_cache._cache.get_client() is client
