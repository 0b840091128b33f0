"""The corpus of broken report folders: each fails with a message a report writer can act on.

Each ``tests/load/broken/<case>/`` holds a report folder and ``expected.txt``: its first line
names the error class, every further line is a fragment the message must contain (file, line, key
path and what to do).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import smartind.errors
from smartind.cli import main
from smartind.load import load_report

BROKEN = Path(__file__).parent / "broken"
CASES = sorted(p.name for p in BROKEN.iterdir() if (p / "expected.txt").is_file())


def expectation(case: str) -> tuple[type[smartind.errors.SmartindError], list[str]]:
    first, *fragments = (BROKEN / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    error_class = getattr(smartind.errors, first)
    assert issubclass(error_class, smartind.errors.SmartindError)
    return error_class, [f for f in fragments if f]


def test_the_corpus_covers_every_kind_of_bad_input() -> None:
    wanted = {
        "wrong-type", "float-money", "unknown-key", "missing-required", "unknown-region",
        "duplicate-project-ids", "negative-grant", "report-before-period",
        "meeting-outside-period", "invalid-toml", "chapter-not-utf8",
    }  # fmt: skip
    assert wanted <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_broken_report_raises_the_expected_error(case: str) -> None:
    error_class, fragments = expectation(case)
    with pytest.raises(error_class) as caught:
        load_report(BROKEN / case)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message


@pytest.mark.parametrize("case", CASES)
def test_broken_report_message_names_the_file(case: str) -> None:
    with pytest.raises(smartind.errors.SmartindError) as caught:
        load_report(BROKEN / case)
    assert str(BROKEN / case) in str(caught.value)


@pytest.mark.parametrize("case", CASES)
def test_broken_report_is_one_problem(case: str) -> None:
    """Each case breaks one thing, so the message is one line, not a list."""
    with pytest.raises(smartind.errors.SmartindError) as caught:
        load_report(BROKEN / case)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("case", CASES)
def test_broken_report_gives_exit_status_2_without_traceback(
    case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("smartind.cli._check", reason="the check command is not built yet")
    assert main(["check", str(BROKEN / case)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("smartind: ")
    assert "Traceback" not in err
