"""Helpers of the account tests: links read from mails, tokens made in the past."""

import re
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core import mail, signing
from django.test import TestCase

PASSWORD = "correct horse battery"
NEW_PASSWORD = "Tamarind-lantern-1987"


def link_in_last_mail(pattern: str) -> str:
    """The path of the first link in the last mail's text whose path matches."""
    body = mail.outbox[-1].body
    for url in re.findall(r"https?://\S+", body):
        path = urlsplit(url).path
        if re.search(pattern, path):
            assert url.startswith(settings.SITE_URL), url
            return path
    raise AssertionError(f"no link matching {pattern!r} in:\n{body}")


class signed_in_the_past:  # noqa: N801 - used as a context manager, like a function
    """Signatures made inside ``with signed_in_the_past(seconds):`` carry an old time."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def __enter__(self):
        past = int(time.time() - self.seconds)
        self.original = signing.TimestampSigner.timestamp
        signing.TimestampSigner.timestamp = lambda signer: signing.b62_encode(past)

    def __exit__(self, *exc):
        signing.TimestampSigner.timestamp = self.original


def csrf_client_token(client, url: str) -> str:
    """GET a page so the client holds a CSRF cookie; return the token to send."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return client.cookies[settings.CSRF_COOKIE_NAME].value


def committed():
    """Run what was queued on commit (the mails) when the block ends.

    Tests run inside a transaction that never commits: without this, nothing
    queued with ``transaction.on_commit`` would run.
    """
    return TestCase.captureOnCommitCallbacks(execute=True)
