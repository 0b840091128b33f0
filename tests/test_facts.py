"""Facts computed from a report: region coverage, projects by approach, company counts."""

from __future__ import annotations

from decimal import Decimal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from smartind.facts import Facts, sum_quantities
from smartind.numbers import Amount, Qualifier, Quantity
from smartind.projects import PrestudyRound, Project, ProjectKind
from smartind.regions import REGIONS, Region
from tests.compose.test_compose_fixture import make_report

region_sets = st.lists(st.sampled_from(REGIONS), unique=True)


def prestudy(regions: list[Region]) -> Project:
    return Project("p", "Förstudien", ProjectKind.PRESTUDY, regions)


@given(round_regions=region_sets, project_regions=region_sets)
def test_prestudy_regions_and_missing_ones_partition_the_21_lan(
    round_regions: list[Region], project_regions: list[Region]
) -> None:
    report = make_report(
        prestudies=PrestudyRound(count=len(round_regions), regions=round_regions),
        projects=[prestudy(project_regions)] if project_regions else [],
    )
    facts = Facts.of(report)
    covered, missing = facts.prestudy_regions, facts.prestudy_regions_missing
    assert set(covered).isdisjoint(missing)
    assert sorted(covered + missing) == sorted(REGIONS)
    assert set(covered) == set(round_regions) | set(project_regions)


@given(regions=region_sets)
def test_region_facts_are_in_scb_code_order(regions: list[Region]) -> None:
    facts = Facts.of(make_report(prestudies=PrestudyRound(count=1, regions=regions)))
    for listed in (facts.prestudy_regions, facts.prestudy_regions_missing):
        codes = [r.code for r in listed]
        assert codes == sorted(codes)


def test_the_fixture_misses_only_gotland() -> None:
    facts = Facts.of(make_report())
    assert [r.name for r in facts.prestudy_regions_missing] == ["Gotland"]


def test_implementation_regions_are_distinct_and_only_from_implementation_projects() -> None:
    report = make_report()
    extra = Project("n2", "Ännu ett", ProjectKind.IMPLEMENTATION, ["Skåne", "Norrbotten"])
    other = Project("f", "En förstudie", ProjectKind.PRESTUDY, ["Gotland"])
    facts = Facts.of(attrs.evolve(report, projects=(*report.projects, extra, other)))
    assert [r.name for r in facts.implementation_regions] == [
        "Skåne",
        "Västerbotten",
        "Norrbotten",
    ]


def test_projects_are_split_by_approach() -> None:
    facts = Facts.of(make_report())
    assert [p.id for p in facts.company_facing_projects] == ["syd"]
    assert [p.id for p in facts.structural_projects] == ["nord"]


def test_companies_reached_sums_exact_and_over_as_over() -> None:
    reached = Facts.of(make_report()).companies_reached
    assert reached == Quantity(250, "företag", Qualifier.OVER)


def test_companies_advised_sums_only_its_category() -> None:
    assert Facts.of(make_report()).companies_advised == Quantity(40, "företag")


def test_company_counts_are_none_without_results() -> None:
    facts = Facts.of(make_report(projects=()))
    assert facts.companies_reached is None
    assert facts.companies_advised is None


def test_granted_total_is_the_stated_total() -> None:
    assert Facts.of(make_report()).granted_total == Amount.tkr(20197)


def test_granted_total_sums_exact_grants_when_every_project_has_one() -> None:
    projects = [
        Project("a", "A", ProjectKind.PRESTUDY, ["Skåne"], granted=Amount.tkr(400)),
        Project("b", "B", ProjectKind.PRESTUDY, ["Kalmar"], granted=Amount.tkr(350)),
    ]
    report = make_report(projects=projects)
    report = attrs.evolve(
        report, assignment=attrs.evolve(report.assignment, granted_to_projects=None)
    )
    assert Facts.of(report).granted_total == Amount.tkr(750)


def test_granted_total_is_unknown_when_a_grant_is_unknown() -> None:
    report = make_report()  # the fixture's "nord" project has only an approximate grant
    report = attrs.evolve(
        report, assignment=attrs.evolve(report.assignment, granted_to_projects=None)
    )
    assert Facts.of(report).granted_total is None


# ---------------------------------------------------------------------------------------------
# Summing approximate quantities

qualifiers = st.none() | st.sampled_from(Qualifier)
quantities = st.builds(
    Quantity,
    st.decimals(min_value=0, max_value=10**6, places=1, allow_nan=False, allow_infinity=False),
    st.just("företag"),
    qualifiers,
)


@given(st.lists(quantities, min_size=1))
def test_sum_adds_the_stated_values(terms: list[Quantity]) -> None:
    total = sum_quantities(terms, "företag")
    assert total is not None
    assert total.value == sum((q.value for q in terms), Decimal(0))
    assert total.noun == "företag"


@given(st.lists(quantities, min_size=1))
def test_sum_is_exact_only_when_every_term_is(terms: list[Quantity]) -> None:
    total = sum_quantities(terms)
    assert total is not None
    assert total.exact == all(q.exact for q in terms)


@given(st.lists(quantities, min_size=1))
def test_sum_leans_only_where_a_term_leans(terms: list[Quantity]) -> None:
    total = sum_quantities(terms)
    assert total is not None
    below, above = total.qualifier.bounds if total.qualifier else (False, False)
    assert below == any(q.qualifier is not None and q.qualifier.bounds[0] for q in terms)
    assert above == any(q.qualifier is not None and q.qualifier.bounds[1] for q in terms)


@given(st.lists(quantities, min_size=1))
def test_a_cirka_term_makes_the_sum_cirka(terms: list[Quantity]) -> None:
    total = sum_quantities([*terms, Quantity(1, "företag", Qualifier.CIRKA)])
    assert total is not None and total.qualifier is Qualifier.CIRKA


def test_sum_keeps_a_shared_qualifier() -> None:
    terms = [Quantity(10, "", Qualifier.DRYGT), Quantity(5, ""), Quantity(7, "", Qualifier.DRYGT)]
    assert sum_quantities(terms) == Quantity(22, "", Qualifier.DRYGT)


def test_sum_of_mixed_upward_qualifiers_is_over() -> None:
    terms = [Quantity(10, "", Qualifier.DRYGT), Quantity(5, "", Qualifier.FLER_AN)]
    assert sum_quantities(terms) == Quantity(15, "", Qualifier.OVER)


def test_sum_of_mixed_downward_qualifiers_is_narmare() -> None:
    terms = [Quantity(10, "", Qualifier.KNAPPT), Quantity(5, "", Qualifier.NARMARE)]
    assert sum_quantities(terms) == Quantity(15, "", Qualifier.NARMARE)


def test_sum_of_opposite_leaning_terms_is_cirka() -> None:
    terms = [Quantity(10, "", Qualifier.KNAPPT), Quantity(5, "", Qualifier.OVER)]
    assert sum_quantities(terms) == Quantity(15, "", Qualifier.CIRKA)


def test_sum_of_nothing_is_none() -> None:
    assert sum_quantities([]) is None
