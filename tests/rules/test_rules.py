"""Funding rules: one engine, findings as values, a registry open to plugins."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest

from smartind.assignment import Assignment, Budget
from smartind.dates import Period
from smartind.errors import ReportDataError
from smartind.load import loads_report
from smartind.numbers import Amount, Quantity
from smartind.projects import CoFinancing, PrestudyRound, Project, ProjectKind
from smartind.report import Report, ReportMetadata
from smartind.rules import (
    DisbursedWithinGranted,
    Finding,
    FundingRule,
    MaxGrantPerRegion,
    MinCoFinancingShare,
    MinTotalGranted,
    ProgrammeCostsCap,
    Status,
    evaluate,
    rule_types,
)
from tests.accounting.test_accounting import example_account

MET, NOT_MET, UNKNOWN = Status.MET, Status.NOT_MET, Status.NOT_ASSESSABLE


def tkr(value: int | str) -> Amount:
    return Amount.tkr(value)


def report(**changes: Any) -> Report:
    """A small report; ``granted_to_projects`` and the rest as given."""
    granted = changes.pop("granted_to_projects", None)
    assignment = Assignment(
        name="Provuppdraget",
        title="Ett uppdrag att pröva reglerna på",
        case_number="N2099/00001",
        agency="Tillväxtverket",
        period=Period(date(2016, 1, 1), date(2018, 12, 31)),
        budget=Budget(tkr(25000)),
        report_due=date(2019, 3, 1),
        granted_to_projects=granted,
    )
    return Report(ReportMetadata("Tillväxtverket", date(2019, 2, 27)), assignment, **changes)


def project(pid: str, kind: ProjectKind = ProjectKind.IMPLEMENTATION, **fields: Any) -> Project:
    fields.setdefault("regions", ["Skåne"])
    return Project(pid, pid.title(), kind, **fields)


def only(findings: tuple[Finding, ...]) -> Finding:
    assert len(findings) == 1
    return findings[0]


# --- min-total-granted --------------------------------------------------------------------------


def test_min_total_granted_uses_the_assignments_total() -> None:
    f = only(MinTotalGranted("minst", tkr(20000)).evaluate(report(granted_to_projects=tkr(20197))))
    assert (f.kind, f.id, f.status) == ("rule", "minst", MET)
    assert f.message == (
        "Till projekt har 20\xa0197\xa0tkr beviljats, vilket uppfyller kravet på minst "
        "20\xa0000\xa0tkr."
    )
    assert {(x.name, x.value) for x in f.figures} == {
        ("minimum", Decimal(20000000)),
        ("assignment.granted_to_projects", Decimal(20197000)),
    }


def test_min_total_granted_is_not_met_below_the_minimum() -> None:
    f = only(MinTotalGranted("minst", tkr(20000)).evaluate(report(granted_to_projects=tkr(19999))))
    assert f.status is NOT_MET
    assert "19\xa0999\xa0tkr" in f.message


def test_min_total_granted_sums_exact_project_grants() -> None:
    projects = [project("a", granted=tkr(12000)), project("b", granted=tkr(9000))]
    f = only(MinTotalGranted("minst", tkr(20000)).evaluate(report(projects=projects)))
    assert f.status is MET
    assert "21\xa0000\xa0tkr" in f.message


def test_min_total_granted_names_the_projects_whose_grant_is_missing() -> None:
    projects = [project("a", granted=tkr(12000)), project("b", granted_about=Quantity(2, "mkr"))]
    f = only(MinTotalGranted("minst", tkr(20000)).evaluate(report(projects=projects)))
    assert f.status is UNKNOWN
    assert f.message.endswith("beviljat belopp saknas för B.")


# --- max-grant-per-region -----------------------------------------------------------------------


def test_max_grant_per_region_divides_a_grant_by_the_projects_regions() -> None:
    rule = MaxGrantPerRegion("tak", ProjectKind.IMPLEMENTATION, tkr(1000))
    shared = project("shared", granted=tkr(2400), regions=["Dalarna", "Värmland", "Gävleborg"])
    assert only(rule.evaluate(report(projects=[shared]))).status is MET
    alone = project("alone", granted=tkr(1200), regions=["Skåne"])
    f = only(rule.evaluate(report(projects=[shared, alone])))
    assert f.status is NOT_MET
    assert "Alone (1\xa0200\xa0000\xa0kr per region)" in f.message


def test_max_grant_per_region_on_prestudies_known_in_aggregate_is_not_assessable() -> None:
    round_ = PrestudyRound(count=18, regions=["Skåne", "Halland"], granted=tkr(5000))
    rule = MaxGrantPerRegion("tak", ProjectKind.PRESTUDY, tkr(400))
    f = only(rule.evaluate(report(prestudies=round_)))
    assert f.status is UNKNOWN
    assert "redovisas bara samlat" in f.message
    assert "utan beviljat belopp per projekt" in f.message


def test_prestudies_whose_total_is_within_the_cap_meet_it() -> None:
    round_ = PrestudyRound(count=2, regions=["Skåne", "Halland"], granted=tkr(350))
    f = only(
        MaxGrantPerRegion("tak", ProjectKind.PRESTUDY, tkr(400)).evaluate(report(prestudies=round_))
    )
    assert f.status is MET


def test_max_grant_per_region_without_such_projects_is_not_assessable() -> None:
    rule = MaxGrantPerRegion("tak", ProjectKind.IMPLEMENTATION, tkr(1000))
    assert only(rule.evaluate(report())).status is UNKNOWN


# --- min-co-financing-share ---------------------------------------------------------------------


def test_co_financing_share_from_amounts_is_of_the_whole_financing() -> None:
    rule = MinCoFinancingShare("medfin", ProjectKind.IMPLEMENTATION, Decimal("0.5"))
    half = project("half", granted=tkr(2500), co_financing=[CoFinancing("Region", tkr(2500))])
    f = only(rule.evaluate(report(projects=[half])))
    assert f.status is MET
    assert f.figures[1].value == Decimal("0.5")
    less = project("less", granted=tkr(2500), co_financing=[CoFinancing("Region", tkr(2000))])
    f = only(rule.evaluate(report(projects=[half, less])))
    assert f.status is NOT_MET
    assert f.message == "Kravet på minst 50% medfinansiering uppfylls inte av Less (44,4%)."


def test_co_financing_shares_add_up() -> None:
    rule = MinCoFinancingShare("medfin", ProjectKind.IMPLEMENTATION, Decimal("0.5"))
    shares = [
        CoFinancing("ERUF", share=Decimal("0.4")),
        CoFinancing("Region", share=Decimal("0.2")),
    ]
    assert only(rule.evaluate(report(projects=[project("p", co_financing=shares)]))).status is MET


def test_co_financing_without_figures_is_not_assessable_and_names_the_projects() -> None:
    rule = MinCoFinancingShare("medfin", ProjectKind.IMPLEMENTATION, Decimal("0.5"))
    projects = [
        project("known", granted=tkr(1000), co_financing=[CoFinancing("Region", tkr(1500))]),
        project("vague", granted_about=Quantity("2.5", "mkr"), co_financing=[CoFinancing("ERUF")]),
    ]
    f = only(rule.evaluate(report(projects=projects)))
    assert f.status is UNKNOWN
    assert "genomförandeprojekten Vague:" in f.message


def test_an_exact_total_financing_gives_the_share() -> None:
    rule = MinCoFinancingShare("medfin", ProjectKind.IMPLEMENTATION, Decimal("0.5"))
    p = project("p", granted=tkr(2500), total_financing=Quantity(6, "mkr"))
    assert only(rule.evaluate(report(projects=[p]))).status is MET


# --- programme-costs-cap ------------------------------------------------------------------------

CAPS = {"2016": tkr(2000), "2017": tkr(2000), "2018": tkr(1000)}


def test_programme_costs_cap_per_year_is_not_assessable_from_period_totals() -> None:
    rule = ProgrammeCostsCap("prog", "sarskilda-medel", CAPS)
    findings = rule.evaluate(report(account=example_account()))
    assert [(f.id, f.status) for f in findings] == [
        ("prog/2016", UNKNOWN),
        ("prog/2017", UNKNOWN),
        ("prog/2018", UNKNOWN),
        ("prog/total", MET),
    ]
    assert "inte kostnaderna per år" in findings[0].message
    assert findings[3].message == (
        "Programanknutna kostnader för hela perioden (2\xa0289\xa0tkr från Särskilda medel) "
        "ryms inom taket på 5\xa0000\xa0tkr."
    )


def test_a_years_cap_is_met_when_the_whole_periods_costs_are_within_it() -> None:
    rule = ProgrammeCostsCap("prog", "sarskilda-medel", {"2016": tkr(3000), "2017": tkr(1000)})
    findings = rule.evaluate(report(account=example_account()))
    assert [f.status for f in findings] == [MET, UNKNOWN, MET]


def test_programme_costs_over_the_total_cap_are_not_met() -> None:
    rule = ProgrammeCostsCap("prog", "sarskilda-medel", CAPS, total=tkr(2000))
    assert rule.evaluate(report(account=example_account()))[-1].status is NOT_MET


def test_programme_costs_cap_names_an_unknown_funding_source() -> None:
    rule = ProgrammeCostsCap("prog", "uppdragsmedel", CAPS)
    with pytest.raises(ReportDataError, match=r"'uppdragsmedel'.*sarskilda-medel, forvaltnings"):
        rule.evaluate(report(account=example_account()))


def test_programme_costs_caps_are_keyed_by_year() -> None:
    with pytest.raises(ValueError, match=r"caps keys are years"):
        ProgrammeCostsCap("prog", "a", {"första året": tkr(1)})


# --- disbursed-within-granted -------------------------------------------------------------------


def test_disbursed_within_granted_per_project_and_in_total() -> None:
    projects = [
        project("a", granted=tkr(2500), disbursed=tkr(2400)),
        project("b", granted=tkr(2500), disbursed=tkr(2500)),
    ]
    findings = DisbursedWithinGranted("utb").evaluate(report(projects=projects))
    assert [(f.id, f.status) for f in findings] == [("utb/projects", MET), ("utb/total", MET)]


def test_disbursed_above_granted_is_not_met_and_named() -> None:
    projects = [project("a", granted=tkr(2500), disbursed=tkr(2600))]
    per_project, total = DisbursedWithinGranted("utb").evaluate(report(projects=projects))
    assert per_project.status is NOT_MET
    assert "A (2\xa0600\xa0tkr av 2\xa0500\xa0tkr)" in per_project.message
    assert total.status is NOT_MET


def test_total_disbursed_comes_from_the_accounts_transfers() -> None:
    r = report(account=example_account(), granted_to_projects=tkr(20197))
    per_project, total = DisbursedWithinGranted("utb").evaluate(r)
    assert per_project.status is UNKNOWN
    assert total.status is MET
    assert total.message == (
        "Till projekt har totalt 16\xa0603\xa0tkr betalats ut, inom de 20\xa0197\xa0tkr som "
        "beviljats."
    )


# --- the engine and the registry ----------------------------------------------------------------


def test_evaluate_runs_every_rule_in_order() -> None:
    rules = [MinTotalGranted("a", tkr(1)), DisbursedWithinGranted("b")]
    findings = evaluate(report(rules=rules, granted_to_projects=tkr(5)))
    assert [f.id for f in findings] == ["a", "b/projects", "b/total"]


def test_rule_types_lists_the_built_in_kinds() -> None:
    assert {
        "min-total-granted": MinTotalGranted,
        "max-grant-per-region": MaxGrantPerRegion,
        "min-co-financing-share": MinCoFinancingShare,
        "programme-costs-cap": ProgrammeCostsCap,
        "disbursed-within-granted": DisbursedWithinGranted,
    }.items() <= dict(rule_types()).items()


def test_every_rule_kind_is_a_frozen_funding_rule_that_describes_itself() -> None:
    samples = [
        MinTotalGranted("a", tkr(20000)),
        MaxGrantPerRegion("b", ProjectKind.PRESTUDY, Amount.kr(400000)),
        MinCoFinancingShare("c", ProjectKind.IMPLEMENTATION, Decimal("0.5")),
        ProgrammeCostsCap("d", "s", CAPS),
        DisbursedWithinGranted("e"),
    ]
    for rule in samples:
        assert isinstance(rule, FundingRule)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            rule.id = "x"  # type: ignore[misc]
    assert samples[0].describe() == "Minst 20\xa0000\xa0tkr ska beviljas till projekt."
    assert samples[1].describe() == (
        "Ett förstudieprojekt får beviljas högst 400\xa0000\xa0kr per deltagande region."
    )
    assert samples[3].describe() == (
        "Programanknutna kostnader får uppgå till högst 2\xa0000\xa0tkr 2016, 2\xa0000\xa0tkr "
        "2017 och 1\xa0000\xa0tkr 2018, sammanlagt högst 5\xa0000\xa0tkr."
    )


# --- a second, different assignment, loaded from TOML -------------------------------------------

SECOND = """
[metadata]
organisation = "Tillväxtverket"
date = 2022-03-15

[assignment]
name = "Industrilyft i norr"
title = "Ett påhittat uppdrag med andra tak och andelar"
case_number = "N2019/00042"
agency = "Tillväxtverket"
period = { start = 2019-01-01, end = 2021-12-31 }
report_due = 2022-03-31

[assignment.budget]
original = "40 mkr"

[[projects]]
id = "norr-a"
name = "Norrsken"
kind = "implementation"
regions = ["Norrbotten", "Västerbotten"]
granted = "3 000 tkr"
disbursed = "2 900 tkr"
co_financing = [{ source = "ERUF", amount = "2 000 tkr" }]

[[projects]]
id = "norr-b"
name = "Fjällmaskin"
kind = "implementation"
regions = ["Jämtland"]
granted = "1 800 tkr"
disbursed = "1 900 tkr"
co_financing = [{ source = "Region Jämtland Härjedalen", share = "30 %" }]

[[projects]]
id = "norr-c"
name = "Kustverkstan"
kind = "prestudy"
regions = ["Västernorrland"]
granted = "350 tkr"
disbursed = "350 tkr"

[account]
unit = "tkr"
overhead_per_hour = "300 kr"

[[account.sources]]
id = "uppdragsmedel"
name = "Uppdragsmedel"

[account.sources.figures]
grant = 40000
personnel = 900
purchased_services = 400
other_costs = 100
transfers = 5150
budget = 40000
hours = 1000

[[account.sources]]
id = "forvaltning"
name = "Förvaltningsanslag"

[account.sources.figures]
appropriation = 600
personnel = 580
other_costs = 20
budget = 600
hours = 700

[account.published]
operating_costs_total = ["1 400", "600", "2 000"]
overhead = ["300", "210", "510"]
transfers_share = ["79%", "0%", "72%"]

[[rules]]
kind = "min-total-granted"
id = "minst-5-mkr"
minimum = "5 mkr"

[[rules]]
kind = "max-grant-per-region"
id = "tak-per-lan"
project_kind = "implementation"
maximum = "1 600 tkr"

[[rules]]
kind = "max-grant-per-region"
id = "forstudietak"
project_kind = "prestudy"
maximum = "300 000 kr"

[[rules]]
kind = "min-co-financing-share"
id = "medfinansiering"
project_kind = "implementation"
minimum_share = "40 %"

[[rules]]
kind = "programme-costs-cap"
id = "programkostnader"
source = "uppdragsmedel"
caps = { "2019" = "1 500 tkr", "2020" = "1 000 tkr", "2021" = "500 tkr" }
total = "2 500 tkr"

[[rules]]
kind = "disbursed-within-granted"
id = "utbetalt"
"""


def test_a_second_assignment_is_checked_by_the_same_engine() -> None:
    second = loads_report(SECOND)
    statuses = {f.id: f.status for f in evaluate(second)}
    assert statuses == {
        # 3 000 + 1 800 + 350 = 5 150 tkr granted.
        "minst-5-mkr": MET,
        # Norrsken 1 500 tkr per län; Fjällmaskin 1 800 tkr in one län is over 1 600.
        "tak-per-lan": NOT_MET,
        # Kustverkstan 350 tkr in one län, over 300 000 kr.
        "forstudietak": NOT_MET,
        # Norrsken 2 000 / 5 000 = 40 %; Fjällmaskin 30 % is below.
        "medfinansiering": NOT_MET,
        # 1 400 tkr over the period: within 1 500 (2019), unknown for 1 000 and 500, total ok.
        "programkostnader/2019": MET,
        "programkostnader/2020": UNKNOWN,
        "programkostnader/2021": UNKNOWN,
        "programkostnader/total": MET,
        # Fjällmaskin was paid 1 900 tkr of 1 800 granted; 5 150 transferred of 5 150 granted.
        "utbetalt/projects": NOT_MET,
        "utbetalt/total": MET,
    }
    messages = {f.id: f.message for f in evaluate(second)}
    assert "Fjällmaskin (1\xa0800\xa0000\xa0kr per region)" in messages["tak-per-lan"]
    assert messages["medfinansiering"].endswith("uppfylls inte av Fjällmaskin (30%).")


def test_the_second_assignments_account_reconciles() -> None:
    from smartind.accounting import reconcile

    second = loads_report(SECOND)
    assert second.account is not None
    statuses = {f.id: f.status for f in reconcile(second.account)}
    assert statuses == {
        "operating_costs_total/uppdragsmedel": Status.MATCH,
        "operating_costs_total/forvaltning": Status.MATCH,
        "operating_costs_total/SUMMA": Status.MATCH,
        "overhead/uppdragsmedel": Status.MATCH,
        "overhead/forvaltning": Status.MATCH,
        "overhead/SUMMA": Status.MATCH,
        # 5 150 / 6 550 = 78,6 %, printed 79 %; 5 150 / 7 150 = 72,0 %.
        "transfers_share/uppdragsmedel": Status.MATCH,
        "transfers_share/forvaltning": Status.MATCH,
        "transfers_share/SUMMA": Status.MATCH,
    }


def test_a_rule_id_is_a_key_without_spaces_or_slashes() -> None:
    assert MinTotalGranted("tak-för-region", tkr(1)).id == "tak-för-region"
    for bad in ("", "två ord", "a/b"):
        with pytest.raises(ValueError, match=r"without spaces or slashes"):
            MinTotalGranted(bad, tkr(1))


def test_a_programme_costs_cap_may_give_only_a_total() -> None:
    rule = ProgrammeCostsCap("prog", "sarskilda-medel", {}, total=tkr(2000))
    (finding,) = rule.evaluate(report(account=example_account()))
    assert (finding.id, finding.status) == ("prog/total", NOT_MET)


def test_a_programme_costs_cap_needs_caps_or_a_total() -> None:
    rule = ProgrammeCostsCap("prog", "sarskilda-medel", {})
    with pytest.raises(ReportDataError, match=r"neither caps nor total"):
        rule.evaluate(report(account=example_account()))
