# policeplan — the two quick-start commands are `make demo` and `make test`.
VENV ?= .venv
PYTHON ?= python3
DEMO_WORKSPACE ?= policeplan-demo
BIN = $(VENV)/bin

.PHONY: setup demo test lint bench clean

$(BIN)/policeplan: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

setup: $(BIN)/policeplan  ## create the virtualenv and install policeplan with its dev tools

demo: setup  ## build the demo workspace ./policeplan-demo from synthetic data (offline; never a real workspace)
	$(BIN)/policeplan --workspace $(DEMO_WORKSPACE) demo

test: setup  ## run the test suite (real-data tests need ../shared/data); no test selected is not a failure
	$(BIN)/pytest || [ $$? -eq 5 ]

lint: setup  ## ruff (lint + format) and mypy --strict
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: setup  ## import, indicator and start-up benchmarks (prints comparisons with their baselines and goals)
	$(BIN)/python -m bench

clean:  ## remove the virtualenv, caches and the demo (never a real workspace)
	rm -rf $(VENV) $(DEMO_WORKSPACE) .pytest_cache .mypy_cache .ruff_cache
