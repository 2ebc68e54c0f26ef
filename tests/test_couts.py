"""Coûts commerciaux, seuil de rentabilité, amortissements, charge de travail (S531).

Chaque valeur attendue est calculée à la main dans le test (l'arithmétique est écrite),
jamais avec la fonction testée.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import gc_helpers as gc
from gc_helpers import couts


# ---------------------------------------------------------------- seuil de rentabilité
def test_seuil_point_mort_et_securite_a_la_main():
    # Action de fidélisation : CA 120 000, charges variables 72 000, charges fixes 30 000.
    r = couts.compte_resultat_differentiel(120_000, 72_000, 30_000)
    assert r["marge_sur_cout_variable"] == 120_000 - 72_000
    assert r["taux_marge_sur_cout_variable"] == pytest.approx(48_000 / 120_000)  # 40 %
    assert r["resultat"] == 48_000 - 30_000
    assert r["seuil_rentabilite"] == pytest.approx(30_000 / 0.40)  # 75 000
    assert r["point_mort"] == pytest.approx(75_000 / 120_000 * 360)  # 225 jours
    assert r["marge_securite"] == pytest.approx(120_000 - 75_000)
    assert r["indice_securite"] == pytest.approx(45_000 / 120_000)  # 37,5 %
    assert r["levier_operationnel"] == pytest.approx(48_000 / 18_000)
    # 225 jours = 7 mois de 30 jours + 15 jours : le 15 août.
    assert gc.date_point_mort(r["point_mort"]) == dt.date(2026, 8, 15)


def test_point_mort_en_mois_et_en_365_jours():
    # Salon : charges fixes 12 000, taux de MCV 30 %, CA attendu 64 000.
    seuil = gc.seuil_rentabilite(12_000, 0.30)
    assert seuil == pytest.approx(40_000)
    assert gc.point_mort(seuil, 64_000, jours=12) == pytest.approx(40_000 / 64_000 * 12)  # 7,5
    assert gc.point_mort(seuil, 64_000, jours=365) == pytest.approx(0.625 * 365)  # 228,125
    # 228,125 jours sur l'année civile : le 229e jour de 2026 est le 17 août.
    assert gc.date_point_mort(228.125, jours=365) == dt.date(2026, 8, 17)


def test_date_point_mort_fin_de_mois_et_debut_decale():
    # 360 jours : le dernier jour de l'exercice, le 31 décembre (mois de 30 jours → dernier jour).
    assert gc.date_point_mort(360) == dt.date(2026, 12, 31)
    # 60 jours depuis le 1er juillet : deux mois de 30 jours → fin août.
    assert gc.date_point_mort(60, debut="2026-07-01") == dt.date(2026, 8, 31)


def test_marges_separees():
    assert gc.marge_sur_cout_variable(50_000, 35_000) == 15_000
    assert gc.marge_securite(50_000, 40_000) == 10_000
    assert gc.indice_securite(50_000, 40_000) == pytest.approx(10_000 / 50_000)
    assert gc.levier_operationnel(15_000, -2_000) == pytest.approx(-7.5)


def test_seuil_mauvaises_entrees():
    with pytest.raises(gc.ErreurCours, match="0,4 pour 40 %"):
        gc.seuil_rentabilite(30_000, 40)
    with pytest.raises(gc.ErreurCours, match="taux de marge sur coût variable est nul"):
        gc.seuil_rentabilite(30_000, 0)
    with pytest.raises(gc.ErreurCours, match="positif ou nul"):
        gc.seuil_rentabilite(-30_000, 0.4)
    with pytest.raises(gc.ErreurCours, match="360 .* 365 .* 12"):
        gc.point_mort(75_000, 120_000, jours=30)
    with pytest.raises(gc.ErreurCours, match="strictement positif"):
        gc.point_mort(75_000, 0)
    with pytest.raises(gc.ErreurCours, match="virgule décimale"):
        gc.seuil_rentabilite("30 000", 0.4)
    with pytest.raises(gc.ErreurCours, match="marge sur coût variable n'est pas positive"):
        gc.compte_resultat_differentiel(100, 120, 10)
    with pytest.raises(gc.ErreurCours, match="résultat est nul"):
        gc.levier_operationnel(10_000, 0)
    with pytest.raises(gc.ErreurCours, match="pas atteint dans l'année"):
        gc.date_point_mort(400)
    with pytest.raises(gc.ErreurCours, match=r"au-delà de l'exercice \(365 jours\)"):
        gc.date_point_mort(366, jours=365)
    with pytest.raises(gc.ErreurCours, match="doit être une date"):
        gc.date_point_mort(100, debut="début d'année")
    with pytest.raises(gc.ErreurCours, match="commence le 1er d'un mois"):
        gc.date_point_mort(100, debut="2026-07-15")


# ---------------------------------------------------------------- coûts
def test_analyse_charges_cout_direct_et_complet():
    charges = pd.DataFrame(
        {
            "poste": ["location du stand", "déplacements", "échantillons", "quote-part du siège"],
            "montant": [3_500, 900, 600, 1_000],
            "nature": ["fixe", "variable", "variable", "fixe"],
            "affectation": ["directe", "directe", "directe", "indirecte"],
        }
    )
    r = gc.analyse_charges(charges)
    assert r["cout_direct"] == 3_500 + 900 + 600
    assert r["charges_indirectes"] == 1_000
    assert r["cout_complet"] == 5_000 + 1_000
    assert r["charges_fixes"] == 3_500 + 1_000
    assert r["charges_variables"] == 900 + 600


def test_analyse_charges_mauvaises_entrees():
    bonne = {"montant": [100], "nature": ["fixe"], "affectation": ["directe"]}
    with pytest.raises(gc.ErreurCours, match="valeurs permises : fixe, variable"):
        gc.analyse_charges(pd.DataFrame({**bonne, "nature": ["fix"]}))
    with pytest.raises(gc.ErreurCours, match="il manque la colonne 'affectation'"):
        gc.analyse_charges(pd.DataFrame({"montant": [100], "nature": ["fixe"]}))
    with pytest.raises(gc.ErreurCours, match="positif ou nul"):
        gc.analyse_charges(pd.DataFrame({**bonne, "montant": [-5]}))


# ---------------------------------------------------------------- amortissements
def test_lineaire_sans_date():
    plan = gc.amortissement_lineaire(12_000, 4)
    assert list(plan.columns) == [
        "exercice",
        "valeur_debut",
        "taux",
        "dotation",
        "cumul_dotations",
        "valeur_nette_fin",
    ]
    assert plan["exercice"].tolist() == [1, 2, 3, 4]
    assert plan["dotation"].tolist() == [3_000] * 4  # 12 000 / 4
    assert plan["valeur_nette_fin"].tolist() == [9_000, 6_000, 3_000, 0]
    assert plan["taux"].tolist() == [0.25] * 4


def test_lineaire_prorata_temporis_1er_octobre():
    # Tablettes 3 600 € sur 3 ans, mises en service le 1er octobre 2026 :
    # 3 mois × 30 = 90 jours ; 2026 : 1 200 × 90 / 360 = 300 ; 2029 : 1 200 − 300 = 900.
    plan = gc.amortissement_lineaire(3_600, 3, dt.date(2026, 10, 1))
    assert plan["exercice"].tolist() == [2026, 2027, 2028, 2029]
    assert plan["dotation"].tolist() == pytest.approx([300, 1_200, 1_200, 900])
    assert plan["valeur_debut"].tolist() == pytest.approx([3_600, 3_300, 2_100, 900])
    assert plan["cumul_dotations"].tolist() == pytest.approx([300, 1_500, 2_700, 3_600])
    assert plan["valeur_nette_fin"].iloc[-1] == pytest.approx(0)


def test_lineaire_jour_compte_et_31_du_mois():
    # Mis en service le 31 mars : le 31 compte comme le 30, soit 1 jour + 9 × 30 = 271 jours.
    plan = gc.amortissement_lineaire(7_200, 4, "2026-03-31")
    assert plan["dotation"].iloc[0] == pytest.approx(1_800 * 271 / 360)
    # Le 1er janvier : exercice complet, pas de ligne de complément.
    assert len(gc.amortissement_lineaire(7_200, 4, "2026-01-01")) == 4


def test_degressif_machine_15_avril_5_ans():
    # 50 000 € sur 5 ans, coefficient 1,75 : taux 35 % ; acquis le 15 avril → 9 mois en N.
    plan = gc.amortissement_degressif(50_000, 5, "2026-04-15")
    d1 = 50_000 * 0.35 * 9 / 12  # 13 125
    d2 = (50_000 - d1) * 0.35  # 36 875 × 35 % = 12 906,25 (linéaire 1/4 = 25 % : moins)
    d3 = (50_000 - d1 - d2) * 0.35  # 23 968,75 × 35 % = 8 389,06 (1/3 = 33,3 % : moins)
    vnc3 = 50_000 - d1 - d2 - d3  # 15 579,6875
    d4 = vnc3 / 2  # 1/2 = 50 % > 35 % : passage au linéaire, 7 789,84
    assert plan["exercice"].tolist() == [2026, 2027, 2028, 2029, 2030]
    assert plan["dotation"].tolist() == pytest.approx([d1, d2, d3, d4, d4])
    assert plan["taux"].tolist() == pytest.approx([0.35, 0.35, 0.35, 0.5, 0.5])
    assert plan["valeur_nette_fin"].iloc[-1] == pytest.approx(0, abs=1e-9)
    assert plan["valeur_debut"].iloc[1] == pytest.approx(36_875)


def test_degressif_coefficients():
    assert [gc.coefficient_degressif(n) for n in (3, 4, 5, 6, 7, 10)] == [
        1.25,
        1.25,
        1.75,
        1.75,
        2.25,
        2.25,
    ]
    # 4 ans, acquis en janvier : taux 25 % × 1,25 = 31,25 % ; 12 mois en N.
    plan = gc.amortissement_degressif(10_000, 4, "2026-01-20")
    d1 = 10_000 * 0.3125  # 3 125
    d2 = (10_000 - d1) * 0.3125  # 6 875 × 31,25 % = 2 148,4375 (1/3 = 33,3 % donne plus !)
    # 1/3 > 31,25 % : dès la 2e année, linéaire sur 3 ans : 6 875 / 3.
    assert plan["dotation"].tolist() == pytest.approx([d1, 6_875 / 3, 6_875 / 3, 6_875 / 3])
    assert d2 < 6_875 / 3


def test_amortissement_mauvaises_entrees():
    with pytest.raises(gc.ErreurCours, match="au moins 3 ans"):
        gc.amortissement_degressif(5_000, 2, "2026-01-01")
    with pytest.raises(gc.ErreurCours, match="doit être une date"):
        gc.amortissement_degressif(5_000, 5, "le 15 avril")
    with pytest.raises(gc.ErreurCours, match="nombre entier d'au moins 1"):
        gc.amortissement_lineaire(5_000, 2.5)
    with pytest.raises(gc.ErreurCours, match="strictement positif"):
        gc.amortissement_lineaire(0, 3)


# ---------------------------------------------------------------- charge de travail
def test_charge_de_travail_methode_des_frequences():
    # A : 200 clients × 24 visites, B : 500 × 12, C : 1 000 × 6 → 4 800 + 6 000 + 6 000 visites.
    categories = pd.DataFrame(
        {
            "categorie": ["A", "B", "C"],
            "nb_clients": [200, 500, 1_000],
            "visites_par_an": [24, 12, 6],
            "duree_visite_h": [2, 2, 2],
        }
    )
    r = gc.charge_de_travail(categories, 210 * 8, effectif_actuel=18)
    assert r.visites == 16_800
    assert r.heures == 16_800 * 2
    assert r.effectif_theorique == pytest.approx(33_600 / 1_680)  # 20 commerciaux
    assert r.effectif_necessaire == 20
    assert r.ecart == 2
    assert "il manque 2 commercial" in r.conclusion
    assert r.tableau["visites"].tolist() == [4_800, 6_000, 6_000]


def test_charge_de_travail_durees_differentes_et_arrondi():
    categories = pd.DataFrame(
        {
            "categorie": ["grands comptes", "réguliers", "occasionnels"],
            "nb_clients": [40, 120, 300],
            "visites_par_an": [12, 6, 2],
            "duree_visite_h": [1.5, 1, 0.75],
        }
    )
    heures = 40 * 12 * 1.5 + 120 * 6 * 1 + 300 * 2 * 0.75  # 720 + 720 + 450 = 1 890
    dispo = 210 * 8 * 0.75  # 1 260 h de clientèle par commercial
    assert gc.temps_disponible(210, 8, 0.75) == dispo
    r = gc.charge_de_travail(categories, dispo, effectif_actuel=3)
    assert r.heures == pytest.approx(heures)
    assert r.effectif_theorique == pytest.approx(1_890 / 1_260)  # 1,5
    assert r.effectif_necessaire == 2
    assert r.ecart == -1
    assert "1 commercial(aux) en trop" in r.conclusion
    assert gc.charge_de_travail(categories, dispo).ecart is None


def test_charge_de_travail_mauvaises_entrees():
    with pytest.raises(gc.ErreurCours, match="il manque la colonne 'visites_par_an'"):
        gc.charge_de_travail(pd.DataFrame({"categorie": ["A"], "nb_clients": [3]}), 1_000)
    with pytest.raises(gc.ErreurCours, match="au plus 366 jours"):
        gc.temps_disponible(8, 210)
    with pytest.raises(gc.ErreurCours, match="0,75 pour 75 %"):
        gc.temps_disponible(210, 8, 75)
    vide = pd.DataFrame(columns=["categorie", "nb_clients", "visites_par_an", "duree_visite_h"])
    with pytest.raises(gc.ErreurCours, match="vide"):
        gc.charge_de_travail(vide, 1_000)
