"""The bundled example report: the final report of Smart industri i regionerna (2019)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["BUNDLED_EXAMPLE", "bundled_example_path"]

BUNDLED_EXAMPLE = "smart-industri-i-regionerna-2019"
"""The folder name of the bundled report inside this package."""


def bundled_example_path() -> Path:
    """The folder of the bundled report (report.toml and chapters/), as installed.

    A plain path beside this module rather than ``importlib.resources``: smartind is installed as
    files (never imported from a zip), and the resources machinery costs a sixth of the import.
    """
    return Path(__file__).resolve().parent / BUNDLED_EXAMPLE
