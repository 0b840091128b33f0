"""Time the Word renderer against pandoc, and check that table rendering is linear.

Run from a checkout with smartind installed and pandoc on the PATH::

    python benchmarks/render.py [--repeat 7] [--no-bytecode-cache]

It prints, for the bundled example report:

* pandoc's whole process converting smartind's own Markdown output of the same report to DOCX
  (best of N), the anchor;
* the whole ``smartind render`` process writing ``slutrapport.docx`` (best of N), three ways:
  with ``--no-cache``; with a cold cache (an empty cache folder: load, compose, store the entry);
  with a warm cache (the composed document read from the cache). pandoc and the three are timed
  in turn, round after round, so that load from other programs falls on all of them alike;
* the in-process DOCX render (the composed document to bytes), warm (best of N) and cold (the
  first render in a fresh interpreter, imports of lxml and the renderer included);
* the ratios against pandoc (targets: in-process at most 0.1x, whole process at most 1.0x);
* render CPU times of a 1 000, 2 000 and 5 000 row table, and the time per row of each, which
  must stay flat (linear time);
* a scale run (``--projects 1000 10000``, ``--projects`` alone to skip): the bundled report with
  its projects copied up to N, each stage (load, compose, DOCX render) timed in a child process
  of its own with the peak memory the child reached by the end of that stage, and the time per
  project of each stage (target for loading: at most 100 us a project).

The ``smartind`` run is the console script installed beside the running interpreter, not a
wrapper found first on the PATH (a pyenv shim alone costs some 70 ms). Child processes keep
their compiled bytecode in a temporary folder (``PYTHONPYCACHEPREFIX``), even when
``PYTHONDONTWRITEBYTECODE`` is set, because an installed smartind has its bytecode compiled at
install time; ``--no-bytecode-cache`` measures with the environment as it is instead.
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
IN_PROCESS_TARGET = 0.1
WHOLE_PROCESS_TARGET = 1.0
COLD_TARGET = 1.2
LOAD_TARGET_PER_PROJECT = 100e-6
STAGES = ("load", "compose", "render")
SCALE_CHAPTER = """# Projekten

Antal projekt: {{ projects | length | count }}.

```{smartind} implementation-projects
```

# Ekonomisk redovisning

```{smartind} income-statement
```

```{smartind} key-ratios
```

# Finansieringsvillkor

```{smartind} rule-findings
```
"""
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
    """The ``smartind`` script of this interpreter's installation, else ``python -m smartind``."""
    beside = Path(sys.executable).parent / "smartind"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("smartind")
    return [found] if found else [sys.executable, "-m", "smartind"]


# Set by main(): the environment of every child process.
_CHILD_ENV: dict[str, str] = {}


def child_environment(bytecode: Path | None) -> dict[str, str]:
    """The environment child processes run in: fixed timestamps, no cache unless asked for,
    and compiled bytecode kept in ``bytecode`` (when given)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "SMARTIND_NO_CACHE": "1"}
    if bytecode is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    return env


def run_quietly(
    command: list[str], extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**_CHILD_ENV, **(extra or {})}
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


def _timed(command: list[str], extra: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    done = run_quietly(command, extra)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()[:300]}")
    return elapsed


def whole_processes(repeat: int, folder: Path) -> dict[str, float]:
    """Best seconds of pandoc and of ``smartind render`` without, with a cold and with a warm
    cache, timed in turn round after round."""
    pandoc = pandoc_command(folder)
    render = [*smartind_command(), "render", "-f", "docx", "--force"]
    no_cache = [*render, "-o", str(folder / "no-cache.docx"), "--no-cache"]
    cold = [*render, "-o", str(folder / "cold.docx")]
    warm = [*render, "-o", str(folder / "warm.docx")]
    warm_env = {"SMARTIND_NO_CACHE": "", "SMARTIND_CACHE_DIR": str(folder / "warm-cache")}
    # Untimed first runs: fill the warm cache and the bytecode folder, and touch every file.
    for command, extra in ((pandoc, None), (no_cache, None), (warm, warm_env)):
        _timed(command, extra)
    best = dict.fromkeys(("pandoc", "no cache", "cold cache", "warm cache"), float("inf"))
    for round_ in range(repeat):
        # A new empty folder each round: every cold run composes and stores an entry.
        cold_env = {"SMARTIND_NO_CACHE": "", "SMARTIND_CACHE_DIR": str(folder / f"cold-{round_}")}
        times = {
            "pandoc": _timed(pandoc),
            "no cache": _timed(no_cache),
            "cold cache": _timed(cold, cold_env),
            "warm cache": _timed(warm, warm_env),
        }
        best = {name: min(best[name], seconds) for name, seconds in times.items()}
    same = {(folder / f"{name}.docx").read_bytes() for name in ("no-cache", "cold", "warm")}
    if len(same) != 1:
        sys.exit("smartind render wrote different files with and without the cache")
    return best


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


def pandoc_command(folder: Path) -> list[str]:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        sys.exit("pandoc is not installed; it is the anchor this benchmark compares with")
    source = markdown_source(folder)
    return [pandoc, "-f", "markdown", "-t", "docx", "-o", str(folder / "pandoc.docx"), str(source)]


def big_table_document(rows: int) -> object:
    from decimal import Decimal

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
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="run child processes with the environment as it is, even if it keeps Python from "
        "writing bytecode (PYTHONDONTWRITEBYTECODE)",
    )
    parser.add_argument(
        "--projects",
        type=int,
        nargs="*",
        default=[1000, 10_000],
        help="project counts of the scale run (none: skip it)",
    )
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--report", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage is not None:
        run_stage(args.stage, args.report)
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bytecode = None if args.no_bytecode_cache else folder / "bytecode"
        _CHILD_ENV.clear()
        _CHILD_ENV.update(child_environment(bytecode))
        print("bundled report, smartind DOCX vs pandoc Markdown->DOCX")
        print(f"  smartind command: {' '.join(smartind_command())}")
        print(
            "  bytecode: "
            + ("as the environment says" if bytecode is None else "kept (PYTHONPYCACHEPREFIX)")
        )
        whole = whole_processes(args.repeat, folder)
        cold, warm = in_process(args.repeat)
        anchor = whole["pandoc"]
        print(f"  pandoc, whole process:             {anchor * 1000:8.1f} ms (anchor)")
        for label in ("no cache", "cold cache", "warm cache"):
            seconds = whole[label]
            target = WHOLE_PROCESS_TARGET if label == "warm cache" else COLD_TARGET
            print(
                f"  smartind render, {label + ':':<17} {seconds * 1000:8.1f} ms  "
                f"ratio {seconds / anchor:.3f} (target <= {target})"
            )
        print(
            f"  smartind in-process, warm:         {warm * 1000:8.1f} ms  "
            f"ratio {warm / anchor:.3f} (target <= {IN_PROCESS_TARGET})"
        )
        print(
            f"  smartind in-process, cold:         {cold * 1000:8.1f} ms  "
            f"ratio {cold / anchor:.3f} (first render in a fresh interpreter)"
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
    if args.projects:
        scale_run(args.projects)


def scaled_report(projects: int, folder: Path) -> Path:
    """The bundled report with its projects copied (new ids and names) up to ``projects``."""
    import attrs

    from smartind.examples import bundled_example_path
    from smartind.load import dump_report, load_report

    source = bundled_example_path()
    report = load_report(source)
    own = report.projects
    copies = tuple(
        attrs.evolve(own[n % len(own)], id=f"{own[n % len(own)].id}-{n}", name=f"Projekt {n}")
        for n in range(projects - len(own))
    )
    target = folder / f"rapport-{projects}"
    (target / "chapters").mkdir(parents=True)
    (target / "report.toml").write_text(
        dump_report(attrs.evolve(report, projects=own + copies)), encoding="utf-8"
    )
    # The bundled chapters spell the number of projects as a word; this one places every table
    # that grows with the projects instead.
    (target / "chapters" / "01-projekt.md").write_text(SCALE_CHAPTER, encoding="utf-8")
    return target


def run_stage(stage: str, report: Path) -> None:
    """In a child: run the stages up to ``stage``, time the last one, print seconds and peak KiB."""
    import json
    import resource

    from smartind.compose import compose
    from smartind.load import load_report
    from smartind_render.protocol import RenderOptions
    from smartind_render.registry import load_renderer

    renderer = load_renderer("docx")
    start = time.perf_counter()
    loaded = load_report(report)
    if stage != "load":
        start = time.perf_counter()
        document = compose(loaded)
        if stage == "render":
            start = time.perf_counter()
            renderer.render(document, RenderOptions(source_date_epoch=int(EPOCH)))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_kib": peak}))


def scale_run(sizes: list[int]) -> None:
    import json

    print("scale (bundled report with N projects; each stage in its own child process)")
    with tempfile.TemporaryDirectory() as name:
        for projects in sizes:
            report = scaled_report(projects, Path(name))
            for stage in STAGES:
                done = subprocess.run(
                    [sys.executable, __file__, "--stage", stage, "--report", str(report)],
                    capture_output=True,
                    text=True,
                    check=True,
                    env={**os.environ, "SMARTIND_NO_CACHE": "1"},
                )
                figures = json.loads(done.stdout.strip().splitlines()[-1])
                seconds = figures["seconds"]
                per_project = seconds / projects
                target = (
                    f" (target <= {LOAD_TARGET_PER_PROJECT * 1e6:.0f} us)"
                    if stage == "load"
                    else ""
                )
                print(
                    f"  {projects:6d} projects, {stage:7}: {seconds * 1000:9.1f} ms, "
                    f"{per_project * 1e6:6.1f} us/project{target}, "
                    f"peak memory {figures['peak_kib'] / 1024:7.1f} MiB"
                )


if __name__ == "__main__":
    main()
