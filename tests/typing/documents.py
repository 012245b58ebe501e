"""Follow-up documents and the new fields of #16 as a downstream tool uses them; type-checked."""

from __future__ import annotations

import datetime as dt
from typing import assert_type

from medborgarlofte import (
    Document,
    FollowUpDocument,
    Inference,
    OpenPeriod,
    Origin,
    OriginKind,
    Period,
    Problem,
    Promise,
    PromiseRef,
    Report,
    ReportLink,
    Share,
    dumps_follow_up,
    load_document,
    loads_follow_up,
    loads_follow_up_with_warnings,
    validate_follow_up,
)

report = Report(
    work="fotpatruller",
    link=ReportLink.UNRESTATED,
    amount=20,
    shares=(Share(share=0.5, place="byarna"),),
)
document = FollowUpDocument(
    id="u",
    promise=PromiseRef(id="p", period=Period.year(2024)),
    covers=OpenPeriod(start=dt.date(2024, 1, 1)),
    reports=(report,),
    origin=Origin(kind=OriginKind.FOLLOW_UP_REPORT, inferred=(Inference(path="$.published_on"),)),
)
assert_type(document.covers.closed() if document.covers else None, Period | None)
assert_type(loads_follow_up(dumps_follow_up(document)), FollowUpDocument)
again, warnings = loads_follow_up_with_warnings(dumps_follow_up(document), promises=[])
assert_type(again, FollowUpDocument)
assert_type(warnings, tuple[Problem, ...])
assert_type(
    validate_follow_up(document, promises=(Promise(id="p", title="T"),)), tuple[Problem, ...]
)
either: Document = load_document("uppfoljning.toml")
if isinstance(either, FollowUpDocument):
    assert_type(either.promise.id, str)
else:
    assert_type(either, Promise)
