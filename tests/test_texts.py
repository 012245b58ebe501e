"""Tests for the catalogue of Swedish and English texts (texter)."""

from __future__ import annotations

import ast
import datetime as dt
import html
import re
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from medborgarlofte._compute.status import Status, StatusReason, StatusRule
from medborgarlofte._core import texts
from medborgarlofte._model.followup import Verdict

NB = "\N{NO-BREAK SPACE}"


def nb(text: str) -> str:
    """Return *text* with each ``~`` as a no-break space (between a number and its unit)."""
    return text.replace("~", NB)


UNIT = "trygghetsvandringar"

# The reasons whose sentences hold a number and a unit, for 0, 1, 2 and a fraction.
# Each row: rule, language, the amount, the sentence a person wrote for it.
COUNTED_REASONS = [
    ("target_reached", "sv", 0, "0 av 0~trygghetsvandringar har genomförts; minst 0 krävs"),
    ("target_reached", "sv", 1, "1 av 1~trygghetsvandring har genomförts; minst 1 krävs"),
    ("target_reached", "sv", 2, "2 av 2~trygghetsvandringar har genomförts; minst 2 krävs"),
    (
        "target_reached",
        "sv",
        0.99,
        "0,99 av 0,99~trygghetsvandringar har genomförts; minst 0,99 krävs",
    ),
    ("target_reached", "en", 0, "0 of 0~trygghetsvandringar done, with at least 0 needed"),
    ("target_reached", "en", 1, "1 of 1~trygghetsvandring done, with at least 1 needed"),
    ("target_reached", "en", 2, "2 of 2~trygghetsvandringar done, with at least 2 needed"),
    ("target_reached", "en", 1.5, "1.5 of 1.5~trygghetsvandringar done, with at least 1.5 needed"),
    (
        "period_ended_short",
        "sv",
        1,
        "perioden är slut och 1 av 1~trygghetsvandring har genomförts; minst 1 krävdes",
    ),
    (
        "period_ended_short",
        "sv",
        2,
        "perioden är slut och 2 av 2~trygghetsvandringar har genomförts; minst 2 krävdes",
    ),
    (
        "period_ended_short",
        "en",
        1,
        "the period is over with 1 of 1~trygghetsvandring done, short of the 1 needed",
    ),
    (
        "period_ended_short",
        "en",
        0.5,
        "the period is over with 0.5 of 0.5~trygghetsvandringar done, short of the 0.5 needed",
    ),
    (
        "nothing_expected_yet",
        "sv",
        0,
        "inget har genomförts ännu, och hittills väntas bara 0~trygghetsvandringar, mindre än 0",
    ),
    (
        "nothing_expected_yet",
        "sv",
        1,
        "inget har genomförts ännu, och hittills väntas bara 1~trygghetsvandring, mindre än 1",
    ),
    (
        "nothing_expected_yet",
        "sv",
        0.99,
        (
            "inget har genomförts ännu, och hittills väntas bara 0,99~trygghetsvandringar, "
            "mindre än 0,99"
        ),
    ),
    (
        "nothing_expected_yet",
        "en",
        2,
        "nothing done yet, and only 2~trygghetsvandringar expected so far, less than 2",
    ),
    (
        "nothing_expected_yet",
        "en",
        1,
        "nothing done yet, and only 1~trygghetsvandring expected so far, less than 1",
    ),
    (
        "within_shortfall",
        "sv",
        1,
        "1~trygghetsvandring har genomförts, så mycket som väntades hittills",
    ),
    (
        "within_shortfall",
        "sv",
        0,
        "0~trygghetsvandringar har genomförts, så mycket som väntades hittills",
    ),
    ("within_shortfall", "en", 2, "2~trygghetsvandringar done, as much as expected so far"),
    ("within_shortfall", "en", 0.99, "0.99~trygghetsvandringar done, as much as expected so far"),
]


def _figures(rule: str, amount: float) -> StatusReason:
    """Every figure of the reason is *amount*, so that each number is the one under test."""
    return StatusReason(
        rule=StatusRule(rule),
        done=amount,
        expected=amount,
        planned=amount,
        threshold=amount,
        unit=UNIT,
    )


@pytest.mark.parametrize(("rule", "lang", "amount", "expected"), COUNTED_REASONS)
def test_counted_reasons_agree_with_their_numbers(rule, lang, amount, expected):
    """Each counted reason reads as the table says for 0, 1, 2 and a fraction."""
    assert nb(expected) == _figures(rule, amount).text(lang)


PACE = [
    (
        "pace_on_track",
        "sv",
        (
            f"1 har genomförts mot 1~trygghetsvandring väntade hittills, 100{NB}% av det väntade; "
            f"minst 90{NB}% räknas som enligt plan"
        ),
    ),
    (
        "pace_behind",
        "sv",
        (
            f"1 har genomförts mot 1~trygghetsvandring väntade hittills, 100{NB}% av det väntade; "
            f"under 90{NB}%, gränsen för enligt plan"
        ),
    ),
    (
        "pace_at_risk",
        "en",
        (
            "1 done against 1~trygghetsvandring expected so far, 100% of what was expected; "
            "below the risk threshold of 90%"
        ),
    ),
]


@pytest.mark.parametrize(("rule", "lang", "expected"), PACE)
def test_pace_reasons_give_percentages_in_the_language(rule, lang, expected):
    """A pace and its threshold are percentages written as the language writes them."""
    reason = StatusReason(
        rule=StatusRule(rule), done=1, expected=1, pace=1.0, threshold=0.9, unit=UNIT
    )
    assert nb(expected) == reason.text(lang)


def test_shortfall_is_named_only_when_something_is_missing():
    """Less done than expected names the shortfall; as much as expected does not."""
    short = StatusReason(
        rule=StatusRule.WITHIN_SHORTFALL, done=2, expected=2.5, threshold=1, unit=UNIT
    )
    even = StatusReason(
        rule=StatusRule.WITHIN_SHORTFALL, done=2, expected=2, threshold=1, unit=UNIT
    )
    assert (
        (
            "2 har genomförts mot 2,5~trygghetsvandringar väntade hittills; det som fattas, 0,5, "
            "är mindre än 1"
        ),
        "2~trygghetsvandringar har genomförts, så mycket som väntades hittills",
    ) == (short.text().replace(NB, "~"), even.text().replace(NB, "~"))


def test_unknown_unit_leads_the_sentence_as_a_label():
    """A unit the catalogue does not know is never bent: it stands first, as a label."""
    reason = StatusReason(
        rule=StatusRule.TARGET_REACHED, done=1, planned=3, threshold=3, unit="patruller"
    )
    assert (
        "patruller: 1 av 3 har genomförts; minst 3 krävs",
        "patruller: 1 of 3 done, with at least 3 needed",
    ) == (
        reason.text(),
        reason.text("en"),
    )


DIALOG = ("medborgardialog om belysning", "medborgardialoger om belysning")


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (1, "sv", "1~medborgardialog om belysning"),
        (3, "sv", "3~medborgardialoger om belysning"),
        (0, "en", "0~medborgardialoger om belysning"),
        (0.5, "sv", "0,5~medborgardialoger om belysning"),
        (1.0, "en", "1~medborgardialog om belysning"),
    ],
)
def test_a_unit_the_catalogue_does_not_know_takes_the_forms_the_document_states(
    value, lang, expected
):
    """Given both forms by the document, an unknown unit agrees with its number."""
    assert (None, nb(expected)) == (
        texts.unit_forms(DIALOG[0]),
        texts.quantity(value, DIALOG[0], lang, forms=DIALOG),
    )


def test_without_stated_forms_an_unknown_unit_falls_back_as_before():
    """With no forms from the document an unknown unit is still never bent."""
    assert (nb("3~(krogtillsyner)"), "krogtillsyner", "krogtillsyn") == (
        texts.quantity(3, "krogtillsyner", "sv"),
        texts.unit_for(1, "krogtillsyner"),
        texts.unit_for(1, "krogtillsyner", forms=("krogtillsyn", "krogtillsyner")),
    )


def test_the_forms_the_document_states_come_before_the_catalogue():
    """A known unit written with a capital keeps the document's own forms, not the catalogue's."""
    assert (nb("2~träffar"), nb("2~Träffar"), "Träff") == (
        texts.quantity(2, "Träff", "sv"),
        texts.quantity(2, "Träff", "sv", forms=("Träff", "Träffar")),
        texts.unit_for(1, "Träffar", forms=("Träff", "Träffar")),
    )


def test_a_reason_bends_a_unit_by_the_stated_forms_instead_of_a_label():
    """A reason whose unit has stated forms writes them after its numbers, with no label."""
    reason = StatusReason(
        rule=StatusRule.TARGET_REACHED,
        done=1,
        planned=1,
        threshold=1,
        unit="krogtillsyner",
        unit_forms=("krogtillsyn", "krogtillsyner"),
    )
    assert (
        nb("1 av 1~krogtillsyn har genomförts; minst 1 krävs"),
        nb("1 of 1~krogtillsyn done, with at least 1 needed"),
        "krogtillsyn: 1 av 1 har genomförts; minst 1 krävs",
    ) == (
        reason.text(),
        reason.text("en"),
        attrs.evolve(reason, unit="krogtillsyn", unit_forms=None).text(),
    )


@given(
    singular=st.text(min_size=1, max_size=8),
    plural=st.text(min_size=1, max_size=8),
    value=st.one_of(st.integers(-5, 5), st.floats(-5, 5, allow_nan=False)),
    lang=st.sampled_from(["sv", "en"]),
)
def test_stated_forms_agree_with_every_number(singular, plural, value, lang):
    """With stated forms the number is followed by the singular exactly when it shows as one."""
    shown = texts.quantity(value, "enhet", lang, forms=(singular, plural))
    expected = singular if texts.is_one(value) else plural
    assert f"{texts.number(value, lang)}{NB}{expected}" == shown


STATUS_COUNTS = [
    ("achieved", 1, "1~aktivitet uppnådd", "1~activity achieved"),
    ("achieved", 4, "4~aktiviteter uppnådda", "4~activities achieved"),
    ("on_track", 1, "1~aktivitet enligt plan", "1~activity on track"),
    ("on_track", 0, "0~aktiviteter enligt plan", "0~activities on track"),
    ("not_started", 2, "2~aktiviteter ej påbörjade", "2~activities not started"),
    ("not_started", 1, "1~aktivitet ej påbörjad", "1~activity not started"),
    ("behind", 1, "1~aktivitet efter plan", "1~activity behind"),
    ("at_risk", 2, "2~aktiviteter i riskzonen", "2~activities at risk"),
    ("overdue", 1, "1~aktivitet försenad", "1~activity overdue"),
    ("overdue", 2, "2~aktiviteter försenade", "2~activities overdue"),
    ("missed", 2, "2~aktiviteter ej uppnådda", "2~activities missed"),
    ("cancelled", 2, "2~aktiviteter avbrutna", "2~activities cancelled"),
    ("cancelled", 1, "1~aktivitet avbruten", "1~activity cancelled"),
    ("not_assessable", 2, "2~aktiviteter kan inte bedömas", "2~activities not assessable"),
]


@pytest.mark.parametrize(("status", "n", "sv", "en"), STATUS_COUNTS)
def test_status_counts_agree_with_their_numbers(status, n, sv, en):
    """A count of activities per status agrees in number in both languages."""
    assert (nb(sv), nb(en)) == (
        texts.counted(texts.STATUS_COUNTS, status, n, "sv"),
        texts.counted(texts.STATUS_COUNTS, status, n, "en"),
    )


def test_every_status_has_a_count_sentence():
    """Each status has its count sentence, so no status falls back to a glued phrase."""
    assert {s.value for s in Status} == set(texts.STATUS_COUNTS)


@pytest.mark.parametrize(
    ("n", "sv", "en"),
    [
        (1, "försenad sedan 1~dag", "1~day late"),
        (31, "försenad sedan 31~dagar", "31~days late"),
        (1234, f"försenad sedan 1{NB}234~dagar", "1,234~days late"),
    ],
)
def test_days_late_agree_and_are_grouped(n, sv, en):
    """Days late agree with their number and group thousands as each language does."""
    assert (nb(sv), nb(en)) == (
        texts.counted(texts.SENTENCES, "days_late", n, "sv"),
        texts.counted(texts.SENTENCES, "days_late", n, "en"),
    )


def test_labels_and_verdicts_exist_in_both_languages():
    """Every status and verdict has a Swedish and an English label, and they differ in words."""
    labels = [(s.label("sv"), s.label("en")) for s in Status] + [
        (v.label("sv"), v.label("en")) for v in Verdict
    ]
    assert [] == [pair for pair in labels if not all(pair)]


def test_assessment_reason_names_the_verdict():
    """The reason ``assessment`` says the date and the verdict in words."""
    reason = StatusReason(
        rule=StatusRule.ASSESSMENT, date=dt.date(2024, 5, 2), verdict=Verdict.ONGOING
    )
    assert (
        "bedömning vid uppföljningen 2 maj 2024: pågående enligt plan",
        "assessment at the follow-up on 2 May 2024: ongoing as planned",
    ) == (reason.text(), reason.text("en"))


@pytest.mark.parametrize(
    ("value", "sv", "en"),
    [
        (1234.5, f"1{NB}234,5", "1,234.5"),
        (0.99, "0,99", "0.99"),
        (3.0, "3", "3"),
        (0, "0", "0"),
        (-2.5, "-2,5", "-2.5"),
    ],
)
def test_numbers_are_written_as_each_language_writes_them(value, sv, en):
    """Thousands are grouped and decimals kept to two, with each language's signs."""
    assert (sv, en) == (texts.number(value, "sv"), texts.number(value, "en"))


def test_percentages_are_written_as_each_language_writes_them():
    """Swedish puts a no-break space before the percent sign, English none."""
    assert (f"75{NB}%", "75%") == (texts.percent(0.75, "sv"), texts.percent(0.75, "en"))


@given(
    value=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    lang=st.sampled_from(["sv", "en"]),
)
def test_the_fallback_writes_numbers_as_babel_does(value, lang):
    """Without Babel, numbers come out exactly as Babel writes them."""
    assert texts.number(value, lang) == texts.plain_number(value, lang)


@pytest.mark.parametrize(("singular", "plural"), texts.UNIT_FORMS)
def test_each_unit_form_finds_its_pair(singular, plural):
    """Either form of a known unit finds the pair, and the number picks the form."""
    assert (singular, plural, plural, plural) == (
        texts.unit_for(1, plural),
        texts.unit_for(2, singular),
        texts.unit_for(0, singular),
        texts.unit_for(0.5, singular),
    )


def test_no_number_is_followed_by_the_wrong_form_of_its_unit():
    """No text of a reason or target pairs a number with the wrong form of its unit."""
    sentences = [
        _figures(rule, amount).text(lang)
        for rule in ("target_reached", "period_ended_short", "nothing_expected_yet")
        for amount in (0, 1, 2, 0.5, 1234)
        for lang in ("sv", "en")
    ]
    assert [] == wrong_forms("\n".join(sentences))


def test_the_form_check_finds_wrong_forms():
    """The check below does find a number with the wrong form, in either direction."""
    assert ["1 trafikkontroller", f"1{NB}234 kvällsinsats"] == wrong_forms(
        f"1 trafikkontroller, 2 trafikkontroller, 1{NB}234 kvällsinsats, 1 kvällsinsats"
    )


EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.mark.parametrize("name", ["hofors-2023-2024.toml", "katrineholm-lpo-2024.toml"])
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("as_of", [dt.date(2023, 3, 1), dt.date(2024, 6, 30), dt.date(2025, 1, 31)])
def test_reports_of_the_examples_pair_no_number_with_a_wrong_form(name, lang, as_of):
    """The Markdown report of each example, at any date, has no number with a wrong unit form."""
    from medborgarlofte import load, render_markdown  # noqa: PLC0415 - the report extra

    page = render_markdown(load(EXAMPLES / name), as_of=as_of, lang=lang)
    assert [] == wrong_forms(page)


def wrong_forms(text: str) -> list[str]:
    """Return every number in *text* followed by the form of a known unit it does not take."""
    found = []
    for singular, plural in texts.UNIT_FORMS:
        if singular == plural:
            continue
        number = r"(?<![\w,.])(\d[\d\N{NO-BREAK SPACE},.]*)"
        for match in re.finditer(number + rf"[ \N{{NO-BREAK SPACE}}]({singular}|{plural})\b", text):
            shown, form = match.group(1), match.group(2)
            value = float(shown.replace("\N{NO-BREAK SPACE}", "").replace(",", "."))
            if form != (singular if texts.is_one(value) else plural):
                found.append(match.group(0))
    return found


def test_indicator_reasons_write_their_unit_of_measure_after_every_value():
    """An indicator's target and baseline carry the unit too: never "target 25" alone."""
    reached = StatusReason(rule=StatusRule.INDICATOR_TARGET_REACHED, value=24, planned=25, unit="%")
    worse = StatusReason(rule=StatusRule.WORSENED, value=33.5, baseline=31, unit="%")
    assert (
        "the latest value 24~% has reached the target 25~%",
        "senaste värdet 33,5~% är sämre än utgångsvärdet 31~%",
    ) == (reached.text("en").replace(NB, "~"), worse.text().replace(NB, "~"))


def test_an_unstated_amount_names_its_unit_in_the_plural():
    """ "Ett antal" takes the plural, whichever form the document wrote; no unit, no gap."""
    reasons = [
        StatusReason(rule=StatusRule.AMOUNT_UNSTATED, unit="kvällsinsats").text(),
        StatusReason(rule=StatusRule.AMOUNT_UNSTATED, unit="patruller").text("en"),
        StatusReason(rule=StatusRule.AMOUNT_UNSTATED).text("en"),
    ]
    assert [
        (
            "löftet lovar ett antal kvällsinsatser men anger inte hur många, så det finns inget "
            "att räkna mot"
        ),
        (
            "the promise does not state how many patruller it promises, so there is nothing to "
            "count against"
        ),
        "the promise does not state how many it promises, so there is nothing to count against",
    ] == reasons


# --------------------------------------------------------------------------- dates

DAYS = [
    (dt.date(2024, 6, 30), "30 juni 2024", "30 June 2024"),
    (dt.date(2023, 1, 1), "1 januari 2023", "1 January 2023"),
    (dt.date(2024, 2, 29), "29 februari 2024", "29 February 2024"),
    (dt.date(2025, 12, 31), "31 december 2025", "31 December 2025"),
]


@pytest.mark.parametrize(("day", "sv", "en"), DAYS)
def test_dates_are_written_as_each_language_writes_them(day, sv, en):
    """A date for people is the day, the month's name and the year, in each language."""
    assert (sv, en) == (texts.day(day, "sv"), texts.day(day, "en"))


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("month", range(1, 13))
def test_the_fallback_writes_dates_as_babel_does(month, lang):
    """Without Babel, every month's dates come out exactly as Babel writes them."""
    from babel.dates import format_date  # noqa: PLC0415 - Babel is installed for the tests

    day = dt.date(2024, month, 9)
    locale = {"sv": "sv_SE", "en": "en_GB"}[lang]
    assert (format_date(day, format="long", locale=locale),) * 2 == (
        texts.day(day, lang),
        texts.plain_day(day, lang),
    )


def test_dates_are_written_without_babel(monkeypatch):
    """With Babel missing, dates still come out in words, from the catalogue's month names."""
    monkeypatch.setitem(sys.modules, "babel.dates", None)
    assert ("30 juni 2024", "1 May 2023", "–") == (
        texts.day(dt.date(2024, 6, 30), "sv"),
        texts.day(dt.date(2023, 5, 1), "en"),
        texts.day(None, "sv"),
    )


def test_a_period_is_written_from_its_first_to_its_last_day():
    """A period reads as two dates with a spaced dash between them."""
    assert ("1 januari 2023 – 31 december 2024", "1 July 2024 – 30 June 2025") == (
        texts.days(dt.date(2023, 1, 1), dt.date(2024, 12, 31), "sv"),
        texts.days(dt.date(2024, 7, 1), dt.date(2025, 6, 30), "en"),
    )


def test_reasons_write_their_dates_for_people():
    """A reason's due date is a date in words in either language, not ISO."""
    reason = StatusReason(rule=StatusRule.MILESTONE_OVERDUE, due=dt.date(2024, 3, 31))
    assert (
        "skulle ha varit klar senast 31 mars 2024; ingen rapport säger att den är gjord",
        "was due by 31 March 2024; no report says it is done",
    ) == (reason.text(), reason.text("en"))


# --------------------------------------------------------------------------- counted sentences

CLI_SENTENCES = [
    ("convert.converted", 0, "0~löften från a.toml", "0~promises from a.toml"),
    ("convert.converted", 1, "1~löfte från a.toml", "1~promise from a.toml"),
    ("convert.converted", 2, "2~löften från a.toml", "2~promises from a.toml"),
    ("common.holds_many", 0, "a.toml innehåller 0~löften; kommandot tar ett", None),
    ("common.holds_many", 2, None, "a.toml holds 2~promises; the command takes one"),
    ("report.wrote_many", 1, "1~rapport per X", "1~report per X"),
    ("report.wrote_many", 3, "3~rapporter per X", "3~reports per X"),
    ("summary.title", 1, "Översikt över 1~löfte per X", "Summary of 1~promise per X"),
    ("summary.title", 0, "Översikt över 0~löften per X", "Summary of 0~promises per X"),
    ("validate.errors", 1, "1~fel", "1~error"),
    ("validate.errors", 2, "2~fel", "2~errors"),
    ("validate.warnings", 0, "0~varningar", "0~warnings"),
    ("validate.warnings", 1, "1~varning", "1~warning"),
    ("validate.warnings", 2, "2~varningar", "2~warnings"),
    ("validate.some_invalid", 1, "1~fil av 3 har fel.", "1~file of 3 has errors."),
    ("validate.some_invalid", 2, "2~filer av 3 har fel.", "2~files of 3 have errors."),
    ("summary.skipped", 1, "1~fil av 3 har fel och är inte med i översikten.", None),
    ("validate.all_valid", 2, "Alla 2~filer är giltiga.", "All 2~files are valid."),
]


@pytest.mark.parametrize(("key", "n", "sv", "en"), CLI_SENTENCES)
def test_the_command_lines_counted_sentences_agree_with_their_numbers(key, n, sv, en):
    """Each message of the command line around a count reads as the table says for 0, 1 and 2."""
    values = {"what": "a.toml", "file": "a.toml", "as_of": "per X", "total": 3}
    said = {lang: texts.counted(texts.CLI_COUNTED, key, n, lang, **values) for lang in ("sv", "en")}
    expected = {"sv": sv, "en": en}
    assert {lang: nb(text) for lang, text in expected.items() if text} == {
        lang: said[lang] for lang, text in expected.items() if text
    }


@pytest.mark.parametrize(
    ("n", "sv", "en"),
    [
        (0, "0~dagar efter periodens slut", "0~days after the period ends"),
        (1, "1~dag efter periodens slut", "1~day after the period ends"),
        (30, "30~dagar efter periodens slut", "30~days after the period ends"),
    ],
)
def test_the_reports_due_days_agree_with_their_number(n, sv, en):
    """How long after its period a follow-up is due agrees with the number of days."""
    assert (nb(sv), nb(en)) == (
        texts.counted(texts.REPORT_COUNTED, "due_days", n, "sv"),
        texts.counted(texts.REPORT_COUNTED, "due_days", n, "en"),
    )


@pytest.mark.parametrize(
    ("key", "n", "sv", "en"),
    [
        ("values", 0, "0~värden hittade", "0~values found"),
        ("values", 1, "1~värde hittat", "1~value found"),
        ("values", 2, "2~värden hittade", "2~values found"),
        ("inferred", 1, "1~härlett", "1~inferred"),
        ("inferred", 3, "3~härledda", "3~inferred"),
        ("guessed", 1, "1~gissat", "1~guessed"),
        ("guessed", 0, "0~gissade", "0~guessed"),
    ],
)
def test_the_review_of_a_draft_counts_in_agreement(key, n, sv, en):
    """The head line of a draft's review agrees with each of its counts, 0, 1 and more."""
    assert (nb(sv), nb(en)) == (
        texts.counted(texts.DRAFT_COUNTED, key, n, "sv"),
        texts.counted(texts.DRAFT_COUNTED, key, n, "en"),
    )


def test_the_review_of_an_empty_draft_reads_in_swedish():
    """The review's head line is one Swedish sentence, its counts agreeing."""
    from medborgarlofte import draft  # noqa: PLC0415 - the draft extra

    assert (
        nb(
            "Utkast till medborgarlöfte: 0~värden hittade (0 ordagrant, 0~härledda, 0~gissade), "
            "3 att fylla i."
        )
        == draft("").review("sv").splitlines()[0]
    )


def test_every_counted_sentence_has_both_forms_in_both_languages():
    """Every counted sentence has a singular and a plural in Swedish and in English."""
    tables = (
        texts.CLI_COUNTED,
        texts.DRAFT_COUNTED,
        texts.REPORT_COUNTED,
        texts.SENTENCES,
        texts.STATUS_COUNTS,
    )
    broken = [
        key
        for table in tables
        for key, forms in table.items()
        if set(forms) != {"sv", "en"} or not all(all(pair) for pair in forms.values())
    ]
    assert [] == broken


def test_every_command_has_its_words_in_both_languages():
    """Each command's table has the same keys in Swedish and in English."""
    assert {} == {
        command: set(words["sv"]) ^ set(words["en"])
        for command, words in texts.CLI.items()
        if set(words["sv"]) != set(words["en"])
    }


def test_the_enum_tables_name_every_value():
    """The report's words for parties, sources, reports, bounds and intervals cover each enum."""
    from medborgarlofte._model.parties import PartyKind, PartyRole  # noqa: PLC0415
    from medborgarlofte._model.promise import SourceKind  # noqa: PLC0415
    from medborgarlofte._model.reports import ReportKind  # noqa: PLC0415
    from medborgarlofte._model.targets import Bound, Interval  # noqa: PLC0415

    pairs = [
        (PartyKind, texts.PARTY_KINDS),
        (PartyRole, texts.PARTY_ROLES),
        (SourceKind, texts.SOURCE_KINDS),
        (ReportKind, texts.REPORT_KINDS),
        (Bound, texts.BOUNDS),
        (Interval, texts.PER_INTERVAL),
    ]
    assert [] == [
        enum.__name__
        for enum, table in pairs
        if {e.value for e in enum} != set(table)
        or any(set(words) != {"sv", "en"} for words in table.values())
    ]


# --------------------------------------------------------------------------- no-break spaces

_UNIT_WORDS = sorted(
    {form for pair in texts.UNIT_FORMS for form in pair}
    | {form for nouns in texts.NOUNS.values() for pair in nouns.values() for form in pair}
    | {"aktivitet", "aktiviteter", "activity", "activities", "dagar", "days", "löften"},
    key=len,
    reverse=True,
)
_BROKEN = re.compile(r"\d+ (?:%|(?:" + "|".join(map(re.escape, _UNIT_WORDS)) + r")\b)")


def _document_texts(promise: object) -> list[str]:
    """Return every text of a promise document, longest first: shown as the document wrote it."""
    from medborgarlofte import to_dict  # noqa: PLC0415 - the public API

    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(to_dict(promise))
    return sorted(found, key=len, reverse=True)


def _library_text(page: str, promise: object, *, markup: bool) -> str:
    """Return what the library wrote on a page: tags, styles, charts and document texts left out."""
    if markup:
        page = re.sub(r"<(style|svg)\b.*?</\1>", " ", page, flags=re.DOTALL)
        page = html.unescape(re.sub(r"<[^>]+>", " ", page))
    else:
        page = page.replace("\\", "")  # Markdown's escapes
    for text in _document_texts(promise):
        page = page.replace(text, " ")
    return page


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_number_in_the_hofors_report_breaks_from_its_unit(lang):
    """The Hofors report, HTML and Markdown, joins every number and its unit by a no-break space."""
    from medborgarlofte import load, render_html, render_markdown  # noqa: PLC0415 - the extra

    promise = load(EXAMPLES / "hofors-2023-2024.toml")
    day = dt.date(2024, 6, 30)
    page = _library_text(render_html(promise, as_of=day, lang=lang), promise, markup=True)
    markdown = _library_text(render_markdown(promise, as_of=day, lang=lang), promise, markup=False)
    joined = re.compile(r"\d\N{NO-BREAK SPACE}(?:%|" + "|".join(_UNIT_WORDS) + r")")
    assert ([], [], True) == (
        _BROKEN.findall(page),
        _BROKEN.findall(markdown),
        bool(joined.search(page)),
    )


def test_the_break_check_finds_an_ordinary_space():
    """The check above finds a number and its unit joined by an ordinary space."""
    assert ["9 kvällsinsatser", "3 %", "31 dagar"] == _BROKEN.findall(
        f"9 kvällsinsatser, 9{NB}kvällsinsatser, 3 %, 31 dagar, 30 juni 2024"
    )


# --------------------------------------------------------------------------- one catalogue

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "medborgarlofte"
CATALOGUE = PACKAGE / "_core" / "texts"


def bilingual_tables(source: str) -> list[int]:
    """Return the line of each dict literal in *source* keyed by both ``"sv"`` and ``"en"``."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if {"sv", "en"} <= keys:
                lines.append(node.lineno)
    return lines


def test_no_module_outside_the_catalogue_keeps_its_own_texts():
    """No module of the package but the catalogue defines a table keyed by "sv" and "en"."""
    found = {
        str(path.relative_to(PACKAGE)): bilingual_tables(path.read_text("utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
        if CATALOGUE not in path.parents
    }
    assert {} == {name: lines for name, lines in found.items() if lines}


def test_the_catalogue_check_finds_a_table():
    """The check above finds a table of texts, also one nested in a function or a value."""
    source = (
        'WORDS = {"sv": "hej", "en": "hello"}\n'
        "def f():\n"
        '    return {"x": {"en": "a", "sv": "b", "de": "c"}}\n'
        'OTHER = {"sv": "bara svenska"}\n'
    )
    assert [1, 3] == bilingual_tables(source)


def test_every_module_of_the_catalogue_is_shorter_than_600_lines():
    """The catalogue stays a set of modules a person can read: each under 600 lines."""
    assert {} == {
        path.name: n
        for path in sorted(CATALOGUE.glob("*.py"))
        if (n := len(path.read_text("utf-8").splitlines())) >= 600
    }
