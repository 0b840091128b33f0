"""Drive headless Chromium for the HTML tests: axe-core, PDF and PNG, console messages.

No CDP client is needed. axe-core is inlined into a *copy* of the page together with a small script
that runs ``axe.run()`` and writes the JSON result into a ``<pre>``; ``chromium --dump-dom`` with a
virtual time budget then prints the DOM after the promise settled, and the result is read back
from it. The page under test itself is never changed.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
AXE_JS = ROOT / ".ci" / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / ".ci" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")
"""WCAG 2.1 A and AA, and axe's best practices: what the bundled report must pass."""

_RESULT_ID = "smartind-axe-result"
_RESULT = re.compile(rf'<pre id="{_RESULT_ID}">(.*?)</pre>', re.S)
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
_RUNNER = """
<script>
(function () {
  function report(value) {
    var pre = document.createElement("pre");
    pre.id = "%(id)s";
    pre.textContent = JSON.stringify(value);
    document.documentElement.appendChild(pre);
  }
  axe.run(document, {runOnly: {type: "tag", values: %(tags)s}})
    .then(function (r) {
      report({violations: r.violations.map(function (v) {
        return {id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(function (n) { return {target: n.target, html: n.html}; })};
      }), passes: r.passes.length});
    })
    .catch(function (e) { report({error: String(e)}); });
})();
</script>
"""


def run_chromium(chromium: str, url: str, *args: str, timeout: float = 120) -> tuple[str, str]:
    """Run headless Chromium on ``url`` in a fresh profile; return (stdout, stderr)."""
    with tempfile.TemporaryDirectory(prefix="smartind-chromium-") as profile:
        completed = subprocess.run(
            [chromium, *_FLAGS, f"--user-data-dir={profile}", *args, url],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    if completed.returncode != 0:
        raise RuntimeError(f"chromium exited {completed.returncode}: {completed.stderr[-2000:]}")
    return completed.stdout, completed.stderr


def run_axe(chromium: str, page: bytes, workdir: Path) -> dict[str, Any]:
    """axe-core's result for ``page``: ``{"violations": [...], "passes": n}``."""
    text = page.decode("utf-8")
    axe = AXE_JS.read_text(encoding="utf-8")
    runner = _RUNNER % {"id": _RESULT_ID, "tags": json.dumps(list(AXE_TAGS))}
    injected = text.replace("</body>", f"<script>{axe}</script>{runner}</body>", 1)
    copy = workdir / "axe-copy.html"
    copy.write_text(injected, encoding="utf-8")
    dom, _ = run_chromium(
        chromium, copy.as_uri(), "--virtual-time-budget=30000", "--dump-dom", timeout=180
    )
    match = _RESULT.search(dom)
    if match is None:
        raise RuntimeError("axe-core wrote no result into the page; did it load?")
    result: dict[str, Any] = json.loads(html.unescape(match.group(1)))
    if "error" in result:
        raise RuntimeError(f"axe-core failed: {result['error']}")
    return result


def console_messages(stderr: str) -> list[str]:
    """The page's console messages (errors, uncaught exceptions) in Chromium's stderr log."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def print_pdf(chromium: str, page: Path, pdf: Path) -> str:
    """Print ``page`` to ``pdf`` as Chromium's print preview would; return Chromium's log."""
    _, stderr = run_chromium(
        chromium,
        page.as_uri(),
        "--enable-logging=stderr",
        "--v=0",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
    )
    return stderr


def screenshot(chromium: str, page: Path, png: Path, width: int = 1000, height: int = 1400) -> str:
    """Take a PNG screenshot of ``page``'s first screen; return Chromium's log."""
    _, stderr = run_chromium(
        chromium,
        page.as_uri(),
        "--enable-logging=stderr",
        "--v=0",
        "--hide-scrollbars",
        f"--window-size={width},{height}",
        f"--screenshot={png}",
    )
    return stderr
