# SWV portal. `make run` starts the portal with demo data; `make test` runs every test.
# Embedded defaults: SQLite + kombu's filesystem broker. Set DATABASE_URL / CELERY_BROKER_URL
# (see .env.example) to use PostgreSQL and Redis instead.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup system-packages run test test-fast lint check-translations messages bench lock clean

$(VENV)/.installed: requirements.lock pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json scripts/copy-assets.mjs
	npm ci --no-audit --no-fund
	touch $@

# Debian packages the portal needs (Pango for WeasyPrint, gettext, Chromium for browser tests).
system-packages:
	@missing=""; \
	for p in libpango-1.0-0 libpangoft2-1.0-0 gettext chromium fonts-dejavu-core; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "Please install these Debian packages (as root):$$missing"; exit 1; fi; \
	fi

setup: system-packages $(VENV)/.installed node_modules/.installed
	$(PY) manage.py compilemessages -l nl -i .venv -i node_modules >/dev/null

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo_swv
	@echo "Portal: http://$(HOST):$(PORT)/  (stop with Ctrl-C; the worker stops with it)"
	@trap 'kill 0' EXIT INT TERM; \
	$(VENV)/bin/celery -A swv worker --beat --loglevel=INFO --concurrency=2 --schedule var/celerybeat-schedule & \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup lint check-translations
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

test-fast: setup
	$(VENV)/bin/pytest -m "not e2e"

APPS := swv leerlingen arrangementen tlv financien kwaliteit

lint:
	$(VENV)/bin/ruff check $(APPS) tests scripts
	$(VENV)/bin/ruff format --check $(APPS) tests scripts
	$(VENV)/bin/mypy

# Regenerate the Dutch catalogue after changing UI texts; then translate the new entries.
messages:
	$(PY) manage.py makemessages -l nl --no-obsolete -i "node_modules/*" -i ".venv/*" -i "var/*" -i "static/vendor/*"

check-translations:
	$(PY) scripts/check_translations.py locale/nl/LC_MESSAGES/django.po

bench: setup
	DATABASE_URL=$${BENCH_DATABASE_URL:-sqlite:///var/bench.sqlite3} $(PY) manage.py migrate --noinput
	DATABASE_URL=$${BENCH_DATABASE_URL:-sqlite:///var/bench.sqlite3} $(PY) manage.py demo_swv --schaal groot
	DATABASE_URL=$${BENCH_DATABASE_URL:-sqlite:///var/bench.sqlite3} $(PY) manage.py bench --herhalingen 30

lock:
	rm -rf var/lockenv && $(PYTHON) -m venv var/lockenv
	var/lockenv/bin/pip install --quiet --upgrade pip
	var/lockenv/bin/pip install --quiet ".[test]"
	var/lockenv/bin/pip freeze --exclude-editable | grep -v "^swv-portaal" > requirements.lock
	rm -rf var/lockenv

clean:
	rm -rf var/celery var/*.sqlite3 var/staticfiles
