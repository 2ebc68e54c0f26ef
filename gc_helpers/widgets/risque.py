"""Simulateurs du risque : plafond de crédit d'un client (S521) et BFRE de l'entreprise (S523)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
import pandas as pd

from .. import formats, risque
from .._erreurs import ErreurCours
from ._commun import _LARGEUR, _html_message

__all__ = [
    "simulateur_plafond",
    "SimulateurPlafond",
    "simuler_plafond",
    "simulateur_bfre",
    "SimulateurBFRE",
    "SimulationBFRE",
    "simuler_bfre",
]

_STYLE = {"description_width": "16em"}
_LARGE = widgets.Layout(width="36em")


# --------------------------------------------------------------------------- plafond de crédit


def simuler_plafond(
    plafond: float,
    encours: float,
    commandes_en_cours: float = 0.0,
    nouvelle_commande: float = 0.0,
    montant_echu: float = 0.0,
    retard_jours: float = 0.0,
) -> tuple[pd.Series, list[str]]:
    """L'analyse du plafond (:func:`gc.analyse_plafond`) et les conseils au commercial.

    >>> a, conseils = simuler_plafond(5000, 3200, 600, 1500, montant_echu=500, retard_jours=30)
    >>> a["decision"]
    'refuser ou demander un acompte / paiement comptant'
    >>> conseils[0].startswith("Plafond dépassé de 300,00")
    True
    """
    analyse = risque.analyse_plafond(
        plafond, encours, commandes_en_cours, nouvelle_commande, montant_echu
    )
    conseils = []
    if analyse["disponible"] < 0:
        manque = -analyse["disponible"]
        conseils.append(
            f"Plafond dépassé de {formats.euros(manque)} : demander un acompte d'au moins ce "
            "montant, un paiement comptant, ou fractionner la livraison ; une hausse du plafond "
            "se décide avec le service financier (solvabilité, historique de paiement)."
        )
    elif analyse["taux_utilisation"] > 0.8:
        conseils.append(
            "Plus de 80 % du plafond utilisé : la prochaine commande risque d'être bloquée ; "
            "anticiper avec le client (règlement des factures en cours)."
        )
    if montant_echu > 0:
        etape, action = risque.etape_relance(retard_jours)
        conseils.append(
            f"{formats.euros(montant_echu)} échus depuis {formats.nombre(retard_jours, 0)} jours : "
            f"étape « {etape} » du plan de relance — {action}."
        )
    if not conseils:
        conseils.append("Situation saine : la commande peut être acceptée sans condition.")
    return analyse, conseils


def _jauge(taux: float) -> str:
    largeur = min(taux, 1.5) / 1.5 * 100
    couleur = "#1b5e20" if taux <= 0.8 else ("#e65100" if taux <= 1 else "#b71c1c")
    return (
        "<div style='width:30em; height:14px; background:#eee; position:relative'>"
        f"<div style='width:{largeur:.1f}%; height:100%; background:{couleur}'></div>"
        "<div style='position:absolute; left:66.7%; top:-3px; height:20px; "
        "border-left:2px solid #222' title='plafond'></div></div>"
    )


class SimulateurPlafond(widgets.VBox):
    """Widget : plafond, encours, commandes en cours, nouvelle commande, retard → décision.

    Éléments : ``saisie_plafond``, ``saisie_encours``, ``saisie_echu``,
    ``saisie_en_cours``, ``saisie_commande``, ``curseur_retard``, ``resultat``.
    """

    def __init__(
        self,
        plafond: float = 5000.0,
        encours: float = 3200.0,
        montant_echu: float = 0.0,
        commandes_en_cours: float = 600.0,
        nouvelle_commande: float = 900.0,
        retard_jours: int = 0,
    ) -> None:
        def saisie(valeur: float, libelle: str) -> widgets.BoundedFloatText:
            return widgets.BoundedFloatText(
                value=valeur,
                min=0,
                max=10_000_000,
                step=100,
                description=libelle,
                style=_STYLE,
                layout=_LARGE,
            )

        self.saisie_plafond = saisie(plafond, "Plafond de crédit (€ TTC)")
        self.saisie_encours = saisie(encours, "Factures non réglées (€ TTC)")
        self.saisie_echu = saisie(montant_echu, "dont échues (€ TTC)")
        self.saisie_en_cours = saisie(commandes_en_cours, "Commandes en cours (€ TTC)")
        self.saisie_commande = saisie(nouvelle_commande, "Nouvelle commande (€ TTC)")
        self.curseur_retard = widgets.IntSlider(
            value=retard_jours,
            min=0,
            max=120,
            description="Retard de l'échu (jours)",
            style=_STYLE,
            layout=_LARGE,
            continuous_update=False,
        )
        self.resultat = widgets.HTML()
        controles = [
            self.saisie_plafond,
            self.saisie_encours,
            self.saisie_echu,
            self.saisie_en_cours,
            self.saisie_commande,
            self.curseur_retard,
        ]
        for controle in controles:
            controle.observe(self._sur_changement, names="value")
        super().__init__([*controles, self.resultat], layout=_LARGEUR)
        self.actualiser()

    def actualiser(self) -> None:
        """Recalcule l'encours, la décision et les conseils."""
        try:
            a, conseils = simuler_plafond(
                self.saisie_plafond.value,
                self.saisie_encours.value,
                self.saisie_en_cours.value,
                self.saisie_commande.value,
                self.saisie_echu.value,
                self.curseur_retard.value,
            )
        except ErreurCours as erreur:
            self.resultat.value = _html_message(str(erreur), "erreur")
            return
        couleur = "#b71c1c" if a["decision"].startswith("refuser") else "#1b5e20"
        lignes = [
            f"Encours total avec la commande : <b>{formats.euros(a['encours_total'])}</b> pour un "
            f"plafond de {formats.euros(a['plafond'])} — "
            f"{formats.pourcentage(a['taux_utilisation'])} utilisé, disponible "
            f"{formats.euros(a['disponible'])}",
            _jauge(a["taux_utilisation"]),
            f"<b>Décision : <span style='color:{couleur}'>{a['decision']}</span></b>",
            *("• " + c for c in conseils),
        ]
        self.resultat.value = "<br>".join(lignes)

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def simulateur_plafond(**valeurs: float) -> SimulateurPlafond:
    """Widget : simuler l'acceptation d'une commande face au plafond de crédit du client.

    >>> w = simulateur_plafond(plafond=5000, encours=4800)
    >>> "refuser" in w.resultat.value
    True
    """
    return SimulateurPlafond(**valeurs)


# --------------------------------------------------------------------------- BFRE


@dataclass(frozen=True)
class SimulationBFRE:
    """Résultat de :func:`simuler_bfre` : BFRE avant, après, et l'effet de chaque action."""

    avant: pd.DataFrame  # bfre_normatif actuel
    apres: pd.DataFrame  # bfre_normatif après les actions
    actions: pd.DataFrame  # action, reduction_bfre, economie_financement, cout, gain_net


def simuler_bfre(
    ca_ht: float,
    taux_cout_achat: float,
    delai_clients: float,
    duree_stockage: float,
    delai_fournisseurs: float,
    taux_financement: float = 0.06,
    jours_clients_gagnes: float = 0.0,
    jours_stock_gagnes: float = 0.0,
    taux_escompte: float = 0.0,
    part_clients_escompte: float = 0.0,
    delai_escompte: float = 10.0,
    taux_tva: float = 0.20,
) -> SimulationBFRE:
    """BFRE normatif avant et après trois actions, avec le coût et l'effet de chacune.

    Actions : réduire le délai clients de ``jours_clients_gagnes`` (négociation des
    conditions, relances plus rapides : pas de coût direct retenu) ; réduire la durée de
    stockage de ``jours_stock_gagnes`` ; proposer un escompte ``taux_escompte`` aux clients
    (part ``part_clients_escompte``) qui paient alors à ``delai_escompte`` jours.

    >>> s = simuler_bfre(720000, 0.6, 60, 30, 45, jours_clients_gagnes=10)
    >>> [round(float(t.iloc[-1]), 1) for t in (s.avant["jours_ca"], s.apres["jours_ca"])]
    [57.6, 45.6]
    """
    clients_apres = max(delai_clients - jours_clients_gagnes, 0)
    stock_apres = max(duree_stockage - jours_stock_gagnes, 0)
    avant = risque.bfre_normatif(
        ca_ht, delai_clients, duree_stockage, delai_fournisseurs, taux_cout_achat, taux_tva
    )
    lignes = []
    ca_ttc = ca_ht * (1 + taux_tva)
    if jours_clients_gagnes:
        e = risque.effet_reduction_delai(ca_ttc, delai_clients - clients_apres, taux_financement)
        lignes.append(
            ("Réduire le délai clients", e["reduction_bfre"], e["economie_annuelle"], 0.0)
        )
    if jours_stock_gagnes:
        e = risque.effet_reduction_stock(
            ca_ht * taux_cout_achat, duree_stockage - stock_apres, taux_financement
        )
        lignes.append(("Réduire les stocks", e["reduction_bfre"], e["economie_annuelle"], 0.0))
    # Délai moyen après escompte : moyenne pondérée des clients qui le prennent ou non.
    delai_final = clients_apres
    if taux_escompte and part_clients_escompte and delai_escompte < clients_apres:
        e = risque.effet_escompte_reglement(
            ca_ht,
            taux_escompte,
            part_clients_escompte,
            clients_apres,
            delai_escompte,
            taux_financement,
            taux_tva,
        )
        lignes.append(
            (
                "Escompte pour paiement anticipé",
                e["reduction_bfre"],
                e["economie_financement"],
                e["cout_escompte"],
            )
        )
        delai_final = (
            part_clients_escompte * (1 - taux_escompte) * delai_escompte
            + (1 - part_clients_escompte) * clients_apres
        )
    apres = risque.bfre_normatif(
        ca_ht, delai_final, stock_apres, delai_fournisseurs, taux_cout_achat, taux_tva
    )
    actions = pd.DataFrame(
        lignes, columns=["action", "reduction_bfre", "economie_financement", "cout"]
    )
    actions["gain_net"] = actions["economie_financement"] - actions["cout"]
    return SimulationBFRE(avant=avant, apres=apres, actions=actions)


class SimulateurBFRE(widgets.VBox):
    """Widget : délais, stocks, CA, escompte → BFRE en jours et en euros, effet des actions.

    Éléments : ``curseurs`` (dict par paramètre de :func:`simuler_bfre`), ``tableau``,
    ``actions``, ``bilan``.
    """

    def __init__(
        self,
        ca_ht: float = 6_000_000.0,
        taux_cout_achat: float = 0.55,
        delai_clients: float = 60.0,
        duree_stockage: float = 35.0,
        delai_fournisseurs: float = 45.0,
        taux_financement: float = 0.06,
    ) -> None:
        def curseur(
            cle: str,
            libelle: str,
            valeur: float,
            mini: float,
            maxi: float,
            pas: float,
            fmt: str = ".0f",
        ) -> widgets.FloatSlider:
            return widgets.FloatSlider(
                value=valeur,
                min=mini,
                max=maxi,
                step=pas,
                description=libelle,
                style=_STYLE,
                layout=_LARGE,
                continuous_update=False,
                readout_format=fmt,
            )

        self.curseurs = {
            "ca_ht": curseur("ca_ht", "CA annuel HT (€)", ca_ht, 0, max(2 * ca_ht, 1e6), 50000),
            "taux_cout_achat": curseur(
                "taux_cout_achat", "Coût d'achat / CA HT", taux_cout_achat, 0.2, 0.9, 0.01, ".2f"
            ),
            "delai_clients": curseur(
                "delai_clients", "Délai clients (j)", delai_clients, 0, 120, 1
            ),
            "duree_stockage": curseur(
                "duree_stockage", "Durée de stockage (j)", duree_stockage, 0, 180, 1
            ),
            "delai_fournisseurs": curseur(
                "delai_fournisseurs", "Délai fournisseurs (j)", delai_fournisseurs, 0, 90, 1
            ),
            "taux_financement": curseur(
                "taux_financement",
                "Coût du financement (taux)",
                taux_financement,
                0,
                0.15,
                0.005,
                ".3f",
            ),
            "jours_clients_gagnes": curseur(
                "jours_clients_gagnes", "Action : délai clients − (j)", 0, 0, 60, 1
            ),
            "jours_stock_gagnes": curseur(
                "jours_stock_gagnes", "Action : stock − (j)", 0, 0, 60, 1
            ),
            "taux_escompte": curseur(
                "taux_escompte", "Action : escompte (taux)", 0, 0, 0.03, 0.0025, ".4f"
            ),
            "part_clients_escompte": curseur(
                "part_clients_escompte", "Clients qui le prennent (part)", 0.5, 0, 1, 0.05, ".2f"
            ),
            "delai_escompte": curseur("delai_escompte", "Paiement avec escompte (j)", 10, 0, 30, 1),
        }
        self.tableau = widgets.HTML()
        self.actions = widgets.HTML()
        self.bilan = widgets.HTML()
        for c in self.curseurs.values():
            c.observe(self._sur_changement, names="value")
        cles_situation = list(self.curseurs)[:6]
        cles_actions = list(self.curseurs)[6:]
        super().__init__(
            [
                widgets.HTML("<b>Situation de l'entreprise</b>"),
                *(self.curseurs[c] for c in cles_situation),
                widgets.HTML("<b>Actions d'amélioration</b>"),
                *(self.curseurs[c] for c in cles_actions),
                self.bilan,
                widgets.HBox([self.tableau, self.actions]),
            ],
            layout=_LARGEUR,
        )
        self.actualiser()

    def parametres(self) -> dict[str, float]:
        """Les valeurs des curseurs, au format de :func:`simuler_bfre`."""
        return {cle: c.value for cle, c in self.curseurs.items()}

    def actualiser(self) -> None:
        """Recalcule le BFRE avant et après les actions."""
        try:
            s = simuler_bfre(**self.parametres())
        except ErreurCours as erreur:
            self.bilan.value = _html_message(str(erreur), "erreur")
            return
        avant, apres = s.avant.iloc[-1], s.apres.iloc[-1]
        self.bilan.value = (
            f"<b>BFRE actuel : {formats.nombre(avant['jours_ca'], 1)} jours de CA HT = "
            f"{formats.euros(avant['montant'], 0)}</b><br>"
            f"Après les actions : {formats.nombre(apres['jours_ca'], 1)} jours = "
            f"{formats.euros(apres['montant'], 0)} (trésorerie libérée : "
            f"{formats.euros(avant['montant'] - apres['montant'], 0)})"
        )
        comparaison = pd.DataFrame(
            {
                "poste": s.avant["poste"],
                "jours de CA (avant)": s.avant["jours_ca"],
                "jours de CA (après)": s.apres["jours_ca"],
                "montant après": s.apres["montant"],
            }
        )
        self.tableau.value = formats.tableau_html(
            comparaison,
            formats={
                "jours de CA (avant)": "nombre",
                "jours de CA (après)": "nombre",
                "montant après": "euros",
            },
        )
        if s.actions.empty:
            self.actions.value = _html_message(
                "Réglez une action (délai clients, stock, escompte) pour voir son effet."
            )
        else:
            self.actions.value = formats.tableau_html(
                s.actions.rename(
                    columns={
                        "reduction_bfre": "BFRE libéré",
                        "economie_financement": "frais financiers évités / an",
                        "cout": "coût / an",
                        "gain_net": "gain net / an",
                    }
                ),
                formats={
                    "BFRE libéré": "euros",
                    "frais financiers évités / an": "euros",
                    "coût / an": "euros",
                    "gain net / an": "euros",
                },
            )

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def simulateur_bfre(**valeurs: float) -> SimulateurBFRE:
    """Widget : simuler le BFRE normatif et l'effet des actions d'amélioration.

    >>> w = simulateur_bfre(ca_ht=720000, taux_cout_achat=0.6, delai_clients=60,
    ...                     duree_stockage=30, delai_fournisseurs=45)
    >>> "57,6 jours" in w.bilan.value
    True
    """
    return SimulateurBFRE(**valeurs)
