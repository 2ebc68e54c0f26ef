"""S41 : ce que vaut la fidélité. Simulateur de la valeur du portefeuille et QCM de l'unité.

Le simulateur suit un portefeuille année par année (convention de
:func:`gc.valeur_client` : la marge de l'année t est faite par les clients présents
au début de l'année ; une part 1 − fidélité part en fin d'année ; les nouveaux
clients, achetés au coût d'acquisition pendant l'année, rapportent à partir de
l'année suivante). Avec un seul client et aucune acquisition, la valeur du
portefeuille est exactement la valeur client.

>>> s = simuler_portefeuille(1, 1000, 0.8, 0, 0, taux_actualisation=0.10, duree=3)
>>> round(float(s["valeur_cumulee"].iloc[-1]), 2)  # 909,09 + 661,16 + 480,84
2051.09
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as widgets
import pandas as pd

from .. import formats
from .._erreurs import ErreurCours
from .._verif_montants import entier_positif, montant, nombre_fini, taux
from ._commun import _LARGEUR, _html_message
from ._svg import Courbe, courbes_svg
from .questionnaire import BANQUES, Question

__all__ = [
    "simuler_portefeuille",
    "valeur_selon_fidelite",
    "SimulateurPortefeuille",
    "simulateur_portefeuille",
    "QUESTIONS_S41",
]


def simuler_portefeuille(
    nb_clients: float,
    marge_moyenne: float,
    taux_fidelite: float,
    nouveaux_par_an: float,
    cout_acquisition: float,
    taux_actualisation: float = 0.10,
    duree: int = 5,
) -> pd.DataFrame:
    """Le portefeuille année par année : clients, marge, dépenses d'acquisition, valeur actualisée.

    Colonnes : ``annee``, ``clients_debut``, ``clients_perdus`` (début × (1 − fidélité)),
    ``nouveaux_clients``, ``clients_fin``, ``marge`` (début × marge moyenne),
    ``depenses_acquisition`` (nouveaux × coût d'acquisition), ``flux_net`` (marge − dépenses),
    ``flux_actualise`` (flux / (1 + i)^t), ``valeur_cumulee``. Les effectifs ne sont pas
    arrondis (ce sont des espérances).

    >>> s = simuler_portefeuille(100, 1000, 0.75, 25, 400, taux_actualisation=0.0, duree=2)
    >>> s[["clients_debut", "clients_perdus", "clients_fin", "flux_net"]].values.tolist()
    [[100.0, 25.0, 100.0, 90000.0], [100.0, 25.0, 100.0, 90000.0]]
    >>> simuler_portefeuille(100, 1000, 85, 20, 500)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: simuler_portefeuille() : taux attendu en décimal ... reçu taux_fidelite=85. ... 0,85 pour 85 %...
    """
    fonction = "simuler_portefeuille"
    n = montant(nb_clients, "nb_clients", fonction)
    m = nombre_fini(marge_moyenne, "marge_moyenne", fonction)
    f = taux(taux_fidelite, "taux_fidelite", fonction)
    nouveaux = montant(nouveaux_par_an, "nouveaux_par_an", fonction)
    cac = montant(cout_acquisition, "cout_acquisition", fonction)
    i = taux(taux_actualisation, "taux_actualisation", fonction)
    annees = entier_positif(duree, "duree", fonction)
    lignes = []
    cumul = 0.0
    for t in range(1, annees + 1):
        perdus = n * (1 - f)
        flux = n * m - nouveaux * cac
        actualise = flux / (1 + i) ** t
        cumul += actualise
        lignes.append(
            {
                "annee": t,
                "clients_debut": n,
                "clients_perdus": perdus,
                "nouveaux_clients": nouveaux,
                "clients_fin": n - perdus + nouveaux,
                "marge": n * m,
                "depenses_acquisition": nouveaux * cac,
                "flux_net": flux,
                "flux_actualise": actualise,
                "valeur_cumulee": cumul,
            }
        )
        n = n - perdus + nouveaux
    return pd.DataFrame(lignes)


def valeur_selon_fidelite(
    taux_fidelite: Any,
    nb_clients: float,
    marge_moyenne: float,
    nouveaux_par_an: float,
    cout_acquisition: float,
    taux_actualisation: float = 0.10,
    duree: int = 5,
) -> pd.Series:
    """Valeur du portefeuille (somme des flux actualisés) pour plusieurs taux de fidélité.

    >>> valeur_selon_fidelite([0.5, 1.0], 1, 1000, 0, 0, taux_actualisation=0.0, duree=2).tolist()
    [1500.0, 2000.0]
    """
    fonction = "valeur_selon_fidelite"
    n0 = montant(nb_clients, "nb_clients", fonction)
    m = nombre_fini(marge_moyenne, "marge_moyenne", fonction)
    nouveaux = montant(nouveaux_par_an, "nouveaux_par_an", fonction)
    cac = montant(cout_acquisition, "cout_acquisition", fonction)
    i = taux(taux_actualisation, "taux_actualisation", fonction)
    annees = entier_positif(duree, "duree", fonction)
    # Le même calcul que simuler_portefeuille, sans tableau intermédiaire : le widget trace
    # 25 taux à chaque mouvement de curseur.
    valeurs = {}
    for f in taux_fidelite:
        f = taux(f, "taux_fidelite", fonction)
        n, valeur = n0, 0.0
        for t in range(1, annees + 1):
            valeur += (n * m - nouveaux * cac) / (1 + i) ** t
            n = n * f + nouveaux
        valeurs[f] = valeur
    return pd.Series(valeurs, name="valeur_portefeuille").rename_axis("taux_fidelite")


_STYLE = {"description_width": "16em"}


def _curseur(description: str, valeur: float, mini: float, maxi: float, pas: float, **kw: Any):
    classe = widgets.IntSlider if isinstance(pas, int) else widgets.FloatSlider
    return classe(
        value=valeur,
        min=mini,
        max=maxi,
        step=pas,
        description=description,
        style=_STYLE,
        continuous_update=False,
        layout=widgets.Layout(width="40em"),
        **kw,
    )


class SimulateurPortefeuille(widgets.VBox):
    """Widget : valeur du portefeuille selon le taux de fidélité et l'effort d'acquisition.

    Éléments : ``curseur_fidelite``, ``curseur_nouveaux``, ``curseur_cac``, ``curseur_marge``,
    ``curseur_duree``, ``curseur_actualisation``, ``bilan`` (HTML), ``tableau`` (HTML),
    ``graphique`` (HTML : valeur du portefeuille selon le taux de fidélité).
    """

    def __init__(
        self,
        nb_clients: int = 700,
        marge_moyenne: float = 3000.0,
        taux_fidelite: float = 0.85,
        nouveaux_par_an: int = 100,
        cout_acquisition: float = 800.0,
        taux_actualisation: float = 0.10,
        duree: int = 5,
    ) -> None:
        self.nb_clients = montant(nb_clients, "nb_clients", "simulateur_portefeuille")
        self.curseur_fidelite = _curseur(
            "Taux de fidélité", taux_fidelite, 0.5, 0.98, 0.01, readout_format=".0%"
        )
        self.curseur_nouveaux = _curseur("Nouveaux clients par an", int(nouveaux_par_an), 0, 400, 5)
        self.curseur_cac = _curseur(
            "Coût d'acquisition d'un client (€)", round(cout_acquisition), 0, 5000, 50
        )
        self.curseur_marge = _curseur(
            "Marge annuelle moyenne d'un client (€)", round(marge_moyenne), 0, 20000, 100
        )
        self.curseur_duree = _curseur("Horizon (années)", int(duree), 1, 10, 1)
        self.curseur_actualisation = _curseur(
            "Taux d'actualisation", taux_actualisation, 0.0, 0.2, 0.01, readout_format=".0%"
        )
        self.bilan = widgets.HTML()
        self.tableau = widgets.HTML()
        self.graphique = widgets.HTML()
        controles = [
            self.curseur_fidelite,
            self.curseur_nouveaux,
            self.curseur_cac,
            self.curseur_marge,
            self.curseur_duree,
            self.curseur_actualisation,
        ]
        for controle in controles:
            controle.observe(self._sur_changement, names="value")
        super().__init__(
            [
                widgets.HTML(
                    f"Portefeuille de départ : <b>{formats.nombre(self.nb_clients, 0)}</b> clients"
                ),
                *controles,
                self.bilan,
                widgets.HBox([self.tableau, self.graphique]),
            ],
            layout=_LARGEUR,
        )
        self.actualiser()

    def parametres(self) -> dict[str, float]:
        """Les paramètres de la simulation réglés par les curseurs."""
        return {
            "nb_clients": self.nb_clients,
            "marge_moyenne": self.curseur_marge.value,
            "nouveaux_par_an": self.curseur_nouveaux.value,
            "cout_acquisition": self.curseur_cac.value,
            "taux_actualisation": self.curseur_actualisation.value,
            "duree": self.curseur_duree.value,
        }

    def actualiser(self) -> None:
        """Recalcule la simulation, le bilan, le tableau et la courbe."""
        p = self.parametres()
        f = self.curseur_fidelite.value
        try:
            s = simuler_portefeuille(taux_fidelite=f, **p)
        except ErreurCours as erreur:
            self.bilan.value = _html_message(str(erreur), "erreur")
            return
        valeur = float(s["flux_actualise"].sum())
        f_plus = min(f + 0.05, 1.0)
        valeur_plus = float(simuler_portefeuille(taux_fidelite=f_plus, **p)["flux_actualise"].sum())
        stable = self.nb_clients * (1 - f)
        self.bilan.value = (
            "<div style='margin:6px 0'>"
            f"<b>Valeur du portefeuille sur {p['duree']} ans : {formats.euros(valeur, 0)}</b> "
            f"(marges − dépenses d'acquisition, actualisées).<br>"
            f"Clients à la fin : {formats.nombre(float(s['clients_fin'].iloc[-1]), 0)} · "
            f"pour garder {formats.nombre(self.nb_clients, 0)} clients, il faut en gagner "
            f"{formats.nombre(stable, 0)} par an, soit "
            f"{formats.euros(stable * p['cout_acquisition'], 0)} d'acquisition.<br>"
            f"Avec 5 points de fidélité en plus ({formats.pourcentage(f_plus, 0)}) : "
            f"<b>{formats.euros(valeur_plus, 0)}</b> "
            f"({'+' if valeur_plus >= valeur else ''}{formats.euros(valeur_plus - valeur, 0)})."
            "</div>"
        )
        self.tableau.value = formats.tableau_html(
            s[["annee", "clients_debut", "clients_fin", "marge", "depenses_acquisition"]].rename(
                columns={
                    "annee": "année",
                    "clients_debut": "clients au début",
                    "clients_fin": "clients à la fin",
                    "marge": "marge (€)",
                    "depenses_acquisition": "acquisition (€)",
                }
            ),
            formats={
                "clients au début": lambda v: formats.nombre(v, 0),
                "clients à la fin": lambda v: formats.nombre(v, 0),
                "marge (€)": lambda v: formats.euros(v, 0),
                "acquisition (€)": lambda v: formats.euros(v, 0),
            },
        )
        grille = [round(0.5 + 0.02 * k, 2) for k in range(25)]  # 50 % à 98 %
        courbe = valeur_selon_fidelite(grille, **p)
        self.graphique.value = courbes_svg(
            [
                Courbe("valeur du portefeuille", [100 * x for x in courbe.index], courbe.values),
                Courbe("réglage actuel", [100 * f], [valeur], couleur="#c0504d", points=True),
            ],
            titre="Valeur du portefeuille selon le taux de fidélité (%)",
            format_y=lambda v: formats.euros(v, 0),
            etiquettes_x=[(x, f"{x:.0f} %") for x in (50, 60, 70, 80, 90, 98)],
        )

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def simulateur_portefeuille(
    nb_clients: int = 700,
    marge_moyenne: float = 3000.0,
    taux_fidelite: float = 0.85,
    nouveaux_par_an: int = 100,
    cout_acquisition: float = 800.0,
    taux_actualisation: float = 0.10,
    duree: int = 5,
) -> SimulateurPortefeuille:
    """Widget : faites varier la fidélité et l'acquisition, lisez la valeur du portefeuille.

    >>> w = simulateur_portefeuille(500, 2000, 0.8, 50, 1000)
    >>> "Valeur du portefeuille sur 5 ans" in w.bilan.value
    True
    """
    return SimulateurPortefeuille(
        nb_clients,
        marge_moyenne,
        taux_fidelite,
        nouveaux_par_an,
        cout_acquisition,
        taux_actualisation,
        duree,
    )


#: Le QCM de S41 (``gc.widgets.qcm("S41")``).
QUESTIONS_S41: tuple[Question, ...] = (
    Question(
        "La démarche mercatique consiste d'abord à…",
        (
            "fabriquer le meilleur produit possible, puis chercher à qui le vendre",
            "partir des besoins du marché pour décider de l'offre, puis agir et contrôler",
            "baisser les prix pour vendre plus que les concurrents",
        ),
        (1,),
        "La mercatique est un processus de décision et d'action qui part du client : étudier le "
        "marché, choisir les cibles, décider du plan de marchéage, agir, puis contrôler les "
        "résultats pour corriger.",
    ),
    Question(
        "Quelles étapes l'orientation de l'entreprise a-t-elle suivies, dans l'ordre ?",
        (
            "production → vente → marché (mercatique) → relation client",
            "relation client → vente → production",
            "vente → production → marché",
        ),
        (0,),
        "On est passé de l'orientation production (l'offre crée sa demande) à l'orientation "
        "vente, puis marché, et enfin à la mercatique relationnelle, centrée sur la relation "
        "durable avec chaque client.",
    ),
    Question(
        "Quelles sont des composantes de la mercatique relationnelle ?",
        (
            "la connaissance individuelle du client (base de données)",
            "la personnalisation de l'offre et de la communication",
            "la fidélisation et la mesure de la satisfaction",
            "la vente en une seule transaction, sans suivi",
        ),
        (0, 1, 2),
        "La mercatique relationnelle repose sur la connaissance du client, la personnalisation, "
        "le dialogue et la fidélisation ; la vente transactionnelle sans suivi en est l'opposé.",
    ),
    Question(
        "Chez Textiles Marceau, pourquoi un client fidèle vaut-il souvent plus qu'un nouveau ?",
        (
            "il n'a plus de coût d'acquisition à amortir et ses marges s'accumulent d'année en "
            "année",
            "il paie toujours au prix fort, sans remise",
            "il n'a jamais de réclamation",
        ),
        (0,),
        "Conquérir coûte cher (salons, prospection, campagnes) ; un client conservé rapporte sa "
        "marge chaque année : sa valeur est la somme actualisée de ces marges.",
    ),
    Question(
        "Dire que la mercatique est une fonction transversale, c'est dire que…",
        (
            "seul le service mercatique s'occupe du client",
            "toutes les fonctions (production, logistique, comptabilité, service client) "
            "contribuent à la satisfaction du client",
            "la mercatique remplace la fonction commerciale",
        ),
        (1,),
        "Un retard de livraison (logistique), une erreur de facture (comptabilité) ou un défaut "
        "(production) abîment la relation autant qu'un mauvais accueil : tout le monde est "
        "concerné.",
    ),
    Question(
        "Dans le système d'information mercatique (SIM), le commercial…",
        (
            "ne fait que consulter les informations produites par le siège",
            "est à la fois une source d'informations (remontées du terrain, comptes rendus de "
            "visite) et un utilisateur (fiches clients, outils d'aide à la vente)",
            "n'a aucun rôle : le SIM est l'affaire du service informatique",
        ),
        (1,),
        "Le commercial est l'interface entre l'entreprise et le client : il alimente le SIM "
        "(contacts, visites, besoins repérés) et s'en sert pour préparer ses visites et "
        "argumenter.",
    ),
    Question(
        "Le taux de fidélité passe de 80 % à 85 %. Que devient la valeur d'un client ?",
        (
            "elle augmente, car les marges des années suivantes sont plus probables",
            "elle ne change pas, seule la marge de la première année compte",
            "elle baisse, car le client coûte plus cher à garder",
        ),
        (0,),
        "Dans V = Σ m·f^(t−1)/(1+i)^t, chaque marge future est multipliée par f^(t−1) : une "
        "fidélité plus forte augmente toutes les années après la première.",
    ),
)

BANQUES["S41"] = QUESTIONS_S41
