"""``smartind refresh DRAFT.docx [REPORT]``: the report's figures into an edited Word draft."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smartind_render.docx import FigureConflict, MissingFigure, RefreshResult

EXIT_CONFLICTS = 1
_EXIT_USAGE = 2


def run(args: argparse.Namespace) -> int:
    """Refresh the draft ``args.draft``; 0 done, 1 a hand-edited figure was kept, 2 bad input."""
    from smartind.cli._render import _check_style, _document
    from smartind.cli._report import report_path
    from smartind_render.docx import check_draft, refresh_draft
    from smartind_render.output import read_draft, replace_draft
    from smartind_render.protocol import RenderOptions

    try:
        _check_style(args.style)
    except ValueError as error:
        print(f"smartind: {error}", file=sys.stderr)
        return _EXIT_USAGE
    draft: Path = args.draft
    _refuse_open_in_word(draft)
    original = read_draft(draft)
    check_draft(original)  # a file that cannot be refreshed is refused before the report is read
    document = _document(report_path(args.report), args.style, refuse_cache=args.no_cache)
    result = refresh_draft(
        original, document, take_data=args.take_data, options=RenderOptions(style=args.style)
    )
    _print(draft, result)
    if result.data is None:
        print(f"{draft.name} är redan aktuellt; inget skrevs.")
    elif args.dry_run:
        print("Inget skrevs (--dry-run).")
    else:
        written = replace_draft(draft, original, result.data)
        print(f"Skrev {draft.name}; det tidigare utkastet finns kvar som {written.backup}.")
    return EXIT_CONFLICTS if result.conflicts else 0


def _refuse_open_in_word(draft: Path) -> None:
    """A draft open in Word or LibreOffice would be saved over the refresh: refuse it."""
    from smartind.errors import OutputError

    name = draft.name
    # Word's owner file drops the name's first two characters when it is long enough.
    owners = {f"~${name[2:]}" if len(name) > 7 else f"~${name}", f".~lock.{name}#"}
    for owner in owners:
        if (draft.parent / owner).exists():
            raise OutputError(
                f"{draft} is open in a word processor (its lock file {owner} is there); save and "
                "close it first, or refresh would be lost when the draft is saved again"
            )


def _print(draft: Path, result: RefreshResult) -> None:
    counts = f"{len(result.changes)} {_plural(len(result.changes), 'ändring', 'ändringar')}"
    if result.conflicts:
        counts += (
            f", {len(result.conflicts)} {_plural(len(result.conflicts), 'konflikt', 'konflikter')}"
        )
    print(f"{draft.name}: {counts}.")
    if result.changes:
        print("Uppdaterade värden:")
        for change in result.changes:
            print(f"  {change.line()}")
    _section("Ändrade för hand och behållna (--take-data ersätter dem med data):", result.conflicts)
    _section("Borttagna ur utkastet (förblir borttagna):", result.deleted)
    _section(
        "Nya i rapporten, utan plats i utkastet (skriv in dem där de hör hemma):", result.added
    )
    _section("Källan finns inte längre i rapporten (texten lämnas som den är):", result.gone)


def _section(title: str, items: Sequence[FigureConflict | MissingFigure]) -> None:
    if not items:
        return
    print(title)
    for item in items:
        print(f"  {item.line()}")


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many
