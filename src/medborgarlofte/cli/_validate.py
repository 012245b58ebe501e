"""``medborgarlofte validate``: check promise files and list every problem (kontrollera)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from medborgarlofte.cli._common import (
    EXIT_ERROR,
    EXIT_OK,
    counted,
    emit,
    problem_line,
    read_promises,
    words,
)
from medborgarlofte.cli._terminal import json_visible, one_line

if TYPE_CHECKING:
    import argparse

    from medborgarlofte._core.problems import Language
    from medborgarlofte.cli._common import Parents


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], shared: Parents
) -> None:
    """Add the ``validate`` command to *commands*."""
    parser = commands.add_parser(
        "validate",
        parents=[shared.lang],
        help="check promise files and list every problem",
        description="Check promise files (JSON, TOML or YAML, one promise or a collection, "
        "or a follow-up document) "
        "and list every problem with its file, path, code, severity and message. Exits "
        "with 0 when every file is valid (warnings allowed) and 1 when any has an error.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a promise file")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (the default) or json for programs",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Check every file named; return 1 if any has an error."""
    import json  # noqa: PLC0415 - only this command writes JSON

    lang: Language = args.lang
    said = words("validate", lang)
    results = []
    bad = 0
    for name in args.files:
        path = Path(name)
        loaded = read_promises(path, follow_ups=True)
        errors = [p for p in loaded.problems if p.is_error]
        bad += bool(errors)
        results.append((path, loaded, errors))
    if args.format == "json":
        document = {
            "valid": bad == 0,
            "files": [
                {
                    "file": str(path),
                    "valid": not errors,
                    "promises": [p.id for p in loaded.promises],
                    **({"follow_up": loaded.follow_up.id} if loaded.follow_up is not None else {}),
                    "problems": [
                        {
                            "path": p.path,
                            "code": p.code,
                            "severity": p.severity.value,
                            "message": p.message(lang),
                        }
                        for p in loaded.problems
                    ],
                }
                for path, loaded, errors in results
            ],
        }
        text = json.dumps(document, ensure_ascii=False, indent=2)
        emit(json_visible(text))
        return EXIT_ERROR if bad else EXIT_OK
    for path, loaded, errors in results:
        problems = loaded.problems
        shown = one_line(str(path))
        for problem in problems:
            emit(problem_line(path, problem, lang))
        warnings = len(problems) - len(errors)
        warned = counted("validate.warnings", warnings, lang)
        if errors:
            erred = counted("validate.errors", len(errors), lang)
            emit(said["invalid"].format(file=shown, errors=erred, warnings=warned))
        elif warnings:
            emit(said["valid_warnings"].format(file=shown, warnings=warned))
        else:
            emit(said["valid"].format(file=shown))
    if len(results) > 1:
        if bad:
            emit(counted("validate.some_invalid", bad, lang, total=len(results)))
        else:
            emit(counted("validate.all_valid", len(results), lang))
    return EXIT_ERROR if bad else EXIT_OK
