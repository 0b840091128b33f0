"""``smartind refresh``: new figures into the content controls of a draft the writer edited.

The draft is opened with python-docx and left as it is everywhere but inside smartind's own
controls. The new content comes from a fresh render of the report into a copy of the draft
(:func:`smartind_render.docx._render.build`), so each control reads exactly as in a new draft.
Only the parts that changed are written again; every other zip member is copied byte for byte.
"""

from __future__ import annotations

import difflib
import io
import zipfile
from typing import Any

from smartind.document import Document
from smartind.errors import DraftError
from smartind_render.docx import _controls, _manifest
from smartind_render.docx._outcome import FigureChange, FigureConflict, MissingFigure, RefreshResult
from smartind_render.docx._places import Places
from smartind_render.docx._xml import Element, W, serialize
from smartind_render.protocol import RenderOptions

_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"


def refresh(
    draft: bytes,
    document: Document,
    *,
    take_data: bool = False,
    options: RenderOptions | None = None,
) -> RefreshResult:
    """The draft with every control whose source still exists brought up to ``document``."""
    opened = _Draft(draft)
    fresh = _Fresh(document, options or RenderOptions(), draft)
    transplant = opened.transplant_from(fresh)
    places = Places(opened.body, opened.document.styles.element)
    changes: list[FigureChange] = []
    conflicts: list[FigureConflict] = []
    gone: list[MissingFigure] = []
    digests = dict(opened.stored)
    for source, sdt in opened.controls:
        content = _controls.content_of(sdt)
        if content is None:
            continue
        in_note = sdt in opened.note_of
        place = places.of_note(opened.note_of[sdt]) if in_note else places.of(sdt)
        # An emptied control shows Word's placeholder text, which is not the writer's.
        now = "" if _controls.showing_placeholder(sdt) else _controls.text_of(content, opened.notes)
        fresh_content = fresh.content(source)
        if fresh_content is None:
            gone.append(MissingFigure(source=source, place=place, text=now))
            continue
        new = _controls.text_of(fresh_content, fresh.notes)
        edited = opened.stored.get(source) != _controls.digest(now)
        if new == now:
            digests[source] = _controls.digest(new)
        elif edited and not take_data:
            conflicts.append(FigureConflict(source=source, place=place, draft=now, data=new))
        else:
            transplant.replace(content, fresh_content, in_notes=in_note)
            digests[source] = _controls.digest(new)
            changes.extend(
                _changes(source, place, now, new, control=sdt, places=places, taken=edited)
            )
    present = {source for source, _ in opened.controls}
    return RefreshResult(
        data=opened.write(transplant, digests) if changes else None,
        changes=tuple(changes),
        conflicts=tuple(conflicts),
        deleted=tuple(fresh.missing(s) for s in opened.order if s not in present and fresh.has(s)),
        added=tuple(
            fresh.missing(s) for s in fresh.order if s not in opened.stored and s not in present
        ),
        gone=tuple(gone),
    )


class _Draft:
    """The draft as read: its zip members, its python-docx document, its controls and manifest."""

    def __init__(self, draft: bytes) -> None:
        from smartind_render.docx._render import notes_by_id

        self.members = _members(draft)
        self.document = _open(draft)
        self.part = self.document.part
        found = _manifest.find(self.part)
        if found is None:
            raise DraftError(
                "this Word file is not a draft smartind wrote: it has no smartind manifest "
                "(customXml part in the urn:smartind:draft:1 namespace); render a draft with "
                "`smartind render -f docx` and keep editing that one"
            )
        self.manifest_part, self.stored, self.order = found
        self.body = self.document.element.body
        self.notes_part = _related(self.part, _FOOTNOTES)
        self.footnotes = _parse(self.notes_part.blob) if self.notes_part is not None else None
        self.numbering_part = _related(self.part, _NUMBERING)
        self.controls = list(_controls.controls(self.body))
        if self.footnotes is not None:
            self.controls.extend(_controls.controls(self.footnotes))
        self.notes = notes_by_id(self.footnotes) if self.footnotes is not None else {}
        self.note_of = _note_holders(self.footnotes)
        _check_editor_kept_controls(
            self.members, self.body, self.footnotes, self.controls, self.order
        )

    def transplant_from(self, fresh: _Fresh) -> Any:
        """A transplant of ``fresh``'s content into this draft."""
        from smartind_render.docx._transplant import Transplant

        fresh_part = fresh.built.package.main_document_part
        numbering = self.numbering_part
        return Transplant(
            draft_part=self.part,
            draft_notes_part=self.notes_part,
            draft_footnotes=self.footnotes,
            draft_numbering=numbering.element if numbering is not None else None,
            fresh_part=fresh_part,
            fresh_notes_part=_related(fresh_part, _FOOTNOTES),
            fresh_footnotes=fresh.built.footnotes,
            fresh_numbering=fresh.built.numbering,
        )

    def write(self, transplant: Any, digests: dict[str, str]) -> bytes:
        """The refreshed file: the parts the refresh changed written anew, the rest as they were."""
        from smartind_render.docx._package import refresh_epoch, write_zip

        updated = dict(self.members)
        part = self.part
        updated[part.partname.membername] = part.blob
        if len(part.rels):
            updated[part.partname.rels_uri.membername] = part.rels.xml
        notes = self.notes_part
        if self.footnotes is not None and notes is not None and transplant.changed_notes:
            updated[notes.partname.membername] = serialize(self.footnotes)
            if len(notes.rels):
                updated[notes.partname.rels_uri.membername] = notes.rels.xml
        if self.numbering_part is not None and transplant.changed_numbering:
            updated[self.numbering_part.partname.membername] = self.numbering_part.blob
        entries = [(source, digests[source]) for source in self.order if source in digests]
        updated[self.manifest_part.partname.membername] = serialize(_manifest.manifest(entries))
        return write_zip(updated, refresh_epoch())


class _Fresh:
    """The report rendered afresh into a copy of the draft: each control's content by source."""

    def __init__(self, document: Document, options: RenderOptions, draft: bytes) -> None:
        from smartind_render.docx._render import build, notes_by_id

        self.built = build(document, options, reference=_open(draft))
        self.notes = notes_by_id(self.built.footnotes)
        self._by_source: dict[str, Element] = {}
        for root in (self.built.body, self.built.footnotes):
            for source, sdt in _controls.controls(root):
                self._by_source.setdefault(source, sdt)
        self.order = list(self._by_source)

    def has(self, source: str) -> bool:
        """Whether the report still places a figure named ``source``."""
        return source in self._by_source

    def content(self, source: str) -> Element | None:
        """The ``w:sdtContent`` of the control for ``source``, or None if there is none."""
        sdt = self._by_source.get(source)
        return _controls.content_of(sdt) if sdt is not None else None

    def missing(self, source: str) -> MissingFigure:
        """A figure the draft does not hold, with its text from the data."""
        content = self.content(source)
        text = _controls.text_of(content, self.notes) if content is not None else ""
        return MissingFigure(source=source, place="", text=text)


def _members(draft: bytes) -> dict[str, bytes]:
    from smartind.limits import MAX_DRAFT_UNPACKED_BYTES

    try:
        with zipfile.ZipFile(io.BytesIO(draft)) as archive:
            total = sum(info.file_size for info in archive.infolist())
            if total > MAX_DRAFT_UNPACKED_BYTES:
                raise DraftError(
                    f"the draft unpacks to {total // 2**20} MiB, more than smartind reads "
                    f"({MAX_DRAFT_UNPACKED_BYTES // 2**20} MiB); it is not a draft smartind wrote"
                )
            return {
                info.filename: archive.read(info)
                for info in archive.infolist()
                if not info.is_dir()
            }
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise DraftError(
            f"the draft is not a Word file (.docx) that can be read: {error}"
        ) from None


def _open(draft: bytes) -> Any:
    import docx

    try:
        document = docx.Document(io.BytesIO(draft))
    except Exception as error:
        # python-docx reads an untrusted file here and has no error type of its own for a
        # malformed one (it may raise KeyError, AttributeError, ValueError, lxml's errors...):
        # whatever it raises means the same to the writer.
        raise DraftError(
            f"the draft cannot be opened as a Word document ({type(error).__name__}: {error}); "
            f"open it in Word and save it as a Word document (.docx)"
        ) from None
    from smartind_render.docx._template import unusable

    problem = unusable(document)
    if problem is not None:
        raise DraftError(f"the draft {problem}; open it in Word and save it again")
    return document


def _parse(blob: bytes) -> Element:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    try:
        return etree.fromstring(blob, parser)
    except etree.XMLSyntaxError as error:
        raise DraftError(f"the draft's footnotes cannot be read ({error})") from None


def _related(part: Any, reltype: str) -> Any | None:
    try:
        return part.part_related_by(reltype)
    except KeyError:
        return None


def _note_holders(footnotes: Element | None) -> dict[Element, str]:
    """The footnote id each control inside a footnote belongs to."""
    if footnotes is None:
        return {}
    holders: dict[Element, str] = {}
    for note in footnotes.iter(f"{W}footnote"):
        for _source, sdt in _controls.controls(note):
            holders[sdt] = note.get(f"{W}id", "")
    return holders


def _check_editor_kept_controls(
    members: dict[str, bytes],
    body: Element,
    footnotes: Element | None,
    found: list[tuple[str, Element]],
    order: list[str],
) -> None:
    """Refuse a draft whose controls an editor dropped or stripped of their tags."""
    sources = {source for source, _ in found}
    missing = [source for source in order if source not in sources]
    if not missing:
        return
    untagged = _controls.foreign_controls(body)
    if footnotes is not None:
        untagged += _controls.foreign_controls(footnotes)
    editor = _application(members)
    by = f" by {editor}" if editor else ""
    if untagged:
        raise DraftError(
            f"the draft was last saved{by}, which kept {untagged} content control(s) but "
            f"dropped the tags that say which figure each holds ({len(missing)} of "
            f"{len(order)} figures cannot be found); refresh cannot tell the figures apart and "
            f"changed nothing. Refresh a copy saved by Word, or render a new draft"
        )
    if not sources:
        raise DraftError(
            f"none of the draft's {len(order)} figures is in a content control any more: the "
            f"editor that saved it{by} drops content controls; refresh changed nothing. "
            f"Refresh a copy saved by Word, or render a new draft"
        )


def _application(members: dict[str, bytes]) -> str:
    """The application that last saved the file, from ``docProps/app.xml``."""
    data = members.get("docProps/app.xml")
    if not data:
        return ""
    try:
        root = _parse(data)
    except DraftError:
        return ""
    for element in root:
        if isinstance(element.tag, str) and element.tag.endswith("}Application"):
            # LibreOffice writes "LibreOffice/7.4.7.2$Linux_X86_64 ..."; the name and version do.
            return (element.text or "").split("$", 1)[0].strip()
    return ""


def _changes(
    source: str,
    place: str,
    old: str,
    new: str,
    *,
    control: Element,
    places: Places,
    taken: bool,
) -> list[FigureChange]:
    """One change a figure: a control of one line is one change; a table, a row each; a list or
    other block, a paragraph each (named as the paragraphs of the text around it)."""
    old_lines = old.split("\n")
    new_lines = new.split("\n")
    if len(old_lines) == 1 and len(new_lines) == 1:
        return [FigureChange(source=source, place=place, old=old, new=new, taken=taken)]
    table = control.find(f".//{W}tbl") is not None
    result: list[FigureChange] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for offset in range(max(a1 - a0, b1 - b0)):
            before = old_lines[a0 + offset] if a0 + offset < a1 else ""
            after = new_lines[b0 + offset] if b0 + offset < b1 else ""
            number = (b0 + offset if b0 + offset < b1 else a0 + offset) + 1
            line_place = None if table else places.of_line(control, number)
            result.append(
                FigureChange(
                    source=source,
                    place=line_place or f"{place}, {'rad' if table else 'stycke'} {number}",
                    old=_row(before),
                    new=_row(after),
                    taken=taken,
                )
            )
    return result


def _row(line: str) -> str:
    return " | ".join(cell.strip() for cell in line.split("\t") if cell.strip())
