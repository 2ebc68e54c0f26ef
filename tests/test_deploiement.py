"""Le serveur de classe JupyterHub (deploy/jupyterhub/) testé de bout en bout, sur 127.0.0.1.

Les vraies pièces, comme dans le guide deploy/jupyterhub/README.md :

- un vrai serveur PostgreSQL (``initdb`` + ``pg_ctl`` dans un dossier temporaire, port libre),
  qui porte le carnet de notes nbgrader du professeur ;
- l'environnement Python du cours installé comme sur le serveur (un venv du Python de
  Debian, lisible par tous, avec le projet et ses dépendances ``[hub]``) ;
- JupyterHub avec la configuration du dépôt, et configurable-http-proxy (npm) ;
- de vrais comptes Unix, créés par ``gc_hub.py`` (un professeur, une classe de deux
  étudiants lue dans un CSV), connectés par mot de passe (PAM), chacun avec son serveur
  JupyterLab lancé par le hub sous son compte.

Scénario : le professeur génère et distribue ``S822-requetes-sql`` par l'API du formgrader
de son serveur ; chaque étudiant le récupère et le rend par l'API nbgrader de son propre
serveur (l'un rend le corrigé, l'autre n'a fait que la première moitié) ; le professeur
ramasse et corrige par le formgrader, puis exporte les notes. On vérifie les notes exactes,
lues dans PostgreSQL, et qu'un étudiant ne peut pas lire la copie d'un autre (essayé sous le
compte Unix de cet étudiant). Tout écoute sur 127.0.0.1 ; comptes, processus et dossiers
sont supprimés à la fin, même en cas d'échec.

Il faut être root (comptes Unix) et avoir PostgreSQL, Node.js/npm et le Python de Debian
avec venv : ``.ci/run`` les installe. S'il manque quelque chose, le test échoue avec un
message qui dit quoi installer : il n'est jamais sauté.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import glob
import hashlib
import json
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import outils_nbgrader as onb
import pytest
import requests

pytestmark = [pytest.mark.deploiement, pytest.mark.lent]

RACINE = Path(__file__).resolve().parent.parent
DEPLOY = RACINE / "deploy" / "jupyterhub"
DEVOIR = NOTEBOOK = "S822-requetes-sql"
COURS = "gestion-clientele"
# Environnement du cours mis en cache entre deux lancements (sa construction prend une
# minute) : hors de /root, que les comptes des étudiants ne peuvent pas traverser.
CACHE_ENV = Path("/var/tmp/gestion-clientele-tests")
CACHE_NPM = Path.home() / ".cache" / "gestion-clientele" / "configurable-http-proxy"
PYTHON_SYSTEME = "/usr/bin/python3"

# Copie partielle : questions 1 à 5 justes, 6 à 10 laissées vides (souche distribuée).
QUESTIONS_VIDES = ("q6", "q7", "q8", "q9", "q10")
SOUCHE = "# VOTRE CODE ICI\nraise NotImplementedError()"
# Barème (grading/source/S822-requetes-sql) : forme + valeurs de chaque question.
#   q1 0,5+0,5  q2 0,5+0,5  q3 0,5+1  q4 0,5+1  q5 0,5+1,5  → 1+1+1,5+1,5+2 = 7
#   q6 0,5+1,5  q7 0,5+1    q8 0,5+1,5  q9 0,5+1,5  q10 0,5+1 → 2+1,5+2+2+1,5 = 9
# Question 11 rédigée (4 points) : correction manuelle, 0 tant qu'elle n'est pas faite.
NOTE_CORRIGE = 16.0  # 7 + 9
NOTE_PARTIELLE = 7.0
TOTAL = 20.0


def _echec(message: str):
    pytest.fail(f"Test du déploiement impossible : {message}", pytrace=False)


# --------------------------------------------------------------------------
# Prérequis de la machine
# --------------------------------------------------------------------------


def _binaire_postgresql(nom: str) -> str:
    """Le programme PostgreSQL ``nom`` : /usr/lib/postgresql/<v>/bin (Debian) ou le PATH."""
    candidats = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{nom}"),
        key=lambda p: int(Path(p).parts[4]) if Path(p).parts[4].isdigit() else 0,
    )
    chemin = candidats[-1] if candidats else shutil.which(nom)
    if not chemin:
        _echec(f"« {nom} » introuvable : installez PostgreSQL (apt-get install postgresql).")
    return chemin


def _verifier_machine() -> None:
    if os.geteuid() != 0:
        _echec("il faut être root (le test crée de vrais comptes Unix et lance JupyterHub).")
    manquants = [
        p for p in ("useradd", "userdel", "groupadd", "chpasswd", "runuser") if not shutil.which(p)
    ]
    if manquants:
        _echec(f"commandes absentes : {', '.join(manquants)} (paquets passwd et util-linux).")
    if not shutil.which("node") or not shutil.which("npm"):
        _echec("Node.js et npm sont nécessaires (apt-get install nodejs npm).")
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        _echec("le compte « postgres » manque : installez PostgreSQL (apt-get install postgresql).")
    essai = subprocess.run([PYTHON_SYSTEME, "-c", "import venv, ensurepip"], capture_output=True)
    if essai.returncode != 0:
        _echec(f"{PYTHON_SYSTEME} sans venv : apt-get install python3-venv.")


# --------------------------------------------------------------------------
# Environnement du cours, relais npm
# --------------------------------------------------------------------------


def _environnement_du_cours(dossier_roue: Path) -> Path:
    """Le venv du cours, lisible par tous : le projet (roue) et ses dépendances [hub].

    Les dépendances sont mises en cache (clé : dépendances déclarées + Python) ; le projet
    lui-même est réinstallé à chaque lancement depuis le dépôt.
    """
    projet = tomllib.loads((RACINE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    version = subprocess.run(
        [PYTHON_SYSTEME, "-c", "import sys; print(sys.version)"], capture_output=True, text=True
    ).stdout
    cle = json.dumps([projet["dependencies"], projet["optional-dependencies"]["hub"], version])
    env = CACHE_ENV / f"env-{hashlib.sha256(cle.encode()).hexdigest()[:12]}"
    CACHE_ENV.mkdir(parents=True, exist_ok=True)
    os.chmod(CACHE_ENV, 0o755)

    # La roue du projet, construite avec les outils du venv des tests (hors réseau).
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
        + ["--wheel-dir", str(dossier_roue), str(RACINE)],
        check=True,
        capture_output=True,
    )
    roue = next(dossier_roue.glob("gc_helpers-*.whl"))
    pip = [str(env / "bin" / "python"), "-m", "pip", "--quiet", "--disable-pip-version-check"]
    if not (env / ".complet").exists():
        shutil.rmtree(env, ignore_errors=True)
        subprocess.run([PYTHON_SYSTEME, "-m", "venv", str(env)], check=True)
        _executer([*pip, "install", f"{roue}[hub]"], "installation de l'environnement du cours")
        (env / ".complet").touch()
    else:
        _executer(
            [*pip, "install", "--no-deps", "--force-reinstall", str(roue)], "mise à jour du projet"
        )
    return env


def _relais_npm() -> Path:
    """configurable-http-proxy, installé par npm dans un dossier de cache (jamais en global)."""
    binaire = CACHE_NPM / "node_modules" / ".bin" / "configurable-http-proxy"
    if not binaire.exists():
        majeure = int(
            subprocess.run(["node", "--version"], capture_output=True, text=True)
            .stdout.strip()
            .lstrip("v")
            .split(".")[0]
        )
        # La version 5 demande Node.js 20 ; Debian 12 fournit Node.js 18 : version 4.
        version = "5" if majeure >= 20 else "4"
        _executer(
            [
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(CACHE_NPM),
                f"configurable-http-proxy@{version}",
            ],
            "installation de configurable-http-proxy (npm)",
        )
    return binaire


def _executer(commande: list[str], quoi: str, **options) -> subprocess.CompletedProcess:
    fini = subprocess.run(commande, capture_output=True, text=True, check=False, **options)
    if fini.returncode != 0:
        _echec(
            f"{quoi} a échoué (code {fini.returncode}) :\n{' '.join(commande)}\n{fini.stdout}\n{fini.stderr}"
        )
    return fini


def _port_libre() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --------------------------------------------------------------------------
# La plateforme : PostgreSQL, comptes, hub
# --------------------------------------------------------------------------


@dataclass
class Plateforme:
    dossier: Path
    prefixe: str
    env: Path | None = None
    url: str = ""
    jeton_admin: str = ""
    base_notes: str = ""
    base_notes_admin: str = ""
    professeur: str = ""
    etudiants: list[str] = field(default_factory=list)
    mots_de_passe: dict[str, str] = field(default_factory=dict)
    groupes: list[str] = field(default_factory=list)
    processus: list[subprocess.Popen] = field(default_factory=list)
    pgdata: Path | None = None
    pg_ctl: str = ""
    journal_hub: Path | None = None
    durees: dict[str, float] = field(default_factory=dict)

    # -- appels HTTP ------------------------------------------------------

    def api_hub(self, methode: str, chemin: str, **options) -> requests.Response:
        entetes = {"Authorization": f"token {self.jeton_admin}"}
        return requests.request(
            methode, f"{self.url}/hub/api{chemin}", headers=entetes, timeout=60, **options
        )

    def jeton(self, utilisateur: str) -> str:
        # Jeton limité au serveur de cet utilisateur, comme une session de navigateur.
        demande = {
            "note": "test",
            "expires_in": 3600,
            "scopes": [f"access:servers!user={utilisateur}"],
        }
        reponse = self.api_hub("POST", f"/users/{utilisateur}/tokens", json=demande)
        assert reponse.status_code in (200, 201), reponse.text
        return reponse.json()["token"]

    def journal(self) -> str:
        if self.journal_hub and self.journal_hub.exists():
            return self.journal_hub.read_text(encoding="utf-8", errors="replace")[-6000:]
        return "(pas de journal)"


def _demarrer_postgresql(p: Plateforme) -> None:
    initdb, p.pg_ctl = _binaire_postgresql("initdb"), _binaire_postgresql("pg_ctl")
    p.pgdata = p.dossier / "postgresql"
    p.pgdata.mkdir()
    compte = pwd.getpwnam("postgres")
    os.chown(p.pgdata, compte.pw_uid, compte.pw_gid)
    mot_de_passe_admin = secrets.token_hex(12)
    fichier = p.pgdata / "motdepasse"
    fichier.write_text(mot_de_passe_admin + "\n")
    os.chown(fichier, compte.pw_uid, compte.pw_gid)
    donnees = p.pgdata / "donnees"
    en_postgres = ["runuser", "-u", "postgres", "--"]
    _executer(
        [*en_postgres, initdb, "-D", str(donnees), "-U", "postgres", "--auth=scram-sha-256"]
        + [f"--pwfile={fichier}", "--encoding=UTF8", "--locale=C"],
        "initdb",
    )
    port = _port_libre()
    options = f"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={p.pgdata}"
    _executer(
        [
            *en_postgres,
            p.pg_ctl,
            "-D",
            str(donnees),
            "-o",
            options,
            "-l",
            str(p.pgdata / "journal"),
            "-w",
            "start",
        ],
        "démarrage de PostgreSQL",
    )
    p.base_notes_admin = f"postgresql://postgres:{mot_de_passe_admin}@127.0.0.1:{port}/postgres"
    mot_de_passe_prof = secrets.token_hex(12)
    p.mots_de_passe["base"] = mot_de_passe_prof
    import psycopg
    from psycopg import sql

    connexion = psycopg.connect(p.base_notes_admin)
    connexion.autocommit = True
    with connexion.cursor() as curseur:
        role = sql.Identifier(p.professeur)
        curseur.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(role, sql.Literal(mot_de_passe_prof))
        )
        curseur.execute(sql.SQL("CREATE DATABASE gestion_clientele OWNER {}").format(role))
    connexion.close()
    # Comme dans le guide : l'URL ne contient pas le mot de passe (~/.pgpass du professeur).
    # Pilote explicite (psycopg 3) : l'URL vaut quelle que soit la version de SQLAlchemy.
    p.base_notes = f"postgresql+psycopg://{p.professeur}@127.0.0.1:{port}/gestion_clientele"


def _gc_hub(p: Plateforme, *arguments: str, env: dict | None = None) -> str:
    commande = [
        str(p.env / "bin" / "python"),
        str(DEPLOY / "gc_hub.py"),
        f"--base-home={p.dossier / 'home'}",
        f"--groupe-profs={p.prefixe}-profs",
        f"--groupe-eleves={p.prefixe}-eleves",
        *arguments,
    ]
    return _executer(
        commande, f"gc_hub.py {arguments[0]}", env={**os.environ, **(env or {})}
    ).stdout


def _demarrer_hub(p: Plateforme, relais: Path) -> None:
    config_jupyter = p.dossier / "config-jupyter"
    config_jupyter.mkdir()
    for nom in ("nbgrader_config.py", "jupyter_server_config.py"):
        shutil.copy2(DEPLOY / nom, config_jupyter / nom)
    etat = p.dossier / "etat"
    etat.mkdir(mode=0o700)
    port, port_hub, port_relais = _port_libre(), _port_libre(), _port_libre()
    p.url = f"http://127.0.0.1:{port}"
    p.jeton_admin = secrets.token_hex(32)
    config = etat / "jupyterhub_config_test.py"
    # La configuration du dépôt, plus ce qui est propre au test : ports libres, un service
    # « test » (le robot qui joue les utilisateurs par l'API), arrêt des serveurs à la fin.
    config.write_text(
        f"""
load_subconfig({str(DEPLOY / "jupyterhub_config.py")!r})
c.JupyterHub.hub_port = {port_hub}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{port_relais}"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.services.append({{"name": "test", "api_token": {p.jeton_admin!r}}})
c.JupyterHub.load_roles.append(
    {{
        "name": "test",
        "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "access:servers"],
        "services": ["test"],
    }}
)
""",
        encoding="utf-8",
    )
    variables = {
        "GC_HUB_ENVIRONNEMENT": str(p.env),
        "GC_HUB_ETAT": str(etat),
        "GC_HUB_CONFIG_JUPYTER": str(config_jupyter),
        "GC_HUB_ECHANGE": str(p.dossier / "echange"),
        "GC_HUB_ADRESSE": p.url,
        "GC_HUB_PROXY": str(relais),
        "GC_HUB_GROUPE_ELEVES": f"{p.prefixe}-eleves",
        "GC_HUB_GROUPE_PROFS": f"{p.prefixe}-profs",
        "CONFIGPROXY_AUTH_TOKEN": secrets.token_hex(32),
        "PATH": f"{p.env / 'bin'}:/usr/local/bin:/usr/bin:/bin",
    }
    p.journal_hub = etat / "jupyterhub.log"
    journal = open(p.journal_hub, "w", encoding="utf-8")  # noqa: SIM115 (fermé avec le processus)
    hub = subprocess.Popen(
        [str(p.env / "bin" / "jupyterhub"), "-f", str(config)],
        cwd=etat,
        env={k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "GC_HUB"))}
        | variables,
        stdout=journal,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    p.processus.append(hub)
    fin = time.monotonic() + 60
    while time.monotonic() < fin:
        if hub.poll() is not None:
            _echec(f"JupyterHub s'est arrêté au démarrage :\n{p.journal()}")
        with contextlib.suppress(requests.RequestException):
            if requests.get(f"{p.url}/hub/api/", timeout=2).status_code == 200:
                return
        time.sleep(0.5)
    _echec(f"JupyterHub n'a pas répondu en 60 s :\n{p.journal()}")


def _connecter(p: Plateforme, utilisateur: str, mot_de_passe: str) -> requests.Session:
    """Connexion par le formulaire du hub (mot de passe Unix, PAM) ; lance le serveur."""
    session = requests.Session()
    session.get(f"{p.url}/hub/login", timeout=30)
    reponse = session.post(
        f"{p.url}/hub/login",
        data={
            "username": utilisateur,
            "password": mot_de_passe,
            "_xsrf": session.cookies.get("_xsrf", ""),
        },
        timeout=120,
    )
    reponse.raise_for_status()
    return session


def _attendre_serveur(p: Plateforme, utilisateur: str, delai: float = 150) -> None:
    fin = time.monotonic() + delai
    while time.monotonic() < fin:
        etat = p.api_hub("GET", f"/users/{utilisateur}").json()
        serveur = etat.get("servers", {}).get("")
        if serveur and serveur.get("ready"):
            return
        if not serveur or not serveur.get("pending"):
            p.api_hub("POST", f"/users/{utilisateur}/server")
        time.sleep(1)
    _echec(f"le serveur de {utilisateur} n'a pas démarré en {delai:.0f} s :\n{p.journal()}")


def _arreter(p: Plateforme) -> None:
    """Tout défaire, même après un échec : serveurs, hub, PostgreSQL, comptes, dossiers."""
    for utilisateur in [p.professeur, *p.etudiants]:
        with contextlib.suppress(Exception):
            p.api_hub("DELETE", f"/users/{utilisateur}/server")
    for processus in p.processus:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(processus.pid, signal.SIGTERM)
        try:
            processus.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(processus.pid, signal.SIGKILL)
    # Filet de sécurité : les processus restants des comptes du test, par leur numéro.
    uids = set()
    for utilisateur in [p.professeur, *p.etudiants]:
        with contextlib.suppress(KeyError):
            uids.add(pwd.getpwnam(utilisateur).pw_uid)
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            with contextlib.suppress(OSError):
                if os.stat(f"/proc/{pid}").st_uid in uids:
                    os.kill(int(pid), signal.SIGKILL)
    if p.pgdata and (p.pgdata / "donnees" / "postmaster.pid").exists():
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                p.pg_ctl,
                "-D",
                str(p.pgdata / "donnees"),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
        )
    for utilisateur in [p.professeur, *p.etudiants]:
        subprocess.run(["userdel", "--remove", utilisateur], capture_output=True)
    for groupe in p.groupes:
        subprocess.run(["groupdel", groupe], capture_output=True)
    shutil.rmtree(p.dossier, ignore_errors=True)


@pytest.fixture(scope="module")
def plateforme():
    _verifier_machine()
    # Un seul test de déploiement à la fois sur la machine : l'environnement du cours en cache
    # est mis à jour au début de chaque lancement, pas pendant qu'un autre hub s'en sert.
    CACHE_ENV.mkdir(parents=True, exist_ok=True)
    with open(CACHE_ENV / "verrou", "w") as verrou:
        fcntl.flock(verrou, fcntl.LOCK_EX)
        yield from _plateforme()


def _plateforme():
    debut = time.perf_counter()
    prefixe = "gct" + secrets.token_hex(3)
    # Dossier du test traversable par les comptes des étudiants (mkdtemp le crée en 0700).
    dossier = Path(tempfile.mkdtemp(prefix="gc-hub-", dir="/tmp"))
    os.chmod(dossier, 0o755)
    p = Plateforme(dossier=dossier, prefixe=prefixe)
    p.professeur = f"{prefixe}prof"
    p.etudiants = [f"{prefixe}e1", f"{prefixe}e2"]
    p.groupes = [
        f"{prefixe}-profs",
        f"{prefixe}-eleves",
        f"gc-{prefixe}c",
        *p.etudiants,
        p.professeur,
    ]
    try:
        (dossier / "home").mkdir(mode=0o755)
        p.env = _environnement_du_cours(dossier / "roue")
        relais = _relais_npm()
        p.durees["environnement"] = time.perf_counter() - debut
        _demarrer_postgresql(p)

        _gc_hub(
            p,
            "professeur",
            p.professeur,
            f"--depot={RACINE}",
            f"--base-notes={p.base_notes}",
            f"--echange={dossier / 'echange'}",
            env={"GC_HUB_MOT_DE_PASSE_BASE": p.mots_de_passe["base"]},
        )
        subprocess.run(
            ["chpasswd"], input=f"{p.professeur}:motdepasse-prof\n", text=True, check=True
        )
        p.mots_de_passe[p.professeur] = "motdepasse-prof"
        liste = dossier / "classe.csv"
        # Liste telle qu'un tableur français l'enregistre : BOM, « ; », accents.
        liste.write_text(
            "\ufeffidentifiant;nom;prenom;email\n"
            f"{p.etudiants[0]};Lefèvre;Léa;lea@example.org\n"
            f"{p.etudiants[1]};Dubois;Hugo;\n",
            encoding="utf-8",
        )
        mots_de_passe = dossier / "mots_de_passe.csv"
        _gc_hub(
            p,
            "classe",
            str(liste),
            f"--classe={prefixe}c",
            f"--professeur={p.professeur}",
            f"--mots-de-passe={mots_de_passe}",
        )
        for ligne in csv.reader(
            mots_de_passe.read_text(encoding="utf-8").splitlines(), delimiter=";"
        ):
            p.mots_de_passe[ligne[0]] = ligne[3]

        _demarrer_hub(p, relais)
        p.durees["installation"] = time.perf_counter() - debut
        yield p
    finally:
        _arreter(p)


# --------------------------------------------------------------------------
# Le scénario
# --------------------------------------------------------------------------


def _get(p: Plateforme, utilisateur: str, jeton: str, chemin: str, **options) -> requests.Response:
    return requests.get(
        f"{p.url}/user/{utilisateur}{chemin}",
        headers={"Authorization": f"token {jeton}"},
        timeout=120,
        **options,
    )


def _post(p: Plateforme, utilisateur: str, jeton: str, chemin: str, **options) -> requests.Response:
    return requests.post(
        f"{p.url}/user/{utilisateur}{chemin}",
        headers={"Authorization": f"token {jeton}"},
        timeout=600,
        **options,
    )


def _formgrader(p: Plateforme, jeton: str, action: str) -> dict:
    reponse = _post(p, p.professeur, jeton, f"/formgrader/api/{action}")
    assert reponse.status_code == 200, (action, reponse.status_code, reponse.text[:2000])
    resultat = reponse.json()
    assert resultat.get("success"), (action, resultat)
    return resultat


def _comme(utilisateur: str, code: str, env: Path) -> dict:
    """Exécute ``code`` (Python, qui affiche un JSON) sous le compte Unix ``utilisateur``."""
    fini = subprocess.run(
        ["runuser", "-u", utilisateur, "--", str(env / "bin" / "python"), "-c", code],
        capture_output=True,
        text=True,
        cwd="/",
        check=True,
    )
    return json.loads(fini.stdout)


@pytest.fixture(scope="module")
def scenario(plateforme):
    p = plateforme
    debut = time.perf_counter()
    e1, e2 = p.etudiants
    # Connexion de chacun par mot de passe : la liste d'autorisation (groupes Unix) les accepte.
    for utilisateur in [p.professeur, *p.etudiants]:
        _connecter(p, utilisateur, p.mots_de_passe[utilisateur])
    jetons = {u: p.jeton(u) for u in [p.professeur, *p.etudiants]}
    for utilisateur in [p.professeur, *p.etudiants]:
        _attendre_serveur(p, utilisateur)
    p.durees["serveurs"] = time.perf_counter() - debut

    # Le professeur génère et distribue le devoir par le formgrader de son serveur.
    jp = jetons[p.professeur]
    _formgrader(p, jp, f"assignment/{DEVOIR}/assign")
    _formgrader(p, jp, f"assignment/{DEVOIR}/release")

    # Les copies des étudiants, fabriquées depuis le cours du professeur (source + release).
    cours_prof = p.dossier / "home" / p.professeur / "gestion-clientele"
    copies = {
        e1: onb.copie_corrigee(cours_prof, DEVOIR, NOTEBOOK),
        e2: onb.copie_corrigee(
            cours_prof, DEVOIR, NOTEBOOK, {f"reponse_{q}": SOUCHE for q in QUESTIONS_VIDES}
        ),
    }
    listes = {}
    for etudiant, copie in copies.items():
        je = jetons[etudiant]
        listes[etudiant] = _get(p, etudiant, je, "/assignments", params={"course_id": COURS}).json()
        reponse = _post(
            p,
            etudiant,
            je,
            "/assignments/fetch",
            json={"assignment_id": DEVOIR, "course_id": COURS},
        )
        assert reponse.status_code == 200, reponse.text
        chemin = f"/api/contents/{DEVOIR}/{NOTEBOOK}.ipynb"
        reponse = requests.put(
            f"{p.url}/user/{etudiant}{chemin}",
            headers={"Authorization": f"token {je}"},
            json={"type": "notebook", "format": "json", "content": copie},
            timeout=60,
        )
        assert reponse.status_code in (200, 201), reponse.text
        reponse = _post(
            p,
            etudiant,
            je,
            "/assignments/submit",
            json={"assignment_id": DEVOIR, "course_id": COURS},
        )
        assert reponse.status_code == 200, reponse.text
        assert not (isinstance(reponse.json(), dict) and reponse.json().get("success") is False), (
            reponse.text
        )

    # Le professeur ramasse et corrige par le formgrader, puis exporte les notes.
    _formgrader(p, jp, f"assignment/{DEVOIR}/collect")
    for etudiant in p.etudiants:
        _formgrader(p, jp, f"submission/{DEVOIR}/{etudiant}/autograde")
    export = _exporter_notes(p)
    p.durees["scenario"] = time.perf_counter() - debut
    print(f"\n[deploiement] durées (s) : { {k: round(v, 1) for k, v in p.durees.items()} }")
    return {"jetons": jetons, "listes": listes, "export": export, "cours_prof": cours_prof}


def _exporter_notes(p: Plateforme) -> Path:
    """``nbgrader export`` lancé par le professeur dans son cours, avec sa configuration : notes
    sur 20 (``gc_helpers.notation.export.ExportNotesSur20``, l'exportateur du cours)."""
    cours = p.dossier / "home" / p.professeur / "gestion-clientele"
    variables = [
        f"HOME={p.dossier / 'home' / p.professeur}",
        f"PATH={p.env / 'bin'}:/usr/bin:/bin",
        f"JUPYTER_CONFIG_PATH={p.dossier / 'config-jupyter'}",
        f"GC_HUB_ECHANGE={p.dossier / 'echange'}",
        "LANG=C.UTF-8",
    ]
    fini = subprocess.run(
        ["runuser", "-u", p.professeur, "--", "env", "-i", *variables, "nbgrader", "export"]
        + ["--to=notes"],
        cwd=cours,
        capture_output=True,
        text=True,
    )
    assert fini.returncode == 0, fini.stdout + fini.stderr
    return cours / "notes"


def test_notes_exactes_dans_postgresql(plateforme, scenario):
    from nbgrader.api import Gradebook

    p = plateforme
    e1, e2 = p.etudiants
    url = p.base_notes.replace("@", f":{p.mots_de_passe['base']}@")
    with Gradebook(url) as carnet:
        notes = {
            e: (
                carnet.find_submission(DEVOIR, e).score,
                carnet.find_submission(DEVOIR, e).max_score,
            )
            for e in (e1, e2)
        }
        attente = [carnet.find_submission(DEVOIR, e).needs_manual_grade for e in (e1, e2)]
        inscrits = [(s.id, s.first_name, s.last_name) for s in carnet.students]
    assert notes == {e1: (NOTE_CORRIGE, TOTAL), e2: (NOTE_PARTIELLE, TOTAL)}
    # La question 11 rédigée attend la correction du professeur.
    assert attente == [True, True]
    # La classe a été inscrite par gc_hub.py, prénoms accentués compris.
    assert sorted(inscrits) == [(e1, "Léa", "Lefèvre"), (e2, "Hugo", "Dubois")]
    # Rien n'est parti dans un carnet SQLite local.
    assert not (scenario["cours_prof"] / "gradebook.db").exists()


def _lire_csv_francais(chemin: Path) -> list[dict[str, str]]:
    texte = chemin.read_bytes().decode("utf-8")
    assert texte.startswith("\ufeff"), f"{chemin.name} : BOM UTF-8 absent"
    return list(csv.DictReader(texte.lstrip("\ufeff").splitlines(), delimiter=";"))


def test_export_des_notes_sur_20(plateforme, scenario):
    e1, e2 = plateforme.etudiants
    dossier = scenario["export"]
    pronote = {
        ligne["identifiant"]: ligne
        for ligne in _lire_csv_francais(dossier / f"pronote_{DEVOIR}.csv")
    }
    # 20 × 16 / 20 = 16 ; 20 × 7 / 20 = 7 (la question rédigée n'est pas encore corrigée).
    assert {e: pronote[e]["note"] for e in (e1, e2)} == {e1: "16,00", e2: "7,00"}
    assert (pronote[e1]["nom"], pronote[e1]["prénom"]) == ("Lefèvre", "Léa")
    detail = {
        ligne["identifiant"]: ligne for ligne in _lire_csv_francais(dossier / f"notes_{DEVOIR}.csv")
    }
    assert (detail[e2]["points"], detail[e2]["points max"], detail[e2]["note /20"]) == (
        "7,00",
        "20,00",
        "7,00",
    )


def test_les_etudiants_ont_vu_le_devoir_distribue(plateforme, scenario):
    for etudiant in plateforme.etudiants:
        devoirs = scenario["listes"][etudiant]
        assert devoirs["success"], devoirs
        assert [(d["assignment_id"], d["status"]) for d in devoirs["value"]] == [
            (DEVOIR, "released")
        ]


def test_un_etudiant_ne_lit_pas_la_copie_d_un_autre(plateforme, scenario):
    """Essayé sous le compte Unix du second étudiant : la copie du premier, rendue, dans son
    dossier personnel ou ramassée chez le professeur, lui est inaccessible."""
    p = plateforme
    e1, e2 = p.etudiants
    entrant = p.dossier / "echange" / COURS / "inbound"
    copies = sorted(os.listdir(entrant))
    copie_e1 = next(c for c in copies if c.startswith(f"{e1}+"))
    essais = {
        "liste_echange": str(entrant),
        "copie_rendue_sans_suffixe": str(
            entrant / copie_e1.rsplit("+", 1)[0] / f"{NOTEBOOK}.ipynb"
        ),
        "dossier_personnel": str(p.dossier / "home" / e1 / DEVOIR / f"{NOTEBOOK}.ipynb"),
        "copie_ramassee": str(
            scenario["cours_prof"] / "submitted" / e1 / DEVOIR / f"{NOTEBOOK}.ipynb"
        ),
    }
    code = f"""
import json, os
resultats = {{}}
for nom, chemin in {essais!r}.items():
    try:
        os.listdir(chemin) if nom == "liste_echange" else open(chemin, "rb").read()
        resultats[nom] = "lu"
    except OSError as erreur:
        resultats[nom] = type(erreur).__name__
print(json.dumps(resultats))
"""
    resultats = _comme(e2, code, p.env)
    # Le dossier des copies rendues (733) ne se liste pas ; les dossiers personnels (700) et
    # le cours du professeur ne se traversent pas.
    assert resultats == {
        "liste_echange": "PermissionError",
        "copie_rendue_sans_suffixe": "FileNotFoundError",
        "dossier_personnel": "PermissionError",
        "copie_ramassee": "PermissionError",
    }
    # Une copie rendue est lisible de qui connaît son nom exact (nbgrader la met en 644) : ce
    # nom finit par 12 caractères aléatoires, impossibles à deviner sans lister le dossier.
    assert len(copie_e1.rsplit("+", 1)[1]) == 12, copie_e1
    # Vérification du témoin : ces chemins existent bien (root les lit).
    assert Path(essais["dossier_personnel"]).exists() and Path(essais["copie_ramassee"]).exists()
    # Et l'étudiant lit bien sa propre copie dans son dossier.
    assert (
        _comme(
            e1,
            f"import json; print(json.dumps(len(open({essais['dossier_personnel']!r}).read())))",
            p.env,
        )
        > 0
    )


def test_formgrader_reserve_au_professeur(plateforme, scenario):
    p = plateforme
    jetons = scenario["jetons"]
    assert _get(p, p.professeur, jetons[p.professeur], "/formgrader/api/status").status_code == 200
    assert (
        _get(p, p.etudiants[0], jetons[p.etudiants[0]], "/formgrader/api/status").status_code == 404
    )
    # Un étudiant n'entre pas dans le serveur du professeur.
    reponse = _get(p, p.professeur, jetons[p.etudiants[0]], "/api/status", allow_redirects=False)
    assert reponse.status_code in (403, 404), reponse.status_code


def test_limite_iframe_du_formgrader(plateforme, scenario):
    """JupyterHub ≥ 4.1 interdit l'affichage en cadre (voir README.md : ouvrir dans un onglet)."""
    p = plateforme
    page = _get(p, p.professeur, scenario["jetons"][p.professeur], "/formgrader")
    assert page.status_code == 200
    assert "frame-ancestors 'none'" in page.headers.get("Content-Security-Policy", "")


def test_connexion_refusee_avec_un_mauvais_mot_de_passe(plateforme, scenario):
    p = plateforme
    session = requests.Session()
    session.get(f"{p.url}/hub/login", timeout=30)
    reponse = session.post(
        f"{p.url}/hub/login",
        data={
            "username": p.etudiants[0],
            "password": "faux",
            "_xsrf": session.cookies.get("_xsrf", ""),
        },
        timeout=60,
        allow_redirects=False,
    )
    assert reponse.status_code == 403


def test_tout_ecoute_sur_la_boucle_locale(plateforme, scenario):
    """Aucun processus du test n'écoute ailleurs que sur 127.0.0.1."""
    sortie = (
        subprocess.run(["ss", "-Hltnp"], capture_output=True, text=True).stdout
        if shutil.which("ss")
        else ""
    )
    if not sortie:
        pytest.fail(
            "« ss » manque (apt-get install iproute2) : impossible de vérifier les adresses d'écoute."
        )
    p = plateforme
    pids = _descendants({pr.pid for pr in p.processus})
    # PostgreSQL (détaché par pg_ctl) : son numéro est la première ligne de postmaster.pid.
    pids |= _descendants({int((p.pgdata / "donnees" / "postmaster.pid").read_text().split()[0])})
    # Les serveurs des utilisateurs (lancés par le hub dans leur propre session).
    uids = {pwd.getpwnam(u).pw_uid for u in [p.professeur, *p.etudiants]}
    for pid in os.listdir("/proc"):
        with contextlib.suppress(OSError):
            if pid.isdigit() and os.stat(f"/proc/{pid}").st_uid in uids:
                pids.add(int(pid))
    ecoutes = 0
    suspects = []
    for ligne in sortie.splitlines():
        morceaux = ligne.split()
        adresse = morceaux[3]
        for pid in pids:
            if f"pid={pid}," in ligne:
                ecoutes += 1
                if not adresse.startswith("127.0.0.1:"):
                    suspects.append(ligne)
    assert not suspects, suspects
    # API interne du hub, relais (adresse publique) et son API, PostgreSQL, trois serveurs
    assert ecoutes == 7, sortie


def _descendants(racines: set[int]) -> set[int]:
    """Les processus ``racines`` et tous leurs descendants (lus dans /proc)."""
    parents = {}
    for pid in os.listdir("/proc"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            if pid.isdigit():
                stat = Path(f"/proc/{pid}/stat").read_text()
                parents[int(pid)] = int(stat.rsplit(")", 1)[1].split()[1])
    trouves, ajoutes = set(racines), True
    while ajoutes:
        nouveaux = {pid for pid, parent in parents.items() if parent in trouves} - trouves
        trouves |= nouveaux
        ajoutes = bool(nouveaux)
    return trouves
