"""Risque client et risque global : délais, rotations, BFRE, balance âgée, encours, affacturage.

Conventions du cours (DESIGN §4) :

- année commerciale de **360 jours** (paramètre ``jours=365`` possible) ;
- délai clients = créances clients **TTC** / CA **TTC** × 360 (moyenne des
  créances de début et de fin quand les deux sont données) ;
- stock moyen = (stock initial + stock final) / 2 ; rotation = coût d'achat des
  marchandises vendues / stock moyen ; durée de stockage = stock moyen / CAMV × 360 ;
- BFRE normatif en **jours de CA HT** : durée de chaque poste × son coefficient de
  structure (poste / CA HT) ; BFRE en euros = jours × CA HT / 360 ;
- balance âgée : retard = date d'arrêté − date d'échéance ; « non échu » si la
  facture n'est pas encore exigible.

>>> delai_moyen_reglement_clients((90000, 110000), 600000)  # 100 000 / 600 000 × 360
60.0
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import duckdb
import pandas as pd

from . import donnees
from ._erreurs import ErreurCours
from ._verif_montants import colonnes_requises, jours_base, montant, nombre_fini, taux
from ._verif_montants import jours as nb_jours  # « jours » est aussi un argument (la base)

__all__ = [
    "delai_moyen_reglement_clients",
    "delai_moyen_reglement_fournisseurs",
    "rotation_creances",
    "stock_moyen",
    "rotation_stocks",
    "duree_moyenne_stockage",
    "bfre_bilan",
    "bfre_normatif",
    "TRANCHES_BALANCE",
    "balance_agee",
    "creances_clients",
    "encours_clients",
    "analyse_plafond",
    "indicateurs_solvabilite",
    "ratios_solvabilite",
    "cout_affacturage",
    "PLAN_RELANCES",
    "etape_relance",
    "bilan_relances",
    "effet_reduction_delai",
    "effet_escompte_reglement",
    "effet_reduction_stock",
]


# --------------------------------------------------------------------------- délais et rotations


def _moyenne_si_paire(valeur: Any, nom: str, fonction: str) -> float:
    """Un montant, ou la moyenne d'une paire (début, fin)."""
    if isinstance(valeur, Sequence) and not isinstance(valeur, str):
        if len(valeur) != 2:
            raise ErreurCours(
                f"{fonction}() : {nom} est un montant ou une paire (début, fin) ; reçu "
                f"{len(valeur)} valeurs. Pour une moyenne de plus de deux soldes, calculez-la "
                "avant."
            )
        debut, fin = (montant(v, nom, fonction) for v in valeur)
        return (debut + fin) / 2
    return montant(valeur, nom, fonction)


def delai_moyen_reglement_clients(creances_ttc: Any, ca_ttc: float, jours: int = 360) -> float:
    """Délai moyen de règlement des clients, en jours = créances TTC / CA TTC × 360.

    ``creances_ttc`` peut être une paire (début, fin) : leur moyenne est utilisée.

    >>> delai_moyen_reglement_clients(100000, 1200000)  # 100 000 / 1 200 000 × 360
    30.0
    >>> delai_moyen_reglement_clients(100000, 1200000, jours=30)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: delai_moyen_reglement_clients() : jours doit valoir 360 ...
    """
    fonction = "delai_moyen_reglement_clients"
    j = jours_base(jours, fonction)
    creances = _moyenne_si_paire(creances_ttc, "creances_ttc", fonction)
    ca = montant(ca_ttc, "ca_ttc", fonction, strictement_positif=True)
    return creances / ca * j


def delai_moyen_reglement_fournisseurs(
    dettes_ttc: Any, achats_ttc: float, jours: int = 360
) -> float:
    """Délai moyen de paiement des fournisseurs = dettes fournisseurs TTC / achats TTC × 360.

    >>> delai_moyen_reglement_fournisseurs((40000, 50000), 540000)
    30.0
    """
    fonction = "delai_moyen_reglement_fournisseurs"
    j = jours_base(jours, fonction)
    dettes = _moyenne_si_paire(dettes_ttc, "dettes_ttc", fonction)
    achats = montant(achats_ttc, "achats_ttc", fonction, strictement_positif=True)
    return dettes / achats * j


def rotation_creances(creances_ttc: Any, ca_ttc: float) -> float:
    """Rotation des créances clients = CA TTC / créances TTC moyennes (fois par an).

    >>> rotation_creances(100000, 1200000)  # les créances « tournent » 12 fois : 30 jours
    12.0
    """
    fonction = "rotation_creances"
    creances = _moyenne_si_paire(creances_ttc, "creances_ttc", fonction)
    if creances == 0:
        raise ErreurCours(f"{fonction}() : créances nulles, la rotation n'a pas de sens.")
    return montant(ca_ttc, "ca_ttc", fonction) / creances


def stock_moyen(stock_initial: float, stock_final: float) -> float:
    """Stock moyen = (stock initial + stock final) / 2.

    >>> stock_moyen(30000, 50000)
    40000.0
    >>> stock_moyen(-30000, 50000)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: stock_moyen() : stock_initial doit être positif ou nul ;
    reçu -30000. Un montant s'écrit sans signe moins ...
    """
    si = montant(stock_initial, "stock_initial", "stock_moyen")
    sf = montant(stock_final, "stock_final", "stock_moyen")
    return (si + sf) / 2


def rotation_stocks(stock_moyen: Any, cout_achat_marchandises_vendues: float) -> float:
    """Rotation des stocks = coût d'achat des marchandises vendues / stock moyen.

    ``stock_moyen`` peut aussi être une paire (stock initial, stock final).

    >>> rotation_stocks(40000, 480000)
    12.0
    >>> rotation_stocks((30000, 50000), 480000)
    12.0
    """
    fonction = "rotation_stocks"
    sm = _moyenne_si_paire(stock_moyen, "stock_moyen", fonction)
    if sm == 0:
        raise ErreurCours(f"{fonction}() : stock moyen nul, la rotation n'a pas de sens.")
    return (
        montant(cout_achat_marchandises_vendues, "cout_achat_marchandises_vendues", fonction) / sm
    )


def duree_moyenne_stockage(
    stock_moyen: Any, cout_achat_marchandises_vendues: float, jours: int = 360
) -> float:
    """Durée moyenne de stockage, en jours = stock moyen / CAMV × 360.

    >>> duree_moyenne_stockage(40000, 480000)
    30.0
    """
    fonction = "duree_moyenne_stockage"
    j = jours_base(jours, fonction)
    sm = _moyenne_si_paire(stock_moyen, "stock_moyen", fonction)
    camv = montant(
        cout_achat_marchandises_vendues,
        "cout_achat_marchandises_vendues",
        fonction,
        strictement_positif=True,
    )
    return sm / camv * j


# --------------------------------------------------------------------------- BFRE


def bfre_bilan(
    stocks: float,
    creances_clients: float,
    dettes_fournisseurs: float,
    autres_creances: float = 0.0,
    autres_dettes: float = 0.0,
) -> float:
    """BFRE (forme bilan) = stocks + créances clients + autres créances d'exploitation
    − dettes fournisseurs − autres dettes d'exploitation (fiscales et sociales…).

    >>> bfre_bilan(stocks=60000, creances_clients=144000, dettes_fournisseurs=64800)
    139200.0
    """
    fonction = "bfre_bilan"
    emplois = (
        montant(stocks, "stocks", fonction)
        + montant(creances_clients, "creances_clients", fonction)
        + montant(autres_creances, "autres_creances", fonction)
    )
    ressources = montant(dettes_fournisseurs, "dettes_fournisseurs", fonction) + montant(
        autres_dettes, "autres_dettes", fonction
    )
    return emplois - ressources


def bfre_normatif(
    ca_ht: float,
    delai_clients: float,
    duree_stockage: float,
    delai_fournisseurs: float,
    taux_cout_achat: float,
    taux_tva: float = 0.20,
    jours: int = 360,
    autres_postes: Sequence[Mapping[str, Any]] = (),
) -> pd.DataFrame:
    """BFRE normatif, exprimé en jours de CA HT puis en euros (méthode des experts-comptables).

    Chaque poste : durée (jours) × coefficient de structure (montant de base du
    poste / CA HT) = jours de CA HT.

    - stock de marchandises : durée de stockage × (coût d'achat / CA HT) ;
    - créances clients (TTC) : délai clients × (1 + TVA) ;
    - dettes fournisseurs (TTC) : délai fournisseurs × coût d'achat / CA HT × (1 + TVA).

    ``taux_cout_achat`` = coût d'achat des marchandises vendues / CA HT (0,60 si le
    coût d'achat fait 60 % du CA). ``autres_postes`` : dictionnaires ``{"poste": …,
    "nature": "emploi" ou "ressource", "duree_jours": …, "coefficient": …}``.

    Colonnes : ``poste``, ``nature``, ``duree_jours``, ``coefficient``, ``jours_ca``
    (positif pour un emploi, négatif pour une ressource), ``montant`` (jours × CA / 360) ;
    la dernière ligne, « BFRE », donne le total.

    >>> b = bfre_normatif(720000, delai_clients=60, duree_stockage=30,
    ...                   delai_fournisseurs=45, taux_cout_achat=0.6)
    >>> b[["poste", "jours_ca", "montant"]].round(2)  # doctest: +NORMALIZE_WHITESPACE
                     poste  jours_ca   montant
    0  Stock de marchandises      18.0   36000.0
    1       Créances clients      72.0  144000.0
    2  Dettes fournisseurs      -32.4  -64800.0
    3                   BFRE      57.6  115200.0
    """
    fonction = "bfre_normatif"
    j = jours_base(jours, fonction)
    ca = montant(ca_ht, "ca_ht", fonction, strictement_positif=True)
    tva = taux(taux_tva, "taux_tva", fonction)
    achat = taux(taux_cout_achat, "taux_cout_achat", fonction)
    postes = [
        ("Stock de marchandises", "emploi", duree_stockage, achat),
        ("Créances clients", "emploi", delai_clients, 1 + tva),
        ("Dettes fournisseurs", "ressource", delai_fournisseurs, achat * (1 + tva)),
    ]
    for autre in autres_postes:
        try:
            postes.append(
                (str(autre["poste"]), autre["nature"], autre["duree_jours"], autre["coefficient"])
            )
        except (KeyError, TypeError):
            raise ErreurCours(
                "bfre_normatif() : chaque autre poste s'écrit {'poste': 'TVA à décaisser', "
                "'nature': 'ressource', 'duree_jours': 35, 'coefficient': 0.2} ; "
                f"reçu {autre!r}."
            ) from None
    lignes = []
    for poste, nature, duree, coefficient in postes:
        if nature not in ("emploi", "ressource"):
            raise ErreurCours(
                f"bfre_normatif() : la nature du poste '{poste}' est « emploi » (stocks, "
                f"créances) ou « ressource » (dettes) ; reçu {nature!r}."
            )
        d = nb_jours(duree, f"la durée du poste '{poste}'", fonction)
        c = montant(coefficient, f"le coefficient du poste '{poste}'", fonction)
        signe = 1 if nature == "emploi" else -1
        lignes.append((poste, nature, d, c, signe * d * c))
    table = pd.DataFrame(
        lignes, columns=["poste", "nature", "duree_jours", "coefficient", "jours_ca"]
    )
    total = pd.DataFrame(
        [("BFRE", "total", float("nan"), float("nan"), table["jours_ca"].sum())],
        columns=table.columns,
    )
    table = pd.concat([table, total], ignore_index=True)
    table["montant"] = table["jours_ca"] * ca / j
    return table


# --------------------------------------------------------------------------- balance âgée

#: Tranches de la balance âgée : (colonne, retard minimal, retard maximal) en jours.
TRANCHES_BALANCE: tuple[tuple[str, float, float], ...] = (
    ("non_echu", float("-inf"), 0),
    ("echu_1_30", 1, 30),
    ("echu_31_60", 31, 60),
    ("echu_61_90", 61, 90),
    ("echu_plus_90", 91, float("inf")),
)


def _date(valeur: Any, nom: str, fonction: str) -> pd.Timestamp:
    try:
        return pd.Timestamp(valeur).normalize()
    except (ValueError, TypeError):
        raise ErreurCours(
            f"{fonction}() : {nom} doit être une date, par exemple '2026-10-31' ou "
            f"gc.DATE_REFERENCE ; reçu {valeur!r}."
        ) from None


def balance_agee(
    factures: pd.DataFrame,
    date_reference: Any = None,
    reglements: pd.DataFrame | None = None,
    par: str = "client",
) -> pd.DataFrame:
    """Balance âgée des créances clients à une date : le reste dû, par ancienneté du retard.

    ``factures`` : colonnes ``id_facture``, ``id_client``, ``date_facture``,
    ``date_echeance``, ``montant_ttc`` ; les factures émises après la date d'arrêté
    sont ignorées. ``reglements`` (facultatif) : ``id_facture``, ``date_reglement``,
    ``montant`` ; seuls les règlements reçus au plus tard à la date d'arrêté comptent.
    Sans ``reglements``, ``factures`` doit donner le ``montant_regle`` de chaque facture.

    Retard = date d'arrêté − date d'échéance (en jours) ; tranches : non échu (retard ≤ 0),
    1–30, 31–60, 61–90, plus de 90 jours. ``par="client"`` (défaut) : une ligne par client
    avec les colonnes ``non_echu``, ``echu_1_30``, ``echu_31_60``, ``echu_61_90``,
    ``echu_plus_90``, ``total_du``, ``total_echu``, triées par total dû décroissant ;
    ``par="facture"`` : le détail (``reste_du``, ``retard_jours``, ``tranche``).

    >>> f = pd.DataFrame({"id_facture": [1, 2], "id_client": [7, 7],
    ...     "date_facture": ["2026-08-01", "2026-10-01"],
    ...     "date_echeance": ["2026-08-31", "2026-11-30"], "montant_ttc": [1200.0, 600.0],
    ...     "montant_regle": [200.0, 0.0]})
    >>> b = balance_agee(f, "2026-10-31")
    >>> b[["id_client", "non_echu", "echu_61_90", "total_du"]].to_dict("records")
    [{'id_client': 7, 'non_echu': 600.0, 'echu_61_90': 1000.0, 'total_du': 1600.0}]
    """
    fonction = "balance_agee"
    if par not in ("client", "facture"):
        raise ErreurCours(f"{fonction}() : par vaut « client » ou « facture » ; reçu {par!r}.")
    date = _date(
        donnees.DATE_REFERENCE if date_reference is None else date_reference,
        "date_reference",
        fonction,
    )
    requises = ("id_facture", "id_client", "date_facture", "date_echeance", "montant_ttc")
    if reglements is None:
        requises = (*requises, "montant_regle")
    colonnes_requises(factures, requises, "factures", fonction)
    f = factures.loc[:, list(requises)].copy()
    f["date_facture"] = pd.to_datetime(f["date_facture"])
    f["date_echeance"] = pd.to_datetime(f["date_echeance"])
    f["montant_ttc"] = pd.to_numeric(f["montant_ttc"]).astype(float)
    if (f["montant_ttc"] < 0).any():
        raise ErreurCours(f"{fonction}() : une facture a un montant TTC négatif (un avoir ?).")
    f = f[f["date_facture"] <= date]
    if reglements is not None:
        colonnes_requises(
            reglements, ("id_facture", "date_reglement", "montant"), "reglements", fonction
        )
        r = reglements[pd.to_datetime(reglements["date_reglement"]) <= date]
        payes = pd.to_numeric(r["montant"]).astype(float).groupby(r["id_facture"]).sum()
        f["montant_regle"] = f["id_facture"].map(payes).fillna(0.0)
    else:
        f["montant_regle"] = pd.to_numeric(f["montant_regle"]).fillna(0).astype(float)
    f["reste_du"] = f["montant_ttc"] - f["montant_regle"]
    f = f[f["reste_du"] > 0.005].copy()  # au centime près : facture soldée
    f["retard_jours"] = (date - f["date_echeance"]).dt.days
    f["tranche"] = "non_echu"
    for nom, mini, maxi in TRANCHES_BALANCE:
        f.loc[(f["retard_jours"] >= mini) & (f["retard_jours"] <= maxi), "tranche"] = nom
    if par == "facture":
        return f.sort_values(["retard_jours", "id_facture"], ascending=[False, True]).reset_index(
            drop=True
        )
    noms = [nom for nom, _, _ in TRANCHES_BALANCE]
    table = f.pivot_table(
        index="id_client", columns="tranche", values="reste_du", aggfunc="sum", fill_value=0.0
    ).reindex(columns=noms, fill_value=0.0)
    table.columns.name = None
    table["total_du"] = table[noms].sum(axis=1)
    table["total_echu"] = table["total_du"] - table["non_echu"]
    return table.sort_values("total_du", ascending=False).reset_index()


def creances_clients(
    date: Any = None, con: duckdb.DuckDBPyConnection | None = None, professionnels: bool = True
) -> float:
    """Créances clients TTC à une date, depuis la base : factures émises − règlements reçus.

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> creances_clients("2026-10-31") > 0
    True
    """
    jour = _date(donnees.DATE_REFERENCE if date is None else date, "date", "creances_clients")
    filtre = "AND c.type_client = 'professionnel'" if professionnels else ""
    sql = f"""
    SELECT (coalesce(sum(f.montant_ttc), 0)
            - coalesce(sum((SELECT sum(r.montant) FROM reglements AS r
                            WHERE r.id_facture = f.id_facture
                              AND r.date_reglement <= DATE '{jour.date().isoformat()}')), 0)
           )::DOUBLE AS creances
    FROM factures AS f JOIN clients AS c USING (id_client)
    WHERE f.date_facture <= DATE '{jour.date().isoformat()}' {filtre}
    """
    return float(donnees.requete(sql, con).loc[0, "creances"])


# --------------------------------------------------------------------------- encours, plafonds


def analyse_plafond(
    plafond: float,
    encours: float,
    commandes_en_cours: float = 0.0,
    nouvelle_commande: float = 0.0,
    montant_echu: float = 0.0,
) -> pd.Series:
    """Encours d'un client face à son plafond de crédit, et la décision qui en découle (TTC).

    Encours total = créances non réglées + commandes en cours (non facturées) + la
    nouvelle commande. Disponible = plafond − encours total ; taux d'utilisation =
    encours total / plafond. Décision : « accepter » si le plafond est respecté et
    rien n'est échu impayé ; « accepter après règlement de l'échu » si un retard
    existe ; « refuser ou demander un acompte / paiement comptant » au-delà du plafond.

    >>> a = analyse_plafond(5000, encours=3200, commandes_en_cours=600, nouvelle_commande=900)
    >>> a["encours_total"], a["disponible"], a["decision"]
    (4700.0, 300.0, 'accepter')
    """
    fonction = "analyse_plafond"
    p = montant(plafond, "plafond", fonction)
    e = montant(encours, "encours", fonction)
    c = montant(commandes_en_cours, "commandes_en_cours", fonction)
    n = montant(nouvelle_commande, "nouvelle_commande", fonction)
    echu = montant(montant_echu, "montant_echu", fonction)
    if echu > e + 0.005:
        raise ErreurCours(
            f"{fonction}() : le montant échu ({echu:g}) ne peut pas dépasser l'encours ({e:g}) : "
            "l'échu fait partie de l'encours."
        )
    total = e + c + n
    if total > p:
        decision = "refuser ou demander un acompte / paiement comptant"
    elif echu > 0:
        decision = "accepter après règlement de l'échu"
    else:
        decision = "accepter"
    return pd.Series(
        {
            "plafond": p,
            "encours": e,
            "commandes_en_cours": c,
            "nouvelle_commande": n,
            "encours_total": total,
            "disponible": p - total,
            "taux_utilisation": total / p if p else float("inf"),
            "montant_echu": echu,
            "decision": decision,
        },
        dtype=object,
    )


def encours_clients(
    date_reference: Any = None, con: duckdb.DuckDBPyConnection | None = None
) -> pd.DataFrame:
    """Encours TTC de chaque client professionnel face à son plafond de crédit, depuis la base.

    Colonnes : ``id_client``, ``client``, ``conditions_paiement``, ``plafond_credit``,
    ``creances_ttc`` (factures non réglées), ``montant_echu`` (dont échues),
    ``commandes_en_cours_ttc`` (commandes non livrées, donc pas encore facturées, HT × 1,2),
    ``encours_total``, ``disponible``, ``taux_utilisation``, ``depassement`` (booléen),
    triées par taux d'utilisation décroissant.

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> e = encours_clients()
    >>> bool((e["encours_total"] >= e["creances_ttc"]).all())
    True
    """
    jour = _date(
        donnees.DATE_REFERENCE if date_reference is None else date_reference,
        "date_reference",
        "encours_clients",
    ).date()
    sql = f"""
    WITH payes AS (
      SELECT id_facture, sum(montant) AS regle FROM reglements
      WHERE date_reglement <= DATE '{jour.isoformat()}' GROUP BY id_facture
    ), dus AS (
      SELECT f.id_client, sum(f.montant_ttc - coalesce(p.regle, 0)) AS creances_ttc,
             sum(f.montant_ttc - coalesce(p.regle, 0))
               FILTER (WHERE f.date_echeance < DATE '{jour.isoformat()}') AS montant_echu
      FROM factures AS f LEFT JOIN payes AS p USING (id_facture)
      WHERE f.date_facture <= DATE '{jour.isoformat()}'
      GROUP BY f.id_client
    ), en_cours AS (
      SELECT id_client, sum(montant_ht) * 1.2 AS commandes_en_cours_ttc
      FROM commandes WHERE statut = 'en cours' AND date_commande <= DATE '{jour.isoformat()}'
      GROUP BY id_client
    )
    SELECT c.id_client, c.raison_sociale AS client, c.conditions_paiement,
           c.plafond_credit::DOUBLE AS plafond_credit,
           coalesce(d.creances_ttc, 0)::DOUBLE AS creances_ttc,
           coalesce(d.montant_echu, 0)::DOUBLE AS montant_echu,
           coalesce(e.commandes_en_cours_ttc, 0)::DOUBLE AS commandes_en_cours_ttc
    FROM clients AS c LEFT JOIN dus AS d USING (id_client) LEFT JOIN en_cours AS e USING (id_client)
    WHERE c.type_client = 'professionnel'
    """
    df = donnees.requete(sql, con)
    df["encours_total"] = df["creances_ttc"] + df["commandes_en_cours_ttc"]
    df["disponible"] = df["plafond_credit"] - df["encours_total"]
    df["taux_utilisation"] = df["encours_total"] / df["plafond_credit"].where(
        df["plafond_credit"] > 0
    )
    df["depassement"] = df["encours_total"] > df["plafond_credit"] + 0.005
    return df.sort_values(
        ["taux_utilisation", "id_client"], ascending=[False, True], na_position="last"
    ).reset_index(drop=True)


def indicateurs_solvabilite(
    date_reference: Any = None, con: duckdb.DuckDBPyConnection | None = None
) -> pd.DataFrame:
    """Indicateurs internes de solvabilité de chaque client professionnel (son passé de payeur).

    Sur les factures échues à la date d'arrêté : ``nb_factures``, ``retard_moyen_jours``
    (retard du dernier règlement sur l'échéance, pondéré par les montants, factures
    soldées), ``part_payee_en_retard`` (part des factures soldées plus de 15 jours
    après l'échéance), ``nb_relances``, ``nb_mises_en_demeure``, ``impaye_ttc``
    (échu, non réglé), ``contentieux`` (nombre de factures en contentieux), et une
    ``cote`` : A (bon payeur), B (à surveiller), C (risqué), D (contentieux ou
    impayé de plus de 90 jours).

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> sorted(indicateurs_solvabilite()["cote"].unique())
    ['A', 'B', 'C', 'D']
    """
    jour = _date(
        donnees.DATE_REFERENCE if date_reference is None else date_reference,
        "date_reference",
        "indicateurs_solvabilite",
    ).date()
    j = f"DATE '{jour.isoformat()}'"
    sql = f"""
    WITH payes AS (
      SELECT id_facture, sum(montant) AS regle, max(date_reglement) AS dernier
      FROM reglements WHERE date_reglement <= {j} GROUP BY id_facture
    ), fac AS (
      SELECT f.id_client, f.id_facture, f.montant_ttc, f.date_echeance,
             f.montant_ttc - coalesce(p.regle, 0) AS reste,
             CASE WHEN f.montant_ttc - coalesce(p.regle, 0) <= 0.005
                  THEN date_diff('day', f.date_echeance, p.dernier) END AS retard
      FROM factures AS f LEFT JOIN payes AS p USING (id_facture)
      WHERE f.date_echeance < {j}
    ), rel AS (
      SELECT f.id_client, count(*) AS nb_relances,
             count(*) FILTER (WHERE r.niveau = 3) AS nb_mises_en_demeure
      FROM relances AS r JOIN factures AS f USING (id_facture)
      WHERE r.date_relance <= {j} GROUP BY f.id_client
    ), agg AS (
      SELECT id_client, count(*) AS nb_factures,
             sum(greatest(retard, 0) * montant_ttc) FILTER (WHERE retard IS NOT NULL)
               / sum(montant_ttc) FILTER (WHERE retard IS NOT NULL) AS retard_moyen_jours,
             avg(CASE WHEN retard > 15 THEN 1.0 ELSE 0.0 END)
               FILTER (WHERE retard IS NOT NULL) AS part_payee_en_retard,
             coalesce(sum(reste) FILTER (WHERE reste > 0.005), 0) AS impaye_ttc,
             max(date_diff('day', date_echeance, {j})) FILTER (WHERE reste > 0.005)
               AS retard_max_impaye
      FROM fac GROUP BY id_client
    )
    SELECT c.id_client, c.raison_sociale AS client, a.nb_factures,
           a.retard_moyen_jours::DOUBLE AS retard_moyen_jours,
           a.part_payee_en_retard::DOUBLE AS part_payee_en_retard,
           coalesce(r.nb_relances, 0) AS nb_relances,
           coalesce(r.nb_mises_en_demeure, 0) AS nb_mises_en_demeure,
           a.impaye_ttc::DOUBLE AS impaye_ttc,
           (SELECT count(*) FROM factures AS x
            WHERE x.id_client = c.id_client AND x.statut = 'contentieux') AS contentieux,
           coalesce(a.retard_max_impaye, 0) AS retard_max_impaye
    FROM agg AS a JOIN clients AS c USING (id_client) LEFT JOIN rel AS r USING (id_client)
    WHERE c.type_client = 'professionnel'
    ORDER BY c.id_client
    """
    df = donnees.requete(sql, con)
    retard = df["retard_moyen_jours"].fillna(0)
    part = df["part_payee_en_retard"].fillna(0)
    cote = pd.Series("A", index=df.index)
    cote[(retard > 5) | (part > 0.10)] = "B"
    cote[(retard > 20) | (part > 0.30) | (df["nb_mises_en_demeure"] > 0)] = "C"
    cote[(df["contentieux"] > 0) | (df["retard_max_impaye"] > 90)] = "D"
    df["cote"] = cote
    return df


def ratios_solvabilite(
    capitaux_propres: float, total_bilan: float, actif_circulant: float, dettes_court_terme: float
) -> pd.Series:
    """Ratios de solvabilité d'un client tirés de son bilan (comptes publiés, Infogreffe).

    - autonomie financière = capitaux propres / total du bilan (souhaité ≥ 20 à 25 %) ;
    - liquidité générale = actif circulant / dettes à court terme (souhaité > 1).

    >>> ratios_solvabilite(150000, 600000, 300000, 250000).round(2).to_dict()
    {'autonomie_financiere': 0.25, 'liquidite_generale': 1.2}
    """
    fonction = "ratios_solvabilite"
    cp = nombre_fini(capitaux_propres, "capitaux_propres", fonction)  # peut être négatif
    tb = montant(total_bilan, "total_bilan", fonction, strictement_positif=True)
    ac = montant(actif_circulant, "actif_circulant", fonction)
    dct = montant(dettes_court_terme, "dettes_court_terme", fonction, strictement_positif=True)
    return pd.Series({"autonomie_financiere": cp / tb, "liquidite_generale": ac / dct})


# --------------------------------------------------------------------------- gestion du risque


def cout_affacturage(
    montant_ttc: float,
    taux_commission: float,
    taux_financement: float,
    jours: float,
    taux_retenue_garantie: float = 0.0,
    taux_tva: float = 0.20,
    base: int = 360,
) -> pd.Series:
    """Coût de l'affacturage d'un lot de factures (méthode des manuels de BTS).

    - commission d'affacturage (HT) = montant TTC des créances × taux de commission,
      plus TVA sur cette commission (récupérable) ;
    - retenue de garantie = montant TTC × taux de retenue (rendue à l'encaissement) ;
    - commission de financement (intérêts, sans TVA) = (montant TTC − retenue) ×
      taux de financement × jours / 360, ``jours`` = durée jusqu'à l'échéance ;
    - montant versé par le factor = TTC − commission TTC − intérêts − retenue ;
    - coût de l'affacturage = commission HT + intérêts (la TVA est récupérée).

    >>> c = cout_affacturage(60000, 0.008, 0.06, 60, taux_retenue_garantie=0.10)
    >>> c.round(2).to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'montant_ttc': 60000.0, 'commission_ht': 480.0, 'tva_commission': 96.0,
     'retenue_garantie': 6000.0, 'interets': 540.0, 'montant_verse': 52884.0, 'cout_total': 1020.0,
     'taux_cout': 0.02}
    """
    fonction = "cout_affacturage"
    m = montant(montant_ttc, "montant_ttc", fonction, strictement_positif=True)
    tc = taux(taux_commission, "taux_commission", fonction, maximum=0.2)
    tf = taux(taux_financement, "taux_financement", fonction, maximum=0.5)
    tr = taux(taux_retenue_garantie, "taux_retenue_garantie", fonction)
    tva = taux(taux_tva, "taux_tva", fonction)
    n = nb_jours(jours, "jours", fonction)
    b = jours_base(base, fonction)
    commission = m * tc
    retenue = m * tr
    interets = (m - retenue) * tf * n / b
    cout = commission + interets
    return pd.Series(
        {
            "montant_ttc": m,
            "commission_ht": commission,
            "tva_commission": commission * tva,
            "retenue_garantie": retenue,
            "interets": interets,
            "montant_verse": m - commission * (1 + tva) - interets - retenue,
            "cout_total": cout,
            "taux_cout": cout / m,
        }
    )


#: Plan de relance de Textiles Marceau : (jours après l'échéance, étape, action).
PLAN_RELANCES: tuple[tuple[int, str, str], ...] = (
    (0, "échéance", "aucune action : la facture est à payer aujourd'hui"),
    (8, "relance 1", "courriel de rappel aimable avec copie de la facture"),
    (25, "relance 2", "appel téléphonique (ou courrier) du commercial : cause du retard, promesse"),
    (45, "relance 3", "mise en demeure en recommandé avec AR, pénalités et indemnité de 40 €"),
    (75, "contentieux", "blocage des livraisons, injonction de payer ou société de recouvrement"),
)


def etape_relance(jours_retard: float) -> tuple[str, str]:
    """L'étape du plan de relance atteinte après ``jours_retard`` jours de retard.

    >>> etape_relance(30)[0]
    'relance 2'
    >>> etape_relance(-5)[0]
    'non échue'
    """
    r = nombre_fini(jours_retard, "jours_retard", "etape_relance")
    if r < 0:
        return ("non échue", "aucune action : attendre l'échéance")
    etape = PLAN_RELANCES[0]
    for ligne in PLAN_RELANCES:
        if r >= ligne[0]:
            etape = ligne
    return etape[1], etape[2]


def bilan_relances(con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Le plan de relance tel qu'il a été appliqué, depuis la table ``relances``.

    Par niveau et canal : ``nb_relances``, ``delai_moyen_jours`` (après l'échéance),
    ``montant_relance_ttc``, ``part_soldees_30_jours`` (part des factures relancées
    soldées dans les 30 jours suivant la relance : l'efficacité de l'étape).

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> bilan_relances()["niveau"].tolist()
    [1, 2, 2, 3]
    """
    sql = """
    WITH payes AS (
      SELECT id_facture, sum(montant) AS regle, max(date_reglement) AS dernier
      FROM reglements GROUP BY id_facture
    )
    SELECT r.niveau, r.canal, count(*) AS nb_relances,
           avg(date_diff('day', f.date_echeance, r.date_relance))::DOUBLE AS delai_moyen_jours,
           sum(f.montant_ttc)::DOUBLE AS montant_relance_ttc,
           avg(CASE WHEN p.regle >= f.montant_ttc - 0.005
                     AND p.dernier <= r.date_relance + INTERVAL 30 DAY THEN 1.0 ELSE 0.0 END)
             ::DOUBLE AS part_soldees_30_jours
    FROM relances AS r JOIN factures AS f USING (id_facture)
    LEFT JOIN payes AS p USING (id_facture)
    GROUP BY r.niveau, r.canal
    ORDER BY r.niveau, nb_relances DESC
    """
    return donnees.requete(sql, con)


# --------------------------------------------------------------------------- actions sur le BFRE


def effet_reduction_delai(
    ca_ttc: float, jours_gagnes: float, taux_financement: float, jours: int = 360
) -> pd.Series:
    """Effet d'une réduction du délai clients : trésorerie libérée et frais financiers évités.

    Créances libérées = CA TTC × jours gagnés / 360 ; économie annuelle = créances
    libérées × taux de financement (coût du découvert ou de l'escompte bancaire).

    >>> effet_reduction_delai(1200000, 10, 0.06).to_dict()
    {'reduction_bfre': 33333.333333333336, 'economie_annuelle': 2000.0}
    """
    fonction = "effet_reduction_delai"
    j = jours_base(jours, fonction)
    ca = montant(ca_ttc, "ca_ttc", fonction)
    g = nombre_fini(jours_gagnes, "jours_gagnes", fonction)
    t = taux(taux_financement, "taux_financement", fonction, maximum=0.5)
    reduction = ca * g / j
    return pd.Series({"reduction_bfre": reduction, "economie_annuelle": reduction * t})


def effet_escompte_reglement(
    ca_ht: float,
    taux_escompte: float,
    part_clients: float,
    delai_actuel: float,
    delai_escompte: float,
    taux_financement: float,
    taux_tva: float = 0.20,
    jours: int = 360,
) -> pd.Series:
    """Un escompte pour paiement anticipé : coût de l'escompte contre financement économisé.

    Sur la part du CA dont les clients acceptent l'escompte :

    - coût annuel = CA HT concerné × taux d'escompte (l'escompte se calcule sur le net
      commercial HT, la TVA suit) ;
    - réduction du BFRE = créances avant − créances après = CA TTC concerné ×
      (délai actuel − (1 − t) × délai avec escompte) / 360 (la facture escomptée est
      aussi plus petite) ;
    - financement économisé = montant encaissé plus tôt (CA TTC concerné × (1 − t)) ×
      jours gagnés / 360 × taux de financement ; le montant de l'escompte n'est pas
      « libéré », il est perdu : il ne compte pas dans l'économie ;
    - taux annuel équivalent de l'escompte = t / (1 − t) × 360 / jours gagnés : l'escompte
      est intéressant quand ce taux est inférieur au coût du financement.

    >>> e = effet_escompte_reglement(1000000, 0.01, 0.5, 60, 10, 0.06)
    >>> e.round(4).to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'cout_escompte': 5000.0, 'reduction_bfre': 83500.0, 'economie_financement': 4950.0,
     'gain_net': -50.0, 'taux_annuel_equivalent': 0.0727}
    """
    fonction = "effet_escompte_reglement"
    j = jours_base(jours, fonction)
    ca = montant(ca_ht, "ca_ht", fonction)
    t = taux(taux_escompte, "taux_escompte", fonction, maximum=0.2)
    part = taux(part_clients, "part_clients", fonction)
    d0 = nb_jours(delai_actuel, "delai_actuel", fonction)
    d1 = nb_jours(delai_escompte, "delai_escompte", fonction)
    tf = taux(taux_financement, "taux_financement", fonction, maximum=0.5)
    tva = taux(taux_tva, "taux_tva", fonction)
    if d1 >= d0:
        raise ErreurCours(
            f"{fonction}() : avec l'escompte, le client doit payer plus tôt ; délai avec escompte "
            f"({d1:g} j) ≥ délai actuel ({d0:g} j)."
        )
    concerne = ca * part
    cout = concerne * t
    reduction = concerne * (1 + tva) * (d0 - (1 - t) * d1) / j
    economie = concerne * (1 - t) * (1 + tva) * (d0 - d1) / j * tf
    return pd.Series(
        {
            "cout_escompte": cout,
            "reduction_bfre": reduction,
            "economie_financement": economie,
            "gain_net": economie - cout,
            "taux_annuel_equivalent": t / (1 - t) * j / (d0 - d1),
        }
    )


def effet_reduction_stock(
    cout_achat_marchandises_vendues: float,
    jours_gagnes: float,
    taux_financement: float,
    taux_cout_stockage: float = 0.0,
    jours: int = 360,
) -> pd.Series:
    """Effet d'une baisse de la durée de stockage : stock libéré et coûts évités.

    Stock libéré = CAMV × jours gagnés / 360 ; économie annuelle = stock libéré ×
    (taux de financement + taux de coût de stockage : entrepôt, assurance, démarque).

    >>> effet_reduction_stock(480000, 6, 0.06, 0.04).to_dict()
    {'reduction_bfre': 8000.0, 'economie_annuelle': 800.0}
    """
    fonction = "effet_reduction_stock"
    j = jours_base(jours, fonction)
    camv = montant(cout_achat_marchandises_vendues, "cout_achat_marchandises_vendues", fonction)
    g = nombre_fini(jours_gagnes, "jours_gagnes", fonction)
    tf = taux(taux_financement, "taux_financement", fonction, maximum=0.5)
    ts = taux(taux_cout_stockage, "taux_cout_stockage", fonction, maximum=0.5)
    reduction = camv * g / j
    return pd.Series({"reduction_bfre": reduction, "economie_annuelle": reduction * (tf + ts)})
