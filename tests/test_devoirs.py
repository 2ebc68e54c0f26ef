"""La correction automatique de **chaque** devoir du cours est elle-même testée (DESIGN §7).

Pour chaque dossier de ``grading/source/``, un cours nbgrader temporaire est créé avec
la vraie configuration (``grading/nbgrader_config.py``) ; on génère la version
distribuée, on dépose des copies d'étudiants fictifs, on lance **une seule fois**
``nbgrader autograde`` pour toutes les copies puis ``nbgrader generate_feedback``, et on
relit les notes dans le carnet de notes :

- ``corrige`` et ``corrige-bis`` : la version distribuée remplie avec le corrigé (note
  maximale, deux fois la même : la correction est déterministe) ;
- ``vierge`` : la version distribuée telle quelle (0 partout, sans plantage, avec le
  message « Vous n'avez pas encore écrit… ») ;
- ``erreurs-<k>`` : les erreurs types enregistrées dans
  ``grading/erreurs_types/<devoir>.json``, au plus une par question et par copie (le
  corrigé, sauf ces réponses) ; ``GC_UNE_COPIE_PAR_ERREUR=1`` fait une copie par erreur
  type (``erreur-<id>``, plus lent) ;
- des copies propres à un devoir (:data:`COPIES_EN_PLUS`).

Les tests propres au devoir S822 (forme des réponses SQL) sont dans
``tests/test_devoir_s822.py`` ; les valeurs des corrigés des autres devoirs sont
vérifiées contre des calculs indépendants dans ``tests/test_devoir_<devoir>.py``.
"""

from __future__ import annotations

import time
import warnings
from types import SimpleNamespace

import outils_nbgrader as onb
import pytest

DEVOIRS = sorted(p.name for p in (onb.DOSSIER_COURS / "source").iterdir() if p.is_dir())
MESSAGE_VIERGE = "Vous n'avez pas encore écrit"
TOTAL_POINTS = 20.0
SOUCHE_CODE = "# VOTRE CODE ICI\nraise NotImplementedError()"
S822 = "S822-requetes-sql"

# Cellule ajoutée par un étudiant du devoir SQL : il « nettoie » la base avant de répondre.
# Chaque requête est jugée sur une copie neuve des données : sa note ne doit pas changer.
SUPPRESSIONS = """\
# Cellule ajoutée par l'étudiant : il « nettoie » la base avant de répondre.
con.execute("DELETE FROM reclamations")
con.execute("DELETE FROM import_salon")
con.execute("UPDATE clients SET optin_email = FALSE")
"""

#: Copies en plus pour un devoir : ``{devoir: {étudiant: fabrique(copie corrigée)}}``.
COPIES_EN_PLUS = {
    S822: {
        "corrige-apres-suppression": lambda corrige: onb.avec_cellule_apres(
            corrige, "demarrage", SUPPRESSIONS, "cellule-etudiant-suppressions"
        )
    }
}


def test_au_moins_six_devoirs():
    assert {
        S822,
        "S522-statistiques-ventes",
        "S522-prevision-saisonniere",
        "S432-scoring-clients",
        "S512-financement",
        "S531-seuil-rentabilite",
    } <= set(DEVOIRS), DEVOIRS


@pytest.fixture(scope="module", params=DEVOIRS)
def devoir(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def notebook(devoir) -> str:
    (chemin,) = sorted((onb.DOSSIER_COURS / "source" / devoir).glob("*.ipynb"))
    return chemin.stem


# --------------------------------------------------------------------------
# Structure du devoir (rapide : pas de nbgrader)
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def source(devoir, notebook):
    return onb.lire_notebook(onb.DOSSIER_COURS / "source" / devoir / f"{notebook}.ipynb")


@pytest.fixture(scope="module")
def erreurs(devoir):
    return onb.charger_erreurs_types(devoir)


def _tests_de(question: str, tests: dict) -> list[str]:
    """Les cellules de test d'une question : ``test_<q>`` ou ``test_<q>_…``."""
    return [g for g in tests if g == f"test_{question}" or g.startswith(f"test_{question}_")]


def _partie_visible(texte: str) -> str:
    sans_caches = onb.remplacer_regions(texte, onb.DEBUT_TESTS_CACHES, onb.FIN_TESTS_CACHES, "")
    return "\n".join(
        ligne for ligne in sans_caches.splitlines() if ligne.strip() and not ligne.startswith("#")
    )


def test_source_sans_sorties_ni_compteurs(source):
    for cellule in source.cells:
        assert cellule.get("id"), "cellule sans identifiant"
        if cellule.cell_type == "code":
            assert cellule.outputs == [], f"cellule {cellule.id} : sorties enregistrées"
            assert cellule.execution_count is None, f"cellule {cellule.id} : compteur enregistré"


def test_structure_nbgrader(source):
    ids = [onb.meta_nbgrader(c).get("grade_id") for c in source.cells if onb.meta_nbgrader(c)]
    assert len(ids) == len(set(ids)), "grade_id en double"
    for cellule in source.cells:
        meta = onb.meta_nbgrader(cellule)
        if meta:
            assert meta["schema_version"] == 3
            assert meta["grade_id"]
    assert sum(onb.points(source).values()) == TOTAL_POINTS

    reponses = onb.cellules_reponse(source)
    tests = onb.cellules_test(source)
    questions = [g.removeprefix("reponse_") for g, c in reponses.items() if c.cell_type == "code"]
    assert len(questions) >= 6, questions
    for question in questions:
        assert f"reponse_{question}" in reponses, question
        siens = _tests_de(question, tests)
        assert siens, f"{question} : aucune cellule de test"
        # des tests visibles qui guident, et des tests cachés qui décident
        assert any(_partie_visible(tests[g].source) for g in siens), question
        assert any(
            onb.regions(tests[g].source, onb.DEBUT_TESTS_CACHES, onb.FIN_TESTS_CACHES)
            for g in siens
        ), question
    # chaque cellule de test appartient à une question
    orphelines = set(tests) - {g for q in questions for g in _tests_de(q, tests)}
    assert not orphelines, orphelines

    manuelles = [g for g, c in reponses.items() if c.cell_type == "markdown"]
    assert manuelles, "aucune question corrigée par le professeur"
    for grade_id in manuelles:
        meta = onb.meta_nbgrader(reponses[grade_id])
        assert meta.get("grade") and meta.get("points", 0) > 0, grade_id
        (solution,) = onb.regions(reponses[grade_id].source, onb.DEBUT_SOLUTION, onb.FIN_SOLUTION)
        assert "Barème" in solution, f"{grade_id} : pas de barème pour le correcteur"


def test_tests_sans_avertissement_python(source):
    """Une séquence d'échappement invalide (« \\s ») écrit un avertissement sur stderr : 0 point."""
    for cellule in source.cells:
        if cellule.cell_type == "code":
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                compile(cellule.source, cellule.id, "exec")


def test_erreurs_types_enregistrees(source, notebook, erreurs):
    reponses = onb.cellules_reponse(source)
    tests = onb.cellules_test(source)
    for erreur in erreurs:
        assert erreur.notebook == notebook
        assert erreur.cellule in reponses, erreur.id
        assert erreur.cellules_perdues, erreur.id
        assert set(erreur.cellules_perdues) <= set(tests), erreur.id
        # une erreur ne coûte que sa propre question
        question = erreur.cellule.removeprefix("reponse_")
        assert set(erreur.cellules_perdues) <= set(_tests_de(question, tests)), erreur.id
        assert erreur.indice.strip(), erreur.id
        assert erreur.reponse.strip() and onb.DEBUT_SOLUTION not in erreur.reponse, erreur.id
    for grade_id, cellule in reponses.items():
        if cellule.cell_type == "code":
            nombre = sum(e.cellule == grade_id for e in erreurs)
            assert nombre >= 2, f"{grade_id} : {nombre} erreur(s) type enregistrée(s)"


# --------------------------------------------------------------------------
# La chaîne nbgrader complète (lent : un noyau Python par copie)
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def correction(devoir, notebook, erreurs, tmp_path_factory):
    debut = time.perf_counter()
    cours = onb.preparer_cours(tmp_path_factory.mktemp(devoir) / "cours", devoir)
    generation = onb.generer_devoir(cours, devoir)

    corrige = onb.copie_corrigee(cours, devoir, notebook)
    onb.deposer_copie(cours, devoir, "corrige", {notebook: corrige})
    onb.deposer_copie(cours, devoir, "corrige-bis", {notebook: corrige})
    onb.deposer_copie(
        cours, devoir, "vierge", {notebook: onb.copie_vierge(cours, devoir, notebook)}
    )
    for etudiant, fabrique in COPIES_EN_PLUS.get(devoir, {}).items():
        onb.deposer_copie(cours, devoir, etudiant, {notebook: fabrique(corrige)})
    copies_erreurs = onb.copies_erreurs_types(erreurs)
    for etudiant, erreurs_copie in copies_erreurs.items():
        remplacements = onb.remplacements_par_notebook(erreurs_copie)
        onb.deposer_copie(
            cours, devoir, etudiant, onb.copies_corrigees(cours, devoir, remplacements)
        )

    autograde = onb.autograder(cours, devoir)
    retours = onb.generer_retours(cours, devoir)
    notes = onb.lire_notes(cours, devoir)
    duree = time.perf_counter() - debut
    print(
        f"\n[{devoir}] {len(notes)} copies — generate_assignment {generation.duree:.1f} s, "
        f"autograde {autograde.duree:.1f} s, generate_feedback {retours.duree:.1f} s, "
        f"total {duree:.1f} s"
    )
    return SimpleNamespace(
        devoir=devoir,
        notebook=notebook,
        cours=cours,
        autograde=autograde,
        notes=notes,
        duree=duree,
        copies_erreurs=copies_erreurs,
        source=onb.lire_notebook(cours / "source" / devoir / f"{notebook}.ipynb"),
    )


def _tests_auto(correction):
    return onb.cellules_test(correction.source)


def _reponses_manuelles(correction):
    return [
        g for g, c in onb.cellules_reponse(correction.source).items() if c.cell_type == "markdown"
    ]


def _copie(correction, etudiant):
    return onb.copie_autogradee(correction.cours, correction.devoir, etudiant, correction.notebook)


def _retour(correction, etudiant) -> str:
    return onb.html_retour(correction.cours, correction.devoir, etudiant, correction.notebook)


def _soumis(correction, etudiant):
    return onb.lire_notebook(
        correction.cours
        / "submitted"
        / etudiant
        / correction.devoir
        / f"{correction.notebook}.ipynb"
    )


@pytest.mark.lent
def test_version_distribuee_sans_corrige(correction):
    dossier = correction.cours / "release" / correction.devoir
    fichiers = sorted(p.relative_to(dossier).as_posix() for p in dossier.rglob("*") if p.is_file())
    assert fichiers == [f"{correction.notebook}.ipynb"], fichiers

    release = onb.lire_notebook(dossier / f"{correction.notebook}.ipynb")
    brut = (dossier / f"{correction.notebook}.ipynb").read_text(encoding="utf-8")
    for marqueur in onb.MARQUEURS_PROFESSEUR:
        assert marqueur not in brut, marqueur
    assert onb.fuites(onb.texte_notebook(release), onb.textes_professeur(correction.source)) == []
    for interdit in ("Barème", "barème", "Proposition de corrigé", "verifier_requete", "pieges"):
        assert interdit not in brut, interdit

    # chaque réponse distribuée est la souche française à la place du corrigé
    sources = onb.cellules_reponse(correction.source)
    for grade_id, cellule in onb.cellules_reponse(release).items():
        if cellule.cell_type == "code":
            attendu = onb.remplacer_regions(
                sources[grade_id].source, onb.DEBUT_SOLUTION, onb.FIN_SOLUTION, SOUCHE_CODE
            )
            assert cellule.source == attendu, grade_id
        else:
            assert "VOTRE RÉPONSE ICI" in cellule.source
    for cellule in release.cells:
        if cellule.cell_type == "code":
            assert cellule.outputs == [] and cellule.execution_count is None


@pytest.mark.lent
def test_corrige_note_maximale(correction):
    notes = correction.notes["corrige"]
    for grade_id in _tests_auto(correction):
        note = notes[grade_id]
        assert note.auto_score == note.max_score, (grade_id, note)
    for grade_id in _reponses_manuelles(correction):
        assert notes[grade_id].needs_manual_grade, grade_id
    # aucune cellule de code du corrigé n'a levé d'erreur ni écrit sur stderr
    for cellule in _copie(correction, "corrige").cells:
        if cellule.cell_type == "code":
            assert onb.erreurs_cellule(cellule) == [], cellule.id
            assert onb.sorties_stderr(cellule) == [], (cellule.id, onb.sorties_stderr(cellule))


@pytest.mark.lent
def test_copie_vierge_vaut_zero_sans_plantage(correction):
    assert correction.autograde.code == 0
    notes = correction.notes["vierge"]
    for grade_id in _tests_auto(correction):
        assert notes[grade_id].auto_score == 0, grade_id
    for grade_id in _reponses_manuelles(correction):
        assert notes[grade_id].score == 0 and not notes[grade_id].needs_manual_grade
    for grade_id, cellule in onb.cellules_test(_copie(correction, "vierge")).items():
        erreurs = onb.erreurs_cellule(cellule)
        assert len(erreurs) == 1, grade_id
        assert erreurs[0]["ename"] == "ReponseIncorrecte", (grade_id, erreurs[0]["ename"])
        assert MESSAGE_VIERGE in erreurs[0]["evalue"], (grade_id, erreurs[0]["evalue"])


@pytest.mark.lent
def test_erreurs_types_perdent_les_points_de_leur_question(correction):
    """Chaque erreur type fait perdre les points de sa question, et seulement eux.

    Le message de la cellule de test concernée contient l'indice enregistré, et le
    retour HTML rendu à l'étudiant le contient aussi.
    """
    problemes = []
    for etudiant, erreurs_copie in correction.copies_erreurs.items():
        perdues = {g for e in erreurs_copie for g in e.cellules_perdues}
        notes = correction.notes[etudiant]
        for grade_id in _tests_auto(correction):
            note = notes[grade_id]
            attendu = 0 if grade_id in perdues else note.max_score
            if note.auto_score != attendu:
                fautives = [e.id for e in erreurs_copie if grade_id in e.cellules_perdues]
                problemes.append(
                    f"{etudiant} {fautives or [e.id for e in erreurs_copie]} : {grade_id} vaut "
                    f"{note.auto_score} au lieu de {attendu}"
                )
        tests = onb.cellules_test(_copie(correction, etudiant))
        retour = onb.texte_html(_retour(correction, etudiant))
        for erreur in erreurs_copie:
            indice = onb.normaliser_espaces(erreur.indice)
            messages = " ".join(onb.textes_sorties(tests[g]) for g in erreur.cellules_perdues)
            if indice not in messages:
                problemes.append(
                    f"{erreur.id} : l'indice « {erreur.indice} » manque dans le message du test ; "
                    f"message obtenu : {messages[:600]}"
                )
            if indice not in retour:
                problemes.append(
                    f"{erreur.id} : l'indice « {erreur.indice} » manque dans le retour"
                )
    assert not problemes, "\n".join(problemes)


@pytest.mark.lent
def test_retours_sans_tests_caches(correction):
    caches = onb.lignes_tests_caches(correction.source)
    assert caches
    professeur = onb.textes_professeur(correction.source)
    for etudiant in ["corrige", "vierge", *correction.copies_erreurs]:
        page = _retour(correction, etudiant)
        retour = onb.texte_html(page)
        assert "HIDDEN" not in page, etudiant
        # le retour est en français (modèle grading/modeles/retour_fr)
        assert "Votre réponse" in page and "Student's answer" not in page, etudiant
        # ce que l'étudiant a lui-même écrit peut figurer dans son retour, rien d'autre
        soumis = onb.texte_notebook(_soumis(correction, etudiant))
        interdits = [ligne for ligne in caches + professeur if ligne not in soumis]
        assert onb.fuites(retour, interdits) == [], etudiant
    vierge = onb.texte_html(_retour(correction, "vierge"))
    assert onb.fuites(vierge, caches + professeur) == []
    assert MESSAGE_VIERGE in vierge


@pytest.mark.lent
def test_correction_deterministe(correction):
    premiere = {g: n.score for g, n in correction.notes["corrige"].items()}
    seconde = {g: n.score for g, n in correction.notes["corrige-bis"].items()}
    assert premiere == seconde


@pytest.mark.lent
def test_duree_de_la_correction(correction, record_property):
    record_property(f"duree_{correction.devoir}_s", round(correction.duree, 1))
    record_property(f"duree_autograde_{correction.devoir}_s", round(correction.autograde.duree, 1))
    # garde-fou large (machine de CI chargée) ; la durée réelle est affichée par la fixture
    assert correction.duree < 600


def _note_fr(valeur: float) -> str:
    """Une note comme l'écrit le retour : « 1,5 », « 2 », « 0,25 »."""
    return f"{valeur:.2f}".rstrip("0").rstrip(".").replace(".", ",")


@pytest.mark.lent
def test_retour_montre_reponses_points_et_messages_visibles(correction):
    """Le retour montre ce que l'étudiant doit voir : ses réponses, ses points (total et par
    question), les tests visibles et les messages d'échec. Et les tests cachés en sont bien
    *retirés* : la copie corrigée du professeur les contient (le contrôle n'est pas vide)."""
    etudiant, erreur = next(
        (etudiant, e) for etudiant, lot in correction.copies_erreurs.items() for e in lot
    )
    retour = onb.texte_html(_retour(correction, etudiant))
    notes = correction.notes[etudiant]

    # ses réponses, telles qu'il les a écrites
    for ligne in erreur.reponse.splitlines():
        assert onb.normaliser_espaces(ligne) in retour, ligne

    # ses points : total du notebook, puis chaque test avec ses points
    total = sum(n.score for n in notes.values())
    maximum = sum(n.max_score for n in notes.values())
    assert f"(note : {_note_fr(total)} / {_note_fr(maximum)})" in retour
    for grade_id in _tests_auto(correction):
        note = notes[grade_id]
        assert f"Test {grade_id} ({_note_fr(note.score)} / {_note_fr(note.max_score)})" in retour

    # les tests visibles : leur code, et le message de la cellule perdue
    copie = _copie(correction, etudiant)
    for grade_id, cellule in onb.cellules_test(correction.source).items():
        for ligne in _partie_visible(cellule.source).splitlines():
            if len(ligne.strip()) >= 16:
                assert onb.normaliser_espaces(ligne) in retour, (grade_id, ligne)
    perdue = erreur.cellules_perdues[-1]
    (message,) = [e["evalue"] for e in onb.erreurs_cellule(onb.cellules_test(copie)[perdue])]
    assert onb.normaliser_espaces(message) in retour

    # les tests cachés étaient bien dans la copie exécutée, et n'en sortent pas (sauf une ligne
    # que l'étudiant a lui-même écrite : un corrigé repris dans un test caché)
    caches = onb.lignes_tests_caches(correction.source)
    assert len(onb.fuites(onb.texte_notebook(copie), caches)) == len(caches)
    soumis = onb.texte_notebook(_soumis(correction, etudiant))
    propres_aux_tests = [ligne for ligne in caches if ligne not in soumis]
    assert propres_aux_tests and onb.fuites(retour, propres_aux_tests) == []


@pytest.mark.lent
@pytest.mark.parametrize("devoir", [S822], indirect=True)
def test_s822_modifications_de_la_base_sans_effet_sur_la_note(correction):
    """Un DELETE ou un UPDATE de l'étudiant ne change pas sa note : chaque requête est jugée
    sur une copie neuve des données d'origine."""
    notes = correction.notes["corrige-apres-suppression"]
    faux = {
        g: notes[g].auto_score
        for g in _tests_auto(correction)
        if notes[g].auto_score != notes[g].max_score
    }
    assert not faux, (
        f"cellules qui perdent des points après les modifications de l'étudiant : {faux}"
    )
