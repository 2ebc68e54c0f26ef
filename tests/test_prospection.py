"""Prospection : distances (oracles indépendants), tournées (force brute), ratios à la main."""

from __future__ import annotations

import datetime as dt
import itertools
import math

import duckdb
import numpy as np
import pandas as pd
import pytest

import gc_helpers as gc

DATA = gc.chemin_donnees("prospects.csv").parent


# --------------------------------------------------------------------------- distances


def test_distance_un_degre_sur_l_equateur_et_un_quart_de_meridien():
    assert gc.distance_km(0, 0, 0, 1) == pytest.approx(2 * math.pi * 6371 / 360)  # 111,19 km
    assert gc.distance_km(0, 0, 90, 0) == pytest.approx(math.pi * 6371 / 2)  # 10 007,54 km
    assert gc.distance_km(48.85, 2.35, 48.85, 2.35) == 0


def test_distance_roubaix_paris_egale_la_loi_des_cosinus_spherique():
    # Oracle : autre formule de la distance sur la sphère, d = R·arccos(sin φ1 sin φ2 +
    # cos φ1 cos φ2 cos Δλ).
    p1, l1, p2, l2 = map(math.radians, (50.6942, 3.1746, 48.8566, 2.3522))
    attendu = 6371 * math.acos(
        math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(l2 - l1)
    )
    assert gc.distance_km(50.6942, 3.1746, 48.8566, 2.3522) == pytest.approx(attendu, rel=1e-9)
    assert 210 < attendu < 220  # environ 214 km à vol d'oiseau


def test_distance_refuse_une_latitude_impossible_ou_un_texte():
    with pytest.raises(gc.ErreurCours, match="latitude_1 vaut 95"):
        gc.distance_km(95, 3, 48, 2)
    with pytest.raises(gc.ErreurCours, match="virgule décimale"):
        gc.distance_km("50,69", 3, 48, 2)


def test_matrice_distances_symetrique_et_egale_aux_distances_deux_a_deux():
    p = pd.read_csv(DATA / "prospects.csv").head(6)
    m = gc.matrice_distances(p, "raison_sociale")
    assert list(m.index) == p["raison_sociale"].tolist()
    assert np.allclose(m.to_numpy(), m.to_numpy().T) and (np.diag(m) == 0).all()
    for (i, a), (j, b) in itertools.combinations(p.iterrows(), 2):
        attendu = gc.distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
        assert m.iloc[i, j] == pytest.approx(attendu)
    with pytest.raises(gc.ErreurCours, match="il manque la colonne 'latitude'"):
        gc.matrice_distances(p.drop(columns="latitude"))


# --------------------------------------------------------------------------- tournées


def test_longueur_tournee_triangle_3_4_5():
    d = np.array([[0, 3, 4], [3, 0, 5], [4, 5, 0]])
    assert gc.longueur_tournee(d, [0, 1, 2]) == 12  # 3 + 5 + 4, retour compris


def test_tournee_carre_evite_les_diagonales():
    # Base A(0;0), B(0;1), C(1;0), D(1;1) : l'ordre de la liste A-B-C-D croise (B→C et D→A
    # sont des diagonales) ; le bon ordre fait le tour : A-B-D-C.
    carre = pd.DataFrame(
        {"lieu": ["A", "B", "C", "D"], "latitude": [0, 0, 1, 1], "longitude": [0, 1, 0, 1]}
    )
    t = gc.tournee_optimisee(carre, "lieu", coefficient_route=1)
    assert t.ordre in (["A", "B", "D", "C"], ["A", "C", "D", "B"])
    d = gc.distance_km
    cote_equateur, cote_nord, cote_meridien = d(0, 0, 0, 1), d(1, 0, 1, 1), d(0, 0, 1, 0)
    diagonale_1, diagonale_2 = d(0, 1, 1, 0), d(1, 1, 0, 0)
    assert t.km == pytest.approx(cote_equateur + cote_nord + 2 * cote_meridien)
    assert t.km_naif == pytest.approx(cote_equateur + diagonale_1 + cote_nord + diagonale_2)
    assert t.etapes["lieu"].tolist() == t.ordre + ["A"]  # retour à la base
    assert t.etapes["km_cumules"].iloc[-1] == pytest.approx(t.km)


def test_tournee_optimale_contre_force_brute_sur_des_prospects_reels():
    # Base de Lille (commercial 3) puis 7 prospects du Nord ; oracle : toutes les 7! tournées.
    com = pd.read_csv(DATA / "commerciaux.csv").set_index("id_commercial").loc[3]
    p = pd.read_csv(DATA / "prospects.csv")
    p = p[p["id_commercial"] == 3].head(7)
    points = pd.concat(
        [
            pd.DataFrame(
                {
                    "nom": ["Base"],
                    "latitude": [com["latitude_base"]],
                    "longitude": [com["longitude_base"]],
                }
            ),
            p.rename(columns={"raison_sociale": "nom"})[["nom", "latitude", "longitude"]],
        ],
        ignore_index=True,
    )
    t = gc.tournee_optimisee(points, "nom", coefficient_route=1.3, cout_km=0.60)
    m = [
        [
            1.3 * gc.distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
            for b in points.itertuples()
        ]
        for a in points.itertuples()
    ]

    def longueur(ordre):
        tour = (0, *ordre, 0)
        return sum(m[x][y] for x, y in itertools.pairwise(tour))

    meilleur = min(longueur(o) for o in itertools.permutations(range(1, len(points))))
    assert t.km == pytest.approx(meilleur)
    assert t.km_naif == pytest.approx(longueur(range(1, len(points))))
    assert t.ordre[0] == "Base" and sorted(t.ordre) == sorted(points["nom"])
    assert t.cout_economise == pytest.approx((t.km_naif - t.km) * 0.60)
    assert t.part_economisee == pytest.approx(1 - t.km / t.km_naif)


def test_tournee_sans_optimisation_et_petites_tournees():
    deux = pd.DataFrame({"nom": ["Base", "X"], "latitude": [50, 50], "longitude": [3, 4]})
    t = gc.tournee_optimisee(deux, "nom", coefficient_route=1)
    assert t.km == pytest.approx(2 * gc.distance_km(50, 3, 50, 4))  # aller-retour
    assert t.km_economises == 0
    with pytest.raises(gc.ErreurCours, match="entre 1 et 3"):
        gc.tournee_optimisee(deux, "nom", coefficient_route=130)
    with pytest.raises(gc.ErreurCours, match="vide"):
        gc.tournee_optimisee(deux.iloc[0:0], "nom")


# --------------------------------------------------------------------------- planning et export


def test_planifier_tournees_saute_le_week_end():
    p = pd.DataFrame({"id_prospect": [11, 12, 13, 14, 15]})
    plan = gc.planifier_tournees(p, "2026-11-05", visites_par_jour=2)  # un jeudi
    assert plan["date_visite"].tolist() == [
        dt.date(2026, 11, 5),
        dt.date(2026, 11, 5),
        dt.date(2026, 11, 6),  # vendredi
        dt.date(2026, 11, 6),
        dt.date(2026, 11, 9),  # lundi : samedi et dimanche sautés
    ]
    assert plan["ordre_du_jour"].tolist() == [1, 2, 1, 2, 1]
    with pytest.raises(gc.ErreurCours, match="visites_par_jour"):
        gc.planifier_tournees(p, "2026-11-05", visites_par_jour=0)
    with pytest.raises(gc.ErreurCours, match="'demain' n'est pas une date"):
        gc.planifier_tournees(p, "demain", visites_par_jour=2)


# --------------------------------------------------------------------------- ratios


def test_ratios_prospection_exemple_a_la_main():
    # Fichier de 400 prospects, 300 joints, 60 RDV, 15 ventes ; 50 visites de prospection
    # sur 250 visites : 300/400 ; 60/300 ; 15/60 ; 15/50 ; 50/250.
    r = gc.ratios_prospection(400, 300, 60, 15, 50, 250)
    assert r.to_dict() == pytest.approx(
        {
            "joignabilite": 0.75,
            "taux_rdv": 0.20,
            "transformation": 0.25,
            "rendement": 0.30,
            "effort": 0.20,
        }
    )


def test_ratios_prospection_refuse_les_comptes_incoherents():
    with pytest.raises(gc.ErreurCours, match=r"rdv \(80\) dépasse contacts \(60\)"):
        gc.ratios_prospection(400, 60, 80, 15, 50, 250)
    with pytest.raises(gc.ErreurCours, match="strictement positif"):
        gc.ratios_prospection(0, 0, 0, 0, 0, 0)
    assert math.isnan(gc.ratios_prospection(10, 0, 0, 0, 0, 0)["taux_rdv"])


@pytest.fixture
def mini_base():
    """Deux commerciaux, quatre prospects, quelques contacts : tout se compte à la main."""
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE commerciaux AS SELECT * FROM (VALUES (1, 'Vasseur', 'Claire', 'Paris'),"
        " (2, 'Benali', 'Nadia', 'IdF')) t(id_commercial, nom, prenom, secteur)"
    )
    con.execute(
        "CREATE TABLE prospects AS SELECT * FROM (VALUES"
        " (1, 'A', 1, 'converti', DATE '2026-01-10', 'Paris', '01', DATE '2026-02-01'),"
        " (2, 'B', 1, 'en cours', DATE '2026-02-10', 'Paris', '02', NULL),"
        " (3, 'C', 1, 'perdu',    DATE '2026-03-10', 'Paris', '03', NULL),"
        " (4, 'D', 2, 'nouveau',  DATE '2026-10-20', 'Sèvres', '04', NULL)"
        ") t(id_prospect, raison_sociale, id_commercial, statut, date_premier_contact, ville,"
        " telephone, date_conversion)"
    )
    con.execute(
        "CREATE TABLE contacts AS SELECT * FROM (VALUES"
        " (1, 1, NULL, 1, DATE '2026-01-10', 'téléphone', 'rendez-vous obtenu'),"
        " (2, 1, NULL, 1, DATE '2026-01-20', 'visite', 'commande'),"
        " (3, 1, NULL, 2, DATE '2026-02-10', 'courriel', 'à relancer'),"
        " (4, 1, NULL, 2, DATE '2026-10-20', 'téléphone', 'rendez-vous obtenu'),"
        " (5, 1, NULL, 3, DATE '2026-03-10', 'visite', 'sans suite'),"
        " (6, 1, 77, NULL, DATE '2026-04-01', 'visite', 'sans suite'),"
        " (7, 1, 78, NULL, DATE '2026-05-01', 'visite', 'commande'),"
        " (8, 2, NULL, 4, DATE '2026-10-20', 'courriel', 'à relancer'),"
        " (9, 2, 79, NULL, DATE '2026-06-01', 'visite', 'sans suite')"
        ") t(id_contact, id_commercial, id_client, id_prospect, date_contact, type_contact,"
        " resultat)"
    )
    return con


def test_ratios_par_commercial_sur_une_base_comptee_a_la_main(mini_base):
    r = gc.ratios_par_commercial(con=mini_base).set_index("id_commercial")
    # Commercial 1 : fichier 3 (A, B, C) ; joints de vive voix : A (tél.), B (tél.),
    # C (visite) = 3 ; RDV : A et B = 2 ; vente : A = 1 ; visites chez des prospects : 2
    # (contacts 2 et 5) sur 4 visites (2, 5, 6, 7).
    assert r.loc[
        1, ["fichier", "contacts", "rdv", "ventes", "visites_prospection", "visites"]
    ].tolist() == [3, 3, 2, 1, 2, 4]
    assert r.loc[
        1, ["joignabilite", "taux_rdv", "transformation", "rendement", "effort"]
    ].tolist() == pytest.approx([1, 2 / 3, 1 / 2, 1 / 2, 2 / 4])
    # Commercial 2 : D n'a reçu qu'un courriel → pas joint ; 0 visite de prospection sur 1.
    assert r.loc[2, ["fichier", "contacts", "rdv", "visites_prospection", "visites"]].tolist() == [
        1,
        0,
        0,
        0,
        1,
    ]
    assert r.loc[2, "joignabilite"] == 0 and math.isnan(r.loc[2, "taux_rdv"])
    # Période : seuls les prospects (et visites) de février à octobre.
    p = gc.ratios_par_commercial("2026-02-01", "2026-09-30", con=mini_base).set_index(
        "id_commercial"
    )
    assert p.loc[1, ["fichier", "visites_prospection", "visites"]].tolist() == [2, 1, 3]


def test_actions_a_relancer_echeances_a_la_main(mini_base):
    a = gc.actions_a_relancer(date="2026-10-31", con=mini_base)
    # B (en cours) : dernier contact 20/10 « rendez-vous obtenu » → confirmer sous 3 jours,
    # échéance 23/10, 8 jours de retard. D (nouveau) : courriel du 20/10 « à relancer » →
    # rappeler sous 7 jours, échéance 27/10, 4 jours de retard. A (converti), C (perdu) : rien.
    assert a["id_prospect"].tolist() == [2, 4]
    assert a["echeance"].tolist() == [dt.date(2026, 10, 23), dt.date(2026, 10, 27)]
    assert a["retard_jours"].tolist() == [8, 4]
    assert a["prochaine_action"].tolist() == [
        "confirmer et préparer la visite",
        "rappeler le prospect",
    ]
    # Au 25/10, seule l'action de B est due ; avec 2 jours d'avance, celle de D aussi.
    assert gc.actions_a_relancer("2026-10-25", con=mini_base)["id_prospect"].tolist() == [2]
    assert gc.actions_a_relancer("2026-10-25", horizon_jours=2, con=mini_base)[
        "id_prospect"
    ].tolist() == [2, 4]
    assert gc.actions_a_relancer("2026-10-31", id_commercial=2, con=mini_base)[
        "id_prospect"
    ].tolist() == [4]
    with pytest.raises(gc.ErreurCours, match="'31/10/2026' n'est pas une date"):
        gc.actions_a_relancer("31/10/2026", con=mini_base)
    with pytest.raises(gc.ErreurCours, match="id_commercial doit être un nombre"):
        gc.actions_a_relancer(id_commercial="Vasseur", con=mini_base)


def test_actions_a_relancer_sur_les_donnees_du_cours():
    a = gc.actions_a_relancer(con=gc.connecter(par_defaut=False))
    prospects = pd.read_csv(DATA / "prospects.csv").set_index("id_prospect")
    assert len(a) > 0
    assert prospects.loc[a["id_prospect"], "statut"].isin(["nouveau", "en cours"]).all()
    assert (a["retard_jours"] >= 0).all() and a["echeance"].is_monotonic_increasing
