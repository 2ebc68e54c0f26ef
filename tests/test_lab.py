"""make lab démarre un vrai JupyterLab sur 127.0.0.1, avec nbgrader branché sur grading/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from outils_lab import lancer_lab, lire

RACINE = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def serveur():
    with lancer_lab() as lance:
        yield lance.base, lance.jeton


@pytest.mark.lent
def test_lab_ouvre_le_sommaire(serveur):
    base, jeton = serveur
    statut, page = lire(f"{base}/lab/tree/notebooks/00_sommaire.ipynb?token={jeton}")
    assert statut == 200 and "JupyterLab" in page
    _, contenu = lire(f"{base}/api/contents/notebooks?token={jeton}")
    noms = {f["name"] for f in json.loads(contenu)["content"]}
    assert {"00_sommaire.ipynb", "S822_bases_de_donnees.ipynb"} <= noms


@pytest.mark.lent
def test_le_formgrader_voit_les_devoirs_du_cours(serveur):
    base, jeton = serveur
    _, texte = lire(f"{base}/formgrader/api/assignments?token={jeton}")
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
