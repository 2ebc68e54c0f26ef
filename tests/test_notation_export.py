"""Export des notes sur 20 (``gc_helpers.notation.export.ExportNotesSur20``).

Le carnet de notes est construit avec l'API de nbgrader (``Gradebook``) avec des
points connus ; les notes attendues sont calculées à la main dans les
commentaires, puis relues dans les CSV avec ``csv`` et pandas, comme un tableur.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest
from nbgrader.api import Gradebook

from gc_helpers._erreurs import ErreurCours
from gc_helpers.notation.export import ExportNotesSur20, nombre_csv, note_sur_20

# Gradebook.add_submission de nbgrader 0.9.6 crée ses objets d'une façon que SQLAlchemy 2
# signale (SAWarning « not in session ») ; le carnet reste juste. Bruit de nbgrader, pas du cours.
pytestmark = pytest.mark.filterwarnings("ignore:Object of type:sqlalchemy.exc.SAWarning")

A, B = "S822-requetes-sql", "S512-previsions"


def _devoir(carnet, nom, cellules):
    carnet.add_assignment(nom, duedate=dt.datetime(2026, 11, 2, 12, 0))
    carnet.add_notebook(nom, nom)
    for cellule, (points, type_cellule) in cellules.items():
        carnet.add_grade_cell(cellule, nom, nom, max_score=points, cell_type=type_cellule)


def _copie(carnet, devoir, eleve, scores, *, penalite=0.0, le=None):
    """Dépose une copie et fixe ses points : ``{cellule: (auto, manuel)}``."""
    copie = carnet.add_submission(devoir, eleve, timestamp=le or dt.datetime(2026, 11, 1, 9, 0))
    for cellule, (auto, manuel) in scores.items():
        note = carnet.find_grade(cellule, devoir, devoir, eleve)
        note.auto_score = auto
        note.manual_score = manuel
        # une réponse rédigée sans note manuelle reste « à corriger à la main »
        note.needs_manual_grade = auto is None and manuel is None
    copie.notebooks[0].late_submission_penalty = penalite
    carnet.db.commit()


@pytest.fixture(scope="module")
def carnet_modele(tmp_path_factory):
    """Deux devoirs : A sur 20 (12 auto + 8 manuels), B sur 40 (25 auto + 15 manuels)."""
    chemin = tmp_path_factory.mktemp("carnet") / "gradebook.db"
    with pytest.MonkeyPatch.context() as mp:
        # nbgrader crée le carnet de notes avec l'outil « alembic », cherché dans le PATH
        dossier_bin = os.path.dirname(sys.executable)
        mp.setenv("PATH", dossier_bin + os.pathsep + os.environ.get("PATH", ""))
        _remplir(f"sqlite:///{chemin}")
    return chemin


@pytest.fixture
def cours(tmp_path, carnet_modele):
    shutil.copy(carnet_modele, tmp_path / "gradebook.db")
    return tmp_path, f"sqlite:///{tmp_path / 'gradebook.db'}"


def _remplir(url):
    with Gradebook(url) as carnet:
        _devoir(carnet, A, {"q1": (12, "code"), "q2": (8, "markdown")})
        _devoir(carnet, B, {"r1": (25, "code"), "r2": (15, "markdown")})
        carnet.add_student("dupont", last_name="Dupont", first_name="Élodie")
        carnet.add_student("martin", last_name="Martin", first_name="Jules")
        carnet.add_student("leclerc", last_name="Leclerc", first_name="Inès")
        carnet.add_student("absente", last_name="Ábsente", first_name="Zoé")
        # dupont : A = 9 + 6,5 = 15,5/20 ; B = 12 + 7 = 19/40 → 9,5/20
        _copie(
            carnet, A, "dupont", {"q1": (9, None), "q2": (None, 6.5)},
            le=dt.datetime(2026, 11, 2, 10, 0),
        )  # fmt: skip
        _copie(carnet, B, "dupont", {"r1": (12, None), "r2": (None, 7)})
        # martin : A = 12 + 8 = 20, pénalité de retard 2 → 18/20 ; B non rendu
        _copie(carnet, A, "martin", {"q1": (12, None), "q2": (None, 8)}, penalite=2)
        # leclerc : A = 3 + (q2 pas encore corrigée) = 3/20 provisoire ;
        # B = 20 + 4,69 = 24,69/40 → 20 × 24,69 / 40 = 12,345 → 12,35 (demi vers le haut)
        _copie(carnet, A, "leclerc", {"q1": (3, None), "q2": (None, None)})
        _copie(carnet, B, "leclerc", {"r1": (20, None), "r2": (None, 4.69)})


def _exporter(url, **options):
    with Gradebook(url) as carnet:
        ExportNotesSur20(**options).export(carnet)


def _lire(chemin):
    """Lecture comme un tableur : BOM, « ; », virgule décimale."""
    return pd.read_csv(chemin, sep=";", decimal=",", encoding="utf-8-sig", dtype={"note": str})


def test_notes_par_devoir(cours):
    dossier, url = cours
    _exporter(url, to=str(dossier / "notes"))
    a = _lire(dossier / "notes" / f"notes_{A}.csv").set_index("identifiant")
    # ordre alphabétique des noms, accents ignorés (Ábsente avant Dupont)
    assert list(a.index) == ["absente", "dupont", "leclerc", "martin"]
    assert list(a.columns) == [
        "nom",
        "prénom",
        "rendu le",
        "points bruts",
        "pénalité de retard",
        "points",
        "points max",
        "note /20",
        "remarque",
    ]
    assert a.loc["dupont", "prénom"] == "Élodie"
    assert a.loc["dupont", "points bruts"] == 15.5
    assert a.loc["dupont", "note /20"] == "15,50"
    # 10 h UTC le 2 novembre = 11 h à Paris (heure d'hiver)
    assert a.loc["dupont", "rendu le"] == "02/11/2026 11:00"
    assert a.loc["martin", "points bruts"] == 20
    assert a.loc["martin", "pénalité de retard"] == 2
    assert a.loc["martin", "points"] == 18
    assert a.loc["martin", "note /20"] == "18,00"
    assert a.loc["leclerc", "note /20"] == "3,00"
    assert "provisoire" in a.loc["leclerc", "remarque"]
    assert a.loc["absente", "note /20"] == "ABS"
    assert pd.isna(a.loc["absente", "points bruts"])
    assert a.loc["absente", "remarque"] == "copie non rendue"
    assert (a["points max"] == 20).all()

    b = _lire(dossier / "notes" / f"notes_{B}.csv").set_index("identifiant")
    assert (b["points max"] == 40).all()
    assert b.loc["dupont", "points bruts"] == 19
    assert b.loc["dupont", "note /20"] == "9,50"
    assert b.loc["leclerc", "points bruts"] == 24.69
    assert b.loc["leclerc", "note /20"] == "12,35"
    assert b.loc["martin", "note /20"] == "ABS"


def test_cumul_sur_les_devoirs_rendus(cours):
    dossier, url = cours
    _exporter(url, to=str(dossier / "notes"))
    ensemble = _lire(dossier / "notes" / "notes_ensemble.csv").set_index("identifiant")
    assert list(ensemble.columns) == [
        "nom",
        "prénom",
        f"{B} /20",  # même date limite : ordre alphabétique
        f"{A} /20",
        "devoirs rendus",
        "points bruts",
        "pénalités",
        "points",
        "points max",
        "note /20",
    ]
    # dupont : (15,5 + 19) / (20 + 40) × 20 = 34,5 / 60 × 20 = 11,5
    assert ensemble.loc["dupont", "devoirs rendus"] == "2 sur 2"
    assert ensemble.loc["dupont", "points"] == 34.5
    assert ensemble.loc["dupont", "points max"] == 60
    assert ensemble.loc["dupont", "note /20"] == "11,50"  # colonne texte (« ABS »)
    # martin : seul A est rendu : (20 − 2) / 20 × 20 = 18
    assert ensemble.loc["martin", "devoirs rendus"] == "1 sur 2"
    assert ensemble.loc["martin", ["points bruts", "pénalités", "points"]].tolist() == [20, 2, 18]
    assert ensemble.loc["martin", "note /20"] == "18,00"
    assert ensemble.loc["martin", f"{B} /20"] == "ABS"
    # leclerc : (3 + 24,69) / 60 × 20 = 27,69 / 3 = 9,23
    assert ensemble.loc["leclerc", "note /20"] == "9,23"
    assert ensemble.loc["absente", "devoirs rendus"] == "0 sur 2"
    assert ensemble.loc["absente", "note /20"] == "ABS"


def test_fichier_pronote_et_format_brut(cours):
    dossier, url = cours
    _exporter(url, to=str(dossier / "notes"))
    brut = (dossier / "notes" / f"pronote_{B}.csv").read_bytes()
    assert brut.startswith(b"\xef\xbb\xbf")  # BOM : Excel reconnaît l'UTF-8
    assert b"\r\n" in brut
    with open(dossier / "notes" / f"pronote_{B}.csv", encoding="utf-8-sig", newline="") as f:
        lignes = list(csv.reader(f, delimiter=";"))
    assert lignes == [
        ["identifiant", "nom", "prénom", "note"],
        ["absente", "Ábsente", "Zoé", "ABS"],
        ["dupont", "Dupont", "Élodie", "9,50"],
        ["leclerc", "Leclerc", "Inès", "12,35"],
        ["martin", "Martin", "Jules", "ABS"],
    ]


def test_options_absent_et_filtres(cours):
    dossier, url = cours
    _exporter(url, to=str(dossier / "sortie"), absent="0", assignment=[B], student=["martin"])
    assert sorted(p.name for p in (dossier / "sortie").iterdir()) == [
        f"notes_{B}.csv",
        "notes_ensemble.csv",
        f"pronote_{B}.csv",
    ]
    with open(dossier / "sortie" / f"pronote_{B}.csv", encoding="utf-8-sig") as f:
        assert f.read().splitlines() == ["identifiant;nom;prénom;note", "martin;Martin;Jules;0"]


@pytest.mark.lent
def test_en_ligne_de_commande_nbgrader(cours):
    """Le greffon se charge par ``nbgrader export --exporter=…`` ; ``--to`` et le dossier par
    défaut (``notes/`` dans le dossier du cours)."""
    dossier, _ = cours
    base = [sys.executable, "-m", "nbgrader", "export", f"--CourseDirectory.root={dossier}"]
    exporteur = "--exporter=gc_helpers.notation.export.ExportNotesSur20"
    for options, sortie in (([], dossier / "notes"), (["--to=autre"], dossier / "autre")):
        fini = subprocess.run(
            [*base, exporteur, *options], cwd=dossier, capture_output=True, text=True
        )
        assert fini.returncode == 0, fini.stdout + fini.stderr
        note = _lire(sortie / f"pronote_{A}.csv").set_index("identifiant").loc["martin", "note"]
        assert note == "18,00"


def test_calculs_et_erreurs():
    # 20 × 13 / 22 = 260 / 22 = 11,8181… → 11,82
    assert nombre_csv(note_sur_20(13, 22)) == "11,82"
    # 2,675 points sur 20 : 2,675 → 2,68 ; l'arrondi en flottant donnerait 2,67
    assert round(2.675, 2) == 2.67
    assert nombre_csv(note_sur_20(2.675, 20)) == "2,68"
    assert nombre_csv(note_sur_20(0.5, 1), decimales=1) == "10,0"
    with pytest.raises(ErreurCours, match="Barème nul.*generate_assignment"):
        note_sur_20(3, 0)
