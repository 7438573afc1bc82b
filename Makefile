# The one entry point: `make demo` and `make test` set everything up from scratch.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python

.PHONY: demo test docs bench catalogs clean

$(VENV)/.created:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "followkit needs Python 3.11 or newer; set PYTHON=python3.X" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	@touch $@

$(VENV)/.installed: $(VENV)/.created pyproject.toml
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.created pyproject.toml
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(PY) examples/after_rejection.py

test: $(VENV)/.installed-dev
	$(PY) -m pytest --cov --cov-report=term --cov-fail-under=95
	$(BIN)/mypy src tests/typing
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/sphinx-build -b html -W --keep-going -n -q docs docs/_build/html

docs: $(VENV)/.installed-dev
	$(BIN)/sphinx-build -b html -W --keep-going -n docs docs/_build/html

clean:
	rm -rf $(VENV) docs/_build .pytest_cache .mypy_cache .ruff_cache .coverage htmlcov dist
