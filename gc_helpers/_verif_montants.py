"""Contrôles des montants, taux et durées passés aux fonctions de calcul.

Partagés par ``valeur_client`` et ``risque`` : chaque refus dit ce qui a été
reçu, ce qui est permis et comment corriger, en français.
"""

from __future__ import annotations

import math
import numbers
from decimal import Decimal
from typing import Any

import pandas as pd

from ._erreurs import ErreurCours, verifier_nom

__all__: list[str] = []


def _decrire(x: Any) -> str:
    if isinstance(x, str):
        return f"le texte {x!r}"
    return repr(x)


def nombre_fini(x: Any, nom: str, fonction: str) -> float:
    """Un nombre réel fini (les Decimal de DuckDB sont acceptés), sinon ``ErreurCours``."""
    if isinstance(x, bool) or not isinstance(x, numbers.Real | Decimal):
        conseil = ""
        if isinstance(x, str):
            conseil = (
                " En Python, la virgule décimale s'écrit avec un point : 1234.5, sans guillemets."
            )
        raise ErreurCours(
            f"{fonction}() : {nom} doit être un nombre ; reçu {_decrire(x)}.{conseil}"
        )
    valeur = float(x)
    if not math.isfinite(valeur):
        raise ErreurCours(f"{fonction}() : {nom} doit être un nombre fini ; reçu {x!r}.")
    return valeur


def montant(x: Any, nom: str, fonction: str, strictement_positif: bool = False) -> float:
    """Un montant (ou une quantité) positif ; ``strictement_positif`` refuse aussi 0."""
    valeur = nombre_fini(x, nom, fonction)
    if valeur < 0 or (strictement_positif and valeur == 0):
        attendu = "strictement positif" if strictement_positif else "positif ou nul"
        raise ErreurCours(
            f"{fonction}() : {nom} doit être {attendu} ; reçu {valeur:g}. "
            "Vérifiez le signe et la donnée utilisée."
        )
    return valeur


def taux(x: Any, nom: str, fonction: str, maximum: float = 1.0) -> float:
    """Un taux décimal entre 0 et ``maximum`` ; 5 pour 5 % est refusé avec le conseil."""
    valeur = nombre_fini(x, nom, fonction)
    if valeur < 0:
        raise ErreurCours(f"{fonction}() : {nom} ne peut pas être négatif ; reçu {valeur:g}.")
    if valeur > maximum:
        exemple = f"{valeur / 100:g}".replace(".", ",")
        raise ErreurCours(
            f"{fonction}() : {nom} vaut {valeur:g}, or un taux s'écrit en décimal "
            f"(entre 0 et {maximum:g}) : taux attendu en décimal, {exemple} pour "
            f"{valeur:g} %. Écrivez par exemple 0.05 pour 5 %."
        )
    return valeur


def entier_positif(x: Any, nom: str, fonction: str) -> int:
    """Un entier ≥ 1 (une durée en années, un nombre de périodes)."""
    valeur = nombre_fini(x, nom, fonction)
    if valeur != int(valeur) or valeur < 1:
        raise ErreurCours(
            f"{fonction}() : {nom} doit être un nombre entier d'au moins 1 ; reçu {x!r}."
        )
    return int(valeur)


def jours_base(x: Any, fonction: str) -> int:
    """La base de calcul en jours : 360 (année commerciale, convention du cours) ou 365."""
    if x not in (360, 365):
        raise ErreurCours(
            f"{fonction}() : jours vaut 360 (année commerciale, convention du cours) ou 365 ; "
            f"reçu {x!r}."
        )
    return int(x)


def colonnes_requises(df: Any, requises: tuple[str, ...], nom: str, fonction: str) -> None:
    """Vérifie que ``df`` est une table qui a les colonnes ``requises`` (avec suggestion)."""
    if not isinstance(df, pd.DataFrame):
        raise ErreurCours(
            f"{fonction}() : {nom} doit être une table (DataFrame), par exemple "
            f"gc.table('{nom}') ; reçu {type(df).__name__}."
        )
    for colonne in requises:
        if colonne not in df.columns:
            try:
                verifier_nom(colonne, [str(c) for c in df.columns], quoi=f"La colonne de {nom}")
            except ErreurCours as erreur:
                raise type(erreur)(
                    f"{fonction}() : il manque la colonne '{colonne}' dans {nom} "
                    f"(colonnes nécessaires : {', '.join(requises)}). {erreur}"
                ) from None
