"""``smartind render``: load the report, compose it, render one format, write the file safely.

The format is looked up first, so a misspelt ``-f`` fails before any work is done. The output
goes to ``-o PATH`` or ``slutrapport`` plus the format's extension; an existing file is replaced
only when it is still exactly what smartind wrote (see :mod:`smartind_render.output`).

The composed document comes from a cache when the inputs have not changed since an earlier run
(see :mod:`smartind.cli._cache`); ``--no-cache`` or ``SMARTIND_NO_CACHE=1`` compose afresh.
"""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from smartind.errors import SmartindWarning

if TYPE_CHECKING:
    import argparse

    from smartind.cli._cache import Issued
    from smartind.document import Document
    from smartind_render.protocol import Renderer, RenderOptions

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


# Which built-in format reads each format-specific option; a third-party format may read any.
_OPTION_FORMATS = {
    "reference_docx": ("--reference-docx", "docx"),
    "template_dir": ("--template-dir", "html"),
}
_BUILT_IN = frozenset({"docx", "html", "markdown"})


def _warn_unused_options(args: argparse.Namespace) -> None:
    import warnings

    from smartind.errors import SmartindWarning

    if args.format not in _BUILT_IN:
        return
    for attribute, (option, reader) in _OPTION_FORMATS.items():
        if getattr(args, attribute) is not None and args.format != reader:
            warnings.warn(
                f"{option} is read only by the {reader} format; the {args.format} output "
                "ignores it",
                SmartindWarning,
                stacklevel=2,
            )


def run(args: argparse.Namespace) -> int:
    """Render the report named by ``args`` and write it; 0 on success, 2 on bad usage."""
    try:
        _check_style(args.style)
        extra = parse_options(args.option)
        _check_paths(args)
    except (_UsageError, ValueError) as error:
        print(f"smartind: {error}", file=sys.stderr)
        return _EXIT_USAGE

    from smartind.cli._report import report_path
    from smartind_render.output import write_output
    from smartind_render.protocol import RenderOptions
    from smartind_render.registry import load_renderer

    renderer = load_renderer(args.format)
    _warn_unused_options(args)
    report = report_path(args.report)
    document = _document(report, args.style, refuse_cache=getattr(args, "no_cache", False))
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


def _document(report: Path, style: str | None, *, refuse_cache: bool) -> Document:
    """The composed document: from the cache when the inputs are unchanged, else composed (and
    then stored in the cache). Either way the same warnings are issued."""
    from smartind.cli import _cache as cache

    folder = cache.cache_folder(refuse=refuse_cache)
    key = cache.input_key(report, style) if folder is not None else None
    if folder is not None and key is not None:
        entry = cache.read_entry(folder, key)
        if entry is not None:
            cache.reissue(entry[1])
            return entry[0]
    document, issued = _compose(report, style)
    # Keyed again: a file saved while the report was being composed must not store the new
    # content's document under the old content's key.
    if folder is not None and key is not None and key == cache.input_key(report, style):
        cache.write_entry(folder, key, document, issued)
    return document


def _compose(report: Path, style: str | None) -> tuple[Document, list[Issued]]:
    """Load and compose; the smartind warnings issued on the way are returned for the cache
    and shown as usual, also when loading or composing then fails."""
    # Imported here, not at the top: a cache hit needs neither (nor cattrs, Jinja2 or
    # markdown-it-py, which they import).
    from smartind.compose import compose
    from smartind.load import load_report

    caught: list[warnings.WarningMessage] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            # Every smartind warning is recorded, whatever the caller's filters say, so that the
            # stored entry is complete; the caller's filters decide below what is shown.
            warnings.simplefilter("always", SmartindWarning)
            document = compose(load_report(report), style=style)
    finally:
        for item in caught:
            warnings.warn_explicit(item.message, item.category, item.filename, item.lineno)
    issued: list[Issued] = [
        (item.category, str(item.message), item.filename, item.lineno)
        for item in caught
        if issubclass(item.category, SmartindWarning)
    ]
    return document, issued


def _render(renderer: Renderer, document: Document, options: RenderOptions) -> bytes:
    from smartind_render.rendering import run_renderer

    return run_renderer(renderer, document, options)


def _size(count: int) -> str:
    return f"{count} bytes" if count < 10_000 else f"{round(count / 1024)} KiB"
