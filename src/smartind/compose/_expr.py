"""``{{ expressions }}`` in chapters: the sandbox, the names it offers and the filters.

Filters that typeset numbers return document nodes (:class:`~smartind.document.Number`,
:class:`~smartind.document.Note`), never formatted text, so the renderer sets them in the
report's number style. Filters that give words (``word``, ``names``, ``date``) return ``str``,
so Jinja's own string filters (``capitalize``, ``upper``) still work after them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, assert_never

from smartind.activities import Publication
from smartind.assignment import Assignment, Budget, RelatedAssignment
from smartind.dates import Month, Period, swedish_date
from smartind.document import (
    Block,
    BulletList,
    Callout,
    ComputedBlock,
    Heading,
    Inline,
    Note,
    Number,
    NumberKind,
    OrderedList,
    PageBreak,
    Paragraph,
    Table,
    TableOfContents,
    Text,
    iter_blocks,
    iter_inlines,
)
from smartind.numbers import Amount, Quantity
from smartind.people import Person
from smartind.regions import Region

if TYPE_CHECKING:
    from smartind.facts import Facts
    from smartind.report import Report, Statement
    from smartind.rules import FundingRule

__all__ = [
    "FILTERS",
    "MONEY_UNITS",
    "Evaluator",
    "amount_number",
    "budget_note",
    "cite",
    "holds_note",
    "merge_text",
    "names",
    "quantity_number",
]

MONEY_UNITS = ("kr", "tkr", "mkr", "mnkr", "mdkr")

_WORDS = (
    "noll", "en", "två", "tre", "fyra", "fem", "sex",
    "sju", "åtta", "nio", "tio", "elva", "tolv",
)  # fmt: skip


# --------------------------------------------------------------------------------------------
# Numbers


def _as_amount(value: object, filter_name: str) -> tuple[Amount, str | None]:
    """The amount in ``value`` and the qualifier it carries, if any."""
    match value:
        case Amount():
            return value, None
        case Budget():
            return value.current, None
        case Quantity(noun=noun) if noun in MONEY_UNITS:
            qualifier = value.qualifier.value if value.qualifier else None
            return Amount.in_unit(value.value, noun), qualifier
        case Decimal():
            # Decimals come only from the data (Jinja's literals are int and float), and the
            # data's money decimals are kronor: the income statement's values in ``account``.
            return Amount(value), None
    raise ValueError(
        f"the {filter_name} filter takes an amount (or a budget, a quantity in kr, tkr or mkr, "
        f"or an income statement value), not {_describe(value)}"
    )


def amount_number(value: object, unit: str, decimals: int = 0) -> Number:
    """An amount as a :class:`Number` shown in ``unit`` with ``decimals`` decimals."""
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 6:
        raise ValueError(f"decimals must be a whole number from 0 to 6, not {decimals!r}")
    amount, qualifier = _as_amount(value, unit)
    return Number(amount.kronor, NumberKind.AMOUNT, unit, qualifier, decimals)


def _money_filter(unit: str) -> Callable[..., Number]:
    def money(value: object, decimals: int = 0) -> Number:
        return amount_number(value, unit, decimals)

    money.__name__ = unit
    return money


def percent(value: object, decimals: int = 0) -> Number:
    """A ratio (0.94) as a per cent :class:`Number` (94 %)."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ValueError(f"the percent filter takes a ratio such as 0.94, not {_describe(value)}")
    return Number(Decimal(value), NumberKind.PERCENT, decimals=decimals)


def count(value: object, decimals: int = 0) -> Number:
    """A plain number as a :class:`Number`; a quantity keeps its noun and qualifier."""
    if isinstance(value, Quantity):
        return quantity_number(value)
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ValueError(f"the count filter takes a number, not {_describe(value)}")
    return Number(Decimal(value), NumberKind.COUNT, decimals=decimals)


def word(value: object) -> str:
    """A whole number from 0 to 12 as a Swedish word (common gender: *en*, not *ett*)."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal) or value != int(value):
        raise ValueError(f"the word filter takes a whole number, not {_describe(value)}")
    number = int(value)
    if not 0 <= number < len(_WORDS):
        raise ValueError(f"the word filter spells 0 to 12, not {number}; use count instead")
    return _WORDS[number]


def quantity_number(value: object) -> Number:
    """A quantity (*över 150 företag*, *cirka 2,5 mkr*) as a :class:`Number`."""
    if not isinstance(value, Quantity):
        raise ValueError(f"the quantity filter takes a quantity, not {_describe(value)}")
    qualifier = value.qualifier.value if value.qualifier else None
    decimals = max(0, -_exponent(value.value))
    if value.noun in MONEY_UNITS:
        kronor = Amount.in_unit(value.value, value.noun).kronor
        return Number(kronor, NumberKind.AMOUNT, value.noun, qualifier, decimals)
    return Number(value.value, NumberKind.COUNT, value.noun or None, qualifier, decimals)


def _exponent(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


# --------------------------------------------------------------------------------------------
# Words


def _name_of(item: object) -> str:
    match item:
        case str():
            return item
        case Region() | Person():
            return str(item)
        case Publication():
            return item.title
    name = getattr(item, "name", None)
    if isinstance(name, str):
        return name
    raise ValueError(f"the names filter cannot name {_describe(item)}")


def names(values: object) -> str:
    """Names as Swedish lists them: ``A``, ``A och B``, ``A, B och C``."""
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise ValueError(f"the names filter takes a list, not {_describe(values)}")
    items = [_name_of(item) for item in values]
    if not items:
        raise ValueError("the names filter got an empty list; there is nothing to name")
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} och {items[-1]}"


def date(value: object) -> str:
    """A day as Swedish running text, ``27 februari 2019``; a month as ``februari 2019``."""
    match value:
        case datetime.date():
            return swedish_date(value)
        case Month():
            return value.swedish()
    raise ValueError(f"the date filter takes a date or a month, not {_describe(value)}")


def month(value: object) -> str:
    """The month of a date or month as running text: ``december 2018``."""
    match value:
        case datetime.date():
            return Month(value.year, value.month).swedish()
        case Month():
            return value.swedish()
    raise ValueError(f"the month filter takes a date or a month, not {_describe(value)}")


def period(value: object) -> str:
    """A period in years: ``2016–2018``."""
    if not isinstance(value, Period):
        raise ValueError(f"the period filter takes a period, not {_describe(value)}")
    return value.swedish()


# --------------------------------------------------------------------------------------------
# Notes


def cite(value: object) -> Note:
    """A footnote citing a publication, a programme assignment or the assignment itself.

    A publication gives its title, its publisher in parentheses and its series number; one
    that is an appendix of the report starts with *Bilaga N*. An assignment gives its title
    (or name) and its case number.
    """
    match value:
        case Publication():
            text = value.title
            if value.publisher:
                text += f" ({value.publisher})"
            if value.number:
                text += f", {value.number}"
            if value.appendix is not None:
                text = f"Bilaga {value.appendix} {text}"
        case RelatedAssignment() | Assignment():
            text = " ".join(part for part in (value.title or value.name, value.case_number) if part)
        case _:
            raise ValueError(
                f"the cite filter takes a publication or an assignment, not {_describe(value)}"
            )
    return Note([Paragraph([Text(text)])])


def _mkr(amount: Amount) -> Number:
    # As many decimals as the amount needs in mkr, up to two; beyond that tkr reads better.
    exponent = _exponent(amount.to("mkr"))
    if exponent >= -2:
        return Number(amount.kronor, NumberKind.AMOUNT, "mkr", decimals=max(0, -exponent))
    return Number(
        amount.kronor, NumberKind.AMOUNT, "tkr", decimals=max(0, -_exponent(amount.to("tkr")))
    )


def budget_note(value: object) -> Note:
    """A footnote telling each change to a budget: how much, when, why, from what to what."""
    if not isinstance(value, Budget):
        raise ValueError(f"the budget_note filter takes a budget, not {_describe(value)}")
    if not value.changes:
        raise ValueError("the budget has no changes to tell")
    blocks: list[Block] = []
    before = value.original
    for change in value.changes:
        after = before + change.change
        verb = "sänktes" if change.change.kronor < 0 else "höjdes"
        opening = (
            f"I {change.month.swedish()} {verb} budgeten med "
            if change.month
            else (f"Budgeten {verb} med ")
        )
        content: list[Inline] = [Text(opening), _mkr(abs(change.change))]
        content += [Text(", från "), _mkr(before), Text(" till "), _mkr(after)]
        if change.reason:
            content.append(Text(f", genom {change.reason}"))
        if change.decided_by and change.decided_by not in change.reason:
            content.append(Text(f" (beslut av {change.decided_by})"))
        content.append(Text("."))
        blocks.append(Paragraph(merge_text(content)))
        before = after
    return Note(blocks)


FILTERS: dict[str, Callable[..., Any]] = {
    **{unit: _money_filter(unit) for unit in ("kr", "tkr", "mkr", "mnkr")},
    "percent": percent,
    "count": count,
    "word": word,
    "quantity": quantity_number,
    "names": names,
    "date": date,
    "month": month,
    "period": period,
    "cite": cite,
    "budget_note": budget_note,
}
"""The chapter filters by name, as docs/chapters.md lists them."""


# --------------------------------------------------------------------------------------------
# Results


def merge_text(inlines: Iterable[Inline]) -> tuple[Inline, ...]:
    """The inlines with neighbouring ``Text`` nodes joined and empty ones dropped."""
    merged: list[Inline] = []
    for inline in inlines:
        if isinstance(inline, Text):
            if not inline.text:
                continue
            if merged and isinstance(merged[-1], Text):
                merged[-1] = Text(merged[-1].text + inline.text)
                continue
        merged.append(inline)
    return tuple(merged)


def holds_note(blocks: Iterable[Block]) -> bool:
    """Whether any inline in ``blocks`` (lists, tables and callouts included) is a note."""
    for block in iter_blocks(blocks):
        match block:
            case Paragraph(content=content) | Heading(content=content):
                if any(isinstance(i, Note) for i in iter_inlines(content)):
                    return True
            case Callout(title=title):
                if any(isinstance(i, Note) for i in iter_inlines(title)):
                    return True
            case Table(rows=rows, caption=caption):
                cells = [caption, *(cell.content for row in rows for cell in row.cells)]
                if any(isinstance(i, Note) for c in cells for i in iter_inlines(c)):
                    return True
            case BulletList() | OrderedList() | TableOfContents() | PageBreak() | ComputedBlock():
                pass  # what they hold is walked by iter_blocks
            case _:
                assert_never(block)
    return False


def _describe(value: object) -> str:
    if value is None:
        return "None (the value is missing from the data)"
    return f"a {type(value).__name__} ({value!r:.80})"


def to_inlines(value: object) -> tuple[Inline, ...]:
    """What an expression's result is in the document: nodes as they are, words as text."""
    match value:
        case Text() | Number() | Note():
            return (value,)
        case str():
            return (Text(value),)
        case bool():
            raise ValueError("the expression gives True or False, which is not text to print")
        case int() | Decimal():
            return (Number(Decimal(value), NumberKind.COUNT),)
        case Region() | Person():
            return (Text(str(value)),)
        case datetime.date() | Month():
            return (Text(date(value)),)
        case Period():
            return (Text(value.swedish()),)
        case None:
            raise ValueError("the expression gives None: the value is missing from the data")
        case Amount():
            raise ValueError("an amount needs a unit: add | kr, | tkr, | mkr or | mnkr")
        case Quantity():
            raise ValueError("a quantity needs a filter: add | quantity")
        case tuple() | list() if all(isinstance(v, Text | Number | Note) for v in value):
            return tuple(value)
        case tuple() | list():
            raise ValueError("a list needs a filter to print it: add | names or | join(', ')")
    raise ValueError(f"cannot print {_describe(value)}; pick one of its fields or a filter")


# --------------------------------------------------------------------------------------------
# The sandbox


@cache
def _environment() -> Any:
    from jinja2 import StrictUndefined

    from smartind.compose._sandbox import BoundedSandbox

    env = BoundedSandbox(undefined=StrictUndefined, autoescape=False)
    env.filters.update(FILTERS)
    return env


@lru_cache(maxsize=2048)
def _compiled(text: str) -> Any:
    # Compiling is most of composition's time (about 1.5 ms an expression) and depends only on
    # the text, so a process that composes twice (a watch loop, the tests) compiles once.
    return _environment().compile_expression(text, undefined_to_none=False)


class Evaluator:
    """Evaluates chapter expressions over one report in a sandboxed Jinja2 environment."""

    def __init__(self, report: Report, facts: Facts, statement: object | None) -> None:
        self._context = _context(report, facts, statement)

    def __call__(self, source: str) -> tuple[Inline, ...]:
        """The inlines ``source`` evaluates to; ``ValueError`` with the reason otherwise."""
        from jinja2 import TemplateError, Undefined

        from smartind.compose._sandbox import check_source, check_value

        # In a table cell a literal '|' must be written '\|'; markdown-it already unescapes it
        # there, and elsewhere the backslash is dropped here so both spellings work.
        text = source.replace("\\|", "|").strip()
        if not text:
            raise ValueError("the expression is empty")
        check_source(text)
        try:
            result = check_value(_compiled(text)(**self._context))
        except TemplateError as err:
            raise ValueError(f"{type(err).__name__}: {err}") from None
        except KeyError as err:
            raise ValueError(str(err.args[0]) if err.args else "KeyError") from None
        except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as err:
            raise ValueError(str(err) or type(err).__name__) from None
        except RecursionError:
            # A backstop: check_source keeps the nesting far below Python's stack.
            raise ValueError("the expression nests too deeply to evaluate; simplify it") from None
        except MemoryError:
            raise ValueError(
                "the expression needs more memory than this computer has; simplify it"
            ) from None
        if isinstance(result, Undefined):
            # A bare unknown name comes back undefined rather than raising; say which name.
            raise ValueError(f"{result._undefined_message}; check the spelling")
        return to_inlines(result)


def _context(report: Report, facts: Facts, statement: object | None) -> dict[str, Any]:
    from smartind.projects import ProjectKind

    def publication(publication_id: str) -> Publication:
        for item in report.activities.publications:
            if item.id == publication_id:
                return item
        known = ", ".join(p.id for p in report.activities.publications) or "none"
        raise LookupError(f"no publication {publication_id!r}; the report has: {known}")

    def related(name: str) -> RelatedAssignment:
        assignments = report.programme.assignments if report.programme else ()
        for item in assignments:
            if item.name == name:
                return item
        known = ", ".join(repr(a.name) for a in assignments) or "none"
        raise LookupError(f"no programme assignment {name!r}; the programme has: {known}")

    def rule(rule_id: str) -> FundingRule:
        for item in report.rules:
            if item.id == rule_id:
                return item
        known = ", ".join(r.id for r in report.rules) or "none"
        raise LookupError(f"no funding rule {rule_id!r}; the report has: {known}")

    def reported(statement_id: str) -> Statement:
        for item in report.statements:
            if item.id == statement_id:
                return item
        known = ", ".join(s.id for s in report.statements) or "none"
        raise LookupError(f"no statement {statement_id!r}; the report has: {known}")

    return {
        "report": report,
        "assignment": report.assignment,
        "programme": report.programme,
        "continuation": report.continuation,
        "prestudies": report.prestudies,
        "activities": report.activities,
        "projects": report.projects,
        "implementation": report.projects_of(ProjectKind.IMPLEMENTATION),
        "account": statement,
        "facts": facts,
        "project": report.project,
        "publication": publication,
        "related": related,
        "rule": rule,
        "statement": reported,
    }
