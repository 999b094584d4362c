"""Playwright with Debian's Chromium: Playwright cannot download a browser here.

See ../shared/STACK.md, traps 7 and 8.
"""

import os
import shutil

import pytest

from tests.conftest import need

# Playwright's sync API runs an event loop in the test thread; the ORM calls of
# live_server and of the tests themselves would otherwise refuse to run.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Session-scoped, so it runs before the per-test ``chromium_path`` check.
    need(
        os.path.exists(CHROMIUM), "this test needs Chromium (apt-get install chromium)"
    )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
        ],
    }
