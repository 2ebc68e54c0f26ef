"""Ce que voit un étudiant ou un professeur dans un vrai JupyterLab (Chromium piloté par Playwright).

Un seul serveur « make lab » pour tout le module, sur une copie des notebooks
(l'enregistrement automatique de JupyterLab ne doit pas écrire de sorties dans
le dépôt). Le navigateur est le Chromium de Debian, sans accès au réseau.
Captures d'écran : tests/artefacts/ (la CI les garde ; quelques-unes sont
reprises dans docs/captures/ pour le README).
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import outils_nbgrader as nbg
import pytest
from outils_lab import copie_du_depot, lancer_lab

pytestmark = pytest.mark.navigateur

RACINE = Path(__file__).resolve().parent.parent
ARTEFACTS = RACINE / "tests" / "artefacts"
CHROMIUM = Path("/usr/bin/chromium")
DEVOIR = "S822-requetes-sql"
DEVOIR_CALCUL = "S531-seuil-rentabilite"
OPTIONS_CHROMIUM = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


@pytest.fixture(scope="module")
def depot(tmp_path_factory) -> Path:
    """Copie du dépôt (notebooks, cours) + deux devoirs tels que distribués, téléchargés :
    S822 (requêtes SQL) et S531 (calculs)."""
    copie = copie_du_depot(tmp_path_factory.mktemp("depot") / "gestion-clientele")
    cours = nbg.preparer_cours(
        tmp_path_factory.mktemp("cours"), DEVOIR, fichiers_en_plus=(f"source/{DEVOIR_CALCUL}",)
    )
    for devoir in (DEVOIR, DEVOIR_CALCUL):
        nbg.generer_devoir(cours, devoir)
        shutil.copytree(cours / "release" / devoir, copie / devoir)
    return copie


@pytest.fixture(scope="module")
def serveur(depot):
    with lancer_lab("--LabApp.expose_app_in_browser=True", depot=depot) as lance:
        yield lance


@pytest.fixture(scope="module")
def navigateur():
    if not CHROMIUM.is_file():
        pytest.fail(
            "Chromium est absent (/usr/bin/chromium) : apt-get install chromium. "
            "Les tests du navigateur ne sont jamais sautés."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        navigateur = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=OPTIONS_CHROMIUM
        )
        yield navigateur
        navigateur.close()


@pytest.fixture
def page(navigateur, serveur, request):
    contexte = navigateur.new_context(viewport={"width": 1280, "height": 800}, locale="fr-FR")
    page = contexte.new_page()
    # Le test ne doit jamais sortir de la boucle locale.
    page.route(re.compile(r"^(?!http://127\.0\.0\.1:)https?://"), lambda route: route.abort())
    yield page
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{request.node.name}.png"))
    contexte.close()


# Le notebook affiché (les autres onglets sont cachés mais restent dans la page).
ACTIF = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def _ouvrir(page, serveur, chemin: str) -> None:
    # ?reset : espace de travail vide, sans les onglets laissés par le test précédent.
    page.goto(serveur.url(f"/lab/tree/{chemin}?reset"))
    page.wait_for_selector(f"{ACTIF} .jp-Cell", timeout=60_000)
    _attendre_noyau(page)


def _attendre_noyau(page, delai: int = 60_000) -> None:
    page.wait_for_function(
        """() => {
            const app = window.jupyterapp;
            const w = app && app.shell.currentWidget;
            const s = w && w.sessionContext && w.sessionContext.session;
            return s && s.kernel && s.kernel.status === 'idle';
        }""",
        timeout=delai,
    )


def _tout_executer(page) -> None:
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    # Fini quand plus aucune cellule n'affiche [*] et que le noyau est au repos.
    page.wait_for_timeout(500)
    page.wait_for_function(
        """() => ![...document.querySelectorAll('.jp-InputPrompt')]
                    .some(e => e.textContent.includes('*'))""",
        timeout=120_000,
    )
    _attendre_noyau(page)


def _capture(page, nom: str, element=None) -> None:
    """Capture d'écran d'un moment du scénario (tests/artefacts/, gardées par la CI)."""
    ARTEFACTS.mkdir(exist_ok=True)
    cible = element if element is not None else page
    cible.screenshot(path=str(ARTEFACTS / f"{nom}.png"))


def _texte(page, selecteur: str) -> str:
    # textContent et non innerText : JupyterLab ne dessine pas les cellules hors écran.
    return page.eval_on_selector(selecteur, "e => e.textContent")


def _erreurs_affichees(page) -> list[str]:
    return page.eval_on_selector_all(
        ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
        "els => els.map(e => e.textContent.slice(0, 300))",
    )


def test_sommaire_puis_unite_sans_erreur(page, serveur):
    _ouvrir(page, serveur, "notebooks/00_sommaire.ipynb")
    _tout_executer(page)
    assert not _erreurs_affichees(page)
    texte = _texte(page, f"{ACTIF} .jp-Notebook")
    assert "Les unités du cours" in texte
    # Le lien du tableau des unités mène au notebook S822.
    page.click(".jp-RenderedMarkdown a[href*='S822_bases_de_donnees.ipynb']")
    page.wait_for_function(
        "() => window.jupyterapp.shell.currentWidget.title.label.startsWith('S822')",
        timeout=30_000,
    )
    page.wait_for_selector(f"{ACTIF} .jp-Cell")
    _attendre_noyau(page)
    _tout_executer(page)
    assert not _erreurs_affichees(page)
    texte = _texte(page, f"{ACTIF} .jp-Notebook")
    assert "Fiabilisation des données" in texte
    assert "€" in texte and "\u202f" in texte  # montants à la française


def _widget_et_bilan(page, serveur, controle: str, texte: str):
    """Ouvre S822, exécute tout, et renvoie la sortie du widget qui contient ``controle``
    et le bloc de texte (bilan) de ce widget qui contient ``texte``."""
    _ouvrir(page, serveur, "notebooks/S822_bases_de_donnees.ipynb")
    _tout_executer(page)
    widget = page.locator(".jp-OutputArea-output", has=page.locator(controle)).filter(
        has_text=texte
    )
    widget.scroll_into_view_if_needed()
    return widget, widget.locator(".widget-html-content", has_text=texte)


def test_widget_de_ciblage_reagit(page, serveur):
    widget, bilan = _widget_et_bilan(page, serveur, ".widget-checkbox", "à cibler")
    avant = bilan.text_content()
    assert "exclus faute de consentement" in avant
    # Le clic est envoyé à la case elle-même (événement DOM) et non à des coordonnées :
    # après « Run All », JupyterLab peut encore faire défiler le notebook sous le pointeur.
    case = widget.locator(".widget-checkbox input[type=checkbox]")
    assert case.is_checked()
    case.dispatch_event("click")
    assert not case.is_checked()
    page.wait_for_function(
        "e => e.textContent.includes('sans consentement sont inclus')",
        arg=bilan.element_handle(),
        timeout=30_000,
    )
    assert bilan.text_content() != avant
    _capture(page, "ciblage_campagne")


def test_curseur_des_doublons_reagit(page, serveur):
    """Le curseur du seuil de similarité, manié au clavier comme le ferait un étudiant."""
    widget, bilan = _widget_et_bilan(page, serveur, ".widget-slider", "doublons probables")
    avant = bilan.text_content()
    poignee = widget.locator(".noUi-handle").first
    poignee.focus()
    for _ in range(15):  # seuil plus bas : davantage de paires
        page.keyboard.press("ArrowLeft")
    nombre = re.compile(r"(\d[\d\u202f]*) paires? de doublons")

    def n_paires(texte: str) -> int:
        return int(nombre.search(texte).group(1).replace("\u202f", ""))

    n_avant = n_paires(avant)
    # Chaque pression met le bilan à jour : on attend que le dernier seuil soit
    # appliqué (et non le premier changement de texte, qui peut garder le même nombre).
    limite = time.monotonic() + 10
    while n_paires(bilan.text_content()) <= n_avant and time.monotonic() < limite:
        page.wait_for_timeout(100)
    assert n_paires(bilan.text_content()) > n_avant


def test_console_sql(page, serveur):
    _ouvrir(page, serveur, "notebooks/S822_bases_de_donnees.ipynb")
    _tout_executer(page)
    zone = page.locator(".widget-textarea textarea").first
    zone.scroll_into_view_if_needed()
    zone.fill("SELECT nom, prenom, secteur FROM commerciaux ORDER BY nom")
    page.get_by_role("button", name="Exécuter").first.click()
    page.wait_for_selector(".gc-tableau >> text=secteur", timeout=10_000)
    page.wait_for_selector("text=8 lignes au total", timeout=10_000)
    _capture(page, "console_sql_resultat")
    zone.fill("SELEC nom FROM commerciaux")
    page.get_by_role("button", name="Exécuter").first.click()
    page.wait_for_selector("text=Erreur de syntaxe SQL", timeout=10_000)


def test_devoir_valider(page, serveur):
    _ouvrir(page, serveur, f"{DEVOIR}/{DEVOIR}.ipynb")
    cellule = page.locator(".jp-CodeCell", has_text="requete_q1 =").first
    cellule.scroll_into_view_if_needed()
    cellule.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.type(
        'requete_q1 = """\nSELECT id_client, raison_sociale, email FROM clients\n'
        "WHERE secteur_activite = 'hôtel' AND ville = 'Paris' AND optin_email\n\"\"\"\n"
    )
    page.get_by_role("button", name="Validate").click()
    dialogue = page.locator(".jp-Dialog-content")
    dialogue.wait_for(timeout=120_000)
    page.wait_for_function(
        "() => !document.querySelector('.jp-Dialog-content').textContent.includes('Validating')",
        timeout=120_000,
    )
    texte = dialogue.inner_text()
    # Une seule réponse remplie : nbgrader liste les autres tests en échec, en français.
    assert "Validation" in texte or "failed" in texte or "Success" in texte
    assert "Vous n'avez pas encore écrit" in texte


def _cellule(page, debut: str):
    """La cellule du notebook affiché dont le code contient ``debut``, amenée à l'écran par
    JupyterLab (qui ne dessine pas le code des cellules hors écran)."""
    index = page.evaluate(
        """async (debut) => {
            const notebook = window.jupyterapp.shell.currentWidget.content;
            const cellules = notebook.model.sharedModel.cells;
            const i = cellules.findIndex(c => c.getSource().includes(debut));
            if (i >= 0) { notebook.activeCellIndex = i; await notebook.scrollToItem(i); }
            return i;
        }""",
        debut,
    )
    assert index >= 0, f"aucune cellule ne contient {debut!r}"
    return page.locator(f"{ACTIF} .jp-Cell").nth(index)


def _executer_cellule(page, cellule) -> None:
    """Exécute une cellule comme l'élève : clic dans la cellule, Ctrl+Entrée, noyau au repos."""
    cellule.scroll_into_view_if_needed()
    cellule.locator(".cm-content").click()
    page.keyboard.press("Control+Enter")
    page.wait_for_timeout(300)
    _attendre_noyau(page)


def _remplacer_code(page, cellule, code: str) -> None:
    cellule.scroll_into_view_if_needed()
    cellule.locator(".cm-content").click()
    page.keyboard.press("Control+a")
    page.keyboard.type(code)


def test_devoir_de_calcul_guide_l_eleve(page, serveur):
    """Devoir de calcul distribué : l'élève exécute le test visible d'une question encore vide,
    puis répond avec un taux en pourcentage, puis corrige ; chaque fois, un message français
    lui dit où il en est (sans jamais donner la valeur attendue)."""
    _ouvrir(page, serveur, f"{DEVOIR_CALCUL}/{DEVOIR_CALCUL}.ipynb")
    _executer_cellule(page, _cellule(page, "con = gc.connecter()"))
    reponse = _cellule(page, "# Question 7 : seuil de rentabilité")
    test = _cellule(page, 'lire_reponse("seuil")')

    _executer_cellule(page, test)
    assert "Vous n'avez pas encore écrit votre réponse « seuil »" in test.text_content()

    _remplacer_code(page, reponse, "seuil = 20960 / 35")
    _executer_cellule(page, reponse)
    _executer_cellule(page, test)
    message = test.locator(".jp-OutputArea").text_content()
    assert "bien trop petit" in message and "en décimal (0,35)" in message, message

    _remplacer_code(page, reponse, "seuil = 20960 / 0.35")
    _executer_cellule(page, reponse)
    _executer_cellule(page, test)
    message = test.locator(".jp-OutputArea").text_content()
    assert "Question 7 : réponse de la bonne forme" in message, message
    assert "59" not in message  # la valeur attendue n'est jamais montrée
    _capture(page, "devoir_calcul_question_7", element=test)


def test_formgrader_liste_les_devoirs(page, serveur):
    page.goto(serveur.url("/formgrader"))
    page.wait_for_selector(f"text={DEVOIR}", timeout=30_000)
