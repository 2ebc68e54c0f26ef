"""Widgets de S445 (plan média) et S823 (tournée, ratios de prospection), sans navigateur."""

from __future__ import annotations

import pandas as pd
import pytest
from outils_widgets import LIMITE_MS, chrono, visible

import gc_helpers as gc
from gc_helpers import widgets


@pytest.fixture(scope="module")
def con():
    return gc.connecter(par_defaut=False)


# --------------------------------------------------------------------------- plan média


def test_simuler_plan_media_a_la_main():
    # Cible 20 000 : presse 6 500 × 1 = 6 500 contacts (GRP 32,5 ; 2 850 €) ;
    # courriel 5 000 × 2 = 10 000 contacts (GRP 50 ; 900 €) ; plan 82,5 GRP, 3 750 €,
    # CPM = 3 750 / 16 500 × 1 000 = 227,27 €.
    s = widgets.simuler_plan_media(
        {"Presse professionnelle (pleine page)": 1, "Courriel (fichier loué)": 2},
        population_cible=20000,
        budget=3000,
    )
    assert s.total["grp"] == pytest.approx(82.5)
    assert s.total["cout"] == pytest.approx(3750)
    assert s.total["cpm"] == pytest.approx(3750 / 16500 * 1000)
    assert "Budget dépassé de 750,00" in s.remarques[0]
    assert "CPM le plus bas : Courriel" in s.remarques[1]  # 90 € contre 438,46 €
    with pytest.raises(gc.ErreurCours, match="Support inconnu : Télévision"):
        widgets.simuler_plan_media({"Télévision": 1})
    with pytest.raises(gc.ErreurCours, match="Aucune insertion"):
        widgets.simuler_plan_media({"Courriel (fichier loué)": 0})


def test_simulateur_plan_media_reagit_aux_curseurs():
    w = widgets.simulateur_plan_media(population_cible=20000, budget=12000)
    for c in w.curseurs.values():
        c.value = 0
    assert "Aucune insertion" in visible(w.resultat.value)
    w.curseurs["Réseaux sociaux (ciblage pro)"].value = 4  # 3 500 × 4 / 20 000 × 100 = 70 GRP
    texte = visible(w.resultat.value)
    assert "Plan : 70,0 GRP pour 3 200,00 € HT" in texte
    assert "Reste 8 800,00 €" in texte
    assert "<svg" in w.graphique.value
    w.saisie_cible.value = 3000  # audience d'un support > cible : message, pas de plantage
    assert "dépasse la population cible" in visible(w.resultat.value)


def test_simulateur_plan_media_rapide():
    w = widgets.simulateur_plan_media()
    curseur = w.curseurs["Courriel (fichier loué)"]

    def changer() -> None:
        curseur.value = 1 if curseur.value != 1 else 4

    assert chrono(changer) < LIMITE_MS


# --------------------------------------------------------------------------- tournée


def test_planifier_tournee_part_de_la_base_du_commercial(con):
    p = widgets.prospects_a_visiter(3, con)
    assert p["ca_potentiel_annuel"].is_monotonic_decreasing
    ids = p["id_prospect"].head(5).tolist()
    t = widgets.planifier_tournee(3, ids, con)
    assert t.ordre[0] == "Base : Roubaix"
    assert len(t.ordre) == 6 and t.km <= t.km_naif + 1e-9
    # La tournée naïve suit la liste reçue : base → 1er → … → 5e → base.
    com = pd.read_csv(gc.chemin_donnees("commerciaux.csv")).set_index("id_commercial").loc[3]
    points = p.set_index("id_prospect").loc[ids]
    lat = [com["latitude_base"], *points["latitude"], com["latitude_base"]]
    lon = [com["longitude_base"], *points["longitude"], com["longitude_base"]]
    attendu = sum(
        1.3 * gc.distance_km(lat[k], lon[k], lat[k + 1], lon[k + 1]) for k in range(len(lat) - 1)
    )
    assert t.km_naif == pytest.approx(attendu)
    with pytest.raises(gc.ErreurCours, match="au moins un prospect"):
        widgets.planifier_tournee(3, [], con)
    with pytest.raises(gc.ErreurCours, match="introuvable"):
        widgets.planifier_tournee(3, [999999], con)
    with pytest.raises(gc.ErreurCours, match="Le commercial 42 n'existe pas"):
        widgets.planifier_tournee(42, ids, con)


def test_planificateur_affiche_carte_et_economie(con):
    w = widgets.planificateur_tournee(con, id_commercial=3)
    assert len(w.choix_prospects.value) == 6
    texte = visible(w.bilan.value)
    assert "km économisés" in texte and "€" in texte
    assert w.carte.value.count("<circle") == 7  # la base + 6 prospects
    assert "Base : Roubaix" in visible(w.etapes.value)
    w.choix_commercial.value = 5  # Lyon : la liste et la carte changent
    assert "Base : Lyon" in visible(w.etapes.value)
    w.choix_prospects.value = tuple(v for _, v in w.choix_prospects.options[:13])
    if len(w.choix_prospects.options) >= 13:
        assert "au plus 12" in visible(w.bilan.value)


def test_planificateur_rapide(con):
    w = widgets.planificateur_tournee(con, id_commercial=1)
    options = [v for _, v in w.choix_prospects.options]

    def changer() -> None:
        n = 8 if len(w.choix_prospects.value) != 8 else 10
        w.choix_prospects.value = tuple(options[:n])

    assert chrono(changer) < LIMITE_MS


# --------------------------------------------------------------------------- ratios


def test_tableau_bord_ratios(con):
    w = widgets.tableau_bord_prospection(con)
    assert w.choix_periode.value == 2025  # la dernière année complète
    r = gc.ratios_par_commercial("2025-01-01", "2025-12-31", con)
    texte = visible(w.tableau.value)
    premier = r.iloc[0]
    assert premier["commercial"] in texte
    assert visible(gc.pourcentage(premier["transformation"])) in texte
    # Ratio de l'équipe : le ratio des totaux.
    equipe = r["ventes"].sum() / r["rdv"].sum()
    assert visible(gc.pourcentage(equipe)) in visible(w.graphique.value)
    assert "Le Goff" in w.graphique.value  # nom de famille en deux mots
    w.choix_ratio.value = "effort"
    assert "Effort de prospection" in w.graphique.value
    w.choix_periode.value = None
    assert len(w.ratios()) == len(gc.ratios_par_commercial(con=con))


def test_tableau_bord_rapide(con):
    w = widgets.tableau_bord_prospection(con)
    ratios = list(widgets.RATIOS)

    def changer() -> None:
        w.choix_ratio.value = ratios[(ratios.index(w.choix_ratio.value) + 1) % len(ratios)]

    assert chrono(changer) < LIMITE_MS
