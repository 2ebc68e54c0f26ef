"""Le corrigé du devoir S432-scoring-clients est juste « au manuel près ».

Tests rapides (sans nbgrader ni noyau) : les cellules du corrigé sont exécutées dans ce
processus (``outils_nbgrader.variables_du_corrige``) et leurs résultats comparés à des
calculs **indépendants** des outils du cours : arithmétique faite à la main d'après
l'énoncé, requêtes SQL, régression logistique par la méthode de Newton en numpy. On
vérifie aussi les affirmations de l'énoncé (effectifs, score linéaire donné, modalité de
référence) et que chaque erreur type enregistrée s'écarte bien de la bonne réponse de plus
que la tolérance annoncée.
"""

from __future__ import annotations

import math

import numpy as np
import outils_nbgrader as onb
import pandas as pd
import pytest

import gc_helpers as gc

DEVOIR = "S432-scoring-clients"

#: Variables de réponse de chaque cellule, avec la tolérance annoncée dans l'énoncé.
REPONSES = {
    "reponse_q1": [("scores_q1", 0.01)],
    "reponse_q2": [("nb_prioritaires", 0)],
    "reponse_q3": [("odds_ratios", 0.01)],
    "reponse_q4": [("proba_1917", 0.001)],
    "reponse_q5": [("taux_tranches", 0.001)],
    "reponse_q6": [("gain_20", 0.001)],
    "reponse_q7": [("cout_campagne", 1), ("roi_campagne", 0.001)],
    "reponse_q8": [("meilleur_seuil", 1e-9), ("resultat_meilleur", 1)],
}
SEUILS_Q8 = [0.50, 0.40, 0.30, 0.20, 0.15, 0.10, 0.05]
COUT_VISITE, MARGE, CA = 180, 1200, 4000


@pytest.fixture(scope="module")
def corrige() -> dict:
    return onb.variables_du_corrige(DEVOIR)


@pytest.fixture(scope="module")
def prospects() -> pd.DataFrame:
    return gc.requete(
        "SELECT id_prospect, origine, nb_visites, secteur_activite, effectif_salaries, statut "
        "FROM prospects ORDER BY id_prospect",
        gc.donnees.connexion_lecture(),
    )


def _newton(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Maximum de vraisemblance du modèle logistique, par la méthode de Newton."""
    b = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ b)))
        pas = np.linalg.solve(x.T @ (x * (p * (1 - p))[:, None]), x.T @ (y - p))
        b += pas
        if np.abs(pas).max() < 1e-12:
            break
    return b


def _indicatrices(serie: pd.Series, reference: str) -> tuple[list[str], np.ndarray]:
    modalites = sorted(set(serie) - {reference})
    return modalites, np.column_stack([(serie == m).to_numpy(float) for m in modalites])


def _matrice_marketing(t: pd.DataFrame) -> np.ndarray:
    _, origine = _indicatrices(t["origine"], "fichier acheté")
    _, secteur = _indicatrices(t["secteur_activite"], "hôtel")
    return np.column_stack(
        [np.ones(len(t)), origine, t["nb_visites"], secteur, t["effectif_salaries"]]
    ).astype(float)


@pytest.fixture(scope="module")
def marketing(prospects):
    """Probabilités du score du service marketing (4 variables), recalculées en numpy."""
    clos = prospects[prospects["statut"].isin(["converti", "perdu"])]
    ouverts = prospects[prospects["statut"].isin(["nouveau", "en cours"])]
    y = (clos["statut"] == "converti").to_numpy(float)
    b = _newton(_matrice_marketing(clos), y)
    p_clos = 1 / (1 + np.exp(-(_matrice_marketing(clos) @ b)))
    p_ouverts = 1 / (1 + np.exp(-(_matrice_marketing(ouverts) @ b)))
    return p_clos, y, p_ouverts


def _nombres(valeur) -> list[float]:
    if isinstance(valeur, dict):
        return [float(v) for v in valeur.values()]
    if isinstance(valeur, list | tuple | np.ndarray | pd.Series):
        return [float(v) for v in valeur]
    return [float(valeur)]


# --------------------------------------------------------------------------- énoncé


def test_effectifs_annonces(prospects):
    statuts = prospects["statut"].value_counts()
    assert statuts["converti"] == 500 and statuts["perdu"] == 1360
    assert statuts["nouveau"] + statuts["en cours"] == 140
    assert round(0.2 * 1860) == 372


# --------------------------------------------------------------------------- partie 1


def test_q1_scores_a_la_main(corrige, prospects):
    trois = prospects.set_index("id_prospect").loc[[1884, 1899, 1914]]
    # Les caractéristiques sur lesquelles repose le calcul à la main ci-dessous.
    assert trois[
        ["origine", "nb_visites", "secteur_activite", "effectif_salaries"]
    ].values.tolist() == [
        ["site web", 1, "CSE", 937],
        ["fichier acheté", 2, "hôtel", 10],
        ["salon", 2, "boutique de souvenirs", 2],
    ]
    assert (trois["statut"].isin(["nouveau", "en cours"])).all()
    attendus = {
        1884: 3 * 6 + 3 * 4 + 2 * 10 + 2 * 10,  # 70
        1899: 3 * 1 + 3 * 7 + 2 * 7 + 2 * 3,  # 44 : 2 visites et 10 salariés atteignent leur seuil
        1914: 3 * 6 + 3 * 7 + 2 * 8 + 2 * 0,  # 55
    }
    assert list(corrige["scores_q1"]) == [1884, 1899, 1914]
    for n, score in attendus.items():
        assert corrige["scores_q1"][n] == pytest.approx(score, abs=1e-9)


def test_q2_prioritaires_en_sql(corrige):
    (n,) = gc.requete(
        """
        WITH notes AS (
          SELECT 3 * CASE origine WHEN 'recommandation' THEN 10 WHEN 'prospection terrain' THEN 7
                   WHEN 'salon' THEN 6 WHEN 'site web' THEN 6 WHEN 'campagne' THEN 4 ELSE 1 END
               + 3 * CASE WHEN nb_visites >= 3 THEN 10 WHEN nb_visites >= 2 THEN 7
                   WHEN nb_visites >= 1 THEN 4 ELSE 0 END
               + 2 * CASE secteur_activite WHEN 'CSE' THEN 10 WHEN 'boutique de souvenirs' THEN 8
                   WHEN 'hôtel' THEN 7 WHEN 'détaillant' THEN 6 ELSE 4 END
               + 2 * CASE WHEN effectif_salaries >= 250 THEN 10 WHEN effectif_salaries >= 50 THEN 6
                   WHEN effectif_salaries >= 10 THEN 3 ELSE 0 END AS score
          FROM prospects WHERE statut IN ('nouveau', 'en cours')
        )
        SELECT count(*) FILTER (WHERE score >= 50) FROM notes
        """,
        gc.donnees.connexion_lecture(),
    ).iloc[0]
    assert corrige["nb_prioritaires"] == n == 42


# --------------------------------------------------------------------------- partie 2


def test_q3_odds_ratios_par_newton(corrige, prospects):
    clos = prospects[prospects["statut"].isin(["converti", "perdu"])]
    # L'énoncé affirme que « fichier acheté » est l'origine la plus fréquente des clos.
    assert clos["origine"].value_counts().index[0] == "fichier acheté"
    modalites, origine = _indicatrices(clos["origine"], "fichier acheté")
    x = np.column_stack([np.ones(len(clos)), clos["nb_visites"], origine]).astype(float)
    b = _newton(x, (clos["statut"] == "converti").to_numpy(float))
    attendus = [math.exp(b[1]), math.exp(b[2 + modalites.index("recommandation")])]
    assert _nombres(corrige["odds_ratios"]) == pytest.approx(attendus, abs=1e-6)
    assert list(corrige["odds_ratios"]) == ["nb_visites", "recommandation"]
    # Le score linéaire donné à la question 4 (salon, 1 visite) est celui de ce modèle.
    z = b[0] + b[2 + modalites.index("salon")] + b[1]
    assert abs(z - (-0.838)) < 0.0005
    p1917 = prospects.set_index("id_prospect").loc[1917]
    assert (p1917["origine"], p1917["nb_visites"], p1917["statut"] in ("nouveau", "en cours")) == (
        "salon",
        1,
        True,
    )


def test_q4_probabilite(corrige):
    assert corrige["proba_1917"] == pytest.approx(1 / (1 + math.exp(0.838)), abs=1e-12)
    assert 0.30 < corrige["proba_1917"] < 0.31


# --------------------------------------------------------------------------- parties 3 et 4


def test_score_fourni_egal_au_calcul_independant(corrige, marketing):
    p_clos, _, p_ouverts = marketing
    assert corrige["historique"]["score"].to_numpy() == pytest.approx(p_clos, abs=1e-8)
    assert corrige["a_prospecter"]["score"].to_numpy() == pytest.approx(p_ouverts, abs=1e-8)


def test_q5_taux_par_tranche(corrige, marketing):
    p, y, _ = marketing
    bornes = [0, 0.15, 0.30, 0.50, 1]
    # Aucun score au ras d'une borne : la règle [a ; b[ ne peut pas changer une tranche.
    assert min(abs(p - b).min() for b in bornes[1:-1]) > 1e-4
    attendus = []
    for bas, haut in zip(bornes[:-1], bornes[1:], strict=True):
        dedans = (p >= bas) & ((p < haut) if haut < 1 else (p <= haut))
        attendus.append(y[dedans].sum() / dedans.sum())
    assert corrige["taux_tranches"] == pytest.approx(attendus, abs=1e-12)
    assert attendus == sorted(attendus)  # le score sépare : la transformation monte


def test_q6_gain_des_20_pourcents(corrige, marketing):
    p, y, _ = marketing
    ordre = np.argsort(-p)
    # Pas d'ex aequo au 372e rang : le gain ne dépend pas de l'ordre des égalités.
    assert p[ordre[371]] - p[ordre[372]] > 1e-6
    assert corrige["gain_20"] == pytest.approx(y[ordre[:372]].sum() / 500, abs=1e-12)
    assert corrige["gain_20"] == pytest.approx(199 / 500)


def test_q7_cout_et_roi(corrige, marketing):
    _, _, p = marketing
    retenus = p[p >= 0.20]
    assert len(retenus) == 56 and min(abs(p - 0.20)) > 1e-3
    cout = 56 * 180
    assert corrige["cout_campagne"] == cout == 10_080
    roi = (retenus.sum() * 1200 - cout) / cout
    assert corrige["roi_campagne"] == pytest.approx(roi, abs=1e-12)


def test_q8_meilleur_seuil(corrige, marketing):
    _, _, p = marketing
    resultats = {s: p[p >= s].sum() * MARGE - (p >= s).sum() * COUT_VISITE for s in SEUILS_Q8}
    meilleur = max(resultats, key=resultats.get)
    assert meilleur == corrige["meilleur_seuil"] == 0.15
    assert corrige["resultat_meilleur"] == pytest.approx(resultats[meilleur], abs=1e-9)
    # Le meilleur seuil est intérieur et les critères faux mènent ailleurs.
    roi = {s: resultats[s] / ((p >= s).sum() * COUT_VISITE) for s in SEUILS_Q8}
    sur_ca = {s: p[p >= s].sum() * CA - (p >= s).sum() * COUT_VISITE for s in SEUILS_Q8}
    assert max(roi, key=roi.get) == 0.50
    assert max(sur_ca, key=sur_ca.get) == 0.05
    assert sorted(resultats.values())[-1] - sorted(resultats.values())[-2] > 1  # pas d'ex aequo


# --------------------------------------------------------------------------- erreurs types


def test_chaque_erreur_type_s_ecarte_de_la_bonne_reponse(corrige):
    erreurs = onb.charger_erreurs_types(DEVOIR)
    assert {e.cellule for e in erreurs} == set(REPONSES)
    for erreur in erreurs:
        noms = [nom for nom, _ in REPONSES[erreur.cellule]]
        espace = onb.variables_avec_erreur(corrige, erreur, retirer=noms)
        ecarts = []
        for nom, tolerance in REPONSES[erreur.cellule]:
            obtenu, juste = _nombres(espace[nom]), _nombres(corrige[nom])
            assert len(obtenu) == len(juste), erreur.id
            ecarts.append(max(abs(o - j) for o, j in zip(obtenu, juste, strict=True)) > tolerance)
        assert any(ecarts), f"{erreur.id} : la réponse fausse passe la tolérance"
