"""S431 : la fiche client 360° (tout ce que la base sait d'un client) et le QCM de l'unité.

:class:`DonneesFiche360` lit une fois les tables utiles ; :func:`fiche_360` assemble
la fiche d'un client sans nouvelle requête (quelques millisecondes), ce qui rend
le widget :class:`FicheClient360` instantané.
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

from .. import clientele, donnees, formats
from .._erreurs import ErreurCours
from ._commun import _LARGEUR, _html_message
from ._svg import Courbe, courbes_svg
from .questionnaire import BANQUES, Question

__all__ = [
    "DonneesFiche360",
    "Fiche360",
    "fiche_360",
    "FicheClient360",
    "fiche_client_360",
    "QUESTIONS_S431",
]


class _ParClient:
    """Les lignes d'une table, triées par client : celles d'un client en une recherche binaire."""

    def __init__(self, df: pd.DataFrame) -> None:
        # tri stable : l'ordre de la requête (dates) est gardé à l'intérieur d'un client
        self.df = df.sort_values("id_client", kind="stable").reset_index(drop=True)
        self._ids = self.df["id_client"].to_numpy()

    def get(self, id_client: int, defaut: pd.DataFrame) -> pd.DataFrame:
        debut, fin = np.searchsorted(self._ids, [id_client, id_client + 1])
        return self.df.iloc[debut:fin].reset_index(drop=True) if fin > debut else defaut


@dataclass
class DonneesFiche360:
    """Les tables lues une fois, rangées par client (``.get(id_client, défaut)``)."""

    clients: pd.DataFrame  # indexée par id_client, avec le statut du cycle de vie
    commandes: _ParClient
    factures: _ParClient
    contacts: _ParClient
    reclamations: _ParClient
    enquetes: _ParClient

    @classmethod
    def lire(cls, con: duckdb.DuckDBPyConnection | None = None) -> DonneesFiche360:
        jour = donnees.DATE_REFERENCE.isoformat()
        clients = donnees.requete(
            """
            SELECT c.*, m.prenom || ' ' || m.nom AS commercial
            FROM clients AS c LEFT JOIN commerciaux AS m USING (id_commercial)
            """,
            con,
        ).set_index("id_client", drop=False)
        cycle = clientele.cycle_de_vie(con, prospects=False).set_index("id_client")
        clients = clients.join(cycle[["statut", "derniere_commande", "anciennete_annees"]])
        commandes = donnees.requete(
            f"""
            SELECT id_client, id_commande, date_commande, year(date_commande) AS annee, canal,
                   statut, montant_ht::DOUBLE AS montant_ht
            FROM commandes WHERE statut <> 'annulée' AND date_commande <= DATE '{jour}'
            ORDER BY id_client, date_commande
            """,
            con,
        )
        factures = donnees.requete(
            f"""
            WITH payes AS (
              SELECT id_facture, sum(montant) AS regle FROM reglements
              WHERE date_reglement <= DATE '{jour}' GROUP BY id_facture
            )
            SELECT f.id_client, f.id_facture, f.date_facture, f.date_echeance,
                   f.montant_ttc::DOUBLE AS montant_ttc,
                   (f.montant_ttc - coalesce(p.regle, 0))::DOUBLE AS reste_du, f.statut
            FROM factures AS f LEFT JOIN payes AS p USING (id_facture)
            WHERE f.date_facture <= DATE '{jour}'
            ORDER BY f.id_client, f.date_facture
            """,
            con,
        )
        contacts = donnees.requete(
            """
            SELECT id_client, date_contact, type_contact, objet, resultat
            FROM contacts WHERE id_client IS NOT NULL ORDER BY id_client, date_contact DESC
            """,
            con,
        )
        reclamations = donnees.requete(
            """
            SELECT id_client, date_reclamation, motif, statut, date_cloture,
                   date_cloture - date_reclamation AS delai_jours,
                   geste_commercial_ht::DOUBLE AS geste_commercial_ht
            FROM reclamations ORDER BY id_client, date_reclamation DESC
            """,
            con,
        )
        enquetes = donnees.requete(
            """
            SELECT id_client, date_enquete, note_recommandation, note_satisfaction, commentaire
            FROM enquetes_satisfaction ORDER BY id_client, date_enquete DESC
            """,
            con,
        )
        return cls(
            clients=clients,
            commandes=_ParClient(commandes),
            factures=_ParClient(factures),
            contacts=_ParClient(contacts),
            reclamations=_ParClient(reclamations),
            enquetes=_ParClient(enquetes),
        )


@dataclass(frozen=True)
class Fiche360:
    """Résultat de :func:`fiche_360`."""

    identite: dict[str, Any]
    ventes: pd.DataFrame  # annee, nb_commandes, ca_ht (toutes les années de l'historique)
    paiements: dict[str, float]  # creances_ttc, montant_echu, nb_factures_non_reglees…
    factures_ouvertes: pd.DataFrame  # factures non soldées
    contacts: pd.DataFrame  # tous les contacts, du plus récent au plus ancien
    reclamations: pd.DataFrame
    enquetes: pd.DataFrame


_VIDE = pd.DataFrame()


def fiche_360(id_client: int, d: DonneesFiche360) -> Fiche360:
    """La fiche 360° d'un client : identité, ventes par année, paiements, contacts, réclamations…

    ``paiements`` : ``creances_ttc`` (factures émises non réglées, TTC), ``montant_echu``
    (dont échues à la date d'arrêté), ``nb_factures_non_reglees``, ``plafond_credit``
    (NaN pour un particulier), ``delai_paiement`` (conditions de paiement).

    >>> import gc_helpers as gc
    >>> d = DonneesFiche360.lire(gc.connecter())
    >>> f = fiche_360(177, d)
    >>> f.identite["type_client"], list(f.ventes.columns)
    ('professionnel', ['annee', 'nb_commandes', 'ca_ht'])
    >>> fiche_360(99999, d)
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: Le client n° 99999 n'existe pas : les numéros vont de 1 à 4380.
    """
    try:
        cle = int(id_client)
    except (TypeError, ValueError):
        raise ErreurCours(
            f"fiche_360() attend un numéro de client (nombre entier) ; reçu {id_client!r}."
        ) from None
    if cle not in d.clients.index:
        raise ErreurCours(
            f"Le client n° {cle} n'existe pas : les numéros vont de "
            f"{int(d.clients.index.min())} à {int(d.clients.index.max())}."
        )
    c = d.clients.loc[cle]
    identite = {k: (None if pd.isna(v) else v) for k, v in c.items()}
    identite["nom_affiche"] = (
        c["raison_sociale"]
        if pd.notna(c["raison_sociale"])
        else (f"{c['civilite']} {c['prenom']} {c['nom']}")
    )
    commandes = d.commandes.get(cle, _VIDE)
    premiere = max(2022, int(pd.Timestamp(c["date_creation"]).year))
    annees = np.arange(premiere, donnees.DATE_REFERENCE.year + 1)
    nb_commandes = np.zeros(len(annees), dtype=int)
    ca_ht = np.zeros(len(annees))
    if len(commandes):
        # par année, sans groupby : quelques dizaines de commandes au plus, à chaque clic
        rang = commandes["annee"].to_numpy(dtype=int) - premiere
        garde = rang >= 0
        nb_commandes = np.bincount(rang[garde], minlength=len(annees))
        ca_ht = np.bincount(
            rang[garde],
            weights=commandes["montant_ht"].to_numpy(dtype=float)[garde],
            minlength=len(annees),
        )
    ventes = pd.DataFrame({"annee": annees, "nb_commandes": nb_commandes, "ca_ht": ca_ht})
    factures = d.factures.get(cle, _VIDE)
    if len(factures):
        ouvertes = factures[factures["reste_du"] > 0.005].reset_index(drop=True)
        echues = ouvertes["date_echeance"] < pd.Timestamp(donnees.DATE_REFERENCE)
        creances, echu = (
            float(ouvertes["reste_du"].sum()),
            float(ouvertes["reste_du"][echues].sum()),
        )
    else:
        ouvertes, creances, echu = _VIDE, 0.0, 0.0
    paiements = {
        "conditions_paiement": c["conditions_paiement"],
        "plafond_credit": float(c["plafond_credit"])
        if pd.notna(c["plafond_credit"])
        else float("nan"),
        "creances_ttc": creances,
        "montant_echu": echu,
        "nb_factures_non_reglees": len(ouvertes),
    }
    return Fiche360(
        identite=identite,
        ventes=ventes,
        paiements=paiements,
        factures_ouvertes=ouvertes,
        contacts=d.contacts.get(cle, _VIDE),
        reclamations=d.reclamations.get(cle, _VIDE),
        enquetes=d.enquetes.get(cle, _VIDE),
    )


def _ou_tiret(valeur: Any) -> str:
    return formats.VIDE if valeur is None else html.escape(str(valeur))


def _section(titre: str, corps: str) -> str:
    return (
        "<div style='border:1px solid #ccc; border-radius:6px; padding:6px 10px; margin:4px;"
        f" min-width:18em; flex:1'><b>{titre}</b><br>{corps}</div>"
    )


_COULEURS_STATUT = {"actif": "#1b5e20", "dormant": "#e65100", "perdu": "#b71c1c"}


def _html_fiche(f: Fiche360) -> str:
    i, p = f.identite, f.paiements
    statut = i["statut"]
    bandeau = (
        f"<h3 style='margin:4px'>n° {i['id_client']} — {html.escape(str(i['nom_affiche']))} "
        f"<span style='color:{_COULEURS_STATUT.get(statut, '#333')}; font-size:80%'>"
        f"[client {statut}]</span></h3>"
    )
    ident = "<br>".join(
        [
            f"{_ou_tiret(i['type_client'])}"
            + (f" · {_ou_tiret(i['secteur_activite'])}" if i["secteur_activite"] else ""),
            f"Interlocuteur : {_ou_tiret(i['civilite'])} {_ou_tiret(i['prenom'])} "
            f"{_ou_tiret(i['nom'])}",
            f"{_ou_tiret(i['adresse'])}, {_ou_tiret(i['code_postal'])} {_ou_tiret(i['ville'])}",
            f"Courriel : {_ou_tiret(i['email'])} · tél. : {_ou_tiret(i['telephone'])}",
            f"Client depuis le {formats.date_fr(i['date_creation'])} "
            f"({formats.nombre(i['anciennete_annees'], 1)} ans) · canal : "
            f"{_ou_tiret(i['canal_acquisition'])}",
            f"Commercial : {_ou_tiret(i['commercial'])} · opt-in courriel : "
            f"{'oui' if i['optin_email'] else 'non'}, SMS : {'oui' if i['optin_sms'] else 'non'}",
        ]
    )
    total = f.ventes["ca_ht"].sum()
    derniere = i["derniere_commande"]
    ventes = (
        f"CA HT depuis 2022 : <b>{formats.euros(total, 0)}</b> en "
        f"{int(f.ventes['nb_commandes'].sum())} commandes<br>Dernière commande : "
        f"{formats.date_fr(derniere) if derniere is not None else 'aucune depuis 2022'}"
    )
    plafond = p["plafond_credit"]
    pay = (
        f"Conditions : {_ou_tiret(p['conditions_paiement'])}"
        + (f" · plafond {formats.euros(plafond, 0)}" if plafond == plafond else "")
        + f"<br>Encours de créances : <b>{formats.euros(p['creances_ttc'])}</b> TTC "
        f"({p['nb_factures_non_reglees']} facture(s) non soldée(s))<br>dont échu : "
        f"<span style='color:{'#b71c1c' if p['montant_echu'] > 0 else 'inherit'}'>"
        f"{formats.euros(p['montant_echu'])}</span>"
    )
    if len(f.contacts):
        par_type = f.contacts["type_contact"].value_counts()
        derniers = "<br>".join(
            f"{formats.date_fr(r.date_contact)} : {html.escape(r.type_contact)} "
            f"({html.escape(r.objet)}) → {html.escape(r.resultat)}"
            for r in f.contacts.head(3).itertuples()
        )
        cont = (
            f"{len(f.contacts)} contacts dont {int(par_type.get('visite', 0))} visites<br>"
            f"{derniers}"
        )
    else:
        cont = "aucun contact commercial enregistré"
    if len(f.reclamations):
        recl = "<br>".join(
            f"{formats.date_fr(r.date_reclamation)} : {html.escape(r.motif)} ({r.statut}"
            + (f", {int(r.delai_jours)} j" if pd.notna(r.delai_jours) else "")
            + ")"
            for r in f.reclamations.head(4).itertuples()
        )
    else:
        recl = "aucune réclamation"
    if len(f.enquetes):
        satis = "<br>".join(
            f"{formats.date_fr(r.date_enquete)} : recommandation {r.note_recommandation}/10, "
            f"satisfaction {r.note_satisfaction}/5"
            + (f" — « {html.escape(r.commentaire)} »" if pd.notna(r.commentaire) else "")
            for r in f.enquetes.head(3).itertuples()
        )
    else:
        satis = "jamais interrogé(e)"
    return (
        bandeau
        + "<div style='display:flex; flex-wrap:wrap'>"
        + _section("Identité", ident)
        + _section("Achats", ventes)
        + _section("Paiements et encours", pay)
        + _section("Contacts et visites", cont)
        + _section("Réclamations", recl)
        + _section("Satisfaction", satis)
        + "</div>"
    )


def _html_ventes(f: Fiche360) -> str:
    v = f.ventes
    return courbes_svg(
        [Courbe("CA HT", list(v["annee"]), list(v["ca_ht"]), points=True)],
        titre="Chiffre d'affaires HT par année (2026 : dix mois)",
        format_y=lambda x: formats.euros(x, 0),
        etiquettes_x=[(a, str(a)) for a in v["annee"]],
    )


class FicheClient360(widgets.VBox):
    """Widget : choisir un client (liste des professionnels ou numéro) → sa fiche 360°.

    Éléments : ``choix_client`` (liste des professionnels), ``numero`` (tout numéro de client,
    particuliers compris), ``fiche`` (HTML), ``graphique`` (HTML : CA par année).
    """

    def __init__(
        self, con: duckdb.DuckDBPyConnection | None = None, id_client: int | None = None
    ) -> None:
        self.donnees = DonneesFiche360.lire(con)
        pros = self.donnees.clients[self.donnees.clients["type_client"] == "professionnel"]
        options = [
            (f"n° {int(i)} — {nom} ({ville})", int(i))
            for i, nom, ville in zip(pros.index, pros["raison_sociale"], pros["ville"], strict=True)
        ]
        depart = int(id_client) if id_client is not None else options[0][1]
        self.choix_client = widgets.Dropdown(
            options=options,
            value=depart if depart in set(pros.index) else None,
            description="Professionnel :",
            layout=widgets.Layout(width="45em"),
            style={"description_width": "9em"},
        )
        self.numero = widgets.BoundedIntText(
            value=depart,
            min=1,
            max=int(self.donnees.clients.index.max()),
            description="ou n° client :",
            style={"description_width": "9em"},
        )
        self.fiche = widgets.HTML()
        self.graphique = widgets.HTML()
        self.choix_client.observe(self._sur_choix, names="value")
        self.numero.observe(self._sur_numero, names="value")
        super().__init__(
            [widgets.HBox([self.choix_client, self.numero]), self.fiche, self.graphique],
            layout=_LARGEUR,
        )
        self.afficher(depart)

    def afficher(self, id_client: int) -> None:
        """Affiche la fiche du client n° ``id_client``."""
        try:
            f = fiche_360(id_client, self.donnees)
        except ErreurCours as erreur:
            self.fiche.value = _html_message(str(erreur), "erreur")
            self.graphique.value = ""
            return
        self.fiche.value = _html_fiche(f)
        self.graphique.value = _html_ventes(f)

    def _sur_choix(self, changement: Mapping[str, Any]) -> None:
        # Le numéro suit la liste ; c'est son changement qui affiche la fiche (une seule fois).
        if changement["new"] is not None and changement["new"] != self.numero.value:
            self.numero.value = changement["new"]

    def _sur_numero(self, changement: Mapping[str, Any]) -> None:
        numero = changement["new"]
        pros = {v for _, v in self.choix_client.options}
        self.choix_client.value = numero if numero in pros else None
        self.afficher(numero)


def fiche_client_360(
    con: duckdb.DuckDBPyConnection | None = None, id_client: int | None = None
) -> FicheClient360:
    """Widget « fiche client 360° » : identité, achats, encours, contacts, réclamations, satisfaction.

    >>> import gc_helpers as gc
    >>> w = fiche_client_360(gc.connecter(), id_client=177)
    >>> "Paiements et encours" in w.fiche.value
    True
    """
    return FicheClient360(con=con, id_client=id_client)


#: Le QCM de S431 (``gc.widgets.qcm("S431")``).
QUESTIONS_S431: tuple[Question, ...] = (
    Question(
        "Pourquoi l'entreprise cherche-t-elle à mieux connaître ses clients ?",
        (
            "pour adapter son offre et sa communication à chaque client ou segment",
            "pour repérer les clients à fidéliser, à développer ou à relancer",
            "pour revendre librement leurs données à d'autres entreprises",
        ),
        (0, 1),
        "Connaître le client sert à mieux le servir et à mieux répartir l'effort commercial ; "
        "la revente de données personnelles est encadrée par le RGPD et n'est pas un objectif.",
    ),
    Question(
        "Un client professionnel n'a rien commandé depuis 14 mois (seuils : 12 et 24 mois). "
        "Il est…",
        ("actif", "dormant", "perdu", "prospect"),
        (1,),
        "Au-delà du seuil d'activité (12 mois) mais avant le seuil de perte (24 mois), le client "
        "est dormant : c'est le moment de le relancer, avant qu'il soit perdu.",
    ),
    Question(
        "Un prospect, c'est…",
        (
            "un client qui n'a plus commandé depuis longtemps",
            "une personne ou une entreprise qui n'a pas encore acheté mais pourrait le faire",
            "un client qui a fait une réclamation",
        ),
        (1,),
        "Le prospect est un client potentiel : la prospection cherche à le convertir en client.",
    ),
    Question(
        "Quelles informations la base de Textiles Marceau ne contient-elle pas ?",
        (
            "le chiffre d'affaires réalisé par chaque client",
            "les achats du client chez les concurrents",
            "les revenus et la composition du foyer des particuliers",
            "les réclamations des clients",
        ),
        (1, 2),
        "La base garde ce que l'entreprise voit (commandes, factures, contacts, réclamations, "
        "enquêtes) ; elle ignore ce que le client achète ailleurs et sa situation personnelle.",
    ),
    Question(
        "Analyser le portefeuille de clients, c'est notamment…",
        (
            "le décrire (types, secteurs, ancienneté, étapes du cycle de vie)",
            "repérer les équilibres et les risques (dépendance à quelques clients, vieillissement, "
            "trop de clients dormants)",
            "supprimer les clients qui n'ont pas commandé ce mois-ci",
        ),
        (0, 1),
        "L'analyse décrit la structure du portefeuille et en tire des actions (fidéliser, "
        "réactiver, conquérir) ; on ne supprime pas un client parce qu'il est saisonnier.",
    ),
)

BANQUES["S431"] = QUESTIONS_S431
