"""Démarrer le vrai « make lab » pour les tests (un serveur par module de tests)."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Serveur:
    base: str
    jeton: str

    def url(self, chemin: str) -> str:
        separateur = "&" if "?" in chemin else "?"
        return f"{self.base}{chemin}{separateur}token={self.jeton}"


def port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lire(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as reponse:
        return reponse.status, reponse.read().decode("utf-8")


def copie_du_depot(dossier: Path) -> Path:
    """Copie légère du dépôt pour y lancer « make lab » sans toucher aux vrais fichiers.

    JupyterLab enregistre automatiquement les notebooks ouverts : des sorties
    finiraient dans le dépôt. La copie reprend ce que sert make lab (Makefile,
    configurations, notebooks, cours nbgrader sans données d'étudiants) et
    réutilise l'environnement .venv du dépôt (lien symbolique ; pyproject.toml
    copié avec sa date, pour que make ne réinstalle rien).
    """
    dossier.mkdir(parents=True, exist_ok=True)
    for nom in ("Makefile", "pyproject.toml", "nbgrader_config.py", "jupyter_lab_config.py"):
        shutil.copy2(RACINE / nom, dossier / nom)
    shutil.copytree(RACINE / "notebooks", dossier / "notebooks")
    shutil.copytree(RACINE / "jupyterlab", dossier / "jupyterlab")
    donnees_etudiants = (
        "gradebook.db",
        "release",
        "submitted",
        "autograded",
        "feedback",
        "echange",
    )
    shutil.copytree(
        RACINE / "grading", dossier / "grading", ignore=shutil.ignore_patterns(*donnees_etudiants)
    )
    (dossier / ".venv").symlink_to(RACINE / ".venv")
    return dossier


@contextlib.contextmanager
def lancer_lab(*options: str, depot: Path = RACINE, delai: float = 90) -> Iterator[Serveur]:
    """Lance ``make lab`` dans ``depot`` sur un port libre et l'arrête à la fin.

    ``options`` : options de JupyterLab en plus (``LAB_ARGS``).
    """
    port, jeton = port_libre(), secrets.token_hex(16)
    arguments = " ".join(["--no-browser", f"--IdentityProvider.token={jeton}", *options])
    processus = subprocess.Popen(
        ["make", "lab", f"PORT={port}", f"LAB_ARGS={arguments}"],
        cwd=depot,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env={**os.environ, "BROWSER": "true"},
    )
    serveur = Serveur(f"http://127.0.0.1:{port}", jeton)
    try:
        fin = time.monotonic() + delai
        while True:
            try:
                lire(serveur.url("/api/status"))
                break
            except OSError:
                if processus.poll() is not None:
                    raise RuntimeError(
                        "make lab s'est arrêté :\n" + processus.stdout.read()
                    ) from None
                if time.monotonic() > fin:
                    raise RuntimeError(f"JupyterLab n'a pas répondu en {delai:.0f} s") from None
                time.sleep(0.5)
        yield serveur
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(processus.pid, signal.SIGTERM)
        processus.wait(timeout=30)
