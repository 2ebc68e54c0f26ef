"""Communication médias : indicateurs calculés à la main, rentabilité, suivi d'une campagne."""

from __future__ import annotations

import pandas as pd
import pytest

import gc_helpers as gc

DATA = gc.chemin_donnees("campagnes.csv").parent


@pytest.fixture(scope="module")
def con():
    return gc.connecter(par_defaut=False)


def test_indicateurs_media_exemple_du_cours():
    # Cible 20 000, 8 000 touchés, 24 000 contacts, 6 000 € :
    # couverture 8 000 / 20 000 = 40 % ; répétition 24 000 / 8 000 = 3 ; GRP 40 × 3 = 120 ;
    # CPM 6 000 / 24 000 × 1 000 = 250 € ; coût du GRP 6 000 / 120 = 50 €.
    s = gc.indicateurs_media(20000, 8000, 24000, 6000)
    assert list(s.index) == ["couverture", "repetition", "grp", "cpm", "cout_grp"]
    assert s.tolist() == pytest.approx([0.40, 3.0, 120.0, 250.0, 50.0])


def test_indicateurs_media_campagne_courriel_boutiques_2022():
    # Campagne 3 : cible 950, audience 765, contacts 1 624, coût 950 €.
    s = gc.indicateurs_media(950, 765, 1624, 950)
    assert s["couverture"] == pytest.approx(0.805263, abs=1e-6)  # 765 / 950
    assert s["repetition"] == pytest.approx(2.122876, abs=1e-6)  # 1 624 / 765
    assert s["grp"] == pytest.approx(170.947368, abs=1e-6)  # 80,5263 × 2,122876
    assert s["cpm"] == pytest.approx(584.975369, abs=1e-6)  # 950 / 1 624 × 1 000
    assert s["cout_grp"] == pytest.approx(5.557266, abs=1e-6)  # 950 / 170,947


@pytest.mark.parametrize(
    ("arguments", "morceau"),
    [
        ((1000, 1200, 2400, 500), "dépasse la population cible"),
        ((1000, 800, 400, 500), "Avez-vous inversé"),
        ((1000, 800, 1600, -5), "positif ou nul"),
        ((0, 0, 0, 500), "strictement positif"),
        (("1000", 800, 1600, 500), "doit être un nombre"),
    ],
)
def test_indicateurs_media_refuse_les_donnees_incoherentes(arguments, morceau):
    with pytest.raises(gc.ErreurCours, match=morceau):
        gc.indicateurs_media(*arguments)


def test_plan_media_additionne_les_grp_des_supports():
    supports = pd.DataFrame(
        {
            "support": ["Radio", "Presse"],
            "audience_utile": [40000, 10000],
            "insertions": [5, 2],
            "cout_insertion": [800.0, 1500.0],
        }
    )
    p = gc.plan_media(supports, 200000).set_index("support")
    # Radio : 40 000 × 5 = 200 000 contacts, 4 000 € ; GRP = 20 % × 5 = 100 ; CPM 20 €.
    # Presse : 20 000 contacts, 3 000 € ; GRP = 5 % × 2 = 10 ; CPM 150 €.
    assert p.loc["Radio", ["contacts_utiles", "cout", "grp", "cpm"]].tolist() == pytest.approx(
        [200000, 4000, 100, 20]
    )
    assert p.loc["Presse", ["grp", "cpm"]].tolist() == pytest.approx([10, 150])
    # Plan : 110 GRP, 7 000 €, CPM = 7 000 / 220 000 × 1 000 = 31,818 ; coût du GRP 63,64.
    assert p.loc["Plan", "grp"] == pytest.approx(110)
    assert p.loc["Plan", "cpm"] == pytest.approx(7000 / 220000 * 1000)
    assert p.loc["Plan", "cout_grp"] == pytest.approx(7000 / 110)
    assert pd.isna(p.loc["Plan", "couverture"])
    with pytest.raises(gc.ErreurCours, match="cout_insertion"):
        gc.plan_media(supports.drop(columns="cout_insertion"), 200000)


def test_taux_marque_ventes_egale_le_calcul_pandas(con):
    lignes = pd.read_csv(DATA / "lignes_commande.csv")
    commandes = pd.read_csv(DATA / "commandes.csv", parse_dates=["date_commande"])
    produits = pd.read_csv(DATA / "produits.csv")
    d = lignes.merge(commandes[["id_commande", "statut", "date_commande"]]).merge(
        produits[["id_produit", "cout_achat_ht"]]
    )
    d = d[(d["statut"] != "annulée") & (d["date_commande"].dt.year == 2024)]
    ventes = d["montant_ht"].sum()
    attendu = (ventes - (d["quantite"] * d["cout_achat_ht"]).sum()) / ventes
    assert gc.taux_marque_ventes("2024-01-01", "2024-12-31", con) == pytest.approx(attendu)


def test_rentabilite_campagnes_roi_sur_la_marge(con):
    r = gc.rentabilite_campagnes(taux_marque=0.45, con=con).set_index("id_campagne")
    assert len(r) == len(pd.read_csv(DATA / "campagnes.csv"))
    c3 = r.loc[3]
    # CA 47 094,28 × 45 % = 21 192,426 de marge ; ROI = (21 192,426 − 950) / 950 = 21,3078.
    assert c3["marge_generee"] == pytest.approx(21192.426)
    assert c3["roi"] == pytest.approx((21192.426 - 950) / 950)
    assert c3["grp"] == pytest.approx(1624 / 950 * 100)
    assert c3["taux_retour"] == pytest.approx(75 / 765)
    assert c3["taux_transformation"] == pytest.approx(26 / 75)
    assert c3["cout_par_commande"] == pytest.approx(950 / 26)
    with pytest.raises(gc.ErreurCours, match="0,45 pour 45 %"):
        gc.rentabilite_campagnes(taux_marque=45, con=con)


def test_rentabilite_campagnes_taux_de_marque_de_l_annee(con):
    r = gc.rentabilite_campagnes(con=con).set_index("id_campagne")
    assert r.loc[17, "taux_marque"] == pytest.approx(
        gc.taux_marque_ventes("2024-01-01", "2024-12-31", con)
    )


def test_suivi_campagne_clients_de_la_cible_du_commercial(con):
    # Campagne 2 : publipostage aux hôtels indépendants (5 mars → 4 avril 2022), commercial 1.
    clients = pd.read_csv(
        DATA / "clients.csv", parse_dates=["date_creation"], dtype={"code_postal": str}
    )
    cible = clients[
        (clients["secteur_activite"] == "hôtel")
        & (clients["id_commercial"] == 1)
        & (clients["date_creation"] <= "2022-04-04")
    ]
    commandes = pd.read_csv(DATA / "commandes.csv", parse_dates=["date_commande"])
    commandes = commandes[commandes["statut"] != "annulée"]
    pendant = commandes[commandes["date_commande"].between("2022-03-05", "2022-05-04")]
    ca = pendant.groupby("id_client")["montant_ht"].sum()

    s = gc.suivi_campagne(2, id_commercial=1, con=con)
    assert sorted(s["id_client"]) == sorted(cible["id_client"])
    attendu = s["id_client"].map(ca).fillna(0)
    assert s["ca_campagne"].tolist() == pytest.approx(attendu.tolist())
    assert (s["a_commande"] == (attendu > 0)).all()
    # Les clients à relancer d'abord, les plus gros en tête.
    a_relancer = s[~s["a_commande"]]
    assert s["a_commande"].is_monotonic_increasing
    assert a_relancer["ca_annee_precedente"].is_monotonic_decreasing


def test_suivi_campagne_courriel_seulement_les_clients_qui_ont_consenti(con):
    s = gc.suivi_campagne(3, con=con)  # courriel aux boutiques de souvenirs
    clients = pd.read_csv(DATA / "clients.csv").set_index("id_client")
    assert clients.loc[s["id_client"], "optin_email"].all()
    assert (clients.loc[s["id_client"], "secteur_activite"] == "boutique de souvenirs").all()


def test_suivi_campagne_inconnue_ou_mauvais_commercial(con):
    with pytest.raises(gc.ErreurCours, match="la campagne 99 n'existe pas"):
        gc.suivi_campagne(99, con=con)
    with pytest.raises(gc.ErreurCours, match="id_commercial doit être un nombre"):
        gc.suivi_campagne(2, id_commercial="Vasseur", con=con)


def test_taux_marque_ventes_periode_vide_ou_date_illisible(con):
    with pytest.raises(gc.ErreurCours, match="aucune vente"):
        gc.taux_marque_ventes("2030-01-01", "2030-12-31", con)
    with pytest.raises(gc.ErreurCours, match="n'est pas une date"):
        gc.taux_marque_ventes("01/01/2025", None, con)
