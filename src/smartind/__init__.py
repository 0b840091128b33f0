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
from smartind.numbers import (
    NUMBER_STYLES,
    Amount,
    NumberStyle,
    NumberStyleError,
    Qualifier,
    Quantity,
    format_amount,
    format_number,
    format_percent,
    format_quantity,
    number_style,
    parse_amount,
    parse_number,
    parse_percent,
    parse_quantity,
    round_half_up,
)

__all__ = [
    "NUMBER_STYLES",
    "Amount",
    "ChapterError",
    "Document",
    "NumberFormatError",
    "NumberStyle",
    "NumberStyleError",
    "OutputError",
    "PluginLoadError",
    "Qualifier",
    "Quantity",
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
    "format_amount",
    "format_number",
    "format_percent",
    "format_quantity",
    "number_style",
    "parse_amount",
    "parse_number",
    "parse_percent",
    "parse_quantity",
    "round_half_up",
]
