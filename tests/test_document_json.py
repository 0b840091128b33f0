"""The document's JSON form: it round-trips, is plain JSON, and refuses what it cannot read."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartind.document import (
    DOCUMENT_VERSION,
    Align,
    Block,
    BulletList,
    Callout,
    Cell,
    ColumnSpec,
    Document,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    Metadata,
    Note,
    Number,
    NumberKind,
    OrderedList,
    PageBreak,
    Paragraph,
    Person,
    Row,
    RowKind,
    Strong,
    Table,
    TableOfContents,
    Text,
)
from smartind.document_json import DocumentJSONError, document_from_json, document_to_json

# ---------------------------------------------------------------------------------------------
# Strategies for document trees

texts = st.text(max_size=20)
decimals = st.decimals(allow_nan=False, allow_infinity=False, places=3, max_value=10**12)
numbers = st.builds(
    Number,
    decimals,
    st.sampled_from(NumberKind),
    st.none() | st.sampled_from(["tkr", "mkr", "företag"]),
    st.none() | st.sampled_from(["cirka", "över"]),
    st.integers(0, 3),
    st.booleans(),
)


def inlines(depth: int) -> st.SearchStrategy[Inline]:
    leaves: st.SearchStrategy[Inline] = st.one_of(
        st.builds(Text, texts), numbers, st.just(LineBreak())
    )
    if depth == 0:
        return leaves
    inner = st.lists(inlines(depth - 1), max_size=3)
    return st.one_of(
        leaves,
        st.builds(Emphasis, inner),
        st.builds(Strong, inner),
        st.builds(Link, inner, st.just("https://example.org/a?b=c")),
        st.builds(Note, st.lists(blocks(depth - 1), max_size=2)),
    )


def tables(depth: int) -> st.SearchStrategy[Table]:
    cells = st.builds(Cell, st.lists(inlines(depth), max_size=2))

    @st.composite
    def table(draw: st.DrawFn) -> Table:
        width = draw(st.integers(1, 3))
        columns = draw(
            st.lists(
                st.builds(ColumnSpec, st.sampled_from(Align), st.none() | st.just(Decimal("1.5"))),
                min_size=width,
                max_size=width,
            )
        )
        rows = []
        for _ in range(draw(st.integers(0, 3))):
            if width > 1 and draw(st.booleans()):
                row_cells = [Cell(draw(cells).content, colspan=width)]
            else:
                row_cells = draw(st.lists(cells, min_size=width, max_size=width))
            rows.append(Row(row_cells, draw(st.sampled_from(RowKind))))
        caption = draw(st.lists(inlines(depth), max_size=2))
        return Table(columns, rows, caption, id=draw(st.sampled_from(["", "t1"])))

    return table()


def blocks(depth: int) -> st.SearchStrategy[Block]:
    content = st.lists(inlines(depth), max_size=3)
    leaves: st.SearchStrategy[Block] = st.one_of(
        st.builds(Paragraph, content),
        st.builds(Heading, st.integers(1, 4), content, st.booleans(), st.sampled_from(["", "a"])),
        st.builds(TableOfContents, texts, st.integers(1, 4)),
        st.just(PageBreak()),
        tables(depth),
    )
    if depth == 0:
        return leaves
    items = st.lists(st.lists(blocks(depth - 1), max_size=2), max_size=3)
    return st.one_of(
        leaves,
        st.builds(BulletList, items),
        st.builds(OrderedList, items, st.integers(1, 9)),
        st.builds(Callout, content, st.lists(blocks(depth - 1), max_size=2)),
    )


people = st.builds(Person, texts, texts)
documents = st.builds(
    Document,
    st.builds(
        Metadata,
        texts,
        texts,
        texts,
        st.lists(texts, max_size=2),
        texts,
        texts,
        st.none() | people,
        st.lists(people, max_size=2),
        st.none() | people,
        st.just("sv-SE"),
        st.lists(texts, max_size=2),
    ),
    st.lists(blocks(2), max_size=4),
    st.sampled_from(["tillvaxtverket", "sprakradet"]),
)


@settings(max_examples=150, deadline=None)
@given(documents)
def test_json_round_trips(document: Document) -> None:
    assert document_from_json(document_to_json(document)) == document


@settings(max_examples=50, deadline=None)
@given(documents)
def test_json_holds_no_json_numbers_for_decimals(document: Document) -> None:
    def walk(value: object) -> None:
        if isinstance(value, dict):
            if value.get("type") == "number":
                assert isinstance(value["value"], str)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        else:
            assert not isinstance(value, float)

    walk(json.loads(document_to_json(document)))


# ---------------------------------------------------------------------------------------------
# The form itself

SAMPLE = Document(
    Metadata("Slutrapport", decided_by=Person("Ada", "generaldirektör")),
    [
        Heading(2, [Text("Resultat")], numbered=False, id="resultat"),
        Paragraph(
            [
                Number(Decimal("2.5"), NumberKind.AMOUNT, "mkr", "cirka", 1),
                Note([Paragraph([Text("Källa")])]),
            ]
        ),
        PageBreak(),
    ],
)


def test_nodes_are_tagged_with_their_snake_case_type() -> None:
    data = json.loads(document_to_json(SAMPLE))
    assert [b["type"] for b in data["blocks"]] == ["heading", "paragraph", "page_break"]
    assert [i["type"] for i in data["blocks"][1]["content"]] == ["number", "note"]


def test_decimals_are_strings_and_enums_are_values() -> None:
    number = json.loads(document_to_json(SAMPLE))["blocks"][1]["content"][0]
    assert number == {
        "type": "number",
        "value": "2.5",
        "kind": "amount",
        "unit": "mkr",
        "qualifier": "cirka",
        "decimals": 1,
        "show_unit": True,
    }


def test_the_version_is_written() -> None:
    assert json.loads(document_to_json(SAMPLE))["version"] == DOCUMENT_VERSION


def test_non_ascii_text_is_written_as_is() -> None:
    assert "generaldirektör" in document_to_json(SAMPLE)


def edited(change: object) -> str:
    data = json.loads(document_to_json(SAMPLE))
    assert callable(change)
    change(data)
    return json.dumps(data)


def test_an_unknown_version_is_refused_with_both_versions_named() -> None:
    text = edited(lambda d: d.update(version=DOCUMENT_VERSION + 1))
    with pytest.raises(DocumentJSONError, match=rf"version {DOCUMENT_VERSION + 1}.*reads version"):
        document_from_json(text)


def test_a_missing_version_is_refused() -> None:
    with pytest.raises(DocumentJSONError, match="version None is not supported"):
        document_from_json(edited(lambda d: d.pop("version")))


def test_an_unknown_key_is_refused_with_its_path() -> None:
    text = edited(lambda d: d["blocks"][0].update(colour="red"))
    with pytest.raises(DocumentJSONError, match=r"colour.*\$\.blocks\[0\]"):
        document_from_json(text)


def test_an_unknown_node_type_is_refused_naming_the_known_ones() -> None:
    text = edited(lambda d: d["blocks"][2].update(type="figure"))
    with pytest.raises(DocumentJSONError, match=r"'figure'.*page_break"):
        document_from_json(text)


def test_a_float_decimal_is_refused() -> None:
    text = edited(lambda d: d["blocks"][1]["content"][0].update(value=2.5))
    with pytest.raises(DocumentJSONError, match=r"string.*content\[0\]\.value"):
        document_from_json(text)


def test_an_invalid_node_is_refused() -> None:
    text = edited(lambda d: d["blocks"][0].update(level=7))
    with pytest.raises(DocumentJSONError, match=r"level.*\$\.blocks\[0\]"):
        document_from_json(text)


@pytest.mark.parametrize("text", ["", "[1, 2]", "{not json"])
def test_text_that_is_not_a_json_object_is_refused(text: str) -> None:
    with pytest.raises(DocumentJSONError):
        document_from_json(text)
