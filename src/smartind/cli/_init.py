"""``smartind init DIR``: write an editable copy of the bundled example report."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from smartind.errors import OutputError
from smartind.examples import bundled_example_path
from smartind.load import CHAPTER_DIR, REPORT_FILE


def _files(source: Path) -> list[Path]:
    files = [source / REPORT_FILE]
    chapters = source / CHAPTER_DIR
    if chapters.is_dir():
        files.extend(sorted(chapters.glob("*.md")))
    return files


def init_report(directory: Path) -> list[Path]:
    """Copy the bundled example's report.toml and chapters into ``directory``; return the files.

    ``directory`` is created when missing. Raises :class:`~smartind.errors.OutputError` when it
    exists and is not an empty folder, so nobody's work is overwritten.
    """
    if directory.exists():
        if not directory.is_dir():
            raise OutputError(f"{directory}: exists and is not a folder; choose a new folder name")
        if any(directory.iterdir()):
            raise OutputError(
                f"{directory}: the folder is not empty; choose a new or empty folder, so that "
                f"no file in it is overwritten"
            )
    source = bundled_example_path()
    if not (source / REPORT_FILE).is_file():
        raise OutputError(f"the bundled example is missing from this installation ({source})")
    written = []
    for file in _files(source):
        target = directory / file.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, target)
        written.append(target)
    return written


def run(args: argparse.Namespace) -> int:
    """Write the copy, list what was written and what to run next; return the exit status."""
    directory: Path = args.directory
    try:
        written = init_report(directory)
    except OSError as error:
        raise OutputError(f"{directory}: cannot write the report ({error.strerror})") from error
    print(f"Wrote {len(written)} files to {directory}:")
    for path in written:
        print(f"  {path}")
    print("Next:")
    print(f"  smartind check {directory}")
    print(f"  smartind render {directory} -o {directory / 'slutrapport.docx'}")
    return 0
