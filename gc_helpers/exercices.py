"""Exercices « À vous de jouer » avec auto-vérification en français.

Deux sortes d'exercices, vérifiés par le même appel
``gc.verifier_exercice(identifiant, reponse)`` :

- les exercices **SQL** (ce module) : identifiant (``"S822-1"``), énoncé
  court, requête corrigée, indice, et si l'ordre des lignes compte ; la
  réponse est comparée **sur le résultat** (colonnes, lignes, valeurs), jamais
  sur le texte de la requête : toutes les écritures correctes sont acceptées ;
- les exercices de **calcul** (module ``exercices_calcul``) : la réponse est
  un nombre, comparé à la valeur que calculent les outils du cours.

``gc.exercices("S512")`` liste les exercices d'une unité.

La vérification se fait sur une **copie neuve** de la base, jamais sur la
copie de travail du notebook : ce que l'étudiant a modifié plus haut (INSERT,
UPDATE…) ne fausse pas la correction, et la vérification ne modifie pas ses
données.

Pour un exercice de saisie ou de mise à jour (INSERT, UPDATE), l'instruction
de l'étudiant et celle du corrigé sont exécutées chacune sur une copie neuve,
puis on compare ce que montre une requête de contrôle.

>>> v = verifier_exercice("S822-1", "SELECT 1")
>>> v.ok
False
>>> print(str(v).splitlines()[0])
❌ S822-1 — Les hôtels clients à Paris : pas encore.
>>> verifier_exercice("S512-5", 525.38).ok
True
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from . import donnees
from ._erreurs import ErreurCours, NomInconnu, suggestion
from .correction import (
    Verdict,
    _sans_commentaires,
    comparer_nombres,
    comparer_requete,
    comparer_tables,
)
from .exercices_calcul import EXERCICES_CALCUL, ExerciceCalcul

__all__ = [
    "Exercice",
    "ExerciceCalcul",
    "EXERCICES",
    "EXERCICES_SQL",
    "exercice",
    "exercices",
    "verifier_exercice",
]


@dataclass(frozen=True)
class Exercice:
    """Un exercice auto-vérifié.

    - ``solution`` : la requête du corrigé (SELECT, ou INSERT/UPDATE/DELETE
      quand ``controle`` est donné) ;
    - ``ordre`` : l'ordre des lignes compte (l'énoncé demande un tri) ;
      ``colonnes_ordre`` : les colonnes du tri (deux lignes à égalité sur
      elles peuvent venir dans n'importe quel ordre) ;
    - ``controle`` : pour une modification, la requête qui montre son effet ;
    - ``indice`` : affiché quand la réponse est fausse.
    """

    id: str
    titre: str
    enonce: str
    solution: str
    indice: str
    ordre: bool = False
    colonnes_ordre: tuple[str, ...] | None = None
    controle: str | None = None

    @property
    def unite(self) -> str:
        """Le code de l'unité (« S822 » pour « S822-3 »)."""
        return self.id.split("-")[0]


# Les énoncés complets sont dans les notebooks ; ``enonce`` en est le résumé.
EXERCICES_SQL: dict[str, Exercice] = {
    e.id: e
    for e in (
        Exercice(
            id="S822-1",
            titre="Les hôtels clients à Paris",
            enonce=(
                "Raison sociale, code postal et téléphone des clients professionnels du secteur "
                "« hôtel » situés à Paris (département 75), triés par raison sociale."
            ),
            solution=(
                "SELECT raison_sociale, code_postal, telephone\n"
                "FROM clients\n"
                "WHERE type_client = 'professionnel'\n"
                "  AND secteur_activite = 'hôtel'\n"
                "  AND departement = '75'\n"
                "ORDER BY raison_sociale"
            ),
            indice=(
                "Trois conditions reliées par AND dans le WHERE (type de client, secteur, "
                "département), les textes entre apostrophes ('hôtel' avec l'accent, '75' est un "
                "texte), puis ORDER BY raison_sociale."
            ),
            ordre=True,
            colonnes_ordre=("raison_sociale",),
        ),
        Exercice(
            id="S822-2",
            titre="D'où viennent nos clients ?",
            enonce=(
                "Nombre de clients par canal d'acquisition (colonnes canal_acquisition, "
                "nb_clients), du canal le plus important au moins important."
            ),
            solution=(
                "SELECT canal_acquisition, count(*) AS nb_clients\n"
                "FROM clients\n"
                "GROUP BY canal_acquisition\n"
                "ORDER BY nb_clients DESC"
            ),
            indice=(
                "Regroupez les clients par canal d'acquisition (GROUP BY), comptez-les avec "
                "count(*) et nommez la colonne avec AS ; le tri décroissant s'écrit DESC."
            ),
            ordre=True,
            colonnes_ordre=("nb_clients",),
        ),
        Exercice(
            id="S822-3",
            titre="Chiffre d'affaires 2025 par secteur",
            enonce=(
                "Chiffre d'affaires HT 2025 des clients professionnels par secteur d'activité "
                "(colonnes secteur_activite, ca_ht), commandes annulées exclues, du plus grand "
                "au plus petit."
            ),
            solution=(
                "SELECT cl.secteur_activite, sum(co.montant_ht) AS ca_ht\n"
                "FROM commandes AS co\n"
                "JOIN clients AS cl ON cl.id_client = co.id_client\n"
                "WHERE cl.type_client = 'professionnel'\n"
                "  AND co.statut <> 'annulée'\n"
                "  AND year(co.date_commande) = 2025\n"
                "GROUP BY cl.secteur_activite\n"
                "ORDER BY ca_ht DESC"
            ),
            indice=(
                "Le secteur est dans clients, le montant dans commandes : jointure "
                "JOIN clients ON … id_client. N'oubliez ni d'exclure les commandes annulées "
                "(statut <> 'annulée'), ni de garder la seule année 2025 "
                "(year(date_commande) = 2025)."
            ),
            ordre=True,
            colonnes_ordre=("ca_ht",),
        ),
        Exercice(
            id="S822-4",
            titre="Les clients à relancer en priorité",
            enonce=(
                "Pour chaque client ayant des factures au statut « impayée » ou « contentieux » "
                "pour plus de 5 000 € TTC au total : id_client, nb_factures, montant_du "
                "(somme des montants TTC), du plus gros montant au plus petit."
            ),
            solution=(
                "SELECT id_client, count(*) AS nb_factures, sum(montant_ttc) AS montant_du\n"
                "FROM factures\n"
                "WHERE statut IN ('impayée', 'contentieux')\n"
                "GROUP BY id_client\n"
                "HAVING sum(montant_ttc) > 5000\n"
                "ORDER BY montant_du DESC"
            ),
            indice=(
                "Filtrez les factures avant de regrouper (WHERE statut IN (…)), regroupez par "
                "client, puis gardez les groupes de plus de 5 000 € avec HAVING "
                "sum(montant_ttc) > 5000 : une condition sur un total se place dans HAVING."
            ),
            ordre=True,
            colonnes_ordre=("montant_du",),
        ),
        Exercice(
            id="S822-5",
            titre="Une campagne e-mail conforme au RGPD",
            enonce=(
                "Les particuliers à qui envoyer la lettre d'information de Noël : ceux qui ont "
                "donné leur accord (opt-in) pour les e-mails et dont l'e-mail est renseigné "
                "(colonnes id_client, email)."
            ),
            solution=(
                "SELECT id_client, email\n"
                "FROM clients\n"
                "WHERE type_client = 'particulier'\n"
                "  AND optin_email\n"
                "  AND email IS NOT NULL"
            ),
            indice=(
                "Sans consentement, pas d'e-mail commercial à un particulier : ajoutez la "
                "condition optin_email (ou optin_email = true) et écartez les e-mails vides "
                "avec IS NOT NULL (« = NULL » ne marche jamais)."
            ),
        ),
        Exercice(
            id="S822-6",
            titre="Doublons d'e-mail dans le fichier du salon",
            enonce=(
                "Les adresses e-mail présentes plusieurs fois dans import_salon une fois mises "
                "en minuscules et débarrassées des espaces autour (colonnes email, nb)."
            ),
            solution=(
                "SELECT lower(trim(email)) AS email, count(*) AS nb\n"
                "FROM import_salon\n"
                "WHERE email IS NOT NULL\n"
                "GROUP BY lower(trim(email))\n"
                "HAVING count(*) > 1"
            ),
            indice=(
                "Regroupez sur la clé normalisée lower(trim(email)), pas sur l'e-mail brut "
                "(« Jean@X.fr » et « jean@x.fr  » sont la même adresse), puis HAVING count(*) > 1."
            ),
        ),
        Exercice(
            id="S822-7",
            titre="Saisir un nouveau prospect",
            enonce=(
                "Saisissez dans prospects l'Hôtel des Acacias rencontré au salon (toutes les "
                "valeurs sont données dans le notebook), avec un identifiant libre."
            ),
            solution=(
                "INSERT INTO prospects (id_prospect, raison_sociale, secteur_activite, civilite,\n"
                "    contact_nom, contact_prenom, email, telephone, adresse, code_postal, ville,\n"
                "    departement, latitude, longitude, origine, effectif_salaries,\n"
                "    ca_potentiel_annuel, nb_contacts, nb_visites, date_premier_contact, statut,\n"
                "    id_commercial)\n"
                "VALUES ((SELECT max(id_prospect) + 1 FROM prospects), 'Hôtel des Acacias',\n"
                "    'hôtel', 'Mme', 'Fontaine', 'Léa', 'l.fontaine@hotel-des-acacias.example',\n"
                "    '01 99 00 45 67', '12 rue Daguerre', '75014', 'Paris', '75',\n"
                "    48.8339, 2.3265, 'salon', 35, 6000, 1, 0, DATE '2026-09-08', 'nouveau', 1)"
            ),
            controle=(
                "SELECT raison_sociale, secteur_activite, civilite, contact_nom, contact_prenom,\n"
                "       email, telephone, adresse, code_postal, ville, departement, latitude,\n"
                "       longitude, origine, effectif_salaries, ca_potentiel_annuel, nb_contacts,\n"
                "       nb_visites, date_premier_contact, statut, date_conversion, id_client,\n"
                "       id_commercial\n"
                "FROM prospects\n"
                "WHERE date_premier_contact >= DATE '2026-09-01'  -- depuis le salon"
            ),
            indice=(
                "INSERT INTO prospects (liste des colonnes) VALUES (valeurs dans le même ordre). "
                "L'identifiant doit être libre : (SELECT max(id_prospect) + 1 FROM prospects). "
                "Textes entre apostrophes et au format de la base (téléphone '01 99 00 45 67', "
                "code postal '75014', secteur 'hôtel' en minuscules), date DATE '2026-09-08', "
                "nombres sans apostrophes et avec un point décimal (48.8339)."
            ),
        ),
        Exercice(
            id="S822-8",
            titre="Droit d'opposition : désinscrire une cliente",
            enonce=(
                "Mme Émilie Noël (cliente n° 1202) demande à ne plus recevoir d'e-mails ni de "
                "SMS commerciaux. Mettez à jour sa fiche."
            ),
            solution=(
                "UPDATE clients\nSET optin_email = false, optin_sms = false\nWHERE id_client = 1202"
            ),
            controle="SELECT id_client, optin_email, optin_sms FROM clients",
            indice=(
                "UPDATE clients SET … WHERE … : passez les deux consentements (optin_email et "
                "optin_sms) à false, et limitez la mise à jour à la cliente 1202 avec WHERE ; "
                "sans WHERE, c'est toute la base qui serait désinscrite !"
            ),
        ),
        Exercice(
            id="S432-1",
            titre="Le taux de transformation par secteur",
            enonce=(
                "Pour chaque secteur d'activité, sur les prospects clos (convertis ou perdus) : "
                "secteur_activite, prospects_clos, convertis, taux_transformation (décimal), "
                "du meilleur taux au moins bon."
            ),
            solution=(
                "SELECT secteur_activite,\n"
                "       count(*) AS prospects_clos,\n"
                "       count(*) FILTER (WHERE statut = 'converti') AS convertis,\n"
                "       count(*) FILTER (WHERE statut = 'converti') / count(*) AS taux_transformation\n"
                "FROM prospects\n"
                "WHERE statut IN ('converti', 'perdu')\n"
                "GROUP BY secteur_activite\n"
                "ORDER BY taux_transformation DESC"
            ),
            indice=(
                "Gardez seulement les prospects clos (WHERE statut IN ('converti', 'perdu')) : "
                "un prospect « en cours » n'a pas encore d'issue. Comptez les convertis avec "
                "count(*) FILTER (WHERE statut = 'converti') ou sum(CASE … END), divisez par "
                "count(*), GROUP BY secteur_activite, ORDER BY taux_transformation DESC."
            ),
            ordre=True,
            colonnes_ordre=("taux_transformation",),
        ),
    )
}

# Les exercices SQL des autres unités, chacun dans son module (importé ici, après Exercice).
from .exercices_connaissance import EXERCICES_CONNAISSANCE  # noqa: E402

EXERCICES_SQL.update((e["id"], Exercice(**e)) for e in EXERCICES_CONNAISSANCE)

#: Tous les exercices auto-vérifiés : SQL et calcul.
EXERCICES: dict[str, Exercice | ExerciceCalcul] = {**EXERCICES_SQL, **EXERCICES_CALCUL}


def exercice(identifiant: str) -> Exercice | ExerciceCalcul:
    """L'exercice ``identifiant`` ; sinon une erreur en français qui propose le plus proche.

    >>> exercice("S822-2").titre
    "D'où viennent nos clients ?"
    >>> exercice("S822-9")
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.NomInconnu: L'exercice 'S822-9' n'existe pas. ...
    """
    if not isinstance(identifiant, str):
        raise NomInconnu(
            f"L'identifiant d'exercice est un texte comme \"S822-1\" ; reçu : {identifiant!r}."
        )
    cle = identifiant.strip().upper()
    if cle in EXERCICES:
        return EXERCICES[cle]
    message = (
        f"L'exercice '{identifiant}' n'existe pas. Exercices disponibles : {', '.join(EXERCICES)}."
    )
    proche = suggestion(cle, list(EXERCICES))
    if proche:
        message += f" Vouliez-vous dire '{proche}' ?"
    raise NomInconnu(message)


def exercices(unite: str | None = None) -> pd.DataFrame:
    """La liste des exercices (identifiant, titre, énoncé), éventuellement d'une unité.

    >>> exercices("S822")["id"].tolist()[:3]
    ['S822-1', 'S822-2', 'S822-3']
    >>> exercices("s512")["titre"].tolist()[2]
    "Report d'échéance"
    """
    lignes = [
        {"id": e.id, "titre": e.titre, "enonce": e.enonce}
        for e in EXERCICES.values()
        if unite is None or e.unite == unite.strip().upper()
    ]
    return pd.DataFrame(lignes, columns=["id", "titre", "enonce"])


# Résultats attendus des exercices sans modification : la base canonique ne
# change pas pendant une session, inutile de rejouer le corrigé à chaque essai.
_attendus: dict[str, pd.DataFrame] = {}
_valeurs_attendues: dict[str, float] = {}


def _resultat_attendu(ex: Exercice) -> pd.DataFrame:
    """Le résultat du corrigé, sur les données d'origine (jamais celles du notebook)."""
    if ex.controle is None:
        if ex.id not in _attendus:
            _attendus[ex.id] = donnees.requete(ex.solution, donnees.connexion_lecture())
        return _attendus[ex.id]
    with donnees.copie_jetable() as con:
        donnees.requete(ex.solution, con)
        return donnees.requete(ex.controle, con)


def _valeur_attendue(ex: ExerciceCalcul) -> float:
    """La valeur du corrigé, calculée une fois par session."""
    if ex.id not in _valeurs_attendues:
        _valeurs_attendues[ex.id] = ex.calcul()
    return _valeurs_attendues[ex.id]


def _echec(ex: Exercice | ExerciceCalcul, texte: str) -> Verdict:
    return Verdict(
        False, f"{ex.id} — {ex.titre} : pas encore.\n{texte.strip()}\nIndice : {ex.indice}"
    )


def verifier_exercice(identifiant: str, reponse: Any) -> Verdict:
    """Vérifie la réponse à l'exercice ``identifiant`` : une requête SQL (en texte) ou un nombre.

    Renvoie un ``Verdict`` (``gc.correction``) qui s'affiche ✅ ou ❌ avec une
    explication en français et, si la réponse est fausse, l'indice de
    l'exercice. Une mauvaise réponse ne lève pas d'exception (l'exécution du
    notebook continue) ; seul un identifiant inconnu en lève une.

    >>> verifier_exercice("S822-2", '''
    ...     SELECT canal_acquisition, count(*) AS nb_clients
    ...     FROM clients GROUP BY 1 ORDER BY 2 DESC''').ok
    True
    >>> print(verifier_exercice("S822-2", "-- à compléter"))  # doctest: +ELLIPSIS
    ❌ S822-2 — D'où viennent nos clients ? : pas encore.
    Votre requête est vide...
    Indice : Regroupez les clients par canal d'acquisition ...
    >>> print(verifier_exercice("S512-1", 7387.5))  # doctest: +ELLIPSIS
    ✅ S512-1 — Escompte pour paiement comptant : Bravo : 7...387,5 est la bonne valeur.
    """
    ex = exercice(identifiant)
    if isinstance(ex, ExerciceCalcul):
        return _verifier_calcul(ex, reponse)
    if isinstance(reponse, str) and _est_vide(reponse):
        return _echec(ex, _VIDE)
    attendu = _resultat_attendu(ex)
    if ex.controle is None:  # une lecture : sur les données d'origine, sans copie
        verdict = comparer_requete(
            reponse, attendu, ordre=ex.ordre, colonnes_ordre=ex.colonnes_ordre
        )
    else:  # une modification : sur une copie neuve, effacée aussitôt après
        with donnees.copie_jetable() as con:
            verdict = _comparer_modification(reponse, attendu, ex, con)
    if not verdict.ok:
        return _echec(ex, verdict.message)
    return Verdict(True, f"{ex.id} — {ex.titre} : {verdict.message}")


_VIDE = (
    "Votre requête est vide : écrivez-la entre les triples guillemets de ma_requete, "
    "puis exécutez la cellule."
)


def _verifier_calcul(ex: ExerciceCalcul, reponse: Any) -> Verdict:
    """Compare le nombre de l'étudiant à la valeur du corrigé (les conseils de comparer_nombres)."""
    if reponse is None or reponse is Ellipsis:  # la cellule n'a pas encore été remplie
        modele = "None" if reponse is None else "..."
        return _echec(
            ex,
            f"La variable {ex.variable} vaut encore {modele} : rangez votre calcul dans "
            f"{ex.variable} (remplacez {modele} par le calcul, par exemple "
            f"{ex.variable} = 100 * 1.2), puis exécutez la cellule.",
        )
    verdict = comparer_nombres(reponse, _valeur_attendue(ex), ex.tolerance, ex.relative)
    if not verdict.ok:
        return _echec(ex, verdict.message)
    return Verdict(True, f"{ex.id} — {ex.titre} : {verdict.message}")


def _est_vide(sql: str) -> bool:
    return _sans_commentaires(sql) in ("", "...", "…")


def _comparer_modification(
    reponse: Any, attendu: pd.DataFrame, ex: Exercice, con: duckdb.DuckDBPyConnection
) -> Verdict:
    """Exécute l'instruction de l'étudiant (INSERT, UPDATE…) puis compare le contrôle."""
    if not isinstance(reponse, str):
        return Verdict(
            False,
            "La réponse doit être l'instruction SQL elle-même, écrite entre triples guillemets "
            f"(un texte) ; reçu : {type(reponse).__name__}.",
        )
    try:
        effet = donnees.requete(reponse, con)
    except ErreurCours as erreur:
        return Verdict(False, f"Votre instruction provoque une erreur :\n{erreur}")
    if list(effet.columns) != ["lignes_modifiees"]:
        verbe = ex.solution.split()[0].upper()
        return Verdict(
            False,
            "Votre instruction n'a rien modifié dans la base (c'est une simple lecture) : "
            f"cet exercice demande une instruction {verbe}.",
        )
    try:
        obtenu = donnees.requete(ex.controle, con)
    except ErreurCours as erreur:  # la table a été supprimée ou renommée…
        return Verdict(False, f"Après votre instruction, la vérification échoue :\n{erreur}")
    verdict = comparer_tables(obtenu, attendu)
    if verdict.ok:
        return verdict
    return Verdict(
        False,
        "Après votre instruction, la base ne contient pas ce qui est attendu "
        f"(requête de contrôle : {' '.join(ex.controle.split())}).\n{verdict.message}",
    )


class _ModuleExercices(types.ModuleType):
    """``gc.exercices`` est ce module ; l'appeler liste les exercices : ``gc.exercices("S512")``."""

    def __call__(self, unite: str | None = None) -> pd.DataFrame:
        return exercices(unite)


sys.modules[__name__].__class__ = _ModuleExercices
