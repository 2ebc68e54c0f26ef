"""L'indice NPS contre des comptes faits à la main et un comptage SQL indépendant."""

from __future__ import annotations

import pytest

import gc_helpers as gc


def test_nps_a_la_main():
    # 3 promoteurs (10, 9, 9), 2 passifs (8, 7), 5 détracteurs (6, 5, 0, 3, 6) sur 10 :
    # 30 % − 50 % = −20.
    assert gc.nps([10, 9, 9, 8, 7, 6, 5, 0, 3, 6]) == pytest.approx(-20)
    assert gc.nps([9, 10]) == 100
    assert gc.nps([0, 6]) == -100
    assert gc.nps([7, 8]) == 0


def test_repartition_somme_a_un():
    r = gc.repartition_nps([10, 9, 9, 8, 7, 6, 5, 0, 3, 6])
    assert (r["promoteurs"], r["passifs"], r["detracteurs"]) == (0.3, 0.2, 0.5)
    assert r["effectif"] == 10


def test_nps_de_l_entreprise_contre_sql():
    con = gc.connecter()
    attendu = gc.requete(
        """SELECT 100.0 * (count(*) FILTER (note_recommandation >= 9)
                         - count(*) FILTER (note_recommandation <= 6)) / count(*) AS nps
           FROM enquetes_satisfaction""",
        con,
    ).loc[0, "nps"]
    notes = gc.table("enquetes_satisfaction", con)["note_recommandation"]
    assert gc.nps(notes) == pytest.approx(float(attendu))


def test_valeurs_manquantes_ignorees():
    assert gc.nps([10, None, 3]) == 0


@pytest.mark.parametrize(
    ("notes", "message"),
    [
        ([], "aucune note"),
        ("9", "liste ou une colonne de notes"),
        (9, "liste ou une colonne de notes"),
        ([9, 12], "entiers de 0 à 10"),
        ([9, 7.5], "entiers de 0 à 10"),
        ([9, "10"], "entiers de 0 à 10"),
        ([True], "entiers de 0 à 10"),
    ],
)
def test_mauvaises_entrees(notes, message):
    with pytest.raises(gc.ErreurCours, match=message):
        gc.nps(notes)
