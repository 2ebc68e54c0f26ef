"""Prévision des ventes : moyennes mobiles, coefficients saisonniers, prévisions.

Conventions du cours :

- **moyennes mobiles** d'ordre impair : simples ; d'ordre pair *m* :
  centrées, avec un demi-poids aux deux extrémités, par exemple pour m = 4 :
  MM(t) = (y(t−2)/2 + y(t−1) + y(t) + y(t+1) + y(t+2)/2) / 4 ;
- **coefficients saisonniers** : rapport (modèle multiplicatif) ou différence
  (modèle additif) de chaque observation à sa référence — sa moyenne mobile
  (``methode="moyennes_mobiles"``), la tendance des moindres carrés
  (``"tendance"``) — puis moyenne par saison ; ou moyenne de la saison
  rapportée à la moyenne générale (``"moyennes"``). Les coefficients sont
  ensuite **normalisés** : de moyenne 1 (multiplicatif) ou de somme 0
  (additif). Aucun arrondi intermédiaire ;
- **série corrigée des variations saisonnières** (CVS, désaisonnalisée) :
  y / c (multiplicatif) ou y − c (additif) ;
- **prévision** = tendance × coefficient (additif : tendance + coefficient),
  la tendance étant la droite des moindres carrés ajustée sur les rangs
  1, 2, …, n de la série brute (ou de la série CVS, au choix).

La série commence à la saison 1 (janvier, premier trimestre…) et compte un
nombre entier de périodes (d'années complètes).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ._erreurs import ErreurCours, verifier_nom
from .statistiques import METHODES_AJUSTEMENT, Ajustement, _en_tableau, ajustement_lineaire

__all__ = [
    "METHODES_SAISONNIERES",
    "MODELES",
    "moyennes_mobiles",
    "rapports_saisonniers",
    "coefficients_saisonniers",
    "serie_corrigee",
    "tendance",
    "prevision_saisonniere",
    "Agregation",
    "agreger_previsions",
]

METHODES_SAISONNIERES = ("moyennes_mobiles", "tendance", "moyennes")
MODELES = ("multiplicatif", "additif")


# --------------------------------------------------------------------------- contrôles


def _en_serie(serie: Any, nom: str = "serie") -> pd.Series:
    """La série en Series de réels : garde l'index d'une Series (mois, trimestres), sinon rangs 1..n."""
    valeurs = _en_tableau(serie, nom, minimum=1)
    index = serie.index if isinstance(serie, pd.Series) else pd.RangeIndex(1, len(valeurs) + 1)
    return pd.Series(valeurs, index=index, name=getattr(serie, "name", None))


def _verifier_periode(periode: Any) -> int:
    if isinstance(periode, bool) or not isinstance(periode, int | np.integer) or periode < 2:
        raise ErreurCours(
            f"periode : le nombre de saisons dans une période, un entier au moins égal à 2 "
            f"(4 pour des trimestres, 12 pour des mois) ; reçu {periode!r}."
        )
    return int(periode)


def _serie_saisonniere(serie: Any, periode: Any) -> tuple[pd.Series, int]:
    """Contrôle une série saisonnière : périodes complètes, au moins deux."""
    periode = _verifier_periode(periode)
    s = _en_serie(serie)
    n = len(s)
    if n % periode:
        complet = n - n % periode
        raise ErreurCours(
            f"La série compte {n} valeurs, ce n'est pas un nombre entier de périodes de "
            f"{periode} saisons ({n} = {n // periode} × {periode} + {n % periode}). Gardez des "
            f"périodes complètes, commençant à la saison 1 : par exemple serie.iloc[:{complet}]."
        )
    if n < 2 * periode:
        raise ErreurCours(
            f"Série trop courte : {n} valeurs, il faut au moins deux périodes complètes "
            f"({2 * periode} valeurs) pour séparer la tendance des variations saisonnières."
        )
    return s, periode


def _verifier_modele(modele: str) -> str:
    return verifier_nom(str(modele), MODELES, quoi="Le modèle")


def _saisons(n: int, periode: int, debut: int = 0) -> np.ndarray:
    """Numéro de saison (1..periode) des rangs debut+1 … debut+n."""
    return (np.arange(debut, debut + n) % periode) + 1


# --------------------------------------------------------------------------- moyennes mobiles


def moyennes_mobiles(serie: Any, ordre: int) -> pd.Series:
    """Moyennes mobiles d'ordre ``ordre`` (centrées si l'ordre est pair).

    Renvoie une Series de même index que la série, vide (NaN) aux extrémités
    où la moyenne ne peut pas être calculée.

    >>> moyennes_mobiles([10, 20, 30, 40, 14, 24, 34, 44], 4).tolist()
    [nan, nan, 25.5, 26.5, 27.5, 28.5, nan, nan]

    La première : (10/2 + 20 + 30 + 40 + 14/2) / 4 = 102 / 4 = 25,5.
    """
    s = _en_serie(serie)
    if isinstance(ordre, bool) or not isinstance(ordre, int | np.integer) or ordre < 2:
        raise ErreurCours(
            f"ordre : un entier au moins égal à 2 (4 pour des trimestres, 12 pour des mois) ; "
            f"reçu {ordre!r}."
        )
    ordre = int(ordre)
    if ordre % 2:
        poids = np.full(ordre, 1 / ordre)
    else:  # ordre pair : ordre + 1 termes, demi-poids aux deux bouts
        poids = np.concatenate([[0.5], np.ones(ordre - 1), [0.5]]) / ordre
    if len(s) < len(poids):
        raise ErreurCours(
            f"Série trop courte ({len(s)} valeurs) pour des moyennes mobiles d'ordre {ordre} : "
            f"il faut au moins {len(poids)} valeurs."
        )
    moyennes = np.convolve(s.to_numpy(), poids, mode="valid")
    bord = (len(poids) - 1) // 2
    resultat = np.full(len(s), np.nan)
    resultat[bord : bord + len(moyennes)] = moyennes
    return pd.Series(resultat, index=s.index, name="moyenne_mobile")


# --------------------------------------------------------------------------- tendance


def tendance(serie: Any, methode: str = "moindres_carres") -> Ajustement:
    """Droite de tendance ajustée sur les rangs 1..n (voir ``ajustement_lineaire``).

    >>> tendance([10, 12, 15, 19]).equation
    'y = 3x + 6,5'
    """
    return ajustement_lineaire(_en_serie(serie).to_numpy(), methode=methode)


# --------------------------------------------------------------------------- coefficients


def rapports_saisonniers(
    serie: Any, periode: int, methode: str = "moyennes_mobiles", modele: str = "multiplicatif"
) -> pd.DataFrame:
    """Le calcul détaillé, observation par observation, avant la moyenne par saison.

    Colonnes : ``rang``, ``saison``, ``valeur``, ``reference`` (moyenne
    mobile, tendance ou moyenne générale selon la méthode) et ``rapport``
    (valeur / référence, ou valeur − référence en modèle additif ; NaN là où la
    moyenne mobile n'existe pas). Pour ``methode="moyennes"``, la référence
    est la moyenne générale de la série.

    >>> r = rapports_saisonniers([10, 20, 30, 40, 14, 24, 34, 44], 4)
    >>> r.iloc[2][["valeur", "reference", "rapport"]].tolist()    # rang 3 : 30 / 25,5
    [30.0, 25.5, 1.1764705882352942]
    """
    verifier_nom(str(methode), METHODES_SAISONNIERES, quoi="La méthode")
    modele = _verifier_modele(modele)
    s, periode = _serie_saisonniere(serie, periode)
    y = s.to_numpy()
    n = len(y)
    if methode == "moyennes_mobiles":
        reference = moyennes_mobiles(y, periode).to_numpy()
    elif methode == "tendance":
        droite = tendance(y)
        reference = droite.a * np.arange(1, n + 1) + droite.b
    else:
        reference = np.full(n, y.mean())
    if modele == "multiplicatif":
        if (np.nan_to_num(reference, nan=1.0) <= 0).any():
            raise ErreurCours(
                "Le modèle multiplicatif suppose une référence (tendance ou moyenne) positive ; "
                "ici elle devient nulle ou négative. Choisissez le modèle additif."
            )
        rapport = y / reference
    else:
        rapport = y - reference
    return pd.DataFrame(
        {
            "rang": np.arange(1, n + 1),
            "saison": _saisons(n, periode),
            "valeur": y,
            "reference": reference,
            "rapport": rapport,
        },
        index=s.index,
    )


def coefficients_saisonniers(
    serie: Any, periode: int, methode: str = "moyennes_mobiles", modele: str = "multiplicatif"
) -> pd.Series:
    """Coefficients saisonniers normalisés, indexés par saison 1..periode.

    ``methode`` : ``"moyennes_mobiles"`` (rapport aux moyennes mobiles
    centrées), ``"tendance"`` (rapport à la droite des moindres carrés) ou
    ``"moyennes"`` (moyenne de la saison / moyenne générale). ``modele`` :
    ``"multiplicatif"`` (coefficients de moyenne 1) ou ``"additif"`` (écarts
    de somme 0).

    >>> c = coefficients_saisonniers([10, 20, 30, 40, 14, 24, 34, 44], 4, methode="moyennes")
    >>> c.round(4).tolist()      # moyennes par saison 12, 22, 32, 42 ; moyenne générale 27
    [0.4444, 0.8148, 1.1852, 1.5556]
    >>> coefficients_saisonniers([10, 20, 30, 40, 14, 24, 34], 4)
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: La série compte 7 valeurs, ce n'est pas un nombre entier de périodes de 4 saisons (7 = 1 × 4 + 3). Gardez des périodes complètes, commençant à la saison 1 : par exemple serie.iloc[:4].
    """
    detail = rapports_saisonniers(serie, periode, methode, modele)
    bruts = detail.groupby("saison")["rapport"].mean()  # NaN des bords ignorés
    if modele == "multiplicatif":
        normalises = bruts / bruts.mean()
    else:
        normalises = bruts - bruts.mean()
    normalises.index.name = "saison"
    normalises.name = "coefficient"
    return normalises


def _coefficients_donnes(coefficients: Any, periode: int) -> pd.Series:
    c = _en_tableau(coefficients, "coefficients")
    if len(c) != periode:
        raise ErreurCours(
            f"Il faut un coefficient par saison : {periode} attendus, {len(c)} reçus."
        )
    return pd.Series(c, index=pd.RangeIndex(1, periode + 1, name="saison"), name="coefficient")


def serie_corrigee(
    serie: Any,
    periode: int,
    methode: str = "moyennes_mobiles",
    modele: str = "multiplicatif",
    coefficients: Any = None,
) -> pd.Series:
    """Série corrigée des variations saisonnières (CVS) : y / c, ou y − c en additif.

    Les coefficients sont calculés par ``coefficients_saisonniers`` (même
    méthode et modèle), ou donnés (``coefficients=[…]``, un par saison).

    >>> serie_corrigee([10, 20, 30, 40, 14, 24, 34, 44], 4, coefficients=[0.5, 1, 1, 1.5]).tolist()
    [20.0, 20.0, 30.0, 26.666666666666668, 28.0, 24.0, 34.0, 29.333333333333332]
    """
    modele = _verifier_modele(modele)
    s, periode = _serie_saisonniere(serie, periode)
    if coefficients is None:
        c = coefficients_saisonniers(s, periode, methode, modele)
    else:
        c = _coefficients_donnes(coefficients, periode)
    c_obs = c.to_numpy()[_saisons(len(s), periode) - 1]
    if modele == "multiplicatif" and (c_obs <= 0).any():
        raise ErreurCours("Un coefficient multiplicatif doit être strictement positif.")
    cvs = s / c_obs if modele == "multiplicatif" else s - c_obs
    cvs.name = "cvs"
    return cvs


# --------------------------------------------------------------------------- prévision


def prevision_saisonniere(
    serie: Any,
    periode: int,
    horizon: int,
    methode: str = "moyennes_mobiles",
    modele: str = "multiplicatif",
    ajustement: str = "moindres_carres",
    tendance_sur: str = "brute",
) -> pd.DataFrame:
    """Prévisions des ``horizon`` prochaines saisons : tendance prolongée × coefficient.

    La tendance est la droite ``ajustement`` (moindres carrés par défaut,
    ou Mayer, points extrêmes) sur les rangs 1..n de la série ``"brute"``
    (par défaut) ou de la série ``"cvs"``. Colonnes : ``rang``, ``saison``,
    ``tendance``, ``coefficient``, ``prevision``.

    >>> p = prevision_saisonniere([10, 20, 30, 40, 14, 24, 34, 44], 4, 2, methode="moyennes")
    >>> p[["rang", "saison"]].values.tolist()
    [[9, 1], [10, 2]]
    >>> round(float(p.loc[0, "prevision"]), 4)   # (16,5/5,25 × 9 + 12,857…) × 12/27
    18.2857
    """
    verifier_nom(str(ajustement), METHODES_AJUSTEMENT, quoi="La méthode d'ajustement")
    verifier_nom(str(tendance_sur), ["brute", "cvs"], quoi="La série de la tendance")
    modele = _verifier_modele(modele)
    s, periode = _serie_saisonniere(serie, periode)
    if isinstance(horizon, bool) or not isinstance(horizon, int | np.integer) or horizon < 1:
        raise ErreurCours(
            f"horizon : le nombre de saisons à prévoir, un entier au moins égal à 1 ; "
            f"reçu {horizon!r}."
        )
    coefficients = coefficients_saisonniers(s, periode, methode, modele)
    base = s if tendance_sur == "brute" else serie_corrigee(s, periode, methode, modele)
    droite = tendance(base.to_numpy(), ajustement)
    n = len(s)
    rangs = np.arange(n + 1, n + horizon + 1)
    saisons = _saisons(horizon, periode, debut=n)
    valeurs_tendance = droite.a * rangs + droite.b
    c = coefficients.to_numpy()[saisons - 1]
    prevision = valeurs_tendance * c if modele == "multiplicatif" else valeurs_tendance + c
    return pd.DataFrame(
        {
            "rang": rangs,
            "saison": saisons,
            "tendance": valeurs_tendance,
            "coefficient": c,
            "prevision": prevision,
        }
    )


# --------------------------------------------------------------------------- agrégation


@dataclass(frozen=True)
class Agregation:
    """Rapprochement des prévisions individuelles (commerciaux) et de la prévision globale.

    - ``tableau`` : une ligne par prévision individuelle : ``prevision``,
      ``part`` (dans la somme) et, si une prévision globale est donnée,
      ``prevision_ajustee`` (la somme ramenée à la prévision globale, au
      prorata de chaque prévision) ;
    - ``somme`` : somme des prévisions individuelles (approche « ascendante ») ;
    - ``globale`` : prévision globale (approche « descendante »), ou NaN ;
    - ``ecart`` = somme − globale ; ``ecart_relatif`` = écart / globale.
    """

    tableau: pd.DataFrame
    somme: float
    globale: float
    ecart: float
    ecart_relatif: float


def agreger_previsions(individuelles: Any, globale: float | None = None) -> Agregation:
    """Agrège les prévisions des commerciaux et les compare à la prévision globale.

    ``individuelles`` : un dictionnaire ou une Series ``{commercial: prévision}``.

    >>> a = agreger_previsions({"Nord": 60_000, "Sud": 40_000}, globale=95_000)
    >>> a.somme, a.ecart, a.ecart_relatif
    (100000.0, 5000.0, 0.05263157894736842)
    >>> a.tableau["prevision_ajustee"].tolist()   # 60 000 × 95 000 / 100 000…
    [57000.0, 38000.0]
    """
    if isinstance(individuelles, Mapping):
        individuelles = pd.Series(dict(individuelles), dtype=object)
    if not isinstance(individuelles, pd.Series):
        raise ErreurCours(
            "individuelles : un dictionnaire {commercial: prévision} ou une Series indexée par "
            f"commercial est attendu ; reçu {type(individuelles).__name__}."
        )
    valeurs = pd.Series(
        _en_tableau(individuelles, "individuelles"), index=individuelles.index, name="prevision"
    )
    if (valeurs < 0).any():
        raise ErreurCours("Une prévision de ventes ne peut pas être négative.")
    somme = float(valeurs.sum())
    if somme <= 0:
        raise ErreurCours("La somme des prévisions individuelles est nulle : rien à agréger.")
    tableau = pd.DataFrame({"prevision": valeurs, "part": valeurs / somme})
    if globale is None:
        g = math.nan
    else:
        g = float(_en_tableau([globale], "globale")[0])
        if g <= 0:
            raise ErreurCours(f"globale : une prévision positive est attendue ; reçu {globale!r}.")
        tableau["prevision_ajustee"] = valeurs * g / somme
    ecart = somme - g
    return Agregation(tableau, somme, g, ecart, ecart / g if g == g else math.nan)
