"""Configuration JupyterHub du cours « Gestion de clientèle » pour un serveur d'établissement.

Une seule machine, des comptes Unix locaux (un par professeur et par étudiant), dans le
style de The Littlest JupyterHub mais sans systemd par utilisateur :

- connexion par mot de passe Unix (PAM), réservée aux membres des groupes Unix des
  étudiants et des professeurs (liste d'autorisation = groupes, remplis par
  ``gc_hub.py``) ; les professeurs sont administrateurs du hub ;
- un serveur JupyterLab par utilisateur, lancé sous son compte Unix
  (``LocalProcessSpawner``), avec l'environnement Python du cours ;
- l'échange nbgrader partagé et l'identifiant du cours viennent d'une configuration
  Jupyter commune (``nbgrader_config.py`` de ce dossier, installée dans
  ``GC_HUB_CONFIG_JUPYTER``) ;
- le formgrader tourne dans le serveur du professeur (menu Nbgrader → Formgrader), avec
  son carnet de notes PostgreSQL (voir README.md) ;
- les serveurs inactifs depuis une heure sont arrêtés (mémoire rendue à la machine).

Les réglages propres à la machine se lisent dans des variables d'environnement
(valeurs par défaut = installation décrite dans README.md) ; le fichier de service
systemd ``jupyterhub.service`` les définit.
"""

import os
import sys

c = get_config()  # noqa: F821 (fourni par JupyterHub au chargement)


def reglage(nom: str, defaut: str) -> str:
    """Un réglage de la machine : variable d'environnement ``GC_HUB_<nom>`` ou valeur par défaut."""
    return os.environ.get(f"GC_HUB_{nom}", defaut)


# Environnement Python du cours (JupyterLab, nbgrader, gc_helpers, JupyterHub), lisible par tous.
ENVIRONNEMENT = reglage("ENVIRONNEMENT", "/opt/gestion-clientele/env")
# État du hub : base SQLite des utilisateurs du hub, secret des cookies (root seulement).
ETAT = reglage("ETAT", "/var/lib/gestion-clientele/hub")
# Configuration Jupyter commune à tous les serveurs (nbgrader_config.py : échange, cours).
CONFIG_JUPYTER = reglage("CONFIG_JUPYTER", "/etc/gestion-clientele/jupyter")
# Dossier d'échange nbgrader partagé (devoirs distribués, copies rendues, retours).
ECHANGE = reglage("ECHANGE", "/srv/nbgrader/exchange")
# Adresse publique du hub. Derrière un relais HTTPS (nginx, Caddy) : http://127.0.0.1:8000.
ADRESSE = reglage("ADRESSE", "http://:8000")
# Le relais configurable-http-proxy (paquet npm).
PROXY = reglage("PROXY", "/opt/gestion-clientele/node_modules/.bin/configurable-http-proxy")
GROUPE_ELEVES = reglage("GROUPE_ELEVES", "gc-eleves")
GROUPE_PROFS = reglage("GROUPE_PROFS", "gc-profs")
# Arrêt des serveurs inactifs (secondes) : 0 pour ne jamais arrêter.
INACTIVITE = int(reglage("INACTIVITE", "3600"))

# --------------------------------------------------------------------------
# Le hub et son relais
# --------------------------------------------------------------------------

c.JupyterHub.bind_url = ADRESSE
# API interne du hub et API du relais : jamais exposées hors de la machine.
c.JupyterHub.hub_ip = "127.0.0.1"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:8001"
c.ConfigurableHTTPProxy.command = [PROXY]
c.JupyterHub.db_url = f"sqlite:///{os.path.join(ETAT, 'jupyterhub.sqlite')}"
c.JupyterHub.cookie_secret_file = os.path.join(ETAT, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(ETAT, "jupyterhub.pid")
# Un redémarrage du hub (ajout d'une classe, mise à jour) n'arrête pas les serveurs des
# étudiants : le hub les retrouve au démarrage suivant.
c.JupyterHub.cleanup_servers = False

# --------------------------------------------------------------------------
# Qui peut se connecter : les groupes Unix (remplis par gc_hub.py)
# --------------------------------------------------------------------------

c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.allowed_groups = {GROUPE_ELEVES, GROUPE_PROFS}
c.PAMAuthenticator.admin_groups = {GROUPE_PROFS}
# Les comptes sont créés par gc_hub.py, jamais par le hub.
c.LocalAuthenticator.create_system_users = False

# --------------------------------------------------------------------------
# Le serveur de chaque utilisateur
# --------------------------------------------------------------------------

c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [os.path.join(ENVIRONNEMENT, "bin", "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.environment = {
    # Le noyau « python3 », nbgrader et son outil « alembic » viennent de l'environnement du cours.
    "PATH": os.pathsep.join(
        [os.path.join(ENVIRONNEMENT, "bin"), "/usr/local/bin", "/usr/bin", "/bin"]
    ),
    # Configuration commune (échange nbgrader, identifiant du cours), lue en plus de ~/.jupyter.
    "JUPYTER_CONFIG_PATH": CONFIG_JUPYTER,
    "GC_HUB_ECHANGE": ECHANGE,
    # Le formgrader n'est activé que pour ce groupe (jupyter_server_config.py commun).
    "GC_HUB_GROUPE_PROFS": GROUPE_PROFS,
    # Textes et fichiers en UTF-8 (accents des noms de fichiers et des sorties).
    "LANG": "C.UTF-8",
}
# Premier démarrage d'un serveur sur une machine chargée (35 connexions au début du cours).
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90

# --------------------------------------------------------------------------
# Arrêt des serveurs inactifs (jupyterhub-idle-culler)
# --------------------------------------------------------------------------

if INACTIVITE > 0:
    c.JupyterHub.services = [
        {
            "name": "arret-inactifs",
            "command": [
                sys.executable,
                "-m",
                "jupyterhub_idle_culler",
                f"--timeout={INACTIVITE}",
            ],
        }
    ]
    c.JupyterHub.load_roles = [
        {
            "name": "arret-inactifs",
            "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
            "services": ["arret-inactifs"],
        }
    ]
