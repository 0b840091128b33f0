"""The bounded sandbox chapter expressions run in.

Jinja2's sandbox already keeps an expression from reaching Python's internals. It does not keep
one from building a value of a billion characters (``'a' * 10**9``), an integer of a million
digits (``10**(10**6)``), or from nesting so deep that the parser runs out of stack. This module
adds those bounds, from :mod:`smartind.limits`, and takes out what would make a report differ
from one render to the next (``lipsum``, ``random``, ``date.today()``).

A value is checked before it is built wherever its size can be known in advance (``*``, ``**``,
``+``, ``join``, widths given to string methods), and every value an operator, call or filter
returns is checked after. A value over a limit raises :class:`ExpressionLimitError`.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sized
from functools import wraps
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment

from smartind.limits import (
    MAX_EXPRESSION_CHARS,
    MAX_EXPRESSION_NESTING,
    MAX_INTEGER_DIGITS,
    MAX_VALUE_ITEMS,
    MAX_VALUE_LENGTH,
)

__all__ = ["MAX_OPERATORS", "BoundedSandbox", "ExpressionLimitError", "check_source"]

MAX_OPERATORS = 100
"""The most operators, filters and calls one expression may chain (``a | f | g`` has two)."""


class ExpressionLimitError(ValueError):
    """An expression goes over one of the limits in :mod:`smartind.limits`."""


# Strings are cut out before brackets and operators are counted: a '(' or '|' in a string is text.
_STRINGS = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'""")
_OPERATORS = re.compile(r"\*\*|//|[-+*/%~|(]|\b(?:and|or|not|in|is|if)\b")
# A width in a %-format or format spec: '%0999999999d', '{:>999999999}'.
_WIDE = re.compile(r"\d{7,}")
_LOG2_10 = math.log2(10)
_TOO_MANY_DIGITS = 10**MAX_INTEGER_DIGITS


def check_source(text: str) -> None:
    """Refuse an expression too long, too deeply nested or too long a chain to evaluate safely.

    The parser and the code it generates recurse once per nesting level and per chained
    operator, so these are checked on the text, before Jinja sees it.
    """
    if len(text) > MAX_EXPRESSION_CHARS:
        raise ExpressionLimitError(
            f"the expression is {len(text)} characters long; the most is {MAX_EXPRESSION_CHARS}: "
            "put the computation in the data (report.toml) and print the value here"
        )
    bare = _STRINGS.sub('""', text)
    depth = deepest = 0
    for char in bare:
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth -= 1
    if deepest > MAX_EXPRESSION_NESTING:
        raise ExpressionLimitError(
            f"brackets nest {deepest} levels deep in the expression; the most is "
            f"{MAX_EXPRESSION_NESTING}: remove the brackets that are not needed"
        )
    operators = len(_OPERATORS.findall(bare))
    if operators > MAX_OPERATORS:
        raise ExpressionLimitError(
            f"the expression chains {operators} operators, filters and calls; the most is "
            f"{MAX_OPERATORS}: split it, or compute the value in the data"
        )


def check_value(value: object) -> object:
    """``value`` itself, when it is within the limits on strings, collections and integers."""
    if isinstance(value, str):
        _length(len(value))
    elif isinstance(value, bool):
        pass
    elif isinstance(value, int) and abs(value) >= _TOO_MANY_DIGITS:
        _too_many_digits(value.bit_length())
    elif isinstance(value, list | tuple | dict | set | frozenset):
        _items(len(value))
    return value


def _length(length: int) -> None:
    if length > MAX_VALUE_LENGTH:
        raise ExpressionLimitError(
            f"the expression would build a text of {length:,} characters; the most is "
            f"{MAX_VALUE_LENGTH:,}".replace(",", " ")
        )


def _items(count: int) -> None:
    if count > MAX_VALUE_ITEMS:
        raise ExpressionLimitError(
            f"the expression would build a list of {count:,} items; the most is "
            f"{MAX_VALUE_ITEMS:,}".replace(",", " ")
        )


def _digits(bits: float) -> None:
    # ``bits`` is at most the value's bit length; 2 ** (bits - 1) >= 10 ** limit means too many.
    if bits - 1 >= MAX_INTEGER_DIGITS * _LOG2_10:
        _too_many_digits(bits)


def _too_many_digits(bits: float) -> None:
    digits = max(int(bits / _LOG2_10), MAX_INTEGER_DIGITS + 1)
    raise ExpressionLimitError(
        f"the expression would build a number of about {digits:,} digits; "
        f"the most is {MAX_INTEGER_DIGITS}".replace(",", " ")
    )


def _size(value: object) -> int | None:
    if isinstance(value, str | list | tuple):
        return len(value)
    return None


def _check_product(left: object, right: object) -> None:
    for sequence, times in ((left, right), (right, left)):
        size = _size(sequence)
        if size is not None and isinstance(times, int) and not isinstance(times, bool):
            total = size * max(times, 0)
            (_length if isinstance(sequence, str) else _items)(total)
    if _is_int(left) and _is_int(right):
        # The product has at least this many bits, one fewer than the sum of the operands'.
        _digits(abs(left).bit_length() + abs(right).bit_length() - 1)  # type: ignore[arg-type]


def _check_power(base: object, exponent: object) -> None:
    if _is_int(base) and _is_int(exponent) and exponent > 0 and abs(base) > 1:  # type: ignore[operator, arg-type]
        _digits(exponent * math.log2(abs(base)))  # type: ignore[operator, arg-type]


def _check_sum(left: object, right: object) -> None:
    sizes = (_size(left), _size(right))
    if sizes[0] is not None and sizes[1] is not None:
        (_length if isinstance(left, str) else _items)(sizes[0] + sizes[1])


def _check_format(left: object, _right: object) -> None:
    if isinstance(left, str) and _WIDE.search(left):
        raise ExpressionLimitError(
            "the format asks for a field millions of characters wide; give a width below "
            f"{MAX_VALUE_LENGTH:,}".replace(",", " ")
        )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_BEFORE: dict[str, Callable[[object, object], None]] = {
    "*": _check_product,
    "**": _check_power,
    "+": _check_sum,
    "%": _check_format,
}

# Attributes of dates that read the clock or build a date from elsewhere: a report printed from
# the same data must read the same on every day it is rendered.
_CLOCK = frozenset(
    {
        "today",
        "now",
        "utcnow",
        "fromtimestamp",
        "utcfromtimestamp",
        "fromordinal",
        "fromisoformat",
        "fromisocalendar",
        "strptime",
        "combine",
        "astimezone",
        "timestamp",
    }
)


def _joined_length(items: Iterable[Any], separator: object) -> int:
    strings = [str(item) for item in items]
    _items(len(strings))
    return sum(map(len, strings)) + len(str(separator)) * max(len(strings) - 1, 0)


def _guard_join(join: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(join)
    def bounded(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> Any:
        if attribute is None and isinstance(value, Sized) and isinstance(value, Iterable):
            _items(len(value))
            _length(_joined_length(value, d))
        return check_value(join(eval_ctx, value, d, attribute))

    return bounded


def _guard(function: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_widths(args, kwargs)
        return check_value(function(*args, **kwargs))

    return bounded


def _check_widths(args: Iterable[object], kwargs: Mapping[str, object]) -> None:
    # Widths and counts passed to string functions (center, ljust, indent, wordwrap, zfill,
    # expandtabs, format) can each ask for a value of any size; refuse the size before it is built.
    for argument in (*args, *kwargs.values()):
        if _is_int(argument) and abs(argument) > MAX_VALUE_LENGTH:  # type: ignore[arg-type]
            _length(abs(argument))  # type: ignore[arg-type]
        elif isinstance(argument, str) and "{" in argument and _WIDE.search(argument):
            _check_format(argument, None)


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, held to :mod:`smartind.limits` and to deterministic output."""

    intercepted_binops = frozenset(_BEFORE)

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        # Random text and random choices would make two renders of the same data differ.
        self.globals.pop("lipsum", None)
        self.filters.pop("random", None)
        for name, function in list(self.filters.items()):
            self.filters[name] = _guard_join(function) if name == "join" else _guard(function)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """``left operator right``, refused when the result would go over a limit."""
        _BEFORE[operator](left, right)
        if operator == "%":
            _check_widths((right,) if not isinstance(right, tuple) else right, {})
        return check_value(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A call from an expression, refused when it asks for a value over a limit."""
        _check_widths(args, kwargs)
        # Jinja2 hands out str.format wrapped; the string it formats is the wrapped method's.
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        if isinstance(owner, str) and getattr(__obj, "__name__", None) in ("format", "format_map"):
            _check_format(owner, None)
        if getattr(__obj, "__name__", None) == "join" and isinstance(owner, str):
            items = args[0] if args else kwargs.get("iterable", ())
            if isinstance(items, Sized) and isinstance(items, Iterable):
                _length(_joined_length(items, __obj.__self__))
        return check_value(super().call(__context, __obj, *args, **kwargs))

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja2's rules, and no reading of the clock through a date."""
        if isinstance(obj, datetime.date | type) and attr in _CLOCK:
            return False
        return bool(super().is_safe_attribute(obj, attr, value))
