"""Les valeurs du corrigé du devoir S531-seuil-rentabilite, contre des calculs indépendants.

Rapide (ni nbgrader, ni noyau) : les cellules du corrigé sont exécutées dans ce processus
(``outils_nbgrader.variables_du_corrige``), puis chaque réponse est comparée à un calcul
fait ici sans les fonctions de ``gc_helpers`` : arithmétique écrite à la main à partir des
nombres de l'énoncé (conventions DESIGN §4) et pandas sur les CSV de ``data/``. On vérifie
aussi que les valeurs « on admet que… » des énoncés sont bien les résultats des questions
précédentes, que les chiffres de la proposition de corrigé de la question rédigée sont
justes, et que chaque erreur type enregistrée donne une valeur refusée à la tolérance
annoncée. La chaîne nbgrader complète est testée par ``tests/test_devoirs.py``.
"""

from __future__ import annotations

import datetime as dt
import math

import outils_nbgrader as onb
import pandas as pd
import pytest

DEVOIR = "S531-seuil-rentabilite"
DONNEES = onb.RACINE / "data"

CA_ATTENDU = 78_000  # énoncé, partie 3
CHARGES_PROPRES = [8_640, 1_260, 1_850, 2_460, 2_150, 1_340, 860]  # budget, hors stand


# --------------------------------------------------------------------------
# Calculs indépendants
# --------------------------------------------------------------------------


def _csv(nom: str) -> pd.DataFrame:
    return pd.read_csv(DONNEES / f"{nom}.csv")


@pytest.fixture(scope="module")
def salons() -> pd.DataFrame:
    campagnes = _csv("campagnes")
    return campagnes[campagnes["media"] == "salon"].sort_values("date_debut")


@pytest.fixture(scope="module")
def lignes_hotels_2025() -> pd.DataFrame:
    commandes = _csv("commandes")
    commandes = commandes[
        (pd.to_datetime(commandes["date_commande"]).dt.year == 2025)
        & (commandes["statut"] != "annulée")
    ]
    clients = _csv("clients")[["id_client", "secteur_activite"]]
    lignes = (
        _csv("lignes_commande")
        .merge(commandes[["id_commande", "id_client"]], on="id_commande")
        .merge(clients, on="id_client")
        .merge(_csv("produits")[["id_produit", "cout_achat_ht"]], on="id_produit")
    )
    return lignes[lignes["secteur_activite"] == "hôtel"]


def _jours_360(jour: int, mois: int) -> int:
    """Jours d'exploitation de l'année, du jour (compté) à la fin de l'année, mois de 30 jours."""
    return (12 - mois) * 30 + (30 - jour + 1)


def _date_360(jour_de_l_annee: int, annee: int) -> dt.date:
    mois, jour = divmod(jour_de_l_annee - 1, 30)
    return dt.date(annee, mois + 1, jour + 1)


ANNUITE = 12_000 / 5
PREMIERE = ANNUITE * _jours_360(23, 11) / 360  # 38 jours
PLAN_LINEAIRE = {2026: PREMIERE, 2027: ANNUITE, 2028: ANNUITE, 2029: ANNUITE, 2030: ANNUITE}
PLAN_LINEAIRE[2031] = ANNUITE - PREMIERE
TAUX_DEGRESSIF = 0.20 * 1.75
DEGRESSIVE_2026 = 12_000 * TAUX_DEGRESSIF * 2 / 12
DEGRESSIVE_2027 = (12_000 - DEGRESSIVE_2026) * TAUX_DEGRESSIF
CHARGES_FIXES = sum(CHARGES_PROPRES) + ANNUITE
TAUX_CV = 0.58 + 0.05 + 0.02
MCV = CA_ATTENDU * (1 - TAUX_CV)
SEUIL = CHARGES_FIXES / (MCV / CA_ATTENDU)
SEUIL_DONNE = 59_885.71  # énoncés des questions 8 et 9
POINT_MORT = SEUIL_DONNE / CA_ATTENDU * 360


# --------------------------------------------------------------------------
# Ce qui est juste pour chaque question, à la tolérance annoncée dans son énoncé
# --------------------------------------------------------------------------


def _proche(x, y, tolerance) -> bool:
    try:
        return abs(float(x) - float(y)) <= tolerance + 1e-9
    except (TypeError, ValueError):
        return False


def _date(valeur):
    if isinstance(valeur, str):
        return dt.datetime.strptime(valeur.strip(), "%d/%m/%Y").date()
    return pd.Timestamp(valeur).date()


def _juste(question: str, ns: dict, attendus: dict) -> bool:
    a = attendus[question]
    if question == "q3":
        plan = {int(k): v for k, v in dict(ns["dotations_lineaires"]).items()}
        return list(plan) == list(a) and all(_proche(plan[k], a[k], 0.01) for k in a)
    if question == "q6":
        compte = dict(ns["compte_resultat"])
        if list(compte) != list(a):
            return False
        return all(_proche(compte[k], a[k], 0.001 if k.startswith("taux") else 1) for k in a)
    if question == "q8":
        return _proche(ns["point_mort_jours"], a[0], 0.1) and _date(ns["date_point_mort"]) == a[1]
    if question == "q9":
        return _proche(ns["marge_securite"], a[0], 1) and _proche(
            ns["indice_securite"], a[1], 0.001
        )
    variable, tolerance = {
        "q1": ("ca_par_visiteur", 0.01),
        "q2": ("taux_cout_achat", 0.0005),
        "q4": ("dotation_degressive_2027", 0.01),
        "q5": ("charges_fixes", 1),
        "q7": ("seuil", 1),
    }[question]
    return _proche(ns[variable], a, tolerance)


@pytest.fixture(scope="module")
def attendus(salons, lignes_hotels_2025) -> dict:
    lignes = lignes_hotels_2025
    return {
        "q1": salons["ca_genere_ht"].sum() / salons["nb_retours"].sum(),
        "q2": (lignes["quantite"] * lignes["cout_achat_ht"]).sum() / lignes["montant_ht"].sum(),
        "q3": PLAN_LINEAIRE,
        "q4": DEGRESSIVE_2027,
        "q5": CHARGES_FIXES,
        "q6": {
            "chiffre_affaires": CA_ATTENDU,
            "charges_variables": CA_ATTENDU * TAUX_CV,
            "marge_sur_cout_variable": MCV,
            "taux_marge_sur_cout_variable": MCV / CA_ATTENDU,
            "charges_fixes": 20_960,
            "resultat": MCV - 20_960,
        },
        "q7": 20_960 / 0.35,
        "q8": (POINT_MORT, _date_360(math.ceil(POINT_MORT), 2027)),
        "q9": (CA_ATTENDU - SEUIL_DONNE, (CA_ATTENDU - SEUIL_DONNE) / CA_ATTENDU),
    }


@pytest.fixture(scope="module")
def corrige() -> dict:
    return onb.variables_du_corrige(DEVOIR)


@pytest.fixture(scope="module")
def source():
    return onb.lire_notebook(onb.DOSSIER_COURS / "source" / DEVOIR / f"{DEVOIR}.ipynb")


def _cellule(source, grade_id: str) -> str:
    (texte,) = [c.source for c in source.cells if onb.meta_nbgrader(c).get("grade_id") == grade_id]
    return texte


# --------------------------------------------------------------------------
# Le corrigé
# --------------------------------------------------------------------------


def test_valeurs_de_reference_du_manuel():
    """Les valeurs clés, écrites à la main comme dans un corrigé de manuel."""
    assert PREMIERE == pytest.approx(253.333333, abs=1e-6)  # 2 400 × 38 / 360
    assert sum(PLAN_LINEAIRE.values()) == pytest.approx(12_000)
    assert (DEGRESSIVE_2026, DEGRESSIVE_2027) == pytest.approx((700, 3_955))
    assert CHARGES_FIXES == 20_960
    assert (CA_ATTENDU * TAUX_CV, MCV, MCV - CHARGES_FIXES) == pytest.approx(
        (50_700, 27_300, 6_340)
    )
    assert SEUIL == pytest.approx(59_885.714286, abs=1e-6)
    assert POINT_MORT == pytest.approx(276.3956, abs=1e-4)
    assert _date_360(277, 2027) == dt.date(2027, 10, 7)


@pytest.mark.parametrize("question", [f"q{k}" for k in range(1, 10)])
def test_corrige_juste(corrige, attendus, question):
    assert _juste(question, corrige, attendus), question


def test_valeurs_donnees_par_les_enonces(corrige, attendus, source):
    """« On admet que… » : chaque valeur donnée est le résultat (arrondi) de sa question."""
    assert round(attendus["q1"]) == 435 and abs(180 * attendus["q1"] - CA_ATTENDU) < 500
    assert round(attendus["q2"], 2) == 0.58
    assert PLAN_LINEAIRE[2027] == 2_400
    assert attendus["q5"] == 20_960
    assert attendus["q6"]["taux_marge_sur_cout_variable"] == pytest.approx(0.35)
    assert round(attendus["q7"], 2) == SEUIL_DONNE
    enonces = {
        "partie_3": ["78 000 €", "dotation 2027 vaut 2 400 €", "5 % du CA HT", "2 % du CA HT"],
        "enonce_q6": ["58 % du CA HT", "20 960 €", "78 000 €"],
        "enonce_q7": ["**0,35**", "20 960 €"],
        "enonce_q8": ["59 885,71 €", "78 000 €"],
        "enonce_q9": ["59 885,71 €", "78 000 €"],
    }
    for grade_id, textes in enonces.items():
        texte = _cellule(source, grade_id)
        for morceau in textes:
            assert morceau in texte, (grade_id, morceau)


def test_chiffres_de_la_proposition_de_corrige(attendus, salons, source):
    """Les chiffres cités dans la proposition de corrigé de la question 10 sont justes."""
    corrige_q10 = onb.normaliser_espaces(_cellule(source, "reponse_q10"))
    ca_visiteur = attendus["q1"]
    sans_2025 = salons[~salons["nom"].str.contains("2025")]
    visiteur_sans_2025 = sans_2025["ca_genere_ht"].sum() / sans_2025["nb_retours"].sum()
    ca_sans_2025 = 180 * visiteur_sans_2025
    edition_2025 = salons[salons["nom"].str.contains("2025")].iloc[0]
    pm_sans_2025 = SEUIL / ca_sans_2025 * 360
    charges_degressif = sum(CHARGES_PROPRES) + DEGRESSIVE_2027
    charges_completes = CHARGES_FIXES + 1_500

    def fr(x: float, decimales: int = 0) -> str:
        return f"{x:,.{decimales}f}".replace(",", " ").replace(".", ",")

    cites = [
        f"résultat de {fr(MCV - CHARGES_FIXES)} €",
        f"{fr(SEUIL)} € de CA",
        f"environ **{fr(SEUIL / ca_visiteur)} visiteurs**",
        "le **7 octobre 2027** (276 jours)",
        f"marge de sécurité** est de {fr(CA_ATTENDU - SEUIL)} €",
        f"**{fr(100 * (CA_ATTENDU - SEUIL) / CA_ATTENDU, 1)} %**",
        f"({fr(MCV)} / {fr(MCV - CHARGES_FIXES)} ≈ {fr(MCV / (MCV - CHARGES_FIXES), 1)})",
        f"({fr(edition_2025['ca_genere_ht'])} € pour {edition_2025['nb_retours']} visiteurs",
        f"près de {fr(edition_2025['ca_genere_ht'] / edition_2025['nb_retours'])} € par visiteur",
        f"on obtient {fr(visiteur_sans_2025)} € par visiteur, soit {fr(ca_sans_2025)} €",
        f"le résultat tombe à {fr(ca_sans_2025 * 0.35 - CHARGES_FIXES)} €",
        f"l'indice de sécurité à {fr(100 * (ca_sans_2025 - SEUIL) / ca_sans_2025)} %",
        f"point mort au {_date_360(math.ceil(pm_sans_2025), 2027).day} novembre",
        f"la dotation 2027 passe à {fr(DEGRESSIVE_2027)} €",
        f"charges fixes à {fr(charges_degressif)} €",
        f"le seuil à {fr(charges_degressif / 0.35)} €",
        f"le résultat à {fr(MCV - charges_degressif)} €",
        f"le seuil monte à {fr(charges_completes / 0.35)} €",
        f"le résultat à {fr(MCV - charges_completes)} €",
    ]
    assert _date_360(math.ceil(pm_sans_2025), 2027).month == 11
    manquants = [texte for texte in cites if texte not in corrige_q10]
    assert not manquants, manquants


# --------------------------------------------------------------------------
# Les erreurs types
# --------------------------------------------------------------------------


def test_chaque_erreur_type_est_refusee(corrige, attendus):
    """Chaque erreur type donne une valeur hors de la tolérance annoncée (ou hors de la forme)."""
    erreurs = onb.charger_erreurs_types(DEVOIR)
    assert len(erreurs) >= 2 * 9
    for erreur in erreurs:
        question = erreur.cellule.removeprefix("reponse_")
        espace = onb.variables_avec_erreur(corrige, erreur)
        assert not _juste(question, espace, attendus), erreur.id
