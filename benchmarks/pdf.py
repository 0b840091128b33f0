"""Time ``smartind render -f pdf`` against LibreOffice converting smartind's own DOCX to PDF.

Run from a checkout with smartind and its pdf extra installed and LibreOffice (``soffice``) on
the PATH::

    python benchmarks/pdf.py [--repeat 3]

Both are whole processes on the bundled report, timed in turn round after round (best of N), so
that load from other programs falls on both alike: smartind composes and lays out the PDF
itself; LibreOffice gets the DOCX smartind wrote (not timed) and converts it headless. Prints
both times, the ratio (target: at most 1.5), and each PDF's pages and size.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.5


def _pages(pdf: Path) -> int:
    import pikepdf

    with pikepdf.open(pdf) as document:
        return len(document.pages)


def _timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is not installed: it is this benchmark's anchor")
    smartind = [sys.executable, "-m", "smartind"]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        profile = folder / "lo-profile"
        subprocess.run([*smartind, "render", "-o", "slutrapport.docx"], cwd=folder, check=True,
                       capture_output=True)  # fmt: skip
        office = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "lo"),
            "slutrapport.docx",
        ]
        subprocess.run(office, cwd=folder, check=True, capture_output=True)  # profile set-up
        ours = [*smartind, "render", "-f", "pdf", "-o", "slutrapport.pdf", "--force", "--no-cache"]
        times: dict[str, list[float]] = {"smartind": [], "libreoffice": []}
        for _ in range(args.repeat):
            times["smartind"].append(_timed(ours, folder))
            times["libreoffice"].append(_timed(office, folder))
        best = {label: min(values) for label, values in times.items()}
        ratio = best["smartind"] / best["libreoffice"]
        for label, pdf in (
            ("smartind", folder / "slutrapport.pdf"),
            ("libreoffice", folder / "lo" / "slutrapport.pdf"),
        ):
            print(
                f"{label:12} {best[label] * 1000:8.0f} ms  {_pages(pdf):3d} pages  "
                f"{pdf.stat().st_size / 1024:6.0f} KiB"
            )
        print(f"ratio smartind / LibreOffice: {ratio:.2f} (target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
