"""make lab démarre un vrai JupyterLab sur 127.0.0.1, avec nbgrader branché sur grading/."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parent.parent


def _port_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _lire(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as reponse:
        return reponse.status, reponse.read().decode("utf-8")


@pytest.fixture(scope="module")
def serveur():
    port, jeton = _port_libre(), secrets.token_hex(16)
    processus = subprocess.Popen(
        ["make", "lab", f"PORT={port}", f"LAB_ARGS=--no-browser --IdentityProvider.token={jeton}"],
        cwd=RACINE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env={**os.environ, "BROWSER": "true"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                _lire(f"{base}/api/status?token={jeton}")
                break
            except OSError:
                if processus.poll() is not None:
                    pytest.fail("make lab s'est arrêté :\n" + processus.stdout.read())
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab n'a pas répondu en 60 s")
        yield base, jeton
    finally:
        os.killpg(processus.pid, signal.SIGTERM)
        processus.wait(timeout=30)


@pytest.mark.lent
def test_lab_ouvre_le_sommaire(serveur):
    base, jeton = serveur
    statut, page = _lire(f"{base}/lab/tree/notebooks/00_sommaire.ipynb?token={jeton}")
    assert statut == 200 and "JupyterLab" in page
    _, contenu = _lire(f"{base}/api/contents/notebooks?token={jeton}")
    noms = {f["name"] for f in json.loads(contenu)["content"]}
    assert {"00_sommaire.ipynb", "S822_bases_de_donnees.ipynb"} <= noms


@pytest.mark.lent
def test_le_formgrader_voit_les_devoirs_du_cours(serveur):
    base, jeton = serveur
    _, texte = _lire(f"{base}/formgrader/api/assignments?token={jeton}")
    devoirs = {d["name"] for d in json.loads(texte)}
    attendus = {p.name for p in (RACINE / "grading" / "source").iterdir() if p.is_dir()}
    assert attendus and attendus <= devoirs


def _adresses_en_ecoute(port: int) -> set[str]:
    """Adresses locales des sockets TCP en écoute sur ``port`` (lecture de /proc/net/tcp*)."""
    adresses = set()
    for fichier in ("/proc/net/tcp", "/proc/net/tcp6"):
        for ligne in Path(fichier).read_text().splitlines()[1:]:
            champs = ligne.split()
            adresse, port_hex = champs[1].rsplit(":", 1)
            if int(port_hex, 16) == port and champs[3] == "0A":  # 0A = LISTEN
                adresses.add(adresse)
    return adresses


@pytest.mark.lent
def test_n_ecoute_que_sur_la_boucle_locale(serveur):
    base, _ = serveur
    adresses = _adresses_en_ecoute(int(base.rsplit(":", 1)[1]))
    boucle_locale = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1 et ::1
    assert adresses, "aucun socket en écoute trouvé pour le serveur"
    assert adresses <= boucle_locale, f"JupyterLab écoute hors de la boucle locale : {adresses}"
