#!/usr/bin/env python3
"""Comptes du serveur JupyterHub du cours : un professeur, des classes d'étudiants.

À lancer en root, avec le Python de l'environnement du cours :

    gc_hub.py professeur dupont --depot /opt/gestion-clientele/depot \\
        --base-notes postgresql://dupont@127.0.0.1:5432/gestion_clientele
    gc_hub.py classe bts1.csv --classe bts1 --professeur dupont

``professeur`` crée le compte Unix du professeur (groupe des professeurs, donc
administrateur du hub), son dossier de cours ``~/gestion-clientele`` (configuration et
devoirs du dépôt), sa configuration nbgrader (carnet de notes PostgreSQL) et son dossier
dans l'échange. ``classe`` lit la liste des étudiants (CSV : identifiant;nom;prenom;email),
crée un compte Unix par étudiant (groupe des étudiants : autorisé sur le hub), écrit les
mots de passe initiaux dans un CSV réservé à root, et inscrit les étudiants dans le carnet
de notes du professeur (``nbgrader db student import``, lancé sous son compte).
Relancer une commande ne recrée rien : les comptes existants sont gardés.
"""

from __future__ import annotations

import argparse
import csv
import grp
import io
import os
import pwd
import re
import secrets
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

COURS = "gestion-clientele"
DOSSIER_COURS = "gestion-clientele"  # dans le dossier personnel du professeur
# Ce que le professeur reçoit du dossier grading/ du dépôt : configuration, modèles, devoirs.
FICHIERS_COURS = ("nbgrader_config.py", "modeles", "source")
# Identifiant Unix accepté : minuscules, chiffres, tiret, point, souligné ; 32 caractères au plus.
IDENTIFIANT = re.compile(r"^[a-z_][a-z0-9_.-]{0,31}$")
COLONNES = ("identifiant", "nom", "prenom", "email")


class ErreurCompte(Exception):
    """Problème dans la demande : le message dit quoi corriger."""


@dataclass(frozen=True)
class Etudiant:
    identifiant: str
    nom: str
    prenom: str
    email: str = ""


# --------------------------------------------------------------------------
# Lecture de la liste de classe
# --------------------------------------------------------------------------


def lire_classe(texte: str) -> list[Etudiant]:
    """Les étudiants d'une liste CSV (séparateur « ; » ou « , », BOM accepté).

    >>> lire_classe("identifiant;nom;prenom\\nadupont;Dupont;Anne\\n")
    [Etudiant(identifiant='adupont', nom='Dupont', prenom='Anne', email='')]
    """
    texte = texte.lstrip("\ufeff")
    premiere = texte.splitlines()[0] if texte.strip() else ""
    separateur = ";" if premiere.count(";") >= premiere.count(",") else ","
    lecteur = csv.DictReader(io.StringIO(texte), delimiter=separateur)
    entetes = [(e or "").strip().lower() for e in (lecteur.fieldnames or [])]
    manquantes = [c for c in COLONNES[:3] if c not in entetes]
    if manquantes:
        raise ErreurCompte(
            f"Colonnes manquantes dans la liste de classe : {', '.join(manquantes)}. "
            f"Colonnes reçues : {', '.join(entetes) or '(aucune)'}. La première ligne doit être "
            "« identifiant;nom;prenom;email » (email facultatif)."
        )
    etudiants, vus, erreurs = [], set(), []
    for numero, ligne in enumerate(lecteur, start=2):
        ligne = {(k or "").strip().lower(): (v or "").strip() for k, v in ligne.items()}
        identifiant = ligne.get("identifiant", "")
        if not any(ligne.values()):
            continue  # ligne vide d'un tableur
        if not IDENTIFIANT.match(identifiant):
            erreurs.append(
                f"ligne {numero} : identifiant « {identifiant} » refusé (minuscules sans accent, "
                "chiffres, « . », « - » ou « _ », 32 caractères au plus, sans chiffre au début)"
            )
        elif identifiant in vus:
            erreurs.append(f"ligne {numero} : identifiant « {identifiant} » en double")
        vus.add(identifiant)
        etudiants.append(
            Etudiant(
                identifiant, ligne.get("nom", ""), ligne.get("prenom", ""), ligne.get("email", "")
            )
        )
    if erreurs:
        raise ErreurCompte("Liste de classe à corriger :\n  " + "\n  ".join(erreurs))
    if not etudiants:
        raise ErreurCompte("La liste de classe ne contient aucun étudiant.")
    return etudiants


# --------------------------------------------------------------------------
# Comptes Unix
# --------------------------------------------------------------------------


def lancer(*commande: str, **options) -> subprocess.CompletedProcess:
    """Lance une commande système ; en cas d'échec, l'erreur contient sa sortie."""
    fini = subprocess.run(commande, capture_output=True, text=True, check=False, **options)
    if fini.returncode != 0:
        raise ErreurCompte(
            f"La commande « {' '.join(commande)} » a échoué (code {fini.returncode}) :\n"
            f"{fini.stdout}{fini.stderr}"
        )
    return fini


def creer_groupe(nom: str) -> None:
    try:
        grp.getgrnam(nom)
    except KeyError:
        lancer("groupadd", nom)


def existe(identifiant: str) -> bool:
    try:
        pwd.getpwnam(identifiant)
    except KeyError:
        return False
    return True


def creer_compte(
    identifiant: str, nom_complet: str, groupes: list[str], base_home: Path
) -> str | None:
    """Crée le compte Unix (dossier personnel privé) ; renvoie le mot de passe initial, ou None
    si le compte existait déjà (il est seulement ajouté aux groupes)."""
    for groupe in groupes:
        creer_groupe(groupe)
    if existe(identifiant):
        for groupe in groupes:
            lancer("usermod", "-a", "-G", groupe, identifiant)
        return None
    lancer(
        "useradd",
        "--create-home",
        "--home-dir",
        str(base_home / identifiant),
        "--shell",
        "/bin/bash",
        "--comment",
        nom_complet.replace(":", " "),
        "--groups",
        ",".join(groupes),
        identifiant,
    )
    # Dossier personnel privé : un étudiant ne lit pas les notebooks d'un autre.
    os.chmod(base_home / identifiant, 0o700)
    mot_de_passe = secrets.token_urlsafe(9)
    lancer("chpasswd", input=f"{identifiant}:{mot_de_passe}\n")
    return mot_de_passe


def comme(identifiant: str, *commande: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Lance une commande sous le compte ``identifiant`` : ses groupes, son HOME, un environnement
    propre (rien de celui de root) avec les outils de l'environnement du cours en tête du PATH."""
    compte = pwd.getpwnam(identifiant)
    chemin = os.pathsep.join(
        [str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"]
    )
    variables = [f"HOME={compte.pw_dir}", f"USER={identifiant}", f"PATH={chemin}", "LANG=C.UTF-8"]
    return lancer("runuser", "-u", identifiant, "--", "env", "-i", *variables, *commande, cwd=cwd)


def donner(chemin: Path, identifiant: str) -> None:
    """Donne ``chemin`` (et son contenu) au compte ``identifiant``."""
    compte = pwd.getpwnam(identifiant)
    os.chown(chemin, compte.pw_uid, compte.pw_gid)
    for dossier, sous_dossiers, fichiers in os.walk(chemin):
        os.chown(dossier, compte.pw_uid, compte.pw_gid)
        for nom in sous_dossiers + fichiers:
            os.chown(
                os.path.join(dossier, nom), compte.pw_uid, compte.pw_gid, follow_symlinks=False
            )


# --------------------------------------------------------------------------
# Commandes
# --------------------------------------------------------------------------


def professeur(args: argparse.Namespace) -> None:
    identifiant = args.identifiant
    if not IDENTIFIANT.match(identifiant):
        raise ErreurCompte(
            f"Identifiant de professeur « {identifiant} » refusé (minuscules, chiffres, . - _)."
        )
    grading = Path(args.depot) / "grading"
    if not (grading / "nbgrader_config.py").is_file():
        raise ErreurCompte(
            f"Dépôt du cours introuvable : {grading / 'nbgrader_config.py'} n'existe pas. "
            "Donnez avec --depot le dossier du dépôt (celui qui contient grading/)."
        )
    mot_de_passe = creer_compte(
        identifiant, args.nom or identifiant, [args.groupe_profs], Path(args.base_home)
    )
    home = Path(pwd.getpwnam(identifiant).pw_dir)

    cours = home / DOSSIER_COURS
    cours.mkdir(exist_ok=True)
    for nom in FICHIERS_COURS:
        origine, cible = grading / nom, cours / nom
        if origine.is_dir():
            # Les devoirs déjà modifiés par le professeur sont gardés.
            shutil.copytree(
                origine, cible, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(origine, cible)

    jupyter = home / ".jupyter"
    jupyter.mkdir(exist_ok=True)
    (jupyter / "nbgrader_config.py").write_text(
        "# Écrit par gc_hub.py : le cours du professeur et son carnet de notes PostgreSQL.\n"
        "c = get_config()  # noqa: F821\n"
        f"load_subconfig({str(cours / 'nbgrader_config.py')!r})  # noqa: F821\n"
        f"c.CourseDirectory.db_url = {args.base_notes!r}\n",
        encoding="utf-8",
    )
    mot_de_passe_base = os.environ.get("GC_HUB_MOT_DE_PASSE_BASE")
    if mot_de_passe_base:
        # Mot de passe PostgreSQL lu par libpq dans ~/.pgpass (jamais dans la configuration).
        pgpass = home / ".pgpass"
        pgpass.write_text(f"*:*:*:*:{mot_de_passe_base}\n", encoding="utf-8")
        os.chmod(pgpass, 0o600)
    donner(cours, identifiant)
    donner(jupyter, identifiant)
    if mot_de_passe_base:
        donner(home / ".pgpass", identifiant)

    # Dossier du cours dans l'échange, au professeur dès l'installation : un étudiant ne peut
    # pas le créer avant lui (le dossier d'échange est en 1777 : chacun garde ce qu'il crée).
    echange = Path(args.echange)
    echange.mkdir(parents=True, exist_ok=True)
    os.chmod(echange, 0o1777)
    dossier_cours = echange / COURS
    dossier_cours.mkdir(exist_ok=True)
    os.chmod(dossier_cours, 0o755)
    donner(dossier_cours, identifiant)

    # Le carnet de notes est créé tout de suite (toute commande « nbgrader db » crée les tables
    # d'une base vide ; « db upgrade », lui, ne sait que migrer une base existante) : une erreur
    # de connexion se voit maintenant, pas au premier devoir.
    comme(
        identifiant,
        str(Path(sys.executable).parent / "nbgrader"),
        "db",
        "student",
        "list",
        cwd=cours,
    )
    print(f"Professeur « {identifiant} » prêt : cours dans {cours}.")
    if mot_de_passe:
        print(f"Mot de passe initial de {identifiant} : {mot_de_passe}")


def classe(args: argparse.Namespace) -> None:
    chemin = Path(args.liste)
    if not chemin.is_file():
        raise ErreurCompte(f"Liste de classe introuvable : {chemin}.")
    etudiants = lire_classe(chemin.read_text(encoding="utf-8-sig"))
    groupes = [args.groupe_eleves]
    if args.classe:
        if not IDENTIFIANT.match(f"gc-{args.classe}"):
            raise ErreurCompte(
                f"Nom de classe « {args.classe} » refusé (minuscules, chiffres, . - _)."
            )
        groupes.append(f"gc-{args.classe}")
    nouveaux = []
    for etudiant in etudiants:
        nom_complet = f"{etudiant.prenom} {etudiant.nom}".strip()
        mot_de_passe = creer_compte(
            etudiant.identifiant, nom_complet, groupes, Path(args.base_home)
        )
        if mot_de_passe:
            nouveaux.append((etudiant, mot_de_passe))

    # Mots de passe initiaux : un CSV lisible par root seul, à distribuer puis à détruire.
    sortie = Path(args.mots_de_passe or f"mots_de_passe_{args.classe or 'classe'}.csv")
    with open(
        os.open(sortie, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "a", encoding="utf-8"
    ) as f:
        for etudiant, mot_de_passe in nouveaux:
            f.write(f"{etudiant.identifiant};{etudiant.nom};{etudiant.prenom};{mot_de_passe}\n")

    if args.professeur:
        # Inscription dans le carnet de notes du professeur, avec sa configuration à lui.
        home = Path(pwd.getpwnam(args.professeur).pw_dir)
        cours = home / DOSSIER_COURS
        import_csv = cours / f"etudiants_{args.classe or 'classe'}.csv"
        with open(import_csv, "w", encoding="utf-8", newline="") as f:
            ecrivain = csv.writer(f)
            ecrivain.writerow(["id", "last_name", "first_name", "email"])
            for e in etudiants:
                ecrivain.writerow([e.identifiant, e.nom, e.prenom, e.email])
        donner(import_csv, args.professeur)
        nbgrader = str(Path(sys.executable).parent / "nbgrader")
        comme(args.professeur, nbgrader, "db", "student", "import", str(import_csv), cwd=cours)
    print(
        f"{len(etudiants)} étudiant(s) dans la liste, {len(nouveaux)} compte(s) créé(s) ; "
        f"mots de passe initiaux dans {sortie}."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-home", default="/home", help="dossier des dossiers personnels")
    parser.add_argument("--groupe-profs", default=os.environ.get("GC_HUB_GROUPE_PROFS", "gc-profs"))
    parser.add_argument(
        "--groupe-eleves", default=os.environ.get("GC_HUB_GROUPE_ELEVES", "gc-eleves")
    )
    sous = parser.add_subparsers(dest="commande", required=True)

    p = sous.add_parser("professeur", help="crée le compte et le cours d'un professeur")
    p.add_argument("identifiant")
    p.add_argument("--nom", default="")
    p.add_argument("--depot", required=True, help="dossier du dépôt du cours (contient grading/)")
    p.add_argument("--base-notes", required=True, help="URL PostgreSQL du carnet de notes")
    p.add_argument("--echange", default=os.environ.get("GC_HUB_ECHANGE", "/srv/nbgrader/exchange"))
    p.set_defaults(action=professeur)

    c = sous.add_parser("classe", help="crée les comptes d'une liste d'étudiants (CSV)")
    c.add_argument("liste", help="CSV identifiant;nom;prenom;email")
    c.add_argument("--classe", default="", help="nom court de la classe (groupe Unix gc-<classe>)")
    c.add_argument(
        "--professeur", default="", help="inscrit les étudiants dans son carnet de notes"
    )
    c.add_argument("--mots-de-passe", default="", help="CSV des mots de passe initiaux")
    c.set_defaults(action=classe)

    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("gc_hub.py crée des comptes Unix : lancez-le en root (sudo).", file=sys.stderr)
        return 2
    try:
        args.action(args)
    except ErreurCompte as erreur:
        print(f"Erreur : {erreur}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
