# 마주봄 — two commands for a newcomer: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

# The first Python 3.12+ found: pyenv's (selected by .python-version), then python3.13/3.12/python3 on PATH.
PYTHON_BOOT := $(shell for c in "$$(pyenv which python 2>/dev/null)" python3.14 python3.13 python3.12 python3; do \
	p=$$(command -v "$$c" 2>/dev/null) || continue; \
	"$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo "$$p"; break; }; \
	done)

.PHONY: help run test lint format install install-dev messages migrate seed worker beat bench bench-smoke bench-pages clean

help:
	@echo "make run     — 개발 서버 (SQLite, 작업 즉시 실행, 데모 데이터) http://$(HOST):$(PORT)"
	@echo "make test    — 전체 테스트"
	@echo "make lint    — ruff 검사"
	@echo "make worker / make beat — REDIS_URL 을 쓰는 Celery 워커 / 스케줄러"
	@echo "make bench   — 서비스 1만 개에서 주요 페이지의 서버 시간과 쿼리 수 (PostgreSQL)"

$(PY):
	@if [ -z "$(PYTHON_BOOT)" ]; then echo "Python 3.12 이상이 필요합니다 (Python 3.12+ is required): install it, e.g. 'apt-get install python3.12' or 'pyenv install 3.12'."; exit 1; fi
	"$(PYTHON_BOOT)" -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: $(PY) pyproject.toml
	$(PIP) install --quiet .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP) install --quiet '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# The compiled .mo files are committed; they are rebuilt here when GNU gettext is installed.
messages: install
	@if command -v msgfmt >/dev/null; then $(PY) manage.py compilemessages --ignore=.venv -v0; fi

migrate: messages
	$(PY) manage.py migrate --no-input -v0

seed: migrate
	$(PY) manage.py seed_demo

run: seed
	@echo "→ http://$(HOST):$(PORT)  (멈추려면 Ctrl+C)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev messages
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

worker: install
	@test -n "$$REDIS_URL" || { echo "REDIS_URL 이 필요합니다 (e.g. REDIS_URL=redis://127.0.0.1:6379/0 make worker)"; exit 1; }
	$(VENV)/bin/celery -A majubom worker --loglevel=INFO

beat: install
	@test -n "$$REDIS_URL" || { echo "REDIS_URL 이 필요합니다 (e.g. REDIS_URL=redis://127.0.0.1:6379/0 make beat)"; exit 1; }
	$(VENV)/bin/celery -A majubom beat --loglevel=INFO --schedule=/tmp/majubom-celerybeat-schedule

# Load on the production shape (gunicorn + PostgreSQL + Redis) at 10,000 and 1,000 services → bench/RESULTS.md.
# Databases on BENCH_DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/majubom_bench…).
bench: install-dev
	$(PY) bench/load.py

# The same harness on small data, a second per scenario: run in CI so it never rots.
bench-smoke: install-dev
	$(PY) bench/load.py --smoke

# Server time and query count per page, in-process (no network), on 10,000 services.
bench-pages: install-dev
	$(PY) bench/pages.py --services $${BENCH_SERVICES:-10000} --json bench/pages.json

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
