"""Configuration nbgrader commune à tous les serveurs du hub (étudiants et professeurs).

Installée dans le dossier de configuration Jupyter commun (``GC_HUB_CONFIG_JUPYTER``,
par défaut ``/etc/gestion-clientele/jupyter``), que le hub met dans
``JUPYTER_CONFIG_PATH`` de chaque serveur. Elle dit à nbgrader où est l'échange
partagé et quel est le cours : les onglets *Assignments* des étudiants et les
boutons *Release* / *Collect* du professeur s'en servent.
"""

import os

c = get_config()  # noqa: F821 (fourni par nbgrader)

# Même identifiant que grading/nbgrader_config.py du dépôt.
c.CourseDirectory.course_id = "gestion-clientele"
c.Exchange.root = os.environ.get("GC_HUB_ECHANGE", "/srv/nbgrader/exchange")
