# 湘企出海+ — the two commands: `make run` and `make test`. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Django 6 needs Python >= 3.12. Use PYTHON=... to point at another interpreter.
PYTHON ?= $(shell for p in python3.13 python3.12 /root/.pyenv/versions/3.12*/bin/python3.12 $$HOME/.pyenv/versions/3.12*/bin/python3.12 /usr/bin/python3.12 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/xqch
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
PYTEST_WORKERS ?= auto

.PHONY: run test venv migrate demo worker lint test-sqlite test-postgres test-browser check-deploy bench vendor screenshots locale clean

$(STAMP): requirements.txt
	@test -n "$(PYTHON)" || { echo "需要 Python 3.12 或更高版本 (Python >= 3.12 is required)"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

venv: $(STAMP)

migrate: venv
	@mkdir -p var
	$(PY) manage.py migrate --noinput -v0

demo: migrate
	$(PY) manage.py load_demo

## make run: environment, migrations, demo content, a task worker and the server on :8000
run: demo
	@echo "启动后台任务进程与网站 http://127.0.0.1:8000 （Ctrl-C 结束）"
	@$(PY) manage.py run_worker --no-reload -v0 & WORKER=$$!; \
	trap "kill $$WORKER 2>/dev/null" EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

worker: venv
	$(PY) manage.py run_worker

lint: venv
	$(PY) -m ruff check .
	$(PY) manage.py makemigrations --check --dry-run -v0

## make test: lint, every test on SQLite, again on PostgreSQL (+Redis), browser tests, deploy check
test: venv lint test-sqlite test-postgres test-browser
	@echo "make test: all parts finished"

test-sqlite: venv
	@echo "== tests on SQLite =="
	$(PY) -m pytest -q -rs -n $(PYTEST_WORKERS)

test-postgres: venv
	@echo "== tests on PostgreSQL (and Redis when reachable) =="
	@if ! scripts/ensure_service.sh postgres; then \
		echo "SKIPPED: PostgreSQL is not reachable at 127.0.0.1:5432 and could not be started; PostgreSQL tests did not run"; \
	else \
		REDIS=""; if scripts/ensure_service.sh redis; then REDIS="$(REDIS_TEST_URL)"; else echo "NOTE: Redis not reachable; PostgreSQL run uses the local-memory cache"; fi; \
		DATABASE_URL=$(PG_URL) REDIS_URL=$$REDIS $(PY) -m pytest -q -rs -n $(PYTEST_WORKERS); \
	fi

test-browser: venv
	@echo "== browser tests in Chromium =="
	@if scripts/ensure_service.sh chromium; then \
		DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest -q -rs -p no:xdist browser_tests; \
	else \
		echo "SKIPPED: Chromium (/usr/bin/chromium) is not installed and could not be installed; browser tests did not run"; \
	fi

bench: venv
	$(PY) bench/run_all.py

## make screenshots: desktop and phone pictures of the key pages into docs/screens/ (demo content, Chromium)
screenshots: venv
	@scripts/ensure_service.sh chromium || { echo "Chromium is not installed and could not be installed"; exit 1; }
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) scripts/screenshots.py

## make locale: compile locale/*/LC_MESSAGES/*.po after editing them. The .mo files are committed,
## so `make run` and `make test` need no gettext; config/tests/test_english.py checks they match.
locale:
	@command -v msgfmt >/dev/null || { echo "msgfmt not found: apt-get install gettext"; exit 1; }
	for po in locale/*/LC_MESSAGES/*.po; do msgfmt --check --statistics -o "$${po%.po}.mo" "$$po" || exit 1; done

## make vendor: refresh static/vendor from npm (versions in package.json)
vendor:
	scripts/vendor_assets.sh

clean:
	rm -rf var .pytest_cache .ruff_cache
