"""Le catalogue des quatorze unités du cours et la progression sur deux ans.

Une seule source pour le sommaire (``notebooks/00_sommaire.ipynb``), le README
et les tests : code de l'unité, titre, place dans les deux années, durée,
axe du programme, notebook et devoirs notés (nbgrader).

Sources (guide d'accompagnement pédagogique du BTS NRC, dans
``syllabus/``) :

- **année, période, durée** : le calendrier « Progression sur les 2 ans »
  (21 semaines de cours par année) et les horaires donnés unité par unité ;
  quand le texte d'une unité diffère du calendrier, ``remarque`` le signale ;
- **progression par blocs** : la « Proposition de progression » du guide,
  qui regroupe les unités en grands blocs, en classe entière ou en demi-groupe
  (voir :func:`progression`).

>>> len(UNITES)
14
>>> unite("S822").titre
'Utilisation de bases de données clients/prospects'
>>> unite("S822").notebook
'S822_bases_de_donnees.ipynb'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ._erreurs import verifier_nom

__all__ = [
    "AXES",
    "HEURES_PAR_SEMAINE",
    "Unite",
    "UNITES",
    "unite",
    "unites",
    "tableau_markdown",
    "progression",
    "devoirs",
]

#: Horaire hebdomadaire de l'enseignement, en 1re comme en 2e année
#: (4 h de cours + 1 h de travaux dirigés en demi-groupe).
HEURES_PAR_SEMAINE = 5

#: Les axes du programme (0 : la toile de fond commune à tout le cours).
AXES: dict[int, str] = {
    0: "Fondements de la gestion de clientèles",
    1: "Connaissance et analyse de clientèle",
    2: "Gestion de la rentabilité et du risque clientèle",
    3: "Action sur la clientèle",
}


@dataclass(frozen=True)
class Unite:
    """Une unité du programme « Gestion de clientèles ».

    ``annee`` est l'année où l'unité commence ; ``suite_en_2e_annee`` signale une
    unité reprise en 2e année (S531, S823). ``heures`` est le volume donné par le
    guide quand il le précise, sinon une
    estimation : ``semaines`` × 5 h (l'horaire hebdomadaire) ; ``None`` quand
    l'unité n'a pas de durée fixe (TD répartis dans l'année).
    """

    code: str
    titre: str
    annee: str
    periode: str
    duree: str
    semaines: int | None
    heures: int | None
    axe: int
    notebook: str
    savoirs: tuple[str, ...]
    devoirs: tuple[str, ...] = ()
    remarque: str = ""
    suite_en_2e_annee: bool = False

    @property
    def annees(self) -> str:
        """L'année à afficher : « 1re et 2e année » pour une unité répartie sur les deux.

        >>> unite("S531").annees, unite("S822").annees
        ('1re et 2e année', '2e année')
        """
        return "1re et 2e année" if self.suite_en_2e_annee else self.annee

    @property
    def intitule_axe(self) -> str:
        """L'intitulé de l'axe du programme.

        >>> unite("S522").intitule_axe
        'Gestion de la rentabilité et du risque clientèle'
        """
        return AXES[self.axe]


UNITES: tuple[Unite, ...] = (
    Unite(
        code="S41",
        titre="La mercatique, une démarche centrée sur le client",
        annee="1re année",
        periode="septembre",
        duree="2 semaines, cours + TD (9 h)",
        semaines=2,
        heures=9,
        axe=0,
        notebook="S41_mercatique.ipynb",
        savoirs=(
            "Définition, enjeux, évolution",
            "Fonction transversale dans l'entreprise",
            "Importance du client : la mercatique relationnelle",
            "Place du commercial dans le système d'information mercatique",
        ),
    ),
    Unite(
        code="S431",
        titre="La connaissance du client",
        annee="1re année",
        periode="septembre",
        duree="2 semaines, cours + exercices (8 h)",
        semaines=2,
        heures=8,
        axe=1,
        notebook="S431_connaissance_client.ipynb",
        savoirs=("Fondements", "Objectifs", "Analyse et gestion du portefeuille de clients"),
    ),
    Unite(
        code="S821",
        titre="Recherche des informations commerciales",
        annee="1re année",
        periode="octobre",
        duree="2 semaines de cours (8 h) + 2 TD sur poste (4 h)",
        semaines=2,
        heures=12,
        axe=1,
        notebook="S821_recherche_informations.ipynb",
        savoirs=(
            "Méthodes de recherche",
            "Collecte et capture des informations",
            "Stockage et mise à disposition",
        ),
        remarque="À traiter avant le premier stage.",
    ),
    Unite(
        code="S432",
        titre="Les outils de la connaissance",
        annee="1re année",
        periode="octobre–novembre",
        duree="3 semaines, cours + TD",
        semaines=3,
        heures=15,
        axe=1,
        notebook="S432_outils_connaissance.ipynb",
        savoirs=(
            "Outils de stockage (base de données, entrepôt de données, datamarts), "
            "architecture du système d'information mercatique, géomercatique",
            "Segmentation",
            "Forage de données",
            "Scorage",
        ),
        devoirs=("S432-scoring-clients",),
        remarque="Le texte de l'unité indique novembre ; le calendrier la commence en octobre.",
    ),
    Unite(
        code="S822",
        titre="Utilisation de bases de données clients/prospects",
        annee="2e année",
        periode="septembre (début de 2e année)",
        duree="2 semaines en TD (demi-groupe, sur poste)",
        semaines=2,
        heures=10,
        axe=1,
        notebook="S822_bases_de_donnees.ipynb",
        savoirs=(
            "Saisie des informations",
            "Fiabilisation des données",
            "Qualification et mise à jour",
            "Exploitation des données",
        ),
        devoirs=("S822-requetes-sql",),
    ),
    Unite(
        code="S522",
        titre="L'analyse du portefeuille clients/prospects",
        annee="1re année",
        periode="décembre–janvier",
        duree="5 semaines, cours + TD",
        semaines=5,
        heures=25,
        axe=2,
        notebook="S522_analyse_portefeuille.ipynb",
        savoirs=(
            "Analyse statistique des ventes, représentations graphiques, indicateurs de "
            "position et de dispersion",
            "Prévision des ventes : corrélation et variations saisonnières, agrégation des "
            "prévisions individuelles",
            "Structure d'un portefeuille : segmentation sur chiffre d'affaires potentiel "
            "(20/80, ABC) ou sur d'autres critères",
            "Indicateurs de détention produits, de rentabilité et de risque du portefeuille",
        ),
        devoirs=("S522-statistiques-ventes", "S522-prevision-saisonniere"),
    ),
    Unite(
        code="S521",
        titre="L'analyse de la valeur et du risque individuel client",
        annee="2e année",
        periode="décembre–janvier",
        duree="7 semaines",
        semaines=7,
        heures=35,
        axe=2,
        notebook="S521_valeur_risque_client.ipynb",
        savoirs=(
            "Estimation de la valeur d'un client/prospect : chiffre d'affaires et marge, réels, "
            "potentiels, potentiels accessibles, qualification, scorage",
            "Rentabilité client : compte d'exploitation client, coût d'acquisition, retour sur "
            "investissement",
            "Mesure du risque client : solvabilité, encours",
            "Gestion du risque client : affacturage, recouvrement, plafonds de crédit",
        ),
        remarque="Le calendrier la place après le stage de décembre (janvier–février).",
    ),
    Unite(
        code="S523",
        titre="La prise en compte du risque global pour l'entreprise",
        annee="2e année",
        periode="février",
        duree="2 semaines",
        semaines=2,
        heures=10,
        axe=2,
        notebook="S523_risque_global.ipynb",
        savoirs=(
            "Impact des délais de règlement sur la structure financière (délais et rotation "
            "des créances clients)",
            "Impact du niveau des stocks sur l'équilibre de l'entreprise (stocks et rotation)",
            "Actions d'amélioration du besoin en fonds de roulement d'exploitation",
        ),
    ),
    Unite(
        code="S512",
        titre="Les règlements et le financement",
        annee="2e année",
        periode="mars",
        duree="4 semaines",
        semaines=4,
        heures=20,
        axe=2,
        notebook="S512_reglements_financement.ipynb",
        savoirs=(
            "Les modes de règlement",
            "Intérêts simples : escompte de règlement, report d'échéance, escompte bancaire, "
            "pénalités",
            "Moyens de financement : emprunt, LOA, location, LLD",
            "Intérêts composés : annuités, tableaux de remboursement d'emprunt, valeur actuelle "
            "et valeur acquise",
        ),
        devoirs=("S512-financement",),
        remarque="La progression par blocs la place en 1re année, avec la prospection.",
    ),
    Unite(
        code="S531",
        titre="L'estimation de l'effort commercial",
        annee="1re année",
        periode="mars (points 1, 3, 4) ; points 2 et 5 en mars de 2e année",
        duree="4 semaines en 1re année + 2 semaines en 2e année",
        semaines=6,
        heures=30,
        axe=3,
        notebook="S531_effort_commercial.ipynb",
        savoirs=(
            "1. Plans de prospection/fidélisation : choix des outils de communication et "
            "d'organisation",
            "2. Techniques de suivi d'affaires",
            "3. Évaluation de la charge de travail",
            "4. Coûts commerciaux : coût complet, coût direct, coûts fixes et variables, "
            "seuil de rentabilité",
            "5. Principes de l'amortissement",
        ),
        devoirs=("S531-seuil-rentabilite",),
        suite_en_2e_annee=True,
    ),
    Unite(
        code="S442",
        titre="Détermination et gestion de l'offre produits/services",
        annee="1re année",
        periode="janvier",
        duree="3 semaines, cours + TD",
        semaines=3,
        heures=15,
        axe=3,
        notebook="S442_offre.ipynb",
        savoirs=(
            "Définition et évolution",
            "Éléments de différenciation de l'offre",
            "Formalisation de la solution commerciale (devis complexes)",
        ),
        remarque="La progression par blocs la place en 2e année (plan d'action commerciale).",
    ),
    Unite(
        code="S443",
        titre="La fixation du prix",
        annee="2e année",
        periode="septembre",
        duree="2 semaines, cours + TD",
        semaines=2,
        heures=10,
        axe=3,
        notebook="S443_fixation_prix.ipynb",
        savoirs=(
            "Principes stratégiques",
            "Modalités de fixation des prix (offre, demande, coûts, tarification différenciée)",
        ),
    ),
    Unite(
        code="S445",
        titre="La communication médias",
        annee="2e année",
        periode="octobre",
        duree="2 semaines, cours + TD",
        semaines=2,
        heures=10,
        axe=3,
        notebook="S445_communication_medias.ipynb",
        savoirs=("Outils", "Utilisation de campagnes médias"),
    ),
    Unite(
        code="S823",
        titre="Organisation de la prospection",
        annee="1re année",
        periode="TD tout au long de l'année (avec la prospection), repris en 2e année",
        duree="TD en demi-groupe, sur poste (pas de durée fixe)",
        semaines=None,
        heures=None,
        axe=3,
        notebook="S823_prospection.ipynb",
        savoirs=(
            "Plans de prospection informatisés",
            "Gestion d'itinéraires",
            "Utilisation des intranets en prospection",
            "Prospection assistée",
            "Outils d'évaluation de la prospection",
        ),
        remarque="Le guide indique « 1re année / 2e année, en TD ».",
        suite_en_2e_annee=True,
    ),
)

_PAR_CODE = {u.code: u for u in UNITES}


def unite(code: str) -> Unite:
    """L'unité de code ``code`` (« S822 »…), avec un message clair si le code est inconnu.

    >>> unite("S512").annee
    '2e année'
    >>> unite("s 822").code  # la casse et les espaces ne comptent pas
    'S822'
    >>> unite("S8222")
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.NomInconnu: L'unité 'S8222' n'existe pas. ... Vouliez-vous dire 'S822' ?
    """
    code = str(code).strip().upper().replace(" ", "")
    verifier_nom(code, list(_PAR_CODE), quoi="L'unité")
    return _PAR_CODE[code]


def unites() -> pd.DataFrame:
    """Le catalogue sous forme de tableau, une ligne par unité (ordre du programme).

    >>> df = unites()
    >>> df.shape[0], df["code"].is_unique
    (14, True)
    >>> df.loc[df["code"] == "S822", ["annee", "devoirs"]].values.tolist()
    [['2e année', 'S822-requetes-sql']]
    """
    lignes = [
        {
            "code": u.code,
            "titre": u.titre,
            "annee": u.annee,
            "annees": u.annees,
            "periode": u.periode,
            "duree": u.duree,
            "semaines": u.semaines,
            "heures": u.heures,
            "axe": u.axe,
            "intitule_axe": u.intitule_axe,
            "notebook": u.notebook,
            "devoirs": ", ".join(u.devoirs),
            "remarque": u.remarque,
        }
        for u in UNITES
    ]
    df = pd.DataFrame(lignes)
    # Entiers « à trous » : S823 n'a pas de durée fixe.
    df["semaines"] = df["semaines"].astype("Int64")
    df["heures"] = df["heures"].astype("Int64")
    return df


def devoirs() -> pd.DataFrame:
    """Les devoirs notés (nbgrader), un par ligne, avec leur unité.

    >>> devoirs().query("unite == 'S822'")["devoir"].tolist()
    ['S822-requetes-sql']
    """
    lignes = [
        {"devoir": d, "unite": u.code, "titre_unite": u.titre} for u in UNITES for d in u.devoirs
    ]
    return pd.DataFrame(lignes, columns=["devoir", "unite", "titre_unite"])


def _racine_projet() -> Path:
    return Path(__file__).resolve().parent.parent


def _dossier_notebooks(dossier: str | Path | None) -> Path:
    """Le dossier des notebooks : celui donné, celui du dépôt, sinon le dossier courant."""
    if dossier is not None:
        return Path(dossier)
    depot = _racine_projet() / "notebooks"
    return depot if depot.is_dir() else Path.cwd()


def _echapper(texte: str) -> str:
    # Une barre verticale casserait les colonnes du tableau Markdown.
    return texte.replace("|", "\\|")


def tableau_markdown(
    dossier: str | Path | None = None,
    prefixe_lien: str = "",
    dossier_devoirs: str | Path | None = None,
) -> str:
    """Le tableau Markdown des unités : code, titre, année, notebook, devoirs.

    Le nom du notebook n'est un lien que si le fichier existe dans ``dossier``
    (par défaut ``notebooks/`` du dépôt) ; sinon la case indique « à venir ».
    ``prefixe_lien`` précède chaque lien (``"notebooks/"`` pour le README,
    rien pour le sommaire, qui est dans le même dossier). Quand le dossier des
    devoirs (``grading/source``) existe, un devoir qui n'y est pas encore est
    marqué « (prévu) ».

    >>> texte = tableau_markdown(dossier="/inexistant", dossier_devoirs="/inexistant")
    >>> texte.splitlines()[0]
    '| Unité | Titre | Année | Notebook | Devoir noté |'
    >>> len(texte.splitlines())
    16
    >>> [l for l in texte.splitlines() if "S822" in l][0]  # doctest: +NORMALIZE_WHITESPACE
    '| S822 | Utilisation de bases de données clients/prospects | 2e année | à venir
    | S822-requetes-sql |'
    """
    dossier_nb = _dossier_notebooks(dossier)
    if dossier_devoirs is None:
        dossier_devoirs = _racine_projet() / "grading" / "source"
    dossier_devoirs = Path(dossier_devoirs)
    lignes = [
        "| Unité | Titre | Année | Notebook | Devoir noté |",
        "|---|---|---|---|---|",
    ]
    for u in UNITES:
        if (dossier_nb / u.notebook).is_file():
            lien = f"[{u.notebook}]({prefixe_lien}{u.notebook})"
        else:
            lien = "à venir"
        noms = []
        for d in u.devoirs:
            prevu = dossier_devoirs.is_dir() and not (dossier_devoirs / d).is_dir()
            noms.append(f"{d} (prévu)" if prevu else d)
        lignes.append(
            f"| {u.code} | {_echapper(u.titre)} | {u.annees} | {lien} | {', '.join(noms) or '—'} |"
        )
    return "\n".join(lignes)


# La « Proposition de progression » du guide : grands blocs, horaire en classe
# entière (savoirs) ou dédoublé (travail sur poste). Ordre du guide.
_BLOCS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("1re année", "La connaissance du client", ("S41", "S431"), ("S821",)),
    ("1re année", "La prospection", ("S531", "S512"), ("S823",)),
    ("2e année", "L'intégration au plan d'action commerciale", ("S442", "S443", "S445"), ()),
    ("2e année", "L'évaluation du client", ("S432", "S522"), ("S822",)),
    ("2e année", "La gestion de la rentabilité et du risque", ("S521", "S523"), ()),
)


def progression() -> pd.DataFrame:
    """La progression sur deux ans par grands blocs, d'après le guide pédagogique.

    Une ligne par unité : année, bloc, horaire (« classe entière » pour
    l'étude des savoirs, « demi-groupe » pour le travail sur poste), code,
    titre. Le guide la donne « à titre d'exemple » : elle diffère du
    calendrier (:func:`unites`, colonnes ``annee`` et ``periode``), qui
    reste la référence des durées.

    >>> p = progression()
    >>> p.shape[0], sorted(p["code"]) == sorted(u.code for u in UNITES)
    (14, True)
    >>> p.loc[p["code"] == "S822", ["annee", "bloc", "horaire"]].values.tolist()
    [['2e année', "L'évaluation du client", 'demi-groupe']]
    """
    lignes = []
    for annee, bloc, entiere, dedoublee in _BLOCS:
        for horaire, codes in (("classe entière", entiere), ("demi-groupe", dedoublee)):
            for code in codes:
                lignes.append(
                    {
                        "annee": annee,
                        "bloc": bloc,
                        "horaire": horaire,
                        "code": code,
                        "titre": _PAR_CODE[code].titre,
                    }
                )
    return pd.DataFrame(lignes, columns=["annee", "bloc", "horaire", "code", "titre"])
