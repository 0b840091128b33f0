"""The bundled example report: the final report of Smart industri i regionerna (2019)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["BUNDLED_EXAMPLE", "bundled_example_path"]

BUNDLED_EXAMPLE = "smart-industri-i-regionerna-2019"
"""The folder name of the bundled report inside this package."""


def bundled_example_path() -> Path:
    """The folder of the bundled report (report.toml and chapters/), as installed."""
    return Path(str(files(__name__).joinpath(BUNDLED_EXAMPLE)))
