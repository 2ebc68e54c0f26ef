"""Questionnaire à choix multiples (QCM) auto-corrigé, réutilisable par toutes les unités.

Les questions sont des **données** (:class:`Question`) : une unité ajoute sa banque
dans ``BANQUES`` depuis son propre module de widgets (``BANQUES["S41"] = (...)``), ou
passe directement sa liste de questions à :func:`qcm`. La correction
(:func:`corriger_qcm`) est une fonction ordinaire, testable sans navigateur ; le
widget :class:`QCM` l'appelle quand l'étudiant clique sur « Corriger ».

>>> q = Question("2 + 2 ?", ("3", "4", "5"), bonnes=(1,), explication="Calcul mental.")
>>> bool(corriger_qcm([q], [(1,)]).loc[0, "juste"])
True
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
import pandas as pd

from .._erreurs import ErreurCours, verifier_nom
from ._commun import _LARGEUR, _html_message

__all__ = ["Question", "BANQUES", "corriger_qcm", "QCM", "qcm"]


@dataclass(frozen=True)
class Question:
    """Une question : énoncé, propositions, indices (à partir de 0) des bonnes réponses.

    Avec une seule bonne réponse, l'étudiant coche un bouton ; avec plusieurs, des cases
    (il faut cocher toutes les bonnes et aucune mauvaise). ``explication`` est montrée
    après la correction, juste ou non : elle dit pourquoi.
    """

    enonce: str
    choix: tuple[str, ...]
    bonnes: tuple[int, ...]
    explication: str

    def __post_init__(self) -> None:
        if len(self.choix) < 2:
            raise ErreurCours(
                f"Question « {self.enonce} » : il faut au moins deux propositions ; "
                f"reçu {len(self.choix)}."
            )
        if not self.bonnes or any(not 0 <= b < len(self.choix) for b in self.bonnes):
            raise ErreurCours(
                f"Question « {self.enonce} » : bonnes={self.bonnes!r} doit désigner au moins une "
                f"proposition par son rang, de 0 à {len(self.choix) - 1}."
            )

    @property
    def multiple(self) -> bool:
        """Vrai quand plusieurs propositions sont justes (cases à cocher)."""
        return len(self.bonnes) > 1


def corriger_qcm(questions: Sequence[Question], reponses: Sequence[Sequence[int]]) -> pd.DataFrame:
    """Corrige les réponses (pour chaque question, les rangs cochés) ; une ligne par question.

    Colonnes : ``question`` (numéro à partir de 1), ``juste`` (booléen), ``repondu``,
    ``bonnes_reponses`` (texte des bonnes propositions), ``explication``.
    Une question à plusieurs bonnes réponses n'est juste que si l'ensemble coché est exact.

    >>> q = Question("Composantes ?", ("a", "b", "c"), bonnes=(0, 2), explication="a et c.")
    >>> corriger_qcm([q, q], [(0, 2), (0,)])[["question", "juste"]].values.tolist()
    [[1, True], [2, False]]
    >>> corriger_qcm([q], [])
    Traceback (most recent call last):
    ...
    gc_helpers._erreurs.ErreurCours: corriger_qcm() : 1 question(s) mais 0 réponse(s). Donnez une réponse par question (une liste vide pour une question sans réponse).
    """
    if len(questions) != len(reponses):
        raise ErreurCours(
            f"corriger_qcm() : {len(questions)} question(s) mais {len(reponses)} réponse(s). "
            "Donnez une réponse par question (une liste vide pour une question sans réponse)."
        )
    lignes = []
    for n, (q, r) in enumerate(zip(questions, reponses, strict=True), start=1):
        coches = set(r)
        lignes.append(
            {
                "question": n,
                "juste": coches == set(q.bonnes),
                "repondu": bool(coches),
                "bonnes_reponses": " ; ".join(q.choix[b] for b in q.bonnes),
                "explication": q.explication,
            }
        )
    return pd.DataFrame(lignes)


#: Banques de questions par unité (code de l'unité → questions).
BANQUES: dict[str, tuple[Question, ...]] = {}


def _banque(questions: str | Sequence[Question]) -> tuple[Question, ...]:
    if isinstance(questions, str):
        # Chaque unité remplit BANQUES depuis son module de widgets (mercatique : S41,
        # connaissance : S431), que le paquet gc_helpers.widgets importe toujours.
        verifier_nom(questions, sorted(BANQUES), quoi="La banque de questions")
        return BANQUES[questions]
    questions = tuple(questions)
    if not questions or not all(isinstance(q, Question) for q in questions):
        raise ErreurCours(
            "qcm() attend un code d'unité (« S41 ») ou une liste non vide de "
            "gc.widgets.Question(enonce, choix, bonnes, explication)."
        )
    return questions


class QCM(widgets.VBox):
    """Widget : les questions, un bouton « Corriger », le score et les explications.

    Éléments : ``reponses`` (un contrôle par question : ``RadioButtons`` ou cases à cocher),
    ``bouton``, ``bilan`` (HTML du score et des explications).
    """

    def __init__(self, questions: str | Sequence[Question], titre: str = "") -> None:
        self.questions = _banque(questions)
        self.reponses: list[Any] = []
        blocs: list[widgets.Widget] = []
        if titre:
            blocs.append(widgets.HTML(f"<h4>{html.escape(titre)}</h4>"))
        for n, q in enumerate(self.questions, start=1):
            consigne = " <i>(plusieurs réponses possibles)</i>" if q.multiple else ""
            blocs.append(widgets.HTML(f"<b>{n}. {html.escape(q.enonce)}</b>{consigne}"))
            if q.multiple:
                cases = [
                    widgets.Checkbox(value=False, description=c, indent=False, layout=_LARGEUR)
                    for c in q.choix
                ]
                self.reponses.append(cases)
                blocs.append(widgets.VBox(cases))
            else:
                boutons = widgets.RadioButtons(
                    options=[(c, i) for i, c in enumerate(q.choix)], value=None, layout=_LARGEUR
                )
                self.reponses.append(boutons)
                blocs.append(boutons)
        self.bouton = widgets.Button(description="Corriger", button_style="primary", icon="check")
        self.bilan = widgets.HTML()
        self.bouton.on_click(lambda _b: self.corriger())
        super().__init__([*blocs, self.bouton, self.bilan], layout=_LARGEUR)

    def choix_coches(self) -> list[tuple[int, ...]]:
        """Les rangs cochés, question par question."""
        coches = []
        for controle in self.reponses:
            if isinstance(controle, list):
                coches.append(tuple(i for i, case in enumerate(controle) if case.value))
            else:
                coches.append(() if controle.value is None else (controle.value,))
        return coches

    def corriger(self) -> pd.DataFrame:
        """Corrige les réponses cochées et affiche le score et les explications."""
        correction = corriger_qcm(self.questions, self.choix_coches())
        score, total = int(correction["juste"].sum()), len(correction)
        genre = "ok" if score == total else "info"
        lignes = [_html_message(f"Score : {score} / {total}", genre)]
        for ligne in correction.itertuples():
            if ligne.juste:
                marque = "✅ juste"
            elif not ligne.repondu:
                marque = "⬜ sans réponse"
            else:
                marque = "❌ pas encore"
            lignes.append(
                f"<p><b>{ligne.question}. {marque}</b> — bonne(s) réponse(s) : "
                f"{html.escape(ligne.bonnes_reponses)}<br>{html.escape(ligne.explication)}</p>"
            )
        self.bilan.value = "".join(lignes)
        return correction


def qcm(questions: str | Sequence[Question], titre: str = "") -> QCM:
    """Widget QCM auto-corrigé : un code d'unité (« S41 ») ou une liste de questions.

    >>> w = qcm([Question("Le CA se calcule…", ("HT", "TTC"), (0,), "Toujours HT.")])
    >>> w.reponses[0].value = 0
    >>> w.corriger()["juste"].tolist()
    [True]
    >>> "Score : 1 / 1" in w.bilan.value
    True
    """
    return QCM(questions, titre)
