"""Text formats of the document: JSON, TOML and YAML, read safely and written canonically.

Reading turns text into plain data (dicts, lists, texts, numbers, booleans,
null) or raises :class:`~medborgarlofte.ValidationError` with one
``syntax-error`` problem giving line and column. Nothing here builds objects
from tags, evaluates code or unpickles anything.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from typing import TYPE_CHECKING, Any, Final, Literal

from medborgarlofte._core import codes
from medborgarlofte._formats.boundary import too_long_integer
from medborgarlofte._formats.converter import SmallFloat
from medborgarlofte._formats.errors import problem
from medborgarlofte.exceptions import MissingExtraError, UnsupportedFormatError, ValidationError

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

_orjson: Any
try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - the fast extra is installed in the test run
    _orjson = None

__all__ = ["FORMATS", "Format", "format_for", "parse", "write"]

Format = Literal["json", "toml", "yaml"]
"""The name of a document format."""

FORMATS: Final[tuple[Format, ...]] = ("json", "toml", "yaml")
_SUFFIXES: Final[dict[str, Format]] = {
    ".json": "json",
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
}


def format_for(path: Path, given: str | None) -> Format:
    """Return the format to use for *path*: *given*, else the one its suffix names.

    Raises:
        UnsupportedFormatError: If the format is unknown.
    """
    if given is not None:
        return check_format(given)
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        msg = (
            f"cannot tell the format of {str(path)!r} from its suffix {path.suffix!r}; "
            f"use one of {', '.join(_SUFFIXES)} or pass format="
        )
        raise UnsupportedFormatError(msg, format=path.suffix)
    return found


def check_format(given: str) -> Format:
    """Return *given* as a :data:`Format`.

    Raises:
        UnsupportedFormatError: If it is not one of ``json``, ``toml``, ``yaml``.
    """
    for known in FORMATS:
        if given == known:
            return known
    msg = f"unknown format {given!r}; use one of {', '.join(FORMATS)}"
    raise UnsupportedFormatError(msg, format=given)


def _syntax(
    fmt: str, line: int | None, column: int | None, what: str, what_sv: str | None = None
) -> ValidationError:
    where_sv = f"rad {line}, kolumn {column}: " if line is not None else ""
    where_en = f"line {line}, column {column}: " if line is not None else ""
    name = fmt.upper()
    return ValidationError(
        [
            problem(
                "$",
                codes.SYNTAX_ERROR,
                f"texten är inte giltig {name}: {where_sv}{what_sv or what}",
                f"the text is not valid {name}: {where_en}{what}",
            )
        ]
    )


def _decode(data: str | bytes, fmt: str) -> str:
    if isinstance(data, str):
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        error = _syntax(fmt, line, column, "the bytes are not UTF-8", "byten är inte UTF-8")
        raise error from None
    return text.removeprefix("\ufeff")


def parse(data: str | bytes, fmt: Format) -> Any:
    """Return the plain data in *data*, read as *fmt*.

    Raises:
        ValidationError: With one ``syntax-error`` problem if the text cannot
            be read; it gives line and column where the reader does.
        MissingExtraError: If the extra the format needs is not installed.
    """
    try:
        if fmt == "json":
            return _parse_json(data)
        if fmt == "toml":
            return _parse_toml(_decode(data, fmt))
        return _parse_yaml(_decode(data, fmt))
    except ValidationError:
        raise
    except ValueError as exc:
        # The reading boundary (#14): Python's parsers refuse an integer of more
        # than 4,300 digits with a bare ValueError.
        if "integer string conversion" not in str(exc):
            raise
        raise _too_long_integer(data) from None


def _too_long_integer(data: str | bytes) -> ValidationError:
    text = data if isinstance(data, str) else data.decode("utf-8", "replace")
    line, column, message_sv, message_en = too_long_integer(text)
    where_sv = f"rad {line}, kolumn {column}: " if line is not None else ""
    where_en = f"line {line}, column {column}: " if line is not None else ""
    return ValidationError(
        [
            problem(
                "$",
                codes.NUMBER_OUT_OF_RANGE,
                f"{where_sv}{message_sv}",
                f"{where_en}{message_en}",
            )
        ]
    )


def _parse_json(data: str | bytes) -> Any:
    """Return the plain data in the JSON *data*, read by the standard library.

    With the ``fast`` extra, loading a JSON promise or collection tries the
    msgspec decoder first; this reader serves what that decoder steps aside
    for, every other caller, and every JSON document without the extra.
    """
    text = _decode(data, "json")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        error = _syntax("json", exc.lineno, exc.colno, exc.msg)
        raise error from None
    except RecursionError:
        error = _syntax("json", None, None, "nested too deeply", "för djupt nästlad")
        raise error from None


_TOML_END = " (at end of document)"
_TOML_WHERE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*\Z")


def _parse_toml(text: str) -> Any:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        where = _TOML_WHERE.search(message)
        if message.endswith(_TOML_END):
            line = text.count("\n") + 1
            column = len(text) - text.rfind("\n")
            error = _syntax("toml", line, column, message[: -len(_TOML_END)])
            raise error from None
        if where is None:  # pragma: no cover - tomllib always says where, but be safe
            error = _syntax("toml", None, None, message)
            raise error from None
        what = message[: where.start()]
        error = _syntax("toml", int(where[1]), int(where[2]), what)
        raise error from None
    except RecursionError:
        error = _syntax("toml", None, None, "nested too deeply", "för djupt nästlad")
        raise error from None
    return _dates_as_text(data)


def _dates_as_text(value: Any) -> Any:
    """Return *value* with TOML's native dates written as ISO text, as in JSON.

    A native date-time or time is left alone, so it is reported as a wrong type.
    """
    if type(value) is dict:
        return {key: _dates_as_text(item) for key, item in value.items()}
    if type(value) is list:
        return [_dates_as_text(item) for item in value]
    if type(value) is dt.date:
        return value.isoformat()
    return value


def _yaml() -> Any:
    try:
        import yaml  # noqa: PLC0415 - an optional extra
    except ImportError:  # pragma: no cover - the yaml extra is installed in the test run
        raise MissingExtraError(extra="yaml", purpose="reading and writing YAML") from None
    return yaml


_yaml_loader: type[Any] | None = None


def _loader() -> type[Any]:
    """Return the safe YAML loader: no tags that build objects, no aliases, dates as text."""
    global _yaml_loader  # noqa: PLW0603 - built once, on first use
    if _yaml_loader is None:
        yaml = _yaml()
        timestamp = "tag:yaml.org,2002:timestamp"
        merge = "tag:yaml.org,2002:merge"
        fmt = "yaml"

        class Loader(yaml.SafeLoader):  # type: ignore[misc,name-defined]
            yaml_implicit_resolvers: Final = {
                first: [(tag, rx) for tag, rx in resolvers if tag != timestamp]
                for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
            }

            def compose_node(self, parent: Any, index: Any) -> Any:
                if self.check_event(yaml.AliasEvent):
                    event = self.peek_event()
                    raise yaml.composer.ComposerError(
                        None, None, "aliases (*name) are not allowed", event.start_mark
                    )
                return super().compose_node(parent, index)

            def construct_mapping(self, node: Any, deep: bool = False) -> Any:  # noqa: FBT001, FBT002 - PyYAML's signature
                seen: set[object] = set()
                for key_node, _value in node.value:
                    if key_node.tag == merge:  # ``<<``: PyYAML merges, later keys win
                        continue
                    key = self.construct_object(key_node, deep=True)
                    try:
                        repeated = key in seen
                    except TypeError:  # an unhashable key: PyYAML's own check says so
                        continue
                    if repeated:
                        mark = key_node.start_mark
                        what = f"the key {key!r} is given twice in one mapping"
                        what_sv = f"nyckeln {key!r} förekommer två gånger i samma tabell"
                        raise _syntax(fmt, mark.line + 1, mark.column + 1, what, what_sv)
                    seen.add(key)
                return super().construct_mapping(node, deep=deep)

        _yaml_loader = Loader
    return _yaml_loader


def _parse_yaml(text: str) -> Any:
    yaml = _yaml()
    try:
        return yaml.load(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "unreadable"
        if mark is None:  # pragma: no cover - PyYAML marks its errors
            error = _syntax("yaml", None, None, what)
            raise error from None
        error = _syntax("yaml", mark.line + 1, mark.column + 1, what)
        raise error from None
    except yaml.YAMLError as exc:
        error = _syntax("yaml", None, None, str(exc))
        raise error from None
    except RecursionError:
        error = _syntax("yaml", None, None, "nested too deeply", "för djupt nästlad")
        raise error from None


def _orjson_default(value: object) -> Any:
    if isinstance(value, SmallFloat) and _orjson is not None:
        return _orjson.Fragment(repr(float(value)).encode())
    msg = f"cannot write {type(value).__name__} as JSON"  # pragma: no cover - plain data only
    raise TypeError(msg)  # pragma: no cover


def json_stdlib(data: Any) -> str:
    """Return *data* as canonical JSON text with the standard library."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def json_line_stdlib(data: Any) -> str:
    """Return *data* as compact JSON on one line, with the standard library."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def json_line_orjson(data: Any) -> str:
    """Return *data* as compact JSON on one line with orjson, as :func:`json_line_stdlib` does."""
    if _orjson is None:  # pragma: no cover - the fast extra is installed in the test run
        return json_line_stdlib(data)
    text: bytes = _orjson.dumps(data, default=_orjson_default)
    return text.decode()


def json_orjson(data: Any) -> str:
    """Return *data* as canonical JSON text with orjson; the same text as :func:`json_stdlib`.

    Floats below 1e-4 in size must come as :class:`SmallFloat`.
    """
    if _orjson is None:  # pragma: no cover - the fast extra is installed in the test run
        return json_stdlib(data)
    option = _orjson.OPT_INDENT_2 | _orjson.OPT_APPEND_NEWLINE
    text: bytes = _orjson.dumps(data, option=option, default=_orjson_default)
    return text.decode()


def has_orjson() -> bool:
    """Return whether the fast JSON backend (orjson) is installed."""
    return _orjson is not None


def _toml_text(data: Any) -> str:
    try:
        import tomli_w  # noqa: PLC0415 - an optional extra
    except ImportError:  # pragma: no cover - the toml extra is installed in the test run
        raise MissingExtraError(extra="toml", purpose="writing TOML") from None
    return tomli_w.dumps(data)


def _yaml_text(data: Any) -> str:
    yaml = _yaml()
    text: str = yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=2**20
    )
    return text


WRITERS: Final[dict[Format, Callable[[Any], str]]] = {
    "json": json_stdlib,
    "toml": _toml_text,
    "yaml": _yaml_text,
}


def write(data: Any, fmt: Format) -> str:
    """Return plain *data* as canonical text in *fmt* (JSON with the standard library).

    Raises:
        MissingExtraError: If the extra the format needs is not installed.
    """
    return WRITERS[fmt](data)
