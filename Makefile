# Every target sets itself up: the first run creates .venv and installs the project with its
# test extras; later runs only reinstall when pyproject.toml has changed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SAMPLE := seeds/lecornu-choigou.txt

.PHONY: run test eval bench screenshots clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "guillemet needs Python 3.11 or newer")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/guillemet $(SAMPLE)

test: $(STAMP)
	$(PY) -m pytest -q -n 2

eval: $(STAMP)
	$(PY) bench/eval.py

bench: $(STAMP)
	$(PY) bench/bench.py

screenshots: $(STAMP)
	$(PY) bench/screenshots.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info
