# The production image: gunicorn on :8000 behind a TLS proxy; the same image runs
# the Celery worker and beat (see docker-compose.yml).
FROM python:3.11-slim

# PYTHONPATH: the checkout in /app, with its templates, locale and static files,
# comes before the copy of the packages that `pip install .` puts in site-packages.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=portal.settings.production \
    PYTHONPATH=/app \
    DJANGO_MEDIA_ROOT=/data/media \
    DJANGO_PRIVATE_MEDIA_ROOT=/data/private

# gettext for compilemessages.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 1000 portal \
    && useradd --system --uid 1000 --gid portal --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin portal

WORKDIR /app

# The pinned dependencies first, in their own layer: rebuilt only when
# pyproject.toml changes, not on every code change.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .
RUN pip install --no-deps . && rm -rf build *.egg-info

# Catalogues and static files are built into the image. Production settings refuse
# to load without their variables: these placeholders exist only for this command
# (nothing connects anywhere) and are not part of the image's environment.
RUN DJANGO_SECRET_KEY=build-time-placeholder-not-a-secret-0123456789abcdefghij \
    DJANGO_ALLOWED_HOSTS=localhost \
    DATABASE_URL=postgres://build@localhost:5432/build \
    REDIS_URL=redis://localhost:6379/0 \
    EMAIL_URL=smtp://localhost:25 \
    sh -c "python manage.py compilemessages -v 0 && python manage.py collectstatic --noinput -v 0"

# Named volumes mounted here start with this ownership.
RUN mkdir -p /data/media /data/private \
    && chown -R portal:portal /data

USER portal
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "/app/docker/healthcheck.py"]

CMD ["gunicorn", "--config", "/app/docker/gunicorn.conf.py", "portal.wsgi"]
