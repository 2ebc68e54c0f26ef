"""Le corrigé du devoir S512-financement est juste « comme dans le manuel ».

Tests rapides (ni nbgrader ni noyau) : les cellules de réponse du corrigé sont exécutées
dans ce processus (``outils_nbgrader.variables_du_corrige``) et leurs valeurs comparées à
des calculs **indépendants** des outils du cours : arithmétique écrite à la main à partir
des données de l'énoncé, ``datetime`` pour les jours, ``numpy_financial`` pour l'emprunt
et les valeurs actuelles, SQL direct pour vérifier que l'énoncé cite fidèlement la base.
On vérifie aussi que chaque erreur type enregistrée s'écarte de la bonne réponse de plus
que la tolérance annoncée, et que la proposition de corrigé cite les bons chiffres.

La chaîne nbgrader complète (version distribuée, corrigé, copie vierge, erreurs types,
retours) est testée par ``tests/test_devoirs.py``.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import numpy_financial as npf
import outils_nbgrader as onb
import pandas as pd
import pytest

DEVOIR = "S512-financement"
SOURCE = onb.DOSSIER_COURS / "source" / DEVOIR / f"{DEVOIR}.ipynb"

#: Tolérance annoncée dans l'énoncé de chaque question : (variable, écart toléré).
QUESTIONS = {
    "q1": ("facture_comptant", 0.01),
    "q2": ("taux_escompte_annuel", 0.0001),
    "q3": ("bordereau", 0.01),
    "q4": ("penalites", 0.01),
    "q5": ("mensualite", 0.01),
    "q6": ("tableau_emprunt", 0.01),
    "q7": ("cout_emprunt", 0.5),
    "q8": ("comparaison", 1.0),
}

# Données de l'énoncé
NET_COMMERCIAL, TAUX_ESCOMPTE = 3850.0, 0.02
LCR_NOMINAL, TAUX_BANQUE, COMMISSION_HT = 2565.86, 0.065, 5.50
FACTURE_TTC, FACTURE_HT, TAUX_PENALITES = 3646.40, 3038.67, 0.12
CAPITAL, TAUX_EMPRUNT, MOIS = 14400.0, 0.054, 36
TAUX_PLACEMENT = 0.04


@pytest.fixture(scope="module")
def corrige():
    return onb.variables_du_corrige(DEVOIR)


@pytest.fixture(scope="module")
def source():
    return onb.lire_notebook(SOURCE)


def _euros(x: float, decimales: int = 2) -> str:
    """Un montant écrit à la française, comme dans l'énoncé : « 4 527,60 »."""
    return f"{x:,.{decimales}f}".replace(",", " ").replace(".", ",")


def _nombres(valeur) -> np.ndarray:
    """Les nombres d'une réponse (nombre, dictionnaire, table), à plat."""
    if isinstance(valeur, dict):
        return np.array([float(v) for v in valeur.values()])
    if isinstance(valeur, pd.DataFrame):
        return valeur.select_dtypes("number").to_numpy(dtype=float).ravel()
    return np.array([float(valeur)])


# --------------------------------------------------------------------------- l'énoncé et la base


def test_enonce_fidele_a_la_base():
    """Le client, ses conditions et les deux factures citées sont ceux de la base."""
    import gc_helpers.donnees as donnees

    con = donnees.connexion_lecture()
    client = con.execute(
        """
        SELECT c.raison_sociale, c.nom, c.prenom, c.conditions_paiement, c.plafond_credit::DOUBLE,
               co.prenom AS prenom_commercial, co.nom AS nom_commercial
        FROM clients c JOIN commerciaux co ON co.id_commercial = c.id_commercial
        WHERE c.id_client = 472
        """
    ).fetchone()
    assert client == (
        "Hôtel des Tilleuls Paris",
        "Leroy",
        "Yann",
        "60 jours",
        4000,
        "Claire",
        "Vasseur",
    )
    mini, maxi = con.execute(
        "SELECT min(montant_ht)::DOUBLE, max(montant_ht)::DOUBLE FROM factures WHERE id_client = 472"
    ).fetchone()
    assert 1500 <= mini and maxi <= 4750  # « de 1 500 à 4 700 € HT par facture »
    lcr = con.execute(
        "SELECT id_client, date_facture, date_echeance, montant_ttc::DOUBLE, statut "
        "FROM factures WHERE id_facture = 15043"
    ).fetchone()
    assert lcr == (
        472,
        dt.date(2026, 10, 15),
        dt.date(2026, 12, 14),
        pytest.approx(LCR_NOMINAL),
        "non échue",
    )
    retard = con.execute(
        "SELECT id_client, date_echeance, montant_ht::DOUBLE, montant_ttc::DOUBLE FROM factures WHERE id_facture = 13001"
    ).fetchone()
    assert retard == (
        472,
        dt.date(2026, 6, 5),
        pytest.approx(FACTURE_HT),
        pytest.approx(FACTURE_TTC),
    )
    reglements = con.execute(
        "SELECT date_reglement, montant::DOUBLE, mode FROM reglements WHERE id_facture = 13001"
    ).fetchall()
    assert reglements == [(dt.date(2026, 6, 24), pytest.approx(FACTURE_TTC), "chèque")]
    # à 60 jours, la commande porterait l'encours au-delà du plafond (argument du corrigé)
    encours = con.execute(
        "SELECT sum(montant_ttc)::DOUBLE FROM factures WHERE id_client = 472 AND statut <> 'réglée'"
    ).fetchone()[0]
    assert float(encours) == pytest.approx(LCR_NOMINAL)


def test_enonce_cite_les_donnees_des_tests(source):
    texte = "\n".join(c.source for c in source.cells if c.cell_type == "markdown")
    for morceau in (
        "3 850,00 € HT",
        "escompte de règlement de 2 %",
        "valeur nominale 2 565,86 €",
        "échéance le 14 décembre 2026",
        "lundi 2 novembre 2026",
        "6,5 %",
        "commission de service de 5,50 € HT",
        "3 038,67 € HT",
        "3 646,40 € TTC",
        "**5 juin 2026**",
        "**24 juin 2026**",
        "**12 %**",
        "**14 400 € HT**",
        "**5,4 %**",
        "**premier loyer de 1 440 €**",
        "**36 loyers mensuels de 372 €**",
        "**option d'achat de 720 €**",
        "**36 loyers mensuels de 445 €**",
        "**4 %** par an",
        "7,8 % par an",
    ):
        assert morceau in texte, morceau


def test_points_annonces(source):
    """Chaque énoncé annonce les points de sa cellule de test ; 15 + 5 = 20."""
    points = onb.points(source)
    cellules = onb.cellules_nbgrader(source)
    for q in QUESTIONS:
        titre = cellules[f"enonce_{q}"].source.splitlines()[0]
        annonce = re.search(r"\((\d+(?:,\d+)?) points?\)", titre).group(1)
        assert float(annonce.replace(",", ".")) == points[f"test_{q}"], q
    assert sum(points[f"test_{q}"] for q in QUESTIONS) == 15
    assert points["reponse_q9"] == 5
    assert "15 points corrigés automatiquement, 5 points" in " ".join(
        cellules["titre"].source.split()
    )


# --------------------------------------------------------------------------- les valeurs du corrigé


def test_q1_escompte_de_reglement(corrige):
    # 3 850 × 2 % = 77 ; net financier 3 773 ; TVA 754,60 ; TTC 4 527,60
    assert corrige["facture_comptant"] == {
        "escompte": pytest.approx(77.0),
        "net_a_payer_ttc": pytest.approx(4527.60),
    }
    assert list(corrige["facture_comptant"]) == ["escompte", "net_a_payer_ttc"]


def test_q2_taux_annuel_de_l_escompte(corrige):
    # 2 / 98 sur 60 jours, × 6 pour l'année commerciale
    assert corrige["taux_escompte_annuel"] == pytest.approx(2 / 98 * 6, abs=1e-12)
    assert round(corrige["taux_escompte_annuel"], 4) == 0.1224


def test_q3_bordereau_d_escompte(corrige):
    jours = (dt.date(2026, 12, 14) - dt.date(2026, 11, 2)).days + 1  # + 1 jour de banque
    assert jours == 43 == 28 + 14 + 1
    escompte = LCR_NOMINAL * TAUX_BANQUE * jours / 360
    agios = escompte + COMMISSION_HT * 1.2
    bordereau = corrige["bordereau"]
    assert list(bordereau) == ["jours", "escompte", "agios_ttc", "valeur_nette"]
    assert bordereau["jours"] == 43 and float(bordereau["jours"]).is_integer()
    assert bordereau["escompte"] == pytest.approx(escompte)
    assert bordereau["agios_ttc"] == pytest.approx(agios)
    assert bordereau["valeur_nette"] == pytest.approx(LCR_NOMINAL - agios)
    assert [round(bordereau[k], 2) for k in ("escompte", "agios_ttc", "valeur_nette")] == [
        19.92,
        26.52,
        2539.34,
    ]


def test_q4_penalites_de_retard(corrige):
    jours = (dt.date(2026, 6, 24) - dt.date(2026, 6, 5)).days
    assert jours == 19
    attendu = FACTURE_TTC * TAUX_PENALITES * jours / 365 + 40
    assert corrige["penalites"] == pytest.approx(attendu)
    assert round(corrige["penalites"], 2) == 62.78


def test_q5_mensualite(corrige):
    attendu = npf.pmt(TAUX_EMPRUNT / 12, MOIS, -CAPITAL)
    assert corrige["mensualite"] == pytest.approx(attendu, abs=1e-9)
    assert round(corrige["mensualite"], 2) == 434.17


def _echeancier_numpy_financial() -> pd.DataFrame:
    i, periodes = TAUX_EMPRUNT / 12, np.arange(1, MOIS + 1)
    interets = -npf.ipmt(i, periodes, MOIS, CAPITAL)
    amortissement = -npf.ppmt(i, periodes, MOIS, CAPITAL)
    capital_fin = -npf.fv(i, periodes, npf.pmt(i, MOIS, CAPITAL), CAPITAL)
    return pd.DataFrame(
        {
            "echeance": periodes,
            "capital_debut": capital_fin + amortissement,
            "interets": interets,
            "amortissement": amortissement,
            "mensualite": interets + amortissement,
            "capital_fin": capital_fin,
        }
    )


def test_q6_tableau_de_remboursement(corrige):
    tableau = corrige["tableau_emprunt"]
    attendu = _echeancier_numpy_financial()
    assert list(tableau.columns) == list(attendu.columns)
    assert len(tableau) == 36
    assert tableau["echeance"].tolist() == list(range(1, 37))
    np.testing.assert_allclose(
        tableau.drop(columns="echeance").to_numpy(dtype=float),
        attendu.drop(columns="echeance").to_numpy(dtype=float),
        atol=1e-6,
    )
    assert tableau["capital_fin"].iloc[-1] == 0


def test_q7_interets_de_la_2e_annee_et_cout_du_credit(corrige):
    i = TAUX_EMPRUNT / 12
    annee_2 = -npf.ipmt(i, np.arange(13, 25), MOIS, CAPITAL).sum()
    cout = MOIS * npf.pmt(i, MOIS, -CAPITAL) - CAPITAL
    assert corrige["cout_emprunt"] == {
        "interets_annee_2": pytest.approx(annee_2),
        "cout_credit": pytest.approx(cout),
    }
    assert round(cout, 2) == 1230.18


def test_q8_comparaison_des_financements(corrige):
    i = TAUX_PLACEMENT / 12
    a = npf.pmt(TAUX_EMPRUNT / 12, MOIS, -CAPITAL)
    flux = {
        "Emprunt": np.r_[0.0, np.full(MOIS, a)],
        "LOA": np.r_[1440.0, np.full(MOIS - 1, 372.0), 372.0 + 720.0],
        "LLD": np.r_[0.0, np.full(MOIS, 445.0)],
    }
    comparaison = corrige["comparaison"]
    assert list(comparaison.columns) == ["solution", "cout_total", "valeur_actuelle"]
    assert comparaison["solution"].tolist() == ["Emprunt", "LOA", "LLD"]
    for ligne in comparaison.itertuples():
        assert ligne.cout_total == pytest.approx(flux[ligne.solution].sum())
        # npf.npv : le premier flux est à la date 0 (la signature), non actualisé
        assert ligne.valeur_actuelle == pytest.approx(npf.npv(i, flux[ligne.solution]))
    assert comparaison["cout_total"].round(2).tolist() == [15630.18, 15552.0, 16020.0]
    assert comparaison["valeur_actuelle"].round(2).tolist() == [14705.73, 14678.64, 15072.49]


# --------------------------------------------------------------------------- erreurs types


def test_chaque_erreur_type_depasse_la_tolerance(corrige):
    """La réponse d'une erreur type s'écarte de la bonne de plus que l'écart toléré."""
    erreurs = onb.charger_erreurs_types(DEVOIR)
    assert {e.cellule.removeprefix("reponse_") for e in erreurs} == set(QUESTIONS)
    for erreur in erreurs:
        variable, tolerance = QUESTIONS[erreur.cellule.removeprefix("reponse_")]
        espace = onb.variables_avec_erreur(corrige, erreur, retirer=[variable])
        faux, juste = _nombres(espace[variable]), _nombres(corrige[variable])
        assert faux.shape == juste.shape, erreur.id
        assert np.max(np.abs(faux - juste)) > tolerance, erreur.id


# --------------------------------------------------------------------------- le corrigé rédigé


def test_proposition_de_corrige_cite_les_bons_chiffres(corrige, source):
    (texte,) = onb.regions(
        onb.cellules_nbgrader(source)["reponse_q9"].source, onb.DEBUT_SOLUTION, onb.FIN_SOLUTION
    )
    texte = " ".join(texte.replace(">", " ").split())
    comparaison = corrige["comparaison"].set_index("solution")
    bordereau = corrige["bordereau"]
    chiffres = [
        _euros(corrige["facture_comptant"]["escompte"]),
        _euros(corrige["facture_comptant"]["net_a_payer_ttc"]),
        _euros(NET_COMMERCIAL * 1.2),
        _euros(100 * corrige["taux_escompte_annuel"]) + " %",
        _euros(comparaison.loc["LOA", "cout_total"], 0) + " €",
        _euros(comparaison.loc["LOA", "valeur_actuelle"]),
        _euros(comparaison.loc["Emprunt", "cout_total"]),
        _euros(comparaison.loc["Emprunt", "valeur_actuelle"]),
        _euros(corrige["cout_emprunt"]["cout_credit"]),
        _euros(comparaison.loc["LLD", "cout_total"], 0) + " €",
        _euros(comparaison.loc["LLD", "valeur_actuelle"]),
        _euros(CAPITAL * (1 - TAUX_ESCOMPTE), 0) + " €",
        _euros(corrige["penalites"]),
        _euros(corrige["penalites"] - 40),
        _euros(bordereau["agios_ttc"]),
        _euros(bordereau["valeur_nette"]),
        _euros(LCR_NOMINAL + NET_COMMERCIAL * 1.2),
    ]
    for chiffre in chiffres:
        assert chiffre in texte, chiffre
    # « environ 59 € » d'intérêts de découvert ; « environ 400 € de plus » pour la LLD
    decouvert = corrige["facture_comptant"]["net_a_payer_ttc"] * 0.078 * 60 / 360
    assert round(decouvert) == 59
    ecart_lld = (
        comparaison.loc["LLD", "valeur_actuelle"] - comparaison.loc["LOA", "valeur_actuelle"]
    )
    assert 380 < ecart_lld < 420
