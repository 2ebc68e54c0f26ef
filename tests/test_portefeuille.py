"""Portefeuille : ABC, 20/80, Lorenz, Gini, RFM, détention — exemples faits main et formules indépendantes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import gc_helpers as gc
from gc_helpers._erreurs import ErreurCours, NomInconnu

# Dix clients et leur CA (€) ; total 8 000.
CA = pd.DataFrame(
    {
        "client": list("ABCDEFGHIJ"),
        "ca": [500, 3000, 200, 1000, 100, 50, 80, 2500, 400, 170],
    }
)


def test_abc_critere_clients_fait_main():
    s = gc.segmentation_abc(CA, "ca")
    # Tri décroissant : B 3000, H 2500, D 1000, A 500, I 400, C 200, J 170, E 100, G 80, F 50
    assert s["client"].str.cat() == "BHDAICJEGF"
    assert s["rang"].tolist() == list(range(1, 11))
    # A : rangs 1-2 (≤ 20 % des clients), B : rangs 3-5 (≤ 50 %), C : le reste
    assert s["classe"].str.cat() == "AABBBCCCCC"
    assert s["part"].iloc[0] == 3000 / 8000
    assert s["part_cumulee"].tolist()[:3] == pytest.approx([3000 / 8000, 5500 / 8000, 6500 / 8000])
    assert s["part_clients_cumulee"].tolist()[:2] == [0.1, 0.2]


def test_abc_critere_valeur_regle_du_tableur():
    # Cumuls : 37,5 % A ; 68,75 % A ; 81,25 % B ; 87,5 % B ; 92,5 % B ; 95 % B (≤ 95 %) ; 97,125 % C
    s = gc.segmentation_abc(CA, "ca", critere="valeur")
    assert s["classe"].str.cat() == "AABBBBCCCC"
    s = gc.segmentation_abc(CA, "ca", critere="valeur", seuils=(0.7, 0.9))
    assert s["classe"].str.cat() == "AABBCCCCCC"


def test_abc_seuils_exactement_atteints_malgre_les_flottants():
    # 880 clients : 176 / 880 = 0,2 exactement au seuil → A ; le 177e est en B.
    s = gc.segmentation_abc(pd.Series(np.arange(880, 0, -1.0)))
    assert (s["classe"] == "A").sum() == 176
    assert (s["classe"] == "B").sum() == 264
    # Au critère de la valeur, un cumul qui tombe pile sur 80 % reste en A.
    s = gc.segmentation_abc(pd.Series([0.7, 0.1, 0.1, 0.1]), critere="valeur")
    assert s["classe"].str.cat() == "AABC"


def test_synthese_abc():
    t = gc.synthese_abc(gc.segmentation_abc(CA, "ca"))
    assert t["nb_clients"].tolist() == [2, 3, 5]
    assert t["valeur"].tolist() == [5500, 1900, 600]
    assert t["part_valeur"].tolist() == pytest.approx([0.6875, 0.2375, 0.075])
    assert t["part_clients"].tolist() == pytest.approx([0.2, 0.3, 0.5])


@pytest.mark.parametrize(
    ("arguments", "exception", "message"),
    [
        ({"seuils": (20, 50)}, ErreurCours, r"\(0.2, 0.5\)"),
        ({"seuils": (0.5, 0.2)}, ErreurCours, "seuil A < seuil B"),
        ({"critere": "client"}, NomInconnu, "Vouliez-vous dire 'clients'"),
    ],
)
def test_abc_refuse_les_mauvais_parametres(arguments, exception, message):
    with pytest.raises(exception, match=message):
        gc.segmentation_abc(CA, "ca", **arguments)


def test_abc_refuse_colonne_inconnue_et_valeurs_negatives():
    with pytest.raises(NomInconnu, match="Vouliez-vous dire 'ca'"):
        gc.segmentation_abc(CA, "CA")
    with pytest.raises(ErreurCours, match="négative"):
        gc.segmentation_abc(pd.Series([100, -20, 50]))
    with pytest.raises(ErreurCours, match="indiquez la colonne"):
        gc.segmentation_abc(CA)


def test_concentration_20_80():
    assert gc.concentration(CA["ca"]) == 5500 / 8000
    assert gc.concentration(CA["ca"], 0.5) == 7400 / 8000
    with pytest.raises(ErreurCours, match="0.2 pour 20 %"):
        gc.concentration(CA["ca"], 20)


def test_courbe_de_lorenz_faite_main():
    l = gc.courbe_lorenz([50, 10, 40])  # noqa: E741
    assert l["part_clients_cumulee"].tolist() == pytest.approx([0, 1 / 3, 2 / 3, 1])
    assert l["part_valeur_cumulee"].tolist() == pytest.approx([0, 0.1, 0.5, 1])


def _gini_differences_moyennes(x):
    """Formule indépendante : G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄)."""
    x = np.asarray(x, dtype=float)
    return np.abs(x[:, None] - x[None, :]).sum() / (2 * len(x) ** 2 * x.mean())


def test_gini_fait_main_et_formule_des_differences():
    # Trapèzes : 1 − (1/3)[(0 + 0,1) + (0,1 + 0,5) + (0,5 + 1)] = 1 − 2,2/3
    assert gc.indice_gini([50, 10, 40]) == pytest.approx(1 - 2.2 / 3)
    rng = np.random.default_rng(3)
    for _ in range(5):
        x = rng.pareto(1.2, 200) * 1000
        assert gc.indice_gini(x) == pytest.approx(_gini_differences_moyennes(x))
    assert gc.indice_gini([7, 7, 7]) == pytest.approx(0)
    # Un seul client fait tout : G = 1 − 1/n
    assert gc.indice_gini([0, 0, 0, 100]) == pytest.approx(0.75)


def test_rfm_fait_main():
    cmd = pd.DataFrame(
        {
            "id_client": [1, 1, 2, 3, 3, 3, 4, 5],
            "date_commande": pd.to_datetime(
                [
                    "2026-01-10", "2026-10-01", "2025-03-01", "2026-09-15",
                    "2026-10-20", "2026-06-01", "2024-12-31", "2026-10-30",
                ]
            ),
            "montant_ht": [100, 200, 50, 300, 400, 300, 80, 5000],
        }
    )  # fmt: skip
    r = gc.rfm(cmd, "2026-10-31")
    assert r["id_client"].tolist() == [1, 2, 3, 4, 5]
    # Récences : 31/10 − 01/10 = 30 j ; − 01/03/2025 = 609 j ; − 20/10 = 11 j ; − 31/12/2024 = 669 j ; 1 j
    assert r["recence"].tolist() == [30, 609, 11, 669, 1]
    assert r["frequence"].tolist() == [2, 1, 3, 1, 1]
    assert r["montant"].tolist() == [300, 50, 1000, 80, 5000]
    # 5 clients, 5 classes : note = rang (1 = le moins bon) ; ex aequo en fréquence :
    # trois clients à 1 commande, rang moyen 2 → ⌈2/5 × 5⌉ = 2.
    assert r["note_r"].tolist() == [3, 2, 4, 1, 5]
    assert r["note_f"].tolist() == [4, 2, 5, 2, 2]
    assert r["note_m"].tolist() == [3, 1, 4, 2, 5]
    assert r["score_rfm"].tolist() == ["343", "221", "454", "122", "525"]
    assert r.loc[2, "segment"] == "meilleurs clients"
    assert r.loc[3, "segment"] == "perdus ou dormants"


def test_rfm_refuse_les_mauvaises_entrees():
    cmd = pd.DataFrame({"id_client": [1], "date_commande": ["2026-11-15"], "montant_ht": [10]})
    with pytest.raises(ErreurCours, match="postérieures"):
        gc.rfm(cmd, "2026-10-31")
    with pytest.raises(NomInconnu, match="montant"):
        gc.rfm(cmd.rename(columns={"montant_ht": "total"}), "2026-12-31")


def test_taux_de_detention_et_multi_detention_faits_main():
    achats = pd.DataFrame(
        {
            "id_client": [1, 1, 1, 2, 3, 3, 4],
            "famille": ["plaids", "plaids", "peignoirs", "plaids", "plaids", "chaussons", "plaids"],
        }
    )
    t = gc.taux_detention(achats, nb_clients=5)  # le 5e client n'a rien acheté
    assert t.set_index("famille")["taux_detention"].to_dict() == {
        "plaids": 4 / 5,
        "chaussons": 1 / 5,
        "peignoirs": 1 / 5,
    }
    m = gc.multi_detention(achats, nb_clients=5)
    assert m["nb_familles"].tolist() == [0, 1, 2]
    assert m["nb_clients"].tolist() == [1, 2, 2]
    assert m["part_cumulee"].tolist() == pytest.approx([0.2, 0.6, 1.0])
    with pytest.raises(ErreurCours, match="tout le portefeuille"):
        gc.taux_detention(achats, nb_clients=2)
