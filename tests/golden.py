"""Golden files: rendered output compared with a reviewed copy under ``tests/golden/``.

A golden file changes only on purpose: run the tests with ``SMARTIND_UPDATE_GOLDEN=1`` to write
the current output, then review the difference with ``git diff tests/golden`` before committing.
Without the variable a missing or different golden file fails the test, never updates it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

__all__ = ["GOLDEN", "UPDATE_VARIABLE", "assert_golden"]

GOLDEN = Path(__file__).resolve().parent / "golden"
"""The folder of golden files; ``name`` arguments are relative to it."""

UPDATE_VARIABLE = "SMARTIND_UPDATE_GOLDEN"

_DIFF_LINES = 80


def assert_golden(name: str, text: str) -> None:
    """Fail unless ``text`` equals the golden file ``tests/golden/<name>`` byte for byte.

    With ``SMARTIND_UPDATE_GOLDEN=1`` the file is written instead (and the test passes).
    """
    path = GOLDEN / name
    if os.environ.get(UPDATE_VARIABLE) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    if not path.exists():
        pytest.fail(
            f"no golden file {path.relative_to(GOLDEN.parent)}; run the test with "
            f"{UPDATE_VARIABLE}=1 to write it, then review it before committing"
        )
    expected = path.read_bytes().decode("utf-8")
    if text != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            text.splitlines(keepends=True),
            fromfile=f"golden/{name}",
            tofile="rendered",
        )
        shown = "".join(list(diff)[:_DIFF_LINES])
        pytest.fail(
            f"the output differs from golden/{name}; if the change is intended, rerun with "
            f"{UPDATE_VARIABLE}=1 and review the diff\n{shown}",
            pytrace=False,
        )
