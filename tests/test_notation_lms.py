"""Le circuit « plateforme » (Moodle, ENT) de bout en bout, et la reconnaissance des noms.

Sans JupyterHub : la liste de la classe est inscrite dans le carnet de notes, le
professeur télécharge un zip des dépôts, puis ``nbgrader zip_collect`` →
correction de la classe → ``nbgrader generate_feedback`` → ``nbgrader export``.
Les notes sur 20 relues dans le fichier Pronote sont calculées à la main.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from types import SimpleNamespace

import nbformat
import outils_nbgrader as onb
import pandas as pd
import pytest

from gc_helpers._erreurs import ErreurCours
from gc_helpers.notation.collecte import (
    MOTIF_MOODLE,
    MOTIF_SIMPLE,
    Eleve,
    identifier_eleve,
    lire_liste_eleves,
)

DEVOIR = NB = "S822-requetes-sql"
LISTE = """\ufeffidentifiant;nom;prénom;courriel
e.dupont;Dupont;Élodie;elodie.dupont@lycee.example
j.martin;Martin;Jules;
i.leclerc;Leclerc;Inès;
z.absente;Absente;Zoé;
"""


def _module(cours, *arguments):
    fini = subprocess.run(
        [sys.executable, "-m", "gc_helpers.notation", *arguments, "--racine", str(cours)],
        cwd=cours,
        env=onb.environnement(cours),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=900,
    )
    assert fini.returncode == 0, fini.stdout + fini.stderr
    return fini


@pytest.fixture(scope="module")
def circuit(tmp_path_factory):
    cours = onb.preparer_cours(tmp_path_factory.mktemp("lms") / "cours", DEVOIR)
    onb.generer_devoir(cours, DEVOIR)
    (cours / "liste.csv").write_text(LISTE, encoding="utf-8")
    inscription = _module(cours, "eleves", "liste.csv")

    erreur = onb.charger_erreurs_types(DEVOIR)[0]
    copies = {
        # Moodle, « télécharger dans des dossiers »
        f"Élodie Dupont_101_assignsubmission_file_/{NB}.ipynb": onb.copie_corrigee(
            cours, DEVOIR, NB
        ),
        # Moodle, fichiers à plat, nom affiché « NOM Prénom », fichier renommé par l'élève
        f"MARTIN Jules_102_assignsubmission_file_{NB} (1).ipynb": onb.copie_corrigee(
            cours, DEVOIR, NB, {erreur.cellule: erreur.reponse}
        ),
        # nom simple « <identifiant>_<notebook>.ipynb »
        f"i.leclerc_{NB}.ipynb": onb.copie_vierge(cours, DEVOIR, NB),
        # un inconnu : ignoré avec un avertissement, sans arrêter le ramassage
        f"Paul Inconnu_104_assignsubmission_file_/{NB}.ipynb": onb.copie_vierge(cours, DEVOIR, NB),
    }
    archive = cours / "downloaded" / DEVOIR / "archive"
    archive.mkdir(parents=True)
    with zipfile.ZipFile(archive / "S822 - tous les travaux.zip", "w") as zf:
        for nom, copie in copies.items():
            zf.writestr(nom, nbformat.writes(copie))

    ramassage = onb.lancer_nbgrader(cours, "zip_collect", DEVOIR)
    correction = _module(cours, "corriger", DEVOIR, "--processus", "2", "--sans-barre")
    onb.generer_retours(cours, DEVOIR)
    onb.lancer_nbgrader(cours, "export")
    source = onb.lire_notebook(cours / "source" / DEVOIR / f"{NB}.ipynb")
    return SimpleNamespace(
        cours=cours,
        inscription=inscription,
        ramassage=ramassage,
        correction=correction,
        erreur=erreur,
        points=onb.points(source),
        manuels=[g for g, c in onb.cellules_reponse(source).items() if c.cell_type == "markdown"],
    )


@pytest.mark.lent
def test_ramassage_du_zip(circuit):
    assert "4 élèves inscrits" in circuit.inscription.stdout
    deposees = sorted(
        p.parent.parent.name for p in (circuit.cours / "submitted").glob("*/*/*.ipynb")
    )
    assert deposees == ["e.dupont", "i.leclerc", "j.martin"]
    # la copie renommée par l'élève est rangée sous le nom attendu
    assert (circuit.cours / "submitted" / "j.martin" / DEVOIR / f"{NB}.ipynb").is_file()
    assert (
        "Paul Inconnu" in circuit.ramassage.sortie
        and "absent de la liste" in circuit.ramassage.sortie
    )


@pytest.mark.lent
def test_notes_sur_20_apres_le_circuit(circuit):
    assert sum(circuit.points.values()) == 20
    automatiques = 20 - sum(circuit.points[g] for g in circuit.manuels)  # 20 − 4 = 16
    perdus = sum(circuit.points[g] for g in circuit.erreur.cellules_perdues)
    notes = pd.read_csv(
        circuit.cours / "notes" / f"pronote_{DEVOIR}.csv",
        sep=";",
        encoding="utf-8-sig",
        dtype=str,
    ).set_index("identifiant")
    # barème sur 20 : note /20 = points ; la réponse rédigée n'est pas encore notée
    assert notes.loc["e.dupont", "note"] == f"{automatiques:.2f}".replace(".", ",")
    assert notes.loc["j.martin", "note"] == f"{automatiques - perdus:.2f}".replace(".", ",")
    assert notes.loc["i.leclerc", "note"] == "0,00"
    assert notes.loc["z.absente", "note"] == "ABS"
    assert notes.loc["e.dupont", "prénom"] == "Élodie"
    # le bilan de la correction annonce les réponses rédigées à noter à la main
    assert "- à corriger à la main (formgrader) : 2" in circuit.correction.stdout


@pytest.mark.lent
def test_retours_generes(circuit):
    for etudiant in ("e.dupont", "j.martin", "i.leclerc"):
        page = onb.html_retour(circuit.cours, DEVOIR, etudiant, NB)
        assert "Votre réponse" in page
    assert not (circuit.cours / "feedback" / "z.absente").exists()
    indice = onb.normaliser_espaces(circuit.erreur.indice)
    assert indice in onb.texte_html(onb.html_retour(circuit.cours, DEVOIR, "j.martin", NB))


# --------------------------------------------------------------------------
# Reconnaissance des noms de fichiers et liste de la classe (rapide)
# --------------------------------------------------------------------------

CLASSE = [
    Eleve("e.dupont", "Dupont", "Élodie"),
    Eleve("j.martin", "Martin", "Jules", id_lms="102"),
    Eleve("m.petit1", "Petit", "Marie"),
    Eleve("m.petit2", "Petit", "Marie"),
]


@pytest.mark.parametrize(
    ("chemin", "motif", "attendu"),
    [
        (f"/x/extracted/z/Élodie Dupont_101_assignsubmission_file_/{NB}.ipynb", MOTIF_MOODLE,
         {"nom_complet": "Élodie Dupont", "id_lms": "101", "file_id": f"{NB}.ipynb"}),
        (f"/x/extracted/z/Élodie Dupont_101_assignsubmission_file_{NB}.ipynb", MOTIF_MOODLE,
         {"nom_complet": "Élodie Dupont", "id_lms": "101", "file_id": f"{NB}.ipynb"}),
        (f"/x/extracted/z/e.dupont_{NB}.ipynb", MOTIF_SIMPLE,
         {"student_id": "e.dupont", "file_id": f"{NB}.ipynb"}),
    ],
)  # fmt: skip
def test_motifs(chemin, motif, attendu):
    import re

    assert re.match(motif, chemin).groupdict() == attendu


def test_identifier_eleve():
    assert identifier_eleve({"nom_complet": "DUPONT elodie"}, CLASSE) == ("e.dupont", "")
    # le numéro Moodle, s'il est connu, passe avant le nom
    assert identifier_eleve({"nom_complet": "J. Martin", "id_lms": "102"}, CLASSE)[0] == "j.martin"
    identifiant, probleme = identifier_eleve({"nom_complet": "Marie Petit"}, CLASSE)
    assert identifiant is None and "m.petit1, m.petit2" in probleme and "id_lms" in probleme
    identifiant, probleme = identifier_eleve({"student_id": "x.inconnu"}, CLASSE)
    assert identifiant is None and "« x.inconnu » absent de la liste" in probleme


def test_liste_excel_windows_et_erreurs(tmp_path):
    # CSV enregistré par Excel français : Windows-1252, « ; », en-têtes en majuscules
    chemin = tmp_path / "classe.csv"
    chemin.write_bytes(
        "IDENTIFIANT;NOM;PRÉNOM;ID LMS\r\ne.dupont;Dupont;Élodie;77\r\n".encode("cp1252")
    )
    assert lire_liste_eleves(chemin) == [Eleve("e.dupont", "Dupont", "Élodie", "", "77")]
    chemin.write_text("nom,prénom\nDupont,Élodie\n", encoding="utf-8")
    with pytest.raises(ErreurCours, match="colonne « identifiant » introuvable.*nom, prénom"):
        lire_liste_eleves(chemin)
    chemin.write_text("identifiant;nom\na;X\nb;Y\na;Z\n", encoding="utf-8")
    with pytest.raises(ErreurCours, match="« a » en double \\(lignes 2 et 4\\)"):
        lire_liste_eleves(chemin)
