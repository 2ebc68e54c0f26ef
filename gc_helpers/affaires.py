"""Suivi d'affaires : le portefeuille d'opportunités (pipeline) tiré de la base (S531).

Une affaire en cours est un prospect au statut « nouveau » ou « en cours ». Son
**étape** se lit sur son dernier contact (table ``contacts``) :

- « négociation » : le dernier contact avait pour objet une négociation ;
- « rendez-vous obtenu » : le dernier contact de prospection a décroché un rendez-vous ;
- « qualification » : plusieurs contacts de prospection, à relancer ;
- « premier contact » : un seul contact, à relancer.

Le **CA pondéré** = CA potentiel × probabilité de l'étape ; l'**ancienneté** se
compte en jours depuis le premier contact, l'**inactivité** depuis le dernier, à
la date d'arrêté des données.
"""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import pandas as pd

from . import donnees
from ._erreurs import ErreurCours, verifier_nom
from ._verif_montants import taux

__all__ = ["ETAPES", "pipeline_affaires", "synthese_pipeline"]

# Probabilité de signature par étape (hypothèses du service commercial, modifiables).
ETAPES: dict[str, float] = {
    "premier contact": 0.10,
    "qualification": 0.20,
    "rendez-vous obtenu": 0.30,
    "négociation": 0.50,
}

_PROCHAINE_ACTION = {
    "premier contact": "rappeler pour qualifier le besoin",
    "qualification": "relancer pour obtenir un rendez-vous",
    "rendez-vous obtenu": "préparer la visite (découverte, argumentaire)",
    "négociation": "relancer sur le devis et conclure",
}

_SQL = """
WITH dernier AS (
  SELECT id_prospect,
         max(date_contact) AS dernier_contact,
         arg_max(objet, date_contact) AS objet,
         arg_max(resultat, date_contact) AS resultat
  FROM contacts
  WHERE id_prospect IS NOT NULL
  GROUP BY id_prospect
)
SELECT p.id_prospect, p.raison_sociale, p.secteur_activite, p.ville,
       k.prenom || ' ' || k.nom AS commercial,
       p.ca_potentiel_annuel::DOUBLE AS ca_potentiel,
       p.nb_contacts, p.date_premier_contact, d.dernier_contact,
       CASE WHEN d.objet = 'négociation' THEN 'négociation'
            WHEN d.resultat = 'rendez-vous obtenu' THEN 'rendez-vous obtenu'
            WHEN p.nb_contacts > 1 THEN 'qualification'
            ELSE 'premier contact' END AS etape
FROM prospects AS p
JOIN dernier AS d USING (id_prospect)
JOIN commerciaux AS k USING (id_commercial)
WHERE p.statut IN ('nouveau', 'en cours')
ORDER BY p.id_prospect
"""


def pipeline_affaires(
    con: duckdb.DuckDBPyConnection | None = None,
    probabilites: Mapping[str, float] | None = None,
    delai_relance: int = 15,
) -> pd.DataFrame:
    """Les affaires en cours, avec étape, CA pondéré, ancienneté et prochaine action.

    Colonnes : id_prospect, raison_sociale, secteur_activite, ville, commercial,
    ca_potentiel, nb_contacts, date_premier_contact, dernier_contact, etape,
    probabilite, ca_pondere, anciennete_jours, inactivite_jours, prochaine_action,
    echeance (dernier contact + ``delai_relance`` jours), en_retard (échéance dépassée
    à la date d'arrêté).

    >>> p = pipeline_affaires()
    >>> len(p), sorted(p["etape"].unique())[:2]
    (140, ['négociation', 'premier contact'])
    """
    f = "pipeline_affaires"
    proba = dict(ETAPES)
    for etape, valeur in dict(probabilites or {}).items():
        verifier_nom(str(etape), list(ETAPES), quoi="L'étape")
        proba[etape] = taux(valeur, f"la probabilité de « {etape} »", f)
    if isinstance(delai_relance, bool) or not isinstance(delai_relance, int) or delai_relance < 0:
        raise ErreurCours(
            f"{f}() : delai_relance est un nombre entier de jours (0 ou plus) ; "
            f"reçu {delai_relance!r}."
        )
    df = donnees.requete(_SQL, con)
    reference = pd.Timestamp(donnees.DATE_REFERENCE)
    premier = pd.to_datetime(df["date_premier_contact"])
    dernier = pd.to_datetime(df["dernier_contact"])
    df["probabilite"] = df["etape"].map(proba)
    df["ca_pondere"] = df["ca_potentiel"] * df["probabilite"]
    df["anciennete_jours"] = (reference - premier).dt.days
    df["inactivite_jours"] = (reference - dernier).dt.days
    df["prochaine_action"] = df["etape"].map(_PROCHAINE_ACTION)
    echeance = dernier + pd.Timedelta(days=delai_relance)
    df["echeance"] = echeance.dt.date
    df["en_retard"] = echeance < reference
    return df


def synthese_pipeline(pipeline: pd.DataFrame) -> pd.DataFrame:
    """Le pipeline par étape : nombre d'affaires, CA potentiel, CA pondéré, ancienneté moyenne.

    Les étapes sont rangées de la plus éloignée de la signature à la plus proche.

    >>> s = synthese_pipeline(pipeline_affaires())
    >>> list(s.columns)
    ['etape', 'nb_affaires', 'ca_potentiel', 'probabilite', 'ca_pondere', 'anciennete_moyenne']
    """
    manquantes = {"etape", "ca_potentiel", "probabilite", "ca_pondere", "anciennete_jours"}
    manquantes -= set(pipeline.columns)
    if manquantes:
        raise ErreurCours(
            "synthese_pipeline() attend la table rendue par pipeline_affaires() ; il manque "
            f"les colonnes {', '.join(sorted(manquantes))}."
        )
    s = (
        pipeline.groupby("etape", sort=False)
        .agg(
            nb_affaires=("etape", "size"),
            ca_potentiel=("ca_potentiel", "sum"),
            probabilite=("probabilite", "first"),
            ca_pondere=("ca_pondere", "sum"),
            anciennete_moyenne=("anciennete_jours", "mean"),
        )
        .reindex([e for e in ETAPES if e in set(pipeline["etape"])])
    )
    return s.reset_index()
