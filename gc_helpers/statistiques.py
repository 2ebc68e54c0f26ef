"""Statistique descriptive des ventes : position, dispersion, fréquences, ajustements.

Conventions du cours (celles des calculatrices et des manuels français) :

- l'**écart-type** est celui de la population (on divise par *n*, touche σx) ;
- le **coefficient de variation** est σ / moyenne ;
- les **quartiles** d'une série discrète se lisent sur les rangs : la série
  rangée par ordre croissant, Q1 est la valeur de rang ⌈n/4⌉ et Q3 celle de
  rang ⌈3n/4⌉ (la médiane reste la valeur du milieu, ou la moyenne des deux
  valeurs du milieu quand *n* est pair). ``quartiles="interpolation"`` donne
  la variante des tableurs (QUARTILE.INCLUS d'Excel, interpolation linéaire) ;
- les **classes** d'un tableau de fréquences sont fermées à gauche et ouvertes
  à droite, [a ; b[, sauf la dernière, fermée des deux côtés ;
- **ajustement linéaire** : x = rang 1, 2, … n par défaut ; moindres carrés
  a = cov(x, y) / var(x), b = ȳ − a·x̄ ; Mayer : série rangée selon x,
  coupée en deux moitiés, le point du milieu d'une série impaire va dans la
  **première** moitié ; points extrêmes : droite passant par le premier et le
  dernier point ; r est toujours le coefficient de corrélation linéaire de
  Pearson de la série.

Aucun arrondi dans les calculs : on arrondit seulement à l'affichage.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from ._erreurs import ErreurCours, verifier_nom

__all__ = [
    "indicateurs",
    "quartiles",
    "tableau_frequences",
    "indicateurs_classes",
    "covariance",
    "correlation",
    "Ajustement",
    "ajustement_lineaire",
    "METHODES_AJUSTEMENT",
]

METHODES_AJUSTEMENT = ("moindres_carres", "mayer", "points_extremes")


# --------------------------------------------------------------------------- contrôles


def _en_tableau(valeurs: Any, nom: str = "valeurs", minimum: int = 1) -> np.ndarray:
    """Les valeurs en tableau numpy de réels, ou une erreur qui dit quoi corriger."""
    if isinstance(valeurs, pd.DataFrame):
        raise ErreurCours(
            f"{nom} : une seule colonne est attendue, pas un tableau entier ; "
            f"reçu un DataFrame de colonnes {', '.join(map(str, valeurs.columns))}. "
            "Choisissez la colonne : df['ca_ht']."
        )
    if isinstance(valeurs, str | bytes) or not isinstance(valeurs, Iterable):
        raise ErreurCours(
            f"{nom} : une liste ou une colonne de nombres est attendue ; reçu {valeurs!r}."
        )
    liste = list(valeurs)
    try:
        tableau = np.array([float(v) if isinstance(v, Decimal) else v for v in liste], dtype=float)
    except (TypeError, ValueError):
        intrus = next((v for v in liste if not _est_nombre(v)), None)
        raise ErreurCours(
            f"{nom} : des nombres sont attendus ; reçu {intrus!r}. Convertissez la colonne "
            "(pd.to_numeric) ou choisissez une colonne de montants."
        ) from None
    manquantes = int(np.isnan(tableau).sum())
    if manquantes:
        raise ErreurCours(
            f"{nom} : {manquantes} valeur(s) manquante(s) (NaN) sur {len(tableau)}. "
            "Retirez-les d'abord (serie.dropna()) ou remplacez-les, selon ce qu'elles signifient."
        )
    if len(tableau) < minimum:
        raise ErreurCours(
            f"{nom} : au moins {minimum} valeur(s) sont nécessaires ; reçu {len(tableau)}."
        )
    if np.isinf(tableau).any():
        raise ErreurCours(f"{nom} : une valeur infinie a été reçue ; vérifiez le calcul.")
    return tableau


def _est_nombre(v: Any) -> bool:
    try:
        float(v)
    except (TypeError, ValueError):
        return False
    return not isinstance(v, str)


# --------------------------------------------------------------------------- position, dispersion


def quartiles(valeurs: Any, methode: str = "rang") -> tuple[float, float, float]:
    """Renvoie (Q1, médiane, Q3).

    ``methode="rang"`` (par défaut, convention du cours) : Q1 = valeur de rang
    ⌈n/4⌉, Q3 = valeur de rang ⌈3n/4⌉ dans la série croissante ; la médiane est
    la valeur du milieu (moyenne des deux du milieu si n est pair).
    ``methode="interpolation"`` : interpolation linéaire (QUARTILE.INCLUS d'Excel).

    >>> quartiles([12, 5, 7, 3, 9, 15, 10, 8])   # 3 5 7 8 9 10 12 15 : rangs 2, 6
    (5.0, 8.5, 10.0)
    >>> quartiles([12, 5, 7, 3, 9, 15, 10, 8], methode="interpolation")
    (6.5, 8.5, 10.5)
    """
    x = np.sort(_en_tableau(valeurs))
    verifier_nom(methode, ["rang", "interpolation"], quoi="La méthode des quartiles")
    mediane = float(np.median(x))
    if methode == "interpolation":
        q1, q3 = np.quantile(x, [0.25, 0.75])
        return float(q1), mediane, float(q3)
    n = len(x)
    # Rang ⌈n/4⌉ compté à partir de 1 ; n/4 est exact en flottant pour des entiers.
    return float(x[math.ceil(n / 4) - 1]), mediane, float(x[math.ceil(3 * n / 4) - 1])


def _mode(x: np.ndarray) -> float:
    """La valeur la plus fréquente (la plus petite en cas d'égalité) ; NaN si toutes sont uniques."""
    valeurs, effectifs = np.unique(x, return_counts=True)
    if effectifs.max() == 1 and len(x) > 1:
        return math.nan
    return float(valeurs[np.argmax(effectifs)])


def indicateurs(valeurs: Any, methode_quartiles: str = "rang") -> pd.Series:
    """Indicateurs de position et de dispersion d'une série statistique.

    Renvoie une Series : effectif, moyenne, mediane, mode, minimum, maximum,
    etendue, q1, q3, ecart_interquartile, variance, ecart_type (de la
    population, divisé par n), coefficient_variation (σ / moyenne).

    Le mode vaut NaN quand aucune valeur ne se répète (série de montants).
    ``methode_quartiles`` : ``"rang"`` (convention du cours) ou
    ``"interpolation"`` (tableurs), voir :func:`quartiles`.

    >>> r = indicateurs([4, 8, 6, 5, 3, 8, 7])   # 3 4 5 6 7 8 8
    >>> r[["moyenne", "mediane", "mode", "q1", "q3"]].tolist()   # rangs ⌈7/4⌉=2 et ⌈21/4⌉=6
    [5.857142857142857, 6.0, 8.0, 4.0, 8.0]
    >>> round(float(r["ecart_type"]), 4)     # √(Σx²/n − x̄²) = √(263/7 − (41/7)²) = √(160/49)
    1.807
    >>> indicateurs([1200, None, 800])
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: valeurs : 1 valeur(s) manquante(s) (NaN) sur 3. Retirez-les d'abord (serie.dropna()) ou remplacez-les, selon ce qu'elles signifient.
    """
    x = _en_tableau(valeurs)
    q1, mediane, q3 = quartiles(x, methode_quartiles)
    moyenne = float(x.mean())
    variance = float(((x - moyenne) ** 2).mean())  # population : divisé par n
    ecart_type = math.sqrt(variance)
    return pd.Series(
        {
            "effectif": float(len(x)),
            "moyenne": moyenne,
            "mediane": mediane,
            "mode": _mode(x),
            "minimum": float(x.min()),
            "maximum": float(x.max()),
            "etendue": float(x.max() - x.min()),
            "q1": q1,
            "q3": q3,
            "ecart_interquartile": q3 - q1,
            "variance": variance,
            "ecart_type": ecart_type,
            "coefficient_variation": ecart_type / moyenne if moyenne else math.nan,
        },
        name="indicateurs",
    )


# --------------------------------------------------------------------------- fréquences


def _libelle(a: float, b: float, derniere: bool) -> str:
    from .formats import nombre

    fermeture = "]" if derniere else "["
    return f"[{nombre(a)} ; {nombre(b)}{fermeture}"


def _bornes(x: np.ndarray, classes: int | Sequence[float]) -> np.ndarray:
    if isinstance(classes, bool):
        raise ErreurCours("classes : un nombre de classes ou une liste de bornes est attendu.")
    if isinstance(classes, int):
        if classes < 1:
            raise ErreurCours(f"classes : au moins 1 classe ; reçu {classes}.")
        if x.min() == x.max():
            raise ErreurCours(
                "Toutes les valeurs sont égales : impossible de former des classes d'amplitude "
                "non nulle. Utilisez classes=None (tableau par valeur)."
            )
        return np.linspace(x.min(), x.max(), classes + 1)
    bornes = _en_tableau(classes, "classes (bornes)", minimum=2)
    if (np.diff(bornes) <= 0).any():
        raise ErreurCours(
            f"classes : les bornes doivent être strictement croissantes ; reçu {list(classes)}."
        )
    hors = x[(x < bornes[0]) | (x > bornes[-1])]
    if len(hors):
        raise ErreurCours(
            f"{len(hors)} valeur(s) hors des classes [{bornes[0]:g} ; {bornes[-1]:g}] "
            f"(par exemple {hors[0]:g}). Élargissez la première ou la dernière borne."
        )
    return bornes


def tableau_frequences(valeurs: Any, classes: int | Sequence[float] | None = None) -> pd.DataFrame:
    """Tableau des effectifs et des fréquences (simples et cumulées croissantes).

    - ``classes=None`` : une ligne par valeur distincte (série discrète :
      nombre de commandes, note de satisfaction…) ;
    - ``classes=[0, 500, 1000, 5000]`` : les bornes des classes [a ; b[ (la
      dernière est fermée) ; colonnes ``borne_inf``, ``borne_sup``, ``centre``,
      ``amplitude`` ;
    - ``classes=5`` : 5 classes de même amplitude du minimum au maximum.

    >>> tableau_frequences([1, 2, 2, 3, 3, 3, 4, 4, 4, 4])[["valeur", "effectif", "frequence_cumulee"]]
       valeur  effectif  frequence_cumulee
    0     1.0         1                0.1
    1     2.0         2                0.3
    2     3.0         3                0.6
    3     4.0         4                1.0
    >>> t = tableau_frequences([120, 480, 500, 950, 1000], classes=[0, 500, 1000])
    >>> t["classe"].tolist()
    ['[0 ; 500[', '[500 ; 1\u202f000]']
    >>> t[["centre", "effectif", "frequence"]].values.tolist()
    [[250.0, 2.0, 0.4], [750.0, 3.0, 0.6]]
    """
    x = _en_tableau(valeurs)
    if classes is None:
        valeurs_distinctes, effectifs = np.unique(x, return_counts=True)
        df = pd.DataFrame({"valeur": valeurs_distinctes, "effectif": effectifs})
    else:
        bornes = _bornes(x, classes)
        # Classes [a ; b[ : numpy.histogram ferme déjà la dernière à droite.
        effectifs, _ = np.histogram(x, bins=bornes)
        derniere = len(bornes) - 2
        df = pd.DataFrame(
            {
                "classe": [
                    _libelle(a, b, i == derniere)
                    for i, (a, b) in enumerate(zip(bornes[:-1], bornes[1:], strict=True))
                ],
                "borne_inf": bornes[:-1],
                "borne_sup": bornes[1:],
                "centre": (bornes[:-1] + bornes[1:]) / 2,
                "amplitude": np.diff(bornes),
                "effectif": effectifs,
            }
        )
    n = len(x)
    df["effectif"] = df["effectif"].astype(int)
    df["frequence"] = df["effectif"] / n
    df["effectif_cumule"] = df["effectif"].cumsum()
    df["frequence_cumulee"] = df["effectif_cumule"] / n
    return df


def _quantile_interpole(bornes: np.ndarray, effectifs: np.ndarray, p: float) -> float:
    """Valeur sous laquelle se trouve la proportion p, par interpolation linéaire dans la classe."""
    n = effectifs.sum()
    cumul = np.concatenate([[0], np.cumsum(effectifs)])
    cible = p * n
    i = int(np.searchsorted(cumul, cible, side="left"))
    i = min(max(i, 1), len(effectifs))  # classe i−1 (indices numpy) qui contient la cible
    avant, dans = cumul[i - 1], effectifs[i - 1]
    if dans == 0:
        return float(bornes[i - 1])
    return float(bornes[i - 1] + (cible - avant) / dans * (bornes[i] - bornes[i - 1]))


def indicateurs_classes(bornes: Sequence[float], effectifs: Sequence[float]) -> pd.Series:
    """Indicateurs d'une série regroupée en classes (on ne connaît que les effectifs).

    Moyenne et écart-type (population) calculés avec les **centres** des
    classes ; médiane et quartiles par **interpolation linéaire** dans la
    classe qui les contient (lecture de la courbe des fréquences cumulées).

    >>> r = indicateurs_classes([0, 500, 1000, 2000], [10, 25, 15])
    >>> float(r["moyenne"])        # (10×250 + 25×750 + 15×1500) / 50
    875.0
    >>> float(r["mediane"])        # 500 + (25 − 10) / 25 × 500
    800.0
    """
    b = _en_tableau(bornes, "bornes", minimum=2)
    n_i = _en_tableau(effectifs, "effectifs")
    if len(b) != len(n_i) + 1:
        raise ErreurCours(
            f"Il faut une borne de plus que de classes : {len(n_i)} effectifs demandent "
            f"{len(n_i) + 1} bornes ; reçu {len(b)} bornes."
        )
    if (np.diff(b) <= 0).any():
        raise ErreurCours("bornes : elles doivent être strictement croissantes.")
    if (n_i < 0).any() or n_i.sum() <= 0:
        raise ErreurCours("effectifs : des nombres positifs, de total non nul, sont attendus.")
    centres = (b[:-1] + b[1:]) / 2
    n = n_i.sum()
    moyenne = float((n_i * centres).sum() / n)
    variance = float((n_i * (centres - moyenne) ** 2).sum() / n)
    ecart_type = math.sqrt(variance)
    q1, mediane, q3 = (_quantile_interpole(b, n_i, p) for p in (0.25, 0.5, 0.75))
    return pd.Series(
        {
            "effectif": float(n),
            "moyenne": moyenne,
            "mediane": mediane,
            "q1": q1,
            "q3": q3,
            "variance": variance,
            "ecart_type": ecart_type,
            "coefficient_variation": ecart_type / moyenne if moyenne else math.nan,
        },
        name="indicateurs",
    )


# --------------------------------------------------------------------------- deux variables


def _paire(x: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = _en_tableau(x, "x", minimum=2), _en_tableau(y, "y", minimum=2)
    if len(xs) != len(ys):
        raise ErreurCours(
            f"x et y doivent avoir le même nombre de valeurs ; reçu {len(xs)} x et {len(ys)} y."
        )
    return xs, ys


def covariance(x: Any, y: Any) -> float:
    """Covariance de la population : Σ(xᵢ − x̄)(yᵢ − ȳ) / n.

    >>> covariance([1, 2, 3, 4], [10, 12, 15, 19])   # ((−1,5)(−4) + … ) / 4
    3.75
    """
    xs, ys = _paire(x, y)
    return float(((xs - xs.mean()) * (ys - ys.mean())).mean())


def correlation(x: Any, y: Any) -> float:
    """Coefficient de corrélation linéaire r = cov(x, y) / (σx · σy), entre −1 et 1.

    >>> round(correlation([1, 2, 3, 4], [10, 12, 15, 19]), 4)   # 3,75 / √(1,25 × 11,5)
    0.9891
    """
    xs, ys = _paire(x, y)
    sx, sy = xs.std(), ys.std()
    if sx == 0 or sy == 0:
        raise ErreurCours(
            "Une des deux séries est constante (écart-type nul) : le coefficient de corrélation "
            "n'est pas défini."
        )
    return float(covariance(xs, ys) / (sx * sy))


@dataclass(frozen=True)
class Ajustement:
    """Droite d'ajustement y = a·x + b.

    ``a`` (coefficient directeur : variation moyenne par rang), ``b``
    (ordonnée à l'origine), ``r`` (corrélation linéaire de la série),
    ``methode``, et ``points`` : les deux points qui définissent la droite
    (points moyens G1, G2 pour Mayer, premier et dernier point pour les points
    extrêmes, G pour les moindres carrés). ``prevoir(x)`` calcule a·x + b.
    """

    a: float
    b: float
    r: float
    methode: str
    x: np.ndarray = field(repr=False)
    y: np.ndarray = field(repr=False)
    points: tuple[tuple[float, float], ...] = field(default=(), repr=False)

    def prevoir(self, x: Any) -> Any:
        """Valeur(s) de la droite en x (un nombre, une liste ou une Series).

        >>> ajustement_lineaire([10, 12, 15, 19]).prevoir(5)   # 3x + 6,5 en x = 5
        21.5
        """
        if isinstance(x, pd.Series):
            return self.a * x.astype(float) + self.b
        if isinstance(x, Iterable) and not isinstance(x, str):
            return self.a * _en_tableau(x, "x") + self.b
        if not _est_nombre(x):
            raise ErreurCours(f"prevoir() attend un rang ou une valeur de x ; reçu {x!r}.")
        return float(self.a * float(x) + self.b)

    @property
    def r2(self) -> float:
        """Coefficient de détermination r²."""
        return self.r**2

    @property
    def equation(self) -> str:
        """L'équation écrite à la française : « y = 3x + 6,5 »."""
        from .formats import nombre

        signe = "−" if self.b < 0 else "+"
        return f"y = {nombre(self.a)}x {signe} {nombre(abs(self.b))}"

    def __str__(self) -> str:
        from .formats import nombre

        return f"{self.equation} (méthode : {self.methode}, r = {nombre(self.r, 4)})"


def ajustement_lineaire(y: Any, x: Any = None, methode: str = "moindres_carres") -> Ajustement:
    """Ajustement linéaire y = a·x + b d'une série (chronologique ou à deux variables).

    ``x`` : par défaut les rangs 1, 2, …, n. ``methode`` : ``"moindres_carres"``
    (a = cov(x, y) / var(x), b = ȳ − a·x̄), ``"mayer"`` (droite des points
    moyens des deux moitiés de la série rangée selon x ; le point du milieu
    d'une série impaire va dans la première moitié) ou ``"points_extremes"``
    (droite du premier et du dernier point).

    >>> aj = ajustement_lineaire([10, 12, 15, 19])   # x̄ = 2,5 ; ȳ = 14 ; cov = 3,75 ; var = 1,25
    >>> aj.a, aj.b                                    # a = 3,75 / 1,25 ; b = 14 − 3 × 2,5
    (3.0, 6.5)
    >>> m = ajustement_lineaire([10, 12, 15, 19, 20], methode="mayer")
    >>> m.points       # G1 = moyenne des rangs 1-3, G2 = des rangs 4-5
    ((2.0, 12.333333333333334), (4.5, 19.5))
    >>> ajustement_lineaire([10, 12], methode="Mayer")
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.NomInconnu: La méthode d'ajustement 'Mayer' n'existe pas. Possibilités : moindres_carres, mayer, points_extremes. Vouliez-vous dire 'mayer' ?
    """
    verifier_nom(methode, METHODES_AJUSTEMENT, quoi="La méthode d'ajustement")
    ys = _en_tableau(y, "y", minimum=2)
    xs = np.arange(1, len(ys) + 1, dtype=float) if x is None else _paire(x, ys)[0]
    if xs.min() == xs.max():
        raise ErreurCours(
            "Toutes les valeurs de x sont égales : aucune droite y = ax + b ne peut être ajustée."
        )
    ordre = np.argsort(xs, kind="stable")  # Mayer et points extrêmes lisent la série rangée
    xo, yo = xs[ordre], ys[ordre]
    if methode == "moindres_carres":
        a = covariance(xs, ys) / float(((xs - xs.mean()) ** 2).mean())
        b = float(ys.mean() - a * xs.mean())
        points: tuple[tuple[float, float], ...] = ((float(xs.mean()), float(ys.mean())),)
    else:
        if methode == "mayer":
            moitie = math.ceil(len(xo) / 2)  # le point du milieu va dans la première moitié
            p1 = (float(xo[:moitie].mean()), float(yo[:moitie].mean()))
            p2 = (float(xo[moitie:].mean()), float(yo[moitie:].mean()))
        else:
            p1, p2 = (float(xo[0]), float(yo[0])), (float(xo[-1]), float(yo[-1]))
        if p1[0] == p2[0]:
            raise ErreurCours(
                "Les deux points de la droite ont la même abscisse : la droite serait verticale. "
                "Utilisez la méthode des moindres carrés."
            )
        a = (p2[1] - p1[1]) / (p2[0] - p1[0])
        b = p1[1] - a * p1[0]
        points = (p1, p2)
    r = correlation(xs, ys) if ys.std() > 0 else math.nan
    return Ajustement(float(a), float(b), r, methode, xs, ys, points)
