"""Time and peak memory of every hostile input in the test corpus, each refused by the CLI.

Run from a checkout with smartind installed::

    python benchmarks/hostile.py

For each case of ``tests/hostile/test_hostile_cli.py`` (the hostile-input report's items, one
case each) it prints the wall time of the whole ``smartind`` process, its peak resident memory,
and its exit status, which must be 2. The same cases under the same limits are tests; this only
measures them, for the figures in a closing note. pandoc's whole process converting the bundled
report's Markdown to DOCX is timed in the same run as the anchor, when pandoc is installed, so a
slow machine shows as a slow anchor too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile.test_hostile_cli import CASES, MEMORY_LIMIT

from smartind.examples import bundled_example_path


def _run(args: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak resident KiB and exit status of one child."""

    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    start = time.perf_counter()
    child = subprocess.Popen(
        args,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=limit,  # noqa: PLW1509 (this script starts no threads)
        env={**os.environ, "SMARTIND_NO_CACHE": "1"},
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, child.returncode


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        pandoc = shutil.which("pandoc")
        if pandoc is not None:
            report = folder / "anchor"
            shutil.copytree(bundled_example_path(), report)
            markdown = report / "rapport.md"
            subprocess.run(
                [sys.executable, "-m", "smartind", "render", str(report), "-f", "markdown",
                 "-o", str(markdown)],
                check=True, capture_output=True,
            )  # fmt: skip
            seconds, kib, _ = _run([pandoc, str(markdown), "-o", str(folder / "anchor.docx")])
            print(f"{'anchor: pandoc md -> docx':40} {seconds:6.2f} s {kib / 1024:7.1f} MiB")
        worst = 0
        for case in CASES:
            report = folder / case.id / "rapport"
            shutil.copytree(bundled_example_path(), report)
            args = case.setup(report)
            seconds, kib, status = _run([sys.executable, "-m", "smartind", *args])
            worst = max(worst, kib)
            flag = "" if status == 2 else f"  <- exit {status}, expected 2"
            print(f"{case.id:40} {seconds:6.2f} s {kib / 1024:7.1f} MiB  exit {status}{flag}")
        print(f"largest peak memory: {worst / 1024:.1f} MiB (limit {MEMORY_LIMIT / 2**30:.0f} GiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
