"""A report built in Python: validated, checked, computed, rendered and saved as TOML.

The assignment is made up: Exempelverket runs a three-year programme for small manufacturers,
paid from its own assignment money and its administrative appropriation.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from attrs import evolve

import smartind
from smartind import (
    Assignment,
    Budget,
    CoFinancing,
    FinancialAccount,
    FundingFigures,
    FundingSource,
    MinCoFinancingShare,
    MinTotalGranted,
    Period,
    Project,
    Report,
    ReportMetadata,
)
from smartind_render import render

# 1. Build the report. Enum fields take their value strings ("implementation"), amount fields
#    take Swedish amount text ("2,5 mkr") as well as Amount values, lists take any iterable.
assignment = Assignment(
    name="Digitalt lyft för småföretag",
    title="Uppdrag att stödja digital omställning i små tillverkande företag",
    case_number="N2023/00000/EXEMPEL",
    agency="Exempelverket",
    period=Period(date(2023, 1, 1), date(2025, 12, 31)),
    budget=Budget(original="12 mkr"),
    report_due=date(2026, 3, 31),
)
projects = [
    Project(
        id="lyft-norr",
        name="Digitalt lyft Norr",
        kind="implementation",
        regions=["Norrbotten", "Västerbotten"],
        granted="3 mkr",
        disbursed="2 800 tkr",
        co_financing=[CoFinancing("Region Norrbotten", share="50 %")],
    ),
    Project(
        id="lyft-vast",
        name="Digitalt lyft Väst",
        kind="implementation",
        regions=["Västra Götaland"],
        granted="2,5 mkr",
        disbursed="2,5 mkr",
        co_financing=[CoFinancing("Västra Götalandsregionen", share="40 %")],
    ),
    Project(
        id="forstudie-gotland",
        name="Förstudie Gotland",
        kind="prestudy",
        regions=["Gotland"],
        granted="400 000 kr",
        disbursed="350 000 kr",
    ),
]
account = FinancialAccount(
    sources=[
        FundingSource(
            "uppdragsmedel",
            "Uppdragsmedel",
            FundingFigures(
                grant="9 000 tkr",
                personnel="900 tkr",
                purchased_services="300 tkr",
                transfers="5 650 tkr",
                budget="9 000 tkr",
                hours=1400,
            ),
        ),
        FundingSource(
            "forvaltningsanslag",
            "Förvaltningsanslaget",
            FundingFigures(appropriation="600 tkr", personnel="600 tkr", hours=900),
        ),
    ],
    overhead_per_hour="250 kr",
)
report = Report(
    metadata=ReportMetadata(organisation="Exempelverket", date=date(2026, 2, 20)),
    assignment=assignment,
    projects=projects,
    account=account,
    rules=[
        MinTotalGranted("minst-5-mkr-till-projekt", "5 mkr"),
        MinCoFinancingShare("medfinansiering-halften", "implementation", "50 %"),
    ],
)

# 2. Validate: the checks that need the whole report (unique ids, dates inside the period,
#    references between its parts). The loader runs the same ones; this raises ReportDataError.
smartind.validate(report)
try:
    smartind.validate(evolve(report, projects=[*projects, projects[0]]))
except smartind.ReportDataError as error:
    print(error)  # projects[3].id: project id 'lyft-norr' is used already by projects[0]; ...
else:
    raise AssertionError("a project id used twice must be refused")

# 3. Check: validate, evaluate the funding rules, reconcile any published account, as
#    `smartind check` does. Findings are values to read, not exceptions.
findings = smartind.check(report)
for finding in findings:
    print(f"{finding.id}: {finding.status.label}: {finding.message}")
failing = [f.id for f in findings if f.status.fails]
assert failing == ["medfinansiering-halften"], failing  # Väst has only 40 % co-financing
data = smartind.findings_to_json(findings)  # the JSON `smartind check --format json` prints
assert data["findings"][1]["status"] == "not_met"

# 4. Compute the income statement: exact kronor, nothing rounded until it is typeset.
statement = smartind.compute(account)
payments = statement.cell("payments_total")
assert payments == Decimal("7450000"), payments
print("Summa utbetalningar:", statement.cell_text("payments_total"), account.unit)
print("Utfall mot budget:", statement.cell_text("outcome_vs_budget", "Uppdragsmedel"))

# 5. Render to bytes, in memory. Without chapters, the body holds the computed blocks: the
#    income statement, the key ratios and the rule findings.
docx = render(report, "docx")
html = render(report, "html", style="sprakradet")
assert docx[:2] == b"PK" and b"Resultatr" in html
print(f"DOCX {len(docx)} bytes, HTML {len(html)} bytes")

# 6. Save the data as report.toml text and read it back: the same report.
text = smartind.dump_report(report)
assert smartind.loads_report(text) == report
print(text.splitlines()[0])
