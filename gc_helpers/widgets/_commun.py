"""Briques communes aux widgets : mise en page, formats des colonnes, messages."""

from __future__ import annotations

import html
import re
from decimal import Decimal
from typing import Any

import ipywidgets as widgets
import pandas as pd

from .. import formats
from .._erreurs import ErreurCours

__all__ = []


_LARGEUR = widgets.Layout(width="100%")

# Colonnes affichées en euros dans les résultats, d'après leur nom : le type
# DuckDB ne dit pas qu'un DECIMAL est un montant.
_MOTIF_EUROS = re.compile(
    r"(^|_)(ca|montant|prix|cout|plafond|geste|marge|encours)(_|$)|_(ht|ttc)$",
    re.I,
)


def _est_numerique(serie: pd.Series) -> bool:
    if pd.api.types.is_bool_dtype(serie):
        return False
    if pd.api.types.is_numeric_dtype(serie):
        return True
    # DuckDB renvoie les DECIMAL dans des colonnes « object » de Decimal.
    exemple = serie.dropna()
    return bool(len(exemple)) and isinstance(exemple.iloc[0], Decimal)


def _identifiant(valeur: Any) -> str:
    # Un numéro de client ou de facture s'écrit sans séparateur de milliers (« 4381 »).
    return formats.VIDE if pd.isna(valeur) else str(int(valeur))


def _formats_colonnes(df: pd.DataFrame) -> dict[str, Any]:
    """Formats d'affichage déduits des noms de colonnes (montants en euros, taux en %)."""
    choix: dict[str, Any] = {}
    for colonne in df.columns:
        nom = str(colonne)
        if not _est_numerique(df[colonne]):
            continue
        if nom.startswith("id_"):
            choix[nom] = _identifiant
        elif nom.startswith(("taux_", "part_")):  # avant les euros : « taux_marge » est un %
            choix[nom] = "pourcentage"
        elif nom.startswith(("nb_", "nombre_")) or nom.lower().startswith("count"):
            continue  # un effectif, même « nb_total », n'est pas un montant
        elif _MOTIF_EUROS.search(nom):
            choix[nom] = "euros"
    return choix


def _html_tableau(df: pd.DataFrame, lignes_max: int) -> str:
    apercu = df.head(lignes_max)
    try:
        return formats.tableau_html(apercu, formats=_formats_colonnes(apercu))
    except (ErreurCours, ValueError, TypeError):
        # Une colonne au contenu inattendu ne doit pas empêcher de voir le résultat.
        return apercu.to_html(index=False, na_rep=formats.VIDE)


def _html_message(texte: str, genre: str = "info") -> str:
    couleurs = {"info": "#1f4e79", "ok": "#1b5e20", "erreur": "#b71c1c"}
    corps = "<br>".join(html.escape(ligne) for ligne in texte.splitlines())
    return f'<div style="color:{couleurs[genre]}; margin:4px 0">{corps}</div>'
