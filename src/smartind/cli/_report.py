"""The report a command works on: the one place ``render``, ``check`` and ``refresh`` resolve it."""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["report_path"]


def report_path(argument: Path | None) -> Path:
    """The report.toml named by the REPORT argument; without one, the report the user stands in.

    That is ``./report.toml`` when the current folder has one. Otherwise it is the bundled
    example, and one line on standard error says so, so that nobody mistakes the example's
    output for their own report's.
    """
    from smartind._resolve import REPORT_FILE, resolve_report

    path = resolve_report(argument)
    if argument is None and path.name == REPORT_FILE and not Path(REPORT_FILE).is_file():
        print(
            f"smartind: no {REPORT_FILE} in this folder; using the bundled example report "
            "(Smart industri i regionerna, 2019)",
            file=sys.stderr,
        )
    return path
