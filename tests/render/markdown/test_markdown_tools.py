"""The Markdown output as outside tools read it: pandoc's gfm reader and markdownlint-cli2."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from smartind.document import (
    Callout,
    Document,
    Heading,
    Inline,
    Note,
    Paragraph,
    Table,
    TableOfContents,
    iter_blocks,
    iter_inlines,
)
from smartind_render.markdown import render_text
from smartind_render.protocol import RenderOptions
from tests.conftest import ROOT, require_tool
from tests.documents import HOSTILE, SAMPLE

pytestmark = pytest.mark.tools

SAMPLE_TEXT = render_text(SAMPLE, RenderOptions())


def _bundled() -> Document:
    from smartind.compose import compose
    from smartind.load import load_report, resolve_report

    return compose(load_report(resolve_report(None)))


def _direct_inlines(block: object) -> list[Inline]:
    match block:
        case Paragraph(content=content) | Heading(content=content):
            return list(content)
        case Table(caption=caption, rows=rows):
            return [*caption, *(i for row in rows for cell in row.cells for i in cell.content)]
        case Callout(title=title):
            return list(title)
    return []


def _expected_counts(document: Document) -> dict[str, int]:
    blocks = list(iter_blocks(document.blocks))
    notes = sum(
        isinstance(inline, Note)
        for block in blocks
        for inline in iter_inlines(_direct_inlines(block))
    )
    # The title and each table of contents are headings of their own in Markdown.
    extra = 1 + sum(isinstance(block, TableOfContents) for block in document.blocks)
    return {
        "Header": sum(isinstance(block, Heading) for block in blocks) + extra,
        "Table": sum(isinstance(block, Table) for block in blocks),
        "Note": notes,
    }


def _pandoc(text: str) -> dict[str, Any]:
    # pandoc 2.17's gfm reader has footnotes, pipe tables and GitHub's heading identifiers on.
    result = subprocess.run(
        [require_tool("pandoc"), "-f", "gfm", "-t", "json"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _nodes(value: Any, kind: str) -> Iterator[Any]:
    if isinstance(value, dict):
        if value.get("t") == kind:
            yield value
        for child in value.values():
            yield from _nodes(child, kind)
    elif isinstance(value, list):
        for child in value:
            yield from _nodes(child, kind)


def _stringify(inlines: list[Any]) -> str:
    parts: list[str] = []
    for inline in inlines:
        match inline["t"]:
            case "Str":
                parts.append(inline["c"])
            case "Space" | "SoftBreak":
                parts.append(" ")
            case "LineBreak":
                parts.append("\n")
            case "Emph" | "Strong" | "Strikeout":
                parts.append(_stringify(inline["c"]))
            case "Link":
                parts.append(_stringify(inline["c"][1]))
            case "Note":
                pass
            case other:
                parts.append(f"⟨{other}⟩")
    return "".join(parts)


@pytest.mark.parametrize("which", ["sample", "bundled"])
def test_pandoc_reads_the_same_headings_tables_and_notes(which: str) -> None:
    document = SAMPLE if which == "sample" else _bundled()
    ast = _pandoc(render_text(document, RenderOptions()))
    found = {kind: len(list(_nodes(ast["blocks"], kind))) for kind in ("Header", "Table", "Note")}
    assert found == _expected_counts(document)


def test_the_sample_counts_are_what_the_sample_holds() -> None:
    assert _expected_counts(SAMPLE) == {"Header": 12, "Table": 2, "Note": 4}


def test_pandoc_heading_identifiers_are_the_contents_link_targets() -> None:
    ast = _pandoc(SAMPLE_TEXT)
    identifiers = {header["c"][1][0] for header in _nodes(ast["blocks"], "Header")}
    targets = set(re.findall(r"\]\(#([^)]*)\)", SAMPLE_TEXT))
    assert targets
    assert targets <= identifiers


def test_pandoc_sees_hostile_strings_as_plain_text() -> None:
    ast = _pandoc(SAMPLE_TEXT)
    paragraphs = [_stringify(para["c"]) for para in _nodes(ast["blocks"], "Para")]
    assert HOSTILE in paragraphs
    headers = [_stringify(header["c"][2]) for header in _nodes(ast["blocks"], "Header")]
    assert f"2.1.2 {HOSTILE}" in headers
    assert not list(_nodes(ast["blocks"], "RawInline"))


def test_pandoc_turns_no_bare_address_in_data_into_a_link() -> None:
    ast = _pandoc(SAMPLE_TEXT)
    targets = sorted({link["c"][2][0] for link in _nodes(ast["blocks"], "Link")})
    assert [t for t in targets if not t.startswith("#")] == [
        "https://tillvaxtverket.se/",
        "mailto:registrator@example.se",
    ]


@pytest.mark.parametrize("which", ["sample", "bundled"])
def test_markdownlint_reports_nothing_with_the_committed_config(which: str, tmp_path: Path) -> None:
    document = SAMPLE if which == "sample" else _bundled()
    tool = ROOT / ".ci" / "node_modules" / ".bin" / "markdownlint-cli2"
    if not tool.exists():
        tool = Path(require_tool("markdownlint-cli2"))  # skips, or fails in CI
    shutil.copy(ROOT / ".markdownlint-cli2.jsonc", tmp_path)
    (tmp_path / "slutrapport.md").write_text(render_text(document, RenderOptions()), "utf-8")
    result = subprocess.run(
        [str(tool), "slutrapport.md"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # "Summary: 0 error(s)" in markdownlint-cli2 0.22 (the last for Node 20), "0 issues" later.
    assert re.search(r"Summary: 0 (?:error|issue)", result.stdout + result.stderr)
