"""`make run` serves the demo on SQLite: every kind of page answers there too.

The suite runs on PostgreSQL; SQLite has its own limits (no LIMIT inside a
UNION, no triggers, no full-text search), met only on the demo's code paths. A
child process builds the demo database as `make run` does and asks for one page
of each kind, in both languages.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment

setup_test_environment()
for command in ("migrate", "load_reference_data", "load_demo_content"):
    call_command(command, verbosity=0)

from partners.models import Partner
from programme.models import Activity, Project
from resources.models import Resource

paths = [
    "/robots.txt", "/sitemap.xml", "/sitemap-resources.xml",
    "/{lang}/", "/{lang}/partners/", "/{lang}/partners/expertise/",
    "/{lang}/programme/", "/{lang}/programme/activities/",
    "/{lang}/programme/activities/?kind=training&when=past",
    "/{lang}/programme/calendar/", "/{lang}/programme/activities.ics",
    "/{lang}/programme/photos/", "/{lang}/resources/",
    "/{lang}/resources/?theme=human-rights&language=both",
    "/{lang}/figures/", "/{lang}/feeds/resources.rss", "/{lang}/feeds/activities.atom",
    "/{lang}/search/?q=terrorism", "/{lang}/search/suggest/?q=ter",
    "/{lang}/subscribe/", "/{lang}/accounts/login/",
]
for model in (Partner, Project, Activity, Resource):
    item = model.objects.published().order_by("pk").first()
    paths.append(item.get_absolute_url().replace("/ru/", "/{lang}/", 1))
client = Client()
answers = {}
for path in paths:
    for lang in ("ru", "en"):
        url = path.format(lang=lang)
        answers[url] = client.get(url).status_code
print(json.dumps(answers))
"""


def test_the_demo_on_sqlite_answers_every_kind_of_page(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    answers = json.loads(done.stdout.strip().splitlines()[-1])
    failed = {url: status for url, status in answers.items() if status != 200}
    assert failed == {}
    assert len(answers) > 40
