"""L'offre et le devis (S442) : structure de la gamme, cascade du « net à payer ».

Convention du cours (DESIGN §4) pour un devis ou une facture :

prix brut HT → remise(s), chacune sur le net précédent → rabais → ristourne
→ **net commercial** → escompte (sur le net commercial) → **net financier**
→ + port HT → TVA → **TTC** → − acompte → **net à payer**.

Quand les lignes ont des taux de TVA différents (5,5 % et 20 % par exemple),
les réductions (des pourcentages) s'appliquent à chaque base, et la TVA se
calcule base par base. Le port est soumis à la TVA au taux ``taux_tva_port``.

>>> round(float(net_a_payer(1000, remises=(0.10, 0.05), taux_escompte=0.02)["net_a_payer"]), 2)
1005.48
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from . import finance, formats
from ._erreurs import ErreurCours
from ._verif_montants import colonnes_requises, montant, taux

__all__ = [
    "net_a_payer",
    "devis",
    "Devis",
    "structure_gamme",
    "StructureGamme",
]


def _taux_reductions(remises: Any, fonction: str) -> list[float]:
    """Les remises successives : un taux seul ou une suite de taux décimaux."""
    if isinstance(remises, int | float) and not isinstance(remises, bool):
        remises = (remises,)
    if isinstance(remises, str) or not isinstance(remises, Sequence):
        raise ErreurCours(
            f"{fonction}() : remises doit être une liste de taux décimaux, par exemple "
            f"(0.10, 0.05) pour 10 % puis 5 % ; reçu {remises!r}."
        )
    return [taux(r, "chaque remise", fonction) for r in remises]


@dataclass
class Devis:
    """Un devis calculé par :func:`devis`.

    - ``lignes`` : une ligne par article (montant brut HT, remise de ligne, montant HT) ;
    - ``cascade`` : les étapes du calcul (etape, taux, montant), dans l'ordre du cours ;
    - ``tva`` : le décompte de la TVA par taux (taux_tva, base_ht, tva) ;
    - ``net_a_payer`` : le montant à régler après déduction de l'acompte.
    """

    lignes: pd.DataFrame
    cascade: pd.DataFrame
    tva: pd.DataFrame
    net_a_payer: float

    def montant(self, etape: str) -> float:
        """Le montant d'une étape de la cascade (« Net commercial », « Total TTC »…)."""
        trouve = self.cascade.loc[self.cascade["etape"] == etape, "montant"]
        if trouve.empty:
            etapes = ", ".join(self.cascade["etape"])
            raise ErreurCours(f"Devis.montant() : étape inconnue {etape!r} ; étapes : {etapes}.")
        return float(trouve.iloc[-1])

    def html(self, titre: str = "Devis") -> str:
        """Le devis présenté à la française (tableau des articles, cascade, TVA)."""
        e = formats.euros
        corps = [f"<h4>{html.escape(titre)}</h4>", '<table style="border-collapse:collapse">']
        corps.append(
            "<tr><th align=left>Désignation</th><th>Qté</th><th>P.U. HT</th>"
            "<th>Remise</th><th>Montant HT</th><th>TVA</th></tr>"
        )
        for _, ligne in self.lignes.iterrows():
            corps.append(
                f"<tr><td>{html.escape(str(ligne['designation']))}</td><td align=right>{formats.nombre(ligne['quantite'])}"
                f"</td><td align=right>{e(ligne['prix_unitaire_ht'])}</td>"
                f"<td align=right>{formats.pourcentage(ligne['taux_remise'], 1)}</td>"
                f"<td align=right>{e(ligne['montant_ht'])}</td>"
                f"<td align=right>{formats.pourcentage(ligne['taux_tva'], 1)}</td></tr>"
            )
        corps.append("</table><table style='margin-top:8px'>")
        for _, etape in self.cascade.iterrows():
            taux_txt = "" if pd.isna(etape["taux"]) else f" {formats.pourcentage(etape['taux'], 2)}"
            gras = not etape["etape"].startswith(
                ("Remise", "Rabais", "Ristourne", "Escompte", "TVA", "Acompte", "Port")
            )
            if etape["etape"] == "TVA":  # une facture donne la base de chaque taux
                base = self.tva.loc[self.tva["taux_tva"] == etape["taux"], "base_ht"].iloc[0]
                taux_txt += f" sur {e(base)}"
            valeur = e(etape["montant"])
            valeur = f"<b>{valeur}</b>" if gras else valeur
            corps.append(
                f"<tr><td>{etape['etape']}{taux_txt}</td><td align=right>{valeur}</td></tr>"
            )
        corps.append("</table>")
        return "".join(corps)

    def _repr_html_(self) -> str:
        return self.html()


def devis(
    lignes: pd.DataFrame,
    remises: Sequence[float] | float = (),
    rabais: float = 0,
    ristourne: float = 0,
    taux_escompte: float = 0,
    port_ht: float = 0,
    taux_tva_port: float = 0.20,
    acompte: float = 0,
) -> Devis:
    """Calcule un devis complet : la cascade du net à payer, avec plusieurs taux de TVA.

    ``lignes`` : une table avec ``designation``, ``quantite``, ``prix_unitaire_ht``,
    ``taux_tva`` et, si besoin, ``taux_remise`` (remise propre à la ligne). Les
    réductions du pied de devis (``remises`` successives, ``rabais``,
    ``ristourne``, ``taux_escompte``) sont des taux décimaux ; ``port_ht`` et
    ``acompte`` (déjà versé, TTC) sont en euros.

    Exemple : 10 plaids à 50 € (TVA 20 %) et 20 boîtes de chocolats à 10 € (TVA 5,5 %),
    remise 10 %, escompte 2 %, port 30 € HT, acompte 100 € :

    >>> import pandas as pd
    >>> l = pd.DataFrame({"designation": ["Plaid", "Chocolats"], "quantite": [10, 20],
    ...                   "prix_unitaire_ht": [50.0, 10.0], "taux_tva": [0.20, 0.055]})
    >>> d = devis(l, remises=0.10, taux_escompte=0.02, port_ht=30, acompte=100)
    >>> d.tva
       taux_tva  base_ht     tva
    0     0.055    176.4   9.702
    1     0.200    471.0  94.200
    >>> round(d.net_a_payer, 2)
    651.3
    """
    fonction = "devis"
    colonnes_requises(
        lignes, ("designation", "quantite", "prix_unitaire_ht", "taux_tva"), "lignes", fonction
    )
    if lignes.empty:
        raise ErreurCours(
            f"{fonction}() : le devis n'a aucune ligne ; ajoutez au moins un article."
        )
    detail = lignes.copy()
    if "taux_remise" not in detail.columns:
        detail["taux_remise"] = 0.0
    for _, ligne in detail.iterrows():  # chaque valeur est contrôlée, avec un message clair
        montant(ligne["quantite"], "quantite", fonction, strictement_positif=True)
        montant(ligne["prix_unitaire_ht"], "prix_unitaire_ht", fonction)
        taux(ligne["taux_tva"], "taux_tva", fonction)
        taux(ligne["taux_remise"], "taux_remise", fonction)
    detail["montant_brut_ht"] = detail["quantite"] * detail["prix_unitaire_ht"]
    detail["montant_ht"] = detail["montant_brut_ht"] * (1 - detail["taux_remise"])

    reductions = [("Remise", r) for r in _taux_reductions(remises, fonction)]
    reductions += [("Rabais", taux(rabais, "rabais", fonction))]
    reductions += [("Ristourne", taux(ristourne, "ristourne", fonction))]
    escompte = taux(taux_escompte, "taux_escompte", fonction)
    port = montant(port_ht, "port_ht", fonction)
    tva_port = taux(taux_tva_port, "taux_tva_port", fonction)
    deja_verse = montant(acompte, "acompte", fonction)

    etapes: list[tuple[str, float | None, float]] = []
    net = float(detail["montant_ht"].sum())
    etapes.append(("Total brut HT", None, net))
    coefficient = 1.0  # part du brut qui reste après les réductions commerciales
    accordees = [(nom, t) for nom, t in reductions if t > 0]
    for i, (nom, t) in enumerate(accordees):
        etapes.append((nom, t, -net * t))
        net, coefficient = net * (1 - t), coefficient * (1 - t)
        if i < len(accordees) - 1:  # après la dernière réduction vient le net commercial
            etapes.append((f"Net après {nom.lower()}", None, net))
    etapes.append(("Net commercial HT", None, net))

    # Escompte et TVA base par base : la règle de finance.escompte_reglement.
    bases = detail.groupby("taux_tva", sort=True)["montant_ht"].sum() * coefficient
    par_taux = [finance.escompte_reglement(b, escompte, t) for t, b in bases.items()]
    montant_escompte = sum(float(p["escompte"]) for p in par_taux)
    financier = net - montant_escompte
    if escompte:
        etapes.append(("Escompte", escompte, -montant_escompte))
    etapes.append(("Net financier HT", None, financier))
    tva = pd.DataFrame(
        {
            "taux_tva": [float(t) for t in bases.index],
            "base_ht": [float(p["net_financier_ht"]) for p in par_taux],
            "tva": [float(p["tva"]) for p in par_taux],
        }
    )
    if port:
        etapes.append(("Port HT", None, port))
        etapes.append(("Total HT", None, financier + port))
        if tva_port in set(tva["taux_tva"]):
            tva.loc[tva["taux_tva"] == tva_port, "base_ht"] += port
            tva.loc[tva["taux_tva"] == tva_port, "tva"] += port * tva_port
        else:
            tva.loc[len(tva)] = [tva_port, port, port * tva_port]
            tva = tva.sort_values("taux_tva", ignore_index=True)
    for _, ligne in tva.iterrows():
        etapes.append(("TVA", float(ligne["taux_tva"]), float(ligne["tva"])))
    ttc = financier + port + float(tva["tva"].sum())
    etapes.append(("Total TTC", None, ttc))
    if deja_verse > ttc:
        raise ErreurCours(
            f"{fonction}() : l'acompte ({formats.euros(deja_verse)}) dépasse le total TTC "
            f"({formats.euros(ttc)}) ; vérifiez le montant de l'acompte."
        )
    if deja_verse:
        etapes.append(("Acompte versé", None, -deja_verse))
    etapes.append(("Net à payer", None, ttc - deja_verse))
    cascade = pd.DataFrame(etapes, columns=["etape", "taux", "montant"])
    colonnes = ["designation", "quantite", "prix_unitaire_ht", "taux_remise", "montant_brut_ht"]
    return Devis(detail[[*colonnes, "montant_ht", "taux_tva"]], cascade, tva, ttc - deja_verse)


def net_a_payer(
    prix_brut_ht: float,
    remises: Sequence[float] | float = (),
    rabais: float = 0,
    ristourne: float = 0,
    taux_escompte: float = 0,
    port_ht: float = 0,
    taux_tva: float = 0.20,
    acompte: float = 0,
) -> pd.Series:
    """La cascade du net à payer pour un montant brut HT à un seul taux de TVA.

    Renvoie les étapes de :func:`devis`, les réductions en négatif, indexées par
    ``brut_ht``, ``remise_1``, ``net_apres_remise_1``, ``remise_2``…, ``rabais``,
    ``ristourne``, ``net_commercial``, ``escompte``, ``net_financier``, ``port_ht``,
    ``total_ht``, ``tva``, ``total_ttc``, ``acompte``, ``net_a_payer`` (seules les
    étapes utiles : pas de ligne « rabais » sans rabais).

    1 000 € brut, remises 10 % puis 5 %, escompte 2 % : 1 000 × 0,90 × 0,95 = 855 €
    net commercial ; escompte 17,10 € ; net financier 837,90 € ; TVA 167,58 € ;
    net à payer 1 005,48 €.

    >>> c = net_a_payer(1000, remises=(0.10, 0.05), taux_escompte=0.02)
    >>> c[["net_commercial", "escompte", "net_financier", "tva"]].round(2).tolist()
    [855.0, -17.1, 837.9, 167.58]
    """
    fonction = "net_a_payer"
    brut = montant(prix_brut_ht, "prix_brut_ht", fonction, strictement_positif=True)
    ligne = pd.DataFrame(
        {
            "designation": ["Article"],
            "quantite": [1],
            "prix_unitaire_ht": [brut],
            "taux_tva": [taux_tva],
        }
    )
    d = devis(ligne, remises, rabais, ristourne, taux_escompte, port_ht, taux_tva, acompte)
    noms = {
        "Total brut HT": "brut_ht",
        "Net commercial HT": "net_commercial",
        "Escompte": "escompte",
        "Net financier HT": "net_financier",
        "Port HT": "port_ht",
        "Total HT": "total_ht",
        "TVA": "tva",
        "Total TTC": "total_ttc",
        "Acompte versé": "acompte",
        "Net à payer": "net_a_payer",
    }
    resultat: dict[str, float] = {}
    numeros = {"Remise": 0}
    for _, etape in d.cascade.iterrows():
        nom = str(etape["etape"])
        if nom == "Remise":
            numeros["Remise"] += 1
            cle = f"remise_{numeros['Remise']}"
        elif nom in ("Rabais", "Ristourne"):
            cle = nom.lower()
        elif nom.startswith("Net après"):
            cle = "net_apres_" + nom.split()[-1]
            if nom == "Net après remise":
                cle += f"_{numeros['Remise']}"
        else:
            cle = noms[nom]
        resultat[cle] = float(etape["montant"])
    return pd.Series(resultat)


# --------------------------------------------------------------------------- gamme


@dataclass
class StructureGamme:
    """La structure d'une gamme, par :func:`structure_gamme`.

    - ``largeur`` : nombre de familles (lignes de produits) ;
    - ``profondeur`` : nombre de références par famille (Series) ;
    - ``profondeur_moyenne`` : références / familles ;
    - ``tableau`` : références par famille et par niveau de gamme, avec le total.
    """

    largeur: int
    profondeur: pd.Series
    profondeur_moyenne: float
    tableau: pd.DataFrame


def structure_gamme(produits: pd.DataFrame, actifs_seulement: bool = True) -> StructureGamme:
    """Largeur et profondeur de la gamme à partir de la table ``produits``.

    La **largeur** est le nombre de familles ; la **profondeur** d'une famille
    est son nombre de références. Par défaut, seuls les produits encore au
    catalogue (``actif``) comptent.

    >>> import pandas as pd
    >>> p = pd.DataFrame({"famille": ["plaids", "plaids", "peignoirs"],
    ...                   "gamme": ["essentiel", "confort", "confort"], "actif": [True] * 3})
    >>> s = structure_gamme(p)
    >>> s.largeur, s.profondeur_moyenne
    (2, 1.5)
    """
    fonction = "structure_gamme"
    requises = ("famille", "gamme", "actif") if actifs_seulement else ("famille", "gamme")
    colonnes_requises(produits, requises, "produits", fonction)
    retenus = produits[produits["actif"].astype(bool)] if actifs_seulement else produits
    if retenus.empty:
        raise ErreurCours(f"{fonction}() : aucun produit à analyser (table vide ?).")
    profondeur = retenus.groupby("famille").size().sort_values(ascending=False)
    profondeur.name = "references"
    tableau = pd.crosstab(retenus["famille"], retenus["gamme"], margins=True, margins_name="total")
    return StructureGamme(
        largeur=int(profondeur.size),
        profondeur=profondeur,
        profondeur_moyenne=float(profondeur.sum() / profondeur.size),
        tableau=tableau,
    )
