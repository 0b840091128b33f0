"""A render ended with SIGTERM still runs its clean-up (temporary files are removed)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

PROGRAM = """
import os, signal, time
from smartind.cli import ending_on_terminate
with ending_on_terminate():
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(10)
    finally:
        print("opstädat", flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_sigterm_unwinds_so_finally_blocks_run() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=30, check=False
    )
    assert done.stdout == "opstädat\n"
    assert done.returncode == 128 + signal.SIGTERM
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_the_previous_sigterm_handler_comes_back_afterwards() -> None:
    from smartind.cli import ending_on_terminate

    before = signal.getsignal(signal.SIGTERM)
    with ending_on_terminate():
        assert signal.getsignal(signal.SIGTERM) is not before
    assert signal.getsignal(signal.SIGTERM) is before
