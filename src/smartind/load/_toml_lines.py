"""Find the line of a key path in TOML text (tomllib keeps no positions).

The locator walks the table headers (``[a.b]``, ``[[a]]``, counting array-of-tables indices) and
the ``key =`` lines, and maps each key path it sees to its line. A path it cannot find maps to its
longest found prefix, so an error inside an inline array still points at the array's key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Path = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*(.+?)\s*(\]\]?)\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_PART = re.compile(r"""\s*(?:([A-Za-z0-9_-]+)|"([^"]*)"|'([^']*)')\s*(?:\.|$)""")


def _split_key(text: str) -> tuple[str, ...]:
    parts = []
    for match in _PART.finditer(text):
        bare, double, single = match.groups()
        parts.append(bare if bare is not None else double if double is not None else single)
    return tuple(p for p in parts if p is not None)


_STRING = re.compile(r""""(?:[^"\\]|\\.)*"|'[^']*'|#.*""")


def _nesting(text: str) -> int:
    """How many more brackets ``text`` opens than it closes, outside strings and comments."""
    bare = _STRING.sub("", text)
    return bare.count("[") + bare.count("{") - bare.count("]") - bare.count("}")


class LineIndex:
    """Key paths of one TOML document mapped to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Path, int] = {}
        counts: dict[Path, int] = {}
        current: Path = ()
        in_multiline: str | None = None
        depth = 0  # open brackets of a value that spans lines
        # TOML ends a line at LF (or CRLF) only; str.splitlines() would also split at U+0085,
        # U+2028 and other characters a TOML string or quoted key may hold.
        for number, line in enumerate(text.split("\n"), start=1):
            if in_multiline is not None:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            if depth > 0:
                depth += _nesting(line)
                continue
            header = _HEADER.match(line)
            if header is not None and not _KEY.match(line):
                keys = _split_key(header[2])
                resolved = self._resolve(keys[:-1], counts)
                if header[1] == "[[":
                    array = (*resolved, keys[-1])
                    index = counts.get(array, -1) + 1
                    counts[array] = index
                    current = (*array, index)
                    self._lines.setdefault(array, number)
                else:
                    current = (*resolved, keys[-1])
                self._lines.setdefault(current, number)
                continue
            key = _KEY.match(line)
            if key is not None:
                path = (*current, *_split_key(key[1]))
                self._lines.setdefault(path, number)
                depth = max(_nesting(line[key.end() :]), 0)
                for quote in ('"""', "'''"):
                    if line.count(quote) % 2 == 1:
                        in_multiline = quote

    def _resolve(self, keys: Sequence[str], counts: dict[Path, int]) -> Path:
        """Insert the current index after every prefix that is an array of tables."""
        path: Path = ()
        for key in keys:
            path = (*path, key)
            if path in counts:
                path = (*path, counts[path])
        return path

    def line(self, path: Sequence[str | int]) -> int | None:
        """The line of ``path`` or of its longest prefix found; None when nothing matches."""
        path = tuple(path)
        while path:
            found = self._lines.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return None


def format_path(path: Sequence[str | int]) -> str:
    """A key path as written in messages: ``projects[3].granted``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out
