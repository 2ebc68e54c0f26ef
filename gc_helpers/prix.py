"""La fixation du prix (S443) : marges, élasticité, prix psychologique, concurrence, paliers.

Conventions du cours (DESIGN §4) :

- taux de marge = marge / coût d'achat HT ; taux de marque = marge / prix de vente HT ;
- coefficient multiplicateur = prix de vente **TTC** / coût d'achat HT ;
- élasticité-prix = variation relative de la quantité / variation relative du prix ;
- prix psychologique : acheteurs(p) = part des répondants avec prix mini ≤ p ≤ prix maxi ;
  le meilleur prix maximise les acheteurs, à égalité le prix le plus bas.

>>> taux_marge(150, 100), taux_marque(150, 100)
(0.5, 0.3333333333333333)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ._erreurs import ErreurCours
from ._verif_montants import colonnes_requises, montant, nombre_fini, taux

__all__ = [
    "taux_marge",
    "taux_marque",
    "coefficient_multiplicateur",
    "taux_marque_depuis_marge",
    "taux_marge_depuis_marque",
    "prix_de_vente",
    "elasticite_prix",
    "estimer_elasticite",
    "simuler_prix",
    "prix_psychologique",
    "PrixPsychologique",
    "positionnement_prix",
    "prix_par_paliers",
]

# Un taux de marge peut dépasser 100 % (prix plus que doublé), mais 25 veut presque
# toujours dire 25 % écrit 25 au lieu de 0.25 : au-delà de 1 000 %, on refuse.
_TAUX_MARGE_MAXI = 10.0


def taux_marge(prix_vente_ht: float, cout_achat_ht: float) -> float:
    """Taux de marge = (prix de vente HT − coût d'achat HT) / coût d'achat HT.

    >>> round(taux_marge(39.90, 21.00), 10)  # 18,90 / 21
    0.9
    """
    pv = montant(prix_vente_ht, "prix_vente_ht", "taux_marge")
    ca = montant(cout_achat_ht, "cout_achat_ht", "taux_marge", strictement_positif=True)
    return (pv - ca) / ca


def taux_marque(prix_vente_ht: float, cout_achat_ht: float) -> float:
    """Taux de marque = (prix de vente HT − coût d'achat HT) / prix de vente HT.

    >>> round(taux_marque(39.90, 21.00), 4)  # 18,90 / 39,90
    0.4737
    """
    pv = montant(prix_vente_ht, "prix_vente_ht", "taux_marque", strictement_positif=True)
    ca = montant(cout_achat_ht, "cout_achat_ht", "taux_marque")
    return (pv - ca) / pv


def coefficient_multiplicateur(prix_vente_ttc: float, cout_achat_ht: float) -> float:
    """Coefficient multiplicateur = prix de vente **TTC** / coût d'achat HT.

    >>> round(coefficient_multiplicateur(47.88, 21.00), 10)  # 39,90 × 1,2 / 21
    2.28
    """
    pv = montant(prix_vente_ttc, "prix_vente_ttc", "coefficient_multiplicateur")
    ca = montant(cout_achat_ht, "cout_achat_ht", "coefficient_multiplicateur", True)
    return pv / ca


def taux_marque_depuis_marge(taux_de_marge: float) -> float:
    """Taux de marque = taux de marge / (1 + taux de marge).

    >>> taux_marque_depuis_marge(0.25)
    0.2
    """
    t = taux(taux_de_marge, "taux_de_marge", "taux_marque_depuis_marge", _TAUX_MARGE_MAXI)
    return t / (1 + t)


def taux_marge_depuis_marque(taux_de_marque: float) -> float:
    """Taux de marge = taux de marque / (1 − taux de marque).

    >>> taux_marge_depuis_marque(0.2)
    0.25
    """
    fonction = "taux_marge_depuis_marque"
    t = taux(taux_de_marque, "taux_de_marque", fonction)
    if t >= 1:
        raise ErreurCours(
            f"{fonction}() : un taux de marque est inférieur à 1 (100 % voudrait dire un coût "
            f"nul) ; reçu {t:g}."
        )
    return t / (1 - t)


def prix_de_vente(
    cout_achat_ht: float,
    taux_de_marge: float | None = None,
    taux_de_marque: float | None = None,
    coefficient: float | None = None,
    taux_tva: float = 0.20,
) -> pd.Series:
    """Le prix de vente à partir du coût d'achat et d'**un** taux (marge, marque ou coefficient).

    Renvoie cout_achat_ht, marge, prix_vente_ht, tva, prix_vente_ttc, taux_marge,
    taux_marque, coefficient.

    Coût 21 €, taux de marque 40 % : PV HT = 21 / (1 − 0,40) = 35 €.

    >>> p = prix_de_vente(21, taux_de_marque=0.40)
    >>> p[["prix_vente_ht", "marge", "taux_marge", "coefficient"]].round(4).tolist()
    [35.0, 14.0, 0.6667, 2.0]
    """
    fonction = "prix_de_vente"
    cout = montant(cout_achat_ht, "cout_achat_ht", fonction, strictement_positif=True)
    tva = taux(taux_tva, "taux_tva", fonction)
    donnes = [x is not None for x in (taux_de_marge, taux_de_marque, coefficient)]
    if sum(donnes) != 1:
        raise ErreurCours(
            f"{fonction}() : donnez exactement un des trois : taux_de_marge, taux_de_marque "
            f"ou coefficient ; reçu {sum(donnes)}. Exemple : prix_de_vente(21, taux_de_marque=0.40)."
        )
    if taux_de_marge is not None:
        pv_ht = cout * (1 + taux(taux_de_marge, "taux_de_marge", fonction, _TAUX_MARGE_MAXI))
    elif taux_de_marque is not None:
        pv_ht = cout * (1 + taux_marge_depuis_marque(taux_de_marque))
    else:
        c = montant(coefficient, "coefficient", fonction, strictement_positif=True)
        pv_ht = cout * c / (1 + tva)  # le coefficient donne un prix TTC
    marge = pv_ht - cout
    return pd.Series(
        {
            "cout_achat_ht": cout,
            "marge": marge,
            "prix_vente_ht": pv_ht,
            "tva": pv_ht * tva,
            "prix_vente_ttc": pv_ht * (1 + tva),
            "taux_marge": marge / cout,
            "taux_marque": marge / pv_ht if pv_ht else float("nan"),
            "coefficient": pv_ht * (1 + tva) / cout,
        }
    )


# --------------------------------------------------------------------------- demande


def elasticite_prix(
    prix_avant: float, prix_apres: float, quantite_avant: float, quantite_apres: float
) -> float:
    """Élasticité-prix = (ΔQ / Q avant) / (ΔP / P avant).

    Prix de 40 € à 44 € (+10 %), ventes de 500 à 450 (−10 %) : élasticité −1.

    >>> round(elasticite_prix(40, 44, 500, 450), 10)
    -1.0
    """
    fonction = "elasticite_prix"
    p0 = montant(prix_avant, "prix_avant", fonction, strictement_positif=True)
    p1 = montant(prix_apres, "prix_apres", fonction)
    q0 = montant(quantite_avant, "quantite_avant", fonction, strictement_positif=True)
    q1 = montant(quantite_apres, "quantite_apres", fonction)
    if p1 == p0:
        raise ErreurCours(
            f"{fonction}() : le prix n'a pas changé ({p0:g} €) : l'élasticité n'est pas "
            "définie (division par une variation nulle)."
        )
    return ((q1 - q0) / q0) / ((p1 - p0) / p0)


def estimer_elasticite(
    prix: Sequence[float], quantites: Sequence[float], groupes: Sequence[Any] | None = None
) -> float:
    """Élasticité constante estimée sur des observations : pente de ln(Q) en fonction de ln(P).

    Le modèle ``Q = k × P^e`` devient une droite en logarithmes ; la pente des
    moindres carrés est l'élasticité ``e``.

    >>> round(estimer_elasticite([10, 20, 40], [800, 200, 50]), 6)  # Q divisé par 4 quand P double
    -2.0

    ``groupes`` (par exemple le couple client-produit de chaque ligne de
    commande) : chaque observation est comparée à la moyenne de son groupe, ce
    qui neutralise la taille des clients. Un gros client et un petit, chacun
    avec ``Q = k × P^-2`` :

    >>> round(estimer_elasticite([10, 20, 10, 20], [400, 100, 4, 1], ["gros", "gros", "petit", "petit"]), 6)
    -2.0
    """
    fonction = "estimer_elasticite"
    p = np.array([montant(x, "prix", fonction, True) for x in prix], dtype=float)
    q = np.array([montant(x, "quantites", fonction, True) for x in quantites], dtype=float)
    if p.size != q.size or p.size < 2:
        raise ErreurCours(
            f"{fonction}() : il faut autant de prix que de quantités, et au moins deux "
            f"observations ; reçu {p.size} prix et {q.size} quantités."
        )
    lp, lq = np.log(p), np.log(q)
    if groupes is not None:
        g = pd.Series(list(groupes))
        if g.size != p.size:
            raise ErreurCours(
                f"{fonction}() : il faut un groupe par observation ; reçu {g.size} groupes "
                f"pour {p.size} prix."
            )
        lp = lp - pd.Series(lp).groupby(g).transform("mean").to_numpy()
        lq = lq - pd.Series(lq).groupby(g).transform("mean").to_numpy()
    variance = float(np.mean((lp - lp.mean()) ** 2))
    if variance == 0:
        raise ErreurCours(
            f"{fonction}() : le prix ne varie pas (dans aucun groupe) : rien à estimer."
        )
    return float(np.mean((lp - lp.mean()) * (lq - lq.mean())) / variance)


def simuler_prix(
    prix: float,
    prix_reference: float,
    volume_reference: float,
    elasticite: float,
    cout_unitaire: float,
) -> pd.Series:
    """Effet d'un prix sur le volume, le chiffre d'affaires et la marge (élasticité constante).

    Volume = volume de référence × (prix / prix de référence) ^ élasticité.

    >>> s = simuler_prix(44, 40, 1000, -2, 25)
    >>> s[["volume", "chiffre_affaires", "marge"]].round(2).tolist()
    [826.45, 36363.64, 15702.48]
    """
    fonction = "simuler_prix"
    p = montant(prix, "prix", fonction, strictement_positif=True)
    p0 = montant(prix_reference, "prix_reference", fonction, strictement_positif=True)
    v0 = montant(volume_reference, "volume_reference", fonction)
    e = nombre_fini(elasticite, "elasticite", fonction)
    c = montant(cout_unitaire, "cout_unitaire", fonction)
    volume = v0 * (p / p0) ** e
    return pd.Series(
        {
            "prix": p,
            "volume": volume,
            "chiffre_affaires": p * volume,
            "marge": (p - c) * volume,
            "taux_marque": (p - c) / p,
        }
    )


@dataclass
class PrixPsychologique:
    """Résultat de :func:`prix_psychologique`.

    ``tableau`` : prix, mauvaise_qualite, trop_cher, acheteurs (parts des répondants) ;
    ``meilleur_prix`` : le prix qui maximise les acheteurs (le plus bas à égalité) ;
    ``effectif`` : nombre de répondants.
    """

    tableau: pd.DataFrame
    meilleur_prix: float
    effectif: int

    @property
    def acheteurs_max(self) -> float:
        """La part d'acheteurs au meilleur prix."""
        return float(self.tableau["acheteurs"].max())


def prix_psychologique(
    prix_mini: Sequence[float],
    prix_maxi: Sequence[float],
    prix_candidats: Sequence[float] | None = None,
) -> PrixPsychologique:
    """Prix d'acceptabilité d'après une enquête (prix mini et maxi de chaque répondant).

    Pour chaque prix candidat p : « mauvaise qualité » = part des répondants dont
    le prix mini est strictement au-dessus de p ; « trop cher » = part dont le
    prix maxi est strictement au-dessous de p ; acheteurs = les autres. Par
    défaut, les candidats sont tous les prix cités dans l'enquête.

    >>> r = prix_psychologique([10, 20, 20, 30], [30, 40, 50, 50], [10, 20, 30, 40, 50])
    >>> r.tableau["acheteurs"].tolist()
    [0.25, 0.75, 1.0, 0.75, 0.5]
    >>> r.meilleur_prix
    30.0
    """
    fonction = "prix_psychologique"
    mini = np.array([montant(x, "prix_mini", fonction) for x in prix_mini], dtype=float)
    maxi = np.array([montant(x, "prix_maxi", fonction) for x in prix_maxi], dtype=float)
    if mini.size != maxi.size or mini.size == 0:
        raise ErreurCours(
            f"{fonction}() : il faut un prix maxi par prix mini (une paire par répondant) ; "
            f"reçu {mini.size} prix mini et {maxi.size} prix maxi."
        )
    incoherents = np.flatnonzero(mini > maxi)
    if incoherents.size:
        i = int(incoherents[0])
        raise ErreurCours(
            f"{fonction}() : {incoherents.size} répondant(s) ont un prix mini supérieur au "
            f"prix maxi (le premier, en position {i} : {mini[i]:g} > {maxi[i]:g}). "
            "Écartez ces réponses incohérentes avant le calcul."
        )
    if prix_candidats is None:
        candidats = np.unique(np.concatenate([mini, maxi]))
    else:
        candidats = np.unique([montant(x, "prix_candidats", fonction) for x in prix_candidats])
    mauvaise = (mini[None, :] > candidats[:, None]).mean(axis=1)
    trop_cher = (maxi[None, :] < candidats[:, None]).mean(axis=1)
    tableau = pd.DataFrame(
        {
            "prix": candidats,
            "mauvaise_qualite": mauvaise,
            "trop_cher": trop_cher,
            "acheteurs": 1 - mauvaise - trop_cher,
        }
    )
    meilleur = float(tableau.loc[tableau["acheteurs"].idxmax(), "prix"])  # 1er max = le plus bas
    return PrixPsychologique(tableau, meilleur, int(mini.size))


# --------------------------------------------------------------------------- concurrence


def positionnement_prix(
    nos_prix: pd.DataFrame, prix_concurrents: pd.DataFrame, tolerance: float = 0.05
) -> pd.DataFrame:
    """Compare nos prix à ceux des concurrents, produit par produit.

    ``nos_prix`` : colonnes ``reference`` et ``prix_vente_ht`` ; ``prix_concurrents`` :
    ``reference``, ``concurrent``, ``prix_vente_ht``. Indice de prix = notre prix /
    prix moyen des concurrents × 100 ; position « aligné » si l'écart reste dans
    ± ``tolerance``, sinon « au-dessus » ou « en dessous ».

    >>> nous = pd.DataFrame({"reference": ["A"], "prix_vente_ht": [110.0]})
    >>> eux = pd.DataFrame({"reference": ["A", "A"], "concurrent": ["X", "Y"],
    ...                     "prix_vente_ht": [90.0, 110.0]})
    >>> positionnement_prix(nous, eux)[["prix_moyen_concurrents", "indice_prix", "position"]]
       prix_moyen_concurrents  indice_prix    position
    0                   100.0        110.0  au-dessus
    """
    fonction = "positionnement_prix"
    colonnes_requises(nos_prix, ("reference", "prix_vente_ht"), "nos_prix", fonction)
    colonnes_requises(
        prix_concurrents, ("reference", "concurrent", "prix_vente_ht"), "prix_concurrents", fonction
    )
    marge_tolerance = taux(tolerance, "tolerance", fonction)
    stats = (
        prix_concurrents.groupby("reference")["prix_vente_ht"]
        .agg(
            prix_mini_concurrents="min", prix_moyen_concurrents="mean", prix_maxi_concurrents="max"
        )
        .reset_index()
    )
    table = nos_prix.merge(stats, on="reference", how="inner")
    if table.empty:
        raise ErreurCours(
            f"{fonction}() : aucune référence commune entre nos_prix et prix_concurrents ; "
            "vérifiez la colonne 'reference' des deux tables."
        )
    table["prix_vente_ht"] = table["prix_vente_ht"].astype(float)
    table["indice_prix"] = table["prix_vente_ht"] / table["prix_moyen_concurrents"] * 100
    ecart = table["indice_prix"] / 100 - 1
    table["position"] = np.where(
        ecart > marge_tolerance,
        "au-dessus",
        np.where(ecart < -marge_tolerance, "en dessous", "aligné"),
    )
    return table


# --------------------------------------------------------------------------- tarification


def prix_par_paliers(
    quantite: float,
    prix_unitaire_ht: float,
    paliers: Mapping[float, float],
    mode: str = "global",
) -> pd.Series:
    """Tarif dégressif par quantité : remise du palier atteint.

    ``paliers`` : {quantité à partir de laquelle : taux de remise}, par exemple
    ``{1: 0, 50: 0.05, 100: 0.10}``. ``mode="global"`` applique le taux du palier
    atteint à toute la quantité ; ``mode="tranches"`` applique à chaque tranche
    son propre taux (comme un barème progressif).

    120 articles à 10 € : global, 120 × 10 × 0,90 = 1 080 € ; par tranches,
    49 × 10 + 50 × 9,50 + 21 × 9 = 1 154 €.

    >>> p = {1: 0, 50: 0.05, 100: 0.10}
    >>> float(prix_par_paliers(120, 10, p)["montant_net_ht"])
    1080.0
    >>> float(prix_par_paliers(120, 10, p, mode="tranches")["montant_net_ht"])
    1154.0
    """
    fonction = "prix_par_paliers"
    q = montant(quantite, "quantite", fonction, strictement_positif=True)
    pu = montant(prix_unitaire_ht, "prix_unitaire_ht", fonction)
    if mode not in ("global", "tranches"):
        raise ErreurCours(f"{fonction}() : mode vaut 'global' ou 'tranches' ; reçu {mode!r}.")
    if not isinstance(paliers, Mapping) or not paliers:
        raise ErreurCours(
            f"{fonction}() : paliers doit être un dictionnaire {{quantité mini : taux}}, par "
            f"exemple {{1: 0, 50: 0.05}} ; reçu {paliers!r}."
        )
    seuils = sorted(
        (montant(s, "seuil de palier", fonction), taux(t, "taux de palier", fonction))
        for s, t in paliers.items()
    )
    if q < seuils[0][0]:
        raise ErreurCours(
            f"{fonction}() : la quantité {q:g} est sous le premier palier ({seuils[0][0]:g})."
        )
    brut = q * pu
    if mode == "global":
        taux_atteint = [t for s, t in seuils if s <= q][-1]
        net = brut * (1 - taux_atteint)
    else:
        net = 0.0
        for i, (debut, t) in enumerate(seuils):
            fin = seuils[i + 1][0] if i + 1 < len(seuils) else float("inf")
            # unités numérotées à partir de 1 : la tranche va de « debut » à « fin − 1 »
            dans_tranche = max(0.0, min(q, fin - 1) - max(debut, 1) + 1)
            net += dans_tranche * pu * (1 - t)
    return pd.Series(
        {
            "quantite": q,
            "montant_brut_ht": brut,
            "remise": brut - net,
            "montant_net_ht": net,
            "prix_moyen_ht": net / q,
        }
    )
