"""Segmentation descriptive et forage de données : tris, k-means, associations, carte perceptuelle.

Résultats attendus calculés à la main dans les tests.
"""

from __future__ import annotations

import pandas as pd
import pytest

import gc_helpers as gc
from gc_helpers._erreurs import ErreurCours, NomInconnu

CLIENTS = pd.DataFrame(
    {
        "secteur": ["hôtel", "CSE", "hôtel", "boutique", "CSE", "hôtel"],
        "paiement": ["30 jours", "60 jours", "30 jours", "comptant", "30 jours", "60 jours"],
        "ca": [1000, 4000, 3000, 500, 2000, 1500],
    }
)


def test_tri_a_plat():
    t = gc.tri_a_plat(CLIENTS, "secteur")
    assert t["secteur"].tolist() == ["hôtel", "CSE", "boutique"]
    assert t["effectif"].tolist() == [3, 2, 1]
    assert t["frequence"].tolist() == pytest.approx([3 / 6, 2 / 6, 1 / 6])
    assert t["frequence_cumulee"].tolist() == pytest.approx([0.5, 5 / 6, 1])


def test_tri_croise_effectifs_et_pourcentages():
    t = gc.tri_croise(CLIENTS, "secteur", "paiement")
    assert t.loc["hôtel", "30 jours"] == 2 and t.loc["hôtel", "60 jours"] == 1
    assert t.loc["CSE", "Total"] == 2 and t.loc["Total", "30 jours"] == 3
    assert t.loc["Total", "Total"] == 6
    ligne = gc.tri_croise(CLIENTS, "secteur", "paiement", pourcentages="ligne")
    assert ligne.loc["hôtel", "30 jours"] == pytest.approx(2 / 3)
    colonne = gc.tri_croise(CLIENTS, "secteur", "paiement", pourcentages="colonne")
    assert colonne.loc["CSE", "60 jours"] == pytest.approx(1 / 2)
    total = gc.tri_croise(CLIENTS, "secteur", "paiement", pourcentages="total")
    assert total.loc["boutique", "comptant"] == pytest.approx(1 / 6)


def test_tri_croise_somme_du_ca():
    t = gc.tri_croise(CLIENTS, "secteur", "paiement", valeurs="ca")
    assert t.loc["hôtel", "30 jours"] == 1000 + 3000
    assert t.loc["hôtel", "comptant"] == 0  # aucune vente : 0, pas une case vide
    assert t.loc["Total", "Total"] == 12000
    part = gc.tri_croise(CLIENTS, "secteur", "paiement", valeurs="ca", pourcentages="ligne")
    assert part.loc["CSE", "60 jours"] == pytest.approx(4000 / 6000)


def test_tris_erreurs():
    with pytest.raises(NomInconnu, match="'secteurs' n'existe pas.*'secteur'"):
        gc.tri_a_plat(CLIENTS, "secteurs")
    with pytest.raises(NomInconnu, match="Le mode de pourcentage 'lignes'.*'ligne'"):
        gc.tri_croise(CLIENTS, "secteur", "paiement", pourcentages="lignes")
    with pytest.raises(ErreurCours, match="'secteur' doit être numérique"):
        gc.tri_croise(CLIENTS, "secteur", "paiement", valeurs="secteur")
    with pytest.raises(ErreurCours, match="vide"):
        gc.tri_a_plat(CLIENTS.iloc[:0], "secteur")


def test_classification_centrage_reduction():
    # Deux groupes nets en nombre de commandes (1 contre 20) ; le CA (en euros) est
    # étalé sans former de groupe. Centré réduit, chaque variable pèse autant : couper
    # selon les commandes laisse une inertie intra de 6 (celle du CA, 6 × 1), couper
    # selon le CA en laisserait davantage (7,5 pour {1000, 1000} contre le reste).
    d = pd.DataFrame(
        {"ca": [1000, 1300, 1150, 1000, 1300, 1150], "commandes": [1, 1, 1, 20, 20, 20]}
    )
    r = gc.classification(d, ["ca", "commandes"], k=2)
    assert r.classes.tolist() == [1, 1, 1, 2, 2, 2]
    assert r.centres.loc[1, ["effectif", "ca", "commandes"]].tolist() == [3, 1150, 1]
    assert r.centres.loc[2, ["effectif", "ca", "commandes"]].tolist() == [3, 1150, 20]
    # Inertie intra à la main : z = (x − moyenne) / σ (population) par variable.
    import statistics

    inertie = 0.0
    for v in ("ca", "commandes"):
        m, s = statistics.fmean(d[v]), statistics.pstdev(d[v])
        z = [(x - m) / s for x in d[v]]
        for groupe in (z[:3], z[3:]):
            c = statistics.fmean(groupe)
            inertie += sum((x - c) ** 2 for x in groupe)
    assert inertie == pytest.approx(6)
    assert r.inertie_intra == pytest.approx(inertie)
    # Oracle exhaustif : aucune des 31 façons de couper 6 clients en 2 classes ne fait mieux.
    from itertools import product

    zs = [
        [(x - statistics.fmean(d[v])) / statistics.pstdev(d[v]) for x in d[v]]
        for v in ("ca", "commandes")
    ]

    def inertie_partition(etiquettes):
        total = 0.0
        for g in set(etiquettes):
            for z in zs:
                groupe = [zi for zi, e in zip(z, etiquettes, strict=True) if e == g]
                total += sum((x - statistics.fmean(groupe)) ** 2 for x in groupe)
        return total

    meilleure = min(inertie_partition((0, *e)) for e in product((0, 1), repeat=5) if any(e))
    assert r.inertie_intra == pytest.approx(meilleure)
    # Même graine, même résultat.
    assert gc.classification(d, ["ca", "commandes"], k=2).classes.equals(r.classes)


def test_classification_erreurs():
    with pytest.raises(ErreurCours, match="k \\(nombre de classes\\).*entre 1 et.*7"):
        gc.classification(CLIENTS.assign(x=1), ["ca"], k=7)
    with pytest.raises(ErreurCours, match="valeur manquante"):
        gc.classification(pd.DataFrame({"ca": [1, None, 3]}), ["ca"], k=2)
    with pytest.raises(ErreurCours, match="doit être numérique"):
        gc.classification(CLIENTS, ["secteur"], k=2)


def test_regles_association_a_la_main():
    # 5 paniers : {drap, taie}, {drap, taie, plaid}, {drap}, {plaid}, {taie, plaid}
    lignes = pd.DataFrame(
        {
            "cmd": [1, 1, 2, 2, 2, 3, 4, 5, 5, 1],
            "famille": [
                "drap",
                "taie",
                "drap",
                "taie",
                "plaid",
                "drap",
                "plaid",
                "taie",
                "plaid",
                "drap",
            ],
        }
    )
    r = gc.regles_association(lignes, "cmd", "famille").set_index(["antecedent", "consequent"])
    # drap → taie : 2 paniers sur 5 ; drap dans 3 paniers ; taie dans 3
    assert (
        r.loc[("drap", "taie"), "nb_paniers"] == 2
    )  # le drap en double du panier 1 compte une fois
    assert r.loc[("drap", "taie"), "support"] == pytest.approx(2 / 5)
    assert r.loc[("drap", "taie"), "confiance"] == pytest.approx(2 / 3)
    assert r.loc[("drap", "taie"), "lift"] == pytest.approx((2 / 3) / (3 / 5))
    # drap → plaid : 1 panier ; confiance 1/3 ; plaid dans 3 paniers → lift 5/9
    assert r.loc[("drap", "plaid"), "lift"] == pytest.approx((1 / 3) / (3 / 5))
    filtre = gc.regles_association(lignes, "cmd", "famille", support_min=0.3, confiance_min=0.6)
    # support ≥ 0,3 : seules les paires drap–taie et taie–plaid (2 paniers sur 5 = 0,4) ;
    # leurs quatre règles ont une confiance de 2/3 ≥ 0,6.
    assert set(filtre["antecedent"] + ">" + filtre["consequent"]) == {
        "drap>taie", "taie>drap", "taie>plaid", "plaid>taie",
    }  # fmt: skip


def test_regles_association_filtres_et_erreurs():
    lignes = pd.DataFrame({"cmd": [1, 1, 2, 2, 3], "famille": ["a", "b", "a", "c", "b"]})
    r = gc.regles_association(lignes, "cmd", "famille", confiance_min=0.6)
    # a → b : 1/2 ; b → a : 1/2 ; a → c : 1/2 ; c → a : 1/1 → seule c → a reste
    assert r[["antecedent", "consequent"]].values.tolist() == [["c", "a"]]
    with pytest.raises(ErreurCours, match="proportion entre 0 et 1.*0.05 pour 5 %"):
        gc.regles_association(lignes, "cmd", "famille", support_min=5)


def test_carte_perceptuelle():
    e = pd.DataFrame(
        {"marque": ["A", "B", "A", "B", "A"], "prix": [6, 2, 8, 4, 7], "qualite": [9, 3, 7, 5, 8]}
    )
    c = gc.carte_perceptuelle(e, "marque", ["prix", "qualite"])
    assert c.loc["A"].tolist() == [3, 7, 8]  # nb_reponses, (6+8+7)/3, (9+7+8)/3
    assert c.loc["B"].tolist() == [2, 3, 4]


def test_enquete_livree():
    e = pd.read_csv(gc.chemin_donnees("enquete_perception.csv"))
    assert len(e) == 1200 and e["id_repondant"].nunique() == 240
    notes = e.drop(columns=["id_repondant", "type_repondant", "marque"])
    assert notes.min().min() >= 1 and notes.max().max() <= 10
    c = gc.carte_perceptuelle(e, "marque", ["prix_percu", "qualite_percue"])
    # Positionnements voulus par le générateur : Prixtex le moins cher, Atelier Boréal le plus cher.
    assert c["prix_percu"].idxmin() == "Prixtex"
    assert c["prix_percu"].idxmax() == "Atelier Boréal"
    assert (c["nb_reponses"] == 240).all()
