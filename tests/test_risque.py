"""Risque client et BFRE : exemples calculés à la main, données du cours, messages d'erreur."""

from __future__ import annotations

import pandas as pd
import pytest

import gc_helpers as gc

# --------------------------------------------------------------------------- délais et rotations


def test_delai_clients_simple_et_moyenne_de_deux_soldes():
    # 150 000 / 1 800 000 × 360 = 30 jours
    assert gc.delai_moyen_reglement_clients(150000, 1800000) == pytest.approx(30)
    # créances moyennes (120 000 + 180 000) / 2 = 150 000 → 30 jours
    assert gc.delai_moyen_reglement_clients((120000, 180000), 1800000) == pytest.approx(30)
    # en 365 jours : 150 000 / 1 800 000 × 365 = 30,4167
    assert gc.delai_moyen_reglement_clients(150000, 1800000, jours=365) == pytest.approx(
        30.416666, abs=1e-5
    )
    assert gc.rotation_creances(150000, 1800000) == pytest.approx(12)


def test_stocks_moyen_rotation_duree():
    # SI 30 000, SF 50 000 → stock moyen 40 000 ; CAMV 480 000 → rotation 12, durée 30 j
    assert gc.stock_moyen(30000, 50000) == 40000
    assert gc.rotation_stocks(40000, 480000) == pytest.approx(12)
    assert gc.duree_moyenne_stockage((30000, 50000), 480000) == pytest.approx(30)
    assert gc.delai_moyen_reglement_fournisseurs(45000, 540000) == pytest.approx(30)


@pytest.mark.parametrize(
    ("appel", "morceau"),
    [
        (lambda: gc.stock_moyen(-1000, 5000), "stock_initial doit être positif ou nul"),
        (lambda: gc.rotation_stocks(0, 5000), "stock moyen nul"),
        (lambda: gc.duree_moyenne_stockage(4000, 0), "strictement positif"),
        (lambda: gc.delai_moyen_reglement_clients((1, 2, 3), 10), "paire \\(début, fin\\)"),
        (lambda: gc.delai_moyen_reglement_clients(100, 1000, jours=12), "360"),
        (lambda: gc.delai_moyen_reglement_clients("100", 1000), "doit être un nombre"),
    ],
)
def test_mauvaises_saisies(appel, morceau):
    with pytest.raises(gc.ErreurCours, match=morceau):
        appel()


# --------------------------------------------------------------------------- BFRE


def test_bfre_normatif_cas_de_manuel():
    """CA HT 720 000 € ; coût d'achat 60 % du CA ; stock 30 j ; clients 60 j ; fournisseurs
    45 j ; TVA 20 %.
    stock : 30 × 0,6 = 18 j ; clients : 60 × 1,2 = 72 j ; fournisseurs : 45 × 0,6 × 1,2 = 32,4 j
    BFRE = 18 + 72 − 32,4 = 57,6 jours de CA HT = 57,6 × 720 000 / 360 = 115 200 €."""
    b = gc.bfre_normatif(
        720000, delai_clients=60, duree_stockage=30, delai_fournisseurs=45, taux_cout_achat=0.6
    )
    assert b["poste"].tolist() == [
        "Stock de marchandises",
        "Créances clients",
        "Dettes fournisseurs",
        "BFRE",
    ]
    assert b["jours_ca"].tolist() == pytest.approx([18, 72, -32.4, 57.6])
    assert b["montant"].tolist() == pytest.approx([36000, 144000, -64800, 115200])
    # La forme bilan donne le même BFRE avec les montants des postes.
    assert gc.bfre_bilan(36000, 144000, 64800) == pytest.approx(115200)


def test_bfre_normatif_autre_poste_et_erreurs():
    b = gc.bfre_normatif(
        360000,
        60,
        30,
        45,
        0.6,
        autres_postes=[
            {
                "poste": "TVA à décaisser",
                "nature": "ressource",
                "duree_jours": 20,
                "coefficient": 0.1,
            }
        ],
    )
    # 57,6 − 20 × 0,1 = 55,6 jours ; × 360 000 / 360 = 55 600 €
    assert b["jours_ca"].iloc[-1] == pytest.approx(55.6)
    assert b["montant"].iloc[-1] == pytest.approx(55600)
    with pytest.raises(gc.ErreurCours, match="0,6 pour 60 %"):
        gc.bfre_normatif(360000, 60, 30, 45, 60)
    with pytest.raises(gc.ErreurCours, match="« emploi »"):
        gc.bfre_normatif(
            360000,
            60,
            30,
            45,
            0.6,
            autres_postes=[{"poste": "x", "nature": "actif", "duree_jours": 1, "coefficient": 1}],
        )
    with pytest.raises(gc.ErreurCours, match="stocks doit être positif"):
        gc.bfre_bilan(-1, 100, 50)


# --------------------------------------------------------------------------- balance âgée


def _six_factures() -> pd.DataFrame:
    # Arrêté au 31/10/2026. Retards : −30 (non échu), 0 (échéance le jour même : non échu),
    # 15 (1–30), 45 (31–60), 75 (61–90), 120 (> 90).
    return pd.DataFrame(
        {
            "id_facture": [1, 2, 3, 4, 5, 6],
            "id_client": [10, 10, 10, 20, 20, 20],
            "date_facture": ["2026-10-01", "2026-09-01", "2026-09-15"]
            + ["2026-08-01", "2026-07-01", "2026-06-01"],
            "date_echeance": ["2026-11-30", "2026-10-31", "2026-10-16"]
            + ["2026-09-16", "2026-08-17", "2026-07-03"],
            "montant_ttc": [1200.0, 600.0, 480.0, 2400.0, 360.0, 960.0],
        }
    )


def test_balance_agee_six_factures_tranches_connues():
    reglements = pd.DataFrame(
        {
            "id_facture": [3, 4, 6, 6],
            "date_reglement": ["2026-10-20", "2026-10-05", "2026-10-10", "2026-11-05"],
            "montant": [480.0, 400.0, 100.0, 860.0],  # le dernier arrive après l'arrêté
        }
    )
    b = gc.balance_agee(_six_factures(), "2026-10-31", reglements).set_index("id_client")
    # client 10 : 1 200 + 600 non échus ; la facture 3 est soldée → 1 800 dus, rien d'échu
    assert b.loc[10, "non_echu"] == 1800 and b.loc[10, "total_echu"] == 0
    # client 20 : facture 4 (45 j) 2 400 − 400 = 2 000 ; facture 5 (75 j) 360 ;
    # facture 6 (120 j) 960 − 100 = 860 (le règlement du 05/11 est postérieur)
    assert b.loc[20, "echu_31_60"] == 2000
    assert b.loc[20, "echu_61_90"] == 360
    assert b.loc[20, "echu_plus_90"] == 860
    assert b.loc[20, "echu_1_30"] == 0
    assert b.loc[20, "total_du"] == 3220
    assert list(b.index) == [20, 10]  # du plus gros dû au plus petit


def test_balance_agee_detail_par_facture_et_bornes():
    f = _six_factures().assign(montant_regle=0.0)
    d = gc.balance_agee(f, "2026-10-31", par="facture").set_index("id_facture")
    assert d["retard_jours"].to_dict() == {6: 120, 5: 75, 4: 45, 3: 15, 2: 0, 1: -30}
    assert d["tranche"].to_dict() == {
        6: "echu_plus_90",
        5: "echu_61_90",
        4: "echu_31_60",
        3: "echu_1_30",
        2: "non_echu",
        1: "non_echu",
    }
    # au 30/09/2026, la facture 1 n'est pas encore émise
    assert 1 not in set(gc.balance_agee(f, "2026-09-30", par="facture")["id_facture"])


def test_balance_agee_colonne_manquante_avec_suggestion():
    f = _six_factures().rename(columns={"date_echeance": "echeance"})
    with pytest.raises(gc.NomInconnu, match="il manque la colonne 'date_echeance'.*'echeance'"):
        gc.balance_agee(f, "2026-10-31", pd.DataFrame(columns=["id_facture", "date_reglement"]))
    with pytest.raises(gc.NomInconnu, match="montant_regle"):
        gc.balance_agee(_six_factures(), "2026-10-31")
    with pytest.raises(gc.ErreurCours, match="doit être une date"):
        gc.balance_agee(_six_factures().assign(montant_regle=0), "31/31/2026")


@pytest.fixture(scope="module")
def con():
    return gc.connecter()


def test_balance_agee_sur_la_base_egale_les_creances(con):
    b = gc.balance_agee(gc.table("factures", con), gc.DATE_REFERENCE, gc.table("reglements", con))
    # Oracle indépendant : factures non soldées d'après leur statut au 31/10/2026.
    du = gc.requete(
        """SELECT sum(f.montant_ttc - coalesce((SELECT sum(montant) FROM reglements r
                                                WHERE r.id_facture = f.id_facture), 0))::DOUBLE
           FROM factures f WHERE f.statut <> 'réglée'""",
        con,
    ).iloc[0, 0]
    assert b["total_du"].sum() == pytest.approx(du, abs=0.01)
    assert gc.creances_clients(con=con, professionnels=False) == pytest.approx(du, abs=0.01)


# --------------------------------------------------------------------------- encours, solvabilité


def test_analyse_plafond_decisions():
    a = gc.analyse_plafond(5000, encours=3200, commandes_en_cours=600, nouvelle_commande=900)
    assert a["encours_total"] == 4700 and a["disponible"] == 300  # 3 200 + 600 + 900
    assert a["taux_utilisation"] == pytest.approx(0.94)
    assert a["decision"] == "accepter"
    assert gc.analyse_plafond(5000, 3200, 600, 900, montant_echu=800)["decision"].startswith(
        "accepter après règlement"
    )
    assert gc.analyse_plafond(5000, 3200, 600, 1500)["decision"].startswith("refuser")
    with pytest.raises(gc.ErreurCours, match="l'échu fait partie de l'encours"):
        gc.analyse_plafond(5000, 1000, montant_echu=2000)


def test_encours_clients_sur_la_base(con):
    e = gc.encours_clients(con=con).set_index("id_client")
    assert len(e) == 880
    c = e.loc[618]
    en_cours = gc.requete(
        "SELECT coalesce(sum(montant_ht), 0)::DOUBLE * 1.2 FROM commandes "
        "WHERE id_client = 618 AND statut = 'en cours'",
        con,
    ).iloc[0, 0]
    assert c["commandes_en_cours_ttc"] == pytest.approx(en_cours)
    assert c["encours_total"] == pytest.approx(c["creances_ttc"] + en_cours)
    assert bool(c["depassement"]) == (c["encours_total"] > c["plafond_credit"])


def test_indicateurs_solvabilite_contentieux_en_cote_d(con):
    s = gc.indicateurs_solvabilite(con=con)
    contentieux = set(
        gc.requete("SELECT DISTINCT id_client FROM factures WHERE statut = 'contentieux'", con)[
            "id_client"
        ]
    )
    assert set(s.loc[s["cote"] == "D", "id_client"]) >= contentieux
    assert set(s["cote"]) == {"A", "B", "C", "D"}


def test_ratios_solvabilite():
    r = gc.ratios_solvabilite(150000, 600000, 300000, 250000)
    assert r["autonomie_financiere"] == pytest.approx(0.25)  # 150 / 600
    assert r["liquidite_generale"] == pytest.approx(1.2)  # 300 / 250


# --------------------------------------------------------------------------- gestion du risque


def test_cout_affacturage_cas_de_manuel():
    """Créances 60 000 € TTC, commission 0,8 %, financement 6 %, 60 jours, retenue 10 %.
    commission 480 € HT + TVA 96 € ; retenue 6 000 ; intérêts 54 000 × 6 % × 60/360 = 540 ;
    versé 60 000 − 576 − 540 − 6 000 = 52 884 ; coût 480 + 540 = 1 020 €."""
    c = gc.cout_affacturage(60000, 0.008, 0.06, 60, taux_retenue_garantie=0.10)
    assert c["commission_ht"] == pytest.approx(480)
    assert c["tva_commission"] == pytest.approx(96)
    assert c["interets"] == pytest.approx(540)
    assert c["montant_verse"] == pytest.approx(52884)
    assert c["cout_total"] == pytest.approx(1020)
    assert c["taux_cout"] == pytest.approx(0.017)
    with pytest.raises(gc.ErreurCours, match="0,008 pour 0.8 %|taux attendu en décimal"):
        gc.cout_affacturage(60000, 0.8, 0.06, 60)


def test_plan_de_relance():
    assert gc.etape_relance(-3)[0] == "non échue"
    assert gc.etape_relance(0)[0] == "échéance"
    assert gc.etape_relance(8)[0] == "relance 1"
    assert gc.etape_relance(44)[0] == "relance 2"
    assert gc.etape_relance(45)[0] == "relance 3"
    assert gc.etape_relance(200)[0] == "contentieux"


def test_bilan_relances_compte_toutes_les_relances(con):
    b = gc.bilan_relances(con)
    assert b["nb_relances"].sum() == len(gc.table("relances", con))
    # le niveau 1 part vers J+8, le niveau 3 vers J+45 (dictionnaire des données)
    assert b.loc[b["niveau"] == 1, "delai_moyen_jours"].iloc[0] < 15
    assert b.loc[b["niveau"] == 3, "delai_moyen_jours"].iloc[0] > 40


# --------------------------------------------------------------------------- actions sur le BFRE


def test_effet_reduction_delai():
    # CA TTC 1 200 000 ; 10 jours de moins → 1 200 000 × 10 / 360 = 33 333,33 € ; × 6 % = 2 000
    e = gc.effet_reduction_delai(1200000, 10, 0.06)
    assert e["reduction_bfre"] == pytest.approx(33333.3333)
    assert e["economie_annuelle"] == pytest.approx(2000)


def test_effet_escompte_de_reglement():
    """CA HT 1 000 000, la moitié des clients prend un escompte de 1 % pour payer à 10 j au
    lieu de 60 j ; financement à 6 %, TVA 20 %.
    coût : 500 000 × 1 % = 5 000 € ;
    créances avant : 500 000 × 1,2 × 60 / 360 = 100 000 € ; après : 500 000 × 0,99 × 1,2 × 10 / 360
    = 16 500 € ; BFRE libéré 83 500 € ; financement économisé sur les 594 000 € TTC encaissés
    50 jours plus tôt : 594 000 × 50 / 360 × 6 % = 4 950 € ; gain net −50 € ;
    taux équivalent 1/99 × 360/50 = 7,27 % > 6 % : l'escompte ne se justifie pas ici."""
    e = gc.effet_escompte_reglement(1000000, 0.01, 0.5, 60, 10, 0.06)
    assert e["cout_escompte"] == pytest.approx(5000)
    assert e["reduction_bfre"] == pytest.approx(83500)
    assert e["economie_financement"] == pytest.approx(4950)
    assert e["gain_net"] == pytest.approx(-50)
    assert e["taux_annuel_equivalent"] == pytest.approx(0.01 / 0.99 * 360 / 50)
    with pytest.raises(gc.ErreurCours, match="payer plus tôt"):
        gc.effet_escompte_reglement(1000000, 0.01, 0.5, 30, 30, 0.06)
    with pytest.raises(gc.ErreurCours, match="taux attendu en décimal"):
        gc.effet_escompte_reglement(1000000, 2, 0.5, 60, 10, 0.06)


def test_effet_reduction_stock():
    # CAMV 480 000 ; 6 jours de stock en moins → 8 000 € ; × (6 % + 4 %) = 800 €
    e = gc.effet_reduction_stock(480000, 6, 0.06, 0.04)
    assert e["reduction_bfre"] == pytest.approx(8000)
    assert e["economie_annuelle"] == pytest.approx(800)
