"""Output files are written atomically and a writer's edits are never lost without --force."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from smartind.errors import OutputError
from smartind_render.output import backup_path, write_output
from smartind_render.stamp import Verdict, stamp_text

COMMENT = ("<!--", "-->")
FIRST = stamp_text("# Slutrapport\n\nFörsta versionen.\n", comment=COMMENT).encode()
SECOND = stamp_text("# Slutrapport\n\nAndra versionen.\n", comment=COMMENT).encode()


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_a_new_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "slutrapport.md"
    result = write_output(target, FIRST, force=False)
    assert target.read_bytes() == FIRST
    assert result.path == target
    assert result.previous is None
    assert result.backup is None


def test_a_new_file_gets_the_usual_permissions_not_the_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "slutrapport.md"
    write_output(target, FIRST, force=False)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_an_unchanged_earlier_render_is_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "slutrapport.md"
    target.write_bytes(FIRST)
    result = write_output(target, SECOND, force=False)
    assert target.read_bytes() == SECOND
    assert result.previous is Verdict.UNCHANGED
    assert result.backup is None
    assert sorted(path.name for path in tmp_path.iterdir()) == ["slutrapport.md"]


def test_an_edited_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    target = tmp_path / "slutrapport.md"
    edited = b"Min egen inledning.\n" + FIRST
    target.write_bytes(edited)
    with pytest.raises(OutputError) as error:
        write_output(target, SECOND, force=False)
    message = str(error.value)
    assert "slutrapport.md was edited after smartind wrote it" in message
    assert "--force" in message
    assert "backup" in message
    assert target.read_bytes() == edited
    assert _leftovers(tmp_path) == []


def test_a_file_smartind_did_not_write_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "slutrapport.md"
    target.write_bytes(b"Anteckningar\n")
    with pytest.raises(OutputError, match="was not written by smartind"):
        write_output(target, SECOND, force=False)
    assert target.read_bytes() == b"Anteckningar\n"


def test_force_keeps_a_backup_of_the_edited_file_first(tmp_path: Path) -> None:
    target = tmp_path / "slutrapport.md"
    edited = b"Min egen inledning.\n" + FIRST
    target.write_bytes(edited)
    result = write_output(target, SECOND, force=True)
    assert target.read_bytes() == SECOND
    assert result.previous is Verdict.EDITED
    assert result.backup == tmp_path / "slutrapport.backup-1.md"
    assert result.backup.read_bytes() == edited


def test_force_never_overwrites_an_earlier_backup(tmp_path: Path) -> None:
    target = tmp_path / "slutrapport.docx"
    (tmp_path / "slutrapport.backup-1.docx").write_bytes(b"first backup")
    target.write_bytes(b"edited twice")
    result = write_output(target, SECOND, force=True)
    assert result.backup == tmp_path / "slutrapport.backup-2.docx"
    assert (tmp_path / "slutrapport.backup-1.docx").read_bytes() == b"first backup"
    assert result.backup.read_bytes() == b"edited twice"


def test_backup_names_keep_the_extension_so_the_file_still_opens() -> None:
    assert backup_path(Path("/nonexistent/rapport.html")).name == "rapport.backup-1.html"


def test_a_folder_as_target_is_refused_with_a_file_name_to_use(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder, not a file; give a file name"):
        write_output(tmp_path, FIRST, force=True)


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "saknas" / "slutrapport.md"
    with pytest.raises(OutputError, match=r"the folder .*saknas does not exist; create it"):
        write_output(target, FIRST, force=False)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "låst"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="make the folder writable"):
            write_output(folder / "slutrapport.md", FIRST, force=False)
    finally:
        folder.chmod(0o700)


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "slutrapport.md"
    target.write_bytes(FIRST)
    with pytest.raises(TypeError):
        write_output(target, "not bytes", force=False)  # type: ignore[arg-type]
    assert target.read_bytes() == FIRST
    assert _leftovers(tmp_path) == []
    assert [path.name for path in tmp_path.iterdir()] == ["slutrapport.md"]
