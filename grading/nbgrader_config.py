"""Configuration nbgrader du cours « Gestion de clientèle ».

Ce fichier fait du dossier ``grading/`` un cours nbgrader complet :

    grading/source/<devoir>/     version professeur (corrigé + tests cachés)
    grading/release/<devoir>/    version distribuée aux étudiants (générée)
    grading/submitted/, autograded/, feedback/, gradebook.db   (données d'étudiants,
                                 jamais versionnées)

Il est lu directement (``nbgrader … --config grading/nbgrader_config.py``,
ou en lançant nbgrader depuis ``grading/``), ou chargé par le
``nbgrader_config.py`` de la racine du dépôt. La racine du cours est toujours
le dossier de ce fichier, quel que soit le dossier courant.
"""

import os

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import ClearHiddenTests, GetGrades, NbGraderPreprocessor

c = get_config()  # noqa: F821 (fourni par nbgrader au chargement)

# --------------------------------------------------------------------------
# Le cours
# --------------------------------------------------------------------------

# Identifiant du cours (échange JupyterHub, carnet de notes).
c.CourseDirectory.course_id = "gestion-clientele"

# Racine du cours : le dossier de ce fichier, même si nbgrader est lancé ailleurs.
ICI = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.root = ICI

# Fichiers jamais copiés d'un dossier à l'autre (donc jamais distribués) :
# les valeurs par défaut de nbgrader, plus les documents réservés au professeur
# s'ils sont rangés par erreur dans source/<devoir>/ (corrigés, barèmes,
# erreurs types, notes personnelles).
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints",
    "*.pyc",
    "__pycache__",
    "feedback",
    "*.corrige.*",
    "*corrige*",
    "*bareme*",
    "*barème*",
    "erreurs_types",
    "*.prof.*",
    "PROF_*",
    ".~*",
    "~$*",
]

# --------------------------------------------------------------------------
# Version étudiant (nbgrader generate_assignment)
# --------------------------------------------------------------------------

# Ce qui remplace le corrigé dans la version distribuée, en français.
c.ClearSolutions.code_stub = {"python": "# VOTRE CODE ICI\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "VOTRE RÉPONSE ICI"

# Le devoir est créé dans le carnet de notes à sa première génération.
c.GenerateAssignment.create_assignment = True

# --------------------------------------------------------------------------
# Correction automatique (nbgrader autograde)
# --------------------------------------------------------------------------

# Durée maximale d'exécution d'une cellule : large pour un serveur de classe
# chargé (30 copies corrigées à la suite) ; une boucle infinie est interrompue
# et seule la cellule fautive perd ses points.
c.Execute.timeout = 120

# À l'expiration du délai, interrompre le noyau plutôt que de tout arrêter :
# la correction passe à la cellule suivante.
c.Execute.interrupt_on_timeout = True

# Démarrage du noyau : 2 minutes sur un serveur chargé (première copie, cache froid).
c.Execute.startup_timeout = 120

# NB : Execute.execute_retries existe dans nbgrader 0.9.6 mais n'y est pas utilisé ;
# une copie dont le noyau meurt (mémoire épuisée) est à relancer à la main.

# NB : nbgrader force Execute.allow_errors = True (non configurable) : une
# cellule en erreur n'arrête pas la correction, elle vaut 0 et la suite continue.

# Sorties trop longues (un étudiant qui affiche toute la table clients) :
# tronquées dans la copie corrigée et dans le retour.
c.LimitOutput.max_lines = 500
c.LimitOutput.max_traceback = 100

# nbgrader met 0 à toute cellule de test qui écrit sur stderr. On retire
# uniquement les messages d'environnement connus et inoffensifs (premier
# lancement de matplotlib sur une machine neuve), jamais une vraie erreur.
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = r"Matplotlib is building the font cache"

# L'étudiant est créé dans le carnet de notes à sa première copie corrigée.
c.Autograde.create_student = True

# --------------------------------------------------------------------------
# Ramassage des copies téléchargées de Moodle ou de l'ENT (nbgrader zip_collect)
# --------------------------------------------------------------------------

# Le zip des dépôts se place dans grading/downloaded/<devoir>/archive/ (défaut de
# nbgrader). Le greffon reconnaît les noms de fichiers de Moodle
# (« Prénom Nom_123_assignsubmission_file_… ») et « <identifiant>_<notebook>.ipynb »,
# retrouve l'élève dans la liste de la classe (carnet de notes) et range une copie
# renommée par l'élève sous le nom attendu. Voir gc_helpers/notation/collecte.py.
c.ZipCollectApp.collector_plugin = "gc_helpers.notation.collecte.CollecteurLMS"
# Autre plateforme : une expression régulière à essayer en premier, sur le chemin du
# fichier (séparateurs « / »), avec les groupes file_id et student_id (ou nom_complet) :
# c.FileNameCollectorPlugin.named_regexp = r".*/(?P<student_id>[^/_]+)_(?P<file_id>[^/]+)$"

# --------------------------------------------------------------------------
# Export des notes (nbgrader export)
# --------------------------------------------------------------------------

# Notes sur 20 pour un tableur français et pour Pronote/ENT (voir
# gc_helpers/notation/export.py) au lieu du grades.csv anglais de nbgrader.
# Fichiers écrits dans grading/notes/ (ou --to=<dossier>).
c.ExportApp.plugin_class = "gc_helpers.notation.export.ExportNotesSur20"

# --------------------------------------------------------------------------
# Retour aux étudiants (nbgrader generate_feedback)
# --------------------------------------------------------------------------


class AbregerErreursDesTests(NbGraderPreprocessor):
    """Dans le retour, réduit l'erreur d'une cellule de test à son message.

    Une trace d'erreur Python (traceback) recopie les lignes de code autour de
    l'instruction qui a échoué : pour un test caché, ce seraient la requête
    corrigée et le test eux-mêmes. On ne garde que « NomDeLErreur: message » (le
    message des fonctions de correction explique déjà, en français, quoi
    corriger). Les cellules de réponse de l'étudiant gardent leur trace complète.
    """

    def preprocess_cell(self, cell, resources, cell_index):
        nbgrader = cell.get("metadata", {}).get("nbgrader", {})
        est_test = nbgrader.get("grade", False) and not nbgrader.get("solution", False)
        if cell.cell_type == "code" and est_test:
            for sortie in cell.get("outputs", []):
                if sortie.get("output_type") == "error":
                    nom = sortie.get("ename", "Erreur")
                    message = sortie.get("evalue", "")
                    sortie["traceback"] = [f"\x1b[0;31m{nom}\x1b[0m: {message}"]
        return cell, resources


# Retour HTML en français (libellés, notes avec virgule) : modèle grading/modeles/retour_fr,
# traduit de celui de nbgrader.
c.HTMLExporter.template_name = "retour_fr"
c.HTMLExporter.extra_template_basedirs = [os.path.join(ICI, "modeles")]

# Chaîne du retour : les notes, puis les erreurs des tests réduites à leur
# message, puis les tests cachés retirés (sinon ils figureraient dans le HTML
# rendu à l'étudiant : la copie corrigée les contient), puis la mise en forme.
c.GenerateFeedback.preprocessors = [
    GetGrades,
    AbregerErreursDesTests,
    ClearHiddenTests,
    CSSHTMLHeaderPreprocessor,
]
