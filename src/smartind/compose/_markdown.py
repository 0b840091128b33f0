"""Chapter Markdown to document blocks: markdown-it-py's tokens mapped onto the model.

Expressions are cut out of the raw inline source *before* inline parsing and replaced by
placeholders, so the expression's text never passes through Markdown (``*``, ``_``, ``\\`` and
``[`` in it stay what they are) and ``{{`` inside a code span stays literal. After parsing, each
placeholder is replaced by the inlines the expression evaluates to; those inlines are document
nodes, so what data they carry is never parsed either.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from smartind.compose._expr import holds_note, merge_text
from smartind.compose._sources import source_name
from smartind.document import (
    Align,
    Block,
    BulletList,
    Callout,
    Cell,
    ColumnSpec,
    Computed,
    ComputedBlock,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    Note,
    OrderedList,
    PageBreak,
    Paragraph,
    Row,
    RowKind,
    Strong,
    Table,
    TableOfContents,
    Text,
    plain_text,
)
from smartind.errors import ChapterError, ErrorLocation, SmartindWarning
from smartind.limits import MAX_INLINE_NESTING, MAX_LIST_NESTING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token

__all__ = ["Anchors", "ChapterConverter", "Evaluate", "Place", "slug"]

Evaluate = Callable[[str], tuple[Inline, ...]]
"""Evaluates one expression's source; raises ``ValueError`` with a message on failure."""

Place = Callable[[str, dict[str, str]], tuple[Block, ...]]
"""Builds a directive's blocks from its name and options; raises ``ValueError`` on failure."""

_OPEN, _CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_HEADING_ATTRS = re.compile(r"(?<![{\\])\{([^{}]*)\}[ \t]*$")
_ATTR = re.compile(r"#([A-Za-z][\w-]*)|\.([A-Za-z][\w-]*)")
_UNDEFINED_NOTE = re.compile(r"\[\^([^\]\s]+)\]")
_OPTION = re.compile(r"([A-Za-z][\w-]*)\s*:\s*(.*)")
_LINK_SCHEMES = ("http://", "https://", "mailto:")
DIRECTIVE_INFO = "{smartind}"


def slug(text: str) -> str:
    """An anchor from heading text: ``Övergången till 2.0`` gives ``overgangen-till-2-0``."""
    folded = text.casefold().translate(str.maketrans("åäöéü", "aaoeu"))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "rubrik"


MAX_NESTING = MAX_LIST_NESTING
"""How deep blocks may nest: a list level counts two (the list and its item), a block quote or
callout one, so lists nest at most 9 levels deep, as many as a Word list has."""


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _depth_check(state: StateBlock, start: int, _end: int, _silent: bool) -> bool:
    if state.level >= MAX_NESTING:
        raise _TooDeep(start + 1)
    return False


def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.container import container_plugin
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": False})
    md.enable("table")
    md.use(footnote_plugin, inline=False)
    md.use(container_plugin, name="callout")
    # markdown-it drops everything after content nested as deep as maxNesting, silently; our
    # own check, first in the chain, refuses it one level earlier, with the line.
    md.options["maxNesting"] = MAX_NESTING + 1
    md.block.ruler.before(md.block.ruler.get_all_rules()[0], "smartind_depth", _depth_check)
    # Inline content is parsed by ChapterConverter itself, after cutting out the expressions;
    # footnote_tail would drop the definitions whose references it has not yet seen.
    md.disable(["inline", "footnote_tail"])
    return md


class Anchors:
    """The heading anchors a document has used, shared by all its chapters.

    A repeated heading gets ``-2``, ``-3``, ... after its slug. The last number given for each
    slug is remembered, so thousands of identical headings cost linear time, not quadratic.

    >>> anchors = Anchors()
    >>> [anchors.unique("resultat") for _ in range(3)]
    ['resultat', 'resultat-2', 'resultat-3']
    """

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._last: dict[str, int] = {}

    def used(self) -> frozenset[str]:
        """Every anchor taken so far."""
        return frozenset(self._used)

    def take(self, anchors: Iterable[str]) -> None:
        """Mark ``anchors`` taken, as converting the chapter that holds them would have."""
        self._used.update(anchors)

    def claim(self, anchor: str) -> bool:
        """Take ``anchor`` as it is; false when it is already used."""
        if anchor in self._used:
            return False
        self._used.add(anchor)
        return True

    def unique(self, base: str) -> str:
        """``base``, or the first ``base-N`` not yet used, taken."""
        count = self._last.get(base, 1)
        anchor = base if count == 1 else f"{base}-{count}"
        # Numbers below the remembered one were all taken when it was given, and anchors are
        # never released, so starting there gives the same anchor as counting from 1.
        while anchor in self._used:
            count += 1
            anchor = f"{base}-{count}"
        self._last[base] = count
        self._used.add(anchor)
        return anchor


class ChapterConverter:
    """Converts one chapter file's Markdown to blocks.

    ``anchors`` is shared by every chapter of a document, so heading anchors are unique across
    it. Errors are :class:`~smartind.errors.ChapterError` naming the file and line.
    """

    def __init__(self, name: str, evaluate: Evaluate, place: Place, anchors: Anchors) -> None:
        self.name = name
        self._evaluate = evaluate
        self._place = place
        self._anchors = anchors
        self._md = _markdown()
        self._env: dict[str, Any] = {}
        self._definitions: dict[str, list[Token]] = {}
        self._referenced: set[str] = set()
        self._in_note = False
        # How often each source name has been given in this chapter, so that the same
        # expression or directive used again gets a name of its own (see source_name).
        self._sources: dict[str, int] = {}

    def error(self, line: int | None, message: str) -> ChapterError:
        """An error located in this chapter (``line`` is 1-based)."""
        where = f"{self.name}, line {line}" if line else self.name
        return ChapterError(
            f"{where}: {message}",
            location=ErrorLocation(chapter=self.name, line=line or None, message=message),
        )

    def convert(self, text: str) -> tuple[Block, ...]:
        """The chapter's blocks."""
        if _OPEN in text or _CLOSE in text:
            at = text[: max(text.find(_OPEN), text.find(_CLOSE))].count("\n") + 1
            raise self.error(at, "the characters U+E000 and U+E001 are reserved; remove them")
        try:
            tokens = self._md.parse(text, self._env)
        except _TooDeep as deep:
            raise self.error(
                deep.line,
                f"lists, block quotes and callouts nest more than {MAX_NESTING} levels deep "
                "here (a list level counts two, so lists hold at most 9 levels, as in Word); "
                "flatten the list or split it",
            ) from None
        body = self._split_definitions(tokens)
        blocks = self._blocks(body)
        for label in sorted(set(self._definitions) - self._referenced):
            warnings.warn(
                f"{self.name}, line {_line(self._definitions[label][0])}: footnote [^{label}] "
                f"is defined but never used",
                SmartindWarning,
                stacklevel=2,
            )
        return blocks

    def _split_definitions(self, tokens: list[Token]) -> list[Token]:
        body: list[Token] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "footnote_reference_open":
                end = _closing(tokens, index, "footnote_reference_open", "footnote_reference_close")
                label = str(token.meta["label"])
                self._definitions[label] = [tokens[index], *tokens[index + 1 : end]]
                index = end + 1
            else:
                body.append(token)
                index += 1
        return body

    # ----------------------------------------------------------------------------------------
    # Blocks

    def _blocks(self, tokens: list[Token]) -> tuple[Block, ...]:
        blocks: list[Block] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "paragraph_open":
                inline = tokens[index + 1]
                if inline.content.startswith(":::"):
                    raise self.error(
                        _line(token),
                        f"unknown block {inline.content.splitlines()[0]!r}; the only colon "
                        f"fence is '::: callout TITLE'",
                    )
                blocks.append(Paragraph(self._inlines(inline)))
                index += 3
            elif kind == "heading_open":
                blocks.append(self._heading(token, tokens[index + 1]))
                index += 3
            elif kind in ("bullet_list_open", "ordered_list_open"):
                end = _closing(tokens, index, kind, kind.replace("_open", "_close"))
                blocks.append(self._list(token, tokens[index + 1 : end]))
                index = end + 1
            elif kind == "table_open":
                end = _closing(tokens, index, kind, "table_close")
                blocks.append(self._table(tokens[index + 1 : end]))
                index = end + 1
            elif kind == "container_callout_open":
                end = _closing(tokens, index, kind, "container_callout_close")
                title = token.info.strip().removeprefix("callout").strip()
                blocks.append(
                    Callout(
                        self._inline_source(title, _line(token)),
                        self._blocks(tokens[index + 1 : end]),
                    )
                )
                index = end + 1
            elif kind == "fence" and token.info.strip().startswith(DIRECTIVE_INFO):
                blocks.extend(self._directive(token))
                index += 1
            else:
                raise self.error(_line(token), _unsupported(token))
        return tuple(blocks)

    def _heading(self, token: Token, inline: Token) -> Heading:
        level = int(token.tag[1:])
        line = _line(token)
        if level > 4:
            raise self.error(line, f"heading level {level} is too deep; use # to #### (1 to 4)")
        source = inline.content
        numbered, explicit_id = True, ""
        found = _HEADING_ATTRS.search(source)
        if found is not None:
            source = source[: found.start()].rstrip()
            for item in found[1].split():
                attr = _ATTR.fullmatch(item)
                if attr is None or (attr[2] is not None and attr[2] != "unnumbered"):
                    raise self.error(
                        line,
                        f"unknown heading attribute {item!r}; use {{#id}} and {{.unnumbered}}",
                    )
                if attr[1] is not None:
                    explicit_id = attr[1]
                else:
                    numbered = False
        content = self._inline_source(source, line)
        if explicit_id:
            if not self._anchors.claim(explicit_id):
                raise self.error(line, f"the anchor #{explicit_id} is already used")
            anchor = explicit_id
        else:
            anchor = self._anchors.unique(slug(plain_text(content)))
        return Heading(level, content, numbered=numbered, id=anchor)

    def _list(self, token: Token, inner: list[Token]) -> BulletList | OrderedList:
        items: list[tuple[Block, ...]] = []
        index = 0
        while index < len(inner):
            end = _closing(inner, index, "list_item_open", "list_item_close")
            items.append(self._blocks(inner[index + 1 : end]))
            index = end + 1
        if token.type == "bullet_list_open":
            return BulletList(items)
        start = token.attrs.get("start", 1)
        return OrderedList(items, start=int(start))

    def _table(self, inner: list[Token]) -> Table:
        columns: list[ColumnSpec] = []
        rows: list[Row] = []
        kind = RowKind.HEAD
        cells: list[Cell] = []
        for index, token in enumerate(inner):
            match token.type:
                case "thead_open":
                    kind = RowKind.HEAD
                case "tbody_open":
                    kind = RowKind.BODY
                case "tr_open":
                    cells = []
                case "tr_close":
                    rows.append(Row(cells, kind))
                case "th_open" | "td_open":
                    if kind is RowKind.HEAD:
                        columns.append(ColumnSpec(_align(token)))
                    cells.append(Cell(self._inlines(inner[index + 1])))
                case _:
                    pass
        return Table(columns, rows)

    def _directive(self, token: Token) -> tuple[Block, ...]:
        line = _line(token)
        name = token.info.strip().removeprefix(DIRECTIVE_INFO).strip()
        options: dict[str, str] = {}
        for offset, text in enumerate(token.content.splitlines(), start=1):
            if not text.strip():
                continue
            option = _OPTION.fullmatch(text.strip())
            if option is None:
                raise self.error(
                    (line or 0) + offset,
                    f"directive {name!r}: {text.strip()!r} is not an option; write key: value",
                )
            options[option[1]] = option[2].strip()
        try:
            placed = self._place(name, options)
        except ValueError as err:
            raise self.error(line, f"directive {name!r}: {err}") from None
        written = ", ".join(f"{key}={value}" for key, value in sorted(options.items()))
        return computed_blocks(placed, self._source(f"{name}({written})" if written else name))

    # ----------------------------------------------------------------------------------------
    # Inlines

    def _inlines(self, inline: Token) -> tuple[Inline, ...]:
        return self._inline_source(inline.content, _line(inline))

    def _inline_source(self, source: str, line: int | None) -> tuple[Inline, ...]:
        replaced, values = self._cut_expressions(source, line)
        children: list[Token] = []
        self._md.inline.parse(replaced, self._md, self._env, children)
        inlines = self._convert_inlines(iter(children), None, values, line)
        return merge_text(inlines)

    def _source(self, what: str) -> str:
        """The source of a computed node: the chapter, then what computed it (see source_name)."""
        count = self._sources.get(what, 0) + 1
        self._sources[what] = count
        return source_name(self.name, what, count)

    def _cut_expressions(
        self, source: str, line: int | None
    ) -> tuple[str, list[tuple[str, tuple[Inline, ...]]]]:
        values: list[tuple[str, tuple[Inline, ...]]] = []
        parts: list[str] = []
        for literal, expression, offset in _scan(source):
            parts.append(literal)
            if expression is None:
                continue
            where = (line or 0) + source[:offset].count("\n") if line else None
            if expression.endswith("\x00"):
                raise self.error(where, "'{{' is not closed by '}}'")
            try:
                value = self._evaluate(expression)
                source = self._source(" ".join(expression.split()))
                values.append((expression, (Computed(value, source),)))
            except ValueError as err:
                shown = expression if len(expression) <= 80 else expression[:77] + "..."
                raise self.error(where, f"in {{{{{shown}}}}}: {err}") from None
            parts.append(f"{_OPEN}{len(values) - 1}{_CLOSE}")
        return "".join(parts), values

    def _convert_inlines(
        self,
        children: Iterator[Token],
        closing: str | None,
        values: list[tuple[str, tuple[Inline, ...]]],
        line: int | None,
        depth: int = 0,
    ) -> list[Inline]:
        if depth > MAX_INLINE_NESTING:
            raise self.error(
                line,
                f"emphasis, bold and links nest more than {MAX_INLINE_NESTING} levels deep here; "
                "check for asterisks or brackets that were meant as text (write \\* or \\[)",
            )
        result: list[Inline] = []
        # Consecutive text tokens are gathered first: markdown-it splits text at characters
        # such as '[' and '\\', and a placeholder or an undefined [^note] may span the split.
        shown: list[str] = []
        checked: list[str] = []

        def flush() -> None:
            if shown:
                result.extend(self._text("".join(shown), "".join(checked), values, line))
                shown.clear()
                checked.clear()

        for token in children:
            kind = token.type
            if kind in ("text", "text_special"):
                shown.append(token.content)
                # An escaped character (\\[) must not be read as part of a note reference.
                checked.append(token.content if kind == "text" else "\ue002" * len(token.content))
                continue
            flush()
            if closing is not None and kind == closing:
                return result
            if kind == "softbreak":
                result.append(Text(" "))
            elif kind == "hardbreak":
                result.append(LineBreak())
            elif kind == "code_inline":
                # Only where markdown-it finds a code span the scanner did not: show the source.
                source = _PLACEHOLDER.sub(
                    lambda m: f"{{{{{values[int(m[1])][0]}}}}}", token.content
                )
                result.append(Text(source))
            elif kind == "em_open":
                result.append(
                    Emphasis(self._convert_inlines(children, "em_close", values, line, depth + 1))
                )
            elif kind == "strong_open":
                content = self._convert_inlines(children, "strong_close", values, line, depth + 1)
                result.append(Strong(content))
            elif kind == "link_open":
                target = str(token.attrs.get("href", ""))
                if _PLACEHOLDER.search(target):
                    raise self.error(line, "an expression cannot be a link's target")
                if not target.startswith(_LINK_SCHEMES):
                    raise self.error(
                        line, f"link target {target!r} must start with http://, https:// or mailto:"
                    )
                content = self._convert_inlines(children, "link_close", values, line, depth + 1)
                result.append(Link(content, target))
            elif kind == "footnote_ref":
                result.append(self._note(str(token.meta["label"]), line))
            elif kind == "image":
                raise self.error(line, "images are not supported in chapters")
            else:
                raise self.error(line, f"unsupported inline Markdown ({kind})")
        flush()
        return result

    def _text(
        self,
        text: str,
        checked: str,
        values: list[tuple[str, tuple[Inline, ...]]],
        line: int | None,
    ) -> Iterator[Inline]:
        undefined = _UNDEFINED_NOTE.search(checked)
        if undefined is not None:
            raise self.error(
                line,
                f"footnote [^{undefined[1]}] has no definition; add '[^{undefined[1]}]: text' "
                f"in the same file",
            )
        position = 0
        for found in _PLACEHOLDER.finditer(text):
            if found.start() > position:
                yield Text(text[position : found.start()])
            yield from values[int(found[1])][1]
            position = found.end()
        if position < len(text):
            yield Text(text[position:])

    def _note(self, label: str, line: int | None) -> Note:
        tokens = self._definitions.get(label)
        if tokens is None:
            raise self.error(line, f"footnote [^{label}] has no definition")
        if self._in_note:
            raise self.error(line, f"footnote [^{label}] is referenced inside another footnote")
        self._referenced.add(label)
        self._in_note = True
        try:
            blocks = self._blocks(tokens[1:])
        finally:
            self._in_note = False
        if holds_note(blocks):
            raise self.error(
                _line(tokens[0]), f"footnote [^{label}] holds another footnote (from cite?)"
            )
        return Note(blocks)


# --------------------------------------------------------------------------------------------
# Helpers


def computed_blocks(blocks: tuple[Block, ...], source: str) -> tuple[Block, ...]:
    """``blocks`` in one :class:`ComputedBlock` named ``source``, where they can be.

    Headings, the contents and page breaks shape the outline rather than carry figures, so a
    directive that places them (``contents``, ``pagebreak``) stays unwrapped, as does one that
    places nothing.
    """
    if not blocks or any(
        isinstance(block, Heading | TableOfContents | PageBreak) for block in blocks
    ):
        return blocks
    return (ComputedBlock(blocks, source),)


def _line(token: Token) -> int | None:
    return token.map[0] + 1 if token.map else None


def _closing(tokens: list[Token], start: int, opening: str, closing: str) -> int:
    depth = 0
    for index in range(start, len(tokens)):
        if tokens[index].type == opening:
            depth += 1
        elif tokens[index].type == closing:
            depth -= 1
            if depth == 0:
                return index
    raise AssertionError(f"markdown-it gave {opening} without {closing}")


def _align(token: Token) -> Align:
    style = str(token.attrs.get("style", ""))
    if "right" in style:
        return Align.RIGHT
    if "center" in style:
        return Align.CENTER
    return Align.LEFT


def _unsupported(token: Token) -> str:
    names = {
        "fence": "fenced code blocks are not supported; a directive starts with ```{smartind}",
        "code_block": "indented code blocks are not supported (is the text indented by mistake?)",
        "hr": "a thematic break (---) is not supported; for a new page use ```{smartind} "
        "pagebreak```",
        "blockquote_open": "block quotes are not supported; use '::: callout TITLE'",
        "html_block": "raw HTML is not supported",
    }
    return names.get(token.type, f"unsupported Markdown ({token.type})")


def _scan(source: str) -> Iterator[tuple[str, str | None, int]]:
    """Split ``source`` into (literal, expression, offset) runs, skipping code spans.

    An unclosed ``{{`` yields the rest of the text with a NUL appended as its expression, which
    the caller reports.
    """
    position, literal_start = 0, 0
    length = len(source)
    while True:
        # Jump straight to the next character that matters, rather than stepping through each.
        mark = _SCAN_MARK.search(source, position)
        if mark is None:
            break
        position = mark.start()
        if mark[0] == "\\":
            position += 2
        elif mark[0].startswith("`"):
            run = len(mark[0])
            closing = re.compile(f"(?<!`){'`' * run}(?!`)")
            found = closing.search(source, position + run)
            position = found.end() if found else position + run
        else:
            end = source.find("}}", position + 2)
            literal = source[literal_start:position]
            if end < 0:
                yield literal, source[position + 2 :] + "\x00", position
                return
            expression = source[position + 2 : end]
            yield literal, expression, position
            position = literal_start = end + 2
    yield source[literal_start:], None, length


_SCAN_MARK = re.compile(r"\\|`+|\{\{")
