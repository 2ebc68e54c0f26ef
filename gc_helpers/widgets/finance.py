"""Widgets du financement (S512) : simulateur d'emprunt, escompte d'un effet, comparateur.

Chaque widget appelle une fonction de calcul ordinaire (:func:`simuler_emprunt`,
:func:`calculer_escompte`, :func:`gc.comparer_financements`) puis met à jour ses
zones HTML. Les graphiques sont dessinés en SVG directement dans le HTML : pas de
matplotlib à chaque mouvement de curseur, l'affichage reste instantané.
"""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
import pandas as pd

from .. import finance, formats
from .._erreurs import ErreurCours
from ._commun import _LARGEUR, _html_message
from ._svg import barres_svg

__all__ = [
    "simulateur_emprunt",
    "SimulateurEmprunt",
    "SimulationEmprunt",
    "simuler_emprunt",
    "calculateur_escompte",
    "CalculateurEscompte",
    "calculer_escompte",
    "comparateur_financements",
    "ComparateurFinancements",
]

_STYLE = {"description_width": "15em"}
_LIGNES_MAX = 60  # lignes du tableau d'amortissement affichées par le simulateur
_COULEURS = ("#c0504d", "#4f81bd", "#9bbb59", "#8064a2")


def _curseur_pourcent(valeur: float, maximum: float, description: str) -> widgets.FloatSlider:
    """Un taux saisi en % (plus naturel à l'écran), converti en décimal pour le calcul."""
    return widgets.FloatSlider(
        value=valeur,
        min=0,
        max=maximum,
        step=0.1,
        description=description,
        readout_format=".1f",
        style=_STYLE,
        continuous_update=False,
        layout=widgets.Layout(width="36em"),
    )


def _montant(valeur: float, description: str, pas: float = 100) -> widgets.BoundedFloatText:
    return widgets.BoundedFloatText(
        value=valeur, min=0, max=10_000_000, step=pas, description=description, style=_STYLE
    )


def _lignes_html(lignes: Mapping[str, str]) -> str:
    corps = "".join(
        f"<tr><td>{html.escape(k)}</td><td style='text-align:right; white-space:nowrap'>{v}</td>"
        "</tr>"
        for k, v in lignes.items()
    )
    return f'<table class="gc-tableau">{corps}</table>'


# --------------------------------------------------------------------------- emprunt


@dataclass(frozen=True)
class SimulationEmprunt:
    """Résultat d'une simulation : le tableau, le taux de la période et les totaux."""

    tableau: pd.DataFrame
    taux_periode: float
    cout_credit: float
    total_rembourse: float


def simuler_emprunt(
    capital: float,
    taux: float,
    duree_annees: int,
    periodicite: str = "mensuelle",
    mode: str = "annuites_constantes",
    conversion: str = "proportionnel",
) -> SimulationEmprunt:
    """Tableau d'amortissement d'un emprunt décrit comme au guichet : durée en années.

    >>> s = simuler_emprunt(20000, 0.06, 3)
    >>> len(s.tableau), round(s.taux_periode, 4), round(s.cout_credit, 2)
    (36, 0.005, 1903.79)
    """
    par_an = finance._par_an(periodicite, "simuler_emprunt")
    tableau = finance.tableau_amortissement(
        capital, taux, int(duree_annees) * par_an, mode, periodicite, conversion
    )
    i = finance._taux_periode(taux, periodicite, conversion, "simuler_emprunt")
    interets = float(tableau["interets"].sum())
    return SimulationEmprunt(tableau, i, interets, float(tableau["annuite"].sum()))


_NOMS_PERIODE = {
    "annuelle": "annuité",
    "semestrielle": "semestrialité",
    "trimestrielle": "trimestrialité",
    "mensuelle": "mensualité",
}


class SimulateurEmprunt(widgets.VBox):
    """Simulateur d'emprunt : capital, taux, durée, périodicité, mode → tableau et graphique.

    Éléments : ``champ_capital``, ``curseur_taux`` (en %), ``curseur_duree``
    (années), ``choix_periodicite``, ``choix_mode``, ``case_equivalent``,
    ``bilan``, ``graphique``, ``tableau``.
    """

    def __init__(self, capital: float = 20_000, taux: float = 0.06, duree: int = 3) -> None:
        self.champ_capital = _montant(capital, "Capital emprunté (€) :", 1000)
        self.curseur_taux = _curseur_pourcent(taux * 100, 15, "Taux annuel (%) :")
        self.curseur_duree = widgets.IntSlider(
            value=duree,
            min=1,
            max=25,
            description="Durée (années) :",
            style=_STYLE,
            continuous_update=False,
            layout=widgets.Layout(width="36em"),
        )
        self.choix_periodicite = widgets.Dropdown(
            options=[(p.capitalize(), p) for p in finance.PERIODICITES],
            value="mensuelle",
            description="Périodicité :",
            style=_STYLE,
        )
        self.choix_mode = widgets.ToggleButtons(
            options=[
                ("Annuités constantes", "annuites_constantes"),
                ("Amortissements constants", "amortissements_constants"),
                ("In fine", "in_fine"),
            ],
            description="Remboursement :",
            style=_STYLE,
        )
        self.case_equivalent = widgets.Checkbox(
            value=False,
            description="Taux de la période équivalent (sinon proportionnel)",
            indent=False,
        )
        self.bilan = widgets.HTML()
        self.graphique = widgets.HTML()
        self.tableau = widgets.HTML(layout=widgets.Layout(max_height="320px", overflow="auto"))
        for controle in (
            self.champ_capital,
            self.curseur_taux,
            self.curseur_duree,
            self.choix_periodicite,
            self.choix_mode,
            self.case_equivalent,
        ):
            controle.observe(self._sur_changement, names="value")
        super().__init__(
            [
                self.champ_capital,
                self.curseur_taux,
                self.curseur_duree,
                self.choix_periodicite,
                self.choix_mode,
                self.case_equivalent,
                self.bilan,
                self.graphique,
                self.tableau,
            ],
            layout=_LARGEUR,
        )
        self.actualiser()

    def actualiser(self) -> None:
        """Recalcule le tableau d'amortissement et redessine le bilan, le graphique, le tableau."""
        periodicite = self.choix_periodicite.value
        try:
            s = simuler_emprunt(
                self.champ_capital.value,
                self.curseur_taux.value / 100,
                self.curseur_duree.value,
                periodicite,
                self.choix_mode.value,
                "equivalent" if self.case_equivalent.value else "proportionnel",
            )
        except ErreurCours as erreur:
            self.bilan.value = _html_message(str(erreur), "erreur")
            self.graphique.value = self.tableau.value = ""
            return
        t = s.tableau
        echeance = _NOMS_PERIODE[periodicite]
        premiere, derniere = t["annuite"].iloc[0], t["annuite"].iloc[-1]
        montant = (
            formats.euros(premiere)
            if abs(premiere - derniere) < 0.005
            else f"de {formats.euros(premiere)} (1re) à {formats.euros(derniere)} (dernière)"
        )
        self.bilan.value = _lignes_html(
            {
                "Taux de la période": formats.pourcentage(s.taux_periode, 4),
                "Nombre d'échéances": f"{formats.nombre(len(t), 0)} {echeance}s",
                "Montant de chaque échéance": montant,
                "Total remboursé": formats.euros(s.total_rembourse),
                "Coût du crédit (total des intérêts)": f"<b>{formats.euros(s.cout_credit)}</b>",
            }
        )
        self.graphique.value = barres_svg(
            t["periode"].tolist(),
            [
                ("Intérêts", t["interets"].tolist()),
                ("Capital remboursé", t["amortissement"].tolist()),
            ],
            titre=f"Composition de chaque {echeance}",
            couleurs=_COULEURS,
        )
        vue = t.rename(
            columns={
                "periode": "Période",
                "capital_debut": "Capital dû en début",
                "interets": "Intérêts",
                "amortissement": "Amortissement",
                "annuite": echeance.capitalize(),
                "capital_fin": "Capital dû en fin",
            }
        )
        note = ""
        if (
            len(vue) > _LIGNES_MAX
        ):  # 300 mensualités : illisible à l'écran, et lent à mettre en forme
            vue = pd.concat([vue.head(_LIGNES_MAX - 12), vue.tail(12)])
            note = _html_message(
                f"Lignes {_LIGNES_MAX - 11} à {len(t) - 12} masquées ; le tableau complet : "
                "gc.tableau_amortissement(...)."
            )
        self.tableau.value = note + formats.tableau_html(
            vue, formats={c: "euros" for c in vue.columns if c != "Période"}
        )

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def simulateur_emprunt(
    capital: float = 20_000, taux: float = 0.06, duree: int = 3
) -> SimulateurEmprunt:
    """Widget : simuler un emprunt et lire son tableau d'amortissement.

    >>> w = simulateur_emprunt()
    >>> w.choix_mode.value = "amortissements_constants"
    >>> "Coût du crédit" in w.bilan.value
    True
    """
    return SimulateurEmprunt(capital, taux, duree)


# --------------------------------------------------------------------------- escompte


def calculer_escompte(
    valeur_nominale: float,
    date_remise: Any,
    date_echeance: Any,
    taux: float,
    commissions_fixes_ht: float = 0,
    taux_endos: float = 0,
    jours_de_banque: int = 0,
    taux_tva: float = 0.20,
) -> pd.Series:
    """Bordereau d'escompte d'un effet : nombre de jours, puis le décompte de :func:`gc.agios`.

    >>> int(calculer_escompte(5000, "2026-03-01", "2026-04-30", 0.09)["jours"])
    60
    """
    jours = finance.nombre_de_jours(date_remise, date_echeance, jours_de_banque)
    decompte = finance.agios(
        valeur_nominale, taux, jours, commissions_fixes_ht, taux_tva, taux_endos=taux_endos
    )
    return pd.concat([pd.Series({"jours": float(jours)}), decompte])


class CalculateurEscompte(widgets.VBox):
    """Calculateur d'escompte d'un effet remis à la banque.

    Éléments : ``champ_nominal``, ``date_remise``, ``date_echeance``,
    ``curseur_taux`` (en %), ``champ_commissions``, ``curseur_endos`` (en %),
    ``curseur_jours_banque``, ``resultat``.
    """

    def __init__(self) -> None:
        self.champ_nominal = _montant(5000, "Valeur nominale (€) :")
        self.date_remise = widgets.DatePicker(
            value=_dt.date(2026, 3, 1), description="Date de remise :", style=_STYLE
        )
        self.date_echeance = widgets.DatePicker(
            value=_dt.date(2026, 4, 30), description="Date d'échéance :", style=_STYLE
        )
        self.curseur_taux = _curseur_pourcent(9, 20, "Taux d'escompte (%) :")
        self.champ_commissions = _montant(0, "Commissions fixes HT (€) :", 1)
        self.curseur_endos = _curseur_pourcent(0, 2, "Commission d'endos (%) :")
        self.curseur_jours_banque = widgets.IntSlider(
            value=0, min=0, max=3, description="Jours de banque :", style=_STYLE
        )
        self.resultat = widgets.HTML()
        controles = (
            self.champ_nominal,
            self.date_remise,
            self.date_echeance,
            self.curseur_taux,
            self.champ_commissions,
            self.curseur_endos,
            self.curseur_jours_banque,
        )
        for controle in controles:
            controle.observe(self._sur_changement, names="value")
        super().__init__([*controles, self.resultat], layout=_LARGEUR)
        self.actualiser()

    def actualiser(self) -> None:
        """Recalcule le décompte et l'affiche avec le détail des calculs."""
        v, t = self.champ_nominal.value, self.curseur_taux.value / 100
        try:
            d = calculer_escompte(
                v,
                self.date_remise.value,
                self.date_echeance.value,
                t,
                self.champ_commissions.value,
                self.curseur_endos.value / 100,
                self.curseur_jours_banque.value,
            )
        except ErreurCours as erreur:
            self.resultat.value = _html_message(str(erreur), "erreur")
            return
        n = int(d["jours"])
        e = formats.euros
        self.resultat.value = _lignes_html(
            {
                "Nombre de jours (remise exclue, échéance incluse, + jours de banque)": str(n),
                f"Escompte = {e(v)} × {formats.pourcentage(t, 2)} × {n} / 360": e(d["escompte"]),
                "Commissions HT (fixes + endos)": e(d["commissions_ht"]),
                "TVA 20 % sur les commissions fixes": e(d["tva"]),
                "Agios TTC": f"<b>{e(d['agios_ttc'])}</b>",
                "Valeur nette (crédit en compte)": f"<b>{e(d['valeur_nette'])}</b>",
            }
        )

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def calculateur_escompte() -> CalculateurEscompte:
    """Widget : escompter un effet et lire le décompte des agios.

    >>> w = calculateur_escompte()
    >>> "75,00" in w.resultat.value  # 5 000 € × 9 % × 60 / 360
    True
    """
    return CalculateurEscompte()


# --------------------------------------------------------------------------- financement


class ComparateurFinancements(widgets.VBox):
    """Comparateur comptant / emprunt / LOA / LLD pour l'achat d'un client.

    Éléments : ``champ_prix``, ``curseur_duree`` (mois), ``curseur_actualisation``,
    ``curseur_taux_emprunt``, ``champ_apport``, ``champ_premier_loyer_loa``,
    ``champ_loyer_loa``, ``champ_option``, ``champ_loyer_lld``, ``champ_revente``,
    ``resultat``, ``graphique``. ``table`` garde le dernier tableau calculé.
    """

    def __init__(self, prix: float = 24_000) -> None:
        self.champ_prix = _montant(prix, "Prix comptant HT (€) :", 500)
        self.curseur_duree = widgets.IntSlider(
            value=36,
            min=12,
            max=72,
            step=12,
            description="Durée des contrats (mois) :",
            style=_STYLE,
            continuous_update=False,
        )
        self.curseur_actualisation = _curseur_pourcent(5, 15, "Taux d'actualisation (%) :")
        self.curseur_taux_emprunt = _curseur_pourcent(6, 15, "Emprunt : taux annuel (%) :")
        self.champ_apport = _montant(0, "Emprunt : apport (€) :", 500)
        self.champ_premier_loyer_loa = _montant(2400, "LOA : premier loyer (€) :")
        self.champ_loyer_loa = _montant(590, "LOA : loyer mensuel (€) :", 10)
        self.champ_option = _montant(1200, "LOA : option d'achat (€) :")
        self.champ_loyer_lld = _montant(720, "LLD : loyer mensuel (€) :", 10)
        self.champ_revente = _montant(2000, "Valeur du bien en fin de contrat (€) :", 500)
        self.resultat = widgets.HTML()
        self.graphique = widgets.HTML()
        self.table: pd.DataFrame | None = None
        controles = (
            self.champ_prix,
            self.curseur_duree,
            self.curseur_actualisation,
            self.curseur_taux_emprunt,
            self.champ_apport,
            self.champ_premier_loyer_loa,
            self.champ_loyer_loa,
            self.champ_option,
            self.champ_loyer_lld,
            self.champ_revente,
        )
        for controle in controles:
            controle.observe(self._sur_changement, names="value")
        super().__init__([*controles, self.resultat, self.graphique], layout=_LARGEUR)
        self.actualiser()

    def solutions(self) -> list[Any]:
        """Les trois financements décrits par les contrôles."""
        n = self.curseur_duree.value
        return [
            finance.Emprunt(
                self.curseur_taux_emprunt.value / 100, n, apport=self.champ_apport.value
            ),
            finance.LOA(
                self.champ_loyer_loa.value,
                n,
                premier_loyer=self.champ_premier_loyer_loa.value,
                option_achat=self.champ_option.value,
            ),
            finance.LLD(self.champ_loyer_lld.value, n),
        ]

    def actualiser(self) -> None:
        """Recalcule la comparaison et redessine le tableau et le graphique."""
        try:
            t = finance.comparer_financements(
                self.champ_prix.value,
                self.solutions(),
                self.curseur_actualisation.value / 100,
                valeur_revente=self.champ_revente.value,
            )
        except ErreurCours as erreur:
            self.resultat.value = _html_message(str(erreur), "erreur")
            self.graphique.value = ""
            return
        self.table = t
        meilleure = t.loc[t["cout_net_actualise"].idxmin(), "solution"]
        vue = t.assign(proprietaire=t["proprietaire"].map({True: "oui", False: "non"})).rename(
            columns={
                "solution": "Solution",
                "decaissements": "Total décaissé",
                "surcout": "Surcoût / comptant",
                "valeur_actuelle": "Valeur actuelle",
                "proprietaire": "Propriétaire à la fin",
                "cout_net_actualise": "Coût net actualisé",
            }
        )
        euros = ["Total décaissé", "Surcoût / comptant", "Valeur actuelle", "Coût net actualisé"]
        self.resultat.value = formats.tableau_html(vue, formats=dict.fromkeys(euros, "euros")) + (
            f"<p>Coût net actualisé le plus faible : <b>{html.escape(meilleure)}</b>. "
            "À comparer avec ce que chaque solution apporte (propriété, entretien, trésorerie).</p>"
        )
        self.graphique.value = barres_svg(
            t["solution"].tolist(),
            [
                ("Total décaissé", t["decaissements"].tolist()),
                ("Coût net actualisé", t["cout_net_actualise"].tolist()),
            ],
            titre="Coût de chaque solution",
            empile=False,
            couleurs=_COULEURS,
        )

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def comparateur_financements(prix: float = 24_000) -> ComparateurFinancements:
    """Widget : comparer comptant, emprunt, LOA et LLD pour l'achat d'un client.

    >>> w = comparateur_financements()
    >>> w.table["solution"].tolist()
    ['Comptant', 'Emprunt', 'LOA', 'LLD']
    """
    return ComparateurFinancements(prix)
