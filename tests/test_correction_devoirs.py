"""Tests des vérifications des devoirs notés à réponse numérique (gc_helpers.correction).

Un test visible lit la variable de l'étudiant (``lire_reponse``), vérifie son type, sa
forme et sa vraisemblance ; un test caché compare la valeur et reconnaît les erreurs
types (``pieges``). Chaque message dit, en français, quoi corriger.
"""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from gc_helpers._erreurs import ErreurCours, NomInconnu  # noqa: E402
from gc_helpers.correction import (  # noqa: E402
    ReponseIncorrecte,
    comparer_nombres,
    lire_reponse,
    verifier_figure,
    verifier_nombre,
    verifier_nombre_plausible,
    verifier_nombres,
    verifier_suite,
)


def _message(fonction, *args, **kwargs) -> str:
    with pytest.raises(ReponseIncorrecte) as erreur:
        fonction(*args, **kwargs)
    return str(erreur.value)


# --------------------------------------------------------------------------- lire_reponse


def test_lire_reponse_lit_la_variable_de_l_appelant():
    espace = {"gc_lire": lire_reponse}
    exec("ca_moyen = 1234.5\nlu = gc_lire('ca_moyen')", espace)
    assert espace["lu"] == 1234.5


@pytest.mark.parametrize("code", ["", "ca_moyen = ..."])
def test_lire_reponse_pas_encore_ecrite(code):
    espace = {"gc_lire": lire_reponse}
    exec(code, espace)
    with pytest.raises(ReponseIncorrecte, match="Vous n'avez pas encore écrit votre réponse"):
        exec("gc_lire('ca_moyen')", espace)


def test_lire_reponse_nom_invalide():
    with pytest.raises(ErreurCours, match="nom de variable invalide"):
        lire_reponse("ca moyen")


# --------------------------------------------------------------------------- plausibilité


def test_nombre_plausible_accepte_les_nombres_numpy():
    assert verifier_nombre_plausible(np.float64(12.5), "x", minimum=0, maximum=100) == 12.5
    assert verifier_nombre_plausible(np.int64(3), "x") == 3.0


@pytest.mark.parametrize(
    ("valeur", "extrait"),
    [
        ("1 200,50", "donnez un nombre, sans guillemets : 1200.50"),
        (pd.Series([4.0]), "extrayez-le avec .iloc[0]"),
        (True, "un booléen"),
        (None, "range bien le résultat dans la variable"),
        (float("nan"), "NaN"),
        (float("inf"), "division par zéro"),
    ],
)
def test_nombre_plausible_type(valeur, extrait):
    message = _message(verifier_nombre_plausible, valeur, "seuil")
    assert message.startswith("seuil") and extrait in message, message


def test_nombre_plausible_bornes_et_taux():
    message = _message(
        verifier_nombre_plausible, 2_500_000, "seuil", minimum=0, maximum=1_000_000, unite="€"
    )
    assert "seuil vaut 2\u202f500\u202f000\xa0€ : ce n'est pas vraisemblable" in message
    assert "entre 0\xa0€ et 1\u202f000\u202f000\xa0€" in message
    assert "au moins 5" in _message(verifier_nombre_plausible, 2, "n", minimum=5)
    message = _message(verifier_nombre_plausible, 12.5, "taux", minimum=0, maximum=1, taux=True)
    assert "décimal (0,125 pour 12,5 %)" in message


# --------------------------------------------------------------------------- suites


def test_suite_accepte_liste_serie_dictionnaire_tableau():
    attendu = [0.7, 1.0, 0.95, 1.35]
    assert verifier_suite(attendu, "c", longueur=4) == attendu
    assert verifier_suite(np.array(attendu), "c", longueur=4) == attendu
    assert verifier_suite(pd.Series(attendu, index=[1, 2, 3, 4]), "c", longueur=4) == attendu
    assert (
        verifier_suite(
            dict(zip([1, 2, 3, 4], attendu, strict=True)), "c", longueur=4, cles=[1, 2, 3, 4]
        )
        == attendu
    )
    assert verifier_suite(pd.DataFrame({"coef": attendu}), "c", longueur=4) == attendu


def test_suite_messages():
    assert "3 valeurs reçues, 4 attendues" in _message(verifier_suite, [1, 2, 3], "c", longueur=4)
    assert "les clés du dictionnaire doivent être exactement 1, 2" in _message(
        verifier_suite, {"T1": 1, "T2": 2}, "c", longueur=2, cles=[1, 2]
    )
    assert "l'index de la série doit être 1, 2" in _message(
        verifier_suite, pd.Series([1.0, 2.0]), "c", longueur=2, cles=[1, 2]
    )
    assert "pas une table de 2 colonnes" in _message(
        verifier_suite, pd.DataFrame({"a": [1], "b": [2]}), "c", longueur=1
    )
    assert "une suite de nombres est attendue" in _message(verifier_suite, 4.2, "c", longueur=1)
    # chaque élément est vérifié comme un nombre, avec son nom
    message = _message(verifier_suite, [1, "2"], "c", longueur=2)
    assert message.startswith("c[1] : votre réponse est un texte"), message


# --------------------------------------------------------------------------- pièges et indices


def test_pieges_reconnaissent_l_erreur_type():
    donnees = [12.0, 15.0, 9.0, 20.0]
    population, echantillon = np.std(donnees), np.std(donnees, ddof=1)
    conseil = "écart-type d'échantillon (n − 1) : utilisez celui de la population (ddof=0)"
    verdict = comparer_nombres(echantillon, population, pieges=[(echantillon, conseil)])
    assert not verdict and conseil in verdict.message
    # une autre valeur fausse reçoit le conseil général, et l'indice
    verdict = comparer_nombres(3.0, population, pieges=[(echantillon, conseil)], indice="Revoir σ.")
    assert conseil not in verdict.message and verdict.message.endswith("Revoir σ.")
    # la bonne réponse reste juste, même si un piège est proche
    assert comparer_nombres(population, population, pieges=[(population + 0.005, conseil)])
    with pytest.raises(ReponseIncorrecte, match="ddof=0"):
        verifier_nombre(echantillon, population, pieges=[(echantillon, conseil)])


def test_pieges_relatifs():
    verdict = comparer_nombres(
        103.0, 100.0, tolerance=0.001, relative=True, pieges=[(103.05, "oubli de la remise")]
    )
    assert "oubli de la remise" in verdict.message


def test_verifier_nombres_nomme_les_elements_faux_sans_donner_la_reponse():
    attendus = [0.68, 0.95, 1.04, 1.33]
    verifier_nombres([0.681, 0.949, 1.04, 1.331], attendus, tolerance=0.005)
    message = _message(
        verifier_nombres, [0.68, 0.95, 1.10, 1.33], attendus, noms=["T1", "T2", "T3", "T4"]
    )
    assert message.startswith("Valeur incorrecte : T3 (1,1).")
    assert "1,04" not in message
    non_normalises = [x * 1.02 for x in attendus]
    message = _message(
        verifier_nombres,
        non_normalises,
        attendus,
        tolerance=0.005,
        pieges=[(non_normalises, "Normalisez : leur moyenne doit valoir 1.")],
        indice="Méthode des rapports au trend.",
    )
    assert message.startswith("Valeurs incorrectes : n° 1")
    assert "Normalisez" in message and message.endswith("Méthode des rapports au trend.")
    with pytest.raises(ReponseIncorrecte, match="3 valeurs reçue"):
        verifier_nombres([1, 2, 3], [1, 2])
    with pytest.raises(ErreurCours, match="2 noms pour 3 valeurs"):
        verifier_nombres([1, 2, 3], [1, 2, 3], noms=["a", "b"])


# --------------------------------------------------------------------------- figures


@pytest.fixture
def figure():
    fig, ax = plt.subplots()
    yield fig, ax
    plt.close(fig)


def test_figure_complete(figure):
    fig, ax = figure
    ax.bar(["[0 ; 1 000[", "[1 000 ; 5 000["], [12, 30])
    ax.set_title("Répartition des clients")
    ax.set_xlabel("CA 2025 (€)")
    ax.set_ylabel("Nombre de clients")
    assert verifier_figure(fig, "fig", genre="barres", elements_min=2) is ax
    assert verifier_figure(ax, "fig", genre="barres") is ax


def test_figure_messages(figure):
    fig, ax = figure
    assert "la figure est vide" in _message(verifier_figure, fig)
    ax.plot([1, 2, 3], [4, 5, 6])
    assert "un diagramme en barres d'au moins 1 élément" in _message(verifier_figure, fig)
    assert "donnez un titre" in _message(verifier_figure, fig, genre="courbe")
    ax.set_title("CA trimestriel")
    assert "nommez les deux axes" in _message(verifier_figure, fig, genre="courbe")
    ax.set_xlabel("Trimestre")
    ax.set_ylabel("CA (€)")
    assert verifier_figure(fig, genre="courbe", elements_min=3) is ax
    assert "au moins 4 éléments" in _message(verifier_figure, fig, genre="courbe", elements_min=4)
    assert "une figure matplotlib est attendue" in _message(verifier_figure, [1, 2])
    with pytest.raises(NomInconnu, match="Vouliez-vous dire 'courbe'"):
        verifier_figure(fig, genre="courbes")


def test_figure_secteurs(figure):
    fig, ax = figure
    ax.pie([50, 30, 20])
    ax.set_title("Classes ABC")
    assert verifier_figure(fig, genre="secteurs", elements_min=3) is ax


def test_message_d_un_petit_nombre_a_nombreuses_decimales():
    """0,0204081632… : 10 chiffres significatifs font 11 décimales ; le message s'écrit quand même."""
    verdict = comparer_nombres(1 / 49, 0.1224, tolerance=0.0001)
    assert not verdict and "Votre résultat (0,0204081633)" in verdict.message
    assert "0,0204081633" in _message(verifier_nombres, [1 / 49], [0.1224])
