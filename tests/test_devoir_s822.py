"""Ce qui est propre au devoir S822-requetes-sql : la forme des réponses SQL.

La chaîne de correction nbgrader (version distribuée, corrigé, copie vierge, erreurs
types, retours, base modifiée par l'étudiant) est testée pour tous les devoirs dans
``tests/test_devoirs.py``.
"""

from __future__ import annotations

import outils_nbgrader as onb

DEVOIR = NOTEBOOK = "S822-requetes-sql"


def test_reponses_sql_dans_une_chaine():
    """Chaque réponse SQL : une variable ``requete_<q>``, le corrigé DANS la chaîne (la
    version distribuée garde donc une chaîne, que ``executer_reponse`` sait reconnaître
    comme « pas encore écrite »), un test visible ``_forme`` et un test caché ``_valeurs``."""
    source = onb.lire_notebook(onb.DOSSIER_COURS / "source" / DEVOIR / f"{NOTEBOOK}.ipynb")
    reponses = onb.cellules_reponse(source)
    tests = onb.cellules_test(source)
    questions_sql = [g for g, c in reponses.items() if c.cell_type == "code"]
    assert len(questions_sql) >= 8
    for grade_id in questions_sql:
        n = grade_id.removeprefix("reponse_")
        texte = reponses[grade_id].source
        assert texte.startswith(f'requete_{n} = """\n### BEGIN SOLUTION\n'), texte[:60]
        assert texte.endswith('### END SOLUTION\n"""')
        assert f"test_{n}_forme" in tests and f"test_{n}_valeurs" in tests
        assert onb.DEBUT_TESTS_CACHES not in tests[f"test_{n}_forme"].source
        assert onb.regions(
            tests[f"test_{n}_valeurs"].source, onb.DEBUT_TESTS_CACHES, onb.FIN_TESTS_CACHES
        )
