"""Organisation de la prospection : distances, tournées, planning, relances et ratios.

Conventions du cours (DESIGN §4) :

- **distance** entre deux points GPS : à vol d'oiseau, formule de haversine sur une
  Terre sphérique de rayon 6 371 km (la route est plus longue, d'un facteur
  ``coefficient_route`` à préciser : 1,3 par défaut dans les tournées) ;
- **tournée** : départ et retour à la ville de rattachement du commercial ; l'ordre
  optimisé est cherché avec ``networkx`` (algorithme de Christofides) puis amélioré
  par 2-opt (on inverse un morceau du trajet tant que cela raccourcit la tournée) ;
- **ratios de prospection** : joignabilité = contacts / fichier ; taux de RDV =
  RDV / contacts ; transformation = ventes / RDV ; rendement de la prospection =
  nouveaux clients / visites de prospection ; effort de prospection = visites de
  prospection / visites.

>>> round(distance_km(50.6942, 3.1746, 48.8566, 2.3522), 1)  # Roubaix → Paris, à vol d'oiseau
212.7
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from . import donnees
from ._erreurs import ErreurCours
from ._verif_montants import colonnes_requises, entier_positif, montant, nombre_fini
from .formats import _en_date

__all__ = [
    "RAYON_TERRE_KM",
    "distance_km",
    "matrice_distances",
    "longueur_tournee",
    "Tournee",
    "tournee_optimisee",
    "planifier_tournees",
    "ratios_prospection",
    "ratios_par_commercial",
    "PROCHAINES_ACTIONS",
    "actions_a_relancer",
]

RAYON_TERRE_KM = 6371.0


# --------------------------------------------------------------------------- distances


def _coordonnee(x: Any, nom: str, fonction: str, limite: float) -> float:
    valeur = nombre_fini(x, nom, fonction)
    if abs(valeur) > limite:
        raise ErreurCours(
            f"{fonction}() : {nom} vaut {valeur:g}, hors de [−{limite:g} ; {limite:g}]. "
            "Une latitude est entre −90 et 90, une longitude entre −180 et 180, en degrés "
            "décimaux (Roubaix : latitude 50.69, longitude 3.17). Avez-vous inversé les deux ?"
        )
    return valeur


def distance_km(
    latitude_1: float, longitude_1: float, latitude_2: float, longitude_2: float
) -> float:
    """Distance à vol d'oiseau entre deux points GPS, en km (formule de haversine).

    :math:`d = 2R \\arcsin\\sqrt{\\sin^2\\frac{\\Delta\\varphi}{2} + \\cos\\varphi_1
    \\cos\\varphi_2 \\sin^2\\frac{\\Delta\\lambda}{2}}` avec R = 6 371 km.

    >>> round(distance_km(0, 0, 0, 1), 2)  # 1 degré sur l'équateur : 2π × 6 371 / 360
    111.19
    >>> distance_km(50.69, 3.17, 200, 2.35)
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: distance_km() : latitude_2 vaut 200, hors de [−90 ; 90]. \
Une latitude est entre −90 et 90, une longitude entre −180 et 180, en degrés décimaux \
(Roubaix : latitude 50.69, longitude 3.17). Avez-vous inversé les deux ?
    """
    f = "distance_km"
    phi1 = math.radians(_coordonnee(latitude_1, "latitude_1", f, 90))
    lam1 = math.radians(_coordonnee(longitude_1, "longitude_1", f, 180))
    phi2 = math.radians(_coordonnee(latitude_2, "latitude_2", f, 90))
    lam2 = math.radians(_coordonnee(longitude_2, "longitude_2", f, 180))
    h = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin((lam2 - lam1) / 2) ** 2
    )
    return 2 * RAYON_TERRE_KM * math.asin(math.sqrt(min(1.0, h)))


def _points(points: pd.DataFrame, nom: str | None, fonction: str) -> pd.DataFrame:
    colonnes_requises(points, ("latitude", "longitude"), "points", fonction)
    if len(points) == 0:
        raise ErreurCours(f"{fonction}() : la table des points est vide ; choisissez des lieux.")
    if nom is not None:
        colonnes_requises(points, (nom,), "points", fonction)
    for colonne, limite in (("latitude", 90), ("longitude", 180)):
        valeurs = pd.to_numeric(points[colonne], errors="coerce")
        if valeurs.isna().any() or (valeurs.abs() > limite).any():
            raise ErreurCours(
                f"{fonction}() : la colonne {colonne} doit contenir des degrés décimaux "
                f"(entre −{limite} et {limite}), sans case vide ; vérifiez les lignes "
                f"{list(points.index[valeurs.isna() | (valeurs.abs() > limite)])[:5]}."
            )
    return points


def matrice_distances(points: pd.DataFrame, nom: str | None = None) -> pd.DataFrame:
    """Matrice des distances à vol d'oiseau (km) entre les lieux de ``points``.

    ``points`` a les colonnes ``latitude`` et ``longitude`` ; ``nom`` (facultatif) est la
    colonne qui étiquette lignes et colonnes (sinon l'index de la table).

    >>> villes = pd.DataFrame({"ville": ["Roubaix", "Lille", "Paris"],
    ...                        "latitude": [50.6942, 50.6292, 48.8566],
    ...                        "longitude": [3.1746, 3.0573, 2.3522]})
    >>> matrice_distances(villes, "ville").round(1)
             Roubaix  Lille  Paris
    Roubaix      0.0   11.0  212.7
    Lille       11.0    0.0  203.5
    Paris      212.7  203.5    0.0
    """
    points = _points(points, nom, "matrice_distances")
    phi = np.radians(points["latitude"].to_numpy(dtype=float))
    lam = np.radians(points["longitude"].to_numpy(dtype=float))
    # Même formule que distance_km, calculée d'un coup pour toutes les paires.
    h = (
        np.sin((phi[:, None] - phi[None, :]) / 2) ** 2
        + np.cos(phi[:, None])
        * np.cos(phi[None, :])
        * np.sin((lam[:, None] - lam[None, :]) / 2) ** 2
    )
    d = 2 * RAYON_TERRE_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
    etiquettes = points[nom].tolist() if nom is not None else points.index.tolist()
    return pd.DataFrame(d, index=etiquettes, columns=etiquettes)


def longueur_tournee(distances: pd.DataFrame | np.ndarray, ordre: Sequence[int]) -> float:
    """Longueur d'une tournée fermée qui visite les lieux dans ``ordre`` (positions 0, 1…)
    et revient au premier.

    >>> d = np.array([[0, 3, 4], [3, 0, 5], [4, 5, 0]])
    >>> longueur_tournee(d, [0, 1, 2])  # 3 + 5 + 4
    12.0
    """
    m = np.asarray(distances, dtype=float)
    ordre = list(ordre)
    return float(sum(m[a, b] for a, b in zip(ordre, ordre[1:] + ordre[:1], strict=True)))


# --------------------------------------------------------------------------- tournée optimisée


def _deux_opt(m: np.ndarray, ordre: list[int]) -> list[int]:
    """Amélioration 2-opt : inverse un segment tant que la tournée raccourcit (départ fixe)."""
    n = len(ordre)
    ameliore = True
    while ameliore:
        ameliore = False
        for i in range(1, n - 1):
            for j in range(i + 1, n):
                a, b = ordre[i - 1], ordre[i]
                c, d = ordre[j], ordre[(j + 1) % n]
                # Remplacer les arêtes a-b et c-d par a-c et b-d raccourcit-il ?
                if m[a, c] + m[b, d] < m[a, b] + m[c, d] - 1e-9:
                    ordre[i : j + 1] = reversed(ordre[i : j + 1])
                    ameliore = True
    return ordre


def _ordre_optimise(m: np.ndarray) -> list[int]:
    n = len(m)
    if n <= 3:  # toutes les tournées de 3 lieux ont la même longueur
        return list(range(n))
    import networkx as nx  # chargé ici : import gc_helpers reste léger
    from networkx.algorithms import approximation

    graphe = nx.Graph()
    for i in range(n):
        for j in range(i + 1, n):
            graphe.add_edge(i, j, weight=float(m[i, j]))
    # Graphe complet et distances qui respectent l'inégalité triangulaire : Christofides
    # s'applique directement (sans le détour de traveling_salesman_problem par les plus
    # courts chemins, inutile ici et dix fois plus lent).
    cycle = approximation.christofides(graphe, weight="weight")[:-1]
    # Le cycle est tourné pour partir du lieu 0 (la base du commercial).
    debut = cycle.index(0)
    return _deux_opt(m, cycle[debut:] + cycle[:debut])


@dataclass(frozen=True)
class Tournee:
    """Une tournée : ordre optimisé comparé à l'ordre de départ (« naïf »).

    - ``etapes`` : une ligne par lieu dans l'ordre de visite (``rang``, le nom,
      ``latitude``, ``longitude``, ``km_etape`` depuis le lieu précédent,
      ``km_cumules``), plus le retour à la base ;
    - ``km`` et ``km_naif`` : longueurs sur route (vol d'oiseau × coefficient_route) ;
    - ``km_economises``, ``cout_economise`` (× ``cout_km``), ``part_economisee``.
    """

    etapes: pd.DataFrame
    ordre: list[Any]
    ordre_naif: list[Any]
    km: float
    km_naif: float
    cout_km: float

    @property
    def km_economises(self) -> float:
        return self.km_naif - self.km

    @property
    def cout_economise(self) -> float:
        return self.km_economises * self.cout_km

    @property
    def part_economisee(self) -> float:
        return self.km_economises / self.km_naif if self.km_naif else 0.0


def tournee_optimisee(
    points: pd.DataFrame,
    nom: str,
    coefficient_route: float = 1.3,
    cout_km: float = 0.60,
    optimiser: bool = True,
) -> Tournee:
    """Ordonne les visites d'une tournée fermée qui part du premier lieu (la base) et y revient.

    ``points`` : la base en première ligne puis les lieux à visiter, dans l'ordre
    « naïf » (celui de la liste) ; colonnes ``latitude``, ``longitude`` et ``nom``.
    Les km sur route sont estimés par vol d'oiseau × ``coefficient_route`` ; le coût
    du km (véhicule, carburant) vaut 0,60 € par défaut, comme dans le compte
    d'exploitation client du cours.

    >>> carre = pd.DataFrame({"lieu": ["Base", "B", "C", "D"],
    ...                       "latitude": [0, 0, 1, 1], "longitude": [0, 1, 0, 1]})
    >>> t = tournee_optimisee(carre, "lieu", coefficient_route=1)  # la liste croise : A-B-C-D
    >>> t.ordre  # le tour du carré (dans un sens ou dans l'autre)
    ['Base', 'C', 'D', 'B']
    >>> round(t.km, 1), round(t.km_naif, 1)  # contre deux côtés et deux diagonales
    (444.8, 536.9)
    """
    fonction = "tournee_optimisee"
    points = _points(points, nom, fonction).reset_index(drop=True)
    coef = nombre_fini(coefficient_route, "coefficient_route", fonction)
    if not 1 <= coef <= 3:
        raise ErreurCours(
            f"{fonction}() : coefficient_route vaut {coef:g} ; il passe du vol d'oiseau à la "
            "route et vaut entre 1 et 3 (1,3 en général)."
        )
    cout = montant(cout_km, "cout_km", fonction)
    m = matrice_distances(points).to_numpy() * coef
    naif = list(range(len(points)))
    ordre = _ordre_optimise(m) if optimiser else naif
    suite = ordre + [ordre[0]]
    etapes = points.iloc[suite][[nom, "latitude", "longitude"]].reset_index(drop=True)
    etapes.insert(0, "rang", range(len(etapes)))
    etapes["km_etape"] = [0.0] + [float(m[a, b]) for a, b in zip(suite, suite[1:], strict=False)]
    etapes["km_cumules"] = etapes["km_etape"].cumsum()
    return Tournee(
        etapes=etapes,
        ordre=points[nom].iloc[ordre].tolist(),
        ordre_naif=points[nom].tolist(),
        km=longueur_tournee(m, ordre),
        km_naif=longueur_tournee(m, naif),
        cout_km=cout,
    )


# --------------------------------------------------------------------------- planning et partage


def _jours_ouvres(debut: _dt.date, n: int) -> list[_dt.date]:
    jours, jour = [], debut
    while len(jours) < n:
        if jour.weekday() < 5:  # du lundi au vendredi
            jours.append(jour)
        jour += _dt.timedelta(days=1)
    return jours


def planifier_tournees(
    prospects: pd.DataFrame, date_debut: Any, visites_par_jour: int = 4
) -> pd.DataFrame:
    """Répartit des visites (dans l'ordre de la table) sur des jours ouvrés successifs.

    Ajoute ``jour`` (1, 2…), ``date_visite`` (lundi → vendredi, à partir de
    ``date_debut``) et ``ordre_du_jour``. La table est le plus souvent l'ordre d'une
    tournée optimisée, découpé en journées.

    >>> p = pd.DataFrame({"id_prospect": [11, 12, 13, 14, 15]})
    >>> planifier_tournees(p, "2026-11-05", visites_par_jour=2).to_string(index=False)
    ' id_prospect  jour date_visite  ordre_du_jour\\n          11     1  2026-11-05              1\\n\
          12     1  2026-11-05              2\\n          13     2  2026-11-06              1\\n\
          14     2  2026-11-06              2\\n          15     3  2026-11-09              1'
    """
    fonction = "planifier_tournees"
    if not isinstance(prospects, pd.DataFrame) or prospects.empty:
        raise ErreurCours(f"{fonction}() : prospects doit être une table non vide.")
    par_jour = entier_positif(visites_par_jour, "visites_par_jour", fonction)
    debut = _en_date(date_debut, fonction)
    if debut is None:
        raise ErreurCours(f"{fonction}() : date_debut manque ; exemple : '2026-11-05'.")
    plan = prospects.reset_index(drop=True).copy()
    rangs = np.arange(len(plan))
    plan["jour"] = rangs // par_jour + 1
    jours = _jours_ouvres(debut, int(plan["jour"].max()))
    plan["date_visite"] = [jours[j - 1] for j in plan["jour"]]
    plan["ordre_du_jour"] = rangs % par_jour + 1
    return plan


# --------------------------------------------------------------------------- relances (CRM)

# Résultat du dernier contact → (prochaine action, délai en jours).
PROCHAINES_ACTIONS: dict[str, tuple[str, int]] = {
    "à relancer": ("rappeler le prospect", 7),
    "rendez-vous obtenu": ("confirmer et préparer la visite", 3),
    "sans suite": ("nouvelle tentative de contact", 90),
    "commande": ("appel de suivi de la première commande", 15),
}


def actions_a_relancer(
    date: Any = None,
    id_commercial: int | None = None,
    horizon_jours: int = 0,
    con: duckdb.DuckDBPyConnection | None = None,
) -> pd.DataFrame:
    """Les prochaines actions dues sur les prospects en cours, comme un CRM les affiche.

    Pour chaque prospect au statut « nouveau » ou « en cours », le dernier contact
    donne la prochaine action et son échéance (:data:`PROCHAINES_ACTIONS`). Sont
    gardées les actions dont l'échéance tombe au plus tard ``horizon_jours`` après
    ``date`` (par défaut ``gc.DATE_REFERENCE``), les plus en retard d'abord
    (``retard_jours`` > 0 : l'échéance est dépassée).

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> a = actions_a_relancer()
    >>> bool((a["echeance"] <= gc.DATE_REFERENCE).all())
    True
    """
    fonction = "actions_a_relancer"
    jour = _en_date(date, fonction) or donnees.DATE_REFERENCE
    horizon = int(montant(horizon_jours, "horizon_jours", fonction))
    filtre = ""
    if id_commercial is not None:
        filtre = f"AND p.id_commercial = {entier_positif(id_commercial, 'id_commercial', fonction)}"
    sql = f"""
        SELECT p.id_prospect, p.raison_sociale, p.ville, p.telephone, p.id_commercial,
               p.statut, c.date_contact AS dernier_contact, c.type_contact, c.resultat
        FROM prospects AS p
        JOIN contacts AS c ON c.id_prospect = p.id_prospect
        WHERE p.statut IN ('nouveau', 'en cours') AND c.date_contact <= DATE '{jour.isoformat()}'
              {filtre}
        QUALIFY row_number() OVER (PARTITION BY p.id_prospect
                                   ORDER BY c.date_contact DESC, c.id_contact DESC) = 1
    """
    df = donnees.requete(sql, con)
    actions = df["resultat"].map(lambda r: PROCHAINES_ACTIONS[r][0])
    delais = df["resultat"].map(lambda r: PROCHAINES_ACTIONS[r][1])
    df["prochaine_action"] = actions
    df["echeance"] = [
        pd.Timestamp(d).date() + _dt.timedelta(days=int(n))
        for d, n in zip(df["dernier_contact"], delais, strict=True)
    ]
    df["dernier_contact"] = [pd.Timestamp(d).date() for d in df["dernier_contact"]]
    df["retard_jours"] = [(jour - e).days for e in df["echeance"]]
    df = df[df["retard_jours"] >= -horizon]
    return df.sort_values(["echeance", "id_prospect"]).reset_index(drop=True)


# --------------------------------------------------------------------------- ratios


def ratios_prospection(
    fichier: float,
    contacts: float,
    rdv: float,
    ventes: float,
    visites_prospection: float,
    visites: float,
) -> pd.Series:
    """Les cinq ratios de la prospection (taux décimaux).

    - ``joignabilite`` = contacts / fichier ;
    - ``taux_rdv`` = RDV / contacts ;
    - ``transformation`` = ventes / RDV ;
    - ``rendement`` = nouveaux clients (ventes) / visites de prospection ;
    - ``effort`` = visites de prospection / visites (toutes visites).

    >>> ratios_prospection(400, 300, 60, 15, 50, 250).tolist()
    [0.75, 0.2, 0.25, 0.3, 0.2]
    """
    f = "ratios_prospection"
    valeurs = {
        "fichier": montant(fichier, "fichier", f, strictement_positif=True),
        "contacts": montant(contacts, "contacts", f),
        "rdv": montant(rdv, "rdv", f),
        "ventes": montant(ventes, "ventes", f),
        "visites_prospection": montant(visites_prospection, "visites_prospection", f),
        "visites": montant(visites, "visites", f),
    }
    for petit, grand in (
        ("contacts", "fichier"),
        ("rdv", "contacts"),
        ("visites_prospection", "visites"),
    ):
        if valeurs[petit] > valeurs[grand]:
            raise ErreurCours(
                f"{f}() : {petit} ({valeurs[petit]:g}) dépasse {grand} ({valeurs[grand]:g}). "
                f"Les {petit.replace('_', ' ')} font partie des {grand.replace('_', ' ')} : "
                "vérifiez les chiffres ou l'ordre des arguments."
            )

    def ratio(a: str, b: str) -> float:
        return valeurs[a] / valeurs[b] if valeurs[b] else float("nan")

    return pd.Series(
        {
            "joignabilite": ratio("contacts", "fichier"),
            "taux_rdv": ratio("rdv", "contacts"),
            "transformation": ratio("ventes", "rdv"),
            "rendement": ratio("ventes", "visites_prospection"),
            "effort": ratio("visites_prospection", "visites"),
        },
        name="ratios_prospection",
    )


def ratios_par_commercial(
    debut: Any = None, fin: Any = None, con: duckdb.DuckDBPyConnection | None = None
) -> pd.DataFrame:
    """Comptages et ratios de prospection de chaque commercial, sur les données du cours.

    Le fichier est l'ensemble des prospects dont le premier contact tombe entre
    ``debut`` et ``fin`` (par défaut : tous). Pour ces prospects :

    - ``contacts`` : prospects joints, c'est-à-dire avec au moins un échange de vive voix
      (téléphone, visite ou salon ; un courriel envoyé ne prouve pas qu'on les a joints) ;
    - ``rdv`` : prospects avec au moins un contact « rendez-vous obtenu » ;
    - ``ventes`` : prospects convertis en clients ;
    - ``visites_prospection`` : visites du commercial chez des prospects entre ``debut`` et
      ``fin`` ;
    - ``visites`` : toutes ses visites sur la même période (clients et prospects).

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> r = ratios_par_commercial()
    >>> list(r.columns[-5:])
    ['joignabilite', 'taux_rdv', 'transformation', 'rendement', 'effort']
    """
    conditions_p, conditions_v = ["TRUE"], ["c.type_contact = 'visite'"]
    for borne, signe in ((debut, ">="), (fin, "<=")):
        if borne is not None:
            jour = _en_date(borne, "ratios_par_commercial").isoformat()
            conditions_p.append(f"p.date_premier_contact {signe} DATE '{jour}'")
            conditions_v.append(f"c.date_contact {signe} DATE '{jour}'")
    sql = f"""
        WITH fichier AS (
            SELECT p.id_prospect, p.id_commercial, p.statut = 'converti' AS vendu,
                   bool_or(c.type_contact IN ('téléphone', 'visite', 'salon')) AS joint,
                   bool_or(c.resultat = 'rendez-vous obtenu') AS rdv
            FROM prospects AS p
            LEFT JOIN contacts AS c ON c.id_prospect = p.id_prospect
            WHERE {" AND ".join(conditions_p)}
            GROUP BY ALL
        ),
        toutes_visites AS (
            SELECT c.id_commercial, count(*) AS visites,
                   count(*) FILTER (WHERE c.id_prospect IS NOT NULL) AS visites_prospection
            FROM contacts AS c
            WHERE {" AND ".join(conditions_v)}
            GROUP BY ALL
        )
        SELECT m.id_commercial, m.prenom || ' ' || m.nom AS commercial, m.secteur,
               count(f.id_prospect) AS fichier,
               count(*) FILTER (WHERE f.joint) AS contacts,
               count(*) FILTER (WHERE f.rdv) AS rdv,
               count(*) FILTER (WHERE f.vendu) AS ventes,
               coalesce(any_value(v.visites_prospection), 0) AS visites_prospection,
               coalesce(any_value(v.visites), 0) AS visites
        FROM commerciaux AS m
        LEFT JOIN fichier AS f ON f.id_commercial = m.id_commercial
        LEFT JOIN toutes_visites AS v ON v.id_commercial = m.id_commercial
        GROUP BY ALL
        HAVING count(f.id_prospect) > 0
        ORDER BY m.id_commercial
    """
    comptes = donnees.requete(sql, con)
    colonnes = ["fichier", "contacts", "rdv", "ventes", "visites_prospection", "visites"]
    comptes[colonnes] = comptes[colonnes].astype(int)
    ratios = pd.DataFrame(
        [ratios_prospection(*ligne) for ligne in comptes[colonnes].itertuples(index=False)]
    ).reset_index(drop=True)
    return pd.concat([comptes, ratios], axis=1)
