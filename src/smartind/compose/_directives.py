"""Directives: the computed blocks a chapter places with a ```` ```{smartind} NAME ```` fence.

Every block here is built from the report's data alone; a directive's options only choose what
to show. :data:`DIRECTIVES` maps each name to its builder and the options it accepts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen

from smartind.activities import Audience
from smartind.compose._expr import amount_number, budget_note, merge_text, names, quantity_number
from smartind.document import (
    Align,
    Block,
    BulletList,
    Cell,
    ColumnSpec,
    Emphasis,
    Inline,
    Number,
    OrderedList,
    PageBreak,
    Paragraph,
    Row,
    RowKind,
    Strong,
    Table,
    TableOfContents,
    Text,
)
from smartind.projects import ProjectKind

if TYPE_CHECKING:
    from smartind.accounting import IncomeStatement, StatementRow
    from smartind.report import Report

__all__ = ["DIRECTIVES", "Directive", "place"]

Options = Mapping[str, str]


@frozen
class Directive:
    """A directive's builder and the options it accepts (``required`` ones must be given)."""

    build: Callable[[Report, Options], tuple[Block, ...]]
    options: tuple[str, ...] = ()
    required: tuple[str, ...] = ()


def _paragraphs(texts: tuple[str, ...]) -> list[tuple[Block, ...]]:
    return [(Paragraph([Text(text)]),) for text in texts]


def _need(value: Any, what: str) -> Any:
    if value is None or value == ():
        raise ValueError(f"the report has no {what}")
    return value


# --------------------------------------------------------------------------------------------
# Simple blocks


def _contents(_report: Report, options: Options) -> tuple[Block, ...]:
    depth = options.get("depth", "3")
    if depth not in ("1", "2", "3", "4"):
        raise ValueError(f"depth must be 1 to 4, not {depth!r}")
    return (TableOfContents(options.get("title", "Innehåll"), int(depth)),)


def _pagebreak(_report: Report, _options: Options) -> tuple[Block, ...]:
    return (PageBreak(),)


def _appendices(report: Report, _options: Options) -> tuple[Block, ...]:
    appendices = _need(report.appendices, "appendices")
    return tuple(Paragraph([Emphasis([Text(f"Bilaga {a.number} {a.title}")])]) for a in appendices)


def _assignments(report: Report, _options: Options) -> tuple[Block, ...]:
    programme = _need(report.programme, "programme (with its assignments)")
    items: list[tuple[Block, ...]] = []
    for related in _need(programme.assignments, "programme assignments"):
        budget = related.budget
        # **Name** (78 mkr, slutrapport senast 2020-03-30): aim
        content: list[Inline] = [
            Strong([Text(related.name)]),
            Text(" ("),
            _whole_mkr(budget.current),
        ]
        if budget.changes:
            content.append(budget_note(budget))
        content.append(Text(f", slutrapport senast {related.report_due.isoformat()})"))
        if related.aim:
            content.append(Text(f": {related.aim}"))
        items.append((Paragraph(merge_text(content)),))
    return (OrderedList(items),)


def _whole_mkr(amount: Any) -> Number:
    mkr = amount.to("mkr")
    decimals = 0 if mkr == mkr.to_integral_value() else 1
    return amount_number(amount, "mkr", decimals)


def _purposes(report: Report, _options: Options) -> tuple[Block, ...]:
    return (BulletList(_paragraphs(_need(report.assignment.purposes, "purposes"))),)


def _goals(report: Report, _options: Options) -> tuple[Block, ...]:
    return (BulletList(_paragraphs(_need(report.assignment.goals, "goals"))),)


_GROUP_LABELS = {
    "primary": ("Primär målgrupp", "Primära målgrupper"),
    "secondary": ("Sekundär målgrupp", "Sekundära målgrupper"),
    "final": ("Slutlig målgrupp", "Slutliga målgrupper"),
}


def _target_groups(report: Report, options: Options) -> tuple[Block, ...]:
    groups = report.assignment.target_groups
    chosen = [g.strip() for g in options.get("groups", "primary, secondary").split(",")]
    items: list[tuple[Block, ...]] = []
    for group in chosen:
        if group not in _GROUP_LABELS:
            raise ValueError(f"groups: unknown group {group!r}; use {', '.join(_GROUP_LABELS)}")
        members: tuple[str, ...] = getattr(groups, group)
        if not members:
            continue
        singular, plural = _GROUP_LABELS[group]
        label = singular if len(members) == 1 else plural
        content = [Strong([Text(f"{label}:")]), Text(" "), Emphasis([Text(names(members))])]
        items.append((Paragraph(content),))
    return (OrderedList(_need(tuple(items), "target groups")),)


def _prestudy_themes(report: Report, _options: Options) -> tuple[Block, ...]:
    prestudies = _need(report.prestudies, "pre-study round")
    return (OrderedList(_paragraphs(_need(prestudies.themes, "pre-study themes"))),)


def _project_results(report: Report, options: Options) -> tuple[Block, ...]:
    try:
        project = report.project(options["project"])
    except KeyError as err:
        raise ValueError(err.args[0]) from None
    results = _need(project.results, f"results for project {project.id!r}")
    return (BulletList(_paragraphs(tuple(r.text for r in results))),)


def _recommendations(report: Report, options: Options) -> tuple[Block, ...]:
    try:
        audience = Audience(options["audience"])
    except ValueError:
        known = ", ".join(a.value for a in Audience)
        raise ValueError(f"audience {options['audience']!r} is not one of: {known}") from None
    chosen = tuple(r.title for r in report.recommendations if r.audience is audience)
    return (BulletList(_paragraphs(_need(chosen, f"recommendations to {audience.value}"))),)


def _implementation_projects(report: Report, _options: Options) -> tuple[Block, ...]:
    projects = _need(report.projects_of(ProjectKind.IMPLEMENTATION), "implementation projects")
    head = Row(
        [Cell([Text(t)]) for t in ("Projekt", "Regioner", "Inriktning", "Beviljat")],
        RowKind.HEAD,
    )
    rows = [head]
    for project in projects:
        if project.granted is not None:
            grant: tuple[Inline, ...] = (_whole_mkr(project.granted),)
        elif project.granted_about is not None:
            grant = (quantity_number(project.granted_about),)
        else:
            grant = ()
        approach = project.approach.label if project.approach else ""
        cells = [
            Cell([Text(project.name)]),
            Cell([Text(names(project.regions))]),
            Cell([Text(approach)] if approach else []),
            Cell(grant),
        ]
        rows.append(Row(cells))
    columns = [ColumnSpec(), ColumnSpec(), ColumnSpec(), ColumnSpec(Align.RIGHT)]
    return (Table(columns, rows, [Text("Genomförandeprojekt")], id="genomforandeprojekt"),)


def _rule_findings(report: Report, _options: Options) -> tuple[Block, ...]:
    from smartind import rules

    findings = _need(rules.evaluate(report), "funding rules")
    items = [
        (Paragraph([Strong([Text(f"{f.status.label.capitalize()}:")]), Text(f" {f.message}")]),)
        for f in findings
    ]
    return (BulletList(items),)


# --------------------------------------------------------------------------------------------
# The income statement

_TOTAL_ROWS = frozenset(
    {"income_total", "operating_costs_total", "payments_total", "total_with_overhead"}
)
_SECTION_BEFORE = {"personnel": "Verksamhetskostnader"}
_ITALIC_ROWS = frozenset({"hours"})


def _statement(report: Report) -> IncomeStatement:
    from smartind.accounting import of_record

    return of_record(_need(report.account, "financial account"))


def _value_cell(row: StatementRow, index: int) -> Cell:
    number = row.number(index)
    return Cell() if number is None else Cell([number])


def _statement_row(row: StatementRow) -> Row:
    label: Inline = Text(row.label)
    if row.id in _ITALIC_ROWS:
        label = Emphasis([label])
    elif row.total and row.id not in _TOTAL_ROWS:
        label = Strong([label])
    cells = [Cell([label]), *(_value_cell(row, i) for i in range(len(row.values)))]
    return Row(cells, RowKind.TOTAL if row.id in _TOTAL_ROWS else RowKind.BODY)


def _columns(count: int) -> list[ColumnSpec]:
    return [ColumnSpec(Align.LEFT), *(ColumnSpec(Align.RIGHT) for _ in range(count))]


def _names_row(statement: IncomeStatement) -> Row:
    return Row([Cell(), *(Cell([Text(name)]) for name in statement.columns)], RowKind.HEAD)


def _income_statement(report: Report, _options: Options) -> tuple[Block, ...]:
    statement = _statement(report)
    width = len(statement.columns)
    sources = width - 1
    finance = Row([Cell(), Cell([Text("Finansiering")], colspan=sources), Cell()], RowKind.HEAD)
    rows = [finance, _names_row(statement)]
    for row in statement.rows:
        section = _SECTION_BEFORE.get(row.id)
        if section is not None:
            rows.append(Row([Cell([Emphasis([Text(section)])]), *(Cell() for _ in range(width))]))
        rows.append(_statement_row(row))
    caption = [Text(f"Resultaträkning, {report.account.unit if report.account else 'tkr'}")]
    return (Table(_columns(width), rows, caption, id="resultatrakning"),)


def _key_ratios(report: Report, _options: Options) -> tuple[Block, ...]:
    statement = _statement(report)
    rows = [_names_row(statement), *(_statement_row(row) for row in statement.key_ratios)]
    return (Table(_columns(len(statement.columns)), rows, [Text("Nyckeltal")], id="nyckeltal"),)


DIRECTIVES: dict[str, Directive] = {
    "contents": Directive(_contents, ("title", "depth")),
    "pagebreak": Directive(_pagebreak),
    "appendices": Directive(_appendices),
    "assignments": Directive(_assignments),
    "purposes": Directive(_purposes),
    "goals": Directive(_goals),
    "target-groups": Directive(_target_groups, ("groups",)),
    "prestudy-themes": Directive(_prestudy_themes),
    "project-results": Directive(_project_results, ("project",), ("project",)),
    "recommendations": Directive(_recommendations, ("audience",), ("audience",)),
    "income-statement": Directive(_income_statement),
    "key-ratios": Directive(_key_ratios),
    "implementation-projects": Directive(_implementation_projects),
    "rule-findings": Directive(_rule_findings),
}
"""Every directive by name, as docs/chapters.md lists them."""


def place(report: Report, name: str, options: Options) -> tuple[Block, ...]:
    """The blocks of directive ``name``; ``ValueError`` for an unknown name or option."""
    directive = DIRECTIVES.get(name)
    if directive is None:
        known = ", ".join(DIRECTIVES)
        raise ValueError(f"unknown directive; the directives are: {known}")
    for option in options:
        if option not in directive.options:
            accepted = ", ".join(directive.options) or "none"
            raise ValueError(f"unknown option {option!r}; it accepts: {accepted}")
    for option in directive.required:
        if not options.get(option):
            raise ValueError(f"the option {option!r} is required ({option}: ...)")
    return directive.build(report, options)
