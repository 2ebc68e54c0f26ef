"""Explorateur de segmentation : critères choisis → tri croisé et graphique des clients."""

from __future__ import annotations

import duckdb
import ipywidgets as widgets
import pandas as pd

from .. import donnees, formats, segmentation
from .._erreurs import ErreurCours, verifier_nom
from ._commun import _LARGEUR, _html_message
from .scoring import barres_html

__all__ = [
    "CRITERES_SEGMENTATION",
    "INDICATEURS_SEGMENTATION",
    "clients_a_segmenter",
    "segmenter",
    "explorateur_segmentation",
    "ExplorateurSegmentation",
]

# colonne → libellé affiché
CRITERES_SEGMENTATION = {
    "secteur_activite": "Secteur d'activité",
    "territoire": "Territoire du commercial",
    "canal_acquisition": "Canal d'acquisition",
    "conditions_paiement": "Conditions de paiement",
    "anciennete": "Ancienneté du compte",
    "statut_activite": "Activité (actif, dormant, perdu)",
}
INDICATEURS_SEGMENTATION = {
    "nombre": "Nombre de clients",
    "ca_12_mois": "CA HT des 12 derniers mois",
    "ca_moyen": "CA HT moyen par client (12 mois)",
}
AUCUN = "(aucun)"


def clients_a_segmenter(con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Une ligne par client professionnel avec ses critères de segmentation et son CA sur 12 mois."""
    reference = donnees.DATE_REFERENCE
    debut = reference.replace(year=reference.year - 1).isoformat()
    return donnees.requete(
        f"""
        WITH ventes AS (
          SELECT id_client,
                 sum(montant_ht) FILTER (WHERE date_commande > DATE '{debut}') AS ca_12_mois,
                 max(date_commande) AS derniere_commande
          FROM commandes WHERE statut <> 'annulée' GROUP BY id_client
        )
        SELECT c.id_client, c.secteur_activite, m.secteur AS territoire, c.canal_acquisition,
               c.conditions_paiement,
               CASE WHEN date_diff('year', c.date_creation, DATE '{reference}') < 2
                      THEN '1. moins de 2 ans'
                    WHEN date_diff('year', c.date_creation, DATE '{reference}') < 5
                      THEN '2. de 2 à 5 ans'
                    ELSE '3. 5 ans et plus' END AS anciennete,
               CASE WHEN v.derniere_commande > DATE '{debut}' THEN 'actif'
                    WHEN v.derniere_commande > DATE '{debut}' - INTERVAL 1 YEAR THEN 'dormant'
                    ELSE 'perdu' END AS statut_activite,
               coalesce(v.ca_12_mois, 0) AS ca_12_mois
        FROM clients AS c
        LEFT JOIN ventes AS v USING (id_client)
        LEFT JOIN commerciaux AS m USING (id_commercial)
        WHERE c.type_client = 'professionnel'
        ORDER BY c.id_client
        """,
        con,
    )


def segmenter(
    clients: pd.DataFrame, ligne: str, colonne: str | None = None, indicateur: str = "nombre"
) -> pd.DataFrame:
    """Tri croisé des clients selon un ou deux critères, pour l'indicateur choisi (avec totaux).

    >>> import gc_helpers as gc
    >>> c = clients_a_segmenter(gc.connecter())
    >>> int(segmenter(c, "secteur_activite").loc["Total", "Total"])
    880
    """
    verifier_nom(ligne, list(CRITERES_SEGMENTATION), quoi="Le critère")
    verifier_nom(indicateur, list(INDICATEURS_SEGMENTATION), quoi="L'indicateur")
    if colonne in (None, AUCUN):
        clients = clients.assign(_tous="ensemble")
        colonne = "_tous"
    else:
        verifier_nom(colonne, list(CRITERES_SEGMENTATION), quoi="Le critère")
        if colonne == ligne:
            raise ErreurCours("Choisissez deux critères différents pour un tri croisé.")
    if indicateur == "nombre":
        table = segmentation.tri_croise(clients, ligne, colonne)
    else:
        table = segmentation.tri_croise(clients, ligne, colonne, valeurs="ca_12_mois")
        if indicateur == "ca_moyen":
            table = table / segmentation.tri_croise(clients, ligne, colonne).replace(
                0, float("nan")
            )
    if colonne == "_tous":
        table = table[["Total"]]
    return table


class ExplorateurSegmentation(widgets.VBox):
    """Widget : critère en ligne, critère en colonne, indicateur → tri croisé et barres.

    Éléments : ``choix_ligne``, ``choix_colonne``, ``choix_indicateur``,
    ``choix_pourcentage`` (case : parts en % de la ligne), ``tableau``, ``graphique``.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection | None = None) -> None:
        self.clients = clients_a_segmenter(con)
        options = [(libelle, cle) for cle, libelle in CRITERES_SEGMENTATION.items()]
        style = {"description_width": "150px"}
        self.choix_ligne = widgets.Dropdown(
            options=options, value="secteur_activite", description="Critère en ligne :", style=style
        )
        self.choix_colonne = widgets.Dropdown(
            options=[("(aucun : tri à plat)", AUCUN), *options], value=AUCUN,
            description="Critère en colonne :", style=style,
        )  # fmt: skip
        self.choix_indicateur = widgets.Dropdown(
            options=[(libelle, cle) for cle, libelle in INDICATEURS_SEGMENTATION.items()],
            description="Indicateur :", style=style,
        )  # fmt: skip
        self.choix_pourcentage = widgets.Checkbox(value=False, description="en % de la ligne")
        self.tableau = widgets.HTML()
        self.graphique = widgets.HTML()
        for controle in (
            self.choix_ligne, self.choix_colonne, self.choix_indicateur, self.choix_pourcentage,
        ):  # fmt: skip
            controle.observe(lambda _c: self.actualiser(), names="value")
        super().__init__(
            [
                widgets.HBox([self.choix_ligne, self.choix_colonne]),
                widgets.HBox([self.choix_indicateur, self.choix_pourcentage]),
                self.tableau,
                self.graphique,
            ],
            layout=_LARGEUR,
        )
        self.actualiser()

    def actualiser(self) -> None:
        """Recalcule le tri croisé et redessine le tableau et les barres."""
        indicateur = self.choix_indicateur.value
        try:
            table = segmenter(
                self.clients, self.choix_ligne.value, self.choix_colonne.value, indicateur
            )
        except ErreurCours as erreur:
            self.tableau.value = _html_message(str(erreur), "erreur")
            self.graphique.value = ""
            return
        en_pourcentage = self.choix_pourcentage.value and indicateur != "ca_moyen"
        affichee = table.div(table["Total"], axis=0) if en_pourcentage else table
        if en_pourcentage:
            ecrire = formats.pourcentage
        elif indicateur == "nombre":
            ecrire = lambda v: formats.nombre(v, 0)  # noqa: E731
        else:
            ecrire = lambda v: formats.euros(v, 0)  # noqa: E731
        sortie = affichee.reset_index().rename(
            columns={self.choix_ligne.value: CRITERES_SEGMENTATION[self.choix_ligne.value]}
        )
        sortie.columns = [str(c) for c in sortie.columns]
        self.tableau.value = formats.tableau_html(
            sortie, formats={c: ecrire for c in sortie.columns[1:]}
        )
        sans_total = table.drop(index="Total")
        if indicateur == "nombre" or indicateur == "ca_12_mois":
            valeurs = (sans_total["Total"] / table.loc["Total", "Total"]).tolist()
            ecrire_barre, titre = formats.pourcentage, "Part du total"
        else:
            valeurs, ecrire_barre, titre = sans_total["Total"].tolist(), ecrire, "CA moyen"
        self.graphique.value = barres_html(
            [str(i) for i in sans_total.index],
            valeurs,
            ecrire_barre,
            f"{titre} — {INDICATEURS_SEGMENTATION[indicateur]}",
        )


def explorateur_segmentation(
    con: duckdb.DuckDBPyConnection | None = None,
) -> ExplorateurSegmentation:
    """Widget : explorer la segmentation des clients professionnels (tris à plat et croisés).

    >>> import gc_helpers as gc
    >>> w = explorateur_segmentation(gc.connecter())
    >>> w.choix_colonne.value = "territoire"
    >>> "Paris Centre" in w.tableau.value
    True
    """
    return ExplorateurSegmentation(con)
