"""Valeur et rentabilité d'un client : compte d'exploitation, acquisition, ROI, valeur à vie.

Conventions du cours (DESIGN §4) :

- **valeur client** (*customer lifetime value*) : somme actualisée des marges
  espérées, :math:`\\sum_{t=1}^{n} m \\cdot f^{t-1} / (1+i)^t` (la marge de
  l'année 1 est acquise, le client reste d'une année sur l'autre avec la
  probabilité ``f``) ;
- **retour sur investissement** = (marge générée − coût) / coût, calculé sur la
  **marge** et non sur le chiffre d'affaires ;
- **coût d'acquisition** = dépenses d'acquisition / nouveaux clients ;
- **taux d'attrition** = clients perdus / clients en début de période.

Les taux sont décimaux (0.10 pour 10 %). Aucun arrondi dans les calculs.

>>> round(valeur_client(1000, 0.8, 0.10, 3), 2)
2051.09
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import duckdb
import pandas as pd

from . import donnees
from ._erreurs import ErreurCours, verifier_nom
from ._verif_montants import entier_positif, montant, nombre_fini, taux

__all__ = [
    "valeur_client",
    "valeur_client_detail",
    "cout_acquisition_client",
    "retour_sur_investissement",
    "taux_attrition",
    "HYPOTHESES_COUTS",
    "compte_exploitation_client",
    "presenter_compte_exploitation",
    "potentiel_client",
    "qualifier_client",
    "valeur_prospects",
    "score_valeur",
]


# --------------------------------------------------------------------------- valeur à vie


def valeur_client_detail(
    marge_annuelle: float, taux_fidelite: float, taux_actualisation: float, duree: int
) -> pd.DataFrame:
    """Le calcul de la valeur client année par année.

    Colonnes : ``annee``, ``probabilite_fidelite`` (f^(t−1)), ``marge_esperee``,
    ``coefficient_actualisation`` (1/(1+i)^t), ``marge_actualisee``, ``cumul``.

    >>> d = valeur_client_detail(1000, 0.8, 0.10, 3)
    >>> d["marge_esperee"].round(2).tolist()
    [1000.0, 800.0, 640.0]
    >>> d["cumul"].round(2).tolist()  # 909,09 ; + 661,16 ; + 480,84
    [909.09, 1570.25, 2051.09]
    """
    fonction = "valeur_client"
    marge = nombre_fini(marge_annuelle, "marge_annuelle", fonction)
    f = taux(taux_fidelite, "taux_fidelite", fonction)
    i = taux(taux_actualisation, "taux_actualisation", fonction)
    n = entier_positif(duree, "duree", fonction)
    annees = pd.Series(range(1, n + 1))
    probabilite = f ** (annees - 1)
    coefficient = (1 + i) ** -annees.astype(float)
    detail = pd.DataFrame(
        {
            "annee": annees,
            "probabilite_fidelite": probabilite,
            "marge_esperee": marge * probabilite,
            "coefficient_actualisation": coefficient,
        }
    )
    detail["marge_actualisee"] = detail["marge_esperee"] * coefficient
    detail["cumul"] = detail["marge_actualisee"].cumsum()
    return detail


def valeur_client(
    marge_annuelle: float, taux_fidelite: float, taux_actualisation: float, duree: int
) -> float:
    """Valeur d'un client sur ``duree`` années : Σ marge · fidélité^(t−1) / (1 + i)^t.

    >>> round(valeur_client(1000, 0.8, 0.10, 3), 2)  # 909,09 + 661,16 + 480,84
    2051.09
    >>> valeur_client(1000, 80, 0.10, 3)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: valeur_client() : taux attendu en décimal : 0,05 pour 5 % ;
    reçu taux_fidelite=80. Un taux s'écrit entre 0 et 1 : 0,8 pour 80 %. Écrivez
    taux_fidelite=0.8 pour 80 %.
    """
    return float(
        valeur_client_detail(marge_annuelle, taux_fidelite, taux_actualisation, duree)[
            "marge_actualisee"
        ].sum()
    )


def cout_acquisition_client(depenses: float, nouveaux_clients: float) -> float:
    """Coût d'acquisition d'un client = dépenses d'acquisition / nouveaux clients.

    >>> cout_acquisition_client(12000, 40)
    300.0
    >>> cout_acquisition_client(12000, 0)  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: cout_acquisition_client() : nouveaux_clients doit être
    strictement positif ; reçu 0. Une valeur nulle n'a pas de sens ici ...
    """
    fonction = "cout_acquisition_client"
    d = montant(depenses, "depenses", fonction)
    n = montant(nouveaux_clients, "nouveaux_clients", fonction, strictement_positif=True)
    return d / n


def retour_sur_investissement(gain: float, cout: float) -> float:
    """ROI = (marge générée − coût) / coût. ``gain`` est une **marge**, pas un chiffre d'affaires.

    >>> retour_sur_investissement(15000, 12000)  # (15 000 − 12 000) / 12 000
    0.25
    """
    fonction = "retour_sur_investissement"
    g = nombre_fini(gain, "gain", fonction)
    c = montant(cout, "cout", fonction, strictement_positif=True)
    return (g - c) / c


def taux_attrition(clients_perdus: float, clients_debut: float) -> float:
    """Taux d'attrition (*churn*) = clients perdus / clients en début de période.

    >>> taux_attrition(18, 240)
    0.075
    """
    fonction = "taux_attrition"
    perdus = montant(clients_perdus, "clients_perdus", fonction)
    debut = montant(clients_debut, "clients_debut", fonction, strictement_positif=True)
    if perdus > debut:
        raise ErreurCours(
            f"taux_attrition() : {perdus:g} clients perdus pour {debut:g} clients en début de "
            "période, c'est impossible. Les clients perdus font partie des clients du début."
        )
    return perdus / debut


# --------------------------------------------------------------------------- compte d'exploitation

#: Hypothèses de coût du compte d'exploitation client (modifiables par paramètre).
HYPOTHESES_COUTS: dict[str, float] = {
    # temps commercial (visites, appels, courriels, salons) : coût horaire chargé
    "cout_horaire_commercial": 35.0,
    # déplacements des visites : coût de revient du kilomètre (véhicule, carburant)
    "cout_km": 0.60,
    # logistique : préparation d'une commande (main-d'œuvre, emballage)
    "cout_preparation_commande": 12.0,
    # port payé par l'entreprise, en part du chiffre d'affaires HT
    "taux_transport": 0.03,
    # traitement d'une réclamation par le service client (hors geste commercial)
    "cout_traitement_reclamation": 40.0,
    # une relance d'impayé (temps, courrier, appel)
    "cout_relance": 8.0,
}

_POSTES = (
    ("ca_brut_ht", "Chiffre d'affaires brut HT (prix du tarif)"),
    ("remises", "− Remises accordées"),
    ("chiffre_affaires_ht", "= Chiffre d'affaires net HT"),
    ("cout_achat_marchandises", "− Coût d'achat des marchandises vendues"),
    ("marge_commerciale", "= Marge commerciale"),
    ("cout_contacts", "− Visites et contacts commerciaux (temps + km)"),
    ("cout_logistique", "− Logistique : préparation et port"),
    ("cout_reclamations", "− Réclamations : traitement et gestes commerciaux"),
    ("cout_relances", "− Relances d'impayés"),
    ("resultat_client", "= Résultat client"),
)


def _hypotheses(hypotheses: Mapping[str, float] | None) -> dict[str, float]:
    completes = dict(HYPOTHESES_COUTS)
    for cle, valeur in dict(hypotheses or {}).items():
        verifier_nom(str(cle), list(HYPOTHESES_COUTS), quoi="L'hypothèse de coût")
        if cle == "taux_transport":
            completes[cle] = taux(valeur, cle, "compte_exploitation_client")
        else:
            completes[cle] = montant(valeur, cle, "compte_exploitation_client")
    return completes


def _periode(debut: Any, fin: Any) -> tuple[_dt.date, _dt.date]:
    fin = pd.Timestamp(fin or donnees.DATE_REFERENCE).date()
    debut = pd.Timestamp(debut).date() if debut else fin - _dt.timedelta(days=364)
    if debut > fin:
        raise ErreurCours(
            f"compte_exploitation_client() : la période commence le {debut} après sa fin "
            f"({fin}). Inversez debut et fin."
        )
    return debut, fin


def compte_exploitation_client(
    id_client: int | None = None,
    debut: Any = None,
    fin: Any = None,
    hypotheses: Mapping[str, float] | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
) -> pd.DataFrame:
    """Compte d'exploitation de chaque client (ou d'un seul) sur une période, depuis la base.

    Par défaut : les 12 derniers mois jusqu'à la date d'arrêté (01/11/2025 → 31/10/2026).
    Une ligne par client ayant eu une activité (commande, contact, réclamation
    ou relance) dans la période, avec : ``nb_commandes``, ``ca_brut_ht`` (quantités
    × prix du tarif), ``remises``, ``chiffre_affaires_ht`` (commandes non annulées),
    ``cout_achat_marchandises`` (quantités × coût d'achat unitaire du catalogue 2026),
    ``marge_commerciale``, ``taux_marque`` (marge / CA HT), ``nb_contacts``,
    ``nb_visites``, ``cout_contacts`` (durée × coût horaire + km × coût du km),
    ``cout_logistique`` (commandes × coût de préparation + CA × taux de transport),
    ``nb_reclamations``, ``cout_reclamations`` (traitement + gestes commerciaux HT),
    ``nb_relances``, ``cout_relances``, ``resultat_client`` et ``taux_resultat``
    (résultat / CA HT). Les hypothèses de coût sont dans :data:`HYPOTHESES_COUTS`.

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> ligne = compte_exploitation_client(618).iloc[0]
    >>> bool(ligne.chiffre_affaires_ht - ligne.cout_achat_marchandises == ligne.marge_commerciale)
    True
    >>> compte_exploitation_client(618, hypotheses={"cout_visite": 50})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.NomInconnu: L'hypothèse de coût 'cout_visite' n'existe pas. ...
    """
    h = _hypotheses(hypotheses)
    d, f = _periode(debut, fin)
    df = _activite_clients(d, f, id_client, con)
    if id_client is not None and df.empty:
        raise ErreurCours(
            f"compte_exploitation_client() : aucune activité du client n° {id_client} entre le "
            f"{d:%d/%m/%Y} et le {f:%d/%m/%Y} (ou client inexistant). Vérifiez le numéro avec "
            "gc.requete('SELECT * FROM clients WHERE id_client = …') ou élargissez la période."
        )
    return _appliquer_couts(df, h)


def _activite_clients(
    debut: _dt.date,
    fin: _dt.date,
    id_client: int | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
) -> pd.DataFrame:
    """Les quantités du compte d'exploitation (ventes, contacts, réclamations, relances).

    Séparées des hypothèses de coût pour qu'un widget les lise une fois puis recalcule
    le compte à chaque curseur sans interroger la base.
    """

    filtre = ""
    if id_client is not None:
        filtre = f"AND id_client = {int(nombre_fini(id_client, 'id_client', 'compte'))}"
    periode = f"BETWEEN DATE '{debut.isoformat()}' AND DATE '{fin.isoformat()}'"
    sql = f"""
    WITH ventes AS (
      SELECT co.id_client, count(DISTINCT co.id_commande) AS nb_commandes,
             sum(l.quantite * l.prix_unitaire_ht)::DOUBLE AS ca_brut_ht,
             sum(l.montant_ht)::DOUBLE AS chiffre_affaires_ht,
             sum(l.quantite * p.cout_achat_ht)::DOUBLE AS cout_achat_marchandises
      FROM commandes AS co
      JOIN lignes_commande AS l USING (id_commande)
      JOIN produits AS p USING (id_produit)
      WHERE co.statut <> 'annulée' AND co.date_commande {periode} {filtre}
      GROUP BY co.id_client
    ), ctc AS (
      SELECT id_client, count(*) AS nb_contacts,
             count(*) FILTER (WHERE type_contact = 'visite') AS nb_visites,
             sum(duree_minutes)::DOUBLE AS minutes, sum(km_parcourus)::DOUBLE AS km
      FROM contacts WHERE id_client IS NOT NULL AND date_contact {periode} {filtre}
      GROUP BY id_client
    ), rec AS (
      SELECT id_client, count(*) AS nb_reclamations, sum(geste_commercial_ht)::DOUBLE AS gestes
      FROM reclamations WHERE date_reclamation {periode} {filtre}
      GROUP BY id_client
    ), rel AS (
      SELECT id_client, count(*) AS nb_relances
      FROM relances JOIN factures USING (id_facture)
      WHERE date_relance {periode} {filtre}
      GROUP BY id_client
    ), actifs AS (
      SELECT id_client FROM ventes UNION SELECT id_client FROM ctc
      UNION SELECT id_client FROM rec UNION SELECT id_client FROM rel
    )
    SELECT c.id_client, coalesce(c.raison_sociale, c.prenom || ' ' || c.nom) AS client,
           c.type_client, c.secteur_activite,
           coalesce(v.nb_commandes, 0) AS nb_commandes,
           coalesce(v.ca_brut_ht, 0) AS ca_brut_ht,
           coalesce(v.chiffre_affaires_ht, 0) AS chiffre_affaires_ht,
           coalesce(v.cout_achat_marchandises, 0) AS cout_achat_marchandises,
           coalesce(t.nb_contacts, 0) AS nb_contacts, coalesce(t.nb_visites, 0) AS nb_visites,
           coalesce(t.minutes, 0) AS minutes, coalesce(t.km, 0) AS km,
           coalesce(r.nb_reclamations, 0) AS nb_reclamations, coalesce(r.gestes, 0) AS gestes,
           coalesce(re.nb_relances, 0) AS nb_relances
    FROM actifs JOIN clients AS c USING (id_client)
    LEFT JOIN ventes AS v USING (id_client) LEFT JOIN ctc AS t USING (id_client)
    LEFT JOIN rec AS r USING (id_client) LEFT JOIN rel AS re USING (id_client)
    ORDER BY chiffre_affaires_ht DESC, c.id_client
    """
    df = donnees.requete(sql, con)
    for colonne in ("nb_commandes", "nb_contacts", "nb_visites", "nb_reclamations", "nb_relances"):
        df[colonne] = df[colonne].astype(int)
    return df


def _appliquer_couts(activite: pd.DataFrame, hypotheses: Mapping[str, float]) -> pd.DataFrame:
    """Le compte d'exploitation à partir des quantités et des hypothèses de coût complètes."""
    h = hypotheses
    df = activite.copy()
    df["remises"] = df["ca_brut_ht"] - df["chiffre_affaires_ht"]
    df["marge_commerciale"] = df["chiffre_affaires_ht"] - df["cout_achat_marchandises"]
    ca = df["chiffre_affaires_ht"].where(df["chiffre_affaires_ht"] != 0)
    df["taux_marque"] = df["marge_commerciale"] / ca
    df["cout_contacts"] = (
        df["minutes"] / 60 * h["cout_horaire_commercial"] + df["km"] * h["cout_km"]
    )
    df["cout_logistique"] = (
        df["nb_commandes"] * h["cout_preparation_commande"]
        + df["chiffre_affaires_ht"] * h["taux_transport"]
    )
    df["cout_reclamations"] = (
        df["nb_reclamations"] * h["cout_traitement_reclamation"] + df["gestes"]
    )
    df["cout_relances"] = df["nb_relances"] * h["cout_relance"]
    df["resultat_client"] = df["marge_commerciale"] - df[
        ["cout_contacts", "cout_logistique", "cout_reclamations", "cout_relances"]
    ].sum(axis=1)
    df["taux_resultat"] = df["resultat_client"] / ca
    colonnes = [
        "id_client",
        "client",
        "type_client",
        "secteur_activite",
        "nb_commandes",
        "ca_brut_ht",
        "remises",
        "chiffre_affaires_ht",
        "cout_achat_marchandises",
        "marge_commerciale",
        "taux_marque",
        "nb_contacts",
        "nb_visites",
        "cout_contacts",
        "cout_logistique",
        "nb_reclamations",
        "cout_reclamations",
        "nb_relances",
        "cout_relances",
        "resultat_client",
        "taux_resultat",
    ]
    return df[colonnes].reset_index(drop=True)


def presenter_compte_exploitation(ligne: pd.Series | pd.DataFrame) -> pd.DataFrame:
    """Le compte d'exploitation d'un client en colonne : poste, montant, part du CA net.

    ``ligne`` : une ligne de :func:`compte_exploitation_client` (ou la table d'un seul client).

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> presenter_compte_exploitation(compte_exploitation_client(618))["poste"].iloc[-1]
    '= Résultat client'
    """
    if isinstance(ligne, pd.DataFrame):
        if len(ligne) != 1:
            raise ErreurCours(
                "presenter_compte_exploitation() attend le compte d'UN client ; reçu une table de "
                f"{len(ligne)} lignes. Choisissez-en une : table.iloc[0] ou "
                "table[table['id_client'] == 618]."
            )
        ligne = ligne.iloc[0]
    manquants = [cle for cle, _ in _POSTES if cle not in ligne.index]
    if manquants:
        raise ErreurCours(
            "presenter_compte_exploitation() attend une ligne de gc.compte_exploitation_client() ; "
            f"il manque : {', '.join(manquants)}."
        )
    ca = float(ligne["chiffre_affaires_ht"])
    montants = [float(ligne[cle]) for cle, _ in _POSTES]
    return pd.DataFrame(
        {
            "poste": [libelle for _, libelle in _POSTES],
            "montant": montants,
            "part_ca": [m / ca if ca else float("nan") for m in montants],
        }
    )


# --------------------------------------------------------------------------- potentiel, qualification


def potentiel_client(
    ca_reel: Any, ca_potentiel: Any, taux_accessible: float = 1.0
) -> pd.Series | pd.DataFrame:
    """Valeur réelle, potentielle et potentielle accessible d'un client (ou de plusieurs).

    - ``ca_potentiel`` : ce que le client achète (ou achèterait) en tout, à tous ses
      fournisseurs, pour nos familles de produits ;
    - ``potentiel_accessible`` = potentiel × ``taux_accessible`` (la part qu'on peut
      raisonnablement obtenir : concurrence, contrats, capacité de l'entreprise) ;
    - ``part_de_portefeuille`` (*share of wallet*) = CA réel / CA potentiel ;
    - ``potentiel_restant`` = potentiel accessible − CA réel (0 si déjà atteint).

    Nombres → Series ; Series (plusieurs clients) → DataFrame.

    >>> potentiel_client(12000, 40000, 0.5)
    ca_reel                 12000.0
    ca_potentiel            40000.0
    potentiel_accessible    20000.0
    part_de_portefeuille        0.3
    potentiel_restant        8000.0
    dtype: float64
    """
    fonction = "potentiel_client"
    t = taux(taux_accessible, "taux_accessible", fonction)
    reel = pd.to_numeric(pd.Series(ca_reel) if not _scalaire(ca_reel) else pd.Series([ca_reel]))
    pot = pd.to_numeric(
        pd.Series(ca_potentiel) if not _scalaire(ca_potentiel) else pd.Series([ca_potentiel])
    )
    if (reel < 0).any() or (pot <= 0).any():
        raise ErreurCours(
            "potentiel_client() : le CA réel doit être positif ou nul et le CA potentiel "
            "strictement positif (un potentiel inconnu ne s'estime pas à 0 : écartez ce client)."
        )
    resultat = pd.DataFrame(
        {"ca_reel": reel.astype(float).values, "ca_potentiel": pot.astype(float).values},
        index=reel.index if not _scalaire(ca_reel) else None,
    )
    resultat["potentiel_accessible"] = resultat["ca_potentiel"] * t
    resultat["part_de_portefeuille"] = resultat["ca_reel"] / resultat["ca_potentiel"]
    resultat["potentiel_restant"] = (resultat["potentiel_accessible"] - resultat["ca_reel"]).clip(
        lower=0
    )
    if _scalaire(ca_reel) and _scalaire(ca_potentiel):
        return resultat.iloc[0].rename(None)
    return resultat


def _scalaire(x: Any) -> bool:
    return not isinstance(x, pd.Series | list | tuple | pd.Index) and not hasattr(x, "__len__")


def qualifier_client(
    ca_reel: Any, part_de_portefeuille: Any, seuil_ca: float, seuil_part: float = 0.5
) -> Any:
    """Qualifie un client selon sa valeur actuelle (CA) et la part de son potentiel déjà prise.

    - CA ≥ seuil et part ≥ seuil_part : « client clé : fidéliser » ;
    - CA ≥ seuil et part < seuil_part : « à développer : gros potentiel restant » ;
    - CA < seuil et part < seuil_part : « à conquérir : potentiel inexploité » ;
    - CA < seuil et part ≥ seuil_part : « à suivre à moindre coût ».

    >>> qualifier_client(30000, 0.8, seuil_ca=10000)
    'client clé : fidéliser'
    >>> qualifier_client(pd.Series([30000, 2000]), pd.Series([0.2, 0.9]), 10000).tolist()
    ['à développer : gros potentiel restant', 'à suivre à moindre coût']
    """
    s = montant(seuil_ca, "seuil_ca", "qualifier_client")
    p = taux(seuil_part, "seuil_part", "qualifier_client")

    def une(ca: float, part: float) -> str:
        if ca >= s:
            return (
                "client clé : fidéliser" if part >= p else "à développer : gros potentiel restant"
            )
        return "à suivre à moindre coût" if part >= p else "à conquérir : potentiel inexploité"

    if _scalaire(ca_reel):
        return une(float(ca_reel), float(part_de_portefeuille))
    ca = pd.Series(ca_reel)
    parts = pd.Series(part_de_portefeuille, index=ca.index)
    return pd.Series([une(a, b) for a, b in zip(ca, parts, strict=True)], index=ca.index)


def valeur_prospects(con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Valeur espérée des prospects en cours : potentiel × probabilité de conversion.

    La probabilité est le **taux de conversion historique de leur origine** (prospects
    clos : convertis / (convertis + perdus)) ; la marge espérée applique le taux de
    marque moyen de l'entreprise sur les 12 derniers mois. Colonnes : ``id_prospect``,
    ``raison_sociale``, ``secteur_activite``, ``origine``, ``nb_visites``,
    ``ca_potentiel_annuel``, ``taux_conversion_origine``, ``ca_espere``,
    ``marge_esperee``, triées par CA espéré décroissant.

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> v = valeur_prospects()
    >>> bool((v["ca_espere"] <= v["ca_potentiel_annuel"]).all())
    True
    """
    debut = donnees.DATE_REFERENCE - _dt.timedelta(days=364)
    sql = f"""
    WITH taux AS (
      SELECT origine,
             count(*) FILTER (WHERE statut = 'converti')::DOUBLE
               / count(*) FILTER (WHERE statut IN ('converti', 'perdu')) AS taux_conversion_origine
      FROM prospects GROUP BY origine
    ), marque AS (
      SELECT sum(l.montant_ht - l.quantite * p.cout_achat_ht)::DOUBLE
               / sum(l.montant_ht)::DOUBLE AS taux_marque
      FROM lignes_commande AS l JOIN commandes AS c USING (id_commande)
      JOIN produits AS p USING (id_produit)
      WHERE c.statut <> 'annulée' AND c.date_commande >= DATE '{debut.isoformat()}'
    )
    SELECT p.id_prospect, p.raison_sociale, p.secteur_activite, p.origine, p.statut,
           p.nb_visites, p.ca_potentiel_annuel::DOUBLE AS ca_potentiel_annuel,
           t.taux_conversion_origine,
           p.ca_potentiel_annuel * t.taux_conversion_origine AS ca_espere,
           p.ca_potentiel_annuel * t.taux_conversion_origine * m.taux_marque AS marge_esperee
    FROM prospects AS p JOIN taux AS t USING (origine), marque AS m
    WHERE p.statut IN ('nouveau', 'en cours')
    ORDER BY ca_espere DESC, p.id_prospect
    """
    return donnees.requete(sql, con)


def score_valeur(
    donnees_clients: pd.DataFrame, criteres: Mapping[str, tuple[float, list[float]]]
) -> pd.Series:
    """Score de valeur sur 20 d'après une grille pondérée.

    ``criteres`` : ``{colonne: (poids, seuils)}``. Pour chaque critère, la note est le
    nombre de seuils atteints (valeur ≥ seuil), de 0 à ``len(seuils)`` ; le score est
    Σ poids × note / Σ poids × note maximale, ramené sur 20.

    >>> df = pd.DataFrame({"ca": [25000, 8000], "anciennete": [6, 1]})
    >>> score_valeur(df, {"ca": (3, [5000, 10000, 20000]), "anciennete": (1, [2, 5])}).tolist()
    [20.0, 5.454545454545454]
    """
    if not isinstance(donnees_clients, pd.DataFrame) or donnees_clients.empty:
        raise ErreurCours("score_valeur() attend une table (DataFrame) non vide de clients.")
    if not criteres:
        raise ErreurCours(
            "score_valeur() : donnez au moins un critère, par exemple "
            "{'chiffre_affaires_ht': (3, [5000, 10000, 20000])}."
        )
    total = pd.Series(0.0, index=donnees_clients.index)
    maximum = 0.0
    for colonne, regle in criteres.items():
        verifier_nom(str(colonne), [str(c) for c in donnees_clients.columns])
        try:
            poids, seuils = regle
        except (TypeError, ValueError):
            raise ErreurCours(
                f"score_valeur() : le critère '{colonne}' s'écrit (poids, [seuils]), par exemple "
                f"(2, [1000, 5000]) ; reçu {regle!r}."
            ) from None
        poids = montant(poids, f"le poids de '{colonne}'", "score_valeur", strictement_positif=True)
        seuils = sorted(float(s) for s in seuils)
        if not seuils:
            raise ErreurCours(f"score_valeur() : le critère '{colonne}' n'a aucun seuil.")
        valeurs = pd.to_numeric(donnees_clients[colonne]).fillna(float("-inf"))
        note = sum((valeurs >= s).astype(float) for s in seuils)
        total += poids * note
        maximum += poids * len(seuils)
    return total / maximum * 20
