"""Simulateur de seuil de rentabilité et calculateur de charge de travail (S531)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd

from .. import couts, formats
from .._erreurs import ErreurCours
from ._commun import _LARGEUR, _html_message, _html_tableau
from ._svg import Courbe, courbes_svg

__all__ = [
    "simulateur_seuil",
    "SimulateurSeuil",
    "simuler_seuil",
    "calculateur_charge",
    "CalculateurCharge",
    "CATEGORIES_PAR_DEFAUT",
]

_STYLE = {"description_width": "16em"}
_LARGE = widgets.Layout(width="36em")


# --------------------------------------------------------------------------- seuil


def simuler_seuil(
    chiffre_affaires: float, charges_variables: float, charges_fixes: float, jours: int = 360
) -> tuple[pd.Series, str]:
    """Compte de résultat différentiel et graphique « marge sur coût variable / charges fixes ».

    Le seuil se lit à l'intersection de la droite de marge sur coût variable
    (taux × CA) et de la droite horizontale des charges fixes.

    >>> r, svg = simuler_seuil(120_000, 72_000, 30_000)
    >>> float(r["seuil_rentabilite"]), svg.startswith("<svg")
    (75000.0, True)
    """
    r = couts.compte_resultat_differentiel(
        chiffre_affaires, charges_variables, charges_fixes, jours
    )
    x_max = max(r["chiffre_affaires"], r["seuil_rentabilite"]) * 1.2
    xs = [0.0, x_max]
    t = r["taux_marge_sur_cout_variable"]
    svg = courbes_svg(
        [
            Courbe("Marge sur coût variable", xs, [0.0, t * x_max]),
            Courbe("Charges fixes", xs, [r["charges_fixes"]] * 2, pointilles=True),
            Courbe(
                "Seuil de rentabilité",
                [r["seuil_rentabilite"]] * 2,
                [0.0, r["charges_fixes"]],
                couleur="#9bbb59",
                points=True,
            ),
        ],
        titre="Seuil de rentabilité (abscisse : chiffre d'affaires HT)",
        format_y=formats.euros,
        etiquettes_x=[(x, formats.euros(x, 0)) for x in (0.0, r["seuil_rentabilite"], x_max)],
    )
    return r, svg


def _saisie(valeur: float, libelle: str, pas: float = 1000) -> widgets.BoundedFloatText:
    return widgets.BoundedFloatText(
        value=valeur,
        min=0,
        max=100_000_000,
        step=pas,
        description=libelle,
        style=_STYLE,
        layout=_LARGE,
    )


class SimulateurSeuil(widgets.VBox):
    """Widget : CA, charges variables et fixes d'une action → seuil, point mort, sécurité.

    Éléments : ``saisie_ca``, ``saisie_cv``, ``saisie_cf``, ``choix_jours``,
    ``resultat`` (HTML), ``graphique`` (HTML, SVG).
    """

    def __init__(
        self,
        chiffre_affaires: float = 120_000.0,
        charges_variables: float = 72_000.0,
        charges_fixes: float = 30_000.0,
    ) -> None:
        self.saisie_ca = _saisie(chiffre_affaires, "Chiffre d'affaires HT (€)")
        self.saisie_cv = _saisie(charges_variables, "Charges variables (€)")
        self.saisie_cf = _saisie(charges_fixes, "Charges fixes (€)")
        self.choix_jours = widgets.ToggleButtons(
            options=[("360 jours", 360), ("365 jours", 365), ("12 mois", 12)],
            value=360,
            description="Point mort en",
            style=_STYLE,
        )
        self.resultat = widgets.HTML()
        self.graphique = widgets.HTML()
        controles = [self.saisie_ca, self.saisie_cv, self.saisie_cf, self.choix_jours]
        for controle in controles:
            controle.observe(self._sur_changement, names="value")
        super().__init__([*controles, self.resultat, self.graphique], layout=_LARGEUR)
        self.actualiser()

    def actualiser(self) -> None:
        """Recalcule le compte de résultat différentiel et redessine le graphique."""
        try:
            r, svg = simuler_seuil(
                self.saisie_ca.value,
                self.saisie_cv.value,
                self.saisie_cf.value,
                self.choix_jours.value,
            )
        except ErreurCours as erreur:
            self.resultat.value = _html_message(str(erreur), "erreur")
            self.graphique.value = ""
            return
        unite = "mois" if self.choix_jours.value == 12 else "jours"
        if r["point_mort"] <= self.choix_jours.value:
            atteint = f"point mort au bout de <b>{formats.nombre(r['point_mort'], 1)} {unite}</b>"
        else:
            atteint = "<b style='color:#b71c1c'>seuil non atteint dans l'année</b>"
        couleur = "#1b5e20" if r["resultat"] >= 0 else "#b71c1c"
        self.resultat.value = "<br>".join(
            [
                f"Marge sur coût variable : {formats.euros(r['marge_sur_cout_variable'])} "
                f"(taux {formats.pourcentage(r['taux_marge_sur_cout_variable'])})",
                f"Résultat : <b style='color:{couleur}'>{formats.euros(r['resultat'])}</b>",
                f"Seuil de rentabilité : <b>{formats.euros(r['seuil_rentabilite'])}</b> ; {atteint}",
                f"Marge de sécurité : {formats.euros(r['marge_securite'])} — indice de sécurité "
                f"{formats.pourcentage(r['indice_securite'])}",
            ]
        )
        self.graphique.value = svg

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def simulateur_seuil(**valeurs: float) -> SimulateurSeuil:
    """Widget : simuler le seuil de rentabilité d'une action commerciale.

    >>> w = simulateur_seuil(chiffre_affaires=50_000, charges_variables=30_000,
    ...                      charges_fixes=12_000)
    >>> "30 000,00" in w.resultat.value.replace("\\u202f", " ")
    True
    """
    return SimulateurSeuil(**valeurs)


# --------------------------------------------------------------------------- charge de travail

CATEGORIES_PAR_DEFAUT = pd.DataFrame(
    {
        "categorie": ["A (gros clients)", "B (clients moyens)", "C (petits clients)"],
        "nb_clients": [140, 210, 350],
        "visites_par_an": [12, 6, 2],
        "duree_visite_h": [2.5, 2.0, 1.5],
    }
)


class CalculateurCharge(widgets.VBox):
    """Widget : clients par catégorie × fréquence × durée → heures → nombre de commerciaux.

    Éléments : ``saisies`` (dict catégorie → (nb_clients, visites_par_an, duree_visite_h)),
    ``saisie_jours``, ``saisie_heures``, ``curseur_part``, ``saisie_effectif``,
    ``resultat`` (HTML).
    """

    def __init__(self, categories: pd.DataFrame | None = None, effectif_actuel: int = 7) -> None:
        cat = CATEGORIES_PAR_DEFAUT if categories is None else categories
        couts.charge_de_travail(cat, 1)  # vérifie la table dès la construction
        self.saisies: dict[str, tuple[widgets.Widget, ...]] = {}
        lignes = []
        for _, ligne in cat.iterrows():
            nb = widgets.BoundedIntText(
                value=int(ligne["nb_clients"]),
                min=0,
                max=100_000,
                layout=widgets.Layout(width="8em"),
            )
            frequence = widgets.BoundedIntText(
                value=int(ligne["visites_par_an"]),
                min=0,
                max=52,
                layout=widgets.Layout(width="6em"),
            )
            duree = widgets.BoundedFloatText(
                value=float(ligne["duree_visite_h"]),
                min=0,
                max=12,
                step=0.25,
                layout=widgets.Layout(width="6em"),
            )
            self.saisies[str(ligne["categorie"])] = (nb, frequence, duree)
            lignes.append(
                widgets.HBox(
                    [
                        widgets.Label(str(ligne["categorie"]), layout=widgets.Layout(width="14em")),
                        nb,
                        frequence,
                        duree,
                    ]
                )
            )
        entete = widgets.HTML(
            "<b>catégorie — nombre de clients — visites par an — durée d'une visite (h, "
            "déplacement compris)</b>"
        )
        self.saisie_jours = _saisie(210, "Jours travaillés par an", pas=1)
        self.saisie_heures = _saisie(8, "Heures par jour", pas=0.5)
        self.curseur_part = widgets.FloatSlider(
            value=0.7,
            min=0.3,
            max=1.0,
            step=0.05,
            description="Part du temps en clientèle",
            readout_format=".0%",
            style=_STYLE,
            layout=_LARGE,
            continuous_update=False,
        )
        self.saisie_effectif = widgets.BoundedIntText(
            value=effectif_actuel,
            min=0,
            max=1000,
            description="Commerciaux actuels",
            style=_STYLE,
            layout=_LARGE,
        )
        self.resultat = widgets.HTML()
        controles = [
            *(w for trio in self.saisies.values() for w in trio),
            self.saisie_jours,
            self.saisie_heures,
            self.curseur_part,
            self.saisie_effectif,
        ]
        for controle in controles:
            controle.observe(self._sur_changement, names="value")
        super().__init__(
            [
                entete,
                *lignes,
                self.saisie_jours,
                self.saisie_heures,
                self.curseur_part,
                self.saisie_effectif,
                self.resultat,
            ],
            layout=_LARGEUR,
        )
        self.actualiser()

    def actualiser(self) -> None:
        """Recalcule visites, heures et effectif nécessaire."""
        cat = pd.DataFrame(
            [
                {
                    "categorie": nom,
                    "nb_clients": nb.value,
                    "visites_par_an": frequence.value,
                    "duree_visite_h": duree.value,
                }
                for nom, (nb, frequence, duree) in self.saisies.items()
            ]
        )
        try:
            dispo = couts.temps_disponible(
                self.saisie_jours.value, self.saisie_heures.value, self.curseur_part.value
            )
            r = couts.charge_de_travail(cat, dispo, self.saisie_effectif.value)
        except ErreurCours as erreur:
            self.resultat.value = _html_message(str(erreur), "erreur")
            return
        couleur = "#b71c1c" if (r.ecart or 0) > 0 else "#1b5e20"
        self.resultat.value = (
            _html_tableau(r.tableau, 20)
            + f"<p>Total : {formats.nombre(r.visites, 0)} visites, {formats.nombre(r.heures, 0)} "
            f"heures par an ; un commercial dispose de {formats.nombre(dispo, 0)} heures de "
            f"clientèle.</p><p style='color:{couleur}'><b>{r.conclusion}</b></p>"
        )

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def calculateur_charge(
    categories: pd.DataFrame | None = None, effectif_actuel: int = 7
) -> CalculateurCharge:
    """Widget : calculer la charge de travail de la force de vente et l'effectif nécessaire.

    ``categories`` : colonnes categorie, nb_clients, visites_par_an, duree_visite_h
    (par défaut :data:`CATEGORIES_PAR_DEFAUT`).

    >>> w = calculateur_charge(effectif_actuel=2)
    >>> "il manque" in w.resultat.value
    True
    """
    return CalculateurCharge(categories, effectif_actuel)
