"""Configuration Jupyter Server commune à tous les serveurs du hub.

Installée avec ``nbgrader_config.py`` dans le dossier de configuration commun
(``GC_HUB_CONFIG_JUPYTER``). Le formgrader de nbgrader (préparer, distribuer, ramasser,
corriger) n'est activé que dans le serveur des professeurs : membres du groupe Unix des
professeurs (``GC_HUB_GROUPE_PROFS``, transmis par le hub). Chez un étudiant, ses adresses
n'existent pas.
"""

import grp
import os

c = get_config()  # noqa: F821 (fourni par Jupyter Server)

try:
    gid_profs = grp.getgrnam(os.environ.get("GC_HUB_GROUPE_PROFS", "gc-profs")).gr_gid
    professeur = gid_profs in os.getgroups() or gid_profs == os.getgid()
except KeyError:
    professeur = False
c.ServerApp.jpserver_extensions = {"nbgrader.server_extensions.formgrader": professeur}
