"""Tests for the catalogue of Swedish and English texts (texter)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from medborgarlofte._compute.status import Status, StatusReason, StatusRule
from medborgarlofte._core import texts
from medborgarlofte._model.followup import Verdict

NB = "\N{NO-BREAK SPACE}"
UNIT = "trygghetsvandringar"

# The reasons whose sentences hold a number and a unit, for 0, 1, 2 and a fraction.
# Each row: rule, language, the amount, the sentence a person wrote for it.
COUNTED_REASONS = [
    ("target_reached", "sv", 0, "0 av 0 trygghetsvandringar har genomförts; minst 0 krävs"),
    ("target_reached", "sv", 1, "1 av 1 trygghetsvandring har genomförts; minst 1 krävs"),
    ("target_reached", "sv", 2, "2 av 2 trygghetsvandringar har genomförts; minst 2 krävs"),
    (
        "target_reached",
        "sv",
        0.99,
        "0,99 av 0,99 trygghetsvandringar har genomförts; minst 0,99 krävs",
    ),
    ("target_reached", "en", 0, "0 of 0 trygghetsvandringar done, with at least 0 needed"),
    ("target_reached", "en", 1, "1 of 1 trygghetsvandring done, with at least 1 needed"),
    ("target_reached", "en", 2, "2 of 2 trygghetsvandringar done, with at least 2 needed"),
    ("target_reached", "en", 1.5, "1.5 of 1.5 trygghetsvandringar done, with at least 1.5 needed"),
    (
        "period_ended_short",
        "sv",
        1,
        "perioden är slut och 1 av 1 trygghetsvandring har genomförts; minst 1 krävdes",
    ),
    (
        "period_ended_short",
        "sv",
        2,
        "perioden är slut och 2 av 2 trygghetsvandringar har genomförts; minst 2 krävdes",
    ),
    (
        "period_ended_short",
        "en",
        1,
        "the period is over with 1 of 1 trygghetsvandring done, short of the 1 needed",
    ),
    (
        "period_ended_short",
        "en",
        0.5,
        "the period is over with 0.5 of 0.5 trygghetsvandringar done, short of the 0.5 needed",
    ),
    (
        "nothing_expected_yet",
        "sv",
        0,
        "inget har genomförts ännu, och hittills väntas bara 0 trygghetsvandringar, mindre än 0",
    ),
    (
        "nothing_expected_yet",
        "sv",
        1,
        "inget har genomförts ännu, och hittills väntas bara 1 trygghetsvandring, mindre än 1",
    ),
    (
        "nothing_expected_yet",
        "sv",
        0.99,
        (
            "inget har genomförts ännu, och hittills väntas bara 0,99 trygghetsvandringar, "
            "mindre än 0,99"
        ),
    ),
    (
        "nothing_expected_yet",
        "en",
        2,
        "nothing done yet, and only 2 trygghetsvandringar expected so far, less than 2",
    ),
    (
        "nothing_expected_yet",
        "en",
        1,
        "nothing done yet, and only 1 trygghetsvandring expected so far, less than 1",
    ),
    (
        "within_shortfall",
        "sv",
        1,
        "1 trygghetsvandring har genomförts, så mycket som väntades hittills",
    ),
    (
        "within_shortfall",
        "sv",
        0,
        "0 trygghetsvandringar har genomförts, så mycket som väntades hittills",
    ),
    ("within_shortfall", "en", 2, "2 trygghetsvandringar done, as much as expected so far"),
    ("within_shortfall", "en", 0.99, "0.99 trygghetsvandringar done, as much as expected so far"),
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
    assert expected == _figures(rule, amount).text(lang)


PACE = [
    (
        "pace_on_track",
        "sv",
        (
            f"1 har genomförts mot 1 trygghetsvandring väntade hittills, 100{NB}% av det väntade; "
            f"enligt plan från 90{NB}%"
        ),
    ),
    (
        "pace_behind",
        "sv",
        (
            f"1 har genomförts mot 1 trygghetsvandring väntade hittills, 100{NB}% av det väntade; "
            f"under 90{NB}%, gränsen för enligt plan"
        ),
    ),
    (
        "pace_at_risk",
        "en",
        (
            "1 done against 1 trygghetsvandring expected so far, 100% of what was expected; "
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
    assert expected == reason.text(lang)


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
            "2 har genomförts mot 2,5 trygghetsvandringar väntade hittills; det som fattas, 0,5, "
            "är mindre än 1"
        ),
        "2 trygghetsvandringar har genomförts, så mycket som väntades hittills",
    ) == (short.text(), even.text())


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
        (1, "sv", "1 medborgardialog om belysning"),
        (3, "sv", "3 medborgardialoger om belysning"),
        (0, "en", "0 medborgardialoger om belysning"),
        (0.5, "sv", "0,5 medborgardialoger om belysning"),
        (1.0, "en", "1 medborgardialog om belysning"),
    ],
)
def test_a_unit_the_catalogue_does_not_know_takes_the_forms_the_document_states(
    value, lang, expected
):
    """Given both forms by the document, an unknown unit agrees with its number."""
    assert (None, expected) == (
        texts.unit_forms(DIALOG[0]),
        texts.quantity(value, DIALOG[0], lang, forms=DIALOG),
    )


def test_without_stated_forms_an_unknown_unit_falls_back_as_before():
    """With no forms from the document an unknown unit is still never bent."""
    assert ("3 (krogtillsyner)", "krogtillsyner", "krogtillsyn") == (
        texts.quantity(3, "krogtillsyner", "sv"),
        texts.unit_for(1, "krogtillsyner"),
        texts.unit_for(1, "krogtillsyner", forms=("krogtillsyn", "krogtillsyner")),
    )


def test_the_forms_the_document_states_come_before_the_catalogue():
    """A known unit written with a capital keeps the document's own forms, not the catalogue's."""
    assert ("2 träffar", "2 Träffar", "Träff") == (
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
        "1 av 1 krogtillsyn har genomförts; minst 1 krävs",
        "1 of 1 krogtillsyn done, with at least 1 needed",
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
    assert f"{texts.number(value, lang)} {expected}" == shown


STATUS_COUNTS = [
    ("achieved", 1, "1 aktivitet uppnådd", "1 activity achieved"),
    ("achieved", 4, "4 aktiviteter uppnådda", "4 activities achieved"),
    ("on_track", 1, "1 aktivitet enligt plan", "1 activity on track"),
    ("on_track", 0, "0 aktiviteter enligt plan", "0 activities on track"),
    ("not_started", 2, "2 aktiviteter ej påbörjade", "2 activities not started"),
    ("not_started", 1, "1 aktivitet ej påbörjad", "1 activity not started"),
    ("behind", 1, "1 aktivitet efter plan", "1 activity behind"),
    ("at_risk", 2, "2 aktiviteter i riskzonen", "2 activities at risk"),
    ("overdue", 1, "1 aktivitet försenad", "1 activity overdue"),
    ("overdue", 2, "2 aktiviteter försenade", "2 activities overdue"),
    ("missed", 2, "2 aktiviteter ej uppnådda", "2 activities missed"),
    ("cancelled", 2, "2 aktiviteter avbrutna", "2 activities cancelled"),
    ("cancelled", 1, "1 aktivitet avbruten", "1 activity cancelled"),
    ("not_assessable", 2, "2 aktiviteter kan inte bedömas", "2 activities not assessable"),
]


@pytest.mark.parametrize(("status", "n", "sv", "en"), STATUS_COUNTS)
def test_status_counts_agree_with_their_numbers(status, n, sv, en):
    """A count of activities per status agrees in number in both languages."""
    assert (sv, en) == (
        texts.counted(texts.STATUS_COUNTS, status, n, "sv"),
        texts.counted(texts.STATUS_COUNTS, status, n, "en"),
    )


def test_every_status_has_a_count_sentence():
    """Each status has its count sentence, so no status falls back to a glued phrase."""
    assert {s.value for s in Status} == set(texts.STATUS_COUNTS)


@pytest.mark.parametrize(
    ("n", "sv", "en"),
    [
        (1, "försenad sedan 1 dag", "1 day late"),
        (31, "försenad sedan 31 dagar", "31 days late"),
        (1234, f"försenad sedan 1{NB}234 dagar", "1,234 days late"),
    ],
)
def test_days_late_agree_and_are_grouped(n, sv, en):
    """Days late agree with their number and group thousands as each language does."""
    assert (sv, en) == (
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
        "bedömning vid uppföljningen 2024-05-02: pågående enligt plan",
        "assessment at the follow-up on 2024-05-02: ongoing as planned",
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
        for match in re.finditer(number + rf" ({singular}|{plural})\b", text):
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
        "the latest value 24 % has reached the target 25 %",
        "senaste värdet 33,5 % är sämre än utgångsvärdet 31 %",
    ) == (reached.text("en"), worse.text())


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
