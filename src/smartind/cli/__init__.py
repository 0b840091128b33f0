"""The ``smartind`` command: parses arguments and calls the library, nothing more.

Exit status: 0 success; 1 ``check`` found a rule not met or a discrepancy; 2 bad input or usage.
Errors are one paragraph on standard error, never a traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import threading
import warnings
from collections.abc import Iterator, Sequence
from importlib import import_module
from pathlib import Path
from typing import NoReturn

from smartind._version import __version__
from smartind.errors import SmartindError, SmartindWarning

__all__ = ["ending_on_terminate", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"smartind: error: {message}\nRun 'smartind --help' for help.\n")


def _report_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "report",
        nargs="?",
        type=Path,
        metavar="REPORT",
        help=(
            "a report folder or its report.toml (default: ./report.toml, else the bundled "
            "2019 example)"
        ),
    )


def _errors_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--errors",
        choices=("text", "json"),
        default=None,
        help=(
            "how an input error is printed on standard error: text (default) or json, one "
            "object with the message, file, line, column, key_path, chapter and each problem "
            "(check --format json implies json)"
        ),
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``smartind`` command."""
    parser = _Parser(
        prog="smartind",
        description="Compose the final report (slutrapport) of a government assignment from data.",
    )
    parser.add_argument("--version", action="version", version=f"smartind {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show a traceback when something goes wrong"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    render = commands.add_parser("render", help="render the report as DOCX, Markdown or HTML")
    _report_argument(render)
    render.add_argument(
        "-f",
        "--format",
        default="docx",
        metavar="FORMAT",
        help="output format: docx (default), markdown, html or an installed plugin's name",
    )
    render.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="PATH",
        help="output file (default: slutrapport plus the format's extension: slutrapport.docx)",
    )
    render.add_argument(
        "--style",
        metavar="NAME",
        help="number style: tillvaxtverket (the report's own) or sprakradet",
    )
    render.add_argument(
        "--force",
        action="store_true",
        help="overwrite an output file that was edited since smartind wrote it (a backup is kept)",
    )
    render.add_argument(
        "--reference-docx",
        type=Path,
        metavar="FILE",
        help="a Word template whose styles the DOCX output uses, found by name",
    )
    render.add_argument(
        "--template-dir",
        type=Path,
        metavar="DIR",
        help="a folder of HTML templates that override the built-in ones",
    )
    render.add_argument(
        "--no-cache",
        action="store_true",
        help="compose the report afresh: neither read nor write the cache of composed documents",
    )
    render.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an option for a third-party renderer (may be repeated)",
    )

    check = commands.add_parser("check", help="check funding rules and reconcile the accounts")
    _report_argument(check)
    check.add_argument("--format", choices=("text", "json"), default="text", dest="output_format")

    refresh = commands.add_parser(
        "refresh",
        help="write the report's current figures into a Word draft the writer has edited",
    )
    refresh.add_argument("draft", type=Path, metavar="DRAFT", help="the Word draft (.docx)")
    _report_argument(refresh)
    refresh.add_argument(
        "--dry-run",
        action="store_true",
        help="print the change list without writing the draft",
    )
    refresh.add_argument(
        "--take-data",
        action="store_true",
        help=(
            "replace figures the writer changed by hand with the data's too (their text stays "
            "in the backup)"
        ),
    )
    refresh.add_argument(
        "--style",
        metavar="NAME",
        help="number style: tillvaxtverket (the report's own) or sprakradet",
    )
    refresh.add_argument(
        "--no-cache",
        action="store_true",
        help="compose the report afresh: neither read nor write the cache of composed documents",
    )
    for command in (render, check, refresh):
        _errors_argument(command)

    preview = commands.add_parser(
        "preview", help="serve the HTML rendering on this computer, updated on every save"
    )
    _report_argument(preview)
    preview.add_argument(
        "--port", type=int, default=0, help="the port to serve on (default: any free one)"
    )
    preview.add_argument(
        "--host",
        default="127.0.0.1",
        help="the loopback address to serve on: 127.0.0.1 (default), ::1 or localhost",
    )
    preview.add_argument("--open", action="store_true", help="open the page in the web browser")
    preview.add_argument(
        "--style",
        metavar="NAME",
        help="number style: tillvaxtverket (the report's own) or sprakradet",
    )
    preview.add_argument(
        "--template-dir",
        type=Path,
        metavar="DIR",
        help="a folder of HTML templates that override the built-in ones (watched too)",
    )

    commands.add_parser("formats", help="list the installed output formats")

    init = commands.add_parser("init", help="write an editable copy of the bundled example")
    init.add_argument("directory", type=Path, metavar="DIR", help="a new or empty folder")

    commands.add_parser("schema", help="print the JSON Schema of report.toml")
    return parser


_COMMANDS = {
    "render": "smartind.cli._render",
    "check": "smartind.cli._check",
    "formats": "smartind.cli._formats",
    "init": "smartind.cli._init",
    "preview": "smartind.cli._preview",
    "refresh": "smartind.cli._refresh",
    "schema": "smartind.cli._schema",
}


def _show_warning(message: Warning | str, *_where: object, **_how: object) -> None:
    print(f"smartind: warning: {message}", file=sys.stderr)


@contextlib.contextmanager
def ending_on_terminate() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`SystemExit` (status 143); the previous handler
    comes back after it.

    Python ends on a plain ``kill`` without unwinding, so ``finally`` blocks would not run and a
    temporary output file would stay behind; as ``SystemExit`` they run. Only the main thread may
    set a signal handler, so elsewhere (smartind called from a thread) this changes nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _terminated(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "errors", "text") is None:
        args.errors = "json" if getattr(args, "output_format", "text") == "json" else "text"
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    command = import_module(_COMMANDS[args.command])
    with warnings.catch_warnings(), ending_on_terminate():
        warnings.simplefilter("always", SmartindWarning)
        if not args.debug:
            warnings.showwarning = _show_warning
        try:
            status: int = command.run(args)
        except SmartindError as error:
            if args.debug:
                raise
            if getattr(args, "errors", "text") == "json":
                print(json.dumps(error.to_json(), ensure_ascii=False), file=sys.stderr)
            else:
                print(f"smartind: {error}", file=sys.stderr)
            return EXIT_USAGE
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            # Whoever read the output stopped reading (`smartind check | head`): nothing is
            # wrong with the command. Python would complain again at exit on the same stdout.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 141
    return status
