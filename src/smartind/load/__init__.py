"""Read a report folder (``report.toml`` and ``chapters/*.md``) into the model, and write it back.

Every error names the file, the line and the key path, and says how to fix the value::

    report.toml:57: projects[3].granted: '2,5 mkrr' is not an amount ...

Array indices in key paths count from 0, as in JSON paths: ``projects[0]`` is the first
``[[projects]]`` table.
"""

from __future__ import annotations

import os
import re

# tomli is the parser the standard library's tomllib was copied from, the same code and messages;
# its wheels are compiled (mypyc) and parse about three times as fast, which is most of loading a
# large report. tomllib serves where no compiled wheel can be installed.
try:
    import tomli as tomllib
except ImportError:  # pragma: no cover - a platform without tomli
    import tomllib  # type: ignore[no-redef]
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from attrs import evolve

from smartind._files import RefusedInput, read_input
from smartind._resolve import REPORT_FILE, resolve_report
from smartind.errors import (
    ErrorLocation,
    ReportDataError,
    ReportError,
    ReportNotFoundError,
    ReportSyntaxError,
)
from smartind.limits import MAX_DATA_NESTING
from smartind.report import Chapter, Report

__all__ = [
    "REPORT_FILE",
    "dump_report",
    "load_chapters",
    "load_report",
    "loads_report",
    "resolve_report",
]


CHAPTER_DIR = "chapters"
"""The folder of narrative chapters in a report folder."""

Format = Literal["toml", "json"]

_MAX_SHOWN = 10


def load_report(path: Path | str) -> Report:
    """The report in a folder (or named by its report.toml), with its chapters.

    Raises :class:`~smartind.errors.ReportNotFoundError`,
    :class:`~smartind.errors.ReportSyntaxError` (invalid TOML, a chapter that is not UTF-8) or
    :class:`~smartind.errors.ReportDataError` (data that does not fit the model).
    """
    toml_path = resolve_report(path)
    text = _read_text(toml_path, folder=toml_path.parent).removeprefix(_BOM)
    report = loads_report(text, source=str(toml_path))
    # Passed as a dict: the attrs plugin cannot type a field whose converter is ``tuple``.
    changes: dict[str, Any] = {"chapters": tuple(_chapters(toml_path.parent / CHAPTER_DIR))}
    return evolve(report, **changes)


def load_chapters(path: Path | str) -> tuple[Chapter, ...]:
    """The chapters of the report in a folder (or named by its report.toml), without its data.

    The same files, read the same way, as :func:`load_report` reads them: a tool that sees only
    a chapter change (``smartind preview``) reads them again without parsing report.toml.
    """
    toml_path = resolve_report(path)
    return tuple(_chapters(toml_path.parent / CHAPTER_DIR))


def loads_report(text: str, format: Format = "toml", source: str = REPORT_FILE) -> Report:
    """The report in ``text`` (report.toml, or the JSON that :func:`dump_report` writes).

    ``source`` is the file name used in error messages. The report has no chapters: they live in
    files beside report.toml.
    """
    data = _parse(text, format, source)
    return _build(data, text if format == "toml" else "", source)


def dump_report(report: Report, format: Format = "toml") -> str:
    """The report's data as report.toml text (or JSON), without its chapters.

    :func:`loads_report` reads it back to an equal report (chapters aside).
    """
    from smartind.load._dump import to_json, to_toml, unstructure
    from smartind.load._forms import Record

    data = unstructure(report, Record(Report))
    data.pop("chapters", None)
    if format == "toml":
        return to_toml(data)
    if format == "json":
        return to_json(data)
    raise ValueError(f"unknown format {format!r}; use 'toml' or 'json'")


# Some Windows editors start a UTF-8 file with a byte order mark; it is no part of the text.
_BOM = "\ufeff"


def _read_text(path: Path, *, folder: Path) -> str:
    try:
        raw = read_input(path, folder=folder)
    except RefusedInput as error:
        raise ReportNotFoundError(str(error), location=ErrorLocation(file=str(path))) from None
    except OSError as error:
        raise ReportNotFoundError(
            f"{path}: cannot be read ({error.strerror})", location=ErrorLocation(file=str(path))
        ) from error
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ReportSyntaxError(
            f"{path}: byte {error.start} is not UTF-8 ({raw[error.start : error.start + 1]!r}); "
            f"save the file as UTF-8",
            location=ErrorLocation(file=str(path), line=line),
        ) from None


def _chapters(folder: Path) -> Iterator[Chapter]:
    """The chapter files: ``*.md`` in the folder, except hidden ones.

    Each must be a regular file inside the report folder (a link to one is fine); anything
    else is refused with the reason, never skipped.

    A name starting with a dot is an editor's lock file (``.#01-uppdraget.md``), a swap file or a
    draft kept out on purpose (``.utkast.md``); none of them is published.
    """
    if not folder.exists() and not folder.is_symlink():
        return
    if not folder.is_dir():
        raise ReportNotFoundError(
            f"{folder}: is not a folder; chapters are read from the folder {CHAPTER_DIR}/ beside "
            "report.toml, so rename or remove this file",
            location=ErrorLocation(file=str(folder)),
        )
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as error:
        raise ReportNotFoundError(
            f"{folder}: the chapter folder cannot be read ({error.strerror}); give yourself "
            "permission to read it, or the report would be rendered without its chapters",
            location=ErrorLocation(file=str(folder)),
        ) from error
    for name in names:
        if name.endswith(".md") and not name.startswith("."):
            text = _read_text(folder / name, folder=folder.parent)
            yield Chapter(name, text.removeprefix(_BOM))


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")


def _parse(text: str, format: Format, source: str) -> dict[str, Any]:
    try:
        return _parse_unbounded(text, format, source)
    except RecursionError:
        raise _syntax_error(
            source,
            _nesting_line(text, MAX_DATA_NESTING),
            f"arrays or tables nest more than {MAX_DATA_NESTING} levels deep here; report data "
            "needs at most 4, so flatten it there",
        ) from None
    except ValueError as error:
        if isinstance(error, ReportError) or "integer string conversion" not in str(error):
            raise
        raise _syntax_error(
            source,
            _long_number_line(text),
            "a number with thousands of digits; no report figure needs that many, so write the "
            "amount in kronor (or tkr) as it should read",
        ) from None


def _syntax_error(source: str, line: int | None, message: str) -> ReportSyntaxError:
    where = f"{source}:{line}" if line else source
    return ReportSyntaxError(f"{where}: {message}", location=ErrorLocation(file=source, line=line))


# Strings and comments are skipped, so that brackets inside them do not count.
_DATA_TOKENS = re.compile(
    r'"""(?:[^\\]|\\.)*?"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*|[\[\]{}]',
    re.DOTALL,
)


def _nesting_line(text: str, limit: int) -> int | None:
    """The line where brackets in TOML or JSON text first nest deeper than ``limit``."""
    depth = 0
    for token in _DATA_TOKENS.finditer(text):
        bracket = token.group()
        if bracket in "[{":
            depth += 1
            if depth > limit:
                return text.count("\n", 0, token.start()) + 1
        elif bracket in "]}":
            depth = max(depth - 1, 0)
    return None


def _long_number_line(text: str) -> int | None:
    match = re.search(r"\d[\d_]{4000,}", text)
    return None if match is None else text.count("\n", 0, match.start()) + 1


def _parse_unbounded(text: str, format: Format, source: str) -> dict[str, Any]:
    if format == "json":
        import json

        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ReportSyntaxError(
                f"{source}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}",
                location=ErrorLocation(file=source, line=error.lineno, column=error.colno),
            ) from None
        if not isinstance(data, dict):
            raise ReportDataError(
                f"{source}: expected a JSON object at the top", location=ErrorLocation(file=source)
            )
        return data
    if format != "toml":
        raise ValueError(f"unknown format {format!r}; use 'toml' or 'json'")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        location = ErrorLocation(file=source)
        if position is not None:
            where = f"{source}:{position[1]}:{position[2]}"
            location = ErrorLocation(file=source, line=int(position[1]), column=int(position[2]))
            message = message[: position.start()]
        elif _TOML_END.search(message):
            last = text.count(chr(10)) + 1
            where = f"{source}:{last}"
            location = ErrorLocation(file=source, line=last)
            message = _TOML_END.sub("", message)
        else:
            where = source
        raise ReportSyntaxError(
            f"{where}: not valid TOML: {message}; see https://toml.io for the syntax",
            location=location,
        ) from None


def _build(data: dict[str, Any], text: str, source: str) -> Report:
    from smartind.load._converter import Problem, structure
    from smartind.validation import problems as cross_problems

    problems: list[Problem] = []
    if "chapters" in data:
        problems.append(
            Problem(("chapters",), f"chapters are read from {CHAPTER_DIR}/*.md; remove this key")
        )
        data = {k: v for k, v in data.items() if k != "chapters"}
    report, found = structure(data, Report)
    problems.extend(found)
    if report is not None:
        # The same checks validate() makes on a report built in Python.
        problems.extend(Problem(p.path, p.message) for p in cross_problems(report))
    if problems:
        raise ReportDataError(
            _message(problems, text, source), problems=_locations(problems, text, source)
        )
    result: Report = report
    return result


def _locations(problems: Sequence[Any], text: str, source: str) -> list[ErrorLocation]:
    from smartind.load._toml_lines import LineIndex, format_path

    index = LineIndex(text)
    return [
        ErrorLocation(
            file=source,
            line=index.line(problem.path) if text else None,
            key_path=format_path(problem.path) or None,
            message=problem.message,
        )
        for problem in problems
    ]


def _message(problems: Sequence[Any], text: str, source: str) -> str:
    from smartind.load._toml_lines import LineIndex, format_path

    index = LineIndex(text)
    lines = []
    for problem in problems:
        line = index.line(problem.path) if text else None
        where = f"{source}:{line}" if line is not None else source
        path = format_path(problem.path)
        lines.append(
            f"{where}: {path}: {problem.message}" if path else f"{where}: {problem.message}"
        )
    if len(lines) == 1:
        return lines[0]
    shown = lines[:_MAX_SHOWN]
    more = len(lines) - len(shown)
    tail = [f"  ... and {more} more"] if more else []
    return "\n".join([f"{source}: {len(lines)} problems:", *(f"  {s}" for s in shown), *tail])
