"""Widgets S432 (segmentation, grille de scorage) pilotés par le code, sans navigateur.

Les effectifs attendus sont recomptés par des requêtes SQL indépendantes.
"""

from __future__ import annotations

import pytest
from outils_widgets import LIMITE_MS, chrono

import gc_helpers as gc
from gc_helpers import widgets
from gc_helpers._erreurs import ErreurCours


@pytest.fixture(scope="module")
def con():
    return gc.connecter()


def test_segmenter_compte_comme_sql(con):
    clients = widgets.clients_a_segmenter(con)
    table = widgets.segmenter(clients, "secteur_activite", "territoire")
    attendu = gc.requete(
        "SELECT count(*) AS n FROM clients c JOIN commerciaux m USING (id_commercial) "
        "WHERE c.secteur_activite = 'hôtel' AND m.secteur = 'Paris Centre'",
        con,
    )["n"].iloc[0]
    assert table.loc["hôtel", "Paris Centre"] == attendu
    total = gc.requete("SELECT count(*) FROM clients WHERE type_client = 'professionnel'", con)
    assert table.loc["Total", "Total"] == total.iloc[0, 0]
    ca = widgets.segmenter(clients, "secteur_activite", None, "ca_12_mois")
    attendu_ca = gc.requete(
        "SELECT sum(o.montant_ht) FROM commandes o JOIN clients c USING (id_client) "
        "WHERE c.secteur_activite = 'CSE' AND o.statut <> 'annulée' "
        "AND o.date_commande > DATE '2025-10-31'",
        con,
    ).iloc[0, 0]
    assert ca.loc["CSE", "Total"] == pytest.approx(float(attendu_ca))
    moyen = widgets.segmenter(clients, "secteur_activite", None, "ca_moyen")
    n_cse = (clients["secteur_activite"] == "CSE").sum()
    assert moyen.loc["CSE", "Total"] == pytest.approx(float(attendu_ca) / n_cse)
    with pytest.raises(ErreurCours, match="deux critères différents"):
        widgets.segmenter(clients, "territoire", "territoire")


def test_grille_prospects_tranches_et_classement(con):
    prospects = widgets.prospects_a_noter(con)
    classement, tranches = widgets.evaluer_grille(prospects, {"origine": 1})
    # Origine seule, sur 100 : recommandation 10/10 → 100 ; fichier acheté 1/10 → 10.
    clos = gc.requete(
        "SELECT origine, count(*) n, sum((statut = 'converti')::int) c FROM prospects "
        "WHERE statut IN ('converti', 'perdu') GROUP BY origine",
        con,
    ).set_index("origine")
    # tranche [0 ; 25[ = fichier acheté (10) ; [25 ; 50[ = campagne (40) ;
    # [50 ; 75[ = salon, site web (60), prospection terrain (70) ; [75 ; 100] = recommandation
    assert tranches["effectif"].tolist() == [
        clos.loc["fichier acheté", "n"],
        clos.loc["campagne", "n"],
        clos.loc[["salon", "site web", "prospection terrain"], "n"].sum(),
        clos.loc["recommandation", "n"],
    ]
    assert tranches["taux_transformation"].iloc[-1] == pytest.approx(
        clos.loc["recommandation", "c"] / clos.loc["recommandation", "n"]
    )
    ouverts = gc.requete(
        "SELECT count(*) FROM prospects WHERE statut IN ('nouveau', 'en cours')", con
    )
    assert len(classement) == ouverts.iloc[0, 0]
    assert classement["score"].is_monotonic_decreasing
    with pytest.raises(ErreurCours, match="poids sont nuls"):
        widgets.evaluer_grille(prospects, {"origine": 0})


def test_widgets_reagissent_et_restent_rapides(con):
    seg = widgets.explorateur_segmentation(con)
    seg.choix_colonne.value = "statut_activite"
    assert "dormant" in seg.tableau.value
    seg.choix_colonne.value = "secteur_activite"
    seg.choix_ligne.value = "secteur_activite"
    assert "différents" in seg.tableau.value  # message, pas d'exception
    seg.choix_ligne.value = "territoire"
    grille = widgets.editeur_grille_scoring(con)
    for curseur in grille.curseurs.values():
        curseur.value = 0
    assert "poids sont nuls" in grille.bilan.value
    grille.curseurs["nb_visites"].value = 2
    assert "10 prospects ouverts" in grille.classement.value

    def basculer(controle, x, y):
        return lambda: setattr(controle, "value", y if controle.value == x else x)

    mesures = {
        "segmentation": chrono(basculer(seg.choix_indicateur, "ca_moyen", "nombre")),
        "grille": chrono(basculer(grille.curseurs["origine"], 5, 3)),
    }
    assert max(mesures.values()) < LIMITE_MS, mesures
