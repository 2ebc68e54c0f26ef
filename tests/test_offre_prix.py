"""Tests des unités S442 (devis, gamme) et S443 (prix) : exemples calculés à la main."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import gc_helpers as gc
from gc_helpers._erreurs import ErreurCours

# --------------------------------------------------------------------------- cascade du devis


def test_cascade_complete_a_un_taux_calculee_a_la_main():
    c = gc.net_a_payer(
        2000,
        remises=(0.10, 0.05),
        rabais=0.02,
        ristourne=0.01,
        taux_escompte=0.02,
        port_ht=25,
        acompte=300,
    )
    assert c["remise_1"] == pytest.approx(-200)  # 2 000 × 10 %
    assert c["net_apres_remise_1"] == pytest.approx(1800)
    assert c["remise_2"] == pytest.approx(-90)  # sur 1 800, pas sur 2 000
    assert c["rabais"] == pytest.approx(-1710 * 0.02)  # 34,20
    assert c["ristourne"] == pytest.approx(-1675.80 * 0.01)  # 16,758
    assert c["net_commercial"] == pytest.approx(1659.042)
    assert c["escompte"] == pytest.approx(-33.18084)  # 2 % du net commercial
    assert c["net_financier"] == pytest.approx(1625.86116)
    assert c["total_ht"] == pytest.approx(1650.86116)  # + port, non escompté
    assert c["tva"] == pytest.approx(330.172232)
    assert c["total_ttc"] == pytest.approx(1981.033392)
    assert c["net_a_payer"] == pytest.approx(1681.033392)


def test_sans_reduction_la_cascade_est_courte():
    c = gc.net_a_payer(100)
    assert list(c.index) == [
        "brut_ht",
        "net_commercial",
        "net_financier",
        "tva",
        "total_ttc",
        "net_a_payer",
    ]
    assert c["net_a_payer"] == pytest.approx(120)


def test_devis_a_deux_taux_de_tva_calcule_a_la_main():
    lignes = pd.DataFrame(
        {
            "designation": ["Plaid polaire", "Coffret chocolats", "Taie hôtel"],
            "quantite": [12, 24, 100],
            "prix_unitaire_ht": [14.90, 8.50, 5.90],
            "taux_tva": [0.20, 0.055, 0.20],
            "taux_remise": [0.0, 0.0, 0.10],  # remise de ligne sur les taies
        }
    )
    d = gc.devis(lignes, remises=(0.05,), taux_escompte=0.01, port_ht=40, acompte=200)
    # Lignes : 178,80 ; 204,00 ; 590 × 0,90 = 531,00 → brut 913,80
    assert d.montant("Total brut HT") == pytest.approx(913.80)
    assert d.montant("Net commercial HT") == pytest.approx(913.80 * 0.95)  # 868,11
    assert d.montant("Escompte") == pytest.approx(-868.11 * 0.01)
    base_20 = (178.80 + 531.00) * 0.95 * 0.99 + 40  # port au taux normal
    base_55 = 204.00 * 0.95 * 0.99
    assert d.tva["base_ht"].tolist() == pytest.approx([base_55, base_20])
    assert d.tva["tva"].tolist() == pytest.approx([base_55 * 0.055, base_20 * 0.20])
    ttc = base_20 * 1.20 + base_55 * 1.055
    assert d.montant("Total TTC") == pytest.approx(ttc)
    assert d.net_a_payer == pytest.approx(ttc - 200)
    html = d.html()
    assert "Net commercial HT" in html and "Coffret chocolats" in html
    assert gc.euros(ttc - 200) in html
    assert f" sur {gc.euros(base_55)}" in html  # la base de chaque taux


def test_port_a_un_taux_absent_des_lignes():
    lignes = pd.DataFrame(
        {"designation": ["A"], "quantite": [1], "prix_unitaire_ht": [100.0], "taux_tva": [0.055]}
    )
    d = gc.devis(lignes, port_ht=10)
    assert d.tva["taux_tva"].tolist() == [0.055, 0.20]
    assert d.net_a_payer == pytest.approx(105.5 + 12)


@pytest.mark.parametrize(
    ("appel", "morceau"),
    [
        (lambda: gc.net_a_payer(1000, remises=(10,)), "0,1 pour 10 %"),
        (lambda: gc.net_a_payer(1000, remises="10 %"), "liste de taux décimaux"),
        (lambda: gc.net_a_payer(1000, taux_escompte=2), "taux attendu en décimal"),
        (lambda: gc.net_a_payer(-5), "strictement positif"),
        (lambda: gc.net_a_payer("1000"), "virgule décimale"),
        (lambda: gc.net_a_payer(100, acompte=500), "dépasse le total TTC"),
        (
            lambda: gc.devis(
                pd.DataFrame({"designation": ["A"], "quantite": [1], "prix_unitaire_ht": [1.0]})
            ),
            "taux_tva",
        ),
        (
            lambda: gc.devis(
                pd.DataFrame(columns=["designation", "quantite", "prix_unitaire_ht", "taux_tva"])
            ),
            "aucune ligne",
        ),
    ],
)
def test_devis_refuse_les_erreurs_en_francais(appel, morceau):
    with pytest.raises(ErreurCours, match=None) as erreur:
        appel()
    assert morceau in str(erreur.value)


def test_structure_gamme_sur_la_table_produits():
    produits = gc.table("produits")
    s = gc.structure_gamme(produits)
    actifs = produits[produits["actif"]]
    assert s.largeur == actifs["famille"].nunique() == 7
    assert s.profondeur.sum() == len(actifs) == 61
    assert s.profondeur_moyenne == pytest.approx(61 / 7)
    assert s.tableau.loc["total", "total"] == 61
    assert gc.structure_gamme(produits, actifs_seulement=False).profondeur.sum() == 64


# --------------------------------------------------------------------------- marges


def test_marges_calculees_a_la_main():
    # Coût 21 €, prix 39,90 € HT : marge 18,90 €.
    assert gc.taux_marge(39.90, 21) == pytest.approx(18.90 / 21)  # 90 %
    assert gc.taux_marque(39.90, 21) == pytest.approx(18.90 / 39.90)  # 47,37 %
    assert gc.coefficient_multiplicateur(39.90 * 1.2, 21) == pytest.approx(2.28)
    assert gc.taux_marque_depuis_marge(0.5) == pytest.approx(1 / 3)
    assert gc.taux_marge_depuis_marque(1 / 3) == pytest.approx(0.5)


def test_prix_de_vente_par_les_trois_chemins():
    # Coût 60 € ; taux de marge 25 % → PV HT 75 € ; marque 20 % ; coefficient 75 × 1,2 / 60.
    par_marge = gc.prix_de_vente(60, taux_de_marge=0.25)
    assert par_marge["prix_vente_ht"] == pytest.approx(75)
    assert par_marge["taux_marque"] == pytest.approx(0.20)
    assert par_marge["coefficient"] == pytest.approx(1.5)
    assert par_marge["prix_vente_ttc"] == pytest.approx(90)
    assert gc.prix_de_vente(60, taux_de_marque=0.20)["prix_vente_ht"] == pytest.approx(75)
    assert gc.prix_de_vente(60, coefficient=1.5)["prix_vente_ht"] == pytest.approx(75)


@pytest.mark.parametrize(
    ("appel", "morceau"),
    [
        (lambda: gc.prix_de_vente(60), "exactement un des trois"),
        (lambda: gc.prix_de_vente(60, taux_de_marge=0.2, taux_de_marque=0.2), "reçu 2"),
        (lambda: gc.taux_marge(40, 0), "strictement positif"),
        (lambda: gc.taux_marque(0, 10), "strictement positif"),
        (lambda: gc.taux_marge_depuis_marque(1), "inférieur à 1"),
        (lambda: gc.taux_marge_depuis_marque(40), "0,4 pour 40 %"),
        (lambda: gc.prix_de_vente(60, taux_de_marge=25), "0,25 pour 25 %"),
        (lambda: gc.taux_marque_depuis_marge(25), "0,25 pour 25 %"),
    ],
)
def test_marges_refusent_les_erreurs(appel, morceau):
    with pytest.raises(ErreurCours) as erreur:
        appel()
    assert morceau in str(erreur.value)


# --------------------------------------------------------------------------- demande


def test_elasticite_arc_a_la_main():
    # Prix 50 → 45 (−10 %), quantités 1 000 → 1 150 (+15 %) : élasticité −1,5.
    assert gc.elasticite_prix(50, 45, 1000, 1150) == pytest.approx(-1.5)
    with pytest.raises(ErreurCours, match="le prix n'a pas changé"):
        gc.elasticite_prix(50, 50, 1000, 900)


def test_elasticite_estimee_contre_numpy_polyfit():
    rng = np.random.default_rng(1)
    p = rng.uniform(10, 40, 50)
    q = 5000 * p**-1.3 * np.exp(rng.normal(0, 0.1, 50))
    pente = np.polyfit(np.log(p), np.log(q), 1)[0]
    assert gc.estimer_elasticite(p, q) == pytest.approx(pente)


def test_elasticite_par_groupe_neutralise_la_taille_des_clients():
    # Gros client : 100 puis 80 unités quand le prix passe de 10 à 12 ; petit : 10 puis 8.
    prix, quantites = [10, 12, 10, 12], [100, 80, 10, 8]
    attendu = np.log(0.8) / np.log(1.2)  # −1,2239
    assert gc.estimer_elasticite(prix, quantites, ["g", "g", "p", "p"]) == pytest.approx(attendu)
    with pytest.raises(ErreurCours, match="un groupe par observation"):
        gc.estimer_elasticite(prix, quantites, ["g"])
    with pytest.raises(ErreurCours, match="autant de prix que de quantités"):
        gc.estimer_elasticite([10, 12], [5])


def test_simulation_de_prix_a_la_main():
    s = gc.simuler_prix(36, 40, 1000, -1.5, 20)
    volume = 1000 * 0.9**-1.5  # 1 171,24
    assert s["volume"] == pytest.approx(volume)
    assert s["chiffre_affaires"] == pytest.approx(36 * volume)
    assert s["marge"] == pytest.approx(16 * volume)


# --------------------------------------------------------------------------- prix psychologique


def test_prix_psychologique_compte_a_la_main():
    mini = [20, 30, 30, 40, 50]
    maxi = [40, 50, 60, 60, 70]
    r = gc.prix_psychologique(mini, maxi, prix_candidats=[25, 40, 50, 65])
    t = r.tableau.set_index("prix")
    # p = 40 : mini > 40 → 1 (50) ; maxi < 40 → 0 ; acheteurs 4/5 (bornes incluses).
    assert t.loc[40].tolist() == pytest.approx([0.2, 0.0, 0.8])
    # p = 50 : personne au-dessus de son mini ; maxi < 50 → 1 (40) ; acheteurs 4/5.
    assert t.loc[50].tolist() == pytest.approx([0.0, 0.2, 0.8])
    assert t.loc[25, "acheteurs"] == pytest.approx(0.2)
    assert r.meilleur_prix == 40  # égalité 40 / 50 : le prix le plus bas
    assert r.effectif == 5


def test_prix_psychologique_par_defaut_tous_les_prix_cites():
    r = gc.prix_psychologique([10, 20], [30, 40])
    assert r.tableau["prix"].tolist() == [10, 20, 30, 40]


def test_prix_psychologique_refuse_mini_superieur_au_maxi():
    with pytest.raises(ErreurCours, match="prix mini supérieur au prix maxi"):
        gc.prix_psychologique([10, 50], [30, 40])
    with pytest.raises(ErreurCours, match="un prix maxi par prix mini"):
        gc.prix_psychologique([10, 20], [30])


def test_enquete_prix_livree():
    e = pd.read_csv(gc.chemin_donnees("enquete_prix.csv"))
    assert len(e) == 200 and (e["prix_mini"] < e["prix_maxi"]).all()
    r = gc.prix_psychologique(e["prix_mini"], e["prix_maxi"])
    # oracle : comptage direct au meilleur prix
    p = r.meilleur_prix
    assert r.acheteurs_max == pytest.approx(((e["prix_mini"] <= p) & (e["prix_maxi"] >= p)).mean())


# --------------------------------------------------------------------------- concurrence, paliers


def test_positionnement_a_la_main():
    nous = pd.DataFrame({"reference": ["A", "B", "C"], "prix_vente_ht": [10.0, 20.0, 30.0]})
    eux = pd.DataFrame(
        {
            "reference": ["A", "A", "B", "C", "C"],
            "concurrent": ["X", "Y", "X", "X", "Y"],
            "prix_vente_ht": [9.0, 11.0, 25.0, 28.0, 29.0],
        }
    )
    t = gc.positionnement_prix(nous, eux).set_index("reference")
    assert t["indice_prix"].tolist() == pytest.approx([100, 80, 30 / 28.5 * 100])
    assert t["position"].tolist() == ["aligné", "en dessous", "au-dessus"]  # 105,3 > 105


def test_positionnement_sur_le_releve_livre():
    releve = pd.read_csv(gc.chemin_donnees("prix_concurrents.csv"))
    t = gc.positionnement_prix(gc.table("produits"), releve)
    assert set(t["position"]) == {"aligné", "en dessous", "au-dessus"}
    with pytest.raises(ErreurCours, match="il manque la colonne 'concurrent'"):
        gc.positionnement_prix(gc.table("produits"), releve.drop(columns="concurrent"))


def test_paliers_global_et_par_tranches_a_la_main():
    paliers = {1: 0.0, 50: 0.05, 100: 0.10}
    g = gc.prix_par_paliers(120, 10, paliers)
    assert g["montant_net_ht"] == pytest.approx(1080)  # 120 × 10 × 0,90
    t = gc.prix_par_paliers(120, 10, paliers, mode="tranches")
    assert t["montant_net_ht"] == pytest.approx(49 * 10 + 50 * 9.5 + 21 * 9)  # 1 154
    assert gc.prix_par_paliers(30, 10, paliers)["remise"] == 0
    with pytest.raises(ErreurCours, match="'global' ou 'tranches'"):
        gc.prix_par_paliers(10, 10, paliers, mode="progressif")
    with pytest.raises(ErreurCours, match="taux attendu en décimal"):
        gc.prix_par_paliers(10, 10, {1: 5})


def test_generateur_des_fichiers_de_prix_deterministe(tmp_path, monkeypatch):
    """Relancer data/generer_prix.py redonne exactement les fichiers livrés."""
    import importlib.util
    import shutil
    from pathlib import Path

    data = Path(__file__).resolve().parent.parent / "data"
    shutil.copy(data / "produits.csv", tmp_path / "produits.csv")
    spec = importlib.util.spec_from_file_location("generer_prix", data / "generer_prix.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "DOSSIER", tmp_path)
    module.main()
    for nom in ("enquete_prix.csv", "prix_concurrents.csv"):
        assert (tmp_path / nom).read_bytes() == (data / nom).read_bytes(), nom
