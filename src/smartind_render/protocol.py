"""The renderer protocol: what a format plugin implements, and the options it is given."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol, runtime_checkable

from attrs import field, frozen

from smartind.document import Document

__all__ = ["RenderOptions", "Renderer"]


@frozen
class RenderOptions:
    """Options for one render; every renderer ignores what does not concern its format.

    ``style`` overrides the document's number style (``tillvaxtverket``, ``sprakradet``).
    ``reference_docx`` is an agency's own Word template whose styles are found by name.
    ``template_dir`` holds templates that override the built-in HTML ones block by block.
    ``source_date_epoch`` fixes every timestamp written into the output (reproducible builds);
    ``None`` means the ``SOURCE_DATE_EPOCH`` environment variable, else the report's own date
    (``Metadata.date``), else a fixed date.
    ``extra`` carries options for third-party renderers (``--option KEY=VALUE``).
    """

    style: str | None = None
    reference_docx: Path | None = None
    template_dir: Path | None = None
    source_date_epoch: int | None = None
    extra: Mapping[str, str] = field(factory=dict)


@runtime_checkable
class Renderer(Protocol):
    """A format: turns a :class:`~smartind.document.Document` into the bytes of one file.

    Register a class with these members under the entry point group ``smartind.renderers``; the
    entry point's name is the format name. The class is instantiated with no arguments, and only
    when its format is asked for.
    """

    name: str
    """The format name, the value of ``smartind render -f NAME``."""
    media_type: str
    """The IANA media type of the output, e.g. ``text/markdown``."""
    extension: str
    """The file name extension with its dot, e.g. ``.md``."""

    def render(self, document: Document, options: RenderOptions) -> bytes:
        """Return the whole output file for ``document``."""
        ...
