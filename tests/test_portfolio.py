import csv
import datetime as dt
import io

import pytest

from medborgarlofte import (
    Activity,
    Party,
    PartyKind,
    Period,
    PeriodQuota,
    Promise,
    Report,
    Status,
    portfolio,
)

D = dt.date
YEAR = Period.year(2023)


def kommun_party(code, name):
    return Party(id=f"k{code}", kind=PartyKind.MUNICIPALITY, name=name, kommunkod=code)


def promise(promise_id, *parties, done=0, period=YEAR):
    activity = Activity(id="a", title="A", target=PeriodQuota(amount=8, unit="st"))
    reports = (Report(activity="a", date=D(2023, 2, 1), amount=done),) if done else ()
    return Promise(
        id=promise_id,
        title=promise_id.title(),
        parties=parties,
        period=period,
        activities=(activity,),
        reports=reports,
    )


HOFORS = promise("hofors", kommun_party("2104", "Hofors kommun"), done=8)
SANDVIKEN = promise("sandviken", kommun_party("2181", "Sandvikens kommun"), done=2)
MALMO = promise("malmo", kommun_party("1280", "Malmö stad"), done=4)
POLICE_ONLY = promise(
    "polisen",
    Party(id="p", kind=PartyKind.POLICE, name="Polisen", police_region="Syd"),
    period=None,
)


def test_one_row_per_promise_with_kommun_county_and_police_region():
    """Each promise gets its kommun, län and police region from the kommunkod."""
    rows = portfolio([HOFORS, MALMO], as_of=D(2023, 12, 31)).rows
    assert [
        ("hofors", ("2104",), ("Hofors",), ("Gävleborgs län",), ("Mitt",), 1.0),
        ("malmo", ("1280",), ("Malmö",), ("Skåne län",), ("Syd",), 0.5),
    ] == [
        (r.promise_id, r.kommunkoder, r.kommuner, r.counties, r.police_regions, r.completion)
        for r in rows
    ]


def test_totals_per_county_average_promises_and_sum_counts():
    """Two promises in Gävleborg average their completions and add their counts."""
    result = portfolio([HOFORS, SANDVIKEN, MALMO], as_of=D(2023, 12, 31))
    gavleborg = result.counties[1]
    assert ("Gävleborgs län", 2, 2, (1.0 + 0.25) / 2, 1, 1) == (
        gavleborg.name,
        gavleborg.promises,
        gavleborg.activities,
        gavleborg.completion,
        gavleborg.counts[Status.ACHIEVED],
        gavleborg.counts[Status.MISSED],
    )
    assert ["Skåne län", "Gävleborgs län"] == [t.name for t in result.counties]


def test_police_only_promise_has_no_county_but_its_region():
    """A promise without kommun is left out of the län totals but counted in its region."""
    result = portfolio([POLICE_ONLY, MALMO], as_of=D(2023, 12, 31))
    row = result.rows[0]
    syd = result.police_regions[0]
    assert ((), ("Syd",), None, 1) == (
        row.counties,
        row.police_regions,
        row.completion,
        len(result.counties),
    )
    assert ("Syd", 2, 0.5, 1) == (
        syd.name,
        syd.promises,
        syd.completion,
        syd.counts[Status.NOT_ASSESSABLE],
    )


def test_unknown_kommunkod_is_skipped():
    """A kommunkod that is no kommun does not stop the portfolio."""
    odd = promise("odd", kommun_party("9999", "Ingenstans"))
    row = portfolio([odd], as_of=D(2023, 6, 1)).rows[0]
    assert ((), (), ()) == (row.kommunkoder, row.counties, row.police_regions)


def test_promise_csv_has_a_header_and_one_line_per_promise():
    """The promise table is CSV with Swedish headers by default and a column per status."""
    out = io.StringIO(newline="")
    portfolio([HOFORS, POLICE_ONLY], as_of=D(2023, 12, 31)).write_csv(out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    header, hofors, police = rows
    assert (3, "löfte", "uppnådd", "1.0000", "2023-01-01", "1") == (
        len(rows),
        header[0],
        header[12],
        hofors[header.index("genomförandegrad")],
        hofors[header.index("start")],
        hofors[header.index("uppnådd")],
    )
    assert ("", "", "Syd") == (
        police[header.index("genomförandegrad")],
        police[header.index("start")],
        police[5],
    )


@pytest.mark.parametrize(
    ("table", "first"), [("counties", "county"), ("police_regions", "police_region")]
)
def test_totals_csv_in_english(table, first):
    """The totals tables are CSV too, with English headers on request."""
    out = io.StringIO(newline="")
    portfolio([HOFORS, SANDVIKEN], as_of=D(2023, 12, 31)).write_csv(out, table=table, lang="en")
    header, total = list(csv.reader(io.StringIO(out.getvalue())))
    assert ([first, "promises"], "2", "0.6250") == (header[:2], total[1], total[3])


def test_unknown_table_is_refused():
    """Asking for a table that does not exist raises ValueError."""
    with pytest.raises(ValueError, match="unknown table"):
        portfolio([], as_of=D(2023, 1, 1)).write_csv(io.StringIO(), table="nope")  # type: ignore[arg-type]
