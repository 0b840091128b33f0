"""Escaping for the Markdown renderer: data strings must never turn into Markdown.

Every ASCII punctuation character that starts inline syntax in GitHub-flavoured Markdown is
backslash-escaped wherever it occurs (CommonMark lets any ASCII punctuation be escaped, so the
escape never shows). Block syntax only matters at the start of a line; :func:`line_start` handles
it for every line the renderer starts with data.
"""

from __future__ import annotations

import re
import unicodedata
from contextvars import ContextVar
from urllib.parse import urlsplit

__all__ = [
    "BREAK",
    "destination",
    "escape",
    "line_start",
    "safe_link",
    "slug",
]

BREAK = "\x00"
"""Stands for a hard line break inside rendered inlines until the block decides how to write it.

NUL never survives :func:`escape`, so it cannot come from data.
"""

# Inline syntax: code spans, emphasis, links and images, autolinks and raw HTML, headings in
# ATX closers, table cells, strikethrough, GitHub's math, entity references.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~$&])")
_SPACES = re.compile(r"[\n\r\t]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# GitHub and pandoc turn :name: into an emoji, and bare addresses into links.
_EMOJI = re.compile(r":(?=[\w+-]+:)")
_BARE_LINK = re.compile(r"(?i)\b(https?|ftp)(:)(?=//)|\b(www)(\.)|(?<=[\w.+-])(@)(?=[\w-]+\.)")
# A line starting with one of these becomes a list item, a setext underline or an ordered list.
_BLOCK_START = re.compile(r"([-+=])|(\d{1,9})([.)])")
_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


REPLACED: ContextVar[list[str] | None] = ContextVar("replaced", default=None)
"""Where :func:`escape` records each text whose control characters it replaced, when set."""


def escape(text: str) -> str:
    """``text`` as Markdown that shows exactly these characters (newlines become spaces).

    Control characters, which no Markdown reader shows, become U+FFFD, as in the other formats;
    the text is recorded in :data:`REPLACED` so the renderer can warn once.
    """
    if CONTROL.search(text):
        replaced = REPLACED.get()
        if replaced is not None:
            replaced.append(text)
        text = CONTROL.sub("\ufffd", text)
    # The checks before each substitution skip the regular expressions for plain prose, which
    # is most text: escaping was most of the renderer's time without them.
    text = _SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text))
    if ":" in text:
        text = _EMOJI.sub(r"\\:", text)
    if "@" in text or "//" in text or "ww" in text.lower():
        text = _BARE_LINK.sub(_break_link, text)
    return text


def _break_link(match: re.Match[str]) -> str:
    # Escaping the separator keeps the characters but stops the autolink extension.
    prefix = match.group(1) or match.group(3) or ""
    return prefix + "\\" + (match.group(2) or match.group(4) or match.group(5))


def line_start(line: str) -> str:
    """``line`` made safe to start a Markdown line with: no list, heading or code block syntax.

    Leading spaces are dropped (four would start a code block; they never show in the output
    anyway). ``#``, ``>``, `````` ` `````` and ``~`` are already escaped by :func:`escape`.
    """
    line = line.lstrip(" ")
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    if match.group(1):
        return "\\" + line
    digits = match.group(2)
    return f"{digits}\\{line[len(digits) :]}"


def safe_link(target: str) -> bool:
    """Whether ``target`` may become a link: only absolute http, https and mailto addresses."""
    try:
        scheme = urlsplit(target.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in _LINK_SCHEMES


def destination(target: str) -> str:
    """A link target written so that Markdown reads back exactly ``target``."""
    out: list[str] = []
    for char in target.strip():
        if char.isspace() or unicodedata.category(char) == "Cc":
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8"))
        elif char in "\\()<>&|`":
            # Backslash escapes work in link destinations, so the address stays the same bytes;
            # a | would otherwise end a table cell.
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def slug(text: str) -> str:
    """The anchor GitHub (and markdownlint, and pandoc's gfm reader) gives a heading's text.

    Lower case; letters, marks, digits, connector punctuation (``_``), ``-`` and spaces kept,
    other characters dropped; spaces become ``-``. The caller adds ``-1``, ``-2`` ... to repeats.
    """
    kept = (
        char
        for char in text.lower()
        if char in "- "
        or unicodedata.category(char)[0] in "LMN"
        or unicodedata.category(char) == "Pc"
    )
    return "".join(kept).replace(" ", "-")
