"""The JSON Schema of the promise document, generated from the model (JSON-schema).

Nothing here is written by hand: :func:`json_schema` walks the attrs classes
of the model with :func:`attrs.fields` and :func:`typing.get_type_hints` and
maps each field type to JSON Schema (draft 2020-12). English descriptions
come from the docstrings (each class's summary line and its ``Attributes:``
section, each enum member's docstring); Swedish titles come from the Swedish
term every docstring names in parentheses and, for fields, from the small
table :data:`_FIELD_TITLES_SV` below.
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import enum
import functools
import inspect
import itertools
import re
import textwrap
import types
import typing
from typing import Any, Literal

import attrs

from medborgarlofte._formats import FORMAT_VERSION, VERSION_KEY
from medborgarlofte._formats.api import PROMISES_KEY
from medborgarlofte._formats.versioning import DOCUMENT_TYPE_KEY, FOLLOW_UP_TYPE
from medborgarlofte._model.checks import (
    line as _line,
)
from medborgarlofte._model.checks import (
    non_negative_integer,
    non_negative_number,
    optional_non_negative_number,
    positive_number,
)
from medborgarlofte._model.checks import (
    optional_line as _optional_line,
)
from medborgarlofte._model.checks import text as _text
from medborgarlofte._model.document import FollowUpDocument
from medborgarlofte._model.promise import Promise
from medborgarlofte._model.recurrence import Recurrence

__all__ = ["SCHEMA_DIALECT", "json_schema"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect (draft 2020-12) the generated schema is written in."""

# A date exactly as the document writes it, YYYY-MM-DD; `format: date` adds the
# calendar check (no 2023-06-31) for validators that assert formats.
_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# At least one character that is not white space: what `non_empty` asks for.
_NON_BLANK_PATTERN = r"\S"
# NAME=VALUE parts joined by semicolons, optionally after "RRULE:"; dateutil
# decides the rest when the document is loaded.
_RRULE_PATTERN = r"^(RRULE:)?[A-Za-z]+=[^;]+(;[A-Za-z]+=[^;]+)*$"

# The JSON Schema of each leaf type of the model.
_LEAVES: dict[object, dict[str, Any]] = {
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    str: {"type": "string"},
    dt.date: {"type": "string", "format": "date", "pattern": _DATE_PATTERN},
    Recurrence: {
        "type": "string",
        "pattern": _RRULE_PATTERN,
        "description": "An RFC 5545 RRULE without DTSTART, for example FREQ=WEEKLY;BYDAY=MO.",
    },
}

# Swedish names of the fields (fältnamn på svenska), by field name; a
# (class name, field name) key overrides where one name means different things.
_FIELD_TITLES_SV: dict[str | tuple[str, str], str] = {
    "acting": "tillförordnad (tf.)",
    "activities": "aktiviteter",
    "activity": "aktivitet (id)",
    "amount": "antal, mängd",
    "approximate": "ungefärligt",
    "assessed_by": "bedömd av",
    "assessments": "bedömningar",
    "baseline": "utgångsvärde",
    "basis": "lägesbild, underlag",
    "bound": "hur målvärdet ska läsas (minst, högst, cirka)",
    "by_indicators": "följs upp med indikatorer",
    "cadence": "uppföljningsintervall",
    "cancelled": "avbruten",
    "condition": "villkor",
    "contacts": "kontaktpersoner",
    "covers": "period som omfattas",
    "date": "datum",
    "date_text": "datum som i källan",
    "description": "beskrivning",
    "direction": "önskad riktning",
    "due": "slutdatum",
    "email": "e-post",
    "end": "slutdatum",
    "focus_areas": "fokusområden",
    "follow_up_rules": "uppföljningsregler",
    "follow_ups": "genomförda uppföljningar",
    "forum": "forum",
    "held_on": "datum för uppföljningen",
    "id": "identitet",
    "indicators": "indikatorer, effektmått",
    "interval_unclear": "oklart om antalet gäller perioden eller per år",
    "kind": "typ",
    "kolada_kpi": "nyckeltal i Kolada",
    "kommunkod": "kommunkod",
    "local_police_area": "lokalpolisområde",
    "measure": "åtgärd (gemensam rubrik)",
    "measurements": "mätvärden",
    "method": "metod",
    "name": "namn",
    "note": "anteckning",
    "parent": "överordnad part (id)",
    "participants": "deltagare",
    "parties": "parter",
    "party": "part (id)",
    "per": "intervall",
    "period": "period",
    "period_text": "period som i källan",
    "phone": "telefon",
    "place": "plats (id)",
    "places": "platser",
    "police_area": "polisområde",
    "police_region": "polisregion",
    "political_party": "politiskt parti",
    "problems": "problem i lägesbilden",
    "published": "publicerat",
    "quantities": "övriga mängder",
    "reason": "orsak",
    "recurrence": "upprepningsregel (RRULE)",
    "related": "relaterade dokument",
    "renews": "förnyar löftet (id)",
    "report_due_days": "dagar till rapport",
    "reports": "rapporter, genomförda insatser",
    "respondents": "antal svarande",
    "responsibility": "ansvarsfördelning",
    "responsible": "ansvariga parter (id)",
    "review_dates": "revideringsdatum",
    "role": "roll i löftet",
    "rule": "uppföljningsregel (id)",
    "share": "andel",
    "signatories": "undertecknare",
    "signed_on": "undertecknat den",
    "source": "källa",
    "sources": "underlag",
    "start": "startdatum",
    "sub_targets": "delmål",
    "summary": "sammanfattning",
    "target": "mål",
    "timing": "tidpunkt",
    "title": "rubrik",
    "unit": "enhet",
    "url": "webbadress",
    "value": "värde",
    "verdict": "bedömning",
    "weight": "vikt",
    "within": "ligger inom (plats-id)",
    "wording": "formulering i källan",
    "year": "år",
    "activities_examples_only": "aktiviteterna är bara exempel (bland annat)",
    "amount_unstated": "antalet anges inte (ett antal)",
    "examples": "exempel på åtgärder",
    "inferred": "antagna uppgifter",
    "kommunkoder": "kommunkoder",
    "link": "koppling till löftet",
    "meeting_on": "mötesdatum",
    "origin": "källa, ursprung",
    "path": "sökväg (JSON-sökväg)",
    "place_split": "fördelning på platser",
    "precision": "datumets noggrannhet",
    "promise": "löftet som följs upp",
    "published_on": "publicerat den",
    "publisher": "utgivare",
    "purpose": "syfte",
    "reason_code": "orsakskod",
    "retrieved_on": "hämtat den",
    "reviews": "revideringstillfällen",
    "same_as": "samma antal som aktivitet (id)",
    "shares": "andelar",
    "signing_stated": "undertecknandet framgår",
    "target_group": "målgrupp",
    "truncated": "avkortad",
    "unit_truncated": "enheten är avkortad",
    "unit_singular": "enheten i singular",
    "unit_plural": "enheten i plural",
    "work": "arbetet med egna ord",
    ("Activity", "focus_areas"): "fokusområden (id)",
    ("Activity", "places"): "platser (id)",
    ("Assessment", "reason"): "orsakskod",
    ("Contact", "title"): "roll, titel",
    ("FocusArea", "places"): "platser (id)",
    ("FollowUpRule", "activities"): "aktiviteter (id)",
    ("FollowUpRule", "focus_areas"): "fokusområden (id)",
    ("Indicator", "focus_areas"): "fokusområden (id)",
    ("Indicator", "source"): "underlag (id)",
    ("Indicator", "target"): "målvärde",
    ("Measurement", "source"): "underlag (id)",
    ("Party", "kind"): "typ av organisation",
    ("Place", "kind"): "typ av plats",
    ("Quantity", "kind"): "prestation eller resultat",
    ("RelatedDocument", "kind"): "typ av dokument",
    ("Report", "kind"): "typ av rapport",
    ("Report", "source"): "källa till rapporten",
    ("Signatory", "title"): "titel",
    ("Source", "kind"): "typ av underlag",
    ("Origin", "kind"): "typ av källa",
    ("Report", "parties"): "parter som utförde arbetet (id)",
    ("Report", "places"): "platser (id)",
    ("PromiseRef", "id"): "löftets identitet",
}

# English descriptions of the fields whose class documents them in prose only.
_FIELD_DOCS_EN: dict[tuple[str, str], str] = {
    ("Period", "start"): "The first day of the period, included.",
    ("Period", "end"): "The last day of the period, included; not before start.",
}

_SWEDISH_TERM = re.compile(r"\(([^()]*)\)\.?\s*$")
_ATTRIBUTE_LINE = re.compile(r"^(\w+): (.*)$")
_ROLE = re.compile(r":(?:attr|class|func|data):`~?(?:[\w.]*\.)?([^`]+)`")


def _plain(text: str) -> str:
    """Return docstring markup as plain text: ``x`` and :role:`x` become x."""
    return " ".join(_ROLE.sub(r"\1", text).replace("``", "").split())


def _summary_line(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    return _plain(doc.split("\n", 1)[0])


def _swedish_term(cls: type) -> str:
    """Return the Swedish term a class's summary line names in parentheses."""
    found = _SWEDISH_TERM.search(_summary_line(cls))
    if found is None:
        msg = f"{cls.__name__}'s docstring names no Swedish term in parentheses"
        raise LookupError(msg)
    return found.group(1)


def _attribute_docs(cls: type) -> dict[str, str]:
    """Return the ``Attributes:`` section of *cls*'s docstring as name -> text."""
    doc = inspect.getdoc(cls) or ""
    docs: dict[str, str] = {}
    inside = False
    current = ""
    for line in doc.splitlines():
        if line.strip() == "Attributes:":
            inside = True
            continue
        if not inside:
            continue
        if line and not line.startswith(" "):
            break
        entry = _ATTRIBUTE_LINE.match(line.strip()) if line.startswith("    ") else None
        if entry is not None and not line.startswith("        "):
            current = entry.group(1)
            docs[current] = entry.group(2)
        elif current and line.strip():
            docs[current] += " " + line.strip()
    return {name: _plain(text) for name, text in docs.items()}


def _member_docs(enum_cls: type[enum.Enum]) -> dict[str, str]:
    """Return each member's docstring (the string under its assignment), by value."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(enum_cls)))
    body = tree.body[0].body if isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.Assign)
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            member = enum_cls[statement.targets[0].id]
            docs[str(member.value)] = _plain(following.value.value)
    return docs


def _field_doc(cls: type, field: attrs.Attribute[Any], docs: dict[str, str]) -> str:
    """Return a field's English description: its docstring entry, else the table's."""
    if field.name in docs:
        return docs[field.name]
    if not field.init:
        return f"The tag that says which kind this is: always {field.default!r}."
    return _FIELD_DOCS_EN.get((cls.__name__, field.name), "")


def _field_title(cls: type, name: str) -> str:
    title = _FIELD_TITLES_SV.get((cls.__name__, name), _FIELD_TITLES_SV.get(name))
    if title is None:
        msg = f"no Swedish title for {cls.__name__}.{name}; add it to _FIELD_TITLES_SV"
        raise LookupError(msg)
    return title


def _def_name(cls: type) -> str:
    return cls.__name__


class _Builder:
    """Collect the ``$defs`` while walking the model from :class:`Promise`."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = _def_name(cls)
        if name not in self.defs:
            self.defs[name] = {}  # reserve the name first: the model may recurse
            self.defs[name] = (
                self.enum_schema(cls) if issubclass(cls, enum.Enum) else self.object_schema(cls)
            )
        return {"$ref": f"#/$defs/{name}"}

    def enum_schema(self, enum_cls: type[enum.Enum]) -> dict[str, Any]:
        members = _member_docs(enum_cls)
        values = [member.value for member in enum_cls]
        lines = [_summary_line(enum_cls)]
        lines += [f"- {value}: {members[value]}" for value in values if value in members]
        return {
            "title": _swedish_term(enum_cls),
            "description": "\n".join(lines),
            "type": "string",
            "enum": values,
        }

    def object_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = _attribute_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            schema = self.type_schema(hints[field.name])
            schema.update(_validator_schema(field.validator))
            about = " ".join(
                filter(None, (_field_doc(cls, field, docs), schema.pop("description", None)))
            )
            properties[field.name] = {
                "title": _field_title(cls, field.name),
                "description": about,
                **schema,
            }
            if field.default is attrs.NOTHING or not field.init:
                # A target's `kind` has a default but is the tag: always written.
                required.append(field.name)
        result: dict[str, Any] = {
            "title": _swedish_term(cls),
            "description": _summary_line(cls),
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            result["required"] = required
        return result

    def type_schema(self, hint: object) -> dict[str, Any]:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            return self.optional_schema(args)
        if origin is tuple:
            return {"type": "array", "items": self.type_schema(args[0])}
        if origin is Literal:
            return {"const": args[0]}
        if hint in _LEAVES:
            return copy.deepcopy(_LEAVES[hint])
        if isinstance(hint, type) and (issubclass(hint, enum.Enum) or attrs.has(hint)):
            return self.ref(hint)
        msg = f"no JSON Schema for the type {hint!r}"
        raise TypeError(msg)

    def optional_schema(self, args: tuple[object, ...]) -> dict[str, Any]:
        present = [arg for arg in args if arg is not type(None)]
        inner = self.type_schema(present[0]) if len(present) == 1 else self.union_schema(present)
        if len(present) == len(args):
            return inner
        # None is never written (defaults are omitted), but null is read as absent.
        if isinstance(inner.get("type"), str):
            inner["type"] = [inner["type"], "null"]
            return inner
        return {"anyOf": [inner, {"type": "null"}]}

    def union_schema(self, members: list[object]) -> dict[str, Any]:
        if set(members) == {int, float}:
            # Number: an int or a float; JSON Schema's number never admits a boolean.
            return {"type": "number"}
        classes = [m for m in members if isinstance(m, type) and attrs.has(m)]
        if len(classes) == len(members):
            return self.tagged_union_schema(classes)
        msg = f"no JSON Schema for the union of {members!r}"
        raise TypeError(msg)

    def tagged_union_schema(self, classes: list[type]) -> dict[str, Any]:
        """Return a union of attrs classes told apart by their ``kind`` tag.

        The tag picks the class (if/then), so a validator reports what is wrong
        inside the chosen class rather than that no class fits.
        """
        kinds = [attrs.fields_dict(cls)["kind"].default for cls in classes]
        return {
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": {"enum": kinds}},
            "allOf": [
                {
                    "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                    "then": self.ref(cls),
                }
                for kind, cls in zip(kinds, classes, strict=True)
            ],
        }


def _validator_schema(validator: object) -> dict[str, Any]:
    """Return the JSON Schema keywords that say what a field's attrs validator checks."""
    if validator in (_line, _optional_line, _text):
        return {"pattern": _NON_BLANK_PATTERN}
    if validator is positive_number:
        return {"exclusiveMinimum": 0}
    if validator in (
        non_negative_number,
        optional_non_negative_number,
        non_negative_integer,
    ):
        return {"minimum": 0}
    return {}


def _version_property() -> dict[str, Any]:
    return {
        "title": "formatversion",
        "description": (
            "The version of the document format; this schema describes version "
            f"{FORMAT_VERSION}. Older documents are migrated forward when loaded."
        ),
        "const": FORMAT_VERSION,
    }


def _generate_follow_up() -> dict[str, Any]:
    """Return the schema of a follow-up document (#16)."""
    builder = _Builder()
    top = builder.object_schema(FollowUpDocument)
    kind = {
        "title": "dokumenttyp",
        "description": "The type of the document: a follow-up document.",
        "const": FOLLOW_UP_TYPE,
    }
    top["properties"] = {
        VERSION_KEY: _version_property(),
        DOCUMENT_TYPE_KEY: kind,
        **top["properties"],
    }
    top["required"] = [VERSION_KEY, DOCUMENT_TYPE_KEY, *top["required"]]
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"urn:medborgarlofte:follow-up:{FORMAT_VERSION}",
        **top,
        "$defs": dict(sorted(builder.defs.items())),
    }


@functools.cache
def _generate(*, collection: bool, follow_up: bool = False) -> dict[str, Any]:
    if follow_up:
        return _generate_follow_up()
    builder = _Builder()
    promise = builder.object_schema(Promise)
    if collection:
        builder.defs[Promise.__name__] = promise
        top: dict[str, Any] = {
            "title": "samling av medborgarlöften",
            "description": (
                "A collection of promises in one document, for example a national data set."
            ),
            "type": "object",
            "properties": {
                VERSION_KEY: _version_property(),
                PROMISES_KEY: {
                    "title": "medborgarlöften",
                    "description": "The promises, each without a format version of its own.",
                    "type": "array",
                    "items": {"$ref": f"#/$defs/{Promise.__name__}"},
                },
            },
            "additionalProperties": False,
            "required": [VERSION_KEY, PROMISES_KEY],
        }
    else:
        top = promise
        top["properties"] = {VERSION_KEY: _version_property(), **top["properties"]}
        top["required"] = [VERSION_KEY, *top["required"]]
    name = "collection" if collection else "promise"
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"urn:medborgarlofte:{name}:{FORMAT_VERSION}",
        **top,
        "$defs": dict(sorted(builder.defs.items())),
    }


def json_schema(*, collection: bool = False, follow_up: bool = False) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a promise document (JSON-schema).

    The schema is generated from the model: document keys are the attribute
    names, required keys are the fields without defaults, dates are
    ``format: date`` strings, enums list their values, the target union is
    tagged by ``kind``, and no object admits a key it does not know
    (``additionalProperties: false``). Each object and field has a Swedish
    ``title`` and an English ``description``. The result is a fresh dict on
    each call, safe to change.

    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> schema["title"], schema["required"][:3]
    ('medborgarlöfte', ['format_version', 'id', 'title'])
    >>> json_schema(collection=True)["required"]
    ['format_version', 'promises']
    >>> json_schema(follow_up=True)["required"]
    ['format_version', 'document_type', 'id', 'promise']

    Args:
        collection: Describe a collection document (samling), as
            :func:`~medborgarlofte.dumps_many` writes it, instead of a single promise.
        follow_up: Describe a follow-up document (uppföljningsdokument), as
            :func:`~medborgarlofte.dumps_follow_up` writes it, instead.

    Returns:
        The schema as plain JSON data (dicts, lists, strings, numbers).

    Raises:
        LookupError: If a model class or field lacks its Swedish term (a bug
            caught by the test suite, never by users).
    """
    return copy.deepcopy(_generate(collection=collection, follow_up=follow_up))
