"""attrs validators and converters shared by the model's modules: the model's boundary.

A report built in Python meets the same checks as one read from report.toml. Every model class is
declared ``@frozen(field_transformer=boundary)``; :func:`boundary` then

* wraps each field's converter so that what it refuses is reported with the class and the field
  (``Project.kind: 'nonsense' is not a ProjectKind; use one of: prestudy, implementation``), and
* adds a type check, read from the field's annotation, ahead of the field's own validators: a
  value of the wrong type raises ``TypeError`` naming the class, the field, the type it takes and
  the value given, and a collection's elements are checked one by one.

The converters here are plain named functions typed with what they accept, because mypy's attrs
plugin takes a converter's parameter type as the constructor's (and understands nothing else).
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from smartind.errors import NumberFormatError, RegionError
from smartind.limits import MAX_YEAR, MIN_YEAR

if typing.TYPE_CHECKING:
    from smartind.numbers import Amount, Quantity

E = TypeVar("E", bound=enum.Enum)
E2 = TypeVar("E2", bound=Exception)


class WrongType(TypeError):
    """A converter's refusal of a value's type; :func:`boundary` adds the class and field."""

    def __init__(self, expected: str, value: object) -> None:
        super().__init__(expected, value)
        self.expected = expected
        self.value = value

    def __str__(self) -> str:
        return f"takes {self.expected}, not {_shown(self.value)}"


def _shown(value: object) -> str:
    if type(value) is date:
        return str(value)  # as the report writer typed it: 3001-02-27
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"


# --------------------------------------------------------------------------------------------
# Validators


def share(_instance: object, attribute: attrs.Attribute[Decimal | None], value: object) -> None:
    """A share (andel) is a Decimal from 0 to 1, or None when unknown."""
    if value is None:
        return
    if not isinstance(value, Decimal) or isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be a Decimal share, not {type(value).__name__}")
    if not Decimal(0) <= value <= Decimal(1):
        raise ValueError(f"{attribute.name} must lie between 0 and 1 (100 %), not {value}")


def nonblank(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    """Text the report prints (a name, a title, a case number) cannot be empty."""
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be text, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{attribute.name} cannot be empty; write the text the report shows")


# --------------------------------------------------------------------------------------------
# Converters


def to_tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    """Any iterable in, a tuple out (so models stay hashable); one string is refused.

    Model modules wrap it in a converter typed with the element type
    (``def _projects(values: Iterable[Project]) -> tuple[Project, ...]``), which mypy reads.
    """
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise WrongType("a list or other iterable", values)
    if isinstance(values, Mapping):
        raise WrongType("a list or other iterable of values, not a mapping", values)
    return tuple(values)


def strings(values: Iterable[str]) -> tuple[str, ...]:
    """A collection of texts as a tuple."""
    return to_tuple(values)


def to_enum(cls: type[E], value: E | str) -> E:
    """``value`` as a member of ``cls``: a member as it is, or a member's value string."""
    if isinstance(value, cls):
        return value
    if not isinstance(value, str):
        raise WrongType(f"a {cls.__name__} or one of its value strings", value)
    for member in cls:
        if member.value == value:
            return member
    from smartind._suggest import did_you_mean

    values = [str(m.value) for m in cls]
    raise ValueError(
        f"{value!r} is not a {cls.__name__}; {did_you_mean(value, values)}"
        f"use one of: {', '.join(values)}"
    )


def amount(value: Amount | str) -> Amount:
    """An :class:`~smartind.numbers.Amount`, or Swedish text such as ``"2,5 mkr"`` parsed as one.

    Raises :class:`~smartind.errors.NumberFormatError` for text that is not an amount, and
    ``TypeError`` for anything else (a bare number has no unit, and a float is never money).
    """
    from smartind.numbers import Amount, parse_amount

    if isinstance(value, Amount):
        return value
    if isinstance(value, str):
        return parse_amount(value)
    raise WrongType(
        "an Amount (such as Amount.mkr('2.5')) or a Swedish amount text such as '2,5 mkr'", value
    )


def optional_amount(value: Amount | str | None) -> Amount | None:
    """:func:`amount`, or ``None`` for an amount the report does not give."""
    return None if value is None else amount(value)


def share_value(value: Decimal | str) -> Decimal:
    """A share as a ``Decimal`` ratio (``Decimal("0.5")``), or per cent text such as ``"50 %"``."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        from smartind.numbers import parse_percent

        return parse_percent(value)
    raise WrongType(
        "a Decimal ratio such as Decimal('0.5') or a per cent text such as '50 %'", value
    )


def optional_share(value: Decimal | str | None) -> Decimal | None:
    """:func:`share_value`, or ``None`` for a share the report does not give."""
    return None if value is None else share_value(value)


def count(value: Decimal | int) -> Decimal:
    """A count or number of hours as a ``Decimal``; an ``int`` is taken as it is (exactly)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value
    raise WrongType("a Decimal or an int", value)


def quantity(value: Quantity | str) -> Quantity:
    """A :class:`~smartind.numbers.Quantity`, or running text such as ``"över 150 företag"``."""
    from smartind.numbers import Quantity, parse_quantity

    if isinstance(value, Quantity):
        return value
    if isinstance(value, str):
        return parse_quantity(value)
    raise WrongType("a Quantity or a text such as 'cirka 2,5 mkr' or 'över 150 företag'", value)


def optional_quantity(value: Quantity | str | None) -> Quantity | None:
    """:func:`quantity`, or ``None`` for a quantity the report does not give."""
    return None if value is None else quantity(value)


# --------------------------------------------------------------------------------------------
# The boundary: every model class's field transformer


class FieldNote(str):
    """An exception note naming the field a check refused: data for the loader, not text to parse.

    The loader reports a problem at the key path of the field; a validator's message is written
    for a person and need not contain the field's name, so the name travels beside it.
    """

    field: str

    def __new__(cls, field: str) -> FieldNote:
        note = super().__new__(cls, f"field: {field}")
        note.field = field
        return note


def field_of(error: BaseException) -> str | None:
    """The field a model check blamed for ``error``, if one did."""
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, FieldNote):
            return note.field
    return None


def _noted(error: E2, field: str) -> E2:
    error.add_note(FieldNote(field))
    return error


class _Blaming:
    """A field's own validator, whose errors are noted with the field's name."""

    def __init__(self, name: str, validator: Callable[[Any, Any, Any], Any]) -> None:
        self.name = name
        self.validator = validator

    def __call__(self, instance: object, attribute: object, value: object) -> None:
        try:
            self.validator(instance, attribute, value)
        except (TypeError, ValueError) as error:
            if field_of(error) is None:
                error.add_note(FieldNote(self.name))
            raise

    def __repr__(self) -> str:
        return f"<validator of {self.name}: {self.validator!r}>"


def boundary(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """attrs ``field_transformer``: errors that name class and field, and a type check per field."""
    owner = cls.__name__
    result = []
    for field in fields:
        converter = field.converter
        if converter is not None and not isinstance(converter, attrs.Converter):
            converter = _naming(owner, field.name, converter)
        check = _TypeCheck(field.name)
        validator = (
            check
            if field.validator is None
            else attrs.validators.and_(check, _Blaming(field.name, field.validator))
        )
        result.append(field.evolve(converter=converter, validator=validator))
    return result


def _naming(owner: str, name: str, converter: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        try:
            return converter(value)
        except WrongType as error:
            raise _noted(TypeError(f"{owner}.{name} {error}"), name) from None
        except NumberFormatError as error:
            raise _noted(NumberFormatError(f"{owner}.{name}: {error}"), name) from None
        except RegionError as error:
            raise _noted(RegionError(f"{owner}.{name}: {error}"), name) from None
        except TypeError as error:
            raise _noted(TypeError(f"{owner}.{name}: {error}"), name) from None
        except ValueError as error:
            raise _noted(ValueError(f"{owner}.{name}: {error}"), name) from None

    convert.__name__ = getattr(converter, "__name__", "convert")
    convert.__doc__ = converter.__doc__
    return convert


_HINTS: dict[type, dict[str, Any] | None] = {}


def _hints(cls: type) -> dict[str, Any] | None:
    try:
        return _HINTS[cls]
    except KeyError:
        pass
    try:
        hints: dict[str, Any] | None = typing.get_type_hints(cls)
    except (NameError, TypeError):  # an annotation only a type checker can resolve
        hints = None
    _HINTS[cls] = hints
    return hints


Mismatch = tuple[str, str, object]
"""Where inside a value a type check failed, what was expected there, and what was found."""
Checker = Callable[[object, str], Mismatch | None]


class _TypeCheck:
    """Checks one field's value against its annotation; elements of a collection one by one.

    The annotation is read and compiled into a checker once per class, on first use (the
    annotations of a class can name classes defined after it).
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.checkers: dict[type, Checker | None] = {}

    def __call__(self, instance: object, _attribute: object, value: object) -> None:
        cls = type(instance)
        try:
            checker = self.checkers[cls]
        except KeyError:
            hints = _hints(cls)
            tp = None if hints is None else hints.get(self.name)
            checker = self.checkers[cls] = None if tp is None else _compile(tp)
        if checker is None:
            return
        problem = checker(value, "")
        if problem is not None:
            where, expected, found = problem
            raise _noted(
                TypeError(
                    f"{cls.__name__}.{self.name}{where} takes {expected}, not {_shown(found)}"
                ),
                self.name,
            )

    def __repr__(self) -> str:
        return f"<type check of {self.name}>"


def _accept(_value: object, _where: str) -> Mismatch | None:
    return None


def type_checker(tp: Any) -> Checker:
    """A checker of values against the annotation ``tp``, as the model's fields use: it returns
    ``None`` for a value that fits, else where inside it the mismatch is, what was expected and
    what was found. Forms it does not read accept anything."""
    return _compile(tp)


def _compile(tp: Any) -> Checker:
    """A checker of values against ``tp``; forms it does not read accept anything."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    expected = describe(tp)
    if tp is Any or isinstance(tp, TypeVar):
        return _accept
    if origin in (types.UnionType, typing.Union):
        options = [_compile(arg) for arg in args]

        def union(value: object, where: str) -> Mismatch | None:
            if any(option(value, where) is None for option in options):
                return None
            return where, expected, value

        return union
    if tp is type(None):
        return lambda value, where: None if value is None else (where, "None", value)
    if origin is tuple:
        item = _compile(args[0]) if len(args) == 2 and args[1] is Ellipsis else _accept

        def sequence(value: object, where: str) -> Mismatch | None:
            if not isinstance(value, tuple):
                return where, expected, value
            for index, element in enumerate(value):
                problem = item(element, f"{where}[{index}]")
                if problem is not None:
                    return problem
            return None

        return sequence
    if origin in (dict, Mapping) or tp in (dict, Mapping):
        keys, values = (_compile(args[0]), _compile(args[1])) if len(args) == 2 else (_accept,) * 2

        def mapping(value: object, where: str) -> Mismatch | None:
            if not isinstance(value, Mapping):
                return where, expected, value
            for key, element in value.items():
                problem = keys(key, f"{where} key {key!r}") or values(element, f"{where}[{key!r}]")
                if problem is not None:
                    return problem
            return None

        return mapping
    if origin is not None or not isinstance(tp, type):
        return _accept  # a form this check does not read (Literal, Callable ...)
    if tp is int:
        return lambda value, where: (
            None
            if isinstance(value, int) and not isinstance(value, bool)
            else (where, expected, value)
        )
    if tp is date:

        def a_date(value: object, where: str) -> Mismatch | None:
            if not isinstance(value, date) or isinstance(value, datetime):
                return where, expected, value
            if not MIN_YEAR <= value.year <= MAX_YEAR:
                # Dates far outside a report's life are typing mistakes, and formatting and
                # month arithmetic downstream only promise these years.
                return where, f"a date in the years {MIN_YEAR} to {MAX_YEAR}", value
            return None

        return a_date
    return lambda value, where: None if isinstance(value, tp) else (where, expected, value)


def describe(tp: Any) -> str:
    """A type as a message names it: ``Project``, ``a tuple of Region``, ``Amount or None``."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        return " or ".join(describe(a) for a in args)
    if tp is type(None):
        return "None"
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return f"a tuple of {describe(args[0])}"
    if origin in (dict, Mapping) and len(args) == 2:
        return f"a mapping of {describe(args[0])} to {describe(args[1])}"
    return getattr(tp, "__name__", str(tp))
