"""Ligne de commande du professeur : ``python -m gc_helpers.notation <commande>``.

Commandes (à lancer depuis la racine du dépôt, ou avec ``--racine``) ::

    python -m gc_helpers.notation corriger S822-requetes-sql
    python -m gc_helpers.notation corriger S822-requetes-sql --force --processus 4
    python -m gc_helpers.notation corriger S822-requetes-sql -- --Execute.timeout=60
    python -m gc_helpers.notation eleves liste_classe.csv

Voir ``grading/README.md`` (guide du professeur).
"""

from __future__ import annotations

import argparse
import sys


def _analyseur() -> argparse.ArgumentParser:
    analyseur = argparse.ArgumentParser(
        prog="python -m gc_helpers.notation",
        description="Outils du professeur pour noter une classe avec nbgrader.",
    )
    commandes = analyseur.add_subparsers(dest="commande", required=True, metavar="commande")

    corriger = commandes.add_parser(
        "corriger",
        help="corriger automatiquement toutes les copies d'un devoir, en parallèle",
        description="Corrige toutes les copies déposées d'un devoir (comme « nbgrader "
        "autograde »), une par cœur de la machine, avec barre de progression et bilan. "
        "Après « -- », des options de nbgrader : -- --Execute.timeout=60",
    )
    corriger.add_argument("devoir", help="nom du devoir, par exemple S822-requetes-sql")
    corriger.add_argument("--racine", help="dossier du cours nbgrader (par défaut : grading/)")
    corriger.add_argument(
        "--processus",
        type=int,
        help="copies corrigées en même temps (défaut : nombre de cœurs + 1)",
    )
    corriger.add_argument(
        "--force", action="store_true", help="recorriger aussi les copies déjà corrigées"
    )
    corriger.add_argument(
        "--sans-barre", action="store_true", help="ne pas afficher la barre de progression"
    )
    # Tout ce qui suit « -- » est passé à nbgrader (--Execute.timeout=60…) : voir main().

    eleves = commandes.add_parser(
        "eleves",
        help="inscrire les élèves d'une liste CSV dans le carnet de notes",
        description="Inscrit ou met à jour les élèves d'une liste CSV (identifiant;nom;prénom, "
        "export d'un tableur ou de Pronote) dans le carnet de notes de nbgrader.",
    )
    eleves.add_argument("liste", help="fichier CSV : identifiant;nom;prénom[;courriel]")
    eleves.add_argument("--racine", help="dossier du cours nbgrader (par défaut : grading/)")
    return analyseur


def main(arguments: list[str] | None = None) -> int:
    from gc_helpers._erreurs import ErreurCours

    arguments = list(sys.argv[1:] if arguments is None else arguments)
    # « -- » sépare nos options de celles passées telles quelles à nbgrader
    coupure = arguments.index("--") if "--" in arguments else len(arguments)
    arguments, nbgrader = arguments[:coupure], arguments[coupure + 1 :]
    options = _analyseur().parse_args(arguments)
    try:
        if options.commande == "corriger":
            from gc_helpers.notation.corriger import corriger_classe, texte_bilan

            bilan = corriger_classe(
                options.devoir,
                racine=options.racine,
                processus=options.processus,
                force=options.force,
                options_nbgrader=nbgrader,
                progression=not options.sans_barre,
            )
            print(texte_bilan(bilan))
            return 1 if bilan.echecs else 0
        if options.commande == "eleves":
            from gc_helpers.notation.collecte import inscrire_eleves

            eleves = inscrire_eleves(options.liste, racine=options.racine)
            print(f"{len(eleves)} élèves inscrits ou mis à jour dans le carnet de notes.")
            return 0
    except ErreurCours as erreur:
        print(f"Erreur : {erreur}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
