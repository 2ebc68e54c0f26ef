"""Petits graphiques SVG pour les widgets : courbes, barres, histogramme, boîte à moustaches.

Un widget redessine son graphique à chaque interaction : matplotlib y mettrait
une centaine de millisecondes, un SVG écrit à la main une seule. Les axes sont
écrits à la française par les fonctions de ``formats``.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .. import formats

__all__: list[str] = []

_COULEURS = ("#1f4e79", "#c0504d", "#9bbb59", "#8064a2", "#f79646", "#4bacc6")
_LARGEUR, _HAUTEUR = 640, 300
_MARGES = (80, 20, 30, 40)  # gauche, droite, haut, bas


@dataclass
class Courbe:
    """Une courbe : abscisses, ordonnées (NaN = interruption), nom, style."""

    nom: str
    x: Sequence[float]
    y: Sequence[float]
    couleur: str | None = None
    pointilles: bool = False
    points: bool = False


def _graduations(mini: float, maxi: float, n: int = 5) -> list[float]:
    """Graduations « rondes » (1, 2, 2,5 ou 5 × 10^k) couvrant [mini ; maxi]."""
    if maxi <= mini:
        maxi = mini + 1
    brut = (maxi - mini) / n
    puissance = 10 ** math.floor(math.log10(brut))
    pas = next(m * puissance for m in (1, 2, 2.5, 5, 10) if m * puissance >= brut)
    debut = math.floor(mini / pas) * pas
    # − 1e-9 : un maximum de 1,0000000000000002 (cumul de parts) ne crée pas de graduation de trop.
    return [debut + i * pas for i in range(int(math.ceil((maxi - debut) / pas - 1e-9)) + 1)]


class _Repere:
    def __init__(self, xmin: float, xmax: float, ymin: float, ymax: float) -> None:
        self.gy = _graduations(ymin, ymax)
        self.xmin, self.xmax = xmin, xmax if xmax > xmin else xmin + 1
        self.ymin, self.ymax = self.gy[0], self.gy[-1]
        g, d, h, b = _MARGES
        self.x0, self.x1, self.y0, self.y1 = g, _LARGEUR - d, _HAUTEUR - b, h

    def px(self, x: float) -> float:
        return self.x0 + (x - self.xmin) / (self.xmax - self.xmin) * (self.x1 - self.x0)

    def py(self, y: float) -> float:
        return self.y0 - (y - self.ymin) / (self.ymax - self.ymin) * (self.y0 - self.y1)


def _cadre(
    r: _Repere,
    titre: str,
    format_y: Callable[[float], str],
    etiquettes_x: Sequence[tuple[float, str]],
) -> list[str]:
    morceaux = [
        f'<text x="{_LARGEUR / 2}" y="16" text-anchor="middle" font-weight="bold">'
        f"{html.escape(titre)}</text>"
    ]
    for v in r.gy:
        y = r.py(v)
        morceaux.append(
            f'<line x1="{r.x0}" x2="{r.x1}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{r.x0 - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{html.escape(format_y(v))}</text>"
        )
    for x, texte in etiquettes_x:
        morceaux.append(
            f'<text x="{r.px(x):.1f}" y="{r.y0 + 16}" text-anchor="middle">'
            f"{html.escape(texte)}</text>"
        )
    morceaux.append(f'<line x1="{r.x0}" x2="{r.x1}" y1="{r.y0}" y2="{r.y0}" stroke="#888"/>')
    return morceaux


def _svg(morceaux: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_LARGEUR}" height="{_HAUTEUR}" '
        f'font-family="sans-serif" font-size="11">' + "".join(morceaux) + "</svg>"
    )


def courbes_svg(
    courbes: Sequence[Courbe],
    titre: str = "",
    format_y: Callable[[float], str] = formats.nombre,
    etiquettes_x: Sequence[tuple[float, str]] = (),
    y_zero: bool = True,
) -> str:
    """Un graphique de courbes en SVG (légende en haut à gauche)."""
    xs = [float(x) for c in courbes for x in c.x]
    ys = [float(y) for c in courbes for y in c.y if y == y]  # sans les NaN
    if not xs or not ys:
        return _svg([f'<text x="20" y="40">{html.escape(titre)} : aucune donnée</text>'])
    r = _Repere(min(xs), max(xs), min([*ys, 0.0]) if y_zero else min(ys), max(ys))
    morceaux = _cadre(r, titre, format_y, etiquettes_x)
    for i, c in enumerate(courbes):
        couleur = c.couleur or _COULEURS[i % len(_COULEURS)]
        tirets = ' stroke-dasharray="5,4"' if c.pointilles else ""
        segment: list[str] = []
        troncons: list[list[str]] = [segment]
        for x, y in zip(c.x, c.y, strict=True):
            if y != y:  # NaN : la courbe s'interrompt
                segment = []
                troncons.append(segment)
                continue
            segment.append(f"{r.px(float(x)):.1f},{r.py(float(y)):.1f}")
            if c.points:
                morceaux.append(
                    f'<circle cx="{r.px(float(x)):.1f}" cy="{r.py(float(y)):.1f}" r="2.5" '
                    f'fill="{couleur}"/>'
                )
        for t in troncons:
            if len(t) > 1:
                morceaux.append(
                    f'<polyline fill="none" stroke="{couleur}" stroke-width="2"{tirets} '
                    f'points="{" ".join(t)}"/>'
                )
        y_legende = 34 + 14 * i
        morceaux.append(
            f'<line x1="{r.x0 + 10}" x2="{r.x0 + 30}" y1="{y_legende}" y2="{y_legende}" '
            f'stroke="{couleur}" stroke-width="2"{tirets}/>'
            f'<text x="{r.x0 + 36}" y="{y_legende + 4}">{html.escape(c.nom)}</text>'
        )
    return _svg(morceaux)


def _euros_axe(v: float) -> str:
    return formats.euros(v, 0)


def barres_svg(
    etiquettes: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    titre: str = "",
    empile: bool = True,
    format_y: Callable[[float], str] = _euros_axe,
    couleurs: Sequence[str] = _COULEURS,
) -> str:
    """Diagramme en barres en SVG : séries empilées (ou côte à côte si ``empile=False``).

    ``series`` : des couples (nom, une valeur par étiquette) ; légende sous l'axe.
    Les graduations de l'axe des ordonnées sont rondes, comme celles des courbes.

    >>> svg = barres_svg(["2025", "2026"], [("Intérêts", [300, 150]), ("Capital", [1000, 1000])])
    >>> svg.count("<rect") - 2  # 2 barres × 2 séries (les 2 autres : la légende)
    4
    >>> "1\\u202f500\\xa0€" in svg  # graduation ronde au-dessus du sommet (1 300 €)
    True
    """
    n = len(etiquettes)
    if n == 0 or not series:
        return _svg([f'<text x="20" y="40">{html.escape(titre)} : aucune donnée</text>'])
    colonnes = [[float(s[1][k]) for s in series] for k in range(n)]
    if empile:  # le sommet (ou le fond) d'une pile : la somme de ses parts de même signe
        hauts = [sum(v for v in c if v > 0) for c in colonnes]
        bas = [sum(v for v in c if v < 0) for c in colonnes]
    else:
        hauts, bas = [max(c) for c in colonnes], [min(c) for c in colonnes]
    r = _Repere(0, n, min([*bas, 0.0]), max([*hauts, 0.0]))
    # Étiquettes : toutes s'il y en a peu, sinon une douzaine environ.
    saut = max(1, round(n / 12))
    morceaux = _cadre(
        r, titre, format_y, [(k + 0.5, str(etiquettes[k])) for k in range(0, n, saut)]
    )
    largeur = 0.8 / (1 if empile else len(series))  # en unités d'abscisse (1 par étiquette)
    for k, valeurs in enumerate(colonnes):
        positif = negatif = 0.0
        for j, v in enumerate(valeurs):
            if empile:
                debut = positif if v >= 0 else negatif
                x = k + 0.1
            else:
                debut, x = 0.0, k + 0.1 + j * largeur
            y_a, y_b = r.py(debut), r.py(debut + v)
            morceaux.append(
                f'<rect x="{r.px(x):.1f}" y="{min(y_a, y_b):.1f}" '
                f'width="{max(r.px(x + largeur) - r.px(x), 0.5):.1f}" '
                f'height="{abs(y_b - y_a):.1f}" fill="{couleurs[j % len(couleurs)]}"/>'
            )
            if empile and v >= 0:
                positif += v
            elif empile:
                negatif += v
    x = r.x0
    for j, (nom, _) in enumerate(series):  # légende sous l'axe
        morceaux.append(
            f'<rect x="{x}" y="{_HAUTEUR - 14}" width="10" height="10" '
            f'fill="{couleurs[j % len(couleurs)]}"/>'
            f'<text x="{x + 14}" y="{_HAUTEUR - 5}">{html.escape(nom)}</text>'
        )
        x += 20 + 7 * len(nom)
    return _svg(morceaux)


def histogramme_svg(
    bornes: Sequence[float],
    effectifs: Sequence[float],
    titre: str = "",
    format_x: Callable[[float], str] = formats.nombre,
) -> str:
    """Histogramme en SVG : des rectangles dont la **surface** est proportionnelle à l'effectif.

    Avec des classes d'amplitudes inégales, la hauteur est la densité
    (effectif / amplitude), ramenée à l'amplitude de la première classe.
    """
    amplitudes = [b - a for a, b in zip(bornes[:-1], bornes[1:], strict=True)]
    reference = amplitudes[0]
    hauteurs = [n * reference / a for n, a in zip(effectifs, amplitudes, strict=True)]
    r = _Repere(bornes[0], bornes[-1], 0.0, max(hauteurs) if hauteurs else 1.0)
    etiquettes = [(b, format_x(b)) for b in bornes] if len(bornes) <= 9 else []
    morceaux = _cadre(r, titre, lambda v: formats.nombre(v, 0), etiquettes)
    for a, b, h in zip(bornes[:-1], bornes[1:], hauteurs, strict=True):
        x, largeur = r.px(a), r.px(b) - r.px(a)
        y = r.py(h)
        morceaux.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{largeur:.1f}" height="{r.y0 - y:.1f}" '
            f'fill="{_COULEURS[0]}" fill-opacity="0.7" stroke="white"/>'
        )
    return _svg(morceaux)


def boite_svg(
    minimum: float,
    q1: float,
    mediane: float,
    q3: float,
    maximum: float,
    titre: str = "",
    format_x: Callable[[float], str] = formats.nombre,
    nom_max: str = "max",
) -> str:
    """Boîte à moustaches horizontale (minimum, Q1, médiane, Q3, maximum ou bout de moustache)."""
    largeur, hauteur = _LARGEUR, 110
    g, d = 40, 40
    etendue = (maximum - minimum) or 1.0

    def px(v: float) -> float:
        return g + (v - minimum) / etendue * (largeur - g - d)

    y, h = 55, 30
    morceaux = [
        f'<text x="{largeur / 2}" y="16" text-anchor="middle" font-weight="bold">'
        f"{html.escape(titre)}</text>",
        f'<line x1="{px(minimum):.1f}" x2="{px(q1):.1f}" y1="{y}" y2="{y}" stroke="#444"/>',
        f'<line x1="{px(q3):.1f}" x2="{px(maximum):.1f}" y1="{y}" y2="{y}" stroke="#444"/>',
        f'<rect x="{px(q1):.1f}" y="{y - h / 2}" width="{px(q3) - px(q1):.1f}" height="{h}" '
        f'fill="{_COULEURS[0]}" fill-opacity="0.3" stroke="{_COULEURS[0]}"/>',
        f'<line x1="{px(mediane):.1f}" x2="{px(mediane):.1f}" y1="{y - h / 2}" '
        f'y2="{y + h / 2}" stroke="{_COULEURS[1]}" stroke-width="3"/>',
    ]
    for v in (minimum, q1, mediane, q3, maximum):
        morceaux.append(
            f'<line x1="{px(v):.1f}" x2="{px(v):.1f}" y1="{y - 8}" y2="{y + 8}" stroke="#444"/>'
        )
    legende = " · ".join(
        f"{nom} {format_x(v)}"
        for nom, v in (
            ("min", minimum),
            ("Q1", q1),
            ("Me", mediane),
            ("Q3", q3),
            (nom_max, maximum),
        )
    )
    morceaux.append(
        f'<text x="{largeur / 2}" y="{y + 40}" text-anchor="middle">{html.escape(legende)}</text>'
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{largeur}" height="{hauteur}" '
        f'font-family="sans-serif" font-size="11">' + "".join(morceaux) + "</svg>"
    )
