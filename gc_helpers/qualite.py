"""Fiabilisation des données (S822) : contrôler, normaliser, repérer les doublons.

Un fichier de contacts saisi à la main (un salon, un import de tableur) arrive
toujours « sale » : téléphones écrits de dix façons, codes postaux qui ont perdu
leur zéro, e-mails mal formés, noms en majuscules, espaces parasites, doublons
orthographiés différemment. Ce module fournit les outils pour :

1. **mesurer** la qualité d'un fichier : ``rapport_qualite`` ;
2. **normaliser** les valeurs, une à une ou colonne par colonne :
   ``normaliser_telephone``, ``normaliser_code_postal``, ``normaliser_email``,
   ``normaliser_nom``, ``normaliser_raison_sociale`` et ``normaliser_table`` ;
3. **rapprocher** les fiches qui désignent la même entreprise :
   ``cle_rapprochement`` et ``doublons_probables``.

Les fonctions de normalisation renvoient ``None`` pour une valeur qu'on ne sait
pas corriger : on peut ainsi compter les valeurs invalides au lieu de les perdre.
Elles acceptent une valeur seule, une liste ou une colonne (``Series``).

>>> normaliser_telephone("+33 1 99 00 12 34")
'01 99 00 12 34'
>>> normaliser_code_postal("6000")
'06000'
>>> cle_rapprochement("Hôtel du Louvre SARL") == cle_rapprochement("HOTEL  DU LOUVRE")
True
"""

from __future__ import annotations

import functools
import numbers
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

from gc_helpers._erreurs import ErreurCours, verifier_nom
from gc_helpers.formats import _est_manquant as _manquant

__all__ = [
    "normaliser_telephone",
    "normaliser_code_postal",
    "email_valide",
    "normaliser_email",
    "normaliser_nom",
    "normaliser_raison_sociale",
    "cle_rapprochement",
    "rapport_qualite",
    "doublons_probables",
    "normaliser_table",
]

# Formes juridiques retirées de la clé de rapprochement : « Hôtel du Louvre SARL » et
# « Hotel du Louvre » désignent la même entreprise. ETS / STE / SOCIETE ne sont pas des
# formes juridiques mais se comportent pareil (« Ets Martin » = « Martin »).
FORMES_JURIDIQUES = frozenset(
    {"SARL", "SAS", "SA", "EURL", "SASU", "SNC", "SCI", "SCOP", "SELARL", "ETS", "STE", "SOCIETE"}
)
_PETITS_MOTS = frozenset(
    {
        "de",
        "du",
        "des",
        "d",
        "la",
        "le",
        "les",
        "l",
        "et",
        "à",
        "au",
        "aux",
        "en",
        "sur",
        "sous",
        "chez",
        "par",
        "pour",
    }
)
_ESPACES = re.compile(r"[\s\u00a0\u202f]+")
_SEPARATEURS_TELEPHONE = re.compile(r"[\s\u00a0\u202f.\-/_()]+")
_CHIFFRES = re.compile(r"[0-9]+", re.ASCII)
# E-mail « pragmatique » : pas d'espace, un seul @, pas de point au début, à la fin ni doublé
# dans la partie locale ; un domaine fait d'étiquettes séparées par des points, terminé par
# une extension d'au moins deux lettres. Les lettres accentuées sont refusées (la plupart des
# messageries les refusent encore).
_EMAIL = re.compile(
    r"[A-Za-z0-9_%+'-]+(?:\.[A-Za-z0-9_%+'-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}",
    re.ASCII,
)
# Extensions mal tapées fréquentes (« .con » pour « .com ») : bien formées, mais fausses.
_EXTENSIONS_FAUTIVES = frozenset({"con", "cmo", "ocm", "comm", "vom", "xom", "frr"})
_GENRES = ("telephone", "email", "code_postal", "nom", "raison_sociale")


# --------------------------------------------------------------------------- outils internes


def _est_manquant(valeur: Any) -> bool:
    """None, NaN, pd.NA, ou un texte vide / fait seulement d'espaces."""
    return _manquant(valeur, texte_vide=True)


def _nom_type(valeur: Any) -> str:
    return {
        "DataFrame": "une table (DataFrame)",
        "dict": "un dictionnaire",
        "set": "un ensemble",
        "ndarray": "un tableau numpy",
    }.get(type(valeur).__name__, type(valeur).__name__)


def _valeur_ou_colonne(fonction: Callable[..., Any]) -> Callable[..., Any]:
    """Applique une fonction « une valeur » à une Series ou une liste, élément par élément.

    Une table entière est refusée avec un message qui oriente vers normaliser_table.
    """

    @functools.wraps(fonction)
    def enveloppe(valeur: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(valeur, pd.Series):
            return valeur.map(lambda v: fonction(v, *args, **kwargs))
        if isinstance(valeur, list | tuple):
            return [fonction(v, *args, **kwargs) for v in valeur]
        if isinstance(valeur, pd.DataFrame | dict | set | np.ndarray):
            raise ErreurCours(
                f"{fonction.__name__}() attend une valeur, une liste ou une colonne "
                f"(df['colonne']) ; reçu {_nom_type(valeur)}. Pour normaliser plusieurs "
                "colonnes d'une table, utilisez normaliser_table(df, {'colonne': 'genre'})."
            )
        return fonction(valeur, *args, **kwargs)

    return enveloppe


def _en_texte(valeur: Any) -> str:
    """Texte d'une cellule ; un nombre entier lu comme flottant (6000.0) redevient « 6000 »."""
    if isinstance(valeur, numbers.Integral):
        return str(int(valeur))
    if isinstance(valeur, numbers.Real) and float(valeur).is_integer():
        return str(int(valeur))
    return str(valeur)


def _sans_accents(texte: str) -> str:
    texte = texte.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decompose = unicodedata.normalize("NFKD", texte)
    return "".join(c for c in decompose if not unicodedata.combining(c))


# --------------------------------------------------------------------------- téléphones


@_valeur_ou_colonne
def normaliser_telephone(valeur: Any) -> str | None:
    """Écrit un numéro français sous la forme ``01 99 00 12 34`` ; ``None`` s'il est invalide.

    Accepte les points, tirets, espaces, barres, les préfixes ``+33``, ``0033`` et
    ``+33 (0)``. Un numéro de 9 chiffres qui ne commence pas par 0 est un numéro
    dont le zéro initial a été perdu (cellule de tableur au format nombre) : il est
    rétabli. Renvoie ``None`` pour tout ce qui ne peut pas être un numéro français
    à 10 chiffres (trop court, lettres, indicatif d'un autre pays).

    >>> normaliser_telephone("01.99.00.12.34")
    '01 99 00 12 34'
    >>> normaliser_telephone("0033 (0)6-12-34-56-78")
    '06 12 34 56 78'
    >>> normaliser_telephone(199001234)
    '01 99 00 12 34'
    >>> normaliser_telephone("01 99 00 12") is None, normaliser_telephone("+32 2 555 12 12") is None
    (True, True)
    """
    if _est_manquant(valeur) or isinstance(valeur, bool):
        return None
    texte = _en_texte(valeur).strip()
    texte = re.sub(r"^(\+|00)\s*33\s*\(0\)", "0", texte)  # « +33 (0)1 … » : le 0 est en trop
    chiffres = _SEPARATEURS_TELEPHONE.sub("", texte)
    if chiffres.startswith("+33"):
        chiffres = "0" + chiffres[3:]
    elif chiffres.startswith("0033"):
        chiffres = "0" + chiffres[4:]
    elif len(chiffres) == 11 and chiffres.startswith("33"):
        chiffres = "0" + chiffres[2:]  # « 33 1 99 00 12 34 » : le + a été oublié
    if not _CHIFFRES.fullmatch(chiffres):
        return None  # lettres, « + » d'un autre pays…
    if len(chiffres) == 9 and chiffres[0] != "0":
        chiffres = "0" + chiffres
    if len(chiffres) != 10 or chiffres[0] != "0" or chiffres[1] == "0":
        return None
    return " ".join(chiffres[i : i + 2] for i in range(0, 10, 2))


# --------------------------------------------------------------------------- codes postaux


def _prefixe_departement(departement: Any) -> str:
    """Début de code postal d'un département : 6 → '06', '2A' → '20', '971' → '971'."""
    texte = _en_texte(departement).strip().upper() if not isinstance(departement, bool) else ""
    if texte in ("2A", "2B"):
        return "20"
    if _CHIFFRES.fullmatch(texte) and (len(texte) <= 2 or texte.startswith("97")):
        return texte.zfill(2)
    raise ErreurCours(
        f"normaliser_code_postal() : departement {departement!r} n'est pas un numéro de "
        "département. Exemples acceptés : '06' ou 6, '75', '2A', '971'."
    )


@_valeur_ou_colonne
def normaliser_code_postal(valeur: Any, departement: Any = None) -> str | None:
    """Écrit un code postal sur 5 chiffres (texte) ; ``None`` s'il est invalide.

    ``'75 001'`` → ``'75001'`` ; un code de 4 chiffres a perdu son zéro initial
    (tableur) : ``'6000'`` → ``'06000'``. Si ``departement`` est donné (``'06'``,
    ``6``, ``'2A'``…), un code qui n'appartient pas à ce département est invalide.

    >>> normaliser_code_postal("75 001"), normaliser_code_postal(6000)
    ('75001', '06000')
    >>> normaliser_code_postal("750") is None
    True
    >>> normaliser_code_postal("06000", departement="13") is None
    True
    """
    prefixe = None if departement is None else _prefixe_departement(departement)
    if _est_manquant(valeur) or isinstance(valeur, bool):
        return None
    code = _ESPACES.sub("", _en_texte(valeur))
    if not _CHIFFRES.fullmatch(code):
        return None
    if len(code) == 4:
        code = "0" + code
    if len(code) != 5 or code.startswith("00"):
        return None
    if prefixe is not None and not code.startswith(prefixe):
        return None
    return code


# --------------------------------------------------------------------------- e-mails


@_valeur_ou_colonne
def email_valide(valeur: Any) -> bool:
    """Vrai si ``valeur`` a la forme d'une adresse e-mail (contrôle pragmatique).

    Pas d'espace, un seul ``@``, un point dans le domaine, pas de point doublé, pas
    d'extension mal tapée courante (``.con``, ``.cmo``…). Les espaces autour ne sont
    pas tolérés ici : ``normaliser_email`` les retire.

    >>> email_valide("jean.dupont@hotel-louvre.fr"), email_valide("jean.dupont@hotel")
    (True, False)
    >>> email_valide("jean..dupont@gmail.com"), email_valide("jean@gmail.con"), email_valide(None)
    (False, False, False)
    """
    if not isinstance(valeur, str) or _EMAIL.fullmatch(valeur) is None:
        return False
    return valeur.rsplit(".", 1)[1].lower() not in _EXTENSIONS_FAUTIVES


@_valeur_ou_colonne
def normaliser_email(valeur: Any) -> str | None:
    """Retire les espaces, met en minuscules ; ``None`` si l'adresse reste invalide.

    >>> normaliser_email("  Jean.Dupont@Hotel-Louvre.FR ")
    'jean.dupont@hotel-louvre.fr'
    >>> normaliser_email("jean.dupont@@gmail.com") is None
    True
    """
    if _est_manquant(valeur) or not isinstance(valeur, str):
        return None
    adresse = valeur.strip().lower()
    return adresse if email_valide(adresse) else None


# --------------------------------------------------------------------------- noms


def _capitaliser(mot: str, premier: bool) -> str:
    """« jean-PIERRE » → « Jean-Pierre », « d'artagnan » → « d'Artagnan » (hors début)."""
    morceaux = re.split(r"([-'’])", mot)
    resultat = []
    for k, morceau in enumerate(morceaux):
        elision = (
            not premier
            and k == 0
            and morceau.lower() in ("d", "l")
            and len(morceaux) > 1
            and morceaux[1] in ("'", "’")
        )
        if elision or morceau in ("-", "'", "’"):
            resultat.append(morceau.lower())
        else:
            resultat.append(morceau[:1].upper() + morceau[1:].lower())
    return "".join(resultat)


@_valeur_ou_colonne
def normaliser_nom(valeur: Any) -> str | None:
    """Met un nom de personne en forme : espaces en trop retirés, majuscules à la française.

    Chaque partie d'un nom composé prend une majuscule ; les particules ``de``,
    ``du``, ``des``, ``d'`` (et ``la``, ``le`` après ``de``) restent en minuscules,
    sauf en début de nom. Les accents sont gardés.

    >>> normaliser_nom("jean-PIERRE   de la fontaine")
    'Jean-Pierre de la Fontaine'
    >>> normaliser_nom(" ÉLODIE "), normaliser_nom("   ") is None
    ('Élodie', True)
    """
    if _est_manquant(valeur):
        return None
    mots = _ESPACES.sub(" ", str(valeur)).strip().split(" ")
    resultat: list[str] = []
    for i, mot in enumerate(mots):
        minuscule = mot.lower()
        particule = i > 0 and minuscule in ("de", "du", "des")
        article = i > 0 and minuscule in ("la", "le") and resultat[-1] == "de"
        resultat.append(minuscule if particule or article else _capitaliser(mot, i == 0))
    return " ".join(resultat)


@_valeur_ou_colonne
def normaliser_raison_sociale(valeur: Any) -> str | None:
    """Forme d'affichage soignée d'une raison sociale (les accents sont gardés).

    Espaces en trop retirés, pas d'espace avant une virgule ou un point, forme
    juridique en majuscules (``Sarl`` → ``SARL``). Un nom saisi tout en majuscules
    ou tout en minuscules est réécrit avec une majuscule à chaque mot important
    (``HOTEL DU LOUVRE`` → ``Hotel du Louvre`` : un accent absent ne peut pas être
    deviné, et un sigle perd ses capitales) ; un nom à casse mixte est gardé tel quel.

    >>> normaliser_raison_sociale("  HOTEL   DU LOUVRE , sarl ")
    'Hotel du Louvre, SARL'
    >>> normaliser_raison_sociale("Hôtel du Louvre Sarl")
    'Hôtel du Louvre SARL'
    """
    if _est_manquant(valeur):
        return None
    texte = _ESPACES.sub(" ", str(valeur)).strip()
    texte = re.sub(r" ([,.])", r"\1", texte)
    formes = FORMES_JURIDIQUES - {"ETS", "STE", "SOCIETE"}
    decoupe = texte.split(" ")
    juridique = [_sans_accents(mot.strip(",.").upper()) in formes for mot in decoupe]
    # La casse se juge sans la forme juridique : « HOTEL DU LOUVRE sarl » est écrit
    # « tout en majuscules » pour ce qui compte.
    sans_forme = "".join(m for m, j in zip(decoupe, juridique, strict=True) if not j)
    lettres = [c for c in sans_forme if c.isalpha()]
    casse_uniforme = all(c.isupper() for c in lettres) or all(c.islower() for c in lettres)
    mots = []
    for i, mot in enumerate(decoupe):
        if juridique[i]:
            mots.append(mot.upper())
        elif casse_uniforme and i > 0 and mot.lower() in _PETITS_MOTS:
            mots.append(mot.lower())
        elif casse_uniforme:
            mots.append(_capitaliser(mot, i == 0))
        else:
            mots.append(mot)
    return " ".join(mots)


@_valeur_ou_colonne
def cle_rapprochement(valeur: Any) -> str:
    """Clé de comparaison d'un nom : sans accents, en majuscules, sans ponctuation.

    Les formes juridiques (SARL, SAS, SA, EURL, SASU, SNC…) sont retirées, ``&``
    devient ``ET``, les sigles à points sont recollés (``S.A.R.L.`` → ``SARL``).
    Deux fiches de la même entreprise ont ainsi la même clé, ou une clé très proche.
    Une valeur manquante donne une clé vide ``''``.

    >>> cle_rapprochement("Hôtel du Louvre S.A.R.L.")
    'HOTEL DU LOUVRE'
    >>> cle_rapprochement("Dupont & Fils, SAS"), cle_rapprochement(None)
    ('DUPONT ET FILS', '')
    """
    if _est_manquant(valeur):
        return ""
    texte = _sans_accents(str(valeur)).upper().replace("&", " ET ")
    texte = re.sub(r"\b(?:[A-Z]\.){2,}", lambda m: m.group().replace(".", ""), texte)
    mots = re.sub(r"[^A-Z0-9]+", " ", texte).split()
    return " ".join(m for m in mots if m not in FORMES_JURIDIQUES)


# --------------------------------------------------------------------------- contrôles d'une table

_NORMALISEURS: dict[str, Callable[[Any], Any]] = {
    "telephone": normaliser_telephone,
    "email": normaliser_email,
    "code_postal": normaliser_code_postal,
    "nom": normaliser_nom,
    "raison_sociale": normaliser_raison_sociale,
}


def _controle_par_nom(colonne: Any) -> str | None:
    """Reconnaît les colonnes à contrôler d'après leur nom (email, telephone, code_postal)."""
    nom = _sans_accents(str(colonne)).lower().replace("-", "_").replace(" ", "_")
    mots = set(nom.split("_"))
    if mots & {"email", "mail", "courriel", "e_mail"} or nom.startswith("email"):
        return "email"
    if mots & {"telephone", "tel", "portable", "mobile"}:
        return "telephone"
    if "code_postal" in nom or "codepostal" in nom or "cp" in mots:
        return "code_postal"
    return None


def _verifier_table(df: Any, fonction: str) -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise ErreurCours(
            f"{fonction}() attend une table (DataFrame) ; reçu {_nom_type(df)}. "
            "Chargez d'abord le fichier, par exemple avec gc.table('import_salon')."
        )
    return df


def _masque_manquants(serie: pd.Series) -> pd.Series:
    """Manquant : NaN/None, ou texte vide ou fait d'espaces."""
    manquants = serie.isna()
    if serie.dtype == object or pd.api.types.is_string_dtype(serie.dtype):
        vides = serie.map(lambda v: isinstance(v, str) and not v.strip(), na_action="ignore")
        manquants = manquants | vides.fillna(False).astype(bool)
    return manquants


def _type_fr(serie: pd.Series) -> str:
    genre = pd.api.types.infer_dtype(serie, skipna=True)
    return {
        "string": "texte",
        "integer": "entier",
        "floating": "décimal",
        "mixed-integer-float": "décimal",
        "decimal": "décimal",
        "boolean": "booléen",
        "datetime64": "date",
        "datetime": "date",
        "date": "date",
        "empty": "vide",
    }.get(genre, "mixte")


def _compter_distincts(valeurs: pd.Series) -> int:
    try:
        return int(valeurs.nunique())
    except TypeError:  # cellules non hachables (listes…) : on compare leur écriture
        return int(valeurs.astype(str).nunique())


def rapport_qualite(df: pd.DataFrame, controles: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Rapport de qualité : une ligne par colonne de la table.

    Colonnes du rapport : ``colonne``, ``type``, ``renseignes``, ``manquants``,
    ``taux_remplissage`` (décimal : 0.9 pour 90 %), ``valeurs_distinctes``
    (parmi les valeurs renseignées, telles qu'écrites) et ``invalides``.
    Un texte vide ou fait seulement d'espaces compte comme manquant.

    ``invalides`` compte, pour les colonnes reconnues à leur nom (``email``,
    ``telephone``, ``code_postal`` et leurs variantes : ``tel``, ``mail``, ``cp``…)
    ou désignées par ``controles={'colonne': 'email' | 'telephone' | 'code_postal'}``,
    les valeurs renseignées que la normalisation rejette ; ``NaN`` ailleurs.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"email": ["a@b.fr", "pas-un-mail", "  ", None],
    ...                    "ville": ["Paris", "paris", "Nice", "Nice"]})
    >>> rapport_qualite(df)[["colonne", "renseignes", "manquants", "taux_remplissage", "invalides"]]
      colonne  renseignes  manquants  taux_remplissage  invalides
    0   email           2          2               0.5        1.0
    1   ville           4          0               1.0        NaN
    """
    _verifier_table(df, "rapport_qualite")
    if len(df.columns) == 0 or len(df) == 0:
        raise ErreurCours(
            f"rapport_qualite() : la table est vide ({len(df)} ligne(s), {len(df.columns)} "
            "colonne(s)) ; il n'y a rien à contrôler. Vérifiez le chargement du fichier."
        )
    controles = dict(controles or {})
    for colonne, genre in controles.items():
        verifier_nom(str(colonne), [str(c) for c in df.columns])
        verifier_nom(str(genre), ["email", "telephone", "code_postal"], quoi="Le contrôle")

    lignes = []
    for colonne in df.columns:
        serie = df[colonne]
        manquants = _masque_manquants(serie)
        presents = serie[~manquants]
        genre = controles.get(str(colonne)) or _controle_par_nom(colonne)
        invalides = np.nan
        if genre is not None:
            invalides = int(presents.map(_NORMALISEURS[genre]).isna().sum())
        lignes.append(
            {
                "colonne": str(colonne),
                "type": _type_fr(serie[~manquants]),
                "renseignes": int(len(presents)),
                "manquants": int(manquants.sum()),
                "taux_remplissage": len(presents) / len(df),
                "valeurs_distinctes": _compter_distincts(presents),
                "invalides": invalides,
            }
        )
    rapport = pd.DataFrame(lignes)
    rapport["invalides"] = rapport["invalides"].astype(float)
    return rapport


# --------------------------------------------------------------------------- doublons


def _verifier_seuil(seuil: Any) -> float:
    if isinstance(seuil, bool) or not isinstance(seuil, numbers.Real):
        raise ErreurCours(
            f"doublons_probables() : seuil doit être un nombre entre 0 et 100 ; reçu {seuil!r}."
        )
    if 0 < seuil <= 1:
        raise ErreurCours(
            f"doublons_probables() : seuil vaut {seuil}, mais le score de ressemblance va de "
            "0 à 100 (100 = identiques). Pour 85 % de ressemblance, écrivez seuil=85 "
            f"(et non {seuil})."
        )
    if not 0 <= seuil <= 100:
        raise ErreurCours(
            f"doublons_probables() : seuil doit être entre 0 et 100 ; reçu {seuil}. "
            "Une valeur de 80 à 90 convient en général."
        )
    return float(seuil)


def _colonnes_demandees(df: pd.DataFrame, colonnes: Any) -> list[str]:
    if isinstance(colonnes, str):
        colonnes = [colonnes]
    if not isinstance(colonnes, Iterable) or isinstance(colonnes, Mapping):
        raise ErreurCours(
            "doublons_probables() : colonnes doit être une liste de noms de colonnes, "
            f"par exemple ['raison_sociale', 'ville'] ; reçu {colonnes!r}."
        )
    colonnes = list(colonnes)
    if not colonnes:
        raise ErreurCours(
            "doublons_probables() : la liste colonnes est vide ; donnez au moins une colonne, "
            "par exemple ['raison_sociale', 'ville']."
        )
    noms = [str(c) for c in df.columns]
    return [verifier_nom(str(c), noms) for c in colonnes]


def _scores(df: pd.DataFrame, colonnes: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Score de ressemblance (0-100) entre toutes les paires de lignes, et celui de la 1re colonne.

    Pour chaque colonne, ``token_sort_ratio`` compare les clés de rapprochement
    (l'ordre des mots ne compte pas) ; une colonne vide d'un côté ou de l'autre
    n'entre pas dans la moyenne de la paire (et vaut -1 pour la première colonne).
    """
    from rapidfuzz import fuzz, process  # seulement quand on cherche des doublons

    n = len(df)
    somme = np.zeros((n, n), dtype=np.float64)
    comparees = np.zeros((n, n), dtype=np.int32)
    premiere = None
    for colonne in colonnes:
        cles = [cle_rapprochement(v) for v in df[colonne].tolist()]
        presentes = np.array([bool(c) for c in cles], dtype=bool)
        matrice = process.cdist(cles, cles, scorer=fuzz.token_sort_ratio, dtype=np.float64)
        deux = presentes[:, None] & presentes[None, :]
        somme += np.where(deux, matrice, 0.0)
        comparees += deux
        if premiere is None:
            premiere = np.where(deux, matrice, -1.0)
    moyenne = np.divide(somme, comparees, out=np.zeros_like(somme), where=comparees > 0)
    return moyenne, premiere


def _paires_meme_email(df: pd.DataFrame, colonne_email: str) -> set[tuple[int, int]]:
    """Paires de positions de lignes qui ont la même adresse e-mail une fois normalisée."""
    emails = pd.Series([normaliser_email(v) for v in df[colonne_email].tolist()]).dropna()
    paires: set[tuple[int, int]] = set()
    for positions in emails.groupby(emails).indices.values():
        paires.update(combinations(sorted(emails.index[positions]), 2))
    return paires


def _colonne_email(df: pd.DataFrame, colonne_email: Any) -> str | None:
    if colonne_email is None:
        return None
    if colonne_email == "auto":
        return next((str(c) for c in df.columns if _controle_par_nom(c) == "email"), None)
    return verifier_nom(str(colonne_email), [str(c) for c in df.columns])


#: Taille maximale d'une table pour doublons_probables (comparaison de toutes les paires).
LIGNES_MAX_DOUBLONS = 5_000


def doublons_probables(
    df: pd.DataFrame,
    colonnes: list[str] | str,
    seuil: float = 85,
    id_colonne: str | None = None,
    colonne_email: str | None = "auto",
) -> pd.DataFrame:
    """Paires de lignes qui désignent probablement la même entreprise ou la même personne.

    Les valeurs des ``colonnes`` sont comparées par leur clé de rapprochement
    (``cle_rapprochement`` : sans accents, casse, ponctuation ni forme juridique)
    avec le score ``token_sort_ratio`` de rapidfuzz (0 à 100, l'ordre des mots
    ne compte pas) ; le score d'une paire est la moyenne sur les colonnes
    renseignées des deux côtés. Une paire est retenue si son score atteint
    ``seuil`` (sur 100 : ``seuil=85``, pas 0.85) **et** si la première colonne,
    la principale (le nom), l'atteint à elle seule : les autres colonnes (la ville…)
    confirment une ressemblance, elles ne la créent pas. Deux lignes avec la même adresse
    e-mail normalisée sont aussi retenues, avec le score 100 ; la colonne e-mail est
    trouvée à son nom (``colonne_email='auto'``), désignée, ou ignorée (``None``).

    Résultat, trié par score décroissant : ``ligne_1``, ``ligne_2`` (l'index de la
    table, ou la colonne ``id_colonne``), ``score``, les valeurs comparées côte à
    côte (``raison_sociale_1``, ``raison_sociale_2``…) et ``motif``.

    >>> import pandas as pd
    >>> salon = pd.DataFrame({
    ...     "raison_sociale": ["Hôtel du Louvre", "HOTEL DU LOUVRE SARL", "Boutique Lutèce"],
    ...     "ville": ["Paris", "PARIS", "Paris"]})
    >>> doublons_probables(salon, ["raison_sociale", "ville"])[["ligne_1", "ligne_2", "score"]]
       ligne_1  ligne_2  score
    0        0        1  100.0
    """
    _verifier_table(df, "doublons_probables")
    if len(df) > LIGNES_MAX_DOUBLONS:
        # Toutes les paires sont comparées (n² scores) : au-delà, la mémoire du poste y passe.
        raise ErreurCours(
            f"doublons_probables() compare toutes les paires de lignes : {len(df):,} lignes "
            f"en font trop (maximum {LIGNES_MAX_DOUBLONS:,}). Filtrez d'abord la table "
            "(une ville, un secteur, un fichier importé) puis cherchez les doublons "
            "dans ce sous-ensemble.".replace(",", "\u202f")
        )
    colonnes = _colonnes_demandees(df, colonnes)
    seuil = _verifier_seuil(seuil)
    if id_colonne is not None:
        verifier_nom(str(id_colonne), [str(c) for c in df.columns])
        identifiants = df[id_colonne].to_numpy()
    else:
        identifiants = df.index.to_numpy()
    email = _colonne_email(df, colonne_email)

    scores, premiere = _scores(df, colonnes)
    # La première colonne (le nom) doit ressembler à elle seule : sinon deux hôtels
    # différents de la même ville passeraient grâce à la ville identique.
    retenues = np.triu((scores >= seuil) & (premiere >= seuil), k=1)
    paires = {
        (int(i), int(j)): "valeurs proches" for i, j in zip(*np.nonzero(retenues), strict=True)
    }
    for i, j in paires:
        if scores[i, j] == 100:
            paires[i, j] = "valeurs identiques"
    if email is not None:
        for i, j in _paires_meme_email(df, email):
            # Même e-mail : même contact, quelles que soient les autres valeurs.
            scores[i, j] = 100.0
            paires[i, j] = "même e-mail" + (" + " + paires[i, j] if (i, j) in paires else "")

    affichees = colonnes + ([email] if email is not None and email not in colonnes else [])
    lignes = []
    for (i, j), motif in paires.items():
        ligne = {"ligne_1": identifiants[i], "ligne_2": identifiants[j], "score": scores[i, j]}
        for colonne in affichees:
            ligne[f"{colonne}_1"] = df[colonne].iat[i]
            ligne[f"{colonne}_2"] = df[colonne].iat[j]
        ligne["motif"] = motif
        ligne["_ordre"] = (i, j)
        lignes.append(ligne)
    entetes = ["ligne_1", "ligne_2", "score"]
    entetes += [f"{c}_{k}" for c in affichees for k in (1, 2)] + ["motif"]
    if not lignes:
        return pd.DataFrame({nom: pd.Series(dtype=object) for nom in entetes}).astype(
            {"score": float}
        )
    resultat = pd.DataFrame(lignes)
    resultat = resultat.sort_values(["score", "_ordre"], ascending=[False, True], kind="stable")
    return resultat[entetes].reset_index(drop=True)


# --------------------------------------------------------------------------- normaliser une table


def normaliser_table(df: pd.DataFrame, colonnes: Mapping[str, str]) -> pd.DataFrame:
    """Renvoie une **copie** de la table avec les colonnes demandées normalisées.

    ``colonnes`` = ``{colonne: 'telephone' | 'email' | 'code_postal' | 'nom' |
    'raison_sociale'}``. La table d'origine n'est jamais modifiée : on peut
    comparer avant et après. Les valeurs impossibles à corriger deviennent vides.

    >>> import pandas as pd
    >>> brut = pd.DataFrame({"tel": ["01.99.00.12.34", "12"], "cp": ["6000", "75 001"]})
    >>> normaliser_table(brut, {"tel": "telephone", "cp": "code_postal"})
                  tel     cp
    0  01 99 00 12 34  06000
    1            None  75001
    >>> normaliser_table(brut, {"tel": "téléphone"})  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.NomInconnu: Le genre de normalisation 'téléphone' n'existe pas.
    Possibilités : telephone, email, code_postal, nom, raison_sociale. Vouliez-vous dire
    'telephone' ?
    """
    _verifier_table(df, "normaliser_table")
    if not isinstance(colonnes, Mapping):
        raise ErreurCours(
            "normaliser_table() : colonnes doit être un dictionnaire {colonne: genre}, par "
            "exemple {'telephone': 'telephone', 'email': 'email'} ; "
            f"reçu {_nom_type(colonnes)}."
        )
    noms = [str(c) for c in df.columns]
    for colonne, genre in colonnes.items():
        verifier_nom(str(colonne), noms)
        verifier_nom(str(genre), _GENRES, quoi="Le genre de normalisation")
    copie = df.copy()
    for colonne, genre in colonnes.items():
        normaliser = _NORMALISEURS[genre]
        copie[colonne] = pd.Series(
            [normaliser(v) for v in df[colonne].tolist()], index=df.index, dtype=object
        )
    return copie
