"""The report: every fact and figure of one final report, and its narrative chapters."""

from __future__ import annotations

import enum
from datetime import date

from attrs import field, frozen

from smartind._validators import to_tuple
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


@frozen
class ReportMetadata:
    """Who issues the report, when and where, and who decided and prepared it."""

    organisation: str
    date: date
    kind: ReportKind = ReportKind.FINAL
    place: str = ""
    decided_by: Person | None = None
    case_officers: tuple[Person, ...] = field(converter=to_tuple, factory=tuple)
    presenter: Person | None = None
    number_style: str = "tillvaxtverket"


@frozen
class Statement:
    """A summary figure the agency reports as it stands, not summed from project data.

    For example *fler än 500 företag* reached by broad activities across all projects, when not
    every project's count is known.
    """

    id: str
    text: str
    quantity: Quantity | None = None


@frozen
class Chapter:
    """A narrative chapter: its file name (``01-uppdraget.md``) and its Markdown text."""

    name: str
    text: str


@frozen
class Report:
    """One report: metadata, the assignment, what it funded and did, its account and rules."""

    metadata: ReportMetadata
    assignment: Assignment
    programme: Programme | None = None
    continuation: Continuation | None = None
    prestudies: PrestudyRound | None = None
    projects: tuple[Project, ...] = field(converter=to_tuple, factory=tuple)
    activities: Activities = field(factory=Activities)
    statements: tuple[Statement, ...] = field(converter=to_tuple, factory=tuple)
    recommendations: tuple[Recommendation, ...] = field(converter=to_tuple, factory=tuple)
    appendices: tuple[Appendix, ...] = field(converter=to_tuple, factory=tuple)
    account: FinancialAccount | None = None
    rules: tuple[FundingRule, ...] = field(converter=to_tuple, factory=tuple)
    chapters: tuple[Chapter, ...] = field(converter=to_tuple, factory=tuple)

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
