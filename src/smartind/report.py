"""The report: every fact and figure of one final report, and its narrative chapters."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

from attrs import field, frozen

from smartind._validators import boundary, optional_quantity, to_enum, to_tuple
from smartind.accounting import FinancialAccount
from smartind.activities import Activities, Appendix, Recommendation
from smartind.assignment import Assignment, Continuation, Programme
from smartind.numbers import Quantity
from smartind.people import Person
from smartind.projects import PrestudyRound, Project, ProjectKind
from smartind.rules import FundingRule

__all__ = ["Chapter", "Report", "ReportKind", "ReportMetadata", "Statement"]


class ReportKind(enum.Enum):
    """Final (slutrapport) or interim (delrapport) report."""

    FINAL = "final"
    INTERIM = "interim"

    @property
    def label(self) -> str:
        """The Swedish name, as printed on the cover."""
        return "Slutrapport" if self is ReportKind.FINAL else "Delrapport"


def _report_kind(value: ReportKind | str) -> ReportKind:
    return to_enum(ReportKind, value)


def _people(values: Iterable[Person]) -> tuple[Person, ...]:
    return to_tuple(values)


def _known_style(_instance: object, _attribute: object, name: str) -> None:
    from smartind.numbers import NUMBER_STYLES

    if name not in NUMBER_STYLES:
        from smartind._suggest import did_you_mean

        known = ", ".join(sorted(NUMBER_STYLES))
        raise ValueError(
            f"number_style {name!r} is not a number style; {did_you_mean(name, NUMBER_STYLES)}"
            f"use one of: {known}"
        )


@frozen(field_transformer=boundary)
class ReportMetadata:
    """Who issues the report, when and where, and who decided and prepared it."""

    organisation: str
    date: date
    kind: ReportKind = field(default=ReportKind.FINAL, converter=_report_kind)
    place: str = ""
    decided_by: Person | None = None
    case_officers: tuple[Person, ...] = field(converter=_people, factory=tuple)
    presenter: Person | None = None
    number_style: str = field(default="tillvaxtverket", validator=_known_style)


@frozen(field_transformer=boundary)
class Statement:
    """A summary figure the agency reports as it stands, not summed from project data.

    For example *fler än 500 företag* reached by broad activities across all projects, when not
    every project's count is known.
    """

    id: str
    text: str
    quantity: Quantity | None = field(default=None, converter=optional_quantity)


@frozen(field_transformer=boundary)
class Chapter:
    """A narrative chapter: its file name (``01-uppdraget.md``) and its Markdown text."""

    name: str
    text: str


def _projects(values: Iterable[Project]) -> tuple[Project, ...]:
    return to_tuple(values)


def _statements(values: Iterable[Statement]) -> tuple[Statement, ...]:
    return to_tuple(values)


def _recommendations(values: Iterable[Recommendation]) -> tuple[Recommendation, ...]:
    return to_tuple(values)


def _appendices(values: Iterable[Appendix]) -> tuple[Appendix, ...]:
    return to_tuple(values)


def _rules(values: Iterable[FundingRule]) -> tuple[FundingRule, ...]:
    return to_tuple(values)


def _chapters(values: Iterable[Chapter]) -> tuple[Chapter, ...]:
    return to_tuple(values)


@frozen(field_transformer=boundary)
class Report:
    """One report: metadata, the assignment, what it funded and did, its account and rules."""

    metadata: ReportMetadata
    assignment: Assignment
    programme: Programme | None = None
    continuation: Continuation | None = None
    prestudies: PrestudyRound | None = None
    projects: tuple[Project, ...] = field(converter=_projects, factory=tuple)
    activities: Activities = field(factory=Activities)
    statements: tuple[Statement, ...] = field(converter=_statements, factory=tuple)
    recommendations: tuple[Recommendation, ...] = field(converter=_recommendations, factory=tuple)
    appendices: tuple[Appendix, ...] = field(converter=_appendices, factory=tuple)
    account: FinancialAccount | None = None
    rules: tuple[FundingRule, ...] = field(converter=_rules, factory=tuple)
    chapters: tuple[Chapter, ...] = field(converter=_chapters, factory=tuple)

    def projects_of(self, kind: ProjectKind) -> tuple[Project, ...]:
        """The projects of one kind, in the order the report lists them."""
        return tuple(p for p in self.projects if p.kind is kind)

    def project(self, project_id: str) -> Project:
        """The project with that id; raises ``KeyError`` naming the known ids."""
        for p in self.projects:
            if p.id == project_id:
                return p
        known = ", ".join(p.id for p in self.projects) or "none"
        raise KeyError(f"no project {project_id!r}; the report has: {known}")
