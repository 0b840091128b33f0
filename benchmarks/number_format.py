"""Format a million amounts with smartind and compare the rate with Babel's format_decimal.

Run from the repository root::

    python benchmarks/number_format.py [--count 1000000] [--babel-count N] [--seed 2019]

The amounts are exact öre values up to ±10^12 kr, formatted in whole tkr in the
``tillvaxtverket`` style (U+00A0 groups, hyphen minus, half-up rounding), digits only. What
makes the comparison fair:

* Both sides format the same amounts, all of them unless ``--babel-count`` limits Babel to the
  first N (a random sample: the amounts are drawn independently); Babel's rate is then measured
  on the sample, and the output says so.
* Babel is handed each amount already converted to tkr and rounded half-up, prepared outside
  the timed loop: Babel rounds half-even and would print other digits at ties. Its timed work is
  the digits and groups alone; smartind's also includes the conversion and the rounding.
* Every text is compared, in a separate untimed pass: the run fails unless both give identical
  digits for every amount.
* Each side is timed ``--repeats`` times, alternating, with the garbage collector paused, and
  the best run counts, so a busy machine affects both alike. The timed loops are alike: one
  call per number, the text dropped.

Babel is timed in two ways. ``format_decimal(v, locale="sv_SE")`` is the call as the issue, the
tests and Babel's documentation write it; the target, a rate at least ten times Babel's, is
measured against it. ``format_decimal(v, locale=Locale.parse("sv_SE"))``, with the locale parsed
once beforehand, is Babel's fastest ordinary use (about a third quicker); its ratio is printed
too, for information.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from collections.abc import Callable
from decimal import Decimal

from babel import Locale
from babel.numbers import format_decimal

from smartind.numbers import Amount, format_amount, round_half_up

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


def seconds(run: Callable[[], object]) -> float:
    """Seconds one run takes, with the garbage collector paused."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        run()
        return time.perf_counter() - start
    finally:
        gc.enable()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument(
        "--babel-count", type=int, default=0, help="amounts Babel formats (default: all)"
    )
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    values = amounts(args.count, args.seed)
    babel_count = min(args.babel_count or args.count, args.count)
    # Babel gets the value in tkr already rounded half-up, prepared outside the timed loop. A
    # negative amount that rounds to zero is given as 0: Babel would print "-0", smartind "0".
    babel_input = [round_half_up(amount.to("tkr")) or Decimal(0) for amount in values[:babel_count]]
    sv_se = Locale.parse("sv_SE")

    def ours() -> None:
        for amount in values:
            format_amount(amount, "tkr", show_unit=False)

    def babel() -> None:
        for value in babel_input:
            format_decimal(value, locale="sv_SE")

    def babel_parsed() -> None:
        for value in babel_input:
            format_decimal(value, locale=sv_se)

    sides = {"smartind": ours, "babel": babel, "babel_parsed": babel_parsed}
    best = dict.fromkeys(sides, float("inf"))
    for _ in range(args.repeats):
        for name, run in sides.items():
            best[name] = min(best[name], seconds(run))

    texts = {
        "smartind": [format_amount(a, "tkr", show_unit=False) for a in values[:babel_count]],
        "babel": [format_decimal(value, locale="sv_SE") for value in babel_input],
        "babel_parsed": [format_decimal(value, locale=sv_se) for value in babel_input],
    }

    ours_texts = texts["smartind"]
    mismatches = [
        (index, values[index].kronor, mine, theirs)
        for name in ("babel", "babel_parsed")
        for index, (mine, theirs) in enumerate(zip(ours_texts, texts[name], strict=True))
        if mine != theirs
    ]
    rate = {name: (args.count if name == "smartind" else babel_count) / best[name] for name in best}
    ratio = rate["smartind"] / rate["babel"]
    ratio_parsed = rate["smartind"] / rate["babel_parsed"]

    sampled = "" if babel_count == args.count else f" (a sample of {babel_count:,}; rate scaled)"
    print(f"amounts: {args.count:,}, the same for both sides{sampled}; best of {args.repeats} runs")
    print(
        f"smartind format_amount(a, 'tkr', show_unit=False): {best['smartind']:.3f} s, "
        f"{rate['smartind']:,.0f}/s, {1e6 / rate['smartind']:.2f} µs each"
    )
    print(
        f"babel format_decimal(v, locale='sv_SE'):           {best['babel']:.3f} s, "
        f"{rate['babel']:,.0f}/s, {1e6 / rate['babel']:.2f} µs each"
    )
    print(
        f"babel format_decimal(v, locale=<parsed Locale>):   {best['babel_parsed']:.3f} s, "
        f"{rate['babel_parsed']:,.0f}/s, {1e6 / rate['babel_parsed']:.2f} µs each"
    )
    print(
        f"ratio: {ratio:.1f}x Babel's rate with locale='sv_SE' "
        f"(target at least {TARGET_RATIO:.0f}x); {ratio_parsed:.1f}x with a parsed Locale"
    )
    print(
        f"identical digits: {babel_count - len({index for index, *_ in mismatches}):,} "
        f"of {babel_count:,} amounts, against both Babel calls"
    )
    for _, kronor, mine, theirs in mismatches[:5]:
        print(f"  differs for {kronor} kr: smartind {mine!r}, Babel {theirs!r}")
    if mismatches:
        return 1
    return 0 if ratio >= TARGET_RATIO else 2


if __name__ == "__main__":
    sys.exit(main())
