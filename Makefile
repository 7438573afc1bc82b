# The one entry point: `make demo` and `make test` set everything up from scratch.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python

.PHONY: demo test docs bench catalogs model clean

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

$(VENV)/.installed-model: $(VENV)/.created pyproject.toml
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,model]'
	@touch $@ $(VENV)/.installed-dev $(VENV)/.installed

# Message catalogs: the .po files are the source; the compiled .mo files are not in git.
LOCALE  := src/followkit/locale
PO      := $(wildcard $(LOCALE)/*/LC_MESSAGES/followkit.po)
MO      := $(PO:.po=.mo)

$(LOCALE)/%/LC_MESSAGES/followkit.mo: $(LOCALE)/%/LC_MESSAGES/followkit.po $(VENV)/.installed
	$(BIN)/pybabel compile -D followkit -d $(LOCALE) -l $* --statistics

# Re-extract the texts, merge them into every catalog, compile. Run after changing texts.
catalogs: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k N_ --no-default-keywords --add-comments=TRANSLATORS: \
	  --sort-by-file --width=100 --project=followkit \
	  --version="$$($(PY) -c 'import importlib.metadata as m; print(m.version("followkit"))')" \
	  --copyright-holder="The followkit authors" -o $(LOCALE)/followkit.pot .
	$(BIN)/pybabel update -D followkit -i $(LOCALE)/followkit.pot -d $(LOCALE) --width=100 \
	  --ignore-obsolete --no-fuzzy-matching
	$(BIN)/pybabel compile -D followkit -d $(LOCALE) --statistics

demo: $(VENV)/.installed $(MO)
	$(PY) examples/after_rejection.py

test: $(VENV)/.installed-dev $(MO)
	$(PY) -m pytest --cov --cov-report=term --cov-fail-under=95
	$(BIN)/mypy src tests/typing
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/sphinx-build -b html -W --keep-going -n -q docs docs/_build/html

docs: $(VENV)/.installed-dev $(MO)
	$(BIN)/sphinx-build -b html -W --keep-going -n docs docs/_build/html

# The tone checker's intent models, trained on corpus/ (the test split is never read here):
# run after changing the corpus, the intent lexicons or the features. scikit-learn is needed
# for this target only. `scripts/evaluate_intent.py` then reports on the frozen test split.
model: $(VENV)/.installed-model $(MO)
	$(PY) scripts/builder_corpus.py
	$(PY) scripts/train_intent.py

bench: $(VENV)/.installed $(MO)
	@for script in benchmarks/bench_*.py; do \
	  echo "== $$script"; $(PY) $$script || exit 1; echo; \
	done

clean:
	rm -rf $(VENV) docs/_build .pytest_cache .mypy_cache .ruff_cache .coverage htmlcov dist
