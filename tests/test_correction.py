"""Tests de gc_helpers.correction : comparer une réponse avec l'attendu, en français.

Chaque erreur typique d'étudiant doit produire un message précis qui aide à corriger.
"""

import datetime as dt
import importlib
import sys
import time
import types
from decimal import Decimal

import duckdb
import numpy as np
import pandas as pd
import pytest

from gc_helpers._erreurs import ErreurCours, ErreurSQL, NomInconnu
from gc_helpers.correction import (
    ReponseIncorrecte,
    Verdict,
    comparer_nombres,
    comparer_requete,
    comparer_tables,
    executer_reponse,
    verifier_colonnes,
    verifier_nombre,
    verifier_requete,
    verifier_table,
)

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture
def attendu():
    return pd.DataFrame(
        {
            "id_client": [1, 2, 3],
            "ville": ["Nice", "Paris", "Lyon"],
            "ca_ht": [1500.0, 320.5, 99.99],
            "taux": [0.05, 0.1, 0.2],
        }
    )


# --------------------------------------------------------------------------- Verdict


def test_verdict_juste():
    v = Verdict(True, "Bravo : c'est juste.")
    assert bool(v) is True
    assert repr(v) == "✅ Bravo : c'est juste."
    assert str(v) == repr(v)
    assert v.verifier() is None


def test_verdict_faux():
    v = Verdict(False, "Il manque <la colonne>.")
    assert not v
    assert repr(v) == "❌ Il manque <la colonne>."
    assert "&lt;la colonne&gt;" in v._repr_html_()
    with pytest.raises(ReponseIncorrecte, match="Il manque <la colonne>."):
        v.verifier()


def test_reponse_incorrecte_est_un_echec_de_test():
    assert issubclass(ReponseIncorrecte, AssertionError)


# ------------------------------------------------------------------- comparer_tables : juste


def test_table_identique_dans_un_autre_ordre(attendu):
    v = comparer_tables(attendu.iloc[[2, 0, 1]], attendu)
    assert v.ok
    assert v.message == "Bravo : votre résultat est correct (3 lignes, 4 colonnes)."


def test_noms_de_colonnes_sans_casse_et_dans_le_desordre(attendu):
    obtenu = attendu[["taux", "ca_ht", "ville", "id_client"]].rename(columns=str.upper)
    assert comparer_tables(obtenu, attendu).ok


def test_types_normalises(attendu):
    obtenu = attendu.copy()
    obtenu["id_client"] = obtenu["id_client"].astype(float)  # 1.0 au lieu de 1
    obtenu["ca_ht"] = [Decimal("1500.00"), Decimal("320.50"), Decimal("99.99")]  # DECIMAL DuckDB
    obtenu["taux"] = obtenu["taux"] * (1 + 1e-12)  # bruit de calcul en flottant
    assert comparer_tables(obtenu, attendu).ok


def test_entiers_nullables_et_null_egal_null():
    attendu = pd.DataFrame({"id": [1, 2], "relances": [3.0, np.nan], "note": ["ok", None]})
    obtenu = pd.DataFrame(
        {
            "id": [2, 1],
            "relances": pd.array([pd.NA, 3], dtype="Int32"),  # entier NULL de DuckDB
            "note": [np.nan, "ok"],
        }
    )
    assert comparer_tables(obtenu, attendu).ok


@pytest.mark.parametrize(
    "dates",
    [
        [dt.date(2025, 1, 31), dt.date(2025, 2, 28)],
        [dt.datetime(2025, 1, 31), dt.datetime(2025, 2, 28)],
        pd.to_datetime(["2025-01-31", "2025-02-28"]).astype("datetime64[us]"),
        ["2025-01-31", "2025-02-28"],
        ["31/01/2025", "28/02/2025"],
    ],
)
def test_dates_de_tous_types(dates):
    attendu = pd.DataFrame({"jour": pd.to_datetime(["2025-01-31", "2025-02-28"])})
    assert comparer_tables(pd.DataFrame({"jour": dates}), attendu).ok


def test_tolerance(attendu):
    obtenu = attendu.assign(ca_ht=attendu["ca_ht"] + 0.004)
    assert not comparer_tables(obtenu, attendu).ok
    assert comparer_tables(obtenu, attendu, tolerance=0.01).ok


def test_egalite_a_la_limite_de_la_grille():
    # 2.5e-6 et 2.5e-6 + 1e-12 tombent dans deux cases voisines de la grille (1e-6) :
    # la comparaison directe des lignes restantes doit les apparier.
    attendu = pd.DataFrame({"x": [2.5e-6, 7.0]})
    obtenu = pd.DataFrame({"x": [7.0, 2.5e-6 + 1e-12]})
    assert comparer_tables(obtenu, attendu).ok


def test_noms_colonnes_false_compare_par_position(attendu):
    obtenu = attendu.set_axis(["a", "b", "c", "d"], axis=1)
    assert comparer_tables(obtenu, attendu, noms_colonnes=False).ok
    v = comparer_tables(obtenu.iloc[:, :3], attendu, noms_colonnes=False)
    assert not v.ok
    assert v.message.startswith("Votre table a 3 colonnes ; 4 colonnes sont attendues.")


def test_relation_duckdb_acceptee():
    con = duckdb.connect()
    relation = con.sql("SELECT 1 AS un, 'a' AS lettre")
    assert comparer_tables(relation, pd.DataFrame({"un": [1], "lettre": ["a"]})).ok


def test_tables_vides():
    vide = pd.DataFrame({"id": pd.Series([], dtype="int64")})
    assert comparer_tables(vide, vide).ok


# ------------------------------------------------------------------- comparer_tables : type


@pytest.mark.parametrize(
    ("reponse", "debut", "conseil"),
    [
        (None, "Votre réponse est None (aucune valeur)", "range bien le résultat"),
        (..., "Votre réponse est « ... »", "Remplacez ... par votre réponse"),
        ("SELECT * FROM clients", "Votre réponse est un texte (str)", "gc.requete"),
        (42, "Votre réponse est un nombre (42)", ""),
        ([1, 2], "Votre réponse est une liste", ""),
        (pd.Series([1, 2]), "Votre réponse est une série (Series)", ".reset_index()"),
    ],
)
def test_reponse_qui_n_est_pas_une_table(attendu, reponse, debut, conseil):
    v = comparer_tables(reponse, attendu)
    assert not v.ok
    assert v.message.startswith(debut)
    assert "; une table (DataFrame) est attendue." in v.message
    assert conseil in v.message


def test_reponse_mise_en_forme(attendu):
    v = comparer_tables(attendu.style, attendu)
    assert "une table mise en forme (Styler)" in v.message
    assert "sans .style" in v.message


def test_attendu_invalide_est_une_erreur_du_professeur():
    with pytest.raises(ErreurCours, match="attendu doit être une table \\(DataFrame\\)"):
        comparer_tables(pd.DataFrame({"a": [1]}), [1])


@pytest.mark.parametrize(("option", "valeur"), [("tolerance", -1), ("exemples", 1.5)])
def test_options_invalides(attendu, option, valeur):
    with pytest.raises(ErreurCours, match=f"{option} doit être"):
        comparer_tables(attendu, attendu, **{option: valeur})


# ------------------------------------------------------------------- comparer_tables : colonnes


def test_colonne_manquante(attendu):
    v = comparer_tables(attendu.drop(columns="ca_ht"), attendu)
    assert v.message.startswith("Il manque la colonne 'ca_ht'.")
    assert "Colonnes attendues : id_client, ville, ca_ht, taux." in v.message
    assert "Colonnes obtenues : id_client, ville, taux." in v.message


def test_colonne_mal_nommee(attendu):
    v = comparer_tables(attendu.rename(columns={"ca_ht": "ca"}), attendu)
    assert "Il manque la colonne 'ca_ht'." in v.message
    assert (
        "Votre colonne 'ca' devrait-elle s'appeler 'ca_ht' ? Renommez-la avec AS ca_ht (en SQL) "
        "ou .rename(columns={'ca': 'ca_ht'}) (en pandas)." in v.message
    )
    assert "Colonne en trop : 'ca'" in v.message


def test_colonnes_en_trop(attendu):
    v = comparer_tables(attendu.assign(pays="France", cp="06000"), attendu)
    assert v.message.startswith("Colonnes en trop : 'pays', 'cp' ; ne gardez que les colonnes")


def test_colonne_restee_dans_l_index(attendu):
    v = comparer_tables(attendu.set_index("ville"), attendu)
    assert "'ville' est dans l'index de votre table : ajoutez .reset_index()." in v.message


def test_colonne_en_double(attendu):
    obtenu = pd.concat([attendu, attendu[["id_client"]]], axis=1)
    v = comparer_tables(obtenu, attendu)
    assert v.message.startswith("La colonne 'id_client' apparaît plusieurs fois")
    assert "SELECT *" in v.message


# ------------------------------------------------------------------- comparer_tables : lignes


def test_trop_de_lignes(attendu):
    obtenu = pd.concat([attendu, attendu.iloc[[0]]])
    v = comparer_tables(obtenu, attendu)
    assert v.message.startswith("Votre résultat a trop de lignes : 4 au lieu de 3.")
    assert "Une jointure qui duplique des lignes ? un filtre manquant (WHERE, ou HAVING" in (
        v.message
    )
    assert "lignes en double (DISTINCT ?)" in v.message
    assert "Lignes de votre résultat qui ne sont pas attendues :\n  • (1, 'Nice', " in v.message


def test_pas_assez_de_lignes(attendu):
    v = comparer_tables(attendu.iloc[:2], attendu)
    assert v.message.startswith("Votre résultat n'a pas assez de lignes : 2 au lieu de 3.")
    assert "Un filtre trop strict ? une jointure interne qui perd des lignes" in v.message
    assert "Lignes attendues absentes de votre résultat :\n  • (3, 'Lyon', 99,99, 0,2)" in (
        v.message
    )


def test_aucune_ligne(attendu):
    v = comparer_tables(attendu.iloc[:0], attendu)
    assert v.message.startswith("Votre résultat ne contient aucune ligne ; 3 lignes attendues")


# ------------------------------------------------------------------- comparer_tables : valeurs


def test_valeur_fausse_avec_exemples(attendu):
    obtenu = attendu.assign(ca_ht=[1500.0, 320.5, 100.0])
    v = comparer_tables(obtenu, attendu)
    assert v.message.startswith("Les colonnes 'id_client', 'ville', 'taux' sont justes.")
    assert "Lignes attendues absentes de votre résultat :\n  • (3, 'Lyon', 99,99, 0,2)" in (
        v.message
    )
    assert "Lignes de votre résultat qui ne sont pas attendues :\n  • (3, 'Lyon', 100, 0,2)" in (
        v.message
    )


def test_au_plus_trois_exemples_et_exemples_zero():
    attendu = pd.DataFrame({"x": range(10)})
    obtenu = pd.DataFrame({"x": range(100, 110)})
    v = comparer_tables(obtenu, attendu)
    assert "Lignes attendues absentes de votre résultat (3 sur 10) :" in v.message
    assert v.message.count("  • ") == 6
    secret = comparer_tables(obtenu, attendu, exemples=0)
    assert "  • " not in secret.message
    assert not secret.ok


def test_conseil_arrondi(attendu):
    v = comparer_tables(attendu.assign(ca_ht=attendu["ca_ht"].round(0)), attendu)
    assert "Les valeurs de 'ca_ht' sont arrondies à l'unité" in v.message
    inverse = comparer_tables(attendu, attendu.assign(ca_ht=[1500.0, 320.0, 100.0]))
    assert "doivent être arrondies à l'unité : utilisez ROUND(ca_ht, 0)." in inverse.message


def test_conseil_taux_en_pourcentage(attendu):
    v = comparer_tables(attendu.assign(taux=attendu["taux"] * 100), attendu)
    assert "Les valeurs de 'taux' sont 100 fois trop grandes : un taux s'écrit en décimal" in (
        v.message
    )


def test_conseil_null(attendu):
    v = comparer_tables(attendu.assign(ca_ht=[1500.0, None, 99.99]), attendu)
    assert "La colonne 'ca_ht' contient 1 valeur NULL, au lieu de 0" in v.message
    assert "LEFT JOIN" in v.message


def test_conseil_majuscules(attendu):
    v = comparer_tables(attendu.assign(ville=["NICE", "Paris ", "lyon"]), attendu)
    assert "Les textes de 'ville' diffèrent seulement par les majuscules ou les espaces" in (
        v.message
    )


def test_une_seule_colonne_juste():
    attendu = pd.DataFrame({"ville": ["Nice", "Lyon"], "clients": [3, 4]})
    v = comparer_tables(attendu.assign(clients=[2, 5]), attendu)
    assert v.message.startswith(
        "La colonne 'ville' est juste. Les valeurs de la colonne 'clients' ne sont pas celles"
    )


def test_conseil_valeurs_trop_grandes_ou_trop_petites():
    attendu = pd.DataFrame({"secteur": ["hôtel", "CSE", "détaillant"], "ca": [100.0, 50.0, 20.0]})
    doublees = comparer_tables(attendu.assign(ca=[200.0, 100.0, 20.0]), attendu)
    assert "Les valeurs de 'ca' sont trop grandes : une jointure qui duplique des lignes" in (
        doublees.message
    )
    assert "un filtre oublié" in doublees.message
    reduites = comparer_tables(attendu.assign(ca=[90.0, 50.0, 10.0]), attendu)
    assert "Les valeurs de 'ca' sont trop petites : un filtre en trop ou trop strict ?" in (
        reduites.message
    )


def test_conseil_valeurs_mal_associees(attendu):
    v = comparer_tables(attendu.assign(ville=["Paris", "Nice", "Lyon"]), attendu)
    assert v.message.startswith("Chaque colonne contient les bonnes valeurs, mais elles ne sont")
    assert "condition de jointure" in v.message


def test_texte_au_lieu_de_nombres(attendu):
    obtenu = attendu.assign(ca_ht=["1 500,00 €", "320,50 €", "99,99 €"])
    v = comparer_tables(obtenu, attendu)
    assert v.message.startswith("La colonne 'ca_ht' contient du texte (par exemple '1 500,00 €')")
    assert "alors que des nombres sont attendus" in v.message


def test_texte_au_lieu_de_dates():
    attendu = pd.DataFrame({"jour": pd.to_datetime(["2025-01-31"])})
    v = comparer_tables(pd.DataFrame({"jour": ["janvier"]}), attendu)
    assert v.message.startswith("La colonne 'jour' devrait contenir des dates")


# ------------------------------------------------------------------- comparer_tables : ordre


def test_ordre_demande(attendu):
    assert comparer_tables(attendu, attendu, ordre=True).message.endswith(
        "(3 lignes, 4 colonnes, dans le bon ordre)."
    )
    v = comparer_tables(attendu.iloc[::-1], attendu, ordre=True)
    assert v.message == (
        "Les bonnes lignes sont là, mais pas dans l'ordre demandé : vérifiez votre ORDER BY "
        "(sens croissant ASC / décroissant DESC ? bonne colonne ?)."
    )


def test_ordre_avec_ex_aequo():
    attendu = pd.DataFrame({"client": ["A", "B", "C"], "ca": [300, 200, 200]})
    obtenu = attendu.iloc[[0, 2, 1]]  # B et C à égalité : leur ordre est libre
    assert not comparer_tables(obtenu, attendu, ordre=True).ok
    assert comparer_tables(obtenu, attendu, ordre=True, colonnes_ordre=["CA"]).ok
    assert comparer_tables(obtenu, attendu, ordre=True, colonnes_ordre="ca").ok
    faux = attendu.iloc[[1, 0, 2]]
    assert not comparer_tables(faux, attendu, ordre=True, colonnes_ordre=["ca"]).ok


def test_colonnes_ordre_inconnue():
    attendu = pd.DataFrame({"client": ["A"], "ca": [300]})
    with pytest.raises(NomInconnu, match="La colonne 'chiffre' n'existe pas"):
        comparer_tables(attendu, attendu, ordre=True, colonnes_ordre=["chiffre"])


def test_5000_lignes_en_moins_de_100_ms():
    rng = np.random.default_rng(0)
    n = 5000
    attendu = pd.DataFrame(
        {
            "id_client": np.arange(n),
            "nom": [f"Client {i}" for i in range(n)],
            "ca_ht": rng.random(n) * 1e5,
            "jour": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 700, n), "D"),
            "segment": rng.choice(["A", "B", "C"], n),
        }
    )
    obtenu = attendu.sample(frac=1, random_state=1)
    obtenu["ca_ht"] = [Decimal(repr(x)) for x in obtenu["ca_ht"]]
    durees = []
    for _ in range(3):
        debut = time.perf_counter()
        assert comparer_tables(obtenu, attendu).ok
        durees.append(time.perf_counter() - debut)
    assert min(durees) < 0.1


# --------------------------------------------------------------------------- verifier_table


def test_verifier_table_silencieux_si_juste(attendu, capsys):
    assert verifier_table(attendu.iloc[::-1], attendu) is None
    sortie = capsys.readouterr()
    assert sortie.out == "" and sortie.err == ""


def test_verifier_table_leve_reponse_incorrecte(attendu):
    with pytest.raises(AssertionError) as erreur:
        verifier_table(attendu.iloc[::-1], attendu, ordre=True)
    assert isinstance(erreur.value, ReponseIncorrecte)
    assert "vérifiez votre ORDER BY" in str(erreur.value)


def test_verifier_table_options_transmises(attendu):
    with pytest.raises(ErreurCours, match="tolerance doit être"):
        verifier_table(attendu, attendu, tolerance="petite")


# --------------------------------------------------------------------------- comparer_nombres


def test_nombre_juste():
    assert comparer_nombres(0.1 + 0.2, 0.3).ok
    assert comparer_nombres(1234.561, 1234.56).ok  # au centime près par défaut
    assert comparer_nombres(Decimal("12.5"), 12.5).ok
    assert comparer_nombres(np.float64(7), 7).ok
    v = comparer_nombres(0.052, 0.052)
    assert v.message == "Bravo : 0,052 est la bonne valeur."


def test_nombre_tolerance_relative():
    assert not comparer_nombres(101, 100).ok
    assert comparer_nombres(101, 100, tolerance=0.02, relative=True).ok
    assert not comparer_nombres(103, 100, tolerance=0.02, relative=True).ok


def test_nombre_faux_sans_devoiler_la_reponse():
    v = comparer_nombres(42, 17)
    assert v.message == "Votre résultat (42) n'est pas la valeur attendue."
    montre = comparer_nombres(42, 17, montrer_attendu=True)
    assert montre.message == "Votre résultat (42) n'est pas la valeur attendue (17)."


@pytest.mark.parametrize(
    ("obtenu", "attendu", "conseil"),
    [
        (5.2, 0.052, "un taux s'écrit en décimal (0,052 et non 5,2)"),
        (5, 0.05, "un taux s'écrit en décimal"),
        (0.0005, 0.05, "100 fois trop petit"),
        (-250, 250, "Le signe est inversé."),
        (12.35, 12.3456, None),  # au centime près : juste
        (12.3, 12.3456, "arrondi à 1 décimale"),
        (12, 12.3456, "arrondi à l'unité"),
        (2.68, 2.675, None),  # écart 0,005 < 0,01
        (120, 100, "TTC au lieu de HT"),
        (100, 120, "HT au lieu de TTC"),
        (101.39, 100, "l'année commerciale compte 360 jours"),
        (1001, 1000, "Vous êtes très proche (écart de 0,10\xa0%)"),
    ],
)
def test_nombre_conseils(obtenu, attendu, conseil):
    v = comparer_nombres(obtenu, attendu)
    if conseil is None:
        assert v.ok
    else:
        assert not v.ok
        assert conseil in v.message


def test_nombre_arrondi_commercial_ou_python():
    v = comparer_nombres(1.235, 1.23456, tolerance=1e-6)
    assert "arrondi à 3 décimales" in v.message  # 1,23456 → 1,235 (commercial)


@pytest.mark.parametrize(
    ("reponse", "message"),
    [
        (
            "12,5",
            "Votre réponse est un texte ('12,5') ; donnez un nombre, sans guillemets : 12.5 "
            "(en Python, la virgule décimale s'écrit avec un point).",
        ),
        ("1 234,50 €", "donnez un nombre, sans guillemets : 1234.50"),
        ("douze", "Votre réponse est un texte (str) : 'douze' ; un nombre est attendu."),
        (None, "Votre réponse est None (aucune valeur) ; un nombre est attendu."),
        (..., "Remplacez ... par votre calcul."),
        (True, "Votre réponse est un booléen (True/False) ; un nombre est attendu."),
        ([12.5], "Votre réponse est une liste ; un nombre est attendu."),
        (pd.DataFrame({"total": [12.5]}), "extrayez-le avec .iloc[0, 0]"),
        (pd.Series([12.5]), "extrayez-le avec .iloc[0]"),
        (float("nan"), "Votre réponse vaut NaN"),
        (float("inf"), "Votre réponse est infinie : une division par zéro ?"),
    ],
)
def test_nombre_mauvais_type(reponse, message):
    v = comparer_nombres(reponse, 12.5)
    assert not v.ok
    assert message in v.message


def test_nombre_attendu_invalide():
    with pytest.raises(ErreurCours, match="attendu doit être un nombre ; reçu un texte"):
        comparer_nombres(1, "1")


def test_verifier_nombre():
    assert verifier_nombre(0.1 + 0.2, 0.3) is None
    with pytest.raises(ReponseIncorrecte, match="un taux s'écrit en décimal"):
        verifier_nombre(5, 0.05)
    with pytest.raises(ErreurCours, match="tolerance doit être un nombre positif"):
        verifier_nombre(5, 0.05, tolerance=-0.1)


# --------------------------------------------------------------------------- requêtes SQL


def _requete_de_secours(sql, con=None):
    """Remplace gc_helpers.donnees.requete si le module n'existe pas encore."""
    try:
        resultat = con.execute(sql)
    except duckdb.Error as erreur:
        raise ErreurSQL(f"Erreur SQL : {erreur}") from None
    return resultat.fetchdf() if resultat.description else pd.DataFrame()


@pytest.fixture
def con(monkeypatch):
    try:
        importlib.import_module("gc_helpers.donnees")
    except ImportError:
        module = types.ModuleType("gc_helpers.donnees")
        module.requete = _requete_de_secours
        monkeypatch.setitem(sys.modules, "gc_helpers.donnees", module)
        import gc_helpers

        monkeypatch.setattr(gc_helpers, "donnees", module, raising=False)
    connexion = duckdb.connect()
    connexion.execute("CREATE TABLE clients (id_client INTEGER, ville TEXT, ca_ht DECIMAL(10, 2))")
    connexion.execute(
        "INSERT INTO clients VALUES (1, 'Nice', 1500.00), (2, 'Paris', 320.50), "
        "(3, 'Paris', 99.99), (4, 'Lyon', NULL)"
    )
    yield connexion
    connexion.close()


SOLUTION = "SELECT ville, SUM(ca_ht) AS ca_total FROM clients GROUP BY ville"


def test_requete_juste(con):
    verifier_requete(
        "SELECT ville, sum(ca_ht) AS CA_TOTAL FROM clients GROUP BY 1", SOLUTION, con=con
    )
    attendu = pd.DataFrame({"ville": ["Lyon", "Nice", "Paris"], "ca_total": [None, 1500, 420.49]})
    assert comparer_requete(SOLUTION, attendu, con=con).ok


def test_requete_fausse(con):
    with pytest.raises(ReponseIncorrecte, match="Il manque la colonne 'ca_total'"):
        verifier_requete("SELECT ville, SUM(ca_ht) FROM clients GROUP BY ville", SOLUTION, con=con)
    with pytest.raises(ReponseIncorrecte, match="trop de lignes : 4 au lieu de 3"):
        verifier_requete("SELECT ville, ca_ht AS ca_total FROM clients", SOLUTION, con=con)


def test_requete_ordre(con):
    solution = "SELECT id_client FROM clients ORDER BY id_client DESC"
    verifier_requete(solution, solution, ordre=True, con=con)
    with pytest.raises(ReponseIncorrecte, match="vérifiez votre ORDER BY"):
        verifier_requete("SELECT id_client FROM clients ORDER BY 1", solution, ordre=True, con=con)


def test_requete_erreur_sql(con):
    v = comparer_requete("SELEC ville FROM clients", SOLUTION, con=con)
    assert not v.ok
    assert v.message.startswith("Votre requête provoque une erreur")
    with pytest.raises(ReponseIncorrecte, match="Votre requête provoque une erreur"):
        verifier_requete("SELECT villes FROM clients", SOLUTION, con=con)


@pytest.mark.parametrize("reponse", [None, ..., 42])
def test_requete_pas_encore_ecrite(con, reponse):
    with pytest.raises(ReponseIncorrecte) as erreur:
        verifier_requete(reponse, SOLUTION, con=con)
    assert str(erreur.value) == (
        'Écrivez votre requête SQL entre triple guillemets : reponse = """SELECT … FROM …"""'
    )


@pytest.mark.parametrize("reponse", ["", "   ", "-- à compléter\n", "..."])
def test_requete_vide(con, reponse):
    with pytest.raises(ReponseIncorrecte, match="Votre requête est vide. Écrivez votre requête"):
        verifier_requete(reponse, SOLUTION, con=con)


def test_requete_deja_executee(con):
    v = comparer_requete(pd.DataFrame({"ville": ["Nice"]}), SOLUTION, con=con)
    assert v.message.startswith("Votre réponse est une table (DataFrame) ; ici, on attend le texte")


def test_requete_qui_modifie_les_donnees(con):
    v = comparer_requete("UPDATE clients SET ca_ht = 0 WHERE id_client = 4", SOLUTION, con=con)
    assert v.message == (
        "Votre requête ne renvoie pas de table : la question attend une requête SELECT."
    )


# Ce que nbgrader laisse dans la cellule de réponse d'une copie vierge.
PAS_COMMENCEE = "\n# VOTRE CODE ICI\nraise NotImplementedError()\n"


def test_requete_pas_commencee(con):
    with pytest.raises(ReponseIncorrecte) as erreur:
        verifier_requete(PAS_COMMENCEE, SOLUTION, con=con)
    assert str(erreur.value).startswith("Vous n'avez pas encore écrit votre requête")
    assert "« raise NotImplementedError() »" in str(erreur.value)


def test_executer_reponse(con):
    resultat = executer_reponse("SELECT id_client FROM clients WHERE ville = 'Paris'", con=con)
    assert resultat["id_client"].tolist() == [2, 3]


@pytest.mark.parametrize(
    ("reponse", "debut"),
    [
        (PAS_COMMENCEE, "Vous n'avez pas encore écrit votre requête"),
        (None, "Écrivez votre requête SQL entre triple guillemets"),
        ("  ", "Votre requête est vide."),
        ("SELECT nom FROM clients", "Votre requête provoque une erreur"),
        ("DELETE FROM clients WHERE id_client = 4", "Votre requête ne renvoie pas de table"),
    ],
)
def test_executer_reponse_refuse(con, reponse, debut):
    with pytest.raises(ReponseIncorrecte) as erreur:
        executer_reponse(reponse, con=con)
    assert str(erreur.value).startswith(debut)


def test_verifier_colonnes(attendu):
    remise = verifier_colonnes(attendu.rename(columns=str.upper), list(attendu.columns)[::-1])
    assert remise.columns.tolist() == list(attendu.columns)[::-1]
    assert remise["ville"].tolist() == ["Nice", "Paris", "Lyon"]
    with pytest.raises(ReponseIncorrecte, match="Il manque la colonne 'taux'"):
        verifier_colonnes(attendu.drop(columns="taux"), list(attendu.columns))
    with pytest.raises(ReponseIncorrecte, match="Colonne en trop : 'taux'"):
        verifier_colonnes(attendu, ["id_client", "ville", "ca_ht"])
    with pytest.raises(ReponseIncorrecte, match="Votre réponse est None"):
        verifier_colonnes(None, ["id_client"])


# --------------------------------------------------------------------------- import léger


def test_la_correction_ignore_les_modifications_de_l_etudiant():
    """Un DELETE fait plus haut dans le notebook ne change pas la note d'une requête."""
    import gc_helpers as gc

    con = gc.connecter()
    gc.requete("DELETE FROM reclamations", con)
    sql = "SELECT count(*) AS n FROM reclamations"
    assert gc.requete(sql).loc[0, "n"] == 0  # le notebook voit sa base modifiée…
    assert gc.executer_reponse(sql).loc[0, "n"] > 0  # …la correction, les données d'origine
    gc.verifier_requete(sql, "SELECT count(*) AS n FROM reclamations")
    assert gc.requete(sql).loc[0, "n"] == 0  # et la connexion de l'étudiant est inchangée


def test_les_identifiants_ne_sont_pas_trop_grands():
    """Un mauvais tri sur un TOP 10 ne doit pas suggérer une jointure qui duplique."""
    attendu = pd.DataFrame({"id_client": [1, 2, 3]})
    verdict = comparer_tables(pd.DataFrame({"id_client": [7, 8, 9]}), attendu)
    assert "ne sont pas ceux attendus" in verdict.message
    assert "duplique" not in verdict.message


def test_produit_cartesien_refuse_sans_saturer_la_memoire():
    import gc_helpers as gc

    with pytest.raises(gc.ReponseIncorrecte, match="produit cartésien"):
        gc.executer_reponse("SELECT * FROM clients, lignes_commande")


def test_une_reponse_qui_modifie_est_refusee_en_francais():
    import gc_helpers as gc

    with pytest.raises(gc.ReponseIncorrecte, match="lecture seule"):
        gc.executer_reponse("DELETE FROM clients WHERE id_client = 1")


def test_trace_courte_dans_ipython():
    """IPython affiche nos erreurs sans la trace interne de gc_helpers."""
    import gc_helpers as gc

    lignes = gc.ReponseIncorrecte("Il manque la colonne 'ville'.")._render_traceback_()
    assert len(lignes) == 1 and "Il manque la colonne 'ville'." in lignes[0]
    assert "ErreurSQL" in gc.ErreurSQL("x")._render_traceback_()[0]
