"""Outils partagés par les tests des widgets : texte visible et durée d'une interaction."""

from __future__ import annotations

import html
import re
import statistics
import time
from collections.abc import Callable

# Cible d'une interaction : 50 ms (mesurée par make bench, machine calme). Les tests tournent
# en parallèle sur une machine chargée : cette marge ne détecte que les vraies régressions.
LIMITE_MS = 150


def chrono(fonction: Callable[[], object], repetitions: int = 7) -> float:
    """Durée médiane d'un appel, en millisecondes (le premier appel chauffe les caches)."""
    fonction()
    durees = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()
        durees.append((time.perf_counter() - debut) * 1000)
    return statistics.median(durees)


def visible(fragment: str) -> str:
    """Le texte visible d'un fragment HTML (balises retirées, espaces insécables normalisés)."""
    visible = html.unescape(re.sub(r"<[^>]+>", " ", fragment))
    return re.sub(r"\s+", " ", visible.replace("\u202f", " ").replace("\xa0", " "))
