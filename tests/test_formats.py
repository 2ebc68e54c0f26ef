"""Tests de gc_helpers.formats : affichage à la française.

Les valeurs attendues sont écrites à la main. Rappel des caractères :
U+202F (espace fine insécable) sépare les milliers, U+00A0 (espace insécable)
précède € et %.
"""

import datetime as dt
import subprocess
import sys
import time
import warnings
from decimal import ROUND_HALF_UP, Decimal, localcontext

import numpy as np
import pandas as pd
import pytest
from babel.numbers import format_decimal

from gc_helpers._erreurs import ErreurCours, NomInconnu
from gc_helpers.formats import (
    VIDE,
    axe_euros,
    axe_nombre,
    axe_pourcentage,
    date_fr,
    euros,
    mois_fr,
    nombre,
    pourcentage,
    style_graphique,
    tableau,
)

# Aucun avertissement toléré : nbgrader met 0 à une cellule qui écrit sur stderr.
pytestmark = pytest.mark.filterwarnings("error")

FINE = "\u202f"  # séparateur des milliers
INSEC = "\xa0"  # avant € et %


# --------------------------------------------------------------------------- nombre


@pytest.mark.parametrize(
    ("valeur", "decimales", "attendu"),
    [
        (1234.5, None, f"1{FINE}234,5"),
        (1234.5, 2, f"1{FINE}234,50"),
        (1234.5, 0, f"1{FINE}235"),
        (0, None, "0"),
        (-3, None, "-3"),
        (1234567, None, f"1{FINE}234{FINE}567"),
        (-1234567.891, 1, f"-1{FINE}234{FINE}567,9"),
        (2 / 3, None, "0,667"),  # au plus 3 décimales par défaut
        (0.1 + 0.2, None, "0,3"),  # pas d'artefact binaire
        (1200.0, None, f"1{FINE}200"),  # pas de zéros inutiles
        (0.125, 2, "0,13"),  # arrondi commercial, pas « au pair »
        (2.675, 2, "2,68"),  # comme sur une calculatrice
        (-0.125, 2, "-0,13"),
        (-0.001, 2, "0,00"),  # jamais « -0,00 »
        (Decimal("12.345"), 2, "12,35"),
        (np.float64(1234.5), 2, f"1{FINE}234,50"),
        (np.int64(42), None, "42"),
        ("1234,5", 1, f"1{FINE}234,5"),  # un texte qui est un nombre est accepté
        ("1 234.5", 1, f"1{FINE}234,5"),
        (1e30, 0, "1" + f"{FINE}000" * 10),
        (float("inf"), 2, "∞"),
    ],
)
def test_nombre(valeur, decimales, attendu):
    assert nombre(valeur, decimales) == attendu


@pytest.mark.parametrize("manquant", [None, float("nan"), np.nan, pd.NA, pd.NaT])
def test_valeurs_manquantes_affichent_un_tiret(manquant):
    assert VIDE == "—"
    assert nombre(manquant) == "—"
    assert euros(manquant) == "—"
    assert pourcentage(manquant) == "—"
    assert date_fr(manquant) == "—"
    assert mois_fr(manquant) == "—"


def test_nombre_identique_a_babel():
    """Oracle : babel.numbers.format_decimal avec l'arrondi commercial."""
    rng = np.random.default_rng(42)
    valeurs = np.concatenate([rng.normal(0, 1e6, 300), rng.normal(0, 1, 300), [0.5, 1e9]])
    with localcontext(rounding=ROUND_HALF_UP):
        for x in valeurs.tolist():
            assert nombre(x, 2) == format_decimal(x, format="#,##0.00", locale="fr_FR")
            assert nombre(x) == format_decimal(x, locale="fr_FR")  # motif #,##0.###


@pytest.mark.parametrize(
    ("mauvais", "morceau"),
    [
        ("douze", "reçu le texte 'douze', qui n'est pas un nombre"),
        ("", "n'est pas un nombre"),
        ("1,234.5", "n'est pas un nombre"),
        (True, "reçu un booléen"),
        ([1, 2], "reçu list"),
    ],
)
def test_nombre_refuse_ce_qui_n_est_pas_un_nombre(mauvais, morceau):
    with pytest.raises(ErreurCours, match="nombre\\(\\) attend un nombre") as erreur:
        nombre(mauvais)
    assert morceau in str(erreur.value)


@pytest.mark.parametrize("decimales", [-1, 1.5, "2", 11])
def test_decimales_invalides(decimales):
    with pytest.raises(ErreurCours, match="decimales doit être un entier entre 0 et 10"):
        nombre(3.14, decimales)


# --------------------------------------------------------------------------- euros et pourcentages


@pytest.mark.parametrize(
    ("valeur", "decimales", "attendu"),
    [
        (1234.56, 2, f"1{FINE}234,56{INSEC}€"),
        (-1234.56, 2, f"-1{FINE}234,56{INSEC}€"),
        (12, 2, f"12,00{INSEC}€"),
        (0.005, 2, f"0,01{INSEC}€"),
        (1500, 0, f"1{FINE}500{INSEC}€"),
        (1500, None, f"1{FINE}500{INSEC}€"),
        (2.5, None, f"2,5{INSEC}€"),
        (Decimal("19.99"), 2, f"19,99{INSEC}€"),
    ],
)
def test_euros(valeur, decimales, attendu):
    assert euros(valeur, decimales) == attendu


def test_euros_par_defaut_deux_decimales():
    assert euros(1234.5) == f"1{FINE}234,50{INSEC}€"


def test_euros_refuse_un_texte():
    with pytest.raises(ErreurCours, match="euros\\(\\) attend un nombre ; reçu le texte 'cher'"):
        euros("cher")


@pytest.mark.parametrize(
    ("valeur", "decimales", "attendu"),
    [
        (0.125, 1, f"12,5{INSEC}%"),
        (0.07, 1, f"7,0{INSEC}%"),  # 0.07 × 100 = 7.000000000000001 en flottant
        (0.052, 2, f"5,20{INSEC}%"),
        (1.5, 1, f"150,0{INSEC}%"),  # un taux peut dépasser 100 %
        (-0.034, 1, f"-3,4{INSEC}%"),
        (0.25, None, f"25{INSEC}%"),
        (0.0005, 1, f"0,1{INSEC}%"),
    ],
)
def test_pourcentage(valeur, decimales, attendu):
    assert pourcentage(valeur, decimales) == attendu


def test_pourcentage_ne_corrige_pas_un_taux_deja_multiplie():
    # 12.5 est affiché tel quel (1 250 %) : la fonction ne devine pas en silence.
    assert pourcentage(12.5) == f"1{FINE}250,0{INSEC}%"


def test_pourcentage_refuse_un_texte():
    with pytest.raises(ErreurCours, match="pourcentage\\(\\) attend un nombre"):
        pourcentage("12 %")


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "valeur",
    [
        dt.date(2025, 1, 31),
        dt.datetime(2025, 1, 31, 23, 59),
        pd.Timestamp("2025-01-31 08:00"),
        np.datetime64("2025-01-31"),
        "2025-01-31",
        " 2025-01-31T10:30:00 ",
        pd.Period("2025-01-31", freq="D"),
    ],
)
def test_date_fr(valeur):
    assert date_fr(valeur) == "31/01/2025"


@pytest.mark.parametrize(
    ("valeur", "attendu"),
    [
        ("2025-01-31", "janvier 2025"),
        (dt.date(2024, 2, 1), "février 2024"),
        (pd.Timestamp("2023-08-15"), "août 2023"),
        (pd.Period("2025-12", freq="M"), "décembre 2025"),
    ],
)
def test_mois_fr(valeur, attendu):
    assert mois_fr(valeur) == attendu


def test_date_fr_refuse_une_date_deja_francaise():
    with pytest.raises(ErreurCours, match="le texte '31/01/2025' n'est pas une date au format ISO"):
        date_fr("31/01/2025")


def test_mois_fr_refuse_un_nombre():
    with pytest.raises(ErreurCours, match="mois_fr\\(\\) attend une date .* reçu int"):
        mois_fr(202501)


# --------------------------------------------------------------------------- tableau


@pytest.fixture
def ventes():
    return pd.DataFrame(
        {
            "client": ["Hôtel du Louvre", "Boutique <Lutèce> & Cie", None],
            "ca_ht": [12345.5, 980.0, np.nan],
            "taux": [0.052, 0.1, 0.125],
            "quantite": [1500, 12, 3],
            "date": pd.to_datetime(["2025-01-31", "2025-02-01", None]),
            "actif": [True, False, True],
        }
    )


def test_tableau_formats_deduits(ventes):
    vue = tableau(ventes)
    assert vue.data["ca_ht"].tolist() == [f"12{FINE}345,50", "980,00", "—"]
    assert vue.data["quantite"].tolist() == [f"1{FINE}500", "12", "3"]
    assert vue.data["date"].tolist() == ["31/01/2025", "01/02/2025", "—"]
    assert vue.data["actif"].tolist() == ["oui", "non", "oui"]
    assert vue.data["client"].tolist()[2] == "—"


def test_tableau_formats_demandes(ventes):
    vue = tableau(ventes, formats={"ca_ht": "euros", "taux": "pourcentage", "date": "mois"})
    assert vue.data["ca_ht"].tolist()[0] == f"12{FINE}345,50{INSEC}€"
    assert vue.data["taux"].tolist() == [f"5,2{INSEC}%", f"10,0{INSEC}%", f"12,5{INSEC}%"]
    assert vue.data["date"].tolist()[0] == "janvier 2025"


def test_tableau_fonction_personnelle(ventes):
    vue = tableau(ventes, formats={"quantite": lambda q: f"{q} pièces"})
    assert vue.data["quantite"].tolist()[0] == "1500 pièces"


def test_tableau_html(ventes):
    html = tableau(ventes, formats={"ca_ht": "euros"}).to_html()
    assert f"12{FINE}345,50{INSEC}€" in html
    assert "Boutique &lt;Lutèce&gt; &amp; Cie" in html  # le texte est échappé
    assert "row_heading" not in html  # index masqué par défaut
    assert "text-align: right" in html
    assert "row_heading" in tableau(ventes, index=True).to_html()


def test_tableau_ne_modifie_pas_la_table(ventes):
    avant = ventes.copy()
    tableau(ventes, formats={"ca_ht": "euros"})
    pd.testing.assert_frame_equal(ventes, avant)


def test_tableau_colonnes_de_meme_nom():
    df = pd.DataFrame([[1, 2.5]], columns=["x", "x"])
    assert tableau(df).data.iloc[0].tolist() == ["1", "2,50"]


def test_tableau_colonnes_duckdb():
    df = pd.DataFrame({"montant": [Decimal("12.5")], "jour": [dt.date(2025, 3, 1)]}, dtype=object)
    assert tableau(df).data.iloc[0].tolist() == ["12,50", "01/03/2025"]


def test_tableau_colonne_inconnue(ventes):
    with pytest.raises(NomInconnu) as erreur:
        tableau(ventes, formats={"CA": "euros"})
    assert "La colonne 'CA' n'existe pas" in str(erreur.value)
    assert "Vouliez-vous dire 'ca_ht' ?" in str(erreur.value)


def test_tableau_format_inconnu(ventes):
    motif = "Le format 'euro' n'existe pas.*Vouliez-vous dire 'euros'"
    with pytest.raises(NomInconnu, match=motif):
        tableau(ventes, formats={"ca_ht": "euro"})


def test_tableau_refuse_autre_chose_qu_une_table():
    motif = "tableau\\(\\) attend une table \\(DataFrame\\) ; reçu list"
    with pytest.raises(ErreurCours, match=motif):
        tableau([1, 2, 3])


def test_tableau_rapide():
    rng = np.random.default_rng(0)
    df = pd.DataFrame(
        {
            "id_client": np.arange(100),
            "nom": [f"Client {i}" for i in range(100)],
            "ca_ht": rng.random(100) * 1e5,
            "taux": rng.random(100),
            "date": pd.date_range("2025-01-01", periods=100),
            "quantite": rng.integers(0, 10000, 100),
        }
    )
    tableau(df).to_html()  # premier appel : chargement des gabarits HTML
    durees = []
    for _ in range(5):
        debut = time.perf_counter()
        tableau(df, formats={"ca_ht": "euros", "taux": "pourcentage"}).to_html()
        durees.append(time.perf_counter() - debut)
    # Objectif 20 ms (mesuré vers 14 ms) ; marge pour une machine de CI chargée.
    assert min(durees) < 0.060


# --------------------------------------------------------------------------- graphiques


@pytest.fixture
def repere():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    yield fig, ax
    plt.close(fig)


def test_style_graphique():
    import matplotlib

    reglages = style_graphique()
    assert matplotlib.rcParams["axes.grid"] is True
    assert matplotlib.rcParams["axes.formatter.use_locale"] is False
    assert reglages["font.size"] == 11


def test_axes_a_la_francaise(repere):
    fig, ax = repere
    ax.plot([0, 2000], [0, 0.5])
    assert axe_euros(ax, axe="x") is ax
    axe_pourcentage(ax)
    assert ax.xaxis.get_major_formatter()(1500, 0) == f"1{FINE}500{INSEC}€"
    assert ax.yaxis.get_major_formatter()(0.25, 0) == f"25{INSEC}%"
    axe_nombre(ax, axe="xy", decimales=1)
    assert ax.xaxis.get_major_formatter()(2.5, 0) == "2,5"
    assert ax.yaxis.get_major_formatter()(10000, 0) == f"10{FINE}000,0"


def test_graphique_sans_avertissement(repere):
    # Les espaces fines et insécables doivent exister dans la police : aucun « Glyph missing ».
    import io

    fig, ax = repere
    style_graphique()
    ax.plot([0, 1e6], [0, 0.5])
    axe_euros(ax, axe="x")
    axe_pourcentage(ax)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(io.BytesIO(), format="png")


def test_axe_inconnu(repere):
    _, ax = repere
    with pytest.raises(NomInconnu, match="L'axe 'z' n'existe pas. Possibilités : x, y, xy."):
        axe_nombre(ax, axe="z")


@pytest.mark.parametrize("fonction", [axe_euros, axe_pourcentage, axe_nombre])
def test_axe_refuse_autre_chose_qu_un_repere(fonction):
    with pytest.raises(ErreurCours, match="attend un repère matplotlib"):
        fonction("pas un repère")


# --------------------------------------------------------------------------- import léger


def test_import_sans_matplotlib():
    code = "import sys, gc_helpers.formats; print('matplotlib' in sys.modules)"
    sortie = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert sortie.stdout.strip() == "False"
    assert sortie.stderr == ""


def test_tableau_ne_groupe_pas_les_identifiants():
    df = pd.DataFrame({"id_client": [4381], "annee": [2025], "ca_ht": [12345]})
    assert tableau(df).data.iloc[0].tolist() == ["4381", "2025", "12\u202f345"]


def test_tableau_html_rapide_et_echappe():
    from gc_helpers.formats import tableau_html

    df = pd.DataFrame({"client": ["<b>Hôtel</b> & Cie"], "ca_ht": [1234.5], "id_client": [4381]})
    page = tableau_html(df, formats={"ca_ht": "euros"})
    assert "&lt;b&gt;Hôtel&lt;/b&gt; &amp; Cie" in page
    assert '<td style="text-align: right; white-space: nowrap">1\u202f234,50\xa0€</td>' in page
    assert "<td>4381</td>" in page
    with pytest.raises(NomInconnu, match="Vouliez-vous dire 'ca_ht'"):
        tableau_html(df, formats={"CA": "euros"})
