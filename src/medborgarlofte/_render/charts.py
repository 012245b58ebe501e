"""Charts for the follow-up report, drawn by matplotlib as SVG (diagram).

Two kinds of chart, each returned as the text of one ``<svg>`` element ready to
be placed inline in an HTML page:

* :func:`progress_bars`: one bar per activity, how much of the target is done,
  with a mark where the date says it should be (förväntat mot gjort);
* :func:`timeline`: for one activity with a number, what was done over time
  against the line of what was expected.

The output is reproducible: the same input gives the same bytes. matplotlib's
hash salt is fixed per chart, the date is left out of the metadata and text
stays text (``svg.fonttype`` ``none``). Each chart's element ids carry a prefix
of its own so that several charts can share one HTML page.

Both are drawn :data:`WIDTH` inches wide with text of :data:`TEXT_SIZE`
points, so that a phone's column shows them with legible text, in the
colours of the palette below, each mark standing at least 3:1 against what
it sits on or crosses and each text 4.5:1 (WCAG 2.2).

matplotlib is an optional dependency (the ``report`` extra); it is imported
only when a chart is drawn, and only through :func:`_matplotlib`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import textwrap
import warnings
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

import attrs

from medborgarlofte._core import texts
from medborgarlofte._render.text import balance, isolate, showable
from medborgarlofte.exceptions import MissingExtraError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from medborgarlofte._core.problems import Language

__all__ = [
    "BACKGROUND",
    "DONE",
    "EXPECTED",
    "GRID",
    "INK",
    "TARGET",
    "TEXT_SIZE",
    "TRACK",
    "WIDTH",
    "Bar",
    "Point",
    "progress_bars",
    "timeline",
]

_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
_REF = re.compile(r"url\(#([^)]+)\)")

# The palette (färger). Every colour a chart draws is one of these, and
# tests/test_charts.py checks each pair that meets on the page against WCAG 2.2:
# 3:1 for a mark against what it sits on (1.4.11), 4.5:1 for text (1.4.3). Blue
# for what was done (Okabe–Ito, told apart by every common colour-vision
# deficiency), black for what was expected: a black mark stands 4:1 on the
# blue bar and 16:1 on the grey track, so neither is told by hue alone.
BACKGROUND = "#FFFFFF"
"""The page and the plot area behind every chart (bakgrund)."""
TRACK = "#E6E6E6"
"""The whole of the target behind a bar: a surface the marks sit on, not a mark."""
GRID = "#E6E6E6"
"""The light lines across a timeline: an aid, not a mark; the axis carries the values."""
DONE = "#0072B2"
"""What was done (gjort): the bar, and the stepped line over time."""
EXPECTED = "#000000"
"""What the date calls for (förväntat): the mark on a bar, the dashed line over time."""
TARGET = "#222222"
"""The whole target (mål): the dotted line across a timeline, labelled with its value."""
INK = "#222222"
"""Text, axes, ticks and the line at the report date."""

TEXT_SIZE = 12.0
"""The size of every chart text in points of the figure (textstorlek).

A chart is drawn :data:`WIDTH` inches wide and the page scales it to its
column: on a phone 360 CSS pixels wide the column is 336 pixels, so a
12-point text of a 360-point-wide chart is 11.2 pixels high, and on a wide
screen, where the CSS shows the chart at its own size, 16 pixels (the body
text's size).
"""
WIDTH = 5.0
"""The width of every chart in inches (bredd): narrow enough for a phone column."""
_WRAP = 40  # characters of a bar's label per line, at TEXT_SIZE in WIDTH
_LINE = 0.24  # inches per line of text or bar in progress_bars


@attrs.frozen(kw_only=True)
class Bar:
    """One activity's bar in :func:`progress_bars` (stapel).

    Attributes:
        label: The activity's title.
        done: The share of the target done, from 0 to 1.
        expected: The share the date calls for, from 0 to 1, if any.
        text: The figures in words ("gjort 78 %, förväntat 75 %"), written above the bar.
    """

    label: str
    done: float
    expected: float | None
    text: str


@attrs.frozen(kw_only=True)
class Point:
    """One date in :func:`timeline` (mätpunkt).

    Attributes:
        day: The date.
        expected: What was expected by then.
        done: What was done by then; ``None`` after the report date.
    """

    day: dt.date
    expected: float
    done: float | None


def _matplotlib() -> tuple[Any, Any]:
    """Return matplotlib and its Figure class.

    Figures are made from :class:`~matplotlib.figure.Figure` directly, never
    through pyplot, so no GUI backend is touched and the global backend a
    caller may have chosen is left as it is.

    Raises:
        MissingExtraError: If matplotlib (the ``report`` extra) is not installed.
    """
    try:
        import matplotlib as mpl  # noqa: PLC0415 - optional dependency, imported on use
        import matplotlib.dates  # noqa: PLC0415
        import matplotlib.lines  # noqa: PLC0415
        import matplotlib.patches  # noqa: PLC0415
        from matplotlib.figure import Figure  # noqa: PLC0415
    except ImportError as error:
        raise MissingExtraError(extra="report", purpose="Drawing report charts") from error
    return mpl, Figure


_RC = {
    "svg.fonttype": "none",
    "text.parse_math": False,  # a "$" in a title is a dollar sign, not mathtext
    "font.family": ["DejaVu Sans"],
    "font.size": TEXT_SIZE,
    "figure.facecolor": BACKGROUND,
    "axes.facecolor": BACKGROUND,
    "savefig.facecolor": BACKGROUND,
    "axes.edgecolor": INK,
    "axes.labelcolor": INK,
    "text.color": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _chart_text(text: str) -> str:
    """Return promise text fit for a chart: no control characters, bidi controls paired.

    matplotlib cannot draw a lone surrogate at all, and a control character
    would make the SVG invalid; each becomes U+FFFD. A text's bidirectional
    controls stay inside its own ``<text>`` element.
    """
    return balance(showable(text))


def _svg(figure: Any, *, prefix: str, title: str) -> str:  # noqa: ANN401 - a matplotlib Figure
    """Return *figure* as one ``<svg>`` element with ids prefixed and a title.

    The XML declaration, the DOCTYPE and matplotlib's RDF metadata are left
    out; the element gets ``role="img"`` and a ``<title>`` for screen readers,
    and a ``viewBox`` only, so that CSS can scale it to the page.
    """
    mpl, _ = _matplotlib()
    buffer = io.StringIO()
    with mpl.rc_context({**_RC, "svg.hashsalt": prefix}), warnings.catch_warnings():
        # Text stays text in the SVG and the browser picks a font for it; a
        # character missing from DejaVu Sans only upsets matplotlib's layout.
        warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
        # Nor do scripts matplotlib cannot shape (Devanagari …): the browser shapes them.
        warnings.filterwarnings(
            "ignore", "Matplotlib currently does not support .* natively", UserWarning
        )
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    ET.register_namespace("", _SVG)
    ET.register_namespace("xlink", _XLINK)
    root = ET.fromstring(buffer.getvalue())  # noqa: S314 - our own output, see the import
    for metadata in root.findall(f"{{{_SVG}}}metadata"):
        root.remove(metadata)
    href = f"{{{_XLINK}}}href"
    for element in root.iter():
        if "id" in element.attrib:
            element.set("id", f"{prefix}-{element.get('id')}")
        for name in ("clip-path", "style", "mask", "fill"):
            value = element.get(name)
            if value and "url(#" in value:
                element.set(name, _REF.sub(lambda m: f"url(#{prefix}-{m.group(1)})", value))
        target = element.get(href)
        if target and target.startswith("#"):
            element.set(href, f"#{prefix}-{target[1:]}")
    for name in ("width", "height"):
        root.attrib.pop(name, None)
    root.set("role", "img")
    root.set("class", "chart")
    label = ET.Element(f"{{{_SVG}}}title")
    label.text = isolate(showable(title))
    root.insert(0, label)
    return ET.tostring(root, encoding="unicode")


def progress_bars(
    bars: Sequence[Bar], *, lang: Language = "sv", key: str = "bars", title: str = ""
) -> str:
    """Return an SVG chart with one bar per activity: done against expected (förloppsstaplar).

    Args:
        bars: The bars, top to bottom.
        lang: The language of the legend.
        key: A prefix for the element ids, unique within the page.
        title: The chart's title for screen readers.

    Returns:
        The ``<svg>`` element as text.

    Raises:
        MissingExtraError: If matplotlib (the ``report`` extra) is not installed.
    """
    mpl, figure_class = _matplotlib()
    words = texts.CHART[lang]
    # Each activity is a block: its title (wrapped) and its figures above its
    # bar, so the bar can take the whole width of a phone's column.
    blocks = [
        (textwrap.wrap(_chart_text(bar.label), _WRAP) or ["–"], _chart_text(bar.text))
        for bar in bars
    ]
    units = sum(len(name) + 2.6 for name, _ in blocks)
    with mpl.rc_context(_RC):
        figure = figure_class(figsize=(WIDTH, 1.0 + _LINE * units), layout="constrained")
        axes = figure.add_subplot()
        top = 0.0
        for (name, figures), bar in zip(blocks, bars, strict=True):
            for line in name:
                axes.text(0, top, line, va="center", ha="left", fontweight="bold")
                top += 1
            axes.text(0, top, figures, va="center", ha="left")
            middle = top + 1.1
            axes.barh(middle, 1.0, color=TRACK, height=0.9)
            axes.barh(middle, min(bar.done, 1.0), color=DONE, height=0.9)
            if bar.expected is not None:
                # Longer than the bar is high: its ends stand on the background too.
                axes.plot(
                    [bar.expected, bar.expected],
                    [middle - 0.65, middle + 0.65],
                    color=EXPECTED,
                    linewidth=2.6,
                )
            top = middle + 1.5
        axes.set_xlim(0, 1)
        axes.set_ylim(max(top, 1.0) - 0.6, -0.6)
        axes.set_xticks([0, 0.25, 0.5, 0.75, 1.0], ["0", "25", "50", "75", "100 %"])
        axes.set_yticks([])
        axes.spines["left"].set_visible(False)
        axes.set_xlabel(words["share"])
        handles = [
            mpl.patches.Patch(color=DONE, label=words["done"]),
            mpl.lines.Line2D([], [], color=EXPECTED, linewidth=2.6, label=words["expected"]),
        ]
        figure.legend(handles=handles, loc="outside upper left", ncols=2, frameon=False)
        return _svg(figure, prefix=key, title=title)


def timeline(
    points: Sequence[Point],
    *,
    as_of: dt.date,
    planned: float,
    unit: str | None,
    lang: Language = "sv",
    key: str = "timeline",
    title: str = "",
) -> str:
    """Return an SVG chart of what was done over time against the expected line (tidslinje).

    Args:
        points: The dates, in order, each with what was expected and done.
        as_of: The report date, marked on the chart.
        planned: What is promised in total, drawn as a dotted line.
        unit: What is counted, for the axis label.
        lang: The language of the legend.
        key: A prefix for the element ids, unique within the page.
        title: The chart's title for screen readers.

    Returns:
        The ``<svg>`` element as text.

    Raises:
        MissingExtraError: If matplotlib (the ``report`` extra) is not installed.
    """
    mpl, figure_class = _matplotlib()
    words = texts.CHART[lang]
    with mpl.rc_context(_RC):
        figure = figure_class(figsize=(WIDTH, 2.8), layout="constrained")
        axes = figure.add_subplot()
        days = [p.day for p in points]
        axes.plot(
            days,
            [p.expected for p in points],
            color=EXPECTED,
            linewidth=1.6,
            linestyle="--",
            label=words["expected"],
        )
        done = [(p.day, p.done) for p in points if p.done is not None]
        if done:
            axes.step(
                [d for d, _ in done],
                [v for _, v in done],
                where="post",
                color=DONE,
                linewidth=2.2,
                label=words["done"],
            )
        axes.axhline(planned, color=TARGET, linewidth=1.0, linestyle=":")
        axes.annotate(
            f"{words['target']} {planned:g}",
            (0, planned),
            xycoords=("axes fraction", "data"),
            xytext=(3, 3),
            textcoords="offset points",
        )
        if days and days[0] <= as_of <= days[-1]:
            axes.axvline(as_of, color=INK, linewidth=0.8)
            # The label stands on the side of the line with room, inside the chart.
            late = as_of - days[0] > days[-1] - as_of
            axes.annotate(
                words["as_of"].format(date=texts.day(as_of, lang)),
                (as_of, planned),
                xytext=(-4 if late else 4, -16),
                textcoords="offset points",
                ha="right" if late else "left",
            )
        axes.set_ylim(0, max(planned, *(v for _, v in done), 1) * 1.1)
        if days:
            axes.set_xlim(days[0], days[-1])
        locator = mpl.dates.AutoDateLocator(minticks=3, maxticks=5)
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(mpl.dates.DateFormatter("%Y-%m"))
        axes.set_ylabel(_chart_text(unit or ""))
        figure.legend(loc="outside upper left", ncols=2, frameon=False)
        axes.grid(axis="y", color=GRID, linewidth=0.6)
        axes.set_axisbelow(True)
        return _svg(figure, prefix=key, title=title)
