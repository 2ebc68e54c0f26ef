"""Configuration de JupyterLab pour « make lab » (chargée par --config dans le Makefile).

Le cours fonctionne hors ligne : JupyterLab ne va chercher ni actualités ni
mises à jour sur Internet (pas de requête sortante depuis la salle de TD), et
ne pose pas la question « Would you like to get notified about official
Jupyter news? » au premier lancement (réglages par défaut de jupyterlab/).
"""

import os

c = get_config()  # noqa: F821 (fourni par Jupyter)

c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
c.LabApp.app_settings_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "jupyterlab")
