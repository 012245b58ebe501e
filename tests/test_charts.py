"""Tests for the report charts: contrast of every mark and text, labels, size on a phone."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from medborgarlofte import load, progress, render_html
from medborgarlofte._core import texts
from medborgarlofte._render import charts
from test_report_summary import contrast, status_colours

if TYPE_CHECKING:
    from medborgarlofte._core.problems import Language

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hofors-2023-2024.toml"
AS_OF = dt.date(2024, 6, 30)
SVG = "{http://www.w3.org/2000/svg}"
MARK = 3.0  # WCAG 2.2 1.4.11, non-text contrast
TEXT = 4.5  # WCAG 2.2 1.4.3, contrast of normal text
PHONE = 360  # CSS pixels, the narrow phone the issue read the report on
SMALLEST_TEXT = 11.0  # CSS pixels


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """Return the Hofors report at 2024-06-30 in Swedish and English."""
    promise = load(EXAMPLE)
    return {lang: render_html(promise, as_of=AS_OF, lang=lang) for lang in ("sv", "en")}


def svgs(page: str, kind: str = "") -> list[ET.Element]:
    """Return the charts of a page, parsed: all, or those of one kind (``bars``, ``timeline``)."""
    found = re.findall(r'<figure class="chart ([a-z]+)">\s*(<svg.*?</svg>)', page, flags=re.DOTALL)
    return [ET.fromstring(svg) for figure, svg in found if kind in {"", figure}]  # noqa: S314


def text_of(element: ET.Element) -> str:
    """Return the text an element holds, its children's included."""
    return "".join(element.itertext())


def style(element: ET.Element) -> dict[str, str]:
    """Return an element's inline style as a dict, colours in lower case."""
    pairs = (part.split(":", 1) for part in (element.get("style") or "").split(";") if ":" in part)
    return {name.strip(): value.strip().lower() for name, value in pairs}


def groups(element: ET.Element, kind: str) -> list[ET.Element]:
    """Return the direct child groups of *element* that matplotlib named ``{kind}_N``."""
    return [g for g in element.findall(f"{SVG}g") if re.search(rf"-{kind}_\d+$", g.get("id", ""))]


def path_style(group: ET.Element) -> dict[str, str]:
    """Return the style of the first path a matplotlib group draws."""
    path = group.find(f".//{SVG}path")
    assert path is not None
    return style(path)


def parts(chart: ET.Element) -> tuple[str, ET.Element, dict[str, str]]:
    """Return a chart's background colour, its plot area, and its legend's colour by label."""
    (figure,) = groups(chart, "figure")
    (axes,) = groups(figure, "axes")
    (legend,) = groups(figure, "legend")
    (background,) = {path_style(groups(figure, "patch")[0])["fill"]} | {
        path_style(groups(axes, "patch")[0])["fill"]
    }
    keys = {}
    entries = legend.findall(f"{SVG}g")  # each handle is followed by its label
    for handle, label in zip(entries[0::2], entries[1::2], strict=True):
        drawn = path_style(handle)
        word = label.find(f".//{SVG}text")
        assert word is not None
        keys[text_of(word)] = (
            drawn["stroke"] if drawn.get("fill", "none") == "none" else drawn["fill"]
        )
    return background, axes, keys


def words(lang: Language) -> tuple[str, str]:
    """Return the legend's words for done and expected."""
    return {"sv": ("gjort", "förväntat"), "en": ("done", "expected")}[lang]


def test_palette_neighbours_have_contrast():
    """Each pair of palette colours that meet on a chart stands 3:1 apart, text 4.5:1."""
    pairs = {
        "done bar on the background": (charts.DONE, charts.BACKGROUND, MARK),
        "done bar on the track": (charts.DONE, charts.TRACK, MARK),
        "expected mark on the done bar": (charts.EXPECTED, charts.DONE, MARK),
        "expected mark on the track": (charts.EXPECTED, charts.TRACK, MARK),
        "expected mark on the background": (charts.EXPECTED, charts.BACKGROUND, MARK),
        "expected line on the background": (charts.EXPECTED, charts.BACKGROUND, MARK),
        "expected line across the done line": (charts.EXPECTED, charts.DONE, MARK),
        "target line on the background": (charts.TARGET, charts.BACKGROUND, MARK),
        "target line across the done line": (charts.TARGET, charts.DONE, MARK),
        "report-date line on the background": (charts.INK, charts.BACKGROUND, MARK),
        "report-date line across the done line": (charts.INK, charts.DONE, MARK),
        "text on the background": (charts.INK, charts.BACKGROUND, TEXT),
    }
    weak = {
        name: round(contrast(a, b), 2)
        for name, (a, b, need) in pairs.items()
        if contrast(a, b) < need
    }
    assert {} == weak


def test_the_palette_is_what_the_charts_draw(pages):
    """Every colour in the Hofors report's charts is one of the palette's, and each is used."""
    palette = {
        c.lower()
        for c in (
            charts.BACKGROUND,
            charts.TRACK,
            charts.GRID,
            charts.DONE,
            charts.EXPECTED,
            charts.TARGET,
            charts.INK,
        )
    }
    used = set()
    for chart in svgs(pages["sv"]):
        for element in chart.iter():
            colours = style(element)
            used |= {colours.get("fill"), colours.get("stroke")} - {None, "none"}
    assert palette == used


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_bar_mark_stands_out_from_what_it_sits_on(pages, lang):
    """In each bar chart as drawn, bar and expected mark stand 3:1 against their neighbours."""
    done_word, expected_word = words(lang)
    weak = []
    for chart in svgs(pages[lang], "bars"):
        background, axes, keys = parts(chart)
        fills = [path_style(g)["fill"] for g in groups(axes, "patch")[1:]]
        fills = [f for f in fills if f != "none"]  # the spine is a patch too
        marks = {path_style(g)["stroke"] for g in groups(axes, "line2d")}
        done, expected = keys[done_word], keys[expected_word]
        (track,) = set(fills) - {done}  # what each bar is drawn on
        assert ({done}, {expected}) == (set(fills) & {done}, marks)
        pairs = [(done, background), (done, track), (expected, done), (expected, track)]
        weak += [pair for pair in [*pairs, (expected, background)] if contrast(*pair) < MARK]
    assert (True, []) == (len(svgs(pages[lang], "bars")) >= 2, weak)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_timeline_line_stands_out_from_the_background_and_the_done_line(pages, lang):
    """Each timeline line stands 3:1 on the background, and 3:1 against the done line it crosses."""
    done_word, expected_word = words(lang)
    weak = []
    for chart in svgs(pages[lang], "timeline"):
        background, axes, keys = parts(chart)
        lines = {path_style(g)["stroke"] for g in groups(axes, "line2d")}
        done = keys.get(done_word)
        assert {keys[expected_word], done} - {None} <= lines
        weak += [(c, background) for c in lines if contrast(c, background) < MARK]
        weak += [(c, done) for c in lines - {done} if done and contrast(c, done) < MARK]
    assert (True, []) == (len(svgs(pages[lang], "timeline")) >= 3, weak)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_chart_text_stands_out_from_the_background(pages, lang):
    """Every text in every chart, as drawn, stands at least 4.5:1 against the chart's background."""
    weak = [
        text_of(text)
        for chart in svgs(pages[lang])
        for text in chart.iter(f"{SVG}text")
        if contrast(style(text)["fill"], parts(chart)[0]) < TEXT
    ]
    assert [] == weak


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_bar_says_which_figure_is_done_and_which_expected(pages, lang):
    """Every bar of the Hofors report names its figures: "gjort 78 %, förväntat 75 %"."""
    done_word, expected_word = words(lang)
    result = progress(load(EXAMPLE), as_of=AS_OF)
    expected = sorted(
        f"{done_word} {texts.percent(a.completion, lang)}"
        + (
            ""
            if a.expected_share is None
            else f", {expected_word} {texts.percent(a.expected_share, lang)}"
        )
        for a in result.activities
        if a.completion is not None
    )
    found = sorted(
        text_of(t)
        for chart in svgs(pages[lang], "bars")
        for t in chart.iter(f"{SVG}text")
        if text_of(t).startswith(f"{done_word} ")
    )
    assert (True, expected) == (f", {expected_word} " in " ".join(found), found)


@pytest.mark.parametrize(("lang", "word"), [("sv", "mål"), ("en", "target")])
def test_each_timeline_labels_its_target_line(pages, lang, word):
    """Each timeline writes its activity's target beside the dotted line: "mål 40"."""
    result = progress(load(EXAMPLE), as_of=AS_OF)
    expected, found = [], []
    for chart in svgs(pages[lang], "timeline"):
        title = chart.findtext(f"{SVG}title", "")
        (item,) = [a for a in result.activities if title.startswith(f"{a.activity.title}:")]
        expected.append(f"{word} {item.planned:g}")
        found.append(
            next(text_of(t) for t in chart.iter(f"{SVG}text") if text_of(t).startswith(f"{word} "))
        )
    assert (True, expected) == (len(expected) >= 3, found)


def test_chart_text_is_at_least_11_pixels_on_a_phone(pages):
    """Across a 360-pixel phone's column (336 pixels), every chart text is 11 pixels or more."""
    column = PHONE - 2 * 12  # the body's side padding on a narrow screen, 0.75rem each
    small = []
    for chart in svgs(pages["sv"]):
        width = float(chart.get("viewBox", "").split()[2])
        for text in chart.iter(f"{SVG}text"):
            size = float(re.sub("px$", "", style(text)["font-size"]))
            if size * column / width < SMALLEST_TEXT:
                small.append(("".join(text.itertext()), round(size * column / width, 1)))
    assert [] == small


# Colour vision deficiencies, simulated with the matrices of Machado, Oliveira
# and Fernandes (2009) at full severity, applied to linear sRGB.
DEFICIENCIES = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
}
ALIKE = 25.0  # CIE76 colour difference under which two pills are easily taken for each other


def lab(colour: str, deficiency: str | None = None) -> tuple[float, float, float]:
    """Return the CIELAB of an sRGB colour ``#rgb`` or ``#rrggbb``, seen with *deficiency* (D65)."""
    digits = colour[1:] if len(colour) == 7 else "".join(c * 2 for c in colour[1:])
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    rgb = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    if deficiency is not None:
        matrix = DEFICIENCIES[deficiency]
        rgb = [
            min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in matrix
        ]
    r, g, b = rgb
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    fx, fy, fz = (t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def difference(a: tuple[str, str], b: tuple[str, str], deficiency: str | None) -> float:
    """Return how far apart two pills (text, background) look: the larger CIE76 difference."""
    return max(
        sum((p - q) ** 2 for p, q in zip(lab(x, deficiency), lab(y, deficiency), strict=True))
        ** 0.5
        for x, y in zip(a, b, strict=True)
    )


def test_status_pills_that_look_alike_without_red_and_green_differ_by_symbol(pages):
    """Pills alike to a red-green colour-blind reader, not to others, differ by their symbols."""
    colours = {k: (fg.lower(), bg.lower()) for k, (fg, bg) in status_colours(pages["sv"]).items()}
    confused = {
        (a, b)
        for a, b in itertools.combinations(sorted(colours), 2)
        for deficiency in DEFICIENCIES
        if difference(colours[a], colours[b], None) >= ALIKE
        and difference(colours[a], colours[b], deficiency) < ALIKE
    }
    same = [(a, b) for a, b in confused if texts.STATUS_SYMBOLS[a] == texts.STATUS_SYMBOLS[b]]
    assert (True, []) == (("achieved", "at_risk") in confused, same)


_PROBE = """<script>
document.getElementById("report").addEventListener("load", function () {
  var d = this.contentDocument, w = this.contentWindow, sizes = [], pills = [], charts = [];
  d.querySelectorAll("svg.chart text").forEach(function (t) {
    var size = parseFloat(w.getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a;
    sizes.push(Math.round(size * 10) / 10);
  });
  d.querySelectorAll("table.activities .status").forEach(function (p) {
    pills.push(p.getBoundingClientRect().right);
  });
  d.querySelectorAll("svg.chart").forEach(function (s) {
    charts.push(s.getBoundingClientRect().right);
  });
  var found = {width: w.innerWidth, page: d.documentElement.scrollWidth, text: sizes,
               pills: pills, charts: charts};
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(found);
  document.body.appendChild(pre);
});
</script>"""


def measure_on_a_phone(page: str, tmp_path: Path, chromium: list[str]) -> dict[str, Any]:
    """Return sizes measured by headless Chromium with *page* in a 360-pixel-wide frame.

    The frame is the phone: its width is the viewport the page's CSS sees.
    Scrollbars are hidden, as a phone's overlay scrollbars take no width.
    """
    host = tmp_path / "phone.html"
    host.write_text(
        f'<!DOCTYPE html><html lang="sv"><title>phone</title><body style="margin:0">'
        f'<iframe id="report" style="border:0;width:{PHONE}px;height:800px" '
        f'srcdoc="{html.escape(page)}"></iframe>{_PROBE}</body></html>',
        encoding="utf-8",
    )
    dom = subprocess.run(  # noqa: S603 - a fixed command on a file the test wrote
        [
            *chromium,
            "--hide-scrollbars",
            "--window-size=800,900",
            "--virtual-time-budget=20000",
            "--dump-dom",
            host.as_uri(),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, flags=re.DOTALL)
    assert found is not None, dom[-2000:]
    return dict(json.loads(html.unescape(found.group(1))))


def test_on_a_phone_chart_text_is_legible_and_the_status_in_view(pages, tmp_path, chromium):
    """In Chromium at 360 pixels chart text is 11 pixels or more and charts and statuses in view."""
    found = measure_on_a_phone(pages["sv"], tmp_path, chromium)
    rows = pages["sv"].count('<tr><th scope="row"><a href="#fokus-')  # one per activity
    small = [size for size in found["text"] if size < SMALLEST_TEXT]
    outside = [right for right in [*found["charts"], *found["pills"]] if right > PHONE]
    assert (PHONE, PHONE, rows, True, [], []) == (
        found["width"],
        found["page"],
        len(found["pills"]),
        len(found["text"]) > 0,
        small,
        outside,
    )
