"""The line locator finds key paths in TOML text, for error messages."""

from __future__ import annotations

from smartind.load._toml_lines import LineIndex, format_path

TEXT = """\
title = "x"

[metadata]
date = 2019-02-27
"quoted key" = 1

[[projects]]
id = "a"
description = \"\"\"
id = "not a key"
\"\"\"

[[projects]]
id = "b"
regions = ["Skåne", "Halland"]

[projects.extra]
note = "n"

[[projects.results]]
text = "r0"

[[projects.results]]
text = "r1"

[account]
sources.first = 1
rows = [
    ["a]", "b"],
    { x = 1 },
]
after = "x # ]"
"""

INDEX = LineIndex(TEXT)


def test_top_level_key() -> None:
    assert INDEX.line(("title",)) == 1


def test_key_in_a_table() -> None:
    assert INDEX.line(("metadata", "date")) == 4
    assert INDEX.line(("metadata", "quoted key")) == 5


def test_array_of_tables_counts_from_zero() -> None:
    assert INDEX.line(("projects", 0, "id")) == 8
    assert INDEX.line(("projects", 1, "id")) == 14


def test_multiline_strings_are_skipped() -> None:
    assert INDEX.line(("projects", 0, "description")) == 9


def test_element_of_an_inline_array_falls_back_to_its_key() -> None:
    assert INDEX.line(("projects", 1, "regions", 1)) == 15


def test_sub_table_of_the_last_array_element() -> None:
    assert INDEX.line(("projects", 1, "extra", "note")) == 18


def test_nested_array_of_tables() -> None:
    assert INDEX.line(("projects", 1, "results", 1, "text")) == 24


def test_dotted_keys() -> None:
    assert INDEX.line(("account", "sources", "first")) == 27


def test_missing_key_falls_back_to_its_table_header() -> None:
    assert INDEX.line(("metadata", "place")) == 3
    assert INDEX.line(("nowhere",)) is None


def test_format_path() -> None:
    assert format_path(("projects", 3, "granted")) == "projects[3].granted"
    assert format_path(()) == ""


def test_lines_inside_a_multiline_array_are_not_headers() -> None:
    assert INDEX.line(("account", "rows", 0)) == 28
    assert INDEX.line(("account", "after")) == 32


def test_a_quoted_key_holding_a_unicode_line_break_stays_on_its_line() -> None:
    # U+0085 ends a line for str.splitlines() but not for TOML.
    text = 'title = "a"\n["]\x85"]\nx = 1\n'
    index = LineIndex(text)
    assert index.line(("]\x85", "x")) == 3
