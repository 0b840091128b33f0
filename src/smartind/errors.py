"""The errors smartind raises when its input cannot be used.

Findings (a funding rule not met, a published figure that disagrees with the computed one) are
*values*, returned by :func:`smartind.rules.evaluate` and :func:`smartind.accounting.reconcile`.
Exceptions are kept for input that smartind cannot work with at all. Every exception below has one
root, so a caller can catch ``SmartindError`` and show its message to a person::

    SmartindError                  anything smartind refuses; str() is a message for a person
    ├── NumberFormatError          text that is not a Swedish number, amount or per cent
    ├── NumberStyleError           a number style name that is not one of the presets
    ├── ReportError                a report folder that cannot be loaded
    │   ├── ReportNotFoundError    no report.toml at the path given
    │   ├── ReportSyntaxError      report.toml is not valid TOML, or a chapter is not UTF-8
    │   └── ReportDataError        valid TOML whose data does not fit the model
    ├── RegionError                a region name or code that matches no län
    ├── ChapterError               a chapter's Markdown or {{ expression }} cannot be composed
    ├── DocumentJSONError          text that is not a document's JSON form, of a known version
    ├── RenderError                a renderer failed to produce output
    │   ├── UnknownFormatError     no renderer of that name is installed
    │   └── PluginLoadError        a renderer plugin is installed but cannot be imported
    └── OutputError                the output cannot be written, or would lose a writer's edits

Each message says what is wrong, where (file, line, key path) and how to fix it.

Problems that do not stop the work (a control character replaced in the output) are issued as
:class:`SmartindWarning` through :mod:`warnings`; the command line prints them to standard error.
"""

from __future__ import annotations

__all__ = [
    "ChapterError",
    "DocumentJSONError",
    "NumberFormatError",
    "NumberStyleError",
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
]


class SmartindError(Exception):
    """Root of every error smartind raises on purpose; ``str(err)`` is written for a person."""


class NumberFormatError(SmartindError, ValueError):
    """Text that is not a number, amount or per cent as Swedish writers write them."""


class NumberStyleError(SmartindError, LookupError):
    """A number style name that is not one of the presets in ``smartind.NUMBER_STYLES``."""


class ReportError(SmartindError):
    """A report folder that cannot be loaded."""


class ReportNotFoundError(ReportError, FileNotFoundError):
    """The path names no report folder or report.toml."""


class ReportSyntaxError(ReportError):
    """report.toml is not valid TOML, or a chapter file cannot be read as UTF-8 text."""


class ReportDataError(ReportError):
    """report.toml parses, but its data does not fit the model (type, value, unknown key)."""


class RegionError(SmartindError, LookupError):
    """A region name or code that matches none of the 21 län."""


class ChapterError(SmartindError):
    """A chapter's Markdown, directive or ``{{ expression }}`` cannot be composed."""


class DocumentJSONError(SmartindError, ValueError):
    """Text that is not the JSON form of a document this version of smartind can read."""


class RenderError(SmartindError):
    """A renderer could not produce its output."""


class UnknownFormatError(RenderError, LookupError):
    """No installed renderer has the format name asked for."""


class PluginLoadError(RenderError, ImportError):
    """A renderer plugin is installed but fails to import; the message names its distribution."""


class OutputError(SmartindError):
    """The output file cannot be written, or writing it would lose a report writer's edits."""


class SmartindWarning(UserWarning):
    """Something smartind mended or left out on its way; the output was still written."""
