"""Le contrat d'API publique de DESIGN §3 : chaque nom existe dans son module, est le même
objet au niveau du paquet (``gc.<nom>``) et commence par les paramètres prévus."""

from __future__ import annotations

import importlib
import inspect

import pytest

import gc_helpers as gc

CONTRAT = {
    "donnees": {
        "connecter": [],
        "requete": ["sql", "con"],
        "tables": [],
        "table": ["nom"],
        "reinitialiser": [],
    },
    "finance": {
        "nombre_de_jours": ["debut", "fin", "jours_de_banque"],
        "interet_simple": ["capital", "taux", "jours", "base"],
        "escompte_commercial": ["valeur_nominale", "taux", "jours", "base"],
        "valeur_actuelle_commerciale": ["valeur_nominale", "taux", "jours", "base"],
        "agios": ["valeur_nominale", "taux", "jours", "commissions_fixes_ht", "taux_tva", "base"],
        "penalites_retard": ["montant_ttc", "taux_annuel", "jours_retard", "indemnite_forfaitaire"],
        "valeur_acquise": ["capital", "taux", "periodes"],
        "valeur_actuelle": ["capital", "taux", "periodes"],
        "valeur_acquise_annuites": ["annuite", "taux", "periodes"],
        "valeur_actuelle_annuites": ["annuite", "taux", "periodes"],
        "annuite_constante": ["capital", "taux", "periodes"],
        "tableau_amortissement": ["capital", "taux", "periodes", "mode"],
    },
    "statistiques": {
        "indicateurs": ["valeurs"],
        "ajustement_lineaire": ["y", "x", "methode"],
    },
    "prevision": {
        "moyennes_mobiles": ["serie", "ordre"],
        "coefficients_saisonniers": ["serie", "periode", "methode", "modele"],
        "prevision_saisonniere": ["serie", "periode", "horizon"],
    },
    "portefeuille": {
        "segmentation_abc": ["donnees", "valeur", "critere", "seuils"],
        "courbe_lorenz": ["valeurs"],
        "indice_gini": ["valeurs"],
        "rfm": ["commandes"],
    },
    "valeur_client": {
        "valeur_client": ["marge_annuelle", "taux_fidelite", "taux_actualisation", "duree"],
        "cout_acquisition_client": ["depenses", "nouveaux_clients"],
        "retour_sur_investissement": ["gain", "cout"],
    },
    "risque": {
        "delai_moyen_reglement_clients": ["creances_ttc", "ca_ttc", "jours"],
        "rotation_stocks": ["stock_moyen", "cout_achat_marchandises_vendues"],
        "duree_moyenne_stockage": ["stock_moyen", "cout_achat_marchandises_vendues", "jours"],
        "balance_agee": ["factures", "date_reference"],
    },
    "couts": {
        "seuil_rentabilite": ["charges_fixes", "taux_marge_sur_cout_variable"],
        "point_mort": ["seuil", "chiffre_affaires", "jours"],
        "amortissement_lineaire": ["valeur", "duree", "date_mise_en_service"],
        "amortissement_degressif": ["valeur", "duree", "date_acquisition"],
    },
    "prix": {"prix_psychologique": ["prix_mini", "prix_maxi", "prix_candidats"]},
    "medias": {
        "indicateurs_media": ["population_cible", "audience_utile", "contacts_utiles", "cout"],
    },
    "satisfaction": {"nps": ["notes"]},
}


@pytest.mark.parametrize(
    ("module", "nom", "parametres"),
    [(m, n, p) for m, noms in CONTRAT.items() for n, p in noms.items()],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_nom_du_contrat(module, nom, parametres):
    fonction = getattr(importlib.import_module(f"gc_helpers.{module}"), nom)
    assert getattr(gc, nom) is fonction, f"gc.{nom} n'est pas {module}.{nom}"
    assert list(inspect.signature(fonction).parameters)[: len(parametres)] == parametres
