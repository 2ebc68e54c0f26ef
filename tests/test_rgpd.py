"""RGPD (S821) : destinataires d'une offre par courriel, durée de conservation, anonymisation.

Oracle indépendant : les règles recalculées avec pandas directement sur les CSV
canoniques (sans SQL ni gc_helpers.rgpd), plus des cas construits à la main.
"""

from __future__ import annotations

import pandas as pd
import pytest

import gc_helpers as gc
from gc_helpers._erreurs import ErreurCours

LIMITE = pd.Timestamp("2023-10-31")  # 31/10/2026 moins 3 ans


@pytest.fixture(scope="module")
def csv() -> dict[str, pd.DataFrame]:
    lire = lambda nom: pd.read_csv(gc.chemin_donnees(f"{nom}.csv"))  # noqa: E731
    return {n: lire(n) for n in ("clients", "commandes", "contacts", "prospects")}


@pytest.fixture(scope="module")
def activite(csv) -> pd.Series:
    c = csv["clients"].set_index("id_client")
    dates = [
        pd.to_datetime(c["date_creation"]),
        pd.to_datetime(csv["commandes"].groupby("id_client")["date_commande"].max()),
        pd.to_datetime(csv["contacts"].dropna(subset=["id_client"]).groupby("id_client")[
            "date_contact"
        ].max()).rename(index=int),
    ]  # fmt: skip
    return pd.concat(dates, axis=1).max(axis=1).reindex(c.index)


def test_derniere_activite(activite):
    d = gc.derniere_activite(gc.donnees.connexion_lecture()).set_index("id_client")
    assert (d["derniere_activite"] == activite).all()


def test_destinataires_comme_les_regles_recalculees(csv, activite):
    oppositions = gc.lire_csv(gc.chemin_source("desinscriptions.csv"))
    d = gc.destinataires_courriel(gc.donnees.connexion_lecture(), oppositions=oppositions)
    c = csv["clients"].set_index("id_client")
    opposes = set(oppositions["email"].str.lower())
    email_ok = c["email"].notna()  # les courriels livrés sont tous bien formés
    attendu = (
        email_ok
        & ~c["email"].str.lower().isin(opposes)
        & (activite >= LIMITE)
        & ((c["type_client"] == "professionnel") | c["optin_email"])
    )
    assert (d.set_index("id_client")["autorise"] == attendu).all()
    # Les demandes d'opposition visent des clients qui avaient l'opt-in : elles retirent des envois.
    retires = d["motif"].str.startswith("opposition").sum()
    assert retires == c["email"].str.lower().isin(opposes).sum() == 22


def test_destinataires_cas_construits():
    with gc.donnees.copie_jetable() as con:
        con.execute(
            "UPDATE clients SET optin_email = false WHERE id_client IN (1, 2);"
            "UPDATE clients SET email = 'pas-un-courriel' WHERE id_client = 3"
        )
        pro = gc.requete("SELECT email FROM clients WHERE id_client = 2", con).loc[0, "email"]
        d = gc.destinataires_courriel(con, oppositions=[pro.upper()]).set_index("id_client")
    # Professionnel sans opt-in : la prospection B2B reste permise (opt-out)…
    assert d.loc[1, "autorise"] and "opt-out" in d.loc[1, "motif"]
    # … sauf s'il s'y est opposé (la casse du courriel ne compte pas).
    assert not d.loc[2, "autorise"] and "droit d'opposition" in d.loc[2, "motif"]
    assert not d.loc[3, "autorise"] and d.loc[3, "motif"] == "pas de courriel valide"


def test_donnees_a_purger_comme_pandas(csv, activite):
    p = gc.donnees_a_purger(gc.donnees.connexion_lecture())
    pr = csv["prospects"]
    contacts = csv["contacts"].dropna(subset=["id_prospect"])
    dernier = pd.to_datetime(contacts.groupby("id_prospect")["date_contact"].max())
    dernier.index = dernier.index.astype(int)
    premier = pd.to_datetime(pr.set_index("id_prospect")["date_premier_contact"])
    derniere = pd.concat([premier, dernier.reindex(premier.index)], axis=1).max(axis=1)
    non_convertis = pr.set_index("id_prospect")["statut"] != "converti"
    attendus = sorted(derniere[non_convertis & (derniere < LIMITE)].index)
    assert sorted(p.loc[p["personne"] == "prospect", "id"]) == attendus
    assert sorted(p.loc[p["personne"] == "client", "id"]) == sorted(
        activite[activite < LIMITE].index
    )
    # Avec 5 ans de conservation, moins de monde à purger.
    assert len(gc.donnees_a_purger(gc.donnees.connexion_lecture(), annees=5)) < len(p)


def test_anonymiser_prospects():
    with gc.donnees.copie_jetable() as con:
        assert gc.anonymiser_prospects([2, 5, 99999], con) == 2
        lignes = gc.requete(
            "SELECT contact_nom, contact_prenom, email, telephone, raison_sociale FROM prospects "
            "WHERE id_prospect IN (2, 5)",
            con,
        )
        assert set(lignes["contact_nom"]) == {"Anonymisé"}
        assert lignes["email"].isna().all() and lignes["telephone"].isna().all()
        assert lignes["raison_sociale"].notna().all()  # la fiche entreprise reste
        assert gc.anonymiser_prospects([], con) == 0
    with pytest.raises(ErreurCours, match="liste d'identifiants"):
        gc.anonymiser_prospects(2)


def test_erreurs_rgpd():
    lecture = gc.donnees.connexion_lecture()
    with pytest.raises(ErreurCours, match="années entières attendue"):
        gc.donnees_a_purger(lecture, annees=2.5)
    with pytest.raises(ErreurCours, match="date illisible"):
        gc.destinataires_courriel(lecture, date_reference="hier")
    with pytest.raises(ErreurCours, match="colonne 'email'"):
        gc.destinataires_courriel(lecture, oppositions=pd.DataFrame({"courriel": ["a@b.fr"]}))
    with pytest.raises(ErreurCours, match="liste de courriels"):
        gc.destinataires_courriel(lecture, oppositions="a@example.com")
    assert set(gc.BASES_LEGALES["base_legale"]) == {
        "consentement",
        "contrat",
        "obligation légale",
        "intérêt légitime",
    }
