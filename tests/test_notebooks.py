"""Chaque notebook du cours s'exécute de bout en bout, sans erreur ni avertissement."""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

RACINE = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((RACINE / "notebooks").glob("*.ipynb"))


@pytest.mark.lent
@pytest.mark.parametrize("chemin", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_s_execute_sans_erreur_ni_avertissement(chemin):
    nb = nbformat.read(chemin, as_version=4)
    debut = time.perf_counter()
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": chemin.parent}}
    ).execute()
    duree = time.perf_counter() - debut
    bruit = []
    for i, cellule in enumerate(nb.cells):
        for sortie in cellule.get("outputs", []):
            if sortie.get("output_type") == "stream" and sortie.get("name") == "stderr":
                bruit.append((i, sortie["text"][:300]))
    assert not bruit, f"Sorties sur stderr (avertissements) : {bruit}"
    assert duree < 60, f"{chemin.name} a mis {duree:.1f} s"


def test_il_y_a_des_notebooks():
    assert NOTEBOOKS, "Aucun notebook dans notebooks/"
