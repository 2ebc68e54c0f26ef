"""Ciblage d'une campagne de mercatique relationnelle (consentement RGPD)."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import duckdb
import ipywidgets as widgets
import pandas as pd

from .. import donnees, formats
from .._erreurs import ErreurCours, verifier_nom
from ..formats import _pluriel
from ._commun import _LARGEUR, _html_message, _html_tableau

__all__ = ["ciblage_campagne", "CiblageCampagne", "Ciblage", "cibler", "TOUS"]


# --------------------------------------------------------------------------
# Ciblage d'une campagne de mercatique relationnelle
# --------------------------------------------------------------------------

TOUS = "tous"
_CANAUX = {"e-mail": ("email", "optin_email"), "SMS": ("telephone", "optin_sms")}


@dataclass(frozen=True)
class Ciblage:
    """Résultat d'un ciblage : contacts retenus et effets des filtres.

    - ``n`` : nombre de contacts ciblés (ceux à qui la campagne sera envoyée) ;
    - ``sql`` : la requête SQL qui les sélectionne ;
    - ``contacts`` : la table des contacts ciblés ;
    - ``n_selection`` : clients qui répondent aux critères commerciaux ;
    - ``n_sans_coordonnees`` : parmi eux, sans e-mail ou téléphone renseigné ;
    - ``n_sans_consentement`` : joignables mais sans consentement (opt-in) ;
      exclus quand le consentement est respecté, inclus sinon.
    """

    n: int
    sql: str
    contacts: pd.DataFrame
    n_selection: int
    n_sans_coordonnees: int
    n_sans_consentement: int


def _litteral(valeur: Any) -> str:
    """Une valeur écrite en SQL (texte entre apostrophes, apostrophes doublées)."""
    if isinstance(valeur, bool):
        return "true" if valeur else "false"
    if isinstance(valeur, int | float):
        return repr(valeur)
    return "'" + str(valeur).replace("'", "''") + "'"


def _liste_sql(valeurs: Any) -> str:
    return "(" + ", ".join(_litteral(v) for v in valeurs) + ")"


_CRITERES_PAR_DEFAUT: dict[str, Any] = {
    "type_client": TOUS,
    "secteurs": (),
    "departements": (),
    "canal": "e-mail",
    "ca_min": 0.0,
    "respecter_consentement": True,
}


def _requete_ciblage(
    criteres: Mapping[str, Any], joignables: bool = True, consentement: bool = True
) -> str:
    """La requête de ciblage ; sans ``joignables`` ni ``consentement``, elle garde
    tous les clients qui répondent aux critères commerciaux et montre leur opt-in."""
    colonne_contact, colonne_optin = _CANAUX[criteres["canal"]]
    debut = donnees.DATE_REFERENCE.replace(year=donnees.DATE_REFERENCE.year - 1)
    conditions = []
    if criteres["type_client"] != TOUS:
        conditions.append(f"c.type_client = {_litteral(criteres['type_client'])}")
    if criteres["secteurs"]:
        conditions.append(f"c.secteur_activite IN {_liste_sql(criteres['secteurs'])}")
    if criteres["departements"]:
        conditions.append(f"c.departement IN {_liste_sql(criteres['departements'])}")
    if criteres["ca_min"]:
        conditions.append(f"coalesce(v.ca_12_mois, 0) >= {criteres['ca_min']!r}")
    if joignables:
        conditions.append(f"c.{colonne_contact} IS NOT NULL  -- joignable par {criteres['canal']}")
    if consentement:
        conditions.append(f"c.{colonne_optin}  -- consentement (opt-in, RGPD)")
    colonnes = [
        "c.id_client",
        "coalesce(c.raison_sociale, c.prenom || ' ' || c.nom) AS client",
        f"c.{colonne_contact}",
        "coalesce(v.ca_12_mois, 0) AS ca_12_mois",
    ]
    if not (joignables and consentement):
        colonnes.append(f"c.{colonne_optin}")
    where = ("\nWHERE " + "\n  AND ".join(conditions)) if conditions else ""
    return (
        "WITH ventes AS (  -- chiffre d'affaires HT des 12 derniers mois\n"
        "  SELECT id_client, sum(montant_ht) AS ca_12_mois\n"
        "  FROM commandes\n"
        f"  WHERE statut <> 'annulée' AND date_commande > DATE '{debut.isoformat()}'\n"
        "  GROUP BY id_client\n"
        ")\n"
        "SELECT " + ",\n       ".join(colonnes) + "\n"
        "FROM clients AS c\n"
        "LEFT JOIN ventes AS v ON v.id_client = c.id_client"
        f"{where}\n"
        "ORDER BY ca_12_mois DESC, c.id_client"
    )


def _verifier_criteres(criteres: Mapping[str, Any] | None) -> dict[str, Any]:
    complets = dict(_CRITERES_PAR_DEFAUT)
    for cle, valeur in dict(criteres or {}).items():
        verifier_nom(str(cle), list(_CRITERES_PAR_DEFAUT), quoi="Le critère")
        complets[cle] = valeur
    verifier_nom(str(complets["canal"]), list(_CANAUX), quoi="Le canal")
    verifier_nom(
        str(complets["type_client"]), [TOUS, "professionnel", "particulier"], quoi="Le type"
    )
    for cle in ("secteurs", "departements"):
        if isinstance(complets[cle], str):
            complets[cle] = (complets[cle],)
        complets[cle] = tuple(complets[cle])
    try:
        complets["ca_min"] = float(complets["ca_min"] or 0)
    except (TypeError, ValueError):
        raise ErreurCours(
            f"ca_min doit être un montant en euros (un nombre) ; reçu : {complets['ca_min']!r}."
        ) from None
    if not math.isfinite(complets["ca_min"]):
        raise ErreurCours(f"ca_min doit être un montant fini ; reçu : {complets['ca_min']!r}.")
    if complets["ca_min"] < 0:
        raise ErreurCours(f"ca_min ne peut pas être négatif ; reçu : {complets['ca_min']}.")
    return complets


def cibler(
    criteres: Mapping[str, Any] | None = None, con: duckdb.DuckDBPyConnection | None = None
) -> Ciblage:
    """Sélectionne les clients à contacter pour une campagne, dans le respect du RGPD.

    ``criteres`` (tous facultatifs) : ``type_client`` (« tous », « professionnel »,
    « particulier »), ``secteurs`` et ``departements`` (listes ; vides = tous),
    ``canal`` (« e-mail » ou « SMS »), ``ca_min`` (CA HT des 12 derniers mois,
    en euros), ``respecter_consentement`` (``True`` : seuls les clients qui ont
    donné leur accord, opt-in, pour ce canal).

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> c = cibler({"type_client": "particulier", "canal": "e-mail"})
    >>> c.n == len(c.contacts)
    True
    >>> c.n + c.n_sans_consentement + c.n_sans_coordonnees == c.n_selection
    True
    >>> cibler({"canal": "courrier"})
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.NomInconnu: Le canal 'courrier' n'existe pas. Possibilités : e-mail, SMS.
    """
    criteres = _verifier_criteres(criteres)
    colonne_contact, colonne_optin = _CANAUX[criteres["canal"]]
    # Une seule requête, sans les filtres de contact et de consentement : les
    # effectifs exclus se comptent ensuite en mémoire (plus rapide que trois requêtes).
    tous = donnees.requete(_requete_ciblage(criteres, joignables=False, consentement=False), con)
    joignables = tous[tous[colonne_contact].notna()]
    consentants = joignables[colonne_optin].fillna(False).astype(bool)
    retenus = joignables[consentants] if criteres["respecter_consentement"] else joignables
    return Ciblage(
        n=len(retenus),
        sql=_requete_ciblage(criteres, consentement=criteres["respecter_consentement"]),
        contacts=retenus.drop(columns=colonne_optin).reset_index(drop=True),
        n_selection=len(tous),
        n_sans_coordonnees=len(tous) - len(joignables),
        n_sans_consentement=int((~consentants).sum()),
    )


class CiblageCampagne(widgets.VBox):
    """Widget de ciblage d'une campagne : critères → effectif, exclusions RGPD, requête SQL.

    Éléments : ``choix_type``, ``choix_secteurs``, ``choix_departements``,
    ``choix_canal``, ``curseur_ca``, ``case_consentement``, ``bilan``,
    ``requete_sql``, ``apercu``.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection | None = None) -> None:
        self.con = con
        secteurs = donnees.requete(
            "SELECT DISTINCT secteur_activite FROM clients WHERE secteur_activite IS NOT NULL "
            "ORDER BY 1",
            con,
        )["secteur_activite"].tolist()
        departements = donnees.requete(
            "SELECT departement, count(*) AS n FROM clients WHERE departement IS NOT NULL "
            "GROUP BY 1 ORDER BY n DESC, 1",
            con,
        )["departement"].tolist()
        style = {"description_width": "12em"}
        self.choix_type = widgets.ToggleButtons(
            options=[
                ("Tous", TOUS),
                ("Professionnels", "professionnel"),
                ("Particuliers", "particulier"),
            ],
            description="Type de client :",
            style=style,
        )
        self.choix_secteurs = widgets.SelectMultiple(
            options=secteurs, rows=5, description="Secteurs (pros) :", style=style
        )
        self.choix_departements = widgets.SelectMultiple(
            options=departements, rows=5, description="Départements :", style=style
        )
        self.choix_canal = widgets.ToggleButtons(
            options=list(_CANAUX), description="Canal :", style=style
        )
        self.curseur_ca = widgets.IntSlider(
            value=0,
            min=0,
            max=20000,
            step=500,
            description="CA 12 mois ≥ (€) :",
            style=style,
            continuous_update=False,
            layout=widgets.Layout(width="32em"),
        )
        self.case_consentement = widgets.Checkbox(
            value=True, description="Respecter le consentement (opt-in RGPD)", indent=False
        )
        self.bilan = widgets.HTML()
        self.requete_sql = widgets.HTML()
        self.apercu = widgets.HTML(layout=widgets.Layout(max_height="300px", overflow="auto"))
        for controle in (
            self.choix_type,
            self.choix_secteurs,
            self.choix_departements,
            self.choix_canal,
            self.curseur_ca,
            self.case_consentement,
        ):
            controle.observe(self._sur_changement, names="value")
        super().__init__(
            [
                self.choix_type,
                widgets.HBox([self.choix_secteurs, self.choix_departements]),
                self.choix_canal,
                self.curseur_ca,
                self.case_consentement,
                self.bilan,
                widgets.Accordion(children=[self.requete_sql], titles=("Requête SQL générée",)),
                self.apercu,
            ],
            layout=_LARGEUR,
        )
        self.actualiser()

    def criteres(self) -> dict[str, Any]:
        """Les critères choisis dans le widget, au format de :func:`cibler`."""
        return {
            "type_client": self.choix_type.value,
            "secteurs": tuple(self.choix_secteurs.value),
            "departements": tuple(self.choix_departements.value),
            "canal": self.choix_canal.value,
            "ca_min": self.curseur_ca.value,
            "respecter_consentement": self.case_consentement.value,
        }

    def actualiser(self) -> None:
        """Recalcule le ciblage et met à jour le bilan, la requête et l'aperçu."""
        try:
            resultat = cibler(self.criteres(), self.con)
        except ErreurCours as erreur:
            self.bilan.value = _html_message(str(erreur), "erreur")
            return
        canal = self.choix_canal.value
        lignes = [
            f"<b>{_pluriel(resultat.n, 'contact')} à cibler</b> par {canal}.",
            f"{_pluriel(resultat.n_selection, 'client')} répondent aux critères commerciaux ; "
            f"{formats.nombre(resultat.n_sans_coordonnees, 0)} sans coordonnée {canal} "
            "(injoignables).",
        ]
        if self.case_consentement.value:
            lignes.append(
                f"{formats.nombre(resultat.n_sans_consentement, 0)} exclus faute de consentement "
                "(pas d'opt-in) : la loi et la confiance du client l'imposent."
            )
        else:
            lignes.append(
                f"<span style='color:#b71c1c'>⚠ {formats.nombre(resultat.n_sans_consentement, 0)}"
                " contacts sans consentement sont inclus : envoi contraire au RGPD pour les "
                "particuliers (opt-in obligatoire), risque de plainte à la CNIL.</span>"
            )
        self.bilan.value = "<br>".join(lignes)
        self.requete_sql.value = f"<pre>{html.escape(resultat.sql)}</pre>"
        self.apercu.value = _html_tableau(resultat.contacts, 10)

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def ciblage_campagne(con: duckdb.DuckDBPyConnection | None = None) -> CiblageCampagne:
    """Widget : cibler une campagne (e-mail ou SMS) et voir l'effet du consentement RGPD.

    >>> import gc_helpers as gc
    >>> w = ciblage_campagne(gc.connecter())
    >>> w.choix_type.value = "particulier"
    >>> "à cibler" in w.bilan.value
    True
    """
    return CiblageCampagne(con=con)
