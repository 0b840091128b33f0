"""``smartind.validate``: one set of checks for a report read from TOML and one built in Python.

The properties run over mutations of the bundled example, both ways: mutated in Python, a report
``validate`` accepts survives ``dump_report``/``loads_report`` unchanged, and one it rejects is
rejected by the loader at the same key paths; mutated as TOML data, a report the loader rejects
is rejected by ``validate`` at the same key paths.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import date, timedelta
from functools import cache
from typing import Any

import pytest
from attrs import evolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smartind
from smartind import ReportDataError
from smartind.activities import Meeting, ProjectVisits, Research
from smartind.dates import Month
from smartind.examples import bundled_example_path
from smartind.load import dump_report, load_report, loads_report
from smartind.report import Report
from smartind.rules import ProgrammeCostsCap
from smartind.validation import Problem, key_path, problems, validate


@cache
def example() -> Report:
    return evolve(load_report(bundled_example_path()), chapters=())


def paths_of_validate(report: Report) -> set[str]:
    return {key_path(p.path) for p in problems(report)}


_LOADER_LINE = re.compile(r"^\s*report\.toml(?::\d+)?: (\S+): ", re.M)


def paths_of_loader(text: str, format: str = "toml") -> set[str] | None:
    """The key paths the loader names, or None when it accepts the text."""
    try:
        loads_report(text, format)  # type: ignore[arg-type]
    except ReportDataError as error:
        return set(_LOADER_LINE.findall(str(error)))
    return None


# --------------------------------------------------------------------------------------------
# One behaviour each


def test_the_bundled_example_is_valid() -> None:
    validate(example())
    assert list(problems(example())) == []


def test_a_duplicate_project_id_is_named_at_its_key_path() -> None:
    projects = example().projects
    report = evolve(example(), projects=[*projects, projects[0]])
    with pytest.raises(ReportDataError, match=r"^projects\[5\]\.id: project id .* projects\[0\]"):
        validate(report)


def test_a_report_dated_before_its_period_is_rejected() -> None:
    report = evolve(example(), metadata=evolve(example().metadata, date=date(2015, 6, 1)))
    with pytest.raises(ReportDataError, match=r"^metadata\.date: the report is dated 2015-06-01"):
        validate(report)


def test_a_meeting_outside_the_assignment_is_rejected() -> None:
    meetings = example().activities.meetings
    assert meetings is not None
    late = evolve(meetings, notable=[Meeting(Month(2020, 1))])
    report = evolve(example(), activities=evolve(example().activities, meetings=late))
    with pytest.raises(ReportDataError, match=r"activities\.meetings\.notable\[0\]\.month"):
        validate(report)


def test_a_visit_to_an_unknown_project_suggests_the_closest_id() -> None:
    visits = ProjectVisits(["smart-industri-nmss"])
    report = evolve(example(), activities=evolve(example().activities, visits=visits))
    with pytest.raises(ReportDataError, match=r"did you mean 'smart-industri-nms'"):
        validate(report)


def test_research_citing_an_unknown_publication_is_rejected() -> None:
    research = [Research("Ett universitet", publications=["okand-rapport"])]
    report = evolve(example(), activities=evolve(example().activities, research=research))
    with pytest.raises(
        ReportDataError, match=r"activities\.research\[0\]\.publications\[0\]: no publication"
    ):
        validate(report)


def test_a_project_funded_by_an_assignment_the_programme_lacks_is_rejected() -> None:
    projects = list(example().projects)
    projects[0] = evolve(projects[0], also_funded_by=["Digitaliseringslyft"])
    with pytest.raises(ReportDataError, match=r"did you mean 'Digitaliseringslyftet'"):
        validate(evolve(example(), projects=projects))


def test_a_duplicate_funding_source_is_rejected_by_id_and_by_name() -> None:
    account = example().account
    assert account is not None
    twice = evolve(account, sources=[*account.sources, account.sources[0]], published={})
    found = paths_of_validate(evolve(example(), account=twice))
    assert found == {"account.sources[2].id", "account.sources[2].name"}


def test_a_rule_naming_an_unknown_funding_source_is_rejected() -> None:
    rules = [
        evolve(r, source="okand") if isinstance(r, ProgrammeCostsCap) else r
        for r in example().rules
    ]
    with pytest.raises(ReportDataError, match=r"rules\[3\]\.source: no funding source 'okand'"):
        validate(evolve(example(), rules=rules))


def test_every_problem_is_listed_with_its_path() -> None:
    projects = example().projects
    report = evolve(
        example(),
        projects=[*projects, projects[0], projects[1]],
        metadata=evolve(example().metadata, date=date(2015, 1, 1)),
    )
    with pytest.raises(ReportDataError) as raised:
        validate(report)
    lines = str(raised.value).splitlines()
    assert lines[0] == "3 problems:"
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        "metadata.date",
        "projects[5].id",
        "projects[6].id",
    ]


def test_a_problem_reads_as_its_path_and_message() -> None:
    assert str(Problem(("projects", 3, "granted"), "is wrong")) == "projects[3].granted: is wrong"


@pytest.mark.parametrize("call", ["compose", "check", "render"])
def test_compose_check_and_render_validate_first(call: str) -> None:
    from smartind_render import render

    projects = example().projects
    report = evolve(example(), projects=[*projects, projects[0]])
    with pytest.raises(ReportDataError, match=r"projects\[5\]\.id"):
        if call == "compose":
            smartind.compose(report)
        elif call == "check":
            smartind.check(report)
        else:
            render(report, "markdown")


# --------------------------------------------------------------------------------------------
# Properties: mutations made in Python


def _ids(report: Report) -> list[str]:
    return [p.id for p in report.projects]


@st.composite
def python_mutations(draw: st.DrawFn) -> Report:
    """The bundled example with one to three changes, each of which may break a cross-check."""
    report = example()
    for _ in range(draw(st.integers(1, 3))):
        how = draw(
            st.sampled_from(
                [
                    "project-id",
                    "date",
                    "meeting",
                    "visit",
                    "research",
                    "funded-by",
                    "source",
                    "rule-source",
                    "statement-id",
                    "publication-id",
                    "rule-id",
                    "visit-months",
                ]
            )
        )
        report = _mutate(draw, report, how)
    return report


def _other_id(draw: st.DrawFn, ids: list[str]) -> str:
    return draw(st.sampled_from([*ids, "okand", "digilyft-vasterbotten2"]))


def _mutate(draw: st.DrawFn, report: Report, how: str) -> Report:
    activities = report.activities
    account = report.account
    assert account is not None
    match how:
        case "project-id":
            i = draw(st.integers(0, len(report.projects) - 1))
            projects = list(report.projects)
            projects[i] = evolve(projects[i], id=_other_id(draw, _ids(report)))
            return evolve(report, projects=projects)
        case "date":
            start = report.assignment.period.start
            day = start + timedelta(days=draw(st.integers(-400, 1500)))
            return evolve(report, metadata=evolve(report.metadata, date=day))
        case "meeting":
            assert activities.meetings is not None
            month = Month(draw(st.integers(2014, 2021)), draw(st.integers(1, 12)))
            meetings = evolve(activities.meetings, notable=[Meeting(month)])
            return evolve(report, activities=evolve(activities, meetings=meetings))
        case "visit":
            assert activities.visits is not None
            visited = draw(st.lists(st.sampled_from([*_ids(report), "okand"]), max_size=3))
            visits = evolve(activities.visits, projects=visited)
            return evolve(report, activities=evolve(activities, visits=visits))
        case "visit-months":
            assert activities.visits is not None
            months = st.builds(Month, st.integers(2014, 2021), st.integers(1, 12))
            first, last = sorted(draw(st.lists(months, min_size=2, max_size=2)))
            visits = evolve(activities.visits, start=first, end=last)
            return evolve(report, activities=evolve(activities, visits=visits))
        case "research":
            ids = [p.id for p in activities.publications]
            cited = draw(st.lists(st.sampled_from([*ids, "okand-rapport"]), max_size=2))
            research = [evolve(activities.research[0], publications=cited)]
            return evolve(report, activities=evolve(activities, research=research))
        case "funded-by":
            assert report.programme is not None
            names = [a.name for a in report.programme.assignments]
            i = draw(st.integers(0, len(report.projects) - 1))
            funded = draw(st.lists(st.sampled_from([*names, "Okänt lyft"]), max_size=2))
            projects = list(report.projects)
            projects[i] = evolve(projects[i], also_funded_by=funded)
            return evolve(report, projects=projects)
        case "source":
            i = draw(st.integers(0, len(account.sources) - 1))
            j = draw(st.integers(0, len(account.sources) - 1))
            field = draw(st.sampled_from(["id", "name"]))
            sources = list(account.sources)
            sources[i] = evolve(sources[i], **{field: getattr(sources[j], field)})
            return evolve(report, account=evolve(account, sources=sources))
        case "rule-source":
            source = draw(st.sampled_from([*(s.id for s in account.sources), "okand-kalla"]))
            rules = [
                evolve(r, source=source) if isinstance(r, ProgrammeCostsCap) else r
                for r in report.rules
            ]
            return evolve(report, rules=rules)
        case "statement-id":
            statements = list(report.statements)
            statements[-1] = evolve(statements[-1], id=draw(st.sampled_from(
                [s.id for s in statements]
            )))  # fmt: skip
            return evolve(report, statements=statements)
        case "publication-id":
            publications = list(activities.publications)
            i = draw(st.integers(0, len(publications) - 1))
            publications[i] = evolve(publications[i], id=publications[0].id)
            return evolve(report, activities=evolve(activities, publications=publications))
        case "rule-id":
            rules = list(report.rules)
            rules[-1] = evolve(rules[-1], id=draw(st.sampled_from([r.id for r in rules])))
            return evolve(report, rules=rules)
    raise AssertionError(how)


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(python_mutations())
def test_a_report_validate_accepts_survives_dump_and_load(report: Report) -> None:
    try:
        validate(report)
    except ReportDataError:
        return
    assert loads_report(dump_report(report)) == report
    assert loads_report(dump_report(report, "json"), "json") == report


@PROPERTY
@given(python_mutations())
def test_a_report_validate_rejects_is_rejected_by_the_loader_at_the_same_paths(
    report: Report,
) -> None:
    expected = paths_of_validate(report)
    found = paths_of_loader(dump_report(report))
    assert found == (expected or None)


# --------------------------------------------------------------------------------------------
# Properties: mutations made to the TOML data


@cache
def example_data() -> dict[str, Any]:
    import tomllib

    text = (bundled_example_path() / "report.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


# Where the cross-field checks look, and the values that may break them.
_TARGETS: list[tuple[tuple[Any, ...], st.SearchStrategy[Any]]] = [
    (("projects", 1, "id"), st.sampled_from(["digilyft-vasterbotten", "ny", "smart-industri-nms"])),
    (
        ("projects", 0, "also_funded_by"),
        st.lists(st.sampled_from(["Robotlyftet", "Okänt"]), max_size=3),
    ),
    (("metadata", "date"), st.dates(date(2014, 1, 1), date(2020, 12, 31))),
    (("activities", "visits", "projects", 2), st.sampled_from(["smart-industri-nms", "nms"])),
    (
        ("activities", "research", 0, "publications"),
        st.lists(st.sampled_from(["x", "film"]), max_size=3),
    ),
    (("activities", "meetings", "notable", 0, "month"), st.sampled_from(["2015-12", "2017-05"])),
    (("activities", "publications", 1, "id"), st.sampled_from(["smart-industri-strategi", "n"])),
    (("account", "sources", 1, "id"), st.sampled_from(["sarskilda-medel", "annan"])),
    (("account", "sources", 1, "name"), st.sampled_from(["Särskilda medel", "Annat"])),
    (("rules", 3, "source"), st.sampled_from(["sarskilda-medel", "forvaltningsanslaget", "x"])),
    (("statements", 1, "id"), st.sampled_from(["companies-advised", "annat"])),
    (("rules", 1, "id"), st.sampled_from(["minst-20-mkr-till-projekt", "annan-regel"])),
]


def _set(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    node: Any = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


@PROPERTY
@given(st.data())
def test_a_report_the_loader_rejects_is_rejected_by_validate_at_the_same_paths(
    data: st.DataObject,
) -> None:
    from smartind.load._converter import structure

    tree = copy.deepcopy(example_data())
    for _ in range(data.draw(st.integers(1, 3))):
        path, values = data.draw(st.sampled_from(_TARGETS))
        _set(tree, path, data.draw(values))
    text = json.dumps(tree, default=str, ensure_ascii=False)
    found = paths_of_loader(text, "json")
    report, construction = structure(tree, Report)
    assert construction == []  # every target above is checked across fields, not in one class
    assert report is not None
    assert (paths_of_validate(report) or None) == found
