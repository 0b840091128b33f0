"""Chapter expressions are held to the limits in smartind.limits, and to deterministic output."""

from __future__ import annotations

import attrs
import pytest

from smartind.compose import compose
from smartind.compose._sandbox import MAX_OPERATORS, check_source, check_value
from smartind.document import Paragraph, Text, iter_blocks, iter_inlines
from smartind.errors import ChapterError
from smartind.limits import (
    MAX_EXPRESSION_CHARS,
    MAX_EXPRESSION_NESTING,
    MAX_INTEGER_DIGITS,
    MAX_VALUE_ITEMS,
    MAX_VALUE_LENGTH,
)
from smartind.report import Chapter
from tests.compose.test_compose_fixture import make_report


def _printed(expression: str) -> str:
    chapter = f"# Rubrik\n\nVärde: {{{{ {expression} }}}}\n"
    report = attrs.evolve(make_report(account=None), chapters=(Chapter("99-x.md", chapter),))
    return "".join(
        inline.text
        for block in iter_blocks(compose(report).blocks)
        if isinstance(block, Paragraph)
        for inline in iter_inlines(block.content)
        if isinstance(inline, Text)
    )


def _refused(expression: str) -> str:
    chapter = f"# Rubrik\n\nVärde: {{{{ {expression} }}}}\n"
    report = attrs.evolve(make_report(account=None), chapters=(Chapter("99-x.md", chapter),))
    with pytest.raises(ChapterError) as raised:
        compose(report)
    assert (raised.value.chapter, raised.value.line) == ("99-x.md", 3)
    return str(raised.value)


def test_values_up_to_the_limits_are_built() -> None:
    assert len(_printed(f"'a' * {MAX_VALUE_LENGTH}")) == len("Värde: ") + MAX_VALUE_LENGTH


def test_a_string_one_over_the_limit_is_refused_before_it_is_built() -> None:
    assert "a text of 1 000 001 characters" in _refused(f"'a' * {MAX_VALUE_LENGTH + 1}")


def test_a_list_over_the_limit_is_refused() -> None:
    assert f"a list of {MAX_VALUE_ITEMS + 1:,}".replace(",", " ") in _refused(
        f"([1] * {MAX_VALUE_ITEMS + 1}) | length"
    )


def test_an_integer_over_the_limit_is_refused() -> None:
    assert "digits; the most is 100" in _refused(f"10 ** {MAX_INTEGER_DIGITS + 5}")


def test_a_join_is_refused_from_its_size_before_it_is_built() -> None:
    assert "the most is 1 000 000" in _refused("range(99999) | join('-' * 20)")


def test_random_text_and_choices_are_not_offered() -> None:
    assert "'lipsum' is undefined" in _refused("lipsum()")
    assert "No filter named 'random'" in _refused("[1, 2] | random")


def test_a_date_cannot_read_the_clock() -> None:
    assert "attribute 'today'" in _refused("report.metadata.date.today()")


def test_the_limits_on_source_text_hold_exactly() -> None:
    check_source("(" * MAX_EXPRESSION_NESTING + "1" + ")" * MAX_EXPRESSION_NESTING)
    with pytest.raises(ValueError, match="nest 21 levels deep"):
        check_source("(" * 21 + "1" + ")" * 21)
    check_source("x" * MAX_EXPRESSION_CHARS)
    with pytest.raises(ValueError, match="1001 characters long"):
        check_source("x" * (MAX_EXPRESSION_CHARS + 1))
    check_source("+".join(["1"] * (MAX_OPERATORS + 1)))
    with pytest.raises(ValueError, match="chains 101 operators"):
        check_source("+".join(["1"] * (MAX_OPERATORS + 2)))


def test_brackets_and_bars_inside_strings_are_text() -> None:
    check_source("'" + "(" * 50 + "|" * 200 + "' | length")


def test_check_value_passes_what_is_within_the_limits() -> None:
    assert check_value(10**MAX_INTEGER_DIGITS - 1) == 10**MAX_INTEGER_DIGITS - 1


def test_check_value_refuses_one_digit_more() -> None:
    with pytest.raises(ValueError, match="about 101 digits"):
        check_value(10**MAX_INTEGER_DIGITS)


def test_an_unknown_name_is_named() -> None:
    assert "'projekten' is undefined; check the spelling" in _refused("projekten")
