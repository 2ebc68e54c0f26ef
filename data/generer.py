"""Générateur du jeu de données de Textiles Marceau SAS (entreprise fictive).

Usage :
    python data/generer.py              # écrit les CSV à côté de ce fichier
    python data/generer.py DOSSIER      # écrit les CSV dans DOSSIER

Le générateur est déterministe : graine fixe, aucune dépendance à la date du
jour, au hasard de l'ordre des dictionnaires ou des ensembles. Deux exécutions
donnent des fichiers identiques à l'octet près. Chaque table a son propre flux
aléatoire (graine dérivée de GRAINE et du numéro de la table), de sorte que
modifier une table ne bouleverse pas les autres.

Toutes les personnes et entreprises sont fictives ; les courriels utilisent des
domaines réservés (example.com, .example…) et les téléphones les tranches
réservées par l'ARCEP à la fiction.

Conventions internes : les montants sont calculés en centimes (entiers) pour
que les égalités comptables soient exactes (TTC = HT + TVA, total de commande =
somme des lignes, stock final = stock initial + entrées − sorties) ; les
colonnes internes (cachées) commencent par « _ » et ne sont pas écrites.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd

# ---------------------------------------------------------------------------
# Constantes générales
# ---------------------------------------------------------------------------

GRAINE = 20261031
DATE_DEBUT = np.datetime64("2022-01-01", "D")  # début de l'historique
DATE_ARRETE = np.datetime64("2026-10-31", "D")  # date d'arrêté des données
MOIS = np.arange(np.datetime64("2022-01", "M"), np.datetime64("2026-11", "M"))
NB_MOIS = len(MOIS)  # 58 mois

N_COMMERCIAUX = 8
N_PROS_ANCIENS = 380  # clients professionnels créés avant 2022
N_PROSPECTS = 2000  # prospects suivis depuis 2022 (les convertis deviennent clients)
N_PARTICULIERS = 3500

# Croissance annuelle des volumes (hors hausse de tarif) et tarifs au 1er janvier.
CROISSANCE_VOLUME = 0.04
INDICE_TARIF = {2022: 1.00, 2023: 1.04, 2024: 1.07, 2025: 1.09, 2026: 1.11}
TAUX_TVA = 0.20

# Coefficients saisonniers mensuels (janvier … décembre) par segment de clientèle.
# Q4 : cadeaux de fin d'année (CSE, grande distribution, détaillants,
# particuliers) et « mois du blanc » de janvier préparé en novembre-décembre ;
# été : saison touristique (boutiques de souvenirs), réassort des hôtels au
# printemps et en début d'été.
SAISONNALITE = {
    "boutique de souvenirs": [0.55, 0.6, 0.85, 1.1, 1.2, 1.5, 1.6, 1.4, 1.0, 0.8, 0.7, 0.7],
    "hôtel": [0.7, 0.8, 1.0, 1.2, 1.3, 1.35, 1.25, 0.9, 0.9, 0.9, 0.9, 0.8],
    "CSE": [0.3, 0.3, 0.4, 0.5, 0.6, 0.8, 0.4, 0.3, 0.8, 1.8, 3.0, 1.8],
    "grande distribution": [0.8, 0.5, 0.6, 0.7, 0.7, 0.6, 0.5, 0.8, 1.2, 1.8, 2.0, 1.8],
    "détaillant": [0.8, 0.6, 0.8, 0.9, 0.9, 0.8, 0.7, 0.8, 1.0, 1.2, 1.6, 1.9],
    "particulier": [1.0, 0.6, 0.7, 0.8, 0.9, 0.8, 0.7, 0.7, 0.8, 1.0, 1.8, 2.2],
}

SECTEURS_PRO = ["boutique de souvenirs", "hôtel", "CSE", "grande distribution", "détaillant"]

# Taille des comptes professionnels : CA annuel potentiel (euros HT, tarif 2022)
# tiré dans une loi log-normale (médiane, écart-type du logarithme). La queue
# épaisse produit la concentration de Pareto (≈ 20 % des clients font ≈ 80 %
# du CA professionnel).
TAILLE_PRO = {
    "boutique de souvenirs": (5500, 1.25),
    "hôtel": (4500, 1.3),
    "CSE": (3500, 1.35),
    "grande distribution": (55000, 0.8),
    "détaillant": (3000, 1.1),
}
PART_SECTEURS_ANCIENS = [0.30, 0.27, 0.18, 0.06, 0.19]
PART_SECTEURS_PROSPECTS = [0.25, 0.30, 0.22, 0.05, 0.18]

# Nombre moyen de lignes par commande (1 + loi de Poisson de ce paramètre).
LIGNES_PAR_COMMANDE = {
    "boutique de souvenirs": 3.0,
    "hôtel": 2.5,
    "CSE": 1.5,
    "grande distribution": 3.5,
    "détaillant": 3.0,
}

# Conditions de paiement par secteur (probabilités dans l'ordre de la liste).
CONDITIONS = ["comptant", "30 jours", "45 jours fin de mois", "60 jours"]
CONDITIONS_PAR_SECTEUR = {
    "boutique de souvenirs": [0.20, 0.50, 0.30, 0.00],
    "hôtel": [0.05, 0.45, 0.40, 0.10],
    "CSE": [0.10, 0.70, 0.15, 0.05],
    "grande distribution": [0.00, 0.00, 0.40, 0.60],
    "détaillant": [0.25, 0.45, 0.30, 0.00],
}

# Comportement de paiement : classe de risque cachée du client
# (bon, moyen, mauvais payeur) ; retard moyen et probabilité de défaut.
PART_RISQUE = [0.70, 0.20, 0.10]
PROBA_DEFAUT = [0.004, 0.03, 0.20]

# Modèle logistique caché de conversion des prospects.
CONVERSION_CONSTANTE = -2.4
CONVERSION_ORIGINE = {
    "salon": 0.5,
    "site web": 0.3,
    "fichier acheté": -1.0,
    "recommandation": 1.3,
    "prospection terrain": 0.0,
    "campagne": -0.3,
}
CONVERSION_SECTEUR = {
    "boutique de souvenirs": 0.3,
    "hôtel": 0.1,
    "CSE": 0.0,
    "grande distribution": -0.9,
    "détaillant": -0.1,
}
CONVERSION_VISITE = 0.55  # par visite
CONVERSION_EFFECTIF = 0.15  # par unité de log(effectif)

# ---------------------------------------------------------------------------
# Référentiels : villes réelles (coordonnées approchées), rues, prénoms, noms
# ---------------------------------------------------------------------------

# (ville, code postal, département, latitude, longitude, poids population,
#  poids touristique)
VILLES = [
    ("Roubaix", "59100", "59", 50.6942, 3.1746, 4, 1),
    ("Lille", "59000", "59", 50.6292, 3.0573, 10, 3),
    ("Tourcoing", "59200", "59", 50.7239, 3.1612, 4, 0),
    ("Villeneuve-d'Ascq", "59650", "59", 50.6233, 3.1450, 4, 0),
    ("Wattrelos", "59150", "59", 50.7017, 3.2160, 2, 0),
    ("Croix", "59170", "59", 50.6786, 3.1497, 1, 0),
    ("Marcq-en-Barœul", "59700", "59", 50.6711, 3.0972, 2, 0),
    ("Dunkerque", "59140", "59", 51.0343, 2.3768, 4, 1),
    ("Valenciennes", "59300", "59", 50.3570, 3.5235, 3, 0),
    ("Arras", "62000", "62", 50.2910, 2.7775, 2, 1),
    ("Boulogne-sur-Mer", "62200", "62", 50.7264, 1.6147, 2, 2),
    ("Lens", "62300", "62", 50.4320, 2.8333, 2, 0),
    ("Calais", "62100", "62", 50.9513, 1.8587, 3, 1),
    ("Le Touquet-Paris-Plage", "62520", "62", 50.5211, 1.5856, 1, 3),
    ("Amiens", "80000", "80", 49.8941, 2.2958, 4, 1),
    ("Beauvais", "60000", "60", 49.4295, 2.0807, 2, 0),
    ("Saint-Quentin", "02100", "02", 49.8465, 3.2876, 2, 0),
    ("Laon", "02000", "02", 49.5641, 3.6199, 1, 0),
    ("Reims", "51100", "51", 49.2583, 4.0317, 5, 2),
    ("Épernay", "51200", "51", 49.0402, 3.9590, 1, 1),
    ("Troyes", "10000", "10", 48.2973, 4.0744, 2, 1),
    ("Nancy", "54000", "54", 48.6921, 6.1844, 4, 1),
    ("Metz", "57000", "57", 49.1193, 6.1757, 4, 1),
    ("Strasbourg", "67000", "67", 48.5734, 7.7521, 7, 4),
    ("Colmar", "68000", "68", 48.0794, 7.3585, 2, 3),
    ("Mulhouse", "68100", "68", 47.7508, 7.3359, 3, 0),
    ("Épinal", "88000", "88", 48.1724, 6.4496, 1, 0),
    ("Gérardmer", "88400", "88", 48.0727, 6.8775, 1, 2),
    ("Dijon", "21000", "21", 47.3220, 5.0415, 4, 1),
    ("Besançon", "25000", "25", 47.2378, 6.0241, 3, 1),
    ("Lyon", "69002", "69", 45.7578, 4.8320, 12, 3),
    ("Villeurbanne", "69100", "69", 45.7719, 4.8902, 4, 0),
    ("Grenoble", "38000", "38", 45.1885, 5.7245, 4, 1),
    ("Annecy", "74000", "74", 45.8992, 6.1294, 3, 3),
    ("Chamonix-Mont-Blanc", "74400", "74", 45.9237, 6.8694, 1, 4),
    ("Chambéry", "73000", "73", 45.5646, 5.9178, 2, 1),
    ("Clermont-Ferrand", "63000", "63", 45.7772, 3.0870, 4, 1),
    ("Saint-Étienne", "42000", "42", 45.4397, 4.3872, 4, 0),
    ("Marseille", "13001", "13", 43.2965, 5.3698, 12, 4),
    ("Nice", "06000", "06", 43.7102, 7.2620, 7, 5),
    ("Cannes", "06400", "06", 43.5528, 7.0174, 2, 4),
    ("Toulon", "83000", "83", 43.1242, 5.9280, 4, 1),
    ("Avignon", "84000", "84", 43.9493, 4.8055, 2, 3),
    ("Montpellier", "34000", "34", 43.6108, 3.8767, 6, 2),
    ("Carcassonne", "11000", "11", 43.2130, 2.3491, 1, 3),
    ("Toulouse", "31000", "31", 43.6047, 1.4442, 9, 2),
    ("Lourdes", "65100", "65", 43.0947, -0.0459, 1, 5),
    ("Biarritz", "64200", "64", 43.4832, -1.5586, 1, 3),
    ("Bordeaux", "33000", "33", 44.8378, -0.5792, 8, 3),
    ("Arcachon", "33120", "33", 44.6586, -1.1689, 1, 3),
    ("La Rochelle", "17000", "17", 46.1603, -1.1511, 2, 3),
    ("Poitiers", "86000", "86", 46.5802, 0.3404, 2, 0),
    ("Limoges", "87000", "87", 45.8336, 1.2611, 3, 0),
    ("Tours", "37000", "37", 47.3941, 0.6848, 3, 1),
    ("Amboise", "37400", "37", 47.4133, 0.9826, 1, 3),
    ("Orléans", "45000", "45", 47.9030, 1.9093, 3, 1),
    ("Nantes", "44000", "44", 47.2184, -1.5536, 7, 2),
    ("La Baule-Escoublac", "44500", "44", 47.2868, -2.3908, 1, 3),
    ("Rennes", "35000", "35", 48.1173, -1.6778, 5, 1),
    ("Saint-Malo", "35400", "35", 48.6493, -2.0257, 1, 4),
    ("Quimper", "29000", "29", 47.9960, -4.1024, 1, 1),
    ("Brest", "29200", "29", 48.3904, -4.4861, 3, 0),
    ("Caen", "14000", "14", 49.1829, -0.3707, 3, 1),
    ("Deauville", "14800", "14", 49.3600, 0.0750, 1, 3),
    ("Le Mont-Saint-Michel", "50170", "50", 48.6361, -1.5115, 0, 5),
    ("Rouen", "76000", "76", 49.4432, 1.0999, 3, 2),
    ("Le Havre", "76600", "76", 49.4944, 0.1079, 4, 1),
    ("Étretat", "76790", "76", 49.7070, 0.2040, 0, 3),
    ("Ajaccio", "20000", "2A", 41.9192, 8.7386, 1, 3),
    ("Bastia", "20200", "2B", 42.6973, 9.4509, 1, 2),
    ("Versailles", "78000", "78", 48.8049, 2.1204, 3, 5),
    ("Saint-Germain-en-Laye", "78100", "78", 48.8989, 2.0938, 2, 1),
    ("Boulogne-Billancourt", "92100", "92", 48.8397, 2.2399, 4, 0),
    ("Nanterre", "92000", "92", 48.8924, 2.2071, 4, 0),
    ("Neuilly-sur-Seine", "92200", "92", 48.8846, 2.2697, 2, 0),
    ("Issy-les-Moulineaux", "92130", "92", 48.8245, 2.2700, 2, 0),
    ("Courbevoie", "92400", "92", 48.8973, 2.2563, 3, 0),
    ("Argenteuil", "95100", "95", 48.9472, 2.2467, 3, 0),
    ("Cergy", "95000", "95", 49.0364, 2.0761, 2, 0),
    ("Saint-Denis", "93200", "93", 48.9362, 2.3574, 4, 1),
    ("Montreuil", "93100", "93", 48.8638, 2.4485, 3, 0),
    ("Créteil", "94000", "94", 48.7904, 2.4556, 3, 0),
    ("Vincennes", "94300", "94", 48.8474, 2.4390, 2, 1),
    ("Chessy", "77700", "77", 48.8721, 2.7836, 0, 6),
    ("Fontainebleau", "77300", "77", 48.4047, 2.7016, 1, 3),
    ("Meaux", "77100", "77", 48.9601, 2.8788, 2, 0),
    ("Évry-Courcouronnes", "91000", "91", 48.6290, 2.4410, 2, 0),
    ("Massy", "91300", "91", 48.7309, 2.2713, 2, 0),
]
POIDS_PARIS = (40, 40)  # Paris (hors sites), poids population et tourisme

# Sites touristiques de Paris : (nom du site, code postal, lat, lon, rues réelles).
# fmt: off
SITES_PARIS = [
    ("Montmartre", "75018", 48.8867, 2.341,
     ["rue de Steinkerque", "rue Tardieu", "rue Norvins", "rue Lepic", "rue des Abbesses",
      "place du Tertre", "rue du Mont-Cenis", "rue Yvonne-Le-Tac", "rue Chappe",
      "rue Saint-Rustique", "rue Gabrielle"]),
    ("Tour Eiffel", "75007", 48.8566, 2.299,
     ["avenue de Suffren", "avenue de la Bourdonnais", "quai Branly", "rue Saint-Dominique",
      "avenue Rapp", "rue Cler", "avenue Bosquet", "rue de Grenelle"]),
    ("Notre-Dame", "75004", 48.854, 2.35,
     ["rue d'Arcole", "quai aux Fleurs", "rue Chanoinesse", "rue du Cloître-Notre-Dame",
      "rue Saint-Louis-en-l'Île", "quai de Bourbon"]),
    ("Quartier latin", "75005", 48.8521, 2.3465,
     ["rue de la Huchette", "rue Galande", "quai de Montebello", "rue Saint-Julien-le-Pauvre",
      "rue de la Bûcherie", "rue Saint-Jacques"]),
    ("Champs-Élysées", "75008", 48.871, 2.303,
     ["avenue des Champs-Élysées", "rue de Berri", "rue Washington", "rue de Ponthieu",
      "rue Marbeuf", "avenue George-V", "rue La Boétie", "rue Lord-Byron"]),
    ("Louvre", "75001", 48.8622, 2.339,
     ["rue de Rivoli", "rue Saint-Honoré", "rue de l'Arbre-Sec", "rue du Louvre",
      "rue de Richelieu"]),
    ("Opéra", "75009", 48.8725, 2.332,
     ["boulevard Haussmann", "rue de la Chaussée-d'Antin", "rue Auber", "rue Scribe"]),
    ("Marais", "75004", 48.857, 2.358,
     ["rue des Francs-Bourgeois", "rue Vieille-du-Temple", "rue des Rosiers",
      "rue du Roi-de-Sicile", "rue Saint-Antoine"]),
]
# fmt: on
POIDS_SITES = [0.24, 0.20, 0.14, 0.10, 0.10, 0.10, 0.06, 0.06]

# Arrondissements de Paris : (code postal, lat, lon, rues réelles).
# fmt: off
ARRONDISSEMENTS = [
    ("75001", 48.8625, 2.3363, ["rue Saint-Honoré", "rue Jean-Jacques-Rousseau"]),
    ("75002", 48.8683, 2.3428, ["rue Montorgueil", "rue Réaumur"]),
    ("75003", 48.863, 2.3601, ["rue de Bretagne", "rue de Turenne"]),
    ("75004", 48.8543, 2.3576, ["rue Saint-Antoine", "rue de la Verrerie"]),
    ("75005", 48.8445, 2.35, ["rue Mouffetard", "rue Monge"]),
    ("75006", 48.8491, 2.3328, ["rue de Rennes", "rue du Cherche-Midi"]),
    ("75007", 48.8562, 2.3121, ["rue de Grenelle", "rue du Bac"]),
    ("75008", 48.8727, 2.3125, ["rue de Miromesnil", "rue du Rocher"]),
    ("75009", 48.877, 2.3375, ["rue des Martyrs", "rue de Provence"]),
    ("75010", 48.8761, 2.3607, ["rue du Faubourg-Saint-Denis", "rue de Paradis"]),
    ("75011", 48.8591, 2.38, ["rue de la Roquette", "boulevard Voltaire"]),
    ("75012", 48.84, 2.388, ["rue de Charenton", "avenue Daumesnil"]),
    ("75013", 48.8283, 2.3623, ["avenue d'Italie", "rue de Tolbiac"]),
    ("75014", 48.8292, 2.3266, ["rue d'Alésia", "avenue du Général-Leclerc"]),
    ("75015", 48.8401, 2.2929, ["rue de la Convention", "rue du Commerce"]),
    ("75016", 48.8604, 2.272, ["rue de Passy", "avenue Mozart"]),
    ("75017", 48.8873, 2.3067, ["rue de Lévis", "avenue de Villiers"]),
    ("75018", 48.8925, 2.3484, ["rue Ordener", "rue Marcadet"]),
    ("75019", 48.8871, 2.3848, ["avenue Secrétan", "rue de Crimée"]),
    ("75020", 48.8634, 2.4012, ["rue des Pyrénées", "rue de Bagnolet"]),
]
# fmt: on

# fmt: off
RUES = [
    "rue de la République", "rue Victor-Hugo", "avenue Jean-Jaurès", "rue Pasteur",
    "boulevard Gambetta", "rue du Général-Leclerc", "place de la Mairie", "rue de la Gare",
    "rue Nationale", "rue du Maréchal-Foch", "avenue de la Libération", "rue Carnot",
    "rue Jules-Ferry", "rue des Écoles", "rue du Moulin", "rue de l'Église", "allée des Tilleuls",
    "rue Émile-Zola", "rue Voltaire", "rue du Commerce", "rue de Paris", "rue Léon-Blum",
    "avenue du Président-Wilson", "rue des Lilas", "impasse des Peupliers", "chemin des Vignes",
    "rue Anatole-France", "rue Saint-Martin",
]
# fmt: on

# fmt: off
PRENOMS_F = [
    "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sophie", "Christine", "Valérie",
    "Sandrine", "Céline", "Julie", "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah",
    "Laura", "Pauline", "Claire", "Anne", "Émilie", "Aurélie", "Stéphanie", "Hélène", "Lucie",
    "Mathilde", "Charlotte", "Élodie", "Virginie", "Caroline", "Audrey", "Laetitia", "Nadia",
    "Fatima", "Amandine", "Justine", "Margaux", "Agathe", "Louise", "Jeanne", "Alice", "Zoé",
    "Yasmine", "Océane", "Marion", "Juliette", "Brigitte", "Martine", "Monique", "Françoise",
    "Patricia", "Corinne", "Delphine", "Karine",
]
# fmt: on
# fmt: off
PRENOMS_M = [
    "Jean", "Pierre", "Philippe", "Michel", "Alain", "Patrick", "Nicolas", "Christophe", "Laurent",
    "Stéphane", "David", "Julien", "Sébastien", "Thomas", "Antoine", "Maxime", "Alexandre",
    "Romain", "Lucas", "Hugo", "Louis", "Nathan", "Théo", "Mathieu", "Olivier", "Frédéric", "Éric",
    "Pascal", "Thierry", "Bruno", "Vincent", "François", "Guillaume", "Benoît", "Damien", "Jérôme",
    "Karim", "Mehdi", "Yann", "Loïc", "Gaël", "Bernard", "Daniel", "Gérard", "Marc", "Arnaud",
    "Cédric", "Fabien", "Jonathan", "Kevin", "Quentin", "Adrien", "Paul", "Arthur", "Gabriel",
    "Rachid",
]
# fmt: on
# fmt: off
NOMS = [
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
    "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
    "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
    "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
    "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément",
    "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval",
    "Denis", "Dumont", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard",
    "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Martinez",
    "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron", "Picard",
    "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Bourgeois",
    "Benoît", "Rey", "Leclerc", "Rolland", "Leclercq", "Guillaume", "Lecomte", "Lopez", "Dupuy",
    "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin", "Deschamps",
    "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Adam",
    "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier", "Ménard",
    "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall",
    "Collet", "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Cousin", "Germain",
    "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier",
    "Leblanc", "Barré", "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob",
    "Monnier", "Michaud", "Rodriguez", "Guichard", "Gillet", "Étienne", "Poulain", "Tessier",
    "Chauvin", "Da Silva", "Bouchet", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud",
    "Perret", "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay",
    "Pasquier", "Carlier", "Laporte", "Benali", "Haddad", "Nguyen", "Diallo", "Traoré", "Mendes",
    "Ferreira", "Kaya", "Dos Santos", "Cohen", "Vandamme", "Delattre", "Desmet", "Vandenberghe",
    "Dewaele", "Lefranc", "Wambre", "Delcourt", "Catteau", "Verhaeghe",
]
# fmt: on

# Indicatifs fictifs réservés par l'ARCEP (10 000 numéros chacun).
TRANCHES_TELEPHONE = {
    "01": "01 99 00",  # Île-de-France
    "02": "02 61 91",  # Nord-Ouest
    "03": "03 53 01",  # Nord-Est
    "04": "04 65 71",  # Sud-Est
    "05": "05 36 49",  # Sud-Ouest
    "06": "06 39 98",  # mobiles
}
ZONE_TELEPHONE = {
    **dict.fromkeys(["75", "77", "78", "91", "92", "93", "94", "95"], "01"),
    **dict.fromkeys(["14", "29", "35", "37", "44", "45", "50", "76"], "02"),
    **dict.fromkeys(
        ["02", "10", "21", "25", "51", "54", "57", "59", "60", "62", "67", "68", "80", "88"], "03"
    ),
    **dict.fromkeys(
        ["06", "11", "13", "2A", "2B", "34", "38", "42", "63", "69", "73", "74", "83", "84"], "04"
    ),
    **dict.fromkeys(["17", "31", "33", "64", "65", "86", "87"], "05"),
}

# Force de vente : (prénom, nom, secteur, départements, ville de rattachement,
# date d'embauche).
COMMERCIAUX = [
    ("Claire", "Vasseur", "Paris Centre", "75", "Paris", "2014-03-03"),
    ("Nadia", "Benali", "Île-de-France", "77;78;91;92;93;94;95", "Versailles", "2021-09-01"),
    ("Bruno", "Delattre", "Hauts-de-France", "02;59;60;62;80", "Roubaix", "2009-01-05"),
    ("Sophie", "Klein", "Grand Est", "10;21;25;51;54;57;67;68;88", "Nancy", "2016-05-02"),
    ("Mathieu", "Roche", "Auvergne-Rhône-Alpes", "38;42;63;69;73;74", "Lyon", "2012-02-13"),
    ("Julien", "Morel", "Méditerranée", "06;11;13;2A;2B;34;83;84", "Marseille", "2017-09-04"),
    (
        "Gaël",
        "Le Goff",
        "Grand Ouest et Sud-Ouest",
        "14;17;29;31;33;35;37;44;45;50;64;65;76;86;87",
        "Nantes",
        "2019-06-03",
    ),
    ("Isabelle", "Catteau", "Grands comptes", None, "Roubaix", "2011-10-03"),
]
ID_GRANDS_COMPTES = 8

# Catalogue : famille -> liste de (désignation, gamme, prix de vente HT 2026,
# étiquette de ciblage, date de lancement, date d'arrêt ou None).
FAMILLES = {
    "serviettes éponge": "SE",
    "peignoirs": "PE",
    "linge de lit": "LL",
    "plaids": "PL",
    "chaussons": "CH",
    "parapluies sous licence": "PA",
    "linge de table": "LT",
}
CATALOGUE = {
    "serviettes éponge": [
        ("Gant de toilette éponge 15×21", "essentiel", 3.90, "", "2015-01-05", None),
        ("Serviette invité 30×50", "essentiel", 4.90, "", "2015-01-05", None),
        ("Serviette de toilette 50×100 400 g/m²", "essentiel", 8.50, "", "2015-01-05", None),
        ("Drap de bain 70×140 400 g/m²", "essentiel", 14.90, "", "2015-01-05", None),
        (
            "Serviette de toilette 50×100 coton peigné 550 g/m²",
            "confort",
            12.90,
            "",
            "2016-03-01",
            None,
        ),
        ("Drap de bain 70×140 coton peigné 550 g/m²", "confort", 21.50, "", "2016-03-01", None),
        ("Drap de plage 100×180 jacquard", "confort", 24.90, "", "2018-04-03", None),
        ("Serviette brodée « Paris » 50×100", "confort", 13.50, "souvenir", "2017-02-01", None),
        (
            "Drap de bain brodé « Tour Eiffel » 70×140",
            "confort",
            22.90,
            "souvenir",
            "2017-02-01",
            None,
        ),
        (
            "Serviette brodée « Montmartre » 50×100",
            "confort",
            13.90,
            "souvenir",
            "2023-03-01",
            None,
        ),
        ("Serviette hôtel 50×100 liteau 500 g/m²", "essentiel", 9.80, "hotel", "2015-01-05", None),
        (
            "Drap de bain hôtel 70×140 liteau 500 g/m²",
            "essentiel",
            16.50,
            "hotel",
            "2015-01-05",
            None,
        ),
        ("Tapis de bain éponge 50×80", "confort", 11.90, "hotel", "2016-03-01", None),
        ("Serviette 50×100 coton bio 600 g/m²", "prestige", 18.90, "", "2023-02-01", None),
        ("Drap de bain 90×150 coton bio 600 g/m²", "prestige", 29.90, "", "2023-02-01", None),
    ],
    "peignoirs": [
        ("Peignoir éponge col châle adulte", "essentiel", 29.90, "", "2015-01-05", None),
        ("Peignoir hôtel nid d'abeille", "essentiel", 32.50, "hotel", "2015-01-05", None),
        ("Peignoir kimono gaufré", "confort", 44.00, "", "2017-09-01", None),
        ("Peignoir à capuche éponge 450 g/m²", "confort", 49.00, "", "2016-03-01", None),
        ("Peignoir enfant brodé « Paris »", "confort", 34.90, "souvenir", "2018-04-03", None),
        ("Peignoir microfibre léger", "essentiel", 24.90, "", "2019-03-01", "2024-07-01"),
        ("Peignoir velours coton peigné", "prestige", 69.00, "", "2016-03-01", None),
        ("Peignoir hôtel brodé personnalisable", "prestige", 59.00, "hotel", "2019-03-01", None),
        ("Peignoir coton bio col châle", "prestige", 85.00, "", "2024-02-01", None),
    ],
    "linge de lit": [
        ("Drap housse 90×190 percale", "essentiel", 19.90, "", "2015-01-05", None),
        ("Drap housse 140×190 percale", "essentiel", 24.90, "", "2015-01-05", None),
        ("Taie d'oreiller 65×65 percale", "essentiel", 7.90, "", "2015-01-05", None),
        ("Taie d'oreiller hôtel 50×70", "essentiel", 5.90, "hotel", "2015-01-05", None),
        ("Drap plat hôtel 240×300 polycoton", "essentiel", 18.50, "hotel", "2015-01-05", None),
        (
            "Housse de couette hôtel 240×220 blanche",
            "essentiel",
            39.00,
            "hotel",
            "2015-01-05",
            None,
        ),
        ("Housse de couette 240×220 percale", "confort", 69.00, "", "2016-03-01", None),
        ("Parure de lit 2 personnes coton", "essentiel", 64.00, "", "2015-01-05", None),
        ("Parure de lit 2 personnes percale 80 fils", "confort", 98.00, "", "2016-03-01", None),
        ("Parure enfant imprimée 140×200", "confort", 59.00, "", "2020-09-01", "2025-03-01"),
        ("Parure de lit satin de coton 260×240", "prestige", 159.00, "", "2018-09-03", None),
        ("Parure de lit lin lavé 240×220", "prestige", 179.00, "", "2024-09-02", None),
    ],
    "plaids": [
        ("Plaid polaire 130×170", "essentiel", 14.90, "", "2015-01-05", None),
        ("Plaid imprimé « Paris » 130×170", "confort", 24.90, "souvenir", "2017-02-01", None),
        ("Plaid tricot grosse maille", "confort", 39.00, "", "2019-09-02", None),
        ("Plaid jacquard coton chiné", "confort", 45.00, "", "2016-09-01", None),
        ("Plaid en coton recyclé 130×180", "confort", 34.00, "", "2024-09-02", None),
        ("Plaid laine d'agneau 130×180", "prestige", 89.00, "", "2016-09-01", None),
        ("Plaid cachemire et laine", "prestige", 119.00, "", "2025-09-01", None),
    ],
    "chaussons": [
        ("Chaussons hôtel jetables (paire)", "essentiel", 1.20, "hotel", "2015-01-05", None),
        ("Chaussons hôtel brodés logo (paire)", "confort", 3.40, "hotel", "2018-04-03", None),
        ("Chaussons éponge brodés", "essentiel", 6.90, "", "2015-01-05", None),
        ("Chaussons « Paris » enfant", "confort", 9.90, "souvenir", "2018-04-03", None),
        ("Mules velours", "confort", 12.90, "", "2017-09-01", None),
        ("Chaussons fourrés laine", "prestige", 19.90, "", "2019-09-02", None),
    ],
    "parapluies sous licence": [
        ("Parapluie pliant motif Tour Eiffel", "essentiel", 11.90, "souvenir", "2015-01-05", None),
        ("Parapluie enfant « Paris »", "essentiel", 9.90, "souvenir", "2017-02-01", None),
        (
            "Parapluie transparent cloche « Montmartre »",
            "confort",
            16.90,
            "souvenir",
            "2018-04-03",
            "2025-06-01",
        ),
        ("Parapluie droit « Paris la nuit »", "confort", 19.90, "souvenir", "2016-03-01", None),
        ("Parapluie golf « Monuments de Paris »", "confort", 26.90, "souvenir", "2019-03-01", None),
        ("Parapluie canne bois « Rive gauche »", "prestige", 39.00, "souvenir", "2022-03-01", None),
    ],
    "linge de table": [
        ("Torchon coton métis", "essentiel", 4.50, "", "2015-01-05", None),
        ("Serviette de table coton 45×45", "essentiel", 4.90, "", "2015-01-05", None),
        ("Tablier de cuisine imprimé", "essentiel", 11.50, "souvenir", "2017-02-01", None),
        ("Set de table « Paris » (lot de 4)", "confort", 14.90, "souvenir", "2017-02-01", None),
        ("Chemin de table lin", "confort", 22.00, "", "2018-09-03", None),
        ("Nappe coton enduit 150×250", "confort", 39.00, "", "2016-03-01", None),
        ("Nappe anti-taches 160×220", "confort", 34.00, "", "2021-03-01", None),
        ("Nappe lin 160×250", "prestige", 79.00, "", "2017-09-01", None),
        ("Nappe jacquard damassée 180×300", "prestige", 89.00, "", "2018-09-03", None),
    ],
}

# Préférences d'achat : poids par famille (même ordre que FAMILLES) et par gamme.
PREF_FAMILLE = {
    "boutique de souvenirs": [0.22, 0.05, 0.00, 0.15, 0.10, 0.40, 0.08],
    "hôtel": [0.42, 0.22, 0.28, 0.02, 0.06, 0.00, 0.00],
    "CSE": [0.15, 0.22, 0.15, 0.30, 0.06, 0.04, 0.08],
    "grande distribution": [0.30, 0.10, 0.25, 0.15, 0.07, 0.03, 0.10],
    "détaillant": [0.22, 0.15, 0.25, 0.15, 0.08, 0.02, 0.13],
    "particulier": [0.18, 0.20, 0.22, 0.20, 0.08, 0.02, 0.10],
}
PREF_GAMME = {
    "boutique de souvenirs": {"essentiel": 1.0, "confort": 1.0, "prestige": 0.3},
    "hôtel": {"essentiel": 1.0, "confort": 0.6, "prestige": 0.3},
    "CSE": {"essentiel": 0.4, "confort": 1.0, "prestige": 1.0},
    "grande distribution": {"essentiel": 1.0, "confort": 0.6, "prestige": 0.1},
    "détaillant": {"essentiel": 0.7, "confort": 1.0, "prestige": 0.7},
    "particulier": {"essentiel": 0.6, "confort": 1.0, "prestige": 0.8},
}
BONUS_ETIQUETTE = {"boutique de souvenirs": "souvenir", "hôtel": "hotel"}

# ---------------------------------------------------------------------------
# Outils
# ---------------------------------------------------------------------------

# fmt: off
NUMEROS_TABLES = {
    "commerciaux": 1, "produits": 2, "prospects": 3, "clients": 4, "commandes": 5, "factures": 6,
    "contacts": 7, "campagnes": 8, "reclamations": 9, "enquetes": 10, "stocks": 11,
    "import_salon": 12, "annuaire": 13,
}
# fmt: on


def aleas(table: str) -> np.random.Generator:
    """Flux aléatoire propre à une table (graine dérivée)."""
    return np.random.default_rng([GRAINE, NUMEROS_TABLES[table]])


def sans_accents(texte: str) -> str:
    nfkd = unicodedata.normalize("NFKD", texte)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).replace("œ", "oe")


def slug(texte: str) -> str:
    s = sans_accents(texte).lower()
    s = "".join(c if c.isalnum() else "-" for c in s)
    while "--" in s:
        s = s.replace("--", "-")
    return s.strip("-")


def jour_semaine(dates: np.ndarray) -> np.ndarray:
    """0 = lundi … 6 = dimanche (le 1er janvier 1970 était un jeudi)."""
    return (dates.astype("datetime64[D]").astype(np.int64) + 3) % 7


def jour_ouvre(dates: np.ndarray) -> np.ndarray:
    """Reporte au lundi les dates tombant un samedi ou un dimanche."""
    d = dates.astype("datetime64[D]")
    js = jour_semaine(d)
    decalage = np.where(js == 5, 2, np.where(js == 6, 1, 0))
    return d + decalage.astype("timedelta64[D]")


def fin_de_mois(dates: np.ndarray) -> np.ndarray:
    mois = dates.astype("datetime64[M]")
    return (mois + 1).astype("datetime64[D]") - np.timedelta64(1, "D")


def distance_km(lat1, lon1, lat2, lon2):
    """Distance à vol d'oiseau (formule de haversine), en km."""
    lat1, lon1, lat2, lon2 = (
        np.radians(np.asarray(x, dtype=float)) for x in (lat1, lon1, lat2, lon2)
    )
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * np.arcsin(np.sqrt(a))


def arrondi_centimes(valeur_centimes: np.ndarray) -> np.ndarray:
    """Arrondi commercial (demi vers le haut) au centime."""
    return np.floor(np.asarray(valeur_centimes, dtype=float) + 0.5).astype(np.int64)


def parcourir(df: pd.DataFrame):
    """itertuples() où les colonnes internes « _x » deviennent les attributs « h_x »."""
    return df.rename(columns=lambda c: "h" + c if c.startswith("_") else c).itertuples(index=False)


def choix(rng: np.random.Generator, valeurs, poids=None, taille=None):
    p = None if poids is None else np.asarray(poids, dtype=float) / np.sum(poids)
    idx = rng.choice(len(valeurs), size=taille, p=p)
    if taille is None:
        return valeurs[int(idx)]
    return [valeurs[int(i)] for i in idx]


def dates_uniformes(rng, debut, fin, taille) -> np.ndarray:
    """Dates tirées uniformément entre debut et fin (inclus)."""
    debut = np.datetime64(debut, "D")
    fin = np.datetime64(fin, "D")
    n = int((fin - debut).astype(int)) + 1
    return debut + rng.integers(0, n, size=taille).astype("timedelta64[D]")


class Annuaire:
    """Attribue des numéros de téléphone fictifs uniques et des courriels uniques."""

    def __init__(self) -> None:
        rng = aleas("annuaire")
        self._restants = {k: list(rng.permutation(10000)) for k in TRANCHES_TELEPHONE}
        self._courriels: set[str] = set()

    def telephone(self, departement: str | None = None, mobile: bool = False) -> str:
        zone = "06" if mobile or departement is None else ZONE_TELEPHONE[departement]
        n = int(self._restants[zone].pop())
        return f"{TRANCHES_TELEPHONE[zone]} {n // 100:02d} {n % 100:02d}"

    def courriel(self, local: str, domaine: str) -> str:
        base = slug(local).replace("-", ".")
        adresse = f"{base}@{domaine}"
        k = 2
        while adresse in self._courriels:
            adresse = f"{base}{k}@{domaine}"
            k += 1
        self._courriels.add(adresse)
        return adresse


# ---------------------------------------------------------------------------
# Localisation et identité des personnes et des entreprises
# ---------------------------------------------------------------------------


def tirer_personne(rng) -> tuple[str, str, str]:
    """(civilité, prénom, nom) fictifs."""
    if rng.random() < 0.5:
        return "Mme", choix(rng, PRENOMS_F), choix(rng, NOMS)
    return "M.", choix(rng, PRENOMS_M), choix(rng, NOMS)


def poids_villes(secteur: str) -> np.ndarray:
    """Poids des villes (Paris en dernier) selon le secteur de l'entreprise."""
    pop = np.array([v[5] for v in VILLES] + [POIDS_PARIS[0]], dtype=float)
    tour = np.array([v[6] for v in VILLES] + [POIDS_PARIS[1]], dtype=float)
    nord = np.array([v[2] in ("59", "62") for v in VILLES] + [False], dtype=float)
    if secteur == "boutique de souvenirs":
        w = tour**1.5
        w[-1] *= 3.0  # Paris : la moitié des boutiques de souvenirs
    elif secteur == "hôtel":
        w = 0.5 * pop + tour
    elif secteur == "CSE":
        w = pop + 0.5 * nord * pop
    elif secteur == "grande distribution":
        w = pop.copy()
        w[-1] *= 0.3
    elif secteur == "détaillant":
        w = pop + 2 * nord
    else:  # particuliers : proximité du magasin d'usine de Roubaix et de Paris
        w = pop + 4 * nord
    return w / w.sum()


def tirer_adresse(rng, secteur: str) -> dict:
    """Adresse réaliste : ville réelle, rue plausible, coordonnées approchées."""
    p = poids_villes(secteur)
    i = int(rng.choice(len(p), p=p))
    numero = int(rng.integers(1, 120))
    if i < len(VILLES):
        ville, cp, dep, lat, lon = VILLES[i][:5]
        rue = choix(rng, RUES)
        dispersion = 0.012 if VILLES[i][5] >= 4 else 0.006
        site = None
    else:
        ville, dep = "Paris", "75"
        if secteur in ("boutique de souvenirs", "hôtel") and (
            secteur == "boutique de souvenirs" or rng.random() < 0.5
        ):
            site = SITES_PARIS[int(rng.choice(len(SITES_PARIS), p=POIDS_SITES))]
            _, cp, lat, lon, rues = site
            numero = int(rng.integers(1, 60))
            dispersion = 0.0015
        else:
            site = None
            cp, lat, lon, rues = ARRONDISSEMENTS[int(rng.integers(len(ARRONDISSEMENTS)))]
            dispersion = 0.003
        rue = choix(rng, rues)
    return {
        "adresse": f"{numero} {rue}",
        "code_postal": cp,
        "ville": ville,
        "departement": dep,
        "latitude": round(lat + rng.normal(0, dispersion), 6),
        "longitude": round(lon + rng.normal(0, dispersion * 1.5), 6),
        "_site": site[0] if site else None,
    }


# fmt: off
MOTS_SOUVENIRS_A = [
    "Souvenirs", "Boutique", "Bazar", "Comptoir", "Galerie", "Maison", "Le Coin", "L'Atelier",
    "La Malle", "Le Grenier", "Cadeaux", "L'Échoppe",
]
# fmt: on
# fmt: off
MOTS_SOUVENIRS_SITE = {
    "Montmartre": ["de Montmartre", "du Tertre", "des Abbesses", "de la Butte"],
    "Tour Eiffel": ["de la Tour", "du Champ-de-Mars", "de la Dame de Fer", "du Trocadéro"],
    "Notre-Dame": ["de la Cité", "du Parvis", "de l'Île", "des Quais"],
    "Quartier latin": ["du Quartier latin", "de la Huchette", "de la Sorbonne", "des Quais"],
    "Champs-Élysées": ["des Champs", "de l'Étoile", "de l'Arc"],
    "Louvre": ["du Louvre", "de Rivoli", "du Palais-Royal"],
    "Opéra": ["de l'Opéra", "des Grands Boulevards"],
    "Marais": ["du Marais", "des Rosiers", "des Vosges"],
}
# fmt: on
# fmt: off
MOTS_SOUVENIRS_AUTRES = [
    "du Port", "de la Plage", "du Château", "des Remparts", "du Lac", "de la Vieille Ville",
    "du Phare", "de la Cathédrale", "du Centre",
]
# fmt: on
# fmt: off
MOTS_HOTEL = [
    "des Tilleuls", "du Parc", "de la Gare", "du Beffroi", "des Arts", "du Théâtre", "Bellevue",
    "Les Glycines", "du Commerce", "de la Paix", "des Voyageurs", "Le Relais", "Saint-Georges",
    "du Marché", "des Remparts", "Les Mouettes", "du Lac", "Le Cèdre", "Les Capucines",
    "de l'Horloge", "Montclair", "Le Lumière", "Beauséjour", "des Flandres", "de la Cathédrale",
    "du Midi", "Les Hortensias", "de l'Europe", "du Centre", "Le Saint-Martin", "des Lys",
    "Victoria", "Le Régent", "Les Embruns", "de la Poste", "du Globe", "Le Cottage",
    "des Écrivains",
]
# fmt: on
# fmt: off
ACTIVITES_CSE = [
    "Industrie", "Mécanique", "Transports", "Logistique", "Emballages", "Plasturgie",
    "Métallurgie", "Imprimerie", "Laboratoires", "Assurances", "Agroalimentaire", "Menuiseries",
    "Électricité", "Bâtiment", "Informatique", "Conseil", "Cliniques", "Ingénierie", "Chimie",
    "Verrerie",
]
# fmt: on
ENSEIGNES_GD = ["Maxidis", "Distrival", "Hyperflor", "Prixdoux", "Supervia", "Valmarché"]
# fmt: off
MOTS_DETAILLANT = [
    "Au Fil du Linge", "La Maison du Linge", "Linge & Maison", "Comptoir du Linge",
    "Le Coin du Linge", "Douceurs de Maison", "L'Armoire à Linge", "Le Nid Douillet",
    "Tendances Maison", "Atelier du Linge", "Le Grenier à Linge", "Bain & Sommeil",
]
# fmt: on
COMPLEMENTS = {
    "boutique de souvenirs": ["& Cie", "Tradition", "Création", "Diffusion", "Prestige"],
    "hôtel": ["& Spa", "Centre", "Gare", "Vieille Ville", "Plage"],
    "CSE": ["Groupe", "France", "Services", "Nord", "Sud"],
    "grande distribution": ["Centre", "Nord", "Sud", "Est", "Ouest"],
    "détaillant": ["& Cie", "Frères", "et Fils", "Tradition", "Création"],
}
FORMES_JURIDIQUES = ["SARL", "SAS", "EURL", "SASU", ""]


def tirer_raison_sociale(rng, secteur: str, ville: str, site: str | None, deja: set) -> str:
    """Raison sociale fictive, unique dans le jeu de données."""
    for essai in range(200):
        if secteur == "boutique de souvenirs":
            a = choix(rng, MOTS_SOUVENIRS_A)
            if site:
                b = choix(rng, MOTS_SOUVENIRS_SITE[site])
            elif ville == "Paris":
                b = choix(rng, ["de Paris", "parisiens", "de Lutèce"])
            else:
                b = choix(rng, [f"de {ville}"] + MOTS_SOUVENIRS_AUTRES)
            nom = f"{a} {b}"
        elif secteur == "hôtel":
            prefixe = choix(
                rng,
                ["Hôtel", "Grand Hôtel", "Résidence", "Auberge", "Hôtel-restaurant"],
                [0.7, 0.08, 0.08, 0.07, 0.07],
            )
            nom = f"{prefixe} {choix(rng, MOTS_HOTEL)}"
            if essai > 3:
                nom += f" {ville}"
        elif secteur == "CSE":
            nom = f"CSE {choix(rng, ACTIVITES_CSE)} {choix(rng, NOMS)}"
        elif secteur == "grande distribution":
            nom = f"{choix(rng, ENSEIGNES_GD)} {ville}"
            if essai > 5:
                nom += f" {choix(rng, ['Centre', 'Nord', 'Sud', 'Est', 'Ouest', 'Gare'])}"
        else:
            nom = choix(rng, MOTS_DETAILLANT + [f"Maison {choix(rng, NOMS)}"])
            if essai > 0 or rng.random() < 0.4:
                nom += f" {ville}"
        if essai >= 30:  # combinaisons épuisées : on ajoute un complément
            nom += " " + choix(rng, COMPLEMENTS[secteur])
        if essai >= 100:
            nom += " " + choix(rng, NOMS)
        if secteur in ("boutique de souvenirs", "détaillant") and rng.random() < 0.5:
            forme = choix(rng, FORMES_JURIDIQUES)
            nom = f"{nom} {forme}".strip()
        if nom not in deja:
            deja.add(nom)
            return nom
    raise RuntimeError("impossible de trouver une raison sociale unique")


def effectif_prospect(rng, secteur: str) -> int:
    """Effectif salarié plausible selon le secteur (pour un CSE : l'entreprise)."""
    if secteur == "boutique de souvenirs":
        return int(1 + rng.geometric(0.35))
    if secteur == "hôtel":
        return int(np.clip(round(rng.lognormal(np.log(14), 0.8)), 2, 400))
    if secteur == "CSE":
        return int(np.clip(round(rng.lognormal(np.log(250), 0.9)), 50, 8000))
    if secteur == "grande distribution":
        return int(np.clip(round(rng.lognormal(np.log(90), 0.5)), 25, 600))
    return int(1 + rng.geometric(0.3))


EFFECTIF_MEDIAN = {
    "boutique de souvenirs": 3,
    "hôtel": 14,
    "CSE": 250,
    "grande distribution": 90,
    "détaillant": 3,
}


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def generer_commerciaux(annuaire: Annuaire) -> pd.DataFrame:
    """Force de vente : un commercial par territoire, plus un chargé des grands comptes."""
    lignes = []
    villes = {v[0]: v for v in VILLES}
    for i, (prenom, nom, secteur, deps, base, embauche) in enumerate(COMMERCIAUX, start=1):
        if base == "Paris":
            lat, lon = 48.8591, 2.3800
        else:
            lat, lon = villes[base][3], villes[base][4]
        dep_base = "75" if base == "Paris" else villes[base][2]
        lignes.append(
            {
                "id_commercial": i,
                "nom": nom,
                "prenom": prenom,
                "secteur": secteur,
                "departements": deps,
                "date_embauche": embauche,
                "objectif_ca_annuel": 0,  # fixé après la génération des ventes
                "email": annuaire.courriel(f"{prenom}.{nom}", "textiles-marceau.example"),
                "telephone": annuaire.telephone(mobile=True),
                "telephone_fixe": annuaire.telephone(dep_base),
                "ville_base": base,
                "latitude_base": lat,
                "longitude_base": lon,
            }
        )
    return pd.DataFrame(lignes)


def commercial_du_departement(dep: str) -> int:
    for i, c in enumerate(COMMERCIAUX, start=1):
        if c[3] and dep in c[3].split(";"):
            return i
    raise KeyError(dep)


def generer_produits() -> pd.DataFrame:
    """Catalogue : prix de vente HT 2026 et coût de revient HT (marge selon la gamme)."""
    rng = aleas("produits")
    taux_cout = {"essentiel": 0.56, "confort": 0.48, "prestige": 0.42}
    lignes = []
    for famille, produits in CATALOGUE.items():
        code = FAMILLES[famille]
        for k, (designation, gamme, prix, etiquette, lancement, arret) in enumerate(produits, 1):
            cout = round(prix * taux_cout[gamme] * float(rng.lognormal(0, 0.05)), 2)
            lignes.append(
                {
                    "id_produit": len(lignes) + 1,
                    "reference": f"TM-{code}-{k:03d}",
                    "designation": designation,
                    "famille": famille,
                    "gamme": gamme,
                    "_prix_c": int(round(prix * 100)),
                    "_cout_c": int(round(cout * 100)),
                    "taux_tva": TAUX_TVA,
                    "stock": 0,
                    "seuil_reappro": 0,
                    "date_lancement": lancement,
                    "actif": arret is None,
                    "_etiquette": etiquette,
                    "_arret": arret,
                    "_popularite": float(rng.lognormal(0, 0.5)),
                }
            )
    return pd.DataFrame(lignes)


def tirer_entreprise(rng, annuaire, secteur, deja) -> dict:
    """Identité complète d'une entreprise fictive (prospect ou client pro)."""
    adr = tirer_adresse(rng, secteur)
    rs = tirer_raison_sociale(rng, secteur, adr["ville"], adr["_site"], deja)
    civ, prenom, nom = tirer_personne(rng)
    domaine = f"{slug(rs)[:40].strip('-')}.example"
    if rng.random() < 0.25:
        email = annuaire.courriel("contact", domaine)
    else:
        email = annuaire.courriel(f"{prenom[0]}.{nom}", domaine)
    return {
        "raison_sociale": rs,
        "secteur_activite": secteur,
        "civilite": civ,
        "contact_prenom": prenom,
        "contact_nom": nom,
        "email": email,
        "telephone": annuaire.telephone(adr["departement"]),
        **adr,
    }


def generer_prospects(annuaire: Annuaire, raisons: set) -> tuple[pd.DataFrame, list]:
    """Prospects depuis 2022 et leur historique de contacts.

    La conversion suit un modèle logistique caché : origine du prospect,
    secteur, nombre de visites, taille (effectif) et un intérêt latent.
    """
    rng = aleas("prospects")
    origines = list(CONVERSION_ORIGINE)
    p_origine = [0.18, 0.17, 0.22, 0.10, 0.23, 0.10]
    lignes = []
    plans_contacts = []
    # Salons : Maison&Objet (janvier et septembre) et salons régionaux (mars, octobre).
    salons = []
    for an in range(2022, 2027):
        salons += [f"{an}-01-20", f"{an}-03-15", f"{an}-09-08", f"{an}-10-12"]
    salons = [np.datetime64(s) for s in salons if np.datetime64(s) <= DATE_ARRETE]
    for _ in range(N_PROSPECTS):
        secteur = choix(rng, SECTEURS_PRO, PART_SECTEURS_PROSPECTS)
        e = tirer_entreprise(rng, annuaire, secteur, raisons)
        origine = choix(rng, origines, p_origine)
        if origine == "salon":
            premier = salons[int(rng.integers(len(salons)))] + np.timedelta64(
                int(rng.integers(0, 4)), "D"
            )
        else:
            # Un peu plus de prospection chaque année.
            u = rng.random() ** 0.9
            premier = DATE_DEBUT + np.timedelta64(
                int(u * (DATE_ARRETE - DATE_DEBUT).astype(int)), "D"
            )
            premier = jour_ouvre(np.array([premier]))[0]
        effectif = effectif_prospect(rng, secteur)
        med, sigma = TAILLE_PRO[secteur]
        potentiel = (
            med * (effectif / EFFECTIF_MEDIAN[secteur]) ** 0.5 * rng.lognormal(0, sigma * 0.8)
        )
        potentiel = float(np.clip(round(potentiel, -2), 500, 2_000_000))
        interet = rng.normal()
        base_visites = 1.3 if origine == "prospection terrain" else 0.7
        nb_visites = int(rng.poisson(base_visites * np.exp(0.35 * interet)))
        if origine == "prospection terrain":
            nb_visites = max(nb_visites, 1)
        nb_autres = 1 + int(rng.poisson(1.5 * np.exp(0.2 * interet)))
        z = (
            CONVERSION_CONSTANTE
            + CONVERSION_ORIGINE[origine]
            + CONVERSION_SECTEUR[secteur]
            + CONVERSION_VISITE * nb_visites
            + CONVERSION_EFFECTIF * np.log(effectif)
            + 0.6 * interet
        )
        converti = rng.random() < 1 / (1 + np.exp(-z))
        decision = premier + np.timedelta64(int(15 + rng.gamma(2.0, 40.0)), "D")
        decision = jour_ouvre(np.array([decision]))[0]
        # Plan des contacts : le premier selon l'origine, puis visites et appels.
        type_premier = {
            "salon": "salon",
            "site web": "courriel",
            "fichier acheté": "téléphone",
            "recommandation": "téléphone",
            "prospection terrain": "visite",
            "campagne": "courriel",
        }[origine]
        types = [type_premier]
        restantes = nb_visites - (1 if type_premier == "visite" else 0)
        suite = ["visite"] * restantes + [
            choix(rng, ["téléphone", "téléphone", "courriel"]) for _ in range(nb_autres - 1)
        ]
        suite = [suite[int(j)] for j in rng.permutation(len(suite))]
        types += suite
        n = len(types)
        ecarts = np.sort(rng.random(n - 1)) if n > 1 else np.array([])
        jours = [premier] + [
            premier + np.timedelta64(int(round(x * (decision - premier).astype(int))), "D")
            for x in ecarts
        ]
        if n > 1:
            jours[-1] = decision
        jours = list(jour_ouvre(np.array(jours)))
        lignes.append(
            {
                **e,
                "origine": origine,
                "effectif_salaries": effectif,
                "_potentiel": potentiel,
                "date_premier_contact": premier,
                "_decision": decision,
                "_converti": bool(converti),
            }
        )
        plans_contacts.append(list(zip(types, jours, strict=True)))
    df = pd.DataFrame(lignes)
    ordre = np.argsort(df["date_premier_contact"].to_numpy(), kind="stable")
    df = df.iloc[ordre].reset_index(drop=True)
    plans_contacts = [plans_contacts[int(i)] for i in ordre]
    df.insert(0, "id_prospect", np.arange(1, len(df) + 1))
    df["ca_potentiel_annuel_c"] = (df["_potentiel"] * 100).round().astype(np.int64)
    df["id_commercial"] = [
        ID_GRANDS_COMPTES if s == "grande distribution" else commercial_du_departement(d)
        for s, d in zip(df["secteur_activite"], df["departement"], strict=True)
    ]
    # Statut à la date d'arrêté : la décision n'est connue que si elle est passée.
    decide = df["_decision"].to_numpy() <= DATE_ARRETE
    conv = df["_converti"].to_numpy()
    nb_contacts, nb_visites, statut = [], [], []
    for i, plan in enumerate(plans_contacts):
        passes = [t for t, d in plan if d <= DATE_ARRETE]
        nb_contacts.append(len(passes))
        nb_visites.append(sum(t == "visite" for t in passes))
        if decide[i]:
            statut.append("converti" if conv[i] else "perdu")
        else:
            statut.append("nouveau" if len(passes) == 1 else "en cours")
    df["nb_contacts"] = nb_contacts
    df["nb_visites"] = nb_visites
    df["statut"] = statut
    df["date_conversion"] = np.where(
        df["statut"] == "converti", df["_decision"], np.datetime64("NaT")
    )
    return df, plans_contacts


def generer_clients(annuaire: Annuaire, prospects: pd.DataFrame, raisons: set) -> pd.DataFrame:
    """Clients professionnels (anciens et issus des prospects) et particuliers."""
    rng = aleas("clients")
    lignes = []
    canaux_anciens = ["prospection terrain", "salon", "recommandation", "site web", "campagne"]
    # 1. Professionnels déjà clients avant 2022.
    for _ in range(N_PROS_ANCIENS):
        secteur = choix(rng, SECTEURS_PRO, PART_SECTEURS_ANCIENS)
        e = tirer_entreprise(rng, annuaire, secteur, raisons)
        annee = 2007 + int(np.floor(15 * rng.random() ** 0.7))
        creation = dates_uniformes(rng, f"{annee}-01-01", f"{annee}-12-31", None)
        creation = min(creation, np.datetime64("2021-12-31"))
        med, sigma = TAILLE_PRO[secteur]
        lignes.append(
            {
                **e,
                "type_client": "professionnel",
                "date_creation": creation,
                "canal_acquisition": choix(rng, canaux_anciens, [0.40, 0.25, 0.20, 0.10, 0.05]),
                "_taille": float(med * rng.lognormal(0, sigma)),
                # 4 % ont cessé d'acheter avant 2022 ; sinon perte au taux de 6 % par an.
                "_perte": (DATE_DEBUT - np.timedelta64(int(rng.integers(30, 900)), "D"))
                if rng.random() < 0.04
                else DATE_DEBUT + np.timedelta64(int(rng.exponential(365 / 0.06)), "D"),
                "_id_prospect": None,
                "_id_commercial": None,
            }
        )
    # 2. Professionnels issus des prospects convertis.
    vers_canal = {
        "salon": "salon",
        "site web": "site web",
        "fichier acheté": "prospection terrain",
        "recommandation": "recommandation",
        "prospection terrain": "prospection terrain",
        "campagne": "campagne",
    }
    convertis = prospects[prospects["statut"] == "converti"]
    for p in parcourir(convertis):
        lignes.append(
            {
                "raison_sociale": p.raison_sociale,
                "secteur_activite": p.secteur_activite,
                "civilite": p.civilite,
                "contact_prenom": p.contact_prenom,
                "contact_nom": p.contact_nom,
                "email": p.email,
                "telephone": p.telephone,
                "adresse": p.adresse,
                "code_postal": p.code_postal,
                "ville": p.ville,
                "departement": p.departement,
                "latitude": p.latitude,
                "longitude": p.longitude,
                "_site": p.h_site,
                "type_client": "professionnel",
                "date_creation": p.date_conversion,
                "canal_acquisition": vers_canal[p.origine],
                "_taille": float(p.h_potentiel * rng.lognormal(-0.3, 0.5)),
                # Les nouveaux clients sont plus volatils : 10 % de pertes par an.
                "_perte": p.date_conversion
                + np.timedelta64(int(90 + rng.exponential(365 / 0.10)), "D"),
                "_id_prospect": int(p.id_prospect),
                "_id_commercial": int(p.id_commercial),
            }
        )
    # 3. Particuliers : créés lors de leur première commande (saisonnalité de Noël).
    saison = np.array(SAISONNALITE["particulier"])
    poids_mois = saison[MOIS.astype(int) % 12] * (1.06 ** (np.arange(NB_MOIS) / 12))
    n_anciens = int(N_PARTICULIERS * 0.12)
    mois_tires = rng.choice(
        NB_MOIS, size=N_PARTICULIERS - n_anciens, p=poids_mois / poids_mois.sum()
    )
    canaux_part = ["site web", "magasin d'usine", "salon", "campagne", "recommandation"]
    for k in range(N_PARTICULIERS):
        adr = tirer_adresse(rng, "particulier")
        civ, prenom, nom = tirer_personne(rng)
        if k < n_anciens:
            creation = dates_uniformes(rng, "2018-01-01", "2021-12-31", None)
        else:
            m = MOIS[mois_tires[k - n_anciens]]
            creation = dates_uniformes(
                rng, m.astype("datetime64[D]"), fin_de_mois(np.array([m]))[0], None
            )
            creation = min(creation, DATE_ARRETE)
        nord = adr["departement"] in ("59", "62")
        canal = choix(rng, canaux_part, [0.40, 0.45 if nord else 0.08, 0.10, 0.08, 0.07])
        domaine = choix(
            rng,
            [
                "example.com",
                "example.net",
                "example.org",
                "mail.example.com",
                "courriel.example.net",
            ],
            [0.35, 0.25, 0.2, 0.1, 0.1],
        )
        motif = rng.random()
        if motif < 0.5:
            local = f"{prenom}.{nom}"
        elif motif < 0.75:
            local = f"{prenom[0]}{nom}"
        else:
            local = f"{prenom}{nom}{int(rng.integers(1, 99))}"
        lignes.append(
            {
                "raison_sociale": None,
                "secteur_activite": None,
                "civilite": civ,
                "contact_prenom": prenom,
                "contact_nom": nom,
                "email": annuaire.courriel(local, domaine) if rng.random() < 0.97 else None,
                "telephone": annuaire.telephone(mobile=True) if rng.random() < 0.85 else None,
                **adr,
                "type_client": "particulier",
                "date_creation": creation,
                "canal_acquisition": canal,
                "_taille": 0.0,
                "_perte": np.datetime64("NaT"),
                "_id_prospect": None,
                "_id_commercial": None,
            }
        )
    df = pd.DataFrame(lignes)
    df["date_creation"] = pd.to_datetime(df["date_creation"])
    df = df.sort_values("date_creation", kind="stable").reset_index(drop=True)
    df.insert(0, "id_client", np.arange(1, len(df) + 1))
    pro = (df["type_client"] == "professionnel").to_numpy()
    n = len(df)
    # Attributs commerciaux.
    conditions, plafond, risque, remise, comm = [], [], [], [], []
    for i in range(n):
        if not pro[i]:
            conditions.append("comptant")
            plafond.append(None)
            risque.append(0)
            remise.append(0.0)
            comm.append(None)
            continue
        s = df.at[i, "secteur_activite"]
        t = df.at[i, "_taille"]
        cond = choix(rng, CONDITIONS, CONDITIONS_PAR_SECTEUR[s])
        conditions.append(cond)
        pl = max(1000.0, round(t / 12 * 2 * rng.uniform(1.0, 1.6) / 500) * 500)
        plafond.append(pl * (0.5 if cond == "comptant" else 1.0))
        if s == "grande distribution":
            risque.append(int(rng.choice(2, p=[0.6, 0.4])))
            remise.append(round(float(rng.uniform(0.15, 0.25)), 2))
        else:
            risque.append(int(rng.choice(3, p=PART_RISQUE)))
            if t > 30000:
                remise.append(round(float(rng.uniform(0.08, 0.12)), 2))
            elif t > 10000:
                remise.append(0.05)
            else:
                remise.append(float(rng.choice([0.0, 0.0, 0.02, 0.03])))
        if not pd.isna(df.at[i, "_id_commercial"]):
            comm.append(int(df.at[i, "_id_commercial"]))
        elif s == "grande distribution" or (s == "CSE" and t > 60000):
            comm.append(ID_GRANDS_COMPTES)
        else:
            comm.append(commercial_du_departement(df.at[i, "departement"]))
    df["conditions_paiement"] = conditions
    df["plafond_credit"] = plafond
    df["_risque"] = risque
    df["_remise"] = remise
    df["id_commercial"] = pd.array(comm, dtype="Int64")
    df["optin_email"] = rng.random(n) < np.where(pro, 0.72, 0.55)
    df["optin_sms"] = rng.random(n) < np.where(pro, 0.20, 0.32)
    df["_satisfaction"] = rng.normal(0, 1, n)  # disposition cachée, utilisée par les enquêtes
    # Nombre de commandes par an d'un professionnel selon sa taille.
    df["_n_cmd"] = np.where(pro, np.clip(np.round(2.5 * (df["_taille"] / 5000) ** 0.6), 2, 48), 0)
    df["_perte"] = pd.to_datetime(df["_perte"])
    return df


def _repartition_lignes(rng, produits, poids, k, valeur_c, pro, remise_client):
    """Choisit k produits et calcule quantités, remises et montants (centimes)."""
    k = min(k, int((poids > 0).sum()))
    idx = rng.choice(len(poids), size=k, replace=False, p=poids)
    prix = produits[idx]
    if pro:
        parts = rng.dirichlet(np.full(k, 2.0)) * valeur_c
        remises = np.full(k, remise_client)
        promo = rng.random(k) < 0.1
        remises = np.minimum(np.round(remises + np.where(promo, 0.05, 0.0), 2), 0.30)
        q = np.maximum(1, np.round(parts / (prix * (1 - remises)))).astype(np.int64)
        lot = np.where(q >= 60, 12, np.where(q >= 12, 6, 1))
        q = np.maximum(lot, np.round(q / lot) * lot).astype(np.int64)
    else:
        q = rng.choice([1, 1, 1, 1, 1, 1, 2, 2, 3, 4], size=k).astype(np.int64)
        remises = np.full(k, remise_client)
    remise_pct = np.round(remises * 100).astype(np.int64)
    montant = (q * prix * (100 - remise_pct) + 50) // 100  # arrondi au centime, exact
    return idx, q, prix, remise_pct, montant


def generer_commandes(clients: pd.DataFrame, produits: pd.DataFrame):
    """Commandes et lignes de commande (historique 2022 → date d'arrêté).

    Professionnels : nombre de commandes mensuel ~ Poisson(fréquence × saison),
    valeur ~ taille du compte / fréquence × tendance × tarif × bruit log-normal.
    La tendance est recalée chaque mois sur le portefeuille actif afin que le
    volume d'affaires croisse d'environ CROISSANCE_VOLUME par an malgré les
    arrivées et départs de clients.
    Particuliers : première commande le jour de la création, puis achats
    répétés de plus en plus rares, surtout en fin d'année.
    """
    rng = aleas("commandes")
    debut_mois = MOIS.astype("datetime64[D]")
    fin_mois = fin_de_mois(MOIS)
    annee_mois = MOIS.astype("datetime64[Y]").astype(int) + 1970
    mois_num = MOIS.astype(int) % 12
    tarif_mois = np.array([INDICE_TARIF[a] for a in annee_mois])
    pro = clients[clients["type_client"] == "professionnel"].reset_index(drop=True)
    creation = pro["date_creation"].to_numpy().astype("datetime64[D]")
    perte = pro["_perte"].to_numpy().astype("datetime64[D]")
    debut_actif = np.maximum(creation, DATE_DEBUT)
    # Fraction de chaque mois pendant laquelle le client est actif.
    dm = debut_mois[None, :]
    fm = fin_mois[None, :] + np.timedelta64(1, "D")
    chevauchement = (np.minimum(fm, perte[:, None]) - np.maximum(dm, debut_actif[:, None])).astype(
        int
    )
    jours_mois = (fm - dm).astype(int)
    actif = np.clip(chevauchement / jours_mois, 0, 1)
    # Montée en charge des nouveaux clients sur un an.
    anciennete_mois = (dm - creation[:, None]).astype(int) / 30.4
    montee = np.clip(0.5 + anciennete_mois / 24, 0.5, 1.0)
    taille = pro["_taille"].to_numpy()
    base = (taille[:, None] * actif * montee).sum(axis=0)
    tendance = base[0] * (1 + CROISSANCE_VOLUME) ** (np.arange(NB_MOIS) / 12) / base
    saison = np.array([[SAISONNALITE[s][m] for m in mois_num] for s in pro["secteur_activite"]])
    saison /= np.array([np.mean(SAISONNALITE[s]) for s in pro["secteur_activite"]])[:, None]
    n_cmd = pro["_n_cmd"].to_numpy()
    lam = n_cmd[:, None] / 12 * saison * actif
    # Tirage « tramé » : floor(λ + U) garde la moyenne λ avec moins de bruit qu'une loi de
    # Poisson (les gros comptes commandent à un rythme régulier).
    nb = np.floor(lam + rng.random(lam.shape)).astype(int)
    commandes = []  # (id_client, date, canal, id_commercial, valeur cible en centimes, segment)
    cle_calage = []  # (secteur, année) de chaque commande, pour le calage
    ids = pro["id_client"].to_numpy()
    comm = pro["id_commercial"].to_numpy()
    secteurs = pro["secteur_activite"].to_numpy()
    for i, m in zip(*np.nonzero(nb), strict=True):
        for _ in range(nb[i, m]):
            j = int(rng.integers(0, jours_mois[0, m]))
            d = jour_ouvre(np.array([debut_mois[m] + np.timedelta64(j, "D")]))[0]
            if d < debut_actif[i] or d >= perte[i] or d > DATE_ARRETE:
                continue
            valeur = (
                taille[i]
                / n_cmd[i]
                * tendance[m]
                * montee[i, m]
                * tarif_mois[m]
                * rng.lognormal(-0.045, 0.3)
            )
            canal = choix(
                rng, ["commercial", "téléphone", "e-boutique", "salon"], [0.6, 0.25, 0.1, 0.05]
            )
            commandes.append((ids[i], d, canal, comm[i], valeur * 100, secteurs[i]))
            cle_calage.append((secteurs[i], annee_mois[m]))
    # Calage : pour chaque secteur et chaque année, la somme des valeurs visées est
    # ramenée à son espérance, afin que la tendance annuelle ne soit pas noyée
    # dans le bruit des quelques très gros comptes.
    esperance = lam * (taille / n_cmd)[:, None] * tendance * montee * tarif_mois * 100
    facteurs = {}
    for s in SECTEURS_PRO:
        lignes_s = secteurs == s
        for a in range(2022, 2027):
            facteurs[(s, a)] = esperance[lignes_s][:, annee_mois == a].sum()
    realise = dict.fromkeys(facteurs, 0.0)
    for (_, _, _, _, v, _), cle in zip(commandes, cle_calage, strict=True):
        realise[cle] += v
    commandes = [
        (c[0], c[1], c[2], c[3], c[4] * facteurs[cle] / realise[cle], c[5])
        for c, cle in zip(commandes, cle_calage, strict=True)
    ]
    # Première commande des clients issus des prospects, le jour de la conversion.
    for i in np.nonzero(creation >= DATE_DEBUT)[0]:
        m = int((creation[i].astype("datetime64[M]") - MOIS[0]).astype(int))
        valeur = taille[i] / n_cmd[i] * tendance[m] * 0.5 * tarif_mois[m]
        commandes.append((ids[i], creation[i], "commercial", comm[i], valeur * 100, secteurs[i]))
    # Particuliers.
    part = clients[clients["type_client"] == "particulier"].reset_index(drop=True)
    cr = part["date_creation"].to_numpy().astype("datetime64[D]")
    canal_acq = part["canal_acquisition"].to_numpy()
    nord = part["departement"].isin(["59", "62"]).to_numpy()
    freq = rng.gamma(0.8, 0.6 / 0.8, len(part))  # achats répétés par an
    saison_p = np.array(SAISONNALITE["particulier"])[mois_num]
    premier_canal = {
        "site web": "e-boutique",
        "campagne": "e-boutique",
        "recommandation": "e-boutique",
        "magasin d'usine": "magasin d'usine",
        "salon": "salon",
    }
    for i in range(len(part)):
        if cr[i] >= DATE_DEBUT:
            commandes.append(
                (
                    part.at[i, "id_client"],
                    cr[i],
                    premier_canal[canal_acq[i]],
                    None,
                    0,
                    "particulier",
                )
            )
        age = (debut_mois - cr[i]).astype(int) / 365.25
        lam_p = freq[i] / 12 * saison_p * np.exp(-np.maximum(age, 0) / 3) * (debut_mois > cr[i])
        for m in np.nonzero(rng.poisson(lam_p))[0]:
            d = debut_mois[m] + np.timedelta64(int(rng.integers(0, jours_mois[0, m])), "D")
            if d > DATE_ARRETE:
                continue
            p_usine = 0.35 if nord[i] else 0.05
            canal = choix(
                rng,
                ["e-boutique", "magasin d'usine", "téléphone", "salon"],
                [0.88 - p_usine, p_usine, 0.06, 0.06],
            )
            commandes.append((part.at[i, "id_client"], d, canal, None, 0, "particulier"))
    cmd = pd.DataFrame(
        commandes,
        columns=["id_client", "date_commande", "canal", "id_commercial", "_valeur_c", "_segment"],
    )
    cmd["date_commande"] = pd.to_datetime(cmd["date_commande"])
    cmd = cmd.sort_values(["date_commande", "id_client"], kind="stable").reset_index(drop=True)
    cmd.insert(0, "id_commande", np.arange(1, len(cmd) + 1))
    # Les commandes en ligne ou en magasin ne passent pas par un commercial.
    sans_commercial = (
        cmd["canal"].isin(["e-boutique", "magasin d'usine"]) | cmd["id_commercial"].isna()
    )
    cmd["id_commercial"] = pd.array(
        np.where(sans_commercial, None, cmd["id_commercial"]), dtype="Int64"
    )
    # Statut : quelques annulations ; livraison en quelques jours.
    dates = cmd["date_commande"].to_numpy().astype("datetime64[D]")
    est_pro = (cmd["_segment"] != "particulier").to_numpy()
    delai_exp = np.where(est_pro, rng.integers(0, 3, len(cmd)), 0)
    # Vente sur place (magasin d'usine, salon) : remise immédiate, même le week-end.
    sur_place = cmd["canal"].isin(["magasin d'usine", "salon"]).to_numpy()
    expedition = np.where(sur_place, dates, jour_ouvre(dates + delai_exp.astype("timedelta64[D]")))
    expedition = np.minimum(expedition, DATE_ARRETE)
    livraison = expedition + np.where(sur_place, 0, rng.integers(2, 6, len(cmd))).astype(
        "timedelta64[D]"
    )
    # Annulations : surtout de petites commandes (les grosses sont négociées en amont).
    p_annul = np.where(est_pro, np.where(cmd["_valeur_c"] < 300000, 0.015, 0.003), 0.03)
    annule = rng.random(len(cmd)) < p_annul
    cmd["statut"] = np.where(
        annule, "annulée", np.where(livraison > DATE_ARRETE, "en cours", "livrée")
    )
    cmd["_expedition"] = expedition
    cmd["_livraison"] = livraison
    # Lignes de commande.
    prix_2026 = produits["_prix_c"].to_numpy()
    lancement = produits["date_lancement"].to_numpy().astype("datetime64[D]")
    arret = pd.to_datetime(produits["_arret"]).to_numpy().astype("datetime64[D]")
    familles = list(FAMILLES)
    fam_idx = produits["famille"].map(familles.index).to_numpy()
    pop = produits["_popularite"].to_numpy()
    gammes = produits["gamme"].to_numpy()
    etiquettes = produits["_etiquette"].to_numpy()
    # Poids de base par segment (famille × gamme × étiquette × popularité).
    poids_segment = {}
    for seg in list(SAISONNALITE):
        w = np.array(PREF_FAMILLE[seg])[fam_idx] * pop
        w *= np.array([PREF_GAMME[seg][g] for g in gammes])
        cible = BONUS_ETIQUETTE.get(seg)
        w *= np.where(etiquettes == cible, 4.0, 1.0) if cible else 1.0
        if seg not in ("boutique de souvenirs",):
            w *= np.where(etiquettes == "souvenir", 0.3, 1.0)
        if seg != "hôtel":
            w *= np.where(etiquettes == "hotel", 0.15, 1.0)
        poids_segment[seg] = w
    lignes = []
    clients_idx = clients.set_index("id_client")
    remise_client = clients_idx["_remise"]
    mois_promo = {1, 11}  # soldes de janvier et Black Friday : remises sur l'e-boutique
    nb_lignes_part = [1, 1, 1, 2, 2, 3]
    valeurs = cmd["_valeur_c"].to_numpy()
    segments = cmd["_segment"].to_numpy()
    canaux = cmd["canal"].to_numpy()
    id_clients = cmd["id_client"].to_numpy()
    montants_cmd = np.zeros(len(cmd), dtype=np.int64)
    cache_dispo = {}
    for c in range(len(cmd)):
        d = dates[c]
        an = int(d.astype("datetime64[Y]").astype(int)) + 1970
        dispo = (lancement <= d) & (np.isnat(arret) | (d < arret))
        cle = (segments[c], dispo.tobytes())
        if cle not in cache_dispo:
            w = poids_segment[segments[c]] * dispo
            cache_dispo[cle] = w / w.sum()
        poids = cache_dispo[cle]
        prix = np.round(prix_2026 * INDICE_TARIF[an] / INDICE_TARIF[2026]).astype(np.int64)
        if segments[c] == "particulier":
            k = choix(rng, nb_lignes_part)
            mois = int(d.astype("datetime64[M]").astype(int)) % 12 + 1
            if canaux[c] == "magasin d'usine":
                r = 0.20  # prix d'usine
            elif canaux[c] == "e-boutique" and mois in mois_promo and rng.random() < 0.6:
                r = 0.15
            else:
                r = 0.0
            idx, q, pu, rp, mt = _repartition_lignes(rng, prix, poids, k, 0, False, r)
        else:
            k = 1 + int(rng.poisson(LIGNES_PAR_COMMANDE[segments[c]]))
            idx, q, pu, rp, mt = _repartition_lignes(
                rng, prix, poids, k, valeurs[c], True, remise_client.at[id_clients[c]]
            )
        montants_cmd[c] = mt.sum()
        for j in range(len(idx)):
            lignes.append(
                (
                    cmd.at[c, "id_commande"],
                    int(idx[j]) + 1,
                    int(q[j]),
                    int(pu[j]),
                    int(rp[j]),
                    int(mt[j]),
                )
            )
    lig = pd.DataFrame(
        lignes,
        columns=["id_commande", "id_produit", "quantite", "_prix_c", "_remise_pct", "_montant_c"],
    )
    lig.insert(0, "id_ligne", np.arange(1, len(lig) + 1))
    cmd["_montant_c"] = montants_cmd
    return cmd, lig


def echeance(date_facture: np.ndarray, conditions: np.ndarray) -> np.ndarray:
    """Date d'échéance selon les conditions de paiement du client."""
    d = date_facture.astype("datetime64[D]")
    j30 = d + np.timedelta64(30, "D")
    j60 = d + np.timedelta64(60, "D")
    fdm45 = fin_de_mois(d + np.timedelta64(45, "D"))
    return np.select(
        [conditions == "comptant", conditions == "30 jours", conditions == "45 jours fin de mois"],
        [d, j30, fdm45],
        j60,
    )


def generer_factures(cmd: pd.DataFrame, clients: pd.DataFrame):
    """Factures, règlements et relances.

    Une facture par commande non annulée, émise à l'expédition. Le retard de
    paiement dépend de la classe de risque cachée du client ; quelques
    factures sont réglées en plusieurs fois, d'autres jamais (défaut). Les
    relances suivent le calendrier : niveau 1 (courriel) vers J+8 après
    l'échéance, niveau 2 (téléphone ou courrier) vers J+25, niveau 3 (mise en
    demeure) vers J+45 ; une facture impayée 30 jours après la mise en demeure
    passe au contentieux.
    """
    rng = aleas("factures")
    f = cmd[cmd["statut"] != "annulée"].copy()
    f["date_facture"] = f["_expedition"].to_numpy()
    f = f.sort_values(["date_facture", "id_commande"], kind="stable").reset_index(drop=True)
    f.insert(0, "id_facture", np.arange(1, len(f) + 1))
    cl = clients.set_index("id_client")
    conditions = cl.loc[f["id_client"], "conditions_paiement"].to_numpy()
    risque = cl.loc[f["id_client"], "_risque"].to_numpy()
    est_pro = (cl.loc[f["id_client"], "type_client"] == "professionnel").to_numpy()
    dfac = f["date_facture"].to_numpy().astype("datetime64[D]")
    dech = echeance(dfac, conditions)
    f["date_echeance"] = dech
    ht = f["_montant_c"].to_numpy()
    tva = arrondi_centimes(ht * TAUX_TVA)
    ttc = ht + tva
    f["_ht_c"], f["_tva_c"], f["_ttc_c"] = ht, tva, ttc
    n = len(f)
    # Retard de paiement (jours après l'échéance) selon la classe de risque.
    retard = np.select(
        [risque == 0, risque == 1],
        [np.round(rng.normal(1, 3, n)), np.round(rng.gamma(2.0, 7.0, n) - 2)],
        np.round(rng.gamma(2.0, 18.0, n)),
    )
    retard = np.where(conditions == "comptant", np.abs(retard) // 3, retard)
    retard = np.where(est_pro, retard, 0).astype(int)
    paiement = np.maximum(dech + retard.astype("timedelta64[D]"), dfac)
    defaut = est_pro & (rng.random(n) < np.array(PROBA_DEFAUT)[risque])
    en_plusieurs = est_pro & (risque > 0) & (rng.random(n) < 0.15) & ~defaut
    # Mode de règlement préféré de chaque client.
    modes_pro = ["virement", "chèque", "LCR", "prélèvement"]
    mode_client = {}
    for idc, t in zip(cl.index, cl["type_client"], strict=True):
        if t == "professionnel":
            s = cl.at[idc, "secteur_activite"]
            mode_client[idc] = (
                "virement"
                if s == "grande distribution"
                else choix(rng, modes_pro, [0.55, 0.20, 0.15, 0.10])
            )
    canaux = f["canal"].to_numpy()
    reglements = []
    total_regle = np.zeros(n, dtype=np.int64)
    dernier = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    ids_f = f["id_facture"].to_numpy()
    ids_c = f["id_client"].to_numpy()
    for i in range(n):
        if not est_pro[i]:
            if canaux[i] == "magasin d'usine":
                mode = choix(rng, ["carte bancaire", "espèces", "chèque"], [0.75, 0.15, 0.10])
            elif canaux[i] == "salon":
                mode = choix(rng, ["carte bancaire", "chèque", "espèces"], [0.7, 0.2, 0.1])
            else:
                mode = "carte bancaire"
            echeancier = [(dfac[i], ttc[i])]
        else:
            mode = mode_client[ids_c[i]]
            if defaut[i]:
                if rng.random() < 0.4:
                    part = int(ttc[i] * rng.uniform(0.3, 0.6))
                    echeancier = [(paiement[i], part)]
                else:
                    echeancier = []
            elif en_plusieurs[i]:
                k = int(rng.integers(2, 4))
                parts = np.floor(rng.dirichlet(np.full(k, 3.0)) * ttc[i]).astype(np.int64)
                parts[-1] = ttc[i] - parts[:-1].sum()
                dates = [
                    paiement[i] + np.timedelta64(int(20 * j + rng.integers(0, 10)), "D")
                    for j in range(k)
                ]
                echeancier = list(zip(dates, parts, strict=True))
            else:
                echeancier = [(paiement[i], ttc[i])]
        for d, montant in echeancier:
            if d <= DATE_ARRETE and montant > 0:
                reglements.append((ids_f[i], d, int(montant), mode))
                total_regle[i] += montant
                dernier[i] = d
    # Relances et statut à la date d'arrêté.
    relances = []
    statut = []
    paye = total_regle >= ttc
    fin_attente = np.where(paye, dernier, DATE_ARRETE + np.timedelta64(1, "D"))
    for i in range(n):
        niveau3 = None
        if est_pro[i]:
            calendrier = [
                (1, 8 + int(rng.integers(0, 4)), "courriel"),
                (
                    2,
                    25 + int(rng.integers(0, 6)),
                    "téléphone" if rng.random() < 0.6 else "courrier",
                ),
                (3, 45 + int(rng.integers(0, 8)), "mise en demeure"),
            ]
            for niveau, jours, canal in calendrier:
                d = jour_ouvre(np.array([dech[i] + np.timedelta64(jours, "D")]))[0]
                if d < fin_attente[i] and d <= DATE_ARRETE:
                    relances.append((ids_f[i], d, niveau, canal))
                    if niveau == 3:
                        niveau3 = d
        if paye[i]:
            statut.append("réglée")
        elif dech[i] >= DATE_ARRETE:
            statut.append("partiellement réglée" if total_regle[i] > 0 else "non échue")
        elif niveau3 is not None and (DATE_ARRETE - niveau3).astype(int) > 30:
            statut.append("contentieux")
        elif total_regle[i] > 0:
            statut.append("partiellement réglée")
        else:
            statut.append("impayée")
    f["statut"] = statut
    reg = pd.DataFrame(reglements, columns=["id_facture", "date_reglement", "_montant_c", "mode"])
    reg = reg.sort_values(["date_reglement", "id_facture"], kind="stable").reset_index(drop=True)
    reg.insert(0, "id_reglement", np.arange(1, len(reg) + 1))
    rel = pd.DataFrame(relances, columns=["id_facture", "date_relance", "niveau", "canal"])
    rel = rel.sort_values(["date_relance", "id_facture", "niveau"], kind="stable").reset_index(
        drop=True
    )
    rel.insert(0, "id_relance", np.arange(1, len(rel) + 1))
    return f, reg, rel


def generer_contacts(clients, prospects, plans, cmd, commerciaux) -> pd.DataFrame:
    """Activité de la force de vente : visites, appels, courriels, salons.

    Prospects : l'historique tiré avec le prospect (le dernier contact porte la
    décision). Clients : un contact pour chaque commande prise par un
    commercial, des contacts de suivi et de fidélisation, et un dernier appel
    de reconquête après la perte d'un client.
    """
    rng = aleas("contacts")
    bases = commerciaux.set_index("id_commercial")[["latitude_base", "longitude_base"]]
    lignes = []  # (id_commercial, id_client, id_prospect, date, type, objet, resultat)

    def ajouter(idcom, idcl, idpr, d, type_c, objet, resultat):
        lignes.append((idcom, idcl, idpr, d, type_c, objet, resultat))

    for p, plan in zip(parcourir(prospects), plans, strict=True):
        n = len(plan)
        for j, (type_c, d) in enumerate(plan):
            if d > DATE_ARRETE:
                break
            dernier = j == n - 1
            if dernier and p.statut == "converti":
                res, objet = "commande", "négociation"
            elif dernier and p.statut == "perdu":
                res, objet = "sans suite", "négociation" if j > 1 else "prospection"
            elif j + 1 < n and plan[j + 1][0] == "visite":
                res, objet = "rendez-vous obtenu", "prospection"
            else:
                res, objet = "à relancer", "prospection" if j < 2 else "négociation"
            ajouter(p.id_commercial, None, p.id_prospect, d, type_c, objet, res)
    # Contacts liés aux commandes des professionnels.
    types_cmd = {"commercial": "visite", "téléphone": "téléphone", "salon": "salon"}
    c = cmd[cmd["id_commercial"].notna() & cmd["canal"].isin(list(types_cmd))]
    for r in parcourir(c):
        objet = "négociation" if r.h_segment == "grande distribution" else "suivi"
        ajouter(
            int(r.id_commercial),
            r.id_client,
            None,
            r.date_commande.to_datetime64().astype("datetime64[D]"),
            types_cmd[r.canal],
            objet,
            "commande",
        )
    # Suivi, fidélisation et SAV des clients professionnels actifs.
    pro = clients[clients["type_client"] == "professionnel"]
    for r in parcourir(pro):
        debut = max(r.date_creation.to_datetime64().astype("datetime64[D]"), DATE_DEBUT)
        perte = r.h_perte.to_datetime64().astype("datetime64[D]")
        fin = min(perte, DATE_ARRETE)
        if fin > debut:
            annees = (fin - debut).astype(int) / 365.25
            n = int(rng.poisson(annees * (1.0 + 2.0 * np.sqrt(r.h_taille / 20000))))
            for d in np.sort(dates_uniformes(rng, debut, fin, n)):
                type_c = choix(rng, ["visite", "téléphone", "courriel"], [0.45, 0.35, 0.20])
                objet = choix(
                    rng, ["suivi", "fidélisation", "SAV", "négociation"], [0.5, 0.25, 0.15, 0.10]
                )
                res = choix(
                    rng, ["rendez-vous obtenu", "à relancer", "sans suite"], [0.2, 0.35, 0.45]
                )
                ajouter(
                    int(r.id_commercial),
                    r.id_client,
                    None,
                    jour_ouvre(np.array([d]))[0],
                    type_c,
                    objet,
                    res,
                )
        # Tentative de reconquête après la perte.
        if perte >= DATE_DEBUT and perte + np.timedelta64(150, "D") <= DATE_ARRETE:
            d = perte + np.timedelta64(int(rng.integers(60, 150)), "D")
            ajouter(
                int(r.id_commercial),
                r.id_client,
                None,
                jour_ouvre(np.array([d]))[0],
                "téléphone",
                "fidélisation",
                "sans suite",
            )
    df = pd.DataFrame(
        lignes,
        columns=[
            "id_commercial",
            "id_client",
            "id_prospect",
            "date_contact",
            "type_contact",
            "objet",
            "resultat",
        ],
    )
    df["date_contact"] = pd.to_datetime(df["date_contact"])
    df = df[df["date_contact"] <= pd.Timestamp(DATE_ARRETE)]
    df = df.sort_values(
        ["date_contact", "id_commercial", "id_client", "id_prospect"], kind="stable"
    )
    df = df.reset_index(drop=True)
    df.insert(0, "id_contact", np.arange(1, len(df) + 1))
    df["id_client"] = pd.array(df["id_client"], dtype="Int64")
    df["id_prospect"] = pd.array(df["id_prospect"], dtype="Int64")
    n = len(df)
    t = df["type_contact"].to_numpy()
    duree = np.select(
        [t == "visite", t == "téléphone", t == "courriel"],
        [rng.integers(6, 25, n) * 5, rng.integers(1, 7, n) * 5, rng.integers(1, 4, n) * 5],
        rng.integers(2, 7, n) * 5,
    )
    df["duree_minutes"] = duree
    # Kilomètres : aller-retour depuis la ville de rattachement, coefficient routier 1,3.
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    est_client = df["id_client"].notna().to_numpy()
    loc_cl = clients.set_index("id_client")[["latitude", "longitude"]]
    loc_pr = prospects.set_index("id_prospect")[["latitude", "longitude"]]
    lat[est_client] = loc_cl.loc[df.loc[est_client, "id_client"].astype(int), "latitude"].to_numpy()
    lon[est_client] = loc_cl.loc[
        df.loc[est_client, "id_client"].astype(int), "longitude"
    ].to_numpy()
    lat[~est_client] = loc_pr.loc[
        df.loc[~est_client, "id_prospect"].astype(int), "latitude"
    ].to_numpy()
    lon[~est_client] = loc_pr.loc[
        df.loc[~est_client, "id_prospect"].astype(int), "longitude"
    ].to_numpy()
    b = bases.loc[df["id_commercial"]]
    km = (
        2
        * 1.3
        * distance_km(b["latitude_base"].to_numpy(), b["longitude_base"].to_numpy(), lat, lon)
    )
    # Au-delà de 150 km (aller), les visites sont groupées en tournées de plusieurs
    # jours : le kilométrage du déplacement est réparti entre 3 à 6 visites.
    km = np.where(km > 2 * 150, km / rng.integers(3, 7, n), km)
    df["km_parcourus"] = np.where(t == "visite", np.round(np.maximum(km, 2.0), 1), 0.0)
    return df[
        [
            "id_contact",
            "id_commercial",
            "id_client",
            "id_prospect",
            "date_contact",
            "type_contact",
            "objet",
            "duree_minutes",
            "km_parcourus",
            "resultat",
        ]
    ]


# Modèles de campagnes, répétés chaque année :
# (nom, média, cible, mois de début, durée en jours, population cible, couverture,
#  répétition, taux de retour, taux de commande, panier moyen HT, coût HT)
# fmt: off
MODELES_CAMPAGNES = [
    ("Mois du blanc {a}", "radio locale", "particuliers de la métropole lilloise",
     1, 20, 450000, 0.35, 4.0, 0.0015, 0.25, 95, 6500),
    ("Catalogue printemps hôtels {a}", "publipostage", "hôtels indépendants",
     3, 30, 2400, 0.85, 1.0, 0.03, 0.3, 1800, 3100),
    ("Saison touristique {a} – boutiques", "courriel", "boutiques de souvenirs",
     4, 21, 900, 0.75, 2.0, 0.03, 0.35, 1500, 900),
    ("Annonce « L'hôtellerie responsable » {a}", "presse professionnelle", "directeurs d'hôtels et gouvernantes",
     5, 30, 18000, 0.4, 1.5, 0.004, 0.3, 2200, 5400),
    ("Salon Maison&Objet septembre {a}", "salon", "détaillants et boutiques",
     9, 5, 6000, 0.12, 1.0, 0.25, 0.15, 2500, 24000),
    ("Noël des CSE {a}", "courriel", "élus de CSE (fichier clients et prospects)",
     10, 45, 3500, 0.8, 3.0, 0.008, 0.35, 3500, 1500),
    ("Black Friday e-boutique {a}", "SMS", "particuliers ayant accepté les SMS",
     11, 4, 1100, 0.92, 2.0, 0.05, 0.6, 85, 180),
    ("Idées cadeaux {a}", "réseaux sociaux", "particuliers 25-55 ans, Hauts-de-France et Île-de-France",
     11, 35, 800000, 0.08, 3.5, 0.0008, 0.3, 90, 4200),
]
# fmt: on


def generer_campagnes() -> pd.DataFrame:
    """Campagnes de communication : coût, audience, contacts utiles et retombées."""
    rng = aleas("campagnes")
    modeles = MODELES_CAMPAGNES
    lignes = []
    for a in range(2022, 2027):
        for nom, media, cible, mois, duree, pop, couv, rep, t_ret, t_cmd, panier, cout in modeles:
            debut = np.datetime64(f"{a}-{mois:02d}-01") + np.timedelta64(
                int(rng.integers(0, 10)), "D"
            )
            fin = debut + np.timedelta64(duree, "D")
            if fin > DATE_ARRETE:
                continue
            croissance = 1.05 ** (a - 2022)
            population = int(
                round(pop * croissance * rng.uniform(0.9, 1.1), -1 if pop < 100000 else -3)
            )
            audience = int(round(population * couv * rng.uniform(0.85, 1.15)))
            audience = min(audience, population)
            contacts = int(round(audience * rep * rng.uniform(0.9, 1.1)))
            contacts = max(contacts, audience)
            retours = int(rng.binomial(contacts, min(t_ret * rng.uniform(0.7, 1.3), 1.0)))
            commandes = int(rng.binomial(retours, t_cmd))
            ca = commandes * panier * rng.lognormal(0, 0.15) * INDICE_TARIF[a]
            cout_ht = cout * croissance * rng.uniform(0.9, 1.1)
            lignes.append(
                {
                    "nom": nom.format(a=a),
                    "media": media,
                    "cible": cible,
                    "date_debut": debut,
                    "date_fin": fin,
                    "_cout_c": int(round(cout_ht, 0) * 100),
                    "population_cible": population,
                    "audience_utile": audience,
                    "contacts_utiles": contacts,
                    "nb_retours": retours,
                    "nb_commandes": commandes,
                    "_ca_c": int(round(ca * 100)),
                }
            )
    df = pd.DataFrame(lignes).sort_values("date_debut", kind="stable").reset_index(drop=True)
    df.insert(0, "id_campagne", np.arange(1, len(df) + 1))
    return df


def generer_reclamations(cmd: pd.DataFrame) -> pd.DataFrame:
    """Réclamations : motif, canal, délai de traitement et geste commercial."""
    rng = aleas("reclamations")
    motifs = [
        "retard de livraison",
        "produit défectueux",
        "erreur de commande",
        "facturation",
        "qualité",
        "service client",
    ]
    p_motifs = [0.30, 0.22, 0.18, 0.12, 0.12, 0.06]
    delai_moyen = {
        "retard de livraison": 6,
        "produit défectueux": 14,
        "erreur de commande": 8,
        "facturation": 12,
        "qualité": 18,
        "service client": 5,
    }
    livrees = cmd[cmd["statut"] != "annulée"]
    est_pro = (livrees["_segment"] != "particulier").to_numpy()
    tirage = rng.random(len(livrees)) < np.where(est_pro, 0.05, 0.025)
    lignes = []
    for r, pro in zip(parcourir(livrees[tirage]), est_pro[tirage], strict=True):
        motif = choix(rng, motifs, p_motifs)
        d = np.datetime64(r.h_livraison, "D") + np.timedelta64(int(rng.integers(0, 12)), "D")
        if motif == "retard de livraison":
            d = np.datetime64(r.h_livraison, "D") + np.timedelta64(int(rng.integers(0, 3)), "D")
        if d > DATE_ARRETE:
            continue
        if pro:
            canal = choix(
                rng,
                ["courriel", "téléphone", "visite commercial", "courrier"],
                [0.4, 0.35, 0.15, 0.1],
            )
        else:
            canal = choix(rng, ["formulaire web", "courriel", "téléphone"], [0.45, 0.30, 0.25])
        delai = int(1 + rng.gamma(2.0, delai_moyen[motif] / 2))
        if motif in ("qualité", "produit défectueux") and rng.random() < 0.15:
            delai += int(rng.integers(30, 90))  # expertise du produit en atelier
        cloture = d + np.timedelta64(delai, "D")
        geste = 0
        if (
            motif in ("retard de livraison", "produit défectueux", "qualité", "erreur de commande")
            and rng.random() < 0.4
        ):
            geste = int(round(r.h_montant_c * rng.uniform(0.05, 0.15), -2))
            geste = max(geste, 500)
        if cloture > DATE_ARRETE:
            statut = "ouverte" if (DATE_ARRETE - d).astype(int) < 7 else "en cours"
            cloture = np.datetime64("NaT")
            geste = 0
        else:
            statut = "clôturée"
        sans_commande = motif == "service client" and rng.random() < 0.5
        lignes.append(
            {
                "id_client": r.id_client,
                "id_commande": None if sans_commande else r.id_commande,
                "date_reclamation": d,
                "motif": motif,
                "canal": canal,
                "date_cloture": cloture,
                "statut": statut,
                "_geste_c": geste,
            }
        )
    df = pd.DataFrame(lignes)
    df["date_reclamation"] = pd.to_datetime(df["date_reclamation"])
    df = df.sort_values(["date_reclamation", "id_client"], kind="stable").reset_index(drop=True)
    df.insert(0, "id_reclamation", np.arange(1, len(df) + 1))
    df["id_commande"] = pd.array(df["id_commande"], dtype="Int64")
    return df


COMMENTAIRES = {
    "promoteur": [
        "Très bonne qualité, je recommande.",
        "Livraison rapide et soignée.",
        "Excellent suivi de notre commercial.",
        "Les serviettes tiennent très bien au lavage.",
        "Produits conformes, clients satisfaits.",
        "Toujours réactifs, merci !",
        "Les peignoirs plaisent beaucoup à nos clients.",
        "Parfait pour nos cadeaux de fin d'année.",
    ],
    "passif": [
        "Correct, mais les délais sont un peu longs.",
        "Bon rapport qualité-prix.",
        "Rien à signaler.",
        "Catalogue un peu limité en coloris.",
        "Prix en hausse cette année.",
        "Satisfait dans l'ensemble.",
    ],
    "detracteur": [
        "Livraison en retard pour la deuxième fois.",
        "Peignoirs qui boulochent après quelques lavages.",
        "Erreur sur la facture, réglée après plusieurs appels.",
        "Service client difficile à joindre.",
        "Colis incomplet à la livraison.",
        "Trop cher par rapport à la concurrence.",
        "Couleurs différentes de la photo du catalogue.",
    ],
}


def generer_enquetes(cmd: pd.DataFrame, clients: pd.DataFrame, recl: pd.DataFrame) -> pd.DataFrame:
    """Enquêtes de satisfaction : vague annuelle auprès des pros (mars), enquête
    après achat pour une partie des commandes de particuliers."""
    rng = aleas("enquetes")
    cl = clients.set_index("id_client")
    lignes = []
    dates_cmd = cmd["date_commande"].to_numpy().astype("datetime64[D]")
    for a in range(2022, 2027):
        vague = np.datetime64(f"{a}-03-10")
        recentes = cmd[
            (dates_cmd < vague)
            & (dates_cmd >= vague - np.timedelta64(365, "D"))
            & (cmd["_segment"] != "particulier").to_numpy()
        ]
        for idc in np.unique(recentes["id_client"].to_numpy()):
            if rng.random() < 0.35:
                d = vague + np.timedelta64(int(rng.integers(0, 30)), "D")
                lignes.append((int(idc), d))
    part = cmd[(cmd["_segment"] == "particulier") & (cmd["statut"] == "livrée")]
    tirage = rng.random(len(part)) < 0.12
    for r in parcourir(part[tirage]):
        d = np.datetime64(r.h_livraison, "D") + np.timedelta64(int(rng.integers(5, 15)), "D")
        if d <= DATE_ARRETE:
            lignes.append((int(r.id_client), d))
    df = pd.DataFrame(lignes, columns=["id_client", "date_enquete"])
    df["date_enquete"] = pd.to_datetime(df["date_enquete"])
    df = df.sort_values(["date_enquete", "id_client"], kind="stable").reset_index(drop=True)
    df.insert(0, "id_enquete", np.arange(1, len(df) + 1))
    # Note : disposition du client, pénalité si réclamation dans les 12 mois.
    rec = recl[["id_client", "date_reclamation"]].to_numpy()
    derniere_recl = {}
    for idc, d in rec:
        derniere_recl.setdefault(int(idc), []).append(np.datetime64(d, "D"))
    notes, sat, comm = [], [], []
    for r in parcourir(df):
        d = r.date_enquete.to_datetime64().astype("datetime64[D]")
        penalite = 0.0
        for dr in derniere_recl.get(r.id_client, []):
            if d - np.timedelta64(365, "D") <= dr <= d:
                penalite = 3.0
        mu = 8.3 + 1.2 * cl.at[r.id_client, "_satisfaction"] - penalite
        note = int(np.clip(round(mu + rng.normal(0, 1.2)), 0, 10))
        notes.append(note)
        sat.append(int(np.clip(round(0.8 + note / 2.6 + rng.normal(0, 0.5)), 1, 5)))
        if rng.random() < 0.45:
            groupe = "promoteur" if note >= 9 else "passif" if note >= 7 else "detracteur"
            comm.append(choix(rng, COMMENTAIRES[groupe]))
        else:
            comm.append(None)
    df["note_recommandation"] = notes
    df["note_satisfaction"] = sat
    df["commentaire"] = comm
    return df


def generer_stocks(cmd: pd.DataFrame, lig: pd.DataFrame, produits: pd.DataFrame) -> pd.DataFrame:
    """Stocks mensuels par famille, valorisés au coût de revient (centimes).

    Sorties = coût des produits livrés dans le mois. Entrées = production et
    achats planifiés pour couvrir environ deux mois de ventes à venir (d'où la
    constitution du stock avant le quatrième trimestre). Le stock de fin du
    dernier mois est égal à la valeur des stocks par produit (table produits).
    """
    rng = aleas("stocks")
    familles = list(FAMILLES)
    livrees = cmd.loc[cmd["statut"] == "livrée", ["id_commande", "date_commande"]]
    lv = lig.merge(livrees, on="id_commande")
    lv = lv.merge(produits[["id_produit", "famille", "_cout_c"]], on="id_produit")
    annee = lv["date_commande"].dt.year.to_numpy()
    indice = np.array([INDICE_TARIF[a] / INDICE_TARIF[2026] for a in range(2022, 2027)])[
        annee - 2022
    ]
    lv["_cout_ligne"] = lv["quantite"] * np.round(lv["_cout_c"] * indice).astype(np.int64)
    lv["mois"] = lv["date_commande"].dt.to_period("M").dt.to_timestamp()
    sorties = lv.pivot_table(
        index="mois", columns="famille", values="_cout_ligne", aggfunc="sum", fill_value=0
    ).reindex(columns=familles, fill_value=0)
    mois = pd.to_datetime(MOIS.astype("datetime64[D]"))
    sorties = sorties.reindex(mois, fill_value=0).to_numpy().astype(np.int64)
    # Stock des produits au jour de l'arrêté : ~2 mois de ventes de chaque produit actif.
    recent = lv[lv["date_commande"] > pd.Timestamp(DATE_ARRETE - np.timedelta64(365, "D"))]
    qte_an = (
        recent.groupby("id_produit")["quantite"].sum().reindex(produits["id_produit"], fill_value=0)
    )
    qte_mois = qte_an.to_numpy() / 12
    actifs = produits["actif"].to_numpy()
    stock_u = np.where(actifs, np.round(qte_mois * rng.uniform(1.0, 3.2, len(produits))), 0).astype(
        np.int64
    )
    seuil = np.maximum(10, np.round(qte_mois * 1.5 / 10) * 10).astype(np.int64)
    produits["stock"] = stock_u
    produits["seuil_reappro"] = np.where(actifs, seuil, 0)
    cout_c = produits["_cout_c"].to_numpy()
    valeur_finale = np.zeros(len(familles), dtype=np.int64)
    for k, fam in enumerate(familles):
        m = (produits["famille"] == fam).to_numpy()
        valeur_finale[k] = int((stock_u[m] * produits["_cout_c"].to_numpy()[m]).sum())
    lignes = []
    debut = np.round(sorties[:3].mean(axis=0) * 2.0).astype(np.int64)
    for m in range(NB_MOIS):
        prevision = (
            sorties[m + 1 : m + 3].sum(axis=0)
            if m + 3 <= NB_MOIS
            else sorties[m - 10 : m - 8].sum(axis=0)
        )
        cible = np.round(prevision * 0.9 * rng.lognormal(0, 0.08, len(familles))).astype(np.int64)
        if m == NB_MOIS - 1:
            # Dernier mois : le stock final doit égaler la valeur des stocks par produit ;
            # on complète si besoin le stock du produit le plus vendu de la famille.
            for k, fam in enumerate(familles):
                manque = debut[k] - sorties[m, k] - valeur_finale[k]
                if manque > 0:
                    m_fam = np.nonzero((produits["famille"] == fam).to_numpy() & actifs)[0]
                    j = m_fam[np.argmax(qte_mois[m_fam])]
                    unites = -(-manque // cout_c[j])
                    stock_u[j] += unites
                    valeur_finale[k] += unites * cout_c[j]
            produits["stock"] = stock_u
            cible = valeur_finale
        entrees = np.maximum(0, cible - debut + sorties[m])
        if m < NB_MOIS - 1:
            entrees = (np.round(entrees / 10000) * 10000).astype(np.int64)  # lots de 100 €
        fin = debut + entrees - sorties[m]
        for k, fam in enumerate(familles):
            lignes.append(
                {
                    "mois": MOIS[m].astype("datetime64[D]"),
                    "famille": fam,
                    "_debut_c": int(debut[k]),
                    "_entrees_c": int(entrees[k]),
                    "_sorties_c": int(sorties[m, k]),
                    "_fin_c": int(fin[k]),
                }
            )
        debut = fin
    return pd.DataFrame(lignes)


def generer_import_salon(prospects: pd.DataFrame, clients: pd.DataFrame, raisons: set):
    """Liste de contacts du salon Maison&Objet (septembre 2026) telle que reçue :
    volontairement sale (doublons, fautes, formats hétérogènes, champs vides).

    Renvoie la table et le décompte de chaque défaut (pour la documentation).
    """
    rng = aleas("import_salon")
    annuaire = Annuaire()
    # Annuaire propre au fichier du salon : on ne garde que le début de chaque tranche
    # (les autres tables puisent par la fin), donc aucun numéro ne se recoupe.
    for k in annuaire._restants:
        annuaire._restants[k] = annuaire._restants[k][:3000]
    base = []
    for _ in range(140):
        secteur = choix(rng, SECTEURS_PRO, [0.3, 0.25, 0.15, 0.05, 0.25])
        e = tirer_entreprise(rng, annuaire, secteur, raisons)
        base.append({**e, "_source": "nouveau"})
    for r in parcourir(prospects.sample(14, random_state=np.random.RandomState(GRAINE))):
        base.append({**r._asdict(), "_source": "prospect"})
    pros = clients[clients["type_client"] == "professionnel"]
    for r in parcourir(pros.sample(8, random_state=np.random.RandomState(GRAINE + 1))):
        base.append({**r._asdict(), "_source": "client"})
    compte = {
        k: 0
        for k in [
            "doublon",
            "casse",
            "espaces",
            "accents",
            "courriel_mal_forme",
            "courriel_vide",
            "telephone_format",
            "telephone_9_chiffres",
            "telephone_vide",
            "cp_zero_perdu",
            "cp_espace",
            "cp_vide",
            "ville_variante",
            "secteur_variante",
            "contact_vide",
            "prospect_existant",
            "client_existant",
        ]
    }
    secteur_variantes = {
        "boutique de souvenirs": [
            "boutique de souvenirs",
            "Souvenirs",
            "boutique souvenirs",
            "BOUTIQUE",
            "Magasin souvenirs",
        ],
        "hôtel": ["hôtel", "Hôtellerie", "hotel", "HOTEL", "Hôtel-restaurant"],
        "CSE": ["CSE", "CE", "Comité d'entreprise", "cse"],
        "grande distribution": ["grande distribution", "GMS", "Grande distrib.", "Hypermarché"],
        "détaillant": ["détaillant", "Detaillant", "commerce de détail", "Magasin"],
    }
    commentaires = [
        "intéressé par les peignoirs",
        "veut le catalogue 2027",
        "rappeler après le 15/09",
        "demande un devis plaids",
        "déjà client ?",
        "RDV pris",
        "a laissé sa carte",
        "cherche fournisseur linge hôtel",
        "pas de budget avant janvier",
        "à rappeler",
        "voir avec Mme la directrice",
        "échantillons serviettes",
        "",
    ]

    def telephone_sale(tel: str) -> str:
        chiffres = tel.replace(" ", "")
        format_ = choix(
            rng,
            [
                "espaces",
                "points",
                "international",
                "collé",
                "international_collé",
                "tirets",
                "neuf",
                "parenthèse",
            ],
            [0.35, 0.15, 0.12, 0.15, 0.05, 0.06, 0.07, 0.05],
        )
        if format_ != "espaces":
            compte["telephone_format"] += 1
        if format_ == "points":
            return ".".join(chiffres[i : i + 2] for i in range(0, 10, 2))
        if format_ == "international":
            return (
                "+33 " + chiffres[1] + " " + " ".join(chiffres[i : i + 2] for i in range(2, 10, 2))
            )
        if format_ == "collé":
            return chiffres
        if format_ == "international_collé":
            return "+33" + chiffres[1:]
        if format_ == "tirets":
            return "-".join(chiffres[i : i + 2] for i in range(0, 10, 2))
        if format_ == "neuf":
            compte["telephone_9_chiffres"] += 1
            return chiffres[1:]
        if format_ == "parenthèse":
            return (
                "+33 (0)"
                + chiffres[1]
                + " "
                + " ".join(chiffres[i : i + 2] for i in range(2, 10, 2))
            )
        return tel

    def courriel_sale(email: str) -> str:
        local, domaine = email.split("@")
        defaut = choix(
            rng, ["arobase", "espace", "faute", "virgule", "double", "sans_tld", "majuscules"]
        )
        compte["courriel_mal_forme"] += 1
        if defaut == "arobase":
            return local + domaine if rng.random() < 0.5 else f"{local} at {domaine}"
        if defaut == "espace":
            return f"{local} @{domaine}" if rng.random() < 0.5 else f" {email} "
        racine, tld = domaine.rsplit(".", 1)
        if defaut == "faute":  # faute de frappe sur l'extension (reste fictive)
            return f"{local}@{racine}." + choix(rng, ["exmaple", "exampel", "example."])
        if defaut == "virgule":
            return f"{local}@{racine},{tld}"
        if defaut == "double":
            return f"{local}@@{domaine}"
        if defaut == "sans_tld":
            return f"{local}@{racine}"
        compte["courriel_mal_forme"] -= 1  # majuscules : valide mais incohérent
        return email.upper()

    def variante_nom(nom: str) -> str:
        v = choix(rng, ["majuscules", "sans_accents", "forme", "minuscules", "espaces"])
        if v == "majuscules":
            return sans_accents(nom).upper() if rng.random() < 0.5 else nom.upper()
        if v == "sans_accents":
            return sans_accents(nom)
        if v == "forme":
            for forme in ("SARL", "SAS", "EURL", "SASU"):
                if nom.endswith(" " + forme):
                    return nom[: -len(forme) - 1]
            return f"{nom} {choix(rng, ['SARL', 'SAS', 'sarl'])}"
        if v == "minuscules":
            return nom.lower()
        return "  " + nom.replace(" ", "  ", 1)

    lignes = []
    for e in base:
        copies = 1
        if rng.random() < 0.22:
            copies += 1 if rng.random() < 0.8 else 2
        for k in range(copies):
            doublon = k > 0
            rs = e["raison_sociale"]
            if doublon:
                compte["doublon"] += 1
                rs = variante_nom(rs)
            cp, ville = e["code_postal"], e["ville"]
            ligne = {
                "raison_sociale": rs,
                "contact_nom": e["contact_nom"],
                "contact_prenom": e["contact_prenom"],
                "email": e["email"],
                "telephone": e["telephone"],
                "code_postal": cp,
                "ville": ville,
                "secteur": e["secteur_activite"],
                "commentaire": choix(rng, commentaires),
                "_source": e["_source"],
            }
            lignes.append(ligne)
    for ligne in lignes:
        if ligne["_source"] == "prospect":
            compte["prospect_existant"] += 1
        elif ligne["_source"] == "client":
            compte["client_existant"] += 1
        u = rng.random(12)
        if u[0] < 0.12:
            compte["casse"] += 1
            ligne["raison_sociale"] = ligne["raison_sociale"].upper()
            ligne["contact_nom"] = ligne["contact_nom"].upper()
        elif u[0] < 0.17:
            compte["casse"] += 1
            ligne["contact_prenom"] = ligne["contact_prenom"].lower()
            ligne["ville"] = ligne["ville"].lower()
        if u[1] < 0.12:
            compte["espaces"] += 1
            ligne["raison_sociale"] = " " + ligne["raison_sociale"] + "  "
            ligne["contact_prenom"] = ligne["contact_prenom"] + " "
        if u[2] < 0.07:
            compte["accents"] += 1
            ligne["ville"] = sans_accents(ligne["ville"])
            ligne["contact_nom"] = sans_accents(ligne["contact_nom"])
        if u[3] < 0.12:
            ligne["email"] = courriel_sale(ligne["email"])
        elif u[3] < 0.20:
            compte["courriel_vide"] += 1
            ligne["email"] = None
        if u[4] < 0.08:
            compte["telephone_vide"] += 1
            ligne["telephone"] = None
        else:
            ligne["telephone"] = telephone_sale(ligne["telephone"])
        cp = ligne["code_postal"]
        if cp.startswith("0") and u[5] < 0.7:
            compte["cp_zero_perdu"] += 1
            ligne["code_postal"] = cp[1:]
        elif u[5] < 0.08:
            compte["cp_espace"] += 1
            ligne["code_postal"] = cp[:2] + " " + cp[2:]
        elif u[5] < 0.12:
            compte["cp_vide"] += 1
            ligne["code_postal"] = None
        if ligne["ville"] == "Paris" and u[6] < 0.5:
            compte["ville_variante"] += 1
            arr = int(cp[-2:])
            ligne["ville"] = choix(
                rng, ["PARIS", f"Paris {arr}e" if arr > 1 else "Paris 1er", "Paris (75)"]
            )
        elif ligne["ville"].startswith("Saint-") and u[6] < 0.6:
            compte["ville_variante"] += 1
            ligne["ville"] = "St-" + ligne["ville"][6:]
        elif "-" in ligne["ville"] and u[6] < 0.3:
            compte["ville_variante"] += 1
            ligne["ville"] = ligne["ville"].replace("-", " ")
        if u[7] < 0.55:
            s = choix(rng, secteur_variantes[ligne["secteur"]])
            if s != ligne["secteur"]:
                compte["secteur_variante"] += 1
            ligne["secteur"] = s
        if u[8] < 0.06:
            compte["contact_vide"] += 1
            ligne["contact_nom"] = None
            ligne["contact_prenom"] = None
        if u[9] < 0.05:
            compte["secteur_variante"] += 1
            ligne["secteur"] = None
    ordre = rng.permutation(len(lignes))
    df = pd.DataFrame([lignes[int(i)] for i in ordre])
    df.insert(0, "id_ligne", [str(i) for i in range(1, len(df) + 1)])
    df["commentaire"] = df["commentaire"].replace("", None)
    return df, compte


# ---------------------------------------------------------------------------
# Écriture des fichiers
# ---------------------------------------------------------------------------


def euros(centimes) -> pd.Series:
    """Centimes (entiers, éventuellement manquants) -> texte « 1234.56 »."""
    s = pd.Series(centimes)
    manquant = s.isna()
    c = s.fillna(0).astype(np.int64)
    signe = np.where(c < 0, "-", "")
    a = c.abs()
    texte = (
        pd.Series(signe, index=s.index)
        + (a // 100).astype(str)
        + "."
        + (a % 100).astype(str).str.zfill(2)
    )
    return texte.mask(manquant, None)


def texte_date(serie) -> pd.Series:
    s = pd.to_datetime(pd.Series(serie))
    return s.dt.strftime("%Y-%m-%d").where(s.notna(), None)


def texte_booleen(serie) -> pd.Series:
    return pd.Series(serie).map({True: "true", False: "false"})


def ecrire(df: pd.DataFrame, chemin: Path, sep: str = ",") -> None:
    df.to_csv(
        chemin,
        index=False,
        sep=sep,
        lineterminator="\n",
        encoding="utf-8",
        quoting=csv.QUOTE_MINIMAL,
    )


def mettre_en_forme(tables: dict) -> dict:
    """Colonnes publiques, dans l'ordre du schéma, au format CSV attendu."""
    t = tables
    sortie = {}
    c = t["commerciaux"].copy()
    c["date_embauche"] = texte_date(c["date_embauche"])
    c["objectif_ca_annuel"] = euros(c["_objectif_c"])
    sortie["commerciaux"] = c[
        [
            "id_commercial",
            "nom",
            "prenom",
            "secteur",
            "departements",
            "date_embauche",
            "objectif_ca_annuel",
            "email",
            "telephone",
            "telephone_fixe",
            "ville_base",
            "latitude_base",
            "longitude_base",
        ]
    ]
    cl = t["clients"].copy()
    cl["nom"], cl["prenom"] = cl["contact_nom"], cl["contact_prenom"]
    cl["date_creation"] = texte_date(cl["date_creation"])
    cl["plafond_credit"] = euros(
        cl["plafond_credit"].astype(float).mul(100).round().astype("Int64")
    )
    cl["optin_email"] = texte_booleen(cl["optin_email"])
    cl["optin_sms"] = texte_booleen(cl["optin_sms"])
    sortie["clients"] = cl[
        [
            "id_client",
            "type_client",
            "raison_sociale",
            "civilite",
            "nom",
            "prenom",
            "secteur_activite",
            "adresse",
            "code_postal",
            "ville",
            "departement",
            "latitude",
            "longitude",
            "email",
            "telephone",
            "date_creation",
            "canal_acquisition",
            "conditions_paiement",
            "plafond_credit",
            "optin_email",
            "optin_sms",
            "id_commercial",
        ]
    ]
    p = t["prospects"].copy()
    p["date_premier_contact"] = texte_date(p["date_premier_contact"])
    p["date_conversion"] = texte_date(p["date_conversion"])
    p["ca_potentiel_annuel"] = euros(p["ca_potentiel_annuel_c"])
    sortie["prospects"] = p[
        [
            "id_prospect",
            "raison_sociale",
            "secteur_activite",
            "civilite",
            "contact_nom",
            "contact_prenom",
            "email",
            "telephone",
            "adresse",
            "code_postal",
            "ville",
            "departement",
            "latitude",
            "longitude",
            "origine",
            "effectif_salaries",
            "ca_potentiel_annuel",
            "nb_contacts",
            "nb_visites",
            "date_premier_contact",
            "statut",
            "date_conversion",
            "id_client",
            "id_commercial",
        ]
    ]
    pr = t["produits"].copy()
    pr["prix_vente_ht"] = euros(pr["_prix_c"])
    pr["cout_achat_ht"] = euros(pr["_cout_c"])
    pr["date_lancement"] = texte_date(pr["date_lancement"])
    pr["date_arret"] = texte_date(pr["_arret"])
    pr["actif"] = texte_booleen(pr["actif"])
    sortie["produits"] = pr[
        [
            "id_produit",
            "reference",
            "designation",
            "famille",
            "gamme",
            "prix_vente_ht",
            "cout_achat_ht",
            "taux_tva",
            "stock",
            "seuil_reappro",
            "date_lancement",
            "date_arret",
            "actif",
        ]
    ]
    cmd = t["commandes"].copy()
    cmd["date_commande"] = texte_date(cmd["date_commande"])
    cmd["date_livraison"] = texte_date(
        np.where(cmd["statut"] == "livrée", cmd["_livraison"], np.datetime64("NaT"))
    )
    cmd["montant_ht"] = euros(cmd["_montant_c"])
    sortie["commandes"] = cmd[
        [
            "id_commande",
            "id_client",
            "id_commercial",
            "date_commande",
            "canal",
            "statut",
            "montant_ht",
            "date_livraison",
        ]
    ]
    lig = t["lignes_commande"].copy()
    lig["prix_unitaire_ht"] = euros(lig["_prix_c"])
    lig["taux_remise"] = lig["_remise_pct"] / 100
    lig["montant_ht"] = euros(lig["_montant_c"])
    sortie["lignes_commande"] = lig[
        [
            "id_ligne",
            "id_commande",
            "id_produit",
            "quantite",
            "prix_unitaire_ht",
            "taux_remise",
            "montant_ht",
        ]
    ]
    f = t["factures"].copy()
    f["date_facture"] = texte_date(f["date_facture"])
    f["date_echeance"] = texte_date(f["date_echeance"])
    f["montant_ht"], f["montant_tva"], f["montant_ttc"] = (
        euros(f["_ht_c"]),
        euros(f["_tva_c"]),
        euros(f["_ttc_c"]),
    )
    sortie["factures"] = f[
        [
            "id_facture",
            "id_commande",
            "id_client",
            "date_facture",
            "date_echeance",
            "montant_ht",
            "montant_tva",
            "montant_ttc",
            "statut",
        ]
    ]
    r = t["reglements"].copy()
    r["date_reglement"] = texte_date(r["date_reglement"])
    r["montant"] = euros(r["_montant_c"])
    sortie["reglements"] = r[["id_reglement", "id_facture", "date_reglement", "montant", "mode"]]
    rl = t["relances"].copy()
    rl["date_relance"] = texte_date(rl["date_relance"])
    sortie["relances"] = rl[["id_relance", "id_facture", "date_relance", "niveau", "canal"]]
    ct = t["contacts"].copy()
    ct["date_contact"] = texte_date(ct["date_contact"])
    sortie["contacts"] = ct
    ca = t["campagnes"].copy()
    ca["date_debut"], ca["date_fin"] = texte_date(ca["date_debut"]), texte_date(ca["date_fin"])
    ca["cout_ht"], ca["ca_genere_ht"] = euros(ca["_cout_c"]), euros(ca["_ca_c"])
    sortie["campagnes"] = ca[
        [
            "id_campagne",
            "nom",
            "media",
            "cible",
            "date_debut",
            "date_fin",
            "cout_ht",
            "population_cible",
            "audience_utile",
            "contacts_utiles",
            "nb_retours",
            "nb_commandes",
            "ca_genere_ht",
        ]
    ]
    rc = t["reclamations"].copy()
    rc["date_reclamation"], rc["date_cloture"] = (
        texte_date(rc["date_reclamation"]),
        texte_date(rc["date_cloture"]),
    )
    rc["geste_commercial_ht"] = euros(rc["_geste_c"])
    sortie["reclamations"] = rc[
        [
            "id_reclamation",
            "id_client",
            "id_commande",
            "date_reclamation",
            "motif",
            "canal",
            "date_cloture",
            "statut",
            "geste_commercial_ht",
        ]
    ]
    e = t["enquetes_satisfaction"].copy()
    e["date_enquete"] = texte_date(e["date_enquete"])
    sortie["enquetes_satisfaction"] = e
    s = t["stocks"].copy()
    s["mois"] = texte_date(s["mois"])
    for col in ("debut", "entrees", "sorties", "fin"):
        nom = "stock_" + col if col in ("debut", "fin") else col
        s[nom] = euros(s[f"_{col}_c"])
    sortie["stocks"] = s[["mois", "famille", "stock_debut", "entrees", "sorties", "stock_fin"]]
    sortie["import_salon"] = t["import_salon"][
        [
            "id_ligne",
            "raison_sociale",
            "contact_nom",
            "contact_prenom",
            "email",
            "telephone",
            "code_postal",
            "ville",
            "secteur",
            "commentaire",
        ]
    ]
    return sortie


ORDRE_TABLES = [
    "commerciaux",
    "clients",
    "prospects",
    "produits",
    "commandes",
    "lignes_commande",
    "factures",
    "reglements",
    "relances",
    "contacts",
    "campagnes",
    "reclamations",
    "enquetes_satisfaction",
    "stocks",
    "import_salon",
]


def generer(dossier: Path) -> dict:
    """Génère toutes les tables et écrit les CSV dans `dossier`."""
    annuaire = Annuaire()
    raisons: set = set()
    commerciaux = generer_commerciaux(annuaire)
    produits = generer_produits()
    prospects, plans = generer_prospects(annuaire, raisons)
    clients = generer_clients(annuaire, prospects, raisons)
    # Lien prospect converti -> client.
    lien = clients.dropna(subset=["_id_prospect"]).set_index("_id_prospect")["id_client"]
    prospects["id_client"] = pd.array(prospects["id_prospect"].map(lien), dtype="Int64")
    commandes, lignes = generer_commandes(clients, produits)
    factures, reglements, relances = generer_factures(commandes, clients)
    contacts = generer_contacts(clients, prospects, plans, commandes, commerciaux)
    campagnes = generer_campagnes()
    reclamations = generer_reclamations(commandes)
    enquetes = generer_enquetes(commandes, clients, reclamations)
    stocks = generer_stocks(commandes, lignes, produits)
    import_salon, defauts = generer_import_salon(prospects, clients, raisons)
    # Objectif 2026 des commerciaux : CA 2025 de leur portefeuille + 6 %, arrondi à 5 000 €.
    c25 = commandes[
        (commandes["date_commande"].dt.year == 2025) & (commandes["statut"] != "annulée")
    ]
    ca_rep = (
        c25.merge(
            clients[["id_client", "id_commercial"]].rename(columns={"id_commercial": "rep"}),
            on="id_client",
        )
        .groupby("rep")["_montant_c"]
        .sum()
    )
    objectif = commerciaux["id_commercial"].map(ca_rep).fillna(0).to_numpy() * 1.06
    commerciaux["_objectif_c"] = (np.round(objectif / 500000) * 500000).astype(np.int64)
    tables = mettre_en_forme(
        {
            "commerciaux": commerciaux,
            "clients": clients,
            "prospects": prospects,
            "produits": produits,
            "commandes": commandes,
            "lignes_commande": lignes,
            "factures": factures,
            "reglements": reglements,
            "relances": relances,
            "contacts": contacts,
            "campagnes": campagnes,
            "reclamations": reclamations,
            "enquetes_satisfaction": enquetes,
            "stocks": stocks,
            "import_salon": import_salon,
        }
    )
    dossier.mkdir(parents=True, exist_ok=True)
    for nom in ORDRE_TABLES:
        ecrire(tables[nom], dossier / f"{nom}.csv", sep=";" if nom == "import_salon" else ",")
    tables["_defauts_import_salon"] = defauts
    return tables


def main(argv: list[str]) -> None:
    dossier = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    tables = generer(dossier)
    for nom in ORDRE_TABLES:
        print(f"{nom:24s} {len(tables[nom]):7d} lignes")
    print("défauts de import_salon :", tables["_defauts_import_salon"])


if __name__ == "__main__":
    main(sys.argv)
