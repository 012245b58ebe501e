"""Tests for drafting a promise from its Swedish text (medborgarlofte.draft).

Every text here is written for these tests, in the project's own words.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medborgarlofte import (
    Bound,
    Cadence,
    Confidence,
    Draft,
    DraftKind,
    FollowUpDocument,
    Inference,
    Interval,
    IntervalQuota,
    Milestone,
    MissingExtraError,
    Ongoing,
    OpenPeriod,
    OriginKind,
    Period,
    PeriodQuota,
    ReasonCode,
    Recurrence,
    ReportKind,
    ReportLink,
    Schedule,
    draft,
    loads_document,
    loads_follow_up_with_warnings,
    loads_with_warnings,
    validate,
    validate_follow_up,
)

PRESS_RELEASE = """\
source: https://example.org/nyheter/trygg-kommun
retrieved-title: Nytt medborgarlöfte i Hofors

Nytt medborgarlöfte i Hofors

Den 3 december skrev lokalpolisområdeschefen för Gästrikland Anna Berg och \
kommunstyrelsens ordförande Per Ek (S) under ett medborgarlöfte för Hofors kommun.
Löftet gäller 2025–2026 och följs upp två gånger per år i BRÅ.

Polisen och kommunen lovar att:

  • genomföra minst fyra trygghetsvandringar per år i centrum
  • hålla ett föräldramöte två gånger per år
  • ansöka om tillstånd för kameror vid stationen
  • arbeta långsiktigt mot langning av alkohol

– Vi vill att alla ska känna sig trygga, säger Lisa Holm, kommunpolis i Hofors.
"""


@pytest.fixture(scope="module")
def release() -> Draft:
    return draft(PRESS_RELEASE)


def _loads(text: str):
    return loads_with_warnings(text, format="toml")


def _loads_draft(result: Draft):
    """Load a draft's TOML as the kind of document it is, with its warnings."""
    if result.follow_up is not None:
        return loads_follow_up_with_warnings(result.to_toml(), format="toml")
    return _loads(result.to_toml())


def test_source_metadata_comes_from_the_first_lines(release):
    """The address and the page title on the first lines become the draft's source."""
    assert "https://example.org/nyheter/trygg-kommun" == release.source.url
    assert "Nytt medborgarlöfte i Hofors" == release.source.title
    assert "https://example.org/nyheter/trygg-kommun" == release.promise.url


def test_kommun_police_area_and_region(release):
    """The kommun gets its kommunkod, the police its lokalpolisområde and region."""
    police, hofors = release.promise.parties
    assert ("2104", "Hofors kommun") == (hofors.kommunkod, hofors.name)
    assert ("Gästrikland", "Mitt") == (police.local_police_area, police.police_region)


def test_period_from_years_and_signing_year_inferred(release):
    """A year span gives whole years; a signing day without a year takes it from the period."""
    promise = release.promise
    assert Period(start=dt.date(2025, 1, 1), end=dt.date(2026, 12, 31)) == promise.period
    assert dt.date(2024, 12, 3) == promise.signed_on
    finding = next(f for f in release.findings if f.path == "$.signed_on")
    assert Confidence.INFERRED == finding.confidence
    assert "3 december" == finding.span.text


def test_signatories_with_titles_and_political_party(release):
    """Title-before-name signatories are found with party, title and political party."""
    actual = [
        (s.name, s.title, s.party, s.political_party, s.signed_on)
        for s in release.promise.signatories
    ]
    expected = [
        (
            "Anna Berg",
            "lokalpolisområdeschef för Gästrikland",
            "polisen",
            None,
            dt.date(2024, 12, 3),
        ),
        ("Per Ek", "kommunstyrelsens ordförande", "hofors", "S", dt.date(2024, 12, 3)),
    ]
    assert expected == actual


def test_a_quoted_kommunpolis_is_a_contact(release):
    """A kommunpolis quoted in the text is a contact, not a signatory."""
    assert [("Lisa Holm", "kommunpolis i Hofors", "polisen")] == [
        (c.name, c.title, c.party) for c in release.promise.contacts
    ]


def test_activity_targets(release):
    """Quotas per interval, schedules, milestones and ongoing work are told apart."""
    walks, meeting, cameras, ongoing = release.promise.activities
    assert (
        IntervalQuota(
            amount=4,
            unit="trygghetsvandringar",
            per=Interval.YEAR,
            bound=Bound.AT_LEAST,
            wording="minst fyra trygghetsvandringar per år",
        )
        == walks.target
    )
    assert isinstance(meeting.target, Schedule)
    assert "FREQ=MONTHLY;INTERVAL=6" == meeting.target.recurrence.rule
    assert Milestone() == cameras.target
    assert Ongoing() == ongoing.target
    assert ("polisen", "hofors") == walks.responsible


def test_follow_up_cadence_and_forum(release):
    """ "Följs upp två gånger per år i BRÅ" is a half-yearly follow-up in BRÅ."""
    (rule,) = release.promise.follow_up_rules
    assert (Cadence.HALF_YEARLY, "BRÅ") == (rule.cadence, rule.forum)


def test_document_kind(release):
    """A text that reports a signing with a quote reads as a press release."""
    assert DraftKind.PRESS_RELEASE == release.kind


def test_toml_loads_and_validate_lists_exactly_the_placeholders(release):
    """The TOML loads to the drafted promise, and its warnings are its placeholders."""
    text = release.to_toml()
    promise, warnings = _loads(text)
    assert release.promise == promise
    assert list(release.placeholders) == [w.path for w in warnings]
    assert {"draft-placeholder"} == {w.code for w in warnings}
    assert text.startswith("# UTKAST")
    assert "# källa: minst fyra trygghetsvandringar per år" not in text  # a whole line is cited
    assert "# källa: genomföra minst fyra trygghetsvandringar per år i centrum" in text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Medborgarlöftet gäller 1 juli 2018 – 30 juni 2020.", ("2018-07-01", "2020-06-30")),
        ("Medborgarlöftet gäller från april 2021 till april 2022.", ("2021-04-01", "2022-04-30")),
        ("Medborgarlöftet för 2020 riktar sig mot unga.", ("2020-01-01", "2020-12-31")),
        ("Medborgarlöftet gäller 1 januari – 31 december 2024.", ("2024-01-01", "2024-12-31")),
        ("Medborgarlöftet gäller 2024-03-01 – 2025-02-28.", ("2024-03-01", "2025-02-28")),
        ("Medborgarlöftet gäller för 2026.", ("2026-01-01", "2026-12-31")),
        (
            "Under 2019 kommer polisen och kommunen att arbeta mot narkotika.",
            ("2019-01-01", "2019-12-31"),
        ),
    ],
)
def test_period_wordings(sentence, expected):
    """Full dates, months, a promise's year and "Under ÅÅÅÅ kommer" give a period."""
    period = draft(f"Laxå kommun och polisen.\n\n{sentence}").promise.period
    assert expected == (period.start.isoformat(), period.end.isoformat())


def test_a_season_or_an_impossible_date_gives_no_period_but_a_placeholder():
    """ "Hösten 2015" and "31 juni" give no period: the period text is a placeholder to fill in."""
    season = draft("Kungsörs kommun och polisen arbetar under hösten 2015.")
    assert season.promise.period is None
    assert "hösten 2015" in season.promise.period_text
    assert "$.period_text" in season.placeholders
    impossible = draft("Medborgarlöftet för Kils kommun gäller från 31 juni 2023 – 31 juni 2027.")
    assert impossible.promise.period is None
    assert any("31 juni 2023" in m.message_sv for m in impossible.missing)


def test_samverkansoverenskommelse_years_are_not_the_period():
    """Years of a related agreement are not taken as the promise's period."""
    text = "Kils kommun skrev även under en samverkansöverenskommelse för 2023-2026."
    assert draft(text).promise.period is None


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Polisen och Region Gotland samverkar.", ["0980"]),
        ("Polisen och Stenungsunds, Orust och Tjörns kommuner lovar.", ["1415", "1421", "1419"]),
        ("Lokalpolisområde Hallsberg och Laxå kommun lovar.", ["1860"]),
        ("Polisen i Gävleborgs län lovar.", []),
        ("Polisen lovar att vara synlig i Kungsör.", ["1960"]),
    ],
)
def test_kommuner_by_name_and_inflection(text, codes):
    """Kommuner are read with their inflected forms, never from a police area or a län."""
    assert codes == [p.kommunkod for p in draft(text).promise.municipalities]


AT_LEAST, ABOUT, AT_MOST = Bound.AT_LEAST, Bound.ABOUT, Bound.AT_MOST


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "minst 100 trafikkontroller med 20 minuters metoden",
            PeriodQuota(
                amount=100,
                unit="trafikkontroller",
                bound=AT_LEAST,
                wording="minst 100 trafikkontroller",
            ),
        ),
        (
            "drygt femtio fotpatruller",
            PeriodQuota(
                amount=50, unit="fotpatruller", bound=ABOUT, wording="drygt femtio fotpatruller"
            ),
        ),
        (
            "ett tiotal skolbesök",
            PeriodQuota(amount=10, unit="skolbesök", bound=ABOUT, wording="ett tiotal skolbesök"),
        ),
        (
            "högst tre möten i månaden",
            IntervalQuota(
                amount=3,
                unit="möten",
                per=Interval.MONTH,
                bound=AT_MOST,
                wording="högst tre möten i månaden",
            ),
        ),
        ("ett antal planerade insatser", Ongoing(wording="ett antal")),
        ("delta i 3 av 4 möten", Ongoing()),
        ("en ren och välskött stadskärna", Ongoing()),
        (
            "det årliga föräldramötet",
            Schedule(recurrence=Recurrence(rule="FREQ=YEARLY"), wording="årliga"),
        ),
        (
            "lägesbild en gång i veckan",
            Schedule(recurrence=Recurrence(rule="FREQ=WEEKLY"), wording="en gång i veckan"),
        ),
    ],
)
def test_target_wordings(line, expected):
    """Number words, comparators, intervals and frequencies become the right target."""
    text = f"Kils kommun lovar att:\n\n • {line}\n"
    (activity,) = draft(text).promise.activities
    assert expected == activity.target


def test_signature_block_and_acting_title():
    """Name-and-title lines closing a text are signatories; "tf." marks an acting title."""
    text = (
        "Laxå kommun och polisen lovar att:\n\n • fortsätta med trygghetsvandringar\n\n"
        "Eva Lind, tf. kommundirektör\nOla Berg, chef lokalpolisområde Hallsberg\n"
    )
    actual = [(s.name, s.title, s.acting, s.party) for s in draft(text).promise.signatories]
    expected = [
        ("Eva Lind", "kommundirektör", True, "laxa"),
        ("Ola Berg", "chef lokalpolisområde Hallsberg", False, "polisen"),
    ]
    assert expected == actual


def test_a_bullet_list_under_a_problem_heading_is_not_an_activity_list():
    """Problem areas and follow-up bullets are not drafted as activities."""
    text = (
        "Problemområden i Kils kommun:\n\n 1. Stölder.\n 2. Våld.\n\n"
        "Polisen kommer att:\n\n • fotpatrullera i centrum\n"
    )
    assert ["Fotpatrullera i centrum"] == [a.title for a in draft(text).promise.activities]


def test_activities_from_a_prose_list():
    """ "Aktiviteterna är bland annat X, Y och Z" gives one activity each."""
    text = (
        "Hofors kommun och polisen. Aktiviteterna är bland annat trafikkontroller, "
        "skolbesök och stöd till föreningar."
    )
    titles = [a.title for a in draft(text).promise.activities]
    assert ["Trafikkontroller", "Skolbesök", "Stöd till föreningar"] == titles


def test_a_text_cut_short_marks_its_last_item():
    """The last item of a text cut short is kept, marked, and has no unit."""
    text = "Kils kommun lovar att:\n\n • genomföra minst två trafi\n[TRUNCATED: here]\n"
    result = draft(text)
    (activity,) = result.promise.activities
    assert activity.title.endswith("…")
    assert 2 == activity.target.amount
    assert "$.activities[0].target.unit" in result.placeholders
    assert result.truncated


def test_pdf_text_with_hyphenation_and_broken_lines():
    """Words hyphenated at a line end are joined, and broken lines are mended."""
    text = (
        "Medborgarlöftet för Vingåkers kommun gäller 1 januari 2019 – 31 de-\n"
        "cember 2019 och\nomfattar hela kommunen."
    )
    result = draft(text)
    assert Period.year(2019) == result.promise.period


def test_html_is_read_as_text():
    """An HTML page is read as its text: its title, its paragraphs and its list items."""
    page = (
        "<html><head><title>Medborgarlöfte för Skara</title><script>var x = 1;</script></head>"
        "<body><p>Skara kommun och polisen lovar att:</p>"
        "<ul><li>genomföra tre nattvandringar</li><li>fotpatrullera i centrum</li></ul>"
        "</body></html>"
    )
    result = draft(page)
    assert "Medborgarlöfte för Skara" == result.source.title
    assert [3, None] == [getattr(a.target, "amount", None) for a in result.promise.activities]
    assert any("HTML" in m.message_sv for m in result.missing)


@pytest.mark.parametrize(
    ("data", "note"),
    [
        ("", "ingen kommun"),
        ("The police and the council signed a promise about safety in the town today.", "svenska"),
        (bytes(range(256)) * 40, "binära"),
        ("Medborgarlöfte. " * 400_000, "bara början"),
    ],
)
def test_bad_input_gives_a_draft_and_a_review_list(data, note):
    """Empty, foreign, binary and huge inputs give a draft that loads and says why it is thin."""
    result = draft(data)
    review = result.review()
    assert note in review
    promise, _ = _loads(result.to_toml())
    assert result.promise == promise
    assert "$.summary" in result.placeholders


def test_draft_refuses_what_is_not_text():
    """Anything but text or bytes is a TypeError naming the type."""
    with pytest.raises(TypeError, match="not int"):
        draft(42)  # type: ignore[arg-type]


def test_review_list_in_english(release):
    """The review list counts what was found and lists what is missing, in English too."""
    review = release.review("en")
    assert review.startswith("Draft of a promise:")
    assert "found    $.signed_on: 2024-12-03" not in review
    assert "inferred $.signed_on: 2024-12-03" in review


def test_validate_reports_a_placeholder_anywhere_a_draft_leaves_one(release):
    """validate reports a placeholder in a title as a draft-placeholder warning."""
    import attrs  # noqa: PLC0415

    promise = attrs.evolve(release.promise, title="<FYLL I: titel>")
    codes = [(p.path, p.code) for p in validate(promise) if p.code == "draft-placeholder"]
    assert ("$.title", "draft-placeholder") == codes[0]


def test_missing_babel_is_a_clear_error(monkeypatch):
    """Without Babel (the draft extra), drafting raises MissingExtraError naming the extra."""
    import sys  # noqa: PLC0415

    from medborgarlofte._draft import phrases  # noqa: PLC0415

    phrases.months.cache_clear()
    monkeypatch.setitem(sys.modules, "babel.dates", None)
    try:
        with pytest.raises(MissingExtraError, match="draft"):
            draft("text")
    finally:
        monkeypatch.undo()
        phrases.months.cache_clear()


@given(st.text(max_size=400))
def test_any_text_gives_a_draft_that_loads(text):
    """Whatever the text, drafting never raises and its TOML loads to the same document."""
    result = draft(text)
    document, warnings = _loads_draft(result)
    assert result.document == document
    assert set(result.placeholders) <= {w.path for w in warnings}


DOMAIN_WORDS = [
    "Polisen", "lovar", "att", "minst", "två", "per", "år", "Hofors", "kommun", "•", "\n",
    "2023-2024", "medborgarlöftet", "gäller", "12 juni", "undertecknade", "Anna Berg", ",", ".",
]  # fmt: skip


@given(st.lists(st.sampled_from(DOMAIN_WORDS), max_size=60))
def test_domain_words_in_any_order_give_a_draft_that_loads(words):
    """Shuffled domain words never make the drafter raise or write a document that fails."""
    result = draft(" ".join(words))
    document, _ = _loads_draft(result)
    assert result.document == document


def test_a_surname_that_is_a_kommun_is_not_a_kommun():
    """ "Anna Berg" names a person: Berg kommun is not drafted from it, however often it occurs."""
    text = "Avtalet undertecknades av " + "Anna Berg, " * 300 + "kommunchef."
    assert () == draft(text).promise.municipalities


def test_several_kommuner_share_an_activity_and_the_review_asks_how():
    """An activity of "kommunerna" names every kommun, and the review list asks joint or each."""
    text = (
        "Polisen och Stenungsunds, Orust och Tjörns kommuner lovar att:\n\n"
        " • genomföra trygghetsvandringar i varje tätort\n"
    )
    result = draft(text)
    (activity,) = result.promise.activities
    assert ("polisen", "stenungsund", "orust", "tjorn") == activity.responsible
    assert ["$.activities[0].responsibility"] == [
        m.path for m in result.missing if m.path.startswith("$.activities")
    ]


def test_a_bare_address_and_a_title_line_are_the_source():
    """An address alone on the first line and a title on the second are the source."""
    text = "https://example.org/kil\nKil – medborgarlöften\n\nKils kommun och polisen lovar."
    result = draft(text)
    assert ("https://example.org/kil", "Kil – medborgarlöften") == (
        result.source.url,
        result.source.title,
    )
    assert not result.text.startswith("https://")


THEMES = "Medborgarlöftena fokuserar främst på arbete mot narkotika, trygghet och trafiksäkerhet."
PLACES = "Fokusområden kommer att vara Centrum samt Stationsområdet."
AIM = "Parterna kommer att inrikta arbetet mot narkotika- och alkoholbrott."


@pytest.mark.parametrize(
    ("sentence", "titles"),
    [
        (THEMES, ["Narkotika", "Trygghet", "Trafiksäkerhet"]),
        (PLACES, ["Centrum", "Stationsområdet"]),
        (AIM, ["Narkotika- och alkoholbrott"]),
    ],
)
def test_focus_areas_named_in_prose(sentence, titles):
    """Focus areas named in a sentence are drafted one per item, and marked as guessed."""
    result = draft(f"Skara kommun och polisen.\n\n{sentence}")
    assert titles == [f.title for f in result.promise.focus_areas]
    confidences = {f.confidence for f in result.findings if f.path.startswith("$.focus_areas")}
    assert {Confidence.GUESSED} == confidences


def test_follow_up_at_the_next_promise_is_end_of_period():
    """A follow-up when the next promise is drawn up is an end-of-period follow-up."""
    text = (
        "Halmstads kommun och polisen lovar att:\n\n"
        " • följa upp insatserna i samband med framtagandet av ett nytt löfte\n"
    )
    (rule,) = draft(text).promise.follow_up_rules
    assert Cadence.END_OF_PERIOD == rule.cadence


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


@given(st.lists(st.sampled_from([*DOMAIN_WORDS, "Kils", "kommuner", "fyra", "drygt"]), max_size=60))
def test_every_drafted_kommun_and_person_is_in_the_text(words):
    """Never a value the text does not support: each kommun and signatory is named in it."""
    text = " ".join(words)
    result = draft(text)
    folded = _folded(result.text)
    for party in result.promise.municipalities:
        assert party.name.removesuffix(" kommun").casefold() in folded
    for person in (*result.promise.signatories, *result.promise.contacts):
        assert _folded(person.name) in folded


def test_an_iso_signing_date_and_an_acting_title_opening_the_sentence():
    """An ISO date in a signing sentence is the signing date; "Tf." opening it marks acting."""
    text = (
        "Tf. kommundirektör Eva Lind och lokalpolisområdeschef Jon Ek undertecknade "
        "medborgarlöftet 2024-02-02 för Orsa kommun."
    )
    promise = draft(text).promise
    assert dt.date(2024, 2, 2) == promise.signed_on
    assert [("Eva Lind", True, "orsa"), ("Jon Ek", False, "polisen")] == [
        (s.name, s.acting, s.party) for s in promise.signatories
    ]


def test_a_list_given_as_examples_is_named_in_the_review():
    """A list introduced by "bland annat" is drafted, and the review says it may be incomplete."""
    result = draft("Kils kommun och polisen lovar bland annat att:\n\n • fotpatrullera i centrum\n")
    assert ["Fotpatrullera i centrum"] == [a.title for a in result.promise.activities]
    assert any("'bland annat'" in m.message_sv for m in result.missing)
    assert not any("exempel" in m.message_sv for m in draft(PRESS_RELEASE).missing)


def test_a_signing_date_after_the_period_is_left_for_review():
    """A signing dated after the period is not drafted (it would be an error) but named."""
    text = "Medborgarlöftet för Kils kommun gäller 2020. Det undertecknades den 3 mars 2022."
    result = draft(text)
    assert result.promise.signed_on is None
    assert any(m.path == "$.signed_on" for m in result.missing)
    assert result.promise == _loads(result.to_toml())[0]


LUDVIKA = (
    "Kommunstyrelsens ordförande i Ludvika, Anna Berg och lokalpolisområdeschef Per Lind "
    "undertecknade löftet."
)
HOFORS_AFTER_NAME = "Löftet undertecknades av kommunstyrelsens ordförande Per Ek Hofors kommun."
KSO = "kommunstyrelsens ordförande"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LUDVIKA, [("Anna Berg", f"{KSO} i Ludvika"), ("Per Lind", "lokalpolisområdeschef")]),
        (HOFORS_AFTER_NAME, [("Per Ek", KSO)]),
        ("Polisen undertecknade löftet med kommunchef Polisens Medborgarlöfte.", []),
    ],
)
def test_names_stop_where_names_stop(text, expected):
    """A name takes no kommun after it and no word of the domain; a title keeps its place."""
    assert expected == [(s.name, s.title) for s in draft(text).promise.signatories]


def test_a_stated_impossible_period_across_lines_keeps_the_toml_valid():
    """An impossible date written over two lines is quoted on one comment line."""
    text = "Medborgarlöftet för Kils kommun gäller 31 juni 2023 –\n31 juni 2027."
    result = draft(text)
    assert result.promise == _loads(result.to_toml())[0]
    assert result.promise.period is None


def test_reported_work_is_not_drafted_as_a_promised_activity():
    """Items saying what was done ("har genomfört") are reports, not activities."""
    text = (
        "Uppföljning av medborgarlöftet i Skara kommun\n\nPolisen lovar att:\n\n"
        " • genomföra fyra krogtillsyner\n • Polisen har under året genomfört fem krogtillsyner\n"
    )
    result = draft(text)
    assert ["Genomföra fyra krogtillsyner"] == [a.title for a in result.promise.activities]
    assert DraftKind.FOLLOW_UP_REPORT == result.kind


# --- Source metadata and inferred dates (#17 follow-up) ------------------------------


def test_the_drafted_promise_carries_its_origin(release):
    """The promise's origin holds the kind, address and title the text gives, and nothing more."""
    origin = release.promise.origin
    assert OriginKind.PRESS_RELEASE == origin.kind
    assert "https://example.org/nyheter/trygg-kommun" == origin.url
    assert "Nytt medborgarlöfte i Hofors" == origin.title
    assert (None, None, None) == (origin.publisher, origin.published_on, origin.retrieved_on)
    assert (False, False) == (origin.truncated, origin.activities_examples_only)


def test_the_drafts_own_fields_are_read_from_its_origin(release):
    """Kind, source and truncation of a draft come from the one origin of its document."""
    origin = release.document.origin
    assert (origin.kind.value, origin.url, origin.title, origin.truncated) == (
        release.kind.value,
        release.source.url,
        release.source.title,
        release.truncated,
    )


def test_every_inferred_date_is_recorded_with_its_path(release):
    """The signing year taken from the period and a period given in years are inferences."""
    reasons = {i.path: i.reason for i in release.promise.origin.inferred}
    assert [
        "$.period.start",
        "$.period.end",
        "$.signed_on",
        "$.signatories[0].signed_on",
        "$.signatories[1].signed_on",
    ] == list(reasons)
    assert "året taget från perioden" == reasons["$.signed_on"]
    assert [] == [p for p in validate(release.promise) if p.code == "inferred-path-not-a-date"]


def test_dates_stated_in_full_are_not_inferences():
    """A period and a signing date written with day, month and year infer nothing."""
    result = draft(
        "Medborgarlöftet för Kils kommun gäller 1 mars 2025 – 28 februari 2026. "
        "Det undertecknades 20 februari 2025 av kommunstyrelsens ordförande Eva Lind."
    )
    assert dt.date(2025, 2, 20) == result.promise.signed_on
    assert () == result.promise.origin.inferred


def test_a_first_date_without_its_year_infers_only_the_start():
    """In "1 januari – 31 december 2024" only the first date's year is taken from the second."""
    result = draft("Medborgarlöftet för Kils kommun gäller 1 januari – 31 december 2024.")
    assert [Inference(path="$.period.start", reason="året taget från periodens slut")] == list(
        result.promise.origin.inferred
    )


def test_publisher_publication_and_retrieval_dates_where_the_text_gives_them():
    """A kommun's own address names the publisher; "Publicerad" and a retrieved line give dates."""
    result = draft(
        "källa: https://www.kil.se/trygghet/medborgarlofte\n"
        "retrieved: 2025-05-02\n"
        "Publicerad 3 mars 2025\n\n"
        "Kils kommun och polisen lovar bland annat att:\n • fotpatrullera i centrum\n"
    )
    origin = result.promise.origin
    assert "Kil kommun" == origin.publisher  # as the drafted party is named
    assert dt.date(2025, 3, 3) == origin.published_on
    assert dt.date(2025, 5, 2) == origin.retrieved_on
    assert dt.date(2025, 5, 2) == result.source.retrieved_on
    assert origin.activities_examples_only


def test_a_text_cut_short_is_truncated_in_the_origin():
    """A text marked as cut off gives an origin with ``truncated``."""
    result = draft("Kils kommun och polisen lovar att:\n • fotpatrullera i\n[TRUNCATED at 2000]\n")
    assert result.promise.origin.truncated
    assert result.truncated


def test_the_source_argument_is_the_origins_address():
    """An address given by the caller goes into the origin."""
    result = draft("Hofors kommun.", source="https://example.org/a")
    assert "https://example.org/a" == result.promise.origin.url


# --- Follow-up reports (#17 follow-up) ---------------------------------------------

FOLLOW_UP = """\
Uppföljning av medborgarlöftet i Hofors

Sedan februari 2025 har polisen i Hofors kommun genomfört drygt 20 fotpatruller \
och 20-talet trafikkontroller. Kommunen har gjort några besök i skolorna.
Pandemin gjorde att färre möten kunde hållas.
"""


@pytest.fixture(scope="module")
def report() -> Draft:
    return draft(FOLLOW_UP)


def test_a_follow_up_report_is_drafted_as_a_follow_up_document(report):
    """A text headed as a follow-up gives a follow-up document beside the promise."""
    assert DraftKind.FOLLOW_UP_REPORT == report.kind
    assert isinstance(report.follow_up, FollowUpDocument)
    assert report.follow_up is report.document
    assert OriginKind.FOLLOW_UP_REPORT == report.follow_up.origin.kind
    assert ("2104",) == report.follow_up.promise.kommunkoder


def test_a_follow_up_that_gives_only_its_start(report):
    """ "Sedan februari 2025" covers a span with a start and no end; the day is inferred."""
    assert OpenPeriod(start=dt.date(2025, 2, 1)) == report.follow_up.covers
    assert ["$.covers.start"] == [i.path for i in report.follow_up.origin.inferred]


def test_reported_work_in_the_texts_own_words(report):
    """Each number gives a report of unrestated work, with its wording and who did it."""
    assert [
        ("fotpatruller", 20, True, "drygt 20", "polisen"),
        ("trafikkontroller", 20, True, "20-talet", "polisen"),
        ("besök i skolorna", None, False, "några", "hofors"),
    ] == [(r.work, r.amount, r.approximate, r.wording, r.party) for r in report.follow_up.reports]
    assert {ReportLink.UNRESTATED} == {r.link for r in report.follow_up.reports}
    assert {ReportKind.DONE} == {r.kind for r in report.follow_up.reports}


def test_a_promise_level_reason(report):
    """The pandemic is the follow-up's reason, an external event."""
    assert ("Pandemin", ReasonCode.EXTERNAL_EVENT) == (
        report.follow_up.reason,
        report.follow_up.reason_code,
    )


def test_the_follow_up_toml_loads_and_lists_exactly_its_placeholders(report):
    """The TOML is a follow-up document; validate_follow_up reports exactly its placeholders."""
    text = report.to_toml()
    assert report.follow_up == loads_document(text, format="toml")
    document, warnings = loads_follow_up_with_warnings(text, format="toml")
    assert ["$.summary", "$.promise.id"] == list(report.placeholders)
    assert list(report.placeholders) == [w.path for w in warnings]
    assert list(report.placeholders) == [p.path for p in validate_follow_up(document)]
    assert "# källa: drygt 20 fotpatruller" in text


def test_a_known_promise_is_referred_to_by_the_id_its_own_draft_gets():
    """With kommun and period known, the reference is the id a draft of the promise gets."""
    promise = draft("Medborgarlöftet för Kils kommun gäller 2025.").promise
    result = draft(
        "Uppföljning av medborgarlöftet\n\nMedborgarlöftet för Kils kommun gäller 2025. "
        "Under 2025 har kommunen genomfört tre trygghetsvandringar."
    )
    assert result.follow_up is not None
    assert promise.id == result.follow_up.promise.id
    assert promise.period == result.follow_up.promise.period
    assert any(m.path == "$.promise.id" for m in result.missing)
    found = validate_follow_up(result.follow_up, promises=[promise])
    assert ["draft-placeholder"] == [p.code for p in found]


def test_a_follow_up_review_list_says_what_it_drafted(report):
    """The review list names a follow-up and its reports."""
    review = report.review("en")
    assert review.startswith("Draft of a follow-up:")
    assert "  found    $.reports[0]: drygt 20 fotpatruller" in review.splitlines()


def test_statements_about_the_promise_or_earlier_work_are_not_reports():
    """A general sentence about the promise and a sentence going on about named work give none."""
    result = draft(
        "Uppföljning av medborgarlöftet i Kil\n\nPolisen har under 2025 arbetat med "
        "löftets åtaganden. Polisen har genomfört tre krogtillsyner. Dessa har genomförts "
        "på kvällar."
    )
    assert result.follow_up is not None
    assert ["krogtillsyner"] == [r.work for r in result.follow_up.reports]


def test_a_promise_text_is_not_a_follow_up(release):
    """A promise or press release gives no follow-up document."""
    assert release.follow_up is None
    assert release.promise is release.document


FOLLOW_UP_WORDS = [
    "Polisen", "kommunen", "har", "genomfört", "gjort", "drygt", "20-talet", "ett hundratal",
    "några", "fotpatruller", "sedan", "januari", "2024", "under", "pandemin", "inte", "Hofors",
    "kommun", ".", "\n", "•", "Dessa",
]  # fmt: skip


@given(st.lists(st.sampled_from(FOLLOW_UP_WORDS), max_size=60))
def test_any_follow_up_text_gives_a_follow_up_document_that_loads(words):
    """Shuffled follow-up words under a follow-up heading always load as the drafted document."""
    result = draft("Uppföljning av medborgarlöftet\n\n" + " ".join(words))
    document, warnings = _loads_draft(result)
    assert result.follow_up == document
    assert list(result.placeholders) == [w.path for w in warnings]


def test_validate_follow_up_reports_a_placeholder_wherever_a_draft_may_leave_one():
    """Placeholders in a follow-up document's texts are warnings at their paths, in key order."""
    from medborgarlofte import PromiseRef, Report  # noqa: PLC0415 - only this test needs them

    hole = "<FYLL I: något>"
    document = FollowUpDocument(
        id="u",
        title=hole,
        promise=PromiseRef(id=hole, title=hole),
        reports=(Report(link=ReportLink.UNRESTATED, work=hole, note=hole),),
        summary=hole,
    )
    assert [
        "$.title",
        "$.summary",
        "$.promise.id",
        "$.promise.title",
        "$.reports[0].work",
        "$.reports[0].note",
    ] == [p.path for p in validate_follow_up(document)]
    assert {"draft-placeholder"} == {p.code for p in validate_follow_up(document)}


# --- A follow-up drafted beside the promise it follows up ---------------------------

PROMISE_FOLLOWED = """\
Medborgarlöftet för Kils kommun gäller 2025.

Polisen lovar att:
 • genomföra fyra krogtillsyner under året
 • fotpatrullera vid resecentrum på helgerna
"""
FOLLOW_UP_OF_KIL = """\
Uppföljning av medborgarlöftet i Kil

Under 2025 har polisen genomfört fem krogtillsyner. Polisen har gjort ett tiotal \
fotpatrulleringar vid resecentrum. Kommunen har genomfört två föräldramöten.
"""


def test_a_given_promise_is_referred_to_and_its_activities_linked():
    """Given the promise, reports whose work shares an activity's words link to it by id."""
    promise = draft(PROMISE_FOLLOWED).promise
    result = draft(FOLLOW_UP_OF_KIL, promise=promise)
    assert result.follow_up is not None
    assert promise.id == result.follow_up.promise.id
    first, second = (a.id for a in promise.activities)
    assert [
        (first, ReportLink.ACTIVITY, 5),
        (second, ReportLink.ACTIVITY, 10),
        (None, ReportLink.UNRESTATED, 2),
    ] == [(r.activity, r.link, r.amount) for r in result.follow_up.reports]
    found = validate_follow_up(result.follow_up, promises=[promise])
    assert ["draft-placeholder"] == [p.code for p in found]
    guessed = [f.path for f in result.findings if f.confidence is Confidence.GUESSED]
    assert ["$.reports[0].activity", "$.reports[1].activity"] == guessed


def test_a_report_that_fits_two_activities_equally_is_left_unrestated():
    """When two activities share the work's words as well as each other, none is chosen."""
    promise = draft(
        "Medborgarlöftet för Kils kommun gäller 2025.\n\nPolisen lovar att:\n"
        " • genomföra krogtillsyner i centrum\n • genomföra krogtillsyner i Fagerås\n"
    ).promise
    result = draft(
        "Uppföljning av medborgarlöftet\n\nPolisen har genomfört tre krogtillsyner.",
        promise=promise,
    )
    assert result.follow_up is not None
    assert [(None, ReportLink.UNRESTATED)] == [
        (r.activity, r.link) for r in result.follow_up.reports
    ]


def test_a_given_promise_does_not_change_a_promise_text():
    """A text that is a promise is drafted as a promise whatever promise is given."""
    promise = draft(PROMISE_FOLLOWED).promise
    assert draft(PRESS_RELEASE, promise=promise) == draft(PRESS_RELEASE)


def test_a_promise_argument_that_is_not_a_promise_is_refused():
    """draft(promise=…) takes a Promise and says so."""
    with pytest.raises(TypeError, match="takes a Promise"):
        draft("Uppföljning", promise="kil-2025")  # type: ignore[arg-type]


def test_a_given_promises_parties_are_the_follow_ups_parties():
    """Reports and contacts name the given promise's own party ids, so the pair validates."""
    from medborgarlofte import Contact, Party, PartyKind, Promise  # noqa: PLC0415

    given = Promise(
        id="kil-lofte",
        title="Löftet i Kil",
        parties=(
            Party(id="lpo", kind=PartyKind.POLICE, name="Polisen"),
            Party(id="kommunen", kind=PartyKind.MUNICIPALITY, name="Kil", kommunkod="1715"),
        ),
    )
    result = draft(
        "Uppföljning av medborgarlöftet i Kils kommun\n\nKommunen har genomfört två "
        "föräldramöten. Polisen har genomfört tre krogtillsyner.\n\nEva Lind, kommunpolis i Kil\n",
        promise=given,
    )
    follow_up = result.follow_up
    assert follow_up is not None
    assert given.parties == follow_up.parties
    assert [Contact(name="Eva Lind", party="lpo", title="kommunpolis i Kil")] == list(
        follow_up.contacts
    )
    assert ["kommunen", "lpo"] == [r.party for r in follow_up.reports]
    found = validate_follow_up(follow_up, promises=[given])
    assert ["draft-placeholder"] == [p.code for p in found]


@given(st.lists(st.sampled_from(FOLLOW_UP_WORDS), max_size=60))
def test_any_follow_up_beside_a_given_promise_has_no_errors(words):
    """Whatever a follow-up says, drafted beside its promise it validates without an error."""
    promise = draft(PROMISE_FOLLOWED).promise
    result = draft("Uppföljning av medborgarlöftet\n\n" + " ".join(words), promise=promise)
    assert result.follow_up is not None
    document, _ = _loads_draft(result)
    assert result.follow_up == document
    found = validate_follow_up(document, promises=[promise])
    assert [] == [p for p in found if p.is_error]


@pytest.mark.parametrize(
    ("sentence", "expected", "inferred"),
    [
        (
            "Under perioden 1 januari – 30 april 2025 har polisen genomfört tre krogtillsyner.",
            OpenPeriod(start=dt.date(2025, 1, 1), end=dt.date(2025, 4, 30)),
            ["$.covers.start"],
        ),
        (
            "Tertialet januari–april 2025 har kommunen genomfört två föräldramöten.",
            OpenPeriod(start=dt.date(2025, 1, 1), end=dt.date(2025, 4, 30)),
            ["$.covers.start", "$.covers.end"],
        ),
        (
            "Perioden 1 november 2024 – 28 februari 2025 omfattas.",
            OpenPeriod(start=dt.date(2024, 11, 1), end=dt.date(2025, 2, 28)),
            [],
        ),
        (
            "Från och med 15 mars 2025 har polisen genomfört tre krogtillsyner.",
            OpenPeriod(start=dt.date(2025, 3, 15)),
            [],
        ),
        ("Perioden 31 juni – 30 juli 2025 omfattas.", None, []),
    ],
)
def test_the_span_a_follow_up_covers(sentence, expected, inferred):
    """A follow-up's span comes from a range, a start, or a year; what is not stated is inferred."""
    result = draft("Uppföljning av medborgarlöftet i Kil\n\n" + sentence)
    assert result.follow_up is not None
    assert expected == result.follow_up.covers
    assert inferred == [i.path for i in result.follow_up.origin.inferred]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Uppföljning av medborgarlöftet i Kil", DraftKind.FOLLOW_UP_REPORT),
        ("Återrapportering av medborgarlöftet", DraftKind.FOLLOW_UP_REPORT),
        ("Uppföljning av årets löfte", DraftKind.FOLLOW_UP_REPORT),
        ("Medborgarlöfte 2025 – uppföljning", DraftKind.FOLLOW_UP_REPORT),
        ("Medborgarlöfte 2025 för Kils kommun", DraftKind.PROMISE),
        ("Medborgarlöftet följs upp i BRÅ", DraftKind.PROMISE),
    ],
)
def test_a_follow_up_is_known_by_its_heading(heading, kind):
    """A heading that names a follow-up or a report back makes the text a follow-up report."""
    assert kind == draft(heading + "\n\nPolisen lovar att fotpatrullera i centrum.").kind


def test_a_sentence_about_follow_up_under_the_heading_is_not_a_follow_up_heading():
    """A promise whose second line says how it is followed up stays a promise."""
    text = "Medborgarlöfte för Kils kommun 2025\nUppföljning sker i BRÅ varje tertial.\n"
    assert DraftKind.PROMISE == draft(text).kind


def test_work_not_done_keeps_its_reason():
    """ "Har inte genomfört … på grund av …" is work not done, with the reason in its words."""
    result = draft(
        "Uppföljning av medborgarlöftet i Kil\n\nPolisen har inte genomfört några "
        "krogtillsyner på grund av pandemin. Kommunen har genomfört två föräldramöten trots "
        "pandemin."
    )
    assert result.follow_up is not None
    assert [
        (ReportKind.NOT_DONE, "krogtillsyner", None, None, "pandemin"),
        (ReportKind.DONE, "föräldramöten", 2, "två", None),
    ] == [(r.kind, r.work, r.amount, r.wording, r.reason) for r in result.follow_up.reports]
