"""Prospection (S823) : planificateur de tournée sur carte et tableau de bord des ratios."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from typing import Any

import duckdb
import ipywidgets as widgets
import pandas as pd

from .. import donnees, formats, prospection
from .._erreurs import ErreurCours
from ._commun import _LARGEUR, _html_message
from ._svg import barres_svg

__all__ = [
    "prospects_a_visiter",
    "planifier_tournee",
    "carte_tournee_svg",
    "PlanificateurTournee",
    "planificateur_tournee",
    "RATIOS",
    "TableauBordProspection",
    "tableau_bord_prospection",
]

_STYLE = {"description_width": "12em"}


# --------------------------------------------------------------------------- tournée


def prospects_a_visiter(
    id_commercial: int, con: duckdb.DuckDBPyConnection | None = None
) -> pd.DataFrame:
    """Les prospects en cours (« nouveau », « en cours ») d'un commercial, les plus gros
    potentiels d'abord, avec leurs coordonnées.

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> p = prospects_a_visiter(3)
    >>> set(p["statut"]) <= {"nouveau", "en cours"}
    True
    """
    return donnees.requete(
        "SELECT id_prospect, raison_sociale, ville, latitude, longitude, statut,\n"
        "       ca_potentiel_annuel\n"
        "FROM prospects\n"
        f"WHERE id_commercial = {int(id_commercial)} AND statut IN ('nouveau', 'en cours')\n"
        "ORDER BY ca_potentiel_annuel DESC, id_prospect",
        con,
    )


def planifier_tournee(
    id_commercial: int,
    id_prospects: Sequence[int],
    con: duckdb.DuckDBPyConnection | None = None,
    coefficient_route: float = 1.3,
    cout_km: float = 0.60,
) -> prospection.Tournee:
    """La tournée optimisée d'un commercial : départ de sa ville de rattachement, visite des
    prospects choisis (dans l'ordre donné pour la tournée « naïve »), retour.

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> ids = prospects_a_visiter(3)["id_prospect"].head(6).tolist()
    >>> t = planifier_tournee(3, ids)
    >>> t.km <= t.km_naif and t.ordre[0].startswith("Base")
    True
    """
    if not id_prospects:
        raise ErreurCours("Choisissez au moins un prospect à visiter.")
    liste = ", ".join(str(int(i)) for i in id_prospects)
    lieux = donnees.requete(
        "SELECT id_prospect, raison_sociale, ville, latitude, longitude "
        f"FROM prospects WHERE id_prospect IN ({liste})",
        con,
    )
    points = _points_tournee(_base(id_commercial, con), lieux, id_prospects)
    return prospection.tournee_optimisee(points, "lieu", coefficient_route, cout_km)


def _base(id_commercial: int, con: duckdb.DuckDBPyConnection | None) -> pd.DataFrame:
    """Ville de rattachement du commercial : le départ et l'arrivée de ses tournées."""
    base = donnees.requete(
        "SELECT 'Base : ' || ville_base AS lieu, latitude_base AS latitude, "
        "longitude_base AS longitude "
        f"FROM commerciaux WHERE id_commercial = {int(id_commercial)}",
        con,
    )
    if base.empty:
        raise ErreurCours(f"Le commercial {id_commercial!r} n'existe pas (table commerciaux).")
    return base


def _points_tournee(
    base: pd.DataFrame, prospects: pd.DataFrame, id_prospects: Sequence[int]
) -> pd.DataFrame:
    """La base puis les prospects choisis, dans l'ordre reçu (la tournée « naïve »)."""
    inconnus = sorted(set(int(i) for i in id_prospects) - set(prospects["id_prospect"]))
    if inconnus:
        raise ErreurCours(
            f"Prospect(s) introuvable(s) : {', '.join(map(str, inconnus))}. Vérifiez les "
            "identifiants (colonne id_prospect de la table prospects)."
        )
    lieux = prospects.set_index("id_prospect").loc[[int(i) for i in id_prospects]]
    lieux = lieux.assign(lieu=lieux["raison_sociale"] + " (" + lieux["ville"] + ")")
    return pd.concat([base, lieux[["lieu", "latitude", "longitude"]]], ignore_index=True)


def carte_tournee_svg(
    tournee: prospection.Tournee,
    fond: pd.DataFrame | None = None,
    largeur: int = 520,
    hauteur: int = 420,
) -> str:
    """Carte SVG de la tournée : le trajet optimisé (plein) et l'ordre naïf (pointillés).

    ``fond`` (colonnes ``latitude``, ``longitude``) : des points gris de repère, par
    exemple les clients du commercial, qui dessinent son territoire. Projection
    équirectangulaire (longitudes × cos de la latitude moyenne) : à l'échelle d'une
    région, les distances à l'écran sont proportionnelles aux distances réelles.

    >>> import gc_helpers as gc
    >>> carre = pd.DataFrame({"lieu": ["Base", "B", "C"], "latitude": [50, 50, 50.5],
    ...                       "longitude": [3, 3.5, 3]})
    >>> svg = carte_tournee_svg(gc.tournee_optimisee(carre, "lieu"))
    >>> svg.count("<circle")  # la base et deux visites
    3
    """
    e = tournee.etapes
    nom = e.columns[1]
    lat0 = math.radians(float(e["latitude"].mean()))
    xs = e["longitude"].astype(float) * math.cos(lat0)
    ys = e["latitude"].astype(float)
    etendue = max(float(xs.max() - xs.min()), float(ys.max() - ys.min()), 1e-3)
    marge = 30
    echelle = min(largeur, hauteur) - 2 * marge
    gauche = (largeur - echelle) / 2  # le carré de la carte, centré

    def px(x: float, y: float) -> tuple[float, float]:
        return (
            gauche + (x - float(xs.min())) / etendue * echelle,
            hauteur - marge - (y - float(ys.min())) / etendue * echelle,
        )

    position = {str(lieu): px(x, y) for lieu, x, y in zip(e[nom], xs, ys, strict=True)}
    naif = [position[str(lieu)] for lieu in [*tournee.ordre_naif, tournee.ordre_naif[0]]]
    optimise = [position[str(lieu)] for lieu in e[nom]]

    def trace(points: list[tuple[float, float]], style: str) -> str:
        return (
            f'<polyline fill="none" {style} points="'
            + " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            + '"/>'
        )

    morceaux = [f'<rect width="{largeur}" height="{hauteur}" fill="#f7f9fc" stroke="#ccd"/>']
    if fond is not None and len(fond):
        # Repères dans le cadre seulement (le territoire autour de la tournée).
        fx = fond["longitude"].astype(float) * math.cos(lat0)
        fy = fond["latitude"].astype(float)
        dedans = fx.between(float(xs.min()), float(xs.min()) + etendue) & fy.between(
            float(ys.min()), float(ys.min()) + etendue
        )
        for x, y in zip(fx[dedans], fy[dedans], strict=True):
            cx, cy = px(x, y)
            morceaux.append(
                f'<rect x="{cx - 1.5:.1f}" y="{cy - 1.5:.1f}" width="3" height="3" fill="#c8c8c8"/>'
            )
    morceaux += [
        trace(naif, 'stroke="#999" stroke-width="1.5" stroke-dasharray="5,4"'),
        trace(optimise, 'stroke="#1f4e79" stroke-width="2.5"'),
    ]
    for rang, lieu in enumerate(e[nom].iloc[:-1]):
        x, y = position[str(lieu)]
        couleur = "#c0504d" if rang == 0 else "#1f4e79"
        morceaux.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="9" fill="{couleur}">'
            f"<title>{html.escape(str(lieu))}</title></circle>"
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" fill="white" '
            f'font-weight="bold">{"B" if rang == 0 else rang}</text>'
        )
    km_echelle = etendue * 111.195  # 1 degré ≈ 111,2 km
    morceaux.append(
        f'<text x="8" y="{hauteur - 8}" fill="#555" font-size="10">Carré de '
        f"{html.escape(formats.nombre(km_echelle, 0))} km de côté — plein : tournée "
        "optimisée ; pointillés : ordre de la liste ; gris : clients</text>"
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{largeur}" height="{hauteur}" '
        f'font-family="sans-serif" font-size="11">' + "".join(morceaux) + "</svg>"
    )


class PlanificateurTournee(widgets.VBox):
    """Widget : un commercial, des prospects à visiter → tournée optimisée sur une carte.

    Éléments : ``choix_commercial``, ``choix_prospects``, ``bilan``, ``carte``, ``etapes``.
    """

    def __init__(
        self, con: duckdb.DuckDBPyConnection | None = None, id_commercial: int = 3
    ) -> None:
        self.con = con
        commerciaux = donnees.requete(
            "SELECT id_commercial, prenom || ' ' || nom || ' — ' || secteur AS libelle "
            "FROM commerciaux ORDER BY id_commercial",
            con,
        )
        self.choix_commercial = widgets.Dropdown(
            options=list(zip(commerciaux["libelle"], commerciaux["id_commercial"], strict=True)),
            value=id_commercial,
            description="Commercial",
            style=_STYLE,
            layout=widgets.Layout(width="36em"),
        )
        self.choix_prospects = widgets.SelectMultiple(
            description="Prospects à visiter",
            style=_STYLE,
            layout=widgets.Layout(width="52em", height="11em"),
        )
        self.bilan = widgets.HTML()
        self.carte = widgets.HTML()
        self.etapes = widgets.HTML()
        self.choix_commercial.observe(self._sur_commercial, names="value")
        self.choix_prospects.observe(self._sur_changement, names="value")
        aide = widgets.HTML(
            "<i>Ctrl + clic (Cmd + clic sur Mac) pour choisir plusieurs prospects ; la liste "
            "est triée par CA potentiel. Au plus 12 visites par tournée.</i>"
        )
        super().__init__(
            [
                self.choix_commercial,
                self.choix_prospects,
                aide,
                self.bilan,
                widgets.HBox([self.carte, self.etapes]),
            ],
            layout=_LARGEUR,
        )
        self._charger_prospects()

    def _charger_prospects(self) -> None:
        # Coordonnées lues une fois par commercial : chaque choix ne fait plus que calculer.
        self._base = _base(self.choix_commercial.value, self.con)
        self._prospects = p = prospects_a_visiter(self.choix_commercial.value, self.con)
        self._clients = donnees.requete(
            "SELECT latitude, longitude FROM clients "
            f"WHERE id_commercial = {int(self.choix_commercial.value)}",
            self.con,
        )
        options = [
            (
                f"{r.raison_sociale} — {r.ville} ({formats.euros(r.ca_potentiel_annuel, 0)})",
                int(r.id_prospect),
            )
            for r in p.itertuples(index=False)
        ]
        self.choix_prospects.options = options
        # Par défaut : les 6 premiers de la liste, dans l'ordre de la liste.
        self.choix_prospects.value = tuple(v for _, v in options[:6])
        self.actualiser()

    def actualiser(self) -> None:
        """Recalcule la tournée pour les prospects choisis et redessine la carte."""
        choisis = list(self.choix_prospects.value)
        if len(choisis) > 12:
            self.bilan.value = _html_message(
                f"{len(choisis)} prospects choisis : une journée de tournée en compte au plus "
                "12. Retirez-en quelques-uns.",
                "erreur",
            )
            return
        try:
            if not choisis:
                raise ErreurCours("Choisissez au moins un prospect à visiter.")
            t = prospection.tournee_optimisee(
                _points_tournee(self._base, self._prospects, choisis), "lieu"
            )
        except ErreurCours as erreur:
            self.bilan.value = _html_message(str(erreur), "erreur")
            self.carte.value = self.etapes.value = ""
            return
        self.bilan.value = (
            f"<b>Tournée optimisée : {formats.nombre(t.km, 0)} km</b> contre "
            f"{formats.nombre(t.km_naif, 0)} km dans l'ordre de la liste — "
            f"<b>{formats.nombre(t.km_economises, 0)} km économisés</b> "
            f"({formats.pourcentage(t.part_economisee)}), soit "
            f"{formats.euros(t.cout_economise)} à {formats.euros(t.cout_km)} le km. "
            "<small>(km sur route ≈ vol d'oiseau × 1,3)</small>"
        )
        self.carte.value = carte_tournee_svg(t, self._clients)
        lignes = "".join(
            f"<tr><td>{r.rang}</td><td>{html.escape(str(r.lieu))}</td>"
            f"<td style='text-align:right'>{formats.nombre(r.km_etape, 1)}</td>"
            f"<td style='text-align:right'>{formats.nombre(r.km_cumules, 1)}</td></tr>"
            for r in t.etapes.itertuples(index=False)
        )
        self.etapes.value = (
            "<table><tr><th>Rang</th><th>Lieu</th><th>km depuis l'étape précédente</th>"
            f"<th>km cumulés</th></tr>{lignes}</table>"
        )

    def _sur_commercial(self, _changement: Mapping[str, Any]) -> None:
        self._charger_prospects()

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def planificateur_tournee(
    con: duckdb.DuckDBPyConnection | None = None, id_commercial: int = 3
) -> PlanificateurTournee:
    """Widget : planifier la tournée de visites d'un commercial sur une carte.

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> w = planificateur_tournee()
    >>> "km économisés" in w.bilan.value and "<svg" in w.carte.value
    True
    """
    return PlanificateurTournee(con, id_commercial)


# --------------------------------------------------------------------------- ratios

RATIOS = {
    "joignabilite": "Joignabilité (contacts / fichier)",
    "taux_rdv": "Taux de RDV (RDV / contacts)",
    "transformation": "Transformation (ventes / RDV)",
    "rendement": "Rendement (nouveaux clients / visites de prospection)",
    "effort": "Effort de prospection (visites de prospection / visites)",
}


class TableauBordProspection(widgets.VBox):
    """Widget : les ratios de prospection par commercial, sur une année ou toute la période.

    Éléments : ``choix_periode``, ``choix_ratio``, ``tableau``, ``graphique``.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection | None = None) -> None:
        self.con = con
        self._cache: dict[Any, pd.DataFrame] = {}
        annees = [a for a in range(2022, donnees.DATE_REFERENCE.year + 1)]
        self.choix_periode = widgets.Dropdown(
            options=[("2022 à aujourd'hui", None)] + [(str(a), a) for a in annees],
            value=annees[-2],  # la dernière année complète
            description="Période",
            style=_STYLE,
        )
        self.choix_ratio = widgets.Dropdown(
            options=[(v, k) for k, v in RATIOS.items()],
            value="transformation",
            description="Ratio comparé",
            style=_STYLE,
            layout=widgets.Layout(width="44em"),
        )
        self.tableau = widgets.HTML()
        self.graphique = widgets.HTML()
        for controle in (self.choix_periode, self.choix_ratio):
            controle.observe(self._sur_changement, names="value")
        super().__init__(
            [self.choix_periode, self.choix_ratio, self.tableau, self.graphique],
            layout=_LARGEUR,
        )
        self.actualiser()

    def ratios(self) -> pd.DataFrame:
        """Les ratios de la période choisie (calculés une fois par période)."""
        annee = self.choix_periode.value
        if annee not in self._cache:
            debut, fin = (None, None) if annee is None else (f"{annee}-01-01", f"{annee}-12-31")
            self._cache[annee] = prospection.ratios_par_commercial(debut, fin, self.con)
        return self._cache[annee]

    def actualiser(self) -> None:
        """Met à jour le tableau et le graphique du ratio choisi."""
        r = self.ratios()
        if r.empty:
            self.tableau.value = _html_message("Aucun prospect sur cette période.", "info")
            self.graphique.value = ""
            return
        colonnes = {
            "commercial": "Commercial",
            "fichier": "Fichier",
            "contacts": "Joints",
            "rdv": "RDV",
            "ventes": "Ventes",
            "visites_prospection": "Visites de prosp.",
            "visites": "Visites",
        }
        affiche = r[list(colonnes)].rename(columns=colonnes)
        for cle in RATIOS:
            affiche[RATIOS[cle].split(" (")[0]] = r[cle].map(
                lambda v: formats.VIDE if pd.isna(v) else formats.pourcentage(v)
            )
        self.tableau.value = affiche.to_html(index=False)
        cle = self.choix_ratio.value
        equipe = prospection.ratios_prospection(
            *r[["fichier", "contacts", "rdv", "ventes", "visites_prospection", "visites"]].sum()
        )[cle]
        self.graphique.value = (
            barres_svg(
                r["commercial"].str.split(" ", n=1).str[1].tolist(),
                [(RATIOS[cle].split(" (")[0], r[cle].fillna(0).tolist())],
                titre=RATIOS[cle],
                format_y=lambda v: formats.pourcentage(v, 0),
            )
            + f"<p>Équipe entière : <b>{formats.pourcentage(equipe)}</b> (ratio des totaux, "
            "pas moyenne des ratios).</p>"
        )

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def tableau_bord_prospection(
    con: duckdb.DuckDBPyConnection | None = None,
) -> TableauBordProspection:
    """Widget : comparer les ratios de prospection des commerciaux.

    >>> import gc_helpers as gc
    >>> _ = gc.connecter()
    >>> w = tableau_bord_prospection()
    >>> "Joignabilité" in w.tableau.value
    True
    """
    return TableauBordProspection(con)
