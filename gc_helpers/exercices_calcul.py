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
    collecte,
    donnees,
    extraits,
    finance,
    offre,
    portefeuille,
    prevision,
    prix,
    rgpd,
    statistiques,
)

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
    e.id: e for e in (*_S512, *_S522, *_S821, *_S442, *_S443)
}
