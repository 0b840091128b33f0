"""The cache of composed documents behind ``smartind render``.

A hit must be indistinguishable from composing afresh (same bytes, same warnings), any change to
an input must miss, and a cache that is broken, unwritable or switched off must never change the
result. Every test points ``SMARTIND_CACHE_DIR`` at its own folder, so none touches the home
folder's cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartind.cli import _cache as _render_cache
from smartind.cli import main
from smartind.document import Document, Metadata, Paragraph, Text
from smartind.errors import SmartindWarning
from smartind.examples import bundled_example_path

# By module: the package exports functions named like these modules, which hide them as attributes.
compose_module = import_module("smartind.compose")
load_module = import_module("smartind.load")

EPOCH = "1551225600"
UNUSED_NOTE = "\n[^oanvand]: En fotnot som ingen mening i kapitlet pekar på.\n"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own, with the cache switched on."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(_render_cache.CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(_render_cache.NO_CACHE_ENV, raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return folder


@pytest.fixture
def report(tmp_path: Path) -> Path:
    """An editable copy of the bundled report."""
    folder = tmp_path / "rapport"
    shutil.copytree(bundled_example_path(), folder)
    return folder


class ComposeSpy:
    """Counts calls of :func:`compose_module.compose` and can forbid them."""

    def __init__(self, real: Callable[..., Document]) -> None:
        self.real = real
        self.calls = 0
        self.forbidden = False

    def __call__(self, *args: Any, **kwargs: Any) -> Document:
        if self.forbidden:
            raise AssertionError("composed although the cache holds this document")
        self.calls += 1
        return self.real(*args, **kwargs)


@pytest.fixture
def composing(monkeypatch: pytest.MonkeyPatch) -> ComposeSpy:
    spy = ComposeSpy(compose_module.compose)
    monkeypatch.setattr(compose_module, "compose", spy)
    return spy


def render(report: Path, output: Path, *options: str) -> int:
    return main(["render", str(report), "-o", str(output), "--force", *options])


def entries(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("render-"))


def test_a_hit_writes_the_same_bytes_as_composing_afresh(
    tmp_path: Path, cache: Path, report: Path, composing: ComposeSpy
) -> None:
    assert render(report, tmp_path / "fresh.docx", "--no-cache") == 0
    assert render(report, tmp_path / "miss.docx") == 0
    composing.forbidden = True
    assert render(report, tmp_path / "hit.docx") == 0
    fresh = (tmp_path / "fresh.docx").read_bytes()
    assert (tmp_path / "miss.docx").read_bytes() == fresh
    assert (tmp_path / "hit.docx").read_bytes() == fresh
    assert len(entries(cache)) == 1


def test_the_bundled_report_is_cached_too(
    tmp_path: Path, cache: Path, composing: ComposeSpy
) -> None:
    assert main(["render", "-f", "markdown", "-o", str(tmp_path / "a.md")]) == 0
    composing.forbidden = True
    assert main(["render", "-f", "markdown", "-o", str(tmp_path / "b.md")]) == 0
    assert (tmp_path / "a.md").read_bytes() == (tmp_path / "b.md").read_bytes()


def _touch_report(report: Path) -> list[str]:
    toml = report / "report.toml"
    toml.write_bytes(toml.read_bytes() + "# en kommentar ändrar inget i rapporten\n".encode())
    return []


def _touch_chapter(report: Path) -> list[str]:
    chapter = report / "chapters" / "01-uppdraget.md"
    chapter.write_bytes(chapter.read_bytes() + b"\nEn mening till.\n")
    return []


def _add_chapter(report: Path) -> list[str]:
    (report / "chapters" / "99-tillagg.md").write_text("# Tillägg\n\nEtt nytt kapitel.\n")
    return []


def _rename_chapter(report: Path) -> list[str]:
    chapters = report / "chapters"
    (chapters / "04-ekonomisk-redovisning.md").rename(chapters / "05-ekonomisk-redovisning.md")
    return []


def _other_style(report: Path) -> list[str]:
    return ["--style", "sprakradet"]


@pytest.mark.parametrize(
    "change", [_touch_report, _touch_chapter, _add_chapter, _rename_chapter, _other_style]
)
def test_any_change_to_the_inputs_composes_again(
    tmp_path: Path,
    cache: Path,
    report: Path,
    composing: ComposeSpy,
    change: Callable[[Path], list[str]],
) -> None:
    assert render(report, tmp_path / "a.docx") == 0
    options = change(report)
    assert render(report, tmp_path / "b.docx", *options) == 0
    assert composing.calls == 2
    assert len(entries(cache)) == 2


_FILES = st.sampled_from(["report.toml", "chapters/00-sammanfattning.md", "chapters/b.md"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=_FILES, position=st.integers(min_value=0), value=st.integers(0, 255))
def test_the_key_changes_with_any_byte_of_any_input(
    tmp_path: Path, name: str, position: int, value: int
) -> None:
    folder = tmp_path / "nyckel"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "chapters").mkdir(parents=True)
    files = {
        "report.toml": b'[metadata]\nkind = "slutrapport"\n',
        "chapters/00-sammanfattning.md": b"# Sammanfattning\n\nKort.\n",
        "chapters/b.md": b"# B\n",
    }
    for relative, original in files.items():
        (folder / relative).write_bytes(original)
    before = _render_cache.input_key(folder, None)
    changed = bytearray(files[name])
    at = position % len(changed)
    if changed[at] == value:
        changed.append(value)  # still a change: one byte longer
    else:
        changed[at] = value
    (folder / name).write_bytes(bytes(changed))
    after = _render_cache.input_key(folder, None)
    assert before is not None and after is not None
    assert before != after


def test_the_key_does_not_depend_on_where_the_folder_is(tmp_path: Path, report: Path) -> None:
    elsewhere = tmp_path / "annan" / "plats"
    shutil.copytree(report, elsewhere)
    assert _render_cache.input_key(report, None) == _render_cache.input_key(elsewhere, None)
    assert _render_cache.input_key(report, None) == _render_cache.input_key(
        report / "report.toml", None
    )


def test_the_key_names_the_same_files_as_the_loader() -> None:
    assert _render_cache._REPORT_FILE == load_module.REPORT_FILE
    assert _render_cache._CHAPTER_DIR == load_module.CHAPTER_DIR


# The files opened while a test that asks for them runs. An audit hook cannot be removed, so
# there is one for the whole session and it records only while the list is not None.
_opened: list[list[str]] = []


def _record_open(event: str, args: tuple[Any, ...]) -> None:
    if _opened and event == "open" and isinstance(args[0], str | os.PathLike):
        _opened[-1].append(os.path.realpath(args[0]))


sys.addaudithook(_record_open)


@pytest.fixture
def opened() -> Iterator[list[str]]:
    _opened.append([])
    try:
        yield _opened[-1]
    finally:
        _opened.pop()


def test_the_key_covers_exactly_the_files_the_loader_reads(report: Path, opened: list[str]) -> None:
    (report / "chapters" / "notes.txt").write_text("not a chapter\n")
    opened.clear()
    compose_module.compose(load_module.load_report(report))
    inside = str(report.resolve()) + os.sep
    read = {path for path in opened if path.startswith(inside)}
    keyed = {os.path.realpath(path) for _, path in _render_cache._inputs(report)}
    assert read == keyed


def _entry_of(payload: bytes) -> bytes:
    return _render_cache._FORMAT + hashlib.sha256(payload).digest() + payload


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: b"not a cache entry", id="garbage"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:-1] + bytes([data[-1] ^ 1]), id="one bit flipped"),
        pytest.param(
            lambda data: _entry_of(pickle.dumps("x")),
            id="valid checksum, not a document",
        ),
    ],
)
def test_a_damaged_entry_is_ignored_and_replaced(
    tmp_path: Path,
    cache: Path,
    report: Path,
    composing: ComposeSpy,
    damage: Callable[[bytes], bytes],
) -> None:
    assert render(report, tmp_path / "a.docx") == 0
    (entry,) = cache.iterdir()
    entry.write_bytes(damage(entry.read_bytes()))
    assert render(report, tmp_path / "b.docx") == 0
    assert composing.calls == 2
    assert (tmp_path / "b.docx").read_bytes() == (tmp_path / "a.docx").read_bytes()
    composing.forbidden = True
    assert render(report, tmp_path / "c.docx") == 0  # the damaged entry was written anew


def test_an_entry_that_is_not_a_file_is_ignored(
    tmp_path: Path, cache: Path, report: Path, composing: ComposeSpy
) -> None:
    key = _render_cache.input_key(report, None)
    assert key is not None
    (cache / f"render-{key}.json").mkdir(parents=True)
    assert render(report, tmp_path / "a.docx") == 0
    assert composing.calls == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_in_place_of_an_entry_is_ignored(
    tmp_path: Path, cache: Path, report: Path, composing: ComposeSpy
) -> None:
    key = _render_cache.input_key(report, None)
    assert key is not None
    cache.mkdir()
    os.mkfifo(cache / f"render-{key}.json")
    assert render(report, tmp_path / "a.docx") == 0
    assert composing.calls == 1


def test_a_cache_folder_that_cannot_be_created_changes_nothing(
    tmp_path: Path, report: Path, monkeypatch: pytest.MonkeyPatch, composing: ComposeSpy
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    blocker = tmp_path / "en-fil"
    blocker.write_text("a file where the cache folder's parent should be\n")
    monkeypatch.setenv(_render_cache.CACHE_DIR_ENV, str(blocker / "cache"))
    assert render(report, tmp_path / "a.docx") == 0
    assert render(report, tmp_path / "b.docx") == 0
    assert composing.calls == 2
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


def test_an_entry_whose_warning_cannot_be_named_is_not_stored(tmp_path: Path) -> None:
    class LocalWarning(UserWarning):
        """Defined in a function: no module holds it by name."""

    document = Document(Metadata("Rapport"), [Paragraph([Text("Text.")])])
    _render_cache.write_entry(tmp_path, "0" * 64, document, [(LocalWarning, "m", "f", 1)])
    assert list(tmp_path.iterdir()) == []


def test_a_written_entry_reads_back_equal(tmp_path: Path) -> None:
    document = Document(Metadata("Rapport"), [Paragraph([Text("Text.")])])
    issued = [(UserWarning, "ett varningsmeddelande", "fil.py", 3)]
    _render_cache.write_entry(tmp_path, "1" * 64, document, issued)
    assert _render_cache.read_entry(tmp_path, "1" * 64) == (document, tuple(issued))
    assert _render_cache.read_entry(tmp_path, "2" * 64) is None


def test_warnings_are_shown_again_on_a_hit(
    tmp_path: Path,
    cache: Path,
    report: Path,
    composing: ComposeSpy,
    capsys: pytest.CaptureFixture[str],
) -> None:
    chapter = report / "chapters" / "02-slutsatser.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + UNUSED_NOTE, encoding="utf-8")
    assert render(report, tmp_path / "a.docx") == 0
    miss = capsys.readouterr().err
    assert "footnote [^oanvand] is defined but never used" in miss
    composing.forbidden = True
    assert render(report, tmp_path / "b.docx") == 0
    assert capsys.readouterr().err == miss


def test_warnings_are_stored_whatever_the_callers_filters(
    tmp_path: Path, cache: Path, report: Path
) -> None:
    from smartind.cli._render import _document

    chapter = report / "chapters" / "02-slutsatser.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + UNUSED_NOTE, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _document(report, None, refuse_cache=False)
    key = _render_cache.input_key(report, None)
    assert key is not None
    entry = _render_cache.read_entry(cache, key)
    assert entry is not None
    ((category, message, _, _),) = entry[1]
    assert issubclass(category, SmartindWarning)
    assert message.startswith("02-slutsatser.md, line ")
    assert message.endswith(": footnote [^oanvand] is defined but never used")


@pytest.mark.parametrize("switch", ["option", "environment"])
def test_switched_off_the_cache_folder_is_neither_read_nor_written(  # noqa: PLR0917
    tmp_path: Path,
    cache: Path,
    report: Path,
    composing: ComposeSpy,
    monkeypatch: pytest.MonkeyPatch,
    switch: str,
) -> None:
    options = ["--no-cache"] if switch == "option" else []
    if switch == "environment":
        monkeypatch.setenv(_render_cache.NO_CACHE_ENV, "1")
    assert render(report, tmp_path / "a.docx", *options) == 0
    assert not cache.exists()
    monkeypatch.delenv(_render_cache.NO_CACHE_ENV, raising=False)
    assert render(report, tmp_path / "b.docx") == 0  # fills the cache
    before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    if switch == "environment":
        monkeypatch.setenv(_render_cache.NO_CACHE_ENV, "1")
    assert render(report, tmp_path / "c.docx", *options) == 0
    assert composing.calls == 3
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == before


def test_a_chapter_saved_while_composing_stores_nothing(
    tmp_path: Path, cache: Path, report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chapter = report / "chapters" / "01-uppdraget.md"
    real = compose_module.compose

    def compose_then_save(*args: Any, **kwargs: Any) -> Document:
        document: Document = real(*args, **kwargs)
        chapter.write_bytes(chapter.read_bytes() + b"\nSparad medan rapporten sattes ihop.\n")
        return document

    monkeypatch.setattr(compose_module, "compose", compose_then_save)
    assert render(report, tmp_path / "a.docx") == 0
    assert entries(cache) == []


def _bad_toml(report: Path) -> None:
    (report / "report.toml").write_text("[metadata\n", encoding="utf-8")


def _bad_chapter(report: Path) -> None:
    (report / "chapters" / "05-trasig.md").write_text("Värdet är {{ finns_inte }}.\n")


def _no_report(report: Path) -> None:
    (report / "report.toml").unlink()


@pytest.mark.parametrize("breakage", [_bad_toml, _bad_chapter, _no_report])
def test_an_input_error_stores_nothing(
    tmp_path: Path, cache: Path, report: Path, breakage: Callable[[Path], None]
) -> None:
    breakage(report)
    assert render(report, tmp_path / "a.docx") == 2
    assert entries(cache) == []


def test_the_folder_is_chosen_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in (_render_cache.CACHE_DIR_ENV, _render_cache.NO_CACHE_ENV, "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "hem"))
    assert _render_cache.cache_folder() == tmp_path / "hem" / ".cache" / "smartind"
    monkeypatch.setenv("XDG_CACHE_HOME", "relativ")  # invalid by the XDG rules: ignored
    assert _render_cache.cache_folder() == tmp_path / "hem" / ".cache" / "smartind"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert _render_cache.cache_folder() == tmp_path / "xdg" / "smartind"
    monkeypatch.setenv(_render_cache.CACHE_DIR_ENV, str(tmp_path / "egen"))
    assert _render_cache.cache_folder() == tmp_path / "egen"
    assert _render_cache.cache_folder(refuse=True) is None
    monkeypatch.setenv(_render_cache.NO_CACHE_ENV, "0")
    assert _render_cache.cache_folder() == tmp_path / "egen"
    monkeypatch.setenv(_render_cache.NO_CACHE_ENV, "1")
    assert _render_cache.cache_folder() is None


def test_only_the_most_recently_used_entries_are_kept(tmp_path: Path) -> None:
    document = Document(Metadata("Rapport"), [Paragraph([Text("Text.")])])
    foreign = tmp_path / "anteckningar.txt"
    foreign.write_text("the user's own file in the folder they chose\n")
    old = [f"{n:064x}" for n in range(_render_cache.MAX_ENTRIES)]
    for age, key in enumerate(old):
        _render_cache.write_entry(tmp_path, key, document, [])
        stamp = 1_000_000 + age
        os.utime(tmp_path / f"render-{key}.json", (stamp, stamp))
    # Reading the oldest entry makes it the most recently used.
    assert _render_cache.read_entry(tmp_path, old[0]) is not None
    new = [f"{n:064x}" for n in range(1000, 1003)]
    for key in new:
        _render_cache.write_entry(tmp_path, key, document, [])
    kept = {name.removeprefix("render-").removesuffix(".json") for name in entries(tmp_path)}
    assert kept == {old[0], *old[4:], *new}
    assert foreign.exists()


_PROBE = """
import json, sys
from smartind.cli import main
status = main(sys.argv[1:])
heavy = ["cattrs", "jinja2", "markdown_it", "mdit_py_plugins", "smartind.compose._expr",
         "smartind.compose._markdown"]
print(json.dumps({"status": status, "imported": [m for m in heavy if m in sys.modules]}))
"""


def test_a_hit_imports_none_of_the_composing_libraries(
    tmp_path: Path, cache: Path, report: Path
) -> None:
    command = [sys.executable, "-c", _PROBE, "render", str(report), "-o", str(tmp_path / "x.docx")]
    env = {**os.environ, _render_cache.CACHE_DIR_ENV: str(cache)}

    def probe() -> dict[str, Any]:
        done = subprocess.run(
            [*command, "--force"], capture_output=True, text=True, env=env, check=True
        )
        result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
        return result

    miss = probe()
    hit = probe()
    assert miss["status"] == hit["status"] == 0
    assert "jinja2" in miss["imported"]  # the probe can see a composition
    assert hit["imported"] == []
