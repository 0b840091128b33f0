"""The renderer registry: output formats found through the entry point group ``smartind.renderers``.

Formats are read with smartind's one plugin mechanism (:mod:`smartind.plugins`), the same one
the funding rule kinds use. Discovery reads installed distributions' metadata only
(``entry_points.txt``); no plugin is imported until its format is asked for with
:func:`load_renderer`, and then in a contained way (bounded time, ``SystemExit`` caught, output to
standard error). A plugin that fails to import therefore never affects the other formats: only
asking for that format raises :class:`~smartind.errors.PluginLoadError`, naming the plugin, its
distribution and the cause.

Two distributions may register the same format name. smartind's own formats (``docx``,
``markdown``, ``html``) cannot be taken over: when a third-party distribution registers one of
those names, smartind's renderer is used and the other entry is listed as not used. When two
third-party distributions register the same name, neither is chosen silently: asking for it
raises :class:`~smartind.errors.PluginLoadError` naming both, and the fix is to uninstall one.
"""

from __future__ import annotations

from attrs import frozen

from smartind._suggest import did_you_mean
from smartind.errors import PluginLoadError, UnknownFormatError
from smartind.plugins import (
    PluginEntry,
    choose,
    describe_failure,
    load_plugin,
    plugin_entries,
    plugin_output,
)
from smartind_render.protocol import Renderer

__all__ = [
    "GROUP",
    "FormatEntry",
    "available_formats",
    "find_format",
    "load_renderer",
]

GROUP = "smartind.renderers"
"""The entry point group renderers are registered under."""


@frozen
class FormatEntry:
    """One registered format, as its distribution's metadata declares it (nothing imported).

    ``value`` is the entry point's target, ``module:Class``. ``distribution`` and ``version``
    are ``None`` when the entry point comes from no installed distribution.
    """

    name: str
    value: str
    distribution: str | None
    version: str | None

    # Both answered by the plugin mechanism, so formats and rule kinds never disagree on them.
    @property
    def is_builtin(self) -> bool:
        """Whether smartind itself registers this format."""
        return _plugin(self).is_builtin

    @property
    def origin(self) -> str:
        """The distribution and version as one phrase, e.g. ``smartind-plaintext 0.1.0``."""
        return _plugin(self).origin


def available_formats() -> tuple[FormatEntry, ...]:
    """Every registered format entry, sorted by name, built-ins before others of the same name.

    Reads metadata only; nothing is imported. A name appears more than once when several
    distributions register it (see the module documentation for which one is used).
    """
    return tuple(
        FormatEntry(entry.name, entry.value, entry.distribution, entry.version)
        for entry in plugin_entries(GROUP)
    )


def _plugin(entry: FormatEntry) -> PluginEntry:
    return PluginEntry(GROUP, entry.name, entry.value, entry.distribution, entry.version)


def find_format(name: str) -> FormatEntry:
    """The entry that provides format ``name``, without importing it.

    Raises :class:`~smartind.errors.UnknownFormatError` when no distribution registers the name,
    and :class:`~smartind.errors.PluginLoadError` when several third-party ones do.
    """
    entries = available_formats()
    if not any(entry.name == name for entry in entries):
        raise UnknownFormatError(_unknown(name, sorted({entry.name for entry in entries})))
    choice = choose([_plugin(entry) for entry in entries])
    chosen = choice.used.get(name)
    if chosen is None:
        raise PluginLoadError(f"the format {choice.reason(name)}")
    return FormatEntry(chosen.name, chosen.value, chosen.distribution, chosen.version)


def load_renderer(name: str) -> Renderer:
    """Import, instantiate and check the renderer of format ``name``; only that one is imported.

    Raises :class:`~smartind.errors.UnknownFormatError` (with the installed names and a
    suggestion) when no renderer has that name, and :class:`~smartind.errors.PluginLoadError`
    when the plugin cannot be imported or instantiated or does not fit the protocol.
    """
    entry = find_format(name)
    factory = load_plugin(_plugin(entry))
    try:
        with plugin_output():
            renderer = factory()  # type: ignore[operator]
    except (Exception, SystemExit) as error:
        raise PluginLoadError(
            f"the renderer plugin {name!r} ({entry.value}, from {entry.origin}) cannot be "
            f"loaded: {describe_failure(error)}; reinstall or upgrade {_fix_target(entry)}"
            + ("" if entry.is_builtin else ", or uninstall it")
        ) from error
    problems = _protocol_problems(renderer, name)
    if problems:
        raise PluginLoadError(
            f"the renderer plugin {name!r} ({entry.value}, from {entry.origin}) does not "
            f"implement the smartind renderer protocol: {'; '.join(problems)}; "
            f"ask the authors of {_fix_target(entry)} for a fixed version"
        )
    return renderer  # type: ignore[no-any-return]


def _fix_target(entry: FormatEntry) -> str:
    if entry.is_builtin:
        return "smartind (pip install --force-reinstall smartind)"
    return entry.distribution or "the package that provides it"


def _protocol_problems(renderer: object, name: str) -> list[str]:
    problems: list[str] = []
    for attribute in ("name", "media_type", "extension"):
        value = getattr(renderer, attribute, None)
        if not isinstance(value, str) or not value:
            problems.append(f"its {attribute!r} is {value!r}, not a non-empty string")
    declared = getattr(renderer, "name", None)
    if isinstance(declared, str) and declared and declared != name:
        problems.append(f"it calls itself {declared!r} but is registered as {name!r}")
    extension = getattr(renderer, "extension", None)
    if isinstance(extension, str) and extension and not extension.startswith("."):
        problems.append(f"its extension {extension!r} does not start with a dot")
    if not callable(getattr(renderer, "render", None)):
        problems.append("it has no render(document, options) method")
    return problems


def _unknown(name: str, installed: list[str]) -> str:
    message = f"no renderer for the format {name!r} is installed"
    hint = did_you_mean(name, installed).rstrip()
    message += f"; {hint}" if hint else "."
    listing = ", ".join(installed) if installed else "none"
    return (
        f"{message} Installed formats: {listing}. Run 'smartind formats' for details, "
        "or install a package that provides the format."
    )
