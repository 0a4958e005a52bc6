# LAP Academy. `make run` starts the demo; `make test` runs every check CI runs without services.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate demo translations lint audit services-test clean

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

test: lint translations
	$(BIN)/pytest

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
