"""Tests de gc_helpers.qualite : fiabilisation d'un fichier de contacts (S822).

Toutes les attentes sont écrites à la main, sur de petites tables faites pour l'occasion.
"""

import time

import numpy as np
import pandas as pd
import pytest

from gc_helpers._erreurs import ErreurCours, NomInconnu
from gc_helpers.qualite import (
    FORMES_JURIDIQUES,
    cle_rapprochement,
    doublons_probables,
    email_valide,
    normaliser_code_postal,
    normaliser_email,
    normaliser_nom,
    normaliser_raison_sociale,
    normaliser_table,
    normaliser_telephone,
    rapport_qualite,
)

pytestmark = pytest.mark.filterwarnings("error")


# --------------------------------------------------------------------------- téléphones


@pytest.mark.parametrize(
    "brut",
    [
        "01 99 00 12 34",
        "01.99.00.12.34",
        "01-99-00-12-34",
        "0199001234",
        " 01 99 00 12 34 ",
        "+33 1 99 00 12 34",
        "+33199001234",
        "0033 1 99 00 12 34",
        "+33 (0)1 99 00 12 34",
        "33 1 99 00 12 34",
        "01/99/00/12/34",
        "199001234",  # zéro initial perdu dans un tableur
        199001234,
        199001234.0,
    ],
)
def test_normaliser_telephone(brut):
    assert normaliser_telephone(brut) == "01 99 00 12 34"


@pytest.mark.parametrize(
    "brut",
    [
        "01 99 00 12",  # trop court
        "01 99 00 12 34 56",  # trop long
        "019900123",  # 9 chiffres commençant par 0 : un chiffre manque
        "00 99 00 12 34",  # 00 n'est pas un début de numéro français
        "+32 2 555 12 12",  # Belgique
        "01 99 OO 12 34",  # lettres O au lieu de zéros
        "inconnu",
        "",
        "   ",
        None,
        float("nan"),
        True,
    ],
)
def test_normaliser_telephone_invalide(brut):
    assert normaliser_telephone(brut) is None


def test_normaliser_telephone_portable():
    assert normaliser_telephone("06.12.34.56.78") == "06 12 34 56 78"


def test_normaliser_telephone_colonne_et_liste():
    serie = pd.Series(["01.99.00.12.34", "12", None], index=[10, 11, 12])
    resultat = normaliser_telephone(serie)
    assert resultat.index.tolist() == [10, 11, 12]
    assert resultat.tolist()[0] == "01 99 00 12 34"
    assert resultat.isna().tolist() == [False, True, True]
    assert normaliser_telephone(["0199001234", "x"]) == ["01 99 00 12 34", None]


def test_normaliser_telephone_refuse_une_table():
    with pytest.raises(ErreurCours) as erreur:
        normaliser_telephone(pd.DataFrame({"telephone": ["0199001234"]}))
    message = str(erreur.value)
    assert "normaliser_telephone() attend une valeur, une liste ou une colonne" in message
    assert "reçu une table (DataFrame)" in message
    assert "normaliser_table(df" in message


# --------------------------------------------------------------------------- codes postaux


@pytest.mark.parametrize(
    ("brut", "attendu"),
    [
        ("75001", "75001"),
        ("75 001", "75001"),
        (" 13008 ", "13008"),
        ("6000", "06000"),  # Nice, zéro perdu
        (6000, "06000"),
        (6000.0, "06000"),
        ("20000", "20000"),  # Ajaccio
        ("97400", "97400"),  # Saint-Denis de La Réunion
        ("750", None),
        ("750011", None),
        ("00123", None),
        ("7500I", None),
        ("", None),
        (None, None),
        (float("nan"), None),
    ],
)
def test_normaliser_code_postal(brut, attendu):
    assert normaliser_code_postal(brut) == attendu


@pytest.mark.parametrize(
    ("brut", "departement", "attendu"),
    [
        ("6000", "06", "06000"),
        ("6000", 6, "06000"),
        ("06000", "13", None),
        ("20000", "2A", "20000"),
        ("97400", "974", "97400"),
        ("97400", "971", None),
    ],
)
def test_normaliser_code_postal_departement(brut, departement, attendu):
    assert normaliser_code_postal(brut, departement=departement) == attendu


def test_normaliser_code_postal_departement_invalide():
    with pytest.raises(ErreurCours, match="departement 'Paris' n'est pas un numéro de département"):
        normaliser_code_postal("75001", departement="Paris")


def test_normaliser_code_postal_refuse_un_dictionnaire():
    with pytest.raises(ErreurCours, match="reçu un dictionnaire"):
        normaliser_code_postal({"cp": "75001"})


# --------------------------------------------------------------------------- e-mails


@pytest.mark.parametrize(
    "adresse",
    [
        "jean.dupont@hotel-louvre.fr",
        "Jean.Dupont@Hotel-Louvre.FR",
        "contact+salon@boutique.paris",
        "a_b@sous.domaine.example.com",
        "o'neil@exemple.fr",
    ],
)
def test_email_valide(adresse):
    assert email_valide(adresse) is True


@pytest.mark.parametrize(
    "adresse",
    [
        "jean.dupont@hotel",  # pas de point dans le domaine
        "jean.dupont@@hotel.fr",
        "jean@dupont@hotel.fr",
        "jean dupont@hotel.fr",
        " jean@hotel.fr",  # les espaces autour ne sont pas tolérés ici
        "jean..dupont@hotel.fr",
        "jean.dupont@hotel..fr",
        ".jean@hotel.fr",
        "jean.@hotel.fr",
        "jean@-hotel.fr",
        "jean@hotel.f",
        "jean@hotel.con",  # faute de frappe pour .com
        "JEAN@HOTEL.CMO",
        "josé@hotel.fr",
        "jean.dupont.hotel.fr",
        "",
        None,
        float("nan"),
        42,
    ],
)
def test_email_invalide(adresse):
    assert email_valide(adresse) is False


def test_normaliser_email():
    assert normaliser_email("  Jean.Dupont@Hotel-Louvre.FR ") == "jean.dupont@hotel-louvre.fr"
    assert normaliser_email("jean dupont@hotel.fr") is None
    assert normaliser_email("   ") is None
    assert normaliser_email(None) is None


def test_email_valide_refuse_un_ensemble():
    with pytest.raises(ErreurCours, match="email_valide\\(\\) attend une valeur.*reçu un ensemble"):
        email_valide({"a@b.fr"})


def test_normaliser_email_refuse_une_table():
    with pytest.raises(ErreurCours, match="normaliser_email\\(\\) attend une valeur"):
        normaliser_email(pd.DataFrame({"email": ["a@b.fr"]}))


# --------------------------------------------------------------------------- noms


@pytest.mark.parametrize(
    ("brut", "attendu"),
    [
        ("jean-PIERRE de la fontaine", "Jean-Pierre de la Fontaine"),
        ("  DUPONT   ", "Dupont"),
        ("élodie", "Élodie"),
        ("MARIE-ÉLISE", "Marie-Élise"),
        ("charles d'artagnan", "Charles d'Artagnan"),
        ("d'artagnan", "D'Artagnan"),
        ("yann LE GOFF", "Yann Le Goff"),  # « Le » d'un nom breton garde sa majuscule
        ("de gaulle", "De Gaulle"),
        ("o'neil", "O'Neil"),
        ("jean\u00a0du  pont", "Jean du Pont"),
        ("   ", None),
        (None, None),
    ],
)
def test_normaliser_nom(brut, attendu):
    assert normaliser_nom(brut) == attendu


def test_normaliser_nom_refuse_une_table():
    with pytest.raises(ErreurCours, match="normaliser_nom\\(\\) attend une valeur"):
        normaliser_nom(pd.DataFrame({"nom": ["x"]}))


@pytest.mark.parametrize(
    ("brut", "attendu"),
    [
        ("HOTEL DU LOUVRE", "Hotel du Louvre"),
        ("  HOTEL   DU LOUVRE , sarl ", "Hotel du Louvre, SARL"),
        ("Hôtel du Louvre Sarl", "Hôtel du Louvre SARL"),
        ("hôtel du louvre", "Hôtel du Louvre"),
        ("CSE Renault", "CSE Renault"),  # casse mixte : gardée telle quelle
        ("boutique l'étoile", "Boutique l'Étoile"),
        ("", None),
        (None, None),
    ],
)
def test_normaliser_raison_sociale(brut, attendu):
    assert normaliser_raison_sociale(brut) == attendu


def test_normaliser_raison_sociale_refuse_un_tableau_numpy():
    with pytest.raises(ErreurCours, match="reçu un tableau numpy"):
        normaliser_raison_sociale(np.array(["Hôtel"]))


@pytest.mark.parametrize(
    ("brut", "attendu"),
    [
        ("Hôtel du Louvre", "HOTEL DU LOUVRE"),
        ("HOTEL  DU LOUVRE", "HOTEL DU LOUVRE"),
        ("Hotel du Louvre SARL", "HOTEL DU LOUVRE"),
        ("Hôtel du Louvre S.A.R.L.", "HOTEL DU LOUVRE"),
        ("SAS Linge & Cie", "LINGE ET CIE"),
        ("L'Œuvre d'Art, EURL", "L OEUVRE D ART"),
        ("Boutique Lutèce - Paris 1er", "BOUTIQUE LUTECE PARIS 1ER"),
        ("Salon (SA)", "SALON"),
        ("SARL", ""),
        (None, ""),
        ("  ", ""),
    ],
)
def test_cle_rapprochement(brut, attendu):
    assert cle_rapprochement(brut) == attendu


def test_cle_rapprochement_formes_juridiques_du_cours():
    assert {"SARL", "SAS", "SA", "EURL", "SASU", "SNC"} <= FORMES_JURIDIQUES


def test_cle_rapprochement_refuse_une_table():
    with pytest.raises(ErreurCours, match="cle_rapprochement\\(\\) attend une valeur"):
        cle_rapprochement(pd.DataFrame({"raison_sociale": ["x"]}))


# --------------------------------------------------------------------------- rapport de qualité


@pytest.fixture
def contacts():
    return pd.DataFrame(
        {
            "id_ligne": ["1", "2", "3", "4"],
            "email": ["a@b.fr", " A@B.FR ", "pas-un-mail", "   "],
            "telephone": ["01.99.00.12.34", "12", None, "+33 1 99 00 12 34"],
            "code_postal": ["6000", "75 001", "ABC", ""],
            "ville": ["Nice", "Paris", "paris", None],
        }
    )


def test_rapport_qualite(contacts):
    rapport = rapport_qualite(contacts)
    assert rapport.columns.tolist() == [
        "colonne",
        "type",
        "renseignes",
        "manquants",
        "taux_remplissage",
        "valeurs_distinctes",
        "invalides",
    ]
    rapport = rapport.set_index("colonne")
    assert rapport.index.tolist() == ["id_ligne", "email", "telephone", "code_postal", "ville"]
    assert rapport["renseignes"].tolist() == [4, 3, 3, 3, 3]
    assert rapport["manquants"].tolist() == [0, 1, 1, 1, 1]
    assert rapport["taux_remplissage"].tolist() == [1.0, 0.75, 0.75, 0.75, 0.75]
    # Valeurs telles qu'écrites : « Paris » et « paris » sont deux valeurs distinctes.
    assert rapport["valeurs_distinctes"].tolist() == [4, 3, 3, 3, 3]
    assert rapport.loc["email", "invalides"] == 1  # pas-un-mail
    assert rapport.loc["telephone", "invalides"] == 1  # 12
    assert rapport.loc["code_postal", "invalides"] == 1  # ABC
    assert np.isnan(rapport.loc["ville", "invalides"])
    assert np.isnan(rapport.loc["id_ligne", "invalides"])
    assert rapport.loc["ville", "type"] == "texte"


def test_rapport_qualite_types_et_controles():
    df = pd.DataFrame(
        {
            "quantite": [1, 2, 2],
            "prix": [1.5, np.nan, 2.0],
            "jour": pd.to_datetime(["2025-01-01", None, "2025-01-02"]),
            "portable": ["0612345678", "06 12", None],
            "adresse_contact": ["x@y.fr", "z", None],
        }
    )
    rapport = rapport_qualite(df, controles={"adresse_contact": "email"}).set_index("colonne")
    assert rapport["type"].tolist() == ["entier", "décimal", "date", "texte", "texte"]
    assert rapport.loc["prix", "manquants"] == 1
    assert rapport.loc["quantite", "valeurs_distinctes"] == 2
    assert rapport.loc["portable", "invalides"] == 1  # reconnu à son nom
    assert rapport.loc["adresse_contact", "invalides"] == 1  # désigné par controles


def test_rapport_qualite_table_vide():
    motif = "la table est vide \\(0 ligne\\(s\\), 1 colonne\\(s\\)\\)"
    with pytest.raises(ErreurCours, match=motif):
        rapport_qualite(pd.DataFrame({"email": []}))


def test_rapport_qualite_refuse_une_serie():
    with pytest.raises(ErreurCours, match="rapport_qualite\\(\\) attend une table \\(DataFrame\\)"):
        rapport_qualite(pd.Series(["a@b.fr"]))


def test_rapport_qualite_controle_inconnu(contacts):
    motif = "Le contrôle 'mail' n'existe pas.*Vouliez-vous dire 'email'"
    with pytest.raises(NomInconnu, match=motif):
        rapport_qualite(contacts, controles={"email": "mail"})
    with pytest.raises(NomInconnu, match="La colonne 'mail' n'existe pas.*'email'"):
        rapport_qualite(contacts, controles={"mail": "email"})


# --------------------------------------------------------------------------- doublons probables


@pytest.fixture
def salon():
    return pd.DataFrame(
        {
            "id_ligne": [f"L{i}" for i in range(9)],
            "raison_sociale": [
                "Hôtel du Louvre",
                "HOTEL DU LOUVRE",
                "Hotel du Louvre SARL",
                "Boutique Lutèce",
                "Boutique Lutec",
                "Comptoir de la Seine",
                "Atelier Textile",
                None,
                None,
            ],
            "ville": ["Paris", "PARIS", "Paris ", "Nice", "Nice", "Lyon", "Lille", None, None],
            "email": [
                "contact@louvre-hotel.fr",
                None,
                " Contact@Louvre-Hotel.FR",
                "b@lutece.fr",
                None,
                "info@seine.fr",
                "INFO@seine.fr",
                None,
                None,
            ],
        }
    )


def test_doublons_probables(salon):
    paires = doublons_probables(salon, ["raison_sociale", "ville"], id_colonne="id_ligne")
    assert paires.columns.tolist() == [
        "ligne_1",
        "ligne_2",
        "score",
        "raison_sociale_1",
        "raison_sociale_2",
        "ville_1",
        "ville_2",
        "email_1",
        "email_2",
        "motif",
    ]
    assert list(zip(paires["ligne_1"], paires["ligne_2"], strict=True)) == [
        ("L0", "L1"),
        ("L0", "L2"),
        ("L1", "L2"),
        ("L5", "L6"),
        ("L3", "L4"),
    ]
    # « BOUTIQUE LUTECE » / « BOUTIQUE LUTEC » : distance d'édition 1 sur 15 + 14 caractères,
    # soit 100 × (1 − 1/29) ; la ville est identique (100) ; moyenne des deux colonnes.
    score_lutece = (100 * (1 - 1 / 29) + 100) / 2
    assert paires["score"].tolist() == pytest.approx([100, 100, 100, 100, score_lutece])
    assert paires["motif"].tolist() == [
        "valeurs identiques",
        "même e-mail + valeurs identiques",
        "valeurs identiques",
        "même e-mail",
        "valeurs proches",
    ]
    assert paires.loc[3, "raison_sociale_1"] == "Comptoir de la Seine"
    assert paires.loc[3, "raison_sociale_2"] == "Atelier Textile"


def test_doublons_probables_les_vides_ne_se_ressemblent_pas(salon):
    paires = doublons_probables(salon, "raison_sociale", colonne_email=None)
    assert (7, 8) not in set(zip(paires["ligne_1"], paires["ligne_2"], strict=True))
    assert "email_1" not in paires.columns


def test_doublons_probables_seuil(salon):
    tous = doublons_probables(salon, ["raison_sociale", "ville"], seuil=99, colonne_email=None)
    assert len(tous) == 3  # seuls les trois « Hôtel du Louvre »
    assert tous["score"].is_monotonic_decreasing


def test_doublons_probables_la_ville_ne_suffit_pas():
    from rapidfuzz import fuzz

    df = pd.DataFrame(
        {
            "raison_sociale": ["Hôtel des Lys Nantes", "Hôtel du Midi Nantes"],
            "ville": ["Nantes"] * 2,
        }
    )
    nom = fuzz.token_sort_ratio("HOTEL DES LYS NANTES", "HOTEL DU MIDI NANTES")
    assert nom == 75  # noms différents…
    assert (nom + 100) / 2 >= 85  # … mais la moyenne avec la ville identique dépasse le seuil
    assert doublons_probables(df, ["raison_sociale", "ville"]).empty
    # La ville confirme : un nom identique et une ville écrite autrement restent un doublon.
    df = pd.DataFrame({"raison_sociale": ["Malle du Louvre"] * 2, "ville": ["Paris", "Paris 1er"]})
    assert doublons_probables(df, ["raison_sociale", "ville"])["score"].tolist() == [
        pytest.approx((100 + 100 * 2 * 5 / (5 + 9)) / 2)  # PARIS / PARIS 1ER : 2 × 5 / 14
    ]


def test_doublons_probables_sans_paire():
    df = pd.DataFrame({"raison_sociale": ["Alpha", "Zèbre"]})
    paires = doublons_probables(df, ["raison_sociale"])
    assert paires.empty
    assert paires.columns.tolist()[:3] == ["ligne_1", "ligne_2", "score"]


def test_doublons_probables_seuil_entre_0_et_1(salon):
    with pytest.raises(ErreurCours) as erreur:
        doublons_probables(salon, ["raison_sociale"], seuil=0.85)
    message = str(erreur.value)
    assert "seuil vaut 0.85" in message
    assert "va de 0 à 100" in message
    assert "seuil=85" in message


@pytest.mark.parametrize("seuil", [150, -5, "85"])
def test_doublons_probables_seuil_hors_echelle(salon, seuil):
    with pytest.raises(ErreurCours, match="seuil doit être"):
        doublons_probables(salon, ["raison_sociale"], seuil=seuil)


def test_doublons_probables_colonne_inconnue(salon):
    with pytest.raises(NomInconnu, match="La colonne 'raison' n'existe pas.*'raison_sociale'"):
        doublons_probables(salon, ["raison", "ville"])
    with pytest.raises(NomInconnu, match="La colonne 'id' n'existe pas"):
        doublons_probables(salon, ["ville"], id_colonne="id")
    with pytest.raises(ErreurCours, match="la liste colonnes est vide"):
        doublons_probables(salon, [])


def test_doublons_probables_250_lignes_en_moins_d_une_seconde():
    rng = np.random.default_rng(3)
    mots = ["Hôtel", "Boutique", "Comptoir", "Maison", "Linge", "Louvre", "Lutèce", "Seine"]
    noms = [" ".join(rng.choice(mots, 3)) for _ in range(250)]
    df = pd.DataFrame(
        {
            "raison_sociale": noms,
            "ville": rng.choice(["Paris", "Nice", "Lyon"], 250),
            "email": [f"contact{k}@exemple.fr" for k in rng.integers(0, 200, 250)],
        }
    )
    debut = time.perf_counter()
    doublons_probables(df, ["raison_sociale", "ville"])
    assert time.perf_counter() - debut < 1.0


# --------------------------------------------------------------------------- normaliser une table


def test_normaliser_table(contacts):
    avant = contacts.copy()
    propre = normaliser_table(
        contacts, {"email": "email", "telephone": "telephone", "code_postal": "code_postal"}
    )
    pd.testing.assert_frame_equal(contacts, avant)  # l'original n'est pas modifié
    assert propre is not contacts
    assert propre["email"].tolist() == ["a@b.fr", "a@b.fr", None, None]
    assert propre["telephone"].tolist() == ["01 99 00 12 34", None, None, "01 99 00 12 34"]
    assert propre["code_postal"].tolist() == ["06000", "75001", None, None]
    pd.testing.assert_series_equal(propre["ville"], contacts["ville"])  # colonne non demandée


def test_normaliser_table_noms():
    df = pd.DataFrame({"nom": ["DUPONT"], "raison_sociale": ["HOTEL DU LOUVRE"]})
    propre = normaliser_table(df, {"nom": "nom", "raison_sociale": "raison_sociale"})
    assert propre.iloc[0].tolist() == ["Dupont", "Hotel du Louvre"]


def test_normaliser_table_erreurs(contacts):
    with pytest.raises(NomInconnu, match="La colonne 'tel' n'existe pas.*'telephone'"):
        normaliser_table(contacts, {"tel": "telephone"})
    with pytest.raises(
        NomInconnu, match="Le genre de normalisation 'téléphone' n'existe pas.*'telephone'"
    ):
        normaliser_table(contacts, {"telephone": "téléphone"})
    with pytest.raises(ErreurCours, match="colonnes doit être un dictionnaire"):
        normaliser_table(contacts, ["telephone"])
    with pytest.raises(ErreurCours, match="normaliser_table\\(\\) attend une table"):
        normaliser_table(None, {"telephone": "telephone"})


# --------------------------------------------------------------------------- import léger


def test_doublons_probables_table_vide_et_trop_grande():
    vide = pd.DataFrame({"raison_sociale": pd.Series([], dtype=object)})
    assert doublons_probables(vide, ["raison_sociale"]).empty
    grande = pd.DataFrame({"raison_sociale": [f"Société {i}" for i in range(5001)]})
    with pytest.raises(ErreurCours, match="Filtrez d'abord la table"):
        doublons_probables(grande, ["raison_sociale"])
