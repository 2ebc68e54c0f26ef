"""Correction d'une classe en parallèle (``python -m gc_helpers.notation corriger``).

Vrai cours nbgrader temporaire (configuration du dépôt), vraies copies du devoir
S822-requetes-sql. On vérifie :

- les notes sont **identiques** à celles de ``nbgrader autograde`` en série, sur
  les mêmes copies (l'oracle est nbgrader lui-même, lancé dans une copie du cours) ;
- les copies abîmées (JSON invalide, notebook mal nommé, noyau qui meurt, noyau
  qui ne rend plus la main) sont listées avec leur raison et n'arrêtent pas le lot ;
- le carnet de notes reste cohérent quand on relance (sans et avec ``--force``).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from types import SimpleNamespace

import nbformat
import outils_nbgrader as onb
import pytest

from gc_helpers.notation.corriger import Bilan, Resultat, texte_bilan

DEVOIR = NB = "S822-requetes-sql"
BONNES = ("alice", "bruno", "chloe")
#: Délai par cellule pendant le test : la boucle infinie du noyau bloqué coûte ce délai deux fois.
DELAI = "--Execute.timeout=10"


def _avec_cellule(copie, code):
    """La copie, avec une cellule de l'étudiant ajoutée juste après la cellule de démarrage."""
    copie = nbformat.from_dict(copie)
    position = next(
        i for i, c in enumerate(copie.cells) if onb.meta_nbgrader(c).get("grade_id") == "demarrage"
    )
    cellule = nbformat.v4.new_code_cell(code)
    cellule.id = "ajout-etudiant"
    copie.cells.insert(position + 1, cellule)
    return copie


def _corriger(cours, *options):
    commande = [sys.executable, "-m", "gc_helpers.notation", "corriger", DEVOIR]
    commande += ["--racine", str(cours), *options, "--", DELAI]
    return subprocess.run(
        commande,
        cwd=cours,
        env=onb.environnement(cours),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=900,
    )


def _lignes_carnet(cours):
    with sqlite3.connect(cours / "gradebook.db") as base:
        return {
            table: base.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("submitted_assignment", "submitted_notebook", "grade", "comment")
        }


def _verrouiller(chemin, secondes):
    """Verrouille le carnet SQLite (lecture et écriture) pendant ``secondes``, comme un autre
    processus qui écrirait longtemps : SQLite fait attendre 5 s, puis « database is locked »."""
    base = sqlite3.connect(chemin, isolation_level=None, check_same_thread=False)
    base.execute("BEGIN EXCLUSIVE")

    def liberer():
        time.sleep(secondes)
        base.execute("COMMIT")
        base.close()

    fil = threading.Thread(target=liberer)
    fil.start()
    return fil


@pytest.fixture(scope="module")
def classe(tmp_path_factory):
    racine = tmp_path_factory.mktemp("classe")
    cours = onb.preparer_cours(racine / "cours", DEVOIR)
    onb.generer_devoir(cours, DEVOIR)
    corrige = onb.copie_corrigee(cours, DEVOIR, NB)
    erreurs = onb.charger_erreurs_types(DEVOIR)
    premier = erreurs[0]
    second = next(e for e in erreurs if e.cellule != premier.cellule)
    copies = {
        "alice": corrige,
        "bruno": onb.copie_corrigee(
            cours, DEVOIR, NB, {premier.cellule: premier.reponse, second.cellule: second.reponse}
        ),
        "chloe": onb.copie_vierge(cours, DEVOIR, NB),
    }
    for etudiant, copie in copies.items():
        onb.deposer_copie(cours, DEVOIR, etudiant, {NB: copie})

    # Oracle : nbgrader autograde en série, dans une copie du cours avec les mêmes copies.
    serie = racine / "serie"
    shutil.copytree(cours, serie)
    onb.autograder(serie, DEVOIR)

    # Copies abîmées, seulement dans le cours corrigé en parallèle.
    dossier = onb.deposer_copie(cours, DEVOIR, "json-invalide", {NB: corrige})
    (dossier / f"{NB}.ipynb").write_text('{"cells": [', encoding="utf-8")
    dossier = onb.deposer_copie(cours, DEVOIR, "mal-nomme", {NB: corrige})
    (dossier / f"{NB}.ipynb").rename(dossier / f"{NB} (1).ipynb")
    onb.deposer_copie(
        cours, DEVOIR, "noyau-mort", {NB: _avec_cellule(corrige, "import os\nos._exit(1)")}
    )
    bloque = "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    time.sleep(0.1)"
    onb.deposer_copie(cours, DEVOIR, "noyau-bloque", {NB: _avec_cellule(corrige, bloque)})

    premiere = _corriger(cours)
    journal = (cours / f"correction_{DEVOIR}.log").read_text(encoding="utf-8")
    notes = onb.lire_notes(cours, DEVOIR)
    lignes = _lignes_carnet(cours)
    # relances : seulement les bonnes copies (les noyaux qui plantent coûtent du temps)
    for etudiant in ("json-invalide", "mal-nomme", "noyau-mort", "noyau-bloque"):
        shutil.rmtree(cours / "submitted" / etudiant)
    seconde = _corriger(cours, "--sans-barre")  # sans --force : rien à refaire
    apres_seconde = (onb.lire_notes(cours, DEVOIR), _lignes_carnet(cours))
    forcee = _corriger(cours, "--sans-barre", "--force")
    return SimpleNamespace(
        cours=cours,
        premiere=premiere,
        journal=journal,
        seconde=seconde,
        forcee=forcee,
        notes=notes,
        notes_serie=onb.lire_notes(serie, DEVOIR),
        lignes=lignes,
        apres_seconde=apres_seconde,
        apres_forcee=(onb.lire_notes(cours, DEVOIR), _lignes_carnet(cours)),
    )


@pytest.mark.lent
def test_notes_identiques_a_nbgrader_en_serie(classe):
    assert sorted(classe.notes_serie) == sorted(BONNES)
    for etudiant in BONNES:
        assert classe.notes[etudiant] == classe.notes_serie[etudiant], etudiant
    # et elles ont un sens : copie complète au maximum, copie vierge à 0, erreurs entre les deux
    total = {e: sum(n.score for n in classe.notes[e].values()) for e in BONNES}
    maximum = sum(n.max_score for n in classe.notes["alice"].values())
    manuel = sum(n.max_score for n in classe.notes["alice"].values() if n.needs_manual_grade)
    assert total["alice"] == maximum - manuel and total["chloe"] == 0
    assert 0 < total["bruno"] < total["alice"]


@pytest.mark.lent
def test_copies_abimees_listees_sans_arreter_le_lot(classe):
    sortie = classe.premiere.stdout
    assert classe.premiere.returncode == 1, sortie + classe.premiere.stderr
    assert "- corrigées : 3" in sortie
    assert "- en échec : 4 (" in sortie
    raisons = {
        ligne.split(" : ", 1)[0].strip(): ligne.split(" : ", 1)[1]
        for ligne in sortie.splitlines()
        if ligne.startswith("    ") and " : " in ligne
    }
    assert "JSON invalide" in raisons["json-invalide"]
    assert f"{NB} (1).ipynb" in raisons["mal-nomme"] and "Renommez" in raisons["mal-nomme"]
    assert "noyau Python s'est arrêté" in raisons["noyau-mort"]
    assert "ne rend pas la main" in raisons["noyau-bloque"]
    # les bonnes copies et elles seules sont dans le carnet (nbgrader y inscrit une copie avant
    # de l'exécuter : les copies en échec en sont retirées, l'export les montre « ABS »)
    assert sorted(classe.notes) == sorted(BONNES)
    assert "- à corriger à la main (formgrader) : 2" in sortie  # chloe : réponse vide, notée 0
    # barre de progression (sur la sortie d'erreur) et journal détaillé
    assert f"Correction de {DEVOIR}" in classe.premiere.stderr
    assert "100%" in classe.premiere.stderr
    assert "===== noyau-mort : échec" in classe.journal and "DeadKernelError" in classe.journal


@pytest.mark.lent
def test_relancer_ne_perd_ni_ne_double_aucune_note(classe):
    assert "- déjà corrigées, laissées telles quelles : 3" in classe.seconde.stdout
    assert classe.apres_seconde == (classe.notes, classe.lignes)
    assert "- corrigées : 3" in classe.forcee.stdout, classe.forcee.stdout
    assert classe.apres_forcee == (classe.notes, classe.lignes)


@pytest.mark.lent
def test_carnet_verrouille_copie_recorrigee(classe, monkeypatch):
    """Un autre processus garde le carnet SQLite plus de 5 s : nbgrader échoue (« database is
    locked ») et la copie est recorrigée dès que le carnet se libère, sans doublon."""
    from gc_helpers.notation import corriger

    for cle, valeur in onb.environnement(classe.cours).items():
        monkeypatch.setenv(cle, valeur)
    monkeypatch.chdir(classe.cours)
    # le processus de travail, ici dans le processus du test (sa sortie d'erreur reste en place)
    corriger._demarrer_processus([f"--CourseDirectory.root={classe.cours}", DELAI], muet=False)
    verrou = _verrouiller(classe.cours / "gradebook.db", 8)
    resultat = corriger._corriger_une_copie(DEVOIR, "alice", True)
    verrou.join()
    assert resultat.statut == "corrigée", resultat.journal
    assert resultat.essais >= 2 and "database is locked" in resultat.journal
    assert onb.lire_notes(classe.cours, DEVOIR) == classe.notes
    assert _lignes_carnet(classe.cours) == classe.lignes
    # une copie = une ligne par cellule notée, pas plus
    cellules = len(classe.notes["alice"])
    assert classe.lignes["submitted_assignment"] == len(BONNES)
    assert classe.lignes["grade"] == len(BONNES) * cellules


def test_texte_du_bilan():
    bilan = Bilan(
        "D",
        [
            Resultat("a", "corrigée"),
            Resultat("b", "échec", "notebook illisible"),
            Resultat("c", "déjà corrigée"),
        ],
        a_corriger_a_la_main=["a"],
        duree=12.4,
        processus=2,
    )
    assert texte_bilan(bilan).splitlines() == [
        "Bilan de la correction de D (12 s, 2 processus en parallèle) :",
        "- corrigées : 1",
        "- déjà corrigées, laissées telles quelles : 1 (ajoutez --force pour les recorriger)",
        "- en échec : 1 (hors du carnet de notes, donc « ABS » à l'export)",
        "    b : notebook illisible",
        "- à corriger à la main (formgrader) : 1",
        "    a",
    ]


def test_devoir_inconnu(tmp_path):
    from gc_helpers._erreurs import ErreurCours
    from gc_helpers.notation.corriger import corriger_classe

    (tmp_path / "release" / "S822-requetes-sql").mkdir(parents=True)
    with pytest.raises(ErreurCours, match="« S999 » inconnu.*generate_assignment S999.*S822"):
        corriger_classe("S999", racine=tmp_path, progression=False)


def test_import_gc_helpers_ne_charge_pas_la_notation():
    code = "import sys, gc_helpers; print([m for m in ('gc_helpers.notation', 'nbgrader', 'tqdm') if m in sys.modules])"
    sortie = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert sortie.stdout.strip() == "[]", sortie.stdout + sortie.stderr
