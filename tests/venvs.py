"""Temporary virtual environments for the packaging tests.

A test venv must see smartind's dependencies without downloading them. ``--system-site-packages``
does not do that when the tests themselves run in a virtual environment (a new user's case): it
shows the base interpreter's packages, not the running venv's. So the new venv gets a ``.pth``
file naming the running environment's site-packages instead. A folder named in a ``.pth`` file is
added to ``sys.path`` after the venv's own site-packages, and ``.pth`` files inside it are not
read, so an editable install of smartind there stays invisible: whatever a test installs into the
venv is what the venv imports.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

__all__ = ["bin_path", "pip_install", "temporary_venv"]


def bin_path(env: Path, name: str) -> Path:
    """A program installed in the venv's scripts folder."""
    return env / ("Scripts" if sys.platform == "win32" else "bin") / name


def temporary_venv(env: Path) -> Path:
    """Create a venv at ``env`` that can import the running environment's packages."""
    venv.EnvBuilder(with_pip=False).create(env)
    python = bin_path(env, "python")
    query = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    purelib = subprocess.run(
        [str(python), "-c", query], capture_output=True, text=True, check=True
    ).stdout.strip()
    running = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (Path(purelib) / "_running_environment.pth").write_text("\n".join(running) + "\n", "utf-8")
    return env


def pip_install(env: Path, *targets: str | Path) -> None:
    """Install ``targets`` into the venv offline, with the running pip and build backend."""
    command = [sys.executable, "-m", "pip", "--python", str(bin_path(env, "python")), "install"]
    command += ["-q", "--no-deps", "--no-build-isolation", "--no-index", *map(str, targets)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"pip install failed:\n{result.stdout}\n{result.stderr}"
