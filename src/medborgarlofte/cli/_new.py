"""``medborgarlofte new``: a commented TOML skeleton of a new promise for a kommun (nytt löfte)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from medborgarlofte.cli._common import (
    EXIT_OK,
    STDOUT,
    CommandError,
    add_output,
    emit,
    words,
    write_output,
)
from medborgarlofte.cli._terminal import one_line

if TYPE_CHECKING:
    import argparse

    from medborgarlofte._core.problems import Language
    from medborgarlofte.cli._common import Parents

__all__ = ["new_promise_toml"]


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: Parents
) -> None:
    """Add the ``new`` command to *commands*."""
    parser = commands.add_parser(
        "new",
        parents=[shared.lang],
        help="start a new promise for a kommun: a commented TOML skeleton",
        description="Write a commented TOML skeleton of a new promise for a kommun, with its "
        "kommunkod, län and police region filled in. Fill in the placeholders, then validate.",
    )
    parser.add_argument(
        "--kommun", required=True, metavar="NAME_OR_CODE", help="the kommun, e.g. Hofors or 2104"
    )
    add_output(parser, "the TOML skeleton")
    parser.add_argument("--force", action="store_true", help="overwrite the file if it exists")
    parser.set_defaults(run=run)


def _slug(name: str) -> str:
    import re  # noqa: PLC0415 - imported when the command runs
    import unicodedata  # noqa: PLC0415

    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "kommun"


def _toml_string(value: str) -> str:
    """Return *value* as a TOML basic string (JSON's escapes are TOML's)."""
    import json  # noqa: PLC0415 - imported when the command runs

    return json.dumps(value, ensure_ascii=False)


def new_promise_toml(code_or_name: str, *, lang: Language = "sv", file: str = "") -> str:
    """Return a commented TOML skeleton of a new promise for a kommun (mall för nytt löfte).

    The kommun's code, county and police region are filled in; every other
    value is a placeholder: a text inside ``<>`` or a date ``ÅÅÅÅ-MM-DD``. Once
    the placeholders are filled the document loads without error.

    Args:
        code_or_name: The kommun's code or name, for example ``"2104"`` or ``"Hofors"``.
        lang: The language of the comments.
        file: The file name, used in the comment that says how to check it.

    Returns:
        The TOML text.

    Raises:
        UnknownKommunError: If no kommun matches.
    """
    from medborgarlofte._model.sweden import kommun  # noqa: PLC0415 - imported when used

    found = kommun(code_or_name)
    from medborgarlofte._core import texts  # noqa: PLC0415 - imported when used

    c = texts.NEW_COMMENTS[lang]
    q = _toml_string
    slug = _slug(found.name)
    gotland = found.code == "0980"
    kommun_name = "Region Gotland" if gotland else f"{found.name} kommun"
    date = "ÅÅÅÅ-MM-DD"
    facts = {
        "name": found.name,
        "code": found.code,
        "county": found.county.name,
        "region": found.police_region.value,
        "file": file or f"{slug}.toml",
    }
    lines = [f"# {line.format(**facts)}" for line in c["head"].splitlines()]
    lines += [
        "",
        "format_version = 2",
        f"# {c['id']}",
        f"id = {q(f'{slug}-<ÅÅÅÅ>')}",
        f"title = {q(f'Medborgarlöfte {found.name} <ÅÅÅÅ>')}",
        f"summary = {q('<Löftet i några meningar.>')}",
        f"# {c['signed']}",
        f"signed_on = {q(date)}",
        f"# {c['signatories']}",
        "signatories = [",
        (
            f"    {{ name = {q('<namn>')}, title = {q('lokalpolisområdeschef')}, party = "
            f'"polisen", signed_on = {q(date)} }},'
        ),
        (
            f"    {{ name = {q('<namn>')}, title = {q('kommunstyrelsens ordförande')}, party = "
            f'"kommunen", signed_on = {q(date)} }},'
        ),
        "]",
        f"# {c['contacts']}",
        "contacts = [",
        f'    {{ name = {q("<namn>")}, title = {q("kommunpolis")}, party = "polisen" }},',
        "]",
        f"# {c['focus']}",
        "focus_areas = [",
        (
            f'    {{ id = "trygghet", title = {q("<fokusområde>")}, '
            f"description = {q('<varför det valdes>')} }},"
        ),
        "]",
        "",
        f"# {c['period']}",
        "[period]",
        f"start = {q(date)}",
        f"end = {q(date)}",
        "",
        f"# {c['police']}",
        "[[parties]]",
        'id = "polisen"',
        'kind = "police"',
        f"name = {q('Lokalpolisområde <namn>')}",
        f"police_region = {q(found.police_region.value)}",
        f"police_area = {q('<polisområde>')}",
        f"local_police_area = {q('<lokalpolisområde>')}",
        "",
        f"# {c['kommun']}",
        "[[parties]]",
        'id = "kommunen"',
        f"kind = {q('region' if gotland else 'municipality')}",
        f"name = {q(kommun_name)}",
        f"kommunkod = {q(found.code)}",
        "",
        f"# {c['basis']}",
        "[basis]",
        f"summary = {q('<lägesbilden i korthet>')}",
        "sources = [",
        (
            f'    {{ id = "medborgardialog", kind = "citizen_dialogue", '
            f"description = {q('<vilken dialog, när>')} }},"
        ),
        "]",
        "",
        *(f"# {line}" for line in c["activity"].splitlines()),
        "[[activities]]",
        'id = "trygghetsvandringar"',
        f"title = {q('<vad som ska göras>')}",
        'responsible = ["polisen", "kommunen"]',
        'focus_areas = ["trygghet"]',
        "",
        "[activities.target]",
        'kind = "interval_quota"',
        "amount = 2",
        f"unit = {q('<vad som räknas>')}",
        'per = "year"',
        'bound = "at_least"',
        "",
        f"# {c['rule']}",
        "[[follow_up_rules]]",
        'id = "bra"',
        'cadence = "tertial"',
        'forum = "BRÅ"',
        'responsible = "kommunen"',
        "report_due_days = 30",
    ]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Write the skeleton for the kommun."""
    from medborgarlofte._model.sweden import kommun  # noqa: PLC0415 - imported when run
    from medborgarlofte.exceptions import UnknownKommunError  # noqa: PLC0415

    lang: Language = args.lang
    text = words("new", lang)
    output: str = args.output
    try:
        found = kommun(args.kommun)
    except UnknownKommunError as error:
        msg = text["unknown_kommun"].format(query=error.query)
        if error.suggestions:
            msg += text["did_you_mean"].format(names=", ".join(error.suggestions))
        raise CommandError(msg) from None
    target = Path(output)
    if output != STDOUT and (target.exists() or target.is_symlink()) and not args.force:
        raise CommandError(text["exists"].format(path=one_line(output)))
    file = "" if output == STDOUT else output
    write_output(output, new_promise_toml(found.code, lang=lang, file=file))
    if output != STDOUT:
        emit(
            text["new_written"].format(
                name=found.name,
                code=found.code,
                county=found.county.name,
                region=found.police_region.value,
                path=one_line(output),
            )
        )
    return EXIT_OK
