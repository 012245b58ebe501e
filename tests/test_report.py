"""Tests for the follow-up report: HTML and Markdown, escaping, charts, reproducibility."""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path

import attrs
import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import medborgarlofte
from medborgarlofte import (
    Activity,
    Assessment,
    Basis,
    Bound,
    Cadence,
    Cancellation,
    Contact,
    Direction,
    FocusArea,
    FollowUp,
    FollowUpRule,
    Indicator,
    IndicatorTarget,
    Interval,
    IntervalQuota,
    InvalidValueError,
    Measurement,
    Milestone,
    MissingExtraError,
    Ongoing,
    Party,
    PartyKind,
    Period,
    PeriodQuota,
    Promise,
    Quantity,
    ReasonCode,
    Recurrence,
    Report,
    ReportKind,
    Schedule,
    Signatory,
    Source,
    SourceKind,
    SubTarget,
    Verdict,
    follow_up_coverage,
    load,
    progress,
    render_html,
    render_markdown,
    testing,
)
from medborgarlofte._core import texts
from medborgarlofte._render import charts as _charts
from medborgarlofte._render import renderer as _report
from medborgarlofte._render.renderer import describe_target
from medborgarlofte._render.text import balance, showable

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "hofors-2023-2024.toml"
PUBLISHED = ROOT / "docs" / "_static" / "hofors-report-2024-06-30.html"
NB = "\N{NO-BREAK SPACE}"
AS_OF = dt.date(2024, 6, 30)
NASTY = "<script>alert(\"x\")</script> & 'citat' | *fet* [länk](http://x)"
"""Text that would be markup in HTML and in Markdown if it were not escaped."""

SVG = "{http://www.w3.org/2000/svg}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def promise(title: str = "Medborgarlöfte Testby 2024") -> Promise:
    """Return a promise with every kind of target, reports, an indicator and follow-ups."""
    return Promise(
        id="testby-2024",
        title=title,
        parties=(
            Party(id="polisen", kind=PartyKind.POLICE, name=f"Polisen {title}"),
            Party(
                id="kommunen", kind=PartyKind.MUNICIPALITY, name="Hofors kommun", kommunkod="2104"
            ),
        ),
        period=Period.year(2024),
        signed_on=dt.date(2023, 12, 1),
        signatories=(
            Signatory(
                name=title,
                party="kommunen",
                title="ordförande",
                acting=True,
                signed_on=dt.date(2023, 12, 1),
            ),
        ),
        contacts=(
            Contact(name="Kim", party="polisen", title="kommunpolis", email="kim@example.org"),
        ),
        basis=Basis(
            sources=(Source(id="s", kind=SourceKind.SURVEY, description=title, year=2023),),
            problems=(title,),
            summary=title,
        ),
        focus_areas=(FocusArea(id="f", title=title, description=title),),
        activities=(
            Activity(
                id="a",
                title=title,
                focus_areas=("f",),
                responsible=("polisen",),
                description=title,
                measure=title,
                target=PeriodQuota(
                    amount=10, unit="kontroller", bound=Bound.AT_LEAST, wording=title
                ),
            ),
            Activity(
                id="b",
                title="Vandringar",
                focus_areas=("f",),
                target=IntervalQuota(amount=2, unit="vandringar", per=Interval.TERTIAL),
            ),
            Activity(
                id="c",
                title="Möten",
                focus_areas=("f",),
                target=Schedule(
                    recurrence=Recurrence(rule="FREQ=MONTHLY;BYMONTHDAY=1"), unit="möten"
                ),
            ),
            Activity(id="d", title="Plan", target=Milestone(due=dt.date(2024, 3, 31))),
            Activity(id="e", title="Stöd", target=Ongoing()),
            Activity(
                id="g",
                title="Struken",
                target=Ongoing(),
                cancelled=Cancellation(date=dt.date(2024, 2, 1), reason=title),
            ),
        ),
        reports=(
            Report(activity="a", date=dt.date(2024, 2, 1), amount=3, note=title, reason=title),
            Report(
                activity="a",
                date=dt.date(2024, 5, 1),
                amount=2,
                quantities=(Quantity(value=4, unit="personer"),),
                approximate=True,
            ),
            Report(
                activity="b",
                period=Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 4, 30)),
                amount=2,
            ),
            Report(activity="d", kind=ReportKind.NOT_DONE, date_text="våren", reason="tid"),
            Report(activity="a", date=dt.date(2024, 10, 1), amount=50, note="efter datumet"),
        ),
        indicators=(
            Indicator(
                id="i",
                name=title,
                unit="%",
                direction=Direction.DECREASE,
                baseline=Measurement(date=dt.date(2023, 6, 1), value=30),
                target=IndicatorTarget(value=20, date=dt.date(2024, 12, 31)),
                measurements=(Measurement(date=dt.date(2024, 5, 1), value=26),),
            ),
            Indicator(id="j", name="Utan data", unit="brott", direction=Direction.DECREASE),
        ),
        follow_up_rules=(
            FollowUpRule(
                id="r",
                cadence=Cadence.TERTIAL,
                forum=title,
                responsible="kommunen",
                report_due_days=30,
            ),
        ),
        follow_ups=(
            FollowUp(
                id="u1",
                rule="r",
                held_on=dt.date(2024, 6, 10),
                assessments=(
                    Assessment(
                        activity="e",
                        verdict=Verdict.PARTLY_DONE,
                        reason=ReasonCode.RESOURCES,
                        note=title,
                    ),
                ),
            ),
        ),
    )


def parse_html(page: str) -> object:
    """Parse *page* with a strict HTML5 parser: any parse error raises."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)


def text_of(element: object) -> str:
    return "".join(element.itertext())  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def page_sv() -> str:
    return render_html(promise(), as_of=AS_OF)


@pytest.fixture(scope="module")
def nasty_html() -> str:
    return render_html(promise(NASTY), as_of=AS_OF, lang="en")


def test_html_is_valid_html5(page_sv):
    """The HTML report parses without a single error in a strict HTML5 parser."""
    parse_html(page_sv)


def test_html_sets_the_language_and_stands_alone(page_sv):
    """The page names its language and loads nothing: no scripts, links, sources or URLs."""
    tree = parse_html(page_sv)
    assert "sv" == tree.get("lang")
    assert [] == [
        e.tag
        for e in tree.iter()
        if e.tag in {f"{XHTML}script", f"{XHTML}link", f"{XHTML}img", f"{XHTML}iframe"}
    ]
    assert [] == [e for e in tree.iter() if e.get("src") is not None]
    assert "url(http" not in page_sv
    assert "@import" not in page_sv


def test_every_table_header_has_a_scope(page_sv):
    """Every <th> says whether it heads a row or a column."""
    tree = parse_html(page_sv)
    headers = list(tree.iter(f"{XHTML}th"))
    assert headers
    assert {"row", "col"} == {th.get("scope") for th in headers}


def test_html_has_print_rules_for_a4(page_sv):
    """The inline CSS sets an A4 page with page numbers and keeps each activity whole in print."""
    assert "size: A4;" in page_sv
    assert 'counter(page) " / " counter(pages)' in page_sv
    assert "@media print" in page_sv
    assert "article.activity { break-inside: avoid;" in page_sv


def test_running_header_cannot_leave_its_css_string():
    """A title with quotes, backslashes and a closing style tag stays inside the header's string."""
    title = 'Löfte "x" \\ </style><script>alert(1)</script>'
    page = render_html(Promise(id="p", title=title), as_of=dt.date(2024, 1, 1))
    style = page[page.index("<style>") + len("<style>") : page.index("</style>")]
    header = re.search(r'@top-left \{ content: "([^"]*)";', style)
    assert header is not None
    shown = re.sub(r"\\([0-9A-F]+) ", lambda m: chr(int(m.group(1), 16)), header.group(1))
    assert (False, f"Uppföljningsrapport: {title}") == ("<" in style, shown)


def test_svg_ids_are_unique_on_the_page(page_sv):
    """Several charts on one page never share an element id."""
    ids = re.findall(r'\sid="([^"]+)"', page_sv)
    assert len(ids) == len(set(ids))
    tree = parse_html(page_sv)
    assert len(list(tree.iter(f"{SVG}svg"))) >= 2


def test_every_chart_reference_points_into_its_own_chart(page_sv):
    """Each url(#id) and xlink:href in a chart names an id of that same chart."""
    tree = parse_html(page_sv)
    for svg in tree.iter(f"{SVG}svg"):
        ids = {e.get("id") for e in svg.iter() if e.get("id")}
        refs = set()
        for e in svg.iter():
            for value in e.attrib.values():
                refs.update(re.findall(r"url\(#([^)]+)\)", value))
            href = e.get("{http://www.w3.org/1999/xlink}href")
            if href:
                refs.add(href.lstrip("#"))
        assert refs <= ids


def test_html_is_reproducible():
    """The same promise and date give byte-identical HTML, charts included."""
    assert render_html(promise(), as_of=AS_OF) == render_html(promise(), as_of=AS_OF)


def test_html_shows_every_activity_status_and_reason(page_sv):
    """Each activity appears with the status and reason progress() computes."""
    text = text_of(parse_html(page_sv))
    result = progress(promise(), as_of=AS_OF)
    for item in result.activities:
        assert item.activity.title in text
        assert item.status.label("sv") in text
        assert item.reason.text("sv") in text


def test_html_shows_the_follow_up_calendar(page_sv):
    """Each follow-up occasion appears with its due date and state."""
    text = text_of(parse_html(page_sv))
    coverage = follow_up_coverage(promise(), as_of=AS_OF)
    assert coverage.statuses
    for status in coverage.statuses:
        assert texts.day(status.occasion.due, "sv") in text
        assert status.state.label("sv") in text


def test_reports_after_the_date_are_left_out(page_sv):
    """A report dated after as_of is not shown as done."""
    assert "efter datumet" not in page_sv


def test_english_report_is_in_english():
    """lang="en" gives an English page with lang="en"."""
    page = render_html(promise(), as_of=AS_OF, lang="en")
    tree = parse_html(page)
    assert "en" == tree.get("lang")
    assert "Follow-up report" in text_of(tree)
    assert "Uppföljningsrapport" not in text_of(tree)


def test_titles_with_markup_render_as_text_in_html(nasty_html):
    """A promise whose texts hold <script>, quotes and & shows them as text, never as markup."""
    tree = parse_html(nasty_html)
    assert [] == list(tree.iter(f"{XHTML}script"))
    text = text_of(tree)
    assert text.count(NASTY) >= 10
    assert "<script>" not in nasty_html


def test_titles_with_markup_render_as_text_in_markdown():
    """In Markdown the same texts stay text: no HTML, no emphasis, no link, tables intact."""
    page = render_markdown(promise(NASTY), as_of=AS_OF, lang="en")
    assert "<script>" not in page
    html = MarkdownIt("commonmark").enable("table").render(page)
    tree = parse_html(f"<!DOCTYPE html><html lang=en><title>x</title><body>{html}")
    assert [] == list(tree.iter(f"{XHTML}script"))
    assert [] == list(tree.iter(f"{XHTML}a"))
    emphasised = [text_of(e) for tag in ("em", "strong") for e in tree.iter(f"{XHTML}{tag}")]
    assert [] == [t for t in emphasised if t == "fet"]
    assert text_of(tree).count(NASTY) >= 10
    for table in tree.iter(f"{XHTML}table"):
        widths = {len(list(row)) for row in table.iter(f"{XHTML}tr")}
        assert 1 == len(widths)


def test_markdown_has_the_same_content_as_html():
    """The Markdown report names every activity, indicator, focus area and occasion."""
    p = promise()
    page = render_markdown(p, as_of=AS_OF)
    html = MarkdownIt("commonmark").enable("table").render(page)
    text = text_of(parse_html(f"<!DOCTYPE html><html lang=sv><title>x</title><body>{html}"))
    result = progress(p, as_of=AS_OF)
    for item in result.activities:
        assert item.activity.title in text
        assert item.reason.text("sv") in text
    for indicator in result.indicators:
        assert indicator.indicator.name in text
        assert indicator.status.label("sv") in text
    for status in follow_up_coverage(p, as_of=AS_OF).statuses:
        assert texts.day(status.occasion.due, "sv") in text
    assert "Övriga aktiviteter" in text
    assert "<svg" not in page


def test_markdown_escapes_line_starts_and_breaks():
    """A value never starts a list or a heading, and line breaks never split a row."""
    assert "1\\. maj" == _report._md_escape("1. maj")
    assert "\\# rubrik" == _report._md_escape("# rubrik")
    assert "a b" == _report._md_escape("a\n\n  b")
    assert "" == _report._md_escape(None)


def test_report_of_a_promise_without_period():
    """A promise with no known period still renders, saying it cannot be assessed."""
    p = Promise(
        id="x",
        title="Utan period",
        period_text="hösten 2015",
        activities=(Activity(id="a", title="A", target=PeriodQuota(amount=2, unit="st")),),
    )
    page = render_html(p, as_of=AS_OF)
    text = text_of(parse_html(page))
    assert "hösten 2015" in text
    assert progress(p, as_of=AS_OF).reason.text("sv") in text
    assert "inga uppföljningstillfällen" in render_markdown(p, as_of=AS_OF)


def test_report_before_the_period_starts_has_no_timelines():
    """Before the period starts nothing is drawn over time."""
    page = render_html(promise(), as_of=dt.date(2023, 6, 1))
    parse_html(page)
    assert "gjort över tid" not in page


def test_empty_promise_renders():
    """A promise with nothing but an id and a title renders in both formats."""
    p = Promise(id="x", title="Tomt")
    parse_html(render_html(p, as_of=AS_OF, lang="en"))
    assert "The promise has no indicators." in render_markdown(p, as_of=AS_OF, lang="en")


@pytest.mark.parametrize(
    ("target", "lang", "expected"),
    [
        (
            PeriodQuota(amount=50, unit="kontroller", bound=Bound.AT_LEAST),
            "sv",
            "minst 50\N{NO-BREAK SPACE}kontroller under perioden",
        ),
        (
            PeriodQuota(
                amount=52,
                unit="brott",
                sub_targets=(SubTarget(description="förstagångsanvändare", share=0.2),),
            ),
            "sv",
            f"52{NB}brott under perioden, varav minst 20{NB}%{NB}förstagångsanvändare",
        ),
        (
            PeriodQuota(
                amount=1600,
                unit="timmar",
                bound=Bound.ABOUT,
                sub_targets=(
                    SubTarget(description="timmar", amount=800, bound=Bound.AT_MOST, place="a"),
                ),
            ),
            "en",
            f"about 1,600{NB}timmar over the period, of which at most 800{NB}timmar in a",
        ),
        (
            IntervalQuota(amount=2.5, unit="möten", per=Interval.HALF_YEAR),
            "sv",
            "2,5\N{NO-BREAK SPACE}möten per halvår",
        ),
        (IntervalQuota(amount=2, unit="möten", per=Interval.WEEK), "en", f"2{NB}möten a week"),
        (
            Schedule(recurrence=Recurrence(rule="FREQ=WEEKLY;BYDAY=MO")),
            "sv",
            "tillfällen: FREQ=WEEKLY;BYDAY=MO",
        ),
        (Milestone(due=dt.date(2024, 3, 31)), "en", "done by 31 March 2024"),
        (Milestone(), "sv", "en engångsuppgift"),
        (Ongoing(), "en", "ongoing, without a number"),
    ],
)
def test_describe_target(target, lang, expected):
    """Each kind of target reads as one phrase in Swedish or English."""
    assert expected == describe_target(target, lang=lang)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        (
            PeriodQuota(amount=1, unit="medborgardialog om belysning"),
            f"1{NB}medborgardialog om belysning under perioden",
        ),
        (
            PeriodQuota(
                amount=3,
                unit="medborgardialog om belysning",
                unit_plural="medborgardialoger om belysning",
            ),
            f"3{NB}medborgardialoger om belysning under perioden",
        ),
        (
            IntervalQuota(
                amount=1, unit="krogtillsyner", unit_singular="krogtillsyn", per=Interval.YEAR
            ),
            f"1{NB}krogtillsyn per år",
        ),
        (
            Schedule(
                recurrence=Recurrence(rule="FREQ=YEARLY"),
                unit="trygghetsvandring",
                unit_plural="trygghetsvandringar",
            ),
            "trygghetsvandringar: FREQ=YEARLY",
        ),
    ],
)
def test_describe_target_bends_the_unit_by_the_forms_the_document_states(target, expected):
    """A unit the catalogue does not know takes the form the document states for its number."""
    assert expected == describe_target(target, lang="sv")


def test_report_rows_bend_units_by_the_stated_forms():
    """Reported amounts and further quantities take the forms the document states."""
    promise = Promise(
        id="p",
        title="Löfte",
        period=Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)),
        activities=(
            Activity(
                id="a",
                title="Krogtillsyn",
                target=PeriodQuota(amount=4, unit="krogtillsyner", unit_singular="krogtillsyn"),
            ),
        ),
        reports=(
            Report(
                activity="a",
                date=dt.date(2024, 3, 1),
                amount=1,
                quantities=(
                    Quantity(value=1, unit="personer avvisade", unit_singular="person avvisad"),
                    Quantity(value=3, unit="personer avvisade", unit_singular="person avvisad"),
                ),
            ),
        ),
    )
    page = render_markdown(promise, as_of=dt.date(2024, 6, 30), lang="sv")
    assert (f"1{NB}krogtillsyn; 1{NB}person avvisad; 3{NB}personer avvisade", 0) == (
        next(line for line in page.splitlines() if "1 mars 2024" in line).split("|")[3].strip(),
        page.count(f"1{NB}krogtillsyner"),
    )


def test_describe_schedule_with_dates():
    """A schedule with known dates lists them when there are few."""
    target = Schedule(
        recurrence=Recurrence(rule="FREQ=YEARLY;BYMONTH=9;BYDAY=1TU"), unit="skolbesök"
    )
    dates = (dt.date(2023, 9, 5), dt.date(2024, 9, 3))
    assert (
        "skolbesök på fasta datum (2 under perioden: 5 september 2023, 3 september 2024)"
        == describe_target(target, dates=dates)
    )


@pytest.mark.parametrize("module", ["jinja2", "matplotlib"])
def test_missing_extra_is_named(monkeypatch, module):
    """Without Jinja2 or matplotlib the report raises MissingExtraError naming the extra."""
    _report._environment.cache_clear()
    monkeypatch.setitem(sys.modules, module, None)
    monkeypatch.delitem(sys.modules, "matplotlib.figure", raising=False)
    with pytest.raises(MissingExtraError) as caught:
        render_html(promise(), as_of=AS_OF)
    assert "report" == caught.value.extra
    assert "medborgarlofte[report]" in str(caught.value)
    _report._environment.cache_clear()


def test_timeline_without_done_points():
    """A timeline with no point done yet draws only the expected line."""
    points = [
        _charts.Point(day=dt.date(2024, 1, 1), expected=0.0, done=None),
        _charts.Point(day=dt.date(2024, 12, 31), expected=10.0, done=None),
    ]
    svg = _charts.timeline(points, as_of=dt.date(2023, 12, 1), planned=10, unit=None)
    assert svg.startswith("<svg")
    assert "gjort" not in svg
    assert "förväntat" in svg


def test_public_names():
    """The report functions are part of the public API."""
    assert medborgarlofte.render_html is render_html
    assert medborgarlofte.render_markdown is render_markdown
    assert medborgarlofte.describe_target is describe_target


def test_published_hofors_report_is_up_to_date():
    """docs/_static holds exactly what the code renders for the Hofors example at 2024-06-30.

    If this fails after a change to the report, regenerate the file with
    ``medborgarlofte report examples/hofors-2023-2024.toml --as-of 2024-06-30
    -o docs/_static/hofors-report-2024-06-30.html``.
    """
    fresh = render_html(load(EXAMPLE), as_of=AS_OF)
    parse_html(fresh)
    assert PUBLISHED.read_text(encoding="utf-8") == fresh


def _markdown_tables_are_whole(page: str) -> None:
    html = MarkdownIt("commonmark").enable("table").render(page)
    tree = parse_html(f"<!DOCTYPE html><html lang=sv><title>x</title><body>{html}")
    assert [] == list(tree.iter(f"{XHTML}script"))
    for table in tree.iter(f"{XHTML}table"):
        assert 1 == len({len(list(row)) for row in table.iter(f"{XHTML}tr")})


@given(p=testing.promises(), as_of=testing.dates(), lang=st.sampled_from(["sv", "en"]))
def test_any_promise_renders_as_markdown(p, as_of, lang):
    """Every valid promise at any date renders as Markdown whose tables stay whole."""
    page = render_markdown(p, as_of=as_of, lang=lang)
    _markdown_tables_are_whole(page)
    for activity in p.activities:
        assert _report._md_escape(activity.title) in page


@settings(max_examples=8)
@given(p=testing.promises(max_activities=3), as_of=testing.dates())
def test_any_promise_renders_as_valid_html(p, as_of):
    """Every valid promise at any date renders as strictly valid HTML with unique ids."""
    page = render_html(p, as_of=as_of)
    tree = parse_html(page)
    text = text_of(tree)
    for activity in p.activities:
        shown = balance(showable(activity.title))
        assert " ".join(shown.split()) in " ".join(text.split())
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids))


def test_characters_html_forbids_are_replaced_in_both_formats():
    """Noncharacters in a title show as U+FFFD, so the page stays valid (controls are refused)."""
    title = "Trygg\ufdd0het \U0010ffff"
    p = Promise(
        id="x",
        title=title,
        parties=(Party(id="polisen", kind=PartyKind.POLICE, name="Polisen"),),
    )
    page = render_html(p, as_of=dt.date(2024, 1, 1))
    parse_html(page)
    assert "Trygg\ufffdhet \ufffd" in page
    markdown = render_markdown(p, as_of=dt.date(2024, 1, 1))
    _markdown_tables_are_whole(markdown)
    assert "Trygg\ufffdhet \ufffd" in markdown


def test_dollar_signs_and_rare_characters_in_chart_labels():
    """Titles with "$" are not read as mathtext, and glyphs missing from the font do not warn."""
    title = "Kostar $5 och $x^2$ \U0001f600 \u0915"
    p = Promise(
        id="x",
        title="T",
        period=Period.year(2024),
        focus_areas=(FocusArea(id="f", title="F"),),
        activities=(
            Activity(
                id="a", title=title, focus_areas=("f",), target=PeriodQuota(amount=3, unit="$")
            ),
        ),
    )
    tree = parse_html(render_html(p, as_of=dt.date(2024, 6, 1)))
    labels = [text_of(t) for svg in tree.iter(f"{SVG}svg") for t in svg.iter(f"{SVG}text")]
    assert any("$x^2$" in label for label in labels)


# --- text that must not become structure, controls, bidi -------------------------

STRUCTURE = [
    "---",
    "===",
    "***",
    "___",
    "# rubrik",
    "#",
    "1. punkt",
    "10) punkt",
    "> citat",
    "- lista",
    "+ lista",
    "    kod",
    "\tkod",
    "```",
    "~~~",
    "<div>",
    "[a]: http://x",
    "| a | b |",
    "*fet* _kursiv_ `kod`",
    "rad ett  \nrad två",
    "rad\r\n---",
    "rad\r===",
    "$x^2$",
]
"""Text that Markdown would read as a block, an inline element or a line of its own."""


def _shape(page: str) -> list[tuple[str, ...]]:
    """Return the Markdown page's structure: its block tokens and the inline kinds inside."""
    shape = []
    for token in MarkdownIt("commonmark").enable("table").parse(page):
        if token.type == "inline":
            kinds = {child.type for child in token.children or []} - {"text", "text_special"}
            shape.append(("inline", *sorted(kinds)))
        else:
            shape.append((token.type, token.tag))
    return shape


def _promise_with(text: str) -> Promise:
    """Return the test promise with *text* in every place that may hold it.

    Ids, titles and names are one line (#14): a text with a tab or a line
    break goes into the texts that may span lines, the summary and the
    activities' descriptions, instead.
    """
    if not any(c in text for c in "\t\r\n"):
        return promise(text)
    base = promise("Vanlig text")
    return attrs.evolve(
        base,
        summary=text,
        activities=tuple(attrs.evolve(a, description=text) for a in base.activities),
    )


@pytest.mark.parametrize("text", STRUCTURE)
def test_markdown_text_never_becomes_structure(text: str) -> None:
    """Text from the promise in every place of the Markdown report keeps the page's structure."""
    multiline = any(c in text for c in "\t\r\n")
    plain = render_markdown(
        _promise_with("Vanlig\ttext\nrader" if multiline else "Vanlig text"), as_of=AS_OF
    )
    hostile = render_markdown(_promise_with(text), as_of=AS_OF)
    assert _shape(plain) == _shape(hostile)


@pytest.mark.parametrize("text", STRUCTURE)
def test_markdown_text_shows_as_written(text: str) -> None:
    """An escaped value renders back to its own characters, line breaks and ends aside."""
    html = MarkdownIt("commonmark").render(_report._md_escape(text))
    tree = parse_html(f"<!DOCTYPE html><html lang=sv><title>x</title><body>{html}")
    shown = text_of(next(tree.iter(f"{XHTML}body")))
    assert " ".join(text.split()) == " ".join(shown.split())


RLO = "\u202e"
"""U+202E RIGHT-TO-LEFT OVERRIDE: reverses the text after it until something ends it."""


def _isolates_are_closed_per_line(text: str) -> None:
    """Check that every override stands in an FSI isolate and each line closes all it opens."""
    for line in text.splitlines():
        isolates = embeddings = 0
        for char in line:
            if char == "\u2068":
                isolates += 1
            elif char == "\u2069":
                assert isolates > 0
                isolates -= 1
                embeddings = 0
            elif char == RLO:
                assert isolates > 0
                embeddings += 1
            elif char == "\u202c":
                embeddings -= 1
        assert (0, 0) == (isolates, embeddings)


def test_bidi_text_is_isolated_in_html() -> None:
    """A title with an override is shown in <bdi> elements, its override closed in each."""
    title = f"Trygghet {RLO}gninrav"
    page = render_html(promise(title), as_of=AS_OF)
    parse_html(page)
    isolated = re.findall(r"<bdi>([^<]*)</bdi>", page)
    assert len(isolated) > 5
    for text in isolated:
        assert f"{title}\u202c" in text
    head, body = page.split("</head>")
    charts = re.findall(r"<svg.*?</svg>", body, flags=re.DOTALL)
    for chart in charts:  # each label is a <text> of its own, its override closed in it
        for label in re.findall(r"<text[^>]*>([^<]*)</text>", chart):
            assert label.count(RLO) == label.count("\u202c")
    outside = re.sub(r"<bdi>[^<]*</bdi>|<svg.*?</svg>", "", body, flags=re.DOTALL)
    assert RLO not in outside
    assert f"<title>Uppföljningsrapport: \u2068{title}\u202c\u2069 –" in head


def test_bidi_text_is_isolated_in_markdown() -> None:
    """A title with an override is put between FSI and PDI, with the override closed inside."""
    page = render_markdown(promise(f"Trygghet {RLO}gninrav"), as_of=AS_OF)
    assert page.count(f"\u2068Trygghet {RLO}gninrav\u202c\u2069") > 5
    _isolates_are_closed_per_line(page)


def test_a_stray_pop_cannot_end_the_isolate_early() -> None:
    """A PDI in the text that closes nothing of its own is dropped, not left to close ours."""
    page = render_markdown(promise(f"a\u2069{RLO}b"), as_of=AS_OF)
    assert f"\u2068a{RLO}b\u202c\u2069" in page
    assert "a\u2069" not in page


def test_right_to_left_names_are_isolated_in_html() -> None:
    """Hebrew or Arabic text is isolated too, and plain Swedish text is not touched."""
    page = render_html(promise("שלום"), as_of=AS_OF)
    assert "<bdi>שלום</bdi>" in page
    assert "<bdi>" not in render_html(promise(), as_of=AS_OF)


@pytest.mark.parametrize("render", [render_html, render_markdown])
def test_no_control_character_reaches_a_report(render) -> None:
    """A promise cannot hold terminal escapes or bells (#14); tabs and breaks stay in text."""
    with pytest.raises(InvalidValueError, match="invalid-character"):
        promise("a\x1b[31mröd\x07\x00\x7f\x85b")
    page = render(_promise_with("a\tröd\r\nb"), as_of=AS_OF)
    controls = {c for c in page if unicodedata.category(c) == "Cc"} - {"\t", "\n", "\r"}
    assert set() == controls


def test_an_each_activity_shows_each_party_in_both_formats():
    """An activity each kommun carries out lists every kommun's done, planned and status."""
    from medborgarlofte import load, load_follow_up, with_follow_up  # noqa: PLC0415

    examples = Path(__file__).parent.parent / "examples"
    promise = with_follow_up(
        load(examples / "katrineholm-lpo-2024.toml"),
        load_follow_up(examples / "katrineholm-lpo-2024-t1.toml"),
    )
    as_of = dt.date(2024, 10, 31)
    expected = (
        "Flens kommun: 4 of 4, achieved; Katrineholms kommun: 3 of 4, on track; "
        "Vingåkers kommun: 2 of 4, behind"
    )
    assert f"- **Per party:** {expected}" in render_markdown(promise, as_of=as_of, lang="en")
    page = render_html(promise, as_of=as_of, lang="en")
    assert f"<dt>Per party</dt><dd>{expected}</dd>" in page


def test_the_html_report_draws_at_most_twelve_timelines_those_needing_attention_first():
    """Of fifteen quotas, the twelve charted are the two behind first, then the first ten."""
    activities = tuple(
        Activity(id=f"a{i:02}", title=f"Aktivitet {i}", target=PeriodQuota(amount=10, unit="st"))
        for i in range(15)
    )
    on_track = [Report(activity=a.id, date=dt.date(2024, 6, 1), amount=10) for a in activities[:13]]
    base = Promise(id="p", title="Många", period=Period.year(2024), activities=activities)
    result = medborgarlofte.progress(
        attrs.evolve(base, reports=tuple(on_track)), as_of=dt.date(2024, 7, 1)
    )
    charted = _report._charted(list(result.activities))
    assert ["a00", "a01", "a02", "a03", "a04", "a05", "a06", "a07", "a08", "a09", "a13", "a14"] == (
        charted
    )
    assert _report.MAX_TIMELINES == len(charted)
    page = render_html(attrs.evolve(base, reports=tuple(on_track)), as_of=dt.date(2024, 7, 1))
    shown = [i for i in range(15) if f"Aktivitet {i}: gjort över tid" in page]
    assert [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14] == shown
