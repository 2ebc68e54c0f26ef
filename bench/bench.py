"""Mesures de performance du cours : ``make bench``.

Affiche les mesures et réécrit ``bench/RESULTS.md``. Chaque mesure est
comparée à un plancher (ce qu'on ne peut pas faire plus vite : importer
pandas et DuckDB, exécuter un notebook vide, corriger un devoir trivial) pour
que les chiffres aient un sens sur n'importe quelle machine. Ce sont des
objectifs, pas des tests : rien n'échoue si une cible est manquée, le rapport
le dit.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE / "tests"))

import outils_nbgrader as nbg  # noqa: E402  (outils partagés avec les tests du correcteur)

from gc_helpers.notation.corriger import processus_par_defaut  # noqa: E402

DEVOIR = "S822-requetes-sql"
lignes_rapport: list[str] = []


def rapporter(texte: str = "") -> None:
    print(texte, flush=True)
    lignes_rapport.append(texte)


def mediane(fonction: Callable[[], object], repetitions: int) -> float:
    durees = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()
        durees.append(time.perf_counter() - debut)
    return statistics.median(durees)


def commande(code: str) -> Callable[[], object]:
    return lambda: subprocess.run([sys.executable, "-c", code], check=True)


def verdict(valeur: float, cible: float) -> str:
    return "atteinte" if valeur <= cible else "**manquée**"


# --------------------------------------------------------------------------


def mesurer_import() -> None:
    rapporter("## Import du paquet\n")
    codes = {
        "vide": "pass",
        "plancher": "import pandas, duckdb",
        "paquet": "import gc_helpers",
        "complet": "import gc_helpers as gc; gc.requete; gc.euros; gc.tableau; gc.verifier_requete",
    }
    # Essais entrelacés, meilleur temps retenu : le démarrage d'un processus est très
    # sensible au bruit de la machine, le minimum est la mesure la plus stable.
    durees: dict[str, list[float]] = {nom: [] for nom in codes}
    for _ in range(10):
        for nom, code in codes.items():
            durees[nom].append(mediane(commande(code), 1))
    meilleur = {nom: min(valeurs) for nom, valeurs in durees.items()}
    surcout = meilleur["complet"] - meilleur["plancher"]
    rapporter("| mesure | durée (meilleur de 10) |\n|---|---|")
    rapporter(f"| `python -c pass` (interpréteur seul) | {meilleur['vide']:.3f} s |")
    rapporter(f"| `import pandas, duckdb` (plancher) | {meilleur['plancher']:.3f} s |")
    rapporter(f"| `import gc_helpers` (chargement paresseux) | {meilleur['paquet']:.3f} s |")
    rapporter(
        f"| `import gc_helpers` + données, formats, tableaux, correction | "
        f"{meilleur['complet']:.3f} s |"
    )
    rapporter(
        f"\nSurcoût du paquet par rapport au plancher : **{surcout:.3f} s** "
        f"(cible ≤ 0,3 s : {verdict(surcout, 0.3)}).\n"
    )


def mesurer_connexion() -> None:
    import gc_helpers as gc
    from gc_helpers import donnees

    rapporter("## Connexion à la base\n")
    with tempfile.TemporaryDirectory() as cache:
        code = "import gc_helpers as gc; gc.connecter()"
        env = {**os.environ, "GC_CACHE": cache}
        debut = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], env=env, check=True)
        froid = time.perf_counter() - debut
    gc.connecter()  # cache chaud
    chaud = mediane(gc.connecter, 20)
    reinit = mediane(lambda: gc.reinitialiser(), 10)
    taille = donnees._base_canonique().stat().st_size / 1e6
    rapporter("| mesure | durée |\n|---|---|")
    rapporter(f"| premier lancement (construction du cache, processus complet) | {froid:.2f} s |")
    rapporter(f"| `connecter()` (copie de travail neuve, cache chaud) | {chaud * 1000:.0f} ms |")
    rapporter(f"| `reinitialiser()` | {reinit * 1000:.0f} ms |")
    rapporter(
        f"\nBase canonique : {taille:.1f} Mo. `connecter()` : cible ≤ 0,5 s : "
        f"{verdict(chaud, 0.5)}.\n"
    )


def executer_notebook(nb: nbformat.NotebookNode, dossier: Path) -> float:
    debut = time.perf_counter()
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(dossier)}}
    ).execute()
    return time.perf_counter() - debut


def mesurer_notebooks() -> None:
    rapporter("## Exécution complète des notebooks (Run All)\n")
    dossier = RACINE / "notebooks"

    def plancher(code: str) -> float:
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
        return statistics.median(
            executer_notebook(nbformat.from_dict(nb), dossier) for _ in range(3)
        )

    noyau = plancher("pass")
    imports = plancher("import pandas, duckdb")
    rapporter(f"- Plancher « noyau » (une cellule vide) : {noyau:.2f} s")
    rapporter(
        f"- Plancher « noyau + pandas et DuckDB » (ce que paie tout notebook qui lit "
        f"des données) : {imports:.2f} s\n"
    )
    rapporter(
        "| notebook | durée | rapport au plancher noyau (cible ≤ 2×) "
        "| rapport au plancher noyau + pandas |\n|---|---|---|---|"
    )
    for chemin in sorted(dossier.glob("*.ipynb")):
        duree = statistics.median(
            executer_notebook(nbformat.read(chemin, as_version=4), chemin.parent) for _ in range(2)
        )
        rapporter(
            f"| `{chemin.name}` | {duree:.2f} s | {duree / noyau:.1f}× "
            f"({verdict(duree / noyau, 2.0)}) | {duree / imports:.1f}× |"
        )
    rapporter()


def _devoir_trivial(cours: Path) -> str:
    """Plancher : un devoir trivial (une réponse, un test) dans le cours, prêt à corriger."""
    trivial = "trivial"
    source = cours / "source" / trivial
    source.mkdir(parents=True)
    meta = {"locked": False, "schema_version": 3}
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(
                "### BEGIN SOLUTION\nx = 1\n### END SOLUTION",
                metadata={
                    "nbgrader": {**meta, "grade": False, "solution": True, "grade_id": "reponse"}
                },
            ),
            nbformat.v4.new_code_cell(
                "assert x == 1",
                metadata={
                    "nbgrader": {
                        **meta,
                        "grade": True,
                        "solution": False,
                        "locked": True,
                        "points": 1,
                        "grade_id": "test",
                    }
                },
            ),
        ]
    )
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, source / "trivial.ipynb")
    return trivial


def _autograder_une_copie(cours: Path, devoir: str) -> float:
    """Génère le devoir, dépose une copie (le corrigé) et renvoie la durée de l'autograde."""
    nbg.generer_devoir(cours, devoir)
    (notebook,) = [p.stem for p in nbg.notebooks_du_devoir(cours, devoir, "release")]
    copie = nbg.copie_corrigee(cours, devoir, notebook)
    nbg.deposer_copie(cours, devoir, "etudiant", {notebook: copie})
    return nbg.autograder(cours, devoir).duree


def mesurer_correction() -> None:
    """Chaque devoir de ``grading/source/`` : une copie (le corrigé) corrigée par nbgrader."""
    rapporter("## Correction automatique d'une copie (nbgrader autograde)\n")
    devoirs = sorted(p.name for p in (RACINE / "grading" / "source").iterdir() if p.is_dir())
    with tempfile.TemporaryDirectory() as dossier:
        cours = nbg.preparer_cours(Path(dossier) / "cours", DEVOIR)
        for devoir in devoirs:
            if devoir != DEVOIR:
                shutil.copytree(RACINE / "grading" / "source" / devoir, cours / "source" / devoir)
        trivial = _devoir_trivial(cours)
        _autograder_une_copie(cours, trivial)  # à froid (carnet de notes, caches) : non compté
        plancher = _autograder_une_copie(cours, trivial)
        durees = {devoir: _autograder_une_copie(cours, devoir) for devoir in devoirs}
    rapporter("| copie | durée | rapport au plancher |\n|---|---|---|")
    rapporter(f"| devoir trivial (plancher : nbgrader + noyau) | {plancher:.2f} s | 1.0× |")
    for devoir, duree in durees.items():
        rapporter(f"| `{devoir}`, copie complète | {duree:.2f} s | {duree / plancher:.1f}× |")
    rapporter()


def mesurer_classe(copies: int = 35) -> None:
    """Une classe de 35 copies : ``python -m gc_helpers.notation corriger`` contre
    ``nbgrader autograde`` en série, sur les mêmes copies (notes comparées)."""
    rapporter(f"## Correction d'une classe ({copies} copies de `{DEVOIR}`)\n")
    with tempfile.TemporaryDirectory() as dossier:
        cours = nbg.preparer_cours(Path(dossier) / "cours", DEVOIR)
        nbg.generer_devoir(cours, DEVOIR)
        (notebook,) = [p.stem for p in nbg.notebooks_du_devoir(cours, DEVOIR, "release")]
        # Copies réalistes : le corrigé (réponse rédigée comprise) avec une erreur type
        # différente d'une copie à l'autre, comme dans une vraie classe.
        erreurs = nbg.charger_erreurs_types(DEVOIR)
        for k in range(copies):
            erreur = erreurs[k % len(erreurs)]
            copie = nbg.copie_corrigee(cours, DEVOIR, notebook, {erreur.cellule: erreur.reponse})
            nbg.deposer_copie(cours, DEVOIR, f"eleve{k + 1:02d}", {notebook: copie})
        serie = Path(dossier) / "serie"
        shutil.copytree(cours, serie)

        charge_avant = os.getloadavg()[0]
        duree_serie = nbg.autograder(serie, DEVOIR).duree
        debut = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "gc_helpers.notation", "corriger", DEVOIR]
            + ["--racine", str(cours), "--sans-barre"],
            cwd=cours,
            env=nbg.environnement(cours),
            check=False,
            stdout=subprocess.DEVNULL,
        )
        duree_parallele = time.perf_counter() - debut
        charge_apres = os.getloadavg()[0]
        identiques = nbg.lire_notes(cours, DEVOIR) == nbg.lire_notes(serie, DEVOIR)
        nombre = len(nbg.lire_notes(cours, DEVOIR))
    gain = duree_serie / duree_parallele
    rapporter("| commande | durée | par copie |\n|---|---|---|")
    rapporter(
        f"| `nbgrader autograde` (en série) | {duree_serie:.1f} s | {duree_serie / copies:.2f} s |"
    )
    rapporter(
        f"| `python -m gc_helpers.notation corriger` ({processus_par_defaut()} processus) "
        f"| {duree_parallele:.1f} s | {duree_parallele / copies:.2f} s |"
    )
    rapporter(
        f"\nAccélération : **{gain:.2f}×** (cible ≥ 1,8× sur 2 cœurs : "
        f"{'atteinte' if gain >= 1.8 else '**manquée**'}). Notes identiques à nbgrader en série "
        f"pour les {nombre} copies : {'oui' if identiques else '**NON**'}. Charge de la machine "
        f"(moyenne sur 1 min) : {charge_avant:.1f} avant, {charge_apres:.1f} après.\n"
    )


def mesurer_widgets() -> None:
    import gc_helpers as gc
    from gc_helpers import widgets

    rapporter("## Widgets : durée d'une interaction (calcul + mise à jour de l'affichage)\n")
    con = gc.connecter()
    mesures: list[tuple[str, float]] = []

    console = widgets.console_sql(con)
    requetes = {
        "console SQL : jointure + regroupement": (
            "SELECT c.secteur_activite, round(sum(f.montant_ht), 2) AS ca_ht "
            "FROM factures f JOIN clients c USING (id_client) "
            "GROUP BY ALL ORDER BY ca_ht DESC"
        ),
        "console SQL : 20 premières lignes de clients": "SELECT * FROM clients",
        "console SQL : requête erronée (explication)": "SELEC * FROM clients",
    }
    for nom, sql in requetes.items():
        console.zone_requete.value = sql
        mesures.append((nom, mediane(console.bouton_executer.click, 10)))
    options = console.choix_table.options
    valeurs = [o[1] if isinstance(o, tuple) else o for o in options]

    def changer_table() -> None:
        console.choix_table.value = valeurs[changer_table.i % len(valeurs)]
        changer_table.i += 1

    changer_table.i = 1
    mesures.append(("console SQL : choix d'une table (schéma)", mediane(changer_table, 10)))

    ciblage = widgets.ciblage_campagne(con)

    def changer_ciblage() -> None:
        ciblage.case_consentement.value = not ciblage.case_consentement.value

    mesures.append(("ciblage de campagne : consentement RGPD", mediane(changer_ciblage, 10)))

    def changer_ca() -> None:
        curseur = ciblage.curseur_ca
        curseur.value = curseur.max / 4 if curseur.value == 0 else 0

    mesures.append(("ciblage de campagne : CA minimum", mediane(changer_ca, 10)))

    qualite = widgets.explorateur_qualite(con=con)

    def changer_seuil() -> None:
        curseur = qualite.curseur_seuil
        curseur.value = 90 if curseur.value != 90 else 75

    mesures.append(("explorateur qualité : seuil de similarité", mediane(changer_seuil, 10)))

    # Unités S512, S522, S521, S523, S531 : un contrôle de chaque widget, basculé entre deux valeurs.
    def basculer(controle: Any, x: Any, y: Any) -> Callable[[], None]:
        return lambda: setattr(controle, "value", y if controle.value == x else x)

    emprunt = widgets.simulateur_emprunt()
    emprunt.curseur_duree.value = 25  # le plus long tableau : 300 mensualités
    escompte = widgets.calculateur_escompte()
    comparateur = widgets.comparateur_financements()
    abc = widgets.explorateur_abc(con)
    prev = widgets.explorateur_prevision(con)
    stat = widgets.explorateur_statistiques(con)
    compte = widgets.explorateur_compte_client(con)
    deux_clients = [o[1] for o in compte.choix_client.options[:2]]
    plafond = widgets.simulateur_plafond()
    bfre = widgets.simulateur_bfre()
    portefeuille = widgets.simulateur_portefeuille()
    fiche = widgets.fiche_client_360(con, id_client=618)
    quiz = widgets.qcm("S41")
    segmentation = widgets.explorateur_segmentation(con)
    grille = widgets.editeur_grille_scoring(con)
    sources = widgets.grille_sources()
    seuil = widgets.simulateur_seuil()
    charge = widgets.calculateur_charge()
    plan_media = widgets.simulateur_plan_media()
    tournee = widgets.planificateur_tournee(con, id_commercial=1)
    huit, dix = (tuple(v for _, v in tournee.choix_prospects.options[:n]) for n in (8, 10))
    ratios = widgets.tableau_bord_prospection(con)
    devis = widgets.constructeur_devis()
    devis.choisir(0, "TM-PL-001", 12)
    simul_prix = widgets.simulateur_prix()
    import pandas as pd

    enquete = pd.read_csv(gc.chemin_donnees("enquete_prix.csv"))
    psycho = widgets.graphique_prix_psychologique(enquete["prix_mini"], enquete["prix_maxi"])
    for nom, action in (
        (
            "simulateur d'emprunt : 300 mensualités",
            basculer(emprunt.choix_mode, "in_fine", "annuites_constantes"),
        ),
        ("calculateur d'escompte : taux", basculer(escompte.curseur_taux, 6.5, 9)),
        ("comparateur de financements : durée", basculer(comparateur.curseur_duree, 48, 36)),
        ("explorateur ABC : critère", basculer(abc.choix_critere, "clients", "valeur")),
        ("explorateur ABC : seuil B", basculer(abc.seuil_b, 50, 60)),
        (
            "explorateur de prévision : mois/trimestres",
            basculer(prev.choix_pas, "mois", "trimestre"),
        ),
        (
            "explorateur de prévision : méthode",
            basculer(prev.choix_methode, "tendance", "moyennes"),
        ),
        ("explorateur statistique : secteur", basculer(stat.choix_secteur, "CSE", "tous")),
        (
            "compte d'exploitation client : choix du client",
            basculer(compte.choix_client, *deux_clients),
        ),
        ("simulateur de plafond : nouvelle commande", basculer(plafond.saisie_commande, 2000, 900)),
        (
            "simulateur de BFRE : action sur les stocks",
            basculer(bfre.curseurs["jours_stock_gagnes"], 10, 0),
        ),
        (
            "simulateur de portefeuille : taux de fidélité",
            basculer(portefeuille.curseur_fidelite, 0.8, 0.9),
        ),
        ("fiche client 360° : choix du client", basculer(fiche.numero, 618, 177)),
        ("QCM : correction", quiz.bouton.click),
        (
            "explorateur de segmentation : critère en colonne",
            basculer(segmentation.choix_colonne, "territoire", "(aucun)"),
        ),
        (
            "éditeur de grille de scorage : poids de l'origine",
            basculer(grille.curseurs["origine"], 5, 3),
        ),
        ("grille des sources : poids du coût", basculer(sources.curseurs["cout"], 5, 1)),
        ("simulateur de seuil : charges fixes", basculer(seuil.saisie_cf, 30_000, 36_000)),
        ("calculateur de charge : part en clientèle", basculer(charge.curseur_part, 0.7, 0.6)),
        (
            "simulateur de plan média : insertions d'un support",
            basculer(plan_media.curseurs["Courriel (fichier loué)"], 1, 4),
        ),
        (
            "planificateur de tournée : 8 ou 10 prospects",
            basculer(tournee.choix_prospects, huit, dix),
        ),
        (
            "tableau de bord de la prospection : ratio comparé",
            basculer(ratios.choix_ratio, "effort", "transformation"),
        ),
        ("constructeur de devis : remise", basculer(devis.remise_1, 10, 5)),
        ("simulateur de prix : prix", basculer(simul_prix.curseur_prix, 16.4, 14.9)),
        ("prix psychologique : prix choisi", basculer(psycho.curseur_prix, 55.0, 45.0)),
    ):
        mesures.append((nom, mediane(action, 10)))

    rapporter("| interaction | durée | cible ≤ 50 ms |\n|---|---|---|")
    for nom, duree in mesures:
        rapporter(f"| {nom} | {duree * 1000:.1f} ms | {verdict(duree, 0.05)} |")
    rapporter()


SECTIONS = {
    "import": mesurer_import,
    "connexion": mesurer_connexion,
    "widgets": mesurer_widgets,
    "notebooks": mesurer_notebooks,
    "correction": mesurer_correction,
    "classe": mesurer_classe,
}


def remplacer_sections(ancien: str, nouveau: list[str]) -> str:
    """Remplace dans ``ancien`` (RESULTS.md) les sections « ## … » présentes dans ``nouveau``."""

    def decouper(lignes: list[str]) -> list[list[str]]:
        blocs: list[list[str]] = [[]]
        for ligne in lignes:
            if ligne.startswith("## "):
                blocs.append([])
            blocs[-1].append(ligne)
        return blocs

    # Une ligne du rapport peut en contenir plusieurs (« ## Titre\n ») : on redécoupe.
    neufs = {bloc[0]: bloc for bloc in decouper("\n".join(nouveau).splitlines())[1:]}
    blocs = decouper(ancien.splitlines())
    vus = {bloc[0] for bloc in blocs[1:]}
    sortie = [ligne for bloc in blocs for ligne in neufs.get(bloc[0], bloc)]
    sortie += [ligne for titre, bloc in neufs.items() if titre not in vus for ligne in bloc]
    return "\n".join(sortie) + "\n"


def main() -> None:
    """``bench.py`` mesure tout ; ``bench.py classe …`` seulement ces sections (remplacées
    dans ``bench/RESULTS.md``, le reste du fichier est gardé)."""
    choisies = sys.argv[1:]
    inconnues = set(choisies) - set(SECTIONS)
    if inconnues:
        sys.exit(f"Sections inconnues : {sorted(inconnues)} ; possibles : {list(SECTIONS)}")
    if choisies:
        for nom in choisies:
            SECTIONS[nom]()
        resultats = RACINE / "bench" / "RESULTS.md"
        resultats.write_text(
            remplacer_sections(resultats.read_text("utf-8"), lignes_rapport), "utf-8"
        )
        print("\nSections mises à jour dans bench/RESULTS.md")
        return
    rapporter("# Mesures de performance\n")
    rapporter(
        f"Mesuré le {dt.date.today():%d/%m/%Y} par `make bench` ; machine : "
        f"{platform.machine()}, {os.cpu_count()} cœurs, Python {platform.python_version()}. "
        "Médianes de plusieurs essais.\n"
    )
    mesurer_import()
    mesurer_connexion()
    mesurer_widgets()
    mesurer_notebooks()
    mesurer_correction()
    mesurer_classe()
    (RACINE / "bench" / "RESULTS.md").write_text("\n".join(lignes_rapport) + "\n", "utf-8")
    print("\nRésultats enregistrés dans bench/RESULTS.md")


if __name__ == "__main__":
    main()
