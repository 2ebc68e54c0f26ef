"""Collecte (S821) : lecture des fichiers reçus, mise au format prospects, import, export.

Les oracles sont indépendants du module : texte brut du fichier découpé à la main,
openpyxl et json de la bibliothèque standard, requêtes SQL écrites ici.
"""

from __future__ import annotations

import json
import re

import openpyxl
import pandas as pd
import pytest

import gc_helpers as gc
from gc_helpers._erreurs import ErreurCours, NomInconnu

CSV_ACHETE = "fichier_achete_hotels.csv"
LECTURE = gc.donnees.connexion_lecture  # données d'origine, en lecture seule
CORRESPONDANCE_CSV = {
    "raison_sociale": "Raison sociale",
    "civilite": "Civilité",
    "contact_nom": "Nom du contact",
    "contact_prenom": "Prénom",
    "email": "E-mail",
    "telephone": "Téléphone",
    "adresse": "Adresse",
    "code_postal": "Code postal",
    "ville": "Ville",
    "effectif_salaries": "Effectif",
    "ca_potentiel_annuel": "CA potentiel estimé (€)",
}


def _lignes_brutes(nom: str, encodage: str) -> list[list[str]]:
    texte = gc.chemin_source(nom).read_bytes().decode(encodage)
    return [ligne.split(";") for ligne in texte.splitlines()]


@pytest.fixture(scope="module")
def achete() -> pd.DataFrame:
    return gc.lire_csv(gc.chemin_source(CSV_ACHETE))


@pytest.fixture(scope="module")
def prep_achete(achete) -> pd.DataFrame:
    return gc.preparer_prospects(
        achete,
        CORRESPONDANCE_CSV,
        origine="fichier acheté",
        date_premier_contact="2026-10-15",
        valeurs={"secteur_activite": "hôtel"},
        con=LECTURE(),
    )


# ------------------------------------------------------------------ CSV


def test_lire_csv_francais_comme_le_texte_brut(achete):
    brut = _lignes_brutes(CSV_ACHETE, "cp1252")
    assert list(achete.columns) == brut[0]
    assert len(achete) == len(brut) - 1
    # Virgule décimale : « 15962,52 » devient 15962.52.
    i = brut[0].index("CA potentiel estimé (€)")
    attendus = [float(ligne[i].replace(",", ".")) for ligne in brut[1:]]
    assert achete["CA potentiel estimé (€)"].tolist() == pytest.approx(attendus)
    # Les codes postaux restent du texte, tels qu'écrits dans le fichier.
    j = brut[0].index("Code postal")
    assert achete["Code postal"].tolist() == [ligne[j] for ligne in brut[1:]]


def test_detecter_format():
    assert gc.detecter_format_csv(gc.chemin_source(CSV_ACHETE)) == {
        "encoding": "cp1252",
        "sep": ";",
        "decimal": ",",
    }
    assert gc.chemin_source("desinscriptions.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    assert gc.detecter_format_csv(gc.chemin_source("desinscriptions.csv"))["encoding"] == (
        "utf-8-sig"
    )
    assert gc.detecter_format_csv(gc.chemin_donnees("clients.csv"))["sep"] == ","


def test_mauvais_separateur_explique():
    with pytest.raises(ErreurCours, match=r"qu'une colonne.*sep=','.*Relisez avec sep=';'"):
        gc.lire_csv(gc.chemin_source(CSV_ACHETE), sep=",")


def test_mauvais_encodage_explique():
    with pytest.raises(ErreurCours, match=r"n'est pas encodé en utf-8.*encoding='cp1252'"):
        gc.lire_csv(gc.chemin_source(CSV_ACHETE), encoding="utf-8")
    # Un fichier UTF-8 lu en Windows-1252 : « Ã© » à la place de « é ».
    with pytest.raises(ErreurCours, match=r"mauvais encodage : on voit 'Ã.*encoding='utf-8'"):
        gc.lire_csv(gc.chemin_source("desinscriptions.csv"), encoding="cp1252")


def test_colonnes_manquantes_et_fichiers_inconnus():
    with pytest.raises(NomInconnu, match=r"'Code Postal' \(vouliez-vous dire 'Code postal' \?\)"):
        gc.lire_csv(gc.chemin_source(CSV_ACHETE), colonnes=["Code Postal"])
    with pytest.raises(NomInconnu, match="Vouliez-vous dire 'fichier_achete_hotels.csv'"):
        gc.chemin_source("fichier_achete_hotel.csv")
    with pytest.raises(ErreurCours, match="introuvable"):
        gc.lire_csv("nulle_part.csv")
    with pytest.raises(ErreurCours, match="tous deux ';'"):
        gc.lire_csv(gc.chemin_source(CSV_ACHETE), sep=";", decimal=";")
    with pytest.raises(ErreurCours, match="Extensions prises en charge"):
        gc.lire_source(gc.chemin_source("generer_sources.py"))


# ------------------------------------------------------------------ Excel, JSON, HTML


def test_lire_excel_comme_openpyxl():
    chemin = gc.chemin_source("contacts_salon_lyon.xlsx")
    feuille = openpyxl.load_workbook(chemin).active
    lignes = [list(r) for r in feuille.iter_rows(values_only=True)]
    entete = next(i for i, r in enumerate(lignes) if r[0] == "Société")
    donnees = [r for r in lignes[entete + 1 :] if any(v is not None for v in r) and r[0] != "Total"]
    df = gc.lire_excel(chemin)
    assert list(df.columns) == list(lignes[entete])
    assert len(df) == len(donnees) == 38
    i = list(lignes[entete]).index("CP")
    assert df["CP"].tolist() == [r[i] for r in donnees]
    assert not df["Société"].eq("Total").any()


def test_lire_excel_erreurs():
    chemin = gc.chemin_source("contacts_salon_lyon.xlsx")
    with pytest.raises(NomInconnu, match="Vouliez-vous dire 'Contacts salon'"):
        gc.lire_excel(chemin, feuille="Contacts")
    with pytest.raises(ErreurCours, match="1 feuille"):
        gc.lire_excel(chemin, feuille=3)
    with pytest.raises(ErreurCours, match="gc.lire_csv"):
        gc.lire_excel(gc.chemin_source(CSV_ACHETE))


def test_lire_json_comme_la_bibliotheque_standard(tmp_path):
    chemin = gc.chemin_source("export_crm_partenaire.json")
    brut = json.loads(chemin.read_text(encoding="utf-8"))
    df = gc.lire_json(chemin)
    assert len(df) == brut["nb_contacts"] == len(brut["contacts"])
    assert df["coordonnees_adresse_ville"].tolist() == [
        c["coordonnees"]["adresse"]["ville"] for c in brut["contacts"]
    ]
    casse = tmp_path / "casse.json"
    casse.write_text('{"contacts": [{"a": 1},', encoding="utf-8")
    with pytest.raises(ErreurCours, match=r"pas un JSON valide.*ligne 1"):
        gc.lire_json(casse)
    with pytest.raises(NomInconnu, match="Vouliez-vous dire 'contacts'"):
        gc.lire_json(chemin, cle="contact")


def test_lire_annuaire_html():
    chemin = gc.chemin_source("annuaire_boutiques_paris.html")
    texte = chemin.read_text(encoding="utf-8")
    df = gc.lire_annuaire_html(chemin)
    assert len(df) == texte.count('<article class="fiche')
    assert df["classes_fiche"].str.contains("fermee").sum() == texte.count("fiche fermee") == 2
    assert df["tel"].tolist() == re.findall(r'<p class="tel">([^<]*)</p>', texte)
    assert df["cp"].tolist() == re.findall(r'<span class="cp">([^<]*)</span>', texte)
    with pytest.raises(ErreurCours, match=r"Aucune fiche de classe 'carte'.*fiche"):
        gc.lire_annuaire_html(chemin, classe_fiche="carte")


# ------------------------------------------------------------------ préparation


def test_preparer_prospects_decisions(prep_achete, achete):
    brut = _lignes_brutes(CSV_ACHETE, "cp1252")
    assert len(prep_achete) == len(brut) - 1
    decisions = prep_achete.set_index("ligne_source")["decision"]
    # Sans interlocuteur (nom et prénom vides dans le fichier) : rejetées.
    sans_contact = [k for k, ligne in enumerate(brut[1:], 1) if ligne[2] == "" and ligne[3] == ""]
    assert sans_contact and all(decisions[k] == "rejetée" for k in sans_contact)
    # Code postal inexistant dans le référentiel.
    inconnu = [k for k, ligne in enumerate(brut[1:], 1) if ligne[5] == "59999"]
    assert decisions[inconnu[0]] == "rejetée"
    assert "référentiel" in prep_achete.set_index("ligne_source").loc[inconnu[0], "motif"]
    # Déjà prospects : rapprochés par courriel, vérifié par une requête écrite ici.
    emails = gc.requete(
        "SELECT lower(email) AS e FROM prospects WHERE email IS NOT NULL", LECTURE()
    )["e"]
    en_base = [k for k, ligne in enumerate(brut[1:], 1) if ligne[8].lower() in set(emails)]
    assert len(en_base) == 4
    assert all(decisions[k] == "doublon" for k in en_base)
    assert (decisions == "rejetée").sum() == 3


def test_preparer_prospects_normalise_et_localise(prep_achete):
    ok = prep_achete[prep_achete["decision"] == "à importer"]
    assert ok["code_postal"].str.fullmatch(r"\d{5}").all()
    assert set(ok["civilite"]) == {"M.", "Mme"}
    assert set(ok["secteur_activite"]) == {"hôtel"}
    # Le zéro initial perdu des codes de l'Aisne (02…) est rétabli.
    aisne = ok[ok["departement"] == "02"]
    assert len(aisne) and aisne["code_postal"].str.startswith("02").all()
    # Commercial du territoire : Hauts-de-France → 3, Grand Est → 4.
    assert set(ok.loc[ok["departement"].isin(["59", "62", "02"]), "id_commercial"]) == {3}
    assert set(ok.loc[ok["departement"].isin(["51", "54", "57"]), "id_commercial"]) == {4}
    # Coordonnées = moyenne des adresses connues du même code postal.
    ligne = ok.iloc[0]
    ref = gc.requete(
        f"""SELECT avg(latitude) AS lat FROM (
              SELECT latitude FROM clients WHERE code_postal = '{ligne["code_postal"]}'
              UNION ALL SELECT latitude FROM prospects WHERE code_postal = '{ligne["code_postal"]}')""",
        LECTURE(),
    )
    assert ligne["latitude"] == pytest.approx(ref.loc[0, "lat"])


def test_preparer_prospects_erreurs(achete):
    with pytest.raises(NomInconnu, match="Vouliez-vous dire 'code_postal'"):
        gc.preparer_prospects(achete, {"codepostal": "Code postal"}, "salon", "2026-10-15")
    with pytest.raises(NomInconnu, match=r"Colonnes absentes.*'CP'"):
        gc.preparer_prospects(achete, {"code_postal": "CP"}, "salon", "2026-10-15")
    sans_secteur = dict(CORRESPONDANCE_CSV)
    with pytest.raises(ErreurCours, match=r"sans colonne ni valeur : secteur_activite"):
        gc.preparer_prospects(achete, sans_secteur, "fichier acheté", "2026-10-15")
    with pytest.raises(NomInconnu, match="Vouliez-vous dire 'fichier acheté'"):
        gc.preparer_prospects(
            achete, CORRESPONDANCE_CSV, "fichier achete", "2026-10-15", {"secteur_activite": "x"}
        )
    with pytest.raises(ErreurCours, match="date illisible"):
        gc.preparer_prospects(
            achete, CORRESPONDANCE_CSV, "salon", "15 octobre", {"secteur_activite": "hôtel"}
        )
    with pytest.raises(ErreurCours, match="gc.lire_source"):
        gc.preparer_prospects("fichier.csv", CORRESPONDANCE_CSV, "salon", "2026-10-15")


def test_importer_prospects_dans_la_copie_de_travail(prep_achete):
    with gc.donnees.copie_jetable() as con:
        _importer_et_verifier(prep_achete, con)
    # La base d'origine ne change pas.
    assert int(gc.requete("SELECT count(*) AS n FROM prospects", LECTURE()).loc[0, "n"]) == 2000


def _importer_et_verifier(prep_achete, con):
    avant = int(gc.requete("SELECT max(id_prospect) AS m FROM prospects", con).loc[0, "m"])
    nouveaux = gc.importer_prospects(prep_achete, con)
    attendus = int((prep_achete["decision"] == "à importer").sum())
    assert len(nouveaux) == attendus
    base = gc.requete(
        f"SELECT * FROM prospects WHERE id_prospect > {avant} ORDER BY id_prospect", con
    )
    assert base["id_prospect"].tolist() == list(range(avant + 1, avant + 1 + attendus))
    assert set(base["statut"]) == {"nouveau"} and set(base["origine"]) == {"fichier acheté"}
    assert base["raison_sociale"].tolist() == nouveaux["raison_sociale"].tolist()
    with pytest.raises(ErreurCours, match="preparer_prospects"):
        gc.importer_prospects(pd.DataFrame({"a": [1]}), con)


def test_export_tableur_relu_par_pandas(tmp_path):
    df = pd.DataFrame(
        {
            "ville": ["Épinal", "Besançon"],
            "ca_ht": [1234.5, 0.25],
            "optin": [True, False],
            "date": pd.to_datetime(["2026-10-31", "2026-01-02"]),
        }
    )
    p = gc.exporter_tableur(df, tmp_path / "partage.csv")
    assert p.read_bytes().startswith(b"\xef\xbb\xbf")
    relu = pd.read_csv(p, sep=";", decimal=",", encoding="utf-8-sig")
    assert relu["ville"].tolist() == ["Épinal", "Besançon"]
    assert relu["ca_ht"].tolist() == [1234.5, 0.25]
    assert relu["optin"].tolist() == ["oui", "non"]
    assert relu["date"].tolist() == ["31/10/2026", "02/01/2026"]
    with pytest.raises(ErreurCours, match=r"fichier \.csv"):
        gc.exporter_tableur(df, tmp_path / "partage.xlsx")
