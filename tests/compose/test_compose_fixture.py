"""A small report built in Python for the composition tests (no loader needed).

Its figures are invented for the tests, except where a test says it mirrors the 2019 report.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from smartind.accounting import FinancialAccount, FundingFigures, FundingSource
from smartind.activities import (
    Activities,
    Appendix,
    Audience,
    Meeting,
    Meetings,
    Publication,
    PublicationKind,
    Recommendation,
)
from smartind.assignment import (
    Assignment,
    Budget,
    BudgetChange,
    Continuation,
    Programme,
    RelatedAssignment,
    TargetGroups,
)
from smartind.dates import Month, Period
from smartind.document import Block, Document
from smartind.numbers import Amount, Qualifier, Quantity
from smartind.people import Person
from smartind.projects import (
    Approach,
    PrestudyRound,
    Project,
    ProjectKind,
    Result,
    ResultCategory,
)
from smartind.regions import REGIONS
from smartind.report import Chapter, Report, ReportKind, ReportMetadata


def make_report(**changes: Any) -> Report:
    """The fixture report; keyword arguments replace its fields."""
    assignment = Assignment(
        name="Testuppdraget",
        title="Uppdrag att pröva sammanställning",
        case_number="N2020/00001/TEST",
        agency="Testverket",
        period=Period(date(2016, 1, 1), date(2018, 12, 31)),
        budget=Budget(Amount.mkr(25)),
        report_due=date(2019, 3, 1),
        agency_case_number="Ä 2020-1",
        purposes=("pröva syften", "pröva fler syften"),
        goals=("ett mål",),
        target_groups=TargetGroups(
            primary=("regioner",), secondary=("myndigheter", "organisationer"), final=("företag",)
        ),
        granted_to_projects=Amount.tkr(20197),
    )
    programme = Programme(
        strategy="Teststrategin",
        assignments=(
            RelatedAssignment(
                "Första lyftet",
                Budget(
                    Amount.mkr(110),
                    (BudgetChange(Amount.mkr(-10), Month(2018, 12), "regeringen", "en ny budget"),),
                ),
                date(2022, 3, 30),
                aim="pröva listor",
                case_number="N2016/1/X",
                title="Uppdrag om ett första lyft",
            ),
            RelatedAssignment("Andra lyftet", Budget(Amount.mkr(20)), date(2020, 4, 30), aim="mer"),
        ),
    )
    projects = (
        Project(
            "nord",
            "Nordlyftet",
            ProjectKind.IMPLEMENTATION,
            ("Norrbotten", "Västerbotten"),
            approach=Approach.STRUCTURAL,
            granted_about=Quantity("2.5", "mkr", Qualifier.CIRKA),
            results=(
                Result(
                    "Över 150 företag nåddes.",
                    Quantity(150, "företag", Qualifier.OVER),
                    ResultCategory.REACHED,
                ),
                Result("40 företag fick råd.", Quantity(40, "företag"), ResultCategory.ADVISED),
            ),
        ),
        Project(
            "syd",
            "Sydlyftet",
            ProjectKind.IMPLEMENTATION,
            ("Skåne",),
            approach=Approach.COMPANY_FACING,
            granted=Amount.tkr(2400),
            results=(
                Result("Hundra företag deltog.", Quantity(100, "företag"), ResultCategory.REACHED),
            ),
        ),
    )
    prestudies = PrestudyRound(
        count=18,
        regions=tuple(r for r in REGIONS if r.name != "Gotland"),
        themes=("kompetens", "digitalisering"),
    )
    activities = Activities(
        meetings=Meetings(
            total=8,
            assignment_specific=2,
            notable=(Meeting(Month(2018, 2), "Stockholm", "dialog", Decimal("0.94")),),
        ),
        publications=(
            Publication(
                "strategi",
                "Teststrategin",
                PublicationKind.STRATEGY,
                number="N2015.38",
                publisher="Departementet",
                produced=False,
            ),
            Publication("policy", "Policy Brief", PublicationKind.POLICY_BRIEF, appendix=6),
        ),
    )
    account = FinancialAccount(
        sources=(
            FundingSource(
                "sarskilda",
                "Särskilda medel",
                FundingFigures(
                    grant=Amount.tkr(25000),
                    personnel=Amount.tkr(1268),
                    purchased_services=Amount.tkr(722),
                    other_costs=Amount.tkr(299),
                    transfers=Amount.tkr(16603),
                    budget=Amount.tkr(25000),
                    hours=Decimal(2593),
                ),
            ),
            FundingSource(
                "forvaltning",
                "Förvaltningsanslaget",
                FundingFigures(
                    appropriation=Amount.tkr(1706),
                    personnel=Amount.tkr(1702),
                    other_costs=Amount.tkr(4),
                    budget=Amount.tkr(1706),
                    hours=Decimal(3107),
                ),
            ),
        ),
        overhead_per_hour=Amount.kr(250),
    )
    report = Report(
        metadata=ReportMetadata(
            organisation="Testverket",
            date=date(2019, 2, 27),
            kind=ReportKind.FINAL,
            place="Stockholm",
            decided_by=Person("Ada Andersson", "generaldirektör"),
            case_officers=(Person("Bo Berg", "enhetschef"), Person("Cecilia Ek")),
            presenter=Person("Cecilia Ek"),
        ),
        assignment=assignment,
        programme=programme,
        continuation=Continuation("Testuppdraget 2.0", budget=Budget(Amount.mkr(90))),
        prestudies=prestudies,
        projects=projects,
        activities=activities,
        recommendations=(
            Recommendation("r1", Audience.GOVERNMENT, "Stärk samordningen"),
            Recommendation("r2", Audience.REGIONAL_BODIES, "Samverka mer"),
        ),
        appendices=(Appendix(1, "Tabell över projekt"), Appendix(2, "Policy Brief")),
        account=account,
    )
    return attrs.evolve(report, **changes)


def compose_text(text: str, name: str = "01-test.md", **changes: Any) -> Document:
    """The document of the fixture report with one chapter holding ``text``.

    The account is left out unless given, so that only the tests about it depend on it.
    """
    from smartind.compose import compose

    changes.setdefault("account", None)
    return compose(make_report(chapters=(Chapter(name, text),), **changes))


def blocks_of(text: str, **changes: Any) -> tuple[Block, ...]:
    """The blocks of one chapter holding ``text``, without the wrappers naming the sources of
    computed figures (``tests/compose/test_compose_sources.py`` is about those)."""
    from smartind.document import unwrap_computed

    return unwrap_computed(compose_text(text, **changes).blocks)


def sourced_blocks_of(text: str, **changes: Any) -> tuple[Block, ...]:
    """The blocks of one chapter holding ``text``, as composed: computed figures wrapped."""
    return compose_text(text, **changes).blocks
