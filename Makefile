# One task file: set-up, run, test, lint, bench. `make run` and `make test` work on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8501

.PHONY: run dev test test-fast lint validate bench kiosk clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## Start the app on the bundled data at http://localhost:$(PORT)
run: $(STAMP)
	$(BIN)/enact-dash run --port $(PORT)

## The same, for development: rerun on every saved change of the sources
dev: $(STAMP)
	$(BIN)/enact-dash run --dev --port $(PORT)

## The whole test suite: unit, AppTest and real-browser tests (browser tests need Debian's chromium).
## Unit and AppTest tests run on several cores (pytest-xdist), the browser tests one at a time.
XDIST := -n auto --maxprocesses 4
test: $(STAMP)
	$(BIN)/ruff check enact_dash dashboard pages tests bench scripts
	$(BIN)/python -m pytest -m "not browser" $(XDIST)
	$(BIN)/python -m pytest -m browser

## Unit and AppTest only (no browser)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser" $(XDIST)

lint: $(STAMP)
	$(BIN)/ruff check enact_dash dashboard pages tests bench scripts

validate: $(STAMP)
	$(BIN)/enact-dash validate data

bench: $(STAMP)
	$(BIN)/python -m bench.bench

kiosk: $(STAMP)
	$(BIN)/enact-dash kiosk --port $(PORT)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache bench/results
