"""Tests of the runnable examples: the Hofors promise and what it prints."""

import datetime as dt
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from medborgarlofte import (
    Cadence,
    IntervalQuota,
    Milestone,
    Ongoing,
    PartyKind,
    Period,
    PeriodQuota,
    Schedule,
    SourceKind,
    Status,
    dumps,
    follow_up_coverage,
    kommun,
    load,
    progress,
    validate,
)

ROOT = Path(__file__).resolve().parent.parent
HOFORS = ROOT / "examples" / "hofors.py"

# The six activities the press release names, by the ids the example gives them.
TITLES = {
    "trafikkontroller": "Trafikkontroller",
    "motorburen-problematik": "Insatser mot motorburen problematik",
    "trygghetsvandringar": "Trygghetsvandringar",
    "narkotika-och-vapen": "Riktade insatser mot narkotika och vapen",
    "alkoholfria-aktiviteter": "Stöd till alkoholfria aktiviteter",
    "ungdomars-trafikattityder": "Diskutera ungdomars trafikattityder",
}


def load_hofors():
    """Import examples/hofors.py as a module."""
    spec = importlib.util.spec_from_file_location("hofors", HOFORS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def hofors():
    """The example module."""
    return load_hofors()


@pytest.fixture(scope="module")
def promise(hofors):
    """The Hofors promise the example builds."""
    return hofors.build_promise()


def run(*args):
    """Run examples/hofors.py in a fresh interpreter and return the finished process."""
    return subprocess.run(  # noqa: S603 - our own example, run with our own interpreter
        [sys.executable, str(HOFORS), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
        timeout=60,
    )


def test_the_script_prints_the_promise():
    """python examples/hofors.py exits 0 and prints the facts of the promise."""
    done = run()
    assert (0, "") == (done.returncode, done.stderr)
    lines = done.stdout.splitlines()
    for expected in (
        "Medborgarlöfte för Hofors 2023–2024",
        "  - Polisen, lokalpolisområde Gästrikland (polisregion Mitt, polisområde Gävleborg)",
        "  - Hofors kommun (kommunkod 2104)",
        "Undertecknat 2022-12-12 av:",
        "  - Temo Allenbäck, lokalpolisområdeschef (Polisen, lokalpolisområde Gästrikland)",
        "  - Kenneth Axling, kommunstyrelsens ordförande (Hofors kommun)",
        "Period: 2023-01-01–2024-12-31",
        "Kontakt: Malin Lilliedahl, kommunpolis (Polisen, lokalpolisområde Gästrikland)",
        "  - Aktuell lägesbild för Hofors kommun",
        "  - Polisens medarbetardialoger",
        "Fokusområde: Trygghet",
        "Fokusområde: Droganvändning",
        "      mål: minst 40\N{NO-BREAK SPACE}trafikkontroller under perioden",
        "      mål: minst 2\N{NO-BREAK SPACE}trygghetsvandringar per år",
        (
            "      mål: kvällsinsats på fasta datum (12 under perioden)"
            " (FREQ=YEARLY;BYMONTH=4,5,6,7,8,9;BYDAY=-1FR)"
        ),
        "      mål: klart senast 31 oktober 2023",
        "      mål: löpande, utan antal",
        "  - BRÅ, varje tertial, redovisas senast 30 dagar efter intervallets slut",
        "Alla mål, all uppföljning och alla rapporter är illustrativa.",
    ):
        assert expected in lines
    assert [] == [t for t in TITLES.values() if not any(t in line for line in lines)]


def test_the_script_in_english():
    """--lang en prints English headings and targets."""
    done = run("--lang", "en")
    assert 0 == done.returncode
    lines = done.stdout.splitlines()
    assert "Signed 2022-12-12 by:" in lines
    assert "      target: at least 2\N{NO-BREAK SPACE}trygghetsvandringar a year" in lines
    assert "  - BRÅ, every tertial, reported at most 30 days after the interval ends" in lines


def test_main_returns_zero(hofors, capsys):
    """main() prints the promise and returns 0, for callers that import the module."""
    assert 0 == hofors.main([])
    assert "Hofors kommun (kommunkod 2104)" in capsys.readouterr().out


def test_the_promise_is_valid(promise):
    """validate finds no problem at all in the Hofors promise."""
    assert () == validate(promise)


def test_the_facts_of_the_press_release(promise):
    """Parties, signatories, period, contact, basis and activities are those of the source."""
    police, hofors = promise.parties
    assert (PartyKind.POLICE, "Mitt", "Gävleborg", "Gästrikland") == (
        police.kind,
        police.police_region,
        police.police_area,
        police.local_police_area,
    )
    assert (PartyKind.MUNICIPALITY, "2104") == (hofors.kind, hofors.kommunkod)
    assert kommun("2104") == kommun(hofors.name)
    assert "Mitt" == kommun("2104").police_region.value
    assert [
        ("Temo Allenbäck", "polisen", dt.date(2022, 12, 12)),
        ("Kenneth Axling", "hofors", dt.date(2022, 12, 12)),
    ] == [(s.name, s.party, s.signed_on) for s in promise.signatories]
    assert dt.date(2022, 12, 12) == promise.signed_on
    assert Period(start=dt.date(2023, 1, 1), end=dt.date(2024, 12, 31)) == promise.period
    assert [("Malin Lilliedahl", "kommunpolis")] == [(c.name, c.title) for c in promise.contacts]
    assert [SourceKind.SITUATION_REPORT, SourceKind.EMPLOYEE_DIALOGUE] == [
        s.kind for s in promise.basis.sources
    ]
    assert ["Trygghet", "Droganvändning"] == [f.title for f in promise.focus_areas]
    assert TITLES == {a.id: a.title for a in promise.activities}


def test_one_target_of_each_kind(promise):
    """The six activities use every kind of target."""
    kinds = {type(a.target) for a in promise.activities}
    assert {PeriodQuota, IntervalQuota, Schedule, Milestone, Ongoing} == kinds
    narcotics = promise.activity("narkotika-och-vapen").target
    assert isinstance(narcotics, PeriodQuota)
    assert [0.25] == [sub.share for sub in narcotics.sub_targets]


def test_everything_invented_is_marked_illustrative(promise, hofors):
    """Every target, report, follow-up, rule and indicator says it is illustrative."""
    marked = [a.target.wording for a in promise.activities]
    marked += [r.note for r in promise.reports]
    marked += [f.summary for f in promise.follow_ups]
    marked += [r.description for r in promise.follow_up_rules]
    marked += [i.description for i in promise.indicators]
    assert len(marked) > 30
    assert [] == [text for text in marked if text is None or hofors.ILLUSTRATIVE not in text]


def test_the_follow_up_rule_and_what_is_overdue(promise):
    """BRÅ each tertial, due after 30 days; T1–T3 2023 held, T1 2024 overdue at midsummer."""
    (rule,) = promise.follow_up_rules
    assert (Cadence.TERTIAL, 30, "BRÅ") == (rule.cadence, rule.report_due_days, rule.forum)
    assert [
        (dt.date(2023, 1, 1), dt.date(2023, 4, 30)),
        (dt.date(2023, 5, 1), dt.date(2023, 8, 31)),
        (dt.date(2023, 9, 1), dt.date(2023, 12, 31)),
    ] == [(f.covers.start, f.covers.end) for f in promise.follow_ups]
    overdue = follow_up_coverage(promise, as_of=dt.date(2024, 6, 30)).overdue
    assert ["T1 2024"] == [status.occasion.label() for status in overdue]


def statuses(promise, as_of):
    """Return each activity's status at *as_of*, by id."""
    return {a.id: a.status for a in progress(promise, as_of=as_of).activities}


def test_progress_tells_a_story(promise):
    """Some activities are on track, narcotics lags behind, and some are done."""
    summer = statuses(promise, dt.date(2023, 6, 30))
    assert Status.ON_TRACK is summer["trafikkontroller"]
    assert Status.BEHIND is summer["narkotika-och-vapen"]
    assert Status.NOT_STARTED is summer["ungdomars-trafikattityder"]
    new_year = statuses(promise, dt.date(2023, 12, 31))
    assert Status.ACHIEVED is new_year["ungdomars-trafikattityder"]
    assert Status.BEHIND is new_year["narkotika-och-vapen"]
    end = statuses(promise, dt.date(2024, 12, 31))
    assert {
        "trafikkontroller": Status.ACHIEVED,
        "motorburen-problematik": Status.ACHIEVED,
        "trygghetsvandringar": Status.ACHIEVED,
        "narkotika-och-vapen": Status.MISSED,
        "alkoholfria-aktiviteter": Status.ON_TRACK,
        "ungdomars-trafikattityder": Status.ACHIEVED,
    } == end


def test_the_shipped_document_is_this_promise(promise):
    """examples/hofors-2023-2024.toml holds exactly the promise hofors.py builds."""
    assert promise == load(ROOT / "examples" / "hofors-2023-2024.toml")
    assert (ROOT / "examples" / "hofors-2023-2024.toml").read_text("utf-8") == dumps(
        promise, format="toml"
    )


def test_reports_lie_inside_the_period(promise):
    """Every illustrative report is dated or covers days inside 2023–2024."""
    period = promise.period
    assert [] == [r for r in promise.reports if r.day is None or not period.contains(r.day)]


# --- three kommuner and a follow-up document (#16) -----------------------------------

THREE = ROOT / "examples" / "three_kommuner.py"


@pytest.fixture(scope="module")
def three():
    """The example module of the three-kommun promise and its follow-up."""
    spec = importlib.util.spec_from_file_location("three_kommuner", THREE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_three_kommun_documents_are_what_the_script_builds(three):
    """Both shipped documents hold exactly what the script builds, in canonical text."""
    from medborgarlofte import dumps_follow_up, load_follow_up  # noqa: PLC0415

    promise, follow_up = three.build_promise(), three.build_follow_up()
    assert promise == load(three.PROMISE_FILE)
    assert three.PROMISE_FILE.read_text("utf-8") == dumps(promise, format="toml")
    assert follow_up == load_follow_up(three.FOLLOW_UP_FILE, promises=[promise])
    assert three.FOLLOW_UP_FILE.read_text("utf-8") == dumps_follow_up(follow_up, format="toml")


def test_the_three_kommun_promise_has_each_activities_and_no_problem(three):
    """Three kommuner with real codes, activities done by each, and Vingåker behind."""
    promise = three.build_promise()
    assert () == validate(promise)
    assert ["0482", "0483", "0428"] == [p.kommunkod for p in promise.municipalities]
    each = [a.id for a in promise.activities if a.responsibility.value == "each"]
    assert ["trygghetsvandringar", "foraldramoten", "belysning"] == each
    walks = [r.party for r in promise.reports_for("trygghetsvandringar")]
    assert {"flen": 4, "katrineholm": 3, "vingaker": 2} == {k: walks.count(k) for k in set(walks)}


def test_the_follow_up_reports_unrestated_and_unpromised_work(three):
    """The follow-up names work it does not restate and work never promised, no problem."""
    from medborgarlofte import validate_follow_up  # noqa: PLC0415

    follow_up = three.build_follow_up()
    links = [(r.activity or r.work, r.link.value) for r in follow_up.reports]
    expected = [
        ("trafikkontroller", "activity"),
        ("fotpatruller", "unrestated"),
        ("besök i skolorna", "unrestated"),
        ("medborgardialoger", "unpromised"),
    ]
    assert expected == links
    assert () == validate_follow_up(follow_up, promises=[three.build_promise()])


def test_the_three_kommun_script_prints_each_kommun():
    """The script runs and prints one count per kommun for the each activities."""
    result = subprocess.run(  # noqa: S603 - our own example, run with our own interpreter
        [sys.executable, str(THREE)], capture_output=True, text=True, check=True, timeout=60
    )
    assert "Vingåkers kommun 2" in result.stdout
    assert "fotpatruller: drygt 20 (utlovat, inte återgivet)" in result.stdout


def test_the_three_kommun_progress_shows_vingaker_behind(three):
    """With its follow-up, the promise on 31 October 2024 shows Vingåker behind on the walks."""
    from medborgarlofte import progress, with_follow_up  # noqa: PLC0415

    promise = with_follow_up(three.build_promise(), three.build_follow_up())
    walks = progress(promise, as_of=dt.date(2024, 10, 31)).activity("trygghetsvandringar")
    per_kommun = [(p.party, p.done, p.status.value) for p in walks.parties]
    expected = [
        ("flen", 4, "achieved"),
        ("katrineholm", 3, "on_track"),
        ("vingaker", 2, "behind"),
    ]
    assert expected == per_kommun
    assert "behind" == walks.status.value
    assert walks.reason.text("en").startswith("Vingåkers kommun: 2 done against 3.3")
