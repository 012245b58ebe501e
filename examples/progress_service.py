"""Where a folder of medborgarlöften stands: a summary as JSON or CSV, from a script or HTTP.

A small tool built on medborgarlofte with nothing but the standard library.
It loads every promise file (``.toml``, ``.json``, ``.yaml``) in a folder,
computes progress at a date and returns one row per promise. A file that
cannot be read is listed with its problems instead of stopping the others.

    python examples/progress_service.py summary examples --as-of 2024-06-30
    python examples/progress_service.py summary examples --as-of 2024-06-30 --csv
    python examples/progress_service.py serve examples --port 8000
    curl 'http://127.0.0.1:8000/progress?as_of=2024-06-30'

The date is always given. Only ``main`` falls back to today's date, for the
command line; the functions below never read the clock.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from medborgarlofte import MedborgarlofteError, ValidationError, load, progress

SUFFIXES = (".toml", ".json", ".yaml", ".yml")
COLUMNS = ("file", "id", "title", "as_of", "elapsed", "completion", "expected", "behind", "error")


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def summarize(folder: Path, *, as_of: dt.date) -> list[dict[str, Any]]:
    """Return one row per promise file in *folder*: its progress at *as_of*, or its problems."""
    rows: list[dict[str, Any]] = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES):
        row: dict[str, Any] = {"file": path.name, "as_of": as_of.isoformat()}
        try:
            promise = load(path)
        except ValidationError as error:
            row["problems"] = [
                {"path": p.path, "code": p.code, "message": p.message_en} for p in error.problems
            ]
        except MedborgarlofteError as error:  # unsupported format, too big, ...
            row["problems"] = [{"path": "$", "code": type(error).__name__, "message": str(error)}]
        else:
            result = progress(promise, as_of=as_of)
            row |= {
                "id": promise.id,
                "title": promise.title,
                "elapsed": _share(result.elapsed),
                "completion": _share(result.completion),
                "expected": _share(result.expected_completion),
                "statuses": {status.value: n for status, n in result.counts if n},
            }
        rows.append(row)
    return rows


def to_csv(rows: list[dict[str, Any]]) -> str:
    """Return *rows* as a CSV table: one line per file, problems joined in the column error."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        flat = dict(row)
        flat["behind"] = row.get("statuses", {}).get("behind", "")
        flat["error"] = "; ".join(f"{p['path']} {p['code']}" for p in row.get("problems", ()))
        writer.writerow(flat)
    return out.getvalue()


def make_server(folder: Path, *, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """Return a server (not yet serving) that answers ``GET /progress?as_of=YYYY-MM-DD``.

    Port 0 lets the system pick a free port; read it from ``server.server_address``.
    """

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path != "/progress":
                self._send(HTTPStatus.NOT_FOUND, {"error": "try /progress?as_of=YYYY-MM-DD"})
                return
            given = parse_qs(url.query).get("as_of", [""])[0]
            try:
                as_of = dt.date.fromisoformat(given)
            except ValueError:
                self._send(HTTPStatus.BAD_REQUEST, {"error": "as_of=YYYY-MM-DD is required"})
                return
            self._send(HTTPStatus.OK, summarize(folder, as_of=as_of))

        def _send(self, status: HTTPStatus, body: object) -> None:
            data = json.dumps(body, ensure_ascii=False, indent=2).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
            """Keep quiet; a real service would log here."""

    return ThreadingHTTPServer((host, port), Handler)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    summary = commands.add_parser("summary", help="print the summary")
    summary.add_argument("folder", type=Path)
    summary.add_argument(
        "--as-of", type=dt.date.fromisoformat, help="YYYY-MM-DD; today if left out"
    )
    summary.add_argument("--csv", action="store_true", help="CSV instead of JSON")
    serve = commands.add_parser("serve", help="answer GET /progress?as_of=YYYY-MM-DD")
    serve.add_argument("folder", type=Path)
    serve.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if args.command == "serve":
        with make_server(args.folder, port=args.port) as server:
            print(f"http://127.0.0.1:{server.server_address[1]}/progress?as_of=YYYY-MM-DD")
            server.serve_forever()
        return 0  # pragma: no cover - serve_forever only ends on an interrupt
    as_of = args.as_of or dt.date.today()  # the one place the clock is read  # noqa: DTZ011
    rows = summarize(args.folder, as_of=as_of)
    text = to_csv(rows) if args.csv else json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    print(text, end="")
    return 1 if any("problems" in row for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
