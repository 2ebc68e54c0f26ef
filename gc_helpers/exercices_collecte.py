"""Corrigés cachés des exercices « À vous de jouer » de l'unité S821.

La cellule de vérification du notebook appelle ``gc.verifier_collecte("S821-3",
reponse)`` : la réponse attendue est calculée ici, hors de la vue de l'étudiant,
sur les données d'origine (jamais sur la copie de travail qu'il a pu modifier).

>>> print(verifier_collecte("S821-6", "consentement"))
✅ S821-6 — La base légale d'un courriel aux particuliers : bravo, c'est bien « consentement ».
>>> verifier_collecte("S821-1", None).ok
False
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import collecte, donnees, rgpd
from ._erreurs import NomInconnu, suggestion
from .correction import Verdict, comparer_nombres

__all__ = ["verifier_collecte", "CORRESPONDANCE_SALON_LYON"]

#: Correspondance des colonnes du tableau Excel du salon de Lyon (donnée dans l'énoncé S821-3).
CORRESPONDANCE_SALON_LYON = {
    "raison_sociale": "Société",
    "secteur_activite": "Secteur",
    "civilite": "Civilité",
    "contact_nom": "Nom",
    "contact_prenom": "Prénom",
    "adresse": "Adresse",
    "code_postal": "CP",
    "telephone": "Tél.",
    "email": "Courriel",
    "effectif_salaries": "Effectif",
    "ca_potentiel_annuel": "Potentiel (€)",
}


@dataclass(frozen=True)
class _Corrige:
    titre: str
    attendu: Callable[[], Any]
    indice: str


def _sans_courriel() -> int:
    brut = collecte.lire_csv(collecte.chemin_source("fichier_achete_hotels.csv"))
    return int(brut["E-mail"].isna().sum())


def _meilleure_source() -> str:
    poids = {"fiabilite": 4, "fraicheur": 3, "cout": 0, "accessibilite": 1, "pertinence": 2}
    from .widgets.sources import evaluer_sources

    return str(evaluer_sources(poids, type_source="externe").loc[0, "source"])


def _salon_lyon() -> int:
    prep = collecte.preparer_prospects(
        collecte.lire_excel(collecte.chemin_source("contacts_salon_lyon.xlsx")),
        CORRESPONDANCE_SALON_LYON,
        origine="salon",
        date_premier_contact="2026-10-04",
        con=donnees.connexion_lecture(),
    )
    return int((prep["decision"] == "à importer").sum())


def _particuliers_noel() -> int:
    oppositions = collecte.lire_csv(collecte.chemin_source("desinscriptions.csv"))
    d = rgpd.destinataires_courriel(donnees.connexion_lecture(), oppositions=oppositions)
    return int((d["autorise"] & (d["type_client"] == "particulier")).sum())


def _prospects_a_purger() -> int:
    p = rgpd.donnees_a_purger(donnees.connexion_lecture())
    return int((p["personne"] == "prospect").sum())


_CORRIGES: dict[str, _Corrige] = {
    "S821-1": _Corrige(
        "Les fiches sans courriel du fichier acheté",
        _sans_courriel,
        "Lisez le fichier avec gc.lire_csv(gc.chemin_source(…)) puis comptez les valeurs "
        "manquantes de la colonne 'E-mail' : .isna().sum().",
    ),
    "S821-2": _Corrige(
        "La meilleure source externe",
        _meilleure_source,
        "gc.widgets.evaluer_sources(poids, type_source='externe') avec les poids de l'énoncé ; "
        "la source classée première est à la ligne 0, colonne 'source'. Recopiez son nom exact.",
    ),
    "S821-3": _Corrige(
        "Les contacts du salon de Lyon à importer",
        _salon_lyon,
        "gc.lire_excel(…) puis gc.preparer_prospects(tableau, gc.CORRESPONDANCE_SALON_LYON, "
        "origine='salon', date_premier_contact='2026-10-04') ; comptez les lignes dont la "
        "colonne 'decision' vaut 'à importer'.",
    ),
    "S821-4": _Corrige(
        "Les particuliers destinataires de l'offre de Noël",
        _particuliers_noel,
        "Lisez desinscriptions.csv avec gc.lire_csv, passez-le à gc.destinataires_courriel(con, "
        "oppositions=…), puis comptez les lignes autorisées ET de type 'particulier'.",
    ),
    "S821-5": _Corrige(
        "Les prospects à supprimer ou anonymiser",
        _prospects_a_purger,
        "gc.donnees_a_purger(con) liste clients et prospects ; ne comptez que les lignes dont la "
        "colonne 'personne' vaut 'prospect'.",
    ),
    "S821-6": _Corrige(
        "La base légale d'un courriel aux particuliers",
        lambda: "consentement",
        "Regardez gc.BASES_LEGALES : laquelle exige un acte positif de la personne (case à "
        "cocher) ? Répondez par un seul mot, en minuscules.",
    ),
}


def _simplifier(texte: str) -> str:
    t = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode()
    return " ".join(t.lower().replace("’", "'").split())


def verifier_collecte(identifiant: str, reponse: Any) -> Verdict:
    """Vérifie la réponse à l'exercice S821 ``identifiant`` ; répond ✅ ou ❌ en français.

    Une mauvaise réponse ne lève pas d'exception (le notebook continue) ; elle
    affiche l'indice de l'exercice.
    """
    cle = str(identifiant).strip().upper()
    if cle not in _CORRIGES:
        proche = suggestion(cle, list(_CORRIGES))
        conseil = f" Vouliez-vous dire '{proche}' ?" if proche else ""
        raise NomInconnu(
            f"L'exercice '{identifiant}' n'existe pas. Exercices : {', '.join(_CORRIGES)}.{conseil}"
        )
    corrige = _CORRIGES[cle]
    attendu = corrige.attendu()
    entete = f"{cle} — {corrige.titre}"
    if isinstance(attendu, str):
        if not isinstance(reponse, str):
            verdict = Verdict(False, "Répondez par un texte entre guillemets.")
        elif _simplifier(reponse) == _simplifier(attendu):
            return Verdict(True, f"{entete} : bravo, c'est bien « {attendu} ».")
        else:
            verdict = Verdict(False, f"« {reponse} » n'est pas la réponse attendue.")
    else:
        verdict = comparer_nombres(reponse, attendu, tolerance=0)
        if verdict.ok:
            return Verdict(True, f"{entete} : {verdict.message}")
    return Verdict(False, f"{entete} : pas encore.\n{verdict.message}\nIndice : {corrige.indice}")
