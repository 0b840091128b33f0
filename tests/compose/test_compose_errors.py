"""A chapter that cannot be composed gives a ChapterError naming its file and line."""

from __future__ import annotations

import re

import pytest

from smartind.compose import compose
from smartind.errors import ChapterError
from smartind.report import Chapter
from tests.compose.test_compose_fixture import compose_text, make_report


def error_of(text: str, name: str = "02-kapitel.md") -> str:
    with pytest.raises(ChapterError) as caught:
        compose_text(text, name=name)
    return str(caught.value)


def test_a_syntax_error_names_file_line_expression_and_jinja_message() -> None:
    message = error_of("# Rubrik\n\nFörsta raden\nandra {{ projects | }} raden.\n")
    assert message.startswith("02-kapitel.md, line 4: in {{ projects | }}: TemplateSyntaxError")


def test_an_unknown_name_is_an_error_naming_it() -> None:
    message = error_of("Text.\n\n{{ projekt.name }}\n")
    assert message.startswith("02-kapitel.md, line 3:")
    assert "'projekt' is undefined" in message


def test_an_unknown_filter_is_an_error_naming_it() -> None:
    message = error_of("{{ assignment.budget | mkrr }}\n")
    assert message.startswith("02-kapitel.md, line 1:")
    assert "mkrr" in message


def test_an_error_in_a_table_cell_names_the_cells_line() -> None:
    message = error_of("| A |\n|---|\n| x |\n| {{ nix }} |\n")
    assert message.startswith("02-kapitel.md, line 4:")


def test_an_error_in_a_list_item_names_its_line() -> None:
    message = error_of("- ett\n- två\n- {{ nix }}\n")
    assert message.startswith("02-kapitel.md, line 3:")


def test_an_error_in_a_footnote_names_the_footnotes_line() -> None:
    message = error_of("Text[^k].\n\n[^k]: Källa {{ nix }}.\n")
    assert message.startswith("02-kapitel.md, line 3:")


def test_an_unclosed_expression_is_an_error() -> None:
    assert error_of("Text {{ assignment.name\n").startswith("02-kapitel.md, line 1: '{{' is not")


def test_an_empty_expression_is_an_error() -> None:
    assert "empty" in error_of("Text {{ }}.\n")


def test_an_unknown_directive_lists_the_known_ones() -> None:
    message = error_of("Text.\n\n```{smartind} tabell\n```\n")
    assert message.startswith("02-kapitel.md, line 3: directive 'tabell': unknown directive")
    assert "income-statement" in message and "project-results" in message


def test_an_unknown_option_lists_the_accepted_ones() -> None:
    message = error_of("```{smartind} contents\nniva: 2\n```\n")
    assert message == (
        "02-kapitel.md, line 1: directive 'contents': unknown option 'niva'; "
        "it accepts: title, depth"
    )


def test_a_required_option_must_be_given() -> None:
    assert "'project' is required" in error_of("```{smartind} project-results\n```\n")


def test_an_option_line_that_is_not_key_value_names_its_line() -> None:
    message = error_of("Text.\n\n```{smartind} project-results\nproject nord\n```\n")
    assert message.startswith("02-kapitel.md, line 4: directive 'project-results'")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("##### Fem\n", "heading level 5"),
        ("> citat\n", "block quotes are not supported"),
        ("```python\nx = 1\n```\n", "fenced code blocks are not supported"),
        ("Text\n\n    indraget\n", "indented code blocks"),
        ("Text\n\n***\n", "thematic break"),
        ("![bild](https://example.org/a.png)\n", "images are not supported"),
        ("[länk](fil.md)\n", "must start with http"),
        ("Text[^saknas] här.\n", r"footnote \[\^saknas\] has no definition"),
        ("# Rubrik {.klass}\n", "unknown heading attribute '.klass'"),
        ("::: ruta Titel\ntext\n:::\n", "unknown block"),
    ],
)
def test_unsupported_markdown_is_an_error_saying_what_to_do(text: str, reason: str) -> None:
    message = error_of(text)
    assert message.startswith("02-kapitel.md, line ")
    assert re.search(reason, message), message


def test_a_duplicate_explicit_anchor_is_an_error() -> None:
    report = make_report(
        chapters=[Chapter("01.md", "# A {#a}\n"), Chapter("02.md", "# B\n\n# C {#a}\n")],
        account=None,
    )
    with pytest.raises(ChapterError, match=r"^02\.md, line 3: the anchor #a is already used"):
        compose(report)


def test_a_footnote_holding_a_cite_is_an_error() -> None:
    message = error_of('Text[^k].\n\n[^k]: Se {{ publication("policy") | cite }}.\n')
    assert "holds another footnote" in message


def test_reserved_characters_are_refused() -> None:
    assert "U+E000" in error_of("Text \ue000 här.\n")
