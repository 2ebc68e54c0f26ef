"""Génère les deux fichiers de l'unité S443 (fixation du prix) :

- ``enquete_prix.csv`` : enquête de prix psychologique (prix mini et maxi cités
  par 200 particuliers) pour un futur coffret de linge de bain ;
- ``prix_concurrents.csv`` : relevé des prix HT de quatre concurrents
  **fictifs** sur les références comparables du catalogue.

Déterministe (graine fixe) : relancer ``python data/generer_prix.py`` redonne
exactement les mêmes fichiers. N'utilise que numpy et la bibliothèque standard ;
lit ``produits.csv`` sans le modifier.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

GRAINE = 443
DOSSIER = Path(__file__).parent
N_REPONDANTS = 200
# Prix « ronds » que citent les répondants (TTC, en euros).
PRIX_CITES = np.array([19, 25, 29, 35, 39, 45, 49, 55, 59, 65, 69, 79, 89, 99])

# Concurrent -> (niveau de prix par rapport à Marceau, gammes où il est présent).
CONCURRENTS = {
    "Atelier Boréal": (1.22, {"confort", "prestige"}),  # haut de gamme design
    "Linéa Pro": (0.93, {"essentiel", "confort"}),  # spécialiste hôtellerie, import
    "Prixtex": (0.68, {"essentiel"}),  # premier prix, grande distribution
    "Maison Céleste": (1.02, {"confort", "prestige"}),  # jeune marque en ligne
}
DATE_RELEVE = "2026-10-15"


def _arrondi_commercial(x: float) -> float:
    """Un prix qui finit en ,90 (ou ,50 sous 10 €), comme sur un tarif."""
    if x < 10:
        return round(np.floor(x) + 0.5, 2)
    return round(np.floor(x) + 0.9, 2)


def enquete(rng: np.random.Generator) -> list[tuple[int, int, int]]:
    """Pour chaque répondant : le prix sous lequel il doute de la qualité, celui au-dessus
    duquel il renonce (le premier toujours inférieur au second)."""
    lignes = []
    for i in range(1, N_REPONDANTS + 1):
        centre = rng.normal(50, 11)  # prix jugé « normal » par ce répondant
        mini = PRIX_CITES[np.abs(PRIX_CITES - centre * rng.uniform(0.55, 0.8)).argmin()]
        maxi = PRIX_CITES[np.abs(PRIX_CITES - centre * rng.uniform(1.15, 1.5)).argmin()]
        if maxi <= mini:
            maxi = PRIX_CITES[min(np.searchsorted(PRIX_CITES, mini) + 1, len(PRIX_CITES) - 1)]
        lignes.append((i, int(mini), int(maxi)))
    return lignes


def releve(rng: np.random.Generator) -> list[tuple[str, str, str, float]]:
    """Un prix HT par concurrent présent sur la gamme de chaque référence active."""
    with open(DOSSIER / "produits.csv", encoding="utf-8") as f:
        produits = [p for p in csv.DictReader(f) if p["actif"] == "true"]
    lignes = []
    for p in produits:
        for nom, (niveau, gammes) in CONCURRENTS.items():
            if p["gamme"] not in gammes or rng.random() < 0.25:  # pas toujours d'équivalent
                continue
            prix = float(p["prix_vente_ht"]) * niveau * rng.normal(1, 0.06)
            lignes.append((DATE_RELEVE, nom, p["reference"], _arrondi_commercial(prix)))
    return lignes


def main() -> None:
    rng = np.random.default_rng(GRAINE)
    with open(DOSSIER / "enquete_prix.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id_repondant", "prix_mini", "prix_maxi"])
        w.writerows(enquete(rng))
    with open(DOSSIER / "prix_concurrents.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["date_releve", "concurrent", "reference", "prix_vente_ht"])
        w.writerows((d, c, r, f"{p:.2f}") for d, c, r, p in releve(rng))


if __name__ == "__main__":
    main()
