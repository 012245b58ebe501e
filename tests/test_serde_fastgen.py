"""The fast path's generated hooks build exactly what the model's constructors build."""

import datetime as dt
import json
from typing import Any

import attrs
import cattrs
import pytest
from cattrs.gen import make_dict_unstructure_fn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medborgarlofte import Period, Promise, Report, to_dict
from medborgarlofte._formats import fastgen as _fastgen
from medborgarlofte._formats.converter import (
    CONVERTER,
    FAST_CONVERTER,
    JSON_CONVERTER,
    make_converter,
)
from medborgarlofte._formats.errors import DocumentValueError
from medborgarlofte._model import checks
from medborgarlofte._model.checks import (
    non_empty,
    non_negative,
    optional_non_empty,
    optional_non_negative,
    positive,
)
from medborgarlofte.exceptions import InvalidValueError
from medborgarlofte.testing import promises

_settings = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _instances(value: object) -> list[object]:
    """Return every attrs instance in *value*, itself included."""
    found: list[object] = []
    if isinstance(value, tuple):
        for item in value:
            found += _instances(item)
    elif attrs.has(type(value)):
        found.append(value)
        for field in attrs.fields(type(value)):
            found += _instances(getattr(value, field.name))
    return found


@_settings
@given(promises())
def test_built_objects_are_of_the_model_classes_and_stay_frozen(promise: Promise):
    """Every object the fast path builds has its model class, equal fields and a hash."""
    body = to_dict(promise)
    del body["format_version"]
    built = FAST_CONVERTER.structure(body, Promise)
    pairs = list(zip(_instances(promise), _instances(built), strict=True))
    assert [type(a) for a, _ in pairs] == [type(b) for _, b in pairs]
    assert [a for a, _ in pairs] == [b for _, b in pairs]
    assert hash(promise) == hash(built)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.id = "changed"  # type: ignore[misc]


_NUMBERS = st.one_of(
    st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([-0.0, 0, 0.0])
)
_TEXTS = st.text(alphabet=st.sampled_from(" \t\n\u00a0\u2003\u200bax"), max_size=4)
_CASES = [
    (non_empty, _TEXTS),
    (optional_non_empty, st.none() | _TEXTS),
    (positive, _NUMBERS),
    (non_negative, _NUMBERS),
    (optional_non_negative, st.none() | _NUMBERS),
]


@pytest.mark.parametrize(("validator", "values"), _CASES, ids=lambda c: getattr(c, "__name__", ""))
@given(data=st.data())
def test_each_validator_guard_holds_exactly_when_the_validator_refuses(validator, values, data):
    """The cheap condition before a shared validator is true exactly when it raises."""
    value = data.draw(values)
    guard = _fastgen._validator_guards()[validator].format(v="v")
    field = attrs.fields(Report).amount
    try:
        validator(None, field, value)
    except InvalidValueError:
        refused = True
    else:
        refused = False
    assert refused == eval(guard, {}, {"v": value})  # noqa: S307 - our own generated condition


def test_every_shared_validator_has_a_guard():
    """The guards cover the validators the model shares, so none is called needlessly."""
    shared = {non_empty, optional_non_empty, positive, non_negative, optional_non_negative}
    assert shared | set(checks.FAST_GUARDS) == set(_fastgen._validator_guards())


@pytest.mark.parametrize(
    ("cls", "body", "code"),
    [
        (Period, {"start": "2024-02-01", "end": "2024-01-31"}, "period-end-before-start"),
        (Report, {"amount": -1}, "negative"),
        (Report, {"amount": -0.5}, "negative"),
    ],
)
def test_fast_hooks_run_the_model_validators(cls, body, code):
    """A value a validator refuses makes the fast hook raise that validator's error."""
    with pytest.raises(InvalidValueError) as caught:
        FAST_CONVERTER.structure(body, cls)
    assert code == caught.value.code


def _hook(cls: type[Any]) -> Any:
    return _fastgen.make_fast_structure_fn(cls, FAST_CONVERTER)


@attrs.frozen(kw_only=True)
class _Converted:
    number: int = attrs.field(converter=abs)


@attrs.frozen(kw_only=True)
class _PostInit:
    number: int
    seen: list[int] = attrs.field(init=False, factory=list)

    def __attrs_post_init__(self) -> None:
        self.seen.append(self.number)


@attrs.frozen(kw_only=True, slots=False)
class _NoSlots:
    number: int


@attrs.frozen(kw_only=True, cache_hash=True)
class _CachedHash:
    number: int


@attrs.frozen(kw_only=True)
class _Aliased:
    _number: int


@attrs.frozen(kw_only=True)
class _Ordered:
    low: int
    high: int = attrs.field()

    @high.validator
    def _check(self, _attribute: Any, value: int) -> None:
        if value < self.low:
            msg = "high below low"
            raise ValueError(msg)


@pytest.mark.parametrize(
    ("cls", "body", "buildable"),
    [
        (_Converted, {"number": -3}, False),
        (_PostInit, {"number": 3}, False),
        (_NoSlots, {"number": 3}, False),
        (_CachedHash, {"number": 3}, False),
        (_Aliased, {"_number": 3}, False),
        (_Ordered, {"low": 1, "high": 2}, True),
        (Report, {"date": "2024-01-31", "amount": 2}, True),
    ],
)
def test_classes_that_need_their_init_are_built_by_it(cls, body, buildable):
    """A class with converters, hooks, no slots, hidden slots or aliases is built by calling it."""
    assert buildable == _fastgen._buildable(cls)
    built = _hook(cls)(body)
    expected = FAST_CONVERTER.structure(body, cls) if cls is Report else None
    if cls is not Report:
        keywords = {attrs.fields_dict(cls)[k].alias: v for k, v in body.items()}
        expected = cls(**keywords)
    assert expected == built
    assert type(expected) is type(built)


def test_a_validator_that_reads_another_field_sees_the_built_instance():
    """Validators run after every field is set, as in the attrs constructor."""
    with pytest.raises(ValueError, match="high below low"):
        _hook(_Ordered)({"low": 2, "high": 1})


def test_dates_are_read_only_in_the_calendar_form():
    """The fast hook refuses other ISO 8601 forms that date.fromisoformat would accept."""
    hook = _hook(Report)
    assert dt.date(2024, 1, 31) == hook({"date": "2024-01-31"}).date
    for text in ["20240131", "2024-W05-3", "2024-031", "2024-01-3x", "2024/01/31"]:
        with pytest.raises(ValueError):  # noqa: PT011 - any refusal; the detailed path explains
            hook({"date": text})


def test_both_converters_agree_on_explicit_nulls_and_bare_tuples():
    """Nulls for optional fields and tuples structured on their own give equal objects."""
    body = {"activity": None, "date": None, "amount": None, "period": None}
    assert CONVERTER.structure(body, Report) == FAST_CONVERTER.structure(body, Report)
    items = [{"amount": 1}, {"amount": 2.5, "kind": "planned"}]
    expected = CONVERTER.structure(items, tuple[Report, ...])
    assert expected == FAST_CONVERTER.structure(items, tuple[Report, ...])
    for converter in (CONVERTER, FAST_CONVERTER):
        with pytest.raises(DocumentValueError):
            converter.structure({"amount": 1}, tuple[Report, ...])


def _reference(json_floats: bool) -> cattrs.Converter:
    """Return our converter with cattrs' own generated unstructure functions for classes."""
    reference = make_converter(detailed=False, json_floats=json_floats)
    reference.register_unstructure_hook_factory(
        attrs.has, lambda cl: make_dict_unstructure_fn(cl, reference, _cattrs_omit_if_default=True)
    )
    return reference


_REFERENCES = {False: _reference(False), True: _reference(True)}


@pytest.mark.parametrize("json_floats", [False, True])
@_settings
@given(promise=promises())
def test_generated_unstructure_writes_what_cattrs_writes(json_floats, promise: Promise):
    """Our unstructure functions give cattrs' output, key order and float marks included."""
    ours = (JSON_CONVERTER if json_floats else FAST_CONVERTER).unstructure(promise, Promise)
    theirs = _REFERENCES[json_floats].unstructure(promise, Promise)
    assert json.dumps(theirs) == json.dumps(ours)
    assert _float_types(theirs) == _float_types(ours)


def _float_types(value: object) -> list[type]:
    """Return the types of the floats in plain *value*, in order."""
    if isinstance(value, dict):
        return [t for item in value.values() for t in _float_types(item)]
    if isinstance(value, list):
        return [t for item in value for t in _float_types(item)]
    return [type(value)] if isinstance(value, float) else []


def test_date_caches_stay_small_and_give_the_same_dates_and_texts(monkeypatch):
    """The remembered dates and texts never grow past their limit and change no result."""
    monkeypatch.setattr(_fastgen, "DATE_CACHE_SIZE", 2)
    hook = _hook(Report)
    days = [dt.date(2024, 1, d) for d in range(1, 6)]
    for _ in range(2):
        assert days == [hook({"date": day.isoformat()}).date for day in days]
        texts = [FAST_CONVERTER.unstructure(Report(date=day))["date"] for day in days]
        assert [day.isoformat() for day in days] == texts
        assert len(_fastgen._dates) <= 2
        assert len(_fastgen._texts) <= 2


class _Text(str):
    __slots__ = ()


def test_a_remembered_date_text_of_another_type_is_still_refused():
    """A str subclass in a date field is refused by the fast path, as by the detailed one."""
    hook = _hook(Report)
    assert dt.date(2024, 3, 1) == hook({"date": "2024-03-01"}).date
    with pytest.raises(_fastgen.Reject):
        hook({"date": _Text("2024-03-01")})
    with pytest.raises(cattrs.ClassValidationError):
        CONVERTER.structure({"date": _Text("2024-03-01")}, Report)


def test_a_date_time_in_a_date_field_is_written_as_cattrs_writes_it():
    """A date-time slipped past the constructor is written as cattrs writes it, not remembered."""
    moment = dt.datetime(2024, 3, 1, 12, 30)  # noqa: DTZ001 - naive on purpose
    report = Report(date=dt.date(2024, 3, 1))
    object.__setattr__(report, "date", moment)  # the constructor refuses a date-time (#14)
    expected = _REFERENCES[False].unstructure(report)
    assert expected == FAST_CONVERTER.unstructure(report)
    assert "2024-03-01" == expected["date"]
    assert moment not in _fastgen._texts
