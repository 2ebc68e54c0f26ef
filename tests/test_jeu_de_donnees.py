"""Tests du jeu de données de Textiles Marceau SAS (data/*.csv, data/schema.sql).

Ils vérifient que les données se comportent comme le prévoit la conception
(DESIGN §5) : clés, cohérence comptable, saisonnalité et tendance, loi de
Pareto, comportement de paiement, conversion des prospects, satisfaction,
stocks, absence de données personnelles réelles et reproductibilité du
générateur.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

DONNEES = Path(__file__).resolve().parents[1] / "data"
DATE_ARRETE = pd.Timestamp("2026-10-31")
TABLES = [
    "commerciaux",
    "clients",
    "prospects",
    "produits",
    "commandes",
    "lignes_commande",
    "factures",
    "reglements",
    "relances",
    "contacts",
    "campagnes",
    "reclamations",
    "enquetes_satisfaction",
    "stocks",
    "import_salon",
]
COLONNES_DATE = {
    "commerciaux": ["date_embauche"],
    "clients": ["date_creation"],
    "prospects": ["date_premier_contact", "date_conversion"],
    "produits": ["date_lancement", "date_arret"],
    "commandes": ["date_commande", "date_livraison"],
    "factures": ["date_facture", "date_echeance"],
    "reglements": ["date_reglement"],
    "relances": ["date_relance"],
    "contacts": ["date_contact"],
    "campagnes": ["date_debut", "date_fin"],
    "reclamations": ["date_reclamation", "date_cloture"],
    "enquetes_satisfaction": ["date_enquete"],
    "stocks": ["mois"],
}
CLES_PRIMAIRES = {
    "commerciaux": ["id_commercial"],
    "clients": ["id_client"],
    "prospects": ["id_prospect"],
    "produits": ["id_produit"],
    "commandes": ["id_commande"],
    "lignes_commande": ["id_ligne"],
    "factures": ["id_facture"],
    "reglements": ["id_reglement"],
    "relances": ["id_relance"],
    "contacts": ["id_contact"],
    "campagnes": ["id_campagne"],
    "reclamations": ["id_reclamation"],
    "enquetes_satisfaction": ["id_enquete"],
    "stocks": ["mois", "famille"],
}
# (table fille, colonne, table mère, colonne de la mère)
CLES_ETRANGERES = [
    ("clients", "id_commercial", "commerciaux", "id_commercial"),
    ("prospects", "id_client", "clients", "id_client"),
    ("prospects", "id_commercial", "commerciaux", "id_commercial"),
    ("commandes", "id_client", "clients", "id_client"),
    ("commandes", "id_commercial", "commerciaux", "id_commercial"),
    ("lignes_commande", "id_commande", "commandes", "id_commande"),
    ("lignes_commande", "id_produit", "produits", "id_produit"),
    ("factures", "id_commande", "commandes", "id_commande"),
    ("factures", "id_client", "clients", "id_client"),
    ("reglements", "id_facture", "factures", "id_facture"),
    ("relances", "id_facture", "factures", "id_facture"),
    ("contacts", "id_commercial", "commerciaux", "id_commercial"),
    ("contacts", "id_client", "clients", "id_client"),
    ("contacts", "id_prospect", "prospects", "id_prospect"),
    ("reclamations", "id_client", "clients", "id_client"),
    ("reclamations", "id_commande", "commandes", "id_commande"),
    ("enquetes_satisfaction", "id_client", "clients", "id_client"),
]


def lire(table: str) -> pd.DataFrame:
    sep = ";" if table == "import_salon" else ","
    texte = {"code_postal": str, "departement": str, "departements": str}
    if table == "import_salon":
        texte = str
    df = pd.read_csv(
        DONNEES / f"{table}.csv",
        sep=sep,
        dtype=texte,
        keep_default_na=False,
        na_values=[""],
        encoding="utf-8",
    )
    for col in COLONNES_DATE.get(table, []):
        df[col] = pd.to_datetime(df[col], format="%Y-%m-%d")
    return df


@pytest.fixture(scope="module")
def t() -> dict[str, pd.DataFrame]:
    return {nom: lire(nom) for nom in TABLES}


@pytest.fixture(scope="module")
def ventes(t) -> pd.DataFrame:
    """Lignes des commandes non annulées, avec la date et le client."""
    cmd = t["commandes"][t["commandes"]["statut"] != "annulée"]
    v = t["lignes_commande"].merge(
        cmd[["id_commande", "id_client", "date_commande"]], on="id_commande"
    )
    v = v.merge(t["clients"][["id_client", "type_client", "secteur_activite"]], on="id_client")
    v["annee"] = v["date_commande"].dt.year
    v["mois"] = v["date_commande"].dt.month
    return v


@pytest.fixture(scope="module")
def annees_completes(ventes) -> pd.DataFrame:
    return ventes[ventes["annee"].between(2022, 2025)]


# ---------------------------------------------------------------------------
# Fichiers, clés, chargement dans DuckDB
# ---------------------------------------------------------------------------


def test_tous_les_fichiers_existent():
    manquants = [n for n in TABLES if not (DONNEES / f"{n}.csv").is_file()]
    assert not manquants, f"Fichiers CSV manquants dans data/ : {manquants}"
    for f in ("schema.sql", "README.md", "generer.py"):
        assert (DONNEES / f).is_file(), f"data/{f} est manquant"


def test_taille_totale_raisonnable():
    taille = sum((DONNEES / f"{n}.csv").stat().st_size for n in TABLES)
    assert taille < 15e6, f"Les CSV pèsent {taille / 1e6:.1f} Mo ; la limite est de 15 Mo."


def test_volumes(t):
    pros = (t["clients"]["type_client"] == "professionnel").sum()
    parts = (t["clients"]["type_client"] == "particulier").sum()
    assert 700 <= pros <= 900, f"{pros} clients professionnels ; attendu entre 700 et 900."
    assert 3000 <= parts <= 4000, f"{parts} particuliers ; attendu entre 3 000 et 4 000."
    assert 1500 <= len(t["prospects"]) <= 2500, (
        f"{len(t['prospects'])} prospects ; attendu 1 500 à 2 500."
    )
    assert 60 <= len(t["produits"]) <= 120, f"{len(t['produits'])} produits ; attendu 60 à 120."
    assert 30_000 <= len(t["lignes_commande"]) <= 80_000, (
        "Nombre de lignes de commande hors de 30 000–80 000."
    )
    assert 6 <= len(t["commerciaux"]) <= 8, "Il faut entre 6 et 8 commerciaux."
    assert 20 <= len(t["campagnes"]) <= 40, "Il faut entre 20 et 40 campagnes."
    assert 150 <= len(t["import_salon"]) <= 250, "import_salon doit compter 150 à 250 lignes."


@pytest.mark.parametrize("table", list(CLES_PRIMAIRES))
def test_cles_primaires_uniques(t, table):
    cle = CLES_PRIMAIRES[table]
    df = t[table]
    assert df[cle].notna().all().all(), f"{table} : clé primaire {cle} vide sur certaines lignes."
    doublons = df.duplicated(subset=cle).sum()
    assert doublons == 0, f"{table} : {doublons} doublons de clé primaire {cle}."


def test_id_ligne_import_salon_unique(t):
    ids = t["import_salon"]["id_ligne"]
    assert ids.notna().all() and ids.is_unique, (
        "import_salon.id_ligne doit être renseigné et unique."
    )


@pytest.mark.parametrize(("fille", "col", "mere", "col_mere"), CLES_ETRANGERES)
def test_cles_etrangeres(t, fille, col, mere, col_mere):
    valeurs = t[fille][col].dropna()
    orphelins = ~valeurs.isin(t[mere][col_mere])
    assert not orphelins.any(), (
        f"{fille}.{col} : {orphelins.sum()} valeurs sans correspondance dans {mere}.{col_mere} "
        f"(ex. {valeurs[orphelins].head(3).tolist()})."
    )


def test_reference_produit_unique(t):
    assert t["produits"]["reference"].is_unique, "Les références produits doivent être uniques."


def test_chargement_duckdb_avec_schema():
    debut = time.perf_counter()
    con = duckdb.connect()
    sql = (DONNEES / "schema.sql").read_text(encoding="utf-8")
    con.execute(sql)
    ordre = re.findall(r"^CREATE TABLE (\w+)", sql, flags=re.MULTILINE)
    assert ordre == TABLES, f"Ordre des tables dans schema.sql inattendu : {ordre}"
    for nom in ordre:
        sep = ";" if nom == "import_salon" else ","
        chemin = (DONNEES / f"{nom}.csv").as_posix()
        con.execute(f"COPY {nom} FROM '{chemin}' (HEADER, DELIMITER '{sep}')")
        n = con.execute(f"SELECT count(*) FROM {nom}").fetchone()[0]
        attendu = sum(1 for _ in open(DONNEES / f"{nom}.csv", encoding="utf-8")) - 1
        assert n == attendu, f"{nom} : {n} lignes chargées sur {attendu}."
    duree = time.perf_counter() - debut
    assert duree < 10, f"Le chargement dans DuckDB a pris {duree:.1f} s (trop long)."
    # Chaque table et chaque colonne porte un commentaire en français.
    sans = con.execute("SELECT table_name FROM duckdb_tables() WHERE comment IS NULL").fetchall()
    assert not sans, f"Tables sans COMMENT : {sans}"
    sans = con.execute(
        "SELECT table_name || '.' || column_name FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = 'main' AND comment IS NULL"
    ).fetchall()
    assert not sans, f"Colonnes sans COMMENT : {sans[:10]}"
    # Les clés étrangères sont appliquées.
    with pytest.raises(duckdb.ConstraintException):
        con.execute(
            "INSERT INTO commandes VALUES (99999999, 99999999, NULL, DATE '2026-10-01', "
            "'e-boutique', 'livrée', 10, DATE '2026-10-02')"
        )
    with pytest.raises(duckdb.ConstraintException):
        con.execute(
            "INSERT INTO contacts VALUES (99999999, 1, 1, 1, DATE '2026-10-01', 'téléphone', "
            "'suivi', 10, 0, 'sans suite')"
        )


# ---------------------------------------------------------------------------
# Cohérence comptable
# ---------------------------------------------------------------------------


def test_montant_des_lignes(t):
    lig = t["lignes_commande"]
    attendu = (lig["quantite"] * lig["prix_unitaire_ht"] * (1 - lig["taux_remise"])).round(2)
    ecart = (lig["montant_ht"] - attendu).abs()
    assert (ecart <= 0.011).all(), (
        f"{(ecart > 0.011).sum()} lignes où montant ≠ quantité × prix × (1 − remise)."
    )
    assert (lig["quantite"] > 0).all(), "Toutes les quantités doivent être strictement positives."
    assert lig["taux_remise"].between(0, 0.3).all(), (
        "Les remises doivent être comprises entre 0 et 30 %."
    )


def test_total_commande_egal_somme_des_lignes(t):
    somme = t["lignes_commande"].groupby("id_commande")["montant_ht"].sum().round(2)
    cmd = t["commandes"].set_index("id_commande")
    ecart = (cmd["montant_ht"] - somme.reindex(cmd.index)).abs()
    assert (ecart < 0.005).all(), (
        f"{(ecart >= 0.005).sum()} commandes dont le total ≠ somme des lignes."
    )


def test_factures_ttc_ht_tva(t):
    f = t["factures"]
    assert ((f["montant_ht"] + f["montant_tva"] - f["montant_ttc"]).abs() < 0.005).all(), (
        "TTC ≠ HT + TVA."
    )
    assert ((f["montant_tva"] - (f["montant_ht"] * 0.2).round(2)).abs() <= 0.011).all(), (
        "TVA ≠ 20 % du HT."
    )
    cmd = t["commandes"].set_index("id_commande")
    assert (
        (f["montant_ht"] - cmd.loc[f["id_commande"], "montant_ht"].to_numpy()).abs() < 0.005
    ).all(), "Le HT d'une facture doit égaler le montant de sa commande."
    assert (f["id_client"].to_numpy() == cmd.loc[f["id_commande"], "id_client"].to_numpy()).all(), (
        "Le client facturé doit être celui de la commande."
    )


def test_une_facture_par_commande_non_annulee(t):
    cmd = t["commandes"]
    non_annulees = set(cmd.loc[cmd["statut"] != "annulée", "id_commande"])
    facturees = set(t["factures"]["id_commande"])
    assert facturees == non_annulees, (
        f"{len(non_annulees - facturees)} commandes non annulées sans facture, "
        f"{len(facturees - non_annulees)} factures de commandes annulées."
    )


def test_echeances_selon_conditions(t):
    f = t["factures"].merge(t["clients"][["id_client", "conditions_paiement"]], on="id_client")
    d = f["date_facture"]
    attendu = pd.Series(pd.NaT, index=f.index, dtype="datetime64[s]")
    c = f["conditions_paiement"]
    attendu[c == "comptant"] = d[c == "comptant"]
    attendu[c == "30 jours"] = d[c == "30 jours"] + pd.Timedelta(days=30)
    attendu[c == "60 jours"] = d[c == "60 jours"] + pd.Timedelta(days=60)
    fdm = c == "45 jours fin de mois"
    attendu[fdm] = (d[fdm] + pd.Timedelta(days=45)) + pd.offsets.MonthEnd(0)
    faux = f["date_echeance"] != attendu
    assert not faux.any(), (
        f"{faux.sum()} échéances ne respectent pas les conditions de paiement du client."
    )


def test_reglements_coherents_avec_statut(t):
    f = t["factures"].set_index("id_facture")
    regle = (
        t["reglements"]
        .groupby("id_facture")["montant"]
        .sum()
        .reindex(f.index, fill_value=0)
        .round(2)
    )
    assert (regle <= f["montant_ttc"] + 0.005).all(), (
        "Des factures sont réglées au-delà de leur TTC."
    )
    reglee = f["statut"] == "réglée"
    assert ((regle[reglee] - f.loc[reglee, "montant_ttc"]).abs() < 0.005).all(), (
        "Une facture « réglée » doit être intégralement payée."
    )
    assert (regle[~reglee] < f.loc[~reglee, "montant_ttc"]).all(), (
        "Une facture non réglée est soldée."
    )
    assert (regle[f["statut"] == "partiellement réglée"] > 0).all(), (
        "« partiellement réglée » sans règlement."
    )
    assert (t["reglements"]["date_reglement"] <= DATE_ARRETE).all(), (
        "Règlement postérieur à la date d'arrêté."
    )
    non_echue = f["statut"] == "non échue"
    assert (f.loc[non_echue, "date_echeance"] >= DATE_ARRETE).all(), (
        "Facture « non échue » déjà échue."
    )


def test_relances_coherentes(t):
    r = t["relances"].merge(t["factures"][["id_facture", "date_echeance"]], on="id_facture")
    assert (r["date_relance"] > r["date_echeance"]).all(), (
        "Une relance précède l'échéance de sa facture."
    )
    assert (r["date_relance"] <= DATE_ARRETE).all(), "Relance postérieure à la date d'arrêté."
    # Une relance n'est envoyée qu'à une facture pas encore soldée ce jour-là.
    fin = t["reglements"].groupby("id_facture")["date_reglement"].max()
    soldee = t["factures"].set_index("id_facture")["statut"] == "réglée"
    r["solde_le"] = r["id_facture"].map(fin.where(soldee.reindex(fin.index, fill_value=False)))
    assert not (r["date_relance"] >= r["solde_le"]).any(), (
        "Relance envoyée après le paiement complet."
    )
    # Le niveau 3 est une mise en demeure ; le contentieux suppose une mise en demeure.
    assert (r.loc[r["niveau"] == 3, "canal"] == "mise en demeure").all(), (
        "Le niveau 3 doit être une mise en demeure."
    )
    contentieux = t["factures"].loc[t["factures"]["statut"] == "contentieux", "id_facture"]
    assert contentieux.isin(r.loc[r["niveau"] == 3, "id_facture"]).all(), (
        "Contentieux sans mise en demeure."
    )


def test_dates_coherentes(t):
    cmd = t["commandes"].merge(t["clients"][["id_client", "date_creation"]], on="id_client")
    assert (cmd["date_commande"] >= cmd["date_creation"]).all(), (
        "Commande antérieure à la création du client."
    )
    assert cmd["date_commande"].between("2022-01-01", DATE_ARRETE).all(), (
        "Commande hors de la période."
    )
    v = t["lignes_commande"].merge(
        t["commandes"][["id_commande", "date_commande"]], on="id_commande"
    )
    v = v.merge(t["produits"][["id_produit", "date_lancement", "date_arret"]], on="id_produit")
    assert (v["date_commande"] >= v["date_lancement"]).all(), "Produit vendu avant son lancement."
    assert not (v["date_commande"] >= v["date_arret"]).any(), "Produit vendu après son retrait."
    f = t["factures"].merge(t["commandes"][["id_commande", "date_commande"]], on="id_commande")
    assert (f["date_facture"] >= f["date_commande"]).all(), "Facture antérieure à la commande."


def test_prospects_et_contacts(t):
    p = t["prospects"].set_index("id_prospect")
    c = t["contacts"]
    cp = c[c["id_prospect"].notna()]
    nb = cp.groupby("id_prospect").size().reindex(p.index, fill_value=0)
    assert (nb == p["nb_contacts"]).all(), "prospects.nb_contacts ≠ nombre de contacts enregistrés."
    vis = (
        cp[cp["type_contact"] == "visite"]
        .groupby("id_prospect")
        .size()
        .reindex(p.index, fill_value=0)
    )
    assert (vis == p["nb_visites"]).all(), "prospects.nb_visites ≠ nombre de visites enregistrées."
    assert (c["id_client"].isna() != c["id_prospect"].isna()).all(), (
        "Un contact vise un client OU un prospect."
    )
    assert (c.loc[c["type_contact"] != "visite", "km_parcourus"] == 0).all(), "Des km hors visite."
    conv = p[p["statut"] == "converti"]
    cl = t["clients"].set_index("id_client").loc[conv["id_client"]]
    assert (cl["date_creation"].to_numpy() == conv["date_conversion"].to_numpy()).all(), (
        "Un client issu d'un prospect doit être créé le jour de la conversion."
    )
    assert (cl["raison_sociale"].to_numpy() == conv["raison_sociale"].to_numpy()).all(), (
        "Le client créé doit reprendre la raison sociale du prospect."
    )


# ---------------------------------------------------------------------------
# Réalisme commercial
# ---------------------------------------------------------------------------


def test_saisonnalite_quatrieme_trimestre(annees_completes):
    v = annees_completes
    part = (
        v[v["mois"] >= 10].groupby("annee")["montant_ht"].sum()
        / v.groupby("annee")["montant_ht"].sum()
    )
    assert (part > 0.30).all(), (
        f"Part du 4e trimestre trop faible : {part.round(3).to_dict()} (attendu > 30 %)."
    )


def test_pic_estival_des_boutiques_de_souvenirs(annees_completes):
    v = annees_completes[annees_completes["secteur_activite"] == "boutique de souvenirs"]
    par_mois = v.groupby("mois")["montant_ht"].sum()
    ete = par_mois.loc[[6, 7, 8]]
    assert (ete > par_mois.mean()).all(), (
        f"Les boutiques de souvenirs doivent acheter plus en juin-août : {(par_mois / par_mois.mean()).round(2).to_dict()}"
    )
    assert par_mois.loc[[1, 2]].max() < par_mois.mean(), (
        "Janvier-février devraient être des mois creux."
    )


def test_tendance_annuelle_positive(annees_completes):
    ca = annees_completes.groupby("annee")["montant_ht"].sum()
    croissance = ca.pct_change().dropna()
    assert croissance.between(0.02, 0.12).all(), (
        f"Croissance annuelle hors de 2–12 % : {(croissance * 100).round(1).to_dict()}"
    )


def test_loi_de_pareto(annees_completes):
    pro = annees_completes[annees_completes["type_client"] == "professionnel"]
    ca = pro.groupby("id_client")["montant_ht"].sum().sort_values(ascending=False)
    k = int(np.ceil(0.2 * len(ca)))
    part = ca.iloc[:k].sum() / ca.sum()
    assert 0.70 <= part <= 0.85, (
        f"Les 20 % premiers clients pros font {part:.1%} du CA pro (attendu 70–85 %)."
    )


def test_paniers_particuliers_et_professionnels(t):
    cmd = t["commandes"].merge(t["clients"][["id_client", "type_client"]], on="id_client")
    med = cmd.groupby("type_client")["montant_ht"].median()
    assert 30 <= med["particulier"] <= 250, (
        f"Panier médian des particuliers peu crédible : {med['particulier']:.2f} €"
    )
    assert med["professionnel"] > 5 * med["particulier"], (
        "Les commandes pros doivent être nettement plus grosses."
    )


def test_prix_credibles(t):
    p = t["produits"]
    assert (p["taux_tva"] == 0.2).all(), "Tous les produits sont au taux normal de TVA (20 %)."
    assert (p["cout_achat_ht"] < p["prix_vente_ht"]).all(), (
        "Le coût doit être inférieur au prix de vente."
    )
    taux_marque = 1 - p["cout_achat_ht"] / p["prix_vente_ht"]
    assert taux_marque.between(0.3, 0.7).all(), "Taux de marque hors de 30–70 %."
    serv = p[p["designation"].str.startswith("Serviette de toilette")]
    assert serv["prix_vente_ht"].between(8, 25).all(), "Serviette éponge : 8 à 25 € HT attendus."
    peig = p[p["famille"] == "peignoirs"]
    assert peig["prix_vente_ht"].between(20, 90).all(), "Peignoirs : 20 à 90 € HT attendus."
    parures = p[p["designation"].str.startswith("Parure de lit")]
    assert parures["prix_vente_ht"].between(60, 180).all(), (
        "Parures de lit : 60 à 180 € HT attendus."
    )


def test_clients_dormants_et_perdus(t):
    pros = t["clients"][t["clients"]["type_client"] == "professionnel"]
    derniere = t["commandes"].groupby("id_client")["date_commande"].max().reindex(pros["id_client"])
    dormants = (derniere < DATE_ARRETE - pd.DateOffset(months=12)) | derniere.isna()
    assert 0.08 <= dormants.mean() <= 0.45, (
        f"{dormants.mean():.1%} des pros sans commande depuis un an (attendu 8–45 % pour l'analyse du cycle de vie)."
    )
    anciens = (pros["date_creation"] < "2022-01-01").mean()
    assert 0.2 <= anciens <= 0.7, "Une partie des clients doit être antérieure à 2022."


def test_retards_de_paiement(t):
    f = t["factures"].merge(t["clients"][["id_client", "type_client"]], on="id_client")
    fin = t["reglements"].groupby("id_facture")["date_reglement"].max()
    reglees = f[f["statut"] == "réglée"].copy()
    reglees["retard"] = (reglees["id_facture"].map(fin) - reglees["date_echeance"]).dt.days
    pros = reglees[reglees["type_client"] == "professionnel"]
    med = pros["retard"].median()
    assert 0 <= med <= 10, f"Retard médian des pros de {med} jours (attendu 0 à 10)."
    part30 = (pros["retard"] > 30).mean()
    assert 0.02 <= part30 <= 0.20, (
        f"{part30:.1%} des factures pros réglées avec plus de 30 jours de retard."
    )
    echues = f[f["date_echeance"] < DATE_ARRETE]
    part_impayes = echues["statut"].isin(["impayée", "contentieux"]).mean()
    assert 0.01 <= part_impayes <= 0.05, (
        f"{part_impayes:.2%} de factures échues impayées (attendu 1–5 %)."
    )
    # Le risque est un attribut du client : les retards se concentrent sur certains clients.
    par_client = pros.groupby("id_client")["retard"].mean()
    nb = pros.groupby("id_client").size()
    par_client = par_client[nb >= 5]
    assert par_client.quantile(0.9) - par_client.quantile(0.5) > 10, (
        "Les retards devraient être bien plus fréquents chez certains clients que chez d'autres."
    )
    statuts = set(f["statut"])
    assert statuts == {"réglée", "partiellement réglée", "non échue", "impayée", "contentieux"}, (
        statuts
    )


def _regression_logistique(x: np.ndarray, y: np.ndarray, iterations: int = 30) -> np.ndarray:
    """Ajustement par la méthode de Newton (moindres carrés repondérés), numpy seul."""
    x = np.column_stack([np.ones(len(x)), x])
    beta = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-x @ beta))
        w = p * (1 - p)
        hessienne = x.T @ (x * w[:, None]) + 1e-8 * np.eye(x.shape[1])
        beta = beta + np.linalg.solve(hessienne, x.T @ (y - p))
    return beta


def test_conversion_des_prospects(t):
    p = t["prospects"]
    clos = p[p["statut"].isin(["converti", "perdu"])]
    y = (clos["statut"] == "converti").to_numpy(dtype=float)
    taux = y.mean()
    assert 0.15 <= taux <= 0.35, (
        f"Taux de conversion des prospects clos : {taux:.1%} (attendu 15–35 %)."
    )
    par_origine = clos.assign(c=y).groupby("origine")["c"].mean()
    assert par_origine.max() - par_origine.min() > 0.10, (
        f"La conversion doit dépendre de l'origine : {par_origine.round(3).to_dict()}"
    )
    assert par_origine["recommandation"] > par_origine["fichier acheté"], (
        "Recommandation ≤ fichier acheté ?"
    )
    par_visites = clos.assign(c=y).groupby(clos["nb_visites"].clip(upper=3))["c"].mean()
    assert par_visites.is_monotonic_increasing, (
        f"Conversion non croissante avec les visites : {par_visites.to_dict()}"
    )
    x = np.column_stack(
        [
            clos["nb_visites"],
            np.log(clos["effectif_salaries"]),
            clos["origine"] == "recommandation",
            clos["origine"] == "fichier acheté",
        ]
    ).astype(float)
    beta = _regression_logistique(x, y)
    assert beta[1] > 0.2, f"Coefficient logistique des visites trop faible : {beta[1]:.2f}"
    assert beta[3] > 0 > beta[4], f"Effets d'origine inattendus : {beta[3]:.2f}, {beta[4]:.2f}"
    # Les statuts ouverts concernent des prospects récents.
    ouverts = p[p["statut"].isin(["nouveau", "en cours"])]
    assert len(ouverts) > 0 and (ouverts["date_premier_contact"] > "2025-06-01").all(), (
        "Les prospects « nouveau »/« en cours » doivent être récents."
    )


def test_campagnes(t):
    c = t["campagnes"]
    assert (c["audience_utile"] <= c["population_cible"]).all(), (
        "Audience utile > population cible."
    )
    assert (c["contacts_utiles"] >= c["audience_utile"]).all(), "Contacts utiles < audience utile."
    assert (c["nb_commandes"] <= c["nb_retours"]).all(), "Plus de commandes que de retours."
    assert (c["date_fin"] >= c["date_debut"]).all() and (c["date_fin"] <= DATE_ARRETE).all(), (
        "Dates de campagne."
    )
    assert c["media"].nunique() >= 5, "Les campagnes doivent couvrir plusieurs médias."
    cpm = c["cout_ht"] / c["contacts_utiles"] * 1000
    assert (cpm > 0).all() and cpm.max() / cpm.min() > 10, (
        "Les CPM doivent varier nettement selon le média."
    )
    roi = (c["ca_genere_ht"] * 0.45 - c["cout_ht"]) / c["cout_ht"]
    assert (roi < 0).any() and (roi > 1).any(), "On attend des campagnes rentables et d'autres non."


def test_reclamations(t):
    r = t["reclamations"]
    assert 100 <= len(r) <= 2000, f"{len(r)} réclamations."
    assert r["motif"].nunique() == 6, "Les six motifs de réclamation doivent être présents."
    close = r[r["statut"] == "clôturée"]
    assert (
        close["date_cloture"].notna().all()
        and r.loc[r["statut"] != "clôturée", "date_cloture"].isna().all()
    )
    delai = (close["date_cloture"] - close["date_reclamation"]).dt.days
    assert (delai >= 0).all(), "Clôture avant la réclamation."
    par_motif = delai.groupby(close["motif"]).median()
    assert par_motif["qualité"] > par_motif["service client"], (
        "Le délai de traitement doit dépendre du motif."
    )
    assert (r["geste_commercial_ht"] > 0).any(), "Aucun geste commercial."
    assert set(r["statut"]) <= {"ouverte", "en cours", "clôturée"}, set(r["statut"])
    assert (r["statut"] != "clôturée").any(), (
        "Il faut quelques réclamations non closes à la date d'arrêté."
    )


def test_satisfaction_nps(t):
    e = t["enquetes_satisfaction"]
    n = e["note_recommandation"]
    assert n.between(0, 10).all() and e["note_satisfaction"].between(1, 5).all(), (
        "Notes hors barème."
    )
    nps = ((n >= 9).mean() - (n <= 6).mean()) * 100
    assert -20 <= nps <= 60, f"NPS de {nps:.1f} (attendu entre −20 et +60)."
    assert e["commentaire"].notna().mean() > 0.2, "Trop peu de commentaires."
    assert np.corrcoef(n, e["note_satisfaction"])[0, 1] > 0.5, (
        "Satisfaction et recommandation doivent corréler."
    )
    # Une réclamation récente fait baisser la note.
    rec = t["reclamations"][["id_client", "date_reclamation"]]
    m = e.merge(rec, on="id_client", how="left")
    recente = (m["date_reclamation"] <= m["date_enquete"]) & (
        m["date_reclamation"] > m["date_enquete"] - pd.Timedelta(days=365)
    )
    touchees = m.loc[recente, "id_enquete"].unique()
    moy_touchees = e[e["id_enquete"].isin(touchees)]["note_recommandation"].mean()
    moy_autres = e[~e["id_enquete"].isin(touchees)]["note_recommandation"].mean()
    assert moy_touchees < moy_autres - 1, (
        "Les clients ayant réclamé devraient noter plus sévèrement."
    )


def test_stocks(t, ventes):
    s = t["stocks"]
    assert len(s) == 58 * 7, f"{len(s)} lignes de stock ; attendu 58 mois × 7 familles."
    assert (s["mois"].dt.day == 1).all(), "mois doit être le premier jour du mois."
    ecart = (s["stock_debut"] + s["entrees"] - s["sorties"] - s["stock_fin"]).abs()
    assert (ecart < 0.005).all(), "stock_fin ≠ stock_debut + entrées − sorties."
    assert (s[["stock_debut", "entrees", "sorties", "stock_fin"]] >= 0).all().all(), (
        "Valeurs de stock négatives."
    )
    s = s.sort_values(["famille", "mois"])
    suite = s.groupby("famille")["stock_debut"].shift(-1).dropna()
    assert ((suite - s.loc[suite.index, "stock_fin"]).abs() < 0.005).all(), (
        "Le stock initial ≠ stock final du mois précédent."
    )
    # Sorties cohérentes avec le coût des produits livrés (au coût 2026, tarifs passés un peu plus bas).
    livrees = t["commandes"].loc[t["commandes"]["statut"] == "livrée", "id_commande"]
    v = ventes[ventes["id_commande"].isin(livrees)].merge(
        t["produits"][["id_produit", "famille", "cout_achat_ht"]], on="id_produit"
    )
    v["cout"] = v["quantite"] * v["cout_achat_ht"]
    v["mois_d"] = v["date_commande"].dt.to_period("M").dt.to_timestamp()
    cout = v.groupby(["mois_d", "famille"])["cout"].sum()
    so = s.set_index(["mois", "famille"])["sorties"]
    ratio = so[so > 0] / cout.reindex(so[so > 0].index)
    assert ratio.between(0.85, 1.001).all(), (
        f"Sorties incohérentes avec le coût des ventes : {ratio.describe()}"
    )
    # Le dernier stock par famille égale la valeur des stocks des produits.
    dernier = s[s["mois"] == s["mois"].max()].set_index("famille")["stock_fin"]
    p = t["produits"]
    valeur = (p["stock"] * p["cout_achat_ht"]).groupby(p["famille"]).sum().round(2)
    assert ((dernier - valeur.reindex(dernier.index)).abs() < 0.01).all(), (
        "Stock final ≠ valeur des stocks produits."
    )


# ---------------------------------------------------------------------------
# Données fictives
# ---------------------------------------------------------------------------

DOMAINE_RESERVE = re.compile(
    r"^[^@\s]+@(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|[a-z0-9-]+\.(?:example|test))$"
)
TELEPHONE_FICTIF = re.compile(
    r"^(?:01 99 00|02 61 91|03 53 01|04 65 71|05 36 49|06 39 98) \d\d \d\d$"
)
PREFIXES_FICTIFS = ("019900", "026191", "035301", "046571", "053649", "063998")


@pytest.mark.parametrize(
    ("table", "colonnes"),
    [
        ("commerciaux", ["email"]),
        ("clients", ["email"]),
        ("prospects", ["email"]),
    ],
)
def test_courriels_sur_domaines_reserves(t, table, colonnes):
    for col in colonnes:
        valeurs = t[table][col].dropna()
        faux = valeurs[~valeurs.str.match(DOMAINE_RESERVE)]
        assert faux.empty, (
            f"{table}.{col} : courriels hors domaines réservés, ex. {faux.head(3).tolist()}"
        )
        assert valeurs.is_unique, f"{table}.{col} : courriels en double."


@pytest.mark.parametrize(
    ("table", "colonnes"),
    [
        ("commerciaux", ["telephone", "telephone_fixe"]),
        ("clients", ["telephone"]),
        ("prospects", ["telephone"]),
    ],
)
def test_telephones_fictifs(t, table, colonnes):
    for col in colonnes:
        valeurs = t[table][col].dropna()
        faux = valeurs[~valeurs.str.match(TELEPHONE_FICTIF)]
        assert faux.empty, (
            f"{table}.{col} : numéros hors tranches fictives ARCEP, ex. {faux.head(3).tolist()}"
        )


def test_import_salon_fictif_et_sale(t):
    imp = t["import_salon"]
    # Téléphones : une fois normalisés, tous dans les tranches fictives.
    chiffres = (
        imp["telephone"]
        .dropna()
        .str.replace(r"\(0\)", "", regex=True)
        .str.replace(r"\D", "", regex=True)
    )
    chiffres = chiffres.str.replace(r"^33", "0", regex=True)
    chiffres = chiffres.where(chiffres.str.len() == 10, "0" + chiffres)
    assert chiffres.str.startswith(PREFIXES_FICTIFS).all(), (
        "import_salon : téléphone réel possible."
    )
    mails = imp["email"].dropna().str.lower()
    domaines = mails.str.strip().str.split("@").str[-1]
    reel = domaines.str.contains(
        r"\.(?:com|fr|net|org|eu|io|co|info|biz)$", regex=True
    ) & ~domaines.str.contains(r"example\.(?:com|net|org)$", regex=True)
    assert not reel.any(), (
        f"import_salon : domaine de courriel réel possible : {mails[reel].head(3).tolist()}"
    )
    assert mails.str.contains("example").mean() > 0.9, (
        "import_salon : les courriels doivent rester fictifs."
    )
    # Et il est bien sale : chaque défaut documenté est présent.
    formats = imp["telephone"].dropna()
    assert formats.str.contains(r"\.").any() and formats.str.startswith("+33").any(), (
        "Formats de téléphone variés."
    )
    assert (chiffres.str.len() == 10).all() and (
        imp["telephone"].dropna().str.replace(r"\D", "", regex=True).str.len() == 9
    ).any(), "Numéros à 9 chiffres attendus."
    assert (~mails.str.match(DOMAINE_RESERVE)).sum() >= 5, "Il faut des courriels mal formés."
    cp = imp["code_postal"].dropna()
    assert (cp.str.len() == 4).any() and cp.str.contains(" ").any(), (
        "Codes postaux abîmés attendus."
    )
    assert imp["email"].isna().any() and imp["telephone"].isna().any(), (
        "Des champs manquants sont attendus."
    )
    cle = imp["raison_sociale"].str.strip().str.lower()
    assert cle.duplicated().any(), (
        "Des doublons (même raison sociale à la casse près) sont attendus."
    )
    assert (imp["raison_sociale"] != imp["raison_sociale"].str.strip()).any(), (
        "Des espaces parasites sont attendus."
    )
    existants = set(t["prospects"]["raison_sociale"].str.lower()) | set(
        t["clients"]["raison_sociale"].dropna().str.lower()
    )
    assert cle.isin(existants).sum() >= 5, (
        "Quelques lignes doivent reprendre des prospects ou clients existants."
    )


# ---------------------------------------------------------------------------
# Reproductibilité
# ---------------------------------------------------------------------------


def test_regeneration_identique(tmp_path):
    debut = time.perf_counter()
    resultat = subprocess.run(
        [sys.executable, str(DONNEES / "generer.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert resultat.returncode == 0, f"Le générateur a échoué :\n{resultat.stderr[-2000:]}"
    duree = time.perf_counter() - debut
    differents = [
        n
        for n in TABLES
        if (tmp_path / f"{n}.csv").read_bytes() != (DONNEES / f"{n}.csv").read_bytes()
    ]
    assert not differents, f"Régénération non identique pour : {differents}"
    assert duree < 60, f"Le générateur a mis {duree:.0f} s (limite : 60 s)."
