# LAP Academy. `make run` starts the demo; `make test` runs every check CI runs without services.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate demo translations messages lint services-test clean

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

test: lint translations
	$(BIN)/pytest

# Needs PostgreSQL and Redis (see .ci/run, which starts them); starts its own Celery worker.
services-test: install
	$(BIN)/pytest -m services -p no:cacheprovider

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache
