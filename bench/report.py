#!/usr/bin/env python3
"""Prints the table of bench/run.sh from the measured rows (label|files|file bytes|wall s|CPU s|RSS KB).

Speeds are in MB of the reports' UTF-8 text per second, whatever format was read (a DOCX file is
a zip a fraction of that size; a GBK file two thirds), so every row of the main corpus is
comparable: they are the same reports. Ratios use CPU time (user + system): on a shared machine
the wall time of a single-threaded run depends on the other load, its CPU time much less. The
wall time shows what parallel checking gains.
"""

from __future__ import annotations

import argparse
import os
import statistics


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cores", required=True)
    ap.add_argument("--startup", required=True, help="median wall ms, best wall ms, median CPU ms [, tool]")
    ap.add_argument("--small", required=True, help="the report of the startup measurement")
    ap.add_argument("--note", default="")
    ap.add_argument("--binary", required=True)
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--load", required=True, help="load averages before / after")
    ap.add_argument("--rows", nargs="+", required=True)
    ap.add_argument("--linear", nargs="+", required=True)
    ap.add_argument("--many", nargs="+", help="the many-reports rows, smallest first")
    ap.add_argument("--together", help="the row of <cores> copies of nblint -j 1 run at once")
    args = ap.parse_args()

    sizes = [int(line.split("\t")[3]) for line in open(args.manifest, encoding="utf-8").read().splitlines()[1:]]
    text_mb = sum(sizes) / 1e6
    rows = [Row(r) for r in args.rows]
    wc = next((r for r in rows if r.label.startswith("wc -m")), None)
    mdl = next((r for r in rows if r.label.startswith("markdownlint")), None)

    print(f"nblint benchmark: {args.binary}")
    print(f"corpus: {len(sizes)} reports, {text_mb:.1f} MB of UTF-8 text, sizes {min(sizes) / 1024:.1f} KB – "
          f"{max(sizes) / 1024 / 1024:.2f} MB (median {statistics.median(sizes) / 1024:.1f} KB)")
    print(f"machine: {args.cores} cores; load average (1, 5, 15 min) before / after: {args.load}")
    print()
    head = (f"{'':34} {'files':>5} {'file MB':>7} {'wall s':>7} {'CPU s':>7} {'MB/s':>6} {'MB/CPU-s':>8} "
            f"{'RSS MB':>6} {'CPU ÷ wc -m':>11} {'× markdownlint':>14}")
    print(head)
    print("-" * len(head))
    for r in rows:
        vs_wc = f"{r.cpu / wc.cpu:.1f}×" if wc and r is not wc and wc.cpu > 0 else ""
        vs_mdl = f"{mdl.cpu / r.cpu:.1f}×" if mdl and r is not mdl and r.cpu > 0 else ""
        print(f"{r.label:34} {r.files:>5} {r.file_bytes / 1e6:7.1f} {r.wall:7.3f} {r.cpu:7.3f} "
              f"{text_mb / max(r.wall, 0.005):6.1f} {text_mb / max(r.cpu, 0.005):8.1f} {r.rss_kb / 1024:6.1f} "
              f"{vs_wc:>11} {vs_mdl:>14}")
    if args.note:
        print(args.note)
    print()
    print("MB/s: MB of the reports' UTF-8 text per wall-clock second (every row reads the same reports);")
    print("MB/CPU-s: per second of CPU time (user + system). CPU ÷ wc -m: CPU time relative to wc -m on the")
    print("UTF-8 text; × markdownlint: markdownlint-cli2's CPU time on the Markdown copies ÷ the row's.")
    single = next((r for r in rows if r.label.startswith("nblint -j 1, UTF-8")), None)
    multi = next((r for r in rows if r.label.startswith("nblint -j") and "UTF-8" in r.label and r is not single), None)
    if single and multi:
        print(f"parallel: {multi.label.split(',')[0]} is {single.wall / max(multi.wall, 0.005):.2f}× as fast as -j 1 "
              f"(wall time; the two rows' runs took turns)")
        if args.together:
            # Independent processes share nothing but the machine: what they gain over one is the
            # most that threads in one process could gain here.
            together = Row(args.together)
            copies = int(together.label.split(" ")[0])
            print(f"ceiling: {copies} × nblint -j 1 at once check {copies * single.wall / max(together.wall, 0.005):.2f}× "
                  f"as much per second as one alone ({together.wall:.3f} s wall for all {copies}; "
                  f"runs in turn with the two rows)")
    if wc and single and single.cpu > 0:
        # The per-core target (>= 100 MB/s) was set on this machine when wc -m read about 100 MB/s.
        # Both swing with the machine's hour, not always alike (wc -m makes a library call per
        # character, nblint also waits on memory), so the ratio is printed beside the absolute
        # figures, not for them.
        print(f"floor: nblint -j 1 read the text {wc.cpu / single.cpu:.2f}× as fast as wc -m per CPU-second "
              f"(their runs took turns; wc -m read {text_mb / max(wc.cpu, 0.005):.1f} MB/CPU-s)")
    print()
    wall_med, wall_best, cpu_med = args.startup.split()[:3]
    tool = " (wall time by hyperfine)" if args.startup.endswith("hyperfine") else ""
    print(f"startup: nblint check on one {os.path.getsize(args.small) / 1024:.1f} KB report: median wall {wall_med} ms, "
          f"best {wall_best} ms, median CPU {cpu_med} ms{tool}")
    nblint_rows = [r for r in rows + [Row(x) for x in args.linear] if r.label.startswith("nblint")]
    peak = max(nblint_rows, key=lambda r: r.rss_kb)
    print(f"peak RSS of nblint: {peak.rss_kb / 1024:.1f} MB ({peak.label}, {peak.file_bytes / 1e6:.1f} MB of input)")
    print()
    print("linearity: nblint -j 1 on 1×, 10×, 100× as many UTF-8 reports")
    print(f"{'':6} {'files':>6} {'MB':>7} {'wall s':>7} {'CPU s':>7} {'MB/CPU-s':>8} {'RSS MB':>6} {'CPU s per MB ÷ 1×':>18}")
    linear = [Row(x) for x in args.linear]
    base = linear[0].cpu / (linear[0].file_bytes / 1e6)
    for r in linear:
        per_mb = r.cpu / (r.file_bytes / 1e6)
        print(f"{r.label.rsplit(' ', 1)[1]:6} {r.files:>6} {r.file_bytes / 1e6:7.1f} {r.wall:7.3f} {r.cpu:7.3f} "
              f"{r.file_bytes / 1e6 / max(r.cpu, 0.005):8.1f} {r.rss_kb / 1024:6.1f} {per_mb / base:18.2f}")
    if args.many:
        sizes = [Row(x) for x in args.many]
        print()
        print(f"memory over many reports: {sizes[0].label.split(',')[0]}, small reports; each step: what each "
              f"further report adds to the peak RSS, and CPU per report against the smallest run")
        for before, after in zip(sizes, sizes[1:]):
            # What each further report leaves until the end of the run: the slope between two sizes.
            per_report_kb = (after.rss_kb - before.rss_kb) / max(after.files - before.files, 1)
            print(f"  {before.files:>6} → {after.files:<6} reports: peak RSS {before.rss_kb / 1024:6.1f} → "
                  f"{after.rss_kb / 1024:6.1f} MB, {per_report_kb:5.2f} KB per report; CPU {before.cpu:6.2f} → "
                  f"{after.cpu:6.2f} s (per report {after.cpu / max(sizes[0].cpu, 0.005) / (after.files / sizes[0].files):.2f}×)")
        last, largest = sizes[-2], sizes[-1]
        per_report_kb = (largest.rss_kb - last.rss_kb) / max(largest.files - last.files, 1)
        slopes = [(b.rss_kb - a.rss_kb) / max(b.files - a.files, 1) for a, b in zip(sizes, sizes[1:])]
        if len(slopes) >= 2 and all(later < earlier / 2 for earlier, later in zip(slopes, slopes[1:])):
            # Each step adds less than half as much per report as the one before: the fixed budgets
            # filling up, not a cost per report (a straight line would overstate the growth).
            print(f"  per report, each step adds less than half the step before "
                  f"({' → '.join(f'{x * 1024:.0f}' for x in slopes)} bytes): the budgets filling, not a cost per report")
        elif per_report_kb * 1024 < 16:
            # Under 16 bytes a report: what the budgets hold no longer grows with the run.
            print(f"  the last step adds {per_report_kb * 1024:.1f} bytes per report: flat past the budgets")
        elif largest.rss_kb < 64 * 1024:
            reach = largest.files + (64 * 1024 - largest.rss_kb) / per_report_kb
            print(f"  at the last step's rate, 64 MB is reached near {reach:,.0f} reports")


class Row:
    def __init__(self, packed: str):
        label, files, file_bytes, wall, cpu, rss = packed.split("|")
        self.label, self.files, self.file_bytes = label, int(files), int(file_bytes)
        self.wall, self.cpu, self.rss_kb = float(wall), float(cpu), int(rss)


if __name__ == "__main__":
    main()
