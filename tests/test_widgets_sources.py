"""Grille d'évaluation des sources (S821) : notes pondérées calculées à la main, widget, durée."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from gc_helpers import widgets
from gc_helpers._erreurs import ErreurCours, NomInconnu

SOURCES = pd.DataFrame(
    {
        "source": ["Fichier clients", "Fichier acheté", "Salon"],
        "type": ["interne", "externe", "externe"],
        "fiabilite": [5, 3, 4],
        "fraicheur": [4, 3, 5],
        "cout": [5, 1, 2],
    }
)


def test_notes_ponderees_a_la_main():
    r = widgets.evaluer_sources({"fiabilite": 3, "fraicheur": 2, "cout": 1}, SOURCES)
    # (3×5 + 2×4 + 1×5) / 6 = 28/6 ; (3×3 + 2×3 + 1×1) / 6 = 16/6 ; (3×4 + 2×5 + 1×2) / 6 = 24/6
    assert r["source"].tolist() == ["Fichier clients", "Salon", "Fichier acheté"]
    assert r["note"].tolist() == pytest.approx([28 / 6, 24 / 6, 16 / 6])
    assert r["rang"].tolist() == [1, 2, 3]
    # Un poids nul ignore le critère : sur le seul coût, le salon (2) passe devant le fichier (1).
    seul_cout = widgets.evaluer_sources({"fiabilite": 0, "cout": 1}, SOURCES)
    assert seul_cout["note"].tolist() == [5, 2, 1]
    externes = widgets.evaluer_sources({"fraicheur": 1}, SOURCES, type_source="externe")
    assert externes["source"].tolist() == ["Salon", "Fichier acheté"]


def test_sources_par_defaut():
    s = widgets.SOURCES_INFORMATION
    assert set(s["type"]) == {"interne", "externe"}
    assert s[list(widgets.CRITERES_SOURCES)].isin(range(1, 6)).all().all()
    r = widgets.evaluer_sources({"cout": 1})
    # Sur le seul coût, les sources internes (gratuites, note 5) arrivent en tête.
    assert (r.loc[r["note"] == 5, "type"] == "interne").sum() == 4


def test_erreurs():
    with pytest.raises(NomInconnu, match="Vouliez-vous dire 'fiabilite'"):
        widgets.evaluer_sources({"fiabilité": 2})
    with pytest.raises(ErreurCours, match="positif ou nul ; reçu : -1"):
        widgets.evaluer_sources({"cout": -1})
    with pytest.raises(ErreurCours, match="Tous les poids sont nuls"):
        widgets.evaluer_sources({"cout": 0, "fiabilite": 0})
    mauvaise = SOURCES.assign(cout=[5, 8, 2])
    with pytest.raises(ErreurCours, match=r"de 1 à 5 : la source 'Fichier acheté' a « 8 »"):
        widgets.evaluer_sources({"cout": 1}, mauvaise)
    with pytest.raises(NomInconnu, match="Le type de source 'internes'"):
        widgets.evaluer_sources({"cout": 1}, type_source="internes")
    with pytest.raises(NomInconnu, match="La colonne 'pertinence'"):
        widgets.evaluer_sources({"pertinence": 1}, SOURCES)


def test_widget_reagit_et_reste_rapide():
    w = widgets.grille_sources(SOURCES.assign(accessibilite=3, pertinence=3))
    for curseur in w.curseurs.values():
        curseur.value = 0
    assert "Tous les poids sont nuls" in w.bilan.value
    durees = []
    for valeur in (5, 1, 4):
        debut = time.perf_counter()
        w.curseurs["cout"].value = valeur
        durees.append(time.perf_counter() - debut)
    assert "Fichier clients" in w.bilan.value and "5,00 sur 5" in w.bilan.value
    w.choix_type.value = "externe"
    assert "Salon" in w.bilan.value
    assert "Fiabilité" in w.classement.value
    assert sorted(durees)[1] < 0.15  # cible du bench : 50 ms
