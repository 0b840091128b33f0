"""``smartind schema``: print the JSON Schema of report.toml."""

from __future__ import annotations

import argparse
import json
import sys

from smartind.schema import report_schema


def run(args: argparse.Namespace) -> int:
    """Write the schema to standard output as indented JSON; return the exit status."""
    del args
    sys.stdout.write(json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0
