"""The private cattrs Converter that turns TOML data into the report model, strictly.

Strict means: a float never becomes money, a bool is not an int, a string is not split into an
array, and every problem is reported with the key path it was found at. The hooks for each value
come from :mod:`smartind.load._forms`, so the writer and the schema agree with what is read here.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import attrs
import cattrs
from cattrs.errors import (
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override

from smartind import rules as _rules
from smartind._suggest import did_you_mean
from smartind._validators import field_of
from smartind.dates import Month
from smartind.errors import NumberFormatError, SmartindError
from smartind.load._forms import (
    Array,
    EnumForm,
    Form,
    Optional,
    Record,
    RuleForm,
    Scalar,
    Table,
    field_names,
    fields_of,
)
from smartind.load._toml_lines import Path
from smartind.numbers import (
    Amount,
    Quantity,
    parse_amount,
    parse_number,
    parse_percent,
    parse_quantity,
)
from smartind.regions import region
from smartind.rules import FundingRule

__all__ = ["Problem", "rule_types", "structure"]

Hook = Callable[[Any], Any]


@attrs.frozen
class Problem:
    """One thing wrong in the data: where (a key path) and what, with how to fix it."""

    path: Path
    message: str


class _ValueProblem(ValueError):
    """A value of the wrong form; the message is written for a report writer."""


class _FieldError(Exception):
    """An error raised while constructing a class, blamed on one of its fields."""

    def __init__(self, name: str, error: BaseException) -> None:
        super().__init__(name, error)
        self.name = name
        self.error = error


def toml_type(value: object) -> str:
    """The TOML name of a parsed value's type, for messages."""
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, datetime):
        return "a date-time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, time):
        return "a time"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return type(value).__name__


def plain_decimal(text: str) -> Decimal | None:
    """A number without unit in Swedish writing (``20 197``, ``2,5``), or None if it is not one."""
    try:
        return parse_number(text)
    except NumberFormatError:
        return None


def _amount(unit: str | None) -> Hook:
    example = f'"{(unit and "20 197 " + unit) or "2,5 mkr"}"'

    def structure(value: Any) -> Amount:
        if isinstance(value, float):
            written = repr(value).replace(".", ",")
            hint = (
                f'"{written}" (read in {unit})'
                if unit is not None and "e" not in written
                else '"2,5 mkr"'
            )
            raise _ValueProblem(
                f"{value!r} is a float, which is never money (it is not exact); "
                f"write a string such as {hint}"
            )
        if isinstance(value, int) and not isinstance(value, bool):
            if unit is None:
                raise _ValueProblem(
                    f'{value} has no unit here; write a string with its unit, such as "{value} tkr"'
                )
            return Amount.in_unit(value, unit)
        if isinstance(value, str):
            plain = plain_decimal(value)
            if plain is not None:
                if unit is None:
                    raise _ValueProblem(
                        f"{value!r} has no unit; write it with one, such as "
                        f'"{value.strip()} tkr" or "{value.strip()} kr"'
                    )
                return parse_amount(value, unit=unit)
            return parse_amount(value)
        raise _ValueProblem(f"expected an amount such as {example}, not {toml_type(value)}")

    return structure


def _quantity(value: Any) -> Quantity:
    if isinstance(value, int) and not isinstance(value, bool):
        return Quantity(value)
    if isinstance(value, str):
        return parse_quantity(value)
    raise _ValueProblem(
        f'expected a quantity such as "över 150 företag" or "cirka 2,5 mkr", not {toml_type(value)}'
    )


def _share(value: Any) -> Decimal:
    if isinstance(value, str):
        return parse_percent(value)
    raise _ValueProblem(f'expected a per cent such as "50 %", not {toml_type(value)} ({value!r})')


def _hours(value: Any) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        plain = plain_decimal(value)
        if plain is not None:
            return plain
    raise _ValueProblem(f"expected a number of hours such as 5310, not {toml_type(value)}")


def _month(value: Any) -> Month:
    if isinstance(value, str):
        return Month.parse(value)
    raise _ValueProblem(
        f'expected a month written as "YYYY-MM", such as "2018-12", not {toml_type(value)}'
    )


def _date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _ValueProblem(
        f"expected a date such as 2019-02-27 (without quotes), not {toml_type(value)} ({value!r})"
    )


def _region(value: Any) -> Any:
    if isinstance(value, str):
        return region(value)
    raise _ValueProblem(
        f'expected a län name or SCB code as a string, such as "Skåne" or "12", not '
        f"{toml_type(value)}"
    )


def _typed(kind: type, label: str) -> Hook:
    def structure(value: Any) -> Any:
        if type(value) is not kind:
            raise _ValueProblem(f"expected {label}, not {toml_type(value)} ({value!r})")
        return value

    return structure


def _enum(cls: type[enum.Enum]) -> Hook:
    values = [str(m.value) for m in cls]

    def structure(value: Any) -> enum.Enum:
        for member in cls:
            if member.value == value and type(member.value) is type(value):
                return member
        hint = did_you_mean(str(value), values)
        raise _ValueProblem(f"{value!r} is not allowed here; {hint}use one of: {', '.join(values)}")

    return structure


def _array(item: Hook) -> Hook:
    def structure(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _ValueProblem(f"expected an array [...], not {toml_type(value)} ({value!r})")
        out, errors = [], []
        for index, element in enumerate(value):
            try:
                out.append(item(element))
            except Exception as error:
                error.__notes__ = [IterableValidationNote(f"@ [{index}]", index, object)]
                errors.append(error)
        if errors:
            raise IterableValidationError("invalid array", errors, tuple)
        return tuple(out)

    return structure


def _table(value_hook: Hook) -> Hook:
    def structure(value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise _ValueProblem(f"expected a table, not {toml_type(value)} ({value!r})")
        out, errors = {}, []
        for key, element in value.items():
            try:
                out[key] = value_hook(element)
            except Exception as error:
                error.__notes__ = [IterableValidationNote(f"@ [{key!r}]", key, object)]
                errors.append(error)
        if errors:
            raise IterableValidationError("invalid table", errors, dict)
        return out

    return structure


def rule_types() -> Mapping[str, type[FundingRule]]:
    """The funding rule kinds known to ``smartind.rules`` (built-ins and plugins)."""
    get = getattr(_rules, "rule_types", None)
    if get is None:
        raise _ValueProblem(
            "this version of smartind knows no funding rule kinds (smartind.rules.rule_types is "
            "missing); remove the [[rules]] tables"
        )
    kinds: Mapping[str, type[FundingRule]] = get()
    return kinds


class _Structurer:
    """Builds and caches one hook per form on one private Converter."""

    def __init__(self) -> None:
        self.converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
        self.converter.register_structure_hook_factory(attrs.has, self._record_factory)

    def hook(self, form: Form) -> Hook:
        match form:
            case Scalar(kind="amount", unit=unit):
                return _amount(unit)
            case Scalar(kind="quantity"):
                return _quantity
            case Scalar(kind="share"):
                return _share
            case Scalar(kind="hours"):
                return _hours
            case Scalar(kind="month"):
                return _month
            case Scalar(kind="date"):
                return _date
            case Scalar(kind="region"):
                return _region
            case Scalar(kind="str"):
                return _typed(str, "a string")
            case Scalar(kind="int"):
                return _typed(int, "an integer")
            case Scalar(kind="bool"):
                return _typed(bool, "true or false")
            case Scalar():  # pragma: no cover - every kind is listed above
                raise AssertionError(form)
            case EnumForm(cls=cls):
                return _enum(cls)
            case Record(cls=cls):
                return lambda value: self.converter.structure(value, cls)
            case RuleForm():
                return self._rule
            case Array(item=item):
                return _array(self.hook(item))
            case Table(value=value_form):
                return _table(self.hook(value_form))
            case Optional(inner=inner):
                return self.hook(inner)

    def _rule(self, value: Any) -> FundingRule:
        if not isinstance(value, dict):
            raise _ValueProblem(f"expected a table with a kind key, not {toml_type(value)}")
        kinds = rule_types()
        kind = value.get("kind")
        if not isinstance(kind, str) or kind not in kinds:
            hint = did_you_mean(str(kind), kinds)
            what = "is missing" if kind is None else f"{kind!r} is not a funding rule kind"
            problem = _ValueProblem(f"{what}; {hint}use one of: {', '.join(sorted(kinds))}")
            raise _FieldError("kind", problem)
        rest = {k: v for k, v in value.items() if k != "kind"}
        rule: FundingRule = self.converter.structure(rest, kinds[kind])
        return rule

    def _record_factory(self, cls: type[Any]) -> Callable[[Any, Any], Any]:
        overrides: dict[str, Any] = {
            f.name: override(struct_hook=_ignore_type(self.hook(f.form))) for f in fields_of(cls)
        }
        generated = make_dict_structure_fn(
            cls,
            self.converter,
            _cattrs_forbid_extra_keys=True,
            _cattrs_detailed_validation=True,
            **overrides,
        )

        def structure(value: Any, _type: Any) -> Any:
            if not isinstance(value, dict):
                raise _ValueProblem(f"expected a table, not {toml_type(value)} ({value!r})")
            try:
                return generated(value, cls)
            except (BaseValidationError, SmartindError):
                raise
            except (ValueError, TypeError) as error:
                # Raised by the class's own checks, which note the field they refused.
                name = field_of(error)
                if name is None:
                    raise
                raise _FieldError(name, error) from error

        return structure


def _ignore_type(hook: Hook) -> Callable[[Any, Any], Any]:
    return lambda value, _type: hook(value)


_STRUCTURER: _Structurer | None = None


def structure(data: dict[str, Any], cls: type[Any]) -> tuple[Any, list[Problem]]:
    """``data`` as an instance of ``cls``, or None and every problem found in it."""
    global _STRUCTURER  # noqa: PLW0603 - built once, on first use, to keep import cheap
    if _STRUCTURER is None:
        _STRUCTURER = _Structurer()
    try:
        return _STRUCTURER.converter.structure(data, cls), []
    except Exception as error:
        return None, list(_problems(error, (), cls))


def _problems(error: BaseException, path: Path, cls: object) -> Iterator[Problem]:
    if isinstance(error, ClassValidationError):
        with_notes, others = error.group_exceptions()
        for sub, note in with_notes:
            yield from _problems(sub, (*path, note.name), None)
        for sub in others:
            # Raised by the class's own checks, which note the field they refused.
            name = field_of(sub) if isinstance(sub, ValueError | TypeError) else None
            yield from _problems(sub, path if name is None else (*path, name), None)
    elif isinstance(error, IterableValidationError):
        with_index, others = error.group_exceptions()
        for sub, index_note in with_index:
            yield from _problems(sub, (*path, index_note.index), None)
        for sub in others:
            yield from _problems(sub, path, None)
    elif isinstance(error, ForbiddenExtraKeysError):
        # Chapters are files beside report.toml, so they are no key to suggest.
        valid = tuple(k for k in field_names(error.cl) if k != "chapters")
        for key in sorted(error.extra_fields):
            hint = did_you_mean(key, valid)
            yield Problem(
                (*path, key), f"unknown key {key!r}; {hint}valid keys here: {', '.join(valid)}"
            )
    elif isinstance(error, _FieldError):
        yield from _problems(error.error, (*path, error.name), None)
    elif isinstance(error, KeyError) and not isinstance(error, SmartindError):
        yield Problem(path, "is required but missing; add it")
    elif isinstance(error, ExceptionGroup):
        for sub in error.exceptions:
            yield from _problems(sub, path, cls)
    else:
        yield Problem(path, _clean(str(error)) or type(error).__name__)


def _clean(message: str) -> str:
    return message.strip().rstrip(".")
