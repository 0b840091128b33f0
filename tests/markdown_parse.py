"""Reading rendered Markdown back with markdown-it-py: CommonMark, tables, footnotes.

The tests compare what a reader sees (heading texts, table cells, note numbers) with the
document, so they do not depend on how the renderer spells its escapes.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

__all__ = ["inline_text", "parse", "tokens_of"]


def parse(text: str) -> list[Token]:
    """The block tokens of ``text``, parsed as GitHub reads it (without autolinks and emoji)."""
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin)
    return parser.parse(text)


def tokens_of(tokens: Sequence[Token], kind: str) -> list[Token]:
    """The tokens of one type, e.g. ``heading_open``."""
    return [token for token in tokens if token.type == kind]


def inline_text(token: Token) -> str:
    """What a reader sees of an ``inline`` token: its text, with footnote marks left out.

    Raw HTML is kept in angle brackets of its own (``⟨html⟩``) so a test sees it was HTML.
    """
    parts: list[str] = []
    for child in token.children or ():
        match child.type:
            case "text" | "code_inline":
                parts.append(child.content)
            case "softbreak":
                parts.append(" ")
            case "hardbreak":
                parts.append("\n")
            case "html_inline":
                parts.append(f"⟨html⟩{child.content}")
            case _:
                pass
    return "".join(parts)
