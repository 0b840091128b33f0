"""The model's boundary: what a constructor converts, and what it refuses with a clear message.

Tables of every enum field, every amount field, and (walking the bundled example) every field of
every model class given a value of the wrong type.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

import attrs
import pytest
from attrs import evolve

from smartind import NumberFormatError
from smartind.accounting import FinancialAccount, FundingFigures
from smartind.activities import Audience, Publication, PublicationKind, Recommendation
from smartind.assignment import Assignment, Budget, BudgetChange, FocusArea
from smartind.dates import Period
from smartind.examples import bundled_example_path
from smartind.load import load_report
from smartind.numbers import Amount
from smartind.projects import (
    Approach,
    CoFinancing,
    PrestudyRound,
    Project,
    ProjectKind,
    Result,
    ResultCategory,
)
from smartind.report import Report, ReportKind, ReportMetadata
from smartind.rules import (
    MaxGrantPerRegion,
    MinCoFinancingShare,
    MinTotalGranted,
    ProgrammeCostsCap,
)


def project(**changes: Any) -> Project:
    given: dict[str, Any] = {"id": "p", "name": "P", "kind": "implementation", "regions": []}
    return Project(**(given | changes))


def metadata(**changes: Any) -> ReportMetadata:
    return ReportMetadata(**({"organisation": "Verket", "date": date(2019, 2, 27)} | changes))


def assignment(**changes: Any) -> Assignment:
    given: dict[str, Any] = {
        "name": "U",
        "title": "Uppdraget",
        "case_number": "N1",
        "agency": "Verket",
        "period": Period(date(2016, 1, 1), date(2018, 12, 31)),
        "budget": Budget(Amount.mkr(25)),
        "report_due": date(2019, 3, 1),
    }
    return Assignment(**(given | changes))


# Each enum field: how to build its class with a value for it, and the enum.
ENUM_FIELDS: list[tuple[str, Callable[[Any], Any], type[enum.Enum], Callable[[Any], Any]]] = [
    ("Project.kind", lambda v: project(kind=v), ProjectKind, lambda o: o.kind),
    ("Project.approach", lambda v: project(approach=v), Approach, lambda o: o.approach),
    ("Result.category", lambda v: Result("r", category=v), ResultCategory, lambda o: o.category),
    (
        "Publication.kind",
        lambda v: Publication("p", "P", v),
        PublicationKind,
        lambda o: o.kind,
    ),
    (
        "Recommendation.audience",
        lambda v: Recommendation("r", v, "R"),
        Audience,
        lambda o: o.audience,
    ),
    ("ReportMetadata.kind", lambda v: metadata(kind=v), ReportKind, lambda o: o.kind),
    (
        "MaxGrantPerRegion.project_kind",
        lambda v: MaxGrantPerRegion("r", v, Amount.tkr(400)),
        ProjectKind,
        lambda o: o.project_kind,
    ),
    (
        "MinCoFinancingShare.project_kind",
        lambda v: MinCoFinancingShare("r", v, Decimal("0.5")),
        ProjectKind,
        lambda o: o.project_kind,
    ),
    (
        "Project.focus_areas",
        lambda v: project(focus_areas=[v]),
        FocusArea,
        lambda o: o.focus_areas[0],
    ),
    (
        "PrestudyRound.focus_areas",
        lambda v: PrestudyRound(1, [], focus_areas=[v]),
        FocusArea,
        lambda o: o.focus_areas[0],
    ),
]
ENUM_IDS = [row[0] for row in ENUM_FIELDS]


@pytest.mark.parametrize(("name", "build", "kind", "read"), ENUM_FIELDS, ids=ENUM_IDS)
def test_an_enum_field_takes_each_value_string(
    name: str, build: Callable[[Any], Any], kind: type[enum.Enum], read: Callable[[Any], Any]
) -> None:
    for member in kind:
        assert read(build(member.value)) is member
        assert read(build(member)) is member


@pytest.mark.parametrize(("name", "build", "kind", "read"), ENUM_FIELDS, ids=ENUM_IDS)
def test_an_enum_field_refuses_an_unknown_string_listing_the_values(
    name: str, build: Callable[[Any], Any], kind: type[enum.Enum], read: Callable[[Any], Any]
) -> None:
    with pytest.raises(ValueError, match=rf"^{name}: 'nonsense' is not a {kind.__name__}") as info:
        build("nonsense")
    assert str(info.value).endswith("use one of: " + ", ".join(str(m.value) for m in kind))


@pytest.mark.parametrize(("name", "build", "kind", "read"), ENUM_FIELDS, ids=ENUM_IDS)
@pytest.mark.parametrize("wrong", [3, None, b"prestudy", ["prestudy"]], ids=repr)
def test_an_enum_field_refuses_a_wrong_type_naming_it(
    name: str,
    build: Callable[[Any], Any],
    kind: type[enum.Enum],
    read: Callable[[Any], Any],
    wrong: object,
) -> None:
    if wrong is None and name == "Project.approach":
        assert read(build(None)) is None  # the one optional enum field
        return
    with pytest.raises(TypeError, match=rf"^{name} takes") as info:
        build(wrong)
    assert type(wrong).__name__ in str(info.value)
    assert repr(wrong) in str(info.value)


def test_a_project_far_over_its_cap_is_not_met_when_its_kind_is_a_string() -> None:
    # The case: a plain string kind made the rule find no project of its kind.
    from smartind.rules import evaluate

    over = project(kind="prestudy", regions=["Gotland"], granted="900 000 kr")
    report = Report(
        metadata(),
        assignment(),
        projects=[over],
        rules=[MaxGrantPerRegion("tak", "prestudy", "400 000 kr")],
    )
    (finding,) = evaluate(report)
    assert finding.status.value == "not_met"


def attrs_getter(name: str) -> Callable[[Any], Any]:
    return lambda o: getattr(o, name)


# Each amount field: how to build its class with a value for it, and how to read it back.
AMOUNT_FIELDS: list[tuple[str, Callable[[Any], Any], Callable[[Any], Any]]] = [
    ("CoFinancing.amount", lambda v: CoFinancing("Region", amount=v), lambda o: o.amount),
    ("Project.granted", lambda v: project(granted=v), lambda o: o.granted),
    ("Project.disbursed", lambda v: project(disbursed=v), lambda o: o.disbursed),
    (
        "PrestudyRound.max_grant_per_region",
        lambda v: PrestudyRound(1, [], max_grant_per_region=v),
        lambda o: o.max_grant_per_region,
    ),
    ("PrestudyRound.granted", lambda v: PrestudyRound(1, [], granted=v), lambda o: o.granted),
    ("BudgetChange.change", BudgetChange, lambda o: o.change),
    ("Budget.original", Budget, lambda o: o.original),
    (
        "Assignment.granted_to_projects",
        lambda v: assignment(granted_to_projects=v),
        lambda o: o.granted_to_projects,
    ),
    *[
        (f"FundingFigures.{name}", lambda v, n=name: FundingFigures(**{n: v}), attrs_getter(name))
        for name in (
            "grant",
            "appropriation",
            "personnel",
            "purchased_services",
            "other_costs",
            "transfers",
            "budget",
        )
    ],
    (
        "FinancialAccount.overhead_per_hour",
        lambda v: FinancialAccount([], overhead_per_hour=v),
        lambda o: o.overhead_per_hour,
    ),
    ("MinTotalGranted.minimum", lambda v: MinTotalGranted("r", v), lambda o: o.minimum),
    (
        "MaxGrantPerRegion.maximum",
        lambda v: MaxGrantPerRegion("r", "prestudy", v),
        lambda o: o.maximum,
    ),
    ("ProgrammeCostsCap.total", lambda v: ProgrammeCostsCap("r", "s", {}, v), lambda o: o.total),
    (
        "ProgrammeCostsCap.caps",
        lambda v: ProgrammeCostsCap("r", "s", {"2016": v}),
        lambda o: o.caps["2016"],
    ),
]
AMOUNT_IDS = [row[0] for row in AMOUNT_FIELDS]


@pytest.mark.parametrize(("name", "build", "read"), AMOUNT_FIELDS, ids=AMOUNT_IDS)
def test_an_amount_field_reads_swedish_amount_text(
    name: str, build: Callable[[Any], Any], read: Callable[[Any], Any]
) -> None:
    assert read(build("2,5 mkr")) == Amount.mkr("2.5")
    assert read(build("400 000 kr")) == Amount(400000)
    assert read(build(Amount.tkr(20197))) == Amount.tkr(20197)


@pytest.mark.parametrize(("name", "build", "read"), AMOUNT_FIELDS, ids=AMOUNT_IDS)
@pytest.mark.parametrize("text", ["2,5 mkrr", "2.5 mkr", "drygt 2 mkr", "2 500 000"])
def test_an_amount_field_refuses_text_that_is_no_amount(
    name: str, build: Callable[[Any], Any], read: Callable[[Any], Any], text: str
) -> None:
    with pytest.raises(NumberFormatError, match=rf"^{name}: "):
        build(text)


@pytest.mark.parametrize(("name", "build", "read"), AMOUNT_FIELDS, ids=AMOUNT_IDS)
@pytest.mark.parametrize("wrong", [2500000, 2.5, Decimal("2500000"), True], ids=repr)
def test_an_amount_field_refuses_a_bare_number_naming_field_and_value(
    name: str, build: Callable[[Any], Any], read: Callable[[Any], Any], wrong: object
) -> None:
    with pytest.raises(TypeError, match=rf"^{name} takes an Amount") as info:
        build(wrong)
    assert f"not {type(wrong).__name__} {wrong!r}" in str(info.value)


def test_collections_take_any_iterable_and_keep_a_tuple() -> None:
    results = (Result(text) for text in ("a", "b"))
    built = project(results=results, also_funded_by=["x"], regions=("Skåne", "12"))
    assert built.results == (Result("a"), Result("b"))
    assert built.also_funded_by == ("x",)
    assert [r.name for r in built.regions] == ["Skåne", "Skåne"]


def test_an_element_of_the_wrong_type_is_named_by_its_index() -> None:
    with pytest.raises(TypeError, match=r"^Report\.projects\[1\] takes Project, not str 'p2'"):
        Report(metadata(), assignment(), projects=[project(), "p2"])


def test_one_string_is_not_taken_for_a_list() -> None:
    with pytest.raises(TypeError, match=r"^Project\.also_funded_by takes a list"):
        project(also_funded_by="Robotlyftet")


def test_an_unknown_number_style_is_refused_with_a_suggestion() -> None:
    with pytest.raises(ValueError, match=r"did you mean 'sprakradet'\? use one of: sprakradet"):
        metadata(number_style="språkrådet")


def test_a_national_area_must_exist_and_hold_the_projects_lan() -> None:
    assert project(regions=["Dalarna", "Värmland"], national_area="SE31").national_area == "SE31"
    with pytest.raises(ValueError, match=r"national_area 'SE99' is not a NUTS 2 riksområde"):
        project(national_area="SE99")
    with pytest.raises(ValueError, match=r"'SE31' \(Norra Mellansverige\) does not hold Skåne"):
        project(regions=["Dalarna", "Skåne"], national_area="SE31")


def test_regions_without_consultants_must_have_run_a_pre_study() -> None:
    with pytest.raises(ValueError, match=r"without_consultants names Gotland, which ran no"):
        PrestudyRound(1, ["Jönköping"], without_consultants=["Jönköping", "Gotland"])


def test_a_report_due_before_its_period_is_refused_at_construction() -> None:
    with pytest.raises(ValueError, match=r"report_due 2015-12-31 lies before"):
        assignment(report_due=date(2015, 12, 31))


# --------------------------------------------------------------------------------------------
# Every field of every model class, given a value of the wrong type


MODEL_MODULES = (
    "smartind.projects",
    "smartind.assignment",
    "smartind.activities",
    "smartind.report",
    "smartind.accounting",
    "smartind.rules._builtin",
    "smartind.rules._base",
    "smartind.dates",
    "smartind.people",
)


def _walk(value: object) -> Iterator[object]:
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _walk(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _walk(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)


@cache
def example_instances() -> dict[type, object]:
    found: dict[type, object] = {}
    for value in _walk(load_report(bundled_example_path())):
        if type(value).__module__ in MODEL_MODULES:
            found.setdefault(type(value), value)
    return found


def _cases() -> list[tuple[str, type, str]]:
    cases = []
    for cls in example_instances():
        for field in attrs.fields(cls):
            if field.init:
                cases.append((f"{cls.__name__}.{field.name}", cls, field.name))
    return cases


class Stranger:
    """A value of no type the model takes."""

    def __repr__(self) -> str:
        return "<stranger>"


def test_the_walk_reaches_every_model_class_of_the_example() -> None:
    names = {cls.__name__ for cls in example_instances()}
    assert {"Report", "Project", "FundingFigures", "ProgrammeCostsCap", "Meeting"} <= names
    assert len(_cases()) > 100


@pytest.mark.parametrize(("name", "cls", "field"), _cases(), ids=[c[0] for c in _cases()])
def test_a_value_of_the_wrong_type_names_class_field_and_value(
    name: str, cls: type, field: str
) -> None:
    instance = example_instances()[cls]
    with pytest.raises(TypeError) as info:
        evolve(instance, **{field: Stranger()})
    message = str(info.value)
    assert message.startswith(f"{name} takes "), message
    assert message.endswith("not Stranger <stranger>"), message


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ('national_area = "SE31"', 'national_area = "SE22"', "projects[2].national_area"),
        ('place = "Stockholm"', 'place = "Stockholm"\nnumber_style = "x"', "metadata.number_style"),
        ("report_due = 2019-03-01", "report_due = 2015-03-01", "assignment.report_due"),
    ],
)
def test_the_loader_reports_a_construction_check_at_its_key_path(
    old: str, new: str, path: str
) -> None:
    from smartind import ReportDataError
    from smartind.load import loads_report

    text = (bundled_example_path() / "report.toml").read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(ReportDataError, match=rf"report\.toml:\d+: {re.escape(path)}: "):
        loads_report(text.replace(old, new, 1))


def test_a_refused_value_notes_its_field_as_data() -> None:
    from smartind._validators import field_of

    with pytest.raises(ValueError) as caught:
        Period(date(2020, 1, 2), date(2020, 1, 1))
    assert field_of(caught.value) == "end"
