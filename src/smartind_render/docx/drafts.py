"""The living Word draft: refreshing the figures of a draft the writer has edited.

A draft rendered with ``smartind render -f docx`` holds every figure from data in a content
control (see ``docs/drafts.md``). :func:`refresh_draft` takes such a draft, after any amount of
editing in Word, and a newly composed :class:`~smartind.document.Document`, and gives the draft
with each control still as smartind wrote it brought up to the new data, and a list of what
changed, what the writer changed by hand (kept), and what is missing on either side::

    from smartind.compose import compose
    from smartind.load import load_report
    from smartind_render.docx import refresh_draft

    result = refresh_draft(Path("utkast.docx").read_bytes(), compose(load_report("report.toml")))
    for change in result.changes:
        print(change.line())

It writes nothing itself; ``smartind refresh`` writes ``result.data`` atomically, with a backup.
"""

from __future__ import annotations

from smartind.document import Document
from smartind_render.docx._outcome import (
    FigureChange,
    FigureConflict,
    MissingFigure,
    RefreshResult,
)
from smartind_render.protocol import RenderOptions

__all__ = [
    "FigureChange",
    "FigureConflict",
    "MissingFigure",
    "RefreshResult",
    "check_draft",
    "refresh_draft",
]


def refresh_draft(
    draft: bytes,
    document: Document,
    *,
    take_data: bool = False,
    options: RenderOptions | None = None,
) -> RefreshResult:
    """Bring the figures of ``draft`` (a DOCX file's bytes) up to ``document``.

    Every content control smartind wrote whose source ``document`` still has gets the content a
    fresh render would give it, unless the writer changed it by hand: that is a conflict, kept,
    unless ``take_data`` is true. Everything outside the controls is left as it is. Raises
    :class:`~smartind.errors.DraftError` for a file smartind did not write, or one an editor
    stripped of its controls; nothing is changed then.
    """
    from smartind_render.docx._refresh import refresh

    return refresh(draft, document, take_data=take_data, options=options)


def check_draft(draft: bytes) -> None:
    """Raise :class:`~smartind.errors.DraftError` if ``draft`` is not a draft that can be
    refreshed (one smartind did not write, or one an editor stripped of its controls).

    :func:`refresh_draft` makes the same checks; this is for a caller that wants to refuse a
    file before composing the report, as ``smartind refresh`` does.
    """
    from smartind_render.docx._refresh import _Draft

    _Draft(draft)
