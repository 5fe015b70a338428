# Xuân Trường external-information portal. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast lint format check migrate seed serve messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required (found %s)" % sys.version.split()[0])'
	@test -x $(BIN)/python || { echo "→ Creating $(VENV)"; $(PYTHON) -m venv $(VENV); }
	@echo "→ Installing dependencies into $(VENV)"
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet --progress-bar off -e ".[test]"
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the dependencies (idempotent)

migrate: install ## Apply database migrations
	$(BIN)/python manage.py migrate --noinput

seed: migrate ## Load the demo content and demo users (idempotent)
	$(BIN)/python manage.py seed_demo

run: seed ## Install, migrate, load demo content and serve on http://127.0.0.1:$(PORT)
	@echo "→ Serving on http://127.0.0.1:$(PORT)/vi/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install ## Run the whole test suite (SQLite unless DATABASE_URL is set)
	@bash .ci/ensure-system-packages || true
	$(BIN)/python -m pytest

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

clean: ## Remove the virtualenv, the SQLite database and caches
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache test-artifacts
