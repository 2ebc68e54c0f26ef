"""Exercices auto-vérifiés : chaque corrigé passe, une erreur typique échoue avec l'indice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import gc_helpers as gc
from gc_helpers import exercices
from gc_helpers.exercices_calcul import EXERCICES_CALCUL

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

# Pour chaque exercice, au moins une réponse fausse plausible (l'erreur d'un étudiant réel).
ERREURS_TYPIQUES: dict[str, list[str]] = {
    # S41 et S431 (gc_helpers/exercices_connaissance.py)
    "S41-1": [
        # les particuliers comptés avec les professionnels
        "SELECT canal_acquisition, count(*) AS nb_nouveaux FROM clients "
        "WHERE year(date_creation) = 2025 GROUP BY canal_acquisition ORDER BY nb_nouveaux DESC",
        # toutes les années
        "SELECT canal_acquisition, count(*) AS nb_nouveaux FROM clients "
        "WHERE type_client = 'professionnel' GROUP BY canal_acquisition ORDER BY nb_nouveaux DESC",
    ],
    "S41-2": [
        # tous les clients venus d'un salon, particuliers compris (salons grand public)
        "SELECT (SELECT cout_ht FROM campagnes WHERE nom = 'Salon Maison&Objet septembre 2025')"
        " / (SELECT count(*) FROM clients WHERE canal_acquisition = 'salon'"
        " AND year(date_creation) = 2025) AS cout_acquisition",
        # le CA généré à la place du coût
        "SELECT (SELECT ca_genere_ht FROM campagnes WHERE nom = 'Salon Maison&Objet septembre 2025')"
        " / (SELECT count(*) FROM clients WHERE type_client = 'professionnel'"
        " AND canal_acquisition = 'salon' AND year(date_creation) = 2025) AS cout_acquisition",
    ],
    "S431-1": [
        # sans filtre : un groupe NULL pour les particuliers
        "SELECT secteur_activite, count(*) AS nb_clients FROM clients "
        "GROUP BY secteur_activite ORDER BY nb_clients DESC",
    ],
    "S431-2": [
        # filtre sur les commandes dans le WHERE au lieu de la dernière commande
        "SELECT c.id_client, c.raison_sociale, max(o.date_commande) AS derniere_commande "
        "FROM clients c JOIN commandes o USING (id_client) "
        "WHERE c.type_client = 'professionnel' AND o.statut <> 'annulée' "
        "AND o.date_commande < DATE '2025-10-31' AND o.date_commande >= DATE '2024-10-31' "
        "GROUP BY c.id_client, c.raison_sociale ORDER BY derniere_commande",
        # dormants et perdus mélangés
        "SELECT c.id_client, c.raison_sociale, max(o.date_commande) AS derniere_commande "
        "FROM clients c JOIN commandes o USING (id_client) "
        "WHERE c.type_client = 'professionnel' AND o.statut <> 'annulée' "
        "GROUP BY c.id_client, c.raison_sociale "
        "HAVING max(o.date_commande) < DATE '2025-10-31' ORDER BY derniere_commande",
    ],
    "S431-3": [
        # l'adresse manquante oubliée
        "SELECT count(*) AS nb_particuliers FROM clients "
        "WHERE type_client = 'particulier' AND optin_email",
    ],
    "S822-1": [
        # oubli du département
        "SELECT raison_sociale, code_postal, telephone FROM clients "
        "WHERE type_client = 'professionnel' AND secteur_activite = 'hôtel' "
        "ORDER BY raison_sociale",
        # oubli du tri
        "SELECT raison_sociale, code_postal, telephone FROM clients "
        "WHERE type_client = 'professionnel' AND secteur_activite = 'hôtel' "
        "AND departement = '75' ORDER BY code_postal",
    ],
    "S822-2": [
        # tri croissant
        "SELECT canal_acquisition, count(*) AS nb_clients FROM clients "
        "GROUP BY canal_acquisition ORDER BY nb_clients",
        # GROUP BY oublié
        "SELECT canal_acquisition, count(*) AS nb_clients FROM clients",
    ],
    "S822-3": [
        # commandes annulées comptées
        "SELECT cl.secteur_activite, sum(co.montant_ht) AS ca_ht FROM commandes co "
        "JOIN clients cl ON cl.id_client = co.id_client "
        "WHERE cl.type_client = 'professionnel' AND year(co.date_commande) = 2025 "
        "GROUP BY cl.secteur_activite ORDER BY ca_ht DESC",
        # toutes les années
        "SELECT cl.secteur_activite, sum(co.montant_ht) AS ca_ht FROM commandes co "
        "JOIN clients cl ON cl.id_client = co.id_client "
        "WHERE cl.type_client = 'professionnel' AND co.statut <> 'annulée' "
        "GROUP BY cl.secteur_activite ORDER BY ca_ht DESC",
    ],
    "S822-4": [
        # condition sur le total oubliée
        "SELECT id_client, count(*) AS nb_factures, sum(montant_ttc) AS montant_du "
        "FROM factures WHERE statut IN ('impayée', 'contentieux') "
        "GROUP BY id_client ORDER BY montant_du DESC",
        # agrégat dans le WHERE (erreur SQL)
        "SELECT id_client, count(*) AS nb_factures, sum(montant_ttc) AS montant_du "
        "FROM factures WHERE statut IN ('impayée', 'contentieux') AND sum(montant_ttc) > 5000 "
        "GROUP BY id_client ORDER BY montant_du DESC",
    ],
    "S822-5": [
        # consentement oublié
        "SELECT id_client, email FROM clients "
        "WHERE type_client = 'particulier' AND email IS NOT NULL",
        # « = NULL »
        "SELECT id_client, email FROM clients "
        "WHERE type_client = 'particulier' AND optin_email AND email <> NULL",
    ],
    "S822-6": [
        # e-mail brut, sans normalisation
        "SELECT email, count(*) AS nb FROM import_salon WHERE email IS NOT NULL "
        "GROUP BY email HAVING count(*) > 1",
    ],
    "S822-7": [
        # date à la française : refusée par la base
        "INSERT INTO prospects (id_prospect, raison_sociale, secteur_activite, civilite, "
        "contact_nom, contact_prenom, email, telephone, adresse, code_postal, ville, departement, "
        "latitude, longitude, origine, effectif_salaries, ca_potentiel_annuel, nb_contacts, "
        "nb_visites, date_premier_contact, statut, id_commercial) VALUES ("
        "(SELECT max(id_prospect) + 1 FROM prospects), 'Hôtel des Acacias', 'hôtel', 'Mme', "
        "'Fontaine', 'Léa', 'l.fontaine@hotel-des-acacias.example', '01 99 00 45 67', "
        "'12 rue Daguerre', '75014', 'Paris', '75', 48.8339, 2.3265, 'salon', 35, 6000, 1, 0, "
        "'08/09/2026', 'nouveau', 1)",
        # téléphone hors format de la base
        "INSERT INTO prospects (id_prospect, raison_sociale, secteur_activite, civilite, "
        "contact_nom, contact_prenom, email, telephone, adresse, code_postal, ville, departement, "
        "latitude, longitude, origine, effectif_salaries, ca_potentiel_annuel, nb_contacts, "
        "nb_visites, date_premier_contact, statut, id_commercial) VALUES ("
        "(SELECT max(id_prospect) + 1 FROM prospects), 'Hôtel des Acacias', 'hôtel', 'Mme', "
        "'Fontaine', 'Léa', 'l.fontaine@hotel-des-acacias.example', '0199004567', "
        "'12 rue Daguerre', '75014', 'Paris', '75', 48.8339, 2.3265, 'salon', 35, 6000, 1, 0, "
        "DATE '2026-09-08', 'nouveau', 1)",
        # une simple lecture
        "SELECT * FROM prospects",
    ],
    "S822-8": [
        # WHERE oublié : toute la base désinscrite
        "UPDATE clients SET optin_email = false, optin_sms = false",
        # un seul des deux consentements
        "UPDATE clients SET optin_email = false WHERE id_client = 1202",
    ],
    "S432-1": [
        # prospects en cours et nouveaux comptés comme non convertis
        "SELECT secteur_activite, count(*) AS prospects_clos, "
        "count(*) FILTER (WHERE statut = 'converti') AS convertis, "
        "count(*) FILTER (WHERE statut = 'converti') / count(*) AS taux_transformation "
        "FROM prospects GROUP BY secteur_activite ORDER BY taux_transformation DESC",
        # division entière : tous les taux à 0
        "SELECT secteur_activite, count(*) AS prospects_clos, "
        "count(*) FILTER (WHERE statut = 'converti') AS convertis, "
        "count(*) FILTER (WHERE statut = 'converti') // count(*) AS taux_transformation "
        "FROM prospects WHERE statut IN ('converti', 'perdu') GROUP BY secteur_activite "
        "ORDER BY taux_transformation DESC",
    ],
}


@pytest.fixture(autouse=True)
def _connexion_du_notebook():
    # Comme dans un notebook : une connexion ouverte avant les vérifications.
    return gc.connecter()


def test_chaque_exercice_a_des_erreurs_typiques():
    assert set(ERREURS_TYPIQUES) == set(exercices.EXERCICES_SQL)
    assert set(ERREURS_CALCUL) == set(EXERCICES_CALCUL)
    assert set(exercices.EXERCICES) == set(exercices.EXERCICES_SQL) | set(EXERCICES_CALCUL)


@pytest.mark.parametrize("identifiant", list(exercices.EXERCICES_SQL))
def test_le_corrige_passe_sa_propre_verification(identifiant):
    ex = exercices.exercice(identifiant)
    verdict = gc.verifier_exercice(identifiant, ex.solution)
    assert verdict.ok, verdict.message
    assert str(verdict).startswith(f"✅ {identifiant}")


@pytest.mark.parametrize(
    ("identifiant", "reponse"),
    [(i, r) for i, reponses in ERREURS_TYPIQUES.items() for r in reponses],
)
def test_une_erreur_typique_echoue_avec_l_indice(identifiant, reponse):
    ex = exercices.exercice(identifiant)
    verdict = gc.verifier_exercice(identifiant, reponse)
    assert not verdict.ok
    texte = str(verdict)
    assert texte.startswith(f"❌ {identifiant}")
    assert f"Indice : {ex.indice}" in texte
    assert "Traceback" not in texte


def test_reponse_vide_ou_qui_n_est_pas_du_texte():
    for identifiant in ("S822-1", "S822-8"):
        vide = gc.verifier_exercice(identifiant, "\n-- Écrivez votre requête ici\n")
        assert not vide.ok and "vide" in vide.message
        pas_texte = gc.verifier_exercice(identifiant, 42)
        assert not pas_texte.ok and "Indice" in pas_texte.message


def test_identifiant_inconnu_erreur_francaise_avec_suggestion():
    with pytest.raises(gc.NomInconnu) as erreur:
        gc.verifier_exercice("S822-12", "SELECT 1")
    message = str(erreur.value)
    assert "L'exercice 'S822-12' n'existe pas" in message
    assert "S822-1" in message and "Vouliez-vous dire" in message
    with pytest.raises(gc.NomInconnu, match="texte"):
        gc.verifier_exercice(1, "SELECT 1")


def test_identifiant_tolerant_a_la_casse():
    assert exercices.exercice(" s822-3 ").id == "S822-3"


def test_la_verification_ne_touche_pas_la_base_du_notebook():
    con = gc.connecter()
    gc.requete("UPDATE clients SET optin_email = true WHERE id_client = 1202", con)
    avant = gc.requete("SELECT count(*) AS n FROM clients WHERE optin_email", con).loc[0, "n"]
    gc.verifier_exercice("S822-8", "UPDATE clients SET optin_email = false, optin_sms = false")
    # La connexion par défaut reste celle du notebook, et ses données sont intactes.
    apres = gc.requete("SELECT count(*) AS n FROM clients WHERE optin_email").loc[0, "n"]
    assert apres == avant


def test_verification_independante_des_modifications_de_l_etudiant():
    con = gc.connecter()
    gc.requete("DELETE FROM relances", con)
    gc.requete("UPDATE clients SET optin_email = false", con)
    ex = exercices.exercice("S822-5")
    assert gc.verifier_exercice("S822-5", ex.solution).ok


def test_liste_des_exercices():
    df = exercices.exercices("S822")
    assert list(df.columns) == ["id", "titre", "enonce"]
    assert len(df) >= 5
    assert df["id"].is_unique


@pytest.mark.parametrize("identifiant", ["S822-7", "S822-8", "S822-1"])
def test_le_commentaire_du_modele_ne_gene_pas(identifiant):
    """L'étudiant garde la ligne « -- Écrivez votre requête ici » au-dessus de sa réponse."""
    from gc_helpers.exercices import EXERCICES, verifier_exercice

    reponse = "-- Écrivez votre requête ici\n" + EXERCICES[identifiant].solution
    verdict = verifier_exercice(identifiant, reponse)
    assert verdict.ok, verdict.message


# --------------------------------------------------------------------------- exercices de calcul

# Deux morceaux de calcul d'étudiant : la part des créances de plus de 90 jours, la ligne du
# linge de lit.
_PART_PLUS_90 = (
    "(lambda b: b['echu_plus_90'].sum() / b['total_du'].sum())"
    "(gc.balance_agee(gc.table('factures'), gc.DATE_REFERENCE, gc.table('reglements')))"
)
_LIT = "stocks[stocks['famille'] == 'linge de lit'].iloc[0]"

# Pour chaque exercice de calcul : des réponses fausses plausibles (code Python évalué dans
# l'espace du notebook), et un bout du conseil attendu en plus de l'indice (ou "").
ERREURS_CALCUL: dict[str, list[tuple[str, str]]] = {
    "S432-2": [
        ("3 * 6 + 3 * 7 + 1 * 7 + 1 * 3", ""),  # score brut, pas ramené sur 100
        ("(6 + 7 + 7 + 3) / 40 * 100", ""),  # poids oubliés
    ],
    "S432-3": [
        ("300 / 500", ""),  # divisé par les paniers avec taies
        ("300 / 2000", ""),  # c'est le support, pas la confiance
    ],
    "S432-4": [
        ("(300 / 600) / (600 / 2000)", ""),  # divisé par la part des draps
        ("300 / 2000", ""),  # support
    ],
    "S41-3": [
        ("gc.valeur_client(3000, 0.85, 0.10, 5)", ""),  # acquisition oubliée
        ("sum(3000 * 0.85**t / 1.1**t for t in range(1, 6)) - 900", ""),  # fidélité dès l'an 1
        ("sum(3000 * 0.85 ** (t - 1) for t in range(1, 6)) - 900", ""),  # sans actualisation
    ],
    "S41-4": [
        ("600 * 0.88 * 950", ""),  # les clients fidèles au lieu des perdus
        ("600 * (1 - 0.88)", ""),  # le nombre de clients, pas le budget
    ],
    "S512-1": [
        ("6250 * (1 - 0.015)", "HT au lieu de TTC"),  # TVA oubliée
        ("6250 * 1.20", ""),  # escompte oublié
    ],
    "S512-2": [
        ("4200 - (4200 * 0.072 * 45 / 360 + 5.50 * 1.20)", ""),  # jour de banque oublié
        ("4200 - 4200 * 0.072 * 46 / 360", ""),  # commission oubliée
    ],
    "S512-3": [
        ("2500 * (1 + 0.08 * 60 / 360)", ""),  # intérêt du report ajouté au lieu d'actualiser
    ],
    "S512-4": [
        ("8400 * 0.12 * 45 / 365", ""),  # indemnité forfaitaire oubliée
        ("8400 * 0.12 * 45 / 360 + 40", ""),  # année de 360 jours
    ],
    "S512-5": [
        ("12000 * 0.048 / (1 - 1.048 ** -24)", ""),  # taux annuel non divisé par 12
        ("12000 / 24", ""),  # intérêts oubliés
    ],
    "S512-6": [
        ("0.04 * 30000 * 5", ""),  # intérêts sur le capital initial chaque année
    ],
    "S512-7": [
        ("500 * 36", ""),  # loyers non actualisés
        ("500 * (1 - 1.06 ** -36) / 0.06", ""),  # taux annuel non divisé par 12
    ],
    "S521-1": [
        ("sum(4000 / 1.08 ** t for t in range(1, 5))", ""),  # fidélité oubliée
        ("sum(4000 * 0.75 ** t / 1.08 ** t for t in range(1, 5))", ""),  # fidélité dès l'an 1
    ],
    "S521-2": [
        # ROI calculé sur le chiffre d'affaires au lieu de la marge
        (
            "(lambda c: (float(c['ca_genere_ht']) - float(c['cout_ht'])) / float(c['cout_ht']))"
            '(gc.requete("SELECT cout_ht, ca_genere_ht FROM campagnes '
            "WHERE nom = 'Noël des CSE 2025'\").iloc[0])",
            "",
        ),
    ],
    "S521-3": [
        # hypothèse de coût horaire oubliée (35 € par défaut)
        ("gc.compte_exploitation_client(141).loc[0, 'resultat_client']", ""),
    ],
    "S521-4": [
        (f"100 * {_PART_PLUS_90}", "pourcentage"),  # en pourcentage
        # rapportée aux seules créances échues
        (_PART_PLUS_90.replace("b['total_du'].sum()", "(b['total_du'] - b['non_echu']).sum()"), ""),
    ],
    "S521-5": [
        ("45000 * 0.009 * 1.2 + 45000 * 0.055 * 50 / 360", ""),  # TVA récupérable comptée
        ("45000 * 0.009 + 45000 * 0.055 * 50 / 365", ""),  # année civile au lieu de 360 jours
    ],
    "S523-1": [
        ("(280000 + 368000) / 2 / 2160000 * 360", ""),  # TVA oubliée : 54 jours
        ("368000 / (2160000 * 1.2) * 360", ""),  # créances de fin d'année seules
    ],
    "S523-2": [
        (f"{_LIT}['stock_final'] / {_LIT}['camv'] * 360", ""),  # stock final au lieu du moyen
        (
            f"{_LIT}['camv'] / (({_LIT}['stock_initial'] + {_LIT}['stock_final']) / 2)",
            "",
        ),  # rotation
    ],
    "S523-3": [
        ("(40 * 0.7 + 50 * 1.2 - 60 * 0.7) * 900000 / 360", ""),  # fournisseurs sans TVA
        ("40 * 0.7 + 50 * 1.2 - 60 * 0.7 * 1.2", ""),  # BFRE en jours, pas en euros
    ],
    "S523-4": [
        ("0.02 * 360 / 60", ""),  # oubli de diviser par (1 − e)
        ("100 * 0.02 / 0.98 * 360 / 60", "pourcentage"),  # en pourcentage
    ],
    "S522-1": [
        ("100 * hotels.std(ddof=0) / hotels.mean()", "pourcentage"),  # en pourcentage
        ("hotels.std() / hotels.mean()", ""),  # écart-type de l'échantillon (n − 1)
    ],
    "S522-2": [
        ("serie.iloc[4::4].mean() / serie.mean()", ""),  # décalage : les 1ers trimestres
        ("serie.iloc[3::4].mean()", ""),  # pas divisé par la moyenne
    ],
    "S522-3": [
        ("gc.ajustement_lineaire(serie).prevoir(21)", ""),  # coefficient saisonnier oublié
        (
            "gc.ajustement_lineaire(serie).prevoir(17) * gc.coefficients_saisonniers(serie, 4)[1]",
            "",
        ),
    ],
    "S522-4": [
        # critère des clients au lieu de la valeur
        ("(gc.segmentation_abc(portefeuille, 'ca_2025')['classe'] == 'A').sum()", ""),
    ],
    "S522-5": [
        # divisé par tout le portefeuille (inactifs compris)
        (
            "achats[achats['famille'] == 'plaids']['id_client'].nunique() / len(portefeuille)",
            "",
        ),
    ],
    "S821-1": [
        (
            'len(gc.lire_csv(gc.chemin_source("fichier_achete_hotels.csv")))',
            "",
        ),  # toutes les lignes
    ],
    "S821-2": [
        # toutes les sources au lieu des seules externes : le fichier clients (4,5) passe devant
        (
            'gc.widgets.evaluer_sources({"fiabilite": 4, "fraicheur": 3, "cout": 0, '
            '"accessibilite": 1, "pertinence": 2}).loc[0, "note"]',
            "",
        ),
    ],
    "S821-3": [
        ('len(gc.lire_excel(gc.chemin_source("contacts_salon_lyon.xlsx")))', ""),  # doublons gardés
    ],
    "S821-4": [
        # opt-in coché, sans tenir compte des oppositions ni de la durée de conservation
        (
            "int(gc.requete(\"SELECT count(*) AS n FROM clients WHERE type_client = 'particulier' "
            "AND optin_email AND email IS NOT NULL\").loc[0, 'n'])",
            "",
        ),
    ],
    "S821-5": [
        ("len(gc.donnees_a_purger())", ""),  # clients et prospects mêlés
    ],
    "S531-1": [
        ("8400 * 0.35", ""),  # multiplié au lieu de diviser
        ("8400 / 35", ""),  # taux en pourcentage
    ],
    "S531-2": [
        ("24000 / 96000 * 365", ""),  # année civile au lieu de 360 jours
        ("24000 / 96000 * 12", ""),  # en mois au lieu de jours
    ],
    "S531-3": [
        ("(60 * 12 + 150 * 6 + 400 * 2) * 2 // (200 * 8 * 0.75)", ""),  # arrondi inférieur
        ("(60 * 12 + 150 * 6 + 400 * 2) * 2 / (200 * 8)", ""),  # tout le temps en clientèle
    ],
    "S531-4": [
        ("4800 / 3 * 8 / 12", ""),  # prorata en mois (mai compté en entier)
        ("4800 / 3 * 230 / 360", ""),  # jour de mise en service non compté
        ("4800 / 3", ""),  # pas de prorata
    ],
    "S531-5": [
        ("24000 * 0.35", ""),  # taux appliqué à la valeur d'origine
        ("(24000 - 24000 * 0.35 * 3 / 12) * 0.35", ""),  # septembre non compté
    ],
    "S531-6": [
        # CA potentiel au lieu du CA pondéré
        (
            "gc.pipeline_affaires().query(\"commercial == 'Bruno Delattre'\")"
            '["ca_potentiel"].sum()',
            "",
        ),
        ("gc.pipeline_affaires()['ca_pondere'].sum()", ""),  # toute l'équipe
    ],
    "S445-1": [
        ("7327 / 19490 * 100", ""),  # la couverture seule, sans la répétition
        ("11532 / 19490", ""),  # GRP non multiplié par 100
    ],
    "S445-2": [
        ("5684 / 7327 * 1000", ""),  # sur l'audience au lieu des contacts
        ("5684 / 11532", ""),  # coût par contact, pas pour mille
    ],
    "S445-3": [
        ("(147107.05 - 29690) / 29690", ""),  # ROI calculé sur le CA
        ("147107.05 * 0.42 / 29690", ""),  # marge / coût, sans retirer le coût
    ],
    "S445-4": [
        ("len(gc.suivi_campagne(26, id_commercial=1))", ""),  # tous les clients touchés
        ("int((~gc.suivi_campagne(26)['a_commande']).sum())", ""),  # toute l'équipe
    ],
    "S823-1": [
        ("gc.distance_km(50.6942, 3.1746, 49.8942, 2.2957) * 1.3 * 0.60", ""),  # sans retour
        ("2 * gc.distance_km(50.6942, 3.1746, 49.8942, 2.2957) * 0.60", ""),  # vol d'oiseau
    ],
    "S823-2": [
        # moyenne des ratios des commerciaux au lieu du ratio des totaux
        ("gc.ratios_par_commercial('2025-01-01', '2025-12-31')['transformation'].mean()", ""),
    ],
    "S823-3": [
        ("len(gc.actions_a_relancer())", ""),  # toute l'équipe
    ],
    "S823-4": [
        # la longueur de la tournée optimisée au lieu du gain
        (
            "gc.widgets.planifier_tournee(3, gc.widgets.prospects_a_visiter(3)"
            "['id_prospect'].head(6).tolist()).km",
            "",
        ),
    ],
    "S442-1": [
        ("1180 * (1 - 0.15 - 0.02) * 1.2 + 45 * 1.2 - 300", ""),  # taux additionnés
        ("(1180 * 0.9 * 0.95 + 45) * 0.98 * 1.2 - 300", ""),  # escompte sur le port
        ("1180 * 0.9 * 0.95 * 0.98 * 1.2 + 45 * 1.2", ""),  # acompte oublié
    ],
    "S442-2": [
        ("(747 + 255) * 0.95 * 1.2", ""),  # un seul taux de TVA
        ("(747 + 255) * 0.95", ""),  # TVA oubliée
    ],
    "S442-3": [
        ("64 / 7", ""),  # produits arrêtés comptés
        ("7", ""),  # la largeur, pas la profondeur
    ],
    "S443-1": [
        ("12.14 * 1.52", ""),  # taux de marque appliqué au coût (c'est un taux de marge)
    ],
    "S443-2": [
        ("14.90 / 8.52", ""),  # prix HT au lieu de TTC
    ],
    "S443-3": [
        ("(70 / 400) / (2 / 24.90)", ""),  # signe de la baisse de prix oublié
        ("(-2 / 24.90) / (70 / 400)", ""),  # rapport inversé
    ],
    "S443-4": [
        ("49", ""),  # lecture approximative du graphique
    ],
}


def _corriges_des_notebooks() -> dict[str, str]:
    """Le code Python du corrigé de chaque exercice, lu dans la cellule markdown de son énoncé."""
    corriges = {}
    for chemin in sorted(NOTEBOOKS.glob("S*.ipynb")):
        for cellule in json.loads(chemin.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cellule["source"])
            titre = re.match(r"### Exercice (S\d+-\d+) ", source)
            code = re.search(r"Corrigé.*?```python\n(.*?)```", source, re.S)
            if cellule["cell_type"] == "markdown" and titre and code:
                corriges[titre.group(1)] = code.group(1)
    return corriges


CORRIGES = _corriges_des_notebooks()


@pytest.fixture(scope="module")
def espace_du_notebook():
    """Les tables que les notebooks construisent avant leurs exercices (mêmes fonctions)."""
    con = gc.connecter()
    ca_clients = gc.ca_par_client(2025, con)
    return {
        "gc": gc,
        "ca_clients": ca_clients,
        "hotels": ca_clients[ca_clients["secteur_activite"] == "hôtel"]["ca_2025"],
        "serie": gc.ventes_par_periode(con, "trimestre", annees=(2022, 2025)),
        "portefeuille": gc.ca_par_client(2025, con, inactifs=True),
        "achats": gc.familles_achetees(2025, con),
        "stocks": gc.stocks_par_famille(2025, con),
    }


def test_chaque_exercice_de_calcul_a_son_corrige_dans_un_notebook():
    assert set(EXERCICES_CALCUL) <= set(CORRIGES)


@pytest.mark.parametrize("identifiant", list(EXERCICES_CALCUL))
def test_le_corrige_du_notebook_est_accepte(identifiant, espace_du_notebook):
    ex = EXERCICES_CALCUL[identifiant]
    espace = dict(espace_du_notebook)
    exec(CORRIGES[identifiant], espace)
    verdict = gc.verifier_exercice(identifiant, espace[ex.variable])
    assert verdict.ok, verdict.message
    assert str(verdict).startswith(f"✅ {identifiant} — {ex.titre}")


@pytest.mark.parametrize(
    ("identifiant", "erreur", "conseil"),
    [(i, e, c) for i, erreurs in ERREURS_CALCUL.items() for e, c in erreurs],
)
def test_une_erreur_de_calcul_echoue_avec_l_indice(
    identifiant, erreur, conseil, espace_du_notebook
):
    ex = EXERCICES_CALCUL[identifiant]
    verdict = gc.verifier_exercice(identifiant, eval(erreur, dict(espace_du_notebook)))
    texte = str(verdict)
    assert not verdict.ok
    assert texte.startswith(f"❌ {identifiant} — {ex.titre} : pas encore.")
    assert texte.endswith(f"Indice : {ex.indice}")
    assert conseil in texte


def test_valeurs_attendues_calculees_a_la_main():
    """Quelques clés contre l'arithmétique du corrigé (indépendante des outils du cours)."""
    attendus = {
        "S512-1": 6250 * 0.985 * 1.2,  # 7 387,50 €
        "S512-2": 4200 - (4200 * 0.072 * 46 / 360 + 5.50 * 1.2),  # 4 154,76 €
        "S512-4": 8400 * 0.12 * 45 / 365 + 40,  # 164,27 €
        "S512-6": 1200 + 960 + 720 + 480 + 240,  # 3 600 €
        # 2 727,27 + 2 107,44 + 1 628,47 + 1 258,37 + 972,38 − 900 = 7 793,93 €
        "S41-3": 3000 / 1.1
        + 2550 / 1.1**2
        + 2167.5 / 1.1**3
        + 1842.375 / 1.1**4
        + 1566.01875 / 1.1**5
        - 900,
        "S41-4": 72 * 950,  # 68 400 €
        # 3 703,70 + 2 572,02 + 1 786,13 + 1 240,37 = 9 302,21 €
        "S521-1": 4000 / 1.08 + 3000 / 1.08**2 + 2250 / 1.08**3 + 1687.5 / 1.08**4,
        "S521-5": 45000 * 0.009 + 45000 * 0.055 * 50 / 360,  # 405 + 343,75 = 748,75 €
        "S523-1": 324000 / 2592000 * 360,  # 45 jours
        "S523-3": (28 + 60 - 50.4) * 2500,  # 37,6 jours × 900 000 / 360 = 94 000 €
        "S523-4": 0.02 / 0.98 * 6,  # 12,24 % par an
        "S531-1": 8400 / 0.35,  # 24 000 €
        "S531-2": 24000 / 96000 * 360,  # 90 jours
        "S531-3": 5,  # 4 840 h / 1 200 h = 4,03 → 5
        "S531-4": 4800 / 3 * (21 + 7 * 30) / 360,  # 1 026,67 €
        "S531-5": (24000 - 24000 * 0.35 * 4 / 12) * 0.35,  # 7 420 €
        "S445-1": 11532 / 19490 * 100,  # 59,17 GRP
        "S445-2": 5684 / 11532 * 1000,  # 492,89 €
        "S445-3": (147107.05 * 0.42 - 29690) / 29690,  # 1,0810
        "S442-1": 1180 * 0.90 * 0.95 * 0.98 * 1.20 + 45 * 1.20 - 300,  # 940,47 €
        "S442-2": 747 * 0.95 * 1.20 + 255 * 0.95 * 1.055,  # 1 107,15 €
        "S442-3": 61 / 7,  # 61 références actives, 7 familles
        "S443-1": 12.14 / 0.48,  # 25,29 €
        "S443-2": 14.90 * 1.20 / 8.52,  # 2,0986
        "S443-3": (70 / 400) / (-2 / 24.90),  # −2,18
    }
    for identifiant, attendu in attendus.items():
        assert EXERCICES_CALCUL[identifiant].calcul() == pytest.approx(attendu, rel=1e-12)


def test_reponse_none_texte_ou_tableau_messages_en_francais():
    rien = gc.verifier_exercice("S512-5", None)
    assert not rien.ok
    assert "La variable reponse vaut encore None : rangez votre calcul dans reponse" in str(rien)
    assert "Indice : Taux mensuel" in str(rien)
    # Le nom de la variable est celui du notebook.
    assert "rangez votre calcul dans ma_reponse" in gc.verifier_exercice("S522-4", None).message
    points = gc.verifier_exercice("S522-4", ...).message
    assert "La variable ma_reponse vaut encore ... : rangez votre calcul" in points
    texte = gc.verifier_exercice("S512-1", "7 387,50 €")
    assert not texte.ok and "Votre réponse est un texte" in texte.message
    assert "7387.50" in texte.message  # le nombre à écrire, sans guillemets
    requete = gc.verifier_exercice("S512-1", "SELECT 1")
    assert not requete.ok and "un nombre est attendu" in requete.message
    assert gc.verifier_exercice("S512-1", 7387.50).ok


def test_la_valeur_attendue_est_calculee_une_fois(monkeypatch):
    appels = []
    ex = EXERCICES_CALCUL["S512-3"]
    monkeypatch.setattr(exercices, "_valeurs_attendues", {})
    monkeypatch.setitem(
        exercices.EXERCICES,
        "S512-3",
        exercices.ExerciceCalcul(
            ex.id, ex.titre, ex.enonce, lambda: appels.append(1) or 2533.94, ex.indice
        ),
    )
    for _ in range(3):
        gc.verifier_exercice("S512-3", 2533.94)
    assert appels == [1]


def test_la_cle_ignore_les_modifications_de_l_etudiant():
    con = gc.connecter()
    gc.requete("UPDATE commandes SET montant_ht = 0 WHERE year(date_commande) = 2025", con)
    gc.requete("UPDATE clients SET secteur_activite = 'hôtel'", con)
    # Comptés sur les données d'origine : 182 clients en A, hôtels à 201,6 % de variation.
    assert gc.verifier_exercice("S522-4", 182).ok
    assert gc.verifier_exercice("S522-1", 2.0159553).ok
    gc.requete("DELETE FROM reglements", con)
    gc.requete("DELETE FROM stocks WHERE famille = 'linge de lit'", con)
    gc.requete("UPDATE campagnes SET cout_ht = 1", con)
    # 33,8 % des créances à plus de 90 jours ; 41,66 jours de stock de linge de lit
    assert gc.verifier_exercice("S521-4", 0.338).ok
    assert gc.verifier_exercice("S523-2", 41.66).ok
    assert gc.verifier_exercice("S521-2", 16.685).ok


def test_gc_exercices_liste_une_unite():
    df = gc.exercices("S512")
    assert df["id"].tolist() == [f"S512-{n}" for n in range(1, 8)]
    assert df.loc[0, "titre"] == "Escompte pour paiement comptant"
    assert gc.exercices("s522")["id"].tolist() == [f"S522-{n}" for n in range(1, 6)]
    assert gc.exercices("S521")["id"].tolist() == [f"S521-{n}" for n in range(1, 6)]
    assert gc.exercices("S523")["id"].tolist() == [f"S523-{n}" for n in range(1, 5)]
    assert set(gc.exercices()["id"]) == set(exercices.EXERCICES)
