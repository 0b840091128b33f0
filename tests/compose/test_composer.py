"""A Composer composes the same data with changing chapters, converting only what changed."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartind.compose import Composer, compose
from smartind.compose._markdown import ChapterConverter, _scan
from smartind.document import Heading
from smartind.examples import bundled_example_path
from smartind.load import load_report
from smartind.report import Chapter, Report


@pytest.fixture(scope="module")
def report() -> Report:
    return load_report(bundled_example_path())


def _edited(chapters: tuple[Chapter, ...], index: int, text: str) -> tuple[Chapter, ...]:
    changed = attrs.evolve(chapters[index], text=text)
    return (*chapters[:index], changed, *chapters[index + 1 :])


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    converted: list[str] = []
    real = ChapterConverter.convert

    def convert(self: ChapterConverter, text: str) -> object:
        converted.append(self.name)
        return real(self, text)

    monkeypatch.setattr(ChapterConverter, "convert", convert)
    return converted


def test_the_composers_document_is_composes(report: Report) -> None:
    assert Composer(report).compose(report.chapters) == compose(report)


def test_an_edited_chapter_is_the_only_one_converted_again(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    composer = Composer(report)
    composer.compose(report.chapters)
    converted = _counting(monkeypatch)
    last = len(report.chapters) - 1
    chapters = _edited(report.chapters, last, report.chapters[last].text + "\nEn ny mening.\n")
    document = composer.compose(chapters)
    assert converted == [report.chapters[last].name]
    assert document == compose(attrs.evolve(report, chapters=chapters))


def test_a_changed_heading_converts_the_later_chapters_whose_anchors_it_moves(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    chapters = (Chapter("01-a.md", "# Mål\n\nText.\n"), Chapter("02-b.md", "# Mål\n"))
    composer = Composer(report)
    assert [b.id for b in composer.compose(chapters).blocks if isinstance(b, Heading)] == [
        "mal",
        "mal-2",
    ]
    converted = _counting(monkeypatch)
    edited = _edited(chapters, 0, "# Syfte\n\nText.\n")
    document = composer.compose(edited)
    assert converted == ["01-a.md", "02-b.md"]
    assert [b.id for b in document.blocks if isinstance(b, Heading)] == ["syfte", "mal"]
    assert document == compose(attrs.evolve(report, chapters=edited))


def test_without_chapters_the_default_body_is_composed(report: Report) -> None:
    bare = attrs.evolve(report, chapters=())
    assert Composer(report).compose(()) == compose(bare)


def _scan_by_character(source: str) -> list[tuple[str, str | None, int]]:
    """The expression scanner as first written, one character at a time: the reference."""
    import re

    found: list[tuple[str, str | None, int]] = []
    position, literal_start = 0, 0
    while position < len(source):
        char = source[position]
        if char == "\\":
            position += 2
        elif char == "`":
            run = len(source[position:]) - len(source[position:].lstrip("`"))
            closing = re.compile(f"(?<!`){'`' * run}(?!`)")
            match = closing.search(source, position + run)
            position = match.end() if match else position + run
        elif source.startswith("{{", position):
            end = source.find("}}", position + 2)
            literal = source[literal_start:position]
            if end < 0:
                return [*found, (literal, source[position + 2 :] + "\x00", position)]
            found.append((literal, source[position + 2 : end], position))
            position = literal_start = end + 2
        else:
            position += 1
    return [*found, (source[literal_start:], None, len(source))]


@settings(max_examples=2000)
@given(st.text(alphabet="ab{}`\\ \n", max_size=40))
def test_the_expression_scanner_splits_as_the_reference_does(source: str) -> None:
    assert list(_scan(source)) == _scan_by_character(source)
