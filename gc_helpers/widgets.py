"""Widgets interactifs du cours (ipywidgets 8), un par notion.

Chaque widget sépare le **calcul** (une fonction ordinaire, testable sans
navigateur : :func:`executer_requete`, :func:`cibler`, :func:`paires_doublons`)
de l'**affichage** : le bouton ou le curseur appelle le calcul puis met à jour
les zones HTML du widget. Rien de ce qui est noté ne dépend de l'état d'un widget.

Les widgets travaillent sur la connexion du notebook (la copie de travail
ouverte par ``gc.connecter()``) : l'étudiant peut tout casser, le bouton
« Réinitialiser la base » remet les données d'origine.

Ce module importe ipywidgets : le paquet ne le charge qu'à la première
utilisation de ``gc.widgets`` (``import gc_helpers`` reste léger).
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import duckdb
import ipywidgets as widgets
import pandas as pd

from . import donnees, formats
from ._erreurs import ErreurCours, verifier_nom
from .formats import _pluriel

__all__ = [
    "console_sql",
    "ConsoleSQL",
    "executer_requete",
    "ciblage_campagne",
    "CiblageCampagne",
    "Ciblage",
    "cibler",
    "explorateur_qualite",
    "ExplorateurQualite",
    "paires_doublons",
]

_LARGEUR = widgets.Layout(width="100%")

# Colonnes affichées en euros dans les résultats, d'après leur nom : le type
# DuckDB ne dit pas qu'un DECIMAL est un montant.
_MOTIF_EUROS = re.compile(
    r"(^|_)(ca|montant|prix|cout|plafond|geste|marge|encours)(_|$)|_(ht|ttc)$",
    re.I,
)


def _est_numerique(serie: pd.Series) -> bool:
    if pd.api.types.is_bool_dtype(serie):
        return False
    if pd.api.types.is_numeric_dtype(serie):
        return True
    # DuckDB renvoie les DECIMAL dans des colonnes « object » de Decimal.
    exemple = serie.dropna()
    return bool(len(exemple)) and isinstance(exemple.iloc[0], Decimal)


def _identifiant(valeur: Any) -> str:
    # Un numéro de client ou de facture s'écrit sans séparateur de milliers (« 4381 »).
    return formats.VIDE if pd.isna(valeur) else str(int(valeur))


def _formats_colonnes(df: pd.DataFrame) -> dict[str, Any]:
    """Formats d'affichage déduits des noms de colonnes (montants en euros, taux en %)."""
    choix: dict[str, Any] = {}
    for colonne in df.columns:
        nom = str(colonne)
        if not _est_numerique(df[colonne]):
            continue
        if nom.startswith("id_"):
            choix[nom] = _identifiant
        elif nom.startswith(("taux_", "part_")):  # avant les euros : « taux_marge » est un %
            choix[nom] = "pourcentage"
        elif nom.startswith(("nb_", "nombre_")) or nom.lower().startswith("count"):
            continue  # un effectif, même « nb_total », n'est pas un montant
        elif _MOTIF_EUROS.search(nom):
            choix[nom] = "euros"
    return choix


def _html_tableau(df: pd.DataFrame, lignes_max: int) -> str:
    apercu = df.head(lignes_max)
    try:
        return formats.tableau_html(apercu, formats=_formats_colonnes(apercu))
    except (ErreurCours, ValueError, TypeError):
        # Une colonne au contenu inattendu ne doit pas empêcher de voir le résultat.
        return apercu.to_html(index=False, na_rep=formats.VIDE)


def _html_message(texte: str, genre: str = "info") -> str:
    couleurs = {"info": "#1f4e79", "ok": "#1b5e20", "erreur": "#b71c1c"}
    corps = "<br>".join(html.escape(ligne) for ligne in texte.splitlines())
    return f'<div style="color:{couleurs[genre]}; margin:4px 0">{corps}</div>'


# --------------------------------------------------------------------------
# Console SQL
# --------------------------------------------------------------------------


def executer_requete(
    requete: str, con: duckdb.DuckDBPyConnection | None = None, lignes_max: int = 20
) -> tuple[pd.DataFrame | None, str]:
    """Exécute ``requete`` et renvoie ``(résultat, message en français)``.

    Le résultat vaut ``None`` quand la requête échoue ; le message explique
    alors l'erreur (``gc.ErreurSQL``) au lieu d'afficher une trace Python.

    >>> import gc_helpers as gc
    >>> con = gc.connecter()
    >>> df, message = executer_requete("SELECT 1 AS a UNION ALL SELECT 2", con)
    >>> len(df), message
    (2, '2 lignes au total.')
    >>> df, message = executer_requete("SELEC 1", con)
    >>> df is None, message.splitlines()[0]
    (True, 'Erreur de syntaxe SQL près de « SELEC ».')
    """
    if not isinstance(requete, str) or not requete.strip():
        return None, "La requête est vide : écrivez une instruction SQL, par exemple SELECT …"
    try:
        df = donnees.requete(requete, con)
    except ErreurCours as erreur:
        return None, str(erreur)
    if list(df.columns) == ["lignes_modifiees"]:
        n = int(df.iloc[0, 0]) if len(df) else 0
        return df, f"{_pluriel(n, 'ligne')} {'modifiées' if n > 1 else 'modifiée'}."
    if df.shape[1] == 0:
        return df, "Instruction exécutée."
    message = f"{_pluriel(len(df), 'ligne')} au total."
    if len(df) > lignes_max:
        message += f" Seules les {lignes_max} premières sont affichées."
    return df, message


def _html_colonnes(nom_table: str, con: duckdb.DuckDBPyConnection | None) -> str:
    try:
        cols = donnees.colonnes(nom_table, con)
    except ErreurCours as erreur:
        return _html_message(str(erreur), "erreur")
    cols = cols.assign(obligatoire=cols["obligatoire"].map({True: "oui", False: "non"}))
    return formats.tableau(cols).to_html()


class ConsoleSQL(widgets.VBox):
    """Console SQL : zone de requête, bouton « Exécuter », résultat, explorateur des tables.

    Les éléments sont accessibles pour piloter la console depuis du code
    (tests) : ``zone_requete``, ``bouton_executer``, ``bouton_reinitialiser``,
    ``message``, ``resultat``, ``choix_table``, ``schema``.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection | None = None,
        requete_initiale: str = "SELECT * FROM clients LIMIT 10",
        lignes_max: int = 20,
    ) -> None:
        self.con = con
        self.lignes_max = lignes_max
        self.zone_requete = widgets.Textarea(
            value=requete_initiale,
            placeholder="Écrivez votre requête SQL ici, puis cliquez sur « Exécuter ».",
            layout=widgets.Layout(width="100%", height="9em"),
        )
        self.bouton_executer = widgets.Button(
            description="Exécuter", button_style="primary", icon="play", tooltip="Exécuter"
        )
        self.bouton_reinitialiser = widgets.Button(
            description="Réinitialiser la base",
            icon="undo",
            tooltip="Remettre les données d'origine (annule vos INSERT, UPDATE, DELETE)",
            layout=widgets.Layout(width="auto"),
        )
        self.message = widgets.HTML()
        self.resultat = widgets.HTML(layout=widgets.Layout(max_height="420px", overflow="auto"))
        noms = list(donnees.tables(con)["table"])
        self.choix_table = widgets.Dropdown(
            options=noms,
            value="clients" if "clients" in noms else (noms[0] if noms else None),
            description="Table :",
        )
        self.schema = widgets.HTML(layout=widgets.Layout(max_height="320px", overflow="auto"))
        explorateur = widgets.Accordion(
            children=[widgets.VBox([self.choix_table, self.schema])],
            titles=("Tables et colonnes de la base",),
        )
        self.bouton_executer.on_click(self._sur_executer)
        self.bouton_reinitialiser.on_click(self._sur_reinitialiser)
        self.choix_table.observe(self._sur_table, names="value")
        self._afficher_schema()
        super().__init__(
            [
                explorateur,
                self.zone_requete,
                widgets.HBox([self.bouton_executer, self.bouton_reinitialiser]),
                self.message,
                self.resultat,
            ],
            layout=_LARGEUR,
        )

    def executer(self) -> None:
        """Exécute la requête de la zone de texte et affiche le résultat."""
        df, texte = executer_requete(self.zone_requete.value, self.con, self.lignes_max)
        if df is None:
            self.message.value = _html_message(texte, "erreur")
            self.resultat.value = ""
            return
        self.message.value = _html_message(texte, "ok")
        self.resultat.value = _html_tableau(df, self.lignes_max) if df.shape[1] else ""
        if donnees.type_instruction(self.zone_requete.value, self.con) in {
            "CREATE",
            "DROP",
            "ALTER",
        }:
            self._actualiser_tables()

    def _sur_executer(self, _bouton: widgets.Button) -> None:
        self.executer()

    def _sur_reinitialiser(self, _bouton: widgets.Button) -> None:
        donnees.reinitialiser(self.con)
        self._actualiser_tables()
        self.resultat.value = ""
        self.message.value = _html_message(
            "Base réinitialisée : les données d'origine sont restaurées.", "ok"
        )

    def _actualiser_tables(self) -> None:
        noms = list(donnees.tables(self.con)["table"])
        courant = self.choix_table.value
        self.choix_table.options = noms
        if courant in noms:
            self.choix_table.value = courant
        self._afficher_schema()

    def _sur_table(self, _changement: Mapping[str, Any]) -> None:
        self._afficher_schema()

    def _afficher_schema(self) -> None:
        nom = self.choix_table.value
        self.schema.value = _html_colonnes(nom, self.con) if nom else ""


def console_sql(
    con: duckdb.DuckDBPyConnection | None = None,
    requete_initiale: str = "SELECT * FROM clients LIMIT 10",
    lignes_max: int = 20,
) -> ConsoleSQL:
    """Une console SQL dans le notebook, sur la copie de travail de la base.

    ``con`` : la connexion du notebook (par défaut, la dernière ouverte par
    ``gc.connecter()``). Les erreurs s'affichent en français, le résultat
    est mis en forme à la française (au plus ``lignes_max`` lignes affichées).

    >>> import gc_helpers as gc
    >>> console = console_sql(gc.connecter(), "SELECT count(*) AS nb FROM commerciaux")
    >>> console.bouton_executer.click()
    >>> "1 ligne au total" in console.message.value
    True
    """
    return ConsoleSQL(con=con, requete_initiale=requete_initiale, lignes_max=lignes_max)


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


# --------------------------------------------------------------------------
# Explorateur de doublons (fiabilisation du fichier du salon)
# --------------------------------------------------------------------------

_COLONNES_DOUBLONS = ["raison_sociale", "contact_nom", "code_postal"]
_NORMALISATION_SALON = {
    "raison_sociale": "raison_sociale",
    "contact_nom": "nom",
    "contact_prenom": "nom",
    "email": "email",
    "telephone": "telephone",
    "code_postal": "code_postal",
}


def paires_doublons(toutes: pd.DataFrame, seuil: float) -> pd.DataFrame:
    """Les paires de ``toutes`` (résultat de ``gc.doublons_probables``) de score ≥ ``seuil``.

    Le calcul des scores (coûteux) est fait une fois ; déplacer le curseur ne
    fait que filtrer.

    >>> import pandas as pd
    >>> p = pd.DataFrame({"ligne_1": [1, 2], "ligne_2": [3, 4], "score": [95.0, 80.0]})
    >>> len(paires_doublons(p, 90)), len(paires_doublons(p, 75))
    (1, 2)
    """
    return toutes[toutes["score"] >= seuil].reset_index(drop=True)


class ExplorateurQualite(widgets.VBox):
    """Curseur du seuil de similarité → paires de doublons probables d'un fichier de contacts.

    Éléments : ``curseur_seuil``, ``bilan``, ``apercu``.
    """

    def __init__(
        self,
        contacts: pd.DataFrame | None = None,
        colonnes: list[str] | None = None,
        con: duckdb.DuckDBPyConnection | None = None,
        seuil_min: int = 60,
    ) -> None:
        from . import qualite

        if contacts is None:
            # Par défaut : le fichier du salon, normalisé (sinon « PARIS » ≠ « Paris »).
            contacts = qualite.normaliser_table(
                donnees.table("import_salon", con), _NORMALISATION_SALON
            )
        self.colonnes = list(colonnes or _COLONNES_DOUBLONS)
        self.n_lignes = len(contacts)
        identifiant = "id_ligne" if "id_ligne" in contacts.columns else None
        # Tous les scores au-dessus du seuil minimal, une fois pour toutes.
        self._toutes = qualite.doublons_probables(
            contacts, self.colonnes, seuil=seuil_min, id_colonne=identifiant
        )
        self.curseur_seuil = widgets.IntSlider(
            value=85,
            min=seuil_min,
            max=100,
            step=1,
            description="Seuil (sur 100) :",
            style={"description_width": "10em"},
            layout=widgets.Layout(width="34em"),
        )
        self.bilan = widgets.HTML()
        self.apercu = widgets.HTML(layout=widgets.Layout(max_height="360px", overflow="auto"))
        self.curseur_seuil.observe(self._sur_seuil, names="value")
        super().__init__([self.curseur_seuil, self.bilan, self.apercu], layout=_LARGEUR)
        self.actualiser()

    def actualiser(self) -> None:
        """Filtre les paires au seuil choisi et met à jour le bilan et le tableau."""
        paires = paires_doublons(self._toutes, self.curseur_seuil.value)
        self.bilan.value = (
            f"<b>{_pluriel(len(paires), 'paire')} de doublons probables</b> "
            f"au seuil {self.curseur_seuil.value} sur {formats.nombre(self.n_lignes, 0)} lignes "
            f"(comparaison sur : {', '.join(self.colonnes)}).<br>Seuil bas : on attrape plus de "
            "doublons, mais aussi des « faux amis » ; seuil haut : on en laisse passer."
        )
        self.apercu.value = _html_tableau(paires, 30)

    def _sur_seuil(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def explorateur_qualite(
    contacts: pd.DataFrame | None = None,
    colonnes: list[str] | None = None,
    con: duckdb.DuckDBPyConnection | None = None,
) -> ExplorateurQualite:
    """Widget : choisir le seuil de similarité et voir les doublons probables.

    ``contacts`` : la table à examiner (par défaut, le fichier du salon
    ``import_salon`` normalisé) ; ``colonnes`` : les colonnes comparées
    (par défaut raison sociale, nom du contact et code postal).

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> w = explorateur_qualite()
    >>> w.curseur_seuil.value = 100
    >>> "paire" in w.bilan.value
    True
    """
    return ExplorateurQualite(contacts=contacts, colonnes=colonnes, con=con)
