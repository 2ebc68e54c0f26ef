"""Structure d'un portefeuille clients : 20/80, ABC, Lorenz et Gini, RFM, détention produits.

Conventions du cours :

- **ABC** : clients rangés par valeur décroissante. ``critere="clients"``
  (par défaut) : classes selon la part cumulée des **clients** — A ≤ 20 %,
  B ≤ 50 %, C au-delà (A = les 20 % de clients les plus importants, B les
  30 % suivants, C les 50 % restants). ``critere="valeur"`` : selon la part
  cumulée de la **valeur**, ligne comprise — A ≤ 80 %, B ≤ 95 %, C au-delà
  (la règle du tableur ``SI(cumul<=80%;"A";…)``). Les seuils sont des
  paramètres ;
- **Lorenz** : valeurs rangées par ordre croissant, courbe partant de (0, 0) ;
  **Gini** : G = 1 − Σ (xₖ − xₖ₋₁)(yₖ + yₖ₋₁), entre 0 (égalité parfaite)
  et 1 (un seul client fait tout) ;
- **RFM** : récence (jours depuis la dernière commande), fréquence (nombre de
  commandes), montant (cumul HT) ; chaque critère est noté de 1 à 5 par
  quintile (5 = le meilleur : le plus récent, le plus fréquent, le plus gros).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._erreurs import ErreurCours, verifier_nom
from .statistiques import _en_tableau

__all__ = [
    "CRITERES_ABC",
    "SEUILS_ABC",
    "segmentation_abc",
    "synthese_abc",
    "concentration",
    "courbe_lorenz",
    "indice_gini",
    "rfm",
    "taux_detention",
    "multi_detention",
]

CRITERES_ABC = ("clients", "valeur")
#: Seuils par défaut (parts cumulées) des classes A et B, selon le critère.
SEUILS_ABC = {"clients": (0.20, 0.50), "valeur": (0.80, 0.95)}
# Une part cumulée calculée (176 / 880) peut s'écarter du seuil (0,2) d'un ulp.
_EPSILON = 1e-9


def _valeurs_positives(valeurs: Any, nom: str = "valeurs") -> np.ndarray:
    x = _en_tableau(valeurs, nom)
    if (x < 0).any():
        raise ErreurCours(
            f"{nom} : {int((x < 0).sum())} valeur(s) négative(s) (avoirs, retours ?) ; la "
            "segmentation porte sur des valeurs positives ou nulles. Filtrez-les ou ramenez-les à 0."
        )
    if x.sum() == 0:
        raise ErreurCours(f"{nom} : le total est nul, aucune part ne peut être calculée.")
    return x


def _verifier_seuils(seuils: Any, critere: str) -> tuple[float, float]:
    if seuils is None:
        return SEUILS_ABC[critere]
    try:
        a, b = (float(s) for s in seuils)
    except (TypeError, ValueError):
        raise ErreurCours(
            f"seuils : deux parts cumulées sont attendues, par exemple (0.2, 0.5) ; reçu {seuils!r}."
        ) from None
    if a > 1 or b > 1:
        raise ErreurCours(
            f"seuils : des parts en décimal sont attendues (0.2 pour 20 %) ; reçu {seuils!r}. "
            f"Écrivez ({a / 100:g}, {b / 100:g})."
        )
    if not 0 < a < b <= 1:
        raise ErreurCours(f"seuils : il faut 0 < seuil A < seuil B ≤ 1 ; reçu {seuils!r}.")
    return a, b


def segmentation_abc(
    donnees: pd.DataFrame | pd.Series,
    valeur: str | None = None,
    critere: str = "clients",
    seuils: Sequence[float] | None = None,
) -> pd.DataFrame:
    """Segmentation ABC (méthode 20/80) d'un portefeuille.

    ``donnees`` : un DataFrame (une ligne par client) et le nom de la colonne
    ``valeur`` (CA, marge, CA potentiel…), ou une Series de valeurs.
    Renvoie les lignes triées par valeur décroissante avec ``rang``,
    ``part``, ``part_cumulee`` (de la valeur), ``part_clients_cumulee`` et
    ``classe``. ``seuils`` : (A, B) en parts cumulées, (0.2, 0.5) pour le
    critère des clients et (0.8, 0.95) pour celui de la valeur par défaut.

    >>> ca = pd.DataFrame({"client": list("ABCDEFGHIJ"),
    ...                    "ca": [500, 3000, 200, 1000, 100, 50, 80, 2500, 400, 170]})
    >>> s = segmentation_abc(ca, "ca")
    >>> "".join(s["client"]), "".join(s["classe"])
    ('BHDAICJEGF', 'AABBBCCCCC')
    >>> segmentation_abc(ca, "ca", critere="valeur")["classe"].str.cat()   # 37,5 % ; 68,75 % ; 81,25 %…
    'AABBBBCCCC'
    """
    verifier_nom(str(critere), CRITERES_ABC, quoi="Le critère")
    seuil_a, seuil_b = _verifier_seuils(seuils, critere)
    if isinstance(donnees, pd.Series):
        df = donnees.rename(valeur or donnees.name or "valeur").to_frame()
        valeur = df.columns[0]
    elif isinstance(donnees, pd.DataFrame):
        if valeur is None:
            raise ErreurCours(
                "valeur : indiquez la colonne qui mesure l'importance des clients, par exemple "
                f"segmentation_abc(df, 'ca_ht'). Colonnes : {', '.join(map(str, donnees.columns))}."
            )
        verifier_nom(str(valeur), donnees.columns)
        df = donnees.copy()
    else:
        raise ErreurCours(
            f"donnees : un DataFrame (une ligne par client) ou une Series est attendu ; reçu "
            f"{type(donnees).__name__}."
        )
    x = _valeurs_positives(df[valeur], f"La colonne '{valeur}'")
    df[valeur] = x
    df = df.sort_values(valeur, ascending=False, kind="stable").reset_index(drop=True)
    n = len(df)
    df["rang"] = np.arange(1, n + 1)
    df["part"] = df[valeur] / df[valeur].sum()
    df["part_cumulee"] = df[valeur].cumsum() / df[valeur].sum()
    df["part_clients_cumulee"] = df["rang"] / n
    mesure = df["part_clients_cumulee"] if critere == "clients" else df["part_cumulee"]
    df["classe"] = np.where(
        mesure <= seuil_a + _EPSILON, "A", np.where(mesure <= seuil_b + _EPSILON, "B", "C")
    )
    return df


def synthese_abc(segmentation: pd.DataFrame, valeur: str | None = None) -> pd.DataFrame:
    """Bilan par classe d'une segmentation ABC : nombre et part des clients, valeur et part.

    >>> s = segmentation_abc(pd.Series([500, 3000, 200, 1000, 100, 50, 80, 2500, 400, 170]))
    >>> synthese_abc(s)[["classe", "nb_clients", "valeur", "part_valeur"]]
      classe  nb_clients  valeur  part_valeur
    0      A           2  5500.0       0.6875
    1      B           3  1900.0       0.2375
    2      C           5   600.0       0.0750
    """
    colonnes = ("rang", "part", "part_cumulee", "part_clients_cumulee", "classe")
    manquantes = [c for c in colonnes if c not in segmentation.columns]
    if manquantes:
        raise ErreurCours(
            "synthese_abc() attend le résultat de segmentation_abc() ; colonnes manquantes : "
            + ", ".join(manquantes)
        )
    if valeur is None:  # la colonne de valeur est la première numérique avant « rang »
        avant = list(segmentation.columns[: list(segmentation.columns).index("rang")])
        numeriques = [c for c in avant if pd.api.types.is_numeric_dtype(segmentation[c])]
        valeur = numeriques[-1]
    groupes = segmentation.groupby("classe")[valeur].agg(["count", "sum"])
    groupes = groupes.reindex(["A", "B", "C"], fill_value=0)
    return pd.DataFrame(
        {
            "classe": groupes.index,
            "nb_clients": groupes["count"].astype(int).to_numpy(),
            "part_clients": (groupes["count"] / len(segmentation)).to_numpy(),
            "valeur": groupes["sum"].astype(float).to_numpy(),
            "part_valeur": (groupes["sum"] / segmentation[valeur].sum()).to_numpy(),
        }
    )


def concentration(valeurs: Any, part_clients: float = 0.20) -> float:
    """Part de la valeur totale réalisée par les meilleurs clients (loi des 20/80).

    Les ``part_clients × n`` plus gros clients (arrondi à l'entier inférieur,
    comme la classe A du critère des clients).

    >>> concentration([500, 3000, 200, 1000, 100, 50, 80, 2500, 400, 170])   # 5 500 / 8 000
    0.6875
    """
    if not 0 < part_clients <= 1:
        raise ErreurCours(
            f"part_clients : une part en décimal entre 0 et 1 (0.2 pour 20 %) ; reçu {part_clients!r}."
        )
    x = np.sort(_valeurs_positives(valeurs))[::-1]
    k = math.floor(part_clients * len(x) + _EPSILON)
    return float(x[:k].sum() / x.sum())


def courbe_lorenz(valeurs: Any) -> pd.DataFrame:
    """Points de la courbe de Lorenz : valeurs rangées par ordre croissant, à partir de (0, 0).

    Colonnes ``part_clients_cumulee`` (x) et ``part_valeur_cumulee`` (y).

    >>> courbe_lorenz([50, 10, 40]).values.tolist()
    [[0.0, 0.0], [0.3333333333333333, 0.1], [0.6666666666666666, 0.5], [1.0, 1.0]]
    """
    x = np.sort(_valeurs_positives(valeurs))
    n = len(x)
    return pd.DataFrame(
        {
            "part_clients_cumulee": np.arange(0, n + 1) / n,
            "part_valeur_cumulee": np.concatenate([[0.0], np.cumsum(x) / x.sum()]),
        }
    )


def indice_gini(valeurs: Any) -> float:
    """Indice de Gini : G = 1 − Σ (xₖ − xₖ₋₁)(yₖ + yₖ₋₁) sur les points de la courbe de Lorenz.

    0 : tous les clients pèsent autant ; proche de 1 : le chiffre d'affaires est
    concentré sur quelques clients.

    >>> round(indice_gini([50, 10, 40]), 4)     # 1 − (0,1 + 0,6 + 1,5) / 3
    0.2667
    >>> indice_gini([100, 100, 100, 100])
    0.0
    """
    points = courbe_lorenz(valeurs)
    dx = np.diff(points["part_clients_cumulee"].to_numpy())
    y = points["part_valeur_cumulee"].to_numpy()
    return float(1 - (dx * (y[1:] + y[:-1])).sum())


# --------------------------------------------------------------------------- RFM


def _notes_quintiles(valeurs: pd.Series, nb_classes: int) -> pd.Series:
    """Note de 1 à nb_classes par quantile : les ex aequo reçoivent la même note."""
    rang = valeurs.rank(method="average", pct=True)
    return np.ceil(rang * nb_classes).clip(1, nb_classes).astype(int)


def _segment_rfm(r: int, fm: float, k: int) -> str:
    haut, bas = 0.6 * k, 0.4 * k  # avec 5 classes : 4-5 = haut, 1-2 = bas
    if r > haut and fm > haut:
        return "meilleurs clients"
    if r > haut and fm <= bas:
        return "nouveaux ou occasionnels"
    if r <= bas and fm > haut:
        return "à risque (à réactiver)"
    if r <= bas and fm <= bas:
        return "perdus ou dormants"
    if r > bas and fm > bas:
        return "fidèles"
    return "à surveiller"


def rfm(
    commandes: pd.DataFrame,
    date_reference: Any = None,
    client: str = "id_client",
    date: str = "date_commande",
    montant: str = "montant_ht",
    nb_classes: int = 5,
) -> pd.DataFrame:
    """Analyse RFM (récence, fréquence, montant) à partir des commandes.

    ``commandes`` : une ligne par commande (colonnes ``client``, ``date``,
    ``montant``). Renvoie une ligne par client : ``recence`` (jours entre la
    dernière commande et ``date_reference``, par défaut la date d'arrêté des
    données), ``frequence`` (nombre de commandes), ``montant`` (cumul),
    les notes ``note_r``, ``note_f``, ``note_m`` (1 à 5, 5 = le meilleur),
    ``score_rfm`` (« 545 ») et ``segment`` (d'après la récence et la moyenne
    des notes F et M).

    >>> cmd = pd.DataFrame({"id_client": [1, 1, 2, 3, 3, 3],
    ...     "date_commande": pd.to_datetime(["2026-01-10", "2026-10-01", "2025-03-01",
    ...                                      "2026-09-15", "2026-10-20", "2026-06-01"]),
    ...     "montant_ht": [100, 200, 50, 300, 400, 300]})
    >>> rfm(cmd, "2026-10-31", nb_classes=3)[["id_client", "recence", "frequence", "montant", "score_rfm"]]
       id_client  recence  frequence  montant score_rfm
    0          1       30          2    300.0       222
    1          2      609          1     50.0       111
    2          3       11          3   1000.0       333
    """
    if not isinstance(commandes, pd.DataFrame):
        raise ErreurCours(
            f"commandes : un DataFrame (une ligne par commande) est attendu ; reçu "
            f"{type(commandes).__name__}."
        )
    for colonne in (client, date, montant):
        verifier_nom(str(colonne), commandes.columns)
    if isinstance(nb_classes, bool) or not isinstance(nb_classes, int) or nb_classes < 2:
        raise ErreurCours(f"nb_classes : un entier au moins égal à 2 ; reçu {nb_classes!r}.")
    if commandes.empty:
        raise ErreurCours("commandes : le tableau est vide, aucun client à analyser.")
    if date_reference is None:
        from .donnees import DATE_REFERENCE

        date_reference = DATE_REFERENCE
    try:
        reference = pd.Timestamp(date_reference)
        dates = pd.to_datetime(commandes[date])
    except (TypeError, ValueError):
        raise ErreurCours(
            f"Dates illisibles : date_reference={date_reference!r} ou colonne '{date}'. "
            "Écrivez les dates au format '2026-10-31'."
        ) from None
    montants = pd.Series(_en_tableau(commandes[montant], f"La colonne '{montant}'"))
    travail = pd.DataFrame(
        {"client": commandes[client].to_numpy(), "date": dates.to_numpy(), "montant": montants}
    )
    if (travail["date"] > reference).any():
        raise ErreurCours(
            f"Des commandes sont postérieures à la date de référence {reference.date()} : "
            "choisissez une date de référence après la dernière commande."
        )
    g = travail.groupby("client", sort=True).agg(
        derniere=("date", "max"), frequence=("date", "size"), montant=("montant", "sum")
    )
    resultat = pd.DataFrame(
        {
            client: g.index,
            "recence": (reference - g["derniere"]).dt.days.to_numpy(),
            "frequence": g["frequence"].to_numpy(),
            "montant": g["montant"].to_numpy(dtype=float),
        }
    )
    k = nb_classes
    resultat["note_r"] = _notes_quintiles(-resultat["recence"], k)  # récent = bonne note
    resultat["note_f"] = _notes_quintiles(resultat["frequence"], k)
    resultat["note_m"] = _notes_quintiles(resultat["montant"], k)
    resultat["score_rfm"] = (
        resultat["note_r"].astype(str)
        + resultat["note_f"].astype(str)
        + resultat["note_m"].astype(str)
    )
    resultat["segment"] = [
        _segment_rfm(r, (f + m) / 2, k)
        for r, f, m in zip(resultat["note_r"], resultat["note_f"], resultat["note_m"], strict=True)
    ]
    return resultat


# --------------------------------------------------------------------------- détention produits


def _paires_detention(achats: pd.DataFrame, client: str, famille: str) -> pd.DataFrame:
    if not isinstance(achats, pd.DataFrame):
        raise ErreurCours(
            "achats : un DataFrame avec une ligne par client et famille achetée est attendu ; "
            f"reçu {type(achats).__name__}."
        )
    verifier_nom(str(client), achats.columns)
    verifier_nom(str(famille), achats.columns)
    return achats[[client, famille]].dropna().drop_duplicates()


def _nombre_clients(paires: pd.DataFrame, client: str, nb_clients: int | None) -> int:
    presents = paires[client].nunique()
    if nb_clients is None:
        return presents
    if nb_clients < presents:
        raise ErreurCours(
            f"nb_clients ({nb_clients}) est inférieur au nombre de clients présents dans les "
            f"achats ({presents}) : il doit compter tout le portefeuille."
        )
    return int(nb_clients)


def taux_detention(
    achats: pd.DataFrame,
    client: str = "id_client",
    famille: str = "famille",
    nb_clients: int | None = None,
) -> pd.DataFrame:
    """Taux de détention par famille : clients qui ont acheté la famille / clients du portefeuille.

    ``achats`` : une ligne par achat (client, famille), les doublons sont
    ignorés. ``nb_clients`` : effectif du portefeuille (par défaut les clients
    présents dans ``achats`` ; donnez-le pour compter aussi ceux qui n'ont rien acheté).

    >>> achats = pd.DataFrame({"id_client": [1, 1, 2, 3, 3, 3],
    ...                        "famille": ["plaids", "peignoirs", "plaids", "plaids", "chaussons",
    ...                                    "plaids"]})
    >>> taux_detention(achats, nb_clients=4)
         famille  nb_clients  taux_detention
    0     plaids           3            0.75
    1  chaussons           1            0.25
    2  peignoirs           1            0.25
    """
    paires = _paires_detention(achats, client, famille)
    total = _nombre_clients(paires, client, nb_clients)
    compte = paires.groupby(famille)[client].nunique()
    df = pd.DataFrame({famille: compte.index, "nb_clients": compte.to_numpy()})
    df["taux_detention"] = df["nb_clients"] / total
    return df.sort_values(["nb_clients", famille], ascending=[False, True]).reset_index(drop=True)


def multi_detention(
    achats: pd.DataFrame,
    client: str = "id_client",
    famille: str = "famille",
    nb_clients: int | None = None,
) -> pd.DataFrame:
    """Répartition des clients selon le nombre de familles détenues (multi-détention).

    Colonnes : ``nb_familles``, ``nb_clients``, ``part``, ``part_cumulee``.
    Le nombre moyen de familles par client (indice de multi-détention) est
    ``(t.nb_familles * t.nb_clients).sum() / t.nb_clients.sum()``.

    >>> achats = pd.DataFrame({"id_client": [1, 1, 2, 3, 3],
    ...                        "famille": ["plaids", "peignoirs", "plaids", "plaids", "chaussons"]})
    >>> multi_detention(achats, nb_clients=4)[["nb_familles", "nb_clients", "part"]]
       nb_familles  nb_clients  part
    0            0           1  0.25
    1            1           1  0.25
    2            2           2  0.50
    """
    paires = _paires_detention(achats, client, famille)
    total = _nombre_clients(paires, client, nb_clients)
    par_client = paires.groupby(client)[famille].nunique()
    repartition = par_client.value_counts().sort_index()
    if total > len(par_client):
        repartition.loc[0] = total - len(par_client)
        repartition = repartition.sort_index()
    df = pd.DataFrame(
        {"nb_familles": repartition.index.astype(int), "nb_clients": repartition.to_numpy()}
    )
    df["part"] = df["nb_clients"] / total
    df["part_cumulee"] = df["part"].cumsum()
    return df
