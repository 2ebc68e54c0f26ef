"""Mathématiques financières du cours (S512) : intérêts simples et composés, financement.

Conventions (DESIGN §4), rappelées dans le notebook S512 :

- **intérêts simples, escompte, agios** : année commerciale de **360 jours**,
  ``I = C × t × n / 360`` avec t décimal ; on compte les jours **sans le jour de
  départ** (négociation) et **avec le jour d'échéance**, puis on ajoute les
  jours de banque ;
- **agios** = escompte + commissions ; la **TVA ne porte que sur les commissions
  fixes** (indépendantes de la durée) ; valeur nette = valeur nominale − agios TTC ;
- **pénalités de retard** (entre professionnels) : sur le montant **TTC**, sur
  **365 jours**, plus l'indemnité forfaitaire de 40 € par facture ;
- **escompte de règlement** : sur le net commercial HT ; la TVA se calcule sur le
  net financier ;
- **intérêts composés** : ``Cn = C0 (1 + i)^n`` ; annuité constante
  ``a = C i / (1 − (1 + i)^−n)`` ; un taux mensuel est le taux **proportionnel**
  i/12, sauf si l'on demande le taux **équivalent** ; rien n'est arrondi dans les
  calculs (l'affichage arrondit), la dernière ligne d'un tableau d'amortissement
  solde exactement l'emprunt.

Les taux s'écrivent en décimal : ``taux=0.09`` pour 9 %. Un taux de 1 ou plus est
**refusé** avec un message (c'est presque toujours un pourcentage écrit 9 au lieu de 0.09).

>>> escompte_commercial(5000, 0.09, 60)
75.0
>>> round(annuite_constante(10000, 0.05, 3), 2)
3672.09
"""

from __future__ import annotations

import datetime as _dt
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from . import _verif_montants as verif
from ._erreurs import ErreurCours, verifier_nom
from .formats import _apercu, _en_date

__all__ = [
    "nombre_de_jours",
    "interet_simple",
    "escompte_commercial",
    "valeur_actuelle_commerciale",
    "agios",
    "penalites_retard",
    "escompte_reglement",
    "taux_annuel_escompte",
    "nominal_equivalent",
    "echeance_equivalente",
    "valeur_acquise",
    "valeur_actuelle",
    "valeur_acquise_annuites",
    "valeur_actuelle_annuites",
    "annuite_constante",
    "taux_proportionnel",
    "taux_equivalent",
    "tableau_amortissement",
    "PERIODICITES",
    "MODES_AMORTISSEMENT",
    "Emprunt",
    "LOA",
    "LLD",
    "comparer_financements",
]

#: Nombre de périodes par an de chaque périodicité.
PERIODICITES: dict[str, int] = {
    "annuelle": 1,
    "semestrielle": 2,
    "trimestrielle": 4,
    "mensuelle": 12,
}
#: Modes de remboursement d'un emprunt acceptés par :func:`tableau_amortissement`.
MODES_AMORTISSEMENT = ("annuites_constantes", "amortissements_constants", "in_fine")
_BASES = (360, 365, 366)
_CONVERSIONS = ("proportionnel", "equivalent")


# --------------------------------------------------------------------------- contrôles


def _taux(x: Any, nom: str, fonction: str) -> float:
    """Un taux décimal de 0 à 1 exclu : en finance, 1 (100 %) est un pourcentage mal écrit."""
    return verif.taux(x, nom, fonction, maximum_inclus=False)


def _periodes(x: Any, fonction: str, nom: str = "periodes") -> int:
    """Un nombre entier d'échéances, au moins une."""
    return verif.entier(
        x,
        nom,
        fonction,
        unite="périodes (d'échéances)",
        conseil="Exemple : 36 pour 36 mensualités.",
    )


#: Conseil quand une durée de capitalisation est négative.
_REMONTER = "Une durée se compte en périodes positives : pour l'autre sens, utilisez %s()."


def _base(x: Any, fonction: str) -> int:
    return verif.jours_base(x, fonction, nom="base", bases=_BASES)


def _par_an(periodicite: Any, fonction: str) -> int:
    """Nombre de périodes par an, d'après un nom (« mensuelle ») ou un entier (12)."""
    if isinstance(periodicite, numbers.Integral) and not isinstance(periodicite, bool):
        if periodicite in PERIODICITES.values():
            return int(periodicite)
        raise ErreurCours(
            f"{fonction}() : periodicite doit valoir 1, 2, 4 ou 12 périodes par an ; reçu "
            f"{periodicite}."
        )
    verifier_nom(str(periodicite), list(PERIODICITES), quoi="La périodicité")
    return PERIODICITES[str(periodicite)]


def _date(d: Any, nom: str, fonction: str) -> _dt.date:
    jour = _en_date(d, fonction)
    if jour is None:
        raise ErreurCours(f"{fonction}() : {nom} manque (reçu {_apercu(d)}) ; donnez une date.")
    return jour


# --------------------------------------------------------------------------- intérêts simples


def nombre_de_jours(debut: Any, fin: Any, jours_de_banque: int = 0, minimum: int = 0) -> int:
    """Nombre de jours d'une opération : jour de départ exclu, jour d'échéance inclus.

    On ajoute les ``jours_de_banque`` (1 ou 2 jours de valeur que la banque
    compte en plus) ; ``minimum`` est le nombre minimal de jours facturé par la
    banque (10 jours, par exemple), 0 par défaut. Dates : objets ``date`` ou
    textes ``'AAAA-MM-JJ'``.

    Effet remis à l'escompte le 15 mars, échéance le 30 avril : 16 jours en mars
    (du 16 au 31) + 30 jours en avril = 46 jours ; avec un jour de banque, 47.

    >>> nombre_de_jours("2026-03-15", "2026-04-30")
    46
    >>> nombre_de_jours("2026-03-15", "2026-04-30", jours_de_banque=1)
    47
    >>> nombre_de_jours("2026-03-15", "2026-03-20", minimum=10)
    10
    >>> nombre_de_jours("2026-04-30", "2026-03-15")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: nombre_de_jours() : la date de fin (15/03/2026) est avant la date de début (30/04/2026)...
    """
    fonction = "nombre_de_jours"
    d, f = _date(debut, "debut", fonction), _date(fin, "fin", fonction)
    if f < d:
        raise ErreurCours(
            f"{fonction}() : la date de fin ({f:%d/%m/%Y}) est avant la date de début "
            f"({d:%d/%m/%Y}). Donnez d'abord la date de départ (remise, facture), puis "
            "l'échéance."
        )
    banque = verif.entier(jours_de_banque, "jours_de_banque", fonction, minimum=0, unite="jours")
    return max((f - d).days + banque, verif.entier(minimum, "minimum", fonction, 0, "jours"))


def interet_simple(capital: float, taux: float, jours: float, base: int = 360) -> float:
    """Intérêt simple ``I = C × t × n / 360`` (année commerciale ; ``base=365`` possible).

    >>> interet_simple(10000, 0.06, 90)  # 10 000 × 0,06 × 90 / 360
    150.0
    >>> interet_simple(10000, 6, 90)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: interet_simple() : taux attendu en décimal : 0,05 pour 5 % ; reçu taux=6. Un taux s'écrit entre 0 et 1 exclu : 0,06 pour 6 %. Écrivez taux=0.06 pour 6 %.
    """
    fonction = "interet_simple"
    c = verif.montant(capital, "capital", fonction)
    t = _taux(taux, "taux", fonction)
    n = verif.jours(jours, "jours", fonction)
    return c * t * n / _base(base, fonction)


def escompte_commercial(
    valeur_nominale: float, taux: float, jours: float, base: int = 360
) -> float:
    """Escompte commercial d'un effet : ``e = V × t × n / 360``.

    Cas classique : effet de 5 000 € escompté 60 jours à 9 % → 5 000 × 0,09 × 60 / 360 = 75 €.

    >>> escompte_commercial(5000, 0.09, 60)
    75.0
    """
    fonction = "escompte_commercial"
    v = verif.montant(valeur_nominale, "valeur_nominale", fonction)
    t = _taux(taux, "taux", fonction)
    return v * t * verif.jours(jours, "jours", fonction) / _base(base, fonction)


def valeur_actuelle_commerciale(
    valeur_nominale: float, taux: float, jours: float, base: int = 360
) -> float:
    """Valeur actuelle commerciale d'un effet : ``V − e`` (valeur nominale moins l'escompte).

    >>> valeur_actuelle_commerciale(5000, 0.09, 60)  # 5 000 − 75
    4925.0
    """
    escompte = escompte_commercial(valeur_nominale, taux, jours, base)  # contrôle les données
    return float(valeur_nominale) - escompte


def agios(
    valeur_nominale: float,
    taux: float,
    jours: float,
    commissions_fixes_ht: float = 0,
    taux_tva: float = 0.20,
    base: int = 360,
    taux_endos: float = 0,
) -> pd.Series:
    """Décompte d'escompte bancaire d'un effet (LCR, lettre de change) remis à la banque.

    - escompte = V × t × n / 360 ;
    - commissions HT = commissions fixes (de service, de bordereau… par effet) +
      commission d'endos éventuelle (``taux_endos``, calculée comme l'escompte) ;
    - TVA = ``taux_tva`` × commissions **fixes** seulement : l'escompte et la
      commission d'endos, proportionnels à la durée, en sont exonérés ;
    - agios TTC = escompte + commissions HT + TVA ; valeur nette = V − agios TTC.

    Effet de 5 000 €, 60 jours à 9 %, commission fixe 5 € HT : escompte 75 €,
    TVA 5 × 0,20 = 1 €, agios TTC 75 + 5 + 1 = 81 €, valeur nette 4 919 €.

    >>> agios(5000, 0.09, 60, commissions_fixes_ht=5)
    escompte            75.0
    commissions_ht       5.0
    tva                  1.0
    agios_ttc           81.0
    valeur_nette      4919.0
    dtype: float64
    """
    fonction = "agios"
    escompte = escompte_commercial(valeur_nominale, taux, jours, base)
    fixes = verif.montant(commissions_fixes_ht, "commissions_fixes_ht", fonction)
    tva = fixes * _taux(taux_tva, "taux_tva", fonction)
    endos = float(valeur_nominale) * _taux(taux_endos, "taux_endos", fonction) * float(jours) / base
    agios_ttc = escompte + fixes + endos + tva
    return pd.Series(
        {
            "escompte": escompte,
            "commissions_ht": fixes + endos,
            "tva": tva,
            "agios_ttc": agios_ttc,
            "valeur_nette": float(valeur_nominale) - agios_ttc,
        }
    )


def _serie_ou_nombre(x: Any, nom: str, fonction: str, verifier) -> Any:
    """Contrôle un nombre, ou chaque valeur d'une colonne (pénalités de toutes les factures)."""
    if isinstance(x, pd.Series | np.ndarray | list | tuple):
        serie = pd.Series(x, dtype="object") if not isinstance(x, pd.Series) else x
        for valeur in serie:
            verifier(valeur, nom, fonction)
        return serie.astype(float)
    return verifier(x, nom, fonction)


def penalites_retard(
    montant_ttc: Any,
    taux_annuel: float,
    jours_retard: Any,
    indemnite_forfaitaire: float = 40,
    base: int = 365,
) -> Any:
    """Pénalités de retard d'une facture entre professionnels (Code de commerce, L441-10).

    ``montant_ttc × taux_annuel × jours_retard / 365`` plus l'indemnité forfaitaire
    pour frais de recouvrement (40 € par facture payée en retard). Pas de retard
    (``jours_retard`` ≤ 0) : pas de pénalité. ``montant_ttc`` et ``jours_retard``
    peuvent être des colonnes (une valeur par facture) : le résultat est alors une
    colonne.

    Facture de 2 400 € TTC payée avec 73 jours de retard, taux 12 % :
    2 400 × 0,12 × 73 / 365 = 57,60 € + 40 € = 97,60 €.

    >>> round(penalites_retard(2400, 0.12, 73), 2)
    97.6
    >>> penalites_retard([2400, 1000], 0.12, [73, 0]).round(2).tolist()
    [97.6, 0.0]
    """
    fonction = "penalites_retard"
    montant = _serie_ou_nombre(montant_ttc, "montant_ttc", fonction, verif.montant)
    jours = _serie_ou_nombre(jours_retard, "jours_retard", fonction, verif.nombre_fini)
    # (un retard négatif, paiement en avance, est permis : il donne 0 €)
    t = _taux(taux_annuel, "taux_annuel", fonction)
    forfait = verif.montant(indemnite_forfaitaire, "indemnite_forfaitaire", fonction)
    b = _base(base, fonction)
    if isinstance(montant, pd.Series) or isinstance(jours, pd.Series):
        if isinstance(montant, pd.Series) and isinstance(jours, pd.Series):
            if len(montant) != len(jours):
                raise ErreurCours(
                    f"{fonction}() : il faut un nombre de jours de retard par facture ; reçu "
                    f"{len(montant)} montants et {len(jours)} retards."
                )
        retard = np.clip(np.asarray(jours, dtype=float), 0, None)
        valeurs = np.asarray(montant, dtype=float) * t * retard / b + np.where(
            retard > 0, forfait, 0
        )
        index = montant.index if isinstance(montant, pd.Series) else jours.index
        return pd.Series(valeurs, index=index, name="penalites")
    if jours <= 0:
        return 0.0
    return montant * t * jours / b + forfait


def escompte_reglement(
    net_commercial_ht: float, taux_escompte: float, taux_tva: float = 0.20
) -> pd.Series:
    """Facture avec escompte pour paiement anticipé (escompte de règlement).

    L'escompte se calcule sur le **net commercial HT** (après remises, rabais,
    ristournes) ; la TVA se calcule sur le **net financier** (net commercial −
    escompte).

    Net commercial 4 000 € HT, escompte 2 % : escompte 80 €, net financier 3 920 €,
    TVA 784 €, net à payer 4 704 € TTC.

    >>> escompte_reglement(4000, 0.02)
    net_commercial_ht    4000.0
    escompte               80.0
    net_financier_ht     3920.0
    tva                   784.0
    net_a_payer_ttc      4704.0
    dtype: float64
    """
    fonction = "escompte_reglement"
    net = verif.montant(net_commercial_ht, "net_commercial_ht", fonction)
    escompte = net * _taux(taux_escompte, "taux_escompte", fonction)
    financier = net - escompte
    tva = financier * _taux(taux_tva, "taux_tva", fonction)
    return pd.Series(
        {
            "net_commercial_ht": net,
            "escompte": escompte,
            "net_financier_ht": financier,
            "tva": tva,
            "net_a_payer_ttc": financier + tva,
        }
    )


def taux_annuel_escompte(taux_escompte: float, jours_d_avance: float, base: int = 360) -> float:
    """Ce que coûte (au vendeur) ou rapporte (au client) un escompte, en taux annuel.

    Payer ``(1 − e)`` aujourd'hui au lieu de 1 dans n jours revient à un intérêt
    simple au taux ``r = e / (1 − e) × 360 / n``. À comparer au taux d'un
    découvert ou d'un placement pour savoir si l'escompte vaut la peine.

    2 % pour payer 60 jours plus tôt : 0,02 / 0,98 × 360 / 60 ≈ 12,24 % par an.

    >>> round(taux_annuel_escompte(0.02, 60), 4)
    0.1224
    """
    fonction = "taux_annuel_escompte"
    e = _taux(taux_escompte, "taux_escompte", fonction)
    n = verif.jours(jours_d_avance, "jours_d_avance", fonction)
    if n == 0:
        raise ErreurCours(
            f"{fonction}() : jours_d_avance doit être supérieur à 0 ; reçu {jours_d_avance!r}. "
            "C'est le nombre de jours dont le paiement est avancé."
        )
    return e / (1 - e) * _base(base, fonction) / n


def _valeurs_actuelles(
    valeur_nominale: Any, jours: Any, taux: float, base: int, fonction: str
) -> float:
    """Somme des valeurs actuelles commerciales d'un ou plusieurs effets."""
    nominaux = (
        valeur_nominale
        if isinstance(valeur_nominale, Sequence | np.ndarray | pd.Series)
        else [valeur_nominale]
    )
    durees = jours if isinstance(jours, Sequence | np.ndarray | pd.Series) else [jours]
    nominaux, durees = list(nominaux), list(durees)
    if len(nominaux) != len(durees) or not nominaux:
        raise ErreurCours(
            f"{fonction}() : il faut autant de durées que de valeurs nominales (un effet = un "
            f"nominal et un nombre de jours) ; reçu {len(nominaux)} nominaux et {len(durees)} "
            "durées."
        )
    return sum(
        valeur_actuelle_commerciale(v, taux, n, base) for v, n in zip(nominaux, durees, strict=True)
    )


def nominal_equivalent(
    valeur_nominale: Any, jours: Any, nouveaux_jours: float, taux: float, base: int = 360
) -> float:
    """Nominal du nouvel effet équivalent (report d'échéance, échéance commune).

    Deux effets sont **équivalents** à une date s'ils ont, à cette date, la même
    valeur actuelle commerciale. Le client demande de reporter un effet de ``V``
    (à ``jours`` jours de la date d'équivalence) à ``nouveaux_jours`` jours : le
    nouveau nominal ``V'`` vérifie ``V' (1 − t n'/360) = V (1 − t n/360)``.
    ``valeur_nominale`` et ``jours`` peuvent être des listes : plusieurs effets
    remplacés par un seul.

    Effet de 3 000 € à 30 jours reporté à 90 jours, taux 9 % :
    V' = 3 000 × (1 − 0,09 × 30/360) / (1 − 0,09 × 90/360) = 2 977,50 / 0,9775 ≈ 3 046,04 €.

    >>> round(nominal_equivalent(3000, 30, 90, 0.09), 2)
    3046.04
    """
    fonction = "nominal_equivalent"
    actuelle = _valeurs_actuelles(valeur_nominale, jours, taux, base, fonction)
    facteur = (
        1
        - _taux(taux, "taux", fonction)
        * verif.jours(nouveaux_jours, "nouveaux_jours", fonction)
        / base
    )
    if facteur <= 0:
        raise ErreurCours(
            f"{fonction}() : avec un taux de {taux:g} sur {nouveaux_jours} jours, l'escompte "
            "dépasserait le nominal ; vérifiez le taux (décimal) et la durée."
        )
    return actuelle / facteur


def echeance_equivalente(
    valeur_nominale: Any, jours: Any, nouvelle_valeur_nominale: float, taux: float, base: int = 360
) -> float:
    """Nombre de jours (depuis la date d'équivalence) de l'échéance du nouvel effet.

    Inverse de :func:`nominal_equivalent` : on connaît le nouveau nominal ``V'`` et
    on cherche ``n'`` tel que ``V' (1 − t n'/360) = Σ V (1 − t n/360)`` (résultat
    non arrondi : le notebook dit comment en tirer une date).

    Effets de 2 000 € à 30 jours et 4 000 € à 75 jours, remplacés par un effet unique
    de 6 000 € (échéance moyenne), taux 9 % : n' = (2 000 × 30 + 4 000 × 75) / 6 000 = 60 jours.

    >>> round(echeance_equivalente([2000, 4000], [30, 75], 6000, 0.09), 6)
    60.0
    """
    fonction = "echeance_equivalente"
    actuelle = _valeurs_actuelles(valeur_nominale, jours, taux, base, fonction)
    nouveau = verif.montant(
        nouvelle_valeur_nominale, "nouvelle_valeur_nominale", fonction, strictement_positif=True
    )
    t = _taux(taux, "taux", fonction)
    if t == 0:
        raise ErreurCours(f"{fonction}() : avec un taux nul, toutes les échéances se valent.")
    n = (1 - actuelle / nouveau) * base / t
    if n < 0:
        raise ErreurCours(
            f"{fonction}() : un nouvel effet de {nouveau:g} € vaut moins que ce qu'il remplace "
            f"(valeur actuelle {actuelle:.2f} €) même payé aujourd'hui ; son nominal doit être "
            "plus élevé."
        )
    return n


# --------------------------------------------------------------------------- intérêts composés


def valeur_acquise(capital: float, taux: float, periodes: float) -> float:
    """Valeur acquise d'un capital placé à intérêts composés : ``Cn = C0 (1 + i)^n``.

    >>> round(valeur_acquise(10000, 0.04, 5), 2)  # 10 000 × 1,04^5
    12166.53
    """
    fonction = "valeur_acquise"
    c = verif.montant(capital, "capital", fonction)
    n = verif.montant(periodes, "periodes", fonction, conseil=_REMONTER % "valeur_actuelle")
    return c * (1 + _taux(taux, "taux", fonction)) ** n


def valeur_actuelle(capital: float, taux: float, periodes: float) -> float:
    """Valeur actuelle d'un capital disponible dans n périodes : ``C0 = Cn (1 + i)^−n``.

    >>> round(valeur_actuelle(12166.53, 0.04, 5), 2)
    10000.0
    """
    fonction = "valeur_actuelle"
    c = verif.montant(capital, "capital", fonction)
    n = verif.montant(periodes, "periodes", fonction, conseil=_REMONTER % "valeur_acquise")
    return c * (1 + _taux(taux, "taux", fonction)) ** -n


def valeur_acquise_annuites(
    annuite: float, taux: float, periodes: int, debut_de_periode: bool = False
) -> float:
    """Valeur acquise d'une suite d'annuités constantes, à la date de la dernière.

    ``Vn = a ((1 + i)^n − 1) / i`` (annuités de fin de période) ; avec
    ``debut_de_periode=True`` (versements en début de période), multipliée par (1 + i).

    >>> round(valeur_acquise_annuites(1000, 0.05, 3), 2)  # 1 000 × (1,05³ − 1) / 0,05
    3152.5
    """
    fonction = "valeur_acquise_annuites"
    a = verif.montant(annuite, "annuite", fonction)
    i = _taux(taux, "taux", fonction)
    n = _periodes(periodes, fonction)
    valeur = a * n if i == 0 else a * ((1 + i) ** n - 1) / i
    return valeur * (1 + i) if debut_de_periode else valeur


def valeur_actuelle_annuites(
    annuite: float, taux: float, periodes: int, debut_de_periode: bool = False
) -> float:
    """Valeur actuelle d'une suite d'annuités constantes, une période avant la première.

    ``V0 = a (1 − (1 + i)^−n) / i`` ; avec ``debut_de_periode=True``, à la date
    de la première annuité (multipliée par 1 + i).

    >>> round(valeur_actuelle_annuites(1000, 0.05, 3), 2)
    2723.25
    """
    fonction = "valeur_actuelle_annuites"
    a = verif.montant(annuite, "annuite", fonction)
    i = _taux(taux, "taux", fonction)
    n = _periodes(periodes, fonction)
    valeur = a * n if i == 0 else a * (1 - (1 + i) ** -n) / i
    return valeur * (1 + i) if debut_de_periode else valeur


def annuite_constante(capital: float, taux: float, periodes: int) -> float:
    """Annuité constante de remboursement d'un emprunt : ``a = C i / (1 − (1 + i)^−n)``.

    ``taux`` est le taux **de la période** (mensuel pour des mensualités : voir
    :func:`taux_proportionnel`).

    >>> round(annuite_constante(10000, 0.05, 3), 2)
    3672.09
    >>> annuite_constante(10000, 0.05, 0)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: annuite_constante() : periodes doit être un nombre entier de périodes (d'échéances), au moins égal à 1 ; reçu 0...
    """
    fonction = "annuite_constante"
    c = verif.montant(capital, "capital", fonction)
    i = _taux(taux, "taux", fonction)
    n = _periodes(periodes, fonction)
    return c / n if i == 0 else c * i / (1 - (1 + i) ** -n)


def taux_proportionnel(taux_annuel: float, periodicite: str | int = "mensuelle") -> float:
    """Taux de la période proportionnel au taux annuel : ``i / k`` (k = 12 pour un mois).

    >>> taux_proportionnel(0.06, "mensuelle")
    0.005
    """
    fonction = "taux_proportionnel"
    return _taux(taux_annuel, "taux_annuel", fonction) / _par_an(periodicite, fonction)


def taux_equivalent(taux_annuel: float, periodicite: str | int = "mensuelle") -> float:
    """Taux de la période équivalent au taux annuel : ``(1 + i)^(1/k) − 1``.

    Placé k périodes à ce taux, un capital acquiert la même valeur qu'en un an au
    taux annuel (intérêts composés).

    >>> round(taux_equivalent(0.06, "mensuelle"), 6)
    0.004868
    """
    fonction = "taux_equivalent"
    i = _taux(taux_annuel, "taux_annuel", fonction)
    return (1 + i) ** (1 / _par_an(periodicite, fonction)) - 1


def _taux_periode(taux_annuel: float, periodicite: Any, conversion: str, fonction: str) -> float:
    verifier_nom(str(conversion), _CONVERSIONS, quoi="La conversion de taux")
    if conversion == "equivalent":
        return taux_equivalent(taux_annuel, periodicite)
    return taux_proportionnel(taux_annuel, periodicite)


def tableau_amortissement(
    capital: float,
    taux: float,
    periodes: int,
    mode: str = "annuites_constantes",
    periodicite: str | int = "annuelle",
    conversion: str = "proportionnel",
) -> pd.DataFrame:
    """Tableau de remboursement d'un emprunt, une ligne par échéance (valeurs non arrondies).

    - ``taux`` : taux **annuel** ; ``periodicite`` : « annuelle », « semestrielle »,
      « trimestrielle » ou « mensuelle » ; le taux de la période est le taux
      proportionnel (i/12 par mois) ou, avec ``conversion="equivalent"``, le taux
      équivalent ;
    - ``periodes`` : nombre d'échéances (36 pour 3 ans de mensualités) ;
    - ``mode`` : « annuites_constantes » (échéance constante), « amortissements_constants »
      (capital remboursé constant) ou « in_fine » (intérêts seuls, capital à la fin).

    Intérêts = capital restant dû en début de période × taux ; amortissement =
    annuité − intérêts ; la dernière ligne solde l'emprunt (capital_fin = 0).

    >>> t = tableau_amortissement(10000, 0.05, 3)
    >>> t.round(2)
       periode  capital_debut  interets  amortissement  annuite  capital_fin
    0        1       10000.00    500.00        3172.09  3672.09      6827.91
    1        2        6827.91    341.40        3330.69  3672.09      3497.22
    2        3        3497.22    174.86        3497.22  3672.09         0.00
    >>> tableau_amortissement(10000, 0.05, 3, mode="annuite_constante")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.NomInconnu: Le mode 'annuite_constante' n'existe pas. ... Vouliez-vous dire 'annuites_constantes' ?
    """
    fonction = "tableau_amortissement"
    c = verif.montant(capital, "capital", fonction, strictement_positif=True)
    n = _periodes(periodes, fonction)
    verifier_nom(str(mode), MODES_AMORTISSEMENT, quoi="Le mode")
    i = _taux_periode(_taux(taux, "taux", fonction), periodicite, conversion, fonction)
    lignes = []
    restant = c
    annuite = annuite_constante(c, i, n)
    for k in range(1, n + 1):
        interets = restant * i
        if k == n:  # la dernière échéance solde exactement ce qui reste dû
            amortissement = restant
        elif mode == "annuites_constantes":
            amortissement = annuite - interets
        elif mode == "amortissements_constants":
            amortissement = c / n
        else:  # in fine
            amortissement = 0.0
        lignes.append((k, restant, interets, amortissement, interets + amortissement))
        restant = 0.0 if k == n else restant - amortissement
    tableau = pd.DataFrame(
        lignes, columns=["periode", "capital_debut", "interets", "amortissement", "annuite"]
    )
    tableau["capital_fin"] = tableau["capital_debut"] - tableau["amortissement"]
    tableau.loc[n - 1, "capital_fin"] = 0.0
    return tableau


# --------------------------------------------------------------------------- financement


@dataclass(frozen=True)
class Emprunt:
    """Achat financé par un emprunt à échéances constantes.

    ``taux`` annuel, ``periodes`` échéances (de fin de période), ``apport``
    personnel et ``frais_dossier`` payés le jour de l'achat ; le reste du prix est
    emprunté. L'acheteur est propriétaire dès l'achat.
    """

    taux: float
    periodes: int
    apport: float = 0.0
    frais_dossier: float = 0.0
    libelle: str = ""

    nom = "Emprunt"
    proprietaire = True

    def flux(self, prix: float, par_an: int, conversion: str) -> np.ndarray:
        fonction = "Emprunt"
        n = _periodes(self.periodes, fonction)
        apport = verif.montant(self.apport, "apport", fonction)
        if apport > prix:
            raise ErreurCours(
                f"Emprunt : l'apport ({apport:g} €) dépasse le prix ({prix:g} €) ; il ne "
                "resterait rien à emprunter."
            )
        i = _taux_periode(_taux(self.taux, "taux", fonction), par_an, conversion, fonction)
        flux = np.zeros(n + 1)
        flux[0] = apport + verif.montant(self.frais_dossier, "frais_dossier", fonction)
        flux[1:] = annuite_constante(prix - apport, i, n) if prix > apport else 0.0
        return flux


@dataclass(frozen=True)
class LOA:
    """Location avec option d'achat (crédit-bail pour une entreprise).

    ``premier_loyer`` (souvent majoré) le jour de la signature, puis ``periodes``
    loyers de ``loyer`` en fin de période ; à la fin, l'**option d'achat** (prix de
    levée) rend le locataire propriétaire. ``lever_option=False`` : le bien est rendu.
    """

    loyer: float
    periodes: int
    premier_loyer: float = 0.0
    option_achat: float = 0.0
    lever_option: bool = True
    libelle: str = ""

    nom = "LOA"

    @property
    def proprietaire(self) -> bool:
        return bool(self.lever_option)

    def flux(self, prix: float, par_an: int, conversion: str) -> np.ndarray:
        fonction = "LOA"
        n = _periodes(self.periodes, fonction)
        flux = np.zeros(n + 1)
        flux[0] = verif.montant(self.premier_loyer, "premier_loyer", fonction)
        flux[1:] = verif.montant(self.loyer, "loyer", fonction)
        if self.lever_option:
            flux[n] += verif.montant(self.option_achat, "option_achat", fonction)
        return flux


@dataclass(frozen=True)
class LLD:
    """Location longue durée : des loyers (entretien souvent compris), jamais la propriété.

    ``premier_loyer`` le jour de la signature, puis ``periodes`` loyers de
    ``loyer`` en fin de période ; le bien est rendu à la fin du contrat.
    """

    loyer: float
    periodes: int
    premier_loyer: float = 0.0
    libelle: str = ""

    nom = "LLD"
    proprietaire = False

    def flux(self, prix: float, par_an: int, conversion: str) -> np.ndarray:
        fonction = "LLD"
        n = _periodes(self.periodes, fonction)
        flux = np.zeros(n + 1)
        flux[0] = verif.montant(self.premier_loyer, "premier_loyer", fonction)
        flux[1:] = verif.montant(self.loyer, "loyer", fonction)
        return flux


def comparer_financements(
    prix: float,
    solutions: Sequence[Emprunt | LOA | LLD],
    taux_actualisation: float,
    periodicite: str | int = "mensuelle",
    valeur_revente: float = 0.0,
    conversion: str = "proportionnel",
) -> pd.DataFrame:
    """Compare l'achat comptant et des solutions de financement d'un même bien.

    Une ligne par solution (le comptant d'abord ; ``libelle="LOA partenaire B"``
    distingue deux offres de même type) :

    - ``decaissements`` : total payé (apport, frais, échéances, loyers, option) ;
    - ``surcout`` : décaissements − prix comptant ;
    - ``valeur_actuelle`` : décaissements actualisés au taux ``taux_actualisation``
      (annuel, ramené à la période comme pour un emprunt) : un euro payé dans
      3 ans « coûte » moins qu'un euro payé aujourd'hui ;
    - ``proprietaire`` : le client possède-t-il le bien à la fin ?
    - ``cout_net_actualise`` : valeur actuelle − valeur actuelle de la revente
      du bien (``valeur_revente``, estimée à la fin de la plus longue durée) pour
      qui en est propriétaire ; c'est le critère qui compare les solutions à armes
      égales.

    Tous les paiements ont lieu en début (jour de l'achat) ou en fin de période.

    >>> t = comparer_financements(20000, [Emprunt(0.06, 36), LLD(450, 36)], 0.04)
    >>> t[["solution", "decaissements", "proprietaire"]].round(2)
       solution  decaissements  proprietaire
    0  Comptant       20000.00          True
    1   Emprunt       21903.79          True
    2       LLD       16200.00         False
    """
    fonction = "comparer_financements"
    p = verif.montant(prix, "prix", fonction, strictement_positif=True)
    par_an = _par_an(periodicite, fonction)
    i = _taux_periode(
        _taux(taux_actualisation, "taux_actualisation", fonction), par_an, conversion, fonction
    )
    revente = verif.montant(valeur_revente, "valeur_revente", fonction)
    if isinstance(solutions, Emprunt | LOA | LLD):
        solutions = [solutions]
    for s in solutions:
        if not isinstance(s, Emprunt | LOA | LLD):
            raise ErreurCours(
                f"{fonction}() : chaque solution doit être gc.Emprunt(...), gc.LOA(...) ou "
                f"gc.LLD(...) ; reçu {type(s).__name__} ({_apercu(s)})."
            )
    tous_flux = [("Comptant", True, np.array([p]))] + [
        (s.libelle or s.nom, s.proprietaire, s.flux(p, par_an, conversion)) for s in solutions
    ]
    horizon = max(len(f) for _, _, f in tous_flux) - 1
    va_revente = revente * (1 + i) ** -horizon
    lignes = []
    for nom, proprietaire, flux in tous_flux:
        actualise = float(np.sum(flux * (1 + i) ** -np.arange(len(flux))))
        lignes.append(
            {
                "solution": nom,
                "decaissements": float(flux.sum()),
                "surcout": float(flux.sum()) - p,
                "valeur_actuelle": actualise,
                "proprietaire": proprietaire,
                "cout_net_actualise": actualise - (va_revente if proprietaire else 0.0),
            }
        )
    return pd.DataFrame(lignes)
