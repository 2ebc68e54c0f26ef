"""Vérification de l'environnement : ``python -m gc_helpers.verifier``.

Affiche OK ou ÉCHEC pour chaque composant dont le cours a besoin, avec, en cas
d'échec, ce qu'il faut faire. Code de sortie 0 si tout va bien, 1 sinon : la
commande sert aussi bien à l'étudiant sur son portable qu'au professeur qui
prépare une salle.
"""

from __future__ import annotations

import json
import platform
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Controle", "controles", "verifier"]

# Les versions minimales sont celles que déclare le projet (pyproject.toml) : une seule
# liste à tenir à jour.
_VERIFIES = (
    "pandas",
    "duckdb",
    "numpy",
    "matplotlib",
    "statsmodels",
    "ipywidgets",
    "jupyterlab",
    "nbgrader",
    "babel",
    "rapidfuzz",
)


def _minimums() -> dict[str, str]:
    """Version minimale de chaque bibliothèque vérifiée, lue dans les métadonnées du projet."""
    from importlib.metadata import PackageNotFoundError, requires

    try:
        exigences = requires("gc-helpers") or []
    except PackageNotFoundError:
        exigences = []
    minimums = dict.fromkeys(_VERIFIES, "0")
    for exigence in exigences:
        if "extra ==" in exigence:
            continue
        nom = re.split(r"[<>=!~ ;\[]", exigence, maxsplit=1)[0].lower()
        version = re.search(r"(?:>=|==)\s*([\w.]+)", exigence)
        if nom in minimums and version:
            minimums[nom] = version.group(1)
    return minimums


@dataclass
class Controle:
    """Résultat d'un contrôle : composant, succès, détail (version, conseil…)."""

    composant: str
    ok: bool
    detail: str


def _version(t: tuple[int, ...] | str) -> tuple[int, ...]:
    if isinstance(t, tuple):
        return t
    morceaux = []
    for partie in t.split("."):
        chiffres = "".join(ch for ch in partie if ch.isdigit())
        if not chiffres:
            break
        morceaux.append(int(chiffres))
    return tuple(morceaux)


def _controle_python() -> Controle:
    ok = sys.version_info >= (3, 11)
    detail = platform.python_version()
    if not ok:
        detail += " — Python 3.11 ou plus récent est nécessaire (installez-le, ou Anaconda)."
    return Controle("Python", ok, detail)


def _controle_paquet(nom: str, minimum: str) -> Controle:
    try:
        from importlib.metadata import version

        installee = version(nom)
    except Exception:
        return Controle(
            nom, False, "absent — lancez « make test » ou « pip install -e . » depuis le dépôt."
        )
    if _version(installee) < _version(minimum):
        return Controle(nom, False, f"{installee} — version {minimum} ou plus récente nécessaire.")
    return Controle(nom, True, installee)


def _controle_donnees() -> Controle:
    from . import donnees

    debut = time.perf_counter()
    try:
        con = donnees.connecter()
        t = donnees.tables(con)
    except Exception as erreur:  # le contrôle doit rapporter, pas planter
        return Controle("Base de données du cours", False, f"{erreur}")
    duree = time.perf_counter() - debut
    lignes = int(t["lignes"].sum())
    return Controle(
        "Base de données du cours",
        True,
        f"{len(t)} tables, {lignes:,} lignes, ouverte en {duree:.2f} s".replace(",", " "),
    )


def _controle_formats() -> Controle:
    from . import formats

    texte = formats.euros(1234.5)
    attendu = "1\u202f234,50\xa0€"
    if texte != attendu:
        return Controle("Formats français", False, f"{texte!r} au lieu de {attendu!r}")
    return Controle("Formats français", True, texte)


def _controle_extension_nbgrader() -> Controle:
    """L'extension JupyterLab de nbgrader (formgrader, liste des devoirs, bouton Valider)."""
    nom = "Extension nbgrader (JupyterLab)"
    try:
        from jupyter_core.paths import jupyter_path
    except Exception as erreur:
        return Controle(nom, False, f"Jupyter absent : {erreur}")
    for dossier in jupyter_path("labextensions"):
        paquet = Path(dossier) / "@jupyter" / "nbgrader" / "package.json"
        if paquet.is_file():
            version = json.loads(paquet.read_text(encoding="utf-8")).get("version", "?")
            return Controle(nom, True, f"@jupyter/nbgrader {version}")
    return Controle(
        nom, False, "non trouvée — réinstallez nbgrader 0.9.6 dans l'environnement de JupyterLab."
    )


def _controle_noyau() -> Controle:
    try:
        from jupyter_client.kernelspec import KernelSpecManager

        noyaux = KernelSpecManager().find_kernel_specs()
    except Exception as erreur:
        return Controle("Noyau Python de Jupyter", False, str(erreur))
    if "python3" not in noyaux:
        return Controle(
            "Noyau Python de Jupyter",
            False,
            "noyau « python3 » absent — python -m ipykernel install --user",
        )
    return Controle("Noyau Python de Jupyter", True, "python3")


def controles() -> list[Callable[[], Controle]]:
    """La liste des contrôles, dans l'ordre d'affichage."""
    liste: list[Callable[[], Controle]] = [_controle_python]
    for nom, minimum in _minimums().items():
        liste.append(lambda nom=nom, minimum=minimum: _controle_paquet(nom, minimum))
    liste += [_controle_formats, _controle_donnees, _controle_noyau, _controle_extension_nbgrader]
    return liste


def verifier() -> list[Controle]:
    """Exécute tous les contrôles et affiche une ligne OK/ÉCHEC par composant."""
    resultats = []
    for controle in controles():
        try:
            resultat = controle()
        except Exception as erreur:  # un contrôle cassé est un échec, pas un plantage
            resultat = Controle(getattr(controle, "__name__", "contrôle"), False, str(erreur))
        resultats.append(resultat)
        etat = "OK    " if resultat.ok else "ÉCHEC "
        print(f"{etat} {resultat.composant:<36} {resultat.detail}")
    echecs = sum(not r.ok for r in resultats)
    if echecs:
        print(f"\n{echecs} composant(s) en échec : corrigez-les avant la séance (voir README).")
    else:
        print("\nTout est prêt pour le cours.")
    return resultats


if __name__ == "__main__":
    sys.exit(0 if all(r.ok for r in verifier()) else 1)
