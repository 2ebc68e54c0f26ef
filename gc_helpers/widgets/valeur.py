"""Explorateur du compte d'exploitation client (S521) : rentabilité, valeur et risque d'un client."""

from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import duckdb
import ipywidgets as widgets
import pandas as pd

from .. import donnees, formats, risque
from .._erreurs import ErreurCours
from ._commun import _LARGEUR, _html_message

# Le module par son nom complet : « from .. import valeur_client » donnerait la fonction.
_vc = importlib.import_module("gc_helpers.valeur_client")

__all__ = [
    "explorateur_compte_client",
    "ExplorateurCompteClient",
    "DonneesClients",
    "FicheClient",
    "fiche_client",
]


@dataclass
class DonneesClients:
    """Ce que l'explorateur lit une fois dans la base (12 derniers mois, à la date d'arrêté)."""

    activite: pd.DataFrame  # indexée par id_client
    encours: pd.DataFrame
    solvabilite: pd.DataFrame

    @classmethod
    def lire(cls, con: duckdb.DuckDBPyConnection | None = None) -> DonneesClients:
        fin = donnees.DATE_REFERENCE
        debut = fin - _dt.timedelta(days=364)
        return cls(
            activite=_vc._activite_clients(debut, fin, None, con).set_index(
                "id_client", drop=False
            ),
            encours=risque.encours_clients(con=con).set_index("id_client"),
            solvabilite=risque.indicateurs_solvabilite(con=con).set_index("id_client"),
        )


@dataclass(frozen=True)
class FicheClient:
    """Résultat de :func:`fiche_client` : compte, valeur et risque d'un client."""

    compte: pd.DataFrame  # poste, montant, part_ca
    ligne: pd.Series  # la ligne complète du compte d'exploitation
    valeur: float  # valeur client (résultat annuel actualisé sur la durée)
    risque: dict[str, Any]  # encours, plafond, cote… (vide pour un particulier)


def fiche_client(
    id_client: int,
    donnees_clients: DonneesClients,
    hypotheses: Mapping[str, float] | None = None,
    taux_fidelite: float = 0.8,
    taux_actualisation: float = 0.10,
    duree: int = 5,
) -> FicheClient:
    """Compte d'exploitation, valeur et risque d'un client, sans requête (données déjà lues).

    >>> import gc_helpers as gc
    >>> d = DonneesClients.lire(gc.connecter())
    >>> f = fiche_client(618, d)
    >>> f.compte["poste"].iloc[-1], f.risque["cote"] in "ABCD"
    ('= Résultat client', True)
    """
    if id_client not in donnees_clients.activite.index:
        raise ErreurCours(
            f"Le client n° {id_client} n'a eu aucune activité sur les 12 derniers mois "
            "(ou n'existe pas) : pas de compte d'exploitation à présenter."
        )
    h = _vc._hypotheses(hypotheses)
    ligne = _vc._appliquer_couts(donnees_clients.activite.loc[[id_client]], h).iloc[0]
    valeur = _vc.valeur_client(
        max(float(ligne["resultat_client"]), 0.0), taux_fidelite, taux_actualisation, duree
    )
    infos: dict[str, Any] = {}
    if id_client in donnees_clients.encours.index:
        e = donnees_clients.encours.loc[id_client]
        infos = {
            "plafond_credit": float(e["plafond_credit"]),
            "encours_total": float(e["encours_total"]),
            "montant_echu": float(e["montant_echu"]),
            "taux_utilisation": float(e["taux_utilisation"]),
            "conditions_paiement": e["conditions_paiement"],
        }
    if id_client in donnees_clients.solvabilite.index:
        s = donnees_clients.solvabilite.loc[id_client]
        infos.update(
            retard_moyen_jours=float(s["retard_moyen_jours"])
            if pd.notna(s["retard_moyen_jours"])
            else float("nan"),
            nb_relances=int(s["nb_relances"]),
            cote=str(s["cote"]),
        )
    return FicheClient(
        compte=_vc.presenter_compte_exploitation(ligne), ligne=ligne, valeur=valeur, risque=infos
    )


_COTES = {
    "A": "A — bon payeur",
    "B": "B — à surveiller",
    "C": "C — risqué : relances fréquentes",
    "D": "D — contentieux ou impayé de plus de 90 jours",
}

# (clé, libellé, minimum, maximum, pas) des curseurs d'hypothèses de coût
_CURSEURS = (
    ("cout_horaire_commercial", "Coût horaire commercial (€)", 20, 80, 1),
    ("cout_km", "Coût du km (€)", 0.2, 1.2, 0.05),
    ("cout_preparation_commande", "Préparation / commande (€)", 0, 40, 1),
    ("taux_transport", "Port (% du CA HT)", 0, 0.08, 0.005),
    ("cout_traitement_reclamation", "Traitement réclamation (€)", 0, 150, 5),
    ("cout_relance", "Coût d'une relance (€)", 0, 40, 1),
)


class ExplorateurCompteClient(widgets.VBox):
    """Widget : un client → compte d'exploitation, marge, résultat, valeur, risque.

    Éléments : ``choix_client``, ``curseurs`` (dict des hypothèses), ``curseur_fidelite``,
    ``curseur_actualisation``, ``curseur_duree``, ``compte`` (HTML), ``bilan`` (HTML).
    """

    def __init__(
        self, con: duckdb.DuckDBPyConnection | None = None, id_client: int | None = None
    ) -> None:
        self.donnees = DonneesClients.lire(con)
        pros = self.donnees.activite[self.donnees.activite["type_client"] == "professionnel"]
        options = [
            (
                f"n° {int(i)} — {nom} ({formats.euros(ca, 0)})",
                int(i),
            )
            for i, nom, ca in zip(
                pros["id_client"], pros["client"], pros["chiffre_affaires_ht"], strict=True
            )
        ]
        style = {"description_width": "15em"}
        valeur_initiale = id_client if id_client in set(pros["id_client"]) else options[0][1]
        self.choix_client = widgets.Dropdown(
            options=options, value=valeur_initiale, description="Client :", layout=_LARGEUR
        )
        self.curseurs = {}
        for cle, libelle, mini, maxi, pas in _CURSEURS:
            self.curseurs[cle] = widgets.FloatSlider(
                value=_vc.HYPOTHESES_COUTS[cle],
                min=mini,
                max=maxi,
                step=pas,
                description=libelle,
                style=style,
                continuous_update=False,
                readout_format=".3f" if cle == "taux_transport" else ".2f",
                layout=widgets.Layout(width="34em"),
            )
        self.curseur_fidelite = widgets.FloatSlider(
            value=0.8,
            min=0.3,
            max=0.98,
            step=0.02,
            description="Taux de fidélité",
            style=style,
            continuous_update=False,
            layout=widgets.Layout(width="34em"),
        )
        self.curseur_actualisation = widgets.FloatSlider(
            value=0.10,
            min=0.0,
            max=0.2,
            step=0.01,
            description="Taux d'actualisation",
            style=style,
            continuous_update=False,
            layout=widgets.Layout(width="34em"),
        )
        self.curseur_duree = widgets.IntSlider(
            value=5,
            min=1,
            max=10,
            description="Durée (années)",
            style=style,
            continuous_update=False,
            layout=widgets.Layout(width="34em"),
        )
        self.compte = widgets.HTML()
        self.bilan = widgets.HTML()
        controles = [
            self.choix_client,
            *self.curseurs.values(),
            self.curseur_fidelite,
            self.curseur_actualisation,
            self.curseur_duree,
        ]
        for controle in controles:
            controle.observe(self._sur_changement, names="value")
        super().__init__(
            [
                self.choix_client,
                widgets.Accordion(
                    children=[widgets.VBox(list(self.curseurs.values()))],
                    titles=("Hypothèses de coût",),
                ),
                widgets.HBox([self.compte, self.bilan]),
                widgets.Accordion(
                    children=[
                        widgets.VBox(
                            [self.curseur_fidelite, self.curseur_actualisation, self.curseur_duree]
                        )
                    ],
                    titles=("Hypothèses de la valeur client",),
                ),
            ],
            layout=_LARGEUR,
        )
        self.actualiser()

    def hypotheses(self) -> dict[str, float]:
        """Les hypothèses de coût réglées par les curseurs."""
        return {cle: curseur.value for cle, curseur in self.curseurs.items()}

    def actualiser(self) -> None:
        """Recalcule le compte du client choisi et met à jour le tableau et le bilan."""
        try:
            fiche = fiche_client(
                self.choix_client.value,
                self.donnees,
                self.hypotheses(),
                self.curseur_fidelite.value,
                self.curseur_actualisation.value,
                self.curseur_duree.value,
            )
        except ErreurCours as erreur:
            self.bilan.value = _html_message(str(erreur), "erreur")
            return
        self.compte.value = formats.tableau_html(
            fiche.compte.rename(columns={"montant": "montant (€ HT)", "part_ca": "% du CA net"}),
            formats={"montant (€ HT)": "euros", "% du CA net": "pourcentage"},
        )
        self.bilan.value = self._bilan(fiche)

    def _bilan(self, fiche: FicheClient) -> str:
        ligne, r = fiche.ligne, fiche.risque
        resultat = float(ligne["resultat_client"])
        couleur = "#1b5e20" if resultat >= 0 else "#b71c1c"
        lignes = [
            f"<b>Résultat client : <span style='color:{couleur}'>{formats.euros(resultat)}</span>"
            f"</b> ({formats.pourcentage(ligne['taux_resultat'])} du CA)",
            f"Taux de marque : {formats.pourcentage(ligne['taux_marque'])} · "
            f"{ligne['nb_commandes']} commandes · {ligne['nb_visites']} visites · "
            f"{ligne['nb_reclamations']} réclamations · {ligne['nb_relances']} relances",
            f"<b>Valeur client</b> sur {self.curseur_duree.value} ans : "
            f"{formats.euros(fiche.valeur)}",
        ]
        if r:
            depasse = r["taux_utilisation"] > 1
            lignes += [
                "<hr style='margin:4px 0'><b>Risque</b>",
                f"Conditions : {r['conditions_paiement']} · plafond "
                f"{formats.euros(r['plafond_credit'], 0)}",
                f"Encours : {formats.euros(r['encours_total'])} "
                f"(<span style='color:{'#b71c1c' if depasse else 'inherit'}'>"
                f"{formats.pourcentage(r['taux_utilisation'])} du plafond</span>), "
                f"dont échu {formats.euros(r['montant_echu'])}",
            ]
            if "cote" in r:
                lignes.append(
                    f"Retard moyen : {formats.nombre(r['retard_moyen_jours'], 1)} j · "
                    f"cote interne : <b>{_COTES[r['cote']]}</b>"
                )
        return "<div style='padding-left:1em'>" + "<br>".join(lignes) + "</div>"

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def explorateur_compte_client(
    con: duckdb.DuckDBPyConnection | None = None, id_client: int | None = None
) -> ExplorateurCompteClient:
    """Widget : choisir un client professionnel et lire son compte d'exploitation.

    >>> import gc_helpers as gc
    >>> w = explorateur_compte_client(gc.connecter(), id_client=618)
    >>> "Résultat client" in w.bilan.value
    True
    """
    return ExplorateurCompteClient(con=con, id_client=id_client)
