"""Coûts commerciaux, seuil de rentabilité, amortissements et charge de travail (S531).

Conventions du cours (DESIGN §4) :

- seuil de rentabilité = charges fixes / taux de marge sur coût variable ;
- point mort = seuil / CA × 360 jours (année commerciale ; 365 jours ou 12 mois
  sur demande) ;
- amortissement linéaire : prorata temporis en jours, mois de 30 jours, jour de
  mise en service compté, exercice = année civile ;
- amortissement dégressif : coefficient 1,25 (3 ou 4 ans), 1,75 (5 ou 6 ans),
  2,25 (plus de 6 ans) ; première annuité au prorata des mois comptés depuis le
  1er du mois d'acquisition ; passage au linéaire dès que celui-ci donne plus.

Aucun arrondi dans les calculs : on arrondit seulement à l'affichage.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ._erreurs import ErreurCours
from ._verif_montants import (
    colonnes_requises,
    entier_positif,
    jours_base,
    montant,
    nombre_fini,
    taux,
)

__all__ = [
    "seuil_rentabilite",
    "point_mort",
    "date_point_mort",
    "marge_sur_cout_variable",
    "marge_securite",
    "indice_securite",
    "levier_operationnel",
    "compte_resultat_differentiel",
    "analyse_charges",
    "amortissement_lineaire",
    "amortissement_degressif",
    "coefficient_degressif",
    "temps_disponible",
    "charge_de_travail",
    "ChargeDeTravail",
]


# --------------------------------------------------------------------------
# Marge sur coût variable et seuil de rentabilité
# --------------------------------------------------------------------------


def marge_sur_cout_variable(chiffre_affaires: float, charges_variables: float) -> float:
    """Marge sur coût variable = chiffre d'affaires − charges variables.

    >>> marge_sur_cout_variable(120_000, 72_000)
    48000.0
    """
    ca = montant(chiffre_affaires, "chiffre_affaires", "marge_sur_cout_variable")
    cv = montant(charges_variables, "charges_variables", "marge_sur_cout_variable")
    return ca - cv


def seuil_rentabilite(charges_fixes: float, taux_marge_sur_cout_variable: float) -> float:
    """Seuil de rentabilité (CA critique) = charges fixes / taux de marge sur coût variable.

    Le taux s'écrit en décimal : 0.40 pour 40 %.

    >>> seuil_rentabilite(30_000, 0.40)
    75000.0
    """
    cf = montant(charges_fixes, "charges_fixes", "seuil_rentabilite")
    t = taux(taux_marge_sur_cout_variable, "taux_marge_sur_cout_variable", "seuil_rentabilite")
    if t == 0:
        raise ErreurCours(
            "seuil_rentabilite() : le taux de marge sur coût variable est nul : aucune vente "
            "ne couvre les charges fixes, le seuil n'existe pas. Vérifiez les charges variables."
        )
    return cf / t


_UNITES_POINT_MORT = {360: "jours (année commerciale)", 365: "jours (année civile)", 12: "mois"}


def point_mort(seuil: float, chiffre_affaires: float, jours: int = 360) -> float:
    """Point mort : moment de l'année où le seuil est atteint (ventes régulières).

    ``point_mort = seuil / CA × jours`` ; ``jours`` vaut 360 (convention du cours),
    365 ou 12 (résultat en mois).

    >>> point_mort(75_000, 120_000)
    225.0
    >>> point_mort(75_000, 120_000, jours=12)
    7.5
    """
    s = montant(seuil, "seuil", "point_mort")
    ca = montant(chiffre_affaires, "chiffre_affaires", "point_mort", strictement_positif=True)
    if isinstance(jours, bool) or jours not in _UNITES_POINT_MORT:
        raise ErreurCours(
            f"point_mort() : jours vaut 360 (année commerciale, convention du cours), 365 "
            f"(année civile) ou 12 (résultat en mois) ; reçu {jours!r}."
        )
    return s / ca * jours


def date_point_mort(
    point_mort_jours: float, debut: dt.date | str = "2026-01-01", jours: int = 360
) -> dt.date:
    """La date du point mort, comptée en mois de 30 jours depuis ``debut`` (1er janvier).

    Avec la convention de 360 jours, 225 jours = 7 mois et 15 jours : le 15 août.
    Le jour atteint est arrondi au jour supérieur (le seuil est atteint dans la journée) ;
    le 30e jour d'un mois est son dernier jour. Avec ``jours=365``, on compte les jours
    réels du calendrier.

    >>> date_point_mort(225)
    datetime.date(2026, 8, 15)
    >>> date_point_mort(256.5)
    datetime.date(2026, 9, 17)
    """
    f = "date_point_mort"
    pm = montant(point_mort_jours, "point_mort_jours", f)
    base = jours_base(jours, f)
    if pm > base:
        raise ErreurCours(
            f"{f}() : point mort de {pm:g} jours, au-delà de l'exercice ({base} jours) : "
            "le seuil n'est pas atteint dans l'année."
        )
    debut = _date(debut, "debut", f)
    jour_entier = max(math.ceil(pm), 1)  # le seuil est atteint au cours de ce jour
    if base == 365:
        return debut + dt.timedelta(days=jour_entier - 1)
    if debut.day != 1:
        raise ErreurCours(
            f"{f}() : en mois de 30 jours, l'exercice commence le 1er d'un mois ; reçu "
            f"debut={debut.isoformat()}. Donnez le 1er du mois d'ouverture de l'exercice, "
            "ou comptez en jours réels avec jours=365."
        )
    mois, jour = divmod(jour_entier - 1, 30)  # mois complets écoulés, jour dans le mois (0..29)
    annee, mois_final = divmod(debut.month - 1 + mois, 12)
    dernier = (pd.Timestamp(debut.year + annee, mois_final + 1, 1) + pd.offsets.MonthEnd()).day
    # Le 30e jour d'un mois de 30 jours est son dernier jour (31 août, 28 février).
    return dt.date(
        debut.year + annee, mois_final + 1, dernier if jour == 29 else min(jour + 1, dernier)
    )


def marge_securite(chiffre_affaires: float, seuil: float) -> float:
    """Marge de sécurité = CA − seuil de rentabilité (baisse de CA supportable sans perte).

    >>> marge_securite(120_000, 75_000)
    45000.0
    """
    ca = montant(chiffre_affaires, "chiffre_affaires", "marge_securite")
    return ca - montant(seuil, "seuil", "marge_securite")


def indice_securite(chiffre_affaires: float, seuil: float) -> float:
    """Indice de sécurité = marge de sécurité / CA (en décimal).

    >>> indice_securite(120_000, 75_000)
    0.375
    """
    ca = montant(chiffre_affaires, "chiffre_affaires", "indice_securite", strictement_positif=True)
    return marge_securite(ca, seuil) / ca


def levier_operationnel(marge_sur_cv: float, resultat: float) -> float:
    """Levier opérationnel = marge sur coût variable / résultat.

    Un levier de 2,67 : quand le CA augmente de 1 %, le résultat augmente de 2,67 %.

    >>> levier_operationnel(48_000, 18_000)
    2.6666666666666665
    """
    m = nombre_fini(marge_sur_cv, "marge_sur_cv", "levier_operationnel")
    r = nombre_fini(resultat, "resultat", "levier_operationnel")
    if r == 0:
        raise ErreurCours(
            "levier_operationnel() : le résultat est nul (l'action est au seuil) : "
            "le levier n'est pas défini."
        )
    return m / r


def compte_resultat_differentiel(
    chiffre_affaires: float, charges_variables: float, charges_fixes: float, jours: int = 360
) -> pd.Series:
    """Compte de résultat différentiel d'une action, avec seuil et sécurité.

    Renvoie une Series : chiffre_affaires, charges_variables, marge_sur_cout_variable,
    taux_marge_sur_cout_variable, charges_fixes, resultat, seuil_rentabilite,
    marge_securite, indice_securite, point_mort, levier_operationnel (NaN si résultat nul).

    >>> r = compte_resultat_differentiel(120_000, 72_000, 30_000)
    >>> float(r["seuil_rentabilite"]), float(r["point_mort"]), float(r["indice_securite"])
    (75000.0, 225.0, 0.375)
    """
    f = "compte_resultat_differentiel"
    ca = montant(chiffre_affaires, "chiffre_affaires", f, strictement_positif=True)
    cv = montant(charges_variables, "charges_variables", f)
    cf = montant(charges_fixes, "charges_fixes", f)
    if cv >= ca:
        raise ErreurCours(
            f"{f}() : les charges variables ({cv:g}) atteignent le chiffre d'affaires ({ca:g}) : "
            "la marge sur coût variable n'est pas positive, aucun seuil n'existe. "
            "Vérifiez que les charges variables sont bien celles de ce chiffre d'affaires."
        )
    mcv = ca - cv
    resultat = mcv - cf
    seuil = seuil_rentabilite(cf, mcv / ca)
    return pd.Series(
        {
            "chiffre_affaires": ca,
            "charges_variables": cv,
            "marge_sur_cout_variable": mcv,
            "taux_marge_sur_cout_variable": mcv / ca,
            "charges_fixes": cf,
            "resultat": resultat,
            "seuil_rentabilite": seuil,
            "marge_securite": ca - seuil,
            "indice_securite": (ca - seuil) / ca,
            "point_mort": point_mort(seuil, ca, jours),
            "levier_operationnel": mcv / resultat if resultat else math.nan,
        },
        name="compte de résultat différentiel",
    )


# --------------------------------------------------------------------------
# Coût complet, coût direct, charges fixes et variables
# --------------------------------------------------------------------------

_NATURES = ("fixe", "variable")
_AFFECTATIONS = ("directe", "indirecte")


def analyse_charges(charges: pd.DataFrame) -> pd.Series:
    """Coût direct, coût complet, charges fixes et variables d'une action commerciale.

    ``charges`` : une table avec les colonnes ``montant``, ``nature`` (« fixe » ou
    « variable ») et ``affectation`` (« directe » : propre à l'action ; « indirecte » :
    quote-part de charges communes, par exemple du service commercial).
    Coût direct = charges directes ; coût complet = charges directes + indirectes.

    >>> charges = pd.DataFrame({
    ...     "poste": ["stand", "hôtesses", "catalogues", "quote-part du service"],
    ...     "montant": [4000, 1200, 800, 1500],
    ...     "nature": ["fixe", "fixe", "variable", "fixe"],
    ...     "affectation": ["directe", "directe", "directe", "indirecte"]})
    >>> analyse_charges(charges).to_dict()
    {'cout_direct': 6000.0, 'charges_indirectes': 1500.0, 'cout_complet': 7500.0, \
'charges_fixes': 6700.0, 'charges_variables': 800.0}
    """
    f = "analyse_charges"
    colonnes_requises(charges, ("montant", "nature", "affectation"), "charges", f)
    montants = [montant(m, "montant", f) for m in charges["montant"]]
    for colonne, permis in (("nature", _NATURES), ("affectation", _AFFECTATIONS)):
        for valeur in charges[colonne]:
            if valeur not in permis:
                raise ErreurCours(
                    f"{f}() : la colonne {colonne} contient {valeur!r} ; valeurs permises : "
                    f"{', '.join(permis)}."
                )
    m = pd.Series(montants, index=charges.index, dtype=float)
    directe = charges["affectation"] == "directe"
    fixe = charges["nature"] == "fixe"
    return pd.Series(
        {
            "cout_direct": float(m[directe].sum()),
            "charges_indirectes": float(m[~directe].sum()),
            "cout_complet": float(m.sum()),
            "charges_fixes": float(m[fixe].sum()),
            "charges_variables": float(m[~fixe].sum()),
        },
        name="analyse des charges",
    )


# --------------------------------------------------------------------------
# Amortissements
# --------------------------------------------------------------------------

_COLONNES_AMORTISSEMENT = [
    "exercice",
    "valeur_debut",
    "taux",
    "dotation",
    "cumul_dotations",
    "valeur_nette_fin",
]


def _date(valeur: Any, nom: str, fonction: str) -> dt.date:
    try:
        return pd.Timestamp(valeur).date()
    except (TypeError, ValueError):
        raise ErreurCours(
            f"{fonction}() : {nom} doit être une date, par exemple '2026-04-15' ; reçu {valeur!r}."
        ) from None


def _plan(valeur: float, exercices: list[int], taux_: list[float], dotations: list[float]):
    cumul = pd.Series(dotations).cumsum().tolist()
    debut = [valeur] + [valeur - c for c in cumul[:-1]]
    return pd.DataFrame(
        {
            "exercice": exercices,
            "valeur_debut": debut,
            "taux": taux_,
            "dotation": dotations,
            "cumul_dotations": cumul,
            "valeur_nette_fin": [valeur - c for c in cumul],
        },
        columns=_COLONNES_AMORTISSEMENT,
    )


def amortissement_lineaire(
    valeur: float, duree: int, date_mise_en_service: dt.date | str | None = None
) -> pd.DataFrame:
    """Plan d'amortissement linéaire : annuité = valeur / durée.

    Sans date, l'investissement est supposé mis en service au début de l'exercice
    (exercices numérotés 1, 2, …). Avec une date, exercice = année civile et la
    première annuité est calculée *prorata temporis* en jours (mois de 30 jours, jour
    de mise en service compté) ; la dernière annuité reçoit le complément.

    Exemple : stand de salon de 9 000 € sur 3 ans, mis en service le 16 avril 2026 :
    15 jours d'avril + 8 mois × 30 = 255 jours ; 2026 : 9 000 / 3 × 255 / 360 = 2 125 €.

    >>> plan = amortissement_lineaire(9_000, 3, "2026-04-16")
    >>> plan[["exercice", "dotation", "valeur_nette_fin"]].to_dict("list")
    {'exercice': [2026, 2027, 2028, 2029], 'dotation': [2125.0, 3000.0, 3000.0, 875.0], \
'valeur_nette_fin': [6875.0, 3875.0, 875.0, 0.0]}
    """
    f = "amortissement_lineaire"
    v = montant(valeur, "valeur", f, strictement_positif=True)
    n = entier_positif(duree, "duree", f)
    annuite = v / n
    if date_mise_en_service is None:
        return _plan(v, list(range(1, n + 1)), [1 / n] * n, [annuite] * n)
    d = _date(date_mise_en_service, "date_mise_en_service", f)
    # Mois de 30 jours : le 31 compte comme le 30 ; le jour de mise en service est compté.
    jours = (12 - d.month) * 30 + (30 - min(d.day, 30) + 1)
    premiere = annuite * jours / 360
    dotations = [premiere] + [annuite] * (n - 1)
    if jours < 360:
        dotations.append(annuite - premiere)  # complément de la première année
    exercices = [d.year + i for i in range(len(dotations))]
    return _plan(v, exercices, [1 / n] * len(dotations), dotations)


def coefficient_degressif(duree: int) -> float:
    """Coefficient fiscal du dégressif : 1,25 (3–4 ans), 1,75 (5–6 ans), 2,25 (plus de 6 ans).

    >>> coefficient_degressif(5)
    1.75
    """
    n = entier_positif(duree, "duree", "coefficient_degressif")
    if n < 3:
        raise ErreurCours(
            f"coefficient_degressif() : l'amortissement dégressif est réservé aux biens "
            f"d'au moins 3 ans ; reçu une durée de {n} an(s). Utilisez amortissement_lineaire()."
        )
    return 1.25 if n <= 4 else 1.75 if n <= 6 else 2.25


def amortissement_degressif(
    valeur: float, duree: int, date_acquisition: dt.date | str
) -> pd.DataFrame:
    """Plan d'amortissement dégressif (exercice = année civile).

    Taux dégressif = (1 / durée) × coefficient. Première annuité : valeur × taux ×
    mois / 12, les mois comptés depuis le 1er du mois d'acquisition. Ensuite,
    VNC × taux, sauf quand le taux linéaire sur les années restantes (1 / années
    restantes) donne plus : on passe alors au linéaire jusqu'à la fin.

    Exemple : véhicule de 20 000 € sur 5 ans, acquis le 10 juillet 2026 (taux 35 %) :
    2026 : 20 000 × 35 % × 6/12 = 3 500 ; 2027 : 16 500 × 35 % = 5 775 ;
    2028 : 10 725 × 35 % = 3 753,75 (linéaire : 10 725 / 3 = 3 575) ;
    2029 : 6 971,25 / 2 = 3 485,625 (plus que 35 % = 2 439,94) ; 2030 : idem.

    >>> plan = amortissement_degressif(20_000, 5, "2026-07-10")
    >>> plan["dotation"].round(4).tolist()
    [3500.0, 5775.0, 3753.75, 3485.625, 3485.625]
    >>> plan["taux"].round(4).tolist()
    [0.35, 0.35, 0.35, 0.5, 0.5]
    """
    f = "amortissement_degressif"
    v = montant(valeur, "valeur", f, strictement_positif=True)
    n = entier_positif(duree, "duree", f)
    t = coefficient_degressif(n) / n
    d = _date(date_acquisition, "date_acquisition", f)
    mois = 12 - d.month + 1
    vnc = v
    taux_, dotations = [], []
    taux_lineaire = None  # fixé au passage au linéaire : 1 / années restantes
    for k in range(n):
        restantes = n - k
        if taux_lineaire is None and 1 / restantes > t:
            taux_lineaire, annuite = 1 / restantes, vnc / restantes
        if taux_lineaire is None:
            taux_k, dotation = t, vnc * t * (mois / 12 if k == 0 else 1)
        else:
            taux_k, dotation = taux_lineaire, annuite
        if k == n - 1:
            dotation = vnc  # la dernière annuité solde exactement la valeur nette
        taux_.append(taux_k)
        dotations.append(dotation)
        vnc -= dotation
    return _plan(v, [d.year + k for k in range(n)], taux_, dotations)


# --------------------------------------------------------------------------
# Charge de travail de la force de vente
# --------------------------------------------------------------------------


def temps_disponible(
    jours_travailles: float = 210, heures_par_jour: float = 8, part_visites: float = 1.0
) -> float:
    """Heures qu'un commercial peut consacrer aux visites (déplacements compris) sur un an.

    ``part_visites`` : la part du temps passée en clientèle (le reste : administration,
    réunions, formation), en décimal.

    >>> temps_disponible(210, 8, 0.75)
    1260.0
    """
    f = "temps_disponible"
    j = montant(jours_travailles, "jours_travailles", f, strictement_positif=True)
    h = montant(heures_par_jour, "heures_par_jour", f, strictement_positif=True)
    if j > 366 or h > 24:
        raise ErreurCours(
            f"{f}() : {j:g} jours de {h:g} heures : une année a au plus 366 jours et une "
            "journée 24 heures. Vérifiez l'ordre des arguments (jours, heures par jour, part)."
        )
    p = taux(part_visites, "part_visites", f)
    return j * h * p


@dataclass(frozen=True)
class ChargeDeTravail:
    """Résultat de :func:`charge_de_travail`.

    - ``tableau`` : une ligne par catégorie (visites, heures) ;
    - ``visites``, ``heures`` : les totaux annuels ;
    - ``effectif_theorique`` : heures / temps disponible par commercial (non arrondi) ;
    - ``effectif_necessaire`` : arrondi à l'entier supérieur ;
    - ``effectif_actuel`` et ``ecart`` (nécessaire − actuel), ou ``None``.
    """

    tableau: pd.DataFrame
    visites: float
    heures: float
    effectif_theorique: float
    effectif_necessaire: int
    effectif_actuel: int | None
    ecart: int | None

    @property
    def conclusion(self) -> str:
        """Une phrase qui compare l'équipe nécessaire à l'équipe actuelle."""
        besoin = (
            f"Il faut {self.effectif_theorique:.2f} commerciaux à temps plein, soit "
            f"{self.effectif_necessaire}".replace(".", ",")
        )
        if self.effectif_actuel is None or self.ecart is None:
            return besoin + "."
        if self.ecart > 0:
            return besoin + f" : il manque {self.ecart} commercial(aux) à l'équipe actuelle."
        if self.ecart < 0:
            return besoin + f" : l'équipe actuelle a {-self.ecart} commercial(aux) en trop."
        return besoin + " : l'équipe actuelle suffit tout juste."


_COLONNES_CHARGE = ("categorie", "nb_clients", "visites_par_an", "duree_visite_h")


def charge_de_travail(
    categories: pd.DataFrame,
    temps_par_commercial: float,
    effectif_actuel: int | None = None,
) -> ChargeDeTravail:
    """Charge de travail : visites nécessaires → heures → nombre de commerciaux.

    ``categories`` : une ligne par catégorie de clients avec ``categorie``,
    ``nb_clients``, ``visites_par_an`` (fréquence) et ``duree_visite_h`` (durée d'une
    visite, déplacement compris, en heures). ``temps_par_commercial`` : heures de
    visite disponibles par commercial et par an (voir :func:`temps_disponible`).

    Visites = nb_clients × visites_par_an ; heures = visites × durée ;
    effectif = heures totales / temps par commercial, arrondi à l'entier supérieur.

    >>> cat = pd.DataFrame({"categorie": ["A", "B", "C"], "nb_clients": [200, 500, 1000],
    ...                     "visites_par_an": [24, 12, 6], "duree_visite_h": [2, 2, 2]})
    >>> r = charge_de_travail(cat, temps_disponible(210, 8), effectif_actuel=18)
    >>> r.visites, r.heures, r.effectif_theorique, r.effectif_necessaire, r.ecart
    (16800.0, 33600.0, 20.0, 20, 2)
    """
    f = "charge_de_travail"
    colonnes_requises(categories, _COLONNES_CHARGE, "categories", f)
    if categories.empty:
        raise ErreurCours(f"{f}() : la table des catégories est vide.")
    t = montant(temps_par_commercial, "temps_par_commercial", f, strictement_positif=True)
    tableau = categories.loc[:, list(_COLONNES_CHARGE)].copy()
    for colonne in _COLONNES_CHARGE[1:]:
        tableau[colonne] = [montant(x, colonne, f) for x in tableau[colonne]]
    tableau["visites"] = tableau["nb_clients"] * tableau["visites_par_an"]
    tableau["heures"] = tableau["visites"] * tableau["duree_visite_h"]
    heures = float(tableau["heures"].sum())
    theorique = heures / t
    # 1e-9 : 20,000000000000004 commerciaux (calcul en flottants) en demandent 20, pas 21.
    necessaire = math.ceil(theorique - 1e-9)
    actuel = (
        None if effectif_actuel is None else int(montant(effectif_actuel, "effectif_actuel", f))
    )
    return ChargeDeTravail(
        tableau=tableau.reset_index(drop=True),
        visites=float(tableau["visites"].sum()),
        heures=heures,
        effectif_theorique=theorique,
        effectif_necessaire=necessaire,
        effectif_actuel=actuel,
        ecart=None if actuel is None else necessaire - actuel,
    )
