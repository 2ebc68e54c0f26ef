"""Widgets interactifs du cours (ipywidgets 8), un par notion.

Chaque widget sépare le **calcul** (une fonction ordinaire, testable sans
navigateur : :func:`executer_requete`, :func:`cibler`, :func:`paires_doublons`)
de l'**affichage** : le bouton ou le curseur appelle le calcul puis met à jour
les zones HTML du widget. Rien de ce qui est noté ne dépend de l'état d'un widget.

Les widgets travaillent sur la connexion du notebook (la copie de travail
ouverte par ``gc.connecter()``) : l'étudiant peut tout casser, le bouton
« Réinitialiser la base » remet les données d'origine.

Ce paquet importe ipywidgets : le paquet ne le charge qu'à la première
utilisation de ``gc.widgets`` (``import gc_helpers`` reste léger).

Un fichier par thème (``sql``, ``ciblage``, ``doublons``…) ; ce module les
rassemble pour que ``gc.widgets.console_sql`` suffise.
"""

from __future__ import annotations

from .ciblage import TOUS, Ciblage, CiblageCampagne, ciblage_campagne, cibler
from .connaissance import (
    QUESTIONS_S431,
    DonneesFiche360,
    Fiche360,
    FicheClient360,
    fiche_360,
    fiche_client_360,
)
from .couts import (
    CATEGORIES_PAR_DEFAUT,
    CalculateurCharge,
    SimulateurSeuil,
    calculateur_charge,
    simulateur_seuil,
    simuler_seuil,
)
from .doublons import ExplorateurQualite, explorateur_qualite, paires_doublons
from .finance import (
    CalculateurEscompte,
    ComparateurFinancements,
    SimulateurEmprunt,
    SimulationEmprunt,
    calculateur_escompte,
    calculer_escompte,
    comparateur_financements,
    simulateur_emprunt,
    simuler_emprunt,
)
from .medias import (
    SUPPORTS_HOTELS,
    SimulateurPlanMedia,
    SimulationPlanMedia,
    simulateur_plan_media,
    simuler_plan_media,
)
from .mercatique import (
    QUESTIONS_S41,
    SimulateurPortefeuille,
    simulateur_portefeuille,
    simuler_portefeuille,
    valeur_selon_fidelite,
)
from .offre import ConstructeurDevis, constructeur_devis, construire_devis
from .portefeuille import (
    ExplorateurABC,
    ExplorateurPrevision,
    ExplorateurStatistiques,
    analyser_abc,
    calculer_prevision,
    explorateur_abc,
    explorateur_prevision,
    explorateur_statistiques,
)
from .prix import (
    GraphiquePrixPsychologique,
    SimulateurPrix,
    graphique_prix_psychologique,
    simulateur_prix,
    simulation_prix,
    ventes_12_mois,
)
from .prospection import (
    RATIOS,
    PlanificateurTournee,
    TableauBordProspection,
    carte_tournee_svg,
    planificateur_tournee,
    planifier_tournee,
    prospects_a_visiter,
    tableau_bord_prospection,
)
from .questionnaire import BANQUES, QCM, Question, corriger_qcm, qcm
from .risque import (
    SimulateurBFRE,
    SimulateurPlafond,
    SimulationBFRE,
    simulateur_bfre,
    simulateur_plafond,
    simuler_bfre,
    simuler_plafond,
)
from .scoring import (
    GRILLE_PROSPECTS,
    POIDS_PROSPECTS,
    EditeurGrilleScoring,
    editeur_grille_scoring,
    evaluer_grille,
    prospects_a_noter,
)
from .segmentation import (
    ExplorateurSegmentation,
    clients_a_segmenter,
    explorateur_segmentation,
    segmenter,
)
from .sources import (
    CRITERES_SOURCES,
    SOURCES_INFORMATION,
    GrilleSources,
    evaluer_sources,
    grille_sources,
)
from .sql import ConsoleSQL, console_sql, executer_requete
from .valeur import (
    DonneesClients,
    ExplorateurCompteClient,
    FicheClient,
    explorateur_compte_client,
    fiche_client,
)

__all__ = [
    "console_sql",
    "ConsoleSQL",
    "executer_requete",
    "ciblage_campagne",
    "CiblageCampagne",
    "Ciblage",
    "cibler",
    "TOUS",
    "explorateur_qualite",
    "ExplorateurQualite",
    "paires_doublons",
    "simulateur_emprunt",
    "SimulateurEmprunt",
    "SimulationEmprunt",
    "simuler_emprunt",
    "calculateur_escompte",
    "CalculateurEscompte",
    "calculer_escompte",
    "comparateur_financements",
    "ComparateurFinancements",
    "explorateur_abc",
    "ExplorateurABC",
    "analyser_abc",
    "explorateur_prevision",
    "ExplorateurPrevision",
    "calculer_prevision",
    "explorateur_statistiques",
    "ExplorateurStatistiques",
    "explorateur_compte_client",
    "ExplorateurCompteClient",
    "DonneesClients",
    "FicheClient",
    "fiche_client",
    "simulateur_plafond",
    "SimulateurPlafond",
    "simuler_plafond",
    "simulateur_bfre",
    "SimulateurBFRE",
    "SimulationBFRE",
    "simuler_bfre",
    "simulateur_portefeuille",
    "SimulateurPortefeuille",
    "simuler_portefeuille",
    "valeur_selon_fidelite",
    "QUESTIONS_S41",
    "qcm",
    "QCM",
    "Question",
    "corriger_qcm",
    "BANQUES",
    "fiche_client_360",
    "FicheClient360",
    "DonneesFiche360",
    "Fiche360",
    "fiche_360",
    "QUESTIONS_S431",
    "editeur_grille_scoring",
    "EditeurGrilleScoring",
    "evaluer_grille",
    "prospects_a_noter",
    "GRILLE_PROSPECTS",
    "POIDS_PROSPECTS",
    "explorateur_segmentation",
    "ExplorateurSegmentation",
    "segmenter",
    "clients_a_segmenter",
    "grille_sources",
    "GrilleSources",
    "evaluer_sources",
    "SOURCES_INFORMATION",
    "CRITERES_SOURCES",
    "simulateur_seuil",
    "SimulateurSeuil",
    "simuler_seuil",
    "calculateur_charge",
    "CalculateurCharge",
    "CATEGORIES_PAR_DEFAUT",
    "simulateur_plan_media",
    "SimulateurPlanMedia",
    "SimulationPlanMedia",
    "simuler_plan_media",
    "SUPPORTS_HOTELS",
    "planificateur_tournee",
    "PlanificateurTournee",
    "planifier_tournee",
    "prospects_a_visiter",
    "carte_tournee_svg",
    "tableau_bord_prospection",
    "TableauBordProspection",
    "RATIOS",
    "constructeur_devis",
    "ConstructeurDevis",
    "construire_devis",
    "simulateur_prix",
    "SimulateurPrix",
    "simulation_prix",
    "ventes_12_mois",
    "graphique_prix_psychologique",
    "GraphiquePrixPsychologique",
]
