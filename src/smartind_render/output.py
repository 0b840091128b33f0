"""Writing an output file safely: atomically, and never over a writer's edits without ``--force``.

The new content goes to a temporary file in the target's own folder, is flushed to disk, and then
replaces the target in one ``os.replace``. A render that fails, or a machine that stops half-way,
leaves the old file exactly as it was.

An existing target is overwritten only when its stamp (:mod:`smartind_render.stamp`) shows that it
is still exactly what smartind wrote. A file that was edited, or that smartind did not write, is
refused with :class:`~smartind.errors.OutputError`; with ``force=True`` it is first copied to a
backup beside it, named ``<stem>.backup-<n><suffix>`` (``slutrapport.backup-1.docx``), where ``n``
is the lowest number not yet taken, so an earlier backup is never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from attrs import frozen

from smartind.errors import OutputError
from smartind_render.stamp import Verdict, verdict

__all__ = ["WriteResult", "backup_path", "write_output"]

_MAX_BACKUPS = 10_000


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

    Raises :class:`~smartind.errors.OutputError` when ``path`` is a folder, its folder is missing
    or not writable, or it holds a file that was edited (or not written by smartind) and
    ``force`` is false.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError(
            f"{path} is a folder, not a file; give a file name, "
            f"e.g. -o {path / ('slutrapport' + (path.suffix or '.docx'))}"
        )
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(
            f"cannot write {path}: the folder {folder} does not exist; create it first "
            "or choose another path with -o"
        )
    previous: Verdict | None = None
    backup: Path | None = None
    old_mode: int | None = None
    if path.exists():
        try:
            old = path.read_bytes()
            old_mode = path.stat().st_mode & 0o7777
        except OSError as error:
            raise OutputError(
                f"cannot read the existing {path} to check it for edits: {error.strerror}; "
                "check its permissions or choose another path with -o"
            ) from error
        previous = verdict(old)
        if previous is not Verdict.UNCHANGED:
            if not force:
                raise OutputError(_refusal(path, previous))
            backup = _keep_backup(path, old)
    _replace_atomically(path, data, old_mode)
    return WriteResult(path=path, previous=previous, backup=backup)


def _refusal(path: Path, found: Verdict) -> str:
    if found is Verdict.EDITED:
        why = (
            f"{path.name} was edited after smartind wrote it "
            "(its smartind-sha256 stamp no longer matches its content)"
        )
    else:
        why = f"{path.name} was not written by smartind (it carries no smartind-sha256 stamp)"
    return (
        f"{why}, so writing {path} would lose that text; use --force to overwrite "
        "(a backup is kept), or choose another file with -o"
    )


def _keep_backup(path: Path, old: bytes) -> Path:
    while True:
        target = backup_path(path)
        try:
            # "x" creates the file or fails: a backup made meanwhile is never overwritten.
            with target.open("xb") as handle:
                handle.write(old)
                handle.flush()
                os.fsync(handle.fileno())
        except FileExistsError:
            continue
        except OSError as error:
            raise OutputError(
                f"cannot keep a backup of {path} as {target}: {error.strerror}; "
                f"nothing was written; make {path.parent} writable or choose another path with -o"
            ) from error
        return target


def _replace_atomically(path: Path, data: bytes, mode: int | None) -> None:
    folder = path.parent
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(
            f"cannot write in {folder}: {error.strerror}; make the folder writable "
            "or choose another path with -o"
        ) from error
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); give it the mode a new file would get, or the
        # mode the replaced file had.
        temporary.chmod(mode if mode is not None else _default_mode())
        temporary.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise OutputError(
            f"cannot write {path}: {error.strerror}; close it if another program has it open, "
            "or choose another path with -o"
        ) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_folder(folder)


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
