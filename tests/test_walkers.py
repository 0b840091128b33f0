"""Every walk over the document model ends in ``assert_never``: mypy names it when a node is added.

mypy reports an ``assert_never`` that a new, unhandled node type can reach; this test makes sure
no walk leaves the check out (a ``match`` over a node without it would silently skip the node).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

# The names the code gives a document node it matches on.
_NODE_NAMES = {"block", "inline", "node"}


def _walks() -> list[tuple[str, ast.Match]]:
    found = []
    for path in sorted((ROOT / "src").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for match in (n for n in ast.walk(tree) if isinstance(n, ast.Match)):
            if isinstance(match.subject, ast.Name) and match.subject.id in _NODE_NAMES:
                found.append((f"{path.relative_to(ROOT)}:{match.lineno}", match))
    return found


def _ends_in_assert_never(match: ast.Match) -> bool:
    last = match.cases[-1]
    catch_all = isinstance(last.pattern, ast.MatchAs) and last.pattern.pattern is None
    calls = [s.value for s in last.body if isinstance(s, ast.Expr)]
    return catch_all and any(
        isinstance(c, ast.Call) and isinstance(c.func, ast.Name) and c.func.id == "assert_never"
        for c in calls
    )


def test_the_core_and_every_renderer_walk_the_model() -> None:
    where = {place.split(":")[0] for place, _ in _walks()}
    assert {
        str(Path("src/smartind/document.py")),
        str(Path("src/smartind/compose/_expr.py")),
        str(Path("src/smartind_render/docx/_blocks.py")),
        str(Path("src/smartind_render/html/_walk.py")),
        str(Path("src/smartind_render/markdown/_writer.py")),
    } <= where


@pytest.mark.parametrize(
    ("place", "match"), _walks(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_a_walk_ends_in_assert_never(place: str, match: ast.Match) -> None:
    assert _ends_in_assert_never(match), f"{place}: the match does not end in assert_never"
