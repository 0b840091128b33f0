"""Which report.toml a path names: kept apart from the loader so that finding it imports nothing.

``smartind render`` finds the report before it knows whether its cache holds the composed
document; on a cache hit neither the model nor the loader is imported.
"""

from __future__ import annotations

from pathlib import Path

from smartind.errors import ReportNotFoundError

REPORT_FILE = "report.toml"
"""The name of the data file in a report folder."""


def resolve_report(path: Path | str | None = None) -> Path:
    """The report.toml that ``path`` names: the file itself, or the one in a folder.

    ``None`` means the report the caller stands in, as the command line does when REPORT is
    omitted: ``report.toml`` in the current folder when there is one, else the bundled example
    (:func:`~smartind.examples.bundled_example_path`). Raises
    :class:`~smartind.errors.ReportNotFoundError` when ``path`` names no report.
    """
    if path is None:
        here = Path(REPORT_FILE)
        if here.is_file():
            return here
        from smartind.examples import bundled_example_path

        path = bundled_example_path()
    path = Path(path)
    candidate = path / REPORT_FILE if path.is_dir() else path
    if candidate.is_file():
        return candidate
    if path.is_dir():
        raise ReportNotFoundError(
            f"{path}: the folder has no {REPORT_FILE}; start one with 'smartind init {path}'"
        )
    raise ReportNotFoundError(
        f"{path}: no such report; give a report folder or its {REPORT_FILE}, or create one "
        f"with 'smartind init DIR'"
    )
