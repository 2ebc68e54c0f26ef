"""Cohérence du dépôt : dépendances, notebooks propres, exports, README."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import gc_helpers

RACINE = Path(__file__).resolve().parent.parent

# Noms conda-forge qui diffèrent du nom PyPI.
CONDA_VERS_PYPI = {"python-duckdb": "duckdb"}


def _nom(exigence: str) -> str:
    return re.split(r"[<>=!~ ;\[]", exigence.strip(), maxsplit=1)[0].lower()


def _contrainte(exigence: str) -> str:
    sans_commentaire = exigence.split("#")[0]
    return re.sub(r"\s+", "", sans_commentaire[len(_nom(sans_commentaire)) :])


def test_environment_yml_et_pyproject_ont_les_memes_dependances():
    projet = tomllib.loads((RACINE / "pyproject.toml").read_text(encoding="utf-8"))
    pypi = {_nom(d): _contrainte(d) for d in projet["project"]["dependencies"]}
    conda = {}
    for ligne in (RACINE / "environment.yml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s+-\s+([A-Za-z][\w.-]*)(.*)$", ligne)
        if m and m.group(1) not in {"python", "pip", "conda-forge"}:
            nom = CONDA_VERS_PYPI.get(m.group(1).lower(), m.group(1).lower())
            conda[nom] = _contrainte(m.group(1) + m.group(2))
    assert conda == pypi


def _notebooks() -> list[Path]:
    return sorted(RACINE.glob("notebooks/*.ipynb")) + sorted(
        RACINE.glob("grading/source/*/*.ipynb")
    )


@pytest.mark.parametrize("chemin", _notebooks(), ids=lambda p: p.name)
def test_notebooks_stockes_sans_sorties(chemin):
    nb = json.loads(chemin.read_text(encoding="utf-8"))
    sales = [
        i
        for i, c in enumerate(nb["cells"])
        if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))
    ]
    assert not sales, f"{chemin.name} : cellules avec sorties ou numéros d'exécution {sales}"
    # nbformat 4.5 : chaque cellule a un identifiant (sinon avertissement, bientôt erreur).
    if (nb["nbformat"], nb["nbformat_minor"]) >= (4, 5):
        sans_id = [i for i, c in enumerate(nb["cells"]) if not c.get("id")]
        assert not sans_id, f"{chemin.name} : cellules sans identifiant {sans_id}"


def test_noms_de_fichiers_ascii():
    suivis = subprocess.run(
        ["git", "ls-files"], cwd=RACINE, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    non_ascii = [f for f in suivis if not f.isascii()]
    assert not non_ascii, non_ascii


def test_chaque_nom_reexporte_existe_dans_son_module():
    for nom, module in gc_helpers._EXPORTS.items():
        m = importlib.import_module(f"gc_helpers.{module}")
        assert hasattr(m, nom), f"gc.{nom} annoncé mais absent de gc_helpers.{module}"
        if module != "_erreurs":
            assert nom in m.__all__, f"{nom} absent de gc_helpers.{module}.__all__"


def test_import_leger():
    """import gc_helpers ne charge ni matplotlib, ni statsmodels, ni scipy, ni ipywidgets."""
    code = (
        "import sys, gc_helpers as gc; gc.euros(1); gc.connecter; "
        "print(sorted(m for m in ('matplotlib', 'statsmodels', 'scipy', 'ipywidgets') "
        "if m in sys.modules))"
    )
    sortie = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert sortie.returncode == 0, sortie.stderr
    assert sortie.stdout.strip() == "[]"


def test_readme_commence_par_les_deux_commandes():
    texte = (RACINE / "README.md").read_text(encoding="utf-8")
    blocs = re.findall(r"```(?:bash|sh)?\n(.*?)```", texte, flags=re.S)
    commandes = [ligne.strip() for b in blocs for ligne in b.splitlines() if ligne.strip()]
    assert commandes[:2] == ["make lab", "make test"]
    assert "make test" in (RACINE / ".ci" / "run").read_text()


def test_readme_liste_les_unites_du_catalogue():
    from gc_helpers import catalogue

    texte = (RACINE / "README.md").read_text(encoding="utf-8")
    assert catalogue.tableau_markdown(prefixe_lien="notebooks/") in texte, (
        "Le tableau des unités du README n'est plus à jour : "
        "collez-y la sortie de python -c 'import gc_helpers.catalogue as c; "
        'print(c.tableau_markdown(prefixe_lien="notebooks/"))\''
    )


def test_verifier_environnement():
    sortie = subprocess.run(
        [sys.executable, "-m", "gc_helpers.verifier"], capture_output=True, text=True
    )
    assert sortie.returncode == 0, sortie.stdout + sortie.stderr
    assert "ÉCHEC" not in sortie.stdout
    assert "Base de données du cours" in sortie.stdout


def test_la_correction_reconnait_la_souche_de_nbgrader():
    """Le texte qui remplace le corrigé (config nbgrader) est celui que correction reconnaît."""
    from gc_helpers import correction

    config = (RACINE / "grading" / "nbgrader_config.py").read_text(encoding="utf-8")
    souche = re.search(r'code_stub = \{"python": "(.*?)"\}', config).group(1)
    for marque in correction._MARQUES_NON_COMMENCE:
        assert marque in souche.replace("\\n", "\n")


@pytest.mark.parametrize(
    ("module", "interdits"),
    [
        ("gc_helpers.correction", ("matplotlib", "gc_helpers.donnees")),
        ("gc_helpers.qualite", ("matplotlib", "rapidfuzz")),
        ("gc_helpers.formats", ("matplotlib",)),
        ("gc_helpers.finance", ("matplotlib", "gc_helpers.donnees")),
    ],
)
def test_chaque_module_importe_leger(module, interdits):
    """Les bibliothèques lourdes ne se chargent qu'à l'usage, sans rien écrire sur stderr."""
    code = f"import sys, {module}; print([m for m in {interdits!r} if m in sys.modules])"
    sortie = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert sortie.returncode == 0 and sortie.stderr == "", sortie.stderr
    assert sortie.stdout.strip() == "[]"


def test_bench_remplace_ses_sections_sans_les_dupliquer():
    """``make bench BENCH_ARGS=correction`` remplace sa section de bench/RESULTS.md (une
    ligne du rapport peut contenir un saut de ligne), sans l'ajouter une seconde fois."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_gc", RACINE / "bench" / "bench.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    ancien = "# Mesures\n\n## A\n\nvieux A\n\n## B\n\nvieux B\n"
    nouveau = ["## B\n", "neuf B", "", "## C\n", "neuf C"]
    sortie = bench.remplacer_sections(ancien, nouveau)
    assert sortie.count("## B") == 1 and "vieux B" not in sortie and "neuf B" in sortie
    assert sortie.index("## A") < sortie.index("## B") < sortie.index("## C")
    assert "vieux A" in sortie
