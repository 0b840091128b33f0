"""The report model's own invariants, independent of any file format."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from smartind.activities import Meetings
from smartind.assignment import Budget, BudgetChange
from smartind.dates import Month, Period, swedish_date
from smartind.errors import RegionError
from smartind.numbers import Amount
from smartind.projects import CoFinancing, PrestudyRound, Project, ProjectKind
from smartind.regions import REGIONS, region


def project(**changes: object) -> Project:
    fields: dict[str, object] = {
        "id": "p", "name": "P", "kind": ProjectKind.IMPLEMENTATION, "regions": ["Skåne"],
    }  # fmt: skip
    fields.update(changes)
    return Project(**fields)  # type: ignore[arg-type]


def test_budget_current_applies_every_change() -> None:
    budget = Budget(Amount.mkr(25), (BudgetChange(Amount.mkr(-10), Month(2018, 12)),))
    assert budget.current == Amount.mkr(15)


def test_project_regions_are_looked_up_by_name() -> None:
    assert project(regions=["Region Skåne", "13"]).regions == (region("12"), region("13"))


def test_project_regions_must_be_a_list() -> None:
    with pytest.raises(TypeError, match="a list of län"):
        project(regions="Skåne")


def test_project_region_must_exist() -> None:
    with pytest.raises(RegionError):
        project(regions=["Atlantis"])


def test_negative_grant_is_refused() -> None:
    with pytest.raises(ValueError, match="granted cannot be negative"):
        project(granted=Amount.kr(-1))


def test_share_lies_between_0_and_1() -> None:
    assert CoFinancing("Region Skåne", share=Decimal("0.5")).share == Decimal("0.5")
    with pytest.raises(ValueError, match="between 0 and 1"):
        CoFinancing("Region Skåne", share=Decimal("1.5"))


def test_share_is_never_a_float() -> None:
    with pytest.raises(
        TypeError, match=r"CoFinancing\.share takes a Decimal ratio .* not float 0.5"
    ):
        CoFinancing("Region Skåne", share=0.5)  # type: ignore[arg-type]


def test_prestudy_round_knows_the_missing_regions() -> None:
    covered = [r for r in REGIONS if r.name != "Gotland"]
    assert PrestudyRound(18, covered).regions_missing == (region("Gotland"),)


def test_meeting_counts_are_not_negative() -> None:
    with pytest.raises(ValueError):
        Meetings(total=-1)


def test_period_contains_its_days_and_prints_its_years() -> None:
    period = Period(date(2016, 1, 1), date(2018, 12, 31))
    assert date(2017, 6, 1) in period
    assert date(2019, 1, 1) not in period
    assert period.years == (2016, 2017, 2018)
    assert period.swedish() == "2016–2018"


def test_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValueError, match="ends"):
        Period(date(2018, 1, 1), date(2017, 1, 1))


def test_month_parse_and_swedish() -> None:
    assert Month.parse("2018-12").swedish() == "december 2018"
    with pytest.raises(ValueError, match="YYYY-MM"):
        Month.parse("december 2018")
    assert swedish_date(date(2019, 2, 27)) == "27 februari 2019"
