"""Correction automatique de toute une classe, en parallèle, avec barre de progression.

``python -m gc_helpers.notation corriger S822-requetes-sql`` (ou ``make corriger
DEVOIR=S822-requetes-sql``) fait la même chose que ``nbgrader autograde
S822-requetes-sql``, mais :

- les copies sont corrigées en parallèle, une par cœur de la machine ;
- une barre de progression, puis un bilan en français : copies corrigées, en
  échec (avec la raison), à corriger à la main ;
- une copie abîmée (JSON invalide, notebook manquant ou mal nommé, noyau qui
  plante ou qui ne rend plus la main) est listée et n'arrête jamais les autres.

Comment : chaque processus de travail charge **une fois** la configuration de
nbgrader (comme ``nbgrader autograde``) puis, pour chaque copie qu'on lui confie,
lance le convertisseur ``Autograde`` de nbgrader limité à cet étudiant. C'est le
code de nbgrader lui-même qui exécute et note : les notes sont identiques à
celles de ``nbgrader autograde`` (un test le vérifie).

Pourquoi pas « exécuter en parallèle puis écrire dans le carnet en série » :
il faudrait refaire la chaîne de nbgrader (nettoyage, exécution, notes, pénalités
de retard), au risque de noter autrement que lui. Ici, les processus écrivent
chacun dans le carnet de notes : nbgrader n'y ouvre que des transactions courtes
(avant et après l'exécution, jamais pendant), SQLite fait attendre un écrivain
pendant qu'un autre termine (5 s au plus) et, si l'attente échoue quand même
(« database is locked »), la copie est simplement recorrigée (nbgrader met à jour
la copie existante : ni doublon, ni perte). Avec PostgreSQL (serveur de classe),
les écritures concurrentes sont gérées par le serveur.
"""

from __future__ import annotations

import glob
import json
import logging
import multiprocessing
import os
import random
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Resultat",
    "Bilan",
    "corriger_classe",
    "copies_deposees",
    "texte_bilan",
    "configuration_cours",
]

CORRIGEE, DEJA_CORRIGEE, ECHEC = "corrigée", "déjà corrigée", "échec"
ESSAIS_BASE_VERROUILLEE = 5


@dataclass
class Resultat:
    """Le sort d'une copie : ``statut`` (corrigée, déjà corrigée, échec), raison, durée (s)."""

    etudiant: str
    statut: str
    raison: str = ""
    duree: float = 0.0
    journal: str = ""
    essais: int = 1


@dataclass
class Bilan:
    """Le bilan d'une correction de classe."""

    devoir: str
    resultats: list[Resultat] = field(default_factory=list)
    a_corriger_a_la_main: list[str] = field(default_factory=list)
    duree: float = 0.0
    processus: int = 1

    def par_statut(self, statut: str) -> list[Resultat]:
        return [r for r in self.resultats if r.statut == statut]

    @property
    def echecs(self) -> list[Resultat]:
        return self.par_statut(ECHEC)


# --------------------------------------------------------------------------
# Avant la correction : quelles copies, lesquelles sont d'avance illisibles
# --------------------------------------------------------------------------


def _verifier_copie(dossier: Path, attendus: list[str]) -> str:
    """Raison pour laquelle une copie ne peut pas être corrigée, ou ``""`` si elle peut l'être."""
    presents = sorted(p.name for p in dossier.glob("*.ipynb"))
    trouves = [nom for nom in attendus if nom in presents]
    if not trouves:
        detail = f"fichiers trouvés : {', '.join(presents)}" if presents else "aucun fichier .ipynb"
        return (
            f"notebook manquant : {', '.join(attendus)} attendu dans {dossier} ({detail}). "
            "Renommez la copie avec le nom exact du devoir, puis relancez."
        )
    for nom in trouves:
        try:
            json.loads((dossier / nom).read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as erreur:
            return (
                f"{nom} illisible : ce n'est pas un notebook valide (JSON invalide : {erreur}). "
                "Fichier abîmé au dépôt ou modifié hors de Jupyter : demandez une nouvelle copie."
            )
    return ""


def copies_deposees(
    racine: Path, devoir: str, dossier_rendus: str = "submitted"
) -> tuple[list[str], list[Resultat]]:
    """Les copies déposées d'un devoir : ``(à corriger, en échec d'avance)``.

    Les notebooks attendus sont ceux de la version distribuée (``release/<devoir>``).
    """
    racine = Path(racine)
    attendus = sorted(p.name for p in (racine / "release" / devoir).glob("*.ipynb"))
    if not attendus:
        attendus = sorted(p.name for p in (racine / "source" / devoir).glob("*.ipynb"))
    a_corriger, echecs = [], []
    for dossier in sorted((racine / dossier_rendus).glob(f"*/{glob.escape(devoir)}")):
        if not dossier.is_dir():
            continue
        etudiant = dossier.parent.name
        raison = _verifier_copie(dossier, attendus)
        if raison:
            echecs.append(Resultat(etudiant, ECHEC, raison))
        else:
            a_corriger.append(etudiant)
    return a_corriger, echecs


# --------------------------------------------------------------------------
# Dans chaque processus de travail
# --------------------------------------------------------------------------

_APPLICATION = None


class _Capture(logging.Handler):
    """Garde le journal d'une copie, mis en texte tout de suite : les messages de nbgrader
    citent des objets du carnet de notes illisibles une fois sa session fermée."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lignes: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:
            message = str(record.msg)
        self.lignes.append(f"[{record.levelname}] {message}")


def _demarrer_processus(options: list[str], muet: bool = True) -> None:
    """Charge la configuration nbgrader une fois par processus (comme ``nbgrader autograde``).

    ``muet`` : la sortie d'erreur du processus (et de ses noyaux) part vers ``os.devnull``.
    """
    global _APPLICATION
    from nbgrader.apps.autogradeapp import AutogradeApp

    application = AutogradeApp()
    application.initialize(list(options))
    # le journal de chaque copie est capturé et renvoyé : rien ne s'affiche sous la barre
    application.log.handlers.clear()
    application.log.propagate = False
    if muet:
        # Les noyaux héritent de cette sortie d'erreur : leurs messages de démarrage
        # (« Kernel is running over TCP… ») ne doivent pas s'afficher par-dessus la barre.
        # Ce que le code de l'étudiant écrit sur stderr passe, lui, par le notebook.
        nul = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nul, 2)
        os.close(nul)
    _APPLICATION = application


def _raison_en_francais(journal: str) -> str:
    """La cause d'un échec de nbgrader, reconnue dans son journal, dite en français."""
    connues = (
        ("NotJSONError", "notebook illisible (ce n'est pas du JSON valide)"),
        ("JSONDecodeError", "notebook illisible (ce n'est pas du JSON valide)"),
        ("DeadKernelError", "le noyau Python s'est arrêté pendant l'exécution (mémoire épuisée ?)"),
        (
            "kernel became unresponsive",
            "noyau bloqué : une cellule ne rend pas la main, même interrompue (boucle infinie ?)",
        ),
        (
            "CellTimeoutError",
            "une cellule dépasse le délai d'exécution (Execute.timeout) et ne rend pas la main, "
            "même interrompue (boucle infinie ?)",
        ),
        ("TimeoutError", "délai dépassé (démarrage ou exécution du noyau)"),
        (
            "SchemaTooOld",
            "métadonnées nbgrader trop anciennes (cellules copiées d'un autre devoir ?)",
        ),
        ("SchemaTooNew", "métadonnées nbgrader trop récentes"),
        (
            "MissingEntry",
            "cellule notée inconnue du carnet de notes (cellule copiée ou modifiée ?)",
        ),
        ("No notebooks found", "aucun notebook du devoir dans la copie"),
        ("database is locked", "carnet de notes verrouillé par un autre processus"),
    )
    for motif, raison in connues:
        if motif in journal:
            return raison
    lignes = [ligne.strip() for ligne in journal.splitlines() if ligne.strip()]
    erreurs = [ligne for ligne in lignes if "Error" in ligne or "Exception" in ligne]
    return f"erreur de nbgrader : {(erreurs or lignes or ['inconnue'])[-1]}"


def _corriger_une_copie(devoir: str, etudiant: str, force: bool) -> Resultat:
    """Corrige une copie avec le convertisseur de nbgrader (dans un processus de travail)."""
    from nbgrader.converters import Autograde
    from nbgrader.converters.base import NbGraderException

    application = _APPLICATION
    debut = time.perf_counter()
    precedents = ""  # journal des essais précédents (carnet verrouillé)
    for essai in range(1, ESSAIS_BASE_VERROUILLEE + 1):
        capture = _Capture()
        application.log.addHandler(capture)
        application.coursedir.assignment_id = devoir
        application.coursedir.student_id = glob.escape(etudiant)
        echec = None
        try:
            # force seulement s'il est demandé : sinon, celui de la configuration (--force de nbgrader)
            reglages = {"force": True} if force else {}
            Autograde(coursedir=application.coursedir, parent=application, **reglages).start()
        except NbGraderException as erreur:
            echec = str(erreur)
        except Exception as erreur:  # une copie ne doit jamais arrêter le lot
            echec = f"{type(erreur).__name__}: {erreur}"
        finally:
            application.log.removeHandler(capture)
        courant = "\n".join(capture.lignes) + (f"\n{echec}" if echec else "")
        journal = precedents + courant
        if echec and "database is locked" in courant and essai < ESSAIS_BASE_VERROUILLEE:
            precedents = f"{journal}\n--- carnet verrouillé : nouvel essai ---\n"
            # un autre processus écrit dans le carnet : on recorrige cette copie un peu plus tard
            time.sleep(random.uniform(0.5, 2.0) * essai)
            force = True
            continue
        duree = time.perf_counter() - debut
        if echec:
            return Resultat(etudiant, ECHEC, _raison_en_francais(courant), duree, journal, essai)
        statut = DEJA_CORRIGEE if "Skipping existing assignment" in courant else CORRIGEE
        return Resultat(etudiant, statut, "", duree, journal, essai)
    raise AssertionError("inatteignable")  # la boucle rend toujours un résultat


# --------------------------------------------------------------------------
# Le lot
# --------------------------------------------------------------------------


def coeurs_disponibles() -> int:
    """Les cœurs que ce processus peut utiliser (affinité du conteneur ou de la machine)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # Windows, macOS
        return os.cpu_count() or 1


def processus_par_defaut() -> int:
    """Un processus de plus que de cœurs.

    Une copie passe une partie de son temps à attendre (démarrage du noyau, échanges
    avec lui, écriture du carnet) : un processus en plus garde les cœurs occupés.
    Mesuré sur 2 cœurs, 35 copies de S822 : 72,9 s avec 2 processus, 56,6 s avec 3.
    """
    return coeurs_disponibles() + 1


def configuration_cours(options: list[str]):
    """Le ``CourseDirectory`` de nbgrader (racine, dossiers, carnet) selon sa configuration.

    La configuration est lue comme par ``nbgrader autograde`` : ``nbgrader_config.py``
    du dossier courant et des dossiers Jupyter, plus ``options`` (``--CourseDirectory.root=…``).
    """
    from nbgrader.apps.autogradeapp import AutogradeApp

    application = AutogradeApp()
    application.initialize(list(options))
    application.log.handlers.clear()
    return application.coursedir


def _retirer_du_carnet(url: str, cours: str, devoir: str, echecs: list[Resultat]) -> None:
    """Retire du carnet les copies en échec, que nbgrader y a inscrites avant de planter.

    Sinon elles y resteraient avec des notes vides, comptées 0 à l'export comme si
    elles avaient été corrigées. Une copie qui a déjà des notes manuelles est gardée
    (le travail du professeur ne se perd pas).
    """
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(url, cours) as carnet:
        for resultat in echecs:
            try:
                copie = carnet.find_submission(devoir, resultat.etudiant)
            except MissingEntry:
                continue
            notes_manuelles = any(
                note.manual_score is not None for nb in copie.notebooks for note in nb.grades
            )
            if notes_manuelles:
                resultat.raison += " (notes manuelles déjà saisies : copie gardée dans le carnet)"
            else:
                carnet.remove_submission(devoir, resultat.etudiant)


def _copies_a_la_main(url: str, cours: str, devoir: str, etudiants: list[str]) -> list[str]:
    from nbgrader.api import Gradebook, MissingEntry

    restantes = []
    with Gradebook(url, cours) as carnet:
        for etudiant in etudiants:
            try:
                if carnet.find_submission(devoir, etudiant).needs_manual_grade:
                    restantes.append(etudiant)
            except MissingEntry:
                pass
    return restantes


def corriger_classe(
    devoir: str,
    *,
    racine: str | Path | None = None,
    processus: int | None = None,
    force: bool = False,
    options_nbgrader: list[str] | tuple[str, ...] = (),
    progression: bool = True,
    journal: str | Path | None = None,
) -> Bilan:
    """Corrige toutes les copies déposées de ``devoir`` en parallèle ; renvoie le bilan.

    - ``racine`` : dossier du cours (par défaut, celui de la configuration nbgrader
      du dossier courant, ``grading/`` depuis la racine du dépôt) ;
    - ``processus`` : copies corrigées en même temps (par défaut, :func:`processus_par_defaut`) ;
    - ``force`` : recorriger aussi les copies déjà corrigées (sinon elles sont
      ignorées, comme avec ``nbgrader autograde``) ;
    - ``options_nbgrader`` : options passées à nbgrader (``--Execute.timeout=60``…) ;
    - ``journal`` : fichier où écrire le journal détaillé de chaque copie (par défaut
      ``<racine>/correction_<devoir>.log``).
    """
    from gc_helpers._erreurs import ErreurCours

    debut = time.perf_counter()
    options = list(options_nbgrader)
    if racine is not None:
        options.append(f"--CourseDirectory.root={Path(racine).resolve()}")
    coursedir = configuration_cours(options)
    racine_cours, dossier_rendus, url = (
        Path(coursedir.root),
        coursedir.submitted_directory,
        coursedir.db_url,
    )
    if not (racine_cours / "release" / devoir).is_dir():
        raise ErreurCours(
            f"Devoir « {devoir} » inconnu dans {racine_cours} : pas de version distribuée "
            f"release/{devoir}. Lancez d'abord « nbgrader generate_assignment {devoir} » "
            f"(devoirs existants : {', '.join(sorted(p.name for p in (racine_cours / 'release').glob('*'))) or 'aucun'})."
        )
    a_corriger, echecs = copies_deposees(racine_cours, devoir, dossier_rendus)
    if processus is None:
        processus = processus_par_defaut()
    if processus < 1:
        raise ErreurCours(f"processus = {processus} : il faut au moins 1 processus de correction.")
    processus = max(1, min(processus, len(a_corriger)))
    bilan = Bilan(devoir, list(echecs), processus=processus)

    from tqdm import tqdm

    barre = tqdm(
        total=len(a_corriger) + len(echecs),
        desc=f"Correction de {devoir}",
        unit="copie",
        disable=not progression,
    )
    barre.update(len(echecs))
    if a_corriger:
        # « spawn » : des processus neufs, comme sous Windows (pas d'état hérité du parent).
        contexte = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            processus, mp_context=contexte, initializer=_demarrer_processus, initargs=(options,)
        ) as groupe:
            taches = {
                groupe.submit(_corriger_une_copie, devoir, etudiant, force): etudiant
                for etudiant in a_corriger
            }
            for tache in as_completed(taches):
                try:
                    resultat = tache.result()
                except BrokenProcessPool as erreur:
                    resultat = Resultat(
                        taches[tache], ECHEC, f"processus de correction arrêté net ({erreur})"
                    )
                except Exception as erreur:  # jamais d'arrêt du lot pour une copie
                    resultat = Resultat(
                        taches[tache],
                        ECHEC,
                        f"erreur inattendue : {type(erreur).__name__}: {erreur}",
                    )
                bilan.resultats.append(resultat)
                barre.update(1)
                barre.set_postfix(échecs=len(bilan.echecs))
    barre.close()

    bilan.resultats.sort(key=lambda r: r.etudiant)
    _retirer_du_carnet(url, coursedir.course_id, devoir, bilan.echecs)
    corrigees = [r.etudiant for r in bilan.resultats if r.statut != ECHEC]
    bilan.a_corriger_a_la_main = _copies_a_la_main(url, coursedir.course_id, devoir, corrigees)
    bilan.duree = time.perf_counter() - debut
    chemin = Path(journal) if journal else racine_cours / f"correction_{devoir}.log"
    chemin.write_text(
        "\n\n".join(
            f"===== {r.etudiant} : {r.statut} ({r.duree:.1f} s, {r.essais} essai(s)) "
            f"{r.raison}\n{r.journal}"
            for r in bilan.resultats
        )
        + "\n",
        encoding="utf-8",
    )
    return bilan


def texte_bilan(bilan: Bilan) -> str:
    """Le bilan en français, pour le terminal."""
    corrigees = bilan.par_statut(CORRIGEE)
    deja = bilan.par_statut(DEJA_CORRIGEE)
    lignes = [
        f"Bilan de la correction de {bilan.devoir} "
        f"({bilan.duree:.0f} s, {bilan.processus} processus en parallèle) :",
        f"- corrigées : {len(corrigees)}",
    ]
    if deja:
        lignes.append(
            f"- déjà corrigées, laissées telles quelles : {len(deja)} "
            "(ajoutez --force pour les recorriger)"
        )
    lignes.append(
        f"- en échec : {len(bilan.echecs)}"
        + (" (hors du carnet de notes, donc « ABS » à l'export)" if bilan.echecs else "")
    )
    lignes += [f"    {r.etudiant} : {r.raison}" for r in bilan.echecs]
    lignes.append(f"- à corriger à la main (formgrader) : {len(bilan.a_corriger_a_la_main)}")
    if bilan.a_corriger_a_la_main:
        lignes.append("    " + ", ".join(bilan.a_corriger_a_la_main))
    return "\n".join(lignes)
