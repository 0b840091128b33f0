"""What a refresh found and did: the records :func:`~smartind_render.docx.refresh_draft` returns.

Exported from :mod:`smartind_render.docx.drafts`; kept apart so the refresh engine can build them
without importing the public module that calls it.
"""

from __future__ import annotations

from attrs import frozen


@frozen
class FigureChange:
    """A figure that got new content: where it is, what it read and what it reads now."""

    source: str
    """The control's source, e.g. ``03-genomforande.md#implementation | length``."""
    place: str
    """Where it is in the draft as a writer says it: ``3.1.2, stycke 2``, ``4, tabell 1, rad 3``."""
    old: str
    new: str
    taken: bool = False
    """True when the writer had changed it by hand and ``take_data`` replaced their text."""

    def line(self) -> str:
        """One line of the change list: ``3.1.2, stycke 2: 20 197 tkr -> 20 412 tkr``."""
        old = self.old or "(tomt)"
        new = self.new or "(borttaget)"
        note = " (ersatte text som ändrats för hand)" if self.taken else ""
        return f"{self.place}: {old} -> {new}{note}"


@frozen
class FigureConflict:
    """A figure the writer changed by hand: their text is kept, the data's is shown."""

    source: str
    place: str
    draft: str
    """What the draft says now (the writer's text)."""
    data: str
    """What the data says."""

    def line(self) -> str:
        """One line of the change list, in Swedish."""
        draft, data = (f"\u201d{text}\u201d" for text in (self.draft, self.data))  # Swedish quotes
        return f"{self.place}: i utkastet {draft}, enligt data {data}"


@frozen
class MissingFigure:
    """A figure on one side only: deleted from the draft, new in the report, or gone from it."""

    source: str
    place: str
    """Where it is in the draft; empty for a figure the draft does not hold."""
    text: str
    """Its text: from the data for a deleted or new figure, from the draft for a gone one."""

    def line(self) -> str:
        """One line of the change list, in Swedish."""
        where = f"{self.place}: " if self.place else ""
        return f"{where}{self.source}: {self.text}"


@frozen
class RefreshResult:
    """What :func:`refresh_draft` found and did."""

    data: bytes | None
    """The refreshed draft, or None when no control needed new content."""
    changes: tuple[FigureChange, ...]
    conflicts: tuple[FigureConflict, ...]
    """Controls the writer changed by hand; kept as the writer left them."""
    deleted: tuple[MissingFigure, ...]
    """Figures smartind placed that the writer deleted; they stay deleted."""
    added: tuple[MissingFigure, ...]
    """Figures new in the report; the draft's prose is the writer's, so they are not placed."""
    gone: tuple[MissingFigure, ...]
    """Controls whose source the report no longer has; their text is left as it is."""
