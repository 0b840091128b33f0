"""Format a million amounts with smartind and compare the rate with Babel's format_decimal.

Run from the repository root::

    python benchmarks/numbers.py [--count 1000000] [--babel-sample 50000] [--seed 2019]

The amounts are exact öre values up to ±10^12 kr, formatted in whole tkr in the
``tillvaxtverket`` style (U+00A0 groups, hyphen minus, half-up rounding). Babel formats the same
numbers, already rounded half-up (Babel itself rounds half-even, which would change ties), in
locale ``sv_SE``. Babel is timed on a sample and its rate extrapolated to the full count: at
8-19 µs a call a million would take longer than the rest of the run. Every sampled number is
checked to give identical digits from both. Each side is timed three times, alternating, and the
best run counts, so a busy machine affects both alike. The target is a rate at least ten times
Babel's.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This script is called numbers.py, like the standard library module that decimal imports; run as
# a script, its folder comes first on sys.path and would shadow that module. Drop the folder.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _HERE]

import argparse  # noqa: E402
import gc  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from decimal import Decimal  # noqa: E402

from babel.numbers import format_decimal  # noqa: E402

from smartind.numbers import Amount, format_amount, round_half_up  # noqa: E402

TARGET_RATIO = 10.0


def amounts(count: int, seed: int) -> list[Amount]:
    """``count`` exact amounts in öre, spread over every magnitude from öre to 10^12 kr."""
    generator = random.Random(seed)
    result = []
    for _ in range(count):
        digits = generator.randint(1, 14)
        ore = generator.randrange(10 ** (digits - 1), 10**digits)
        if generator.random() < 0.2:
            ore = -ore
        result.append(Amount(Decimal(ore).scaleb(-2)))
    return result


def best_seconds(run: Callable[[], object], repeats: int) -> float:
    """The fastest of ``repeats`` runs, with the garbage collector paused while timing."""
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        start = time.perf_counter()
        run()
        elapsed = time.perf_counter() - start
        gc.enable()
        best = min(best, elapsed)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--babel-sample", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    values = amounts(args.count, args.seed)
    sample = values[: args.babel_sample]
    # Babel gets the value in tkr already rounded half-up, prepared outside the timed loop. A
    # negative amount that rounds to zero is given as 0: Babel would print "-0", smartind "0".
    babel_input = [round_half_up(amount.to("tkr")) or Decimal(0) for amount in sample]

    ours_sample = [format_amount(a, "tkr", show_unit=False) for a in sample]
    theirs_sample = [format_decimal(v, locale="sv_SE") for v in babel_input]
    mismatches = [
        (a.kronor, o, t)
        for a, o, t in zip(sample, ours_sample, theirs_sample, strict=True)
        if o != t
    ]

    def ours() -> None:
        for amount in values:
            format_amount(amount, "tkr", show_unit=False)

    def theirs() -> None:
        for value in babel_input:
            format_decimal(value, locale="sv_SE")

    ours_best = theirs_best = float("inf")
    for _ in range(args.repeats):
        ours_best = min(ours_best, best_seconds(ours, 1))
        theirs_best = min(theirs_best, best_seconds(theirs, 1))

    ours_rate = len(values) / ours_best
    theirs_rate = len(babel_input) / theirs_best
    ratio = ours_rate / theirs_rate
    print(f"smartind.format_amount: {len(values):,} amounts in {ours_best:.3f} s")
    print(f"  {ours_rate:,.0f} amounts/s, {1e6 / ours_rate:.2f} µs each")
    print(
        f"babel.numbers.format_decimal: {len(babel_input):,} sampled in {theirs_best:.3f} s; "
        f"{len(values):,} would take {len(values) / theirs_rate:.1f} s (extrapolated)"
    )
    print(f"  {theirs_rate:,.0f} numbers/s, {1e6 / theirs_rate:.2f} µs each")
    print(f"ratio: {ratio:.1f}x Babel's rate (target at least {TARGET_RATIO:.0f}x)")
    print(f"identical digits: {len(sample) - len(mismatches):,} of {len(sample):,} sampled")
    for kronor, mine, babel in mismatches[:5]:
        print(f"  differs for {kronor} kr: smartind {mine!r}, Babel {babel!r}")
    if mismatches:
        return 1
    return 0 if ratio >= TARGET_RATIO else 2


if __name__ == "__main__":
    sys.exit(main())
