"""Shared fixtures: paths, the bundled example, and outside tools that must exist in CI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check correctness, not speed; on a shared two-core machine one example can take
# longer than Hypothesis's default 200 ms deadline, which would fail a correct run at random.
settings.register_profile("smartind", deadline=None)
settings.load_profile("smartind")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_c0f330de51522749.txt"


def require_tool(name: str) -> str:
    """The path of an outside program; skip when it is missing, fail instead in CI.

    CI (``.ci/run``) sets ``SMARTIND_REQUIRE_TOOLS=1`` because a skipped check there would hide a
    missing install step.
    """
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed"
        if os.environ.get("SMARTIND_REQUIRE_TOOLS") == "1":
            pytest.fail(f"{message}, and SMARTIND_REQUIRE_TOOLS=1 requires it")
        pytest.skip(message)
    return path


def libreoffice_convert(source: Path, folder: Path, target: str) -> Path:
    """Convert ``source`` with headless LibreOffice into ``folder``, as ``target`` (``pdf``,
    ``docx:MS Word 2007 XML``); returns the new file. A profile of its own keeps runs apart."""
    import subprocess

    soffice = require_tool("soffice")
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return folder / f"{source.stem}.{target.split(':', maxsplit=1)[0]}"


@pytest.fixture
def root() -> Path:
    """The repository's root folder."""
    return ROOT


@pytest.fixture(autouse=True)
def _smartind_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every test gets its own empty render cache, never the home folder's.

    A folder of its own rather than ``tmp_path``, which some tests list in full.
    """
    monkeypatch.setenv("SMARTIND_CACHE_DIR", str(tmp_path_factory.mktemp("smartind-cache")))
    monkeypatch.delenv("SMARTIND_NO_CACHE", raising=False)
