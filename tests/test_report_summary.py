"""Tests for the summary box, the key, other work and the short report (läget i korthet)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
from pathlib import Path

import html5lib
import pytest

from medborgarlofte import (
    Activity,
    Period,
    PeriodQuota,
    Promise,
    Report,
    ReportLink,
    load,
    render_html,
    render_markdown,
)
from medborgarlofte._core import texts
from medborgarlofte.cli import main

ROOT = Path(__file__).parent.parent
HOFORS = ROOT / "examples" / "hofors-2023-2024.toml"
AS_OF = dt.date(2024, 6, 30)
XHTML = "{http://www.w3.org/1999/xhtml}"


def parse_html(page: str) -> object:
    """Parse *page* with a strict HTML5 parser: any parse error raises."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)


def section_ids(page: str) -> list[str]:
    """Return the ids of the page's sections, in order."""
    return re.findall(r'<section id="([^"]+)"', page)


def text_of_section(page: str, section: str) -> str:
    """Return the text of one section, tags removed."""
    start = page.index(f'<section id="{section}"')
    end = page.index("</section>", start)
    return re.sub(r"<[^>]+>", "", page[start:end])


@pytest.fixture(scope="module")
def hofors() -> Promise:
    return load(HOFORS)


@pytest.fixture(scope="module")
def page(hofors) -> str:
    return render_html(hofors, as_of=AS_OF)


def test_the_report_opens_with_the_summary_and_ends_with_the_paperwork(page):
    """The summary box and the key come first, the focus areas next, the promise's papers last."""
    ids = section_ids(page)
    assert (["lage", "nyckel"], "loftet") == (ids[:2], ids[-1])
    assert ids.index("fokus-1") < ids.index("loftet")


def test_the_summary_names_what_is_behind_and_what_is_overdue(page):
    """Hofors at 2024-06-30: the narcotics efforts are behind and T1 2024 is 31 days late."""
    box = text_of_section(page, "lage")
    assert (True, True, True) == (
        "Riktade insatser mot narkotika och vapen" in box,
        "T1 2024 (BRÅ): försenad sedan 31\N{NO-BREAK SPACE}dagar" in box,
        "75\N{NO-BREAK SPACE}% av perioden 1 januari 2023 – 31 december 2024 har gått." in box,
    )


def test_the_summary_in_english_counts_the_days(hofors):
    """The English summary says how many days late, in English."""
    box = text_of_section(render_html(hofors, as_of=AS_OF, lang="en"), "lage")
    assert "T1 2024 (BRÅ): 31\N{NO-BREAK SPACE}days late" in box


def test_the_key_explains_every_status_with_its_symbol(page):
    """Each status has its symbol and definition in the key, and the thresholds are named."""
    key = text_of_section(page, "nyckel")
    missing = [k for k, symbol in texts.STATUS_SYMBOLS.items() if symbol not in key]
    assert ([], True) == (missing, "minst 90\N{NO-BREAK SPACE}%" in key)


def test_every_status_pill_carries_a_symbol(page):
    """No status pill relies on colour alone: each holds a symbol hidden from screen readers."""
    pills = re.findall(r'<span class="status status-([a-z_]+)">(.*?)</span> ', page)
    assert pills
    assert [] == [
        key
        for key, inner in pills
        if f'aria-hidden="true">{texts.STATUS_SYMBOLS[key]}' not in inner
    ]


def _with_other_work() -> Promise:
    return Promise(
        id="p",
        title="Löftet",
        period=Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)),
        activities=(
            Activity(id="a", title="Kontroller", target=PeriodQuota(amount=4, unit="kontroller")),
        ),
        reports=(
            Report(
                link=ReportLink.UNPROMISED,
                work="Nattvandring med föreningar",
                date=dt.date(2024, 3, 1),
                amount=100,
                wording="ett hundratal",
            ),
            Report(
                link=ReportLink.UNRESTATED, work="Lägesbild varje vecka", date=dt.date(2024, 4, 1)
            ),
        ),
    )


def test_reports_that_belong_to_no_activity_are_shown_as_other_work():
    """Unlinked reports get their own section, with the amount as the document words it."""
    page = render_html(_with_other_work(), as_of=AS_OF)
    parse_html(page)
    other = text_of_section(page, "annat")
    assert (True, True, True, True) == (
        "Nattvandring med föreningar" in other,
        "ett hundratal (100)" in other,
        "Lägesbild varje vecka" in other,
        "inte utlovat" in other,
    )


def test_other_work_is_in_the_markdown_report_too():
    """The Markdown report has the same section for unlinked reports."""
    page = render_markdown(_with_other_work(), as_of=AS_OF, lang="en")
    assert (True, True) == ("## Other work done" in page, "Nattvandring med föreningar" in page)


def test_the_brief_report_is_one_summary_and_one_line_per_activity(hofors):
    """The short report parses strictly, has no charts, a line per activity, the next follow-up."""
    page = render_html(hofors, as_of=AS_OF, brief=True)
    tree = parse_html(page)
    rows = next(iter(tree.iter(f"{XHTML}tbody"))).iter(f"{XHTML}tr")  # type: ignore[attr-defined]
    assert (len(hofors.activities), 0, True, True) == (
        len(list(rows)),
        page.count("<svg"),
        "T2 2024 (BRÅ), senast 30 september 2024" in page,
        "31 av 40\N{NO-BREAK SPACE}trafikkontroller" in page,
    )


def test_the_brief_markdown_report_has_a_line_per_activity(hofors):
    """The short Markdown report lists each activity once with its figure."""
    page = render_markdown(hofors, as_of=AS_OF, lang="en", brief=True)
    assert [a.title for a in hofors.activities] == [
        a.title for a in hofors.activities if f"| {a.title} |" in page
    ]
    assert "9 of 12\N{NO-BREAK SPACE}kvällsinsatser" in page


def test_progress_of_a_promise_without_activities_prints_no_empty_figures(tmp_path, capsys):
    """`progress` says there is nothing to follow up instead of "Genomfört – mot förväntat –; ."."""
    path = tmp_path / "p.toml"
    path.write_text(
        'format_version = 2\nid = "p"\ntitle = "Tomt"\n\n[[parties]]\nid = "polisen"\n'
        'kind = "police"\nname = "Polisen"\n\n[period]\nstart = "2024-01-01"\n'
        'end = "2024-12-31"\n',
        encoding="utf-8",
    )
    assert 0 == main(["progress", str(path), "--as-of", "2024-06-30"])
    out = capsys.readouterr().out
    assert (False, True) == ("–; ." in out, "Löftet har inga aktiviteter att följa upp." in out)


def test_the_brief_report_prints_on_one_a4_page(hofors, tmp_path, chromium):
    """Chromium prints the short Hofors report on exactly one A4 page."""
    page = tmp_path / "brief.html"
    pdf = tmp_path / "brief.pdf"
    page.write_text(render_html(hofors, as_of=AS_OF, brief=True), encoding="utf-8")
    subprocess.run(  # noqa: S603 - a fixed command on a file the test wrote
        [*chromium, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert 1 == len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def test_the_full_report_prints_on_more_pages_than_the_brief(hofors, tmp_path, chromium):
    """The page count is real: the full Hofors report needs more than one A4 page."""
    page = tmp_path / "full.html"
    pdf = tmp_path / "full.pdf"
    page.write_text(render_html(hofors, as_of=AS_OF), encoding="utf-8")
    subprocess.run(  # noqa: S603 - a fixed command on a file the test wrote
        [*chromium, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert 1 < len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def _luminance(colour: str) -> float:
    """Return the relative luminance of an sRGB colour, ``#rgb`` or ``#rrggbb`` (WCAG 2)."""
    digits = colour[1:] if len(colour) == 7 else "".join(c * 2 for c in colour[1:])
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """Return the WCAG contrast ratio of two colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_helper_knows_black_on_white():
    """Black on white is 21:1 and a colour on itself 1:1."""
    assert (21.0, 1.0) == (round(contrast("#000", "#ffffff"), 1), contrast("#a40e26", "#a40e26"))


def status_colours(page: str) -> dict[str, tuple[str, str]]:
    """Return each status's text and background colour from the page's CSS."""
    style = page[page.index("<style>") : page.index("</style>")]
    found = {}
    for selectors, fg, bg in re.findall(
        r"^([^{\n]*\.status-[^{]*)\{ color: (#[0-9a-f]+); background: (#[0-9a-f]+);",
        style,
        re.MULTILINE,
    ):
        for key in re.findall(r"\.status-([a-z_]+)", selectors):
            found[key] = (fg, bg)
    return found


def test_every_status_colour_has_text_contrast(page):
    """Each status has its colours, and its text stands at least 4.5:1 against its background."""
    colours = status_colours(page)
    weak = {k: round(contrast(*pair), 2) for k, pair in colours.items() if contrast(*pair) < 4.5}
    assert (set(texts.STATUS_SYMBOLS), {}) == (set(colours), weak)


def test_an_activity_shows_its_places_by_name_and_how_it_is_done():
    """A sub-target names its place; timing, method, condition and places stand by the activity."""
    from medborgarlofte import Place, SubTarget  # noqa: PLC0415 - only this test needs them

    activity = Activity(
        id="a",
        title="Fotpatruller",
        target=PeriodQuota(
            amount=800,
            unit="fotpatruller",
            sub_targets=(SubTarget(description="fotpatruller", amount=400, place="b-d"),),
        ),
        timing="kvällstid och helger",
        method="20-minutersmetoden",
        condition="om lägesbilden tillåter",
        places=("b-d",),
    )
    promise = Promise(
        id="p",
        title="Löftet",
        period=Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)),
        places=(Place(id="b-d", name="Björkdalen"),),
        activities=(activity,),
    )
    page = render_markdown(promise, as_of=AS_OF)
    assert (False, True, True, True, True, True) == (
        "i b-d" in page,
        "i Björkdalen" in page,
        "- **När:** kvällstid och helger" in page,
        "- **Metod:** 20-minutersmetoden" in page,
        "- **Villkor:** om lägesbilden tillåter" in page,
        "- **Platser:** Björkdalen" in page,
    )


_PROBE = (
    "<script>axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
    "var p = document.createElement('pre'); p.id = 'axe-result';"
    "p.textContent = JSON.stringify(r.violations.map(function (v) { return v.id; }));"
    "document.body.appendChild(p);});</script>"
)


def axe_violations(page: str, tmp_path: Path, axe: tuple[list[str], str]) -> list[str]:
    """Return the ids of the rules axe-core finds violated on *page*, run in headless Chromium."""
    chromium, script = axe
    probe = tmp_path / "axe.html"
    probe.write_text(
        page.replace("</body>", f"<script>{script}</script>{_PROBE}</body>"), encoding="utf-8"
    )
    dom = subprocess.run(  # noqa: S603 - a fixed command on a file the test wrote
        [*chromium, "--virtual-time-budget=20000", "--dump-dom", probe.as_uri()],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    found = re.search(r'<pre id="axe-result">(.*?)</pre>', dom, re.DOTALL)
    assert found is not None
    return list(json.loads(html.unescape(found.group(1))))


def test_axe_finds_violations_on_a_bad_page(tmp_path, axe):
    """The harness does report violations: an image without alt text and no language."""
    bad = "<!DOCTYPE html><html><head><title>x</title></head><body><img src=a.png></body></html>"
    assert {"image-alt", "html-has-lang"} <= set(axe_violations(bad, tmp_path, axe))


@pytest.mark.parametrize("brief", [False, True])
def test_axe_finds_no_violation_on_the_report(hofors, tmp_path, axe, brief):
    """axe-core finds no violation on the Hofors report, full or short."""
    assert [] == axe_violations(render_html(hofors, as_of=AS_OF, brief=brief), tmp_path, axe)


def test_a_brief_line_without_a_planned_amount_gives_its_reason(hofors):
    """Ongoing work has no 'x of y': its line in the short report says how it was assessed."""
    page = render_markdown(hofors, as_of=AS_OF, brief=True)
    line = next(row for row in page.splitlines() if "Stöd till alkoholfria aktiviteter" in row)
    assert line.endswith("| bedömning vid uppföljningen 25 januari 2024: pågående enligt plan |")
