# Two entry points for a fresh machine: `make demo` and `make test`. Each creates .venv and
# installs what it needs from the package index, so nothing has to be set up by hand.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
TSTAMP  := $(VENV)/.installed-test
DEMO_DB ?= demo.duckdb
# The dashboard's JavaScript and basemap: installed from the npm registry (package-lock.json)
# and copied into the package by scripts/build_web.mjs; never committed.
WSTAMP  := tacitus/web/static/vendor/.built

.PHONY: demo test lint typecheck bench bench-web accuracy fuzz clean web

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[web]'
	touch $@

# The tests run the Dask runner on a LocalCluster, so they install the `scale` extra too.
$(TSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[web,test,scale]'
	touch $@ $(STAMP)

$(WSTAMP): package.json package-lock.json .npmrc scripts/build_web.mjs
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build
	touch $@

web: $(WSTAMP)

demo: $(STAMP) $(WSTAMP)
	rm -f $(DEMO_DB)
	$(BIN)/tacitus code tacitus/data/samples --db $(DEMO_DB) --quiet
	$(BIN)/tacitus events --db $(DEMO_DB)
	@echo
	@echo "Dashboard: run   $(BIN)/tacitus serve --db $(DEMO_DB)"
	@echo "           then open http://127.0.0.1:8000/  (API docs at http://127.0.0.1:8000/docs)"

lint: $(TSTAMP)
	$(BIN)/ruff check tacitus tests bench scripts fuzz
	$(BIN)/ruff format --check tacitus tests bench scripts fuzz

typecheck: $(TSTAMP)
	$(BIN)/mypy

test: lint typecheck $(WSTAMP)
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

bench-web: $(TSTAMP) $(WSTAMP)
	$(BIN)/python bench/web.py

# The readers' fuzz target for longer than CI runs it (FUZZ_RUNS inputs, a hang = 20 s); the
# corpus it grows is kept in fuzz/corpus (not committed) and reused by the next run.
FUZZ_RUNS ?= 20000
fuzz: $(TSTAMP)
	$(BIN)/python fuzz/readers.py -runs=$(FUZZ_RUNS) -timeout=20 -max_len=200000 \
		-artifact_prefix=fuzz/ fuzz/corpus

accuracy: $(STAMP)
	$(BIN)/python scripts/accuracy_table.py

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache .mypy_cache .ruff_cache node_modules tacitus/web/static/vendor test-artifacts
