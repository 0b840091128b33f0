"""The numbering part: outline numbers for headings, bullets, and lists that restart.

Headings are numbered through one multilevel list whose levels are tied to the heading styles
(``w:pStyle`` in the level, ``w:numPr`` in the style), so Word renumbers when a section moves.
Every ordered list gets its own ``w:num`` with a ``w:startOverride``, so each starts afresh.
"""

from __future__ import annotations

from collections.abc import Callable

from smartind_render.docx._xml import Element, W, make, sub

LEVELS = 9
INDENT = 360  # twentieths of a point per list level
HANGING = 360
_BULLETS = ("•", "–", "▪")
_ORDERED = (("decimal", "%{n}."), ("lowerLetter", "%{n})"), ("lowerRoman", "%{n}."))


def _level(
    abstract: Element, level: int, fmt: str, text: str, *, left: int, hanging: int, style: str = ""
) -> None:
    lvl = sub(abstract, "lvl", ilvl=str(level))
    sub(lvl, "start", val="1")
    sub(lvl, "numFmt", val=fmt)
    if style:
        sub(lvl, "pStyle", val=style)
    sub(lvl, "lvlText", val=text)
    sub(lvl, "lvlJc", val="left")
    sub(sub(lvl, "pPr"), "ind", left=str(left), hanging=str(hanging))


def heading_abstract(abstract_id: int, style_ids: tuple[str, ...]) -> Element:
    """An abstract list numbering headings 1, 1.1, 1.1.1, 1.1.1.1 in the given styles."""
    abstract = make("abstractNum", abstractNumId=str(abstract_id))
    sub(abstract, "multiLevelType", val="multilevel")
    sub(abstract, "name", val="Rubriknumrering")
    for level, style_id in enumerate(style_ids):
        text = ".".join(f"%{n + 1}" for n in range(level + 1))
        _level(abstract, level, "decimal", text, left=851, hanging=851, style=style_id)
    return abstract


def _list_abstract(abstract_id: int, ordered: bool) -> Element:
    abstract = make("abstractNum", abstractNumId=str(abstract_id))
    sub(abstract, "multiLevelType", val="hybridMultilevel")
    sub(abstract, "name", val="Numrerad lista" if ordered else "Punktlista")
    for level in range(LEVELS):
        if ordered:
            fmt, text = _ORDERED[level % len(_ORDERED)]
            text = text.format(n=level + 1)
        else:
            fmt, text = "bullet", _BULLETS[level % len(_BULLETS)]
        _level(abstract, level, fmt, text, left=INDENT * (level + 1), hanging=HANGING)
    return abstract


class Numbering:
    """A numbering part's root plus the lists a render needs, with fresh ids.

    New definitions are inserted where the schema wants them as they are made: abstract lists
    after the last abstract list, list instances after the last instance.
    """

    def __init__(self, root: Element) -> None:
        self._root = root
        abstract_ids = [_number(el.get(f"{W}abstractNumId")) for el in root.iter(f"{W}abstractNum")]
        num_ids = [_number(el.get(f"{W}numId")) for el in root.iter(f"{W}num")]
        self._next_abstract = max(abstract_ids, default=-1) + 1
        self._next_num = max(num_ids, default=0) + 1
        # The last of each kind, where the next one goes (found once: a report may hold
        # thousands of ordered lists, each with an instance of its own).
        self._last_abstract = _last(root, "abstractNum")
        self._last_num = _last(root, "num")
        self._bullet_num: int | None = None
        self._ordered_abstract: int | None = None

    def add_abstract(self, element: Element) -> None:
        """Insert an abstract list: after the last one, before any list instance."""
        if self._last_abstract is not None:
            self._last_abstract.addnext(element)
        else:
            first_num = self._root.find(f"{W}num")
            if first_num is not None:
                first_num.addprevious(element)
            else:
                _before_cleanup(self._root, element)
        self._last_abstract = element

    def add_num(self, element: Element) -> None:
        """Insert a list instance after the last one."""
        if self._last_num is not None:
            self._last_num.addnext(element)
        else:
            _before_cleanup(self._root, element)
        self._last_num = element

    def _abstract(self, build: Callable[[int], Element]) -> int:
        abstract_id = self._next_abstract
        self._next_abstract += 1
        self.add_abstract(build(abstract_id))
        return abstract_id

    def _num(self, abstract_id: int) -> tuple[int, Element]:
        num_id = self._next_num
        self._next_num += 1
        num = make("num", numId=str(num_id))
        sub(num, "abstractNumId", val=str(abstract_id))
        self.add_num(num)
        return num_id, num

    def headings(self, style_ids: tuple[str, ...]) -> int:
        """A new heading numbering for the heading styles; returns its ``numId``."""
        return self._num(self._abstract(lambda i: heading_abstract(i, style_ids)))[0]

    def bullet(self) -> int:
        """The ``numId`` every bulleted list shares."""
        if self._bullet_num is None:
            self._bullet_num = self._num(self._abstract(lambda i: _list_abstract(i, False)))[0]
        return self._bullet_num

    def ordered(self, start: int, level: int) -> int:
        """A fresh ``numId`` for one ordered list at ``level``, counting from ``start``."""
        if self._ordered_abstract is None:
            self._ordered_abstract = self._abstract(lambda i: _list_abstract(i, True))
        num_id, num = self._num(self._ordered_abstract)
        override = sub(num, "lvlOverride", ilvl=str(level))
        sub(override, "startOverride", val=str(start))
        return num_id


def _number(value: str | None) -> int:
    """An id from a template's numbering part; one that is not a whole number counts as 0 (the
    new ids only have to be larger than every id there is)."""
    try:
        return int(value or "0")
    except ValueError:
        return 0


def _last(root: Element, tag: str) -> Element | None:
    found = root.findall(f"{W}{tag}")
    return found[-1] if found else None


def _before_cleanup(root: Element, element: Element) -> None:
    # numIdMacAtCleanup, when present, must stay last.
    cleanup = root.find(f"{W}numIdMacAtCleanup")
    if cleanup is not None:
        cleanup.addprevious(element)
    else:
        root.append(element)
