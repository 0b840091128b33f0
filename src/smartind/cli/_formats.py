"""``smartind formats``: list the installed output formats and where each comes from.

Each format is loaded to read its media type and extension; one that cannot be loaded is listed
as broken with its error, and the others are still listed. The exit status is always 0: a broken
plugin is information here, not a failure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from smartind.errors import PluginUnavailableError, SmartindError

if TYPE_CHECKING:
    import argparse

    from smartind_render.registry import FormatEntry

__all__ = ["format_lines", "run"]


def format_lines() -> list[str]:
    """One line per registered format: name, media type, extension, distribution and version.

    A format that cannot be loaded shows ``broken:`` and the error instead of its media type and
    extension; a third-party entry that reuses a built-in name shows which one is used instead.
    """
    from smartind_render.registry import available_formats, find_format, load_renderer

    rows: list[tuple[str, ...]] = []
    for entry in available_formats():
        try:
            chosen: FormatEntry | None = find_format(entry.name)
        except SmartindError:
            chosen = None  # several third-party providers: loading says so below
        if chosen is not None and chosen != entry:
            rows.append((entry.name, f"{entry.origin}: not used, {chosen.origin} provides it"))
            continue
        try:
            renderer = load_renderer(entry.name)
        except PluginUnavailableError as error:
            # The plugin's own words (what it needs, how to install it) say it all here.
            rows.append((entry.name, f"unavailable: it {error.__cause__ or error}"))
            continue
        except SmartindError as error:
            rows.append((entry.name, f"broken: {error}"))
            continue
        rows.append((entry.name, renderer.media_type, renderer.extension, entry.origin))
    if not rows:
        return ["No output formats are installed; reinstall smartind."]
    widths = [max((len(row[i]) for row in rows if len(row) == 4), default=0) for i in range(3)]
    widths[0] = max(len(row[0]) for row in rows)
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, *row[len(cells) :]]).rstrip())
    return lines


def run(args: argparse.Namespace) -> int:
    """Print the installed formats; always 0."""
    for line in format_lines():
        print(line)
    return 0
