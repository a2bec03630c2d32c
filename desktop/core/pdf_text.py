"""Text for PDF pages in Latin and Urdu script, drawn with ReportLab's canvas.

A text is cut into tokens by script (Arabic-script words, digits, other letters, punctuation),
put in visual order by a word-level bidi pass, wrapped into a box, shrunk when it does not fit,
and ended with "…" as a last resort. Latin goes out in a standard PDF font (Times); Arabic
script in Noto Nastaliq Urdu, shaped by HarfBuzz through ReportLab's font machinery:

- *Shaping* makes letters join and take their contextual forms; ReportLab gives each contextual
  glyph a private-use character, so its subsetting and encoding work as for any text.
- *ActualText*: those private-use characters mean nothing to a reader, so each HarfBuzz cluster
  is drawn inside ``/Span <</ActualText <FEFF…>>> BDC … EMC`` with the characters it shows,
  between two zero-width spaces on the baseline. One span per cluster, not per line: poppler
  lays a span's text out left to right and then reverses right-to-left runs, which would reverse
  a whole line; and it places the text where the span's first and last glyphs are, which in
  Nastaliq are often far above the baseline.

Lines are spaced by the glyphs' real ink (Nastaliq rises up to twice the type size above the
baseline), so a box's text never reaches into its neighbour's. Drawing writes PDF operators
straight into the canvas: ReportLab's ``drawString`` costs several times as much, which counts
at a hundred certificates a second. Callers serialise rendering (fonts keep state per document).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache, lru_cache
from typing import NamedTuple

import uharfbuzz
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr, TTFont
from reportlab.pdfgen.canvas import Canvas

from desktop.core.resources import resource_path

__all__ = ["URDU", "TextStyle", "latin", "layout", "text_block", "urdu_font"]

URDU = "SanadNastaliq"  # one face: embedding a second (bold) costs a millisecond a page
_ARABIC = (
    "\u0600-\u065f\u066a-\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe"
)
_DIGITS = re.compile("[0-9]+|[\u0660-\u0669\u06f0-\u06f9]+")
_TOKEN = re.compile(
    f"{_DIGITS.pattern}|[{_ARABIC}\u200c\u200d]+|[^\\s0-9\u0660-\u0669\u06f0-\u06f9{_ARABIC}]+"
)
_NEEDS_SHAPING = re.compile(f"[{_ARABIC}\u0660-\u0669\u06f0-\u06f9]")
_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")


@cache
def urdu_font() -> TTFont:
    font = TTFont(
        URDU, str(resource_path("fonts", "NotoNastaliqUrdu-Regular.ttf")), asciiReadable=False
    )  # codes in order of use: a short /Widths array
    pdfmetrics.registerFont(font)
    return font


@cache
def _hb_font() -> uharfbuzz.Font:
    return urdu_font().hbFont(10)  # the size only matters to fonts with optical sizes


class TextStyle(NamedTuple):
    latin: str  # a standard PDF font for Latin letters, digits and punctuation
    size: float
    rtl: bool = False  # an Urdu paragraph: words right to left, Latin a size smaller
    spans: bool = True  # ActualText spans (off inside a span that hides decoration)

    @property
    def latin_size(self) -> float:
        return self.size * (0.86 if self.rtl else 1.0)


class _Token(NamedTuple):
    text: str
    kind: str  # "R" Arabic script, "D" digits, "L" other letters, "N" punctuation only
    word: int  # tokens of one word are drawn with no space between them


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for word, chunk in enumerate(text.split()):
        for part in _TOKEN.findall(chunk):
            if _DIGITS.fullmatch(part):
                kind = "D"
            elif re.match(f"[{_ARABIC}\u200c\u200d]", part):
                kind = "R"
            else:
                kind = "L" if any(unicodedata.category(ch)[0] in "LN" for ch in part) else "N"
            tokens.append(_Token(part, kind, word))
    return tokens


def _shaped(token: _Token) -> bool:
    return token.kind == "R" or (token.kind == "D" and not token.text.isascii())


def _visual(tokens: list[_Token], rtl: bool) -> list[tuple[_Token, bool]]:
    """Tokens left to right as drawn, each with whether it runs right to left: the Unicode bidi
    algorithm at the level of words (a neutral takes its neighbours' direction when both agree,
    else the paragraph's)."""
    strong = ["R" if t.kind == "R" else "L" if t.kind in "LD" else "" for t in tokens]
    runs: list[list[tuple[_Token, bool]]] = []
    for i, token in enumerate(tokens):
        if not (direction := strong[i]):
            before = next((s for s in reversed(strong[:i]) if s), "")
            after = next((s for s in strong[i + 1 :] if s), "")
            direction = before if before and before == after else ("R" if rtl else "L")
        if runs and runs[-1][0][1] == (direction == "R"):
            runs[-1].append((token, direction == "R"))
        else:
            runs.append([(token, direction == "R")])
    ordered = [run[::-1] if run[0][1] else run for run in runs]
    return [item for run in (ordered[::-1] if rtl else ordered) for item in run]


Clusters = tuple[tuple[ShapedStr, str], ...]
_ANCHOR = ShapeData(0, 0, 0, 0, 0, 0)  # a zero-width space on the baseline


@lru_cache(maxsize=4096)
def _shape(text: str) -> tuple[Clusters, float, float, float]:
    """An Arabic-script token shaped by HarfBuzz as Urdu: its clusters left to right, each
    (glyphs, the characters they show); its advance, and its ink above and below the baseline,
    at 1 pt. A glyph is ReportLab's character for it (a private-use one for a contextual form,
    as ReportLab's own ``shapeStr`` does), so subsetting and encoding work as for any text."""
    font, hb = urdu_font(), _hb_font()
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.language = "ur"  # the Urdu forms of ۴ ۶ ۷, not the Persian ones
    if _DIGITS.fullmatch(text):
        buffer.direction = "ltr"  # digits read left to right in any script
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    uharfbuzz.shape(hb, buffer, {"kern": True, "liga": True})
    glyphs, data, top, bottom, scale = [], [], 0.0, 0.0, 1000 / font.face.unitsPerEm
    for info, at in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        gid = info.codepoint
        known = font.face.glyphToChar.get(gid)
        code = known[0] if known else font.hbAddPrivate(hb.glyph_to_string(gid), gid, at.x_advance)
        glyphs.append(chr(code))
        data.append(
            ShapeData(
                info.cluster,
                at.x_advance * scale,
                0,
                at.x_offset * scale,
                at.y_offset * scale,
                font.face.charWidths.get(code, 0),
            )
        )
        if (ink := hb.get_glyph_extents(gid)) is not None:
            top = max(top, (ink.y_bearing + at.y_offset) * scale / 1000)
            bottom = max(bottom, -(ink.y_bearing + ink.height + at.y_offset) * scale / 1000)
    starts = [*sorted({d.cluster for d in data}), len(text)]
    ends, clusters, i = dict(itertools.pairwise(starts)), [], 0
    for cluster, members in itertools.groupby(data, key=lambda d: d.cluster):
        n = len(list(members))
        clusters.append(
            (
                ShapedStr("".join(glyphs[i : i + n]), shapeData=data[i : i + n]),
                text[cluster : ends[cluster]],
            )
        )
        i += n
    return tuple(clusters), sum(d.x_advance for d in data) / 1000, top, bottom


@lru_cache(maxsize=8192)
def _width(token: _Token, style: TextStyle) -> float:
    if _shaped(token):
        return _shape(token.text)[1] * style.size
    return pdfmetrics.stringWidth(token.text, style.latin, style.latin_size)


def _extent(token: _Token, style: TextStyle) -> tuple[float, float]:
    """Ink above and below the baseline."""
    if _shaped(token):
        return _shape(token.text)[2] * style.size, _shape(token.text)[3] * style.size
    return style.latin_size * 0.78, style.latin_size * 0.24


def _gap(a: _Token, b: _Token, style: TextStyle) -> float:
    if a.word == b.word:
        return 0.0
    if _shaped(a) or _shaped(b):
        return style.size * 0.28
    return pdfmetrics.stringWidth(" ", style.latin, style.latin_size)


def _measure(tokens: list[_Token], style: TextStyle) -> float:
    gaps = sum(_gap(a, b, style) for a, b in itertools.pairwise(tokens))
    return sum(_width(t, style) for t in tokens) + gaps


def _wrap(tokens: list[_Token], style: TextStyle, width: float) -> list[list[_Token]]:
    lines: list[list[_Token]] = []
    current: list[_Token] = []
    for _, word in itertools.groupby(tokens, key=lambda t: t.word):
        word = list(word)
        for piece in [word] if _measure(word, style) <= width else _split(word, style, width):
            if current and _measure(current + piece, style) > width:
                lines.append(current)
                current = []
            current = current + piece
    return [*lines, current] if current else lines


def _split(word: list[_Token], style: TextStyle, width: float) -> list[list[_Token]]:
    """A word wider than its box, cut into pieces that fit, each piece a word of its own."""
    text, pieces, start = "".join(t.text for t in word), [], 0
    while start < len(text):
        low, high = start + 1, len(text)  # the longest piece that fits, by bisection
        while low < high:
            middle = (low + high + 1) // 2
            fits = _measure(_tokens(text[start:middle]), style) <= width
            low, high = (middle, high) if fits else (low, middle - 1)
        if low < len(text) and (slash := text.rfind("/", start, low)) > start:
            low = slash + 1  # an address breaks after a slash
        piece_id = -(word[0].word * 1000 + len(pieces) + 1)
        pieces.append([t._replace(word=piece_id) for t in _tokens(text[start:low])])
        start = low
    return pieces


@lru_cache(maxsize=4096)
def _program(text: str, size: float, spans: bool) -> tuple[str, str]:
    """How to draw an Arabic-script token: the characters to encode (each cluster between two
    zero-width spaces) and the content-stream operators, with ``%s`` for each glyph code."""
    chars, parts, rise = [], [], 0.0
    for glyphs, actual in _shape(text)[0]:
        chars.append(f"\u200b{glyphs}\u200b")
        hex_text = actual.encode("utf-16-be").hex()
        parts.append(f"/Span <</ActualText <feff{hex_text}>>> BDC [" if spans else "[")
        for d in (_ANCHOR, *glyphs.__shapeData__, _ANCHOR):
            if round(size * d.y_offset / 1000, 2) != rise:
                rise = round(size * d.y_offset / 1000, 2)
                parts.append(f"] TJ {rise:.2f} Ts [")
            after = d.width - d.x_advance + d.x_offset
            parts.append(f"{-d.x_offset:.0f} %s {after:.0f}" if d.x_offset or after else "%s")
        parts.append("] TJ EMC" if spans else "] TJ")
    return "".join(chars), " ".join(parts) + (" 0 Ts" if rise else "")


def _draw_shaped(c: Canvas, text: str, style: TextStyle, x: float, y: float) -> None:
    font, doc = urdu_font(), c._doc
    chars, template = _program(text, style.size, style.spans)
    codes, fonts = [], []
    for subset, encoded in font.splitString(chars, doc):  # a new subset every 256 glyphs
        fonts.append(f"{font.getSubsetInternalName(subset, doc)} {style.size:.2f} Tf")
        hexes = [f"<{code:02x}>" for code in encoded]
        if codes:
            hexes[0] = f"] TJ {fonts[-1]} [ {hexes[0]}"
        codes.extend(hexes)
    c._code.append(f"BT {fonts[0]} 1 0 0 1 {x:.2f} {y:.2f} Tm {template % tuple(codes)} ET")


def latin(
    c: Canvas, text: str, font: str, size: float, x: float, y: float, spacing: float = 0.0
) -> None:
    """Text in a standard font, written straight into the page: ``drawString`` costs several
    times as much, which counts at a hundred certificates a second."""
    try:
        encoded = text.encode("cp1252")  # the fonts' WinAnsiEncoding
    except UnicodeEncodeError:
        c.setFont(font, size)
        c.drawString(x, y, text, charSpace=spacing)
        return
    tracking = (f"{spacing:.2f} Tc ", " 0 Tc") if spacing else ("", "")
    c._code.append(
        f"BT {c._doc.getInternalFontName(font)} {size:.2f} Tf {tracking[0]}{x:.2f} "
        f"{y:.2f} Td ({escapePDF(encoded)}) Tj{tracking[1]} ET"
    )


def _draw_line(c: Canvas, line: tuple[_Token, ...], style: TextStyle, x: float, y: float) -> None:
    """One line from ``x``: Arabic-script tokens shaped, each run of Latin tokens one string."""
    run, run_x, previous = "", x, None
    for token, backwards in _visual(list(line), style.rtl):
        x += _gap(previous, token, style) if previous else 0.0
        if _shaped(token):
            if run:
                latin(c, run, style.latin, style.latin_size, run_x, y)
            run = ""
            _draw_shaped(c, token.text, style, x, y)
        else:
            text = token.text[::-1].translate(_MIRROR) if backwards else token.text
            if run:
                run += (" " if previous and previous.word != token.word else "") + text
            else:
                run, run_x = text, x
        x += _width(token, style)
        previous = token
    if run:
        latin(c, run, style.latin, style.latin_size, run_x, y)


Layout = tuple[TextStyle, tuple[tuple[float, float, tuple[_Token, ...]], ...], float]


@lru_cache(maxsize=1024)
def layout(text: str, style: TextStyle, width: float, height: float, min_size: float) -> Layout:
    """``text`` fitted into ``width`` × ``height``: wrapped, then shrunk down to ``min_size``,
    then cut short with "…". Returns the style used, the lines (drop from the top of the box to
    the baseline, width, tokens) and the depth of ink used."""
    tokens = _tokens(text)
    while True:
        lines, placed, depth = _wrap(tokens, style, width), [], 0.0
        for line in lines:
            top, bottom = (max(e) for e in zip(*(_extent(t, style) for t in line), strict=True))
            leading = style.size * (1.6 if any(map(_shaped, line)) else 1.2)
            drop = top if not placed else max(placed[-1][0] + leading, depth + top + 1)
            if placed and drop + bottom > height:
                break
            placed.append((drop, line))
            depth = drop + bottom
        smaller = style._replace(size=style.size * 0.92)
        if (len(placed) == len(lines) and depth <= height) or smaller.size < min_size:
            break
        style = smaller
    if len(placed) < len(lines):
        drop, last = placed[-1]
        ellipsis = _Token("…", "N", last[-1].word)
        while _measure([*last, ellipsis], style) > width and (
            len(last) > 1 or len(last[0].text) > 1
        ):
            last = last[:-1] if len(last) > 1 else [last[0]._replace(text=last[0].text[:-1])]
        placed[-1] = (drop, [*last, ellipsis])
    return (
        style,
        tuple(
            (drop, _measure([t for t, _ in _visual(line, style.rtl)], style), tuple(line))
            for drop, line in placed
        ),
        depth,
    )


def text_block(
    c: Canvas,
    text: str,
    style: TextStyle,
    cx: float,
    top: float,
    width: float,
    height: float,
    min_size: float | None = None,
    align: str = "centre",
) -> float:
    """Draw ``text`` under ``top`` in a box ``width`` × ``height`` centred on ``cx`` (or starting,
    or ending, there with ``align="left"`` or ``"right"``), as :func:`layout` fits it. Returns
    the lowest point inked."""
    if not style.rtl and not _NEEDS_SHAPING.search(text):  # the common case: one Latin line
        plain = " ".join(text.split())
        used = pdfmetrics.stringWidth(plain, style.latin, style.size)
        if used <= width and style.size * 1.02 <= height:
            left = {"left": cx, "right": cx - used}.get(align, cx - used / 2)
            latin(c, plain, style.latin, style.size, left, top - style.size * 0.78)
            return top - style.size * 1.02
    if not text.split():
        return top
    style, lines, depth = layout(text, style, width, height, min_size or style.size)
    for drop, used, line in lines:
        left = {"left": cx, "right": cx - used}.get(align, cx - used / 2)
        _draw_line(c, line, style, left, top - drop)
    return top - depth
