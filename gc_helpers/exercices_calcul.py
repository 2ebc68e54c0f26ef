"""Clés de correction des exercices de **calcul** « À vous de jouer » (une section par unité).

Le notebook ne montre pas la bonne réponse : la cellule de l'étudiant appelle
``gc.verifier_exercice("S512-1", reponse)``, qui calcule ici la valeur attendue
avec les outils du cours, sur les données d'origine (jamais sur la copie de
travail du notebook), puis la compare au nombre de l'étudiant.

Pour ajouter les exercices d'une unité : une section de plus dans
``EXERCICES_CALCUL`` ; ``exercices.py`` (les exercices SQL) n'a pas à changer.

>>> EXERCICES_CALCUL["S512-3"].titre
"Report d'échéance"
>>> round(EXERCICES_CALCUL["S512-3"].calcul(), 2)
2533.94
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from . import (
    affaires,
    collecte,
    couts,
    donnees,
    extraits,
    finance,
    medias,
    offre,
    portefeuille,
    prevision,
    prix,
    prospection,
    rgpd,
    risque,
    statistiques,
)
from .valeur_client import compte_exploitation_client, retour_sur_investissement, valeur_client

__all__ = ["ExerciceCalcul", "EXERCICES_CALCUL"]


@dataclass(frozen=True)
class ExerciceCalcul:
    """Un exercice dont la réponse est un nombre.

    - ``calcul`` : calcule la valeur attendue avec les outils du cours ;
    - ``tolerance`` : écart accepté, absolu (0,01 = au centime près) ou, si
      ``relative``, en proportion de la valeur attendue ;
    - ``variable`` : le nom de la variable de réponse dans le notebook ;
    - ``indice`` : affiché quand la réponse est fausse.
    """

    id: str
    titre: str
    enonce: str
    calcul: Callable[[], float]
    indice: str
    tolerance: float = 0.01
    relative: bool = False
    variable: str = "reponse"

    @property
    def unite(self) -> str:
        """Le code de l'unité (« S512 » pour « S512-3 »)."""
        return self.id.split("-")[0]


# --------------------------------------------------------------------------- S512


def _s512_2() -> float:
    jours = finance.nombre_de_jours("2026-10-31", "2026-12-15", jours_de_banque=1)
    return finance.agios(4200, 0.072, jours, commissions_fixes_ht=5.50)["valeur_nette"]


def _s512_4() -> float:
    retard = finance.nombre_de_jours("2026-09-30", "2026-11-14")
    return finance.penalites_retard(8400, 0.12, retard)


def _s512_6() -> float:
    tableau = finance.tableau_amortissement(30000, 0.04, 5, mode="amortissements_constants")
    return tableau["interets"].sum()


_S512 = (
    ExerciceCalcul(
        id="S512-1",
        titre="Escompte pour paiement comptant",
        enonce=(
            "Net commercial 6 250 € HT, escompte de règlement 1,5 %, TVA 20 % : le net à payer TTC."
        ),
        calcul=lambda: finance.escompte_reglement(6250, 0.015)["net_a_payer_ttc"],
        indice=(
            "L'escompte se calcule sur le net commercial HT ; la TVA sur le net financier "
            "(net commercial − escompte)."
        ),
    ),
    ExerciceCalcul(
        id="S512-2",
        titre="Remise d'une LCR à l'escompte",
        enonce=(
            "LCR de 4 200 € au 15/12/2026 remise le 31/10/2026, taux 7,2 %, 1 jour de banque, "
            "commission 5,50 € HT, TVA 20 % : la valeur nette."
        ),
        calcul=_s512_2,
        indice=(
            "Jours : du 1er au 30 novembre (30) + 15 jours de décembre + 1 jour de banque. "
            "La TVA ne porte que sur la commission de service."
        ),
    ),
    ExerciceCalcul(
        id="S512-3",
        titre="Report d'échéance",
        enonce=(
            "Effet de 2 500 € à 20 jours remplacé par un effet à 80 jours, taux 8 % : "
            "le nominal du nouvel effet."
        ),
        calcul=lambda: finance.nominal_equivalent(2500, 20, 80, 0.08),
        indice=(
            "Égalez les valeurs actuelles commerciales : "
            "V' × (1 − 0,08 × 80/360) = 2 500 × (1 − 0,08 × 20/360)."
        ),
    ),
    ExerciceCalcul(
        id="S512-4",
        titre="Pénalités d'un client en retard",
        enonce=(
            "Facture de 8 400 € TTC échue le 30/09/2026, réglée le 14/11/2026, pénalités à "
            "12 % par an : pénalités + indemnité forfaitaire."
        ),
        calcul=_s512_4,
        indice=(
            "Jours de retard : 31 en octobre + 14 en novembre. Base 365 jours, sur le TTC, "
            "plus 40 €."
        ),
    ),
    ExerciceCalcul(
        id="S512-5",
        titre="La mensualité d'un emprunt",
        enonce="Emprunt de 12 000 € sur 24 mois à 4,8 % par an (taux proportionnel) : la mensualité.",
        calcul=lambda: finance.annuite_constante(12000, 0.048 / 12, 24),
        indice="Taux mensuel = 0,048 / 12 = 0,004 ; a = C × i / (1 − (1 + i)^−n) avec n = 24.",
    ),
    ExerciceCalcul(
        id="S512-6",
        titre="Coût d'un emprunt à amortissements constants",
        enonce=(
            "Emprunt de 30 000 € sur 5 ans par amortissements constants à 4 % : "
            "le coût du crédit (total des intérêts)."
        ),
        calcul=_s512_6,
        indice=(
            "Le capital dû en début d'année vaut 30 000, 24 000, 18 000, 12 000 puis 6 000 € ; "
            "les intérêts en sont 4 %."
        ),
    ),
    ExerciceCalcul(
        id="S512-7",
        titre="Valeur actuelle des loyers d'une LLD",
        enonce=(
            "36 loyers mensuels de 500 € en fin de mois, actualisés à 6 % par an "
            "(taux proportionnel) : leur valeur actuelle."
        ),
        calcul=lambda: finance.valeur_actuelle_annuites(500, 0.06 / 12, 36),
        indice=(
            "Valeur actuelle d'une suite d'annuités : a × (1 − (1 + i)^−n) / i "
            "avec i = 0,005 et n = 36."
        ),
    ),
)


# --------------------------------------------------------------------------- S522
# Les tables du notebook (ca_clients, serie, portefeuille, achats), reconstruites
# par les mêmes fonctions que lui, sur les données d'origine.


@functools.cache
def _ca_clients() -> pd.DataFrame:
    return extraits.ca_par_client(2025, donnees.connexion_lecture())


@functools.cache
def _serie() -> pd.Series:
    return extraits.ventes_par_periode(donnees.connexion_lecture(), annees=(2022, 2025))


def _s522_1() -> float:
    ca = _ca_clients()
    hotels = ca[ca["secteur_activite"] == "hôtel"]["ca_2025"]
    return statistiques.indicateurs(hotels)["coefficient_variation"]


def _s522_4() -> float:
    clients = extraits.ca_par_client(2025, donnees.connexion_lecture(), inactifs=True)
    abc = portefeuille.segmentation_abc(clients, "ca_2025", critere="valeur")
    return portefeuille.synthese_abc(abc).set_index("classe").loc["A", "nb_clients"]


def _s522_5() -> float:
    achats = extraits.familles_achetees(2025, donnees.connexion_lecture())
    return portefeuille.taux_detention(achats).set_index("famille").loc["plaids", "taux_detention"]


_S522 = (
    ExerciceCalcul(
        id="S522-1",
        titre="La dispersion du CA des hôtels",
        enonce=(
            "Coefficient de variation du CA 2025 des clients hôtels actifs en 2025, en décimal, "
            "avec l'écart-type de la population."
        ),
        calcul=_s522_1,
        indice=(
            "Filtrez ca_clients[ca_clients['secteur_activite'] == 'hôtel']['ca_2025'], puis "
            "divisez l'écart-type (.std(ddof=0) : population) par la moyenne (.mean())."
        ),
        tolerance=0.0001,
        variable="ma_reponse",
    ),
    ExerciceCalcul(
        id="S522-2",
        titre="Le coefficient saisonnier du 4e trimestre",
        enonce=(
            "Coefficient saisonnier du 4e trimestre de serie (2022-2025) par la méthode des "
            "moyennes, modèle multiplicatif."
        ),
        calcul=lambda: prevision.coefficients_saisonniers(_serie(), 4, methode="moyennes")[4],
        indice=(
            "Moyenne des quatre 4es trimestres divisée par la moyenne des 16 trimestres ; "
            "les 4es trimestres sont serie.iloc[3::4] (un sur quatre à partir du 4e)."
        ),
        tolerance=0.0001,
        variable="ma_reponse",
    ),
    ExerciceCalcul(
        id="S522-3",
        titre="Prévoir le 1er trimestre 2027",
        enonce=(
            "Prévision du CA du 1er trimestre 2027 (rang 21) : tendance des moindres carrés × "
            "coefficient saisonnier du 1er trimestre par les moyennes mobiles."
        ),
        calcul=lambda: prevision.prevision_saisonniere(_serie(), 4, horizon=5)["prevision"].iloc[
            -1
        ],
        indice=(
            "gc.ajustement_lineaire(serie).prevoir(21) donne la tendance au rang 21 ; "
            "gc.coefficients_saisonniers(serie, 4)[1] le coefficient du 1er trimestre."
        ),
        variable="ma_reponse",
    ),
    ExerciceCalcul(
        id="S522-4",
        titre="Combien de clients en classe A ?",
        enonce=(
            "Nombre de clients professionnels en classe A au critère de la valeur "
            "(A jusqu'à 80 % du CA 2025 cumulé)."
        ),
        calcul=_s522_4,
        indice=(
            "gc.segmentation_abc(portefeuille, 'ca_2025', critere='valeur'), puis comptez les "
            "lignes dont la classe vaut 'A'."
        ),
        tolerance=0,
        variable="ma_reponse",
    ),
    ExerciceCalcul(
        id="S522-5",
        titre="Le taux de détention des plaids",
        enonce=(
            "Taux de détention de la famille « plaids » parmi les clients professionnels "
            "actifs en 2025, en décimal."
        ),
        calcul=_s522_5,
        indice=(
            "Nombre de clients distincts ayant acheté des plaids / nombre de clients distincts "
            "de achats."
        ),
        tolerance=0.0001,
        variable="ma_reponse",
    ),
)


# --------------------------------------------------------------------------- S821


def _s821_1() -> float:
    brut = collecte.lire_csv(collecte.chemin_source("fichier_achete_hotels.csv"))
    return int(brut["E-mail"].isna().sum())


def _s821_2() -> float:
    from .widgets.sources import evaluer_sources  # ipywidgets : seulement si on vérifie

    poids = {"fiabilite": 4, "fraicheur": 3, "cout": 0, "accessibilite": 1, "pertinence": 2}
    return float(evaluer_sources(poids, type_source="externe").loc[0, "note"])


def _s821_3() -> float:
    prep = collecte.preparer_prospects(
        collecte.lire_excel(collecte.chemin_source("contacts_salon_lyon.xlsx")),
        collecte.CORRESPONDANCE_SALON_LYON,
        origine="salon",
        date_premier_contact="2026-10-04",
        con=donnees.connexion_lecture(),
    )
    return int((prep["decision"] == "à importer").sum())


def _s821_4() -> float:
    oppositions = collecte.lire_csv(collecte.chemin_source("desinscriptions.csv"))
    d = rgpd.destinataires_courriel(donnees.connexion_lecture(), oppositions=oppositions)
    return int((d["autorise"] & (d["type_client"] == "particulier")).sum())


def _s821_5() -> float:
    p = rgpd.donnees_a_purger(donnees.connexion_lecture())
    return int((p["personne"] == "prospect").sum())


_S821 = (
    ExerciceCalcul(
        id="S821-1",
        titre="Les fiches sans courriel du fichier acheté",
        enonce="Nombre de lignes de fichier_achete_hotels.csv sans courriel.",
        calcul=_s821_1,
        indice=(
            "Lisez le fichier avec gc.lire_csv(gc.chemin_source(…)) puis comptez les valeurs "
            "manquantes de la colonne 'E-mail' : .isna().sum()."
        ),
        tolerance=0,
        variable="nb_sans_courriel",
    ),
    ExerciceCalcul(
        id="S821-2",
        titre="La meilleure source externe",
        enonce=(
            "Poids fiabilité 4, fraîcheur 3, coût 0, accessibilité 1, pertinence 2 : la note sur 5 "
            "de la source externe classée première."
        ),
        calcul=_s821_2,
        indice=(
            "gc.widgets.evaluer_sources(poids, type_source='externe') : la première ligne est la "
            "mieux notée, sa note est dans la colonne 'note'. Attention à ne garder que les "
            "sources externes."
        ),
        variable="note_meilleure",
    ),
    ExerciceCalcul(
        id="S821-3",
        titre="Les contacts du salon de Lyon à importer",
        enonce="Nombre de lignes « à importer » du tableau Excel du salon de Lyon.",
        calcul=_s821_3,
        indice=(
            "gc.lire_excel(…) puis gc.preparer_prospects(tableau, gc.CORRESPONDANCE_SALON_LYON, "
            "origine='salon', date_premier_contact='2026-10-04') ; comptez les lignes dont la "
            "colonne 'decision' vaut 'à importer' (les doublons ne s'importent pas)."
        ),
        tolerance=0,
        variable="nb_a_importer",
    ),
    ExerciceCalcul(
        id="S821-4",
        titre="Les particuliers destinataires de l'offre de Noël",
        enonce="Nombre de particuliers à qui l'offre peut être envoyée par courriel.",
        calcul=_s821_4,
        indice=(
            "Lisez desinscriptions.csv avec gc.lire_csv, passez-le à "
            "gc.destinataires_courriel(oppositions=…), puis comptez les lignes autorisées ET de "
            "type 'particulier'."
        ),
        tolerance=0,
        variable="nb_particuliers",
    ),
    ExerciceCalcul(
        id="S821-5",
        titre="Les prospects à supprimer ou anonymiser",
        enonce="Nombre de prospects sans contact depuis plus de 3 ans au 31/10/2026.",
        calcul=_s821_5,
        indice=(
            "gc.donnees_a_purger() liste clients et prospects ; ne comptez que les lignes dont la "
            "colonne 'personne' vaut 'prospect'."
        ),
        tolerance=0,
        variable="nb_prospects_a_purger",
    ),
)


# --------------------------------------------------------------------------- S41

_S41 = (
    ExerciceCalcul(
        id="S41-3",
        titre="Garder ou conquérir ?",
        enonce=(
            "Hôtel à 3 000 € de marge annuelle, fidélité 85 %, actualisation 10 %, 5 ans, "
            "900 € d'acquisition : la valeur nette du nouvel hôtel (valeur client − acquisition)."
        ),
        calcul=lambda: valeur_client(3000, 0.85, 0.10, 5) - 900,
        indice=(
            "Cinq marges actualisées : 3 000 / 1,1 + 3 000 × 0,85 / 1,1² + … + 3 000 × 0,85⁴ / "
            "1,1⁵ (la marge de l'année 1 n'est pas multipliée par la fidélité), ou "
            "gc.valeur_client(3000, 0.85, 0.10, 5) ; retirez ensuite les 900 € d'acquisition."
        ),
    ),
    ExerciceCalcul(
        id="S41-4",
        titre="Le budget qui compense l'attrition",
        enonce=(
            "600 clients, fidélité 88 %, 950 € par client conquis : le budget annuel qui "
            "remplace les clients perdus."
        ),
        calcul=lambda: 600 * (1 - 0.88) * 950,
        indice=(
            "Les clients perdus chaque année sont 600 × (1 − 0,88) ; chacun se remplace au coût "
            "d'acquisition de 950 €."
        ),
    ),
)


# --------------------------------------------------------------------------- S432

_S432 = (
    ExerciceCalcul(
        id="S432-2",
        titre="Noter un prospect avec une grille",
        enonce=(
            "Notes 6 (origine), 7 (visites), 7 (secteur), 3 (effectif) ; poids 3, 3, 1, 1 : "
            "le score sur 100."
        ),
        calcul=lambda: (3 * 6 + 3 * 7 + 1 * 7 + 1 * 3) / ((3 + 3 + 1 + 1) * 10) * 100,
        indice=(
            "Score brut = Σ poids × note ; score maximal = Σ poids × 10 ; "
            "score sur 100 = brut / maximal × 100."
        ),
        variable="score_prospect",
    ),
    ExerciceCalcul(
        id="S432-3",
        titre="Confiance d'une règle d'association",
        enonce="2 000 paniers, 600 avec draps, 500 avec taies, 300 les deux : confiance draps → taies.",
        calcul=lambda: 300 / 600,
        indice="Confiance = paniers avec les deux / paniers avec des draps.",
        tolerance=0.001,
        variable="confiance",
    ),
    ExerciceCalcul(
        id="S432-4",
        titre="Lift de la même règle",
        enonce="Mêmes paniers : le lift de la règle draps → taies.",
        calcul=lambda: (300 / 600) / (500 / 2000),
        indice="Lift = confiance / part des paniers qui contiennent des taies.",
        tolerance=0.001,
        variable="lift",
    ),
)


# --------------------------------------------------------------------------- S521
# Les données de la base sont lues sur les données d'origine (connexion_lecture).


def _s521_2() -> float:
    noel = donnees.requete(
        "SELECT cout_ht::DOUBLE AS cout, ca_genere_ht::DOUBLE AS ca FROM campagnes "
        "WHERE nom = 'Noël des CSE 2025'",
        donnees.connexion_lecture(),
    ).iloc[0]
    return retour_sur_investissement(noel["ca"] * 0.45, noel["cout"])


def _s521_3() -> float:
    compte = compte_exploitation_client(
        141, hypotheses={"cout_horaire_commercial": 50}, con=donnees.connexion_lecture()
    )
    return compte.loc[0, "resultat_client"]


def _s521_4() -> float:
    con = donnees.connexion_lecture()
    balance = risque.balance_agee(
        donnees.table("factures", con), donnees.DATE_REFERENCE, donnees.table("reglements", con)
    )
    return balance["echu_plus_90"].sum() / balance["total_du"].sum()


_S521 = (
    ExerciceCalcul(
        id="S521-1",
        titre="La valeur d'un hôtel client",
        enonce=(
            "Marge annuelle 4 000 €, fidélité 75 %, actualisation 8 % : la valeur client sur 4 ans."
        ),
        calcul=lambda: valeur_client(4000, 0.75, 0.08, 4),
        indice=(
            "Quatre termes : 4 000 / 1,08 ; 4 000 × 0,75 / 1,08² ; 4 000 × 0,75² / 1,08³ ; "
            "4 000 × 0,75³ / 1,08⁴. Le premier terme n'est pas multiplié par la fidélité."
        ),
        variable="valeur_hotel",
    ),
    ExerciceCalcul(
        id="S521-2",
        titre="Le ROI de la campagne « Noël des CSE 2025 »",
        enonce=(
            "Coût HT et CA généré de la campagne « Noël des CSE 2025 » (table campagnes), "
            "taux de marque 45 % : le retour sur investissement, en décimal."
        ),
        calcul=_s521_2,
        indice=(
            "ROI = (marge générée − coût) / coût, avec marge = CA généré × 0,45. "
            "Filtre SQL : WHERE nom = 'Noël des CSE 2025'."
        ),
        tolerance=0.001,
        variable="roi_noel",
    ),
    ExerciceCalcul(
        id="S521-3",
        titre="Le résultat d'un client quand le temps commercial coûte plus cher",
        enonce=(
            "Coût horaire chargé d'un commercial à 50 € : le résultat client du client n° 141 "
            "sur les 12 derniers mois."
        ),
        calcul=_s521_3,
        indice=(
            'gc.compte_exploitation_client accepte hypotheses={"cout_horaire_commercial": 50} ; '
            "le résultat est dans la colonne resultat_client."
        ),
        variable="resultat_141",
    ),
    ExerciceCalcul(
        id="S521-4",
        titre="La part des créances de plus de 90 jours",
        enonce=(
            "Part du total des créances clients TTC échue depuis plus de 90 jours à la date "
            "d'arrêté, en décimal."
        ),
        calcul=_s521_4,
        indice=(
            "Utilisez la balance âgée (gc.balance_agee avec les tables factures et reglements) : "
            "somme de la colonne echu_plus_90 divisée par la somme de total_du."
        ),
        tolerance=0.0005,
        variable="part_plus_90",
    ),
    ExerciceCalcul(
        id="S521-5",
        titre="Le coût d'un affacturage",
        enonce=(
            "45 000 € TTC cédés à 50 jours, commission 0,9 % du TTC, financement 5,5 % l'an, "
            "sans retenue de garantie : le coût total HT."
        ),
        calcul=lambda: risque.cout_affacturage(45000, 0.009, 0.055, 50)["cout_total"],
        indice=(
            "Commission = 45 000 × 0,009 ; intérêts = 45 000 × 0,055 × 50 / 360 ; "
            "coût = commission HT + intérêts (la TVA sur la commission est récupérable)."
        ),
        variable="cout_factor",
    ),
)


# --------------------------------------------------------------------------- S531


def _s531_3() -> float:
    categories = pd.DataFrame(
        {
            "categorie": ["A", "B", "C"],
            "nb_clients": [60, 150, 400],
            "visites_par_an": [12, 6, 2],
            "duree_visite_h": [2, 2, 2],
        }
    )
    return couts.charge_de_travail(
        categories, couts.temps_disponible(200, 8, 0.75)
    ).effectif_necessaire


def _s531_6() -> float:
    p = affaires.pipeline_affaires(donnees.connexion_lecture())
    return float(p.loc[p["commercial"] == "Bruno Delattre", "ca_pondere"].sum())


_S531 = (
    ExerciceCalcul(
        id="S531-1",
        titre="Seuil de rentabilité d'une opération de phoning",
        enonce="Charges fixes 8 400 €, taux de marge sur coût variable 35 % : le seuil de rentabilité.",
        calcul=lambda: couts.seuil_rentabilite(8400, 0.35),
        indice="Seuil = charges fixes / taux de marge sur coût variable (le taux en décimal).",
    ),
    ExerciceCalcul(
        id="S531-2",
        titre="Point mort de l'opération",
        enonce="Seuil de 24 000 €, CA attendu 96 000 € réparti régulièrement : le point mort en jours.",
        calcul=lambda: couts.point_mort(24000, 96000),
        indice="Point mort = seuil / CA × 360 (année commerciale de 360 jours).",
    ),
    ExerciceCalcul(
        id="S531-3",
        titre="Combien de commerciaux ?",
        enonce=(
            "A : 60 clients × 12 visites, B : 150 × 6, C : 400 × 2 ; 2 h par visite ; "
            "200 jours × 8 h, 75 % en clientèle : le nombre de commerciaux nécessaires."
        ),
        calcul=_s531_3,
        indice=(
            "Heures = Σ clients × visites × 2 h ; temps d'un commercial = 200 × 8 × 0,75 ; "
            "on arrondit à l'entier supérieur (on ne recrute pas 0,03 commercial, mais il faut "
            "bien faire ces visites)."
        ),
        tolerance=0,
    ),
    ExerciceCalcul(
        id="S531-4",
        titre="Première annuité linéaire des tablettes",
        enonce="Tablettes 4 800 € HT sur 3 ans, mises en service le 10 mai 2026 : la dotation 2026.",
        calcul=lambda: couts.amortissement_lineaire(4800, 3, "2026-05-10")["dotation"].iloc[0],
        indice=(
            "Prorata temporis en jours, mois de 30 jours, jour de mise en service compté : "
            "21 jours en mai + 7 mois × 30 = 231 jours ; annuité × 231 / 360."
        ),
    ),
    ExerciceCalcul(
        id="S531-5",
        titre="Deuxième annuité dégressive du véhicule",
        enonce=(
            "Véhicule 24 000 € HT sur 5 ans, acquis le 20 septembre 2026, dégressif : "
            "la dotation 2027."
        ),
        calcul=lambda: couts.amortissement_degressif(24000, 5, "2026-09-20")["dotation"].iloc[1],
        indice=(
            "Taux = 1/5 × 1,75 = 35 %. 2026 : 4 mois (septembre compté en entier). "
            "2027 : 35 % de la valeur nette au 1er janvier 2027, pas de la valeur d'origine."
        ),
    ),
    ExerciceCalcul(
        id="S531-6",
        titre="Le pipeline pondéré de Bruno Delattre",
        enonce="Le CA pondéré des affaires en cours de Bruno Delattre (Hauts-de-France).",
        calcul=_s531_6,
        indice=(
            "gc.pipeline_affaires() donne une ligne par affaire en cours avec la colonne "
            "'ca_pondere' ; gardez les lignes dont la colonne 'commercial' vaut 'Bruno Delattre' "
            "et faites la somme."
        ),
    ),
)


# --------------------------------------------------------------------------- S523


def _s523_2() -> float:
    stocks = extraits.stocks_par_famille(2025, donnees.connexion_lecture())
    lit = stocks.set_index("famille").loc["linge de lit"]
    return risque.duree_moyenne_stockage((lit["stock_initial"], lit["stock_final"]), lit["camv"])


_S523 = (
    ExerciceCalcul(
        id="S523-1",
        titre="Le délai moyen de règlement d'un distributeur",
        enonce=(
            "CA 2 160 000 € HT (TVA 20 %), créances clients TTC 280 000 € en début et 368 000 € "
            "en fin d'année : le délai moyen de règlement des clients, en jours."
        ),
        calcul=lambda: risque.delai_moyen_reglement_clients((280000, 368000), 2160000 * 1.2),
        indice=(
            "Créances moyennes = (280 000 + 368 000) / 2 ; CA TTC = 2 160 000 × 1,2 ; "
            "délai = créances moyennes / CA TTC × 360."
        ),
        variable="delai",
    ),
    ExerciceCalcul(
        id="S523-2",
        titre="La durée de stockage du linge de lit",
        enonce="Durée moyenne de stockage de la famille « linge de lit » en 2025, en jours.",
        calcul=_s523_2,
        indice=(
            "Stock moyen = (stock initial + stock final) / 2 ; durée = stock moyen / CAMV × 360. "
            'La ligne se sélectionne avec stocks[stocks["famille"] == "linge de lit"].'
        ),
        variable="duree_lit",
    ),
    ExerciceCalcul(
        id="S523-3",
        titre="Le BFRE normatif d'un grossiste",
        enonce=(
            "CA 900 000 € HT, coût d'achat 70 % du CA, stock 40 jours, clients 50 jours, "
            "fournisseurs 60 jours, TVA 20 % : le BFRE en euros."
        ),
        calcul=lambda: risque.bfre_normatif(900000, 50, 40, 60, 0.7)["montant"].iloc[-1],
        indice=(
            "Stock : 40 × 0,7 ; clients : 50 × 1,2 ; fournisseurs : 60 × 0,7 × 1,2 ; BFRE en "
            "jours = stock + clients − fournisseurs ; en euros : × 900 000 / 360."
        ),
        variable="bfre_grossiste",
    ),
    ExerciceCalcul(
        id="S523-4",
        titre="Faut-il proposer 2 % d'escompte ?",
        enonce=(
            "Escompte de 2 % pour un paiement comptant au lieu de 60 jours : son taux annuel "
            "équivalent, en décimal."
        ),
        calcul=lambda: finance.taux_annuel_escompte(0.02, 60),
        indice=(
            "Taux équivalent = e / (1 − e) × 360 / jours gagnés, avec e = 0,02 et 60 jours gagnés."
        ),
        tolerance=0.0001,
        variable="taux_equivalent",
    ),
)


# --------------------------------------------------------------------------- S445


def _s445_4() -> float:
    suivi = medias.suivi_campagne(26, id_commercial=1, con=donnees.connexion_lecture())
    return int((~suivi["a_commande"]).sum())


_S445 = (
    ExerciceCalcul(
        id="S445-1",
        titre="Le GRP de l'annonce presse 2025",
        enonce=(
            "Campagne « L'hôtellerie responsable » 2025 : cible 19 490, audience utile 7 327, "
            "contacts utiles 11 532 : le GRP."
        ),
        calcul=lambda: medias.indicateurs_media(19490, 7327, 11532, 5684)["grp"],
        indice=(
            "GRP = couverture en % × répétition, soit contacts utiles / cible × 100 : "
            "(7 327 / 19 490 × 100) × (11 532 / 7 327)."
        ),
        variable="grp",
    ),
    ExerciceCalcul(
        id="S445-2",
        titre="Le CPM de l'annonce presse 2025",
        enonce="Même campagne, coût 5 684 € HT : le coût pour mille contacts utiles.",
        calcul=lambda: medias.indicateurs_media(19490, 7327, 11532, 5684)["cpm"],
        indice="CPM = coût / contacts utiles × 1 000 (les contacts, pas l'audience ni la cible).",
        variable="cpm",
    ),
    ExerciceCalcul(
        id="S445-3",
        titre="La rentabilité du salon Maison&Objet 2025",
        enonce=(
            "CA attribué 147 107,05 € HT, coût 29 690 € HT, taux de marque 42 % : le ROI de la "
            "campagne (en décimal)."
        ),
        calcul=lambda: retour_sur_investissement(147107.05 * 0.42, 29690),
        indice=(
            "ROI = (marge générée − coût) / coût, sur la MARGE : marge = CA × taux de marque "
            "= 147 107,05 × 0,42."
        ),
        tolerance=0.0001,
        variable="roi",
    ),
    ExerciceCalcul(
        id="S445-4",
        titre="Les hôtels à relancer après le catalogue de printemps 2025",
        enonce=(
            "Campagne 26, portefeuille de Claire Vasseur (commercial 1) : nombre de clients "
            "touchés qui n'ont pas commandé."
        ),
        calcul=_s445_4,
        indice=(
            "gc.suivi_campagne(26, id_commercial=1) liste les clients touchés ; comptez ceux dont "
            "la colonne 'a_commande' vaut False : (~suivi['a_commande']).sum()."
        ),
        tolerance=0,
        variable="nb_a_relancer",
    ),
)


# --------------------------------------------------------------------------- S442


def _s442_2() -> float:
    lignes = pd.DataFrame(
        {
            "designation": ["Plaid imprimé « Paris »", "Boîte de chocolats"],
            "quantite": [30, 30],
            "prix_unitaire_ht": [24.90, 8.50],
            "taux_tva": [0.20, 0.055],
        }
    )
    return offre.devis(lignes, remises=0.05).montant("Total TTC")


def _s442_3() -> float:
    produits = pd.read_csv(donnees.chemin_donnees("produits.csv"))
    return offre.structure_gamme(produits).profondeur_moyenne


_S442 = (
    ExerciceCalcul(
        id="S442-1",
        titre="Le net à payer d'un devis",
        enonce=(
            "200 taies d'oreiller hôtel à 5,90 € HT, remises 10 % puis 5 %, escompte 2 %, port "
            "45 € HT, TVA 20 %, acompte versé 300 € : le net à payer."
        ),
        calcul=lambda: offre.net_a_payer(
            200 * 5.90, remises=(0.10, 0.05), taux_escompte=0.02, port_ht=45, acompte=300
        )["net_a_payer"],
        indice=(
            "Chaque remise porte sur le net précédent (× 0,90 puis × 0,95) ; l'escompte sur le net "
            "commercial ; le port s'ajoute après l'escompte ; TVA sur (net financier + port) ; "
            "l'acompte se retire du TTC."
        ),
    ),
    ExerciceCalcul(
        id="S442-2",
        titre="Un devis à deux taux de TVA",
        enonce=(
            "30 plaids à 24,90 € HT (TVA 20 %) et 30 boîtes de chocolats à 8,50 € HT (TVA 5,5 %), "
            "remise 5 % : le total TTC."
        ),
        calcul=_s442_2,
        indice=(
            "La remise s'applique aux deux lignes ; la TVA se calcule base par base : "
            "20 % sur les plaids, 5,5 % sur les chocolats."
        ),
    ),
    ExerciceCalcul(
        id="S442-3",
        titre="La profondeur moyenne de la gamme",
        enonce="Nombre moyen de références actives par famille de produits.",
        calcul=_s442_3,
        indice=(
            "Ne gardez que les produits actifs ; profondeur moyenne = nombre de références / "
            "nombre de familles (la largeur de la gamme)."
        ),
        variable="profondeur_moyenne",
    ),
)


# --------------------------------------------------------------------------- S823


def _s823_1() -> float:
    aller = prospection.distance_km(50.6942, 3.1746, 49.8942, 2.2957)
    return 2 * aller * 1.3 * 0.60


def _s823_2() -> float:
    r = prospection.ratios_par_commercial("2025-01-01", "2025-12-31", donnees.connexion_lecture())
    return r["ventes"].sum() / r["rdv"].sum()


def _s823_3() -> float:
    return len(prospection.actions_a_relancer(id_commercial=1, con=donnees.connexion_lecture()))


def _s823_4() -> float:
    from .widgets import prospection as planificateur  # ipywidgets : chargé à la demande

    con = donnees.connexion_lecture()
    ids = planificateur.prospects_a_visiter(3, con)["id_prospect"].head(6).tolist()
    return planificateur.planifier_tournee(3, ids, con).km_economises


_S823 = (
    ExerciceCalcul(
        id="S823-1",
        titre="Le coût d'un aller-retour Roubaix – Amiens",
        enonce=(
            "Roubaix (50,6942 ; 3,1746) → Amiens (49,8942 ; 2,2957) et retour, km sur route = "
            "vol d'oiseau × 1,3, à 0,60 € le km : le coût du déplacement."
        ),
        calcul=_s823_1,
        indice=(
            "gc.distance_km(lat1, lon1, lat2, lon2) donne l'aller à vol d'oiseau ; "
            "× 2 (retour), × 1,3 (route), × 0,60 €."
        ),
        variable="cout_deplacement",
    ),
    ExerciceCalcul(
        id="S823-2",
        titre="La transformation de l'équipe en 2025",
        enonce="Taux de transformation (ventes / RDV) de toute l'équipe sur 2025, en décimal.",
        calcul=_s823_2,
        indice=(
            "gc.ratios_par_commercial('2025-01-01', '2025-12-31') ; le ratio de l'équipe est le "
            "total des ventes divisé par le total des RDV, pas la moyenne des ratios."
        ),
        tolerance=0.0001,
        variable="transformation_equipe",
    ),
    ExerciceCalcul(
        id="S823-3",
        titre="Les relances dues de Claire Vasseur",
        enonce="Nombre d'actions de prospection dues au 31/10/2026 pour le commercial 1.",
        calcul=_s823_3,
        indice="len(gc.actions_a_relancer(id_commercial=1)) : filtrez sur le commercial 1.",
        tolerance=0,
        variable="nb_relances",
    ),
    ExerciceCalcul(
        id="S823-4",
        titre="Les kilomètres gagnés sur la tournée de Bruno Delattre",
        enonce=(
            "Commercial 3, les 6 premiers prospects de gc.widgets.prospects_a_visiter(3) : "
            "kilomètres économisés par la tournée optimisée."
        ),
        calcul=_s823_4,
        indice=(
            "t = gc.widgets.planifier_tournee(3, ids) avec ids les 6 premiers id_prospect ; "
            "la réponse est t.km_economises (km de l'ordre naïf − km optimisés)."
        ),
        tolerance=0.1,
        variable="km_economises",
    ),
)


# --------------------------------------------------------------------------- S443


def _s443_4() -> float:
    enquete = pd.read_csv(donnees.chemin_donnees("enquete_prix.csv"))
    return prix.prix_psychologique(enquete["prix_mini"], enquete["prix_maxi"]).meilleur_prix


_S443 = (
    ExerciceCalcul(
        id="S443-1",
        titre="Le prix de vente par le taux de marque",
        enonce="Coût d'achat 12,14 € HT, taux de marque visé 52 % : le prix de vente HT.",
        calcul=lambda: prix.prix_de_vente(12.14, taux_de_marque=0.52)["prix_vente_ht"],
        indice=(
            "Le taux de marque se calcule sur le prix de vente : PV HT × (1 − 0,52) = coût, "
            "donc PV HT = 12,14 / 0,48."
        ),
    ),
    ExerciceCalcul(
        id="S443-2",
        titre="Le coefficient multiplicateur",
        enonce="Plaid polaire : prix de vente 14,90 € HT, coût d'achat 8,52 € HT, TVA 20 %.",
        calcul=lambda: prix.coefficient_multiplicateur(14.90 * 1.20, 8.52),
        indice="Coefficient multiplicateur = prix de vente TTC / coût d'achat HT.",
        tolerance=0.001,
        variable="coefficient",
    ),
    ExerciceCalcul(
        id="S443-3",
        titre="L'élasticité-prix",
        enonce="Prix de 24,90 € à 22,90 € HT, ventes de 400 à 470 unités : l'élasticité.",
        calcul=lambda: prix.elasticite_prix(24.90, 22.90, 400, 470),
        indice=(
            "Élasticité = (variation de la quantité / quantité de départ) / (variation du prix / "
            "prix de départ) ; une baisse de prix donne une variation négative."
        ),
        tolerance=0.01,
        variable="elasticite",
    ),
    ExerciceCalcul(
        id="S443-4",
        titre="Le prix psychologique du coffret",
        enonce="Le prix (parmi ceux cités) qui maximise la part d'acheteurs potentiels.",
        calcul=_s443_4,
        indice=(
            "Pour chaque prix p : acheteurs = part des répondants avec prix_mini ≤ p ≤ prix_maxi ; "
            "gc.prix_psychologique(…).meilleur_prix le donne."
        ),
        variable="meilleur_prix",
    ),
)


EXERCICES_CALCUL: dict[str, ExerciceCalcul] = {
    e.id: e
    for e in (
        *_S41,
        *_S512,
        *_S521,
        *_S522,
        *_S523,
        *_S531,
        *_S442,
        *_S443,
        *_S445,
        *_S821,
        *_S432,
        *_S823,
    )
}
