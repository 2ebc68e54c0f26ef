"""Les corrigés des exercices de S521 et S523 passent leur propre vérification (✅).

Pour chaque exercice « À vous de jouer », on exécute, dans l'espace de noms du notebook
(cellules précédentes exécutées), le code du corrigé puis la cellule de vérification sans
sa ligne « variable = None » : le verdict doit être juste. Ainsi un corrigé faux, ou une
valeur attendue fausse dans la vérification, est détecté.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import nbformat
import pytest

RACINE = Path(__file__).resolve().parent.parent
NOTEBOOKS = ["S521_valeur_risque_client.ipynb", "S523_risque_global.ipynb"]


def _exercices(nb):
    """(titre, code du corrigé, cellule de vérification) de chaque exercice."""
    for i, cellule in enumerate(nb.cells[:-1]):
        if cellule.cell_type == "markdown" and cellule.source.startswith("### Exercice"):
            corrige = re.search(
                r"<summary><b>Corrigé</b></summary>\s*```python\n(.*?)```", cellule.source, re.S
            )
            yield cellule.source.splitlines()[0], corrige.group(1), nb.cells[i + 1].source, i


@pytest.mark.lent
@pytest.mark.parametrize("nom", NOTEBOOKS)
def test_chaque_corrige_est_juge_juste(nom):
    nb = nbformat.read(RACINE / "notebooks" / nom, as_version=4)
    espace: dict = {}
    execute_jusqu_a = 0
    exercices = list(_exercices(nb))
    assert len(exercices) >= 4, "au moins quatre exercices par notebook"
    with contextlib.redirect_stdout(io.StringIO()):
        for titre, corrige, verification, position in exercices:
            # exécute les cellules de code qui précèdent l'exercice (le contexte du notebook)
            for cellule in nb.cells[execute_jusqu_a:position]:
                if cellule.cell_type == "code" and "gc.widgets." not in cellule.source:
                    exec(cellule.source, espace)
            execute_jusqu_a = position + 2
            exec(corrige, espace)
            premiere, reste = verification.split("\n", 1)
            assert premiere.endswith("= None  # votre calcul"), titre
            # la vérification se termine par l'appel gc.comparer_nombres(…) : son verdict
            debut = reste.index("gc.comparer_nombres(")
            exec(reste[:debut], espace)
            verdict = eval(reste[debut:], espace)
            assert verdict.ok, f"{titre} : {verdict}"
