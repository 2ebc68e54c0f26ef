"""Collecte et capture des informations : lire les fichiers reçus, les importer, les partager.

Un commercial reçoit des fichiers de toutes sortes : un fichier acheté à un
courtier (CSV « à la française » : points-virgules, virgule décimale, accents en
Windows-1252), le tableau Excel d'une collègue, l'export JSON d'une application
de salon, la page d'un annuaire professionnel. Ce module les lit de façon
robuste (et explique en français ce qui ne va pas), les met au format de la
table ``prospects`` (:func:`preparer_prospects`), les importe dans la copie de
travail de la base (:func:`importer_prospects`, par des ``INSERT``) et exporte un
fichier qu'un collègue ouvre directement dans un tableur français
(:func:`exporter_tableur`).

Les fichiers d'exemple sont dans ``data/sources/`` (:func:`chemin_source`).

>>> df = lire_csv(chemin_source("fichier_achete_hotels.csv"))
>>> df.shape
(56, 11)
>>> df["CA potentiel estimé (€)"].dtype.kind   # virgule décimale comprise
'f'
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from . import donnees, qualite
from ._erreurs import ErreurCours, NomInconnu, suggestion

__all__ = [
    "chemin_source",
    "detecter_format_csv",
    "lire_csv",
    "lire_excel",
    "lire_json",
    "lire_annuaire_html",
    "lire_source",
    "CHAMPS_PROSPECTS",
    "SECTEURS_SYNONYMES",
    "preparer_prospects",
    "importer_prospects",
    "exporter_tableur",
    "CORRESPONDANCE_SALON_LYON",
]

_SEPARATEURS = {";": "point-virgule", ",": "virgule", "\t": "tabulation", "|": "barre verticale"}
_ENCODAGES = ("utf-8-sig", "utf-8", "cp1252", "latin-1", "iso-8859-1", "iso-8859-15")
# « Ã© » pour « é » : un fichier UTF-8 lu en Windows-1252 / Latin-1.
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf©¨ª«§®´¹¢¤¼½¾]|Â[\u00a0-\u00bf]")
# Colonnes qu'il faut garder en texte (zéros initiaux : 02100, 06 39 98…).
_COLONNES_TEXTE = re.compile(r"code.?postal|^cp$|t[ée]l|phone|siret|siren", re.I)


def chemin_source(nom: str) -> Path:
    """Chemin d'un fichier d'exemple du dossier ``data/sources/``.

    >>> chemin_source("export_crm_partenaire.json").name
    'export_crm_partenaire.json'
    """
    dossier = donnees.chemin_donnees("schema.sql").parent / "sources"
    chemin = dossier / nom
    if not chemin.is_file():
        fichiers = sorted(p.name for p in dossier.iterdir() if p.suffix != ".py")
        proche = suggestion(nom, fichiers)
        conseil = f" Vouliez-vous dire '{proche}' ?" if proche else ""
        raise NomInconnu(
            f"Le fichier source '{nom}' n'existe pas. Fichiers disponibles : "
            f"{', '.join(fichiers)}.{conseil}"
        )
    return chemin


def _chemin(chemin: str | Path, fonction: str) -> Path:
    if not isinstance(chemin, str | Path):
        raise ErreurCours(
            f"{fonction}() attend le chemin d'un fichier (texte ou Path) ; reçu : "
            f"{type(chemin).__name__}. Exemple : {fonction}(gc.chemin_source('…'))."
        )
    p = Path(chemin)
    if not p.is_file():
        raise ErreurCours(
            f"{fonction}() : le fichier '{p}' est introuvable. Vérifiez le nom et le dossier ; "
            "pour les fichiers du cours, utilisez gc.chemin_source('nom_du_fichier')."
        )
    return p


# --------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------


def _deviner_encodage(octets: bytes) -> str:
    if octets.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        octets.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"  # tableurs et logiciels Windows
    return "utf-8"


def detecter_format_csv(chemin: str | Path) -> dict[str, str]:
    """Devine l'encodage, le séparateur et le séparateur décimal d'un fichier CSV.

    Renvoie un dictionnaire ``encoding``, ``sep``, ``decimal``, utilisable tel quel
    avec ``pd.read_csv(chemin, **format)``.

    >>> detecter_format_csv(chemin_source("fichier_achete_hotels.csv"))
    {'encoding': 'cp1252', 'sep': ';', 'decimal': ','}
    >>> detecter_format_csv(chemin_source("desinscriptions.csv"))["encoding"]
    'utf-8-sig'
    """
    p = _chemin(chemin, "detecter_format_csv")
    octets = p.read_bytes()
    encodage = _deviner_encodage(octets)
    debut = "\n".join(octets.decode(encodage, errors="replace").splitlines()[:20])
    try:
        sep = csv.Sniffer().sniff(debut, delimiters="".join(_SEPARATEURS)).delimiter
    except csv.Error:
        entete = debut.splitlines()[0] if debut else ""
        sep = max(_SEPARATEURS, key=entete.count)
    # En France, le point-virgule sépare les colonnes parce que la virgule sert aux décimales.
    return {"encoding": encodage, "sep": sep, "decimal": "," if sep == ";" else "."}


def _verifier_lecture(df: pd.DataFrame, p: Path, fmt: dict[str, str], colonnes: Any) -> None:
    """Repère les lectures ratées : mauvais séparateur, mauvais encodage, colonnes absentes."""
    if df.shape[1] == 1:
        entete = str(df.columns[0])
        autres = [s for s in _SEPARATEURS if s != fmt["sep"] and s in entete]
        if autres:
            bon = autres[0]
            raise ErreurCours(
                f"Le fichier '{p.name}' n'a donné qu'une colonne ('{entete[:60]}…') : le "
                f"séparateur n'est pas le bon. Reçu : sep={fmt['sep']!r} ; le fichier utilise "
                f"le {_SEPARATEURS[bon]} ({bon!r}). Relisez avec sep={bon!r}."
            )
    echantillon = df.select_dtypes(include=["object", "string"]).head(50).to_numpy().ravel()
    texte = " ".join(map(str, [*df.columns, *echantillon]))
    if _MOJIBAKE.search(texte):
        exemple = _MOJIBAKE.search(texte).group(0)
        raise ErreurCours(
            f"Le fichier '{p.name}' est lu avec un mauvais encodage : on voit '{exemple}' à la "
            f"place d'une lettre accentuée. Reçu : encoding={fmt['encoding']!r} ; ce fichier est "
            "en UTF-8. Relisez avec encoding='utf-8' (ou 'utf-8-sig')."
        )
    if colonnes is not None:
        _verifier_colonnes(df, colonnes, p.name)


def _verifier_colonnes(df: pd.DataFrame, colonnes: Any, nom: str) -> None:
    manquantes = [c for c in colonnes if c not in df.columns]
    if manquantes:
        conseils = []
        for c in manquantes:
            proche = suggestion(c, [str(x) for x in df.columns])
            conseils.append(f"'{c}'" + (f" (vouliez-vous dire '{proche}' ?)" if proche else ""))
        raise NomInconnu(
            f"Colonnes absentes du fichier '{nom}' : {', '.join(conseils)}. Colonnes du "
            f"fichier : {', '.join(map(str, df.columns))}. Vérifiez l'en-tête du fichier ou "
            "adaptez la correspondance des colonnes."
        )


def lire_csv(
    chemin: str | Path,
    sep: str | None = None,
    encoding: str | None = None,
    decimal: str | None = None,
    colonnes: list[str] | None = None,
) -> pd.DataFrame:
    """Lit un fichier CSV, français ou non, et vérifie que la lecture a réussi.

    Ce qui n'est pas précisé est deviné (:func:`detecter_format_csv`). Les codes
    postaux et les téléphones restent du texte (``02100`` garde son zéro). Une
    lecture ratée lève une erreur qui dit pourquoi : une seule colonne (mauvais
    séparateur), des « Ã© » (mauvais encodage), des octets illisibles, des
    colonnes attendues (``colonnes``) absentes.

    >>> lire_csv(chemin_source("fichier_achete_hotels.csv"), sep=",")
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: Le fichier 'fichier_achete_hotels.csv' n'a donné qu'une colonne ... Relisez avec sep=';'.
    >>> lire_csv(chemin_source("fichier_achete_hotels.csv"), encoding="utf-8")
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: Le fichier 'fichier_achete_hotels.csv' n'est pas encodé en utf-8 ... encoding='cp1252' ...
    """
    p = _chemin(chemin, "lire_csv")
    fmt = detecter_format_csv(p)
    if sep is not None:
        fmt["sep"] = sep
        fmt["decimal"] = "," if sep == ";" else "."
    if encoding is not None:
        fmt["encoding"] = encoding
    if decimal is not None:
        fmt["decimal"] = decimal
    if fmt["sep"] == fmt["decimal"]:
        raise ErreurCours(
            f"lire_csv() : le séparateur de colonnes et le séparateur décimal sont tous deux "
            f"{fmt['sep']!r}. Dans un fichier français : sep=';' et decimal=','."
        )
    try:
        entete = pd.read_csv(p, sep=fmt["sep"], encoding=fmt["encoding"], nrows=0)
        textes = {c: "string" for c in entete.columns if _COLONNES_TEXTE.search(str(c))}
        df = pd.read_csv(
            p, sep=fmt["sep"], encoding=fmt["encoding"], decimal=fmt["decimal"], dtype=textes
        )
    except UnicodeDecodeError as erreur:
        raise ErreurCours(
            f"Le fichier '{p.name}' n'est pas encodé en {fmt['encoding']} : l'octet "
            f"{erreur.object[erreur.start : erreur.start + 1]!r} (position {erreur.start}) est "
            "illisible. Les fichiers enregistrés par un tableur sous Windows sont souvent en "
            "Windows-1252 : relisez avec encoding='cp1252' (ou laissez lire_csv deviner)."
        ) from None
    except LookupError:
        raise ErreurCours(
            f"lire_csv() : encodage {fmt['encoding']!r} inconnu. Encodages courants : "
            f"{', '.join(_ENCODAGES)}."
        ) from None
    except pd.errors.ParserError as erreur:
        raise ErreurCours(
            f"Le fichier '{p.name}' n'a pas le même nombre de colonnes sur toutes les lignes "
            f"avec sep={fmt['sep']!r} ({str(erreur).strip()}). Vérifiez le séparateur : "
            "essayez sep=';' pour un fichier français."
        ) from None
    _verifier_lecture(df, p, fmt, colonnes)
    return df


# --------------------------------------------------------------------------
# Excel
# --------------------------------------------------------------------------


def _ligne_entete(brut: pd.DataFrame) -> int:
    """La première ligne remplie au moins aux deux tiers : l'en-tête (un titre la précède souvent)."""
    largeur = brut.shape[1]
    for i in range(min(len(brut), 15)):
        if brut.iloc[i].notna().sum() >= max(2, 2 * largeur / 3):
            return i
    return 0


def lire_excel(
    chemin: str | Path,
    feuille: str | int = 0,
    ligne_entete: int | None = None,
    colonnes: list[str] | None = None,
) -> pd.DataFrame:
    """Lit la feuille d'un classeur Excel (.xlsx) telle qu'un collègue l'a remplie.

    L'en-tête est cherché sous les lignes de titre (``ligne_entete`` : son numéro
    Excel, 1 pour la première ligne, si on veut l'imposer) ; les lignes vides et
    les lignes de total sont retirées. Les codes postaux et téléphones saisis
    comme nombres restent des nombres ici : :func:`preparer_prospects` rétablit
    leur zéro initial.

    >>> df = lire_excel(chemin_source("contacts_salon_lyon.xlsx"))
    >>> df.shape, df.columns[0]
    ((38, 14), 'Société')
    >>> lire_excel(chemin_source("contacts_salon_lyon.xlsx"), feuille="Contacts")
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.NomInconnu: La feuille 'Contacts' n'existe pas dans 'contacts_salon_lyon.xlsx'. Feuilles : Contacts salon. Vouliez-vous dire 'Contacts salon' ?
    """
    p = _chemin(chemin, "lire_excel")
    if p.suffix.lower() not in (".xlsx", ".xlsm"):
        raise ErreurCours(
            f"lire_excel() lit les classeurs .xlsx ; reçu : '{p.name}'. Un fichier .csv se lit "
            "avec gc.lire_csv ; un ancien .xls doit être réenregistré en .xlsx dans le tableur."
        )
    try:
        classeur = pd.ExcelFile(p, engine="openpyxl")
    except ImportError:  # pragma: no cover - openpyxl est une dépendance du cours
        raise ErreurCours(
            "La lecture des fichiers Excel demande le module openpyxl : installez-le "
            "(pip install openpyxl) puis relancez le noyau."
        ) from None
    with classeur:
        if isinstance(feuille, str) and feuille not in classeur.sheet_names:
            proche = suggestion(feuille, classeur.sheet_names)
            conseil = f" Vouliez-vous dire '{proche}' ?" if proche else ""
            raise NomInconnu(
                f"La feuille '{feuille}' n'existe pas dans '{p.name}'. Feuilles : "
                f"{', '.join(classeur.sheet_names)}.{conseil}"
            )
        if isinstance(feuille, int) and not 0 <= feuille < len(classeur.sheet_names):
            raise ErreurCours(
                f"Le classeur '{p.name}' a {len(classeur.sheet_names)} feuille(s) ; reçu "
                f"feuille={feuille}. Les feuilles se numérotent à partir de 0, ou par leur nom : "
                f"{', '.join(classeur.sheet_names)}."
            )
        brut = pd.read_excel(classeur, sheet_name=feuille, header=None)
    debut = _ligne_entete(brut) if ligne_entete is None else ligne_entete - 1
    df = brut.iloc[debut + 1 :].copy()
    df.columns = [str(c).strip() for c in brut.iloc[debut]]
    df = df.dropna(how="all")
    premiere = df.iloc[:, 0].astype("string").str.strip().str.lower()
    df = df[~premiere.isin(["total", "totaux", "sous-total"]).fillna(False)]
    df = df.reset_index(drop=True).infer_objects()
    if colonnes is not None:
        _verifier_colonnes(df, colonnes, p.name)
    return df


# --------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------


def lire_json(chemin: str | Path, cle: str | None = None) -> pd.DataFrame:
    """Lit un export JSON (liste d'enregistrements, éventuellement imbriqués) en table.

    Si le fichier est un objet, la liste d'enregistrements est cherchée dans la
    clé ``cle`` (ou la seule clé qui contient une liste). Les objets imbriqués
    deviennent des colonnes ``parent_enfant`` (``coordonnees_adresse_ville``).

    >>> df = lire_json(chemin_source("export_crm_partenaire.json"))
    >>> len(df), "coordonnees_adresse_code_postal" in df.columns
    (45, True)
    """
    p = _chemin(chemin, "lire_json")
    try:
        contenu = json.loads(p.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as erreur:
        raise ErreurCours(
            f"Le fichier '{p.name}' n'est pas un JSON valide : {erreur.msg} (ligne "
            f"{erreur.lineno}, colonne {erreur.colno}). Ouvrez-le dans un éditeur de texte pour "
            "voir l'endroit ; un export tronqué ou un fichier CSV renommé en .json en est "
            "souvent la cause."
        ) from None
    if isinstance(contenu, dict):
        listes = [k for k, v in contenu.items() if isinstance(v, list)]
        if cle is None:
            if len(listes) != 1:
                raise ErreurCours(
                    f"lire_json() : précisez la clé qui contient les enregistrements (cle=…). "
                    f"Clés contenant une liste : {', '.join(listes) or 'aucune'}."
                )
            cle = listes[0]
        if cle not in contenu:
            proche = suggestion(cle, list(contenu))
            conseil = f" Vouliez-vous dire '{proche}' ?" if proche else ""
            raise NomInconnu(
                f"La clé '{cle}' n'existe pas dans '{p.name}'. Clés : {', '.join(contenu)}."
                f"{conseil}"
            )
        contenu = contenu[cle]
    if not isinstance(contenu, list) or not all(isinstance(e, dict) for e in contenu):
        raise ErreurCours(
            f"lire_json() attend une liste d'enregistrements (objets {{…}}) ; le fichier "
            f"'{p.name}' contient autre chose ({type(contenu).__name__})."
        )
    return pd.json_normalize(contenu, sep="_")


# --------------------------------------------------------------------------
# Page d'annuaire HTML
# --------------------------------------------------------------------------


class _LecteurFiches(HTMLParser):
    """Récupère le texte de chaque élément à classe CSS, fiche par fiche."""

    def __init__(self, classe_fiche: str) -> None:
        super().__init__()
        self.classe_fiche = classe_fiche
        self.fiches: list[dict[str, str]] = []
        self._pile: list[tuple[str, str | None]] = []  # (balise, classe)
        self._dans_fiche = 0

    def handle_starttag(self, balise: str, attributs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attributs).get("class") or "").split()
        if self.classe_fiche in classes:
            self.fiches.append({"classes_fiche": " ".join(classes)})
            self._dans_fiche = len(self._pile) + 1
        classe = classes[0] if classes and self._dans_fiche else None
        self._pile.append((balise, classe))

    def handle_endtag(self, balise: str) -> None:
        while self._pile:
            b, _ = self._pile.pop()
            if len(self._pile) < self._dans_fiche:
                self._dans_fiche = 0
            if b == balise:
                break

    def handle_data(self, texte: str) -> None:
        if not self._dans_fiche or not texte.strip():
            return
        fiche = self.fiches[-1]
        for _, classe in self._pile:
            if classe and classe != self.classe_fiche:
                fiche[classe] = (fiche.get(classe, "") + " " + texte.strip()).strip()


def lire_annuaire_html(chemin: str | Path, classe_fiche: str = "fiche") -> pd.DataFrame:
    """Lit une page d'annuaire professionnel enregistrée (une fiche par entreprise).

    Chaque élément HTML de classe ``classe_fiche`` est une fiche ; chaque élément
    à classe qu'elle contient donne une colonne (son texte). La colonne
    ``classes_fiche`` garde les classes de la fiche (``fiche fermee``…). Chaque site
    a sa propre structure : ouvrez la page (clic droit → « Code source ») pour
    trouver le nom de la classe.

    >>> df = lire_annuaire_html(chemin_source("annuaire_boutiques_paris.html"))
    >>> len(df), list(df.columns[:4])
    (24, ['classes_fiche', 'nom', 'activite', 'adresse'])
    """
    p = _chemin(chemin, "lire_annuaire_html")
    lecteur = _LecteurFiches(classe_fiche)
    lecteur.feed(p.read_text(encoding="utf-8", errors="replace"))
    if not lecteur.fiches:
        classes = sorted(set(re.findall(r'class="([^"]+)"', p.read_text(errors="replace"))))
        raise ErreurCours(
            f"Aucune fiche de classe '{classe_fiche}' dans '{p.name}'. Classes présentes dans la "
            f"page : {', '.join(classes[:15]) or 'aucune'}. Indiquez la bonne avec classe_fiche=…"
        )
    return pd.DataFrame(lecteur.fiches)


def lire_source(chemin: str | Path, **options: Any) -> pd.DataFrame:
    """Lit un fichier reçu selon son extension (.csv, .txt, .xlsx, .json, .html).

    >>> lire_source(chemin_source("desinscriptions.csv")).shape
    (24, 4)
    """
    p = _chemin(chemin, "lire_source")
    lecteurs = {
        ".csv": lire_csv,
        ".txt": lire_csv,
        ".xlsx": lire_excel,
        ".xlsm": lire_excel,
        ".json": lire_json,
        ".html": lire_annuaire_html,
        ".htm": lire_annuaire_html,
    }
    if p.suffix.lower() not in lecteurs:
        raise ErreurCours(
            f"lire_source() ne sait pas lire les fichiers '{p.suffix or '(sans extension)'}'. "
            f"Extensions prises en charge : {', '.join(lecteurs)}."
        )
    return lecteurs[p.suffix.lower()](p, **options)


# --------------------------------------------------------------------------
# Mise au format de la table prospects
# --------------------------------------------------------------------------

#: Champs de ``prospects`` qu'un fichier peut fournir (les autres sont calculés).
CHAMPS_PROSPECTS = (
    "raison_sociale",
    "secteur_activite",
    "civilite",
    "contact_nom",
    "contact_prenom",
    "email",
    "telephone",
    "adresse",
    "code_postal",
    "ville",
    "effectif_salaries",
    "ca_potentiel_annuel",
)
_OBLIGATOIRES = (
    "raison_sociale",
    "secteur_activite",
    "civilite",
    "contact_nom",
    "contact_prenom",
    "adresse",
    "code_postal",
    "effectif_salaries",
    "ca_potentiel_annuel",
)
_ORIGINES = ("salon", "site web", "fichier acheté", "recommandation", "prospection terrain")

#: Libellés de secteur rencontrés dans les fichiers → secteur de la base.
SECTEURS_SYNONYMES = {
    "hotel": "hôtel",
    "hôtel": "hôtel",
    "hotellerie": "hôtel",
    "hôtellerie": "hôtel",
    "hotels": "hôtel",
    "cse": "CSE",
    "ce": "CSE",
    "comite d'entreprise": "CSE",
    "comité d'entreprise": "CSE",
    "boutique de souvenirs": "boutique de souvenirs",
    "boutique souvenirs": "boutique de souvenirs",
    "souvenirs": "boutique de souvenirs",
    "boutique de souvenirs, cadeaux": "boutique de souvenirs",
    "gms": "grande distribution",
    "grande distribution": "grande distribution",
    "détaillant": "détaillant",
    "detaillant": "détaillant",
    "détaillant linge": "détaillant",
    "linge de maison": "détaillant",
}
_CIVILITES = {"m": "M.", "m.": "M.", "mr": "M.", "monsieur": "M.", "mme": "Mme", "madame": "Mme"}


def _secteur(valeur: Any) -> str | None:
    if qualite._est_manquant(valeur):
        return None
    return SECTEURS_SYNONYMES.get(" ".join(str(valeur).lower().split()))


def _civilite(valeur: Any) -> str | None:
    if qualite._est_manquant(valeur):
        return None
    return _CIVILITES.get(str(valeur).strip().lower())


def _referentiel_villes(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Codes postaux connus de la base (clients et prospects) avec ville, département, coordonnées."""
    return donnees.requete(
        """
        SELECT code_postal, any_value(ville) AS ville_ref, any_value(departement) AS departement,
               avg(latitude) AS latitude, avg(longitude) AS longitude
        FROM (SELECT code_postal, ville, departement, latitude, longitude FROM clients
              UNION ALL
              SELECT code_postal, ville, departement, latitude, longitude FROM prospects)
        GROUP BY code_postal
        """,
        con,
    )


def _commercial(departement: str, latitude: float, longitude: float, secteur: str, equipe) -> int:
    """Le commercial du territoire ; sinon le plus proche (grande distribution : grands comptes)."""
    if secteur == "grande distribution":
        return 8
    for _, c in equipe.iterrows():
        if isinstance(c["departements"], str) and departement in c["departements"].split(";"):
            return int(c["id_commercial"])
    regionaux = equipe[equipe["departements"].notna()]
    distance = (regionaux["latitude_base"] - latitude) ** 2 + (
        (regionaux["longitude_base"] - longitude) * np.cos(np.radians(latitude))
    ) ** 2
    return int(regionaux.loc[distance.idxmin(), "id_commercial"])


def _cles_existantes(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Clés de rapprochement (courriel ; raison sociale + code postal) → « prospect n » / « client n »."""
    existants = donnees.requete(
        """
        SELECT 'prospect ' || id_prospect AS qui, email, raison_sociale, code_postal
        FROM prospects
        UNION ALL
        SELECT 'client ' || id_client, email, raison_sociale, code_postal
        FROM clients WHERE type_client = 'professionnel'
        """,
        con,
    )
    cles: dict[str, str] = {}
    for qui, email, rs, cp in existants.itertuples(index=False):
        if isinstance(email, str):
            cles.setdefault("@" + email.lower(), qui)
        cles.setdefault(qualite.cle_rapprochement(rs) + "|" + cp, qui)
    return cles


def preparer_prospects(
    source: pd.DataFrame,
    correspondance: Mapping[str, str],
    origine: str,
    date_premier_contact: str | _dt.date,
    valeurs: Mapping[str, Any] | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
) -> pd.DataFrame:
    """Met un fichier reçu au format de la table ``prospects`` et dit quoi importer.

    - ``correspondance`` : champ de ``prospects`` → colonne du fichier
      (``{"raison_sociale": "Raison sociale", "code_postal": "CP", …}``) ;
      champs possibles : :data:`CHAMPS_PROSPECTS` ;
    - ``valeurs`` : valeurs fixes pour les champs absents du fichier
      (``{"secteur_activite": "hôtel"}`` pour un fichier d'hôtels) ;
    - ``origine`` : ``salon``, ``site web``, ``fichier acheté``… ;
    - ``date_premier_contact`` : date de la collecte.

    Les valeurs sont normalisées (casse, courriels, téléphones, codes postaux,
    secteurs) ; ville, département et coordonnées viennent du référentiel des
    codes postaux de la base ; le commercial est celui du territoire. Chaque
    ligne reçoit ``decision`` (``à importer``, ``doublon`` ou ``rejetée``) et
    ``motif`` : déjà en base (même courriel, ou même raison sociale et même code
    postal), déjà vue plus haut dans le fichier, ou champ obligatoire manquant.

    >>> import gc_helpers as gc
    >>> brut = gc.lire_csv(gc.chemin_source("fichier_achete_hotels.csv"))
    >>> prep = preparer_prospects(brut, {"raison_sociale": "Raison sociale",
    ...     "civilite": "Civilité", "contact_nom": "Nom du contact", "contact_prenom": "Prénom",
    ...     "email": "E-mail", "telephone": "Téléphone", "adresse": "Adresse",
    ...     "code_postal": "Code postal", "ville": "Ville", "effectif_salaries": "Effectif",
    ...     "ca_potentiel_annuel": "CA potentiel estimé (€)"},
    ...     origine="fichier acheté", date_premier_contact="2026-10-15",
    ...     valeurs={"secteur_activite": "hôtel"})
    >>> prep["decision"].value_counts().to_dict()
    {'à importer': 47, 'doublon': 6, 'rejetée': 3}
    """
    if not isinstance(source, pd.DataFrame):
        raise ErreurCours(
            f"preparer_prospects() attend la table lue dans le fichier (DataFrame) ; reçu : "
            f"{type(source).__name__}. Lisez d'abord le fichier avec gc.lire_source(…)."
        )
    valeurs = dict(valeurs or {})
    for champ in [*correspondance, *valeurs]:
        if champ not in CHAMPS_PROSPECTS:
            proche = suggestion(champ, CHAMPS_PROSPECTS)
            conseil = f" Vouliez-vous dire '{proche}' ?" if proche else ""
            raise NomInconnu(
                f"Le champ '{champ}' n'est pas un champ de prospects qu'un fichier peut fournir. "
                f"Champs possibles : {', '.join(CHAMPS_PROSPECTS)}.{conseil}"
            )
    _verifier_colonnes(source, list(correspondance.values()), "reçu")
    oublies = [c for c in _OBLIGATOIRES if c not in correspondance and c not in valeurs]
    if oublies:
        raise ErreurCours(
            f"Champs obligatoires de prospects sans colonne ni valeur : {', '.join(oublies)}. "
            "Ajoutez-les à la correspondance (colonne du fichier) ou à valeurs= (valeur fixe, "
            "par exemple valeurs={'secteur_activite': 'hôtel'} pour un fichier d'hôtels)."
        )
    if origine not in _ORIGINES:
        proche = suggestion(origine, _ORIGINES)
        conseil = f" Vouliez-vous dire '{proche}' ?" if proche else ""
        raise NomInconnu(
            f"Origine '{origine}' inconnue. Origines possibles : {', '.join(_ORIGINES)}.{conseil}"
        )
    try:
        date = pd.Timestamp(date_premier_contact).date()
    except (ValueError, TypeError):
        raise ErreurCours(
            f"date_premier_contact : date illisible {date_premier_contact!r}. Écrivez-la "
            "'AAAA-MM-JJ', par exemple '2026-10-15'."
        ) from None

    con = donnees._connexion(con)
    n = len(source)
    brut = {champ: source[col].reset_index(drop=True) for champ, col in correspondance.items()}
    for champ, valeur in valeurs.items():
        brut.setdefault(champ, pd.Series([valeur] * n))
    vide = pd.Series([None] * n, dtype=object)
    nombres = {
        c: pd.to_numeric(brut.get(c, vide), errors="coerce")
        for c in ("effectif_salaries", "ca_potentiel_annuel")
    }
    prep = pd.DataFrame(
        {
            "ligne_source": np.arange(1, n + 1),
            "raison_sociale": qualite.normaliser_raison_sociale(brut["raison_sociale"]),
            "secteur_activite": brut["secteur_activite"].map(_secteur),
            "civilite": brut["civilite"].map(_civilite),
            "contact_nom": qualite.normaliser_nom(brut["contact_nom"]),
            "contact_prenom": qualite.normaliser_nom(brut["contact_prenom"]),
            "email": qualite.normaliser_email(brut.get("email", vide)),
            "telephone": qualite.normaliser_telephone(brut.get("telephone", vide)),
            "adresse": brut["adresse"].map(
                lambda v: None if qualite._est_manquant(v) else " ".join(str(v).split())
            ),
            "code_postal": qualite.normaliser_code_postal(brut["code_postal"]),
            "effectif_salaries": nombres["effectif_salaries"].round().astype("Int64"),
            "ca_potentiel_annuel": nombres["ca_potentiel_annuel"].astype(float),
        }
    )
    ref = _referentiel_villes(con)
    prep = prep.merge(ref, on="code_postal", how="left", validate="many_to_one")
    prep["ville"] = prep.pop("ville_ref")
    prep["origine"] = origine
    prep["nb_contacts"] = 1  # la collecte elle-même est le premier contact
    prep["nb_visites"] = 0
    prep["date_premier_contact"] = date
    prep["statut"] = "nouveau"

    equipe = donnees.requete(
        "SELECT id_commercial, departements, latitude_base, longitude_base FROM commerciaux", con
    )
    cles = _cles_existantes(con)
    vues: dict[str, int] = {}
    decisions, motifs, commerciaux = [], [], []
    for ligne in prep.itertuples(index=False):
        manque = [c for c in _OBLIGATOIRES if pd.isna(getattr(ligne, c))]
        if pd.isna(ligne.departement) and "code_postal" not in manque:
            manque.append("code_postal (inconnu du référentiel)")
        if manque:
            decisions.append("rejetée")
            motifs.append("champ manquant ou invalide : " + ", ".join(manque))
            commerciaux.append(pd.NA)
            continue
        commerciaux.append(
            _commercial(
                ligne.departement, ligne.latitude, ligne.longitude, ligne.secteur_activite, equipe
            )
        )
        cles_ligne = [qualite.cle_rapprochement(ligne.raison_sociale) + "|" + ligne.code_postal]
        if isinstance(ligne.email, str):
            cles_ligne.insert(0, "@" + ligne.email)
        deja = next((cles[k] for k in cles_ligne if k in cles), None)
        double = next((vues[k] for k in cles_ligne if k in vues), None)
        if deja is not None:
            decisions.append("doublon")
            motifs.append(f"déjà en base : {deja}")
        elif double is not None:
            decisions.append("doublon")
            motifs.append(f"même entreprise que la ligne {double} du fichier")
        else:
            decisions.append("à importer")
            motifs.append("")
            for k in cles_ligne:
                vues[k] = ligne.ligne_source
    prep["id_commercial"] = pd.array(commerciaux, dtype="Int64")
    prep["decision"] = decisions
    prep["motif"] = motifs
    return prep


#: Correspondance des colonnes du tableau Excel du salon de Lyon (exercice S821-3).
CORRESPONDANCE_SALON_LYON = {
    "raison_sociale": "Société",
    "secteur_activite": "Secteur",
    "civilite": "Civilité",
    "contact_nom": "Nom",
    "contact_prenom": "Prénom",
    "adresse": "Adresse",
    "code_postal": "CP",
    "telephone": "Tél.",
    "email": "Courriel",
    "effectif_salaries": "Effectif",
    "ca_potentiel_annuel": "Potentiel (€)",
}

_COLONNES_INSERT = (
    "raison_sociale, secteur_activite, civilite, contact_nom, contact_prenom, email, telephone, "
    "adresse, code_postal, ville, departement, latitude, longitude, origine, effectif_salaries, "
    "ca_potentiel_annuel, nb_contacts, nb_visites, date_premier_contact, statut, id_commercial"
)


def importer_prospects(
    preparation: pd.DataFrame, con: duckdb.DuckDBPyConnection | None = None
) -> pd.DataFrame:
    """Insère dans ``prospects`` les lignes « à importer » d'une préparation ; renvoie ces lignes.

    Les nouveaux prospects reçoivent les identifiants qui suivent le plus grand
    existant. Tout se fait par un ``INSERT INTO prospects … SELECT …`` dans la
    copie de travail (la base d'origine ne change pas) ; les contraintes de la
    table (codes postaux, secteurs, civilités…) sont vérifiées par DuckDB.

    >>> import gc_helpers as gc
    >>> con = gc.connecter()
    >>> prep = preparer_prospects(gc.lire_json(gc.chemin_source("export_crm_partenaire.json")),
    ...     {"raison_sociale": "societe", "secteur_activite": "secteur",
    ...      "civilite": "interlocuteur_civilite", "contact_nom": "interlocuteur_nom",
    ...      "contact_prenom": "interlocuteur_prenom", "email": "coordonnees_email",
    ...      "telephone": "coordonnees_telephone", "adresse": "coordonnees_adresse_rue",
    ...      "code_postal": "coordonnees_adresse_code_postal", "effectif_salaries": "effectif"},
    ...     origine="salon", date_premier_contact="2026-09-07",
    ...     valeurs={"ca_potentiel_annuel": 0}, con=con)
    >>> nouveaux = importer_prospects(prep, con)
    >>> len(nouveaux), int(gc.requete("SELECT count(*) AS n FROM prospects", con).loc[0, "n"])
    (35, 2035)
    """
    if not isinstance(preparation, pd.DataFrame) or "decision" not in preparation.columns:
        raise ErreurCours(
            "importer_prospects() attend le résultat de gc.preparer_prospects(…) (une table avec "
            "la colonne 'decision') ; préparez d'abord le fichier."
        )
    con = donnees._connexion(con)
    a_importer = preparation[preparation["decision"] == "à importer"].copy()
    suivant = int(donnees.requete("SELECT coalesce(max(id_prospect), 0) AS m FROM prospects", con)
                  .loc[0, "m"])  # fmt: skip
    a_importer.insert(0, "id_prospect", np.arange(suivant + 1, suivant + 1 + len(a_importer)))
    if len(a_importer):
        con.register("_gc_import", a_importer)
        try:
            con.execute(
                f"INSERT INTO prospects (id_prospect, {_COLONNES_INSERT}) "
                f"SELECT id_prospect, {_COLONNES_INSERT} FROM _gc_import"
            )
        except duckdb.Error as erreur:
            raise ErreurCours(
                f"L'import a été refusé par la base : {donnees.expliquer_erreur_sql(erreur, con)}"
            ) from None
        finally:
            con.unregister("_gc_import")
    return a_importer.drop(columns=["decision", "motif"]).reset_index(drop=True)


# --------------------------------------------------------------------------
# Partage : un fichier pour un tableur français
# --------------------------------------------------------------------------


def exporter_tableur(df: pd.DataFrame, chemin: str | Path) -> Path:
    """Écrit ``df`` en CSV pour un tableur français : « ; », virgule décimale, UTF-8 avec BOM.

    Les dates sont écrites JJ/MM/AAAA et les booléens « oui » / « non ». Le BOM
    (marque d'ordre des octets) indique à Excel que le fichier est en UTF-8 : les
    accents s'affichent correctement en double-cliquant sur le fichier.

    >>> import tempfile, pathlib
    >>> d = pd.DataFrame({"ville": ["Épinal"], "ca_ht": [1234.5], "optin": [True],
    ...                   "date": [pd.Timestamp("2026-10-31")]})
    >>> p = exporter_tableur(d, pathlib.Path(tempfile.mkdtemp()) / "export.csv")
    >>> p.read_bytes()[:3] == b"\\xef\\xbb\\xbf", p.read_text(encoding="utf-8-sig").splitlines()
    (True, ['ville;ca_ht;optin;date', 'Épinal;1234,5;oui;31/10/2026'])
    """
    if not isinstance(df, pd.DataFrame):
        raise ErreurCours(
            f"exporter_tableur() attend une table (DataFrame) ; reçu : {type(df).__name__}."
        )
    p = Path(chemin)
    if p.suffix.lower() != ".csv":
        raise ErreurCours(
            f"exporter_tableur() écrit un fichier .csv ; reçu : '{p.name}'. Exemple : "
            "'prospects_salon.csv'."
        )
    sortie = df.copy()
    for colonne in sortie.columns:
        serie = sortie[colonne]
        if pd.api.types.is_bool_dtype(serie):
            sortie[colonne] = serie.map({True: "oui", False: "non"})
        elif pd.api.types.is_datetime64_any_dtype(serie):
            sortie[colonne] = serie.dt.strftime("%d/%m/%Y")
        elif serie.dtype == object and serie.map(lambda v: isinstance(v, _dt.date)).any():
            sortie[colonne] = serie.map(
                lambda v: v.strftime("%d/%m/%Y") if isinstance(v, _dt.date) else v
            )
    p.parent.mkdir(parents=True, exist_ok=True)
    sortie.to_csv(p, sep=";", decimal=",", index=False, encoding="utf-8-sig")
    return p
