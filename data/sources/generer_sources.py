"""Génère les fichiers « reçus » par un commercial, pour l'unité S821 (collecte).

Cinq fichiers fictifs, dans les formats qu'un commercial reçoit vraiment, avec
les défauts qu'on y trouve vraiment (voir data/README.md, section 8) :

- ``fichier_achete_hotels.csv``     : fichier acheté à un courtier (Windows-1252, « ; »,
  virgule décimale, codes postaux sans zéro initial) ;
- ``contacts_salon_lyon.xlsx``      : tableau Excel d'une collègue (titre au-dessus de
  l'en-tête, téléphones et codes postaux enregistrés comme nombres, ligne de total) ;
- ``export_crm_partenaire.json``    : export JSON imbriqué d'une application de salon ;
- ``annuaire_boutiques_paris.html`` : page d'un annuaire professionnel enregistrée ;
- ``desinscriptions.csv``           : demandes d'opposition reçues par le service client
  (UTF-8 avec BOM, « ; »), pas encore reportées dans la base.

Déterministe (graine fixe, aucune dépendance à la date du jour) : relancer
``python data/sources/generer_sources.py`` réécrit les mêmes fichiers. Il réutilise les
listes de prénoms, de noms et les tranches téléphoniques fictives de ``data/generer.py``
et tire les villes dans ``data/clients.csv`` (coordonnées connues de la base).
"""

from __future__ import annotations

import importlib.util
import io
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

ICI = Path(__file__).resolve().parent
DATA = ICI.parent
GRAINE = 821

_spec = importlib.util.spec_from_file_location("generer", DATA / "generer.py")
generer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generer)

RUES = ["rue de la Gare", "avenue Jean Jaurès", "rue Nationale", "boulevard Carnot",
        "place du Marché", "rue Victor Hugo", "rue des Écoles", "quai de la Marne",
        "rue Pasteur", "allée des Tilleuls", "rue du Général de Gaulle", "rue Foch"]  # fmt: skip


def _slug(texte: str) -> str:
    t = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in t).split())


class Tirage:
    def __init__(self, graine: int) -> None:
        self.rng = np.random.default_rng(graine)
        self.numeros: set[str] = set()

    def choix(self, liste):
        return liste[int(self.rng.integers(len(liste)))]

    def personne(self) -> tuple[str, str, str]:
        if self.rng.random() < 0.5:
            return "Mme", self.choix(generer.PRENOMS_F), self.choix(generer.NOMS)
        return "M.", self.choix(generer.PRENOMS_M), self.choix(generer.NOMS)

    def telephone(self, zone: str) -> str:
        while True:
            n = int(self.rng.integers(10000))
            numero = f"{generer.TRANCHES_TELEPHONE[zone]} {n // 100:02d} {n % 100:02d}"
            if numero not in self.numeros:
                self.numeros.add(numero)
                return numero

    def adresse(self) -> str:
        return f"{int(self.rng.integers(1, 120))} {self.choix(RUES)}"


def _villes(departements: list[str]) -> pd.DataFrame:
    clients = pd.read_csv(DATA / "clients.csv", dtype={"code_postal": str, "departement": str})
    v = clients[clients["departement"].isin(departements)]
    return v[["code_postal", "ville", "departement"]].drop_duplicates().reset_index(drop=True)


def _prospects_existants() -> pd.DataFrame:
    return pd.read_csv(DATA / "prospects.csv", dtype={"code_postal": str, "departement": str})


def _email(prenom: str, nom: str, societe: str) -> str:
    return f"{_slug(prenom)[0]}.{_slug(nom)}@{_slug(societe)}.example"


# --------------------------------------------------------------------------
# A. Fichier acheté (CSV à la française, Windows-1252)
# --------------------------------------------------------------------------


def fichier_achete(t: Tirage) -> pd.DataFrame:
    villes = _villes(["02", "59", "60", "62", "80", "51", "54", "57"])
    noms_hotels = ["Hôtel du Beffroi", "Hôtel de la Citadelle", "Hôtel des Flandres",
                   "Hôtel du Parc", "Auberge de la Cathédrale", "Hôtel Le Vauban",
                   "Hôtel de l'Opéra", "Hôtel des Arts", "Résidence Les Dunes",
                   "Hôtel du Canal", "Hôtel Saint-Rémi", "Hôtel de la Baie"]  # fmt: skip
    lignes = []
    for i in range(56):
        v = villes.iloc[int(t.rng.integers(len(villes)))]
        societe = f"{noms_hotels[i % len(noms_hotels)]} {v['ville']}"
        civ, prenom, nom = t.personne()
        lignes.append({
            "Raison sociale": societe,
            "Civilité": {"M.": t.choix(["Monsieur", "M.", "M"]),
                         "Mme": t.choix(["Madame", "Mme", "MME"])}[civ],
            "Nom du contact": nom.upper(),
            "Prénom": prenom,
            "Adresse": t.adresse(),
            "Code postal": str(int(v["code_postal"])),  # le zéro initial de 02… disparaît
            "Ville": v["ville"].upper(),
            "Téléphone": t.telephone("03"),
            "E-mail": _email(prenom, nom, societe) if t.rng.random() > 0.12 else "",
            "Effectif": int(t.rng.integers(4, 60)),
            "CA potentiel estimé (€)": round(float(t.rng.uniform(1500, 25000)), 2),
        })  # fmt: skip
    df = pd.DataFrame(lignes)
    # Quatre hôtels que nous prospectons déjà (le courtier vend ce que l'on a).
    deja = _prospects_existants().query("secteur_activite == 'hôtel' and departement == '59'")
    for k, (_, p) in enumerate(deja.head(4).iterrows()):
        df.loc[5 + 11 * k, ["Raison sociale", "Code postal", "Ville", "E-mail"]] = [
            p["raison_sociale"], p["code_postal"], p["ville"].upper(), p["email"]]  # fmt: skip
    # Deux fiches sans interlocuteur, un code postal inexistant.
    df.loc[[17, 40], ["Nom du contact", "Prénom"]] = ""
    df.loc[33, "Code postal"] = "59999"
    return df


def ecrire_csv_francais(df: pd.DataFrame, chemin: Path, encodage: str) -> None:
    texte = df.to_csv(sep=";", index=False, decimal=",", lineterminator="\r\n")
    chemin.write_bytes(texte.encode(encodage))


# --------------------------------------------------------------------------
# B. Tableau Excel d'une collègue (salon de Lyon)
# --------------------------------------------------------------------------


def contacts_salon(t: Tirage) -> pd.DataFrame:
    villes = _villes(["01", "38", "42", "63", "69", "73", "74"])
    secteurs = ["Boutique souvenirs", "Hôtellerie", "CE", "Détaillant linge", "GMS", "hotel"]
    types = {"Boutique souvenirs": "Souvenirs", "Hôtellerie": "Hôtel", "CE": "CSE",
             "Détaillant linge": "Linge de maison", "GMS": "Super U", "hotel": "Hôtel"}  # fmt: skip
    lignes = []
    for i in range(38):
        v = villes.iloc[int(t.rng.integers(len(villes)))]
        secteur = t.choix(secteurs)
        civ, prenom, nom = t.personne()
        societe = f"{types[secteur]} {t.choix(generer.NOMS)} {v['ville']}"
        if secteur == "CE":
            societe = f"CSE {t.choix(['Mécanique', 'Transports', 'Plasturgie', 'Santé'])} {nom}"
        tel = t.telephone("06" if t.rng.random() < 0.5 else "04").replace(" ", "")
        lignes.append({
            "Société": societe,
            "Secteur": secteur,
            "Civilité": civ,
            "Nom": nom,
            "Prénom": prenom,
            "Adresse": t.adresse(),
            "CP": int(v["code_postal"]),  # nombre : 01000 devient 1000
            "Ville": v["ville"],
            "Tél.": int(tel),  # nombre : le zéro initial disparaît
            "Courriel": _email(prenom, nom, societe),
            "Effectif": int(t.rng.integers(3, 400)) if secteur == "CE" else int(t.rng.integers(2, 40)),
            "Potentiel (€)": float(round(t.rng.uniform(800, 12000), -1)),
            "Date du contact": pd.Timestamp("2026-10-03") + pd.Timedelta(days=int(i % 3)),
            "Intérêt": t.choix(["fort", "moyen", "faible"]),
        })  # fmt: skip
    df = pd.DataFrame(lignes)
    df.loc[[6, 21], "Courriel"] = ["", "contact[at]" + _slug(df.loc[21, "Société"]) + ".example"]
    df.loc[29] = df.loc[12]  # saisi deux fois
    return df


def ecrire_excel(df: pd.DataFrame, chemin: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Contacts salon"
    ws["A1"] = "Salon Créations & Savoir-faire pro — Lyon, 3-5 octobre 2026 — contacts du stand"
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    ws.append(list(df.columns))
    for cellule in ws[3]:
        cellule.font = Font(bold=True)
    for ligne in df.itertuples(index=False):
        ws.append([v.to_pydatetime() if isinstance(v, pd.Timestamp) else v for v in ligne])
    for cellule in ws["M"][3:]:
        cellule.number_format = "DD/MM/YYYY"
    ws.append([])
    ws.append(["Total", None, None, None, None, None, None, None, None, None, None,
               f"=SUM(L4:L{3 + len(df)})"])  # fmt: skip
    wb.properties.creator = "Textiles Marceau"
    fixe = pd.Timestamp("2026-10-06 18:00").to_pydatetime()
    wb.properties.created = wb.properties.modified = fixe
    tampon = io.BytesIO()
    wb.save(tampon)
    # Horodatage fixe dans l'archive : le fichier est identique à chaque génération.
    with zipfile.ZipFile(tampon) as source, zipfile.ZipFile(chemin, "w") as cible:
        for info in source.infolist():
            nouvelle = zipfile.ZipInfo(info.filename, date_time=(2026, 10, 6, 18, 0, 0))
            nouvelle.compress_type = zipfile.ZIP_DEFLATED
            contenu = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl y écrit l'heure de l'écriture
                contenu = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-10-06T18:00:00Z", contenu
                )
            cible.writestr(nouvelle, contenu)


# --------------------------------------------------------------------------
# C. Export JSON d'une application de salon
# --------------------------------------------------------------------------


def export_json(t: Tirage) -> dict:
    villes = _villes(["75", "77", "78", "91", "92", "93", "94", "95"])
    secteurs = ["hôtel", "Hôtellerie", "CSE", "CE", "boutique de souvenirs", "détaillant", None]
    contacts = []
    for i in range(45):
        v = villes.iloc[int(t.rng.integers(len(villes)))]
        civ, prenom, nom = t.personne()
        secteur = t.choix(secteurs)
        prefixes = {"hôtel": "Hôtel", "Hôtellerie": "Hôtel", "CSE": "CSE", "CE": "CSE",
                    "boutique de souvenirs": "Souvenirs", "détaillant": "Maison"}  # fmt: skip
        prefixe = prefixes.get(secteur) or t.choix(["Comptoir", "Atelier", "Maison"])
        societe = f"{prefixe} {nom} {v['ville']}"
        cp: str | int = v["code_postal"]
        if i % 9 == 4:
            cp = int(cp)  # certains codes postaux exportés comme nombres
        contacts.append({
            "id_badge": f"B-{2026_0900 + 7 * i}",
            "societe": societe,
            "secteur": secteur,
            "interlocuteur": {"civilite": civ, "nom": nom, "prenom": prenom},
            "coordonnees": {
                "email": _email(prenom, nom, societe) if i % 11 != 3 else None,
                "telephone": t.telephone("01"),
                "adresse": {"rue": t.adresse(), "code_postal": cp, "ville": v["ville"]},
            },
            "effectif": None if i % 13 == 5 else int(
                t.rng.integers(50, 800) if prefixe == "CSE" else t.rng.integers(2, 40)
            ),
            "consentement": {
                "email_offres": bool(t.rng.random() < 0.7),
                "date": f"2026-09-{5 + i % 5:02d}T{9 + i % 8:02d}:{(7 * i) % 60:02d}:00",
            },
            "scan": f"2026-09-{5 + i % 5:02d}",
        })  # fmt: skip
    # Deux visiteurs déjà prospects ou clients, repérés par leur courriel.
    p = _prospects_existants().query("departement == '92'").iloc[0]
    contacts[10]["societe"] = p["raison_sociale"].upper()
    contacts[10]["coordonnees"]["email"] = p["email"]
    contacts[10]["secteur"] = {"CSE": "CE", "hôtel": "Hôtellerie"}.get(p["secteur_activite"], None)
    clients = pd.read_csv(DATA / "clients.csv", dtype={"code_postal": str})
    c = clients.query("type_client == 'professionnel' and code_postal.str.startswith('75')").iloc[0]
    contacts[20]["societe"] = c["raison_sociale"]
    contacts[20]["coordonnees"]["email"] = c["email"]
    contacts[30] = json.loads(json.dumps(contacts[29]))  # badge scanné deux fois
    return {
        "application": "SalonScan (fictive)",
        "evenement": "Maison & Hôtellerie Pro, Paris-Nord Villepinte, 5-9 septembre 2026",
        "exporte_le": "2026-09-10T08:00:00",
        "nb_contacts": len(contacts),
        "contacts": contacts,
    }


# --------------------------------------------------------------------------
# D. Page d'annuaire professionnel enregistrée
# --------------------------------------------------------------------------


def annuaire_html(t: Tirage) -> str:
    villes = _villes(["75"])
    fiches = []
    for i in range(24):
        v = villes.iloc[int(t.rng.integers(len(villes)))]
        civ, prenom, nom = t.personne()
        enseigne = f"{t.choix(['Souvenirs', 'Paris Boutique', 'Le Comptoir', 'Bazar'])} {nom}"
        maj = pd.Timestamp("2022-10-01") + pd.Timedelta(days=int(t.rng.integers(0, 1460)))
        ferme = i in (7, 18)
        fiches.append(
            f'<article class="fiche{" fermee" if ferme else ""}">\n'
            f'  <h3 class="nom">{enseigne}</h3>\n'
            f'  <p class="activite">Boutique de souvenirs, cadeaux</p>\n'
            f'  <p class="adresse"><span class="rue">{t.adresse()}</span>, '
            f'<span class="cp">{v["code_postal"]}</span> <span class="ville">Paris</span></p>\n'
            f'  <p class="tel">Tél. : {t.telephone("01")}</p>\n'
            f'  <p class="dirigeant">Dirigeant : {civ} {prenom} {nom}</p>\n'
            + ('  <p class="statut">Établissement fermé</p>\n' if ferme else "")
            + f'  <p class="maj">Fiche mise à jour le {maj:%d/%m/%Y}</p>\n'
            "</article>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        "<title>Annuaire Pro Paris (fictif) — Boutiques de souvenirs, Paris</title>\n</head>\n"
        "<body>\n<header><h1>Annuaire Pro Paris</h1>\n"
        "<p>Résultats pour « boutique de souvenirs » à Paris — page 1 sur 3 — "
        "page enregistrée le 12/10/2026</p></header>\n"
        '<nav><a href="#">Accueil</a> · <a href="#">Publicité</a></nav>\n<main>\n'
        + "\n".join(fiches)
        + "\n</main>\n<footer>Annuaire fictif créé pour le cours. Données d'exemple.</footer>\n"
        "</body>\n</html>\n"
    )


# --------------------------------------------------------------------------
# E. Demandes d'opposition reçues (droit d'opposition, désinscriptions)
# --------------------------------------------------------------------------


def desinscriptions(t: Tirage) -> pd.DataFrame:
    clients = pd.read_csv(DATA / "clients.csv")
    avec_optin = clients[clients["optin_email"] & clients["email"].notna()]
    choisis = avec_optin.sample(n=22, random_state=GRAINE)
    dates = pd.Timestamp("2026-08-01") + pd.to_timedelta(
        t.rng.integers(0, 90, size=len(choisis)), unit="D"
    )
    canaux = ["lien de désinscription", "courriel au service client", "téléphone", "courrier"]
    df = pd.DataFrame({
        "date_demande": dates.strftime("%d/%m/%Y"),
        "email": choisis["email"].to_numpy(),
        "canal": [t.choix(canaux) for _ in range(len(choisis))],
        "demande": "ne plus recevoir d'offres commerciales",
    })  # fmt: skip
    df.loc[3, "email"] = df.loc[3, "email"].upper()  # saisi en majuscules
    inconnus = pd.DataFrame({
        "date_demande": ["14/09/2026", "02/10/2026"],
        "email": ["inconnu.lecteur@example.org", "ancien.contact@example.net"],
        "canal": ["lien de désinscription", "courrier"],
        "demande": "ne plus recevoir d'offres commerciales",
    })  # fmt: skip
    return pd.concat([df, inconnus], ignore_index=True)


def main(dossier: Path = ICI) -> None:
    t = Tirage(GRAINE)
    ecrire_csv_francais(fichier_achete(t), dossier / "fichier_achete_hotels.csv", "cp1252")
    ecrire_excel(contacts_salon(t), dossier / "contacts_salon_lyon.xlsx")
    texte = json.dumps(export_json(t), ensure_ascii=False, indent=2) + "\n"
    (dossier / "export_crm_partenaire.json").write_text(texte, encoding="utf-8")
    (dossier / "annuaire_boutiques_paris.html").write_text(annuaire_html(t), encoding="utf-8")
    ecrire_csv_francais(desinscriptions(t), dossier / "desinscriptions.csv", "utf-8-sig")


if __name__ == "__main__":
    main()
