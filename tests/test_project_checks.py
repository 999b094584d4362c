"""What drifts without anyone noticing: system checks, migrations, catalogues, lint."""

import os
import shutil
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CATALOGUES = sorted((ROOT / "locale").glob("*/LC_MESSAGES/*.po"))


def run(*args: str | Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """Run a command in the repository with the test settings on a scratch SQLite."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "EMAIL_URL"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'checks.sqlite3'}"
    return subprocess.run(  # noqa: S603 - our own tools and arguments
        [str(arg) for arg in args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_system_checks_pass(tmp_path):
    result = run(sys.executable, "manage.py", "check", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_models_and_migrations_agree(tmp_path):
    result = run(
        sys.executable,
        "manage.py",
        "makemigrations",
        "--check",
        "--dry-run",
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_russian_catalogue_exists():
    assert (ROOT / "locale" / "ru" / "LC_MESSAGES" / "django.po").is_file()


@pytest.mark.parametrize(
    "catalogue", CATALOGUES, ids=[str(p.relative_to(ROOT)) for p in CATALOGUES]
)
def test_catalogue_compiles(catalogue, tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt:
        result = run(
            msgfmt, "--check-format", "-o", os.devnull, catalogue, tmp_path=tmp_path
        )
        assert result.returncode == 0, result.stderr
        return
    # Without gettext, Babel (what `make compilemessages` falls back to) must manage.
    with catalogue.open("rb") as po:
        parsed = read_po(po, abort_invalid=True)
    problems = [(message.id, errors) for message, errors in parsed.check() if errors]
    assert not problems
    write_mo(BytesIO(), parsed)


def test_ruff_finds_nothing(tmp_path):
    result = run(BIN / "ruff", "check", "--no-cache", ".", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted(tmp_path):
    result = run(
        BIN / "ruff", "format", "--check", "--no-cache", ".", tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_docker_compose_file_is_valid(tmp_path):
    """`docker-compose config` validates offline; .env.example stands in for .env."""
    compose = shutil.which("docker-compose")
    if not compose:
        pytest.skip("docker-compose is not installed (apt-get install docker-compose)")
    for name in ("docker-compose.yml", "Dockerfile"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")
    result = subprocess.run(  # noqa: S603 - a fixed command on our own file
        [compose, "config", "--quiet"],
        cwd=tmp_path,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
