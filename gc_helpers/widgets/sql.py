"""Console SQL : écrire une requête, voir le résultat formaté à la française."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import duckdb
import ipywidgets as widgets
import pandas as pd

from .. import donnees, formats
from .._erreurs import ErreurCours
from ..formats import _pluriel
from ._commun import _LARGEUR, _html_message, _html_tableau

__all__ = ["console_sql", "ConsoleSQL", "executer_requete"]


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
