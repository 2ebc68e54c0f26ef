"""Génère ``enquete_perception.csv`` : enquête d'image de marque (carte perceptuelle, S432).

Enquête fictive menée en 2026 par Textiles Marceau auprès de 240 répondants
(120 acheteurs professionnels, 120 particuliers) : chacun note cinq marques de
linge de maison (Textiles Marceau et quatre concurrents **fictifs**) sur cinq
attributs, de 1 (pas du tout) à 10 (tout à fait).

Déterministe (graine fixe) : relancer ``python data/generer_perception.py``
redonne exactement le même fichier. Il n'utilise que numpy et la bibliothèque
standard ; il ne dépend pas de ``generer.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

GRAINE = 432
FICHIER = Path(__file__).with_name("enquete_perception.csv")

ATTRIBUTS = (
    "prix_percu",
    "qualite_percue",
    "modernite",
    "qualite_service",
    "fabrication_francaise",
)

# Image moyenne de chaque marque (1 à 10), dans l'ordre des attributs.
# Textiles Marceau : qualité et service reconnus, prix moyen-haut, style un peu classique.
MARQUES = {
    "Textiles Marceau": (6.4, 7.6, 5.2, 7.4, 8.6),
    "Atelier Boréal": (8.6, 8.4, 7.8, 6.8, 7.2),  # haut de gamme design
    "Linéa Pro": (5.6, 6.2, 4.2, 7.8, 3.4),  # spécialiste hôtellerie, import
    "Prixtex": (2.6, 3.8, 4.6, 4.0, 1.8),  # premier prix, grande distribution
    "Maison Céleste": (5.0, 5.6, 8.0, 5.2, 4.4),  # jeune marque en ligne, tendance
}
# Les professionnels jugent le service plus sévèrement, les particuliers le style.
DECALAGE = {
    "professionnel": (0.0, 0.0, -0.4, -0.5, 0.0),
    "particulier": (0.2, 0.0, 0.4, 0.3, 0.0),
}


def generer() -> list[dict[str, object]]:
    rng = np.random.default_rng(GRAINE)
    lignes = []
    numero = 0
    for type_repondant in ("professionnel", "particulier"):
        for _ in range(120):
            numero += 1
            # Chaque répondant note plus ou moins haut : effet individuel commun aux marques.
            indulgence = rng.normal(0, 0.6)
            for marque, moyennes in MARQUES.items():
                ligne: dict[str, object] = {
                    "id_repondant": numero,
                    "type_repondant": type_repondant,
                    "marque": marque,
                }
                for attribut, m, d in zip(
                    ATTRIBUTS, moyennes, DECALAGE[type_repondant], strict=True
                ):
                    note = m + d + indulgence + rng.normal(0, 1.2)
                    ligne[attribut] = int(np.clip(np.rint(note), 1, 10))
                lignes.append(ligne)
    return lignes


def main() -> None:
    lignes = generer()
    with FICHIER.open("w", encoding="utf-8", newline="") as f:
        ecrivain = csv.DictWriter(f, fieldnames=list(lignes[0]), lineterminator="\n")
        ecrivain.writeheader()
        ecrivain.writerows(lignes)
    print(f"{FICHIER.name} : {len(lignes)} lignes")


if __name__ == "__main__":
    main()
