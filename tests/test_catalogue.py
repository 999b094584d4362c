"""Russian is first class: the catalogue is complete, compiled and used."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po
from django.utils import translation
from django.utils.translation import gettext

from tests.conftest import need

ROOT = Path(__file__).resolve().parents[1]
RU_PO = ROOT / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def _messages(path: Path):
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return [message for message in catalog if message.id]


def _untranslated(messages) -> list[str]:
    missing = []
    for message in messages:
        strings = (
            message.string if isinstance(message.string, tuple) else (message.string,)
        )
        if message.fuzzy or not all(strings):
            missing.append(str(message.id))
    return missing


def test_every_russian_message_is_translated():
    assert _untranslated(_messages(RU_PO)) == []


def test_the_russian_catalogue_is_compiled_and_used():
    assert (RU_PO.with_suffix(".mo")).exists(), "run make compilemessages"
    with translation.override("ru"):
        assert gettext("Partners") == "Партнёры"
        assert gettext("Resources") == "Ресурсы"
    with translation.override("en"):
        assert gettext("Partners") == "Partners"


def test_makemessages_finds_no_string_missing_from_the_catalogue(tmp_path):
    """A fresh extraction from the code gives no message the catalogue lacks."""
    need(shutil.which("xgettext") is not None, "makemessages needs GNU gettext")
    copy = tmp_path / "tree"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", "var", ".git", "node_modules", "__pycache__", "*.mo", "vendor"
        ),
    )
    subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--locale=ru",
            "--no-location",
            "--no-obsolete",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
    )
    extracted = _messages(copy / "locale" / "ru" / "LC_MESSAGES" / "django.po")
    assert _untranslated(extracted) == []


def test_no_message_is_marked_inside_an_f_string():
    """makemessages (xgettext) does not read inside f-strings: a gettext call
    there is never extracted, so its text would stay English on Russian pages."""
    marked = re.compile(
        r"""\bf["'][^\n]*\{[^}\n]*\b(?:gettext|ngettext|pgettext|_)\("""
    )
    root = Path(__file__).resolve().parent.parent
    found = [
        f"{path.relative_to(root)}:{number}"
        for app in ("portal", "partners", "programme", "resources")
        for path in (root / app).rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if marked.search(line)
    ]
    assert found == []
