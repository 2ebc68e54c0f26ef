"""Outils du cours « Gestion de clientèle » : ``import gc_helpers as gc``.

Les fonctions du cours sont rangées par thème dans des modules
(``gc.donnees``, ``gc.formats``, ``gc.qualite``…) et accessibles directement
depuis le paquet : ``gc.connecter()``, ``gc.euros(1234.5)``…

Les modules sont chargés à la première utilisation, pour que
``import gc_helpers`` reste rapide (ni matplotlib, ni statsmodels au démarrage).

>>> import gc_helpers as gc
>>> gc.euros(1234.5)
'1\u202f234,50\xa0€'
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__version__ = "0.1.0"

# nom public -> module qui le définit (la liste fait foi : un test la compare
# aux __all__ des modules).
_EXPORTS: dict[str, str] = {}
_MODULES = (
    "donnees",
    "formats",
    "qualite",
    "correction",
    "exercices",
    "catalogue",
    "widgets",
    "verifier",
    "finance",
    "statistiques",
    "prevision",
    "portefeuille",
    "valeur_client",
    "risque",
    "clientele",
    "extraits",
    "scoring",
    "segmentation",
    "collecte",
    "rgpd",
    "couts",
    "affaires",
    "medias",
    "prospection",
    "satisfaction",
    "offre",
    "prix",
)
_REEXPORTS: dict[str, tuple[str, ...]] = {
    "donnees": (
        "DATE_REFERENCE",
        "connecter",
        "requete",
        "tables",
        "table",
        "colonnes",
        "reinitialiser",
        "chemin_donnees",
    ),
    "formats": (
        "nombre",
        "euros",
        "pourcentage",
        "date_fr",
        "mois_fr",
        "tableau",
        "tableau_html",
        "style_graphique",
        "axe_euros",
        "axe_pourcentage",
        "axe_nombre",
    ),
    "qualite": (
        "normaliser_telephone",
        "normaliser_code_postal",
        "email_valide",
        "normaliser_email",
        "normaliser_nom",
        "normaliser_raison_sociale",
        "cle_rapprochement",
        "rapport_qualite",
        "doublons_probables",
        "normaliser_table",
    ),
    "correction": (
        "Verdict",
        "ReponseIncorrecte",
        "comparer_tables",
        "verifier_table",
        "comparer_nombres",
        "verifier_nombre",
        "verifier_requete",
        "comparer_requete",
        "executer_reponse",
        "verifier_colonnes",
    ),
    "exercices": ("verifier_exercice",),
    "finance": (
        "nombre_de_jours",
        "interet_simple",
        "escompte_commercial",
        "valeur_actuelle_commerciale",
        "agios",
        "penalites_retard",
        "escompte_reglement",
        "taux_annuel_escompte",
        "nominal_equivalent",
        "echeance_equivalente",
        "valeur_acquise",
        "valeur_actuelle",
        "valeur_acquise_annuites",
        "valeur_actuelle_annuites",
        "annuite_constante",
        "taux_proportionnel",
        "taux_equivalent",
        "tableau_amortissement",
        "PERIODICITES",
        "MODES_AMORTISSEMENT",
        "Emprunt",
        "LOA",
        "LLD",
        "comparer_financements",
    ),
    "statistiques": (
        "indicateurs",
        "quartiles",
        "tableau_frequences",
        "indicateurs_classes",
        "covariance",
        "correlation",
        "ajustement_lineaire",
    ),
    "prevision": (
        "moyennes_mobiles",
        "rapports_saisonniers",
        "coefficients_saisonniers",
        "serie_corrigee",
        "tendance",
        "prevision_saisonniere",
        "agreger_previsions",
    ),
    "portefeuille": (
        "segmentation_abc",
        "synthese_abc",
        "concentration",
        "courbe_lorenz",
        "indice_gini",
        "rfm",
        "taux_detention",
        "multi_detention",
    ),
    "valeur_client": (
        "valeur_client",
        "valeur_client_detail",
        "cout_acquisition_client",
        "retour_sur_investissement",
        "taux_attrition",
        "HYPOTHESES_COUTS",
        "compte_exploitation_client",
        "presenter_compte_exploitation",
        "potentiel_client",
        "qualifier_client",
        "valeur_prospects",
        "score_valeur",
    ),
    "risque": (
        "delai_moyen_reglement_clients",
        "delai_moyen_reglement_fournisseurs",
        "rotation_creances",
        "stock_moyen",
        "rotation_stocks",
        "duree_moyenne_stockage",
        "bfre_bilan",
        "bfre_normatif",
        "TRANCHES_BALANCE",
        "balance_agee",
        "creances_clients",
        "encours_clients",
        "analyse_plafond",
        "indicateurs_solvabilite",
        "ratios_solvabilite",
        "cout_affacturage",
        "PLAN_RELANCES",
        "etape_relance",
        "bilan_relances",
        "effet_reduction_delai",
        "effet_escompte_reglement",
        "effet_reduction_stock",
    ),
    "clientele": (
        "STATUTS_CYCLE_VIE",
        "statut_cycle_vie",
        "cycle_de_vie",
        "anciennete",
        "connaissance_clients",
    ),
    "extraits": ("ca_par_client", "ventes_par_periode", "familles_achetees", "stocks_par_famille"),
    "scoring": (
        "grille_scoring",
        "score_logistique",
        "ScoreLogistique",
        "courbe_gain",
        "courbe_lift",
        "taux_par_tranche",
        "choix_seuil",
    ),
    "segmentation": (
        "tri_a_plat",
        "tri_croise",
        "classification",
        "Classification",
        "regles_association",
        "carte_perceptuelle",
    ),
    "collecte": (
        "chemin_source",
        "detecter_format_csv",
        "lire_csv",
        "lire_excel",
        "lire_json",
        "lire_annuaire_html",
        "lire_source",
        "preparer_prospects",
        "importer_prospects",
        "exporter_tableur",
        "CORRESPONDANCE_SALON_LYON",
    ),
    "rgpd": (
        "DUREE_CONSERVATION_ANS",
        "BASES_LEGALES",
        "derniere_activite",
        "destinataires_courriel",
        "donnees_a_purger",
        "anonymiser_prospects",
    ),
    "couts": (
        "seuil_rentabilite",
        "point_mort",
        "date_point_mort",
        "marge_sur_cout_variable",
        "marge_securite",
        "indice_securite",
        "levier_operationnel",
        "compte_resultat_differentiel",
        "analyse_charges",
        "amortissement_lineaire",
        "amortissement_degressif",
        "coefficient_degressif",
        "temps_disponible",
        "charge_de_travail",
        "ChargeDeTravail",
    ),
    "affaires": ("ETAPES", "pipeline_affaires", "synthese_pipeline"),
    "medias": (
        "indicateurs_media",
        "plan_media",
        "taux_marque_ventes",
        "rentabilite_campagnes",
        "CIBLES_CAMPAGNES",
        "suivi_campagne",
    ),
    "prospection": (
        "RAYON_TERRE_KM",
        "distance_km",
        "matrice_distances",
        "longueur_tournee",
        "Tournee",
        "tournee_optimisee",
        "planifier_tournees",
        "ratios_prospection",
        "ratios_par_commercial",
        "PROCHAINES_ACTIONS",
        "actions_a_relancer",
    ),
    "satisfaction": ("nps", "repartition_nps"),
    "_erreurs": ("ErreurCours", "NomInconnu", "ErreurSQL"),
    "offre": ("net_a_payer", "devis", "Devis", "structure_gamme", "StructureGamme"),
    "prix": (
        "taux_marge",
        "taux_marque",
        "coefficient_multiplicateur",
        "taux_marque_depuis_marge",
        "taux_marge_depuis_marque",
        "prix_de_vente",
        "elasticite_prix",
        "estimer_elasticite",
        "simuler_prix",
        "prix_psychologique",
        "PrixPsychologique",
        "positionnement_prix",
        "prix_par_paliers",
    ),
}
for _module, _noms in _REEXPORTS.items():
    for _nom in _noms:
        _EXPORTS[_nom] = _module

__all__ = sorted(_EXPORTS) + [m for m in _MODULES if m not in _EXPORTS]

# Un module qui porte le nom d'une de ses fonctions (gc_helpers.valeur_client et
# gc.valeur_client(...), DESIGN §3) : gc.<nom> doit rester la fonction. Or Python pose
# le sous-module comme attribut du paquet à chaque import ; on y remet la fonction.
# Le module s'obtient par importlib.import_module("gc_helpers.valeur_client").
_HOMONYMES = frozenset(_EXPORTS) & frozenset(_MODULES)


class _Paquet(types.ModuleType):
    def __setattr__(self, nom: str, valeur: Any) -> None:
        if nom in _HOMONYMES and isinstance(valeur, types.ModuleType):
            valeur = getattr(valeur, nom)
        super().__setattr__(nom, valeur)


sys.modules[__name__].__class__ = _Paquet


def __getattr__(nom: str) -> Any:
    if nom in _MODULES and nom not in _HOMONYMES:
        return importlib.import_module(f"{__name__}.{nom}")
    if nom in _EXPORTS:
        module = importlib.import_module(f"{__name__}.{_EXPORTS[nom]}")
        valeur = getattr(module, nom)
        globals()[nom] = valeur  # les appels suivants ne repassent plus par ici
        return valeur
    from ._erreurs import suggestion

    proche = suggestion(nom, __all__)
    conseil = f" Vouliez-vous dire gc.{proche} ?" if proche else ""
    raise AttributeError(
        f"gc_helpers n'a pas de fonction ou de module '{nom}'.{conseil} "
        "La liste complète : dir(gc)."
    )


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
