"""Writing an output file safely: atomically, and never over a writer's edits without ``--force``.

The new content goes to a temporary file in the target's own folder, is flushed to disk, and then
replaces the target in one ``os.replace``. A render that fails, or a machine that stops half-way,
leaves the old file exactly as it was. The temporary file is named
``.<name>.smartind-<pid>-<random>.tmp``; one left by a process that no longer runs (a killed
render) is removed by the next write of the same output.

Only a regular file or a new path is written. A device, a named pipe or a socket is refused even
with ``force``; a symbolic link is followed and the file it points to is replaced, the link kept.

An existing target is overwritten only when its stamp (:mod:`smartind_render.stamp`) shows that it
is still exactly what smartind wrote. A file that was edited, or that smartind did not write, is
refused with :class:`~smartind.errors.OutputError`; with ``force=True`` it is first kept as a
backup beside it, named ``<stem>.backup-<n><suffix>`` (``slutrapport.backup-1.docx``), where ``n``
is the lowest number not yet taken, so an earlier backup is never overwritten. The target is read
again just before the replace: if it changed meanwhile (the writer saved), the decision is made
again on what is there now.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import stat
from pathlib import Path

from attrs import frozen

from smartind._files import file_kind
from smartind.errors import OutputError
from smartind.limits import MAX_DRAFT_BYTES, MAX_EXISTING_OUTPUT_BYTES
from smartind_render.stamp import Verdict, verdict

__all__ = ["WriteResult", "backup_path", "read_draft", "replace_draft", "write_output"]

_MAX_BACKUPS = 10_000
# Times the target may change under a render before it gives up rather than race a writer.
_MAX_ATTEMPTS = 3


@frozen
class WriteResult:
    """What :func:`write_output` did.

    ``previous`` is the verdict on the file that was there before (``None`` when there was none);
    ``backup`` is where that file was copied first (only with ``force`` and an edited or foreign
    file).
    """

    path: Path
    previous: Verdict | None = None
    backup: Path | None = None


def backup_path(path: Path) -> Path:
    """The first free backup name for ``path``: ``slutrapport.backup-1.docx``, ``-2``, ..."""
    for number in range(1, _MAX_BACKUPS):
        candidate = path.with_name(f"{path.stem}.backup-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise OutputError(
        f"{path.name} already has {_MAX_BACKUPS - 1} backups in {path.parent}; "
        "delete the old ones and try again"
    )


def write_output(path: Path, data: bytes, *, force: bool) -> WriteResult:
    """Write ``data`` to ``path`` atomically, keeping a writer's edits safe.

    Raises :class:`~smartind.errors.OutputError` when ``path`` is a folder or anything else that
    is not a regular file, its folder is missing or not writable, or it holds a file that was
    edited (or not written by smartind) and ``force`` is false.
    """
    shown = Path(path)
    target = _regular_target(shown)
    _remove_leftovers(target)
    for _ in range(_MAX_ATTEMPTS):
        seen = _Existing.read(target)
        previous = seen.verdict()
        if previous not in (None, Verdict.UNCHANGED) and not force:
            raise OutputError(_refusal(shown, previous))
        replaced, backup = _swap(
            target, seen, data, keep_backup=previous not in (None, Verdict.UNCHANGED)
        )
        if not replaced:
            continue  # saved by someone between our read and now: decide again on what is there
        return WriteResult(path=shown, previous=previous, backup=backup)
    raise OutputError(
        f"{shown} kept changing while smartind was about to replace it; nothing was written. "
        "Close the program that is saving it and try again, or choose another path with -o"
    )


def read_draft(path: Path) -> bytes:
    """The bytes of a draft to refresh: a regular file of at most the size smartind reads."""
    shown = Path(path)
    if not shown.exists():
        raise OutputError(f"{shown} does not exist; give the path of the Word draft to refresh")
    target = _regular_target(shown)
    # Checked before reading, so a large file is refused without being read into memory.
    seen = _Existing.read(target) if target.stat().st_size <= MAX_DRAFT_BYTES else None
    if seen is None or seen.content is None or len(seen.content) > MAX_DRAFT_BYTES:
        raise OutputError(
            f"{shown} is larger than {MAX_DRAFT_BYTES // 2**20} MiB, more than any draft "
            "smartind writes; give the path of the Word draft smartind rendered"
        )
    return seen.content


def replace_draft(path: Path, original: bytes, data: bytes) -> WriteResult:
    """Replace the draft at ``path``, which held ``original`` when it was read, with ``data``.

    The draft as it was is kept as a backup beside it (``utkast.backup-1.docx``), and the new one
    takes its place in one rename. If the file no longer holds ``original`` (the writer saved it
    meanwhile), nothing is written: :class:`~smartind.errors.OutputError`.
    """
    shown = Path(path)
    target = _regular_target(shown)
    _remove_leftovers(target)
    seen = _Existing.read(target)
    if seen.content != original:
        raise OutputError(_changed_meanwhile(shown))
    replaced, backup = _swap(target, seen, data, keep_backup=True)
    if not replaced:
        raise OutputError(_changed_meanwhile(shown))
    return WriteResult(path=shown, previous=Verdict.EDITED, backup=backup)


def _swap(
    target: Path, seen: _Existing, data: bytes, *, keep_backup: bool
) -> tuple[bool, Path | None]:
    """Put ``data`` in ``target``'s place if it is still what ``seen`` found; keep a backup first.

    Returns whether it was replaced, and the backup's path. The new content is on disk in a
    temporary file before the target is touched, and the rename is the only change to it.
    """
    temporary = _write_temporary(target, data, seen.mode)
    backup: Path | None = None
    try:
        if _Existing.read(target) != seen:
            return False, None
        if keep_backup:
            backup = _keep_backup(target)
        _rename(temporary, target)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    _sync_folder(target.parent)
    return True, backup


def _changed_meanwhile(path: Path) -> str:
    return (
        f"{path} changed while smartind was refreshing it (saved from Word?); nothing was "
        "written. Close it in Word and run the command again"
    )


@frozen
class _Existing:
    """What is at the target now: enough to judge it, and to see whether it changed since."""

    identity: tuple[int, ...] | None
    content: bytes | None
    mode: int | None

    @classmethod
    def read(cls, path: Path) -> _Existing:
        try:
            # Non-blocking, so that a named pipe put in the target's place cannot stall the write.
            handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            return cls(identity=None, content=None, mode=None)
        except OSError as error:
            raise OutputError(
                f"cannot read the existing {path} to check it for edits: {error.strerror}; "
                "check its permissions or choose another path with -o"
            ) from error
        with os.fdopen(handle, "rb") as file:
            info = os.fstat(handle)
            if not stat.S_ISREG(info.st_mode):
                raise OutputError(_not_regular(path, info.st_mode))
            identity = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
            mode = info.st_mode & 0o7777
            if info.st_size > MAX_EXISTING_OUTPUT_BYTES:
                return cls(identity=identity, content=None, mode=mode)
            content = file.read(MAX_EXISTING_OUTPUT_BYTES + 1)
        return cls(identity=identity, content=content, mode=mode)

    def verdict(self) -> Verdict | None:
        if self.identity is None:
            return None
        if self.content is None or len(self.content) > MAX_EXISTING_OUTPUT_BYTES:
            # Too large to be one of ours worth checking; never read whole.
            return Verdict.FOREIGN
        return verdict(self.content)


def _regular_target(path: Path) -> Path:
    """The file to replace: ``path`` itself, or the file a symbolic link there points to."""
    if path.is_dir():
        raise OutputError(
            f"{path} is a folder, not a file; give a file name, "
            f"e.g. -o {path / ('slutrapport' + (path.suffix or '.docx'))}"
        )
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise OutputError(
            f"cannot write {path}: {error.strerror}; choose another path with -o"
        ) from error
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputError(_not_regular(path, mode))
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(
            f"cannot write {path}: the folder {folder} does not exist; create it first "
            "or choose another path with -o"
        )
    return target


def _not_regular(path: Path, mode: int) -> str:
    return (
        f"{path} is {file_kind(mode)}; smartind writes only to a regular file or a new path, "
        "even with --force. Choose a file name with -o, e.g. -o slutrapport.docx"
    )


def _refusal(path: Path, found: Verdict) -> str:
    if found is Verdict.EDITED:
        why = (
            f"{path.name} was edited after smartind wrote it "
            "(its smartind-sha256 stamp no longer matches its content)"
        )
    else:
        why = f"{path.name} was not written by smartind (it carries no smartind-sha256 stamp)"
    refresh = (
        f"; to bring an edited draft's figures up to date, run `smartind refresh {path}`"
        if found is Verdict.EDITED and path.suffix.lower() == ".docx"
        else ""
    )
    return (
        f"{why}, so writing {path} would lose that text; use --force to overwrite "
        f"(a backup is kept), or choose another file with -o{refresh}"
    )


def _keep_backup(path: Path) -> Path:
    while True:
        target = backup_path(path)
        try:
            # A hard link keeps the very file that is about to be replaced, costs no disk space
            # (so a full disk cannot leave half a backup) and fails if the name is taken.
            os.link(path, target)
        except FileExistsError:
            continue
        except OSError:
            _copy_backup(path, target)
        return target


def _copy_backup(path: Path, target: Path) -> None:
    # For file systems without hard links. "x" creates the file or fails: a backup made
    # meanwhile is never overwritten; a copy that fails half-way is removed, not left empty.
    try:
        with path.open("rb") as source, target.open("xb") as handle:
            shutil.copyfileobj(source, handle)
            handle.flush()
            os.fsync(handle.fileno())
    except FileExistsError:
        raise
    except OSError as error:
        with contextlib.suppress(OSError):
            target.unlink()
        raise OutputError(
            f"cannot keep a backup of {path} as {target}: {error.strerror}; "
            f"nothing was written; make {path.parent} writable or choose another path with -o"
        ) from error


def _temporary_prefix(path: Path) -> str:
    return f".{path.name}.smartind-"


def _write_temporary(path: Path, data: bytes, mode: int | None) -> Path:
    folder = path.parent
    temporary = folder / f"{_temporary_prefix(path)}{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise OutputError(
            f"cannot write in {folder}: {error.strerror}; make the folder writable "
            "or choose another path with -o"
        ) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # Created private (0600); give it the mode a new file would get, or the mode the
        # replaced file had.
        temporary.chmod(mode if mode is not None else _default_mode())
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise OutputError(
            f"cannot write {path}: {error.strerror}; free some space or choose another path with -o"
        ) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return temporary


def _rename(temporary: Path, path: Path) -> None:
    try:
        temporary.replace(path)
    except OSError as error:
        raise OutputError(
            f"cannot write {path}: {error.strerror}; close it if another program has it open, "
            "or choose another path with -o"
        ) from error


def _remove_leftovers(path: Path) -> None:
    """Remove temporary files an earlier write of ``path`` left when its process was killed."""
    prefix = _temporary_prefix(path)
    pattern = re.compile(re.escape(prefix) + r"(\d+)-[0-9a-f]+\.tmp")
    try:
        names = [entry.name for entry in os.scandir(path.parent) if entry.name.startswith(prefix)]
    except OSError:
        return
    for name in names:
        match = pattern.fullmatch(name)
        if match is None or _running(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            (path.parent / name).unlink()


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        # Alive but someone else's, or not a number the system knows: leave it alone.
        return True
    return True


def _default_mode() -> int:
    # The umask can only be read by setting it; set it straight back.
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open folders, which is harmless.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
