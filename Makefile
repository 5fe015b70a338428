# Xuân Trường external-information portal. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast lint format check migrate seed serve messages clean bench loadtest

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required (found %s)" % sys.version.split()[0])'
	@test -x $(BIN)/python || { echo "→ Creating $(VENV)"; $(PYTHON) -m venv $(VENV); }
	@echo "→ Installing dependencies into $(VENV)"
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet --progress-bar off -e ".[test]"
	@touch $(STAMP)

# The browser tests' npm tools (axe-core, the Nu HTML Checker's vnu.jar), pinned in
# tests/browser/package-lock.json. Install scripts are skipped: vnu-jar's would
# download a Java runtime, and the machine's Java is used instead.
NPM_DIR := tests/browser
NPM_STAMP := $(NPM_DIR)/node_modules/.installed

$(NPM_STAMP): $(NPM_DIR)/package-lock.json
	@echo "→ Installing the accessibility and HTML-validity tools into $(NPM_DIR)/node_modules"
	@npm ci --prefix $(NPM_DIR) --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $(NPM_STAMP)

install: $(STAMP) ## Create .venv and install the dependencies (idempotent)
	@if command -v npm >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory --silent $(NPM_STAMP); \
	else \
	  echo "! npm not found: the accessibility and HTML-validity browser tests will be skipped (apt-get install -y npm)"; \
	fi

migrate: install ## Apply database migrations
	$(BIN)/python manage.py migrate --noinput

seed: migrate ## Load the demo content and demo users (idempotent)
	$(BIN)/python manage.py seed_demo

run: seed ## Install, migrate, load demo content and serve on http://127.0.0.1:$(PORT)
	@echo "→ Serving on http://127.0.0.1:$(PORT)/vi/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The suite runs in one process per CPU (pytest-xdist), a test file per process at a time;
# then the tests on committed data (browser tests among them), which empty the database
# when they end, in one process (tests/conftest.py marks them "commits").
TEST_JOBS ?= auto

test: install ## Run the whole test suite (SQLite unless DATABASE_URL is set)
	@bash .ci/ensure-system-packages || true
	$(BIN)/python -m pytest -n $(TEST_JOBS) --dist loadfile -m "not commits"
	$(BIN)/python -m pytest -m commits

lint: install ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install ## Django system checks and missing-migration check
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: install ## Update the Vietnamese catalogues (the project's and the admin's), then compile them
	$(BIN)/python manage.py admin_catalogue --update
	$(BIN)/python manage.py makemessages -l vi --no-obsolete -i ".venv/*" -i "tests/*" -i "*/migrations/*" -i "media/*" -i "static_collected/*"
	$(BIN)/python manage.py compilemessages -l vi -i ".venv"

bench: install ## Benchmark: gunicorn (page cache on/off) against nginx with wrk (needs nginx, wrk)
	$(BIN)/python -m cms.pagecache.benchmark

loadtest: install ## Load test: a mix of pages at 64 connections, PostgreSQL, page cache on/off (needs wrk)
	$(BIN)/python -m cms.pagecache.loadtest

clean: ## Remove the virtualenv, the SQLite database and caches
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache test-artifacts $(NPM_DIR)/node_modules
