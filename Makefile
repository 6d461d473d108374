# Two commands: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONFIG ?= config.toml
# Translation catalogs: compiled at install, and again here when a .po changed since.
PO := $(wildcard kiosk/locale/*/LC_MESSAGES/*.po)
MO := $(PO:.po=.mo)

.PHONY: run test bench lint types imports mutate messages clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml setup.py | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml setup.py | $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

kiosk/locale/%.mo: kiosk/locale/%.po | $(VENV)/.installed
	$(BIN)/pybabel compile -i $< -o $@

run: $(VENV)/.installed $(MO)
	$(BIN)/kiosk --config $(CONFIG) demo --if-empty
	$(BIN)/kiosk --config $(CONFIG)

test: $(VENV)/.installed-test $(MO)
	$(BIN)/ruff check kiosk tests bench tools
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n 4 --dist worksteal  # see "Fast tests" in the README

lint: $(VENV)/.installed-test
	$(BIN)/ruff check kiosk tests bench tools

types: $(VENV)/.installed-test
	$(BIN)/mypy

imports: $(VENV)/.installed-test
	$(BIN)/lint-imports

bench: $(VENV)/.installed $(MO)
	$(BIN)/python -m bench

# Mutation testing of kiosk/domain (not part of CI: it takes minutes). See tools/mutate.py.
mutate: $(VENV)/.installed-test $(MO)
	$(BIN)/python -m tools.mutate $(MUTATE_ARGS)

# Extract every translatable string and merge it into the catalogs (then translate, commit).
messages: $(VENV)/.installed-test
	$(BIN)/pybabel extract -F babel.cfg --no-default-keywords -k _ -k N_ -k ngettext:1,2 \
		--no-location --sort-output --project "Schoolpoort kiosk" -o $(VENV)/kiosk.pot .
	$(BIN)/pybabel update -D kiosk -i $(VENV)/kiosk.pot -d kiosk/locale \
		--width 100 --ignore-obsolete --no-fuzzy-matching
	$(BIN)/pybabel extract -F babel.cfg --no-default-keywords -k L_ \
		--no-location --sort-output --project "Schoolpoort kiosk letters" -o $(VENV)/letters.pot .
	$(BIN)/pybabel update -D letters -i $(VENV)/letters.pot -d kiosk/locale \
		--width 100 --ignore-obsolete --no-fuzzy-matching

clean:
	rm -rf $(VENV) .pytest_cache
