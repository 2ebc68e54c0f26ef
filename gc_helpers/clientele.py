"""Le portefeuille de clients : cycle de vie et connaissance du fichier client (S431).

- **Cycle de vie** : un client est *actif* s'il a commandé récemment, *dormant*
  s'il n'a plus commandé depuis un moment, *perdu* au-delà ; un *prospect* est
  une entreprise en cours de prospection (pas encore cliente). Les seuils sont
  des paramètres, en jours d'inactivité à la date d'arrêté (par défaut 365 et
  730 jours : actif = au moins une commande dans les 12 derniers mois).
- **Connaissance du fichier** : pour chaque information utile au commercial,
  la part des clients pour lesquels l'entreprise la connaît.

>>> statut_cycle_vie(40)
'actif'
>>> statut_cycle_vie([40, 400, 800], seuil_dormant=365, seuil_perdu=730).tolist()
['actif', 'dormant', 'perdu']
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any

import duckdb
import pandas as pd

from . import donnees
from ._erreurs import ErreurCours
from ._verif_montants import entier_positif, nombre_fini

__all__ = [
    "STATUTS_CYCLE_VIE",
    "statut_cycle_vie",
    "cycle_de_vie",
    "anciennete",
    "connaissance_clients",
]

#: Les étapes du cycle de vie, du prospect au client perdu.
STATUTS_CYCLE_VIE = ("prospect", "actif", "dormant", "perdu")


def _seuils(seuil_dormant: Any, seuil_perdu: Any, fonction: str) -> tuple[int, int]:
    d = entier_positif(seuil_dormant, "seuil_dormant", fonction)
    p = entier_positif(seuil_perdu, "seuil_perdu", fonction)
    if p <= d:
        raise ErreurCours(
            f"{fonction}() : seuil_perdu ({p} jours) doit dépasser seuil_dormant ({d} jours) : "
            "un client devient dormant avant d'être perdu. Par exemple seuil_dormant=365, "
            "seuil_perdu=730."
        )
    return d, p


def _un_statut(jours: Any, d: int, p: int) -> str:
    if jours is None or (isinstance(jours, float) and math.isnan(jours)) or pd.isna(jours):
        return "perdu"  # aucune commande connue dans l'historique
    j = nombre_fini(jours, "jours_inactivite", "statut_cycle_vie")
    if j < 0:
        raise ErreurCours(
            f"statut_cycle_vie() : {j:g} jours d'inactivité, c'est impossible (la dernière "
            "commande est postérieure à la date d'arrêté ?). Vérifiez les dates."
        )
    if j <= d:
        return "actif"
    return "dormant" if j <= p else "perdu"


def statut_cycle_vie(
    jours_inactivite: Any, seuil_dormant: int = 365, seuil_perdu: int = 730
) -> Any:
    """Étape du cycle de vie d'après le nombre de jours depuis la dernière commande.

    - jours ≤ ``seuil_dormant`` : « actif » ;
    - ``seuil_dormant`` < jours ≤ ``seuil_perdu`` : « dormant » ;
    - au-delà, ou aucune commande connue (valeur manquante) : « perdu ».

    Un nombre donne un texte ; une liste ou une Series donne une Series.

    >>> statut_cycle_vie(365), statut_cycle_vie(366), statut_cycle_vie(None)
    ('actif', 'dormant', 'perdu')
    >>> statut_cycle_vie(100, seuil_dormant=90, seuil_perdu=180)
    'dormant'
    >>> statut_cycle_vie(10, seuil_dormant=365, seuil_perdu=365)
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: statut_cycle_vie() : seuil_perdu (365 jours) doit dépasser seuil_dormant (365 jours) : un client devient dormant avant d'être perdu. Par exemple seuil_dormant=365, seuil_perdu=730.
    """
    d, p = _seuils(seuil_dormant, seuil_perdu, "statut_cycle_vie")
    if isinstance(jours_inactivite, pd.Series | list | tuple | pd.Index):
        serie = pd.Series(jours_inactivite)
        return serie.map(lambda j: _un_statut(j, d, p)).astype(object)
    return _un_statut(jours_inactivite, d, p)


def anciennete(date_creation: Any, date_reference: Any = None) -> Any:
    """Ancienneté en années (décimales : jours / 365,25) à la date d'arrêté.

    >>> round(anciennete("2020-10-31", "2026-10-31"), 4)  # 2 191 jours (un 29 février) / 365,25
    5.9986
    >>> anciennete(pd.Series(["2026-04-30", "2016-10-31"]), "2026-10-31").round(2).tolist()
    [0.5, 10.0]
    """
    reference = pd.Timestamp(donnees.DATE_REFERENCE if date_reference is None else date_reference)
    if isinstance(date_creation, pd.Series | list | tuple | pd.Index):
        dates = pd.to_datetime(pd.Series(date_creation), errors="coerce")
        if (dates > reference).any():
            raise ErreurCours(
                "anciennete() : une date de création est postérieure à la date d'arrêté "
                f"({reference.date().isoformat()}). Vérifiez l'ordre des arguments."
            )
        return (reference - dates).dt.days / 365.25
    try:
        date = pd.Timestamp(date_creation)
    except (TypeError, ValueError):
        raise ErreurCours(
            f"anciennete() : date_creation doit être une date (AAAA-MM-JJ) ; reçu {date_creation!r}."
        ) from None
    if date > reference:
        raise ErreurCours(
            f"anciennete() : la date de création ({date.date().isoformat()}) est postérieure à la "
            f"date d'arrêté ({reference.date().isoformat()}). Vérifiez l'ordre des arguments."
        )
    return (reference - date).days / 365.25


def cycle_de_vie(
    con: duckdb.DuckDBPyConnection | None = None,
    seuil_dormant: int = 365,
    seuil_perdu: int = 730,
    prospects: bool = True,
) -> pd.DataFrame:
    """Le portefeuille à la date d'arrêté : chaque client avec son étape du cycle de vie.

    Colonnes : ``id_client``, ``id_prospect``, ``nom`` (raison sociale, ou prénom et nom d'un
    particulier), ``type_client`` (``professionnel``, ``particulier``, ``prospect``),
    ``secteur_activite``, ``date_creation`` (premier contact pour un prospect),
    ``anciennete_annees``, ``derniere_commande``, ``jours_inactivite``, ``nb_commandes``,
    ``ca_12_mois`` (CA HT des 365 derniers jours), ``statut``.
    Les commandes annulées ne comptent pas. Avec ``prospects=True``, les prospects
    « nouveau » et « en cours » sont ajoutés (statut « prospect ») ; les prospects perdus
    ou convertis (devenus clients) ne le sont pas.

    >>> import gc_helpers as gc
    >>> cv = cycle_de_vie(gc.connecter())
    >>> sorted(cv["statut"].unique())
    ['actif', 'dormant', 'perdu', 'prospect']
    """
    d, p = _seuils(seuil_dormant, seuil_perdu, "cycle_de_vie")
    jour = donnees.DATE_REFERENCE.isoformat()
    debut_12_mois = (donnees.DATE_REFERENCE - _dt.timedelta(days=364)).isoformat()
    clients = donnees.requete(
        f"""
        WITH cmd AS (
          SELECT id_client, max(date_commande) AS derniere_commande, count(*) AS nb_commandes,
                 coalesce(sum(montant_ht) FILTER (WHERE date_commande >= DATE '{debut_12_mois}'),
                          0)::DOUBLE AS ca_12_mois
          FROM commandes
          WHERE statut <> 'annulée' AND date_commande <= DATE '{jour}'
          GROUP BY id_client
        )
        SELECT c.id_client, NULL::INTEGER AS id_prospect,
               coalesce(c.raison_sociale, c.prenom || ' ' || c.nom) AS nom,
               c.type_client, c.secteur_activite, c.date_creation,
               m.derniere_commande, DATE '{jour}' - m.derniere_commande AS jours_inactivite,
               coalesce(m.nb_commandes, 0) AS nb_commandes, coalesce(m.ca_12_mois, 0) AS ca_12_mois
        FROM clients AS c LEFT JOIN cmd AS m USING (id_client)
        ORDER BY c.id_client
        """,
        con,
    )
    clients["statut"] = statut_cycle_vie(clients["jours_inactivite"], d, p).values
    morceaux = [clients]
    if prospects:
        pr = donnees.requete(
            """
            SELECT NULL::INTEGER AS id_client, id_prospect, raison_sociale AS nom,
                   'prospect' AS type_client, secteur_activite,
                   date_premier_contact AS date_creation, NULL::DATE AS derniere_commande,
                   NULL::INTEGER AS jours_inactivite, 0 AS nb_commandes, 0.0 AS ca_12_mois,
                   'prospect' AS statut
            FROM prospects WHERE statut IN ('nouveau', 'en cours') ORDER BY id_prospect
            """,
            con,
        )
        morceaux.append(pr)
    resultat = pd.concat(morceaux, ignore_index=True)
    resultat["date_creation"] = pd.to_datetime(resultat["date_creation"])
    resultat["anciennete_annees"] = anciennete(resultat["date_creation"])
    for colonne in ("id_client", "id_prospect", "jours_inactivite", "nb_commandes"):
        resultat[colonne] = resultat[colonne].astype("Int64")
    colonnes = [
        "id_client",
        "id_prospect",
        "nom",
        "type_client",
        "secteur_activite",
        "date_creation",
        "anciennete_annees",
        "derniere_commande",
        "jours_inactivite",
        "nb_commandes",
        "ca_12_mois",
        "statut",
    ]
    return resultat[colonnes]


# (information, catégorie, types de clients concernés, condition SQL sur la ligne du client)
_INFORMATIONS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    (
        "nom de l'interlocuteur",
        "identité",
        ("professionnel", "particulier"),
        "c.nom IS NOT NULL AND c.prenom IS NOT NULL",
    ),
    (
        "adresse postale complète",
        "coordonnées",
        ("professionnel", "particulier"),
        "c.adresse IS NOT NULL AND c.code_postal IS NOT NULL AND c.ville IS NOT NULL",
    ),
    ("courriel", "coordonnées", ("professionnel", "particulier"), "c.email IS NOT NULL"),
    ("téléphone", "coordonnées", ("professionnel", "particulier"), "c.telephone IS NOT NULL"),
    (
        "courriel utilisable pour une offre (renseigné + opt-in)",
        "consentement",
        ("professionnel", "particulier"),
        "c.email IS NOT NULL AND c.optin_email",
    ),
    ("secteur d'activité", "identité", ("professionnel",), "c.secteur_activite IS NOT NULL"),
    ("commercial attitré", "relation", ("professionnel",), "c.id_commercial IS NOT NULL"),
    ("plafond de crédit", "risque", ("professionnel",), "c.plafond_credit IS NOT NULL"),
    (
        "historique d'achats depuis 2022",
        "comportement d'achat",
        ("professionnel", "particulier"),
        "c.id_client IN (SELECT id_client FROM commandes WHERE statut <> 'annulée')",
    ),
    (
        "potentiel d'achat estimé",
        "comportement d'achat",
        ("professionnel",),
        "c.id_client IN (SELECT id_client FROM prospects WHERE ca_potentiel_annuel IS NOT NULL)",
    ),
    (
        "contact commercial dans les 12 derniers mois",
        "relation",
        ("professionnel",),
        "c.id_client IN (SELECT id_client FROM contacts WHERE id_client IS NOT NULL "
        "AND date_contact > DATE '{jour}' - INTERVAL 365 DAY)",
    ),
    (
        "satisfaction mesurée (au moins une enquête)",
        "satisfaction",
        ("professionnel", "particulier"),
        "c.id_client IN (SELECT id_client FROM enquetes_satisfaction)",
    ),
)


def connaissance_clients(con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Ce que l'entreprise sait de ses clients : part des clients dont chaque information est connue.

    Une ligne par information et par type de client (professionnel, particulier) :
    ``information``, ``categorie``, ``type_client``, ``nb_clients``, ``nb_connus``,
    ``taux_connaissance`` (décimal). Une information sans objet pour un type (le secteur
    d'activité d'un particulier) n'a pas de ligne pour ce type.

    >>> import gc_helpers as gc
    >>> k = connaissance_clients(gc.connecter())
    >>> bool(k["taux_connaissance"].between(0, 1).all())
    True
    """
    jour = donnees.DATE_REFERENCE.isoformat()
    drapeaux = ",\n".join(
        f"({condition.format(jour=jour)}) AS i{n}"
        for n, (_, _, _, condition) in enumerate(_INFORMATIONS)
    )
    connus = donnees.requete(f"SELECT c.type_client, {drapeaux} FROM clients AS c", con)
    lignes = []
    for n, (information, categorie, types, _) in enumerate(_INFORMATIONS):
        for type_client in types:
            sous = connus.loc[connus["type_client"] == type_client, f"i{n}"].fillna(False)
            lignes.append(
                {
                    "information": information,
                    "categorie": categorie,
                    "type_client": type_client,
                    "nb_clients": len(sous),
                    "nb_connus": int(sous.astype(bool).sum()),
                }
            )
    resultat = pd.DataFrame(lignes)
    resultat["taux_connaissance"] = resultat["nb_connus"] / resultat["nb_clients"]
    return resultat
