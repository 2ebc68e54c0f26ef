"""Exceptions et messages d'erreur communs, écrits pour un étudiant.

Chaque erreur dit ce qui ne va pas, ce qui a été reçu, ce qui est permis,
et propose le nom valide le plus proche quand il y en a un.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = [
    "ErreurCours",
    "NomInconnu",
    "ErreurSQL",
    "suggestion",
    "verifier_nom",
]


def _trace_courte(erreur: BaseException) -> list[str]:
    """Ce qu'IPython affiche pour nos erreurs : le nom et le message, sans trace interne.

    L'étudiant n'a rien à lire dans le code de gc_helpers : le message dit déjà
    quoi corriger. (IPython appelle ``_render_traceback_`` s'il existe.)
    """
    rouge, normal = "\x1b[0;31m", "\x1b[0m"
    return [f"{rouge}{type(erreur).__name__}{normal}: {erreur}"]


class ErreurCours(ValueError):
    """Erreur d'utilisation d'une fonction du cours (message en français).

    Hérite de ``ValueError`` pour rester attrapable par du code générique.
    """

    def _render_traceback_(self) -> list[str]:
        return _trace_courte(self)


class NomInconnu(ErreurCours, KeyError):
    """Un nom (table, colonne, méthode…) qui n'existe pas."""

    def __str__(self) -> str:  # KeyError met le message entre guillemets
        return str(self.args[0]) if self.args else ""


class ErreurSQL(ErreurCours):
    """Une requête SQL refusée par DuckDB, expliquée en français."""


def suggestion(nom: str, possibles: Iterable[str]) -> str | None:
    """Renvoie le nom possible le plus proche de ``nom``, ou ``None``.

    >>> suggestion("CA", ["id_client", "ca_ht", "ville"])
    'ca_ht'
    >>> suggestion("zzz", ["id_client", "ville"]) is None
    True
    """
    possibles = list(possibles)
    par_minuscules = {p.lower(): p for p in possibles}
    if nom.lower() in par_minuscules:
        return par_minuscules[nom.lower()]
    proches = difflib.get_close_matches(nom.lower(), list(par_minuscules), n=1, cutoff=0.5)
    if proches:
        return par_minuscules[proches[0]]
    # « CA » → « ca_ht » : un préfixe court compte aussi.
    prefixes = [p for p in possibles if p.lower().startswith(nom.lower())]
    return prefixes[0] if len(prefixes) == 1 else None


def verifier_nom(nom: str, possibles: Iterable[str], quoi: str = "La colonne") -> str:
    """Vérifie que ``nom`` fait partie de ``possibles`` ; sinon, lève ``NomInconnu``.

    >>> verifier_nom("ville", ["ville", "ca_ht"])
    'ville'
    >>> verifier_nom("CA", ["id_client", "ca_ht"])
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.NomInconnu: La colonne 'CA' n'existe pas. Possibilités : id_client, ca_ht. Vouliez-vous dire 'ca_ht' ?
    """
    possibles = [str(p) for p in possibles]
    if nom in possibles:
        return nom
    message = f"{quoi} '{nom}' n'existe pas. Possibilités : {', '.join(possibles)}."
    proche = suggestion(str(nom), possibles)
    if proche is not None:
        message += f" Vouliez-vous dire '{proche}' ?"
    raise NomInconnu(message)
