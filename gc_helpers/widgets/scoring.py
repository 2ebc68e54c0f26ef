"""Éditeur de grille de scorage : poids des critères → classement des prospects, transformation."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import duckdb
import ipywidgets as widgets
import pandas as pd

from .. import donnees, formats, scoring
from .._erreurs import ErreurCours
from ._commun import _LARGEUR, _formats_colonnes, _html_message

__all__ = [
    "GRILLE_PROSPECTS",
    "POIDS_PROSPECTS",
    "prospects_a_noter",
    "evaluer_grille",
    "editeur_grille_scoring",
    "EditeurGrilleScoring",
    "barres_html",
]

# Grille de départ du cours (notes de 0 à 10 par critère), à discuter avec les étudiants.
GRILLE_PROSPECTS: dict[str, Any] = {
    "origine": {
        "recommandation": 10,
        "prospection terrain": 7,
        "salon": 6,
        "site web": 6,
        "campagne": 4,
        "fichier acheté": 1,
    },
    "nb_visites": [(1, 4), (2, 7), (3, 10)],
    "secteur_activite": {
        "CSE": 10,
        "boutique de souvenirs": 8,
        "hôtel": 7,
        "détaillant": 6,
        "grande distribution": 4,
    },
    "effectif_salaries": [(10, 3), (50, 6), (250, 10)],
}
POIDS_PROSPECTS = {"origine": 3, "nb_visites": 3, "secteur_activite": 1, "effectif_salaries": 1}
_LIBELLES = {
    "origine": "Origine du contact",
    "nb_visites": "Nombre de visites",
    "secteur_activite": "Secteur d'activité",
    "effectif_salaries": "Effectif salarié",
}
BORNES_SCORE = [0, 25, 50, 75, 100]


def prospects_a_noter(con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Les prospects avec la cible ``converti`` (1, 0, ou manquante s'ils sont encore ouverts)."""
    return donnees.requete(
        "SELECT id_prospect, raison_sociale, ville, origine, nb_visites, secteur_activite,\n"
        "       effectif_salaries, ca_potentiel_annuel, statut,\n"
        "       CASE statut WHEN 'converti' THEN 1 WHEN 'perdu' THEN 0 END AS converti\n"
        "FROM prospects ORDER BY id_prospect",
        con,
    )


def evaluer_grille(
    prospects: pd.DataFrame,
    poids: Mapping[str, float],
    grille: Mapping[str, Any] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Note les prospects avec la grille (score sur 100) et mesure la grille sur le passé.

    Renvoie ``(classement, tranches)`` : les prospects **ouverts** (nouveau,
    en cours) du meilleur au moins bon score, et le taux de transformation par
    tranche de score des prospects **clos** (convertis ou perdus).

    >>> import gc_helpers as gc
    >>> p = prospects_a_noter(gc.connecter())
    >>> classement, tranches = evaluer_grille(p, POIDS_PROSPECTS)
    >>> int(tranches["effectif"].sum()), len(classement)
    (1860, 140)
    """
    grille = dict(grille or GRILLE_PROSPECTS)
    actifs = {c: n for c, n in grille.items() if float(poids.get(c, 0)) > 0}
    if not actifs:
        raise ErreurCours("Tous les poids sont nuls : donnez un poids à au moins un critère.")
    notes = scoring.grille_scoring(prospects, actifs, poids={c: poids[c] for c in actifs}, sur=100)
    clos = notes[notes["converti"].notna()]
    tranches = scoring.taux_par_tranche(clos["score"], clos["converti"], bornes=BORNES_SCORE)
    ouverts = notes[notes["converti"].isna()]
    classement = ouverts.sort_values(["score", "id_prospect"], ascending=[False, True])
    return classement.reset_index(drop=True), tranches


def barres_html(libelles: list[str], valeurs: list[float], ecrire: Any, titre: str = "") -> str:
    """Un diagramme en barres horizontales en HTML (rapide à redessiner)."""
    maximum = max([v for v in valeurs if v == v] + [0]) or 1
    lignes = [f"<b>{html.escape(titre)}</b>"] if titre else []
    for libelle, valeur in zip(libelles, valeurs, strict=True):
        largeur = 0 if valeur != valeur else max(valeur, 0) / maximum * 100
        texte = formats.VIDE if valeur != valeur else ecrire(valeur)
        lignes.append(
            '<div style="display:flex;align-items:center;margin:2px 0">'
            f'<div style="width:210px;text-align:right;padding-right:6px">'
            f"{html.escape(str(libelle))}</div>"
            f'<div style="width:{largeur * 3:.0f}px;height:14px;background:#1f4e79"></div>'
            f'<div style="padding-left:6px">{html.escape(texte)}</div></div>'
        )
    return "".join(lignes)


class EditeurGrilleScoring(widgets.VBox):
    """Widget : poids des critères → classement des prospects ouverts et transformation par tranche.

    Éléments : ``curseurs`` (dictionnaire critère → curseur de poids), ``bilan``,
    ``tranches``, ``classement``.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection | None = None) -> None:
        self.prospects = prospects_a_noter(con)
        self.curseurs = {
            critere: widgets.IntSlider(
                value=POIDS_PROSPECTS[critere],
                min=0,
                max=5,
                description=libelle + " :",
                continuous_update=False,
                style={"description_width": "160px"},
            )  # fmt: skip
            for critere, libelle in _LIBELLES.items()
        }
        self.bilan = widgets.HTML()
        self.tranches = widgets.HTML()
        self.classement = widgets.HTML()
        for curseur in self.curseurs.values():
            curseur.observe(lambda _c: self.actualiser(), names="value")
        super().__init__(
            [
                widgets.HTML("<b>Poids des critères de la grille (0 = critère ignoré)</b>"),
                *self.curseurs.values(),
                self.bilan,
                self.tranches,
                self.classement,
            ],
            layout=_LARGEUR,
        )
        self.actualiser()

    def actualiser(self) -> None:
        """Recalcule les scores et redessine le bilan, les tranches et le classement."""
        poids = {c: s.value for c, s in self.curseurs.items()}
        try:
            classement, tranches = evaluer_grille(self.prospects, poids)
        except ErreurCours as erreur:
            self.bilan.value = _html_message(str(erreur), "erreur")
            self.tranches.value = self.classement.value = ""
            return
        haut, bas = tranches.iloc[-1], tranches.iloc[0]
        self.bilan.value = _html_message(
            f"Prospects clos : {formats.nombre(int(tranches['effectif'].sum()))}. "
            f"Transformation de la tranche haute {haut['tranche']} : "
            f"{formats.pourcentage(haut['taux_transformation'])} ; tranche basse : "
            f"{formats.pourcentage(bas['taux_transformation'])}. Une bonne grille les écarte."
        )
        self.tranches.value = barres_html(
            [
                f"score {t} ({n} prospects)"
                for t, n in zip(tranches["tranche"], tranches["effectif"], strict=True)
            ],
            tranches["taux_transformation"].tolist(),
            formats.pourcentage,
            "Taux de transformation des prospects clos, par tranche de score",
        )
        tete = classement.head(10)[
            ["id_prospect", "raison_sociale", "ville", "origine", "nb_visites", "score"]
        ]
        self.classement.value = "<b>Les 10 prospects ouverts à visiter en priorité</b>" + (
            formats.tableau_html(
                tete, formats={**_formats_colonnes(tete), "score": lambda v: formats.nombre(v, 1)}
            )
        )


def editeur_grille_scoring(con: duckdb.DuckDBPyConnection | None = None) -> EditeurGrilleScoring:
    """Widget : régler les poids d'une grille de scorage des prospects.

    >>> import gc_helpers as gc
    >>> w = editeur_grille_scoring(gc.connecter())
    >>> w.curseurs["origine"].value = 0
    >>> "Transformation" in w.bilan.value
    True
    """
    return EditeurGrilleScoring(con)
