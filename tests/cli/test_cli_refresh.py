"""``smartind refresh`` end to end: a report folder, a draft, a change in the data."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from smartind.cli import main
from tests.conftest import libreoffice_convert
from tests.render.docx.drafts import replaced_in_body

AMOUNT_LINE = 'granted_to_projects = "20 197 tkr"'


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A report folder made by ``smartind init``, with a draft rendered from it."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "rapport"]) == 0
    assert main(["render", "rapport", "-o", "utkast.docx"]) == 0
    return tmp_path


def _change_data(folder: Path, new: str = "20 412 tkr") -> None:
    report = folder / "rapport" / "report.toml"
    text = report.read_text(encoding="utf-8")
    assert AMOUNT_LINE in text
    report.write_text(text.replace(AMOUNT_LINE, f'granted_to_projects = "{new}"'), "utf-8")


def _draft_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode()


def test_refresh_writes_the_new_figures_and_keeps_a_backup(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _change_data(folder)
    before = (folder / "utkast.docx").read_bytes()
    capsys.readouterr()
    assert main(["refresh", "utkast.docx", "rapport"]) == 0
    out = capsys.readouterr().out
    assert "4, stycke 2: 20\u00a0197\u00a0tkr -> 20\u00a0412\u00a0tkr" in out
    assert "det tidigare utkastet finns kvar som utkast.backup-1.docx" in out
    assert (folder / "utkast.backup-1.docx").read_bytes() == before
    assert "20\u00a0412\u00a0tkr" in _draft_text(folder / "utkast.docx")


def test_dry_run_prints_the_changes_and_writes_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _change_data(folder)
    before = (folder / "utkast.docx").read_bytes()
    capsys.readouterr()
    assert main(["refresh", "utkast.docx", "rapport", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "20\u00a0412\u00a0tkr" in out and "Inget skrevs (--dry-run)." in out
    assert (folder / "utkast.docx").read_bytes() == before
    assert not list(folder.glob("utkast.backup-*"))


def test_an_up_to_date_draft_is_left_alone(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (folder / "utkast.docx").read_bytes()
    capsys.readouterr()
    assert main(["refresh", "utkast.docx", "rapport"]) == 0
    assert "redan aktuellt" in capsys.readouterr().out
    assert (folder / "utkast.docx").read_bytes() == before


def _hand_edit(path: Path, old: str, new: str) -> None:
    path.write_bytes(replaced_in_body(path.read_bytes(), old.encode(), new.encode()))


def test_a_hand_edited_figure_is_kept_listed_and_exits_1(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _hand_edit(folder / "utkast.docx", ">20\u00a0197\u00a0tkr<", ">drygt 20 miljoner<")
    _change_data(folder)
    capsys.readouterr()
    assert main(["refresh", "utkast.docx", "rapport"]) == 1
    out = capsys.readouterr().out
    assert "Ändrade för hand och behållna" in out
    assert "drygt 20 miljoner" in _draft_text(folder / "utkast.docx")


def test_take_data_replaces_the_hand_edit_and_the_backup_keeps_it(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _hand_edit(folder / "utkast.docx", ">20\u00a0197\u00a0tkr<", ">drygt 20 miljoner<")
    _change_data(folder)
    assert main(["refresh", "utkast.docx", "rapport", "--take-data"]) == 0
    assert "drygt 20 miljoner" not in _draft_text(folder / "utkast.docx")
    assert "drygt 20 miljoner" in _draft_text(folder / "utkast.backup-1.docx")


def test_a_word_file_smartind_did_not_write_exits_2_and_is_untouched(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from docx import Document

    Document().save(str(folder / "annat.docx"))
    before = (folder / "annat.docx").read_bytes()
    capsys.readouterr()
    assert main(["refresh", "annat.docx", "rapport"]) == 2
    err = capsys.readouterr().err
    assert "not a draft smartind wrote" in err and "Traceback" not in err
    assert err.count("\n") == 1  # refused before the report is read: the only line
    assert (folder / "annat.docx").read_bytes() == before


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04\x00\x00"])
def test_a_file_that_is_no_word_file_exits_2(
    folder: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    (folder / "trasig.docx").write_bytes(content)
    assert main(["refresh", "trasig.docx", "rapport"]) == 2
    assert "smartind: " in capsys.readouterr().err
    assert (folder / "trasig.docx").read_bytes() == content


def test_a_missing_draft_exits_2(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["refresh", "saknas.docx", "rapport"]) == 2
    assert "saknas.docx does not exist" in capsys.readouterr().err


def test_a_draft_open_in_word_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _change_data(folder)
    (folder / "~$kast.docx").write_bytes(b"owner")
    before = (folder / "utkast.docx").read_bytes()
    assert main(["refresh", "utkast.docx", "rapport"]) == 2
    assert "is open in a word processor" in capsys.readouterr().err
    assert (folder / "utkast.docx").read_bytes() == before


def test_an_interrupted_write_leaves_the_draft_as_it_was(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from smartind_render import output

    _change_data(folder)
    before = (folder / "utkast.docx").read_bytes()

    def power_cut(_temporary: Path, _path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "_rename", power_cut)
    assert main(["refresh", "utkast.docx", "rapport"]) == 130
    assert (folder / "utkast.docx").read_bytes() == before
    assert not list(folder.glob(".utkast.docx.smartind-*"))


def test_a_draft_saved_by_libreoffice_is_refused_and_left_unchanged(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = folder / "sparat"
    saved.mkdir()
    draft = libreoffice_convert(folder / "utkast.docx", saved, "docx:MS Word 2007 XML")
    before = draft.read_bytes()
    _change_data(folder)
    capsys.readouterr()
    assert main(["refresh", str(draft), "rapport"]) == 2
    err = capsys.readouterr().err
    assert "LibreOffice" in err and "changed nothing" in err
    assert draft.read_bytes() == before
