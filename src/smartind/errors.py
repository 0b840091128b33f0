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
    │       └── PluginUnavailableError  it needs an optional dependency that is not installed
    └── OutputError                the output cannot be written, or would lose a writer's edits

Each message says what is wrong, where (file, line, key path) and how to fix it. The "where" is
also data: every error carries ``file``, ``line``, ``column``, ``key_path`` and ``chapter``
(``None`` when unknown or not applicable), an error that gathers several problems lists each in
``problems``, and :meth:`SmartindError.to_json` gives all of it as JSON-ready data, which
``smartind check --format json`` and ``smartind render --errors json`` print. Tools that put an
error beside the line it names (an editor, a CI annotation) read these instead of parsing text.

Problems that do not stop the work (a control character replaced in the output) are issued as
:class:`SmartindWarning` through :mod:`warnings`; the command line prints them to standard error.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

__all__ = [
    "ChapterError",
    "DocumentJSONError",
    "DraftError",
    "ErrorLocation",
    "NumberFormatError",
    "NumberStyleError",
    "OutputError",
    "PluginLoadError",
    "PluginUnavailableError",
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


@frozen
class ErrorLocation:
    """Where one problem is: each part ``None`` when unknown or not applicable.

    ``file`` is the file as the message names it; ``line`` and ``column`` count from 1;
    ``key_path`` is the path in report data as the messages write it (``projects[3].kind``);
    ``chapter`` is a chapter's file name (``01-uppdraget.md``).
    """

    file: str | None = None
    line: int | None = None
    column: int | None = None
    key_path: str | None = None
    chapter: str | None = None
    message: str | None = None
    """The problem itself, when the error gathers several (see ``SmartindError.problems``)."""

    def to_json(self) -> dict[str, object]:
        """The location as a JSON-ready mapping, every key present."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "key_path": self.key_path,
            "chapter": self.chapter,
            "message": self.message,
        }


_NOWHERE = ErrorLocation()


class SmartindError(Exception):
    """Root of every error smartind raises on purpose; ``str(err)`` is written for a person.

    ``location`` says where the (first) problem is; ``problems`` lists each problem with its own
    location when the error gathers several.
    """

    def __init__(
        self,
        *args: object,
        location: ErrorLocation | None = None,
        problems: Sequence[ErrorLocation] = (),
    ) -> None:
        super().__init__(*args)
        self.problems = tuple(problems)
        self.location = location or (self.problems[0] if self.problems else _NOWHERE)

    @property
    def file(self) -> str | None:
        """The file the (first) problem is in."""
        return self.location.file

    @property
    def line(self) -> int | None:
        """The line of the (first) problem, from 1."""
        return self.location.line

    @property
    def column(self) -> int | None:
        """The column of the (first) problem, from 1."""
        return self.location.column

    @property
    def key_path(self) -> str | None:
        """The key path of the (first) problem in report data."""
        return self.location.key_path

    @property
    def chapter(self) -> str | None:
        """The chapter file of the (first) problem."""
        return self.location.chapter

    def to_json(self) -> dict[str, object]:
        """The error as JSON-ready data: its kind, message, location and each problem."""
        where = self.location.to_json()
        del where["message"]
        return {
            "error": type(self).__name__,
            "message": str(self),
            **where,
            "problems": [problem.to_json() for problem in self.problems],
        }


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


class PluginUnavailableError(PluginLoadError):
    """A plugin needs an optional dependency that is not installed; the message says how to
    install it (``pip install 'smartind[pdf]'``)."""


class OutputError(SmartindError):
    """The output file cannot be written, or writing it would lose a report writer's edits."""


class DraftError(SmartindError):
    """A Word draft cannot be refreshed: smartind did not write it, an editor dropped its content
    controls, or it is not a readable Word file. Nothing was changed."""


class SmartindWarning(UserWarning):
    """Something smartind mended or left out on its way; the output was still written."""
