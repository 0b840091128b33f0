"""Moving a freshly rendered control's content into a draft, with what it refers to.

The fresh render is made into a copy of the draft (so its style ids are the draft's), but in a
package of its own: its footnotes, hyperlinks and list definitions have ids that mean something
else in the draft. A transplant copies the content and gives each of those a place in the draft:
notes get new ids in the draft's footnotes, hyperlinks new relationships, and list instances the
fresh render added are copied into the draft's numbering (they were numbered after the draft's
own, so they take no id the draft uses).
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from smartind_render.docx._context import HYPERLINK
from smartind_render.docx._controls import clear_placeholder
from smartind_render.docx._xml import R_ID, Element, W

_NOTE_REF = f"{W}footnoteReference"
_NUM_ID = f"{W}numId"


class Transplant:
    """Copies fresh content into one draft; keeps track of the draft parts it changed."""

    def __init__(
        self,
        *,
        draft_part: Any,
        draft_notes_part: Any | None,
        draft_footnotes: Element | None,
        draft_numbering: Element | None,
        fresh_part: Any,
        fresh_notes_part: Any,
        fresh_footnotes: Element,
        fresh_numbering: Element,
    ) -> None:
        self._draft_part = draft_part
        self._draft_notes_part = draft_notes_part
        self._footnotes = draft_footnotes
        self._numbering = draft_numbering
        self._fresh_part = fresh_part
        self._fresh_notes_part = fresh_notes_part
        self._fresh_notes = {
            note.get(f"{W}id", ""): note for note in fresh_footnotes.iter(f"{W}footnote")
        }
        self._fresh_numbering = fresh_numbering
        ids = [
            int(value)
            for note in (
                draft_footnotes.iter(f"{W}footnote") if draft_footnotes is not None else ()
            )
            if (value := note.get(f"{W}id", "")).lstrip("-").isdigit()
        ]
        self._next_note = max([0, *ids]) + 1
        self._lists_copied = False
        self.changed_notes = False
        self.changed_numbering = False

    def replace(self, target: Element, fresh: Element, *, in_notes: bool = False) -> None:
        """Replace the children of ``target`` (a control's content) with copies of ``fresh``'s.

        ``in_notes`` says both controls sit in a footnote: hyperlinks are then related from
        the footnotes parts, and the draft's footnotes part is written again.
        """
        self._drop_notes(target)
        control = target.getparent()
        if control is not None:
            clear_placeholder(control)
        for child in list(target):
            target.remove(child)
        source, destination = self._fresh_part, self._draft_part
        if in_notes:
            source, destination = self._fresh_notes_part, self._draft_notes_part
            self.changed_notes = True
        for child in fresh:
            copy = deepcopy(child)
            self._adopt(copy, source, destination)
            target.append(copy)

    def _adopt(self, element: Element, source_part: Any, target_part: Any) -> None:
        for node in element.iter():
            tag = node.tag
            if tag == _NOTE_REF:
                node.set(f"{W}id", self._copy_note(node.get(f"{W}id", "")))
            elif tag == _NUM_ID and node.get(f"{W}val", "0") != "0":
                self._copy_lists()
            rel_id = node.get(R_ID) if isinstance(tag, str) else None
            if rel_id is not None:
                node.set(R_ID, _relate_again(rel_id, source_part, target_part))

    def _copy_note(self, fresh_id: str) -> str:
        from smartind.errors import DraftError

        note = self._fresh_notes.get(fresh_id)
        if note is None:
            return fresh_id
        if self._footnotes is None or self._draft_notes_part is None:
            raise DraftError(
                "the new content holds a footnote, but the draft has no footnotes part any more; "
                "render a new draft"
            )
        copy = deepcopy(note)
        note_id = str(self._next_note)
        self._next_note += 1
        copy.set(f"{W}id", note_id)
        self._adopt(copy, self._fresh_notes_part, self._draft_notes_part)
        self._footnotes.append(copy)
        self.changed_notes = True
        return note_id

    def _drop_notes(self, target: Element) -> None:
        if self._footnotes is None:
            return
        dropped = {ref.get(f"{W}id") for ref in target.iter(_NOTE_REF)}
        for note in list(self._footnotes):
            if note.get(f"{W}id") in dropped:
                self._footnotes.remove(note)
                self.changed_notes = True

    def _copy_lists(self) -> None:
        if self._lists_copied:
            return
        self._lists_copied = True
        from smartind.errors import DraftError

        if self._numbering is None:
            raise DraftError(
                "the new content holds a list, but the draft has no numbering part any more; "
                "render a new draft"
            )
        have_abstract = {
            e.get(f"{W}abstractNumId") for e in self._numbering.iter(f"{W}abstractNum")
        }
        have_num = {e.get(f"{W}numId") for e in self._numbering.iter(f"{W}num")}
        from smartind_render.docx._numbering import Numbering

        numbering = Numbering(self._numbering)
        for abstract in self._fresh_numbering.iter(f"{W}abstractNum"):
            if abstract.get(f"{W}abstractNumId") not in have_abstract:
                numbering.add_abstract(deepcopy(abstract))
                self.changed_numbering = True
        for num in self._fresh_numbering.iter(f"{W}num"):
            if num.get(f"{W}numId") not in have_num:
                numbering.add_num(deepcopy(num))
                self.changed_numbering = True


def _relate_again(rel_id: str, source_part: Any, target_part: Any) -> str:
    """The id in ``target_part`` of the hyperlink ``rel_id`` names in ``source_part``."""
    rel = source_part.rels.get(rel_id)
    if rel is None or not rel.is_external or rel.reltype != HYPERLINK:
        return rel_id
    return str(target_part.relate_to(rel.target_ref, HYPERLINK, is_external=True))
