"""Tests de gc_helpers.donnees : copie de travail, base canonique intouchable, erreurs en français."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import gc_helpers as gc
from gc_helpers import donnees

RACINE = Path(__file__).resolve().parent.parent


def _empreinte_dossier(dossier: Path) -> str:
    h = hashlib.sha256()
    for chemin in sorted(dossier.glob("*")):
        if chemin.is_file():
            h.update(chemin.name.encode() + chemin.read_bytes())
    return h.hexdigest()


def test_toutes_les_tables_du_schema_sont_chargees():
    schema = (RACINE / "data" / "schema.sql").read_text(encoding="utf-8")
    attendues = set(donnees._ordre_tables(schema))
    t = gc.tables(gc.connecter())
    assert set(t["table"]) == attendues
    assert (t["lignes"] > 0).all(), "Une table est vide : " + ", ".join(
        t.loc[t.lignes == 0, "table"]
    )
    assert (t["description"].str.len() > 10).all(), "Chaque table a une description en français"


def test_chaque_colonne_a_une_description():
    con = gc.connecter()
    for nom in gc.tables(con)["table"]:
        c = gc.colonnes(nom, con)
        sans = c.loc[c["description"].str.len() == 0, "colonne"].tolist()
        assert not sans, f"Colonnes sans COMMENT dans {nom} : {sans}"


def test_un_delete_n_est_pas_vu_par_la_connexion_suivante():
    con = gc.connecter()
    avant = gc.requete("SELECT count(*) AS n FROM clients", con).loc[0, "n"]
    gc.requete("DELETE FROM relances", con)
    gc.requete("DELETE FROM reglements", con)
    gc.requete("DELETE FROM factures", con)
    gc.requete("UPDATE clients SET ville = 'Nulle-part'", con)
    assert gc.requete("SELECT count(*) AS n FROM factures", con).loc[0, "n"] == 0
    con2 = gc.connecter()
    assert gc.requete("SELECT count(*) AS n FROM factures", con2).loc[0, "n"] > 0
    assert gc.requete("SELECT count(*) AS n FROM clients", con2).loc[0, "n"] == avant
    villes = gc.requete("SELECT count(DISTINCT ville) AS n FROM clients", con2).loc[0, "n"]
    assert villes > 1


def test_reinitialiser_restaure_sur_la_meme_connexion():
    con = gc.connecter()
    n = gc.requete("SELECT count(*) AS n FROM produits", con).loc[0, "n"]
    con.execute("DROP TABLE lignes_commande")
    gc.reinitialiser(con)
    # la même variable con reste utilisable et voit les données d'origine
    assert gc.requete("SELECT count(*) AS n FROM produits", con).loc[0, "n"] == n
    assert gc.requete("SELECT count(*) AS n FROM lignes_commande", con).loc[0, "n"] > 0


def test_requete_sans_connexion_utilise_la_derniere_ouverte():
    con = gc.connecter()
    gc.requete("DELETE FROM enquetes_satisfaction", con)
    assert gc.requete("SELECT count(*) AS n FROM enquetes_satisfaction").loc[0, "n"] == 0
    gc.connecter()
    assert gc.requete("SELECT count(*) AS n FROM enquetes_satisfaction").loc[0, "n"] > 0


def test_les_donnees_canoniques_ne_changent_jamais():
    dossier = donnees._dossier_donnees()
    avant = _empreinte_dossier(dossier)
    base = donnees._base_canonique()
    base_avant = hashlib.sha256(base.read_bytes()).hexdigest()
    con = gc.connecter()
    for sql in [
        "DELETE FROM lignes_commande",
        "UPDATE produits SET prix_vente_ht = prix_vente_ht * 2",
        "DROP TABLE reclamations",
        "CREATE TABLE intrus AS SELECT 1 AS x",
    ]:
        con.execute(sql)
    con.execute("CHECKPOINT")
    con.close()
    assert _empreinte_dossier(dossier) == avant
    assert hashlib.sha256(base.read_bytes()).hexdigest() == base_avant
    assert "intrus" not in set(gc.tables(gc.connecter())["table"])


def test_insert_renvoie_le_nombre_de_lignes():
    con = gc.connecter()
    r = gc.requete(
        "INSERT INTO enquetes_satisfaction SELECT * FROM enquetes_satisfaction LIMIT 0", con
    )
    assert list(r.columns) == ["lignes_modifiees"]


def test_erreur_sql_en_francais_avec_suggestion():
    con = gc.connecter()
    with pytest.raises(gc.ErreurSQL) as e:
        gc.requete("SELECT * FROM client", con)
    message = str(e.value)
    assert "La table « client » n'existe pas" in message
    assert "Vouliez-vous dire « clients »" in message
    assert "Message d'origine (DuckDB)" in message


def test_erreur_colonne_inconnue_suggere():
    with pytest.raises(gc.ErreurSQL) as e:
        gc.requete("SELECT raison_social FROM clients", gc.connecter())
    assert "raison_social" in str(e.value)
    assert "Vouliez-vous dire « raison_sociale »" in str(e.value)


@pytest.mark.parametrize(
    ("sql", "attendu"),
    [
        ("SELEC * FROM clients", "Erreur de syntaxe"),
        (
            "SELECT ville, count(*) FROM clients WHERE count(*) > 3 GROUP BY ville",
            "HAVING",
        ),
        ("SELECT ville, type_client, count(*) FROM clients GROUP BY ville", "GROUP BY"),
        (
            "SELECT id_client FROM clients c JOIN factures f ON c.id_client = f.id_client",
            "plusieurs tables",
        ),
        ("INSERT INTO commerciaux (id_commercial) VALUES (1)", "clé primaire"),
    ],
)
def test_erreurs_frequentes_expliquees(sql, attendu):
    with pytest.raises(gc.ErreurSQL) as e:
        gc.requete(sql, gc.connecter())
    assert attendu in str(e.value), str(e.value)


def test_mauvaises_entrees():
    with pytest.raises(gc.ErreurSQL, match="texte SQL non vide"):
        gc.requete("   ")
    with pytest.raises(gc.ErreurSQL, match="texte SQL non vide"):
        gc.requete(None)  # type: ignore[arg-type]
    with pytest.raises(gc.ErreurSQL, match="gc.connecter"):
        gc.requete("SELECT 1", con="ma_base")  # type: ignore[arg-type]
    with pytest.raises(gc.NomInconnu, match="Vouliez-vous dire 'factures'"):
        gc.table("facture")
    with pytest.raises(gc.NomInconnu, match="texte"):
        gc.colonnes(3)  # type: ignore[arg-type]
    with pytest.raises(gc.NomInconnu, match="Le fichier de données"):
        gc.chemin_donnees("import.csv")


def test_attribut_inconnu_du_paquet():
    with pytest.raises(AttributeError, match="Vouliez-vous dire gc.connecter"):
        gc.conecter  # noqa: B018


def test_deux_processus_construisent_le_cache_sans_se_gener(tmp_path):
    """La correction en parallèle démarre plusieurs noyaux en même temps sur un cache vide."""
    code = (
        "import gc_helpers as gc; "
        "print(int(gc.requete('SELECT count(*) AS n FROM clients').loc[0, 'n']))"
    )
    env = {**os.environ, "GC_CACHE": str(tmp_path / "cache")}
    procs = [
        subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    sorties = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    assert len(set(sorties)) == 1 and int(sorties[0]) > 0
    assert len(list((tmp_path / "cache").glob("*.duckdb"))) == 1
    assert not list((tmp_path / "cache").glob("*.tmp*"))


@pytest.mark.lent
def test_fonctionne_depuis_une_roue_installee(tmp_path):
    """Image JupyterHub : paquet installé par pip, sans le dépôt à côté."""
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(RACINE),
        ],
        check=True,
    )
    (roue,) = dist.glob("*.whl")
    with zipfile.ZipFile(roue) as z:
        noms = z.namelist()
    assert "gc_helpers/_donnees/schema.sql" in noms
    assert "gc_helpers/_donnees/clients.csv" in noms
    # Environnement neuf : la roue sans dépendances, les dépendances reprises de .venv.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = next((venv / "lib").glob("python3*/site-packages"))
    import pandas as _pd

    (site / "deps.pth").write_text(str(Path(_pd.__file__).parent.parent) + "\n")
    with zipfile.ZipFile(roue) as z:
        z.extractall(site)
    code = (
        "import gc_helpers as gc, pathlib; "
        "assert 'site-packages' in gc.donnees._dossier_donnees().as_posix(); "
        "print(len(gc.tables()))"
    )
    env = {**os.environ, "GC_CACHE": str(tmp_path / "cache")}
    sortie = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert sortie.returncode == 0, sortie.stderr
    assert int(sortie.stdout) == len(gc.tables(gc.connecter()))


def test_types_des_resultats():
    df = gc.requete("SELECT id_client, date_creation FROM clients LIMIT 3", gc.connecter())
    assert isinstance(df, pd.DataFrame) and len(df) == 3
    assert isinstance(gc.connecter(), duckdb.DuckDBPyConnection)


def test_aucun_avertissement_sur_stderr(recwarn):
    """nbgrader met 0 à une cellule de test qui écrit sur stderr."""
    import warnings

    warnings.simplefilter("always")
    gc.requete("SELECT now() AS instant, DATE '2025-01-31' AS jour", gc.connecter())
    assert not [str(w.message) for w in recwarn]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE clients SET id_commercial = 2 WHERE id_client = 5",
        "UPDATE clients SET email = 'nouvelle.adresse@example.com' WHERE id_client = 5",
        "UPDATE clients SET optin_email = false WHERE id_client = 5",
        "UPDATE commerciaux SET email = 'direction@example.com' WHERE id_commercial = 1",
        "UPDATE commandes SET id_commercial = 2 WHERE id_commande = 10",
        # conversion d'un prospect déjà contacté (donc référencé par contacts)
        "UPDATE prospects SET statut = 'converti', id_client = 5, "
        "date_conversion = date_premier_contact + 30 WHERE id_prospect = "
        "(SELECT min(id_prospect) FROM contacts WHERE id_prospect IS NOT NULL)",
        "UPDATE prospects SET nb_contacts = nb_contacts + 1 WHERE id_prospect IN "
        "(SELECT id_prospect FROM contacts WHERE id_prospect IS NOT NULL)",
    ],
)
def test_les_mises_a_jour_d_un_commercial_sont_possibles(sql):
    """Qualification et mise à jour (S822) : DuckDB ne doit pas les refuser (voir schema.sql)."""
    assert gc.requete(sql, gc.connecter()).loc[0, "lignes_modifiees"] >= 1


def _fichier_de(con) -> Path:
    (chemin,) = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = 'entreprise'"
    ).fetchone()
    return Path(chemin)


def test_les_copies_ne_remplissent_pas_le_disque():
    """Chaque copie de travail est effacée quand sa connexion disparaît ou est réinitialisée."""
    import gc as ramasse_miettes

    con = gc.connecter(par_defaut=False)
    premiere = _fichier_de(con)
    assert premiere.is_file()
    gc.reinitialiser(con)
    assert not premiere.exists()
    seconde = _fichier_de(con)
    del con
    ramasse_miettes.collect()
    assert not seconde.exists()
    with donnees.copie_jetable() as jetable:
        troisieme = _fichier_de(jetable)
        assert troisieme.is_file()
    assert not troisieme.exists()


def test_commentaires_avant_la_requete():
    """Les cellules d'exercice commencent par un commentaire « -- Écrivez votre requête ici »."""
    con = gc.connecter()
    r = gc.requete("-- Écrivez votre requête ici\nDELETE FROM relances WHERE niveau = 3", con)
    assert list(r.columns) == ["lignes_modifiees"] and r.iloc[0, 0] > 0
    with pytest.raises(gc.ErreurSQL, match="aucune instruction SQL"):
        gc.requete("-- Écrivez votre requête ici\n/* à compléter */", con)
