"""Widgets de S531 : simulateur de seuil de rentabilité, calculateur de charge (sans navigateur)."""

from __future__ import annotations

import pandas as pd
from outils_widgets import LIMITE_MS, chrono, visible

import gc_helpers as gc
from gc_helpers import widgets


def test_simulateur_seuil_suit_les_saisies():
    w = widgets.simulateur_seuil()
    # 120 000 − 72 000 = 48 000 de MCV (40 %) ; seuil 30 000 / 0,4 = 75 000 ; 225 jours.
    texte = visible(w.resultat.value)
    assert "Seuil de rentabilité : 75 000,00 €" in texte
    assert "point mort au bout de 225,0 jours" in texte
    assert "indice de sécurité 37,5" in texte
    assert w.graphique.value.startswith("<svg")
    w.saisie_cf.value = 36_000  # seuil 36 000 / 0,4 = 90 000 ; 90 000 / 120 000 × 12 = 9 mois
    w.choix_jours.value = 12
    texte = visible(w.resultat.value)
    assert "90 000,00 €" in texte and "9,0 mois" in texte


def test_simulateur_seuil_explique_une_erreur():
    w = widgets.simulateur_seuil()
    w.saisie_cv.value = 130_000
    assert "marge sur coût variable n'est pas positive" in visible(w.resultat.value)
    assert w.graphique.value == ""
    w.saisie_cv.value = 72_000
    w.saisie_cf.value = 200_000  # seuil 500 000 > CA : pas atteint dans l'année
    assert "seuil non atteint dans l'année" in visible(w.resultat.value)


def test_calculateur_charge_suit_les_saisies():
    cat = pd.DataFrame(
        {
            "categorie": ["A", "B"],
            "nb_clients": [100, 300],
            "visites_par_an": [10, 4],
            "duree_visite_h": [2, 1],
        }
    )
    w = widgets.calculateur_charge(cat, effectif_actuel=1)
    # 100 × 10 × 2 + 300 × 4 × 1 = 3 200 h ; 210 × 8 × 0,7 = 1 176 h → 2,72 → 3 commerciaux.
    texte = visible(w.resultat.value)
    assert "3 200 heures" in texte and "1 176 heures" in texte
    assert "2,72 commerciaux" in texte and "il manque 2" in texte
    w.saisies["B"][1].value = 0  # plus de visites aux B : 2 000 h → 1,70 → 2
    assert "1,70 commerciaux" in visible(w.resultat.value)
    w.saisie_heures.value = 30
    assert "au plus 366 jours" in visible(w.resultat.value)


def test_durees_des_calculs():
    seuil = widgets.simulateur_seuil()
    charge = widgets.calculateur_charge()

    def changer_seuil():
        seuil.saisie_cf.value = 31_000 if seuil.saisie_cf.value == 30_000 else 30_000

    def changer_charge():
        w = charge.curseur_part
        w.value = 0.75 if w.value == 0.7 else 0.7

    assert chrono(changer_seuil) < LIMITE_MS
    assert chrono(changer_charge) < LIMITE_MS


def test_pipeline_affaires_etapes_et_ponderation():
    con = gc.connecter()
    p = gc.pipeline_affaires(con)
    # Les affaires en cours sont les prospects « nouveau » ou « en cours ».
    attendu = gc.requete(
        "SELECT count(*) AS n FROM prospects WHERE statut IN ('nouveau', 'en cours')", con
    )["n"].iloc[0]
    assert len(p) == attendu
    assert set(p["etape"]) <= set(gc.ETAPES)
    ligne = p.iloc[0]
    assert ligne["ca_pondere"] == ligne["ca_potentiel"] * gc.ETAPES[ligne["etape"]]
    # Une affaire à un seul contact est au « premier contact » ou a obtenu un rendez-vous.
    assert set(p.loc[p["nb_contacts"] == 1, "etape"]) <= {"premier contact", "rendez-vous obtenu"}
    s = gc.synthese_pipeline(p)
    assert s["nb_affaires"].sum() == len(p)
    assert s["ca_pondere"].sum() == pd.Series(p["ca_pondere"]).sum()
    # Probabilités modifiées : la négociation à 100 % pondère son CA potentiel entier.
    p2 = gc.pipeline_affaires(con, probabilites={"négociation": 1.0})
    nego = p2[p2["etape"] == "négociation"]
    assert (nego["ca_pondere"] == nego["ca_potentiel"]).all()
    # Ancienneté : du premier contact au 31/10/2026.
    premier = pd.Timestamp(p["date_premier_contact"].iloc[0])
    assert p["anciennete_jours"].iloc[0] == (pd.Timestamp("2026-10-31") - premier).days


def test_pipeline_mauvaises_entrees():
    import pytest

    with pytest.raises(gc.ErreurCours, match="0,5 pour 50 %"):
        gc.pipeline_affaires(probabilites={"négociation": 50})
    with pytest.raises(gc.NomInconnu, match="négociation"):
        gc.pipeline_affaires(probabilites={"negociation": 0.5})
    with pytest.raises(gc.ErreurCours, match="il manque les colonnes"):
        gc.synthese_pipeline(pd.DataFrame({"etape": ["négociation"]}))
