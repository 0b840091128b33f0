"""Deeply nested Markdown is composed in full or refused with its line: never cut short silently."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartind.compose import compose
from smartind.document import Block, Paragraph, Text, iter_blocks, iter_inlines
from smartind.errors import ChapterError
from smartind.report import Chapter
from tests.compose.test_compose_fixture import make_report


def _nested_list(depth: int) -> str:
    return "".join("  " * level + f"- punkt{level}\n" for level in range(depth))


def _compose(chapter: str) -> tuple[Block, ...]:
    report = attrs.evolve(make_report(account=None), chapters=(Chapter("99-x.md", chapter),))
    return compose(report).blocks


def _words(blocks: tuple[Block, ...]) -> str:
    return " ".join(
        inline.text
        for block in iter_blocks(blocks)
        if isinstance(block, Paragraph)
        for inline in iter_inlines(block.content)
        if isinstance(inline, Text)
    )


def test_a_list_nested_nine_deep_keeps_every_item_and_what_follows() -> None:
    words = _words(_compose("# A\n\n" + _nested_list(9) + "\nVIKTIG TEXT\n"))
    assert all(f"punkt{level}" in words for level in range(9))
    assert "VIKTIG TEXT" in words


def test_a_list_nested_ten_deep_is_refused_at_the_line_that_goes_too_deep() -> None:
    with pytest.raises(ChapterError, match="nest more than 20 levels deep") as caught:
        _compose("# A\n\n" + _nested_list(10) + "\nVIKTIG TEXT\n")
    assert (caught.value.chapter, caught.value.line) == ("99-x.md", 12)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["- ", "* ", "1. "]), min_size=1, max_size=30))
def test_nested_text_is_kept_or_the_chapter_refused(markers: list[str]) -> None:
    chapter = "".join(
        "   " * depth + marker + f"nivå{depth}\n" for depth, marker in enumerate(markers)
    )
    try:
        words = _words(_compose(chapter + "\nSISTA ORDET\n"))
    except ChapterError as error:
        assert error.line is not None
        return
    assert "SISTA ORDET" in words
