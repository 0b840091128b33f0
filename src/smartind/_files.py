"""Reading a report folder's files: regular files inside the folder, of bounded size.

Shared by the loader and the render cache, which hashes the same files before the loader runs;
both must refuse the same things, so that neither reads a device or a pipe, nor a file that a
link brings in from elsewhere.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from smartind.limits import MAX_INPUT_BYTES

__all__ = ["RefusedInput", "file_kind", "read_input"]


class RefusedInput(Exception):
    """A report file smartind will not read; the message says what it is and what to do."""


def file_kind(mode: int) -> str:
    """What a file that is not a regular one is, for a message: ``a named pipe``."""
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def read_input(path: Path, *, folder: Path) -> bytes:
    """The bytes of ``path``, a file of the report in ``folder``.

    Raises :class:`RefusedInput` when ``path`` is (or links to) anything but a regular file,
    when it is a link that leads out of ``folder``, or when it is larger than
    :data:`~smartind.limits.MAX_INPUT_BYTES`; :class:`OSError` when it cannot be read.
    """
    real = os.path.realpath(path)
    root = os.path.realpath(folder)
    if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
        raise RefusedInput(
            f"{path}: is a link to {real}, outside the report folder {folder}; smartind reads "
            "only files inside the report folder, so copy the file there instead of linking it"
        )
    # Non-blocking, so that opening a named pipe returns at once instead of waiting for a writer.
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(handle, "rb") as file:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise RefusedInput(
                f"{path}: is {file_kind(info.st_mode)}, not a regular file; report files must be "
                "ordinary files, so replace it with one"
            )
        data = file.read(MAX_INPUT_BYTES + 1)
    if info.st_size > MAX_INPUT_BYTES or len(data) > MAX_INPUT_BYTES:
        raise RefusedInput(
            f"{path}: is larger than {MAX_INPUT_BYTES // 2**20} MiB, the most smartind reads "
            "from one report file; split the text into several chapters"
        )
    return data
