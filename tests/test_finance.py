"""Mathématiques financières (S512) : exemples calculés à la main et numpy-financial comme oracle.

Chaque valeur attendue est écrite avec son calcul (convention DESIGN §4), ou
vient de numpy-financial (``pmt``, ``ipmt``, ``ppmt``, ``fv``, ``pv``), jamais
de la fonction testée elle-même.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import numpy_financial as npf
import pandas as pd
import pytest

import gc_helpers as gc
from gc_helpers import finance

# --------------------------------------------------------------------------- jours


def test_nombre_de_jours_jour_de_depart_exclu_echeance_incluse():
    # 15 mars → 30 avril : du 16 au 31 mars (16 jours) + 30 jours d'avril.
    assert gc.nombre_de_jours("2026-03-15", "2026-04-30") == 16 + 30
    # 31 janvier → 31 mars 2026 : février (28) + mars (31).
    assert gc.nombre_de_jours(dt.date(2026, 1, 31), dt.date(2026, 3, 31)) == 28 + 31
    # 2024 est bissextile : février compte 29 jours.
    assert gc.nombre_de_jours("2024-01-31", "2024-03-31") == 29 + 31
    assert gc.nombre_de_jours(pd.Timestamp("2026-05-10"), "2026-06-30", jours_de_banque=1) == (
        21 + 30 + 1
    )
    assert gc.nombre_de_jours("2026-05-10", "2026-05-10") == 0


def test_nombre_de_jours_minimum_de_la_banque():
    assert gc.nombre_de_jours("2026-03-15", "2026-03-20", jours_de_banque=1, minimum=10) == 10
    assert gc.nombre_de_jours("2026-03-15", "2026-04-30", minimum=10) == 46


def test_nombre_de_jours_refuse_des_dates_inversees():
    with pytest.raises(gc.ErreurCours, match=r"date de fin \(15/03/2026\) est avant"):
        gc.nombre_de_jours("2026-04-30", "2026-03-15")


@pytest.mark.parametrize("mauvais", [-1, 1.5, True])
def test_nombre_de_jours_refuse_des_jours_de_banque_incorrects(mauvais):
    with pytest.raises(gc.ErreurCours, match="jours_de_banque doit être un nombre entier"):
        gc.nombre_de_jours("2026-03-15", "2026-04-30", jours_de_banque=mauvais)


def test_nombre_de_jours_refuse_une_date_francaise_en_texte():
    with pytest.raises(gc.ErreurCours, match="AAAA-MM-JJ"):
        gc.nombre_de_jours("15/03/2026", "2026-04-30")


# --------------------------------------------------------------------------- intérêts simples


def test_interet_simple_360_et_365():
    assert gc.interet_simple(10_000, 0.06, 90) == pytest.approx(10_000 * 0.06 * 90 / 360)
    assert gc.interet_simple(10_000, 0.06, 90, base=365) == pytest.approx(10_000 * 0.06 * 90 / 365)
    # Les montants DECIMAL de la base sont acceptés.
    assert gc.interet_simple(Decimal("1200.00"), 0.05, 36) == pytest.approx(6.0)


def test_escompte_cas_classique_du_manuel():
    # Effet de 5 000 € escompté 60 jours à 9 % : 5 000 × 0,09 × 60 / 360 = 75 €.
    assert gc.escompte_commercial(5000, 0.09, 60) == pytest.approx(75.0)
    assert gc.valeur_actuelle_commerciale(5000, 0.09, 60) == pytest.approx(5000 - 75)


def test_agios_tva_sur_les_seules_commissions_fixes():
    # Effet de 8 000 € remis le 10 mai, échéance 30 juin, 1 jour de banque :
    # 21 + 30 + 1 = 52 jours ; taux 10 % ; endos 0,6 % ; commission de service 4 € HT.
    jours = gc.nombre_de_jours("2026-05-10", "2026-06-30", jours_de_banque=1)
    assert jours == 52
    decompte = gc.agios(8000, 0.10, jours, commissions_fixes_ht=4, taux_endos=0.006)
    escompte = 8000 * 0.10 * 52 / 360  # 115,555…
    endos = 8000 * 0.006 * 52 / 360  # 6,933… (proportionnelle à la durée : pas de TVA)
    tva = 4 * 0.20  # 0,80 : sur la commission fixe seulement
    assert list(decompte.index) == [
        "escompte",
        "commissions_ht",
        "tva",
        "agios_ttc",
        "valeur_nette",
    ]
    assert decompte["escompte"] == pytest.approx(escompte)
    assert decompte["commissions_ht"] == pytest.approx(4 + endos)
    assert decompte["tva"] == pytest.approx(tva)
    assert decompte["agios_ttc"] == pytest.approx(escompte + endos + 4 + tva)
    assert round(decompte["agios_ttc"], 2) == 127.29
    assert round(decompte["valeur_nette"], 2) == 7872.71


def test_agios_sans_commission():
    decompte = gc.agios(5000, 0.09, 60)
    assert decompte["agios_ttc"] == pytest.approx(75.0)
    assert decompte["tva"] == 0
    assert decompte["valeur_nette"] == pytest.approx(4925.0)


def test_penalites_de_retard_sur_le_ttc_365_jours_plus_40_euros():
    # 2 400 € TTC, 73 jours de retard, 12 % : 2 400 × 0,12 × 73 / 365 = 57,60 € + 40 €.
    assert gc.penalites_retard(2400, 0.12, 73) == pytest.approx(57.60 + 40)
    assert gc.penalites_retard(2400, 0.12, 73, indemnite_forfaitaire=0) == pytest.approx(57.60)
    assert gc.penalites_retard(2400, 0.12, 0) == 0
    assert gc.penalites_retard(2400, 0.12, -5) == 0  # payée en avance


def test_penalites_de_retard_sur_des_colonnes():
    factures = pd.DataFrame({"ttc": [2400.0, 1000.0, 730.0], "retard": [73, 0, 10]})
    penalites = gc.penalites_retard(factures["ttc"], 0.12, factures["retard"])
    assert isinstance(penalites, pd.Series)
    attendu = [2400 * 0.12 * 73 / 365 + 40, 0.0, 730 * 0.12 * 10 / 365 + 40]
    assert penalites.tolist() == pytest.approx(attendu)
    # Une seule colonne et un nombre : le nombre vaut pour toutes les factures.
    assert gc.penalites_retard(factures["ttc"], 0.12, 10).tolist() == pytest.approx(
        [2400 * 0.12 * 10 / 365 + 40, 1000 * 0.12 * 10 / 365 + 40, 730 * 0.12 * 10 / 365 + 40]
    )


def test_penalites_refusent_un_montant_negatif_dans_une_colonne():
    with pytest.raises(gc.ErreurCours, match="montant_ttc doit être positif ou nul"):
        gc.penalites_retard([100, -5], 0.12, [3, 3])


def test_escompte_de_reglement_tva_sur_le_net_financier():
    # Net commercial 4 000 € HT, escompte 2 % : 80 € ; net financier 3 920 € ;
    # TVA 20 % de 3 920 = 784 € ; net à payer 4 704 €.
    facture = gc.escompte_reglement(4000, 0.02)
    assert facture.to_dict() == pytest.approx(
        {
            "net_commercial_ht": 4000,
            "escompte": 80,
            "net_financier_ht": 3920,
            "tva": 784,
            "net_a_payer_ttc": 4704,
        }
    )


def test_taux_annuel_d_un_escompte():
    # 2 % pour payer 60 jours plus tôt : 0,02 / 0,98 × 360 / 60.
    assert gc.taux_annuel_escompte(0.02, 60) == pytest.approx(0.02 / 0.98 * 6)
    with pytest.raises(gc.ErreurCours, match="jours_d_avance doit être supérieur à 0"):
        gc.taux_annuel_escompte(0.02, 0)


# --------------------------------------------------------------------------- équivalence


def test_report_d_echeance_nominal_equivalent():
    # Effet de 3 000 € à 30 jours reporté à 90 jours, taux 9 % :
    # 3 000 × (1 − 0,09 × 30/360) = 2 977,50 ; 1 − 0,09 × 90/360 = 0,9775.
    attendu = 2977.50 / 0.9775
    assert gc.nominal_equivalent(3000, 30, 90, 0.09) == pytest.approx(attendu)
    assert round(attendu, 2) == 3046.04


def test_echeance_commune_et_echeance_moyenne():
    # Échéance moyenne : nouveau nominal = somme des nominaux → moyenne pondérée des durées.
    assert gc.echeance_equivalente([2000, 4000], [30, 75], 6000, 0.09) == pytest.approx(
        (2000 * 30 + 4000 * 75) / 6000
    )
    # Échéance commune d'un effet de 6 050 € : 6 050 (1 − 0,09 n / 360) = 5 910
    # (= 2 000 × (1 − 0,0075) + 4 000 × (1 − 0,01875) = 1 985 + 3 925)
    # → n = (1 − 5 910 / 6 050) × 360 / 0,09 = 140 / 6 050 × 4 000 ≈ 92,56 jours.
    assert gc.echeance_equivalente([2000, 4000], [30, 75], 6050, 0.09) == pytest.approx(
        140 / 6050 * 4000
    )
    # Aller-retour : le nominal équivalent à l'échéance trouvée redonne 6 050 €.
    n = gc.echeance_equivalente([2000, 4000], [30, 75], 6050, 0.09)
    assert gc.nominal_equivalent([2000, 4000], [30, 75], n, 0.09) == pytest.approx(6050)


def test_equivalence_messages():
    with pytest.raises(gc.ErreurCours, match="autant de durées que de valeurs nominales"):
        gc.nominal_equivalent([2000, 4000], [30], 60, 0.09)
    with pytest.raises(gc.ErreurCours, match="son nominal doit être plus élevé"):
        gc.echeance_equivalente(3000, 30, 2500, 0.09)


# --------------------------------------------------------------------------- intérêts composés


def test_valeur_acquise_et_actuelle_contre_numpy_financial():
    assert gc.valeur_acquise(10_000, 0.04, 5) == pytest.approx(npf.fv(0.04, 5, 0, -10_000))
    assert gc.valeur_actuelle(12_000, 0.04, 5) == pytest.approx(npf.pv(0.04, 5, 0, -12_000))
    # À la main : 10 000 × 1,04^5 = 12 166,529…
    assert round(gc.valeur_acquise(10_000, 0.04, 5), 2) == 12166.53
    assert gc.valeur_acquise(10_000, 0.04, 0) == 10_000


@pytest.mark.parametrize("debut", [False, True])
def test_annuites_contre_numpy_financial(debut):
    quand = "begin" if debut else "end"
    assert gc.valeur_acquise_annuites(1000, 0.05, 3, debut_de_periode=debut) == pytest.approx(
        npf.fv(0.05, 3, -1000, 0, when=quand)
    )
    assert gc.valeur_actuelle_annuites(1000, 0.05, 3, debut_de_periode=debut) == pytest.approx(
        npf.pv(0.05, 3, -1000, 0, when=quand)
    )


def test_annuites_a_la_main():
    # 1 000 × (1,05³ − 1) / 0,05 = 1 000 × 3,1525.
    assert gc.valeur_acquise_annuites(1000, 0.05, 3) == pytest.approx(3152.5)
    # Taux nul : la somme des versements.
    assert gc.valeur_actuelle_annuites(1000, 0, 3) == 3000
    assert gc.annuite_constante(9000, 0, 3) == 3000


@pytest.mark.parametrize(
    ("capital", "taux", "periodes"), [(10_000, 0.05, 3), (150_000, 0.035 / 12, 240), (800, 0.1, 1)]
)
def test_annuite_constante_contre_numpy_financial(capital, taux, periodes):
    assert gc.annuite_constante(capital, taux, periodes) == pytest.approx(
        npf.pmt(taux, periodes, -capital)
    )


def test_taux_proportionnel_et_equivalent():
    assert gc.taux_proportionnel(0.06, "mensuelle") == pytest.approx(0.005)
    assert gc.taux_proportionnel(0.06, 4) == pytest.approx(0.015)
    equivalent = gc.taux_equivalent(0.06, "mensuelle")
    assert (1 + equivalent) ** 12 == pytest.approx(1.06)
    assert gc.taux_equivalent(0.06, "annuelle") == pytest.approx(0.06)
    with pytest.raises(gc.NomInconnu, match="Vouliez-vous dire 'mensuelle'"):
        gc.taux_proportionnel(0.06, "mensuel")
    with pytest.raises(gc.ErreurCours, match="1, 2, 4 ou 12"):
        gc.taux_proportionnel(0.06, 3)


# --------------------------------------------------------------------------- tableaux


def _oracle_annuites(capital: float, i: float, n: int) -> pd.DataFrame:
    periodes = np.arange(1, n + 1)
    return pd.DataFrame(
        {
            "interets": -npf.ipmt(i, periodes, n, capital),
            "amortissement": -npf.ppmt(i, periodes, n, capital),
            "annuite": [-npf.pmt(i, n, capital)] * n,
        }
    )


@pytest.mark.parametrize(
    ("capital", "taux", "n", "periodicite", "i"),
    [
        (10_000, 0.05, 3, "annuelle", 0.05),
        (20_000, 0.06, 36, "mensuelle", 0.06 / 12),
        (50_000, 0.048, 20, "trimestrielle", 0.012),
    ],
)
def test_tableau_annuites_constantes_contre_numpy_financial(capital, taux, n, periodicite, i):
    t = gc.tableau_amortissement(capital, taux, n, periodicite=periodicite)
    assert list(t.columns) == [
        "periode",
        "capital_debut",
        "interets",
        "amortissement",
        "annuite",
        "capital_fin",
    ]
    assert t["periode"].tolist() == list(range(1, n + 1))
    oracle = _oracle_annuites(capital, i, n)
    for colonne in ("interets", "amortissement", "annuite"):
        np.testing.assert_allclose(t[colonne], oracle[colonne], rtol=1e-10)
    assert t["capital_fin"].iloc[-1] == 0  # la dernière ligne solde exactement
    assert t["amortissement"].sum() == pytest.approx(capital)
    # Chaque ligne enchaîne sur la précédente.
    np.testing.assert_allclose(t["capital_debut"].iloc[1:], t["capital_fin"].iloc[:-1])


def test_tableau_mensuel_au_taux_equivalent():
    i = 1.06 ** (1 / 12) - 1
    t = gc.tableau_amortissement(20_000, 0.06, 36, periodicite="mensuelle", conversion="equivalent")
    assert t["annuite"].iloc[0] == pytest.approx(npf.pmt(i, 36, -20_000))
    assert t["interets"].iloc[0] == pytest.approx(20_000 * i)


def test_tableau_amortissements_constants_a_la_main():
    # 12 000 € sur 4 ans à 5 % : 3 000 € de capital par an ;
    # intérêts 5 % de 12 000, 9 000, 6 000, 3 000.
    t = gc.tableau_amortissement(12_000, 0.05, 4, mode="amortissements_constants")
    assert t["amortissement"].tolist() == pytest.approx([3000] * 4)
    assert t["interets"].tolist() == pytest.approx([600, 450, 300, 150])
    assert t["annuite"].tolist() == pytest.approx([3600, 3450, 3300, 3150])
    assert t["capital_fin"].tolist() == pytest.approx([9000, 6000, 3000, 0])


def test_tableau_in_fine_a_la_main():
    t = gc.tableau_amortissement(10_000, 0.05, 3, mode="in_fine")
    assert t["annuite"].tolist() == pytest.approx([500, 500, 10_500])
    assert t["capital_fin"].tolist() == pytest.approx([10_000, 10_000, 0])


def test_tableau_n_arrondit_rien():
    t = gc.tableau_amortissement(10_000, 0.05, 3)
    assert t.loc[0, "amortissement"] == pytest.approx(npf.ppmt(0.05, 1, 3, -10_000), abs=1e-9)
    assert t.loc[0, "amortissement"] != round(t.loc[0, "amortissement"], 2)


# --------------------------------------------------------------------------- financement


def test_comparer_financements_a_la_main():
    i = 0.06 / 12  # taux d'actualisation mensuel proportionnel
    mensualite = npf.pmt(i, 36, -18_000)  # emprunt de 20 000 − 2 000 d'apport
    table = gc.comparer_financements(
        20_000,
        [
            gc.Emprunt(taux=0.06, periodes=36, apport=2000, frais_dossier=150),
            gc.LOA(loyer=400, periodes=36, premier_loyer=2000, option_achat=3000),
            gc.LLD(loyer=450, periodes=36),
        ],
        taux_actualisation=0.06,
        valeur_revente=5000,
    )
    assert table["solution"].tolist() == ["Comptant", "Emprunt", "LOA", "LLD"]
    assert table["proprietaire"].tolist() == [True, True, True, False]
    assert table["decaissements"].tolist() == pytest.approx(
        [20_000, 2000 + 150 + 36 * mensualite, 2000 + 36 * 400 + 3000, 36 * 450]
    )
    assert table["surcout"].tolist() == pytest.approx(
        [0, 150 + 36 * mensualite - 18_000, 19_400 - 20_000, 16_200 - 20_000]
    )
    va_loa = 2000 + npf.pv(i, 36, -400) + 3000 / (1 + i) ** 36
    # Actualisé au taux même de l'emprunt, l'emprunt vaut ce qu'il finance (+ frais).
    assert table["valeur_actuelle"].tolist() == pytest.approx(
        [20_000, 2000 + 150 + 18_000, va_loa, npf.pv(i, 36, -450)]
    )
    revente = 5000 / (1 + i) ** 36
    assert table["cout_net_actualise"].tolist() == pytest.approx(
        [20_000 - revente, 20_150 - revente, va_loa - revente, npf.pv(i, 36, -450)]
    )


def test_loa_sans_lever_l_option():
    table = gc.comparer_financements(
        20_000, [gc.LOA(400, 36, option_achat=3000, lever_option=False)], 0.05
    )
    assert table.loc[1, "decaissements"] == pytest.approx(36 * 400)
    assert not table.loc[1, "proprietaire"]


def test_deux_offres_de_meme_type_se_distinguent_par_leur_libelle():
    table = gc.comparer_financements(
        20_000,
        [gc.LOA(400, 36, libelle="LOA partenaire A"), gc.LOA(380, 36, libelle="LOA partenaire B")],
        0.05,
    )
    assert table["solution"].tolist() == ["Comptant", "LOA partenaire A", "LOA partenaire B"]


def test_penalites_colonnes_de_longueurs_differentes():
    with pytest.raises(gc.ErreurCours, match="un nombre de jours de retard par facture"):
        gc.penalites_retard(pd.Series([100.0, 200.0]), 0.12, pd.Series([3]))


def test_comparer_financements_messages():
    with pytest.raises(gc.ErreurCours, match="gc.Emprunt"):
        gc.comparer_financements(20_000, ["emprunt"], 0.05)
    with pytest.raises(gc.ErreurCours, match="l'apport"):
        gc.comparer_financements(20_000, [gc.Emprunt(0.05, 12, apport=25_000)], 0.05)
    with pytest.raises(gc.ErreurCours, match="0,05 pour 5 %"):
        gc.comparer_financements(20_000, [gc.Emprunt(5, 12)], 0.05)


# --------------------------------------------------------------------------- mauvaises saisies


@pytest.mark.parametrize(
    ("appel", "message"),
    [
        (lambda: gc.interet_simple(10_000, 5, 90), "taux attendu en décimal : 0,05 pour 5 %"),
        (lambda: gc.interet_simple(10_000, 5, 90), "Écrivez taux=0.05 pour 5 %"),
        (lambda: gc.annuite_constante(10_000, 4.5, 10), "taux=0.045"),
        (lambda: gc.interet_simple(-10_000, 0.05, 90), "capital doit être positif ou nul"),
        (lambda: gc.tableau_amortissement(-1, 0.05, 3), "capital doit être strictement positif"),
        (
            lambda: gc.interet_simple("10000", 0.05, 90),
            "capital doit être un nombre ; reçu le texte '10000'",
        ),
        (lambda: gc.interet_simple(10_000, -0.05, 90), "ne peut pas être négatif"),
        (lambda: gc.interet_simple(10_000, 0.05, -3), "Vérifiez l'ordre des dates"),
        (lambda: gc.interet_simple(10_000, 0.05, 90, base=300), "360 (année commerciale)"),
        (
            lambda: gc.annuite_constante(10_000, 0.05, 0),
            "periodes doit être un nombre entier de périodes (d'échéances), au moins égal à 1",
        ),
        (lambda: gc.tableau_amortissement(10_000, 0.05, 2.5), "nombre entier de périodes"),
        (lambda: gc.valeur_acquise(10_000, 0.05, float("nan")), "nombre fini"),
        (lambda: gc.valeur_acquise(10_000, 0.05, -2), "utilisez valeur_actuelle()"),
        (lambda: gc.agios(5000, 0.09, 60, commissions_fixes_ht=-5), "commissions_fixes_ht"),
        (lambda: gc.escompte_reglement(4000, 2), "taux_escompte=0.02"),
        (lambda: gc.valeur_actuelle_commerciale("5000", 0.09, 60), "doit être un nombre"),
        # un taux de 1 (100 %) est un pourcentage mal écrit en finance
        (lambda: gc.interet_simple(10_000, 1, 90), "entre 0 et 1 exclu : 0,01 pour 1 %"),
        (lambda: gc.interet_simple(10_000, 0.05, 90, base="360"), "sans guillemets"),
        (lambda: gc.valeur_actuelle(10_000, 0.05, -2), "utilisez valeur_acquise()"),
        # la valeur reçue s'affiche telle que l'étudiant l'a écrite, pas np.float64(-5.0)
        (lambda: gc.interet_simple(np.float64(-5.0), 0.05, 90), "reçu -5. Un montant"),
    ],
)
def test_mauvaises_saisies_messages_en_francais(appel, message):
    with pytest.raises(gc.ErreurCours) as erreur:
        appel()
    assert message in str(erreur.value)


def test_mode_inconnu_propose_le_bon():
    with pytest.raises(gc.NomInconnu) as erreur:
        gc.tableau_amortissement(10_000, 0.05, 3, mode="amortissement_constant")
    assert "Vouliez-vous dire 'amortissements_constants'" in str(erreur.value)
    with pytest.raises(gc.NomInconnu, match="Vouliez-vous dire 'equivalent'"):
        gc.tableau_amortissement(10_000, 0.05, 3, conversion="équivalent")


def test_toutes_les_fonctions_sont_exportees():
    for nom in finance.__all__:
        assert getattr(gc, nom) is getattr(finance, nom)
