"""Cycle de vie et connaissance du fichier client (S431), contre des comptes faits à la main
ou recomptés avec pandas sur les tables brutes."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import gc_helpers as gc
from gc_helpers import clientele
from gc_helpers._erreurs import ErreurCours


@pytest.fixture(scope="module")
def con():
    return gc.connecter()


@pytest.fixture(scope="module")
def cycle(con):
    return clientele.cycle_de_vie(con)


def test_statut_aux_bornes():
    # seuils 90 / 180 : 90 est encore actif, 91 dormant, 180 dormant, 181 perdu
    assert [gc.statut_cycle_vie(j, 90, 180) for j in (0, 90, 91, 180, 181)] == [
        "actif",
        "actif",
        "dormant",
        "dormant",
        "perdu",
    ]
    assert gc.statut_cycle_vie(float("nan")) == "perdu"
    serie = gc.statut_cycle_vie(pd.Series([10, None, 500], dtype="Int64"))
    assert serie.tolist() == ["actif", "perdu", "dormant"]


def test_statut_refuse_les_mauvais_seuils_et_jours():
    with pytest.raises(ErreurCours, match="seuil_perdu .* doit dépasser seuil_dormant"):
        gc.statut_cycle_vie(10, seuil_dormant=400, seuil_perdu=300)
    with pytest.raises(ErreurCours, match="nombre entier, au moins égal à 1"):
        gc.statut_cycle_vie(10, seuil_dormant=0)
    with pytest.raises(ErreurCours, match="impossible"):
        gc.statut_cycle_vie(-3)
    with pytest.raises(ErreurCours, match="doit être un nombre"):
        gc.statut_cycle_vie("dix")


def test_anciennete_a_la_main():
    # du 31/10/2016 au 31/10/2026 : 3 652 jours (29/02 de 2020 et 2024) / 365,25 = 9,9986…
    assert gc.anciennete("2016-10-31") == pytest.approx(3652 / 365.25)
    assert gc.anciennete("2026-05-01", "2026-10-31") == pytest.approx(183 / 365.25)
    with pytest.raises(ErreurCours, match="postérieure à la date d'arrêté"):
        gc.anciennete("2027-01-01")
    with pytest.raises(ErreurCours, match="AAAA-MM-JJ"):
        gc.anciennete("bientôt")


def test_cycle_de_vie_recompte_avec_pandas(cycle):
    commandes = gc.table("commandes")
    commandes = commandes[commandes["statut"] != "annulée"]
    derniere = pd.to_datetime(commandes.groupby("id_client")["date_commande"].max())
    clients = gc.table("clients").set_index("id_client")
    jours = (pd.Timestamp("2026-10-31") - derniere.reindex(clients.index)).dt.days
    attendu = pd.Series("perdu", index=clients.index)
    attendu[jours <= 730] = "dormant"
    attendu[jours <= 365] = "actif"
    obtenu = cycle.dropna(subset=["id_client"]).set_index("id_client")["statut"]
    obtenu.index = obtenu.index.astype(int)
    assert (obtenu.sort_index() == attendu.sort_index()).all()
    prospects = gc.table("prospects")
    assert (cycle["statut"] == "prospect").sum() == prospects["statut"].isin(
        ["nouveau", "en cours"]
    ).sum()


def test_cycle_de_vie_ca_et_seuils(cycle, con):
    # CA des 12 derniers mois (du 01/11/2025 au 31/10/2026) d'un client, recompté en SQL
    ca_618 = gc.requete(
        "SELECT sum(montant_ht)::DOUBLE AS ca FROM commandes WHERE id_client = 618 "
        "AND statut <> 'annulée' AND date_commande BETWEEN DATE '2025-11-01' AND DATE '2026-10-31'",
        con,
    ).loc[0, "ca"]
    ligne = cycle[cycle["id_client"] == 618].iloc[0]
    assert ligne["ca_12_mois"] == pytest.approx(ca_618)
    # des seuils plus courts rendent le portefeuille moins actif
    court = clientele.cycle_de_vie(con, seuil_dormant=90, seuil_perdu=180, prospects=False)
    assert (court["statut"] == "actif").sum() < (cycle["statut"] == "actif").sum()
    assert "prospect" not in set(court["statut"])


def test_connaissance_clients_recompte(con):
    k = clientele.connaissance_clients(con)
    clients = gc.table("clients")
    part = clients[clients["type_client"] == "particulier"]
    ligne = k[(k["information"] == "téléphone") & (k["type_client"] == "particulier")].iloc[0]
    assert ligne["nb_clients"] == len(part)
    assert ligne["nb_connus"] == part["telephone"].notna().sum()
    assert math.isclose(ligne["taux_connaissance"], part["telephone"].notna().mean())
    optin = k[k["information"].str.startswith("courriel utilisable")].set_index("type_client")
    for type_client, groupe in clients.groupby("type_client"):
        attendu = (groupe["email"].notna() & groupe["optin_email"]).sum()
        assert optin.loc[type_client, "nb_connus"] == attendu
    enquetes = set(gc.table("enquetes_satisfaction")["id_client"])
    satis = k[k["information"].str.startswith("satisfaction")].set_index("type_client")
    pros = clients[clients["type_client"] == "professionnel"]
    assert satis.loc["professionnel", "nb_connus"] == pros["id_client"].isin(enquetes).sum()
    # le secteur n'a pas de sens pour un particulier : pas de ligne
    secteur = k[k["information"] == "secteur d'activité"]
    assert secteur["type_client"].tolist() == ["professionnel"]


def test_exercice_des_dormants_concorde_avec_le_cycle_de_vie(cycle, con):
    # le corrigé SQL de S431-2 et cycle_de_vie() sont écrits indépendamment
    from gc_helpers.exercices import exercice

    dormants_sql = set(gc.requete(exercice("S431-2").solution, con)["id_client"])
    pros = cycle[(cycle["type_client"] == "professionnel") & (cycle["statut"] == "dormant")]
    assert dormants_sql == set(pros["id_client"].astype(int))
    assert len(dormants_sql) > 10
