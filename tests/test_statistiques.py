"""Statistique descriptive et ajustements : exemples calculés à la main, numpy et statistics."""

from __future__ import annotations

import math
import statistics
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import gc_helpers as gc
from gc_helpers._erreurs import ErreurCours, NomInconnu

# Une série de CA mensuels (k€) d'un commercial, rangée : 8 9 11 12 12 14 15 18 21 30
VENTES = [12, 15, 9, 21, 14, 12, 30, 8, 18, 11]


def test_indicateurs_comparés_au_module_statistics():
    r = gc.indicateurs(VENTES)
    assert r["effectif"] == 10
    assert r["moyenne"] == pytest.approx(statistics.mean(VENTES))  # 150 / 10 = 15
    assert r["moyenne"] == 15
    assert r["mediane"] == statistics.median(VENTES) == 13  # (12 + 14) / 2
    assert r["mode"] == 12
    assert (r["minimum"], r["maximum"], r["etendue"]) == (8, 30, 22)
    assert r["ecart_type"] == pytest.approx(statistics.pstdev(VENTES))  # population
    assert r["variance"] == pytest.approx(statistics.pvariance(VENTES))
    # À la main : Σx² = 2640 ; V = 2640/10 − 15² = 39 ; σ = √39
    assert r["variance"] == pytest.approx(39)
    assert r["coefficient_variation"] == pytest.approx(math.sqrt(39) / 15)


def test_quartiles_par_les_rangs():
    # n = 10 : Q1 = valeur de rang ⌈10/4⌉ = 3 → 11 ; Q3 = rang ⌈30/4⌉ = 8 → 18
    r = gc.indicateurs(VENTES)
    assert (r["q1"], r["q3"], r["ecart_interquartile"]) == (11, 18, 7)
    # n = 12 : rangs 3 et 9 exactement
    assert gc.quartiles(range(1, 13)) == (3, 6.5, 9)
    # n = 5 : rangs ⌈1,25⌉ = 2 et ⌈3,75⌉ = 4
    assert gc.quartiles([50, 10, 40, 20, 30]) == (20, 30, 40)


def test_quartiles_interpoles_comme_numpy():
    q1, me, q3 = gc.quartiles(VENTES, methode="interpolation")
    assert (q1, me, q3) == tuple(np.percentile(VENTES, [25, 50, 75]))


def test_mode_absent_si_aucune_valeur_ne_se_repete():
    assert math.isnan(gc.indicateurs([1.5, 2.5, 7])["mode"])


def test_indicateurs_acceptent_series_et_decimal():
    serie = pd.Series([Decimal("10.50"), Decimal("20.25")])
    assert gc.indicateurs(serie)["moyenne"] == pytest.approx(15.375)


@pytest.mark.parametrize(
    ("valeurs", "message"),
    [
        ([1, float("nan"), 3], "valeur(s) manquante(s)"),
        ([], "au moins 1 valeur"),
        (["12", "abc"], "des nombres sont attendus"),
        ("12 15 9", "une liste ou une colonne"),
        (pd.DataFrame({"a": [1], "b": [2]}), "une seule colonne"),
    ],
)
def test_indicateurs_refusent_les_mauvaises_entrees(valeurs, message):
    with pytest.raises(ErreurCours, match=message.replace("(", r"\(").replace(")", r"\)")):
        gc.indicateurs(valeurs)


def test_tableau_de_frequences_discret_fait_main():
    # Nombre de commandes par client : 1 1 1 2 2 3 3 3 3 5
    t = gc.tableau_frequences([1, 3, 1, 2, 3, 5, 3, 1, 2, 3])
    assert t["valeur"].tolist() == [1, 2, 3, 5]
    assert t["effectif"].tolist() == [3, 2, 4, 1]
    assert t["frequence"].tolist() == pytest.approx([0.3, 0.2, 0.4, 0.1])
    assert t["effectif_cumule"].tolist() == [3, 5, 9, 10]
    assert t["frequence_cumulee"].tolist() == pytest.approx([0.3, 0.5, 0.9, 1.0])


def test_tableau_de_frequences_par_classes_bornes_fermees_a_gauche():
    # 500 va dans [500 ; 1000[ ; 2000 (borne finale) dans la dernière classe, fermée.
    t = gc.tableau_frequences([100, 499.99, 500, 999, 1000, 2000], classes=[0, 500, 1000, 2000])
    assert t["effectif"].tolist() == [2, 2, 2]
    assert t["centre"].tolist() == [250, 750, 1500]
    assert t["amplitude"].tolist() == [500, 500, 1000]
    assert t["classe"].iloc[0] == "[0 ; 500["
    assert t["classe"].iloc[-1].endswith("]")


def test_tableau_de_frequences_classes_d_amplitude_egale():
    t = gc.tableau_frequences([0, 10, 20, 30, 40], classes=4)
    assert t["borne_inf"].tolist() == [0, 10, 20, 30]
    assert t["effectif"].tolist() == [1, 1, 1, 2]


def test_tableau_de_frequences_signale_les_valeurs_hors_classes():
    with pytest.raises(ErreurCours, match="hors des classes"):
        gc.tableau_frequences([100, 2500], classes=[0, 1000, 2000])
    with pytest.raises(ErreurCours, match="strictement croissantes"):
        gc.tableau_frequences([100], classes=[0, 1000, 500])


def test_indicateurs_d_une_serie_classee_faits_main():
    # CA des commandes : [0;500[ 10, [500;1000[ 25, [1000;2000] 15 ; N = 50
    r = gc.indicateurs_classes([0, 500, 1000, 2000], [10, 25, 15])
    assert r["moyenne"] == pytest.approx((10 * 250 + 25 * 750 + 15 * 1500) / 50)  # 875
    variance = (10 * 250**2 + 25 * 750**2 + 15 * 1500**2) / 50 - 875**2
    assert r["ecart_type"] == pytest.approx(math.sqrt(variance))
    # Médiane : 25e valeur, dans [500;1000[ : 500 + (25 − 10)/25 × 500 = 800
    assert r["mediane"] == pytest.approx(800)
    # Q1 : 12,5e valeur : 500 + (12,5 − 10)/25 × 500 = 550 ; Q3 : 37,5e : 1000 + 2,5/15 × 1000
    assert r["q1"] == pytest.approx(550)
    assert r["q3"] == pytest.approx(1000 + 2.5 / 15 * 1000)
    with pytest.raises(ErreurCours, match="une borne de plus que de classes"):
        gc.indicateurs_classes([0, 500, 1000], [10, 25, 15])


def test_covariance_et_correlation_comparees_a_numpy():
    x, y = [3, 7, 2, 9, 5], [41, 80, 30, 95, 52]
    assert gc.covariance(x, y) == pytest.approx(np.cov(x, y, bias=True)[0, 1])
    assert gc.correlation(x, y) == pytest.approx(np.corrcoef(x, y)[0, 1])
    with pytest.raises(ErreurCours, match="même nombre de valeurs"):
        gc.correlation([1, 2, 3], [1, 2])
    with pytest.raises(ErreurCours, match="constante"):
        gc.correlation([1, 2, 3], [5, 5, 5])


def test_moindres_carres_comparés_a_polyfit():
    y = [120, 135, 128, 150, 161, 158, 175]
    aj = gc.ajustement_lineaire(y)
    a, b = np.polyfit(np.arange(1, 8), y, 1)
    assert (aj.a, aj.b) == (pytest.approx(a), pytest.approx(b))
    assert aj.r == pytest.approx(np.corrcoef(np.arange(1, 8), y)[0, 1])
    assert aj.prevoir(8) == pytest.approx(a * 8 + b)
    assert aj.prevoir([8, 9]).tolist() == pytest.approx([a * 8 + b, a * 9 + b])
    # Avec des x donnés (dépenses de publicité → ventes), pas forcément rangés.
    x = [5, 1, 3, 2, 4]
    ventes = [60, 21, 40, 33, 49]
    aj = gc.ajustement_lineaire(ventes, x)
    a, b = np.polyfit(x, ventes, 1)
    assert (aj.a, aj.b) == (pytest.approx(a), pytest.approx(b))


def test_moindres_carres_fait_main():
    # x = 1..4, y = 10 12 15 19 : x̄ = 2,5 ; ȳ = 14 ; cov = 15/4 ; V(x) = 5/4 → a = 3 ; b = 6,5
    aj = gc.ajustement_lineaire([10, 12, 15, 19])
    assert aj.a == pytest.approx(3)
    assert aj.b == pytest.approx(6.5)
    assert aj.equation == "y = 3x + 6,5"


def test_mayer_serie_impaire_le_point_du_milieu_va_dans_la_premiere_moitie():
    # y = 10 12 15 19 20 : G1 = (2 ; 37/3) [rangs 1-3], G2 = (4,5 ; 19,5) [rangs 4-5]
    aj = gc.ajustement_lineaire([10, 12, 15, 19, 20], methode="mayer")
    a = (19.5 - 37 / 3) / (4.5 - 2)
    assert aj.a == pytest.approx(a)
    assert aj.b == pytest.approx(37 / 3 - a * 2)
    assert aj.points == ((2, pytest.approx(37 / 3)), (4.5, 19.5))


def test_mayer_serie_paire_et_x_non_ranges():
    # x rangés : (1;10) (2;14) | (3;15) (4;21) → G1 = (1,5 ; 12), G2 = (3,5 ; 18) → a = 3, b = 7,5
    aj = gc.ajustement_lineaire([15, 10, 21, 14], x=[3, 1, 4, 2], methode="mayer")
    assert (aj.a, aj.b) == (pytest.approx(3), pytest.approx(7.5))


def test_points_extremes():
    # (1 ; 10) et (5 ; 20) : a = 10/4 = 2,5 ; b = 10 − 2,5 = 7,5
    aj = gc.ajustement_lineaire([10, 12, 15, 19, 20], methode="points_extremes")
    assert (aj.a, aj.b) == (2.5, 7.5)
    # r reste celui de la série, quelle que soit la méthode
    assert aj.r == pytest.approx(np.corrcoef(range(1, 6), [10, 12, 15, 19, 20])[0, 1])


def test_ajustement_refuse_les_mauvaises_entrees():
    with pytest.raises(NomInconnu, match="Vouliez-vous dire 'mayer'"):
        gc.ajustement_lineaire([1, 2, 3], methode="Mayer")
    with pytest.raises(ErreurCours, match="au moins 2 valeur"):
        gc.ajustement_lineaire([5])
    with pytest.raises(ErreurCours, match="Toutes les valeurs de x sont égales"):
        gc.ajustement_lineaire([1, 2, 3], x=[4, 4, 4])
    with pytest.raises(ErreurCours, match="prevoir"):
        gc.ajustement_lineaire([1, 2, 3]).prevoir("juin")
