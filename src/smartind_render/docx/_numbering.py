"""The numbering part: outline numbers for headings, bullets, and lists that restart.

Headings are numbered through one multilevel list whose levels are tied to the heading styles
(``w:pStyle`` in the level, ``w:numPr`` in the style), so Word renumbers when a section moves.
Every ordered list gets its own ``w:num`` with a ``w:startOverride``, so each starts afresh.
"""

from __future__ import annotations

from typing import Any

from smartind_render.docx._xml import NAMESPACES, W

LEVELS = 9
INDENT = 360  # twentieths of a point per list level
HANGING = 360
_BULLETS = ("•", "–", "▪")
_ORDERED = (("decimal", "%{n}."), ("lowerLetter", "%{n})"), ("lowerRoman", "%{n}."))


def heading_abstract(abstract_id: int, style_ids: tuple[str, ...]) -> str:
    """An abstract list numbering headings 1, 1.1, 1.1.1, 1.1.1.1 in the given styles."""
    levels = []
    for level, style_id in enumerate(style_ids):
        text = ".".join(f"%{n + 1}" for n in range(level + 1))
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:pStyle w:val="{style_id}"/><w:lvlText w:val="{text}"/>'
            '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="851" w:hanging="851"/></w:pPr></w:lvl>'
        )
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="multilevel"/>'
        f'<w:name w:val="Rubriknumrering"/>{"".join(levels)}</w:abstractNum>'
    )


def _list_abstract(abstract_id: int, ordered: bool) -> str:
    levels = []
    for level in range(LEVELS):
        if ordered:
            fmt, text = _ORDERED[level % len(_ORDERED)]
            text = text.format(n=level + 1)
        else:
            fmt, text = "bullet", _BULLETS[level % len(_BULLETS)]
        left = INDENT * (level + 1)
        levels.append(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{HANGING}"/></w:pPr></w:lvl>'
        )
    name = "Numrerad lista" if ordered else "Punktlista"
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:name w:val="{name}"/>{"".join(levels)}</w:abstractNum>'
    )


class Numbering:
    """The template's numbering part plus the lists this render needs, with fresh ids."""

    def __init__(self, root: Any) -> None:
        self._root = root
        abstract_ids = [
            int(el.get(f"{W}abstractNumId", "0")) for el in root.iter(f"{W}abstractNum")
        ]
        num_ids = [int(el.get(f"{W}numId", "0")) for el in root.iter(f"{W}num")]
        self._next_abstract = max(abstract_ids, default=-1) + 1
        self._next_num = max(num_ids, default=0) + 1
        self._abstracts: list[str] = []
        self._nums: list[str] = []
        self._bullet_num: int | None = None
        self._ordered_abstract: int | None = None

    def _abstract(self, xml_for_id: Any) -> int:
        abstract_id = self._next_abstract
        self._next_abstract += 1
        self._abstracts.append(xml_for_id(abstract_id))
        return abstract_id

    def _num(self, abstract_id: int, override: str = "") -> int:
        num_id = self._next_num
        self._next_num += 1
        self._nums.append(
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
        )
        return num_id

    def headings(self, style_ids: tuple[str, ...]) -> int:
        """A new heading numbering for the heading styles; returns its ``numId``."""
        return self._num(self._abstract(lambda i: heading_abstract(i, style_ids)))

    def bullet(self) -> int:
        """The ``numId`` every bulleted list shares."""
        if self._bullet_num is None:
            self._bullet_num = self._num(self._abstract(lambda i: _list_abstract(i, False)))
        return self._bullet_num

    def ordered(self, start: int, level: int) -> int:
        """A fresh ``numId`` for one ordered list at ``level``, counting from ``start``."""
        if self._ordered_abstract is None:
            self._ordered_abstract = self._abstract(lambda i: _list_abstract(i, True))
        override = (
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        )
        return self._num(self._ordered_abstract, override)

    def xml(self) -> bytes:
        """The whole numbering part: abstract lists before instances, as the schema demands."""
        from lxml import etree

        root = self._root
        wrapper = f"<w:x {NAMESPACES}>{''.join(self._abstracts)}{''.join(self._nums)}</w:x>"
        new = list(etree.fromstring(wrapper))
        abstracts = [el for el in new if el.tag == f"{W}abstractNum"]
        nums = [el for el in new if el.tag == f"{W}num"]
        existing = list(root)
        last_abstract = max(
            (i for i, el in enumerate(existing) if el.tag == f"{W}abstractNum"), default=None
        )
        if last_abstract is None:
            first_num = next(
                (i for i, el in enumerate(existing) if el.tag == f"{W}num"), len(existing)
            )
            position = first_num
        else:
            position = last_abstract + 1
        for offset, element in enumerate(abstracts):
            root.insert(position + offset, element)
        existing = list(root)
        last_num = max((i for i, el in enumerate(existing) if el.tag == f"{W}num"), default=None)
        position = len(existing) if last_num is None else last_num + 1
        # numIdMacAtCleanup, when present, must stay last.
        if last_num is None:
            position = next(
                (i for i, el in enumerate(existing) if el.tag == f"{W}numIdMacAtCleanup"),
                len(existing),
            )
        for offset, element in enumerate(nums):
            root.insert(position + offset, element)
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
