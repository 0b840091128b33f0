"""The bundled example: Tillväxtverket's 2019 final report of Smart industri i regionerna.

The report states some things as plain figures that follow from its own data (every region but
Gotland ran a pre-study, eleven län took part in the implementation projects, two reductions of
10 mkr). These tests check that the example's data gives those statements when computed, that its
account gives the published figures, and that its chapters compose into the report's structure
with its twelve footnotes, in words of our own.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from smartind import accounting, document
from smartind.accounting import FundingFigures
from smartind.compose import compose
from smartind.document import Document
from smartind.examples import bundled_example_path
from smartind.facts import Facts
from smartind.numbers import Amount
from smartind.projects import Approach, ProjectKind
from smartind.regions import REGIONS, national_area, region
from smartind.report import Report

ROOT = Path(__file__).resolve().parent.parent
SEED_OVERLAP = ROOT.parent / "shared" / "tools" / "seed-overlap"
EXAMPLE = bundled_example_path()


@pytest.fixture(scope="module")
def report() -> Report:
    load = importlib.import_module("smartind.load")
    load_report = getattr(load, "load_report", None)
    if load_report is None:
        pytest.skip("smartind.load has no load_report yet")
    loaded = load_report(EXAMPLE)
    assert isinstance(loaded, Report)
    return loaded


# ---------------------------------------------------------------------------------------------
# Statements computed from the data


def test_every_lan_but_gotland_ran_a_prestudy(report: Report) -> None:
    assert report.prestudies is not None
    assert report.prestudies.regions_missing == (region("Gotland"),)
    assert len(report.prestudies.regions) == 20
    assert report.prestudies.count == 18


def test_the_prestudy_without_consultants_was_jonkopings(report: Report) -> None:
    assert report.prestudies is not None
    assert report.prestudies.without_consultants == (region("Jönköping"),)


def test_five_implementation_projects(report: Report) -> None:
    assert [p.id for p in report.projects_of(ProjectKind.IMPLEMENTATION)] == [
        "digilyft-vasterbotten",
        "smart-industri-jamtland",
        "smart-industri-nms",
        "ems-industrial-modernisation",
        "skansk-industriell-framtid",
    ]


def test_implementation_projects_cover_eleven_distinct_lan(report: Report) -> None:
    projects = report.projects_of(ProjectKind.IMPLEMENTATION)
    covered = {r for p in projects for r in p.regions}
    assert len(covered) == 11
    assert sum(len(p.regions) for p in projects) == 11  # no län in two projects


def test_two_structural_and_three_company_facing_projects(report: Report) -> None:
    projects = report.projects_of(ProjectKind.IMPLEMENTATION)
    structural = [p.name for p in projects if p.approach is Approach.STRUCTURAL]
    company_facing = [p.name for p in projects if p.approach is Approach.COMPANY_FACING]
    assert structural == ["Smart industri i Norra Mellansverige", "EMS Industrial Modernisation"]
    assert company_facing == [
        "Digilyft Västerbotten 2.0",
        "Smart industri i Jämtland Härjedalen",
        "Skånsk industriell framtid",
    ]


@pytest.mark.parametrize(
    ("project_id", "area"),
    [("smart-industri-nms", "SE31"), ("ems-industrial-modernisation", "SE12")],
)
def test_cross_regional_projects_span_exactly_their_riksomrade(
    report: Report, project_id: str, area: str
) -> None:
    project = report.project(project_id)
    assert project.national_area == area
    assert set(project.regions) == set(national_area(area).regions)


def test_facts_agree_with_the_model(report: Report) -> None:
    facts = Facts.of(report)
    assert facts.prestudy_regions_missing == (region("Gotland"),)
    assert len(facts.implementation_regions) == 11
    assert len(facts.structural_projects) == 2
    assert len(facts.company_facing_projects) == 3
    assert facts.granted_total == Amount.tkr(20197)


# ---------------------------------------------------------------------------------------------
# Budgets of the programme and the continuation


def test_the_programme_lists_eight_assignments_in_the_reports_order(report: Report) -> None:
    assert report.programme is not None
    assert [a.name for a in report.programme.assignments] == [
        "Digitaliseringslyftet",
        "Robotlyftet",
        "Tillverkning i Sverige",
        "Smart industri i regionerna",
        "Smart industri i regionerna 2.0",
        "Strategisk kompetensförsörjning",
        "Samverkan skola – industri",
        "Synliggöra goda exempel inom industrin",
    ]


@pytest.mark.parametrize(
    ("name", "original", "current"),
    [("Robotlyftet", 110, 100), ("Smart industri i regionerna 2.0", 90, 80)],
)
def test_december_2018_reductions_give_the_current_budgets(
    report: Report, name: str, original: int, current: int
) -> None:
    assert report.programme is not None
    (assignment,) = [a for a in report.programme.assignments if a.name == name]
    assert assignment.budget.original == Amount.mkr(original)
    assert [c.change for c in assignment.budget.changes] == [Amount.mkr(-10)]
    assert assignment.budget.current == Amount.mkr(current)


def test_only_two_assignments_had_their_budget_changed(report: Report) -> None:
    assert report.programme is not None
    changed = [a.name for a in report.programme.assignments if a.budget.changes]
    assert changed == ["Robotlyftet", "Smart industri i regionerna 2.0"]


def test_continuation_budget_is_80_mkr_after_the_reduction(report: Report) -> None:
    assert report.continuation is not None and report.continuation.budget is not None
    assert report.continuation.budget.current == Amount.mkr(80)
    assert report.continuation.regions_granted == len(REGIONS) - 1


def test_the_assignment_itself_is_in_the_programme_with_its_budget(report: Report) -> None:
    assert report.programme is not None
    (own,) = [a for a in report.programme.assignments if a.name == report.assignment.name]
    assert own.budget.current == report.assignment.budget.current == Amount.mkr(25)
    assert own.report_due == report.assignment.report_due


# ---------------------------------------------------------------------------------------------
# The account


def _source_figures(report: Report, source_id: str) -> FundingFigures:
    assert report.account is not None
    return report.account.source(source_id).figures


def test_account_entered_figures(report: Report) -> None:
    special = _source_figures(report, "sarskilda-medel")
    admin = _source_figures(report, "forvaltningsanslaget")
    assert special.transfers == Amount.tkr(16603)
    assert special.operating_costs == Amount.tkr(2289)
    assert admin.appropriation == Amount.tkr(1706)
    assert special.hours + admin.hours == Decimal(5700)


def test_granted_to_projects_is_the_stated_20197_tkr(report: Report) -> None:
    assert report.assignment.granted_to_projects == Amount.tkr(20197)


def test_computed_statement_matches_the_published_totals(report: Report) -> None:
    assert report.account is not None
    statement = accounting.compute(report.account)
    kr = Decimal(1000)
    assert statement.row("income_total").values == (25000 * kr, 1706 * kr, 26706 * kr)
    assert statement.row("transfers").values[-1] == 16603 * kr
    assert statement.row("overhead").values == (Decimal(648250), Decimal(776750), Decimal(1425000))
    # The printed 3 995 tkr is 1 268 + 722 + 299 + 1 702 + 5 = 3 996 tkr rounded part by part.
    assert statement.row("operating_costs_total").values == (2289 * kr, 1707 * kr, 3996 * kr)


def test_reconciliation_finds_only_the_misprinted_operating_cost_share(report: Report) -> None:
    assert report.account is not None
    findings = accounting.reconcile(report.account)
    discrepancies = [f.id for f in findings if f.status.value == "discrepancy"]
    # The report prints 14 % where 2 289 / 18 892 is 12 %.
    assert discrepancies == ["operating_costs_share/sarskilda-medel"]


def test_every_published_row_is_there(report: Report) -> None:
    assert report.account is not None
    published = report.account.published
    assert published["to_pay_back"] == ("-6 108", "", "-6 108")
    assert published["outcome_vs_budget"] == ("76%", "100%", "77%")
    assert published["hours"] == ("2 593", "3 107", "")
    assert len(published) == 19


# ---------------------------------------------------------------------------------------------
# Chapters


def test_chapters_are_read_in_the_reports_order(report: Report) -> None:
    assert [c.name for c in report.chapters] == [
        "00-sammanfattning.md",
        "01-uppdraget.md",
        "02-slutsatser.md",
        "03-genomforande.md",
        "04-ekonomisk-redovisning.md",
    ]


def _composed(report: Report) -> Document:
    return compose(report)


def test_composed_report_has_the_twelve_footnotes_of_the_original(report: Report) -> None:
    composed = _composed(report)
    notes = [
        inline
        for block in document.iter_blocks(composed.blocks)
        if isinstance(block, document.Paragraph | document.Heading)
        for inline in document.iter_inlines(block.content)
        if isinstance(inline, document.Note)
    ]
    assert len(notes) == 12


def _heading(block: document.Block) -> document.Heading:
    assert isinstance(block, document.Heading)
    return block


def test_composed_report_numbers_headings_as_the_original(report: Report) -> None:
    blocks = _composed(report).blocks
    numbered = {
        number: document.plain_text(_heading(blocks[index]).content)
        for index, number in document.heading_numbers(blocks).items()
    }
    assert numbered["1"] == "Uppdraget"
    assert numbered["3.1.2"] == "Fem genomförandeprojekt i 11 regioner"
    assert numbered["3.1.2.5"] == "Skånsk industriell framtid"
    assert numbered["3.3.1"].startswith("Åtta ")
    assert numbered["4"] == "Ekonomisk redovisning för slutrapport"
    assert sorted(n for n in numbered if n.count(".") == 3) == [
        "2.2.1.1", "2.2.1.2", "2.2.2.1", "2.2.2.2",
        "3.1.2.1", "3.1.2.2", "3.1.2.3", "3.1.2.4", "3.1.2.5", "3.1.2.6",
    ]  # fmt: skip


def test_example_prose_shares_no_sentence_with_the_original() -> None:
    if not SEED_OVERLAP.is_file():
        pytest.skip(f"{SEED_OVERLAP} is not there (it lives beside the repository)")
    # The tool skips folders, so name every file.
    files = sorted(str(p) for p in EXAMPLE.rglob("*") if p.is_file())
    assert any(f.endswith(".md") for f in files)
    out = subprocess.run(
        [sys.executable, str(SEED_OVERLAP), *files], capture_output=True, text=True, check=False
    )
    assert out.stdout == ""
    assert out.returncode == 0
