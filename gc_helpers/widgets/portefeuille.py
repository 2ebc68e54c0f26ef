"""Widgets de l'analyse du portefeuille (S522) : ABC, prévision saisonnière, statistiques.

Chaque widget lit les données **une seule fois** (une requête SQL agrégée) à
sa création ; une interaction ne fait ensuite que des calculs en mémoire et
redessine un graphique SVG léger.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import duckdb
import ipywidgets as widgets
import numpy as np
import pandas as pd

from .. import donnees, formats, portefeuille, prevision, statistiques
from .._erreurs import ErreurCours
from ..extraits import ventes_par_periode  # réexportée : les widgets S522 s'en servent
from ._commun import _LARGEUR, _html_message
from ._svg import Courbe, boite_svg, courbes_svg, histogramme_svg

__all__ = [
    "explorateur_abc",
    "ExplorateurABC",
    "analyser_abc",
    "explorateur_prevision",
    "ExplorateurPrevision",
    "Prevision",
    "calculer_prevision",
    "explorateur_statistiques",
    "ExplorateurStatistiques",
    "selectionner_valeurs",
    "ca_clients_par_annee",
    "ventes_par_periode",
]

_STYLE = {"description_width": "11em"}
DOUZE_MOIS = "12 derniers mois"
TOUS = "tous"


# --------------------------------------------------------------------------- données


def ca_clients_par_annee(con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """CA HT par client professionnel et par année (0 les années sans commande).

    Colonnes : id_client, client, secteur_activite, id_commercial, annee
    (2022…2026 ou « 12 derniers mois »), ca_ht. Une requête, agrégée dans DuckDB.
    """
    debut = donnees.DATE_REFERENCE.replace(year=donnees.DATE_REFERENCE.year - 1)
    sql = f"""
        WITH ventes AS (
          SELECT id_client, CAST(year(date_commande) AS VARCHAR) AS annee, montant_ht
          FROM commandes WHERE statut <> 'annulée'
          UNION ALL
          SELECT id_client, '{DOUZE_MOIS}', montant_ht
          FROM commandes WHERE statut <> 'annulée' AND date_commande > DATE '{debut}'
        ),
        periodes AS (SELECT DISTINCT annee FROM ventes)
        SELECT c.id_client, c.raison_sociale AS client, c.secteur_activite, c.id_commercial,
               p.annee, coalesce(sum(v.montant_ht), 0) AS ca_ht
        FROM clients AS c CROSS JOIN periodes AS p
        LEFT JOIN ventes AS v ON v.id_client = c.id_client AND v.annee = p.annee
        WHERE c.type_client = 'professionnel'
        GROUP BY ALL
        ORDER BY p.annee, c.id_client
    """
    df = donnees.requete(sql, con)
    df["ca_ht"] = df["ca_ht"].astype(float)
    return df


def _options_periodes(df: pd.DataFrame) -> list[str]:
    annees = sorted(a for a in df["annee"].unique() if a != DOUZE_MOIS)
    return [*annees, DOUZE_MOIS]


# --------------------------------------------------------------------------- explorateur ABC


def analyser_abc(
    valeurs: pd.DataFrame, critere: str = "clients", seuils: tuple[float, float] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Segmentation ABC (colonne ``ca_ht``) et son bilan par classe."""
    segmentation = portefeuille.segmentation_abc(valeurs, "ca_ht", critere, seuils)
    return segmentation, portefeuille.synthese_abc(segmentation, "ca_ht")


def _courbe_pareto(segmentation: pd.DataFrame, critere: str) -> str:
    x = np.concatenate([[0.0], segmentation["part_clients_cumulee"].to_numpy()])
    y = np.concatenate([[0.0], segmentation["part_cumulee"].to_numpy()])
    courbes = [
        Courbe("Part cumulée du CA", x, y),
        Courbe("Répartition égale", [0, 1], [0, 1], couleur="#999", pointilles=True),
    ]
    for classe, couleur in (("A", "#c0504d"), ("B", "#f79646")):
        lignes = segmentation[segmentation["classe"] == classe]
        if len(lignes):
            fin = lignes.iloc[-1]
            px, py = fin["part_clients_cumulee"], fin["part_cumulee"]
            courbes.append(Courbe(f"Fin de la classe {classe}", [px, px], [0, py], couleur, True))
    graduations = [(v, formats.pourcentage(v, 0)) for v in (0, 0.2, 0.4, 0.5, 0.6, 0.8, 1)]
    return courbes_svg(
        courbes,
        titre=f"Courbe de Pareto (classes selon le critère : {critere})",
        format_y=lambda v: formats.pourcentage(v, 0),
        etiquettes_x=graduations,
    )


def _html_synthese(synthese: pd.DataFrame) -> str:
    return formats.tableau_html(
        synthese.rename(
            columns={
                "nb_clients": "clients",
                "part_clients": "part des clients",
                "valeur": "CA HT",
                "part_valeur": "part du CA",
            }
        ),
        formats={"part des clients": "pourcentage", "CA HT": "euros", "part du CA": "pourcentage"},
    )


class ExplorateurABC(widgets.VBox):
    """Widget : critère, période et seuils → classes A, B, C, leurs parts, courbe de Pareto.

    Éléments : ``choix_periode``, ``choix_critere``, ``seuil_a``, ``seuil_b``,
    ``bilan``, ``graphique``.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection | None = None) -> None:
        self.donnees = ca_clients_par_annee(con)
        periodes = _options_periodes(self.donnees)
        self._par_periode = {p: g for p, g in self.donnees.groupby("annee")}
        self.choix_periode = widgets.Dropdown(
            options=periodes, value="2025" if "2025" in periodes else periodes[-1],
            description="CA de la période :", style=_STYLE,
        )  # fmt: skip
        self.choix_critere = widgets.ToggleButtons(
            options=[("Part des clients", "clients"), ("Part du CA", "valeur")],
            description="Critère :",
            style=_STYLE,
        )
        curseur = {"min": 1, "max": 99, "step": 1, "continuous_update": False, "style": _STYLE}
        self.seuil_a = widgets.IntSlider(value=20, description="Seuil A (%) :", **curseur)
        self.seuil_b = widgets.IntSlider(value=50, description="Seuil B (%) :", **curseur)
        self.bilan = widgets.HTML()
        self.graphique = widgets.HTML()
        self.choix_critere.observe(self._sur_critere, names="value")
        for controle in (self.choix_periode, self.seuil_a, self.seuil_b):
            controle.observe(self._sur_changement, names="value")
        super().__init__(
            [
                self.choix_periode,
                self.choix_critere,
                widgets.HBox([self.seuil_a, self.seuil_b]),
                self.bilan,
                self.graphique,
            ],
            layout=_LARGEUR,
        )
        self.actualiser()

    def _sur_critere(self, _changement: Mapping[str, Any]) -> None:
        a, b = portefeuille.SEUILS_ABC[self.choix_critere.value]
        self._en_pause = True  # un seul recalcul pour les deux curseurs
        self.seuil_a.value, self.seuil_b.value = round(a * 100), round(b * 100)
        self._en_pause = False
        self.actualiser()

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        if not getattr(self, "_en_pause", False):
            self.actualiser()

    def actualiser(self) -> None:
        """Recalcule la segmentation et redessine le bilan et la courbe."""
        critere = self.choix_critere.value
        seuils = (self.seuil_a.value / 100, self.seuil_b.value / 100)
        try:
            segmentation, synthese = analyser_abc(
                self._par_periode[self.choix_periode.value], critere, seuils
            )
        except ErreurCours as erreur:
            self.bilan.value = _html_message(str(erreur), "erreur")
            self.graphique.value = ""
            return
        valeurs = segmentation["ca_ht"]
        a = synthese.iloc[0]
        self.bilan.value = (
            _html_synthese(synthese)
            + "<p>"
            + f"Classe A : {formats.pourcentage(a['part_clients'])} des clients font "
            f"<b>{formats.pourcentage(a['part_valeur'])}</b> du CA. "
            f"Indice de Gini : {formats.nombre(portefeuille.indice_gini(valeurs), 3)}."
            "</p>"
        )
        self.graphique.value = _courbe_pareto(segmentation, critere)


def explorateur_abc(con: duckdb.DuckDBPyConnection | None = None) -> ExplorateurABC:
    """Widget : explorer la segmentation ABC des clients professionnels.

    >>> import gc_helpers as gc
    >>> w = explorateur_abc(gc.connecter())
    >>> w.choix_critere.value = "valeur"
    >>> (w.seuil_a.value, w.seuil_b.value)
    (80, 95)
    >>> "Classe A" in w.bilan.value
    True
    """
    return ExplorateurABC(con)


# --------------------------------------------------------------------------- prévision


@dataclass(frozen=True)
class Prevision:
    """Résultat de :func:`calculer_prevision` : tout ce que montre l'explorateur."""

    moyennes_mobiles: pd.Series
    coefficients: pd.Series
    cvs: pd.Series
    droite: statistiques.Ajustement
    previsions: pd.DataFrame


def calculer_prevision(
    serie: pd.Series,
    periode: int,
    methode: str = "moyennes_mobiles",
    modele: str = "multiplicatif",
    ajustement: str = "moindres_carres",
    horizon: int = 4,
) -> Prevision:
    """Moyennes mobiles, coefficients, série CVS, tendance et prévisions d'une série."""
    previsions = prevision.prevision_saisonniere(
        serie, periode, horizon, methode, modele, ajustement
    )
    return Prevision(
        moyennes_mobiles=prevision.moyennes_mobiles(serie, periode),
        coefficients=prevision.coefficients_saisonniers(serie, periode, methode, modele),
        cvs=prevision.serie_corrigee(serie, periode, methode, modele),
        droite=prevision.tendance(serie.to_numpy(), ajustement),
        previsions=previsions,
    )


class ExplorateurPrevision(widgets.VBox):
    """Widget : méthode, modèle, ajustement, horizon → coefficients, CVS, tendance, prévision.

    La série est le CA des années complètes 2022 à 2025 ; le réalisé de 2026
    s'affiche à côté de la prévision pour juger de sa qualité.

    Éléments : ``choix_pas``, ``choix_methode``, ``choix_modele``,
    ``choix_ajustement``, ``curseur_horizon``, ``resultats``, ``graphique``.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection | None = None) -> None:
        self._series = {pas: ventes_par_periode(con, pas) for pas in ("trimestre", "mois")}
        self.choix_pas = widgets.ToggleButtons(
            options=[("Trimestres", "trimestre"), ("Mois", "mois")],
            description="Série :",
            style=_STYLE,
        )
        self.choix_methode = widgets.Dropdown(
            options=[
                ("Rapport aux moyennes mobiles", "moyennes_mobiles"),
                ("Rapport à la tendance", "tendance"),
                ("Méthode des moyennes", "moyennes"),
            ],
            description="Coefficients :",
            style=_STYLE,
        )
        self.choix_modele = widgets.ToggleButtons(
            options=[("Multiplicatif", "multiplicatif"), ("Additif", "additif")],
            description="Modèle :",
            style=_STYLE,
        )
        self.choix_ajustement = widgets.Dropdown(
            options=[
                ("Moindres carrés", "moindres_carres"),
                ("Mayer", "mayer"),
                ("Points extrêmes", "points_extremes"),
            ],
            description="Tendance :",
            style=_STYLE,
        )
        self.curseur_horizon = widgets.IntSlider(
            value=4, min=1, max=12, description="Horizon :", style=_STYLE,
            continuous_update=False,
        )  # fmt: skip
        self.resultats = widgets.HTML()
        self.graphique = widgets.HTML()
        for controle in (
            self.choix_pas,
            self.choix_methode,
            self.choix_modele,
            self.choix_ajustement,
            self.curseur_horizon,
        ):
            controle.observe(self._sur_changement, names="value")
        super().__init__(
            [
                widgets.HBox([self.choix_pas, self.choix_modele]),
                widgets.HBox([self.choix_methode, self.choix_ajustement]),
                self.curseur_horizon,
                self.graphique,
                self.resultats,
            ],
            layout=_LARGEUR,
        )
        self.actualiser()

    def serie(self) -> tuple[pd.Series, pd.Series, int]:
        """(série d'apprentissage 2022-2025, réalisé 2026, période) selon le pas choisi."""
        toute = self._series[self.choix_pas.value]
        periode = 4 if self.choix_pas.value == "trimestre" else 12
        apprentissage = toute[toute.index.str[:4] < "2026"]
        return apprentissage, toute[toute.index.str[:4] >= "2026"], periode

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()

    def actualiser(self) -> None:
        """Recalcule et redessine."""
        serie, realise, periode = self.serie()
        try:
            p = calculer_prevision(
                serie,
                periode,
                self.choix_methode.value,
                self.choix_modele.value,
                self.choix_ajustement.value,
                self.curseur_horizon.value,
            )
        except ErreurCours as erreur:
            self.resultats.value = _html_message(str(erreur), "erreur")
            return
        n = len(serie)
        rangs = np.arange(1, n + 1)
        futurs = p.previsions["rang"].to_numpy()
        courbes = [
            Courbe("CA réalisé", rangs, serie.to_numpy()),
            Courbe("Moyennes mobiles", rangs, p.moyennes_mobiles.to_numpy()),
            Courbe("Série CVS", rangs, p.cvs.to_numpy(), pointilles=True),
            Courbe(
                f"Tendance {p.droite.equation}",
                [1, futurs[-1]],
                [p.droite.prevoir(1), p.droite.prevoir(futurs[-1])],
                pointilles=True,
            ),
            Courbe("Prévision", futurs, p.previsions["prevision"].to_numpy(), points=True),
        ]
        if len(realise):
            k = min(len(realise), len(futurs))
            courbes.append(
                Courbe("Réalisé 2026", futurs[:k], realise.to_numpy()[:k], "#000", points=True)
            )
        pas = periode if periode == 4 else 12
        etiquettes = [(r, serie.index[r - 1][:4]) for r in range(1, n + 1, pas)]
        self.graphique.value = courbes_svg(
            courbes,
            titre="CA HT : série, tendance et prévision",
            format_y=lambda v: formats.euros(v, 0),
            etiquettes_x=etiquettes,
        )
        coefficients = pd.DataFrame(
            {"saison": p.coefficients.index, "coefficient": p.coefficients.to_numpy()}
        )
        tableau = p.previsions.copy()
        tableau.insert(0, "période", [_libelle_futur(serie.index[-1], r - n) for r in futurs])
        if len(realise):
            reel = list(realise.to_numpy()[: len(tableau)])
            tableau["réalisé"] = reel + [np.nan] * (len(tableau) - len(reel))
        self.resultats.value = (
            f"<p><b>Tendance</b> : {html.escape(str(p.droite))}</p>"
            + "<div style='display:flex; gap:2em'>"
            + formats.tableau_html(coefficients, formats={"coefficient": _format_coefficient(p)})
            + formats.tableau_html(
                tableau,
                formats={
                    "tendance": "euros",
                    "coefficient": _format_coefficient(p),
                    "prevision": "euros",
                    "réalisé": "euros",
                },
            )
            + "</div>"
        )


def _format_coefficient(p: Prevision) -> Any:
    additif = p.coefficients.sum() < 0.5  # somme nulle en additif, égale à la période sinon
    return (lambda v: formats.euros(v)) if additif else (lambda v: formats.nombre(v, 4))


def _libelle_futur(dernier: str, decalage: int) -> str:
    """La période située ``decalage`` pas après ``dernier`` (« 2025-T4 » + 1 → « 2026-T1 »)."""
    annee = int(dernier[:4])
    if "-T" in dernier:
        rang = int(dernier[-1]) - 1 + decalage
        return f"{annee + rang // 4}-T{rang % 4 + 1}"
    rang = int(dernier[5:7]) - 1 + decalage
    return f"{annee + rang // 12}-{rang % 12 + 1:02d}"


def explorateur_prevision(con: duckdb.DuckDBPyConnection | None = None) -> ExplorateurPrevision:
    """Widget : prévision saisonnière du CA de l'entreprise.

    >>> import gc_helpers as gc
    >>> w = explorateur_prevision(gc.connecter())
    >>> w.choix_modele.value = "additif"
    >>> "Tendance" in w.resultats.value
    True
    """
    return ExplorateurPrevision(con)


# --------------------------------------------------------------------------- statistiques


def selectionner_valeurs(
    donnees_clients: pd.DataFrame,
    annee: str,
    secteur: str = TOUS,
    commercial: Any = TOUS,
    actifs: bool = True,
) -> pd.Series:
    """CA annuel des clients retenus (secteur, commercial, période), sans ou avec les CA nuls."""
    d = donnees_clients[donnees_clients["annee"] == annee]
    if secteur != TOUS:
        d = d[d["secteur_activite"] == secteur]
    if commercial != TOUS:
        d = d[d["id_commercial"] == commercial]
    if actifs:
        d = d[d["ca_ht"] > 0]
    return d["ca_ht"]


class ExplorateurStatistiques(widgets.VBox):
    """Widget : segment, commercial, période → indicateurs, histogramme, boîte à moustaches.

    Éléments : ``choix_periode``, ``choix_secteur``, ``choix_commercial``,
    ``choix_classes``, ``indicateurs``, ``histogramme``, ``boite``.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection | None = None) -> None:
        self.donnees = ca_clients_par_annee(con)
        commerciaux = donnees.requete(
            "SELECT id_commercial, prenom || ' ' || nom AS nom FROM commerciaux ORDER BY 1", con
        )
        secteurs = sorted(self.donnees["secteur_activite"].dropna().unique())
        periodes = _options_periodes(self.donnees)
        self.choix_periode = widgets.Dropdown(
            options=periodes, value="2025" if "2025" in periodes else periodes[-1],
            description="Période :", style=_STYLE,
        )  # fmt: skip
        self.choix_secteur = widgets.Dropdown(
            options=[("Tous", TOUS), *[(s, s) for s in secteurs]],
            description="Secteur :",
            style=_STYLE,
        )
        self.choix_commercial = widgets.Dropdown(
            options=[
                ("Tous", TOUS),
                *zip(commerciaux["nom"], commerciaux["id_commercial"], strict=True),
            ],
            description="Commercial :",
            style=_STYLE,
        )
        self.choix_classes = widgets.IntSlider(
            value=8, min=3, max=15, description="Classes :", style=_STYLE,
            continuous_update=False,
        )  # fmt: skip
        self.indicateurs = widgets.HTML()
        self.histogramme = widgets.HTML()
        self.boite = widgets.HTML()
        for controle in (
            self.choix_periode,
            self.choix_secteur,
            self.choix_commercial,
            self.choix_classes,
        ):
            controle.observe(self._sur_changement, names="value")
        super().__init__(
            [
                widgets.HBox([self.choix_periode, self.choix_secteur]),
                widgets.HBox([self.choix_commercial, self.choix_classes]),
                self.indicateurs,
                self.histogramme,
                self.boite,
            ],
            layout=_LARGEUR,
        )
        self.actualiser()

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()

    def actualiser(self) -> None:
        """Recalcule les indicateurs et redessine les graphiques."""
        valeurs = selectionner_valeurs(
            self.donnees,
            self.choix_periode.value,
            self.choix_secteur.value,
            self.choix_commercial.value,
        )
        if len(valeurs) < 2:
            self.indicateurs.value = _html_message(
                f"{len(valeurs)} client actif dans cette sélection : élargissez-la.", "erreur"
            )
            self.histogramme.value = self.boite.value = ""
            return
        r = statistiques.indicateurs(valeurs)
        noms = {
            "effectif": ("Clients actifs", lambda v: formats.nombre(v, 0)),
            "moyenne": ("CA moyen", formats.euros),
            "mediane": ("Médiane", formats.euros),
            "q1": ("Premier quartile Q1", formats.euros),
            "q3": ("Troisième quartile Q3", formats.euros),
            "minimum": ("Minimum", formats.euros),
            "maximum": ("Maximum", formats.euros),
            "etendue": ("Étendue", formats.euros),
            "ecart_type": ("Écart-type σ", formats.euros),
            "coefficient_variation": ("Coefficient de variation", formats.pourcentage),
        }
        lignes = pd.DataFrame(
            {"indicateur": [n for n, _ in noms.values()], "valeur": [f(r[k]) for k, (_, f) in
                                                                       noms.items()]}
        )  # fmt: skip
        self.indicateurs.value = formats.tableau_html(lignes)
        # Les valeurs atypiques (au-delà de Q3 + 1,5 × écart interquartile, règle de Tukey)
        # écraseraient l'histogramme et la boîte : on les compte à part.
        limite = r["q3"] + 1.5 * r["ecart_interquartile"]
        courantes = valeurs[valeurs <= limite]
        atypiques = len(valeurs) - len(courantes)
        t = statistiques.tableau_frequences(courantes, classes=self.choix_classes.value)
        bornes = [*t["borne_inf"], t["borne_sup"].iloc[-1]]
        self.histogramme.value = histogramme_svg(
            bornes,
            t["effectif"].tolist(),
            titre="Répartition des clients par CA annuel (effectifs)",
            format_x=lambda v: formats.euros(v, 0),
        )
        self.boite.value = boite_svg(
            r["minimum"], r["q1"], r["mediane"], r["q3"], float(courantes.max()),
            titre="Boîte à moustaches du CA annuel par client",
            format_x=lambda v: formats.euros(v, 0),
            nom_max="moustache haute" if atypiques else "max",
        ) + (
            f"<p>{atypiques} client(s) au CA atypique (au-delà de Q3 + 1,5 × (Q3 − Q1) = "
            f"{formats.euros(limite, 0)}, jusqu'à {formats.euros(r['maximum'], 0)}) ne sont "
            "pas représentés dans l'histogramme ni la boîte : ce sont les gros comptes.</p>"
            if atypiques
            else ""
        )  # fmt: skip


def explorateur_statistiques(
    con: duckdb.DuckDBPyConnection | None = None,
) -> ExplorateurStatistiques:
    """Widget : statistiques du CA annuel des clients professionnels, par segment.

    >>> import gc_helpers as gc
    >>> w = explorateur_statistiques(gc.connecter())
    >>> w.choix_secteur.value = "hôtel"
    >>> "Écart-type" in w.indicateurs.value
    True
    """
    return ExplorateurStatistiques(con)
