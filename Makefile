# The portal's commands. `make run` serves the demo; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run setup test lint format messages compilemessages bench worker clean

help:
	@echo "make run      - install, migrate, load demo content and serve on http://$(HOST):$(PORT)/"
	@echo "make test     - install and run the whole test suite"
	@echo "make lint     - ruff check and format check"
	@echo "make format   - ruff format and fix"
	@echo "make messages - update the ru/en catalogues in locale/"
	@echo "make worker   - a Celery worker with beat (needs REDIS_URL)"
	@echo "make bench    - performance figures (needs DATABASE_URL to PostgreSQL)"

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# gettext's msgfmt when the machine has it; Babel (a dependency) otherwise.
compilemessages: install
	@if command -v msgfmt >/dev/null 2>&1; then \
		$(PY) manage.py compilemessages --ignore=.venv --ignore=var -v 0; \
	else \
		$(VENV)/bin/pybabel compile --domain=django --directory=locale --use-fuzzy=false --statistics; \
	fi

setup: install compilemessages
	mkdir -p var
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py load_reference_data
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_admin

run: setup
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install compilemessages
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install
	$(PY) manage.py makemessages --locale=ru --locale=en --no-location --ignore=.venv --ignore=var --ignore=static/vendor
	$(PY) manage.py makemessages --domain=djangojs --locale=ru --locale=en --no-location --ignore=.venv --ignore=var --ignore=static/vendor

worker: install
	$(VENV)/bin/celery --app=portal worker --beat --loglevel=INFO --concurrency=2

# The bench's own database (created once), gunicorn on loopback, wrk if installed;
# then the site-wide search on the same data, and a mail fan-out through a real
# worker (needs Redis). Options: make bench BENCH_ARGS="--seconds 2 --pages resources"
# (see python -m tests.bench --help); SEARCH_ARGS and FANOUT_ARGS likewise.
bench: install compilemessages
	$(PY) -m tests.bench $(BENCH_ARGS)
	$(PY) -m tests.bench.search $(SEARCH_ARGS)
	$(PY) -m tests.bench.fanout $(FANOUT_ARGS)

clean:
	rm -rf var $(VENV)
