"""Contrôles des nombres passés aux fonctions de calcul : montants, taux, jours, durées.

La seule façon de vérifier un nombre dans ``finance``, ``valeur_client`` et
``risque`` : chaque refus nomme la fonction et l'argument, dit ce qui a été
reçu, ce qui est permis et comment corriger, en français.

>>> taux(6, "taux", "interet_simple", maximum_inclus=False)  # doctest: +NORMALIZE_WHITESPACE
Traceback (most recent call last):
...
gc_helpers._erreurs.ErreurCours: interet_simple() : taux attendu en décimal : 0,05 pour 5 % ;
reçu taux=6. Un taux s'écrit entre 0 et 1 exclu : 0,06 pour 6 %. Écrivez taux=0.06 pour 6 %.
>>> montant(-5, "capital", "interet_simple")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
gc_helpers._erreurs.ErreurCours: interet_simple() : capital doit être positif ou nul ; reçu -5. ...
"""

from __future__ import annotations

import math
import numbers
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from ._erreurs import ErreurCours, verifier_nom

__all__: list[str] = []


def _decrire(x: Any) -> str:
    """Ce qui a été reçu, en court : le texte '…', ou la valeur et son type."""
    if isinstance(x, str):
        return f"le texte {x!r}"
    if isinstance(x, numbers.Real | Decimal) and not isinstance(x, bool | np.bool_):
        valeur = float(x)  # -5 plutôt que np.float64(-5.0) ou Decimal('-5')
        return str(int(valeur)) if valeur.is_integer() else repr(valeur)
    texte = repr(x)
    if len(texte) > 40:
        texte = texte[:39] + "…"
    return texte if x is None else f"{texte} ({type(x).__name__})"


def _fr(x: float) -> str:
    """Un nombre écrit à la française (virgule décimale) dans un message."""
    return f"{x:g}".replace(".", ",")


def nombre_fini(x: Any, nom: str, fonction: str) -> float:
    """Un nombre réel fini (les Decimal de DuckDB sont acceptés), sinon ``ErreurCours``."""
    if isinstance(x, bool | np.bool_) or not isinstance(x, numbers.Real | Decimal):
        conseil = " Écrivez un nombre sans guillemets, avec un point décimal : 1234.5."
        if isinstance(x, str):
            conseil = (
                " En Python, la virgule décimale s'écrit avec un point : 1234.5, sans guillemets."
            )
        raise ErreurCours(
            f"{fonction}() : {nom} doit être un nombre ; reçu {_decrire(x)}.{conseil}"
        )
    valeur = float(x)
    if not math.isfinite(valeur):
        raise ErreurCours(
            f"{fonction}() : {nom} doit être un nombre fini ; reçu {x!r}. Vérifiez la donnée "
            "utilisée (une division par zéro, une case vide ?)."
        )
    return valeur


def montant(
    x: Any, nom: str, fonction: str, strictement_positif: bool = False, conseil: str = ""
) -> float:
    """Un montant (ou une quantité) positif ; ``strictement_positif`` refuse aussi 0.

    ``conseil`` remplace le conseil par défaut (vérifier le signe, ou la valeur nulle).
    """
    valeur = nombre_fini(x, nom, fonction)
    if valeur < 0 or (strictement_positif and valeur == 0):
        attendu = "strictement positif" if strictement_positif else "positif ou nul"
        if not conseil:
            conseil = (
                "Un montant s'écrit sans signe moins (c'est le sens de l'opération qui dit "
                "s'il est reçu ou versé) : vérifiez le signe et la donnée utilisée."
                if valeur < 0
                else "Une valeur nulle n'a pas de sens ici (on divise par elle) : vérifiez la "
                "donnée utilisée."
            )
        raise ErreurCours(
            f"{fonction}() : {nom} doit être {attendu} ; reçu {_decrire(x)}. {conseil}"
        )
    return valeur


def jours(x: Any, nom: str, fonction: str) -> float:
    """Un nombre de jours positif ou nul (une durée, pas forcément entière)."""
    return montant(
        x,
        nom,
        fonction,
        conseil=(
            "Un nombre de jours se compte de la date de départ à l'échéance. Vérifiez l'ordre "
            "des dates : nombre_de_jours(debut, fin) avec fin après debut."
        ),
    )


def taux(
    x: Any, nom: str, fonction: str, maximum: float = 1.0, maximum_inclus: bool = True
) -> float:
    """Un taux décimal entre 0 et ``maximum`` ; 5 pour 5 % est refusé avec le conseil.

    ``maximum_inclus=False`` refuse aussi ``maximum`` lui-même (un taux d'intérêt de 1,
    c'est 100 % : presque toujours un pourcentage écrit 1 au lieu de 0.01).
    """
    valeur = nombre_fini(x, nom, fonction)
    if valeur < 0:
        raise ErreurCours(
            f"{fonction}() : {nom} ne peut pas être négatif ; reçu {nom}={_decrire(x)}. "
            "Écrivez le taux en décimal, sans signe : 0.05 pour 5 %."
        )
    if valeur > maximum or (not maximum_inclus and valeur == maximum):
        borne = f"entre 0 et {_fr(maximum)}" + ("" if maximum_inclus else " exclu")
        raise ErreurCours(
            f"{fonction}() : taux attendu en décimal : 0,05 pour 5 % ; reçu {nom}={_decrire(x)}. "
            f"Un taux s'écrit {borne} : {_fr(valeur / 100)} pour {_fr(valeur)} %. "
            f"Écrivez {nom}={valeur / 100:g} pour {_fr(valeur)} %."
        )
    return valeur


def entier(
    x: Any, nom: str, fonction: str, minimum: int = 1, unite: str = "périodes", conseil: str = ""
) -> int:
    """Un nombre entier d'au moins ``minimum`` (des périodes, des années, des jours)."""
    if (
        isinstance(x, bool | np.bool_)
        or not isinstance(x, numbers.Real | Decimal)
        or not float(x).is_integer()
        or x < minimum
    ):
        borne = "positif ou nul" if minimum == 0 else f"au moins égal à {minimum}"
        if isinstance(x, str):
            conseil = f"Écrivez-le sans guillemets. {conseil}"
        raise ErreurCours(
            f"{fonction}() : {nom} doit être un nombre entier{' de ' + unite if unite else ''}, "
            f"{borne} ; "
            f"reçu {_decrire(x)}. {conseil}".rstrip()
        )
    return int(x)


def entier_positif(x: Any, nom: str, fonction: str) -> int:
    """Un entier ≥ 1 (une durée en années, un seuil en jours…)."""
    return entier(x, nom, fonction, unite="")


def jours_base(
    x: Any, fonction: str, nom: str = "jours", bases: tuple[int, ...] = (360, 365)
) -> int:
    """La base de calcul en jours : 360 (année commerciale, convention du cours), 365…"""
    if isinstance(x, bool) or x not in bases:
        autres = [str(b) for b in bases if b != 360]
        permises = ", ".join(["360 (année commerciale)", *autres[:-1]]) + f" ou {autres[-1]}"
        raise ErreurCours(
            f"{fonction}() : {nom} doit valoir {permises} ; reçu {_decrire(x)}. "
            "La convention du cours est l'année commerciale de 360 jours."
            + (" Écrivez le nombre sans guillemets." if isinstance(x, str) else "")
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
