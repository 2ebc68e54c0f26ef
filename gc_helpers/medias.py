"""Communication médias : indicateurs d'un plan média, rentabilité et exploitation d'une campagne.

Conventions du cours (DESIGN §4) :

- **couverture** = audience utile / population cible (part de la cible touchée au
  moins une fois) ;
- **répétition** (fréquence moyenne) = contacts utiles / audience utile ;
- **GRP** (*gross rating point*) = couverture en % × répétition
  (= contacts utiles / cible × 100) ;
- **CPM** (coût pour mille contacts utiles) = coût / contacts utiles × 1 000 ;
- **coût du GRP** = coût / GRP ;
- **rentabilité d'une campagne** : ROI = (marge générée − coût) / coût, calculé
  sur la **marge** (chiffre d'affaires × taux de marque), pas sur le chiffre
  d'affaires.

>>> s = indicateurs_media(20000, 8000, 24000, 6000)
>>> s.tolist()  # couverture, répétition, GRP, CPM, coût du GRP
[0.4, 3.0, 120.0, 250.0, 50.0]
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import duckdb
import pandas as pd

from . import donnees
from ._erreurs import ErreurCours
from ._verif_montants import entier_positif, montant, taux
from .formats import _en_date
from .valeur_client import retour_sur_investissement

__all__ = [
    "indicateurs_media",
    "plan_media",
    "taux_marque_ventes",
    "rentabilite_campagnes",
    "CIBLES_CAMPAGNES",
    "suivi_campagne",
]


# --------------------------------------------------------------------------- indicateurs


def indicateurs_media(
    population_cible: float, audience_utile: float, contacts_utiles: float, cout: float
) -> pd.Series:
    """Couverture, répétition, GRP, CPM et coût du GRP d'une campagne (ou d'un support).

    - ``population_cible`` : personnes de la cible ;
    - ``audience_utile`` : personnes de la cible touchées au moins une fois ;
    - ``contacts_utiles`` : expositions de la cible (une personne touchée 3 fois = 3) ;
    - ``cout`` : coût de la campagne, en euros HT.

    La couverture est un taux décimal (0,4 = 40 %) ; le GRP est en points.

    >>> s = indicateurs_media(2170, 1881, 1881, 3160)  # un publipostage : 1 envoi par hôtel
    >>> s.round(4).tolist()[:4]  # couverture, répétition, GRP, CPM
    [0.8668, 1.0, 86.682, 1679.9575]
    >>> indicateurs_media(1000, 1200, 2400, 500)
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: indicateurs_media() : l'audience utile (1 200) dépasse la \
population cible (1 000). L'audience utile est la partie de la cible touchée : elle ne peut pas \
être plus grande que la cible.
    """
    fonction = "indicateurs_media"
    cible = montant(population_cible, "population_cible", fonction, strictement_positif=True)
    audience = montant(audience_utile, "audience_utile", fonction, strictement_positif=True)
    contacts = montant(contacts_utiles, "contacts_utiles", fonction, strictement_positif=True)
    c = montant(cout, "cout", fonction)
    if audience > cible:
        raise ErreurCours(
            f"{fonction}() : l'audience utile ({_entier(audience)}) dépasse la population cible "
            f"({_entier(cible)}). L'audience utile est la partie de la cible touchée : elle ne "
            "peut pas être plus grande que la cible."
        )
    if contacts < audience:
        raise ErreurCours(
            f"{fonction}() : les contacts utiles ({_entier(contacts)}) sont moins nombreux que "
            f"l'audience utile ({_entier(audience)}). Chaque personne touchée compte au moins un "
            "contact : contacts utiles = audience utile × répétition. Avez-vous inversé les "
            "deux arguments ?"
        )
    couverture = audience / cible
    repetition = contacts / audience
    grp = couverture * 100 * repetition
    return pd.Series(
        {
            "couverture": couverture,
            "repetition": repetition,
            "grp": grp,
            "cpm": c / contacts * 1000,
            "cout_grp": c / grp,
        },
        name="indicateurs_media",
    )


def _entier(x: float) -> str:
    return f"{x:,.0f}".replace(",", " ") if x == int(x) else f"{x:g}"


def plan_media(supports: pd.DataFrame, population_cible: float) -> pd.DataFrame:
    """Les indicateurs de chaque support d'un plan média, puis du plan entier.

    ``supports`` : une ligne par support avec les colonnes ``support``, ``audience_utile``,
    ``insertions`` (nombre de passages ou de parutions) et ``cout_insertion`` (euros HT).
    Chaque insertion touche la même audience : contacts utiles = audience × insertions.
    La ligne « Plan » additionne coûts, contacts et GRP (les GRP s'additionnent) ; sa
    couverture n'est pas calculable sans les duplications d'audience entre supports :
    elle est laissée vide.

    >>> supports = pd.DataFrame({"support": ["Radio", "Presse"], "audience_utile": [40000, 10000],
    ...                          "insertions": [5, 2], "cout_insertion": [800.0, 1500.0]})
    >>> p = plan_media(supports, 200000)
    >>> p[["support", "grp", "cpm"]].round(2).values.tolist()
    [['Radio', 100.0, 20.0], ['Presse', 10.0, 150.0], ['Plan', 110.0, 31.82]]
    """
    fonction = "plan_media"
    if not isinstance(supports, pd.DataFrame) or supports.empty:
        raise ErreurCours(
            f"{fonction}() : supports doit être une table non vide (une ligne par support) ; "
            f"reçu {type(supports).__name__}."
        )
    for colonne in ("support", "audience_utile", "insertions", "cout_insertion"):
        if colonne not in supports.columns:
            raise ErreurCours(
                f"{fonction}() : il manque la colonne '{colonne}' dans supports (colonnes "
                "nécessaires : support, audience_utile, insertions, cout_insertion)."
            )
    cible = montant(population_cible, "population_cible", fonction, strictement_positif=True)
    lignes = []
    for ligne in supports.itertuples(index=False):
        insertions = montant(ligne.insertions, "insertions", fonction, strictement_positif=True)
        cout = montant(ligne.cout_insertion, "cout_insertion", fonction) * insertions
        contacts = float(ligne.audience_utile) * insertions
        s = indicateurs_media(cible, ligne.audience_utile, contacts, cout)
        lignes.append(
            {"support": ligne.support, "audience_utile": float(ligne.audience_utile)}
            | {"insertions": insertions, "contacts_utiles": contacts, "cout": cout}
            | s.to_dict()
        )
    plan = pd.DataFrame(lignes)
    total = {
        "support": "Plan",
        "audience_utile": float("nan"),
        "insertions": plan["insertions"].sum(),
        "contacts_utiles": plan["contacts_utiles"].sum(),
        "cout": plan["cout"].sum(),
        "couverture": float("nan"),
        "repetition": float("nan"),
        "grp": plan["grp"].sum(),
    }
    total["cpm"] = total["cout"] / total["contacts_utiles"] * 1000
    total["cout_grp"] = total["cout"] / total["grp"]
    return pd.concat([plan, pd.DataFrame([total])], ignore_index=True)


# --------------------------------------------------------------------------- rentabilité


def taux_marque_ventes(
    debut: Any = None, fin: Any = None, con: duckdb.DuckDBPyConnection | None = None
) -> float:
    """Taux de marque moyen des ventes : (ventes HT − coût d'achat) / ventes HT.

    Calculé sur les lignes des commandes non annulées (entre ``debut`` et ``fin``
    inclus quand ils sont donnés), avec le coût d'achat HT du catalogue.

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> 0.3 < taux_marque_ventes() < 0.7
    True
    """
    conditions = ["c.statut <> 'annulée'"]
    for borne, signe in ((debut, ">="), (fin, "<=")):
        jour = _en_date(borne, "taux_marque_ventes")
        if jour is not None:
            conditions.append(f"c.date_commande {signe} DATE '{jour.isoformat()}'")
    sql = (
        "SELECT sum(l.montant_ht) AS ventes, sum(l.quantite * p.cout_achat_ht) AS cout_achat\n"
        "FROM lignes_commande AS l\n"
        "JOIN commandes AS c USING (id_commande)\n"
        "JOIN produits AS p USING (id_produit)\n"
        "WHERE " + " AND ".join(conditions)
    )
    ligne = donnees.requete(sql, con).iloc[0]
    if pd.isna(ligne["ventes"]) or float(ligne["ventes"]) == 0:
        raise ErreurCours(
            "taux_marque_ventes() : aucune vente sur la période demandée "
            f"(du {debut} au {fin}). Élargissez la période."
        )
    ventes = float(ligne["ventes"])
    return (ventes - float(ligne["cout_achat"])) / ventes


def rentabilite_campagnes(
    taux_marque: float | None = None, con: duckdb.DuckDBPyConnection | None = None
) -> pd.DataFrame:
    """Indicateurs média et rentabilité de chaque campagne de la table ``campagnes``.

    Colonnes ajoutées : ``couverture``, ``repetition``, ``grp``, ``cpm``, ``cout_grp``,
    ``taux_retour`` (retours / audience utile), ``taux_transformation`` (commandes /
    retours), ``marge_generee`` (CA généré × taux de marque), ``roi`` ((marge − coût) /
    coût) et ``cout_par_commande``. Sans ``taux_marque``, celui des ventes de l'année de
    la campagne est utilisé (:func:`taux_marque_ventes`).

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> r = rentabilite_campagnes(taux_marque=0.5)
    >>> r.loc[r["id_campagne"] == 2, ["grp", "marge_generee", "roi"]].round(4).values.tolist()
    [[86.682, 24143.23, 6.6403]]
    """
    fonction = "rentabilite_campagnes"
    marque = None if taux_marque is None else taux(taux_marque, "taux_marque", fonction)
    df = donnees.requete("SELECT * FROM campagnes ORDER BY id_campagne", con)
    for colonne in ("cout_ht", "ca_genere_ht"):
        df[colonne] = df[colonne].astype(float)
    indicateurs = pd.DataFrame(
        [
            indicateurs_media(
                r.population_cible, r.audience_utile, r.contacts_utiles, r.cout_ht
            ).to_dict()
            for r in df.itertuples(index=False)
        ]
    )
    df = pd.concat([df, indicateurs], axis=1)
    df["taux_retour"] = df["nb_retours"] / df["audience_utile"]
    df["taux_transformation"] = (df["nb_commandes"] / df["nb_retours"]).where(df["nb_retours"] > 0)
    if marque is None:
        annees = pd.to_datetime(df["date_debut"]).dt.year
        par_annee = {
            a: taux_marque_ventes(_dt.date(a, 1, 1), _dt.date(a, 12, 31), con)
            for a in sorted(set(annees))
        }
        df["taux_marque"] = annees.map(par_annee).astype(float)
    else:
        df["taux_marque"] = marque
    df["marge_generee"] = df["ca_genere_ht"] * df["taux_marque"]
    df["roi"] = [
        retour_sur_investissement(m, c)
        for m, c in zip(df["marge_generee"], df["cout_ht"], strict=True)
    ]
    df["cout_par_commande"] = (df["cout_ht"] / df["nb_commandes"]).where(df["nb_commandes"] > 0)
    return df


# --------------------------------------------------------------------------- suivi commercial

# Cible de chaque campagne, traduite en critères sur la table clients.
CIBLES_CAMPAGNES: dict[str, dict[str, Any]] = {
    "particuliers de la métropole lilloise": {
        "type_client": "particulier",
        "departements": ("59",),
    },
    "hôtels indépendants": {"secteurs": ("hôtel",)},
    "boutiques de souvenirs": {"secteurs": ("boutique de souvenirs",)},
    "directeurs d'hôtels et gouvernantes": {"secteurs": ("hôtel",)},
    "détaillants et boutiques": {"secteurs": ("détaillant", "boutique de souvenirs")},
    "élus de CSE (fichier clients et prospects)": {"secteurs": ("CSE",)},
    "particuliers ayant accepté les SMS": {"type_client": "particulier", "optin": "optin_sms"},
    "particuliers 25-55 ans, Hauts-de-France et Île-de-France": {"type_client": "particulier"},
}
# Médias adressés : seuls les clients qui ont consenti (opt-in) ont reçu le message.
_OPTIN_MEDIA = {"courriel": "optin_email", "SMS": "optin_sms"}


def suivi_campagne(
    id_campagne: int,
    id_commercial: int | None = None,
    delai_jours: int = 30,
    con: duckdb.DuckDBPyConnection | None = None,
) -> pd.DataFrame:
    """Les clients touchés par une campagne, pour la relance ciblée du commercial.

    Clients touchés : les clients de la cible de la campagne (:data:`CIBLES_CAMPAGNES`),
    créés avant sa fin, et, pour un courriel ou un SMS, ayant donné leur consentement
    (une campagne dont la cible n'est pas dans ce dictionnaire vise tous les clients :
    complétez-le pour une nouvelle campagne).
    ``id_commercial`` garde le portefeuille d'un commercial. Pour chacun :
    ``a_commande`` (une commande entre le début de la campagne et ``delai_jours`` après
    sa fin), ``ca_campagne`` (CA HT de ces commandes), ``ca_annee_precedente`` (CA HT
    des 12 mois avant la campagne) et l'``action`` proposée : remercier et fidéliser ceux
    qui ont commandé, relancer en priorité les autres, en commençant par les plus gros.

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> s = suivi_campagne(2, id_commercial=1)
    >>> sorted(s["action"].unique())
    ['relancer (priorité)', 'remercier et fidéliser']
    """
    fonction = "suivi_campagne"
    campagnes = donnees.requete(
        "SELECT id_campagne, nom, media, cible, date_debut, date_fin FROM campagnes", con
    )
    if id_campagne not in set(campagnes["id_campagne"]):
        raise ErreurCours(
            f"{fonction}() : la campagne {id_campagne!r} n'existe pas. Identifiants "
            f"possibles : {campagnes['id_campagne'].min()} à {campagnes['id_campagne'].max()} "
            "(SELECT id_campagne, nom FROM campagnes)."
        )
    campagne = campagnes.set_index("id_campagne").loc[id_campagne]
    criteres = CIBLES_CAMPAGNES.get(campagne["cible"], {})
    delai = int(montant(delai_jours, "delai_jours", fonction))
    debut = pd.Timestamp(campagne["date_debut"]).date()
    fin = pd.Timestamp(campagne["date_fin"]).date()
    conditions = [f"c.date_creation <= DATE '{fin.isoformat()}'"]
    if "type_client" in criteres:
        conditions.append(f"c.type_client = '{criteres['type_client']}'")
    if "secteurs" in criteres:
        conditions.append(
            "c.secteur_activite IN (" + ", ".join(f"'{s}'" for s in criteres["secteurs"]) + ")"
        )
    if "departements" in criteres:
        conditions.append(
            "c.departement IN (" + ", ".join(f"'{d}'" for d in criteres["departements"]) + ")"
        )
    optin = criteres.get("optin", _OPTIN_MEDIA.get(campagne["media"]))
    if optin:
        conditions.append(f"c.{optin}")
    if id_commercial is not None:
        commercial = entier_positif(id_commercial, "id_commercial", fonction)
        conditions.append(f"c.id_commercial = {commercial}")
    fin_reponse = fin + _dt.timedelta(days=delai)
    avant = debut.replace(year=debut.year - 1)
    sql = f"""
        SELECT c.id_client,
               coalesce(c.raison_sociale, c.prenom || ' ' || c.nom) AS client,
               c.ville, c.id_commercial,
               coalesce(sum(o.montant_ht) FILTER (WHERE o.date_commande BETWEEN
                   DATE '{debut.isoformat()}' AND DATE '{fin_reponse.isoformat()}'), 0)
                   AS ca_campagne,
               coalesce(sum(o.montant_ht) FILTER (WHERE o.date_commande >= DATE
                   '{avant.isoformat()}' AND o.date_commande < DATE '{debut.isoformat()}'), 0)
                   AS ca_annee_precedente
        FROM clients AS c
        LEFT JOIN commandes AS o ON o.id_client = c.id_client AND o.statut <> 'annulée'
        WHERE {" AND ".join(conditions)}
        GROUP BY ALL
    """
    df = donnees.requete(sql, con)
    for colonne in ("ca_campagne", "ca_annee_precedente"):
        df[colonne] = df[colonne].astype(float)
    df["a_commande"] = df["ca_campagne"] > 0
    df["action"] = df["a_commande"].map(
        {True: "remercier et fidéliser", False: "relancer (priorité)"}
    )
    # D'abord ceux à relancer, les plus gros clients en tête : l'ordre de la tournée d'appels.
    df = df.sort_values(
        ["a_commande", "ca_annee_precedente", "id_client"], ascending=[True, False, True]
    )
    return df.reset_index(drop=True)
