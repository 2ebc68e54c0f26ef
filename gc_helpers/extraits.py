"""Les extractions de la base utilisées par les notebooks **et** par leurs corrigés.

Un notebook et la clé de correction de ses exercices (``exercices_calcul``)
doivent travailler sur exactement les mêmes données : ils appellent donc les
mêmes fonctions, et il n'y a qu'une façon de construire chaque table.
Chiffre d'affaires = montants HT des commandes **non annulées**.

Chaque fonction exécute une requête SQL lisible (``SQL_CA_PAR_CLIENT``…) :
``print(gc.extraits.SQL_CA_PAR_CLIENT)`` l'affiche.

>>> from gc_helpers import donnees
>>> ca = ca_par_client(2025, donnees.connexion_lecture())
>>> list(ca.columns)
['id_client', 'raison_sociale', 'secteur_activite', 'id_commercial', 'ca_2025']
>>> bool((ca["ca_2025"] > 0).all())
True
"""

from __future__ import annotations

import duckdb
import pandas as pd

from . import donnees
from ._erreurs import ErreurCours

__all__ = [
    "SQL_CA_PAR_CLIENT",
    "SQL_FAMILLES_ACHETEES",
    "ca_par_client",
    "ventes_par_periode",
    "familles_achetees",
    "SQL_STOCKS_PAR_FAMILLE",
    "stocks_par_famille",
]

#: CA d'une année par client professionnel ; {jointure} : JOIN (clients actifs
#: seulement) ou LEFT JOIN (tous les clients, CA nul pour ceux qui n'ont rien acheté).
SQL_CA_PAR_CLIENT = """
SELECT c.id_client, c.raison_sociale, c.secteur_activite, c.id_commercial,
       coalesce(sum(co.montant_ht), 0) AS ca_{annee}
FROM clients AS c
{jointure} commandes AS co ON co.id_client = c.id_client AND co.statut <> 'annulée'
     AND year(co.date_commande) = {annee}
WHERE c.type_client = 'professionnel'
GROUP BY ALL
ORDER BY c.id_client
"""

#: Les familles de produits achetées par chaque client professionnel dans l'année.
SQL_FAMILLES_ACHETEES = """
SELECT DISTINCT co.id_client, p.famille
FROM commandes AS co
JOIN clients AS c ON c.id_client = co.id_client
JOIN lignes_commande AS l ON l.id_commande = co.id_commande
JOIN produits AS p ON p.id_produit = l.id_produit
WHERE c.type_client = 'professionnel' AND co.statut <> 'annulée'
  AND year(co.date_commande) = {annee}
ORDER BY co.id_client, p.famille
"""

#: Stock au 1er janvier, stock au 31 décembre et coût d'achat des marchandises vendues
#: (les sorties de l'année) par famille, au coût de revient.
SQL_STOCKS_PAR_FAMILLE = """
SELECT famille,
       sum(stock_debut) FILTER (WHERE mois = DATE '{annee}-01-01')::DOUBLE AS stock_initial,
       sum(stock_fin) FILTER (WHERE mois = DATE '{annee}-12-01')::DOUBLE AS stock_final,
       sum(sorties) FILTER (WHERE year(mois) = {annee})::DOUBLE AS camv
FROM stocks GROUP BY famille ORDER BY camv DESC
"""


def _annee(annee: object) -> int:
    if isinstance(annee, bool) or not isinstance(annee, int) or not 2000 <= annee <= 2100:
        raise ErreurCours(
            f"L'année est un nombre entier comme 2025, sans guillemets ; reçu : {annee!r}."
        )
    return annee


def ca_par_client(
    annee: int, con: duckdb.DuckDBPyConnection | None = None, inactifs: bool = False
) -> pd.DataFrame:
    """CA HT de l'année par client professionnel (colonne ``ca_<annee>``, en float).

    Sans ``inactifs`` : les seuls clients qui ont commandé dans l'année ; avec
    ``inactifs=True`` : tous les clients professionnels, CA nul compris.

    >>> from gc_helpers import donnees
    >>> con = donnees.connexion_lecture()
    >>> len(ca_par_client(2025, con, inactifs=True))
    880
    >>> ca_par_client("2025", con)
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: L'année est un nombre entier comme 2025, ...
    """
    annee = _annee(annee)
    jointure = "LEFT JOIN" if inactifs else "JOIN"
    df = donnees.requete(SQL_CA_PAR_CLIENT.format(annee=annee, jointure=jointure), con)
    df[f"ca_{annee}"] = df[f"ca_{annee}"].astype(float)
    return df


def ventes_par_periode(
    con: duckdb.DuckDBPyConnection | None = None,
    pas: str = "trimestre",
    annees: tuple[int, int] | None = None,
) -> pd.Series:
    """CA HT de l'entreprise par mois ou par trimestre (index ``2024-T3`` ou ``2024-07``).

    ``annees=(2022, 2025)`` garde ces années complètes ; sans, toute la période des données.

    >>> from gc_helpers import donnees
    >>> serie = ventes_par_periode(donnees.connexion_lecture(), annees=(2022, 2025))
    >>> len(serie), serie.index[0], serie.index[-1]
    (16, '2022-T1', '2025-T4')
    """
    if pas not in ("mois", "trimestre"):
        raise ErreurCours(f"pas : 'mois' ou 'trimestre' ; reçu {pas!r}.")
    etiquette = (
        "strftime(date_commande, '%Y-%m')"
        if pas == "mois"
        else "year(date_commande) || '-T' || quarter(date_commande)"
    )
    filtre = ""
    if annees is not None:
        debut, fin = (_annee(a) for a in annees)
        filtre = f" AND year(date_commande) BETWEEN {debut} AND {fin}"
    df = donnees.requete(
        f"SELECT {etiquette} AS periode, sum(montant_ht) AS ca_ht FROM commandes "
        f"WHERE statut <> 'annulée'{filtre} GROUP BY ALL ORDER BY 1",
        con,
    )
    return pd.Series(df["ca_ht"].astype(float).to_numpy(), index=df["periode"], name="ca_ht")


def familles_achetees(annee: int, con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Une ligne par client professionnel et famille de produits achetée dans l'année.

    >>> from gc_helpers import donnees
    >>> list(familles_achetees(2025, donnees.connexion_lecture()).columns)
    ['id_client', 'famille']
    """
    return donnees.requete(SQL_FAMILLES_ACHETEES.format(annee=_annee(annee)), con)


def stocks_par_famille(annee: int, con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Stock initial, stock final et CAMV de l'année, une ligne par famille de produits.

    >>> from gc_helpers import donnees
    >>> stocks = stocks_par_famille(2025, donnees.connexion_lecture())
    >>> list(stocks.columns)
    ['famille', 'stock_initial', 'stock_final', 'camv']
    >>> bool((stocks["camv"] > 0).all())
    True
    """
    return donnees.requete(SQL_STOCKS_PAR_FAMILLE.format(annee=_annee(annee)), con)
