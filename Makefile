# LAP Academy. `make run` starts the demo; `make test` runs every check CI runs without services.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in emails (sign-up, invitations, password reset) point at the server `make run` starts;
# production sets WAGTAILADMIN_BASE_URL to the site's public address.
LINKS := WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)}

.PHONY: run serve test install migrate demo translations messages lint audit services-test clean browser gettext

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

translations: install
	$(MANAGE) compile_translations

# Re-extracts every translatable string into the catalogues (needs GNU gettext); the
# catalogue test in tests/i18n extracts the same way and fails on anything left untranslated.
MESSAGE_LOCALES := bs hr sr sr_Latn
messages: install
	$(MANAGE) makemessages $(addprefix -l ,$(MESSAGE_LOCALES)) --no-location \
		--ignore='.venv/*' --ignore='tests/*' --ignore='benchmarks/*'

migrate: install
	$(MANAGE) migrate --no-input

demo: migrate
	$(LINKS) $(MANAGE) load_demo
	$(MANAGE) credential_keys generate

run: demo translations
	@echo ""
	@echo "LAP Academy is starting at http://$(HOST):$(PORT)/"
	@echo "  Wagtail admin:        http://$(HOST):$(PORT)/admin/"
	@echo "  Demo logins (password: lap-demo-2026)"
	@echo "    learner             learner@lap.example"
	@echo "    trainer             trainer@lap.example"
	@echo "    certificate admin   certificates@lap.example"
	@echo "    site admin          admin@lap.example"
	@echo "    ELoGE reviewer      reviewer@lap.example"
	@echo "  Try: the learner's My learning (next workshop session) and ELoGE (Jablanica's"
	@echo "  self-assessment); the trainer's Roll call and Workshop sessions in the admin."
	@echo ""
	$(LINKS) $(MANAGE) runserver $(HOST):$(PORT)

# The production stack on this machine: academy.settings.production on the running PostgreSQL
# and Redis, gunicorn (gunicorn.conf.py) + Celery worker + Celery beat; Ctrl-C stops all three,
# and so does any one of them dying. Plain HTTP here, so no HTTPS redirect.
SERVE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/lap_serve
serve: SHELL := /bin/bash
serve: install translations
	@set -euo pipefail; \
	export DJANGO_SETTINGS_MODULE=academy.settings.production \
		DATABASE_URL=$${DATABASE_URL:-$(SERVE_DATABASE_URL)} \
		REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
		DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')} \
		ALLOWED_HOSTS=$${ALLOWED_HOSTS:-$(HOST),localhost} \
		WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)} \
		SECURE_SSL_REDIRECT=false GUNICORN_BIND=$(HOST):$(PORT); \
	db=$${DATABASE_URL##*/}; \
	psql "$${DATABASE_URL%/*}/postgres" -tAc "SELECT 1 FROM pg_database WHERE datname='$$db'" | grep -q 1 \
		|| psql "$${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE $$db"; \
	$(MANAGE) migrate --no-input -v0; \
	$(MANAGE) collectstatic --no-input -v0; \
	$(MANAGE) load_demo; \
	$(MANAGE) credential_keys generate; \
	trap 'kill $$(jobs -p) 2>/dev/null; wait' EXIT; \
	$(BIN)/celery -A academy worker -l INFO & \
	$(BIN)/celery -A academy beat -l INFO -s $(VENV)/celerybeat-schedule & \
	$(BIN)/gunicorn -c gunicorn.conf.py academy.wsgi & \
	echo "LAP Academy (production settings) on http://$(HOST):$(PORT)/ ; Ctrl-C stops it"; \
	wait -n

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=academy.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=academy.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=academy.settings.production DJANGO_SECRET_KEY=only-for-check-deploy-8f3Kq2Zr7LmWx9Tb4Nc6Yd1Hv5Js0Pa \
		ALLOWED_HOSTS=academy.example.org EMAIL_HOST=smtp.example.org REDIS_URL=redis://127.0.0.1:6379/0 \
		$(MANAGE) check --deploy --fail-level WARNING

# The browser suite (tests/e2e) drives Debian's chromium: Playwright's own browser downloads are
# not used. Installed here when we can (root with apt-get); otherwise a loud warning, and the suite
# skips itself with the reason (or fails, with E2E_REQUIRED=1 as in CI).
CHROMIUM ?= /usr/bin/chromium
# GNU gettext's xgettext lets tests/i18n check that every source string is in the catalogues.
gettext:
	@command -v xgettext >/dev/null 2>&1 || \
	{ command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && \
	  apt-get install -y -qq gettext >/dev/null 2>&1; } || \
	echo "WARNING: GNU gettext is missing; the catalogue completeness check will be skipped."

browser:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium for the browser suite (tests/e2e)..."; \
		(apt-get install -y -qq chromium >/dev/null 2>&1 || \
		 (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)) || \
		echo "WARNING: apt-get could not install chromium; the browser suite will be skipped."; \
	else \
		echo ""; \
		echo "########################################################################"; \
		echo "## WARNING: $(CHROMIUM) is missing and cannot be installed here"; \
		echo "## (needs root and apt-get). The browser suite tests/e2e will be SKIPPED."; \
		echo "## Install chromium, or point E2E_CHROMIUM at a Chromium binary."; \
		echo "########################################################################"; \
		echo ""; \
	fi

# On every core (pytest-xdist): each worker has its own test database; the browser suite runs
# on one worker, beside the rest, rather than two Chromiums competing for two cores.
PYTEST_PARALLEL := -n auto --dist loadgroup
test: lint translations browser gettext
	$(BIN)/pytest $(PYTEST_PARALLEL)

# Known vulnerabilities in the installed, pinned dependencies (pip-audit, PyPI's advisory data).
# A finding we accept goes here with its reason and an expiry date, e.g.
#   --ignore-vuln GHSA-xxxx-xxxx-xxxx  # reason; remove by 2027-01-31
AUDIT_IGNORE :=
# When the advisory service cannot be reached nothing is audited: that is printed loudly and,
# with AUDIT_REQUIRED=1, fails the run.
AUDIT_REQUIRED ?= 0
audit: install
	@log=$$(mktemp); \
	if $(BIN)/pip-audit --strict --skip-editable --progress-spinner off $(AUDIT_IGNORE) >$$log 2>&1; then \
		cat $$log; echo "audit: no known vulnerabilities in the pinned dependencies"; \
	elif grep -q "could not be audited\|ConnectionError\|Max retries exceeded" $$log; then \
		grep -m 3 "could not be audited\|Error" $$log; \
		echo ""; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
		echo "!! audit: NOT AUDITED. pip-audit could not reach its vulnerability service    !!"; \
		echo "!! (PyPI's JSON API per release) from this machine, so no dependency was      !!"; \
		echo "!! checked. Run 'make audit' where pypi.org is reachable before a release.    !!"; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
		rm -f $$log; test "$(AUDIT_REQUIRED)" != 1; \
	else \
		cat $$log; rm -f $$log; echo "audit: vulnerable dependencies found (see above)"; exit 1; \
	fi

# Needs PostgreSQL and Redis (see .ci/run, which starts them); starts its own Celery worker.
services-test: install
	$(BIN)/pytest -m services -p no:cacheprovider

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache
