"""Time ``smartind refresh`` of the bundled draft, and ``smartind render`` before and after.

Run from a checkout with smartind installed and pandoc on the PATH::

    python benchmarks/refresh.py [--repeat 7] [--before PATH]

It prints, for the bundled example report, the best of N whole processes, timed in turn round
after round so that load from other programs falls on all of them alike:

* pandoc converting smartind's own Markdown output of the report to DOCX, the anchor;
* ``smartind render --no-cache`` writing the Word draft;
* with ``--before PATH`` (a checkout of an earlier smartind, e.g. ``git worktree add /tmp/before
  37d1edd``), the same render from that checkout's ``src`` (run with ``PYTHONPATH``), so the
  ratio after/before comes from one run (the issue's budget: at most 1.3x);
* ``smartind refresh`` of a draft of the bundled report after a change in its data (the amount
  granted to projects): the whole command, writing the draft and its backup (the draft is put
  back before each run), and ``--dry-run``;
* the in-process ``refresh_draft`` call on the composed document (best of N).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EPOCH = "1551225600"
RENDER_BUDGET = 1.3


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "SMARTIND_NO_CACHE": "1"}
    env.update(extra or {})
    return env


def _timed(command: list[str], cwd: Path, extra: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env=_env(extra), check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()[:400]}")
    return elapsed


def _prepare(folder: Path) -> tuple[Path, Path, bytes]:
    """A report folder (``smartind init``), its draft, then a change in the data."""
    python = sys.executable
    subprocess.run(
        [python, "-m", "smartind", "init", "rapport"],
        cwd=folder,
        check=True,
        capture_output=True,
        env=_env(),
    )
    subprocess.run(
        [python, "-m", "smartind", "render", "rapport", "-o", "utkast.docx"],
        cwd=folder,
        check=True,
        capture_output=True,
        env=_env(),
    )
    report = folder / "rapport" / "report.toml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace('"20 197 tkr"', '"20 412 tkr"'), encoding="utf-8")
    subprocess.run(
        [python, "-m", "smartind", "render", "-f", "markdown", "-o", "slutrapport.md"],
        cwd=folder,
        check=True,
        capture_output=True,
        env=_env(),
    )
    draft = folder / "utkast.docx"
    return folder / "rapport", draft, draft.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per measurement")
    parser.add_argument("--before", type=Path, help="a checkout of an earlier smartind")
    args = parser.parse_args()
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        sys.exit("pandoc is not installed; it is the anchor this benchmark compares with")
    python = sys.executable
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        report, draft, original = _prepare(folder)
        commands: dict[str, tuple[list[str], dict[str, str] | None]] = {
            "pandoc": (
                [pandoc, "-f", "markdown", "-t", "docx", "-o", "p.docx", "slutrapport.md"],
                None,
            ),
            "render": ([python, "-m", "smartind", "render", "-o", "r.docx", "--force"], None),
        }
        if args.before is not None:
            before_src = str((args.before / "src").resolve())
            commands["render before"] = (
                [python, "-m", "smartind", "render", "-o", "b.docx", "--force"],
                {"PYTHONPATH": before_src},
            )
        refresh = [python, "-m", "smartind", "refresh", str(draft), str(report)]
        commands["refresh"] = (refresh, None)
        commands["refresh --dry-run"] = ([*refresh, "--dry-run"], None)
        best = dict.fromkeys(commands, float("inf"))
        for round_ in range(args.repeat + 1):
            for label, (command, extra) in commands.items():
                draft.write_bytes(original)
                for backup in folder.glob("utkast.backup-*.docx"):
                    backup.unlink()
                seconds = _timed(command, folder, extra)
                if round_:  # the first round warms the file and bytecode caches, untimed
                    best[label] = min(best[label], seconds)

        sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
        import warnings

        from smartind.compose import compose
        from smartind.errors import SmartindWarning
        from smartind.load import load_report
        from smartind_render.docx import refresh_draft

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SmartindWarning)
            document = compose(load_report(report / "report.toml"))
        in_process = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = refresh_draft(original, document)
            in_process = min(in_process, time.perf_counter() - start)
        changes = len(result.changes)

    anchor = best["pandoc"]
    print(f"Bundled report, best of {args.repeat} whole processes, timed in turn:")
    for label, seconds in best.items():
        print(f"  {label:<20} {seconds * 1000:7.0f} ms   {seconds / anchor:5.2f}x pandoc")
    if "render before" in best:
        ratio = best["render"] / best["render before"]
        verdict = "within" if ratio <= RENDER_BUDGET else "OVER"
        print(f"  render after/before: {ratio:.2f}x ({verdict} the {RENDER_BUDGET}x budget)")
    print(f"  refresh_draft in process: {in_process * 1000:.0f} ms ({changes} figures changed)")


if __name__ == "__main__":
    main()
