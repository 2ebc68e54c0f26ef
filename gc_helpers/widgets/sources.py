"""Grille d'évaluation des sources d'information commerciale (internes et externes)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd

from .. import formats
from .._erreurs import ErreurCours, verifier_nom
from ._commun import _LARGEUR, _html_message, _html_tableau

__all__ = [
    "CRITERES_SOURCES",
    "SOURCES_INFORMATION",
    "evaluer_sources",
    "grille_sources",
    "GrilleSources",
]

#: Critères de la grille ; une note de 1 (mauvais) à 5 (excellent). Pour le coût,
#: 5 = gratuit ou presque, 1 = très cher.
CRITERES_SOURCES = {
    "fiabilite": "Fiabilité",
    "fraicheur": "Fraîcheur",
    "cout": "Coût (5 = gratuit)",
    "accessibilite": "Accessibilité",
    "pertinence": "Pertinence",
}

# Notes indicatives, à discuter en classe : une grille se construit pour UN besoin
# (ici : trouver et qualifier des prospects professionnels).
_LIGNES = [
    # source, type, exemple, fiabilité, fraîcheur, coût, accessibilité, pertinence
    ("Fichier clients (base de l'entreprise)", "interne",
     "tables clients, commandes, factures", 5, 4, 5, 5, 4),
    ("Remontées des commerciaux (CRM, comptes rendus de visite)", "interne",
     "table contacts, notes de visite", 3, 5, 5, 4, 5),
    ("Réclamations et enquêtes de satisfaction", "interne",
     "tables reclamations, enquetes_satisfaction", 4, 4, 5, 4, 3),
    ("Statistiques de ventes et de campagnes", "interne",
     "tableaux de bord, table campagnes", 5, 4, 5, 4, 3),
    ("Répertoire SIRENE (INSEE, annuaire-entreprises)", "externe",
     "raison sociale, activité (code NAF), effectif", 5, 4, 5, 4, 3),
    ("Annuaire professionnel en ligne", "externe",
     "coordonnées des boutiques, des hôtels", 3, 2, 4, 5, 4),
    ("Fichier acheté ou loué à un courtier", "externe",
     "liste d'hôtels avec interlocuteur et courriel", 3, 3, 1, 5, 4),
    ("Salon professionnel (contacts du stand)", "externe",
     "badges scannés, cartes de visite", 4, 5, 2, 3, 5),
    ("Presse professionnelle et études sectorielles", "externe",
     "ouvertures d'hôtels, tendances du linge", 4, 3, 3, 3, 3),
    ("Sites web et réseaux sociaux des entreprises", "externe",
     "actualités, dirigeants, projets", 2, 4, 5, 4, 3),
    ("CCI et organismes professionnels", "externe",
     "fichiers d'entreprises du territoire, réunions", 4, 3, 3, 3, 3),
]  # fmt: skip

#: Les sources types et leurs notes (1 à 5) par critère.
SOURCES_INFORMATION = pd.DataFrame(
    _LIGNES, columns=["source", "type", "exemple", *CRITERES_SOURCES]
)

_TYPES = ("toutes", "interne", "externe")


def _verifier_poids(poids: Mapping[str, Any]) -> dict[str, float]:
    if not isinstance(poids, Mapping):
        raise ErreurCours(
            "poids : un dictionnaire critère → poids, par exemple "
            "{'fiabilite': 3, 'fraicheur': 2, 'cout': 1} ; reçu : "
            f"{type(poids).__name__}."
        )
    propres: dict[str, float] = {}
    for critere, valeur in poids.items():
        verifier_nom(critere, list(CRITERES_SOURCES), quoi="Le critère")
        if isinstance(valeur, bool) or not isinstance(valeur, int | float) or valeur < 0:
            raise ErreurCours(
                f"Le poids du critère '{critere}' doit être un nombre positif ou nul ; reçu : "
                f"{valeur!r}. Un poids 0 ignore le critère."
            )
        propres[critere] = float(valeur)
    if sum(propres.values()) == 0:
        raise ErreurCours(
            "Tous les poids sont nuls : donnez un poids positif à au moins un critère "
            "(par exemple la fiabilité)."
        )
    return propres


def evaluer_sources(
    poids: Mapping[str, Any],
    sources: pd.DataFrame | None = None,
    type_source: str = "toutes",
) -> pd.DataFrame:
    """Classe les sources d'information par note pondérée (sur 5), de la meilleure à la moins bonne.

    $$\\text{note} = \\frac{\\sum_k p_k \\, n_k}{\\sum_k p_k}$$

    ``poids`` : critère → poids (les critères absents comptent pour 0) ;
    ``sources`` : une table avec les colonnes ``source``, ``type`` et une note de 1
    à 5 par critère (par défaut :data:`SOURCES_INFORMATION`) ; ``type_source`` :
    ``toutes``, ``interne`` ou ``externe``. Deux sources à égalité gardent leur
    ordre d'origine.

    >>> s = pd.DataFrame({"source": ["A", "B"], "type": ["interne", "externe"],
    ...                   "fiabilite": [5, 2], "cout": [1, 5]})
    >>> evaluer_sources({"fiabilite": 3, "cout": 1}, s)[["rang", "source", "note"]]
       rang source  note
    0     1      A  4.00
    1     2      B  2.75
    """
    propres = _verifier_poids(poids)
    table = SOURCES_INFORMATION if sources is None else sources
    if not isinstance(table, pd.DataFrame):
        raise ErreurCours(
            f"sources : une table (DataFrame) ; reçu : {type(table).__name__}. Partez de "
            "gc.widgets.SOURCES_INFORMATION.copy() pour ajouter vos sources."
        )
    verifier_nom(type_source, list(_TYPES), quoi="Le type de source")
    utiles = [c for c, p in propres.items() if p > 0]
    for colonne in ["source", "type", *utiles]:
        verifier_nom(colonne, [str(c) for c in table.columns])
    notes = table[utiles].apply(pd.to_numeric, errors="coerce")
    hors = ((notes < 1) | (notes > 5) | notes.isna()).stack()
    if hors.any():
        ligne, critere = hors[hors].index[0]
        raise ErreurCours(
            f"Les notes vont de 1 à 5 : la source '{table.loc[ligne, 'source']}' a "
            f"« {table.loc[ligne, critere]} » en '{critere}'. Corrigez la note."
        )
    total = sum(propres[c] for c in utiles)
    resultat = table.copy()
    resultat["note"] = sum(notes[c] * propres[c] for c in utiles) / total
    if type_source != "toutes":
        resultat = resultat[resultat["type"] == type_source]
    resultat = resultat.sort_values("note", ascending=False, kind="stable").reset_index(drop=True)
    resultat.insert(0, "rang", range(1, len(resultat) + 1))
    return resultat


class GrilleSources(widgets.VBox):
    """Widget : un curseur de poids par critère → classement des sources.

    Éléments : ``curseurs`` (dictionnaire critère → IntSlider), ``choix_type``,
    ``bilan``, ``classement``.
    """

    def __init__(self, sources: pd.DataFrame | None = None) -> None:
        self.sources = SOURCES_INFORMATION if sources is None else sources
        style = {"description_width": "12em"}
        depart = {"fiabilite": 3, "fraicheur": 2, "cout": 2, "accessibilite": 1, "pertinence": 3}
        self.curseurs = {
            c: widgets.IntSlider(
                value=depart[c],
                min=0,
                max=5,
                description=f"Poids — {libelle} :",
                style=style,
                continuous_update=False,
                layout=widgets.Layout(width="30em"),
            )
            for c, libelle in CRITERES_SOURCES.items()
        }
        self.choix_type = widgets.ToggleButtons(
            options=[("Toutes", "toutes"), ("Internes", "interne"), ("Externes", "externe")],
            description="Sources :",
            style=style,
        )
        self.bilan = widgets.HTML()
        self.classement = widgets.HTML(layout=widgets.Layout(max_height="420px", overflow="auto"))
        for controle in [*self.curseurs.values(), self.choix_type]:
            controle.observe(self._sur_changement, names="value")
        super().__init__(
            [*self.curseurs.values(), self.choix_type, self.bilan, self.classement],
            layout=_LARGEUR,
        )
        self.actualiser()

    def poids(self) -> dict[str, int]:
        """Les poids choisis avec les curseurs."""
        return {c: curseur.value for c, curseur in self.curseurs.items()}

    def actualiser(self) -> None:
        """Recalcule le classement et met à jour le bilan et le tableau."""
        try:
            resultat = evaluer_sources(self.poids(), self.sources, self.choix_type.value)
        except ErreurCours as erreur:
            self.bilan.value = _html_message(str(erreur), "erreur")
            self.classement.value = ""
            return
        premiere = resultat.iloc[0]
        self.bilan.value = (
            f"<b>Source la mieux notée : {premiere['source']}</b> "
            f"({premiere['type']}, note {formats.nombre(premiere['note'], 2)} sur 5)."
        )
        affichage = resultat[["rang", "source", "type", *CRITERES_SOURCES, "note"]].rename(
            columns=CRITERES_SOURCES
        )
        self.classement.value = _html_tableau(affichage, 20)

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def grille_sources(sources: pd.DataFrame | None = None) -> GrilleSources:
    """Widget : pondérer les critères d'évaluation et voir le classement des sources.

    >>> w = grille_sources()
    >>> w.curseurs["cout"].value = 5
    >>> "Source la mieux notée" in w.bilan.value
    True
    """
    return GrilleSources(sources)
