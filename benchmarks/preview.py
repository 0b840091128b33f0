"""Time from saving a chapter to ``smartind preview`` serving the new page.

Run from a checkout with smartind installed::

    python benchmarks/preview.py [--edits 50]

Starts ``smartind preview`` on a copy of the bundled report as its own process, opens the page's
event stream as a browser would, and then, edit after edit, appends a sentence to a chapter and
measures the time until the reload event has arrived *and* the page served contains the new
sentence. Prints the median and the 95th percentile (targets: 100 ms and 200 ms), and, as the
anchor measured in the same run, a whole ``smartind render -f html`` of the same report, which is
what a writer without the preview would wait for (plus opening the file).
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from smartind.examples import bundled_example_path

MEDIAN_TARGET = 0.100
P95_TARGET = 0.200


def _page(port: int) -> str:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/")
    body = connection.getresponse().read().decode("utf-8")
    connection.close()
    return body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "rapport"
        shutil.copytree(bundled_example_path(), report)
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "smartind", "render", str(report), "-f", "html", "-o",
             str(Path(scratch) / "anchor.html"), "--no-cache"],
            check=True, capture_output=True, env=env,
        )  # fmt: skip
        anchor = time.perf_counter() - started
        server = subprocess.Popen(
            [sys.executable, "-m", "smartind", "preview", str(report)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        try:
            assert server.stdout is not None
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", server.stdout.readline())
            if found is None:
                raise SystemExit("smartind preview printed no address")
            port = int(found[1])
            events = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            events.request("GET", "/events")
            stream = events.getresponse()
            chapter = report / "chapters" / "01-uppdraget.md"
            original = chapter.read_text(encoding="utf-8")
            times = []
            for edit in range(args.edits):
                marker = f"Ändring nummer {edit} i förhandsvisningen."
                started = time.perf_counter()
                chapter.write_text(f"{original}\n{marker}\n", encoding="utf-8")
                while True:
                    line = stream.readline().decode("utf-8")
                    if line.startswith("event: reload"):
                        break
                if marker not in _page(port):
                    raise SystemExit(f"edit {edit}: the reload event came before the new page")
                times.append(time.perf_counter() - started)
                time.sleep(0.05)  # a writer does not save twice in the same instant
            events.close()
        finally:
            server.terminate()
            server.wait(10)
    times.sort()
    median = statistics.median(times)
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    print(f"anchor: whole smartind render -f html   {anchor * 1000:7.1f} ms")
    print(f"save to new page, median of {len(times):3}      {median * 1000:7.1f} ms "
          f"(target {MEDIAN_TARGET * 1000:.0f} ms)")  # fmt: skip
    print(f"save to new page, 95th percentile      {p95 * 1000:7.1f} ms "
          f"(target {P95_TARGET * 1000:.0f} ms)")  # fmt: skip
    print(f"fastest {times[0] * 1000:.1f} ms, slowest {times[-1] * 1000:.1f} ms")
    return 0 if median <= MEDIAN_TARGET and p95 <= P95_TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
