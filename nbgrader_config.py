"""Configuration nbgrader lue quand JupyterLab ou nbgrader est lancé depuis la racine du dépôt.

Elle délègue tout au cours situé dans grading/ (make lab, nbgrader en ligne de
commande) et ajoute un dossier d'échange local pour un usage sur un seul poste.
"""

import os

c = get_config()  # noqa: F821 (fourni par nbgrader)

ici = os.path.dirname(os.path.abspath(__file__))
load_subconfig(os.path.join(ici, "grading", "nbgrader_config.py"))  # noqa: F821

# Un seul poste (professeur qui prépare, étudiant chez lui) : échange dans le dépôt.
# En classe, JupyterHub fournit un échange partagé (voir deploy/).
c.Exchange.root = os.path.join(ici, "grading", "echange")
