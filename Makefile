# Two entry points for a fresh machine: `make demo` and `make test`. Each creates .venv and
# installs what it needs from the package index, so nothing has to be set up by hand.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
TSTAMP  := $(VENV)/.installed-test
DEMO_DB ?= demo.duckdb

.PHONY: demo test lint typecheck bench accuracy fuzz clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB)
	$(BIN)/tacitus code tacitus/data/samples --db $(DEMO_DB) --quiet
	$(BIN)/tacitus events --db $(DEMO_DB)

lint: $(TSTAMP)
	$(BIN)/ruff check tacitus tests bench scripts fuzz
	$(BIN)/ruff format --check tacitus tests bench scripts fuzz

typecheck: $(TSTAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

# The readers' fuzz target for longer than CI runs it (FUZZ_RUNS inputs, a hang = 20 s); the
# corpus it grows is kept in fuzz/corpus (not committed) and reused by the next run.
FUZZ_RUNS ?= 20000
fuzz: $(TSTAMP)
	$(BIN)/python fuzz/readers.py -runs=$(FUZZ_RUNS) -timeout=20 -max_len=200000 \
		-artifact_prefix=fuzz/ fuzz/corpus

accuracy: $(STAMP)
	$(BIN)/python scripts/accuracy_table.py

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .mypy_cache .ruff_cache
