# Two commands: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONFIG ?= config.toml

.PHONY: run test bench lint clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/kiosk --config $(CONFIG) demo --if-empty
	$(BIN)/kiosk --config $(CONFIG)

test: $(VENV)/.installed-test
	$(BIN)/ruff check kiosk tests bench
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python -m bench

lint: $(VENV)/.installed-test
	$(BIN)/ruff check kiosk tests bench

clean:
	rm -rf $(VENV) .pytest_cache
