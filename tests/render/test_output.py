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


posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX special files")


@posix_only
@pytest.mark.parametrize("force", [False, True])
def test_a_device_is_refused_even_with_force(force: bool) -> None:
    with pytest.raises(OutputError, match=r"/dev/full is a device; smartind writes only to a"):
        write_output(Path("/dev/full"), FIRST, force=force)


@posix_only
@pytest.mark.parametrize("force", [False, True])
def test_a_named_pipe_is_refused_without_waiting_for_a_reader(tmp_path: Path, force: bool) -> None:
    pipe = tmp_path / "slutrapport.md"
    os.mkfifo(pipe)
    with pytest.raises(OutputError, match="is a named pipe"):
        write_output(pipe, FIRST, force=force)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


@posix_only
def test_a_symbolic_link_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "delad" / "slutrapport.md"
    real.parent.mkdir()
    real.write_bytes(FIRST)
    link = tmp_path / "slutrapport.md"
    link.symlink_to(real)
    result = write_output(link, SECOND, force=False)
    assert link.is_symlink()
    assert real.read_bytes() == SECOND
    assert result.path == link


@posix_only
def test_a_symbolic_link_to_a_device_is_refused_even_with_force(tmp_path: Path) -> None:
    link = tmp_path / "slutrapport.md"
    link.symlink_to("/dev/null")
    with pytest.raises(OutputError, match="is a device"):
        write_output(link, FIRST, force=True)
    assert link.is_symlink()


def test_a_huge_existing_file_is_not_read_and_counts_as_not_smartinds(tmp_path: Path) -> None:
    target = tmp_path / "slutrapport.md"
    with target.open("wb") as handle:
        handle.truncate(3 * 2**30)  # sparse: no disk used, but reading it would take 3 GB
    with pytest.raises(OutputError, match="was not written by smartind"):
        write_output(target, FIRST, force=False)
    result = write_output(target, FIRST, force=True)
    assert result.backup is not None
    assert result.backup.stat().st_size == 3 * 2**30
    assert target.read_bytes() == FIRST


def test_a_temporary_file_left_by_a_killed_render_is_removed_by_the_next(tmp_path: Path) -> None:
    target = tmp_path / "slutrapport.md"
    dead = tmp_path / ".slutrapport.md.smartind-999999999-0abc1234.tmp"
    dead.write_bytes(b"half a file")
    write_output(target, FIRST, force=False)
    assert _leftovers(tmp_path) == []


def test_a_temporary_file_of_a_render_still_running_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "slutrapport.md"
    running = tmp_path / f".slutrapport.md.smartind-{os.getppid()}-0abc1234.tmp"
    running.write_bytes(b"being written")
    write_output(target, FIRST, force=False)
    assert _leftovers(tmp_path) == [running.name]


def _save_during_write(monkeypatch: pytest.MonkeyPatch, target: Path, edit: bytes) -> None:
    """Make the writer save ``edit`` to ``target`` just after smartind checked it."""
    from smartind_render import output

    real = output._write_temporary
    saved = []

    def write_then_edit(path: Path, data: bytes, mode: int | None) -> Path:
        temporary = real(path, data, mode)
        if not saved:
            target.write_bytes(edit)
            saved.append(True)
        return temporary

    monkeypatch.setattr(output, "_write_temporary", write_then_edit)


def _saved_during_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, bytes]:
    """An earlier render at the target, and the edit the writer saves while smartind writes."""
    target = tmp_path / "slutrapport.md"
    target.write_bytes(FIRST)
    edit = FIRST.replace("Första".encode(), b"Min egen")
    _save_during_write(monkeypatch, target, edit)
    return target, edit


def test_an_edit_saved_between_the_check_and_the_replace_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target, edit = _saved_during_write(tmp_path, monkeypatch)
    with pytest.raises(OutputError, match="was edited after smartind wrote it"):
        write_output(target, SECOND, force=False)
    assert target.read_bytes() == edit
    assert _leftovers(tmp_path) == []


def test_with_force_an_edit_saved_meanwhile_goes_to_the_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target, edit = _saved_during_write(tmp_path, monkeypatch)
    result = write_output(target, SECOND, force=True)
    assert target.read_bytes() == SECOND
    assert result.backup is not None
    assert result.backup.read_bytes() == edit


def test_a_backup_that_cannot_be_completed_leaves_no_empty_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import shutil

    def no_links(*_: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    def disk_full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(shutil, "copyfileobj", disk_full)
    target = tmp_path / "slutrapport.md"
    target.write_bytes(b"Egna anteckningar\n")
    with pytest.raises(OutputError, match="No space left on device; nothing was written"):
        write_output(target, FIRST, force=True)
    assert target.read_bytes() == b"Egna anteckningar\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["slutrapport.md"]


def test_refusing_an_edited_word_draft_points_to_refresh(tmp_path: Path) -> None:
    from smartind_render.docx import DocxRenderer
    from smartind_render.protocol import RenderOptions
    from tests.documents import SAMPLE
    from tests.render.docx.drafts import replaced_in_body

    data = DocxRenderer().render(SAMPLE, RenderOptions())
    draft = tmp_path / "utkast.docx"
    write_output(draft, data, force=False)
    draft.write_bytes(replaced_in_body(draft.read_bytes(), b"Exempel", b"Prov"))
    with pytest.raises(OutputError, match=r"run `smartind refresh .*utkast\.docx`"):
        write_output(draft, data, force=False)
