"""Segmentation descriptive et forage de données : tris, classification, associations.

- **tri à plat** : effectif et fréquence de chaque modalité d'un critère ;
- **tri croisé** : effectifs (ou une somme) selon deux critères, avec totaux,
  en valeur ou en pourcentage de la ligne, de la colonne ou du total ;
- **classification** (k-means) : les variables sont d'abord **centrées
  réduites** (écart-type de population), puis chaque client rejoint le centre
  le plus proche, les centres sont recalculés, jusqu'à stabilité ;
- **produits achetés ensemble** (règles d'association A → B) :
  support = paniers contenant A et B / paniers ; confiance = paniers A et B /
  paniers A ; lift = confiance / support de B (> 1 : A et B vont ensemble) ;
- **carte perceptuelle** : note moyenne de chaque marque sur chaque attribut.

>>> import pandas as pd
>>> d = pd.DataFrame({"secteur": ["hôtel", "CSE", "hôtel", "hôtel"]})
>>> tri_a_plat(d, "secteur")["effectif"].tolist()
[3, 1]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import permutations
from typing import Any

import numpy as np
import pandas as pd

from ._erreurs import ErreurCours, verifier_nom

__all__ = [
    "tri_a_plat",
    "tri_croise",
    "classification",
    "Classification",
    "regles_association",
    "carte_perceptuelle",
]

_POURCENTAGES = ("ligne", "colonne", "total")


def _table(donnees: Any, fonction: str) -> pd.DataFrame:
    if not isinstance(donnees, pd.DataFrame):
        raise ErreurCours(
            f"{fonction}() attend une table (DataFrame pandas) ; reçu : {type(donnees).__name__}."
        )
    if donnees.empty:
        raise ErreurCours(f"{fonction}() : la table reçue est vide.")
    return donnees


def _colonnes(donnees: pd.DataFrame, noms: Sequence[str]) -> None:
    possibles = [str(c) for c in donnees.columns]
    for nom in noms:
        verifier_nom(str(nom), possibles)


def _numerique(donnees: pd.DataFrame, nom: str, fonction: str) -> pd.Series:
    serie = donnees[nom]
    if pd.api.types.is_bool_dtype(serie):
        return serie.astype(float)
    try:
        return pd.to_numeric(serie).astype(float)
    except (TypeError, ValueError):
        raise ErreurCours(
            f"{fonction}() : la colonne '{nom}' doit être numérique ; on y trouve par exemple "
            f"{serie.dropna().iloc[0]!r}."
        ) from None


# --------------------------------------------------------------------------- tris


def tri_a_plat(donnees: pd.DataFrame, colonne: str) -> pd.DataFrame:
    """Tri à plat d'un critère : ``effectif``, ``frequence``, ``frequence_cumulee``.

    Modalités de la plus fréquente à la moins fréquente ; les valeurs
    manquantes forment la modalité « (non renseigné) ».

    >>> d = pd.DataFrame({"canal": ["salon", "web", "salon", None]})
    >>> tri_a_plat(d, "canal").values.tolist()
    [['salon', 2, 0.5, 0.5], ['(non renseigné)', 1, 0.25, 0.75], ['web', 1, 0.25, 1.0]]
    """
    donnees = _table(donnees, "tri_a_plat")
    _colonnes(donnees, [colonne])
    modalites = donnees[colonne].astype(object).where(donnees[colonne].notna(), "(non renseigné)")
    comptes = modalites.astype(str).value_counts()
    # Ordre stable : effectif décroissant, puis ordre alphabétique.
    ordre = sorted(comptes.index, key=lambda m: (-comptes[m], m))
    effectifs = comptes[ordre].to_numpy()
    frequences = effectifs / effectifs.sum()
    return pd.DataFrame(
        {
            colonne: ordre,
            "effectif": effectifs.astype(int),
            "frequence": frequences,
            "frequence_cumulee": np.cumsum(frequences),
        }
    )


def tri_croise(
    donnees: pd.DataFrame,
    ligne: str,
    colonne: str,
    valeurs: str | None = None,
    pourcentages: str | None = None,
) -> pd.DataFrame:
    """Tri croisé de deux critères, avec une ligne et une colonne « Total ».

    Sans ``valeurs`` : effectifs (nombre de lignes) ; avec ``valeurs`` : somme
    de cette colonne (ex. le CA). ``pourcentages`` : ``None`` (valeurs brutes),
    ``"ligne"`` (chaque ligne fait 100 %), ``"colonne"`` ou ``"total"``.

    >>> d = pd.DataFrame({"secteur": ["hôtel", "hôtel", "CSE", "CSE", "CSE"],
    ...                   "canal": ["salon", "web", "web", "web", "salon"],
    ...                   "ca": [100, 300, 50, 50, 100]})
    >>> tri_croise(d, "secteur", "canal")
    canal    salon  web  Total
    secteur
    CSE          1    2      3
    hôtel        1    1      2
    Total        2    3      5
    >>> tri_croise(d, "secteur", "canal", valeurs="ca", pourcentages="ligne").loc["hôtel"].tolist()
    [0.25, 0.75, 1.0]
    """
    donnees = _table(donnees, "tri_croise")
    _colonnes(donnees, [ligne, colonne] + ([valeurs] if valeurs is not None else []))
    if pourcentages is not None:
        verifier_nom(str(pourcentages), list(_POURCENTAGES), quoi="Le mode de pourcentage")
    # groupby + unstack plutôt que pd.crosstab(margins=True) : 5 fois plus rapide (widgets).
    groupes = donnees.groupby([ligne, colonne], sort=True)
    if valeurs is None:
        table = groupes.size().unstack(fill_value=0)
    else:
        montants = _numerique(donnees, valeurs, "tri_croise")
        table = montants.groupby([donnees[ligne], donnees[colonne]]).sum().unstack(fill_value=0.0)
    table["Total"] = table.sum(axis=1)
    table.loc["Total"] = table.sum(axis=0)
    table = table.rename_axis(index=ligne, columns=colonne)
    if pourcentages == "ligne":
        table = table.div(table["Total"], axis=0)
    elif pourcentages == "colonne":
        table = table.div(table.loc["Total"], axis=1)
    elif pourcentages == "total":
        table = table / table.loc["Total", "Total"]
    return table


# --------------------------------------------------------------------------- classification


@dataclass
class Classification:
    """Résultat d'une classification k-means.

    - ``classes`` : numéro de classe (1 = la plus nombreuse) de chaque ligne ;
    - ``centres`` : moyenne de chaque variable par classe, en unités d'origine,
      avec l'``effectif`` ;
    - ``inertie_intra`` : somme des carrés des distances (variables centrées
      réduites) de chaque point à son centre ; plus elle est faible, plus les
      classes sont homogènes.
    """

    classes: pd.Series
    centres: pd.DataFrame
    inertie_intra: float


def _lloyd(z: np.ndarray, k: int, rng: np.random.Generator, iterations: int) -> np.ndarray:
    """Un essai de l'algorithme de Lloyd, centres de départ tirés par k-means++."""
    centres = [z[rng.integers(len(z))]]
    for _ in range(1, k):
        d2 = np.min(((z[:, None, :] - np.array(centres)[None]) ** 2).sum(axis=2), axis=1)
        total = d2.sum()
        choix = rng.choice(len(z), p=d2 / total) if total > 0 else rng.integers(len(z))
        centres.append(z[choix])
    c = np.array(centres, dtype=float)
    etiquettes = np.full(len(z), -1)
    for _ in range(iterations):
        distances = ((z[:, None, :] - c[None]) ** 2).sum(axis=2)
        nouvelles = distances.argmin(axis=1)
        if np.array_equal(nouvelles, etiquettes):
            break
        etiquettes = nouvelles
        for j in range(k):
            membres = z[etiquettes == j]
            # Classe vidée : on la relance sur le point le plus éloigné de son centre.
            c[j] = membres.mean(axis=0) if len(membres) else z[distances.min(axis=1).argmax()]
    return etiquettes


def _inertie(z: np.ndarray, etiquettes: np.ndarray) -> float:
    return float(
        sum(((z[etiquettes == j] - z[etiquettes == j].mean(axis=0)) ** 2).sum()
            for j in np.unique(etiquettes))
    )  # fmt: skip


def _kmeans(z: np.ndarray, k: int, graine: int, iterations: int, essais: int) -> np.ndarray:
    """k-means : plusieurs essais (départs différents), on garde la plus faible inertie intra.

    Un seul essai peut rester bloqué sur un regroupement médiocre (optimum local).
    """
    rng = np.random.default_rng(graine)
    resultats = [_lloyd(z, k, rng, iterations) for _ in range(essais)]
    return min(resultats, key=lambda e: _inertie(z, e))


def classification(
    donnees: pd.DataFrame,
    variables: Sequence[str],
    k: int,
    graine: int = 0,
    iterations: int = 100,
    essais: int = 10,
) -> Classification:
    """Classe les lignes en ``k`` groupes homogènes (k-means sur variables centrées réduites).

    Chaque variable est centrée réduite (z = (x − moyenne) / écart-type de
    population) pour qu'un montant en euros n'écrase pas un nombre de
    commandes. L'algorithme part de centres tirés au hasard (k-means++) : il
    fait ``essais`` tentatives et garde celle dont l'inertie intra-classe est
    la plus faible ; la ``graine`` rend le résultat reproductible. Les classes
    sont numérotées de 1 (la plus nombreuse) à k.

    >>> d = pd.DataFrame({"ca": [100, 110, 90, 5000, 5200], "commandes": [1, 2, 1, 20, 22]})
    >>> r = classification(d, ["ca", "commandes"], k=2)
    >>> r.classes.tolist()
    [1, 1, 1, 2, 2]
    >>> r.centres[["effectif", "ca", "commandes"]].values.tolist()
    [[3.0, 100.0, 1.3333333333333333], [2.0, 5100.0, 21.0]]
    """
    donnees = _table(donnees, "classification")
    variables = [str(v) for v in ([variables] if isinstance(variables, str) else variables)]
    if not variables:
        raise ErreurCours("classification() : donnez au moins une variable numérique.")
    _colonnes(donnees, variables)
    x = np.column_stack([_numerique(donnees, v, "classification").to_numpy() for v in variables])
    if np.isnan(x).any():
        lignes = int(np.isnan(x).any(axis=1).sum())
        raise ErreurCours(
            f"classification() : {lignes} ligne(s) ont une valeur manquante ; "
            "complétez-les (0 pour « aucune commande ») ou retirez-les avant de classer."
        )
    if not isinstance(k, int) or isinstance(k, bool) or not 1 <= k <= len(x):
        raise ErreurCours(
            f"classification() : k (nombre de classes) doit être un entier entre 1 et le nombre "
            f"de lignes ({len(x)}) ; reçu {k!r}."
        )
    ecarts = x.std(axis=0)
    ecarts[ecarts == 0] = 1.0  # variable constante : elle ne sépare personne
    z = (x - x.mean(axis=0)) / ecarts
    etiquettes = _kmeans(z, k, graine, iterations, essais)
    # Numérotation : 1 = la classe la plus nombreuse (à égalité, la première rencontrée).
    tailles = np.bincount(etiquettes, minlength=k)
    premiers = [int(np.argmax(etiquettes == j)) if tailles[j] else len(x) for j in range(k)]
    rang = sorted(range(k), key=lambda j: (-tailles[j], premiers[j]))
    numero = {ancien: nouveau + 1 for nouveau, ancien in enumerate(rang)}
    classes = pd.Series([numero[e] for e in etiquettes], index=donnees.index, name="classe")
    tableau = pd.DataFrame(x, columns=variables, index=donnees.index)
    centres = tableau.groupby(classes.to_numpy()).mean()
    centres.insert(0, "effectif", classes.value_counts().reindex(centres.index).astype(float))
    centres.index.name = "classe"
    return Classification(classes=classes, centres=centres, inertie_intra=_inertie(z, etiquettes))


# --------------------------------------------------------------------------- associations


def regles_association(
    lignes: pd.DataFrame,
    panier: str,
    article: str,
    support_min: float = 0.01,
    confiance_min: float = 0.0,
) -> pd.DataFrame:
    """Règles « qui achète A achète aussi B » entre deux articles (ou familles).

    ``lignes`` : une ligne par article d'un panier (par exemple les lignes de
    commande, avec ``panier="id_commande"`` et ``article="famille"``). Un
    article présent plusieurs fois dans un panier compte une fois.
    Colonnes : ``antecedent``, ``consequent``, ``nb_paniers`` (contenant les
    deux), ``support``, ``confiance``, ``lift`` ; triées par lift décroissant.

    >>> l = pd.DataFrame({"cmd": [1, 1, 2, 2, 3, 4],
    ...                   "art": ["drap", "taie", "drap", "taie", "drap", "plaid"]})
    >>> r = regles_association(l, "cmd", "art")
    >>> r.round(3).values.tolist()
    [['taie', 'drap', 2, 0.5, 1.0, 1.333], ['drap', 'taie', 2, 0.5, 0.667, 1.333]]
    """
    lignes = _table(lignes, "regles_association")
    _colonnes(lignes, [panier, article])
    for nom, valeur in (("support_min", support_min), ("confiance_min", confiance_min)):
        if not isinstance(valeur, int | float) or not 0 <= valeur <= 1:
            raise ErreurCours(
                f"regles_association() : {nom} est une proportion entre 0 et 1 "
                f"(0.05 pour 5 %) ; reçu {valeur!r}."
            )
    presence = pd.crosstab(lignes[panier], lignes[article].astype(str)) > 0
    n = len(presence)
    m = presence.to_numpy(dtype=float)
    ensemble = m.T @ m  # paniers contenant i et j (diagonale : paniers contenant i)
    noms = list(presence.columns)
    regles = []
    for i, j in permutations(range(len(noms)), 2):
        communs = ensemble[i, j]
        if communs == 0 or communs / n < support_min:
            continue
        confiance = communs / ensemble[i, i]
        if confiance < confiance_min:
            continue
        regles.append(
            {
                "antecedent": noms[i],
                "consequent": noms[j],
                "nb_paniers": int(communs),
                "support": communs / n,
                "confiance": confiance,
                "lift": confiance / (ensemble[j, j] / n),
            }
        )
    colonnes = ["antecedent", "consequent", "nb_paniers", "support", "confiance", "lift"]
    resultat = pd.DataFrame(regles, columns=colonnes)
    return resultat.sort_values(
        ["lift", "confiance", "antecedent", "consequent"], ascending=[False, False, True, True]
    ).reset_index(drop=True)


# --------------------------------------------------------------------------- carte perceptuelle


def carte_perceptuelle(
    enquete: pd.DataFrame, marque: str, attributs: Sequence[str]
) -> pd.DataFrame:
    """Note moyenne de chaque marque sur chaque attribut (les coordonnées de la carte).

    Une ligne par marque (index), une colonne par attribut, plus ``nb_reponses``.
    Sur la carte, on place chaque marque selon deux attributs (ex. prix perçu
    en abscisse, qualité perçue en ordonnée) ; les marques proches sont perçues
    comme concurrentes, une zone vide est un positionnement libre.

    >>> e = pd.DataFrame({"marque": ["A", "A", "B"], "prix": [6, 8, 3], "qualite": [7, 9, 4]})
    >>> carte_perceptuelle(e, "marque", ["prix", "qualite"]).values.tolist()
    [[2.0, 7.0, 8.0], [1.0, 3.0, 4.0]]
    """
    enquete = _table(enquete, "carte_perceptuelle")
    attributs = [str(a) for a in ([attributs] if isinstance(attributs, str) else attributs)]
    if not attributs:
        raise ErreurCours("carte_perceptuelle() : donnez au moins un attribut noté.")
    _colonnes(enquete, [marque, *attributs])
    notes = pd.DataFrame({a: _numerique(enquete, a, "carte_perceptuelle") for a in attributs})
    notes[marque] = enquete[marque].to_numpy()
    moyennes = notes.groupby(marque)[attributs].mean()
    moyennes.insert(0, "nb_reponses", notes.groupby(marque).size().astype(float))
    return moyennes
