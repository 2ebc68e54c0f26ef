"""Exercices de S821 : chaque corrigé du notebook est jugé juste, et les corrigés cachés sont exacts.

Comme pour S521/S523 : on exécute, dans l'espace de noms du notebook (cellules précédentes
exécutées, widgets exceptés), le code du corrigé puis l'appel de vérification. Les valeurs des
corrigés cachés sont en plus recalculées ici sans gc_helpers.collecte ni gc_helpers.rgpd.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import gc_helpers as gc

RACINE = Path(__file__).resolve().parent.parent
NOTEBOOK = RACINE / "notebooks" / "S821_recherche_informations.ipynb"


def _exercices(nb):
    for i, cellule in enumerate(nb.cells[:-1]):
        if cellule.cell_type == "markdown" and cellule.source.startswith("### Exercice"):
            corrige = re.search(
                r"<summary><b>Corrigé</b></summary>\s*```python\n(.*?)```", cellule.source, re.S
            )
            suivante = nb.cells[i + 1]
            verification = suivante.source if suivante.cell_type == "code" else None
            yield cellule.source.splitlines()[0], corrige.group(1), verification, i


@pytest.mark.lent
def test_chaque_corrige_est_juge_juste():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    espace: dict = {}
    fait = 0
    exercices = list(_exercices(nb))
    assert len(exercices) == 6  # dont une question de réflexion
    with contextlib.redirect_stdout(io.StringIO()):
        for titre, corrige, verification, position in exercices:
            for cellule in nb.cells[fait:position]:
                if (
                    cellule.cell_type == "code"
                    and "gc.widgets.grille_sources()" not in cellule.source
                ):
                    exec(cellule.source, espace)
            exec(corrige, espace)
            if verification is None:  # question de réflexion, sans vérification
                fait = position + 1
                continue
            fait = position + 2
            premiere, appel = verification.split("\n", 1)
            assert premiere.endswith("= None  # votre calcul"), titre
            assert appel.startswith("gc.verifier_exercice("), titre
            verdict = eval(appel, espace)
            assert verdict.ok, f"{titre} : {verdict}"


def test_valeurs_des_corriges_caches():
    verifier = gc.verifier_exercice
    # S821-1 : champs « E-mail » vides, comptés dans le texte brut (Windows-1252, « ; »).
    lignes = gc.chemin_source("fichier_achete_hotels.csv").read_bytes().decode("cp1252")
    lignes = [ligne.split(";") for ligne in lignes.splitlines()]
    i = lignes[0].index("E-mail")
    assert verifier("S821-1", sum(ligne[i] == "" for ligne in lignes[1:])).ok
    # S821-2 : fiabilité 4, fraîcheur 3, accessibilité 1, pertinence 2 sur les sources externes.
    s = gc.widgets.SOURCES_INFORMATION.query("type == 'externe'")
    notes = (
        4 * s["fiabilite"] + 3 * s["fraicheur"] + s["accessibilite"] + 2 * s["pertinence"]
    ) / 10
    assert s.loc[notes.idxmax(), "source"].startswith("Salon")
    assert verifier("S821-2", notes.max()).ok
    # S821-4 : particuliers opt-in, courriel, actifs depuis le 31/10/2023, non opposés.
    c = pd.read_csv(gc.chemin_donnees("clients.csv"))
    commandes = pd.read_csv(gc.chemin_donnees("commandes.csv"))
    derniere = pd.to_datetime(commandes.groupby("id_client")["date_commande"].max())
    activite = pd.concat(
        [pd.to_datetime(c.set_index("id_client")["date_creation"]), derniere], axis=1
    ).max(axis=1)
    opposes = set(
        pd.read_csv(gc.chemin_source("desinscriptions.csv"), sep=";", encoding="utf-8-sig")[
            "email"
        ].str.lower()
    )
    p = c.set_index("id_client")
    ok = (
        (p["type_client"] == "particulier")
        & p["optin_email"]
        & p["email"].notna()
        & ~p["email"].str.lower().isin(opposes)
        & (activite >= pd.Timestamp("2023-10-31"))
    )
    assert verifier("S821-4", int(ok.sum())).ok
    assert not verifier("S821-4", int(ok.sum()) + 1).ok
    faux = verifier("S821-4", int(ok.sum()) - 22)
    assert not faux.ok and "Indice" in faux.message
    # S821-5 : prospects non convertis sans contact depuis le 31/10/2023 (recalcul pandas).
    pr = pd.read_csv(gc.chemin_donnees("prospects.csv")).set_index("id_prospect")
    contacts = pd.read_csv(gc.chemin_donnees("contacts.csv")).dropna(subset=["id_prospect"])
    dernier = contacts.groupby(contacts["id_prospect"].astype(int))["date_contact"].max()
    derniere = pd.concat([pr["date_premier_contact"], dernier], axis=1).max(axis=1)
    anciens = (pr["statut"] != "converti") & (pd.to_datetime(derniere) < pd.Timestamp("2023-10-31"))
    assert verifier("S821-5", int(anciens.sum())).ok


def test_excel_lyon_compte_a_la_main():
    # S821-3 : 38 lignes, dont 2 doublons internes (même société, même code postal).
    tableau = gc.lire_excel(gc.chemin_source("contacts_salon_lyon.xlsx"))
    assert set(gc.CORRESPONDANCE_SALON_LYON.values()) <= set(tableau.columns)
    cles = tableau["Société"].str.lower() + "|" + tableau["CP"].astype(str)
    assert gc.verifier_exercice("S821-3", int((~cles.duplicated()).sum())).ok
