"""gc_hub.py (deploy/jupyterhub/) : lecture de la liste de classe, sans créer de compte.

La création des comptes, elle, est testée de bout en bout dans test_deploiement.py.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

CHEMIN = Path(__file__).resolve().parent.parent / "deploy" / "jupyterhub" / "gc_hub.py"
_spec = importlib.util.spec_from_file_location("gc_hub", CHEMIN)
gc_hub = importlib.util.module_from_spec(_spec)
sys.modules["gc_hub"] = gc_hub  # dataclasses retrouve le module par son nom
_spec.loader.exec_module(gc_hub)


def test_liste_enregistree_par_un_tableur_francais():
    texte = "\ufeffIdentifiant;Nom;Prenom;Email\nlea.lefevre;Lefèvre;Léa;lea@lycee.fr\n;;;\nhugo_d;Dubois;Hugo;\n"
    assert gc_hub.lire_classe(texte) == [
        gc_hub.Etudiant("lea.lefevre", "Lefèvre", "Léa", "lea@lycee.fr"),
        gc_hub.Etudiant("hugo_d", "Dubois", "Hugo", ""),
    ]


def test_liste_separee_par_des_virgules_sans_email():
    assert gc_hub.lire_classe("identifiant,nom,prenom\nx1,A,B\n") == [
        gc_hub.Etudiant("x1", "A", "B")
    ]


@pytest.mark.parametrize(
    ("texte", "attendus"),
    [
        ("login;nom;prenom\nx;A;B\n", ["Colonnes manquantes", "identifiant", "login"]),
        (
            "identifiant;nom;prenom\nlé;A;B\n",
            ["ligne 2", "« lé » refusé", "minuscules sans accent"],
        ),
        ("identifiant;nom;prenom\nAnne;A;B\n", ["ligne 2", "« Anne » refusé"]),
        ("identifiant;nom;prenom\n1x;A;B\n", ["sans chiffre au début"]),
        ("identifiant;nom;prenom\nx;A;B\ny;C;D\nx;E;F\n", ["ligne 4", "« x » en double"]),
        ("identifiant;nom;prenom\n", ["aucun étudiant"]),
        ("", ["Colonnes manquantes", "(aucune)"]),
    ],
)
def test_liste_incorrecte_refusee_avec_un_message_francais(texte, attendus):
    with pytest.raises(gc_hub.ErreurCompte) as erreur:
        gc_hub.lire_classe(texte)
    for attendu in attendus:
        assert attendu in str(erreur.value)


def test_toutes_les_erreurs_de_la_liste_en_une_fois():
    with pytest.raises(gc_hub.ErreurCompte) as erreur:
        gc_hub.lire_classe("identifiant;nom;prenom\nÉlise;A;B\nok;C;D\nMarc;E;F\n")
    assert "ligne 2" in str(erreur.value) and "ligne 4" in str(erreur.value)
