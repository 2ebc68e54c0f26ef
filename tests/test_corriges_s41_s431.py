"""Les corrigés des exercices de S41 et S431 passent leur propre vérification (✅).

Exercices SQL : le corrigé écrit dans le notebook donne le même résultat que celui du
registre (``gc.verifier_exercice``). Exercices de calcul : le code du corrigé, exécuté avant la
cellule de vérification (sans sa ligne « reponse = None »), donne un verdict juste — la
cellule appelle bien la clé de l'exercice et ne montre pas la valeur attendue.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import nbformat
import pytest

import gc_helpers as gc

RACINE = Path(__file__).resolve().parent.parent
NOTEBOOKS = ["S41_mercatique.ipynb", "S431_connaissance_client.ipynb"]


def _exercices(nom):
    nb = nbformat.read(RACINE / "notebooks" / nom, as_version=4)
    for i, cellule in enumerate(nb.cells[:-1]):
        if cellule.cell_type == "markdown" and cellule.source.startswith("### Exercice"):
            langage, corrige = re.search(
                r"<summary><b>Corrigé</b></summary>\s*```(sql|python)\n(.*?)```",
                cellule.source,
                re.S,
            ).groups()
            identifiant = cellule.source.split()[2]
            yield identifiant, langage, corrige, nb.cells[i + 1 :]


@pytest.mark.parametrize("nom", NOTEBOOKS)
def test_corriges_sql_du_notebook_justes(nom):
    sql = [(i, c, suite) for i, langage, c, suite in _exercices(nom) if langage == "sql"]
    assert len(sql) >= 2
    for identifiant, corrige, suite in sql:
        assert f'gc.verifier_exercice("{identifiant}", ma_requete)' in suite[0].source
        verdict = gc.verifier_exercice(identifiant, corrige)
        assert verdict.ok, f"{identifiant} : {verdict}"


def test_corriges_calcul_de_s41_justes():
    espace: dict = {"gc": gc}
    calculs = [(i, c, s) for i, langage, c, s in _exercices(NOTEBOOKS[0]) if langage == "python"]
    assert len(calculs) == 2
    with contextlib.redirect_stdout(io.StringIO()):
        for identifiant, corrige, suite in calculs:
            exec(corrige, espace)
            verifications = 0
            for cellule in suite:
                if cellule.cell_type != "code" or "verifier_exercice" not in cellule.source:
                    break
                assert f'gc.verifier_exercice("{identifiant}", reponse)' in cellule.source
                lignes = [ligne for ligne in cellule.source.splitlines() if "= None" not in ligne]
                verdict = eval("\n".join(lignes), espace)
                assert verdict.ok, f"{identifiant} : {verdict}"
                verifications += 1
            assert verifications >= 1, identifiant
