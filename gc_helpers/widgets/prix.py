"""Widgets du prix (S443) : simulateur prix → volume → CA et marge, graphique du prix psychologique.

Les calculs sont :func:`simulation_prix` et :func:`gc.prix_psychologique`,
testables sans navigateur ; les graphiques sont en SVG (pas de matplotlib à
chaque mouvement de curseur).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd

from .. import donnees, formats, prix
from .._erreurs import ErreurCours
from ._commun import _LARGEUR, _html_message, _html_tableau
from ._svg import Courbe, courbes_svg

__all__ = [
    "simulateur_prix",
    "SimulateurPrix",
    "simulation_prix",
    "ventes_12_mois",
    "graphique_prix_psychologique",
    "GraphiquePrixPsychologique",
]

_STYLE = {"description_width": "12em"}
_POINTS_COURBE = 31


def ventes_12_mois() -> pd.DataFrame:
    """Par produit actif : prix HT du tarif, coût d'achat HT et quantités vendues sur 12 mois.

    Les 12 mois qui précèdent la date de référence des données (``gc.DATE_REFERENCE``).
    """
    return donnees.requete(
        f"""
        SELECT p.reference, p.designation, p.prix_vente_ht::DOUBLE AS prix_vente_ht,
               p.cout_achat_ht::DOUBLE AS cout_achat_ht,
               COALESCE(v.quantite, 0)::DOUBLE AS quantite_12_mois
        FROM produits p
        LEFT JOIN (
            SELECT l.id_produit, SUM(l.quantite) AS quantite
            FROM lignes_commande l JOIN commandes c USING (id_commande)
            WHERE c.date_commande > DATE '{donnees.DATE_REFERENCE}' - INTERVAL 12 MONTH
            GROUP BY l.id_produit
        ) v USING (id_produit)
        WHERE p.actif
        ORDER BY p.reference
        """
    )


def simulation_prix(
    prix_reference: float,
    volume_reference: float,
    cout_unitaire: float,
    elasticite: float,
    nouveau_prix: float,
) -> pd.DataFrame:
    """Situation actuelle et situation simulée (prix, volume, CA, marge, taux de marque).

    >>> s = simulation_prix(40, 1000, 25, -2, 44)
    >>> s["marge"].round(2).tolist()  # 15 × 1 000 ; 19 × 1 000 × 1,1^-2
    [15000.0, 15702.48]
    """
    lignes = [
        prix.simuler_prix(p, prix_reference, volume_reference, elasticite, cout_unitaire)
        for p in (prix_reference, nouveau_prix)
    ]
    table = pd.DataFrame(lignes, index=["Prix actuel", "Prix simulé"])
    table.index.name = "situation"
    return table


class SimulateurPrix(widgets.VBox):
    """Simulateur de prix d'un produit du catalogue.

    Éléments : ``produit`` (Dropdown des références), ``curseur_prix`` (€ HT),
    ``curseur_elasticite``, ``resultat`` (tableau et bilan), ``graphique`` (SVG).
    """

    def __init__(self, reference: str = "TM-PL-001", elasticite: float = -1.4) -> None:
        self.ventes = ventes_12_mois().set_index("reference")
        self.produit = widgets.Dropdown(
            options=[(f"{r} — {d}", r) for r, d in self.ventes["designation"].items()],
            value=reference,
            description="Produit :",
            style=_STYLE,
            layout=widgets.Layout(width="44em"),
        )
        self.curseur_prix = widgets.FloatSlider(
            description="Prix de vente HT (€) :",
            style=_STYLE,
            step=0.1,
            readout_format=".2f",
            continuous_update=False,
            layout=widgets.Layout(width="44em"),
        )
        self.curseur_elasticite = widgets.FloatSlider(
            value=elasticite,
            min=-4,
            max=0,
            step=0.1,
            description="Élasticité-prix :",
            style=_STYLE,
            continuous_update=False,
            layout=widgets.Layout(width="44em"),
        )
        self.resultat = widgets.HTML()
        self.graphique = widgets.HTML()
        self.produit.observe(self._sur_produit, names="value")
        for controle in (self.curseur_prix, self.curseur_elasticite):
            controle.observe(self._sur_changement, names="value")
        super().__init__(
            [
                self.produit,
                self.curseur_prix,
                self.curseur_elasticite,
                self.resultat,
                self.graphique,
            ],
            layout=_LARGEUR,
        )
        self._sur_produit({})

    def _donnees_produit(self) -> tuple[float, float, float]:
        ligne = self.ventes.loc[self.produit.value]
        return ligne["prix_vente_ht"], ligne["quantite_12_mois"], ligne["cout_achat_ht"]

    def _sur_produit(self, _changement: Mapping[str, Any]) -> None:
        p0, _, cout = self._donnees_produit()
        curseur = self.curseur_prix
        with curseur.hold_trait_notifications():
            curseur.min, curseur.max = 0, 10_000  # élargir d'abord, sinon la valeur est bornée
            curseur.min, curseur.max = round(max(cout, 0.5 * p0), 2), round(1.5 * p0, 2)
            curseur.value = p0
        self.actualiser()

    def actualiser(self) -> None:
        """Recalcule la simulation, le bilan et le graphique."""
        p0, v0, cout = self._donnees_produit()
        e = self.curseur_elasticite.value
        try:
            table = simulation_prix(p0, v0, cout, e, self.curseur_prix.value)
        except ErreurCours as erreur:
            self.resultat.value = _html_message(str(erreur), "erreur")
            return
        ecart = table.iloc[1] - table.iloc[0]
        sens = "gagne" if ecart["marge"] >= 0 else "perd"
        bilan = (
            f"Volume de référence : {formats.nombre(v0)} unités vendues sur 12 mois. "
            f"Au prix simulé, l'entreprise {sens} {formats.euros(abs(ecart['marge']))} de marge "
            f"et le chiffre d'affaires varie de {formats.euros(ecart['chiffre_affaires'])}."
        )
        self.resultat.value = _html_tableau(table.reset_index(), 5) + _html_message(bilan)
        grille = np.linspace(self.curseur_prix.min, self.curseur_prix.max, _POINTS_COURBE)
        sims = [prix.simuler_prix(p, p0, v0, e, cout) for p in grille]
        ca = [s["chiffre_affaires"] for s in sims]
        marge = [s["marge"] for s in sims]
        haut = max(max(ca), 1.0)
        choisi = self.curseur_prix.value
        self.graphique.value = courbes_svg(
            [
                Courbe("Chiffre d'affaires HT", grille, ca),
                Courbe("Marge", grille, marge),
                Courbe(
                    "Prix choisi", [choisi, choisi], [0, haut], couleur="#7f7f7f", pointilles=True
                ),
            ],
            titre="CA et marge selon le prix de vente HT",
            format_y=lambda v: formats.euros(v, 0),
            etiquettes_x=[(x, formats.euros(x, 2)) for x in grille[::10]],
        )

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def simulateur_prix(reference: str = "TM-PL-001", elasticite: float = -1.4) -> SimulateurPrix:
    """Widget : changer le prix d'un produit et voir l'effet sur le volume, le CA et la marge.

    >>> w = simulateur_prix()
    >>> "Prix simulé" in w.resultat.value
    True
    """
    return SimulateurPrix(reference, elasticite)


class GraphiquePrixPsychologique(widgets.VBox):
    """Courbes « mauvaise qualité », « trop cher » et « acheteurs » d'une enquête de prix.

    Éléments : ``curseur_prix`` (un des prix candidats), ``lecture`` (HTML), ``graphique`` (SVG).
    """

    def __init__(self, prix_mini: Sequence[float], prix_maxi: Sequence[float]) -> None:
        self.resultat = prix.prix_psychologique(prix_mini, prix_maxi)
        t = self.resultat.tableau
        self.curseur_prix = widgets.SelectionSlider(
            options=[(formats.euros(p, 0), float(p)) for p in t["prix"]],
            value=self.resultat.meilleur_prix,
            description="Prix TTC :",
            continuous_update=False,
            layout=widgets.Layout(width="44em"),
        )
        self.lecture = widgets.HTML()
        self.graphique = widgets.HTML()
        self.curseur_prix.observe(self._sur_changement, names="value")
        super().__init__([self.curseur_prix, self.lecture, self.graphique], layout=_LARGEUR)
        self.actualiser()

    def actualiser(self) -> None:
        """Lit les trois parts au prix choisi et redessine le repère."""
        t = self.resultat.tableau
        p = self.curseur_prix.value
        ligne = t.loc[t["prix"] == p].iloc[0]
        pct = formats.pourcentage
        self.lecture.value = _html_message(
            f"À {formats.euros(p, 0)} : {pct(ligne['acheteurs'], 1)} d'acheteurs potentiels, "
            f"{pct(ligne['mauvaise_qualite'], 1)} jugent le produit de mauvaise qualité, "
            f"{pct(ligne['trop_cher'], 1)} le trouvent trop cher. Prix psychologique "
            f"(le plus d'acheteurs) : {formats.euros(self.resultat.meilleur_prix, 0)} "
            f"({pct(self.resultat.acheteurs_max, 1)} des {self.resultat.effectif} répondants)."
        )
        x = t["prix"].tolist()
        self.graphique.value = courbes_svg(
            [
                Courbe("Mauvaise qualité", x, t["mauvaise_qualite"].tolist(), points=True),
                Courbe("Trop cher", x, t["trop_cher"].tolist(), points=True),
                Courbe("Acheteurs potentiels", x, t["acheteurs"].tolist(), points=True),
                Courbe("Prix choisi", [p, p], [0, 1], couleur="#7f7f7f", pointilles=True),
            ],
            titre="Prix psychologique : parts des répondants selon le prix",
            format_y=lambda v: formats.pourcentage(v, 0),
            etiquettes_x=[(v, formats.euros(v, 0)) for v in x[::2]],
        )

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def graphique_prix_psychologique(
    prix_mini: Sequence[float], prix_maxi: Sequence[float]
) -> GraphiquePrixPsychologique:
    """Widget : les courbes du prix psychologique, avec lecture au prix choisi.

    >>> w = graphique_prix_psychologique([10, 20, 20, 30], [30, 40, 50, 50])
    >>> w.resultat.meilleur_prix
    30.0
    """
    return GraphiquePrixPsychologique(prix_mini, prix_maxi)
