"""``smartind render``: load the report, compose it, render one format, write the file safely.

The format is looked up first, so a misspelt ``-f`` fails before any work is done. The output
goes to ``-o PATH`` or ``slutrapport`` plus the format's extension; an existing file is replaced
only when it is still exactly what smartind wrote (see :mod:`smartind_render.output`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from smartind.errors import RenderError, SmartindError

if TYPE_CHECKING:
    import argparse

__all__ = ["parse_options", "run"]

_EXIT_USAGE = 2
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")


class _UsageError(Exception):
    """An argument the parser accepted but that makes no sense; exit 2 with the message."""


def parse_options(pairs: Sequence[str]) -> dict[str, str]:
    """``--option KEY=VALUE`` arguments as a mapping; raises ``ValueError`` with a message."""
    options: dict[str, str] = {}
    for pair in pairs:
        key, equals, value = pair.partition("=")
        if not equals or not _KEY.fullmatch(key):
            raise ValueError(
                f"--option {pair!r} is not KEY=VALUE; write it like --option line-width=72 "
                "(a key starts with a letter and holds letters, digits, '_', '.' or '-')"
            )
        if key in options:
            raise ValueError(f"--option {key} is given twice; give each key once")
        options[key] = value
    return options


def _check_style(name: str | None) -> None:
    if name is None:
        return
    from smartind.numbers import NUMBER_STYLES

    if name not in NUMBER_STYLES:
        known = " or ".join(sorted(NUMBER_STYLES))
        raise _UsageError(f"--style {name!r} is not a number style; choose {known}")


def _check_paths(args: argparse.Namespace) -> None:
    reference = args.reference_docx
    if reference is not None and not Path(reference).is_file():
        raise _UsageError(f"--reference-docx {reference}: no such file; give a .docx template")
    templates = args.template_dir
    if templates is not None and not Path(templates).is_dir():
        raise _UsageError(f"--template-dir {templates}: no such folder")


def run(args: argparse.Namespace) -> int:
    """Render the report named by ``args`` and write it; 0 on success, 2 on bad usage."""
    try:
        _check_style(args.style)
        extra = parse_options(args.option)
        _check_paths(args)
    except (_UsageError, ValueError) as error:
        print(f"smartind: {error}", file=sys.stderr)
        return _EXIT_USAGE

    from smartind_render.output import write_output
    from smartind_render.protocol import RenderOptions
    from smartind_render.registry import load_renderer

    renderer = load_renderer(args.format)
    from smartind.compose import compose
    from smartind.load import load_report, resolve_report

    report = load_report(resolve_report(args.report))
    document = compose(report, style=args.style)
    options = RenderOptions(
        style=args.style,
        reference_docx=args.reference_docx,
        template_dir=args.template_dir,
        extra=extra,
    )
    data = _render(renderer, document, options)
    target = args.output if args.output is not None else Path("slutrapport" + renderer.extension)
    result = write_output(target, data, force=args.force)
    print(f"Wrote {result.path} ({renderer.name}, {_size(len(data))}).")
    if result.backup is not None:
        print(f"The earlier {result.path.name} was kept as {result.backup}.")
    return 0


def _render(renderer: object, document: object, options: object) -> bytes:
    name = getattr(renderer, "name", "?")
    try:
        data = renderer.render(document, options)  # type: ignore[attr-defined]
    except SmartindError:
        raise
    except Exception as error:
        # A renderer's own bug: say whose it is; --debug shows the traceback.
        raise RenderError(
            f"the {name} renderer failed: {type(error).__name__}: {error}; "
            "run with --debug to see where, and report it to the renderer's authors"
        ) from error
    if not isinstance(data, bytes):
        raise RenderError(
            f"the {name} renderer returned {type(data).__name__}, not bytes; "
            "report it to the renderer's authors"
        )
    return data


def _size(count: int) -> str:
    return f"{count} bytes" if count < 10_000 else f"{round(count / 1024)} KiB"
