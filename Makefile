# Gestion de clientèle — commandes du projet.
#   make lab    installe (si besoin) puis ouvre JupyterLab sur http://127.0.0.1:8888
#   make test   installe (si besoin) puis lance toute la suite de tests
# Les deux créent l'environnement .venv au premier lancement.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installe
PORT   ?= 8888
# Options de JupyterLab ajoutables : make lab LAB_ARGS="--no-browser"
LAB_ARGS ?=
# JupyterLab refuse de tourner en root (conteneur, machine de CI) sans option explicite.
ROOT_OPT := $(if $(filter 0,$(shell id -u)),--allow-root,)
# Options de pytest ajoutables : make test PYTEST_ARGS="-k donnees"
PYTEST_ARGS ?=
# Correction d'une classe : make corriger DEVOIR=S822-requetes-sql [CORRIGER_ARGS="--force"]
DEVOIR ?=
CORRIGER_ARGS ?=
# Sections du banc de mesures (toutes par défaut) : make bench BENCH_ARGS="classe"
BENCH_ARGS ?=

.PHONY: lab test data bench lint format verifier clean corriger

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

# nbgrader appelle l'outil « alembic » par le PATH pour créer le carnet de notes :
# on met .venv/bin devant, comme le ferait « source .venv/bin/activate ».
lab: $(STAMP)
	@mkdir -p grading/echange
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/jupyter lab --config=$(CURDIR)/jupyter_lab_config.py \
		--ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) $(ROOT_OPT) \
		--ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks/00_sommaire.ipynb \
		$(LAB_ARGS)

test: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m pytest -n auto --dist loadfile $(PYTEST_ARGS)

data: $(STAMP)
	$(PY) data/generer.py

bench: $(STAMP)
	$(PY) bench/bench.py $(BENCH_ARGS)

# Corrige toutes les copies déposées d'un devoir, en parallèle (voir grading/README.md).
corriger: $(STAMP)
	@test -n "$(DEVOIR)" || { echo "Précisez le devoir : make corriger DEVOIR=S822-requetes-sql"; exit 2; }
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(PY) -m gc_helpers.notation corriger $(DEVOIR) $(CORRIGER_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

verifier: $(STAMP)
	$(PY) -m gc_helpers.verifier

clean:
	rm -rf $(VENV) .pytest_cache build dist *.egg-info
