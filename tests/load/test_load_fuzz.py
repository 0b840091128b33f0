"""The loader raises nothing but SmartindError, whatever TOML it is given."""

from __future__ import annotations

import contextlib
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartind.errors import SmartindError
from smartind.load import loads_report
from smartind.load._dump import to_toml

EXAMPLE = (
    Path(__file__).resolve().parent.parent.parent
    / "src/smartind/examples/smart-industri-i-regionerna-2019/report.toml"
)
KEYS = st.sampled_from(
    ["metadata", "assignment", "projects", "id", "name", "granted", "regions", "kind", "date",
     "period", "start", "end", "budget", "original", "activities", "meetings", "x", "rules"]
) | st.text(max_size=6)  # fmt: skip
LEAVES = (
    st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.booleans()
    | st.text(max_size=12)
    | st.dates(date(1, 1, 1), date(9999, 12, 31))
    | st.sampled_from(["2,5 mkr", "20 197 tkr", "50 %", "2018-12", "Skåne", "över 150 företag"])
)
TREES = st.recursive(
    LEAVES,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(KEYS, children, max_size=4),
    max_leaves=12,
)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_only_smartind_errors(text: str) -> None:
    with contextlib.suppress(SmartindError):
        loads_report(text)


@FUZZ
@given(st.dictionaries(KEYS, TREES, max_size=6))
def test_random_toml_documents_raise_only_smartind_errors(tree: dict[str, Any]) -> None:
    assert_only_smartind_errors(to_toml(tree))


@FUZZ
@given(st.text(max_size=200))
def test_random_text_raises_only_smartind_errors(text: str) -> None:
    assert_only_smartind_errors(text)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*path, index)))
    return found


def _mutate(tree: dict[str, Any], path: tuple[Any, ...], how: str, new: Any) -> None:
    parent: Any = tree
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if how == "drop":
        del parent[last]
    elif how == "rename" and isinstance(parent, dict):
        parent[f"{last}x"] = parent.pop(last)
    else:
        parent[last] = new


@pytest.fixture(scope="module")
def example() -> dict[str, Any]:
    if not EXAMPLE.is_file():
        pytest.skip("the bundled example's report.toml is not written yet")
    return tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))


@FUZZ
@given(data=st.data())
def test_mutations_of_the_example_raise_only_smartind_errors(
    example: dict[str, Any], data: st.DataObject
) -> None:
    tree = tomllib.loads(to_toml(example))  # a fresh copy
    for _ in range(data.draw(st.integers(1, 3))):
        paths = _paths(tree)
        if not paths:
            break
        path = data.draw(st.sampled_from(paths))
        how = data.draw(st.sampled_from(["drop", "rename", "replace"]))
        _mutate(tree, path, how, data.draw(LEAVES | st.lists(LEAVES, max_size=2)))
    assert_only_smartind_errors(to_toml(tree))
