"""Robustness: well over 1,000 broken documents, each refused with a problem at the break.

Every document is a valid one with one thing broken: a value replaced by one
of another type (or an impossible date, an unknown enum value, an invalid
rule), a required key removed, a key renamed, or the text cut short. Each must
raise :class:`ValidationError` with a problem whose path points at the broken
place, and nothing else may escape.
"""

import copy
import datetime as dt
import enum
import json
import random
import re
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

from medborgarlofte import Promise, Recurrence, ValidationError, dumps, from_dict, loads, to_dict
from medborgarlofte._formats.converter import TARGET_KINDS
from serde_sample import sample_promise

Steps = tuple[str | int, ...]


def _step(step: str | int) -> str:
    if isinstance(step, int):
        return f"[{step}]"
    return f".{step}" if step.isidentifier() else f"[{step!r}]"


def _path(steps: Steps) -> str:
    return "$" + "".join(_step(s) for s in steps)


def _args(tp: Any) -> tuple[Any, ...]:
    return typing.get_args(tp)


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


@attrs.frozen
class Spot:
    """One place in a document: its steps, its declared type, whether its key is required."""

    steps: Steps
    tp: Any
    required: bool
    fields: frozenset[str]  # the keys the enclosing object allows


def _spots(value: Any, tp: Any, steps: Steps) -> Iterator[Spot]:
    """Yield every place below *value*, which has the type *tp*."""
    if _is_union(tp):
        options = [a for a in _args(tp) if a is not type(None)]
        if len(options) == 1:
            yield from _spots(value, options[0], steps)
            return
        if all(attrs.has(a) for a in options):  # the target union
            cls = TARGET_KINDS[value["kind"]]
            allowed = frozenset(a.name for a in attrs.fields(cls) if a.init) | {"kind"}
            yield Spot((*steps, "kind"), str, required=True, fields=allowed)
            yield from _spots({k: v for k, v in value.items() if k != "kind"}, cls, steps)
        return
    if attrs.has(tp):
        hints = typing.get_type_hints(tp)
        allowed = frozenset(a.name for a in attrs.fields(tp) if a.init)
        for a in attrs.fields(tp):
            if a.name in value and a.init:
                here = (*steps, a.name)
                yield Spot(here, hints[a.name], a.default is attrs.NOTHING, allowed)
                yield from _spots(value[a.name], hints[a.name], here)
        return
    if typing.get_origin(tp) is tuple:
        for index, item in enumerate(value):
            here = (*steps, index)
            yield Spot(here, _args(tp)[0], required=False, fields=frozenset())
            yield from _spots(item, _args(tp)[0], here)


def _document() -> dict[str, Any]:
    return to_dict(sample_promise())


def _all_spots() -> list[Spot]:
    doc = _document()
    body = {k: v for k, v in doc.items() if k != "format_version"}
    top = Spot(("format_version",), int, required=True, fields=frozenset())
    return [top, *_spots(body, Promise, ())]


def _get(doc: Any, steps: Steps) -> Any:
    for step in steps:
        doc = doc[step]
    return doc


def _set(doc: Any, steps: Steps, value: Any) -> dict[str, Any]:
    broken = copy.deepcopy(doc)
    _get(broken, steps[:-1])[steps[-1]] = value
    return broken


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


_OTHERS = {"str": "x", "number": 7, "bool": True, "list": [1], "dict": {}}


def _special(tp: Any) -> Any:
    """Return a value of the right JSON type that is still wrong for *tp*, if there is one."""
    if tp is dt.date:
        return "2023-02-30"
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "no_such_value"
    if tp is Recurrence:
        return "FREQ=NEVER"
    return None


def _replacements() -> Iterator[tuple[str, dict[str, Any], str]]:
    doc = _document()
    for spot in _all_spots():
        value = _get(doc, spot.steps)
        for kind, other in _OTHERS.items():
            if kind != _kind(value):
                yield (
                    f"replace {_path(spot.steps)} by {other!r}",
                    _set(doc, spot.steps, other),
                    (_path(spot.steps)),
                )
        special = _special(spot.tp)
        if special is not None:
            yield (
                f"replace {_path(spot.steps)} by {special!r}",
                _set(doc, spot.steps, special),
                (_path(spot.steps)),
            )


def _removals() -> Iterator[tuple[str, dict[str, Any], str]]:
    doc = _document()
    for spot in _all_spots():
        if spot.required and isinstance(spot.steps[-1], str):
            broken = copy.deepcopy(doc)
            del _get(broken, spot.steps[:-1])[spot.steps[-1]]
            yield f"remove {_path(spot.steps)}", broken, _path(spot.steps)


def _typos(key: str) -> list[str]:
    swapped = key[1] + key[0] + key[2:]
    return [key[:-1], key + "s", swapped, key.upper(), key.replace("_", "-") + "-"]


def _renames() -> Iterator[tuple[str, dict[str, Any], str]]:
    doc = _document()
    for spot in _all_spots():
        key = spot.steps[-1]
        if not isinstance(key, str) or key == "format_version":
            continue
        for typo in _typos(key):
            if typo in spot.fields or typo == key:
                continue
            broken = copy.deepcopy(doc)
            parent = _get(broken, spot.steps[:-1])
            parent[typo] = parent.pop(key)
            yield f"rename {_path(spot.steps)} to {typo!r}", broken, _path((*spot.steps[:-1], typo))


def _points_at(path: str, broken: str) -> bool:
    return path == broken or path.startswith((broken + ".", broken + "["))


def _check(cases: Iterator[tuple[str, dict[str, Any], str]]) -> int:
    """Load every case; return how many there were, after asserting each is refused well."""
    failures = []
    count = 0
    for what, document, broken in cases:
        count += 1
        try:
            from_dict(document)
        except ValidationError as exc:
            paths = [p.path for p in exc.problems]
            if not any(_points_at(p, broken) for p in paths):
                failures.append(f"{what}: problems at {paths}, none at {broken}")
        else:
            failures.append(f"{what}: loaded without a problem")
    assert [] == failures
    return count


def test_replaced_values_are_refused_at_their_path():
    """A value replaced by one of another type, or an impossible one, is refused where it is."""
    assert _check(_replacements()) >= 700


def test_removed_required_keys_are_refused_at_their_path():
    """A required key that is removed is reported missing at its path."""
    assert _check(_removals()) >= 40


def test_renamed_keys_are_refused_with_a_suggestion():
    """A renamed key is reported unknown at its new name, with the old one suggested when close."""
    assert _check(_renames()) >= 400
    doc = _document()
    doc["activities"][0]["titel"] = doc["activities"][0].pop("title")
    with pytest.raises(ValidationError) as caught:
        from_dict(doc)
    assert any("did you mean 'title'" in p.message_en for p in caught.value.problems)


_LINE = re.compile(r"line (\d+), column (\d+)")


def _cuts(text: str, count: int, seed: int) -> list[int]:
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    return sorted(rng.sample(range(1, len(text) - 1), count))


def test_json_cut_short_is_a_syntax_error_at_the_end():
    """JSON text cut short anywhere is a syntax error placed on its last line."""
    text = dumps(sample_promise())
    failures = []
    cuts = _cuts(text, 300, seed=1)
    for cut in cuts:
        short = text[:cut].rstrip()
        with pytest.raises(ValidationError) as caught:
            loads(short)
        (problem,) = caught.value.problems
        where = _LINE.search(problem.message_en)
        last_line = short.count("\n") + 1
        if problem.code != "syntax-error" or where is None or int(where[1]) != last_line:
            failures.append((cut, problem.format("en")))
    assert [] == failures
    assert 300 == len(cuts)


@pytest.mark.parametrize("fmt", ["toml", "yaml"])
def test_toml_and_yaml_cut_inside_a_string_is_a_syntax_error(fmt):
    """TOML or YAML text cut inside a quoted string is a syntax error on that line."""
    text = dumps(sample_promise(), format=fmt)
    starts = [m.end() for m in re.finditer(r"(?<=[=:] )[\"']", text)]
    assert len(starts) >= 20
    failures = []
    for start in starts:
        short = text[: start + 1]
        with pytest.raises(ValidationError) as caught:
            loads(short, format=fmt)
        (problem,) = caught.value.problems
        where = _LINE.search(problem.message_en)
        last_line = short.count("\n") + 1
        if problem.code != "syntax-error" or where is None or int(where[1]) < last_line:
            failures.append((start, problem.format("en")))
    assert [] == failures


def test_at_least_a_thousand_broken_documents():
    """The generated broken documents number well over a thousand in all."""
    total = sum(1 for _ in _replacements()) + sum(1 for _ in _removals())
    total += sum(1 for _ in _renames()) + 300
    assert total >= 1000


def test_broken_json_text_never_escapes_as_another_exception():
    """Random byte damage to JSON text gives a ValidationError or a valid promise, nothing else."""
    text = dumps(sample_promise()).encode()
    rng = random.Random(7)  # noqa: S311 - reproducible test data, not secrets
    outcomes = {"refused": 0, "loaded": 0, "empty": 0}
    for _ in range(300):
        data = bytearray(text)
        for _ in range(rng.randint(1, 3)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            loads(bytes(data))
        except ValidationError as exc:
            outcomes["refused" if exc.problems else "empty"] += 1
        else:
            outcomes["loaded"] += 1
    assert 0 == outcomes["empty"]
    assert outcomes["refused"] > 200


def test_the_sample_itself_is_valid():
    """The document every case starts from loads as the sample promise."""
    assert sample_promise() == from_dict(json.loads(json.dumps(_document())))
