"""Ramassage des copies téléchargées d'une plateforme (Moodle, ENT) et liste des élèves.

Sans serveur JupyterHub, les élèves déposent leur notebook sur la plateforme et le
professeur télécharge **un zip** de tous les dépôts. ``nbgrader zip_collect`` range
alors chaque copie dans ``submitted/<identifiant>/<devoir>/``. Il faut lui dire
quel élève a déposé quel fichier : c'est le rôle de :class:`CollecteurLMS`
(configuré dans ``grading/nbgrader_config.py``), qui reconnaît les noms de
fichiers usuels :

Moodle (« Télécharger tous les travaux remis », avec ou sans dossiers) ::

    Élodie Dupont_1234567_assignsubmission_file_/S822-requetes-sql.ipynb
    Élodie Dupont_1234567_assignsubmission_file_S822-requetes-sql.ipynb

Moodle nomme les fichiers avec le **nom complet** de l'élève et un numéro de
participant propre à chaque devoir : l'élève est retrouvé par son nom dans la liste
de la classe (prénom et nom dans n'importe quel ordre, sans tenir compte des
accents ni des majuscules), ou par ce numéro s'il a été saisi dans la colonne
``id_lms`` de la liste.

Nom simple (ENT, dépôt dans un dossier partagé) ::

    e.dupont_S822-requetes-sql.ipynb          (<identifiant>_<notebook>.ipynb)

Autre plateforme : définir ``c.CollecteurLMS.motifs`` (expressions régulières
avec les groupes ``file_id`` et ``student_id``, ou ``nom_complet``, ou
``first_name`` et ``last_name`` ; ``id_lms`` en option), essayées dans l'ordre
sur le chemin du fichier (séparateurs ``/``).

Un devoir à un seul notebook est reconnu même si l'élève a renommé son fichier
(« S822-requetes-sql (1).ipynb », « devoir dupont.ipynb ») : la copie est rangée
sous le nom attendu, avec un avertissement.

La liste de la classe (``identifiant;nom;prénom``, plus ``courriel`` et ``id_lms``
en option) s'inscrit dans le carnet de notes avec
``python -m gc_helpers.notation eleves liste.csv`` (:func:`inscrire_eleves`).
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from nbgrader.plugins import FileNameCollectorPlugin
from traitlets import List, Unicode

from gc_helpers._erreurs import ErreurCours

__all__ = [
    "MOTIF_MOODLE",
    "MOTIF_SIMPLE",
    "CollecteurLMS",
    "Eleve",
    "identifier_eleve",
    "lire_liste_eleves",
    "inscrire_eleves",
]

#: Moodle : « Prénom Nom_<n° de participant>_assignsubmission_file_ » puis le fichier,
#: dans un dossier à ce nom (option « télécharger dans des dossiers ») ou collé au nom.
MOTIF_MOODLE = (
    r".*/(?P<nom_complet>[^/_]+)_(?P<id_lms>\d+)_assignsubmission_file_/?"
    r"(?:.*/)?(?P<file_id>[^/]+)$"
)
#: Nom simple : « <identifiant>_<notebook>.ipynb » (l'identifiant sans « _ »).
MOTIF_SIMPLE = r".*/(?P<student_id>[^/_]+)_(?P<file_id>[^/]+)$"


@dataclass(frozen=True)
class Eleve:
    """Un élève de la liste de la classe."""

    identifiant: str
    nom: str = ""
    prenom: str = ""
    courriel: str = ""
    id_lms: str = ""


def _mots(texte: str) -> tuple[str, ...]:
    """Les mots d'un nom, sans accents ni majuscules, triés (l'ordre prénom/nom n'importe pas).

    >>> _mots("DUPONT Élodie-Marie")
    ('dupont', 'elodie', 'marie')
    """
    sans_accents = "".join(
        c for c in unicodedata.normalize("NFKD", texte) if not unicodedata.combining(c)
    )
    return tuple(sorted(re.findall(r"[a-z0-9]+", sans_accents.casefold())))


def identifier_eleve(infos: dict[str, str | None], eleves: list[Eleve]) -> tuple[str | None, str]:
    """L'identifiant nbgrader de l'élève d'un fichier déposé : ``(identifiant, problème)``.

    ``infos`` : les groupes reconnus dans le nom du fichier (``student_id``,
    ``nom_complet``, ``first_name``, ``last_name``, ``id_lms``). ``problème`` est
    vide quand l'élève est trouvé ; sinon l'identifiant vaut ``None``.

    >>> classe = [Eleve("e.dupont", "Dupont", "Élodie"), Eleve("j.martin", "Martin", "Jules")]
    >>> identifier_eleve({"nom_complet": "elodie DUPONT"}, classe)
    ('e.dupont', '')
    >>> identifier_eleve({"student_id": "j.martin"}, classe)
    ('j.martin', '')
    >>> identifier_eleve({"nom_complet": "Jules Martins"}, classe)[1]
    "élève « Jules Martins » absent de la liste de la classe ..."
    """
    if infos.get("id_lms"):
        par_lms = [e for e in eleves if e.id_lms and e.id_lms == infos["id_lms"]]
        if len(par_lms) == 1:
            return par_lms[0].identifiant, ""
    if infos.get("student_id"):
        identifiant = infos["student_id"]
        if eleves and identifiant not in {e.identifiant for e in eleves}:
            return None, (
                f"identifiant « {identifiant} » absent de la liste de la classe : ajoutez-le à la "
                "liste (python -m gc_helpers.notation eleves liste.csv) ou renommez le fichier"
            )
        return identifiant, ""
    nom = infos.get("nom_complet") or " ".join(
        filter(None, (infos.get("first_name"), infos.get("last_name")))
    )
    if not nom:
        return None, "ni identifiant ni nom d'élève reconnu dans le nom du fichier"
    cherche = _mots(nom)
    trouves = [e for e in eleves if _mots(f"{e.prenom} {e.nom}") == cherche]
    if len(trouves) == 1:
        return trouves[0].identifiant, ""
    if not trouves:
        return None, (
            f"élève « {nom} » absent de la liste de la classe ({len(eleves)} élèves inscrits) : "
            "vérifiez l'orthographe dans la liste, puis relancez "
            "python -m gc_helpers.notation eleves liste.csv"
        )
    return None, (
        f"plusieurs élèves s'appellent « {nom} » ({', '.join(e.identifiant for e in trouves)}) : "
        "renseignez leur numéro Moodle dans la colonne id_lms de la liste"
    )


class CollecteurLMS(FileNameCollectorPlugin):
    """Greffon de ``nbgrader zip_collect`` : noms de fichiers Moodle ou ``<identifiant>_<nb>``."""

    motifs = List(
        Unicode(),
        default_value=[MOTIF_MOODLE, MOTIF_SIMPLE],
        help="Expressions régulières essayées dans l'ordre sur le chemin de chaque fichier.",
    ).tag(config=True)

    _eleves: list[Eleve] | None = None

    def _coursedir(self):
        return getattr(self.parent, "coursedir", None)

    def eleves(self) -> list[Eleve]:
        """La liste de la classe, lue une fois dans le carnet de notes."""
        if self._eleves is None:
            from nbgrader.api import Gradebook

            coursedir = self._coursedir()
            self._eleves = []
            if coursedir is not None:
                with Gradebook(coursedir.db_url, coursedir.course_id) as carnet:
                    self._eleves = [
                        Eleve(
                            s.id,
                            s.last_name or "",
                            s.first_name or "",
                            s.email or "",
                            s.lms_user_id or "",
                        )
                        for s in carnet.students
                    ]
        return self._eleves

    def _notebooks_distribues(self) -> list[str]:
        coursedir = self._coursedir()
        if coursedir is None:
            return []
        dossier = Path(
            coursedir.format_path(coursedir.release_directory, ".", coursedir.assignment_id)
        )
        return sorted(p.name for p in dossier.glob("*.ipynb"))

    def collect(self, submitted_file: str) -> dict | None:
        if os.path.splitext(submitted_file)[1] not in self.valid_ext:
            return None
        chemin = Path(submitted_file).as_posix()  # sous Windows aussi : séparateurs « / »
        motifs = [m for m in (self.named_regexp, *self.motifs) if m]
        infos = None
        for motif in motifs:
            trouve = re.match(motif, chemin)
            if trouve:
                infos = {k: v for k, v in trouve.groupdict().items() if v}
                break
        if infos is None or "file_id" not in infos:
            self.log.warning("Fichier ignoré, nom non reconnu : %s", submitted_file)
            return None
        identifiant, probleme = identifier_eleve(infos, self.eleves())
        if identifiant is None:
            self.log.warning("Fichier ignoré : %s (%s)", submitted_file, probleme)
            return None
        distribues = self._notebooks_distribues()
        if len(distribues) == 1 and infos["file_id"] != distribues[0]:
            self.log.warning(
                "%s : fichier « %s » rangé sous le nom attendu « %s »",
                identifiant,
                infos["file_id"],
                distribues[0],
            )
            infos["file_id"] = distribues[0]
        resultat = {"student_id": identifiant, "file_id": infos["file_id"]}
        if infos.get("timestamp"):
            resultat["timestamp"] = infos["timestamp"]
        return resultat


# --------------------------------------------------------------------------
# Liste de la classe
# --------------------------------------------------------------------------

_COLONNES = {
    "identifiant": "identifiant",
    "id": "identifiant",
    "login": "identifiant",
    "nom": "nom",
    "prenom": "prenom",
    "courriel": "courriel",
    "email": "courriel",
    "mail": "courriel",
    "id_lms": "id_lms",
}


def lire_liste_eleves(chemin: str | Path) -> list[Eleve]:
    """Lit la liste de la classe : CSV ``identifiant;nom;prénom[;courriel][;id_lms]``.

    Séparateur ``;`` ou ``,``, UTF-8 (avec ou sans BOM) ou Windows-1252 (CSV
    enregistré par Excel), en-têtes sans tenir compte des accents ni des majuscules.
    """
    brut = Path(chemin).read_bytes()
    try:
        texte = brut.decode("utf-8-sig")
    except UnicodeDecodeError:
        texte = brut.decode("cp1252")
    premiere = texte.splitlines()[0] if texte.strip() else ""
    separateur = ";" if premiere.count(";") >= premiere.count(",") else ","
    lecteur = csv.reader(io.StringIO(texte), delimiter=separateur)
    entetes = next(lecteur, [])
    colonnes = [_COLONNES.get(_sans_accents(e), None) for e in entetes]
    if "identifiant" not in colonnes:
        raise ErreurCours(
            f"Liste des élèves {chemin} : colonne « identifiant » introuvable (en-têtes lus : "
            f"{', '.join(entetes) or 'aucun'}, séparateur « {separateur} »). Première ligne "
            "attendue : identifiant;nom;prénom (courriel et id_lms en option)."
        )
    eleves, vus = [], {}
    for numero, ligne in enumerate(lecteur, start=2):
        if not any(case.strip() for case in ligne):
            continue
        valeurs = {c: v.strip() for c, v in zip(colonnes, ligne, strict=False) if c}
        identifiant = valeurs.get("identifiant", "")
        if not identifiant:
            raise ErreurCours(
                f"Liste des élèves {chemin}, ligne {numero} : identifiant vide ({';'.join(ligne)}). "
                "Chaque élève a besoin d'un identifiant unique (login de l'ENT, par exemple)."
            )
        if identifiant in vus:
            raise ErreurCours(
                f"Liste des élèves {chemin} : identifiant « {identifiant} » en double "
                f"(lignes {vus[identifiant]} et {numero}). Chaque identifiant doit être unique."
            )
        vus[identifiant] = numero
        eleves.append(
            Eleve(
                identifiant,
                valeurs.get("nom", ""),
                valeurs.get("prenom", ""),
                valeurs.get("courriel", ""),
                valeurs.get("id_lms", ""),
            )
        )
    return eleves


def _sans_accents(texte: str) -> str:
    """En-tête normalisé : ``« Prénom »`` → ``prenom``, ``« ID LMS »`` → ``id_lms``."""
    decompose = unicodedata.normalize("NFKD", texte.strip().casefold())
    simple = "".join(c for c in decompose if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", simple).strip("_")


def inscrire_eleves(
    chemin: str | Path, *, racine: str | Path | None = None, url: str | None = None
) -> list[Eleve]:
    """Inscrit (ou met à jour) les élèves de la liste dans le carnet de notes nbgrader.

    Même effet que ``nbgrader db student import``, mais depuis une liste française
    (``;``, en-têtes ``identifiant;nom;prénom``). ``url`` : adresse du carnet ;
    sinon celle de la configuration nbgrader (avec ``racine`` si donnée).
    """
    from nbgrader.api import Gradebook

    eleves = lire_liste_eleves(chemin)
    cours = "default_course"  # celui de nbgrader quand aucun n'est configuré
    if url is None:
        from gc_helpers.notation.corriger import configuration_cours

        options = [f"--CourseDirectory.root={Path(racine).resolve()}"] if racine else []
        coursedir = configuration_cours(options)
        url, cours = coursedir.db_url, coursedir.course_id
    with Gradebook(url, cours) as carnet:
        for eleve in eleves:
            carnet.update_or_create_student(
                eleve.identifiant,
                last_name=eleve.nom or None,
                first_name=eleve.prenom or None,
                email=eleve.courriel or None,
                lms_user_id=eleve.id_lms or None,
            )
    return eleves
