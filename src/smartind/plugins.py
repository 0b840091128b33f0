"""One mechanism for every extension point: output formats and funding rule kinds.

smartind is extended through two entry point groups, ``smartind.renderers`` and
``smartind.rules``. Both are read here, the same way:

- **Discovery reads metadata only.** :func:`plugin_entries` lists what installed distributions
  declare in their ``entry_points.txt``; nothing is imported, so a broken or slow plugin cannot
  affect a command that does not use it.
- **One duplicate policy** (:func:`choose`). A name smartind provides itself (its own entry
  points, or a name the caller reserves, such as the built-in rule kinds) is always smartind's:
  another distribution registering it is listed as not used. When several third-party
  distributions register the same name, none is picked silently: each is listed as not used, with
  the fix (uninstall one).
- **Loading is contained** (:func:`load_plugin`). A plugin is imported in a separate daemon
  thread that may take at most :func:`plugin_timeout` seconds (``SMARTIND_PLUGIN_TIMEOUT``,
  default 10). Any exception it raises while importing, ``SystemExit`` and ``KeyboardInterrupt``
  included, becomes a :class:`~smartind.errors.PluginLoadError` naming the plugin, its
  distribution and the cause, and whatever it prints goes to standard error, never into
  smartind's own output.
- A plugin's code runs under :func:`plugin_output`, and a renderer's ``render`` that raises
  ``SystemExit`` is reported like any other failure (:func:`describe_failure`): it cannot end
  or corrupt the command.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import threading
from collections.abc import Collection, Iterator, Mapping
from importlib import metadata
from pathlib import Path
from types import MappingProxyType
from typing import Any

from attrs import frozen

from smartind.errors import PluginLoadError, PluginUnavailableError

__all__ = [
    "DEFAULT_PLUGIN_TIMEOUT",
    "MissingDependency",
    "PluginChoice",
    "PluginEntry",
    "choose",
    "describe_failure",
    "load_plugin",
    "plugin_entries",
    "plugin_output",
    "plugin_timeout",
]

DEFAULT_PLUGIN_TIMEOUT = 10.0
"""Seconds a plugin may take to import when ``SMARTIND_PLUGIN_TIMEOUT`` is not set."""

_OWN_DISTRIBUTION = "smartind"

_KINDS = {"smartind.renderers": "renderer plugin", "smartind.rules": "funding rule plugin"}


@frozen
class PluginEntry:
    """One entry point as its distribution's metadata declares it (nothing imported).

    ``value`` is the entry point's target, ``module:attribute``. ``distribution`` and ``version``
    are ``None`` when the entry point comes from no installed distribution.
    """

    group: str
    name: str
    value: str
    distribution: str | None
    version: str | None

    @property
    def is_builtin(self) -> bool:
        """Whether smartind itself registers this entry."""
        return _canonical(self.distribution) == _OWN_DISTRIBUTION

    @property
    def kind(self) -> str:
        """What the entry is, in words: ``renderer plugin``, ``funding rule plugin``."""
        return _KINDS.get(self.group, f"plugin in {self.group}")

    @property
    def origin(self) -> str:
        """The distribution and version as one phrase, e.g. ``smartind-plaintext 0.1.0``."""
        if self.distribution is None:
            return "an unknown distribution"
        return f"{self.distribution} {self.version}" if self.version else self.distribution


@frozen
class PluginChoice:
    """The outcome of the duplicate policy for one group.

    ``used`` maps each name to the entry that provides it; ``unused`` holds every other entry with
    the reason it is not used, in the order of :func:`plugin_entries`.
    """

    used: Mapping[str, PluginEntry]
    unused: tuple[tuple[PluginEntry, str], ...]

    def reason(self, name: str) -> str | None:
        """Why no entry provides ``name`` although some register it, or ``None``."""
        for entry, why in self.unused:
            if entry.name == name and name not in self.used:
                return why
        return None


def _canonical(name: str | None) -> str | None:
    return None if name is None else name.lower().replace("_", "-").replace(".", "-")


def _search_path_state() -> tuple[tuple[str, int], ...]:
    # Installing or removing a distribution changes its folder's modification time, as
    # importlib's own finders rely on; a stat per sys.path entry is cheap.
    state = []
    for folder in sys.path:
        try:
            state.append((folder, Path(folder or ".").stat().st_mtime_ns))
        except OSError:
            state.append((folder, -1))
    return tuple(state)


@functools.lru_cache(maxsize=2)
def _everything(_state: tuple[tuple[str, int], ...]) -> Any:
    # One scan of every installed distribution (about 10 ms) serves every group: the registry,
    # the rule kinds and the render cache's key all ask within one command. The result is
    # SelectableGroups on Python 3.11 and EntryPoints later; both have select().
    return metadata.entry_points()


def _installed(group: str) -> metadata.EntryPoints:
    selected: metadata.EntryPoints = _everything(_search_path_state()).select(group=group)
    return selected


def plugin_entries(group: str) -> tuple[PluginEntry, ...]:
    """Every entry point of ``group``, sorted by name, smartind's own before others.

    Reads installed metadata only; nothing is imported. A name appears more than once when several
    distributions register it (:func:`choose` says which one is used).
    """
    found: set[PluginEntry] = set()
    for point in _installed(group):
        dist = point.dist
        found.add(
            PluginEntry(
                group=group,
                name=point.name,
                value=point.value,
                distribution=dist.metadata["Name"] if dist is not None else None,
                version=dist.version if dist is not None else None,
            )
        )
    return tuple(
        sorted(found, key=lambda e: (e.name, not e.is_builtin, e.distribution or "", e.value))
    )


def choose(entries: Collection[PluginEntry], reserved: Collection[str] = ()) -> PluginChoice:
    """Apply the duplicate policy to ``entries`` of one group.

    ``reserved`` names are provided by smartind without an entry point (the built-in rule kinds):
    every entry registering one of them is not used.
    """
    by_name: dict[str, list[PluginEntry]] = {}
    for entry in entries:
        by_name.setdefault(entry.name, []).append(entry)
    used: dict[str, PluginEntry] = {}
    unused: list[tuple[PluginEntry, str]] = []
    for name, same in by_name.items():
        builtin = [entry for entry in same if entry.is_builtin]
        if name in reserved:
            unused.extend(
                (entry, f"{name!r} is built into smartind, which uses its own") for entry in same
            )
        elif builtin:
            used[name] = builtin[0]
            unused.extend(
                (entry, f"{name!r} is built into smartind, which uses its own")
                for entry in same
                if entry is not builtin[0]
            )
        elif len(same) > 1:
            providers = " and ".join(entry.origin for entry in same)
            why = (
                f"{name!r} is registered by both {providers}, and smartind will not pick one "
                "for you; uninstall the one you do not want (pip uninstall NAME)"
            )
            unused.extend((entry, why) for entry in same)
        else:
            used[name] = same[0]
    return PluginChoice(used=MappingProxyType(used), unused=tuple(unused))


def plugin_timeout() -> float:
    """Seconds a plugin may take to import: ``SMARTIND_PLUGIN_TIMEOUT``, else the default.

    A value that is not a positive number is ignored (with the default used), since a typo in an
    environment variable should not make every plugin time out.
    """
    given = os.environ.get("SMARTIND_PLUGIN_TIMEOUT", "")
    try:
        seconds = float(given)
    except ValueError:
        return DEFAULT_PLUGIN_TIMEOUT
    return seconds if seconds > 0 else DEFAULT_PLUGIN_TIMEOUT


@contextlib.contextmanager
def plugin_output() -> Iterator[None]:
    """While a plugin's code runs, what it prints goes to standard error.

    A plugin's ``print`` must never land in what smartind writes to standard output (a listing,
    JSON findings, or a rendered file written to ``-``).
    """
    with contextlib.redirect_stdout(sys.stderr):
        yield


class MissingDependency(ImportError):
    """Raised by a plugin's module at import when an optional dependency it needs is missing.

    The message says what is missing and how to install it; the plugin is then listed as
    *unavailable* with that message, not as broken, and using it is a
    :class:`~smartind.errors.PluginUnavailableError` with the same words::

        if importlib.util.find_spec("weasyprint") is None:
            raise MissingDependency("needs WeasyPrint: pip install 'smartind[pdf]'")
    """


def load_plugin(entry: PluginEntry, *, timeout: float | None = None) -> object:
    """Import the object ``entry`` names, contained.

    Raises :class:`~smartind.errors.PluginLoadError` naming the plugin and its distribution when
    the import raises anything (``SystemExit`` and ``KeyboardInterrupt`` included) or takes longer
    than ``timeout`` seconds (default :func:`plugin_timeout`). A plugin that timed out keeps
    running in its daemon thread, which ends with the process.
    """
    limit = plugin_timeout() if timeout is None else timeout
    point = metadata.EntryPoint(name=entry.name, value=entry.value, group=entry.group)
    outcome: list[object] = []
    failure: list[BaseException] = []

    def _import() -> None:
        try:
            outcome.append(point.load())
        except BaseException as error:  # a plugin may raise anything, SystemExit included
            failure.append(error)

    worker = threading.Thread(target=_import, name=f"smartind plugin {entry.name}", daemon=True)
    with plugin_output():
        worker.start()
        worker.join(limit)
    where = f"the {entry.kind} {entry.name!r} ({entry.value}, from {entry.origin})"
    if worker.is_alive():
        raise PluginLoadError(
            f"{where} did not finish importing within {limit:g} s; fix or uninstall it, or "
            "allow it more time with SMARTIND_PLUGIN_TIMEOUT=SECONDS"
        )
    if failure:
        error = failure[0]
        if isinstance(error, MissingDependency):
            raise PluginUnavailableError(f"{where} is unavailable: it {error}") from error
        raise PluginLoadError(
            f"{where} cannot be loaded: {describe_failure(error)}; reinstall or upgrade "
            f"{_fix_target(entry)}" + ("" if entry.is_builtin else ", or uninstall it")
        ) from error
    return outcome[0]


def describe_failure(error: BaseException) -> str:
    """What a plugin did wrong, in words: ``it called sys.exit(0)``, ``ValueError: ...``."""
    if isinstance(error, SystemExit):
        return f"it called sys.exit({error.code!r})"
    if isinstance(error, KeyboardInterrupt):
        return "it raised KeyboardInterrupt"
    return f"{type(error).__name__}: {error}"


def _fix_target(entry: PluginEntry) -> str:
    if entry.is_builtin:
        return "smartind (pip install --force-reinstall smartind)"
    return entry.distribution or "the package that provides it"
