"""Check and render every report folder under one folder, and sum up how each one fared.

A folder whose data cannot be read is reported and skipped; the others are still done.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import smartind
from smartind_render import render


def run_batch(root: Path, out: Path) -> dict[str, str]:
    """Each report folder's name under ``root`` mapped to how it went; DOCX files go to ``out``."""
    outcome: dict[str, str] = {}
    out.mkdir(parents=True, exist_ok=True)
    for toml in sorted(root.glob("*/report.toml")):
        name = toml.parent.name
        try:
            report = smartind.load_report(toml.parent)
            findings = smartind.check(report)
            (out / f"{name}.docx").write_bytes(render(report, "docx"))
        except smartind.SmartindError as error:
            print(f"{name}: {error}", file=sys.stderr)
            outcome[name] = "unreadable"
            continue
        failing = [f for f in findings if f.status.fails]
        outcome[name] = f"{len(failing)} of {len(findings)} findings fail"
    return outcome


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "reports"
        # Two copies of the bundled example, one of them with a typing error in its data.
        for name in ("2019", "2019-typo"):
            shutil.copytree(smartind.bundled_example_path(), root / name)
        broken = root / "2019-typo" / "report.toml"
        text = broken.read_text(encoding="utf-8")
        broken.write_text(text.replace('original = "25 mkr"', 'original = "25 mkrr"', 1))

        outcome = run_batch(root, Path(folder) / "out")
        for name, how in outcome.items():
            print(f"{name}: {how}")
        assert outcome["2019-typo"] == "unreadable"
        assert (Path(folder) / "out" / "2019.docx").is_file()
