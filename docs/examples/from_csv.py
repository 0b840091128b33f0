"""A report whose projects come from a spreadsheet saved as CSV (semicolon-separated, UTF-8).

Each row is one project. The cells hold what a person types: a kind (``implementation``), the
län separated by commas, and amounts in Swedish (``2,5 mkr``, ``400 000 kr``); an empty cell is
an amount the sheet does not give. A wrong cell raises an error naming the project and field.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import smartind
from smartind import (
    Assignment,
    Budget,
    DisbursedWithinGranted,
    MaxGrantPerRegion,
    Period,
    Project,
    Report,
    ReportMetadata,
)
from smartind_render import render

CSV_FILE = Path(__file__).with_name("projects.csv")


def read_projects(path: Path) -> Iterator[Project]:
    """One :class:`smartind.Project` per row of the CSV file at ``path``."""
    with path.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file, delimiter=";"):
            yield Project(
                id=row["id"],
                name=row["name"],
                kind=row["kind"],
                regions=[part.strip() for part in row["regions"].split(",")],
                granted=row["granted"] or None,
                disbursed=row["disbursed"] or None,
            )


report = Report(
    metadata=ReportMetadata(organisation="Exempelverket", date=date(2026, 2, 20)),
    assignment=Assignment(
        name="Digitalt lyft för småföretag",
        title="Uppdrag att stödja digital omställning i små tillverkande företag",
        case_number="N2023/00000/EXEMPEL",
        agency="Exempelverket",
        period=Period(date(2023, 1, 1), date(2025, 12, 31)),
        budget=Budget(original="12 mkr"),
        report_due=date(2026, 3, 31),
    ),
    projects=read_projects(CSV_FILE),
    rules=[
        MaxGrantPerRegion("forstudie-tak", "prestudy", "400 000 kr"),
        DisbursedWithinGranted("utbetalt-inom-beviljat"),
    ],
)

findings = smartind.check(report)
for finding in findings:
    print(f"{finding.status.label:>12}  {finding.id}")
# The pre-study on Gotland has no disbursed amount in the sheet, so what was paid out against
# what was granted cannot be judged, per project or in total; the cap per region is met.
assert [f.status.value for f in findings] == ["met", "not_assessable", "not_assessable"]
markdown = render(report, "markdown").decode("utf-8")
print(markdown[markdown.index("Finansieringsvillkor") :].splitlines()[0])
