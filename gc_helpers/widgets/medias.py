"""Simulateur de plan média (S445) : insertions par support → GRP, CPM, coût du GRP, budget."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
import pandas as pd

from .. import formats, medias
from .._erreurs import ErreurCours
from ._commun import _LARGEUR, _html_message
from ._svg import barres_svg

__all__ = [
    "SUPPORTS_HOTELS",
    "simuler_plan_media",
    "SimulationPlanMedia",
    "SimulateurPlanMedia",
    "simulateur_plan_media",
]

# Supports possibles pour toucher les directeurs d'hôtels et gouvernantes (cible de
# 19 490 personnes, comme la campagne « L'hôtellerie responsable » 2025) : audience
# utile d'une insertion et tarif HT, ordres de grandeur tirés des campagnes passées.
SUPPORTS_HOTELS = pd.DataFrame(
    {
        "support": [
            "Presse professionnelle (pleine page)",
            "Courriel (fichier loué)",
            "Publipostage du catalogue",
            "Réseaux sociaux (ciblage pro)",
            "Salon professionnel (stand)",
        ],
        "audience_utile": [6500, 5000, 2400, 3500, 800],
        "cout_insertion": [2850.0, 450.0, 3300.0, 800.0, 24000.0],
        "insertions_max": [6, 6, 3, 8, 1],
    }
)


@dataclass(frozen=True)
class SimulationPlanMedia:
    """Résultat de :func:`simuler_plan_media` : le plan (une ligne par support + « Plan »)
    et les remarques pour le commercial."""

    plan: pd.DataFrame
    remarques: list[str]

    @property
    def total(self) -> pd.Series:
        return self.plan.iloc[-1]


def simuler_plan_media(
    insertions: Mapping[str, int],
    population_cible: float = 19490,
    budget: float | None = None,
    supports: pd.DataFrame = SUPPORTS_HOTELS,
) -> SimulationPlanMedia:
    """Indicateurs d'un plan média : ``insertions`` donne le nombre de passages par support.

    Les supports sans insertion sont ignorés. Les remarques signalent un dépassement du
    budget et le support au CPM le plus bas.

    >>> s = simuler_plan_media({"Courriel (fichier loué)": 2, "Presse professionnelle "
    ...                         "(pleine page)": 1}, population_cible=20000, budget=3000)
    >>> s.plan[["support", "grp", "cout"]].values.tolist()  # 25 % × 2 = 50 ; 32,5 % × 1
    [['Presse professionnelle (pleine page)', 32.5, 2850.0], \
['Courriel (fichier loué)', 50.0, 900.0], ['Plan', 82.5, 3750.0]]
    >>> s.remarques[0]
    'Budget dépassé de 750,00\\xa0€ : retirez des insertions.'
    """
    inconnus = sorted(set(insertions) - set(supports["support"]))
    if inconnus:
        raise ErreurCours(
            f"Support inconnu : {', '.join(inconnus)}. Supports possibles : "
            f"{', '.join(supports['support'])}."
        )
    choisis = supports.assign(
        insertions=supports["support"].map(lambda s: insertions.get(s, 0)).astype(int)
    )
    choisis = choisis[choisis["insertions"] > 0]
    if choisis.empty:
        raise ErreurCours("Aucune insertion : choisissez au moins un support.")
    plan = medias.plan_media(choisis, population_cible)
    total = plan.iloc[-1]
    remarques = []
    if budget is not None and total["cout"] > budget:
        remarques.append(
            f"Budget dépassé de {formats.euros(total['cout'] - budget)} : retirez des insertions."
        )
    elif budget is not None:
        remarques.append(f"Reste {formats.euros(budget - total['cout'])} sur le budget.")
    detail = plan.iloc[:-1]
    moins_cher = detail.loc[detail["cpm"].idxmin()]
    remarques.append(
        f"CPM le plus bas : {moins_cher['support']} ({formats.euros(moins_cher['cpm'])} les "
        "mille contacts utiles)."
    )
    return SimulationPlanMedia(plan=plan, remarques=remarques)


def _tableau(plan: pd.DataFrame) -> str:
    affiche = pd.DataFrame(
        {
            "Support": plan["support"],
            "Insertions": plan["insertions"].map(
                lambda v: formats.VIDE if pd.isna(v) else formats.nombre(v, 0)
            ),
            "Contacts utiles": plan["contacts_utiles"].map(lambda v: formats.nombre(v, 0)),
            "Couverture": plan["couverture"].map(
                lambda v: formats.VIDE if pd.isna(v) else formats.pourcentage(v)
            ),
            "Répétition": plan["repetition"].map(
                lambda v: formats.VIDE if pd.isna(v) else formats.nombre(v, 2)
            ),
            "GRP": plan["grp"].map(lambda v: formats.nombre(v, 1)),
            "Coût HT": plan["cout"].map(formats.euros),
            "CPM": plan["cpm"].map(formats.euros),
            "Coût du GRP": plan["cout_grp"].map(formats.euros),
        }
    )
    return affiche.to_html(index=False, escape=True)


class SimulateurPlanMedia(widgets.VBox):
    """Widget : cible, budget et insertions par support → GRP, CPM, coût du GRP du plan.

    Éléments : ``saisie_cible``, ``saisie_budget``, ``curseurs`` (un par support),
    ``resultat``, ``graphique``.
    """

    def __init__(
        self,
        supports: pd.DataFrame = SUPPORTS_HOTELS,
        population_cible: int = 19490,
        budget: float = 12000.0,
        insertions: Mapping[str, int] | None = None,
    ) -> None:
        self.supports = supports
        depart = dict(
            insertions or {supports["support"].iloc[0]: 2, supports["support"].iloc[1]: 3}
        )
        style = {"description_width": "18em"}
        largeur = widgets.Layout(width="38em")
        self.saisie_cible = widgets.BoundedIntText(
            value=population_cible,
            min=1,
            max=10_000_000,
            step=100,
            description="Population cible (personnes)",
            style=style,
            layout=largeur,
        )
        self.saisie_budget = widgets.BoundedFloatText(
            value=budget,
            min=0,
            max=1_000_000,
            step=500,
            description="Budget (€ HT)",
            style=style,
            layout=largeur,
        )
        self.curseurs = {
            ligne.support: widgets.IntSlider(
                value=int(depart.get(ligne.support, 0)),
                min=0,
                max=int(ligne.insertions_max),
                description=ligne.support,
                style=style,
                layout=largeur,
                continuous_update=False,
            )
            for ligne in supports.itertuples(index=False)
        }
        self.resultat = widgets.HTML()
        self.graphique = widgets.HTML()
        controles = [self.saisie_cible, self.saisie_budget, *self.curseurs.values()]
        for controle in controles:
            controle.observe(self._sur_changement, names="value")
        super().__init__([*controles, self.resultat, self.graphique], layout=_LARGEUR)
        self.actualiser()

    def actualiser(self) -> None:
        """Recalcule le plan et redessine les GRP par support."""
        try:
            s = simuler_plan_media(
                {nom: c.value for nom, c in self.curseurs.items()},
                self.saisie_cible.value,
                self.saisie_budget.value,
                self.supports,
            )
        except ErreurCours as erreur:
            self.resultat.value = _html_message(str(erreur), "erreur")
            self.graphique.value = ""
            return
        t = s.total
        self.resultat.value = (
            _tableau(s.plan)
            + f"<p><b>Plan : {formats.nombre(t['grp'], 1)} GRP pour {formats.euros(t['cout'])}"
            f" HT, soit {formats.euros(t['cout_grp'])} le GRP.</b><br>"
            + "<br>".join("• " + r for r in s.remarques)
            + "</p>"
        )
        detail = s.plan.iloc[:-1]
        self.graphique.value = barres_svg(
            [str(n).split(" (")[0] for n in detail["support"]],
            [("GRP", detail["grp"].tolist())],
            titre="GRP apportés par chaque support",
            format_y=lambda v: formats.nombre(v, 0),
        )

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def simulateur_plan_media(**options: Any) -> SimulateurPlanMedia:
    """Widget : composer un plan média et lire ses GRP, son CPM et son coût du GRP.

    >>> w = simulateur_plan_media()
    >>> "GRP" in w.resultat.value
    True
    """
    return SimulateurPlanMedia(**options)
