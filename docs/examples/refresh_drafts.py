"""Bring every report's edited Word draft up to its data, and list what each refresh did.

Each report folder holds its ``report.toml``, its chapters and ``utkast.docx``, the draft its
writer edits in Word. A figure the writer changed by hand is kept and reported, not replaced.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import smartind
from smartind.compose import compose
from smartind_render.docx import refresh_draft
from smartind_render.output import read_draft, replace_draft


def refresh_all(root: Path) -> dict[str, list[str]]:
    """Each report folder's name under ``root`` mapped to its change list, in Swedish."""
    done: dict[str, list[str]] = {}
    for toml in sorted(root.glob("*/report.toml")):
        folder = toml.parent
        draft = folder / "utkast.docx"
        try:
            original = read_draft(draft)
            result = refresh_draft(original, compose(smartind.load_report(folder)))
            if result.data is not None:
                replace_draft(draft, original, result.data)  # keeps utkast.backup-1.docx
        except smartind.SmartindError as error:
            print(f"{folder.name}: {error}", file=sys.stderr)
            continue
        lines = [change.line() for change in result.changes]
        lines += [f"behållen: {conflict.line()}" for conflict in result.conflicts]
        done[folder.name] = lines
    return done


if __name__ == "__main__":
    from smartind_render import render

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "reports" / "2019"
        shutil.copytree(smartind.bundled_example_path(), folder)
        # The writer's draft, then a late change in the data: the final grant to projects.
        draft = render(smartind.load_report(folder), "docx")
        (folder / "utkast.docx").write_bytes(draft)
        toml = folder / "report.toml"
        text = toml.read_text(encoding="utf-8")
        toml.write_text(text.replace('"20 197 tkr"', '"20 412 tkr"'), encoding="utf-8")

        for report, lines in refresh_all(folder.parent).items():
            print(f"{report}: {len(lines)} ändringar")
            for line in lines:
                print(f"  {line}")
        assert (folder / "utkast.backup-1.docx").read_bytes() == draft
