"""Le corrigé du devoir S522-prevision-saisonniere est juste « comme dans le manuel ».

Tests rapides (ni nbgrader, ni noyau) : les cellules de réponse du corrigé sont exécutées
dans ce processus (``variables_du_corrige``) et leurs résultats comparés à des calculs
indépendants : requêtes SQL écrites ici, ``numpy.polyfit``, ``statistics.correlation``,
``statsmodels`` (``seasonal_decompose`` : moyennes mobiles centrées et coefficients
multiplicatifs normalisés) et l'arithmétique de l'énoncé posée à la main. Les valeurs
« admises » des énoncés (« On admet que… ») sont confrontées aux données, et chaque erreur
type enregistrée doit s'écarter de la bonne réponse de plus que la tolérance annoncée.
"""

from __future__ import annotations

import statistics

import numpy as np
import outils_nbgrader as onb
import pytest

from gc_helpers import donnees

DEVOIR = "S522-prevision-saisonniere"

# Tolérances annoncées dans les énoncés : (variables, tolérance, relative ?)
TOLERANCES = {
    "reponse_q1": (("a", "b"), 0.01, False),
    "reponse_q2": (("r",), 0.001, False),
    "reponse_q3": (("mm",), 0.01, False),
    "reponse_q4": (("coefficients",), 0.0002, False),
    "reponse_q5": (("cvs",), 0.001, True),
    "reponse_q6": (("previsions",), 0.001, True),
    "reponse_q7": (("ecart_relatif",), 0.0001, False),
    "reponse_q8": (("objectif_vasseur",), 1.0, False),
}

SQL_TRIMESTRES = """
WITH lignes AS (
    SELECT EXTRACT(year FROM c.date_commande) AS an, EXTRACT(quarter FROM c.date_commande) AS tr,
           l.montant_ht
    FROM commandes c, lignes_commande l, produits p
    WHERE l.id_commande = c.id_commande AND p.id_produit = l.id_produit
      AND p.famille = 'serviettes éponge' AND c.statut != 'annulée'
)
SELECT an, tr, CAST(SUM(montant_ht) AS DOUBLE) FROM lignes
WHERE an >= 2022 AND an <= 2025 GROUP BY an, tr ORDER BY an, tr
"""

SQL_COMMERCIAUX = """
SELECT COALESCE(m.prenom || ' ' || m.nom, 'Ventes directes') AS qui,
       EXTRACT(year FROM c.date_commande) AS an, CAST(SUM(l.montant_ht) AS DOUBLE)
FROM commandes c
JOIN lignes_commande l ON l.id_commande = c.id_commande
JOIN produits p ON p.id_produit = l.id_produit
LEFT JOIN commerciaux m ON m.id_commercial = c.id_commercial
WHERE p.famille = 'serviettes éponge' AND c.statut != 'annulée'
  AND EXTRACT(year FROM c.date_commande) BETWEEN 2022 AND 2025
GROUP BY qui, an ORDER BY qui, an
"""


@pytest.fixture(scope="module")
def corrige():
    return onb.variables_du_corrige(DEVOIR)


@pytest.fixture(scope="module")
def y():
    lignes = donnees.connexion_lecture().execute(SQL_TRIMESTRES).fetchall()
    assert [(an, tr) for an, tr, _ in lignes] == [
        (a, t) for a in range(2022, 2026) for t in (1, 2, 3, 4)
    ]
    return np.array([v for _, _, v in lignes])


@pytest.fixture(scope="module")
def decomposition(y):
    from statsmodels.tsa.seasonal import seasonal_decompose

    return seasonal_decompose(y, model="multiplicative", period=4)


def _liste(valeur):
    if isinstance(valeur, dict):
        return [float(v) for v in valeur.values()]
    return [float(v) for v in np.asarray(valeur, dtype=float).ravel()]


# ----------------------------------------------------------------------------- la série


def test_table_ventes_du_corrige(corrige, y):
    ventes = corrige["ventes"]
    assert list(ventes.columns) == ["annee", "trimestre", "rang", "ca_ht"]
    assert ventes["rang"].tolist() == list(range(1, 17))
    assert np.allclose(ventes["ca_ht"].to_numpy(), y, rtol=0, atol=1e-6)


# ----------------------------------------------------------------------------- partie 1


def test_q1_droite_des_moindres_carres(corrige, y):
    a, b = np.polyfit(np.arange(1, 17), y, 1)
    assert corrige["a"] == pytest.approx(a, abs=1e-6)
    assert corrige["b"] == pytest.approx(b, abs=1e-6)


def test_q2_coefficient_de_correlation(corrige, y):
    r = statistics.correlation(list(range(1, 17)), list(y))
    assert corrige["r"] == pytest.approx(r, abs=1e-9)
    assert 0.6 < r < 0.8  # corrélation moyenne : la saisonnalité écarte les points de la droite


# ----------------------------------------------------------------------------- partie 2


def test_q3_moyennes_mobiles_centrees(corrige, decomposition):
    attendues = decomposition.trend[2:14]
    assert not np.isnan(attendues).any()
    assert np.allclose(_liste(corrige["mm"]), attendues, rtol=0, atol=1e-6)


def test_q4_coefficients_saisonniers(corrige, decomposition):
    attendus = decomposition.seasonal[:4]  # normalisés par statsmodels : moyenne 1
    assert np.allclose(_liste(corrige["coefficients"]), attendus, rtol=0, atol=1e-5)
    assert list(corrige["coefficients"].index) == [1, 2, 3, 4]


def test_q5_serie_cvs(corrige, y):
    c = [0.706, 1.043, 0.997, 1.254] * 4
    attendue = [v / k for v, k in zip(y, c, strict=True)]
    assert np.allclose(_liste(corrige["cvs"]), attendue, rtol=1e-12)


# ----------------------------------------------------------------------------- partie 3


def test_q6_previsions_a_la_main(corrige):
    # (a × rang + b) × coefficient, avec a = 17 079 et b = 233 892 admis
    attendues = [
        (17_079 * 17 + 233_892) * 0.706,  # 524 235 × 0,706 = 370 109,91
        (17_079 * 18 + 233_892) * 1.043,  # 541 314 × 1,043 = 564 590,502
        (17_079 * 19 + 233_892) * 0.997,  # 558 393 × 0,997 = 556 717,821
        (17_079 * 20 + 233_892) * 1.254,  # 575 472 × 1,254 = 721 641,888
    ]
    assert attendues == pytest.approx([370_109.91, 564_590.502, 556_717.821, 721_641.888])
    assert np.allclose(_liste(corrige["previsions"]), attendues, rtol=1e-12)


def test_q7_ecart_relatif_a_la_main(corrige):
    somme = 224_700 + 442_600 + 159_800 + 224_400 + 131_500 + 103_800 + 77_100 + 468_700 + 212_900
    assert somme == 2_045_500
    assert corrige["ecart_relatif"] == pytest.approx((2_045_500 - 2_213_100) / 2_213_100)
    assert corrige["ecart_relatif"] == pytest.approx(-0.0757309, abs=1e-7)


def test_q8_objectif_au_prorata(corrige):
    assert corrige["objectif_vasseur"] == pytest.approx(468_700 * 2_213_100 / 2_045_500)
    assert corrige["objectif_vasseur"] == pytest.approx(507_103.38, abs=0.01)


# ----------------------------------------------------------------------------- valeurs admises


def test_valeurs_admises_fideles_aux_donnees(corrige, y, decomposition):
    a, b = np.polyfit(np.arange(1, 17), y, 1)
    mm = decomposition.trend[2:14]
    coef = decomposition.seasonal[:4]
    # Q4 : moyennes mobiles arrondies à l'euro ; recopiées en Q3, elles ne passent pas
    assert corrige["mm_admises"] == [round(m) for m in mm]
    assert np.max(np.abs(np.array(corrige["mm_admises"]) - mm)) > 0.01
    # Q5, Q6 : coefficients arrondis à 0,001 (à une unité près), de moyenne 1 ; recopiés en
    # Q4, ils ne passent pas (tolérance 0,0002)
    admis = np.array(list(corrige["coefficients_admis"].values()))
    assert list(corrige["coefficients_admis"]) == [1, 2, 3, 4]
    assert admis.sum() == pytest.approx(4)
    assert np.all(np.abs(admis - coef) < 0.001)
    assert np.max(np.abs(admis - coef)) > 0.0002
    # Q6 : droite arrondie à l'euro ; recopiée en Q1, elle ne passe pas
    assert (corrige["a_admis"], corrige["b_admis"]) == (round(a), round(b))
    assert abs(corrige["a_admis"] - a) > 0.01
    # Q7 : prévision globale = somme des prévisions exactes, arrondie à la centaine
    exactes = (a * np.arange(17, 21) + b) * coef
    assert corrige["prevision_globale"] == round(exactes.sum(), -2)
    # un élève qui garde ses propres valeurs exactes reste dans la tolérance (0,1 %)
    assert np.allclose(exactes, _liste(corrige["previsions"]), rtol=0.001)
    assert np.allclose(y / np.tile(coef, 4), _liste(corrige["cvs"]), rtol=0.001)


def test_previsions_des_commerciaux_fideles_aux_donnees(corrige):
    lignes = donnees.connexion_lecture().execute(SQL_COMMERCIAUX).fetchall()
    par_qui: dict[str, list[float]] = {}
    for qui, _, v in lignes:
        par_qui.setdefault(qui, []).append(v)
    attendues = {}
    for qui, valeurs in par_qui.items():
        assert len(valeurs) == 4, qui
        pente, origine = np.polyfit([1, 2, 3, 4], valeurs, 1)
        attendues[qui] = round(pente * 5 + origine, -2)  # tendance annuelle prolongée à 2026
    assert corrige["previsions_commerciaux"] == attendues


def test_chiffres_du_tableau_de_la_question_9(y):
    nb = onb.lire_notebook(onb.DOSSIER_COURS / "source" / DEVOIR / f"{DEVOIR}.ipynb")
    (enonce,) = [c.source for c in nb.cells if c.id == "enonce_q9"]
    mois = (
        donnees.connexion_lecture()
        .execute(
            """
        SELECT strftime(c.date_commande, '%Y-%m'), CAST(SUM(l.montant_ht) AS DOUBLE)
        FROM commandes c JOIN lignes_commande l ON l.id_commande = c.id_commande
        JOIN produits p ON p.id_produit = l.id_produit
        WHERE p.famille = 'serviettes éponge' AND c.statut != 'annulée'
        GROUP BY 1
        """
        )
        .fetchall()
    )
    mois = dict(mois)
    trimestres_2026 = [
        sum(mois[f"2026-{m:02d}"] for m in range(3 * k + 1, 3 * k + 4)) for k in range(3)
    ]

    def euros(v):
        return f"{v:,.0f}".replace(",", "\u202f") + "\u00a0€"

    for valeur in [*trimestres_2026, mois["2026-10"], mois["2025-10"], y[15]]:
        assert euros(valeur) in enonce, euros(valeur)


# ----------------------------------------------------------------------------- erreurs types


def test_chaque_erreur_type_sort_de_la_tolerance(corrige):
    erreurs = onb.charger_erreurs_types(DEVOIR)
    assert {e.cellule for e in erreurs} == set(TOLERANCES)
    for erreur in erreurs:
        noms, tolerance, relative = TOLERANCES[erreur.cellule]
        espace = onb.variables_avec_erreur(corrige, erreur, retirer=noms)
        ecarts = []
        for nom in noms:
            juste, faux = np.array(_liste(corrige[nom])), np.array(_liste(espace[nom]))
            assert juste.shape == faux.shape, erreur.id
            limite = tolerance * np.abs(juste) if relative else tolerance
            ecarts.append(np.any(np.abs(faux - juste) > limite))
        assert any(ecarts), f"{erreur.id} : la réponse fausse passe la tolérance"
