"""Prévision : un exemple trimestriel de trois ans calculé à la main, statsmodels, numpy."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import gc_helpers as gc
from gc_helpers._erreurs import ErreurCours, NomInconnu

# Ventes trimestrielles (k€) sur trois ans.
#            T1   T2   T3   T4
SERIE = [100, 140, 120, 180,  # année 1
         110, 150, 130, 200,  # année 2
         120, 170, 140, 210]  # année 3  # fmt: skip

# Moyennes mobiles centrées d'ordre 4, à la main, rangs 3 à 10 :
MM_MAIN = [
    (100 / 2 + 140 + 120 + 180 + 110 / 2) / 4,  # 136,25
    (140 / 2 + 120 + 180 + 110 + 150 / 2) / 4,  # 138,75
    (120 / 2 + 180 + 110 + 150 + 130 / 2) / 4,  # 141,25
    (180 / 2 + 110 + 150 + 130 + 200 / 2) / 4,  # 145
    (110 / 2 + 150 + 130 + 200 + 120 / 2) / 4,  # 148,75
    (150 / 2 + 130 + 200 + 120 + 170 / 2) / 4,  # 152,5
    (130 / 2 + 200 + 120 + 170 + 140 / 2) / 4,  # 156,25
    (200 / 2 + 120 + 170 + 140 + 210 / 2) / 4,  # 158,75
]


def test_moyennes_mobiles_centrees_faites_main():
    mm = gc.moyennes_mobiles(SERIE, 4)
    assert mm.iloc[:2].isna().all() and mm.iloc[-2:].isna().all()
    assert mm.iloc[2:10].tolist() == pytest.approx(MM_MAIN)
    assert MM_MAIN[0] == 136.25 and MM_MAIN[-1] == 158.75


def test_moyennes_mobiles_impaires_simples():
    assert gc.moyennes_mobiles([3, 6, 9, 12], 3).tolist()[1:3] == [6, 9]


def _decomposition(serie, modele):
    from statsmodels.tsa.seasonal import seasonal_decompose

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return seasonal_decompose(
            pd.Series(serie, dtype=float), model=modele, period=4, two_sided=True
        )


def test_moyennes_mobiles_comparees_a_statsmodels():
    rng = np.random.default_rng(1)
    serie = 100 + np.arange(36) * 2 + rng.normal(0, 5, 36)
    for ordre in (4, 12):
        from statsmodels.tsa.seasonal import seasonal_decompose

        attendu = seasonal_decompose(pd.Series(serie), period=ordre).trend
        assert np.allclose(gc.moyennes_mobiles(serie, ordre), attendu, equal_nan=True)


def test_coefficients_par_moyennes_mobiles_faits_main():
    # Rapports valeur / MM, puis moyenne par trimestre, puis normalisation (moyenne 1).
    bruts = [
        (110 / MM_MAIN[2] + 120 / MM_MAIN[6]) / 2,  # T1 : rangs 5 et 9
        (150 / MM_MAIN[3] + 170 / MM_MAIN[7]) / 2,  # T2 : rangs 6 et 10
        (120 / MM_MAIN[0] + 130 / MM_MAIN[4]) / 2,  # T3 : rangs 3 et 7
        (180 / MM_MAIN[1] + 200 / MM_MAIN[5]) / 2,  # T4 : rangs 4 et 8
    ]
    attendus = [c / (sum(bruts) / 4) for c in bruts]
    c = gc.coefficients_saisonniers(SERIE, 4)
    assert c.index.tolist() == [1, 2, 3, 4]
    assert c.tolist() == pytest.approx(attendus, rel=1e-12)
    assert c.mean() == pytest.approx(1)


def test_coefficients_additifs_par_moyennes_mobiles_faits_main():
    bruts = [
        (110 - MM_MAIN[2] + 120 - MM_MAIN[6]) / 2,
        (150 - MM_MAIN[3] + 170 - MM_MAIN[7]) / 2,
        (120 - MM_MAIN[0] + 130 - MM_MAIN[4]) / 2,
        (180 - MM_MAIN[1] + 200 - MM_MAIN[5]) / 2,
    ]
    attendus = [c - sum(bruts) / 4 for c in bruts]
    c = gc.coefficients_saisonniers(SERIE, 4, modele="additif")
    assert c.tolist() == pytest.approx(attendus)
    assert c.sum() == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize(("modele", "model"), [("multiplicatif", "mul"), ("additif", "add")])
def test_coefficients_par_moyennes_mobiles_comme_statsmodels(modele, model):
    rng = np.random.default_rng(7)
    serie = (200 + np.arange(20) * 3) * np.tile([0.8, 1.1, 0.9, 1.2], 5) + rng.normal(0, 4, 20)
    attendu = _decomposition(serie, model).seasonal[:4]
    c = gc.coefficients_saisonniers(serie, 4, modele=modele)
    assert c.tolist() == pytest.approx(list(attendu), rel=1e-9)


def test_coefficients_par_les_moyennes_faits_main():
    # Moyennes par trimestre : T1 330/3 = 110, T2 460/3, T3 390/3 = 130, T4 590/3 ;
    # moyenne générale 1770/12 = 147,5.
    moyennes = [110, 460 / 3, 130, 590 / 3]
    c = gc.coefficients_saisonniers(SERIE, 4, methode="moyennes")
    assert c.tolist() == pytest.approx([m / 147.5 for m in moyennes])
    c_add = gc.coefficients_saisonniers(SERIE, 4, methode="moyennes", modele="additif")
    assert c_add.tolist() == pytest.approx([m - 147.5 for m in moyennes])


def test_coefficients_par_la_tendance_avec_polyfit():
    a, b = np.polyfit(np.arange(1, 13), SERIE, 1)
    tendance = a * np.arange(1, 13) + b
    rapports = np.array(SERIE) / tendance
    bruts = [rapports[s::4].mean() for s in range(4)]
    attendus = [x / np.mean(bruts) for x in bruts]
    c = gc.coefficients_saisonniers(SERIE, 4, methode="tendance")
    assert c.tolist() == pytest.approx(attendus)
    ecarts = np.array(SERIE) - tendance
    bruts = [ecarts[s::4].mean() for s in range(4)]
    c = gc.coefficients_saisonniers(SERIE, 4, methode="tendance", modele="additif")
    assert c.tolist() == pytest.approx([x - np.mean(bruts) for x in bruts])


def test_serie_corrigee():
    c = gc.coefficients_saisonniers(SERIE, 4, methode="moyennes")
    cvs = gc.serie_corrigee(SERIE, 4, methode="moyennes")
    assert cvs.tolist() == pytest.approx([y / c[(i % 4) + 1] for i, y in enumerate(SERIE)])
    cvs_add = gc.serie_corrigee(SERIE, 4, modele="additif", coefficients=[-10, 5, -5, 10])
    assert cvs_add.tolist()[:4] == [110, 135, 125, 170]


def test_serie_mensuelle_garde_son_index():
    mois = pd.period_range("2022-01", periods=24, freq="M")
    serie = pd.Series(np.tile(np.arange(1, 13), 2) * 10.0, index=mois)
    assert gc.serie_corrigee(serie, 12).index.equals(mois)
    assert gc.moyennes_mobiles(serie, 12).index.equals(mois)


def test_prevision_faite_main_avec_polyfit():
    # Tendance des moindres carrés sur les rangs 1..12, prolongée aux rangs 13 à 16.
    a, b = np.polyfit(np.arange(1, 13), SERIE, 1)
    c = gc.coefficients_saisonniers(SERIE, 4)
    p = gc.prevision_saisonniere(SERIE, 4, 4)
    assert list(p.columns) == ["rang", "saison", "tendance", "coefficient", "prevision"]
    assert p["rang"].tolist() == [13, 14, 15, 16]
    assert p["saison"].tolist() == [1, 2, 3, 4]
    assert p["tendance"].tolist() == pytest.approx([a * k + b for k in (13, 14, 15, 16)])
    assert p["prevision"].tolist() == pytest.approx(
        [(a * k + b) * c[s] for k, s in zip((13, 14, 15, 16), (1, 2, 3, 4), strict=True)]
    )
    p_add = gc.prevision_saisonniere(SERIE, 4, 2, modele="additif")
    c_add = gc.coefficients_saisonniers(SERIE, 4, modele="additif")
    assert p_add["prevision"].tolist() == pytest.approx(
        [a * 13 + b + c_add[1], a * 14 + b + c_add[2]]
    )


def test_prevision_avec_tendance_sur_la_serie_cvs_et_mayer():
    cvs = gc.serie_corrigee(SERIE, 4)
    # Mayer sur la CVS : G1 = moyenne des rangs 1-6, G2 = des rangs 7-12
    g1 = (3.5, cvs.iloc[:6].mean())
    g2 = (9.5, cvs.iloc[6:].mean())
    a = (g2[1] - g1[1]) / (g2[0] - g1[0])
    b = g1[1] - a * g1[0]
    p = gc.prevision_saisonniere(SERIE, 4, 1, ajustement="mayer", tendance_sur="cvs")
    assert p.loc[0, "tendance"] == pytest.approx(a * 13 + b)


@pytest.mark.parametrize(
    ("appel", "message"),
    [
        (lambda: gc.coefficients_saisonniers(SERIE[:10], 4), "pas un nombre entier de périodes"),
        (lambda: gc.coefficients_saisonniers(SERIE[:4], 4), "au moins deux périodes"),
        (lambda: gc.coefficients_saisonniers(SERIE, 1), "au moins égal à 2"),
        (lambda: gc.coefficients_saisonniers([1, np.nan, 3, 4] * 2, 4), "manquante"),
        (lambda: gc.prevision_saisonniere(SERIE, 4, 0), "horizon"),
        (lambda: gc.moyennes_mobiles([1, 2, 3], 4), "trop courte"),
        (lambda: gc.serie_corrigee(SERIE, 4, coefficients=[1, 1, 1]), "un coefficient par saison"),
    ],
)
def test_messages_d_erreur(appel, message):
    with pytest.raises(ErreurCours, match=message):
        appel()


def test_noms_de_methode_et_de_modele_suggeres():
    with pytest.raises(NomInconnu, match="Vouliez-vous dire 'moyennes_mobiles'"):
        gc.coefficients_saisonniers(SERIE, 4, methode="moyenne_mobile")
    with pytest.raises(NomInconnu, match="Vouliez-vous dire 'additif'"):
        gc.coefficients_saisonniers(SERIE, 4, modele="additive")


def test_multiplicatif_refuse_une_tendance_negative():
    with pytest.raises(ErreurCours, match="modèle additif"):
        gc.coefficients_saisonniers([50, 40, 30, 20, 10, 0, -10, -20], 4, methode="tendance")


def test_agregation_des_previsions_individuelles_faite_main():
    reps = {"Vasseur": 1_500_000, "Benali": 560_000, "Delattre": 440_000}
    a = gc.agreger_previsions(reps, globale=2_400_000)
    assert a.somme == 2_500_000
    assert a.ecart == 100_000
    assert a.ecart_relatif == pytest.approx(100_000 / 2_400_000)
    assert a.tableau["part"].tolist() == pytest.approx([0.6, 0.224, 0.176])
    assert a.tableau["prevision_ajustee"].tolist() == pytest.approx(
        [1_500_000 * 0.96, 560_000 * 0.96, 440_000 * 0.96]
    )
    sans = gc.agreger_previsions(pd.Series(reps))
    assert "prevision_ajustee" not in sans.tableau and np.isnan(sans.ecart)
    with pytest.raises(ErreurCours, match="négative"):
        gc.agreger_previsions({"A": -5, "B": 10})
    with pytest.raises(ErreurCours, match="dictionnaire"):
        gc.agreger_previsions([1, 2])
