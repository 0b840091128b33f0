"""smartind: the final report of a Swedish government assignment, composed from data.

The public surface is what ``__all__`` lists; everything in a ``_module`` is private. Importing
this package is cheap: the heavy libraries (python-docx, lxml, Jinja2, markdown-it-py, Babel) are
imported only by the functions that use them.
"""

from __future__ import annotations

from smartind._version import __version__
from smartind.document import Document
from smartind.errors import (
    ChapterError,
    NumberFormatError,
    OutputError,
    PluginLoadError,
    RegionError,
    RenderError,
    ReportDataError,
    ReportError,
    ReportNotFoundError,
    ReportSyntaxError,
    SmartindError,
    SmartindWarning,
    UnknownFormatError,
)

__all__ = [
    "ChapterError",
    "Document",
    "NumberFormatError",
    "OutputError",
    "PluginLoadError",
    "RegionError",
    "RenderError",
    "ReportDataError",
    "ReportError",
    "ReportNotFoundError",
    "ReportSyntaxError",
    "SmartindError",
    "SmartindWarning",
    "UnknownFormatError",
    "__version__",
]
