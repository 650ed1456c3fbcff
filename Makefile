# One way to set up: `make run` and `make test` create .venv and install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck eval bench lexicons clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(VENV)/.bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $(VENV)/.bench

run: $(STAMP)
	$(BIN)/python scripts/examples.py

test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/pytest

eval: $(STAMP)
	$(BIN)/python bench/eval_guard.py

bench: $(VENV)/.bench
	$(BIN)/python bench/bench_guard.py
	$(BIN)/python bench/bench_worst.py

lexicons: $(STAMP)
	$(BIN)/pip install --quiet -e '.[lexicons]'
	$(BIN)/python scripts/build_lexicons.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
