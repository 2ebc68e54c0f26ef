"""Valeur et rentabilité client : exemples calculés à la main, oracle numpy-financial, erreurs."""

from __future__ import annotations

import importlib

import numpy_financial as npf
import pandas as pd
import pytest

import gc_helpers as gc

vc = importlib.import_module("gc_helpers.valeur_client")


# --------------------------------------------------------------------------- valeur à vie


def test_valeur_client_trois_ans_fidelite_80_pour_cent_a_10_pour_cent():
    # année 1 : 1 000 / 1,1 = 909,0909 ; année 2 : 1 000 × 0,8 / 1,1² = 661,1570 ;
    # année 3 : 1 000 × 0,64 / 1,1³ = 480,8414 → 2 051,0894
    attendu = 1000 / 1.1 + 800 / 1.21 + 640 / 1.331
    assert gc.valeur_client(1000, 0.8, 0.10, 3) == pytest.approx(attendu, abs=1e-9)
    assert round(gc.valeur_client(1000, 0.8, 0.10, 3), 2) == 2051.09


def test_valeur_client_fidelite_totale_egale_une_valeur_actuelle_d_annuites():
    # Un client fidèle à 100 % : la valeur est celle d'une suite d'annuités constantes.
    attendu = npf.pv(0.08, 5, -2500)
    assert gc.valeur_client(2500, 1.0, 0.08, 5) == pytest.approx(attendu, abs=1e-6)


def test_valeur_client_detail_colonnes_et_cumul():
    d = gc.valeur_client_detail(1000, 0.8, 0.10, 3)
    assert list(d.columns) == [
        "annee",
        "probabilite_fidelite",
        "marge_esperee",
        "coefficient_actualisation",
        "marge_actualisee",
        "cumul",
    ]
    assert d["probabilite_fidelite"].tolist() == pytest.approx([1, 0.8, 0.64])
    assert d["coefficient_actualisation"].tolist() == pytest.approx([1 / 1.1, 1 / 1.21, 1 / 1.331])
    assert d["cumul"].iloc[-1] == pytest.approx(gc.valeur_client(1000, 0.8, 0.10, 3))


def test_valeur_client_accepte_une_fidelite_de_100_pour_cent():
    # Fidélité 1 : 1 000 / 1,1 + 1 000 / 1,21 = 909,09 + 826,45 ; hors finance, 1 reste permis.
    assert gc.valeur_client(1000, 1, 0.10, 2) == pytest.approx(1000 / 1.1 + 1000 / 1.21)


@pytest.mark.parametrize(
    ("args", "morceau"),
    [
        ((1000, 80, 0.10, 3), "0,8 pour 80 %"),
        ((1000, 0.8, 10, 3), "0,1 pour 10 %"),
        ((1000, 0.8, 0.10, 2.5), "nombre entier"),
        ((1000, 0.8, 0.10, 0), "nombre entier"),
        (("1000", 0.8, 0.10, 3), "doit être un nombre"),
    ],
)
def test_valeur_client_refuse_les_mauvaises_saisies(args, morceau):
    with pytest.raises(gc.ErreurCours, match=morceau):
        gc.valeur_client(*args)


def test_cout_acquisition_roi_attrition():
    assert gc.cout_acquisition_client(12000, 40) == 300  # 12 000 / 40
    # ROI sur la marge : marge 15 000 pour un coût de 12 000 → 3 000 / 12 000 = 25 %
    assert gc.retour_sur_investissement(15000, 12000) == pytest.approx(0.25)
    assert gc.retour_sur_investissement(9000, 12000) == pytest.approx(-0.25)
    assert gc.taux_attrition(18, 240) == pytest.approx(0.075)  # 18 / 240
    with pytest.raises(gc.ErreurCours, match="strictement positif"):
        gc.cout_acquisition_client(12000, 0)
    with pytest.raises(gc.ErreurCours, match="impossible"):
        gc.taux_attrition(300, 240)
    with pytest.raises(gc.ErreurCours, match="positif ou nul"):
        gc.cout_acquisition_client(-5, 3)


# --------------------------------------------------------------------------- compte d'exploitation


@pytest.fixture(scope="module")
def con():
    return gc.connecter()


def test_compte_exploitation_d_un_client_recalcule_a_la_main(con):
    """Chaque poste du client 618 recalculé par des requêtes indépendantes et les hypothèses."""
    ce = gc.compte_exploitation_client(618, con=con).iloc[0]
    periode = "BETWEEN DATE '2025-11-01' AND DATE '2026-10-31'"
    ventes = gc.requete(
        f"""SELECT sum(montant_ht)::DOUBLE AS ca, count(*) AS n FROM commandes
            WHERE id_client = 618 AND statut <> 'annulée' AND date_commande {periode}""",
        con,
    ).iloc[0]
    lignes = gc.requete(
        f"""SELECT l.quantite, l.prix_unitaire_ht::DOUBLE AS pu, p.cout_achat_ht::DOUBLE AS cu
            FROM lignes_commande l JOIN commandes c USING (id_commande) JOIN produits p
            USING (id_produit)
            WHERE c.id_client = 618 AND c.statut <> 'annulée' AND c.date_commande {periode}""",
        con,
    )
    contacts = gc.requete(
        f"SELECT duree_minutes, km_parcourus FROM contacts "
        f"WHERE id_client = 618 AND date_contact {periode}",
        con,
    )
    reclam = gc.requete(
        f"SELECT geste_commercial_ht::DOUBLE AS g FROM reclamations "
        f"WHERE id_client = 618 AND date_reclamation {periode}",
        con,
    )
    relances = gc.requete(
        f"SELECT count(*) AS n FROM relances JOIN factures USING (id_facture) "
        f"WHERE id_client = 618 AND date_relance {periode}",
        con,
    ).iloc[0, 0]
    ca = ventes["ca"]
    achats = float((lignes["quantite"] * lignes["cu"]).sum())
    brut = float((lignes["quantite"] * lignes["pu"]).sum())
    contacts_eur = contacts["duree_minutes"].sum() / 60 * 35 + contacts["km_parcourus"].sum() * 0.6
    logistique = ventes["n"] * 12 + ca * 0.03
    reclamations = len(reclam) * 40 + reclam["g"].sum()
    resultat = ca - achats - contacts_eur - logistique - reclamations - relances * 8
    assert ce["chiffre_affaires_ht"] == pytest.approx(ca, abs=0.005)
    assert ce["remises"] == pytest.approx(brut - ca, abs=0.01)
    assert ce["cout_achat_marchandises"] == pytest.approx(achats, abs=0.005)
    assert ce["cout_contacts"] == pytest.approx(contacts_eur, abs=0.005)
    assert ce["cout_logistique"] == pytest.approx(logistique, abs=0.005)
    assert ce["cout_reclamations"] == pytest.approx(reclamations, abs=0.005)
    assert ce["nb_relances"] == relances
    assert ce["resultat_client"] == pytest.approx(resultat, abs=0.01)
    assert ce["taux_marque"] == pytest.approx((ca - achats) / ca)


def test_compte_exploitation_hypotheses_modifiables(con):
    base = gc.compte_exploitation_client(618, con=con).iloc[0]
    cher = gc.compte_exploitation_client(618, hypotheses={"cout_relance": 18.0}, con=con).iloc[0]
    # 10 € de plus par relance : le résultat baisse de 10 × nombre de relances
    assert base["resultat_client"] - cher["resultat_client"] == pytest.approx(
        10 * base["nb_relances"]
    )


def test_compte_exploitation_de_tous_les_clients_somme_le_ca(con):
    ce = gc.compte_exploitation_client(con=con)
    ca = gc.requete(
        "SELECT sum(montant_ht)::DOUBLE FROM commandes WHERE statut <> 'annulée' "
        "AND date_commande BETWEEN DATE '2025-11-01' AND DATE '2026-10-31'",
        con,
    ).iloc[0, 0]
    assert ce["chiffre_affaires_ht"].sum() == pytest.approx(ca, abs=0.01)
    assert ce["id_client"].is_unique


def test_presenter_compte_exploitation(con):
    p = gc.presenter_compte_exploitation(gc.compte_exploitation_client(618, con=con))
    assert p["poste"].iloc[2] == "= Chiffre d'affaires net HT"
    assert p["part_ca"].iloc[2] == 1
    with pytest.raises(gc.ErreurCours, match="UN client"):
        gc.presenter_compte_exploitation(gc.compte_exploitation_client(con=con))


def test_compte_exploitation_erreurs(con):
    with pytest.raises(gc.NomInconnu, match="Vouliez-vous dire 'cout_relance'"):
        gc.compte_exploitation_client(618, hypotheses={"cout_relances": 5}, con=con)
    with pytest.raises(gc.ErreurCours, match="0,05 pour 5 %"):
        gc.compte_exploitation_client(618, hypotheses={"taux_transport": 5}, con=con)
    with pytest.raises(gc.ErreurCours, match="aucune activité du client n° 999999"):
        gc.compte_exploitation_client(999999, con=con)
    with pytest.raises(gc.ErreurCours, match="Inversez debut et fin"):
        gc.compte_exploitation_client(618, debut="2026-10-01", fin="2026-01-01", con=con)


# --------------------------------------------------------------------------- potentiel, scoring


def test_potentiel_client_a_la_main():
    p = gc.potentiel_client(12000, 40000, 0.5)
    # accessible = 40 000 × 0,5 = 20 000 ; part = 12 000 / 40 000 = 30 % ; reste 8 000
    assert p["potentiel_accessible"] == 20000
    assert p["part_de_portefeuille"] == pytest.approx(0.3)
    assert p["potentiel_restant"] == 8000
    plusieurs = gc.potentiel_client(pd.Series([5000, 30000]), pd.Series([10000, 20000]), 0.8)
    assert plusieurs["potentiel_restant"].tolist() == [3000, 0]  # 8 000 − 5 000 ; déjà dépassé
    with pytest.raises(gc.ErreurCours, match="strictement positif"):
        gc.potentiel_client(1000, 0)
    with pytest.raises(gc.ErreurCours, match="0,6 pour 60 %"):
        gc.potentiel_client(1000, 5000, 60)


def test_qualifier_client_les_quatre_cases():
    ca = pd.Series([30000, 30000, 2000, 2000])
    part = pd.Series([0.8, 0.2, 0.2, 0.8])
    assert gc.qualifier_client(ca, part, seuil_ca=10000).tolist() == [
        "client clé : fidéliser",
        "à développer : gros potentiel restant",
        "à conquérir : potentiel inexploité",
        "à suivre à moindre coût",
    ]


def test_score_valeur_grille_a_la_main():
    df = pd.DataFrame({"ca": [25000, 8000, 1000], "anciennete": [6, 1, 3]})
    s = gc.score_valeur(df, {"ca": (3, [5000, 10000, 20000]), "anciennete": (1, [2, 5])})
    # client 1 : 3×3 + 1×2 = 11 / 11 → 20 ; client 2 : 3×1 + 0 = 3/11 → 5,45 ; client 3 : 1/11
    assert s.tolist() == pytest.approx([20, 3 / 11 * 20, 1 / 11 * 20])
    with pytest.raises(gc.NomInconnu, match="Vouliez-vous dire 'ca'"):
        gc.score_valeur(df, {"CA": (1, [1000])})
    with pytest.raises(gc.ErreurCours, match="poids, \\[seuils\\]"):
        gc.score_valeur(df, {"ca": 3})


def test_valeur_prospects_taux_de_conversion_de_l_origine(con):
    v = gc.valeur_prospects(con)
    assert set(v["statut"]) <= {"nouveau", "en cours"}
    clos = gc.requete(
        "SELECT count(*) FILTER (WHERE statut = 'converti')::DOUBLE / "
        "count(*) FILTER (WHERE statut IN ('converti', 'perdu')) FROM prospects "
        "WHERE origine = 'recommandation'",
        con,
    ).iloc[0, 0]
    reco = v[v["origine"] == "recommandation"]
    assert reco["taux_conversion_origine"].iloc[0] == pytest.approx(clos)
    assert (reco["ca_espere"] == reco["ca_potentiel_annuel"] * clos).all()
    assert v["ca_espere"].is_monotonic_decreasing


def test_la_fonction_et_le_module_portent_le_meme_nom():
    """gc.valeur_client reste la fonction même après l'import du module (DESIGN §3)."""
    assert callable(gc.compte_exploitation_client)  # importe gc_helpers.valeur_client
    assert callable(gc.valeur_client) and gc.valeur_client is vc.valeur_client
