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

__all__ = ["Bar", "Point", "progress_bars", "timeline"]

_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
_REF = re.compile(r"url\(#([^)]+)\)")

# Colours readable in print and for the common colour-vision deficiencies
# (Okabe–Ito): blue for what was done, vermilion for the expected line over
# time. The expected mark on a bar is near-black, which stands at least 3:1
# against the blue bar and the grey track it crosses.
_DONE = "#0072B2"
_EXPECTED = "#D55E00"
_MARK = "#222222"
_TRACK = "#E6E6E6"
_INK = "#222222"


@attrs.frozen(kw_only=True)
class Bar:
    """One activity's bar in :func:`progress_bars` (stapel).

    Attributes:
        label: The activity's title.
        done: The share of the target done, from 0 to 1.
        expected: The share the date calls for, from 0 to 1, if any.
        text: The figures in words, written beside the bar.
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
    "font.size": 9.0,
    "axes.edgecolor": _INK,
    "axes.labelcolor": _INK,
    "text.color": _INK,
    "xtick.color": _INK,
    "ytick.color": _INK,
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
    labels = ["\n".join(textwrap.wrap(_chart_text(bar.label), 34)) or "–" for bar in bars]
    lines = sum(max(1, label.count("\n") + 1) for label in labels)
    height = 0.75 + 0.2 * lines + 0.2 * len(bars)
    with mpl.rc_context(_RC):
        figure = figure_class(figsize=(7.2, height), layout="constrained")
        axes = figure.add_subplot()
        rows = list(range(len(bars)))[::-1]
        axes.barh(rows, [1.0] * len(bars), color=_TRACK, height=0.6)
        axes.barh(rows, [min(bar.done, 1.0) for bar in bars], color=_DONE, height=0.6)
        for row, bar in zip(rows, bars, strict=True):
            if bar.expected is not None:
                axes.plot(
                    [bar.expected, bar.expected],
                    [row - 0.4, row + 0.4],
                    color=_MARK,
                    linewidth=2.6,
                )
            axes.text(1.02, row, bar.text, va="center", ha="left", fontsize=9)
        axes.set_yticks(rows, labels)
        axes.set_xlim(0, 1)
        axes.set_ylim(-0.6, len(bars) - 0.4)
        axes.set_xticks([0, 0.25, 0.5, 0.75, 1.0], ["0", "25", "50", "75", "100 %"])
        axes.tick_params(axis="y", length=0)
        axes.spines["left"].set_visible(False)
        axes.set_xlabel(words["share"])
        handles = [
            mpl.patches.Patch(color=_DONE, label=words["done"]),
            mpl.lines.Line2D([], [], color=_MARK, linewidth=2.6, label=words["expected"]),
        ]
        figure.legend(
            handles=handles, loc="outside upper right", ncols=2, frameon=False, fontsize=8
        )
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
        figure = figure_class(figsize=(7.2, 2.4), layout="constrained")
        axes = figure.add_subplot()
        days = [p.day for p in points]
        axes.plot(
            days,
            [p.expected for p in points],
            color=_EXPECTED,
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
                color=_DONE,
                linewidth=2.2,
                label=words["done"],
            )
        axes.axhline(planned, color=_INK, linewidth=0.8, linestyle=":")
        axes.annotate(
            f"{words['target']} {planned:g}",
            (0, planned),
            xycoords=("axes fraction", "data"),
            xytext=(3, 3),
            textcoords="offset points",
            fontsize=8,
        )
        if days and days[0] <= as_of <= days[-1]:
            axes.axvline(as_of, color=_INK, linewidth=0.6)
            axes.annotate(
                words["as_of"].format(date=texts.day(as_of, lang)),
                (as_of, planned),
                xytext=(3, -10),
                textcoords="offset points",
                fontsize=7.5,
            )
        axes.set_ylim(0, max(planned, *(v for _, v in done), 1) * 1.1)
        if days:
            axes.set_xlim(days[0], days[-1])
        locator = mpl.dates.AutoDateLocator(minticks=4, maxticks=9)
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(mpl.dates.DateFormatter("%Y-%m"))
        axes.set_ylabel(_chart_text(unit or ""))
        figure.legend(loc="outside upper right", ncols=2, frameon=False, fontsize=8)
        axes.grid(axis="y", color=_TRACK, linewidth=0.6)
        axes.set_axisbelow(True)
        return _svg(figure, prefix=key, title=title)
