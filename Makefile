# Two entry points for a fresh machine: `make demo` and `make test`. Each creates .venv and
# installs what it needs from the package index, so nothing has to be set up by hand.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
TSTAMP  := $(VENV)/.installed-test
DEMO_DB ?= demo.duckdb

.PHONY: demo test lint typecheck bench accuracy clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

# The tests run the Dask runner on a LocalCluster, so they install the `scale` extra too.
$(TSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test,scale]'
	touch $@ $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB)
	$(BIN)/tacitus code tacitus/data/samples --db $(DEMO_DB) --quiet
	$(BIN)/tacitus events --db $(DEMO_DB)

lint: $(TSTAMP)
	$(BIN)/ruff check tacitus tests bench scripts
	$(BIN)/ruff format --check tacitus tests bench scripts

typecheck: $(TSTAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

accuracy: $(STAMP)
	$(BIN)/python scripts/accuracy_table.py

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .mypy_cache .ruff_cache
