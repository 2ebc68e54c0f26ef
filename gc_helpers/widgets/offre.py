"""Widget du devis (S442) : choisir des articles et des conditions, lire un devis à la française.

Le calcul est :func:`construire_devis` (testable sans navigateur), qui appelle
:func:`gc.devis` ; le widget ne fait que lire ses contrôles et afficher le devis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets
import pandas as pd

from .. import donnees, formats, offre
from .._erreurs import ErreurCours
from ._commun import _LARGEUR, _html_message

__all__ = ["constructeur_devis", "ConstructeurDevis", "construire_devis", "conditions_clients"]

_STYLE = {"description_width": "11em"}
_NB_LIGNES = 4  # lignes d'articles proposées par le widget
_TAUX_TVA = (("20 %", 0.20), ("10 %", 0.10), ("5,5 %", 0.055))


def construire_devis(
    choix: Sequence[tuple[str, float, float]],
    produits: pd.DataFrame,
    **conditions: Any,
) -> offre.Devis:
    """Le devis des articles choisis : ``choix`` = (référence, quantité, taux de TVA) par ligne.

    Le prix unitaire HT et la désignation viennent de la table ``produits`` ;
    les lignes de quantité nulle sont ignorées ; ``conditions`` sont celles de
    :func:`gc.devis` (remises, rabais, ristourne, taux_escompte, port_ht, acompte).

    >>> p = donnees.table("produits")
    >>> d = construire_devis([("TM-PL-001", 10, 0.20)], p, remises=(0.10,))
    >>> round(d.net_a_payer, 2)  # 10 × 14,90 × 0,90 × 1,20
    160.92
    """
    index = produits.set_index("reference")
    lignes = []
    for reference, quantite, taux_tva in choix:
        if not quantite:
            continue
        if reference not in index.index:
            raise ErreurCours(f"construire_devis() : référence inconnue {reference!r}.")
        produit = index.loc[reference]
        lignes.append(
            {
                "designation": f"{reference} — {produit['designation']}",
                "quantite": quantite,
                "prix_unitaire_ht": float(produit["prix_vente_ht"]),
                "taux_tva": taux_tva,
            }
        )
    if not lignes:
        raise ErreurCours("Le devis est vide : choisissez au moins un article et une quantité.")
    return offre.devis(pd.DataFrame(lignes), **conditions)


def conditions_clients() -> pd.DataFrame:
    """Conditions habituelles des clients professionnels, d'après la base d'origine.

    Une ligne par client : raison sociale, ville, conditions de paiement et
    ``taux_remise_habituel`` = remise moyenne de ses lignes de commande depuis 2025
    (0 s'il n'a rien commandé).

    >>> c = conditions_clients().set_index("id_client")
    >>> c.loc[3041, "raison_sociale"]
    'Auberge Les Glycines'
    """
    return donnees.requete(
        """
        SELECT c.id_client, c.raison_sociale, c.ville, c.conditions_paiement,
               coalesce(avg(l.taux_remise), 0) AS taux_remise_habituel
        FROM clients c
        LEFT JOIN commandes o ON o.id_client = c.id_client AND o.date_commande >= DATE '2025-01-01'
        LEFT JOIN lignes_commande l ON l.id_commande = o.id_commande
        WHERE c.type_client = 'professionnel'
        GROUP BY ALL ORDER BY c.raison_sociale
        """
    )


def _pourcent(description: str, maximum: float = 30) -> widgets.BoundedFloatText:
    return widgets.BoundedFloatText(
        value=0,
        min=0,
        max=maximum,
        step=0.5,
        description=description,
        style=_STYLE,
        layout=widgets.Layout(width="20em"),
    )


class ConstructeurDevis(widgets.VBox):
    """Constructeur de devis : articles, conditions commerciales, devis calculé.

    Éléments : ``choix_client`` (reprend le nom et la remise habituelle du client),
    ``conditions`` (ses conditions de paiement), ``articles`` (liste de triplets Dropdown référence, IntText quantité,
    Dropdown TVA), ``remise_1``, ``remise_2``, ``rabais``, ``ristourne``,
    ``escompte`` (en %), ``port``, ``acompte`` (en €), ``client`` (nom), ``resultat``.
    """

    def __init__(self, produits: pd.DataFrame | None = None) -> None:
        self.produits = donnees.table("produits") if produits is None else produits
        actifs = self.produits[self.produits["actif"].astype(bool)]
        options = [("—", "")] + [
            (f"{r} — {d} ({float(p):.2f} € HT)".replace(".", ","), r)
            for r, d, p in zip(
                actifs["reference"], actifs["designation"], actifs["prix_vente_ht"], strict=True
            )
        ]
        self.articles = []
        for _ in range(_NB_LIGNES):
            ref = widgets.Dropdown(options=options, value="", layout=widgets.Layout(width="34em"))
            qte = widgets.BoundedIntText(
                value=0,
                min=0,
                max=100_000,
                description="Qté",
                layout=widgets.Layout(width="10em"),
                style={"description_width": "3em"},
            )
            tva = widgets.Dropdown(
                options=_TAUX_TVA,
                value=0.20,
                description="TVA",
                layout=widgets.Layout(width="10em"),
                style={"description_width": "3em"},
            )
            self.articles.append((ref, qte, tva))
        self.clients = conditions_clients().set_index("id_client")
        self.choix_client = widgets.Dropdown(
            options=[("— client non choisi —", 0)]
            + [
                (f"{r} ({v})", int(i))
                for i, r, v in zip(
                    self.clients.index,
                    self.clients["raison_sociale"],
                    self.clients["ville"],
                    strict=True,
                )
            ],
            value=0,
            description="Client :",
            style=_STYLE,
            layout=widgets.Layout(width="44em"),
        )
        self.client = widgets.Text(
            value="", description="Nom sur le devis :", placeholder="raison sociale", style=_STYLE
        )
        self.conditions = widgets.HTML()
        self.remise_1 = _pourcent("Remise 1 (%) :")
        self.remise_2 = _pourcent("Remise 2 (%) :")
        self.rabais = _pourcent("Rabais (%) :")
        self.ristourne = _pourcent("Ristourne (%) :")
        self.escompte = _pourcent("Escompte (%) :", 5)
        self.port = widgets.BoundedFloatText(
            value=0,
            min=0,
            max=10_000,
            step=5,
            description="Port HT (€) :",
            style=_STYLE,
            layout=widgets.Layout(width="20em"),
        )
        self.acompte = widgets.BoundedFloatText(
            value=0,
            min=0,
            max=1_000_000,
            step=50,
            description="Acompte versé (€) :",
            style=_STYLE,
            layout=widgets.Layout(width="20em"),
        )
        self.resultat = widgets.HTML()
        conditions = (
            self.remise_1,
            self.remise_2,
            self.rabais,
            self.ristourne,
            self.escompte,
            self.port,
            self.acompte,
        )
        controles = [c for ligne in self.articles for c in ligne] + [self.client, *conditions]
        for controle in controles:
            controle.observe(self._sur_changement, names="value")
        self.choix_client.observe(self._sur_client, names="value")
        super().__init__(
            [
                widgets.HTML("<b>Client</b>"),
                self.choix_client,
                self.conditions,
                self.client,
                widgets.HTML("<b>Articles</b>"),
                *[widgets.HBox(list(ligne)) for ligne in self.articles],
                widgets.HTML("<b>Conditions accordées au client</b>"),
                widgets.HBox([self.remise_1, self.remise_2]),
                widgets.HBox([self.rabais, self.ristourne]),
                widgets.HBox([self.escompte, self.port]),
                self.acompte,
                self.resultat,
            ],
            layout=_LARGEUR,
        )
        self.actualiser()

    def _sur_client(self, _changement: Mapping[str, Any]) -> None:
        """Reprend le nom du client et propose sa remise habituelle comme première remise."""
        identifiant = self.choix_client.value
        if not identifiant:
            self.conditions.value = ""
            return
        fiche = self.clients.loc[identifiant]
        remise = round(float(fiche["taux_remise_habituel"]) * 200) / 2  # au demi-point près
        self.conditions.value = _html_message(
            f"Conditions de paiement : {fiche['conditions_paiement']} ; remise habituelle "
            f"(moyenne de ses commandes depuis 2025) : {formats.pourcentage(fiche['taux_remise_habituel'], 1)}."
        )
        with self.hold_trait_notifications():
            self.client.value = str(fiche["raison_sociale"])
            self.remise_1.value = remise
        self.actualiser()

    def choisir(self, ligne: int, reference: str, quantite: int, taux_tva: float = 0.20) -> None:
        """Remplit une ligne d'articles (pratique dans un notebook ou un test)."""
        ref, qte, tva = self.articles[ligne]
        ref.value, qte.value, tva.value = reference, quantite, taux_tva

    def actualiser(self) -> None:
        """Recalcule le devis et l'affiche."""
        choix = [(r.value, q.value, t.value) for r, q, t in self.articles if r.value]
        remises = tuple(x.value / 100 for x in (self.remise_1, self.remise_2) if x.value)
        try:
            d = construire_devis(
                choix,
                self.produits,
                remises=remises,
                rabais=self.rabais.value / 100,
                ristourne=self.ristourne.value / 100,
                taux_escompte=self.escompte.value / 100,
                port_ht=self.port.value,
                acompte=self.acompte.value,
            )
        except ErreurCours as erreur:
            self.resultat.value = _html_message(str(erreur), "erreur")
            return
        titre = "Devis — Textiles Marceau SAS, Roubaix"
        if self.client.value.strip():
            titre += f" — pour {self.client.value.strip()}"
        self.resultat.value = d.html(titre)

    def _sur_changement(self, _changement: Mapping[str, Any]) -> None:
        self.actualiser()


def constructeur_devis(produits: pd.DataFrame | None = None) -> ConstructeurDevis:
    """Widget : composer un devis à partir du catalogue et des conditions accordées.

    >>> w = constructeur_devis()
    >>> w.choisir(0, "TM-PL-001", 10)
    >>> "178,80" in w.resultat.value  # 10 × 14,90 × 1,20
    True
    """
    return ConstructeurDevis(produits)
