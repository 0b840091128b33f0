"""Time the Word renderer against pandoc, and check that table rendering is linear.

Run from a checkout with smartind installed and pandoc on the PATH::

    python benchmarks/render.py [--repeat 7]

It prints, for the bundled example report:

* the in-process DOCX render (the composed document to bytes), warm (best of N) and cold (the
  first render in a fresh interpreter, imports of lxml and the renderer included);
* the whole ``smartind render`` process writing ``slutrapport.docx`` (best of N);
* pandoc's whole process converting smartind's own Markdown output of the same report to DOCX
  (best of N), the anchor;
* both ratios against pandoc (targets: in-process at most 0.1x, whole process at most 1.0x);
* render CPU times of a 1 000, 2 000 and 5 000 row table, and the time per row of each, which
  must stay flat (linear time).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

EPOCH = "1551225600"
IN_PROCESS_TARGET = 0.1
WHOLE_PROCESS_TARGET = 1.0
TABLE_SIZES = (1000, 2000, 5000)


def best_of(repeat: int, run: object) -> float:
    """The fastest of ``repeat`` timed calls of ``run`` (least disturbed by other load)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def smartind_command() -> list[str]:
    found = shutil.which("smartind")
    return [found] if found else [sys.executable, "-m", "smartind"]


def run_quietly(command: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def composed_document() -> object:
    from smartind.compose import compose
    from smartind.examples import bundled_example_path
    from smartind.load import load_report

    return compose(load_report(bundled_example_path()))


def in_process(repeat: int) -> tuple[float, float]:
    """(cold, warm) seconds for rendering the composed bundled report to DOCX bytes."""
    cold_script = (
        "import time, warnings\n"
        "from smartind.compose import compose\n"
        "from smartind.examples import bundled_example_path\n"
        "from smartind.load import load_report\n"
        "from smartind_render import RenderOptions\n"
        "document = compose(load_report(bundled_example_path()))\n"
        "start = time.perf_counter()\n"
        "from smartind_render.docx import DocxRenderer\n"
        "DocxRenderer().render(document, RenderOptions())\n"
        "print(time.perf_counter() - start)\n"
    )
    cold = min(
        float(run_quietly([sys.executable, "-c", cold_script]).stdout.strip() or "nan")
        for _ in range(max(1, repeat // 2))
    )
    from smartind_render import RenderOptions
    from smartind_render.docx import DocxRenderer

    document = composed_document()
    renderer = DocxRenderer()
    options = RenderOptions(source_date_epoch=int(EPOCH))
    renderer.render(document, options)  # type: ignore[arg-type]
    warm = best_of(repeat, lambda: renderer.render(document, options))  # type: ignore[arg-type]
    return cold, warm


def whole_process(repeat: int, folder: Path) -> float | None:
    """Seconds for ``smartind render`` writing the DOCX, or None if the command fails."""
    target = folder / "slutrapport.docx"
    command = [*smartind_command(), "render", "-f", "docx", "-o", str(target), "--force"]
    first = run_quietly(command)
    if first.returncode != 0:
        print(f"  smartind render failed ({first.returncode}): {first.stderr.strip()[:300]}")
        return None
    return best_of(repeat, lambda: run_quietly(command))


def markdown_source(folder: Path) -> Path:
    """smartind's own Markdown output of the bundled report (the CLI, else in-process)."""
    target = folder / "slutrapport.md"
    result = run_quietly(
        [*smartind_command(), "render", "-f", "markdown", "-o", str(target), "--force"]
    )
    if result.returncode != 0 or not target.exists():
        print("  (smartind render -f markdown failed; using the Markdown renderer in-process)")
        from smartind_render import RenderOptions
        from smartind_render.markdown import MarkdownRenderer

        data = MarkdownRenderer().render(composed_document(), RenderOptions())  # type: ignore[arg-type]
        target.write_bytes(data)
    return target


def pandoc_time(repeat: int, folder: Path) -> float:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        sys.exit("pandoc is not installed; it is the anchor this benchmark compares with")
    source = markdown_source(folder)
    command = [
        pandoc,
        "-f",
        "markdown",
        "-t",
        "docx",
        "-o",
        str(folder / "pandoc.docx"),
        str(source),
    ]
    return best_of(repeat, lambda: run_quietly(command))


def big_table_document(rows: int) -> object:
    from smartind.document import (
        Align,
        Cell,
        ColumnSpec,
        Document,
        Metadata,
        Number,
        NumberKind,
        Row,
        RowKind,
        Table,
        Text,
    )

    columns = [ColumnSpec(Align.LEFT), *(ColumnSpec(Align.RIGHT) for _ in range(3))]
    head = Row(
        [Cell([Text(t)]) for t in ("Projekt", "Beviljat", "Utbetalt", "Andel")], RowKind.HEAD
    )
    body = [
        Row(
            [
                Cell([Text(f"Projekt {n}")]),
                Cell([Number(Decimal(n * 1000 + 17), NumberKind.AMOUNT, "kr", show_unit=False)]),
                Cell([Number(Decimal(n * 731), NumberKind.AMOUNT, "kr", show_unit=False)]),
                Cell([Number(Decimal("0.731"), NumberKind.PERCENT, decimals=1)]),
            ]
        )
        for n in range(rows)
    ]
    table = Table(columns, [head, *body], caption=[Text("Stor tabell")])
    return Document(Metadata("Tabelltest"), [table])


def table_scaling(repeat: int) -> list[tuple[int, float]]:
    """Best render time per table size; sizes are timed in turn so that load spikes from other
    programs fall on all of them alike."""
    from smartind_render import RenderOptions
    from smartind_render.docx import DocxRenderer

    renderer = DocxRenderer()
    options = RenderOptions(source_date_epoch=int(EPOCH))
    documents = {size: big_table_document(size) for size in TABLE_SIZES}
    best = {size: float("inf") for size in TABLE_SIZES}
    for document in documents.values():
        renderer.render(document, options)  # type: ignore[arg-type]
    for _ in range(max(3, repeat)):
        for size, document in documents.items():
            # CPU time of this process: other programs' load on a shared machine hides less.
            start = time.process_time()
            renderer.render(document, options)  # type: ignore[arg-type]
            best[size] = min(best[size], time.process_time() - start)
    return sorted(best.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per measurement")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        print("bundled report, smartind DOCX vs pandoc Markdown->DOCX")
        anchor = pandoc_time(args.repeat, folder)
        cold, warm = in_process(args.repeat)
        whole = whole_process(args.repeat, folder)
        print(f"  pandoc, whole process:          {anchor * 1000:8.1f} ms (anchor)")
        print(
            f"  smartind in-process, warm:      {warm * 1000:8.1f} ms  "
            f"ratio {warm / anchor:.3f} (target <= {IN_PROCESS_TARGET})"
        )
        print(
            f"  smartind in-process, cold:      {cold * 1000:8.1f} ms  "
            f"ratio {cold / anchor:.3f} (first render in a fresh interpreter)"
        )
        if whole is not None:
            print(
                f"  smartind render, whole process: {whole * 1000:8.1f} ms  "
                f"ratio {whole / anchor:.3f} (target <= {WHOLE_PROCESS_TARGET})"
            )
    print("table scaling (one table, 4 columns; CPU time of the render)")
    scaling = table_scaling(args.repeat)
    base = scaling[0][1] / scaling[0][0]
    for size, seconds in scaling:
        per_row = seconds / size
        print(
            f"  {size:5d} rows: {seconds * 1000:8.1f} ms, {per_row * 1e6:6.1f} us/row "
            f"({per_row / base:.2f}x the per-row time at {scaling[0][0]} rows)"
        )


if __name__ == "__main__":
    main()
