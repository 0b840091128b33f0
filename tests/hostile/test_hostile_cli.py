"""A corpus of hostile inputs, each run through the real command line under a time and memory limit.

Every case must end within seconds and bounded memory with exit status 2, a message that says
what and where, no traceback, and nothing on disk changed. The cases follow the hostile-input
report item by item (issue 15); the numbers in the case ids are its items.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

from smartind.examples import bundled_example_path

TIME_LIMIT = 60  # seconds; every case takes about one
MEMORY_LIMIT = 2 * 2**30  # bytes of address space for the child

Setup = Callable[[Path], list[str]]
"""Changes a copy of the bundled report and returns the command line arguments to run."""


@attrs.frozen
class Case:
    id: str
    setup: Setup
    message: str


def _chapter(text: str) -> Setup:
    def setup(report: Path) -> list[str]:
        (report / "chapters" / "99-x.md").write_text(text, encoding="utf-8")
        return ["render", str(report), "-f", "markdown", "-o", str(report / "ut.md")]

    return setup


def _expression(expression: str) -> Setup:
    return _chapter(f"# Rubrik\n\nText {{{{ {expression} }}}} här.\n")


def _toml(change: Callable[[str], str]) -> Setup:
    def setup(report: Path) -> list[str]:
        toml = report / "report.toml"
        toml.write_text(change(toml.read_text(encoding="utf-8")), encoding="utf-8")
        return ["render", str(report), "-f", "markdown", "-o", str(report / "ut.md")]

    return setup


def _output(target: Callable[[Path], Path], *flags: str) -> Setup:
    def setup(report: Path) -> list[str]:
        return ["render", str(report), "-f", "markdown", "-o", str(target(report)), *flags]

    return setup


def _fifo(report: Path) -> Path:
    os.mkfifo(report / "rör.md")
    return report / "rör.md"


def _link_to_null(report: Path) -> Path:
    (report / "ut.md").symlink_to("/dev/null")
    return report / "ut.md"


def _chapter_link(target: str) -> Setup:
    def setup(report: Path) -> list[str]:
        (report / "chapters" / "99-x.md").symlink_to(target)
        return ["render", str(report), "-f", "markdown", "-o", str(report / "ut.md")]

    return setup


def _chapter_fifo(report: Path) -> list[str]:
    os.mkfifo(report / "chapters" / "99-x.md")
    return ["render", str(report), "-f", "markdown", "-o", str(report / "ut.md")]


def _chapters_file(report: Path) -> list[str]:
    shutil.rmtree(report / "chapters")
    (report / "chapters").write_text("inte en mapp\n", encoding="utf-8")
    return ["render", str(report), "-f", "markdown", "-o", str(report / "ut.md")]


def _rendered_then(edit: Callable[[Path], None], fmt: str, name: str) -> Setup:
    def setup(report: Path) -> list[str]:
        args = ["render", str(report), "-f", fmt, "-o", str(report / name)]
        subprocess.run([sys.executable, "-m", "smartind", *args], check=True, capture_output=True)
        edit(report / name)
        return args

    return setup


def _note_on_stamp_line(path: Path) -> None:
    path.write_bytes(path.read_bytes().rstrip(b"\n") + b" Granskad av NN.\n")


def _other_custom_property(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members["docProps/custom.xml"] = members["docProps/custom.xml"].replace(
        b"</Properties>",
        b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Status">'
        b"<vt:lpwstr>Granskad</vt:lpwstr></property></Properties>",
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    path.write_bytes(buffer.getvalue())


def _refresh(make: Callable[[Path], None]) -> Setup:
    """``smartind refresh`` of a draft ``make`` writes (or puts in place)."""

    def setup(report: Path) -> list[str]:
        make(report / "utkast.docx")
        return ["refresh", str(report / "utkast.docx"), str(report)]

    return setup


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b"\0" * 2**20
            for _ in range(400):  # 400 MiB that deflate to well under 1 MiB
                member.write(chunk)


def _entity_expansion(path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "smartind", "render", str(path.parent), "-o", str(path)],
        check=True,
        capture_output=True,
    )
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10 if n else "ha"}">' for n in range(10))
    body = members["word/document.xml"].split(b"?>", 1)[1]
    members["word/document.xml"] = (
        f"<?xml version='1.0'?><!DOCTYPE w:document [{laughs}]>".encode()
        + body.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p>", 1)
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)


def _nested_list(depth: int) -> str:
    return "".join("  " * level + f"- punkt{level}\n" for level in range(depth))


CASES = [
    # 1: content that would have been dropped silently
    Case(
        "1-list-ten-deep",
        _chapter("# A\n\n" + _nested_list(10) + "\nVIKTIG TEXT\n"),
        "99-x.md, line 12: lists, block quotes and callouts nest more than 20 levels",
    ),
    # 2: paths that are not regular files
    Case("2-output-dev-full", _output(lambda _: Path("/dev/full")), "/dev/full is a device"),
    Case("2-output-fifo", _output(_fifo), "is a named pipe; smartind writes only to a regular"),
    Case("2-output-link-to-device-forced", _output(_link_to_null, "--force"), "is a device"),
    Case("2-chapter-link-to-dev-zero", _chapter_link("/dev/zero"), "outside the report folder"),
    Case("2-chapter-link-to-passwd", _chapter_link("/etc/passwd"), "outside the report folder"),
    Case("2-chapter-fifo", _chapter_fifo, "is a named pipe, not a regular file"),
    # 3: expressions without limits
    Case("3-string-times-a-billion", _expression("'a' * 10**9"), "a text of 1 000 000 000"),
    Case("3-length-of-ten-billion", _expression("('a' * 10**10) | length"), "characters"),
    Case("3-million-digit-number", _expression("(10**(10**6)) | count"), "1 000 000 digits"),
    Case(
        "3-join-of-joins",
        _expression("range(99999) | join(range(99999)|join)"),
        "the most is 1 000 000",
    ),
    Case("3-today", _expression("report.metadata.date.today()"), "attribute 'today' of 'date'"),
    Case("3-format-width", _expression("'%0999999999d' % 1"), "field millions of characters"),
    Case("3-random", _expression("[1, 2] | random"), "No filter named 'random'"),
    # 4: edits that went unseen
    Case(
        "4-note-on-the-stamp-line",
        _rendered_then(_note_on_stamp_line, "markdown", "ut.md"),
        "ut.md was edited after smartind wrote it",
    ),
    Case(
        "4-docx-custom-property-only",
        _rendered_then(_other_custom_property, "docx", "ut.docx"),
        "ut.docx was edited after smartind wrote it",
    ),
    # 5: tracebacks
    Case("5-brackets-70-deep", _expression("(" * 70 + "1" + ")" * 70), "nest 70 levels deep"),
    Case("5-thousand-filters", _expression("1" + "|abs" * 1000), "characters long; the most is"),
    Case("5-thousand-terms", _expression("+".join(["1"] * 400)), "chains 399 operators"),
    Case(
        "5-toml-arrays-1000-deep",
        _toml(lambda t: t + "\nx = " + "[" * 1000 + "]" * 1000 + "\n"),
        "arrays or tables nest more than 32 levels deep",
    ),
    Case(
        "5-toml-tables-1000-deep",
        _toml(lambda t: t + "\nx = " + "{a = " * 1000 + "1" + "}" * 1000 + "\n"),
        "arrays or tables nest more than 32 levels deep",
    ),
    Case(
        "5-toml-integer-5000-digits",
        _toml(lambda t: t + "\nx = " + "9" * 5000 + "\n"),
        "a number with thousands of digits",
    ),
    Case(
        "5-report-date-year-3001",
        _toml(lambda t: t.replace("date = 2019-02-27", "date = 3001-02-27", 1)),
        "metadata.date: ReportMetadata.date takes a date in the years 1900 to 2999",
    ),
    Case(
        "5-period-before-1900",
        _toml(lambda t: t.replace("start = 2016-01-01", "start = 1850-01-01", 1)),
        "assignment.period.start: Period.start takes a date in the years 1900 to 2999",
    ),
    Case(
        "5-hundred-thousand-emphasis-marks",
        _chapter("# A\n\n" + "*" * 100_000 + "x" + "*" * 100_000 + "\n"),
        "emphasis, bold and links nest more than 32 levels deep",
    ),
    # 6: inputs taken without a word
    Case("6-chapters-is-a-file", _chapters_file, "is not a folder; chapters are read from"),
    # 10: drafts given to smartind refresh
    Case("10-refresh-zip-bomb", _refresh(_zip_bomb), "more than smartind reads"),
    Case("10-refresh-entity-expansion", _refresh(_entity_expansion), "the draft"),
    Case("10-refresh-draft-fifo", _refresh(os.mkfifo), "is a named pipe"),
    Case(
        "10-refresh-draft-link-to-dev-zero",
        _refresh(lambda p: p.symlink_to("/dev/zero")),
        "is a device",
    ),
]


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _snapshot(folder: Path) -> dict[str, str]:
    """Every entry under ``folder``: regular files by content, anything else by kind and target."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        name = str(path.relative_to(folder))
        if stat.S_ISLNK(info.st_mode):
            found[name] = "link to " + str(path.readlink())
        elif stat.S_ISREG(info.st_mode):
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[name] = stat.filemode(info.st_mode)
    return found


@pytest.mark.skipif(os.name != "posix", reason="links, pipes and resource limits are POSIX")
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input_is_refused_quickly_and_cleanly(case: Case, tmp_path: Path) -> None:
    report = tmp_path / "rapport"
    shutil.copytree(bundled_example_path(), report)
    args = case.setup(report)
    before = _snapshot(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "smartind", *args],
        capture_output=True,
        text=True,
        timeout=TIME_LIMIT,
        preexec_fn=_limit_memory,
        env={**os.environ, "SMARTIND_NO_CACHE": "1"},
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert case.message in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    assert _snapshot(tmp_path) == before
