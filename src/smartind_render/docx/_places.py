"""Where a content control sits in a draft, as a writer would say it: ``3.1.2, stycke 2``.

The draft's own headings are counted (heading 1 to 4 by style name, numbered unless their
paragraph opts out), so the numbers are the ones Word shows, also after the writer added or
moved sections. Paragraphs and tables are counted from the nearest heading; a footnote is named by
the number Word prints for it.
"""

from __future__ import annotations

from smartind_render.docx._xml import Element, W

_P = f"{W}p"
_TBL = f"{W}tbl"
_SDT = f"{W}sdt"
_SDT_CONTENT = f"{W}sdtContent"
_NUM_ID = f"{W}pPr/{W}numPr/{W}numId"


def heading_styles(styles: Element) -> dict[str, int]:
    """The draft's heading 1-4 style ids and their levels, found by name as the renderer does."""
    from smartind_render.docx._styles import HEADINGS, by_name

    index = by_name(styles)
    return {
        index[name].get(f"{W}styleId", ""): level
        for level, name in enumerate(HEADINGS, start=1)
        if name in index
    }


class Places:
    """The place of every top-level element of a draft's body."""

    def __init__(self, body: Element, styles: Element) -> None:
        self._body = body
        self._levels = heading_styles(styles)
        self._where: dict[Element, str] = {}
        self._first: dict[Element, tuple[str, int]] = {}
        self._notes: dict[str, int] = {}
        counters = [0, 0, 0, 0]
        section = "försättsbladet"
        paragraphs = tables = 0
        for element in body:
            level = self._heading_level(element)
            if level is not None:
                if self._numbered(element):
                    for depth in range(level - 1):
                        counters[depth] = max(counters[depth], 1)
                    counters[level - 1] += 1
                    for depth in range(level, 4):
                        counters[depth] = 0
                    section = ".".join(str(n) for n in counters[:level])
                else:
                    section = _text(element) or section
                paragraphs = tables = 0
                self._where[element] = section
                continue
            if element.tag == _TBL or element.find(f".//{_TBL}") is not None:
                tables += 1
                self._where[element] = f"{section}, tabell {tables}"
            elif element.tag == _SDT:
                # Each paragraph a control holds is a paragraph of the text around it.
                first = paragraphs + 1
                paragraphs += max(1, sum(1 for p in element.iter(_P) if _text(p)))
                self._where[element] = f"{section}, stycke {first}"
                self._first[element] = (section, first)
            elif element.tag == _P:
                if _text(element):
                    paragraphs += 1
                self._where[element] = f"{section}, stycke {max(paragraphs, 1)}"
        for number, reference in enumerate(body.iter(f"{W}footnoteReference"), start=1):
            self._notes.setdefault(reference.get(f"{W}id", ""), number)

    def of(self, element: Element) -> str:
        """The place of ``element`` (anywhere in the body): its top-level ancestor's place."""
        node = element
        while node is not None:
            found = self._where.get(node)
            if found is not None:
                return found
            node = node.getparent()
        return "dokumentet"

    def of_line(self, control: Element, line: int) -> str | None:
        """The place of the ``line``-th (1-based) paragraph of a block control at the top level."""
        found = self._first.get(control)
        if found is None:
            return None
        section, first = found
        return f"{section}, stycke {first + line - 1}"

    def of_note(self, note_id: str) -> str:
        """The place of a footnote by its id: ``fotnot 3``."""
        number = self._notes.get(note_id)
        return f"fotnot {number}" if number is not None else "en fotnot"

    def _heading_level(self, element: Element) -> int | None:
        if element.tag != _P:
            return None
        style = element.find(f"{W}pPr/{W}pStyle")
        return self._levels.get(style.get(f"{W}val", "")) if style is not None else None

    @staticmethod
    def _numbered(element: Element) -> bool:
        num_id = element.find(_NUM_ID)
        return num_id is None or num_id.get(f"{W}val") != "0"


def _text(element: Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t")).strip()
