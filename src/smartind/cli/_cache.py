"""A cache of composed documents for ``smartind render``, keyed by the content of the inputs.

Loading report.toml and composing the chapters take most of a render's time, and their result
depends only on the input files' bytes, the number style and the code that composes. So the
composed :class:`~smartind.document.Document` is stored under a SHA-256 of exactly those, and a
render whose inputs have not changed skips both steps.

An entry holds data, never code: the document in the JSON form of
:mod:`smartind.cli._cache_codec`, which can only describe the document model, so a file someone
else put in a shared cache folder can at worst be refused. It is only a cache: an entry that
cannot be read, written, trusted or decoded is ignored silently, and the result is the same with
or without it. This module must stay cheap to import
(no cattrs, Jinja2, markdown-it-py, Babel, nor :mod:`smartind.load`), since a cache hit is meant
to be fast.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
import time
import warnings
from collections.abc import Iterable, Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from smartind._files import RefusedInput, read_input
from smartind._version import __version__
from smartind.document import DOCUMENT_VERSION, Document

__all__ = [
    "CACHE_DIR_ENV",
    "MAX_ENTRIES",
    "NO_CACHE_ENV",
    "Issued",
    "cache_folder",
    "input_key",
    "read_entry",
    "reissue",
    "write_entry",
]

CACHE_DIR_ENV = "SMARTIND_CACHE_DIR"
"""Environment variable naming the cache folder itself."""

NO_CACHE_ENV = "SMARTIND_NO_CACHE"
"""Environment variable that turns the cache off when set to anything but ``""`` or ``"0"``."""

MAX_ENTRIES = 32
"""Entries kept; writing one more removes the least recently used."""

# The same names as smartind.load's REPORT_FILE and CHAPTER_DIR (a test keeps them equal):
# importing smartind.load here would import the whole model on the path meant to avoid it.
_REPORT_FILE = "report.toml"
_CHAPTER_DIR = "chapters"

# Bump when the entry layout or the key's recipe changes, so old entries are never misread.
_FORMAT = b"smartind-render-cache 2\n"
_ENTRY = re.compile(r"render-[0-9a-f]{64}\.json")
# Entries of the first format, pickles: never read, removed when the cache is next written.
_OLD_ENTRY = re.compile(r"render-[0-9a-f]{64}\.pickle")
_MAX_ENTRY_BYTES = 64 * 2**20
_TEMP_PREFIX = ".render-"
_STALE_TEMP_SECONDS = 3600

# The libraries whose behaviour the composed document depends on; their installed files are
# part of the key, so upgrading one of them never serves a document the new version would not
# compose. Found with find_spec, which locates a package without importing it.
_COMPOSING_LIBRARIES = (
    "attrs",
    "babel",
    "cattrs",
    "jinja2",
    "markdown_it",
    "mdit_py_plugins",
    "tomli",
)

Issued = tuple[type[Warning], str, str, int]
"""A warning that loading or composing issued: category, message, file name and line."""


def cache_folder(*, refuse: bool = False) -> Path | None:
    """The folder entries live in, or ``None`` when the cache is off.

    ``$SMARTIND_CACHE_DIR``, else ``$XDG_CACHE_HOME/smartind``, else ``~/.cache/smartind``.
    ``refuse`` (the ``--no-cache`` option) and ``$SMARTIND_NO_CACHE`` turn it off. The folder
    is not created here: only writing an entry creates it.
    """
    if refuse or os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    own = os.environ.get(CACHE_DIR_ENV, "")
    if own:
        return Path(own)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG specification says a relative value is invalid and must be ignored.
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "smartind"
    try:
        return Path.home() / ".cache" / "smartind"
    except RuntimeError:  # no home folder to be found: then there is no cache
        return None


def input_key(report: Path | None, style: str | None) -> str | None:
    """The entry name for rendering ``report`` (a folder or report.toml; ``None``: the bundled
    example) in number style ``style``, or ``None`` when the inputs cannot be read.

    When ``None`` is returned the caller composes as if there were no cache, so the loader
    reports whatever is wrong with the inputs in its own words.
    """
    try:
        inputs = list(_inputs(report))
    except OSError:
        return None
    if not inputs:
        return None
    digest = hashlib.sha256()
    for label, value in _recipe(style):
        _feed(digest, label, value)
    folder = inputs[0][1].parent
    for name, path in inputs:
        try:
            # The loader's own reading rules, so a pipe or a device is never read here either.
            content = read_input(path, folder=folder)
        except (OSError, RefusedInput):
            return None
        _feed(digest, "input " + name, content)
    return digest.hexdigest()


def read_entry(folder: Path, key: str) -> tuple[Document, tuple[Issued, ...]] | None:
    """The document and warnings stored under ``key``, or ``None`` if there is no usable entry.

    An entry is used only when it is a regular file owned by the current user, no larger than
    64 MiB (checked before it is read), its checksum matches, and it decodes to a document.
    """
    from smartind.cli._cache_codec import CacheFormatError, decode

    path = folder / _entry_name(key)
    try:
        # Non-blocking, so that a named pipe in the entry's place cannot stall the render.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(handle, "rb") as file:
            status = os.fstat(handle)
            if not _owned(status) or status.st_size > _MAX_ENTRY_BYTES:
                return None
            raw = file.read(_MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    payload = _checked(raw)
    if payload is None:
        return None
    try:
        entry = decode(payload)
    except CacheFormatError:
        return None
    # Most recently used first when pruning; a failure only costs that ordering.
    with contextlib.suppress(OSError):
        os.utime(path)
    return entry


def write_entry(folder: Path, key: str, document: Document, issued: Iterable[Issued]) -> None:
    """Store ``document`` and the warnings composing it issued under ``key``, atomically.

    Any failure (a folder that cannot be created or written, a document the format cannot hold)
    leaves the cache as it was and raises nothing.
    """
    from smartind.cli._cache_codec import encode

    try:
        payload = encode(document, tuple(issued))
    except (TypeError, ValueError):  # a document the format cannot hold is not cached
        return
    if len(payload) > _MAX_ENTRY_BYTES:
        return
    data = _FORMAT + hashlib.sha256(payload).digest() + payload
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        _write_atomically(folder / _entry_name(key), data)
        _prune(folder)
    except OSError:
        return


def reissue(issued: Iterable[Issued]) -> None:
    """Issue stored warnings again, through the filters and display now in effect."""
    for category, message, filename, lineno in issued:
        warnings.warn_explicit(message, category, filename, lineno)


def _recipe(style: str | None) -> Iterator[tuple[str, bytes]]:
    yield "format", _FORMAT
    yield "smartind", __version__.encode()
    yield "document", str(DOCUMENT_VERSION).encode()
    yield "python", f"{sys.implementation.cache_tag} {sys.version}".encode()
    yield "style", repr(style).encode()
    yield "code", _code_fingerprint()


def _code_fingerprint() -> bytes:
    """The names, sizes and modification times of the code that composes: smartind's modules,
    the composing libraries' package files, and every installed plugin's distribution, version
    and module files.

    smartind's version alone is not enough: in an editable install the version stays the same
    while the code that composes changes, and a funding rule plugin's code writes the findings'
    text. Stat results cost microseconds where hashing the sources would cost milliseconds, and
    any edit or reinstall changes them. Templates and the reference DOCX are not part of the key:
    they are read by the renderer, after the cache, on every render.
    """
    parts: list[str] = []
    package = Path(__file__).resolve().parent.parent
    parts.extend(_tree_lines("smartind", package))
    for name in _COMPOSING_LIBRARIES:
        origin = _origin(name)
        if origin is None:
            parts.append(f"{name} -")
            continue
        parts.append(_stat_line(f"{name} {origin}", origin.stat()))
    parts.extend(_plugin_lines())
    return "\n".join(sorted(parts)).encode()


def _origin(module: str) -> Path | None:
    """The file a top-level module is loaded from, found without importing it."""
    try:
        spec = find_spec(module)
    except (ImportError, ValueError):
        return None
    origin = Path(spec.origin) if spec is not None and spec.origin else None
    return origin if origin is not None and origin.is_file() else None


def _tree_lines(label: str, folder: Path) -> Iterator[str]:
    for path in folder.rglob("*.py"):
        yield _stat_line(f"{label}/{path.relative_to(folder)}", path.stat())


def _plugin_lines() -> Iterator[str]:
    from smartind.plugins import plugin_entries

    RULES = "smartind.rules"  # smartind.rules.ENTRY_POINT_GROUP, without importing the model

    for group in (RULES, "smartind.renderers"):
        for entry in plugin_entries(group):
            yield f"plugin {group} {entry.name} {entry.value} {entry.origin}"
            if entry.is_builtin:
                continue  # smartind's own code is covered above
            top = entry.value.split(":")[0].split(".")[0]
            origin = _origin(top)
            if origin is None:
                yield f"plugin {top} -"
            elif origin.name == "__init__.py":
                yield from _tree_lines(f"plugin {top}", origin.parent)
            else:
                yield _stat_line(f"plugin {top} {origin}", origin.stat())


def _stat_line(name: str, status: os.stat_result) -> str:
    return f"{name} {status.st_size} {status.st_mtime_ns}"


def _inputs(report: Path | None) -> Iterator[tuple[str, Path]]:
    """The files the loader reads, with the names they are keyed by, in the loader's order.

    Mirrors ``smartind.load.resolve_report`` and the loader's chapter listing; a report that
    cannot be resolved yields nothing, so the loader raises its own error.
    """
    if report is None:
        from smartind.examples import bundled_example_path

        report = bundled_example_path()
    toml = report / _REPORT_FILE if report.is_dir() else report
    if not toml.is_file():
        return
    yield _REPORT_FILE, toml
    chapters = toml.parent / _CHAPTER_DIR
    if chapters.is_dir():
        # An OSError here (a folder that cannot be listed) makes the key None: the loader then
        # reports it, rather than a cached render without chapters being served.
        names = sorted(entry.name for entry in os.scandir(chapters))
        for name in names:
            if name.endswith(".md") and not name.startswith("."):
                yield f"{_CHAPTER_DIR}/{name}", chapters / name


def _feed(digest: Any, label: str, value: bytes) -> None:
    # Length-prefixed, so that no two different recipes can feed the same bytes.
    name = label.encode()
    digest.update(len(name).to_bytes(8, "big") + name + len(value).to_bytes(8, "big"))
    digest.update(value)


def _entry_name(key: str) -> str:
    return f"render-{key}.json"


def _owned(status: os.stat_result) -> bool:
    import stat

    if not stat.S_ISREG(status.st_mode):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or status.st_uid == getuid()


def _checked(raw: bytes) -> bytes | None:
    start = len(_FORMAT) + 32
    if not raw.startswith(_FORMAT) or len(raw) < start:
        return None
    payload = raw[start:]
    if hashlib.sha256(payload).digest() != raw[len(_FORMAT) : start]:
        return None
    return payload


def _write_atomically(path: Path, data: bytes) -> None:
    import tempfile

    handle, name = tempfile.mkstemp(dir=path.parent, prefix=_TEMP_PREFIX, suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _prune(folder: Path) -> None:
    """Keep the :data:`MAX_ENTRIES` most recently used entries; remove stale temporary files.

    Only files named like this module's own are touched: the folder may be one the user chose.
    """
    entries: list[tuple[int, Path]] = []
    now = time.time()
    with os.scandir(folder) as listing:
        for item in listing:
            try:
                if _ENTRY.fullmatch(item.name):
                    entries.append((item.stat().st_mtime_ns, Path(item.path)))
                elif _OLD_ENTRY.fullmatch(item.name) or (
                    item.name.startswith(_TEMP_PREFIX)
                    and item.name.endswith(".tmp")
                    and now - item.stat().st_mtime > _STALE_TEMP_SECONDS
                ):
                    Path(item.path).unlink()
            except OSError:
                continue
    entries.sort(reverse=True)
    for _, path in entries[MAX_ENTRIES:]:
        with contextlib.suppress(OSError):
            path.unlink()
