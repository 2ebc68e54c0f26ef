"""Exercices SQL auto-vérifiés de S41 et S431 (enregistrés dans ``exercices.EXERCICES``).

Les énoncés complets sont dans les notebooks ; ``gc.verifier_exercice("S431-2", requete)``
compare le résultat de la requête de l'étudiant à celui du corrigé ci-dessous.

Ce sont de simples données (les champs de ``exercices.Exercice``) : ``exercices.py`` en fait
des ``Exercice`` ; ce module n'importe rien, ce qui évite un import circulaire.

>>> sorted(e["id"] for e in EXERCICES_CONNAISSANCE)
['S41-1', 'S41-2', 'S431-1', 'S431-2', 'S431-3']
"""

from __future__ import annotations

from typing import Any

__all__ = ["EXERCICES_CONNAISSANCE"]

EXERCICES_CONNAISSANCE: tuple[dict[str, Any], ...] = (
    dict(
        id="S41-1",
        titre="D'où viennent les nouveaux clients professionnels de 2025 ?",
        enonce=(
            "Nombre de clients professionnels créés en 2025 par canal d'acquisition (colonnes "
            "canal_acquisition, nb_nouveaux), du canal le plus important au moins important."
        ),
        solution=(
            "SELECT canal_acquisition, count(*) AS nb_nouveaux\n"
            "FROM clients\n"
            "WHERE type_client = 'professionnel'\n"
            "  AND year(date_creation) = 2025\n"
            "GROUP BY canal_acquisition\n"
            "ORDER BY nb_nouveaux DESC"
        ),
        indice=(
            "Deux conditions dans le WHERE : type_client = 'professionnel' et l'année de "
            "date_creation (year(date_creation) = 2025) ; puis GROUP BY canal_acquisition, "
            "count(*) AS nb_nouveaux et ORDER BY nb_nouveaux DESC."
        ),
        ordre=True,
        colonnes_ordre=("nb_nouveaux",),
    ),
    dict(
        id="S41-2",
        titre="Le coût d'acquisition d'un client au salon Maison&Objet 2025",
        enonce=(
            "Coût HT du « Salon Maison&Objet septembre 2025 » divisé par le nombre de clients "
            "professionnels acquis par le canal « salon » en 2025 (une colonne "
            "cout_acquisition, une ligne)."
        ),
        solution=(
            "SELECT (SELECT cout_ht FROM campagnes\n"
            "        WHERE nom = 'Salon Maison&Objet septembre 2025')\n"
            "     / (SELECT count(*) FROM clients\n"
            "        WHERE type_client = 'professionnel' AND canal_acquisition = 'salon'\n"
            "          AND year(date_creation) = 2025) AS cout_acquisition"
        ),
        indice=(
            "Deux sous-requêtes entre parenthèses, divisées l'une par l'autre : le cout_ht de la "
            "campagne (WHERE nom = '…') et le count(*) des clients professionnels dont "
            "canal_acquisition = 'salon' et year(date_creation) = 2025."
        ),
    ),
    dict(
        id="S431-1",
        titre="La structure du portefeuille professionnel par secteur",
        enonce=(
            "Nombre de clients professionnels par secteur d'activité (colonnes "
            "secteur_activite, nb_clients), du secteur le plus représenté au moins représenté."
        ),
        solution=(
            "SELECT secteur_activite, count(*) AS nb_clients\n"
            "FROM clients\n"
            "WHERE type_client = 'professionnel'\n"
            "GROUP BY secteur_activite\n"
            "ORDER BY nb_clients DESC"
        ),
        indice=(
            "WHERE type_client = 'professionnel' (sinon les particuliers forment un groupe "
            "« NULL »), GROUP BY secteur_activite, count(*) AS nb_clients, ORDER BY … DESC."
        ),
        ordre=True,
        colonnes_ordre=("nb_clients",),
    ),
    dict(
        id="S431-2",
        titre="Les clients professionnels dormants",
        enonce=(
            "Clients professionnels dont la dernière commande non annulée date de plus de "
            "365 jours et d'au plus 730 jours avant le 31/10/2026 (colonnes id_client, "
            "raison_sociale, derniere_commande), du plus anciennement actif au plus récent."
        ),
        solution=(
            "SELECT c.id_client, c.raison_sociale,\n"
            "       max(o.date_commande) AS derniere_commande\n"
            "FROM clients AS c JOIN commandes AS o USING (id_client)\n"
            "WHERE c.type_client = 'professionnel' AND o.statut <> 'annulée'\n"
            "GROUP BY c.id_client, c.raison_sociale\n"
            "HAVING max(o.date_commande) < DATE '2026-10-31' - INTERVAL 365 DAY\n"
            "   AND max(o.date_commande) >= DATE '2026-10-31' - INTERVAL 730 DAY\n"
            "ORDER BY derniere_commande"
        ),
        indice=(
            "Joignez clients et commandes, écartez les commandes annulées dans le WHERE, "
            "regroupez par client, et filtrez les groupes dans le HAVING sur max(date_commande) : "
            "avant DATE '2026-10-31' - INTERVAL 365 DAY et au plus tard 730 jours avant. "
            "Un filtre sur date_commande dans le WHERE garderait des clients encore actifs."
        ),
        ordre=True,
        colonnes_ordre=("derniere_commande",),
    ),
    dict(
        id="S431-3",
        titre="Les particuliers joignables par courriel",
        enonce=(
            "Nombre de particuliers qui ont un courriel renseigné et ont accepté les offres "
            "par courriel (une colonne nb_particuliers, une ligne)."
        ),
        solution=(
            "SELECT count(*) AS nb_particuliers\n"
            "FROM clients\n"
            "WHERE type_client = 'particulier'\n"
            "  AND email IS NOT NULL\n"
            "  AND optin_email"
        ),
        indice=(
            "Trois conditions : type_client = 'particulier', email IS NOT NULL (jamais "
            "= NULL) et optin_email (vrai). Un consentement sans adresse ne sert à rien."
        ),
    ),
)
