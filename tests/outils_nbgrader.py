"""Outils communs aux tests de correction automatique des devoirs nbgrader.

Chaque devoir du cours (``grading/source/<devoir>/``) est testé de la même
façon, sur le modèle de la suite de tests de nbgrader lui-même : un cours
temporaire, de vrais lancements de ``nbgrader`` (sous-processus du Python
courant), des copies d'étudiants fabriquées à partir de la version distribuée,
et les notes relues dans le carnet de notes (``nbgrader.api.Gradebook``).

Déroulé type (voir ``tests/test_devoirs.py``) ::

    devoir = nb = "S822-requetes-sql"
    cours = preparer_cours(tmp / "cours", devoir)        # config + modèles + source
    generer_devoir(cours, devoir)                         # release/
    deposer_copie(cours, devoir, "corrige", copies_corrigees(cours, devoir))
    deposer_copie(cours, devoir, "vierge", {nb: copie_vierge(cours, devoir, nb)})
    erreurs = charger_erreurs_types(devoir)
    for etudiant, lot in copies_erreurs_types(erreurs).items():
        remplacements = remplacements_par_notebook(lot)
        deposer_copie(cours, devoir, etudiant, copies_corrigees(cours, devoir, remplacements))
    autograder(cours, devoir)            # un seul lancement pour toutes les copies
    generer_retours(cours, devoir)
    notes = lire_notes(cours, devoir)    # {étudiant: {grade_id: Note}}

Les erreurs types d'un devoir sont enregistrées à côté de lui, hors de ce qui
est distribué : ``grading/erreurs_types/<devoir>.json`` (voir
:func:`charger_erreurs_types`).
"""

from __future__ import annotations

import copy
import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

RACINE = Path(__file__).resolve().parents[1]
DOSSIER_COURS = RACINE / "grading"
DOSSIER_ERREURS_TYPES = DOSSIER_COURS / "erreurs_types"

#: Ce qui, dans grading/, fait partie de la configuration du cours (copié dans chaque cours
#: temporaire) : la configuration et les modèles qu'elle utilise (retour HTML en français).
CONFIGURATION_COURS = ("nbgrader_config.py", "modeles")

# Délimiteurs de nbgrader (valeurs par défaut, inchangées dans grading/nbgrader_config.py).
DEBUT_SOLUTION, FIN_SOLUTION = "BEGIN SOLUTION", "END SOLUTION"
DEBUT_TESTS_CACHES, FIN_TESTS_CACHES = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"
DEBUT_BAREME, FIN_BAREME = "BEGIN MARK SCHEME", "END MARK SCHEME"

#: Marqueurs qui ne doivent jamais apparaître dans une version distribuée.
MARQUEURS_PROFESSEUR = (
    DEBUT_SOLUTION,
    FIN_SOLUTION,
    DEBUT_TESTS_CACHES,
    FIN_TESTS_CACHES,
    "HIDDEN",
    DEBUT_BAREME,
    FIN_BAREME,
)


class ErreurNbgrader(AssertionError):
    """Une commande nbgrader a échoué : le message contient sa sortie complète."""


# --------------------------------------------------------------------------
# Cours temporaire et commandes nbgrader
# --------------------------------------------------------------------------


def preparer_cours(dossier: Path, devoir: str, *, fichiers_en_plus: tuple[str, ...] = ()) -> Path:
    """Crée un cours nbgrader temporaire dans ``dossier`` : configuration + source du devoir.

    La configuration copiée est celle du dépôt (``grading/nbgrader_config.py`` et
    les modèles qu'elle utilise, voir :data:`CONFIGURATION_COURS`) : on teste donc
    la vraie configuration du cours (souches françaises, tests cachés retirés du
    retour, retour en français…). ``fichiers_en_plus`` : autres chemins, relatifs à
    ``grading/``, à recopier (un autre devoir, un en-tête…).
    """
    cours = Path(dossier)
    cours.mkdir(parents=True, exist_ok=True)
    for nom in CONFIGURATION_COURS:
        origine = DOSSIER_COURS / nom
        if origine.is_dir():
            shutil.copytree(origine, cours / nom, ignore=shutil.ignore_patterns("__pycache__"))
        elif origine.is_file():
            shutil.copy2(origine, cours / nom)
    source = DOSSIER_COURS / "source" / devoir
    if not source.is_dir():
        raise FileNotFoundError(f"Devoir introuvable : {source}")
    shutil.copytree(source, cours / "source" / devoir)
    for relatif in fichiers_en_plus:
        origine = DOSSIER_COURS / relatif
        cible = cours / relatif
        if origine.is_dir():
            shutil.copytree(origine, cible)
        else:
            cible.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origine, cible)
    # Configuration Jupyter isolée : ni la configuration nbgrader personnelle
    # (~/.jupyter), ni les noyaux personnels (~/.local/share/jupyter), ni les
    # scripts de démarrage IPython de la machine ne doivent influencer la note.
    for sous_dossier in ("_jupyter_config", "_jupyter_data", "_ipython"):
        (cours / sous_dossier).mkdir(exist_ok=True)
    return cours


def environnement(cours: Path) -> dict[str, str]:
    """Variables d'environnement des commandes nbgrader lancées sur ``cours``."""
    env = dict(os.environ)
    env["JUPYTER_CONFIG_DIR"] = str(cours / "_jupyter_config")
    env["JUPYTER_DATA_DIR"] = str(cours / "_jupyter_data")
    env["IPYTHONDIR"] = str(cours / "_ipython")
    env["PYTHONIOENCODING"] = "utf-8"
    # Le noyau « python3 » doit être celui de cet environnement (celui qui a gc_helpers).
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.pop("JUPYTER_PATH", None)
    return env


@dataclass
class Lancement:
    """Résultat d'une commande nbgrader : code de sortie, sortie, durée (s)."""

    commande: list[str]
    code: int
    sortie: str
    duree: float


def lancer_nbgrader(
    cours: Path, *arguments: str, verifier: bool = True, delai: float = 900
) -> Lancement:
    """Lance ``python -m nbgrader <arguments>`` sur le cours temporaire ``cours``.

    La commande part du dossier du cours (donc lit sa configuration), avec en
    plus ``--CourseDirectory.root`` explicite. Avec ``verifier=True``, un code
    de sortie non nul lève :class:`ErreurNbgrader` avec toute la sortie.
    """
    commande = [
        sys.executable,
        "-m",
        "nbgrader",
        *arguments,
        f"--CourseDirectory.root={cours}",
    ]
    debut = time.perf_counter()
    fini = subprocess.run(
        commande,
        cwd=cours,
        env=environnement(cours),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=delai,
        check=False,
    )
    lancement = Lancement(commande, fini.returncode, fini.stdout, time.perf_counter() - debut)
    if verifier and fini.returncode != 0:
        raise ErreurNbgrader(
            f"« nbgrader {' '.join(arguments)} » a échoué (code {fini.returncode}) :\n{fini.stdout}"
        )
    return lancement


def generer_devoir(cours: Path, devoir: str) -> Lancement:
    """``nbgrader generate_assignment`` : crée la version distribuée (``release/``)."""
    return lancer_nbgrader(cours, "generate_assignment", devoir, "--force")


def autograder(cours: Path, devoir: str) -> Lancement:
    """``nbgrader autograde`` : corrige en un seul lancement toutes les copies déposées."""
    return lancer_nbgrader(cours, "autograde", devoir, "--force")


def generer_retours(cours: Path, devoir: str) -> Lancement:
    """``nbgrader generate_feedback`` : produit le retour HTML de chaque copie corrigée."""
    return lancer_nbgrader(cours, "generate_feedback", devoir, "--force")


# --------------------------------------------------------------------------
# Notebooks : lecture, régions, cellules nbgrader
# --------------------------------------------------------------------------


def lire_notebook(chemin: Path) -> nbformat.NotebookNode:
    return nbformat.read(str(chemin), as_version=4)


def notebooks_du_devoir(cours: Path, devoir: str, etape: str = "source") -> list[Path]:
    """Les notebooks d'un devoir à une étape (``source``, ``release``…), triés."""
    return sorted((cours / etape / devoir).glob("*.ipynb"))


def meta_nbgrader(cellule) -> dict:
    return dict(cellule.get("metadata", {}).get("nbgrader", {}))


def cellules_nbgrader(nb) -> dict[str, nbformat.NotebookNode]:
    """Les cellules nbgrader d'un notebook, par ``grade_id``."""
    return {meta_nbgrader(c)["grade_id"]: c for c in nb.cells if meta_nbgrader(c).get("grade_id")}


def cellules_reponse(nb) -> dict[str, nbformat.NotebookNode]:
    """Les cellules de réponse (``solution``) par ``grade_id``."""
    return {g: c for g, c in cellules_nbgrader(nb).items() if meta_nbgrader(c).get("solution")}


def cellules_test(nb) -> dict[str, nbformat.NotebookNode]:
    """Les cellules de test notées automatiquement (``grade`` et pas ``solution``), par ``grade_id``."""
    return {
        g: c
        for g, c in cellules_nbgrader(nb).items()
        if meta_nbgrader(c).get("grade") and not meta_nbgrader(c).get("solution")
    }


def points(nb) -> dict[str, float]:
    """Barème nbgrader : points de chaque cellule notée, par ``grade_id``."""
    return {
        g: float(meta_nbgrader(c)["points"])
        for g, c in cellules_nbgrader(nb).items()
        if meta_nbgrader(c).get("grade")
    }


def regions(texte: str, debut: str, fin: str) -> list[str]:
    """Le contenu (sans les lignes de délimiteurs) des régions ``debut`` … ``fin`` d'un texte."""
    trouvees, courante = [], None
    for ligne in texte.split("\n"):
        if debut in ligne:
            courante = []
        elif fin in ligne and courante is not None:
            trouvees.append("\n".join(courante))
            courante = None
        elif courante is not None:
            courante.append(ligne)
    if courante is not None:
        raise ValueError(f"Région « {debut} » non fermée dans :\n{texte}")
    return trouvees


def remplacer_regions(texte: str, debut: str, fin: str, contenu: str | None) -> str:
    """Remplace chaque région ``debut`` … ``fin`` (délimiteurs compris) par ``contenu``.

    ``contenu=None`` garde le contenu de la région et retire seulement les
    délimiteurs (c'est la réponse « telle que le professeur l'a écrite »).
    Le contenu de remplacement est indenté comme le délimiteur de début.
    """
    sortie, dans_region = [], False
    for ligne in texte.split("\n"):
        if debut in ligne:
            dans_region = True
            if contenu is not None:
                retrait = re.match(r"\s*", ligne).group(0)
                sortie.extend(retrait + morceau for morceau in contenu.split("\n"))
        elif fin in ligne and dans_region:
            dans_region = False
        elif not dans_region or contenu is None:
            sortie.append(ligne)
    return "\n".join(sortie)


def _texte_public(nb) -> str:
    """Ce qu'un notebook source montre à l'élève : tout, sauf les régions solution, tests
    cachés et barème (espaces normalisés). Une ligne réservée qui y figure déjà (« gc.
    score_logistique( » dans une cellule fournie et dans un test caché) n'est pas une fuite."""
    morceaux = []
    for cellule in nb.cells:
        texte = cellule.source
        for debut, fin in (
            (DEBUT_SOLUTION, FIN_SOLUTION),
            (DEBUT_TESTS_CACHES, FIN_TESTS_CACHES),
            (DEBUT_BAREME, FIN_BAREME),
        ):
            texte = remplacer_regions(texte, debut, fin, "")
        morceaux.append(texte)
    return normaliser_espaces("\n".join(morceaux))


def _lignes_des_regions(nb, bornes, longueur_min: int) -> list[str]:
    lignes: set[str] = set()
    for cellule in nb.cells:
        for debut, fin in bornes:
            for region in regions(cellule.source, debut, fin):
                lignes.update(
                    ligne.strip()
                    for ligne in region.split("\n")
                    if len(ligne.strip()) >= longueur_min
                )
    public = _texte_public(nb)
    return sorted(ligne for ligne in lignes if normaliser_espaces(ligne) not in public)


def textes_professeur(nb, longueur_min: int = 16) -> list[str]:
    """Lignes réservées au professeur dans un notebook source.

    Contenu des régions solution, tests cachés et barème, ligne par ligne
    (espaces de début et de fin retirés), en ne gardant que les lignes assez
    longues pour être caractéristiques (``longueur_min`` caractères) et absentes
    de la partie publique du notebook.
    """
    bornes = (
        (DEBUT_SOLUTION, FIN_SOLUTION),
        (DEBUT_TESTS_CACHES, FIN_TESTS_CACHES),
        (DEBUT_BAREME, FIN_BAREME),
    )
    return _lignes_des_regions(nb, bornes, longueur_min)


def lignes_tests_caches(nb, longueur_min: int = 16) -> list[str]:
    """Les lignes (assez longues, absentes de la partie publique) des tests cachés."""
    return _lignes_des_regions(nb, ((DEBUT_TESTS_CACHES, FIN_TESTS_CACHES),), longueur_min)


def texte_notebook(nb) -> str:
    """Tout le texte visible d'un notebook : sources, sorties et métadonnées des cellules."""
    morceaux = []
    for cellule in nb.cells:
        morceaux.append(cellule.source)
        morceaux.append(json.dumps(cellule.get("metadata", {}), ensure_ascii=False))
        for sortie in cellule.get("outputs", []):
            morceaux.append(json.dumps(sortie, ensure_ascii=False))
    morceaux.append(json.dumps(nb.metadata, ensure_ascii=False))
    return "\n".join(morceaux)


def fuites(texte: str, interdits) -> list[str]:
    """Les chaînes de ``interdits`` présentes dans ``texte`` (espaces normalisés)."""
    normal = normaliser_espaces(texte)
    return [i for i in interdits if normaliser_espaces(i) in normal]


def normaliser_espaces(texte: str) -> str:
    return re.sub(r"\s+", " ", texte).strip()


# --------------------------------------------------------------------------
# Copies d'étudiants
# --------------------------------------------------------------------------


def copie_vierge(cours: Path, devoir: str, notebook: str) -> nbformat.NotebookNode:
    """La version distribuée, telle que l'étudiant la reçoit (rien de rempli)."""
    return lire_notebook(cours / "release" / devoir / f"{notebook}.ipynb")


def copie_corrigee(
    cours: Path,
    devoir: str,
    notebook: str,
    remplacements: dict[str, str] | None = None,
) -> nbformat.NotebookNode:
    """La version distribuée, chaque cellule de réponse remplie avec le corrigé du professeur.

    Les cellules sont appariées par ``grade_id``. Pour chaque cellule de
    réponse, on reprend la cellule source et on retire les délimiteurs de
    solution (le corrigé reste en place). ``remplacements`` : ``{grade_id:
    texte}`` ; pour ces cellules, le *contenu* de la région solution est
    remplacé par ``texte`` (une réponse fausse, par exemple une autre requête
    SQL dans la même variable).
    """
    remplacements = dict(remplacements or {})
    release = copie_vierge(cours, devoir, notebook)
    source = lire_notebook(cours / "source" / devoir / f"{notebook}.ipynb")
    sources = cellules_reponse(source)
    inconnues = set(remplacements) - set(sources)
    if inconnues:
        raise KeyError(
            f"Cellules de réponse inconnues dans {notebook} : {sorted(inconnues)} ; "
            f"existantes : {sorted(sources)}"
        )
    copie = copy.deepcopy(release)
    for cellule in copie.cells:
        grade_id = meta_nbgrader(cellule).get("grade_id")
        if grade_id not in sources or not meta_nbgrader(cellule).get("solution"):
            continue
        texte_source = sources[grade_id].source
        if grade_id in remplacements:
            if not regions(texte_source, DEBUT_SOLUTION, FIN_SOLUTION):
                cellule.source = remplacements[grade_id]
            else:
                cellule.source = remplacer_regions(
                    texte_source, DEBUT_SOLUTION, FIN_SOLUTION, remplacements[grade_id]
                )
        else:
            cellule.source = remplacer_regions(texte_source, DEBUT_SOLUTION, FIN_SOLUTION, None)
    return copie


def copies_corrigees(
    cours: Path, devoir: str, remplacements: dict[str, dict[str, str]] | None = None
) -> dict[str, nbformat.NotebookNode]:
    """Tous les notebooks du devoir remplis avec le corrigé : ``{notebook: contenu}``.

    ``remplacements`` : ``{notebook: {grade_id: réponse}}`` (voir
    :func:`remplacements_par_notebook`) pour glisser des réponses fausses.
    """
    remplacements = remplacements or {}
    noms = [p.stem for p in notebooks_du_devoir(cours, devoir, "release")]
    inconnus = set(remplacements) - set(noms)
    if inconnus:
        raise KeyError(
            f"Notebooks inconnus dans {devoir} : {sorted(inconnus)} ; existants : {noms}"
        )
    return {
        nom: copie_corrigee(cours, devoir, nom, remplacements=remplacements.get(nom))
        for nom in noms
    }


def deposer_copie(
    cours: Path, devoir: str, etudiant: str, notebooks: dict[str, nbformat.NotebookNode]
) -> Path:
    """Dépose la copie d'un étudiant dans ``submitted/<etudiant>/<devoir>/`` (comme ``collect``).

    ``notebooks`` : ``{nom du notebook sans .ipynb: contenu}``. Les autres
    fichiers de la version distribuée (données…) sont recopiés aussi.
    """
    dossier = cours / "submitted" / etudiant / devoir
    release = cours / "release" / devoir
    if dossier.exists():
        shutil.rmtree(dossier)
    shutil.copytree(release, dossier)
    for nom, nb in notebooks.items():
        nbformat.write(nb, str(dossier / f"{nom}.ipynb"))
    (dossier / "timestamp.txt").write_text("2026-11-02 10:00:00.000000 UTC", encoding="utf-8")
    return dossier


# --------------------------------------------------------------------------
# Résultats : carnet de notes, copies corrigées, retours
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    """La note d'une cellule pour un étudiant, relue dans le carnet de notes."""

    auto_score: float | None
    manual_score: float | None
    score: float
    max_score: float
    needs_manual_grade: bool


def lire_notes(cours: Path, devoir: str) -> dict[str, dict[str, Note]]:
    """``{étudiant: {grade_id: Note}}`` pour toutes les copies corrigées d'un devoir."""
    from nbgrader.api import Gradebook

    notes: dict[str, dict[str, Note]] = {}
    with Gradebook(f"sqlite:///{cours / 'gradebook.db'}") as carnet:
        affectation = carnet.find_assignment(devoir)
        for soumission in affectation.submissions:
            par_cellule = notes.setdefault(soumission.student.id, {})
            for nb_soumis in soumission.notebooks:
                for note in nb_soumis.grades:
                    par_cellule[note.name] = Note(
                        auto_score=note.auto_score,
                        manual_score=note.manual_score,
                        score=float(note.score),
                        max_score=float(note.max_score),
                        needs_manual_grade=bool(note.needs_manual_grade),
                    )
    return notes


def copie_autogradee(cours: Path, devoir: str, etudiant: str, notebook: str):
    """Le notebook corrigé (exécuté) d'un étudiant, tel que le professeur le voit."""
    return lire_notebook(cours / "autograded" / etudiant / devoir / f"{notebook}.ipynb")


def erreurs_cellule(cellule) -> list[dict]:
    """Les sorties d'erreur d'une cellule exécutée : ``[{ename, evalue, traceback}]``."""
    return [dict(s) for s in cellule.get("outputs", []) if s.get("output_type") == "error"]


def sorties_stderr(cellule) -> list[str]:
    """Ce qu'une cellule exécutée a écrit sur stderr (nbgrader lui met alors 0)."""
    return [
        s.get("text", "")
        for s in cellule.get("outputs", [])
        if s.get("output_type") == "stream" and s.get("name") == "stderr"
    ]


def html_retour(cours: Path, devoir: str, etudiant: str, notebook: str) -> str:
    """Le retour HTML brut rendu à l'étudiant."""
    chemin = cours / "feedback" / etudiant / devoir / f"{notebook}.html"
    return chemin.read_text(encoding="utf-8")


def texte_html(page: str) -> str:
    """Le texte lisible d'une page HTML : balises retirées, entités décodées, espaces normalisés."""
    sans_balises = re.sub(r"<style.*?</style>|<script.*?</script>", " ", page, flags=re.S)
    sans_balises = re.sub(r"<[^>]+>", "", sans_balises)
    return normaliser_espaces(html.unescape(sans_balises))


# --------------------------------------------------------------------------
# Erreurs types enregistrées à côté d'un devoir
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ErreurType:
    """Une erreur type d'étudiant, enregistrée pour tester la correction.

    - ``id`` : nom court, unique (sert d'identifiant d'étudiant fictif) ;
    - ``notebook`` : notebook du devoir concerné (sans ``.ipynb``) ;
    - ``cellule`` : ``grade_id`` de la cellule de réponse ;
    - ``famille`` : type d'erreur (filtre oublié, jointure qui duplique…) ;
    - ``description`` : l'erreur, en une phrase ;
    - ``reponse`` : ce que l'étudiant écrit à la place du corrigé (contenu de la région solution) ;
    - ``cellules_perdues`` : ``grade_id`` des cellules de test qui doivent valoir 0 ;
    - ``indice`` : texte que le retour doit contenir (il aide l'étudiant à corriger).
    """

    id: str
    notebook: str
    cellule: str
    famille: str
    description: str
    reponse: str
    cellules_perdues: tuple[str, ...]
    indice: str


def charger_erreurs_types(devoir: str) -> list[ErreurType]:
    """Lit ``grading/erreurs_types/<devoir>.json`` (liste d'objets, voir :class:`ErreurType`)."""
    chemin = DOSSIER_ERREURS_TYPES / f"{devoir}.json"
    donnees = json.loads(chemin.read_text(encoding="utf-8"))
    erreurs = []
    for entree in donnees["erreurs"]:
        erreurs.append(
            ErreurType(
                id=entree["id"],
                notebook=entree.get("notebook", donnees.get("notebook", devoir)),
                cellule=entree["cellule"],
                famille=entree["famille"],
                description=entree["description"],
                reponse=entree["reponse"],
                cellules_perdues=tuple(entree["cellules_perdues"]),
                indice=entree["indice"],
            )
        )
    ids = [e.id for e in erreurs]
    doublons = {i for i in ids if ids.count(i) > 1}
    if doublons:
        raise ValueError(f"Identifiants d'erreurs types en double dans {chemin} : {doublons}")
    return erreurs


def identifiant_etudiant(erreur: ErreurType) -> str:
    """Identifiant d'étudiant fictif (ASCII, sans espace) pour la copie d'une erreur type."""
    return "erreur-" + re.sub(r"[^A-Za-z0-9_-]+", "-", erreur.id)


def copies_erreurs_types(
    erreurs: list[ErreurType], regrouper: bool | None = None
) -> dict[str, list[ErreurType]]:
    """Répartit les erreurs types en copies d'étudiants fictifs : ``{identifiant: [erreurs]}``.

    - ``regrouper=False`` : une copie par erreur type (``erreur-<id>``) ;
    - ``regrouper=True`` : le moins de copies possible, chacune ne contenant qu'**une**
      erreur par cellule de réponse (``erreurs-1``, ``erreurs-2``…). Comme chaque
      cellule de test ne lit que sa propre réponse et que la base est remise à
      neuf à chaque exécution, les erreurs d'une même copie ne se gênent pas ; on
      corrige ainsi 4 ou 5 copies au lieu de 30 (chaque copie coûte le démarrage
      d'un noyau Python).

    Par défaut, ``regrouper`` vaut vrai sauf si la variable d'environnement
    ``GC_UNE_COPIE_PAR_ERREUR=1`` est définie (vérification exhaustive, plus lente).
    """
    if regrouper is None:
        regrouper = os.environ.get("GC_UNE_COPIE_PAR_ERREUR", "") not in ("1", "oui", "true")
    if not regrouper:
        return {identifiant_etudiant(e): [e] for e in erreurs}
    copies: list[list[ErreurType]] = []
    for erreur in erreurs:
        for copie in copies:
            if all((e.notebook, e.cellule) != (erreur.notebook, erreur.cellule) for e in copie):
                copie.append(erreur)
                break
        else:
            copies.append([erreur])
    return {f"erreurs-{k}": copie for k, copie in enumerate(copies, start=1)}


def remplacements_par_notebook(erreurs: list[ErreurType]) -> dict[str, dict[str, str]]:
    """``{notebook: {grade_id: réponse fausse}}`` pour fabriquer une copie avec ces erreurs."""
    par_notebook: dict[str, dict[str, str]] = {}
    for erreur in erreurs:
        par_notebook.setdefault(erreur.notebook, {})[erreur.cellule] = erreur.reponse
    return par_notebook


def textes_sorties(cellule) -> str:
    """Tout ce qu'une cellule exécutée a affiché : flux, résultats, messages d'erreur."""
    morceaux = []
    for sortie in cellule.get("outputs", []):
        if sortie.get("output_type") == "stream":
            morceaux.append(sortie.get("text", ""))
        elif sortie.get("output_type") == "error":
            morceaux.append(f"{sortie.get('ename', '')}: {sortie.get('evalue', '')}")
        else:
            morceaux.append(str(sortie.get("data", {}).get("text/plain", "")))
    return normaliser_espaces("\n".join(morceaux))


# --------------------------------------------------------------------------
# Le corrigé exécuté sans nbgrader (tests rapides des valeurs d'un devoir)
# --------------------------------------------------------------------------


def variables_du_corrige(devoir: str, notebook: str | None = None) -> dict:
    """Exécute, dans ce processus, les cellules de code du corrigé sauf les cellules de test.

    Les délimiteurs ``### BEGIN SOLUTION`` sont des commentaires : le notebook source
    s'exécute tel quel. Renvoie l'espace de noms obtenu (les variables de réponse du
    corrigé), pour les comparer à des calculs indépendants. Graphiques en mode « Agg ».
    """
    import matplotlib

    matplotlib.use("Agg")
    nom = notebook or devoir
    nb = lire_notebook(DOSSIER_COURS / "source" / devoir / f"{nom}.ipynb")
    tests = set(cellules_test(nb))
    espace: dict = {"__name__": "__main__"}
    for cellule in nb.cells:
        if cellule.cell_type != "code" or meta_nbgrader(cellule).get("grade_id") in tests:
            continue
        exec(compile(cellule.source, f"<{nom}:{cellule.id}>", "exec"), espace)
    return espace


def avec_cellule_apres(nb, grade_id: str, code: str, identifiant: str):
    """Une copie de ``nb`` avec une cellule de code de l'étudiant insérée après ``grade_id``."""
    modifie = copy.deepcopy(nb)
    position = next(
        i for i, c in enumerate(modifie.cells) if meta_nbgrader(c).get("grade_id") == grade_id
    )
    cellule = nbformat.v4.new_code_cell(code)
    cellule.id = identifiant
    modifie.cells.insert(position + 1, cellule)
    return modifie


def variables_avec_erreur(corrige: dict, erreur: ErreurType, retirer=()) -> dict:
    """L'espace de noms du corrigé où la réponse d'une erreur type remplace celle de sa cellule.

    ``corrige`` vient de :func:`variables_du_corrige` (il n'est pas modifié) ; les
    variables ``retirer`` en sont ôtées d'abord, pour que la réponse fausse doive les
    définir elle-même, comme dans la copie d'un élève.
    """
    espace = dict(corrige)
    for nom in retirer:
        espace.pop(nom, None)
    exec(compile(erreur.reponse, f"<{erreur.id}>", "exec"), espace)
    return espace
