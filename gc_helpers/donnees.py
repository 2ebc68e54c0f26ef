"""La base de données de l'entreprise du cours, dans DuckDB.

Les données canoniques sont des fichiers CSV (dossier ``data/`` du dépôt, ou
copie installée avec le paquet). Au premier usage, elles sont chargées une fois
pour toutes dans une base « canonique » mise en cache ; chaque appel à
:func:`connecter` travaille ensuite sur une **copie de travail** neuve de cette
base. L'étudiant peut donc insérer, modifier ou supprimer librement : la
prochaine exécution du notebook repart de l'état d'origine, et les données
canoniques ne sont jamais modifiées.

>>> con = connecter()
>>> int(requete("SELECT count(*) AS nb FROM commerciaux", con).loc[0, "nb"]) > 0
True
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as _dt
import hashlib
import os
import re
import shutil
import tempfile
import threading
import warnings
import weakref
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd

from ._erreurs import ErreurSQL, NomInconnu, suggestion, verifier_nom

__all__ = [
    "DATE_REFERENCE",
    "connecter",
    "connexion_lecture",
    "copie_jetable",
    "requete",
    "tables",
    "table",
    "colonnes",
    "reinitialiser",
    "chemin_donnees",
    "expliquer_erreur_sql",
    "type_instruction",
]

#: Date d'arrêté des données : l'« aujourd'hui » de l'entreprise du cours.
DATE_REFERENCE = _dt.date(2026, 10, 31)

# Fichiers CSV qui ne suivent pas la convention générale (virgule, en-tête).
_OPTIONS_CSV = {"import_salon": "HEADER, DELIMITER ';'"}
_NOM_BASE = "entreprise"

_verrou = threading.Lock()
_connexion_courante: duckdb.DuckDBPyConnection | None = None
_dossier_travail: Path | None = None


# --------------------------------------------------------------------------
# Emplacement des données et base canonique
# --------------------------------------------------------------------------


def _dossier_donnees() -> Path:
    """Le dossier des CSV : celui du dépôt (clone git) ou celui installé avec le paquet."""
    if "GC_DONNEES" in os.environ:
        return Path(os.environ["GC_DONNEES"])
    ici = Path(__file__).resolve().parent
    for candidat in (ici.parent / "data", ici / "_donnees"):
        if (candidat / "schema.sql").is_file():
            return candidat
    raise FileNotFoundError(
        "Données du cours introuvables : ni 'data/schema.sql' à côté du paquet, "
        "ni la copie installée 'gc_helpers/_donnees'. Réinstallez le projet "
        "(make test ou pip install .) depuis le dépôt complet."
    )


def chemin_donnees(nom: str) -> Path:
    """Chemin d'un fichier de données brut livré avec le cours (ex. ``import_salon.csv``).

    >>> chemin_donnees("import_salon.csv").name
    'import_salon.csv'
    """
    dossier = _dossier_donnees()
    chemin = dossier / nom
    if not chemin.is_file():
        fichiers = sorted(p.name for p in dossier.iterdir() if p.is_file())
        verifier_nom(nom, fichiers, quoi="Le fichier de données")
    return chemin


def _ordre_tables(schema: str) -> list[str]:
    """Les tables dans l'ordre de schema.sql (parents avant enfants, pour les clés étrangères)."""
    return re.findall(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", schema, flags=re.I)


def _empreinte(dossier: Path) -> str:
    """Empreinte du contenu des données et de la version de DuckDB (clé du cache)."""
    h = hashlib.sha256(duckdb.__version__.encode())
    for chemin in sorted([dossier / "schema.sql", *dossier.glob("*.csv")]):
        h.update(chemin.name.encode())
        h.update(chemin.read_bytes())
    return h.hexdigest()[:16]


def _dossier_cache() -> Path:
    if "GC_CACHE" in os.environ:
        return Path(os.environ["GC_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "gc-helpers"


def _construire(dossier: Path, cible: Path) -> None:
    """Charge schema.sql puis chaque CSV dans une nouvelle base DuckDB ``cible``."""
    schema = (dossier / "schema.sql").read_text(encoding="utf-8")
    con = duckdb.connect(str(cible))
    try:
        con.execute(schema)
        for nom in _ordre_tables(schema):
            csv = dossier / f"{nom}.csv"
            options = _OPTIONS_CSV.get(nom, "HEADER, DELIMITER ','")
            chemin_sql = str(csv).replace("'", "''")
            con.execute(f"COPY {nom} FROM '{chemin_sql}' ({options})")
        con.execute("CHECKPOINT")
    finally:
        con.close()


_cache_canonique: dict[str, Path] = {}


def _base_canonique() -> Path:
    """Chemin de la base canonique en cache, construite au premier besoin.

    La construction se fait dans un fichier temporaire renommé à la fin : deux
    processus qui démarrent en même temps (correction en parallèle) ne voient
    jamais une base à moitié écrite.
    """
    dossier = _dossier_donnees()
    cle = str(dossier)
    if cle in _cache_canonique and _cache_canonique[cle].is_file():
        return _cache_canonique[cle]
    cache = _dossier_cache()
    cache.mkdir(parents=True, exist_ok=True)
    cible = cache / f"{_NOM_BASE}-{_empreinte(dossier)}.duckdb"
    if not cible.is_file():
        fd, provisoire = tempfile.mkstemp(dir=cache, suffix=".duckdb.tmp")
        os.close(fd)
        os.unlink(provisoire)  # DuckDB veut créer le fichier lui-même
        try:
            _construire(dossier, Path(provisoire))
            os.chmod(provisoire, 0o444)
            try:
                os.replace(provisoire, cible)
            except OSError:
                # Windows : un autre processus a déjà installé la même base (lecture seule).
                if not cible.is_file():
                    raise
        finally:
            for reste in (provisoire, provisoire + ".wal"):
                if os.path.exists(reste):
                    os.unlink(reste)
    _cache_canonique[cle] = cible
    return cible


# --------------------------------------------------------------------------
# Copie de travail
# --------------------------------------------------------------------------


def _nettoyer_dossier_travail() -> None:
    if _dossier_travail is not None:
        shutil.rmtree(_dossier_travail, ignore_errors=True)


def _nouvelle_copie() -> Path:
    global _dossier_travail
    if _dossier_travail is None or not _dossier_travail.is_dir():
        _dossier_travail = Path(tempfile.mkdtemp(prefix="gc-travail-"))
        atexit.register(_nettoyer_dossier_travail)
    fd, chemin = tempfile.mkstemp(dir=_dossier_travail, suffix=".duckdb")
    os.close(fd)
    shutil.copyfile(_base_canonique(), chemin)
    os.chmod(chemin, 0o644)
    return Path(chemin)


def _supprimer_copie(chemin: str) -> None:
    for reste in (chemin, chemin + ".wal"):
        with contextlib.suppress(OSError):  # déjà supprimée, ou encore ouverte (Windows)
            os.unlink(reste)


def _attacher_copie(con: duckdb.DuckDBPyConnection) -> None:
    """Attache une copie neuve sous le nom « entreprise » et en fait la base par défaut.

    La copie (14 Mo) est effacée dès que la connexion disparaît : un étudiant qui
    relance vingt fois sa cellule de démarrage ne remplit pas le disque.
    """
    chemin = str(_nouvelle_copie())
    con.execute(f"ATTACH '{chemin.replace(chr(39), chr(39) * 2)}' AS {_NOM_BASE}")
    con.execute(f"USE {_NOM_BASE}")
    weakref.finalize(con, _supprimer_copie, chemin)


def connecter(par_defaut: bool = True) -> duckdb.DuckDBPyConnection:
    """Ouvre une connexion sur une copie de travail neuve de la base du cours.

    Chaque appel repart de l'état d'origine des données. La connexion devient
    la connexion par défaut de :func:`requete`, :func:`table` et :func:`tables`,
    sauf avec ``par_defaut=False`` (copie à part, pour corriger une réponse sans
    toucher aux données du notebook de l'étudiant).

    >>> con = connecter()
    >>> _ = con.execute("DELETE FROM enquetes_satisfaction")
    >>> int(requete("SELECT count(*) AS n FROM enquetes_satisfaction").loc[0, "n"])
    0
    >>> con2 = connecter()  # une nouvelle connexion repart des données d'origine
    >>> int(requete("SELECT count(*) AS n FROM enquetes_satisfaction", con2).loc[0, "n"]) > 0
    True
    """
    global _connexion_courante
    with _verrou:
        con = duckdb.connect(":memory:")
        _attacher_copie(con)
        if par_defaut:
            _connexion_courante = con
    return con


_lecture: duckdb.DuckDBPyConnection | None = None

#: Mémoire maximale d'une requête de correction : un produit cartésien (jointure
#: sans ON) échoue avec un message au lieu de faire tomber le noyau.
MEMOIRE_CORRECTION = "2GB"


def connexion_lecture() -> duckdb.DuckDBPyConnection:
    """Connexion partagée, **en lecture seule**, sur les données d'origine (sans copie).

    Sert à corriger une réponse (exercice, devoir) : aucune copie de 14 Mo par
    vérification, et une requête qui tenterait de modifier les données est
    refusée avec une explication.
    """
    global _lecture
    with _verrou:
        if _lecture is None:
            con = duckdb.connect(":memory:", config={"memory_limit": MEMOIRE_CORRECTION})
            chemin = str(_base_canonique()).replace("'", "''")
            con.execute(f"ATTACH '{chemin}' AS {_NOM_BASE} (READ_ONLY)")
            con.execute(f"USE {_NOM_BASE}")
            _lecture = con
    return _lecture


@contextlib.contextmanager
def copie_jetable() -> Iterator[duckdb.DuckDBPyConnection]:
    """Copie de travail neuve, supprimée dès la sortie du bloc ``with``.

    Pour vérifier un INSERT ou un UPDATE d'étudiant sans toucher à sa connexion
    ni laisser de fichier derrière soi.
    """
    con = connecter(par_defaut=False)
    chemin = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = ?", [_NOM_BASE]
    ).fetchone()[0]
    try:
        yield con
    finally:
        con.close()
        _supprimer_copie(chemin)


def reinitialiser(con: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyConnection:
    """Remet la copie de travail dans l'état d'origine, sur la même connexion.

    Utile après une erreur de manipulation (``DELETE`` sans ``WHERE``…) : la
    variable ``con`` du notebook reste utilisable.
    """
    con = _connexion(con)
    with _verrou:
        ancienne = con.execute(
            "SELECT path FROM duckdb_databases() WHERE database_name = ?", [_NOM_BASE]
        ).fetchone()
        con.execute("USE memory")
        con.execute(f"DETACH {_NOM_BASE}")
        if ancienne and ancienne[0]:
            _supprimer_copie(ancienne[0])
        _attacher_copie(con)
    return con


def _connexion(con: duckdb.DuckDBPyConnection | None) -> duckdb.DuckDBPyConnection:
    if con is not None:
        if not isinstance(con, duckdb.DuckDBPyConnection):
            raise ErreurSQL(
                f"Le paramètre con doit être une connexion obtenue avec gc.connecter() ; "
                f"reçu : {type(con).__name__}."
            )
        return con
    if _connexion_courante is None:
        return connecter()
    return _connexion_courante


# --------------------------------------------------------------------------
# Requêtes
# --------------------------------------------------------------------------


def requete(
    sql: str, con: duckdb.DuckDBPyConnection | None = None, lignes_max: int | None = None
) -> pd.DataFrame:
    """Exécute une requête SQL et renvoie le résultat sous forme de DataFrame.

    Sans ``con``, utilise la dernière connexion ouverte par :func:`connecter`.
    Une requête qui modifie les données (INSERT, UPDATE, DELETE) renvoie le
    nombre de lignes touchées dans la colonne ``lignes_modifiees``. En cas
    d'erreur, lève :class:`ErreurSQL` avec une explication en français.
    ``lignes_max`` : au-delà, refuse le résultat (produit cartésien probable)
    sans le charger en mémoire.

    >>> requete("SELECT 2 + 2 AS total")
       total
    0      4
    >>> requete("SELEC 1")
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurSQL: Erreur de syntaxe SQL près de « SELEC ». ...
    """
    if not isinstance(sql, str) or not sql.strip():
        raise ErreurSQL(
            "La requête doit être un texte SQL non vide, par exemple "
            '"SELECT * FROM clients LIMIT 5" ; '
            f"reçu : {sql!r}."
        )
    con = _connexion(con)
    try:
        if not type_instruction(sql, con):
            raise ErreurSQL(
                "La requête ne contient aucune instruction SQL (seulement des commentaires) : "
                "écrivez-la sous les lignes qui commencent par -- ."
            )
        resultat = con.execute(sql)
        if resultat is None or resultat.description is None:
            return pd.DataFrame()
        df = _recuperer(resultat, lignes_max)
    except duckdb.Error as erreur:
        raise ErreurSQL(expliquer_erreur_sql(erreur, con)) from None
    if list(df.columns) == ["Count"] and type_instruction(sql, con) in _MODIFICATIONS:
        df = df.rename(columns={"Count": "lignes_modifiees"})
    return df


_MODIFICATIONS = {"INSERT", "UPDATE", "DELETE"}


def type_instruction(sql: str, con: duckdb.DuckDBPyConnection | None = None) -> str:
    r"""Le type de la dernière instruction SQL du texte (« SELECT », « INSERT »…), ou ``""``.

    Analysé par DuckDB lui-même : les commentaires et la casse ne trompent pas.

    >>> type_instruction("-- ma réponse\ninsert into t values (1)")
    'INSERT'
    >>> type_instruction("-- rien encore")
    ''
    """
    con = con if con is not None else _analyseur()
    instructions = con.extract_statements(sql)
    return instructions[-1].type.name if instructions else ""


_connexion_analyse: duckdb.DuckDBPyConnection | None = None


def _analyseur() -> duckdb.DuckDBPyConnection:
    global _connexion_analyse
    if _connexion_analyse is None:
        _connexion_analyse = duckdb.connect(":memory:")
    return _connexion_analyse


def _vers_pandas(resultat: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """``fetchdf()`` sans bruit : DuckDB utilise une option de pandas dépréciée
    (fuseaux horaires) ; l'avertissement ne concerne pas l'étudiant et noircirait
    stderr, que nbgrader sanctionne."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*inplace keyword.*")
        return resultat.fetchdf()


def _recuperer(resultat: duckdb.DuckDBPyConnection, lignes_max: int | None) -> pd.DataFrame:
    if lignes_max is None:
        return _vers_pandas(resultat)
    morceaux, total = [], 0
    while True:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*inplace keyword.*")
            morceau = resultat.fetch_df_chunk(8)
        if morceau.empty:
            break
        morceaux.append(morceau)
        total += len(morceau)
        if total > lignes_max:
            raise ErreurSQL(
                f"Votre requête renvoie plus de {lignes_max:,} lignes".replace(",", "\u202f")
                + " : une jointure sans condition ON (produit cartésien) ? un filtre oublié ?"
            )
    if not morceaux:
        return _vers_pandas(resultat)
    return pd.concat(morceaux, ignore_index=True) if len(morceaux) > 1 else morceaux[0]


def _noms_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        ligne[0]
        for ligne in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
            "ORDER BY table_name"
        ).fetchall()
    ]


def _noms_colonnes(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [
        ligne[0]
        for ligne in con.execute(
            "SELECT DISTINCT column_name FROM duckdb_columns() "
            "WHERE database_name = current_database() ORDER BY 1"
        ).fetchall()
    ]


# Traductions des erreurs DuckDB les plus fréquentes chez les débutants.
# (motif du message d'origine, explication, conseil) ; {0} = premier groupe capturé.
_TRADUCTIONS: list[tuple[str, str, str]] = [
    (
        r'syntax error at or near "([^"]*)"',
        "Erreur de syntaxe SQL près de « {0} ».",
        "Vérifiez l'orthographe des mots-clés (SELECT, FROM, WHERE, GROUP BY…), les virgules "
        "entre les colonnes et les guillemets simples autour des textes.",
    ),
    (
        r"syntax error at end of input",
        "La requête s'arrête trop tôt : il manque la fin d'une instruction.",
        "Vérifiez qu'aucune clause n'est incomplète (un WHERE sans condition, une parenthèse "
        "non fermée…).",
    ),
    (
        r"Table with name (\w+) does not exist",
        "La table « {0} » n'existe pas.",
        "La liste des tables s'obtient avec gc.tables().",
    ),
    (
        r'Referenced column "?([^"\s]+)"? not found',
        "La colonne « {0} » n'existe pas dans les tables de la requête.",
        "Vérifiez son nom et la table dont elle vient (gc.colonnes('nom_table')).",
    ),
    (
        r'column "?(\w+)"? must appear in the GROUP BY clause',
        "La colonne « {0} » est affichée sans être regroupée ni agrégée.",
        "Ajoutez-la au GROUP BY, ou appliquez-lui une fonction d'agrégat (SUM, COUNT, AVG…).",
    ),
    (
        r"WHERE clause cannot contain aggregates",
        "Une fonction d'agrégat (SUM, COUNT, AVG…) ne peut pas figurer dans le WHERE.",
        "Une condition sur un agrégat se place dans HAVING, après le GROUP BY.",
    ),
    (
        r"Ambiguous reference to column name \"?(\w+)\"?",
        "La colonne « {0} » existe dans plusieurs tables de la jointure.",
        "Préfixez-la par le nom (ou l'alias) de sa table : c.{0} ou f.{0}.",
    ),
    (
        r"Duplicate key .*violates primary key constraint",
        "Cette ligne a la même clé primaire qu'une ligne existante.",
        "Une clé primaire identifie chaque ligne : choisissez un identifiant libre "
        "(SELECT max(...) + 1).",
    ),
    (
        r"Duplicate key .*violates unique constraint",
        "Cette valeur existe déjà alors que la colonne doit être unique.",
        "Cherchez la ligne existante avant d'insérer (risque de doublon).",
    ),
    (
        r"is still referenced by a foreign key",
        "Cette ligne est encore utilisée par une autre table (par exemple les commandes d'un "
        "client) : la supprimer laisserait des lignes orphelines.",
        "Supprimez ou réaffectez d'abord les lignes qui la référencent, ou marquez-la comme "
        "inactive au lieu de la supprimer.",
    ),
    (
        r"attached in read-only mode",
        "La vérification exécute votre requête sur les données d'origine, en lecture seule : "
        "elle ne peut rien modifier.",
        "Une réponse attendue sous forme de table s'écrit avec SELECT (sans INSERT, UPDATE, "
        "DELETE, CREATE ni DROP).",
    ),
    (
        r"Violates foreign key constraint",
        "La clé étrangère ne correspond à aucune ligne de la table liée.",
        "Vérifiez que l'identifiant référencé existe (par exemple le commercial ou le client).",
    ),
    (
        r"(?:invalid date field format|date field value out of range): \"?([^\",]*)",
        "« {0} » n'est pas une date valide pour DuckDB.",
        "Écrivez les dates au format 'AAAA-MM-JJ', par exemple '2026-10-31' (et non 31/10/2026).",
    ),
    (
        r"NOT NULL constraint failed: (\S+)",
        "La colonne « {0} » est obligatoire (NOT NULL) et n'a pas reçu de valeur.",
        "Donnez-lui une valeur dans l'INSERT ou l'UPDATE.",
    ),
    (
        r"CHECK constraint failed",
        "La valeur ne respecte pas une règle de la table (contrainte CHECK).",
        "Consultez les valeurs permises dans le dictionnaire des données (data/README.md).",
    ),
    (
        r"Could not convert string '([^']*)' to",
        "Le texte « {0} » ne peut pas être converti dans le type de la colonne.",
        "Dates au format 'AAAA-MM-JJ', nombres avec un point décimal et sans espace.",
    ),
    (
        r"No function matches the given name and argument types",
        "Une fonction est appelée avec des valeurs du mauvais type (texte au lieu de nombre…).",
        "Vérifiez les types des colonnes (gc.colonnes('nom_table')) et les guillemets.",
    ),
]


def expliquer_erreur_sql(erreur: Exception, con: duckdb.DuckDBPyConnection | None = None) -> str:
    """Traduit une erreur DuckDB en explication française suivie du message d'origine.

    >>> import duckdb
    >>> try:
    ...     duckdb.connect().execute("SELECT * FROM clientss")
    ... except duckdb.Error as e:
    ...     print(expliquer_erreur_sql(e).splitlines()[0])
    La table « clientss » n'existe pas.
    """
    original = str(erreur).strip()
    explication = "DuckDB a refusé la requête."
    conseil = "Relisez la requête clause par clause ; le message d'origine ci-dessous indique où."
    for motif, texte, aide in _TRADUCTIONS:
        trouve = re.search(motif, original, flags=re.I)
        if trouve:
            groupes = trouve.groups() or ("",)
            explication = texte.format(*groupes)
            conseil = aide.format(*groupes)
            if con is not None and groupes[0]:
                proche = _nom_proche(motif, groupes[0], con)
                if proche:
                    conseil = f"Vouliez-vous dire « {proche} » ? " + conseil
            break
    return f"{explication}\nConseil : {conseil}\nMessage d'origine (DuckDB) : {original}"


def _nom_proche(motif: str, nom: str, con: duckdb.DuckDBPyConnection) -> str | None:
    try:
        if motif.startswith("Table"):
            return suggestion(nom, _noms_tables(con))
        if motif.startswith("Referenced column"):
            return suggestion(nom.split(".")[-1], _noms_colonnes(con))
    except duckdb.Error:
        return None
    return None


# --------------------------------------------------------------------------
# Exploration
# --------------------------------------------------------------------------


def tables(con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Liste des tables de la base : nom, nombre de lignes, description.

    >>> t = tables()
    >>> list(t.columns)
    ['table', 'lignes', 'description']
    >>> "clients" in set(t["table"])
    True
    """
    con = _connexion(con)
    noms = con.execute(
        "SELECT table_name, coalesce(comment, '') FROM duckdb_tables() "
        "WHERE database_name = current_database() ORDER BY table_name"
    ).fetchall()
    lignes = []
    for nom, description in noms:
        (nb,) = con.execute(f'SELECT count(*) FROM "{nom}"').fetchone()
        lignes.append((nom, nb, description))
    return pd.DataFrame(lignes, columns=["table", "lignes", "description"])


def _verifier_table(nom: str, con: duckdb.DuckDBPyConnection) -> str:
    if not isinstance(nom, str):
        raise NomInconnu(
            f"Le nom de table doit être un texte, par exemple 'clients' ; reçu : {nom!r}."
        )
    return verifier_nom(nom, _noms_tables(con), quoi="La table")


def table(nom: str, con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Le contenu complet d'une table.

    >>> table("commerciaux").shape[0] > 0
    True
    >>> table("client")
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.NomInconnu: La table 'client' n'existe pas. ... Vouliez-vous dire 'clients' ?
    """
    con = _connexion(con)
    nom = _verifier_table(nom, con)
    return _vers_pandas(con.execute(f'SELECT * FROM "{nom}"'))


def colonnes(nom: str, con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Les colonnes d'une table : nom, type, obligatoire, description.

    >>> colonnes("clients").columns.tolist()
    ['colonne', 'type', 'obligatoire', 'description']
    """
    con = _connexion(con)
    nom = _verifier_table(nom, con)
    df = con.execute(
        "SELECT column_name, data_type, NOT is_nullable, coalesce(comment, '') "
        "FROM duckdb_columns() WHERE database_name = current_database() AND table_name = ? "
        "ORDER BY column_index",
        [nom],
    )
    df = _vers_pandas(df)
    df.columns = ["colonne", "type", "obligatoire", "description"]
    return df
