"""Le corrigé du devoir S522-statistiques-ventes est juste « comme dans le manuel ».

Tests rapides, sans nbgrader ni noyau : les cellules de code du corrigé sont exécutées dans
ce processus (:func:`outils_nbgrader.variables_du_corrige`) et leurs réponses comparées à
des calculs **indépendants** des fonctions du cours : SQL direct sur les données d'origine,
module ``statistics`` de Python, rangs écrits à la main, indice de Gini par la formule des
écarts moyens (et non par la courbe de Lorenz). On vérifie aussi que chaque erreur type
enregistrée donne une réponse qui s'écarte de la bonne de plus que la tolérance annoncée.
"""

from __future__ import annotations

import bisect
import math
import statistics

import numpy as np
import outils_nbgrader as onb
import pytest

from gc_helpers import donnees

DEVOIR = "S522-statistiques-ventes"
SOURCE = onb.DOSSIER_COURS / "source" / DEVOIR / f"{DEVOIR}.ipynb"

# Tolérances annoncées dans l'énoncé.
TOL_EUROS = 1.0
TOL_TAUX = 0.001

BORNES = [0, 1000, 2500, 5000, 10000, 25000, 250000]


@pytest.fixture(scope="module")
def corrige():
    import matplotlib.pyplot as plt

    espace = onb.variables_du_corrige(DEVOIR)
    yield espace
    plt.close("all")


@pytest.fixture(scope="module")
def con():
    return donnees.connexion_lecture()


def _colonne(con, sql: str) -> list[float]:
    return [float(ligne[0]) for ligne in con.execute(sql).fetchall()]


@pytest.fixture(scope="module")
def boutiques(con) -> list[float]:
    """CA HT 2025 des boutiques de souvenirs actives en 2025, rangé par ordre croissant."""
    return sorted(
        _colonne(
            con,
            """
            SELECT SUM(co.montant_ht)
            FROM commandes co JOIN clients c USING (id_client)
            WHERE c.secteur_activite = 'boutique de souvenirs'
              AND co.statut <> 'annulée' AND YEAR(co.date_commande) = 2025
            GROUP BY co.id_client
            """,
        )
    )


@pytest.fixture(scope="module")
def pro_880(con) -> list[float]:
    """CA HT 2025 des 880 clients professionnels (CA nul compris), par ordre décroissant."""
    return sorted(
        _colonne(
            con,
            """
            SELECT COALESCE(SUM(co.montant_ht), 0)
            FROM clients c
            LEFT JOIN commandes co ON co.id_client = c.id_client
                 AND co.statut <> 'annulée' AND YEAR(co.date_commande) = 2025
            WHERE c.type_client = 'professionnel'
            GROUP BY c.id_client
            """,
        ),
        reverse=True,
    )


def _portefeuille(con, id_commercial: int) -> list[float]:
    return _colonne(
        con,
        f"""
        SELECT SUM(co.montant_ht)
        FROM commandes co JOIN clients c USING (id_client)
        WHERE c.id_commercial = {id_commercial}
          AND co.statut <> 'annulée' AND YEAR(co.date_commande) = 2025
        GROUP BY co.id_client
        """,
    )


def _cv(valeurs: list[float]) -> float:
    return statistics.pstdev(valeurs) / statistics.fmean(valeurs)


def _hauteurs(figure) -> list[float]:
    (ax,) = [a for a in figure.get_axes() if a.has_data()]
    return [p.get_height() for p in ax.patches if type(p).__name__ == "Rectangle"]


# --------------------------------------------------------------------------- partie 1


def test_q1_position_par_les_rangs(corrige, boutiques):
    n = len(boutiques)
    assert n == 175
    # Rangs ⌈175/4⌉ = 44 et ⌈3 × 175/4⌉ = ⌈131,25⌉ = 132 ; médiane : 88e valeur (n impair).
    attendu = {
        "moyenne": statistics.fmean(boutiques),
        "mediane": boutiques[87],
        "q1": boutiques[43],
        "q3": boutiques[131],
    }
    assert statistics.median(boutiques) == boutiques[87]
    for cle, valeur in attendu.items():
        assert corrige["position"][cle] == pytest.approx(valeur, abs=0.005), cle
    # Repères du corrigé rédigé (question 9).
    assert round(attendu["moyenne"]) == 9967 and round(attendu["mediane"]) == 4113


def test_q2_dispersion_de_la_population(corrige, boutiques):
    sigma = statistics.pstdev(boutiques)  # divisé par n
    assert corrige["ecart_type"] == pytest.approx(sigma, abs=0.005)
    assert corrige["coef_variation"] == pytest.approx(sigma / statistics.fmean(boutiques), abs=1e-9)
    # L'écart-type de l'échantillon (n − 1) est bien refusé : écart > 1 €.
    assert abs(statistics.stdev(boutiques) - sigma) > TOL_EUROS
    assert (
        abs(
            statistics.stdev(boutiques) / statistics.fmean(boutiques)
            - sigma / statistics.fmean(boutiques)
        )
        > TOL_TAUX
    )


def test_q3_tableau_de_frequences(corrige, boutiques):
    table = corrige["frequences"]
    assert list(table.columns) == ["classe", "effectif", "frequence", "frequence_cumulee"]
    # Classes [a ; b[ : bisect_left compte les valeurs < b ; la dernière est fermée.
    sous = [bisect.bisect_left(boutiques, b) for b in BORNES[1:-1]] + [len(boutiques)]
    effectifs = [sous[0]] + [b - a for a, b in zip(sous[:-1], sous[1:], strict=True)]
    assert effectifs == [25, 39, 34, 32, 32, 13]
    assert table["effectif"].tolist() == effectifs
    n = len(boutiques)
    assert table["frequence"].tolist() == pytest.approx([e / n for e in effectifs], abs=1e-12)
    cumul = [sum(effectifs[: k + 1]) / n for k in range(6)]
    assert table["frequence_cumulee"].tolist() == pytest.approx(cumul, abs=1e-12)
    assert cumul[-1] == 1


def test_q4_barres_du_graphique(corrige, con):
    attendu = _colonne(
        con,
        """
        SELECT SUM(co.montant_ht)
        FROM commandes co JOIN clients c USING (id_client)
        WHERE c.secteur_activite = 'boutique de souvenirs'
          AND co.statut <> 'annulée' AND YEAR(co.date_commande) = 2025
        GROUP BY QUARTER(co.date_commande) ORDER BY QUARTER(co.date_commande)
        """,
    )
    assert attendu == pytest.approx([267492.87, 541371.15, 593962.04, 341364.13], abs=0.005)
    assert _hauteurs(corrige["fig_trimestres"]) == pytest.approx(attendu, abs=0.005)
    ax = corrige["fig_trimestres"].get_axes()[0]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()


# --------------------------------------------------------------------------- partie 2


def test_q5_coefficients_de_variation(corrige, con):
    delattre, catteau = _portefeuille(con, 3), _portefeuille(con, 8)
    assert (len(delattre), len(catteau)) == (80, 25)
    assert corrige["cv_delattre"] == pytest.approx(_cv(delattre), abs=1e-9)
    assert corrige["cv_catteau"] == pytest.approx(_cv(catteau), abs=1e-9)
    assert corrige["plus_homogene"] == "Catteau"
    # Le piège de la question : l'écart-type désignerait l'autre commercial.
    assert statistics.pstdev(catteau) > statistics.pstdev(delattre)
    assert _cv(catteau) < _cv(delattre)


# --------------------------------------------------------------------------- partie 3


def test_q6_loi_des_20_80(corrige, pro_880):
    assert len(pro_880) == 880
    premiers = pro_880[:176]  # 20 % de 880
    assert corrige["part_20"] == pytest.approx(sum(premiers) / sum(pro_880), abs=1e-9)


def test_q7_segmentation_abc_seuils_entreprise(corrige, pro_880):
    total, cumul, classes = sum(pro_880), 0.0, []
    for ca in pro_880:  # décroissant ; part cumulée ligne comprise
        cumul += ca
        part = cumul / total
        classes.append("A" if part <= 0.75 else "B" if part <= 0.95 else "C")
    effectifs = {k: classes.count(k) for k in "ABC"}
    assert effectifs == corrige["effectifs_abc"] == {"A": 149, "B": 222, "C": 509}
    part_a = sum(ca for ca, k in zip(pro_880, classes, strict=True) if k == "A") / total
    assert corrige["part_ca_a"] == pytest.approx(part_a, abs=1e-9)
    assert part_a <= 0.75


def test_q8_gini_par_les_ecarts_moyens(corrige, pro_880):
    # G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄) : formule indépendante de la courbe de Lorenz,
    # égale à la méthode des trapèzes du cours pour une série de valeurs.
    x = np.array(pro_880)
    gini = np.abs(x[:, None] - x[None, :]).sum() / (2 * len(x) ** 2 * x.mean())
    assert corrige["gini"] == pytest.approx(gini, abs=1e-9)
    assert 0.7 < gini < 0.8


def test_corrige_redige_cite_les_bons_chiffres(corrige):
    """Les chiffres de la proposition de corrigé (question 9) sont ceux du corrigé calculé."""
    texte = onb.normaliser_espaces(
        onb.cellules_reponse(onb.lire_notebook(SOURCE))["reponse_q9"].source
    )

    def euros(x: float) -> str:
        return f"{round(x):,}".replace(",", " ") + " €"

    def decimal(x: float, chiffres: int) -> str:
        return f"{x:.{chiffres}f}".replace(".", ",")

    p = corrige["position"]
    attendus = [
        euros(p["moyenne"]),
        euros(p["mediane"]),
        euros(p["q1"]),
        euros(p["q3"]),
        euros(corrige["ecart_type"]),
        decimal(corrige["coef_variation"], 2),
        decimal(corrige["cv_delattre"], 2),
        decimal(corrige["cv_catteau"], 2),
        decimal(100 * corrige["part_20"], 1) + " %",
        f"{corrige['effectifs_abc']['A']} clients A",
        decimal(100 * corrige["part_ca_a"], 1) + " %",
        decimal(corrige["gini"], 3),
    ]
    hauteurs = _hauteurs(corrige["fig_trimestres"])
    attendus += [euros(h) for h in (hauteurs[0], hauteurs[1], hauteurs[2])]
    manquants = [a for a in attendus if a not in texte]
    assert not manquants, manquants


# --------------------------------------------------------------------------- erreurs types


def _valeurs(espace: dict, cellule: str) -> list:
    """Les réponses d'une question, à plat, avec la tolérance de chacune."""
    if cellule == "reponse_q1":
        return [(espace["position"][k], TOL_EUROS) for k in ("moyenne", "mediane", "q1", "q3")]
    if cellule == "reponse_q2":
        return [(espace["ecart_type"], TOL_EUROS), (espace["coef_variation"], TOL_TAUX)]
    if cellule == "reponse_q3":
        t = espace["frequences"]
        return [(float(v), 0) for v in t["effectif"]] + [
            (float(v), TOL_TAUX) for c in ("frequence", "frequence_cumulee") for v in t[c]
        ]
    if cellule == "reponse_q4":
        return [(h, TOL_EUROS) for h in _hauteurs(espace["fig_trimestres"])]
    if cellule == "reponse_q5":
        return [
            (espace["cv_delattre"], TOL_TAUX),
            (espace["cv_catteau"], TOL_TAUX),
            (0.0 if espace["plus_homogene"] == "Catteau" else 1.0, 0),
        ]
    if cellule == "reponse_q6":
        return [(espace["part_20"], TOL_TAUX)]
    if cellule == "reponse_q7":
        e = espace["effectifs_abc"]
        return [(float(e[k]), 0) for k in "ABC"] + [(espace["part_ca_a"], TOL_TAUX)]
    if cellule == "reponse_q8":
        return [(espace["gini"], TOL_TAUX)]
    raise KeyError(cellule)


ERREURS_TYPES = onb.charger_erreurs_types(DEVOIR)


@pytest.mark.parametrize("erreur", ERREURS_TYPES, ids=[e.id for e in ERREURS_TYPES])
def test_chaque_erreur_type_sort_de_la_tolerance(corrige, erreur):
    import matplotlib.pyplot as plt

    justes = _valeurs(corrige, erreur.cellule)
    # Le corrigé, sauf cette réponse : les modules, la connexion et les tables déjà là.
    espace = onb.variables_avec_erreur(corrige, erreur)
    fausses = _valeurs(espace, erreur.cellule)
    plt.close("all")
    assert len(fausses) == len(justes) or erreur.cellule == "reponse_q4"
    ecarts = [
        abs(f - j) > tol + 1e-9
        for (f, _), (j, tol) in zip(fausses, justes, strict=False)
        if not (math.isnan(f) or math.isnan(j))
    ]
    assert len(fausses) != len(justes) or any(ecarts), erreur.id
