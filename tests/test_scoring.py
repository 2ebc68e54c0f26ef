"""Scorage : grille pondérée, score logistique, courbes de gain et de lift, choix du seuil.

Oracles indépendants : calculs écrits à la main dans les tests, et pour le
score logistique un maximum de vraisemblance par Newton-Raphson écrit en numpy.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import gc_helpers as gc
from gc_helpers import scoring
from gc_helpers._erreurs import ErreurCours, NomInconnu

# --------------------------------------------------------------------------- grille


PROSPECTS = pd.DataFrame(
    {
        "origine": ["recommandation", "salon", "fichier acheté", "site web"],
        "nb_visites": [0, 2, 4, 1],
        "effectif": [12, 300, 45, None],
    }
)
GRILLE = {
    "origine": {"recommandation": 5, "salon": 3, "site web": 2, "fichier acheté": 0},
    "nb_visites": [(1, 2), (3, 5)],
    "effectif": [(50, 1), (250, 3)],
}


def test_grille_notes_et_score_a_la_main():
    r = gc.grille_scoring(PROSPECTS, GRILLE, poids={"origine": 3, "nb_visites": 2})
    assert r["note_origine"].tolist() == [5, 3, 0, 2]
    # 0 visite < 1er seuil → 0 ; 2 → seuil 1 atteint → 2 ; 4 → seuil 3 → 5 ; 1 → 2
    assert r["note_nb_visites"].tolist() == [0, 2, 5, 2]
    # 12 < 50 → 0 ; 300 ≥ 250 → 3 ; 45 → 0 ; manquant → 0
    assert r["note_effectif"].tolist() == [0, 3, 0, 0]
    # score = 3 × origine + 2 × visites + 1 × effectif
    assert r["score"].tolist() == [3 * 5 + 0 + 0, 3 * 3 + 2 * 2 + 3, 0 + 2 * 5 + 0, 3 * 2 + 2 * 2]
    assert list(r.columns[:3]) == ["origine", "nb_visites", "effectif"]  # données gardées


def test_grille_sur_100():
    r = gc.grille_scoring(PROSPECTS, GRILLE, poids={"origine": 3, "nb_visites": 2}, sur=100)
    maximum = 3 * 5 + 2 * 5 + 1 * 3  # 28
    assert r["score"].tolist() == pytest.approx(
        [15 / 28 * 100, 16 / 28 * 100, 10 / 28 * 100, 10 / 28 * 100]
    )
    assert maximum == 28


def test_grille_erreurs():
    with pytest.raises(ErreurCours, match="pas de note pour la ou les modalité.*'site web'"):
        gc.grille_scoring(
            PROSPECTS, {"origine": {"recommandation": 5, "salon": 3, "fichier acheté": 0}}
        )
    with pytest.raises(NomInconnu, match="'origin' n'existe pas.*'origine'"):
        gc.grille_scoring(PROSPECTS, {"origin": {"salon": 1}})
    with pytest.raises(ErreurCours, match="doit contenir des nombres.*dictionnaire"):
        gc.grille_scoring(PROSPECTS, {"origine": [(1, 2)]})
    with pytest.raises(ErreurCours, match="paires"):
        gc.grille_scoring(PROSPECTS, {"nb_visites": [1, 3]})
    with pytest.raises(ErreurCours, match="poids de 'origine' doit être positif"):
        gc.grille_scoring(PROSPECTS, {"origine": GRILLE["origine"]}, poids={"origine": -1})
    with pytest.raises(NomInconnu, match="Le critère pondéré 'visites'"):
        gc.grille_scoring(PROSPECTS, GRILLE, poids={"visites": 2})
    with pytest.raises(ErreurCours, match="table .*vide"):
        gc.grille_scoring(PROSPECTS.iloc[:0], GRILLE)
    with pytest.raises(ErreurCours, match="au moins un critère"):
        gc.grille_scoring(PROSPECTS, {})


# --------------------------------------------------------------------------- logistique


def _newton_numpy(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Maximum de vraisemblance logistique : Newton-Raphson, et écarts-types."""
    b = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ b))
        hessienne = x.T @ (x * (p * (1 - p))[:, None])
        b = b + np.linalg.solve(hessienne, x.T @ (y - p))
    p = 1 / (1 + np.exp(-x @ b))
    covariance = np.linalg.inv(x.T @ (x * (p * (1 - p))[:, None]))
    return b, np.sqrt(np.diag(covariance))


def _jeu_fabrique(n: int = 600) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    origine = rng.choice(["salon", "recommandation", "fichier acheté"], size=n, p=[0.5, 0.3, 0.2])
    visites = rng.integers(0, 5, size=n)
    effet = {"salon": 0.0, "recommandation": 1.0, "fichier acheté": -1.0}
    logit = -1.5 + 0.6 * visites + np.array([effet[o] for o in origine])
    converti = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    return pd.DataFrame({"origine": origine, "nb_visites": visites, "converti": converti})


def test_score_logistique_egal_a_newton_numpy():
    d = _jeu_fabrique()
    s = gc.score_logistique(d, "converti", ["origine", "nb_visites"])
    # Référence : la modalité la plus fréquente (salon) ; indicatrices des deux autres.
    assert s.references == {"origine": "salon"}
    assert s.coefficients["variable"].tolist() == [
        "constante", "origine = recommandation", "origine = fichier acheté", "nb_visites",
    ]  # fmt: skip
    x = np.column_stack(
        [
            np.ones(len(d)),
            (d["origine"] == "recommandation").to_numpy(float),
            (d["origine"] == "fichier acheté").to_numpy(float),
            d["nb_visites"].to_numpy(float),
        ]
    )
    b, ecarts = _newton_numpy(x, d["converti"].to_numpy(float))
    assert s.coefficients["coefficient"].to_numpy() == pytest.approx(b, rel=1e-6)
    assert s.coefficients["odds_ratio"].to_numpy() == pytest.approx(np.exp(b), rel=1e-6)
    # p-valeur du test de Wald : 2 × (1 − Φ(|b / σ|)), Φ par la fonction d'erreur.
    from math import erf, sqrt

    p_valeurs = [2 * (1 - 0.5 * (1 + erf(abs(v) / sqrt(2)))) for v in b / ecarts]
    assert s.coefficients["p_valeur"].to_numpy() == pytest.approx(p_valeurs, rel=1e-4, abs=1e-12)
    assert s.scores.to_numpy() == pytest.approx(1 / (1 + np.exp(-x @ b)), rel=1e-6)
    # Le jeu a été tiré avec +1 pour les recommandations, +0,6 par visite : on les retrouve à peu près.
    assert b[1] == pytest.approx(1.0, abs=0.4) and b[3] == pytest.approx(0.6, abs=0.2)


def test_predire_nouveaux_prospects():
    d = _jeu_fabrique()
    s = gc.score_logistique(d, "converti", ["origine", "nb_visites"])
    b = dict(zip(s.coefficients["variable"], s.coefficients["coefficient"], strict=True))
    nouveaux = pd.DataFrame({"origine": ["recommandation", "salon"], "nb_visites": [2, 0]})
    logit = [b["constante"] + b["origine = recommandation"] + 2 * b["nb_visites"], b["constante"]]
    assert s.predire(nouveaux).tolist() == pytest.approx([1 / (1 + np.exp(-v)) for v in logit])
    with pytest.raises(ErreurCours, match="absentes de l'apprentissage : campagne"):
        s.predire(pd.DataFrame({"origine": ["campagne"], "nb_visites": [1]}))


def test_score_logistique_sans_bruit_sur_stderr(capfd):
    d = _jeu_fabrique(200)
    gc.score_logistique(d, "converti", ["nb_visites"])
    assert capfd.readouterr().err == ""


def test_score_logistique_erreurs():
    d = _jeu_fabrique(100)
    with pytest.raises(ErreurCours, match="ne prend qu'une valeur"):
        gc.score_logistique(d.assign(converti=1), "converti", ["nb_visites"])
    with pytest.raises(ErreurCours, match="1 \\(converti\\) ou 0.*'converti'"):
        gc.score_logistique(d.assign(converti="converti"), "converti", ["nb_visites"])
    with pytest.raises(NomInconnu, match="La colonne cible 'convertis'"):
        gc.score_logistique(d, "convertis", ["nb_visites"])
    separe = pd.DataFrame({"x": [0, 1, 2, 3, 4, 5, 6, 7], "y": [0, 0, 0, 0, 1, 1, 1, 1]})
    with pytest.raises(ErreurCours, match="sépar"):
        gc.score_logistique(separe, "y", ["x"])


# --------------------------------------------------------------------------- gain et lift


def test_courbe_gain_a_la_main():
    # 10 prospects, 4 convertis ; classés par score décroissant : 1 1 0 1 0 0 1 0 0 0
    scores = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1]
    cible = [1, 1, 0, 1, 0, 0, 1, 0, 0, 0]
    g = gc.courbe_gain(scores[::-1], cible[::-1], tranches=5)  # l'ordre d'entrée n'importe pas
    assert g["part_ciblee"].tolist() == [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert g["nb_convertis"].tolist() == [0, 2, 3, 3, 4, 4]
    assert g["part_convertis"].tolist() == pytest.approx([0, 0.5, 0.75, 0.75, 1, 1])
    # lift = gain / part ciblée : 0,5/0,2 = 2,5 ; 0,75/0,4 = 1,875 ; 0,75/0,6 = 1,25 ; 1/0,8
    assert g["lift"].tolist()[1:] == pytest.approx([2.5, 1.875, 1.25, 1.25, 1.0])
    assert g["taux_transformation"].tolist()[1:] == pytest.approx([1, 0.75, 0.5, 0.5, 0.4])
    lift = gc.courbe_lift(scores, cible, tranches=5)
    assert lift["lift"].tolist() == pytest.approx([2.5, 1.875, 1.25, 1.25, 1.0])


def test_courbe_gain_erreurs():
    with pytest.raises(ErreurCours, match="3 scores pour 2"):
        gc.courbe_gain([1, 2, 3], [0, 1])
    with pytest.raises(ErreurCours, match="aucun converti"):
        gc.courbe_gain([1, 2], [0, 0])
    with pytest.raises(ErreurCours, match="tranches doit être un entier"):
        gc.courbe_gain([1, 2], [0, 1], tranches=0)
    with pytest.raises(ErreurCours, match="manquant"):
        gc.courbe_gain([1, None], [0, 1])


def test_taux_par_tranche():
    scores = [5, 15, 30, 45, 55, 70, 80, 95, 100]
    cible = [0, 0, 1, 0, 1, 0, 1, 1, 1]
    t = gc.taux_par_tranche(scores, cible, bornes=[0, 25, 50, 75, 100])
    assert t["tranche"].tolist() == ["[0 ; 25[", "[25 ; 50[", "[50 ; 75[", "[75 ; 100]"]
    assert t["effectif"].tolist() == [2, 2, 2, 3]
    assert t["convertis"].tolist() == [0, 1, 1, 3]
    assert t["taux_transformation"].tolist() == pytest.approx([0, 0.5, 0.5, 1])
    with pytest.raises(ErreurCours, match="sortent des bornes"):
        gc.taux_par_tranche(scores, cible, bornes=[0, 50, 90])
    with pytest.raises(ErreurCours, match="croissants"):
        gc.taux_par_tranche(scores, cible, bornes=[0, 50, 50, 100])


def test_choix_seuil_avec_cible():
    scores = [90, 80, 70, 60, 50]
    cible = [1, 1, 0, 1, 0]
    t = gc.choix_seuil(
        scores, cout_contact=150, marge_conversion=500, cible=cible, seuils=[80, 60, 50]
    )
    # seuil 80 : 2 contacts, 2 conversions → 1 000 − 300 = 700
    # seuil 60 : 4 contacts, 3 conversions → 1 500 − 600 = 900
    # seuil 50 : 5 contacts, 3 conversions → 1 500 − 750 = 750
    assert t["resultat"].tolist() == [700, 900, 750]
    assert t["rendement"].tolist() == pytest.approx([1, 0.75, 0.6])
    assert t["meilleur"].tolist() == [False, True, False]


def test_choix_seuil_erreurs():
    with pytest.raises(ErreurCours, match="probabilités"):
        gc.choix_seuil([10, 50], cout_contact=10, marge_conversion=100)
    with pytest.raises(ErreurCours, match="cout_contact doit être positif"):
        gc.choix_seuil([0.1, 0.5], cout_contact=-10, marge_conversion=100)


def test_import_leger():
    # statsmodels n'est importé qu'au premier score logistique (DESIGN §3)
    import subprocess
    import sys

    code = "import gc_helpers as gc, sys; gc.scoring; print('statsmodels' in sys.modules)"
    sortie = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert sortie.stdout.strip() == "False"
    assert scoring.__all__  # le module expose son API
