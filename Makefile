# policeplan — the two quick-start commands are `make demo` and `make test`.
VENV ?= .venv
PYTHON ?= python3
WORKSPACE ?= policeplan-workspace
BIN = $(VENV)/bin

.PHONY: setup demo test lint bench clean

$(BIN)/policeplan: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

setup: $(BIN)/policeplan  ## create the virtualenv and install policeplan with its dev tools

demo: setup  ## build the demo workspace from synthetic data (offline)
	$(BIN)/policeplan --workspace $(WORKSPACE) demo

test: setup  ## run the test suite (real-data tests need ../shared/data); no test selected is not a failure
	$(BIN)/pytest || [ $$? -eq 5 ]

lint: setup  ## ruff (lint + format) and mypy --strict
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: setup  ## import and indicator benchmarks (prints comparisons with their baselines)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(WORKSPACE) .pytest_cache .mypy_cache .ruff_cache
