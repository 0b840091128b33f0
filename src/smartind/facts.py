"""Statements computed from a report's data, for chapters to cite instead of typing them.

*Every region but Gotland ran a pre-study*, *eleven län took part in an implementation project*,
*over 350 companies were reached*: each is a :class:`Facts` field, computed from the projects, so
a chapter that uses it through ``{{ facts.... }}`` follows the data when the data changes.

Summing approximate quantities
------------------------------
:func:`sum_quantities` adds quantities such as *över 150 företag* and *cirka 40 företag*. The
value is the sum of the stated values; the qualifier says which way the true sum may lie:

- all exact: exact;
- any *cirka*, or one term that may lie below (*knappt*, *närmare*) and another above (*drygt*,
  *över*, *fler än*): *cirka*;
- otherwise the inexact terms all lean one way: their qualifier when they all share it (*drygt*
  plus *drygt* stays *drygt*, exact plus *över* is *över*), else the plain word for that direction,
  *över* above and *närmare* below.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from smartind.numbers import Amount, Qualifier, Quantity
from smartind.projects import Approach, Project, ProjectKind, ResultCategory
from smartind.regions import REGIONS, Region
from smartind.report import Report

__all__ = ["Facts", "sum_quantities"]

COMPANIES = "företag"
"""The noun of the company counts."""


def sum_quantities(quantities: Iterable[Quantity], noun: str = "") -> Quantity | None:
    """The sum of ``quantities`` with a qualifier that stays true (see the module docstring).

    ``None`` when there is nothing to add.
    """
    terms = tuple(quantities)
    if not terms:
        return None
    total = sum((q.value for q in terms), start=terms[0].value * 0)
    qualifiers = {q.qualifier for q in terms if q.qualifier is not None}
    return Quantity(total, noun, _combined(qualifiers))


def _combined(qualifiers: set[Qualifier]) -> Qualifier | None:
    if not qualifiers:
        return None
    below = any(q.bounds[0] for q in qualifiers)
    above = any(q.bounds[1] for q in qualifiers)
    if below and above:
        return Qualifier.CIRKA
    if len(qualifiers) == 1:
        return next(iter(qualifiers))
    return Qualifier.OVER if above else Qualifier.NARMARE


def _in_scb_order(regions: Iterable[Region]) -> tuple[Region, ...]:
    present = set(regions)
    return tuple(r for r in REGIONS if r in present)


def _results_sum(projects: Iterable[Project], category: ResultCategory) -> Quantity | None:
    quantities = [
        result.quantity
        for project in projects
        for result in project.results
        if result.category is category and result.quantity is not None
    ]
    return sum_quantities(quantities, COMPANIES)


def _granted_total(report: Report) -> Amount | None:
    if report.assignment.granted_to_projects is not None:
        return report.assignment.granted_to_projects
    grants = [p.granted for p in report.projects]
    if not grants or any(g is None for g in grants):
        return None
    return sum((g for g in grants if g is not None), start=Amount.zero())


@frozen
class Facts:
    """Statements computed from a :class:`~smartind.report.Report`; build with :meth:`of`.

    Regions are in SCB code order. ``granted_total`` is the assignment's stated total granted to
    projects, or else the sum of the projects' exact grants when every project has one, or else
    ``None``. ``companies_reached`` and ``companies_advised`` sum the quantities of the project
    results in that category (:func:`sum_quantities`); ``None`` when no result states one.
    """

    granted_total: Amount | None
    prestudy_regions: tuple[Region, ...]
    prestudy_regions_missing: tuple[Region, ...]
    implementation_regions: tuple[Region, ...]
    company_facing_projects: tuple[Project, ...]
    structural_projects: tuple[Project, ...]
    companies_reached: Quantity | None
    companies_advised: Quantity | None

    @classmethod
    def of(cls, report: Report) -> Facts:
        """The facts of ``report``."""
        prestudy_regions = [
            region
            for project in report.projects_of(ProjectKind.PRESTUDY)
            for region in project.regions
        ]
        if report.prestudies is not None:
            prestudy_regions.extend(report.prestudies.regions)
        covered = _in_scb_order(prestudy_regions)
        implementation = report.projects_of(ProjectKind.IMPLEMENTATION)
        return cls(
            granted_total=_granted_total(report),
            prestudy_regions=covered,
            prestudy_regions_missing=tuple(r for r in REGIONS if r not in set(covered)),
            implementation_regions=_in_scb_order(r for p in implementation for r in p.regions),
            company_facing_projects=tuple(
                p for p in implementation if p.approach is Approach.COMPANY_FACING
            ),
            structural_projects=tuple(
                p for p in implementation if p.approach is Approach.STRUCTURAL
            ),
            companies_reached=_results_sum(report.projects, ResultCategory.REACHED),
            companies_advised=_results_sum(report.projects, ResultCategory.ADVISED),
        )
