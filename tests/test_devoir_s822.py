"""La correction automatique du devoir S822-requetes-sql est elle-même testée.

Un cours nbgrader temporaire est créé avec la vraie configuration
(``grading/nbgrader_config.py``) ; on génère la version distribuée, on dépose
des copies d'étudiants fictifs, on lance **une seule fois** ``nbgrader
autograde`` pour toutes les copies puis ``nbgrader generate_feedback``, et on
relit les notes dans le carnet de notes :

- ``corrige`` et ``corrige-bis`` : la version distribuée remplie avec le corrigé
  (note maximale, et deux fois la même : la correction est déterministe) ;
- ``vierge`` : la version distribuée telle quelle (0 partout, sans plantage,
  avec le message « Vous n'avez pas encore écrit… ») ;
- ``erreurs-<k>`` : les erreurs types enregistrées dans
  ``grading/erreurs_types/S822-requetes-sql.json``, au plus une par question et
  par copie (le corrigé, sauf ces réponses) ; ``GC_UNE_COPIE_PAR_ERREUR=1``
  fait une copie par erreur type (``erreur-<id>``, plus lent).
"""

from __future__ import annotations

import time
from types import SimpleNamespace

import outils_nbgrader as onb
import pytest

DEVOIR = "S822-requetes-sql"
NOTEBOOK = "S822-requetes-sql"
SOURCE = onb.DOSSIER_COURS / "source" / DEVOIR / f"{NOTEBOOK}.ipynb"
MESSAGE_VIERGE = "Vous n'avez pas encore écrit"
TOTAL_POINTS = 20.0


# --------------------------------------------------------------------------
# Structure du devoir (rapide : pas de nbgrader)
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def source():
    return onb.lire_notebook(SOURCE)


@pytest.fixture(scope="module")
def erreurs():
    return onb.charger_erreurs_types(DEVOIR)


def test_source_sans_sorties_ni_compteurs(source):
    for cellule in source.cells:
        if cellule.cell_type == "code":
            assert cellule.outputs == [], f"cellule {cellule.id} : sorties enregistrées"
            assert cellule.execution_count is None, f"cellule {cellule.id} : compteur enregistré"


def test_metadonnees_nbgrader(source):
    ids = [onb.meta_nbgrader(c).get("grade_id") for c in source.cells if onb.meta_nbgrader(c)]
    assert len(ids) == len(set(ids)), "grade_id en double"
    for cellule in source.cells:
        meta = onb.meta_nbgrader(cellule)
        if meta:
            assert meta["schema_version"] == 3
            assert meta["grade_id"]
    points = onb.points(source)
    assert sum(points.values()) == TOTAL_POINTS
    reponses = onb.cellules_reponse(source)
    tests = onb.cellules_test(source)
    questions_sql = [g for g, c in reponses.items() if c.cell_type == "code"]
    assert len(questions_sql) >= 8
    for grade_id in questions_sql:
        n = grade_id.removeprefix("reponse_")
        # chaque réponse SQL : une variable, la solution DANS la chaîne, un test visible et un caché
        texte = reponses[grade_id].source
        assert texte.startswith(f'requete_{n} = """\n### BEGIN SOLUTION\n'), texte[:60]
        assert texte.endswith('### END SOLUTION\n"""')
        assert f"test_{n}_forme" in tests and f"test_{n}_valeurs" in tests
        assert onb.DEBUT_TESTS_CACHES not in tests[f"test_{n}_forme"].source
        assert onb.regions(
            tests[f"test_{n}_valeurs"].source, onb.DEBUT_TESTS_CACHES, onb.FIN_TESTS_CACHES
        )
    manuelles = [g for g, c in reponses.items() if c.cell_type == "markdown"]
    assert manuelles and all(onb.meta_nbgrader(reponses[g]).get("grade") for g in manuelles)


def test_tests_sans_avertissement_python(source):
    """Une séquence d'échappement invalide (« \\s ») écrit un avertissement sur stderr : 0 point."""
    import warnings

    for cellule in onb.cellules_test(source).values():
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            compile(cellule.source, cellule.id, "exec")


def test_erreurs_types_enregistrees(source, erreurs):
    reponses = onb.cellules_reponse(source)
    tests = onb.cellules_test(source)
    for erreur in erreurs:
        assert erreur.notebook == NOTEBOOK
        assert erreur.cellule in reponses, erreur.id
        assert erreur.cellules_perdues, erreur.id
        assert set(erreur.cellules_perdues) <= set(tests), erreur.id
        assert erreur.indice.strip(), erreur.id
    # au moins deux erreurs types pour chaque question SQL
    for grade_id, cellule in reponses.items():
        if cellule.cell_type == "code":
            nombre = sum(e.cellule == grade_id for e in erreurs)
            assert nombre >= 2, f"{grade_id} : {nombre} erreur(s) type enregistrée(s)"


# --------------------------------------------------------------------------
# La chaîne nbgrader complète (lent : un noyau Python par copie)
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def correction(tmp_path_factory, erreurs):
    debut = time.perf_counter()
    cours = onb.preparer_cours(tmp_path_factory.mktemp("s822") / "cours", DEVOIR)
    generation = onb.generer_devoir(cours, DEVOIR)

    corrige = onb.copie_corrigee(cours, DEVOIR, NOTEBOOK)
    onb.deposer_copie(cours, DEVOIR, "corrige", {NOTEBOOK: corrige})
    onb.deposer_copie(cours, DEVOIR, "corrige-bis", {NOTEBOOK: corrige})
    onb.deposer_copie(
        cours, DEVOIR, "vierge", {NOTEBOOK: onb.copie_vierge(cours, DEVOIR, NOTEBOOK)}
    )
    onb.deposer_copie(
        cours, DEVOIR, "corrige-apres-suppression", {NOTEBOOK: _avec_suppressions(corrige)}
    )
    copies_erreurs = onb.copies_erreurs_types(erreurs)
    for etudiant, erreurs_copie in copies_erreurs.items():
        remplacements = onb.remplacements_par_notebook(erreurs_copie)
        onb.deposer_copie(
            cours, DEVOIR, etudiant, onb.copies_corrigees(cours, DEVOIR, remplacements)
        )

    autograde = onb.autograder(cours, DEVOIR)
    retours = onb.generer_retours(cours, DEVOIR)
    notes = onb.lire_notes(cours, DEVOIR)
    duree = time.perf_counter() - debut
    print(
        f"\n[S822] {len(notes)} copies — generate_assignment {generation.duree:.1f} s, "
        f"autograde {autograde.duree:.1f} s, generate_feedback {retours.duree:.1f} s, "
        f"total {duree:.1f} s"
    )
    return SimpleNamespace(
        cours=cours,
        autograde=autograde,
        retours=retours,
        notes=notes,
        duree=duree,
        copies_erreurs=copies_erreurs,
        source=onb.lire_notebook(cours / "source" / DEVOIR / f"{NOTEBOOK}.ipynb"),
    )


SUPPRESSIONS = """\
# Cellule ajoutée par l'étudiant : il « nettoie » la base avant de répondre.
con.execute("DELETE FROM reclamations")
con.execute("DELETE FROM import_salon")
con.execute("UPDATE clients SET optin_email = FALSE")
"""


def _avec_suppressions(copie):
    """La copie corrigée, avec une cellule de l'étudiant qui modifie la base après le démarrage."""
    import copy

    import nbformat

    modifiee = copy.deepcopy(copie)
    position = next(
        i
        for i, c in enumerate(modifiee.cells)
        if onb.meta_nbgrader(c).get("grade_id") == "demarrage"
    )
    cellule = nbformat.v4.new_code_cell(SUPPRESSIONS)
    cellule.id = "cellule-etudiant-suppressions"
    modifiee.cells.insert(position + 1, cellule)
    return modifiee


def _tests_auto(correction):
    return onb.cellules_test(correction.source)


def _reponses_manuelles(correction):
    return [
        g for g, c in onb.cellules_reponse(correction.source).items() if c.cell_type == "markdown"
    ]


@pytest.mark.lent
def test_version_distribuee_sans_corrige(correction):
    dossier = correction.cours / "release" / DEVOIR
    fichiers = sorted(p.relative_to(dossier).as_posix() for p in dossier.rglob("*") if p.is_file())
    assert fichiers == [f"{NOTEBOOK}.ipynb"], fichiers

    release = onb.lire_notebook(dossier / f"{NOTEBOOK}.ipynb")
    texte = onb.texte_notebook(release)
    brut = (dossier / f"{NOTEBOOK}.ipynb").read_text(encoding="utf-8")
    for marqueur in onb.MARQUEURS_PROFESSEUR:
        assert marqueur not in brut, marqueur
    assert onb.fuites(texte, onb.textes_professeur(correction.source)) == []
    for interdit in ("Barème", "barème", "Proposition de corrigé", "verifier_requete"):
        assert interdit not in brut, interdit

    # chaque réponse SQL distribuée est la souche française, dans la chaîne
    for grade_id, cellule in onb.cellules_reponse(release).items():
        if cellule.cell_type == "code":
            variable = grade_id.replace("reponse_", "requete_")
            assert cellule.source == (
                f'{variable} = """\n# VOTRE CODE ICI\nraise NotImplementedError()\n"""'
            )
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
    # aucune cellule de test n'a écrit sur stderr ni levé d'erreur
    copie = onb.copie_autogradee(correction.cours, DEVOIR, "corrige", NOTEBOOK)
    for grade_id, cellule in onb.cellules_test(copie).items():
        assert onb.erreurs_cellule(cellule) == [], grade_id
        assert onb.sorties_stderr(cellule) == [], grade_id


@pytest.mark.lent
def test_copie_vierge_vaut_zero_sans_plantage(correction):
    assert correction.autograde.code == 0
    notes = correction.notes["vierge"]
    for grade_id in _tests_auto(correction):
        assert notes[grade_id].auto_score == 0, grade_id
    for grade_id in _reponses_manuelles(correction):
        assert notes[grade_id].score == 0 and not notes[grade_id].needs_manual_grade
    copie = onb.copie_autogradee(correction.cours, DEVOIR, "vierge", NOTEBOOK)
    for grade_id, cellule in onb.cellules_test(copie).items():
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
        copie = onb.copie_autogradee(correction.cours, DEVOIR, etudiant, NOTEBOOK)
        tests = onb.cellules_test(copie)
        retour = onb.texte_html(onb.html_retour(correction.cours, DEVOIR, etudiant, NOTEBOOK))
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
    etudiants = ["corrige", "vierge", *correction.copies_erreurs]
    for etudiant in etudiants:
        page = onb.html_retour(correction.cours, DEVOIR, etudiant, NOTEBOOK)
        retour = onb.texte_html(page)
        assert "HIDDEN" not in page, etudiant
        # le retour est en français (modèle grading/modeles/retour_fr)
        assert "Votre réponse" in page and "Student's answer" not in page, etudiant
        # ce que l'étudiant a lui-même écrit peut figurer dans son retour, rien d'autre
        soumis = onb.texte_notebook(
            onb.lire_notebook(
                correction.cours / "submitted" / etudiant / DEVOIR / f"{NOTEBOOK}.ipynb"
            )
        )
        interdits = [ligne for ligne in caches + professeur if ligne not in soumis]
        assert onb.fuites(retour, interdits) == [], etudiant
    # la copie vierge : aucun texte du corrigé, ni test caché, ni barème
    vierge = onb.texte_html(onb.html_retour(correction.cours, DEVOIR, "vierge", NOTEBOOK))
    assert onb.fuites(vierge, caches + professeur) == []
    assert MESSAGE_VIERGE in vierge


@pytest.mark.lent
def test_modifications_de_la_base_sans_effet_sur_la_note(correction):
    """Un DELETE ou un UPDATE de l'étudiant ne change pas sa note : chaque test repart des données
    d'origine (copie de travail neuve)."""
    notes = correction.notes["corrige-apres-suppression"]
    faux = {
        g: notes[g].auto_score
        for g in _tests_auto(correction)
        if notes[g].auto_score != notes[g].max_score
    }
    assert not faux, (
        f"cellules qui perdent des points après les modifications de l'étudiant : {faux}"
    )


@pytest.mark.lent
def test_correction_deterministe(correction):
    premiere = {g: n.score for g, n in correction.notes["corrige"].items()}
    seconde = {g: n.score for g, n in correction.notes["corrige-bis"].items()}
    assert premiere == seconde


@pytest.mark.lent
def test_duree_de_la_correction(correction, record_property):
    record_property("duree_s822_s", round(correction.duree, 1))
    record_property("duree_autograde_s822_s", round(correction.autograde.duree, 1))
    # garde-fou large (machine de CI chargée) ; la durée réelle est affichée par la fixture
    assert correction.duree < 600


def _note_fr(valeur: float) -> str:
    """Une note comme l'écrit le retour : « 1,5 », « 2 », « 0,25 »."""
    return f"{valeur:.2f}".rstrip("0").rstrip(".").replace(".", ",")


@pytest.mark.lent
def test_retour_montre_reponses_points_et_messages_visibles(correction):
    """Le retour montre ce que l'étudiant doit voir : ses réponses, ses points (total et par
    question), les tests visibles et leurs messages. Et les tests cachés en sont bien *retirés* :
    la copie corrigée du professeur les contient (le contrôle de fuite n'est pas vide de sens)."""
    etudiant, erreur = next(
        (etudiant, e)
        for etudiant, erreurs_copie in correction.copies_erreurs.items()
        for e in erreurs_copie
        if any(g.endswith("_forme") for g in e.cellules_perdues)
    )
    retour = onb.texte_html(onb.html_retour(correction.cours, DEVOIR, etudiant, NOTEBOOK))
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

    # les tests visibles : leur code et, quand ils échouent, leur message
    copie = onb.copie_autogradee(correction.cours, DEVOIR, etudiant, NOTEBOOK)
    for grade_id, cellule in onb.cellules_test(correction.source).items():
        visible = onb.remplacer_regions(
            cellule.source, onb.DEBUT_TESTS_CACHES, onb.FIN_TESTS_CACHES, ""
        )
        for ligne in visible.splitlines():
            if len(ligne.strip()) >= 16:
                assert onb.normaliser_espaces(ligne) in retour, (grade_id, ligne)
    forme = next(g for g in erreur.cellules_perdues if g.endswith("_forme"))
    (message,) = [e["evalue"] for e in onb.erreurs_cellule(onb.cellules_test(copie)[forme])]
    assert onb.normaliser_espaces(message) in retour

    # les tests cachés étaient bien dans la copie exécutée, et n'en sortent pas (sauf une ligne
    # que l'étudiant a lui-même écrite : un corrigé de requête repris dans un test caché)
    caches = onb.lignes_tests_caches(correction.source)
    assert len(onb.fuites(onb.texte_notebook(copie), caches)) == len(caches)
    soumis = onb.texte_notebook(
        onb.lire_notebook(correction.cours / "submitted" / etudiant / DEVOIR / f"{NOTEBOOK}.ipynb")
    )
    propres_aux_tests = [ligne for ligne in caches if ligne not in soumis]
    assert propres_aux_tests and onb.fuites(retour, propres_aux_tests) == []
