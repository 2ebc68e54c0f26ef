"""Satisfaction et recommandation : l'indice NPS (*Net Promoter Score*).

À la question « Recommanderiez-vous Textiles Marceau à un collègue ? » (note de 0
à 10), on distingue les **promoteurs** (9 ou 10), les **passifs** (7 ou 8) et les
**détracteurs** (0 à 6). NPS = % de promoteurs − % de détracteurs, sur une échelle
de −100 à +100 (DESIGN §4).

>>> nps([10, 9, 8, 7, 3])  # 2 promoteurs, 1 détracteur sur 5 : 40 % − 20 %
20.0
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable
from typing import Any

import pandas as pd

from ._erreurs import ErreurCours

__all__ = ["nps", "repartition_nps"]


def _notes(notes: Any, fonction: str) -> pd.Series:
    """Les notes de 0 à 10, entières ; sinon un message qui dit quoi corriger."""
    if isinstance(notes, str | numbers.Number) or not isinstance(notes, Iterable):
        raise ErreurCours(
            f"{fonction}() attend une liste ou une colonne de notes de 0 à 10 "
            f"(par exemple enquetes['note_recommandation']) ; reçu {notes!r}."
        )
    serie = pd.Series(list(notes), dtype="object").dropna()
    if serie.empty:
        raise ErreurCours(f"{fonction}() : aucune note à analyser (la liste est vide).")
    invalides = [
        n
        for n in serie
        if isinstance(n, bool)
        or not isinstance(n, numbers.Real)
        or not float(n).is_integer()
        or not 0 <= n <= 10
    ]
    if invalides:
        raise ErreurCours(
            f"{fonction}() : les notes de recommandation sont des entiers de 0 à 10 ; reçu "
            f"{invalides[:5]!r}. Utilisez la colonne note_recommandation, pas "
            "note_satisfaction (de 1 à 5)."
        )
    return serie.astype(int)


def repartition_nps(notes: Any) -> pd.Series:
    """Parts (en décimal) des promoteurs, passifs et détracteurs, et l'effectif.

    >>> repartition_nps([10, 9, 8, 7, 3]).to_dict()
    {'promoteurs': 0.4, 'passifs': 0.4, 'detracteurs': 0.2, 'effectif': 5.0}
    """
    serie = _notes(notes, "repartition_nps")
    n = len(serie)
    return pd.Series(
        {
            "promoteurs": (serie >= 9).sum() / n,
            "passifs": serie.between(7, 8).sum() / n,
            "detracteurs": (serie <= 6).sum() / n,
            "effectif": float(n),
        }
    )


def nps(notes: Any) -> float:
    """L'indice NPS : % de notes 9–10 moins % de notes 0–6, de −100 à +100.

    >>> nps([6, 6, 10])  # 1/3 de promoteurs, 2/3 de détracteurs
    -33.33...
    >>> nps([11])
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: nps() : les notes de recommandation sont des entiers de 0 à 10 ; reçu [11]. ...
    """
    serie = _notes(notes, "nps")
    return float(((serie >= 9).sum() - (serie <= 6).sum()) / len(serie) * 100)
