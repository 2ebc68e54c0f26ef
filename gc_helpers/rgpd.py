"""Contraintes juridiques de la collecte (RGPD, recommandations de la CNIL) appliquées aux fichiers.

Trois règles, telles que la CNIL les présente aux entreprises :

- **prospection par courriel** (article L34-5 du Code des postes et des
  communications électroniques) : un **particulier** doit avoir donné son
  **consentement préalable** (*opt-in*) ; un **professionnel** peut être
  sollicité sans consentement préalable si l'offre est **en rapport avec sa
  profession**, à condition qu'il ait été informé et puisse s'y opposer
  (*opt-out*) ;
- **droit d'opposition** (article 21 du RGPD) : toute personne peut demander à
  ne plus recevoir de prospection, sans justification ; la demande s'applique
  sans délai, y compris aux professionnels ;
- **durée de conservation** : les données d'un prospect qui n'a pas répondu
  sont supprimées ou anonymisées **trois ans** après le dernier contact venant
  de lui ; celles d'un client, trois ans après la fin de la relation
  commerciale (pour la prospection ; les factures, elles, sont archivées dix ans
  pour les obligations comptables).

La **base légale** de la prospection est l'intérêt légitime de l'entreprise
(professionnels, clients existants) ou le consentement (particuliers par
courriel ou SMS) : :data:`BASES_LEGALES` les résume.

>>> import gc_helpers as gc
>>> d = destinataires_courriel(gc.connecter())
>>> sorted(d.columns)
['autorise', 'derniere_activite', 'email', 'id_client', 'motif', 'type_client']
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

import duckdb
import pandas as pd

from . import donnees, qualite
from ._erreurs import ErreurCours

__all__ = [
    "DUREE_CONSERVATION_ANS",
    "BASES_LEGALES",
    "derniere_activite",
    "destinataires_courriel",
    "donnees_a_purger",
    "anonymiser_prospects",
]

#: Durée de conservation des données de prospection, en années (référentiel CNIL).
DUREE_CONSERVATION_ANS = 3

#: Les bases légales du RGPD (article 6) que rencontre un service commercial.
BASES_LEGALES = pd.DataFrame(
    [
        (
            "consentement",
            "la personne a accepté, par un acte positif (case à cocher non précochée)",
            "courriels et SMS de prospection aux particuliers (opt-in)",
        ),
        (
            "contrat",
            "le traitement est nécessaire à l'exécution d'un contrat",
            "gérer les commandes, les livraisons, les factures d'un client",
        ),
        (
            "obligation légale",
            "une loi impose le traitement",
            "conserver les factures dix ans (Code de commerce)",
        ),
        (
            "intérêt légitime",
            "l'intérêt de l'entreprise, sans porter une atteinte excessive "
            "aux droits de la personne",
            "prospection des professionnels (opt-out), "
            "courrier postal, offres analogues aux clients existants",
        ),
    ],  # fmt: skip
    columns=["base_legale", "definition", "exemple_chez_textiles_marceau"],
)


def _date(date_reference: Any) -> _dt.date:
    try:
        return pd.Timestamp(date_reference).date()
    except (ValueError, TypeError):
        raise ErreurCours(
            f"date_reference : date illisible {date_reference!r}. Écrivez-la 'AAAA-MM-JJ' ou "
            "utilisez gc.DATE_REFERENCE."
        ) from None


def _limite(date_reference: Any, annees: Any) -> pd.Timestamp:
    if isinstance(annees, bool) or not isinstance(annees, int) or annees <= 0:
        raise ErreurCours(
            f"annees : durée de conservation en années entières attendue (3 selon la CNIL) ; "
            f"reçu : {annees!r}."
        )
    return pd.Timestamp(_date(date_reference)) - pd.DateOffset(years=annees)


def derniere_activite(con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Date de la dernière activité de chaque client : commande, contact ou ouverture du compte.

    Colonnes : ``id_client``, ``type_client``, ``derniere_commande``,
    ``dernier_contact``, ``derniere_activite`` (la plus récente des trois dates,
    ouverture du compte comprise).

    >>> import gc_helpers as gc
    >>> d = derniere_activite(gc.connecter())
    >>> len(d), d["derniere_activite"].max().date()
    (4380, datetime.date(2026, 10, 31))
    """
    return donnees.requete(
        """
        SELECT c.id_client, c.type_client, co.derniere_commande, ct.dernier_contact,
               greatest(c.date_creation, coalesce(co.derniere_commande, c.date_creation),
                        coalesce(ct.dernier_contact, c.date_creation)) AS derniere_activite
        FROM clients AS c
        LEFT JOIN (SELECT id_client, max(date_commande) AS derniere_commande
                   FROM commandes GROUP BY id_client) AS co USING (id_client)
        LEFT JOIN (SELECT id_client, max(date_contact) AS dernier_contact
                   FROM contacts WHERE id_client IS NOT NULL GROUP BY id_client) AS ct
               USING (id_client)
        ORDER BY c.id_client
        """,
        con,
    )


def _emails_opposes(oppositions: Any) -> set[str]:
    if oppositions is None:
        return set()
    if isinstance(oppositions, pd.DataFrame):
        if "email" not in oppositions.columns:
            raise ErreurCours(
                "oppositions : la table des demandes d'opposition doit avoir une colonne "
                f"'email' ; colonnes reçues : {', '.join(map(str, oppositions.columns))}."
            )
        oppositions = oppositions["email"]
    if isinstance(oppositions, str) or not isinstance(oppositions, Iterable):
        raise ErreurCours(
            "oppositions : une liste de courriels ou une table avec une colonne 'email' ; reçu : "
            f"{type(oppositions).__name__}."
        )
    return {e.strip().lower() for e in oppositions if isinstance(e, str)}


def destinataires_courriel(
    con: duckdb.DuckDBPyConnection | None = None,
    oppositions: Any = None,
    date_reference: Any = donnees.DATE_REFERENCE,
    annees: int = DUREE_CONSERVATION_ANS,
) -> pd.DataFrame:
    """Peut-on envoyer une offre commerciale par courriel à chaque client ? Et pourquoi ?

    Une ligne par client : ``autorise`` (vrai / faux) et ``motif``, la première
    règle qui s'applique dans cet ordre :

    1. pas de courriel valide → impossible ;
    2. courriel dans ``oppositions`` (demandes reçues, liste ou table avec une
       colonne ``email``) → exclu : droit d'opposition ;
    3. aucune activité depuis ``annees`` ans → exclu : durée de conservation
       dépassée (données à supprimer ou anonymiser) ;
    4. particulier sans opt-in (``optin_email`` faux) → exclu : consentement
       préalable obligatoire ;
    5. sinon autorisé : particulier qui a consenti, ou professionnel (offre en
       rapport avec son activité, pas d'opposition).

    >>> import gc_helpers as gc
    >>> d = destinataires_courriel(gc.connecter(), oppositions=["personne@example.com"])
    >>> d.groupby("type_client")["autorise"].mean().round(2).to_dict()
    {'particulier': 0.41, 'professionnel': 0.95}
    """
    limite = _limite(date_reference, annees)
    opposes = _emails_opposes(oppositions)
    clients = donnees.requete(
        "SELECT id_client, type_client, email, optin_email FROM clients ORDER BY id_client", con
    )
    activite = derniere_activite(con)[["id_client", "derniere_activite"]]
    d = clients.merge(activite, on="id_client", how="left")
    motifs, autorises = [], []
    for ligne in d.itertuples(index=False):
        email = qualite.normaliser_email(ligne.email)
        if email is None:
            motif, ok = "pas de courriel valide", False
        elif email in opposes:
            motif, ok = "opposition reçue : ne plus lui écrire (droit d'opposition)", False
        elif ligne.derniere_activite < limite:
            motif = f"sans activité depuis plus de {annees} ans : données à supprimer ou anonymiser"
            ok = False
        elif ligne.type_client == "particulier" and not ligne.optin_email:
            motif, ok = "particulier sans consentement préalable (opt-in)", False
        elif ligne.type_client == "particulier":
            motif, ok = "particulier qui a donné son consentement (opt-in)", True
        else:
            motif = "professionnel : offre liée à son activité, sans opposition (opt-out)"
            ok = True
        motifs.append(motif)
        autorises.append(ok)
    d["autorise"] = autorises
    d["motif"] = motifs
    return d[["id_client", "type_client", "email", "derniere_activite", "autorise", "motif"]]


def donnees_a_purger(
    con: duckdb.DuckDBPyConnection | None = None,
    date_reference: Any = donnees.DATE_REFERENCE,
    annees: int = DUREE_CONSERVATION_ANS,
) -> pd.DataFrame:
    """Les prospects et clients sans activité depuis ``annees`` ans à la date de référence.

    - prospect non converti dont le dernier contact (ou le premier, s'il n'y en a
      pas d'autre) est antérieur à la limite → « supprimer ou anonymiser » ;
    - client sans commande ni contact depuis la limite → « ne plus prospecter ;
      archiver (factures : 10 ans) ou anonymiser ».

    Colonnes : ``personne`` (prospect / client), ``id``, ``nom``,
    ``derniere_activite``, ``action``.

    >>> import gc_helpers as gc
    >>> p = donnees_a_purger(gc.connecter())
    >>> sorted(p["personne"].unique()), bool(p["derniere_activite"].max().date() < gc.DATE_REFERENCE)
    (['client', 'prospect'], True)
    """
    limite = _limite(date_reference, annees)
    prospects = donnees.requete(
        """
        SELECT 'prospect' AS personne, p.id_prospect AS id, p.raison_sociale AS nom,
               greatest(p.date_premier_contact,
                        coalesce(max(c.date_contact), p.date_premier_contact)) AS derniere_activite
        FROM prospects AS p LEFT JOIN contacts AS c USING (id_prospect)
        WHERE p.statut <> 'converti'
        GROUP BY p.id_prospect, p.raison_sociale, p.date_premier_contact
        """,
        con,
    )
    prospects["action"] = "supprimer ou anonymiser"
    activite = derniere_activite(con)
    noms = donnees.requete(
        "SELECT id_client, coalesce(raison_sociale, prenom || ' ' || nom) AS nom FROM clients", con
    )
    clients = activite.merge(noms, on="id_client")
    clients = pd.DataFrame(
        {
            "personne": "client",
            "id": clients["id_client"],
            "nom": clients["nom"],
            "derniere_activite": clients["derniere_activite"],
            "action": "ne plus prospecter ; archiver (factures : 10 ans) ou anonymiser",
        }
    )
    tout = pd.concat([prospects, clients], ignore_index=True)
    tout = tout[tout["derniere_activite"] < limite]
    return tout.sort_values(["personne", "id"], ascending=[False, True]).reset_index(drop=True)


def anonymiser_prospects(ids: Iterable[int], con: duckdb.DuckDBPyConnection | None = None) -> int:
    """Anonymise des prospects (``UPDATE``) : nom et prénom effacés, courriel et téléphone retirés.

    L'entreprise garde la fiche (raison sociale, secteur, ville, statut) pour ses
    statistiques, mais plus rien ne désigne la personne. Renvoie le nombre de
    prospects anonymisés (sur la copie de travail).

    >>> import gc_helpers as gc
    >>> con = gc.connecter()
    >>> anonymiser_prospects([2, 5], con)
    2
    >>> gc.requete("SELECT contact_nom, email FROM prospects WHERE id_prospect = 2", con).iloc[0].tolist()
    ['Anonymisé', None]
    """
    if isinstance(ids, int | str) or not isinstance(ids, Iterable):
        raise ErreurCours(
            f"anonymiser_prospects() attend une liste d'identifiants de prospects, par exemple "
            f"[2, 5] ou la colonne 'id' de gc.donnees_a_purger() ; reçu : {ids!r}."
        )
    liste = [int(i) for i in ids]
    if not liste:
        return 0
    con = donnees._connexion(con)
    n = con.execute(
        "UPDATE prospects SET contact_nom = 'Anonymisé', contact_prenom = 'Anonymisé', "
        "email = NULL, telephone = NULL WHERE id_prospect IN (SELECT unnest(?))",
        [liste],
    ).fetchone()[0]
    return int(n)
