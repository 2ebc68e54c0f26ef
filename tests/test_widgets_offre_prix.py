"""Widgets S442/S443 : constructeur de devis, simulateur de prix, prix psychologique."""

from __future__ import annotations

import pandas as pd
import pytest
from outils_widgets import LIMITE_MS, chrono, visible

import gc_helpers as gc
from gc_helpers.widgets import (
    constructeur_devis,
    construire_devis,
    graphique_prix_psychologique,
    simulateur_prix,
    simulation_prix,
    ventes_12_mois,
)


@pytest.fixture(scope="module")
def devis_widget():
    return constructeur_devis()


def test_constructeur_devis_cascade_et_deux_taux(devis_widget):
    w = devis_widget
    w.choisir(0, "TM-PL-001", 12)  # plaid polaire 14,90 € HT
    w.choisir(1, "TM-LL-004", 100, 0.055)  # taux réduit choisi pour l'exercice
    w.remise_1.value, w.remise_2.value, w.escompte.value = 10, 5, 2
    w.port.value, w.acompte.value, w.client.value = 35, 100, "Hôtel <Test>"
    texte = visible(w.resultat.value)
    brut = 12 * 14.90 + 100 * 5.90  # 768,80
    net_commercial = brut * 0.90 * 0.95
    financier = net_commercial * 0.98
    tva = 12 * 14.90 * 0.855 * 0.98 * 0.20 + 100 * 5.90 * 0.855 * 0.98 * 0.055 + 35 * 0.20
    attendu = financier + 35 + tva - 100
    assert gc.euros(net_commercial).replace("\u202f", " ").replace("\xa0", " ") in texte
    assert gc.euros(attendu).replace("\u202f", " ").replace("\xa0", " ") in texte
    assert "Net à payer" in texte and "TVA 5,50 %" in texte
    assert "&lt;Test&gt;" in w.resultat.value  # le nom saisi est échappé


def test_devis_vide_ou_errone_message_en_francais(devis_widget):
    w = constructeur_devis()
    assert "Le devis est vide" in visible(w.resultat.value)
    with pytest.raises(gc.ErreurCours, match="référence inconnue"):
        construire_devis([("XX-000", 1, 0.2)], gc.table("produits"))


def test_simulation_prix_a_la_main():
    t = simulation_prix(40, 1000, 25, -1.5, 36)
    volume = 1000 * (36 / 40) ** -1.5
    assert t["volume"].tolist() == pytest.approx([1000, volume])
    assert t["marge"].tolist() == pytest.approx([15_000, 11 * volume])


def test_ventes_12_mois_contre_une_requete_independante():
    v = ventes_12_mois().set_index("reference")
    lignes = gc.table("lignes_commande").merge(gc.table("commandes"), on="id_commande")
    recentes = lignes[pd.to_datetime(lignes["date_commande"]) > pd.Timestamp("2025-10-31")]
    produits = gc.table("produits").set_index("id_produit")
    par_ref = recentes.groupby("id_produit")["quantite"].sum()
    par_ref.index = produits.loc[par_ref.index, "reference"]
    for ref in ("TM-PL-001", "TM-SE-001", "TM-LL-012"):
        assert v.loc[ref, "quantite_12_mois"] == par_ref.get(ref, 0)
    assert len(v) == 61


def test_simulateur_prix_reagit():
    w = simulateur_prix("TM-PL-001", -2)
    p0 = w.curseur_prix.value
    assert p0 == pytest.approx(14.90)
    w.curseur_prix.value = 16.4
    texte = visible(w.resultat.value)
    assert "Prix simulé" in texte and "de marge" in texte
    assert "<svg" in w.graphique.value
    w.produit.value = "TM-LL-012"
    assert w.curseur_prix.value == pytest.approx(179)


def test_graphique_prix_psychologique_sur_l_enquete():
    e = pd.read_csv(gc.chemin_donnees("enquete_prix.csv"))
    w = graphique_prix_psychologique(e["prix_mini"], e["prix_maxi"])
    p = w.curseur_prix.value
    part = ((e["prix_mini"] <= p) & (e["prix_maxi"] >= p)).mean()
    assert gc.pourcentage(part, 1).replace("\u202f", " ").replace("\xa0", " ") in visible(
        w.lecture.value
    )
    w.curseur_prix.value = 99.0
    assert "À 99 €" in visible(w.lecture.value)


def test_durees_des_interactions(devis_widget, capsys):
    e = pd.read_csv(gc.chemin_donnees("enquete_prix.csv"))
    simulateur = simulateur_prix()
    graphique = graphique_prix_psychologique(e["prix_mini"], e["prix_maxi"])
    devis_widget.choisir(0, "TM-PL-001", 12)
    durees = {
        "devis": chrono(devis_widget.actualiser),
        "simulateur de prix": chrono(simulateur.actualiser),
        "prix psychologique": chrono(graphique.actualiser),
    }
    with capsys.disabled():
        print({k: round(v, 1) for k, v in durees.items()})
    assert max(durees.values()) < LIMITE_MS, durees


def test_choix_du_client_reprend_ses_conditions():
    w = constructeur_devis()
    w.choisir(0, "TM-LL-005", 60)
    w.choix_client.value = 3041
    fiche = gc.requete(
        """
        SELECT avg(l.taux_remise) AS remise, any_value(c.conditions_paiement) AS conditions
        FROM clients c JOIN commandes o USING (id_client) JOIN lignes_commande l USING (id_commande)
        WHERE c.id_client = 3041 AND o.date_commande >= DATE '2025-01-01'
        """
    ).iloc[0]
    assert w.client.value == "Auberge Les Glycines"
    assert w.remise_1.value == round(fiche["remise"] * 200) / 2  # au demi-point près
    assert fiche["conditions"] in visible(w.conditions.value)
    assert "Auberge Les Glycines" in visible(w.resultat.value)
    net = 60 * 18.50 * (1 - w.remise_1.value / 100) * 1.20
    assert gc.euros(net).replace("\u202f", " ").replace("\xa0", " ") in visible(w.resultat.value)
