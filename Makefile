# LAP Academy. `make run` starts the demo; `make test` runs every check CI runs without services.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate demo translations lint services-test clean browser

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

translations: install
	$(MANAGE) compile_translations

migrate: install
	$(MANAGE) migrate --no-input

demo: migrate
	$(MANAGE) load_demo

run: demo translations
	@echo ""
	@echo "LAP Academy is starting at http://$(HOST):$(PORT)/"
	@echo "  Wagtail admin:        http://$(HOST):$(PORT)/admin/"
	@echo "  Demo logins (password: lap-demo-2026)"
	@echo "    learner             learner@lap.example"
	@echo "    trainer             trainer@lap.example"
	@echo "    certificate admin   certificates@lap.example"
	@echo "    site admin          admin@lap.example"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=academy.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=academy.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=academy.settings.production DJANGO_SECRET_KEY=only-for-check-deploy-8f3Kq2Zr7LmWx9Tb4Nc6Yd1Hv5Js0Pa \
		ALLOWED_HOSTS=academy.example.org $(MANAGE) check --deploy --fail-level WARNING

# The browser suite (tests/e2e) drives Debian's chromium: Playwright's own browser downloads are
# not used. Installed here when we can (root with apt-get); otherwise a loud warning, and the suite
# skips itself with the reason (or fails, with E2E_REQUIRED=1 as in CI).
CHROMIUM ?= /usr/bin/chromium
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

test: lint translations browser
	$(BIN)/pytest

# Needs PostgreSQL and Redis (see .ci/run, which starts them); starts its own Celery worker.
services-test: install
	$(BIN)/pytest -m services -p no:cacheprovider

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache
