"""Comparer un résultat avec celui attendu, et l'expliquer en français.

Ce module sert aux exercices des notebooks (« Vérifier ma réponse ») et aux tests
des devoirs notés par nbgrader :

- les fonctions ``comparer_…`` renvoient un ``Verdict`` qui s'affiche
  « ✅ Bravo : … » ou « ❌ … » avec un conseil pour corriger ;
- les fonctions ``verifier_…`` ne disent rien quand la réponse est juste et lèvent
  ``ReponseIncorrecte`` (une ``AssertionError``, donc un test échoué pour nbgrader)
  avec le même message sinon.

Une réponse SQL est jugée sur la **table obtenue** (colonnes, lignes, valeurs ;
l'ordre des lignes seulement si la question le demande), jamais sur le texte de
la requête.

>>> import pandas as pd
>>> attendu = pd.DataFrame({"ville": ["Lyon", "Paris"], "clients": [12, 30]})
>>> comparer_tables(attendu.iloc[::-1], attendu)
✅ Bravo : votre résultat est correct (2 lignes, 2 colonnes).
>>> comparer_nombres(0.052, 0.052)
✅ Bravo : 0,052 est la bonne valeur.
"""

from __future__ import annotations

import html
import math
import numbers
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import numpy as np
import pandas as pd

from gc_helpers._erreurs import ErreurCours, _trace_courte, suggestion, verifier_nom
from gc_helpers.formats import _est_manquant, _pluriel, nombre, pourcentage

__all__ = [
    "Verdict",
    "ReponseIncorrecte",
    "comparer_tables",
    "verifier_table",
    "comparer_nombres",
    "verifier_nombre",
    "comparer_requete",
    "verifier_requete",
    "executer_reponse",
    "verifier_colonnes",
    "lire_reponse",
    "verifier_nombre_plausible",
    "verifier_suite",
    "verifier_nombres",
    "verifier_figure",
]

_NULL = "\x00NULL"  # représente NULL dans une colonne de texte : NULL = NULL pour la comparaison
# Au-delà de ce nombre de lignes restées sans correspondante, la réponse est fausse de toute
# façon : on ne cherche plus d'égalités approchées une à une (ce serait lent).
_MAX_RAPPROCHEMENTS = 500


class ReponseIncorrecte(AssertionError):
    """Réponse fausse : le message (en français) dit quoi corriger.

    Hérite d'``AssertionError`` : nbgrader compte le test comme échoué (et non
    comme une erreur du correcteur).
    """

    def _render_traceback_(self) -> list[str]:
        # IPython affiche ce message seul, sans la trace interne de gc_helpers.
        return _trace_courte(self)


@dataclass(frozen=True)
class Verdict:
    """Résultat d'une comparaison : ``ok`` (vrai/faux) et ``message`` en français.

    Un ``Verdict`` s'utilise comme un booléen (``if verdict:``) et s'affiche
    joliment dans un notebook.

    >>> v = Verdict(False, "Il manque la colonne 'ville'.")
    >>> bool(v), v
    (False, ❌ Il manque la colonne 'ville'.)
    """

    ok: bool
    message: str

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return ("✅ " if self.ok else "❌ ") + self.message

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        couleur, fond = ("#1b7a35", "#eaf6ed") if self.ok else ("#b3261e", "#fbeaea")
        texte = html.escape(str(self)).replace("\n", "<br>")
        return (
            f'<div style="border-left: 4px solid {couleur}; background: {fond}; '
            f'padding: 0.5em 0.8em; margin: 0.3em 0; color: #222;">{texte}</div>'
        )

    def verifier(self) -> None:
        """Ne fait rien si la réponse est juste ; lève ``ReponseIncorrecte`` sinon."""
        if not self.ok:
            raise ReponseIncorrecte(self.message)


# --------------------------------------------------------------------------- écriture des messages


def _a_decimales(decimales: int) -> str:
    return "à l'unité" if decimales == 0 else f"à {_pluriel(decimales, 'décimale')}"


def _decrire(x: Any) -> str:
    """« un texte (str) », « une liste »… : ce que l'étudiant a donné, avec l'article."""
    if x is None:
        return "None (aucune valeur)"
    if x is Ellipsis:
        return "« ... » (la cellule n'est pas encore complétée)"
    if isinstance(x, bool | np.bool_):
        return "un booléen (True/False)"
    if isinstance(x, str):
        return f"un texte (str) : {_couper(repr(x))}"
    if isinstance(x, numbers.Number | Decimal):
        return f"un nombre ({_ecrire(x)})"
    noms = {
        "list": "une liste",
        "tuple": "un tuple",
        "dict": "un dictionnaire",
        "set": "un ensemble",
        "Series": "une série (Series), c'est-à-dire une seule colonne",
        "DataFrame": "une table (DataFrame)",
        "Styler": "une table mise en forme (Styler)",
        "ndarray": "un tableau numpy",
        "DuckDBPyRelation": "une relation DuckDB",
        "DuckDBPyConnection": "une connexion DuckDB",
    }
    return noms.get(type(x).__name__, f"un objet de type {type(x).__name__}")


def _couper(texte: str, longueur: int = 60) -> str:
    return texte if len(texte) <= longueur else texte[: longueur - 1] + "…"


def _ecrire(valeur: Any) -> str:
    """Une valeur dans un message : nombres à la française, NULL pour une valeur manquante."""
    if (
        valeur is None
        or valeur is pd.NaT
        or (not isinstance(valeur, str) and _est_manquant(valeur))
    ):
        return "NULL"
    if isinstance(valeur, bool | np.bool_):
        return str(bool(valeur))
    if isinstance(valeur, numbers.Integral):
        return nombre(valeur)
    if isinstance(valeur, numbers.Real | Decimal):
        return _ecrire_nombre(float(valeur))
    if isinstance(valeur, pd.Timestamp | np.datetime64):
        moment = pd.Timestamp(valeur)
        return moment.strftime("%d/%m/%Y" if moment == moment.normalize() else "%d/%m/%Y %H:%M:%S")
    if hasattr(valeur, "strftime"):
        return valeur.strftime("%d/%m/%Y")
    return _couper(repr(str(valeur)), 40)


def _ecrire_nombre(x: float) -> str:
    """Jusqu'à 10 chiffres significatifs : un écart à la 4e décimale doit rester visible."""
    court = f"{x:.10g}"
    if "e" in court or "n" in court:  # très grand, très petit, inf, nan
        return court.replace(".", ",")
    chiffres = Decimal(court)
    # formats.nombre accepte au plus 10 décimales (0,0204081633 : 10 chiffres significatifs).
    return nombre(chiffres, min(10, max(0, -chiffres.as_tuple().exponent)))


def _ecrire_ligne(table: pd.DataFrame, position: int) -> str:
    valeurs = table.iloc[position].tolist()
    return "(" + ", ".join(_ecrire(v) for v in valeurs) + ")"


def _liste(noms: Sequence[str]) -> str:
    return ", ".join(f"'{n}'" for n in noms)


# --------------------------------------------------------------------------- types des colonnes


def _genre(serie: pd.Series) -> str:
    """'nombre', 'date', 'texte' ou 'vide' (colonne sans aucune valeur)."""
    dtype = serie.dtype
    if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_numeric_dtype(dtype):
        return "nombre"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    genre = pd.api.types.infer_dtype(serie, skipna=True)
    if genre in ("integer", "floating", "mixed-integer-float", "decimal", "boolean"):
        return "nombre"
    if genre in ("date", "datetime", "datetime64"):
        return "date"
    if genre == "empty":
        return "vide"
    return "texte"


def _nombres(serie: pd.Series) -> np.ndarray:
    """Nombres (int, float, Decimal de DuckDB, booléens) en float64, NULL → NaN."""
    if pd.api.types.is_bool_dtype(serie.dtype) and serie.dtype != object:
        serie = serie.astype("float64")
    if serie.dtype == object:
        serie = serie.map(lambda v: np.nan if _est_manquant(v) else float(v)).astype("float64")
    return serie.to_numpy(dtype="float64", na_value=np.nan)


def _dates(serie: pd.Series) -> np.ndarray | None:
    """Dates (date, datetime, Timestamp, texte ISO ou JJ/MM/AAAA) en entiers ; None si impossible.

    Les fuseaux horaires sont ramenés à l'heure UTC sans fuseau. NULL → NaT.
    """
    if not pd.api.types.is_datetime64_any_dtype(serie.dtype):
        presentes = serie.notna()
        convertie = pd.to_datetime(serie, errors="coerce", format="ISO8601", utc=True)
        if (convertie.isna() & presentes).any():
            convertie = pd.to_datetime(serie, errors="coerce", format="%d/%m/%Y", utc=True)
        if (convertie.isna() & presentes).any():
            return None
        serie = convertie
    if getattr(serie.dt, "tz", None) is not None:
        serie = serie.dt.tz_convert("UTC").dt.tz_localize(None)
    return serie.astype("datetime64[us]").to_numpy().view("int64")


def _textes(serie: pd.Series) -> np.ndarray:
    """Textes ; un nombre entier (même lu en flottant) s'écrit sans « .0 », NULL → repère."""

    def ecrire(v: Any) -> str:
        if v is None or _est_manquant(v):
            return _NULL
        if isinstance(v, numbers.Real) and not isinstance(v, bool) and float(v).is_integer():
            return str(int(v))
        return str(v)

    return np.array([ecrire(v) for v in serie.tolist()], dtype=object)


class _TypeIncompatible(Exception):
    """Une colonne de l'étudiant n'a pas le type de la colonne attendue."""


def _normaliser(serie: pd.Series, genre: str, nom: str) -> np.ndarray:
    """Convertit une colonne dans le genre de la colonne attendue (ou lève _TypeIncompatible)."""
    propre = _genre(serie)
    if genre == "nombre":
        if propre not in ("nombre", "vide"):
            exemple = _ecrire(serie.dropna().iloc[0])
            quoi = "du texte" if propre == "texte" else "des dates"
            raise _TypeIncompatible(
                f"La colonne '{nom}' contient {quoi} (par exemple {exemple}) alors que des "
                "nombres sont attendus : pas de guillemets autour des nombres, pas de mise en "
                "forme (gc.euros, format…) ni de CAST en texte dans la réponse."
            )
        return _nombres(serie)
    if genre == "date":
        dates = None if propre == "nombre" else _dates(serie)
        if dates is None:
            exemple = _ecrire(serie.dropna().iloc[0])
            raise _TypeIncompatible(
                f"La colonne '{nom}' devrait contenir des dates ; elle contient par exemple "
                f"{exemple}, qui n'est pas une date. Gardez la colonne de type DATE "
                "(ou un texte 'AAAA-MM-JJ')."
            )
        return dates
    return _textes(serie)


def _normaliser_tables(
    obtenu: pd.DataFrame, attendu: pd.DataFrame
) -> tuple[list[np.ndarray], list[np.ndarray], list[str]]:
    """Les deux tables, colonne par colonne, dans des types comparables."""
    cols_o, cols_a, genres = [], [], []
    for position, nom in enumerate(attendu.columns):
        serie_a, serie_o = attendu.iloc[:, position], obtenu.iloc[:, position]
        genre = _genre(serie_a)
        if genre == "vide":  # attendu tout NULL : on suit le type de l'étudiant
            genre = _genre(serie_o) if _genre(serie_o) != "vide" else "texte"
        cols_a.append(_normaliser(serie_a, genre, str(nom)))
        cols_o.append(_normaliser(serie_o, genre, str(nom)))
        genres.append(genre)
    return cols_o, cols_a, genres


# --------------------------------------------------------------------------- comparaison des lignes


def _egales(x: np.ndarray, y: np.ndarray, genre: str, tolerance: float) -> np.ndarray:
    """Égalité élément par élément : approchée pour les nombres, NULL = NULL."""
    if genre == "nombre":
        return np.isclose(x, y, rtol=tolerance, atol=tolerance, equal_nan=True)
    return x == y


def _cles(colonnes: list[np.ndarray], genres: list[str], tolerance: float) -> np.ndarray:
    """Une empreinte (entier 64 bits) par ligne, égale pour deux lignes égales.

    Les nombres sont d'abord ramenés sur une grille dont le pas suit la tolérance
    (relative au-delà de 1, absolue en dessous) : deux nombres égaux à la tolérance
    près ont presque toujours la même case ; les rares cas limites sont rattrapés
    ensuite par une comparaison directe.
    """
    morceaux = {}
    for k, (valeurs, genre) in enumerate(zip(colonnes, genres, strict=True)):
        if genre == "nombre":
            manquant = np.isnan(valeurs)
            if tolerance > 0:
                finies = np.isfinite(valeurs)
                with np.errstate(all="ignore"):  # ±inf et NaN gardent leur valeur comme clé
                    ordre = np.ceil(np.log2(np.maximum(np.abs(np.where(finies, valeurs, 1)), 1)))
                    pas = tolerance * np.exp2(ordre)
                    valeurs = np.where(finies, np.round(valeurs / pas), valeurs)
            morceaux[f"n{k}"] = manquant
            morceaux[f"v{k}"] = np.where(manquant, 0.0, valeurs) + 0.0  # + 0.0 : -0.0 → 0.0
        else:
            morceaux[f"v{k}"] = valeurs
    return pd.util.hash_pandas_object(pd.DataFrame(morceaux), index=False).to_numpy()


def _surplus(cles: np.ndarray, autres: np.ndarray) -> np.ndarray:
    """Vrai pour les lignes de ``cles`` sans correspondante dans ``autres`` (multi-ensembles)."""
    serie = pd.Series(cles)
    rang = serie.groupby(serie).cumcount().to_numpy()
    disponibles = serie.map(pd.Series(autres).value_counts()).fillna(0).to_numpy()
    return rang >= disponibles


def _differences(
    cols_o: list[np.ndarray], cols_a: list[np.ndarray], genres: list[str], tolerance: float
) -> tuple[np.ndarray, np.ndarray]:
    """Positions des lignes inattendues (dans obtenu) et manquantes (dans attendu)."""
    cles_o, cles_a = _cles(cols_o, genres, tolerance), _cles(cols_a, genres, tolerance)
    en_trop, manquantes = _surplus(cles_o, cles_a), _surplus(cles_a, cles_o)

    # Les lignes appariées par empreinte sont vérifiées à la tolérance près.
    apparie_o = np.flatnonzero(~en_trop)
    apparie_a = np.flatnonzero(~manquantes)
    ordre_o = apparie_o[np.lexsort((_rangs(cles_o[apparie_o]), cles_o[apparie_o]))]
    ordre_a = apparie_a[np.lexsort((_rangs(cles_a[apparie_a]), cles_a[apparie_a]))]
    bonnes = np.ones(len(ordre_o), dtype=bool)
    for x, y, genre in zip(cols_o, cols_a, genres, strict=True):
        bonnes &= _egales(x[ordre_o], y[ordre_a], genre, tolerance)
    en_trop[ordre_o[~bonnes]] = True
    manquantes[ordre_a[~bonnes]] = True

    _rapprocher(cols_o, cols_a, genres, tolerance, en_trop, manquantes)
    return np.flatnonzero(en_trop), np.flatnonzero(manquantes)


def _rangs(cles: np.ndarray) -> np.ndarray:
    serie = pd.Series(cles)
    return serie.groupby(serie).cumcount().to_numpy()


def _rapprocher(
    cols_o: list[np.ndarray],
    cols_a: list[np.ndarray],
    genres: list[str],
    tolerance: float,
    en_trop: np.ndarray,
    manquantes: np.ndarray,
) -> None:
    """Apparie, à la tolérance près, les lignes restées seules (cas limites de la grille)."""
    restes_o = np.flatnonzero(en_trop)
    restes_a = np.flatnonzero(manquantes)
    if not len(restes_o) or not len(restes_a) or len(restes_a) > _MAX_RAPPROCHEMENTS:
        return
    libres = np.ones(len(restes_o), dtype=bool)
    for a in restes_a:
        egal = libres.copy()
        for x, y, genre in zip(cols_o, cols_a, genres, strict=True):
            egal &= _egales(x[restes_o], y[a], genre, tolerance)
        trouves = np.flatnonzero(egal)
        if len(trouves):
            libres[trouves[0]] = False
            en_trop[restes_o[trouves[0]]] = False
            manquantes[a] = False


def _memes_valeurs(x: np.ndarray, y: np.ndarray, genre: str, tolerance: float) -> bool:
    """Vrai si deux colonnes contiennent les mêmes valeurs, dans n'importe quel ordre."""
    return bool(_egales(np.sort(x), np.sort(y), genre, tolerance).all())


# --------------------------------------------------------------------------- conseils


def _arrondi_de(arrondies: np.ndarray, exactes: np.ndarray, decimales: int) -> bool:
    """Vrai si ``arrondies`` est ``exactes`` arrondi à ``decimales`` (au pair ou commercial)."""
    facteur = 10.0**decimales
    commercial = np.sign(exactes) * np.floor(np.abs(exactes) * facteur + 0.5) / facteur
    return any(
        np.allclose(arrondies, r, rtol=0, atol=1e-9) and not np.allclose(r, exactes, atol=1e-12)
        for r in (np.round(exactes, decimales), commercial)
    )


def _conseil_nombres(x: np.ndarray, y: np.ndarray, nom: str, tolerance: float) -> str:
    """Explique l'écart entre deux colonnes de nombres (valeurs triées, même longueur)."""
    x, y = np.sort(x), np.sort(y)
    if np.isnan(x).sum() != np.isnan(y).sum():
        return (
            f"La colonne '{nom}' contient {_pluriel(int(np.isnan(x).sum()), 'valeur')} NULL, "
            f"au lieu de {int(np.isnan(y).sum())} : une jointure externe (LEFT JOIN) oubliée, "
            "ou un COALESCE(…, 0) en trop ou en moins ?"
        )
    if nom.lower().startswith("id_"):
        return (
            f"Les identifiants '{nom}' ne sont pas ceux attendus : ce ne sont pas les bonnes "
            "lignes (filtre, tri ou LIMIT ?)."
        )
    presents = ~np.isnan(y)
    x, y = x[presents], y[presents]
    if np.any(y) and np.allclose(x, 100 * y, rtol=1e-6, atol=100 * tolerance):
        return (
            f"Les valeurs de '{nom}' sont 100 fois trop grandes : un taux s'écrit en décimal "
            "(0.052 pour 5,2 %), ne le multipliez pas par 100."
        )
    if np.any(x) and np.allclose(100 * x, y, rtol=1e-6, atol=100 * tolerance):
        return f"Les valeurs de '{nom}' sont 100 fois trop petites : une division par 100 en trop ?"
    for decimales in range(4):
        if _arrondi_de(x, y, decimales):
            return (
                f"Les valeurs de '{nom}' sont arrondies {_a_decimales(decimales)} : "
                "le résultat attendu n'est pas arrondi (n'utilisez pas ROUND ici)."
            )
        if _arrondi_de(y, x, decimales):
            return (
                f"Les valeurs de '{nom}' doivent être arrondies {_a_decimales(decimales)} : "
                f"utilisez ROUND({nom}, {decimales})."
            )
    # Valeurs triées comparées rang par rang : toutes plus grandes (ou égales) que prévu.
    egales = np.isclose(x, y, rtol=tolerance, atol=tolerance)
    if np.all(egales | (x > y)):
        return (
            f"Les valeurs de '{nom}' sont trop grandes : une jointure qui duplique des lignes "
            "(comptées plusieurs fois) ? un filtre oublié (WHERE) ?"
        )
    if np.all(egales | (x < y)):
        return (
            f"Les valeurs de '{nom}' sont trop petites : un filtre en trop ou trop strict ? "
            "une jointure interne qui perd des lignes ?"
        )
    return f"Les valeurs de la colonne '{nom}' ne sont pas celles attendues."


def _conseil_colonne(x: np.ndarray, y: np.ndarray, genre: str, nom: str, tolerance: float) -> str:
    if genre == "nombre":
        return _conseil_nombres(x, y, nom, tolerance)
    if genre == "texte":
        simplifier = np.vectorize(lambda t: " ".join(str(t).split()).casefold(), otypes=[object])
        if len(x) and _memes_valeurs(simplifier(x), simplifier(y), "texte", 0):
            return (
                f"Les textes de '{nom}' diffèrent seulement par les majuscules ou les espaces : "
                "vérifiez UPPER, LOWER, TRIM."
            )
    return f"Les valeurs de la colonne '{nom}' ne sont pas celles attendues."


def _exemples(table: pd.DataFrame, positions: np.ndarray, combien: int, titre: str) -> str:
    """Quelques lignes en exemple (``combien`` au plus), écrites à la française."""
    if combien <= 0 or not len(positions):
        return ""
    montrees = positions[:combien]
    if len(positions) > len(montrees):
        titre = f"{titre} ({len(montrees)} sur {len(positions)})"
    lignes = "\n".join("  • " + _ecrire_ligne(table, int(p)) for p in montrees)
    return f"\n{titre} :\n{lignes}"


# --------------------------------------------------------------------------- comparer deux tables


def _en_table(obtenu: Any) -> pd.DataFrame | None:
    """Le DataFrame de la réponse (une relation DuckDB est exécutée), ou None."""
    if isinstance(obtenu, pd.DataFrame):
        return obtenu
    if type(obtenu).__name__ == "DuckDBPyRelation":
        # DuckDB 2.0 + pandas 3 : une colonne TIMESTAMPTZ déclenche un avertissement
        # de pandas (stderr), qui vaudrait 0 à la cellule dans nbgrader.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return obtenu.df()
    return None


_CONSEILS_TYPE = {
    "NoneType": " Vérifiez que la cellule range bien le résultat dans la variable "
    "(reponse = …) et qu'elle a été exécutée.",
    "ellipsis": " Remplacez ... par votre réponse.",
    "str": ' Si c\'est une requête SQL, exécutez-la : gc.requete("""SELECT …""").',
    "Series": " Après un groupby, ajoutez .reset_index() ; sinon utilisez .to_frame().",
    "Styler": " Donnez le DataFrame lui-même, sans .style ni gc.tableau().",
}


def _verifier_colonnes(
    obtenu: pd.DataFrame, attendu: pd.DataFrame, noms_colonnes: bool
) -> tuple[pd.DataFrame | None, str]:
    """Remet les colonnes de l'étudiant dans l'ordre attendu, ou explique ce qui manque."""
    attendues = [str(c) for c in attendu.columns]
    obtenues = [str(c) for c in obtenu.columns]
    rappel = f"\nColonnes attendues : {', '.join(attendues)}."
    if not noms_colonnes:
        if len(obtenues) != len(attendues):
            attendues_txt = _pluriel(len(attendues), "colonne")
            verbe = "est attendue" if len(attendues) == 1 else "sont attendues"
            return None, (
                f"Votre table a {_pluriel(len(obtenues), 'colonne')} ; "
                f"{attendues_txt} {verbe}." + rappel
            )
        return obtenu.set_axis(attendu.columns, axis=1), ""

    en_minuscules = [o.lower() for o in obtenues]
    doubles = sorted({o for o in obtenues if en_minuscules.count(o.lower()) > 1})
    if doubles:
        sujet = "La colonne" if len(doubles) == 1 else "Les colonnes"
        verbe = "apparaît" if len(doubles) == 1 else "apparaissent"
        return None, (
            f"{sujet} {_liste(doubles)} {verbe} plusieurs fois dans votre résultat : "
            "listez les colonnes demandées au lieu de SELECT *, ou renommez-les avec AS."
        )
    manquantes = [a for a in attendues if a.lower() not in en_minuscules]
    en_trop = [o for o in obtenues if o.lower() not in {a.lower() for a in attendues}]
    if not manquantes and not en_trop:
        positions = [en_minuscules.index(a.lower()) for a in attendues]
        return obtenu.iloc[:, positions].set_axis(attendu.columns, axis=1), ""

    phrases = []
    if manquantes:
        debut = "Il manque la colonne" if len(manquantes) == 1 else "Il manque les colonnes"
        phrases.append(f"{debut} {_liste(manquantes)}.")
        index = [str(n) for n in obtenu.index.names if n is not None]
        for nom in manquantes:
            if nom.lower() in [n.lower() for n in index]:
                phrases.append(f"'{nom}' est dans l'index de votre table : ajoutez .reset_index().")
            proche = suggestion(nom, en_trop) if en_trop else None
            if proche is not None:
                phrases.append(
                    f"Votre colonne '{proche}' devrait-elle s'appeler '{nom}' ? "
                    f"Renommez-la avec AS {nom} (en SQL) ou "
                    f".rename(columns={{'{proche}': '{nom}'}}) (en pandas)."
                )
    if en_trop:
        pluriel = "Colonne en trop" if len(en_trop) == 1 else "Colonnes en trop"
        phrases.append(f"{pluriel} : {_liste(en_trop)} ; ne gardez que les colonnes demandées.")
    return None, " ".join(phrases) + rappel + f"\nColonnes obtenues : {', '.join(obtenues)}."


def _message_lignes(n_obtenu: int, n_attendu: int) -> str:
    if n_obtenu == 0:
        return (
            f"Votre résultat ne contient aucune ligne ; {_pluriel(n_attendu, 'ligne')} "
            f"{'attendue' if n_attendu <= 1 else 'attendues'} : un filtre trop strict (WHERE) ? "
            "une jointure interne qui perd des lignes ? une faute dans une valeur comparée "
            "(majuscules, accents) ?"
        )
    if n_obtenu > n_attendu:
        return (
            f"Votre résultat a trop de lignes : {n_obtenu} au lieu de {n_attendu}. "
            "Une jointure qui duplique des lignes ? un filtre manquant (WHERE, ou HAVING pour "
            "une condition sur un total) ? un GROUP BY oublié ?"
        )
    return (
        f"Votre résultat n'a pas assez de lignes : {n_obtenu} au lieu de {n_attendu}. "
        "Un filtre trop strict ? une jointure interne qui perd des lignes (LEFT JOIN) ?"
    )


def _verifier_options(tolerance: Any, exemples: Any) -> None:
    if isinstance(tolerance, bool) or not isinstance(tolerance, numbers.Real) or tolerance < 0:
        raise ErreurCours(
            f"tolerance doit être un nombre positif ou nul (par exemple 1e-6) ; reçu {tolerance!r}."
        )
    if isinstance(exemples, bool) or not isinstance(exemples, numbers.Integral) or exemples < 0:
        raise ErreurCours(
            f"exemples doit être un entier positif ou nul (par exemple 3) ; reçu {exemples!r}."
        )


def comparer_tables(
    obtenu: Any,
    attendu: pd.DataFrame,
    ordre: bool = False,
    tolerance: float = 1e-6,
    noms_colonnes: bool = True,
    colonnes_ordre: Sequence[str] | None = None,
    exemples: int = 3,
) -> Verdict:
    """Compare une table obtenue (résultat d'une requête) avec la table attendue.

    Vérifie dans l'ordre, avec à chaque fois un conseil pour corriger :

    1. le type : une table (DataFrame) est attendue ;
    2. les noms de colonnes (sans tenir compte des majuscules ni de l'ordre des
       colonnes) ; avec ``noms_colonnes=False``, seulement leur nombre, les
       colonnes étant prises dans l'ordre ;
    3. le nombre de lignes ;
    4. les valeurs, ligne par ligne, sans tenir compte de l'ordre des lignes
       (sauf ``ordre=True``). Les nombres sont égaux à ``tolerance`` près
       (relative et absolue), quel que soit leur type (int, float, Decimal) ;
       les dates peuvent être des date, datetime, Timestamp ou textes ISO ;
       NULL est égal à NULL. Jusqu'à ``exemples`` lignes manquantes et autant de
       lignes inattendues sont montrées (``exemples=0`` pour ne rien dévoiler).

    Avec ``ordre=True``, ``colonnes_ordre`` (facultatif) désigne les colonnes du
    ORDER BY : deux lignes à égalité sur ces colonnes peuvent alors venir dans
    n'importe quel ordre.

    >>> import pandas as pd
    >>> attendu = pd.DataFrame({"id_client": [1, 2], "ca_ht": [1500.0, 320.5]})
    >>> comparer_tables(pd.DataFrame({"id_client": [1, 2]}), attendu)
    ❌ Il manque la colonne 'ca_ht'.
    Colonnes attendues : id_client, ca_ht.
    Colonnes obtenues : id_client.
    >>> comparer_tables(attendu.iloc[::-1], attendu, ordre=True).ok
    False
    >>> comparer_tables("SELECT * FROM clients", attendu).ok
    False
    """
    _verifier_options(tolerance, exemples)
    attendu_table = _en_table(attendu)
    if attendu_table is None:
        raise ErreurCours(
            "comparer_tables() : attendu doit être une table (DataFrame) ; "
            f"reçu {_decrire(attendu)}."
        )
    table = _en_table(obtenu)
    if table is None:
        conseil = _CONSEILS_TYPE.get(type(obtenu).__name__, "")
        return Verdict(
            False,
            f"Votre réponse est {_decrire(obtenu)} ; une table (DataFrame) est attendue.{conseil}",
        )

    table, probleme = _verifier_colonnes(table, attendu_table, noms_colonnes)
    if table is None:
        return Verdict(False, probleme)
    if isinstance(colonnes_ordre, str):
        colonnes_ordre = [colonnes_ordre]
    if colonnes_ordre is not None:
        colonnes_ordre = [_nom_attendu(c, attendu_table) for c in colonnes_ordre]

    # Valeurs extrêmes (1e308 × 100, inf − inf) : pas d'avertissement numpy sur stderr.
    with np.errstate(all="ignore"):
        return _comparer_lignes(table, attendu_table, ordre, tolerance, colonnes_ordre, exemples)


def _comparer_lignes(
    table: pd.DataFrame,
    attendu: pd.DataFrame,
    ordre: bool,
    tolerance: float,
    colonnes_ordre: list[str] | None,
    exemples: int,
) -> Verdict:
    """Compare les lignes de deux tables aux colonnes déjà alignées (mêmes noms, même ordre)."""
    n_o, n_a = len(table), len(attendu)
    try:
        cols_o, cols_a, genres = _normaliser_tables(table, attendu)
    except _TypeIncompatible as erreur:
        return Verdict(False, str(erreur))

    if n_o == n_a and ordre and _dans_l_ordre(cols_o, cols_a, genres, tolerance):
        return _bravo(n_a, len(genres), ordre=True)
    en_trop, manquantes = _differences(cols_o, cols_a, genres, tolerance)
    if not len(en_trop) and not len(manquantes):
        if not ordre:
            return _bravo(n_a, len(genres), ordre=False)
        if colonnes_ordre and _ordre_equivalent(table, attendu, colonnes_ordre, tolerance):
            return _bravo(n_a, len(genres), ordre=True)
        return Verdict(
            False,
            "Les bonnes lignes sont là, mais pas dans l'ordre demandé : vérifiez votre "
            "ORDER BY (sens croissant ASC / décroissant DESC ? bonne colonne ?).",
        )

    if n_o != n_a:
        message = _message_lignes(n_o, n_a)
        doublons = _a_des_doublons(cols_o, genres, tolerance)
        if n_o > n_a and doublons and not _a_des_doublons(cols_a, genres, tolerance):
            message += " Votre résultat contient des lignes en double (DISTINCT ?)."
    else:
        message = _message_valeurs(cols_o, cols_a, genres, attendu.columns, tolerance)
    message += _exemples(
        attendu, manquantes, exemples, "Lignes attendues absentes de votre résultat"
    )
    message += _exemples(
        table, en_trop, exemples, "Lignes de votre résultat qui ne sont pas attendues"
    )
    return Verdict(False, message)


def _nom_attendu(nom: Any, attendu: pd.DataFrame) -> str:
    noms = [str(c) for c in attendu.columns]
    par_minuscules = {n.lower(): n for n in noms}
    return par_minuscules.get(str(nom).lower()) or verifier_nom(str(nom), noms)


def _bravo(lignes: int, colonnes: int, ordre: bool) -> Verdict:
    fin = ", dans le bon ordre" if ordre else ""
    return Verdict(
        True,
        f"Bravo : votre résultat est correct ({_pluriel(lignes, 'ligne')}, "
        f"{_pluriel(colonnes, 'colonne')}{fin}).",
    )


def _dans_l_ordre(
    cols_o: list[np.ndarray], cols_a: list[np.ndarray], genres: list[str], tolerance: float
) -> bool:
    return all(
        _egales(x, y, g, tolerance).all() for x, y, g in zip(cols_o, cols_a, genres, strict=True)
    )


def _ordre_equivalent(
    obtenu: pd.DataFrame, attendu: pd.DataFrame, colonnes: list[str], tolerance: float
) -> bool:
    """Les colonnes du ORDER BY se suivent dans le même ordre (égalités permises)."""
    sous_o, sous_a = obtenu[colonnes], attendu[colonnes]
    cols_o, cols_a, genres = _normaliser_tables(sous_o, sous_a)
    return _dans_l_ordre(cols_o, cols_a, genres, tolerance)


def _a_des_doublons(colonnes: list[np.ndarray], genres: list[str], tolerance: float) -> bool:
    return bool(pd.Series(_cles(colonnes, genres, tolerance)).duplicated().any())


def _message_valeurs(
    cols_o: list[np.ndarray],
    cols_a: list[np.ndarray],
    genres: list[str],
    noms: pd.Index,
    tolerance: float,
) -> str:
    """Même nombre de lignes, mais des valeurs différentes : quelles colonnes ?"""
    fausses = [
        k
        for k, (x, y, g) in enumerate(zip(cols_o, cols_a, genres, strict=True))
        if not _memes_valeurs(x, y, g, tolerance)
    ]
    if not fausses:
        return (
            "Chaque colonne contient les bonnes valeurs, mais elles ne sont pas associées sur "
            "les bonnes lignes : vérifiez la condition de jointure (ON …) ou le GROUP BY."
        )
    justes = [str(noms[k]) for k in range(len(genres)) if k not in fausses]
    conseils = [
        _conseil_colonne(cols_o[k], cols_a[k], genres[k], str(noms[k]), tolerance)
        for k in fausses[:3]
    ]
    debut = ""
    if len(justes) == 1:
        debut = f"La colonne {_liste(justes)} est juste. "
    elif justes:
        debut = f"Les colonnes {_liste(justes)} sont justes. "
    return debut + " ".join(conseils)


def verifier_table(obtenu: Any, attendu: pd.DataFrame, **options: Any) -> None:
    """Ne dit rien si la table est la bonne ; sinon lève ``ReponseIncorrecte`` (test échoué).

    Mêmes options que ``comparer_tables`` (``ordre``, ``tolerance``, ``noms_colonnes``,
    ``colonnes_ordre``, ``exemples``).

    >>> import pandas as pd
    >>> attendu = pd.DataFrame({"ville": ["Nice"], "clients": [4]})
    >>> verifier_table(pd.DataFrame({"VILLE": ["Nice"], "clients": [4.0]}), attendu)
    >>> verifier_table(None, attendu)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    gc_helpers.correction.ReponseIncorrecte: Votre réponse est None (aucune valeur) ; une table
    (DataFrame) est attendue. Vérifiez que la cellule range bien le résultat dans la variable
    (reponse = …) et qu'elle a été exécutée.
    """
    comparer_tables(obtenu, attendu, **options).verifier()


# --------------------------------------------------------------------------- comparer deux nombres


def _en_nombre(obtenu: Any) -> tuple[float | None, str]:
    """Le nombre de la réponse, ou None et l'explication de ce qui ne va pas."""
    if isinstance(obtenu, bool | np.bool_):
        return None, "Votre réponse est un booléen (True/False) ; un nombre est attendu."
    if isinstance(obtenu, numbers.Real | Decimal):
        return float(obtenu), ""
    if isinstance(obtenu, str):
        propre = obtenu.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        propre = propre.replace("€", "").replace("%", "").replace(",", ".")
        try:
            float(propre)
        except ValueError:
            return None, f"Votre réponse est {_decrire(obtenu)} ; un nombre est attendu."
        return None, (
            f"Votre réponse est un texte ({obtenu!r}) ; donnez un nombre, sans guillemets : "
            f"{propre} (en Python, la virgule décimale s'écrit avec un point)."
        )
    if isinstance(obtenu, pd.DataFrame | pd.Series) and obtenu.size == 1:
        extraire = ".iloc[0, 0]" if isinstance(obtenu, pd.DataFrame) else ".iloc[0]"
        return None, (
            f"Votre réponse est {_decrire(obtenu)} d'une seule valeur ; un nombre est attendu : "
            f"extrayez-le avec {extraire}."
        )
    conseil = " Remplacez ... par votre calcul." if obtenu is Ellipsis else ""
    if obtenu is None:
        conseil = " Vérifiez que la cellule calcule et range bien le résultat dans la variable."
    return None, f"Votre réponse est {_decrire(obtenu)} ; un nombre est attendu.{conseil}"


def _proche(x: float, y: float, relatif: float = 1e-4) -> bool:
    return math.isclose(x, y, rel_tol=relatif, abs_tol=1e-12)


def _est_arrondi(o: float, a: float, decimales: int) -> bool:
    """Vrai si o est a arrondi à ``decimales`` (arrondi commercial ou arrondi de Python)."""
    commercial = float(Decimal(repr(a)).quantize(Decimal(1).scaleb(-decimales), ROUND_HALF_UP))
    return any(abs(o - r) <= 1e-9 * max(1.0, abs(a)) for r in (commercial, round(a, decimales)))


def _conseil_nombre(o: float, a: float, limite: float) -> str:
    """Une erreur classique qui expliquerait l'écart entre o et a."""
    if (
        a != 0
        and math.isfinite(100 * a)
        and abs(o - 100 * a) <= max(100 * limite, 1e-9 * abs(100 * a))
    ):
        return (
            " Vous semblez avoir donné un pourcentage : un taux s'écrit en décimal "
            f"({_ecrire_nombre(a)} et non {_ecrire_nombre(o)})."
        )
    if o != 0 and abs(100 * o - a) <= max(limite, 1e-9 * abs(a)):
        return " Votre résultat est 100 fois trop petit : une division par 100 en trop ?"
    if a != 0 and abs(o + a) <= limite:
        return " Le signe est inversé."
    for decimales in range(5 if abs(a) < 1e15 else 0):
        if _est_arrondi(o, a, decimales):
            return (
                f" Votre résultat est arrondi {_a_decimales(decimales)} : gardez toutes "
                "les décimales (n'arrondissez qu'à l'affichage)."
            )
    for facteur, conseil in (
        (1.2, " Votre résultat est 1,2 fois trop grand : TTC au lieu de HT (TVA à 20 %) ?"),
        (1 / 1.2, " Votre résultat est 1,2 fois trop petit : HT au lieu de TTC (TVA à 20 %) ?"),
        (365 / 360, " Écart de 365/360 : l'année commerciale compte 360 jours, pas 365."),
        (360 / 365, " Écart de 360/365 : ici l'année compte 365 jours, pas 360."),
    ):
        if a != 0 and _proche(o, a * facteur):
            return conseil
    if a != 0 and abs(o - a) / abs(a) < 0.005:
        return (
            f" Vous êtes très proche (écart de {pourcentage(abs(o - a) / abs(a), 2)}) : "
            "un arrondi pendant le calcul ? Gardez toutes les décimales jusqu'au résultat."
        )
    return ""


def comparer_nombres(
    obtenu: Any,
    attendu: float,
    tolerance: float = 0.01,
    relative: bool = False,
    montrer_attendu: bool = False,
    pieges: Sequence[tuple[float, str]] = (),
    indice: str = "",
) -> Verdict:
    """Compare un nombre obtenu avec la valeur attendue.

    Juste si l'écart ne dépasse pas ``tolerance`` (un écart absolu : 0,01 = au
    centime près), ou ``tolerance × |attendu|`` si ``relative=True``. Un message
    explique les erreurs classiques : texte au lieu d'un nombre, taux donné en
    pourcentage (5 au lieu de 0,05), arrondi trop tôt, HT/TTC, 360/365 jours.
    ``montrer_attendu=True`` ajoute la valeur attendue au message.

    ``pieges`` : des erreurs types connues, ``(valeur fausse, conseil)`` ; une réponse
    égale (à la même tolérance) à une valeur fausse reçoit son conseil. ``indice`` :
    une aide ajoutée à tout message d'erreur (tests des devoirs).

    >>> comparer_nombres(5.2, 0.052)  # doctest: +NORMALIZE_WHITESPACE
    ❌ Votre résultat (5,2) n'est pas la valeur attendue. Vous semblez avoir donné un
    pourcentage : un taux s'écrit en décimal (0,052 et non 5,2).
    >>> print(comparer_nombres("12,5", 12.5))  # doctest: +NORMALIZE_WHITESPACE
    ❌ Votre réponse est un texte ('12,5') ; donnez un nombre, sans guillemets : 12.5
    (en Python, la virgule décimale s'écrit avec un point).
    >>> comparer_nombres(98.7, 98.765, montrer_attendu=True)  # doctest: +NORMALIZE_WHITESPACE
    ❌ Votre résultat (98,7) n'est pas la valeur attendue (98,765). Vous êtes très proche (écart
    de 0,07\xa0%) : un arrondi pendant le calcul ? Gardez toutes les décimales jusqu'au
    résultat.
    """
    _verifier_options(tolerance, 0)
    if isinstance(attendu, bool) or not isinstance(attendu, numbers.Real | Decimal):
        raise ErreurCours(
            f"comparer_nombres() : attendu doit être un nombre ; reçu {_decrire(attendu)}."
        )
    a = float(attendu)
    o, probleme = _en_nombre(obtenu)
    if o is None:
        return Verdict(False, probleme)
    if math.isnan(o):
        return Verdict(
            False,
            "Votre réponse vaut NaN (« pas un nombre ») : une valeur manquante dans le calcul, "
            "ou 0 divisé par 0 ?",
        )
    if math.isinf(o):
        return Verdict(False, "Votre réponse est infinie : une division par zéro ?")
    limite = tolerance * abs(a) if relative else tolerance
    # Une marge infime absorbe les erreurs d'arrondi des flottants (0.1 + 0.2).
    if abs(o - a) <= limite + 1e-9 * max(1.0, abs(a)):
        return Verdict(True, f"Bravo : {_ecrire(obtenu)} est la bonne valeur.")
    reference = f" ({_ecrire(attendu)})" if montrer_attendu else ""
    conseil = _conseil_piege(o, pieges, tolerance, relative) or _conseil_nombre(o, a, limite)
    return Verdict(
        False,
        f"Votre résultat ({_ecrire(obtenu)}) n'est pas la valeur attendue{reference}."
        + conseil
        + (f" {indice}" if indice else ""),
    )


def _conseil_piege(
    o: float, pieges: Sequence[tuple[float, str]], tolerance: float, relative: bool
) -> str:
    """Le conseil de la première erreur type dont la valeur fausse égale ``o`` ; '' sinon."""
    for faux, conseil in pieges:
        faux = float(faux)
        limite = tolerance * abs(faux) if relative else tolerance
        if math.isfinite(faux) and abs(o - faux) <= limite + 1e-9 * max(1.0, abs(faux)):
            return f" {conseil}"
    return ""


def verifier_nombre(obtenu: Any, attendu: float, **options: Any) -> None:
    """Ne dit rien si le nombre est le bon ; sinon lève ``ReponseIncorrecte``.

    Mêmes options que ``comparer_nombres`` (``tolerance``, ``relative``, ``montrer_attendu``).

    >>> verifier_nombre(0.1 + 0.2, 0.3)
    >>> verifier_nombre(None, 0.3)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    gc_helpers.correction.ReponseIncorrecte: Votre réponse est None (aucune valeur) ; un nombre
    est attendu. Vérifiez que la cellule calcule et range bien le résultat dans la variable.
    """
    comparer_nombres(obtenu, attendu, **options).verifier()


# --------------------------------------------------------------------------- requêtes SQL

_CONSEIL_SQL = 'Écrivez votre requête SQL entre triple guillemets : reponse = """SELECT … FROM …"""'
# Ce que nbgrader laisse dans une cellule de réponse pas encore remplie (nbgrader_config.py).
_MARQUES_NON_COMMENCE = ("VOTRE CODE ICI", "raise NotImplementedError")


#: Au-delà, un résultat d'étudiant est refusé sans être chargé (jointure sans ON…).
LIGNES_MAX = 200_000


def _executer(sql: str, con: Any) -> pd.DataFrame:
    """Exécute la requête ; sans ``con``, sur une copie neuve des données d'origine.

    Ainsi un DELETE fait plus haut dans le notebook ne change ni le résultat
    d'un exercice ni la note d'un devoir. Les données d'origine sont lues en
    lecture seule, sans copie (voir ``donnees.connexion_lecture``).
    """
    from gc_helpers import donnees  # importé à l'usage : ouvre la base du cours

    if con is None:
        con = donnees.connexion_lecture()
    return donnees.requete(sql, con=con, lignes_max=LIGNES_MAX)


def _sans_commentaires(sql: str) -> str:
    lignes = [ligne.split("--", 1)[0] for ligne in sql.splitlines()]
    return " ".join(lignes).strip().strip(";").strip()


def _probleme_texte_sql(sql: Any) -> str:
    """Ce qui empêche d'exécuter la réponse (pas un texte, vide, pas commencée) ; '' sinon."""
    if isinstance(sql, pd.DataFrame):
        return (
            "Votre réponse est une table (DataFrame) ; ici, on attend le texte de la requête "
            "SQL elle-même. " + _CONSEIL_SQL
        )
    if not isinstance(sql, str):
        return _CONSEIL_SQL
    if any(marque in sql for marque in _MARQUES_NON_COMMENCE):
        return (
            "Vous n'avez pas encore écrit votre requête : remplacez les lignes "
            "« # VOTRE CODE ICI » et « raise NotImplementedError() » par votre requête SQL, "
            "entre les triples guillemets."
        )
    if _sans_commentaires(sql) in ("", "...", "…"):
        return "Votre requête est vide. " + _CONSEIL_SQL
    return ""


def _resultat_etudiant(sql: Any, con: Any) -> tuple[pd.DataFrame | None, str]:
    """Exécute la requête de l'étudiant : (table, '') ou (None, explication en français)."""
    import duckdb

    probleme = _probleme_texte_sql(sql)
    if probleme:
        return None, probleme
    try:
        resultat = _executer(sql, con)
    except ErreurCours as erreur:  # ErreurSQL en fait partie : message déjà en français
        return None, f"Votre requête provoque une erreur :\n{erreur}"
    except duckdb.Error as erreur:  # au cas où une erreur DuckDB arriverait non traduite
        return None, f"Votre requête provoque une erreur SQL :\n{erreur}"
    modification = isinstance(resultat, pd.DataFrame) and (
        resultat.columns.empty or list(resultat.columns) == ["lignes_modifiees"]
    )
    if not isinstance(resultat, pd.DataFrame) or modification:
        return (
            None,
            "Votre requête ne renvoie pas de table : la question attend une requête SELECT.",
        )
    return resultat, ""


def executer_reponse(sql: Any, con: Any = None) -> pd.DataFrame:
    """Exécute la requête SQL de l'étudiant et renvoie sa table (test visible nbgrader).

    Lève ``ReponseIncorrecte`` avec un message en français si la réponse n'est pas
    encore écrite, n'est pas un texte, est vide, provoque une erreur SQL ou ne
    renvoie pas de table.

    >>> import duckdb
    >>> executer_reponse("SELECT 42 AS reponse", con=duckdb.connect())
       reponse
    0       42
    >>> pas_commencee = "\\n# VOTRE CODE ICI\\nraise NotImplementedError()\\n"
    >>> executer_reponse(pas_commencee)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gc_helpers.correction.ReponseIncorrecte: Vous n'avez pas encore écrit votre requête : ...
    """
    resultat, probleme = _resultat_etudiant(sql, con)
    if resultat is None:
        raise ReponseIncorrecte(probleme)
    return resultat


def verifier_colonnes(obtenu: Any, colonnes: Sequence[str]) -> pd.DataFrame:
    """Vérifie que la table a exactement ces colonnes ; sinon lève ``ReponseIncorrecte``.

    Mêmes règles que ``comparer_tables`` : majuscules et ordre des colonnes
    indifférents ; le message dit quelle colonne manque ou est en trop, et
    comment la renommer (``AS``). Renvoie la table avec les colonnes dans
    l'ordre et l'écriture attendus, pour les tests qui suivent.

    >>> import pandas as pd
    >>> resultat = pd.DataFrame({"ID_CLIENT": [1], "ville": ["Nice"]})
    >>> verifier_colonnes(resultat, ["ville", "id_client"]).columns.tolist()
    ['ville', 'id_client']
    >>> verifier_colonnes(resultat[["ville"]], ["id_client", "ville"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gc_helpers.correction.ReponseIncorrecte: Il manque la colonne 'id_client'. ...
    """
    if isinstance(colonnes, str):
        colonnes = [colonnes]
    table = _en_table(obtenu)
    if table is None:
        conseil = _CONSEILS_TYPE.get(type(obtenu).__name__, "")
        raise ReponseIncorrecte(
            f"Votre réponse est {_decrire(obtenu)} ; une table (DataFrame) est attendue.{conseil}"
        )
    remise_en_ordre, probleme = _verifier_colonnes(
        table, pd.DataFrame(columns=list(colonnes)), True
    )
    if probleme:
        raise ReponseIncorrecte(probleme)
    return remise_en_ordre


def comparer_requete(
    sql: Any, attendu: pd.DataFrame | str, ordre: bool = False, con: Any = None, **options: Any
) -> Verdict:
    """Exécute la requête SQL de l'étudiant et compare sa table avec celle attendue.

    ``attendu`` est une table (DataFrame) ou le texte de la requête corrigée,
    exécutée de la même façon (sur la même connexion ``con``, avant celle de
    l'étudiant). Une erreur SQL donne un verdict faux avec son explication en
    français. Les autres options sont celles de ``comparer_tables``.

    >>> import duckdb
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE TABLE clients(id_client INT, ville TEXT)")
    >>> _ = con.execute("INSERT INTO clients VALUES (1, 'Nice'), (2, 'Paris'), (3, 'Paris')")
    >>> solution = "SELECT DISTINCT ville FROM clients"
    >>> comparer_requete("SELECT ville FROM clients GROUP BY ville", solution, con=con)
    ✅ Bravo : votre résultat est correct (2 lignes, 1 colonne).
    >>> print(comparer_requete(None, "SELECT ville FROM clients", con=con))
    ❌ Écrivez votre requête SQL entre triple guillemets : reponse = \"\"\"SELECT … FROM …\"\"\"
    """
    probleme = _probleme_texte_sql(sql)
    if probleme:  # avant d'exécuter la solution : une copie vierge ne coûte rien
        return Verdict(False, probleme)
    if isinstance(attendu, str):
        attendu = _executer(attendu, con)  # une erreur ici est celle du professeur : on la laisse
    resultat, probleme = _resultat_etudiant(sql, con)
    if resultat is None:
        return Verdict(False, probleme)
    return comparer_tables(resultat, attendu, ordre=ordre, **options)


def verifier_requete(
    sql: Any, attendu: pd.DataFrame | str, ordre: bool = False, con: Any = None, **options: Any
) -> None:
    """Ne dit rien si la requête donne la bonne table ; sinon lève ``ReponseIncorrecte``.

    C'est la fonction des tests nbgrader des questions SQL : seule la table
    obtenue compte, jamais le texte de la requête.

    >>> verifier_requete(..., "SELECT 1 AS un")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    gc_helpers.correction.ReponseIncorrecte: Écrivez votre requête SQL entre triple guillemets :
    reponse = \"\"\"SELECT … FROM …\"\"\"
    """
    comparer_requete(sql, attendu, ordre=ordre, con=con, **options).verifier()


# --------------------------------------------------------------------------- réponses des devoirs
#
# Les tests visibles d'un devoir noté vérifient, dans l'ordre : que la réponse existe (la
# cellule a été écrite et exécutée), son type, sa forme, puis sa vraisemblance ; les tests
# cachés comparent ensuite les valeurs (``verifier_nombre``, ``verifier_nombres``).

_PAS_COMMENCE = (
    "Vous n'avez pas encore écrit votre réponse « {nom} » : remplacez « # VOTRE CODE ICI » et "
    "« raise NotImplementedError() » par votre calcul, rangé dans la variable {nom}, puis "
    "exécutez la cellule de réponse avant ce test."
)


def lire_reponse(nom: str) -> Any:
    """La variable de réponse ``nom`` de l'étudiant, lue dans le notebook qui appelle.

    Lève ``ReponseIncorrecte`` (« Vous n'avez pas encore écrit votre réponse… ») si la
    variable n'existe pas encore ou vaut ``...`` : la cellule de réponse n'a pas été
    complétée ou exécutée. Un test visible commence donc par
    ``ca_moyen = gc.correction.lire_reponse("ca_moyen")`` plutôt que par une
    ``NameError`` en anglais.

    >>> taux_marge = 0.35
    >>> lire_reponse("taux_marge")
    0.35
    >>> lire_reponse("seuil")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gc_helpers.correction.ReponseIncorrecte: Vous n'avez pas encore écrit votre réponse « seuil »...
    """
    if not isinstance(nom, str) or not nom.isidentifier():
        raise ErreurCours(f"lire_reponse() : nom de variable invalide : {nom!r}.")
    # Les variables de l'étudiant sont les globales de la cellule qui appelle.
    espace = sys._getframe(1).f_globals
    if nom not in espace or espace[nom] is Ellipsis:
        raise ReponseIncorrecte(_PAS_COMMENCE.format(nom=nom))
    return espace[nom]


def _valeur_lisible(x: float, unite: str) -> str:
    return _ecrire_nombre(x) + (f"\u00a0{unite}" if unite else "")


def _probleme_plausibilite(
    x: float, nom: str, minimum: float | None, maximum: float | None, unite: str, taux: bool
) -> str:
    """Pourquoi ``x`` n'est pas vraisemblable ('' s'il l'est)."""
    if math.isnan(x):
        return f"{nom} vaut NaN (« pas un nombre ») : une valeur manquante, ou 0 divisé par 0 ?"
    if math.isinf(x):
        return f"{nom} est infini : une division par zéro ?"
    if taux and 1 < abs(x) <= 100 and (maximum is None or maximum <= 1):
        return (
            f"{nom} vaut {_ecrire_nombre(x)} : un taux s'écrit en décimal "
            f"({_ecrire_nombre(x / 100)} pour {_ecrire_nombre(x)} %), pas en pourcentage."
        )
    trop_petit = minimum is not None and x < minimum
    trop_grand = maximum is not None and x > maximum
    if not (trop_petit or trop_grand):
        return ""
    if minimum is not None and maximum is not None:
        attendu = f"entre {_valeur_lisible(minimum, unite)} et {_valeur_lisible(maximum, unite)}"
    elif minimum is not None:
        attendu = f"au moins {_valeur_lisible(minimum, unite)}"
    else:
        attendu = f"au plus {_valeur_lisible(maximum, unite)}"
    return (
        f"{nom} vaut {_valeur_lisible(x, unite)} : ce n'est pas vraisemblable ici (on attend "
        f"une valeur {attendu}). Relisez l'énoncé : unité, période, filtre, formule."
    )


def verifier_nombre_plausible(
    valeur: Any,
    nom: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    unite: str = "",
    taux: bool = False,
) -> float:
    """Test visible : ``valeur`` est un nombre, et il est vraisemblable. Renvoie le nombre.

    ``minimum`` / ``maximum`` : bornes larges du vraisemblable (pas la réponse !) ;
    ``unite`` : pour le message (« € », « jours ») ; ``taux=True`` : un nombre entre 1 et
    100 est signalé comme un pourcentage au lieu d'un décimal.

    >>> verifier_nombre_plausible(0.35, "taux_marge", minimum=0, maximum=1, taux=True)
    0.35
    >>> verifier_nombre_plausible(35, "taux_marge", minimum=0, maximum=1, taux=True)
    Traceback (most recent call last):
    ...
    gc_helpers.correction.ReponseIncorrecte: taux_marge vaut 35 : un taux s'écrit en décimal (0,35 pour 35 %), pas en pourcentage.
    >>> verifier_nombre_plausible("1 200", "seuil")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gc_helpers.correction.ReponseIncorrecte: seuil : votre réponse est un texte ('1 200') ; ...
    """
    x, probleme = _en_nombre(valeur)
    if x is None:
        raise ReponseIncorrecte(f"{nom} : {probleme[0].lower()}{probleme[1:]}")
    probleme = _probleme_plausibilite(x, nom, minimum, maximum, unite, taux)
    if probleme:
        raise ReponseIncorrecte(probleme)
    return x


def _en_liste(valeur: Any, nom: str, cles: Sequence[Any] | None) -> list[Any]:
    """Les éléments d'une suite de nombres (liste, tuple, tableau, série, dictionnaire)."""
    if isinstance(valeur, dict):
        if cles is not None:
            manquantes = [k for k in cles if k not in valeur]
            if manquantes or len(valeur) != len(cles):
                raise ReponseIncorrecte(
                    f"{nom} : les clés du dictionnaire doivent être exactement "
                    f"{', '.join(map(repr, cles))} ; reçu {', '.join(map(repr, valeur))}."
                )
            return [valeur[k] for k in cles]
        return list(valeur.values())
    if isinstance(valeur, pd.DataFrame):
        if valeur.shape[1] != 1:
            raise ReponseIncorrecte(
                f"{nom} : une suite de nombres (liste ou série) est attendue, pas une table de "
                f"{_pluriel(valeur.shape[1], 'colonne')} ; gardez la seule colonne utile : "
                "table['colonne']."
            )
        valeur = valeur.iloc[:, 0]
    if isinstance(valeur, pd.Series):
        if cles is not None and list(valeur.index) != list(cles):
            raise ReponseIncorrecte(
                f"{nom} : l'index de la série doit être {', '.join(map(repr, cles))} ; "
                f"reçu {', '.join(map(repr, valeur.index[:8]))}."
            )
        return valeur.tolist()
    if isinstance(valeur, list | tuple | np.ndarray):
        return list(np.asarray(valeur, dtype=object).ravel())
    raise ReponseIncorrecte(
        f"{nom} : votre réponse est {_decrire(valeur)} ; une suite de nombres est attendue "
        "(liste, série pandas ou dictionnaire)."
        + (" Remplacez ... par votre calcul." if valeur is Ellipsis else "")
    )


def verifier_suite(
    valeur: Any,
    nom: str,
    *,
    longueur: int,
    cles: Sequence[Any] | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    unite: str = "",
    taux: bool = False,
) -> list[float]:
    """Test visible : une suite de ``longueur`` nombres vraisemblables. Renvoie la liste.

    Accepte une liste, un tuple, un tableau numpy, une série pandas ou un dictionnaire ;
    ``cles`` impose les clés du dictionnaire (ou l'index de la série), dans cet ordre.

    >>> verifier_suite({1: 0.7, 2: 1.0, 3: 0.95, 4: 1.35}, "coefficients", longueur=4,
    ...                cles=[1, 2, 3, 4], minimum=0, maximum=3)
    [0.7, 1.0, 0.95, 1.35]
    >>> verifier_suite([0.7, 1.0, 0.95], "coefficients", longueur=4)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gc_helpers.correction.ReponseIncorrecte: coefficients : 3 valeurs reçues, 4 attendues...
    """
    elements = _en_liste(valeur, nom, cles)
    if len(elements) != longueur:
        raise ReponseIncorrecte(
            f"{nom} : {_pluriel(len(elements), 'valeur')} reçue{'s' if len(elements) > 1 else ''}, "
            f"{longueur} attendue{'s' if longueur > 1 else ''}. Relisez l'énoncé : une valeur "
            "par période (ou par élément) demandé."
        )
    nombres = []
    for rang, element in enumerate(elements):
        etiquette = f"{nom}[{cles[rang]!r}]" if cles is not None else f"{nom}[{rang}]"
        nombres.append(
            verifier_nombre_plausible(
                element, etiquette, minimum=minimum, maximum=maximum, unite=unite, taux=taux
            )
        )
    return nombres


def verifier_nombres(
    obtenus: Sequence[float],
    attendus: Sequence[float],
    *,
    noms: Sequence[str] | None = None,
    tolerance: float = 0.01,
    relative: bool = False,
    pieges: Sequence[tuple[Sequence[float], str]] = (),
    indice: str = "",
) -> None:
    """Test caché : chaque nombre de ``obtenus`` égale celui de ``attendus`` (tolérance).

    Le message nomme les éléments faux (sans donner les valeurs attendues). ``pieges`` :
    des suites fausses connues, ``(suite fausse, conseil)`` ; ``indice`` : ajouté à tout
    message d'erreur.

    >>> verifier_nombres([1.0, 2.0], [1.0, 2.004], tolerance=0.01)
    >>> verifier_nombres([1.0, 2.5], [1.0, 2.0], noms=["T1", "T2"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gc_helpers.correction.ReponseIncorrecte: Valeur incorrecte : T2 (2,5)...
    """
    obtenus = [float(x) for x in obtenus]
    attendus = [float(x) for x in attendus]
    if len(obtenus) != len(attendus):
        raise ReponseIncorrecte(
            f"{_pluriel(len(obtenus), 'valeur')} reçue(s), {len(attendus)} attendue(s)."
        )
    noms = list(noms) if noms is not None else [f"n° {k + 1}" for k in range(len(attendus))]
    if len(noms) != len(attendus):
        raise ErreurCours(f"verifier_nombres() : {len(noms)} noms pour {len(attendus)} valeurs.")

    def proches(suite: Sequence[float], reference: Sequence[float]) -> list[bool]:
        sortie = []
        for o, a in zip(suite, reference, strict=True):
            limite = tolerance * abs(a) if relative else tolerance
            sortie.append(abs(o - a) <= limite + 1e-9 * max(1.0, abs(a)))
        return sortie

    justes = proches(obtenus, attendus)
    if all(justes):
        return
    faux = [
        f"{n} ({_ecrire_nombre(o)})" for n, o, j in zip(noms, obtenus, justes, strict=True) if not j
    ]
    message = (
        ("Valeur incorrecte : " if len(faux) == 1 else "Valeurs incorrectes : ")
        + ", ".join(faux)
        + "."
    )
    for suite_fausse, conseil in pieges:
        suite_fausse = [float(x) for x in suite_fausse]
        if len(suite_fausse) == len(obtenus) and all(proches(obtenus, suite_fausse)):
            message += f" {conseil}"
            break
    else:
        if len(faux) == 1:
            rang = justes.index(False)
            message += _conseil_nombre(obtenus[rang], attendus[rang], tolerance)
    if indice:
        message += f" {indice}"
    raise ReponseIncorrecte(message)


_GENRES_FIGURE = {
    "barres": "un diagramme en barres",
    "courbe": "une courbe",
    "secteurs": "un diagramme circulaire",
}


def verifier_figure(
    figure: Any,
    nom: str = "fig",
    *,
    genre: str = "barres",
    elements_min: int = 1,
    titre: bool = True,
    axes_nommes: bool = True,
) -> Any:
    """Test visible d'un graphique matplotlib : genre, nombre d'éléments, titre, axes nommés.

    ``figure`` : une ``Figure`` ou des ``Axes`` ; ``genre`` : ``"barres"`` (barres ou
    histogramme), ``"courbe"`` ou ``"secteurs"`` ; ``elements_min`` : barres, points ou
    secteurs au moins. Renvoie les axes du graphique (pour les tests cachés).
    """
    verifier_nom(genre, _GENRES_FIGURE, "Le genre de graphique")
    if type(figure).__name__ == "Figure" and hasattr(figure, "get_axes"):
        axes = [a for a in figure.get_axes() if a.has_data()]
        if not axes:
            raise ReponseIncorrecte(
                f"{nom} : la figure est vide. Tracez le graphique sur ses axes "
                "(fig, ax = plt.subplots() puis ax.bar(…) ou ax.plot(…))."
            )
        ax = axes[0]
    elif hasattr(figure, "get_figure") and hasattr(figure, "patches"):
        ax = figure
    else:
        raise ReponseIncorrecte(
            f"{nom} : votre réponse est {_decrire(figure)} ; une figure matplotlib est attendue. "
            "Écrivez fig, ax = plt.subplots(), tracez sur ax, et gardez fig."
        )
    if genre == "barres":
        nombre = sum(type(p).__name__ == "Rectangle" for p in ax.patches)
    elif genre == "secteurs":
        nombre = sum(type(p).__name__ == "Wedge" for p in ax.patches)
    else:
        nombre = max((len(ligne.get_xdata()) for ligne in ax.get_lines()), default=0)
    if nombre < elements_min:
        raise ReponseIncorrecte(
            f"{nom} : {_GENRES_FIGURE[genre]} d'au moins {_pluriel(elements_min, 'élément')} "
            f"est attendu ; votre graphique en a {nombre}."
        )
    if titre and not (ax.get_title() or ax.figure.get_suptitle()):
        raise ReponseIncorrecte(f'{nom} : donnez un titre au graphique (ax.set_title("…")).')
    if axes_nommes and genre != "secteurs" and not (ax.get_xlabel() and ax.get_ylabel()):
        raise ReponseIncorrecte(
            f'{nom} : nommez les deux axes, avec leur unité (ax.set_xlabel("…"), '
            'ax.set_ylabel("… (€)")).'
        )
    return ax
