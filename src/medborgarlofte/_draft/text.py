"""Prepare a text for drafting: decode, strip HTML, mend broken lines, find its parts.

Every later rule reads the *normalised* text this module returns, and every
span a draft reports points into it, so a reviewer can find each phrase.
"""

from __future__ import annotations

import datetime as dt
import html
import html.parser
import re
import unicodedata

import attrs

__all__ = ["MAX_CHARS", "Line", "Prepared", "SourceInfo", "prepare"]

MAX_CHARS = 200_000
"""The most characters read from one text; the rest is named in the review list."""

_BULLET = re.compile(r"^[ \t]*(?:[•·▪◦*‣\-]|\d{1,2}[.)])[ \t]+")
_SOURCE_LINE = re.compile(r"^(?:source|url|källa|adress)\s*:\s*(https?://\S+)\s*$", re.IGNORECASE)
_BARE_URL = re.compile(r"^(https?://\S+)\s*$")
_BARE_TITLE = re.compile(r"^[^.!?:]{3,150}$")
_TITLE_LINE = re.compile(
    r"^(?:retrieved-title|title|titel|sidtitel)\s*:\s*(.+?)\s*$", re.IGNORECASE
)
_RETRIEVED_LINE = re.compile(
    r"^(?:retrieved(?:-on|-at)?|hämtad|hämtat)\s*:\s*(\d{4})-(\d\d)-(\d\d)\b", re.IGNORECASE
)
_TRUNCATED = re.compile(
    r"^\[TRUNCATED\b.*\]\s*$|^\[(?:avbruten|trunkerad)\b.*\]\s*$", re.IGNORECASE
)
_HTML_HINT = re.compile(r"<(?:html|body|p|div|li|ul|br|h[1-6]|span|table)\b[^>]*>", re.IGNORECASE)
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "ul", "ol", "section", "article"}
)
_SKIP_TAGS = frozenset({"script", "style", "head", "noscript", "template"})
# A word broken at the end of a line by a hyphen, with its rest on the next line.
_HYPHENATED = re.compile(r"([A-Za-zÅÄÖåäöÉé]{2})-\n[ \t]*([a-zåäöé]{2})")
# A line that ends without punctuation and goes on, in lower case, on the next.
_BROKEN = re.compile(
    r"([^\s.:;!?•])[ \t]*\n(?![ \t]*(?:[•·▪◦*‣–\-]|\d{1,2}[.)])[ \t])[ \t]*([a-zåäöé])"
)
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_SWEDISH = re.compile(
    r"\b(?:och|att|som|för|med|kommun(?:en)?|polisen|är|det|till|av|på|ska|vi)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")


@attrs.frozen(kw_only=True)
class SourceInfo:
    """Where a text comes from, as its first lines say (källa).

    A stored web page starts with its address, its title and perhaps the
    day it was read; the draft keeps them in the document's
    :class:`~medborgarlofte.Origin`.

    Attributes:
        url: The address of the page, if the text names it.
        title: The page title, if the text names it.
        retrieved_on: The day the page was read, if a first line says
            (``retrieved: 2024-05-02``).
    """

    url: str | None = None
    title: str | None = None
    retrieved_on: dt.date | None = None


@attrs.frozen(kw_only=True)
class Line:
    """One line of the normalised text: a bullet item, a heading or a paragraph.

    Attributes:
        start: Where the line's text starts in the normalised text.
        end: Where it ends.
        text: The line's text, without its bullet mark.
        bullet: Whether it is an item of a list.
    """

    start: int
    end: int
    text: str
    bullet: bool


@attrs.frozen(kw_only=True)
class Prepared:
    """A text made ready for the drafting rules.

    Attributes:
        text: The normalised text that every span points into.
        lines: Its non-empty lines, in order.
        source: What the first lines say of the source.
        truncated: Whether the text says it was cut short, or was cut here.
        notes: What was done to the text or found wrong with it, as
            (Swedish, English) pairs, for the review list.
    """

    text: str
    lines: tuple[Line, ...]
    source: SourceInfo
    truncated: bool
    notes: tuple[tuple[str, str], ...]


class _HTMLText(html.parser.HTMLParser):
    """Collect the text of an HTML page, with a line per block and a bullet per item."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCK_TAGS or tag == "li":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def _decode(data: str | bytes) -> tuple[str, list[tuple[str, str]]]:
    if isinstance(data, str):
        return data, []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), [
            (
                "texten var inte UTF-8 och lästes som Windows-1252",
                "the text was not UTF-8 and was read as Windows-1252",
            )
        ]


_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd\ud800-\udfff\ue000-\uf8ff]")
"""Control characters, replacement marks, surrogates and private-use characters."""
_MOSTLY_NOT_TEXT = 0.05
"""The share of such characters above which an input is not text."""


def _looks_binary(text: str) -> bool:
    """Return whether *text* is mostly not text (control characters, replacement marks)."""
    sample = text[:20_000]
    return bool(sample) and len(_NOT_TEXT.findall(sample)) > len(sample) * _MOSTLY_NOT_TEXT


def _from_html(text: str) -> tuple[str, str | None]:
    reader = _HTMLText()
    reader.feed(text)
    reader.close()
    title = " ".join("".join(reader.title).split()) or None
    return html.unescape("".join(reader.parts)), title


def _source(lines: list[str]) -> tuple[SourceInfo, int]:
    """Return the source named by the first lines and how many lines name it."""
    url = title = retrieved = None
    used = 0
    for i, line in enumerate(lines[:4]):
        stripped = line.strip()
        found_url = _SOURCE_LINE.match(stripped) or (i == 0 and _BARE_URL.match(stripped))
        found_title = _TITLE_LINE.match(stripped)
        found_day = _RETRIEVED_LINE.match(stripped)
        if found_url and url is None:
            url, used = found_url.group(1), i + 1
        elif found_title and title is None:
            title, used = found_title.group(1), i + 1
        elif found_day and retrieved is None:
            retrieved, used = _day(*found_day.groups()), i + 1
        elif i == 1 and url is not None and title is None and _BARE_TITLE.match(stripped):
            title, used = stripped, i + 1  # an address alone, then the page's title
        elif stripped:
            break
    return SourceInfo(url=url, title=title, retrieved_on=retrieved), used


def _day(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


_FEW_WORDS = 8
"""Too few words to tell the language of."""
_SWEDISH_SHARE = 12
"""Swedish prose has at least one of the common words of ``_SWEDISH`` in this many words."""


def _swedish(text: str) -> bool:
    words = len(_WORD.findall(text[:20_000]))
    return words < _FEW_WORDS or len(_SWEDISH.findall(text[:20_000])) * _SWEDISH_SHARE >= words


def prepare(data: str | bytes) -> Prepared:
    """Return *data* normalised, split into lines, with its source and what to review.

    Bytes are read as UTF-8 (Windows-1252 if they are not), HTML is reduced to
    its text with a line per block and a bullet per list item, words broken by
    a hyphen at the end of a line are joined, and lines broken in the middle
    of a sentence (as a PDF's text is) are mended. Never raises.
    """
    text, notes = _decode(data)
    if _looks_binary(text):
        notes.append(
            (
                "texten ser inte ut som text (binära data); inget kunde hämtas ur den",
                "the input does not look like text (binary data); nothing could be drafted",
            )
        )
        return Prepared(text="", lines=(), source=SourceInfo(), truncated=False, notes=tuple(notes))
    truncated = False
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS]
        truncated = True
        notes.append(
            (
                f"texten är längre än {MAX_CHARS} tecken; bara början lästes",
                f"the text is longer than {MAX_CHARS} characters; only its beginning was read",
            )
        )
    html_title = None
    if _HTML_HINT.search(text[:5000]):
        text, html_title = _from_html(text)
        notes.append(
            ("texten var HTML och lästes som text", "the text was HTML and was read as text")
        )
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad", "").replace("\ufeff", "")
    raw_lines = text.split("\n")
    source, used = _source(raw_lines)
    if html_title and source.title is None:
        source = attrs.evolve(source, title=html_title)
    kept: list[str] = []
    for line in raw_lines[used:]:
        if _TRUNCATED.match(line.strip()):
            truncated = True
            continue
        kept.append(_SPACES.sub(" ", line).rstrip())
    text = "\n".join(kept).strip("\n")
    text = _HYPHENATED.sub(r"\1\2", text)
    text = _BROKEN.sub(r"\1 \2", text)
    if truncated and not any("bara början" in sv for sv, _ in notes):
        notes.append(
            (
                "texten är avbruten; det som stod efter avbrottet saknas",
                "the text is cut short; what followed the cut is missing",
            )
        )
    if not _swedish(text):
        notes.append(
            (
                "texten ser inte ut att vara på svenska; reglerna läser bara svenska",
                "the text does not look Swedish; the rules read Swedish only",
            )
        )
    return Prepared(
        text=text, lines=_lines(text), source=source, truncated=truncated, notes=tuple(notes)
    )


def _lines(text: str) -> tuple[Line, ...]:
    """Return the non-empty lines of *text*; an indented line after an item continues it."""
    lines: list[Line] = []
    offset = 0
    for raw in text.split("\n"):
        start, offset = offset, offset + len(raw) + 1
        mark = _BULLET.match(raw)
        body = raw[mark.end() :] if mark else raw.lstrip()
        if not body.strip():
            continue
        begin = start + (len(raw) - len(body) if not mark else mark.end())
        if not mark and lines and lines[-1].bullet and raw.startswith((" ", "\t")):
            prev = lines[-1]
            lines[-1] = Line(
                start=prev.start,
                end=begin + len(body),
                text=text[prev.start : begin + len(body)],
                bullet=True,
            )
            continue
        lines.append(Line(start=begin, end=begin + len(body), text=body, bullet=mark is not None))
    return tuple(lines)
