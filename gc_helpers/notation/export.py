"""Export des notes sur 20 pour un tableur français et pour Pronote ou l'ENT.

Utilisation (depuis la racine du dépôt ou le dossier du cours)::

    nbgrader export --exporter=gc_helpers.notation.export.ExportNotesSur20
    nbgrader export --exporter=gc_helpers.notation.export.ExportNotesSur20 --to=notes_2nde_B

Fichiers écrits dans le dossier ``--to`` (par défaut ``notes/`` dans le dossier du
cours, à côté de ``gradebook.db`` ; jamais versionné) :

``notes_<devoir>.csv``
    une ligne par élève : identifiant, nom, prénom, rendu le, points bruts,
    pénalité de retard, points (après pénalité), points max, note /20, remarque ;
``notes_ensemble.csv``
    une ligne par élève : sa note /20 à chaque devoir, puis le cumul sur les
    devoirs rendus (devoirs rendus, points bruts, pénalités, points, points max,
    note /20) ;
``pronote_<devoir>.csv``
    le fichier à importer : identifiant, nom, prénom, note (sur 20).

Format : séparateur ``;``, virgule décimale, UTF-8 avec BOM (Excel et LibreOffice
reconnaissent ainsi les accents sans assistant d'import), fins de ligne CRLF.
Notes arrondies au centième (demi vers le haut) **à l'écriture seulement**.

Élève sans copie : ``ABS`` dans la note (et cases de points vides), pas 0. Une
copie absente peut venir d'un ramassage incomplet (fichier mal nommé dans le zip,
dépôt en retard) : un 0 entrerait sans bruit dans la moyenne, « ABS » se voit et
Pronote ne le compte pas dans la moyenne. Le professeur remplace « ABS » par 0 s'il
le décide. Le cumul de ``notes_ensemble.csv`` porte sur les devoirs rendus.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import unicodedata
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.plugins import ExportPlugin
from traitlets import Int, Unicode

__all__ = [
    "ExportNotesSur20",
    "note_sur_20",
    "nombre_csv",
    "ecrire_csv",
    "COLONNES_DEVOIR",
    "COLONNES_PRONOTE",
]

COLONNES_DEVOIR = [
    "identifiant",
    "nom",
    "prénom",
    "rendu le",
    "points bruts",
    "pénalité de retard",
    "points",
    "points max",
    "note /20",
    "remarque",
]
COLONNES_PRONOTE = ["identifiant", "nom", "prénom", "note"]
COLONNES_CUMUL = [
    "devoirs rendus",
    "points bruts",
    "pénalités",
    "points",
    "points max",
    "note /20",
]
REMARQUE_ABSENT = "copie non rendue"
REMARQUE_MANUELLE = "correction manuelle à terminer : note provisoire"


def _decimal(valeur: float | int | Decimal) -> Decimal:
    # repr d'un flottant = son écriture la plus courte (0.1 et non 0.1000000000000000055…)
    return valeur if isinstance(valeur, Decimal) else Decimal(repr(float(valeur)))


def note_sur_20(points: float, points_max: float) -> Decimal:
    """Note sur 20, exacte (sans arrondi) : ``20 × points / points_max``.

    >>> note_sur_20(13, 22)
    Decimal('11.81818181818181818181818182')
    >>> note_sur_20(17.5, 20)
    Decimal('17.5')
    >>> note_sur_20(3, 0)
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: Barème nul : le devoir n'a aucun point (points max = 0) ...
    """
    from gc_helpers._erreurs import ErreurCours

    maximum = _decimal(points_max)
    if maximum <= 0:
        raise ErreurCours(
            f"Barème nul : le devoir n'a aucun point (points max = {points_max}) ; "
            "impossible de ramener la note sur 20. Vérifiez que le devoir a été généré "
            "(nbgrader generate_assignment) et que ses cellules notées ont des points."
        )
    return Decimal(20) * _decimal(points) / maximum


def nombre_csv(valeur: float | Decimal | None, decimales: int = 2) -> str:
    """Un nombre écrit pour un tableur français : virgule décimale, arrondi demi vers le haut.

    >>> nombre_csv(11.818181)
    '11,82'
    >>> nombre_csv(Decimal("12.345"))
    '12,35'
    >>> nombre_csv(20)
    '20,00'
    >>> nombre_csv(None)
    ''
    """
    if valeur is None:
        return ""
    pas = Decimal(1).scaleb(-decimales)
    arrondi = _decimal(valeur).quantize(pas, rounding=ROUND_HALF_UP)
    return f"{arrondi:f}".replace(".", ",")


def ecrire_csv(chemin: Path, colonnes: list[str], lignes: Iterable[list[str]]) -> Path:
    """Écrit un CSV « tableur français » : ``;``, UTF-8 avec BOM, fins de ligne CRLF."""
    chemin = Path(chemin)
    chemin.parent.mkdir(parents=True, exist_ok=True)
    with open(chemin, "w", encoding="utf-8-sig", newline="") as fichier:
        ecrivain = csv.writer(fichier, delimiter=";", lineterminator="\r\n")
        ecrivain.writerow(colonnes)
        ecrivain.writerows(lignes)
    return chemin


def _cle_tri(eleve) -> tuple[str, str, str]:
    def sans_accents(texte: str | None) -> str:
        decompose = unicodedata.normalize("NFKD", texte or "")
        return "".join(c for c in decompose if not unicodedata.combining(c)).casefold()

    return (sans_accents(eleve.last_name), sans_accents(eleve.first_name), eleve.id)


def _date_fr(horodatage: dt.datetime | None) -> str:
    """Heure de dépôt, en heure de Paris (nbgrader enregistre en UTC, sans fuseau)."""
    if horodatage is None:
        return ""
    utc = horodatage.replace(tzinfo=dt.UTC) if horodatage.tzinfo is None else horodatage
    try:
        from zoneinfo import ZoneInfo

        return utc.astimezone(ZoneInfo("Europe/Paris")).strftime("%d/%m/%Y %H:%M")
    except Exception:  # base des fuseaux absente (Windows sans tzdata) : on reste en UTC
        return utc.strftime("%d/%m/%Y %H:%M UTC")


class ExportNotesSur20(ExportPlugin):
    """Exporte les notes sur 20 (tableur français + fichier d'import Pronote/ENT).

    Voir la documentation du module pour les fichiers et leurs colonnes.
    ``--to`` est ici un **dossier** (plusieurs fichiers sont écrits).
    """

    absent = Unicode(
        "ABS",
        help="Ce qui est écrit dans la note d'un élève sans copie (« ABS », « 0 », ou vide).",
    ).tag(config=True)

    decimales = Int(2, help="Nombre de décimales des notes et points écrits.").tag(config=True)

    def dossier_sortie(self) -> Path:
        if self.to:
            return Path(self.to)
        coursedir = getattr(self.parent, "coursedir", None)
        racine = Path(coursedir.root) if coursedir is not None else Path(os.getcwd())
        return racine / "notes"

    def _nombre(self, valeur) -> str:
        return nombre_csv(valeur, self.decimales)

    def export(self, gradebook: Gradebook) -> None:
        dossier = self.dossier_sortie()
        voulus_devoirs = [str(a) for a in self.assignment]
        voulus_eleves = [str(s) for s in self.student]
        devoirs = sorted(
            (a for a in gradebook.assignments if not voulus_devoirs or a.name in voulus_devoirs),
            key=lambda a: (a.duedate is None, a.duedate or dt.datetime.min, a.name),
        )
        eleves = sorted(
            (s for s in gradebook.students if not voulus_eleves or s.id in voulus_eleves),
            key=_cle_tri,
        )
        self.log.info("Export des notes sur 20 dans %s", dossier)

        # cumul[identifiant] = [devoirs rendus, points bruts, pénalités, points, points max]
        cumul = {e.id: [0, Decimal(0), Decimal(0), Decimal(0), Decimal(0)] for e in eleves}
        notes_par_devoir: dict[str, dict[str, str]] = {}
        for devoir in devoirs:
            lignes, lignes_pronote, notes = [], [], {}
            for eleve in eleves:
                identite = [eleve.id, eleve.last_name or "", eleve.first_name or ""]
                try:
                    copie = gradebook.find_submission(devoir.name, eleve.id)
                except MissingEntry:
                    lignes.append(
                        [*identite, "", "", "", "", self._nombre(devoir.max_score), self.absent]
                        + [REMARQUE_ABSENT]
                    )
                    lignes_pronote.append([*identite, self.absent])
                    notes[eleve.id] = self.absent
                    continue
                brut = _decimal(copie.score)
                penalite = _decimal(copie.late_submission_penalty or 0)
                points = max(Decimal(0), brut - penalite)
                note = self._nombre(note_sur_20(points, copie.max_score))
                remarque = REMARQUE_MANUELLE if copie.needs_manual_grade else ""
                if copie.needs_manual_grade:
                    self.log.warning(
                        "%s, %s : correction manuelle à terminer, note provisoire",
                        devoir.name,
                        eleve.id,
                    )
                lignes.append(
                    [
                        *identite,
                        _date_fr(copie.timestamp),
                        self._nombre(brut),
                        self._nombre(penalite),
                        self._nombre(points),
                        self._nombre(copie.max_score),
                        note,
                        remarque,
                    ]
                )
                lignes_pronote.append([*identite, note])
                notes[eleve.id] = note
                total = cumul[eleve.id]
                total[0] += 1
                total[1] += brut
                total[2] += penalite
                total[3] += points
                total[4] += _decimal(copie.max_score)
            notes_par_devoir[devoir.name] = notes
            ecrire_csv(dossier / f"notes_{devoir.name}.csv", COLONNES_DEVOIR, lignes)
            ecrire_csv(dossier / f"pronote_{devoir.name}.csv", COLONNES_PRONOTE, lignes_pronote)
            self.log.info(
                "%s : %d copies, %d absents",
                devoir.name,
                len(eleves) - list(notes.values()).count(self.absent),
                list(notes.values()).count(self.absent),
            )

        lignes_ensemble = []
        for eleve in eleves:
            rendus, brut, penalites, points, maximum = cumul[eleve.id]
            ligne = [eleve.id, eleve.last_name or "", eleve.first_name or ""]
            ligne += [notes_par_devoir[d.name][eleve.id] for d in devoirs]
            if rendus == 0:
                ligne += [f"0 sur {len(devoirs)}", "", "", "", "", self.absent]
            else:
                ligne += [
                    f"{rendus} sur {len(devoirs)}",
                    self._nombre(brut),
                    self._nombre(penalites),
                    self._nombre(points),
                    self._nombre(maximum),
                    self._nombre(note_sur_20(points, maximum)),
                ]
            lignes_ensemble.append(ligne)
        colonnes = ["identifiant", "nom", "prénom"]
        colonnes += [f"{d.name} /20" for d in devoirs] + COLONNES_CUMUL
        ecrire_csv(dossier / "notes_ensemble.csv", colonnes, lignes_ensemble)
        self.log.info("%d élèves, %d devoirs exportés dans %s", len(eleves), len(devoirs), dossier)
