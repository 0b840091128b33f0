"""Computed figures carry their source: each expression and directive is named stably."""

from __future__ import annotations

import pytest

from smartind.compose import compose, default_body
from smartind.document import (
    Computed,
    ComputedBlock,
    Heading,
    Note,
    PageBreak,
    Paragraph,
    Table,
    TableOfContents,
    Text,
    iter_blocks,
    iter_inlines,
    unwrap_computed,
)
from tests.compose.test_compose_fixture import make_report, sourced_blocks_of

FENCE = "```"


def computed(text: str) -> list[Computed]:
    blocks = sourced_blocks_of(text)
    found: list[Computed] = []
    for block in iter_blocks(blocks):
        content = block.content if isinstance(block, Paragraph | Heading) else ()
        found.extend(i for i in iter_inlines(content) if isinstance(i, Computed))
    return found


def test_an_expression_is_wrapped_with_its_chapter_and_text() -> None:
    (paragraph,) = sourced_blocks_of("Det blev {{ 12 }} projekt.\n")
    assert isinstance(paragraph, Paragraph)
    before, value, after = paragraph.content
    assert before == Text("Det blev ") and after == Text(" projekt.")
    assert isinstance(value, Computed)
    assert value.source == "01-test.md#12"


def test_the_same_expression_again_is_numbered_from_its_second_use() -> None:
    found = computed("# {{ 1 }} rubrik\n\nEtt {{ 2 }} och {{1}}.\n\n- punkt {{   1 }}\n")
    assert [c.source for c in found] == [
        "01-test.md#1",
        "01-test.md#2",
        "01-test.md#1@2",
        "01-test.md#1@3",
    ]


def test_a_figure_keeps_its_name_when_another_is_added_before_it() -> None:
    before = computed("Summa {{ implementation | length }}.\n")
    after = computed("Först {{ 7 }}.\n\nSumma {{ implementation | length }}.\n")
    assert before[0].source == after[1].source == "01-test.md#implementation | length"


def test_a_long_expression_is_named_by_its_start_and_a_digest() -> None:
    expression = " ~ ".join(f"'{n}'" for n in range(30))
    (found,) = computed(f"{{{{ {expression} }}}}\n")
    assert len(found.source) <= len("01-test.md#") + 60
    assert found.source.startswith("01-test.md#'0' ~ '1'")


def test_an_expression_in_a_footnote_is_wrapped_inside_the_note() -> None:
    (paragraph,) = sourced_blocks_of("Text.[^a]\n\n[^a]: Summa {{ 5 }}.\n")
    assert isinstance(paragraph, Paragraph)
    (note,) = [i for i in paragraph.content if isinstance(i, Note)]
    (inner,) = note.blocks
    assert isinstance(inner, Paragraph)
    assert [i.source for i in inner.content if isinstance(i, Computed)] == ["01-test.md#5"]


def test_a_directive_is_one_computed_block_named_by_name_and_options() -> None:
    text = (
        f"{FENCE}{{smartind}} appendices\n{FENCE}\n\n{FENCE}{{smartind}} appendices\n{FENCE}\n"
        f"\n{FENCE}{{smartind}} recommendations\naudience: government\n{FENCE}\n"
    )
    blocks = sourced_blocks_of(text)
    assert [b.source for b in blocks if isinstance(b, ComputedBlock)] == [
        "01-test.md#appendices",
        "01-test.md#appendices@2",
        "01-test.md#recommendations(audience=government)",
    ]


@pytest.mark.parametrize("name", ["contents", "pagebreak"])
def test_directives_that_shape_the_outline_stay_unwrapped(name: str) -> None:
    blocks = sourced_blocks_of(f"{FENCE}{{smartind}} {name}\n{FENCE}\n")
    assert blocks and not any(isinstance(b, ComputedBlock) for b in blocks)


def test_sources_are_the_same_on_every_composition() -> None:
    report = make_report(account=None)
    first = compose(report)
    assert compose(report) == first


def test_the_default_body_names_its_blocks_after_the_directives() -> None:
    report = make_report()
    blocks = default_body(report)
    assert all(
        b.source.startswith("standardinnehåll#") for b in blocks if isinstance(b, ComputedBlock)
    )
    assert any(isinstance(b, Table) for b in iter_blocks(blocks))


@pytest.mark.parametrize("inner", [Heading(1, [Text("R")]), TableOfContents(), PageBreak()])
def test_a_computed_block_refuses_what_shapes_the_outline(inner: object) -> None:
    with pytest.raises(ValueError, match="ComputedBlock holds"):
        ComputedBlock([inner], "x.md#1:y")  # type: ignore[list-item]


@pytest.mark.parametrize("source", ["", " x.md#1", "x.md#1\n", "a\tb"])
def test_a_source_is_printable_text_without_surrounding_space(source: str) -> None:
    with pytest.raises(ValueError, match="source"):
        Computed([Text("1")], source)


def test_unwrapping_joins_the_text_around_a_figure() -> None:
    paragraph = Paragraph([Text("Det blev "), Computed([Text("tolv")], "a.md#1"), Text(" st.")])
    assert unwrap_computed([paragraph]) == (Paragraph([Text("Det blev tolv st.")]),)


def test_unwrapping_removes_computed_blocks_at_any_depth() -> None:
    table = Table([], [])
    wrapped = ComputedBlock([Paragraph([Computed([Text("x")], "a.md#2")]), table], "a.md#1:t")
    assert unwrap_computed([wrapped]) == (Paragraph([Text("x")]), table)
