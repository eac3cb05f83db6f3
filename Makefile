# Superatom Lab: the two commands a newcomer needs are `make lab` and `make test`.
# Both create .venv (python3 -m venv) when it is missing and install the project
# with the pinned versions of requirements/constraints.txt.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.superatom-installed
LAB_ARGS ?=
VOILA_ARGS ?=
PYTEST_ARGS ?=
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: setup lab dashboards class test lint format browser-deps clean-venv

setup: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt config/jupyterlab-overrides.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e ".[test]"
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	cp config/jupyterlab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $(STAMP)

## Open JupyterLab on notebooks/ with the start notebook.
lab: setup
	cd notebooks && ../$(BIN)/jupyter lab 00_start_here.ipynb $(ROOT_FLAG) $(LAB_ARGS)

## Serve the Voila dashboards of notebooks/dashboards/ (no tracebacks shown; idle kernels culled).
## For a class: VOILA_ARGS="--preheat_kernel=True --pool_size=1" keeps one kernel per dashboard
## ready (first page load 6.5 -> 4.0 s, docs/benchmarks.md) at the cost of 5 idle kernels.
dashboards: setup
	cd notebooks/dashboards && ../../$(BIN)/voila --no-browser --show_tracebacks=False \
	  --MappingKernelManager.cull_interval=60 --MappingKernelManager.cull_idle_timeout=900 \
	  $(VOILA_ARGS)

## Serve the dashboards to a class: one Voila server, index.ipynb pre-heated, a cap on seats
## (docs/deploy.md). CLASS_ARGS="--students 20 --pool 12 --port 8866 --ip 0.0.0.0" for example.
CLASS_ARGS ?=
class: setup
	$(BIN)/superatom serve notebooks/dashboards $(CLASS_ARGS)

## Debian's Chromium for the browser tests (never a downloaded browser build).
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; \
	  else echo "error: /usr/bin/chromium is missing; install Debian's chromium package as root" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi
	@/usr/bin/chromium --version

## Set up, lint, and run every test (unit, PySCF, notebooks, browser).
test: setup browser-deps
	$(BIN)/ruff check src tests benchmarks deploy
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint:
	$(BIN)/ruff check src tests benchmarks deploy
	$(BIN)/ruff format --check src tests benchmarks deploy

format:
	$(BIN)/ruff format src tests benchmarks deploy
	$(BIN)/ruff check --fix src tests benchmarks deploy

clean-venv:
	rm -rf $(VENV)
