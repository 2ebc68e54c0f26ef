"""Affichage à la française : nombres, montants, pourcentages, dates, tableaux et graphiques.

Les nombres sont mis en forme par Babel (données CLDR, locale ``fr_FR``) plutôt qu'à la
main. Conséquences à connaître :

- le séparateur des milliers est l'**espace fine insécable** (U+202F), comme le
  recommande l'Imprimerie nationale ; c'est elle qu'on voit dans ``'1\\u202f234,5'`` ;
- l'espace avant ``€`` et ``%`` est l'**espace insécable** (U+00A0) : le symbole
  ne part jamais seul à la ligne ;
- l'arrondi d'affichage est l'arrondi « commercial » (0,125 → 0,13), celui des
  calculatrices et des tableurs, et non l'arrondi « au pair » de Python ;
- une valeur manquante (``None``, ``NaN``, ``NaT``, ``pd.NA``) s'affiche ``'—'``
  au lieu de provoquer une erreur : un tableau avec des trous reste lisible ;
- un texte qui n'est pas un nombre lève ``ErreurCours`` avec un message en français.

Ces fonctions servent **uniquement à l'affichage** : elles renvoient du texte,
on ne calcule plus avec le résultat.

>>> euros(1234.56)
'1\\u202f234,56\\xa0€'
>>> pourcentage(0.125), date_fr("2025-01-31"), mois_fr("2025-01-31")
('12,5\\xa0%', '31/01/2025', 'janvier 2025')
"""

from __future__ import annotations

import datetime as _dt
import decimal
import html
import numbers
import re
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
    get_minus_sign_symbol,
)

from gc_helpers._erreurs import ErreurCours, verifier_nom

if TYPE_CHECKING:  # seulement pour les annotations : pas d'import de matplotlib au chargement
    from matplotlib.axes import Axes
    from pandas.io.formats.style import Styler

__all__ = [
    "nombre",
    "euros",
    "pourcentage",
    "date_fr",
    "mois_fr",
    "tableau",
    "tableau_html",
    "style_graphique",
    "axe_euros",
    "axe_pourcentage",
    "axe_nombre",
]

LOCALE = "fr_FR"
VIDE = "—"
"""Ce qu'affichent les fonctions de ce module pour une valeur manquante."""

_DECIMALES_PAR_DEFAUT = 3  # nombre(x) sans décimales imposées : au plus 3, sans zéros inutiles
_FORMATS_COLONNE = ("euros", "pourcentage", "nombre", "entier", "date", "mois", "texte")


# --------------------------------------------------------------------------- outils internes


@lru_cache(maxsize=1)
def _locale() -> Locale:
    return Locale.parse(LOCALE)


@lru_cache(maxsize=1)
def _symboles() -> dict[int, str]:
    """Table de traduction des symboles Python (',' '.' '-') vers ceux de la locale.

    Babel (CLDR) fournit les symboles de fr_FR : espace fine insécable U+202F pour
    les milliers, virgule décimale, signe moins '-'. Le motif CLDR des nombres
    français (``#,##0.###``) groupe les chiffres par 3, comme le format ``,`` de Python :
    on laisse Python grouper un ``Decimal`` déjà arrondi (exact et rapide), puis on
    remplace les symboles. Les tests comparent ce résultat à ``babel.numbers.format_decimal``.
    """
    locale = _locale()
    return str.maketrans(
        {
            ",": get_group_symbol(locale),
            ".": get_decimal_symbol(locale),
            "-": get_minus_sign_symbol(locale),
        }
    )


@lru_cache(maxsize=1)
def _suffixe_pourcent() -> str:
    # '#,##0\xa0%' en fr_FR : on reprend le suffixe de la locale (espace insécable + %).
    return _locale().percent_formats[None].suffix[0]


@lru_cache(maxsize=1)
def _suffixe_euro() -> str:
    # '#,##0.00\xa0¤' en fr_FR : ¤ est remplacé par le symbole de l'euro.
    suffixe = _locale().currency_formats["standard"].suffix[0]
    return suffixe.replace("¤", get_currency_symbol("EUR", LOCALE))


def _est_manquant(x: Any, texte_vide: bool = False) -> bool:
    """Vrai pour None, NaN, NaT et pd.NA (sans planter sur un texte ou une liste).

    Avec ``texte_vide=True``, un texte vide ou fait d'espaces compte aussi comme
    manquant (fichiers importés). Partagé par ``qualite`` et ``correction``.
    """
    if x is None:
        return True
    if isinstance(x, float):  # chemin rapide : la plupart des cellules d'un tableau
        return x != x  # seul NaN est différent de lui-même
    if isinstance(x, str):
        return texte_vide and not x.strip()
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):  # une liste, un tableau : pas une valeur manquante
        return False


def _en_decimal(x: Any, fonction: str) -> Decimal:
    """Convertit ``x`` en ``Decimal`` exact pour l'affichage, ou lève ``ErreurCours``.

    On passe par ``repr`` du flottant (la plus courte écriture qui le représente) :
    0.1 + 0.2 s'affiche 0,3 et 2.675 s'arrondit à 2,68 comme sur une calculatrice.
    """
    if isinstance(x, bool | np.bool_):
        raise ErreurCours(
            f"{fonction}() attend un nombre ; reçu un booléen ({x!r}). "
            "Donnez une valeur numérique (par exemple 1234.5)."
        )
    if isinstance(x, Decimal):
        return x
    if isinstance(x, numbers.Integral):
        return Decimal(int(x))
    if isinstance(x, numbers.Real):
        return Decimal(repr(float(x)))
    if isinstance(x, str):
        return _texte_en_decimal(x, fonction)
    raise ErreurCours(
        f"{fonction}() attend un nombre ; reçu {type(x).__name__} ({_apercu(x)}). "
        "Pour une colonne entière, utilisez tableau(df) ou serie.map(" + fonction + ")."
    )


def _texte_en_decimal(texte: str, fonction: str) -> Decimal:
    # Un texte est accepté s'il s'écrit comme un nombre, avec un point ou une virgule
    # décimale et d'éventuelles espaces de milliers : « 1 234,5 » ou « 1234.5 ».
    propre = re.sub(r"[\s\u202f\xa0]", "", texte)
    if propre.count(",") == 1 and "." not in propre:
        propre = propre.replace(",", ".")
    try:
        valeur = Decimal(propre)
    except InvalidOperation:
        valeur = None
    if valeur is None or not valeur.is_finite() or not propre:
        raise ErreurCours(
            f"{fonction}() attend un nombre ; reçu le texte {texte!r}, qui n'est pas un nombre. "
            "Donnez une valeur numérique, par exemple 1234.5 (ou le texte '1234,5')."
        )
    return valeur


def _apercu(x: Any, longueur: int = 40) -> str:
    texte = repr(x)
    return texte if len(texte) <= longueur else texte[: longueur - 1] + "…"


def _verifier_decimales(decimales: Any, fonction: str) -> None:
    if decimales is None:
        return
    if isinstance(decimales, bool) or not isinstance(decimales, numbers.Integral):
        raise ErreurCours(
            f"{fonction}() : decimales doit être un entier entre 0 et 10 (ou None) ; "
            f"reçu {_apercu(decimales)}."
        )
    if not 0 <= decimales <= 10:
        raise ErreurCours(
            f"{fonction}() : decimales doit être un entier entre 0 et 10 (ou None) ; "
            f"reçu {decimales}."
        )


def _chiffres(valeur: Decimal, decimales: int | None) -> str:
    """Partie numérique : arrondi commercial, puis symboles français (Babel, fr_FR)."""
    if not valeur.is_finite():
        if valeur.is_nan():
            return VIDE
        return ("-" if valeur < 0 else "") + "∞"
    pas = Decimal(1).scaleb(-(_DECIMALES_PAR_DEFAUT if decimales is None else decimales))
    with decimal.localcontext(prec=100):  # assez de chiffres même pour 1e30
        arrondi = valeur.quantize(pas, rounding=ROUND_HALF_UP)
        if decimales is None:
            arrondi = arrondi.normalize()  # 1234.500 → 1234.5 : pas de zéros inutiles
    if arrondi == 0:
        arrondi = abs(arrondi)  # -0,001 arrondi à 2 décimales s'affiche 0,00, pas -0,00
    return format(arrondi, ",f").translate(_symboles())


# --------------------------------------------------------------------------- nombres


def _pluriel(n: int, mot: str) -> str:
    """« 1 ligne », « 4 380 lignes » : accord et nombre à la française (partagé)."""
    return f"{nombre(n, 0)} {mot}{'s' if abs(n) > 1 else ''}"


def nombre(x: Any, decimales: int | None = None) -> str:
    """Écrit un nombre à la française : ``1 234,5``.

    ``decimales=None`` affiche au plus 3 décimales, sans zéros inutiles ;
    un entier fixe le nombre de décimales (arrondi commercial). Le séparateur
    des milliers est l'espace fine insécable U+202F (norme Babel/CLDR pour fr_FR).

    >>> nombre(1234.5)
    '1\\u202f234,5'
    >>> nombre(1234.5, decimales=2), nombre(0.125, 2), nombre(-3), nombre(2 / 3)
    ('1\\u202f234,50', '0,13', '-3', '0,667')
    >>> nombre(None), nombre(float("nan"))
    ('—', '—')
    >>> nombre("douze")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: nombre() attend un nombre ; reçu le texte 'douze', qui
    n'est pas un nombre. Donnez une valeur numérique, par exemple 1234.5 (ou le texte '1234,5').
    """
    _verifier_decimales(decimales, "nombre")
    if _est_manquant(x):
        return VIDE
    return _chiffres(_en_decimal(x, "nombre"), decimales)


def euros(x: Any, decimales: int | None = 2) -> str:
    """Écrit un montant en euros : ``1 234,56 €`` (espace insécable avant €).

    ``decimales=None`` n'écrit que les décimales utiles (pratique sur un axe de graphique).

    >>> euros(1234.56)
    '1\\u202f234,56\\xa0€'
    >>> euros(-1234.561), euros(12), euros(1500, decimales=0), euros(0.5, decimales=None)
    ('-1\\u202f234,56\\xa0€', '12,00\\xa0€', '1\\u202f500\\xa0€', '0,5\\xa0€')
    >>> euros(None)
    '—'
    """
    _verifier_decimales(decimales, "euros")
    if _est_manquant(x):
        return VIDE
    return _chiffres(_en_decimal(x, "euros"), decimales) + _suffixe_euro()


def pourcentage(x: Any, decimales: int | None = 1) -> str:
    """Écrit un taux décimal en pourcentage : 0,125 → ``12,5 %``.

    Le taux est **décimal** (convention du cours : ``0.052`` pour 5,2 %). Une valeur
    comme 12.5 n'est pas corrigée en silence : elle s'affiche ``1 250,0 %``, car un
    taux peut dépasser 100 % (une hausse de 150 % s'écrit 1.5). Si vous voyez un
    pourcentage cent fois trop grand, c'est que le taux a déjà été multiplié par 100.

    >>> pourcentage(0.125)
    '12,5\\xa0%'
    >>> pourcentage(0.052, 2), pourcentage(1.5), pourcentage(12.5)
    ('5,20\\xa0%', '150,0\\xa0%', '1\\u202f250,0\\xa0%')
    >>> pourcentage(float("nan"))
    '—'
    """
    _verifier_decimales(decimales, "pourcentage")
    if _est_manquant(x):
        return VIDE
    # Multiplier le Decimal (et non le flottant) : 0.07 × 100 donne 7 et pas 7.000000000000001.
    return _chiffres(_en_decimal(x, "pourcentage") * 100, decimales) + _suffixe_pourcent()


# --------------------------------------------------------------------------- dates


def _en_date(d: Any, fonction: str) -> _dt.date | None:
    """Convertit une date, un datetime, un Timestamp, une Period ou un texte ISO en date."""
    if _est_manquant(d):
        return None
    if isinstance(d, pd.Period):
        return d.to_timestamp().date()
    if isinstance(d, _dt.datetime):  # Timestamp hérite de datetime ; à tester avant date
        return d.date()
    if isinstance(d, _dt.date):
        return d
    if isinstance(d, np.datetime64):
        return pd.Timestamp(d).date()
    if isinstance(d, str):
        try:
            return _dt.date.fromisoformat(d.strip()[:10])
        except ValueError:
            pass
        raise ErreurCours(
            f"{fonction}() : le texte {d!r} n'est pas une date au format ISO 'AAAA-MM-JJ'. "
            "Exemple accepté : '2025-01-31' (ou un objet date, datetime, Timestamp)."
        )
    raise ErreurCours(
        f"{fonction}() attend une date (date, datetime, Timestamp ou texte 'AAAA-MM-JJ') ; "
        f"reçu {type(d).__name__} ({_apercu(d)})."
    )


def date_fr(d: Any) -> str:
    """Écrit une date au format français ``JJ/MM/AAAA`` (l'heure éventuelle est ignorée).

    >>> date_fr("2025-01-31")
    '31/01/2025'
    >>> import datetime, pandas as pd
    >>> date_fr(datetime.date(2025, 3, 5)), date_fr(pd.Timestamp("2025-12-24 18:30"))
    ('05/03/2025', '24/12/2025')
    >>> date_fr(None)
    '—'
    >>> date_fr("31/01/2025")  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: date_fr() : le texte '31/01/2025' n'est pas une date au
    format ISO 'AAAA-MM-JJ'. Exemple accepté : '2025-01-31' (ou un objet date, datetime,
    Timestamp).
    """
    jour = _en_date(d, "date_fr")
    if jour is None:
        return VIDE
    return format_date(jour, "dd/MM/yyyy", locale=_locale())


def mois_fr(d: Any) -> str:
    """Écrit le mois et l'année en toutes lettres : ``janvier 2025``.

    >>> mois_fr("2025-01-31")
    'janvier 2025'
    >>> import pandas as pd
    >>> mois_fr(pd.Period("2024-08", freq="M"))
    'août 2024'
    """
    jour = _en_date(d, "mois_fr")
    if jour is None:
        return VIDE
    return format_date(jour, "LLLL yyyy", locale=_locale())


# --------------------------------------------------------------------------- tableaux


def _texte(x: Any) -> str:
    """Écriture par défaut d'une cellule non numérique (booléens en français)."""
    if _est_manquant(x):
        return VIDE
    if isinstance(x, bool | np.bool_):
        return "oui" if x else "non"
    return str(x)


_FORMATEURS: dict[str, Callable[[Any], str]] = {
    "euros": euros,
    "pourcentage": pourcentage,
    "nombre": lambda x: nombre(x, 2),
    "entier": lambda x: nombre(x, 0),
    "date": date_fr,
    "mois": mois_fr,
    "texte": _texte,
}
_NUMERIQUES = ("euros", "pourcentage", "nombre", "entier")


# Colonnes de codes : des nombres qu'on ne groupe pas par milliers (client n° 4381, pas 4 381).
_CODES = re.compile(r"^(id_.*|.*_id|code_postal|departement|annee|niveau|rang)$", re.I)


def _format_deduit(serie: pd.Series) -> str:
    """Format par défaut d'une colonne, d'après son nom (identifiants) puis son type."""
    if _CODES.match(str(serie.name)):
        return "texte"
    if pd.api.types.is_bool_dtype(serie.dtype):
        return "texte"
    if pd.api.types.is_datetime64_any_dtype(serie.dtype):
        return "date"
    if pd.api.types.is_integer_dtype(serie.dtype):
        return "entier"
    if pd.api.types.is_float_dtype(serie.dtype):
        return "nombre"
    if serie.dtype == object:
        # DuckDB peut renvoyer des Decimal ou des date dans une colonne « object ».
        presents = serie.dropna()
        exemple = presents.iloc[0] if len(presents) else None
        if isinstance(exemple, _dt.date):
            return "date"
        if isinstance(exemple, Decimal):
            return "nombre"
    return "texte"


def _en_textes(
    df: pd.DataFrame, formats: Mapping[str, str | Callable[[Any], str]]
) -> tuple[pd.DataFrame, list[int]]:
    """Copie du tableau mise en texte (HTML échappé) et positions des colonnes de nombres."""
    # On met en texte colonne par colonne (une fonction par colonne, pas par cellule) :
    # l'affichage n'a plus qu'à écrire des chaînes, ce qui le garde rapide.
    textes = {}
    a_droite = []  # colonnes de nombres, alignées à droite pour comparer les ordres de grandeur
    for position, colonne in enumerate(df.columns):
        serie = df.iloc[:, position]  # par position : les noms peuvent se répéter
        genre = formats.get(str(colonne)) or _format_deduit(serie)
        ecrire = genre if callable(genre) else _FORMATEURS[genre]
        textes[position] = [html.escape(str(ecrire(v))) for v in serie.tolist()]
        if genre in _NUMERIQUES:
            a_droite.append(position)
    copie = pd.DataFrame(textes, index=df.index)
    copie.columns = df.columns
    return copie, a_droite


def _verifier_tableau(df: Any, formats: Mapping[str, Any] | None) -> tuple[pd.DataFrame, dict]:
    if isinstance(df, pd.Series):
        df = df.to_frame()
    if not isinstance(df, pd.DataFrame):
        raise ErreurCours(
            f"tableau() attend une table (DataFrame) ; reçu {type(df).__name__} ({_apercu(df)})."
        )
    formats = {str(colonne): genre for colonne, genre in (formats or {}).items()}
    noms = [str(c) for c in df.columns]
    for colonne, genre in formats.items():
        verifier_nom(colonne, noms)
        if not callable(genre):
            verifier_nom(str(genre), _FORMATS_COLONNE, quoi="Le format")
    return df, formats


def tableau_html(
    df: pd.DataFrame, formats: Mapping[str, str | Callable[[Any], str]] | None = None
) -> str:
    """Le tableau mis en forme comme :func:`tableau`, directement en HTML (sans index).

    Dix fois plus rapide que le ``Styler`` : pour les widgets, qui redessinent
    un tableau à chaque interaction.

    >>> import pandas as pd
    >>> print(tableau_html(pd.DataFrame({"ville": ["Lille"], "ca_ht": [1234.5]}),
    ...                    formats={"ca_ht": "euros"}))  # doctest: +NORMALIZE_WHITESPACE +ELLIPSIS
    <style>...</style><table class="gc-tableau"><thead><tr><th>ville</th><th>ca_ht</th></tr></thead><tbody>
    <tr><td>Lille</td><td style="text-align: right; white-space: nowrap">1 234,50 €</td></tr>
    </tbody></table>
    """
    df, formats = _verifier_tableau(df, formats)
    copie, a_droite = _en_textes(df, formats)
    style = ' style="text-align: right; white-space: nowrap"'
    styles = [style if i in a_droite else "" for i in range(copie.shape[1])]
    entete = "".join(f"<th>{html.escape(str(c))}</th>" for c in copie.columns)
    lignes = [
        "<tr>" + "".join(f"<td{st}>{v}</td>" for st, v in zip(styles, ligne, strict=True)) + "</tr>"
        for ligne in copie.itertuples(index=False, name=None)
    ]
    return (
        _STYLE_TABLEAU_HTML
        + f'<table class="gc-tableau"><thead><tr>{entete}</tr></thead><tbody>\n'
        + "\n".join(lignes)
        + "\n</tbody></table>"
    )


# Style minimal du tableau HTML des widgets (JupyterLab n'y applique pas le sien).
_STYLE_TABLEAU_HTML = (
    "<style>.gc-tableau {border-collapse: collapse; font-size: 0.9em}"
    ".gc-tableau th {text-align: left; border-bottom: 2px solid #888; padding: 2px 8px}"
    ".gc-tableau td {border-bottom: 1px solid #ddd; padding: 2px 8px}</style>"
)


def tableau(
    df: pd.DataFrame,
    formats: Mapping[str, str | Callable[[Any], str]] | None = None,
    index: bool = False,
) -> Styler:
    """Met en forme un DataFrame pour l'affichage (JupyterLab, export HTML).

    Chaque colonne est écrite selon ``formats`` = ``{colonne: 'euros' |
    'pourcentage' | 'nombre' | 'entier' | 'date' | 'mois' | 'texte'}`` (ou une
    fonction de votre choix) ; sinon d'après son type : dates → ``31/01/2025``,
    décimaux → 2 décimales, entiers → groupés par milliers, booléens → oui/non.
    Les valeurs manquantes s'affichent ``—``, les nombres sont alignés à droite,
    l'index est masqué sauf si ``index=True``.

    Renvoie un ``Styler`` pandas construit sur une **copie mise en texte** :
    c'est ce qui s'affiche le mieux et le plus vite dans JupyterLab comme dans
    l'export HTML (toutes les lignes, sans index parasite). Le tableau d'origine
    n'est pas modifié : c'est avec ``df`` qu'on continue de calculer.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"client": ["Hôtel du Louvre"], "ca_ht": [12345.5], "taux": [0.052]})
    >>> vue = tableau(df, formats={"ca_ht": "euros", "taux": "pourcentage"})
    >>> vue.data.iloc[0].tolist()
    ['Hôtel du Louvre', '12\u202f345,50\xa0€', '5,2\xa0%']
    >>> tableau(df, formats={"CA": "euros"})  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.NomInconnu: La colonne 'CA' n'existe pas. Possibilités : client, ca_ht,
    taux. Vouliez-vous dire 'ca_ht' ?
    """
    from pandas.io.formats.style import Styler  # importe jinja2 : seulement à l'usage

    df, formats = _verifier_tableau(df, formats)
    copie, a_droite = _en_textes(df, formats)
    # cell_ids=False : pas d'identifiant HTML par cellule, rendu plus léger.
    styler = Styler(copie, cell_ids=False).format_index(escape="html", axis=1)
    if a_droite:
        # Une règle CSS par colonne (et non par cellule), désignée par sa position :
        # une requête SQL peut renvoyer deux colonnes de même nom.
        styler = styler.set_table_styles(
            [
                {"selector": f"td.col{i}", "props": "text-align: right; white-space: nowrap"}
                for i in a_droite
            ]
        )
    if not index:
        styler = styler.hide(axis="index")
    return styler


# --------------------------------------------------------------------------- graphiques

_STYLE_COURS = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "font.size": 11,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.labelsize": 11,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.fontsize": 10,
    "legend.frameon": False,
    "axes.grid": True,
    "grid.alpha": 0.35,
    "grid.linestyle": "--",
    "axes.spines.top": False,
    "axes.spines.right": False,
    # Le séparateur décimal « locale » de matplotlib dépend de la machine : on ne s'y fie
    # pas, les axes en français passent par axe_nombre / axe_euros / axe_pourcentage.
    "axes.formatter.use_locale": False,
    "axes.unicode_minus": False,  # même signe moins que Babel ('-') dans tout le cours
}


def style_graphique() -> dict[str, Any]:
    """Applique le style graphique du cours (tailles lisibles, grille légère).

    Renvoie les réglages appliqués. Pour des axes écrits à la française
    (virgule décimale, espaces de milliers, € ou %), utilisez ensuite
    ``axe_euros``, ``axe_pourcentage`` ou ``axe_nombre``.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> reglages = style_graphique()
    >>> matplotlib.rcParams["axes.grid"]
    True
    """
    import matplotlib

    matplotlib.rcParams.update(_STYLE_COURS)
    return dict(_STYLE_COURS)


def _installer(ax: Axes, axe: str, ecrire: Callable[[float], str], fonction: str) -> Axes:
    from matplotlib.ticker import FuncFormatter

    if not hasattr(ax, "xaxis") or not hasattr(ax, "yaxis"):
        raise ErreurCours(
            f"{fonction}() attend un repère matplotlib (ax, obtenu par fig, ax = plt.subplots()) ; "
            f"reçu {type(ax).__name__}."
        )
    verifier_nom(str(axe), ["x", "y", "xy"], quoi="L'axe")
    formateur = FuncFormatter(lambda valeur, _position: ecrire(valeur))
    if "x" in axe:
        ax.xaxis.set_major_formatter(formateur)
    if "y" in axe:
        ax.yaxis.set_major_formatter(formateur)
    return ax


def axe_euros(ax: Axes, axe: str = "y", decimales: int | None = None) -> Axes:
    """Écrit les graduations d'un axe en euros (``1 500 €``) ; ``axe`` vaut 'x', 'y' ou 'xy'.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([0, 2000], [0, 1500])
    >>> _ = axe_euros(ax)
    >>> ax.yaxis.get_major_formatter()(1500, 0)
    '1\\u202f500\\xa0€'
    >>> plt.close(fig)
    """
    _verifier_decimales(decimales, "axe_euros")
    return _installer(ax, axe, lambda v: euros(v, decimales), "axe_euros")


def axe_pourcentage(ax: Axes, axe: str = "y", decimales: int | None = None) -> Axes:
    """Écrit les graduations d'un axe (taux décimaux) en pourcentages : 0,25 → ``25 %``.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = axe_pourcentage(ax, axe="x")
    >>> ax.xaxis.get_major_formatter()(0.25, 0)
    '25\\xa0%'
    >>> plt.close(fig)
    """
    _verifier_decimales(decimales, "axe_pourcentage")
    return _installer(ax, axe, lambda v: pourcentage(v, decimales), "axe_pourcentage")


def axe_nombre(ax: Axes, axe: str = "y", decimales: int | None = None) -> Axes:
    """Écrit les graduations d'un axe à la française : ``2,5`` ou ``10 000``.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = axe_nombre(ax)
    >>> ax.yaxis.get_major_formatter()(2.5, 0), ax.yaxis.get_major_formatter()(10000, 1)
    ('2,5', '10\\u202f000')
    >>> axe_nombre(ax, axe="z")
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.NomInconnu: L'axe 'z' n'existe pas. Possibilités : x, y, xy.
    >>> plt.close(fig)
    """
    _verifier_decimales(decimales, "axe_nombre")
    return _installer(ax, axe, lambda v: nombre(v, decimales), "axe_nombre")
