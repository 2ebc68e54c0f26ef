"""Explorateur de doublons : fiabiliser le fichier du salon."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import duckdb
import ipywidgets as widgets
import pandas as pd

from .. import donnees, formats
from ..formats import _pluriel
from ._commun import _LARGEUR, _html_tableau

__all__ = ["explorateur_qualite", "ExplorateurQualite", "paires_doublons"]


# --------------------------------------------------------------------------
# Explorateur de doublons (fiabilisation du fichier du salon)
# --------------------------------------------------------------------------

_COLONNES_DOUBLONS = ["raison_sociale", "contact_nom", "code_postal"]
_NORMALISATION_SALON = {
    "raison_sociale": "raison_sociale",
    "contact_nom": "nom",
    "contact_prenom": "nom",
    "email": "email",
    "telephone": "telephone",
    "code_postal": "code_postal",
}


def paires_doublons(toutes: pd.DataFrame, seuil: float) -> pd.DataFrame:
    """Les paires de ``toutes`` (résultat de ``gc.doublons_probables``) de score ≥ ``seuil``.

    Le calcul des scores (coûteux) est fait une fois ; déplacer le curseur ne
    fait que filtrer.

    >>> import pandas as pd
    >>> p = pd.DataFrame({"ligne_1": [1, 2], "ligne_2": [3, 4], "score": [95.0, 80.0]})
    >>> len(paires_doublons(p, 90)), len(paires_doublons(p, 75))
    (1, 2)
    """
    return toutes[toutes["score"] >= seuil].reset_index(drop=True)


class ExplorateurQualite(widgets.VBox):
    """Curseur du seuil de similarité → paires de doublons probables d'un fichier de contacts.

    Éléments : ``curseur_seuil``, ``bilan``, ``apercu``.
    """

    def __init__(
        self,
        contacts: pd.DataFrame | None = None,
        colonnes: list[str] | None = None,
        con: duckdb.DuckDBPyConnection | None = None,
        seuil_min: int = 60,
    ) -> None:
        from .. import qualite

        if contacts is None:
            # Par défaut : le fichier du salon, normalisé (sinon « PARIS » ≠ « Paris »).
            contacts = qualite.normaliser_table(
                donnees.table("import_salon", con), _NORMALISATION_SALON
            )
        self.colonnes = list(colonnes or _COLONNES_DOUBLONS)
        self.n_lignes = len(contacts)
        identifiant = "id_ligne" if "id_ligne" in contacts.columns else None
        # Tous les scores au-dessus du seuil minimal, une fois pour toutes.
        self._toutes = qualite.doublons_probables(
            contacts, self.colonnes, seuil=seuil_min, id_colonne=identifiant
        )
        self.curseur_seuil = widgets.IntSlider(
            value=85,
            min=seuil_min,
            max=100,
            step=1,
            description="Seuil (sur 100) :",
            style={"description_width": "10em"},
            layout=widgets.Layout(width="34em"),
        )
        self.bilan = widgets.HTML()
        self.apercu = widgets.HTML(layout=widgets.Layout(max_height="360px", overflow="auto"))
        self.curseur_seuil.observe(self._sur_seuil, names="value")
        super().__init__([self.curseur_seuil, self.bilan, self.apercu], layout=_LARGEUR)
        self.actualiser()

    def actualiser(self) -> None:
        """Filtre les paires au seuil choisi et met à jour le bilan et le tableau."""
        paires = paires_doublons(self._toutes, self.curseur_seuil.value)
        self.bilan.value = (
            f"<b>{_pluriel(len(paires), 'paire')} de doublons probables</b> "
            f"au seuil {self.curseur_seuil.value} sur {formats.nombre(self.n_lignes, 0)} lignes "
            f"(comparaison sur : {', '.join(self.colonnes)}).<br>Seuil bas : on attrape plus de "
            "doublons, mais aussi des « faux amis » ; seuil haut : on en laisse passer."
        )
        self.apercu.value = _html_tableau(paires, 30)

    def _sur_seuil(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def explorateur_qualite(
    contacts: pd.DataFrame | None = None,
    colonnes: list[str] | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
) -> ExplorateurQualite:
    """Widget : choisir le seuil de similarité et voir les doublons probables.

    ``contacts`` : la table à examiner (par défaut, le fichier du salon
    ``import_salon`` normalisé) ; ``colonnes`` : les colonnes comparées
    (par défaut raison sociale, nom du contact et code postal).

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> w = explorateur_qualite()
    >>> w.curseur_seuil.value = 100
    >>> "paire" in w.bilan.value
    True
    """
    return ExplorateurQualite(contacts=contacts, colonnes=colonnes, con=con)
