"""Outils du professeur pour noter une classe avec nbgrader (hors du cours des étudiants).

Ce sous-paquet n'est pas chargé par ``import gc_helpers`` et n'est pas réexporté :
il ne sert qu'au professeur, en ligne de commande, à côté de nbgrader.

- :mod:`gc_helpers.notation.export` : ``nbgrader export --exporter=
  gc_helpers.notation.export.ExportNotesSur20`` écrit les notes sur 20 dans des
  fichiers CSV qu'un tableur français ouvre directement, plus un fichier
  d'import pour Pronote ou l'ENT ;
- :mod:`gc_helpers.notation.collecte` : ramassage des copies téléchargées d'une
  plateforme (Moodle, ENT) avec ``nbgrader zip_collect`` et import de la liste des
  élèves ;
- :mod:`gc_helpers.notation.corriger` : correction automatique de toute une
  classe en parallèle, avec barre de progression et bilan en français
  (``python -m gc_helpers.notation corriger <devoir>``).

Le guide du professeur est ``grading/README.md``.
"""
