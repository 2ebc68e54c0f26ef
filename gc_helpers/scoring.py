"""Scorage (scoring) des clients et des prospects : grille pondérée, score logistique, gains.

Conventions du cours :

- **grille de scorage** : chaque critère reçoit une **note** (d'après la
  modalité, ou d'après le dernier seuil atteint pour un critère chiffré) ;
  le score est la somme des notes multipliées par le **poids** du critère,
  :math:`S = \\sum_j p_j \\cdot n_j`, éventuellement ramené sur 100 ;
- **score logistique** : probabilité de conversion
  :math:`p = 1 / (1 + e^{-(b_0 + \\sum_j b_j x_j)})`, estimée par le maximum de
  vraisemblance (statsmodels) ; l'**odds ratio** :math:`e^{b_j}` multiplie la
  cote p / (1 − p) quand la variable augmente d'une unité (ou, pour une
  modalité, par rapport à la modalité de référence) ;
- **courbe de gain** : on classe les individus du meilleur score au moins bon ;
  pour chaque part ciblée, la part des convertis captés ; le **lift** est
  cette part divisée par la part ciblée (1 = pas mieux que le hasard) ;
- **choix du seuil** : contacter tous ceux dont le score atteint le seuil
  coûte ``nb_contactes × cout_contact`` et rapporte ``conversions × marge`` ;
  on retient le seuil qui maximise le résultat.

Aucun arrondi dans les calculs.

>>> import pandas as pd
>>> p = pd.DataFrame({"origine": ["salon", "web"], "visites": [3, 0]})
>>> grille_scoring(p, {"origine": {"salon": 2, "web": 1}, "visites": [(1, 1), (3, 2)]},
...                poids={"origine": 3})["score"].tolist()
[8.0, 3.0]
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ._erreurs import ErreurCours, verifier_nom
from ._verif_montants import montant

__all__ = [
    "grille_scoring",
    "score_logistique",
    "ScoreLogistique",
    "courbe_gain",
    "courbe_lift",
    "taux_par_tranche",
    "choix_seuil",
]


# --------------------------------------------------------------------------- vérifications


def _table(donnees: Any, fonction: str) -> pd.DataFrame:
    if not isinstance(donnees, pd.DataFrame):
        raise ErreurCours(
            f"{fonction}() attend une table (DataFrame pandas) ; reçu : {type(donnees).__name__}. "
            'Obtenez-la par exemple avec gc.requete("SELECT ... FROM prospects", con).'
        )
    if donnees.empty:
        raise ErreurCours(f"{fonction}() : la table reçue est vide (aucune ligne à noter).")
    return donnees


def _numerique(serie: pd.Series, nom: str, fonction: str) -> pd.Series:
    try:
        valeurs = pd.to_numeric(serie).astype(float)
    except (TypeError, ValueError):
        exemple = serie.dropna().iloc[0] if serie.notna().any() else None
        raise ErreurCours(
            f"{fonction}() : '{nom}' doit contenir des nombres ; on y trouve par exemple "
            f"{exemple!r}. Pour un critère qualitatif, donnez un dictionnaire "
            "{modalité: note} au lieu d'une liste de seuils."
        ) from None
    return valeurs


def _cible(valeurs: Any, fonction: str) -> np.ndarray:
    """La variable à prédire : 1 = converti (acheteur), 0 = non converti."""
    serie = pd.Series(valeurs)
    if serie.isna().any():
        raise ErreurCours(
            f"{fonction}() : la cible contient {int(serie.isna().sum())} valeur(s) manquante(s) ; "
            "gardez seulement les individus dont on connaît l'issue (converti ou non)."
        )
    if pd.api.types.is_bool_dtype(serie):
        return serie.to_numpy(dtype=float)
    numeriques = pd.to_numeric(serie, errors="coerce")
    autres = sorted({str(v) for v, n in zip(serie, numeriques, strict=True) if n not in (0, 1)})
    if autres:
        raise ErreurCours(
            f"{fonction}() : la cible doit valoir 1 (converti) ou 0 (non converti), ou vrai/faux ; "
            f"reçu aussi : {', '.join(autres[:5])}. Créez-la par exemple avec "
            "(prospects['statut'] == 'converti').astype(int)."
        )
    return numeriques.to_numpy(dtype=float)


def _scores(valeurs: Any, fonction: str) -> np.ndarray:
    serie = pd.Series(valeurs)
    x = pd.to_numeric(serie, errors="coerce").to_numpy(dtype=float)
    if len(x) == 0:
        raise ErreurCours(f"{fonction}() : aucun score reçu.")
    if np.isnan(x).any():
        raise ErreurCours(
            f"{fonction}() : {int(np.isnan(x).sum())} score(s) manquant(s) ou non numérique(s) ; "
            "calculez un score pour chaque individu avant de tracer la courbe."
        )
    return x


# --------------------------------------------------------------------------- grille pondérée


def _note_qualitative(serie: pd.Series, notes: Mapping[Any, float], nom: str) -> pd.Series:
    inconnues = sorted({str(v) for v in serie.dropna().unique()} - {str(k) for k in notes})
    if inconnues:
        raise ErreurCours(
            f"grille_scoring() : le critère '{nom}' n'a pas de note pour la ou les modalité(s) "
            f"{', '.join(repr(v) for v in inconnues)}. Notes données pour : "
            f"{', '.join(repr(str(k)) for k in notes)}. Ajoutez-les à la grille (0 si besoin)."
        )
    par_texte = {str(k): float(v) for k, v in notes.items()}
    return serie.map(lambda v: 0.0 if pd.isna(v) else par_texte[str(v)]).astype(float)


def _note_seuils(serie: pd.Series, seuils: Sequence[Any], nom: str) -> pd.Series:
    try:
        paires = sorted((float(s), float(n)) for s, n in seuils)
    except (TypeError, ValueError):
        raise ErreurCours(
            f"grille_scoring() : le critère chiffré '{nom}' s'écrit comme une liste de paires "
            f"(seuil, note), par exemple [(1, 5), (3, 10)] ; reçu {seuils!r}."
        ) from None
    if not paires:
        raise ErreurCours(f"grille_scoring() : le critère '{nom}' n'a aucun seuil.")
    valeurs = _numerique(serie, nom, "grille_scoring").to_numpy()
    notes = np.zeros(len(valeurs))
    # Note du dernier seuil atteint (valeur ≥ seuil) ; 0 sous le premier seuil ou si manquant.
    for seuil, note in paires:
        notes = np.where(valeurs >= seuil, note, notes)
    return pd.Series(notes, index=serie.index)


def grille_scoring(
    donnees: pd.DataFrame,
    criteres: Mapping[str, Mapping[Any, float] | Sequence[tuple[float, float]]],
    poids: Mapping[str, float] | None = None,
    sur: float | None = None,
) -> pd.DataFrame:
    """Score de chaque ligne selon une grille de scorage pondérée.

    ``criteres`` : ``{colonne: notes}`` où ``notes`` est

    - pour un critère **qualitatif**, un dictionnaire ``{modalité: note}`` ;
    - pour un critère **chiffré**, une liste de paires ``(seuil, note)`` : la
      valeur reçoit la note du plus haut seuil atteint (valeur ≥ seuil), 0 en
      dessous du premier.

    ``poids`` : ``{colonne: coefficient}`` (1 par défaut). Une valeur manquante
    reçoit la note 0. Avec ``sur=100``, le score est ramené sur 100 (score
    maximal possible de la grille = 100).

    Renvoie une copie de ``donnees`` avec une colonne ``note_<critère>`` par
    critère et la colonne ``score`` (Σ poids × note).

    >>> p = pd.DataFrame({"origine": ["recommandation", "fichier acheté", "salon"],
    ...                   "nb_visites": [2, 0, 5]})
    >>> grille = {"origine": {"recommandation": 10, "salon": 6, "fichier acheté": 2},
    ...           "nb_visites": [(1, 4), (3, 10)]}
    >>> r = grille_scoring(p, grille, poids={"origine": 2, "nb_visites": 1})
    >>> r[["note_origine", "note_nb_visites", "score"]].values.tolist()
    [[10.0, 4.0, 24.0], [2.0, 0.0, 4.0], [6.0, 10.0, 22.0]]
    >>> grille_scoring(p, grille, poids={"origine": 2}, sur=100)["score"].round(2).tolist()
    [80.0, 13.33, 73.33]
    """
    donnees = _table(donnees, "grille_scoring")
    if not criteres:
        raise ErreurCours(
            "grille_scoring() : donnez au moins un critère, par exemple "
            "{'origine': {'recommandation': 10, 'salon': 6}, 'nb_visites': [(1, 4), (3, 10)]}."
        )
    poids = dict(poids or {})
    colonnes = [str(c) for c in donnees.columns]
    for nom in poids:
        verifier_nom(str(nom), list(criteres), quoi="Le critère pondéré")
    resultat = donnees.copy()
    score = pd.Series(0.0, index=donnees.index)
    maximum = 0.0
    for nom, notes in criteres.items():
        verifier_nom(str(nom), colonnes)
        p = montant(poids.get(nom, 1.0), f"le poids de '{nom}'", "grille_scoring")
        if isinstance(notes, Mapping):
            note = _note_qualitative(donnees[nom], notes, nom)
            meilleure = max(float(v) for v in notes.values())
        elif isinstance(notes, Sequence) and not isinstance(notes, str):
            note = _note_seuils(donnees[nom], notes, nom)
            meilleure = max(float(n) for _, n in notes)
        else:
            raise ErreurCours(
                f"grille_scoring() : les notes du critère '{nom}' s'écrivent "
                "{modalité: note} (qualitatif) ou [(seuil, note), ...] (chiffré) ; "
                f"reçu {notes!r}."
            )
        resultat[f"note_{nom}"] = note
        score += p * note
        maximum += p * max(meilleure, 0.0)
    if sur is not None:
        sur = montant(sur, "sur", "grille_scoring", strictement_positif=True)
        if maximum == 0:
            raise ErreurCours("grille_scoring() : toutes les notes sont nulles, rien à ramener.")
        score = score / maximum * sur
    resultat["score"] = score
    return resultat


# --------------------------------------------------------------------------- score logistique


@dataclass
class ScoreLogistique:
    """Un score logistique estimé : coefficients, odds ratios, probabilités.

    - ``coefficients`` : table ``variable``, ``coefficient``, ``odds_ratio``,
      ``p_valeur`` (constante en première ligne) ;
    - ``scores`` : probabilité de conversion estimée pour chaque ligne
      d'apprentissage (même index que les données) ;
    - ``references`` : modalité de référence de chaque variable qualitative ;
    - ``predire(nouvelles)`` : probabilités pour d'autres lignes (prospects en cours).
    """

    coefficients: pd.DataFrame
    scores: pd.Series
    references: dict[str, str]
    variables: list[str]
    pseudo_r2: float
    _colonnes: list[str]
    _modalites: dict[str, list[str]]

    def _matrice(self, donnees: pd.DataFrame) -> np.ndarray:
        return _matrice(donnees, self.variables, self._modalites)[1]

    def predire(self, nouvelles: pd.DataFrame) -> pd.Series:
        """Probabilités de conversion estimées pour de nouvelles lignes."""
        nouvelles = _table(nouvelles, "predire")
        for v in self.variables:
            verifier_nom(v, [str(c) for c in nouvelles.columns])
        x = self._matrice(nouvelles)
        b = self.coefficients["coefficient"].to_numpy()
        return pd.Series(1 / (1 + np.exp(-(x @ b))), index=nouvelles.index, name="score")


def _modalites(donnees: pd.DataFrame, variables: list[str]) -> dict[str, list[str]]:
    """Modalités des variables qualitatives ; la plus fréquente sert de référence (en tête)."""
    resultat = {}
    for v in variables:
        serie = donnees[v]
        if pd.api.types.is_bool_dtype(serie) or not pd.api.types.is_numeric_dtype(serie):
            comptes = serie.astype(str).value_counts()
            # Plus fréquente d'abord, ex aequo par ordre alphabétique : résultat reproductible.
            ordre = sorted(comptes.index, key=lambda m: (-comptes[m], m))
            resultat[v] = list(ordre)
    return resultat


def _matrice(
    donnees: pd.DataFrame, variables: list[str], modalites: dict[str, list[str]]
) -> tuple[list[str], np.ndarray]:
    noms, colonnes = ["constante"], [np.ones(len(donnees))]
    for v in variables:
        if v in modalites:
            textes = donnees[v].astype(str)
            inconnues = sorted(set(textes) - set(modalites[v]))
            if inconnues:
                raise ErreurCours(
                    f"Score logistique : la variable '{v}' a des modalités absentes de "
                    f"l'apprentissage : {', '.join(inconnues)}. Connues : {', '.join(modalites[v])}."
                )
            for m in modalites[v][1:]:  # la référence n'a pas de colonne
                noms.append(f"{v} = {m}")
                colonnes.append((textes == m).to_numpy(dtype=float))
        else:
            valeurs = _numerique(donnees[v], v, "score_logistique").to_numpy()
            if np.isnan(valeurs).any():
                raise ErreurCours(
                    f"score_logistique() : la variable '{v}' a des valeurs manquantes ; "
                    "complétez-les ou retirez ces lignes."
                )
            noms.append(v)
            colonnes.append(valeurs)
    return noms, np.column_stack(colonnes)


def score_logistique(
    donnees: pd.DataFrame, cible: str, variables: Sequence[str]
) -> ScoreLogistique:
    """Estime un score logistique (probabilité de conversion) avec statsmodels.

    ``cible`` : colonne valant 1 (converti) ou 0 ; ``variables`` : colonnes
    explicatives, chiffrées ou qualitatives (une qualitative est codée en
    indicatrices ; sa modalité la plus fréquente sert de référence).

    >>> d = pd.DataFrame({"visites": [0, 0, 1, 1, 2, 2, 3, 3],
    ...                   "converti": [0, 0, 0, 1, 0, 1, 1, 1]})
    >>> s = score_logistique(d, "converti", ["visites"])
    >>> s.coefficients[["variable", "coefficient"]].round(3).values.tolist()
    [['constante', -2.613], ['visites', 1.742]]
    >>> float(round(s.coefficients["odds_ratio"].iloc[1], 2))  # chaque visite multiplie la cote
    5.71
    >>> s.predire(pd.DataFrame({"visites": [4]})).round(3).tolist()
    [0.987]
    """
    donnees = _table(donnees, "score_logistique")
    colonnes = [str(c) for c in donnees.columns]
    verifier_nom(str(cible), colonnes, quoi="La colonne cible")
    variables = [str(v) for v in ([variables] if isinstance(variables, str) else variables)]
    if not variables:
        raise ErreurCours("score_logistique() : donnez au moins une variable explicative.")
    for v in variables:
        verifier_nom(v, colonnes)
    y = _cible(donnees[cible], "score_logistique")
    if y.min() == y.max():
        raise ErreurCours(
            "score_logistique() : la cible ne prend qu'une valeur "
            f"({'tous convertis' if y[0] == 1 else 'aucun converti'}) ; il faut des convertis "
            "ET des non-convertis pour estimer un score."
        )
    modalites = _modalites(donnees, variables)
    noms, x = _matrice(donnees, variables, modalites)
    if x.shape[0] <= x.shape[1]:
        raise ErreurCours(
            f"score_logistique() : {x.shape[0]} lignes pour {x.shape[1]} coefficients ; "
            "il faut bien plus de lignes que de coefficients."
        )
    import statsmodels.api as sm  # import tardif : statsmodels est lourd

    with warnings.catch_warnings():
        # Pas de bruit sur stderr (nbgrader) : une séparation parfaite est signalée en français.
        warnings.simplefilter("ignore")
        try:
            modele = sm.Logit(y, x).fit(method="newton", disp=0, maxiter=100)
        except Exception as erreur:  # séparation parfaite, matrice singulière
            raise ErreurCours(
                "score_logistique() : estimation impossible (une variable sépare parfaitement "
                "convertis et non-convertis, ou deux variables disent la même chose). Retirez "
                f"une variable ou regroupez des modalités. Détail : {erreur}"
            ) from None
    b = np.asarray(modele.params, dtype=float)
    if not np.all(np.isfinite(b)) or np.abs(b).max() > 30:
        raise ErreurCours(
            "score_logistique() : les coefficients divergent (séparation presque parfaite) ; "
            "retirez une variable ou regroupez des modalités rares."
        )
    coefficients = pd.DataFrame(
        {
            "variable": noms,
            "coefficient": b,
            "odds_ratio": np.exp(b),
            "p_valeur": np.asarray(modele.pvalues, dtype=float),
        }
    )
    scores = pd.Series(1 / (1 + np.exp(-(x @ b))), index=donnees.index, name="score")
    return ScoreLogistique(
        coefficients=coefficients,
        scores=scores,
        references={v: m[0] for v, m in modalites.items()},
        variables=variables,
        pseudo_r2=float(modele.prsquared),
        _colonnes=noms,
        _modalites=modalites,
    )


# --------------------------------------------------------------------------- gain, lift, seuil


def courbe_gain(scores: Any, cible: Any, tranches: int = 10) -> pd.DataFrame:
    """Courbe de gain (ou de concentration) d'un score.

    Les individus sont classés du score le plus élevé au plus faible (à égalité,
    dans l'ordre des données), puis coupés en ``tranches`` parts égales
    (déciles par défaut). Pour chaque part ciblée cumulée : ``nb_cibles``,
    ``nb_convertis`` captés, ``part_convertis`` (gain = convertis captés /
    convertis totaux), ``taux_transformation`` des ciblés et ``lift`` (gain /
    part ciblée). La première ligne est l'origine (0, 0).

    >>> g = courbe_gain([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05],
    ...                 [1, 1, 0, 1, 0, 0, 0, 0, 0, 0], tranches=5)
    >>> g[["part_ciblee", "nb_convertis", "part_convertis", "lift"]].round(3).values.tolist()
    [[0.0, 0.0, 0.0, nan], [0.2, 2.0, 0.667, 3.333], [0.4, 3.0, 1.0, 2.5], [0.6, 3.0, 1.0, 1.667], [0.8, 3.0, 1.0, 1.25], [1.0, 3.0, 1.0, 1.0]]
    """
    s = _scores(scores, "courbe_gain")
    y = _cible(cible, "courbe_gain")
    if len(s) != len(y):
        raise ErreurCours(
            f"courbe_gain() : {len(s)} scores pour {len(y)} valeurs de la cible ; "
            "il faut un score par individu."
        )
    if y.sum() == 0:
        raise ErreurCours("courbe_gain() : aucun converti dans la cible ; pas de gain à mesurer.")
    if not isinstance(tranches, int) or isinstance(tranches, bool) or tranches < 1:
        raise ErreurCours(
            f"courbe_gain() : tranches doit être un entier ≥ 1 (10 pour des déciles) ; "
            f"reçu {tranches!r}."
        )
    ordre = np.argsort(-s, kind="stable")
    cumul = np.concatenate([[0.0], np.cumsum(y[ordre])])
    n = len(s)
    # Fin de chaque tranche : arrondi du rang k·n/tranches (tranches de tailles presque égales).
    fins = np.array([math.floor(k * n / tranches + 0.5) for k in range(tranches + 1)])
    nb_convertis = cumul[fins]
    with np.errstate(invalid="ignore", divide="ignore"):
        taux = np.where(fins > 0, nb_convertis / np.maximum(fins, 1), np.nan)
    part_ciblee = fins / n
    part_convertis = nb_convertis / y.sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        lift = np.where(
            part_ciblee > 0, part_convertis / np.where(part_ciblee > 0, part_ciblee, 1), np.nan
        )
    return pd.DataFrame(
        {
            "part_ciblee": part_ciblee,
            "nb_cibles": fins,
            "nb_convertis": nb_convertis,
            "part_convertis": part_convertis,
            "taux_transformation": taux,
            "lift": lift,
        }
    )


def courbe_lift(scores: Any, cible: Any, tranches: int = 10) -> pd.DataFrame:
    """Courbe de lift : pour chaque part ciblée, combien de fois mieux que le hasard.

    Lift = part des convertis captés / part ciblée ; 1 sur toute la population.

    >>> courbe_lift([0.9, 0.8, 0.3, 0.2], [1, 0, 1, 0], tranches=2)["lift"].tolist()
    [1.0, 1.0]
    """
    gain = courbe_gain(scores, cible, tranches)
    return gain.iloc[1:][["part_ciblee", "nb_cibles", "lift"]].reset_index(drop=True)


def taux_par_tranche(
    scores: Any, cible: Any, bornes: Sequence[float] | None = None, tranches: int = 5
) -> pd.DataFrame:
    """Taux de transformation par tranche de score.

    Avec ``bornes`` (ex. ``[0, 25, 50, 75, 100]``), tranches [a ; b[ (la dernière
    fermée à droite) ; sinon ``tranches`` parts d'effectifs égaux (quantiles).
    Colonnes : ``tranche``, ``effectif``, ``convertis``, ``taux_transformation``.

    >>> t = taux_par_tranche([10, 20, 60, 70, 80, 90], [0, 0, 0, 1, 1, 1], bornes=[0, 50, 100])
    >>> t.values.tolist()
    [['[0 ; 50[', 2, 0, 0.0], ['[50 ; 100]', 4, 3, 0.75]]
    """
    s = _scores(scores, "taux_par_tranche")
    y = _cible(cible, "taux_par_tranche")
    if len(s) != len(y):
        raise ErreurCours(
            f"taux_par_tranche() : {len(s)} scores pour {len(y)} valeurs de la cible."
        )
    if bornes is None:
        if not isinstance(tranches, int) or tranches < 1:
            raise ErreurCours(
                f"taux_par_tranche() : tranches doit être un entier ≥ 1 ; reçu {tranches!r}."
            )
        bornes = list(np.quantile(s, np.linspace(0, 1, tranches + 1)))
        bornes = sorted(set(bornes))
    bornes = [float(b) for b in bornes]
    if len(bornes) < 2 or any(b2 <= b1 for b1, b2 in zip(bornes[:-1], bornes[1:], strict=True)):
        raise ErreurCours(
            f"taux_par_tranche() : les bornes doivent être au moins deux nombres croissants ; "
            f"reçu {bornes!r}."
        )
    if s.min() < bornes[0] or s.max() > bornes[-1]:
        raise ErreurCours(
            f"taux_par_tranche() : des scores sortent des bornes (de {s.min():g} à {s.max():g}, "
            f"bornes de {bornes[0]:g} à {bornes[-1]:g}) ; élargissez la première ou la dernière."
        )
    indices = np.clip(np.searchsorted(bornes, s, side="right") - 1, 0, len(bornes) - 2)

    def _ecrire(b: float) -> str:
        return f"{b:g}".replace(".", ",")

    lignes = []
    for k, (a, b) in enumerate(zip(bornes[:-1], bornes[1:], strict=True)):
        dedans = indices == k
        fin = "]" if k == len(bornes) - 2 else "["
        effectif = int(dedans.sum())
        convertis = int(y[dedans].sum())
        lignes.append(
            {
                "tranche": f"[{_ecrire(a)} ; {_ecrire(b)}{fin}",
                "effectif": effectif,
                "convertis": convertis,
                "taux_transformation": convertis / effectif if effectif else float("nan"),
            }
        )
    return pd.DataFrame(lignes)


def choix_seuil(
    scores: Any,
    cout_contact: float,
    marge_conversion: float,
    cible: Any = None,
    seuils: Sequence[float] | None = None,
) -> pd.DataFrame:
    """Résultat attendu de chaque seuil de score : qui contacter pour gagner le plus.

    Pour un seuil s, on contacte tous les individus de score ≥ s :
    coût = nb_contactes × ``cout_contact`` ; conversions attendues = convertis
    observés parmi eux si ``cible`` est donnée, sinon somme des scores (les
    scores sont alors des probabilités) ; marge = conversions × ``marge_conversion`` ;
    ``resultat`` = marge − coût ; ``rendement`` = conversions / contactés.
    La colonne ``meilleur`` marque le seuil au résultat le plus élevé (à
    égalité, le seuil le plus haut : moins de contacts pour autant).

    >>> t = choix_seuil([0.8, 0.5, 0.2, 0.1], cout_contact=100, marge_conversion=400,
    ...                 seuils=[0.5, 0.2, 0.1])
    >>> t[["seuil", "nb_contactes", "conversions_attendues", "resultat", "meilleur"]].values.tolist()
    [[0.5, 2, 1.3, 320.0, True], [0.2, 3, 1.5, 300.0, False], [0.1, 4, 1.6, 240.0, False]]
    """
    s = _scores(scores, "choix_seuil")
    cout_contact = montant(cout_contact, "cout_contact", "choix_seuil")
    marge_conversion = montant(marge_conversion, "marge_conversion", "choix_seuil")
    if cible is None:
        if s.min() < 0 or s.max() > 1:
            raise ErreurCours(
                "choix_seuil() : sans cible, les scores doivent être des probabilités "
                f"(entre 0 et 1) ; reçu de {s.min():g} à {s.max():g}. Donnez la cible "
                "(convertis observés) pour un score en points."
            )
        conversions = s
    else:
        conversions = _cible(cible, "choix_seuil")
        if len(conversions) != len(s):
            raise ErreurCours(f"choix_seuil() : {len(s)} scores pour {len(conversions)} cibles.")
    if seuils is None:
        seuils = sorted(set(s.tolist()), reverse=True)
    seuils = sorted({float(x) for x in seuils}, reverse=True)
    lignes = []
    for seuil in seuils:
        retenus = s >= seuil
        n = int(retenus.sum())
        conv = float(conversions[retenus].sum())
        lignes.append(
            {
                "seuil": seuil,
                "nb_contactes": n,
                "conversions_attendues": conv,
                "cout_total": n * cout_contact,
                "marge_attendue": conv * marge_conversion,
                "resultat": conv * marge_conversion - n * cout_contact,
                "rendement": conv / n if n else float("nan"),
            }
        )
    table = pd.DataFrame(lignes)
    table["meilleur"] = False
    table.loc[table["resultat"].idxmax(), "meilleur"] = True  # premier maximum = seuil le plus haut
    return table
