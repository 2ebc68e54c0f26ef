"""Le catalogue des unités : complet, cohérent avec les notebooks et les devoirs."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from gc_helpers import catalogue
from gc_helpers._erreurs import NomInconnu

RACINE = Path(__file__).resolve().parent.parent
CODES_DU_PROGRAMME = {
    "S41", "S431", "S821", "S432", "S822", "S522", "S521",
    "S523", "S512", "S531", "S442", "S443", "S445", "S823",
}  # fmt: skip


def test_quatorze_unites_aux_codes_uniques():
    codes = [u.code for u in catalogue.UNITES]
    assert len(codes) == 14
    assert len(set(codes)) == 14
    assert set(codes) == CODES_DU_PROGRAMME


def test_unites_sont_figees():
    with pytest.raises(dataclasses.FrozenInstanceError):
        catalogue.UNITES[0].titre = "autre"


def test_champs_renseignes():
    for u in catalogue.UNITES:
        assert u.titre and u.titre[0].isupper(), u.code
        assert u.annee in {"1re année", "2e année"}, u.code
        assert u.periode and u.duree, u.code
        assert u.axe in catalogue.AXES, u.code
        assert u.savoirs, u.code
        assert re.fullmatch(rf"{u.code}_[a-z0-9_]+\.ipynb", u.notebook), u.notebook
        assert u.notebook.isascii()


def test_noms_de_notebooks_uniques():
    noms = [u.notebook for u in catalogue.UNITES]
    assert len(set(noms)) == len(noms)


def test_chaque_notebook_existant_est_au_catalogue():
    connus = {u.notebook for u in catalogue.UNITES} | {"00_sommaire.ipynb"}
    presents = {p.name for p in (RACINE / "notebooks").glob("*.ipynb")}
    assert presents <= connus, f"Notebooks absents du catalogue : {sorted(presents - connus)}"


def test_les_liens_du_tableau_menent_a_des_fichiers_existants():
    dossier = RACINE / "notebooks"
    texte = catalogue.tableau_markdown(dossier=dossier)
    liens = re.findall(r"\]\(([^)]+)\)", texte)
    for lien in liens:
        assert (dossier / lien).is_file(), lien
    # Un notebook présent a un lien ; un notebook absent n'en a pas.
    for u in catalogue.UNITES:
        ligne = next(li for li in texte.splitlines() if li.startswith(f"| {u.code} |"))
        assert ((dossier / u.notebook).is_file()) == (f"]({u.notebook})" in ligne), u.code


def test_tableau_markdown_prefixe_pour_le_readme():
    texte = catalogue.tableau_markdown(dossier=RACINE / "notebooks", prefixe_lien="notebooks/")
    for lien in re.findall(r"\]\(([^)]+)\)", texte):
        assert lien.startswith("notebooks/")
        assert (RACINE / lien).is_file()


def test_devoirs_nommes_unite_sujet():
    for u in catalogue.UNITES:
        for devoir in u.devoirs:
            assert re.fullmatch(rf"{u.code}-[a-z0-9]+(-[a-z0-9]+)*", devoir), devoir
    noms = catalogue.devoirs()["devoir"].tolist()
    assert "S822-requetes-sql" in noms
    assert len(set(noms)) == len(noms)


def test_devoirs_existants_sont_au_catalogue():
    source = RACINE / "grading" / "source"
    if not source.is_dir():
        pytest.skip("pas encore de devoir dans grading/source")
    connus = set(catalogue.devoirs()["devoir"])
    presents = {p.name for p in source.iterdir() if p.is_dir() and not p.name.startswith(".")}
    assert presents <= connus, f"Devoirs absents du catalogue : {sorted(presents - connus)}"


def test_progression_couvre_les_quatorze_unites_une_fois():
    p = catalogue.progression()
    assert sorted(p["code"]) == sorted(CODES_DU_PROGRAMME)
    assert set(p["annee"]) == {"1re année", "2e année"}
    assert set(p["horaire"]) == {"classe entière", "demi-groupe"}
    # Les unités sur poste (TD) sont en demi-groupe.
    assert set(p.loc[p["horaire"] == "demi-groupe", "code"]) == {"S821", "S823", "S822"}


def test_calendrier_vingt_et_une_semaines_par_an():
    """Le calendrier du guide compte 21 semaines de cours chaque année."""
    semaines = {"1re année": 0, "2e année": 0}
    for u in catalogue.UNITES:
        if u.code == "S531":  # 4 semaines en 1re année, 2 en 2e année
            semaines["1re année"] += 4
            semaines["2e année"] += 2
        elif u.semaines is not None:
            semaines[u.annee] += u.semaines
    assert semaines == {"1re année": 21, "2e année": 21}


def test_unites_dataframe():
    df = catalogue.unites()
    assert len(df) == 14
    assert {"code", "titre", "annee", "periode", "duree", "axe", "notebook", "devoirs"} <= set(
        df.columns
    )


def test_code_inconnu_message_francais():
    with pytest.raises(NomInconnu, match="L'unité 'S8222' n'existe pas.*Vouliez-vous dire 'S822'"):
        catalogue.unite("S8222")
